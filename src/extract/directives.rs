//! Line-based embeddings that wikis and static-site generators use:
//!
//! - Azure DevOps wiki: `::: mermaid` / `:::mermaid` … `:::`;
//! - MyST colon fences: `:::{mermaid}` … `:::` (leading `:option: value`
//!   lines dropped);
//! - Hugo shortcodes: `{{< mermaid >}}` / `{{<mermaid align="left">}}` /
//!   `{{% mermaid %}}` … `{{< /mermaid >}}`;
//! - Jekyll/Liquid: `{% mermaid %}` … `{% endmermaid %}`;
//! - Sphinx: `.. mermaid::` with `:option:` lines and an indented body
//!   (`.. mermaid:: file.mmd`, a file reference, is not a diagram here);
//! - AsciiDoc: `[mermaid]` (with attributes) over a `....` or `----`
//!   delimited block.
//!
//! Each form is recognised only at the start of a line (after indentation)
//! and gives the block with its document lines, so errors point into the
//! document. An opening without its closing is not a diagram.

use std::ops::Range;

use super::lines::{block_from_segments, LineIndex, Segment};
use super::Block;

/// One embedding found: the byte range of the whole construct and its block
/// (`None` when it holds only whitespace).
pub(crate) type Found = (Range<usize>, Option<Block>);

/// Every line-based embedding in the document, in order, skipping any that
/// starts inside a code block or code span (`in_code` of its start byte).
pub(crate) fn scan(idx: &LineIndex<'_>, in_code: impl Fn(usize) -> bool) -> Vec<Found> {
    let mut out = Vec::new();
    let n = idx.len();
    let mut line = 0;
    while line < n {
        let start = idx.start(line);
        let text = idx.text(line);
        let first_char = start + (text.len() - text.trim_start().len());
        if in_code(first_char) {
            line += 1;
            continue;
        }
        let found = azure_or_myst(idx, line)
            .or_else(|| paired(idx, line, hugo_open, hugo_close))
            .or_else(|| paired(idx, line, liquid_open, liquid_close))
            .or_else(|| sphinx(idx, line))
            .or_else(|| asciidoc(idx, line));
        let found = found.or_else(|| other_rst_directive(idx, line).map(|last| (last, Vec::new())));
        match found {
            Some((last, segs)) if segs.is_empty() => line = last + 1,
            Some((last, segs)) => {
                let end = idx.content_end(last);
                out.push((start..end, block_from_segments(segs)));
                line = last + 1;
            }
            None => line += 1,
        }
    }
    out
}

/// Whole lines `first..last` (exclusive) as segments.
fn body(idx: &LineIndex<'_>, first: usize, last: usize) -> Vec<Segment> {
    (first..last)
        .map(|l| Segment {
            line: l,
            col: 0,
            text: idx.text(l).to_string(),
        })
        .collect()
}

/// `::: mermaid`, `:::mermaid` (Azure DevOps) or `:::{mermaid}` (MyST),
/// closed by a line of as many colons (at least three).
fn azure_or_myst(idx: &LineIndex<'_>, line: usize) -> Option<(usize, Vec<Segment>)> {
    let t = idx.text(line).trim();
    let colons = t.len() - t.trim_start_matches(':').len();
    if colons < 3 {
        return None;
    }
    let rest = t[colons..].trim();
    let myst = rest == "{mermaid}" || rest.starts_with("{mermaid} ");
    if !(myst || rest.eq_ignore_ascii_case("mermaid")) {
        return None;
    }
    let fence = &t[..colons];
    let close = (line + 1..idx.len()).find(|&l| idx.text(l).trim() == fence)?;
    let mut first = line + 1;
    if myst {
        // Directive options come first: `:name: value`, then a blank line.
        while first < close && is_option(idx.text(first)) {
            first += 1;
        }
        if first > line + 1 {
            while first < close && idx.text(first).trim().is_empty() {
                first += 1;
            }
        }
    }
    Some((close, body(idx, first, close)))
}

/// A `:name: value` directive option line (MyST, Sphinx).
pub(crate) fn is_option(s: &str) -> bool {
    let t = s.trim();
    t.len() > 2
        && t.starts_with(':')
        && t[1..].find(':').is_some_and(|p| {
            p > 0
                && t[1..1 + p]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
}

/// A form whose opening and closing are whole lines: the body is the lines
/// between them.
fn paired(
    idx: &LineIndex<'_>,
    line: usize,
    open: fn(&str) -> bool,
    close: fn(&str) -> bool,
) -> Option<(usize, Vec<Segment>)> {
    if !open(idx.text(line).trim()) {
        return None;
    }
    let end = (line + 1..idx.len()).find(|&l| close(idx.text(l).trim()))?;
    Some((end, body(idx, line + 1, end)))
}

/// The inside of `{{< … >}}` or `{{% … %}}`.
fn shortcode(t: &str) -> Option<&str> {
    let inner = t
        .strip_prefix("{{<")
        .and_then(|r| r.strip_suffix(">}}"))
        .or_else(|| t.strip_prefix("{{%").and_then(|r| r.strip_suffix("%}}")))?;
    Some(inner.trim())
}

fn hugo_open(t: &str) -> bool {
    shortcode(t).is_some_and(|i| {
        i == "mermaid"
            || i.strip_prefix("mermaid")
                .is_some_and(|r| r.starts_with(' '))
    })
}

fn hugo_close(t: &str) -> bool {
    shortcode(t).is_some_and(|i| i.strip_prefix('/').is_some_and(|r| r.trim() == "mermaid"))
}

/// The inside of `{% … %}` (with Liquid's `-` whitespace control).
fn liquid(t: &str) -> Option<&str> {
    let inner = t.strip_prefix("{%")?.strip_suffix("%}")?;
    Some(inner.trim_matches('-').trim())
}

fn liquid_open(t: &str) -> bool {
    liquid(t).is_some_and(|i| {
        i == "mermaid"
            || i.strip_prefix("mermaid")
                .is_some_and(|r| r.starts_with(' '))
    })
}

fn liquid_close(t: &str) -> bool {
    liquid(t) == Some("endmermaid")
}

fn indent_of(s: &str) -> usize {
    s.chars().take_while(|c| *c == ' ' || *c == '\t').count()
}

/// `.. mermaid::` with an indented body (options and blank lines first);
/// the body ends at the first non-blank line indented no deeper than the
/// directive.
fn sphinx(idx: &LineIndex<'_>, line: usize) -> Option<(usize, Vec<Segment>)> {
    let head = idx.text(line);
    let t = head.trim_start();
    let arg = t.strip_prefix(".. mermaid::")?;
    if !arg.trim().is_empty() {
        return None; // `.. mermaid:: diagram.mmd` names a file.
    }
    let base = indent_of(head);
    let n = idx.len();
    let mut l = line + 1;
    while l < n && (idx.text(l).trim().is_empty() || is_option(idx.text(l))) {
        if !idx.text(l).trim().is_empty() && indent_of(idx.text(l)) <= base {
            return None;
        }
        l += 1;
    }
    let first = l;
    let mut last = first;
    let mut body_indent = usize::MAX;
    while l < n {
        let s = idx.text(l);
        if !s.trim().is_empty() {
            let ind = indent_of(s);
            if ind <= base {
                break;
            }
            body_indent = body_indent.min(ind);
            last = l + 1;
        }
        l += 1;
    }
    if body_indent == usize::MAX {
        return None;
    }
    let segs = (first..last)
        .map(|l| {
            let s = idx.text(l);
            let cut = s
                .char_indices()
                .nth(body_indent)
                .map_or(s.len(), |(b, _)| b);
            let cut = if s.trim().is_empty() { s.len() } else { cut };
            Segment {
                line: l,
                col: s[..cut].chars().count(),
                text: s[cut..].to_string(),
            }
        })
        .collect();
    Some((last.saturating_sub(1).max(line), segs))
}

/// Another reStructuredText directive (`.. code-block::`, `.. note::`, …):
/// the last line of its indented body, which is skipped whole so a
/// `.. mermaid::` quoted inside it is not taken for a diagram.
fn other_rst_directive(idx: &LineIndex<'_>, line: usize) -> Option<usize> {
    let head = idx.text(line);
    let t = head.trim_start().strip_prefix(".. ")?;
    let name_end = t.find("::")?;
    let name = &t[..name_end];
    if name.is_empty()
        || name == "mermaid"
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == ':')
    {
        return None;
    }
    let base = indent_of(head);
    let mut last = line;
    for l in line + 1..idx.len() {
        let s = idx.text(l);
        if s.trim().is_empty() {
            continue;
        }
        if indent_of(s) <= base {
            break;
        }
        last = l;
    }
    Some(last)
}

/// `[mermaid]` or `[mermaid, …]` then a delimiter line (`....` or `----`,
/// four or more) and the body up to the same delimiter.
fn asciidoc(idx: &LineIndex<'_>, line: usize) -> Option<(usize, Vec<Segment>)> {
    let t = idx.text(line).trim();
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    let name = inner.split(',').next().unwrap_or("").trim();
    if name != "mermaid" {
        return None;
    }
    let delim_line = line + 1;
    if delim_line >= idx.len() {
        return None;
    }
    let d = idx.text(delim_line).trim();
    let is_delim = d.len() >= 4 && (d.chars().all(|c| c == '.') || d.chars().all(|c| c == '-'));
    if !is_delim {
        return None;
    }
    let close = (delim_line + 1..idx.len()).find(|&l| idx.text(l).trim() == d)?;
    Some((close, body(idx, delim_line + 1, close)))
}
