use super::layout::{Geometry, Text};
use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn cfg(theme: Option<&str>) -> Config {
    Config::resolve(&Value::object(), theme, &Value::object())
}

fn run_theme(src: &str, theme: Option<&str>) -> Result<Drawing, ParseError> {
    let pre = read_preamble(src).expect("preamble");
    let config = cfg(theme);
    let cx = Context::new(&config, "m").with_background(Some("white"));
    render(&pre, &cx)
}

fn p(src: &str) -> model::Venn {
    parse::parse(&read_preamble(src).unwrap()).unwrap()
}

fn err(src: &str) -> (String, usize, usize) {
    let e = parse::parse(&read_preamble(src).unwrap()).expect_err("should fail");
    (e.message, e.span.line, e.span.col)
}

fn geom(src: &str) -> Geometry {
    let v = p(src);
    let config = cfg(None);
    layout::layout(
        &v,
        &VennConfig::from_config(&config),
        &colors::VennColors::from_theme(&config.theme),
    )
}

#[test]
fn sets_unions_labels_sizes() {
    let v = p("venn-beta\n  title \"Team\"\n  set A[\"Alpha\"]:20\n  set \"Foo Bar\"\n  union A,\"Foo Bar\"[\"AB\"]:3\n");
    assert_eq!(v.title.as_deref(), Some("\"Team\""));
    assert_eq!(v.sets.len(), 2);
    assert_eq!(v.sets[0].label.as_deref(), Some("Alpha"));
    assert_eq!(v.sets[0].size, Some(20.0));
    assert_eq!(v.sets[1].id, "Foo Bar");
    assert_eq!(v.unions[0].sets, vec![0, 1]);
    assert_eq!(v.unions[0].label.as_deref(), Some("AB"));
    assert_eq!(v.unions[0].size, Some(3.0));
}

#[test]
fn text_nodes_attach_to_the_last_area() {
    let v = p("venn-beta\n set A\n   text \"Item 1\"\n   text A2[\"Design Systems\"]\n set B\n union A, B\n   text Shared\n");
    assert_eq!(v.sets[0].texts.len(), 2);
    assert_eq!(v.sets[0].texts[0].label, "Item 1");
    assert_eq!(v.sets[0].texts[1].id.as_deref(), Some("A2"));
    assert_eq!(v.sets[0].texts[1].label, "Design Systems");
    assert!(v.sets[1].texts.is_empty());
    assert_eq!(v.unions[0].texts[0].label, "Shared");
}

#[test]
fn styles_resolve_to_areas_and_texts() {
    let v = p("venn-beta\n set A\n  text A1[\"x\"]\n set B\n union A, B\n style A fill:#ff6b6b\n style B,A fill:#ffe66d, fill-opacity:0.5\n style A1 color:red\n %% comment\n");
    assert_eq!(v.styles.len(), 3);
    assert_eq!(v.styles[1].targets, vec!["B", "A"]);
    let u = &v.unions[0];
    assert_eq!(model::prop(&v.area_style(u), "fill"), Some("#ffe66d"));
    assert_eq!(
        model::prop(&v.area_style(&v.sets[0]), "fill"),
        Some("#ff6b6b")
    );
    assert_eq!(
        model::prop(&v.text_style(&v.sets[0].texts[0]), "color"),
        Some("red")
    );
}

#[test]
fn errors_are_located() {
    let (m, l, c) = err("venn-beta\n set A\n union A, C\n");
    assert!(m.contains("`C`") && m.contains("not a set"), "{m}");
    assert_eq!((l, c), (3, 11));
    let (m, l, c) = err("venn-beta\n set A\n union A\n");
    assert!(m.contains("at least two"), "{m}");
    assert_eq!((l, c), (3, 8));
    let (m, l, c) = err("venn-beta\n text \"x\"\n");
    assert!(m.contains("must follow"), "{m}");
    assert_eq!((l, c), (2, 2));
    let (m, l, c) = err("venn-beta\n set A:x\n");
    assert!(m.contains("number"), "{m}");
    assert_eq!((l, c), (2, 8));
    let (m, l, c) = err("venn-beta\n set A[\"a\"\n");
    assert!(m.contains("unclosed `[`"), "{m}");
    assert_eq!((l, c), (2, 7));
    let (m, l, c) = err("venn-beta\n circle A\n");
    assert!(m.contains("unexpected `circle`"), "{m}");
    assert_eq!((l, c), (2, 2));
    let (m, l, c) = err("venn-beta\n set A\n style A colour:red\n");
    assert!(m.contains("unknown style property `colour`"), "{m}");
    assert_eq!((l, c), (3, 10));
    let (m, l, c) = err("venn-beta\n set A\n set A\n");
    assert!(m.contains("twice"), "{m}");
    assert_eq!((l, c), (3, 6));
    let (m, _, _) = err("venn-beta\n set A:0\n");
    assert!(m.contains("more than 0"), "{m}");
}

#[test]
fn overlap_matches_union_size() {
    let r = (10.0 / std::f64::consts::PI).sqrt();
    let d = layout::distance_for(r, r, 2.5);
    assert!((layout::overlap(r, r, d) - 2.5).abs() < 1e-6);
    // Mermaid's two default sets: a quarter of a circle overlaps.
    let g = geom("venn-beta\n set A\n set B\n union A,B\n");
    let (a, b) = (&g.circles[0], &g.circles[1]);
    let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
    let ratio = layout::overlap(a.r, b.r, d) / (std::f64::consts::PI * a.r * a.r);
    assert!((ratio - 0.25).abs() < 1e-3, "{ratio}");
    assert!((a.r - 210.0).abs() < 1.0, "{}", a.r);
}

fn boxes(ts: &[Text]) -> Vec<(f64, f64, f64, f64)> {
    ts.iter()
        .map(|t| {
            (
                t.x - t.tb.width / 2.0,
                t.y - t.tb.height / 2.0,
                t.x + t.tb.width / 2.0,
                t.y + t.tb.height / 2.0,
            )
        })
        .collect()
}

fn generated(n_sets: usize, texts: usize, sized: bool) -> String {
    let names = ["Frontend", "Backend", "DevOps", "Data", "Security"];
    let mut s = String::from("venn-beta\n  title Generated\n");
    for (i, name) in names.iter().take(n_sets).enumerate() {
        if sized {
            s.push_str(&format!("  set {name}:{}\n", 10 + 5 * i));
        } else {
            s.push_str(&format!("  set {name}\n"));
        }
        for t in 0..texts {
            s.push_str(&format!("    text \"Item {i}.{t}\"\n"));
        }
    }
    for i in 0..n_sets {
        for j in (i + 1)..n_sets {
            s.push_str(&format!("  union {},{}[\"U{i}{j}\"]\n", names[i], names[j]));
        }
    }
    s
}

#[test]
fn no_text_overlaps_and_everything_fits() {
    for n in 1..=3 {
        for texts in 0..=2 {
            for sized in [false, true] {
                let src = generated(n, texts, sized);
                let g = geom(&src);
                let mut all = g.texts.clone();
                all.extend(g.title.clone());
                let b = boxes(&all);
                for (i, x) in b.iter().enumerate() {
                    assert!(
                        x.0 >= -0.5 && x.1 >= -0.5 && x.2 <= g.width + 0.5 && x.3 <= g.height + 0.5,
                        "{src}: text {i} outside the canvas"
                    );
                    for y in b.iter().skip(i + 1) {
                        let apart = x.2 <= y.0 || y.2 <= x.0 || x.3 <= y.1 || y.3 <= x.1;
                        assert!(apart, "{src}: texts overlap {x:?} {y:?}");
                    }
                }
                for c in &g.circles {
                    assert!(c.x - c.r >= -0.5 && c.x + c.r <= g.width + 0.5);
                    assert!(c.y - c.r >= -0.5 && c.y + c.r <= g.height + 0.5);
                }
            }
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "venn-beta\n title T\n set A\n  text A1[\"x & <y>\"]\n set B\n set C\n union A,B[\"AB\"]\n union A,B,C\n style A,B fill:#ffe66d\n style A1 color:red\n accTitle: t\n";
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    for theme in crate::theme::THEMES {
        let d = run_theme(src, Some(theme)).unwrap();
        assert!(usvg::Tree::from_str(&d.svg, &opt).is_ok(), "{theme}");
        assert!(d.svg.contains("x &amp; &lt;y&gt;"));
        assert_eq!(d.svg, run_theme(src, Some(theme)).unwrap().svg);
    }
    // Empty and odd inputs never panic.
    for s in [
        "venn-beta",
        "venn-beta\n",
        "venn\n set A\n",
        "venn-beta\n set A:0.0001\n set B:1000\n union A,B:999\n",
    ] {
        let _ = run_theme(s, None);
    }
}
