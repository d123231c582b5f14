//! Subgraphs with a `direction` of their own.
//!
//! A subgraph whose direction differs from the one it inherits, and that
//! no edge crosses, is laid out on its own in its direction; its drawing
//! then stands in the outer layout as one box-sized node (recursively, so
//! nested directions work too). mermaid-js does the same for such
//! subgraphs. A subgraph that edges cross stays in the outer layering; when
//! its direction runs across the diagram's, its members share ranks and its
//! edges run across them ("flat" edges, see `flat_order` and
//! `route::flat_edge`), so its direction is honoured there too.

// Index maps between the outer, inner and original graphs are clearer
// as index loops than as zipped iterators.
#![allow(clippy::needless_range_loop)]

use super::graph::{Cluster, Graph, Node};
use super::position::TITLE_GAP;
use super::LayoutOptions;
use crate::geometry::{ClusterGeom, Direction, EdgeGeom, EdgePath, Geometry, Point, Rect, Seg};

/// Subgraphs to lay out on their own: own direction differing from the
/// inherited one, no crossing edge, no ancestor already chosen.
pub(crate) fn blocks(graph: &Graph) -> Vec<usize> {
    let nc = graph.clusters.len();
    let members = graph.cluster_members();
    let mut chosen: Vec<usize> = Vec::new();
    // Outermost first: parents before children.
    let mut order: Vec<usize> = (0..nc).collect();
    order.sort_by_key(|&c| depth(graph, c));
    for c in order {
        let sg = &graph.clusters[c];
        let Some(d) = sg.direction else { continue };
        if d == inherited(graph, c) {
            continue;
        }
        let mut anc = sg.parent;
        let mut under_chosen = false;
        while let Some(a) = anc {
            under_chosen |= chosen.contains(&a);
            anc = graph.clusters[a].parent;
        }
        if under_chosen || members[c].is_empty() {
            continue;
        }
        let crossing = graph.edges.iter().any(|e| {
            let a = end_place(graph, c, &members[c], e.from, e.from_cluster);
            let b = end_place(graph, c, &members[c], e.to, e.to_cluster);
            matches!(
                (a, b),
                (Place::Inside, Place::Outside | Place::Border)
                    | (Place::Outside | Place::Border, Place::Inside)
            )
        });
        if !crossing {
            chosen.push(c);
        }
    }
    chosen
}

/// Where an edge end lies for subgraph `c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Outside `c`.
    Outside,
    /// At a node or subgraph inside `c`.
    Inside,
    /// At `c` itself, or at an ancestor of `c` whose stand-in member lies
    /// in `c` (`A --> TOP` with TOP's stand-in inside block `c`): the
    /// edge ends on `c`'s border, so it does not enter `c`.
    Border,
}

/// The place of an edge end at `node` (attached to subgraph `cluster`,
/// if any) for subgraph `c` with sorted `members`.
pub(crate) fn end_place(
    graph: &Graph,
    c: usize,
    members: &[usize],
    node: usize,
    cluster: Option<usize>,
) -> Place {
    if members.binary_search(&node).is_err() {
        return Place::Outside;
    }
    match cluster {
        Some(y) if is_ancestor_or_self(graph, y, c) => Place::Border,
        _ => Place::Inside,
    }
}

/// True when `a` is `c` or one of its ancestors.
fn is_ancestor_or_self(graph: &Graph, a: usize, c: usize) -> bool {
    let mut cur = Some(c);
    let mut steps = 0;
    while let Some(x) = cur {
        if x == a {
            return true;
        }
        steps += 1;
        if steps > graph.clusters.len() {
            break;
        }
        cur = graph.clusters.get(x).and_then(|s| s.parent);
    }
    false
}

fn depth(graph: &Graph, c: usize) -> usize {
    let mut d = 0;
    let mut p = graph.clusters[c].parent;
    while let Some(q) = p {
        d += 1;
        p = graph.clusters[q].parent;
    }
    d
}

/// The direction a subgraph would have without its own `direction`.
fn inherited(graph: &Graph, c: usize) -> Direction {
    let mut p = graph.clusters[c].parent;
    while let Some(q) = p {
        if let Some(d) = graph.clusters[q].direction {
            return d;
        }
        p = graph.clusters[q].parent;
    }
    graph.direction
}

/// Lay out `graph`, whose subgraphs `chosen` are drawn on their own.
pub(crate) fn layout_with_blocks(
    graph: &Graph,
    opts: &LayoutOptions,
    chosen: &[usize],
) -> Geometry {
    let members = graph.cluster_members();
    let nc = graph.clusters.len();
    // Which block (if any) swallows each node / subgraph.
    let mut node_block: Vec<Option<usize>> = vec![None; graph.nodes.len()];
    let mut sub_block: Vec<Option<usize>> = vec![None; nc];
    for (k, &c) in chosen.iter().enumerate() {
        for &v in &members[c] {
            node_block[v] = Some(k);
        }
        for s in 0..nc {
            let mut a = Some(s);
            while let Some(x) = a {
                if x == c {
                    sub_block[s] = Some(k);
                    break;
                }
                a = graph.clusters[x].parent;
            }
        }
    }

    // Each block on its own.
    let inner_opts = LayoutOptions {
        margin: 0.0,
        ..opts.clone()
    };
    let mut inner: Vec<Inner> = Vec::new();
    for &c in chosen {
        let (g, nmap, emap, smap) = extract(graph, c, &members[c]);
        let geo = super::layout(&g, &inner_opts);
        inner.push(Inner {
            nmap,
            emap,
            smap,
            geo,
        });
    }

    // The outer graph: blocks become single nodes.
    let mut outer = Graph {
        direction: graph.direction,
        ..Graph::default()
    };
    let mut node_map = vec![usize::MAX; graph.nodes.len()];
    let mut proxy = Vec::with_capacity(chosen.len());
    let pad = opts.cluster_padding;
    for (v, n) in graph.nodes.iter().enumerate() {
        if node_block[v].is_none() {
            node_map[v] = outer.nodes.len();
            outer.nodes.push(n.clone());
        }
    }
    let mut band = Vec::with_capacity(chosen.len());
    for (k, &c) in chosen.iter().enumerate() {
        let geo = &inner[k].geo;
        let (tw, th) = graph.clusters[c].title_size;
        let b = th + 2.0 * TITLE_GAP;
        band.push(b);
        proxy.push(outer.nodes.len());
        outer.nodes.push(Node {
            id: graph.clusters[c].id.clone(),
            width: (geo.width + 2.0 * pad).max(tw + 2.0 * pad),
            height: geo.height + b + pad,
            ..Node::default()
        });
    }
    let mut sub_map = vec![usize::MAX; nc];
    for s in 0..nc {
        if sub_block[s].is_none() {
            sub_map[s] = outer.clusters.len();
            outer.clusters.push(Cluster {
                nodes: Vec::new(),
                children: Vec::new(),
                ..graph.clusters[s].clone()
            });
        }
    }
    for s in 0..nc {
        if sub_map[s] == usize::MAX {
            continue;
        }
        let os = sub_map[s];
        outer.clusters[os].parent = graph.clusters[s].parent.map(|p| sub_map[p]);
        for &v in &graph.clusters[s].nodes {
            if node_map[v] != usize::MAX {
                outer.clusters[os].nodes.push(node_map[v]);
            }
        }
        for &ch in &graph.clusters[s].children {
            if sub_map[ch] != usize::MAX {
                outer.clusters[os].children.push(sub_map[ch]);
            } else if let Some(k) = sub_block[ch] {
                if chosen[k] == ch {
                    outer.clusters[os].nodes.push(proxy[k]);
                }
            }
        }
    }
    let mut edge_map = vec![usize::MAX; graph.edges.len()];
    // An end in the outer graph: its own node, or the stand-in of the block
    // on whose border it ends (see `Place::Border`); `None` for an end
    // inside a block.
    let outer_end = |v: usize, cl: Option<usize>| -> Option<(usize, Option<usize>)> {
        let Some(k) = node_block[v] else {
            return Some((node_map[v], cl.map(|c| sub_map[c])));
        };
        let c = chosen[k];
        match end_place(graph, c, &members[c], v, cl) {
            Place::Border => Some((proxy[k], cl.filter(|&y| y != c).map(|y| sub_map[y]))),
            _ => None,
        }
    };
    for (i, e) in graph.edges.iter().enumerate() {
        let ends = (
            outer_end(e.from, e.from_cluster),
            outer_end(e.to, e.to_cluster),
        );
        if let (Some((from, from_cluster)), Some((to, to_cluster))) = ends {
            edge_map[i] = outer.edges.len();
            let mut e2 = e.clone();
            e2.from = from;
            e2.to = to;
            e2.from_cluster = from_cluster.filter(|&c| c != usize::MAX);
            e2.to_cluster = to_cluster.filter(|&c| c != usize::MAX);
            outer.edges.push(e2);
        }
    }
    let og = super::layout(&outer, opts);

    // Put the blocks' drawings into their boxes.
    let mut geo = Geometry {
        width: og.width,
        height: og.height,
        nodes: vec![Rect::default(); graph.nodes.len()],
        edges: vec![EdgeGeom::default(); graph.edges.len()],
        clusters: vec![ClusterGeom::default(); nc],
    };
    for v in 0..graph.nodes.len() {
        if node_map[v] != usize::MAX {
            geo.nodes[v] = og.nodes[node_map[v]];
        }
    }
    for i in 0..graph.edges.len() {
        if edge_map[i] != usize::MAX {
            geo.edges[i] = og.edges[edge_map[i]].clone();
        }
    }
    for s in 0..nc {
        if sub_map[s] != usize::MAX {
            geo.clusters[s] = og.clusters[sub_map[s]];
        }
    }
    for (k, &c) in chosen.iter().enumerate() {
        let Inner {
            nmap,
            emap,
            smap,
            geo: ig,
        } = &inner[k];
        let r = og.nodes[proxy[k]];
        let (th_w, th_h) = graph.clusters[c].title_size;
        geo.clusters[c] = ClusterGeom {
            rect: r,
            title: Rect {
                x: r.x,
                y: r.top() + TITLE_GAP + th_h / 2.0,
                width: th_w,
                height: th_h,
            },
        };
        let (dx, dy) = (r.x - ig.width / 2.0, r.top() + band[k]);
        let mv = |p: Point| Point::new(p.x + dx, p.y + dy);
        let mvr = |q: Rect| Rect {
            x: q.x + dx,
            y: q.y + dy,
            ..q
        };
        for (j, &v) in nmap.iter().enumerate() {
            geo.nodes[v] = mvr(ig.nodes[j]);
        }
        for (j, &i) in emap.iter().enumerate() {
            let e = &ig.edges[j];
            let segs = e
                .path
                .segs
                .iter()
                .map(|s| match *s {
                    Seg::Line(p) => Seg::Line(mv(p)),
                    Seg::Cubic(a, b, p) => Seg::Cubic(mv(a), mv(b), mv(p)),
                })
                .collect();
            geo.edges[i] = EdgeGeom {
                path: EdgePath {
                    start: mv(e.path.start),
                    segs,
                },
                label: e.label.map(mvr),
            };
        }
        for (j, &s) in smap.iter().enumerate() {
            let cg = ig.clusters[j];
            geo.clusters[s] = ClusterGeom {
                rect: mvr(cg.rect),
                title: mvr(cg.title),
            };
        }
    }
    geo
}

/// A subgraph laid out on its own, with maps from its node, edge and
/// subgraph indices to the original graph's.
struct Inner {
    nmap: Vec<usize>,
    emap: Vec<usize>,
    smap: Vec<usize>,
    geo: Geometry,
}

type Extracted = (Graph, Vec<usize>, Vec<usize>, Vec<usize>);

/// The inside of subgraph `c` as a graph of its own, in its own direction,
/// with maps from its node, edge and subgraph indices to the original ones.
fn extract(graph: &Graph, c: usize, members: &[usize]) -> Extracted {
    let mut g = Graph {
        direction: graph.clusters[c].direction.unwrap_or(graph.direction),
        ..Graph::default()
    };
    let mut nmap = Vec::new();
    let mut local = vec![usize::MAX; graph.nodes.len()];
    for &v in members {
        local[v] = nmap.len();
        nmap.push(v);
        g.nodes.push(graph.nodes[v].clone());
    }
    // Nested subgraphs (descendants of c).
    let mut smap = Vec::new();
    let mut slocal = vec![usize::MAX; graph.clusters.len()];
    let mut stack: Vec<usize> = graph.clusters[c].children.clone();
    while let Some(x) = stack.pop() {
        slocal[x] = smap.len();
        smap.push(x);
        stack.extend(graph.clusters[x].children.iter().copied());
    }
    smap.sort_unstable();
    for (j, &x) in smap.iter().enumerate() {
        slocal[x] = j;
    }
    for &x in &smap {
        let sg = &graph.clusters[x];
        g.clusters.push(Cluster {
            parent: sg.parent.filter(|&p| p != c).map(|p| slocal[p]),
            nodes: sg.nodes.iter().map(|&v| local[v]).collect(),
            children: sg.children.iter().map(|&ch| slocal[ch]).collect(),
            ..sg.clone()
        });
    }
    let mut emap = Vec::new();
    // Edges inside `c` (an end on `c`'s border belongs to the outer graph),
    // their subgraph ends kept.
    let inner_cluster = |x: Option<usize>| x.map(|x| slocal[x]).filter(|&x| x != usize::MAX);
    for (i, e) in graph.edges.iter().enumerate() {
        let place = |v, cl| end_place(graph, c, members, v, cl);
        if place(e.from, e.from_cluster) == Place::Inside
            && place(e.to, e.to_cluster) == Place::Inside
        {
            let mut e2 = e.clone();
            e2.from = local[e.from];
            e2.to = local[e.to];
            e2.from_cluster = inner_cluster(e.from_cluster);
            e2.to_cluster = inner_cluster(e.to_cluster);
            emap.push(i);
            g.edges.push(e2);
        }
    }
    (g, nmap, emap, smap)
}
