//! Timelines (`timeline`).
//!
//! `parse` (source → [`model::Timeline`]) → `layout` (columns, stacked
//! events; text measured and wrapped) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};
use crate::theme::color::{map, Rgba};
use crate::theme::Theme;

/// The `timeline` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineConfig {
    /// `timeline.disableMulticolor` (false): every period in one colour.
    pub disable_multicolor: bool,
}

impl TimelineConfig {
    pub fn from_config(config: &Config) -> TimelineConfig {
        let s = config.section("timeline");
        TimelineConfig {
            disable_multicolor: matches!(s.get("disableMulticolor"), Some(Value::Bool(true))),
        }
    }
}

/// The section colours `cScale0..11` (and their labels), derived per
/// theme as mermaid-js's theme files do; each can be set as a theme variable.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub scale: Vec<String>,
    pub labels: Vec<String>,
    pub line: String,
    pub title: String,
}

/// Black or white, whichever reads better on `bg`.
fn contrast(bg: &str) -> String {
    match Rgba::parse(bg) {
        Some(c) => {
            let y = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
            if y > 160.0 { "black" } else { "#ffffff" }.to_string()
        }
        None => "black".into(),
    }
}

impl Palette {
    pub fn from_theme(t: &Theme) -> Palette {
        let hues = [
            0.0, 0.0, 0.0, 30.0, 60.0, 90.0, 120.0, 150.0, 210.0, 270.0, 300.0, 330.0,
        ];
        let dark = t.dark_mode;
        let mut scale = Vec::new();
        let mut labels = Vec::new();
        for (i, h) in hues.iter().enumerate() {
            let base = match i {
                0 => t.primary.clone(),
                1 => t.secondary.clone(),
                2 => t.tertiary.clone(),
                _ => map(&t.primary, |c| c.adjust(*h, 0.0, 0.0)),
            };
            let c = if dark {
                map(&base, |c| c.adjust(0.0, 0.0, 10.0))
            } else if t.name == "default" || t.name == "base" {
                map(&base, |c| c.adjust(0.0, 0.0, -20.0))
            } else {
                map(&base, |c| c.adjust(0.0, 0.0, -10.0))
            };
            let c = t.var(&format!("cScale{i}")).unwrap_or(c);
            let l = t
                .var(&format!("cScaleLabel{i}"))
                .unwrap_or_else(|| contrast(&c));
            scale.push(c);
            labels.push(l);
        }
        Palette {
            scale,
            labels,
            line: t.var("lineColor").unwrap_or_else(|| {
                if dark {
                    t.line.clone()
                } else {
                    "black".into()
                }
            }),
            title: t.title_text.clone(),
        }
    }

    /// Fill, text and bottom-line colours of colour `k` (events are drawn
    /// lighter, as mermaid-js's `brightness(120%)`).
    pub fn colors(&self, k: usize, event: bool) -> (String, String, String) {
        let k = k % self.scale.len().max(1);
        let base = self.scale.get(k).cloned().unwrap_or_default();
        let fill = if event {
            map(&base, |c| Rgba {
                r: (c.r * 1.2).min(255.0),
                g: (c.g * 1.2).min(255.0),
                b: (c.b * 1.2).min(255.0),
                a: c.a,
            })
        } else {
            base.clone()
        };
        let line = map(&base, |c| c.adjust(180.0, 0.0, 10.0));
        (fill, self.labels.get(k).cloned().unwrap_or_default(), line)
    }
}

/// Parse, lay out and draw a timeline.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let t = parse::parse(pre)?;
    let cfg = TimelineConfig::from_config(cx.config);
    let font = cx.config.font_size;
    let geo = layout::layout(&t, font, !cfg.disable_multicolor);
    let pal = Palette::from_theme(&cx.config.theme);
    let svg = draw::draw(&t, &geo, &pal, font, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
