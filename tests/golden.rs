//! Golden tests: fixture documents rendered and compared with committed
//! outputs — SVG as text, PNG per pixel with a small tolerance.
//!
//! Regenerate with `MERMAID_RENDER_BLESS=1 cargo test --test golden`; a
//! blessing run rewrites the files and then fails on purpose, so it is
//! never silently green. On a PNG mismatch a diff image is written under
//! `target/golden-diff/`.

use mermaid_render::config::Config;
use mermaid_render::diagrams::{flowchart, Context};
use mermaid_render::extract::{self, SourceKind};
use mermaid_render::layered::verify;
use mermaid_render::{render, Options};
use resvg::tiny_skia::Pixmap;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Largest per-channel difference still counted as equal.
const CHANNEL_TOLERANCE: u8 = 2;
/// Share of pixels allowed to differ beyond the tolerance.
const PIXEL_SHARE: f64 = 0.001;

fn blessing() -> bool {
    std::env::var_os("MERMAID_RENDER_BLESS").is_some()
}

fn golden(name: &str) -> PathBuf {
    Path::new(ROOT).join("fixtures/golden").join(name)
}

/// Compare (or bless) one SVG and its PNG.
fn check(name: &str, doc: &Path) {
    let text = std::fs::read_to_string(doc).unwrap();
    let blocks = extract::extract(&text, SourceKind::from_path(doc));
    assert_eq!(blocks.len(), 1, "{name}: one diagram expected");
    let r = render(&blocks[0].source, &Options::default()).expect("renders");
    let png = r.png(1.0).expect("rasterises");
    let (svg_path, png_path) = (
        golden(&format!("{name}.svg")),
        golden(&format!("{name}.png")),
    );
    if blessing() {
        std::fs::create_dir_all(svg_path.parent().unwrap()).unwrap();
        std::fs::write(&svg_path, &r.svg).unwrap();
        std::fs::write(&png_path, &png).unwrap();
        panic!(
            "blessed {name}: rewrote {} and {}; run again without MERMAID_RENDER_BLESS",
            svg_path.display(),
            png_path.display()
        );
    }
    let want_svg = std::fs::read_to_string(&svg_path).unwrap_or_else(|_| {
        panic!(
            "missing {}; bless with MERMAID_RENDER_BLESS=1",
            svg_path.display()
        )
    });
    assert!(
        r.svg == want_svg,
        "{name}: SVG differs from {}",
        svg_path.display()
    );
    let want = Pixmap::decode_png(&std::fs::read(&png_path).unwrap()).unwrap();
    let got = Pixmap::decode_png(&png).unwrap();
    assert_eq!(
        (got.width(), got.height()),
        (want.width(), want.height()),
        "{name}: PNG size"
    );
    let mut diff = Pixmap::new(got.width(), got.height()).unwrap();
    let mut bad = 0usize;
    for (i, (a, b)) in got.data().chunks(4).zip(want.data().chunks(4)).enumerate() {
        let off = a
            .iter()
            .zip(b)
            .any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE);
        if off {
            bad += 1;
            diff.data_mut()[i * 4..i * 4 + 4].copy_from_slice(&[255, 0, 0, 255]);
        }
    }
    let share = bad as f64 / (got.width() * got.height()) as f64;
    if share > PIXEL_SHARE {
        let dir = Path::new(ROOT).join("target/golden-diff");
        std::fs::create_dir_all(&dir).unwrap();
        let _ = diff.save_png(dir.join(format!("{name}.diff.png")));
        let _ = std::fs::write(dir.join(format!("{name}.png")), &png);
        panic!(
            "{name}: {bad} pixels differ ({:.3}%), diff in {}",
            share * 100.0,
            dir.display()
        );
    }
}

#[test]
fn seed_matches_its_golden_svg_and_png() {
    check(
        "seed",
        &Path::new(ROOT).join("seeds/000_90de61ab8aa2bbb0.txt"),
    );
}

#[test]
fn seed_layout_is_clean() {
    let doc = Path::new(ROOT).join("seeds/000_90de61ab8aa2bbb0.txt");
    let text = std::fs::read_to_string(&doc).unwrap();
    let blocks = extract::extract(&text, SourceKind::Text);
    let graph = flowchart::parse_source(&blocks[0].source).unwrap();
    assert_eq!(graph.nodes.len(), 14);
    assert_eq!(graph.edges.len(), 11);
    assert_eq!(graph.subgraphs.len(), 4);
    let fl = flowchart::layout(&graph, &Config::default()).unwrap();
    let rep = verify::verify(&fl.layered, &fl.geometry);
    assert!(rep.is_clean(), "{:#?}", rep.messages);
    assert_eq!(verify::crossings(&fl.geometry), 0);
    // A pink, C green (its `style` beats the `highlight` class).
    let a = graph.node_index("A").unwrap();
    let c = graph.node_index("C").unwrap();
    assert_eq!(graph.node_style(a).fill.as_deref(), Some("#f9f"));
    assert_eq!(graph.node_style(c).fill.as_deref(), Some("#9f9"));
    // Every label is drawn.
    let svg = render(&blocks[0].source, &Options::default()).unwrap().svg;
    for n in &graph.nodes {
        assert!(svg.contains(&n.label), "label {} missing", n.label);
    }
    assert_eq!(svg.matches(">影响<").count(), 2);
}

// ---- Hand-built graphs (independent of which syntax the parser knows) ----

#[test]
fn a_hand_built_graph_with_bad_indices_is_an_error_not_a_panic() {
    let cfg = Config::default();
    let mut g = chain(&[("a", Shape::Rect), ("b", Shape::Rect)], 2);
    assert!(flowchart::layout(&g, &cfg).is_ok());
    g.edges[0].to = 7;
    assert!(flowchart::layout(&g, &cfg).is_err());
    let mut g = chain(&[("a", Shape::Rect)], 1);
    g.subgraphs = vec![
        flowchart::model::Subgraph {
            parent: Some(1),
            children: vec![1],
            ..Default::default()
        },
        flowchart::model::Subgraph {
            parent: Some(0),
            children: vec![0],
            ..Default::default()
        },
    ];
    assert!(flowchart::layout(&g, &cfg).is_err());
}

use flowchart::measure;
use flowchart::model::{ArrowHead, Edge, Graph, Node, Shape, Stroke, Value};
use mermaid_render::shape::{has_label, label_offset, outline, ALL_SHAPES};

/// Lay out and draw a hand-built graph under `config`.
fn draw(graph: &Graph, config: Value) -> (String, mermaid_render::geometry::Geometry) {
    let cfg = Config::resolve(&config, None, &graph.config);
    let fl = flowchart::layout(graph, &cfg).expect("valid graph");
    let cx = Context::new(&cfg, "mermaid").with_background(Some("white"));
    (flowchart::draw::render_svg(graph, &fl, &cx), fl.geometry)
}

/// Compare (or bless) an SVG string and its PNG under `name`.
fn check_svg(name: &str, svg: &str) {
    let dir = std::env::temp_dir().join("mermaid-render-golden");
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join(format!("{name}.mmd"));
    let _ = doc;
    let png = mermaid_render::raster::svg_to_png(svg, 1.0).expect("rasterises");
    let (svg_path, png_path) = (
        golden(&format!("{name}.svg")),
        golden(&format!("{name}.png")),
    );
    if blessing() {
        std::fs::write(&svg_path, svg).unwrap();
        std::fs::write(&png_path, &png).unwrap();
        panic!("blessed {name}; run again without MERMAID_RENDER_BLESS");
    }
    let want = std::fs::read_to_string(&svg_path)
        .unwrap_or_else(|_| panic!("missing {}; bless it", svg_path.display()));
    assert!(
        svg == want,
        "{name}: SVG differs from {}",
        svg_path.display()
    );
    let a = Pixmap::decode_png(&png).unwrap();
    let b = Pixmap::decode_png(&std::fs::read(&png_path).unwrap()).unwrap();
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    let bad = a
        .data()
        .chunks(4)
        .zip(b.data().chunks(4))
        .filter(|(x, y)| {
            x.iter()
                .zip(*y)
                .any(|(p, q)| p.abs_diff(*q) > CHANNEL_TOLERANCE)
        })
        .count();
    assert!(
        bad as f64 / (a.width() * a.height()) as f64 <= PIXEL_SHARE,
        "{name}: {bad} pixels differ"
    );
}

fn chain(labels: &[(&str, Shape)], per_row: usize) -> Graph {
    let mut g = Graph {
        direction: mermaid_render::geometry::Direction::LR,
        ..Graph::default()
    };
    for (i, (label, shape)) in labels.iter().enumerate() {
        g.nodes.push(Node {
            id: format!("n{i}"),
            label: label.to_string(),
            shape: *shape,
            ..Node::default()
        });
        if i % per_row != 0 {
            g.edges.push(Edge {
                from: i - 1,
                to: i,
                arrow_end: ArrowHead::Normal,
                min_len: 1,
                ..Edge::default()
            });
        }
    }
    g
}

fn shape_family(range: std::ops::Range<usize>) -> Graph {
    let labels: Vec<(String, Shape)> = ALL_SHAPES[range]
        .iter()
        .map(|s| (s.name().to_string(), *s))
        .collect();
    let refs: Vec<(&str, Shape)> = labels.iter().map(|(l, s)| (l.as_str(), *s)).collect();
    chain(&refs, 4)
}

#[test]
fn shapes_classic_golden() {
    check_svg(
        "shapes-classic",
        &draw(&shape_family(0..14), Value::object()).0,
    );
}

#[test]
fn shapes_mermaid11_golden() {
    check_svg(
        "shapes-mermaid11",
        &draw(&shape_family(14..32), Value::object()).0,
    );
}

#[test]
fn shapes_mermaid11_more_golden() {
    check_svg(
        "shapes-mermaid11-more",
        &draw(&shape_family(32..47), Value::object()).0,
    );
}

#[test]
fn edges_golden() {
    let mut g = chain(&[], 1);
    for i in 0..12 {
        g.nodes.push(Node {
            id: format!("e{i}"),
            label: format!("{}", (b'A' + i as u8) as char),
            ..Node::default()
        });
    }
    let kinds = [
        (Stroke::Normal, ArrowHead::None, ArrowHead::Normal, None),
        (
            Stroke::Dotted,
            ArrowHead::None,
            ArrowHead::Circle,
            Some("dotted"),
        ),
        (
            Stroke::Thick,
            ArrowHead::Cross,
            ArrowHead::Cross,
            Some("thick"),
        ),
        (
            Stroke::Normal,
            ArrowHead::Normal,
            ArrowHead::Normal,
            Some("both"),
        ),
        (Stroke::Invisible, ArrowHead::None, ArrowHead::Normal, None),
        (Stroke::Normal, ArrowHead::Circle, ArrowHead::None, None),
    ];
    for (k, (stroke, a, b, label)) in kinds.into_iter().enumerate() {
        g.edges.push(Edge {
            from: 2 * k,
            to: 2 * k + 1,
            stroke,
            arrow_start: a,
            arrow_end: b,
            label: label.map(str::to_string),
            min_len: 1,
            ..Edge::default()
        });
    }
    g.edges[0].style = mermaid_render::style::parse_style_list("stroke:#d33,stroke-width:3px");
    g.edges[3].style = mermaid_render::style::parse_style_list("stroke:blue,color:blue");
    check_svg("edges", &draw(&g, Value::object()).0);
}

fn theme_config(theme: &str) -> Value {
    Value::Object(vec![("theme".into(), Value::String(theme.into()))])
}

fn theme_graph() -> Graph {
    let src = "flowchart LR\n  A[Start] --> B{Decide}\n  B -->|yes| C(Do it)\n  B -.-> D[(Store)]\n  subgraph G [group]\n    C --> E([Done])\n  end\n";
    flowchart::parse_source(src).unwrap()
}

fn theme_golden(t: &str) {
    check_svg(
        &format!("theme-{t}"),
        &draw(&theme_graph(), theme_config(t)).0,
    );
}

#[test]
fn theme_default_golden() {
    theme_golden("default");
}

#[test]
fn theme_neutral_golden() {
    theme_golden("neutral");
}

#[test]
fn theme_dark_golden() {
    theme_golden("dark");
}

#[test]
fn theme_forest_golden() {
    theme_golden("forest");
}

#[test]
fn theme_base_golden() {
    theme_golden("base");
}

#[test]
fn text_cjk_markdown_golden() {
    let mut g = chain(
        &[
            (
                "**Bold** and *italic* in a markdown string that wraps",
                Shape::Rounded,
            ),
            ("中文标签 with CJK 和 **粗体**", Shape::Rect),
            ("line one\nline two", Shape::Diamond),
        ],
        3,
    );
    g.nodes[0].markdown = true;
    g.nodes[1].markdown = true;
    check_svg("text-cjk-markdown", &draw(&g, Value::object()).0);
}

/// Every label's box lies inside its node's outline (1 px tolerance).
fn labels_fit(graph: &Graph, geom: &mermaid_render::geometry::Geometry) -> Vec<String> {
    let s = measure::TextSettings::default();
    let mut bad = Vec::new();
    for (i, (n, r)) in graph.nodes.iter().zip(&geom.nodes).enumerate() {
        if !has_label(n.shape) {
            continue;
        }
        let tb = measure::node_label(graph, i, &s);
        if tb.width == 0.0 {
            continue;
        }
        let poly = outline(n.shape, r.width + 2.0, r.height + 2.0);
        let (dx, dy) = label_offset(n.shape, r.width, r.height, tb.width, tb.height);
        for (sx, sy) in [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
            let p = (dx + sx * tb.width / 2.0, dy + sy * tb.height / 2.0);
            if !inside(&poly, p) {
                bad.push(format!(
                    "{} ({:?}) corner {p:?} outside {}x{}",
                    n.id, n.shape, r.width, r.height
                ));
                break;
            }
        }
    }
    bad
}

fn inside(poly: &[mermaid_render::geometry::Point], (x, y): (f64, f64)) -> bool {
    let mut c = false;
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
        if (a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x {
            c = !c;
        }
    }
    c
}

#[test]
fn every_shape_fits_short_long_and_multiline_labels() {
    for label in [
        "A",
        "Medium label",
        "A label long enough to wrap twice over at 200 px",
        "one\ntwo\nthree",
    ] {
        let labels: Vec<(&str, Shape)> = ALL_SHAPES.iter().map(|s| (label, *s)).collect();
        let g = chain(&labels, 1);
        let (_, geom) = draw(&g, Value::object());
        let bad = labels_fit(&g, &geom);
        assert!(bad.is_empty(), "{label:?}: {bad:#?}");
    }
}

/// The reference diagrams copied into `fixtures/reference/`: every node
/// label is in the SVG and fits its shape.
fn check_reference_dir(dir: &Path) -> usize {
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
    {
        let src = std::fs::read_to_string(p).unwrap();
        let Ok(graph) = flowchart::parse_source(&src) else {
            continue;
        };
        let Ok(r) = render(&src, &Options::default()) else {
            continue;
        };
        n += 1;
        // The words as drawn (markdown markers are styling, not text).
        let cfg = Config::resolve(&Value::object(), None, &graph.config);
        let settings = measure::TextSettings::from_config(&cfg);
        let geometry = flowchart::layout(&graph, &cfg).unwrap().geometry;
        for (i, node) in graph.nodes.iter().enumerate() {
            if !has_label(node.shape) {
                continue;
            }
            let drawn = measure::node_label(&graph, i, &settings);
            let runs = drawn.lines.iter().flat_map(|l| l.runs.iter());
            for word in runs.flat_map(|run| run.text.split_whitespace()) {
                // Icons stand in the measured text as placeholder
                // characters and are drawn as paths, not text.
                let word: String = word
                    .chars()
                    .filter(|&c| mermaid_render::icons::from_placeholder(c).is_none())
                    .collect();
                if word.is_empty() {
                    continue;
                }
                let esc = word
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
                    .replace('\'', "&apos;");
                assert!(
                    r.svg.contains(&esc),
                    "{}: label word {word:?} of {} missing",
                    p.display(),
                    node.id
                );
            }
        }
        let bad = labels_fit(&graph, &geometry);
        assert!(bad.is_empty(), "{}: {bad:#?}", p.display());
    }
    n
}

#[test]
fn reference_fixtures_show_and_fit_every_label() {
    assert!(check_reference_dir(&Path::new(ROOT).join("fixtures/reference")) >= 5);
}

/// All of `../shared/reference/flowchart/` beside the checkout (or
/// `$MERMAID_REFERENCE_DIR`):
/// `cargo test --test golden -- --ignored`.
#[test]
#[ignore]
fn all_reference_flowcharts_show_and_fit_every_label() {
    let dir = std::env::var("MERMAID_REFERENCE_DIR")
        .unwrap_or_else(|_| format!("{ROOT}/../shared/reference/flowchart"));
    let n = check_reference_dir(Path::new(&dir));
    eprintln!("{n} diagrams checked");
}
