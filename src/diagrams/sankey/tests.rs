use super::layout::format_value;
use super::*;
use crate::config::Config;
use crate::syntax::read_preamble;

fn sankey(src: &str) -> model::Sankey {
    let pre = read_preamble(src).expect("preamble");
    parse::parse(&pre).expect("parse")
}

fn err(src: &str) -> String {
    let pre = read_preamble(src).expect("preamble");
    let e = parse::parse(&pre).unwrap_err();
    format!("{}:{}: {}", e.span.line, e.span.col, e.message)
}

fn config(src: &str) -> Config {
    let pre = read_preamble(src).expect("preamble");
    Config::resolve(&Value::object(), None, &pre.config)
}

fn geometry(src: &str) -> layout::Geometry {
    let s = sankey(src);
    let c = config(src);
    let palette: Vec<String> = layout::TABLEAU10.iter().map(|c| c.to_string()).collect();
    layout::layout(&s, &SankeyConfig::from_config(&c), &palette)
}

fn render_src(src: &str) -> Drawing {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), None, &pre.config);
    let cx = Context::new(&config, "s");
    render(&pre, &cx).expect("render")
}

#[test]
fn parses_csv_rows() {
    let s = sankey("sankey-beta\n\n%% source,target,value\nA,B,10\n\n\"a, b\",\"say \"\"hi\"\"\",2.5\n  B , C , 1e1\n");
    assert_eq!(s.nodes, vec!["A", "B", "a, b", "say \"hi\"", "C"]);
    assert_eq!(s.links.len(), 3);
    assert_eq!(
        (s.links[1].source, s.links[1].target, s.links[1].value),
        (2, 3, 2.5)
    );
    assert_eq!(s.links[2].value, 10.0);
    let s = sankey("sankey\nAgricultural 'waste',Bio-conversion,124.729");
    assert_eq!(s.nodes[0], "Agricultural 'waste'");
}

#[test]
fn errors_are_located() {
    assert_eq!(
        err("sankey\nA,B"),
        "2:1: a sankey row has 2 fields (expected three: `source,target,value`)"
    );
    assert_eq!(
        err("sankey\nA,B,ten"),
        "2:5: the value `ten` is not a number (expected `source,target,value`)"
    );
    assert_eq!(
        err("sankey\n\"A,B,1"),
        "2:1: unclosed quoted field (expected a closing `\"`)"
    );
    assert_eq!(
        err("sankey\nA\"x,B,1"),
        "2:2: a quote inside an unquoted field (quote the whole field: `\"a \"\"b\"\"\"`)"
    );
    assert_eq!(err("sankey\nA,B,-1"), "2:5: a flow cannot be negative");
    assert_eq!(
        err("sankey\n\"A\" x,B,1"),
        "2:5: unexpected text after a quoted field (expected `,`)"
    );
}

#[test]
fn values_are_rounded_like_mermaid() {
    assert_eq!(format_value(245.319), "245.32");
    assert_eq!(format_value(10.0), "10");
    assert_eq!(format_value(0.5), "0.5");
}

#[test]
fn columns_follow_the_longest_path_and_alignment() {
    let src = "sankey\na,b,8\nb,c,8\nc,d,8\nd,e,8\nx,c,4\nc,y,4";
    let g = geometry(src);
    let layer = |n: &str| g.nodes.iter().find(|x| x.name == n).unwrap().layer;
    assert_eq!(
        (layer("a"), layer("b"), layer("c"), layer("d"), layer("e")),
        (0, 1, 2, 3, 4)
    );
    // Justify: sinks in the last column; x starts from its depth.
    assert_eq!((layer("x"), layer("y")), (0, 4));
    let g = geometry(&format!(
        "---\nconfig:\n  sankey:\n    nodeAlignment: left\n---\n{src}"
    ));
    let layer = |n: &str| g.nodes.iter().find(|x| x.name == n).unwrap().layer;
    assert_eq!(layer("y"), 3);
    let g = geometry(&format!(
        "---\nconfig:\n  sankey:\n    nodeAlignment: right\n---\n{src}"
    ));
    let layer = |n: &str| g.nodes.iter().find(|x| x.name == n).unwrap().layer;
    assert_eq!((layer("x"), layer("a")), (1, 0));
    // Heights are proportional to flow; bands are as wide as their flow.
    let g = geometry("sankey\na,b,10\na,c,30");
    let h = |n: &str| {
        let x = g.nodes.iter().find(|x| x.name == n).unwrap();
        x.y1 - x.y0
    };
    assert!((h("c") / h("b") - 3.0).abs() < 1e-6);
    assert!((h("a") - h("b") - h("c")).abs() < 1e-6);
    assert!((g.links[1].width / g.links[0].width - 3.0).abs() < 1e-6);
}

/// Generated flows: nodes inside the canvas, nodes of a column apart, no
/// label overlaps another, every label inside the canvas.
#[test]
fn generated_flows_keep_labels_apart() {
    let mut seed = 11u64;
    let mut rnd = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for case in 0..40 {
        let n = 3 + rnd(25) as usize;
        let mut src = String::from("sankey\n");
        for _ in 0..(n + rnd(20) as usize) {
            let a = rnd(n as u64);
            let b = a + 1 + rnd(4);
            src.push_str(&format!(
                "Node number {a},Node number {b},{}\n",
                1 + rnd(300)
            ));
        }
        if case % 3 == 0 {
            src = src.replacen(
                "sankey",
                "---\nconfig:\n  sankey:\n    showValues: false\n---\nsankey",
                1,
            );
        }
        let g = geometry(&src);
        for nd in &g.nodes {
            assert!(nd.y0 >= -0.01 && nd.y1 <= g.height + 0.01, "{src}");
            assert!(nd.x0 >= 0.0 && nd.x1 <= g.width, "{src}");
        }
        for a in &g.nodes {
            for b in &g.nodes {
                if a.name != b.name && a.layer == b.layer {
                    assert!(
                        a.y1 <= b.y0 + 1e-6 || b.y1 <= a.y0 + 1e-6,
                        "{src}: {} {}",
                        a.name,
                        b.name
                    );
                }
            }
        }
        for (i, a) in g.labels.iter().enumerate() {
            let (x, y, w, h) = a.bbox;
            assert!(
                x >= -0.01 && y >= -0.01 && x + w <= g.width + 0.01 && y + h <= g.height + 0.01,
                "{src}"
            );
            for b in &g.labels[i + 1..] {
                let (x2, y2, w2, h2) = b.bbox;
                let apart = x + w <= x2 || x2 + w2 <= x || y + h <= y2 || y2 + h2 <= y;
                assert!(apart, "{src}: `{}` overlaps `{}`", a.text, b.text);
            }
        }
    }
}

#[test]
fn svg_is_well_formed_deterministic_and_configurable() {
    let srcs = [
        "sankey\nA & <B>,C,1\nC,D,2",
        "sankey\n",
        "---\nconfig:\n  sankey:\n    linkColor: source\n    labelStyle: outlined\n---\nsankey\na,b,1",
        "---\nconfig:\n  sankey:\n    linkColor: \"#636465\"\n    nodeColors:\n      a: \"#ff0000\"\n---\nsankey\na,b,1",
        "sankey\na,b,1\nb,a,1",
    ];
    for src in srcs {
        let d = render_src(src);
        assert_eq!(d.svg, render_src(src).svg);
        usvg::Tree::from_str(
            &d.svg,
            &usvg::Options {
                fontdb: crate::text::fontdb(),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{src}: {e}"));
        assert!(!d.svg.contains("NaN"));
    }
    let d = render_src(srcs[0]);
    assert!(d.svg.contains("A &amp; &lt;B&gt;"));
    assert!(d.svg.contains("id=\"s-gradient-0\"") && d.svg.contains("url(#s-gradient-0)"));
    assert!(d.svg.contains("#4e79a7") && d.svg.contains("#f28e2c"));
    let d = render_src(srcs[3]);
    assert!(d.svg.contains("#636465") && d.svg.contains("#ff0000"));
    assert!(!d.svg.contains("Gradient"));
    let d = render_src(
        "---\nconfig:\n  sankey:\n    prefix: \"$\"\n    suffix: \" MWh\"\n---\nsankey\na,b,3",
    );
    assert!(d.svg.contains("a $3 MWh"), "{}", d.svg);
}

/// Odd inputs never panic: they render or give a located error.
#[test]
fn odd_inputs_never_panic() {
    crate::diagrams::testkit::odd_inputs_never_panic("sankey", super::render);
}
