//! Journey geometry → SVG.

use super::layout::{text_style, title_style, Boxed, Geometry};
use super::model::Journey;
use super::{JourneyColors, JourneyConfig};
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{begin_document, end_document, fill_attrs, label, num, stroke_attrs};
use crate::svg::{Attrs, Head, Writer};
use crate::text::TextStyle;

fn boxed(w: &mut Writer, b: &Boxed, c: &JourneyColors, class: &str) {
    let r = &b.rect;
    let mut a: Attrs = vec![
        ("class", format!("{class} section-type-{}", b.color)),
        ("x", num(r.x)),
        ("y", num(r.y)),
        ("width", num(r.width)),
        ("height", num(r.height)),
        ("rx", "3".into()),
        ("ry", "3".into()),
    ];
    a.extend(fill_attrs(&c.fills[b.color % c.fills.len().max(1)]));
    a.extend(stroke_attrs("#666"));
    w.leaf("rect", &a);
    let centre = Point::new(r.x + r.width / 2.0, r.y + r.height / 2.0);
    label(w, &b.text, centre, fill_attrs(&c.text), text_style());
}

fn circle(w: &mut Writer, cx: f64, cy: f64, r: f64, fill: &str, stroke: &str, width: &str) {
    let mut a: Attrs = vec![("cx", num(cx)), ("cy", num(cy)), ("r", num(r))];
    a.extend(fill_attrs(fill));
    a.extend(stroke_attrs(stroke));
    a.push(("stroke-width", width.into()));
    w.leaf("circle", &a);
}

pub fn draw(
    j: &Journey,
    geo: &Geometry,
    c: &JourneyColors,
    cfg: &JourneyConfig,
    cx: &Context<'_>,
) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "journey",
            width: geo.width,
            height: geo.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: j.acc_title.as_deref(),
            acc_descr: j.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    let arrow = format!("{}-arrowhead", cx.svg_id);
    w.open("defs", &[]);
    w.open(
        "marker",
        &[
            ("id", arrow.clone()),
            ("refX", "5".into()),
            ("refY", "2".into()),
            ("markerWidth", "6".into()),
            ("markerHeight", "4".into()),
            ("orient", "auto".into()),
        ],
    );
    let mut a: Attrs = vec![("d", "M 0,0 V 4 L6,2 Z".into())];
    a.extend(fill_attrs(&c.line));
    w.leaf("path", &a);
    w.close("marker");
    w.close("defs");
    // Legend.
    let legend_style = TextStyle {
        size: 16.0,
        ..text_style()
    };
    for (k, l) in geo.legend.iter().enumerate() {
        let colour = &c.actors[k % c.actors.len().max(1)];
        circle(&mut w, l.centre.0, l.centre.1, 7.0, colour, "#000", "1");
        // Left-aligned lines (the legend reads from its dot).
        let mut a: Attrs = vec![
            ("x", num(l.text_at.0)),
            ("y", num(l.text_at.1 + l.text.baseline)),
            ("font-size", num(legend_style.size)),
        ];
        a.extend(fill_attrs(&c.text));
        w.open("text", &a);
        for (i, line) in l.text.lines.iter().enumerate() {
            let y = l.text_at.1 + l.text.baseline + i as f64 * l.text.line_height;
            w.text_element(
                "tspan",
                &[("x", num(l.text_at.0)), ("y", num(y))],
                line.text.trim_start(),
            );
        }
        w.close("text");
    }
    for s in &geo.sections {
        boxed(&mut w, s, c, "journey-section");
    }
    for t in &geo.tasks {
        let (x, y0, y1) = t.line;
        let mut a: Attrs = vec![
            ("id", format!("{}-task{}", cx.svg_id, t.task)),
            ("x1", num(x)),
            ("y1", num(y0)),
            ("x2", num(x)),
            ("y2", num(y1)),
            ("stroke-width", "1".into()),
            ("stroke-dasharray", "4 2".into()),
        ];
        a.extend(stroke_attrs("#666"));
        w.leaf("line", &a);
        // The face.
        let (fx, fy) = t.face;
        circle(
            &mut w,
            fx,
            fy,
            super::layout::FACE_RADIUS,
            &c.face,
            "#999",
            "2",
        );
        circle(&mut w, fx - 5.0, fy - 5.0, 1.5, "#666", "#666", "2");
        circle(&mut w, fx + 5.0, fy - 5.0, 1.5, "#666", "#666", "2");
        let score = j.tasks.get(t.task).map_or(3.0, |t| t.score);
        let mouth = if score > 3.0 {
            // A smile: the lower half of a ring.
            Some("M7.5,0A7.5,7.5,0,1,1,-7.5,0L-6.818,0A6.818,6.818,0,1,0,6.818,0Z")
        } else if score < 3.0 {
            Some("M-7.5,0A7.5,7.5,0,1,1,7.5,0L6.818,0A6.818,6.818,0,1,0,-6.818,0Z")
        } else {
            None
        };
        match mouth {
            Some(d) => {
                let dy = if score > 3.0 { 2.0 } else { 7.0 };
                let mut a: Attrs = vec![
                    ("d", d.into()),
                    (
                        "transform",
                        format!("translate({},{})", num(fx), num(fy + dy)),
                    ),
                ];
                a.extend(fill_attrs("#666"));
                w.leaf("path", &a);
            }
            None => {
                let mut a: Attrs = vec![
                    ("x1", num(fx - 5.0)),
                    ("y1", num(fy + 7.0)),
                    ("x2", num(fx + 5.0)),
                    ("y2", num(fy + 7.0)),
                    ("stroke-width", "1".into()),
                ];
                a.extend(stroke_attrs("#666"));
                w.leaf("line", &a);
            }
        }
        boxed(&mut w, &t.node, c, "task");
        for (dx, actor) in &t.dots {
            let colour = &c.actors[actor % c.actors.len().max(1)];
            circle(&mut w, *dx, t.node.rect.y, 7.0, colour, "#000", "1");
        }
    }
    if let Some((tb, x, y)) = &geo.title {
        let ts = title_style(cfg);
        let mut extra: Attrs = vec![("font-weight", "bold".into()), ("font-size", num(ts.size))];
        extra.extend(fill_attrs(&c.title));
        label(
            &mut w,
            tb,
            Point::new(x + tb.width / 2.0, y + tb.height / 2.0),
            extra,
            ts,
        );
    }
    let (x0, x1, y) = geo.arrow;
    let mut a: Attrs = vec![
        ("x1", num(x0)),
        ("y1", num(y)),
        ("x2", num(x1)),
        ("y2", num(y)),
        ("stroke-width", "4".into()),
        ("marker-end", format!("url(#{arrow})")),
    ];
    a.extend(stroke_attrs(&c.line));
    w.leaf("line", &a);
    end_document(&mut w);
    w.finish()
}
