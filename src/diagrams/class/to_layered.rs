//! A class diagram as the layered engine's input graph: classes,
//! interfaces (lollipop ends) and notes are nodes, namespaces clusters,
//! relations and note links edges. Sizes are filled in by `layout`.

use super::model::Diagram;
use crate::layered;

/// What a layered node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeRef {
    Class(usize),
    Note(usize),
}

/// What a layered edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeRef {
    Relation(usize),
    /// The dashed link from a note to its class.
    Note(usize),
}

/// The engine's graph and what its items stand for (clusters are the
/// namespaces, in order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapped {
    pub graph: layered::Graph,
    pub nodes: Vec<NodeRef>,
    pub edges: Vec<EdgeRef>,
    /// Namespace index of each cluster.
    pub clusters: Vec<usize>,
}

/// Namespaces holding anything (directly or through a child).
fn used(d: &Diagram) -> Vec<bool> {
    let mut u = vec![false; d.namespaces.len()];
    for ns in d
        .classes
        .iter()
        .map(|c| c.namespace)
        .chain(d.notes.iter().map(|n| n.namespace))
        .flatten()
    {
        if let Some(x) = u.get_mut(ns) {
            *x = true;
        }
    }
    // Parents are created before their children.
    for k in (0..d.namespaces.len()).rev() {
        if u[k] {
            if let Some(p) = d.namespaces[k].parent {
                u[p] = true;
            }
        }
    }
    u
}

/// Build the layered graph (sizes zero) for `d`.
pub fn to_layered(d: &Diagram) -> Mapped {
    let used = used(d);
    let mut m = Mapped {
        graph: layered::Graph {
            direction: d.direction.unwrap_or_default(),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut cluster_of = vec![None; d.namespaces.len()];
    for (k, ns) in d.namespaces.iter().enumerate() {
        if !used[k] {
            continue;
        }
        let parent = ns.parent.and_then(|p| cluster_of[p]);
        let ci = m.graph.clusters.len();
        m.graph.clusters.push(layered::Cluster {
            id: ns.id.clone(),
            title: ns.title.clone(),
            parent,
            ..Default::default()
        });
        if let Some(p) = parent {
            m.graph.clusters[p].children.push(ci);
        }
        m.clusters.push(k);
        cluster_of[k] = Some(ci);
    }
    let mut class_node = vec![0; d.classes.len()];
    for (i, c) in d.classes.iter().enumerate() {
        let v = m.graph.nodes.len();
        m.graph.nodes.push(layered::Node {
            id: c.id.clone(),
            label: c.title(),
            shape: crate::shape::Shape::Rect,
            ..Default::default()
        });
        m.nodes.push(NodeRef::Class(i));
        class_node[i] = v;
        if let Some(ci) = c.namespace.and_then(|n| cluster_of[n]) {
            m.graph.clusters[ci].nodes.push(v);
        }
    }
    let mut note_node = vec![0; d.notes.len()];
    for (i, n) in d.notes.iter().enumerate() {
        let v = m.graph.nodes.len();
        m.graph.nodes.push(layered::Node {
            id: format!("note-{}", i + 1),
            label: n.text.clone(),
            shape: crate::shape::Shape::Rect,
            ..Default::default()
        });
        m.nodes.push(NodeRef::Note(i));
        note_node[i] = v;
        if let Some(ci) = n.namespace.and_then(|k| cluster_of[k]) {
            m.graph.clusters[ci].nodes.push(v);
        }
    }
    for (i, r) in d.relations.iter().enumerate() {
        m.graph.edges.push(layered::Edge {
            from: class_node[r.from],
            to: class_node[r.to],
            ..Default::default()
        });
        m.edges.push(EdgeRef::Relation(i));
    }
    for (i, n) in d.notes.iter().enumerate() {
        if let Some(c) = n.class {
            m.graph.edges.push(layered::Edge {
                from: note_node[i],
                to: class_node[c],
                ..Default::default()
            });
            m.edges.push(EdgeRef::Note(i));
        }
    }
    m
}
