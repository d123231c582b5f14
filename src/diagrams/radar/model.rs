//! A parsed radar chart: plain data, no geometry.

/// `axis id["Label"]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub id: String,
    /// The label, or the id when none is given.
    pub label: String,
}

/// `curve id["Label"]{…}` with its values in axis order.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub id: String,
    pub label: String,
    pub values: Vec<f64>,
}

/// Graticule shape (`graticule circle|polygon`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Graticule {
    #[default]
    Circle,
    Polygon,
}

/// A radar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    pub title: Option<String>,
    pub axes: Vec<Axis>,
    pub curves: Vec<Curve>,
    /// `showLegend` (default true).
    pub show_legend: bool,
    /// `ticks` (default 5): graticule rings.
    pub ticks: u32,
    /// `max` (default: the largest value).
    pub max: Option<f64>,
    /// `min` (default 0).
    pub min: f64,
    pub graticule: Graticule,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Default for Radar {
    fn default() -> Self {
        Radar {
            title: None,
            axes: Vec::new(),
            curves: Vec::new(),
            show_legend: true,
            ticks: 5,
            max: None,
            min: 0.0,
            graticule: Graticule::Circle,
            acc_title: None,
            acc_descr: None,
        }
    }
}

impl Radar {
    /// The scale's top: `max`, else the largest value (at least `min`).
    pub fn max_value(&self) -> f64 {
        self.max.unwrap_or_else(|| {
            self.curves
                .iter()
                .flat_map(|c| c.values.iter().copied())
                .fold(f64::NEG_INFINITY, f64::max)
        })
    }
}
