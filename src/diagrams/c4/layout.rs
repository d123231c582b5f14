//! [`C4`] + configuration → geometry. Text is measured here and only here.
//!
//! Mermaid's C4 layout: every boundary (and the diagram itself) puts its
//! elements in rows of `c4ShapeInRow` (default 4) and, below them, its
//! child boundaries in rows of `c4BoundaryInRow` (default 2). Elements are
//! 216 px wide (wider when a word does not fit) and as tall as their
//! text: the name (bold), the type line (`[Person]`, `[Container: tech]`)
//! and the description wrapped to the box. A person has a head above its
//! body. Boundaries are dashed boxes with their name and `[TYPE]` at the
//! top. Relations are straight lines between the boxes' borders with their
//! label (and `[technology]`) at the middle, moved by `$offsetX/Y`.

use super::model::{Outline, C4};
use super::C4Config;
use crate::geometry::Point;
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Padding inside elements and boundaries.
pub const PAD: f64 = 16.0;
/// Radius of a person's head as a share of the element width.
pub const HEAD: f64 = 0.23;
/// How far a person's body starts below the head's centre.
pub const HEAD_DROP: f64 = 36.0;

/// A rectangle: top-left and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Boxed {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Boxed {
    pub fn centre(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    fn shift(&mut self, dx: f64, dy: f64) {
        self.x += dx;
        self.y += dy;
    }
}

/// Lines of text stacked in a box, each centred on `x` with the top of
/// its block at `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: TextBox,
    pub style: TextStyle,
    pub x: f64,
    pub y: f64,
}

impl TextLine {
    /// The text's box.
    pub fn rect(&self) -> Boxed {
        Boxed {
            x: self.x - self.text.width / 2.0,
            y: self.y,
            w: self.text.width,
            h: self.text.height,
        }
    }
}

/// A placed element.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementGeom {
    pub index: usize,
    /// The whole element (a person's head included).
    pub outer: Boxed,
    /// The body (the box the text is in).
    pub body: Boxed,
    pub texts: Vec<TextLine>,
}

/// A placed boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryGeom {
    pub index: usize,
    pub rect: Boxed,
    pub texts: Vec<TextLine>,
}

/// A placed relation.
#[derive(Debug, Clone, PartialEq)]
pub struct RelGeom {
    pub index: usize,
    pub from: Point,
    pub to: Point,
    pub texts: Vec<TextLine>,
}

/// Everything the drawing stage needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub elements: Vec<ElementGeom>,
    /// Outer boundaries first.
    pub boundaries: Vec<BoundaryGeom>,
    pub rels: Vec<RelGeom>,
    pub title: Option<TextLine>,
}

fn st(size: f64, bold: bool, italic: bool) -> TextStyle {
    TextStyle { size, bold, italic }
}

struct L<'a> {
    d: &'a C4,
    cfg: &'a C4Config,
    elements: Vec<Option<ElementGeom>>,
    boundaries: Vec<Option<BoundaryGeom>>,
}

/// Stack `items` (text, style) centred on `x` from `y`; returns the lines
/// and the y after them.
fn stack(
    items: Vec<(String, TextStyle)>,
    x: f64,
    mut y: f64,
    wrap: f64,
    gap: f64,
) -> (Vec<TextLine>, f64) {
    let mut out = Vec::new();
    for (k, (t, s)) in items.into_iter().enumerate() {
        if t.trim().is_empty() {
            continue;
        }
        if k > 0 && !out.is_empty() {
            y += gap;
        }
        let tb = text_layout(&t, s, false, Some(wrap));
        let h = tb.height;
        out.push(TextLine {
            text: tb,
            style: s,
            x,
            y,
        });
        y += h;
    }
    (out, y)
}

impl L<'_> {
    /// Lay out element `i` with its top-left at the origin.
    fn element(&self, i: usize) -> ElementGeom {
        let e = &self.d.elements[i];
        let c = self.cfg;
        let fs = c.font_size;
        let type_line = match (&e.techn, e.kind.type_word()) {
            (Some(t), w) => format!("[{w}: {t}]"),
            (None, w) => format!("[{w}]"),
        };
        let items = vec![
            (e.label.clone(), st(fs, true, false)),
            (type_line, st(fs * 0.75, false, false)),
            (
                e.descr.clone().unwrap_or_default(),
                st(fs * 0.82, false, false),
            ),
        ];
        // Width: 216, or more when one word is wider.
        let mut w = c.shape_width;
        for (t, s) in &items {
            for word in t.split_whitespace() {
                w = w.max(text_layout(word, *s, false, None).width + 2.0 * PAD);
            }
        }
        let wrap = w - 2.0 * PAD;
        let outline = e.kind.outline();
        let head = if outline == Outline::Person {
            c.shape_width * HEAD
        } else {
            0.0
        };
        let body_top = if head > 0.0 { head + HEAD_DROP } else { 0.0 };
        let cap = match outline {
            Outline::Db => 10.0,
            _ => 0.0,
        };
        let side = if outline == Outline::Queue { 10.0 } else { 0.0 };
        let (texts, y_end) = stack(
            items,
            w / 2.0,
            body_top + PAD + 2.0 * cap,
            wrap - 2.0 * side,
            2.0,
        );
        let body_h = (y_end - body_top + PAD).max(c.shape_height);
        ElementGeom {
            index: i,
            outer: Boxed {
                x: 0.0,
                y: 0.0,
                w,
                h: body_top + body_h,
            },
            body: Boxed {
                x: 0.0,
                y: body_top,
                w,
                h: body_h,
            },
            texts,
        }
    }

    /// Grid cells (element, row, column) for a boundary's elements: in
    /// source order, `c4ShapeInRow` to a row, except that an element tied
    /// by a directed relation (`Rel_U`, `Rel_D`, `Rel_L`, `Rel_R`) to an
    /// element already placed takes the cell on the asked side of it when
    /// that cell is free and the row stays within `c4ShapeInRow` columns.
    fn grid(&self, members: &[usize]) -> Vec<(usize, i64, i64)> {
        let d = self.d;
        let n = self.cfg.shape_in_row.max(1) as i64;
        let mut placed: Vec<(usize, i64, i64)> = Vec::with_capacity(members.len());
        let (mut cmin, mut cmax) = (0i64, 0i64);
        let (mut cur_r, mut cur_c) = (0i64, 0i64);
        let taken =
            |p: &[(usize, i64, i64)], r: i64, c: i64| p.iter().any(|q| q.1 == r && q.2 == c);
        for &i in members {
            let Some(me) = d.elements.get(i) else {
                continue;
            };
            let mut want = None;
            for rel in &d.rels {
                let Some(dir) = rel.dir else { continue };
                let (dr, dc) = dir.step();
                let (other, sign) = if rel.to == me.alias {
                    (&rel.from, 1)
                } else if rel.from == me.alias {
                    (&rel.to, -1)
                } else {
                    continue;
                };
                let Some(p) = placed
                    .iter()
                    .find(|p| d.elements.get(p.0).is_some_and(|e| &e.alias == other))
                else {
                    continue;
                };
                // The ideal cell, else the nearest free cell still on the
                // asked side (rows and columns are aligned, so a smaller
                // row is above and a smaller column to the left).
                let ideal = (p.1 + sign * dr, p.2 + sign * dc);
                let (rmin, rmax) = placed
                    .iter()
                    .fold((0i64, 0i64), |(a, b), q| (a.min(q.1), b.max(q.1)));
                // A row may grow one past `c4ShapeInRow` when nothing else
                // puts the element on the asked side.
                let mut best: Option<(i64, (i64, i64))> = None;
                for limit in [n, n + 1] {
                    for r in rmin - 1..=rmax + 1 {
                        for c in cmax - limit + 1..cmin + limit {
                            let side = if dr != 0 {
                                (r - p.1) * sign * dr > 0
                            } else {
                                (c - p.2) * sign * dc > 0
                            };
                            if !side || taken(&placed, r, c) || cmax.max(c) - cmin.min(c) >= limit {
                                continue;
                            }
                            let cost = (r - ideal.0).abs() * 2 + (c - ideal.1).abs();
                            if best.is_none_or(|(b, _)| cost < b) {
                                best = Some((cost, (r, c)));
                            }
                        }
                    }
                    if best.is_some() {
                        break;
                    }
                }
                if let Some((_, rc)) = best {
                    want = Some(rc);
                    break;
                }
            }
            let (r, c) = match want {
                Some(rc) => rc,
                None => {
                    // The next free cell in reading order.
                    let mut guard = 0usize;
                    while taken(&placed, cur_r, cur_c) && guard < 100_000 {
                        cur_c += 1;
                        if cur_c >= cmin + n {
                            cur_c = cmin;
                            cur_r += 1;
                        }
                        guard += 1;
                    }
                    (cur_r, cur_c)
                }
            };
            cmin = cmin.min(c);
            cmax = cmax.max(c);
            placed.push((i, r, c));
        }
        placed
    }

    /// Lay out boundary `b`'s content with its top-left at (x, y); returns
    /// its size. `header` is false for the diagram itself.
    fn boundary(&mut self, b: usize, x: f64, y: f64, header: bool, depth: usize) -> (f64, f64) {
        let d = self.d;
        let c = self.cfg;
        let bd = &d.boundaries[b];
        let fs = c.font_size;
        let mut texts = Vec::new();
        let mut cur_y = y;
        let mut width: f64 = 0.0;
        if header {
            let mut items = vec![(bd.label.clone(), st(fs + 2.0, true, false))];
            if let Some(t) = &bd.type_text {
                items.push((format!("[{t}]"), st(fs, false, false)));
            }
            if let Some(t) = &bd.descr {
                items.push((t.clone(), st(fs - 2.0, false, false)));
            }
            let (t, end) = stack(items, 0.0, y + 8.0, 1e9, 2.0);
            width = t.iter().map(|l| l.text.width).fold(0.0, f64::max) + 2.0 * PAD;
            texts = t;
            cur_y = end + PAD;
        }
        let inset = if header { PAD } else { 0.0 };
        let mut right = x;
        let mut first_row = true;
        // Elements on a grid (directed relations steer cells), then each
        // occupied column as wide and each row as tall as its widest and
        // tallest element.
        let cells = self.grid(&bd.elements);
        let mut geoms: Vec<(i64, i64, ElementGeom)> = cells
            .iter()
            .map(|&(i, r, c)| (r, c, self.element(i)))
            .collect();
        let mut rows: Vec<i64> = geoms.iter().map(|g| g.0).collect();
        rows.sort_unstable();
        rows.dedup();
        let mut cols: Vec<i64> = geoms.iter().map(|g| g.1).collect();
        cols.sort_unstable();
        cols.dedup();
        let col_w: Vec<f64> = cols
            .iter()
            .map(|&c| {
                geoms
                    .iter()
                    .filter(|g| g.1 == c)
                    .map(|g| g.2.outer.w)
                    .fold(0.0, f64::max)
            })
            .collect();
        let mut col_x = Vec::with_capacity(cols.len());
        let mut cx = x + inset;
        for w in &col_w {
            col_x.push(cx);
            cx += w + c.shape_margin;
        }
        for &row in &rows {
            if !first_row {
                cur_y += c.shape_margin;
            }
            first_row = false;
            let row_h = geoms
                .iter()
                .filter(|g| g.0 == row)
                .map(|g| g.2.outer.h)
                .fold(0.0, f64::max);
            for (r, col, g) in &mut geoms {
                if *r != row {
                    continue;
                }
                let k = cols.binary_search(col).unwrap_or(0);
                let cw = col_w.get(k).copied().unwrap_or(0.0);
                let rx = col_x.get(k).copied().unwrap_or(x) + (cw - g.outer.w) / 2.0;
                g.outer.shift(rx, cur_y);
                g.body.shift(rx, cur_y);
                for t in &mut g.texts {
                    t.x += rx;
                    t.y += cur_y;
                }
                right = right.max(g.outer.x + g.outer.w);
            }
            cur_y += row_h;
        }
        for (_, _, g) in geoms {
            let i = g.index;
            if let Some(slot) = self.elements.get_mut(i) {
                *slot = Some(g);
            }
        }
        if depth < 64 {
            for row in bd.boundaries.chunks(c.boundary_in_row.max(1)) {
                if !first_row {
                    cur_y += c.shape_margin;
                }
                first_row = false;
                let mut rx = x + inset;
                let mut row_h: f64 = 0.0;
                for &k in row {
                    let (w, h) = self.boundary(k, rx, cur_y, true, depth + 1);
                    rx += w + c.shape_margin;
                    row_h = row_h.max(h);
                    right = right.max(rx - c.shape_margin);
                }
                cur_y += row_h;
            }
        }
        let w = (right - x + inset)
            .max(width)
            .max(if header { 120.0 } else { 0.0 });
        let h = cur_y - y + inset;
        if header {
            for t in &mut texts {
                t.x += x + w / 2.0;
            }
            self.boundaries[b] = Some(BoundaryGeom {
                index: b,
                rect: Boxed { x, y, w, h },
                texts,
            });
        }
        (w, h)
    }
}

/// The smallest box holding `a` and `b`.
fn union(a: Boxed, b: Boxed) -> Boxed {
    let (x0, y0) = (a.x.min(b.x), a.y.min(b.y));
    let (x1, y1) = ((a.x + a.w).max(b.x + b.w), (a.y + a.h).max(b.y + b.h));
    Boxed {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

/// Whether two boxes overlap (touching is not overlapping).
pub fn overlaps(a: &Boxed, b: &Boxed) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Whether `a` crosses `b`'s outline (overlaps it without being inside
/// it or holding it).
fn straddles(a: &Boxed, b: &Boxed) -> bool {
    let inside = a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
    let holds = b.x >= a.x && b.y >= a.y && b.x + b.w <= a.x + a.w && b.y + b.h <= a.y + a.h;
    overlaps(a, b) && !inside && !holds
}

/// Free space for relation labels: boxes a label may not touch (elements,
/// every text, labels placed so far) and outlines it may not cross
/// (boundaries).
struct Space {
    taken: Vec<Boxed>,
    outlines: Vec<Boxed>,
}

/// Clearance kept around a relation label.
const LABEL_GAP: f64 = 3.0;

impl Space {
    fn new(
        elements: &[ElementGeom],
        boundaries: &[BoundaryGeom],
        title: Option<&TextLine>,
        width: f64,
    ) -> Space {
        let mut taken: Vec<Boxed> = elements.iter().map(|e| e.outer).collect();
        for b in boundaries {
            taken.extend(b.texts.iter().map(TextLine::rect));
        }
        if let Some(t) = title {
            taken.push(Boxed {
                x: width / 2.0 - t.text.width / 2.0,
                y: 0.0,
                w: t.text.width,
                h: t.text.height,
            });
        }
        Space {
            taken,
            outlines: boundaries.iter().map(|b| b.rect).collect(),
        }
    }

    fn free(&self, r: &Boxed) -> bool {
        self.free_of(r, true)
    }

    /// Free of every box, and of boundary outlines when `outlines`.
    fn free_of(&self, r: &Boxed, outlines: bool) -> bool {
        let g = Boxed {
            x: r.x - LABEL_GAP,
            y: r.y - LABEL_GAP,
            w: r.w + 2.0 * LABEL_GAP,
            h: r.h + 2.0 * LABEL_GAP,
        };
        let hits_box = self.taken.iter().any(|t| overlaps(&g, t));
        let crosses = outlines && self.outlines.iter().any(|o| straddles(&g, o));
        !hits_box && !crosses
    }

    /// The centre for a `w`×`h` label of the relation `from` → `to`: the
    /// middle moved by the user's offset when that is free, else the
    /// free point on the line nearest its middle, else the free point
    /// nearest the middle on a widening ring around it.
    fn place(&self, from: Point, to: Point, offset: Point, w: f64, h: f64) -> Point {
        let at = |c: Point| Boxed {
            x: c.x - w / 2.0,
            y: c.y - h / 2.0,
            w,
            h,
        };
        let mid = Point::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0);
        let wanted = Point::new(mid.x + offset.x, mid.y + offset.y);
        if self.free(&at(wanted)) {
            return wanted;
        }
        // On the line, then around its middle; first clear of boundary
        // outlines too, then only of boxes and texts.
        for strict in [true, false] {
            for k in 0..=40 {
                let dt = f64::from(k) / 100.0;
                for t in [0.5 - dt, 0.5 + dt] {
                    let c = Point::new(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
                    if self.free_of(&at(c), strict) {
                        return c;
                    }
                }
            }
        }
        for strict in [true, false] {
            for ring in 1..=40 {
                let rad = f64::from(ring) * 8.0;
                let steps = 16 + ring;
                for s in 0..steps {
                    let a = std::f64::consts::TAU * f64::from(s) / f64::from(steps);
                    let c = Point::new(mid.x + rad * a.cos(), mid.y + rad * a.sin());
                    if self.free_of(&at(c), strict) {
                        return c;
                    }
                }
            }
        }
        // Below everything: always free.
        let bottom = self
            .taken
            .iter()
            .chain(&self.outlines)
            .map(|b| b.y + b.h)
            .fold(mid.y, f64::max);
        Point::new(mid.x, bottom + h / 2.0 + 2.0 * LABEL_GAP + 1.0)
    }
}

/// Where the segment from the centre of `r` towards `p` leaves `r`.
fn clip(r: &Boxed, p: Point) -> Point {
    let c = r.centre();
    let (dx, dy) = (p.x - c.x, p.y - c.y);
    if dx == 0.0 && dy == 0.0 {
        return c;
    }
    let tx = if dx != 0.0 {
        (r.w / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy != 0.0 {
        (r.h / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    Point::new(c.x + dx * t, c.y + dy * t)
}

/// Lay out a C4 diagram.
pub fn layout(d: &C4, cfg: &C4Config) -> Geometry {
    let mut l = L {
        d,
        cfg,
        elements: vec![None; d.elements.len()],
        boundaries: vec![None; d.boundaries.len()],
    };
    let fs = cfg.font_size;
    let title_style = st(fs + 2.0, false, false);
    let title = d
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| TextLine {
            text: text_layout(t, title_style, false, None),
            style: title_style,
            x: 0.0,
            y: 0.0,
        });
    let top = title.as_ref().map_or(0.0, |t| t.text.height + 20.0);
    let (w, h) = l.boundary(0, 0.0, top, false, 0);
    let elements: Vec<ElementGeom> = l.elements.into_iter().flatten().collect();
    let boundaries: Vec<BoundaryGeom> = l.boundaries.into_iter().flatten().collect();
    let find = |alias: &str| -> Option<Boxed> {
        if let Some(e) = elements.iter().find(|e| d.elements[e.index].alias == alias) {
            return Some(e.body);
        }
        boundaries
            .iter()
            .find(|b| d.boundaries[b.index].alias == alias)
            .map(|b| b.rect)
    };
    let rel_style = st(fs - 2.0, false, false);
    let mut rels = Vec::new();
    let mut space = Space::new(&elements, &boundaries, title.as_ref(), w);
    for (k, r) in d.rels.iter().enumerate() {
        let (Some(a), Some(b)) = (find(&r.from), find(&r.to)) else {
            continue;
        };
        let from = clip(&a, b.centre());
        let to = clip(&b, a.centre());
        // C4Dynamic numbers its relations in source order.
        let text = if d.keyword == "C4Dynamic" {
            format!("{}: {}", k + 1, r.label)
        } else {
            r.label.clone()
        };
        let mut items = vec![(text, rel_style)];
        if let Some(t) = &r.techn {
            items.push((format!("[{t}]"), st(fs - 2.0, false, true)));
        }
        let (mut texts, end) = stack(items, 0.0, 0.0, 200.0, 0.0);
        let lw = texts.iter().map(|t| t.text.width).fold(0.0, f64::max);
        let c = space.place(from, to, Point::new(r.offset_x, r.offset_y), lw, end);
        for t in &mut texts {
            t.x += c.x;
            t.y += c.y - end / 2.0;
        }
        if let Some(first) = texts.first() {
            let mut all = first.rect();
            for t in &texts {
                all = union(all, t.rect());
            }
            space.taken.push(all);
        }
        rels.push(RelGeom {
            index: k,
            from,
            to,
            texts,
        });
    }
    // Bounds, then shift by the margin.
    let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, w, top + h);
    let mut grow = |r: Boxed| {
        x0 = x0.min(r.x);
        y0 = y0.min(r.y);
        x1 = x1.max(r.x + r.w);
        y1 = y1.max(r.y + r.h);
    };
    for r in &rels {
        for t in &r.texts {
            grow(t.rect());
        }
    }
    if let Some(t) = &title {
        grow(Boxed {
            x: w / 2.0 - t.text.width / 2.0,
            y: 0.0,
            w: t.text.width,
            h: t.text.height,
        });
    }
    let m = cfg.margin;
    let (dx, dy) = (m - x0, m - y0);
    let mut elements = elements;
    for e in &mut elements {
        e.outer.shift(dx, dy);
        e.body.shift(dx, dy);
        for t in &mut e.texts {
            t.x += dx;
            t.y += dy;
        }
    }
    let mut boundaries = boundaries;
    boundaries.sort_by_key(|b| b.index);
    for b in &mut boundaries {
        b.rect.shift(dx, dy);
        for t in &mut b.texts {
            t.x += dx;
            t.y += dy;
        }
    }
    for r in &mut rels {
        r.from = Point::new(r.from.x + dx, r.from.y + dy);
        r.to = Point::new(r.to.x + dx, r.to.y + dy);
        for t in &mut r.texts {
            t.x += dx;
            t.y += dy;
        }
    }
    let title = title.map(|mut t| {
        t.x = w / 2.0 + dx;
        t.y = dy;
        t
    });
    Geometry {
        width: (x1 - x0 + 2.0 * m).ceil(),
        height: (y1 - y0 + 2.0 * m).ceil(),
        elements,
        boundaries,
        rels,
        title,
    }
}
