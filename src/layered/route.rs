//! Edge routing in the abstract top-to-bottom frame.
//!
//! An edge runs through its chain of layered nodes. Inside a rank's band
//! (the rank's centre line ± half its depth) it is a vertical line at its
//! own cross coordinate, where ordering and positioning guarantee nothing
//! else stands; between two bands it is one cubic S-curve whose control
//! points keep it inside the gap, which holds no node. So no edge passes
//! through a node it does not connect. Several edges at one node get
//! distinct ports along its side, ordered by where they go, and start or
//! end exactly on the node's outline (diamond, circle, …).

use super::calm;
use super::graph::Graph;
use super::position::Positions;
use super::{from_screen, Kind, Layered};
use crate::geometry::{EdgePath, Point, Rect, Seg};
use crate::shape;

/// Per edge: the path and the centre of its label (abstract frame).
pub(crate) fn route(
    graph: &Graph,
    lg: &Layered,
    pos: &Positions,
    default_curve: Option<&str>,
    calm: bool,
) -> Vec<(EdgePath, Option<Point>)> {
    let dir = lg.dir;
    // Outlines in the abstract frame.
    let outlines: Vec<Vec<Point>> = graph
        .nodes
        .iter()
        .zip(&lg.real)
        .map(|(n, &ln)| {
            let v = &lg.nodes[ln];
            let (w, h) = if dir.is_horizontal() {
                (v.depth, v.cross)
            } else {
                (v.cross, v.depth)
            };
            shape::outline(n.shape, w, h)
                .into_iter()
                .map(|p| from_screen(dir, p))
                .collect()
        })
        .collect();
    let flipped: Vec<Vec<Point>> = outlines
        .iter()
        .map(|o| o.iter().map(|p| Point::new(p.x, -p.y)).collect())
        .collect();
    let node_of = |ln: usize| match lg.nodes[ln].kind {
        Kind::Real(i) => Some(i),
        _ => None,
    };

    // Ports: offsets along the cross axis, per (edge, end).
    let mut out_port = vec![0.0f64; graph.edges.len()];
    let mut in_port = vec![0.0f64; graph.edges.len()];
    let mut outs: Vec<Vec<(f64, usize)>> = vec![Vec::new(); graph.nodes.len()];
    let mut ins: Vec<Vec<(f64, usize)>> = vec![Vec::new(); graph.nodes.len()];
    // Calm ports: how far from the centre line a port may sit on the
    // bottom (out) and top (in) side, and where each end would like to be.
    let reach_out: Vec<f64> = (0..graph.nodes.len())
        .map(|i| calm::port_reach(&outlines[i]))
        .collect();
    let reach_in: Vec<f64> = (0..graph.nodes.len())
        .map(|i| calm::port_reach(&flipped[i]))
        .collect();
    let mut out_ideal = vec![0.0f64; graph.edges.len()];
    let mut in_ideal = vec![0.0f64; graph.edges.len()];
    for (i, ch) in lg.chains.iter().enumerate() {
        if ch.len() < 2 {
            continue;
        }
        // Ports follow where the edge really goes next: points on empty
        // ranks are passed without a stop (see below).
        let skipped = |v: usize| {
            matches!(lg.nodes[v].kind, Kind::Dummy(_)) && pos.half[lg.nodes[v].rank] <= 0.0
        };
        let (first, last) = (ch[0], ch[ch.len() - 1]);
        let next = ch[1..ch.len() - 1]
            .iter()
            .copied()
            .find(|&v| !skipped(v))
            .unwrap_or(last);
        let prev = ch[1..ch.len() - 1]
            .iter()
            .rev()
            .copied()
            .find(|&v| !skipped(v))
            .unwrap_or(first);
        if calm {
            if let (Some(a), Some(b)) = (node_of(first), node_of(last)) {
                let (xa, xb) = (pos.x[first], pos.x[last]);
                let (ra, rb) = (reach_out[a], reach_in[b]);
                let direct = next == last;
                out_ideal[i] = calm::ideal_port(xa, ra, pos.x[next], direct.then_some((xb, rb)));
                in_ideal[i] = calm::ideal_port(xb, rb, pos.x[prev], direct.then_some((xa, ra)));
            }
        }
        if let Some(a) = node_of(first) {
            outs[a].push((pos.x[next], i));
        }
        if let Some(b) = node_of(last) {
            ins[b].push((pos.x[prev], i));
        }
    }
    let assign = |list: &mut Vec<(f64, usize)>, cross: f64, port: &mut Vec<f64>| {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let k = list.len();
        if k < 2 {
            return;
        }
        let step = (cross * 0.6 / k as f64).min(14.0);
        for (j, &(_, e)) in list.iter().enumerate() {
            port[e] = (j as f64 - (k as f64 - 1.0) / 2.0) * step;
        }
    };
    for i in 0..graph.nodes.len() {
        let cross = lg.nodes[lg.real[i]].cross;
        if calm {
            for (list, ideal, reach, port) in [
                (&mut outs[i], &out_ideal, reach_out[i], &mut out_port),
                (&mut ins[i], &in_ideal, reach_in[i], &mut in_port),
            ] {
                list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let wanted: Vec<f64> = list.iter().map(|&(_, e)| ideal[e]).collect();
                let got = calm::spread(&wanted, -reach, reach, calm::PORT_GAP);
                for (&(_, e), p) in list.iter().zip(got) {
                    port[e] = p;
                }
            }
            continue;
        }
        assign(&mut outs[i], cross, &mut out_port);
        assign(&mut ins[i], cross, &mut in_port);
    }

    let mut loop_total = vec![0usize; graph.nodes.len()];
    for e in &graph.edges {
        if e.from == e.to {
            loop_total[e.from] += 1;
        }
    }
    let mut loop_seen = vec![0usize; graph.nodes.len()];
    let mut loop_label_off = vec![0.0f64; graph.nodes.len()];
    let mut result = Vec::with_capacity(graph.edges.len());
    let node_parent = graph.node_parents();
    for (i, e) in graph.edges.iter().enumerate() {
        // Subgraphs this edge may not enter: those holding neither end.
        let own: Vec<usize> = [(e.from, e.from_cluster), (e.to, e.to_cluster)]
            .into_iter()
            .flat_map(|(v, c)| {
                let mut o = super::enclosing(&lg.cluster_parent, node_parent[v]);
                o.extend(super::enclosing(&lg.cluster_parent, c));
                o
            })
            .collect();
        let avoid: Vec<(f64, f64, f64, f64)> = pos
            .clusters
            .iter()
            .enumerate()
            .filter(|(c, _)| !own.contains(c))
            .map(|(_, &b)| b)
            .collect();
        if e.from == e.to {
            let j = loop_seen[e.from];
            loop_seen[e.from] += 1;
            let label = graph.edges[i].label.map(|s| {
                let w = if dir.is_horizontal() { s.1 } else { s.0 };
                let off = loop_label_off[e.from];
                loop_label_off[e.from] += w + LOOP_LABEL_GAP;
                (off, w)
            });
            let k = loop_total[e.from];
            result.push(self_loop(
                lg,
                pos,
                &outlines[e.from],
                lg.real[e.from],
                (j, k),
                label,
            ));
            continue;
        }
        if lg.flat[i] {
            result.push(flat_edge(lg, pos, &outlines, (e.from, e.to)));
            continue;
        }
        let ch = &lg.chains[i];
        let first = ch[0];
        let last = ch[ch.len() - 1];
        let (na, nb) = (node_of(first).unwrap_or(0), node_of(last).unwrap_or(0));
        let ra = lg.nodes[first].rank;
        let o0 = out_port[i];
        let depth_hi = shape::depth_at(&outlines[na], o0).unwrap_or(lg.nodes[first].depth / 2.0);
        let start = Point::new(pos.x[first] + o0, pos.y[ra] + depth_hi);
        let mut segs = Vec::new();
        let mut cur = start;
        let band_bottom = pos.y[ra] + pos.half[ra];
        if band_bottom > cur.y + 1e-6 {
            cur = Point::new(cur.x, band_bottom);
            segs.push(Seg::Line(cur));
        }
        let mut label = None;
        for (j, &v) in ch.iter().enumerate().skip(1) {
            let r = lg.nodes[v].rank;
            let is_last = j == ch.len() - 1;
            // A point on a rank of zero depth (only edge points, no node and
            // no label) needs no stop: one curve spans both gaps around it,
            // which holds no node either, and reads smoother.
            if !is_last && matches!(lg.nodes[v].kind, Kind::Dummy(_)) && pos.half[r] <= 0.0 {
                continue;
            }
            let tx = if is_last {
                pos.x[v] + in_port[i]
            } else {
                pos.x[v]
            };
            let top = pos.y[r] - pos.half[r];
            let mid = (top - cur.y) / 2.0;
            let to = Point::new(tx, top);
            match gap_curve(cur, to, &avoid) {
                Some(detour) => segs.extend(detour),
                None => segs.push(Seg::Cubic(
                    Point::new(cur.x, cur.y + mid),
                    Point::new(tx, top - mid),
                    to,
                )),
            }
            cur = to;
            if is_last {
                let d =
                    shape::depth_at(&flipped[nb], in_port[i]).unwrap_or(lg.nodes[v].depth / 2.0);
                let end = Point::new(tx, pos.y[r] - d);
                if end.y > cur.y + 1e-6 {
                    segs.push(Seg::Line(end));
                }
            } else {
                if matches!(lg.nodes[v].kind, Kind::Label(_)) {
                    label = Some(Point::new(tx, pos.y[r]));
                }
                let bottom = pos.y[r] + pos.half[r];
                if bottom > cur.y + 1e-6 {
                    cur = Point::new(tx, bottom);
                    segs.push(Seg::Line(cur));
                }
            }
        }
        let segs = match Curve::of(graph, i, default_curve) {
            Curve::Smooth => segs,
            Curve::Linear => straighten(&segs),
            Curve::Step => steps(start, &segs),
        };
        let path = EdgePath { start, segs };
        let path = if lg.reversed[i] { reverse(&path) } else { path };
        result.push((path, label));
    }
    result
}

/// Whether the path from `p` through `segs` enters one of the boxes
/// (abstract `(x0, x1, y0, y1)`).
fn enters_any(p: Point, segs: &[Seg], boxes: &[(f64, f64, f64, f64)]) -> bool {
    if boxes.is_empty() {
        return false;
    }
    let path = EdgePath {
        start: p,
        segs: segs.to_vec(),
    };
    // Sampled as the drawing is measured (8 per curve: chords cut inside
    // a bend) and finer.
    let (coarse, fine) = (path.sample(8), path.sample(16));
    boxes.iter().any(|&(x0, x1, y0, y1)| {
        let r = Rect {
            x: (x0 + x1) / 2.0,
            y: (y0 + y1) / 2.0,
            width: (x1 - x0).max(0.0),
            height: (y1 - y0).max(0.0),
        };
        r.width > 0.0
            && r.height > 0.0
            && [&coarse, &fine]
                .iter()
                .any(|pts| pts.windows(2).any(|w| calm::segment_enters(w[0], w[1], &r)))
    })
}

/// Room kept between a detour and the subgraph border it passes.
const BORDER_CLEAR: f64 = 3.0;

/// The crossing of a gap from `p` down to `q` when the plain S-curve would
/// enter a subgraph the edge does not belong to (`avoid`, abstract boxes),
/// and a detour within the gap does not: the edge keeps straight down past
/// the bottom of boxes beside its upper point and turns across before the
/// top of boxes beside its lower point. `None` when the plain curve is
/// clear, or no such detour is.
fn gap_curve(p: Point, q: Point, avoid: &[(f64, f64, f64, f64)]) -> Option<Vec<Seg>> {
    // Every curve tried stays within the box spanned by p and q (its
    // control points do): only boxes overlapping it matter.
    let (gx0, gx1) = (p.x.min(q.x), p.x.max(q.x));
    let avoid: Vec<(f64, f64, f64, f64)> = avoid
        .iter()
        .copied()
        .filter(|&(x0, x1, y0, y1)| x0 < gx1 && x1 > gx0 && y0 < q.y && y1 > p.y)
        .collect();
    if avoid.is_empty() {
        return None;
    }
    let avoid = avoid.as_slice();
    let s_curve = |a: f64, b: f64| {
        let (pa, qb) = (Point::new(p.x, a), Point::new(q.x, b));
        let mid = (b - a) / 2.0;
        let mut segs = Vec::with_capacity(3);
        if a > p.y + 1e-9 {
            segs.push(Seg::Line(pa));
        }
        segs.push(Seg::Cubic(
            Point::new(pa.x, a + mid),
            Point::new(qb.x, b - mid),
            qb,
        ));
        if b < q.y - 1e-9 {
            segs.push(Seg::Line(q));
        }
        segs
    };
    if !enters_any(p, &s_curve(p.y, q.y), avoid) {
        return None;
    }
    let (mut a, mut b) = (p.y, q.y);
    for _ in 0..4 {
        for &(x0, x1, y0, y1) in avoid {
            let beside = |x: f64| x <= x0 + 1.0 || x >= x1 - 1.0;
            if y1 > a && y1 < b && beside(p.x) {
                a = a.max(y1 + BORDER_CLEAR);
            }
            if y0 < b && y0 > a && beside(q.x) {
                b = b.min(y0 - BORDER_CLEAR);
            }
        }
        if b - a < 4.0 {
            return None;
        }
        let segs = s_curve(a, b);
        if !enters_any(p, &segs, avoid) {
            return Some(segs);
        }
    }
    None
}

/// How an edge is drawn between its routed points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    /// S-curves across the gaps between ranks (Mermaid's `basis` look).
    Smooth,
    /// Straight lines.
    Linear,
    /// Orthogonal steps, turning in the middle of each gap.
    Step,
}

impl Curve {
    /// Mermaid's curve names: `linear` → straight; `step`, `stepBefore`,
    /// `stepAfter` → orthogonal; every other (`basis`, `cardinal`,
    /// `catmullRom`, `monotoneX`, `natural`, …) → smooth.
    pub fn from_name(name: &str) -> Curve {
        match name.trim() {
            "linear" => Curve::Linear,
            "step" | "stepBefore" | "stepAfter" => Curve::Step,
            _ => Curve::Smooth,
        }
    }

    /// The curve of edge `i`: its own, else the layout's default.
    pub fn of(graph: &Graph, i: usize, default: Option<&str>) -> Curve {
        let name = graph.edges[i].curve.as_deref().or(default);
        name.map_or(Curve::Smooth, Curve::from_name)
    }
}

/// Each cubic replaced by the straight line between its ends.
fn straighten(segs: &[Seg]) -> Vec<Seg> {
    segs.iter().map(|s| Seg::Line(s.end())).collect()
}

/// Each cubic across a gap replaced by vertical–horizontal–vertical lines.
fn steps(start: Point, segs: &[Seg]) -> Vec<Seg> {
    let mut out = Vec::with_capacity(segs.len() * 3);
    let mut cur = start;
    for s in segs {
        match *s {
            Seg::Line(p) => out.push(Seg::Line(p)),
            Seg::Cubic(_, _, p) => {
                let mid = (cur.y + p.y) / 2.0;
                out.push(Seg::Line(Point::new(cur.x, mid)));
                out.push(Seg::Line(Point::new(p.x, mid)));
                out.push(Seg::Line(p));
            }
        }
        cur = s.end();
    }
    out
}

/// An edge within one rank (inside a subgraph laid out across the ranks):
/// straight from side to side when nothing solid stands between its ends,
/// else an arc through the gap below the rank, which holds no node. The
/// label sits at the middle of the line, or at the bottom of the arc.
fn flat_edge(
    lg: &Layered,
    pos: &Positions,
    outlines: &[Vec<Point>],
    (from, to): (usize, usize),
) -> (EdgePath, Option<Point>) {
    let (a, b) = (lg.real[from], lg.real[to]);
    let r = lg.nodes[a].rank;
    let y = pos.y[r];
    let (ca, cb) = (Point::new(pos.x[a], y), Point::new(pos.x[b], y));
    let order = &lg.ranks[r];
    let pa = order.iter().position(|&v| v == a).unwrap_or(0);
    let pb = order.iter().position(|&v| v == b).unwrap_or(0);
    let (lo, hi) = (pa.min(pb), pa.max(pb));
    let blocked = order[lo + 1..hi]
        .iter()
        .any(|&v| matches!(lg.nodes[v].kind, Kind::Real(_) | Kind::Label(_)));
    if !blocked {
        let p = shape::ray_exit(&outlines[from], ca, cb);
        let q = shape::ray_exit(&outlines[to], cb, ca);
        let label = Point::new((p.x + q.x) / 2.0, y);
        return (
            EdgePath {
                start: p,
                segs: vec![Seg::Line(q)],
            },
            Some(label),
        );
    }
    let bottom = y + pos.half[r];
    let gap = if r + 1 < lg.ranks.len() {
        pos.y[r + 1] - pos.half[r + 1] - bottom
    } else {
        24.0
    };
    let g = gap * 0.9;
    let da = shape::depth_at(&outlines[from], 0.0).unwrap_or(lg.nodes[a].depth / 2.0);
    let db = shape::depth_at(&outlines[to], 0.0).unwrap_or(lg.nodes[b].depth / 2.0);
    let start = Point::new(ca.x, y + da);
    let mut segs = Vec::new();
    if bottom > start.y + 1e-6 {
        segs.push(Seg::Line(Point::new(ca.x, bottom)));
    }
    segs.push(Seg::Cubic(
        Point::new(ca.x, bottom + g),
        Point::new(cb.x, bottom + g),
        Point::new(cb.x, bottom),
    ));
    let end = Point::new(cb.x, y + db);
    if bottom > end.y + 1e-6 {
        segs.push(Seg::Line(end));
    }
    let label = Point::new((ca.x + cb.x) / 2.0, bottom + 0.75 * g);
    (EdgePath { start, segs }, Some(label))
}

/// The same path walked the other way.
fn reverse(p: &EdgePath) -> EdgePath {
    let mut starts = vec![p.start];
    for s in &p.segs {
        starts.push(s.end());
    }
    let mut segs = Vec::with_capacity(p.segs.len());
    for (k, s) in p.segs.iter().enumerate().rev() {
        let from = starts[k];
        segs.push(match *s {
            Seg::Line(_) => Seg::Line(from),
            Seg::Cubic(c1, c2, _) => Seg::Cubic(c2, c1, from),
        });
    }
    EdgePath {
        start: p.end(),
        segs,
    }
}

/// Space between a self-loop label and the next.
pub(crate) const LOOP_LABEL_GAP: f64 = 6.0;

/// How far the control points of the `j`-th self-loop of a node reach.
fn loop_reach(j: usize) -> f64 {
    36.0 + 16.0 * j as f64
}

/// How far the `j`-th self-loop extends beyond the node's side (a cubic
/// reaches 3/4 of its control points' offset), plus a small gap.
pub(crate) fn loop_extent(j: usize) -> f64 {
    0.75 * loop_reach(j) + 8.0
}

/// The `j`-th of `k` loops on the cross-high side of the node, inside the
/// room reserved for it; its label (if any) after `label_offset`.
fn self_loop(
    lg: &Layered,
    pos: &Positions,
    outline: &[Point],
    ln: usize,
    (j, k): (usize, usize),
    label: Option<(f64, f64)>,
) -> (EdgePath, Option<Point>) {
    let v = &lg.nodes[ln];
    let c = Point::new(pos.x[ln], pos.y[v.rank]);
    let (hc, hd) = (v.cross / 2.0, v.depth / 2.0);
    // Inner loops attach nearer the centre line.
    let spread = hd * (0.3 + 0.5 * (j + 1) as f64 / (k + 1) as f64);
    let a = shape::ray_exit(outline, c, Point::new(c.x + hc, c.y - spread));
    let b = shape::ray_exit(outline, c, Point::new(c.x + hc, c.y + spread));
    let reach = loop_reach(j);
    let path = EdgePath {
        start: a,
        segs: vec![Seg::Cubic(
            Point::new(a.x + reach, a.y - 10.0),
            Point::new(b.x + reach, b.y + 10.0),
            b,
        )],
    };
    let label = label.map(|(offset, width)| {
        Point::new(c.x + hc + loop_extent(k - 1) + offset + width / 2.0, c.y)
    });
    (path, label)
}

fn inside(p: Point, r: &Rect) -> bool {
    p.x > r.left() && p.x < r.right() && p.y > r.top() && p.y < r.bottom()
}

fn lerp(a: Point, b: Point, t: f64) -> Point {
    Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

/// Cut the path where it first enters `r` (an edge to a subgraph ends on
/// the subgraph's border). A path that starts inside `r` is left alone.
pub(crate) fn clip_end(path: &EdgePath, r: &Rect) -> EdgePath {
    if inside(path.start, r) {
        return path.clone();
    }
    let mut cur = path.start;
    let mut out = Vec::new();
    for s in &path.segs {
        let at = |t: f64| match *s {
            Seg::Line(p) => lerp(cur, p, t),
            Seg::Cubic(c1, c2, p) => {
                let (a, b, c) = (lerp(cur, c1, t), lerp(c1, c2, t), lerp(c2, p, t));
                lerp(lerp(a, b, t), lerp(b, c, t), t)
            }
        };
        let steps = 64;
        if let Some(k) = (1..=steps).find(|&k| inside(at(k as f64 / steps as f64), r)) {
            // Refine the crossing between the last outside and first inside sample.
            let (mut lo, mut hi) = ((k - 1) as f64 / steps as f64, k as f64 / steps as f64);
            for _ in 0..30 {
                let mid = (lo + hi) / 2.0;
                if inside(at(mid), r) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            let t = lo;
            out.push(match *s {
                Seg::Line(p) => Seg::Line(lerp(cur, p, t)),
                Seg::Cubic(c1, c2, p) => {
                    let (a, b, c) = (lerp(cur, c1, t), lerp(c1, c2, t), lerp(c2, p, t));
                    let (d, e) = (lerp(a, b, t), lerp(b, c, t));
                    Seg::Cubic(a, d, lerp(d, e, t))
                }
            });
            return EdgePath {
                start: path.start,
                segs: out,
            };
        }
        out.push(*s);
        cur = s.end();
    }
    path.clone()
}

/// Cut the path where it last leaves `r` (an edge from a subgraph starts on
/// the subgraph's border).
pub(crate) fn clip_start(path: &EdgePath, r: &Rect) -> EdgePath {
    reverse(&clip_end(&reverse(path), r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_ends_on_the_border() {
        let p = EdgePath {
            start: Point::new(0.0, 0.0),
            segs: vec![Seg::Cubic(
                Point::new(0.0, 50.0),
                Point::new(100.0, 50.0),
                Point::new(100.0, 100.0),
            )],
        };
        let r = Rect {
            x: 100.0,
            y: 100.0,
            width: 100.0,
            height: 60.0,
        };
        let c = clip_end(&p, &r);
        let e = c.end();
        assert!((e.y - 70.0).abs() < 0.01, "{e:?}");
        let s = clip_start(&reverse(&p), &r);
        assert!((s.start.y - 70.0).abs() < 0.01, "{:?}", s.start);
    }

    #[test]
    fn curve_names() {
        assert_eq!(Curve::from_name("linear"), Curve::Linear);
        assert_eq!(Curve::from_name("stepAfter"), Curve::Step);
        assert_eq!(Curve::from_name("basis"), Curve::Smooth);
    }
}
