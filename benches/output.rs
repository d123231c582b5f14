//! The seed's output paths, in process: source → SVG, source → SVG → PNG,
//! PNG encoding alone (of the seed's rendered pixels), and SVG → PDF.
//! `cargo bench --bench output`. Whole-process figures (start-up included)
//! are in docs/PERFORMANCE.md, from `scripts/perf-table.sh`.

use criterion::{criterion_group, criterion_main, Criterion};
use mermaid_render::{raster, render, Options};
use resvg::tiny_skia::Pixmap;
use std::hint::black_box;
use std::time::Duration;

const SEED: &str = include_str!("../fixtures/golden/seed.mmd");

fn output(c: &mut Criterion) {
    let options = Options::default();
    let mut g = c.benchmark_group("seed");
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("svg", |b| {
        b.iter(|| render(black_box(SEED), &options).unwrap().svg.len())
    });
    g.bench_function("svg+png", |b| {
        b.iter(|| {
            let r = render(black_box(SEED), &options).unwrap();
            r.png(1.0).unwrap().len()
        })
    });
    let r = render(SEED, &options).unwrap();
    let pixmap = Pixmap::decode_png(&r.png(1.0).unwrap()).unwrap();
    g.bench_function("png-encode", |b| {
        b.iter(|| raster::encode_png(black_box(&pixmap)).unwrap().len())
    });
    g.bench_function("png-encode-tiny-skia", |b| {
        b.iter(|| black_box(&pixmap).encode_png().unwrap().len())
    });
    #[cfg(feature = "pdf")]
    g.bench_function("pdf", |b| b.iter(|| r.pdf().unwrap().len()));
    g.finish();
}

criterion_group!(benches, output);
criterion_main!(benches);
