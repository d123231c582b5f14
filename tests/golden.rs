//! Golden tests: fixture documents rendered and compared with committed
//! outputs — SVG as text, PNG per pixel with a small tolerance.
//!
//! Regenerate with `MERMAID_RENDER_BLESS=1 cargo test --test golden`; a
//! blessing run rewrites the files and then fails on purpose, so it is
//! never silently green. On a PNG mismatch a diff image is written under
//! `target/golden-diff/`.

use mermaid_render::extract::{self, SourceKind};
use mermaid_render::layout::verify;
use mermaid_render::{render_png, render_svg, Options};
use resvg::tiny_skia::Pixmap;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Largest per-channel difference still counted as equal.
const CHANNEL_TOLERANCE: u8 = 2;
/// Share of pixels allowed to differ beyond the tolerance.
const PIXEL_SHARE: f64 = 0.001;

fn blessing() -> bool {
    std::env::var_os("MERMAID_RENDER_BLESS").is_some()
}

fn golden(name: &str) -> PathBuf {
    Path::new(ROOT).join("fixtures/golden").join(name)
}

/// Compare (or bless) one SVG and its PNG.
fn check(name: &str, doc: &Path) {
    let text = std::fs::read_to_string(doc).unwrap();
    let blocks = extract::extract(&text, SourceKind::from_path(doc));
    assert_eq!(blocks.len(), 1, "{name}: one diagram expected");
    let r = render_svg(&blocks[0].source, &Options::default()).expect("renders");
    let png = render_png(&r.svg, 1.0).expect("rasterises");
    let (svg_path, png_path) = (
        golden(&format!("{name}.svg")),
        golden(&format!("{name}.png")),
    );
    if blessing() {
        std::fs::create_dir_all(svg_path.parent().unwrap()).unwrap();
        std::fs::write(&svg_path, &r.svg).unwrap();
        std::fs::write(&png_path, &png).unwrap();
        panic!(
            "blessed {name}: rewrote {} and {}; run again without MERMAID_RENDER_BLESS",
            svg_path.display(),
            png_path.display()
        );
    }
    let want_svg = std::fs::read_to_string(&svg_path).unwrap_or_else(|_| {
        panic!(
            "missing {}; bless with MERMAID_RENDER_BLESS=1",
            svg_path.display()
        )
    });
    assert!(
        r.svg == want_svg,
        "{name}: SVG differs from {}",
        svg_path.display()
    );
    let want = Pixmap::decode_png(&std::fs::read(&png_path).unwrap()).unwrap();
    let got = Pixmap::decode_png(&png).unwrap();
    assert_eq!(
        (got.width(), got.height()),
        (want.width(), want.height()),
        "{name}: PNG size"
    );
    let mut diff = Pixmap::new(got.width(), got.height()).unwrap();
    let mut bad = 0usize;
    for (i, (a, b)) in got.data().chunks(4).zip(want.data().chunks(4)).enumerate() {
        let off = a
            .iter()
            .zip(b)
            .any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE);
        if off {
            bad += 1;
            diff.data_mut()[i * 4..i * 4 + 4].copy_from_slice(&[255, 0, 0, 255]);
        }
    }
    let share = bad as f64 / (got.width() * got.height()) as f64;
    if share > PIXEL_SHARE {
        let dir = Path::new(ROOT).join("target/golden-diff");
        std::fs::create_dir_all(&dir).unwrap();
        let _ = diff.save_png(dir.join(format!("{name}.diff.png")));
        let _ = std::fs::write(dir.join(format!("{name}.png")), &png);
        panic!(
            "{name}: {bad} pixels differ ({:.3}%), diff in {}",
            share * 100.0,
            dir.display()
        );
    }
}

#[test]
fn seed_matches_its_golden_svg_and_png() {
    check(
        "seed",
        &Path::new(ROOT).join("seeds/000_90de61ab8aa2bbb0.txt"),
    );
}

#[test]
fn seed_layout_is_clean() {
    let doc = Path::new(ROOT).join("seeds/000_90de61ab8aa2bbb0.txt");
    let text = std::fs::read_to_string(&doc).unwrap();
    let blocks = extract::extract(&text, SourceKind::Text);
    let r = render_svg(&blocks[0].source, &Options::default()).unwrap();
    assert_eq!(r.graph.nodes.len(), 14);
    assert_eq!(r.graph.edges.len(), 11);
    assert_eq!(r.graph.subgraphs.len(), 4);
    let rep = verify::verify(&r.graph, &r.geometry);
    assert!(rep.is_clean(), "{:#?}", rep.messages);
    assert_eq!(verify::crossings(&r.geometry), 0);
    // A pink, C green (its `style` beats the `highlight` class).
    let a = r.graph.node_index("A").unwrap();
    let c = r.graph.node_index("C").unwrap();
    assert_eq!(r.graph.node_style(a).fill.as_deref(), Some("#f9f"));
    assert_eq!(r.graph.node_style(c).fill.as_deref(), Some("#9f9"));
    // Every label is drawn.
    for n in &r.graph.nodes {
        assert!(r.svg.contains(&n.label), "label {} missing", n.label);
    }
    assert_eq!(r.svg.matches(">影响<").count(), 2);
}
