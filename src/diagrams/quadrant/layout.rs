//! [`Quadrant`] + [`QuadrantConfig`] → geometry. Text is measured here and
//! only here (for the canvas check and the tests; positions follow
//! Mermaid's fixed proportions).

use super::colors::QuadrantColors;
use super::model::Quadrant;
use super::QuadrantConfig;
use crate::text::{measure, TextStyle};

/// How a text is anchored on its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the text's top left.
    TopStart,
    /// The point is the middle of the text's top.
    TopMiddle,
    /// The point is the text's centre.
    Centre,
}

/// A placed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    /// Rotated a quarter turn anticlockwise about (`x`, `y`).
    pub vertical: bool,
    pub size: f64,
    pub fill: String,
    pub width: f64,
}

/// Text top below its anchor line, as a fraction of the size, and the
/// baseline's distance below the text top.
pub const BASELINE: f64 = 0.7;

impl Text {
    /// The baseline offset from `y` along the text's up direction.
    pub fn baseline_offset(&self) -> f64 {
        match self.anchor {
            Anchor::TopStart | Anchor::TopMiddle => BASELINE * self.size,
            Anchor::Centre => 0.35 * self.size,
        }
    }

    /// The text's box (left, top, right, bottom) on the canvas.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let (w, h) = (self.width, self.size * 1.1);
        let (along0, along1) = match self.anchor {
            Anchor::TopStart => (0.0, w),
            _ => (-w / 2.0, w / 2.0),
        };
        let (across0, across1) = match self.anchor {
            Anchor::Centre => (-h / 2.0, h / 2.0),
            _ => (0.0, h),
        };
        if self.vertical {
            // Reading upwards: "along" goes up, "across" goes right.
            (
                self.x + across0,
                self.y - along1,
                self.x + across1,
                self.y - along0,
            )
        } else {
            (
                self.x + along0,
                self.y + across0,
                self.x + along1,
                self.y + across1,
            )
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub fill: String,
    pub label: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub width: f64,
    pub stroke: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub fill: String,
    pub stroke: String,
    pub stroke_width: f64,
    pub label: Text,
}

/// Everything the drawing stage needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// Offset of Mermaid's chart in the canvas (0 unless something spills).
    pub dx: f64,
    pub dy: f64,
    pub width: f64,
    pub height: f64,
    pub quadrants: Vec<Rect>,
    pub borders: Vec<Line>,
    /// In drawing order (Mermaid draws the last point first).
    pub points: Vec<Dot>,
    pub axis_labels: Vec<Text>,
    pub title: Option<Text>,
}

#[allow(clippy::too_many_arguments)]
fn text(t: &str, x: f64, y: f64, anchor: Anchor, vertical: bool, size: f64, fill: &str) -> Text {
    let style = TextStyle {
        size,
        bold: false,
        italic: false,
    };
    Text {
        text: t.to_string(),
        x,
        y,
        anchor,
        vertical,
        size,
        fill: fill.to_string(),
        width: measure(t, style).width,
    }
}

/// Lay out `q`.
pub fn layout(q: &Quadrant, c: &QuadrantConfig, col: &QuadrantColors) -> Geometry {
    let show_x = !(q.x_left.is_empty() && q.x_right.is_empty());
    let show_y = !(q.y_bottom.is_empty() && q.y_top.is_empty());
    let title_text = q.title.as_deref().unwrap_or("").trim();
    let show_title = !title_text.is_empty();
    // With points the x axis goes below the chart, as in Mermaid.
    let x_bottom = !q.points.is_empty() || c.x_axis_bottom;
    let x_space = c.x_axis_label_padding * 2.0 + c.x_axis_label_font_size;
    let y_space = c.y_axis_label_padding * 2.0 + c.y_axis_label_font_size;
    let x_top_space = if show_x && !x_bottom { x_space } else { 0.0 };
    let x_bottom_space = if show_x && x_bottom { x_space } else { 0.0 };
    let y_left_space = if show_y && !c.y_axis_right {
        y_space
    } else {
        0.0
    };
    let y_right_space = if show_y && c.y_axis_right {
        y_space
    } else {
        0.0
    };
    let title_space = if show_title {
        c.title_font_size + c.title_padding * 2.0
    } else {
        0.0
    };
    let left = c.quadrant_padding + y_left_space;
    let top = c.quadrant_padding + x_top_space + title_space;
    let w = (c.chart_width - c.quadrant_padding * 2.0 - y_left_space - y_right_space).max(2.0);
    let h =
        (c.chart_height - c.quadrant_padding * 2.0 - x_top_space - x_bottom_space - title_space)
            .max(2.0);
    let (hw, hh) = (w / 2.0, h / 2.0);

    let cells = [
        (left + hw, top),
        (left, top),
        (left, top + hh),
        (left + hw, top + hh),
    ];
    let quadrants = cells
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| {
            let label = (!q.quadrants[i].is_empty()).then(|| {
                let (ly, anchor) = if q.points.is_empty() {
                    (y + hh / 2.0, Anchor::Centre)
                } else {
                    (y + c.quadrant_text_top_padding, Anchor::TopMiddle)
                };
                text(
                    &q.quadrants[i],
                    x + hw / 2.0,
                    ly,
                    anchor,
                    false,
                    c.quadrant_label_font_size,
                    &col.texts[i],
                )
            });
            Rect {
                x,
                y,
                w: hw,
                h: hh,
                fill: col.fills[i].clone(),
                label,
            }
        })
        .collect();

    let half = c.external_border_width / 2.0;
    let ext = |x1, y1, x2, y2| Line {
        x1,
        y1,
        x2,
        y2,
        width: c.external_border_width,
        stroke: col.external_border.clone(),
    };
    let int = |x1, y1, x2, y2| Line {
        x1,
        y1,
        x2,
        y2,
        width: c.internal_border_width,
        stroke: col.internal_border.clone(),
    };
    let borders = vec![
        ext(left - half, top, left + w + half, top),
        ext(left + w, top + half, left + w, top + h - half),
        ext(left - half, top + h, left + w + half, top + h),
        ext(left, top + half, left, top + h - half),
        int(left + hw, top + half, left + hw, top + h - half),
        int(left + half, top + hh, left + w - half, top + hh),
    ];

    let points: Vec<Dot> = q
        .points
        .iter()
        .rev()
        .map(|p| {
            let s = q.style_of(p);
            let x = left + p.x * w;
            let y = top + h - p.y * h;
            Dot {
                x,
                y,
                r: s.radius.unwrap_or(c.point_radius),
                fill: s.color.clone().unwrap_or_else(|| col.point.clone()),
                stroke: s.stroke_color.clone().unwrap_or_else(|| col.point.clone()),
                stroke_width: s.stroke_width.unwrap_or(0.0),
                label: text(
                    &p.name,
                    x,
                    y + c.point_text_padding,
                    Anchor::TopMiddle,
                    false,
                    c.point_label_font_size,
                    &col.point_text,
                ),
            }
        })
        .collect();

    let mut axis_labels = Vec::new();
    let x_middle = !q.x_right.is_empty();
    let x_anchor = if x_middle {
        Anchor::TopMiddle
    } else {
        Anchor::TopStart
    };
    let x_y = if x_bottom {
        c.x_axis_label_padding + top + h + c.quadrant_padding
    } else {
        c.x_axis_label_padding + title_space
    };
    let x_shift = if x_middle { hw / 2.0 } else { 0.0 };
    if show_x {
        if !q.x_left.is_empty() {
            axis_labels.push(text(
                &q.x_left,
                left + x_shift,
                x_y,
                x_anchor,
                false,
                c.x_axis_label_font_size,
                &col.x_axis_text,
            ));
        }
        if !q.x_right.is_empty() {
            axis_labels.push(text(
                &q.x_right,
                left + hw + x_shift,
                x_y,
                x_anchor,
                false,
                c.x_axis_label_font_size,
                &col.x_axis_text,
            ));
        }
    }
    let y_middle = !q.y_top.is_empty();
    let y_anchor = if y_middle {
        Anchor::TopMiddle
    } else {
        Anchor::TopStart
    };
    let y_x = if c.y_axis_right {
        c.y_axis_label_padding + left + w + c.quadrant_padding
    } else {
        c.y_axis_label_padding
    };
    let y_shift = if y_middle { hh / 2.0 } else { 0.0 };
    if show_y {
        if !q.y_bottom.is_empty() {
            axis_labels.push(text(
                &q.y_bottom,
                y_x,
                top + h - y_shift,
                y_anchor,
                true,
                c.y_axis_label_font_size,
                &col.y_axis_text,
            ));
        }
        if !q.y_top.is_empty() {
            axis_labels.push(text(
                &q.y_top,
                y_x,
                top + hh - y_shift,
                y_anchor,
                true,
                c.y_axis_label_font_size,
                &col.y_axis_text,
            ));
        }
    }
    let title = show_title.then(|| {
        text(
            title_text,
            c.chart_width / 2.0,
            c.title_padding,
            Anchor::TopMiddle,
            false,
            c.title_font_size,
            &col.title,
        )
    });
    // Mermaid's canvas is the chart size; texts that leave it (a long
    // title, long axis labels) widen it, and `dx`/`dy` move the drawing.
    let mut b = (0.0f64, 0.0f64, c.chart_width, c.chart_height);
    let mut grow = |l: f64, t: f64, r: f64, bt: f64| {
        b = (
            b.0.min(l - 4.0),
            b.1.min(t - 4.0),
            b.2.max(r + 4.0),
            b.3.max(bt + 4.0),
        );
    };
    let texts = axis_labels
        .iter()
        .chain(title.iter())
        .chain(points.iter().map(|p: &Dot| &p.label))
        .map(Text::bounds);
    let mut all: Vec<(f64, f64, f64, f64)> = texts.collect();
    all.extend(points.iter().map(|p: &Dot| {
        let r = p.r + p.stroke_width / 2.0;
        (p.x - r, p.y - r, p.x + r, p.y + r)
    }));
    for (l, t, r, bt) in all {
        if l < 0.0 || t < 0.0 || r > c.chart_width || bt > c.chart_height {
            grow(l, t, r, bt);
        }
    }
    Geometry {
        dx: -b.0,
        dy: -b.1,
        width: (b.2 - b.0).ceil(),
        height: (b.3 - b.1).ceil(),
        quadrants,
        borders,
        points,
        axis_labels,
        title,
    }
}
