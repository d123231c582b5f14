//! Tagged blocks: `<Mermaid_Diagram>…</Mermaid_Diagram>` (any case, attributes
//! allowed) and the HTML wrappers `<pre class="mermaid">…</pre>` and
//! `<div class="mermaid">…</div>`.
//!
//! - A `<Mermaid_Diagram>` holding a fence (```` ``` ```` or `~~~`, three or
//!   more, info `mermaid …` or empty) gives the fence's content, with up to the
//!   fence's indentation removed from each line; otherwise it gives the tag's
//!   whole content.
//! - `<pre>`/`<div>` content is HTML-decoded (`&lt; &gt; &amp; &quot; &#39;`
//!   `&apos;` and numeric references). A line's column offset points at the
//!   start of its text, so columns after an entity on the same line are off by
//!   the entity's extra length (one offset per line cannot say more).
//! - The rest of the line after an opening tag and the start of the line
//!   before a closing tag are dropped when they are only whitespace.
//! - A `<Mermaid_Diagram>` never closed takes the rest of the document (a
//!   scraped page cut short still shows its diagram, and a parse error points
//!   at it). A `<pre>`/`<div>` never closed is not a diagram: it is more often
//!   prose mentioning the markup, and taking the rest would swallow the
//!   diagrams after it.
//! - Tags inside a block already found are not looked at.

use std::ops::Range;

use super::lines::{block_from_segments, segments, trim_edges, LineIndex, Segment};
use super::markdown::info_is_mermaid;
use super::Block;

/// Longest opening tag looked at; anything longer is not a tag.
const MAX_TAG_LEN: usize = 4096;

/// One tagged region: from its `<` to the end of its closing tag (or the
/// document's end), and its block (`None` when it holds only whitespace).
#[derive(Debug)]
pub(crate) struct TaggedRegion {
    pub(crate) range: Range<usize>,
    pub(crate) block: Option<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// `<Mermaid_Diagram>`.
    Diagram,
    /// `<pre class="mermaid">` or `<div class="mermaid">`: the element name.
    Html(&'static str),
}

struct OpenTag {
    kind: TagKind,
    /// Byte after the `>`.
    end: usize,
    self_closing: bool,
}

/// Find every tagged region, in document order. `skip(pos)` says an opening
/// tag whose `<` is at `pos` must be ignored (it sits in Markdown code).
pub(crate) fn scan(
    text: &str,
    idx: &LineIndex<'_>,
    skip: impl Fn(usize) -> bool,
) -> Vec<TaggedRegion> {
    let mut out = Vec::new();
    let mut unclosed: Vec<&str> = Vec::new();
    let mut pos = 0;
    while let Some(off) = text[pos..].find('<') {
        let lt = pos + off;
        pos = lt + 1;
        let Some(tag) = parse_open_tag(text, lt) else {
            continue;
        };
        if skip(lt) {
            continue;
        }
        if tag.self_closing {
            out.push(TaggedRegion {
                range: lt..tag.end,
                block: None,
            });
            pos = tag.end;
            continue;
        }
        let name = match tag.kind {
            TagKind::Diagram => "mermaid_diagram",
            TagKind::Html(name) => name,
        };
        // Once a closing tag is missing after some point, it is missing after
        // every later point too: remember it, so scanning stays linear.
        let close = if unclosed.contains(&name) {
            None
        } else {
            find_close(text, tag.end, name)
        };
        let (content_end, region_end) = match close {
            Some(close) => close,
            None if tag.kind == TagKind::Diagram => (text.len(), text.len()),
            // An HTML wrapper never closed is more likely prose about HTML
            // than a diagram: not a block.
            None => {
                unclosed.push(name);
                continue;
            }
        };
        let mut segs = segments(idx, tag.end, content_end);
        trim_edges(&mut segs);
        let block = match tag.kind {
            TagKind::Diagram => block_from_segments(fence_content(segs)),
            TagKind::Html(_) => {
                for s in &mut segs {
                    s.text = decode_entities(&s.text);
                }
                block_from_segments(segs)
            }
        };
        out.push(TaggedRegion {
            range: lt..region_end,
            block,
        });
        pos = region_end;
    }
    out
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Parse an opening tag whose `<` is at `lt`; `Some` only for the tags we want.
fn parse_open_tag(text: &str, lt: usize) -> Option<OpenTag> {
    let bytes = text.as_bytes();
    // A tag is looked at up to MAX_TAG_LEN bytes, cut back to a character
    // boundary: every slice below ends at `limit` at most.
    let mut limit = bytes.len().min(lt.saturating_add(MAX_TAG_LEN));
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let name_start = lt + 1;
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut i = name_start;
    while i < limit && is_name_byte(bytes[i]) {
        i += 1;
    }
    let name = &text[name_start..i];
    let kind = if name.eq_ignore_ascii_case("mermaid_diagram") {
        TagKind::Diagram
    } else if name.eq_ignore_ascii_case("pre") {
        TagKind::Html("pre")
    } else if name.eq_ignore_ascii_case("div") {
        TagKind::Html("div")
    } else {
        return None;
    };
    // Attributes: `name`, `name=value`, `name="value"`, `name='value'`.
    let mut mermaid_class = false;
    loop {
        while i < limit && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            _ if i >= limit => return None,
            Some(b'>') => {
                let self_closing = bytes[i - 1] == b'/';
                let ok = kind == TagKind::Diagram || mermaid_class;
                return ok.then_some(OpenTag {
                    kind,
                    end: i + 1,
                    self_closing,
                });
            }
            Some(b'/') => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let attr_start = i;
        while i < limit
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let attr = &text[attr_start..i];
        if attr.contains('<') {
            // `<div <div …`: not a tag.
            return None;
        }
        while i < limit && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= limit || bytes[i] != b'=' {
            continue;
        }
        i += 1;
        while i < limit && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match bytes.get(i) {
            Some(&q) if i < limit && (q == b'"' || q == b'\'') => {
                let start = i + 1;
                let len = bytes[start..limit].iter().position(|&b| b == q)?;
                i = start + len + 1;
                &text[start..start + len]
            }
            _ => {
                let start = i;
                while i < limit && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                &text[start..i]
            }
        };
        if attr.eq_ignore_ascii_case("class")
            && value
                .split_ascii_whitespace()
                .any(|c| c.eq_ignore_ascii_case("mermaid"))
        {
            mermaid_class = true;
        }
    }
}

/// Length of `</name` at `at` followed by whitespace, `/` or `>`
/// (name compared without case); 0 when there is none.
fn tag_at(bytes: &[u8], at: usize, prefix: &str, name: &str) -> usize {
    let n = prefix.len() + name.len();
    let Some(head) = bytes.get(at..at + n) else {
        return 0;
    };
    let matches = head[..prefix.len()] == *prefix.as_bytes()
        && head[prefix.len()..].eq_ignore_ascii_case(name.as_bytes());
    match bytes.get(at + n) {
        Some(&b) if matches && (b == b'>' || b == b'/' || b.is_ascii_whitespace()) => n,
        _ => 0,
    }
}

/// Find the first `</name …>` from `from`: `(start of the closing tag, byte
/// after it)`. Elements are not nested: the first closing tag ends the block
/// (a diagram's text has no raw `</div>`; HTML escapes it).
fn find_close(text: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = from;
    while let Some(off) = text[pos..].find('<') {
        let lt = pos + off;
        pos = lt + 1;
        let close = tag_at(bytes, lt, "</", name);
        if close > 0 {
            let gt = bytes[lt + close..].iter().position(|&b| b == b'>')?;
            return Some((lt, lt + close + gt + 1));
        }
    }
    None
}

/// Leading spaces and tabs of a line (single bytes each).
fn indent(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

/// A fence run at the start of `s` (after indentation): its char and length.
fn fence_run(s: &str) -> Option<(char, usize)> {
    let rest = &s[indent(s)..];
    let c = rest.chars().next().filter(|&c| c == '`' || c == '~')?;
    let n = rest.len() - rest.trim_start_matches(c).len();
    (n >= 3).then_some((c, n))
}

/// Inside a `<Mermaid_Diagram>`: the content of its first `mermaid` (or
/// unlabelled) fence, or all of `segs` when there is none. An unclosed fence
/// runs to the end of the tag.
fn fence_content(segs: Vec<Segment>) -> Vec<Segment> {
    let open = segs.iter().position(|s| {
        fence_run(&s.text).is_some_and(|(c, n)| {
            let info = s.text[indent(&s.text) + n..].trim();
            (c == '~' || !info.contains('`')) && (info.is_empty() || info_is_mermaid(info))
        })
    });
    let Some(open) = open else {
        return segs;
    };
    let fence_indent = indent(&segs[open].text);
    let (fc, flen) = fence_run(&segs[open].text).unwrap_or(('`', 3));
    let mut out = Vec::new();
    for s in segs.into_iter().skip(open + 1) {
        if let Some((c, n)) = fence_run(&s.text) {
            let rest = &s.text[indent(&s.text) + n..];
            if c == fc && n >= flen && rest.trim().is_empty() {
                break;
            }
        }
        let cut = indent(&s.text).min(fence_indent);
        out.push(Segment {
            line: s.line,
            col: s.col + cut,
            text: s.text[cut..].to_string(),
        });
    }
    out
}

/// Decode the few HTML character references a `<pre>`/`<div>` body uses.
/// Unknown or malformed references are kept as written.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.as_bytes()[1..]
            .iter()
            .take(12)
            .position(|&b| b == b';')
            .and_then(|semi| decode_entity(&rest[1..1 + semi]).map(|c| (c, semi + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}
