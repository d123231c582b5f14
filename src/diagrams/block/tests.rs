//! Block diagram tests: parser cases, located errors, layout invariants on
//! generated inputs, SVG well-formedness and determinism.

use super::layout::{layout, Geometry};
use super::model::{BlockDiagram, Dir, Kind, Stroke, Tip};
use super::{parse, render_block, BlockConfig};
use crate::config::Config;
use crate::diagrams::Context;
use crate::shape::Shape;
use crate::syntax::ParseError;

fn parse_src(src: &str) -> Result<BlockDiagram, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn diagram(src: &str) -> BlockDiagram {
    parse_src(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

/// `id(label)` of the root's children (composites as `id{…}`).
fn summary(d: &BlockDiagram) -> String {
    fn one(d: &BlockDiagram, i: usize) -> String {
        let b = &d.blocks[i];
        let span = if b.span > 1 {
            format!(":{}", b.span)
        } else {
            String::new()
        };
        match &b.kind {
            Kind::Space => format!("_{span}"),
            Kind::Composite { columns, children } => {
                let inner: Vec<String> = children.iter().map(|&c| one(d, c)).collect();
                let cols = columns.map_or(String::new(), |c| format!("#{c} "));
                format!("{}{span}{{{cols}{}}}", b.id, inner.join(" "))
            }
            Kind::Node(s) => {
                let shape = if *s == Shape::Rect {
                    String::new()
                } else {
                    format!("/{}", s.name())
                };
                if b.label == b.id {
                    format!("{}{shape}{span}", b.id)
                } else {
                    format!("{}({}){shape}{span}", b.id, b.label)
                }
            }
            Kind::Arrow(dirs) => format!("{}<{}>{:?}", b.id, b.label, dirs),
        }
    }
    d.children(0)
        .iter()
        .map(|&c| one(d, c))
        .collect::<Vec<_>>()
        .join(" ")
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

fn geometry(d: &BlockDiagram) -> Geometry {
    let cfg = Config::default();
    layout(d, &BlockConfig::from_config(&cfg), 16.0)
}

fn svg_of(src: &str) -> String {
    let d = diagram(src);
    let cfg = Config::default();
    let cx = Context::new(&cfg, "t").with_background(Some("white"));
    render_block(&d, &cx).svg
}

#[test]
fn blocks_on_a_line_with_labels_and_widths() {
    let d = diagram("block\n  columns 3\n  a[\"A label\"] b:2 c:2 d\n");
    assert_eq!(summary(&d), "a(A label) b:2 c:2 d");
    let d = diagram("block-beta\n  a b c\n");
    assert_eq!(summary(&d), "a b c");
}

#[test]
fn every_bracket_shape() {
    let d = diagram(
        "block\n a(\"r\") b([\"s\"]) c[[\"sub\"]] d[(\"db\")] e((\"c\")) f(((\"dc\"))) g>\"asym\"] h{\"d\"} i{{\"hex\"}}\n j[/\"lr\"/] k[\\\"ll\"\\] l[/\"t\"\\] m[\\\"it\"/] n[raw text]\n",
    );
    assert_eq!(
        summary(&d),
        "a(r)/rounded b(s)/stadium c(sub)/subroutine d(db)/cylinder e(c)/circle f(dc)/doublecircle g(asym)/asymmetric h(d)/diamond i(hex)/hexagon j(lr)/lean_right k(ll)/lean_left l(t)/trapezoid m(it)/inv_trapezoid n(raw text)"
    );
}

#[test]
fn nested_blocks_spaces_and_columns() {
    let d = diagram("block\n columns 3\n a:3\n block:group1:2\n  columns 2\n  h i\n end\n space:2 g\n block\n  x\n end\n");
    assert_eq!(
        summary(&d),
        "#3 a:3 group1:2{#2 h i} _:2 g block-1{x}".replacen("#3 ", "", 1)
    );
    let d = diagram("block\n block BL\n  D\n end\n block:2\n  A\n end\n");
    assert_eq!(summary(&d), "BL{D} block-1:2{A}");
}

#[test]
fn block_arrows_and_entities() {
    let d = diagram("block\n a<[\"&nbsp;x&lt;\"]>(right)\n b<[\"L\"]>(x, down)\n c<[\"y\"]>(y)\n");
    assert_eq!(
        summary(&d),
        format!(
            "a<\u{a0}x<>{:?} b<L>{:?} c<y>{:?}",
            [Dir::Right],
            [Dir::Left, Dir::Right, Dir::Down],
            [Dir::Up, Dir::Down]
        )
    );
}

#[test]
fn edges_with_labels_and_kinds() {
    let d = diagram("block\n A space B\n A-->B\n A -- \"X\" --> B\n A --- B\n A --x B\n A --o B\n A <-.-> B\n A ==> B\n id1(\"Start\")-->id2(\"Stop\")\n");
    let kinds: Vec<String> = d
        .edges
        .iter()
        .map(|e| {
            format!(
                "{}{:?}{:?}{:?}{}",
                d.blocks[e.from].id,
                e.start,
                e.stroke,
                e.end,
                e.label.clone().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "ANoneNormalArrow",
            "ANoneNormalArrowX",
            "ANoneNormalNone",
            "ANoneNormalCross",
            "ANoneNormalCircle",
            "AArrowDottedArrow",
            "ANoneThickArrow",
            "id1NoneNormalArrow",
        ]
    );
    assert_eq!(d.edges[7].stroke, Stroke::Normal);
    assert_eq!(d.edges[3].end, Tip::Cross);
    // Blocks named only by an edge join the grid.
    assert_eq!(summary(&d), "A _ B id1(Start)/rounded id2(Stop)/rounded");
}

#[test]
fn styles_and_classes() {
    let d = diagram("block\n A B\n classDef blue fill:#66f,stroke:#333;\n class A,B blue\n style B fill:#f9F,stroke:#333,stroke-width:4px\n");
    assert_eq!(d.class_defs.len(), 1);
    assert_eq!(d.blocks[1].classes, ["blue"]);
    assert_eq!(d.blocks[2].styles.len(), 3);
    let svg = svg_of("block\n A B\n classDef blue fill:#66f;\n class A blue\n style B fill:#f9F\n");
    assert!(svg.contains("fill=\"#66f\""), "{svg}");
    assert!(svg.contains("fill=\"#f9F\""), "{svg}");
}

#[test]
fn comments_directives_and_accessibility() {
    let d = diagram("block\n %% a comment\n accTitle: T\n accDescr: D\n a %% trailing\n");
    assert_eq!(summary(&d), "a");
    assert_eq!(d.acc_title.as_deref(), Some("T"));
    assert_eq!(d.acc_descr.as_deref(), Some("D"));
}

#[test]
fn errors_are_located() {
    assert_eq!(err("block\n  end\n").0, 2);
    let (l, c, m) = err("block\n  block:g\n   a\n");
    assert_eq!((l, c), (2, 3), "{m}");
    assert!(m.contains("never closed"));
    let (l, c, m) = err("block\n columns x\n");
    assert_eq!((l, c), (2, 10), "{m}");
    let (l, c, m) = err("block\n a[\"x\"\n");
    assert_eq!(l, 2, "{m}");
    assert!(m.contains("close the shape"), "{m}");
    let (l, c2, m) = err("block\n a<[\"x\"]>(sideways)\n");
    assert_eq!((l, c2), (2, 11), "{m}");
    let _ = c;
    let (l, c, m) = err("block\n style Q fill:#f00\n");
    assert_eq!((l, c), (2, 8), "{m}");
    let (l, c, m) = err("block\n a:0\n");
    assert_eq!((l, c), (2, 4), "{m}");
    let (l, _, m) = err("block\n A -->\n");
    assert_eq!(l, 2, "{m}");
}

/// Rectangles of every drawn block and label.
fn overlaps(g: &Geometry, d: &BlockDiagram) -> Option<String> {
    let mut labels = Vec::new();
    for p in &g.blocks {
        assert!(
            p.x >= 0.0 && p.y >= 0.0 && p.x + p.w <= g.width && p.y + p.h <= g.height,
            "{p:?} outside {}x{}",
            g.width,
            g.height
        );
        if let Some(tb) = &p.label {
            let c = p.centre();
            let r = (
                c.x - tb.width / 2.0,
                c.y - tb.height / 2.0,
                c.x + tb.width / 2.0,
                c.y + tb.height / 2.0,
            );
            // Inside its own box.
            if r.0 < p.x - 0.5 || r.2 > p.x + p.w + 0.5 || r.1 < p.y - 0.5 || r.3 > p.y + p.h + 0.5
            {
                return Some(format!("label of {} leaves its box", d.blocks[p.index].id));
            }
            labels.push((p.index, r));
        }
    }
    for (i, r) in &labels {
        for p in &g.blocks {
            if p.index == *i || matches!(d.blocks[p.index].kind, Kind::Composite { .. }) {
                continue;
            }
            if r.0 < p.x + p.w - 0.5 && r.2 > p.x + 0.5 && r.1 < p.y + p.h - 0.5 && r.3 > p.y + 0.5
            {
                return Some(format!(
                    "label of {} overlaps {}",
                    d.blocks[*i].id, d.blocks[p.index].id
                ));
            }
        }
    }
    None
}

#[test]
fn generated_grids_have_no_overlaps() {
    let shapes = [
        "[\"Some text\"]",
        "((\"c\"))",
        "{{\"hexagon label\"}}",
        "(\"round\")",
        "[(\"db\")]",
        "{\"dia\"}",
        "<[\"go\"]>(right)",
        "<[\"v\"]>(down)",
        "",
    ];
    let mut seed = 7u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for case in 0..40 {
        let cols = 1 + next() % 5;
        let mut src = format!("block\n columns {cols}\n");
        let n = 2 + next() % 12;
        for k in 0..n {
            match next() % 6 {
                0 => src.push_str(&format!(" space:{}\n", 1 + next() % 2)),
                1 => src.push_str(&format!(
                    " block:g{case}x{k}:{}\n  n{k}a n{k}b[\"wider label here\"]\n end\n",
                    1 + next() % cols
                )),
                _ => {
                    let s = shapes[next() % shapes.len()];
                    // Sometimes wider than the row (wraps, never overflows).
                    let w = 1 + next() % (cols + 2);
                    src.push_str(&format!(" n{k}{s}:{w}\n"));
                }
            }
        }
        // Labelled edges between the blocks (ids the grid holds or not).
        for _ in 0..next() % 6 {
            let (a, b) = (next() % n, next() % n);
            if a != b {
                src.push_str(&format!(" n{a}a -- \"label {a}\" --> n{b}b\n"));
            }
        }
        let d = diagram(&src);
        let g = geometry(&d);
        if let Some(m) = overlaps(&g, &d) {
            panic!("{m}\n{src}");
        }
        // Children stay inside their composite.
        for p in &g.blocks {
            for &c in d.children(p.index) {
                if let Some(q) = g.blocks.iter().find(|q| q.index == c) {
                    assert!(
                        q.x >= p.x - 0.5
                            && q.y >= p.y - 0.5
                            && q.x + q.w <= p.x + p.w + 0.5
                            && q.y + q.h <= p.y + p.h + 0.5,
                        "{} leaves its parent\n{src}",
                        d.blocks[c].id
                    );
                }
            }
        }
        // Edge labels: on the canvas, over no block but composites that
        // hold them whole, never over another edge label.
        let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
        for e in &g.edges {
            let Some((tb, c)) = &e.label else { continue };
            let r = (
                c.x - tb.width / 2.0,
                c.y - tb.height / 2.0,
                c.x + tb.width / 2.0,
                c.y + tb.height / 2.0,
            );
            assert!(
                r.0 >= 0.0 && r.1 >= 0.0 && r.2 <= g.width && r.3 <= g.height,
                "edge label off the canvas\n{src}"
            );
            for p in &g.blocks {
                let hit = r.0 < p.x + p.w - 0.5
                    && r.2 > p.x + 0.5
                    && r.1 < p.y + p.h - 0.5
                    && r.3 > p.y + 0.5;
                let inside = r.0 >= p.x && r.2 <= p.x + p.w && r.1 >= p.y && r.3 <= p.y + p.h;
                let composite = matches!(d.blocks[p.index].kind, Kind::Composite { .. });
                assert!(
                    !hit || (composite && inside),
                    "edge label over {}\n{src}",
                    d.blocks[p.index].id
                );
            }
            for o in &boxes {
                assert!(
                    !(r.0 < o.2 - 0.5 && r.2 > o.0 + 0.5 && r.1 < o.3 - 0.5 && r.3 > o.1 + 0.5),
                    "edge labels overlap\n{src}"
                );
            }
            boxes.push(r);
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
fn nested_widths_follow_the_parent() {
    let d = diagram("block\n columns 1\n block:g\n  a b c\n end\n W[\"a much much wider block than the others\"]\n");
    let g = geometry(&d);
    let find = |id: &str| {
        g.blocks
            .iter()
            .find(|p| d.blocks[p.index].id == id)
            .unwrap()
            .clone()
    };
    let (gb, w) = (find("g"), find("W"));
    assert!((gb.w - w.w).abs() < 1e-6, "{} vs {}", gb.w, w.w);
    let (a, b) = (find("a"), find("b"));
    assert!((a.w - b.w).abs() < 1e-6 && a.x + a.w <= b.x);
}

#[test]
fn output_is_deterministic_and_ids_are_prefixed() {
    let src = "block\n columns 2\n a[\"x\"] b\n block:c\n  d\n end\n a --> d\n";
    let s1 = svg_of(src);
    assert_eq!(s1, svg_of(src));
    for id in s1.split(" id=\"").skip(1) {
        assert!(id.starts_with('t'), "{id}");
    }
    assert!(!s1.contains("<script"));
}
