//! XY charts (`xychart`, `xychart-beta`): bar and line series over a
//! categorical or numeric x axis and a numeric y axis, vertical or
//! horizontal.
//!
//! `parse` (source → [`model::Chart`]) → `layout` (chart + config →
//! [`layout::Geometry`], the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};
use crate::theme::color::{self, Rgba};

/// One axis's part of the `xyChart` section (`xyChart.xAxis` /
/// `xyChart.yAxis`).
#[derive(Debug, Clone, PartialEq)]
pub struct AxisConfig {
    /// `showLabel` (default true): draw the tick labels.
    pub show_label: bool,
    /// `labelFontSize` (default 14).
    pub label_font_size: f64,
    /// `labelPadding` (default 5): space on both sides of the labels.
    pub label_padding: f64,
    /// `showTitle` (default true).
    pub show_title: bool,
    /// `titleFontSize` (default 16).
    pub title_font_size: f64,
    /// `titlePadding` (default 5).
    pub title_padding: f64,
    /// `showTick` (default true).
    pub show_tick: bool,
    /// `tickLength` (default 5).
    pub tick_length: f64,
    /// `tickWidth` (default 2).
    pub tick_width: f64,
    /// `showAxisLine` (default true).
    pub show_axis_line: bool,
    /// `axisLineWidth` (default 2).
    pub axis_line_width: f64,
}

/// The `xyChart` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct XyChartConfig {
    /// `xyChart.width` (default 700).
    pub width: f64,
    /// `xyChart.height` (default 500).
    pub height: f64,
    /// `xyChart.titleFontSize` (default 20).
    pub title_font_size: f64,
    /// `xyChart.titlePadding` (default 10).
    pub title_padding: f64,
    /// `xyChart.showTitle` (default true).
    pub show_title: bool,
    /// `xyChart.xAxis`.
    pub x_axis: AxisConfig,
    /// `xyChart.yAxis`.
    pub y_axis: AxisConfig,
    /// `xyChart.chartOrientation` (default `vertical`): `horizontal` puts
    /// the x axis on the left and draws bars sideways.
    pub horizontal: bool,
    /// `xyChart.plotReservedSpacePercent` (default 50): share of the
    /// canvas kept for the plot before axes and title take their room.
    pub plot_reserved_space_percent: f64,
    /// `xyChart.showDataLabel` (default false): values on the bars.
    pub show_data_label: bool,
    /// `xyChart.showDataLabelOutsideBar` (default false): values past the
    /// bars' ends instead of inside them.
    pub show_data_label_outside_bar: bool,
}

fn flag(s: &Value, k: &str, def: bool) -> bool {
    match s.get(k) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(v)) if v == "true" => true,
        Some(Value::String(v)) if v == "false" => false,
        _ => def,
    }
}

fn number(s: &Value, k: &str, lo: f64, hi: f64, def: f64) -> f64 {
    s.get_f64(k)
        .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
        .unwrap_or(def)
}

impl AxisConfig {
    fn from_value(s: &Value) -> AxisConfig {
        AxisConfig {
            show_label: flag(s, "showLabel", true),
            label_font_size: number(s, "labelFontSize", 1.0, 200.0, 14.0),
            label_padding: number(s, "labelPadding", 0.0, 500.0, 5.0),
            show_title: flag(s, "showTitle", true),
            title_font_size: number(s, "titleFontSize", 1.0, 200.0, 16.0),
            title_padding: number(s, "titlePadding", 0.0, 500.0, 5.0),
            show_tick: flag(s, "showTick", true),
            tick_length: number(s, "tickLength", 0.0, 500.0, 5.0),
            tick_width: number(s, "tickWidth", 0.0, 100.0, 2.0),
            show_axis_line: flag(s, "showAxisLine", true),
            axis_line_width: number(s, "axisLineWidth", 0.0, 100.0, 2.0),
        }
    }
}

impl XyChartConfig {
    /// Read the `xyChart` section (invalid values fall back to defaults).
    pub fn from_config(config: &Config) -> XyChartConfig {
        let s = config.section("xyChart");
        let sub = |k: &str| match s.get(k) {
            Some(v @ Value::Object(_)) => v.clone(),
            _ => Value::object(),
        };
        XyChartConfig {
            width: number(s, "width", 10.0, 20000.0, 700.0),
            height: number(s, "height", 10.0, 20000.0, 500.0),
            title_font_size: number(s, "titleFontSize", 1.0, 200.0, 20.0),
            title_padding: number(s, "titlePadding", 0.0, 500.0, 10.0),
            show_title: flag(s, "showTitle", true),
            x_axis: AxisConfig::from_value(&sub("xAxis")),
            y_axis: AxisConfig::from_value(&sub("yAxis")),
            horizontal: s
                .get_str("chartOrientation")
                .is_some_and(|o| o.trim() == "horizontal"),
            plot_reserved_space_percent: number(s, "plotReservedSpacePercent", 0.0, 100.0, 50.0),
            show_data_label: flag(s, "showDataLabel", false),
            show_data_label_outside_bar: flag(s, "showDataLabelOutsideBar", false),
        }
    }
}

/// The chart's colours (`themeVariables.xyChart.*`).
#[derive(Debug, Clone, PartialEq)]
pub struct XyChartColors {
    pub background: String,
    pub title: String,
    pub data_label: String,
    pub x_label: String,
    pub x_title: String,
    pub x_tick: String,
    pub x_line: String,
    pub y_label: String,
    pub y_title: String,
    pub y_tick: String,
    pub y_line: String,
    /// `plotColorPalette`: series colours in order, cycled.
    pub palette: Vec<String>,
}

/// The fixed series palettes of Mermaid's themes.
fn theme_palette(name: &str) -> &'static str {
    match name {
        "dark" => "#3498db,#2ecc71,#e74c3c,#f1c40f,#bdc3c7,#ffffff,#34495e,#9b59b6,#1abc9c,#e67e22",
        "forest" => {
            "#CDE498,#FF6B6B,#A0D2DB,#D7BDE2,#F0F0F0,#FFC3A0,#7FD8BE,#FF9A8B,#FAF3E0,#FFF176"
        }
        "neutral" => "#EEE,#6BB8E4,#8ACB88,#C7ACD6,#E8DCC2,#FFB2A8,#FFF380,#7E8D91,#FFD8B1,#FAF3E0",
        "base" => "#FFF4DD,#FFD8B1,#FFA07A,#ECEFF1,#D6DBDF,#C3E0A8,#FFB6A4,#FFD74D,#738FA7,#FFFFF0",
        _ => "#ECECFF,#8493A6,#FFC3A0,#DCDDE1,#B8E994,#D1A36F,#C3CDE6,#FFB6C1,#496078,#F8F3E3",
    }
}

fn split_palette(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

impl XyChartColors {
    /// Colours for `config`'s theme and the user's `xyChart` variables.
    pub fn from_config(config: &Config) -> XyChartColors {
        let t = &config.theme;
        // Mermaid's text on the chart is the theme's primaryTextColor; the
        // default theme derives it by inverting primaryColor.
        let text = t
            .var("primaryTextColor")
            .unwrap_or_else(|| match t.name.as_str() {
                "default" => color::map(&t.primary, Rgba::invert),
                _ => t.primary_text.clone(),
            });
        let v = |k: &str, def: &str| {
            t.var(&format!("xyChart.{k}"))
                .unwrap_or_else(|| def.to_string())
        };
        let palette = t
            .var("xyChart.plotColorPalette")
            .map(|p| split_palette(&p))
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| split_palette(theme_palette(&t.name)));
        XyChartColors {
            background: v("backgroundColor", &t.background),
            title: v("titleColor", &text),
            data_label: v("dataLabelColor", &text),
            x_label: v("xAxisLabelColor", &text),
            x_title: v("xAxisTitleColor", &text),
            x_tick: v("xAxisTickColor", &text),
            x_line: v("xAxisLineColor", &text),
            y_label: v("yAxisLabelColor", &text),
            y_title: v("yAxisTitleColor", &text),
            y_tick: v("yAxisTickColor", &text),
            y_line: v("yAxisLineColor", &text),
            palette,
        }
    }
}

/// Parse, lay out and draw an XY chart.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let mut chart = parse::parse(pre)?;
    if chart.title.is_none() {
        chart.title = pre.title.clone();
    }
    let cfg = XyChartConfig::from_config(cx.config);
    let colors = XyChartColors::from_config(cx.config);
    let geo = layout::layout(&chart, &cfg, &colors);
    let svg = draw::draw(&geo, &chart, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
