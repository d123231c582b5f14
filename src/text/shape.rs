//! Line shaping that follows usvg 0.49's text layout step by step, so that a
//! measured width is the width usvg lays out:
//!
//! - the first face is the one `fontdb::Database::query` picks for the
//!   family list, weight and style (usvg's default font selector);
//! - each line is shaped whole with harfrust, one shaping call per bidi run,
//!   with `guess_segment_properties` and default features (kerning on);
//! - while a glyph is missing, the next face in database order that has the
//!   missing character (and is not used yet) shapes the whole line again; if it
//!   has every glyph it replaces them all, otherwise its glyphs fill the
//!   missing ones (only when both shapings have the same glyph count);
//! - the width is the sum of the glyph advances, each scaled by its own face.

use std::cell::RefCell;
use std::collections::HashMap;

use harfrust::{
    script, Direction, Language, Script, ShapeOptions, ShapePlan, Shaper, UnicodeBuffer,
};
use unicode_bidi::{BidiInfo, Level};
use usvg::fontdb;

use super::fonts::Fonts;

/// One shaped glyph: which face, which glyph, which character, its advance.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    face: usize,
    byte_idx: usize,
    glyph_id: u32,
    advance: i32,
}

impl Glyph {
    fn is_missing(&self) -> bool {
        self.glyph_id == 0
    }
}

/// What a harfrust shape plan depends on (no features or variations are
/// ever set, as in usvg's default case): the database (embedded fonts or
/// with the system's), the face and the segment properties.
type PlanKey = (u8, usize, Direction, Option<Script>, Option<Language>);

thread_local! {
    /// A reusable harfrust buffer (shaping consumes it and gives it back).
    static BUFFER: RefCell<Option<UnicodeBuffer>> = const { RefCell::new(None) };
    /// Shape plans by face and segment properties. harfrust builds the same
    /// plan inside `shape` when given none; building it once per key is the
    /// main saving over usvg's per-call setup.
    static PLANS: RefCell<HashMap<PlanKey, ShapePlan>> = RefCell::new(HashMap::new());
}

/// Shape `text` (one line, no newline) with face `face` into `out` (nothing
/// when the face does not parse).
fn shape_with_face(fonts: &'static Fonts, face: usize, text: &str, out: &mut Vec<Glyph>) {
    out.clear();
    let Some(shaper): Option<&'static Shaper<'static>> = fonts.face(face).and_then(|f| f.shaper())
    else {
        return;
    };

    let mut shape_run = |run: std::ops::Range<usize>, direction: Direction| {
        let sub = &text[run.clone()];
        if sub.is_empty() {
            return;
        }
        let mut buffer = BUFFER.with(|b| b.borrow_mut().take()).unwrap_or_default();
        buffer.push_str(sub);
        buffer.set_direction(direction);
        buffer.guess_segment_properties();
        // After guessing, an unknown script means none was found (`None`).
        let script = Some(buffer.script()).filter(|s| *s != script::UNKNOWN);
        let key = (
            fonts.generation,
            face,
            buffer.direction(),
            script,
            buffer.language(),
        );
        let output = PLANS.with(|plans| {
            let mut plans = plans.borrow_mut();
            let plan =
                plans
                    .entry(key)
                    .or_insert_with_key(|(_, _, direction, script, language)| {
                        ShapePlan::new(shaper, *direction, *script, language.as_ref(), &[])
                    });
            shaper.shape(buffer, ShapeOptions::new().plan(Some(plan)))
        });
        for (info, pos) in output.glyph_infos().iter().zip(output.glyph_positions()) {
            out.push(Glyph {
                face,
                byte_idx: run.start + info.cluster as usize,
                glyph_id: info.glyph_id,
                advance: pos.x_advance,
            });
        }
        BUFFER.with(|b| *b.borrow_mut() = Some(output.clear()));
    };

    // Pure left-to-right text (the common case) is one run, as bidi would find.
    if !text.chars().any(needs_bidi) {
        shape_run(0..text.len(), Direction::LeftToRight);
        return;
    }
    let bidi = BidiInfo::new(text, Some(Level::ltr()));
    let Some(paragraph) = bidi.paragraphs.first() else {
        return;
    };
    let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
    for run in runs {
        let direction = if levels[run.start].is_ltr() {
            Direction::LeftToRight
        } else {
            Direction::RightToLeft
        };
        shape_run(run, direction);
    }
}

/// Characters after which a line may not be a single left-to-right run:
/// right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
/// Mandaic, their presentation forms, supplementary RTL scripts), Arabic
/// digits, explicit bidi controls and paragraph separators. A line without
/// any of them is one LTR run, exactly what `unicode_bidi` would return.
fn needs_bidi(c: char) -> bool {
    matches!(c as u32,
        0x000A | 0x000D | 0x001C..=0x001E | 0x0085
        | 0x0590..=0x08FF
        | 0x200E | 0x200F | 0x2029 | 0x202A..=0x202E | 0x2066..=0x2069
        | 0xFB1D..=0xFDFF
        | 0xFE70..=0xFEFF
        | 0x10800..=0x10FFF
        | 0x1E800..=0x1EFFF)
}

/// usvg's default fallback selector: the first face in database order, not
/// used yet, of a compatible style, that has `c`.
fn select_fallback(fonts: &'static Fonts, c: char, used: &[usize]) -> Option<usize> {
    let base = fonts.db.face(fonts.face(*used.first()?)?.id)?;
    for info in fonts.db.faces() {
        let Some(idx) = fonts.index_of(info.id) else {
            continue;
        };
        if used.contains(&idx) {
            continue;
        }
        if base.style != info.style && base.weight != info.weight && base.stretch != info.stretch {
            continue;
        }
        if !fonts.faces[idx].has_char(c) {
            continue;
        }
        return Some(idx);
    }
    None
}

/// The face usvg picks first for `families` at this weight and style.
pub(crate) fn select_primary(
    fonts: &Fonts,
    families: &[fontdb::Family<'_>],
    bold: bool,
    italic: bool,
) -> Option<usize> {
    let query = fontdb::Query {
        families,
        weight: if bold {
            fontdb::Weight::BOLD
        } else {
            fontdb::Weight::NORMAL
        },
        stretch: fontdb::Stretch::Normal,
        style: if italic {
            fontdb::Style::Italic
        } else {
            fontdb::Style::Normal
        },
    };
    fonts.index_of(fonts.db.query(&query)?)
}

/// Advance width of one line at `size` px, shaped starting with face `primary`.
pub(crate) fn line_width(fonts: &'static Fonts, primary: usize, text: &str, size: f32) -> f32 {
    if text.is_empty() {
        return 0.0;
    }
    let mut glyphs = Vec::with_capacity(text.len());
    shape_with_face(fonts, primary, text, &mut glyphs);

    let mut used = vec![primary];
    let mut fallback_glyphs = Vec::new();
    while let Some(missing) = glyphs.iter().find(|g| g.is_missing()) {
        let c = text[missing.byte_idx..]
            .chars()
            .next()
            .unwrap_or('\u{FFFD}');
        let Some(fallback) = select_fallback(fonts, c, &used) else {
            break;
        };
        shape_with_face(fonts, fallback, text, &mut fallback_glyphs);
        if fallback_glyphs.iter().all(|g| !g.is_missing()) {
            std::mem::swap(&mut glyphs, &mut fallback_glyphs);
            break;
        }
        if glyphs.len() != fallback_glyphs.len() {
            break;
        }
        for (g, fb) in glyphs.iter_mut().zip(&fallback_glyphs) {
            if g.is_missing() && !fb.is_missing() {
                *g = *fb;
            }
        }
        used.push(fallback);
    }

    glyphs
        .iter()
        .map(|g| g.advance as f32 * (size / fonts.faces[g.face].units_per_em()))
        .sum()
}
