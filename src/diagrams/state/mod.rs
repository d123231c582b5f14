//! State diagrams (`stateDiagram`, `stateDiagram-v2`).
//!
//! `parse` (source → [`model::Diagram`]) → `layout` (texts measured, boxes
//! sized, [`to_layered`] → the shared layered engine) → `draw` (SVG). The
//! layout JSON (`-f layout`) is the engine's graph and geometry.

pub mod draw;
pub mod layout;
pub mod model;
pub mod parse;
#[cfg(test)]
mod tests;
pub mod to_layered;

use super::{Context, Drawing};
use crate::config::Config;
use crate::syntax::{ParseError, Preamble};

/// The `state` configuration section, typed. Each field names the Mermaid
/// key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct StateConfig {
    /// `state.nodeSpacing` (default 50): space between states of one rank.
    pub node_spacing: f64,
    /// `state.rankSpacing` (default 50): space between ranks.
    pub rank_spacing: f64,
    /// `state.diagramPadding` (default 8): margin around the drawing.
    pub diagram_padding: f64,
    /// `state.padding` (default 8): padding around a state's text.
    pub padding: f64,
    /// `flowchart.curve`-like edge curve (default `basis`), read from
    /// `state.curve`.
    pub curve: Option<String>,
}

impl StateConfig {
    /// Read the `state` section of `config` (invalid values fall back to
    /// the defaults).
    pub fn from_config(config: &Config) -> StateConfig {
        let s = config.section("state");
        let num = |k: &str, lo: f64, hi: f64, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        StateConfig {
            node_spacing: num("nodeSpacing", 0.0, 2000.0, 50.0),
            rank_spacing: num("rankSpacing", 0.0, 2000.0, 50.0),
            diagram_padding: num("diagramPadding", 0.0, 2000.0, 8.0),
            padding: num("padding", 0.0, 200.0, 8.0),
            curve: s.get_str("curve").filter(|c| !c.trim().is_empty()),
        }
    }
}

/// Parse, lay out and draw a state diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let d = parse::parse(pre)?;
    Ok(render_diagram(&d, cx))
}

/// Lay out and draw a parsed state diagram.
pub fn render_diagram(d: &model::Diagram, cx: &Context<'_>) -> Drawing {
    let cfg = StateConfig::from_config(cx.config);
    let l = layout::layout(d, &cfg, cx.config.font_size);
    let svg = if cx.draw_svg {
        draw::draw(d, &l, cx)
    } else {
        String::new()
    };
    Drawing {
        svg,
        width: l.width,
        height: l.height,
        layout_json: cx
            .layout_json
            .then(|| crate::layered::json::to_json(&l.mapped.graph, &l.geom)),
    }
}
