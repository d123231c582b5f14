//! Render: model + geometry to a standalone SVG 1.1 document in Mermaid's
//! default theme. Text is plain `<text>`; no `foreignObject`, no script.
//!
//! Draw order: background, subgraph boxes (outer before inner) with their
//! titles, edges, edge labels, nodes. Paint is given as presentation
//! attributes (no stylesheet), so usvg/resvg and browsers draw the same.

mod edges;
mod shapes;

use crate::diagrams::flowchart::measure::{self, Labels, TextSettings};
use crate::diagrams::flowchart::model::{ArrowHead, Graph, ResolvedStyle};
use crate::diagrams::flowchart::{icons, FlowLayout};
use crate::diagrams::Context;
use crate::geometry::{Geometry, Point, Rect};
use crate::svg::{self, num, safe_value, sanitize_id, Attrs, Writer};
use crate::text::TextStyle;
use crate::theme::*;
use shapes::Paint;

struct Ctx {
    w: Writer,
    id: String,
    theme: Theme,
    text: TextSettings,
    /// Distinct edge colours; index 0 is the theme's line colour.
    colours: Vec<String>,
}

/// Write the SVG of a laid-out flowchart (nothing is measured here).
pub fn render_svg(graph: &Graph, fl: &FlowLayout, dcx: &Context<'_>) -> String {
    let mut theme = dcx.config.theme.clone();
    theme.line = edge_line_colour(dcx.config);
    let text_settings = TextSettings::from_config(dcx.config);
    let mut cx = Ctx {
        w: Writer::default(),
        id: dcx.svg_id.to_string(),
        colours: vec![theme.line.clone()],
        theme,
        text: text_settings,
    };
    let geom = &fl.geometry;
    let labels = &fl.labels;
    let title = labels.title.as_ref();
    let (width, height, dx, dy) = (fl.width, fl.height, fl.dx, fl.dy);
    let id = cx.id.clone();
    svg::begin_document(
        &mut cx.w,
        &svg::Head {
            id: &id,
            class: "flowchart",
            width,
            height,
            font_family: cx.theme.font_family.as_deref(),
            font_size: cx.text.font_size,
            acc_title: graph.acc_title.as_deref(),
            acc_descr: graph.acc_descr.as_deref(),
            background: dcx.background,
        },
    );
    if let Some(tb) = &title {
        cx.w.open(
            "g",
            &[
                ("id", format!("{}-title", cx.id)),
                ("class", "title".into()),
            ],
        );
        svg::title(&mut cx.w, tb, width, &cx.theme.title_text);
        cx.w.close("g");
    }
    let edge_colours: Vec<usize> = (0..graph.edges.len())
        .map(|i| {
            let c = edge_paint(&cx, graph, i).0;
            match cx.colours.iter().position(|k| *k == c) {
                Some(k) => k,
                None => {
                    cx.colours.push(c);
                    cx.colours.len() - 1
                }
            }
        })
        .collect();
    write_defs(&mut cx, graph, &edge_colours);
    if (0..graph.edges.len()).any(|i| measure::edge_animation(graph, i).is_some()) {
        // The keyframes mermaid-js's edge animations name (`dash`).
        cx.w.text_element(
            "style",
            &[],
            "@keyframes dash { to { stroke-dashoffset: 0; } }",
        );
    }
    if title.is_some() {
        cx.w.open(
            "g",
            &[("transform", format!("translate({},{})", num(dx), num(dy)))],
        );
    }
    write_clusters(&mut cx, graph, geom, labels);
    write_edges(&mut cx, graph, geom, &edge_colours);
    write_edge_labels(&mut cx, graph, geom, labels);
    write_nodes(&mut cx, graph, geom, labels);
    if title.is_some() {
        cx.w.close("g");
    }
    svg::end_document(&mut cx.w);
    cx.w.finish()
}

/// The colour of edges and their arrowheads: the theme's line colour,
/// except in the forest theme, whose flowchart edges and arrowheads
/// mermaid-js 11 draws black (not its `lineColor` green) unless
/// `lineColor` (or `background`, which it derives from) is given.
pub fn edge_line_colour(config: &crate::config::Config) -> String {
    let vars = |k: &str| config.value.get(&format!("themeVariables.{k}")).is_some();
    if config.theme.name == "forest" && !vars("lineColor") && !vars("background") {
        "#000000".into()
    } else {
        config.theme.line.clone()
    }
}

/// Marker definitions for the (head, colour) pairs that drawn edges use.
fn write_defs(cx: &mut Ctx, graph: &Graph, colours: &[usize]) {
    let mut used: Vec<(ArrowHead, usize)> = Vec::new();
    for (i, e) in graph.edges.iter().enumerate() {
        if edges::stroke_of(e).is_none() {
            continue;
        }
        for h in [e.arrow_start, e.arrow_end] {
            if h != ArrowHead::None && !used.contains(&(h, colours[i])) {
                used.push((h, colours[i]));
            }
        }
    }
    if used.is_empty() {
        return;
    }
    let palette: Vec<String> = cx
        .colours
        .iter()
        .map(|c| paint(safe_value(c).unwrap_or(EDGE_STROKE)).0)
        .collect();
    cx.w.open("defs", &[]);
    edges::write_markers(&mut cx.w, &cx.id, &used, &palette);
    cx.w.close("defs");
}

/// Nesting depth of subgraph `i` (0 for top level), robust to bad parents.
fn depth(graph: &Graph, i: usize) -> usize {
    let mut d = 0;
    let mut cur = graph.subgraphs[i].parent;
    while let Some(p) = cur {
        d += 1;
        if d > graph.subgraphs.len() {
            break;
        }
        cur = graph.subgraphs.get(p).and_then(|s| s.parent);
    }
    d
}

fn pick(v: &Option<String>) -> Option<String> {
    v.as_deref().and_then(safe_value).map(str::to_string)
}

/// Fill, stroke, width and dashes of a box with a resolved style over defaults.
fn box_paint(style: &ResolvedStyle, fill: &str, stroke: &str, width: f64) -> Attrs {
    let mut a = svg::paint_attrs(
        "fill",
        "fill-opacity",
        &pick(&style.fill).unwrap_or_else(|| fill.into()),
    );
    a.extend(svg::paint_attrs(
        "stroke",
        "stroke-opacity",
        &pick(&style.stroke).unwrap_or_else(|| stroke.into()),
    ));
    a.push((
        "stroke-width",
        pick(&style.stroke_width).unwrap_or_else(|| num(width)),
    ));
    if let Some(d) = pick(&style.stroke_dasharray) {
        a.push(("stroke-dasharray", d));
    }
    a
}

/// Text attributes for a label with a resolved style.
fn text_attrs(style: &ResolvedStyle, colour: &str, ts: TextStyle, base: f64) -> Attrs {
    let mut a = svg::fill_attrs(&pick(&style.color).unwrap_or_else(|| colour.into()));
    if (ts.size - base).abs() > 1e-9 {
        a.push(("font-size", num(ts.size)));
    }
    if ts.bold {
        a.push(("font-weight", "bold".into()));
    }
    a
}

fn write_clusters(cx: &mut Ctx, graph: &Graph, geom: &Geometry, labels: &Labels) {
    let n = graph.subgraphs.len().min(geom.clusters.len());
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| depth(graph, i)); // stable: outer boxes first
    for i in order {
        let (sg, cg) = (&graph.subgraphs[i], &geom.clusters[i]);
        let style = measure::subgraph_style(graph, i);
        cx.w.open(
            "g",
            &[
                (
                    "id",
                    format!("{}-cluster-{}-{i}", cx.id, sanitize_id(&sg.id)),
                ),
                ("class", "cluster".into()),
            ],
        );
        let mut a = rect_attrs(&cg.rect);
        a.extend(box_paint(
            &style,
            &cx.theme.cluster_fill,
            &cx.theme.cluster_stroke,
            CLUSTER_STROKE_WIDTH,
        ));
        cx.w.leaf("rect", &a);
        let tb = &labels.titles[i];
        let ts = measure::text_style(&style, cx.text.font_size);
        let extra = text_attrs(&style, &cx.theme.cluster_text, ts, cx.text.font_size);
        let colour = pick(&style.color).unwrap_or_else(|| cx.theme.cluster_text.clone());
        let at = Point::new(cg.title.x, cg.title.y);
        icons::label(&mut cx.w, tb, at, extra, ts, &colour);
        cx.w.close("g");
    }
}

/// Colour, width and dashes of edge `i` (`linkStyle` over the edge kind and theme).
fn edge_paint(cx: &Ctx, graph: &Graph, i: usize) -> (String, Option<String>, Option<String>) {
    let style = measure::edge_style(graph, i);
    let colour = pick(&style.stroke).unwrap_or_else(|| cx.theme.line.clone());
    (
        colour,
        pick(&style.stroke_width),
        pick(&style.stroke_dasharray),
    )
}

fn write_edges(cx: &mut Ctx, graph: &Graph, geom: &Geometry, colours: &[usize]) {
    for (i, (e, eg)) in graph.edges.iter().zip(&geom.edges).enumerate() {
        let Some((width, dash)) = edges::stroke_of(e) else {
            continue;
        };
        let (colour, user_width, user_dash) = edge_paint(cx, graph, i);
        let half = |h: ArrowHead| edges::marker_size(h) / 2.0;
        let path = edges::trimmed(&eg.path, half(e.arrow_start), half(e.arrow_end));
        let mut a: Attrs = vec![
            ("id", format!("{}-edge-{i}", cx.id)),
            ("class", "edge".into()),
            ("d", edges::path_d(&path)),
            ("fill", "none".into()),
        ];
        a.extend(svg::paint_attrs("stroke", "stroke-opacity", &colour));
        a.push(("stroke-width", user_width.unwrap_or_else(|| num(width))));
        let animation = measure::edge_animation(graph, i);
        // An animated edge is dashed (9 5) and its dashes run along it:
        // mermaid-js's `edge-animation-*` classes, with the CSS animation
        // inline (PNG viewers show the dashes still).
        // A class's `stroke-dasharray: 9\,5` (the Mermaid docs' spelling)
        // does not survive the style list, and an animation with no dashes
        // shows nothing: an animated edge without a usable one gets 9 5.
        let dash = match (&animation, user_dash) {
            (Some((Some(_), _)), _) | (Some((None, _)), None) => Some("9,5".to_string()),
            (_, Some(d)) => Some(d),
            (None, None) => dash.map(str::to_string),
        };
        if let Some(d) = dash {
            a.push(("stroke-dasharray", d));
        }
        if let Some((class, css)) = &animation {
            if let Some(c) = class {
                a[1].1 = format!("edge {c}");
                a.push(("stroke-dashoffset", "900".into()));
                a.push(("stroke-linecap", "round".into()));
            }
            if let Some(css) = safe_value(css) {
                a.push(("style", format!("animation: {css}")));
            }
        }
        if let Some(m) = edges::marker_id(&cx.id, e.arrow_start, colours[i]) {
            a.push(("marker-start", format!("url(#{m})")));
        }
        if let Some(m) = edges::marker_id(&cx.id, e.arrow_end, colours[i]) {
            a.push(("marker-end", format!("url(#{m})")));
        }
        cx.w.leaf("path", &a);
    }
}

fn write_edge_labels(cx: &mut Ctx, graph: &Graph, geom: &Geometry, labels: &Labels) {
    for (i, eg) in geom.edges.iter().enumerate().take(graph.edges.len()) {
        let (Some(tb), Some(r)) = (labels.edges[i].as_ref(), eg.label) else {
            continue;
        };
        let style = measure::edge_style(graph, i);
        cx.w.open(
            "g",
            &[
                ("id", format!("{}-edge-label-{i}", cx.id)),
                ("class", "edge-label".into()),
            ],
        );
        let mut a = rect_attrs(&r);
        a.extend(svg::fill_attrs(&cx.theme.edge_label_bg));
        cx.w.leaf("rect", &a);
        let ts = measure::text_style(&style, cx.text.font_size);
        let extra = text_attrs(&style, &cx.theme.edge_label_text, ts, cx.text.font_size);
        let colour = pick(&style.color).unwrap_or_else(|| cx.theme.edge_label_text.clone());
        icons::label(&mut cx.w, tb, Point::new(r.x, r.y), extra, ts, &colour);
        cx.w.close("g");
    }
}

fn write_nodes(cx: &mut Ctx, graph: &Graph, geom: &Geometry, labels: &Labels) {
    let classes = graph.class_index();
    for (i, (node, r)) in graph.nodes.iter().zip(&geom.nodes).enumerate() {
        let style = classes.node_style(i);
        let mut g: Attrs = vec![
            (
                "id",
                format!("{}-node-{}-{i}", cx.id, sanitize_id(&node.id)),
            ),
            ("class", "node".into()),
        ];
        if let Some(o) = pick(&style.opacity) {
            g.push(("opacity", o));
        }
        cx.w.open("g", &g);
        let body = box_paint(
            &style,
            &cx.theme.node_fill,
            &cx.theme.node_stroke,
            NODE_STROKE_WIDTH,
        );
        let stroke_colour = pick(&style.stroke).unwrap_or_else(|| cx.theme.node_stroke.clone());
        // An `@{ icon: "fa:…" }` node with a Font Awesome Free icon: the
        // icon where the placeholder frame would be.
        let fa_icon = (node.shape == crate::diagrams::flowchart::model::Shape::Icon)
            .then(|| node.icon.as_deref().and_then(crate::icons::lookup_spec))
            .flatten()
            .and_then(crate::icons::get);
        let mut elements = shapes::shape_elements(node.shape, r);
        if fa_icon.is_some() {
            elements.truncate(1);
        }
        for (tag, mut attrs, paint_kind) in elements {
            match paint_kind {
                Paint::Body => attrs.extend(body.iter().cloned()),
                Paint::Line => {
                    attrs.push(("fill", "none".into()));
                    attrs.extend(
                        body.iter()
                            .filter(|(k, _)| k.starts_with("stroke"))
                            .cloned(),
                    );
                }
                Paint::Solid => {
                    let solid = if node.shape == crate::diagrams::flowchart::model::Shape::ForkJoin
                    {
                        pick(&style.fill).unwrap_or_else(|| cx.theme.line.clone())
                    } else {
                        stroke_colour.clone()
                    };
                    attrs.extend(svg::paint_attrs("fill", "fill-opacity", &solid));
                    attrs.extend(
                        body.iter()
                            .filter(|(k, _)| k.starts_with("stroke"))
                            .cloned(),
                    );
                }
                Paint::Hidden => {
                    attrs.push(("fill", "none".into()));
                    attrs.push(("stroke", "none".into()));
                }
            }
            cx.w.leaf(tag, &attrs);
        }
        if let Some(icon) = fa_icon {
            let side = shapes::icon_side(r);
            let s = side / crate::icons::EM_UNITS;
            let colour = pick(&style.color).unwrap_or_else(|| cx.theme.node_text.clone());
            let x = r.x - icon.width * s / 2.0;
            icons::icon_path(&mut cx.w, icon, x, r.top() + 8.0, s, &colour);
        }
        let tb = &labels.nodes[i];
        let ts = measure::text_style(&style, cx.text.font_size);
        let extra = text_attrs(&style, &cx.theme.node_text, ts, cx.text.font_size);
        let colour = pick(&style.color).unwrap_or_else(|| cx.theme.node_text.clone());
        let at = shapes::label_centre(node.shape, r, tb.width, tb.height);
        icons::label(&mut cx.w, tb, at, extra, ts, &colour);
        cx.w.close("g");
    }
}

fn rect_attrs(r: &Rect) -> Attrs {
    vec![
        ("x", num(r.left())),
        ("y", num(r.top())),
        ("width", num(r.width)),
        ("height", num(r.height)),
    ]
}

#[cfg(test)]
mod tests;
