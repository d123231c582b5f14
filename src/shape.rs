//! Node shapes: how big a node is for its label, and where its outline is.
//! Shared by layout (sizes, edge ports) and render (drawing).

use crate::geometry::Point;
use crate::model::Shape;

/// Size (width, height) of a node of `shape` whose label measures
/// `label_w` × `label_h`, with Mermaid's default paddings.
pub fn node_size(shape: Shape, label_w: f64, label_h: f64) -> (f64, f64) {
    let (w, h) = (label_w, label_h);
    match shape {
        Shape::Rect | Shape::Subroutine => (
            w + 60.0
                + if shape == Shape::Subroutine {
                    16.0
                } else {
                    0.0
                },
            h + 30.0,
        ),
        Shape::Rounded => (w + 30.0, h + 30.0),
        Shape::Stadium => (w + h + 30.0, h + 30.0),
        Shape::Cylinder => (w + 30.0, h + 50.0),
        Shape::Circle => {
            let d = w.max(h) + 30.0;
            (d, d)
        }
        Shape::DoubleCircle => {
            let d = w.max(h) + 40.0;
            (d, d)
        }
        Shape::Asymmetric => (w + 30.0 + (h + 30.0) / 2.0, h + 30.0),
        Shape::Diamond => {
            let s = w + h + 30.0;
            (s, s)
        }
        Shape::Hexagon => (w + 30.0 + (h + 30.0) / 2.0, h + 30.0),
        Shape::Parallelogram | Shape::ParallelogramAlt | Shape::Trapezoid | Shape::TrapezoidAlt => {
            (w + 30.0 + (h + 30.0), h + 30.0)
        }
        // Mermaid 11 shapes not sized in their own form yet: a rectangle's size.
        _ => (w + 60.0, h + 30.0),
    }
}

/// The outline of a node centred at the origin, as a closed polygon
/// (curved shapes approximated closely enough for edge ports).
pub fn outline(shape: Shape, w: f64, h: f64) -> Vec<Point> {
    let (hw, hh) = (w / 2.0, h / 2.0);
    let p = Point::new;
    match shape {
        Shape::Diamond => vec![p(0.0, -hh), p(hw, 0.0), p(0.0, hh), p(-hw, 0.0)],
        Shape::Hexagon => {
            let m = h / 4.0;
            vec![
                p(-hw + m, -hh),
                p(hw - m, -hh),
                p(hw, 0.0),
                p(hw - m, hh),
                p(-hw + m, hh),
                p(-hw, 0.0),
            ]
        }
        Shape::Circle | Shape::DoubleCircle => ellipse(hw, hh, 0.0, 0.0, 48),
        Shape::Stadium => {
            let r = hh.min(hw);
            let mut v = Vec::new();
            for k in 0..=12 {
                let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::PI * k as f64 / 12.0;
                v.push(p(hw - r + r * a.cos(), r * a.sin()));
            }
            for k in 0..=12 {
                let a = std::f64::consts::FRAC_PI_2 + std::f64::consts::PI * k as f64 / 12.0;
                v.push(p(-hw + r + r * a.cos(), r * a.sin()));
            }
            v
        }
        Shape::Asymmetric => {
            let m = h / 4.0;
            vec![
                p(-hw, -hh),
                p(hw, -hh),
                p(hw, hh),
                p(-hw, hh),
                p(-hw + m, 0.0),
            ]
        }
        Shape::Parallelogram => {
            let m = h / 2.0;
            vec![p(-hw + m, -hh), p(hw, -hh), p(hw - m, hh), p(-hw, hh)]
        }
        Shape::ParallelogramAlt => {
            let m = h / 2.0;
            vec![p(-hw, -hh), p(hw - m, -hh), p(hw, hh), p(-hw + m, hh)]
        }
        Shape::Trapezoid => {
            let m = h / 2.0;
            vec![p(-hw + m, -hh), p(hw - m, -hh), p(hw, hh), p(-hw, hh)]
        }
        Shape::TrapezoidAlt => {
            let m = h / 2.0;
            vec![p(-hw, -hh), p(hw, -hh), p(hw - m, hh), p(-hw + m, hh)]
        }
        _ => {
            vec![p(-hw, -hh), p(hw, -hh), p(hw, hh), p(-hw, hh)]
        }
    }
}

fn ellipse(rx: f64, ry: f64, cx: f64, cy: f64, n: usize) -> Vec<Point> {
    (0..n)
        .map(|k| {
            let a = 2.0 * std::f64::consts::PI * k as f64 / n as f64;
            Point::new(cx + rx * a.cos(), cy + ry * a.sin())
        })
        .collect()
}

/// Where a ray from the centre `c` towards `toward` leaves the outline
/// `poly` (given relative to the centre). Falls back to `c` when degenerate.
pub fn ray_exit(poly: &[Point], c: Point, toward: Point) -> Point {
    let d = Point::new(toward.x - c.x, toward.y - c.y);
    if d.x == 0.0 && d.y == 0.0 {
        return c;
    }
    let mut best: Option<f64> = None;
    for i in 0..poly.len() {
        let a = poly[i];
        let b = poly[(i + 1) % poly.len()];
        // Solve c + t d = a + s (b - a), t >= 0, 0 <= s <= 1 (a, b relative to c).
        let e = Point::new(b.x - a.x, b.y - a.y);
        let den = d.x * e.y - d.y * e.x;
        if den.abs() < 1e-12 {
            continue;
        }
        let t = (a.x * e.y - a.y * e.x) / den;
        let s = (a.x * d.y - a.y * d.x) / den;
        if t >= 0.0 && (-1e-9..=1.0 + 1e-9).contains(&s) {
            best = Some(best.map_or(t, |bt: f64| bt.max(t)));
        }
    }
    match best {
        Some(t) => Point::new(c.x + t * d.x, c.y + t * d.y),
        None => c,
    }
}

/// How far the outline reaches from the centre line along the rank axis at a
/// given cross-axis offset: the depth of the outline's bottom (or top) side
/// at `offset` from the centre, for a node whose cross size is `cross` and
/// rank size is `depth2` (full extent). `poly` is the outline in abstract
/// (cross, rank) coordinates. Returns the largest rank coordinate of the
/// outline on the vertical line `x = offset`, or `None` if it misses.
pub fn depth_at(poly: &[Point], offset: f64) -> Option<f64> {
    let mut best: Option<f64> = None;
    for i in 0..poly.len() {
        let a = poly[i];
        let b = poly[(i + 1) % poly.len()];
        let (lo, hi) = if a.x <= b.x { (a, b) } else { (b, a) };
        if offset < lo.x - 1e-9 || offset > hi.x + 1e-9 {
            continue;
        }
        let y = if (hi.x - lo.x).abs() < 1e-12 {
            lo.y.max(hi.y)
        } else {
            lo.y + (hi.y - lo.y) * (offset - lo.x) / (hi.x - lo.x)
        };
        best = Some(best.map_or(y, |v: f64| v.max(y)));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diamond_depth_shrinks_towards_the_corner() {
        let poly = outline(Shape::Diamond, 100.0, 100.0);
        assert!((depth_at(&poly, 0.0).unwrap() - 50.0).abs() < 1e-9);
        assert!((depth_at(&poly, 25.0).unwrap() - 25.0).abs() < 1e-9);
        assert!(depth_at(&poly, 60.0).is_none());
    }

    #[test]
    fn ray_leaves_a_rect_on_its_side() {
        let poly = outline(Shape::Rect, 100.0, 40.0);
        let p = ray_exit(&poly, Point::new(0.0, 0.0), Point::new(200.0, 0.0));
        assert!((p.x - 50.0).abs() < 1e-9 && p.y.abs() < 1e-9);
    }
}
