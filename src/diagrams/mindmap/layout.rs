//! Mind map → geometry: node sizes from their measured labels, then a
//! balanced two-sided tree (the root in the middle, its branches split
//! between the right and the left so both sides are about as tall, each
//! branch a tidy tree growing away from the root; `tidy-tree` puts every
//! branch on the right). Subtrees own disjoint vertical bands, so no two
//! nodes can overlap. Text is measured here and only here.

use super::model::{Mindmap, Shape};
use crate::geometry::Point;
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Horizontal gap between a node and its children.
pub const LEVEL_GAP: f64 = 50.0;
/// Vertical gap between sibling subtrees.
pub const SIBLING_GAP: f64 = 14.0;

/// What the layout reads from the configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    pub font_size: f64,
    /// `mindmap.maxNodeWidth`: labels wrap to this width.
    pub max_node_width: f64,
    /// `mindmap.padding`: margin around the drawing.
    pub padding: f64,
    /// `layout: tidy-tree`: every branch to the right of the root.
    pub tidy_tree: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            font_size: 16.0,
            max_node_width: 200.0,
            padding: 10.0,
            tidy_tree: false,
        }
    }
}

/// A placed node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeGeo {
    pub centre: Point,
    pub w: f64,
    pub h: f64,
    pub text: TextBox,
}

impl NodeGeo {
    pub fn left(&self) -> f64 {
        self.centre.x - self.w / 2.0
    }
    pub fn right(&self) -> f64 {
        self.centre.x + self.w / 2.0
    }
    pub fn top(&self) -> f64 {
        self.centre.y - self.h / 2.0
    }
    pub fn bottom(&self) -> f64 {
        self.centre.y + self.h / 2.0
    }
}

/// An edge from a parent to a child: a cubic curve.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeGeo {
    pub child: usize,
    pub from: Point,
    pub c1: Point,
    pub c2: Point,
    pub to: Point,
    pub width: f64,
}

/// Everything the drawing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodeGeo>,
    pub edges: Vec<EdgeGeo>,
}

/// Outer size of a node of `shape` around a label of `tw`×`th`.
pub fn node_size(shape: Shape, tw: f64, th: f64) -> (f64, f64) {
    match shape {
        Shape::Default => (tw + 40.0, th + 10.0),
        Shape::Square => (tw + 40.0, th + 20.0),
        Shape::Rounded => (tw + 40.0, th + 30.0),
        Shape::Circle => {
            let d = tw.max(th) + 20.0;
            (d, d)
        }
        Shape::Bang => (tw + 60.0, th + 50.0),
        Shape::Cloud => (tw + 50.0, th + 40.0),
        Shape::Hexagon => (tw + 44.0 + th / 2.0, th + 20.0),
    }
}

/// Width of the edge into a node at `depth`.
pub fn edge_width(depth: usize) -> f64 {
    match depth {
        0 | 1 => 11.0,
        2 => 5.0,
        _ => 3.0,
    }
}

/// Lay out a mind map.
pub fn layout(m: &Mindmap, o: &LayoutOptions) -> Geometry {
    let n = m.nodes.len();
    let style = TextStyle {
        size: o.font_size,
        ..TextStyle::default()
    };
    let mut nodes: Vec<NodeGeo> = m
        .nodes
        .iter()
        .map(|nd| {
            let tb = text_layout(&nd.text, style, nd.markdown, Some(o.max_node_width));
            let (w, h) = node_size(nd.shape, tb.width, tb.height);
            NodeGeo {
                centre: Point::default(),
                w,
                h,
                text: tb,
            }
        })
        .collect();
    // Vertical extent of every subtree (children come after parents).
    let mut ext = vec![0.0f64; n];
    for i in (0..n).rev() {
        let ch = &m.nodes[i].children;
        let sum: f64 = ch.iter().map(|&c| ext[c]).sum::<f64>()
            + SIBLING_GAP * ch.len().saturating_sub(1) as f64;
        ext[i] = nodes[i].h.max(sum);
    }
    let mut dir = vec![1.0f64; n];
    let mut band_top = vec![0.0f64; n];
    if n > 0 {
        // Split the root's branches into a right and a left group.
        let kids = &m.nodes[0].children;
        let total: f64 = kids.iter().map(|&c| ext[c]).sum();
        let mut acc = 0.0;
        let mut right: Vec<usize> = Vec::new();
        let mut left: Vec<usize> = Vec::new();
        for &c in kids {
            if o.tidy_tree || right.is_empty() || acc + ext[c] / 2.0 <= total / 2.0 {
                right.push(c);
                acc += ext[c];
            } else {
                left.push(c);
            }
        }
        for (side, d) in [(&right, 1.0), (&left, -1.0)] {
            let sum: f64 = side.iter().map(|&c| ext[c]).sum::<f64>()
                + SIBLING_GAP * side.len().saturating_sub(1) as f64;
            let mut y = -sum / 2.0;
            for &c in side.iter() {
                band_top[c] = y;
                dir[c] = d;
                y += ext[c] + SIBLING_GAP;
            }
        }
        nodes[0].centre = Point::new(0.0, 0.0);
        for i in 0..n {
            let nd = &m.nodes[i];
            if let Some(p) = nd.parent {
                let d = dir[i];
                let x = nodes[p].centre.x + d * (nodes[p].w / 2.0 + LEVEL_GAP + nodes[i].w / 2.0);
                nodes[i].centre = Point::new(x, band_top[i] + ext[i] / 2.0);
            }
            // Bands of the children, centred on this node.
            let ch = &nd.children;
            if i > 0 {
                let sum: f64 = ch.iter().map(|&c| ext[c]).sum::<f64>()
                    + SIBLING_GAP * ch.len().saturating_sub(1) as f64;
                let mut y = nodes[i].centre.y - sum / 2.0;
                for &c in ch {
                    band_top[c] = y;
                    dir[c] = dir[i];
                    y += ext[c] + SIBLING_GAP;
                }
            }
        }
    }
    // Edges: from the parent's side to the child's near side.
    let mut edges = Vec::new();
    for (i, nd) in m.nodes.iter().enumerate() {
        let Some(p) = nd.parent else { continue };
        let d = dir[i];
        let (a, b) = (&nodes[p], &nodes[i]);
        let from = Point::new(a.centre.x + d * a.w / 2.0, a.centre.y);
        let to = Point::new(b.centre.x - d * b.w / 2.0, b.centre.y);
        let k = (to.x - from.x) / 2.0;
        edges.push(EdgeGeo {
            child: i,
            from,
            c1: Point::new(from.x + k, from.y),
            c2: Point::new(to.x - k, to.y),
            to,
            width: edge_width(nd.depth),
        });
    }
    // Canvas.
    let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    if let Some(first) = nodes.first() {
        (x0, y0, x1, y1) = (first.left(), first.top(), first.right(), first.bottom());
    }
    for g in &nodes {
        x0 = x0.min(g.left());
        y0 = y0.min(g.top());
        x1 = x1.max(g.right());
        y1 = y1.max(g.bottom());
    }
    let pad = o.padding;
    let (dx, dy) = (pad - x0, pad - y0);
    let mv = |p: Point| Point::new(p.x + dx, p.y + dy);
    for g in &mut nodes {
        g.centre = mv(g.centre);
    }
    for e in &mut edges {
        e.from = mv(e.from);
        e.c1 = mv(e.c1);
        e.c2 = mv(e.c2);
        e.to = mv(e.to);
    }
    Geometry {
        width: (x1 - x0 + 2.0 * pad).ceil().max(1.0),
        height: (y1 - y0 + 2.0 * pad).ceil().max(1.0),
        nodes,
        edges,
    }
}
