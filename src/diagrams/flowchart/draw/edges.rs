//! Edge paths and their end markers.
//!
//! Every marker is drawn in a 10×10 viewBox with its reference point at the
//! centre (5, 5), scaled to its size in user units (`markerUnits =
//! userSpaceOnUse`, so thick edges keep the same heads). The path is
//! shortened at a marked end by half the marker's size, so the marker's far
//! side (an arrow's tip) lands exactly where the path ended — on the node's
//! outline — and the line itself stops inside the marker instead of poking
//! out past the tip.

use crate::diagrams::flowchart::model::{ArrowHead, Edge, Stroke};
use crate::geometry::{EdgePath, Point, Seg};
use crate::svg::{num, Writer};
use crate::theme::{ARROW_CIRCLE_SIZE, ARROW_CROSS_SIZE, ARROW_POINT_SIZE};

/// The kinds of marker, in the (fixed) order their definitions are written.
pub const MARKER_KINDS: [ArrowHead; 3] = [ArrowHead::Normal, ArrowHead::Circle, ArrowHead::Cross];

/// Id of the marker for `head` in colour number `colour` (0 is the
/// theme's line colour; others are `linkStyle` colours in order of first
/// use). `None` for [`ArrowHead::None`].
pub fn marker_id(svg_id: &str, head: ArrowHead, colour: usize) -> Option<String> {
    let name = match head {
        ArrowHead::None => return None,
        ArrowHead::Normal => "point",
        ArrowHead::Circle => "circle",
        ArrowHead::Cross => "cross",
    };
    Some(if colour == 0 {
        format!("{svg_id}-arrow-{name}")
    } else {
        format!("{svg_id}-arrow-{name}-{colour}")
    })
}

/// Size of a marker along the edge, in user units.
pub fn marker_size(head: ArrowHead) -> f64 {
    match head {
        ArrowHead::None => 0.0,
        ArrowHead::Normal => ARROW_POINT_SIZE,
        ArrowHead::Circle => ARROW_CIRCLE_SIZE,
        ArrowHead::Cross => ARROW_CROSS_SIZE,
    }
}

/// Write `<marker>` definitions for the marker kinds in `used` (in
/// [`MARKER_KINDS`] order). One definition serves both ends:
/// `orient="auto-start-reverse"` turns it around at the start of a path.
pub fn write_markers(
    w: &mut Writer,
    svg_id: &str,
    used: &[(ArrowHead, usize)],
    colours: &[String],
) {
    for (kind, ci) in MARKER_KINDS
        .iter()
        .flat_map(|k| (0..colours.len()).map(move |c| (*k, c)))
    {
        if !used.contains(&(kind, ci)) {
            continue;
        }
        let Some(id) = marker_id(svg_id, kind, ci) else {
            continue;
        };
        let colour = &colours[ci];
        let size = num(marker_size(kind));
        w.open(
            "marker",
            &[
                ("id", id),
                ("class", "marker".into()),
                ("viewBox", "0 0 10 10".into()),
                ("refX", "5".into()),
                ("refY", "5".into()),
                ("markerUnits", "userSpaceOnUse".into()),
                ("markerWidth", size.clone()),
                ("markerHeight", size),
                ("orient", "auto-start-reverse".into()),
            ],
        );
        match kind {
            ArrowHead::Normal => w.leaf(
                "path",
                &[
                    ("d", "M0,0 L10,5 L0,10 Z".into()),
                    ("fill", colour.clone()),
                    ("stroke", "none".into()),
                ],
            ),
            ArrowHead::Circle => w.leaf(
                "circle",
                &[
                    ("cx", "5".into()),
                    ("cy", "5".into()),
                    ("r", "5".into()),
                    ("fill", colour.clone()),
                    ("stroke", "none".into()),
                ],
            ),
            ArrowHead::Cross => w.leaf(
                "path",
                &[
                    ("d", "M1,1 L9,9 M1,9 L9,1".into()),
                    ("fill", "none".into()),
                    ("stroke", colour.clone()),
                    ("stroke-width", "2".into()),
                ],
            ),
            ArrowHead::None => {}
        }
        w.close("marker");
    }
}

fn unit(v: Point) -> Option<Point> {
    let len = v.x.hypot(v.y);
    (len > 1e-9 && len.is_finite()).then(|| Point::new(v.x / len, v.y / len))
}

fn dist(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

fn shift(p: Point, u: Point, by: f64) -> Point {
    Point::new(p.x - u.x * by, p.y - u.y * by)
}

/// `path` with its start pulled in by `trim_start` and its end by
/// `trim_end` along the path's direction there. The end tangents are kept
/// (a cubic's neighbouring control point moves with its end point). A trim
/// is skipped when the end segment is too short to take it.
pub fn trimmed(path: &EdgePath, trim_start: f64, trim_end: f64) -> EdgePath {
    let mut p = path.clone();
    if p.segs.is_empty() {
        return p;
    }
    if trim_end > 0.0 {
        if let Some(u) = unit(p.end_tangent()) {
            let n = p.segs.len();
            let from = if n >= 2 { p.segs[n - 2].end() } else { p.start };
            let budget = if n == 1 { trim_start.max(0.0) } else { 0.0 };
            let last = &mut p.segs[n - 1];
            if dist(from, last.end()) > trim_end + budget + 1.0 {
                *last = match *last {
                    Seg::Line(e) => Seg::Line(shift(e, u, trim_end)),
                    Seg::Cubic(c1, c2, e) => {
                        Seg::Cubic(c1, shift(c2, u, trim_end), shift(e, u, trim_end))
                    }
                };
            }
        }
    }
    if trim_start > 0.0 {
        // `start_tangent` points away from the path; move against it.
        if let Some(u) = unit(path.start_tangent()) {
            let first_end = p.segs[0].end();
            if dist(p.start, first_end) > trim_start + 1.0 {
                p.start = shift(p.start, u, trim_start);
                if let Seg::Cubic(c1, c2, e) = p.segs[0] {
                    p.segs[0] = Seg::Cubic(shift(c1, u, trim_start), c2, e);
                }
            }
        }
    }
    p
}

/// The `d` attribute of a path.
pub fn path_d(path: &EdgePath) -> String {
    let pt = |p: Point| format!("{},{}", num(p.x), num(p.y));
    let mut d = format!("M{}", pt(path.start));
    for s in &path.segs {
        match *s {
            Seg::Line(p) => {
                d.push_str(" L");
                d.push_str(&pt(p));
            }
            Seg::Cubic(a, b, p) => {
                d.push_str(&format!(" C{} {} {}", pt(a), pt(b), pt(p)));
            }
        }
    }
    d
}

/// Stroke width and dash pattern of an edge; `None` when it is not drawn.
pub fn stroke_of(edge: &Edge) -> Option<(f64, Option<&'static str>)> {
    use crate::theme::{EDGE_DOTTED_DASH, EDGE_THICK_WIDTH, EDGE_WIDTH};
    match edge.stroke {
        Stroke::Normal => Some((EDGE_WIDTH, None)),
        Stroke::Thick => Some((EDGE_THICK_WIDTH, None)),
        Stroke::Dotted => Some((EDGE_WIDTH, Some(EDGE_DOTTED_DASH))),
        Stroke::Invisible => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_a_line_keeps_direction_and_moves_the_end() {
        let path = EdgePath {
            start: Point::new(0.0, 0.0),
            segs: vec![Seg::Line(Point::new(0.0, 100.0))],
        };
        let t = trimmed(&path, 5.0, 4.0);
        assert_eq!(t.start, Point::new(0.0, 5.0));
        assert_eq!(t.end(), Point::new(0.0, 96.0));
    }

    #[test]
    fn trimming_a_cubic_moves_its_end_control_point_too() {
        let path = EdgePath {
            start: Point::new(0.0, 0.0),
            segs: vec![Seg::Cubic(
                Point::new(0.0, 30.0),
                Point::new(50.0, 70.0),
                Point::new(50.0, 100.0),
            )],
        };
        let t = trimmed(&path, 0.0, 4.0);
        match t.segs[0] {
            Seg::Cubic(c1, c2, e) => {
                assert_eq!(c1, Point::new(0.0, 30.0));
                assert_eq!(c2, Point::new(50.0, 66.0));
                assert_eq!(e, Point::new(50.0, 96.0));
            }
            _ => panic!(),
        }
        assert_eq!(t.start, path.start);
    }

    #[test]
    fn short_paths_are_left_alone() {
        let path = EdgePath {
            start: Point::new(0.0, 0.0),
            segs: vec![Seg::Line(Point::new(3.0, 0.0))],
        };
        assert_eq!(trimmed(&path, 4.0, 4.0), path);
    }

    #[test]
    fn path_data_uses_short_numbers() {
        let path = EdgePath {
            start: Point::new(1.0, 2.5),
            segs: vec![
                Seg::Line(Point::new(3.333, 4.0)),
                Seg::Cubic(
                    Point::new(5.0, 6.0),
                    Point::new(7.0, 8.0),
                    Point::new(9.0, 10.0),
                ),
            ],
        };
        assert_eq!(path_d(&path), "M1,2.5 L3.33,4 C5,6 7,8 9,10");
    }
}
