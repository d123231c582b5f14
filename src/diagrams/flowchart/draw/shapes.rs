//! Node shapes as SVG elements filling a node's box.

use crate::diagrams::flowchart::model::Shape;
use crate::geometry::{Point, Rect};
use crate::shape::{cylinder_ry, outline};
use crate::svg::{num, Attrs};
use crate::theme::{DOUBLE_CIRCLE_GAP, ROUNDED_RADIUS, SUBROUTINE_INSET};

/// How an element of a shape is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// The node's fill and stroke.
    Body,
    /// The node's stroke only (inner lines, braces).
    Line,
    /// Filled with the node's stroke colour (junctions, fork bars).
    Solid,
    /// Not painted at all (the text shape's box, kept for its extent).
    Hidden,
}

/// One element of a shape: tag name, geometry attributes and how it is painted.
pub type Element = (&'static str, Attrs, Paint);

/// Where a node's label is centred for a label `lw` × `lh`.
pub fn label_centre(shape: Shape, r: &Rect, lw: f64, lh: f64) -> Point {
    let (dx, dy) = crate::shape::label_offset(shape, r.width, r.height, lw, lh);
    Point::new(r.x + dx, r.y + dy)
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
    ("rect", a, Paint::Body)
}

fn circle_el(c: Point, radius: f64, paint: Paint) -> Element {
    (
        "circle",
        vec![
            ("cx", num(c.x)),
            ("cy", num(c.y)),
            ("r", num(radius.max(0.0))),
        ],
        paint,
    )
}

fn path_el(d: String, paint: Paint) -> Element {
    ("path", vec![("d", d)], paint)
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

/// Open polylines through points given relative to the node's centre.
fn lines_d(r: &Rect, segs: &[&[(f64, f64)]]) -> String {
    let mut d = String::new();
    for seg in segs {
        for (i, (x, y)) in seg.iter().enumerate() {
            if !d.is_empty() {
                d.push(' ');
            }
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&format!("{},{}", num(r.x + x), num(r.y + y)));
        }
    }
    d
}

/// A curly brace along x = `x`, from `top` to `bottom`, its ends turned
/// towards +x when `dir` is 1 and towards -x when -1 (relative to the centre).
fn brace_d(r: &Rect, x: f64, top: f64, bottom: f64, dir: f64) -> String {
    let k = 6.0 * dir;
    let mid = (top + bottom) / 2.0;
    let p = |x: f64, y: f64| format!("{},{}", num(r.x + x), num(r.y + y));
    format!(
        "M{} Q{} {} L{} Q{} {} Q{} {} L{} Q{} {}",
        p(x + k, top),
        p(x, top),
        p(x, top + 6.0),
        p(x, mid - 6.0),
        p(x, mid),
        p(x - k, mid),
        p(x, mid),
        p(x, mid + 6.0),
        p(x, bottom - 6.0),
        p(x, bottom),
        p(x + k, bottom),
    )
}

/// The elements drawing `shape` in the box `r` (centre and size). The body
/// is the polygon of [`crate::shape::outline`] (or an exact primitive with
/// the same extent), so edges end on what is drawn.
pub fn shape_elements(shape: Shape, r: &Rect) -> Vec<Element> {
    let (w, h) = (r.width.max(0.0), r.height.max(0.0));
    let (hw, hh) = (w / 2.0, h / 2.0);
    let c = Point::new(r.x, r.y);
    let body = || path_el(polygon_d(r, &outline(shape, w, h)), Paint::Body);
    let hidden = || {
        let (t, a, _) = rect_el(r, 0.0);
        (t, a, Paint::Hidden)
    };
    match shape {
        Shape::Rect => vec![rect_el(r, 0.0)],
        Shape::Rounded => vec![rect_el(r, ROUNDED_RADIUS.min(w / 2.0).min(h / 2.0))],
        Shape::Stadium => vec![rect_el(r, w.min(h) / 2.0)],
        Shape::Text => vec![hidden()],
        Shape::Subroutine => {
            let inset = SUBROUTINE_INSET.min(w / 4.0);
            vec![
                rect_el(r, 0.0),
                path_el(
                    lines_d(
                        r,
                        &[
                            &[(-hw + inset, -hh), (-hw + inset, hh)],
                            &[(hw - inset, -hh), (hw - inset, hh)],
                        ],
                    ),
                    Paint::Line,
                ),
            ]
        }
        Shape::Cylinder | Shape::LinedCylinder => {
            let ry = cylinder_ry(w).min(hh);
            // The top cap's front edge (and for the lined form, a second one below it).
            let front = |y: f64| {
                format!(
                    "M{},{} A{},{} 0 0 0 {},{}",
                    num(r.left()),
                    num(r.y + y),
                    num(hw),
                    num(ry),
                    num(r.right()),
                    num(r.y + y)
                )
            };
            let mut v = vec![body(), path_el(front(-hh + ry), Paint::Line)];
            if shape == Shape::LinedCylinder {
                v.push(path_el(front(-hh + 2.0 * ry), Paint::Line));
            }
            v
        }
        Shape::HorizontalCylinder => {
            let rx = cylinder_ry(h).min(hw);
            let d = format!(
                "M{},{} A{},{} 0 0 0 {},{}",
                num(r.x + hw - rx),
                num(r.top()),
                num(rx),
                num(hh),
                num(r.x + hw - rx),
                num(r.bottom())
            );
            vec![body(), path_el(d, Paint::Line)]
        }
        Shape::Circle | Shape::SmallCircle => vec![circle_el(c, w.min(h) / 2.0, Paint::Body)],
        Shape::DoubleCircle => {
            let outer = w.min(h) / 2.0;
            let inner = (outer - DOUBLE_CIRCLE_GAP).max(outer / 2.0);
            vec![
                circle_el(c, outer, Paint::Body),
                circle_el(c, inner, Paint::Body),
            ]
        }
        Shape::FilledCircle => vec![circle_el(c, w.min(h) / 2.0, Paint::Solid)],
        Shape::FramedCircle => vec![
            circle_el(c, w.min(h) / 2.0, Paint::Body),
            circle_el(c, w.min(h) / 2.0 - 3.0, Paint::Solid),
        ],
        Shape::CrossedCircle => {
            let k = w.min(h) / 2.0 * std::f64::consts::FRAC_1_SQRT_2;
            vec![
                circle_el(c, w.min(h) / 2.0, Paint::Body),
                path_el(
                    lines_d(r, &[&[(-k, -k), (k, k)], &[(-k, k), (k, -k)]]),
                    Paint::Line,
                ),
            ]
        }
        Shape::ForkJoin => {
            let (t, a, _) = rect_el(r, 0.0);
            vec![(t, a, Paint::Solid)]
        }
        Shape::Hourglass => vec![path_el(
            lines_d(
                r,
                &[&[(-hw, -hh), (hw, -hh), (-hw, hh), (hw, hh), (-hw, -hh)]],
            ),
            Paint::Body,
        )],
        Shape::LinedRect => vec![
            rect_el(r, 0.0),
            path_el(
                lines_d(r, &[&[(-hw + 8.0, -hh), (-hw + 8.0, hh)]]),
                Paint::Line,
            ),
        ],
        Shape::DividedRect => {
            let y = -hh + h / 6.0;
            vec![
                rect_el(r, 0.0),
                path_el(lines_d(r, &[&[(-hw, y), (hw, y)]]), Paint::Line),
            ]
        }
        Shape::WindowPane => vec![
            rect_el(r, 0.0),
            path_el(
                lines_d(
                    r,
                    &[
                        &[(-hw + 10.0, -hh), (-hw + 10.0, hh)],
                        &[(-hw, -hh + 10.0), (hw, -hh + 10.0)],
                    ],
                ),
                Paint::Line,
            ),
        ],
        Shape::LinedDocument => {
            let x = -hw + w * 0.1 - 5.0;
            let a = crate::shape::wave_amplitude(h);
            vec![
                body(),
                path_el(lines_d(r, &[&[(x, -hh), (x, hh - a)]]), Paint::Line),
            ]
        }
        Shape::TaggedDocument => {
            let a = crate::shape::wave_amplitude(h);
            let t = (h * 0.25).min(w * 0.2);
            vec![
                body(),
                path_el(
                    polygon_d(
                        r,
                        &[
                            Point::new(hw, hh - a - t),
                            Point::new(hw, hh - 2.0 * a),
                            Point::new(hw - t * 1.6, hh - a * 0.3),
                        ],
                    ),
                    Paint::Body,
                ),
            ]
        }
        Shape::TaggedRect => {
            let t = 0.2 * h;
            vec![
                rect_el(r, 0.0),
                path_el(
                    polygon_d(
                        r,
                        &[
                            Point::new(hw, hh - t),
                            Point::new(hw, hh),
                            Point::new(hw - t, hh),
                        ],
                    ),
                    Paint::Body,
                ),
            ]
        }
        Shape::MultiDocument => {
            let a = crate::shape::wave_amplitude(h);
            let doc = |dx: f64, dy: f64| {
                let mut pts = vec![
                    Point::new(-hw + dx, -hh + 10.0 - dy),
                    Point::new(hw - 10.0 + dx, -hh + 10.0 - dy),
                ];
                let n = 24;
                for k in 0..=n {
                    let t = k as f64 / n as f64;
                    let x = hw - 10.0 + dx - (w - 10.0) * t;
                    let y = hh - dy - a + a * (2.0 * std::f64::consts::PI * t).sin();
                    pts.push(Point::new(x, y));
                }
                path_el(polygon_d(r, &pts), Paint::Body)
            };
            vec![doc(10.0, 10.0), doc(5.0, 5.0), doc(0.0, 0.0)]
        }
        Shape::MultiRect => {
            let rr = |d: f64| {
                rect_el(
                    &Rect {
                        x: r.x - 5.0 + d,
                        y: r.y + 5.0 - d,
                        width: w - 10.0,
                        height: h - 10.0,
                    },
                    0.0,
                )
            };
            vec![rr(10.0), rr(5.0), rr(0.0)]
        }
        Shape::BraceLeft | Shape::BraceRight | Shape::Braces => {
            let mut v = vec![hidden()];
            if shape != Shape::BraceRight {
                v.push(path_el(brace_d(r, -hw + 6.0, -hh, hh, 1.0), Paint::Line));
            }
            if shape != Shape::BraceLeft {
                v.push(path_el(brace_d(r, hw - 6.0, -hh, hh, -1.0), Paint::Line));
            }
            v
        }
        Shape::Icon | Shape::Image => {
            // A labelled placeholder: a dashed frame where the picture would be.
            let side = icon_side(r);
            let frame = Rect {
                x: r.x,
                y: r.top() + 8.0 + side / 2.0,
                width: side,
                height: side,
            };
            let (t, mut a, _) = rect_el(&frame, 4.0);
            a.push(("stroke-dasharray", "4 3".into()));
            let top = -hh + 8.0;
            let mark = if shape == Shape::Icon {
                lines_d(
                    r,
                    &[
                        &[(-8.0, top + 20.0), (8.0, top + 20.0)],
                        &[(0.0, top + 12.0), (0.0, top + 28.0)],
                    ],
                )
            } else {
                lines_d(
                    r,
                    &[&[
                        (-12.0, top + 30.0),
                        (-3.0, top + 16.0),
                        (4.0, top + 25.0),
                        (8.0, top + 20.0),
                        (12.0, top + 30.0),
                    ]],
                )
            };
            vec![
                rect_el(r, 4.0),
                (t, a, Paint::Line),
                path_el(mark, Paint::Line),
            ]
        }
        _ => vec![body()],
    }
}

/// Side of the square where an icon or image node's picture goes (its
/// top 8 px below the node's top).
pub(super) fn icon_side(r: &Rect) -> f64 {
    40.0_f64.min(r.width - 16.0).max(8.0)
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
        for &s in crate::shape::ALL_SHAPES {
            assert!(!shape_elements(s, &rect()).is_empty(), "{s:?}");
        }
        assert_eq!(shape_elements(Shape::DoubleCircle, &rect()).len(), 2);
    }

    #[test]
    fn stadium_has_fully_round_ends() {
        let (_, a, _) = &shape_elements(Shape::Stadium, &rect())[0];
        assert!(a.contains(&("rx", "20".to_string())));
    }
}
