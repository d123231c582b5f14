//! The parsed XY chart: plain data, no geometry.

/// One XY chart as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chart {
    /// `xychart horizontal` / `xychart vertical` on the header line
    /// (`None`: the configuration's `chartOrientation` decides).
    pub horizontal: Option<bool>,
    /// `title "…"`.
    pub title: Option<String>,
    /// The `x-axis` statement (`None`: numbered 1..n from the data).
    pub x_axis: Option<XAxis>,
    /// The `y-axis` statement.
    pub y_axis: YAxis,
    /// Every `bar` and `line` series in source order.
    pub plots: Vec<Plot>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

/// The x axis: named categories or a numeric range.
#[derive(Debug, Clone, PartialEq)]
pub enum XAxis {
    /// `x-axis "title" [a, b, "c d"]`
    Band {
        title: Option<String>,
        categories: Vec<String>,
    },
    /// `x-axis "title" 1 --> 10` (or only a title: range from the data).
    Linear {
        title: Option<String>,
        range: Option<(f64, f64)>,
    },
}

impl XAxis {
    pub fn title(&self) -> Option<&str> {
        match self {
            XAxis::Band { title, .. } | XAxis::Linear { title, .. } => title.as_deref(),
        }
    }
}

/// The y axis: an optional title and range (`y-axis "Revenue" 4000 --> 11000`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YAxis {
    pub title: Option<String>,
    pub range: Option<(f64, f64)>,
}

/// Kind of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlotKind {
    Bar,
    Line,
}

/// One `bar` or `line` series.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    pub kind: PlotKind,
    /// The optional series title (`bar "Sales" [..]`); Mermaid does not draw it.
    pub title: Option<String>,
    pub data: Vec<f64>,
}
