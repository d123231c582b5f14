//! Link operators: `-->`, `---`, `-.->`, `==>`, `~~~`, their longer forms,
//! end markers (`--o`, `--x`, `<-->`, `o--o`), and labels
//! (`-- text -->`, `-. text .->`, `== text ==>`, `-->|text|`).

use super::ast::{Link, Text};
use crate::diagrams::flowchart::model::{ArrowHead, Stroke};
use crate::syntax::lex::{backtrack, consumed, fail, line_rest, quoted, sp0, PResult};

fn end_head(c: Option<char>) -> Option<ArrowHead> {
    match c? {
        '>' => Some(ArrowHead::Normal),
        'o' => Some(ArrowHead::Circle),
        'x' => Some(ArrowHead::Cross),
        _ => None,
    }
}

fn run(i: &str, c: char) -> usize {
    i.len() - i.trim_start_matches(c).len()
}

/// A closing token `--+[-xo>]` (or with `=`): `(bytes, min_len, head)`.
fn close_solid(i: &str, c: char) -> Option<(usize, u32, ArrowHead)> {
    let n = run(i, c);
    if n < 2 {
        return None;
    }
    if let Some(h) = end_head(i[n..].chars().next()) {
        return Some((n + 1, (n - 1) as u32, h));
    }
    (n >= 3).then_some((n, (n - 2) as u32, ArrowHead::None))
}

/// A closing token `-?\.+-[xo>]?`: `(bytes, min_len, head)`.
fn close_dotted(i: &str) -> Option<(usize, u32, ArrowHead)> {
    let lead = usize::from(i.starts_with('-'));
    let d = run(&i[lead..], '.');
    if d == 0 || !i[lead + d..].starts_with('-') {
        return None;
    }
    let n = lead + d + 1;
    match end_head(i[n..].chars().next()) {
        Some(h) => Some((n + 1, d as u32, h)),
        None => Some((n, d as u32, ArrowHead::None)),
    }
}

/// Which family a labelled link belongs to, to find its closing token.
#[derive(Clone, Copy)]
enum Family {
    Solid,
    Thick,
    Dotted,
}

impl Family {
    fn close(self, i: &str) -> Option<(usize, u32, ArrowHead)> {
        match self {
            Family::Solid => close_solid(i, '-'),
            Family::Thick => close_solid(i, '='),
            Family::Dotted => close_dotted(i),
        }
    }

    fn stroke(self) -> Stroke {
        match self {
            Family::Solid => Stroke::Normal,
            Family::Thick => Stroke::Thick,
            Family::Dotted => Stroke::Dotted,
        }
    }

    fn expected(self) -> &'static str {
        match self {
            Family::Solid => "`-->` or `---`",
            Family::Thick => "`==>` or `===`",
            Family::Dotted => "`.->` or `.-`",
        }
    }
}

/// Start marker `<`, `o` or `x` directly before a link body.
fn start_marker(i: &str) -> (&str, ArrowHead) {
    let head = match i.chars().next() {
        Some('<') => ArrowHead::Normal,
        Some('o') => ArrowHead::Circle,
        Some('x') => ArrowHead::Cross,
        _ => return (i, ArrowHead::None),
    };
    let rest = &i[1..];
    if rest.starts_with("--")
        || rest.starts_with("==")
        || rest.starts_with("-.")
        || (head == ArrowHead::Normal && rest.starts_with(".-"))
    {
        (rest, head)
    } else {
        (i, ArrowHead::None)
    }
}

/// A link operator at the start of `i`, with an optional `|label|` after it.
/// Backtracks (nom `Error`) when `i` does not start with a link.
pub(crate) fn link(i: &str) -> PResult<'_, Link<'_>> {
    let (body, start) = start_marker(i);
    let closed = |len: usize, stroke, min_len: u32, end| {
        let rest = &body[len..];
        let l = Link {
            stroke,
            start,
            end,
            min_len: min_len.max(1),
            label: None,
            id: None,
            src: consumed(i, rest),
            next: 0,
        };
        (rest, l)
    };
    let (rest, mut l) = if body.starts_with("~~~") {
        let n = run(body, '~');
        closed(n, Stroke::Invisible, (n - 2) as u32, ArrowHead::None)
    } else if body.starts_with('=') {
        match close_solid(body, '=') {
            Some((n, min, h)) => closed(n, Stroke::Thick, min, h),
            None if body.starts_with("==") => return labelled(i, start, &body[2..], Family::Thick),
            None => return backtrack(i),
        }
    } else if body.starts_with("-.") || body.starts_with('.') {
        match close_dotted(body) {
            Some((n, min, h)) => closed(n, Stroke::Dotted, min, h),
            None if body.starts_with("-.") && !body.starts_with("-..") => {
                return labelled(i, start, &body[2..], Family::Dotted)
            }
            None => return backtrack(i),
        }
    } else if body.starts_with('-') {
        match close_solid(body, '-') {
            Some((n, min, h)) => closed(n, Stroke::Normal, min, h),
            None if body.starts_with("--") => return labelled(i, start, &body[2..], Family::Solid),
            None => return backtrack(i),
        }
    } else {
        return backtrack(i);
    };
    let (rest, label) = pipe_label(rest)?;
    l.label = label;
    l.src = consumed(i, rest);
    Ok((rest, l))
}

/// `-- text -->` and friends: `after_open` is the text after the opening token.
fn labelled<'a>(
    i: &'a str,
    start: ArrowHead,
    after_open: &'a str,
    fam: Family,
) -> PResult<'a, Link<'a>> {
    let opener_len = i.len() - after_open.len();
    let unclosed = || {
        fail(
            i,
            opener_len,
            format!(
                "unclosed edge label after `{}` (expected {} to end it on the same line)",
                &i[..opener_len],
                fam.expected()
            ),
        )
    };
    let t = sp0(after_open);
    let (label, close_at) = if t.starts_with('"') {
        let (r, s) = quoted(t)?;
        let r = sp0(r);
        if fam.close(r).is_none() {
            return unclosed();
        }
        (
            Text {
                raw: s,
                quoted: true,
            },
            r,
        )
    } else {
        let line = line_rest(after_open);
        let found = line
            .char_indices()
            .find(|&(p, _)| fam.close(&line[p..]).is_some());
        let Some((p, _)) = found else {
            return unclosed();
        };
        let raw = line[..p].trim();
        (Text { raw, quoted: false }, &after_open[p..])
    };
    let Some((n, min, end)) = fam.close(close_at) else {
        return unclosed();
    };
    let rest = &close_at[n..];
    let (rest, pipe) = pipe_label(rest)?;
    let label = pipe.or((!label.raw.trim().is_empty() || label.quoted).then_some(label));
    Ok((
        rest,
        Link {
            stroke: fam.stroke(),
            start,
            end,
            min_len: min.max(1),
            label,
            id: None,
            src: consumed(i, rest),
            next: 0,
        },
    ))
}

/// An optional `|text|` label after a link.
fn pipe_label(i: &str) -> PResult<'_, Option<Text<'_>>> {
    let t = sp0(i);
    let Some(body) = t.strip_prefix('|') else {
        return Ok((i, None));
    };
    let b = sp0(body);
    if b.starts_with('"') {
        let (r, s) = quoted(b)?;
        let r = sp0(r);
        return match r.strip_prefix('|') {
            Some(r) => Ok((
                r,
                Some(Text {
                    raw: s,
                    quoted: true,
                }),
            )),
            None => fail(t, 1, "unclosed `|` in edge label (expected a closing `|`)"),
        };
    }
    let line = line_rest(body);
    match line.find('|') {
        Some(p) => Ok((
            &body[p + 1..],
            Some(Text {
                raw: line[..p].trim(),
                quoted: false,
            }),
        )),
        None => fail(t, 1, "unclosed `|` in edge label (expected a closing `|`)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(i: &str) -> String {
        match link(i) {
            Ok((rest, l)) => format!(
                "{:?} {:?}>{:?} min{} {:?} rest={rest:?}",
                l.stroke,
                l.start,
                l.end,
                l.min_len,
                l.label.map(|t| t.raw)
            ),
            Err(nom::Err::Failure(e)) => format!("fail: {}", e.msg.unwrap_or_default()),
            Err(_) => "no link".into(),
        }
    }

    #[test]
    fn plain_links() {
        assert_eq!(show("-->B"), "Normal None>Normal min1 None rest=\"B\"");
        assert_eq!(show("---B"), "Normal None>None min1 None rest=\"B\"");
        assert_eq!(show("--->B"), "Normal None>Normal min2 None rest=\"B\"");
        assert_eq!(show("----B"), "Normal None>None min2 None rest=\"B\"");
        assert_eq!(show("-.->B"), "Dotted None>Normal min1 None rest=\"B\"");
        assert_eq!(show("-..->B"), "Dotted None>Normal min2 None rest=\"B\"");
        assert_eq!(show("-.-B"), "Dotted None>None min1 None rest=\"B\"");
        assert_eq!(show("==>B"), "Thick None>Normal min1 None rest=\"B\"");
        assert_eq!(show("===>B"), "Thick None>Normal min2 None rest=\"B\"");
        assert_eq!(show("===B"), "Thick None>None min1 None rest=\"B\"");
        assert_eq!(show("~~~B"), "Invisible None>None min1 None rest=\"B\"");
        assert_eq!(show("~~~~B"), "Invisible None>None min2 None rest=\"B\"");
    }

    #[test]
    fn markers() {
        assert_eq!(show("--o B"), "Normal None>Circle min1 None rest=\" B\"");
        assert_eq!(show("--x B"), "Normal None>Cross min1 None rest=\" B\"");
        assert_eq!(show("<--> B"), "Normal Normal>Normal min1 None rest=\" B\"");
        assert_eq!(show("o--o B"), "Normal Circle>Circle min1 None rest=\" B\"");
        assert_eq!(show("x--x B"), "Normal Cross>Cross min1 None rest=\" B\"");
        assert_eq!(
            show("<-.-> B"),
            "Dotted Normal>Normal min1 None rest=\" B\""
        );
        assert_eq!(show("<.-> B"), "Dotted Normal>Normal min1 None rest=\" B\"");
        assert_eq!(show("<==> B"), "Thick Normal>Normal min1 None rest=\" B\"");
    }

    #[test]
    fn labels() {
        assert_eq!(
            show("-- 影响 --> G;"),
            "Normal None>Normal min1 Some(\"影响\") rest=\" G;\""
        );
        assert_eq!(
            show("-- a-b --->G"),
            "Normal None>Normal min2 Some(\"a-b\") rest=\"G\""
        );
        assert_eq!(
            show("-. e.g. .-> G"),
            "Dotted None>Normal min1 Some(\"e.g.\") rest=\" G\""
        );
        assert_eq!(
            show("== go ==> G"),
            "Thick None>Normal min1 Some(\"go\") rest=\" G\""
        );
        assert_eq!(
            show("-->|yes| G"),
            "Normal None>Normal min1 Some(\"yes\") rest=\" G\""
        );
        assert_eq!(
            show("--- |no|G"),
            "Normal None>None min1 Some(\"no\") rest=\"G\""
        );
        assert_eq!(
            show("-->|\"a|b\"|G"),
            "Normal None>Normal min1 Some(\"a|b\") rest=\"G\""
        );
        assert_eq!(
            show("-- \"quoted --> text\" --> G"),
            "Normal None>Normal min1 Some(\"quoted --> text\") rest=\" G\""
        );
        assert_eq!(
            show("<-- both --> G"),
            "Normal Normal>Normal min1 Some(\"both\") rest=\" G\""
        );
    }

    #[test]
    fn not_links_and_errors() {
        assert_eq!(show("& B"), "no link");
        assert_eq!(show("-B"), "no link");
        assert_eq!(show("oB"), "no link");
        assert_eq!(
            show("-- text\nB"),
            "fail: unclosed edge label after `--` (expected `-->` or `---` to end it on the same line)"
        );
        assert_eq!(
            show("-->|text"),
            "fail: unclosed `|` in edge label (expected a closing `|`)"
        );
    }
}
