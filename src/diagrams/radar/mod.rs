//! Radar charts (`radar-beta`).
//!
//! `parse` (source → [`model::Radar`]) → `layout` (model, [`RadarConfig`]
//! and [`colors::RadarColors`] → [`layout::Geometry`]; the only place text
//! is measured) → `draw` (SVG).

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

/// The `radar` configuration section, typed. Each field names the Mermaid
/// key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarConfig {
    /// `width` (600) / `height` (600): the chart; the radius is half the
    /// smaller.
    pub width: f64,
    pub height: f64,
    /// `marginTop`, `marginRight`, `marginBottom`, `marginLeft` (50 each).
    pub margin_top: f64,
    pub margin_right: f64,
    pub margin_bottom: f64,
    pub margin_left: f64,
    /// `axisScaleFactor` (1): axis line length as a share of the radius.
    pub axis_scale_factor: f64,
    /// `axisLabelFactor` (1.05): axis label distance as a share of the radius.
    pub axis_label_factor: f64,
    /// `curveTension` (0.17): roundness of curves on a circle graticule.
    pub curve_tension: f64,
    /// `useMaxWidth` (true). The SVG always has its own pixel size here;
    /// kept so the option is read and documented.
    pub use_max_width: bool,
}

impl RadarConfig {
    /// Read the `radar` section (invalid values fall back to the defaults).
    pub fn from_config(config: &Config) -> RadarConfig {
        let s = config.section("radar");
        let num = |k: &str, def: f64, lo: f64, hi: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        RadarConfig {
            width: num("width", 600.0, 1.0, 10000.0),
            height: num("height", 600.0, 1.0, 10000.0),
            margin_top: num("marginTop", 50.0, 0.0, 5000.0),
            margin_right: num("marginRight", 50.0, 0.0, 5000.0),
            margin_bottom: num("marginBottom", 50.0, 0.0, 5000.0),
            margin_left: num("marginLeft", 50.0, 0.0, 5000.0),
            axis_scale_factor: num("axisScaleFactor", 1.0, 0.0, 10.0),
            axis_label_factor: num("axisLabelFactor", 1.05, 0.0, 10.0),
            curve_tension: num("curveTension", 0.17, 0.0, 1.0),
            use_max_width: !matches!(s.get("useMaxWidth"), Some(Value::Bool(false))),
        }
    }
}

/// Parse, lay out and draw a radar chart.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let r = parse::parse(pre)?;
    Ok(render_radar(&r, cx))
}

/// Lay out and draw a parsed radar chart.
pub fn render_radar(r: &model::Radar, cx: &Context<'_>) -> Drawing {
    let config = RadarConfig::from_config(cx.config);
    let colors = colors::RadarColors::from_theme(&cx.config.theme, cx.config.font_size);
    let g = layout::layout(r, &config, colors);
    Drawing {
        svg: draw::render_svg(r, &g, cx),
        width: g.width,
        height: g.height,
        layout_json: None,
    }
}
