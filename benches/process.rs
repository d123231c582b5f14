//! Whole processes (issue 17): the release binary as a docs pipeline runs
//! it, start-up included — `--version`, the seed → SVG and → SVG+PNG, one
//! process per file of a folder of flowcharts, and the same folder in one
//! invocation. Criterion measures wall time; CPU time and the side-by-side
//! table with other renderers come from `scripts/perf-table.sh`.
//!
//! `cargo bench --bench process`. The folder is Mermaid's own docs
//! flowcharts (`../shared/corpus/mermaid-docs/flowchart`) when the shared
//! corpus sits beside the checkout, else this repository's `fixtures/`
//! `.mmd` files.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_mermaid-render");

/// Run the binary; `must` says whether it has to succeed (a folder may hold
/// a diagram that is an error on purpose: it is reported, the rest render).
fn run_checked(args: &[&str], must: bool) {
    let ok = Command::new(BIN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok || !must, "mermaid-render {args:?} failed");
}

fn run(args: &[&str]) {
    run_checked(args, true)
}

fn mmd_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            mmd_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "mmd") {
            out.push(p);
        }
    }
}

fn process(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("fixtures/golden/seed.mmd");
    let seed = seed.to_str().expect("UTF-8 path");
    let tmp = std::env::temp_dir().join(format!("mermaid-render-bench-{}", std::process::id()));
    let out = |name: &str| tmp.join(name).to_string_lossy().into_owned();
    let shared = root.join("../shared/corpus/mermaid-docs/flowchart");
    let folder = if shared.is_dir() {
        shared
    } else {
        root.join("fixtures")
    };
    let mut files = Vec::new();
    mmd_files(&folder, &mut files);

    let mut g = c.benchmark_group("process");
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("version", |b| b.iter(|| run(&["--version"])));
    g.bench_function("seed-svg", |b| {
        b.iter(|| run(&["-q", "--force", seed, "-o", &out("s"), "-f", "svg"]))
    });
    g.bench_function("seed-svg+png", |b| {
        b.iter(|| run(&["-q", "--force", seed, "-o", &out("s"), "-f", "svg,png"]))
    });
    let dir = folder.to_string_lossy().into_owned();
    g.throughput(Throughput::Elements(files.len() as u64));
    g.bench_function("folder-one-invocation", |b| {
        b.iter(|| {
            run_checked(
                &["-q", "--force", &dir, "-o", &out("f"), "-f", "svg"],
                false,
            )
        })
    });
    g.sample_size(10);
    g.bench_function("folder-one-process-per-file", |b| {
        b.iter(|| {
            for f in &files {
                run_checked(
                    &["-q", "-i", &f.to_string_lossy(), "-o", &out("each.svg")],
                    false,
                );
            }
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&tmp);
}

criterion_group!(benches, process);
criterion_main!(benches);
