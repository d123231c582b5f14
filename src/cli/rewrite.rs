//! `--rewrite`: a copy of a Markdown document in which every fenced diagram
//! is replaced by an image link, every other byte unchanged.

use mermaid_render::extract::Block;
use std::path::PathBuf;

/// `text` with each block's whole fence (opening and closing lines
/// included) replaced by `![title](link)`; `link` is the image's path
/// beside the copy (only its file name is used: the copy and its images
/// share one folder). A block that is not a fence of its own lines (e.g. a
/// `<pre class="mermaid">` on one line) is left as it is.
pub fn rewrite(text: &str, blocks: &[(&Block, PathBuf)], keep_source: bool) -> String {
    let with: Vec<(&Block, String)> = blocks
        .iter()
        .map(|(b, link)| {
            let name = link
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                *b,
                format!(
                    "![{}]({})",
                    escape_alt(&title_of(&b.source)),
                    name.replace(' ', "%20")
                ),
            )
        })
        .collect();
    replace_blocks(text, &with, keep_source)
}

/// `text` with each block's whole fence replaced by one line: the fence's
/// prefix and the given text (which must hold no line break).
pub fn replace_blocks(text: &str, blocks: &[(&Block, String)], keep_source: bool) -> String {
    let lines = lines_inclusive(text);
    let mut out = String::with_capacity(text.len());
    let mut next = 0; // 0-based index of the next line to copy
    for (k, (block, with)) in blocks.iter().enumerate() {
        let (Some(first), Some(last)) = (block.lines.first(), block.lines.last()) else {
            continue;
        };
        // 0-based: the opening line sits just before the first content line.
        if first.line < 2 || first.line - 2 < next {
            continue;
        }
        let open = first.line - 2;
        let Some((prefix, ch, n)) = fence_of(lines[open]) else {
            continue;
        };
        // The closing line: the first line after the content that closes
        // the fence, before the next block.
        let limit = blocks
            .get(k + 1)
            .map_or(lines.len(), |(b, _)| b.first_line().saturating_sub(2));
        let close = (last.line..limit.min(lines.len()))
            .find(|&i| closes(lines[i], ch, n))
            .unwrap_or(last.line.saturating_sub(1).min(lines.len() - 1));
        for l in &lines[next..open] {
            out.push_str(l);
        }
        let nl = if lines[open].ends_with("\r\n") {
            "\r\n"
        } else if lines[open].ends_with('\r') {
            "\r"
        } else {
            "\n"
        };
        let end = if lines[close].ends_with(['\n', '\r']) {
            nl
        } else {
            ""
        };
        out.push_str(&format!(
            "{prefix}{with}{}",
            if keep_source { nl } else { end }
        ));
        if keep_source {
            out.push_str(&format!(
                "{prefix}{nl}{prefix}<details><summary>Mermaid source</summary>{nl}{prefix}{nl}"
            ));
            let fence: String = std::iter::repeat_n(ch, n).collect();
            out.push_str(&format!("{prefix}{fence}text{nl}"));
            for l in &lines[open + 1..close] {
                out.push_str(l);
            }
            if close > last.line - 1 {
                out.push_str(lines[close].trim_end_matches(['\r', '\n']));
            } else {
                out.push_str(&format!("{prefix}{fence}"));
            }
            out.push_str(&format!("{nl}{prefix}{nl}{prefix}</details>{end}"));
        }
        next = close + 1;
    }
    for l in &lines[next.min(lines.len())..] {
        out.push_str(l);
    }
    out
}

/// The lines of `text` with their line endings, as extraction counts them:
/// LF, CRLF and a lone CR each end a line.
fn lines_inclusive(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..b.len() {
        let ends = b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'));
        if ends {
            out.push(&text[start..=i]);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The prefix (indentation, `>` markers), fence character and length of an
/// opening fence line (```` ``` ````, `~~~`, `:::`).
fn fence_of(line: &str) -> Option<(&str, char, usize)> {
    let body = line.trim_start_matches([' ', '\t', '>']);
    let prefix = &line[..line.len() - body.len()];
    let ch = body.chars().next()?;
    if !matches!(ch, '`' | '~' | ':') {
        return None;
    }
    let n = body.chars().take_while(|&c| c == ch).count();
    (n >= 3).then_some((prefix, ch, n))
}

fn closes(line: &str, ch: char, n: usize) -> bool {
    let body = line.trim_start_matches([' ', '\t', '>']);
    let run = body.chars().take_while(|&c| c == ch).count();
    run >= n && body[run * ch.len_utf8()..].trim().is_empty()
}

/// The front matter's `title:`, or "diagram".
fn title_of(source: &str) -> String {
    let mut lines = source.lines();
    if lines.next().map(str::trim_end) == Some("---") {
        for l in lines {
            if l.trim_end() == "---" {
                break;
            }
            if let Some(v) = l.strip_prefix("title:") {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
                if !v.is_empty() {
                    return v.to_string();
                }
            }
        }
    }
    "diagram".to_string()
}

fn escape_alt(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}
