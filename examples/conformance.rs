//! Conformance over Mermaid's own test inputs, every diagram type.
//!
//! ```text
//! cargo run --release --example conformance [-- CORPUS_DIR [TYPE]]
//! ```
//!
//! Reads `CORPUS_DIR/manifest.tsv` (default `../shared/corpus`; columns:
//! file, source, diagram_type, lines, has_subgraph, has_cjk,
//! expected_error, …), renders every file (of `diagram_type=TYPE` when
//! given) to SVG and prints, per source folder and type, how many of the
//! `expected_error=no` files render, how many `expected_error=yes` files
//! are rejected, and every failure with its first error
//! (`file:line:col: message`). Exits 0 when
//! the corpus folder is absent (the run is skipped), 1 when a file listed
//! in the manifest cannot be read.

use std::collections::BTreeMap;
use std::time::Instant;

use mermaid_render::{render, Options};

#[derive(Default)]
struct Tally {
    ok: usize,
    total: usize,
    rejected: usize,
    expected_errors: usize,
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus".to_string());
    let only = std::env::args().nth(2);
    let options = Options::default();
    let manifest_path = format!("{root}/manifest.tsv");
    let Ok(manifest) = std::fs::read_to_string(&manifest_path) else {
        println!("corpus not found at `{manifest_path}`: conformance run skipped");
        return;
    };
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut unreadable = 0;
    let mut slowest = (0.0f64, String::new());
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 7 || only.as_deref().is_some_and(|t| t != cols[2]) {
            continue;
        }
        let file = cols[0];
        let folder = format!("{}/{}", file.split('/').next().unwrap_or(file), cols[2]);
        let path = format!("{root}/{file}");
        let Ok(src) = std::fs::read_to_string(&path) else {
            println!("UNREADABLE {path}");
            unreadable += 1;
            continue;
        };
        let t0 = Instant::now();
        let res = render(&src, &options);
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        if ms > slowest.0 {
            slowest = (ms, file.to_string());
        }
        let tally = tallies.entry(folder).or_default();
        if cols[6] == "yes" {
            tally.expected_errors += 1;
            match res {
                Err(e) => {
                    tally.rejected += 1;
                    match e.as_parse() {
                        Some(p) => println!(
                            "rejected as expected {file}:{}:{}: {}",
                            p.span.line, p.span.col, p.message
                        ),
                        None => println!("rejected as expected {file}: {e}"),
                    }
                }
                Ok(_) => failures.push(format!("{file}: accepted, but Mermaid rejects it")),
            }
            continue;
        }
        tally.total += 1;
        match res {
            Ok(_) => tally.ok += 1,
            Err(e) => failures.push(match e.as_parse() {
                Some(p) => format!("{file}:{}:{}: {}", p.span.line, p.span.col, p.message),
                None => format!("{file}: {e}"),
            }),
        }
    }
    println!();
    for f in &failures {
        println!("FAIL {f}");
    }
    println!();
    for (folder, t) in &tallies {
        let rate = if t.total == 0 {
            100.0
        } else {
            100.0 * t.ok as f64 / t.total as f64
        };
        println!(
            "{folder:<34} rendered {:>4}/{:<4} ({rate:.2}%)   expected errors rejected {}/{}",
            t.ok, t.total, t.rejected, t.expected_errors
        );
    }
    println!("slowest: {} ({:.2} ms)", slowest.1, slowest.0);
    if unreadable > 0 {
        std::process::exit(1);
    }
}
