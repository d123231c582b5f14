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
//!
//! Every such block is found in one pass over the whole graph, and each
//! block's own layout graph holds only what lies directly in it (inner
//! blocks as stand-in nodes), laid out innermost first, so `d` nested
//! blocks cost O(d) rather than copying every inner level at every outer
//! one; the offsets of the enclosing blocks are added at the end.

// Index maps between the level graphs and the original graph are clearer
// as index loops than as zipped iterators.
#![allow(clippy::needless_range_loop)]

use super::graph::{Cluster, Graph, Node};
use super::position::TITLE_GAP;
use super::LayoutOptions;
use crate::geometry::{ClusterGeom, EdgeGeom, Geometry, Point, Rect, Seg};

/// The subgraph tree: parents, depths and an order with parents first.
struct Tree {
    parent: Vec<Option<usize>>,
    depth: Vec<usize>,
    /// Clusters by (depth, index): outermost first.
    order: Vec<usize>,
}

impl Tree {
    fn new(graph: &Graph) -> Tree {
        let nc = graph.clusters.len();
        let parent: Vec<Option<usize>> = graph
            .clusters
            .iter()
            .map(|c| c.parent.filter(|&p| p < nc))
            .collect();
        let mut depth = vec![usize::MAX; nc];
        let mut path = Vec::new();
        for c in 0..nc {
            // Walk up to a cluster of known depth (or the top), then fill
            // the path in; a parent cycle (invalid input) stops the walk.
            path.clear();
            let mut x = Some(c);
            let mut base = 0;
            while let Some(y) = x {
                if depth[y] != usize::MAX {
                    base = depth[y] + 1;
                    break;
                }
                if path.len() > nc {
                    break;
                }
                path.push(y);
                x = parent[y];
            }
            for (k, &y) in path.iter().rev().enumerate() {
                if depth[y] == usize::MAX {
                    depth[y] = base + k;
                }
            }
        }
        let mut order: Vec<usize> = (0..nc).collect();
        order.sort_by_key(|&c| depth[c]);
        Tree {
            parent,
            depth,
            order,
        }
    }
}

/// Per cluster: whether it is laid out on its own (own direction differing
/// from the inherited one, some member, no edge entering or leaving it).
fn all_blocks(graph: &Graph, t: &Tree, node_parent: &[Option<usize>]) -> Vec<bool> {
    let nc = graph.clusters.len();
    // The direction each cluster inherits, parents first.
    let mut inherited = vec![graph.direction; nc];
    for &c in &t.order {
        if let Some(p) = t.parent[c] {
            inherited[c] = graph.clusters[p].direction.unwrap_or(inherited[p]);
        }
    }
    let mut nonempty = vec![false; nc];
    for &np in node_parent {
        let mut c = np;
        while let Some(x) = c {
            if nonempty[x] {
                break;
            }
            nonempty[x] = true;
            c = t.parent[x];
        }
    }
    // An edge end at `v` attached to subgraph `y` lies inside the clusters
    // holding `v` strictly above `y` (on `y` and below it ends on the
    // border); the innermost of them.
    let start = |v: usize, y: Option<usize>| -> Option<usize> {
        let a = node_parent.get(v).copied().flatten();
        let Some(y) = y.filter(|&y| y < nc) else {
            return a;
        };
        let mut c = a;
        while let Some(x) = c {
            if t.depth[x] < t.depth[y] {
                break;
            }
            if x == y {
                return t.parent[y];
            }
            c = t.parent[x];
        }
        a
    };
    let level = |c: Option<usize>| c.map_or(0, |x| t.depth[x] + 1);
    // An edge crosses the clusters holding one end inside and not the
    // other: both ends' chains up to (not including) where they meet.
    let mut crossed = vec![false; nc];
    for e in &graph.edges {
        let mut a = start(e.from, e.from_cluster);
        let mut b = start(e.to, e.to_cluster);
        let mut steps = 0;
        while a != b && steps <= 2 * nc {
            steps += 1;
            if level(a) >= level(b) {
                if let Some(x) = a {
                    crossed[x] = true;
                    a = t.parent[x];
                }
            } else if let Some(x) = b {
                crossed[x] = true;
                b = t.parent[x];
            }
        }
    }
    (0..nc)
        .map(|c| {
            graph.clusters[c]
                .direction
                .is_some_and(|d| d != inherited[c])
                && nonempty[c]
                && !crossed[c]
        })
        .collect()
}

/// Per cluster: the innermost block holding it (itself if a block).
fn nearest_blocks(t: &Tree, is_block: &[bool]) -> Vec<Option<usize>> {
    let mut blk = vec![None; is_block.len()];
    for &c in &t.order {
        blk[c] = if is_block[c] {
            Some(c)
        } else {
            t.parent[c].and_then(|p| blk[p])
        };
    }
    blk
}

/// The outermost subgraphs to lay out on their own (none inside another),
/// outermost first.
pub(crate) fn blocks(graph: &Graph) -> Vec<usize> {
    if graph.clusters.iter().all(|c| c.direction.is_none()) {
        return Vec::new();
    }
    let t = Tree::new(graph);
    let node_parent = graph.node_parents();
    let is_block = all_blocks(graph, &t, &node_parent);
    let blk = nearest_blocks(&t, &is_block);
    t.order
        .iter()
        .copied()
        .filter(|&c| is_block[c] && t.parent[c].and_then(|p| blk[p]).is_none())
        .collect()
}

/// Lay out `graph`, whose subgraphs `chosen` (from [`blocks`], non-empty)
/// and the blocks inside them are drawn on their own.
pub(crate) fn layout_with_blocks(
    graph: &Graph,
    opts: &LayoutOptions,
    _chosen: &[usize],
) -> Geometry {
    let n = graph.nodes.len();
    let m = graph.edges.len();
    let nc = graph.clusters.len();
    let t = Tree::new(graph);
    let node_parent = graph.node_parents();
    let is_block = all_blocks(graph, &t, &node_parent);
    let blk = nearest_blocks(&t, &is_block);
    // Levels: one per block (its cluster index) and the top (`nc`).
    let top = nc;
    let level_of = |c: Option<usize>| c.and_then(|x| blk[x]).unwrap_or(top);
    // The level a block's stand-in lives in.
    let outer_level = |k: usize| level_of(t.parent[k]);
    let node_level: Vec<usize> = node_parent.iter().map(|&c| level_of(c)).collect();
    let mut nodes_in: Vec<Vec<usize>> = vec![Vec::new(); nc + 1];
    for v in 0..n {
        nodes_in[node_level[v]].push(v);
    }
    let mut clusters_in: Vec<Vec<usize>> = vec![Vec::new(); nc + 1];
    for x in 0..nc {
        if !is_block[x] {
            clusters_in[level_of(Some(x))].push(x);
        }
    }
    let mut blocks_in: Vec<Vec<usize>> = vec![Vec::new(); nc + 1];
    for &k in &t.order {
        if is_block[k] {
            blocks_in[outer_level(k)].push(k);
        }
    }
    // Each edge lies in the innermost block holding both its ends inside
    // (an end on a block's border is not inside it).
    let inside = |v: usize, y: Option<usize>| -> Option<usize> {
        let a = node_parent.get(v).copied().flatten();
        let Some(y) = y.filter(|&y| y < nc) else {
            return a;
        };
        let mut c = a;
        while let Some(x) = c {
            if t.depth[x] < t.depth[y] {
                break;
            }
            if x == y {
                return t.parent[y];
            }
            c = t.parent[x];
        }
        a
    };
    let block_parent = |k: usize| {
        let l = outer_level(k);
        (l != top).then_some(l)
    };
    let mut edges_in: Vec<Vec<usize>> = vec![Vec::new(); nc + 1];
    for (i, e) in graph.edges.iter().enumerate() {
        let mut a = inside(e.from, e.from_cluster).and_then(|c| blk[c]);
        let mut b = inside(e.to, e.to_cluster).and_then(|c| blk[c]);
        let depth = |c: Option<usize>| c.map_or(0, |x| t.depth[x] + 1);
        let mut steps = 0;
        while a != b && steps <= 2 * nc {
            steps += 1;
            if depth(a) >= depth(b) {
                a = a.and_then(block_parent);
            } else {
                b = b.and_then(block_parent);
            }
        }
        edges_in[a.unwrap_or(top)].push(i);
    }

    let inner_opts = LayoutOptions {
        margin: 0.0,
        ..opts.clone()
    };
    let pad = opts.cluster_padding;
    let mut local_node = vec![usize::MAX; n];
    let mut local_edge = vec![usize::MAX; m];
    let mut local_cluster = vec![usize::MAX; nc];
    let mut proxy = vec![usize::MAX; nc];
    let mut band = vec![0.0f64; nc];
    let mut level_geo: Vec<Option<Geometry>> = vec![None; nc + 1];
    // Per block: its offset in the level around it, and its own box there.
    let mut offset = vec![(0.0f64, 0.0f64); nc];
    let mut block_geo = vec![ClusterGeom::default(); nc];
    let is_level_cluster = |y: usize, l: usize| !is_block[y] && level_of(Some(y)) == l;
    // Innermost blocks first, the top last.
    let levels: Vec<usize> = t
        .order
        .iter()
        .rev()
        .copied()
        .filter(|&k| is_block[k])
        .chain(std::iter::once(top))
        .collect();
    for &l in &levels {
        let scope = (l != top).then_some(l);
        let mut g = Graph {
            direction: scope
                .and_then(|c| graph.clusters[c].direction)
                .unwrap_or(graph.direction),
            ..Graph::default()
        };
        for &v in &nodes_in[l] {
            local_node[v] = g.nodes.len();
            g.nodes.push(graph.nodes[v].clone());
        }
        for &k in &blocks_in[l] {
            let Some(geo) = &level_geo[k] else { continue };
            let (tw, th) = graph.clusters[k].title_size;
            let b = th + 2.0 * TITLE_GAP;
            band[k] = b;
            proxy[k] = g.nodes.len();
            g.nodes.push(Node {
                id: graph.clusters[k].id.clone(),
                width: (geo.width + 2.0 * pad).max(tw + 2.0 * pad),
                height: geo.height + b + pad,
                ..Node::default()
            });
        }
        for &x in &clusters_in[l] {
            local_cluster[x] = g.clusters.len();
            g.clusters.push(Cluster {
                nodes: Vec::new(),
                children: Vec::new(),
                ..graph.clusters[x].clone()
            });
        }
        for &x in &clusters_in[l] {
            let lx = local_cluster[x];
            g.clusters[lx].parent = t.parent[x]
                .filter(|&p| Some(p) != scope)
                .map(|p| local_cluster[p]);
            for &v in &graph.clusters[x].nodes {
                if v < n && node_level[v] == l {
                    g.clusters[lx].nodes.push(local_node[v]);
                }
            }
            for &ch in &graph.clusters[x].children {
                if ch >= nc {
                    continue;
                }
                if is_level_cluster(ch, l) {
                    g.clusters[lx].children.push(local_cluster[ch]);
                } else if is_block[ch] && outer_level(ch) == l && proxy[ch] != usize::MAX {
                    g.clusters[lx].nodes.push(proxy[ch]);
                }
            }
        }
        // An end in this level: its own node, or the stand-in of the inner
        // block on whose border it ends.
        let end = |v: usize, cl: Option<usize>| -> Option<(usize, Option<usize>)> {
            if node_level[v] == l {
                return Some((
                    local_node[v],
                    cl.filter(|&y| y < nc && is_level_cluster(y, l)),
                ));
            }
            let mut k = node_level[v];
            let mut steps = 0;
            while k != top && outer_level(k) != l && steps <= nc {
                k = outer_level(k);
                steps += 1;
            }
            if k == top || proxy[k] == usize::MAX {
                return None;
            }
            Some((
                proxy[k],
                cl.filter(|&y| y != k && y < nc && is_level_cluster(y, l)),
            ))
        };
        for &i in &edges_in[l] {
            let e = &graph.edges[i];
            if let (Some((from, fc)), Some((to, tc))) =
                (end(e.from, e.from_cluster), end(e.to, e.to_cluster))
            {
                local_edge[i] = g.edges.len();
                let mut e2 = e.clone();
                e2.from = from;
                e2.to = to;
                e2.from_cluster = fc.map(|y| local_cluster[y]);
                e2.to_cluster = tc.map(|y| local_cluster[y]);
                g.edges.push(e2);
            }
        }
        let og = super::layout(&g, if l == top { opts } else { &inner_opts });
        for &k in &blocks_in[l] {
            let Some(ig) = &level_geo[k] else { continue };
            let r = og.nodes[proxy[k]];
            let (th_w, th_h) = graph.clusters[k].title_size;
            block_geo[k] = ClusterGeom {
                rect: r,
                title: Rect {
                    x: r.x,
                    y: r.top() + TITLE_GAP + th_h / 2.0,
                    width: th_w,
                    height: th_h,
                },
            };
            offset[k] = (r.x - ig.width / 2.0, r.top() + band[k]);
        }
        level_geo[l] = Some(og);
    }

    // Everything moves by the offsets of the blocks around it, innermost
    // first (the order the levels were assembled in before).
    let walk = |l: usize, f: &mut dyn FnMut(f64, f64)| {
        let mut k = l;
        let mut steps = 0;
        while k != top && steps <= nc {
            f(offset[k].0, offset[k].1);
            k = outer_level(k);
            steps += 1;
        }
    };
    let mvr = |q: Rect, l: usize| {
        let mut q = q;
        walk(l, &mut |dx, dy| {
            q = Rect {
                x: q.x + dx,
                y: q.y + dy,
                ..q
            }
        });
        q
    };
    let mv = |p: Point, l: usize| {
        let mut p = p;
        walk(l, &mut |dx, dy| p = Point::new(p.x + dx, p.y + dy));
        p
    };
    let Some(top_geo) = level_geo[top].take() else {
        return Geometry::default();
    };
    let mut geo = Geometry {
        width: top_geo.width,
        height: top_geo.height,
        nodes: vec![Rect::default(); n],
        edges: vec![EdgeGeom::default(); m],
        clusters: vec![ClusterGeom::default(); nc],
    };
    level_geo[top] = Some(top_geo);
    for v in 0..n {
        let l = node_level[v];
        let Some(lg) = &level_geo[l] else { continue };
        let Some(&r) = lg.nodes.get(local_node[v]) else {
            continue;
        };
        geo.nodes[v] = mvr(r, l);
    }
    for x in 0..nc {
        let (l, cg) = if is_block[x] {
            (outer_level(x), block_geo[x])
        } else {
            let l = level_of(Some(x));
            let Some(cg) = level_geo[l]
                .as_ref()
                .and_then(|lg| lg.clusters.get(local_cluster[x]))
            else {
                continue;
            };
            (l, *cg)
        };
        geo.clusters[x] = ClusterGeom {
            rect: mvr(cg.rect, l),
            title: mvr(cg.title, l),
        };
    }
    for l in 0..=nc {
        let Some(lg) = &level_geo[l] else { continue };
        for &i in &edges_in[l] {
            let Some(e) = lg.edges.get(local_edge[i]) else {
                continue;
            };
            let mut e = e.clone();
            if l != top {
                e.path.start = mv(e.path.start, l);
                for s in &mut e.path.segs {
                    match s {
                        Seg::Line(p) => *p = mv(*p, l),
                        Seg::Cubic(a, b, p) => {
                            *a = mv(*a, l);
                            *b = mv(*b, l);
                            *p = mv(*p, l);
                        }
                    }
                }
                e.label = e.label.map(|q| mvr(q, l));
            }
            geo.edges[i] = e;
        }
    }
    geo
}
