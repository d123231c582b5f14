//! C4 tests: parser cases, located errors, layout invariants on generated
//! inputs, SVG well-formedness and determinism.

use super::layout::{layout, Boxed, Geometry};
use super::model::{BoundaryKind, ElementKind, C4};
use super::{parse, render_c4, C4Config};
use crate::config::Config;
use crate::diagrams::Context;
use crate::syntax::ParseError;

fn parse_src(src: &str) -> Result<C4, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn c4(src: &str) -> C4 {
    parse_src(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

fn geometry(d: &C4) -> Geometry {
    let cfg = Config::default();
    layout(d, &C4Config::from_config(&cfg, d))
}

fn svg_of(src: &str) -> String {
    let d = c4(src);
    let cfg = Config::default();
    let cx = Context::new(&cfg, "t").with_background(Some("white"));
    render_c4(&d, &cx).svg
}

#[test]
fn elements_positional_and_named_arguments() {
    let d = c4("C4Container\ntitle Containers\nPerson(u, \"User\", \"A user, of things\")\nContainer(api, \"API\", \"Java\", \"Serves\")\nContainerDb_Ext(db, \"DB\", $descr=\"Stores\", $techn=\"SQL\")\nSystemQueue(q, Queue)\n");
    assert_eq!(d.title.as_deref(), Some("Containers"));
    let e = &d.elements;
    assert_eq!(e.len(), 4);
    assert_eq!(
        (e[0].kind, e[0].descr.as_deref()),
        (ElementKind::Person, Some("A user, of things"))
    );
    assert_eq!(
        (e[1].techn.as_deref(), e[1].descr.as_deref()),
        (Some("Java"), Some("Serves"))
    );
    assert!(e[2].external);
    assert_eq!(
        (e[2].techn.as_deref(), e[2].descr.as_deref()),
        (Some("SQL"), Some("Stores"))
    );
    assert_eq!(
        (e[3].kind, e[3].label.as_str()),
        (ElementKind::SystemQueue, "Queue")
    );
}

#[test]
fn boundaries_nest_with_braces() {
    let d = c4("C4Context\nEnterprise_Boundary(b0, \"B0\") {\n  Person(a, \"A\")\n  System_Boundary(b1, \"B1\") {\n    System(s, \"S\")\n  }\n}\nBoundary(b2, \"B2\", \"custom\")\n{\n System(t, \"T\")\n}\nDeployment_Node(n, \"Node\", \"Ubuntu\"){\n}\n");
    let b = &d.boundaries;
    assert_eq!(b.len(), 5);
    assert_eq!(b[0].boundaries, [1, 3, 4]);
    assert_eq!(
        (b[1].kind, b[1].type_text.as_deref()),
        (BoundaryKind::Enterprise, Some("ENTERPRISE"))
    );
    assert_eq!(b[1].elements, [0]);
    assert_eq!(b[2].elements, [1]);
    assert_eq!(b[3].type_text.as_deref(), Some("custom"));
    assert_eq!(b[3].elements, [2]);
    assert_eq!(
        (b[4].kind, b[4].type_text.as_deref()),
        (BoundaryKind::Node, Some("Ubuntu"))
    );
}

#[test]
fn relations_styles_and_layout_config() {
    let d = c4("C4Context\nPerson(a, \"A\")\nSystem(b, \"B\")\nRel(a, b, \"Uses\", \"HTTPS\")\nBiRel(a, b, \"Talks\")\nRel_Back(a, b, \"Back\")\nRelIndex(1, a, b, \"Indexed\")\nUpdateRelStyle(a, b, $textColor=\"blue\", $offsetX=\"5\")\nUpdateElementStyle(a, $bgColor=\"grey\")\nUpdateLayoutConfig($c4ShapeInRow=\"3\", $c4BoundaryInRow=\"1\")\n");
    let r = &d.rels;
    assert_eq!(r.len(), 4);
    assert_eq!(
        (r[0].label.as_str(), r[0].techn.as_deref()),
        ("Uses", Some("HTTPS"))
    );
    assert!(r[1].both);
    assert_eq!((r[2].from.as_str(), r[2].to.as_str()), ("b", "a"));
    assert_eq!(r[3].label, "Indexed");
    assert_eq!(
        (r[0].text_color.as_deref(), r[0].offset_x),
        (Some("blue"), 5.0)
    );
    assert_eq!(d.elements[0].style.bg.as_deref(), Some("grey"));
    assert_eq!((d.shape_in_row, d.boundary_in_row), (Some(3), Some(1)));
}

#[test]
fn links_are_http_only_and_sprites_are_kept() {
    let d = c4("C4Context\nPerson(a, \"A\", $link=\"javascript:alert(1)\", $sprite=\"users\")\nSystem(b, \"B\", $link=\"https://example.com/x\")\n");
    assert_eq!(d.elements[0].link, None);
    assert_eq!(d.elements[0].sprite.as_deref(), Some("users"));
    assert_eq!(d.elements[1].link.as_deref(), Some("https://example.com/x"));
    let svg = svg_of("C4Context\nPerson(a, \"A\", $link=\"javascript:alert(1)\")\nSystem(b, \"B\", $link=\"https://example.com/x\")\n");
    assert!(!svg.contains("javascript"));
    assert!(svg.contains("href=\"https://example.com/x\""));
}

#[test]
fn errors_are_located() {
    let (l, c, m) = err("C4Context\n  Persn(a, \"A\")\n");
    assert_eq!((l, c), (2, 3), "{m}");
    assert!(m.contains("unknown C4 macro"), "{m}");
    let (l, c, m) = err("C4Context\n  Person(a, \"A\"\n");
    assert_eq!((l, c), (2, 9), "{m}");
    let (l, c, m) = err("C4Context\n Person(a)\n");
    assert_eq!((l, c), (2, 2), "{m}");
    let (l, c, m) = err("C4Context\n Boundary(b, \"B\") {\n");
    assert_eq!((l, c), (2, 2), "{m}");
    let (l, c, m) = err("C4Context\n }\n");
    assert_eq!((l, c), (2, 2), "{m}");
    let (l, c, m) = err("C4Context\n Person(a, \"A) \n");
    assert_eq!(l, 2, "{m} {c}");
    let (l, c, m) = err("C4Context\n hello\n");
    assert_eq!((l, c), (2, 2), "{m}");
}

fn overlap(a: &Boxed, b: &Boxed) -> bool {
    a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5
}

fn inside(a: &Boxed, b: &Boxed) -> bool {
    a.x >= b.x - 0.5
        && a.y >= b.y - 0.5
        && a.x + a.w <= b.x + b.w + 0.5
        && a.y + a.h <= b.y + b.h + 0.5
}

#[test]
fn generated_diagrams_have_no_overlaps() {
    let macros = [
        "Person",
        "Person_Ext",
        "System",
        "SystemDb",
        "SystemQueue_Ext",
        "Container",
        "ComponentDb",
        "ContainerQueue",
    ];
    let words = [
        "alpha",
        "a much longer description that wraps over lines",
        "x",
        "Internet Banking System",
        "db",
    ];
    let mut seed = 11u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _case in 0..30 {
        let mut src = String::from("C4Context\ntitle Generated\n");
        let mut depth = 0;
        let n = 2 + next() % 14;
        for k in 0..n {
            match next() % 7 {
                0 if depth < 3 => {
                    src.push_str(&format!(
                        "Boundary(b{k}, \"{}\", \"type\") {{\n",
                        words[next() % words.len()]
                    ));
                    depth += 1;
                }
                1 if depth > 0 => {
                    src.push_str("}\n");
                    depth -= 1;
                }
                _ => {
                    let m = macros[next() % macros.len()];
                    src.push_str(&format!(
                        "{m}(e{k}, \"{}\", \"{}\")\n",
                        words[next() % words.len()],
                        words[next() % words.len()]
                    ));
                }
            }
        }
        for _ in 0..depth {
            src.push_str("}\n");
        }
        let rel_macros = [
            "Rel", "BiRel", "Rel_U", "Rel_D", "Rel_L", "Rel_R", "Rel_Back",
        ];
        for r in 0..next() % 9 {
            let (a, b) = (next() % n, next() % n);
            src.push_str(&format!(
                "{}(e{a}, e{b}, \"{}\", \"{}\")\n",
                rel_macros[next() % rel_macros.len()],
                words[next() % words.len()],
                words[next() % words.len()]
            ));
            if r % 3 == 0 {
                src.push_str(&format!("UpdateRelStyle(e{a}, e{b}, $offsetY=\"-40\")\n"));
            }
        }
        let d = c4(&src);
        let g = geometry(&d);
        let canvas = Boxed {
            x: 0.0,
            y: 0.0,
            w: g.width,
            h: g.height,
        };
        let mut texts = Vec::new();
        for e in &g.elements {
            assert!(inside(&e.outer, &canvas), "{src}");
            for t in &e.texts {
                assert!(
                    inside(&t.rect(), &e.body),
                    "text {:?} leaves its element\n{src}",
                    t.text.lines
                );
                texts.push((t.rect(), e.index + 1000));
            }
            for f in &g.elements {
                if f.index != e.index {
                    assert!(!overlap(&e.outer, &f.outer), "elements overlap\n{src}");
                }
            }
        }
        for b in &g.boundaries {
            assert!(inside(&b.rect, &canvas), "{src}");
            for t in &b.texts {
                assert!(inside(&t.rect(), &b.rect), "{src}");
                texts.push((t.rect(), b.index));
                for e in &g.elements {
                    assert!(
                        !overlap(&t.rect(), &e.outer),
                        "boundary label over an element\n{src}"
                    );
                }
            }
        }
        for r in &g.rels {
            for t in &r.texts {
                let rect = t.rect();
                assert!(
                    inside(&rect, &canvas),
                    "relation label off the canvas\n{src}"
                );
                for e in &g.elements {
                    assert!(
                        !overlap(&rect, &e.outer),
                        "relation label {:?} over an element\n{src}",
                        t.text.lines
                    );
                }
                texts.push((rect, 5000 + r.index));
            }
        }
        for (i, (a, ia)) in texts.iter().enumerate() {
            for (b, ib) in texts.iter().skip(i + 1) {
                if ia != ib {
                    assert!(!overlap(a, b), "texts overlap\n{src}");
                }
            }
        }
        let svg = svg_of(&src);
        usvg::Tree::from_str(
            &svg,
            &usvg::Options {
                fontdb: crate::text::fontdb(),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}\n{svg}"));
    }
}

/// The element box of `alias`.
fn body_of(d: &C4, g: &Geometry, alias: &str) -> Boxed {
    g.elements
        .iter()
        .find(|e| d.elements[e.index].alias == alias)
        .map(|e| e.outer)
        .unwrap_or_else(|| panic!("{alias} not placed"))
}

#[test]
fn directed_relations_put_the_target_on_the_asked_side() {
    // Simple cases: a few elements in one boundary (or none), one directed
    // relation, in both declaration orders and with filler elements.
    let mut seed = 5u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for case in 0..60 {
        let dir = ["U", "D", "L", "R", "Up", "Down", "Left", "Right"][case % 8];
        let fillers = next() % 4;
        let mut decl = vec![
            "System(a, \"A\")".to_string(),
            "Container(b, \"B\", \"tech\", \"some words here\")".to_string(),
        ];
        if next() % 2 == 0 {
            decl.swap(0, 1);
        }
        for f in 0..fillers {
            decl.insert(next() % (decl.len() + 1), format!("System(f{f}, \"F{f}\")"));
        }
        let boxed = next() % 2 == 0;
        let mut src = String::from("C4Context\n");
        if boxed {
            src.push_str("System_Boundary(sb, \"Inside\") {\n");
        }
        for l in &decl {
            src.push_str(l);
            src.push('\n');
        }
        if boxed {
            src.push_str("}\n");
        }
        src.push_str(&format!("Rel_{dir}(a, b, \"goes\")\n"));
        let d = c4(&src);
        let g = geometry(&d);
        let (a, b) = (body_of(&d, &g, "a"), body_of(&d, &g, "b"));
        let ok = match &dir[..1] {
            "U" => b.y + b.h <= a.y,
            "D" => b.y >= a.y + a.h,
            "L" => b.x + b.w <= a.x,
            _ => b.x >= a.x + a.w,
        };
        assert!(ok, "Rel_{dir}: a {a:?}, b {b:?}\n{src}");
    }
}

#[test]
fn person_head_keeps_its_size_and_nodes_are_solid() {
    let d = c4("C4Deployment\nDeployment_Node(n, \"Node\", \"Ubuntu\") {\nPerson(p, \"Averyveryveryveryverylongname\")\n}\nBoundary(b, \"B\") {\nSystem(s, \"S\")\n}\n");
    let g = geometry(&d);
    let p = &g.elements[0];
    // The head is sized from the configured width, not a widened body.
    assert!(p.outer.w > 216.0);
    assert!(
        (p.body.y - p.outer.y - super::layout::HEAD_DROP - 216.0 * super::layout::HEAD).abs()
            < 1e-6
    );
    let svg = svg_of("C4Deployment\nDeployment_Node(n, \"Node\", \"Ubuntu\") {\nSystem(s, \"S\")\n}\nBoundary(b, \"B\") {\nSystem(t, \"T\")\n}\n");
    assert_eq!(svg.matches("stroke-dasharray").count(), 1, "{svg}");
}

#[test]
fn output_is_deterministic() {
    let src = "C4Context\nPerson(a, \"A\")\nSystem_Boundary(b, \"B\") {\nSystem(s, \"S\")\n}\nRel(a, s, \"Uses\")\n";
    assert_eq!(svg_of(src), svg_of(src));
    assert!(svg_of(src).contains("id=\"t-a\""));
}
