//! Parse-time benchmarks: the seed diagram, and a generated stress input in
//! the style of Mermaid's own `flow-huge` parser test (one 290 KB line of
//! `A-->B;B-->A;…`), plus a multi-line input with labels, shapes and
//! subgraphs. The inputs are generated here so the bench needs nothing
//! outside the repository.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const SEED: &str = include_str!("../fixtures/golden/seed.mmd");

/// `graph LR;A-->B;B-->A;…` with `pairs` pairs on one line (like
/// `flow-huge`: 24,000 pairs ≈ 290 KB).
fn huge_one_line(pairs: usize) -> String {
    let mut s = String::from("graph LR;");
    for _ in 0..pairs {
        s.push_str("A-->B;B-->A;");
    }
    s
}

/// Thousands of labelled, shaped, chained edges across subgraphs.
fn varied(n: usize) -> String {
    let mut s = String::from("flowchart TD\n");
    for k in 0..n {
        if k % 100 == 0 {
            s.push_str(&format!("subgraph s{k} [\"Group {k}\"]\n"));
        }
        s.push_str(&format!(
            "  n{k}[Node {k}] -->|edge {k}| m{k}(Round {k}) -.-> p{k}{{Decision}} & q{k}@{{ shape: doc, label: \"Doc {k}\" }}\n"
        ));
        if k % 100 == 99 {
            s.push_str("end\n");
        }
    }
    s.push_str("classDef hot fill:#f96\nclass n1,n2 hot\nlinkStyle default stroke:#333\n");
    s
}

fn parse(c: &mut Criterion) {
    c.bench_function("parse seed", |b| {
        b.iter(|| mermaid_render::diagrams::flowchart::parse_source(black_box(SEED)).unwrap())
    });
    let huge = huge_one_line(24_000);
    c.bench_function("parse huge one-line (290 KB)", |b| {
        b.iter(|| mermaid_render::diagrams::flowchart::parse_source(black_box(&huge)).unwrap())
    });
    let varied = varied(2_000);
    c.bench_function("parse varied 2000 statements", |b| {
        b.iter(|| mermaid_render::diagrams::flowchart::parse_source(black_box(&varied)).unwrap())
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
