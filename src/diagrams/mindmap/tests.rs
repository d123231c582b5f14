//! Parser cases, located errors, layout invariants on generated maps,
//! SVG well-formedness and determinism.

use super::layout::{layout, Geometry, LayoutOptions};
use super::model::{Mindmap, Shape};
use super::parse::parse;
use crate::config::Config;
use crate::diagrams::Context;
use crate::syntax::{read_preamble, ParseError};

fn map(src: &str) -> Result<Mindmap, ParseError> {
    parse(&read_preamble(src).expect("preamble"))
}

/// `text[shape](parent)` per node.
fn summary(src: &str) -> String {
    let m = map(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    m.nodes
        .iter()
        .map(|n| {
            let shape = match n.shape {
                Shape::Default => "",
                Shape::Square => "[]",
                Shape::Rounded => "()",
                Shape::Circle => "(())",
                Shape::Bang => "))((",
                Shape::Cloud => ")(",
                Shape::Hexagon => "{{}}",
            };
            let parent = n
                .parent
                .map_or(String::new(), |p| format!("<{}", m.nodes[p].id));
            format!("{}:{}{shape}{parent}", n.id, n.text)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_shape() {
    assert_eq!(
        summary("mindmap\n  root((Root))\n    a[Sq]\n    b(Ro)\n    c))Ba((\n    d)Cl(\n    e{{Hx}}\n    plain text"),
        "root:Root(()) a:Sq[]<root b:Ro()<root c:Ba))((<root d:Cl)(<root e:Hx{{}}<root plain text:plain text<root"
    );
    assert_eq!(summary("mindmap\n[no id]"), "no id:no id[]");
}

#[test]
fn indentation_builds_the_tree() {
    assert_eq!(
        summary("mindmap\nRoot\n    A\n        B\n      C\n    D"),
        "Root:Root A:A<Root B:B<A C:C<A D:D<Root"
    );
    let m = map("mindmap\nR\n  A\n    B\n  C").unwrap();
    assert_eq!(m.nodes[2].section, Some(0));
    assert_eq!(m.nodes[3].section, Some(1));
    assert_eq!(m.nodes[2].depth, 2);
    assert_eq!(m.nodes[0].section, None);
}

#[test]
fn icons_classes_markdown_and_multiline_text() {
    let m = map("mindmap\n  R\n    A\n    ::icon(fa fa-book)\n    :::urgent large\n    B[\"`**bold** text\n   second`\"]\n    C(\n      The C\n    )\n    D[`*md*`]\n    E[One<br/>Two]").unwrap();
    assert_eq!(m.nodes[1].icon.as_deref(), Some("fa fa-book"));
    assert_eq!(m.nodes[1].classes, vec!["urgent", "large"]);
    assert_eq!(m.nodes[2].text, "**bold** text\nsecond");
    assert!(m.nodes[2].markdown);
    assert_eq!(m.nodes[3].text, "The C");
    assert_eq!(m.nodes[3].shape, Shape::Rounded);
    assert!(m.nodes[4].markdown);
    assert_eq!(m.nodes[5].text, "One\nTwo");
    let m = map("mindmap\n%% comment\naccTitle: T\nR\n  %% another\n  A").unwrap();
    assert_eq!(m.acc_title.as_deref(), Some("T"));
    assert_eq!(m.nodes.len(), 2);
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        ("mindmap\nRoot\nOther", (3, 1), "only one root"),
        ("mindmap\n  R\n    a[open", (3, 6), "unclosed `[`"),
        ("mindmap\n  R\n    a((x", (3, 6), "unclosed `((`"),
        ("mindmap\n::icon(x)", (2, 1), "must follow a node"),
        ("mindmap\n:::x", (2, 1), "must follow a node"),
        ("mindmap\n  R\n  ::icon(fa", (3, 3), "unclosed `::icon(`"),
        (
            "mindmap\n  R\n    a[\"x\"] tail",
            (3, 12),
            "unexpected `tail`",
        ),
        ("mindmap\n  R\n    a{x}", (3, 6), "unexpected `{`"),
    ];
    for (src, (line, col), msg) in cases {
        let e = map(src).expect_err(src);
        assert_eq!(
            (e.span.line, e.span.col),
            (*line, *col),
            "{src}: {}",
            e.message
        );
        assert!(e.message.contains(msg), "{src}: {}", e.message);
    }
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn generated(seed: u64, count: usize) -> String {
    let mut r = Lcg(seed);
    let words = [
        "alpha",
        "a much longer label that will wrap over lines",
        "x",
        "Mind",
        "区块链 text",
    ];
    let shapes = [
        ("[", "]"),
        ("(", ")"),
        ("((", "))"),
        ("))", "(("),
        (")", "("),
        ("{{", "}}"),
        ("", ""),
    ];
    let mut s = String::from("mindmap\n  root((Root))\n");
    let mut depth = 1;
    for i in 0..count {
        depth = (depth + r.next(3)).saturating_sub(1).clamp(1, 6);
        let (o, c) = shapes[r.next(shapes.len())];
        let w = words[r.next(words.len())];
        let label = if o.is_empty() {
            format!("{w} {i}")
        } else {
            format!("n{i}{o}{w}{c}")
        };
        s.push_str(&format!("{}{label}\n", "  ".repeat(depth + 1)));
    }
    s
}

fn check(geo: &Geometry, what: &str) {
    for (i, a) in geo.nodes.iter().enumerate() {
        assert!(
            a.left() >= 0.0 && a.top() >= 0.0 && a.right() <= geo.width && a.bottom() <= geo.height,
            "{what}: node {i} leaves the canvas"
        );
        // The label fits its node.
        assert!(
            a.text.width <= a.w && a.text.height <= a.h,
            "{what}: label {i} overflows"
        );
        for (j, b) in geo.nodes.iter().enumerate().skip(i + 1) {
            let apart = a.right() <= b.left() + 0.01
                || b.right() <= a.left() + 0.01
                || a.bottom() <= b.top() + 0.01
                || b.bottom() <= a.top() + 0.01;
            assert!(apart, "{what}: nodes {i} and {j} overlap");
        }
    }
}

#[test]
fn generated_maps_have_no_overlaps() {
    for seed in 0..40u64 {
        let src = generated(seed, 60);
        let m = map(&src).unwrap_or_else(|e| panic!("{src}\n{e:?}"));
        for tidy in [false, true] {
            let o = LayoutOptions {
                tidy_tree: tidy,
                ..LayoutOptions::default()
            };
            let geo = layout(&m, &o);
            check(&geo, &format!("seed {seed} tidy={tidy}\n{src}"));
            if tidy {
                // A tidy tree grows to the right of the root.
                assert!(geo
                    .nodes
                    .iter()
                    .skip(1)
                    .all(|n| n.centre.x > geo.nodes[0].centre.x));
            }
        }
    }
}

#[test]
fn balanced_map_spreads_branches_around_the_root() {
    let m = map("mindmap\nR\n  A\n  B\n  C\n  D").unwrap();
    let geo = layout(&m, &LayoutOptions::default());
    let r = &geo.nodes[0];
    let n = &geo.nodes[1..];
    // One branch on each side: right, below, left, above.
    assert!(n[0].left() > r.right() && (n[0].centre.y - r.centre.y).abs() < 1.0);
    assert!(n[1].top() > r.bottom() && (n[1].centre.x - r.centre.x).abs() < 1.0);
    assert!(n[2].right() < r.left());
    assert!(n[3].bottom() < r.top());
    // Two branches: right and left.
    let m = map("mindmap\nR\n  A\n  B").unwrap();
    let geo = layout(&m, &LayoutOptions::default());
    assert!(geo.nodes[1].left() > geo.nodes[0].right());
    assert!(geo.nodes[2].right() < geo.nodes[0].left());
}

fn render(src: &str, theme: Option<&str>) -> String {
    let pre = read_preamble(src).unwrap();
    let config = Config::resolve(&crate::config::Value::object(), theme, &pre.config);
    let cx = Context::new(&config, "m1");
    super::render(&pre, &cx).unwrap().svg
}

#[test]
fn svg_is_well_formed_deterministic_and_themed() {
    let src = "mindmap\n  root((A & <b>))\n    x[One]\n    ::icon(fa fa-book)\n    :::cls\n    y))Two((\n      z)Three(\n    w{{Four}}\n    v\n";
    for theme in [
        None,
        Some("dark"),
        Some("forest"),
        Some("neutral"),
        Some("base"),
    ] {
        let svg = render(src, theme);
        let opt = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        usvg::Tree::from_str(&svg, &opt).unwrap_or_else(|e| panic!("{theme:?}: {e}\n{svg}"));
        assert_eq!(svg, render(src, theme));
        assert!(svg.contains("A &amp; &lt;b&gt;"));
        assert!(!svg.contains("fa-book") && !svg.contains("href"));
    }
    // Default theme: the first branch is cScale1 (#ffffde darkened).
    assert!(
        render(src, None).contains("#ffff78"),
        "{}",
        render(src, None)
    );
    let tidy = render(
        &format!("---\nconfig:\n  layout: tidy-tree\n---\n{src}"),
        None,
    );
    assert_ne!(tidy, render(src, None));
}

#[test]
fn arbitrary_input_never_panics() {
    let pieces = [
        "root", "((", "))", "(", ")", "[", "]", "{{", "}}", "\n", "\n  ", "\n    ", "\"", "`",
        "::icon(", ":::", "é", "%%", "x", " ", "<br>",
    ];
    let mut r = Lcg(11);
    for _ in 0..3000 {
        let mut s = String::from("mindmap\n");
        for _ in 0..r.next(25) {
            s.push_str(pieces[r.next(pieces.len())]);
        }
        if let Ok(m) = map(&s) {
            let geo = layout(&m, &LayoutOptions::default());
            assert!(geo.width.is_finite() && geo.height.is_finite(), "{s}");
        }
    }
}
