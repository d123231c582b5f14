//! ZenUML sequence diagrams (`zenuml`).
//!
//! `parse` (the ZenUML language → [`model::Diagram`], a tree of
//! statements) → `layout` (lifelines spaced by the measured labels, one
//! row per statement, activation bars for nested calls, fragment boxes,
//! hierarchical message numbers; the only place text is measured) →
//! `draw` (SVG in ZenUML's own light look: a titled frame, participant
//! boxes with type icons, dashed lifelines).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::syntax::{ParseError, Preamble};

/// Parse, lay out and draw a ZenUML diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let diagram = parse::parse(pre)?;
    let geo = layout::layout(&diagram);
    let svg = draw::render_svg(&diagram, &geo, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
