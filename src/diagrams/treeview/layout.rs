//! [`TreeView`] → geometry: one row per entry under a `/` root, each row
//! indented by its depth, with elbow lines from each parent down to its
//! children.

use super::model::TreeView;
use super::TreeViewConfig;
use crate::text::{measure, TextBox, TextStyle};

/// A row's label.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Left end of the text and vertical centre of the row.
    pub x: f64,
    pub y: f64,
    pub tb: TextBox,
    pub bold: bool,
}

/// A straight line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<Row>,
    pub lines: Vec<Line>,
    pub font_size: f64,
    pub line_width: f64,
}

/// Lay the tree out.
pub fn layout(tv: &TreeView, c: &TreeViewConfig) -> Geometry {
    let style = TextStyle {
        size: c.font_size,
        ..TextStyle::default()
    };
    let root = measure(
        "/",
        TextStyle {
            bold: true,
            ..style
        },
    );
    let row_h = root.height + 2.0 * c.padding_y;
    let step = c.row_indent + c.padding_x;
    let x_of = |depth: usize| c.padding_x + depth as f64 * step;
    let y_of = |row: usize| row as f64 * row_h + row_h / 2.0;
    let mut rows = vec![Row {
        x: x_of(0),
        y: y_of(0),
        tb: root,
        bold: true,
    }];
    let mut lines = Vec::new();
    // Row of each entry's last child, to draw the parents' vertical lines.
    let mut last_child: Vec<Option<usize>> = vec![None; tv.nodes.len() + 1];
    for (k, n) in tv.nodes.iter().enumerate() {
        let row = k + 1;
        let depth = n.depth + 1;
        let x = x_of(depth);
        let y = y_of(row);
        rows.push(Row {
            x,
            y,
            tb: measure(&n.name, style),
            bold: false,
        });
        lines.push(Line {
            x1: x_of(depth - 1),
            y1: y,
            x2: x - c.padding_x,
            y2: y,
        });
        let prow = n.parent.map_or(0, |p| p + 1);
        if let Some(slot) = last_child.get_mut(prow) {
            *slot = Some(row);
        }
    }
    for (prow, lc) in last_child.iter().enumerate() {
        let Some(lc) = lc else { continue };
        let px = rows.get(prow).map_or(0.0, |r| r.x);
        lines.push(Line {
            x1: px,
            y1: y_of(prow) + row_h / 2.0,
            x2: px,
            y2: y_of(*lc) + c.line_width / 2.0,
        });
    }
    let width =
        rows.iter().map(|r| r.x + r.tb.width).fold(0.0, f64::max) + c.padding_x + c.line_width;
    let height = rows.len() as f64 * row_h;
    Geometry {
        width: width.ceil(),
        height: height.ceil(),
        rows,
        lines,
        font_size: c.font_size,
        line_width: c.line_width,
    }
}
