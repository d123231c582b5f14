//! Layout: a layered (Sugiyama-style) layout of a clustered graph.
//!
//! Stages, each in its own file:
//! 1. [`acyclic`]: reverse a few edges so the graph has no cycle;
//! 2. ranking by network simplex ([`simplex`]) with every edge's minimum
//!    length doubled, so that each edge has a middle rank for its label;
//! 3. long edges split into dummy nodes, one per rank; subgraphs get filler
//!    nodes on ranks where they have no member, so they are present on every
//!    rank they span;
//! 4. [`order`]: cluster-aware crossing reduction;
//! 5. `position`: coordinates — across ranks by network simplex over
//!    separation constraints (subgraph borders are variables shared by all
//!    ranks, so subgraphs are rectangles that hold exactly their members),
//!    along ranks with gaps that make room for subgraph titles and padding;
//! 6. [`route`]: edge paths from outline to outline through the dummy nodes;
//! 7. transform from the abstract top-to-bottom frame to the diagram's
//!    direction.
//!
//! [`verify`] checks the invariants on any result.

pub mod acyclic;
mod bk;
mod calm;
mod graph;
pub mod json;
mod nested;
pub mod order;
pub mod ports;
mod position;
pub mod route;
pub mod simplex;
mod titles;
pub mod verify;

use crate::geometry::Direction;
use crate::geometry::{ClusterGeom, EdgeGeom, EdgePath, Geometry, Point, Rect, Seg};
pub use graph::{Cluster, Edge, Graph, InvalidGraph, Node};

/// Layout options (Mermaid's defaults).
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Space between neighbouring nodes in one rank. Default 50.
    pub node_spacing: f64,
    /// Space between ranks. Default 50.
    pub rank_spacing: f64,
    /// Margin around the whole drawing. Default 8.
    pub margin: f64,
    /// Padding between a subgraph's border and its content. Default 16.
    pub cluster_padding: f64,
    /// Up to this many layered nodes (nodes plus edge points), coordinates
    /// are the exact optimum of network simplex; beyond, a Brandes–Köpf-style
    /// heuristic keeps layout fast at any size. Default 400.
    pub exact_limit: usize,
    /// Curve of edges that name none (`basis` when `None`): Mermaid's
    /// `flowchart.curve`.
    pub default_curve: Option<String>,
    /// Calm edges (`calm.rs`): ports placed for straight runs, and edges
    /// drawn as straight lines wherever that is as safe as the routed
    /// curve. Default false (flowcharts turn it on).
    pub calm_edges: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            node_spacing: 50.0,
            rank_spacing: 50.0,
            margin: 8.0,
            cluster_padding: 16.0,
            exact_limit: 400,
            default_curve: None,
            calm_edges: false,
        }
    }
}

/// What a layered node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A node of the graph.
    Real(usize),
    /// A point of a long edge (edge index).
    Dummy(usize),
    /// The point of an edge that carries its label.
    Label(usize),
    /// Keeps a subgraph present on a rank where it has no member.
    Filler,
}

/// A node of the layered graph, in the abstract frame: ranks grow along
/// the rank axis ("down"), order along the cross axis ("right").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LNode {
    pub kind: Kind,
    pub rank: usize,
    pub cluster: Option<usize>,
    /// Size across ranks.
    pub cross: f64,
    /// Size along ranks.
    pub depth: f64,
    /// Extra room on the cross-high side (self-loops).
    pub loop_room: f64,
    /// Depth this item needs in its rank's band (its own, or a self-loop label's).
    pub band: f64,
}

/// Which way along the cross axis a cluster laid out across the ranks runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Along {
    /// In increasing cross coordinate (LR inside TB, TB inside LR).
    Increasing,
    /// In decreasing cross coordinate (RL inside TB, BT inside LR).
    Decreasing,
}

/// The layered graph shared by the stages after ranking.
pub(crate) struct Layered {
    pub dir: Direction,
    pub nodes: Vec<LNode>,
    /// Left-to-right order of every rank.
    pub ranks: Vec<Vec<usize>>,
    pub up: Vec<Vec<usize>>,
    pub down: Vec<Vec<usize>>,
    /// Per graph edge: its layered nodes from low rank to high rank
    /// (empty for self-loops).
    pub chains: Vec<Vec<usize>>,
    /// Per graph edge: whether its chain runs against the edge.
    pub reversed: Vec<bool>,
    pub cluster_parent: Vec<Option<usize>>,
    /// Per cluster: (first rank, last rank) it spans.
    pub span: Vec<(usize, usize)>,
    /// Per cluster: title size in the abstract frame (cross, depth).
    pub title: Vec<(f64, f64)>,
    /// Index of the layered node of each graph node.
    pub real: Vec<usize>,
    /// Per graph edge: drawn within one rank (both ends on it), inside a
    /// subgraph whose `direction` runs across the diagram's.
    pub flat: Vec<bool>,
    /// The flat edges' ends (layered nodes) and the cross size of their
    /// label (0 without one).
    pub flat_edges: Vec<(usize, usize, f64)>,
    /// Per cluster: `Some(_)` when its members are laid out along the
    /// cross axis (its direction is perpendicular to the diagram's), and
    /// which way.
    pub flat_dir: Vec<Option<Along>>,
}

/// Subgraph `c` and the subgraphs around it, innermost first (empty for
/// `None`), given every subgraph's parent.
pub(crate) fn enclosing(parent: &[Option<usize>], c: Option<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut c = c;
    while let Some(ci) = c {
        out.push(ci);
        c = parent[ci];
    }
    out
}

/// Screen size → abstract (cross, depth).
fn to_abstract(dir: Direction, (w, h): (f64, f64)) -> (f64, f64) {
    if dir.is_horizontal() {
        (h, w)
    } else {
        (w, h)
    }
}

/// Abstract point → screen point.
fn to_screen(dir: Direction, p: Point) -> Point {
    match dir {
        Direction::TB => p,
        Direction::BT => Point::new(p.x, -p.y),
        Direction::LR => Point::new(p.y, p.x),
        Direction::RL => Point::new(-p.y, p.x),
    }
}

/// Screen offset → abstract offset (inverse of [`to_screen`]).
fn from_screen(dir: Direction, p: Point) -> Point {
    match dir {
        Direction::TB => p,
        Direction::BT => Point::new(p.x, -p.y),
        Direction::LR => Point::new(p.y, p.x),
        Direction::RL => Point::new(p.y, -p.x),
    }
}

/// Lay out `graph` (its node, label and title sizes already measured).
///
/// The input must satisfy [`Graph::validate`] (debug builds check it).
pub fn layout(graph: &Graph, opts: &LayoutOptions) -> Geometry {
    debug_assert_eq!(graph.validate(), Ok(()), "invalid layered graph");
    let chosen = nested::blocks(graph);
    if !chosen.is_empty() {
        return nested::layout_with_blocks(graph, opts, &chosen);
    }
    let lg = build(graph);
    let mut lg = lg;
    {
        let cluster: Vec<Option<usize>> = lg.nodes.iter().map(|v| v.cluster).collect();
        let og = order::OrderGraph {
            cluster: &cluster,
            cluster_parent: &lg.cluster_parent,
            up: &lg.up,
            down: &lg.down,
        };
        let sweeps = if lg.nodes.len() > 20_000 { 8 } else { 24 };
        order::order_doubled(&og, &mut lg.ranks, sweeps);
        let is_dummy: Vec<bool> = lg
            .nodes
            .iter()
            .map(|v| matches!(v.kind, Kind::Dummy(_) | Kind::Label(_)))
            .collect();
        order::keep_sides(&og, &mut lg.ranks, &is_dummy);
        flat_order(graph, &mut lg);
    }
    let pos = position::position(&lg, opts);
    let paths = route::route(
        graph,
        &lg,
        &pos,
        opts.default_curve.as_deref(),
        opts.calm_edges,
    );
    let mut geometry = finish(graph, &lg, &pos, paths, opts);
    if opts.calm_edges {
        titles::place_titles(graph, &mut geometry);
        calm::calm(graph, &mut geometry, opts.default_curve.as_deref());
    }
    // Debug builds check every modest layout against the invariants.
    #[cfg(debug_assertions)]
    if graph.nodes.len() <= 300 {
        let report = verify::verify(graph, &geometry);
        debug_assert!(
            report.is_clean(),
            "layout invariants violated: {:?}",
            report.messages
        );
    }
    geometry
}

/// Rank the graph and build the layered graph with dummies and fillers:
/// the passes in order.
fn build(graph: &Graph) -> Layered {
    let dir = graph.direction;
    let node_parent = graph.node_parents();
    let flat_dir = flat_directions(graph);
    let flat_candidate = flat_candidates(graph, &node_parent, &flat_dir);
    let Ranking { rank, reversed } = rank_nodes(graph, &flat_candidate);
    let cluster_parent: Vec<Option<usize>> = graph.clusters.iter().map(|s| s.parent).collect();
    let mut lg = Layered {
        dir,
        nodes: Vec::with_capacity(graph.nodes.len() * 2),
        ranks: Vec::new(),
        up: Vec::new(),
        down: Vec::new(),
        chains: vec![Vec::new(); graph.edges.len()],
        reversed,
        cluster_parent,
        span: Vec::new(),
        title: cluster_titles(graph),
        real: Vec::with_capacity(graph.nodes.len()),
        flat_edges: Vec::new(),
        flat: Vec::new(),
        flat_dir,
    };
    add_real_nodes(graph, &rank, &node_parent, &mut lg);
    split_long_edges(graph, &rank, &node_parent, &flat_candidate, &mut lg);
    add_cluster_fillers(graph.clusters.len(), &mut lg);
    initial_order(&mut lg);
    lg
}

/// Per cluster: which way its members run when its direction runs across the
/// diagram's (its members are laid out along the cross axis).
fn flat_directions(graph: &Graph) -> Vec<Option<Along>> {
    let dir = graph.direction;
    graph
        .clusters
        .iter()
        .map(|sg| {
            let d = sg.direction?;
            if d.is_horizontal() == dir.is_horizontal() {
                return None;
            }
            Some(if matches!(d, Direction::LR | Direction::TB) {
                Along::Increasing
            } else {
                Along::Decreasing
            })
        })
        .collect()
}

/// Per edge: between two direct members of a cluster laid out across the
/// ranks (such an edge may share a rank and run across it).
fn flat_candidates(
    graph: &Graph,
    node_parent: &[Option<usize>],
    flat_dir: &[Option<Along>],
) -> Vec<bool> {
    graph
        .edges
        .iter()
        .map(|e| {
            e.from != e.to
                && e.from_cluster.is_none()
                && e.to_cluster.is_none()
                && node_parent[e.from] == node_parent[e.to]
                && node_parent[e.from].is_some_and(|c| flat_dir[c].is_some())
        })
        .collect()
}

/// The ranks of the graph's nodes and which edges were reversed to break
/// cycles.
struct Ranking {
    /// Per node: its rank, doubled (real nodes on even ranks).
    rank: Vec<i64>,
    /// Per edge: reversed for ranking.
    reversed: Vec<bool>,
}

/// Break cycles (DFS in input order), then rank by network simplex with the
/// edges' own lengths and double: every edge gets a middle rank (for its
/// label), and real nodes sit on even ranks, which ordering uses to sweep
/// over the real ranks only. An edge to or from a subgraph orders the whole
/// subgraph: every member of its tail ranks before every member of its
/// head, through one ranking-only node per such edge (members → z →
/// members).
fn rank_nodes(graph: &Graph, flat_candidate: &[bool]) -> Ranking {
    let n = graph.nodes.len();
    let members = graph.cluster_members();
    let mut pairs: Vec<(usize, usize)> = graph.edges.iter().map(|e| (e.from, e.to)).collect();
    let m = pairs.len();
    let mut extra_len: Vec<i64> = Vec::new();
    let mut nv = n;
    for e in &graph.edges {
        if e.from_cluster.is_none() && e.to_cluster.is_none() {
            continue;
        }
        let a = e
            .from_cluster
            .map_or_else(|| vec![e.from], |c| members[c].clone());
        let b = e
            .to_cluster
            .map_or_else(|| vec![e.to], |c| members[c].clone());
        if a.is_empty() || b.is_empty() || a.iter().any(|u| b.contains(u)) {
            continue;
        }
        let z = nv;
        nv += 1;
        for &u in &a {
            pairs.push((u, z));
            extra_len.push(0);
        }
        for &v in &b {
            pairs.push((z, v));
            extra_len.push(i64::from(e.min_len.max(1)));
        }
    }
    let rev_all = acyclic::reversed_edges(nv, &pairs);
    let reversed = rev_all[..m].to_vec();
    let mut cons: Vec<simplex::Constraint> = graph
        .edges
        .iter()
        .zip(&reversed)
        .zip(flat_candidate)
        .filter(|((e, _), _)| e.from != e.to)
        .map(|((e, &rv), &fc)| {
            let (tail, head) = if rv { (e.to, e.from) } else { (e.from, e.to) };
            simplex::Constraint {
                tail,
                head,
                minlen: if fc { 0 } else { i64::from(e.min_len.max(1)) },
                weight: if fc { 8 } else { 1 },
            }
        })
        .collect();
    for (k, &(u, v)) in pairs[m..].iter().enumerate() {
        let (tail, head) = if rev_all[m + k] { (v, u) } else { (u, v) };
        cons.push(simplex::Constraint {
            tail,
            head,
            minlen: extra_len[k],
            weight: 0,
        });
    }
    let rank: Vec<i64> = simplex::solve(nv, &cons, simplex::pivot_budget(nv, cons.len()))
        .into_iter()
        .take(n)
        .map(|r| 2 * r)
        .collect();
    Ranking { rank, reversed }
}

/// Cluster title sizes in the abstract frame (cross, depth).
fn cluster_titles(graph: &Graph) -> Vec<(f64, f64)> {
    graph
        .clusters
        .iter()
        .map(|c| to_abstract(graph.direction, c.title_size))
        .collect()
}

/// One layered node per graph node, with room for its self-loops: nested
/// loops on the node's cross-high side, their labels side by side beyond
/// the outermost loop.
fn add_real_nodes(graph: &Graph, rank: &[i64], node_parent: &[Option<usize>], lg: &mut Layered) {
    let dir = graph.direction;
    let n = graph.nodes.len();
    let mut loop_count = vec![0usize; n];
    let mut loop_labels = vec![0.0f64; n];
    let mut loop_label_depth = vec![0.0f64; n];
    for e in graph.edges.iter().filter(|e| e.from == e.to) {
        loop_count[e.from] += 1;
        if let Some(s) = e.label {
            let (c, d) = to_abstract(dir, s);
            loop_labels[e.from] += c + route::LOOP_LABEL_GAP;
            loop_label_depth[e.from] = loop_label_depth[e.from].max(d);
        }
    }
    for i in 0..n {
        let (cross, depth) = to_abstract(dir, (graph.nodes[i].width, graph.nodes[i].height));
        let loop_room = if loop_count[i] == 0 {
            0.0
        } else {
            route::loop_extent(loop_count[i] - 1) + loop_labels[i]
        };
        lg.real.push(lg.nodes.len());
        lg.nodes.push(LNode {
            kind: Kind::Real(i),
            rank: rank[i] as usize,
            cluster: node_parent[i],
            cross,
            depth,
            loop_room,
            band: depth.max(loop_label_depth[i]),
        });
        lg.up.push(Vec::new());
        lg.down.push(Vec::new());
    }
}

/// Flat edges stay within their rank; every other edge becomes a chain with
/// one point per rank it crosses, the middle one carrying its label. Edges
/// keep their declared ends (a subgraph end's first member); the part
/// inside the subgraph is cut at its border later.
fn split_long_edges(
    graph: &Graph,
    rank: &[i64],
    node_parent: &[Option<usize>],
    flat_candidate: &[bool],
    lg: &mut Layered,
) {
    let dir = graph.direction;
    let ancestors = |c: Option<usize>| enclosing(&lg.cluster_parent, c);
    let lca = |a: Option<usize>, b: Option<usize>| {
        let bb = ancestors(b);
        ancestors(a).into_iter().find(|c| bb.contains(c))
    };
    lg.flat = graph
        .edges
        .iter()
        .zip(flat_candidate)
        .map(|(e, &fc)| fc && rank[e.from] == rank[e.to])
        .collect();
    lg.flat_edges = graph
        .edges
        .iter()
        .enumerate()
        .filter(|&(i, _)| lg.flat[i])
        .map(|(_, e)| {
            (
                lg.real[e.from],
                lg.real[e.to],
                e.label.map_or(0.0, |s| to_abstract(dir, s).0),
            )
        })
        .collect();
    for (i, e) in graph.edges.iter().enumerate() {
        if e.from == e.to || lg.flat[i] {
            continue;
        }
        let (t, h) = if lg.reversed[i] {
            (e.to, e.from)
        } else {
            (e.from, e.to)
        };
        let (rt, rh) = (rank[t] as usize, rank[h] as usize);
        let c = lca(node_parent[t], node_parent[h]);
        let mut chain = vec![lg.real[t]];
        let mid = (rt + rh) / 2;
        for r in rt + 1..rh {
            let (kind, cross, depth) = match e.label {
                Some(s) if r == mid => {
                    let (c, d) = to_abstract(dir, s);
                    (Kind::Label(i), c, d)
                }
                _ => (Kind::Dummy(i), 0.0, 0.0),
            };
            chain.push(lg.nodes.len());
            lg.nodes.push(LNode {
                kind,
                rank: r,
                cluster: c,
                cross,
                depth,
                loop_room: 0.0,
                band: depth,
            });
            lg.up.push(Vec::new());
            lg.down.push(Vec::new());
        }
        chain.push(lg.real[h]);
        for w in chain.windows(2) {
            lg.down[w[0]].push(w[1]);
            lg.up[w[1]].push(w[0]);
        }
        lg.chains[i] = chain;
    }
}

/// Each cluster's span of ranks, and a zero-size filler on every rank of
/// its span where it has no member (inner clusters first), so it is present
/// on every rank it spans.
fn add_cluster_fillers(nc: usize, lg: &mut Layered) {
    let max_rank = lg.nodes.iter().map(|v| v.rank).max().unwrap_or(0);
    let cluster_parent = lg.cluster_parent.clone();
    let ancestors = |c: Option<usize>| enclosing(&cluster_parent, c);
    let mut present = vec![vec![false; max_rank + 1]; nc];
    for v in &lg.nodes {
        for c in ancestors(v.cluster) {
            present[c][v.rank] = true;
        }
    }
    let depth_of = |c: usize| ancestors(Some(c)).len();
    let mut by_depth: Vec<usize> = (0..nc).collect();
    by_depth.sort_by_key(|&c| std::cmp::Reverse(depth_of(c)));
    let mut span = vec![(0usize, 0usize); nc];
    for &c in &by_depth {
        let lo = present[c].iter().position(|&p| p);
        let hi = present[c].iter().rposition(|&p| p);
        let (lo, hi) = match (lo, hi) {
            (Some(lo), Some(hi)) => (lo, hi),
            _ => (0, 0),
        };
        span[c] = (lo, hi);
        #[allow(clippy::needless_range_loop)] // `present` of the ancestors changes too
        for r in lo..=hi {
            if !present[c][r] {
                lg.nodes.push(LNode {
                    kind: Kind::Filler,
                    rank: r,
                    cluster: Some(c),
                    cross: 0.0,
                    depth: 0.0,
                    loop_room: 0.0,
                    band: 0.0,
                });
                lg.up.push(Vec::new());
                lg.down.push(Vec::new());
                for a in ancestors(Some(c)) {
                    present[a][r] = true;
                }
            }
        }
    }
    lg.span = span;
}

/// Initial order: depth-first from the nodes in input order.
fn initial_order(lg: &mut Layered) {
    let max_rank = lg.nodes.iter().map(|v| v.rank).max().unwrap_or(0);
    let mut ranks: Vec<Vec<usize>> = vec![Vec::new(); max_rank + 1];
    let mut seen = vec![false; lg.nodes.len()];
    let mut starts: Vec<usize> = lg.real.clone();
    starts.sort_by_key(|&v| lg.nodes[v].rank);
    starts.extend(lg.real.len()..lg.nodes.len());
    for s in starts {
        if seen[s] {
            continue;
        }
        let mut stack = vec![s];
        seen[s] = true;
        while let Some(v) = stack.pop() {
            ranks[lg.nodes[v].rank].push(v);
            for &w in lg.down[v].iter().rev() {
                if !seen[w] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
    }
    lg.ranks = ranks;
}

/// In subgraphs laid out across the ranks, put each rank's direct members in
/// the order their edges run (a topological order of the flat edges,
/// otherwise keeping the order found), within the slots they already hold.
fn flat_order(graph: &Graph, lg: &mut Layered) {
    if !lg.flat.iter().any(|&f| f) {
        return;
    }
    let n = lg.nodes.len();
    let mut rank_pos = vec![0usize; n];
    for r in &lg.ranks {
        for (i, &v) in r.iter().enumerate() {
            rank_pos[v] = i;
        }
    }
    // Longest-path level of every node along flat edges.
    let mut level = vec![0usize; n];
    let mut indeg = vec![0usize; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in graph.edges.iter().enumerate() {
        if lg.flat[i] {
            let (a, b) = (lg.real[e.from], lg.real[e.to]);
            out[a].push(b);
            indeg[b] += 1;
        }
    }
    let mut queue: Vec<usize> = (0..n)
        .filter(|&v| indeg[v] == 0 && !out[v].is_empty())
        .collect();
    while let Some(a) = queue.pop() {
        for &b in &out[a] {
            level[b] = level[b].max(level[a] + 1);
            indeg[b] -= 1;
            if indeg[b] == 0 {
                queue.push(b);
            }
        }
    }
    for rank in lg.ranks.iter_mut() {
        for (c, fd) in lg.flat_dir.iter().enumerate() {
            let Some(along) = *fd else { continue };
            let slots: Vec<usize> = (0..rank.len())
                .filter(|&i| {
                    lg.nodes[rank[i]].cluster == Some(c)
                        && matches!(lg.nodes[rank[i]].kind, Kind::Real(_))
                })
                .collect();
            if slots.len() < 2 {
                continue;
            }
            let mut members: Vec<usize> = slots.iter().map(|&i| rank[i]).collect();
            members.sort_by_key(|&v| {
                let l = level[v] as i64;
                (if along == Along::Increasing { l } else { -l }, rank_pos[v])
            });
            for (&i, v) in slots.iter().zip(members) {
                rank[i] = v;
            }
        }
    }
}

/// Transform to the diagram's direction and assemble the geometry.
fn finish(
    graph: &Graph,
    lg: &Layered,
    pos: &position::Positions,
    paths: Vec<(EdgePath, Option<Point>)>,
    opts: &LayoutOptions,
) -> Geometry {
    let dir = lg.dir;
    let mut nodes: Vec<Rect> = Vec::with_capacity(graph.nodes.len());
    for (i, &ln) in lg.real.iter().enumerate() {
        let c = to_screen(dir, Point::new(pos.x[ln], pos.y[lg.nodes[ln].rank]));
        let (w, h) = (graph.nodes[i].width, graph.nodes[i].height);
        nodes.push(Rect {
            x: c.x,
            y: c.y,
            width: w,
            height: h,
        });
    }
    let mut clusters = Vec::with_capacity(graph.clusters.len());
    for (c, b) in pos.clusters.iter().enumerate() {
        // b: abstract (x0, x1, y0, y1)
        let p0 = to_screen(dir, Point::new(b.0, b.2));
        let p1 = to_screen(dir, Point::new(b.1, b.3));
        let rect = Rect {
            x: (p0.x + p1.x) / 2.0,
            y: (p0.y + p1.y) / 2.0,
            width: (p1.x - p0.x).abs(),
            height: (p1.y - p0.y).abs(),
        };
        let (tw, th) = graph.clusters[c].title_size;
        let title = Rect {
            x: rect.x,
            y: rect.top() + position::TITLE_GAP + th / 2.0,
            width: tw,
            height: th,
        };
        clusters.push(ClusterGeom { rect, title });
    }
    let mut edges = Vec::with_capacity(graph.edges.len());
    for (i, (path, label)) in paths.into_iter().enumerate() {
        let start = to_screen(dir, path.start);
        let segs = path
            .segs
            .iter()
            .map(|s| match *s {
                Seg::Line(p) => Seg::Line(to_screen(dir, p)),
                Seg::Cubic(a, b, p) => {
                    Seg::Cubic(to_screen(dir, a), to_screen(dir, b), to_screen(dir, p))
                }
            })
            .collect();
        let label = match (label, graph.edges[i].label) {
            (Some(p), Some((w, h))) => {
                let c = to_screen(dir, p);
                Some(Rect {
                    x: c.x,
                    y: c.y,
                    width: w,
                    height: h,
                })
            }
            _ => None,
        };
        let mut path = EdgePath { start, segs };
        // Edges to and from subgraphs end on the subgraph's border.
        // (When the cut would drop the label's stretch, the edge keeps
        // running to the member node instead.)
        let e = &graph.edges[i];
        let mut cut = path.clone();
        if let Some(c) = e.to_cluster {
            cut = route::clip_end(&cut, &clusters[c].rect);
        }
        if let Some(c) = e.from_cluster {
            cut = route::clip_start(&cut, &clusters[c].rect);
        }
        if label.is_none_or(|l| cut.passes_near(Point::new(l.x, l.y), 1.0)) {
            path = cut;
        }
        edges.push(EdgeGeom { path, label });
    }
    let mut geom = Geometry {
        width: 0.0,
        height: 0.0,
        nodes,
        edges,
        clusters,
    };
    normalise(&mut geom, opts.margin);
    geom
}

/// Translate so everything starts at `margin`, and size the drawing.
fn normalise(g: &mut Geometry, margin: f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    let mut add = |r: &Rect| {
        x0 = x0.min(r.left());
        y0 = y0.min(r.top());
        x1 = x1.max(r.right());
        y1 = y1.max(r.bottom());
    };
    g.nodes.iter().for_each(&mut add);
    g.clusters.iter().for_each(|c| {
        add(&c.rect);
        add(&c.title)
    });
    for e in &g.edges {
        if let Some(l) = &e.label {
            add(l);
        }
        for p in e.path.sample(8) {
            add(&Rect {
                x: p.x,
                y: p.y,
                width: 0.0,
                height: 0.0,
            });
        }
    }
    if !x0.is_finite() {
        g.width = 2.0 * margin;
        g.height = 2.0 * margin;
        return;
    }
    let (dx, dy) = (margin - x0, margin - y0);
    let mv = |p: &mut Point| {
        p.x += dx;
        p.y += dy;
    };
    for r in &mut g.nodes {
        r.x += dx;
        r.y += dy;
    }
    for c in &mut g.clusters {
        c.rect.x += dx;
        c.rect.y += dy;
        c.title.x += dx;
        c.title.y += dy;
    }
    for e in &mut g.edges {
        mv(&mut e.path.start);
        for s in &mut e.path.segs {
            match s {
                Seg::Line(p) => mv(p),
                Seg::Cubic(a, b, p) => {
                    mv(a);
                    mv(b);
                    mv(p)
                }
            }
        }
        if let Some(l) = &mut e.label {
            l.x += dx;
            l.y += dy;
        }
    }
    g.width = x1 - x0 + 2.0 * margin;
    g.height = y1 - y0 + 2.0 * margin;
}

#[cfg(test)]
mod tests;
