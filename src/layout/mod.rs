//! Layout: a layered (Sugiyama-style) layout of a clustered graph.

use crate::geometry::Geometry;
use crate::measure::Sizes;
use crate::model::Graph;

/// Layout options (Mermaid's defaults).
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Space between neighbouring nodes in one rank. Default 50.
    pub node_spacing: f64,
    /// Space between ranks. Default 50.
    pub rank_spacing: f64,
    /// Margin around the whole drawing. Default 8.
    pub margin: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { node_spacing: 50.0, rank_spacing: 50.0, margin: 8.0 }
    }
}

/// Lay out `graph` with the node and label sizes in `sizes`.
pub fn layout(graph: &Graph, sizes: &Sizes, opts: &LayoutOptions) -> Geometry {
    let _ = (graph, sizes, opts);
    todo!()
}
