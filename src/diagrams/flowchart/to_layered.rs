//! A measured flowchart as the layered engine's input graph.

use super::measure::Sizes;
use super::model::{Direction, Graph};
use crate::layered;

/// The layered engine's graph for `graph` with the measured `sizes`. Edge
/// curves are resolved here: the edge's own (`linkStyle … interpolate`,
/// `@{ curve }`), else `linkStyle default interpolate`; the configured
/// `flowchart.curve` is the layout's default.
pub fn to_layered(graph: &Graph, sizes: &Sizes) -> layered::Graph {
    to_layered_with(graph, sizes, false)
}

/// [`to_layered`] with `flowchart.inheritDir`: subgraph directions are
/// [`subgraph_directions`].
pub fn to_layered_with(graph: &Graph, sizes: &Sizes, inherit_dir: bool) -> layered::Graph {
    let directions = subgraph_directions(graph, inherit_dir);
    layered::Graph {
        direction: graph.direction,
        nodes: graph
            .nodes
            .iter()
            .zip(&sizes.nodes)
            .map(|(n, &(width, height))| layered::Node {
                id: n.id.clone(),
                label: n.label.clone(),
                shape: n.shape,
                width,
                height,
            })
            .collect(),
        edges: graph
            .edges
            .iter()
            .zip(&sizes.edge_labels)
            .map(|(e, &label)| layered::Edge {
                from: e.from,
                to: e.to,
                min_len: e.min_len,
                label,
                from_cluster: e.from_cluster,
                to_cluster: e.to_cluster,
                curve: e.curve.clone().or_else(|| graph.default_curve.clone()),
            })
            .collect(),
        clusters: graph
            .subgraphs
            .iter()
            .zip(&sizes.titles)
            .zip(directions)
            .map(|((s, &title_size), direction)| layered::Cluster {
                id: s.id.clone(),
                title: s.title.clone(),
                title_size,
                parent: s.parent,
                nodes: s.nodes.clone(),
                children: s.children.clone(),
                direction,
            })
            .collect(),
    }
}

/// The direction each subgraph is laid out in, as mermaid-js does: its own
/// `direction`; else, for a subgraph no edge enters (one laid out on its
/// own; edges ending on the subgraph itself do not enter it), the
/// direction across its parent's (`LR` inside `TB`, `TB` inside anything
/// else) unless `flowchart.inheritDir` is set; else none (it inherits).
pub fn subgraph_directions(graph: &Graph, inherit_dir: bool) -> Vec<Option<Direction>> {
    let n = graph.subgraphs.len();
    let mut dirs: Vec<Option<Direction>> = graph.subgraphs.iter().map(|s| s.direction).collect();
    if inherit_dir {
        return dirs;
    }
    let members = graph.subgraph_members();
    // Parents before children (depth order; a bad parent chain stops).
    let depth = |mut c: usize| {
        let mut d = 0;
        while let Some(p) = graph.subgraphs.get(c).and_then(|s| s.parent) {
            d += 1;
            c = p;
            if d > n {
                break;
            }
        }
        d
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&c| depth(c));
    for c in order {
        if dirs[c].is_some() || members[c].is_empty() || entered(graph, c, &members[c]) {
            continue;
        }
        let mut parent_dir = graph.direction;
        let mut p = graph.subgraphs[c].parent;
        let mut steps = 0;
        while let Some(q) = p {
            if let Some(d) = dirs.get(q).copied().flatten() {
                parent_dir = d;
                break;
            }
            p = graph.subgraphs.get(q).and_then(|s| s.parent);
            steps += 1;
            if steps > n {
                break;
            }
        }
        dirs[c] = Some(if parent_dir == Direction::TB {
            Direction::LR
        } else {
            Direction::TB
        });
    }
    dirs
}

/// True when an edge runs between a node inside subgraph `c` (with sorted
/// `members`) and one outside it; an end on `c` itself or on one of its
/// ancestors lies on `c`'s border, not inside.
fn entered(graph: &Graph, c: usize, members: &[usize]) -> bool {
    let on_border = |cl: Option<usize>| {
        let Some(y) = cl else { return false };
        let mut cur = Some(c);
        let mut steps = 0;
        while let Some(x) = cur {
            if x == y {
                return true;
            }
            steps += 1;
            if steps > graph.subgraphs.len() {
                break;
            }
            cur = graph.subgraphs.get(x).and_then(|s| s.parent);
        }
        false
    };
    // 0 outside, 1 inside, 2 on the border.
    let place =
        |v: usize, cl: Option<usize>| match (members.binary_search(&v).is_ok(), on_border(cl)) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
    graph.edges.iter().any(|e| {
        let (a, b) = (place(e.from, e.from_cluster), place(e.to, e.to_cluster));
        (a == 1) != (b == 1)
    })
}
