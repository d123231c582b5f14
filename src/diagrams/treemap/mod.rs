//! Treemaps (`treemap-beta`, `treemap`): a hierarchy of sections and
//! valued leaves drawn as nested rectangles whose areas are the values.
//!
//! `parse` (indented source → [`model::Treemap`]) → `layout`
//! (squarified tiling, fitted labels; the only place text is measured) →
//! `draw` (SVG). `format` implements `valueFormat`.

pub mod draw;
pub mod format;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};
use crate::theme::color::{self, Rgba};

/// The `treemap` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TreemapConfig {
    /// `treemap.padding` (default 10): gap between sibling cells.
    pub padding: f64,
    /// `treemap.diagramPadding` (default 8): margin around the drawing.
    pub diagram_padding: f64,
    /// `treemap.showValues` (default true).
    pub show_values: bool,
    /// `treemap.nodeWidth` (default 100): the tiled area is ten times as wide.
    pub node_width: f64,
    /// `treemap.nodeHeight` (default 40): the tiled area is ten times as high.
    pub node_height: f64,
    /// `treemap.borderWidth` (default 1): sections are outlined one pixel
    /// wider, leaves two (mermaid-js: 2 and 3).
    pub border_width: f64,
    /// `treemap.valueFontSize` (default 12): a section's value is drawn two
    /// pixels smaller (10).
    pub value_font_size: f64,
    /// `treemap.labelFontSize` (default 14): a section's name is drawn two
    /// pixels smaller (12); leaf labels are fitted to their cells.
    pub label_font_size: f64,
    /// `treemap.valueFormat` (default `,`): d3-format specifier.
    pub value_format: String,
}

impl TreemapConfig {
    /// Read the `treemap` section (invalid values fall back to defaults).
    pub fn from_config(config: &Config) -> TreemapConfig {
        let s = config.section("treemap");
        let n = |k: &str, lo: f64, hi: f64, d: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(d)
        };
        TreemapConfig {
            padding: n("padding", 0.0, 200.0, 10.0),
            diagram_padding: n("diagramPadding", 0.0, 2000.0, 8.0),
            show_values: !matches!(s.get("showValues"), Some(Value::Bool(false))),
            node_width: n("nodeWidth", 5.0, 2000.0, 100.0),
            node_height: n("nodeHeight", 5.0, 2000.0, 40.0),
            border_width: n("borderWidth", 0.0, 50.0, 1.0),
            value_font_size: n("valueFontSize", 4.0, 100.0, 12.0),
            label_font_size: n("labelFontSize", 4.0, 100.0, 14.0),
            value_format: s
                .get_str("valueFormat")
                .filter(|f| !f.trim().is_empty())
                .unwrap_or_else(|| ",".into()),
        }
    }
}

/// The section colours of the theme (`cScale0`…`cScale11`), as fills.
pub fn section_colors(config: &Config) -> Vec<String> {
    let t = &config.theme;
    let hues = [30.0, 60.0, 90.0, 120.0, 150.0, 210.0, 270.0, 300.0, 330.0];
    let mut base = vec![t.primary.clone(), t.secondary.clone(), t.tertiary.clone()];
    base.extend(
        hues.iter()
            .map(|h| color::map(&t.primary, |c| c.adjust(*h, 0.0, 0.0))),
    );
    base.iter()
        .enumerate()
        .map(|(i, c)| {
            t.var(&format!("cScale{i}")).unwrap_or_else(|| {
                if t.dark_mode {
                    color::map(c, |c| c.adjust(0.0, 0.0, 10.0))
                } else {
                    color::map(c, |c| c.adjust(0.0, 0.0, -20.0))
                }
            })
        })
        .collect()
}

/// Black or white, whichever reads better on `fill` drawn with `opacity`
/// over `under`.
pub fn text_on(fill: &str, opacity: f64, under: &str) -> (String, String) {
    let f = Rgba::parse(fill).unwrap_or(Rgba {
        r: 200.0,
        g: 200.0,
        b: 200.0,
        a: 1.0,
    });
    let u = Rgba::parse(under).unwrap_or(Rgba {
        r: 255.0,
        g: 255.0,
        b: 255.0,
        a: 1.0,
    });
    let a = opacity * f.a;
    let mix = Rgba {
        r: f.r * a + u.r * (1.0 - a),
        g: f.g * a + u.g * (1.0 - a),
        b: f.b * a + u.b * (1.0 - a),
        a: 1.0,
    };
    let lum = (0.299 * mix.r + 0.587 * mix.g + 0.114 * mix.b) / 255.0;
    let text = if lum > 0.5 { "black" } else { "#ffffff" };
    (text.to_string(), mix.css())
}

/// Parse, lay out and draw a treemap.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let mut tm = parse::parse(pre)?;
    if tm.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        tm.title = pre.title.clone();
    }
    let cfg = TreemapConfig::from_config(cx.config);
    let geo = layout::layout(&tm, &cfg);
    let svg = draw::draw(&geo, &tm, &cfg, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
