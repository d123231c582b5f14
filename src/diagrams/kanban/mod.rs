//! Kanban boards (`kanban`).
//!
//! `parse` (columns and their cards, with `@{…}` metadata) → `layout`
//! (columns side by side, cards stacked; the only place text is measured)
//! → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::Config;
use crate::syntax::{ParseError, Preamble};

/// The `kanban` configuration section, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct KanbanConfig {
    /// `kanban.ticketBaseUrl` (default none): a ticket's link, `#TICKET#`
    /// replaced by the ticket; used only when it is an http(s) address.
    pub ticket_base_url: Option<String>,
    /// `kanban.padding` (default 10): margin around the drawing.
    pub padding: f64,
}

impl KanbanConfig {
    /// Read the configuration (invalid values fall back to the defaults).
    pub fn from_config(config: &Config) -> KanbanConfig {
        let s = config.section("kanban");
        KanbanConfig {
            ticket_base_url: s.get_str("ticketBaseUrl").filter(|u| !u.trim().is_empty()),
            padding: s
                .get_f64("padding")
                .filter(|v| v.is_finite() && (0.0..=500.0).contains(v))
                .unwrap_or(10.0),
        }
    }
}

/// Parse, lay out and draw a board.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let board = parse::parse(pre)?;
    let cfg = KanbanConfig::from_config(cx.config);
    let geo = layout::layout(
        &board,
        &layout::LayoutOptions {
            font_size: cx.config.font_size,
            padding: cfg.padding,
        },
    );
    let svg = draw::render_svg(
        &board,
        &geo,
        cx,
        cx.config.font_size,
        cfg.ticket_base_url.as_deref(),
    );
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
