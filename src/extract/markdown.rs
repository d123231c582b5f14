//! Markdown fences, found with pulldown-cmark's offset iterator.
//!
//! pulldown-cmark gives each code block's content with container prefixes
//! (`> `, list indentation) and the fence's own indentation removed, exactly
//! as CommonMark says. A fenced block's content lines are the document lines
//! right after the opening fence, one for one (fenced code has no lazy
//! continuation), so content line `i` sits on document line `fence + 1 + i`,
//! and since the content is what is left of that line after its prefix, its
//! column offset is the line's length minus the content's length.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::lines::{block_from_segments, LineIndex, Segment};
use super::Block;

/// What one pulldown-cmark pass over a document finds.
#[derive(Debug, Default)]
pub(crate) struct MarkdownScan {
    /// Mermaid fences: the byte range of the whole fenced block, and its block
    /// (`None` when the fence holds only whitespace).
    pub(crate) fences: Vec<(Range<usize>, Option<Block>)>,
    /// Byte ranges of every code block and inline code span, mermaid or not.
    pub(crate) code: Vec<Range<usize>>,
}

/// Whether a fence's info string names Mermaid: its first word is `mermaid`
/// (any case), also written `{mermaid …}` (MyST, Quarto) or `{.mermaid …}`
/// (Pandoc). Quarto's `{{mermaid}}` is an escaped echo block that shows
/// the source, not a diagram.
pub(crate) fn info_is_mermaid(info: &str) -> bool {
    if info.trim_start().starts_with("{{") {
        return false;
    }
    let first = info
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    first
        .trim_matches(|c| c == '{' || c == '}' || c == '.')
        .eq_ignore_ascii_case("mermaid")
}

pub(crate) fn scan(text: &str, idx: &LineIndex<'_>) -> MarkdownScan {
    let mut out = MarkdownScan::default();
    // The code block being read: its range, whether it is mermaid, its text.
    let mut current: Option<(Range<usize>, bool, String)> = None;
    // A `{mermaid}` fence (MyST/Quarto directive syntax) may start with
    // `:option: value` lines, which are not part of the diagram.
    let mut directive = false;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let mermaid = matches!(&kind, CodeBlockKind::Fenced(info) if info_is_mermaid(info));
                directive = matches!(&kind, CodeBlockKind::Fenced(info) if info.trim_start().starts_with('{'));
                current = Some((range, mermaid, String::new()));
            }
            Event::Text(t) => {
                if let Some((_, true, content)) = current.as_mut() {
                    content.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((range, mermaid, content)) = current.take() {
                    if mermaid {
                        let block = fence_block(idx, range.start, &content, directive);
                        out.fences.push((range.clone(), block));
                    }
                    out.code.push(range);
                }
            }
            Event::Code(_) => out.code.push(range),
            _ => {}
        }
    }
    out
}

/// Map a fence's content (as pulldown-cmark gives it) back to the document.
fn fence_block(
    idx: &LineIndex<'_>,
    fence_start: usize,
    content: &str,
    directive: bool,
) -> Option<Block> {
    let content = content.strip_suffix('\n').unwrap_or(content);
    if content.trim().is_empty() {
        return None;
    }
    let first = idx.line_of(fence_start) + 1;
    let last = idx.len() - 1;
    let options = if directive {
        let lines: Vec<&str> = content.split('\n').collect();
        let opts = lines
            .iter()
            .take_while(|l| super::directives::is_option(l))
            .count();
        // The blank line that ends the options goes with them.
        opts + if opts > 0 {
            lines[opts..]
                .iter()
                .take_while(|l| l.trim().is_empty())
                .count()
        } else {
            0
        }
    } else {
        0
    };
    let segs = content
        .split('\n')
        .enumerate()
        .skip(options)
        .map(|(i, line)| {
            let text = line.strip_suffix('\r').unwrap_or(line);
            let doc_line = (first + i).min(last);
            let doc_chars = idx.text(doc_line).chars().count();
            Segment {
                line: doc_line,
                // Exact whenever the content is a suffix of the document line,
                // i.e. always except where a tab was split into spaces.
                col: doc_chars.saturating_sub(text.chars().count()),
                text: text.to_string(),
            }
        })
        .collect();
    block_from_segments(segs)
}
