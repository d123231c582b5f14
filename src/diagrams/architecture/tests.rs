//! Architecture tests: parser cases, located errors, layout invariants on
//! generated inputs, SVG well-formedness and determinism.

use super::layout::{layout, Boxed, Geometry};
use super::model::{Architecture, NodeKind, Side};
use super::{parse, render_architecture};
use crate::config::Config;
use crate::diagrams::Context;
use crate::syntax::ParseError;

fn parse_src(src: &str) -> Result<Architecture, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn arch(src: &str) -> Architecture {
    parse_src(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

fn svg_of(src: &str) -> String {
    let d = arch(src);
    let cfg = Config::default();
    let cx = Context::new(&cfg, "t").with_background(Some("white"));
    render_architecture(&d, &cx).svg
}

fn geometry(d: &Architecture) -> Geometry {
    layout(d, 16.0)
}

#[test]
fn groups_services_junctions_and_titles() {
    let d = arch("architecture-beta\n title Arch\n group api(cloud)[API]\n group inner[Inner] in api\n service db(database)[Database] in inner\n service s3(logos:aws-s3)[S3]\n junction j in api\n");
    assert_eq!(d.title.as_deref(), Some("Arch"));
    assert_eq!(d.groups.len(), 2);
    assert_eq!(d.groups[1].parent, Some(0));
    assert_eq!(d.nodes[0].group, Some(1));
    assert_eq!(d.nodes[1].icon.as_deref(), Some("logos:aws-s3"));
    assert_eq!(d.nodes[2].kind, NodeKind::Junction);
    assert_eq!(d.nodes[2].group, Some(0));
}

#[test]
fn edges_with_sides_arrows_groups_and_labels() {
    let d = arch("architecture-beta\n service a(server)[A]\n service b(disk)[B]\n a:R -- L:b\n a:R --> L:b\n a:T <-- B:b\n a:B <--> T:b\n a{group}:R -[Label]- L:b{group}\n a:L-->R:b\n");
    let e = &d.edges;
    assert_eq!(e.len(), 6);
    assert_eq!(
        (e[0].from_side, e[0].to_side, e[0].arrow_to),
        (Side::R, Side::L, false)
    );
    assert!(e[1].arrow_to && !e[1].arrow_from);
    assert!(e[2].arrow_from && !e[2].arrow_to);
    assert!(e[3].arrow_from && e[3].arrow_to);
    assert!(e[4].from_group && e[4].to_group);
    assert_eq!(e[4].label.as_deref(), Some("Label"));
    assert_eq!((e[5].from_side, e[5].to_side), (Side::L, Side::R));
}

#[test]
fn sides_place_services_on_the_grid() {
    let d = arch("architecture-beta\n service a(server)[A]\n service b(server)[B]\n service c(server)[C]\n a:R -- L:b\n a:B -- T:c\n");
    let g = geometry(&d);
    let (a, b, c) = (g.nodes[0].icon, g.nodes[1].icon, g.nodes[2].icon);
    assert!(b.x > a.x && (b.y - a.y).abs() < 1e-6, "b right of a");
    assert!(c.y > a.y && (c.x - a.x).abs() < 1e-6, "c below a");
}

#[test]
fn errors_are_located() {
    let (l, c, m) = err("architecture-beta\n service a(server)[A]\n a:Q -- L:b\n");
    assert_eq!((l, c), (3, 4), "{m}");
    let (l, c, m) = err("architecture-beta\n service a(server)[A]\n a:R -- L:zz\n");
    assert_eq!((l, c), (3, 11), "{m}");
    let (l, c, m) = err("architecture-beta\n service a(server)[A] in nowhere\n");
    assert_eq!((l, c), (2, 26), "{m}");
    let (l, c, m) = err("architecture-beta\n service a(server[A]\n");
    assert_eq!((l, c), (2, 11), "{m}");
    let (l, c, m) = err("architecture-beta\n service a\n service a\n");
    assert_eq!((l, c), (3, 10), "{m}");
    let (l, c, m) = err("architecture-beta\n hello world\n");
    assert_eq!((l, c), (2, 2), "{m}");
    let (l, _, m) = err("architecture-beta\n group a in b\n group b in a\n");
    assert!(l == 2 || l == 3, "{m}");
}

fn overlap(a: &Boxed, b: &Boxed) -> bool {
    a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5
}

/// Generated trees of services (each new one on a free side of an earlier
/// one), optionally all in one group: no title overlaps another title or
/// an icon, everything is inside the canvas.
#[test]
fn generated_diagrams_have_no_overlaps() {
    let icons = [
        "server",
        "database",
        "disk",
        "internet",
        "cloud",
        "logos:aws-s3",
    ];
    let titles = [
        "Server",
        "A long service title here",
        "db",
        "Gateway Internet Thing",
    ];
    let sides = [("R", "L"), ("L", "R"), ("T", "B"), ("B", "T")];
    let mut seed = 5u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for case in 0..30 {
        let grouped = case % 2 == 0;
        let mut src = String::from("architecture-beta\ntitle Generated\n");
        if grouped {
            src.push_str("group g(cloud)[Group]\n");
        }
        let n = 1 + next() % 10;
        let inn = if grouped { " in g" } else { "" };
        for k in 0..n {
            if next() % 5 == 0 {
                src.push_str(&format!("junction j{k}{inn}\n"));
            } else {
                src.push_str(&format!(
                    "service s{k}({})[{}]{inn}\n",
                    icons[next() % icons.len()],
                    titles[next() % titles.len()]
                ));
            }
        }
        let name = |k: usize, s: &str| {
            if s.contains(&format!("junction j{k}")) {
                format!("j{k}")
            } else {
                format!("s{k}")
            }
        };
        for k in 1..n {
            let p = next() % k;
            let (a, b) = sides[next() % 4];
            src.push_str(&format!(
                "{}:{a} --> {b}:{}\n",
                name(p, &src),
                name(k, &src)
            ));
        }
        let d = arch(&src);
        let g = geometry(&d);
        let canvas = Boxed {
            x: 0.0,
            y: 0.0,
            w: g.width,
            h: g.height,
        };
        let mut texts: Vec<Boxed> = g
            .nodes
            .iter()
            .filter_map(|n| n.title.as_ref().map(|t| t.1))
            .collect();
        texts.extend(
            g.groups
                .iter()
                .filter_map(|gr| gr.title.as_ref().map(|t| t.1)),
        );
        texts.extend(g.title.as_ref().map(|t| t.1));
        for (i, a) in texts.iter().enumerate() {
            assert!(
                a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= canvas.w && a.y + a.h <= canvas.h,
                "{src}"
            );
            for b in texts.iter().skip(i + 1) {
                assert!(!overlap(a, b), "texts overlap\n{src}");
            }
            for n in &g.nodes {
                assert!(!overlap(a, &n.icon), "a text overlaps an icon\n{src}");
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

#[test]
fn icons_are_never_fetched_and_output_is_deterministic() {
    let src = "architecture-beta\n service a(logos:aws-s3)[S3]\n service b(https://evil.example/x.svg)[B]\n a:R -- L:b\n";
    let svg = svg_of(src);
    assert_eq!(svg, svg_of(src));
    assert!(!svg.contains("<image"));
    assert!(!svg.contains("href"));
    assert!(svg.contains(">?<"));
}

/// Generated diagrams with several (nested) groups and edges between them:
/// group boxes are nested or apart, never crossing, and no title overlaps
/// another or an icon.
#[test]
fn generated_groups_never_cross() {
    let mut seed = 9u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let sides = [("R", "L"), ("L", "R"), ("T", "B"), ("B", "T")];
    for _case in 0..30 {
        let mut src = String::from("architecture-beta\n");
        let ng = 1 + next() % 4;
        for g in 0..ng {
            let parent = if g > 0 && next() % 2 == 0 {
                format!(" in g{}", next() % g)
            } else {
                String::new()
            };
            src.push_str(&format!("group g{g}(cloud)[Group {g}]{parent}\n"));
        }
        let n = 2 + next() % 8;
        for k in 0..n {
            let inn = if next() % 4 == 0 {
                String::new()
            } else {
                format!(" in g{}", next() % ng)
            };
            src.push_str(&format!("service s{k}(server)[Service {k}]{inn}\n"));
        }
        for k in 1..n {
            let (a, b) = sides[next() % 4];
            src.push_str(&format!("s{}:{a} -- {b}:s{k}\n", next() % k));
        }
        let d = arch(&src);
        let g = geometry(&d);
        let contains = |a: &Boxed, b: &Boxed| {
            a.x <= b.x && a.y <= b.y && a.x + a.w >= b.x + b.w && a.y + a.h >= b.y + b.h
        };
        for (i, a) in g.groups.iter().enumerate() {
            for b in g.groups.iter().skip(i + 1) {
                let (ra, rb) = (&a.rect, &b.rect);
                assert!(
                    !overlap(ra, rb) || contains(ra, rb) || contains(rb, ra),
                    "groups cross\n{src}"
                );
            }
        }
        let mut texts: Vec<Boxed> = g
            .nodes
            .iter()
            .filter_map(|n| n.title.as_ref().map(|t| t.1))
            .collect();
        texts.extend(
            g.groups
                .iter()
                .filter_map(|gr| gr.title.as_ref().map(|t| t.1)),
        );
        for (i, a) in texts.iter().enumerate() {
            for b in texts.iter().skip(i + 1) {
                assert!(!overlap(a, b), "texts overlap\n{src}");
            }
            for n in &g.nodes {
                assert!(!overlap(a, &n.icon), "a text overlaps an icon\n{src}");
            }
        }
    }
}

/// Generated diagrams with groups, junctions and extra edges on random
/// sides (some labelled, some `{group}` ends): no edge segment passes
/// through an icon or a title other than its own ends' icons, no label
/// covers an icon, a title or another label, and every point and label is
/// on the canvas.
#[test]
fn generated_edges_go_around_services() {
    let sides = ["L", "R", "T", "B"];
    let mut seed = 23u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _case in 0..40 {
        let mut src = String::from("architecture-beta\n");
        let groups = next() % 3;
        for k in 0..groups {
            src.push_str(&format!("group g{k}(cloud)[Group {k}]\n"));
        }
        let n = 2 + next() % 9;
        let mut in_group = Vec::new();
        for k in 0..n {
            let g = if groups > 0 && next() % 2 == 0 {
                Some(next() % groups)
            } else {
                None
            };
            in_group.push(g);
            let inn = g.map(|g| format!(" in g{g}")).unwrap_or_default();
            if next() % 6 == 0 {
                src.push_str(&format!("junction s{k}{inn}\n"));
            } else {
                src.push_str(&format!("service s{k}(server)[Service number {k}]{inn}\n"));
            }
        }
        for k in 1..n {
            let p = next() % k;
            let (a, b) = [("R", "L"), ("L", "R"), ("T", "B"), ("B", "T")][next() % 4];
            src.push_str(&format!("s{p}:{a} --> {b}:s{k}\n"));
        }
        for _ in 0..next() % 5 {
            let (p, k) = (next() % n, next() % n);
            if p == k {
                continue;
            }
            let (a, b) = (sides[next() % 4], sides[next() % 4]);
            let label = if next() % 2 == 0 { "[calls]" } else { "" };
            let (ga, gb) = (
                if in_group[p].is_some() && next() % 3 == 0 {
                    "{group}"
                } else {
                    ""
                },
                if in_group[k].is_some() && next() % 3 == 0 {
                    "{group}"
                } else {
                    ""
                },
            );
            if (!ga.is_empty() || !gb.is_empty()) && in_group[p] == in_group[k] {
                continue;
            }
            src.push_str(&format!("s{p}{ga}:{a} <-{label}-> {b}:s{k}{gb}\n"));
        }
        let d = arch(&src);
        let g = geometry(&d);
        let on_canvas = |b: &Boxed| {
            b.x >= -0.5 && b.y >= -0.5 && b.x + b.w <= g.width + 0.5 && b.y + b.h <= g.height + 0.5
        };
        let mut labels: Vec<Boxed> = Vec::new();
        for e in &g.edges {
            let m = &d.edges[e.index];
            for p in &e.points {
                assert!(
                    on_canvas(&Boxed {
                        x: p.x,
                        y: p.y,
                        w: 0.0,
                        h: 0.0
                    }),
                    "edge point off the canvas\n{src}"
                );
            }
            for (k, n) in g.nodes.iter().enumerate() {
                let own = k == m.from || k == m.to;
                for w in e.points.windows(2) {
                    if !own && n.icon.w > 0.0 {
                        assert!(
                            !super::route::cuts(&n.icon, w[0], w[1]),
                            "edge {} passes through s{k}'s icon\n{src}",
                            e.index
                        );
                    }
                    if let Some((_, t)) = &n.title {
                        if !own {
                            assert!(
                                !super::route::cuts(t, w[0], w[1]),
                                "edge {} passes through s{k}'s title\n{src}",
                                e.index
                            );
                        }
                    }
                }
            }
            if let Some((_, b)) = &e.label {
                assert!(on_canvas(b), "label off the canvas\n{src}");
                for n in &g.nodes {
                    assert!(!overlap(b, &n.icon), "label over an icon\n{src}");
                    if let Some((_, t)) = &n.title {
                        assert!(!overlap(b, t), "label over a title\n{src}");
                    }
                }
                for gr in &g.groups {
                    if let Some((_, t)) = &gr.title {
                        assert!(!overlap(b, t), "label over a group title\n{src}");
                    }
                }
                for o in &labels {
                    assert!(!overlap(b, o), "labels overlap\n{src}");
                }
                labels.push(*b);
            }
        }
    }
}
