//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, Text};
use super::model::Treemap;
use super::{section_colors, text_on, TreemapConfig};
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, safe_value, stroke_attrs, Attrs, Head, Writer,
};
use crate::theme::color;

fn text(w: &mut Writer, t: &Text, fill: &str, class: &str) {
    let mut a: Attrs = vec![
        ("class", class.into()),
        ("x", num(t.x)),
        ("y", num(t.y)),
        ("text-anchor", t.anchor.into()),
        ("font-size", num(t.size)),
    ];
    if t.bold {
        a.push(("font-weight", "bold".into()));
    }
    if t.italic {
        a.push(("font-style", "italic".into()));
    }
    a.extend(fill_attrs(fill));
    w.text_element("text", &a, &t.text);
}

/// Write the SVG document.
pub fn draw(g: &Geometry, tm: &Treemap, cfg: &TreemapConfig, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "treemap",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: tm.acc_title.as_deref(),
            acc_descr: tm.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    let theme = &cx.config.theme;
    let under = cx.background.unwrap_or(&theme.background).to_string();
    let palette = section_colors(cx.config);
    // Section colours in order of first use (breadth-first), leaves take
    // their parent's.
    let mut parent = vec![0usize; tm.items.len()];
    for (i, it) in tm.items.iter().enumerate() {
        for &c in &it.children {
            if let Some(p) = parent.get_mut(c) {
                *p = i;
            }
        }
    }
    let mut used: Vec<usize> = Vec::new();
    let mut color_of = |item: usize| -> String {
        let k = match used.iter().position(|&u| u == item) {
            Some(k) => k,
            None => {
                used.push(item);
                used.len() - 1
            }
        };
        palette[k % palette.len().max(1)].clone()
    };
    // Mixed colour under each section, for text contrast of its children.
    let mut mixed: Vec<Option<String>> = vec![None; tm.items.len()];
    if let Some(t) = &g.title {
        text(&mut w, t, &theme.title_text, "treemapTitle");
    }
    w.open("g", &[("class", "treemapContainer".into())]);
    for c in &g.cells {
        let item = &tm.items[c.item];
        let class = item.class.as_deref();
        let base = if c.leaf {
            color_of(parent[c.item])
        } else {
            color_of(c.item)
        };
        let fill = tm
            .style(class, "fill")
            .filter(|v| safe_value(v).is_some())
            .unwrap_or_else(|| base.clone());
        let stroke = tm
            .style(class, "stroke")
            .filter(|v| safe_value(v).is_some())
            .unwrap_or_else(|| {
                if c.leaf {
                    base.clone()
                } else {
                    color::map(&base, |x| x.adjust(0.0, 0.0, -15.0))
                }
            });
        let stroke_w = tm
            .style(class, "stroke-width")
            .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 50.0)
            .unwrap_or(cfg.border_width + if c.leaf { 2.0 } else { 1.0 });
        let opacity = if c.leaf { 0.3 } else { 0.6 };
        let p = parent[c.item];
        let below = mixed
            .get(p)
            .cloned()
            .flatten()
            .unwrap_or_else(|| under.clone());
        let (auto_text, mix) = text_on(&fill, opacity, &below);
        if let Some(m) = mixed.get_mut(c.item) {
            *m = Some(mix);
        }
        let text_fill = tm
            .style(class, "color")
            .filter(|v| safe_value(v).is_some())
            .unwrap_or(auto_text);
        w.open(
            "g",
            &[(
                "class",
                if c.leaf {
                    "treemapNode treemapLeafGroup"
                } else {
                    "treemapSection"
                }
                .into(),
            )],
        );
        let mut a: Attrs = vec![
            (
                "class",
                if c.leaf {
                    "treemapLeaf"
                } else {
                    "treemapSection"
                }
                .into(),
            ),
            ("x", num(c.x0)),
            ("y", num(c.y0)),
            ("width", num((c.x1 - c.x0).max(0.0))),
            ("height", num((c.y1 - c.y0).max(0.0))),
        ];
        a.extend(fill_attrs(&fill));
        a.push(("fill-opacity", num(opacity)));
        a.extend(stroke_attrs(&stroke));
        a.push(("stroke-width", num(stroke_w)));
        if !c.leaf {
            a.push(("stroke-opacity", "0.4".into()));
        }
        w.leaf("rect", &a);
        let (lc, vc) = if c.leaf {
            ("treemapLabel", "treemapValue")
        } else {
            ("treemapSectionLabel", "treemapSectionValue")
        };
        if let Some(t) = &c.label {
            text(&mut w, t, &text_fill, lc);
        }
        if let Some(t) = &c.value {
            text(&mut w, t, &text_fill, vc);
        }
        w.close("g");
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
