//! Quadrant charts (`quadrantChart`).
//!
//! `parse` (source → [`model::Quadrant`]) → `layout` (model +
//! [`QuadrantConfig`] + [`colors::QuadrantColors`] →
//! [`layout::Geometry`]; the only place text is measured) → `draw` (SVG).

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

/// The `quadrantChart` configuration section, typed. Each field names the
/// Mermaid key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantConfig {
    /// `chartWidth` (500) / `chartHeight` (500): the canvas.
    pub chart_width: f64,
    pub chart_height: f64,
    /// `titlePadding` (10) / `titleFontSize` (20).
    pub title_padding: f64,
    pub title_font_size: f64,
    /// `quadrantPadding` (5): around the quadrant square.
    pub quadrant_padding: f64,
    /// `xAxisLabelPadding` (5) / `yAxisLabelPadding` (5).
    pub x_axis_label_padding: f64,
    pub y_axis_label_padding: f64,
    /// `xAxisLabelFontSize` (16) / `yAxisLabelFontSize` (16).
    pub x_axis_label_font_size: f64,
    pub y_axis_label_font_size: f64,
    /// `quadrantLabelFontSize` (16).
    pub quadrant_label_font_size: f64,
    /// `quadrantTextTopPadding` (5): quadrant labels' distance from the
    /// top when the chart has points.
    pub quadrant_text_top_padding: f64,
    /// `pointTextPadding` (5): point label below the point.
    pub point_text_padding: f64,
    /// `pointLabelFontSize` (12).
    pub point_label_font_size: f64,
    /// `pointRadius` (5).
    pub point_radius: f64,
    /// `xAxisPosition` (`top`; `bottom` when the chart has points).
    pub x_axis_bottom: bool,
    /// `yAxisPosition` (`left`).
    pub y_axis_right: bool,
    /// `quadrantInternalBorderStrokeWidth` (1) /
    /// `quadrantExternalBorderStrokeWidth` (2).
    pub internal_border_width: f64,
    pub external_border_width: f64,
    /// `useMaxWidth` (true). The SVG always has its own pixel size here;
    /// kept so the option is read and documented.
    pub use_max_width: bool,
}

impl QuadrantConfig {
    /// Read the `quadrantChart` section (invalid values fall back to the
    /// defaults).
    pub fn from_config(config: &Config) -> QuadrantConfig {
        let s = config.section("quadrantChart");
        let num = |k: &str, def: f64, lo: f64, hi: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        QuadrantConfig {
            chart_width: num("chartWidth", 500.0, 50.0, 10000.0),
            chart_height: num("chartHeight", 500.0, 50.0, 10000.0),
            title_padding: num("titlePadding", 10.0, 0.0, 1000.0),
            title_font_size: num("titleFontSize", 20.0, 1.0, 200.0),
            quadrant_padding: num("quadrantPadding", 5.0, 0.0, 1000.0),
            x_axis_label_padding: num("xAxisLabelPadding", 5.0, 0.0, 1000.0),
            y_axis_label_padding: num("yAxisLabelPadding", 5.0, 0.0, 1000.0),
            x_axis_label_font_size: num("xAxisLabelFontSize", 16.0, 1.0, 200.0),
            y_axis_label_font_size: num("yAxisLabelFontSize", 16.0, 1.0, 200.0),
            quadrant_label_font_size: num("quadrantLabelFontSize", 16.0, 1.0, 200.0),
            quadrant_text_top_padding: num("quadrantTextTopPadding", 5.0, 0.0, 1000.0),
            point_text_padding: num("pointTextPadding", 5.0, 0.0, 1000.0),
            point_label_font_size: num("pointLabelFontSize", 12.0, 1.0, 200.0),
            point_radius: num("pointRadius", 5.0, 0.0, 1000.0),
            x_axis_bottom: s.get_str("xAxisPosition").as_deref() == Some("bottom"),
            y_axis_right: s.get_str("yAxisPosition").as_deref() == Some("right"),
            internal_border_width: num("quadrantInternalBorderStrokeWidth", 1.0, 0.0, 100.0),
            external_border_width: num("quadrantExternalBorderStrokeWidth", 2.0, 0.0, 100.0),
            use_max_width: !matches!(s.get("useMaxWidth"), Some(Value::Bool(false))),
        }
    }
}

/// Parse, lay out and draw a quadrant chart.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let q = parse::parse(pre)?;
    Ok(render_quadrant(&q, cx))
}

/// Lay out and draw a parsed quadrant chart.
pub fn render_quadrant(q: &model::Quadrant, cx: &Context<'_>) -> Drawing {
    let config = QuadrantConfig::from_config(cx.config);
    let colors = colors::QuadrantColors::from_theme(&cx.config.theme);
    let g = layout::layout(q, &config, &colors);
    Drawing {
        svg: draw::render_svg(q, &g, cx),
        width: g.width,
        height: g.height,
        layout_json: None,
    }
}
