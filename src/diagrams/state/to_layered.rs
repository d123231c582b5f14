//! A state diagram as the layered engine's input graph: every simple
//! state, pseudo-state and note is a node; every non-empty composite state
//! is a cluster (with one child cluster per concurrency region when it has
//! `--` separators); transitions and note links are edges.

use super::model::{Diagram, Kind, Side};
use crate::layered;

/// What a layered node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeRef {
    State(usize),
    Note(usize),
}

/// What a layered edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeRef {
    Transition(usize),
    /// The dashed link between a note and its state.
    Note(usize),
}

/// What a layered cluster stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterRef {
    /// A composite state (index into `Diagram::composites`).
    Composite(usize),
    /// Concurrency region `k` of a composite.
    Region(usize, usize),
}

/// The engine's graph and what each of its items stands for. Sizes are
/// filled in by the caller (`layout`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapped {
    pub graph: layered::Graph,
    pub nodes: Vec<NodeRef>,
    pub edges: Vec<EdgeRef>,
    pub clusters: Vec<ClusterRef>,
}

/// Composites that hold anything (drawn as clusters); an empty
/// `state X {}` is drawn as a plain state.
pub fn non_empty(d: &Diagram) -> Vec<bool> {
    let mut used = vec![false; d.composites.len()];
    for (i, s) in d.states.iter().enumerate() {
        if let Some(p) = s.parent {
            if d.composites.get(p).is_some_and(|c| c.state != i) {
                used[p] = true;
            }
        }
    }
    for n in &d.notes {
        if let Some(p) = n.parent {
            used[p] = true;
        }
    }
    // A composite is non-empty when a descendant is: parents come first.
    for c in (0..d.composites.len()).rev() {
        if used[c] {
            if let Some(p) = d.composites[c].parent {
                used[p] = true;
            }
        }
    }
    used
}

/// Build the layered graph (sizes zero) for `d`.
pub fn to_layered(d: &Diagram) -> Mapped {
    let used = non_empty(d);
    let mut m = Mapped {
        graph: layered::Graph {
            direction: d.direction.unwrap_or_default(),
            ..Default::default()
        },
        ..Default::default()
    };
    // Clusters: composites in order (parents have lower indices), regions
    // right after their composite.
    let mut comp_cluster = vec![None; d.composites.len()];
    let mut region_cluster: Vec<Vec<Option<usize>>> = vec![Vec::new(); d.composites.len()];
    for (c, comp) in d.composites.iter().enumerate() {
        if !used[c] {
            continue;
        }
        let sid = &d.states[comp.state];
        let parent = container(d, &comp_cluster, &region_cluster, comp.parent, sid.region);
        let ci = m.graph.clusters.len();
        m.graph.clusters.push(layered::Cluster {
            id: sid.id.clone(),
            title: sid.title().to_string(),
            parent,
            direction: comp.direction,
            ..Default::default()
        });
        if let Some(p) = parent {
            m.graph.clusters[p].children.push(ci);
        }
        m.clusters.push(ClusterRef::Composite(c));
        comp_cluster[c] = Some(ci);
        let mut regions = vec![None; comp.regions.max(1)];
        if comp.regions > 1 {
            for k in 0..comp.regions {
                let occupied = d
                    .states
                    .iter()
                    .enumerate()
                    .any(|(i, s)| s.parent == Some(c) && s.region == k && i != comp.state)
                    || d.notes.iter().any(|n| n.parent == Some(c) && n.region == k);
                if !occupied {
                    continue;
                }
                let ri = m.graph.clusters.len();
                m.graph.clusters.push(layered::Cluster {
                    id: format!("{}-region-{}", sid.id, k + 1),
                    parent: Some(ci),
                    direction: comp.direction,
                    ..Default::default()
                });
                m.graph.clusters[ci].children.push(ri);
                m.clusters.push(ClusterRef::Region(c, k));
                regions[k] = Some(ri);
            }
        }
        region_cluster[c] = regions;
    }
    // Nodes.
    let mut state_node = vec![None; d.states.len()];
    for (i, s) in d.states.iter().enumerate() {
        if s.composite.is_some_and(|c| used[c]) {
            continue;
        }
        let shape = match s.kind {
            Kind::Normal => crate::shape::Shape::Rounded,
            Kind::Start => crate::shape::Shape::SmallCircle,
            Kind::End => crate::shape::Shape::FramedCircle,
            Kind::Choice => crate::shape::Shape::Diamond,
            Kind::Fork | Kind::Join => crate::shape::Shape::ForkJoin,
        };
        let v = m.graph.nodes.len();
        m.graph.nodes.push(layered::Node {
            id: s.id.clone(),
            label: match s.kind {
                Kind::Normal if s.descriptions.is_empty() => s.id.clone(),
                Kind::Normal => s.descriptions.join("\n"),
                _ => String::new(),
            },
            shape,
            width: 0.0,
            height: 0.0,
        });
        m.nodes.push(NodeRef::State(i));
        state_node[i] = Some(v);
        if let Some(c) = container(d, &comp_cluster, &region_cluster, s.parent, s.region) {
            m.graph.clusters[c].nodes.push(v);
        }
    }
    let mut note_node = vec![0; d.notes.len()];
    for (i, n) in d.notes.iter().enumerate() {
        let v = m.graph.nodes.len();
        m.graph.nodes.push(layered::Node {
            id: format!("note-{}", i + 1),
            label: n.text.clone(),
            shape: crate::shape::Shape::Rect,
            width: 0.0,
            height: 0.0,
        });
        m.nodes.push(NodeRef::Note(i));
        note_node[i] = v;
        if let Some(c) = container(d, &comp_cluster, &region_cluster, n.parent, n.region) {
            m.graph.clusters[c].nodes.push(v);
        }
    }
    let members = m.graph.cluster_members();
    // An end: its node, or a member of its cluster and the cluster.
    let end = |s: usize| -> Option<(usize, Option<usize>)> {
        if let Some(v) = state_node[s] {
            return Some((v, None));
        }
        let c = comp_cluster[d.states[s].composite?]?;
        Some((*members[c].first()?, Some(c)))
    };
    for (i, t) in d.transitions.iter().enumerate() {
        let (Some((from, from_cluster)), Some((to, to_cluster))) = (end(t.from), end(t.to)) else {
            continue;
        };
        m.graph.edges.push(layered::Edge {
            from,
            to,
            from_cluster,
            to_cluster,
            ..Default::default()
        });
        m.edges.push(EdgeRef::Transition(i));
    }
    for (i, n) in d.notes.iter().enumerate() {
        let Some((v, c)) = n.state.and_then(end) else {
            continue;
        };
        let (from, to, from_cluster, to_cluster) = match n.side {
            Side::Left => (note_node[i], v, None, c),
            Side::Right => (v, note_node[i], c, None),
        };
        m.graph.edges.push(layered::Edge {
            from,
            to,
            from_cluster,
            to_cluster,
            ..Default::default()
        });
        m.edges.push(EdgeRef::Note(i));
    }
    m
}

/// The cluster that holds an item with `parent` composite and `region`.
fn container(
    _d: &Diagram,
    comp_cluster: &[Option<usize>],
    region_cluster: &[Vec<Option<usize>>],
    parent: Option<usize>,
    region: usize,
) -> Option<usize> {
    let p = parent?;
    region_cluster
        .get(p)
        .and_then(|r| r.get(region).copied().flatten())
        .or(comp_cluster.get(p).copied().flatten())
}
