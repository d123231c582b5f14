//! Event modeling diagrams (`eventmodeling`): time frames of screens,
//! processors, commands, read models and events in swimlanes, with the
//! relations between them inferred from their order or given with `->>`.
//!
//! `parse` (source → [`model::EventModel`]) → `layout` (→
//! [`layout::Geometry`]; the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::syntax::{ParseError, Preamble};
use crate::theme::color::map;
use crate::theme::Theme;
use model::Kind;

/// Colours: Event Modeling's sticky-note colours per kind (mermaid-js's
/// values: screens white, processors lilac, commands blue, read models
/// green, events orange), lanes a shade off the page, texts and lines
/// from the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct EmColors {
    pub lane_fill: String,
    pub lane_stroke: String,
    pub lane_text: String,
    pub box_text: String,
    pub line: String,
}

impl EmColors {
    pub fn from_theme(t: &Theme) -> EmColors {
        let (fill, stroke) = if t.dark_mode {
            (
                map(&t.background, |c| c.adjust(0.0, 0.0, 5.0)),
                map(&t.background, |c| c.adjust(0.0, 0.0, 10.0)),
            )
        } else {
            (
                "rgb(250,250,250)".to_string(),
                "rgb(240,240,240)".to_string(),
            )
        };
        EmColors {
            lane_fill: fill,
            lane_stroke: stroke,
            lane_text: t.text.clone(),
            box_text: "#000".into(),
            line: t.var("lineColor").unwrap_or_else(|| t.line.clone()),
        }
    }

    /// Fill and stroke of a frame's box.
    pub fn kind(&self, k: Kind) -> (&'static str, &'static str) {
        match k {
            Kind::Ui => ("white", "#dbdada"),
            Kind::Processor => ("#edb3f6", "#b88cbf"),
            Kind::Command => ("#bcd6fe", "#679ac3"),
            Kind::ReadModel => ("#d3f1a2", "#a3b732"),
            Kind::Event => ("#ffb778", "#c19a0f"),
        }
    }
}

/// Parse, lay out and draw an event model.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let m = parse::parse(pre)?;
    Ok(render_model(&m, cx))
}

/// Lay out and draw a parsed event model.
pub fn render_model(m: &model::EventModel, cx: &Context<'_>) -> Drawing {
    let c = EmColors::from_theme(&cx.config.theme);
    let g = layout::layout(m);
    let svg = draw::render_svg(m, &g, cx, &c);
    Drawing {
        svg,
        width: g.width,
        height: g.height,
        layout_json: None,
    }
}
