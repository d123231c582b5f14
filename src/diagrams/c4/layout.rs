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
            (e.label.clone(), st(fs + 2.0, true, false)),
            (type_line, st(fs - 2.0, false, false)),
            (e.descr.clone().unwrap_or_default(), st(fs, false, false)),
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
            w * HEAD
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
            let mut items = vec![(bd.label.clone(), st(fs, true, false))];
            if let Some(t) = &bd.type_text {
                items.push((format!("[{t}]"), st(fs - 2.0, false, false)));
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
        for row in bd.elements.chunks(c.shape_in_row.max(1)) {
            if !first_row {
                cur_y += c.shape_margin;
            }
            first_row = false;
            let mut rx = x + inset;
            let mut row_h: f64 = 0.0;
            for &i in row {
                let mut g = self.element(i);
                g.outer.shift(rx, cur_y);
                g.body.shift(rx, cur_y);
                for t in &mut g.texts {
                    t.x += rx;
                    t.y += cur_y;
                }
                rx += g.outer.w + c.shape_margin;
                row_h = row_h.max(g.outer.h);
                right = right.max(g.outer.x + g.outer.w);
                self.elements[i] = Some(g);
            }
            cur_y += row_h;
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
    for (k, r) in d.rels.iter().enumerate() {
        let (Some(a), Some(b)) = (find(&r.from), find(&r.to)) else {
            continue;
        };
        let from = clip(&a, b.centre());
        let to = clip(&b, a.centre());
        let mid = Point::new(
            (from.x + to.x) / 2.0 + r.offset_x,
            (from.y + to.y) / 2.0 + r.offset_y,
        );
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
        let (mut texts, end) = stack(items, mid.x, mid.y, 200.0, 0.0);
        let dy = (end - mid.y) / 2.0;
        for t in &mut texts {
            t.y -= dy;
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
