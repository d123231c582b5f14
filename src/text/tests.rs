//! Measurement checked against usvg itself: the same text, laid out by usvg
//! with the same database, must have the width `measure` gives.

use super::fonts::{Fonts, CJK_FAMILY, EMBEDDED, FALLBACK_FAMILY, LATIN_FAMILY};
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
    "مرحبا بالعالم",
    "لا إله",
    "Hello مرحبا 123",
    "עברית Hebrew",
    "नमस्ते दुनिया क्षत्रिय",
    "ภาษาไทย สวัสดี",
    "Привет, мир! Ελληνικά",
    "Done ✔ ✓ ★ ❤ → ⚠",
    "Family 👨‍👩‍👧 flag 🇺🇸 🇯🇵",
    "🚀 Launch 🎉 ✅ ❌ 👍",
    "❤️ I ❤ docs",
    "日本語のテキスト 変換 気",
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
            (FALLBACK_FAMILY.to_string(), 400),
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

/// Every glyph usvg positions for the text of `svg`, with its face's family.
fn usvg_glyphs(svg: &str) -> Vec<(String, u32, String)> {
    let options = usvg::Options {
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).expect("SVG parses");
    let mut out = Vec::new();
    fn walk(group: &usvg::Group, out: &mut Vec<(String, u32, String)>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    for g in t.layouted().iter().flat_map(|s| &s.positioned_glyphs) {
                        out.push((g.text.clone(), g.id.0, face_family(g.font)));
                    }
                }
                _ => {}
            }
        }
    }
    walk(tree.root(), &mut out);
    out
}

/// The labels of the "every script and emoji" document.
const SCRIPT_LABELS: &[&str] = &[
    "Family 👨‍👩‍👧 and 👩‍💻",
    "Flags 🇺🇸 🇯🇵 🇩🇪 🇪🇺",
    "Love ❤ ❤️ ✔ ✓ ★ → ⚠",
    "🚀 Launch 🎉 ✅ ❌ 👍 🔥 💡 🐛",
    "مرحبا بالعالم",
    "שלום עולם",
    "नमस्ते दुनिया",
    "สวัสดีชาวโลก",
    "Привет, мир",
    "Καλημέρα κόσμε",
    "안녕하세요 세계",
    "こんにちは世界、変換",
];

fn script_document() -> String {
    let mut src = String::from("flowchart TD\n");
    for (i, label) in SCRIPT_LABELS.iter().enumerate() {
        src.push_str(&format!("  n{i}[\"{label}\"]\n"));
        if i > 0 {
            src.push_str(&format!("  n{} --> n{i}\n", i - 1));
        }
    }
    src
}

#[test]
fn every_script_and_emoji_renders_without_notdef() {
    let rendered = crate::render(&script_document(), &crate::Options::default()).unwrap();
    let glyphs = usvg_glyphs(&rendered.svg);
    let missing: Vec<_> = glyphs.iter().filter(|g| g.1 == 0).collect();
    assert!(missing.is_empty(), ".notdef for {missing:?}");
    // Each label's text is drawn (none dropped), sequences as one glyph each:
    // the ZWJ family, the technologist and each flag.
    // (usvg gives each glyph its cluster's text: a sequence left unformed
    // would be several glyphs with the same text.)
    for seq in ["👨‍👩‍👧", "👩‍💻", "🇺🇸", "🇯🇵", "🇩🇪", "🇪🇺"]
    {
        let found: Vec<_> = glyphs.iter().filter(|g| g.0 == seq).collect();
        assert_eq!(found.len(), 1, "{seq:?} is not one glyph: {found:?}");
        assert_eq!(found[0].2, FALLBACK_FAMILY);
    }
    for (text, _, family) in &glyphs {
        let c = text.chars().next().unwrap_or(' ');
        let expected = match c as u32 {
            // Liberation Sans has Hebrew; the fallback face the rest.
            0x0590..=0x05FF => Some(LATIN_FAMILY),
            0x0600..=0x06FF | 0x0900..=0x097F | 0x0E00..=0x0E7F | 0x1F300.. => {
                Some(FALLBACK_FAMILY)
            }
            0xAC00..=0xD7A3 | 0x3040..=0x30FF | 0x4E00..=0x9FFF => Some(CJK_FAMILY),
            _ => None,
        };
        if let Some(expected) = expected {
            assert_eq!(family, expected, "face for {text:?}");
        }
    }
}

#[test]
fn right_to_left_text_is_laid_out_right_to_left() {
    // "שלום": in logical order ש ל ו ם; drawn right to left, ש is rightmost.
    let text = usvg_text("שלום", false).unwrap();
    let glyphs: Vec<_> = text
        .layouted()
        .iter()
        .flat_map(|s| &s.positioned_glyphs)
        .collect();
    let x_of = |t: &str| {
        glyphs
            .iter()
            .find(|g| g.text == t)
            .map(|g| g.transform().tx)
            .unwrap()
    };
    assert!(x_of("ש") > x_of("ם"), "{glyphs:?}");
    // Arabic is joined: "بب" uses contextual forms, not the isolated glyph twice.
    let text = usvg_text("بب", false).unwrap();
    let ids: Vec<u32> = text
        .layouted()
        .iter()
        .flat_map(|s| &s.positioned_glyphs)
        .map(|g| g.id.0)
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1], "initial and final forms differ");
}

#[test]
fn script_labels_measure_as_usvg_lays_them_out() {
    for &label in SCRIPT_LABELS {
        let ours = measure(label, TextStyle::default()).width;
        let theirs = usvg_width(label, false);
        assert!(theirs > 0.0, "{label:?}: usvg laid out nothing");
        assert!(
            (ours - theirs).abs() < 0.01,
            "{label:?}: {ours} vs {theirs}"
        );
    }
}

#[test]
fn embedded_face_descriptions_match_the_files() {
    for file in &EMBEDDED {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(file.data.to_vec());
        let parsed: Vec<_> = db.faces().collect();
        assert_eq!(parsed.len(), 1, "{}", file.family);
        let ours = file.face_info();
        let theirs = parsed[0];
        assert_eq!(ours.families, theirs.families);
        assert_eq!(ours.post_script_name, theirs.post_script_name);
        assert_eq!(ours.style, theirs.style);
        assert_eq!(ours.weight, theirs.weight);
        assert_eq!(ours.stretch, theirs.stretch);
        assert_eq!(ours.monospaced, theirs.monospaced);
        assert_eq!(ours.index, theirs.index);
    }
}

#[test]
fn faces_are_parsed_only_when_text_needs_them() {
    // Private copies of the database, so that other tests cannot have
    // touched their faces.
    let fresh = || -> &'static Fonts { Box::leak(Box::new(Fonts::load(false))) };
    let parsed = |f: &Fonts| -> Vec<bool> { f.faces.iter().map(|f| f.is_parsed()).collect() };
    let shaped = |f: &Fonts| -> Vec<bool> { f.faces.iter().map(|f| f.is_shaped()).collect() };

    let fonts = fresh();
    assert_eq!(parsed(fonts), [false; 4], "nothing parsed up front");
    super::shape::line_width(fonts, 0, "Hello, World", 16.0);
    assert_eq!(parsed(fonts), [true, false, false, false]);
    assert_eq!(shaped(fonts), [true, false, false, false]);

    // CJK text: fallback reads the bold face's and the CJK face's character
    // maps (as usvg does) and shapes with the CJK face; the emoji and
    // scripts face stays untouched.
    let fonts = fresh();
    super::shape::line_width(fonts, 0, "中文", 16.0);
    assert_eq!(parsed(fonts), [true, true, true, false]);
    assert_eq!(shaped(fonts), [true, false, true, false]);

    // Emoji: the CJK face's character map is read, its shaping tables are not.
    let fonts = fresh();
    super::shape::line_width(fonts, 0, "🚀 Launch", 16.0);
    assert_eq!(shaped(fonts), [true, false, false, true]);
}

#[test]
fn system_fonts_come_after_the_embedded_ones() {
    let with = fontdb_with(true);
    let embedded: Vec<String> = with
        .faces()
        .take(EMBEDDED.len())
        .map(|f| f.families[0].0.clone())
        .collect();
    let expected: Vec<String> = EMBEDDED.iter().map(|e| e.family.to_string()).collect();
    assert_eq!(embedded, expected);
    // No later face can take over a family the SVG names.
    for face in with.faces().skip(EMBEDDED.len()) {
        for (name, _) in &face.families {
            assert!(
                !name.eq_ignore_ascii_case("arial") && !expected.contains(name),
                "{name}"
            );
        }
    }
    // Measuring inside a scope uses that database, and Latin text still
    // measures with Liberation Sans.
    let plain = measure("Hello", TextStyle::default()).width;
    let scoped = {
        let _scope = FontScope::enter(true);
        assert!(Arc::ptr_eq(&fontdb(), &with));
        measure("Hello", TextStyle::default()).width
    };
    assert_eq!(plain, scoped);
    assert!(!Arc::ptr_eq(&fontdb(), &with), "scope restored");
}
