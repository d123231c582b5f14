//! Orthogonal edge routes around obstacles, and label places on them.
//!
//! An edge leaves its end's named side with a short straight stub, then
//! follows a shortest path with few bends on a sparse grid whose lines are
//! the stubs' ends and the sides of every obstacle (grown by a clearance)
//! — a visibility grid. A segment may not pass through the inside of an
//! obstacle; obstacles that hold a stub's end are ignored for that edge.
//! The search is Dijkstra over (grid point, heading) with a cost per bend.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::layout::Boxed;
use super::model::Side;
use crate::geometry::Point;

/// Room kept between a route and an obstacle.
pub const CLEAR: f64 = 10.0;
/// Length of the straight stub out of a side.
pub const STUB: f64 = 20.0;
/// Cost of one bend, in pixels of length.
const BEND: f64 = 60.0;
/// Largest search grid (points) before falling back to plain elbows.
const MAX_POINTS: usize = 160_000;

/// Up to this many obstacles, every edge is routed among all of them;
/// beyond, among those near its ends ([`Near`]), so a diagram of
/// thousands of services routes in near-linear time.
pub const FEW: usize = 200;

/// Obstacles sorted by their left side, to find those meeting a window
/// without looking at all of them.
pub struct Near {
    boxes: Vec<Boxed>,
    /// Indexes into `boxes` by `x`.
    by_x: Vec<usize>,
    /// The widest box's width (how far left of a window a box meeting it
    /// may start).
    widest: f64,
}

impl Near {
    pub fn new(boxes: &[Boxed]) -> Near {
        let mut by_x: Vec<usize> = (0..boxes.len()).collect();
        by_x.sort_by(|&i, &j| boxes[i].x.total_cmp(&boxes[j].x).then(i.cmp(&j)));
        let widest = boxes
            .iter()
            .map(|b| b.w)
            .filter(|w| w.is_finite())
            .fold(0.0, f64::max);
        Near {
            boxes: boxes.to_vec(),
            by_x,
            widest,
        }
    }

    /// The boxes meeting `w` (edges included), in their original order.
    pub fn within(&self, w: &Boxed) -> Vec<Boxed> {
        let lo = self
            .by_x
            .partition_point(|&i| self.boxes[i].x < w.x - self.widest);
        let mut hits: Vec<usize> = Vec::new();
        for &i in self.by_x.get(lo..).unwrap_or(&[]) {
            let b = &self.boxes[i];
            crate::work::add(1);
            if b.x > w.x + w.w {
                break;
            }
            if meets(b, w) {
                hits.push(i);
            }
        }
        hits.sort_unstable();
        hits.into_iter().map(|i| self.boxes[i]).collect()
    }
}

/// Whether two boxes meet (edges included).
pub fn meets(a: &Boxed, b: &Boxed) -> bool {
    a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h
}

/// The unit step out of a side.
pub fn normal(s: Side) -> (f64, f64) {
    match s {
        Side::L => (-1.0, 0.0),
        Side::R => (1.0, 0.0),
        Side::T => (0.0, -1.0),
        Side::B => (0.0, 1.0),
    }
}

fn grown(b: &Boxed, m: f64) -> Boxed {
    Boxed {
        x: b.x - m,
        y: b.y - m,
        w: b.w + 2.0 * m,
        h: b.h + 2.0 * m,
    }
}

/// Strictly inside (by more than a hair).
fn holds(b: &Boxed, p: Point) -> bool {
    p.x > b.x + 0.01 && p.x < b.x + b.w - 0.01 && p.y > b.y + 0.01 && p.y < b.y + b.h - 0.01
}

/// Whether the axis-parallel segment p–q passes through b's inside.
pub fn cuts(b: &Boxed, p: Point, q: Point) -> bool {
    let e = 0.01;
    if (p.y - q.y).abs() < e {
        let (x0, x1) = (p.x.min(q.x), p.x.max(q.x));
        p.y > b.y + e && p.y < b.y + b.h - e && x1 > b.x + e && x0 < b.x + b.w - e
    } else if (p.x - q.x).abs() < e {
        let (y0, y1) = (p.y.min(q.y), p.y.max(q.y));
        p.x > b.x + e && p.x < b.x + b.w - e && y1 > b.y + e && y0 < b.y + b.h - e
    } else {
        // Not axis-parallel: test its bounding box.
        let r = Boxed {
            x: p.x.min(q.x),
            y: p.y.min(q.y),
            w: (p.x - q.x).abs(),
            h: (p.y - q.y).abs(),
        };
        r.x < b.x + b.w && b.x < r.x + r.w && r.y < b.y + b.h && b.y < r.y + r.h
    }
}

#[derive(PartialEq)]
struct State {
    cost: f64,
    at: usize,
    dir: usize,
}

impl Eq for State {}

impl Ord for State {
    fn cmp(&self, o: &Self) -> Ordering {
        o.cost
            .total_cmp(&self.cost)
            .then_with(|| o.at.cmp(&self.at))
            .then_with(|| o.dir.cmp(&self.dir))
    }
}

impl PartialOrd for State {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.retain(|x| x.is_finite());
    v.sort_by(f64::total_cmp);
    v.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    v
}

/// Drop points where the route goes straight on.
pub fn simplify(pts: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(pts.len());
    for p in pts {
        if let Some(l) = out.last() {
            if (l.x - p.x).abs() < 0.01 && (l.y - p.y).abs() < 0.01 {
                continue;
            }
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// A route from `a` (leaving by `sa`) to `b` (entering by `sb`) around
/// `obstacles`, or `None` when no route was found (the caller then draws
/// plain elbows).
pub fn route(a: Point, sa: Side, b: Point, sb: Side, obstacles: &[Boxed]) -> Option<Vec<Point>> {
    let (na, nb) = (normal(sa), normal(sb));
    let a1 = Point::new(a.x + na.0 * STUB, a.y + na.1 * STUB);
    let b1 = Point::new(b.x + nb.0 * STUB, b.y + nb.1 * STUB);
    let obs: Vec<Boxed> = obstacles
        .iter()
        .map(|o| grown(o, CLEAR))
        .filter(|o| !holds(o, a1) && !holds(o, b1))
        .collect();
    let mut xs = vec![a1.x, b1.x];
    let mut ys = vec![a1.y, b1.y];
    for o in &obs {
        xs.extend([o.x, o.x + o.w]);
        ys.extend([o.y, o.y + o.h]);
    }
    crate::work::add(xs.len() + ys.len());
    let (xs, ys) = (sorted(xs), sorted(ys));
    let (nx, ny) = (xs.len(), ys.len());
    if nx * ny > MAX_POINTS || nx == 0 || ny == 0 {
        return None;
    }
    let find = |v: &[f64], t: f64| v.iter().position(|x| (x - t).abs() < 0.5);
    let (Some(sx), Some(sy), Some(tx), Some(ty)) = (
        find(&xs, a1.x),
        find(&ys, a1.y),
        find(&xs, b1.x),
        find(&ys, b1.y),
    ) else {
        return None;
    };
    let pt = |i: usize| Point::new(xs[i % nx], ys[i / nx]);
    let blocked = |p: Point| obs.iter().any(|o| holds(o, p));
    // Headings: 0 right, 1 left, 2 down, 3 up.
    let head_of = |n: (f64, f64)| -> usize {
        if n.0 > 0.5 {
            0
        } else if n.0 < -0.5 {
            1
        } else if n.1 > 0.5 {
            2
        } else {
            3
        }
    };
    let start = sy * nx + sx;
    let goal = ty * nx + tx;
    // Arriving at the goal heading into b (against b's normal).
    let goal_dir = head_of((-nb.0, -nb.1));
    let mut dist = vec![f64::INFINITY; nx * ny * 4];
    let mut prev = vec![usize::MAX; nx * ny * 4];
    let mut heap = BinaryHeap::new();
    let d0 = head_of(na);
    dist[start * 4 + d0] = 0.0;
    heap.push(State {
        cost: 0.0,
        at: start,
        dir: d0,
    });
    let mut end_state = None;
    let mut pops = 0usize;
    while let Some(State { cost, at, dir }) = heap.pop() {
        pops += 1;
        // Each step looks at every obstacle of the search.
        crate::work::add(1 + obs.len());
        if pops > 4 * MAX_POINTS {
            break;
        }
        if cost > dist[at * 4 + dir] {
            continue;
        }
        if at == goal {
            let extra = if dir == goal_dir { 0.0 } else { BEND * 2.0 };
            let total = cost + extra;
            match end_state {
                Some((c, _)) if c <= total => {}
                _ => end_state = Some((total, at * 4 + dir)),
            }
            continue;
        }
        if let Some((c, _)) = end_state {
            if cost >= c {
                break;
            }
        }
        let (ix, iy) = (at % nx, at / nx);
        let steps: [(usize, Option<usize>); 4] = [
            (0, (ix + 1 < nx).then(|| at + 1)),
            (1, ix.checked_sub(1).map(|_| at - 1)),
            (2, (iy + 1 < ny).then(|| at + nx)),
            (3, iy.checked_sub(1).map(|_| at - nx)),
        ];
        for (nd, next) in steps {
            let Some(next) = next else { continue };
            // No turning back.
            if (nd ^ 1) == dir {
                continue;
            }
            let (p, q) = (pt(at), pt(next));
            if (blocked(q) && next != goal) || obs.iter().any(|o| cuts(o, p, q)) {
                continue;
            }
            let len = (p.x - q.x).abs() + (p.y - q.y).abs();
            let c = cost + len + if nd == dir { 0.0 } else { BEND };
            let k = next * 4 + nd;
            if c < dist[k] {
                dist[k] = c;
                prev[k] = at * 4 + dir;
                heap.push(State {
                    cost: c,
                    at: next,
                    dir: nd,
                });
            }
        }
    }
    let (_, mut k) = end_state?;
    let mut rev = vec![b, b1];
    let mut guard = 0;
    while k != start * 4 + d0 && guard < nx * ny * 4 {
        rev.push(pt(k / 4));
        k = *prev.get(k)?;
        if k == usize::MAX {
            return None;
        }
        guard += 1;
    }
    rev.push(a1);
    rev.push(a);
    rev.reverse();
    Some(simplify(rev))
}

/// A point at `t` (0..1) of the way along a polyline.
pub fn along(pts: &[Point], t: f64) -> Point {
    let total: f64 = pts
        .windows(2)
        .map(|w| (w[0].x - w[1].x).abs() + (w[0].y - w[1].y).abs())
        .sum();
    let mut left = total * t.clamp(0.0, 1.0);
    for w in pts.windows(2) {
        let l = (w[0].x - w[1].x).abs() + (w[0].y - w[1].y).abs();
        if left <= l && l > 0.0 {
            let f = left / l;
            return Point::new(
                w[0].x + (w[1].x - w[0].x) * f,
                w[0].y + (w[1].y - w[0].y) * f,
            );
        }
        left -= l;
    }
    pts.last().copied().unwrap_or(Point::new(0.0, 0.0))
}
