//! Scale benchmarks (issues 16 and 17): a 100,000-node chain to SVG, and
//! 1,000- and 10,000-node generated DAGs (`mermaid_render::testgen`) to
//! SVG and to layout JSON (`-f layout`: the layout without the SVG text).
//!
//! `cargo bench --bench scale`; medians are in criterion's report.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mermaid_render::testgen::{layered_dag, DagSpec};
use mermaid_render::{render, Options};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

fn chain(n: usize) -> String {
    let mut s = String::from("flowchart TD\n");
    for i in 0..n {
        let _ = writeln!(s, "n{i} --> n{}", i + 1);
    }
    s
}

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1));
    let svg = Options::default();
    // As `-f layout` alone: the geometry, without drawing the SVG.
    let layout = Options {
        layout_json: true,
        draw_svg: false,
        ..Options::default()
    };
    let src = chain(100_000);
    group.bench_with_input(BenchmarkId::new("chain-svg", 100_000), &src, |b, src| {
        b.iter(|| render(black_box(src), &svg).expect("renders").svg.len())
    });
    for n in [1_000usize, 10_000] {
        let src = layered_dag(&DagSpec::new(n, 1));
        group.bench_with_input(BenchmarkId::new("dag-svg", n), &src, |b, src| {
            b.iter(|| render(black_box(src), &svg).expect("renders").svg.len())
        });
        group.bench_with_input(BenchmarkId::new("dag-layout", n), &src, |b, src| {
            b.iter(|| {
                let r = render(black_box(src), &layout).expect("renders");
                r.layout_json().map(str::len)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
