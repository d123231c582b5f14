//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, Line, Text, NODE_R, OVERLAY_R};
use super::model::{Flow, Sourcing, Wardley};
use super::WardleyColors;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

fn text(w: &mut Writer, t: &Text, color: &str, class: &str) {
    let Some(line) = t.tb.lines.first() else {
        return;
    };
    let (cx, cy) = t.centre();
    let mut a: Attrs = vec![
        ("class", class.into()),
        ("x", num(t.x)),
        ("y", num(t.y + t.tb.baseline)),
        ("font-size", num(t.size)),
    ];
    if t.bold {
        a.push(("font-weight", "bold".into()));
    }
    if t.rotate != 0.0 {
        a.push((
            "transform",
            format!("rotate({} {} {})", num(t.rotate), num(cx), num(cy)),
        ));
    }
    a.extend(fill_attrs(color));
    w.text_element("text", &a, &line.text);
}

fn arrow(w: &mut Writer, x: f64, y: f64, ux: f64, uy: f64, color: &str) {
    let (len, half) = (8.0, 3.5);
    let (bx, by) = (x - ux * len, y - uy * len);
    let mut a: Attrs = vec![(
        "points",
        format!(
            "{},{} {},{} {},{}",
            num(x),
            num(y),
            num(bx - uy * half),
            num(by + ux * half),
            num(bx + uy * half),
            num(by - ux * half)
        ),
    )];
    a.extend(fill_attrs(color));
    w.leaf("polygon", &a);
}

fn line(w: &mut Writer, l: &Line, c: &WardleyColors) {
    let color = if l.trend { &c.trend } else { &c.line };
    let mut a: Attrs = vec![
        (
            "class",
            if l.trend {
                "wardley-trend"
            } else {
                "wardley-link"
            }
            .into(),
        ),
        ("x1", num(l.x1)),
        ("y1", num(l.y1)),
        ("x2", num(l.x2)),
        ("y2", num(l.y2)),
        ("stroke-width", "1".into()),
    ];
    if l.dashed {
        a.push(("stroke-dasharray", "4 4".into()));
    }
    a.extend(stroke_attrs(color));
    w.leaf("line", &a);
    let (dx, dy) = (l.x2 - l.x1, l.y2 - l.y1);
    let d = (dx * dx + dy * dy).sqrt();
    if d < 1e-6 {
        return;
    }
    let (ux, uy) = (dx / d, dy / d);
    if matches!(l.flow, Flow::Forward | Flow::Both) {
        arrow(w, l.x2, l.y2, ux, uy, color);
    }
    if matches!(l.flow, Flow::Backward | Flow::Both) {
        arrow(w, l.x1, l.y1, -ux, -uy, color);
    }
}

/// Draw the map.
pub fn render_svg(m: &Wardley, g: &Geometry, cx: &Context<'_>, c: &WardleyColors) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "wardley",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: m.acc_title.as_deref(),
            acc_descr: m.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("class", "wardley-map".into())]);
    if let Some(t) = &g.title {
        text(&mut w, t, &c.text, "wardley-title");
    }
    let (l, t, r, b) = g.plot;
    for (x1, y1, x2, y2) in [(l, b, r, b), (l, t, l, b)] {
        let mut a: Attrs = vec![
            ("x1", num(x1)),
            ("y1", num(y1)),
            ("x2", num(x2)),
            ("y2", num(y2)),
            ("stroke-width", "1".into()),
        ];
        a.extend(stroke_attrs(&c.line));
        w.leaf("line", &a);
    }
    text(&mut w, &g.axis_x, &c.text, "wardley-axis-label");
    text(&mut w, &g.axis_y, &c.text, "wardley-axis-label");
    for &x in &g.stage_lines {
        let mut a: Attrs = vec![
            ("x1", num(x)),
            ("y1", num(t)),
            ("x2", num(x)),
            ("y2", num(b)),
            ("stroke-width", "1".into()),
            ("stroke-dasharray", "5 5".into()),
            ("opacity", "0.8".into()),
        ];
        a.extend(stroke_attrs(&c.stage));
        w.leaf("line", &a);
    }
    for s in &g.stage_labels {
        text(&mut w, s, &c.text, "wardley-stage-label");
    }
    for &(x, y, bw, bh) in &g.pipelines {
        let mut a: Attrs = vec![
            ("class", "wardley-pipeline-box".into()),
            ("x", num(x)),
            ("y", num(y)),
            ("width", num(bw)),
            ("height", num(bh)),
            ("rx", "4".into()),
            ("fill", "none".into()),
            ("stroke-width", "1.5".into()),
        ];
        a.extend(stroke_attrs(&c.line));
        w.leaf("rect", &a);
    }
    for ln in &g.lines {
        line(&mut w, ln, c);
    }
    for t in &g.link_labels {
        text(&mut w, t, &c.text, "wardley-link-label");
    }
    for n in &g.nodes {
        if n.anchor {
            text(&mut w, &n.label, &c.anchor, "wardley-node-label");
            continue;
        }
        if let Some(s) = n.sourcing {
            let (fill, stroke) = match s {
                Sourcing::Build => (c.build.as_str(), c.overlay_stroke.as_str()),
                Sourcing::Buy => (c.buy.as_str(), c.line.as_str()),
                Sourcing::Outsource => (c.outsource.as_str(), c.line.as_str()),
                Sourcing::Market => (c.node_fill.as_str(), c.line.as_str()),
            };
            let mut a: Attrs = vec![
                ("cx", num(n.x)),
                ("cy", num(n.y)),
                ("r", num(OVERLAY_R)),
                ("stroke-width", "1".into()),
            ];
            a.extend(fill_attrs(fill));
            a.extend(stroke_attrs(stroke));
            w.leaf("circle", &a);
        }
        if n.inertia {
            let mut a: Attrs = vec![
                ("class", "wardley-inertia".into()),
                ("x1", num(n.x + OVERLAY_R + 6.0)),
                ("y1", num(n.y - 10.0)),
                ("x2", num(n.x + OVERLAY_R + 6.0)),
                ("y2", num(n.y + 10.0)),
                ("stroke-width", "6".into()),
            ];
            a.extend(stroke_attrs(&c.line));
            w.leaf("line", &a);
        }
        if n.square {
            let s = NODE_R * 0.8;
            let mut a: Attrs = vec![
                ("x", num(n.x - s)),
                ("y", num(n.y - s)),
                ("width", num(2.0 * s)),
                ("height", num(2.0 * s)),
                ("stroke-width", "1".into()),
            ];
            a.extend(fill_attrs(&c.node_fill));
            a.extend(stroke_attrs(&c.line));
            w.leaf("rect", &a);
        } else if n.sourcing == Some(Sourcing::Market) {
            // Market: three small circles joined in a triangle.
            let pts = [(0.0, -5.0), (-4.5, 3.0), (4.5, 3.0)];
            let path = format!(
                "M{},{}L{},{}L{},{}Z",
                num(n.x + pts[0].0),
                num(n.y + pts[0].1),
                num(n.x + pts[1].0),
                num(n.y + pts[1].1),
                num(n.x + pts[2].0),
                num(n.y + pts[2].1)
            );
            let mut a: Attrs = vec![
                ("d", path),
                ("fill", "none".into()),
                ("stroke-width", "1".into()),
            ];
            a.extend(stroke_attrs(&c.line));
            w.leaf("path", &a);
            for (dx, dy) in pts {
                let mut a: Attrs = vec![
                    ("cx", num(n.x + dx)),
                    ("cy", num(n.y + dy)),
                    ("r", "2".into()),
                    ("stroke-width", "1".into()),
                ];
                a.extend(fill_attrs(&c.node_fill));
                a.extend(stroke_attrs(&c.line));
                w.leaf("circle", &a);
            }
        } else {
            let mut a: Attrs = vec![
                ("cx", num(n.x)),
                ("cy", num(n.y)),
                ("r", num(NODE_R)),
                ("stroke-width", "1".into()),
            ];
            a.extend(fill_attrs(&c.node_fill));
            a.extend(stroke_attrs(&c.line));
            w.leaf("circle", &a);
        }
        text(&mut w, &n.label, &c.text, "wardley-node-label");
    }
    for f in &g.forces {
        let s = if f.right { 1.0 } else { -1.0 };
        let (x, y) = (f.x, f.y);
        let pts = [
            (0.0, -15.0),
            (40.0, -15.0),
            (40.0, -23.0),
            (60.0, 0.0),
            (40.0, 23.0),
            (40.0, 15.0),
            (0.0, 15.0),
        ];
        let mut d = String::new();
        for (k, (dx, dy)) in pts.iter().enumerate() {
            d.push_str(&format!(
                "{}{},{}",
                if k == 0 { "M" } else { "L" },
                num(x + s * dx),
                num(y + dy)
            ));
        }
        d.push('Z');
        let mut a: Attrs = vec![
            (
                "class",
                if f.right {
                    "wardley-accelerator"
                } else {
                    "wardley-deaccelerator"
                }
                .into(),
            ),
            ("d", d),
            ("stroke-width", "1".into()),
        ];
        a.extend(fill_attrs(&c.node_fill));
        a.extend(stroke_attrs(&c.line));
        w.leaf("path", &a);
        text(&mut w, &f.label, &c.text, "wardley-force-label");
    }
    for (x, y, t) in &g.markers {
        let mut a: Attrs = vec![
            ("cx", num(*x)),
            ("cy", num(*y)),
            ("r", "10".into()),
            ("stroke-width", "1.5".into()),
        ];
        a.extend(fill_attrs(&c.node_fill));
        a.extend(stroke_attrs(&c.line));
        w.leaf("circle", &a);
        text(&mut w, t, &c.text, "wardley-annotation");
    }
    if let Some(((x, y, bw, bh), list)) = &g.legend {
        let mut a: Attrs = vec![
            ("x", num(*x)),
            ("y", num(*y)),
            ("width", num(*bw)),
            ("height", num(*bh)),
            ("rx", "4".into()),
            ("stroke-width", "1.5".into()),
        ];
        a.extend(fill_attrs(&c.node_fill));
        a.extend(stroke_attrs(&c.line));
        w.leaf("rect", &a);
        for t in list {
            text(&mut w, t, &c.text, "wardley-annotations-text");
        }
    }
    for t in &g.notes {
        text(&mut w, t, &c.text, "wardley-note");
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
