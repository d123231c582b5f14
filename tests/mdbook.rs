//! A real `mdbook build` of a tiny book with `mermaid-render mdbook` as its
//! preprocessor. Needs `mdbook` on PATH (or its path in `MDBOOK`): CI
//! installs it (`.ci/run`) and this test fails there when it is missing
//! (`CI=true`); elsewhere it is skipped with a note, and the recorded
//! protocol exchange in `tests/pipeline.rs` still runs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn mdbook() -> Option<PathBuf> {
    let exe = std::env::var_os("MDBOOK").map_or_else(|| PathBuf::from("mdbook"), PathBuf::from);
    let ok = Command::new(&exe)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(exe)
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("mermaid-render-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn real_mdbook_build_inlines_svg() {
    let Some(mdbook) = mdbook() else {
        if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
            panic!("mdbook is not installed, and CI must run the real mdBook test (.ci/run installs it)");
        }
        eprintln!("note: mdbook not found on PATH (nor in MDBOOK): skipping the real mdBook build");
        return;
    };
    let book = tmp("mdbook");
    let bin = env!("CARGO_BIN_EXE_mermaid-render");
    fs::create_dir_all(book.join("src")).unwrap();
    fs::write(
        book.join("book.toml"),
        format!(
            "[book]\ntitle = \"t\"\n\n[preprocessor.mermaid-render]\ncommand = \"{} mdbook\"\n",
            bin.replace('\\', "/")
        ),
    )
    .unwrap();
    fs::write(
        book.join("src/SUMMARY.md"),
        "# Summary\n\n- [One](one.md)\n  - [Two](two.md)\n",
    )
    .unwrap();
    fs::write(
        book.join("src/one.md"),
        "# One\n\n```mermaid\nflowchart LR\n  A[Alpha box] --> B[Beta box]\n```\n\nText after.\n",
    )
    .unwrap();
    fs::write(
        book.join("src/two.md"),
        "# Two\n\n```mermaid\npie\n  \"Gamma slice\": 3\n  \"Delta\": 1\n```\n\n```rust\nfn main() {}\n```\n",
    )
    .unwrap();
    let out = Command::new(&mdbook)
        .arg("build")
        .arg(&book)
        .output()
        .expect("runs mdbook");
    assert!(
        out.status.success(),
        "mdbook build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = |name: &str| fs::read_to_string(Path::new(&book).join("book").join(name)).unwrap();
    let one = html("one.html");
    assert!(
        one.contains("<div class=\"mermaid-render\"><svg"),
        "no inline SVG"
    );
    assert!(one.contains("Alpha box") && one.contains("Beta box"));
    assert!(one.contains("Text after."));
    assert!(!one.contains("language-mermaid"), "the fence was left");
    let two = html("two.html");
    assert!(two.contains("<svg") && two.contains("Gamma slice"));
    assert!(two.contains("language-rust"), "other fences stay code");
    // Distinct ids per diagram, so one page can hold several.
    let ids: Vec<&str> = [&one, &two]
        .iter()
        .filter_map(|h| {
            h.split("<svg")
                .nth(1)?
                .split("id=\"")
                .nth(1)?
                .split('"')
                .next()
        })
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    let _ = fs::remove_dir_all(&book);
}
