//! Node shapes: how big a node is for its label, and where its outline is.
//! Shared by layout (sizes, edge ports) and render (drawing).

use crate::geometry::Point;

/// One row per shape: its variant (with docs), Mermaid's name (layout
/// JSON, messages) and every `@{ shape: … }` alias that selects it. The
/// enum, [`Shape::name`], [`Shape::by_name`] and [`ALL_SHAPES`] all come
/// from this one table.
macro_rules! shapes {
    ($( $(#[$attr:meta])* $variant:ident => $name:literal [$($alias:literal),+] ),+ $(,)?) => {
        /// Node shapes. The classic bracket forms map to these; `@{ shape: … }`
        /// names are mapped onto them by [`Shape::by_name`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub enum Shape {
            $( $(#[$attr])* $variant, )+
        }

        impl Shape {
            /// Mermaid's name for the shape (as in the layout JSON).
            pub fn name(self) -> &'static str {
                match self {
                    $( Shape::$variant => $name, )+
                }
            }

            /// The shape a `@{ shape: … }` name or alias selects.
            pub fn by_name(name: &str) -> Option<Shape> {
                match name {
                    $( $($alias)|+ => Some(Shape::$variant), )+
                    _ => None,
                }
            }
        }

        /// Every shape, in declaration order.
        pub const ALL_SHAPES: &[Shape] = &[ $( Shape::$variant, )+ ];
    };
}

shapes! {
    /// `[text]`
    #[default]
    Rect => "rect" ["rect", "rectangle", "proc", "process", "square", "note", "datastore", "data-store", "labelRect"],
    /// `(text)`
    Rounded => "rounded" ["rounded", "event"],
    /// `([text])`
    Stadium => "stadium" ["stadium", "terminal", "pill"],
    /// `[[text]]`
    Subroutine => "subroutine" ["subroutine", "fr-rect", "subproc", "subprocess", "framed-rectangle"],
    /// `[(text)]`
    Cylinder => "cylinder" ["cyl", "cylinder", "db", "database"],
    /// `((text))`
    Circle => "circle" ["circle", "circ"],
    /// `(((text)))`
    DoubleCircle => "doublecircle" ["dbl-circ", "doublecircle", "double-circle"],
    /// `>text]`
    Asymmetric => "asymmetric" ["odd"],
    /// `{text}`
    Diamond => "diamond" ["diamond", "diam", "decision", "question", "choice"],
    /// `{{text}}`
    Hexagon => "hexagon" ["hex", "hexagon", "prepare"],
    /// `[/text/]`
    Parallelogram => "lean_right" ["lean-r", "lean-right", "in-out"],
    /// `[\text\]`
    ParallelogramAlt => "lean_left" ["lean-l", "lean-left", "out-in"],
    /// `[/text\]`
    Trapezoid => "trapezoid" ["trap-b", "trapezoid", "trapezoid-bottom", "priority"],
    /// `[\text/]`
    TrapezoidAlt => "inv_trapezoid" ["trap-t", "inv-trapezoid", "trapezoid-top", "manual"],
    // ---- Mermaid 11 `@{ shape: … }` shapes (name in brackets) ----
    /// Text without a box (`text`).
    Text => "text" ["text"],
    /// Card (`notch-rect`).
    NotchedRect => "notch-rect" ["notch-rect", "card", "notched-rectangle"],
    /// Lined process (`lin-rect`).
    LinedRect => "lin-rect" ["lin-rect", "lined-rectangle", "lin-proc", "lined-process", "shaded-process"],
    /// Start (`sm-circ`).
    SmallCircle => "sm-circ" ["sm-circ", "small-circle", "start", "anchor"],
    /// Stop (`fr-circ`).
    FramedCircle => "fr-circ" ["fr-circ", "framed-circle", "stop"],
    /// Fork/join bar (`fork`).
    ForkJoin => "fork" ["fork", "join", "forkJoin"],
    /// Collate (`hourglass`).
    Hourglass => "hourglass" ["hourglass", "collate"],
    /// Comment (`brace`).
    BraceLeft => "brace" ["brace", "brace-l", "comment"],
    /// Comment, right (`brace-r`).
    BraceRight => "brace-r" ["brace-r"],
    /// Comment, both sides (`braces`).
    Braces => "braces" ["braces"],
    /// Communication link (`bolt`).
    Bolt => "bolt" ["bolt", "com-link", "lightning-bolt"],
    /// Document (`doc`).
    Document => "doc" ["doc", "document"],
    /// Delay (`delay`).
    Delay => "delay" ["delay", "half-rounded-rectangle"],
    /// Direct access storage (`h-cyl`).
    HorizontalCylinder => "h-cyl" ["h-cyl", "das", "horizontal-cylinder"],
    /// Disk storage (`lin-cyl`).
    LinedCylinder => "lin-cyl" ["lin-cyl", "disk", "lined-cylinder"],
    /// Display (`curv-trap`).
    CurvedTrapezoid => "curv-trap" ["curv-trap", "curved-trapezoid", "display"],
    /// Divided process (`div-rect`).
    DividedRect => "div-rect" ["div-rect", "div-proc", "divided-rectangle", "divided-process"],
    /// Extract (`tri`).
    Triangle => "tri" ["tri", "extract", "triangle"],
    /// Internal storage (`win-pane`).
    WindowPane => "win-pane" ["win-pane", "internal-storage", "window-pane"],
    /// Junction (`f-circ`).
    FilledCircle => "f-circ" ["f-circ", "filled-circle", "junction"],
    /// Lined document (`lin-doc`).
    LinedDocument => "lin-doc" ["lin-doc", "lined-document"],
    /// Loop limit (`notch-pent`).
    NotchedPentagon => "notch-pent" ["notch-pent", "loop-limit", "notched-pentagon"],
    /// Manual file (`flip-tri`).
    FlippedTriangle => "flip-tri" ["flip-tri", "flipped-triangle", "manual-file"],
    /// Manual input (`sl-rect`).
    SlopedRect => "sl-rect" ["sl-rect", "manual-input", "sloped-rectangle"],
    /// Multiple documents (`docs`).
    MultiDocument => "docs" ["docs", "documents", "st-doc", "stacked-document"],
    /// Multiple processes (`st-rect`).
    MultiRect => "st-rect" ["st-rect", "processes", "procs", "stacked-rectangle"],
    /// Paper tape (`flag`).
    Flag => "flag" ["flag", "paper-tape"],
    /// Stored data (`bow-rect`).
    BowTieRect => "bow-rect" ["bow-rect", "stored-data", "bow-tie-rectangle"],
    /// Summary (`cross-circ`).
    CrossedCircle => "cross-circ" ["cross-circ", "summary", "crossed-circle"],
    /// Tagged document (`tag-doc`).
    TaggedDocument => "tag-doc" ["tag-doc", "tagged-document"],
    /// Tagged process (`tag-rect`).
    TaggedRect => "tag-rect" ["tag-rect", "tag-proc", "tagged-rectangle", "tagged-process"],
    /// `A@{ icon: "…" }`: drawn as a labelled placeholder.
    Icon => "icon" ["icon", "iconSquare", "iconCircle", "iconRounded"],
    /// `A@{ img: "…" }`: drawn as a labelled placeholder (never fetched).
    Image => "image" ["image", "imageSquare"],
}

/// Shapes Mermaid draws without their label (fixed-size markers).
pub fn has_label(shape: Shape) -> bool {
    !matches!(
        shape,
        Shape::SmallCircle
            | Shape::FramedCircle
            | Shape::FilledCircle
            | Shape::ForkJoin
            | Shape::Bolt
            | Shape::CrossedCircle
            | Shape::Hourglass
    )
}

/// Vertical radius of a cylinder's elliptic caps for a node `w` wide
/// (flatter for wider nodes, as Mermaid's `rx / (2.5 + w / 50)`).
pub fn cylinder_ry(w: f64) -> f64 {
    let rx = w / 2.0;
    (rx / (2.5 + w / 50.0)).max(0.0)
}

/// Height of a document's wave (the bottom edge oscillates by this much).
pub fn wave_amplitude(h: f64) -> f64 {
    (h / 8.0).min(12.0)
}

/// Size (width, height) of a node of `shape` whose label measures
/// `label_w` × `label_h`, with Mermaid 11's paddings (15 px around the
/// label for most shapes, 30 px for the classic rectangles).
pub fn node_size(shape: Shape, label_w: f64, label_h: f64) -> (f64, f64) {
    let (w, h) = (label_w, label_h);
    if !has_label(shape) {
        return match shape {
            Shape::ForkJoin => (70.0, 10.0),
            Shape::Bolt => (35.0, 70.0),
            Shape::CrossedCircle => (60.0, 60.0),
            Shape::Hourglass => (30.0, 30.0),
            _ => (14.0, 14.0),
        };
    }
    match shape {
        Shape::Rect => (w + 60.0, h + 30.0),
        Shape::Rounded | Shape::Delay | Shape::NotchedPentagon => (w + 30.0, h + 30.0),
        Shape::Stadium => {
            let hh = h + 15.0;
            // Wide enough that the label's corners clear the round ends.
            let r = hh / 2.0;
            let clear = w + hh - 2.0 * (r * r - h * h / 4.0).max(0.0).sqrt() + 2.0;
            ((w + 15.0 + hh / 4.0).max(clear).max(hh), hh)
        }
        Shape::Subroutine => (w + 31.0, h + 15.0),
        Shape::Cylinder => {
            let ww = w + 15.0;
            (ww, h + 15.0 + 3.0 * cylinder_ry(ww))
        }
        Shape::LinedCylinder => {
            let ww = w + 30.0;
            (ww, h + 30.0 + 3.0 * cylinder_ry(ww))
        }
        Shape::HorizontalCylinder => {
            let hh = h + 7.5;
            (w + 15.0 + 2.0 * cylinder_ry(hh), hh)
        }
        Shape::Circle => {
            let d = (w + 15.0).max(w.hypot(h) + 4.0);
            (d, d)
        }
        Shape::DoubleCircle => {
            let d = (w + 30.0).max(w.hypot(h) + 14.0);
            (d, d)
        }
        Shape::Asymmetric => {
            let hh = h + 15.0;
            (w + 15.0 + hh / 4.0, hh)
        }
        Shape::Diamond => {
            let s = w + h + 30.0;
            (s, s)
        }
        Shape::Hexagon => {
            let hh = h + 15.0;
            (w + 15.0 + hh / 2.0, hh)
        }
        Shape::Parallelogram | Shape::ParallelogramAlt | Shape::Trapezoid => {
            let hh = h + 15.0;
            (w + 15.0 + hh, hh)
        }
        Shape::TrapezoidAlt => {
            let hh = h + 30.0;
            (w + 30.0 + hh, hh)
        }
        Shape::Text => (w + 15.0, h + 15.0),
        Shape::NotchedRect => (w + 27.0, h + 15.0),
        Shape::LinedRect => (w + 46.0, h + 30.0),
        Shape::BraceLeft | Shape::BraceRight => (w + 25.0, h + 25.0),
        Shape::Braces => (w + 30.0, h + 25.0),
        Shape::Document => (w + 30.0, h + 30.0 + wave_amplitude(h + 30.0) * 1.6),
        Shape::LinedDocument | Shape::TaggedDocument => {
            ((w + 30.0) * 1.1, h + 30.0 + wave_amplitude(h + 30.0) * 1.6)
        }
        Shape::MultiDocument => (w + 50.0, h + 40.0 + wave_amplitude(h + 30.0) * 1.6),
        Shape::CurvedTrapezoid => ((w + 30.0) * 1.25, h + 30.0),
        Shape::DividedRect => (w + 15.0, (h + 15.0) * 1.2),
        Shape::Triangle | Shape::FlippedTriangle => {
            let s = w + h + 15.0;
            (s, s)
        }
        Shape::WindowPane | Shape::MultiRect => (w + 40.0, h + 40.0),
        Shape::SlopedRect => (w + 30.0, (h + 30.0) * 1.5),
        Shape::Flag => (w + 30.0, h + 34.5),
        Shape::BowTieRect => (w + 35.0, h + 15.0),
        Shape::TaggedRect => {
            let hh = h + 30.0;
            (w + 30.0 + 0.2 * hh, hh)
        }
        Shape::Icon | Shape::Image => ((w + 20.0).max(80.0), h + 72.0),
        // Label-less shapes are handled above.
        _ => (w + 60.0, h + 30.0),
    }
}

/// Where a node's label is centred, relative to the node's centre, for a
/// node `w` × `h` whose label measures `lw` × `lh`.
pub fn label_offset(shape: Shape, w: f64, h: f64, _lw: f64, lh: f64) -> (f64, f64) {
    let (hw, hh) = (w / 2.0, h / 2.0);
    match shape {
        Shape::Cylinder | Shape::LinedCylinder => (0.0, cylinder_ry(w) / 2.0),
        Shape::Asymmetric => (h / 8.0, 0.0),
        Shape::Document | Shape::LinedDocument | Shape::TaggedDocument => {
            let dx = if shape == Shape::LinedDocument {
                w * 0.05
            } else {
                0.0
            };
            (dx, -wave_amplitude(h) * 0.8)
        }
        Shape::MultiDocument => (-5.0, 5.0 - wave_amplitude(h) * 0.8),
        Shape::MultiRect => (-5.0, 5.0),
        Shape::WindowPane => (5.0, 5.0),
        Shape::DividedRect => (0.0, h / 12.0),
        Shape::SlopedRect => (0.0, h / 6.0),
        Shape::Triangle => (0.0, hh - 7.5 - lh / 2.0),
        Shape::FlippedTriangle => (0.0, -hh + 7.5 + lh / 2.0),
        Shape::LinedRect => (4.0, 0.0),
        Shape::CurvedTrapezoid => (-w * 0.02, 0.0),
        Shape::Icon | Shape::Image => (0.0, hh - 8.0 - lh / 2.0),
        _ => {
            let _ = hw;
            (0.0, 0.0)
        }
    }
}

const ARC_STEPS: usize = 12;

/// Points of an elliptic arc centred at (cx, cy), from angle a0 to a1 (radians, y down).
fn arc(out: &mut Vec<Point>, c: (f64, f64), r: (f64, f64), a0: f64, a1: f64, steps: usize) {
    for k in 0..=steps {
        let a = a0 + (a1 - a0) * k as f64 / steps as f64;
        out.push(Point::new(c.0 + r.0 * a.cos(), c.1 + r.1 * a.sin()));
    }
}

/// A document's wavy bottom from (x0, y) to (x1, y): one full sine period.
fn wave(out: &mut Vec<Point>, x0: f64, x1: f64, y: f64, amp: f64) {
    let n = 24;
    for k in 0..=n {
        let t = k as f64 / n as f64;
        let x = x0 + (x1 - x0) * t;
        out.push(Point::new(
            x,
            y + amp * (2.0 * std::f64::consts::PI * t).sin(),
        ));
    }
}

/// Outline of a document `w` × `h` with its top-left corner at (x, y).
fn document(x: f64, y: f64, w: f64, h: f64, amp: f64) -> Vec<Point> {
    let p = Point::new;
    let mut v = vec![p(x, y), p(x + w, y)];
    wave(&mut v, x + w, x, y + h - amp, amp);
    v
}

/// The outline of a node centred at the origin, as a closed polygon
/// (curved shapes sampled closely enough for drawing and edge ports).
pub fn outline(shape: Shape, w: f64, h: f64) -> Vec<Point> {
    use std::f64::consts::{FRAC_PI_2, PI};
    let (hw, hh) = (w / 2.0, h / 2.0);
    let p = Point::new;
    let rect = || vec![p(-hw, -hh), p(hw, -hh), p(hw, hh), p(-hw, hh)];
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
        Shape::Circle
        | Shape::DoubleCircle
        | Shape::SmallCircle
        | Shape::FramedCircle
        | Shape::FilledCircle
        | Shape::CrossedCircle => ellipse(hw, hh, 0.0, 0.0, 48),
        Shape::Stadium => {
            let r = hh.min(hw);
            let mut v = Vec::new();
            arc(
                &mut v,
                (hw - r, 0.0),
                (r, r),
                -FRAC_PI_2,
                FRAC_PI_2,
                ARC_STEPS,
            );
            arc(
                &mut v,
                (-hw + r, 0.0),
                (r, r),
                FRAC_PI_2,
                3.0 * FRAC_PI_2,
                ARC_STEPS,
            );
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
        Shape::Cylinder | Shape::LinedCylinder => {
            let ry = cylinder_ry(w).min(hh);
            let mut v = Vec::new();
            // Top cap's back half, right side down, bottom cap's front half.
            arc(&mut v, (0.0, -hh + ry), (hw, ry), PI, 2.0 * PI, ARC_STEPS);
            arc(&mut v, (0.0, hh - ry), (hw, ry), 0.0, PI, ARC_STEPS);
            v
        }
        Shape::HorizontalCylinder => {
            let rx = cylinder_ry(h).min(hw);
            let mut v = Vec::new();
            arc(
                &mut v,
                (hw - rx, 0.0),
                (rx, hh),
                -FRAC_PI_2,
                FRAC_PI_2,
                ARC_STEPS,
            );
            arc(
                &mut v,
                (-hw + rx, 0.0),
                (rx, hh),
                FRAC_PI_2,
                3.0 * FRAC_PI_2,
                ARC_STEPS,
            );
            v
        }
        Shape::NotchedRect => {
            let n = 12.0_f64.min(hw).min(hh);
            vec![
                p(-hw + n, -hh),
                p(hw, -hh),
                p(hw, hh),
                p(-hw, hh),
                p(-hw, -hh + n),
            ]
        }
        Shape::Bolt => vec![
            p(hw, -hh),
            p(-hw * 0.4, hh * 0.1),
            p(hw * 0.4, hh * 0.1),
            p(-hw, hh),
            p(hw * 0.2, -hh * 0.1),
            p(-hw * 0.6, -hh * 0.1),
        ],
        Shape::Document | Shape::LinedDocument | Shape::TaggedDocument => {
            document(-hw, -hh, w, h, wave_amplitude(h))
        }
        Shape::MultiDocument => {
            let a = wave_amplitude(h);
            let mut v = vec![
                p(-hw, -hh + 10.0),
                p(-hw + 5.0, -hh + 10.0),
                p(-hw + 5.0, -hh + 5.0),
                p(-hw + 10.0, -hh + 5.0),
                p(-hw + 10.0, -hh),
                p(hw, -hh),
                p(hw, hh - 10.0 - a),
                p(hw - 5.0, hh - 10.0 - a),
                p(hw - 5.0, hh - 5.0 - a),
                p(hw - 10.0, hh - 5.0 - a),
            ];
            wave(&mut v, hw - 10.0, -hw, hh - a, a);
            v
        }
        Shape::MultiRect => vec![
            p(-hw, -hh + 10.0),
            p(-hw + 5.0, -hh + 10.0),
            p(-hw + 5.0, -hh + 5.0),
            p(-hw + 10.0, -hh + 5.0),
            p(-hw + 10.0, -hh),
            p(hw, -hh),
            p(hw, hh - 10.0),
            p(hw - 5.0, hh - 10.0),
            p(hw - 5.0, hh - 5.0),
            p(hw - 10.0, hh - 5.0),
            p(hw - 10.0, hh),
            p(-hw, hh),
        ],
        Shape::Delay => {
            let r = hh.min(hw);
            let mut v = vec![p(-hw, -hh)];
            arc(
                &mut v,
                (hw - r, 0.0),
                (r, hh),
                -FRAC_PI_2,
                FRAC_PI_2,
                ARC_STEPS,
            );
            v.push(p(-hw, hh));
            v
        }
        Shape::CurvedTrapezoid => {
            let r = hh.min(hw / 2.0);
            let s = (h * 0.25).min(hw / 2.0);
            let mut v = vec![p(-hw, 0.0), p(-hw + s, -hh)];
            arc(
                &mut v,
                (hw - r, 0.0),
                (r, hh),
                -FRAC_PI_2,
                FRAC_PI_2,
                ARC_STEPS,
            );
            v.push(p(-hw + s, hh));
            v
        }
        Shape::Triangle => vec![p(0.0, -hh), p(hw, hh), p(-hw, hh)],
        Shape::FlippedTriangle => vec![p(-hw, -hh), p(hw, -hh), p(0.0, hh)],
        Shape::NotchedPentagon => {
            let m = 12.0_f64.min(hw / 2.0).min(hh / 2.0);
            vec![
                p(-hw + m, -hh),
                p(hw - m, -hh),
                p(hw, -hh + m),
                p(hw, hh),
                p(-hw, hh),
                p(-hw, -hh + m),
            ]
        }
        Shape::SlopedRect => vec![p(-hw, -hh + h / 3.0), p(hw, -hh), p(hw, hh), p(-hw, hh)],
        Shape::Flag => {
            let a = 4.0_f64.min(hh / 4.0);
            let mut v = Vec::new();
            wave(&mut v, -hw, hw, -hh + a, -a);
            wave(&mut v, hw, -hw, hh - a, a);
            v
        }
        Shape::BowTieRect => {
            let rx = (h / 8.0).min(hw / 4.0);
            let mut v = Vec::new();
            // Top edge, right side curving inwards, bottom edge, left side bulging out.
            v.push(p(-hw + rx, -hh));
            arc(
                &mut v,
                (hw, 0.0),
                (rx, hh),
                -FRAC_PI_2,
                -3.0 * FRAC_PI_2,
                ARC_STEPS,
            );
            arc(
                &mut v,
                (-hw + rx, 0.0),
                (rx, hh),
                FRAC_PI_2,
                3.0 * FRAC_PI_2,
                ARC_STEPS,
            );
            v
        }
        _ => rect(),
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
