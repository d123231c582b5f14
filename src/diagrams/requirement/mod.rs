//! Requirement diagrams (`requirementDiagram`).
//!
//! `parse` (source → [`model::Diagram`]) → `layout` (boxes measured, then
//! the shared layered engine) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::Config;
use crate::layered::LayoutOptions;
use crate::syntax::{ParseError, Preamble};

/// The `requirement` configuration section, typed. Each field names the
/// Mermaid key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementConfig {
    /// `requirement.nodeSpacing` (default 50): space between boxes of one rank.
    pub node_spacing: f64,
    /// `requirement.rankSpacing` (default 50): space between ranks.
    pub rank_spacing: f64,
    /// `requirement.diagramPadding` (default 8): space around the drawing.
    pub diagram_padding: f64,
}

impl RequirementConfig {
    /// Read the `requirement` section (invalid values fall back to the defaults).
    pub fn from_config(config: &Config) -> RequirementConfig {
        let s = config.section("requirement");
        let d = LayoutOptions::default();
        let num = |k: &str, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 2000.0)
                .unwrap_or(def)
        };
        RequirementConfig {
            node_spacing: num("nodeSpacing", d.node_spacing),
            rank_spacing: num("rankSpacing", d.rank_spacing),
            diagram_padding: num("diagramPadding", d.margin),
        }
    }

    /// The layered engine's options.
    pub fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            node_spacing: self.node_spacing,
            rank_spacing: self.rank_spacing,
            margin: self.diagram_padding,
            ..LayoutOptions::default()
        }
    }
}

/// Parse, lay out and draw a requirement diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let d = parse::parse(pre)?;
    Ok(render_diagram(&d, pre.title.as_deref(), cx))
}

/// Lay out and draw a parsed diagram.
pub fn render_diagram(d: &model::Diagram, title: Option<&str>, cx: &Context<'_>) -> Drawing {
    let cfg = RequirementConfig::from_config(cx.config);
    let title = title.or(d.title.as_deref());
    let l = layout::layout(d, &cfg.layout_options(), cx.config.font_size, title);
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
