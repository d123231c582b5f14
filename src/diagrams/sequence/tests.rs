//! Sequence diagram tests: parser cases, errors with their line:col,
//! layout invariants on generated diagrams, SVG well-formedness,
//! determinism.

use super::layout::{layout, Bx, Label, Layout, Path};
use super::model::*;
use super::parse::{parse, ParseOptions};
use super::SequenceConfig;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn try_diagram(src: &str) -> Result<Diagram, crate::syntax::ParseError> {
    let pre = read_preamble(src).expect("preamble");
    parse(&pre, ParseOptions::default())
}

fn diagram(src: &str) -> Diagram {
    try_diagram(src).unwrap_or_else(|e| panic!("{src}: {e:?}"))
}

/// A short summary of the model: participants, then one line per event.
fn summary(src: &str) -> String {
    let d = diagram(src);
    let mut out = Vec::new();
    for p in &d.participants {
        out.push(format!("{}={}:{:?}", p.id, p.label, p.kind));
    }
    let name = |i: usize| d.participants[i].id.clone();
    for e in &d.events {
        out.push(match e {
            Event::Message(m) => format!(
                "{}{:?}{}{:?}{}{}:{}{}",
                name(m.from),
                m.start,
                if m.dotted { "--" } else { "-" },
                m.end,
                name(m.to),
                if m.central_from || m.central_to {
                    "()"
                } else {
                    ""
                },
                m.text,
                m.number
                    .map_or(String::new(), |n| format!("#{}", format_number(n)))
            ),
            Event::Note(n) => format!("note {:?}:{}", n.placement, n.text),
            Event::Activation { participant, on } => {
                format!("{}{}", if *on { "+" } else { "-" }, name(*participant))
            }
            Event::BlockStart { kind, label } => format!("{kind:?}[{label}]"),
            Event::Section { label } => format!("section[{label}]"),
            Event::BlockEnd => "end".into(),
        });
    }
    out.join(" | ")
}

fn error(src: &str) -> (usize, usize, String) {
    let e = try_diagram(src).expect_err(src);
    (e.span.line, e.span.col, e.message)
}

#[test]
fn messages_and_implicit_participants() {
    assert_eq!(
        summary("sequenceDiagram\n  Alice->>Bob: Hi\n  Bob-->>Alice: Hello"),
        "Alice=Alice:Participant | Bob=Bob:Participant | AliceNone-FilledBob:Hi | BobNone--FilledAlice:Hello"
    );
}

#[test]
fn every_arrow() {
    let arrows = [
        ("->", "None-None"),
        ("-->", "None--None"),
        ("->>", "None-Filled"),
        ("-->>", "None--Filled"),
        ("-x", "None-Cross"),
        ("--x", "None--Cross"),
        ("-)", "None-Open"),
        ("--)", "None--Open"),
        ("<<->>", "Filled-Filled"),
        ("<<-->>", "Filled--Filled"),
        ("-|\\", "None-SolidTop"),
        ("-|/", "None-SolidBottom"),
        ("-\\\\", "None-StickTop"),
        ("-//", "None-StickBottom"),
        ("--|\\", "None--SolidTop"),
        ("--//", "None--StickBottom"),
        ("/|-", "SolidTop-None"),
        ("\\|--", "SolidBottom--None"),
        ("//-", "StickTop-None"),
        ("\\\\--", "StickBottom--None"),
    ];
    for (arrow, want) in arrows {
        let s = summary(&format!("sequenceDiagram\nA{arrow}B: t"));
        assert!(s.ends_with(&format!("A{want}B:t")), "{arrow}: {s}");
    }
}

#[test]
fn central_connections_and_activation_shorthand() {
    let s = summary("sequenceDiagram\nA ()->>+() B: x\nB-->>-A: y");
    assert!(
        s.contains("ANone-FilledB():x | +B | BNone--FilledA:y | -B"),
        "{s}"
    );
}

#[test]
fn participants_aliases_and_types() {
    let s = summary(
        "sequenceDiagram\nparticipant A as Alice\nactor B as Bob the <br>builder\nparticipant C@{ \"type\": \"database\" } as Store\nparticipant D@{ \"type\": \"queue\", \"alias\": \"Q\" }\nparticipant E@{\"type\":\"boundary\"}\nparticipant F@{ \"type\" : \"control\" } AS Ctl\nA->>B: x",
    );
    assert!(s.starts_with("A=Alice:Participant | B=Bob the\nbuilder:Actor | C=Store:Database | D=Q:Queue | E=E:Boundary | F=Ctl:Control"), "{s}");
    for t in ["entity", "collections"] {
        let s = summary(&format!(
            "sequenceDiagram\nparticipant X@{{ \"type\": \"{t}\" }}"
        ));
        assert!(s.to_lowercase().contains(t), "{s}");
    }
}

#[test]
fn order_of_appearance() {
    let s = summary("sequenceDiagram\nparticipant C\nB->>A: x\nparticipant A as Al");
    assert!(
        s.starts_with("C=C:Participant | B=B:Participant | A=Al:Participant"),
        "{s}"
    );
}

#[test]
fn notes_in_every_place() {
    let s = summary("sequenceDiagram\nA->>B: x\nNote left of A: l\nnote right of B: r\nNote over A: o\nNote over B,A: two<br/>lines");
    assert!(
        s.contains(
            "note LeftOf(0):l | note RightOf(1):r | note Over(0, 0):o | note Over(0, 1):two\nlines"
        ),
        "{s}"
    );
}

#[test]
fn blocks_nest_to_any_depth() {
    let s = summary("sequenceDiagram\nloop every minute\nalt ok\nA->>B: x\nelse not ok\npar one\nB->>A: y\nand two\nrect rgb(1, 2, 3)\nA->>A: z\nend\nend\nend\nend\ncritical c\nA->>B: q\noption o\nA->>B: r\nend\nbreak b\nA->>B: s\nend\nopt maybe\nA->>B: t\nend");
    assert!(s.contains("Loop[every minute] | Alt[ok]"), "{s}");
    assert!(s.contains("section[not ok] | Par[one]"), "{s}");
    assert!(
        s.contains("Rect[rgb(1, 2, 3)] | ANone-FilledA:z | end | end | end | end"),
        "{s}"
    );
    assert!(
        s.contains("Critical[c]")
            && s.contains("section[o]")
            && s.contains("Break[b]")
            && s.contains("Opt[maybe]"),
        "{s}"
    );
}

#[test]
fn autonumber_start_step_off() {
    let s = summary("sequenceDiagram\nA->>B: a\nautonumber\nA->>B: b\nautonumber 10 5\nA->>B: c\nA->>B: d\nautonumber off\nA->>B: e\nautonumber 3\nA->>B: f");
    assert!(s.contains(":a | "), "{s}");
    assert!(
        s.contains(":b#1")
            && s.contains(":c#10")
            && s.contains(":d#15")
            && s.contains(":e |")
            && s.ends_with(":f#3"),
        "{s}"
    );
}

#[test]
fn entity_codes_semicolons_and_comments() {
    let s = summary(
        "sequenceDiagram\n%% a comment\nA->>B: I #9829; you#59; ok; B->>A: second\n%%{init: {}}%%",
    );
    assert!(
        s.contains("A:I ♥ you; ok") || s.contains("B:I ♥ you; ok"),
        "{s}"
    );
    assert!(s.contains("BNone-FilledA:second"), "{s}");
}

#[test]
fn create_destroy_boxes_links_title_accessibility() {
    let src = "---\ntitle: Front\n---\nsequenceDiagram\ntitle The title\naccTitle: AT\naccDescr: AD\nbox Aqua Group one\nparticipant A\nend\nbox rgb(1,2,3) Two\nactor B\nend\nbox transparent Three\nparticipant Z\nend\nA->>B: hi\ncreate participant C\nA->>C: make\ndestroy C\nC-xA: bye\nlink A: Dash @ https://x.example/a\nlinks B: {\"Repo\": \"https://r.example\"}\nproperties B: {\"class\": \"x\"}";
    let d = diagram(src);
    assert_eq!(d.title.as_deref(), Some("The title"));
    assert_eq!(d.acc_title.as_deref(), Some("AT"));
    assert_eq!(d.acc_descr.as_deref(), Some("AD"));
    assert_eq!(d.groups.len(), 3);
    assert_eq!(d.groups[0].color.as_deref(), Some("Aqua"));
    assert_eq!(d.groups[0].label, "Group one");
    assert_eq!(d.groups[1].color.as_deref(), Some("rgb(1,2,3)"));
    assert_eq!(d.groups[2].color, None);
    assert_eq!(d.participants[1].group, Some(1));
    let c = &d.participants[d.find("C").unwrap()];
    assert_eq!(c.created_at, Some(1));
    assert_eq!(c.destroyed_at, Some(2));
    assert_eq!(
        d.participants[0].links,
        vec![("Dash".to_string(), "https://x.example/a".to_string())]
    );
    assert_eq!(d.participants[1].links.len(), 1);
    let d = diagram("---\ntitle: Front\n---\nsequenceDiagram\nA->>B: x");
    assert_eq!(d.title.as_deref(), Some("Front"));
}

#[test]
fn wrap_prefixes() {
    let d = diagram("sequenceDiagram\nA->>B:wrap: long\nA->>B: nowrap: short\nNote over A:wrap: n");
    let wraps: Vec<bool> = d
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Message(m) => Some(m.wrap),
            Event::Note(n) => Some(n.wrap),
            _ => None,
        })
        .collect();
    assert_eq!(wraps, vec![true, false, true]);
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, usize, usize, &str)] = &[
        (
            "sequenceDiagram\nA->>B: x\ndeactivate Zed",
            3,
            12,
            "unknown participant `Zed`",
        ),
        (
            "sequenceDiagram\nA->>B: x\ndeactivate B",
            3,
            12,
            "not active",
        ),
        ("sequenceDiagram\nA->>B: x\nA->>-B: y", 3, 1, "not active"),
        (
            "sequenceDiagram\nA->>B: x\nend",
            3,
            1,
            "`end` without an open block",
        ),
        (
            "sequenceDiagram\nopt x\nA->>B: x\nelse y\nend",
            4,
            1,
            "`else` outside `alt`",
        ),
        (
            "sequenceDiagram\nalt x\nA->>B: y\nand z\nend",
            4,
            1,
            "`and` outside `par`",
        ),
        ("sequenceDiagram\nloop x\nA->>B: y", 2, 1, "unclosed `loop`"),
        (
            "sequenceDiagram\n  A->>B: x\n  hello there",
            3,
            3,
            "unknown statement `hello`",
        ),
        (
            "sequenceDiagram\nA->>B: x\ndestroy Bo\nB->>A: y",
            3,
            9,
            "unknown participant `Bo`",
        ),
        (
            "sequenceDiagram\nA->>B: x\ncreate participant C\nA->>B: y",
            3,
            1,
            "created participant `C`",
        ),
        (
            "sequenceDiagram\nA->>B: x\ndestroy B\nA->>A: y",
            3,
            9,
            "destroyed participant `B`",
        ),
        ("sequenceDiagram\nNote A: x", 2, 6, "a note needs a place"),
        ("sequenceDiagram\nautonumber x", 2, 1, "bad `autonumber`"),
        (
            "sequenceDiagram\nparticipant X@{ \"type\": \"blob\" }",
            2,
            15,
            "unknown participant type `blob`",
        ),
        (
            "sequenceDiagram\nbox A\nbox B\nend\nend",
            3,
            1,
            "boxes cannot be nested",
        ),
        (
            "sequenceDiagram\nbox G\nparticipant A",
            2,
            1,
            "unclosed `box`",
        ),
        ("sequenceDiagram\n->>B: x", 2, 1, "unknown statement"),
        (
            "sequenceDiagram\nA->>: x",
            2,
            2,
            "expected a participant after",
        ),
    ];
    for (src, line, col, msg) in cases {
        let (l, c, m) = error(src);
        assert!(m.contains(msg), "{src}: {m}");
        assert_eq!((l, c), (*line, *col), "{src}: {m}");
    }
}

// ---- Generated diagrams and layout invariants ----

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "request",
    "response",
    "a considerably longer phrase",
    "x",
    "ok",
    "数据",
    "W",
];

fn words(r: &mut Rng, max: usize) -> String {
    let n = 1 + r.below(max);
    let mut s = Vec::new();
    for _ in 0..n {
        s.push(WORDS[r.below(WORDS.len())].to_string());
    }
    let mut t = s.join(" ");
    if r.below(4) == 0 {
        t.push_str("<br>second line");
    }
    t
}

/// A random but valid diagram.
fn generate(seed: u64, parts: usize, stmts: usize) -> String {
    let mut r = Rng(seed);
    let mut s = String::from("sequenceDiagram\n");
    if r.below(2) == 0 {
        s.push_str("autonumber\n");
    }
    for i in 0..parts {
        let kw = if r.below(4) == 0 {
            "actor"
        } else {
            "participant"
        };
        if r.below(2) == 0 {
            s.push_str(&format!("{kw} P{i} as {}\n", words(&mut r, 3)));
        } else {
            s.push_str(&format!("{kw} P{i}\n"));
        }
    }
    let mut active = vec![0usize; parts];
    let mut blocks: Vec<&str> = Vec::new();
    for _ in 0..stmts {
        let a = r.below(parts);
        let b = r.below(parts);
        match r.below(10) {
            0..=4 => {
                let arrows = ["->>", "-->>", "->", "-x", "--)", "<<->>", "-|\\"];
                let arrow = arrows[r.below(arrows.len())];
                let act = match r.below(5) {
                    0 => {
                        active[b] += 1;
                        "+"
                    }
                    1 if active[a] > 0 => {
                        active[a] -= 1;
                        "-"
                    }
                    _ => "",
                };
                s.push_str(&format!("P{a}{arrow}{act}P{b}: {}\n", words(&mut r, 5)));
            }
            5 => {
                let place = match r.below(4) {
                    0 => format!("left of P{a}"),
                    1 => format!("right of P{a}"),
                    2 => format!("over P{a}"),
                    _ => format!("over P{a},P{b}"),
                };
                s.push_str(&format!("Note {place}: {}\n", words(&mut r, 4)));
            }
            6 if blocks.len() < 4 => {
                let kinds = ["loop", "alt", "opt", "par", "critical", "break", "rect"];
                let k = kinds[r.below(kinds.len())];
                if k == "rect" {
                    s.push_str("rect rgb(200, 220, 255)\n");
                } else {
                    s.push_str(&format!("{k} {}\n", words(&mut r, 3)));
                }
                blocks.push(k);
                s.push_str(&format!("P{a}->>P{b}: {}\n", words(&mut r, 2)));
            }
            7 => match blocks.last() {
                Some(&"alt") => s.push_str(&format!("else {}\nP{a}->>P{b}: e\n", words(&mut r, 2))),
                Some(&"par") => s.push_str(&format!("and {}\nP{a}->>P{b}: e\n", words(&mut r, 2))),
                Some(_) => {
                    blocks.pop();
                    s.push_str("end\n");
                }
                None => s.push_str(&format!("P{a}->>P{a}: self {}\n", words(&mut r, 2))),
            },
            8 => {
                s.push_str(&format!("activate P{a}\n"));
                active[a] += 1;
            }
            _ if active[a] > 0 => {
                s.push_str(&format!("deactivate P{a}\n"));
                active[a] -= 1;
            }
            _ => s.push_str(&format!("P{a}->>P{a}: {}\n", words(&mut r, 3))),
        }
    }
    while blocks.pop().is_some() {
        s.push_str("end\n");
    }
    s
}

fn cfg() -> SequenceConfig {
    SequenceConfig::from_config(&Config::from_value(Value::object()))
}

fn lay(src: &str) -> (Diagram, Layout) {
    let d = diagram(src);
    let g = layout(&d, &cfg());
    (d, g)
}

/// Every drawn text with a name for messages.
fn texts(g: &Layout) -> Vec<(String, Bx)> {
    let mut out = Vec::new();
    let mut add = |name: String, l: &Label| {
        if l.text.lines.iter().any(|x| !x.text.trim().is_empty()) {
            out.push((name, l.area));
        }
    };
    for a in &g.actors {
        add(format!("actor {}", a.index), &a.label_top);
        if let Some(l) = &a.label_bottom {
            add(format!("actor bottom {}", a.index), l);
        }
    }
    for m in &g.messages {
        if let Some(l) = &m.label {
            add(format!("message {}", m.event), l);
        }
    }
    for (k, n) in g.notes.iter().enumerate() {
        add(format!("note {k}"), &n.label);
    }
    for (k, f) in g.frames.iter().enumerate() {
        if let Some(l) = &f.word {
            add(format!("frame word {k}"), l);
        }
        if let Some(l) = &f.label {
            add(format!("frame label {k}"), l);
        }
        for (_, l) in &f.sections {
            if let Some(l) = l {
                add(format!("section {k}"), l);
            }
        }
    }
    if let Some(t) = &g.title {
        add("title".into(), t);
    }
    out
}

fn check_invariants(src: &str) {
    let (d, g) = lay(src);
    let t = texts(&g);
    // No two texts overlap.
    for i in 0..t.len() {
        for j in i + 1..t.len() {
            assert!(
                !t[i].1.overlaps(&t[j].1, 0.5),
                "{} overlaps {}: {:?} {:?}\n{src}",
                t[i].0,
                t[j].0,
                t[i].1,
                t[j].1
            );
        }
    }
    // No message text overlaps a note or a participant box.
    let mut boxes: Vec<(String, Bx)> = g
        .notes
        .iter()
        .enumerate()
        .map(|(k, n)| (format!("note {k}"), n.rect))
        .collect();
    for a in &g.actors {
        boxes.push((format!("actor {}", a.index), a.top));
        if let Some(b) = a.bottom {
            boxes.push((format!("actor bottom {}", a.index), b));
        }
    }
    for (name, b) in &t {
        if !name.starts_with("message")
            && !name.starts_with("section")
            && !name.starts_with("frame label")
        {
            continue;
        }
        for (bn, bb) in &boxes {
            assert!(!b.overlaps(bb, 0.5), "{name} overlaps {bn}\n{src}");
        }
    }
    // Message texts between their lifelines or beside their loop.
    let x_of = |p: usize| g.actors.iter().find(|a| a.index == p).map(|a| a.x).unwrap();
    for m in &g.messages {
        let Event::Message(msg) = &d.events[m.event] else {
            panic!()
        };
        let (xa, xb) = (x_of(msg.from), x_of(msg.to));
        if let Some(l) = &m.label {
            if msg.from == msg.to {
                assert!(l.area.x > xa, "self text left of its lifeline\n{src}");
                let next = g
                    .actors
                    .iter()
                    .map(|a| a.x)
                    .filter(|x| *x > xa)
                    .fold(f64::MAX, f64::min);
                assert!(
                    l.area.right() < next,
                    "self text crosses the next lifeline\n{src}"
                );
            } else {
                assert!(
                    l.area.x >= xa.min(xb) - 0.01 && l.area.right() <= xa.max(xb) + 0.01,
                    "message {} text outside its lifelines\n{src}",
                    m.event
                );
            }
        }
    }
    // Frames hold exactly their messages.
    for f in &g.frames {
        let r = f.rect;
        for m in &g.messages {
            let (x0, x1, y0, y1) = match m.path {
                Path::Line { x1, x2, y } => (x1.min(x2), x1.max(x2), y, y),
                Path::SelfLoop { x, y, w, h } => (x, x + w, y, y + h),
            };
            let inside_y = y0 >= r.y && y1 <= r.bottom();
            if m.event > f.events.0 && m.event < f.events.1 {
                assert!(
                    x0 >= r.x && x1 <= r.right() && inside_y,
                    "message {} outside its frame\n{src}",
                    m.event
                );
                if let Some(l) = &m.label {
                    assert!(
                        l.area.x >= r.x
                            && l.area.right() <= r.right()
                            && l.area.y >= r.y
                            && l.area.bottom() <= r.bottom(),
                        "message {} text outside its frame\n{src}",
                        m.event
                    );
                }
            } else {
                assert!(
                    y1 < r.y || y0 > r.bottom(),
                    "message {} inside a frame it is not in\n{src}",
                    m.event
                );
            }
        }
    }
    // Everything inside the canvas.
    let inside = |b: &Bx| {
        let (x, y) = (b.x + g.origin.0, b.y + g.origin.1);
        x >= -0.01 && y >= -0.01 && x + b.w <= g.width + 0.01 && y + b.h <= g.height + 0.01
    };
    for (name, b) in t.iter().chain(boxes.iter()) {
        assert!(inside(b), "{name} outside the canvas\n{src}");
    }
    for f in &g.frames {
        assert!(inside(&f.rect), "frame outside the canvas\n{src}");
    }
}

#[test]
fn layout_invariants_on_generated_diagrams() {
    for seed in 0..60 {
        let parts = 2 + (seed as usize % 6);
        check_invariants(&generate(seed, parts, 40));
    }
}

#[test]
fn generated_svg_is_well_formed_and_deterministic() {
    let opts = crate::Options::default();
    for seed in 0..8 {
        let src = generate(seed, 4, 30);
        let a = crate::render(&src, &opts).expect("render");
        let b = crate::render(&src, &opts).expect("render");
        assert_eq!(a.svg, b.svg);
        let tree = usvg::Tree::from_str(
            &a.svg,
            &usvg::Options {
                fontdb: crate::text::fontdb(),
                ..Default::default()
            },
        );
        assert!(tree.is_ok(), "{src}");
        assert!(!a.svg.contains("<script") && !a.svg.contains("javascript:"));
    }
}

#[test]
fn links_only_http() {
    let src = "sequenceDiagram\nA->>B: x\nlink A: Bad @ javascript:alert(1)\nlink B: Good @ https://ok.example/b";
    let r = crate::render(src, &crate::Options::default()).unwrap();
    assert!(!r.svg.contains("javascript"));
    assert!(r.svg.contains("href=\"https://ok.example/b\""));
}

#[test]
fn every_reference_style_text_is_drawn() {
    let src = "sequenceDiagram\ntitle T1\nparticipant A as Alice\nactor B as Bob\nloop Every day\nA->>B: Hello<br>there\nend\nalt yes\nB-->>A: ok\nelse no\nB-xA: nope\nend\nNote over A,B: a note\nautonumber\nA->>A: self";
    let r = crate::render(src, &crate::Options::default()).unwrap();
    for t in [
        "T1",
        "Alice",
        "Bob",
        "loop",
        "[Every day]",
        "Hello",
        "there",
        "alt",
        "[yes]",
        "[no]",
        "ok",
        "nope",
        "a note",
        "self",
        ">1<",
    ] {
        assert!(r.svg.contains(t), "{t} missing");
    }
}

#[test]
fn config_options_change_the_layout() {
    let src = "sequenceDiagram\nA->>B: x\nA->>B: y";
    let d = diagram(src);
    let base = layout(&d, &cfg());
    let mut c = cfg();
    c.mirror_actors = false;
    let g = layout(&d, &c);
    assert!(g.actors.iter().all(|a| a.bottom.is_none()));
    assert!(g.height < base.height);
    let mut c = cfg();
    c.actor_margin = 200.0;
    let g = layout(&d, &c);
    assert!(g.actors[1].x - g.actors[0].x > base.actors[1].x - base.actors[0].x + 100.0);
    let v = crate::syntax::parse_config_json("{\"sequence\": {\"mirrorActors\": false, \"actorMargin\": 80, \"messageAlign\": \"left\", \"hideUnusedParticipants\": true, \"actorFontSize\": 20}}").unwrap();
    let c = SequenceConfig::from_config(&Config::from_value(v));
    assert!(
        !c.mirror_actors && c.actor_margin == 80.0 && c.hide_unused && c.actor_font_size == 20.0
    );
    assert_eq!(c.message_align, super::Align::Left);
    let d = diagram("sequenceDiagram\nparticipant Unused\nA->>B: x");
    assert_eq!(layout(&d, &c).actors.len(), 2);
}

#[test]
fn activations_stack_when_nested() {
    let (_, g) = lay("sequenceDiagram\nA->>+B: one\nA->>+B: two\nB-->>-A: three\nB-->>-A: four");
    assert_eq!(g.activations.len(), 2);
    let (inner, outer) = (&g.activations[0], &g.activations[1]);
    assert!(inner.x > outer.x, "nested bar is offset");
    assert!(inner.y > outer.y && inner.bottom() < outer.bottom());
}

#[test]
fn large_diagram_lays_out() {
    let src = generate(7, 50, 1000);
    let (_, g) = lay(&src);
    assert!(g.messages.len() > 400);
    assert!(g.width > 0.0 && g.height > 0.0);
}
