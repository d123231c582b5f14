//! Deterministic generators of test and benchmark diagrams: random layered
//! DAGs in Mermaid syntax, optionally grouped into (nested) subgraphs.
//! Public so that benches and integration tests can use them; not part of
//! the rendering API.

/// A small deterministic pseudo-random generator (64-bit LCG, high bits).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(1))
    }

    /// A number in `0..m` (`m` > 0).
    pub fn below(&mut self, m: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % m.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.below(1_000_000) as f64) < p * 1_000_000.0
    }
}

/// Shape of a generated graph.
#[derive(Debug, Clone, PartialEq)]
pub struct DagSpec {
    pub nodes: usize,
    /// Edges per node (about 1.5 in real flowcharts).
    pub edges_per_node: f64,
    /// Number of subgraphs (0 for none).
    pub clusters: usize,
    /// Make every second subgraph a child of the one before it.
    pub nest: bool,
    pub seed: u64,
}

impl DagSpec {
    pub fn new(nodes: usize, seed: u64) -> DagSpec {
        DagSpec {
            nodes,
            edges_per_node: 1.5,
            clusters: 0,
            nest: false,
            seed,
        }
    }
}

/// A layered DAG as a Mermaid flowchart: nodes spread over about
/// `1.2·√n` layers; every node below the first layer gets a parent in the
/// layer above near its own relative position; further edges mostly join
/// adjacent layers, some skip 2–4 layers. Labels vary in length.
pub fn layered_dag(spec: &DagSpec) -> String {
    let n = spec.nodes.max(1);
    let mut rng = Rng::new(spec.seed);
    let layers = ((n as f64).sqrt() * 1.2).ceil().max(1.0) as usize;
    let mut layer_of = Vec::with_capacity(n);
    let mut by_layer: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for v in 0..n {
        let l = v * layers / n;
        layer_of.push(l);
        by_layer[l].push(v);
    }
    let near = |rng: &mut Rng, list: &[usize], rel: f64| {
        let k = list.len();
        let centre = (rel * k as f64) as isize;
        let off = rng.below(5) as isize - 2;
        list[(centre + off).clamp(0, k as isize - 1) as usize]
    };
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for l in 1..layers {
        for (i, &v) in by_layer[l].iter().enumerate() {
            let rel = i as f64 / by_layer[l].len() as f64;
            let u = near(&mut rng, &by_layer[l - 1], rel);
            edges.push((u, v));
        }
    }
    let target = (n as f64 * spec.edges_per_node) as usize;
    let mut guard = 0;
    while edges.len() < target && layers > 1 && guard < target * 10 {
        guard += 1;
        let u = rng.below(n);
        let lu = layer_of[u];
        let span = if rng.chance(0.8) { 1 } else { 2 + rng.below(3) };
        let lv = lu + span;
        if lv >= layers {
            continue;
        }
        let rel = by_layer[lu].iter().position(|&x| x == u).unwrap_or(0) as f64
            / by_layer[lu].len() as f64;
        let v = near(&mut rng, &by_layer[lv], rel);
        if !edges.contains(&(u, v)) || n < 50 {
            edges.push((u, v));
        }
    }
    let mut out = String::from("flowchart TB\n");
    let label = |rng: &mut Rng, v: usize| format!("n{v} {}", "x".repeat(rng.below(12)));
    if spec.clusters == 0 {
        for v in 0..n {
            let l = label(&mut rng, v);
            out.push_str(&format!("    n{v}[\"{l}\"]\n"));
        }
    } else {
        // Clusters by (layer band, position): plausible, mostly contiguous.
        let k = spec.clusters.min(n);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
        let bands = (k as f64).sqrt().ceil() as usize;
        let cols = k.div_ceil(bands);
        for (v, &l) in layer_of.iter().enumerate() {
            let i = by_layer[l].iter().position(|&x| x == v).unwrap_or(0);
            let band = (l * bands / layers).min(bands - 1);
            let col = (i * cols / by_layer[l].len().max(1)).min(cols - 1);
            let c = (band * cols + col).min(k - 1);
            members[c].push(v);
        }
        let mut emitted = vec![false; k];
        let mut c = 0;
        while c < k {
            let child = spec.nest && c + 1 < k;
            out.push_str(&format!("    subgraph c{c}[\"cluster {c}\"]\n"));
            for &v in &members[c] {
                let l = label(&mut rng, v);
                out.push_str(&format!("        n{v}[\"{l}\"]\n"));
            }
            emitted[c] = true;
            if child {
                out.push_str(&format!(
                    "        subgraph c{}[\"cluster {}\"]\n",
                    c + 1,
                    c + 1
                ));
                for &v in &members[c + 1] {
                    let l = label(&mut rng, v);
                    out.push_str(&format!("            n{v}[\"{l}\"]\n"));
                }
                out.push_str("        end\n");
                emitted[c + 1] = true;
                c += 1;
            }
            out.push_str("    end\n");
            c += 1;
        }
    }
    for (u, v) in edges {
        out.push_str(&format!("    n{u} --> n{v}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let a = layered_dag(&DagSpec::new(200, 7));
        let b = layered_dag(&DagSpec::new(200, 7));
        assert_eq!(a, b);
        assert_eq!(a.lines().filter(|l| l.contains("[\"")).count(), 200);
        let edges = a.lines().filter(|l| l.contains("-->")).count();
        assert!((290..=310).contains(&edges), "{edges}");
        let c = layered_dag(&DagSpec {
            clusters: 6,
            nest: true,
            ..DagSpec::new(100, 3)
        });
        assert_eq!(c.matches("subgraph").count(), 6);
        assert_eq!(c.lines().filter(|l| l.trim() == "end").count(), 6);
    }
}
