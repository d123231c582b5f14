//! Drawing: layout → SVG. Boxes with a `<<stereotype>>` line, the bold
//! name, a divider and left-aligned field lines; relationships as dashed
//! curves with an open arrow at the target (or, for `contains`, a circled
//! cross at the container), labelled `<<kind>>`.

use super::layout::{Layout, NodeBox, PAD_X};
use super::model::{Diagram, RelKind};
use crate::diagrams::Context;
use crate::geometry::{EdgePath, Point, Seg};
use crate::svg::{self, num, Attrs, Head, Writer};
use crate::theme::Theme;

/// The colours a requirement diagram paints with.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub fill: String,
    pub stroke: String,
    pub text: String,
    pub line: String,
    pub label_bg: String,
    pub label_text: String,
    pub title: String,
}

impl Palette {
    /// Mermaid's requirement colours: boxes in the node colours
    /// (`requirementBackground`, `requirementBorderColor`,
    /// `requirementTextColor` theme variables win), relationships in the
    /// line colour (`relationColor`), labels on the edge-label background
    /// (`relationLabelBackground`, `relationLabelColor`).
    pub fn from_theme(t: &Theme) -> Palette {
        Palette {
            fill: t
                .var("requirementBackground")
                .unwrap_or_else(|| t.node_fill.clone()),
            stroke: t
                .var("requirementBorderColor")
                .unwrap_or_else(|| t.node_stroke.clone()),
            text: t
                .var("requirementTextColor")
                .unwrap_or_else(|| t.node_text.clone()),
            line: t.var("relationColor").unwrap_or_else(|| t.line.clone()),
            label_bg: t
                .var("relationLabelBackground")
                .unwrap_or_else(|| t.edge_label_bg.clone()),
            label_text: t
                .var("relationLabelColor")
                .unwrap_or_else(|| t.edge_label_text.clone()),
            title: t.title_text.clone(),
        }
    }
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

fn write_markers(w: &mut Writer, d: &Diagram, id: &str, p: &Palette) {
    let contains = d.relationships.iter().any(|r| r.kind == RelKind::Contains);
    let arrow = d.relationships.iter().any(|r| r.kind != RelKind::Contains);
    w.open("defs", &[]);
    let stroke = svg::stroke_attrs(&p.line);
    if contains {
        w.open(
            "marker",
            &[
                ("id", format!("{id}_requirement-containsStart")),
                ("refX", "0".into()),
                ("refY", "10".into()),
                ("markerWidth", "20".into()),
                ("markerHeight", "20".into()),
                ("markerUnits", "userSpaceOnUse".into()),
                ("orient", "auto".into()),
            ],
        );
        let mut a: Attrs = vec![
            (
                "d",
                "M1,10 A9,9 0 1,1 19,10 A9,9 0 1,1 1,10 Z M1,10 L19,10 M10,1 L10,19".into(),
            ),
            ("fill", "none".into()),
            ("stroke-width", "1".into()),
        ];
        a.extend(stroke.iter().cloned());
        w.leaf("path", &a);
        w.close("marker");
    }
    if arrow {
        w.open(
            "marker",
            &[
                ("id", format!("{id}_requirement-arrowEnd")),
                ("refX", "20".into()),
                ("refY", "10".into()),
                ("markerWidth", "20".into()),
                ("markerHeight", "20".into()),
                ("markerUnits", "userSpaceOnUse".into()),
                ("orient", "auto".into()),
            ],
        );
        let mut a: Attrs = vec![
            ("d", "M0,0 L20,10 L0,20".into()),
            ("fill", "none".into()),
            ("stroke-width", "1".into()),
        ];
        a.extend(stroke.iter().cloned());
        w.leaf("path", &a);
        w.close("marker");
    }
    w.close("defs");
}

fn draw_node(w: &mut Writer, id: &str, b: &NodeBox, p: &Palette) {
    let r = &b.rect;
    let s = &b.style;
    let (x0, y0) = (r.left(), r.top());
    w.open(
        "g",
        &[("class", "node requirement".into()), ("id", id.to_string())],
    );
    let mut a: Attrs = vec![
        ("x", num(x0)),
        ("y", num(y0)),
        ("width", num(r.width)),
        ("height", num(r.height)),
    ];
    let mut fill = svg::fill_attrs(s.fill.as_deref().unwrap_or(&p.fill));
    if fill.is_empty() {
        fill = svg::fill_attrs(&p.fill);
    }
    a.extend(fill);
    let stroke = s
        .stroke
        .as_deref()
        .filter(|v| svg::safe_value(v).is_some())
        .unwrap_or(&p.stroke);
    let mut line = svg::stroke_attrs(stroke);
    let width = s
        .stroke_width
        .as_deref()
        .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 50.0)
        .unwrap_or(1.0);
    line.push(("stroke-width", num(width)));
    a.extend(line.iter().cloned());
    if let Some(dash) = s.stroke_dasharray.as_deref().and_then(svg::safe_value) {
        a.push(("stroke-dasharray", dash.to_string()));
    }
    w.leaf("rect", &a);
    let colour = s
        .color
        .as_deref()
        .filter(|v| svg::safe_value(v).is_some())
        .unwrap_or(&p.text);
    let mut ta = svg::fill_attrs(colour);
    ta.push(("font-size", num(b.text.size)));
    let plain = crate::text::TextStyle {
        bold: false,
        ..b.text
    };
    let mut y = y0 + super::layout::PAD_TOP;
    svg::label(
        w,
        &b.stereotype,
        Point::new(r.x, y + b.stereotype.height / 2.0),
        ta.clone(),
        plain,
    );
    y += b.stereotype.height;
    let mut na = ta.clone();
    na.push(("font-weight", "bold".into()));
    svg::label(
        w,
        &b.name,
        Point::new(r.x, y + b.name.height / 2.0),
        na,
        crate::text::TextStyle {
            bold: true,
            ..b.text
        },
    );
    if !b.body.is_empty() {
        let dy = y0 + b.divider();
        let mut la: Attrs = vec![(
            "d",
            format!("M{},{} L{},{}", num(x0), num(dy), num(r.right()), num(dy)),
        )];
        la.extend(line);
        la.push(("fill", "none".into()));
        w.leaf("path", &la);
        let mut y = dy + super::layout::BODY_GAP;
        for t in &b.body {
            let c = Point::new(x0 + PAD_X + t.width / 2.0, y + t.height / 2.0);
            svg::label(w, t, c, ta.clone(), plain);
            y += t.height;
        }
    }
    w.close("g");
}

/// Write the SVG of a laid-out requirement diagram.
pub fn render_svg(d: &Diagram, l: &Layout, cx: &Context<'_>) -> String {
    let p = Palette::from_theme(&cx.config.theme);
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "requirementDiagram",
            width: l.width,
            height: l.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: d.acc_title.as_deref(),
            acc_descr: d.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    write_markers(&mut w, d, cx.svg_id, &p);
    if let Some((tb, c)) = &l.title {
        let mut a = svg::fill_attrs(&p.title);
        a.push(("font-size", num(l.title_style.size)));
        a.push(("class", "requirementDiagramTitleText".into()));
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
            ("stroke-dasharray", "10,7".into()),
        ];
        a.extend(svg::stroke_attrs(&p.line));
        if r.kind == RelKind::Contains {
            a.push((
                "marker-start",
                format!("url(#{}_requirement-containsStart)", cx.svg_id),
            ));
        } else {
            a.push((
                "marker-end",
                format!("url(#{}_requirement-arrowEnd)", cx.svg_id),
            ));
        }
        w.leaf("path", &a);
    }
    w.close("g");
    w.open("g", &[("class", "edgeLabels".into())]);
    for lb in l.labels.iter().flatten() {
        let r = &lb.rect;
        let mut a: Attrs = vec![
            ("x", num(r.left())),
            ("y", num(r.top())),
            ("width", num(r.width)),
            ("height", num(r.height)),
        ];
        a.extend(svg::fill_attrs(&p.label_bg));
        a.push(("class", "relationshipLabelBox".into()));
        w.leaf("rect", &a);
        let mut ta = svg::fill_attrs(&p.label_text);
        ta.push(("class", "relationshipLabel".into()));
        svg::label(&mut w, &lb.text, Point::new(r.x, r.y), ta, l.label_style);
    }
    w.close("g");
    w.open("g", &[("class", "nodes".into())]);
    for (i, b) in l.nodes.iter().enumerate() {
        let id = format!("{}-{}-{i}", cx.svg_id, svg::sanitize_id(&d.nodes[i].name));
        draw_node(&mut w, &id, b, &p);
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}
