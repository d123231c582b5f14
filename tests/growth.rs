//! Growth: doubling an input's size at most ~2.5× its cost, for the
//! shapes that used to blow up (chains, stars, `&` products, nesting,
//! class statements, long labels), counted in work units — the engine's
//! and parser's inner-loop counter (`mermaid_render::work`) and this
//! thread's allocations — never in wall-clock time. Plus the tiny-but-
//! costly reproducers of issue 16: each renders or is refused with a
//! message naming the budget, the value, the limit and the flag.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use mermaid_render::{render, Budgets, Error, Options};

mod common;

/// Counts this thread's allocations (calls and bytes); tests run on
/// threads of their own, so the counts are per test.
struct Counting;

thread_local! {
    static ALLOCS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| {
            let (n, b) = c.get();
            c.set((n + 1, b + layout.size() as u64));
        });
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| {
            let (n, b) = c.get();
            c.set((n + 1, b + new_size as u64));
        });
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Network-simplex pivot search per render is bounded by the pivot budget
/// (about 4 million units per solve, two solves: ranks and coordinates)
/// rather than linear; checked on its own.
const PIVOT_SCAN_BOUND: u64 = 2 * 4_000_000 + 1_000_000;

/// What rendering `src` cost: (work units, allocations, bytes allocated).
fn cost(src: &str) -> (u64, u64, u64) {
    let options = Options::default();
    mermaid_render::work::take();
    mermaid_render::work::take_pivot_scans();
    let before = ALLOCS.with(Cell::get);
    let r = render(src, &options);
    let after = ALLOCS.with(Cell::get);
    let work = mermaid_render::work::take();
    let pivots = mermaid_render::work::take_pivot_scans();
    assert!(pivots <= PIVOT_SCAN_BOUND, "{pivots} pivot-search units");
    let r = r.unwrap_or_else(|e| panic!("renders: {e}"));
    assert!(r.svg.ends_with("</svg>\n") || r.svg.ends_with("</svg>"));
    (work, after.0 - before.0, after.1 - before.1)
}

/// Doubling `n` (from `n` to `2n` and `2n` to `4n`) costs at most 2.5×
/// in every measure.
fn grows_linearly(name: &str, n: usize, make: impl Fn(usize) -> String) {
    let sizes = [n, 2 * n, 4 * n];
    let costs: Vec<(u64, u64, u64)> = sizes.iter().map(|&k| cost(&make(k))).collect();
    for w in costs.windows(2) {
        let (a, b) = (w[0], w[1]);
        for (what, x, y) in [
            ("work units", a.0, b.0),
            ("allocations", a.1, b.1),
            ("bytes allocated", a.2, b.2),
        ] {
            let ratio = y as f64 / x.max(1) as f64;
            assert!(
                ratio <= 2.5,
                "{name}: doubling the input multiplied the {what} by {ratio:.2} \
                 (sizes {sizes:?}, costs {costs:?})"
            );
        }
    }
}

fn chain(n: usize) -> String {
    let mut s = String::from("flowchart TD\n");
    for i in 0..n {
        let _ = writeln!(s, "n{i} --> n{}", i + 1);
    }
    s
}

#[test]
fn chains_grow_linearly() {
    grows_linearly("chain", 500, chain);
}

#[test]
fn stars_grow_linearly() {
    grows_linearly("star", 300, |n| {
        let mut s = String::from("flowchart LR\n");
        for i in 0..n {
            let _ = writeln!(s, "hub --> leaf{i}");
        }
        s
    });
}

#[test]
fn ampersand_products_grow_with_their_edges() {
    // One side doubles, the other stays at 8: the edges double too.
    grows_linearly("& product", 40, |n| {
        let a: Vec<String> = (0..n).map(|i| format!("A{i}")).collect();
        let b: Vec<String> = (0..8).map(|i| format!("B{i}")).collect();
        format!("flowchart TD\n{} --> {}\n", a.join(" & "), b.join(" & "))
    });
}

/// Nested subgraphs no edge enters each get a direction across their
/// parent's and are laid out on their own, level by level: each level's
/// graph holds only what lies directly in it (once copied O(depth²)
/// clusters: allocations ×2.6 per doubling of the depth).
#[test]
fn nesting_grows_linearly() {
    grows_linearly("nesting", 12, |n| {
        let mut s = String::from("flowchart TD\n");
        for i in 0..n {
            let _ = writeln!(s, "subgraph s{i}\nx{i} --> y{i}");
        }
        for _ in 0..n {
            s.push_str("end\n");
        }
        s
    });
}

#[test]
fn class_statements_grow_linearly() {
    grows_linearly("classDef + class", 500, |n| {
        let mut s = String::from("flowchart TD\nA --> B\n");
        for i in 0..n {
            let _ = writeln!(s, "classDef c{i} fill:#f{}0,stroke:#333", i % 10);
            let _ = writeln!(s, "class A c{i}");
        }
        s
    });
}

#[test]
fn label_length_grows_linearly() {
    grows_linearly("label length", 2_000, |n| {
        format!("flowchart TD\nA[\"{}\"] --> B\n", "word ".repeat(n / 5))
    });
}

/// The budget error's message, checked to name everything a user needs.
fn refused(src: &str, budgets: Budgets, name: &str, flag: &str) -> String {
    let options = Options {
        budgets,
        ..Options::default()
    };
    mermaid_render::work::take();
    let e = match render(src, &options) {
        Err(e @ Error::Budget(_)) => e,
        other => panic!("expected the {name} budget to refuse it, got {other:?}"),
    };
    let p = e.as_parse().expect("budget errors are located");
    assert!(p.span.line >= 1, "{p:?}");
    let msg = e.to_string();
    assert!(msg.contains(&format!("{name} budget")), "{msg}");
    assert!(msg.contains(flag), "{msg}");
    msg
}

#[test]
fn ampersand_product_is_counted_before_it_is_built() {
    let a: Vec<String> = (0..300).map(|i| format!("A{i}")).collect();
    let b: Vec<String> = (0..300).map(|i| format!("B{i}")).collect();
    let src = format!("flowchart TD\n{} --> {}\n", a.join("&"), b.join("&"));
    assert!(src.len() < 4_000);
    let budgets = Budgets {
        max_edges: 50_000,
        ..Budgets::default()
    };
    let msg = refused(&src, budgets, "edge", "--max-edges");
    assert!(
        msg.contains("90000 edges") && msg.contains("50000"),
        "{msg}"
    );
    // No edge was built and nothing was laid out.
    assert_eq!(mermaid_render::work::take(), 0);
}

#[test]
fn deep_nesting_is_refused_at_the_default_budget() {
    let mut s = String::from("flowchart TD\n");
    for i in 0..200 {
        let _ = writeln!(s, "subgraph s{i}");
    }
    s.push_str("x --> y\n");
    for _ in 0..200 {
        s.push_str("end\n");
    }
    let msg = refused(&s, Budgets::default(), "nesting", "--max-nesting");
    assert!(msg.contains("101 levels") && msg.contains("100"), "{msg}");
}

#[test]
fn a_long_label_is_refused_at_the_default_budget() {
    let src = format!("flowchart TD\nA[\"{}\"] --> B\n", "word ".repeat(20_000));
    let msg = refused(&src, Budgets::default(), "label", "--max-label-chars");
    assert!(
        msg.contains("100000 characters") && msg.contains("50000"),
        "{msg}"
    );
}

#[test]
fn edge_labels_and_titles_count_too() {
    let long = "x".repeat(200);
    let small = Budgets {
        max_label_chars: 100,
        ..Budgets::default()
    };
    refused(
        &format!("flowchart TD\nA -->|{long}| B\n"),
        small,
        "label",
        "--max-label-chars",
    );
    refused(
        &format!("flowchart TD\nsubgraph s [\"{long}\"]\nA\nend\n"),
        small,
        "label",
        "--max-label-chars",
    );
    refused(
        &format!("flowchart TD\nA@{{ label: \"{long}\" }}\n"),
        small,
        "label",
        "--max-label-chars",
    );
}

#[test]
fn node_budget_names_the_node() {
    let budgets = Budgets {
        max_nodes: 1_000,
        ..Budgets::default()
    };
    let msg = refused(&chain(5_000), budgets, "node", "--max-nodes");
    assert!(msg.contains("`n1000`") && msg.contains("1001"), "{msg}");
}

#[test]
fn many_class_statements_render() {
    let mut s = String::from("flowchart TD\nA --> B\n");
    for i in 0..10_000 {
        let _ = writeln!(s, "classDef c{i} fill:#f{}0\nclass A c{i}", i % 10);
    }
    let (work, _, _) = cost(&s);
    // One lookup per class statement (and a few per node), not one per
    // definition and statement (10⁸).
    assert!(work < 200_000, "{work} work units");
}

#[test]
fn a_huge_png_is_refused_before_any_drawing() {
    let r = render("flowchart TD\nA-->B\n", &Options::default()).expect("renders");
    // `-w 32760` of a 60-byte diagram.
    let scale = (32_760.0 / r.width) as f32;
    match r.png(scale) {
        Err(e @ Error::PngBudget { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("--max-png-pixels"), "{msg}");
            assert!(msg.contains(&Budgets::default().max_png_pixels.to_string()));
        }
        other => panic!(
            "expected the PNG budget to refuse it, got {:?}",
            other.map(|p| p.len())
        ),
    }
    // The SVG is untouched and a small PNG still works.
    assert!(r.svg.contains("</svg>"));
    assert!(r.png(1.0).is_ok());
}

#[test]
fn the_png_budget_is_an_option() {
    let options = Options {
        budgets: Budgets {
            max_png_pixels: 100,
            ..Budgets::default()
        },
        ..Options::default()
    };
    let r = render("flowchart TD\nA-->B\n", &options).expect("renders");
    assert!(matches!(r.png(1.0), Err(Error::PngBudget { .. })));
}

#[test]
fn other_diagrams_render_after_a_refusal() {
    // Budgets refuse one diagram; the next render with the same options
    // is unaffected.
    let budgets = Budgets {
        max_nodes: 3,
        ..Budgets::default()
    };
    refused(
        "flowchart TD\nA-->B-->C-->D\n",
        budgets,
        "node",
        "--max-nodes",
    );
    let options = Options {
        budgets,
        ..Options::default()
    };
    assert!(render("flowchart TD\nA-->B-->C\n", &options).is_ok());
    assert!(render("pie\n\"a\": 1\n", &options).is_ok());
}

// ---------------------------------------------------------------------
// Other diagram types: the shapes that used to grow faster than n log n
// (issue 16), and their budgets.

/// A sankey chain: one node per column, every label wanting the same
/// place (once cubic: each label checked against every label above it,
/// moving down one at a time; node lookup by a linear search). Labels now
/// look only at the cells around them, but a chain's labels still cascade
/// (each below all its neighbours, quadratic) until the placement's work
/// cap (128 per node + 200,000 cells and boxes) is spent; from about 1,000
/// links on, the cap holds and the work is linear.
#[test]
fn sankey_chains_grow_linearly() {
    grows_linearly("sankey chain", 1_000, |n| {
        let mut s = String::from("sankey-beta\n");
        for i in 0..n {
            let _ = writeln!(s, "n{i},n{},1", i + 1);
        }
        s
    });
}

/// A sankey star: one hub linked to every leaf (once quadratic: each
/// leaf's move re-sorted all the hub's links and walked them to find its
/// own; a hub's list is now indexed and re-sorted once per column pass).
#[test]
fn sankey_stars_grow_linearly() {
    grows_linearly("sankey star", 1_000, |n| {
        let mut s = String::from("sankey-beta\n");
        for i in 0..n {
            let _ = writeln!(s, "hub,leaf{i},{}", i % 7 + 1);
        }
        s
    });
}

/// An architecture chain: every edge routed among every service (once
/// quadratic: the search grid and each step's obstacle test covered the
/// whole diagram).
#[test]
fn architecture_chains_grow_linearly() {
    grows_linearly("architecture chain", 250, |n| {
        let mut s = String::from("architecture-beta\n");
        for i in 0..n {
            let _ = writeln!(s, "  service s{i}(server)[S{i}]");
        }
        for i in 0..n.saturating_sub(1) {
            let _ = writeln!(s, "  s{i}:R -- L:s{}", i + 1);
        }
        s
    });
}

/// Kanban cards (once quadratic: each card's text searched the rest of
/// the source for `@{`).
#[test]
fn kanban_cards_grow_linearly() {
    grows_linearly("kanban cards", 500, |n| {
        let mut s = String::from("kanban\n  col\n");
        for i in 0..n {
            let _ = writeln!(s, "    t{i}[T{i}]");
        }
        s
    });
}

/// Pie slices (once quadratic: each slice compared with every earlier
/// one for a repeated label).
#[test]
fn pie_slices_grow_linearly() {
    grows_linearly("pie slices", 500, |n| {
        let mut s = String::from("pie\n");
        for i in 0..n {
            let _ = writeln!(s, "  \"s{i}\" : {}", i + 1);
        }
        s
    });
}

/// What `render` says of `src` under `budgets`, when it refuses it: the
/// line of the error and its message.
fn refused_at(src: &str, budgets: Budgets, name: &str, flag: &str) -> (usize, String) {
    let options = Options {
        budgets,
        ..Options::default()
    };
    let e = match render(src, &options) {
        Err(e @ Error::Budget(_)) => e,
        other => panic!("expected the {name} budget to refuse it, got {other:?}"),
    };
    let line = e.as_parse().expect("budget errors are located").span.line;
    let msg = e.to_string();
    assert!(
        msg.contains(&format!("more than the {name} budget of ")),
        "{msg}"
    );
    assert!(msg.contains(&format!("(raise it with {flag})")), "{msg}");
    // The same options still render a diagram within the budgets.
    assert!(render("pie\n\"a\": 1\n", &options).is_ok());
    (line, msg)
}

fn nodes(n: usize) -> Budgets {
    Budgets {
        max_nodes: n,
        ..Budgets::default()
    }
}

fn edges(n: usize) -> Budgets {
    Budgets {
        max_edges: n,
        ..Budgets::default()
    }
}

fn nesting(n: usize) -> Budgets {
    Budgets {
        max_nesting: n,
        ..Budgets::default()
    }
}

fn labels(n: usize) -> Budgets {
    Budgets {
        max_label_chars: n,
        ..Budgets::default()
    }
}

#[test]
fn node_budget_in_other_types() {
    let cases = [
        ("sequenceDiagram\nA->>B: x\nB->>C: y\nC->>D: z\n", 4, "participant is number 4"),
        ("classDiagram\nA <|-- B\nB <|-- C\nC <|-- D\n", 4, "class is number 4"),
        ("stateDiagram-v2\nA --> B\nB --> C\nC --> D\n", 4, "state is number 4"),
        ("erDiagram\nA ||--o{ B : r\nB ||--o{ C : r\nC ||--o{ D : r\n", 4, "entity is number 4"),
        ("pie\n\"a\": 1\n\"b\": 2\n\"c\": 3\n\"d\": 4\n", 5, "slice is number 4"),
        ("kanban\n  col\n    a[A]\n    b[B]\n    c[C]\n", 5, "column or card is number 4"),
        ("sankey-beta\na,b,1\nb,c,1\nc,d,1\n", 4, "node is number 4"),
        ("mindmap\n  root\n    a\n    b\n    c\n", 5, "node is number 4"),
        ("gantt\n  section S\n  a :a, 2024-01-01, 1d\n  b :b, 2024-01-02, 1d\n  c :c, 2024-01-03, 1d\n  d :d, 2024-01-04, 1d\n", 6, "task is number 4"),
        ("block-beta\n  a\n  b\n  c\n  d\n", 5, "block is number 4"),
    ];
    for (src, line, what) in cases {
        let (l, msg) = refused_at(src, nodes(3), "node", "--max-nodes");
        assert_eq!(l, line, "{msg}");
        assert!(msg.contains(what), "{msg}");
        // Within the budget, it renders.
        let options = Options {
            budgets: nodes(10),
            ..Options::default()
        };
        assert!(render(src, &options).is_ok(), "{src}");
    }
}

#[test]
fn edge_budget_in_other_types() {
    let cases = [
        ("sequenceDiagram\nA->>B: x\nB->>A: y\nA->>B: z\n", 4),
        ("classDiagram\nA <|-- B\nB <|-- C\nC <|-- D\n", 4),
        ("stateDiagram-v2\nA --> B\nB --> C\nC --> D\n", 4),
        (
            "erDiagram\nA ||--o{ B : r\nB ||--o{ C : r\nC ||--o{ D : r\n",
            4,
        ),
        ("sankey-beta\na,b,1\nb,c,1\nc,d,1\n", 4),
        ("block-beta\n  a --> b\n  b --> c\n  c --> d\n", 4),
    ];
    for (src, line) in cases {
        let (l, msg) = refused_at(src, edges(2), "edge", "--max-edges");
        assert_eq!(l, line, "{msg}");
        assert!(msg.contains("is number 3"), "{msg}");
    }
}

#[test]
fn nesting_budget_in_other_types() {
    let deep = |open: &str, inner: &str, close: &str, head: &str, n: usize| {
        let mut s = format!("{head}\n");
        for i in 0..n {
            s.push_str(&open.replace("{i}", &i.to_string()));
            s.push('\n');
        }
        s.push_str(inner);
        s.push('\n');
        for _ in 0..n {
            s.push_str(close);
            s.push('\n');
        }
        s
    };
    let cases = [
        deep("state S{i} {", "A --> B", "}", "stateDiagram-v2", 5),
        deep("namespace N{i} {", "class A", "}", "classDiagram", 5),
        deep("block:b{i}", "x", "end", "block-beta", 5),
        deep("loop L{i}", "A->>B: x", "end", "sequenceDiagram", 5),
        {
            let mut s = String::from("mindmap\n");
            for i in 0..5 {
                let _ = writeln!(s, "{}n{i}", "  ".repeat(i + 1));
            }
            s
        },
    ];
    for src in cases {
        let (l, msg) = refused_at(&src, nesting(3), "nesting", "--max-nesting");
        assert_eq!(l, 5, "{msg}\n{src}");
        assert!(msg.contains("nested 4 levels deep"), "{msg}");
        let options = Options {
            budgets: nesting(5),
            ..Options::default()
        };
        assert!(render(&src, &options).is_ok(), "{src}");
    }
}

#[test]
fn label_budget_in_other_types() {
    let long = "x".repeat(200);
    let cases = [
        format!("sequenceDiagram\nA->>B: x\nA->>B: {long}\n"),
        format!("pie\n\"a\": 1\n\"{long}\": 2\n"),
        format!("kanban\n  col\n    a[A]\n    b[{long}]\n"),
        format!("classDiagram\nclass A\nclass B[\"{long}\"]\n"),
        format!("journey\n  section S\n  {long}: 5: Me\n"),
        format!("timeline\n  2024 : a\n  {long} : b\n"),
    ];
    for src in &cases {
        let (l, msg) = refused_at(src, labels(100), "label", "--max-label-chars");
        let line = if src.starts_with("kanban") { 4 } else { 3 };
        assert_eq!(l, line, "{msg}\n{src}");
        assert!(msg.contains("characters"), "{msg}");
        let options = Options {
            budgets: labels(300),
            ..Options::default()
        };
        assert!(render(src, &options).is_ok(), "{src}");
    }
}

/// Venn's layout weighs every pair of sets: more than 64 are refused.
#[test]
fn venn_sets_are_capped() {
    let mut s = String::from("venn-beta\n");
    for i in 0..65 {
        let _ = writeln!(s, "  set S{i}");
    }
    let e = render(&s, &Options::default()).expect_err("65 sets are refused");
    let p = e.as_parse().expect("located");
    assert_eq!(p.span.line, 66, "{e}");
    assert!(e.to_string().contains("at most 64"), "{e}");
}

/// In a document, a diagram of another type over a budget is reported
/// with its line in the document; the next diagram is still written.
#[test]
fn an_over_budget_sequence_leaves_the_next_diagram_rendered() {
    let t = common::Tmp::new("growth", "budget-doc");
    let doc = "# Doc\n\n```mermaid\nsequenceDiagram\nA->>B: x\nB->>C: y\nC->>D: z\n```\n\n```mermaid\npie\n\"a\": 1\n```\n";
    std::fs::write(t.path().join("doc.md"), doc).unwrap();
    let out = t.path().join("out");
    let o = common::run(&[
        &t.s("doc.md"),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
        "--max-nodes",
        "3",
    ]);
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("doc.md:7:1: error: this participant is number 4, more than the node budget of 3 (raise it with --max-nodes)"),
        "{err}"
    );
    assert!(out.join("doc-2.svg").exists(), "{err}");
    assert!(!out.join("doc-1.svg").exists(), "{err}");
}

#[test]
fn node_budget_in_chart_and_tree_types() {
    let cases = [
        (
            "C4Context\nPerson(a, \"A\")\nPerson(b, \"B\")\nPerson(c, \"C\")\nPerson(d, \"D\")\n",
            5,
        ),
        ("treemap-beta\n\"a\": 1\n\"b\": 2\n\"c\": 3\n\"d\": 4\n", 5),
        ("treeView-beta\n  a\n  b\n  c\n  d\n", 5),
        (
            "quadrantChart\n  A: [0.1, 0.2]\n  B: [0.2, 0.3]\n  C: [0.3, 0.4]\n  D: [0.4, 0.5]\n",
            5,
        ),
        (
            "packet-beta\n  0-1: \"a\"\n  2-3: \"b\"\n  4-5: \"c\"\n  6-7: \"d\"\n",
            5,
        ),
        ("xychart-beta\n  bar [1, 2, 3, 4]\n", 2),
        ("timeline\n  a : x\n  b : y\n  c : z\n  d : w\n", 5),
        (
            "journey\n  section S\n  a: 5: Me\n  b: 5: Me\n  c: 5: Me\n  d: 5: Me\n",
            6,
        ),
    ];
    for (src, line) in cases {
        let (l, msg) = refused_at(src, nodes(3), "node", "--max-nodes");
        assert_eq!(l, line, "{msg}\n{src}");
        let options = Options {
            budgets: nodes(10),
            ..Options::default()
        };
        assert!(render(src, &options).is_ok(), "{src}");
    }
}

#[test]
fn nesting_budget_in_tree_types() {
    let mut tree = String::from("treeView-beta\n");
    let mut map = String::from("treemap-beta\n");
    for i in 0..5 {
        let _ = writeln!(tree, "{}n{i}", "  ".repeat(i + 1));
        let _ = writeln!(map, "{}\"n{i}\"", "  ".repeat(i));
    }
    map.push_str(&format!("{}\"leaf\": 1\n", "  ".repeat(5)));
    for src in [tree, map] {
        let (l, msg) = refused_at(&src, nesting(3), "nesting", "--max-nesting");
        assert_eq!(l, 5, "{msg}\n{src}");
        assert!(msg.contains("nested 4 levels deep"), "{msg}");
    }
}
