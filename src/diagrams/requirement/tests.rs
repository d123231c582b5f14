//! Requirement tests: parser cases, located errors, layout invariants,
//! SVG well-formedness and determinism.

use super::model::{Diagram, Kind, RelKind, ReqKind, Risk, Verify};
use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn parse_src(src: &str) -> Result<Diagram, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn ok(src: &str) -> Diagram {
    parse_src(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

fn rels(d: &Diagram) -> Vec<String> {
    d.relationships
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                d.nodes[r.src].name,
                r.kind.name(),
                d.nodes[r.dst].name
            )
        })
        .collect()
}

const BASIC: &str = "requirementDiagram\n\n    requirement test_req {\n    id: 1\n    text: the test text.\n    risk: high\n    verifymethod: test\n    }\n\n    element test_entity {\n    type: simulation\n    }\n\n    test_entity - satisfies -> test_req\n";

#[test]
fn basic_requirement_element_and_relationship() {
    let d = ok(BASIC);
    assert_eq!(d.nodes.len(), 2);
    let r = &d.nodes[0];
    assert_eq!(r.kind, Kind::Requirement(ReqKind::Requirement));
    assert_eq!(r.id.as_deref(), Some("1"));
    assert_eq!(r.text.as_deref(), Some("the test text."));
    assert_eq!(r.risk, Some(Risk::High));
    assert_eq!(r.verify, Some(Verify::Test));
    assert_eq!(
        r.body(),
        [
            "ID: 1",
            "Text: the test text.",
            "Risk: High",
            "Verification: Test"
        ]
    );
    assert_eq!(r.stereotype(), "<<Requirement>>");
    let e = &d.nodes[1];
    assert_eq!(e.kind, Kind::Element);
    assert_eq!(e.body(), ["Type: simulation"]);
    assert_eq!(rels(&d), ["test_entity satisfies test_req"]);
}

#[test]
fn every_kind_and_value_any_case() {
    let mut src = String::from("requirementDiagram\n");
    let kinds = [
        ("requirement", "Requirement"),
        ("functionalRequirement", "Functional Requirement"),
        ("interfaceRequirement", "Interface Requirement"),
        ("performanceRequirement", "Performance Requirement"),
        ("physicalRequirement", "Physical Requirement"),
        ("designConstraint", "Design Constraint"),
    ];
    let risks = ["low", "Medium", "HIGH", "low", "medium", "high"];
    let methods = [
        "analysis",
        "Inspection",
        "TEST",
        "demonstration",
        "test",
        "analysis",
    ];
    for (i, (kw, _)) in kinds.iter().enumerate() {
        src.push_str(&format!(
            "{kw} r{i} {{\n id: {i}\n risk: {}\n VerifyMethod: {}\n}}\n",
            risks[i], methods[i]
        ));
    }
    let d = ok(&src);
    for (i, (_, title)) in kinds.iter().enumerate() {
        assert_eq!(d.nodes[i].stereotype(), format!("<<{title}>>"));
    }
    assert_eq!(d.nodes[1].risk, Some(Risk::Medium));
    assert_eq!(d.nodes[2].risk, Some(Risk::High));
    assert_eq!(d.nodes[1].verify, Some(Verify::Inspection));
    assert_eq!(d.nodes[3].verify, Some(Verify::Demonstration));
}

#[test]
fn every_relationship_in_both_directions() {
    let mut src = String::from("requirementDiagram\nelement a {\n}\nelement b {\n}\n");
    for (w, _) in RelKind::ALL {
        src.push_str(&format!("a - {w} -> b\nb <- {w} - a\n"));
    }
    let d = ok(&src);
    assert_eq!(d.relationships.len(), 14);
    for (k, (w, kind)) in RelKind::ALL.iter().enumerate() {
        for r in &d.relationships[2 * k..2 * k + 2] {
            assert_eq!((r.src, r.dst, r.kind), (0, 1, *kind), "{w}");
        }
    }
}

#[test]
fn quoted_names_values_and_docref() {
    let d = ok("requirementDiagram\nrequirement \"system req\" {\n text: \"*italic* **bold**\"\n}\nelement \"test harness\" {\n type: \"test suite\"\n docRef: docs/x.md\n}\n\"test harness\" - verifies -> \"system req\"\n");
    assert_eq!(d.nodes[0].name, "system req");
    assert_eq!(d.nodes[0].text.as_deref(), Some("*italic* **bold**"));
    assert_eq!(
        d.nodes[1].body(),
        ["Type: test suite", "Doc Ref: docs/x.md"]
    );
    assert_eq!(rels(&d), ["test harness verifies system req"]);
}

#[test]
fn empty_bodies_styles_classes_and_direction() {
    let d = ok("requirementDiagram\ndirection LR\naccTitle: T\naccDescr: D\nrequirement r:::blue {\n}\nelement e {\n}\nstyle r fill:#f9f,stroke:blue\nclassDef blue stroke:lightblue,color:#0000FF\nclassDef bold font-weight:bold\nclass e blue,bold\ne:::x\n%% comment\n");
    assert_eq!(d.direction, crate::geometry::Direction::LR);
    assert_eq!(d.acc_title.as_deref(), Some("T"));
    assert_eq!(d.acc_descr.as_deref(), Some("D"));
    assert!(d.nodes[0].body().is_empty());
    assert_eq!(d.nodes[0].classes, ["blue"]);
    assert_eq!(d.nodes[1].classes, ["blue", "bold", "x"]);
    let s = d.node_style(0);
    assert_eq!(s.fill.as_deref(), Some("#f9f"));
    assert_eq!(s.stroke.as_deref(), Some("blue"));
    assert_eq!(d.node_style(1).font_weight.as_deref(), Some("bold"));
}

#[test]
fn relationships_to_later_or_unknown_boxes() {
    let d = ok("requirementDiagram\na - traces -> b\nelement a {\n}\nelement b {\n}\nb - traces -> nowhere\n");
    assert_eq!(rels(&d), ["a traces b"]);
}

#[test]
fn located_errors() {
    let (l, c, m) = err("requirementDiagram\nrequirement r {\n risk: extreme\n}\n");
    assert_eq!((l, c), (3, 8), "{m}");
    assert!(m.contains("Low, Medium or High"), "{m}");
    let (l, c, m) = err("requirementDiagram\nrequirement r {\n verifymethod: guess\n}\n");
    assert_eq!((l, c), (3, 16), "{m}");
    assert!(m.contains("Analysis"), "{m}");
    let (l, c, m) = err("requirementDiagram\nrequirement r {\n colour: red\n}\n");
    assert_eq!((l, c), (3, 2), "{m}");
    assert!(m.contains("unknown requirement field"), "{m}");
    let (l, c, m) = err("requirementDiagram\nelement e {\n id: 1\n}\n");
    assert_eq!((l, c), (3, 2), "{m}");
    assert!(m.contains("type or docref"), "{m}");
    let (l, c, m) = err("requirementDiagram\nrequirement r {\n id: 1\n");
    assert_eq!((l, c), (2, 15), "{m}");
    assert!(m.contains("unclosed"), "{m}");
    let (l, c, m) = err("requirementDiagram\na - likes -> b\n");
    assert_eq!((l, c), (2, 5), "{m}");
    assert!(m.contains("unknown relationship"), "{m}");
    let (l, c, m) = err("requirementDiagram\na - satisfies => b\n");
    assert_eq!((l, c), (2, 15), "{m}");
    assert!(m.contains("`->`"), "{m}");
    let (l, c, m) = err("requirementDiagram\nrequirement r\n");
    assert_eq!((l, c), (2, 14), "{m}");
    assert!(m.contains("`{`"), "{m}");
    let (l, c, m) = err("requirementDiagram\ndirection UP\n");
    assert_eq!((l, c), (2, 11), "{m}");
    let (l, _, m) = err("requirementDiagram\nrequirement \"open {\n}\n");
    assert_eq!(l, 2, "{m}");
    let (l, c, m) = err("requirementDiagram\njust words\n");
    assert_eq!((l, c), (2, 11), "{m}");
    assert!(m.contains("relationship"), "{m}");
}

#[test]
fn strong_names_stay_bold() {
    assert_eq!(layout::bold_name("__test_req__"), "test_req");
    assert_eq!(layout::bold_name("**a b**"), "a b");
    assert_eq!(layout::bold_name("a__b"), "a__b");
    assert_eq!(layout::bold_name("****"), "****");
}

#[test]
fn never_panics_on_odd_input() {
    for src in [
        "requirementDiagram\n{",
        "requirementDiagram\n}",
        "requirementDiagram\n\"",
        "requirementDiagram\nrequirement",
        "requirementDiagram\nrequirement {",
        "requirementDiagram\nelement e {\n type: \"",
        "requirementDiagram\na -",
        "requirementDiagram\na <-",
        "requirementDiagram\na <- copies",
        "requirementDiagram\na - copies ->",
        "requirementDiagram\nclass",
        "requirementDiagram\nstyle",
        "requirementDiagram\né:::",
        "requirementDiagram\nrequirement 😀 {\n text: 😀\n}",
    ] {
        let _ = parse_src(src);
    }
}

fn render_src(src: &str, theme: &str) -> Drawing {
    let pre = read_preamble(src).unwrap();
    let cfg = Config::from_value(Value::Object(vec![(
        "theme".into(),
        Value::String(theme.into()),
    )]));
    let cx = Context::new(&cfg, "t").with_layout_json(true);
    render(&pre, &cx).unwrap()
}

fn generated(n: usize) -> String {
    let mut s = String::from("requirementDiagram\n");
    for i in 0..n {
        if i % 2 == 0 {
            s.push_str(&format!(
                "requirement r{i} {{\n id: {i}\n text: requirement number {i}\n risk: low\n verifymethod: test\n}}\n"
            ));
        } else {
            s.push_str(&format!("element r{i} {{\n type: t{i}\n}}\n"));
        }
        if i > 0 {
            let (w, _) = RelKind::ALL[i % 7];
            s.push_str(&format!("r{} - {w} -> r{i}\n", i / 2));
        }
    }
    s
}

#[test]
fn layout_invariants_on_generated_diagrams() {
    for n in [1, 2, 5, 9, 13] {
        let src = generated(n);
        let d = ok(&src);
        let l = layout::layout(&d, &LayoutOptions::default(), 16.0, Some("Title"));
        let mut boxes: Vec<crate::geometry::Rect> = l.nodes.iter().map(|b| b.rect).collect();
        boxes.extend(l.labels.iter().flatten().map(|b| b.rect));
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.left() >= 0.0 && a.top() >= 0.0 && a.right() <= l.width && a.bottom() <= l.height
            );
            for b in &boxes[i + 1..] {
                let apart = a.right() <= b.left() + 0.5
                    || b.right() <= a.left() + 0.5
                    || a.bottom() <= b.top() + 0.5
                    || b.bottom() <= a.top() + 0.5;
                assert!(apart, "{n}: {a:?} overlaps {b:?}");
            }
        }
        for b in &l.nodes {
            let inner = b.rect.width - 2.0 * layout::PAD_X;
            assert!(b.body.iter().all(|t| t.width <= inner + 1e-6));
            let used = b.divider()
                + layout::BODY_GAP
                + b.body.iter().map(|t| t.height).sum::<f64>()
                + layout::PAD_BOTTOM;
            assert!(b.body.is_empty() || (used - b.rect.height).abs() < 1e-6);
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "---\ntitle: Reqs\n---\nrequirementDiagram\nrequirement a {\n text: \"x < y & **z**\"\n}\nelement b {\n}\nb - satisfies -> a\na - contains -> b\nstyle a fill:#ffa,color:green\n";
    for theme in ["default", "dark", "forest", "neutral", "base"] {
        let a = render_src(src, theme);
        assert_eq!(a, render_src(src, theme), "{theme}");
        let opts = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        usvg::Tree::from_str(&a.svg, &opts).unwrap_or_else(|e| panic!("{theme}: {e}"));
        assert!(a.svg.contains("&lt;&lt;satisfies&gt;&gt;"));
        assert!(a.svg.contains("&lt;&lt;Requirement&gt;&gt;"));
        assert!(a.svg.contains("t_requirement-containsStart"));
        assert!(a.svg.contains("Reqs"));
        assert!(a.layout_json.is_some());
    }
}
