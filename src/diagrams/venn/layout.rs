//! [`Venn`] → geometry: circles sized by their sets' sizes, placed so the
//! overlaps match the unions' sizes, scaled into Mermaid's 800×450 frame;
//! every label and text node placed inside its own region.

use super::colors::VennColors;
use super::model::{prop, Venn};
use super::VennConfig;
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Space between the circles and the frame (mermaid-js: 15).
pub const PAD: f64 = 15.0;
/// Default size of a set without `:N` (and so of unions: a quarter of the
/// smaller set, as mermaid-js draws them).
pub const DEFAULT_SET_SIZE: f64 = 10.0;
/// Room the title takes above the circles (mermaid-js: 24).
pub const TITLE_ROOM: f64 = 24.0;
/// Set and union label size (mermaid-js: 24px) and text node size (20px).
pub const LABEL_SIZE: f64 = 24.0;
pub const TEXT_SIZE: f64 = 20.0;
pub const TITLE_SIZE: f64 = 32.0;
/// Gap between stacked lines of one area.
pub const LINE_GAP: f64 = 4.0;

/// One circle.
#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub fill: String,
    pub stroke: String,
    pub stroke_width: f64,
    pub fill_opacity: f64,
}

/// A placed text: centre, measured box, colour, size.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub tb: TextBox,
    pub size: f64,
    pub color: String,
    /// `set` / `union` label or `node`.
    pub class: &'static str,
}

/// A union's own fill (drawn as the lens of its circles) when styled.
#[derive(Debug, Clone, PartialEq)]
pub struct Lens {
    /// Indices of the circles.
    pub sets: Vec<usize>,
    pub fill: String,
    pub fill_opacity: f64,
    pub stroke: Option<(String, f64)>,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub circles: Vec<Circle>,
    pub lenses: Vec<Lens>,
    pub texts: Vec<Text>,
    pub title: Option<Text>,
}

/// Area of the overlap of two circles at distance `d`.
pub fn overlap(r1: f64, r2: f64, d: f64) -> f64 {
    if d >= r1 + r2 {
        return 0.0;
    }
    if d <= (r1 - r2).abs() {
        let r = r1.min(r2);
        return std::f64::consts::PI * r * r;
    }
    let a1 = ((d * d + r1 * r1 - r2 * r2) / (2.0 * d * r1))
        .clamp(-1.0, 1.0)
        .acos();
    let a2 = ((d * d + r2 * r2 - r1 * r1) / (2.0 * d * r2))
        .clamp(-1.0, 1.0)
        .acos();
    let k = ((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)).max(0.0);
    r1 * r1 * a1 + r2 * r2 * a2 - 0.5 * k.sqrt()
}

/// The distance at which two circles overlap by `area` (bisection).
pub fn distance_for(r1: f64, r2: f64, area: f64) -> f64 {
    let (mut lo, mut hi) = ((r1 - r2).abs(), r1 + r2);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if overlap(r1, r2, mid) > area {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + hi) / 2.0
}

/// Circle centres (unscaled) for radii `r` and wanted distances `d`.
fn place(r: &[f64], d: &[Vec<f64>]) -> Vec<(f64, f64)> {
    let n = r.len();
    let mut p = vec![(0.0, 0.0); n];
    if n >= 2 {
        p[1] = (d[0][1], 0.0);
    }
    if n >= 3 {
        // The third by the law of cosines (below the first two).
        let (a, b, c) = (d[0][1], d[0][2], d[1][2]);
        let cos = ((a * a + b * b - c * c) / (2.0 * a * b).max(1e-9)).clamp(-1.0, 1.0);
        let ang = cos.acos();
        p[2] = (b * ang.cos(), b * ang.sin());
    }
    if n > 3 {
        // The rest around a ring, then stress minimisation for all.
        let ring: f64 = r.iter().sum::<f64>() / n as f64 * 1.5;
        for (k, q) in p.iter_mut().enumerate().skip(3) {
            let a = k as f64 * std::f64::consts::TAU / n as f64;
            *q = (ring * a.cos() + d[0][1] / 2.0, ring * a.sin());
        }
        let scale: f64 = r.iter().cloned().fold(1.0, f64::max);
        for it in 0..400 {
            let step = 0.1 * (1.0 - it as f64 / 400.0) + 0.01;
            let mut moves = vec![(0.0, 0.0); n];
            for i in 0..n {
                for j in 0..n {
                    if i == j {
                        continue;
                    }
                    let (dx, dy) = (p[i].0 - p[j].0, p[i].1 - p[j].1);
                    let dist = (dx * dx + dy * dy).sqrt().max(1e-6);
                    let want = d[i][j];
                    // Disjoint pairs only need to be at least `want` apart.
                    if d[i][j] >= r[i] + r[j] && dist >= want {
                        continue;
                    }
                    let f = (want - dist) / dist;
                    moves[i].0 += dx * f / 2.0;
                    moves[i].1 += dy * f / 2.0;
                }
            }
            for i in 0..n {
                let (mx, my) = moves[i];
                let m = (mx * mx + my * my).sqrt();
                let cap = scale;
                let k = if m > cap { cap / m } else { 1.0 };
                p[i].0 += mx * k * step * 4.0;
                p[i].1 += my * k * step * 4.0;
            }
        }
    }
    p
}

/// How far `pt` is inside the region inside `inside` circles and outside
/// the others (negative when it is not in the region).
fn margin(c: &[(f64, f64, f64)], inside: &[usize], pt: (f64, f64), exclude: bool) -> f64 {
    let mut m = f64::INFINITY;
    for (k, &(x, y, r)) in c.iter().enumerate() {
        let d = ((pt.0 - x).powi(2) + (pt.1 - y).powi(2)).sqrt();
        if inside.contains(&k) {
            m = m.min(r - d);
        } else if exclude {
            m = m.min(d - r);
        }
    }
    m
}

/// The centre for a block of `w`×`h` inside the region that keeps the
/// block's corners farthest inside it.
fn best_point(c: &[(f64, f64, f64)], inside: &[usize], w: f64, h: f64) -> (f64, f64) {
    let Some(&(x0, y0, r0)) = inside
        .iter()
        .filter_map(|&k| c.get(k))
        .min_by(|a, b| a.2.total_cmp(&b.2))
    else {
        return (0.0, 0.0);
    };
    let steps = 48;
    let score = |pt: (f64, f64), exclude: bool| {
        let (hw, hh) = (w / 2.0, h / 2.0);
        [
            pt,
            (pt.0 - hw, pt.1 - hh),
            (pt.0 + hw, pt.1 - hh),
            (pt.0 - hw, pt.1 + hh),
            (pt.0 + hw, pt.1 + hh),
            (pt.0, pt.1 - hh),
            (pt.0, pt.1 + hh),
        ]
        .iter()
        .map(|&q| margin(c, inside, q, exclude))
        .fold(f64::INFINITY, f64::min)
            // Prefer the region's middle among equals.
            + 1e-3 * margin(c, inside, pt, exclude)
    };
    for exclude in [true, false] {
        let mut best: Option<((f64, f64), f64)> = None;
        for i in 0..=steps {
            for j in 0..=steps {
                let pt = (
                    x0 - r0 + 2.0 * r0 * i as f64 / steps as f64,
                    y0 - r0 + 2.0 * r0 * j as f64 / steps as f64,
                );
                if margin(c, inside, pt, exclude) <= 0.0 {
                    continue;
                }
                let s = score(pt, exclude);
                if best.is_none_or(|(_, b)| s > b + 1e-9) {
                    best = Some((pt, s));
                }
            }
        }
        if let Some((pt, _)) = best {
            return pt;
        }
    }
    (x0, y0)
}

/// Lay the diagram out.
pub fn layout(v: &Venn, cfg: &VennConfig, colors: &VennColors) -> Geometry {
    let n = v.sets.len();
    let size = |k: usize| v.sets[k].size.unwrap_or(DEFAULT_SET_SIZE);
    let radius: Vec<f64> = (0..n)
        .map(|k| (size(k) / std::f64::consts::PI).sqrt())
        .collect();
    // Wanted distances: from the union of exactly the pair, else from a
    // larger union containing both (a smaller overlap), else apart.
    let mut dist = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in (i + 1)..n {
            let (ri, rj) = (radius[i], radius[j]);
            let pair = v
                .unions
                .iter()
                .find(|u| u.sets.len() == 2 && u.sets[0] == i && u.sets[1] == j);
            let any = v
                .unions
                .iter()
                .filter(|u| u.sets.contains(&i) && u.sets.contains(&j))
                .map(|u| {
                    u.size
                        .unwrap_or(size(i).min(size(j)) / 4.0 / (u.sets.len() - 1) as f64)
                })
                .fold(None, |a: Option<f64>, b| Some(a.map_or(b, |a| a.max(b))));
            let area = match pair {
                Some(u) => Some(u.size.unwrap_or(size(i).min(size(j)) / 4.0)),
                None => any.map(|a| a * 2.0),
            };
            let d = match area {
                Some(a) => {
                    let a = a.min(size(i).min(size(j)) * 0.95);
                    distance_for(ri, rj, a)
                }
                None => (ri + rj) * 1.08,
            };
            dist[i][j] = d;
            dist[j][i] = d;
        }
    }
    let pts = place(&radius, &dist);
    let width = cfg.width;
    let height = cfg.height;
    let top = if v.title.is_some() { TITLE_ROOM } else { 0.0 };
    let (mut minx, mut miny, mut maxx, mut maxy) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (k, &(x, y)) in pts.iter().enumerate() {
        minx = minx.min(x - radius[k]);
        maxx = maxx.max(x + radius[k]);
        miny = miny.min(y - radius[k]);
        maxy = maxy.max(y + radius[k]);
    }
    let avail_w = width - 2.0 * cfg.padding;
    let avail_h = height - top - 2.0 * cfg.padding;
    let scale = if n == 0 {
        1.0
    } else {
        (avail_w / (maxx - minx).max(1e-9)).min(avail_h / (maxy - miny).max(1e-9))
    };
    let ox = width / 2.0 - (minx + maxx) / 2.0 * scale;
    let oy = top + (height - top) / 2.0 - (miny + maxy) / 2.0 * scale;
    let c: Vec<(f64, f64, f64)> = pts
        .iter()
        .enumerate()
        .map(|(k, &(x, y))| (ox + x * scale, oy + y * scale, radius[k] * scale))
        .collect();
    let mut circles = Vec::new();
    for (k, s) in v.sets.iter().enumerate() {
        let st = v.area_style(s);
        let base = colors.set(k);
        let fill = prop(&st, "fill").unwrap_or(base).to_string();
        circles.push(Circle {
            x: c[k].0,
            y: c[k].1,
            r: c[k].2,
            stroke: prop(&st, "stroke").unwrap_or(&fill).to_string(),
            stroke_width: prop(&st, "stroke-width").and_then(num_px).unwrap_or(2.5),
            fill_opacity: prop(&st, "fill-opacity").and_then(num_px).unwrap_or(0.1),
            fill,
        });
    }
    let mut lenses = Vec::new();
    let mut texts = Vec::new();
    let label_style = TextStyle {
        size: LABEL_SIZE,
        ..TextStyle::default()
    };
    let node_style = TextStyle {
        size: TEXT_SIZE,
        ..TextStyle::default()
    };
    for (ai, area) in v.areas().enumerate() {
        let st = v.area_style(area);
        let is_set = area.sets.len() == 1;
        if !is_set {
            if let Some(f) = prop(&st, "fill") {
                lenses.push(Lens {
                    sets: area.sets.clone(),
                    fill: f.to_string(),
                    fill_opacity: prop(&st, "fill-opacity").and_then(num_px).unwrap_or(1.0),
                    stroke: prop(&st, "stroke").map(|s| {
                        (
                            s.to_string(),
                            prop(&st, "stroke-width").and_then(num_px).unwrap_or(1.0),
                        )
                    }),
                });
            }
        }
        let label = if is_set {
            Some(area.label.clone().unwrap_or_else(|| area.id.clone()))
        } else {
            area.label.clone()
        };
        let label_color = match prop(&st, "color") {
            Some(col) => col.to_string(),
            None if is_set => {
                let fill = prop(&st, "fill").unwrap_or(colors.set(ai));
                colors.label_for(fill)
            }
            None => colors.text.clone(),
        };
        // The block: label then text nodes, stacked and centred.
        let wrap = Some(cfg.width / 4.0);
        let mut lines: Vec<(TextBox, f64, String, &'static str)> = Vec::new();
        if let Some(l) = label.filter(|l| !l.trim().is_empty()) {
            lines.push((
                text_layout(&l, label_style, false, wrap),
                LABEL_SIZE,
                label_color,
                if is_set { "set" } else { "union" },
            ));
        }
        for t in &area.texts {
            let ts = v.text_style(t);
            let col = prop(&ts, "color").unwrap_or(&colors.text).to_string();
            lines.push((
                text_layout(&t.label, node_style, false, wrap),
                TEXT_SIZE,
                col,
                "node",
            ));
        }
        if lines.is_empty() {
            continue;
        }
        let w = lines.iter().map(|l| l.0.width).fold(0.0, f64::max);
        let h: f64 =
            lines.iter().map(|l| l.0.height).sum::<f64>() + LINE_GAP * (lines.len() - 1) as f64;
        let (cxp, cyp) = best_point(&c, &area.sets, w, h);
        // Where the region is too small for the block, move it (staying
        // inside the area's circles) off the blocks placed before: the
        // nearest free spot on rings of growing radius.
        let clash = |x: f64, y: f64| {
            texts.iter().any(|t: &Text| {
                let (tw, th) = (t.tb.width / 2.0, t.tb.height / 2.0);
                x - w / 2.0 < t.x + tw
                    && t.x - tw < x + w / 2.0
                    && y - h / 2.0 < t.y + th
                    && t.y - th < y + h / 2.0
            })
        };
        let (mut cxp, mut cyp) = (cxp, cyp);
        if clash(cxp, cyp) {
            let free = (1..=50)
                .flat_map(|k| {
                    (0..24).map(move |a| {
                        let ang = a as f64 * std::f64::consts::TAU / 24.0;
                        let r = k as f64 * 4.0;
                        (cxp + r * ang.cos(), cyp + r * ang.sin())
                    })
                })
                .find(|&(x, y)| !clash(x, y) && margin(&c, &area.sets, (x, y), false) > 0.0);
            if let Some((x, y)) = free {
                cxp = x;
                cyp = y;
            }
        }
        let mut y = cyp - h / 2.0;
        for (tb, size, color, class) in lines {
            let th = tb.height;
            texts.push(Text {
                x: cxp,
                y: y + th / 2.0,
                tb,
                size,
                color,
                class,
            });
            y += th + LINE_GAP;
        }
    }
    let title = v.title.as_ref().filter(|t| !t.trim().is_empty()).map(|t| {
        let tb = text_layout(
            t,
            TextStyle {
                size: TITLE_SIZE,
                ..TextStyle::default()
            },
            false,
            None,
        );
        Text {
            x: width / 2.0,
            y: tb.height / 2.0,
            tb,
            size: TITLE_SIZE,
            color: colors.title.clone(),
            class: "title",
        }
    });
    let mut width = width;
    let mut height = height;
    if let Some(t) = &title {
        width = width.max(t.tb.width);
        height = height.max(t.tb.height);
    }
    Geometry {
        width: width.ceil(),
        height: height.ceil(),
        circles,
        lenses,
        texts,
        title,
    }
}

/// A number with an optional `px`.
fn num_px(s: &str) -> Option<f64> {
    s.trim()
        .trim_end_matches("px")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}
