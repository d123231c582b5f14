//! Draw: layout → SVG. Namespaces (outer first), relations with their
//! end markers, labels and cardinalities, then class boxes (name,
//! attributes and methods compartments) and notes. Presentation attributes
//! only; links only as `http(s)` `<a href>`.

use super::layout::{is_bold, ClassText, Layout, NodeText, CARD_SCALE, PAD_ROWS, PAD_TOP, PAD_X};
use super::model::{Classifier, Diagram, End};
use super::to_layered::{EdgeRef, NodeRef};
use crate::diagrams::Context;
use crate::geometry::{EdgePath, Point, Rect, Seg};
use crate::svg::{self, num, Attrs, Writer};
use crate::text::{TextBox, TextStyle};

/// A path's `d` attribute.
fn path_d(path: &EdgePath) -> String {
    let pt = |p: Point| format!("{},{}", num(p.x), num(p.y));
    let mut d = format!("M{}", pt(path.start));
    for s in &path.segs {
        match *s {
            Seg::Line(p) => d.push_str(&format!(" L{}", pt(p))),
            Seg::Cubic(a, b, p) => d.push_str(&format!(" C{} {} {}", pt(a), pt(b), pt(p))),
        }
    }
    d
}

fn rect_attrs(r: &Rect) -> Attrs {
    vec![
        ("x", num(r.left())),
        ("y", num(r.top())),
        ("width", num(r.width)),
        ("height", num(r.height)),
    ]
}

/// Whether a link may be written: an `http(s)` URL without spaces,
/// quotes, angle brackets or control characters.
pub fn safe_href(h: &str) -> bool {
    let lower = h.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && h.len() <= 2000
        && !h
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
}

/// Marker name of an end kind.
fn marker_name(e: End) -> Option<&'static str> {
    match e {
        End::None => None,
        End::Inheritance => Some("extension"),
        End::Composition => Some("composition"),
        End::Aggregation => Some("aggregation"),
        End::Arrow => Some("dependency"),
        End::Lollipop => Some("lollipop"),
    }
}

/// Write the marker definitions (each drawn pointing along +x with its
/// tip at the path's end; `auto-start-reverse` turns it at the start).
fn markers(w: &mut Writer, id: &str, line: &str, bg: &str) {
    let kinds: [(&str, &str, bool, &str); 5] = [
        ("extension", "M1,1 L18,7 L1,13 Z", false, "18"),
        ("composition", "M1,7 L9.5,1 L18,7 L9.5,13 Z", true, "18"),
        ("aggregation", "M1,7 L9.5,1 L18,7 L9.5,13 Z", false, "18"),
        ("dependency", "M18,7 L9,13 L14,7 L9,1 Z", true, "18"),
        ("lollipop", "", false, "17"),
    ];
    w.open("defs", &[]);
    for (name, d, filled, refx) in kinds {
        w.open(
            "marker",
            &[
                ("id", format!("{id}-{name}")),
                ("viewBox", "0 0 20 14".into()),
                ("refX", refx.into()),
                ("refY", "7".into()),
                ("markerUnits", "userSpaceOnUse".into()),
                ("markerWidth", "20".into()),
                ("markerHeight", "14".into()),
                ("orient", "auto-start-reverse".into()),
            ],
        );
        let mut a: Attrs = if d.is_empty() {
            vec![("cx", "11".into()), ("cy", "7".into()), ("r", "6".into())]
        } else {
            vec![("d", d.into())]
        };
        a.extend(svg::fill_attrs(if filled { line } else { bg }));
        a.extend(svg::stroke_attrs(line));
        a.push(("stroke-width", "1".into()));
        w.leaf(if d.is_empty() { "circle" } else { "path" }, &a);
        w.close("marker");
    }
    w.close("defs");
}

fn unit(v: Point) -> Point {
    let l = v.x.hypot(v.y);
    if l > 1e-9 && l.is_finite() {
        Point::new(v.x / l, v.y / l)
    } else {
        Point::new(0.0, 1.0)
    }
}

/// Where a cardinality goes: near `end`, `out` pointing away from the
/// path (into the box), shifted to the side.
fn card_pos(end: Point, out: Point, tb: &TextBox) -> Point {
    let u = unit(out);
    // Back along the path, then to the right of it.
    let back = 10.0 + tb.height / 2.0;
    let side = Point::new(-u.y, u.x);
    Point::new(
        end.x - u.x * back + side.x * (tb.width / 2.0 + 6.0),
        end.y - u.y * back + side.y * (tb.width / 2.0 + 6.0),
    )
}

/// Draw the diagram.
pub fn draw(d: &Diagram, l: &Layout, cx: &Context<'_>) -> String {
    let theme = &cx.config.theme;
    let id = cx.svg_id;
    let v = |k: &str, def: &str| theme.var(k).unwrap_or_else(|| def.to_string());
    let note_fill = v("noteBkgColor", "#fff5ad");
    let note_stroke = v("noteBorderColor", "#aaaa33");
    let note_text = v("noteTextColor", "#333");
    // Hollow markers are filled with the canvas colour.
    let bg = cx
        .background
        .and_then(svg::safe_value)
        .map_or_else(|| theme.background.clone(), str::to_string);
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &svg::Head {
            id,
            class: "classDiagram",
            width: l.width,
            height: l.height,
            font_family: theme.font_family.as_deref(),
            font_size: l.font_size,
            acc_title: d.acc_title.as_deref(),
            acc_descr: d.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    let style = TextStyle {
        size: l.font_size,
        ..TextStyle::default()
    };
    markers(&mut w, id, &theme.line, &bg);
    if let Some(tb) = &l.title {
        svg::title(&mut w, tb, l.width, &theme.title_text);
    }
    w.open(
        "g",
        &[
            ("class", "root".into()),
            (
                "transform",
                format!("translate({},{})", num(l.dx), num(l.dy)),
            ),
        ],
    );
    for (k, cg) in l.geom.clusters.iter().enumerate() {
        w.open("g", &[("class", "namespace".into())]);
        let mut a = rect_attrs(&cg.rect);
        a.extend(svg::fill_attrs(&theme.cluster_fill));
        a.extend(svg::stroke_attrs(&theme.cluster_stroke));
        w.leaf("rect", &a);
        if let Some(tb) = l.cluster_text.get(k) {
            svg::label(
                &mut w,
                tb,
                Point::new(cg.title.x, cg.title.y),
                svg::fill_attrs(&theme.cluster_text),
                style,
            );
        }
        w.close("g");
    }
    for (k, (eg, r)) in l.geom.edges.iter().zip(&l.mapped.edges).enumerate() {
        let mut a: Attrs = vec![
            ("id", format!("{id}-edge-{k}")),
            ("d", path_d(&eg.path)),
            ("fill", "none".into()),
        ];
        a.extend(svg::stroke_attrs(&theme.line));
        a.push(("stroke-width", "1".into()));
        match *r {
            EdgeRef::Relation(i) => {
                let rel = &d.relations[i];
                a.push(("class", "relation".into()));
                if rel.dashed {
                    a.push(("stroke-dasharray", "3".into()));
                }
                if let Some(n) = marker_name(rel.from_end) {
                    a.push(("marker-start", format!("url(#{id}-{n})")));
                }
                if let Some(n) = marker_name(rel.to_end) {
                    a.push(("marker-end", format!("url(#{id}-{n})")));
                }
            }
            EdgeRef::Note(_) => {
                a.push(("class", "note-edge".into()));
                a.push(("stroke-dasharray", "3".into()));
            }
        }
        w.leaf("path", &a);
    }
    for (eg, t) in l.geom.edges.iter().zip(&l.edge_text) {
        if let (Some(r), Some(tb)) = (eg.label, &t.label) {
            w.open("g", &[("class", "edgeLabel".into())]);
            let mut a = rect_attrs(&r);
            a.extend(svg::fill_attrs(&theme.edge_label_bg));
            w.leaf("rect", &a);
            svg::label(
                &mut w,
                tb,
                Point::new(r.x, r.y),
                svg::fill_attrs(&theme.edge_label_text),
                style,
            );
            w.close("g");
        }
        // Keeps a cardinality label inside the canvas; a label wider (or
        // taller) than the canvas itself is centred instead.
        let within = |v: f64, lo: f64, hi: f64| {
            if lo <= hi {
                v.clamp(lo, hi)
            } else {
                (lo + hi) / 2.0
            }
        };
        let clamp = |p: Point, tb: &TextBox| {
            Point::new(
                within(p.x, tb.width / 2.0 - l.dx, l.width - l.dx - tb.width / 2.0),
                within(
                    p.y,
                    tb.height / 2.0 - l.dy,
                    l.height - l.dy - tb.height / 2.0,
                ),
            )
        };
        let card_style = TextStyle {
            size: l.font_size * CARD_SCALE,
            ..style
        };
        let mut card_attrs = svg::fill_attrs(&theme.text);
        card_attrs.push(("font-size", num(l.font_size * CARD_SCALE)));
        if let Some(tb) = &t.from_card {
            let p = clamp(card_pos(eg.path.start, eg.path.start_tangent(), tb), tb);
            svg::label(&mut w, tb, p, card_attrs.clone(), card_style);
        }
        if let Some(tb) = &t.to_card {
            let end = eg.path.end();
            let p = card_pos(end, eg.path.end_tangent(), tb);
            let p = clamp(p, tb);
            svg::label(&mut w, tb, p, card_attrs.clone(), card_style);
        }
    }
    for (v, (rect, r)) in l.geom.nodes.iter().zip(&l.mapped.nodes).enumerate() {
        match (&l.node_text[v], *r) {
            (NodeText::Class(t), NodeRef::Class(i)) => {
                draw_class(&mut w, d, i, rect, t, id, style, theme);
            }
            (NodeText::Note(tb), _) => {
                w.open("g", &[("class", "note".into())]);
                let mut a = rect_attrs(rect);
                a.extend(svg::fill_attrs(&note_fill));
                a.extend(svg::stroke_attrs(&note_stroke));
                w.leaf("rect", &a);
                // Left-aligned lines, as mermaid-js draws class notes.
                let top = rect.y - tb.height / 2.0;
                for (k, line) in tb.lines.iter().enumerate() {
                    let mut a: Attrs = vec![
                        ("x", num(rect.left() + super::layout::NOTE_PAD)),
                        ("y", num(top + tb.baseline + k as f64 * tb.line_height)),
                    ];
                    a.extend(svg::fill_attrs(&note_text));
                    w.text_element("text", &a, &line.text);
                }
                w.close("g");
            }
            _ => {}
        }
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}

/// Left-aligned rows from `top`.
fn rows(
    w: &mut Writer,
    rows: &[(TextBox, Classifier)],
    left: f64,
    top: f64,
    colour: &str,
    style: TextStyle,
) {
    let mut y = top;
    for (tb, cl) in rows {
        let mut extra = svg::fill_attrs(colour);
        if *cl == Classifier::Static {
            extra.push(("text-decoration", "underline".into()));
        }
        let st = TextStyle {
            italic: *cl == Classifier::Abstract || style.italic,
            ..style
        };
        // `label` centres each line on x: centre on the row's own width.
        svg::label(
            w,
            tb,
            Point::new(left + tb.width / 2.0, y + tb.height / 2.0),
            extra,
            st,
        );
        y += tb.height;
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_class(
    w: &mut Writer,
    d: &Diagram,
    i: usize,
    rect: &Rect,
    t: &ClassText,
    id: &str,
    style: TextStyle,
    theme: &crate::theme::Theme,
) {
    let c = &d.classes[i];
    let rs = d.style_of(i);
    let fill = rs.fill.clone().unwrap_or_else(|| theme.node_fill.clone());
    let stroke = rs
        .stroke
        .clone()
        .unwrap_or_else(|| theme.node_stroke.clone());
    let colour = rs.color.clone().unwrap_or_else(|| theme.node_text.clone());
    let href = c
        .link
        .as_ref()
        .and_then(|k| k.href.as_deref())
        .map(str::trim)
        .filter(|h| safe_href(h));
    if let Some(h) = href {
        w.open("a", &[("href", h.to_string())]);
    }
    w.open(
        "g",
        &[
            ("id", format!("{id}-classId-{}", svg::sanitize_id(&c.id))),
            ("class", "node classGroup".into()),
        ],
    );
    let bold = rs.font_weight.as_deref().is_some_and(is_bold);
    let st = TextStyle {
        italic: rs.font_style.as_deref() == Some("italic"),
        ..style
    };
    if t.interface {
        svg::label(
            w,
            &t.title,
            Point::new(rect.x, rect.y),
            svg::fill_attrs(&colour),
            st,
        );
        w.close("g");
        if href.is_some() {
            w.close("a");
        }
        return;
    }
    let mut a = rect_attrs(rect);
    a.extend(svg::fill_attrs(&fill));
    a.extend(svg::stroke_attrs(&stroke));
    a.push((
        "stroke-width",
        rs.stroke_width
            .as_deref()
            .and_then(svg::safe_value)
            .unwrap_or("1")
            .to_string(),
    ));
    if let Some(dash) = rs.stroke_dasharray.as_deref().and_then(svg::safe_value) {
        a.push(("stroke-dasharray", dash.to_string()));
    }
    w.leaf("rect", &a);
    let mut y = rect.top() + PAD_TOP;
    for tb in &t.annotations {
        svg::label(
            w,
            tb,
            Point::new(rect.x, y + tb.height / 2.0),
            svg::fill_attrs(&colour),
            st,
        );
        y += tb.height;
    }
    let mut extra = svg::fill_attrs(&colour);
    extra.push(("font-weight", "bold".into()));
    let _ = bold;
    svg::label(
        w,
        &t.title,
        Point::new(rect.x, y + t.title.height / 2.0),
        extra,
        TextStyle { bold: true, ..st },
    );
    let hide = rect.height <= t.heights[0] + 0.5;
    if !hide {
        let d1 = rect.top() + t.heights[0];
        let d2 = d1 + t.heights[1];
        for y in [d1, d2] {
            let mut a: Attrs = vec![
                ("x1", num(rect.left())),
                ("y1", num(y)),
                ("x2", num(rect.right())),
                ("y2", num(y)),
            ];
            a.extend(svg::stroke_attrs(&stroke));
            w.leaf("line", &a);
        }
        let left = rect.left() + PAD_X;
        rows(w, &t.attributes, left, d1 + PAD_ROWS, &colour, st);
        rows(w, &t.methods, left, d2 + PAD_ROWS, &colour, st);
    }
    w.close("g");
    if href.is_some() {
        w.close("a");
    }
}
