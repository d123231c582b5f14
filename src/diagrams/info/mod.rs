//! The `info` diagram: a box with the renderer's name and version, as
//! mermaid-js draws its own version (`info`, `info showInfo`).
//!
//! `parse` (source → [`model::Info`]) → `layout` (the text measured, the
//! canvas) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::syntax::{ParseError, Preamble};

/// The text drawn: our own name and version.
pub fn version_text() -> String {
    format!("{} v{}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))
}

/// Parse, lay out and draw an `info` diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let info = parse::parse(pre)?;
    let g = layout::layout(&info, &cx.config.theme);
    let svg = draw::render_svg(&info, &g, cx);
    Ok(Drawing {
        svg,
        width: g.width,
        height: g.height,
        layout_json: None,
    })
}
