//! Geometry → SVG. Nothing is measured here.

use super::layout::{Boxed, Geometry, TextLine, HEAD_DROP};
use super::model::{BoundaryKind, ElementKind, Outline, C4};
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{
    begin_document, end_document, fill_attrs, label, num, safe_value, stroke_attrs, Attrs, Head,
    Writer,
};

/// Mermaid's C4 colours (background, border) per element kind; the same
/// in every theme, as mermaid-js's `c4` configuration.
pub fn colours(kind: ElementKind, external: bool) -> (&'static str, &'static str, &'static str) {
    use ElementKind::*;
    match (kind, external) {
        (Person, false) => ("#08427B", "#073B6F", "#FFFFFF"),
        (Person, true) => ("#686868", "#8A8A8A", "#FFFFFF"),
        (System | SystemDb | SystemQueue, false) => ("#1168BD", "#3C7FC0", "#FFFFFF"),
        (System | SystemDb | SystemQueue, true) => ("#999999", "#8A8A8A", "#FFFFFF"),
        (Container | ContainerDb | ContainerQueue, false) => ("#438DD5", "#3C7FC0", "#FFFFFF"),
        (Container | ContainerDb | ContainerQueue, true) => ("#B3B3B3", "#A6A6A6", "#FFFFFF"),
        (_, false) => ("#85BBF0", "#78A8D8", "#FFFFFF"),
        (_, true) => ("#CCCCCC", "#BFBFBF", "#FFFFFF"),
    }
}

fn text(w: &mut Writer, t: &TextLine, colour: &str) {
    let c = Point::new(t.x, t.y + t.text.height / 2.0);
    let mut a: Attrs = vec![("font-size", num(t.style.size))];
    if t.style.bold {
        a.push(("font-weight", "bold".into()));
    }
    if t.style.italic {
        a.push(("font-style", "italic".into()));
    }
    a.extend(fill_attrs(colour));
    label(w, &t.text, c, a, t.style);
}

fn pick<'a>(user: Option<&'a str>, default: &'a str) -> &'a str {
    user.and_then(safe_value).unwrap_or(default)
}

fn shape(w: &mut Writer, outline: Outline, outer: &Boxed, b: &Boxed, paint: &Attrs) {
    let leaf = |w: &mut Writer, tag: &str, mut a: Attrs| {
        a.extend(paint.iter().cloned());
        w.leaf(tag, &a);
    };
    match outline {
        Outline::Person => {
            let r = (b.y - outer.y - HEAD_DROP).max(1.0);
            let rx = (b.h / 2.0).min(38.0);
            leaf(
                w,
                "rect",
                vec![
                    ("x", num(b.x)),
                    ("y", num(b.y)),
                    ("width", num(b.w)),
                    ("height", num(b.h)),
                    ("rx", num(rx)),
                    ("ry", num(rx)),
                ],
            );
            leaf(
                w,
                "circle",
                vec![
                    ("cx", num(outer.x + outer.w / 2.0)),
                    ("cy", num(outer.y + r)),
                    ("r", num(r)),
                ],
            );
        }
        Outline::Box => leaf(
            w,
            "rect",
            vec![
                ("x", num(b.x)),
                ("y", num(b.y)),
                ("width", num(b.w)),
                ("height", num(b.h)),
                ("rx", "12".into()),
                ("ry", "12".into()),
            ],
        ),
        Outline::Db => {
            let (rx, ry) = (b.w / 2.0, 10.0);
            let (x0, x1, y0, y1) = (b.x, b.x + b.w, b.y + ry, b.y + b.h - ry);
            let d = format!(
                "M{x0},{y0}A{rx},{ry},0,0,0,{x1},{y0}A{rx},{ry},0,0,0,{x0},{y0}L{x0},{y1}A{rx},{ry},0,0,0,{x1},{y1}L{x1},{y0}",
                x0 = num(x0),
                x1 = num(x1),
                y0 = num(y0),
                y1 = num(y1),
                rx = num(rx),
                ry = num(ry)
            );
            leaf(w, "path", vec![("d", d)]);
        }
        Outline::Queue => {
            let (rx, ry) = (10.0, b.h / 2.0);
            let (x0, x1, y0, y1) = (b.x + rx, b.x + b.w - rx, b.y, b.y + b.h);
            let d = format!(
                "M{x0},{y0}L{x1},{y0}A{rx},{ry},0,0,1,{x1},{y1}A{rx},{ry},0,0,1,{x1},{y0}A{rx},{ry},0,0,1,{x1},{y1}L{x0},{y1}A{rx},{ry},0,0,1,{x0},{y0}Z",
                x0 = num(x0),
                x1 = num(x1),
                y0 = num(y0),
                y1 = num(y1),
                rx = num(rx),
                ry = num(ry)
            );
            leaf(w, "path", vec![("d", d)]);
        }
    }
}

fn arrow_head(w: &mut Writer, at: Point, from: Point, colour: &str) {
    let (dx, dy) = (at.x - from.x, at.y - from.y);
    let len = dx.hypot(dy);
    if len < 1e-6 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (nx, ny) = (-uy, ux);
    let p = |a: f64, s: f64| (at.x - ux * a + nx * s, at.y - uy * a + ny * s);
    let (b1, b2) = (p(10.0, 4.0), p(10.0, -4.0));
    let mut a: Attrs = vec![(
        "d",
        format!(
            "M{},{}L{},{}L{},{}Z",
            num(at.x),
            num(at.y),
            num(b1.0),
            num(b1.1),
            num(b2.0),
            num(b2.1)
        ),
    )];
    a.extend(fill_attrs(colour));
    w.leaf("path", &a);
}

/// Draw the diagram.
pub fn render_svg(d: &C4, g: &Geometry, cx: &Context<'_>) -> String {
    let theme = &cx.config.theme;
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "c4",
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
    let line = if theme.dark_mode {
        theme.line.as_str()
    } else {
        "#444444"
    };
    if let Some(t) = &g.title {
        text(&mut w, t, ink);
    }
    for b in &g.boundaries {
        let r = &b.rect;
        let mut a: Attrs = vec![
            ("class", "c4-boundary".into()),
            ("x", num(r.x)),
            ("y", num(r.y)),
            ("width", num(r.w)),
            ("height", num(r.h)),
            ("rx", "2.5".into()),
            ("fill", "none".into()),
            ("stroke-width", "1".into()),
        ];
        // Deployment nodes are solid; other boundaries dashed.
        if d.boundaries[b.index].kind != BoundaryKind::Node {
            a.push(("stroke-dasharray", "7,7".into()));
        }
        a.extend(stroke_attrs(if theme.dark_mode {
            "#888888"
        } else {
            "#444444"
        }));
        let link = d.boundaries[b.index].link.as_deref();
        if let Some(l) = link {
            w.open("a", &[("href", l.to_string())]);
        }
        w.leaf("rect", &a);
        for t in &b.texts {
            text(&mut w, t, ink);
        }
        if link.is_some() {
            w.close("a");
        }
    }
    for e in &g.elements {
        let m = &d.elements[e.index];
        let (bg, border, font) = colours(m.kind, m.external);
        let bg = pick(m.style.bg.as_deref(), bg);
        let border = pick(m.style.border.as_deref(), border);
        let font = pick(m.style.font.as_deref(), font);
        let id = crate::svg::sanitize_id(&m.alias);
        w.open(
            "g",
            &[
                ("class", "c4-shape".into()),
                ("id", format!("{}-{}", cx.svg_id, id)),
            ],
        );
        if let Some(l) = &m.link {
            w.open("a", &[("href", l.clone())]);
        }
        let mut paint = fill_attrs(bg);
        paint.extend(stroke_attrs(border));
        paint.push(("stroke-width", "0.5".into()));
        shape(&mut w, m.kind.outline(), &e.outer, &e.body, &paint);
        for t in &e.texts {
            text(&mut w, t, font);
        }
        if m.link.is_some() {
            w.close("a");
        }
        w.close("g");
    }
    for r in &g.rels {
        let m = &d.rels[r.index];
        let lc = pick(m.line_color.as_deref(), line);
        let tc = pick(m.text_color.as_deref(), line);
        let mut a: Attrs = vec![
            (
                "d",
                format!(
                    "M{},{}L{},{}",
                    num(r.from.x),
                    num(r.from.y),
                    num(r.to.x),
                    num(r.to.y)
                ),
            ),
            ("fill", "none".into()),
            ("stroke-width", "1".into()),
        ];
        a.extend(stroke_attrs(lc));
        w.leaf("path", &a);
        arrow_head(&mut w, r.to, r.from, lc);
        if m.both {
            arrow_head(&mut w, r.from, r.to, lc);
        }
        for t in &r.texts {
            text(&mut w, t, tc);
        }
    }
    end_document(&mut w);
    w.finish()
}
