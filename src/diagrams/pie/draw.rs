//! Geometry → SVG. Nothing is measured here.

use std::f64::consts::{PI, TAU};

use super::layout::Geometry;
use super::model::Pie;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

/// A point on the circle of radius `r` around (`cx`, `cy`) at `angle`
/// (clockwise from 12 o'clock).
fn at(cx: f64, cy: f64, r: f64, angle: f64) -> (f64, f64) {
    (cx + r * angle.sin(), cy - r * angle.cos())
}

/// The path of a slice from `start` to `end` (radians).
pub fn slice_path(cx: f64, cy: f64, r: f64, start: f64, end: f64) -> String {
    let span = end - start;
    let (x0, y0) = at(cx, cy, r, start);
    if span >= TAU - 1e-9 {
        // The whole circle: two half arcs.
        let (x1, y1) = at(cx, cy, r, start + PI);
        return format!(
            "M{},{}A{r},{r},0,1,1,{},{}A{r},{r},0,1,1,{},{}Z",
            num(x0),
            num(y0),
            num(x1),
            num(y1),
            num(x0),
            num(y0),
            r = num(r)
        );
    }
    let (x1, y1) = at(cx, cy, r, end);
    let large = if span > PI { 1 } else { 0 };
    format!(
        "M{},{}A{r},{r},0,{large},1,{},{}L{},{}Z",
        num(x0),
        num(y0),
        num(x1),
        num(y1),
        num(cx),
        num(cy),
        r = num(r)
    )
}

fn text_attrs(x: f64, y: f64, size: f64, color: &str, anchor: Option<&str>) -> Attrs {
    let mut a: Attrs = vec![("x", num(x)), ("y", num(y)), ("font-size", num(size))];
    if let Some(anchor) = anchor {
        a.push(("text-anchor", anchor.into()));
    }
    a.extend(fill_attrs(color));
    a
}

/// Draw the pie.
pub fn render_svg(pie: &Pie, g: &Geometry, cx: &Context<'_>) -> String {
    let c = &g.colors;
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "pie",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: pie.acc_title.as_deref(),
            acc_descr: pie.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("id", format!("{}-pie", cx.svg_id))]);
    let mut outer: Attrs = vec![
        ("class", "pieOuterCircle".into()),
        ("cx", num(g.cx)),
        ("cy", num(g.cy)),
        ("r", num(g.outer_radius)),
        ("fill", "none".into()),
        ("stroke-width", num(c.outer_stroke_width)),
    ];
    outer.extend(stroke_attrs(&c.outer_stroke));
    w.leaf("circle", &outer);
    for s in &g.slices {
        let mut a: Attrs = vec![
            ("class", "pieCircle".into()),
            ("d", slice_path(g.cx, g.cy, g.radius, s.start, s.end)),
        ];
        a.extend(fill_attrs(c.slice(s.index)));
        a.extend(stroke_attrs(&c.stroke));
        a.push(("stroke-width", num(c.stroke_width)));
        a.push(("opacity", num(c.opacity)));
        w.leaf("path", &a);
    }
    for s in &g.slices {
        let mut a = text_attrs(
            s.label_x,
            s.label_y,
            c.section_size,
            &c.section_color,
            Some("middle"),
        );
        a.insert(0, ("class", "slice".into()));
        w.text_element("text", &a, &s.label);
    }
    if let Some((tb, x, y)) = &g.title {
        let text = tb.lines.first().map_or("", |l| l.text.as_str());
        let mut a = text_attrs(*x, *y, c.title_size, &c.title_color, Some("middle"));
        a.insert(0, ("class", "pieTitleText".into()));
        w.text_element("text", &a, text);
    }
    for l in &g.legend {
        w.open("g", &[("class", "legend".into())]);
        let colour = c.slice(l.index);
        let mut a: Attrs = vec![
            ("x", num(l.x)),
            ("y", num(l.y)),
            ("width", num(super::layout::LEGEND_RECT)),
            ("height", num(super::layout::LEGEND_RECT)),
        ];
        a.extend(fill_attrs(colour));
        a.extend(stroke_attrs(colour));
        w.leaf("rect", &a);
        let text: Vec<&str> = l.text.lines.iter().map(|x| x.text.as_str()).collect();
        w.text_element(
            "text",
            &text_attrs(l.text_x, l.text_y, c.legend_size, &c.legend_color, None),
            &text.join(" "),
        );
        w.close("g");
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
