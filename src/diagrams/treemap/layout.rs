//! Treemap layout: d3's squarified tiling (golden ratio) with section
//! headers and paddings as mermaid-js sets them, coordinates rounded.
//! Texts are measured here: a leaf's label shrinks (38 px down to 8 px)
//! until it fits its cell, is then shortened with `…`, and is hidden when
//! not even that fits; a section's header label is shortened to leave
//! room for its value. No text leaves its cell.

use super::format::format;
use super::model::Treemap;
use super::TreemapConfig;
use crate::text::{measure, TextStyle};

/// Height of a section's header band.
pub const HEADER: f64 = 25.0;
/// Padding inside a section around its children.
pub const INNER: f64 = 10.0;
const MAX_LABEL: f64 = 38.0;
const MIN_LABEL: f64 = 8.0;

/// A placed text (baseline `y`; `x` is the anchor).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    pub bold: bool,
    pub italic: bool,
    /// Glyph box (x, y, w, h).
    pub bbox: (f64, f64, f64, f64),
}

/// A placed item.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub item: usize,
    pub depth: usize,
    pub leaf: bool,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub label: Option<Text>,
    pub value: Option<Text>,
}

/// Everything to draw; `min` is the top-left of the drawn area (the
/// canvas starts `diagramPadding` before it).
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub cells: Vec<Cell>,
    pub width: f64,
    pub height: f64,
    /// Translation applied to every cell (so the content sits at the
    /// diagram padding).
    pub dx: f64,
    pub dy: f64,
    pub title: Option<Text>,
}

fn width(s: &str, size: f64, bold: bool, italic: bool) -> f64 {
    measure(s, TextStyle { size, bold, italic }).width
}

fn text_box(
    s: &str,
    x: f64,
    mid_y: f64,
    size: f64,
    anchor: &'static str,
    bold: bool,
    italic: bool,
) -> Text {
    let w = width(s, size, bold, italic);
    let left = match anchor {
        "middle" => x - w / 2.0,
        "end" => x - w,
        _ => x,
    };
    let h = size * 1.15;
    Text {
        text: s.to_string(),
        x,
        y: mid_y + 0.35 * size,
        size,
        anchor,
        bold,
        italic,
        bbox: (left, mid_y - h / 2.0, w, h),
    }
}

/// `s` shortened with `…` to at most `max` px (empty when nothing fits).
pub fn shorten(s: &str, size: f64, bold: bool, max: f64) -> String {
    if width(s, size, bold, false) <= max {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let c: String = chars[..mid]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if width(&c, size, bold, false) <= max {
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

#[derive(Clone, Copy)]
struct R {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// Lay out `tm`.
pub fn layout(tm: &Treemap, cfg: &TreemapConfig) -> Geometry {
    let n = tm.items.len();
    let mut value = vec![0.0; n];
    for (i, v) in value.iter_mut().enumerate() {
        *v = tm.total(i);
    }
    // Children sorted by value, largest first (stable).
    let kids: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            let mut c: Vec<usize> = tm.items[i]
                .children
                .iter()
                .copied()
                .filter(|&k| k < n && value[k] > 0.0)
                .collect();
            c.sort_by(|&a, &b| value[b].total_cmp(&value[a]));
            c
        })
        .collect();
    let (w, h) = (cfg.node_width * 10.0, cfg.node_height * 10.0);
    let pin = cfg.padding;
    let mut rect = vec![
        R {
            x0: 0.0,
            y0: 0.0,
            x1: 0.0,
            y1: 0.0
        };
        n
    ];
    let mut depth = vec![0usize; n];
    rect[0] = R {
        x0: 0.0,
        y0: 0.0,
        x1: w,
        y1: h,
    };
    // Pre-order: position each node, then tile its children.
    let mut pad_of_depth = vec![0.0];
    let mut order = vec![0usize];
    let mut k = 0;
    while k < order.len() {
        let i = order[k];
        k += 1;
        let p = pad_of_depth.get(depth[i]).copied().unwrap_or(pin / 2.0);
        let mut r = rect[i];
        r.x0 += p;
        r.y0 += p;
        r.x1 -= p;
        r.y1 -= p;
        if r.x1 < r.x0 {
            r.x0 = (r.x0 + r.x1) / 2.0;
            r.x1 = r.x0;
        }
        if r.y1 < r.y0 {
            r.y0 = (r.y0 + r.y1) / 2.0;
            r.y1 = r.y0;
        }
        rect[i] = r;
        if !kids[i].is_empty() {
            let q = pin / 2.0;
            if pad_of_depth.len() <= depth[i] + 1 {
                pad_of_depth.push(q);
            }
            let mut c = r;
            c.x0 += INNER - q;
            c.y0 += HEADER + INNER - q;
            c.x1 -= INNER - q;
            c.y1 -= INNER - q;
            if c.x1 < c.x0 {
                c.x0 = (c.x0 + c.x1) / 2.0;
                c.x1 = c.x0;
            }
            if c.y1 < c.y0 {
                c.y0 = (c.y0 + c.y1) / 2.0;
                c.y1 = c.y0;
            }
            squarify(&kids[i], &value, value[i], c, &mut rect);
            for &ch in &kids[i] {
                depth[ch] = depth[i] + 1;
                order.push(ch);
            }
        }
    }
    for r in rect.iter_mut() {
        r.x0 = r.x0.round();
        r.y0 = r.y0.round();
        r.x1 = r.x1.round();
        r.y1 = r.y1.round();
    }
    // Cells (the root is not drawn), breadth-first as mermaid-js.
    let mut cells = Vec::new();
    let mut bfs = vec![0usize];
    let mut qi = 0;
    while qi < bfs.len() {
        let i = bfs[qi];
        qi += 1;
        bfs.extend(kids[i].iter().copied());
    }
    for &i in bfs.iter().skip(1) {
        let r = rect[i];
        let leaf = kids[i].is_empty();
        let item = &tm.items[i];
        let val = format(value[i], &cfg.value_format);
        let (label, value_t) = if leaf {
            leaf_texts(&item.name, &val, r, cfg)
        } else {
            section_texts(&item.name, &val, r, cfg)
        };
        cells.push(Cell {
            item: i,
            depth: depth[i],
            leaf,
            x0: r.x0,
            y0: r.y0,
            x1: r.x1,
            y1: r.y1,
            label,
            value: value_t,
        });
    }
    // The drawn area: the cells' extent plus the diagram padding.
    let (mut mx0, mut my0, mut mx1, mut my1) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for c in &cells {
        mx0 = mx0.min(c.x0);
        my0 = my0.min(c.y0);
        mx1 = mx1.max(c.x1);
        my1 = my1.max(c.y1);
    }
    if !mx0.is_finite() {
        (mx0, my0, mx1, my1) = (0.0, 0.0, 0.0, 0.0);
    }
    let pad = cfg.diagram_padding;
    let title_h = if tm.title.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        30.0
    } else {
        0.0
    };
    let dx = pad - mx0;
    let dy = pad + title_h - my0;
    let width_c = (mx1 - mx0 + 2.0 * pad).ceil().max(1.0);
    let height_c = (my1 - my0 + 2.0 * pad + title_h).ceil().max(1.0);
    let title = tm.title.as_ref().filter(|t| !t.trim().is_empty()).map(|t| {
        let t = shorten(t, 14.0, false, width_c - 4.0);
        text_box(
            &t,
            width_c / 2.0,
            pad + title_h / 2.0,
            14.0,
            "middle",
            false,
            false,
        )
    });
    for c in &mut cells {
        c.x0 += dx;
        c.x1 += dx;
        c.y0 += dy;
        c.y1 += dy;
        for t in [&mut c.label, &mut c.value].into_iter().flatten() {
            t.x += dx;
            t.y += dy;
            t.bbox.0 += dx;
            t.bbox.1 += dy;
        }
    }
    Geometry {
        cells,
        width: width_c,
        height: height_c,
        dx,
        dy,
        title,
    }
}

/// d3's squarified tiling of `nodes` (sorted, positive values) in `r`.
fn squarify(nodes: &[usize], value: &[f64], total: f64, r: R, rect: &mut [R]) {
    let ratio = (1.0 + 5f64.sqrt()) / 2.0;
    let (mut x0, mut y0, x1, y1) = (r.x0, r.y0, r.x1, r.y1);
    let mut remaining = total;
    let n = nodes.len();
    let (mut i0, mut i1) = (0usize, 0usize);
    while i0 < n {
        let dx = x1 - x0;
        let dy = y1 - y0;
        let mut sum = value[nodes[i1]];
        i1 += 1;
        while sum == 0.0 && i1 < n {
            sum = value[nodes[i1]];
            i1 += 1;
        }
        let (mut minv, mut maxv) = (sum, sum);
        let alpha = (dy / dx).max(dx / dy) / (remaining * ratio);
        let mut beta = sum * sum * alpha;
        let mut min_ratio = (maxv / beta).max(beta / minv);
        while i1 < n {
            let v = value[nodes[i1]];
            sum += v;
            minv = minv.min(v);
            maxv = maxv.max(v);
            beta = sum * sum * alpha;
            let nr = (maxv / beta).max(beta / minv);
            if nr > min_ratio || nr.is_nan() {
                sum -= v;
                break;
            }
            min_ratio = nr;
            i1 += 1;
        }
        let row = &nodes[i0..i1];
        if dx < dy {
            // Dice: a horizontal row across the top.
            let ny = if remaining > 0.0 {
                y0 + dy * sum / remaining
            } else {
                y1
            };
            let k = if sum > 0.0 { (x1 - x0) / sum } else { 0.0 };
            let mut x = x0;
            for &c in row {
                let nx = x + value[c] * k;
                rect[c] = R {
                    x0: x,
                    y0,
                    x1: nx,
                    y1: ny,
                };
                x = nx;
            }
            y0 = ny;
        } else {
            // Slice: a vertical column at the left.
            let nx = if remaining > 0.0 {
                x0 + dx * sum / remaining
            } else {
                x1
            };
            let k = if sum > 0.0 { (y1 - y0) / sum } else { 0.0 };
            let mut y = y0;
            for &c in row {
                let ny = y + value[c] * k;
                rect[c] = R {
                    x0,
                    y0: y,
                    x1: nx,
                    y1: ny,
                };
                y = ny;
            }
            x0 = nx;
        }
        remaining -= sum;
        i0 = i1;
    }
}

/// A leaf's label and value: as large as fits, centred; hidden when not
/// even 8 px fits.
fn leaf_texts(name: &str, val: &str, r: R, cfg: &TreemapConfig) -> (Option<Text>, Option<Text>) {
    let cw = r.x1 - r.x0;
    let ch = r.y1 - r.y0;
    let avail_w = cw - 8.0;
    let avail_h = ch - 8.0;
    if avail_w < MIN_LABEL || avail_h < MIN_LABEL * 1.15 || name.trim().is_empty() {
        return (None, None);
    }
    let cap = MAX_LABEL.min(cfg.label_font_size.max(MAX_LABEL));
    let mut size = cap;
    let value_size = |s: f64| (s * 0.6).round().clamp(6.0, 28.0);
    let need_h = |s: f64| {
        if cfg.show_values {
            s * 1.15 + 2.0 + value_size(s) * 1.15
        } else {
            s * 1.15
        }
    };
    while size > MIN_LABEL && (width(name, size, false, false) > avail_w || need_h(size) > avail_h)
    {
        size -= 1.0;
    }
    let label_text = shorten(name, size, false, avail_w);
    if label_text.is_empty() || size * 1.15 > avail_h {
        return (None, None);
    }
    let cx = (r.x0 + r.x1) / 2.0;
    let show_value = cfg.show_values && need_h(size) <= avail_h;
    // The label sits on the cell's middle (as mermaid-js), the value below.
    let mid = (r.y0 + r.y1) / 2.0;
    let label = text_box(&label_text, cx, mid, size, "middle", false, false);
    let value = if show_value {
        let vs = value_size(size);
        let v = shorten(val, vs, false, avail_w);
        let vmid = mid + size * 1.15 / 2.0 + 1.0 + vs * 1.15 / 2.0;
        let t = text_box(&v, cx, vmid, vs, "middle", false, false);
        // Only when it stays inside the cell.
        (!v.is_empty() && t.bbox.1 + t.bbox.3 <= r.y1 - 2.0).then_some(t)
    } else {
        None
    };
    (Some(label), value)
}

/// A section's header: the bold name at the left, the italic value at the
/// right, the name shortened to leave room for the value.
fn section_texts(name: &str, val: &str, r: R, cfg: &TreemapConfig) -> (Option<Text>, Option<Text>) {
    let cw = r.x1 - r.x0;
    if r.y1 - r.y0 < HEADER || cw < 20.0 {
        return (None, None);
    }
    let mid = r.y0 + HEADER / 2.0;
    let vsize = 10.0;
    let mut value = None;
    let mut right = r.x1 - 10.0;
    if cfg.show_values {
        let vw = width(val, vsize, false, true);
        if vw + 12.0 <= cw / 2.0 {
            let t = text_box(val, r.x1 - 10.0, mid, vsize, "end", false, true);
            right = t.bbox.0 - 6.0;
            value = Some(t);
        }
    }
    let lsize = 12.0;
    let l = shorten(name, lsize, true, right - (r.x0 + 6.0));
    let label = (!l.is_empty()).then(|| text_box(&l, r.x0 + 6.0, mid, lsize, "start", true, false));
    (label, value)
}
