//! ER tests: parser cases, located errors, layout invariants, SVG
//! well-formedness and determinism.

use super::model::{Cardinality, Diagram};
use super::*;
use crate::config::Config;
use crate::syntax::read_preamble;

fn parse_src(src: &str) -> Result<Diagram, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn ok(src: &str) -> Diagram {
    match parse_src(src) {
        Ok(d) => d,
        Err(e) => panic!("{src:?}: {e:?}"),
    }
}

/// `A card_a line card_b B "label"` per relationship.
fn rels(d: &Diagram) -> Vec<String> {
    d.relationships
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {} {:?}",
                d.entities[r.a].id,
                r.card_a.name(),
                if r.identifying { "--" } else { ".." },
                r.card_b.name(),
                d.entities[r.b].id,
                r.label
            )
        })
        .collect()
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

#[test]
fn symbol_relationships() {
    let d = ok("erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  ORDER ||--|{ LINE-ITEM : contains\n  CUSTOMER }|..|{ DELIVERY-ADDRESS : uses\n");
    assert_eq!(
        rels(&d),
        [
            "CUSTOMER onlyOne -- zeroOrMore ORDER \"places\"",
            "ORDER onlyOne -- oneOrMore LINE-ITEM \"contains\"",
            "CUSTOMER oneOrMore .. oneOrMore DELIVERY-ADDRESS \"uses\"",
        ]
    );
    assert_eq!(d.entities.len(), 4);
}

#[test]
fn every_symbol_at_both_ends() {
    for (sym, card) in [
        ("|o", Cardinality::ZeroOrOne),
        ("o|", Cardinality::ZeroOrOne),
        ("||", Cardinality::OnlyOne),
        ("}o", Cardinality::ZeroOrMore),
        ("o{", Cardinality::ZeroOrMore),
        ("}|", Cardinality::OneOrMore),
        ("|{", Cardinality::OneOrMore),
    ] {
        let d = ok(&format!("erDiagram\nA {sym}--{sym} B : x"));
        assert_eq!(d.relationships[0].card_a, card, "{sym}");
        assert_eq!(d.relationships[0].card_b, card, "{sym}");
    }
}

#[test]
fn word_cardinalities_and_lines() {
    let d = ok("erDiagram\n  T1 one or zero to one or more T2 : a\n  T2 one or many optionally to zero or one T3 : b\n  T3 zero or more to zero or many T4 : c\n  T4 many(0) to many(1) T5 : d\n  T5 many optionally to one T6 : e\n  T6 only one optionally to only one T1 : f\n  T4 0+ to 1+ T6 : g\n  T1 1 to 1 T3 : h\n");
    assert_eq!(
        rels(&d),
        [
            "T1 zeroOrOne -- oneOrMore T2 \"a\"",
            "T2 oneOrMore .. zeroOrOne T3 \"b\"",
            "T3 zeroOrMore -- zeroOrMore T4 \"c\"",
            "T4 zeroOrMore -- oneOrMore T5 \"d\"",
            "T5 zeroOrMore .. onlyOne T6 \"e\"",
            "T6 onlyOne .. onlyOne T1 \"f\"",
            "T4 zeroOrMore -- oneOrMore T6 \"g\"",
            "T1 onlyOne -- onlyOne T3 \"h\"",
        ]
    );
}

#[test]
fn one_digit_cardinality_with_every_line() {
    let d = ok("erDiagram\n A 1--1 B : \"s\"\n C 1..1 D : \"d\"\n E 1.-1 F : x\n G 1-.1 H : y\n USER 1--o{ X : z");
    assert_eq!(
        rels(&d),
        [
            "A onlyOne -- onlyOne B \"s\"",
            "C onlyOne .. onlyOne D \"d\"",
            "E onlyOne .. onlyOne F \"x\"",
            "G onlyOne .. onlyOne H \"y\"",
            "USER onlyOne -- zeroOrMore X \"z\"",
        ]
    );
}

#[test]
fn numeric_names_and_u_parent() {
    let d = ok("erDiagram\n 1 ||--|| ORDER : places\n 2 ||--o{ 3.5 : r\n CUSTOMER ||--|| u : has\n PROJECT u--o{ TEAM_MEMBER : \"parent\"\n 1.5\n");
    assert_eq!(
        rels(&d),
        [
            "1 onlyOne -- onlyOne ORDER \"places\"",
            "2 onlyOne -- zeroOrMore 3.5 \"r\"",
            "CUSTOMER onlyOne -- onlyOne u \"has\"",
            "PROJECT mdParent -- zeroOrMore TEAM_MEMBER \"parent\"",
        ]
    );
    assert!(d.entities.iter().any(|e| e.id == "1.5"));
}

#[test]
fn no_spaces_around_the_relationship() {
    let d = ok("erDiagram\nid1||--||id2 : label");
    assert_eq!(rels(&d), ["id1 onlyOne -- onlyOne id2 \"label\""]);
}

#[test]
fn labels_quoted_empty_and_with_breaks() {
    let d = ok(
        "erDiagram\nA ||--|| B : \"\"\nA ||--|| C : \"has<br />one\"\nA ||--|| D : \"liable for\"",
    );
    assert_eq!(d.relationships[0].label, "");
    assert_eq!(d.relationships[1].label, "has\none");
    assert_eq!(d.relationships[2].label, "liable for");
}

#[test]
fn attributes_with_keys_comments_and_generics() {
    let d = ok("erDiagram\n PERSON {\n  string driversLicense PK \"The license #\"\n  string(99) firstName \"Only<br>99\"\n  string phone UK\n  string a PK, FK\n  string b PK,FK\n  type~T~ generic\n  string[] parts\n  int *id\n }\n");
    let e = &d.entities[0];
    let row = |k: usize| {
        let a = &e.attributes[k];
        format!("{}|{}|{}|{}", a.ty, a.name, a.keys.join(","), a.comment)
    };
    assert_eq!(e.attributes.len(), 8);
    assert_eq!(row(0), "string|driversLicense|PK|The license #");
    assert_eq!(row(1), "string(99)|firstName||Only\n99");
    assert_eq!(row(2), "string|phone|UK|");
    assert_eq!(row(3), "string|a|PK,FK|");
    assert_eq!(row(4), "string|b|PK,FK|");
    assert_eq!(row(5), "type~T~|generic||");
    assert_eq!(row(6), "string[]|parts||");
    assert_eq!(row(7), "int|*id||");
    assert_eq!(layout::display_type("type~T~"), "type<T>");
    assert!(!layout::balanced("*id"));
    assert!(layout::balanced("last*Name*"));
    assert!(!layout::balanced("plain"));
    assert_eq!(layout::display_type("List~List~int~~"), "List<List<int>>");
}

#[test]
fn one_line_blocks_add_up() {
    let d = ok(
        "erDiagram\n BOOK { string title }\n AUTHOR }|..|{ BOOK : writes\n BOOK { float price }\n",
    );
    let book = d.entities.iter().find(|e| e.id == "BOOK").unwrap();
    assert_eq!(book.attributes.len(), 2);
    assert_eq!(d.entities.len(), 2);
}

#[test]
fn aliases_classes_and_styles() {
    let d = ok("erDiagram\n p[Person] {\n string name\n }\n a[\"Customer Account\"]:::foo\n p:::bar,baz ||--o| a : has\n classDef foo fill:#f96\n classDef default stroke:#0f0\n class p foo\n style a,p fill:#f9f,stroke:#333\n");
    assert_eq!(d.entities[0].label(), "Person");
    assert_eq!(d.entities[1].label(), "Customer Account");
    assert_eq!(d.entities[0].classes, ["bar", "baz", "foo"]);
    assert_eq!(d.entities[1].classes, ["foo"]);
    let s = d.entity_style(1);
    assert_eq!(s.fill.as_deref(), Some("#f9f"));
    assert_eq!(s.stroke.as_deref(), Some("#333"));
    let s0 = d.entity_style(0);
    assert_eq!(s0.fill.as_deref(), Some("#f9f"));
}

#[test]
fn direction_accessibility_comments_and_quoted_names() {
    let d = ok("erDiagram\n %% a comment\n direction LR\n accTitle: The title\n accDescr: The description\n \"This ❤ Unicode\"\n \"A B\" ||--|| C : x\n");
    assert_eq!(d.direction, crate::geometry::Direction::LR);
    assert_eq!(d.acc_title.as_deref(), Some("The title"));
    assert_eq!(d.acc_descr.as_deref(), Some("The description"));
    assert_eq!(d.entities[0].id, "This ❤ Unicode");
    assert_eq!(d.entities[1].id, "A B");
}

#[test]
fn located_errors() {
    let (l, c, m) = err("erDiagram\n  A ||..|{\n  B ||..|{\n");
    assert_eq!((l, c), (2, 5), "{m}");
    assert!(m.contains("second entity"), "{m}");
    let (l, c, m) = err("erDiagram\n  A ||--o{ B\n");
    assert_eq!((l, c), (2, 13), "{m}");
    assert!(m.contains("`:`"), "{m}");
    let (l, c, m) = err("erDiagram\n  A ||--> B : x\n");
    assert_eq!((l, c), (2, 9), "{m}");
    assert!(m.contains("cardinality"), "{m}");
    let (l, c, m) = err("erDiagram\n  A ==> B\n");
    assert_eq!((l, c), (2, 5), "{m}");
    assert!(m.contains("relationship"), "{m}");
    let (l, c, m) = err("erDiagram\n  A {\n   string name\n");
    assert_eq!((l, c), (2, 5), "{m}");
    assert!(m.contains("unclosed `{`"), "{m}");
    let (l, c, m) = err("erDiagram\n  A {\n   string\n  }\n");
    assert_eq!((l, c), (3, 4), "{m}");
    assert!(m.contains("no name"), "{m}");
    let (l, c, m) = err("erDiagram\n  direction XY\n");
    assert_eq!((l, c), (2, 13), "{m}");
    assert!(m.contains("direction"), "{m}");
    let (l, c, m) = err("erDiagram\n  A ||--|| B :\n");
    assert_eq!(l, 2, "{m}");
    assert!(c >= 14, "{c} {m}");
    assert!(m.contains("label"), "{m}");
    let (l, _, m) = err("erDiagram\n  A ||--|| B : \"x\" y\n");
    assert_eq!(l, 2, "{m}");
    let (l, c, m) = err("erDiagram\n  \"unclosed ||--|| B : x\n");
    assert_eq!((l, c), (2, 3), "{m}");
    let (l, c, m) = err("erDiagram\n  p[Person {\n");
    assert_eq!((l, c), (2, 4), "{m}");
}

#[test]
fn never_panics_on_odd_input() {
    for src in [
        "erDiagram\n\"",
        "erDiagram\n{",
        "erDiagram\nA {",
        "erDiagram\nA { \"",
        "erDiagram\nA { `x",
        "erDiagram\nA[",
        "erDiagram\nA:::",
        "erDiagram\nA ||",
        "erDiagram\nA || --",
        "erDiagram\nA ||--||",
        "erDiagram\nstyle",
        "erDiagram\nclass a",
        "erDiagram\nA { x~ y~ z }",
        "erDiagram\né ||--|| ü : ö",
        "erDiagram\n😀 { 😀 😀 PK \"😀\" }",
    ] {
        let _ = parse_src(src);
    }
}

fn render_src(src: &str, theme: &str) -> Drawing {
    let pre = read_preamble(src).unwrap();
    let mut cfg = Config::default();
    if theme != "default" {
        cfg = Config::from_value(crate::config::Value::Object(vec![(
            "theme".into(),
            crate::config::Value::String(theme.into()),
        )]));
    }
    let cx = Context::new(&cfg, "t")
        .with_background(Some("white"))
        .with_layout_json(true);
    render(&pre, &cx).unwrap()
}

/// A generated diagram: a chain and a fan of entities, some with tables.
fn generated(n: usize) -> String {
    let mut s = String::from("erDiagram\n");
    for i in 0..n {
        if i % 3 == 0 {
            s.push_str(&format!(
                "E{i} {{\n string name{i} PK \"comment {i}\"\n int n\n}}\n"
            ));
        }
        if i > 0 {
            let card = ["||", "|o", "}o", "}|"][i % 4];
            let line = if i % 2 == 0 { "--" } else { ".." };
            s.push_str(&format!("E{} {card}{line}o{{ E{i} : \"rel {i}\"\n", i / 2));
        }
    }
    s
}

fn overlaps(a: &crate::geometry::Rect, b: &crate::geometry::Rect) -> bool {
    a.left() < b.right() - 0.5
        && b.left() < a.right() - 0.5
        && a.top() < b.bottom() - 0.5
        && b.top() < a.bottom() - 0.5
}

#[test]
fn layout_invariants_on_generated_diagrams() {
    for n in [1, 2, 5, 9, 14] {
        let src = generated(n);
        let pre = read_preamble(&src).unwrap();
        let d = parse::parse(&pre).unwrap();
        let l = layout::layout(
            &d,
            &ErConfig::from_config(&Config::default()),
            16.0,
            Some("T"),
        );
        let mut boxes: Vec<crate::geometry::Rect> = l.entities.iter().map(|e| e.rect).collect();
        boxes.extend(l.labels.iter().flatten().map(|b| b.rect));
        for (i, a) in boxes.iter().enumerate() {
            assert!(a.left() >= 0.0 && a.top() >= 0.0, "{n}: box {i} outside");
            assert!(
                a.right() <= l.width && a.bottom() <= l.height,
                "{n}: box {i} outside"
            );
            for b in &boxes[i + 1..] {
                assert!(!overlaps(a, b), "{n}: {a:?} overlaps {b:?}");
            }
        }
        for p in &l.edges {
            for q in p.sample(8) {
                assert!(q.x >= 0.0 && q.y >= 0.0 && q.x <= l.width && q.y <= l.height);
            }
        }
        // Table texts stay inside their entity.
        for e in &l.entities {
            for row in &e.rows {
                assert!(row.top + row.height <= e.rect.height + 1e-6);
                for (k, t) in row.cells.iter().enumerate() {
                    let (x, w) = e.columns[k];
                    assert!(t.width <= w + 1e-6 && x + w <= e.rect.width + 1e-6);
                }
            }
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "---\ntitle: Orders\n---\nerDiagram\n accTitle: t\n CUSTOMER ||--o{ ORDER : places\n CUSTOMER { string name PK \"the <name>\" }\n ORDER }|..|{ ITEM : \"has<br>many\"\n ITEM u--o| X : p\n X ||--|| X : self\n style X fill:#f9f\n";
    for theme in ["default", "dark", "forest", "neutral", "base"] {
        let a = render_src(src, theme);
        let b = render_src(src, theme);
        assert_eq!(a, b, "{theme}: not deterministic");
        let opts = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        usvg::Tree::from_str(&a.svg, &opts).unwrap_or_else(|e| panic!("{theme}: {e}"));
        assert!(a.svg.contains("Orders"));
        assert!(a.svg.contains("the &lt;name&gt;"));
        assert!(a.svg.contains("t_er-zeroOrMoreEnd"));
        assert!(a.svg.contains("t_er-mdParentStart"));
        assert!(a.svg.contains("stroke-dasharray=\"8,8\""));
        assert_eq!(a.width, a.width.ceil());
        assert!(a
            .layout_json
            .as_deref()
            .is_some_and(|j| j.contains("CUSTOMER")));
    }
}
