//! [`Diagram`] + [`SequenceConfig`] → [`Layout`]: every box, line and
//! measured text with its place. The only stage that measures text.
//!
//! Lifelines are placed left to right, each at the least distance that
//! keeps every constraint ending at it (participant widths and margin,
//! the texts of the messages and notes between it and a lifeline on its
//! left): one pass, linear in the statements. Vertically every statement
//! gets its own slot, so no two texts share a row.

use super::model::{BlockKind, Diagram, Event, Head, Kind, Placement};
use super::{Align, SequenceConfig};
use crate::text::{layout as layout_text, TextBox, TextStyle};

/// An axis-aligned box by its top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bx {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Bx {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// True when the two boxes overlap by more than `tol` in both directions.
    pub fn overlaps(&self, o: &Bx, tol: f64) -> bool {
        self.x + tol < o.right()
            && o.x + tol < self.right()
            && self.y + tol < o.bottom()
            && o.y + tol < self.bottom()
    }
}

/// A text placed: its lines, the box it fills and the anchor of its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: TextBox,
    pub size: f64,
    /// The box the lines fill (top-left, measured width and height).
    pub area: Bx,
    pub align: Align,
}

/// One participant: its top box (and bottom box when mirrored), lifeline.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorGeom {
    /// Index in the model.
    pub index: usize,
    pub kind: Kind,
    /// Lifeline x.
    pub x: f64,
    pub top: Bx,
    pub bottom: Option<Bx>,
    /// Label in the top box and in the bottom box.
    pub label_top: Label,
    pub label_bottom: Option<Label>,
    /// Lifeline from y0 to y1.
    pub life: (f64, f64),
    /// Destroyed: a cross at the lifeline's end.
    pub destroyed: bool,
}

/// A message's line.
#[derive(Debug, Clone, PartialEq)]
pub enum Path {
    Line {
        x1: f64,
        x2: f64,
        y: f64,
    },
    /// A loop from (x, y) out to the right and back to (x, y + h).
    SelfLoop {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct MessageGeom {
    /// Index in [`Diagram::events`].
    pub event: usize,
    pub path: Path,
    pub label: Option<Label>,
    /// Sequence number and its circle's centre.
    pub number: Option<(String, f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteGeom {
    pub rect: Bx,
    pub label: Label,
}

/// A block frame (`loop`, `alt`, …) or a `rect` background.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameGeom {
    pub kind: BlockKind,
    pub rect: Bx,
    /// The label tab (`loop`, `alt`…) and its word.
    pub tab: Bx,
    pub word: Option<Label>,
    /// `[condition]` of the first section.
    pub label: Option<Label>,
    /// Dividers of later sections and their labels.
    pub sections: Vec<(f64, Option<Label>)>,
    /// `rect` colour.
    pub color: Option<String>,
    /// Nesting depth (0 = outermost).
    pub depth: usize,
    /// Range of events inside it.
    pub events: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupGeom {
    pub rect: Bx,
    pub color: Option<String>,
    pub label: Option<Label>,
}

/// The whole geometry. Coordinates are in layout space; draw everything
/// translated by `origin` (the canvas is `width` × `height`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub origin: (f64, f64),
    pub title: Option<Label>,
    pub groups: Vec<GroupGeom>,
    pub actors: Vec<ActorGeom>,
    pub frames: Vec<FrameGeom>,
    pub activations: Vec<Bx>,
    pub notes: Vec<NoteGeom>,
    pub messages: Vec<MessageGeom>,
}

/// Height of the symbol of an `actor`, `boundary`, … above its label.
pub const SYMBOL_HEIGHT: f64 = 50.0;
/// Gap between a message's text and its line.
const TEXT_GAP: f64 = 11.0;
/// Space above a message's text.
const MESSAGE_TOP: f64 = 13.0;
/// Width of a self-message's loop.
pub const LOOP_WIDTH: f64 = 44.0;
/// Height of a self-message's loop.
pub const LOOP_HEIGHT: f64 = 20.0;
/// Distance from a lifeline to a note beside it.
const NOTE_OFFSET: f64 = 25.0;
/// Radius of a sequence number's circle.
pub const NUMBER_RADIUS: f64 = 9.0;

fn style(size: f64) -> TextStyle {
    TextStyle {
        size,
        bold: false,
        italic: false,
    }
}

fn measure(text: &str, size: f64, wrap: Option<f64>) -> TextBox {
    layout_text(text, style(size), false, wrap)
}

fn place(text: &TextBox, size: f64, x: f64, y: f64, align: Align) -> Label {
    Label {
        text: text.clone(),
        size,
        area: Bx {
            x,
            y,
            w: text.width,
            h: text.height,
        },
        align,
    }
}

fn is_empty(tb: &TextBox) -> bool {
    tb.lines.iter().all(|l| l.text.trim().is_empty())
}

/// A frame being built.
struct Open {
    kind: BlockKind,
    start_event: usize,
    top: f64,
    label: Option<TextBox>,
    label_top: f64,
    color: Option<String>,
    sections: Vec<(f64, Option<TextBox>)>,
    min_x: f64,
    max_x: f64,
}

/// Lay out `d`.
pub fn layout(d: &Diagram, cfg: &SequenceConfig) -> Layout {
    let pad = cfg.wrap_padding;
    let n_all = d.participants.len();
    // Visible participants (all unless hideUnusedParticipants).
    let mut used = vec![!cfg.hide_unused; n_all];
    for e in &d.events {
        match e {
            Event::Message(m) => {
                used[m.from] = true;
                used[m.to] = true;
            }
            Event::Note(n) => match n.placement {
                Placement::LeftOf(a) | Placement::RightOf(a) => used[a] = true,
                Placement::Over(a, b) => {
                    used[a] = true;
                    used[b] = true;
                }
            },
            Event::Activation { participant, .. } => used[*participant] = true,
            _ => {}
        }
    }
    // Column of each visible participant.
    let mut col = vec![usize::MAX; n_all];
    let mut order = Vec::new();
    for (i, u) in used.iter().enumerate() {
        if *u {
            col[i] = order.len();
            order.push(i);
        }
    }
    let n = order.len();

    // Participant sizes.
    let mut labels = Vec::with_capacity(n);
    let mut sizes = Vec::with_capacity(n);
    for &i in &order {
        let p = &d.participants[i];
        let wrap = p.wrap.then_some(cfg.width - 2.0 * pad);
        let tb = measure(&p.label, cfg.actor_font_size, wrap);
        let (w, h) = if p.kind.is_symbol() {
            (
                cfg.width.max(tb.width + 2.0 * pad),
                SYMBOL_HEIGHT + 6.0 + tb.height,
            )
        } else {
            let extra = if p.kind == Kind::Collections {
                6.0
            } else {
                0.0
            };
            let qx = if p.kind == Kind::Queue { 20.0 } else { 0.0 };
            (
                cfg.width.max(tb.width + 2.0 * pad + qx) + extra,
                cfg.height.max(tb.height + 2.0 * pad) + extra,
            )
        };
        labels.push(tb);
        sizes.push((w, h));
    }

    // Measure the statements' texts.
    let msg_wrap = (cfg.width * 2.0 - 2.0 * pad).max(40.0);
    let note_wrap = (cfg.width - 2.0 * cfg.note_margin).max(40.0);
    let mut texts: Vec<Option<TextBox>> = Vec::with_capacity(d.events.len());
    for e in &d.events {
        texts.push(match e {
            Event::Message(m) => Some(measure(
                &m.text,
                cfg.message_font_size,
                m.wrap.then_some(msg_wrap),
            )),
            Event::Note(nt) => {
                let wrap = match nt.placement {
                    Placement::Over(a, b) if a != b => None,
                    _ => Some(note_wrap),
                };
                Some(measure(
                    &nt.text,
                    cfg.note_font_size,
                    if nt.wrap { wrap } else { None },
                ))
            }
            Event::BlockStart { kind, label } if *kind != BlockKind::Rect => {
                let t = if label.trim().is_empty() {
                    String::new()
                } else {
                    format!("[{label}]")
                };
                Some(measure(&t, cfg.message_font_size, None))
            }
            Event::Section { label } => {
                let t = if label.trim().is_empty() {
                    String::new()
                } else {
                    format!("[{label}]")
                };
                Some(measure(&t, cfg.message_font_size, None))
            }
            _ => None,
        });
    }

    // Horizontal constraints: need[j] holds (i, d) for x_j >= x_i + d.
    let mut need: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for j in 1..n {
        let (a, b) = (order[j - 1], order[j]);
        let mut dist = sizes[j - 1].0 / 2.0 + sizes[j].0 / 2.0 + cfg.actor_margin;
        let (ga, gb) = (d.participants[a].group, d.participants[b].group);
        if ga != gb {
            dist += 2.0 * cfg.box_margin;
        }
        need[j].push((j - 1, dist));
    }
    let act_room = cfg.activation_width * 2.0;
    for (k, e) in d.events.iter().enumerate() {
        let tw = texts[k].as_ref().map_or(0.0, |t| t.width);
        match e {
            Event::Message(m) => {
                let (a, b) = (col[m.from], col[m.to]);
                if a == b {
                    if a + 1 < n {
                        let room = (tw + 8.0).max(LOOP_WIDTH) + pad + act_room;
                        need[a + 1].push((a, room));
                    }
                } else {
                    let (lo, hi) = (a.min(b), a.max(b));
                    let mut room = tw + 2.0 * pad + act_room;
                    let created = d.participants[m.to].created_at == Some(k)
                        || d.participants[m.from].created_at == Some(k);
                    if created {
                        room += sizes[b].0 / 2.0;
                    }
                    if m.number.is_some() {
                        room += NUMBER_RADIUS;
                    }
                    need[hi].push((lo, room));
                }
            }
            Event::Note(nt) => {
                let w = tw + 2.0 * cfg.note_margin;
                match nt.placement {
                    Placement::RightOf(a) if col[a] + 1 < n => {
                        need[col[a] + 1].push((col[a], NOTE_OFFSET + w.max(cfg.width) + pad));
                    }
                    Placement::LeftOf(a) if col[a] > 0 => {
                        need[col[a]].push((col[a] - 1, NOTE_OFFSET + w.max(cfg.width) + pad));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    for (g, _) in d.groups.iter().enumerate() {
        let members: Vec<usize> = (0..n)
            .filter(|&c| d.participants[order[c]].group == Some(g))
            .collect();
        if let (Some(&f), Some(&l)) = (members.first(), members.last()) {
            let lw = measure(&d.groups[g].label, cfg.actor_font_size, None).width;
            let dist = lw + 2.0 * pad - sizes[f].0 / 2.0 - sizes[l].0 / 2.0;
            if l > f && dist > 0.0 {
                need[l].push((f, dist));
            }
        }
    }
    let mut xs = vec![0.0f64; n];
    if n > 0 {
        xs[0] = sizes[0].0 / 2.0;
    }
    for j in 1..n {
        let mut x = f64::MIN;
        for &(i, dd) in &need[j] {
            x = x.max(xs[i] + dd);
        }
        xs[j] = x;
    }

    // Vertical pass.
    let mut out = Layout::default();
    let title_h = match &d.title {
        Some(t) => {
            let tb = measure(t, cfg.message_font_size * 1.125, None);
            let h = tb.height + 10.0;
            out.title = Some(place(
                &tb,
                cfg.message_font_size * 1.125,
                0.0,
                0.0,
                Align::Center,
            ));
            h
        }
        None => 0.0,
    };
    let group_labels: Vec<Option<TextBox>> = d
        .groups
        .iter()
        .map(|g| {
            let tb = measure(&g.label, cfg.actor_font_size, None);
            (!is_empty(&tb)).then_some(tb)
        })
        .collect();
    let group_label_h = if d.groups.is_empty() {
        0.0
    } else {
        group_labels
            .iter()
            .flatten()
            .map(|t| t.height)
            .fold(0.0, f64::max)
            + 2.0 * cfg.box_margin
    };
    let actors_top = title_h + group_label_h;
    let row_h = (0..n)
        .filter(|&c| d.participants[order[c]].created_at.is_none())
        .map(|c| sizes[c].1)
        .fold(if n > 0 { 0.0 } else { cfg.height }, f64::max);
    let mut y = actors_top + row_h;
    let mut actors: Vec<ActorGeom> = (0..n)
        .map(|c| {
            let (w, h) = sizes[c];
            let p = &d.participants[order[c]];
            let top = Bx {
                x: xs[c] - w / 2.0,
                y: actors_top,
                w,
                h,
            };
            ActorGeom {
                index: order[c],
                kind: p.kind,
                x: xs[c],
                top,
                bottom: None,
                label_top: actor_label(&labels[c], cfg.actor_font_size, &top, p.kind),
                label_bottom: None,
                life: (top.bottom(), 0.0),
                destroyed: false,
            }
        })
        .collect();

    let mut active: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut frames: Vec<Open> = Vec::new();
    let edge = |active: &Vec<Vec<f64>>, c: usize, right: bool, extra: usize| -> f64 {
        let depth = active[c].len() + extra;
        if depth == 0 {
            xs[c]
        } else if right {
            xs[c] + cfg.activation_width / 2.0 + (depth - 1) as f64 * cfg.activation_width / 2.0
        } else {
            xs[c] - cfg.activation_width / 2.0
        }
    };
    let grow = |frames: &mut Vec<Open>, lo: f64, hi: f64| {
        if let Some(f) = frames.last_mut() {
            f.min_x = f.min_x.min(lo);
            f.max_x = f.max_x.max(hi);
        }
    };
    for (k, e) in d.events.iter().enumerate() {
        match e {
            Event::Message(m) => {
                let tb = texts[k]
                    .clone()
                    .unwrap_or_else(|| measure("", cfg.message_font_size, None));
                let (a, b) = (col[m.from], col[m.to]);
                let has_text = !is_empty(&tb);
                let text_h = if has_text { tb.height } else { 0.0 };
                let next_on = matches!(d.events.get(k + 1), Some(Event::Activation { participant, on: true }) if *participant == m.to);
                let text_top = y + MESSAGE_TOP;
                if a == b {
                    let x0 = edge(&active, a, true, 0);
                    let ly = text_top + text_h + if has_text { 6.0 } else { 0.0 };
                    let label = has_text.then(|| {
                        place(&tb, cfg.message_font_size, x0 + 8.0, text_top, Align::Left)
                    });
                    let number = m
                        .number
                        .map(|v| (super::model::format_number(v), xs[a], ly));
                    let w = LOOP_WIDTH;
                    grow(
                        &mut frames,
                        xs[a] - NUMBER_RADIUS,
                        (x0 + w).max(label.as_ref().map_or(0.0, |l| l.area.right())),
                    );
                    out.messages.push(MessageGeom {
                        event: k,
                        path: Path::SelfLoop {
                            x: x0,
                            y: ly,
                            w,
                            h: LOOP_HEIGHT,
                        },
                        label,
                        number,
                    });
                    y = ly + LOOP_HEIGHT;
                    continue;
                }
                let mut ly = text_top + text_h + TEXT_GAP;
                let right = b > a;
                let x1 = edge(&active, a, right, 0);
                let mut x2 = edge(&active, b, !right, usize::from(next_on));
                // A participant created by this message: its box here.
                for (c, who) in [(b, m.to), (a, m.from)] {
                    if d.participants[who].created_at == Some(k) {
                        let (w, h) = sizes[c];
                        let top = (ly - h / 2.0).max(y + 6.0);
                        ly = top + h / 2.0;
                        let bx = Bx {
                            x: xs[c] - w / 2.0,
                            y: top,
                            w,
                            h,
                        };
                        actors[c].top = bx;
                        actors[c].label_top = actor_label(
                            &labels[c],
                            cfg.actor_font_size,
                            &bx,
                            d.participants[who].kind,
                        );
                        actors[c].life.0 = bx.bottom();
                        if c == b {
                            x2 = if right { bx.x } else { bx.right() };
                        }
                    }
                }
                let (lo, hi) = (x1.min(x2), x1.max(x2));
                let label = has_text.then(|| {
                    let tx = match cfg.message_align {
                        Align::Left => lo + pad,
                        Align::Right => hi - pad - tb.width,
                        Align::Center => (lo + hi) / 2.0 - tb.width / 2.0,
                    };
                    place(&tb, cfg.message_font_size, tx, text_top, cfg.message_align)
                });
                let number = m.number.map(|v| (super::model::format_number(v), x1, ly));
                grow(&mut frames, lo - NUMBER_RADIUS, hi + NUMBER_RADIUS);
                out.messages.push(MessageGeom {
                    event: k,
                    path: Path::Line { x1, x2, y: ly },
                    label,
                    number,
                });
                y = ly;
                let mut bottom = y;
                for (c, who) in [(b, m.to), (a, m.from)] {
                    if d.participants[who].created_at == Some(k) {
                        bottom = bottom.max(actors[c].top.bottom());
                    }
                    if d.participants[who].destroyed_at == Some(k) {
                        actors[c].life.1 = ly;
                        actors[c].destroyed = true;
                    }
                }
                y = bottom;
            }
            Event::Note(nt) => {
                let tb = texts[k]
                    .clone()
                    .unwrap_or_else(|| measure("", cfg.note_font_size, None));
                let nm = cfg.note_margin;
                let top = y + cfg.box_margin;
                let h = tb.height + 2.0 * nm;
                let w0 = tb.width + 2.0 * nm;
                let (x, w) = match nt.placement {
                    Placement::RightOf(a) => {
                        let w = w0.max(cfg.width);
                        (xs[col[a]] + NOTE_OFFSET, w)
                    }
                    Placement::LeftOf(a) => {
                        let w = w0.max(cfg.width);
                        (xs[col[a]] - NOTE_OFFSET - w, w)
                    }
                    Placement::Over(a, b) => {
                        let (l, r) = if a == b {
                            (xs[col[a]] - cfg.width / 2.0, xs[col[a]] + cfg.width / 2.0)
                        } else {
                            (xs[col[a]] - NOTE_OFFSET, xs[col[b]] + NOTE_OFFSET)
                        };
                        let w = w0.max(r - l);
                        ((l + r) / 2.0 - w / 2.0, w)
                    }
                };
                let rect = Bx { x, y: top, w, h };
                let tx = match cfg.note_align {
                    Align::Left => x + nm,
                    Align::Right => x + w - nm - tb.width,
                    Align::Center => x + w / 2.0 - tb.width / 2.0,
                };
                let label = place(&tb, cfg.note_font_size, tx, top + nm, cfg.note_align);
                grow(&mut frames, x, x + w);
                out.notes.push(NoteGeom { rect, label });
                y = rect.bottom();
            }
            Event::Activation { participant, on } => {
                let c = col[*participant];
                if *on {
                    active[c].push(y);
                } else if let Some(start) = active[c].pop() {
                    let depth = active[c].len();
                    out.activations
                        .push(activation_bar(xs[c], depth, start, y, cfg));
                }
            }
            Event::BlockStart { kind, label } => {
                let top = y + cfg.box_margin;
                let tb = texts[k].clone().filter(|t| !is_empty(t));
                let header = if *kind == BlockKind::Rect {
                    cfg.box_margin / 2.0
                } else {
                    cfg.label_box_height
                        .max(tb.as_ref().map_or(0.0, |t| t.height + 4.0))
                        + 8.0
                };
                frames.push(Open {
                    kind: *kind,
                    start_event: k,
                    top,
                    label: tb,
                    label_top: top + 2.0,
                    color: (*kind == BlockKind::Rect).then(|| label.clone()),
                    sections: Vec::new(),
                    min_x: f64::MAX,
                    max_x: f64::MIN,
                });
                if *kind == BlockKind::ParOver && n > 0 {
                    grow(&mut frames, xs[0], xs[n - 1]);
                }
                y = top + header;
            }
            Event::Section { .. } => {
                let div = y + 12.0;
                let tb = texts[k].clone().filter(|t| !is_empty(t));
                y = div + tb.as_ref().map_or(0.0, |t| t.height + 4.0) + 6.0;
                if let Some(f) = frames.last_mut() {
                    f.sections.push((div, tb));
                }
            }
            Event::BlockEnd => {
                let bottom = y + cfg.box_margin;
                if let Some(f) = frames.pop() {
                    let geom = close_frame(f, bottom, k, frames.len(), cfg, &xs);
                    grow(&mut frames, geom.rect.x, geom.rect.right());
                    out.frames.push(geom);
                }
                y = bottom;
            }
        }
    }
    // Bars still open end with the diagram.
    for (c, stack) in active.iter_mut().enumerate() {
        while let Some(start) = stack.pop() {
            let depth = stack.len();
            out.activations
                .push(activation_bar(xs[c], depth, start, y, cfg));
        }
    }
    let life_end = y + 2.0 * cfg.box_margin;
    let bottom_h = (0..n).map(|c| sizes[c].1).fold(0.0, f64::max);
    for (c, a) in actors.iter_mut().enumerate() {
        if a.destroyed {
            continue;
        }
        a.life.1 = life_end;
        if cfg.mirror_actors {
            let bx = Bx {
                x: a.top.x,
                y: life_end,
                w: a.top.w,
                h: a.top.h,
            };
            a.label_bottom = Some(actor_label(&labels[c], cfg.actor_font_size, &bx, a.kind));
            a.bottom = Some(bx);
        }
    }
    let mut bottom = if cfg.mirror_actors && n > 0 {
        life_end + bottom_h
    } else {
        life_end
    };
    // Box groups around their members.
    for (g, grp) in d.groups.iter().enumerate() {
        let members: Vec<&ActorGeom> = actors
            .iter()
            .filter(|a| d.participants[a.index].group == Some(g))
            .collect();
        if members.is_empty() {
            continue;
        }
        let l = members.iter().map(|a| a.top.x).fold(f64::MAX, f64::min) - cfg.box_margin;
        let r = members
            .iter()
            .map(|a| a.top.right())
            .fold(f64::MIN, f64::max)
            + cfg.box_margin;
        let t = title_h;
        let b = bottom + cfg.box_margin;
        let rect = Bx {
            x: l,
            y: t,
            w: r - l,
            h: b - t,
        };
        let label = group_labels[g].as_ref().map(|tb| {
            place(
                tb,
                cfg.actor_font_size,
                (l + r) / 2.0 - tb.width / 2.0,
                t + cfg.box_margin,
                Align::Center,
            )
        });
        out.groups.push(GroupGeom {
            rect,
            color: grp.color.clone(),
            label,
        });
    }
    if !d.groups.is_empty() {
        bottom += cfg.box_margin;
    }
    out.actors = actors;

    // Canvas: the bounding box of everything plus the margins.
    let mut bb = Bounds::default();
    for a in &out.actors {
        bb.add(&a.top);
        bb.add(&a.label_top.area);
        if let Some(b) = &a.bottom {
            bb.add(b);
        }
        if let Some(l) = &a.label_bottom {
            bb.add(&l.area);
        }
    }
    for g in &out.groups {
        bb.add(&g.rect);
    }
    for f in &out.frames {
        bb.add(&f.rect);
    }
    for nt in &out.notes {
        bb.add(&nt.rect);
    }
    for m in &out.messages {
        if let Some(l) = &m.label {
            bb.add(&l.area);
        }
        match m.path {
            Path::Line { x1, x2, y } => bb.add(&Bx {
                x: x1.min(x2),
                y: y - 6.0,
                w: (x1 - x2).abs(),
                h: 12.0,
            }),
            Path::SelfLoop { x, y, w, h } => bb.add(&Bx {
                x,
                y: y - 10.0,
                w: w + 4.0,
                h: h + 20.0,
            }),
        }
        if let Some((_, cx, cy)) = m.number {
            bb.add(&Bx {
                x: cx - NUMBER_RADIUS,
                y: cy - NUMBER_RADIUS,
                w: 2.0 * NUMBER_RADIUS,
                h: 2.0 * NUMBER_RADIUS,
            });
        }
    }
    bb.add(&Bx {
        x: bb.x0.min(0.0),
        y: 0.0,
        w: 0.0,
        h: bottom,
    });
    let (x0, x1) = if bb.x0 <= bb.x1 {
        (bb.x0, bb.x1)
    } else {
        (0.0, 0.0)
    };
    if let Some(t) = &mut out.title {
        let cx = (x0 + x1) / 2.0;
        t.area.x = cx - t.area.w / 2.0;
        t.area.y = 0.0;
        bb.add(&t.area.clone());
    }
    let (x0, x1) = (bb.x0.min(x0), bb.x1.max(x1));
    let (y0, y1) = (bb.y0.min(0.0), bb.y1.max(bottom));
    out.origin = (cfg.margin_x - x0, cfg.margin_y - y0);
    out.width = (x1 - x0 + 2.0 * cfg.margin_x).ceil().max(1.0);
    out.height = (y1 - y0 + 2.0 * cfg.margin_y).ceil().max(1.0);
    out
}

#[derive(Debug)]
struct Bounds {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            x0: f64::MAX,
            y0: f64::MAX,
            x1: f64::MIN,
            y1: f64::MIN,
        }
    }
}

impl Bounds {
    fn add(&mut self, b: &Bx) {
        self.x0 = self.x0.min(b.x);
        self.y0 = self.y0.min(b.y);
        self.x1 = self.x1.max(b.right());
        self.y1 = self.y1.max(b.bottom());
    }
}

/// The label of a participant box: centred inside a box, below a symbol.
fn actor_label(tb: &TextBox, size: f64, bx: &Bx, kind: Kind) -> Label {
    let x = bx.x + bx.w / 2.0 - tb.width / 2.0;
    let y = if kind.is_symbol() {
        bx.y + SYMBOL_HEIGHT + 4.0
    } else {
        bx.y + bx.h / 2.0 - tb.height / 2.0
    };
    place(tb, size, x, y, Align::Center)
}

fn activation_bar(x: f64, depth: usize, y0: f64, y1: f64, cfg: &SequenceConfig) -> Bx {
    let w = cfg.activation_width;
    let h = (y1 - y0).max(6.0);
    Bx {
        x: x - w / 2.0 + depth as f64 * w / 2.0,
        y: y0,
        w,
        h,
    }
}

fn close_frame(
    f: Open,
    bottom: f64,
    end_event: usize,
    depth: usize,
    cfg: &SequenceConfig,
    xs: &[f64],
) -> FrameGeom {
    let m = cfg.box_margin;
    let (mut l, mut r) = if f.min_x <= f.max_x {
        (f.min_x - m, f.max_x + m)
    } else {
        let x = xs.first().copied().unwrap_or(0.0);
        (x - 50.0, x + 50.0)
    };
    let size = cfg.message_font_size;
    let word = (f.kind != BlockKind::Rect).then(|| measure(f.kind.word(), size, None));
    let tab_w = word
        .as_ref()
        .map_or(0.0, |w| cfg.label_box_width.max(w.width + 16.0));
    let tab_h = cfg.label_box_height;
    let mut min_w = tab_w + f.label.as_ref().map_or(0.0, |t| t.width + 2.0 * m);
    for (_, s) in &f.sections {
        if let Some(s) = s {
            min_w = min_w.max(s.width + 2.0 * m);
        }
    }
    if r - l < min_w {
        let extra = (min_w - (r - l)) / 2.0;
        l -= extra;
        r += extra;
    }
    let rect = Bx {
        x: l,
        y: f.top,
        w: r - l,
        h: bottom - f.top,
    };
    let tab = Bx {
        x: l,
        y: f.top,
        w: tab_w,
        h: tab_h,
    };
    let word = word.map(|w| {
        place(
            &w,
            size,
            l + tab_w / 2.0 - w.width / 2.0,
            f.top + tab_h / 2.0 - w.height / 2.0,
            Align::Center,
        )
    });
    let label = f.label.as_ref().map(|t| {
        let cx = (l + tab_w + r) / 2.0;
        place(t, size, cx - t.width / 2.0, f.label_top, Align::Center)
    });
    let sections = f
        .sections
        .iter()
        .map(|(y, t)| {
            (
                *y,
                t.as_ref().map(|t| {
                    place(
                        t,
                        size,
                        (l + r) / 2.0 - t.width / 2.0,
                        y + 2.0,
                        Align::Center,
                    )
                }),
            )
        })
        .collect();
    FrameGeom {
        kind: f.kind,
        rect,
        tab,
        word,
        label,
        sections,
        color: f.color,
        depth,
        events: (f.start_event, end_event),
    }
}

/// True when `h` draws a head (for tests and drawing).
pub fn has_head(h: Head) -> bool {
    h != Head::None
}
