//! Wardley maps (`wardley-beta`, `wardley`): a value chain placed by
//! visibility (up) and evolution (right), with the evolution stages,
//! links, evolve trends, pipelines, sourcing marks, inertia, notes,
//! annotations and (de)accelerators.
//!
//! `parse` (source → [`model::Wardley`]) → `layout` (→
//! [`layout::Geometry`]; the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::syntax::{ParseError, Preamble};
use crate::theme::Theme;

/// Colours from the theme: lines in `lineColor`, texts in `textColor`,
/// component circles filled with the page background, evolve trends red
/// (mermaid-js: `#dc3545`), sourcing overlays in greys.
#[derive(Debug, Clone, PartialEq)]
pub struct WardleyColors {
    pub line: String,
    pub text: String,
    pub anchor: String,
    pub node_fill: String,
    pub stage: String,
    pub trend: String,
    pub build: String,
    pub buy: String,
    pub outsource: String,
    pub overlay_stroke: String,
}

impl WardleyColors {
    pub fn from_theme(t: &Theme) -> WardleyColors {
        let dark = t.dark_mode;
        WardleyColors {
            line: t.var("lineColor").unwrap_or_else(|| t.line.clone()),
            text: t.text.clone(),
            anchor: if dark { t.text.clone() } else { "#000".into() },
            node_fill: t.background.clone(),
            stage: if dark { t.line.clone() } else { "#000".into() },
            trend: "#dc3545".into(),
            build: if dark { "#555".into() } else { "#eee".into() },
            buy: if dark { "#777".into() } else { "#ccc".into() },
            outsource: "#666".into(),
            overlay_stroke: if dark { t.line.clone() } else { "#000".into() },
        }
    }
}

/// Parse, lay out and draw a Wardley map.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let m = parse::parse(pre)?;
    Ok(render_map(&m, cx))
}

/// Lay out and draw a parsed map.
pub fn render_map(m: &model::Wardley, cx: &Context<'_>) -> Drawing {
    let c = WardleyColors::from_theme(&cx.config.theme);
    let g = layout::layout(m);
    let svg = draw::render_svg(m, &g, cx, &c);
    Drawing {
        svg,
        width: g.width,
        height: g.height,
        layout_json: None,
    }
}
