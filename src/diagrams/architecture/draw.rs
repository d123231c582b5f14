//! Geometry → SVG. Nothing is measured here. The built-in icons are simple
//! pictograms of our own, drawn in white on the service's blue square; an
//! icon-pack icon (`logos:aws-s3`) is a grey square with its name.

use super::layout::{builtin, Boxed, Geometry, ICON};
use super::model::Architecture;
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{
    begin_document, end_document, fill_attrs, label, num, stroke_attrs, Attrs, Head, Writer,
};
use crate::text::TextStyle;

/// Mermaid's architecture icon background.
pub const ICON_BG: &str = "#087ebf";
/// A pack icon's placeholder background.
pub const PLACEHOLDER_BG: &str = "#7a8a99";

fn centre(b: &Boxed) -> Point {
    Point::new(b.x + b.w / 2.0, b.y + b.h / 2.0)
}

/// A white pictogram for a built-in icon in the square `b` (any size).
fn pictogram(w: &mut Writer, icon: &str, b: &Boxed) {
    let s = b.w / ICON;
    let p = |x: f64, y: f64| (num(b.x + x * s), num(b.y + y * s));
    let mut stroke: Attrs = vec![
        ("fill", "none".into()),
        ("stroke", "#ffffff".into()),
        ("stroke-width", num(3.0 * s)),
    ];
    stroke.push(("stroke-linecap", "round".into()));
    let path = |w: &mut Writer, d: String| {
        let mut a: Attrs = vec![("d", d)];
        a.extend(stroke.iter().cloned());
        w.leaf("path", &a);
    };
    match icon {
        "server" => {
            for k in 0..3 {
                let y = 16.0 + k as f64 * 17.0;
                let (x0, y0) = p(16.0, y);
                let (x1, y1) = p(64.0, y + 14.0);
                path(w, format!("M{x0},{y0}L{x1},{y0}L{x1},{y1}L{x0},{y1}Z"));
                let (a0, ay) = p(44.0, y + 7.0);
                let (a1, _) = p(58.0, y + 7.0);
                path(w, format!("M{a0},{ay}L{a1},{ay}"));
                for dx in [22.0, 27.0, 32.0] {
                    let (cx, cy) = p(dx, y + 7.0);
                    w.leaf(
                        "circle",
                        &[
                            ("cx", cx),
                            ("cy", cy),
                            ("r", num(1.5 * s)),
                            ("fill", "#ffffff".into()),
                        ],
                    );
                }
            }
        }
        "database" => {
            let (rx, ry) = (num(22.0 * s), num(7.0 * s));
            for y in [20.0, 33.0, 46.0, 59.0] {
                let (x0, yy) = p(18.0, y);
                let (x1, _) = p(62.0, y);
                if y == 20.0 {
                    path(
                        w,
                        format!("M{x0},{yy}A{rx},{ry},0,0,0,{x1},{yy}A{rx},{ry},0,0,0,{x0},{yy}"),
                    );
                } else {
                    path(w, format!("M{x0},{yy}A{rx},{ry},0,0,0,{x1},{yy}"));
                }
            }
            let (x0, y0) = p(18.0, 20.0);
            let (x1, y1) = p(62.0, 59.0);
            path(w, format!("M{x0},{y0}L{x0},{y1}M{x1},{y0}L{x1},{y1}"));
        }
        "disk" => {
            let (x0, y0) = p(20.0, 14.0);
            let (x1, y1) = p(60.0, 66.0);
            path(w, format!("M{x0},{y0}L{x1},{y0}L{x1},{y1}L{x0},{y1}Z"));
            let (cx, cy) = p(40.0, 36.0);
            let mut c: Attrs = vec![("cx", cx), ("cy", cy), ("r", num(11.0 * s))];
            c.extend(stroke.iter().cloned());
            w.leaf("circle", &c);
            let (ax, ay) = p(40.0, 36.0);
            let (bx, by) = p(30.0, 56.0);
            path(w, format!("M{ax},{ay}L{bx},{by}"));
        }
        "internet" => {
            let (cx, cy) = p(40.0, 40.0);
            let mut c: Attrs = vec![("cx", cx.clone()), ("cy", cy.clone()), ("r", num(24.0 * s))];
            c.extend(stroke.iter().cloned());
            w.leaf("circle", &c);
            let mut e: Attrs = vec![
                ("cx", cx),
                ("cy", cy),
                ("rx", num(10.0 * s)),
                ("ry", num(24.0 * s)),
            ];
            e.extend(stroke.iter().cloned());
            w.leaf("ellipse", &e);
            for y in [32.0, 48.0] {
                let (x0, yy) = p(18.5, y);
                let (x1, _) = p(61.5, y);
                path(w, format!("M{x0},{yy}L{x1},{yy}"));
            }
            let (x0, y0) = p(16.0, 40.0);
            let (x1, _) = p(64.0, 40.0);
            path(w, format!("M{x0},{y0}L{x1},{y0}"));
        }
        _ => {
            // cloud
            let (a, ay) = p(22.0, 54.0);
            let (b2, _) = p(58.0, 54.0);
            let r1 = num(10.0 * s);
            let r2 = num(14.0 * s);
            let r3 = num(11.0 * s);
            let (m1, m1y) = p(30.0, 38.0);
            let (m2, m2y) = p(52.0, 36.0);
            path(
                w,
                format!("M{a},{ay}A{r1},{r1},0,0,1,{m1},{m1y}A{r2},{r2},0,0,1,{m2},{m2y}A{r3},{r3},0,0,1,{b2},{ay}Z"),
            );
        }
    }
}

fn arrow(w: &mut Writer, at: Point, from: Point, colour: &str) {
    let (dx, dy) = (at.x - from.x, at.y - from.y);
    let len = dx.hypot(dy);
    if len < 1e-6 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (nx, ny) = (-uy, ux);
    let q = |a: f64, s: f64| (num(at.x - ux * a + nx * s), num(at.y - uy * a + ny * s));
    let (t, ty) = (num(at.x), num(at.y));
    let (b1, b1y) = q(12.0, 6.0);
    let (b2, b2y) = q(12.0, -6.0);
    let mut a: Attrs = vec![("d", format!("M{t},{ty}L{b1},{b1y}L{b2},{b2y}Z"))];
    a.extend(fill_attrs(colour));
    w.leaf("path", &a);
}

/// Draw the diagram.
pub fn render_svg(d: &Architecture, g: &Geometry, cx: &Context<'_>) -> String {
    let theme = &cx.config.theme;
    let style = TextStyle {
        size: g.font_size,
        bold: false,
        italic: false,
    };
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "architecture",
            width: g.width,
            height: g.height,
            font_family: theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: d.acc_title.as_deref(),
            acc_descr: d.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    let ink = theme.text.as_str();
    if let Some((tb, b)) = &g.title {
        let t = TextStyle {
            size: g.font_size * 1.25,
            ..style
        };
        let mut a: Attrs = vec![("font-size", num(t.size))];
        a.extend(fill_attrs(ink));
        label(&mut w, tb, centre(b), a, t);
    }
    for gr in &g.groups {
        let r = &gr.rect;
        let mut a: Attrs = vec![
            ("x", num(r.x)),
            ("y", num(r.y)),
            ("width", num(r.w)),
            ("height", num(r.h)),
            ("fill", "none".into()),
            ("stroke-width", "2".into()),
            ("stroke-dasharray", "8".into()),
        ];
        a.extend(stroke_attrs(&theme.node_stroke));
        a.push(("stroke-opacity", "0.5".into()));
        w.leaf("rect", &a);
        if let Some(icon) = d.groups[gr.index].icon.as_deref() {
            let ib = Boxed {
                x: r.x + 2.0,
                y: r.y + 2.0,
                w: 28.0,
                h: 28.0,
            };
            let bg = if builtin(icon) {
                ICON_BG
            } else {
                PLACEHOLDER_BG
            };
            w.leaf(
                "rect",
                &[
                    ("x", num(ib.x)),
                    ("y", num(ib.y)),
                    ("width", num(ib.w)),
                    ("height", num(ib.h)),
                    ("fill", bg.into()),
                ],
            );
            if builtin(icon) {
                pictogram(&mut w, icon, &ib);
            }
        }
        if let Some((tb, b)) = &gr.title {
            label(&mut w, tb, centre(b), fill_attrs(ink), style);
        }
    }
    let line = theme.line.as_str();
    for e in &g.edges {
        let m = &d.edges[e.index];
        let mut dpath = String::new();
        for (k, p) in e.points.iter().enumerate() {
            dpath.push(if k == 0 { 'M' } else { 'L' });
            dpath.push_str(&format!("{},{}", num(p.x), num(p.y)));
        }
        let mut a: Attrs = vec![
            ("d", dpath),
            ("fill", "none".into()),
            ("stroke-width", "3".into()),
        ];
        a.extend(stroke_attrs(line));
        w.leaf("path", &a);
        let n = e.points.len();
        if n >= 2 {
            if m.arrow_to {
                arrow(&mut w, e.points[n - 1], e.points[n - 2], line);
            }
            if m.arrow_from {
                arrow(&mut w, e.points[0], e.points[1], line);
            }
        }
    }
    for e in &g.edges {
        if let Some((tb, b)) = &e.label {
            let mut r: Attrs = vec![
                ("x", num(b.x - 2.0)),
                ("y", num(b.y)),
                ("width", num(b.w + 4.0)),
                ("height", num(b.h)),
            ];
            r.extend(fill_attrs(&theme.edge_label_bg));
            w.leaf("rect", &r);
            label(&mut w, tb, centre(b), fill_attrs(ink), style);
        }
    }
    for (n, ng) in d.nodes.iter().zip(&g.nodes) {
        let id = crate::svg::sanitize_id(&n.id);
        w.open(
            "g",
            &[
                ("class", "architecture-service".into()),
                ("id", format!("{}-{}", cx.svg_id, id)),
            ],
        );
        if ng.icon.w > 0.0 {
            let b = &ng.icon;
            let icon = n.icon.as_deref().unwrap_or("");
            let known = icon.is_empty() || builtin(icon);
            let bg = if known { ICON_BG } else { PLACEHOLDER_BG };
            w.leaf(
                "rect",
                &[
                    ("x", num(b.x)),
                    ("y", num(b.y)),
                    ("width", num(b.w)),
                    ("height", num(b.h)),
                    ("fill", bg.into()),
                ],
            );
            if builtin(icon) {
                pictogram(&mut w, icon, b);
            }
            if let Some((tb, size)) = &ng.placeholder {
                let t = TextStyle {
                    size: *size,
                    ..style
                };
                // A big "?" (as Mermaid's fallback icon) over the icon's name.
                let mut q: Attrs = vec![
                    ("x", num(b.x + b.w / 2.0)),
                    ("y", num(b.y + 34.0)),
                    ("text-anchor", "middle".into()),
                    ("font-size", "28".into()),
                    ("font-weight", "bold".into()),
                ];
                q.extend(fill_attrs("#ffffff"));
                w.text_element("text", &q, "?");
                let mut a: Attrs = vec![("font-size", num(*size))];
                a.extend(fill_attrs("#ffffff"));
                let c = Point::new(b.x + b.w / 2.0, b.y + b.h - 4.0 - tb.height / 2.0);
                label(&mut w, tb, c, a, t);
            }
        }
        if let Some((tb, b)) = &ng.title {
            label(&mut w, tb, centre(b), fill_attrs(ink), style);
        }
        w.close("g");
    }
    end_document(&mut w);
    w.finish()
}
