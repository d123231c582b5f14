//! Text: the embedded fonts and text measurement with the same fonts and
//! shaping that usvg/resvg use to draw.
//!
//! Fonts (all SIL OFL 1.1, see `assets/fonts/`): "Liberation Sans" regular and
//! bold (Arial's metrics), a subset of "Noto Sans CJK SC" regular and "Noto
//! Fallback Subset" (Arabic, Hebrew, Devanagari, Thai, symbols and colour
//! emoji from Noto fonts). Every generic family resolves to Liberation Sans;
//! characters it lacks fall back, as usvg does it per character, to the CJK
//! face, then to the fallback face. The machine's fonts come after these only
//! when asked for ([`FontScope`], the CLI's `--system-fonts`).

mod fonts;
mod html;
mod shape;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use usvg::fontdb;

pub use fonts::{FontScope, CJK_FAMILY, FALLBACK_FAMILY, LATIN_FAMILY};

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

/// Slant of synthetic italics (tan 12°): the embedded fonts have no italic
/// face, so italic runs are drawn upright and sheared about their baseline.
pub const ITALIC_SHEAR: f64 = 0.2126;

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
    /// The line's text (all runs, with the spaces between them).
    pub text: String,
    pub width: f64,
    /// Runs of one style, left to right. A plain line has one run holding
    /// all of [`LineBox::text`] in the label's own style.
    pub runs: Vec<Run>,
}

/// A piece of a line in one style, placed `x` px from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub x: f64,
    pub width: f64,
    /// HTML styling beyond bold and italic (the default for plain text).
    pub deco: Deco,
}

/// Styling of a run from HTML tags in a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Deco {
    /// `<u>`: drawn with `text-decoration="underline"`.
    pub underline: bool,
    /// `<s>`, `<del>`: drawn with `text-decoration="line-through"`.
    pub strike: bool,
    /// Font size as a multiple of the label's (`<sub>`, `<sup>`, `<small>`).
    pub scale: f64,
    /// Baseline shift as a multiple of the label's font size, positive
    /// downwards (`<sub>` down, `<sup>` up).
    pub shift: f64,
    /// `<span style="color: …">`: a safe CSS colour for the run's fill.
    pub color: Option<String>,
}

impl Default for Deco {
    fn default() -> Self {
        Deco {
            underline: false,
            strike: false,
            scale: 1.0,
            shift: 0.0,
            color: None,
        }
    }
}

impl Deco {
    /// True when the run needs nothing beyond bold/italic.
    pub fn is_plain(&self) -> bool {
        *self == Deco::default()
    }
}

impl LineBox {
    /// True when the line is one run in `style` (drawn as a plain tspan).
    pub fn is_plain(&self, style: TextStyle) -> bool {
        self.runs.len() <= 1
            && self
                .runs
                .first()
                .is_none_or(|r| r.bold == style.bold && !r.italic && r.deco.is_plain())
    }
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

/// The font database this thread measures with (the embedded fonts, and the
/// machine's after them inside a [`FontScope`] that asks for them), shared by
/// measurement and rasterisation. Building it parses no font.
pub fn fontdb() -> Arc<usvg::fontdb::Database> {
    fonts::Fonts::get().db.clone()
}

/// The embedded fonts alone, or followed by the machine's fonts when
/// `system_fonts` (what [`fontdb()`] returns inside a [`FontScope`]).
pub fn fontdb_with(system_fonts: bool) -> Arc<usvg::fontdb::Database> {
    fonts::Fonts::with_system(system_fonts).db.clone()
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
            LineBox {
                runs: vec![Run {
                    text: text.clone(),
                    bold: style.bold,
                    italic: style.italic,
                    x: 0.0,
                    width,
                    deco: Deco::default(),
                }],
                text,
                width,
            }
        })
        .collect();
    boxed(lines, style)
}

/// Width of `text` (one normalised line) in `style`.
fn run_width(text: &str, style: TextStyle) -> f64 {
    let fonts = fonts::Fonts::get();
    f64::from(shape::line_width(
        fonts,
        primary_face(style),
        text,
        style.size as f32,
    ))
}

/// Lay out a label: `\n` line breaks, markdown `**bold**` / `*italic*`
/// when `markdown`, and lines wrapped at word (or CJK character)
/// boundaries to at most `wrap` px when given (a single word wider than
/// that keeps its own line). This is the only way labels are measured for
/// layout and the way they are drawn, so the two always agree.
pub fn layout(text: &str, style: TextStyle, markdown: bool, wrap: Option<f64>) -> TextBox {
    layout_rich(text, style, markdown, false, wrap)
}

/// [`layout`] with HTML in the label when `html` (Mermaid's `htmlLabels`):
/// `<b> <strong> <i> <em> <u> <s> <del> <sub> <sup> <small> <code>
/// <span style="color:…">` style their text, `<br>` breaks the line, HTML
/// entities are decoded and every other tag is dropped (its text kept). A
/// label with no `<` or `&` is laid out exactly as by [`layout`].
pub fn layout_rich(
    text: &str,
    style: TextStyle,
    markdown: bool,
    html: bool,
    wrap: Option<f64>,
) -> TextBox {
    let html = html && (text.contains('<') || text.contains('&'));
    if !markdown && !html && wrap.is_none() {
        return measure(text, style);
    }
    let text = if html {
        html::break_lines(text)
    } else {
        text.to_string()
    };
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let words = words(line, style, markdown, html);
        let mut cur: Vec<Word> = Vec::new();
        for w in words {
            if let (Some(limit), false) = (wrap, cur.is_empty()) {
                let mut candidate = cur.clone();
                candidate.push(w.clone());
                if build_line(&candidate, style).width > limit {
                    lines.push(build_line(&cur, style));
                    cur.clear();
                }
            }
            cur.push(w);
        }
        lines.push(build_line(&cur, style));
    }
    boxed(lines, style)
}

/// The format of a piece of text.
#[derive(Debug, Clone, PartialEq)]
struct Fmt {
    bold: bool,
    italic: bool,
    deco: Deco,
}

#[derive(Debug, Clone)]
struct Word {
    /// (text, format) pieces.
    segs: Vec<(String, Fmt)>,
    space_before: bool,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

/// Split one line into words with their styles.
fn words(line: &str, style: TextStyle, markdown: bool, html: bool) -> Vec<Word> {
    let chars: Vec<char> = line.chars().collect();
    let mut fmt = Fmt {
        bold: style.bold,
        italic: style.italic,
        deco: Deco::default(),
    };
    // Open HTML tags: (name, format before it).
    let mut open: Vec<(String, Fmt)> = Vec::new();
    let mut out: Vec<Word> = Vec::new();
    let mut cur = Word {
        segs: Vec::new(),
        space_before: false,
    };
    let mut pending_space = false;
    let push_char = |cur: &mut Word, c: char, fmt: &Fmt| match cur.segs.last_mut() {
        Some((t, f)) if f == fmt => t.push(c),
        _ => cur.segs.push((c.to_string(), fmt.clone())),
    };
    let flush = |cur: &mut Word, out: &mut Vec<Word>, pending: &mut bool| {
        if !cur.segs.is_empty() {
            cur.space_before = *pending && !out.is_empty();
            out.push(std::mem::replace(
                cur,
                Word {
                    segs: Vec::new(),
                    space_before: false,
                },
            ));
            *pending = false;
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let mut c = chars[i];
        let mut len = 1;
        if html && c == '<' {
            if let Some((n, tag)) = html::tag(&chars[i..]) {
                html::apply(&tag, &mut fmt, &mut open);
                i += n;
                continue;
            }
        } else if html && c == '&' {
            if let Some((n, decoded)) = html::entity(&chars[i..]) {
                c = decoded;
                len = n;
            }
        }
        if markdown && len == 1 && (c == '*' || c == '_') {
            let double = chars.get(i + 1) == Some(&c);
            let prev_ws = i == 0 || chars[i - 1].is_whitespace();
            let next = chars.get(i + if double { 2 } else { 1 });
            let next_ws = next.is_none_or(|n| n.is_whitespace());
            // `_` only marks emphasis at a word's edge (snake_case stays).
            let marker =
                c == '*' || prev_ws || next_ws || next.is_some_and(|n| n.is_ascii_punctuation());
            if marker && !(prev_ws && next_ws) {
                if double {
                    fmt.bold = !fmt.bold;
                    i += 2;
                } else {
                    fmt.italic = !fmt.italic;
                    i += 1;
                }
                continue;
            }
        }
        if c.is_whitespace() && len == 1 {
            flush(&mut cur, &mut out, &mut pending_space);
            pending_space = true;
        } else if is_cjk(c) {
            flush(&mut cur, &mut out, &mut pending_space);
            push_char(&mut cur, c, &fmt);
            flush(&mut cur, &mut out, &mut pending_space);
        } else {
            push_char(&mut cur, c, &fmt);
        }
        i += len;
    }
    flush(&mut cur, &mut out, &mut pending_space);
    out
}

/// Runs of a line of words, measured and placed.
fn build_line(words: &[Word], style: TextStyle) -> LineBox {
    // (text, format, gap before in px)
    let mut runs: Vec<(String, Fmt, f64)> = Vec::new();
    let mut text = String::new();
    for w in words {
        for (k, (t, f)) in w.segs.iter().enumerate() {
            let space = k == 0 && w.space_before;
            if space {
                text.push(' ');
            }
            text.push_str(t);
            match runs.last_mut() {
                Some(last) if last.1 == *f => {
                    if space {
                        last.0.push(' ');
                    }
                    last.0.push_str(t);
                }
                Some(last) => {
                    let gap = if space {
                        let st = fmt_style(&last.1, style);
                        run_width(" x", st) - run_width("x", st)
                    } else {
                        0.0
                    };
                    runs.push((t.clone(), f.clone(), gap));
                }
                None => runs.push((t.clone(), f.clone(), 0.0)),
            }
        }
    }
    let mut x = 0.0;
    let runs: Vec<Run> = runs
        .into_iter()
        .map(|(t, f, gap)| {
            let width = run_width(&t, fmt_style(&f, style));
            x += gap;
            let r = Run {
                text: t,
                bold: f.bold,
                italic: f.italic,
                x,
                width,
                deco: f.deco,
            };
            x += width;
            r
        })
        .collect();
    LineBox {
        text,
        width: x,
        runs,
    }
}

/// The measuring style of a run in `fmt` within a label in `style`.
fn fmt_style(fmt: &Fmt, style: TextStyle) -> TextStyle {
    TextStyle {
        bold: fmt.bold,
        italic: fmt.italic,
        size: style.size * fmt.deco.scale,
    }
}

fn boxed(lines: Vec<LineBox>, style: TextStyle) -> TextBox {
    let width = lines.iter().map(|l| l.width).fold(0.0, f64::max);
    let line_height = LINE_HEIGHT * style.size;
    let fonts = fonts::Fonts::get();
    let (units_per_em, ascent, descent) = fonts
        .face(primary_face(style))
        .and_then(|f| f.parsed())
        .map_or((1000.0, 800.0, -200.0), |p| {
            (p.units_per_em, p.ascent, p.descent)
        });
    let scale = style.size / f64::from(units_per_em);
    let ascent = f64::from(ascent) * scale;
    let descent = f64::from(descent) * scale;
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
    let fonts = fonts::Fonts::get();
    let table = fonts.primary.get_or_init(|| {
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
