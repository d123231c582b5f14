use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn config(theme: Option<&str>, site: Value) -> Config {
    Config::resolve(&site, theme, &Value::object())
}

fn p(src: &str) -> model::TreeView {
    parse::parse(&read_preamble(src).unwrap()).unwrap()
}

fn summary(src: &str) -> Vec<String> {
    p(src)
        .nodes
        .iter()
        .map(|n| format!("{}{}<{:?}", " ".repeat(n.depth), n.name, n.parent))
        .collect()
}

fn err(src: &str) -> (String, usize, usize) {
    let e = parse::parse(&read_preamble(src).unwrap()).expect_err("should fail");
    (e.message, e.span.line, e.span.col)
}

#[test]
fn nesting_follows_indentation() {
    let s = summary("treeView-beta\n  \"root\"\n    \"a\"\n      \"a1\"\n    \"b\"\n  'top2'\n\tbare name.txt\n");
    assert_eq!(
        s,
        vec![
            "root<None",
            " a<Some(0)",
            "  a1<Some(1)",
            " b<Some(0)",
            "top2<None",
            " bare name.txt<Some(4)",
        ]
    );
    // Dedent to a level between two: a sibling of the nearest shallower.
    let s = summary("treeView\n\"a\"\n        \"b\"\n    \"c\"\n");
    assert_eq!(s, vec!["a<None", " b<Some(0)", " c<Some(0)"]);
    let t = p("treeView-beta\n%% comment\naccTitle: T\n\"x\" %% c\n");
    assert_eq!(t.acc_title.as_deref(), Some("T"));
    assert_eq!(t.nodes.len(), 1);
}

#[test]
fn errors_are_located() {
    let (m, l, c) = err("treeView-beta\n  \"a\n");
    assert!(m.contains("unclosed"), "{m}");
    assert_eq!((l, c), (2, 3));
    let (m, l, c) = err("treeView-beta\n  \"a\" \"b\"\n");
    assert!(m.contains("unexpected `\"b\"`"), "{m}");
    assert_eq!((l, c), (2, 7));
    let (m, l, c) = err("treeView-beta foo\n");
    assert!(m.contains("unexpected `foo`"), "{m}");
    assert_eq!((l, c), (1, 15));
}

fn generated(depths: &[usize]) -> String {
    let mut s = String::from("treeView-beta\n");
    for (k, d) in depths.iter().enumerate() {
        s.push_str(&format!(
            "{}\"entry number {k}.txt\"\n",
            "    ".repeat(*d + 1)
        ));
    }
    s
}

#[test]
fn rows_never_overlap_and_lines_avoid_texts() {
    let shapes: [&[usize]; 4] = [
        &[0],
        &[0, 1, 2, 2, 1, 0],
        &[0, 1, 2, 3, 4, 3, 0, 1],
        &[0, 0, 0],
    ];
    for site in [
        Value::object(),
        crate::syntax::parse_config_json(r##"{"treeView": {"rowIndent": 80, "lineThickness": 3}, "themeVariables": {"treeView": {"labelFontSize": "20px"}}}"##).unwrap(),
    ] {
        let c = TreeViewConfig::from_config(&config(None, site));
        for depths in shapes {
            let src = generated(depths);
            let g = layout::layout(&p(&src), &c);
            let boxes: Vec<_> = g
                .rows
                .iter()
                .map(|r| (r.x, r.y - r.tb.height / 2.0, r.x + r.tb.width, r.y + r.tb.height / 2.0))
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                assert!(a.0 >= 0.0 && a.1 >= 0.0 && a.2 <= g.width && a.3 <= g.height, "{src}");
                for b in boxes.iter().skip(i + 1) {
                    assert!(a.3 <= b.1 || b.3 <= a.1, "{src}: rows overlap");
                }
                for l in &g.lines {
                    let (lx0, lx1) = (l.x1.min(l.x2), l.x1.max(l.x2));
                    let (ly0, ly1) = (l.y1.min(l.y2), l.y1.max(l.y2));
                    let hit = lx1 > a.0 + 0.01 && lx0 < a.2 - 0.01 && ly1 > a.1 + 0.01 && ly0 < a.3 - 0.01;
                    assert!(!hit, "{src}: a line crosses row {i}");
                }
            }
            // Root plus one row per entry; one elbow per entry.
            assert_eq!(g.rows.len(), depths.len() + 1);
            assert!(g.lines.len() >= depths.len());
        }
    }
}

#[test]
fn config_and_theme_variables_reach_the_drawing() {
    let site = crate::syntax::parse_config_json(
        r##"{"treeView": {"rowIndent": 80, "lineThickness": 3}, "themeVariables": {"treeView": {"labelFontSize": "20px", "labelColor": "#FF0000", "lineColor": "#00FF00"}}}"##,
    )
    .unwrap();
    let cfg = config(None, site);
    let c = TreeViewConfig::from_config(&cfg);
    assert_eq!((c.row_indent, c.line_width, c.font_size), (80.0, 3.0, 20.0));
    let pre = read_preamble("treeView-beta\n \"a\"\n  \"b\"\n").unwrap();
    let cx = Context::new(&cfg, "m");
    let d = render(&pre, &cx).unwrap();
    assert!(
        d.svg.contains("#ff0000") || d.svg.contains("#FF0000"),
        "{}",
        d.svg
    );
    assert!(d.svg.contains("#00ff00") || d.svg.contains("#00FF00"));
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "treeView-beta\n \"src & <lib>\"\n  \"main.rs\"\n \"README.md\"\n";
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    for theme in crate::theme::THEMES {
        let cfg = config(Some(theme), Value::object());
        let cx = Context::new(&cfg, "m").with_background(Some("white"));
        let pre = read_preamble(src).unwrap();
        let a = render(&pre, &cx).unwrap();
        assert!(usvg::Tree::from_str(&a.svg, &opt).is_ok(), "{theme}");
        assert!(a.svg.contains("src &amp; &lt;lib&gt;"));
        assert_eq!(a.svg, render(&pre, &cx).unwrap().svg);
    }
    let cfg = config(None, Value::object());
    let cx = Context::new(&cfg, "m");
    assert!(render(&read_preamble("treeView-beta").unwrap(), &cx).is_ok());
}
