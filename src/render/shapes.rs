//! Node shapes as SVG elements filling a node's box.

use super::svg::{num, Attrs};
use super::theme::{DOUBLE_CIRCLE_GAP, ROUNDED_RADIUS, SUBROUTINE_INSET};
use crate::geometry::{Point, Rect};
use crate::model::Shape;
use crate::shape::outline;

/// One element of a shape: tag name and its geometry attributes (paint is
/// added by the caller).
pub type Element = (&'static str, Attrs);

/// Vertical radius of a cylinder's elliptic caps for a node `w` wide and
/// `h` tall (flatter for wider nodes, at most a quarter of the height).
pub fn cylinder_ry(w: f64, h: f64) -> f64 {
    let rx = w / 2.0;
    (rx / (2.5 + w / 50.0)).min(h / 4.0).max(0.0)
}

/// Where a node's label is centred: the box centre, except for a cylinder,
/// whose label sits in the middle of its front face (below the top cap).
pub fn label_centre(shape: Shape, r: &Rect) -> Point {
    match shape {
        Shape::Cylinder => Point::new(r.x, r.y + cylinder_ry(r.width, r.height)),
        _ => Point::new(r.x, r.y),
    }
}

fn rect_el(r: &Rect, radius: f64) -> Element {
    let mut a: Attrs = vec![
        ("x", num(r.left())),
        ("y", num(r.top())),
        ("width", num(r.width)),
        ("height", num(r.height)),
    ];
    if radius > 0.0 {
        a.push(("rx", num(radius)));
        a.push(("ry", num(radius)));
    }
    ("rect", a)
}

fn circle_el(c: Point, radius: f64) -> Element {
    (
        "circle",
        vec![
            ("cx", num(c.x)),
            ("cy", num(c.y)),
            ("r", num(radius.max(0.0))),
        ],
    )
}

fn path_el(d: String) -> Element {
    ("path", vec![("d", d)])
}

fn polygon_d(r: &Rect, pts: &[Point]) -> String {
    let mut d = String::new();
    for (i, p) in pts.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        d.push_str(&format!("{},{}", num(r.x + p.x), num(r.y + p.y)));
    }
    d.push_str(" Z");
    d
}

/// The elements drawing `shape` in the box `r` (centre and size).
pub fn shape_elements(shape: Shape, r: &Rect) -> Vec<Element> {
    let (l, t, rt, b) = (r.left(), r.top(), r.right(), r.bottom());
    let (w, h) = (r.width.max(0.0), r.height.max(0.0));
    match shape {
        Shape::Rect => vec![rect_el(r, 0.0)],
        Shape::Rounded => vec![rect_el(r, ROUNDED_RADIUS.min(w / 2.0).min(h / 2.0))],
        Shape::Stadium => vec![rect_el(r, w.min(h) / 2.0)],
        Shape::Subroutine => {
            let inset = SUBROUTINE_INSET.min(w / 4.0);
            let d = format!(
                "M{l},{t} H{rt} V{b} H{l} Z M{il},{t} V{b} M{ir},{t} V{b}",
                l = num(l),
                t = num(t),
                rt = num(rt),
                b = num(b),
                il = num(l + inset),
                ir = num(rt - inset),
            );
            vec![path_el(d)]
        }
        Shape::Cylinder => {
            let rx = w / 2.0;
            let ry = cylinder_ry(w, h);
            // Silhouette (over the back of the top cap, down, under the
            // bottom cap, up), then the front edge of the top cap.
            let d = format!(
                "M{l},{ty} A{rx},{ry} 0 0 1 {rt},{ty} V{by} A{rx},{ry} 0 0 1 {l},{by} Z \
                 M{l},{ty} A{rx},{ry} 0 0 0 {rt},{ty}",
                l = num(l),
                rt = num(rt),
                ty = num(t + ry),
                by = num(b - ry),
                rx = num(rx),
                ry = num(ry),
            );
            vec![path_el(d)]
        }
        Shape::Circle => vec![circle_el(Point::new(r.x, r.y), w.min(h) / 2.0)],
        Shape::DoubleCircle => {
            let outer = w.min(h) / 2.0;
            let inner = (outer - DOUBLE_CIRCLE_GAP).max(outer / 2.0);
            vec![
                circle_el(Point::new(r.x, r.y), outer),
                circle_el(Point::new(r.x, r.y), inner),
            ]
        }
        Shape::Asymmetric
        | Shape::Diamond
        | Shape::Hexagon
        | Shape::Parallelogram
        | Shape::ParallelogramAlt
        | Shape::Trapezoid
        | Shape::TrapezoidAlt => vec![path_el(polygon_d(r, &outline(shape, w, h)))],
        // Mermaid 11 shapes not drawn in their own form yet: a plain box.
        _ => vec![rect_el(r, 0.0)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect() -> Rect {
        Rect {
            x: 100.0,
            y: 50.0,
            width: 80.0,
            height: 40.0,
        }
    }

    #[test]
    fn diamond_touches_the_edge_midpoints() {
        let els = shape_elements(Shape::Diamond, &rect());
        assert_eq!(els.len(), 1);
        let d = &els[0].1[0].1;
        for p in ["100,30", "140,50", "100,70", "60,50"] {
            assert!(d.contains(p), "{d} lacks {p}");
        }
    }

    #[test]
    fn every_shape_has_an_element() {
        use Shape::*;
        for s in [
            Rect,
            Rounded,
            Stadium,
            Subroutine,
            Cylinder,
            Circle,
            DoubleCircle,
            Asymmetric,
            Diamond,
            Hexagon,
            Parallelogram,
            ParallelogramAlt,
            Trapezoid,
            TrapezoidAlt,
        ] {
            assert!(!shape_elements(s, &rect()).is_empty(), "{s:?}");
        }
        assert_eq!(shape_elements(DoubleCircle, &rect()).len(), 2);
    }

    #[test]
    fn stadium_has_fully_round_ends() {
        let (_, a) = &shape_elements(Shape::Stadium, &rect())[0];
        assert!(a.contains(&("rx", "20".to_string())));
    }
}
