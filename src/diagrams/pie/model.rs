//! A parsed pie chart: plain data, no geometry.

/// One slice as written: its label and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub label: String,
    /// Never negative (the parser rejects negative values).
    pub value: f64,
}

/// A pie chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pie {
    /// `title …` (or the front matter `title:`).
    pub title: Option<String>,
    /// `pie showData`: values are shown after the legend labels.
    pub show_data: bool,
    /// Slices in source order; a repeated label keeps its first value.
    pub slices: Vec<Slice>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Pie {
    /// Sum of every value.
    pub fn total(&self) -> f64 {
        self.slices.iter().map(|s| s.value).sum()
    }
}

/// A value as Mermaid writes it after a legend label (`5`, `42.96`).
pub fn format_value(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
