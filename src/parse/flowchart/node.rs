//! Node references: `id`, `id[label]` and the other bracket shapes,
//! `id:::class`.

use super::ast::{NodeRef, Text};
use super::meta::metadata;
use crate::model::Shape;
use crate::parse::lex::{
    backtrack, class_name, describe, fail, node_id, quoted, sp0, token_len, PErr, PResult,
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
    let (rest, id) = node_id(i)?;
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
    // them closes on this line, fall back to shorter openers (`[(a) b]` is
    // a rectangle labelled `(a) b`).
    let mut first_open: Option<&str> = None;
    let mut idx = 0;
    while idx < SHAPES.len() {
        let open = SHAPES[idx].0;
        let same: Vec<_> = SHAPES[idx..]
            .iter()
            .take_while(|s| s.0 == open)
            .copied()
            .collect();
        idx += same.len();
        let Some(body) = i.strip_prefix(open) else {
            continue;
        };
        first_open.get_or_insert(open);
        if let Some(found) = label_and_close(body, &same)? {
            return Ok(found);
        }
    }
    let Some(open) = first_open else {
        return backtrack(i);
    };
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

type Found<'a> = Option<(&'a str, (Shape, Text<'a>))>;

/// The label after an opener and one of the candidates' closers.
fn label_and_close<'a>(
    body: &'a str,
    cands: &[(&str, &str, Shape)],
) -> Result<Found<'a>, nom::Err<PErr<'a>>> {
    let t = sp0(body);
    if t.starts_with('"') {
        let (after, s) = quoted(t)?;
        let after = sp0(after);
        for &(_, close, shape) in cands {
            if let Some(rest) = after.strip_prefix(close) {
                return Ok(Some((
                    rest,
                    (
                        shape,
                        Text {
                            raw: s,
                            quoted: true,
                        },
                    ),
                )));
            }
        }
        return Ok(None);
    }
    // Unquoted: the earliest closer on this line; single-character
    // brackets nest (`A(f(x))`, `A[a [b] c]`).
    let (open_c, close_c) = match cands[0].1 {
        ")" => (Some('('), Some(')')),
        "]" if cands[0].0 == "[" => (Some('['), Some(']')),
        "}" => (Some('{'), Some('}')),
        _ => (None, None),
    };
    let mut depth = 0usize;
    for (p, c) in body.char_indices() {
        if c == '\n' {
            return Ok(None);
        }
        if Some(c) == open_c {
            depth += 1;
            continue;
        }
        if depth > 0 && Some(c) == close_c {
            depth -= 1;
            continue;
        }
        for &(_, close, shape) in cands {
            if body[p..].starts_with(close) {
                let raw = &body[..p];
                let rest = &body[p + close.len()..];
                return Ok(Some((rest, (shape, Text { raw, quoted: false }))));
            }
        }
    }
    Ok(None)
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
            (
                "A[出口管制：芯片/限制 (x)]",
                "A[rect]:出口管制：芯片/限制 (x)",
            ),
            ("A[(a) b]", "A[rect]:(a) b"),
            ("A(f(x))", "A[rounded]:f(x)"),
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
    }
}
