//! Venn diagrams (`venn-beta`, `venn`).
//!
//! `parse` (source → [`model::Venn`]) → `layout` (model, [`VennConfig`]
//! and [`colors::VennColors`] → [`layout::Geometry`]; the only place text
//! is measured) → `draw` (SVG).

pub mod colors;
pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::Config;
use crate::syntax::{ParseError, Preamble};

/// The `venn` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct VennConfig {
    /// `venn.width` (default 800): the frame's width.
    pub width: f64,
    /// `venn.height` (default 450): the frame's height.
    pub height: f64,
    /// `venn.padding` (default 15): space between the circles and the frame.
    pub padding: f64,
}

impl VennConfig {
    pub fn from_config(config: &Config) -> VennConfig {
        let s = config.section("venn");
        let get = |k: &str, d: f64, lo: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= 10_000.0)
                .unwrap_or(d)
        };
        let width = get("width", 800.0, 100.0);
        let height = get("height", 450.0, 100.0);
        VennConfig {
            width,
            height,
            padding: get("padding", layout::PAD, 0.0).min(width.min(height) / 4.0),
        }
    }
}

/// Parse, lay out and draw a Venn diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let v = parse::parse(pre)?;
    Ok(render_venn(&v, cx))
}

/// Lay out and draw a parsed Venn diagram.
pub fn render_venn(v: &model::Venn, cx: &Context<'_>) -> Drawing {
    let config = VennConfig::from_config(cx.config);
    let colors = colors::VennColors::from_theme(&cx.config.theme);
    let g = layout::layout(v, &config, &colors);
    let svg = draw::render_svg(v, &g, cx);
    Drawing {
        svg,
        width: g.width,
        height: g.height,
        layout_json: None,
    }
}
