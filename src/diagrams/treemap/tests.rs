use super::layout::shorten;
use super::*;
use crate::config::Config;
use crate::syntax::read_preamble;

fn treemap(src: &str) -> model::Treemap {
    let pre = read_preamble(src).expect("preamble");
    parse::parse(&pre).expect("parse")
}

fn err(src: &str) -> String {
    let pre = read_preamble(src).expect("preamble");
    let e = parse::parse(&pre).unwrap_err();
    format!("{}:{}: {}", e.span.line, e.span.col, e.message)
}

fn geometry(src: &str) -> layout::Geometry {
    let pre = read_preamble(src).expect("preamble");
    let c = Config::resolve(&Value::object(), None, &pre.config);
    layout::layout(
        &parse::parse(&pre).unwrap(),
        &TreemapConfig::from_config(&c),
    )
}

fn render_src(src: &str) -> Drawing {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), None, &pre.config);
    let cx = Context::new(&config, "t");
    render(&pre, &cx).expect("render")
}

/// `name(value)[children]` summary of the tree.
fn summary(tm: &model::Treemap, i: usize) -> String {
    let it = &tm.items[i];
    let mut s = it.name.clone();
    if let Some(v) = it.value {
        s += &format!("={v}");
    }
    if let Some(c) = &it.class {
        s += &format!(":::{c}");
    }
    if !it.children.is_empty() {
        let kids: Vec<String> = it.children.iter().map(|&c| summary(tm, c)).collect();
        s += &format!("[{}]", kids.join(" "));
    }
    s
}

#[test]
fn parses_the_hierarchy_by_indentation() {
    let tm = treemap("treemap-beta\n\"Section 1\"\n    \"Leaf 1.1\": 12\n    \"Section 1.2\":::class1\n      \"Leaf 1.2.1\": 12\n\"Section 2\"\n    \"Leaf 2.1\": 20:::class1\n    'Leaf 2.2': 25.5\n\n%% comment\nclassDef class1 fill:red,color:blue,stroke:#FFD600;\n");
    assert_eq!(
        summary(&tm, 0),
        "[Section 1[Leaf 1.1=12 Section 1.2:::class1[Leaf 1.2.1=12]] Section 2[Leaf 2.1=20:::class1 Leaf 2.2=25.5]]"
    );
    assert_eq!(tm.classes.len(), 1);
    assert_eq!(tm.style(Some("class1"), "color").as_deref(), Some("blue"));
    assert_eq!(
        tm.style(Some("class1"), "stroke").as_deref(),
        Some("#FFD600")
    );
    assert_eq!(tm.total(0), 69.5);
    let tm = treemap("treemap\ntitle My map\n\"A\": 1\n\"B\": 2");
    assert_eq!(tm.title.as_deref(), Some("My map"));
    assert_eq!(summary(&tm, 0), "[A=1 B=2]");
}

#[test]
fn errors_are_located() {
    assert_eq!(
        err("treemap-beta\n  Section"),
        "2:3: unexpected `Section` (expected a quoted name such as `\"Section\"` or `\"Leaf\": 10`, `classDef` or `title`)"
    );
    assert_eq!(
        err("treemap-beta\n\"A\": x"),
        "2:6: the value `x` is not a number (expected `\"A\": 10`)"
    );
    assert_eq!(
        err("treemap-beta\n  \"A"),
        "2:3: unclosed name (expected a closing `\"`)"
    );
    assert_eq!(
        err("treemap-beta\n\"A\": 1 extra"),
        "2:8: unexpected text after the item (expected `: value`, `:::class` or the end of the line)"
    );
    assert_eq!(err("treemap-beta\nclassDef  "), "2:1: unexpected `classDef` (expected a quoted name such as `\"Section\"` or `\"Leaf\": 10`, `classDef` or `title`)");
}

#[test]
fn areas_follow_values_and_sections_nest() {
    let g = geometry("treemap-beta\n\"S\"\n  \"a\": 30\n  \"b\": 10\n  \"c\": 20");
    let area = |name: &str| {
        let c = g
            .cells
            .iter()
            .find(|c| c.label.as_ref().is_some_and(|l| l.text == name))
            .unwrap();
        (c.x1 - c.x0) * (c.y1 - c.y0)
    };
    let (a, b, c) = (area("a"), area("b"), area("c"));
    assert!(
        (a / b - 3.0).abs() < 0.25 && (c / b - 2.0).abs() < 0.2,
        "{a} {b} {c}"
    );
    let s = &g.cells[0];
    assert!(!s.leaf);
    for c in &g.cells[1..] {
        assert!(
            c.x0 >= s.x0 + 10.0
                && c.x1 <= s.x1 - 10.0
                && c.y0 >= s.y0 + 35.0
                && c.y1 <= s.y1 - 10.0
        );
    }
    // The canvas is the content plus the diagram padding.
    assert_eq!(s.x0, 8.0);
    assert_eq!(g.width, s.x1 + 8.0);
}

fn inside(t: &layout::Text, c: &layout::Cell) -> bool {
    let (x, y, w, h) = t.bbox;
    x >= c.x0 - 0.01 && y >= c.y0 - 0.01 && x + w <= c.x1 + 0.01 && y + h <= c.y1 + 0.01
}

/// Generated trees: no label or value leaves its cell, no text overlaps
/// another, everything inside the canvas.
#[test]
fn generated_trees_keep_texts_in_their_cells() {
    let mut seed = 5u64;
    let mut rnd = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let words = [
        "Revenue",
        "A rather long section name indeed",
        "x",
        "Operations and maintenance",
        "Q3",
        "Salaries",
    ];
    for case in 0..40 {
        let mut src = String::from("treemap-beta\n");
        if case % 4 == 1 {
            src = "---\nconfig:\n  treemap:\n    valueFormat: '$,.2f'\n---\n".to_string() + &src;
        }
        for s in 0..(1 + rnd(4)) {
            src.push_str(&format!("\"{} {s}\"\n", words[rnd(6) as usize]));
            for l in 0..(1 + rnd(7)) {
                src.push_str(&format!(
                    "  \"{} {l}\": {}\n",
                    words[rnd(6) as usize],
                    1 + rnd(1000)
                ));
            }
        }
        let g = geometry(&src);
        let mut texts = Vec::new();
        for c in &g.cells {
            assert!(
                c.x0 >= 0.0 && c.y0 >= 0.0 && c.x1 <= g.width && c.y1 <= g.height,
                "{src}"
            );
            for t in [&c.label, &c.value].into_iter().flatten() {
                assert!(
                    inside(t, c),
                    "{src}: `{}` {:?} leaves its cell",
                    t.text,
                    t.bbox
                );
                texts.push(t);
            }
        }
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                let (x, y, w, h) = a.bbox;
                let (x2, y2, w2, h2) = b.bbox;
                let apart = x + w <= x2 + 0.01
                    || x2 + w2 <= x + 0.01
                    || y + h <= y2 + 0.01
                    || y2 + h2 <= y + 0.01;
                assert!(apart, "{src}: `{}` overlaps `{}`", a.text, b.text);
            }
        }
    }
}

#[test]
fn long_labels_shrink_then_shorten_then_hide() {
    assert_eq!(shorten("abc", 12.0, false, 100.0), "abc");
    let s = shorten("a very long label for a narrow cell", 12.0, false, 50.0);
    assert!(s.ends_with('…') && s.chars().count() < 12, "{s}");
    let g = geometry(
        "treemap-beta\n\"S\"\n  \"Big\": 1000\n  \"A label much too long for its tiny cell\": 1",
    );
    let small = g
        .cells
        .iter()
        .find(|c| c.leaf && c.x1 - c.x0 < 60.0)
        .expect("a small cell");
    if let Some(l) = &small.label {
        assert!(l.text.ends_with('…') || l.size < 14.0);
        assert!(inside(l, small));
    }
}

#[test]
fn svg_is_well_formed_deterministic_and_styled() {
    let srcs = [
        "treemap-beta\n\"A & <B>\"\n  \"x\": 1\n  \"y\": 2:::c\nclassDef c fill:#f96,stroke:#333,stroke-width:2px,color:#123456;",
        "treemap-beta\n",
        "---\nconfig:\n  theme: dark\n---\ntreemap\n\"a\": 1",
        "---\nconfig:\n  treemap:\n    showValues: false\n    diagramPadding: 200\n---\ntreemap\n\"a\": 1",
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
    }
    let d = render_src(srcs[0]);
    assert!(d.svg.contains("A &amp; &lt;B&gt;"));
    assert!(d.svg.contains("#f96") && d.svg.contains("#123456"));
    let d = render_src(srcs[3]);
    assert!(d.width >= 400.0);
    assert!(!d.svg.contains("treemapValue"));
    let d = render_src(
        "---\nconfig:\n  treemap:\n    valueFormat: '$,.2f'\n---\ntreemap\n\"a\": 1234.5",
    );
    assert!(d.svg.contains("$1,234.50"));
}

/// Odd inputs never panic: they render or give a located error.
#[test]
fn odd_inputs_never_panic() {
    crate::diagrams::testkit::odd_inputs_never_panic("treemap-beta", super::render);
}
