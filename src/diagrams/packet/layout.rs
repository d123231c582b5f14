//! Rows of fields → blocks and texts. Labels are measured here: one that
//! is wider than its block is shortened with `…` so it never spills into
//! its neighbour.

use super::model::Packet;
use super::{PacketConfig, PacketStyle};
use crate::text::{measure, TextStyle};

/// Horizontal anchor of a bit number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A bit number above a block.
#[derive(Debug, Clone, PartialEq)]
pub struct BitNumber {
    pub text: String,
    pub x: f64,
    /// Baseline.
    pub y: f64,
    pub anchor: Anchor,
    /// Start (`true`) or end bit.
    pub start: bool,
    /// Glyph box (x, y, w, h).
    pub bbox: (f64, f64, f64, f64),
}

/// One drawn block.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The label as drawn (maybe shortened), centred in the block.
    pub label: String,
    pub label_x: f64,
    /// Baseline of the label.
    pub label_y: f64,
    pub label_w: f64,
    pub bits: Vec<BitNumber>,
}

/// Everything to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<Vec<Block>>,
    /// Title text and its baseline centre.
    pub title: Option<(String, f64, f64)>,
}

fn width(s: &str, size: f64) -> f64 {
    measure(
        s,
        TextStyle {
            size,
            bold: false,
            italic: false,
        },
    )
    .width
}

/// `s` cut (with `…`) to fit `max` px, or empty when not even one
/// character does.
pub fn fit(s: &str, size: f64, max: f64) -> String {
    if width(s, size) <= max {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let cand: String = chars[..mid]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if width(&cand, size) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        String::new()
    } else {
        chars[..lo]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…"
    }
}

/// Lay out `p`.
pub fn layout(p: &Packet, cfg: &PacketConfig, st: &PacketStyle) -> Geometry {
    let pad_y = cfg.padding_y + if cfg.show_bits { 10.0 } else { 0.0 };
    let row_total = cfg.row_height + pad_y;
    let bpr = cfg.bits_per_row;
    let mut rows = Vec::new();
    for (r, fields) in p.rows(bpr).iter().enumerate() {
        let y = r as f64 * row_total + pad_y;
        let mut blocks = Vec::new();
        for f in fields {
            let x = (f.start % bpr) as f64 * cfg.bit_width + 1.0;
            let w = (f.end - f.start + 1) as f64 * cfg.bit_width - cfg.padding_x;
            // A label may use the gap to the next block, never more.
            let label = fit(
                &f.label,
                st.label_font_size,
                (w + cfg.padding_x - 2.0).max(0.0),
            );
            let label_w = width(&label, st.label_font_size);
            let mut bits = Vec::new();
            if cfg.show_bits {
                let by = y - 2.0;
                let size = st.byte_font_size;
                let mk = |n: u64, x: f64, anchor: Anchor, start: bool| {
                    let text = n.to_string();
                    let tw = width(&text, size);
                    let left = match anchor {
                        Anchor::Start => x,
                        Anchor::Middle => x - tw / 2.0,
                        Anchor::End => x - tw,
                    };
                    BitNumber {
                        text,
                        x,
                        y: by,
                        anchor,
                        start,
                        bbox: (left, by - 0.9 * size, tw, 1.15 * size),
                    }
                };
                if f.start == f.end {
                    bits.push(mk(f.start, x + w / 2.0, Anchor::Middle, true));
                } else {
                    bits.push(mk(f.start, x, Anchor::Start, true));
                    bits.push(mk(f.end, x + w, Anchor::End, false));
                }
            }
            blocks.push(Block {
                x,
                y,
                w,
                h: cfg.row_height,
                label,
                label_x: x + w / 2.0,
                label_y: y + cfg.row_height / 2.0 + 0.32 * st.label_font_size,
                label_w,
                bits,
            });
        }
        rows.push(blocks);
    }
    let title = p.title.as_ref().filter(|t| !t.trim().is_empty());
    let n = rows.len() as f64;
    let height = row_total * (n + 1.0) - if title.is_some() { 0.0 } else { cfg.row_height };
    let w = cfg.bit_width * bpr as f64 + 2.0;
    let title_w = title.map_or(0.0, |t| width(t, st.title_font_size));
    let width_total = w.max(title_w + 4.0);
    Geometry {
        width: width_total.ceil(),
        height: height.ceil(),
        rows,
        title: title.map(|t| {
            (
                t.clone(),
                width_total / 2.0,
                height - row_total / 2.0 + 0.32 * st.title_font_size,
            )
        }),
    }
}
