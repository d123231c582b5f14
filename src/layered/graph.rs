//! The layered engine's own input: a clustered graph of sized boxes and
//! labelled edges, independent of any diagram type's model. Flowcharts,
//! state, class, ER and requirement diagrams convert to it.

use crate::geometry::Direction;
use crate::shape::Shape;

/// A box to place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    /// The diagram's id (messages, layout JSON).
    pub id: String,
    /// The label as text (layout JSON only; sizes are already measured).
    pub label: String,
    /// The outline edges end on.
    pub shape: Shape,
    /// Size in px (screen frame: width along x).
    pub width: f64,
    pub height: f64,
}

/// An edge between two nodes (indices into [`Graph::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// Minimum length in ranks (1 for a normal edge).
    pub min_len: u32,
    /// Size of the label box (width, height), if the edge has a label.
    pub label: Option<(f64, f64)>,
    /// The edge starts at this cluster's border (`from` is one of its
    /// members, used for ranking).
    pub from_cluster: Option<usize>,
    /// The edge ends at this cluster's border.
    pub to_cluster: Option<usize>,
    /// Curve name (`basis`, `linear`, `step`, …); `None`: the layout's default.
    pub curve: Option<String>,
}

impl Default for Edge {
    fn default() -> Self {
        Edge {
            from: 0,
            to: 0,
            min_len: 1,
            label: None,
            from_cluster: None,
            to_cluster: None,
            curve: None,
        }
    }
}

/// A cluster: a titled box holding exactly its member nodes and child
/// clusters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cluster {
    pub id: String,
    /// The title as text (layout JSON only).
    pub title: String,
    /// Size of the measured title (width, height).
    pub title_size: (f64, f64),
    pub parent: Option<usize>,
    /// Direct member nodes, in order.
    pub nodes: Vec<usize>,
    /// Direct child clusters.
    pub children: Vec<usize>,
    /// A direction of its own.
    pub direction: Option<Direction>,
}

/// The input of [`super::layout`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    pub direction: Direction,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub clusters: Vec<Cluster>,
}

/// Why a [`Graph`] is not a valid input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidGraph {
    #[error("edge {0} names a node that does not exist")]
    EdgeEnd(usize),
    #[error("cluster {0} names a node, child or parent that does not exist")]
    ClusterIndex(usize),
    #[error("cluster {0}'s parent and children disagree, or the tree has a cycle")]
    ClusterTree(usize),
    #[error("node {0} is a direct member of two clusters")]
    TwoParents(usize),
    #[error("a size is negative or not finite")]
    Size,
    #[error("item {0} of the diagram's model names a node that does not exist")]
    NodeRef(usize),
}

impl Graph {
    /// Check the invariants the engine relies on: indices in range, a
    /// cluster forest (parent and children agree, no cycle), each node in at
    /// most one cluster, finite non-negative sizes.
    pub fn validate(&self) -> Result<(), InvalidGraph> {
        let n = self.nodes.len();
        let nc = self.clusters.len();
        let ok = |v: f64| v.is_finite() && v >= 0.0;
        if self.nodes.iter().any(|v| !ok(v.width) || !ok(v.height)) {
            return Err(InvalidGraph::Size);
        }
        for (i, e) in self.edges.iter().enumerate() {
            if e.from >= n
                || e.to >= n
                || e.from_cluster.is_some_and(|c| c >= nc)
                || e.to_cluster.is_some_and(|c| c >= nc)
            {
                return Err(InvalidGraph::EdgeEnd(i));
            }
            if e.label.is_some_and(|(w, h)| !ok(w) || !ok(h)) {
                return Err(InvalidGraph::Size);
            }
        }
        let mut owner = vec![None; n];
        for (c, cl) in self.clusters.iter().enumerate() {
            if cl.nodes.iter().any(|&v| v >= n)
                || cl.children.iter().any(|&k| k >= nc)
                || cl.parent.is_some_and(|p| p >= nc)
            {
                return Err(InvalidGraph::ClusterIndex(c));
            }
            for &v in &cl.nodes {
                if owner[v].replace(c).is_some() {
                    return Err(InvalidGraph::TwoParents(v));
                }
            }
            if cl
                .children
                .iter()
                .any(|&k| self.clusters[k].parent != Some(c))
            {
                return Err(InvalidGraph::ClusterTree(c));
            }
            if let Some(p) = cl.parent {
                if !self.clusters[p].children.contains(&c) {
                    return Err(InvalidGraph::ClusterTree(c));
                }
            }
            // Walking up must end within nc steps.
            let mut steps = 0;
            let mut a = cl.parent;
            while let Some(x) = a {
                steps += 1;
                if steps > nc {
                    return Err(InvalidGraph::ClusterTree(c));
                }
                a = self.clusters[x].parent;
            }
        }
        Ok(())
    }

    /// For every node, the innermost cluster containing it.
    pub fn node_parents(&self) -> Vec<Option<usize>> {
        let mut parent = vec![None; self.nodes.len()];
        for (ci, c) in self.clusters.iter().enumerate() {
            for &v in &c.nodes {
                parent[v] = Some(ci);
            }
        }
        parent
    }

    /// For every cluster, every node inside it (nested clusters' nodes
    /// included), in node order.
    pub fn cluster_members(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.clusters.len()];
        for (v, p) in self.node_parents().iter().enumerate() {
            let mut c = *p;
            while let Some(ci) = c {
                out[ci].push(v);
                c = self.clusters[ci].parent;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_nodes() -> Graph {
        Graph {
            nodes: vec![
                Node {
                    width: 10.0,
                    height: 10.0,
                    ..Node::default()
                };
                2
            ],
            edges: vec![Edge {
                from: 0,
                to: 1,
                ..Edge::default()
            }],
            ..Graph::default()
        }
    }

    #[test]
    fn validation_catches_bad_indices_and_cycles() {
        let mut g = two_nodes();
        assert_eq!(g.validate(), Ok(()));
        g.edges[0].to = 5;
        assert_eq!(g.validate(), Err(InvalidGraph::EdgeEnd(0)));
        let mut g = two_nodes();
        g.clusters = vec![
            Cluster {
                parent: Some(1),
                children: vec![1],
                ..Cluster::default()
            },
            Cluster {
                parent: Some(0),
                children: vec![0],
                ..Cluster::default()
            },
        ];
        assert!(matches!(g.validate(), Err(InvalidGraph::ClusterTree(_))));
        let mut g = two_nodes();
        g.clusters = vec![
            Cluster {
                nodes: vec![0],
                ..Cluster::default()
            },
            Cluster {
                nodes: vec![0],
                ..Cluster::default()
            },
        ];
        assert_eq!(g.validate(), Err(InvalidGraph::TwoParents(0)));
        let mut g = two_nodes();
        g.nodes[0].width = f64::NAN;
        assert_eq!(g.validate(), Err(InvalidGraph::Size));
    }
}
