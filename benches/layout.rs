//! Layout and whole-render benchmarks on generated layered DAGs
//! (`mermaid_render::testgen`), with and without nested subgraphs.
//!
//! `cargo bench --bench layout`; medians are in criterion's report.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mermaid_render::config::Config;
use mermaid_render::diagrams::flowchart::{self, measure, to_layered::to_layered};
use mermaid_render::layered;
use mermaid_render::testgen::{layered_dag, DagSpec};
use mermaid_render::Options;
use std::hint::black_box;
use std::time::Duration;

const SEED: &str = include_str!("../fixtures/golden/seed.mmd");

fn specs() -> Vec<(String, DagSpec)> {
    let mut v = Vec::new();
    for n in [100usize, 1000, 5000, 10_000] {
        v.push((format!("dag/{n}"), DagSpec::new(n, 1)));
        v.push((
            format!("clustered/{n}"),
            DagSpec {
                clusters: (n / 25).max(2),
                nest: true,
                ..DagSpec::new(n, 1)
            },
        ));
    }
    v
}

fn layout_only(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    for (name, spec) in specs() {
        let src = layered_dag(&spec);
        let graph = flowchart::parse_source(&src).expect("generated graph parses");
        let settings = measure::TextSettings::from_config(&Config::default());
        let lg = to_layered(&graph, &measure::measure_with(&graph, &settings));
        let opts = layered::LayoutOptions::default();
        group.bench_with_input(BenchmarkId::from_parameter(&name), &(), |b, _| {
            b.iter(|| layered::layout(black_box(&lg), &opts))
        });
    }
    group.finish();
}

fn whole_render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render_svg");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    let options = Options::default();
    group.bench_function("seed", |b| {
        b.iter(|| mermaid_render::render(black_box(SEED), &options).unwrap())
    });
    for n in [100usize, 1000] {
        let src = layered_dag(&DagSpec::new(n, 1));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("dag/{n}")),
            &(),
            |b, _| b.iter(|| mermaid_render::render(black_box(&src), &options).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, layout_only, whole_render);
criterion_main!(benches);
