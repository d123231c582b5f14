//! Diagram → geometry. Participants side by side, spaced so every
//! message label fits between its ends; then one pass down the statement
//! tree: each message a 32 px row, each nested body an activation bar on
//! its callee, each fragment a box around the lifelines its statements
//! touch, comments above their statement, hierarchical numbers (`1`,
//! `1.1`, …) left of every arrow. Text is measured here and only here;
//! everything is in content coordinates (the frame's header band above
//! them, [`Geometry::dx`] to the right).

use super::model::{Diagram, FragmentKind, Item, Kind, Stmt};
use crate::text::{layout as text_layout, measure, TextBox, TextStyle};

/// Height of the frame's title band.
pub const HEADER: f64 = 34.0;
/// Space between the frame and the content, left and right.
pub const MARGIN: f64 = 11.0;
/// Top of the participant boxes.
pub const BOX_TOP: f64 = 29.0;
/// Height of a participant box (without a stereotype).
pub const BOX_H: f64 = 38.0;
/// Least width of a participant box.
pub const BOX_W: f64 = 78.0;
/// Least space between neighbouring boxes.
pub const BOX_GAP: f64 = 22.0;
/// Height of a message row; the arrow is 20 px below its top.
pub const ROW: f64 = 32.0;
pub const ARROW_DY: f64 = 20.0;
/// Width of an activation bar, and the shift of a nested one.
pub const OCC_W: f64 = 13.0;
pub const OCC_SHIFT: f64 = 6.0;
/// Height of a fragment's header band.
pub const FRAG_HEADER: f64 = 25.0;
/// A fragment's reach beyond the lifelines it holds.
pub const FRAG_PAD: f64 = 60.0;
/// Width of a self call's loop.
pub const SELF_W: f64 = 30.0;
/// Icon size in a participant box.
pub const ICON: f64 = 24.0;

/// Font sizes.
pub const TITLE_SIZE: f64 = 16.0;
pub const PARTICIPANT_SIZE: f64 = 16.0;
pub const LABEL_SIZE: f64 = 14.0;
pub const NUMBER_SIZE: f64 = 12.0;

/// How a text is anchored on its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// What a text is (its style when drawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Participant,
    Stereotype,
    Message,
    Number,
    FragmentLabel,
    Condition,
    Comment,
    Divider,
    Group,
}

/// A placed text: `baseline` of its first line.
#[derive(Debug, Clone, PartialEq)]
pub struct Txt {
    pub x: f64,
    pub baseline: f64,
    pub anchor: Anchor,
    pub tb: TextBox,
    pub role: Role,
}

impl Txt {
    /// Left, top, right, bottom of its line boxes.
    pub fn rect(&self) -> (f64, f64, f64, f64) {
        let w = self.tb.width;
        let l = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        let t = self.baseline - self.tb.baseline;
        (l, t, l + w, t + self.tb.height)
    }
}

/// How an arrow is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowStyle {
    /// Solid, filled head.
    Sync,
    /// Solid, open head.
    Async,
    /// Dashed, open head (returns and replies).
    Reply,
    /// Dashed, open head, to a new box.
    Create,
}

/// A drawn part, in content coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Lifeline {
        x: f64,
        y1: f64,
        y2: f64,
    },
    /// A participant's box; `icon` the top-left corner of its type icon.
    Participant {
        index: usize,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        kind: Kind,
        icon: Option<(f64, f64)>,
        color: Option<String>,
    },
    Occurrence {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
    },
    Arrow {
        x1: f64,
        x2: f64,
        y: f64,
        style: ArrowStyle,
    },
    /// Out from `(x, y1)` by [`SELF_W`], down to `y2`, back to `x_back`.
    SelfArrow {
        x: f64,
        y1: f64,
        y2: f64,
        x_back: f64,
        style: ArrowStyle,
    },
    Fragment {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        kind: Option<FragmentKind>,
        /// Lines between sections.
        separators: Vec<f64>,
    },
    Divider {
        x1: f64,
        x2: f64,
        y: f64,
        /// The note's box (left, top, width, height).
        note: (f64, f64, f64, f64),
    },
    Group {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
    },
}

/// Everything the drawing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    /// Shift of the content to the right of the frame's left edge.
    pub dx: f64,
    pub shapes: Vec<Shape>,
    pub texts: Vec<Txt>,
    /// The title, in frame coordinates.
    pub title: Option<Txt>,
}

impl Geometry {
    /// The participant boxes (left, top, right, bottom).
    pub fn boxes(&self) -> Vec<(f64, f64, f64, f64)> {
        self.shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Participant { x, y, w, h, .. } => Some((*x, *y, x + w, y + h)),
                _ => None,
            })
            .collect()
    }
}

fn style(size: f64, bold: bool) -> TextStyle {
    TextStyle {
        size,
        bold,
        italic: false,
    }
}

fn text(s: &str, size: f64, bold: bool) -> TextBox {
    measure(s, style(size, bold))
}

/// Width of a participant's box and whether it shows an icon.
struct Head {
    w: f64,
    label: Option<TextBox>,
    stereotype: Option<TextBox>,
}

struct L<'a> {
    d: &'a Diagram,
    /// Centre per participant index (hidden ones too; never read).
    cx: Vec<f64>,
    heads: Vec<Head>,
    box_h: f64,
    /// Current activation depth per participant.
    act: Vec<usize>,
    shapes: Vec<Shape>,
    texts: Vec<Txt>,
    /// Where each created participant's box was drawn.
    created_at: Vec<Option<f64>>,
}

/// Lay out a diagram.
pub fn layout(d: &Diagram) -> Geometry {
    let n = d.participants.len();
    let stereo = d
        .participants
        .iter()
        .any(|p| !p.hidden && p.stereotype.is_some());
    let box_h = if stereo { BOX_H + 14.0 } else { BOX_H };
    let heads: Vec<Head> = d
        .participants
        .iter()
        .map(|p| {
            let label =
                (!p.label.trim().is_empty()).then(|| text(&p.label, PARTICIPANT_SIZE, false));
            let stereotype = p
                .stereotype
                .as_ref()
                .map(|s| text(&format!("«{s}»"), NUMBER_SIZE, false));
            let icon = if p.kind == Kind::Plain {
                0.0
            } else {
                ICON + 8.0
            };
            let lw = label.as_ref().map_or(0.0, |t| t.width);
            let sw = stereotype.as_ref().map_or(0.0, |t| t.width);
            let w = (lw + icon + 24.0)
                .max(sw + 24.0)
                .max(BOX_W)
                .max(p.width.unwrap_or(0.0));
            Head {
                w,
                label,
                stereotype,
            }
        })
        .collect();
    let order: Vec<usize> = (0..n).filter(|&i| !d.participants[i].hidden).collect();
    let mut pos = vec![usize::MAX; n];
    for (k, &i) in order.iter().enumerate() {
        pos[i] = k;
    }
    // Spacing needs between visible positions (a, b, least centre gap).
    let mut needs: Vec<(usize, usize, f64)> = Vec::new();
    collect_needs(&d.items, &pos, &heads, &mut needs);
    let mut cx = vec![0.0; n];
    let mut placed: Vec<f64> = Vec::with_capacity(order.len());
    for (k, &i) in order.iter().enumerate() {
        let mut c = heads[i].w / 2.0;
        if k > 0 {
            let prev = order[k - 1];
            c = placed[k - 1] + (heads[prev].w + heads[i].w) / 2.0 + BOX_GAP;
        }
        for &(a, b, gap) in &needs {
            if b == k && a < k {
                c = c.max(placed[a] + gap);
            }
        }
        placed.push(c);
        cx[i] = c;
    }
    let mut l = L {
        d,
        cx,
        heads,
        box_h,
        act: vec![0; n],
        shapes: Vec::new(),
        texts: Vec::new(),
        created_at: vec![None; n],
    };
    let first_row = BOX_TOP + box_h;
    let mut y = first_row;
    l.items(&d.items, "", &mut 0, &mut y, None);
    let bottom = y + 40.0;
    // Lifelines and boxes.
    let mut heads_shapes = Vec::new();
    for &i in &order {
        let c = l.cx[i];
        let p = &d.participants[i];
        let top = if p.created {
            l.created_at[i].unwrap_or(BOX_TOP)
        } else {
            BOX_TOP
        };
        heads_shapes.push(Shape::Lifeline {
            x: c,
            y1: top + box_h + 1.0,
            y2: bottom,
        });
        l.participant(i, top);
    }
    for g in &d.groups {
        let xs: Vec<(f64, f64)> = g
            .members
            .iter()
            .filter(|&&i| !d.participants.get(i).is_none_or(|p| p.hidden || p.created))
            .map(|&i| (l.cx[i] - l.heads[i].w / 2.0, l.cx[i] + l.heads[i].w / 2.0))
            .collect();
        if xs.is_empty() {
            continue;
        }
        let x1 = xs.iter().map(|v| v.0).fold(f64::INFINITY, f64::min) - 6.0;
        let x2 = xs.iter().map(|v| v.1).fold(f64::NEG_INFINITY, f64::max) + 6.0;
        heads_shapes.push(Shape::Group {
            x: x1,
            y: 3.0,
            w: x2 - x1,
            h: BOX_TOP + box_h + 3.0,
        });
        if !g.name.trim().is_empty() {
            l.texts.push(Txt {
                x: (x1 + x2) / 2.0,
                baseline: 18.0,
                anchor: Anchor::Middle,
                tb: text(&g.name, 13.0, false),
                role: Role::Group,
            });
        }
    }
    heads_shapes.append(&mut l.shapes);
    let shapes = heads_shapes;
    // Extent of everything.
    let mut min_x = f64::INFINITY;
    let mut max_x = f64::NEG_INFINITY;
    let mut grow = |a: f64, b: f64| {
        min_x = min_x.min(a);
        max_x = max_x.max(b);
    };
    for s in &shapes {
        match s {
            Shape::Lifeline { x, .. } => grow(*x, *x),
            Shape::Participant { x, w, .. }
            | Shape::Occurrence { x, w, .. }
            | Shape::Fragment { x, w, .. }
            | Shape::Group { x, w, .. } => grow(*x, x + w),
            Shape::Arrow { x1, x2, .. } => grow(x1.min(*x2), x1.max(*x2)),
            Shape::SelfArrow { x, x_back, .. } => grow(x.min(*x_back), x + SELF_W),
            Shape::Divider { x1, x2, note, .. } => grow(x1.min(note.0), x2.max(note.0 + note.2)),
        }
    }
    for t in &l.texts {
        let (a, _, b, _) = t.rect();
        grow(a, b);
    }
    if !min_x.is_finite() {
        min_x = 0.0;
        max_x = 100.0;
    }
    let title = d.title.as_ref().map(|t| Txt {
        x: 5.0,
        baseline: HEADER / 2.0 + TITLE_SIZE * 0.35,
        anchor: Anchor::Start,
        tb: text(t, TITLE_SIZE, true),
        role: Role::Title,
    });
    let title_w = title.as_ref().map_or(0.0, |t| t.tb.width + 10.0);
    let width = (max_x - min_x + 2.0 * MARGIN).max(title_w).max(60.0).ceil();
    let height = (HEADER + bottom + 1.0).ceil();
    Geometry {
        width,
        height,
        dx: MARGIN - min_x,
        shapes,
        texts: l.texts,
        title,
    }
}

/// The visible positions of `a` and `b`, smaller first.
fn span(pos: &[usize], a: usize, b: usize) -> Option<(usize, usize)> {
    let pa = *pos.get(a)?;
    let pb = *pos.get(b)?;
    if pa == usize::MAX || pb == usize::MAX {
        return None;
    }
    Some((pa.min(pb), pa.max(pb)))
}

fn collect_needs(
    items: &[Item],
    pos: &[usize],
    heads: &[Head],
    out: &mut Vec<(usize, usize, f64)>,
) {
    for it in items {
        match &it.stmt {
            Stmt::Sync {
                from,
                to,
                label,
                body,
                ..
            } => {
                let w = text(label, LABEL_SIZE, false).width;
                need(pos, *from, *to, w, out, 40.0);
                if let Some(b) = body {
                    collect_needs(b, pos, heads, out);
                }
            }
            Stmt::Async {
                from, to, label, ..
            }
            | Stmt::Return { from, to, label } => {
                let w = text(label, LABEL_SIZE, false).width;
                need(pos, *from, *to, w, out, 40.0);
            }
            Stmt::Create {
                from,
                to,
                label,
                body,
                ..
            } => {
                let w = text(label, LABEL_SIZE, false).width;
                let half = heads.get(*to).map_or(BOX_W / 2.0, |h| h.w / 2.0);
                need(pos, *from, *to, w + half, out, 30.0);
                if let Some(b) = body {
                    collect_needs(b, pos, heads, out);
                }
            }
            Stmt::Fragment { sections, .. } => {
                for s in sections {
                    collect_needs(&s.body, pos, heads, out);
                }
            }
            Stmt::Ref { .. } | Stmt::Divider { .. } => {}
        }
    }
}

fn need(pos: &[usize], a: usize, b: usize, w: f64, out: &mut Vec<(usize, usize, f64)>, pad: f64) {
    let Some((x, y)) = span(pos, a, b) else {
        return;
    };
    if x == y {
        // A self message: its label goes right of the lifeline.
        out.push((x, x + 1, w + SELF_W + pad / 2.0));
    } else {
        out.push((x, y, w + pad));
    }
}

/// Participants a list of statements touches.
fn touched(items: &[Item], out: &mut Vec<usize>) {
    for it in items {
        match &it.stmt {
            Stmt::Sync { from, to, body, .. } | Stmt::Create { from, to, body, .. } => {
                out.push(*from);
                out.push(*to);
                if let Some(b) = body {
                    touched(b, out);
                }
            }
            Stmt::Async { from, to, .. } | Stmt::Return { from, to, .. } => {
                out.push(*from);
                out.push(*to);
            }
            Stmt::Fragment { sections, .. } => {
                for s in sections {
                    touched(&s.body, out);
                }
            }
            Stmt::Ref { .. } | Stmt::Divider { .. } => {}
        }
    }
}

/// Number of nested fragments directly or deeper inside `items`' own
/// fragments (how far a fragment must reach beyond the ones inside it).
fn inner_fragment_depth(items: &[Item]) -> usize {
    items
        .iter()
        .map(|it| match &it.stmt {
            Stmt::Fragment { sections, .. } => {
                1 + sections
                    .iter()
                    .map(|s| inner_fragment_depth(&s.body))
                    .max()
                    .unwrap_or(0)
            }
            Stmt::Sync { body: Some(b), .. } | Stmt::Create { body: Some(b), .. } => {
                inner_fragment_depth(b)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

fn number(prefix: &str, k: usize) -> String {
    if prefix.is_empty() {
        k.to_string()
    } else {
        format!("{prefix}.{k}")
    }
}

impl L<'_> {
    fn visible(&self, i: usize) -> bool {
        self.d.participants.get(i).is_some_and(|p| !p.hidden)
    }

    /// Left edge of participant `i`'s activation bar at depth `level` (1-based).
    fn occ_x(&self, i: usize, level: usize) -> f64 {
        self.cx[i] - OCC_W / 2.0 + OCC_SHIFT * level.saturating_sub(1) as f64
    }

    /// Where an arrow leaves or reaches `i` facing towards `other_x`.
    fn edge(&self, i: usize, other_x: f64) -> f64 {
        let level = self.act[i];
        if level == 0 {
            return self.cx[i];
        }
        let x = self.occ_x(i, level);
        if other_x >= self.cx[i] {
            x + OCC_W + 1.0
        } else {
            x - 1.0
        }
    }

    fn number_at(&mut self, num: &str, x: f64, baseline: f64) {
        self.texts.push(Txt {
            x,
            baseline,
            anchor: Anchor::End,
            tb: text(num, NUMBER_SIZE, false),
            role: Role::Number,
        });
    }

    fn comment(&mut self, c: Option<&String>, x: f64, y: &mut f64) {
        let Some(c) = c else {
            return;
        };
        let tb = text_layout(c, style(LABEL_SIZE, false), true, None);
        let h = tb.height;
        self.texts.push(Txt {
            x,
            baseline: *y + tb.baseline,
            anchor: Anchor::Start,
            tb,
            role: Role::Comment,
        });
        *y += h;
    }

    fn label(&mut self, s: &str, x: f64, baseline: f64, anchor: Anchor) {
        if s.trim().is_empty() {
            return;
        }
        self.texts.push(Txt {
            x,
            baseline,
            anchor,
            tb: text(s, LABEL_SIZE, false),
            role: Role::Message,
        });
    }

    /// Statements numbered `prefix.(k+1)`, … (`*k` counts on); the arrow
    /// y of the last one when it returns to `caller`.
    fn items(
        &mut self,
        items: &[Item],
        prefix: &str,
        k: &mut usize,
        y: &mut f64,
        caller: Option<usize>,
    ) -> Option<f64> {
        let mut last = None;
        for it in items {
            let num = if matches!(it.stmt, Stmt::Divider { .. }) {
                String::new()
            } else {
                *k += 1;
                number(prefix, *k)
            };
            last = self.one(it, &num, y, caller);
        }
        last
    }

    /// A one-row arrow (async, reply, return); its arrow's y.
    #[allow(clippy::too_many_arguments)]
    fn message(
        &mut self,
        comment: Option<&String>,
        from: usize,
        to: usize,
        label: &str,
        style: ArrowStyle,
        num: &str,
        y: &mut f64,
    ) -> f64 {
        if !self.visible(from) || !self.visible(to) {
            return *y;
        }
        let x1 = self.edge(from, self.cx[to]);
        let x2 = self.edge(to, self.cx[from]);
        self.comment(comment, x1.min(x2) + 8.0, y);
        let ay = *y + ARROW_DY;
        if from == to {
            let x = self.edge(from, f64::INFINITY);
            self.shapes.push(Shape::SelfArrow {
                x,
                y1: ay,
                y2: ay + 14.0,
                x_back: x,
                style,
            });
            self.label(label, x + 5.0, ay - 3.0, Anchor::Start);
            self.number_at(num, self.cx[from] - 10.0, ay - 3.0);
            *y += ROW + 14.0;
            return ay + 14.0;
        }
        self.shapes.push(Shape::Arrow {
            x1,
            x2,
            y: ay,
            style,
        });
        self.label(label, (x1 + x2) / 2.0, ay - 3.0, Anchor::Middle);
        self.number_at(num, x1.min(x2) - 4.0, ay - 3.0);
        *y += ROW;
        ay
    }

    #[allow(clippy::too_many_arguments)]
    fn sync(
        &mut self,
        it: &Item,
        from: usize,
        to: usize,
        label: &str,
        assign: Option<&str>,
        body: Option<&[Item]>,
        num: &str,
        y: &mut f64,
    ) {
        if !self.visible(from) || !self.visible(to) {
            return;
        }
        let x1 = self.edge(from, self.cx[to]);
        let ay;
        if from == to {
            self.comment(it.comment.as_ref(), self.cx[from] + 8.0, y);
            ay = *y + ARROW_DY;
            let x = self.edge(from, f64::INFINITY);
            self.act[to] += 1;
            let occ = self.occ_x(to, self.act[to]);
            self.shapes.push(Shape::SelfArrow {
                x,
                y1: ay,
                y2: ay + 12.0,
                x_back: occ + OCC_W + 1.0,
                style: ArrowStyle::Sync,
            });
            self.label(label, x + 5.0, ay - 3.0, Anchor::Start);
            self.number_at(num, self.cx[from] - 10.0, ay - 3.0);
            let start = ay + 8.0;
            *y = ay + 24.0;
            self.activation(to, from, start, assign, body, num, y);
            return;
        }
        self.act[to] += 1;
        let occ = self.occ_x(to, self.act[to]);
        let x2 = if self.cx[to] >= x1 {
            occ - 1.0
        } else {
            occ + OCC_W + 1.0
        };
        self.comment(it.comment.as_ref(), x1.min(x2) + 8.0, y);
        ay = *y + ARROW_DY;
        self.shapes.push(Shape::Arrow {
            x1,
            x2,
            y: ay,
            style: ArrowStyle::Sync,
        });
        self.label(label, (x1 + x2) / 2.0, ay - 3.0, Anchor::Middle);
        self.number_at(num, x1.min(x2) - 4.0, ay - 3.0);
        *y = ay + 12.0;
        self.activation(to, from, ay, assign, body, num, y);
    }

    /// The body of a call on `to` (already activated) from `from`, its
    /// return, and its activation bar from `start`.
    #[allow(clippy::too_many_arguments)]
    fn activation(
        &mut self,
        to: usize,
        from: usize,
        start: f64,
        assign: Option<&str>,
        body: Option<&[Item]>,
        num: &str,
        y: &mut f64,
    ) {
        let level = self.act[to];
        let mut ret = None;
        let mut k = 0;
        if let Some(b) = body {
            ret = self.items(b, num, &mut k, y, Some(from));
        }
        if ret.is_none() {
            if let Some(v) = assign {
                let v = v.trim();
                let child = number(num, k + 1);
                ret = Some(self.message(None, to, from, v, ArrowStyle::Reply, &child, y));
            }
        }
        let end = match ret {
            Some(r) => r + 1.0,
            None => y.max(start + 22.0),
        };
        self.shapes.push(Shape::Occurrence {
            x: self.occ_x(to, level),
            y: start,
            w: OCC_W,
            h: end - start,
        });
        self.act[to] = self.act[to].saturating_sub(1);
        *y = end + 12.0;
    }

    #[allow(clippy::too_many_arguments)]
    fn create(
        &mut self,
        it: &Item,
        from: usize,
        to: usize,
        label: &str,
        assign: Option<&str>,
        body: Option<&[Item]>,
        num: &str,
        y: &mut f64,
    ) {
        if !self.visible(from) || !self.visible(to) {
            return;
        }
        let created = self.d.participants[to].created && self.created_at[to].is_none();
        let x1 = self.edge(from, self.cx[to]);
        let half = self.heads[to].w / 2.0;
        let target = if created { half } else { 0.0 };
        let x2 = if self.cx[to] >= x1 {
            self.cx[to] - target - 1.0
        } else {
            self.cx[to] + target + 1.0
        };
        self.comment(it.comment.as_ref(), x1.min(x2) + 8.0, y);
        let (ay, start) = if created {
            let top = *y + 6.0;
            self.created_at[to] = Some(top);
            (top + self.box_h / 2.0, top + self.box_h)
        } else {
            (*y + ARROW_DY, *y + ARROW_DY)
        };
        self.shapes.push(Shape::Arrow {
            x1,
            x2,
            y: ay,
            style: ArrowStyle::Create,
        });
        self.label(label, (x1 + x2) / 2.0, ay - 3.0, Anchor::Middle);
        // Left of the arrow, and of a new box on its left.
        let nx = if x2 < x1 { self.cx[to] - target } else { x1 };
        self.number_at(num, nx - 4.0, ay - 3.0);
        *y = start + 12.0;
        self.act[to] += 1;
        self.activation(to, from, start, assign, body, num, y);
    }

    fn participant(&mut self, i: usize, top: f64) {
        let c = self.cx[i];
        let p = &self.d.participants[i];
        let h = &self.heads[i];
        let x = c - h.w / 2.0;
        let mid = top + self.box_h - BOX_H / 2.0;
        let has_icon = p.kind != Kind::Plain;
        let lw = h.label.as_ref().map_or(0.0, |t| t.width);
        let icon = has_icon.then(|| {
            let total = if lw > 0.0 { ICON + 8.0 + lw } else { ICON };
            (c - total / 2.0, mid - ICON / 2.0)
        });
        self.shapes.push(Shape::Participant {
            index: i,
            x,
            y: top,
            w: h.w,
            h: self.box_h,
            kind: p.kind,
            icon,
            color: p.color.clone(),
        });
        if let Some(tb) = h.label.clone() {
            let (tx, anchor) = match icon {
                Some((ix, _)) => (ix + ICON + 8.0, Anchor::Start),
                None => (c, Anchor::Middle),
            };
            self.texts.push(Txt {
                x: tx,
                baseline: mid + PARTICIPANT_SIZE * 0.35,
                anchor,
                tb,
                role: Role::Participant,
            });
        }
        if let Some(tb) = h.stereotype.clone() {
            self.texts.push(Txt {
                x: c,
                baseline: top + 4.0 + tb.baseline,
                anchor: Anchor::Middle,
                tb,
                role: Role::Stereotype,
            });
        }
    }

    /// Left and right of a fragment holding `items`.
    fn fragment_extent(&self, items: &[&[Item]]) -> (f64, f64) {
        let mut who = Vec::new();
        for b in items {
            touched(b, &mut who);
        }
        let xs: Vec<f64> = who
            .iter()
            .filter(|&&i| self.visible(i))
            .map(|&i| self.cx[i])
            .collect();
        let depth = items
            .iter()
            .map(|b| inner_fragment_depth(b))
            .max()
            .unwrap_or(0) as f64;
        let (lo, hi) = if xs.is_empty() {
            let all: Vec<f64> = (0..self.cx.len())
                .filter(|&i| self.visible(i))
                .map(|i| self.cx[i])
                .collect();
            let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if lo.is_finite() {
                (lo, hi)
            } else {
                (0.0, 0.0)
            }
        } else {
            (
                xs.iter().copied().fold(f64::INFINITY, f64::min),
                xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            )
        };
        (lo - FRAG_PAD - 10.0 * depth, hi + FRAG_PAD + 10.0 * depth)
    }

    fn fragment(
        &mut self,
        it: &Item,
        kind: Option<FragmentKind>,
        sections: &[super::model::Section],
        num: &str,
        y: &mut f64,
        caller: Option<usize>,
    ) {
        let bodies: Vec<&[Item]> = sections.iter().map(|s| s.body.as_slice()).collect();
        let (mut left, mut right) = self.fragment_extent(&bodies);
        let head = kind.map(|k| text(k.label(), LABEL_SIZE, true));
        let labels: Vec<Option<TextBox>> = sections
            .iter()
            .map(|s| s.label.as_ref().map(|l| text(l, LABEL_SIZE, false)))
            .collect();
        let least = labels
            .iter()
            .flatten()
            .map(|t| t.width + 16.0)
            .chain(head.iter().map(|t| t.width + 40.0))
            .fold(0.0, f64::max);
        if right - left < least {
            right = left + least;
        }
        if right <= left {
            right = left + 40.0;
        }
        left = left.min(right - least);
        self.comment(it.comment.as_ref(), left, y);
        let top = *y + 5.0;
        let header_mid = top + FRAG_HEADER / 2.0;
        if let Some(tb) = head {
            self.texts.push(Txt {
                x: left + 26.0,
                baseline: header_mid + LABEL_SIZE * 0.35,
                anchor: Anchor::Start,
                tb,
                role: Role::FragmentLabel,
            });
        }
        self.number_at(num, left - 4.0, header_mid + NUMBER_SIZE * 0.35);
        *y = top + FRAG_HEADER;
        let mut separators = Vec::new();
        let mut prefix_k = 0usize;
        for (k, (s, lb)) in sections.iter().zip(labels).enumerate() {
            if k > 0 {
                separators.push(*y);
            }
            if let Some(tb) = lb {
                self.texts.push(Txt {
                    x: left + 5.0,
                    baseline: *y + 4.0 + tb.baseline,
                    anchor: Anchor::Start,
                    tb,
                    role: Role::Condition,
                });
                *y += 26.0;
            } else {
                *y += 4.0;
            }
            // Children are numbered on through the sections.
            self.items(&s.body, num, &mut prefix_k, y, caller);
            *y += 10.0;
        }
        let bottom = *y + 3.0;
        self.shapes.push(Shape::Fragment {
            x: left,
            y: top,
            w: right - left,
            h: bottom - top,
            kind,
            separators,
        });
        *y = bottom + 8.0;
    }

    /// One statement with a given number.
    fn one(&mut self, it: &Item, num: &str, y: &mut f64, caller: Option<usize>) -> Option<f64> {
        match &it.stmt {
            Stmt::Sync {
                from,
                to,
                label,
                assign,
                body,
            } => self.sync(
                it,
                *from,
                *to,
                label,
                assign.as_deref(),
                body.as_deref(),
                num,
                y,
            ),
            Stmt::Create {
                from,
                to,
                label,
                assign,
                body,
            } => self.create(
                it,
                *from,
                *to,
                label,
                assign.as_deref(),
                body.as_deref(),
                num,
                y,
            ),
            Stmt::Async {
                from,
                to,
                label,
                reply,
            } => {
                let style = if *reply {
                    ArrowStyle::Reply
                } else {
                    ArrowStyle::Async
                };
                self.message(it.comment.as_ref(), *from, *to, label, style, num, y);
            }
            Stmt::Return { from, to, label } => {
                let ay = self.message(
                    it.comment.as_ref(),
                    *from,
                    *to,
                    label,
                    ArrowStyle::Reply,
                    num,
                    y,
                );
                if caller == Some(*to) {
                    return Some(ay);
                }
            }
            Stmt::Fragment { kind, sections } => {
                self.fragment(it, Some(*kind), sections, num, y, caller)
            }
            Stmt::Ref { label } => self.reference(it.comment.as_ref(), label, num, y),
            Stmt::Divider { label } => self.divider(it.comment.as_ref(), label, y),
        }
        None
    }

    fn reference(&mut self, comment: Option<&String>, label: &str, num: &str, y: &mut f64) {
        let (left, right) = self.fragment_extent(&[]);
        let tb = text(label, LABEL_SIZE, false);
        let right = right.max(left + tb.width + 80.0);
        self.comment(comment, left, y);
        let top = *y + 5.0;
        let h = FRAG_HEADER + 30.0;
        self.texts.push(Txt {
            x: left + 8.0,
            baseline: top + FRAG_HEADER / 2.0 + LABEL_SIZE * 0.35,
            anchor: Anchor::Start,
            tb: text("ref", LABEL_SIZE, true),
            role: Role::FragmentLabel,
        });
        self.texts.push(Txt {
            x: (left + right) / 2.0,
            baseline: top + FRAG_HEADER + 15.0 + LABEL_SIZE * 0.35,
            anchor: Anchor::Middle,
            tb,
            role: Role::Condition,
        });
        self.number_at(
            num,
            left - 4.0,
            top + FRAG_HEADER / 2.0 + NUMBER_SIZE * 0.35,
        );
        self.shapes.push(Shape::Fragment {
            x: left,
            y: top,
            w: right - left,
            h,
            kind: None,
            separators: Vec::new(),
        });
        *y = top + h + 8.0;
    }

    fn divider(&mut self, comment: Option<&String>, label: &str, y: &mut f64) {
        let (left, right) = self.fragment_extent(&[]);
        let (left, right) = (left + 20.0, right - 20.0);
        self.comment(comment, left, y);
        let mid = *y + 16.0;
        let tb = text(label, LABEL_SIZE, false);
        let w = tb.width + 16.0;
        let c = (left + right) / 2.0;
        let nh = tb.height.max(18.0);
        let note = (c - w / 2.0, mid - nh / 2.0, w, nh);
        self.shapes.push(Shape::Divider {
            x1: left,
            x2: right,
            y: mid,
            note,
        });
        if !label.trim().is_empty() {
            self.texts.push(Txt {
                x: c,
                baseline: mid - tb.height / 2.0 + tb.baseline,
                anchor: Anchor::Middle,
                tb,
                role: Role::Divider,
            });
        }
        *y = mid + nh / 2.0 + 8.0;
    }
}
