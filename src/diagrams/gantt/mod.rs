//! Gantt charts (`gantt`).
//!
//! `parse` (statements) → `schedule` (task dates, with `dates` for Day.js
//! formats, durations and excluded days) → `layout` (time scale, rows,
//! axis ticks, every text measured) → `draw` (SVG).

pub mod colors;
pub mod dates;
pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
pub(crate) mod schedule;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// The `gantt` configuration section, typed. Each field names the Mermaid
/// key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct GanttConfig {
    /// `gantt.barHeight` (20): height of a task bar.
    pub bar_height: f64,
    /// `gantt.barGap` (4): space between two rows.
    pub bar_gap: f64,
    /// `gantt.topPadding` (50): space above the first row (and below the
    /// last, for the axis).
    pub top_padding: f64,
    /// `gantt.leftPadding` (75): room for the section titles (widened here
    /// when a title needs more).
    pub left_padding: f64,
    /// `gantt.rightPadding` (75): space right of the time axis.
    pub right_padding: f64,
    /// `gantt.gridLineStartPadding` (35): where the grid lines start.
    pub grid_line_start_padding: f64,
    /// `gantt.titleTopMargin` (25): baseline of the title.
    pub title_top_margin: f64,
    /// `gantt.fontSize` (11): task text size.
    pub font_size: f64,
    /// `gantt.sectionFontSize` (11): section title size.
    pub section_font_size: f64,
    /// `gantt.numberSectionStyles` (4): how many section colours alternate.
    pub number_section_styles: usize,
    /// `gantt.axisFormat` (`%Y-%m-%d`): used when the chart gives none.
    pub axis_format: String,
    /// `gantt.tickInterval` (none): used when the chart gives none.
    pub tick_interval: Option<String>,
    /// `gantt.topAxis` (false): draw the axis above the rows too.
    pub top_axis: bool,
    /// `gantt.displayMode` (""): `compact` packs a section's tasks in rows.
    pub compact: bool,
    /// `gantt.useWidth`: the canvas width. mermaid-js takes the page's
    /// width; here it defaults to 1584 px, the width of the reference renders.
    pub width: f64,
    /// `gantt.weekday` (`sunday`): first day of a week tick.
    pub weekday: Option<String>,
    /// `gantt.today`: the date (in `dateFormat`, or ISO) where the today
    /// marker is drawn and that stands for the current date where
    /// mermaid-js would read the clock. Without it no marker is drawn and
    /// that date is 1970-01-01, so output is always deterministic.
    pub today: Option<String>,
}

impl GanttConfig {
    pub fn from_config(config: &Config) -> GanttConfig {
        let s = config.section("gantt");
        let num = |k: &str, lo: f64, hi: f64, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        GanttConfig {
            bar_height: num("barHeight", 4.0, 500.0, 20.0),
            bar_gap: num("barGap", 0.0, 500.0, 4.0),
            top_padding: num("topPadding", 0.0, 2000.0, 50.0),
            left_padding: num("leftPadding", 0.0, 2000.0, 75.0),
            right_padding: num("rightPadding", 0.0, 2000.0, 75.0),
            grid_line_start_padding: num("gridLineStartPadding", 0.0, 2000.0, 35.0),
            title_top_margin: num("titleTopMargin", 0.0, 2000.0, 25.0),
            font_size: num("fontSize", 4.0, 200.0, 11.0),
            section_font_size: num("sectionFontSize", 4.0, 200.0, 11.0),
            number_section_styles: num("numberSectionStyles", 1.0, 4.0, 4.0) as usize,
            axis_format: s
                .get_str("axisFormat")
                .filter(|f| !f.trim().is_empty())
                .unwrap_or_else(|| "%Y-%m-%d".into()),
            tick_interval: s.get_str("tickInterval").filter(|f| !f.trim().is_empty()),
            top_axis: matches!(s.get("topAxis"), Some(Value::Bool(true))),
            compact: s.get_str("displayMode").is_some_and(|d| d == "compact"),
            width: num("useWidth", 100.0, 20000.0, 1584.0),
            weekday: s.get_str("weekday"),
            today: s.get_str("today").filter(|t| !t.trim().is_empty()),
        }
    }
}

/// Parse, lay out and draw a gantt chart.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let cfg = GanttConfig::from_config(cx.config);
    let mut st = parse::statements(pre)?;
    // The configured today, read with the chart's date format.
    let today = cfg.today.as_deref().and_then(|t| {
        dates::parse_date(t.trim(), &st.gantt.date_format, 0)
            .or_else(|| dates::parse_iso_fallback(t.trim()))
    });
    if let Some(w) = cfg.weekday.as_deref().and_then(dates::weekday_index) {
        if !pre.body().contains("weekday") {
            st.gantt.week_start = w;
        }
    }
    if st.gantt.tick_interval.is_none() && st.tick.is_none() {
        if let Some(t) = &cfg.tick_interval {
            st.gantt.tick_interval = dates::parse_tick_interval(t, st.gantt.week_start);
        }
    }
    let mut gantt = schedule::schedule(pre.source, st, today.unwrap_or(0))?;
    gantt.compact |= cfg.compact;
    gantt.top_axis |= cfg.top_axis;
    let colors = colors::GanttColors::from_theme(&cx.config.theme);
    let geo = layout::layout(&gantt, &cfg, today);
    let svg = draw::draw(&gantt, &geo, &colors, cx);
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}
