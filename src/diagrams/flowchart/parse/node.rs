//! Node references: `id`, `id[label]` and the other bracket shapes,
//! `id:::class`.

use super::ast::{NodeRef, Text};
use super::meta::metadata;
use crate::diagrams::flowchart::model::Shape;
use crate::syntax::lex::{
    backtrack, class_name, describe, fail, quoted, sp0, token_len, vertex_id, PErr, PResult,
};

/// Bracket forms: opener, closer, shape. Longer openers first; for one
/// opener the earliest closer found wins.
const SHAPES: &[(&str, &str, Shape)] = &[
    ("(((", ")))", Shape::DoubleCircle),
    ("((", "))", Shape::Circle),
    ("([", "])", Shape::Stadium),
    ("(", ")", Shape::Rounded),
    ("[[", "]]", Shape::Subroutine),
    ("[(", ")]", Shape::Cylinder),
    ("[/", "/]", Shape::Parallelogram),
    ("[/", "\\]", Shape::Trapezoid),
    ("[\\", "\\]", Shape::ParallelogramAlt),
    ("[\\", "/]", Shape::TrapezoidAlt),
    ("[", "]", Shape::Rect),
    ("{{", "}}", Shape::Hexagon),
    ("{", "}", Shape::Diamond),
    (">", "]", Shape::Asymmetric),
];

/// A node reference. Backtracks when there is no id here.
pub(crate) fn node_ref(i: &str) -> PResult<'_, NodeRef<'_>> {
    let (rest, id) = vertex_id(i)?;
    let mut node = NodeRef {
        id,
        shape: None,
        meta: None,
        classes: Vec::new(),
    };
    let mut rest = rest;
    // `A [x]` is accepted like `A[x]`; `>` must follow the id directly.
    let t = sp0(rest);
    if t.starts_with(['[', '(', '{']) || rest.starts_with('>') {
        let (r, shape) = shape(t, id)?;
        node.shape = Some(shape);
        rest = r;
    }
    if rest.starts_with("@{") {
        let (r, m) = metadata(rest)?;
        node.meta = Some(m);
        rest = r;
    }
    while let Some(r) = rest.strip_prefix(":::") {
        match class_name(r) {
            Ok((r, c)) => {
                node.classes.push(c);
                rest = r;
            }
            Err(_) => {
                return fail(
                    r,
                    token_len(r),
                    format!(
                        "expected a class name after `:::` on node `{id}`, found {}",
                        describe(r)
                    ),
                )
            }
        }
    }
    Ok((rest, node))
}

/// A bracketed shape with its label, at the start of `i`.
fn shape<'a>(i: &'a str, id: &str) -> PResult<'a, (Shape, Text<'a>)> {
    // The longest opener that matches decides the candidates; if none of
    // them closes on this line, fall back to shorter openers (`[/api]` is
    // a rectangle labelled `/api`).
    let mut first_open: Option<&str> = None;
    let mut violation = None;
    let mut idx = 0;
    while idx < SHAPES.len() {
        let open = SHAPES[idx].0;
        let n = SHAPES[idx..].iter().take_while(|s| s.0 == open).count();
        let same = &SHAPES[idx..idx + n];
        idx += n;
        let Some(body) = i.strip_prefix(open) else {
            continue;
        };
        let first = *first_open.get_or_insert(open) == open;
        match label_and_close(body, same)? {
            Scan::Closed(found) => return Ok(found),
            Scan::Unclosed => {}
            // Report what the longest matching opener found wrong.
            // (A lone closing bracket of this opener means it is unclosed.)
            Scan::Bad(at) if first && !same.iter().any(|c| at.starts_with(&c.1[..1])) => {
                violation = Some(at)
            }
            Scan::Bad(_) => {}
        }
    }
    let Some(open) = first_open else {
        return backtrack(i);
    };
    if let Some(at) = violation {
        let c = at.chars().next().unwrap_or(' ');
        let why = if c == '"' {
            "a quoted string cannot start inside unquoted text"
        } else {
            "brackets are not allowed inside unquoted text"
        };
        return fail(
            at,
            c.len_utf8(),
            format!(
                "unexpected `{c}` in the text of node `{id}`: {why}; put the whole label in quotes, e.g. `{id}[\"…\"]`"
            ),
        );
    }
    // Report the simplest form of the opener's bracket.
    let base = &open[..1];
    let close = match base {
        "(" => ")",
        "{" => "}",
        _ => "]",
    };
    let body = &i[1..];
    if sp0(body).starts_with('"') {
        let (after, _) = quoted(sp0(body))?;
        return fail(
            sp0(after),
            token_len(sp0(after)),
            format!(
                "expected `{close}` after the label of node `{id}`, found {}",
                describe(after)
            ),
        );
    }
    fail(
        i,
        open.len(),
        format!(
            "unclosed `{open}` in node `{id}` (expected `{}`)",
            closer_of(open)
        ),
    )
}

fn closer_of(open: &str) -> &'static str {
    SHAPES
        .iter()
        .find(|s| s.0 == open)
        .map(|s| s.1)
        .unwrap_or("]")
}

/// The outcome of scanning a label for one opener's closers.
enum Scan<'a> {
    /// Rest of the input, shape and label.
    Closed((&'a str, (Shape, Text<'a>))),
    /// No closer on this line.
    Unclosed,
    /// Unquoted text holding a character Mermaid rejects there (a bracket,
    /// or a `"` starting a word); the slice starts at it.
    Bad(&'a str),
}

/// The label after an opener and one of the candidates' closers.
fn label_and_close<'a>(
    body: &'a str,
    cands: &[(&str, &str, Shape)],
) -> Result<Scan<'a>, nom::Err<PErr<'a>>> {
    let t = sp0(body);
    if t.starts_with('"') {
        let (after, s) = quoted(t)?;
        let after = sp0(after);
        for &(_, close, shape) in cands {
            if let Some(rest) = after.strip_prefix(close) {
                let text = Text {
                    raw: s,
                    quoted: true,
                };
                return Ok(Scan::Closed((rest, (shape, text))));
            }
        }
        return Ok(Scan::Unclosed);
    }
    // A markdown string without the quotes (`` A(`**md**`) ``), as Mermaid
    // accepts it: up to the closing backtick, on any line.
    if let Some(md) = t.strip_prefix('`') {
        if let Some(p) = md.find('`') {
            let raw = &t[..p + 2];
            let after = sp0(&md[p + 1..]);
            for &(_, close, shape) in cands {
                if let Some(rest) = after.strip_prefix(close) {
                    let text = Text { raw, quoted: true };
                    return Ok(Scan::Closed((rest, (shape, text))));
                }
            }
        }
    }
    // Unquoted: up to the earliest closer on this line. Brackets inside the
    // text, and a `"` after a space, are errors in Mermaid (quote the label).
    let mut prev = ' ';
    for (p, c) in body.char_indices() {
        if c == '\n' {
            return Ok(Scan::Unclosed);
        }
        for &(_, close, shape) in cands {
            if body[p..].starts_with(close) {
                let raw = &body[..p];
                let rest = &body[p + close.len()..];
                return Ok(Scan::Closed((rest, (shape, Text { raw, quoted: false }))));
            }
        }
        if matches!(c, '(' | ')' | '[' | ']' | '{' | '}') || (c == '"' && prev.is_whitespace()) {
            return Ok(Scan::Bad(&body[p..]));
        }
        prev = c;
    }
    Ok(Scan::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(i: &str) -> String {
        match node_ref(i) {
            Ok((rest, n)) => {
                let mut s = n.id.to_string();
                if let Some((shape, t)) = n.shape {
                    s += &format!("[{}]:{}", shape.name(), t.raw);
                }
                for c in n.classes {
                    s += &format!(":::{c}");
                }
                format!("{s} rest={rest:?}")
            }
            Err(nom::Err::Failure(e)) => format!("fail: {}", e.msg.unwrap_or_default()),
            Err(_) => "no node".into(),
        }
    }

    #[test]
    fn shapes() {
        let cases = [
            ("A[t]", "A[rect]:t"),
            ("A(t)", "A[rounded]:t"),
            ("A{t}", "A[diamond]:t"),
            ("A((t))", "A[circle]:t"),
            ("A(((t)))", "A[doublecircle]:t"),
            ("A([t])", "A[stadium]:t"),
            ("A[[t]]", "A[subroutine]:t"),
            ("A[(t)]", "A[cylinder]:t"),
            ("A{{t}}", "A[hexagon]:t"),
            ("A>t]", "A[asymmetric]:t"),
            ("A[/t/]", "A[lean_right]:t"),
            ("A[\\t\\]", "A[lean_left]:t"),
            ("A[/t\\]", "A[trapezoid]:t"),
            ("A[\\t/]", "A[inv_trapezoid]:t"),
            ("A[出口管制：芯片/限制 x]", "A[rect]:出口管制：芯片/限制 x"),
            ("A[/api/v1]", "A[rect]:/api/v1"),
            ("A[<img src=\"x.svg\"> t]", "A[rect]:<img src=\"x.svg\"> t"),
            ("A[\"a ] b\"]", "A[rect]:a ] b"),
            ("A [t]", "A[rect]:t"),
        ];
        for (i, want) in cases {
            assert_eq!(show(i), format!("{want} rest=\"\""), "{i}");
        }
    }

    #[test]
    fn classes_and_rest() {
        assert_eq!(show("A:::x-y:::z-->B"), "A:::x-y:::z rest=\"-->B\"");
        assert_eq!(show("A[t]:::c;"), "A[rect]:t:::c rest=\";\"");
        assert_eq!(show("A -->B"), "A rest=\" -->B\"");
    }

    #[test]
    fn errors() {
        assert_eq!(
            show("A[text"),
            "fail: unclosed `[` in node `A` (expected `]`)"
        );
        assert_eq!(
            show("A((text)"),
            "fail: unclosed `((` in node `A` (expected `))`)"
        );
        assert_eq!(
            show("A[\"t\" x]"),
            "fail: expected `]` after the label of node `A`, found `x`"
        );
        assert_eq!(
            show("A:::"),
            "fail: expected a class name after `:::` on node `A`, found end of input"
        );
        assert_eq!(show("[x]"), "no node");
        let bracket =
            "brackets are not allowed inside unquoted text; put the whole label in quotes";
        assert_eq!(
            show("A[a () b]"),
            format!("fail: unexpected `(` in the text of node `A`: {bracket}, e.g. `A[\"…\"]`")
        );
        assert_eq!(
            show("n[hello ) world]"),
            format!("fail: unexpected `)` in the text of node `n`: {bracket}, e.g. `n[\"…\"]`")
        );
        assert_eq!(
            show("A(has \"s\" t)"),
            "fail: unexpected `\"` in the text of node `A`: a quoted string cannot start inside \
             unquoted text; put the whole label in quotes, e.g. `A[\"…\"]`"
        );
    }
}
