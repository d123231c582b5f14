//! Sequence diagrams (`sequenceDiagram`).
//!
//! `parse` (source → [`model::Diagram`]) → `layout` (lifelines spaced by
//! the measured texts, one vertical slot per statement, block frames,
//! activation bars; the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// Horizontal alignment of message and note texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// The `sequence` configuration section, typed. Each field names the
/// Mermaid key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct SequenceConfig {
    /// `sequence.mirrorActors` (default true): participants again at the bottom.
    pub mirror_actors: bool,
    /// `sequence.showSequenceNumbers` (default false): number every message.
    pub show_sequence_numbers: bool,
    /// `sequence.actorMargin` (default 50): least space between participant boxes.
    pub actor_margin: f64,
    /// `sequence.width` (default 150): least participant box width.
    pub width: f64,
    /// `sequence.height` (default 65): least participant box height.
    pub height: f64,
    /// `sequence.boxMargin` (default 10): space around block frames.
    pub box_margin: f64,
    /// `sequence.noteMargin` (default 10): padding inside notes.
    pub note_margin: f64,
    /// `sequence.messageMargin` (default 35): kept for completeness; the
    /// vertical slot of a message is its text plus fixed gaps.
    pub message_margin: f64,
    /// `sequence.messageAlign` (default `center`).
    pub message_align: Align,
    /// `sequence.noteAlign` (default `center`).
    pub note_align: Align,
    /// `sequence.rightAngles` (default false): self-messages as square loops.
    pub right_angles: bool,
    /// `sequence.wrap` or the top-level `wrap` (default false).
    pub wrap: bool,
    /// `sequence.wrapPadding` (default 10): space between a text and the lifelines.
    pub wrap_padding: f64,
    /// `sequence.diagramMarginX` / `diagramMarginY` (default 50 / 10).
    pub margin_x: f64,
    pub margin_y: f64,
    /// `sequence.hideUnusedParticipants` (default false).
    pub hide_unused: bool,
    /// `sequence.actorFontSize`, `noteFontSize`, `messageFontSize`
    /// (default: the theme's font size, 16).
    pub actor_font_size: f64,
    pub note_font_size: f64,
    pub message_font_size: f64,
    /// `sequence.labelBoxWidth` / `labelBoxHeight` (default 50 / 20): a
    /// block's label tab.
    pub label_box_width: f64,
    pub label_box_height: f64,
    /// `sequence.activationWidth` (default 10).
    pub activation_width: f64,
}

fn font_size(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => Some(*n),
        Value::String(s) => s.trim().trim_end_matches("px").trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite() && *n >= 4.0 && *n <= 200.0)
}

impl SequenceConfig {
    /// Read the `sequence` section of `config` (invalid values fall back
    /// to the defaults).
    pub fn from_config(config: &Config) -> SequenceConfig {
        let s = config.section("sequence");
        let num = |k: &str, lo: f64, hi: f64, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        let flag = |k: &str, def: bool| match s.get(k) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(v)) if v == "true" || v == "false" => v == "true",
            _ => def,
        };
        let align = |k: &str| match s.get_str(k).as_deref().map(str::trim) {
            Some("left") => Align::Left,
            Some("right") => Align::Right,
            _ => Align::Center,
        };
        let base = config.font_size;
        SequenceConfig {
            mirror_actors: flag("mirrorActors", true),
            show_sequence_numbers: flag("showSequenceNumbers", false),
            actor_margin: num("actorMargin", 0.0, 2000.0, 50.0),
            width: num("width", 10.0, 2000.0, 150.0),
            height: num("height", 10.0, 2000.0, 65.0),
            box_margin: num("boxMargin", 0.0, 200.0, 10.0),
            note_margin: num("noteMargin", 0.0, 200.0, 10.0),
            message_margin: num("messageMargin", 0.0, 500.0, 35.0),
            message_align: align("messageAlign"),
            note_align: align("noteAlign"),
            right_angles: flag("rightAngles", false),
            wrap: flag("wrap", config.wrap),
            wrap_padding: num("wrapPadding", 0.0, 200.0, 10.0),
            margin_x: num("diagramMarginX", 0.0, 2000.0, 50.0),
            margin_y: num("diagramMarginY", 0.0, 2000.0, 10.0),
            hide_unused: flag("hideUnusedParticipants", false),
            actor_font_size: font_size(s.get("actorFontSize")).unwrap_or(base),
            note_font_size: font_size(s.get("noteFontSize")).unwrap_or(base),
            message_font_size: font_size(s.get("messageFontSize")).unwrap_or(base),
            label_box_width: num("labelBoxWidth", 10.0, 500.0, 50.0),
            label_box_height: num("labelBoxHeight", 10.0, 200.0, 20.0),
            activation_width: num("activationWidth", 2.0, 100.0, 10.0),
        }
    }
}

/// Parse, lay out and draw a sequence diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let cfg = SequenceConfig::from_config(cx.config);
    let diagram = parse::parse(
        pre,
        parse::ParseOptions {
            wrap: cfg.wrap,
            show_numbers: cfg.show_sequence_numbers,
        },
    )?;
    let geometry = layout::layout(&diagram, &cfg);
    let svg = draw::render_svg(&diagram, &geometry, cx);
    Ok(Drawing {
        svg,
        width: geometry.width,
        height: geometry.height,
        layout_json: None,
    })
}
