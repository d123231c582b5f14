//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, HAnchor, Text};
use super::model::{Graticule, Radar};
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head, Writer,
};

fn text(w: &mut Writer, t: &Text, fill: &str, class: &str) {
    let anchor = match t.anchor {
        HAnchor::Start => "start",
        HAnchor::Middle => "middle",
        HAnchor::End => "end",
    };
    let mut a: Attrs = vec![
        ("class", class.into()),
        ("x", num(t.x)),
        ("y", num(t.y)),
        ("font-size", num(t.size)),
        ("text-anchor", anchor.into()),
    ];
    a.extend(fill_attrs(fill));
    w.text_element("text", &a, &t.text);
}

fn points(pts: &[(f64, f64)]) -> String {
    pts.iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A closed Catmull-Rom curve through `pts` as cubic Béziers, with
/// Mermaid's `curveTension`.
pub fn closed_curve(pts: &[(f64, f64)], tension: f64) -> String {
    let n = pts.len();
    let Some(first) = pts.first() else {
        return String::new();
    };
    let mut d = format!("M{},{}", num(first.0), num(first.1));
    for i in 0..n {
        let p0 = pts[(i + n - 1) % n];
        let p1 = pts[i];
        let p2 = pts[(i + 1) % n];
        let p3 = pts[(i + 2) % n];
        let c1 = (
            p1.0 + (p2.0 - p0.0) * tension,
            p1.1 + (p2.1 - p0.1) * tension,
        );
        let c2 = (
            p2.0 - (p3.0 - p1.0) * tension,
            p2.1 - (p3.1 - p1.1) * tension,
        );
        d.push_str(&format!(
            " C{},{} {},{} {},{}",
            num(c1.0),
            num(c1.1),
            num(c2.0),
            num(c2.1),
            num(p2.0),
            num(p2.1)
        ));
    }
    d.push_str(" Z");
    d
}

/// Draw the chart.
pub fn render_svg(r: &Radar, g: &Geometry, cx: &Context<'_>) -> String {
    let c = &g.colors;
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "radar",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: r.acc_title.as_deref(),
            acc_descr: r.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("id", format!("{}-radar", cx.svg_id))]);
    let mut grat: Attrs = fill_attrs(&c.graticule);
    grat.push(("fill-opacity", num(c.graticule_opacity)));
    grat.extend(stroke_attrs(&c.graticule));
    grat.push(("stroke-width", num(c.graticule_width)));
    for ring in &g.rings {
        let mut a: Attrs = vec![("class", "radarGraticule".into())];
        match g.graticule {
            Graticule::Circle => {
                a.extend([("cx", num(g.cx)), ("cy", num(g.cy)), ("r", num(*ring))]);
                a.extend(grat.iter().cloned());
                w.leaf("circle", &a);
            }
            Graticule::Polygon => {
                if g.axes.is_empty() {
                    continue;
                }
                let pts: Vec<(f64, f64)> = g
                    .axes
                    .iter()
                    .map(|(t, _, _)| (g.cx + ring * t.sin(), g.cy - ring * t.cos()))
                    .collect();
                a.push(("points", points(&pts)));
                a.extend(grat.iter().cloned());
                w.leaf("polygon", &a);
            }
        }
    }
    for (_, x, y) in &g.axes {
        let mut a: Attrs = vec![
            ("class", "radarAxisLine".into()),
            ("x1", num(g.cx)),
            ("y1", num(g.cy)),
            ("x2", num(*x)),
            ("y2", num(*y)),
            ("stroke-width", num(c.axis_width)),
        ];
        a.extend(stroke_attrs(&c.axis));
        w.leaf("line", &a);
    }
    for t in &g.axis_labels {
        text(&mut w, t, &c.text, "radarAxisLabel");
    }
    for cv in &g.curves {
        let colour = c.curve(cv.index);
        let mut a: Attrs = vec![("class", format!("radarCurve-{}", cv.index))];
        let tag = match g.graticule {
            Graticule::Circle => {
                a.push(("d", closed_curve(&cv.points, g.tension)));
                "path"
            }
            Graticule::Polygon => {
                a.push(("points", points(&cv.points)));
                "polygon"
            }
        };
        a.extend(fill_attrs(colour));
        a.push(("fill-opacity", num(c.curve_opacity)));
        a.extend(stroke_attrs(colour));
        a.push(("stroke-width", num(c.curve_width)));
        w.leaf(tag, &a);
    }
    for l in &g.legend {
        w.open("g", &[("class", "radarLegend".into())]);
        let colour = c.curve(l.index);
        let mut a: Attrs = vec![
            ("class", format!("radarLegendBox-{}", l.index)),
            ("x", num(l.x)),
            ("y", num(l.y)),
            ("width", num(c.legend_box)),
            ("height", num(c.legend_box)),
        ];
        a.extend(fill_attrs(colour));
        a.push(("fill-opacity", num(c.curve_opacity)));
        a.extend(stroke_attrs(colour));
        w.leaf("rect", &a);
        text(&mut w, &l.text, &c.text, "radarLegendText");
        w.close("g");
    }
    if let Some(t) = &g.title {
        text(&mut w, t, &c.text, "radarTitle");
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}
