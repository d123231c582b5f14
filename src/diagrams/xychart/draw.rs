//! Geometry → SVG. Nothing is measured here.

use super::layout::{Anchor, Geometry, Text};
use super::model::Chart;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

fn text(w: &mut Writer, t: &Text) {
    let anchor = match t.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let mut a: Attrs = if t.vertical {
        vec![
            ("x", "0".into()),
            ("y", "0".into()),
            (
                "transform",
                format!("translate({}, {}) rotate(-90)", num(t.x), num(t.y)),
            ),
        ]
    } else {
        vec![("x", num(t.x)), ("y", num(t.y))]
    };
    a.push(("font-size", num(t.size)));
    a.push(("text-anchor", anchor.into()));
    a.extend(fill_attrs(&t.fill));
    w.text_element("text", &a, &t.text);
}

/// Write the SVG document.
pub fn draw(g: &Geometry, chart: &Chart, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "xychart",
            width: g.width.ceil(),
            height: g.height.ceil(),
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: chart.acc_title.as_deref(),
            acc_descr: chart.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("class", "main".into())]);
    let mut bg: Attrs = vec![
        ("class", "background".into()),
        ("width", num(g.width)),
        ("height", num(g.height)),
    ];
    bg.extend(fill_attrs(&g.background));
    w.leaf("rect", &bg);
    for grp in &g.groups {
        w.open("g", &[("class", grp.class.clone())]);
        for r in &grp.rects {
            let mut a: Attrs = vec![
                ("x", num(r.x)),
                ("y", num(r.y)),
                ("width", num(r.w.max(0.0))),
                ("height", num(r.h.max(0.0))),
            ];
            a.extend(fill_attrs(&r.fill));
            w.leaf("rect", &a);
        }
        for l in &grp.lines {
            if l.points.is_empty() {
                continue;
            }
            let d: Vec<String> = l
                .points
                .iter()
                .enumerate()
                .map(|(i, (x, y))| {
                    format!("{}{},{}", if i == 0 { "M" } else { "L" }, num(*x), num(*y))
                })
                .collect();
            let mut a: Attrs = vec![("d", d.join(" ")), ("fill", "none".into())];
            a.extend(stroke_attrs(&l.stroke));
            a.push(("stroke-width", num(l.width)));
            w.leaf("path", &a);
        }
        for t in &grp.texts {
            text(&mut w, t);
        }
        w.close("g");
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
