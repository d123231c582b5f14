//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, FONT_SIZE};
use super::model::Info;
use crate::diagrams::Context;
use crate::svg::{begin_document, end_document, fill_attrs, num, Attrs, Head, Writer};

/// Draw the version box.
pub fn render_svg(info: &Info, g: &Geometry, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "info",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: info.acc_title.as_deref(),
            acc_descr: info.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[]);
    let mut a: Attrs = vec![
        ("class", "version".into()),
        ("x", num(g.x)),
        ("y", num(g.y)),
        ("font-size", num(FONT_SIZE)),
        ("text-anchor", "middle".into()),
    ];
    a.extend(fill_attrs(&g.color));
    let text = g.text.lines.first().map_or("", |l| l.text.as_str());
    w.text_element("text", &a, text);
    w.close("g");
    end_document(&mut w);
    w.finish()
}
