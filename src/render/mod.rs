//! Render: model + geometry to a standalone SVG 1.1 document in Mermaid's
//! default theme. Text is plain `<text>`; no `foreignObject`, no script.
//!
//! Draw order: background, subgraph boxes (outer before inner) with their
//! titles, edges, edge labels, nodes. Paint is given as presentation
//! attributes (no stylesheet), so usvg/resvg and browsers draw the same.

mod edges;
mod shapes;
mod svg;
pub mod theme;

use crate::geometry::{Geometry, Point, Rect};
use crate::model::{ArrowHead, Graph, ResolvedStyle};
use crate::text::{self, TextBox, TextStyle};
use svg::{num, parse_px, safe_value, sanitize_id, Attrs, Writer};
use theme::*;

/// Options of the SVG writer.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// Prefix of every id in the SVG (so several SVGs can share one page). Default `mermaid`.
    /// Characters other than ASCII letters, digits, `-` and `_` are replaced by `_`.
    pub svg_id: String,
    /// Background colour drawn as a full-size rect; `None` for transparent. Default `white`.
    /// A value that is not a plain colour (e.g. contains `url(`) is ignored.
    pub background: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            svg_id: "mermaid".into(),
            background: Some("white".into()),
        }
    }
}

/// Write the SVG.
pub fn render_svg(graph: &Graph, geom: &Geometry, opts: &RenderOptions) -> String {
    write_svg(graph, geom, opts, &text::measure)
}

/// How labels are broken into lines and where their baselines fall.
type Measure<'a> = &'a dyn Fn(&str, TextStyle) -> TextBox;

struct Ctx<'a> {
    w: Writer,
    id: String,
    measure: Measure<'a>,
}

/// [`render_svg`] with the text measurement passed in.
fn write_svg(graph: &Graph, geom: &Geometry, opts: &RenderOptions, measure: Measure<'_>) -> String {
    let id = match sanitize_id(&opts.svg_id) {
        s if s.is_empty() => "mermaid".to_string(),
        s => s,
    };
    let mut cx = Ctx {
        w: Writer::default(),
        id,
        measure,
    };
    let (width, height) = (geom.width.max(0.0), geom.height.max(0.0));
    cx.w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    cx.w.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".into()),
            ("version", "1.1".into()),
            ("id", cx.id.clone()),
            ("class", "flowchart".into()),
            ("width", num(width)),
            ("height", num(height)),
            ("viewBox", format!("0 0 {} {}", num(width), num(height))),
            ("font-family", text::FONT_FAMILY.into()),
            ("font-size", num(FONT_SIZE)),
        ],
    );
    if let Some(bg) = opts.background.as_deref().and_then(safe_value) {
        cx.w.leaf(
            "rect",
            &[
                ("id", format!("{}-background", cx.id)),
                ("x", "0".into()),
                ("y", "0".into()),
                ("width", num(width)),
                ("height", num(height)),
                ("fill", bg.into()),
            ],
        );
    }
    write_defs(&mut cx, graph);
    write_clusters(&mut cx, graph, geom);
    write_edges(&mut cx, graph, geom);
    write_edge_labels(&mut cx, graph, geom);
    write_nodes(&mut cx, graph, geom);
    cx.w.close("svg");
    cx.w.raw("\n");
    cx.w.finish()
}

/// Marker definitions for the heads that drawn edges use.
fn write_defs(cx: &mut Ctx, graph: &Graph) {
    let mut used: Vec<ArrowHead> = Vec::new();
    for e in graph.edges.iter().filter(|e| edges::stroke_of(e).is_some()) {
        for h in [e.arrow_start, e.arrow_end] {
            if h != ArrowHead::None && !used.contains(&h) {
                used.push(h);
            }
        }
    }
    if used.is_empty() {
        return;
    }
    cx.w.open("defs", &[]);
    edges::write_markers(&mut cx.w, &cx.id, &used);
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

fn write_clusters(cx: &mut Ctx, graph: &Graph, geom: &Geometry) {
    let n = graph.subgraphs.len().min(geom.clusters.len());
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| depth(graph, i)); // stable: outer boxes first
    for i in order {
        let (sg, cg) = (&graph.subgraphs[i], &geom.clusters[i]);
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
        a.extend([
            ("fill", CLUSTER_FILL.into()),
            ("stroke", CLUSTER_STROKE.into()),
            ("stroke-width", num(CLUSTER_STROKE_WIDTH)),
        ]);
        cx.w.leaf("rect", &a);
        let tb = (cx.measure)(
            &sg.title,
            TextStyle {
                size: FONT_SIZE,
                ..TextStyle::default()
            },
        );
        write_label(
            &mut cx.w,
            &tb,
            Point::new(cg.title.x, cg.title.y),
            vec![("fill", TEXT_COLOR.into())],
        );
        cx.w.close("g");
    }
}

fn write_edges(cx: &mut Ctx, graph: &Graph, geom: &Geometry) {
    for (i, (e, eg)) in graph.edges.iter().zip(&geom.edges).enumerate() {
        let Some((width, dash)) = edges::stroke_of(e) else {
            continue;
        };
        let half = |h: ArrowHead| edges::marker_size(h) / 2.0;
        let path = edges::trimmed(&eg.path, half(e.arrow_start), half(e.arrow_end));
        let mut a: Attrs = vec![
            ("id", format!("{}-edge-{i}", cx.id)),
            ("class", "edge".into()),
            ("d", edges::path_d(&path)),
            ("fill", "none".into()),
            ("stroke", EDGE_STROKE.into()),
            ("stroke-width", num(width)),
        ];
        if let Some(d) = dash {
            a.push(("stroke-dasharray", d.into()));
        }
        if let Some(m) = edges::marker_id(&cx.id, e.arrow_start) {
            a.push(("marker-start", format!("url(#{m})")));
        }
        if let Some(m) = edges::marker_id(&cx.id, e.arrow_end) {
            a.push(("marker-end", format!("url(#{m})")));
        }
        cx.w.leaf("path", &a);
    }
}

fn write_edge_labels(cx: &mut Ctx, graph: &Graph, geom: &Geometry) {
    for (i, (e, eg)) in graph.edges.iter().zip(&geom.edges).enumerate() {
        let (Some(label), Some(r)) = (e.label.as_deref(), eg.label) else {
            continue;
        };
        if label.trim().is_empty() {
            continue;
        }
        cx.w.open(
            "g",
            &[
                ("id", format!("{}-edge-label-{i}", cx.id)),
                ("class", "edge-label".into()),
            ],
        );
        let mut a = rect_attrs(&r);
        a.extend([
            ("fill", EDGE_LABEL_BG.into()),
            ("fill-opacity", num(EDGE_LABEL_BG_OPACITY)),
        ]);
        cx.w.leaf("rect", &a);
        let tb = (cx.measure)(
            label,
            TextStyle {
                size: FONT_SIZE,
                ..TextStyle::default()
            },
        );
        write_label(
            &mut cx.w,
            &tb,
            Point::new(r.x, r.y),
            vec![("fill", TEXT_COLOR.into())],
        );
        cx.w.close("g");
    }
}

/// A node's resolved style turned into attributes.
struct NodePaint {
    shape: Attrs,
    text: Attrs,
    text_style: TextStyle,
    opacity: Option<String>,
}

fn node_paint(style: &ResolvedStyle) -> NodePaint {
    let pick = |v: &Option<String>| v.as_deref().and_then(safe_value).map(str::to_string);
    let mut shape: Attrs = vec![
        (
            "fill",
            pick(&style.fill).unwrap_or_else(|| NODE_FILL.into()),
        ),
        (
            "stroke",
            pick(&style.stroke).unwrap_or_else(|| NODE_STROKE.into()),
        ),
        (
            "stroke-width",
            pick(&style.stroke_width).unwrap_or_else(|| num(NODE_STROKE_WIDTH)),
        ),
    ];
    if let Some(d) = pick(&style.stroke_dasharray) {
        shape.push(("stroke-dasharray", d));
    }
    let mut text: Attrs = vec![(
        "fill",
        pick(&style.color).unwrap_or_else(|| TEXT_COLOR.into()),
    )];
    let mut text_style = TextStyle {
        size: FONT_SIZE,
        ..TextStyle::default()
    };
    if let Some(size) = style
        .font_size
        .as_deref()
        .and_then(|s| parse_px(s, FONT_SIZE))
    {
        text_style.size = size;
        text.push(("font-size", num(size)));
    }
    if let Some(wt) = pick(&style.font_weight) {
        text_style.bold = match wt.as_str() {
            "bold" | "bolder" => true,
            n => n.parse::<u32>().is_ok_and(|n| n >= 600),
        };
        text.push(("font-weight", wt));
    }
    if let Some(st) = pick(&style.font_style) {
        text_style.italic = matches!(st.as_str(), "italic" | "oblique");
        text.push(("font-style", st));
    }
    NodePaint {
        shape,
        text,
        text_style,
        opacity: pick(&style.opacity),
    }
}

fn write_nodes(cx: &mut Ctx, graph: &Graph, geom: &Geometry) {
    for (i, (node, r)) in graph.nodes.iter().zip(&geom.nodes).enumerate() {
        let paint = node_paint(&graph.node_style(i));
        let mut g: Attrs = vec![
            (
                "id",
                format!("{}-node-{}-{i}", cx.id, sanitize_id(&node.id)),
            ),
            ("class", "node".into()),
        ];
        if let Some(o) = paint.opacity {
            g.push(("opacity", o));
        }
        cx.w.open("g", &g);
        for (tag, mut attrs) in shapes::shape_elements(node.shape, r) {
            attrs.extend(paint.shape.iter().cloned());
            cx.w.leaf(tag, &attrs);
        }
        let tb = (cx.measure)(&node.label, paint.text_style);
        write_label(
            &mut cx.w,
            &tb,
            shapes::label_centre(node.shape, r),
            paint.text,
        );
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

/// One `<text>` with a `<tspan>` per line, centred horizontally on
/// `centre.x` and the block of lines centred vertically on `centre.y`.
fn write_label(w: &mut Writer, tb: &TextBox, centre: Point, extra: Attrs) {
    if tb.lines.iter().all(|l| l.text.trim().is_empty()) {
        return;
    }
    let top = centre.y - tb.lines.len() as f64 * tb.line_height / 2.0;
    let x = num(centre.x);
    let mut a: Attrs = vec![
        ("x", x.clone()),
        ("y", num(top + tb.baseline)),
        ("text-anchor", "middle".into()),
    ];
    a.extend(extra);
    w.open("text", &a);
    for (k, line) in tb.lines.iter().enumerate() {
        let y = top + tb.baseline + k as f64 * tb.line_height;
        w.text_element("tspan", &[("x", x.clone()), ("y", num(y))], &line.text);
    }
    w.close("text");
}

#[cfg(test)]
mod tests;
