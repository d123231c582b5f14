//! Entity relationship diagrams (`erDiagram`).
//!
//! `parse` (source → [`model::Diagram`]) → `layout` (entity tables and
//! labels measured, then the shared layered engine places entities and
//! routes relationships) → `draw` (SVG with crow's-foot markers).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::Config;
use crate::syntax::{ParseError, Preamble};

/// The `er` configuration section, typed. Each field names the Mermaid key
/// it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct ErConfig {
    /// `er.diagramPadding` (default 8 here, the layered engine's margin):
    /// space around the drawing.
    pub diagram_padding: f64,
    /// `er.minEntityWidth` (default 100).
    pub min_entity_width: f64,
    /// `er.minEntityHeight` (default 75).
    pub min_entity_height: f64,
    /// `er.nodeSpacing` (default 140): space between entities of one rank.
    pub node_spacing: f64,
    /// `er.rankSpacing` (default 80): space between ranks.
    pub rank_spacing: f64,
}

impl ErConfig {
    /// Read the `er` section of `config` (invalid values fall back to the
    /// defaults).
    pub fn from_config(config: &Config) -> ErConfig {
        let s = config.section("er");
        let num = |k: &str, lo: f64, hi: f64, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        ErConfig {
            diagram_padding: num("diagramPadding", 0.0, 500.0, 8.0),
            min_entity_width: num("minEntityWidth", 0.0, 2000.0, 100.0),
            min_entity_height: num("minEntityHeight", 0.0, 2000.0, 75.0),
            node_spacing: num("nodeSpacing", 0.0, 2000.0, 140.0),
            rank_spacing: num("rankSpacing", 0.0, 2000.0, 80.0),
        }
    }
}

/// Parse, lay out and draw an ER diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let d = parse::parse(pre)?;
    Ok(render_diagram(&d, pre.title.as_deref(), cx))
}

/// Lay out and draw a parsed diagram.
pub fn render_diagram(d: &model::Diagram, title: Option<&str>, cx: &Context<'_>) -> Drawing {
    let cfg = ErConfig::from_config(cx.config);
    let title = title.or(d.title.as_deref());
    let l = layout::layout(d, &cfg, cx.config.font_size, title);
    let svg = if cx.draw_svg {
        draw::render_svg(d, &l, cx)
    } else {
        String::new()
    };
    Drawing {
        svg,
        width: l.width,
        height: l.height,
        layout_json: cx
            .layout_json
            .then(|| crate::layered::json::to_json(&l.graph, &l.geometry)),
    }
}
