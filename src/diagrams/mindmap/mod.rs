//! Mind maps (`mindmap`).
//!
//! `parse` (indented lines → [`model::Mindmap`]) → `layout` (node sizes
//! from measured labels; branches spread right, below, left and above
//! the root or, with `layout: tidy-tree`, a left-to-right tidy tree) →
//! `draw` (SVG, branch colours from the theme's `cScale*`).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::Config;
use crate::syntax::{ParseError, Preamble};

/// The `mindmap` configuration section, typed. Each field names the
/// Mermaid key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct MindmapConfig {
    /// `mindmap.padding` (default 10): margin around the drawing.
    pub padding: f64,
    /// `mindmap.maxNodeWidth` (default 200): labels wrap to this width.
    pub max_node_width: f64,
    /// `layout` (top level, default `cose-bilkent`): `tidy-tree` draws a
    /// left-to-right tidy tree; anything else the balanced map.
    pub tidy_tree: bool,
}

impl MindmapConfig {
    /// Read the configuration (invalid values fall back to the defaults).
    pub fn from_config(config: &Config) -> MindmapConfig {
        let s = config.section("mindmap");
        MindmapConfig {
            padding: s
                .get_f64("padding")
                .filter(|v| v.is_finite() && (0.0..=500.0).contains(v))
                .unwrap_or(10.0),
            max_node_width: s
                .get_f64("maxNodeWidth")
                .filter(|v| v.is_finite() && *v >= 20.0)
                .unwrap_or(200.0),
            tidy_tree: config
                .value
                .get_str("layout")
                .is_some_and(|l| l.trim() == "tidy-tree"),
        }
    }
}

/// Parse, lay out and draw a mind map.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let m = parse::parse(pre)?;
    let cfg = MindmapConfig::from_config(cx.config);
    let opts = layout::LayoutOptions {
        font_size: cx.config.font_size,
        max_node_width: cfg.max_node_width,
        padding: cfg.padding,
        tidy_tree: cfg.tidy_tree,
    };
    let geo = layout::layout(&m, &opts);
    let svg = draw::render_svg(&m, &geo, cx, cx.config.font_size);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
