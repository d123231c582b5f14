//! [`BlockDiagram`] + configuration → geometry. Text is measured here and
//! only here.
//!
//! Mermaid's grid: every composite (and the root) lays its children out in
//! rows `columns` wide (`auto`: one row); a child spans `span` columns. All
//! columns of a composite share one width — the widest child's width per
//! column — and each row is as tall as its tallest child. A composite is
//! sized from its content plus `padding` around and between cells, and is
//! stretched (columns widened) when its parent's cell is wider. Node shapes
//! fill their cell, except circles, diamonds and block arrows which keep
//! their own size and sit in the cell's centre. Edges are straight lines
//! between the blocks' outlines with the label at the middle.

use super::model::{BlockDiagram, Dir, Kind, Stroke, Tip};
use super::BlockConfig;
use crate::geometry::Point;
use crate::shape::{node_size, outline, ray_exit, Shape};
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Margin around the drawing.
pub const MARGIN: f64 = 8.0;

/// A block with its box.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Index into the model's blocks.
    pub index: usize,
    /// The drawn shape's box (top-left, size).
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Nesting depth (1 for the root's children).
    pub depth: usize,
    /// The label (none for spaces and composites).
    pub label: Option<TextBox>,
}

impl Placed {
    pub fn centre(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// A drawn edge.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeGeom {
    pub from: Point,
    pub to: Point,
    pub stroke: Stroke,
    pub start: Tip,
    pub end: Tip,
    /// The label and its centre.
    pub label: Option<(TextBox, Point)>,
}

/// Everything the drawing stage needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    /// Every block except the root and spaces, outer composites first.
    pub blocks: Vec<Placed>,
    pub edges: Vec<EdgeGeom>,
    /// The title and the centre of its box.
    pub title: Option<(TextBox, Point)>,
    pub font_size: f64,
}

struct Ctx<'a> {
    d: &'a BlockDiagram,
    pad: f64,
    style: TextStyle,
    labels: Vec<Option<TextBox>>,
    natural: Vec<(f64, f64)>,
    out: Vec<Placed>,
}

/// Cells of a composite: (child, row, column, span) and the column count.
fn grid(d: &BlockDiagram, i: usize) -> (Vec<(usize, usize, usize, usize)>, usize) {
    let children = d.children(i);
    let columns = match d.blocks.get(i).map(|b| &b.kind) {
        Some(Kind::Composite {
            columns: Some(c), ..
        }) => *c,
        _ => children
            .iter()
            .map(|&c| d.blocks[c].span)
            .sum::<usize>()
            .max(1),
    };
    let mut cells = Vec::new();
    let (mut row, mut col) = (0, 0);
    for &c in children {
        let s = d.blocks[c].span.clamp(1, columns);
        if col + s > columns {
            row += 1;
            col = 0;
        }
        cells.push((c, row, col, s));
        col += s;
    }
    (cells, columns)
}

/// True when a node keeps its own size inside a wider cell.
fn keeps_size(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Node(Shape::Circle | Shape::DoubleCircle | Shape::Diamond) | Kind::Arrow(_)
    )
}

/// Head length and overhang of a block arrow whose body is `bh` thick.
pub fn arrow_head(bh: f64) -> (f64, f64) {
    (bh * 0.6, bh * 0.25)
}

/// Half extents of a block arrow's body around its label.
fn arrow_body(lw: f64, lh: f64, pad: f64) -> (f64, f64) {
    (lw / 2.0 + pad, lh / 2.0 + pad / 2.0)
}

/// The natural size of a block arrow.
fn arrow_size(dirs: &[Dir], lw: f64, lh: f64, pad: f64) -> (f64, f64) {
    let (bx, by) = arrow_body(lw, lh, pad);
    let horiz = dirs.iter().any(|d| matches!(d, Dir::Left | Dir::Right));
    let vert = dirs.iter().any(|d| matches!(d, Dir::Up | Dir::Down));
    let (mut w, mut h) = (2.0 * bx, 2.0 * by);
    if horiz {
        let (l, o) = arrow_head(2.0 * by);
        w = w.max(2.0 * (bx + l));
        h = h.max(2.0 * (by + o));
    }
    if vert {
        let (l, o) = arrow_head(2.0 * bx.min(by * 2.0));
        h = h.max(2.0 * (by + l));
        w = w.max(2.0 * (bx + o));
    }
    (w, h)
}

impl Ctx<'_> {
    fn measure(&mut self, i: usize, depth: usize) -> (f64, f64) {
        let b = &self.d.blocks[i];
        let size = match &b.kind {
            Kind::Space => (0.0, 0.0),
            Kind::Node(shape) => {
                let tb = text_layout(&b.label, self.style, false, None);
                let (lw, lh) = (tb.width, tb.height);
                self.labels[i] = Some(tb);
                match shape {
                    Shape::Rect | Shape::Rounded => (lw + 2.0 * self.pad, lh + 2.0 * self.pad),
                    s => node_size(*s, lw, lh),
                }
            }
            Kind::Arrow(dirs) => {
                let tb = text_layout(&b.label, self.style, false, None);
                let s = arrow_size(dirs, tb.width, tb.height, self.pad);
                self.labels[i] = Some(tb);
                s
            }
            Kind::Composite { .. } => {
                if depth > 80 {
                    (0.0, 0.0)
                } else {
                    let (cells, cols) = grid(self.d, i);
                    let mut unit: f64 = 0.0;
                    let mut rows: Vec<f64> = Vec::new();
                    let mut leaf_h: f64 = 0.0;
                    for &(c, row, _, s) in &cells {
                        let (w, h) = self.measure(c, depth + 1);
                        if rows.len() <= row {
                            rows.resize(row + 1, 0.0);
                        }
                        if matches!(self.d.blocks[c].kind, Kind::Space) {
                            continue;
                        }
                        unit = unit.max((w - self.pad * (s - 1) as f64) / s as f64);
                        rows[row] = rows[row].max(h);
                        if !matches!(self.d.blocks[c].kind, Kind::Composite { .. }) {
                            leaf_h = leaf_h.max(h);
                        }
                    }
                    for r in rows.iter_mut() {
                        if *r == 0.0 {
                            *r = leaf_h;
                        }
                    }
                    let n = rows.len();
                    let w = cols as f64 * unit + (cols + 1) as f64 * self.pad;
                    let h = rows.iter().sum::<f64>() + (n + 1) as f64 * self.pad;
                    (w, h)
                }
            }
        };
        self.natural[i] = size;
        size
    }

    /// Place composite `i` in the box (x, y, w, h).
    fn place(&mut self, i: usize, x: f64, y: f64, w: f64, h: f64, depth: usize) {
        if depth > 80 {
            return;
        }
        let (cells, cols) = grid(self.d, i);
        let pad = self.pad;
        let unit = ((w - (cols + 1) as f64 * pad) / cols as f64).max(0.0);
        let mut rows: Vec<f64> = Vec::new();
        let mut leaf_h: f64 = 0.0;
        for &(c, row, _, _) in &cells {
            if rows.len() <= row {
                rows.resize(row + 1, 0.0);
            }
            let kind = &self.d.blocks[c].kind;
            if matches!(kind, Kind::Space) {
                continue;
            }
            rows[row] = rows[row].max(self.natural[c].1);
            if !matches!(kind, Kind::Composite { .. }) {
                leaf_h = leaf_h.max(self.natural[c].1);
            }
        }
        for r in rows.iter_mut() {
            if *r == 0.0 {
                *r = leaf_h;
            }
        }
        let nat_h = rows.iter().sum::<f64>() + (rows.len() + 1) as f64 * pad;
        let extra = if rows.is_empty() {
            0.0
        } else {
            ((h - nat_h) / rows.len() as f64).max(0.0)
        };
        let mut tops = Vec::with_capacity(rows.len());
        let mut yy = y + pad;
        for r in &rows {
            tops.push(yy);
            yy += r + extra + pad;
        }
        for &(c, row, col, s) in &cells {
            let cx = x + pad + col as f64 * (unit + pad);
            let cw = s as f64 * unit + (s - 1) as f64 * pad;
            let cy = tops.get(row).copied().unwrap_or(y);
            let ch = rows.get(row).copied().unwrap_or(0.0) + extra;
            let kind = &self.d.blocks[c].kind;
            match kind {
                Kind::Space => {}
                Kind::Composite { .. } => {
                    self.out.push(Placed {
                        index: c,
                        x: cx,
                        y: cy,
                        w: cw,
                        h: ch,
                        depth,
                        label: None,
                    });
                    self.place(c, cx, cy, cw, ch, depth + 1);
                }
                k => {
                    let (nw, nh) = self.natural[c];
                    let (bw, bh) = if keeps_size(k) {
                        (nw.min(cw.max(nw)), nh)
                    } else {
                        (cw.max(nw), ch.max(nh))
                    };
                    self.out.push(Placed {
                        index: c,
                        x: cx + (cw - bw) / 2.0,
                        y: cy + (ch - bh) / 2.0,
                        w: bw,
                        h: bh,
                        depth,
                        label: self.labels[c].clone(),
                    });
                }
            }
        }
    }
}

/// The outline of a placed block relative to its centre.
pub fn outline_of(kind: &Kind, w: f64, h: f64) -> Vec<Point> {
    match kind {
        Kind::Node(s) => outline(*s, w, h),
        _ => {
            let (hw, hh) = (w / 2.0, h / 2.0);
            vec![
                Point::new(-hw, -hh),
                Point::new(hw, -hh),
                Point::new(hw, hh),
                Point::new(-hw, hh),
            ]
        }
    }
}

/// Lay out a block diagram.
pub fn layout(d: &BlockDiagram, config: &BlockConfig, font_size: f64) -> Geometry {
    let style = TextStyle {
        size: font_size,
        bold: false,
        italic: false,
    };
    let n = d.blocks.len();
    let mut cx = Ctx {
        d,
        pad: config.padding,
        style,
        labels: vec![None; n],
        natural: vec![(0.0, 0.0); n],
        out: Vec::new(),
    };
    let (w, h) = cx.measure(0, 0);
    let title = d
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            text_layout(
                t,
                TextStyle {
                    size: font_size * 18.0 / 16.0,
                    ..style
                },
                false,
                None,
            )
        });
    let top = title.as_ref().map_or(0.0, |t| t.height + 10.0);
    cx.place(0, 0.0, top, w, h, 1);
    let mut blocks = cx.out;
    // Outer composites first so that inner blocks are drawn over them.
    blocks.sort_by_key(|p| {
        (
            !matches!(d.blocks[p.index].kind, Kind::Composite { .. }),
            p.depth,
        )
    });
    let find = |i: usize| blocks.iter().find(|p| p.index == i);
    let mut edges = Vec::new();
    let mut placed_labels: Vec<[f64; 4]> = Vec::new();
    for e in &d.edges {
        let (Some(a), Some(b)) = (find(e.from), find(e.to)) else {
            continue;
        };
        let (ca, cb) = (a.centre(), b.centre());
        let pa = outline_of(&d.blocks[a.index].kind, a.w, a.h);
        let pb = outline_of(&d.blocks[b.index].kind, b.w, b.h);
        let from = ray_exit(&pa, ca, cb);
        let to = ray_exit(&pb, cb, ca);
        let label = e
            .label
            .as_deref()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let tb = text_layout(l, style, false, None);
                let c = free_spot(&blocks, d, &placed_labels, from, to, tb.width, tb.height);
                placed_labels.push(label_box(c, tb.width, tb.height));
                (tb, c)
            });
        edges.push(EdgeGeom {
            from,
            to,
            stroke: e.stroke,
            start: e.start,
            end: e.end,
            label,
        });
    }
    // Bounds of everything, then shift by the margin.
    let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, w, top + h);
    for p in &blocks {
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x + p.w);
        y1 = y1.max(p.y + p.h);
    }
    for e in &edges {
        if let Some((tb, c)) = &e.label {
            x0 = x0.min(c.x - tb.width / 2.0 - 2.0);
            x1 = x1.max(c.x + tb.width / 2.0 + 2.0);
            y0 = y0.min(c.y - tb.height / 2.0);
            y1 = y1.max(c.y + tb.height / 2.0);
        }
    }
    if let Some(t) = &title {
        let half = t.width / 2.0;
        x0 = x0.min(w / 2.0 - half);
        x1 = x1.max(w / 2.0 + half);
    }
    let (dx, dy) = (MARGIN - x0, MARGIN - y0);
    for p in &mut blocks {
        p.x += dx;
        p.y += dy;
    }
    let mv = |p: Point| Point::new(p.x + dx, p.y + dy);
    for e in &mut edges {
        e.from = mv(e.from);
        e.to = mv(e.to);
        if let Some((_, c)) = &mut e.label {
            *c = mv(*c);
        }
    }
    let title = title.map(|t| {
        let c = Point::new(w / 2.0 + dx, t.height / 2.0 + dy);
        (t, c)
    });
    Geometry {
        width: (x1 - x0 + 2.0 * MARGIN).ceil(),
        height: (y1 - y0 + 2.0 * MARGIN).ceil(),
        blocks,
        edges,
        title,
        font_size,
    }
}

/// A label's box (x, y, w, h) around centre `c`, with the drawn padding.
fn label_box(c: Point, w: f64, h: f64) -> [f64; 4] {
    [c.x - w / 2.0 - 2.0, c.y - h / 2.0, w + 4.0, h]
}

fn hits(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Whether `a` crosses `b`'s outline (overlaps without one holding the other).
fn crosses(a: &[f64; 4], b: &[f64; 4]) -> bool {
    let inside =
        a[0] >= b[0] && a[1] >= b[1] && a[0] + a[2] <= b[0] + b[2] && a[1] + a[3] <= b[1] + b[3];
    let holds =
        b[0] >= a[0] && b[1] >= a[1] && b[0] + b[2] <= a[0] + a[2] && b[1] + b[3] <= a[1] + a[3];
    hits(a, b) && !inside && !holds
}

/// The centre for an edge label: on the line from `from` to `to`, nearest
/// its middle, where it covers no block (a composite only when it is
/// wholly inside or outside it) and no label placed before; else on a
/// widening ring around the middle; else below everything.
fn free_spot(
    blocks: &[Placed],
    d: &BlockDiagram,
    labels: &[[f64; 4]],
    from: Point,
    to: Point,
    w: f64,
    h: f64,
) -> Point {
    let free = |c: Point| {
        let r = label_box(c, w, h);
        let g = [r[0] - 2.0, r[1] - 2.0, r[2] + 4.0, r[3] + 4.0];
        !labels.iter().any(|l| hits(&g, l))
            && !blocks.iter().any(|p| {
                let b = [p.x, p.y, p.w, p.h];
                if matches!(
                    d.blocks.get(p.index).map(|b| &b.kind),
                    Some(Kind::Composite { .. })
                ) {
                    crosses(&g, &b)
                } else {
                    hits(&g, &b)
                }
            })
    };
    let mid = Point::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0);
    for k in 0..=40 {
        let dt = f64::from(k) / 90.0;
        for t in [0.5 - dt, 0.5 + dt] {
            let c = Point::new(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
            if free(c) {
                return c;
            }
        }
    }
    for ring in 1..=40 {
        let rad = f64::from(ring) * 6.0;
        let steps = 16 + ring;
        for s in 0..steps {
            let a = std::f64::consts::TAU * f64::from(s) / f64::from(steps);
            let c = Point::new(mid.x + rad * a.cos(), mid.y + rad * a.sin());
            if free(c) {
                return c;
            }
        }
    }
    let bottom = blocks
        .iter()
        .map(|p| p.y + p.h)
        .chain(labels.iter().map(|l| l[1] + l[3]))
        .fold(mid.y, f64::max);
    Point::new(mid.x, bottom + h / 2.0 + 4.0)
}
