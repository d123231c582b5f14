//! C4 diagrams (`C4Context`, `C4Container`, `C4Component`, `C4Dynamic`,
//! `C4Deployment`).
//!
//! `parse` (source → [`model::C4`]) → `layout` (model + [`C4Config`] →
//! [`layout::Geometry`]; the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::Config;
use crate::syntax::{ParseError, Preamble};

/// The `c4` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct C4Config {
    /// `c4.c4ShapeInRow` (default 4): elements per row in a boundary.
    pub shape_in_row: usize,
    /// `c4.c4BoundaryInRow` (default 2): boundaries per row.
    pub boundary_in_row: usize,
    /// `c4.width` (default 216): an element's width.
    pub shape_width: f64,
    /// `c4.height` (default 60): an element's least height.
    pub shape_height: f64,
    /// `c4.c4ShapeMargin` (default 50): space between elements.
    pub shape_margin: f64,
    /// `c4.diagramMarginX` (default 50): margin around the drawing.
    pub margin: f64,
    /// The description's font size (Mermaid's `personFontSize` and
    /// friends, default 14); names are 2 px larger, type lines 2 px smaller.
    pub font_size: f64,
}

impl C4Config {
    /// Read the `c4` section (invalid values fall back to the defaults);
    /// `UpdateLayoutConfig` in the diagram wins over it.
    pub fn from_config(config: &Config, d: &model::C4) -> C4Config {
        let s = config.section("c4");
        let f = |k: &str, def: f64, lo: f64, hi: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && (lo..=hi).contains(v))
                .unwrap_or(def)
        };
        C4Config {
            shape_in_row: d
                .shape_in_row
                .unwrap_or(f("c4ShapeInRow", 4.0, 1.0, 100.0) as usize),
            boundary_in_row: d
                .boundary_in_row
                .unwrap_or(f("c4BoundaryInRow", 2.0, 1.0, 100.0) as usize),
            shape_width: f("width", 216.0, 40.0, 2000.0),
            shape_height: f("height", 60.0, 20.0, 2000.0),
            shape_margin: f("c4ShapeMargin", 50.0, 0.0, 500.0),
            margin: f("diagramMarginX", 50.0, 0.0, 500.0),
            font_size: f("personFontSize", 14.0, 6.0, 72.0),
        }
    }
}

/// Parse, lay out and draw a C4 diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let d = parse::parse(pre)?;
    Ok(render_c4(&d, cx))
}

/// Lay out and draw a parsed C4 diagram.
pub fn render_c4(d: &model::C4, cx: &Context<'_>) -> Drawing {
    let config = C4Config::from_config(cx.config, d);
    let geometry = layout::layout(d, &config);
    let svg = draw::render_svg(d, &geometry, cx);
    Drawing {
        svg,
        width: geometry.width,
        height: geometry.height,
        layout_json: None,
    }
}
