//! Cycle breaking: choose edges to reverse so the graph becomes acyclic,
//! keeping as many edges as possible pointing with the flow.
//!
//! Depth-first search from the nodes in input order (sources first): an
//! edge to a node still on the DFS stack closes a cycle and is reversed.
//! Starting from sources and visiting in input order keeps the author's
//! order of statements, which is how Mermaid users expect the flow to read.

/// For each edge `(from, to)`, whether it must be reversed. Self-loops are
/// never reversed (layout treats them separately).
pub fn reversed_edges(n: usize, edges: &[(usize, usize)]) -> Vec<bool> {
    let mut out_edges = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for (i, &(a, b)) in edges.iter().enumerate() {
        if a != b {
            out_edges[a].push(i);
            indeg[b] += 1;
        }
    }
    // 0 = unvisited, 1 = on stack, 2 = done.
    let mut state = vec![0u8; n];
    let mut rev = vec![false; edges.len()];
    let starts = (0..n).filter(|&v| indeg[v] == 0).chain(0..n);
    for s in starts {
        if state[s] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(s, 0)];
        state[s] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if *k < out_edges[v].len() {
                let ei = out_edges[v][*k];
                *k += 1;
                let w = edges[ei].1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => rev[ei] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    rev
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_a_cycle_at_its_back_edge() {
        let r = reversed_edges(3, &[(0, 1), (1, 2), (2, 0)]);
        assert_eq!(r, vec![false, false, true]);
    }

    #[test]
    fn result_is_acyclic_on_dense_cyclic_graphs() {
        let n = 7;
        let mut edges = Vec::new();
        for a in 0..n {
            for b in 0..n {
                if (a * 3 + b * 5) % 4 != 0 {
                    edges.push((a, b));
                }
            }
        }
        let r = reversed_edges(n, &edges);
        let dag: Vec<(usize, usize)> = edges
            .iter()
            .zip(&r)
            .filter(|((a, b), _)| a != b)
            .map(|(&(a, b), &rv)| if rv { (b, a) } else { (a, b) })
            .collect();
        // Kahn's algorithm must consume every node.
        let mut indeg = vec![0; n];
        for &(_, b) in &dag {
            indeg[b] += 1;
        }
        let mut q: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
        let mut seen = 0;
        while let Some(v) = q.pop() {
            seen += 1;
            for &(a, b) in &dag {
                if a == v {
                    indeg[b] -= 1;
                    if indeg[b] == 0 {
                        q.push(b);
                    }
                }
            }
        }
        assert_eq!(seen, n);
    }
}
