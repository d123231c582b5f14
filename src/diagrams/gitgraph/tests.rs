//! Parser cases, located errors, layout invariants on generated graphs,
//! SVG well-formedness and determinism.

use super::layout::{layout, Geometry, LayoutOptions};
use super::model::{CommitKind, Direction, Graph};
use super::parse::{parse, ParseOptions};
use crate::config::Config;
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::syntax::{read_preamble, ParseError};

fn graph(src: &str) -> Result<Graph, ParseError> {
    let pre = read_preamble(src).expect("preamble");
    parse(&pre, &ParseOptions::default())
}

/// `branch:id[kind](parents){tags}` per commit.
fn summary(src: &str) -> String {
    let g = graph(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    g.commits
        .iter()
        .map(|c| {
            let kind = match c.kind {
                CommitKind::Normal => "",
                CommitKind::Reverse => "R",
                CommitKind::Highlight => "H",
                CommitKind::Merge => "M",
                CommitKind::CherryPick => "C",
            };
            let parents: Vec<String> = c.parents.iter().map(|&p| g.commits[p].id.clone()).collect();
            let mut s = format!("{}:{}{kind}", g.branches[c.branch].name, c.id);
            if !parents.is_empty() {
                s.push_str(&format!("({})", parents.join(",")));
            }
            if !c.tags.is_empty() {
                s.push_str(&format!("{{{}}}", c.tags.join(",")));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn error(src: &str) -> (usize, usize, String) {
    let e = graph(src).expect_err(src);
    (e.span.line, e.span.col, e.message)
}

#[test]
fn commits_with_ids_types_tags_and_messages() {
    assert_eq!(
        summary("gitGraph\n  commit id: \"a\"\n  commit id:\"b\" type: REVERSE tag: \"v1\"\n  commit type:HIGHLIGHT id: \"c\" msg: \"hello\"\n"),
        "main:a main:bR(a){v1} main:cH(b)"
    );
    let g = graph("gitGraph\ncommit \"just a message\"\ncommit msg: \"m\" tag: \"x\" tag: \"y\"")
        .unwrap();
    assert_eq!(g.commits[0].msg, "just a message");
    assert_eq!(g.commits[1].tags, vec!["x", "y"]);
    assert!(!g.commits[0].custom_id);
    assert!(g.commits[0].id.starts_with("0-"), "{}", g.commits[0].id);
    assert_eq!(g.commits[0].id.len(), 9);
}

#[test]
fn branches_checkout_switch_and_merge() {
    let s = summary(
        "gitGraph\ncommit id: \"1\"\nbranch dev\ncommit id: \"2\"\ncheckout main\ncommit id: \"3\"\nmerge dev id: \"m\" tag: \"t\"\nswitch dev\ncommit id: \"4\"",
    );
    assert_eq!(s, "main:1 dev:2(1) main:3(1) main:mM(3,2){t} dev:4(2)");
    // A merge with a type is drawn with that type.
    let g =
        graph("gitGraph\ncommit\nbranch b\ncommit\ncheckout main\nmerge b type: REVERSE").unwrap();
    assert_eq!(g.commits[2].kind, CommitKind::Reverse);
    assert!(g.commits[2].merge);
}

#[test]
fn branch_order_and_quoted_names() {
    let g =
        graph("gitGraph\ncommit\nbranch b order: 3\nbranch c order: 1\nbranch \"d/e f\"\ncommit")
            .unwrap();
    let names: Vec<&str> = g
        .lane_order()
        .iter()
        .map(|&b| g.branches[b].name.as_str())
        .collect();
    assert_eq!(names, vec!["main", "d/e f", "c", "b"]);
    let g = graph("gitGraph\ncommit\nbranch \"Feature A\n(ongoing)\"\ncommit").unwrap();
    assert_eq!(g.branches[1].name, "Feature A\n(ongoing)");
    let pre = read_preamble("gitGraph\ncommit\nbranch x\ncheckout trunk\ncommit").unwrap();
    let g = parse(
        &pre,
        &ParseOptions {
            main_branch_name: "trunk".into(),
            main_branch_order: 2.0,
        },
    )
    .unwrap();
    assert_eq!(g.lane_order(), vec![1, 0]);
    assert_eq!(g.commits[1].branch, 0);
}

#[test]
fn cherry_picks() {
    let s = summary(
        "gitGraph\ncommit id: \"a\"\nbranch b\ncommit id: \"x\"\ncheckout main\ncherry-pick id: \"x\"\ncherry-pick id: \"x\" tag: \"mine\"\ncherry-pick id: \"x\" tag: \"\"",
    );
    let parts: Vec<&str> = s.split(' ').collect();
    assert!(parts[2].ends_with("C(a,x){cherry-pick:x}"), "{s}");
    assert!(parts[3].ends_with("{mine}"), "{s}");
    assert!(!parts[4].contains('{'), "{s}");
    let s = summary(
        "gitGraph\ncommit id: \"a\"\nbranch b\ncommit id: \"b1\"\ncheckout main\ncommit id: \"c\"\nmerge b id: \"M\"\nbranch r\ncheckout b\ncherry-pick id: \"M\" parent: \"c\"",
    );
    assert!(s.ends_with("{cherry-pick:M|parent:c}"), "{s}");
}

#[test]
fn directions_comments_and_accessibility() {
    for (h, d) in [
        ("gitGraph", Direction::LeftRight),
        ("gitGraph:", Direction::LeftRight),
        ("gitGraph LR:", Direction::LeftRight),
        ("gitGraph TB:", Direction::TopBottom),
        ("gitGraph BT:", Direction::BottomTop),
        ("gitGraph TB", Direction::TopBottom),
    ] {
        let g = graph(&format!(
            "{h}\n  %% a comment\n  accTitle: T\n  accDescr {{\n d\n }}\n  title Hi\n  commit\n"
        ))
        .unwrap();
        assert_eq!(g.direction, d, "{h}");
        assert_eq!(g.acc_title.as_deref(), Some("T"));
        assert_eq!(g.acc_descr.as_deref(), Some("d"));
        assert_eq!(g.title.as_deref(), Some("Hi"));
        assert_eq!(g.commits.len(), 1);
    }
}

#[test]
fn merging_an_older_head_is_accepted_as_in_mermaid() {
    let s = summary(
        "gitGraph\ncommit id: \"a\"\nbranch b\ncheckout main\ncommit id: \"c\"\nmerge b id: \"m\"",
    );
    assert_eq!(s, "main:a main:c(a) main:mM(c,a)");
}

#[test]
fn repeated_commit_ids_are_accepted_as_in_mermaid() {
    assert_eq!(
        summary("gitGraph\ncommit id: \"a\"\ncommit id: \"a\""),
        "main:a main:a(a)"
    );
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        ("gitGraph\ncommit\nfoo bar", (3, 1), "unexpected `foo`"),
        ("gitGraph\ncommit\nmerge main", (3, 7), "into itself"),
        ("gitGraph\ncommit\nmerge nope", (3, 7), "branch `nope` does not exist"),
        ("gitGraph\ncommit\ncheckout nope", (3, 10), "branch `nope` does not exist"),
        ("gitGraph\ncommit\nbranch a\nbranch a", (4, 8), "already exists"),
        ("gitGraph\ncommit\nbranch a\ncheckout main\nmerge a", (5, 7), "same head"),
        ("gitGraph\nbranch a\ncommit\ncheckout main\nmerge a", (5, 1), "current branch `main` has no commits"),
        ("gitGraph\ncommit id: \"x\"\nbranch a\ncommit\ncheckout main\nmerge a id: \"x\"", (6, 9), "already exists"),
        ("gitGraph\ncommit\ncherry-pick id: \"zz\"", (3, 13), "no commit has id `zz`"),
        ("gitGraph\ncommit id: \"a\"\ncherry-pick id: \"a\"", (3, 13), "already on the current branch"),
        ("gitGraph\ncommit id: \"a\"\nbranch b\ncommit\ncheckout main\ncommit\nmerge b id: \"M\"\nbranch c\ncommit\ncherry-pick id: \"M\"", (10, 13), "merge commit"),
        ("gitGraph\ncommit id: \"a\"\nbranch b\ncommit\ncheckout main\ncommit\nmerge b id: \"M\"\nbranch c\ncommit\ncherry-pick id: \"M\" parent: \"a\"", (10, 21), "not a parent"),
        ("gitGraph\ncommit type: WEIRD", (2, 8), "unknown commit type `WEIRD`"),
        ("gitGraph\ncommit\nbranch b order: x", (3, 10), "must be a number"),
        ("gitGraph\ncommit id: \"a", (2, 12), "unclosed string"),
        ("gitGraph\ncommit\nbranch", (3, 1), "needs a branch name"),
        ("gitGraph\ncommit foo: \"x\"", (2, 8), "unexpected `foo:`"),
        ("gitGraph XY\ncommit", (1, 10), "unexpected `XY`"),
        ("gitGraph\ncherry-pick tag: \"x\"", (2, 1), "needs the id"),
    ];
    for (src, (line, col), msg) in cases {
        let (l, c, m) = error(src);
        assert_eq!((l, c), (*line, *col), "{src}: {m}");
        assert!(m.contains(msg), "{src}: {m}");
    }
}

// ---- layout invariants on generated graphs ----

/// A small deterministic generator (LCG).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A valid random git graph of about `ops` statements.
fn generated(seed: u64, ops: usize, header: &str) -> String {
    let mut r = Lcg(seed);
    let mut s = format!("{header}\ncommit\n");
    let mut branches = vec!["main".to_string()];
    let mut commits_on: Vec<usize> = vec![1];
    let mut cur = 0;
    let mut ids = 0;
    let words = [
        "fix",
        "feature-login-page",
        "a",
        "release-candidate-2024",
        "x1",
    ];
    for _ in 0..ops {
        match r.next(10) {
            0 | 1 if branches.len() < 7 => {
                let name = format!("{}{}", words[r.next(words.len())], branches.len());
                s.push_str(&format!("branch {name}\n"));
                branches.push(name);
                commits_on.push(0);
                cur = branches.len() - 1;
            }
            2 => {
                cur = r.next(branches.len());
                s.push_str(&format!("checkout {}\n", branches[cur]));
            }
            3 if branches.len() > 1 => {
                let other = r.next(branches.len());
                if other != cur && commits_on[other] > 0 {
                    s.push_str(&format!("commit\nmerge {}\n", branches[other]));
                    commits_on[cur] += 2;
                }
            }
            _ => {
                ids += 1;
                let mut line = "commit".to_string();
                if r.next(2) == 0 {
                    line.push_str(&format!(" id: \"{}{ids}\"", words[r.next(words.len())]));
                }
                if r.next(4) == 0 {
                    line.push_str(&format!(" tag: \"v{ids}.0\""));
                }
                if r.next(6) == 0 {
                    line.push_str(&format!(" tag: \"{}\"", words[r.next(words.len())]));
                }
                match r.next(5) {
                    0 => line.push_str(" type: HIGHLIGHT"),
                    1 => line.push_str(" type: REVERSE"),
                    _ => {}
                }
                s.push_str(&line);
                s.push('\n');
                commits_on[cur] += 1;
            }
        }
    }
    s
}

/// Separating-axis test for two convex polygons (touching is not
/// overlapping).
fn overlap(a: &[Point], b: &[Point]) -> bool {
    for poly in [a, b] {
        for i in 0..poly.len() {
            let (p, q) = (poly[i], poly[(i + 1) % poly.len()]);
            let n = (q.y - p.y, p.x - q.x);
            let proj = |s: &[Point]| {
                s.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| {
                    let d = v.x * n.0 + v.y * n.1;
                    (lo.min(d), hi.max(d))
                })
            };
            let len = (n.0 * n.0 + n.1 * n.1).sqrt().max(1e-9);
            let ((a0, a1), (b0, b1)) = (proj(a), proj(b));
            if a1 <= b0 + 0.5 * len || b1 <= a0 + 0.5 * len {
                return false;
            }
        }
    }
    true
}

#[test]
fn the_overlap_test_sees_overlaps() {
    let a = square(Point::new(0.0, 0.0), 5.0);
    assert!(overlap(&a, &square(Point::new(6.0, 6.0), 5.0)));
    assert!(!overlap(&a, &square(Point::new(11.0, 0.0), 5.0)));
    let diamond = vec![
        Point::new(9.0, 0.0),
        Point::new(18.0, 9.0),
        Point::new(9.0, 18.0),
        Point::new(0.0, 9.0),
    ];
    // Bounding boxes meet, the shapes do not.
    assert!(!overlap(&square(Point::new(0.0, 0.0), 4.0), &diamond));
}

fn square(c: Point, r: f64) -> Vec<Point> {
    vec![
        Point::new(c.x - r, c.y - r),
        Point::new(c.x + r, c.y - r),
        Point::new(c.x + r, c.y + r),
        Point::new(c.x - r, c.y + r),
    ]
}

fn check(geo: &Geometry, what: &str) {
    let texts = geo.text_boxes();
    for (i, (na, a)) in texts.iter().enumerate() {
        for p in a {
            assert!(
                p.x >= -0.01 && p.y >= -0.01 && p.x <= geo.width + 0.01 && p.y <= geo.height + 0.01,
                "{what}: {na} leaves the canvas"
            );
        }
        for (nb, b) in &texts[i + 1..] {
            assert!(!overlap(a, b), "{what}: {na} overlaps {nb}");
        }
        for c in &geo.commits {
            assert!(
                !overlap(a, &square(c.at, 9.0)),
                "{what}: {na} overlaps commit {}",
                c.index
            );
        }
    }
    for c in &geo.commits {
        assert!(
            c.at.x >= 10.0 && c.at.y >= 10.0,
            "{what}: commit {} outside",
            c.index
        );
        assert!(
            c.at.x <= geo.width - 10.0 && c.at.y <= geo.height - 10.0,
            "{what}"
        );
    }
}

#[test]
fn generated_graphs_have_no_overlapping_text() {
    for seed in 0..30u64 {
        for header in ["gitGraph", "gitGraph TB:", "gitGraph BT:"] {
            let src = generated(seed, 40, header);
            let g = graph(&src).unwrap_or_else(|e| panic!("{src}\n{e:?}"));
            for rotate in [true, false] {
                for parallel in [false, true] {
                    let o = LayoutOptions {
                        rotate_commit_label: rotate,
                        parallel_commits: parallel,
                        title: Some("A title".into()),
                        ..LayoutOptions::default()
                    };
                    let geo = layout(&g, &o);
                    check(
                        &geo,
                        &format!("seed {seed} {header} rotate={rotate} parallel={parallel}\n{src}"),
                    );
                }
            }
        }
    }
}

#[test]
fn lanes_follow_branch_order_and_commits_follow_sequence() {
    let g = graph("gitGraph\ncommit\nbranch a order: 2\ncommit\nbranch b order: 1\ncommit\ncheckout main\ncommit").unwrap();
    let geo = layout(&g, &LayoutOptions::default());
    let y: Vec<f64> = geo.commits.iter().map(|c| c.at.y).collect();
    assert!(y[0] < y[2] && y[2] < y[1], "{y:?}");
    assert_eq!(y[0], y[3]);
    let x: Vec<f64> = geo.commits.iter().map(|c| c.at.x).collect();
    assert!(x.windows(2).all(|w| w[1] - w[0] >= 50.0 - 1e-9), "{x:?}");
    // Parallel commits: the commits after a branch point share a column.
    let o = LayoutOptions {
        parallel_commits: true,
        ..LayoutOptions::default()
    };
    let g = graph("gitGraph\ncommit\nbranch a\ncommit\ncheckout main\ncommit").unwrap();
    let geo = layout(&g, &o);
    assert_eq!(geo.commits[1].at.x, geo.commits[2].at.x);
    // Hidden branches and labels.
    let o = LayoutOptions {
        show_branches: false,
        show_commit_label: false,
        ..LayoutOptions::default()
    };
    let geo = layout(&g, &o);
    assert!(geo.lanes.is_empty() && geo.commits.iter().all(|c| c.label.is_none()));
}

#[test]
fn merge_arrows_turn_at_the_merge_and_branch_arrows_at_the_parent() {
    let g = graph("gitGraph\ncommit\nbranch a\ncommit\ncheckout main\nmerge a").unwrap();
    let geo = layout(&g, &LayoutOptions::default());
    let (c0, c1, m) = (geo.commits[0].at, geo.commits[1].at, geo.commits[2].at);
    let branch = &geo
        .arrows
        .iter()
        .find(|a| a.points[0] == c0 && *a.points.last().unwrap() == c1)
        .unwrap()
        .points;
    assert_eq!(branch[1], Point::new(c0.x, c1.y));
    let merge = &geo
        .arrows
        .iter()
        .find(|a| a.points[0] == c1)
        .unwrap()
        .points;
    assert_eq!(merge[1], Point::new(m.x, c1.y));
    let d = super::draw::path_d(branch);
    assert!(d.starts_with("M ") && d.contains(" A 20 20 0 0 0 "), "{d}");
}

fn render(src: &str, theme: Option<&str>) -> String {
    let pre = read_preamble(src).unwrap();
    let config = Config::resolve(&crate::config::Value::object(), theme, &pre.config);
    let cx = Context::new(&config, "g1").with_background(Some("white"));
    super::render(&pre, &cx).unwrap().svg
}

#[test]
fn svg_is_well_formed_deterministic_and_themed() {
    let src = "---\ntitle: T & <b>\n---\ngitGraph\ncommit id: \"a<b>\" tag: \"v&1\"\nbranch dev\ncommit type: HIGHLIGHT\ncommit type: REVERSE\ncheckout main\nmerge dev\ncherry-pick id: \"a<b>\"\n";
    let src = src.replace(
        "cherry-pick id: \"a<b>\"\n",
        "branch x\ncherry-pick id: \"a<b>\"\n",
    );
    for theme in [
        None,
        Some("dark"),
        Some("forest"),
        Some("neutral"),
        Some("base"),
    ] {
        let svg = render(&src, theme);
        let opt = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        usvg::Tree::from_str(&svg, &opt).unwrap_or_else(|e| panic!("{theme:?}: {e}\n{svg}"));
        assert_eq!(svg, render(&src, theme));
        assert!(svg.contains("a&lt;b&gt;") && svg.contains("v&amp;1"));
        assert!(!svg.contains("<script") && !svg.contains("href"));
    }
    let svg = render(&src, None);
    // Default theme: git0 is the primary colour darkened (hsl(240,100%,46%)).
    assert!(svg.contains("#0000ec") || svg.contains("#0000ed"), "{svg}");
    let svg = render(
        "%%{init: {'themeVariables': {'git0': '#ff0000', 'commitLabelColor': '#00ff00'}}}%%\ngitGraph\ncommit",
        None,
    );
    assert!(svg.contains("#ff0000") && svg.contains("#00ff00"));
}

#[test]
fn config_is_read() {
    let src = "%%{init: {'gitGraph': {'showBranches': false, 'mainBranchName': 'trunk', 'rotateCommitLabel': false}}}%%\ngitGraph\ncommit id: \"only\"";
    let svg = render(src, None);
    assert!(!svg.contains("trunk") && !svg.contains("rotate(") && svg.contains(">only<"));
}

#[test]
fn arbitrary_input_never_panics() {
    let pieces = [
        "commit",
        " id:",
        " \"x\"",
        " tag:",
        "branch",
        " b",
        "checkout",
        " main",
        "merge",
        "cherry-pick",
        " type:",
        " REVERSE",
        " order:",
        " 3",
        "\n",
        "\"",
        "'",
        ":",
        "é",
        "%%",
        "{",
        "}",
        " parent:",
        "switch",
        "\n  ",
        "LR:",
        "TB:",
        "BT:",
    ];
    let mut r = Lcg(7);
    for _ in 0..3000 {
        let mut s = String::from("gitGraph");
        for _ in 0..r.next(25) {
            s.push_str(pieces[r.next(pieces.len())]);
        }
        if let Ok(g) = graph(&s) {
            let geo = layout(&g, &LayoutOptions::default());
            assert!(geo.width.is_finite() && geo.height.is_finite(), "{s}");
        }
    }
}
