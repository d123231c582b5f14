//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, Label, HEAD_FONT_SIZE};
use super::model::Ishikawa;
use super::IshikawaColors;
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{
    begin_document, end_document, fill_attrs, label, num, stroke_attrs, Attrs, Head, Writer,
};
use crate::text::TextStyle;

/// Arrowhead length and half width.
const ARROW: f64 = 8.0;
const ARROW_HALF: f64 = 3.5;

fn text(w: &mut Writer, l: &Label, color: &str, class: &str, style: TextStyle) {
    let mut a: Attrs = vec![("class", class.into()), ("font-size", num(style.size))];
    if style.bold {
        a.push(("font-weight", "bold".into()));
    }
    a.extend(fill_attrs(color));
    label(w, &l.tb, Point { x: l.x, y: l.y }, a, style);
}

/// Draw the fishbone.
pub fn render_svg(ish: &Ishikawa, g: &Geometry, cx: &Context<'_>, c: &IshikawaColors) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "ishikawa",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: ish.acc_title.as_deref(),
            acc_descr: ish.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("class", "ishikawa".into())]);
    for s in &g.segs {
        let mut a: Attrs = vec![
            (
                "class",
                if s.thick {
                    "ishikawa-branch"
                } else {
                    "ishikawa-sub-branch"
                }
                .into(),
            ),
            ("x1", num(s.x1)),
            ("y1", num(s.y1)),
            ("x2", num(s.x2)),
            ("y2", num(s.y2)),
            ("stroke-width", num(if s.thick { 2.0 } else { 1.0 })),
        ];
        a.extend(stroke_attrs(&c.line));
        w.leaf("line", &a);
        if s.arrow {
            let (dx, dy) = (s.x2 - s.x1, s.y2 - s.y1);
            let len = (dx * dx + dy * dy).sqrt();
            if len > 1e-6 {
                let (ux, uy) = (dx / len, dy / len);
                let bx = s.x2 - ux * ARROW;
                let by = s.y2 - uy * ARROW;
                let pts = format!(
                    "{},{} {},{} {},{}",
                    num(s.x2),
                    num(s.y2),
                    num(bx - uy * ARROW_HALF),
                    num(by + ux * ARROW_HALF),
                    num(bx + uy * ARROW_HALF),
                    num(by - ux * ARROW_HALF)
                );
                let mut a: Attrs = vec![("class", "ishikawa-arrow".into()), ("points", pts)];
                a.extend(fill_attrs(&c.line));
                w.leaf("polygon", &a);
            }
        }
    }
    // The head: flat against the spine's end, rounded to the right.
    let (x, y, h, r) = (g.head_x, g.spine_y, g.head_h, g.head_w);
    let mut a: Attrs = vec![
        ("class", "ishikawa-head".into()),
        (
            "d",
            format!(
                "M{},{}L{},{}Q{},{} {},{}Z",
                num(x),
                num(y - h),
                num(x),
                num(y + h),
                num(x + 2.0 * r),
                num(y),
                num(x),
                num(y - h)
            ),
        ),
        ("stroke-width", "2".into()),
    ];
    a.extend(fill_attrs(&c.head_fill));
    a.extend(stroke_attrs(&c.line));
    w.leaf("path", &a);
    text(
        &mut w,
        &g.head_label,
        &c.head_text,
        "ishikawa-head-label",
        TextStyle {
            size: HEAD_FONT_SIZE,
            bold: true,
            italic: false,
        },
    );
    let normal = TextStyle {
        size: super::layout::FONT_SIZE,
        ..TextStyle::default()
    };
    for b in &g.boxes {
        let mut a: Attrs = vec![
            ("class", "ishikawa-label-box".into()),
            ("x", num(b.x)),
            ("y", num(b.y)),
            ("width", num(b.w)),
            ("height", num(b.h)),
            ("stroke-width", "2".into()),
        ];
        a.extend(fill_attrs(&c.box_fill));
        a.extend(stroke_attrs(&c.line));
        w.leaf("rect", &a);
        text(
            &mut w,
            &b.label,
            &c.box_text,
            "ishikawa-label cause",
            normal,
        );
    }
    for l in &g.labels {
        text(&mut w, l, &c.text, "ishikawa-label", normal);
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
