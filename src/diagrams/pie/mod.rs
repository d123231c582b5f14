//! Pie charts (`pie`).
//!
//! `parse` (source → [`model::Pie`]) → `layout` (model + [`PieConfig`] +
//! [`colors::PieColors`] → [`layout::Geometry`]; the only place text is
//! measured) → `draw` (SVG).

pub mod colors;
pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// The `pie` configuration section, typed. Each field names the Mermaid
/// key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct PieConfig {
    /// `pie.textPosition` (default 0.75): where the percentages sit, from 0
    /// at the centre to 1 on the rim.
    pub text_position: f64,
    /// `pie.useMaxWidth` (default true). The SVG always has its own pixel
    /// size here; kept so the option is read and documented.
    pub use_max_width: bool,
}

impl PieConfig {
    /// Read the `pie` section of `config` (invalid values fall back to the
    /// defaults).
    pub fn from_config(config: &Config) -> PieConfig {
        let s = config.section("pie");
        PieConfig {
            text_position: s
                .get_f64("textPosition")
                .filter(|v| v.is_finite() && (0.0..=1.0).contains(v))
                .unwrap_or(0.75),
            use_max_width: !matches!(s.get("useMaxWidth"), Some(Value::Bool(false))),
        }
    }
}

/// Parse, lay out and draw a pie chart.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let pie = parse::parse(pre)?;
    Ok(render_pie(&pie, cx))
}

/// Lay out and draw a parsed pie chart.
pub fn render_pie(pie: &model::Pie, cx: &Context<'_>) -> Drawing {
    let config = PieConfig::from_config(cx.config);
    let colors = colors::PieColors::from_theme(&cx.config.theme);
    let geometry = layout::layout(pie, &config, colors);
    let svg = draw::render_svg(pie, &geometry, cx);
    Drawing {
        svg,
        width: geometry.width,
        height: geometry.height,
        layout_json: None,
    }
}
