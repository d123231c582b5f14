//! Flowchart conformance over Mermaid's own test inputs.
//!
//! ```text
//! cargo run --release --example conformance [-- CORPUS_DIR]
//! ```
//!
//! Reads `CORPUS_DIR/manifest.tsv` (default `../shared/corpus`; columns:
//! file, source, diagram_type, lines, has_subgraph, has_cjk,
//! expected_error, …), parses every `diagram_type=flowchart` file and
//! prints, per source folder, how many of the `expected_error=no` files
//! parse, how many `expected_error=yes` files are rejected, and every
//! failure with its first error (`file:line:col: message`). Exits 0 when
//! the corpus folder is absent (the run is skipped), 1 when a file listed
//! in the manifest cannot be read.

use std::collections::BTreeMap;
use std::time::Instant;

use mermaid_render::parse::parse;

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
        if cols.len() < 7 || cols[2] != "flowchart" {
            continue;
        }
        let file = cols[0];
        let folder = file.split('/').next().unwrap_or(file).to_string();
        let path = format!("{root}/{file}");
        let Ok(src) = std::fs::read_to_string(&path) else {
            println!("UNREADABLE {path}");
            unreadable += 1;
            continue;
        };
        let t0 = Instant::now();
        let res = parse(&src);
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
                    println!(
                        "rejected as expected {file}:{}:{}: {}",
                        e.span.line, e.span.col, e.message
                    );
                }
                Ok(_) => failures.push(format!("{file}: accepted, but Mermaid rejects it")),
            }
            continue;
        }
        tally.total += 1;
        match res {
            Ok(_) => tally.ok += 1,
            Err(e) => failures.push(format!(
                "{file}:{}:{}: {}",
                e.span.line, e.span.col, e.message
            )),
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
            "{folder:<20} parsed {:>4}/{:<4} ({rate:.2}%)   expected errors rejected {}/{}",
            t.ok, t.total, t.rejected, t.expected_errors
        );
    }
    println!("slowest parse: {} ({:.2} ms)", slowest.1, slowest.0);
    if unreadable > 0 {
        std::process::exit(1);
    }
}
