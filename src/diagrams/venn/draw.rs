//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, Text};
use super::model::Venn;
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{
    begin_document, end_document, fill_attrs, label, num, paint_attrs, stroke_attrs, Attrs, Head,
    Writer,
};
use crate::text::TextStyle;

fn circle_path(x: f64, y: f64, r: f64) -> String {
    format!(
        "M{},{}m{},0a{r},{r},0,1,0,{},0a{r},{r},0,1,0,{},0Z",
        num(x),
        num(y),
        num(-r),
        num(2.0 * r),
        num(-2.0 * r),
        r = num(r)
    )
}

fn text(w: &mut Writer, t: &Text) {
    let mut a: Attrs = vec![("class", t.class.into()), ("font-size", num(t.size))];
    a.extend(fill_attrs(&t.color));
    label(
        w,
        &t.tb,
        Point { x: t.x, y: t.y },
        a,
        TextStyle {
            size: t.size,
            ..TextStyle::default()
        },
    );
}

/// Draw the diagram.
pub fn render_svg(v: &Venn, g: &Geometry, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "venn",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: v.acc_title.as_deref(),
            acc_descr: v.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    if let Some(t) = &g.title {
        text(&mut w, t);
    }
    w.open("g", &[("class", "venn-areas".into())]);
    for (k, c) in g.circles.iter().enumerate() {
        let mut a: Attrs = vec![
            ("class", format!("venn-circle venn-set-{k}")),
            ("d", circle_path(c.x, c.y, c.r)),
        ];
        a.extend(fill_attrs(&c.fill));
        a.push(("fill-opacity", num(c.fill_opacity)));
        a.extend(stroke_attrs(&c.stroke));
        a.push(("stroke-width", num(c.stroke_width)));
        a.push(("stroke-opacity", "0.95".into()));
        w.leaf("path", &a);
    }
    // A styled union: its fill clipped to every one of its circles.
    for (k, l) in g.lenses.iter().enumerate() {
        let Some((&first, others)) = l.sets.split_first() else {
            continue;
        };
        let Some(c0) = g.circles.get(first) else {
            continue;
        };
        w.open("defs", &[]);
        let mut clip_ids = Vec::new();
        for (j, &s) in others.iter().enumerate() {
            let Some(c) = g.circles.get(s) else { continue };
            let id = format!("{}-lens{k}-{j}", cx.svg_id);
            w.open("clipPath", &[("id", id.clone())]);
            let prev = clip_ids.last().map(|p: &String| format!("url(#{p})"));
            let mut a: Attrs = vec![("d", circle_path(c.x, c.y, c.r))];
            if let Some(p) = prev {
                a.push(("clip-path", p));
            }
            w.leaf("path", &a);
            w.close("clipPath");
            clip_ids.push(id);
        }
        w.close("defs");
        let mut a: Attrs = vec![
            ("class", "venn-intersection".into()),
            ("d", circle_path(c0.x, c0.y, c0.r)),
        ];
        if let Some(id) = clip_ids.last() {
            a.push(("clip-path", format!("url(#{id})")));
        }
        a.extend(paint_attrs("fill", "fill-opacity", &l.fill));
        a.retain(|(k, _)| *k != "fill-opacity");
        a.push(("fill-opacity", num(l.fill_opacity)));
        if let Some((s, sw)) = &l.stroke {
            a.extend(stroke_attrs(s));
            a.push(("stroke-width", num(*sw)));
        }
        w.leaf("path", &a);
    }
    w.close("g");
    w.open("g", &[("class", "venn-labels".into())]);
    for t in &g.texts {
        text(&mut w, t);
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
