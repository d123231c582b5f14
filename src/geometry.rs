//! Geometry: the output of layout and the input of render. Screen
//! coordinates (y grows downward), in SVG user units (px).

/// A point.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    let (qx, qy) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    (qx * qx + qy * qy).sqrt()
}

impl EdgePath {
    /// Whether the path (sampled) passes within `tol` of `p`.
    pub fn passes_near(&self, p: Point, tol: f64) -> bool {
        self.sample(16)
            .windows(2)
            .any(|w| distance_to_segment(p, w[0], w[1]) <= tol)
    }
}

/// An axis-aligned box given by its centre and size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn left(&self) -> f64 {
        self.x - self.width / 2.0
    }
    pub fn right(&self) -> f64 {
        self.x + self.width / 2.0
    }
    pub fn top(&self) -> f64 {
        self.y - self.height / 2.0
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height / 2.0
    }
}

/// One piece of an edge path, continuing from the previous end point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    Line(Point),
    /// Cubic Bézier: two control points, then the end point.
    Cubic(Point, Point, Point),
}

impl Seg {
    pub fn end(&self) -> Point {
        match *self {
            Seg::Line(p) => p,
            Seg::Cubic(_, _, p) => p,
        }
    }
}

/// The drawn path of an edge, tail to head. It starts and ends on the
/// outlines of the two nodes; markers are drawn at the ends by render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgePath {
    pub start: Point,
    pub segs: Vec<Seg>,
}

impl EdgePath {
    pub fn end(&self) -> Point {
        self.segs.last().map(|s| s.end()).unwrap_or(self.start)
    }

    /// The path as a polyline, each cubic sampled in `n` steps.
    pub fn sample(&self, n: usize) -> Vec<Point> {
        let mut out = vec![self.start];
        let mut cur = self.start;
        for s in &self.segs {
            match *s {
                Seg::Line(p) => out.push(p),
                Seg::Cubic(c1, c2, p) => {
                    for k in 1..=n {
                        let t = k as f64 / n as f64;
                        let u = 1.0 - t;
                        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                        out.push(Point::new(
                            a * cur.x + b * c1.x + c * c2.x + d * p.x,
                            a * cur.y + b * c1.y + c * c2.y + d * p.y,
                        ));
                    }
                }
            }
            cur = s.end();
        }
        out
    }

    /// Direction of travel at the head end (unit-less vector from the last
    /// distinct point to the end), used to orient markers.
    pub fn end_tangent(&self) -> Point {
        let end = self.end();
        let prev = match self.segs.last() {
            Some(Seg::Cubic(_, c2, _)) if *c2 != end => *c2,
            _ => {
                let pts = self.sample(1);
                let mut p = self.start;
                for q in pts.iter().rev() {
                    if *q != end {
                        p = *q;
                        break;
                    }
                }
                p
            }
        };
        Point::new(end.x - prev.x, end.y - prev.y)
    }

    /// Direction of travel at the tail end, pointing away from the path.
    pub fn start_tangent(&self) -> Point {
        let next = match self.segs.first() {
            Some(Seg::Cubic(c1, _, _)) if *c1 != self.start => *c1,
            Some(s) => s.end(),
            None => self.start,
        };
        Point::new(self.start.x - next.x, self.start.y - next.y)
    }
}

/// Geometry of one edge.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeGeom {
    pub path: EdgePath,
    /// The label's box, centred on the edge, if the edge has a label.
    pub label: Option<Rect>,
}

/// Geometry of one subgraph box.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ClusterGeom {
    pub rect: Rect,
    /// The title's box (centred horizontally at the top of `rect`).
    pub title: Rect,
}

/// Everything render needs to place: indices match the graph's nodes,
/// edges and subgraphs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Geometry {
    /// Size of the drawing, including the outer margin; every box and path
    /// lies within `0..width` × `0..height`.
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Rect>,
    pub edges: Vec<EdgeGeom>,
    pub clusters: Vec<ClusterGeom>,
}

impl Geometry {
    /// Move everything (boxes, cluster boxes and titles, edge paths and
    /// labels) by `(dx, dy)`; the canvas size is unchanged.
    pub fn translate(&mut self, dx: f64, dy: f64) {
        let mv = |p: &mut Point| {
            p.x += dx;
            p.y += dy;
        };
        for r in &mut self.nodes {
            r.x += dx;
            r.y += dy;
        }
        for c in &mut self.clusters {
            c.rect.x += dx;
            c.rect.y += dy;
            c.title.x += dx;
            c.title.y += dy;
        }
        for e in &mut self.edges {
            mv(&mut e.path.start);
            for s in &mut e.path.segs {
                match s {
                    Seg::Line(p) => mv(p),
                    Seg::Cubic(a, b, p) => {
                        mv(a);
                        mv(b);
                        mv(p);
                    }
                }
            }
            if let Some(l) = &mut e.label {
                l.x += dx;
                l.y += dy;
            }
        }
    }
}

/// Flow direction of a diagram or subgraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    TB,
    BT,
    LR,
    RL,
}

impl Direction {
    /// Parse `TB`, `TD`, `BT`, `LR`, `RL` (case-sensitive as in Mermaid, plus lower case).
    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "TB" | "TD" | "tb" | "td" => Some(Direction::TB),
            "BT" | "bt" => Some(Direction::BT),
            "LR" | "lr" => Some(Direction::LR),
            "RL" | "rl" => Some(Direction::RL),
            _ => None,
        }
    }

    /// True for LR and RL (ranks run along the x axis).
    pub fn is_horizontal(self) -> bool {
        matches!(self, Direction::LR | Direction::RL)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::TB => "TB",
            Direction::BT => "BT",
            Direction::LR => "LR",
            Direction::RL => "RL",
        }
    }
}
