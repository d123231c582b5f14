//! Geometry → SVG. Nothing is measured here.

use super::layout::{Anchor, Geometry};
use super::model::Packet;
use super::PacketStyle;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

/// Write the SVG document.
pub fn draw(g: &Geometry, p: &Packet, st: &PacketStyle, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "packet",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: p.acc_title.as_deref(),
            acc_descr: p.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    for row in &g.rows {
        w.open("g", &[("class", "packet-row".into())]);
        for b in row {
            let mut a: Attrs = vec![
                ("class", "packetBlock".into()),
                ("x", num(b.x)),
                ("y", num(b.y)),
                ("width", num(b.w.max(0.0))),
                ("height", num(b.h)),
            ];
            a.extend(fill_attrs(&st.block_fill_color));
            a.extend(stroke_attrs(&st.block_stroke_color));
            a.push(("stroke-width", num(st.block_stroke_width)));
            w.leaf("rect", &a);
            if !b.label.is_empty() {
                let mut a: Attrs = vec![
                    ("class", "packetLabel".into()),
                    ("x", num(b.label_x)),
                    ("y", num(b.label_y)),
                    ("text-anchor", "middle".into()),
                    ("font-size", num(st.label_font_size)),
                ];
                a.extend(fill_attrs(&st.label_color));
                w.text_element("text", &a, &b.label);
            }
            for n in &b.bits {
                let anchor = match n.anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let mut a: Attrs = vec![
                    (
                        "class",
                        if n.start {
                            "packetByte start"
                        } else {
                            "packetByte end"
                        }
                        .into(),
                    ),
                    ("x", num(n.x)),
                    ("y", num(n.y)),
                    ("text-anchor", anchor.into()),
                    ("font-size", num(st.byte_font_size)),
                ];
                a.extend(fill_attrs(if n.start {
                    &st.start_byte_color
                } else {
                    &st.end_byte_color
                }));
                w.text_element("text", &a, &n.text);
            }
        }
        w.close("g");
    }
    if let Some((t, x, y)) = &g.title {
        let mut a: Attrs = vec![
            ("class", "packetTitle".into()),
            ("x", num(*x)),
            ("y", num(*y)),
            ("text-anchor", "middle".into()),
            ("font-size", num(st.title_font_size)),
        ];
        a.extend(fill_attrs(&st.title_color));
        w.text_element("text", &a, t);
    }
    end_document(&mut w);
    w.finish()
}
