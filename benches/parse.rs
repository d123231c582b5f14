//! Parse-time benchmarks.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const SEED: &str = include_str!("../fixtures/golden/seed.mmd");

fn parse(c: &mut Criterion) {
    c.bench_function("parse seed", |b| {
        b.iter(|| mermaid_render::parse::parse(black_box(SEED)).unwrap())
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
