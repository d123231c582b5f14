//! [`Pie`] + configuration → geometry: slice angles, percentage labels,
//! title, legend and the canvas. Text is measured here and only here.
//!
//! Proportions are Mermaid's: a 450 px square holds the pie (radius 185,
//! 40 px margin), the title's baseline is 25 px from the top, the legend
//! (18 px squares, 22 px apart, centred vertically) starts 216 px right of
//! the centre, and the canvas is as wide as the pie plus the legend's
//! longest text (and the title when that is wider).

use super::colors::PieColors;
use super::model::{format_value, Pie};
use super::PieConfig;
use crate::text::{measure, TextBox, TextStyle};

/// Height of Mermaid's pie square.
pub const HEIGHT: f64 = 450.0;
/// Margin between the pie and the square's edge.
pub const MARGIN: f64 = 40.0;
/// Side of a legend square.
pub const LEGEND_RECT: f64 = 18.0;
/// Gap between legend squares, and between a square and its text.
pub const LEGEND_SPACING: f64 = 4.0;
/// A slice under this share of the total (percent) is not drawn.
pub const MIN_SHARE: f64 = 1.0;
/// Glyph extent above and below a baseline, in font sizes (Liberation
/// Sans: ascender 0.905, descender 0.212).
pub const ASCENT: f64 = 0.905;
pub const DESCENT: f64 = 0.212;
/// Margin kept around content that leaves Mermaid's square (many legend
/// rows, huge fonts).
const OVERFLOW_MARGIN: f64 = 8.0;

/// The canvas' extent around the pie's centre.
struct Extent {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Extent {
    /// Grow (with a margin) to hold the box `l, t, r, b`.
    fn need(&mut self, l: f64, t: f64, r: f64, b: f64) {
        if l < self.left {
            self.left = l - OVERFLOW_MARGIN;
        }
        if r > self.right {
            self.right = r + OVERFLOW_MARGIN;
        }
        if t < self.top {
            self.top = t - OVERFLOW_MARGIN;
        }
        if b > self.bottom {
            self.bottom = b + OVERFLOW_MARGIN;
        }
    }
}

/// A drawn slice.
#[derive(Debug, Clone, PartialEq)]
pub struct SliceGeom {
    /// Index into the model's slices (and the colour index).
    pub index: usize,
    /// Angles in radians, clockwise from 12 o'clock.
    pub start: f64,
    pub end: f64,
    /// The percentage text and its anchor (centre of the baseline).
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    /// Width of the percentage text (for overlap checks).
    pub label_width: f64,
}

/// One legend row.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub index: usize,
    /// Top-left of the square.
    pub x: f64,
    pub y: f64,
    pub text: TextBox,
    /// Start of the text's baseline.
    pub text_x: f64,
    pub text_y: f64,
}

/// Everything the drawing stage needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub cx: f64,
    pub cy: f64,
    pub radius: f64,
    /// Radius of the outer circle (the pie plus half the outer stroke).
    pub outer_radius: f64,
    pub slices: Vec<SliceGeom>,
    /// Title text, its box and the centre of its baseline.
    pub title: Option<(TextBox, f64, f64)>,
    pub legend: Vec<LegendItem>,
    pub colors: PieColors,
}

fn style(size: f64) -> TextStyle {
    TextStyle {
        size,
        bold: false,
        italic: false,
    }
}

/// Percent of `value` in `total`, rounded as Mermaid writes it.
pub fn percent_text(value: f64, total: f64) -> String {
    let p = value / total * 100.0;
    if !p.is_finite() {
        return "0%".into();
    }
    format!("{}%", p.round() as i64)
}

/// Lay out `pie`.
pub fn layout(pie: &Pie, config: &PieConfig, colors: PieColors) -> Geometry {
    let radius = HEIGHT / 2.0 - MARGIN;
    let total = pie.total();
    // Slices of at least 1 % share the circle (in source order); smaller
    // ones are left out, as Mermaid does, but keep their legend row.
    let drawn: Vec<usize> = (0..pie.slices.len())
        .filter(|&i| total > 0.0 && pie.slices[i].value / total * 100.0 >= MIN_SHARE)
        .collect();
    let drawn_total: f64 = drawn.iter().map(|&i| pie.slices[i].value).sum();
    let label_r = radius * config.text_position;
    let section = style(colors.section_size);
    let mut slices = Vec::new();
    let mut angle = 0.0;
    for &i in &drawn {
        let v = pie.slices[i].value;
        let span = if drawn_total > 0.0 {
            v / drawn_total * std::f64::consts::TAU
        } else {
            0.0
        };
        let (start, end) = (angle, angle + span);
        angle = end;
        let mid = (start + end) / 2.0;
        let label = percent_text(v, total);
        let w = measure(&label, section).width;
        slices.push(SliceGeom {
            index: i,
            start,
            end,
            label_width: w,
            label,
            label_x: label_r * mid.sin(),
            label_y: -label_r * mid.cos(),
        });
    }
    let title = pie
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            (
                measure(t, style(colors.title_size)),
                0.0,
                -(HEIGHT - 50.0) / 2.0,
            )
        });
    // Legend, relative to the centre.
    let legend_style = style(colors.legend_size);
    let row = LEGEND_RECT + LEGEND_SPACING;
    let offset = row * pie.slices.len() as f64 / 2.0;
    let mut legend: Vec<LegendItem> = pie
        .slices
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = if pie.show_data {
                format!("{} [{}]", s.label, format_value(s.value))
            } else {
                s.label.clone()
            };
            let x = 12.0 * LEGEND_RECT;
            let y = i as f64 * row - offset;
            LegendItem {
                index: i,
                x,
                y,
                text: measure(&text, legend_style),
                text_x: x + LEGEND_RECT + LEGEND_SPACING,
                text_y: y + LEGEND_RECT - LEGEND_SPACING,
            }
        })
        .collect();
    let longest = legend.iter().map(|l| l.text.width).fold(0.0, f64::max);
    // Extents relative to the centre; Mermaid's canvas first.
    let mut e = Extent {
        left: -HEIGHT / 2.0,
        right: HEIGHT / 2.0 + MARGIN + LEGEND_RECT + LEGEND_SPACING + longest,
        top: -HEIGHT / 2.0,
        bottom: HEIGHT / 2.0,
    };
    let outer_radius = radius + colors.outer_stroke_width / 2.0;
    let reach = outer_radius + colors.outer_stroke_width / 2.0;
    e.need(-reach, -reach, reach, reach);
    if let Some((tb, x, y)) = &title {
        // The title widens the canvas on both sides (it stays centred on
        // the pie), as Mermaid does.
        let half = tb.width / 2.0;
        e.left = e.left.min(x - half);
        e.right = e.right.max(x + half);
        e.need(
            x - half,
            y - ASCENT * colors.title_size,
            x + half,
            y + DESCENT * colors.title_size,
        );
    }
    for l in &legend {
        e.need(
            l.x,
            l.y.min(l.text_y - ASCENT * colors.legend_size),
            l.text_x + l.text.width,
            (l.y + LEGEND_RECT).max(l.text_y + DESCENT * colors.legend_size),
        );
    }
    for s in &slices {
        e.need(
            s.label_x - s.label_width / 2.0,
            s.label_y - ASCENT * colors.section_size,
            s.label_x + s.label_width / 2.0,
            s.label_y + DESCENT * colors.section_size,
        );
    }
    // Move everything so the canvas starts at 0, 0.
    let (cx, cy) = (-e.left, -e.top);
    for s in &mut slices {
        s.label_x += cx;
        s.label_y += cy;
    }
    for l in &mut legend {
        l.x += cx;
        l.y += cy;
        l.text_x += cx;
        l.text_y += cy;
    }
    let title = title.map(|(tb, x, y)| (tb, x + cx, y + cy));
    Geometry {
        width: (e.right - e.left).ceil(),
        height: (e.bottom - e.top).ceil(),
        cx,
        cy,
        radius,
        outer_radius,
        slices,
        title,
        legend,
        colors,
    }
}
