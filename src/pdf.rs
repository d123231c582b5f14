//! PDF: our SVG to a one-page PDF through svg2pdf, with the embedded fonts
//! subset into the file and text kept as text (Type0 fonts with a ToUnicode
//! map, so it can be selected, searched and copied).
//!
//! svg2pdf 0.13 reads usvg 0.45's tree while rasterising uses usvg 0.49, so
//! this module parses the SVG a second time with svg2pdf's own usvg and a
//! font database (fontdb 0.23) holding the same embedded faces. Why this and
//! not our own PDF writer or krilla: see docs/PERFORMANCE.md ("PDF").

use std::sync::{Arc, OnceLock};

use svg2pdf::usvg as usvg45;

use crate::raster::RasterError;

/// The embedded faces in svg2pdf's font database, in the order of
/// [`crate::text::fontdb`] (fallback walks it in that order).
fn fontdb45() -> Arc<usvg45::fontdb::Database> {
    static DB: OnceLock<Arc<usvg45::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let ours = crate::text::fontdb();
        let mut db = usvg45::fontdb::Database::new();
        let mut seen: Vec<*const u8> = Vec::new();
        for face in ours.faces() {
            // One file may hold several faces: load each file once.
            let _ = ours.with_face_data(face.id, |data, _index| {
                if !seen.contains(&data.as_ptr()) {
                    seen.push(data.as_ptr());
                    db.load_font_data(data.to_vec());
                }
            });
        }
        Arc::new(db)
    })
    .clone()
}

/// Convert one of our SVGs to PDF bytes: one page of the SVG's size (1 SVG
/// px = 1 PDF point at svg2pdf's default 72 dpi, as mermaid-cli's pages).
pub fn svg_to_pdf(svg: &str) -> Result<Vec<u8>, RasterError> {
    let fontdb = fontdb45();
    let mut opt = usvg45::Options {
        resources_dir: None,
        ..usvg45::Options::default()
    };
    if let Some(family) = fontdb.faces().next().and_then(|f| f.families.first()) {
        opt.font_family = family.0.clone();
    }
    opt.fontdb = fontdb;
    opt.image_href_resolver = usvg45::ImageHrefResolver {
        resolve_data: Box::new(|_, _, _| None),
        resolve_string: Box::new(|_, _| None),
    };
    let tree = usvg45::Tree::from_str(svg, &opt).map_err(|e| RasterError(e.to_string()))?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| RasterError(format!("cannot write PDF: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a PDF viewer would copy: every shown glyph string mapped
    /// through its font's ToUnicode CMap, in content-stream order. A small
    /// reader for what svg2pdf writes (Identity-H two-byte codes, one
    /// `bfchar` CMap per font, Flate-compressed content streams).
    fn extract_text(pdf: &[u8]) -> String {
        let mut cmap = std::collections::BTreeMap::new();
        let mut contents = Vec::new();
        let mut rest = pdf;
        while let Some(at) = find(rest, b"stream") {
            let dict = &rest[..at];
            let dict = &dict[dict.len().saturating_sub(400)..];
            let mut body = &rest[at + 6..];
            if body.starts_with(b"\r\n") {
                body = &body[2..];
            } else if body.starts_with(b"\n") {
                body = &body[1..];
            }
            let end = find(body, b"endstream").expect("endstream");
            let raw = &body[..end];
            let data = if find(dict, b"/FlateDecode").is_some() {
                miniz_oxide::inflate::decompress_to_vec_zlib(raw).unwrap_or_default()
            } else {
                raw.to_vec()
            };
            if find(&data, b"beginbfchar").is_some() {
                read_bfchar(&data, &mut cmap);
            } else if find(&data, b"Tj").is_some() {
                contents.push(data);
            }
            rest = &body[end + 9..];
        }
        let mut text = String::new();
        for c in &contents {
            for code in shown_strings(c) {
                for pair in code.chunks(2) {
                    let cid = pair.iter().fold(0u32, |a, &b| a << 8 | u32::from(b));
                    text.push_str(cmap.get(&cid).map_or("\u{fffd}", String::as_str));
                }
            }
        }
        text
    }

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    /// `<cid> <utf16be>` pairs of every `beginbfchar` section.
    fn read_bfchar(data: &[u8], out: &mut std::collections::BTreeMap<u32, String>) {
        let text = String::from_utf8_lossy(data);
        for section in text.split("beginbfchar").skip(1) {
            let section = section.split("endbfchar").next().unwrap_or("");
            let hex: Vec<&str> = section
                .split(['<', '>'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            for pair in hex.chunks(2) {
                let [cid, uni] = pair else { continue };
                let cid = u32::from_str_radix(cid, 16).unwrap();
                let units: Vec<u16> = (0..uni.len() / 4)
                    .map(|i| u16::from_str_radix(&uni[i * 4..i * 4 + 4], 16).unwrap())
                    .collect();
                out.insert(cid, String::from_utf16_lossy(&units));
            }
        }
    }

    /// The byte strings of every `(…) Tj` in a content stream.
    fn shown_strings(content: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < content.len() {
            if content[i] != b'(' {
                i += 1;
                continue;
            }
            let mut s = Vec::new();
            let mut depth = 1;
            i += 1;
            while i < content.len() && depth > 0 {
                match content[i] {
                    b'\\' if i + 1 < content.len() => {
                        i += 1;
                        match content[i] {
                            b'n' => s.push(b'\n'),
                            b'r' => s.push(b'\r'),
                            b't' => s.push(b'\t'),
                            b'b' => s.push(8),
                            b'f' => s.push(12),
                            d @ b'0'..=b'7' => {
                                let mut v = u32::from(d - b'0');
                                for _ in 0..2 {
                                    match content.get(i + 1) {
                                        Some(&d @ b'0'..=b'7') => {
                                            v = v * 8 + u32::from(d - b'0');
                                            i += 1;
                                        }
                                        _ => break,
                                    }
                                }
                                s.push(v as u8);
                            }
                            other => s.push(other),
                        }
                    }
                    b'(' => {
                        depth += 1;
                        s.push(b'(');
                    }
                    b')' => {
                        depth -= 1;
                        if depth > 0 {
                            s.push(b')');
                        }
                    }
                    b => s.push(b),
                }
                i += 1;
            }
            let after = String::from_utf8_lossy(&content[i..(i + 8).min(content.len())]);
            if after.trim_start().starts_with("Tj") {
                out.push(s);
            }
        }
        out
    }

    #[test]
    fn text_is_selectable_with_embedded_fonts() {
        // Latin only: one font, so codes map back unambiguously in order.
        let source = "flowchart LR\n  A[Start here] --> B{Ok?}\n  B -->|yes| C[Done]";
        let r = crate::render(source, &crate::Options::default()).unwrap();
        let pdf = svg_to_pdf(&r.svg).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(find(&pdf, b"/FontFile2").is_some(), "TrueType embedded");
        assert_eq!(count(&pdf, b"/ToUnicode"), 1);
        let text = extract_text(&pdf);
        for label in ["Start here", "Ok?", "yes", "Done"] {
            assert!(text.contains(label), "{label:?} not in {text:?}");
        }
    }

    #[test]
    fn cjk_text_is_embedded_as_text_too() {
        let source = "flowchart LR\n  A[图表] --> B[数据]";
        let r = crate::render(source, &crate::Options::default()).unwrap();
        let pdf = svg_to_pdf(&r.svg).unwrap();
        assert!(
            find(&pdf, b"/FontFile3").is_some(),
            "CFF (Noto CJK) embedded"
        );
        let mut cmap = std::collections::BTreeMap::new();
        read_bfchar(&pdf, &mut cmap);
        let mapped: String = cmap.values().cloned().collect();
        for c in "图表数据".chars() {
            assert!(mapped.contains(c), "{c} not in the ToUnicode maps");
        }
    }

    fn count(hay: &[u8], needle: &[u8]) -> usize {
        hay.windows(needle.len()).filter(|w| *w == needle).count()
    }

    #[test]
    fn page_is_the_svg_size() {
        let r = crate::render("pie\n  \"a\": 1\n  \"b\": 2", &crate::Options::default()).unwrap();
        let pdf = svg_to_pdf(&r.svg).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        let want = format!("/MediaBox [0 0 {} {}]", r.width, r.height);
        let got = text
            .split("/MediaBox")
            .nth(1)
            .map(|s| s.split(']').next().unwrap_or(""))
            .unwrap_or("");
        let nums: Vec<f64> = got
            .trim_start_matches([' ', '['])
            .split_whitespace()
            .filter_map(|v| v.parse().ok())
            .collect();
        assert_eq!(nums.len(), 4, "{want} vs {got}");
        assert!((nums[2] - r.width).abs() < 0.01 && (nums[3] - r.height).abs() < 0.01);
    }

    #[test]
    fn bad_svg_is_an_error() {
        assert!(svg_to_pdf("not svg").is_err());
    }
}
