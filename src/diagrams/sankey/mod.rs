//! Sankey diagrams (`sankey`, `sankey-beta`): flows between nodes given
//! as CSV rows, drawn as bands whose width is the flow.
//!
//! `parse` (CSV → [`model::Sankey`]) → `layout` (columns, relaxation,
//! link bands, labels; the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// `sankey.nodeAlignment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Justify,
    Left,
    Right,
    Center,
}

/// How links are coloured (`sankey.linkColor`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkColor {
    Source,
    Target,
    Gradient,
    Fixed(String),
}

/// The `sankey` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SankeyConfig {
    /// `sankey.width` (default 600).
    pub width: f64,
    /// `sankey.height` (default 400).
    pub height: f64,
    /// `sankey.nodeWidth` (default 10).
    pub node_width: f64,
    /// `sankey.nodePadding` (default 10, plus 15 when values are shown).
    pub node_padding: f64,
    /// `sankey.nodeAlignment` (default `justify`).
    pub align: Align,
    /// `sankey.linkColor` (default `gradient`).
    pub link_color: LinkColor,
    /// `sankey.showValues` (default true): values after the node names.
    pub show_values: bool,
    /// `sankey.prefix` / `sankey.suffix` (default empty) around values.
    pub prefix: String,
    pub suffix: String,
    /// `sankey.nodeColors`: colours for named nodes.
    pub node_colors: Vec<(String, String)>,
    /// `sankey.labelStyle: outlined`: labels with a halo.
    pub outlined: bool,
}

impl SankeyConfig {
    /// Read the `sankey` section (invalid values fall back to defaults).
    pub fn from_config(config: &Config) -> SankeyConfig {
        let s = config.section("sankey");
        let n = |k: &str, lo: f64, hi: f64, d: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(d)
        };
        let show_values = !matches!(s.get("showValues"), Some(Value::Bool(false)));
        let align = match s.get_str("nodeAlignment").as_deref().map(str::trim) {
            Some("left") => Align::Left,
            Some("right") => Align::Right,
            Some("center") => Align::Center,
            _ => Align::Justify,
        };
        let link_color = match s.get_str("linkColor").as_deref().map(str::trim) {
            Some("source") => LinkColor::Source,
            Some("target") => LinkColor::Target,
            Some(c) if c != "gradient" && crate::svg::safe_value(c).is_some() => {
                LinkColor::Fixed(c.to_string())
            }
            _ => LinkColor::Gradient,
        };
        let node_colors = match s.get("nodeColors") {
            Some(Value::Object(items)) => items
                .iter()
                .filter_map(|(k, v)| match v {
                    Value::String(c) => Some((k.clone(), c.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        SankeyConfig {
            width: n("width", 10.0, 20000.0, 600.0),
            height: n("height", 10.0, 20000.0, 400.0),
            node_width: n("nodeWidth", 1.0, 1000.0, 10.0),
            node_padding: n("nodePadding", 0.0, 1000.0, 10.0)
                + if show_values { 15.0 } else { 0.0 },
            align,
            link_color,
            show_values,
            prefix: s.get_str("prefix").unwrap_or_default(),
            suffix: s.get_str("suffix").unwrap_or_default(),
            node_colors,
            outlined: s.get_str("labelStyle").as_deref() == Some("outlined"),
        }
    }
}

/// Parse, lay out and draw a sankey diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let s = parse::parse(pre)?;
    let cfg = SankeyConfig::from_config(cx.config);
    let palette: Vec<String> = layout::TABLEAU10.iter().map(|c| c.to_string()).collect();
    let geo = layout::layout(&s, &cfg, &palette);
    let svg = draw::draw(&geo, &s, &cfg, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
