//! State diagram tests: parser cases (input → model summary), located
//! errors, layout invariants on generated diagrams, SVG well-formedness and
//! determinism.

use super::model::{Diagram, Kind, Side};
use super::*;
use crate::config::{Config, Value};
use crate::diagrams::Context;
use crate::syntax::read_preamble;

fn parse(src: &str) -> Diagram {
    let pre = read_preamble(src).expect("preamble");
    parse::parse(&pre).unwrap_or_else(|e| panic!("{src}\n→ {}", e.message))
}

fn error(src: &str) -> (String, usize, usize) {
    let pre = read_preamble(src).expect("preamble");
    let e = parse::parse(&pre).expect_err("should fail");
    (e.message, e.span.line, e.span.col)
}

/// `from->to:label` for every transition, by state id.
fn edges(d: &Diagram) -> Vec<String> {
    d.transitions
        .iter()
        .map(|t| {
            let l = t
                .label
                .as_deref()
                .map(|l| format!(":{l}"))
                .unwrap_or_default();
            format!("{}->{}{l}", d.states[t.from].id, d.states[t.to].id)
        })
        .collect()
}

fn state<'a>(d: &'a Diagram, id: &str) -> &'a model::State {
    &d.states[d.find(id).unwrap_or_else(|| panic!("no state {id}"))]
}

fn render_src(src: &str, theme: Option<&str>) -> Drawing {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), theme, &pre.config);
    let cx = Context::new(&config, "t")
        .with_background(Some("white"))
        .with_layout_json(true);
    render(&pre, &cx).expect("render")
}

#[test]
fn transitions_and_start_end_per_scope() {
    let d = parse("stateDiagram-v2\n[*] --> Still\nStill --> [*]\nStill --> Moving : go\n");
    assert_eq!(
        edges(&d),
        ["root_start->Still", "Still->root_end", "Still->Moving:go"]
    );
    assert_eq!(state(&d, "root_start").kind, Kind::Start);
    assert_eq!(state(&d, "root_end").kind, Kind::End);
    let d = parse("stateDiagram\n[*] --> A\nstate A {\n  [*] --> a\n  a --> [*]\n}\nA --> [*]");
    assert_eq!(
        edges(&d),
        ["root_start->A", "A_start->a", "a->A_end", "A->root_end"]
    );
    assert_eq!(state(&d, "a").parent, Some(0));
    assert_eq!(state(&d, "A_start").parent, Some(0));
}

#[test]
fn descriptions_and_long_names() {
    let d = parse("stateDiagram-v2\nstate \"Long name\" as s1\ns2 : first\ns2 : second\nstate s3: Described\nstate \"X\" as s4: more");
    assert_eq!(state(&d, "s1").title(), "Long name");
    assert_eq!(state(&d, "s2").title(), "first");
    assert_eq!(state(&d, "s2").body(), ["second"]);
    assert_eq!(state(&d, "s3").title(), "Described");
    assert_eq!(state(&d, "s4").descriptions, ["X", "more"]);
}

#[test]
fn stereotypes_in_every_spelling() {
    let d = parse(
        "stateDiagram-v2\nstate c <<choice>>\nstate f [[fork]]\nstate j &lt;&lt;join&gt;&gt;\n",
    );
    assert_eq!(state(&d, "c").kind, Kind::Choice);
    assert_eq!(state(&d, "f").kind, Kind::Fork);
    assert_eq!(state(&d, "j").kind, Kind::Join);
}

#[test]
fn composites_nest_and_regions_split() {
    let d = parse("stateDiagram-v2\nstate A {\n direction LR\n state B {\n  b1 --> b2\n }\n}\nstate C {\n x\n --\n y\n --\n z\n}");
    let a = state(&d, "A").composite.unwrap();
    let b = state(&d, "B").composite.unwrap();
    assert_eq!(d.composites[b].parent, Some(a));
    assert_eq!(
        d.composites[a].direction,
        Some(crate::geometry::Direction::LR)
    );
    assert_eq!(state(&d, "b1").parent, Some(b));
    let c = state(&d, "C").composite.unwrap();
    assert_eq!(d.composites[c].regions, 3);
    assert_eq!(["x", "y", "z"].map(|s| state(&d, s).region), [0, 1, 2]);
}

#[test]
fn brace_on_the_next_line_opens_the_state() {
    let d = parse("stateDiagram-v2\nstate S\n{\n  c0\n}\n");
    let s = state(&d, "S").composite.unwrap();
    assert_eq!(state(&d, "c0").parent, Some(s));
}

#[test]
fn notes_one_line_block_and_floating() {
    let d = parse("stateDiagram-v2\nA --> B\nnote left of A : left<br/>text\nnote right of B\n  line one\n  line two\nend note\nnote \"free\" as N1");
    assert_eq!(d.notes.len(), 3);
    assert_eq!(d.notes[0].side, Side::Left);
    assert_eq!(d.notes[0].text, "left\ntext");
    assert_eq!(d.notes[1].text, "line one\nline two");
    assert_eq!(d.notes[2].state, None);
}

#[test]
fn classes_styles_and_comments() {
    let d = parse("stateDiagram\nclassDef bad fill:#f00,color:white\n%% comment\nA:::bad --> B %% trailing\nclass B, C bad\nstyle A stroke:#00f\nclass nowhere bad");
    assert_eq!(state(&d, "A").classes, ["bad"]);
    assert_eq!(state(&d, "B").classes, ["bad"]);
    assert!(d.find("C").is_none());
    assert!(d.find("nowhere").is_none());
    let s = d.style_of(d.find("A").unwrap());
    assert_eq!(s.fill.as_deref(), Some("#f00"));
    assert_eq!(s.stroke.as_deref(), Some("#00f"));
}

#[test]
fn labels_decode_entities_and_breaks() {
    let d = parse("stateDiagram-v2\n1 --> 2: test({ foo#colon; 'far' })\nA --> B : x &lt; y<br>z");
    assert_eq!(
        d.transitions[0].label.as_deref(),
        Some("test({ foo: 'far' })")
    );
    assert_eq!(d.transitions[1].label.as_deref(), Some("x < y\nz"));
}

#[test]
fn accessibility_direction_and_title() {
    let d = parse("---\ntitle: T\n---\nstateDiagram\ndirection LR\naccTitle: at\naccDescr {\n multi\n line\n}\nA");
    assert_eq!(d.title.as_deref(), Some("T"));
    assert_eq!(d.direction, Some(crate::geometry::Direction::LR));
    assert_eq!(d.acc_title.as_deref(), Some("at"));
    assert_eq!(d.acc_descr.as_deref(), Some("multi\nline"));
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, &str, usize, usize)] = &[
        ("stateDiagram\nA --> B\n}", "unexpected `}`", 3, 1),
        ("stateDiagram\n  state A {\n  a\n", "not closed", 2, 3),
        (
            "stateDiagram\ndirection XY",
            "unknown direction `XY`",
            2,
            11,
        ),
        ("stateDiagram\nA -> B", "unexpected `->`", 2, 3),
        (
            "stateDiagram\nnote over A: x",
            "expected `left of` or `right of`",
            2,
            6,
        ),
        ("stateDiagram\nnote left of A\ntext", "unclosed note", 2, 1),
        (
            "stateDiagram\nstate x <<weird>>",
            "unknown state type `weird`",
            2,
            11,
        ),
        ("stateDiagram\nstate x <<fork", "unclosed `<<`", 2, 9),
        ("stateDiagram\nstate \"abc", "unclosed `\"`", 2, 7),
        ("stateDiagram\n --> B", "missing source state", 2, 2),
        (
            "stateDiagram\nstate A {\n state A {\n }\n}",
            "cannot contain itself",
            3,
            2,
        ),
        (
            "stateDiagram\nstate A foo",
            "unexpected `foo` after state `A`",
            2,
            9,
        ),
    ];
    for (src, msg, line, col) in cases {
        let (m, l, c) = error(src);
        assert!(m.contains(msg), "{src}: message {m:?} lacks {msg:?}");
        assert_eq!((l, c), (*line, *col), "{src}: {m}");
    }
}

/// A small deterministic generator.
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

/// A random state diagram with composites (nested, some with regions),
/// notes, choices, forks and many labelled transitions.
fn random_diagram(seed: u64) -> String {
    let mut r = Rng(seed * 2654435761 + 1);
    let mut s = String::from("stateDiagram-v2\n");
    if r.below(3) == 0 {
        s.push_str("direction LR\n");
    }
    let n = 4 + r.below(10);
    let mut ids: Vec<String> = Vec::new();
    let mut depth = 0;
    for i in 0..n {
        match r.below(6) {
            0 if depth < 3 => {
                s.push_str(&format!("state C{i} {{\n[*] --> s{i}\n"));
                depth += 1;
            }
            1 if depth > 0 => {
                s.push_str("}\n");
                depth -= 1;
            }
            2 if depth > 0 => s.push_str(&format!("s{i}\n--\n")),
            3 => s.push_str(&format!("state s{i} <<choice>>\n")),
            4 => s.push_str(&format!("note right of s{i} : note {i}\n")),
            _ => {}
        }
        s.push_str(&format!("s{i} : State number {i}\n"));
        ids.push(format!("s{i}"));
        if r.below(2) == 0 && i > 0 {
            let a = r.below(i);
            s.push_str(&format!("s{a} --> s{i} : go {a}\n"));
        }
    }
    for _ in 0..depth {
        s.push_str("}\n");
    }
    for k in 0..n {
        let a = r.below(n);
        let b = r.below(n);
        let label = if k % 2 == 0 {
            format!(" : ev{k}")
        } else {
            String::new()
        };
        s.push_str(&format!("{} --> {}{label}\n", ids[a], ids[b]));
    }
    s.push_str(&format!("{} --> [*]\n", ids[n - 1]));
    s
}

#[test]
fn random_diagrams_keep_the_layout_invariants() {
    for seed in 0..40 {
        let src = random_diagram(seed);
        let pre = read_preamble(&src).unwrap();
        let d = parse::parse(&pre).unwrap_or_else(|e| panic!("{src}\n{}", e.message));
        let cfg = StateConfig::from_config(&Config::default());
        let l = layout::layout(&d, &cfg, 16.0);
        assert_eq!(l.mapped.graph.validate(), Ok(()), "{src}");
        let rep = crate::layered::verify::verify(&l.mapped.graph, &l.geom);
        assert!(rep.is_clean(), "seed {seed}:\n{src}\n{:?}", rep.messages);
        // Everything inside the canvas.
        for r in &l.geom.nodes {
            assert!(r.left() >= -0.5 && r.top() >= -0.5, "{src}");
            assert!(r.right() + l.dx <= l.width + 0.5 && r.bottom() + l.dy <= l.height + 0.5);
        }
        for c in &l.geom.clusters {
            assert!(c.rect.right() <= l.width + 0.5 && c.rect.bottom() <= l.height + 0.5);
            assert!(
                c.title.width <= c.rect.width + 0.5,
                "title wider than its box: {src}"
            );
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "---\ntitle: Demo\n---\nstateDiagram-v2\n[*] --> A: start\nstate A {\n [*] --> a\n a --> b\n --\n c --> [*]\n}\nA --> ch\nstate ch <<choice>>\nch --> F\nstate F <<fork>>\nF --> X\nnote left of X : a note\nX: desc one\nX: desc two\nclassDef hot fill:#f00,font-weight:bold\nclass X hot\n";
    for theme in crate::theme::THEMES {
        let d = render_src(src, Some(theme));
        let opt = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        usvg::Tree::from_str(&d.svg, &opt).unwrap_or_else(|e| panic!("{theme}: {e}"));
        assert!(!d.svg.contains("<script"));
        assert_eq!(d.width, d.width.ceil());
        assert_eq!(d, render_src(src, Some(theme)), "not deterministic");
        for t in ["Demo", "start", "a note", "desc one", "desc two"] {
            assert!(d.svg.contains(t), "{t} missing");
        }
        let json = d.layout_json.as_deref().unwrap();
        assert!(json.contains("\"clusters\""));
    }
}

#[test]
fn composite_edges_and_self_loops_render() {
    for src in [
        "stateDiagram-v2\nstate A {\n a\n}\nA --> A : again\nA --> B\nB --> A",
        "stateDiagram-v2\nstate A {\n a --> A\n}\n",
        "stateDiagram-v2\nstate Empty {\n}\nEmpty --> X",
        "stateDiagram-v2\nnote right of Lone : only a note",
    ] {
        let d = render_src(src, None);
        assert!(d.svg.ends_with("</svg>\n"));
    }
}

#[test]
fn token_soup_never_panics() {
    let tokens = [
        "state",
        " ",
        "\n",
        "{",
        "}",
        "[*]",
        "-->",
        ":",
        ":::",
        "\"",
        "<<",
        ">>",
        "fork",
        "choice",
        "note",
        "left of",
        "right of",
        "end note",
        "--",
        "direction",
        "LR",
        "é",
        "日本",
        "A",
        "b1",
        "classDef",
        "class",
        "style",
        "as",
        "[[",
        "]]",
        "&lt;",
        "%%",
        "accDescr {",
        ",",
        "#colon;",
    ];
    let mut r = Rng(99);
    for _ in 0..400 {
        let mut s = String::from("stateDiagram-v2\n");
        for _ in 0..r.below(40) {
            s.push_str(tokens[r.below(tokens.len())]);
        }
        let Ok(pre) = read_preamble(&s) else {
            continue;
        };
        if let Ok(d) = parse::parse(&pre) {
            let cfg = StateConfig::from_config(&Config::default());
            let _ = layout::layout(&d, &cfg, 16.0);
        }
    }
}
