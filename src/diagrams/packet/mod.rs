//! Packet diagrams (`packet`, `packet-beta`): the fields of a network
//! packet as blocks on rows of bits, with their bit numbers.
//!
//! `parse` (source → [`model::Packet`]) → `layout` (rows → boxes and text
//! positions; the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// The `packet` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct PacketConfig {
    /// `packet.rowHeight` (default 32): height of a row of blocks.
    pub row_height: f64,
    /// `packet.bitWidth` (default 32): width of one bit.
    pub bit_width: f64,
    /// `packet.bitsPerRow` (default 32).
    pub bits_per_row: u64,
    /// `packet.showBits` (default true): bit numbers above the blocks.
    pub show_bits: bool,
    /// `packet.paddingX` (default 5): gap between blocks.
    pub padding_x: f64,
    /// `packet.paddingY` (default 5): gap between rows (10 more when bit
    /// numbers are shown).
    pub padding_y: f64,
}

impl PacketConfig {
    /// Read the `packet` section (invalid values fall back to defaults).
    pub fn from_config(config: &Config) -> PacketConfig {
        let s = config.section("packet");
        let n = |k: &str, lo: f64, hi: f64, d: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(d)
        };
        PacketConfig {
            row_height: n("rowHeight", 1.0, 1000.0, 32.0),
            bit_width: n("bitWidth", 1.0, 1000.0, 32.0),
            bits_per_row: n("bitsPerRow", 1.0, 4096.0, 32.0).floor() as u64,
            show_bits: !matches!(s.get("showBits"), Some(Value::Bool(false))),
            padding_x: n("paddingX", 0.0, 1000.0, 5.0),
            padding_y: n("paddingY", 0.0, 1000.0, 5.0),
        }
    }
}

/// Colours and sizes (`themeVariables.packet.*`).
#[derive(Debug, Clone, PartialEq)]
pub struct PacketStyle {
    pub start_byte_color: String,
    pub end_byte_color: String,
    pub byte_font_size: f64,
    pub label_color: String,
    pub label_font_size: f64,
    pub title_color: String,
    pub title_font_size: f64,
    pub block_stroke_color: String,
    pub block_stroke_width: f64,
    pub block_fill_color: String,
}

impl PacketStyle {
    /// Mermaid's packet styles: black on light grey, or the theme's text
    /// and background colours in the dark and forest themes.
    pub fn from_config(config: &Config) -> PacketStyle {
        let t = &config.theme;
        let (text, fill) = match t.name.as_str() {
            "dark" | "forest" => (t.primary_text.clone(), t.background.clone()),
            _ => ("black".to_string(), "#efefef".to_string()),
        };
        let v = |k: &str, d: &str| {
            t.var(&format!("packet.{k}"))
                .unwrap_or_else(|| d.to_string())
        };
        let size = |k: &str, d: f64| {
            t.var(&format!("packet.{k}"))
                .and_then(|s| s.trim().trim_end_matches("px").trim().parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v > 0.0 && *v <= 200.0)
                .unwrap_or(d)
        };
        PacketStyle {
            start_byte_color: v("startByteColor", &text),
            end_byte_color: v("endByteColor", &text),
            byte_font_size: size("byteFontSize", 10.0),
            label_color: v("labelColor", &text),
            label_font_size: size("labelFontSize", 12.0),
            title_color: v("titleColor", &text),
            title_font_size: size("titleFontSize", 14.0),
            block_stroke_color: v("blockStrokeColor", &text),
            block_stroke_width: size("blockStrokeWidth", 1.0),
            block_fill_color: v("blockFillColor", &fill),
        }
    }
}

/// Parse, lay out and draw a packet diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let mut p = parse::parse(pre)?;
    if p.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        p.title = pre.title.clone();
    }
    let cfg = PacketConfig::from_config(cx.config);
    let style = PacketStyle::from_config(cx.config);
    let geo = layout::layout(&p, &cfg, &style);
    let svg = draw::draw(&geo, &p, &style, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
