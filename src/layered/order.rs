//! Crossing reduction: order the nodes within each rank.
//!
//! Layer-by-layer sweeps (down, then up) sort each rank by the barycenter of
//! its neighbours in the fixed adjacent rank, followed by adjacent
//! transpositions (Gansner et al. 1993; Sugiyama et al. 1981). The sort is
//! cluster-aware: every rank is sorted as a tree (a cluster's members form
//! one block, blocks sort by their mean key), so each subgraph stays
//! contiguous on every rank at every nesting level, and sibling subgraphs
//! keep one left-to-right order on all ranks (a global order recomputed
//! before every sweep), which the coordinate stage needs to draw clusters
//! as boxes. The best ordering seen (fewest crossings) is kept.

/// What ordering needs to know about the layered graph.
pub struct OrderGraph<'a> {
    /// Innermost cluster of each layered node.
    pub cluster: &'a [Option<usize>],
    /// Parent of each cluster.
    pub cluster_parent: &'a [Option<usize>],
    /// Neighbours of each layered node in the rank above.
    pub up: &'a [Vec<usize>],
    /// Neighbours of each layered node in the rank below.
    pub down: &'a [Vec<usize>],
}

/// Order a layering whose real nodes all sit on even ranks (odd ranks hold
/// only edge points and fillers): reduce crossings on the even ranks, with
/// edges through an odd rank contracted to one segment, then put every odd
/// rank in the order its segments' ends induce, which adds no crossing.
/// Sweeping over half as many ranks lets the heuristics see real neighbours
/// directly instead of through a rank of pass-through points.
pub fn order_doubled(g: &OrderGraph, ranks: &mut [Vec<usize>], max_sweeps: usize) {
    let n = g.cluster.len();
    let mut rank_of = vec![0usize; n];
    for (r, list) in ranks.iter().enumerate() {
        for &v in list {
            rank_of[v] = r;
        }
    }
    let mut cup: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut cdown: Vec<Vec<usize>> = vec![Vec::new(); n];
    for v in 0..n {
        if rank_of[v] % 2 != 0 {
            continue;
        }
        for &w in &g.down[v] {
            if rank_of[w] % 2 == 1 {
                for &x in &g.down[w] {
                    cdown[v].push(x);
                    cup[x].push(v);
                }
            } else {
                cdown[v].push(w);
                cup[w].push(v);
            }
        }
    }
    let mut even: Vec<Vec<usize>> = ranks.iter().step_by(2).cloned().collect();
    let cg = OrderGraph {
        cluster: g.cluster,
        cluster_parent: g.cluster_parent,
        up: &cup,
        down: &cdown,
    };
    order(&cg, &mut even, max_sweeps);
    let mut pos = vec![0usize; n];
    for (k, list) in even.into_iter().enumerate() {
        for (i, &v) in list.iter().enumerate() {
            pos[v] = i;
        }
        ranks[2 * k] = list;
    }
    let mut corder_pos = pos.clone();
    let corder = cluster_order(g, ranks, &pos);
    for r in (1..ranks.len()).step_by(2) {
        // Fillers follow the members of their cluster on the rank above.
        let mut anchor: Vec<Option<f64>> = vec![None; g.cluster_parent.len()];
        for &v in &ranks[r - 1] {
            let mut c = g.cluster[v];
            while let Some(ci) = c {
                let p = pos[v] as f64;
                anchor[ci] = Some(anchor[ci].map_or(p, |a: f64| a.min(p)));
                c = g.cluster_parent[ci];
            }
        }
        let below = ranks.get(r + 1).map_or(1, |l| l.len()) as f64 + 1.0;
        let keys: Vec<(usize, f64)> = ranks[r]
            .iter()
            .map(|&v| {
                let up = g.up[v].first().map(|&u| pos[u] as f64);
                let down = g.down[v].first().map(|&w| pos[w] as f64);
                let k = match (up, down) {
                    (Some(a), Some(b)) => a + b / below,
                    (Some(a), None) => a,
                    (None, Some(b)) => b,
                    (None, None) => g.cluster[v].and_then(|c| anchor[c]).unwrap_or(0.0),
                };
                (v, k)
            })
            .collect();
        for (i, &v) in ranks[r].iter().enumerate() {
            corder_pos[v] = i;
        }
        ranks[r] = sort_rank(g, &keys, &corder_pos, &corder);
        for (i, &v) in ranks[r].iter().enumerate() {
            corder_pos[v] = i;
        }
    }
    group_components(g, ranks);
    enforce_cluster_order(g, ranks);
}

/// Disconnected parts side by side, in input order (the order of their
/// first node in `ranks`' node numbering, which follows the input), each
/// keeping its own internal order.
fn group_components(g: &OrderGraph, ranks: &mut [Vec<usize>]) {
    let n = g.cluster.len();
    let mut comp: Vec<usize> = (0..n).collect();
    fn find(c: &mut [usize], mut a: usize) -> usize {
        while c[a] != a {
            c[a] = c[c[a]];
            a = c[a];
        }
        a
    }
    for v in 0..n {
        for &w in &g.down[v] {
            let (a, b) = (find(&mut comp, v), find(&mut comp, w));
            if a != b {
                // The smaller index (earlier in the input) names the part.
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                comp[hi] = lo;
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|v| find(&mut comp, v)).collect();
    if roots.iter().all(|&r| r == roots[0]) {
        return;
    }
    let mut pos = vec![0usize; n];
    for r in ranks.iter() {
        for (i, &v) in r.iter().enumerate() {
            pos[v] = i;
        }
    }
    let corder = cluster_order(g, ranks, &pos);
    for rank in ranks.iter_mut() {
        let len = rank.len() as f64 + 1.0;
        let keys: Vec<(usize, f64)> = rank
            .iter()
            .map(|&v| (v, roots[v] as f64 * len + pos[v] as f64))
            .collect();
        *rank = sort_rank(g, &keys, &pos, &corder);
    }
}

/// Put sibling subgraphs in one left-to-right order on every rank (the one
/// their mean positions give), keeping everything else where it is. The
/// coordinate stage relies on it: a subgraph left of its sibling on one rank
/// and right of it on another could not both be boxes.
pub fn enforce_cluster_order(g: &OrderGraph, ranks: &mut [Vec<usize>]) {
    if g.cluster_parent.is_empty() {
        return;
    }
    let mut pos = vec![0usize; g.cluster.len()];
    for r in ranks.iter() {
        for (i, &v) in r.iter().enumerate() {
            pos[v] = i;
        }
    }
    let corder = cluster_order(g, ranks, &pos);
    for rank in ranks.iter_mut() {
        let keys: Vec<(usize, f64)> = rank.iter().map(|&v| (v, pos[v] as f64)).collect();
        *rank = sort_rank(g, &keys, &pos, &corder);
    }
}

/// Improve `ranks` (each a list of layered nodes, left to right) in place.
pub fn order(g: &OrderGraph, ranks: &mut [Vec<usize>], max_sweeps: usize) {
    let n = g.cluster.len();
    let mut pos = vec![0usize; n];
    let fill_pos = |ranks: &[Vec<usize>], pos: &mut Vec<usize>| {
        for r in ranks {
            for (i, &v) in r.iter().enumerate() {
                pos[v] = i;
            }
        }
    };
    fill_pos(ranks, &mut pos);
    // Make clusters contiguous, keeping the initial order otherwise.
    let mut corder = cluster_order(g, ranks, &pos);
    for rank in ranks.iter_mut() {
        let keys: Vec<(usize, f64)> = rank.iter().map(|&v| (v, pos[v] as f64)).collect();
        *rank = sort_rank(g, &keys, &pos, &corder);
    }
    fill_pos(ranks, &mut pos);
    transpose(g, ranks, &mut pos);
    let mut best = ranks.to_vec();
    let mut best_cross = total_crossings(g, ranks, &pos);
    // Median sweeps first (robust to outliers), then barycenter sweeps from
    // the best order found, each until it stops improving.
    for key in [Key::Median, Key::Barycenter, Key::Median] {
        if best_cross == 0 {
            break;
        }
        ranks.clone_from_slice(&best);
        fill_pos(ranks, &mut pos);
        let mut stale = 0;
        for sweep in 0..max_sweeps {
            if best_cross == 0 {
                break;
            }
            corder = cluster_order(g, ranks, &pos);
            let downward = sweep % 2 == 0;
            let order_of: Vec<usize> = if downward {
                (1..ranks.len()).collect()
            } else {
                (0..ranks.len().saturating_sub(1)).rev().collect()
            };
            for r in order_of {
                let keys: Vec<(usize, f64)> = ranks[r]
                    .iter()
                    .map(|&v| {
                        let nb = if downward { &g.up[v] } else { &g.down[v] };
                        (v, key.of(nb, &pos).unwrap_or(pos[v] as f64))
                    })
                    .collect();
                ranks[r] = sort_rank(g, &keys, &pos, &corder);
                for (i, &v) in ranks[r].iter().enumerate() {
                    pos[v] = i;
                }
            }
            transpose(g, ranks, &mut pos);
            let c = total_crossings(g, ranks, &pos);
            if c < best_cross {
                best_cross = c;
                best = ranks.to_vec();
                stale = 0;
            } else {
                stale += 1;
                if stale >= 6 {
                    break;
                }
            }
        }
    }
    ranks.clone_from_slice(&best);
}

/// How a node's sort key comes from its neighbours' positions.
#[derive(Clone, Copy)]
enum Key {
    Median,
    Barycenter,
}

impl Key {
    fn of(self, nb: &[usize], pos: &[usize]) -> Option<f64> {
        if nb.is_empty() {
            return None;
        }
        match self {
            Key::Barycenter => {
                Some(nb.iter().map(|&u| pos[u] as f64).sum::<f64>() / nb.len() as f64)
            }
            Key::Median => {
                let mut p: Vec<usize> = nb.iter().map(|&u| pos[u]).collect();
                p.sort_unstable();
                let m = p.len() / 2;
                Some(if p.len() % 2 == 1 {
                    p[m] as f64
                } else {
                    (p[m - 1] + p[m]) as f64 / 2.0
                })
            }
        }
    }
}

/// A global left-to-right order key for every cluster: the mean relative
/// position of its members over all ranks.
fn cluster_order(g: &OrderGraph, ranks: &[Vec<usize>], pos: &[usize]) -> Vec<f64> {
    let nc = g.cluster_parent.len();
    let mut sum = vec![0.0; nc];
    let mut cnt = vec![0.0; nc];
    for r in ranks {
        let len = r.len().max(1) as f64;
        for &v in r {
            let mut c = g.cluster[v];
            while let Some(ci) = c {
                sum[ci] += pos[v] as f64 / len;
                cnt[ci] += 1.0;
                c = g.cluster_parent[ci];
            }
        }
    }
    (0..nc)
        .map(|c| if cnt[c] > 0.0 { sum[c] / cnt[c] } else { 0.0 })
        .collect()
}

/// The chain of clusters of a node from the outermost to the innermost.
fn chain(g: &OrderGraph, v: usize) -> Vec<usize> {
    let mut out = super::enclosing(g.cluster_parent, g.cluster[v]);
    out.reverse();
    out
}

/// Sort one rank by key, as a tree of cluster blocks.
fn sort_rank(g: &OrderGraph, keys: &[(usize, f64)], pos: &[usize], corder: &[f64]) -> Vec<usize> {
    let items: Vec<(Vec<usize>, usize, f64)> =
        keys.iter().map(|&(v, k)| (chain(g, v), v, k)).collect();
    let idx: Vec<usize> = (0..items.len()).collect();
    let mut out = Vec::with_capacity(items.len());
    sort_level(&items, &idx, 0, pos, corder, &mut out);
    out
}

fn sort_level(
    items: &[(Vec<usize>, usize, f64)],
    idx: &[usize],
    depth: usize,
    pos: &[usize],
    corder: &[f64],
    out: &mut Vec<usize>,
) {
    // Entries: a direct node, or a block of one child cluster.
    struct Entry {
        key: f64,
        tie: usize,
        cluster: Option<usize>,
        members: Vec<usize>,
    }
    let mut entries: Vec<Entry> = Vec::new();
    for &i in idx {
        let (ch, v, k) = &items[i];
        match ch.get(depth) {
            None => entries.push(Entry {
                key: *k,
                tie: pos[*v],
                cluster: None,
                members: vec![i],
            }),
            Some(&c) => {
                if let Some(e) = entries.iter_mut().find(|e| e.cluster == Some(c)) {
                    e.members.push(i);
                    e.key += *k;
                    e.tie = e.tie.min(pos[*v]);
                } else {
                    entries.push(Entry {
                        key: *k,
                        tie: pos[*v],
                        cluster: Some(c),
                        members: vec![i],
                    });
                }
            }
        }
    }
    for e in &mut entries {
        if e.cluster.is_some() {
            e.key /= e.members.len() as f64;
        }
    }
    entries.sort_by(|a, b| a.key.total_cmp(&b.key).then(a.tie.cmp(&b.tie)));
    // Sibling clusters keep the global order on every rank.
    let slots: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.cluster.is_some())
        .map(|(i, _)| i)
        .collect();
    let mut blocks: Vec<Entry> = Vec::new();
    for &s in slots.iter().rev() {
        blocks.push(entries.remove(s));
    }
    blocks.sort_by(|a, b| {
        let (ca, cb) = (a.cluster.unwrap_or(0), b.cluster.unwrap_or(0));
        corder[ca].total_cmp(&corder[cb]).then(ca.cmp(&cb))
    });
    for (s, b) in slots.iter().zip(blocks) {
        entries.insert(*s, b);
    }
    for e in entries {
        if e.cluster.is_some() {
            sort_level(items, &e.members, depth + 1, pos, corder, out);
        } else {
            out.push(items[e.members[0]].1);
        }
    }
}

/// Crossings between the segments of two adjacent ranks, counted as
/// inversions with a Fenwick tree (O(E log V)).
pub fn crossings_between(
    upper: &[usize],
    down: &[Vec<usize>],
    pos: &[usize],
    lower_len: usize,
) -> usize {
    let mut segs: Vec<(usize, usize)> = Vec::new();
    for &u in upper {
        for &w in &down[u] {
            segs.push((pos[u], pos[w]));
        }
    }
    segs.sort_unstable();
    crate::work::add(1 + upper.len() + segs.len());
    let mut tree = vec![0usize; lower_len + 1];
    let mut count = 0usize;
    for (seen, &(_, p)) in segs.iter().enumerate() {
        // Number of earlier segments with lower position > p.
        let mut i = p + 1;
        let mut le = 0;
        while i > 0 {
            le += tree[i];
            i -= i & i.wrapping_neg();
        }
        count += seen - le;
        let mut i = p + 1;
        while i <= lower_len {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    count
}

fn total_crossings(g: &OrderGraph, ranks: &[Vec<usize>], pos: &[usize]) -> usize {
    (0..ranks.len().saturating_sub(1))
        .map(|r| crossings_between(&ranks[r], g.down, pos, ranks[r + 1].len()))
        .sum()
}

/// Crossings among the edges of `u` and `v` with one side, as `(with u
/// left of v, with v left of u)`, from their neighbours' positions sorted
/// ascending (`a` for u, `b` for v): one merge, O(|a| + |b|).
fn pair_crossings(a: &[usize], b: &[usize]) -> (usize, usize) {
    let (mut left, mut right) = (0, 0);
    // For each position in `a`: how many of `b` lie strictly before it
    // (those cross when u is left of v) and strictly after it (those cross
    // when v is left of u).
    let (mut lo, mut hi) = (0, 0);
    for &p in a {
        while lo < b.len() && b[lo] < p {
            lo += 1;
        }
        while hi < b.len() && b[hi] <= p {
            hi += 1;
        }
        left += lo;
        right += b.len() - hi;
    }
    (left, right)
}

/// Every node's neighbour positions on one side, sorted ascending, in one
/// flat array (`off[v]..off[v + 1]` for node `v`).
struct SortedNb {
    off: Vec<usize>,
    pos: Vec<usize>,
}

impl SortedNb {
    fn new(nb: &[Vec<usize>], pos: &[usize]) -> SortedNb {
        let mut off = Vec::with_capacity(nb.len() + 1);
        let mut out = Vec::with_capacity(nb.iter().map(Vec::len).sum());
        off.push(0);
        for list in nb {
            let from = out.len();
            out.extend(list.iter().map(|&w| pos[w]));
            out[from..].sort_unstable();
            off.push(out.len());
        }
        SortedNb { off, pos: out }
    }

    fn of(&self, v: usize) -> &[usize] {
        &self.pos[self.off[v]..self.off[v + 1]]
    }

    /// After the nodes at positions `i` and `i + 1` of a neighbouring rank
    /// swapped: `v`'s entries `i` (from the node now at `i + 1`) and `i + 1`
    /// (from the node now at `i`) trade values, which keeps them sorted:
    /// they are one run of `i`s followed by one run of `i + 1`s.
    fn swapped(&mut self, v: usize, i: usize) {
        let list = &mut self.pos[self.off[v]..self.off[v + 1]];
        let lo = list.partition_point(|&p| p < i);
        let hi = list.partition_point(|&p| p <= i + 1);
        let was_i = list[lo..hi].iter().filter(|&&p| p == i).count();
        let now_i = hi - lo - was_i;
        list[lo..lo + now_i].fill(i);
        list[lo + now_i..hi].fill(i + 1);
    }
}

/// Swap neighbours of the same innermost cluster while that reduces crossings.
fn transpose(g: &OrderGraph, ranks: &mut [Vec<usize>], pos: &mut [usize]) {
    // Sorted neighbour positions of every node, kept up to date through the
    // swaps (a swap changes only its two nodes' neighbours' lists).
    let mut up = SortedNb::new(g.up, pos);
    let mut down = SortedNb::new(g.down, pos);
    crate::work::add(1 + up.pos.len() + down.pos.len());
    // Which neighbours a swap has updated (the swap's number), so each is
    // updated once however many edges it has to the pair.
    let mut stamp_up = vec![usize::MAX; pos.len()];
    let mut stamp_down = vec![usize::MAX; pos.len()];
    let mut swaps = 0usize;
    // Per node: bumped whenever its position or its sorted lists change; and
    // per left node of a pair checked without a swap, (right node, both
    // versions) — an unchanged pair would again not swap, and is skipped.
    let mut ver = vec![0u64; pos.len()];
    let mut kept: Vec<(usize, u64, u64)> = vec![(usize::MAX, 0, 0); pos.len()];
    // A rank whose last pass swapped nothing, and whose neighbour ranks
    // swapped nothing since, would swap nothing again: it is skipped (the
    // result is the same as re-checking every rank every pass).
    let mut dirty = vec![true; ranks.len()];
    let mut rank_of = vec![0usize; pos.len()];
    for (ri, r) in ranks.iter().enumerate() {
        for &v in r {
            rank_of[v] = ri;
        }
    }
    for _ in 0..8 {
        let mut improved = false;
        for ri in 0..ranks.len() {
            if !dirty[ri] {
                continue;
            }
            dirty[ri] = false;
            let r = &mut ranks[ri];
            let len = r.len();
            if len < 2 {
                continue;
            }
            crate::work::add(len);
            let mut swapped = false;
            for i in 0..len - 1 {
                let (u, v) = (r[i], r[i + 1]);
                if g.cluster[u] != g.cluster[v] {
                    continue;
                }
                if kept[u] == (v, ver[u], ver[v]) {
                    continue;
                }
                let (uu, vu, ud, vd) = (up.of(u), up.of(v), down.of(u), down.of(v));
                crate::work::add(1 + uu.len() + vu.len() + ud.len() + vd.len());
                let (ub, ua) = pair_crossings(uu, vu);
                let (db, da) = pair_crossings(ud, vd);
                if ua + da < ub + db {
                    r.swap(i, i + 1);
                    pos[u] = i + 1;
                    pos[v] = i;
                    ver[u] = ver[u].wrapping_add(1);
                    ver[v] = ver[v].wrapping_add(1);
                    swapped = true;
                    swaps += 1;
                    // The neighbours' sorted lists, and the ranks whose
                    // pairs see u's and v's positions.
                    for &w in g.up[u].iter().chain(&g.up[v]) {
                        dirty[rank_of[w]] = true;
                        if stamp_down[w] != swaps {
                            stamp_down[w] = swaps;
                            down.swapped(w, i);
                            ver[w] = ver[w].wrapping_add(1);
                        }
                    }
                    for &w in g.down[u].iter().chain(&g.down[v]) {
                        dirty[rank_of[w]] = true;
                        if stamp_up[w] != swaps {
                            stamp_up[w] = swaps;
                            up.swapped(w, i);
                            ver[w] = ver[w].wrapping_add(1);
                        }
                    }
                } else {
                    kept[u] = (v, ver[u], ver[v]);
                }
            }
            if swapped {
                improved = true;
                dirty[ri] = true;
            }
        }
        if !improved {
            break;
        }
    }
}

/// Crossings between rank `r` (ordered as `list`) and its two neighbours;
/// `pos` is scratch space indexed by layered node.
fn local_crossings(
    g: &OrderGraph,
    ranks: &[Vec<usize>],
    r: usize,
    list: &[usize],
    pos: &mut [usize],
) -> usize {
    fn place(pos: &mut [usize], rank: &[usize]) {
        for (i, &v) in rank.iter().enumerate() {
            pos[v] = i;
        }
    }
    place(pos, list);
    let mut count = 0;
    if r > 0 {
        place(pos, &ranks[r - 1]);
        count += crossings_between(&ranks[r - 1], g.down, pos, list.len());
    }
    if r + 1 < ranks.len() {
        place(pos, &ranks[r + 1]);
        count += crossings_between(list, g.down, pos, ranks[r + 1].len());
    }
    count
}

/// Keep each long edge on one side of every subgraph it passes: where an
/// edge point stands on the other side of a subgraph than the point above it
/// (both outside that subgraph, which spans both ranks), it moves next to
/// the subgraph on the side of the point above, so the edge runs beside the
/// box instead of cutting through it.
pub fn keep_sides(g: &OrderGraph, ranks: &mut [Vec<usize>], is_dummy: &[bool]) {
    let nc = g.cluster_parent.len();
    if nc == 0 {
        return;
    }
    let anc = |c: Option<usize>| super::enclosing(g.cluster_parent, c);
    let mut scratch = vec![0usize; g.cluster.len()];
    // Per rank and cluster: the block's first and last position.
    let blocks = |list: &[usize]| {
        let mut b: Vec<Option<(usize, usize)>> = vec![None; nc];
        for (i, &v) in list.iter().enumerate() {
            for c in anc(g.cluster[v]) {
                b[c] = Some(b[c].map_or((i, i), |(lo, _)| (lo, i)));
            }
        }
        b
    };
    for r in 1..ranks.len() {
        let above = blocks(&ranks[r - 1]);
        let pos_above: std::collections::HashMap<usize, usize> = ranks[r - 1]
            .iter()
            .enumerate()
            .map(|(i, &v)| (v, i))
            .collect();
        let movers: Vec<usize> = ranks[r]
            .iter()
            .copied()
            .filter(|&v| is_dummy[v] && g.up[v].len() == 1)
            .collect();
        for v in movers {
            let u = g.up[v][0];
            let Some(&pu) = pos_above.get(&u) else {
                continue;
            };
            let v_anc = anc(g.cluster[v]);
            let u_anc = anc(g.cluster[u]);
            let here = blocks(&ranks[r]);
            let Some(pv) = ranks[r].iter().position(|&x| x == v) else {
                continue;
            };
            // Subgraphs v can stand beside: children of a subgraph holding v (or top level).
            for c in 0..nc {
                let beside = g.cluster_parent[c].is_none_or(|p| v_anc.contains(&p));
                if !beside || v_anc.contains(&c) || u_anc.contains(&c) {
                    continue;
                }
                let (Some((alo, ahi)), Some((lo, hi))) = (above[c], here[c]) else {
                    continue;
                };
                let side_u = if pu < alo {
                    -1
                } else if pu > ahi {
                    1
                } else {
                    0
                };
                let side_v = if pv < lo {
                    -1
                } else if pv > hi {
                    1
                } else {
                    0
                };
                if side_u == 0 || side_v == 0 || side_u == side_v {
                    continue;
                }
                let mut list = ranks[r].clone();
                list.remove(pv);
                let (lo, hi) = blocks(&list)[c].unwrap_or((0, 0));
                let at = if side_u < 0 { lo } else { hi + 1 };
                list.insert(at.min(list.len()), v);
                // Only when that adds no crossing.
                let before = local_crossings(g, ranks, r, &ranks[r], &mut scratch);
                let after = local_crossings(g, ranks, r, &list, &mut scratch);
                if after <= before {
                    ranks[r] = list;
                }
                break;
            }
        }
    }
    // What is left crosses a subgraph: an edge may cross a subgraph's
    // border only when one of its ends is inside. Every edge point then
    // follows its neighbour's side, whatever it costs in crossings —
    // either the neighbour above (the edge keeps the side it comes from)
    // or the one below; of the two, the order with fewer crossings.
    let mut down = ranks.to_vec();
    let moved_down = align_sides(g, &mut down, is_dummy, true);
    let mut up = ranks.to_vec();
    let moved_up = align_sides(g, &mut up, is_dummy, false);
    if !moved_down && !moved_up {
        return;
    }
    let count = |rs: &[Vec<usize>]| {
        let mut pos = vec![0usize; g.cluster.len()];
        for list in rs {
            for (i, &v) in list.iter().enumerate() {
                pos[v] = i;
            }
        }
        total_crossings(g, rs, &pos)
    };
    let best = if count(&up) <= count(&down) { up } else { down };
    ranks.clone_from_slice(&best);
}

/// Move every edge point (one neighbour toward the rank it follows) that
/// stands on the other side of a subgraph than that neighbour — both
/// outside the subgraph, which is present on both ranks — next to the
/// subgraph on the neighbour's side. Ranks are visited downward (each point
/// follows the one above) or upward. Returns whether anything moved.
fn align_sides(
    g: &OrderGraph,
    ranks: &mut [Vec<usize>],
    is_dummy: &[bool],
    downward: bool,
) -> bool {
    let nc = g.cluster_parent.len();
    // Every subgraph with the subgraphs around it, computed once.
    let chains: Vec<Vec<usize>> = (0..nc)
        .map(|c| super::enclosing(g.cluster_parent, Some(c)))
        .collect();
    let anc = |c: Option<usize>| -> &[usize] { c.map_or(&[], |c| chains[c].as_slice()) };
    let blocks = |list: &[usize]| {
        let mut b: Vec<Option<(usize, usize)>> = vec![None; nc];
        for (i, &v) in list.iter().enumerate() {
            for &c in anc(g.cluster[v]) {
                b[c] = Some(b[c].map_or((i, i), |(lo, _)| (lo, i)));
            }
        }
        b
    };
    let side = |p: usize, (lo, hi): (usize, usize)| {
        if p < lo {
            -1
        } else if p > hi {
            1
        } else {
            0
        }
    };
    let mut moved = false;
    let mut pos_prev = vec![usize::MAX; g.cluster.len()];
    let visit: Vec<usize> = if downward {
        (1..ranks.len()).collect()
    } else {
        (0..ranks.len().saturating_sub(1)).rev().collect()
    };
    for r in visit {
        let nr = if downward { r - 1 } else { r + 1 };
        let prev = blocks(&ranks[nr]);
        for (i, &v) in ranks[nr].iter().enumerate() {
            pos_prev[v] = i;
        }
        let nbs = if downward { g.up } else { g.down };
        let movers: Vec<usize> = ranks[r]
            .iter()
            .copied()
            .filter(|&v| is_dummy[v] && nbs[v].len() == 1)
            .collect();
        let mut here = blocks(&ranks[r]);
        for v in movers {
            let u = nbs[v][0];
            let pu = pos_prev[u];
            if pu == usize::MAX {
                continue;
            }
            let v_anc = anc(g.cluster[v]);
            let u_anc = anc(g.cluster[u]);
            // A move can put v on the wrong side of another subgraph: look
            // again, a bounded number of times.
            for _ in 0..nc.min(8) {
                let Some(pv) = ranks[r].iter().position(|&x| x == v) else {
                    break;
                };
                let wrong = (0..nc).find(|&c| {
                    let beside = g.cluster_parent[c].is_none_or(|p| v_anc.contains(&p));
                    if !beside || v_anc.contains(&c) || u_anc.contains(&c) {
                        return false;
                    }
                    let (Some(a), Some(h)) = (prev[c], here[c]) else {
                        return false;
                    };
                    let (su, sv) = (side(pu, a), side(pv, h));
                    su != 0 && sv != 0 && su != sv
                });
                let Some(c) = wrong else { break };
                let (Some(a), Some(_)) = (prev[c], here[c]) else {
                    break;
                };
                let mut list = ranks[r].clone();
                list.remove(pv);
                let Some((lo, hi)) = blocks(&list)[c] else {
                    break;
                };
                let at = if side(pu, a) < 0 { lo } else { hi + 1 };
                list.insert(at.min(list.len()), v);
                ranks[r] = list;
                here = blocks(&ranks[r]);
                moved = true;
            }
        }
        for &v in &ranks[nr] {
            pos_prev[v] = usize::MAX;
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_crossings_as_inversions() {
        // upper a(0) b(1); lower c(0) d(1); a-d, b-c cross once.
        let down = vec![vec![3], vec![2], vec![], vec![]];
        let pos = vec![0, 1, 0, 1];
        assert_eq!(crossings_between(&[0, 1], &down, &pos, 2), 1);
    }

    #[test]
    fn untangles_a_crossing_and_keeps_clusters_contiguous() {
        // rank 0: 0 1; rank 1: 2 3 4 where 2 and 4 are in cluster 0.
        // edges 0-4, 1-2, 0-3 : best order keeps 2,4 together.
        let cluster = vec![None, None, Some(0), None, Some(0)];
        let parents = vec![None];
        let down = vec![vec![4, 3], vec![2], vec![], vec![], vec![]];
        let mut up = vec![Vec::new(); 5];
        for (u, ds) in down.iter().enumerate() {
            for &d in ds {
                up[d].push(u);
            }
        }
        let g = OrderGraph {
            cluster: &cluster,
            cluster_parent: &parents,
            up: &up,
            down: &down,
        };
        let mut ranks = vec![vec![0, 1], vec![2, 3, 4]];
        order(&g, &mut ranks, 8);
        let r1 = &ranks[1];
        let p2 = r1.iter().position(|&v| v == 2).unwrap();
        let p4 = r1.iter().position(|&v| v == 4).unwrap();
        assert_eq!(
            (p2 as i64 - p4 as i64).abs(),
            1,
            "cluster members adjacent: {r1:?}"
        );
        let mut pos = vec![0; 5];
        for r in &ranks {
            for (i, &v) in r.iter().enumerate() {
                pos[v] = i;
            }
        }
        assert_eq!(crossings_between(&ranks[0], &down, &pos, 3), 0);
    }
}
