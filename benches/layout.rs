//! Layout benchmarks.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const SEED: &str = include_str!("../fixtures/golden/seed.mmd");

fn layout(c: &mut Criterion) {
    let options = mermaid_render::Options::default();
    c.bench_function("render seed to svg", |b| {
        b.iter(|| mermaid_render::render_svg(black_box(SEED), &options).unwrap())
    });
}

criterion_group!(benches, layout);
criterion_main!(benches);
