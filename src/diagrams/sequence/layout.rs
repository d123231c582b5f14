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

pub use super::geometry::*;
use super::parts::{activation_bar, actor_label, close_frame, Bounds};

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

/// Lines of a sequence diagram's texts sit closer than the shared 1.5
/// (Mermaid's are about 1.1 apart).
pub const LINE_HEIGHT: f64 = 1.25;

pub(crate) fn measure(text: &str, size: f64, wrap: Option<f64>) -> TextBox {
    let mut tb = layout_text(text, style(size), false, wrap);
    let lh = size * LINE_HEIGHT;
    if tb.line_height > lh {
        tb.baseline -= (tb.line_height - lh) / 2.0;
        tb.line_height = lh;
        tb.height = lh * tb.lines.len() as f64;
    }
    tb
}

pub(crate) fn place(text: &TextBox, size: f64, x: f64, y: f64, align: Align) -> Label {
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
pub(crate) struct Open {
    pub(crate) kind: BlockKind,
    pub(crate) start_event: usize,
    pub(crate) top: f64,
    pub(crate) label: Option<TextBox>,
    pub(crate) label_top: f64,
    pub(crate) color: Option<String>,
    pub(crate) sections: Vec<(f64, Option<TextBox>)>,
    pub(crate) min_x: f64,
    pub(crate) max_x: f64,
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
                    for (c, who) in [(b, m.to), (a, m.from)] {
                        let p = &d.participants[who];
                        if p.created_at == Some(k) || p.destroyed_at == Some(k) {
                            room += sizes[c].0 / 2.0;
                        }
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
    // Link lists under the participants.
    let link_size = (cfg.actor_font_size * 0.75).max(8.0);
    let link_boxes: Vec<Vec<TextBox>> = order
        .iter()
        .map(|&i| {
            d.participants[i]
                .links
                .iter()
                .map(|(l, _)| measure(l, link_size, None))
                .collect()
        })
        .collect();
    let link_w: Vec<f64> = link_boxes
        .iter()
        .map(|v| v.iter().map(|t| t.width).fold(0.0, f64::max))
        .collect();
    for j in 1..n {
        if link_w[j - 1] > 0.0 || link_w[j] > 0.0 {
            need[j].push((j - 1, (link_w[j - 1] + link_w[j]) / 2.0 + pad));
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
    let box_row_h = (0..n)
        .filter(|&c| {
            let p = &d.participants[order[c]];
            p.created_at.is_none() && !p.kind.is_symbol()
        })
        .map(|c| sizes[c].1)
        .fold(0.0, f64::max);
    let mut y = actors_top + row_h;
    let mut actors: Vec<ActorGeom> = (0..n)
        .map(|c| {
            let (w, mut h) = sizes[c];
            let p = &d.participants[order[c]];
            // Boxes of one row share the tallest height, as in Mermaid.
            if !p.kind.is_symbol() && p.created_at.is_none() {
                h = h.max(box_row_h);
            }
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
                links: Vec::new(),
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
                    let ly = text_top + text_h + if has_text { TEXT_GAP } else { 0.0 };
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
                            square: cfg.right_angles,
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
                // A participant created or destroyed by this message: a
                // box on the message's line, the message ending at it.
                let mut boxed = Vec::new();
                for (c, who) in [(b, m.to), (a, m.from)] {
                    let p = &d.participants[who];
                    let created = p.created_at == Some(k);
                    let destroyed = p.destroyed_at == Some(k);
                    if !(created || destroyed) || boxed.iter().any(|(cc, _, _)| *cc == c) {
                        continue;
                    }
                    let h = sizes[c].1;
                    let top = (ly - h / 2.0).max(y + 6.0);
                    ly = ly.max(top + h / 2.0);
                    boxed.push((c, who, created));
                }
                let mut x1 = x1;
                let mut bottom = ly;
                for &(c, who, created) in &boxed {
                    let (w, h) = sizes[c];
                    let kind = d.participants[who].kind;
                    let bx = Bx {
                        x: xs[c] - w / 2.0,
                        y: ly - h / 2.0,
                        w,
                        h,
                    };
                    let label = actor_label(&labels[c], cfg.actor_font_size, &bx, kind);
                    if created {
                        actors[c].top = bx;
                        actors[c].label_top = label;
                        actors[c].life.0 = bx.bottom();
                    } else {
                        actors[c].bottom = Some(bx);
                        actors[c].label_bottom = Some(label);
                        actors[c].life.1 = bx.y;
                        actors[c].destroyed = true;
                    }
                    bottom = bottom.max(bx.bottom());
                    grow(&mut frames, bx.x, bx.right());
                    let half = if kind.is_symbol() { 24.0 } else { w / 2.0 };
                    let toward = if c == b { !right } else { right };
                    let e = if toward { xs[c] + half } else { xs[c] - half };
                    if c == b {
                        x2 = e;
                    } else {
                        x1 = e;
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
    let mut links_h: f64 = 0.0;
    for (c, a) in actors.iter_mut().enumerate() {
        let mut ly = a.bottom.map_or(a.life.1, |b| b.bottom()) + 4.0;
        for (tb, (_, url)) in link_boxes[c].iter().zip(&d.participants[a.index].links) {
            a.links.push((
                place(tb, link_size, a.x - tb.width / 2.0, ly, Align::Center),
                url.clone(),
            ));
            ly += tb.height;
        }
        links_h = links_h.max(ly - bottom);
    }
    if links_h > 4.0 {
        bottom += links_h;
    }
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
        for (l, _) in &a.links {
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
            Path::SelfLoop { x, y, w, h, .. } => bb.add(&Bx {
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

/// True when `h` draws a head (for tests and drawing).
pub fn has_head(h: Head) -> bool {
    h != Head::None
}
