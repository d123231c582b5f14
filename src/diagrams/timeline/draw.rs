//! Timeline geometry → SVG.

use super::layout::Geometry;
use super::model::Timeline;
use super::Palette;
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{begin_document, end_document, fill_attrs, label, num, stroke_attrs};
use crate::svg::{Attrs, Head, Writer};
use crate::text::TextStyle;

pub fn draw(
    t: &Timeline,
    geo: &Geometry,
    pal: &Palette,
    font_size: f64,
    cx: &Context<'_>,
) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "timeline",
            width: geo.width,
            height: geo.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: t.acc_title.as_deref(),
            acc_descr: t.acc_descr.as_deref(),
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
    a.extend(fill_attrs(&pal.line));
    w.leaf("path", &a);
    w.close("marker");
    w.close("defs");
    // Dashed column lines behind the nodes.
    for (x, y0, y1) in &geo.columns {
        let mut a: Attrs = vec![
            ("x1", num(*x)),
            ("y1", num(*y0)),
            ("x2", num(*x)),
            ("y2", num(*y1)),
            ("stroke-width", "2".into()),
            ("stroke-dasharray", "5,5".into()),
            ("marker-end", format!("url(#{arrow})")),
        ];
        a.extend(stroke_attrs(&pal.line));
        w.leaf("line", &a);
    }
    let style = TextStyle {
        size: font_size,
        bold: false,
        italic: false,
    };
    for (k, n) in geo.nodes.iter().enumerate() {
        let r = &n.rect;
        let (fill, text, line) = pal.colors(n.color, n.event);
        w.open(
            "g",
            &[(
                "class",
                format!("timeline-node section-{}", n.color as i64 - 1),
            )],
        );
        let d = format!(
            "M{x} {yb} v{up} q0,-5,5,-5 h{h} q5,0,5,5 v{down} H{x} Z",
            x = num(r.x),
            yb = num(r.y + r.height - 5.0),
            up = num(-(r.height - 10.0)),
            h = num(r.width - 10.0),
            down = num(r.height - 5.0),
        );
        let mut a: Attrs = vec![("id", format!("{}-node-{k}", cx.svg_id)), ("d", d)];
        a.extend(fill_attrs(&fill));
        w.leaf("path", &a);
        let mut a: Attrs = vec![
            ("x1", num(r.x)),
            ("y1", num(r.y + r.height)),
            ("x2", num(r.x + r.width)),
            ("y2", num(r.y + r.height)),
            ("stroke-width", "3".into()),
        ];
        a.extend(stroke_attrs(&line));
        w.leaf("line", &a);
        let tr = n.text_rect();
        let centre = Point::new(r.x + r.width / 2.0, tr.y + tr.height / 2.0);
        label(&mut w, &n.text, centre, fill_attrs(&text), style);
        w.close("g");
    }
    let (x0, x1, y) = geo.axis;
    let mut a: Attrs = vec![
        ("x1", num(x0)),
        ("y1", num(y)),
        ("x2", num(x1)),
        ("y2", num(y)),
        ("stroke-width", "4".into()),
        ("marker-end", format!("url(#{arrow})")),
    ];
    a.extend(stroke_attrs(&pal.line));
    w.leaf("line", &a);
    if let Some((tb, x, top)) = &geo.title {
        let tstyle = TextStyle {
            size: 2.0 * font_size,
            bold: true,
            italic: false,
        };
        let mut extra: Attrs = vec![
            ("font-weight", "bold".into()),
            ("font-size", num(tstyle.size)),
        ];
        extra.extend(fill_attrs(&pal.title));
        label(
            &mut w,
            tb,
            Point::new(x + tb.width / 2.0, top + tb.height / 2.0),
            extra,
            tstyle,
        );
    }
    end_document(&mut w);
    w.finish()
}
