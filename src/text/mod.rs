//! Text: the embedded fonts and text measurement with the same fonts and
//! shaping that usvg/resvg use to draw.
//!
//! Fonts (all SIL OFL 1.1, see `assets/fonts/`): "Liberation Sans" regular and
//! bold (Arial's metrics) and a subset of "Noto Sans CJK SC" regular. The
//! database holds nothing else: no system font is ever loaded. Every generic
//! family resolves to Liberation Sans; characters it lacks fall back, as usvg
//! does it per character, to the CJK face.

mod fonts;
mod shape;
#[cfg(test)]
mod tests;

use std::sync::{Arc, OnceLock};

use usvg::fontdb;

pub use fonts::{CJK_FAMILY, LATIN_FAMILY};

/// The CSS font-family list written into every SVG.
///
/// usvg resolves it to the embedded Liberation Sans ("arial" is not in the
/// database, "Liberation Sans" is) and falls back to Noto Sans CJK SC for
/// characters Liberation Sans lacks. Arial comes first (rather than Mermaid's
/// "trebuchet ms", verdana) so that a browser showing the SVG also uses a face
/// with the metrics the layout was measured with: Arial, or Liberation Sans
/// where Arial is not installed. Single quotes keep it safe inside a
/// double-quoted XML attribute.
pub const FONT_FAMILY: &str = "arial, 'Liberation Sans', 'Noto Sans CJK SC', sans-serif";

/// Font style of a run of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Font size in px (Mermaid's default is 16).
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
}

impl Default for TextStyle {
    fn default() -> Self {
        TextStyle {
            size: 16.0,
            bold: false,
            italic: false,
        }
    }
}

/// One measured line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineBox {
    pub text: String,
    pub width: f64,
}

/// A measured (possibly multi-line) label.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub lines: Vec<LineBox>,
    /// Widest line.
    pub width: f64,
    /// `lines.len() * line_height`.
    pub height: f64,
    /// Distance between baselines (1.5 × size, as Mermaid's labels).
    pub line_height: f64,
    /// Offset from the top of a line box to its baseline.
    pub baseline: f64,
}

/// The font database holding only the embedded fonts (no system fonts), shared
/// by measurement and rasterisation.
pub fn fontdb() -> Arc<usvg::fontdb::Database> {
    fonts::Fonts::get().db.clone()
}

/// Line height as a multiple of the font size (Mermaid: 24 px at 16 px).
pub const LINE_HEIGHT: f64 = 1.5;

/// Measure `text` (lines separated by `\n`).
///
/// Each line is first normalised as usvg treats text content by default
/// (`xml:space` not `preserve`): tabs and carriage returns become spaces,
/// runs of spaces collapse to one, and leading and trailing spaces are
/// dropped. [`LineBox::text`] holds that normalised line: the text to write
/// into the SVG for the drawing to match the measurement. Empty text is one
/// empty line.
pub fn measure(text: &str, style: TextStyle) -> TextBox {
    let fonts = fonts::Fonts::get();
    let primary = primary_face(style);
    let size = style.size as f32;
    let lines: Vec<LineBox> = text
        .split('\n')
        .map(|line| {
            let text = normalize_line(line);
            let width = f64::from(shape::line_width(fonts, primary, &text, size));
            LineBox { text, width }
        })
        .collect();
    let width = lines.iter().map(|l| l.width).fold(0.0, f64::max);
    let line_height = LINE_HEIGHT * style.size;
    let face = &fonts.faces[primary];
    let scale = style.size / f64::from(face.units_per_em);
    let ascent = f64::from(face.ascent) * scale;
    let descent = f64::from(face.descent) * scale;
    // Centre the face's ascender-to-descender box in the line box.
    let baseline = (line_height - (ascent - descent)) / 2.0 + ascent;
    TextBox {
        height: lines.len() as f64 * line_height,
        lines,
        width,
        line_height,
        baseline,
    }
}

/// The face usvg starts shaping with for [`FONT_FAMILY`] in `style`, by
/// (bold, italic), resolved once with usvg's own rule (`Database::query`).
fn primary_face(style: TextStyle) -> usize {
    static PRIMARY: OnceLock<[[usize; 2]; 2]> = OnceLock::new();
    let table = PRIMARY.get_or_init(|| {
        let fonts = fonts::Fonts::get();
        let names = parse_family_list(FONT_FAMILY);
        let mut families: Vec<fontdb::Family<'_>> = names
            .iter()
            .map(|name| match name.as_str() {
                "serif" => fontdb::Family::Serif,
                "sans-serif" => fontdb::Family::SansSerif,
                "cursive" => fontdb::Family::Cursive,
                "fantasy" => fontdb::Family::Fantasy,
                "monospace" => fontdb::Family::Monospace,
                other => fontdb::Family::Name(other),
            })
            .collect();
        // usvg's default selector ends the list with `serif`.
        families.push(fontdb::Family::Serif);
        let pick = |bold, italic| {
            shape::select_primary(fonts, &families, bold, italic)
                .expect("the embedded fonts resolve FONT_FAMILY")
        };
        [
            [pick(false, false), pick(false, true)],
            [pick(true, false), pick(true, true)],
        ]
    });
    table[usize::from(style.bold)][usize::from(style.italic)]
}

/// Split a CSS font-family list into names (quotes removed; unquoted names
/// with their inner spaces kept).
fn parse_family_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(|name| {
            name.trim()
                .trim_matches(|c| c == '\'' || c == '"')
                .to_string()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// usvg's default white-space handling for one line of text.
fn normalize_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        let c = if matches!(c, '\r' | '\t' | '\n') {
            ' '
        } else {
            c
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}
