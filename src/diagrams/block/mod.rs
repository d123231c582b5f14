//! Block diagrams (`block`, `block-beta`).
//!
//! `parse` (source → [`model::BlockDiagram`]) → `layout` (model +
//! [`BlockConfig`] → [`layout::Geometry`]; the only place text is measured)
//! → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::Config;
use crate::syntax::{ParseError, Preamble};

/// The `block` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockConfig {
    /// `block.padding` (default 8): space around and between cells, and
    /// around a block's label.
    pub padding: f64,
}

impl BlockConfig {
    /// Read the `block` section of `config` (invalid values fall back to
    /// the defaults).
    pub fn from_config(config: &Config) -> BlockConfig {
        let s = config.section("block");
        BlockConfig {
            padding: s
                .get_f64("padding")
                .filter(|v| v.is_finite() && (0.0..=200.0).contains(v))
                .unwrap_or(8.0),
        }
    }
}

/// Parse, lay out and draw a block diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let d = parse::parse(pre)?;
    Ok(render_block(&d, cx))
}

/// Lay out and draw a parsed block diagram.
pub fn render_block(d: &model::BlockDiagram, cx: &Context<'_>) -> Drawing {
    let config = BlockConfig::from_config(cx.config);
    let geometry = layout::layout(d, &config, cx.config.font_size);
    let svg = draw::render_svg(d, &geometry, cx, config.padding);
    Drawing {
        svg,
        width: geometry.width,
        height: geometry.height,
        layout_json: None,
    }
}
