//! Layout invariants, checked on any geometry: used by tests, and by debug
//! builds after every layout of a modest size.
//!
//! - no two node boxes overlap;
//! - no edge label overlaps a node or another label;
//! - no edge passes through a node it does not connect;
//! - every subgraph box holds its members (nodes and subgraphs), holds no
//!   other node, and does not overlap a subgraph it is not nested with.

use super::graph::Graph;
use crate::geometry::{Geometry, Point, Rect};

/// Counts of violated invariants, with a message for each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub node_overlaps: usize,
    pub label_overlaps: usize,
    pub edges_through_nodes: usize,
    pub cluster_violations: usize,
    pub messages: Vec<String>,
}

impl Report {
    /// True when no invariant is violated.
    pub fn is_clean(&self) -> bool {
        self.node_overlaps
            + self.label_overlaps
            + self.edges_through_nodes
            + self.cluster_violations
            == 0
    }
}

/// Tolerance in px, as in `layout_metrics.py`.
const TOL: f64 = 1.0;

fn overlap(a: &Rect, b: &Rect) -> bool {
    let ox = a.right().min(b.right()) - a.left().max(b.left());
    let oy = a.bottom().min(b.bottom()) - a.top().max(b.top());
    ox > TOL && oy > TOL
}

fn inside(inner: &Rect, outer: &Rect) -> bool {
    inner.left() >= outer.left() - TOL
        && inner.right() <= outer.right() + TOL
        && inner.top() >= outer.top() - TOL
        && inner.bottom() <= outer.bottom() + TOL
}

/// Whether segment p–q enters the box shrunk by `TOL` (Liang–Barsky).
fn segment_hits(p: Point, q: Point, r: &Rect) -> bool {
    let (x0, x1, y0, y1) = (
        r.left() + TOL,
        r.right() - TOL,
        r.top() + TOL,
        r.bottom() - TOL,
    );
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let mut t0 = 0.0f64;
    let mut t1 = 1.0f64;
    for (pv, qv) in [
        (-dx, p.x - x0),
        (dx, x1 - p.x),
        (-dy, p.y - y0),
        (dy, y1 - p.y),
    ] {
        if pv == 0.0 {
            if qv < 0.0 {
                return false;
            }
        } else {
            let t = qv / pv;
            if pv < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// Check every invariant.
pub fn verify(graph: &Graph, g: &Geometry) -> Report {
    let mut rep = Report::default();
    let n = g.nodes.len();
    // Node overlaps: sweep over x.
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| g.nodes[a].left().total_cmp(&g.nodes[b].left()));
    for (k, &a) in idx.iter().enumerate() {
        for &b in &idx[k + 1..] {
            if g.nodes[b].left() >= g.nodes[a].right() {
                break;
            }
            if overlap(&g.nodes[a], &g.nodes[b]) {
                rep.node_overlaps += 1;
                rep.messages.push(format!(
                    "nodes {} and {} overlap",
                    graph.nodes[a].id, graph.nodes[b].id
                ));
            }
        }
    }
    // Labels.
    let labels: Vec<(usize, Rect)> = g
        .edges
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.label.map(|l| (i, l)))
        .collect();
    for (k, (i, l)) in labels.iter().enumerate() {
        for (j, node) in g.nodes.iter().enumerate() {
            if overlap(l, node) {
                rep.label_overlaps += 1;
                rep.messages.push(format!(
                    "label of edge {i} overlaps node {}",
                    graph.nodes[j].id
                ));
            }
        }
        for (j, m) in &labels[k + 1..] {
            if overlap(l, m) {
                rep.label_overlaps += 1;
                rep.messages
                    .push(format!("labels of edges {i} and {j} overlap"));
            }
        }
    }
    // Edges through nodes.
    for (i, e) in g.edges.iter().enumerate() {
        let (from, to) = (graph.edges[i].from, graph.edges[i].to);
        let pts = e.path.sample(8);
        for (j, node) in g.nodes.iter().enumerate() {
            if j == from || j == to {
                continue;
            }
            if pts.windows(2).any(|w| segment_hits(w[0], w[1], node)) {
                rep.edges_through_nodes += 1;
                rep.messages.push(format!(
                    "edge {} --> {} passes through node {}",
                    graph.nodes[from].id, graph.nodes[to].id, graph.nodes[j].id
                ));
            }
        }
    }
    // Clusters.
    let parents = graph.node_parents();
    let nc = g.clusters.len();
    let parent: Vec<Option<usize>> = graph.clusters.iter().map(|s| s.parent).collect();
    let ancestors = |c: Option<usize>| super::enclosing(&parent, c);
    for (j, node) in g.nodes.iter().enumerate() {
        let anc = ancestors(parents[j]);
        for c in 0..nc {
            let r = &g.clusters[c].rect;
            if anc.contains(&c) {
                if !inside(node, r) {
                    rep.cluster_violations += 1;
                    rep.messages.push(format!(
                        "node {} is outside its subgraph {}",
                        graph.nodes[j].id, graph.clusters[c].id
                    ));
                }
            } else if overlap(node, r) {
                rep.cluster_violations += 1;
                rep.messages.push(format!(
                    "node {} intrudes into subgraph {}",
                    graph.nodes[j].id, graph.clusters[c].id
                ));
            }
        }
    }
    for a in 0..nc {
        let anc_a = ancestors(Some(a));
        if let Some(p) = graph.clusters[a].parent {
            if !inside(&g.clusters[a].rect, &g.clusters[p].rect) {
                rep.cluster_violations += 1;
                rep.messages.push(format!(
                    "subgraph {} is outside its parent {}",
                    graph.clusters[a].id, graph.clusters[p].id
                ));
            }
        }
        for b in a + 1..nc {
            if anc_a.contains(&b) || ancestors(Some(b)).contains(&a) {
                continue;
            }
            if overlap(&g.clusters[a].rect, &g.clusters[b].rect) {
                rep.cluster_violations += 1;
                rep.messages.push(format!(
                    "subgraphs {} and {} overlap",
                    graph.clusters[a].id, graph.clusters[b].id
                ));
            }
        }
    }
    rep
}

fn seg_cross(a: Point, b: Point, c: Point, d: Point) -> Option<Point> {
    let r = Point::new(b.x - a.x, b.y - a.y);
    let s = Point::new(d.x - c.x, d.y - c.y);
    let den = r.x * s.y - r.y * s.x;
    if den.abs() < 1e-12 {
        return None;
    }
    let t = ((c.x - a.x) * s.y - (c.y - a.y) * s.x) / den;
    let u = ((c.x - a.x) * r.y - (c.y - a.y) * r.x) / den;
    ((0.0..=1.0).contains(&t) && (0.0..=1.0).contains(&u))
        .then(|| Point::new(a.x + t * r.x, a.y + t * r.y))
}

/// Geometric crossings between edges that share no end point (points
/// within 10 px of a shared end are ignored, as `layout_metrics.py` does
/// for fan-in and fan-out). O(E² S²): meant for tests and small diagrams.
pub fn crossings(g: &Geometry) -> usize {
    let paths: Vec<Vec<Point>> = g.edges.iter().map(|e| e.path.sample(8)).collect();
    let mut count = 0;
    for i in 0..paths.len() {
        for j in i + 1..paths.len() {
            let ends = [paths[i][0], *paths[i].last().unwrap_or(&paths[i][0])];
            let mut found: Vec<Point> = Vec::new();
            for a in paths[i].windows(2) {
                for b in paths[j].windows(2) {
                    if let Some(p) = seg_cross(a[0], a[1], b[0], b[1]) {
                        let near_end = ends.iter().any(|e| {
                            let shared = [paths[j][0], *paths[j].last().unwrap_or(&paths[j][0])];
                            shared
                                .iter()
                                .any(|s| (s.x - e.x).abs() < 20.0 && (s.y - e.y).abs() < 20.0)
                                && (p.x - e.x).abs() < 20.0
                                && (p.y - e.y).abs() < 20.0
                        });
                        if !near_end
                            && !found
                                .iter()
                                .any(|q| (q.x - p.x).abs() < 1.0 && (q.y - p.y).abs() < 1.0)
                        {
                            found.push(p);
                        }
                    }
                }
            }
            count += found.len();
        }
    }
    count
}

/// The subgraphs an edge may cross the border of: those holding one of
/// its ends (a node's subgraphs, or a subgraph end and the subgraphs around
/// it).
fn own_clusters(graph: &Graph, parents: &[Option<usize>], i: usize) -> Vec<usize> {
    let parent: Vec<Option<usize>> = graph.clusters.iter().map(|s| s.parent).collect();
    let e = &graph.edges[i];
    let mut own = Vec::new();
    for (node, cluster) in [(e.from, e.from_cluster), (e.to, e.to_cluster)] {
        own.extend(super::enclosing(
            &parent,
            parents.get(node).copied().flatten(),
        ));
        own.extend(super::enclosing(&parent, cluster));
    }
    own
}

/// (edge, subgraph) pairs where the edge enters the subgraph's box (shrunk
/// by 1 px, as `layout_metrics.py` counts edges_through_clusters) although
/// neither end is inside it. Not part of [`Report::is_clean`]: flowcharts
/// keep it at zero (`calm`), other types are only measured.
pub fn edges_through_clusters(graph: &Graph, g: &Geometry) -> Vec<(usize, usize)> {
    let parents = graph.node_parents();
    let mut out = Vec::new();
    for (i, e) in g.edges.iter().enumerate() {
        let own = own_clusters(graph, &parents, i);
        let pts = e.path.sample(8);
        for (c, cg) in g.clusters.iter().enumerate() {
            if !own.contains(&c) && pts.windows(2).any(|w| segment_hits(w[0], w[1], &cg.rect)) {
                out.push((i, c));
            }
        }
    }
    out
}

/// (edge, subgraph) pairs where the edge crosses the subgraph's title box
/// (shrunk by 1 px), whether or not the edge belongs to the subgraph.
pub fn edges_through_titles(g: &Geometry) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, e) in g.edges.iter().enumerate() {
        let pts = e.path.sample(8);
        for (c, cg) in g.clusters.iter().enumerate() {
            if pts.windows(2).any(|w| segment_hits(w[0], w[1], &cg.title)) {
                out.push((i, c));
            }
        }
    }
    out
}
