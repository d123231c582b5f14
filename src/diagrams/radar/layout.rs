//! [`Radar`] + [`RadarConfig`] → geometry: graticule, axes, axis labels,
//! curves, legend, title and the canvas. Text is measured here and only
//! here.
//!
//! Mermaid's proportions: the chart is `width` × `height` plus margins,
//! the radius is half the smaller side, axis labels sit at
//! `axisLabelFactor` × radius (anchored away from the centre), the legend
//! starts at ¾ of the way to the top-right corner, the title hangs from
//! the top edge.

use std::f64::consts::TAU;

use super::colors::RadarColors;
use super::model::{Graticule, Radar};
use super::RadarConfig;
use crate::text::{measure, TextStyle};

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAnchor {
    Start,
    Middle,
    End,
}

/// A placed single-line text: `x` is at the anchor, `y` is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub anchor: HAnchor,
    pub size: f64,
    pub width: f64,
}

impl Text {
    /// (left, top, right, bottom) of the glyphs, roughly.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let left = match self.anchor {
            HAnchor::Start => self.x,
            HAnchor::Middle => self.x - self.width / 2.0,
            HAnchor::End => self.x - self.width,
        };
        (
            left,
            self.y - ASCENT * self.size,
            left + self.width,
            self.y + DESCENT * self.size,
        )
    }
}

/// Glyph extent above and below the baseline, in font sizes.
pub const ASCENT: f64 = 0.905;
pub const DESCENT: f64 = 0.212;
/// Gap added to the axis labels' distance from the centre.
const LABEL_GAP: f64 = 4.0;

#[derive(Debug, Clone, PartialEq)]
pub struct CurveGeom {
    pub index: usize,
    pub points: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub text: Text,
}

/// Everything the drawing stage needs (absolute canvas coordinates).
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub cx: f64,
    pub cy: f64,
    pub graticule: Graticule,
    /// Radii of the graticule rings.
    pub rings: Vec<f64>,
    /// Axis directions (radians, clockwise from 12 o'clock) and the axis
    /// line ends.
    pub axes: Vec<(f64, f64, f64)>,
    pub axis_labels: Vec<Text>,
    pub curves: Vec<CurveGeom>,
    pub tension: f64,
    pub legend: Vec<LegendItem>,
    pub title: Option<Text>,
    pub colors: RadarColors,
}

fn style(size: f64) -> TextStyle {
    TextStyle {
        size,
        bold: false,
        italic: false,
    }
}

/// The angle of axis `i` of `n` (clockwise from 12 o'clock).
fn angle(i: usize, n: usize) -> f64 {
    TAU * i as f64 / n.max(1) as f64
}

/// Lay out `r`.
pub fn layout(r: &Radar, c: &RadarConfig, colors: RadarColors) -> Geometry {
    let radius = c.width.min(c.height) / 2.0;
    let n = r.axes.len();
    let (min, max) = (r.min, r.max_value());
    let rel = |v: f64| {
        if max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater) {
            return 0.0;
        }
        radius * (v.clamp(min, max) - min) / (max - min)
    };
    let rings: Vec<f64> = (0..r.ticks)
        .map(|i| radius * f64::from(i + 1) / f64::from(r.ticks))
        .collect();
    let mut axes = Vec::new();
    let mut axis_labels: Vec<Text> = Vec::new();
    let label_r = radius * c.axis_label_factor + LABEL_GAP;
    for (i, a) in r.axes.iter().enumerate() {
        let t = angle(i, n);
        let (s, co) = (t.sin(), t.cos());
        axes.push((
            t,
            radius * c.axis_scale_factor * s,
            -radius * c.axis_scale_factor * co,
        ));
        let size = colors.axis_label_size;
        let anchor = if s.abs() < 1e-6 {
            HAnchor::Middle
        } else if s > 0.0 {
            HAnchor::Start
        } else {
            HAnchor::End
        };
        // Above the centre the text sits on its point, below it hangs
        // from it, level with the centre it is centred on it.
        let y = -label_r * co;
        let baseline = if co.abs() < 1e-6 {
            y + 0.35 * size
        } else if co > 0.0 {
            y
        } else {
            y + ASCENT * size
        };
        axis_labels.push(Text {
            width: measure(&a.label, style(size)).width,
            text: a.label.clone(),
            x: label_r * s,
            y: baseline,
            anchor,
            size,
        });
    }
    let curves: Vec<CurveGeom> = r
        .curves
        .iter()
        .enumerate()
        .filter(|(_, cv)| cv.values.len() == n && n > 0)
        .map(|(index, cv)| CurveGeom {
            index,
            points: cv
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let t = angle(i, n);
                    let d = rel(*v);
                    (d * t.sin(), -d * t.cos())
                })
                .collect(),
        })
        .collect();
    let mut legend: Vec<LegendItem> = if r.show_legend {
        let lx = (c.width / 2.0 + c.margin_right) * 3.0 / 4.0;
        let ly = -(c.height / 2.0 + c.margin_top) * 3.0 / 4.0;
        let size = colors.legend_size;
        r.curves
            .iter()
            .enumerate()
            .map(|(i, cv)| {
                let y = ly + i as f64 * 20.0;
                LegendItem {
                    index: i,
                    x: lx,
                    y,
                    text: Text {
                        width: measure(&cv.label, style(size)).width,
                        text: cv.label.clone(),
                        x: lx + colors.legend_box + 4.0,
                        y: y + ASCENT * size,
                        anchor: HAnchor::Start,
                        size,
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut title = r
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| Text {
            width: measure(t, style(colors.title_size)).width,
            text: t.trim().to_string(),
            x: 0.0,
            y: -c.height / 2.0 - c.margin_top + ASCENT * colors.title_size,
            anchor: HAnchor::Middle,
            size: colors.title_size,
        });
    // Canvas: Mermaid's, grown (with a margin) to hold every text.
    let mut b = (
        -c.width / 2.0 - c.margin_left,
        -c.height / 2.0 - c.margin_top,
        c.width / 2.0 + c.margin_right,
        c.height / 2.0 + c.margin_bottom,
    );
    let mut boxes: Vec<(f64, f64, f64, f64)> = axis_labels
        .iter()
        .chain(title.iter())
        .chain(legend.iter().map(|l| &l.text))
        .map(Text::bounds)
        .collect();
    boxes.extend(
        legend
            .iter()
            .map(|l| (l.x, l.y, l.x + colors.legend_box, l.y + colors.legend_box)),
    );
    let reach = radius.max(radius * c.axis_scale_factor) + colors.axis_width;
    boxes.push((-reach, -reach, reach, reach));
    for (l, t, rr, bt) in boxes {
        if l < b.0 {
            b.0 = l - 4.0;
        }
        if t < b.1 {
            b.1 = t - 4.0;
        }
        if rr > b.2 {
            b.2 = rr + 4.0;
        }
        if bt > b.3 {
            b.3 = bt + 4.0;
        }
    }
    let (cx, cy) = (-b.0, -b.1);
    let shift = |t: &mut Text| {
        t.x += cx;
        t.y += cy;
    };
    axis_labels.iter_mut().for_each(shift);
    for l in &mut legend {
        l.x += cx;
        l.y += cy;
        shift(&mut l.text);
    }
    title.iter_mut().for_each(shift);
    let curves = curves
        .into_iter()
        .map(|mut cv| {
            cv.points.iter_mut().for_each(|p| {
                p.0 += cx;
                p.1 += cy;
            });
            cv
        })
        .collect();
    let axes = axes
        .into_iter()
        .map(|(t, x, y)| (t, x + cx, y + cy))
        .collect();
    Geometry {
        width: (b.2 - b.0).ceil(),
        height: (b.3 - b.1).ceil(),
        cx,
        cy,
        graticule: r.graticule,
        rings,
        axes,
        axis_labels,
        curves,
        tension: c.curve_tension,
        legend,
        title,
        colors,
    }
}
