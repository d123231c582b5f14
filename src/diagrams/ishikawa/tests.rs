use super::layout::Geometry;
use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn p(src: &str) -> model::Ishikawa {
    parse::parse(&read_preamble(src).unwrap()).unwrap()
}

fn tree(c: &model::Cause) -> String {
    if c.children.is_empty() {
        c.label.clone()
    } else {
        let inner: Vec<String> = c.children.iter().map(tree).collect();
        format!("{}({})", c.label, inner.join(","))
    }
}

fn summary(src: &str) -> String {
    let i = p(src);
    let cats: Vec<String> = i.categories.iter().map(tree).collect();
    format!("{}: {}", i.problem, cats.join(" | "))
}

#[test]
fn problem_then_categories_by_indentation() {
    assert_eq!(
        summary("ishikawa-beta\n    Blurry Photo\n        Process\n            Out of focus\n        User\n            Shaky hands\n"),
        "Blurry Photo: Process(Out of focus) | User(Shaky hands)"
    );
    // Categories at the problem's indentation, or less.
    assert_eq!(
        summary("ishikawa-beta\n    P\n    A\n        a1\n            a11\n    B\n"),
        "P: A(a1(a11)) | B"
    );
    assert_eq!(
        summary("ishikawa-beta\n    P\nA\n  a1\n  a2\nB\n  b1\nC\n"),
        "P: A(a1,a2) | B(b1) | C"
    );
    assert_eq!(summary("ishikawa\n  Only\n"), "Only: ");
    let i = p("ishikawa-beta\n%% c\naccTitle: T\n  \"Quoted\" %% x\n  A\n");
    assert_eq!(i.problem, "Quoted");
    assert_eq!(i.acc_title.as_deref(), Some("T"));
    assert_eq!(i.count(), 1);
}

#[test]
fn errors_are_located() {
    let e = parse::parse(&read_preamble("ishikawa-beta\n\n").unwrap()).unwrap_err();
    assert!(e.message.contains("expected the problem"), "{}", e.message);
    assert_eq!((e.span.line, e.span.col), (1, 1));
    let mut deep = String::from("ishikawa-beta\nP\n");
    for k in 0..70 {
        deep.push_str(&format!("{}c{k}\n", " ".repeat(k + 1)));
    }
    let e = parse::parse(&read_preamble(&deep).unwrap()).unwrap_err();
    assert!(e.message.contains("levels deep"), "{}", e.message);
    assert_eq!(e.span.line, 2 + 65);
}

type Rect = (f64, f64, f64, f64);

fn rects(g: &Geometry) -> Vec<(Rect, &'static str)> {
    let mut v = Vec::new();
    let lb = |l: &layout::Label| {
        (
            l.x - l.tb.width / 2.0,
            l.y - l.tb.height / 2.0,
            l.x + l.tb.width / 2.0,
            l.y + l.tb.height / 2.0,
        )
    };
    for l in &g.labels {
        v.push((lb(l), "cause"));
    }
    for b in &g.boxes {
        v.push(((b.x, b.y, b.x + b.w, b.y + b.h), "box"));
    }
    v.push((lb(&g.head_label), "head"));
    v
}

fn seg_hits(s: &layout::Seg, r: Rect) -> bool {
    // Sample the segment (shrunk box so touching ends do not count).
    let r = (r.0 + 0.5, r.1 + 0.5, r.2 - 0.5, r.3 - 0.5);
    (0..=200).any(|k| {
        let t = k as f64 / 200.0;
        let x = s.x1 + (s.x2 - s.x1) * t;
        let y = s.y1 + (s.y2 - s.y1) * t;
        x > r.0 && x < r.2 && y > r.1 && y < r.3
    })
}

fn generated(cats: usize, kids: usize, grandkids: usize) -> String {
    let mut s = String::from("ishikawa-beta\n  Production line stopped\n");
    for c in 0..cats {
        s.push_str(&format!("  Category {c}\n"));
        for k in 0..kids {
            s.push_str(&format!("    Cause {c}.{k} with words\n"));
            for g in 0..grandkids {
                s.push_str(&format!("      Sub {c}.{k}.{g}\n"));
            }
        }
    }
    s
}

#[test]
fn no_text_overlaps_a_text_box_or_line() {
    for cats in [0, 1, 2, 3, 5] {
        for kids in [0, 1, 3] {
            for grandkids in [0, 2] {
                let src = generated(cats, kids, grandkids);
                let g = layout::layout(&p(&src));
                let rs = rects(&g);
                for (i, (a, ka)) in rs.iter().enumerate() {
                    assert!(
                        a.0 >= 0.0 && a.1 >= 0.0 && a.2 <= g.width && a.3 <= g.height,
                        "{src}: {ka} outside"
                    );
                    for (b, kb) in rs.iter().skip(i + 1) {
                        if *ka == "box" && *kb == "box" {
                            // Boxes hold texts; they must not overlap either.
                        }
                        let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                        assert!(apart, "{src}: {ka} {a:?} overlaps {kb} {b:?}");
                    }
                    if *ka == "cause" {
                        for s in &g.segs {
                            assert!(!seg_hits(s, *a), "{src}: a line crosses {a:?}: {s:?}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = generated(3, 2, 1).replace("Production", "A & <B>");
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    for theme in crate::theme::THEMES {
        let config = Config::resolve(&Value::object(), Some(theme), &Value::object());
        let cx = Context::new(&config, "m").with_background(Some("white"));
        let pre = read_preamble(&src).unwrap();
        let d = render(&pre, &cx).unwrap();
        assert!(usvg::Tree::from_str(&d.svg, &opt).is_ok(), "{theme}");
        assert!(d.svg.contains("A &amp; &lt;B&gt;"));
        assert_eq!(d.svg, render(&pre, &cx).unwrap().svg);
    }
}
