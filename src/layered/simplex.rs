//! Network simplex (Gansner, Koutsofios, North, Vo 1993) for integer
//! difference constraints: given edges `(tail, head, minlen, weight)`, find
//! values `x` with `x[head] - x[tail] >= minlen` for every edge that minimise
//! `Σ weight · (x[head] - x[tail])`.
//!
//! Used twice by layout: for ranks (nodes and edges of the graph) and for
//! coordinates within ranks (separation constraints plus one auxiliary node
//! per edge, which turns `|x_a - x_b|` into a linear objective).
//!
//! The constraint graph must be acyclic. Disconnected parts are solved
//! together by tying each to a virtual root with a free edge.

/// A pivot budget for a problem of this size: every pivot costs O(V + E),
/// so large problems stop early (still feasible, close to optimal) to keep
/// the whole solve near a fixed amount of work; small ones run to the optimum.
pub fn pivot_budget(nodes: usize, edges: usize) -> usize {
    (4_000_000 / (nodes + edges).max(1)).clamp(100, 100_000)
}

/// One constraint edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Constraint {
    pub tail: usize,
    pub head: usize,
    pub minlen: i64,
    pub weight: i64,
}

/// Solve; returns one value per node, the smallest being 0.
///
/// `max_iter` bounds the number of pivots (each is O(V + E)); the result is
/// feasible whenever it stops, and optimal when it stops on its own.
pub fn solve(n: usize, edges: &[Constraint], max_iter: usize) -> Vec<i64> {
    if n == 0 {
        return Vec::new();
    }
    let mut s = Solver::new(n, edges);
    s.init_rank();
    s.feasible_tree();
    s.optimise(max_iter);
    let mut x: Vec<i64> = s.rank[..n].to_vec();
    let min = x.iter().copied().min().unwrap_or(0);
    for v in &mut x {
        *v -= min;
    }
    x
}

struct Solver {
    /// Number of nodes including the virtual root (the last one).
    n: usize,
    edges: Vec<Constraint>,
    /// Edge indices incident to each node.
    inc: Vec<Vec<usize>>,
    rank: Vec<i64>,
    in_tree: Vec<bool>,
    /// Tree edges incident to each node.
    tree_adj: Vec<Vec<usize>>,
    parent_edge: Vec<usize>,
    low: Vec<usize>,
    lim: Vec<usize>,
    cut: Vec<i64>,
    /// Net weight of each node: Σ out-weights − Σ in-weights.
    net: Vec<i64>,
    /// Σ `net` over each node's subtree (of the tree rooted at the root).
    subtree: Vec<i64>,
    /// Scratch stacks of the tree walks.
    walk: Vec<(usize, usize)>,
    moved: Vec<usize>,
    search_from: usize,
}

const NONE: usize = usize::MAX;

impl Solver {
    fn new(n0: usize, input: &[Constraint]) -> Solver {
        // Components (undirected) get tied to a virtual root so the graph is connected.
        let mut uf: Vec<usize> = (0..n0).collect();
        fn find(uf: &mut [usize], mut a: usize) -> usize {
            while uf[a] != a {
                uf[a] = uf[uf[a]];
                a = uf[a];
            }
            a
        }
        for e in input {
            let (a, b) = (find(&mut uf, e.tail), find(&mut uf, e.head));
            if a != b {
                uf[a] = b;
            }
        }
        let mut edges: Vec<Constraint> =
            input.iter().copied().filter(|e| e.tail != e.head).collect();
        let root = n0;
        let mut seen = vec![false; n0];
        for v in 0..n0 {
            let r = find(&mut uf, v);
            if !seen[r] {
                seen[r] = true;
                edges.push(Constraint {
                    tail: root,
                    head: v,
                    minlen: 0,
                    weight: 0,
                });
            }
        }
        let n = n0 + 1;
        let mut inc = vec![Vec::new(); n];
        let mut net = vec![0i64; n];
        for (i, e) in edges.iter().enumerate() {
            inc[e.tail].push(i);
            inc[e.head].push(i);
            net[e.tail] += e.weight;
            net[e.head] -= e.weight;
        }
        let m = edges.len();
        Solver {
            n,
            edges,
            inc,
            rank: vec![0; n],
            in_tree: vec![false; m],
            tree_adj: vec![Vec::new(); n],
            parent_edge: vec![NONE; n],
            low: vec![0; n],
            lim: vec![0; n],
            cut: vec![0; m],
            net,
            subtree: vec![0; n],
            walk: Vec::new(),
            moved: Vec::new(),
            search_from: 0,
        }
    }

    fn slack(&self, e: usize) -> i64 {
        let c = &self.edges[e];
        self.rank[c.head] - self.rank[c.tail] - c.minlen
    }

    /// Longest-path initial ranking (Kahn's order).
    fn init_rank(&mut self) {
        let mut indeg = vec![0usize; self.n];
        for e in &self.edges {
            indeg[e.head] += 1;
        }
        let mut queue: Vec<usize> = (0..self.n).filter(|&v| indeg[v] == 0).collect();
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            for k in 0..self.inc[v].len() {
                let ei = self.inc[v][k];
                let e = self.edges[ei];
                if e.tail != v {
                    continue;
                }
                let r = self.rank[v] + e.minlen;
                if r > self.rank[e.head] {
                    self.rank[e.head] = r;
                }
                indeg[e.head] -= 1;
                if indeg[e.head] == 0 {
                    queue.push(e.head);
                }
            }
        }
        debug_assert_eq!(queue.len(), self.n, "constraint graph must be acyclic");
    }

    /// Grow a spanning tree of tight edges, shifting the tree to make the
    /// cheapest incident edge tight whenever growth stops.
    fn feasible_tree(&mut self) {
        let mut in_t = vec![false; self.n];
        let start = self.n - 1;
        in_t[start] = true;
        let mut count = 1;
        let mut members = vec![start];
        // Grow from all members through tight edges.
        let mut frontier = vec![start];
        loop {
            while let Some(v) = frontier.pop() {
                for k in 0..self.inc[v].len() {
                    let ei = self.inc[v][k];
                    let e = self.edges[ei];
                    let w = if e.tail == v { e.head } else { e.tail };
                    if !in_t[w] && self.slack(ei) == 0 {
                        in_t[w] = true;
                        count += 1;
                        self.add_tree_edge(ei);
                        members.push(w);
                        frontier.push(w);
                    }
                }
            }
            if count == self.n {
                break;
            }
            crate::work::add(self.edges.len() + members.len());
            // Cheapest edge with exactly one end in the tree.
            let mut best = NONE;
            let mut best_slack = i64::MAX;
            for (ei, e) in self.edges.iter().enumerate() {
                if in_t[e.tail] != in_t[e.head] {
                    let s = self.rank[e.head] - self.rank[e.tail] - e.minlen;
                    if s < best_slack {
                        best_slack = s;
                        best = ei;
                    }
                }
            }
            if best == NONE {
                break; // cannot happen: the graph is connected
            }
            let e = self.edges[best];
            let delta = if in_t[e.tail] {
                best_slack
            } else {
                -best_slack
            };
            for &v in &members {
                self.rank[v] += delta;
            }
            frontier.extend(members.iter().copied());
        }
    }

    fn add_tree_edge(&mut self, ei: usize) {
        self.in_tree[ei] = true;
        let e = self.edges[ei];
        self.tree_adj[e.tail].push(ei);
        self.tree_adj[e.head].push(ei);
    }

    fn remove_tree_edge(&mut self, ei: usize) {
        self.in_tree[ei] = false;
        let e = self.edges[ei];
        self.tree_adj[e.tail].retain(|&x| x != ei);
        self.tree_adj[e.head].retain(|&x| x != ei);
    }

    /// Post-order numbering (low/lim), parent edges, subtree sums → cut values.
    fn annotate(&mut self) {
        let root = self.n - 1;
        self.parent_edge[root] = NONE;
        self.low[root] = 1;
        self.annotate_from(root);
    }

    /// [`Solver::annotate`] for the subtree of `top` only, whose node set,
    /// parent edge and `low` are unchanged (its numbering keeps the range
    /// `low[top]..=lim[top]`): after an exchange inside it, nothing outside
    /// changes.
    fn annotate_from(&mut self, top: usize) {
        let mut next = self.low[top];
        let mut stack = std::mem::take(&mut self.walk);
        stack.clear();
        stack.push((top, 0));
        self.subtree[top] = self.net[top];
        while let Some(&mut (v, ref mut idx)) = stack.last_mut() {
            if *idx < self.tree_adj[v].len() {
                let ei = self.tree_adj[v][*idx];
                *idx += 1;
                if ei == self.parent_edge[v] {
                    continue;
                }
                let e = self.edges[ei];
                let w = if e.tail == v { e.head } else { e.tail };
                self.parent_edge[w] = ei;
                self.low[w] = next;
                self.subtree[w] = self.net[w];
                stack.push((w, 0));
            } else {
                self.lim[v] = next;
                next += 1;
                stack.pop();
                if v == top {
                    continue;
                }
                let pe = self.parent_edge[v];
                let e = self.edges[pe];
                let p = if e.tail == v { e.head } else { e.tail };
                self.subtree[p] += self.subtree[v];
                // Cut value: weight from tail component to head component.
                self.cut[pe] = if e.tail == v {
                    self.subtree[v]
                } else {
                    -self.subtree[v]
                };
            }
        }
        self.walk = stack;
    }

    /// Replace tree edge `leave` by `enter`: the side of `leave` away from
    /// the root shifts so that `enter` is tight (every other node keeps
    /// its rank, as a full re-ranking from the root would give), and only
    /// the subtree of the lowest common ancestor of `enter`'s ends is
    /// annotated again (the rest of the tree is unchanged). Cost: the size
    /// of that subtree, not of the whole graph.
    fn exchange(&mut self, leave: usize, enter: usize) {
        let e = self.edges[leave];
        let child = if self.parent_edge[e.tail] == leave {
            e.tail
        } else {
            e.head
        };
        let (lo, hi) = (self.low[child], self.lim[child]);
        let f = self.edges[enter];
        let tail_moves = lo <= self.lim[f.tail] && self.lim[f.tail] <= hi;
        let delta = if tail_moves {
            self.slack(enter)
        } else {
            -self.slack(enter)
        };
        // Shift the subtree of `child` (old tree).
        let mut moved = std::mem::take(&mut self.moved);
        moved.clear();
        moved.push(child);
        while let Some(v) = moved.pop() {
            self.rank[v] += delta;
            for k in 0..self.tree_adj[v].len() {
                let ei = self.tree_adj[v][k];
                if ei == self.parent_edge[v] {
                    continue;
                }
                let c = self.edges[ei];
                moved.push(if c.tail == v { c.head } else { c.tail });
            }
        }
        self.moved = moved;
        // Lowest common ancestor of the entering edge's ends (old tree).
        let target = self.lim[f.head];
        let mut top = f.tail;
        while !(self.low[top] <= target && target <= self.lim[top]) {
            let pe = self.parent_edge[top];
            if pe == NONE {
                break;
            }
            let c = self.edges[pe];
            top = if c.tail == top { c.head } else { c.tail };
        }
        crate::work::add(hi + 1 - lo + self.lim[top] + 1 - self.low[top]);
        self.remove_tree_edge(leave);
        self.add_tree_edge(enter);
        self.annotate_from(top);
    }

    /// Ranks from the tree: every tree edge is tight.
    #[cfg(test)]
    fn rerank(&mut self) {
        let root = self.n - 1;
        let mut stack = vec![root];
        let mut seen = vec![false; self.n];
        seen[root] = true;
        while let Some(v) = stack.pop() {
            for k in 0..self.tree_adj[v].len() {
                let ei = self.tree_adj[v][k];
                let e = self.edges[ei];
                let w = if e.tail == v { e.head } else { e.tail };
                if seen[w] {
                    continue;
                }
                seen[w] = true;
                self.rank[w] = if e.tail == v {
                    self.rank[v] + e.minlen
                } else {
                    self.rank[v] - e.minlen
                };
                stack.push(w);
            }
        }
    }

    fn optimise(&mut self, max_iter: usize) -> usize {
        self.annotate();
        let mut pivots = 0;
        for _ in 0..max_iter {
            let Some(leave) = self.leave_edge() else {
                break;
            };
            let Some(enter) = self.enter_edge(leave) else {
                break;
            };
            pivots += 1;
            // Choosing the edges scans every edge.
            crate::work::add_pivot_scan(self.edges.len());
            self.exchange(leave, enter);
            #[cfg(test)]
            self.check_incremental();
        }
        pivots
    }

    fn leave_edge(&mut self) -> Option<usize> {
        let m = self.edges.len();
        for k in 0..m {
            let ei = (self.search_from + k) % m;
            if self.in_tree[ei] && self.cut[ei] < 0 {
                self.search_from = (ei + 1) % m;
                return Some(ei);
            }
        }
        None
    }

    fn enter_edge(&self, leave: usize) -> Option<usize> {
        let e = self.edges[leave];
        // The subtree side of the leaving edge.
        let child = if self.parent_edge[e.tail] == leave {
            e.tail
        } else {
            e.head
        };
        let (lo, hi) = (self.low[child], self.lim[child]);
        let inside = |v: usize| lo <= self.lim[v] && self.lim[v] <= hi;
        // Tail component = subtree if the subtree holds the tail.
        let tail_in_subtree = child == e.tail;
        let mut best = None;
        let mut best_slack = i64::MAX;
        for (fi, f) in self.edges.iter().enumerate() {
            if self.in_tree[fi] {
                continue;
            }
            // Edges from the head component to the tail component.
            let ok = if tail_in_subtree {
                !inside(f.tail) && inside(f.head)
            } else {
                inside(f.tail) && !inside(f.head)
            };
            if ok {
                let s = self.slack(fi);
                if s < best_slack {
                    best_slack = s;
                    best = Some(fi);
                }
            }
        }
        best
    }
}

#[cfg(test)]
impl Solver {
    /// The incremental exchange left exactly what a full re-rank and
    /// re-annotation from the root give (parent edges and cut values; the
    /// numbering may differ but must nest the same way).
    fn check_incremental(&mut self) {
        if self.n > 200 {
            return;
        }
        let (rank, parent, cut) = (
            self.rank.clone(),
            self.parent_edge.clone(),
            self.cut.clone(),
        );
        let subtree = |s: &Solver, v: usize, w: usize| s.low[v] <= s.lim[w] && s.lim[w] <= s.lim[v];
        let inc: Vec<Vec<bool>> = (0..self.n)
            .map(|v| (0..self.n).map(|w| subtree(self, v, w)).collect())
            .collect();
        self.rerank();
        self.annotate();
        assert_eq!(rank, self.rank);
        assert_eq!(parent, self.parent_edge);
        let in_tree: Vec<usize> = (0..self.edges.len()).filter(|&e| self.in_tree[e]).collect();
        for &e in &in_tree {
            assert_eq!(cut[e], self.cut[e], "cut value of tree edge {e}");
        }
        for (v, row) in inc.iter().enumerate() {
            for (w, &inside) in row.iter().enumerate() {
                assert_eq!(inside, subtree(self, v, w), "{v} contains {w}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(tail: usize, head: usize, minlen: i64, weight: i64) -> Constraint {
        Constraint {
            tail,
            head,
            minlen,
            weight,
        }
    }

    fn feasible(x: &[i64], edges: &[Constraint]) -> bool {
        edges.iter().all(|e| x[e.head] - x[e.tail] >= e.minlen)
    }

    fn cost(x: &[i64], edges: &[Constraint]) -> i64 {
        edges
            .iter()
            .map(|e| e.weight * (x[e.head] - x[e.tail]))
            .sum()
    }

    #[test]
    fn chain_gets_consecutive_ranks() {
        let e = [c(0, 1, 1, 1), c(1, 2, 1, 1)];
        assert_eq!(solve(3, &e, 100), vec![0, 1, 2]);
    }

    #[test]
    fn pulls_a_short_branch_down_to_its_target() {
        // a->b->c->d and a->d, plus e->d: longest path puts e at 0;
        // optimal puts e right above d.
        let e = [
            c(0, 1, 1, 1),
            c(1, 2, 1, 1),
            c(2, 3, 1, 1),
            c(0, 3, 1, 1),
            c(4, 3, 1, 1),
        ];
        let x = solve(5, &e, 100);
        assert!(feasible(&x, &e));
        assert_eq!(x[3] - x[4], 1);
        assert_eq!(cost(&x, &e), 3 + 3 + 1);
    }

    #[test]
    fn optimal_against_brute_force_on_small_graphs() {
        // Deterministic pseudo-random DAGs; compare with exhaustive search.
        let mut seed = 12345u64;
        let mut rnd = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for _ in 0..60 {
            let n = 2 + rnd(4) as usize;
            let mut edges = Vec::new();
            for _ in 0..(1 + rnd(6)) {
                let a = rnd(n as u64) as usize;
                let b = rnd(n as u64) as usize;
                if a < b {
                    edges.push(c(a, b, rnd(3) as i64, rnd(4) as i64));
                }
            }
            let x = solve(n, &edges, 1000);
            assert!(feasible(&x, &edges));
            // Brute force over values 0..=6.
            let mut best = i64::MAX;
            let mut y = vec![0i64; n];
            loop {
                if feasible(&y, &edges) {
                    best = best.min(cost(&y, &edges));
                }
                let mut i = 0;
                while i < n {
                    y[i] += 1;
                    if y[i] <= 6 {
                        break;
                    }
                    y[i] = 0;
                    i += 1;
                }
                if i == n {
                    break;
                }
            }
            assert_eq!(cost(&x, &edges), best, "edges {edges:?} got {x:?}");
        }
    }

    #[test]
    fn disconnected_parts_are_solved_together() {
        let e = [c(0, 1, 2, 1), c(2, 3, 1, 1)];
        let x = solve(4, &e, 100);
        assert!(feasible(&x, &e));
        assert_eq!(x[1] - x[0], 2);
        assert_eq!(x[3] - x[2], 1);
    }
}
