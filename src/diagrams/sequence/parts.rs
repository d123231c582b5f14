//! Helpers of the layout: canvas bounds, participant labels, activation
//! bars and closing a block frame.

use super::geometry::{Bx, FrameGeom, Label};
use super::layout::{measure, place, Open, SYMBOL_HEIGHT};
use super::model::{BlockKind, Kind};
use super::{Align, SequenceConfig};
use crate::text::TextBox;

#[derive(Debug)]
pub(crate) struct Bounds {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
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
    pub(crate) fn add(&mut self, b: &Bx) {
        self.x0 = self.x0.min(b.x);
        self.y0 = self.y0.min(b.y);
        self.x1 = self.x1.max(b.right());
        self.y1 = self.y1.max(b.bottom());
    }
}

/// The label of a participant box: centred inside a box, below a symbol.
pub(crate) fn actor_label(tb: &TextBox, size: f64, bx: &Bx, kind: Kind) -> Label {
    let x = bx.x + bx.w / 2.0 - tb.width / 2.0;
    let y = if kind.is_symbol() {
        bx.y + SYMBOL_HEIGHT + 4.0
    } else {
        bx.y + bx.h / 2.0 - tb.height / 2.0
    };
    place(tb, size, x, y, Align::Center)
}

pub(crate) fn activation_bar(x: f64, depth: usize, y0: f64, y1: f64, cfg: &SequenceConfig) -> Bx {
    let w = cfg.activation_width;
    let h = (y1 - y0).max(6.0);
    Bx {
        x: x - w / 2.0 + depth as f64 * w / 2.0,
        y: y0,
        w,
        h,
    }
}

pub(crate) fn close_frame(
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
