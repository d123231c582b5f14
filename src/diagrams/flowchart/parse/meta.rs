//! Mermaid 11 node metadata: `A@{ shape: diamond, label: "Text" }`.
//!
//! Every `key: value` entry is kept; the lowering uses `shape`, `label`,
//! `icon`, `img` (nodes) and `animate`, `animation`, `curve` (edges).
//! Other keys (`form`, `pos`, `w`, `h`, `constraint`, …) are accepted and
//! ignored. `shape` is checked here: an unknown name is an error.

use super::ast::{Meta, Text};
use crate::diagrams::flowchart::model::Shape;
use crate::syntax::lex::{fail, PResult};

/// `@{ … }` at the start of `i` (which starts with `@{`). May span lines.
pub(crate) fn metadata(i: &str) -> PResult<'_, Meta<'_>> {
    let body_start = 2;
    // Find the closing `}` outside quotes.
    let mut quote: Option<char> = None;
    let mut close = None;
    for (p, c) in i[body_start..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '}') => {
                close = Some(body_start + p);
                break;
            }
            _ => {}
        }
    }
    let Some(close) = close else {
        return fail(i, 2, "unclosed `@{` (expected `}`)");
    };
    let body = &i[body_start..close];
    let mut meta = Meta::default();
    for (key, value) in entries(body) {
        if key == "shape" {
            match shape_by_name(value.raw) {
                Some(shape) => meta.shape = Some(shape),
                None => {
                    return fail(
                        value.raw,
                        value.raw.len(),
                        format!(
                            "unknown shape `{}` in `@{{ … }}` (expected a Mermaid shape name such as `rect`, `rounded`, `diam`, `cyl` or `doc`)",
                            value.raw.trim()
                        ),
                    )
                }
            }
        }
        meta.entries.push((key, value));
    }
    Ok((&i[close + 1..], meta))
}

/// `key: value` entries separated by commas or newlines; values may be quoted.
fn entries(body: &str) -> Vec<(&str, Text<'_>)> {
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let Some(colon) = rest.find(':') else {
            break;
        };
        let key = rest[..colon].trim().trim_matches(['"', '\'']);
        let v = rest[colon + 1..].trim_start_matches([' ', '\t']);
        let (value, after) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => match v[1..].find(q) {
                Some(p) => (
                    Text {
                        raw: &v[1..1 + p],
                        quoted: true,
                    },
                    &v[p + 2..],
                ),
                None => break,
            },
            _ => {
                let n = v.find([',', '\n']).unwrap_or(v.len());
                (
                    Text {
                        raw: v[..n].trim(),
                        quoted: false,
                    },
                    &v[n..],
                )
            }
        };
        out.push((key, value));
        rest = after;
    }
    out
}

pub(crate) fn shape_by_name(name: &str) -> Option<Shape> {
    Shape::by_name(name.trim().trim_matches(['"', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_shape_and_label() {
        let (rest, m) = metadata("@{ shape: diam, label: \"a, b}\" } --> B").unwrap();
        assert_eq!(rest, " --> B");
        assert_eq!(m.shape, Some(Shape::Diamond));
        assert_eq!(m.get("label").map(|t| t.raw), Some("a, b}"));
        let (_, m) =
            metadata("@{\n  shape: lean-l\n  label: plain text\n  icon: 'fa:x'\n}").unwrap();
        assert_eq!(m.shape, Some(Shape::ParallelogramAlt));
        assert_eq!(m.get("label").map(|t| t.raw), Some("plain text"));
        assert_eq!(m.get("icon").map(|t| t.raw), Some("fa:x"));
        let (_, m) = metadata("@{ shape: bolt }").unwrap();
        assert_eq!(m.shape, Some(Shape::Bolt));
        assert!(metadata("@{ shape: rect").is_err());
        let e = metadata("@{ shape: nope }").unwrap_err();
        let nom::Err::Failure(e) = e else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.msg.as_deref(),
            Some("unknown shape `nope` in `@{ … }` (expected a Mermaid shape name such as `rect`, `rounded`, `diam`, `cyl` or `doc`)")
        );
        assert!(metadata("@{ shape: rect_left_inv_arrow }").is_err());
        assert_eq!((e.at, e.len), ("nope", 4));
    }
}
