//! Line bookkeeping shared by the extractors: a byte → (line, column) index
//! over the document, and [`Segment`]s, the pieces of document lines a block
//! is assembled from.

use super::{Block, LineOrigin};

/// Line starts of a document.
///
/// Lines end at `\n`; a `\r` right before the `\n` belongs to the line ending
/// (CRLF). A lone `\r` (CR line ends) is turned into `\n` by `extract`
/// before the index is built.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// Number of lines (a trailing newline opens one last, empty line).
    pub(crate) fn len(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line holding byte `pos` (clamped to the document).
    pub(crate) fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    /// Byte where 0-based line `line` starts.
    pub(crate) fn start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Byte where the content of 0-based line `line` ends (before `\r\n` / `\n`).
    pub(crate) fn content_end(&self, line: usize) -> usize {
        let start = self.start(line);
        start + self.text(line).len()
    }

    /// Text of 0-based line `line`, without its line ending.
    pub(crate) fn text(&self, line: usize) -> &'a str {
        let line = line.min(self.starts.len() - 1);
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map(|&next| next - 1)
            .unwrap_or(self.text.len());
        let s = &self.text[start..end];
        s.strip_suffix('\r').unwrap_or(s)
    }

    /// Characters of its line that precede byte `pos` (`pos` must be a char boundary).
    pub(crate) fn col_of(&self, pos: usize) -> usize {
        let line = self.line_of(pos);
        let start = self.start(line);
        let end = pos.clamp(start, self.content_end(line));
        self.text[start..end].chars().count()
    }
}

/// One line of a block: its text and where that text starts in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    /// 0-based document line.
    pub(crate) line: usize,
    /// Characters of the document line before `text`'s first character.
    pub(crate) col: usize,
    pub(crate) text: String,
}

/// Split the byte range `start..end` of the document into one segment per
/// line it touches (line endings dropped).
pub(crate) fn segments(idx: &LineIndex<'_>, start: usize, end: usize) -> Vec<Segment> {
    let end = end.max(start);
    let (first, last) = (idx.line_of(start), idx.line_of(end));
    (first..=last)
        .map(|line| {
            let content_end = idx.content_end(line);
            let from = start.max(idx.start(line)).min(content_end);
            let to = end.min(content_end).max(from);
            Segment {
                line,
                col: idx.col_of(from),
                text: idx.text[from..to].to_string(),
            }
        })
        .collect()
}

/// Drop a whitespace-only first segment and a whitespace-only last segment:
/// the rest of an opening tag's line and the start of a closing tag's line.
pub(crate) fn trim_edges(segs: &mut Vec<Segment>) {
    if segs.first().is_some_and(|s| s.text.trim().is_empty()) {
        segs.remove(0);
    }
    if segs.last().is_some_and(|s| s.text.trim().is_empty()) {
        segs.pop();
    }
}

/// Assemble a block; `None` when its source would be blank.
pub(crate) fn block_from_segments(segs: Vec<Segment>) -> Option<Block> {
    if segs.iter().all(|s| s.text.trim().is_empty()) {
        return None;
    }
    let lines = segs
        .iter()
        .map(|s| LineOrigin {
            line: s.line + 1,
            col_offset: s.col,
        })
        .collect();
    let source = segs
        .into_iter()
        .map(|s| s.text)
        .collect::<Vec<_>>()
        .join("\n");
    Some(Block { source, lines })
}
