//! Mind map → geometry: node sizes from their measured labels, then a
//! balanced tree around the root: its branches are dealt to the right,
//! below, left and above (right and left only for two branches; all to
//! the right with `layout: tidy-tree`), each branch a tidy tree growing
//! away from the root. Subtrees own disjoint bands across their growth,
//! and the upper and lower branches are moved clear of the side ones, so
//! no two nodes can overlap. Text is measured here and only here.

use super::model::{Mindmap, Shape};
use crate::geometry::Point;
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Horizontal gap between a node and its children.
pub const LEVEL_GAP: f64 = 50.0;
/// Vertical gap between a node and its children in branches growing up
/// or down.
pub const LEVEL_GAP_V: f64 = 40.0;
/// Which way a branch grows from the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Down,
    Up,
}

impl Side {
    fn sideways(self) -> bool {
        matches!(self, Side::Right | Side::Left)
    }
}

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
    // Extent of every subtree across its growth: vertical for branches
    // growing sideways, horizontal for branches growing up or down
    // (children come after parents).
    let mut ext_v = vec![0.0f64; n];
    let mut ext_h = vec![0.0f64; n];
    for i in (0..n).rev() {
        let ch = &m.nodes[i].children;
        let gaps = SIBLING_GAP * ch.len().saturating_sub(1) as f64;
        let sv: f64 = ch.iter().map(|&c| ext_v[c]).sum::<f64>() + gaps;
        let sh: f64 = ch.iter().map(|&c| ext_h[c]).sum::<f64>() + gaps;
        ext_v[i] = nodes[i].h.max(sv);
        ext_h[i] = nodes[i].w.max(sh);
    }
    let across = |d: Side, i: usize| if d.sideways() { ext_v[i] } else { ext_h[i] };
    let mut dir = vec![Side::Right; n];
    let mut band = vec![0.0f64; n];
    if n > 0 {
        // Deal the root's branches to the sides, each to the side with the
        // least load so far (right and left first; up and down only when
        // there are more than two branches).
        let kids = m.nodes[0].children.clone();
        let sides: &[Side] = if o.tidy_tree {
            &[Side::Right]
        } else if kids.len() <= 2 {
            &[Side::Right, Side::Left]
        } else {
            &[Side::Right, Side::Down, Side::Left, Side::Up]
        };
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); sides.len()];
        let mut load = vec![0.0f64; sides.len()];
        for (k, &c) in kids.iter().enumerate() {
            let s = if k < sides.len() {
                k
            } else {
                (0..sides.len())
                    .min_by(|&a, &b| load[a].total_cmp(&load[b]))
                    .unwrap_or(0)
            };
            groups[s].push(c);
            load[s] += ext_v[c].max(ext_h[c]);
        }
        for (g, &d) in groups.iter().zip(sides) {
            let sum: f64 = g.iter().map(|&c| across(d, c)).sum::<f64>()
                + SIBLING_GAP * g.len().saturating_sub(1) as f64;
            let mut y = -sum / 2.0;
            for &c in g {
                band[c] = y;
                dir[c] = d;
                y += across(d, c) + SIBLING_GAP;
            }
        }
        nodes[0].centre = Point::new(0.0, 0.0);
        for i in 0..n {
            let nd = &m.nodes[i];
            if let Some(p) = nd.parent {
                let d = dir[i];
                let (pc, pw, ph) = (nodes[p].centre, nodes[p].w, nodes[p].h);
                let (w, h) = (nodes[i].w, nodes[i].h);
                let off = band[i] + across(d, i) / 2.0;
                nodes[i].centre = match d {
                    Side::Right => Point::new(pc.x + pw / 2.0 + LEVEL_GAP + w / 2.0, off),
                    Side::Left => Point::new(pc.x - pw / 2.0 - LEVEL_GAP - w / 2.0, off),
                    Side::Down => Point::new(off, pc.y + ph / 2.0 + LEVEL_GAP_V + h / 2.0),
                    Side::Up => Point::new(off, pc.y - ph / 2.0 - LEVEL_GAP_V - h / 2.0),
                };
            }
            if i > 0 {
                let d = dir[i];
                let ch = &nd.children;
                let sum: f64 = ch.iter().map(|&c| across(d, c)).sum::<f64>()
                    + SIBLING_GAP * ch.len().saturating_sub(1) as f64;
                let mid = if d.sideways() {
                    nodes[i].centre.y
                } else {
                    nodes[i].centre.x
                };
                let mut y = mid - sum / 2.0;
                for &c in ch {
                    band[c] = y;
                    dir[c] = d;
                    y += across(d, c) + SIBLING_GAP;
                }
            }
        }
        // Move the upper and lower branches clear of the side ones.
        let bbox = |d: Side, nodes: &[NodeGeo]| {
            let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for (g, _) in nodes.iter().zip(&dir).skip(1).filter(|(_, s)| **s == d) {
                b = (
                    b.0.min(g.left()),
                    b.1.min(g.top()),
                    b.2.max(g.right()),
                    b.3.max(g.bottom()),
                );
            }
            b
        };
        let (r, l) = (bbox(Side::Right, &nodes), bbox(Side::Left, &nodes));
        for d in [Side::Down, Side::Up] {
            let b = bbox(d, &nodes);
            if b.0 > b.2 {
                continue;
            }
            let mut shift = 0.0f64;
            for s in [r, l] {
                if s.0 > s.2 || b.2 <= s.0 - SIBLING_GAP || s.2 <= b.0 - SIBLING_GAP {
                    continue;
                }
                shift = if d == Side::Down {
                    shift.max(s.3 + LEVEL_GAP_V - b.1)
                } else {
                    shift.max(b.3 - (s.1 - LEVEL_GAP_V))
                };
            }
            if shift > 0.0 {
                let sign = if d == Side::Down { 1.0 } else { -1.0 };
                for (g, _) in nodes.iter_mut().zip(&dir).skip(1).filter(|(_, s)| **s == d) {
                    g.centre.y += sign * shift;
                }
            }
        }
    }
    // Edges: from the parent's side to the child's near side.
    let mut edges = Vec::new();
    for (i, nd) in m.nodes.iter().enumerate() {
        let Some(p) = nd.parent else { continue };
        let (a, b) = (&nodes[p], &nodes[i]);
        let (from, to, c1, c2) = match dir[i] {
            Side::Right | Side::Left => {
                let d = if dir[i] == Side::Right { 1.0 } else { -1.0 };
                let from = Point::new(a.centre.x + d * a.w / 2.0, a.centre.y);
                let to = Point::new(b.centre.x - d * b.w / 2.0, b.centre.y);
                let k = (to.x - from.x) / 2.0;
                (
                    from,
                    to,
                    Point::new(from.x + k, from.y),
                    Point::new(to.x - k, to.y),
                )
            }
            Side::Down | Side::Up => {
                let d = if dir[i] == Side::Down { 1.0 } else { -1.0 };
                let from = Point::new(a.centre.x, a.centre.y + d * a.h / 2.0);
                let to = Point::new(b.centre.x, b.centre.y - d * b.h / 2.0);
                let k = (to.y - from.y) / 2.0;
                (
                    from,
                    to,
                    Point::new(from.x, from.y + k),
                    Point::new(to.x, to.y - k),
                )
            }
        };
        edges.push(EdgeGeo {
            child: i,
            from,
            c1,
            c2,
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
