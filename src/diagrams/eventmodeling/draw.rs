//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, DATA_SIZE, NAME_SIZE, PADDING};
use super::model::EventModel;
use super::EmColors;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

/// Draw the model.
pub fn render_svg(m: &EventModel, g: &Geometry, cx: &Context<'_>, c: &EmColors) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "eventmodeling",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: m.acc_title.as_deref(),
            acc_descr: m.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    for l in &g.lanes {
        w.open("g", &[("class", "em-swimlane".into())]);
        let mut a: Attrs = vec![
            ("x", num(PADDING)),
            ("y", num(l.y)),
            ("rx", "3".into()),
            ("width", num(g.lane_width)),
            ("height", num(l.height)),
        ];
        a.extend(fill_attrs(&c.lane_fill));
        a.extend(stroke_attrs(&c.lane_stroke));
        w.leaf("rect", &a);
        let text = l.label.lines.first().map_or("", |x| x.text.as_str());
        let mut a: Attrs = vec![
            ("x", num(l.label_x)),
            ("y", num(l.label_y + l.label.baseline)),
            ("font-size", num(NAME_SIZE)),
            ("font-weight", "bold".into()),
        ];
        a.extend(fill_attrs(&c.lane_text));
        w.text_element("text", &a, text);
        w.close("g");
    }
    for b in &g.boxes {
        w.open("g", &[("class", "em-box".into())]);
        let (fill, stroke) = c.kind(b.kind);
        let mut a: Attrs = vec![
            ("x", num(b.x)),
            ("y", num(b.y)),
            ("rx", "3".into()),
            ("width", num(b.w)),
            ("height", num(b.h)),
        ];
        a.extend(fill_attrs(fill));
        a.extend(stroke_attrs(stroke));
        w.leaf("rect", &a);
        let cxm = b.x + b.w / 2.0;
        let name = b.name.lines.first().map_or("", |x| x.text.as_str());
        let mut a: Attrs = vec![
            ("x", num(cxm)),
            ("y", num(b.text_y + b.name.baseline)),
            ("text-anchor", "middle".into()),
            ("font-size", num(NAME_SIZE)),
            ("font-weight", "bold".into()),
        ];
        a.extend(fill_attrs(&c.box_text));
        w.text_element("text", &a, name);
        if let Some(d) = &b.data {
            let top = b.text_y + b.name.height + 8.0;
            let left = cxm - d.width / 2.0;
            let mut a: Attrs = vec![("font-size", num(DATA_SIZE))];
            a.extend(fill_attrs(&c.box_text));
            w.open("text", &a);
            for (k, line) in d.lines.iter().enumerate() {
                w.text_element(
                    "tspan",
                    &[
                        ("x", num(left)),
                        ("y", num(top + d.baseline + k as f64 * d.line_height)),
                    ],
                    &line.text,
                );
            }
            w.close("text");
        }
        w.close("g");
    }
    for &((x1, y1), (x2, y2)) in &g.relations {
        let mut a: Attrs = vec![
            ("class", "em-relation".into()),
            (
                "d",
                format!("M{},{}L{},{}", num(x1), num(y1), num(x2), num(y2)),
            ),
            ("fill", "none".into()),
            ("stroke-width", "1".into()),
        ];
        a.extend(stroke_attrs(&c.line));
        w.leaf("path", &a);
        let (dx, dy) = (x2 - x1, y2 - y1);
        let d = (dx * dx + dy * dy).sqrt();
        if d > 1e-6 {
            let (ux, uy) = (dx / d, dy / d);
            let (bx, by) = (x2 - ux * 10.0, y2 - uy * 10.0);
            let pts = format!(
                "{},{} {},{} {},{}",
                num(x2),
                num(y2),
                num(bx - uy * 3.5),
                num(by + ux * 3.5),
                num(bx + uy * 3.5),
                num(by - ux * 3.5)
            );
            let mut a: Attrs = vec![("points", pts)];
            a.extend(fill_attrs(&c.line));
            w.leaf("polygon", &a);
        }
    }
    end_document(&mut w);
    w.finish()
}
