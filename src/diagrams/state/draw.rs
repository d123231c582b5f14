//! Draw: layout → SVG. Composite states are boxes with a title band
//! (outer first), concurrency regions dashed boxes inside them; then
//! transitions with barbed arrowheads, their labels, and the states and
//! notes on top. Paint is presentation attributes only.

use super::layout::{is_bold, Layout, BAND_PAD, DESC_GAP};

use super::model::{Diagram, Kind};
use super::to_layered::{ClusterRef, EdgeRef, NodeRef};
use crate::diagrams::Context;
use crate::geometry::{EdgePath, Point, Rect, Seg};
use crate::svg::{self, num, Attrs, Writer};
use crate::text::TextStyle;
use crate::theme::color::{map, Rgba};
use crate::theme::Theme;

/// Colours of a state diagram, derived from the theme as mermaid-js does.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub fill: String,
    pub stroke: String,
    pub text: String,
    pub line: String,
    pub label_bg: String,
    pub label_text: String,
    /// Inside a composite state.
    pub composite_bg: String,
    /// Concurrency region fill.
    pub region_bg: String,
    pub note_fill: String,
    pub note_stroke: String,
    pub note_text: String,
    pub title: String,
}

impl Palette {
    pub fn of(t: &Theme) -> Palette {
        let v = |k: &str, d: String| t.var(k).unwrap_or(d);
        let region = if t.dark_mode {
            map(&t.background, |c: Rgba| c.adjust(0.0, 0.0, 10.0))
        } else if t.name == "default" {
            "#efefef".to_string()
        } else {
            map(&t.background, |c: Rgba| c.adjust(0.0, 0.0, -6.0))
        };
        Palette {
            fill: t.node_fill.clone(),
            stroke: t.node_stroke.clone(),
            text: t.node_text.clone(),
            line: t.line.clone(),
            label_bg: t.edge_label_bg.clone(),
            label_text: t.edge_label_text.clone(),
            composite_bg: v("compositeBackground", t.background.clone()),
            region_bg: v("altBackground", region),
            note_fill: v("noteBkgColor", "#fff5ad".into()),
            note_stroke: v("noteBorderColor", "#aaaa33".into()),
            note_text: v("noteTextColor", "#333".into()),
            title: t.title_text.clone(),
        }
    }
}

/// A path's `d` attribute.
pub fn path_d(path: &EdgePath) -> String {
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

fn text_attrs(fill: &str) -> Attrs {
    svg::fill_attrs(fill)
}

/// Draw the diagram.
pub fn draw(d: &Diagram, l: &Layout, cx: &Context<'_>) -> String {
    let theme = &cx.config.theme;
    let pal = Palette::of(theme);
    let id = cx.svg_id;
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &svg::Head {
            id,
            class: "statediagram",
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
    // Arrowhead.
    w.open("defs", &[]);
    w.open(
        "marker",
        &[
            ("id", format!("{id}-barbEnd")),
            ("viewBox", "0 0 20 14".into()),
            ("refX", "19".into()),
            ("refY", "7".into()),
            ("markerUnits", "userSpaceOnUse".into()),
            ("markerWidth", "20".into()),
            ("markerHeight", "14".into()),
            ("orient", "auto".into()),
        ],
    );
    let mut a: Attrs = vec![("d", "M19,7 L9,13 L14,7 L9,1 Z".into())];
    a.extend(svg::fill_attrs(&pal.line));
    a.extend(svg::stroke_attrs(&pal.line));
    w.leaf("path", &a);
    w.close("marker");
    w.close("defs");
    if let Some(tb) = &l.title {
        svg::title(&mut w, tb, l.width, &pal.title);
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
    // Clusters, outer first (parents have lower indices).
    for (k, (cg, r)) in l.geom.clusters.iter().zip(&l.mapped.clusters).enumerate() {
        let rect = cg.rect;
        match *r {
            ClusterRef::Composite(c) => {
                let st = d.composites[c].state;
                let rs = d.style_of(st);
                let fill = rs.fill.clone().unwrap_or_else(|| pal.fill.clone());
                let stroke = rs.stroke.clone().unwrap_or_else(|| pal.stroke.clone());
                w.open(
                    "g",
                    &[
                        (
                            "id",
                            format!("{id}-state-{}", svg::sanitize_id(&d.states[st].id)),
                        ),
                        ("class", "statediagram-cluster".into()),
                    ],
                );
                let mut a = rect_attrs(&rect);
                a.extend([("rx", "5".into()), ("ry", "5".into())]);
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
                w.leaf("rect", &a);
                let band = l.cluster_text[k]
                    .as_ref()
                    .map_or(0.0, |tb| tb.height + BAND_PAD)
                    .clamp(0.0, rect.height);
                let inner = Rect {
                    x: rect.x,
                    y: rect.top() + band + (rect.height - band) / 2.0,
                    width: rect.width,
                    height: rect.height - band,
                };
                let mut a = rect_attrs(&inner);
                a.extend(svg::fill_attrs(&pal.composite_bg));
                a.extend(svg::stroke_attrs(&stroke));
                a.push(("stroke-width", "1".into()));
                w.leaf("rect", &a);
                if let Some(tb) = &l.cluster_text[k] {
                    let colour = rs.color.clone().unwrap_or_else(|| pal.text.clone());
                    svg::label(
                        &mut w,
                        tb,
                        Point::new(rect.x, rect.top() + band / 2.0),
                        text_attrs(&colour),
                        style,
                    );
                }
                w.close("g");
            }
            ClusterRef::Region(..) => {
                let mut a = rect_attrs(&rect);
                a.extend(svg::fill_attrs(&pal.region_bg));
                a.extend(svg::stroke_attrs(&pal.stroke));
                a.push(("stroke-dasharray", "10,10".into()));
                a.push(("class", "divider".into()));
                w.leaf("rect", &a);
            }
        }
    }
    // Edges.
    for (k, (eg, r)) in l.geom.edges.iter().zip(&l.mapped.edges).enumerate() {
        let mut a: Attrs = vec![
            ("id", format!("{id}-edge-{k}")),
            ("d", path_d(&eg.path)),
            ("fill", "none".into()),
        ];
        a.extend(svg::stroke_attrs(&pal.line));
        a.push(("stroke-width", "1".into()));
        match r {
            EdgeRef::Transition(_) => {
                a.push(("class", "transition".into()));
                a.push(("marker-end", format!("url(#{id}-barbEnd)")));
            }
            EdgeRef::Note(_) => {
                a.push(("class", "note-edge".into()));
                a.push(("stroke-dasharray", "5,5".into()));
            }
        }
        w.leaf("path", &a);
    }
    for (eg, tb) in l.geom.edges.iter().zip(&l.edge_text) {
        let (Some(r), Some(tb)) = (eg.label, tb) else {
            continue;
        };
        w.open("g", &[("class", "edgeLabel".into())]);
        let mut a = rect_attrs(&r);
        a.extend(svg::fill_attrs(&pal.label_bg));
        w.leaf("rect", &a);
        svg::label(
            &mut w,
            tb,
            Point::new(r.x, r.y),
            text_attrs(&pal.label_text),
            style,
        );
        w.close("g");
    }
    // Nodes.
    for (v, (rect, r)) in l.geom.nodes.iter().zip(&l.mapped.nodes).enumerate() {
        let text = l.node_text[v].as_ref();
        match *r {
            NodeRef::State(i) => draw_state(&mut w, d, i, rect, text, &pal, id, style),
            NodeRef::Note(_) => {
                w.open("g", &[("class", "note".into())]);
                let mut a = rect_attrs(rect);
                a.extend(svg::fill_attrs(&pal.note_fill));
                a.extend(svg::stroke_attrs(&pal.note_stroke));
                w.leaf("rect", &a);
                if let Some(t) = text {
                    svg::label(
                        &mut w,
                        &t.title,
                        Point::new(rect.x, rect.y),
                        text_attrs(&pal.note_text),
                        style,
                    );
                }
                w.close("g");
            }
        }
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}

#[allow(clippy::too_many_arguments)]
fn draw_state(
    w: &mut Writer,
    d: &Diagram,
    i: usize,
    rect: &Rect,
    text: Option<&super::layout::NodeText>,
    pal: &Palette,
    id: &str,
    style: TextStyle,
) {
    let s = &d.states[i];
    let rs = d.style_of(i);
    let fill = rs.fill.clone().unwrap_or_else(|| pal.fill.clone());
    let stroke = rs.stroke.clone().unwrap_or_else(|| pal.stroke.clone());
    let sw = rs
        .stroke_width
        .as_deref()
        .and_then(svg::safe_value)
        .unwrap_or("1")
        .to_string();
    w.open(
        "g",
        &[
            ("id", format!("{id}-state-{}", svg::sanitize_id(&s.id))),
            ("class", "node statediagram-state".into()),
        ],
    );
    let c = Point::new(rect.x, rect.y);
    match s.kind {
        Kind::Normal => {
            let mut a = rect_attrs(rect);
            a.extend([("rx", "5".into()), ("ry", "5".into())]);
            a.extend(svg::fill_attrs(&fill));
            a.extend(svg::stroke_attrs(&stroke));
            a.push(("stroke-width", sw));
            if let Some(dash) = rs.stroke_dasharray.as_deref().and_then(svg::safe_value) {
                a.push(("stroke-dasharray", dash.to_string()));
            }
            w.leaf("rect", &a);
            if let Some(t) = text {
                let colour = rs.color.clone().unwrap_or_else(|| pal.text.clone());
                let mut extra = text_attrs(&colour);
                let bold = rs.font_weight.as_deref().is_some_and(is_bold);
                if bold {
                    extra.push(("font-weight", "bold".into()));
                }
                let st = TextStyle {
                    bold,
                    italic: rs.font_style.as_deref() == Some("italic"),
                    ..style
                };
                match &t.body {
                    None => svg::label(w, &t.title, c, extra, st),
                    Some(b) => {
                        let top =
                            rect.top() + (rect.height - t.title.height - b.height) / 2.0 - DESC_GAP;
                        let ty = top + t.title.height / 2.0;
                        svg::label(w, &t.title, Point::new(c.x, ty), extra.clone(), st);
                        let ly = top + t.title.height + DESC_GAP;
                        let mut a: Attrs = vec![
                            ("x1", num(rect.left())),
                            ("y1", num(ly)),
                            ("x2", num(rect.right())),
                            ("y2", num(ly)),
                        ];
                        a.extend(svg::stroke_attrs(&stroke));
                        w.leaf("line", &a);
                        let by = ly + DESC_GAP + b.height / 2.0;
                        svg::label(w, b, Point::new(c.x, by), extra, st);
                    }
                }
            }
        }
        Kind::Start => {
            let mut a: Attrs = vec![("cx", num(c.x)), ("cy", num(c.y)), ("r", "7".into())];
            a.extend(svg::fill_attrs(rs.fill.as_deref().unwrap_or(&pal.line)));
            a.extend(svg::stroke_attrs(rs.stroke.as_deref().unwrap_or(&pal.line)));
            w.leaf("circle", &a);
        }
        Kind::End => {
            let mut a: Attrs = vec![("cx", num(c.x)), ("cy", num(c.y)), ("r", "7".into())];
            a.extend(svg::fill_attrs(&fill));
            a.extend(svg::stroke_attrs(rs.stroke.as_deref().unwrap_or(&pal.line)));
            a.push(("stroke-width", "2".into()));
            w.leaf("circle", &a);
            let mut a: Attrs = vec![("cx", num(c.x)), ("cy", num(c.y)), ("r", "3.5".into())];
            a.extend(svg::fill_attrs(&stroke));
            w.leaf("circle", &a);
        }
        Kind::Choice => {
            let (hw, hh) = (rect.width / 2.0, rect.height / 2.0);
            let pts = format!(
                "{},{} {},{} {},{} {},{}",
                num(c.x),
                num(c.y - hh),
                num(c.x + hw),
                num(c.y),
                num(c.x),
                num(c.y + hh),
                num(c.x - hw),
                num(c.y)
            );
            let mut a: Attrs = vec![("points", pts)];
            a.extend(svg::fill_attrs(&fill));
            a.extend(svg::stroke_attrs(&stroke));
            w.leaf("polygon", &a);
        }
        Kind::Fork | Kind::Join => {
            let mut a = rect_attrs(rect);
            a.extend(svg::fill_attrs(rs.fill.as_deref().unwrap_or(&pal.line)));
            w.leaf("rect", &a);
        }
    }
    w.close("g");
}
