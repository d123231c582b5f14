//! Measurement checked against usvg itself: the same text, laid out by usvg
//! with the same database, must have the width `measure` gives.

use super::fonts::{Fonts, CJK_FAMILY, LATIN_FAMILY};
use super::*;

const SEED_LABELS: &str = "中美AI竞争 出口管制：芯片限制 美国保持领先地位 AI安全治理 \
    全球AI安全标准制定 模型能力 开源/闭源 模型蒸馏风险 算力资源 AI人才流动 跨国合作 \
    对中国政府的担忧 AI的民主化潜力 全球AI治理 影响 AI竞争与安全 技术要素 人才与合作 \
    AI的潜力与治理";

const SAMPLES: &[&str] = &[
    "Hello, World!",
    "The quick brown fox jumps over the lazy dog",
    "AVATAR Wo Ty fi fl",
    "0123456789 +-*/ = 3.14159",
    "Punctuation: ;:'\"()[]{}<>&@#%?!",
    "Café naïve – “quoted” … résumé Œuvre ŁÓDŹ",
    "→ ← ↑ ↓ ⇒ • © ® ™ €",
    "中美AI竞争",
    "出口管制：芯片限制",
    "AI的潜力与治理",
    "美国保持领先地位",
    "开源/闭源",
    "資訊與網路",
    "ひらがなカタカナ",
    "한국어 텍스트",
    "Mixed 中文, English и русский 123",
    "「引用」（括弧）、。",
    "شكرا Hello שלום",
    " ",
];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Lay out `text` with usvg at 16 px in [`FONT_FAMILY`] and return the text node.
fn usvg_text(text: &str, bold: bool) -> Option<usvg::Text> {
    let weight = if bold { "bold" } else { "normal" };
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="100"><text x="10" y="50" font-family="{FONT_FAMILY}" font-size="16" font-weight="{weight}">{}</text></svg>"#,
        escape(text)
    );
    let options = usvg::Options {
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).expect("test SVG parses");
    tree.root().children().iter().find_map(|node| match node {
        usvg::Node::Text(t) => Some((**t).clone()),
        _ => None,
    })
}

/// usvg's text width: its bounding box, which spans the glyph advances.
fn usvg_width(text: &str, bold: bool) -> f64 {
    usvg_text(text, bold).map_or(0.0, |t| f64::from(t.bounding_box().width()))
}

fn face_family(id: usvg::fontdb::ID) -> String {
    let db = fontdb();
    db.face(id).unwrap().families[0].0.clone()
}

#[test]
fn widths_match_usvg_layout() {
    for bold in [false, true] {
        for &sample in SAMPLES {
            let ours = measure(
                sample,
                TextStyle {
                    size: 16.0,
                    bold,
                    italic: false,
                },
            );
            let theirs = usvg_width(&ours.lines[0].text, bold);
            assert!(
                (ours.width - theirs).abs() <= 1.0,
                "{sample:?} bold={bold}: measure {} vs usvg {}",
                ours.width,
                theirs
            );
        }
    }
}

#[test]
fn widths_match_usvg_to_a_hundredth() {
    // The algorithm is the same, so the match is much closer than the 1 px
    // the layout needs.
    for &sample in SAMPLES.iter().filter(|s| !s.trim().is_empty()) {
        let ours = measure(sample, TextStyle::default()).width;
        let theirs = usvg_width(sample, false);
        assert!(theirs > 0.0, "{sample:?}: usvg laid out nothing");
        assert!(
            (ours - theirs).abs() < 0.01,
            "{sample:?}: {ours} vs {theirs}"
        );
    }
}

#[test]
fn usvg_picks_latin_for_latin_and_cjk_for_cjk() {
    let text = usvg_text("AI的潜力", false).unwrap();
    let glyphs: Vec<_> = text
        .layouted()
        .iter()
        .flat_map(|s| &s.positioned_glyphs)
        .collect();
    assert_eq!(glyphs.len(), 5);
    for g in glyphs {
        let expected = if g.text.is_ascii() {
            LATIN_FAMILY
        } else {
            CJK_FAMILY
        };
        assert_eq!(face_family(g.font), expected, "glyph for {:?}", g.text);
        assert_ne!(g.id.0, 0, "missing glyph for {:?}", g.text);
    }
    let bold = usvg_text("Bold", true).unwrap();
    let g = &bold.layouted()[0].positioned_glyphs[0];
    let db = fontdb();
    let face = db.face(g.font).unwrap();
    assert_eq!(face.families[0].0, LATIN_FAMILY);
    assert_eq!(face.weight, usvg::fontdb::Weight::BOLD);
}

#[test]
fn fontdb_holds_only_embedded_faces() {
    let db = fontdb();
    let mut families: Vec<(String, u16)> = db
        .faces()
        .map(|f| (f.families[0].0.clone(), f.weight.0))
        .collect();
    families.sort();
    assert_eq!(
        families,
        vec![
            (LATIN_FAMILY.to_string(), 400),
            (LATIN_FAMILY.to_string(), 700),
            (CJK_FAMILY.to_string(), 400),
        ]
    );
    assert_eq!(
        db.family_name(&usvg::fontdb::Family::SansSerif),
        LATIN_FAMILY
    );
    assert_eq!(db.family_name(&usvg::fontdb::Family::Serif), LATIN_FAMILY);
    assert!(Arc::ptr_eq(&db, &fontdb()), "built once");
}

fn covered(c: char) -> bool {
    c == ' ' || Fonts::get().faces.iter().any(|f| f.has_char(c))
}

#[test]
fn seed_labels_and_scripts_are_covered() {
    let samples = [
        SEED_LABELS,
        "資訊與網路",
        "ひらがなカタカナ",
        "한국어 텍스트",
    ];
    for sample in samples {
        let missing: Vec<char> = sample.chars().filter(|&c| !covered(c)).collect();
        assert!(missing.is_empty(), "{sample:?} lacks {missing:?}");
        // And usvg draws no .notdef for them.
        let text = usvg_text(sample, false).unwrap();
        for g in text.layouted().iter().flat_map(|s| &s.positioned_glyphs) {
            assert_ne!(g.id.0, 0, "usvg has no glyph for {:?}", g.text);
        }
    }
}

#[test]
fn charset_coverage() {
    // A few from each range the subset promises.
    let chars = "AzÿĀžŒ€—…“”→⇒∞①■★　、。「」ぁゖァヺ가힝ㄱㆎＡｚ！～中國龍鬱乾";
    for c in chars.chars() {
        assert!(covered(c), "{c:?} (U+{:04X}) not covered", c as u32);
    }
}

#[test]
fn lines_height_and_baseline() {
    let b = measure("one\ntwo words\n", TextStyle::default());
    assert_eq!(b.lines.len(), 3);
    assert_eq!(b.line_height, 24.0);
    assert_eq!(b.height, 72.0);
    assert_eq!(b.lines[2].width, 0.0);
    assert_eq!(b.width, b.lines[1].width);
    assert!(b.lines[1].width > b.lines[0].width);
    // Liberation Sans: ascender 1854, descender -434 per 2048 units.
    let (asc, desc) = (1854.0 * 16.0 / 2048.0, 434.0 * 16.0 / 2048.0);
    let expected = (24.0 - (asc + desc)) / 2.0 + asc;
    assert!((b.baseline - expected).abs() < 1e-9, "{}", b.baseline);

    let empty = measure("", TextStyle::default());
    assert_eq!(empty.lines.len(), 1);
    assert_eq!(empty.width, 0.0);
    assert_eq!(empty.height, 24.0);

    let big = measure(
        "Scale",
        TextStyle {
            size: 32.0,
            ..TextStyle::default()
        },
    );
    let small = measure("Scale", TextStyle::default());
    assert!((big.width - 2.0 * small.width).abs() < 1e-3);
    assert_eq!(big.line_height, 48.0);
}

#[test]
fn arial_metrics() {
    // Liberation Sans has Arial's advances: H e l l o = 1479 + 1139 + 455 + 455 + 1139
    // = 4667 units of 2048, 36.46 px at 16 px.
    let w = measure("Hello", TextStyle::default()).width;
    assert!((w - 4667.0 * 16.0 / 2048.0).abs() < 1e-3, "{w}");
    let bold = measure(
        "Hello",
        TextStyle {
            bold: true,
            ..TextStyle::default()
        },
    )
    .width;
    assert!(bold > w);
    // Italic has no face of its own: it resolves like usvg, to the upright face.
    let italic = measure(
        "Hello",
        TextStyle {
            italic: true,
            ..TextStyle::default()
        },
    )
    .width;
    assert_eq!(italic, w);
}

#[test]
fn whitespace_is_normalised_like_usvg() {
    let b = measure("  a \t  b  ", TextStyle::default());
    assert_eq!(b.lines[0].text, "a b");
    assert_eq!(b.width, measure("a b", TextStyle::default()).width);
    assert!((b.width - usvg_width("  a \t  b  ", false)).abs() < 0.01);
    let crlf = measure("x\r\ny", TextStyle::default());
    assert_eq!(crlf.lines.len(), 2);
    assert_eq!(crlf.lines[0].text, "x");
}

#[test]
fn family_list_parses() {
    assert_eq!(
        parse_family_list(FONT_FAMILY),
        vec!["arial", "Liberation Sans", "Noto Sans CJK SC", "sans-serif"]
    );
}
