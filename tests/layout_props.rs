//! Property tests: layout invariants on hundreds of random graphs with
//! nested subgraphs, all four directions, edge labels, cycles, parallel
//! edges and self-loops, through both coordinate methods (exact network
//! simplex and the Brandes–Köpf-style heuristic).

use mermaid_render::geometry::Direction;
use mermaid_render::geometry::{distance_to_segment, Point};
use mermaid_render::layered::{layout, verify, Cluster, Edge, Graph, LayoutOptions, Node};
use mermaid_render::shape::Shape;
use mermaid_render::testgen::Rng;
use proptest::prelude::*;

const SHAPES: [Shape; 8] = [
    Shape::Rect,
    Shape::Rounded,
    Shape::Diamond,
    Shape::Circle,
    Shape::Stadium,
    Shape::Hexagon,
    Shape::Cylinder,
    Shape::Parallelogram,
];

fn random_graph(seed: u64, dir: Direction) -> Graph {
    let mut r = Rng::new(seed);
    let n = 1 + r.below(40);
    let nc = r.below(7);
    let mut g = Graph {
        direction: dir,
        ..Graph::default()
    };
    for k in 0..nc {
        let parent = if k > 0 && r.chance(0.5) {
            Some(r.below(k))
        } else {
            None
        };
        let title_size = (20.0 + r.below(120) as f64, 24.0);
        g.clusters.push(Cluster {
            id: format!("s{k}"),
            title: format!("sub {k}"),
            title_size,
            parent,
            ..Cluster::default()
        });
    }
    for k in 0..nc {
        if let Some(p) = g.clusters[k].parent {
            g.clusters[p].children.push(k);
        }
    }
    for i in 0..n {
        let shape = SHAPES[r.below(SHAPES.len())];
        // Sized as measure does: a random label box grown by the shape's padding.
        let (w, h) = (r.below(160) as f64, 24.0 * (1 + r.below(2)) as f64);
        let (width, height) = mermaid_render::shape::node_size(shape, w, h);
        g.nodes.push(Node {
            id: format!("n{i}"),
            label: format!("n{i}"),
            shape,
            width,
            height,
        });
        if nc > 0 && r.chance(0.6) {
            g.clusters[r.below(nc)].nodes.push(i);
        }
    }
    let m = r.below(2 * n + 1);
    for _ in 0..m {
        let (a, b) = (
            r.below(n),
            if r.chance(0.05) {
                usize::MAX
            } else {
                r.below(n)
            },
        );
        let b = if b == usize::MAX { a } else { b };
        let min_len = 1 + u32::from(r.chance(0.1));
        let mut e = Edge {
            from: a,
            to: b,
            min_len,
            ..Edge::default()
        };
        // Some edges end at a subgraph holding their node (as the parser makes them).
        if nc > 0 && a != b && r.chance(0.1) {
            e.to_cluster = g.clusters.iter().position(|s| s.nodes.contains(&b));
        }
        e.label = r.chance(0.3).then(|| (10.0 + r.below(80) as f64, 24.0));
        g.edges.push(e);
    }
    assert_eq!(g.validate(), Ok(()));
    g
}

fn check(seed: u64, dir: Direction, exact: bool, calm: bool) -> Result<(), TestCaseError> {
    let g = random_graph(seed, dir);
    let opts = LayoutOptions {
        exact_limit: if exact { usize::MAX } else { 0 },
        calm_edges: calm,
        ..LayoutOptions::default()
    };
    let geo = layout(&g, &opts);
    let rep = verify::verify(&g, &geo);
    prop_assert!(
        rep.is_clean(),
        "seed {seed} {dir:?} exact {exact}: {:?}",
        rep.messages
    );
    // Everything lies inside the drawing.
    for r in geo.nodes.iter().chain(geo.clusters.iter().map(|c| &c.rect)) {
        prop_assert!(
            r.left() >= -0.01
                && r.top() >= -0.01
                && r.right() <= geo.width + 0.01
                && r.bottom() <= geo.height + 0.01
        );
    }
    // Edges start and end on (the boxes of) their own nodes, and labels sit on their edges.
    for (i, e) in g.edges.iter().enumerate() {
        let p = &geo.edges[i].path;
        let on = |pt: Point, k: usize| {
            let r = &geo.nodes[k];
            pt.x >= r.left() - 1.0
                && pt.x <= r.right() + 1.0
                && pt.y >= r.top() - 1.0
                && pt.y <= r.bottom() + 1.0
        };
        prop_assert!(on(p.start, e.from), "seed {seed}: edge {i} start");
        if let Some(c) = e.to_cluster {
            let r = &geo.clusters[c].rect;
            let q = p.end();
            let near = |a: f64, b: f64| (a - b).abs() < 0.6;
            let inside_x = q.x >= r.left() - 0.6 && q.x <= r.right() + 0.6;
            let inside_y = q.y >= r.top() - 0.6 && q.y <= r.bottom() + 0.6;
            let on_border = ((near(q.y, r.top()) || near(q.y, r.bottom())) && inside_x)
                || ((near(q.x, r.left()) || near(q.x, r.right())) && inside_y);
            // Not cut when it starts inside the subgraph, or when the cut would
            // drop its label: then it ends on a member node.
            let members = &g.cluster_members()[c];
            prop_assert!(
                on_border || on(q, e.to) || members.iter().any(|&v| on(q, v)),
                "seed {seed}: edge {i} to subgraph ends at {q:?}, box {r:?}"
            );
        } else {
            prop_assert!(on(p.end(), e.to), "seed {seed}: edge {i} end");
        }
        if let Some(l) = &geo.edges[i].label {
            if e.from != e.to {
                let pts = p.sample(8);
                let hit = pts
                    .windows(2)
                    .any(|w| distance_to_segment(Point::new(l.x, l.y), w[0], w[1]) <= 1.0);
                prop_assert!(hit, "seed {seed}: label of edge {i} off its edge");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_graphs_lay_out_cleanly(
        seed in any::<u64>(),
        d in 0u8..4,
        exact in any::<bool>(),
        calm in any::<bool>(),
    ) {
        let dir = [Direction::TB, Direction::BT, Direction::LR, Direction::RL][d as usize];
        check(seed, dir, exact, calm)?;
    }
}

#[test]
fn layout_is_deterministic_on_random_graphs() {
    for seed in 0..20 {
        let g = random_graph(seed, Direction::LR);
        assert_eq!(
            layout(&g, &LayoutOptions::default()),
            layout(&g, &LayoutOptions::default())
        );
        let calm = LayoutOptions {
            calm_edges: true,
            ..LayoutOptions::default()
        };
        assert_eq!(layout(&g, &calm), layout(&g, &calm));
    }
}
