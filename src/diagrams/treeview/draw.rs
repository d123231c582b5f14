//! Geometry → SVG. Nothing is measured here.

use super::layout::Geometry;
use super::model::TreeView;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

/// Draw the tree.
pub fn render_svg(
    tv: &TreeView,
    g: &Geometry,
    cx: &Context<'_>,
    label: &str,
    line: &str,
) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "treeView",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: tv.acc_title.as_deref(),
            acc_descr: tv.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("class", "tree-view".into())]);
    for l in &g.lines {
        let mut a: Attrs = vec![
            ("class", "treeView-node-line".into()),
            ("x1", num(l.x1)),
            ("y1", num(l.y1)),
            ("x2", num(l.x2)),
            ("y2", num(l.y2)),
            ("stroke-width", num(g.line_width)),
        ];
        a.extend(stroke_attrs(line));
        w.leaf("line", &a);
    }
    for r in &g.rows {
        let Some(first) = r.tb.lines.first() else {
            continue;
        };
        let mut a: Attrs = vec![
            ("class", "treeView-node-label".into()),
            ("x", num(r.x)),
            ("y", num(r.y - r.tb.height / 2.0 + r.tb.baseline)),
            ("font-size", num(g.font_size)),
            ("xml:space", "preserve".into()),
        ];
        if r.bold {
            a.push(("font-weight", "bold".into()));
        }
        a.extend(fill_attrs(label));
        w.text_element("text", &a, &first.text);
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
