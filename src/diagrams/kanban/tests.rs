//! Parser cases, located errors, layout invariants, links, SVG
//! well-formedness and determinism.

use super::draw::ticket_url;
use super::layout::{layout, LayoutOptions};
use super::model::{Board, Priority};
use super::parse::parse;
use crate::config::Config;
use crate::diagrams::Context;
use crate::syntax::{read_preamble, ParseError};

fn board(src: &str) -> Result<Board, ParseError> {
    parse(&read_preamble(src).expect("preamble"))
}

fn summary(src: &str) -> String {
    let b = board(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    b.columns
        .iter()
        .map(|c| {
            let items: Vec<String> = c
                .items
                .iter()
                .map(|i| format!("{}={}", i.id, i.text))
                .collect();
            format!("{}:{}[{}]", c.id, c.title, items.join(","))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn columns_and_items() {
    assert_eq!(
        summary(
            "kanban\n  todo[Todo]\n    a[Write]\n    [No id]\n  Doing\n    b[Run]\n  done[Done]"
        ),
        "todo:Todo[a=Write,No id=No id] Doing:Doing[b=Run] done:Done[]"
    );
    // Columns at column 0, items indented.
    assert_eq!(
        summary("kanban\ntodo[Todo]\n  id3[Update]"),
        "todo:Todo[id3=Update]"
    );
    // Deeper items stay in their column.
    assert_eq!(summary("kanban\nc\n  a\n    b"), "c:c[a=a,b=b]");
}

#[test]
fn metadata() {
    let b = board("kanban\ntodo\n  a[A]@{ ticket: MC-1, assigned: 'knsv', priority: 'Very High' }\n  b[B]@{ priority: \"Low\" }\n  c[C] @{ assigned: x,\n  priority: 'High' }\n  d[D]@{ priority: 'Very Low' }\n  e[E]").unwrap();
    let it = &b.columns[0].items;
    assert_eq!(it[0].ticket.as_deref(), Some("MC-1"));
    assert_eq!(it[0].assigned.as_deref(), Some("knsv"));
    assert_eq!(it[0].priority, Some(Priority::VeryHigh));
    assert_eq!(it[1].priority, Some(Priority::Low));
    assert_eq!(it[2].assigned.as_deref(), Some("x"));
    assert_eq!(it[2].priority, Some(Priority::High));
    assert_eq!(it[3].priority, Some(Priority::VeryLow));
    assert_eq!(
        it[4],
        super::model::Item {
            id: "e".into(),
            text: "E".into(),
            ..Default::default()
        }
    );
    assert_eq!(it.len(), 5);
}

#[test]
fn text_forms() {
    let b = board(
        "kanban\nc[\"Quoted [x]\"]\n  a[`**md**`]\n  b[One<br>Two]\n  d[Has [brackets] inside]",
    )
    .unwrap();
    assert_eq!(b.columns[0].title, "Quoted [x]");
    assert!(b.columns[0].items[0].markdown);
    assert_eq!(b.columns[0].items[0].text, "**md**");
    assert_eq!(b.columns[0].items[1].text, "One\nTwo");
    assert_eq!(b.columns[0].items[2].text, "Has [brackets] inside");
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        ("kanban\ntodo[Todo\n  a", (2, 5), "unclosed `[`"),
        (
            "kanban\ntodo\n  a[A]@{ priority: 'Urgent' }",
            (3, 10),
            "unknown priority",
        ),
        ("kanban\ntodo\n  a[A]@{ ticket: 1", (3, 7), "unclosed `@{`"),
        ("kanban\ntodo\n  a[A] extra", (3, 8), "unexpected `extra`"),
        (
            "kanban\ntodo\n  a[A]@{ nonsense }",
            (3, 10),
            "not a `key: value` pair",
        ),
        ("kanban\ntodo[T] more", (2, 9), "after the column"),
    ];
    for (src, (line, col), msg) in cases {
        let e = board(src).expect_err(src);
        assert_eq!(
            (e.span.line, e.span.col),
            (*line, *col),
            "{src}: {}",
            e.message
        );
        assert!(e.message.contains(msg), "{src}: {}", e.message);
    }
}

#[test]
fn ticket_links_are_http_only() {
    let base = Some("https://x.example/browse/#TICKET#");
    assert_eq!(
        ticket_url(base, "MC-1").as_deref(),
        Some("https://x.example/browse/MC-1")
    );
    assert_eq!(
        ticket_url(Some("javascript:alert(1)//#TICKET#"), "MC-1"),
        None
    );
    assert_eq!(ticket_url(base, "a\"b"), None);
    assert_eq!(ticket_url(None, "MC-1"), None);
}

#[test]
fn generated_boards_have_no_overlaps() {
    let words = [
        "short",
        "a much longer card text that has to wrap over several lines",
        "中文卡片内容",
        "x",
    ];
    for seed in 0..20usize {
        let mut src = String::from("kanban\n");
        for c in 0..(seed % 5 + 1) {
            src.push_str(&format!("  col{c}[Column {c} {}]\n", words[(seed + c) % 4]));
            for i in 0..((seed * 7 + c) % 6) {
                let meta = match (seed + i) % 4 {
                    0 => "@{ ticket: MC-12345, assigned: 'Someone With A Long Name', priority: 'High' }",
                    1 => "@{ assigned: 'k' }",
                    2 => "@{ ticket: T-1 }",
                    _ => "",
                };
                src.push_str(&format!("    i{c}x{i}[{}]{meta}\n", words[(seed + i) % 4]));
            }
        }
        let b = board(&src).unwrap();
        let g = layout(&b, &LayoutOptions::default());
        for (k, col) in g.columns.iter().enumerate() {
            assert!(
                col.x + col.w <= g.width && col.y + col.h <= g.height,
                "{src}"
            );
            if let Some(next) = g.columns.get(k + 1) {
                assert!(col.x + col.w < next.x, "{src}");
            }
            assert!(col.title.width <= col.w, "{src}");
            let mut prev_bottom = col.y + 24.0;
            for c in &col.cards {
                assert!(c.y > prev_bottom, "{src}: cards overlap");
                prev_bottom = c.y + c.h;
                assert!(
                    c.x >= col.x && c.x + c.w <= col.x + col.w && c.y + c.h <= col.y + col.h,
                    "{src}"
                );
                let mut boxes = vec![c.text.bounds()];
                boxes.extend(c.ticket.iter().map(|t| t.bounds()));
                boxes.extend(c.assigned.iter().map(|t| t.bounds()));
                for (i, a) in boxes.iter().enumerate() {
                    assert!(
                        a.0 >= c.x
                            && a.2 <= c.x + c.w + 0.01
                            && a.1 >= c.y
                            && a.3 <= c.y + c.h + 0.01,
                        "{src}: text outside card"
                    );
                    for bb in &boxes[i + 1..] {
                        let apart = a.2 <= bb.0 || bb.2 <= a.0 || a.3 <= bb.1 || bb.3 <= a.1;
                        assert!(apart, "{src}: texts overlap");
                    }
                }
            }
        }
    }
}

fn render(src: &str, theme: Option<&str>) -> String {
    let pre = read_preamble(src).unwrap();
    let config = Config::resolve(&crate::config::Value::object(), theme, &pre.config);
    let cx = Context::new(&config, "k1");
    super::render(&pre, &cx).unwrap().svg
}

#[test]
fn svg_is_well_formed_deterministic_and_linked() {
    let src = "---\nconfig:\n  kanban:\n    ticketBaseUrl: 'https://t.example/#TICKET#'\n---\nkanban\n  todo[To & do]\n    a[<b>A</b>]@{ ticket: MC-1, assigned: 'me', priority: 'Very High' }\n    b[`**B** *c*`]\n";
    for theme in [
        None,
        Some("dark"),
        Some("forest"),
        Some("neutral"),
        Some("base"),
    ] {
        let svg = render(src, theme);
        let opt = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        usvg::Tree::from_str(&svg, &opt).unwrap_or_else(|e| panic!("{theme:?}: {e}\n{svg}"));
        assert_eq!(svg, render(src, theme));
        assert!(svg.contains("To &amp; do") && svg.contains("&lt;b&gt;A&lt;/b&gt;"));
        assert!(svg.contains("href=\"https://t.example/MC-1\""));
        assert!(svg.contains("stroke=\"red\""));
    }
    let unsafe_base = src.replace("https://t.example/", "javascript:");
    assert!(!render(&unsafe_base, None).contains("href"));
}

#[test]
fn arbitrary_input_never_panics() {
    let pieces = [
        "todo",
        "[",
        "]",
        "(",
        ")",
        "@{",
        "}",
        " ticket:",
        " priority:",
        " 'High'",
        ",",
        "\n",
        "\n  ",
        "\"",
        "`",
        "é",
        "%%",
        "x",
        " ",
        "<br>",
        "'",
    ];
    let mut seed: u64 = 5;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for _ in 0..3000 {
        let mut s = String::from("kanban\n");
        for _ in 0..next(25) {
            s.push_str(pieces[next(pieces.len())]);
        }
        if let Ok(b) = board(&s) {
            let geo = layout(&b, &LayoutOptions::default());
            assert!(geo.width.is_finite() && geo.height.is_finite(), "{s}");
        }
    }
}
