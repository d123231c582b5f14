//! Geometry → SVG. Nothing is measured here.

use super::layout::{arrow_head, outline_of, Geometry, Placed};
use super::model::{BlockDiagram, Dir, Kind, Stroke, Tip};
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::shape::{cylinder_ry, Shape};
use crate::style::ResolvedStyle;
use crate::svg::{
    begin_document, end_document, fill_attrs, label, num, safe_value, stroke_attrs, Attrs, Head,
    Writer,
};
use crate::text::TextStyle;
use crate::theme::Theme;

/// Colours of one block after theme, classes and `style`.
struct Paint {
    fill: String,
    fill_opacity: Option<f64>,
    stroke: String,
    stroke_width: String,
    dash: Option<String>,
    text: String,
}

fn resolve(d: &BlockDiagram, i: usize, theme: &Theme) -> Paint {
    let b = &d.blocks[i];
    let composite = matches!(b.kind, Kind::Composite { .. });
    let mut s = ResolvedStyle::default();
    for c in &b.classes {
        for (name, decls) in &d.class_defs {
            if name == c {
                s.apply(decls);
            }
        }
    }
    s.apply(&b.styles);
    let (fill, stroke) = if composite {
        (theme.cluster_fill.clone(), theme.cluster_stroke.clone())
    } else {
        (theme.node_fill.clone(), theme.node_stroke.clone())
    };
    let user_fill = s.fill.as_deref().and_then(safe_value).map(str::to_string);
    Paint {
        fill_opacity: if composite && user_fill.is_none() {
            Some(0.5)
        } else {
            None
        },
        fill: user_fill.unwrap_or(fill),
        stroke: s
            .stroke
            .as_deref()
            .and_then(safe_value)
            .map_or(stroke, str::to_string),
        stroke_width: s
            .stroke_width
            .as_deref()
            .and_then(safe_value)
            .map(|v| v.trim_end_matches("px").to_string())
            .filter(|v| v.parse::<f64>().is_ok())
            .unwrap_or_else(|| "1".into()),
        dash: s
            .stroke_dasharray
            .as_deref()
            .and_then(safe_value)
            .map(str::to_string),
        text: s
            .color
            .as_deref()
            .and_then(safe_value)
            .map_or_else(|| theme.node_text.clone(), str::to_string),
    }
}

fn paint_attrs(p: &Paint) -> Attrs {
    let mut a = fill_attrs(&p.fill);
    if let Some(o) = p.fill_opacity {
        a.push(("fill-opacity", num(o)));
    }
    a.extend(stroke_attrs(&p.stroke));
    a.push(("stroke-width", p.stroke_width.clone()));
    if let Some(dash) = &p.dash {
        a.push(("stroke-dasharray", dash.clone()));
    }
    a
}

fn poly_path(pts: &[Point], dx: f64, dy: f64) -> String {
    let mut s = String::new();
    for (k, p) in pts.iter().enumerate() {
        s.push(if k == 0 { 'M' } else { 'L' });
        s.push_str(&format!("{},{}", num(p.x + dx), num(p.y + dy)));
    }
    s.push('Z');
    s
}

/// The polygons of a block arrow centred at (cx, cy), `w` × `h`.
pub fn arrow_polygons(
    dirs: &[Dir],
    c: Point,
    w: f64,
    h: f64,
    lw: f64,
    lh: f64,
    pad: f64,
) -> Vec<Vec<Point>> {
    let (bx, by) = (lw / 2.0 + pad, lh / 2.0 + pad / 2.0);
    let (hw, hh) = (w / 2.0, h / 2.0);
    let p = |x: f64, y: f64| Point::new(c.x + x, c.y + y);
    let mut out = Vec::new();
    let left = dirs.contains(&Dir::Left);
    let right = dirs.contains(&Dir::Right);
    let up = dirs.contains(&Dir::Up);
    let down = dirs.contains(&Dir::Down);
    if left || right {
        let (l, o) = arrow_head(2.0 * by);
        let mut v = vec![];
        // Top edge left to right, then the bottom back.
        if left {
            v.extend([p(-hw, 0.0), p(-hw + l, -by - o), p(-hw + l, -by)]);
        } else {
            v.push(p(-hw, -by));
        }
        if right {
            v.extend([
                p(hw - l, -by),
                p(hw - l, -by - o),
                p(hw, 0.0),
                p(hw - l, by + o),
                p(hw - l, by),
            ]);
        } else {
            v.extend([p(hw, -by), p(hw, by)]);
        }
        if left {
            v.extend([p(-hw + l, by), p(-hw + l, by + o)]);
        } else {
            v.push(p(-hw, by));
        }
        out.push(v);
    }
    if up || down {
        let (l, o) = arrow_head(2.0 * bx.min(by * 2.0));
        let mut v = vec![];
        if up {
            v.extend([p(0.0, -hh), p(bx + o, -hh + l), p(bx, -hh + l)]);
        } else {
            v.push(p(bx, -hh));
        }
        if down {
            v.extend([
                p(bx, hh - l),
                p(bx + o, hh - l),
                p(0.0, hh),
                p(-bx - o, hh - l),
                p(-bx, hh - l),
            ]);
        } else {
            v.extend([p(bx, hh), p(-bx, hh)]);
        }
        if up {
            v.extend([p(-bx, -hh + l), p(-bx - o, -hh + l)]);
        } else {
            v.push(p(-bx, -hh));
        }
        out.push(v);
    }
    if out.is_empty() {
        out.push(vec![p(-bx, -by), p(bx, -by), p(bx, by), p(-bx, by)]);
    }
    out
}

fn shape(w: &mut Writer, d: &BlockDiagram, pl: &Placed, paint: &Paint, pad: f64) {
    let a = paint_attrs(paint);
    let c = pl.centre();
    let kind = &d.blocks[pl.index].kind;
    let rect = |w: &mut Writer, rx: f64| {
        let mut r: Attrs = vec![
            ("x", num(pl.x)),
            ("y", num(pl.y)),
            ("width", num(pl.w)),
            ("height", num(pl.h)),
        ];
        if rx > 0.0 {
            r.push(("rx", num(rx)));
            r.push(("ry", num(rx)));
        }
        r.extend(a.iter().cloned());
        w.leaf("rect", &r);
    };
    match kind {
        Kind::Composite { .. } | Kind::Node(Shape::Rect) => rect(w, 0.0),
        Kind::Node(Shape::Rounded) => rect(w, 5.0),
        Kind::Node(Shape::Stadium) => rect(w, pl.h / 2.0),
        Kind::Node(Shape::Circle) => {
            let mut r: Attrs = vec![("cx", num(c.x)), ("cy", num(c.y)), ("r", num(pl.w / 2.0))];
            r.extend(a);
            w.leaf("circle", &r);
        }
        Kind::Node(Shape::DoubleCircle) => {
            for rr in [pl.w / 2.0, pl.w / 2.0 - 5.0] {
                let mut r: Attrs =
                    vec![("cx", num(c.x)), ("cy", num(c.y)), ("r", num(rr.max(0.0)))];
                r.extend(a.iter().cloned());
                w.leaf("circle", &r);
            }
        }
        Kind::Node(Shape::Subroutine) => {
            rect(w, 0.0);
            for x in [pl.x + 8.0, pl.x + pl.w - 8.0] {
                let mut l: Attrs = vec![
                    ("x1", num(x)),
                    ("y1", num(pl.y)),
                    ("x2", num(x)),
                    ("y2", num(pl.y + pl.h)),
                ];
                l.extend(stroke_attrs(&paint.stroke));
                l.push(("stroke-width", paint.stroke_width.clone()));
                w.leaf("line", &l);
            }
        }
        Kind::Node(Shape::Cylinder) => {
            let rx = pl.w / 2.0;
            let ry = cylinder_ry(pl.w);
            let (x0, x1, y0, y1) = (pl.x, pl.x + pl.w, pl.y + ry, pl.y + pl.h - ry);
            let body = format!(
                "M{x0},{y0}A{rx},{ry},0,0,0,{x1},{y0}A{rx},{ry},0,0,0,{x0},{y0}L{x0},{y1}A{rx},{ry},0,0,0,{x1},{y1}L{x1},{y0}",
                x0 = num(x0),
                x1 = num(x1),
                y0 = num(y0),
                y1 = num(y1),
                rx = num(rx),
                ry = num(ry)
            );
            let mut p: Attrs = vec![("d", body)];
            p.extend(a);
            w.leaf("path", &p);
        }
        Kind::Arrow(dirs) => {
            let (lw, lh) = pl
                .label
                .as_ref()
                .map_or((0.0, 0.0), |t| (t.width, t.height));
            for poly in arrow_polygons(dirs, c, pl.w, pl.h, lw, lh, pad) {
                let mut p: Attrs = vec![("d", poly_path(&poly, 0.0, 0.0))];
                p.extend(a.iter().cloned());
                w.leaf("path", &p);
            }
        }
        k => {
            let poly = outline_of(k, pl.w, pl.h);
            let mut p: Attrs = vec![("d", poly_path(&poly, c.x, c.y))];
            p.extend(a);
            w.leaf("path", &p);
        }
    }
}

/// The end of an edge: the marker drawn at `tip` coming from `from`, and
/// how far the line stops short of the tip.
fn marker(w: &mut Writer, tip: Tip, at: Point, from: Point, colour: &str) -> f64 {
    let (dx, dy) = (at.x - from.x, at.y - from.y);
    let len = dx.hypot(dy);
    if len < 1e-6 {
        return 0.0;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (nx, ny) = (-uy, ux);
    let p = |along: f64, side: f64| {
        Point::new(at.x - ux * along + nx * side, at.y - uy * along + ny * side)
    };
    match tip {
        Tip::None => 0.0,
        Tip::Arrow => {
            let pts = [p(0.0, 0.0), p(10.0, 5.0), p(10.0, -5.0)];
            let mut a: Attrs = vec![("d", poly_path(&pts, 0.0, 0.0))];
            a.extend(fill_attrs(colour));
            w.leaf("path", &a);
            8.0
        }
        Tip::Circle => {
            let c = p(5.0, 0.0);
            let mut a: Attrs = vec![("cx", num(c.x)), ("cy", num(c.y)), ("r", "5".into())];
            a.extend(fill_attrs(colour));
            w.leaf("circle", &a);
            5.0
        }
        Tip::Cross => {
            let (a1, a2, b1, b2) = (p(1.0, -4.5), p(10.0, 4.5), p(1.0, 4.5), p(10.0, -4.5));
            let mut a: Attrs = vec![(
                "d",
                format!(
                    "M{},{}L{},{}M{},{}L{},{}",
                    num(a1.x),
                    num(a1.y),
                    num(a2.x),
                    num(a2.y),
                    num(b1.x),
                    num(b1.y),
                    num(b2.x),
                    num(b2.y)
                ),
            )];
            a.extend(stroke_attrs(colour));
            a.push(("stroke-width", "2".into()));
            w.leaf("path", &a);
            0.0
        }
    }
}

/// Draw the diagram.
pub fn render_svg(d: &BlockDiagram, g: &Geometry, cx: &Context<'_>, pad: f64) -> String {
    let theme = &cx.config.theme;
    let style = TextStyle {
        size: g.font_size,
        bold: false,
        italic: false,
    };
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "block",
            width: g.width,
            height: g.height,
            font_family: theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: d.acc_title.as_deref(),
            acc_descr: d.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("id", format!("{}-block", cx.svg_id))]);
    if let Some((tb, c)) = &g.title {
        let t = TextStyle {
            size: g.font_size * 18.0 / 16.0,
            ..style
        };
        let mut a: Attrs = vec![
            ("class", "blockTitleText".into()),
            ("font-size", num(t.size)),
        ];
        a.extend(fill_attrs(&theme.title_text));
        label(&mut w, tb, *c, a, t);
    }
    for pl in &g.blocks {
        let paint = resolve(d, pl.index, theme);
        let id = crate::svg::sanitize_id(&d.blocks[pl.index].id);
        w.open(
            "g",
            &[
                ("class", "node".into()),
                ("id", format!("{}-{}", cx.svg_id, id)),
            ],
        );
        shape(&mut w, d, pl, &paint, pad);
        if let Some(tb) = &pl.label {
            let mut c = pl.centre();
            if let Kind::Node(Shape::Cylinder) = d.blocks[pl.index].kind {
                c.y += cylinder_ry(pl.w) / 2.0;
            }
            label(&mut w, tb, c, fill_attrs(&paint.text), style);
        }
        w.close("g");
    }
    w.open("g", &[("class", "edges".into())]);
    for e in &g.edges {
        let colour = theme.line.as_str();
        let cut_end = marker(&mut w, e.end, e.to, e.from, colour);
        let cut_start = marker(&mut w, e.start, e.from, e.to, colour);
        let (dx, dy) = (e.to.x - e.from.x, e.to.y - e.from.y);
        let len = dx.hypot(dy).max(1e-9);
        let (ux, uy) = (dx / len, dy / len);
        let a0 = Point::new(e.from.x + ux * cut_start, e.from.y + uy * cut_start);
        let a1 = Point::new(e.to.x - ux * cut_end, e.to.y - uy * cut_end);
        let mut a: Attrs = vec![(
            "d",
            format!("M{},{}L{},{}", num(a0.x), num(a0.y), num(a1.x), num(a1.y)),
        )];
        a.push(("fill", "none".into()));
        a.extend(stroke_attrs(colour));
        a.push((
            "stroke-width",
            match e.stroke {
                Stroke::Thick => "3.5".into(),
                _ => "1.5".into(),
            },
        ));
        if e.stroke == Stroke::Dotted {
            a.push(("stroke-dasharray", "3".into()));
        }
        w.leaf("path", &a);
    }
    for e in &g.edges {
        if let Some((tb, c)) = &e.label {
            let mut r: Attrs = vec![
                ("x", num(c.x - tb.width / 2.0 - 2.0)),
                ("y", num(c.y - tb.height / 2.0)),
                ("width", num(tb.width + 4.0)),
                ("height", num(tb.height)),
            ];
            r.extend(fill_attrs(&theme.edge_label_bg));
            w.leaf("rect", &r);
            label(&mut w, tb, *c, fill_attrs(&theme.edge_label_text), style);
        }
    }
    w.close("g");
    w.close("g");
    end_document(&mut w);
    w.finish()
}
