//! Geometry → SVG. Nothing is measured here.

use super::layout::Geometry;
use super::model::Sankey;
use super::{LinkColor, SankeyConfig};
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

/// Write the SVG document.
pub fn draw(g: &Geometry, s: &Sankey, cfg: &SankeyConfig, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "sankey",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: s.acc_title.as_deref(),
            acc_descr: s.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    // Links under nodes.
    w.open(
        "g",
        &[
            ("class", "links".into()),
            ("fill", "none".into()),
            ("stroke-opacity", "0.5".into()),
        ],
    );
    for (k, l) in g.links.iter().enumerate() {
        let (Some(a), Some(b)) = (g.nodes.get(l.source), g.nodes.get(l.target)) else {
            continue;
        };
        w.open("g", &[("class", "link".into())]);
        let stroke = match &cfg.link_color {
            LinkColor::Source => a.color.clone(),
            LinkColor::Target => b.color.clone(),
            LinkColor::Fixed(c) => c.clone(),
            LinkColor::Gradient => {
                let id = format!("{}-gradient-{k}", cx.svg_id);
                w.open(
                    "linearGradient",
                    &[
                        ("id", id.clone()),
                        ("gradientUnits", "userSpaceOnUse".into()),
                        ("x1", num(a.x1)),
                        ("x2", num(b.x0)),
                        ("y1", "0".into()),
                        ("y2", "0".into()),
                    ],
                );
                for (off, c) in [("0%", &a.color), ("100%", &b.color)] {
                    let mut at: Attrs = vec![("offset", off.into())];
                    if let Some(v) = crate::svg::safe_value(c) {
                        at.push(("stop-color", v.to_string()));
                    }
                    w.leaf("stop", &at);
                }
                w.close("linearGradient");
                format!("url(#{id})")
            }
        };
        let mx = (a.x1 + b.x0) / 2.0;
        let d = format!(
            "M{},{}C{},{},{},{},{},{}",
            num(a.x1),
            num(l.y0),
            num(mx),
            num(l.y0),
            num(mx),
            num(l.y1),
            num(b.x0),
            num(l.y1)
        );
        let mut at: Attrs = vec![("d", d)];
        if stroke.starts_with("url(#") {
            at.push(("stroke", stroke));
        } else {
            at.extend(stroke_attrs(&stroke));
        }
        at.push(("stroke-width", num(l.width.max(1.0))));
        w.leaf("path", &at);
        w.close("g");
    }
    w.close("g");
    w.open("g", &[("class", "nodes".into())]);
    for (i, n) in g.nodes.iter().enumerate() {
        let mut a: Attrs = vec![
            ("class", "node".into()),
            ("id", format!("{}-node-{i}", cx.svg_id)),
            ("x", num(n.x0)),
            ("y", num(n.y0)),
            ("width", num(n.x1 - n.x0)),
            ("height", num((n.y1 - n.y0).max(0.0))),
        ];
        a.extend(fill_attrs(&n.color));
        w.leaf("rect", &a);
    }
    w.close("g");
    let text_color = cx.config.theme.text.clone();
    w.open(
        "g",
        &[
            ("class", "node-labels".into()),
            ("font-size", num(g.font_size)),
        ],
    );
    for l in &g.labels {
        let anchor = if l.end_anchor { "end" } else { "start" };
        if cfg.outlined {
            let mut a: Attrs = vec![
                ("x", num(l.x)),
                ("y", num(l.y)),
                ("text-anchor", anchor.into()),
                ("fill", "none".into()),
                ("stroke-width", "3".into()),
                ("stroke-linejoin", "round".into()),
            ];
            a.extend(stroke_attrs(&cx.config.theme.background));
            w.text_element("text", &a, &l.text);
        }
        let mut a: Attrs = vec![
            ("x", num(l.x)),
            ("y", num(l.y)),
            ("text-anchor", anchor.into()),
        ];
        a.extend(fill_attrs(&text_color));
        w.text_element("text", &a, &l.text);
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
