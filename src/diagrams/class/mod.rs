//! Class diagrams (`classDiagram`, `classDiagram-v2`).
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
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// The `class` configuration section, typed. Each field names the Mermaid
/// key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassConfig {
    /// `class.nodeSpacing` (default 50).
    pub node_spacing: f64,
    /// `class.rankSpacing` (default 50).
    pub rank_spacing: f64,
    /// `class.diagramPadding` (default 8).
    pub diagram_padding: f64,
    /// `class.hideEmptyMembersBox` (default false): a class without
    /// members is drawn as its name compartment only.
    pub hide_empty_members_box: bool,
    /// `class.hierarchicalNamespaces` (default true): `namespace A.B`
    /// nests B in A.
    pub hierarchical_namespaces: bool,
    /// `class.curve` (default `basis`).
    pub curve: Option<String>,
}

impl ClassConfig {
    pub fn from_config(config: &Config) -> ClassConfig {
        let s = config.section("class");
        let num = |k: &str, lo: f64, hi: f64, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        let flag = |k: &str, def: bool| match s.get(k) {
            Some(Value::Bool(b)) => *b,
            _ => def,
        };
        ClassConfig {
            node_spacing: num("nodeSpacing", 0.0, 2000.0, 50.0),
            rank_spacing: num("rankSpacing", 0.0, 2000.0, 50.0),
            diagram_padding: num("diagramPadding", 0.0, 2000.0, 8.0),
            hide_empty_members_box: flag("hideEmptyMembersBox", false),
            hierarchical_namespaces: flag("hierarchicalNamespaces", true),
            curve: s.get_str("curve").filter(|c| !c.trim().is_empty()),
        }
    }
}

/// Parse, lay out and draw a class diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let cfg = ClassConfig::from_config(cx.config);
    let d = parse::parse(pre, cfg.hierarchical_namespaces)?;
    Ok(render_diagram(&d, cx))
}

/// Lay out and draw a parsed class diagram.
pub fn render_diagram(d: &model::Diagram, cx: &Context<'_>) -> Drawing {
    let cfg = ClassConfig::from_config(cx.config);
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
