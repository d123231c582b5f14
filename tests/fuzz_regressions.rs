//! Every input a fuzzer found (crash, hang or runaway memory) is kept under
//! `fixtures/fuzz/<target>/` and replayed here through the same checks as
//! the fuzz target of that name (`fuzz/fuzz_targets/<target>.rs`).

use std::fs;
use std::path::Path;

use mermaid_render::diagrams::REGISTRY;
use mermaid_render::extract::{extract, SourceKind};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/fuzz")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter(|e| e.file_name() != ".gitkeep")
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read(e.path()).expect("readable fixture"),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn extract_regressions() {
    for (name, data) in inputs("extract") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        for kind in [SourceKind::Markdown, SourceKind::Mermaid, SourceKind::Text] {
            for block in extract(text, kind) {
                assert!(block.first_line() >= 1, "{name}: line 0");
            }
        }
    }
}

#[test]
fn preamble_regressions() {
    for (_name, data) in inputs("preamble") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        let _ = mermaid_render::syntax::read_preamble(text);
        let _ = mermaid_render::syntax::parse_config_json(text);
        let _ = mermaid_render::diagram_type(text);
    }
}

/// Same mapping as `fuzz/fuzz_targets/parsers.rs`: the first byte picks a
/// registry row and keyword, the rest is the body.
#[test]
fn parser_regressions() {
    for (name, data) in inputs("parsers") {
        let Some((&pick, rest)) = data.split_first() else {
            continue;
        };
        let Ok(body) = std::str::from_utf8(rest) else {
            continue;
        };
        let row = &REGISTRY[pick as usize % REGISTRY.len()];
        let Some(keyword) = row
            .keywords
            .get((pick as usize / REGISTRY.len()) % row.keywords.len().max(1))
        else {
            continue;
        };
        let source = format!("{keyword}\n{body}");
        let options = mermaid_render::Options::default();
        // What the target checks now (the parser alone) …
        if let Ok(ty) = mermaid_render::parse_only(&source, &options) {
            assert_eq!(ty, row.name, "{name}");
        }
        // … and what it checked before (layout and drawing too), where the
        // finds kept here were made.
        if let Ok(out) = mermaid_render::render(&source, &options) {
            assert!(out.svg.contains("<svg"), "{name}");
            assert!(!out.svg.contains("<script"), "{name}");
        }
    }
}

#[test]
fn render_regressions() {
    for (name, data) in inputs("render") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        if let Ok(out) = mermaid_render::render(text, &mermaid_render::Options::default()) {
            assert!(!out.svg.contains("<script"), "{name}");
            let _ = out.png(1.0);
        }
    }
}
