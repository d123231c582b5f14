//! Class diagram tests: parser cases (input → model summary), members,
//! located errors, layout invariants on generated diagrams, SVG
//! well-formedness and determinism.

use super::model::{ClassKind, Classifier, Diagram, End};
use super::*;
use crate::config::{Config, Value};
use crate::diagrams::Context;
use crate::syntax::read_preamble;

fn parse(src: &str) -> Diagram {
    let pre = read_preamble(src).expect("preamble");
    parse::parse(&pre, true).unwrap_or_else(|e| panic!("{src}\n→ {}", e.message))
}

fn error(src: &str) -> (String, usize, usize) {
    let pre = read_preamble(src).expect("preamble");
    let e = parse::parse(&pre, true).expect_err("should fail");
    (e.message, e.span.line, e.span.col)
}

fn class<'a>(d: &'a Diagram, id: &str) -> &'a model::Class {
    &d.classes[d.find(id).unwrap_or_else(|| panic!("no class {id}"))]
}

fn texts(ms: &[model::Member]) -> Vec<&str> {
    ms.iter().map(|m| m.text.as_str()).collect()
}

fn render_src(src: &str, theme: Option<&str>) -> Drawing {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), theme, &pre.config);
    let cx = Context::new(&config, "c")
        .with_background(Some("white"))
        .with_layout_json(true);
    render(&pre, &cx).expect("render")
}

#[test]
fn every_relation_kind() {
    let d = parse(
        "classDiagram\nA <|-- B\nC *-- D\nE o-- F\nG <-- H\nI -- J\nK ..> L\nM ..|> N\nO .. P\nQ <|--|> R\nS --() T\nU --* V\nW --o X",
    );
    let got: Vec<(End, End, bool)> = d
        .relations
        .iter()
        .map(|r| (r.from_end, r.to_end, r.dashed))
        .collect();
    use End::*;
    assert_eq!(
        got,
        [
            (Inheritance, None, false),
            (Composition, None, false),
            (Aggregation, None, false),
            (Arrow, None, false),
            (None, None, false),
            (None, Arrow, true),
            (None, Inheritance, true),
            (None, None, true),
            (Inheritance, Inheritance, false),
            (None, Lollipop, false),
            (None, Composition, false),
            (None, Aggregation, false),
        ]
    );
    let t = d.relations[9].to;
    assert_eq!(d.classes[t].kind, ClassKind::Interface);
}

#[test]
fn cardinalities_and_labels() {
    let d = parse(
        "classDiagram\nCustomer \"1\" --> \"*\" Ticket : buys\nGalaxy --> \"many\" Star : Contains",
    );
    let r = &d.relations[0];
    assert_eq!(r.from_card.as_deref(), Some("1"));
    assert_eq!(r.to_card.as_deref(), Some("*"));
    assert_eq!(r.label.as_deref(), Some("buys"));
    assert_eq!(d.relations[1].to_card.as_deref(), Some("many"));
    assert_eq!(d.relations[1].from_card, None);
}

#[test]
fn members_show_as_mermaid_does() {
    let d = parse("classDiagram\nclass Square~Shape~{\n  int id\n  List~int~ position\n  +getMessages() List~string~\n  +getDistanceMatrix() List~List~int~~\n  someMethod()$\n  abstract()*\n  +String bar$\n  <<interface>>\n}\nSquare : +deposit(amount) bool");
    let c = class(&d, "Square");
    assert_eq!(c.title(), "Square<Shape>");
    assert_eq!(c.annotations, ["interface"]);
    assert_eq!(
        texts(&c.attributes),
        ["int id", "List<int> position", "+String bar"]
    );
    assert_eq!(c.attributes[2].classifier, Classifier::Static);
    assert_eq!(
        texts(&c.methods),
        [
            "+getMessages() : List<string>",
            "+getDistanceMatrix() : List<List<int>>",
            "someMethod()",
            "abstract()",
            "+deposit(amount) : bool"
        ]
    );
    assert_eq!(c.methods[2].classifier, Classifier::Static);
    assert_eq!(c.methods[3].classifier, Classifier::Abstract);
}

#[test]
fn labels_backticks_annotations_and_bodies() {
    let d = parse("classDiagram\nclass A[\"Animal with a label\"]\nclass `IPC::Sender`\n<<interface>> Shape\nclass Color <<enumeration>>\nclass test { }\nclass FooBase~T~ {}\nclass B[\"two\nlines\"] {\n +x\n}");
    assert_eq!(class(&d, "A").title(), "Animal with a label");
    assert!(d.find("IPC::Sender").is_some());
    assert_eq!(class(&d, "Shape").annotations, ["interface"]);
    assert_eq!(class(&d, "Color").annotations, ["enumeration"]);
    assert!(class(&d, "test").attributes.is_empty());
    assert_eq!(class(&d, "FooBase").title(), "FooBase<T>");
    assert_eq!(class(&d, "B").title(), "two\nlines");
    assert_eq!(texts(&class(&d, "B").attributes), ["+x"]);
}

#[test]
fn namespaces_nest_by_braces_and_dots() {
    let d = parse("classDiagram\nnamespace Company.Engineering {\n class Dev\n}\nnamespace Outer[\"The outer\"] {\n namespace Inner {\n  class X\n }\n}\nnote \"floating\"");
    let ids: Vec<&str> = d.namespaces.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        ["Company", "Company.Engineering", "Outer", "Outer.Inner"]
    );
    assert_eq!(d.namespaces[1].parent, Some(0));
    assert_eq!(d.namespaces[1].title, "Engineering");
    assert_eq!(d.namespaces[2].title, "The outer");
    assert_eq!(class(&d, "Dev").namespace, Some(1));
    assert_eq!(class(&d, "X").namespace, Some(3));
    assert_eq!(d.notes[0].namespace, None);
    let pre = read_preamble("classDiagram\nnamespace A.B {\n class C\n}").unwrap();
    let flat = parse::parse(&pre, false).unwrap();
    assert_eq!(flat.namespaces.len(), 1);
    assert_eq!(flat.namespaces[0].title, "A.B");
}

#[test]
fn notes_styles_links_and_comments() {
    let d = parse("classDiagram\n%% comment\nnote for Duck \"can fly<br>can swim\"\nnote \"two\\nlines\"\nclassDef pink fill:#f9f\nclass Animal:::pink\ncssClass \"A1,A2\" pink\nstyle Animal stroke:#333\nlink Animal \"https://example.com\" \"tip\"\nclick A1 call cb() \"t\"\ncallback A2 \"fn\" \"t2\"\ndirection RL");
    assert_eq!(d.notes[0].text, "can fly\ncan swim");
    assert_eq!(d.notes[1].text, "two\nlines");
    assert_eq!(class(&d, "Animal").classes, ["pink"]);
    assert_eq!(class(&d, "A2").classes, ["pink"]);
    let s = d.style_of(d.find("Animal").unwrap());
    assert_eq!(s.fill.as_deref(), Some("#f9f"));
    assert_eq!(s.stroke.as_deref(), Some("#333"));
    let l = class(&d, "Animal").link.clone().unwrap();
    assert_eq!(l.href.as_deref(), Some("https://example.com"));
    assert_eq!(l.tooltip.as_deref(), Some("tip"));
    assert_eq!(
        class(&d, "A1").link.clone().unwrap().callback.as_deref(),
        Some("cb()")
    );
    assert_eq!(
        class(&d, "A2").link.clone().unwrap().callback.as_deref(),
        Some("fn")
    );
    assert_eq!(d.direction, Some(crate::geometry::Direction::RL));
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, &str, usize, usize)] = &[
        ("classDiagram\nA --> B\n}", "unexpected `}`", 3, 1),
        ("classDiagram\nclass A {\n +x\n", "body is not closed", 2, 1),
        (
            "classDiagram\nnamespace N {\nclass A\n",
            "namespace `N` is not closed",
            2,
            1,
        ),
        (
            "classDiagram\ndirection UP",
            "unknown direction `UP`",
            2,
            11,
        ),
        (
            "classDiagram\nA B --> C",
            "unexpected `B` in relation",
            2,
            3,
        ),
        (
            "classDiagram\n --> C",
            "missing class name on the left",
            2,
            2,
        ),
        ("classDiagram\nA -> B", "unexpected `->", 2, 3),
        (
            "classDiagram\nnote for A",
            "expected the note's text in quotes",
            2,
            1,
        ),
        (
            "classDiagram\nclass A foo",
            "unexpected `foo` after class `A`",
            2,
            9,
        ),
        (
            "classDiagram\nnamespace N",
            "expected `{` after `namespace N`",
            2,
            1,
        ),
        (
            "classDiagram\ncssClass A x",
            "`cssClass` needs quoted class ids",
            2,
            1,
        ),
    ];
    for (src, msg, line, col) in cases {
        let (m, l, c) = error(src);
        assert!(m.contains(msg), "{src}: message {m:?} lacks {msg:?}");
        assert_eq!((l, c), (*line, *col), "{src}: {m}");
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const ARROWS: [&str; 10] = [
    "<|--", "*--", "o--", "-->", "..>", "..|>", "--", "..", "<-->", "--*",
];

/// A random class diagram with namespaces, members, notes and many
/// relations (some with labels and cardinalities).
fn random_diagram(seed: u64) -> String {
    let mut r = Rng(seed * 0x9E37_79B9 + 7);
    let mut s = String::from("classDiagram\n");
    if r.below(3) == 0 {
        s.push_str("direction LR\n");
    }
    let n = 3 + r.below(9);
    let mut open = 0;
    for i in 0..n {
        if r.below(4) == 0 && open < 2 {
            s.push_str(&format!("namespace N{i} {{\n"));
            open += 1;
        }
        s.push_str(&format!("class C{i} {{\n"));
        for k in 0..r.below(4) {
            s.push_str(&format!("  +int field{k}\n"));
        }
        for k in 0..r.below(3) {
            s.push_str(&format!("  +method{k}(x) bool\n"));
        }
        s.push_str("}\n");
        if open > 0 && r.below(2) == 0 {
            s.push_str("}\n");
            open -= 1;
        }
        if r.below(5) == 0 {
            s.push_str(&format!("note for C{i} \"note {i}\"\n"));
        }
    }
    for _ in 0..open {
        s.push_str("}\n");
    }
    for k in 0..n + r.below(n) {
        let a = r.below(n);
        let b = r.below(n);
        let arrow = ARROWS[r.below(ARROWS.len())];
        let card = if k % 3 == 0 { " \"1\" " } else { " " };
        let label = if k % 2 == 0 {
            format!(" : rel{k}")
        } else {
            String::new()
        };
        s.push_str(&format!("C{a}{card}{arrow}{card}C{b}{label}\n"));
    }
    s
}

#[test]
fn random_diagrams_keep_the_layout_invariants() {
    for seed in 0..40 {
        let src = random_diagram(seed);
        let pre = read_preamble(&src).unwrap();
        let d = parse::parse(&pre, true).unwrap_or_else(|e| panic!("{src}\n{}", e.message));
        let cfg = ClassConfig::from_config(&Config::default());
        let l = layout::layout(&d, &cfg, 16.0);
        assert_eq!(l.mapped.graph.validate(), Ok(()), "{src}");
        let rep = crate::layered::verify::verify(&l.mapped.graph, &l.geom);
        assert!(rep.is_clean(), "seed {seed}:\n{src}\n{:?}", rep.messages);
        for r in &l.geom.nodes {
            assert!(r.left() >= -0.5 && r.top() >= -0.5, "{src}");
            assert!(r.right() + l.dx <= l.width + 0.5 && r.bottom() + l.dy <= l.height + 0.5);
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "---\ntitle: Demo\n---\nclassDiagram\nclass Animal {\n <<abstract>>\n +int age\n +mate()*\n +count()$\n}\nAnimal <|-- Duck : is a\nDuck \"1\" *-- \"2\" Wing\nnamespace Zoo {\n class Keeper\n}\nKeeper ..> Animal\nnote for Duck \"quacks\"\nlink Duck \"https://example.com\"\nclick Wing href \"javascript:alert(1)\"\nclassDef hot fill:#f00\nclass Keeper:::hot\n";
    for theme in crate::theme::THEMES {
        let d = render_src(src, Some(theme));
        let opt = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        usvg::Tree::from_str(&d.svg, &opt).unwrap_or_else(|e| panic!("{theme}: {e}"));
        assert!(!d.svg.contains("javascript"), "unsafe link written");
        assert!(d.svg.contains("href=\"https://example.com\""));
        assert_eq!(d, render_src(src, Some(theme)), "not deterministic");
        for t in [
            "Demo",
            "«abstract»",
            "+int age",
            "is a",
            "quacks",
            "Zoo",
            "1",
            "2",
        ] {
            assert!(d.svg.contains(t), "{t} missing");
        }
    }
}

#[test]
fn token_soup_never_panics() {
    let tokens = [
        "class",
        " ",
        "\n",
        "{",
        "}",
        "<|--",
        "..>",
        "()",
        "o--",
        ":",
        ":::",
        "\"",
        "<<",
        ">>",
        "note",
        "for",
        "namespace",
        "~",
        "`",
        "[\"",
        "\"]",
        "é",
        "日本",
        "A",
        "b1",
        "$",
        "*",
        "(",
        ")",
        "cssClass",
        "link",
        "click",
        "call",
        "href",
        "style",
        "%%",
        ",",
        ".",
        "direction",
    ];
    let mut r = Rng(7);
    for _ in 0..400 {
        let mut s = String::from("classDiagram\n");
        for _ in 0..r.below(40) {
            s.push_str(tokens[r.below(tokens.len())]);
        }
        let Ok(pre) = read_preamble(&s) else {
            continue;
        };
        if let Ok(d) = parse::parse(&pre, true) {
            let cfg = ClassConfig::from_config(&Config::default());
            let _ = layout::layout(&d, &cfg, 16.0);
        }
    }
}
