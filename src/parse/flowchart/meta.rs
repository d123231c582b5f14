//! Mermaid 11 node metadata: `A@{ shape: diamond, label: "Text" }`.
//!
//! Only `shape` and `label` are modelled; other keys (`icon`, `img`,
//! `form`, `pos`, `w`, `h`, `constraint`, `animate`, …) are accepted and
//! ignored. Known Mermaid shape names without an equivalent in [`Shape`]
//! fall back to [`Shape::Rect`]; unknown names are an error.

use super::ast::{Meta, Text};
use crate::model::Shape;
use crate::parse::lex::{fail, PResult};

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
        match key {
            "shape" => match shape_by_name(value.raw) {
                Some(shape) => meta.shape = Some(shape),
                None => {
                    return fail(
                        value.raw,
                        value.raw.len(),
                        format!("unknown shape `{}` in `@{{ … }}`", value.raw.trim()),
                    )
                }
            },
            "label" => meta.label = Some(value),
            _ => {}
        }
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

/// Mermaid 11 shape names and aliases without their own model shape
/// (drawn as rectangles for now).
const OTHER_SHAPES: &[&str] = &[
    "rect",
    "rectangle",
    "proc",
    "process",
    "square",
    "notch-rect",
    "card",
    "notched-rectangle",
    "lin-rect",
    "lined-rectangle",
    "lin-proc",
    "lined-process",
    "shaded-process",
    "fork",
    "join",
    "hourglass",
    "collate",
    "comment",
    "brace",
    "brace-l",
    "brace-r",
    "braces",
    "bolt",
    "com-link",
    "lightning-bolt",
    "doc",
    "document",
    "delay",
    "half-rounded-rectangle",
    "das",
    "horizontal-cylinder",
    "h-cyl",
    "lin-cyl",
    "disk",
    "lined-cylinder",
    "curv-trap",
    "curved-trapezoid",
    "display",
    "div-rect",
    "div-proc",
    "divided-rectangle",
    "divided-process",
    "tri",
    "extract",
    "triangle",
    "win-pane",
    "internal-storage",
    "window-pane",
    "lin-doc",
    "lined-document",
    "notch-pent",
    "loop-limit",
    "notched-pentagon",
    "flip-tri",
    "flipped-triangle",
    "manual-file",
    "sl-rect",
    "manual-input",
    "sloped-rectangle",
    "docs",
    "documents",
    "st-doc",
    "stacked-document",
    "processes",
    "procs",
    "st-rect",
    "stacked-rectangle",
    "flag",
    "paper-tape",
    "bow-rect",
    "stored-data",
    "bow-tie-rectangle",
    "cross-circ",
    "summary",
    "crossed-circle",
    "tag-doc",
    "tagged-document",
    "tag-rect",
    "tag-proc",
    "tagged-rectangle",
    "tagged-process",
    "text",
    "anchor",
    "datastore",
    "data-store",
    "choice",
    "note",
    "icon",
    "image",
];

/// Mermaid 11 shape names and aliases mapped onto the model's shapes;
/// `None` for a name Mermaid does not know.
pub(crate) fn shape_by_name(name: &str) -> Option<Shape> {
    Some(match name.trim() {
        "rounded" | "event" => Shape::Rounded,
        "stadium" | "terminal" | "pill" => Shape::Stadium,
        "subroutine" | "fr-rect" | "subproc" | "subprocess" | "framed-rectangle" => {
            Shape::Subroutine
        }
        "cyl" | "cylinder" | "db" | "database" => Shape::Cylinder,
        "circle" | "circ" | "sm-circ" | "small-circle" | "start" | "f-circ" | "filled-circle"
        | "junction" => Shape::Circle,
        "dbl-circ" | "doublecircle" | "double-circle" | "fr-circ" | "framed-circle" | "stop" => {
            Shape::DoubleCircle
        }
        "odd" => Shape::Asymmetric,
        "diamond" | "diam" | "decision" | "question" => Shape::Diamond,
        "hex" | "hexagon" | "prepare" => Shape::Hexagon,
        "lean-r" | "lean-right" | "in-out" => Shape::Parallelogram,
        "lean-l" | "lean-left" | "out-in" => Shape::ParallelogramAlt,
        "trap-b" | "trapezoid" | "trapezoid-bottom" | "priority" => Shape::Trapezoid,
        "trap-t" | "inv-trapezoid" | "trapezoid-top" | "manual" => Shape::TrapezoidAlt,
        n if OTHER_SHAPES.contains(&n) => Shape::Rect,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_shape_and_label() {
        let (rest, m) = metadata("@{ shape: diam, label: \"a, b}\" } --> B").unwrap();
        assert_eq!(rest, " --> B");
        assert_eq!(m.shape, Some(Shape::Diamond));
        assert_eq!(m.label.map(|t| t.raw), Some("a, b}"));
        let (_, m) =
            metadata("@{\n  shape: lean-l\n  label: plain text\n  icon: 'fa:x'\n}").unwrap();
        assert_eq!(m.shape, Some(Shape::ParallelogramAlt));
        assert_eq!(m.label.map(|t| t.raw), Some("plain text"));
        let (_, m) = metadata("@{ shape: bolt }").unwrap();
        assert_eq!(m.shape, Some(Shape::Rect));
        assert!(metadata("@{ shape: rect").is_err());
        let e = metadata("@{ shape: nope }").unwrap_err();
        let nom::Err::Failure(e) = e else {
            panic!("expected a failure")
        };
        assert_eq!(e.msg.as_deref(), Some("unknown shape `nope` in `@{ … }`"));
        assert_eq!((e.at, e.len), ("nope", 4));
    }
}
