//! User journeys (`journey`).
//!
//! `parse` (source → [`model::Journey`]) → `layout` (legend, sections,
//! tasks, faces; text measured and wrapped) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};
use crate::theme::color::map;
use crate::theme::Theme;

/// The `journey` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyConfig {
    /// `journey.leftMargin` (150): room for the actor legend (widened for
    /// long actor names).
    pub left_margin: f64,
    /// `journey.maxLabelWidth` (360): legend labels wrap at this width.
    pub max_label_width: f64,
    /// `journey.actorColours` (`#8FBC8F`, `#7CFC00`, `#00FFFF`, `#20B2AA`,
    /// `#B0E0E6`, `#FFFFE0`).
    pub actor_colours: Vec<String>,
    /// `journey.titleColor` (the theme's title colour).
    pub title_color: Option<String>,
    /// `journey.titleFontSize` (32 px here; mermaid-js's `4ex`). `rem` and
    /// `em` count 16 px.
    pub title_font_size: f64,
}

fn length(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        Value::String(s) => {
            let s = s.trim();
            if let Some(r) = s.strip_suffix("rem").or_else(|| s.strip_suffix("em")) {
                r.trim().parse::<f64>().ok().map(|x| x * 16.0)
            } else {
                s.trim_end_matches("px").trim().parse().ok()
            }
        }
        _ => None,
    }
}

impl JourneyConfig {
    pub fn from_config(config: &Config) -> JourneyConfig {
        let s = config.section("journey");
        let num = |k: &str, lo: f64, hi: f64, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        let actor_colours = match s.get("actorColours") {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let actor_colours = if actor_colours.is_empty() {
            [
                "#8FBC8F", "#7CFC00", "#00FFFF", "#20B2AA", "#B0E0E6", "#FFFFE0",
            ]
            .map(String::from)
            .to_vec()
        } else {
            actor_colours
        };
        JourneyConfig {
            left_margin: num("leftMargin", 0.0, 2000.0, 150.0),
            max_label_width: num("maxLabelWidth", 20.0, 2000.0, 360.0),
            actor_colours,
            title_color: s.get_str("titleColor").filter(|c| !c.trim().is_empty()),
            title_font_size: s
                .get("titleFontSize")
                .and_then(length)
                .filter(|v| v.is_finite() && *v >= 4.0 && *v <= 200.0)
                .unwrap_or(32.0),
        }
    }
}

/// Journey colours: section/task fills `fillType0..7` (the primary and
/// secondary colours, turned by ±64° and 128°), text, faces, lines.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyColors {
    pub fills: Vec<String>,
    pub actors: Vec<String>,
    pub text: String,
    pub title: String,
    pub face: String,
    pub line: String,
}

impl JourneyColors {
    pub fn from_theme(t: &Theme, cfg: &JourneyConfig) -> JourneyColors {
        let turn = |c: &str, h: f64| map(c, |x| x.adjust(h, 0.0, 0.0));
        let (p, s) = (&t.primary, &t.secondary);
        let defaults = [
            p.clone(),
            s.clone(),
            turn(p, 64.0),
            turn(s, 64.0),
            turn(p, -64.0),
            turn(s, -64.0),
            turn(p, 128.0),
            turn(s, 128.0),
        ];
        let fills = defaults
            .into_iter()
            .enumerate()
            .map(|(i, d)| t.var(&format!("fillType{i}")).unwrap_or(d))
            .collect();
        JourneyColors {
            fills,
            actors: cfg.actor_colours.clone(),
            text: t.var("textColor").unwrap_or_else(|| t.text.clone()),
            title: cfg
                .title_color
                .clone()
                .unwrap_or_else(|| t.title_text.clone()),
            face: t.var("faceColor").unwrap_or_else(|| "#FFF8DC".into()),
            line: if t.dark_mode {
                t.line.clone()
            } else {
                "black".into()
            },
        }
    }
}

/// Parse, lay out and draw a user journey.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let j = parse::parse(pre)?;
    let cfg = JourneyConfig::from_config(cx.config);
    let geo = layout::layout(&j, &cfg);
    let colors = JourneyColors::from_theme(&cx.config.theme, &cfg);
    let svg = draw::draw(&j, &geo, &colors, &cfg, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
