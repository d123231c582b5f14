//! Architecture diagrams (`architecture-beta`).
//!
//! `parse` (source → [`model::Architecture`]) → `layout` (grid placement
//! by edge sides, group boxes; the only place text is measured) → `draw`
//! (SVG with our own pictograms for the built-in icons; icon-pack icons
//! are labelled placeholders, never fetched).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
pub mod route;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::syntax::{ParseError, Preamble};

/// Parse, lay out and draw an architecture diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let d = parse::parse(pre)?;
    Ok(render_architecture(&d, cx))
}

/// Lay out and draw a parsed architecture diagram.
pub fn render_architecture(d: &model::Architecture, cx: &Context<'_>) -> Drawing {
    let geometry = layout::layout(d, cx.config.font_size);
    let svg = draw::render_svg(d, &geometry, cx);
    Drawing {
        svg,
        width: geometry.width,
        height: geometry.height,
        layout_json: None,
    }
}
