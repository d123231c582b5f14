//! A parsed and scheduled gantt chart: plain data.

use super::dates::Millis;

/// `todayMarker`: drawn with the default style, hidden, or styled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum TodayMarker {
    #[default]
    Default,
    Off,
    /// A CSS list (`stroke-width:5px,stroke:#00f,opacity:0.5`).
    Style(String),
}

/// What a `click` statement attaches to a task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Click {
    /// `click id href "url"` (drawn as a link only for http(s)).
    Href(String),
    /// `click id call fn(args)`: kept, never drawn (no scripts in SVG).
    Call { function: String, args: String },
}

/// A task after scheduling.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// Its text (left of the `:`).
    pub name: String,
    /// The id given, or `task<N>` as mermaid-js names unnamed tasks.
    pub id: String,
    /// Index into [`Gantt::sections`] (0 for tasks before any section,
    /// which then form an unnamed first section).
    pub section: usize,
    pub start: Millis,
    /// End after `excludes` moved it.
    pub end: Millis,
    /// Where the bar is drawn to (excluded days at its end not drawn).
    pub render_end: Millis,
    pub done: bool,
    pub active: bool,
    pub crit: bool,
    pub milestone: bool,
    /// A `vert` marker: a vertical line across the chart, no row of its own.
    pub vert: bool,
    pub clicks: Vec<Click>,
}

/// A gantt chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gantt {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// `dateFormat` (default `YYYY-MM-DD`).
    pub date_format: String,
    /// `axisFormat` (d3 format), if given.
    pub axis_format: Option<String>,
    /// `tickInterval`, if given and valid (`1week`, …).
    pub tick_interval: Option<super::dates::Every>,
    /// `excludes` / `includes` items, lower-cased.
    pub excludes: Vec<String>,
    pub includes: Vec<String>,
    /// `weekend friday` makes Friday and Saturday the weekend (default
    /// Saturday, Sunday): the first weekend day, 0 = Sunday.
    pub weekend_start: u32,
    /// `weekday monday`: the first day of a week tick (0 = Sunday).
    pub week_start: u32,
    pub today_marker: TodayMarker,
    pub inclusive_end_dates: bool,
    pub top_axis: bool,
    /// `displayMode: compact`.
    pub compact: bool,
    /// Section names in order (an unnamed one first when tasks precede
    /// every `section`).
    pub sections: Vec<String>,
    pub tasks: Vec<Task>,
}
