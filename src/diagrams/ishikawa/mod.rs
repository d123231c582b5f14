//! Fishbone (Ishikawa) diagrams (`ishikawa-beta`, `ishikawa`): the problem
//! as the fish's head, categories of causes as bones above and below the
//! spine, causes (and their causes) as smaller bones.
//!
//! `parse` (source → [`model::Ishikawa`]) → `layout` (→
//! [`layout::Geometry`]; the only place text is measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::syntax::{ParseError, Preamble};
use crate::theme::Theme;

/// Colours, from the theme as Mermaid's fishbone styles take them: the
/// head and category boxes in `primaryColor` with `lineColor` borders,
/// bones in `lineColor`, texts in `textColor` (`primaryTextColor` on the
/// filled shapes).
#[derive(Debug, Clone, PartialEq)]
pub struct IshikawaColors {
    pub line: String,
    pub head_fill: String,
    pub head_text: String,
    pub box_fill: String,
    pub box_text: String,
    pub text: String,
}

impl IshikawaColors {
    pub fn from_theme(t: &Theme) -> IshikawaColors {
        IshikawaColors {
            line: t.var("lineColor").unwrap_or_else(|| t.line.clone()),
            head_fill: t.primary.clone(),
            head_text: t.primary_text.clone(),
            box_fill: t.primary.clone(),
            box_text: t.primary_text.clone(),
            text: t.text.clone(),
        }
    }
}

/// Parse, lay out and draw a fishbone diagram.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let ish = parse::parse(pre)?;
    Ok(render_ishikawa(&ish, cx))
}

/// Lay out and draw a parsed fishbone diagram.
pub fn render_ishikawa(ish: &model::Ishikawa, cx: &Context<'_>) -> Drawing {
    let c = IshikawaColors::from_theme(&cx.config.theme);
    let g = layout::layout(ish);
    let svg = draw::render_svg(ish, &g, cx, &c);
    Drawing {
        svg,
        width: g.width,
        height: g.height,
        layout_json: None,
    }
}
