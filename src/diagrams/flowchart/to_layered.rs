//! A measured flowchart as the layered engine's input graph.

use super::measure::Sizes;
use super::model::Graph;
use crate::layered;

/// The layered engine's graph for `graph` with the measured `sizes`. Edge
/// curves are resolved here: the edge's own (`linkStyle … interpolate`,
/// `@{ curve }`), else `linkStyle default interpolate`; the configured
/// `flowchart.curve` is the layout's default.
pub fn to_layered(graph: &Graph, sizes: &Sizes) -> layered::Graph {
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
            .map(|(s, &title_size)| layered::Cluster {
                id: s.id.clone(),
                title: s.title.clone(),
                title_size,
                parent: s.parent,
                nodes: s.nodes.clone(),
                children: s.children.clone(),
                direction: s.direction,
            })
            .collect(),
    }
}
