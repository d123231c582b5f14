//! Drawing: layout → SVG. Entities as boxes (a name header over an
//! attribute table with alternating row fills), relationships as curves
//! with crow's-foot markers at both ends, labels on a translucent
//! background.

use super::layout::{EntityBox, Layout, CELL_PAD_X};
use super::model::{Cardinality, Diagram};
use crate::diagrams::Context;
use crate::geometry::{EdgePath, Point, Seg};
use crate::svg::{self, num, Attrs, Head, Writer};
use crate::theme::color::map;
use crate::theme::Theme;

/// The colours an ER diagram paints with, from the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub fill: String,
    pub stroke: String,
    pub text: String,
    /// Attribute rows: first, third, … and second, fourth, ….
    pub row_odd: String,
    pub row_even: String,
    pub line: String,
    pub label_bg: String,
    pub label_text: String,
    /// Fill of the markers' circles (the page colour).
    pub marker_fill: String,
    pub title: String,
}

impl Palette {
    /// Mermaid's ER colours: the node colours, rows derived from the main
    /// background (`rowOdd`/`rowEven` theme variables win), labels on the
    /// tertiary colour.
    pub fn from_theme(t: &Theme) -> Palette {
        let (odd, even) = if t.dark_mode {
            (
                map(&t.node_fill, |c| c.adjust(0.0, 0.0, 5.0)),
                map(&t.node_fill, |c| c.adjust(0.0, 0.0, 10.0)),
            )
        } else {
            (
                map(&t.node_fill, |c| c.adjust(0.0, 0.0, 75.0)),
                map(&t.node_fill, |c| c.adjust(0.0, 0.0, 1.0)),
            )
        };
        Palette {
            fill: t.node_fill.clone(),
            stroke: t.node_stroke.clone(),
            text: t.node_text.clone(),
            row_odd: t
                .var("rowOdd")
                .or_else(|| t.var("attributeBackgroundColorOdd"))
                .unwrap_or(odd),
            row_even: t
                .var("rowEven")
                .or_else(|| t.var("attributeBackgroundColorEven"))
                .unwrap_or(even),
            line: t.line.clone(),
            label_bg: t.tertiary.clone(),
            label_text: t.text.clone(),
            marker_fill: t.background.clone(),
            title: t.title_text.clone(),
        }
    }
}

/// Marker geometry (facts of Mermaid's ER markers): for the start and the
/// end variant, (refX, refY, width, height, path, circle (cx, cy)).
type MarkerDef = (f64, f64, f64, f64, &'static str, Option<(f64, f64)>);

fn marker_def(card: Cardinality, start: bool) -> MarkerDef {
    match (card, start) {
        (Cardinality::OnlyOne, true) => (0.0, 9.0, 18.0, 18.0, "M9,0 L9,18 M15,0 L15,18", None),
        (Cardinality::OnlyOne, false) => (18.0, 9.0, 18.0, 18.0, "M3,0 L3,18 M9,0 L9,18", None),
        (Cardinality::ZeroOrOne, true) => (0.0, 9.0, 30.0, 18.0, "M9,0 L9,18", Some((21.0, 9.0))),
        (Cardinality::ZeroOrOne, false) => {
            (30.0, 9.0, 30.0, 18.0, "M21,0 L21,18", Some((9.0, 9.0)))
        }
        (Cardinality::OneOrMore, true) => (
            18.0,
            18.0,
            45.0,
            36.0,
            "M0,18 Q18,0 36,18 Q18,36 0,18 M42,9 L42,27",
            None,
        ),
        (Cardinality::OneOrMore, false) => (
            27.0,
            18.0,
            45.0,
            36.0,
            "M3,9 L3,27 M9,18 Q27,0 45,18 Q27,36 9,18",
            None,
        ),
        (Cardinality::ZeroOrMore, true) => (
            18.0,
            18.0,
            57.0,
            36.0,
            "M0,18 Q18,0 36,18 Q18,36 0,18",
            Some((48.0, 18.0)),
        ),
        (Cardinality::ZeroOrMore, false) => (
            39.0,
            18.0,
            57.0,
            36.0,
            "M21,18 Q39,0 57,18 Q39,36 21,18",
            Some((9.0, 18.0)),
        ),
        (Cardinality::MdParent, true) => (0.0, 7.0, 19.0, 14.0, "M18,7 L9,13 L1,7 L9,1 Z", None),
        (Cardinality::MdParent, false) => (18.0, 7.0, 19.0, 14.0, "M0,7 L9,13 L17,7 L9,1 Z", None),
    }
}

/// Every cardinality, in the order marker definitions are written.
const ALL: [Cardinality; 5] = [
    Cardinality::OnlyOne,
    Cardinality::ZeroOrOne,
    Cardinality::OneOrMore,
    Cardinality::ZeroOrMore,
    Cardinality::MdParent,
];

fn marker_id(svg_id: &str, card: Cardinality, start: bool) -> String {
    format!(
        "{svg_id}_er-{}{}",
        card.name(),
        if start { "Start" } else { "End" }
    )
}

fn write_markers(w: &mut Writer, d: &Diagram, cx: &Context<'_>, p: &Palette) {
    let used = |card: Cardinality, start: bool| {
        d.relationships.iter().any(|r| {
            if start {
                r.card_a == card
            } else {
                r.card_b == card
            }
        })
    };
    w.open("defs", &[]);
    for card in ALL {
        for start in [true, false] {
            if !used(card, start) {
                continue;
            }
            let (rx, ry, mw, mh, path, circle) = marker_def(card, start);
            w.open(
                "marker",
                &[
                    ("id", marker_id(cx.svg_id, card, start)),
                    ("class", format!("marker {} er", card.name())),
                    ("refX", num(rx)),
                    ("refY", num(ry)),
                    ("markerWidth", num(mw)),
                    ("markerHeight", num(mh)),
                    ("markerUnits", "userSpaceOnUse".into()),
                    ("orient", "auto".into()),
                    ("overflow", "visible".into()),
                ],
            );
            if let Some((cx_, cy)) = circle {
                let mut a: Attrs = vec![
                    ("cx", num(cx_)),
                    ("cy", num(cy)),
                    ("r", "6".into()),
                    ("stroke-width", "1".into()),
                ];
                a.extend(svg::fill_attrs(&p.marker_fill));
                a.extend(svg::stroke_attrs(&p.line));
                w.leaf("circle", &a);
            }
            let mut a: Attrs = vec![
                ("d", path.into()),
                ("fill", "none".into()),
                ("stroke-width", "1".into()),
            ];
            a.extend(svg::stroke_attrs(&p.line));
            w.leaf("path", &a);
            w.close("marker");
        }
    }
    w.close("defs");
}

fn path_d(path: &EdgePath) -> String {
    let pt = |p: Point| format!("{},{}", num(p.x), num(p.y));
    let mut d = format!("M{}", pt(path.start));
    for s in &path.segs {
        match *s {
            Seg::Line(p) => {
                d.push_str(" L");
                d.push_str(&pt(p));
            }
            Seg::Cubic(a, b, p) => d.push_str(&format!(" C{} {} {}", pt(a), pt(b), pt(p))),
        }
    }
    d
}

fn rect_attrs(x: f64, y: f64, w: f64, h: f64) -> Attrs {
    vec![
        ("x", num(x)),
        ("y", num(y)),
        ("width", num(w)),
        ("height", num(h)),
    ]
}

/// Fill, stroke, width and dashes of an entity's outline after its style.
fn box_paint(b: &EntityBox, p: &Palette, fill: &str) -> Attrs {
    let s = &b.style;
    let mut a = svg::fill_attrs(s.fill.as_deref().unwrap_or(fill));
    if a.is_empty() {
        a = svg::fill_attrs(fill);
    }
    let stroke = s
        .stroke
        .as_deref()
        .filter(|v| svg::safe_value(v).is_some())
        .unwrap_or(&p.stroke);
    a.extend(svg::stroke_attrs(stroke));
    let width = s
        .stroke_width
        .as_deref()
        .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 50.0)
        .unwrap_or(1.0);
    a.push(("stroke-width", num(width)));
    if let Some(dash) = s.stroke_dasharray.as_deref().and_then(svg::safe_value) {
        a.push(("stroke-dasharray", dash.to_string()));
    }
    a
}

fn text_paint(b: &EntityBox, p: &Palette) -> Attrs {
    let c = b
        .style
        .color
        .as_deref()
        .filter(|v| svg::safe_value(v).is_some())
        .unwrap_or(&p.text);
    svg::fill_attrs(c)
}

fn font_attrs(b: &EntityBox) -> Attrs {
    let mut a: Attrs = vec![("font-size", num(b.text.size))];
    if b.text.bold {
        a.push(("font-weight", "bold".into()));
    }
    a
}

fn draw_entity(w: &mut Writer, id: &str, b: &EntityBox, p: &Palette) {
    let r = &b.rect;
    let (x0, y0) = (r.left(), r.top());
    w.open(
        "g",
        &[("class", "node entity".into()), ("id", id.to_string())],
    );
    let mut a = rect_attrs(x0, y0, r.width, r.height);
    a.extend(box_paint(b, p, &p.fill));
    w.leaf("rect", &a);
    let mut ta = text_paint(b, p);
    ta.extend(font_attrs(b));
    if b.rows.is_empty() {
        svg::label(w, &b.name, Point::new(r.x, r.y), ta, b.text);
        w.close("g");
        return;
    }
    let styled_fill = b.style.fill.is_some();
    let line = box_paint(b, p, "none");
    let stroke_only: Attrs = line.into_iter().filter(|(k, _)| *k != "fill").collect();
    for (k, row) in b.rows.iter().enumerate() {
        // As Mermaid: a styled fill paints the header and the even rows;
        // odd rows keep the theme's row colour.
        let fill = if k % 2 == 0 {
            p.row_odd.clone()
        } else if styled_fill {
            b.style.fill.clone().unwrap_or_default()
        } else {
            p.row_even.clone()
        };
        let mut a = rect_attrs(x0, y0 + row.top, r.width, row.height);
        a.extend(svg::fill_attrs(&fill));
        a.extend(stroke_only.iter().cloned());
        a.push((
            "class",
            if k % 2 == 0 {
                "row-rect-odd"
            } else {
                "row-rect-even"
            }
            .into(),
        ));
        w.leaf("rect", &a);
    }
    // Column dividers across the attribute rows.
    let bottom = y0 + r.height;
    for (k, &(cx, cw)) in b.columns.iter().enumerate().skip(1) {
        if cw <= 0.0 || b.columns[..k].iter().all(|c| c.1 <= 0.0) {
            continue;
        }
        let x = x0 + cx;
        let mut a: Attrs = vec![(
            "d",
            format!(
                "M{},{} L{},{}",
                num(x),
                num(y0 + b.header),
                num(x),
                num(bottom)
            ),
        )];
        a.extend(stroke_only.iter().cloned());
        a.push(("fill", "none".into()));
        w.leaf("path", &a);
    }
    // Outline on top of the rows.
    let mut a = rect_attrs(x0, y0, r.width, r.height);
    a.extend(stroke_only.iter().cloned());
    a.push(("fill", "none".into()));
    w.leaf("rect", &a);
    svg::label(
        w,
        &b.name,
        Point::new(r.x, y0 + b.header / 2.0),
        ta.clone(),
        b.text,
    );
    let cell_style = crate::text::TextStyle {
        bold: false,
        ..b.text
    };
    let mut ca = text_paint(b, p);
    ca.push(("font-size", num(b.text.size)));
    for row in &b.rows {
        for (k, t) in row.cells.iter().enumerate() {
            let (cx, cw) = b.columns[k];
            if cw <= 0.0 || t.width <= 0.0 {
                continue;
            }
            // Left-aligned: each line centred on its own width.
            let top = y0 + row.top + (row.height - t.height) / 2.0;
            for (k, line) in t.lines.iter().enumerate() {
                let one = crate::text::TextBox {
                    lines: vec![line.clone()],
                    width: line.width,
                    height: t.line_height,
                    line_height: t.line_height,
                    baseline: t.baseline,
                };
                let centre = Point::new(
                    x0 + cx + CELL_PAD_X + line.width / 2.0,
                    top + (k as f64 + 0.5) * t.line_height,
                );
                svg::label(w, &one, centre, ca.clone(), cell_style);
            }
        }
    }
    w.close("g");
}

/// Write the SVG of a laid-out ER diagram.
pub fn render_svg(d: &Diagram, l: &Layout, cx: &Context<'_>) -> String {
    let mut p = Palette::from_theme(&cx.config.theme);
    // Marker circles are hollow: painted with the page colour drawn.
    if let Some(bg) = cx
        .background
        .filter(|b| crate::theme::color::Rgba::parse(b).is_some_and(|c| c.a >= 1.0))
    {
        p.marker_fill = bg.to_string();
    }
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "erDiagram",
            width: l.width,
            height: l.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: d.acc_title.as_deref(),
            acc_descr: d.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    write_markers(&mut w, d, cx, &p);
    if let Some((tb, c)) = &l.title {
        let mut a = svg::fill_attrs(&p.title);
        a.push(("font-size", num(l.title_style.size)));
        a.push(("class", "erDiagramTitleText".into()));
        svg::label(&mut w, tb, *c, a, l.title_style);
    }
    w.open("g", &[("class", "edgePaths".into())]);
    for (i, (r, path)) in d.relationships.iter().zip(&l.edges).enumerate() {
        let mut a: Attrs = vec![
            ("id", format!("{}-rel-{i}", cx.svg_id)),
            ("class", "relationshipLine".into()),
            ("d", path_d(path)),
            ("fill", "none".into()),
            ("stroke-width", "1".into()),
        ];
        a.extend(svg::stroke_attrs(&p.line));
        if !r.identifying {
            a.push(("stroke-dasharray", "8,8".into()));
        }
        a.push((
            "marker-start",
            format!("url(#{})", marker_id(cx.svg_id, r.card_a, true)),
        ));
        a.push((
            "marker-end",
            format!("url(#{})", marker_id(cx.svg_id, r.card_b, false)),
        ));
        w.leaf("path", &a);
    }
    w.close("g");
    w.open("g", &[("class", "edgeLabels".into())]);
    for lb in l.labels.iter().flatten() {
        let r = &lb.rect;
        let mut a = rect_attrs(r.left(), r.top(), r.width, r.height);
        a.extend(svg::fill_attrs(&p.label_bg));
        a.push(("fill-opacity", "0.7".into()));
        a.push(("class", "relationshipLabelBox".into()));
        w.leaf("rect", &a);
        let mut ta = svg::fill_attrs(&p.label_text);
        ta.push(("font-size", num(l.label_style.size)));
        ta.push(("class", "relationshipLabel".into()));
        svg::label(&mut w, &lb.text, Point::new(r.x, r.y), ta, l.label_style);
    }
    w.close("g");
    w.open("g", &[("class", "nodes".into())]);
    for (i, b) in l.entities.iter().enumerate() {
        let id = format!(
            "{}-entity-{}-{i}",
            cx.svg_id,
            svg::sanitize_id(&d.entities[i].id)
        );
        draw_entity(&mut w, &id, b, &p);
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}
