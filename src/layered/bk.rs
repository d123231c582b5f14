//! Fast coordinate assignment for large graphs, after Brandes & Köpf
//! (2001): four vertical alignments (up/down × left/right), each compacted
//! by a longest path over the separation constraints, combined, then
//! improved by weighted-median moves within each item's free interval.
//!
//! Differences from the paper, for clusters: the subgraph borders are
//! variables of the constraint graph like any block; two nodes are aligned
//! only when they stand on the same side of (or inside) every subgraph
//! spanning both their ranks, which keeps the block graph acyclic; the four
//! results are averaged (a convex combination of feasible placements is
//! feasible), never mixed per node. If a block graph still had a cycle the
//! alignment is dropped for that variant. The result always satisfies every
//! separation constraint.

use super::simplex::Constraint;
use super::{Kind, Layered};

/// Per segment weight of the objective: dummy chains weigh most.
fn weight(lg: &Layered, a: usize, b: usize) -> f64 {
    let real = |v: usize| matches!(lg.nodes[v].kind, Kind::Real(_));
    match (real(a), real(b)) {
        (true, true) => 1.0,
        (false, false) => 8.0,
        _ => 2.0,
    }
}

fn is_dummy(lg: &Layered, v: usize) -> bool {
    matches!(lg.nodes[v].kind, Kind::Dummy(_) | Kind::Label(_))
}

/// Place `nvars` variables (layered nodes first) under `seps`.
pub(crate) fn place(lg: &Layered, nvars: usize, seps: &[Constraint]) -> Vec<f64> {
    let n = lg.nodes.len();
    let mut pos = vec![0usize; n];
    for r in &lg.ranks {
        for (i, &v) in r.iter().enumerate() {
            pos[v] = i;
        }
    }
    let conflicts = type1_conflicts(lg, &pos);
    let sides = Sides::new(lg, &pos);
    let mut results: Vec<Vec<f64>> = Vec::with_capacity(4);
    for down in [true, false] {
        for left in [true, false] {
            let root = align(lg, &pos, &conflicts, &sides, down, left);
            let x = compact(nvars, seps, &root, left).or_else(|| {
                let trivial: Vec<usize> = (0..n).collect();
                compact(nvars, seps, &trivial, left)
            });
            if let Some(x) = x {
                results.push(x);
            }
        }
    }
    // Align to the narrowest result, then average.
    let width = |x: &[f64]| {
        let (lo, hi) = x[..n]
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        (lo, hi)
    };
    let spans: Vec<(f64, f64)> = results.iter().map(|x| width(x)).collect();
    let best = (0..results.len())
        .min_by(|&a, &b| (spans[a].1 - spans[a].0).total_cmp(&(spans[b].1 - spans[b].0)))
        .unwrap_or(0);
    let mut x = vec![0.0; nvars];
    for (k, r) in results.iter().enumerate() {
        // Left-packed results share the narrowest one's left edge, right-packed its right edge.
        let shift = if k % 2 == 0 {
            spans[best].0 - spans[k].0
        } else {
            spans[best].1 - spans[k].1
        };
        for (xi, ri) in x.iter_mut().zip(r) {
            *xi += (ri + shift) / results.len() as f64;
        }
    }
    improve(lg, nvars, seps, &mut x);
    x
}

/// Segments between adjacent ranks that cross an inner (dummy–dummy)
/// segment; aligning along them would bend long edges.
fn type1_conflicts(lg: &Layered, pos: &[usize]) -> std::collections::HashSet<(usize, usize)> {
    let mut marked = std::collections::HashSet::new();
    for i in 0..lg.ranks.len().saturating_sub(1) {
        let upper_len = lg.ranks[i].len();
        let lower = &lg.ranks[i + 1];
        let inner_up = |v: usize| {
            lg.up[v]
                .iter()
                .copied()
                .find(|&u| is_dummy(lg, u) && is_dummy(lg, v))
        };
        let mut k0 = 0usize;
        let mut l = 0usize;
        for (l1, &v) in lower.iter().enumerate() {
            let inner = inner_up(v);
            if l1 == lower.len() - 1 || inner.is_some() {
                let k1 = inner.map(|u| pos[u]).unwrap_or(upper_len.saturating_sub(1));
                while l <= l1 {
                    let w = lower[l];
                    for &u in &lg.up[w] {
                        let k = pos[u];
                        if k < k0 || k > k1 {
                            marked.insert((u, w));
                        }
                    }
                    l += 1;
                }
                k0 = k1;
            }
        }
    }
    marked
}

/// Where each node stands relative to the subgraphs on its rank.
struct Sides {
    /// Per rank: (cluster, first position, last position) of each cluster block.
    blocks: Vec<Vec<(usize, usize, usize)>>,
    /// Per cluster: its ancestors including itself.
    anc: Vec<Vec<usize>>,
}

impl Sides {
    fn new(lg: &Layered, pos: &[usize]) -> Sides {
        let nc = lg.cluster_parent.len();
        let anc: Vec<Vec<usize>> = (0..nc)
            .map(|c| super::enclosing(&lg.cluster_parent, Some(c)))
            .collect();
        let mut blocks = Vec::with_capacity(lg.ranks.len());
        for r in &lg.ranks {
            let mut range: Vec<Option<(usize, usize)>> = vec![None; nc];
            for &v in r {
                if let Some(c) = lg.nodes[v].cluster {
                    for &a in &anc[c] {
                        let p = pos[v];
                        range[a] = Some(match range[a] {
                            Some((lo, hi)) => (lo.min(p), hi.max(p)),
                            None => (p, p),
                        });
                    }
                }
            }
            blocks.push(
                range
                    .iter()
                    .enumerate()
                    .filter_map(|(c, r)| r.map(|(lo, hi)| (c, lo, hi)))
                    .collect(),
            );
        }
        Sides { blocks, anc }
    }

    /// Whether `u` (rank r) and `v` (rank r+1) stand alike towards every
    /// subgraph present on both ranks.
    fn compatible(&self, lg: &Layered, pos: &[usize], u: usize, v: usize) -> bool {
        let (ru, rv) = (lg.nodes[u].rank, lg.nodes[v].rank);
        let side = |x: usize, c: usize, lo: usize, hi: usize| -> i8 {
            let inside = lg.nodes[x]
                .cluster
                .is_some_and(|k| self.anc[k].contains(&c));
            if inside {
                0
            } else if pos[x] < lo {
                -1
            } else if pos[x] > hi {
                1
            } else {
                2
            }
        };
        for &(c, lo, hi) in &self.blocks[ru] {
            if let Some(&(_, lo2, hi2)) = self.blocks[rv].iter().find(|b| b.0 == c) {
                if side(u, c, lo, hi) != side(v, c, lo2, hi2) {
                    return false;
                }
            }
        }
        true
    }
}

/// Vertical alignment: the root of every node's block.
fn align(
    lg: &Layered,
    pos: &[usize],
    conflicts: &std::collections::HashSet<(usize, usize)>,
    sides: &Sides,
    down: bool,
    left: bool,
) -> Vec<usize> {
    let n = lg.nodes.len();
    let mut root: Vec<usize> = (0..n).collect();
    let mut align: Vec<usize> = (0..n).collect();
    let nr = lg.ranks.len();
    let rank_order: Vec<usize> = if down {
        (1..nr).collect()
    } else {
        (0..nr.saturating_sub(1)).rev().collect()
    };
    let mpos = |v: usize, len: usize| {
        if left {
            pos[v] as i64
        } else {
            (len - 1 - pos[v]) as i64
        }
    };
    for i in rank_order {
        let layer = &lg.ranks[i];
        let adj_len = if down {
            lg.ranks[i - 1].len()
        } else {
            lg.ranks[i + 1].len()
        };
        let mut r: i64 = -1;
        let iter: Box<dyn Iterator<Item = &usize>> = if left {
            Box::new(layer.iter())
        } else {
            Box::new(layer.iter().rev())
        };
        for &v in iter {
            let mut nb: Vec<usize> = if down {
                lg.up[v].clone()
            } else {
                lg.down[v].clone()
            };
            if nb.is_empty() {
                continue;
            }
            nb.sort_by_key(|&u| mpos(u, adj_len));
            let d = nb.len();
            let (m1, m2) = ((d - 1) / 2, d / 2);
            for m in [m1, m2] {
                if align[v] != v {
                    break;
                }
                let u = nb[m];
                let seg = if down { (u, v) } else { (v, u) };
                if conflicts.contains(&seg) || r >= mpos(u, adj_len) {
                    continue;
                }
                let ok = if down {
                    sides.compatible(lg, pos, u, v)
                } else {
                    sides.compatible(lg, pos, v, u)
                };
                if !ok {
                    continue;
                }
                align[u] = v;
                root[v] = root[u];
                align[v] = root[v];
                r = mpos(u, adj_len);
            }
        }
    }
    root
}

/// Longest-path compaction of blocks; `None` if the block graph has a cycle.
fn compact(nvars: usize, seps: &[Constraint], root: &[usize], left: bool) -> Option<Vec<f64>> {
    let n = root.len();
    let block = |v: usize| if v < n { root[v] } else { v };
    let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new(); nvars];
    let mut indeg = vec![0usize; nvars];
    for c in seps {
        let (a, b) = (block(c.tail), block(c.head));
        let (a, b) = if left { (a, b) } else { (b, a) };
        if a == b {
            if c.minlen > 0 {
                return None;
            }
            continue;
        }
        out[a].push((b, c.minlen as f64));
        indeg[b] += 1;
    }
    let mut x = vec![0.0f64; nvars];
    let mut queue: Vec<usize> = (0..nvars)
        .filter(|&v| indeg[v] == 0 && block(v) == v)
        .collect();
    let mut done = 0usize;
    let blocks = (0..nvars).filter(|&v| block(v) == v).count();
    while let Some(a) = queue.pop() {
        done += 1;
        for &(b, w) in &out[a] {
            x[b] = x[b].max(x[a] + w);
            indeg[b] -= 1;
            if indeg[b] == 0 {
                queue.push(b);
            }
        }
    }
    if done != blocks {
        return None;
    }
    Some(
        (0..nvars)
            .map(|v| {
                let b = block(v);
                if left {
                    x[b]
                } else {
                    -x[b]
                }
            })
            .collect(),
    )
}

/// Weighted-median moves within each variable's free interval: straightens
/// edges and tightens subgraph borders, never breaking a constraint.
pub(crate) fn improve(lg: &Layered, nvars: usize, seps: &[Constraint], x: &mut [f64]) {
    let n = lg.nodes.len();
    let mut pred: Vec<Vec<(usize, f64)>> = vec![Vec::new(); nvars];
    let mut succ: Vec<Vec<(usize, f64)>> = vec![Vec::new(); nvars];
    for c in seps {
        succ[c.tail].push((c.head, c.minlen as f64));
        pred[c.head].push((c.tail, c.minlen as f64));
    }
    let interval = |x: &[f64], v: usize| {
        let lo = pred[v]
            .iter()
            .map(|&(p, s)| x[p] + s)
            .fold(f64::NEG_INFINITY, f64::max);
        let hi = succ[v]
            .iter()
            .map(|&(q, s)| x[q] - s)
            .fold(f64::INFINITY, f64::min);
        (lo, hi)
    };
    let mut nb: Vec<(f64, f64)> = Vec::new();
    for pass in 0..8 {
        let forward = pass % 2 == 0;
        let ranks: Vec<usize> = if forward {
            (0..lg.ranks.len()).collect()
        } else {
            (0..lg.ranks.len()).rev().collect()
        };
        for r in ranks {
            for &v in &lg.ranks[r] {
                nb.clear();
                crate::work::add(1 + lg.up[v].len() + lg.down[v].len());
                for &w in lg.up[v].iter().chain(&lg.down[v]) {
                    nb.push((x[w], weight(lg, v, w)));
                }
                if nb.is_empty() {
                    continue;
                }
                nb.sort_by(|a, b| a.0.total_cmp(&b.0));
                let total: f64 = nb.iter().map(|p| p.1).sum();
                let mut acc = 0.0;
                let mut target = nb[0].0;
                for &(p, w) in nb.iter() {
                    acc += w;
                    if acc * 2.0 >= total {
                        target = p;
                        if acc * 2.0 == total {
                            // Even split: the middle of the two medians.
                            if let Some(next) = nb.iter().find(|q| q.0 > p) {
                                target = (p + next.0) / 2.0;
                            }
                        }
                        break;
                    }
                }
                let (lo, hi) = interval(x, v);
                if lo <= hi {
                    x[v] = target.clamp(lo, hi);
                }
            }
        }
        // Subgraph borders hug their content.
        for v in n..nvars {
            let (lo, hi) = interval(x, v);
            if lo > hi {
                continue;
            }
            // Left borders (even offsets) move right, right borders left.
            if (v - n) % 2 == 0 {
                if hi.is_finite() {
                    x[v] = hi;
                }
            } else if lo.is_finite() {
                x[v] = lo;
            }
        }
    }
}
