//! The `error` diagram: what mermaid-js draws for the keyword `error` (its
//! own error picture — a bomb, "Syntax error in text" and the version), so
//! that pages written against mermaid-js's error diagram render the same.
//!
//! `parse` (source → [`Error`]) → `layout` (fixed geometry, the texts
//! measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::syntax::{ParseError, Preamble};

/// The parsed `error` diagram: the keyword alone (mermaid-js detects it only
/// when the whole text is `error`), with comments, directives and
/// accessibility statements.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Error {
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

/// The headline, as mermaid-js writes it.
pub const MESSAGE: &str = "Syntax error in text";

/// Parse, lay out and draw an `error` diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let e = parse::parse(pre)?;
    let g = layout::layout(&cx.config.theme);
    let svg = draw::render_svg(&e, &g, cx);
    Ok(Drawing {
        svg,
        width: g.width,
        height: g.height,
        layout_json: None,
    })
}
