//! A parsed quadrant chart: plain data, no geometry.

/// Per-point style (`radius: 10, color: #f00, stroke-color: #0f0,
/// stroke-width: 2px`), from the point itself or a `classDef`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PointStyle {
    pub radius: Option<f64>,
    pub color: Option<String>,
    pub stroke_color: Option<String>,
    pub stroke_width: Option<f64>,
}

impl PointStyle {
    /// `self`'s values, falling back to `base`'s.
    pub fn over(&self, base: &PointStyle) -> PointStyle {
        PointStyle {
            radius: self.radius.or(base.radius),
            color: self.color.clone().or_else(|| base.color.clone()),
            stroke_color: self
                .stroke_color
                .clone()
                .or_else(|| base.stroke_color.clone()),
            stroke_width: self.stroke_width.or(base.stroke_width),
        }
    }
}

/// `Name:::class: [x, y] styles`.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub name: String,
    /// 0 ..= 1, left to right.
    pub x: f64,
    /// 0 ..= 1, bottom to top.
    pub y: f64,
    pub class: Option<String>,
    pub style: PointStyle,
}

/// A quadrant chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quadrant {
    pub title: Option<String>,
    /// `x-axis left --> right`.
    pub x_left: String,
    pub x_right: String,
    /// `y-axis bottom --> top`.
    pub y_bottom: String,
    pub y_top: String,
    /// `quadrant-1` … `quadrant-4` (top right, top left, bottom left,
    /// bottom right).
    pub quadrants: [String; 4],
    /// Points in source order.
    pub points: Vec<Point>,
    /// `classDef name styles`, in source order (a later one wins).
    pub classes: Vec<(String, PointStyle)>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Quadrant {
    /// A point's style: its own, over its class's.
    pub fn style_of(&self, p: &Point) -> PointStyle {
        let class = p
            .class
            .as_deref()
            .and_then(|c| self.classes.iter().rev().find(|(n, _)| n == c))
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        p.style.over(&class)
    }
}
