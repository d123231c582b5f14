//! Extraction: find Mermaid diagrams in documents.
//!
//! Entry point: [`extract`]. Each [`Block`] carries its source text and, for
//! every line of it, where that line sits in the document, so that errors can
//! point at document lines and columns.
//!
//! What is found, by [`SourceKind`]:
//! - **Mermaid** (`.mmd`): the whole document is one block.
//! - **Markdown**: fenced code blocks whose info string's first word is
//!   `mermaid` (any case; backticks or tildes, any fence length; `{mermaid}`
//!   and `{.mermaid}` too), anywhere CommonMark finds them (list items,
//!   blockquotes), located with pulldown-cmark's offset iterator; plus the
//!   tagged forms (`<Mermaid_Diagram>`, `<pre class="mermaid">`,
//!   `<div class="mermaid">`, see `tagged.rs`) unless they sit inside code
//!   (a fence, an indented block or an inline code span).
//! - **Text** (scraped pages): the tagged forms anywhere, and Markdown mermaid
//!   fences outside them (a fence inside a tag is taken as the tag's content,
//!   never twice).
//!
//! Conventions:
//! - Blocks come in document order. A block whose source is only whitespace
//!   is left out; a document without diagrams gives an empty `Vec`.
//! - Lines end at `\n` (LF), `\r\n` (CRLF) or a lone `\r` (CR, old Mac
//!   files), as in CommonMark; the `\r` of a CRLF is dropped from sources,
//!   and every style gives the same lines and line numbers.
//! - A leading UTF-8 byte order mark is removed first; lines and columns
//!   count in the document *without* it (as an editor shows it).
//! - Columns count characters (`char`s), not bytes. They are exact for every
//!   character except in two cases one offset per line cannot express: after
//!   a decoded HTML entity on the same line, and where CommonMark turned part
//!   of a tab into spaces (a fence indented with spaces, content with tabs).
//! - Unclosed fences close where CommonMark closes them (end of document or
//!   of their container); an unclosed `<Mermaid_Diagram>` takes the rest of
//!   the document; an unclosed `<pre>`/`<div>` is not a diagram.

mod directives;
mod lines;
mod markdown;
mod tagged;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use lines::{block_from_segments, LineIndex, Segment};

/// How a document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `.md`, `.markdown`: Markdown fences, plus tagged blocks.
    Markdown,
    /// `.mmd`, `.mermaid`: the whole file is one diagram.
    Mermaid,
    /// Anything else: tagged blocks (`<Mermaid_Diagram>`, `<pre class="mermaid">`, …)
    /// and Markdown fences outside them.
    Text,
}

impl SourceKind {
    /// Decide from a file name's extension.
    pub fn from_path(path: &Path) -> SourceKind {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdx" | "qmd" | "rmd") => SourceKind::Markdown,
            Some("mmd") | Some("mermaid") => SourceKind::Mermaid,
            _ => SourceKind::Text,
        }
    }
}

/// Where one line of a block comes from in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineOrigin {
    /// 1-based line number in the document.
    pub line: usize,
    /// Number of characters of the document line that precede the block
    /// line's first character (indentation, `> ` markers, …).
    pub col_offset: usize,
}

/// One diagram found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The diagram source, without fences or tags, lines joined with `\n`.
    pub source: String,
    /// One entry per line of `source`.
    pub lines: Vec<LineOrigin>,
}

impl Block {
    /// 1-based document line of the block's first source line.
    pub fn first_line(&self) -> usize {
        self.lines.first().map(|l| l.line).unwrap_or(1)
    }

    /// Map a 1-based (line, column) inside `source` to the document.
    pub fn doc_position(&self, line: usize, col: usize) -> (usize, usize) {
        match self.lines.get(line.saturating_sub(1)) {
            Some(o) => (o.line, col + o.col_offset),
            None => {
                let last = self.lines.last().map(|l| l.line).unwrap_or(1);
                (last + line.saturating_sub(self.lines.len()), col)
            }
        }
    }
}

/// `text` with every lone `\r` (a CR not followed by `\n`) turned into
/// `\n`: the same length, so every byte offset stays valid, and the same
/// lines as an editor shows them. Borrowed when there is no lone `\r`.
pub fn normalize_line_breaks(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for (i, b) in out.iter_mut().enumerate() {
        if lone(i) {
            *b = b'\n';
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// The lines of a document as [`extract`] counts them (LF, CRLF or a lone
/// CR ends a line), without their line endings: line `n` (1-based) of an
/// error message is item `n - 1`.
pub fn document_lines(text: &str) -> impl Iterator<Item = &str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.find(['\r', '\n']) {
            Some(i) => {
                let next = if r[i..].starts_with("\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                rest = Some(&r[next..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Find every Mermaid diagram in `text`, in document order.
pub fn extract(text: &str, kind: SourceKind) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = normalize_line_breaks(text);
    let text = text.as_ref();
    let idx = LineIndex::new(text);
    match kind {
        SourceKind::Mermaid => whole_document(&idx).into_iter().collect(),
        SourceKind::Markdown | SourceKind::Text => fences_and_tags(text, &idx, kind),
    }
}

/// The whole document as one block.
fn whole_document(idx: &LineIndex<'_>) -> Option<Block> {
    let mut count = idx.len();
    // A final newline ends the last line; it does not open an empty one.
    if count > 1 && idx.text(count - 1).is_empty() {
        count -= 1;
    }
    let segs = (0..count)
        .map(|line| Segment {
            line,
            col: 0,
            text: idx.text(line).to_string(),
        })
        .collect();
    block_from_segments(segs)
}

fn fences_and_tags(text: &str, idx: &LineIndex<'_>, kind: SourceKind) -> Vec<Block> {
    let md = markdown::scan(text, idx);
    // Code ranges and tag regions are each sorted and disjoint: the last one
    // starting before a point is the only one that can contain it.
    let in_code = |pos: usize| {
        let i = md.code.partition_point(|r| r.start <= pos);
        kind == SourceKind::Markdown && i > 0 && pos < md.code[i - 1].end
    };
    // HTML comments (outside code) hide whatever they hold.
    let comments = html_comments(text, &in_code);
    let in_comment = |pos: usize| {
        let i = comments.partition_point(|r| r.start <= pos);
        i > 0 && pos < comments[i - 1].end
    };
    let tags = tagged::scan(text, idx, |pos| in_code(pos) || in_comment(pos));
    let inside_tag = |r: &Range<usize>| {
        let i = tags.partition_point(|t| t.range.start < r.end);
        i > 0 && r.start < tags[i - 1].range.end
    };
    let mut found: Vec<(usize, Block)> = tags
        .iter()
        .filter_map(|t| t.block.clone().map(|b| (t.range.start, b)))
        .collect();
    let forms: Vec<directives::Found> = directives::scan(idx, |pos| {
        let i = md.code.partition_point(|r| r.start <= pos);
        (i > 0 && pos < md.code[i - 1].end) || in_comment(pos)
    })
    .into_iter()
    .filter(|(r, _)| !inside_tag(r))
    .collect();
    let inside_form = |r: &Range<usize>| {
        forms
            .iter()
            .any(|(f, _)| r.start < f.end && f.start < r.end)
    };
    found.extend(
        md.fences
            .into_iter()
            .filter(|(r, _)| !inside_tag(r) && !inside_form(r) && !in_comment(r.start))
            .filter_map(|(r, b)| b.map(|b| (r.start, b))),
    );
    found.extend(
        forms
            .into_iter()
            .filter_map(|(r, b)| b.map(|b| (r.start, b))),
    );
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, b)| b).collect()
}

/// Byte ranges of `<!-- … -->` comments that do not start inside code (an
/// unclosed one runs to the end), sorted and disjoint.
fn html_comments(text: &str, in_code: &impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find("<!--") {
        let start = from + p;
        if in_code(start) {
            from = start + 4;
            continue;
        }
        let end = text[start + 4..]
            .find("-->")
            .map_or(text.len(), |q| start + 4 + q + 3);
        out.push(start..end);
        from = end;
    }
    out
}
