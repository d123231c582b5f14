//! Geometry → SVG. Nothing is measured here.

use super::layout::{Anchor, Geometry, Text};
use super::model::Quadrant;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

fn text(w: &mut Writer, t: &Text) {
    if t.text.trim().is_empty() {
        return;
    }
    let mut transform = format!("translate({}, {})", num(t.x), num(t.y));
    if t.vertical {
        transform.push_str(" rotate(-90)");
    }
    let mut a: Attrs = vec![
        ("x", "0".into()),
        ("y", num(t.baseline_offset())),
        ("transform", transform),
        ("font-size", num(t.size)),
        (
            "text-anchor",
            match t.anchor {
                Anchor::TopStart => "start",
                _ => "middle",
            }
            .into(),
        ),
    ];
    a.extend(fill_attrs(&t.fill));
    w.text_element("text", &a, &t.text);
}

/// Draw the chart.
pub fn render_svg(q: &Quadrant, g: &Geometry, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "quadrantChart",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: q.acc_title.as_deref(),
            acc_descr: q.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    let mut main: Attrs = vec![("class", "main".into())];
    if g.dx != 0.0 || g.dy != 0.0 {
        main.push((
            "transform",
            format!("translate({}, {})", num(g.dx), num(g.dy)),
        ));
    }
    w.open("g", &main);
    w.open("g", &[("class", "quadrants".into())]);
    for r in &g.quadrants {
        w.open("g", &[("class", "quadrant".into())]);
        let mut a: Attrs = vec![
            ("x", num(r.x)),
            ("y", num(r.y)),
            ("width", num(r.w)),
            ("height", num(r.h)),
        ];
        a.extend(fill_attrs(&r.fill));
        w.leaf("rect", &a);
        if let Some(l) = &r.label {
            text(&mut w, l);
        }
        w.close("g");
    }
    w.close("g");
    w.open("g", &[("class", "border".into())]);
    for l in &g.borders {
        let mut a: Attrs = vec![
            ("x1", num(l.x1)),
            ("y1", num(l.y1)),
            ("x2", num(l.x2)),
            ("y2", num(l.y2)),
            ("stroke-width", num(l.width)),
        ];
        a.extend(stroke_attrs(&l.stroke));
        w.leaf("line", &a);
    }
    w.close("g");
    w.open("g", &[("class", "data-points".into())]);
    for p in &g.points {
        w.open("g", &[("class", "data-point".into())]);
        let mut a: Attrs = vec![("cx", num(p.x)), ("cy", num(p.y)), ("r", num(p.r))];
        a.extend(fill_attrs(&p.fill));
        if p.stroke_width > 0.0 {
            a.extend(stroke_attrs(&p.stroke));
            a.push(("stroke-width", num(p.stroke_width)));
        }
        w.leaf("circle", &a);
        text(&mut w, &p.label);
        w.close("g");
    }
    w.close("g");
    w.open("g", &[("class", "labels".into())]);
    for l in &g.axis_labels {
        text(&mut w, l);
    }
    w.close("g");
    if let Some(t) = &g.title {
        w.open("g", &[("class", "title".into())]);
        text(&mut w, t);
        w.close("g");
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
