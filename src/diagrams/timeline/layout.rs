//! Timeline geometry, after mermaid-js's: periods left to right in
//! columns 200 px apart, sections above spanning their periods, events
//! stacked below each period, a dashed line down each column and the
//! horizontal arrow between periods and events. Every text is measured
//! (and wrapped to the node width) here.

use super::model::Timeline;
use crate::geometry::Rect;
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Width of a node and of its text (`timeline.width`, 150, plus padding).
pub const TEXT_WIDTH: f64 = 150.0;
pub const NODE_WIDTH: f64 = 190.0;
pub const COLUMN: f64 = 200.0;
const MARGIN: f64 = 50.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub rect: Rect,
    pub text: TextBox,
    /// Colour index (0 … 11).
    pub color: usize,
    pub event: bool,
}

impl Node {
    /// The text's box: lines centred, starting 10 px below the top.
    pub fn text_rect(&self) -> Rect {
        Rect {
            x: self.rect.x + (self.rect.width - self.text.width) / 2.0,
            y: self.rect.y + 10.0,
            width: self.text.width,
            height: self.text.height,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    /// Title text and its top-left corner.
    pub title: Option<(TextBox, f64, f64)>,
    pub nodes: Vec<Node>,
    /// Dashed lines down each column: x, y from, y to.
    pub columns: Vec<(f64, f64, f64)>,
    /// The arrow: x from, x to, y.
    pub axis: (f64, f64, f64),
}

pub fn layout(t: &Timeline, font_size: f64, multicolor: bool) -> Geometry {
    let style = TextStyle {
        size: font_size,
        bold: false,
        italic: false,
    };
    let measure = |s: &str| text_layout(s, style, false, Some(TEXT_WIDTH));
    let has_sections = !t.sections.is_empty();
    let color = |k: usize| if multicolor { k % 12 } else { 0 };
    let sec_boxes: Vec<TextBox> = t.sections.iter().map(|s| measure(s)).collect();
    let per_boxes: Vec<TextBox> = t.periods.iter().map(|p| measure(&p.text)).collect();
    let tall = |b: &[TextBox]| b.iter().map(|x| x.height).fold(0.0, f64::max);
    let sec_h = (tall(&sec_boxes) + 42.0).max(66.0);
    let per_h = (tall(&per_boxes) + 42.0).max(66.0);
    let y_sec = MARGIN;
    let y_per = if has_sections {
        y_sec + sec_h + MARGIN
    } else {
        y_sec
    };
    let axis_y = y_per + per_h + MARGIN;
    let events_top = axis_y + 84.0;
    let mut nodes = Vec::new();
    let mut columns = Vec::new();
    let x0 = 0.0;
    // Sections (each spans its periods; an empty section still takes a column).
    let mut col = 0usize;
    let mut placed_cols = vec![0usize; t.periods.len()];
    let mut next = 0usize;
    if has_sections {
        // Periods before the first section come first.
        while next < t.periods.len() && t.periods[next].section.is_none() {
            placed_cols[next] = col;
            col += 1;
            next += 1;
        }
        for (k, b) in sec_boxes.into_iter().enumerate() {
            let first = col;
            while next < t.periods.len() && t.periods[next].section == Some(k) {
                placed_cols[next] = col;
                col += 1;
                next += 1;
            }
            let n = (col - first).max(1);
            col = first + n;
            nodes.push(Node {
                rect: Rect {
                    x: x0 + first as f64 * COLUMN,
                    y: y_sec,
                    width: n as f64 * COLUMN - (COLUMN - NODE_WIDTH),
                    height: sec_h,
                },
                text: b,
                color: color(k),
                event: false,
            });
        }
    } else {
        for (i, c) in placed_cols.iter_mut().enumerate() {
            *c = i;
        }
        col = t.periods.len();
    }
    let mut deepest = events_top;
    let mut col_events: Vec<(f64, f64)> = Vec::new();
    for (i, (p, b)) in t.periods.iter().zip(per_boxes).enumerate() {
        let x = x0 + placed_cols[i] as f64 * COLUMN;
        let c = match (has_sections, p.section) {
            (true, Some(k)) => color(k),
            (true, None) => 0,
            (false, _) => color(i),
        };
        nodes.push(Node {
            rect: Rect {
                x,
                y: y_per,
                width: NODE_WIDTH,
                height: per_h,
            },
            text: b,
            color: c,
            event: false,
        });
        let mut y = events_top;
        for e in &p.events {
            let tb = measure(e);
            let h = (tb.height + 26.0).max(50.0);
            nodes.push(Node {
                rect: Rect {
                    x,
                    y,
                    width: NODE_WIDTH,
                    height: h,
                },
                text: tb,
                color: c,
                event: true,
            });
            y += h + 10.0;
        }
        deepest = deepest.max(y);
        col_events.push((x + NODE_WIDTH / 2.0, y_per + per_h));
    }
    for (x, top) in col_events {
        columns.push((x, top, deepest + 40.0));
    }
    let cols = col.max(1) as f64;
    let axis = (
        x0 - MARGIN,
        x0 + cols * COLUMN - (COLUMN - NODE_WIDTH) + 250.0,
        axis_y,
    );
    // Title above, bold, left-aligned at the first column.
    let title = t.title.as_ref().filter(|s| !s.trim().is_empty()).map(|s| {
        let tb = text_layout(
            s,
            TextStyle {
                size: 2.0 * font_size,
                bold: true,
                italic: false,
            },
            false,
            None,
        );
        (tb, x0 + 45.0, y_sec - 30.0 - 2.0 * font_size)
    });
    // Canvas: everything plus a margin, shifted to start at (0, 0).
    let mut min_x = axis.0;
    let mut max_x = axis.1 + 10.0;
    let mut min_y = y_sec;
    let mut max_y = deepest + 40.0;
    if let Some((tb, x, y)) = &title {
        min_y = min_y.min(*y);
        min_x = min_x.min(*x);
        max_x = max_x.max(x + tb.width);
    }
    for n in &nodes {
        max_x = max_x.max(n.rect.x + n.rect.width);
        max_y = max_y.max(n.rect.y + n.rect.height);
    }
    let dx = MARGIN - min_x;
    let dy = MARGIN - min_y;
    for n in &mut nodes {
        n.rect.x += dx;
        n.rect.y += dy;
    }
    let columns = columns
        .into_iter()
        .map(|(x, a, b)| (x + dx, a + dy, b + dy))
        .collect();
    Geometry {
        width: (max_x - min_x + 2.0 * MARGIN).ceil(),
        height: (max_y - min_y + 2.0 * MARGIN).ceil(),
        title: title.map(|(tb, x, y)| (tb, x + dx, y + dy)),
        nodes,
        columns,
        axis: (axis.0 + dx, axis.1 + dx, axis.2 + dy),
    }
}
