//! Tests of the SVG writer on hand-made graphs and geometry (no layout).

use super::*;
use crate::diagrams::flowchart::model::{ClassDef, Edge, Node, Shape, Stroke, StyleDecl, Subgraph};
use crate::geometry::{ClusterGeom, EdgeGeom, EdgePath, Seg};
use std::sync::Arc;

/// What the tests vary of a render's context.
struct RenderOptions {
    svg_id: String,
    background: Option<String>,
    config: crate::config::Value,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            svg_id: "mermaid".into(),
            background: Some("white".into()),
            config: crate::config::Value::object(),
        }
    }
}

fn render(g: &Graph, geom: &Geometry, opts: &RenderOptions) -> String {
    let config = crate::config::Config::resolve(&opts.config, None, &g.config);
    let cx = Context::new(&config, &opts.svg_id).with_background(opts.background.as_deref());
    let labels =
        crate::diagrams::flowchart::measure::labels(g, &TextSettings::from_config(&config));
    let fl =
        crate::diagrams::flowchart::arrange(crate::layered::Graph::default(), geom.clone(), labels);
    render_svg(g, &fl, &cx)
}

fn test_fontdb() -> Arc<usvg::fontdb::Database> {
    crate::text::fontdb()
}

fn decl(p: &str, v: &str) -> StyleDecl {
    StyleDecl {
        property: p.into(),
        value: v.into(),
    }
}

fn node(id: &str, label: &str, shape: Shape) -> Node {
    Node {
        id: id.into(),
        label: label.into(),
        shape,
        ..Node::default()
    }
}

fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
    Rect {
        x,
        y,
        width: w,
        height: h,
    }
}

fn line(a: (f64, f64), b: (f64, f64)) -> EdgePath {
    EdgePath {
        start: Point::new(a.0, a.1),
        segs: vec![Seg::Line(Point::new(b.0, b.1))],
    }
}

/// Two nodes in a subgraph, an arrow with a label between them, a circle
/// head and an invisible edge to a third node.
fn sample() -> (Graph, Geometry) {
    let mut g = Graph::default();
    g.nodes.push(node("A", "a < b & c", Shape::Rect));
    g.nodes
        .push(node("B", "line one\nline two", Shape::Diamond));
    g.nodes.push(node("C", "C", Shape::Cylinder));
    g.edges.push(Edge {
        from: 0,
        to: 1,
        arrow_end: ArrowHead::Normal,
        label: Some("yes & <no>".into()),
        ..Edge::default()
    });
    g.edges.push(Edge {
        from: 1,
        to: 2,
        stroke: Stroke::Dotted,
        arrow_start: ArrowHead::Cross,
        arrow_end: ArrowHead::Circle,
        ..Edge::default()
    });
    g.edges.push(Edge {
        from: 0,
        to: 2,
        stroke: Stroke::Invisible,
        arrow_end: ArrowHead::Normal,
        ..Edge::default()
    });
    g.subgraphs.push(Subgraph {
        id: "S1".into(),
        title: "Group \"one\"".into(),
        nodes: vec![0, 1],
        ..Subgraph::default()
    });
    let geom = Geometry {
        width: 300.0,
        height: 400.0,
        nodes: vec![
            rect(100.0, 60.0, 120.0, 40.0),
            rect(100.0, 200.0, 120.0, 120.0),
            rect(240.0, 340.0, 80.0, 60.0),
        ],
        edges: vec![
            EdgeGeom {
                path: line((100.0, 80.0), (100.0, 140.0)),
                label: Some(rect(100.0, 110.0, 80.0, 24.0)),
            },
            EdgeGeom {
                path: EdgePath {
                    start: Point::new(160.0, 200.0),
                    segs: vec![Seg::Cubic(
                        Point::new(240.0, 200.0),
                        Point::new(240.0, 250.0),
                        Point::new(240.0, 310.0),
                    )],
                },
                label: None,
            },
            EdgeGeom {
                path: line((100.0, 80.0), (200.0, 320.0)),
                label: None,
            },
        ],
        clusters: vec![ClusterGeom {
            rect: rect(100.0, 140.0, 180.0, 260.0),
            title: rect(100.0, 22.0, 100.0, 24.0),
        }],
    };
    (g, geom)
}

#[test]
fn canvas_is_rounded_up_to_whole_pixels() {
    let (g, mut geom) = sample();
    geom.width = 299.2;
    geom.height = 399.01;
    let svg = render(&g, &geom, &RenderOptions::default());
    assert!(
        svg.contains("width=\"300\" height=\"400\" viewBox=\"0 0 300 400\""),
        "{svg}"
    );
    // The background covers the whole canvas.
    assert!(svg.contains("x=\"0\" y=\"0\" width=\"300\" height=\"400\""));
}

#[test]
fn labels_are_escaped() {
    let (g, geom) = sample();
    let svg = render(&g, &geom, &RenderOptions::default());
    assert!(svg.contains(">a &lt; b &amp; c</tspan>"), "{svg}");
    // `<no>` reads as an (unknown) HTML tag: dropped, never drawn raw.
    assert!(svg.contains(">yes &amp;</tspan>"), "{svg}");
    assert!(!svg.contains("&lt;no"));
    assert!(svg.contains(">Group &quot;one&quot;</tspan>"));
    assert!(!svg.contains("a < b"));
    assert!(!svg.contains("<no>"));
}

#[test]
fn multi_line_labels_get_one_tspan_per_line_centred() {
    let (g, geom) = sample();
    let svg = render(&g, &geom, &RenderOptions::default());
    // Node B: centre y 200, two 24 px lines → top 176, then one baseline per line.
    let b = crate::text::measure("line one\nline two", TextStyle::default()).baseline;
    let y1 = svg::num(176.0 + b);
    let y2 = svg::num(200.0 + b);
    let want = format!(
        "<tspan x=\"100\" y=\"{y1}\">line one</tspan><tspan x=\"100\" y=\"{y2}\">line two</tspan>"
    );
    assert!(svg.contains(&want), "{want} in {svg}");
}

#[test]
fn output_is_deterministic() {
    let (g, geom) = sample();
    let a = render(&g, &geom, &RenderOptions::default());
    let b = render(&g.clone(), &geom.clone(), &RenderOptions::default());
    assert_eq!(a, b);
}

#[test]
fn every_id_is_prefixed_and_every_reference_resolves() {
    let (g, geom) = sample();
    let opts = RenderOptions {
        svg_id: "diag7".into(),
        background: None,
        ..RenderOptions::default()
    };
    let svg = render(&g, &geom, &opts);
    let ids: Vec<&str> = svg
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert!(ids.len() > 5);
    for id in &ids {
        assert!(id.starts_with("diag7"), "{id}");
    }
    let refs: Vec<&str> = svg
        .split("url(#")
        .skip(1)
        .map(|s| &s[..s.find(')').unwrap()])
        .collect();
    assert!(refs.contains(&"diag7-arrow-point"));
    assert!(refs.contains(&"diag7-arrow-circle"));
    assert!(refs.contains(&"diag7-arrow-cross"));
    for r in refs {
        assert!(ids.contains(&r), "dangling reference {r}");
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids");
}

#[test]
fn invisible_edges_are_not_drawn() {
    let (g, geom) = sample();
    let svg = render(&g, &geom, &RenderOptions::default());
    assert!(svg.contains("id=\"mermaid-edge-0\""));
    assert!(svg.contains("id=\"mermaid-edge-1\""));
    assert!(!svg.contains("mermaid-edge-2"));
    assert_eq!(svg.matches("class=\"edge\"").count(), 2);
}

#[test]
fn strokes_and_markers_follow_the_edge_kind() {
    let (g, geom) = sample();
    let svg = render(&g, &geom, &RenderOptions::default());
    let edge1 = svg
        .split("id=\"mermaid-edge-1\"")
        .nth(1)
        .unwrap()
        .split("/>")
        .next()
        .unwrap();
    assert!(edge1.contains("stroke-dasharray=\"3\""));
    assert!(edge1.contains("marker-start=\"url(#mermaid-arrow-cross)\""));
    assert!(edge1.contains("marker-end=\"url(#mermaid-arrow-circle)\""));
    // The arrow's path stops half a head short of the node; the head's tip is on it.
    let edge0 = svg
        .split("id=\"mermaid-edge-0\"")
        .nth(1)
        .unwrap()
        .split("/>")
        .next()
        .unwrap();
    assert!(edge0.contains("d=\"M100,80 L100,136\""), "{edge0}");
}

#[test]
fn node_style_beats_class_style() {
    let (mut g, geom) = sample();
    g.class_defs.push(ClassDef {
        name: "hot".into(),
        style: vec![decl("fill", "#f00"), decl("stroke", "#0f0")],
    });
    g.nodes[0].classes.push("hot".into());
    g.nodes[0].style = vec![
        decl("fill", "#abcdef"),
        decl("color", "#123"),
        decl("font-weight", "bold"),
    ];
    let svg = render(&g, &geom, &RenderOptions::default());
    let a = svg
        .split("id=\"mermaid-node-A-0\"")
        .nth(1)
        .unwrap()
        .split("</g>")
        .next()
        .unwrap();
    assert!(a.contains("fill=\"#abcdef\""), "{a}");
    assert!(!a.contains("#f00"));
    assert!(a.contains("stroke=\"#0f0\""));
    assert!(a.contains("fill=\"#123\""));
    assert!(a.contains("font-weight=\"bold\""));
    // Other nodes keep the theme.
    let b = svg
        .split("id=\"mermaid-node-B-1\"")
        .nth(1)
        .unwrap()
        .split("</g>")
        .next()
        .unwrap();
    assert!(b.contains("fill=\"#ECECFF\"") && b.contains("stroke=\"#9370DB\""));
}

#[test]
fn unsafe_style_values_are_dropped() {
    let (mut g, geom) = sample();
    g.nodes[0].style = vec![
        decl("fill", "url(https://example.com/x.svg#p)"),
        decl("stroke", "red\" onload=\"x"),
    ];
    let svg = render(&g, &geom, &RenderOptions::default());
    assert!(!svg.contains("example.com"));
    assert!(!svg.contains("onload"));
    assert!(!svg.contains("<script"));
}

#[test]
fn background_is_the_first_element_or_absent() {
    let (g, geom) = sample();
    let svg = render(&g, &geom, &RenderOptions::default());
    let body = svg.split_once("<svg").unwrap().1.split_once('>').unwrap().1;
    assert!(body.starts_with("<rect id=\"mermaid-background\" x=\"0\" y=\"0\" width=\"300\" height=\"400\" fill=\"white\"/>"));
    let svg = render(
        &g,
        &geom,
        &RenderOptions {
            background: None,
            ..RenderOptions::default()
        },
    );
    assert!(!svg.contains("background"));
}

#[test]
fn document_has_size_and_draw_order() {
    let (g, geom) = sample();
    let svg = render(&g, &geom, &RenderOptions::default());
    assert!(svg.contains("width=\"300\" height=\"400\" viewBox=\"0 0 300 400\""));
    let pos = |s: &str| svg.find(s).unwrap_or_else(|| panic!("missing {s}"));
    assert!(pos("class=\"cluster\"") < pos("class=\"edge\""));
    assert!(pos("class=\"edge\"") < pos("class=\"edge-label\""));
    assert!(pos("class=\"edge-label\"") < pos("class=\"node\""));
    assert!(svg.contains("fill=\"#ffffde\" stroke=\"#aaaa33\""));
    assert!(svg.contains("fill=\"#e8e8e8\" fill-opacity=\"0.8\""));
}

#[test]
fn svg_parses_with_usvg() {
    let (g, geom) = sample();
    let svg = render(&g, &geom, &RenderOptions::default());
    let opt = usvg::Options {
        fontdb: test_fontdb(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &opt).expect("valid SVG");
    assert_eq!(tree.size().width(), 300.0);
    let bbox = tree.root().abs_bounding_box();
    assert!(bbox.width() > 100.0 && bbox.height() > 100.0);
}

#[test]
fn every_shape_renders_through_usvg() {
    let shapes = crate::shape::ALL_SHAPES;
    let mut g = Graph::default();
    let mut geom = Geometry {
        width: 200.0,
        height: 100.0 * shapes.len() as f64,
        ..Geometry::default()
    };
    for (i, s) in shapes.iter().enumerate() {
        g.nodes.push(node(&format!("n{i}"), "", *s));
        geom.nodes
            .push(rect(100.0, 50.0 + 100.0 * i as f64, 120.0, 60.0));
    }
    let svg = render(
        &g,
        &geom,
        &RenderOptions {
            background: None,
            ..RenderOptions::default()
        },
    );
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("valid SVG");
    let bbox = tree.root().abs_bounding_box();
    assert!((bbox.left() - 40.0).abs() < 1.0, "{bbox:?}");
    assert!((bbox.top() - 20.0).abs() < 1.0, "{bbox:?}");
}

/// The `<text>` element drawing `word` in `svg` (its start tag and text).
fn text_of<'a>(svg: &'a str, word: &str) -> &'a str {
    let end = svg
        .find(&format!(">{word}</text>"))
        .unwrap_or_else(|| panic!("{word} not drawn alone in {svg}"));
    let start = svg[..end].rfind("<text").unwrap();
    &svg[start..end]
}

#[test]
fn html_tags_in_labels_style_their_runs() {
    let src = "flowchart LR\n\
        A[\"x <b>bo</b> <strong>st</strong> <i>it</i> <em>em</em>\"] --> B[\"x <u>un</u> <s>sk</s> <del>de</del>\"]\n\
        B -- \"x <sub>sb</sub> <sup>sp</sup> <small>sm</small>\" --> C\n\
        subgraph G [\"x <span style='color: #f00'>red</span> <code>co</code> <foo>fo</foo>\"]\n\
        C\n\
        end";
    let svg = crate::render(src, &crate::Options::default()).unwrap().svg;
    assert!(!svg.contains("&lt;b") && !svg.contains("<b>") && !svg.contains("foo"));
    // Neighbouring runs in one format are drawn as one.
    assert!(text_of(&svg, "bo st").contains("font-weight=\"bold\""));
    assert!(text_of(&svg, "it em").contains("matrix(1 0 -0.2"));
    assert!(text_of(&svg, "un").contains("text-decoration=\"underline\""));
    assert!(text_of(&svg, "sk de").contains("text-decoration=\"line-through\""));
    for w in ["sb", "sp"] {
        assert!(text_of(&svg, w).contains("font-size=\"12\""), "{w}");
    }
    assert!(text_of(&svg, "sm").contains("font-size=\"13.3"));
    assert!(text_of(&svg, "red").contains("fill=\"#f00\""));
    // sub below, sup above the label's baseline.
    let y = |w: &str| -> f64 {
        let t = text_of(&svg, w);
        let v = &t[t.find(" y=\"").unwrap() + 4..];
        v[..v.find('"').unwrap()].parse().unwrap()
    };
    assert!(y("sb") > y("sm") && y("sp") < y("sm"));
    // Other tags are dropped, their text kept (plainly, with its neighbours).
    assert!(svg.contains(">co fo</text>") || svg.contains("> co fo</text>"));
}

#[test]
fn html_entities_and_breaks_in_labels_are_decoded() {
    let src = "flowchart LR\n\
        A[\"&quot;q&quot; &amp; &#x2714; &#10004; &nbsp;&copy;&hellip;&rarr; #lt;b#gt;\"] --> B[\"one<br>two<br/>three<br />four<BR>five\"]";
    let svg = crate::render(src, &crate::Options::default()).unwrap().svg;
    assert!(
        svg.contains("&quot;q&quot; &amp; ✔ ✔ \u{a0}©…→ &lt;b&gt;"),
        "{svg}"
    );
    assert!(!svg.contains("&amp;quot;") && !svg.contains("&amp;#"));
    for w in ["one", "two", "three", "four", "five"] {
        assert!(svg.contains(&format!(">{w}</tspan>")), "{w}");
    }
}
