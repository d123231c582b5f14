//! Edge ends that leave their box at a right angle, spread along the box's
//! side when several share it.
//!
//! ER markers (crow's feet, bars) and requirement arrows are oriented by
//! the path's direction at its ends, and they are wide: an end that leaves
//! a box's bottom sideways, or two ends at one point, draw markers lying
//! along the box or on top of each other. After the layered engine has
//! routed the edges, each end is moved to its own port on the side it
//! ends on (evenly spaced when shared), gets a short straight stub along
//! the side's normal, and the neighbouring curve piece is bent to arrive
//! along that normal.

use crate::geometry::{EdgePath, Point, Rect, Seg};
use std::collections::BTreeMap;

/// Length of the straight stub at each end.
pub const STUB: f64 = 10.0;

/// Ends sharing a side are at least this far apart (when the side is long
/// enough; otherwise evenly spread).
pub const MIN_GAP: f64 = 50.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

fn side_of(r: &Rect, p: Point) -> Side {
    let d = [
        ((p.y - r.top()).abs(), Side::Top),
        ((p.y - r.bottom()).abs(), Side::Bottom),
        ((p.x - r.left()).abs(), Side::Left),
        ((p.x - r.right()).abs(), Side::Right),
    ];
    d.iter()
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(Side::Top, |x| x.1)
}

fn normal(s: Side) -> Point {
    match s {
        Side::Top => Point::new(0.0, -1.0),
        Side::Bottom => Point::new(0.0, 1.0),
        Side::Left => Point::new(-1.0, 0.0),
        Side::Right => Point::new(1.0, 0.0),
    }
}

fn add(p: Point, n: Point, k: f64) -> Point {
    Point::new(p.x + n.x * k, p.y + n.y * k)
}

/// Rebuild `path` so it starts at `port_a` (on a side with normal `na`)
/// and ends at `port_b` (normal `nb`), each with a straight stub.
fn rebuild(path: &EdgePath, port_a: (Point, Point), port_b: (Point, Point)) -> EdgePath {
    let (pa, na) = port_a;
    let (pb, nb) = port_b;
    let sa = add(pa, na, STUB);
    let sb = add(pb, nb, STUB);
    let mut segs: Vec<Seg> = vec![Seg::Line(sa)];
    let n = path.segs.len();
    // Handle length along a side's normal: about half the distance the
    // piece travels along that normal, so it bends once, smoothly.
    let handle = |from: Point, to: Point, nrm: Point| {
        (((to.x - from.x) * nrm.x + (to.y - from.y) * nrm.y).abs() * 0.45).max(STUB)
    };
    let mut prev = sa;
    for (k, s) in path.segs.iter().enumerate() {
        let first = k == 0;
        let last = k + 1 == n;
        let (c1, c2, e, curve) = match *s {
            Seg::Line(e) => (prev, e, e, false),
            Seg::Cubic(c1, c2, e) => (c1, c2, e, true),
        };
        let e = if last { sb } else { e };
        let seg = if first || last {
            let c1 = if first {
                add(sa, na, handle(sa, e, na))
            } else {
                c1
            };
            let c2 = if last {
                add(sb, nb, handle(prev, sb, nb))
            } else {
                c2
            };
            Seg::Cubic(c1, c2, e)
        } else if curve {
            Seg::Cubic(c1, c2, e)
        } else {
            Seg::Line(e)
        };
        prev = e;
        segs.push(seg);
    }
    if n == 0 {
        segs.push(Seg::Line(sb));
    }
    segs.push(Seg::Line(pb));
    EdgePath { start: pa, segs }
}

/// An edge end on a side: (position along the side, edge, is its start).
type End = (f64, usize, bool);

/// Give every edge between two different boxes (`ends[i]` = (from, to)
/// node indices) its own perpendicular ports on `nodes`.
pub(crate) fn spread(nodes: &[Rect], ends: &[(usize, usize)], paths: &mut [EdgePath]) {
    // (node, side) → [(position along the side, edge, is_start)]
    let mut groups: BTreeMap<(usize, Side), Vec<End>> = BTreeMap::new();
    for (i, &(a, b)) in ends.iter().enumerate() {
        if a == b || a >= nodes.len() || b >= nodes.len() || i >= paths.len() {
            continue;
        }
        for (node, start) in [(a, true), (b, false)] {
            let p = if start {
                paths[i].start
            } else {
                paths[i].end()
            };
            let side = side_of(&nodes[node], p);
            let along = match side {
                Side::Top | Side::Bottom => p.x,
                Side::Left | Side::Right => p.y,
            };
            groups
                .entry((node, side))
                .or_default()
                .push((along, i, start));
        }
    }
    let mut ports: Vec<[Option<(Point, Point)>; 2]> = vec![[None, None]; paths.len()];
    for ((node, side), mut list) in groups {
        let r = &nodes[node];
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let m = list.len();
        let (lo, hi) = match side {
            Side::Top | Side::Bottom => (r.left(), r.right()),
            Side::Left | Side::Right => (r.top(), r.bottom()),
        };
        let len = hi - lo;
        // Keep the engine's positions where they are far enough apart;
        // push neighbours apart (at most evenly spread) where they are not.
        let gap = (len / (m as f64 + 1.0)).min(MIN_GAP);
        let margin = (len * 0.15).min(gap);
        let mut pos: Vec<f64> = list
            .iter()
            .map(|e| e.0.clamp(lo + margin, hi - margin))
            .collect();
        for k in 1..m {
            pos[k] = pos[k].max(pos[k - 1] + gap);
        }
        let over = pos.last().map_or(0.0, |&p| p - (hi - margin));
        if over > 0.0 {
            for p in pos.iter_mut() {
                *p -= over;
            }
            for k in (0..m.saturating_sub(1)).rev() {
                pos[k] = pos[k].min(pos[k + 1] - gap);
            }
        }
        for (&(_, i, start), &pos) in list.iter().zip(&pos) {
            let p = match side {
                Side::Top => Point::new(pos, r.top()),
                Side::Bottom => Point::new(pos, r.bottom()),
                Side::Left => Point::new(r.left(), pos),
                Side::Right => Point::new(r.right(), pos),
            };
            ports[i][if start { 0 } else { 1 }] = Some((p, normal(side)));
        }
    }
    for (i, pp) in ports.iter().enumerate() {
        if let [Some(a), Some(b)] = *pp {
            paths[i] = rebuild(&paths[i], a, b);
        }
    }
}

/// Give every edge of a laid-out `graph` perpendicular ends, spread along
/// shared sides (for diagram types whose end markers are wide: ER's crow's
/// feet, requirement arrows).
pub fn spread_ports(graph: &super::Graph, geometry: &mut crate::geometry::Geometry) {
    let ends: Vec<(usize, usize)> = graph.edges.iter().map(|e| (e.from, e.to)).collect();
    let mut paths: Vec<EdgePath> = geometry.edges.iter().map(|e| e.path.clone()).collect();
    spread(&geometry.nodes, &ends, &mut paths);
    for (e, p) in geometry.edges.iter_mut().zip(paths) {
        e.path = p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: Point, b: Point) -> f64 {
        (a.x - b.x).hypot(a.y - b.y)
    }

    fn rect(x: f64, y: f64) -> Rect {
        Rect {
            x,
            y,
            width: 100.0,
            height: 50.0,
        }
    }

    #[test]
    fn ends_leave_at_right_angles_and_shared_sides_are_spread() {
        let nodes = [rect(100.0, 25.0), rect(50.0, 200.0), rect(150.0, 200.0)];
        let mk = |to: Point| EdgePath {
            start: Point::new(100.0, 50.0),
            segs: vec![Seg::Cubic(
                Point::new(80.0, 50.0),
                Point::new(to.x, to.y - 40.0),
                to,
            )],
        };
        let mut paths = vec![mk(Point::new(50.0, 175.0)), mk(Point::new(150.0, 175.0))];
        spread(&nodes, &[(0, 1), (0, 2)], &mut paths);
        // Two starts on node 0's bottom: different ports.
        assert!(dist(paths[0].start, paths[1].start) > 20.0);
        for p in &paths {
            // Straight down out of the top box, straight down into the lower one.
            let first = p.segs[0].end();
            assert_eq!(first.x, p.start.x);
            assert!(first.y > p.start.y);
            let end = p.end();
            assert_eq!(end.y, 175.0);
            let t = p.end_tangent();
            assert!(t.x.abs() < 1e-9 && t.y > 0.0, "{t:?}");
        }
    }
}
