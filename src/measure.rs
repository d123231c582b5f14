//! Measure: every label's size with the embedded fonts, and from it every
//! node's size for its shape. The result is all layout knows of text.

use crate::model::Graph;
use crate::shape;
use crate::text::{self, TextStyle};

/// Font size of node and edge labels (Mermaid's default).
pub const FONT_SIZE: f64 = 16.0;

/// Sizes of everything layout places.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sizes {
    /// Node (width, height), by node index.
    pub nodes: Vec<(f64, f64)>,
    /// Edge label box (width, height), by edge index.
    pub edge_labels: Vec<Option<(f64, f64)>>,
    /// Subgraph title (width, height), by subgraph index.
    pub titles: Vec<(f64, f64)>,
}

/// Padding around an edge label's text inside its background box.
pub const EDGE_LABEL_PAD: f64 = 4.0;

/// Measure every label of `graph`.
pub fn measure(graph: &Graph) -> Sizes {
    let style = TextStyle {
        size: FONT_SIZE,
        ..TextStyle::default()
    };
    let nodes = graph
        .nodes
        .iter()
        .map(|n| {
            let b = text::measure(&n.label, style);
            shape::node_size(n.shape, b.width, b.height)
        })
        .collect();
    let edge_labels = graph
        .edges
        .iter()
        .map(|e| {
            e.label.as_ref().filter(|l| !l.trim().is_empty()).map(|l| {
                let b = text::measure(l, style);
                (b.width + 2.0 * EDGE_LABEL_PAD, b.height)
            })
        })
        .collect();
    let titles = graph
        .subgraphs
        .iter()
        .map(|s| {
            let b = text::measure(&s.title, style);
            (b.width, b.height)
        })
        .collect();
    Sizes {
        nodes,
        edge_labels,
        titles,
    }
}
