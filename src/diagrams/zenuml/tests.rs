//! Parser cases and located errors, numbering, layout invariants (no
//! text over another text or a participant box), SVG well-formedness,
//! determinism, themes and odd inputs.

use super::layout::{layout, Geometry, Role, Shape};
use super::model::{Diagram, FragmentKind, Item, Kind, Stmt};
use super::parse::parse;
use crate::syntax::{read_preamble, ParseError};

fn try_diagram(src: &str) -> Result<Diagram, ParseError> {
    parse(&read_preamble(src).expect("preamble"))
}

fn diagram(src: &str) -> Diagram {
    try_diagram(src).unwrap_or_else(|e| panic!("{src}: {e:?}"))
}

fn name(d: &Diagram, i: usize) -> &str {
    d.participants.get(i).map_or("?", |p| p.id.as_str())
}

/// A compact text of the statement tree.
fn summary(src: &str) -> String {
    let d = diagram(src);
    fn walk(d: &Diagram, items: &[Item], out: &mut Vec<String>) {
        for it in items {
            if let Some(c) = &it.comment {
                out.push(format!("//{c}"));
            }
            match &it.stmt {
                Stmt::Sync {
                    from,
                    to,
                    label,
                    assign,
                    body,
                } => {
                    let a = assign
                        .as_deref()
                        .map(|a| format!("{a}="))
                        .unwrap_or_default();
                    out.push(format!("{a}{}.{}:{label}", name(d, *from), name(d, *to)));
                    if let Some(b) = body {
                        out.push("{".into());
                        walk(d, b, out);
                        out.push("}".into());
                    }
                }
                Stmt::Async {
                    from,
                    to,
                    label,
                    reply,
                } => {
                    let arrow = if *reply { "-->" } else { "->" };
                    out.push(format!("{}{arrow}{}:{label}", name(d, *from), name(d, *to)));
                }
                Stmt::Create {
                    from,
                    to,
                    label,
                    assign,
                    body,
                } => {
                    let a = assign
                        .as_deref()
                        .map(|a| format!("{a}="))
                        .unwrap_or_default();
                    out.push(format!("{a}{} new {}{label}", name(d, *from), name(d, *to)));
                    if let Some(b) = body {
                        out.push("{".into());
                        walk(d, b, out);
                        out.push("}".into());
                    }
                }
                Stmt::Return { from, to, label } => {
                    out.push(format!("ret {}->{}:{label}", name(d, *from), name(d, *to)))
                }
                Stmt::Fragment { kind, sections } => {
                    out.push(format!("{}[", kind.label()));
                    for s in sections {
                        out.push(format!("|{}", s.label.as_deref().unwrap_or("")));
                        walk(d, &s.body, out);
                    }
                    out.push("]".into());
                }
                Stmt::Ref { label } => out.push(format!("ref {label}")),
                Stmt::Divider { label } => out.push(format!("== {label}")),
            }
        }
    }
    let mut out = Vec::new();
    walk(&d, &d.items, &mut out);
    out.join(" ")
}

fn error(src: &str) -> (usize, usize, String) {
    let e = try_diagram(src).expect_err(src);
    (e.span.line, e.span.col, e.message)
}

#[test]
fn title_and_async_messages() {
    let d = diagram("zenuml\n    title Demo\n    Alice->John: Hello John, how are you?\n    John->Alice: Great!");
    assert_eq!(d.title.as_deref(), Some("Demo"));
    assert!(d.participants[0].hidden, "no starter needed");
    assert_eq!(
        summary("zenuml\n  title T\n  Alice->John: Hello, you?\n  John->Alice: Great!"),
        "Alice->John:Hello, you? John->Alice:Great!"
    );
    // A sender-less async message comes from the starter.
    assert_eq!(summary("zenuml\nB: event"), "_STARTER_->B:event");
    // A block closed on the message's line.
    assert_eq!(
        summary("zenuml\nopt { A->B: hi }\nA->B: a}b"),
        "Opt[ | A->B:hi ] A->B:a}b"
    );
}

#[test]
fn declarations_annotators_aliases_stereotypes() {
    let d = diagram(
        "zenuml\n@Actor Alice\n@Database Bob\nA as Alice2\nparticipant <<Service>> S #FF5733 120\n@Boundary \"Web App\"\n@Control C\n@Entity E\n@Queue Q\n@Collections L\n@Whatever W",
    );
    let p = |id: &str| d.participants.iter().find(|p| p.id == id).unwrap();
    assert_eq!(p("Alice").kind, Kind::Actor);
    assert_eq!(p("Bob").kind, Kind::Database);
    assert_eq!(p("A").label, "Alice2");
    assert_eq!(p("S").stereotype.as_deref(), Some("Service"));
    assert_eq!(p("S").color.as_deref(), Some("#FF5733"));
    assert_eq!(p("S").width, Some(120.0));
    assert_eq!(p("Web App").kind, Kind::Boundary);
    assert_eq!(p("C").kind, Kind::Control);
    assert_eq!(p("E").kind, Kind::Entity);
    assert_eq!(p("Q").kind, Kind::Queue);
    assert_eq!(p("L").kind, Kind::Collections);
    assert_eq!(p("W").kind, Kind::Plain);
    assert!(d.items.is_empty());
    // Declaration order is drawing order.
    let d = diagram("zenuml\nBob\nAlice\nAlice->Bob: Hi");
    let ids: Vec<&str> = d
        .participants
        .iter()
        .skip(1)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["Bob", "Alice"]);
}

#[test]
fn groups_and_starter() {
    let d =
        diagram("zenuml\ngroup \"Front\" {\n  @Actor User\n  Web\n}\n@Starter(User)\nWeb.load()");
    assert_eq!(d.groups.len(), 1);
    assert_eq!(d.groups[0].name, "Front");
    assert_eq!(d.groups[0].members.len(), 2);
    assert_eq!(
        summary("zenuml\n@Starter(User)\nWeb.load()"),
        "User.Web:load()"
    );
    assert!(diagram("zenuml\n@Starter(User)\nWeb.load()").participants[0].hidden);
}

#[test]
fn sync_calls_nest_and_self_calls() {
    assert_eq!(
        summary("zenuml\nA.SyncMessage\nA.SyncMessage(with, parameters) {\n  B.nestedSyncMessage()\n}"),
        "_STARTER_.A:SyncMessage _STARTER_.A:SyncMessage(with,parameters) { A.B:nestedSyncMessage() }"
    );
    assert_eq!(
        summary(
            "zenuml\nClient->A.method() {\n  selfCall() { return X }\n  A.service.doWork();\n}"
        ),
        "Client.A:method() { A.A:selfCall() { ret A->A:X } A.A:service.doWork() }"
    );
}

#[test]
fn creation_assignment_and_returns() {
    assert_eq!(
        summary("zenuml\nnew A1\nnew A2(with, parameters)\nx = new S() {\n  S.init()\n}"),
        "_STARTER_ new A1«create» _STARTER_ new A2«with,parameters» x=_STARTER_ new S«create» { S.S:init() }"
    );
    let d = diagram("zenuml\nnew A1\nA1.go()");
    assert!(
        d.participants
            .iter()
            .find(|p| p.id == "A1")
            .unwrap()
            .created
    );
    let d = diagram("zenuml\nA1.go()\nnew A1");
    assert!(
        !d.participants
            .iter()
            .find(|p| p.id == "A1")
            .unwrap()
            .created
    );
    assert_eq!(
        summary("zenuml\na = A.SyncMessage()\nSomeType b = A.SyncMessage()\nA.m() {\nreturn result\n}\n@return\nA->B: result\nA --> B: done\nc = X->Y.q()"),
        "a=_STARTER_.A:SyncMessage() b=_STARTER_.A:SyncMessage() _STARTER_.A:m() { ret A->_STARTER_:result } A-->B:result A-->B:done c=X.Y:q()"
    );
}

#[test]
fn fragments() {
    assert_eq!(
        summary("zenuml\nif(is_sick) {\n  Bob->Alice: no\n} else if (x > 1) {\n  Bob->Alice: maybe\n} else {\n  Bob->Alice: yes\n}"),
        "Alt[ |[is_sick] Bob->Alice:no |[x > 1] Bob->Alice:maybe |[else] Bob->Alice:yes ]"
    );
    for kw in [
        "while(true)",
        "for(i in xs)",
        "forEach(x)",
        "foreach(x)",
        "loop",
    ] {
        assert!(
            summary(&format!("zenuml\n{kw} {{\n A.b()\n}}")).starts_with("Loop["),
            "{kw}"
        );
    }
    assert_eq!(summary("zenuml\nopt {\n A->B: t\n}"), "Opt[ | A->B:t ]");
    assert_eq!(
        summary("zenuml\npar {\n A->B: t\n A->C: u\n}"),
        "Par[ | A->B:t A->C:u ]"
    );
    assert_eq!(
        summary("zenuml\ncritical(mutex) {\n A->B: t\n}"),
        "Critical[ |[mutex] A->B:t ]"
    );
    assert_eq!(
        summary("zenuml\nsection(Auth) {\n A->B: t\n}"),
        "Section[ |[Auth] A->B:t ]"
    );
    assert_eq!(
        summary("zenuml\nframe(V) {\n A->B: t\n}"),
        "Section[ |[V] A->B:t ]"
    );
    assert_eq!(summary("zenuml\n{\n A->B: t\n}"), "Section[ | A->B:t ]");
    assert_eq!(
        summary("zenuml\ntry {\n A->B: t\n} catch (IOException e) {\n B->A: f\n} catch {\n B->A: g\n} finally {\n A->B: r\n}"),
        "Try[ | A->B:t |catch(IOException e) B->A:f |catch B->A:g |finally A->B:r ]"
    );
    assert_eq!(
        summary("zenuml\nref(AuthFlow)\n== Setup Phase =="),
        "ref AuthFlow == Setup Phase"
    );
}

#[test]
fn comments_belong_to_the_next_statement() {
    let d = diagram("zenuml\n  // on a participant\n  B\n  // on a message\n  // **two** lines\n  B.get() {\n    // inner\n    C.x()\n  }");
    assert_eq!(d.items.len(), 1, "{d:?}");
    assert_eq!(
        d.items[0].comment.as_deref(),
        Some("on a message\n**two** lines")
    );
    assert_eq!(
        summary("zenuml\n// note\n@return\nA->B: r\n%% mermaid comment\nA->B: s"),
        "//note A-->B:r A->B:s"
    );
}

#[test]
fn accessibility_lines() {
    let d = diagram("zenuml\naccTitle: Acc\naccDescr: Described\nA->B: x");
    assert_eq!(d.acc_title.as_deref(), Some("Acc"));
    assert_eq!(d.acc_descr.as_deref(), Some("Described"));
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("zenuml\nA.m() {\n  B.n()\n", 2, 7, "`{` is never closed"),
        ("zenuml\nA.m()\n}", 3, 1, "unexpected `}`"),
        ("zenuml\nelse {\n}", 2, 1, "`else` without `if`"),
        ("zenuml\n  catch {\n}", 2, 3, "`catch` without `try`"),
        ("zenuml\nA.m(x, y", 2, 4, "`(` is never closed"),
        ("zenuml\nif (x)\nA.m()", 3, 1, "expected `{` after `if`"),
        (
            "zenuml\nnew",
            2,
            1,
            "expected a participant name after `new`",
        ),
        (
            "zenuml\nA -> : x",
            2,
            3,
            "expected a participant after `->`",
        ),
        ("zenuml\n  ?", 2, 3, "unexpected `?`"),
        ("zenuml\n<<Svc A", 2, 1, "`<<` is never closed"),
        (
            "zenuml\nA as B C",
            2,
            8,
            "unexpected `C` after participant `A`",
        ),
        ("zenuml\n@Starter A", 2, 10, "expected `(` after `@Starter`"),
        (
            "zenuml\nx = ?",
            2,
            5,
            "expected a call or `new` after `x =`",
        ),
        ("zenuml\nx = 5", 2, 6, "expected `.method()` after `x = 5`"),
        ("zenuml\nA.", 2, 3, "expected a method name after `.`"),
        ("zenuml\nA B", 2, 3, "unexpected `B` after `A`"),
        (
            "zenuml\ntry {\n} finally",
            3,
            10,
            "expected `{` after `finally`",
        ),
        ("zenuml\n@", 2, 1, "expected an annotation name"),
        (
            "zenuml\n@Starter()",
            2,
            1,
            "`@Starter()` needs a participant name",
        ),
        ("zenuml\nA as", 2, 5, "expected a name after `as`"),
        ("zenuml\ngroup G\nA", 3, 1, "expected `{` after `group`"),
        ("zenuml\ngroup G {\n A", 2, 9, "`{` is never closed"),
        ("zenuml\nv = X->Y", 2, 9, "expected `.method()` after `Y`"),
        (
            "zenuml\nA #fff ?",
            2,
            8,
            "unexpected `?` after participant `A`",
        ),
    ];
    for (src, line, col, msg) in cases {
        let (l, c, m) = error(src);
        assert!(m.contains(msg), "{src}: {m}");
        assert_eq!((l, c), (*line, *col), "{src}: {m}");
    }
    let many: String = (0..1100).map(|i| format!("P{i}\n")).collect();
    assert!(error(&format!("zenuml\n{many}"))
        .2
        .contains("too many participants"));
    let deep = format!("zenuml\n{}", "if(x) {\n".repeat(100));
    assert!(error(&deep).2.contains("nested too deeply"));
}

/// The numbers drawn, in drawing order.
fn numbers(src: &str) -> Vec<String> {
    let g = layout(&diagram(src));
    let mut v: Vec<(f64, String)> = g
        .texts
        .iter()
        .filter(|t| t.role == Role::Number)
        .map(|t| (t.baseline, t.tb.lines[0].text.clone()))
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v.into_iter().map(|x| x.1).collect()
}

#[test]
fn messages_are_numbered_hierarchically() {
    let src = "zenuml\nClient->A.method() {\n  B.method() {\n    if(condition) {\n      return x1\n      @return\n      A->Client: x11\n    }\n  }\n  return x2\n}";
    assert_eq!(
        numbers(src),
        ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2", "1.2"]
    );
    // An assignment draws its return as the call's last child.
    assert_eq!(
        numbers("zenuml\na = A.m()\nb = A.n()"),
        ["1", "1.1", "2", "2.1"]
    );
    // Sections number on through the fragment.
    assert_eq!(
        numbers("zenuml\nA->B: q\nif(s) {\n B->A: x\n} else {\n B->A: y\n}"),
        ["1", "2", "2.1", "2.2"]
    );
}

#[test]
fn activations_and_created_boxes() {
    let g = layout(&diagram("zenuml\nA.m() {\n  B.n()\n}\nnew C"));
    let occ = g
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Occurrence { .. }))
        .count();
    assert_eq!(occ, 3);
    // C's box sits lower than A's.
    let boxes = g.boxes();
    assert_eq!(boxes.len(), 4);
    let top = boxes.iter().map(|b| b.1).fold(f64::INFINITY, f64::min);
    let low = boxes.iter().map(|b| b.1).fold(f64::NEG_INFINITY, f64::max);
    assert!(low > top + 50.0, "{boxes:?}");
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
    "request",
    "a considerably longer phrase",
    "x",
    "数据",
    "W",
];

fn words(r: &mut Rng) -> String {
    let n = 1 + r.below(3);
    (0..n)
        .map(|_| WORDS[r.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn stmts(r: &mut Rng, parts: usize, depth: usize, n: usize, out: &mut String) {
    let p = |r: &mut Rng| format!("P{}", r.below(parts));
    for _ in 0..n {
        let ind = "  ".repeat(depth);
        if r.below(6) == 0 {
            out.push_str(&format!("{ind}// {}\n", words(r)));
        }
        match r.below(if depth > 3 { 5 } else { 10 }) {
            0 | 1 => out.push_str(&format!("{ind}{}->{}: {}\n", p(r), p(r), words(r))),
            2 => out.push_str(&format!("{ind}{}.call{}()\n", p(r), r.below(9))),
            3 => out.push_str(&format!("{ind}v = {}.get(a, b)\n", p(r))),
            4 => out.push_str(&format!("{ind}return {}\n", words(r))),
            5 => {
                out.push_str(&format!("{ind}{}.run() {{\n", p(r)));
                let k = 1 + r.below(3);
                stmts(r, parts, depth + 1, k, out);
                out.push_str(&format!("{ind}}}\n"));
            }
            6 => {
                out.push_str(&format!("{ind}if({}) {{\n", words(r)));
                let k = 1 + r.below(3);
                stmts(r, parts, depth + 1, k, out);
                out.push_str(&format!("{ind}}} else {{\n"));
                let k = 1 + r.below(2);
                stmts(r, parts, depth + 1, k, out);
                out.push_str(&format!("{ind}}}\n"));
            }
            7 => {
                let kw = ["while(x)", "opt", "par", "critical(c)", "section(s)"][r.below(5)];
                out.push_str(&format!("{ind}{kw} {{\n"));
                let k = 1 + r.below(3);
                stmts(r, parts, depth + 1, k, out);
                out.push_str(&format!("{ind}}}\n"));
            }
            8 => out.push_str(&format!("{ind}new N{}({})\n", r.below(1000), words(r))),
            _ => out.push_str(&format!(
                "{ind}selfCall{}() {{ return {} }}\n",
                r.below(9),
                words(r)
            )),
        }
    }
}

fn generate(seed: u64, parts: usize, n: usize) -> String {
    let mut r = Rng(seed.wrapping_mul(7919) + 1);
    let mut s = String::from("zenuml\ntitle Generated\n");
    if r.below(2) == 0 {
        s.push_str("@Actor P0\n@Database P1 as \"Store\"\n");
    }
    stmts(&mut r, parts, 0, n, &mut s);
    s
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    let e = 0.5;
    a.0 < b.2 - e && b.0 < a.2 - e && a.1 < b.3 - e && b.1 < a.3 - e
}

fn check_invariants(src: &str) {
    let g: Geometry = layout(&diagram(src));
    assert!(
        g.width.is_finite() && g.height.is_finite() && g.width > 0.0,
        "{src}"
    );
    let texts: Vec<_> = g
        .texts
        .iter()
        .filter(|t| !t.tb.lines.iter().all(|l| l.text.trim().is_empty()))
        .collect();
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            assert!(
                !overlaps(a.rect(), b.rect()),
                "{src}\n{:?} {:?} overlaps {:?} {:?}",
                a.tb.lines[0].text,
                a.rect(),
                b.tb.lines[0].text,
                b.rect()
            );
        }
    }
    let boxes = g.boxes();
    for t in &texts {
        let r = t.rect();
        let inside = boxes
            .iter()
            .filter(|b| {
                r.0 >= b.0 - 0.5 && r.2 <= b.2 + 0.5 && r.1 >= b.1 - 4.0 && r.3 <= b.3 + 4.0
            })
            .count();
        if matches!(t.role, Role::Participant | Role::Stereotype) {
            assert_eq!(inside, 1, "{src}: {:?} not in its box", t.tb.lines[0].text);
            continue;
        }
        for b in &boxes {
            assert!(
                !overlaps(r, *b),
                "{src}\n{:?} {:?} overlaps box {b:?}",
                t.tb.lines[0].text,
                r
            );
        }
    }
    // Every shape is on the canvas.
    for s in &g.shapes {
        if let Shape::Lifeline { x, .. } = s {
            let ax = x + g.dx;
            assert!(ax > 0.0 && ax < g.width, "{src}");
        }
    }
}

#[test]
fn layout_invariants_on_generated_diagrams() {
    for seed in 0..80 {
        let parts = 2 + (seed as usize % 5);
        check_invariants(&generate(seed, parts, 14));
    }
    check_invariants("zenuml\nA.m() {\n B.n()\n C->A: z\n}\nnew D(a, b)\nD->A: back");
}

fn opts(theme: Option<&str>) -> crate::Options {
    crate::Options {
        theme: theme.map(str::to_string),
        ..crate::Options::default()
    }
}

#[test]
fn generated_svg_is_well_formed_and_deterministic() {
    for seed in 0..8 {
        let src = generate(seed, 4, 12);
        let a = crate::render(&src, &opts(None)).expect("render");
        let b = crate::render(&src, &opts(None)).expect("render");
        assert_eq!(a.svg, b.svg);
        let tree = usvg::Tree::from_str(
            &a.svg,
            &usvg::Options {
                fontdb: crate::text::fontdb(),
                ..Default::default()
            },
        );
        assert!(tree.is_ok(), "{src}");
        assert!(!a.svg.contains("NaN"));
    }
}

#[test]
fn every_theme_renders_with_its_colours() {
    let src = "zenuml\ntitle T\n@Actor A\nA.m() {\n if(x) {\n  B->A: y\n }\n}";
    let light = crate::render(src, &opts(None)).unwrap().svg;
    assert!(light.contains("#dedede"), "ZenUML's grey bars by default");
    for t in crate::theme::THEMES {
        let svg = crate::render(src, &opts(Some(t))).unwrap().svg;
        assert!(svg.contains(">T<") && svg.contains(">m()<"), "{t}");
    }
    let dark = crate::render(src, &opts(Some("dark"))).unwrap().svg;
    assert_ne!(dark, light);
}

#[test]
fn hostile_text_is_escaped() {
    let svg = crate::render("zenuml\nA->B: <script>x</script> & \"q\"", &opts(None))
        .unwrap()
        .svg;
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;"));
}

#[test]
fn never_panics_on_odd_input() {
    crate::diagrams::testkit::odd_inputs_never_panic("zenuml", super::render);
    let pieces = [
        "A.m() {",
        "}",
        "{",
        "if(x) {",
        "} else {",
        "else",
        "try {",
        "} catch {",
        "} finally {",
        "A->B: x",
        "->",
        "A->",
        ": x",
        "new",
        "new X(",
        "return",
        "@return",
        "@",
        "@Actor",
        "@Starter(",
        "<<",
        "<<S>>",
        "title",
        "x =",
        "x = new Y",
        "A.",
        "A.b(",
        "(",
        ")",
        "==",
        "== x ==",
        "// c",
        "group {",
        "ref(",
        "par",
        "loop",
        "A as",
        "#fff",
        "数据.调用()",
        ";",
    ];
    let mut r = Rng(7);
    for _ in 0..500 {
        let mut src = String::from("zenuml\n");
        for _ in 0..r.below(12) {
            src.push_str(pieces[r.below(pieces.len())]);
            src.push(if r.below(3) == 0 { ' ' } else { '\n' });
        }
        if let Ok(d) = try_diagram(&src) {
            let g = layout(&d);
            assert!(g.width.is_finite() && g.height.is_finite(), "{src}");
        }
        let _ = crate::render(&src, &opts(None));
    }
    let _ = FragmentKind::Alt;
}

#[test]
fn deep_nesting_within_the_limit_renders() {
    let n = super::parse::MAX_DEPTH - 1;
    let src = format!(
        "zenuml\n{}A->B: deep\n{}",
        "if(x) {\nA.m() {\n".repeat(n / 2),
        "}\n}\n".repeat(n / 2)
    );
    let r = crate::render(&src, &opts(None)).expect("renders");
    assert!(r.svg.contains(">deep<"));
}
