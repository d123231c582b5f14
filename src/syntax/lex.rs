//! Shared lexing helpers for all diagram parsers: the nom error type, spans,
//! whitespace and comment skipping, identifiers, quoted strings and label
//! text decoding.
//!
//! Every parser works on `&str` slices of the one diagram source, so a
//! position is recovered from a slice by pointer offset ([`offset_in`]).

use nom::error::{ErrorKind, ParseError as NomParseError};
use nom::IResult;

use super::{ParseError, ParseErrorKind};
use crate::syntax::Span;

/// The nom error of our parsers: where it happened (the rest of the input at
/// that point), how many bytes the offending token covers and, for committed
/// errors, a message for the user.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PErr<'a> {
    pub at: &'a str,
    pub len: usize,
    pub msg: Option<String>,
}

impl<'a> NomParseError<&'a str> for PErr<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        PErr {
            at: input,
            len: 0,
            msg: None,
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

pub(crate) type PResult<'a, T> = IResult<&'a str, T, PErr<'a>>;

/// A committed error (nom `Failure`): no alternative will be tried.
pub(crate) fn fail<'a, T>(at: &'a str, len: usize, msg: impl Into<String>) -> PResult<'a, T> {
    Err(nom::Err::Failure(PErr {
        at,
        len,
        msg: Some(msg.into()),
    }))
}

/// A recoverable error (nom `Error`): the caller may try something else.
pub(crate) fn backtrack<'a, T>(at: &'a str) -> PResult<'a, T> {
    Err(nom::Err::Error(PErr {
        at,
        len: 0,
        msg: None,
    }))
}

/// Byte offset of `part` (a slice of `source`) in `source`.
pub(crate) fn offset_in(source: &str, part: &str) -> usize {
    let base = source.as_ptr() as usize;
    let p = part.as_ptr() as usize;
    p.saturating_sub(base).min(source.len())
}

/// The slice of `before` that a parser consumed to reach `after`.
pub(crate) fn consumed<'a>(before: &'a str, after: &'a str) -> &'a str {
    let n = before.len().saturating_sub(after.len());
    before.get(..n).unwrap_or("")
}

/// Span of the byte range `start..end` of `source` (1-based line and
/// character column).
pub(crate) fn span_at(source: &str, start: usize, end: usize) -> Span {
    let start = floor_boundary(source, start.min(source.len()));
    let end = floor_boundary(source, end.clamp(start, source.len()));
    let before = &source[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let col = source[line_start..start].chars().count() + 1;
    Span {
        start,
        end,
        line,
        col,
    }
}

/// Computes spans for many positions of one source in amortised linear
/// time: line starts are indexed once, and columns are counted onward from
/// the previous position when it is on the same line and not after this
/// one (the common case: spans are asked for in source order). A plain
/// [`span_at`] per edge would make a one-line 300 KB diagram quadratic.
pub(crate) struct Locator<'s> {
    source: &'s str,
    line_starts: Vec<usize>,
    /// (line start, offset, 1-based column at offset) of the last answer.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'s> Locator<'s> {
    pub(crate) fn new(source: &'s str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(p, _)| p + 1),
        );
        Locator {
            source,
            line_starts,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// Span of the byte range `start..end` (clamped to char boundaries).
    pub(crate) fn span_at(&self, start: usize, end: usize) -> Span {
        let source = self.source;
        let start = floor_boundary(source, start.min(source.len()));
        let end = floor_boundary(source, end.clamp(start, source.len()));
        let line = self.line_starts.partition_point(|&ls| ls <= start);
        let line_start = self.line_starts[line - 1];
        let (ls, off, col) = self.last.get();
        let col = if ls == line_start && off <= start {
            col + source[off..start].chars().count()
        } else {
            source[line_start..start].chars().count() + 1
        };
        self.last.set((line_start, start, col));
        Span {
            start,
            end,
            line,
            col,
        }
    }

    /// Span of a slice of the source.
    pub(crate) fn span_of(&self, part: &str) -> Span {
        let start = offset_in(self.source, part);
        self.span_at(start, start + part.len())
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Span of a slice of `source`.
pub(crate) fn span_of(source: &str, part: &str) -> Span {
    let start = offset_in(source, part);
    span_at(source, start, start + part.len())
}

/// Turn a nom error into the public error type.
pub(crate) fn to_parse_error(source: &str, err: nom::Err<PErr<'_>>) -> ParseError {
    match err {
        nom::Err::Incomplete(_) => ParseError {
            kind: ParseErrorKind::Syntax,
            message: "unexpected end of input".into(),
            span: span_at(source, source.len(), source.len()),
        },
        nom::Err::Error(e) | nom::Err::Failure(e) => {
            let start = offset_in(source, e.at);
            let message = e
                .msg
                .unwrap_or_else(|| format!("unexpected {}", describe(e.at)));
            ParseError {
                kind: ParseErrorKind::Syntax,
                message,
                span: span_at(source, start, start + e.len),
            }
        }
    }
}

/// Spaces and tabs (and a stray `\r`), not newlines.
pub(crate) fn sp0(i: &str) -> &str {
    i.trim_start_matches([' ', '\t', '\r'])
}

/// The rest of the input after the current line (the newline excluded).
pub(crate) fn skip_line(i: &str) -> &str {
    match i.find('\n') {
        Some(p) => &i[p..],
        None => &i[i.len()..],
    }
}

/// The current line up to (not including) the newline.
pub(crate) fn line_rest(i: &str) -> &str {
    &i[..i.len() - skip_line(i).len()]
}

/// Byte offset of the first character on the current line (before any
/// `\n`) for which `pred` holds. Stops at the newline, so scanning costs
/// only the bytes looked at (never the rest of a long line after a match).
pub(crate) fn find_on_line(s: &str, pred: impl Fn(char) -> bool) -> Option<usize> {
    for (p, c) in s.char_indices() {
        if c == '\n' {
            return None;
        }
        if pred(c) {
            return Some(p);
        }
    }
    None
}

/// The statement text up to (not including) the first `;` or newline.
pub(crate) fn statement_text(i: &str) -> &str {
    let n = i.find([';', '\n']).unwrap_or(i.len());
    &i[..n]
}

/// True at the end of a statement: end of input, newline, `;` or a `%%` comment.
pub(crate) fn at_statement_end(i: &str) -> bool {
    i.is_empty() || i.starts_with('\n') || i.starts_with(';') || i.starts_with("%%")
}

/// A plain word of ASCII letters, digits, `_` and `-` (diagram keywords).
pub(crate) fn keyword_word(i: &str) -> &str {
    let n = i
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(i.len());
    &i[..n]
}

/// Characters that always belong to a node id.
pub(crate) fn is_id_core(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
}

/// A node id: letters (any script), digits, `_`; `-` and `.` only between
/// such characters (so `A-->B` and `A-.->B` split at the arrow).
pub(crate) fn node_id(i: &str) -> PResult<'_, &str> {
    let mut end = 0;
    let mut chars = i.char_indices().peekable();
    while let Some((p, c)) = chars.next() {
        let ok = if is_id_core(c) {
            true
        } else if c == '-' || c == '.' {
            end > 0 && chars.peek().is_some_and(|&(_, n)| is_id_core(n))
        } else {
            false
        };
        if !ok {
            break;
        }
        end = p + c.len_utf8();
    }
    if end == 0 {
        return backtrack(i);
    }
    Ok((&i[end..], &i[..end]))
}

/// Words that cannot start a node id when a `.` or `/` follows them
/// (`end.x`, `graph/x`): Mermaid's lexer takes the keyword as a token there.
const ID_KEYWORDS: &[&str] = &[
    "flowchart-elk",
    "flowchart",
    "graph",
    "subgraph",
    "end",
    "style",
    "linkStyle",
    "interpolate",
    "classDef",
    "class",
    "_self",
    "_blank",
    "_parent",
    "_top",
];

/// ASCII punctuation Mermaid accepts inside node ids (besides `_`), with
/// the conditions checked in [`vertex_id`].
fn is_id_punct(c: char) -> bool {
    matches!(
        c,
        '!' | '#' | '$' | '%' | '*' | '+' | '.' | '?' | '\\' | '/' | '\'' | ':' | ',' | '&' | '-'
    )
}

/// True when `rest` (the text after a `&`) makes that `&` part of an id:
/// only spaces and then an arrow or the end of the statement follow it
/// (`node& --> A`, `& --> A`); otherwise `&` joins nodes (`A & B`).
fn amp_ends_id(rest: &str) -> bool {
    let t = sp0(rest);
    at_statement_end(t) || t.starts_with(['-', '=', '~', '<'])
}

/// A node id in a statement, as Mermaid's lexer reads it: letters (any
/// script), digits, `_`, and the punctuation `! # $ % * + . ? \ / ' : , & -`
/// with these limits: `-` not before `-` or `.` (an arrow starts there),
/// `.` not before `-`, `%` not before `%` (a comment), `:` not starting
/// `:::` (a class), `&` only before an arrow or the end of the statement
/// (else it joins nodes). An id must not start with a keyword followed by
/// `.` or `/` (`end.x`), which Mermaid rejects.
pub(crate) fn vertex_id(i: &str) -> PResult<'_, &str> {
    let mut end = 0;
    let mut chars = i.char_indices().peekable();
    while let Some((p, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ok = if is_id_core(c) {
            true
        } else if is_id_punct(c) {
            match c {
                '-' => !matches!(next, Some('-' | '.')),
                '.' => next != Some('-'),
                '%' => next != Some('%'),
                ':' => !i[p..].starts_with(":::"),
                '&' => p == 0 || amp_ends_id(&i[p + 1..]),
                _ => true,
            }
        } else {
            false
        };
        if !ok {
            break;
        }
        end = p + c.len_utf8();
    }
    if end == 0 {
        return backtrack(i);
    }
    let id = &i[..end];
    if !id.contains(['.', '/']) {
        return Ok((&i[end..], id));
    }
    for kw in ID_KEYWORDS {
        if let Some(r) = id.strip_prefix(kw) {
            if r.starts_with(['.', '/']) {
                return fail(
                    i,
                    end,
                    format!(
                        "a node id cannot start with the keyword `{kw}` followed by `{}` \
                         (rename the node, e.g. `{}{}`)",
                        &r[..1],
                        kw.to_ascii_uppercase(),
                        r
                    ),
                );
            }
        }
    }
    Ok((&i[end..], id))
}

/// A class name (`classDef` / `:::name`): letters, digits, `_`, `-`.
pub(crate) fn class_name(i: &str) -> PResult<'_, &str> {
    let mut end = 0;
    let mut chars = i.char_indices().peekable();
    while let Some((p, c)) = chars.next() {
        let ok = is_id_core(c) || (c == '-' && chars.peek().is_some_and(|&(_, n)| is_id_core(n)));
        if !ok {
            break;
        }
        end = p + c.len_utf8();
    }
    if end == 0 {
        return backtrack(i);
    }
    Ok((&i[end..], &i[..end]))
}

/// A double-quoted string; returns the text between the quotes. May span lines.
pub(crate) fn quoted(i: &str) -> PResult<'_, &str> {
    let Some(body) = i.strip_prefix('"') else {
        return backtrack(i);
    };
    match body.find('"') {
        Some(p) => Ok((&body[p + 1..], &body[..p])),
        None => fail(i, 1, "unclosed string: missing the closing `\"`"),
    }
}

/// How to name the next token in a message: "`x`", "end of line" or "end of input".
pub(crate) fn describe(i: &str) -> String {
    let i = sp0(i);
    if i.is_empty() {
        return "end of input".into();
    }
    if i.starts_with('\n') {
        return "end of line".into();
    }
    format!("`{}`", token_text(i))
}

/// The next token's text, for messages and spans: an id-like word, a run
/// of ASCII punctuation (`-->`), or one character.
pub(crate) fn token_text(i: &str) -> &str {
    if let Ok((_, w)) = node_id(i) {
        return w;
    }
    let punct = i
        .char_indices()
        .take_while(|&(p, c)| p < 8 && c.is_ascii_punctuation() && c != ';')
        .last()
        .map_or(0, |(p, c)| p + c.len_utf8());
    if punct > 0 {
        return &i[..punct];
    }
    match i.chars().next() {
        Some(c) => &i[..c.len_utf8()],
        None => "",
    }
}

/// Byte length of the next token (see [`token_text`]).
pub(crate) fn token_len(i: &str) -> usize {
    token_text(i).len()
}

/// Decode label text as Mermaid shows it: `<br>` variants become `\n`,
/// entity codes (`#quot;`, `#35;`, `#x23;`) are decoded, and a markdown
/// string's backticks (`"`text`"`) are dropped.
pub(crate) fn decode_text(raw: &str, quoted: bool) -> String {
    decode(raw, quoted, false)
}

/// [`decode_text`] for a label that is then read as HTML: an entity code
/// that decodes to `<` or `&` stays an HTML entity (`&lt;`, `&amp;`) so
/// that it is shown as text, never read as a tag.
pub(crate) fn decode_text_html(raw: &str, quoted: bool) -> String {
    decode(raw, quoted, true)
}

fn decode(raw: &str, quoted: bool, html: bool) -> String {
    let mut s = raw;
    if quoted && s.len() >= 2 && s.starts_with('`') && s.ends_with('`') {
        s = &s[1..s.len() - 1];
    }
    let s = if quoted { s } else { s.trim() };
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(n) = br_tag_len(rest) {
                out.push('\n');
                rest = &rest[n..];
                continue;
            }
        } else if c == '#' && !(html && out.ends_with('&')) {
            // (`&#…;` is an HTML entity, decoded with the HTML.)
            if let Some((decoded, n)) = entity(rest) {
                match decoded.as_str() {
                    "<" if html => out.push_str("&lt;"),
                    "&" if html => out.push_str("&amp;"),
                    _ => out.push_str(&decoded),
                }
                rest = &rest[n..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Length of a `<br>`, `<br/>` or `<br />` tag (any case) at the start of `s`.
fn br_tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[1..3].eq_ignore_ascii_case(b"br") {
        return None;
    }
    let mut p = 3;
    while p < b.len() && (b[p] == b' ' || b[p] == b'\t') {
        p += 1;
    }
    if p < b.len() && b[p] == b'/' {
        p += 1;
    }
    (p < b.len() && b[p] == b'>').then_some(p + 1)
}

/// A `#name;` / `#123;` / `#x1F;` entity code at the start of `s`.
fn entity(s: &str) -> Option<(String, usize)> {
    let body = &s[1..];
    let end = body.find(';')?;
    let name = &body[..end];
    if name.is_empty() || name.len() > 10 || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let decoded = if let Some(hex) = name.strip_prefix('x').or_else(|| name.strip_prefix('X')) {
        u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)?
            .to_string()
    } else if name.chars().all(|c| c.is_ascii_digit()) {
        name.parse::<u32>()
            .ok()
            .and_then(char::from_u32)?
            .to_string()
    } else {
        match name {
            "quot" => "\"",
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "apos" => "'",
            "nbsp" => "\u{a0}",
            "num" => "#",
            "semi" => ";",
            "colon" => ":",
            "hyphen" | "dash" => "-",
            "lpar" => "(",
            "rpar" => ")",
            "lsqb" => "[",
            "rsqb" => "]",
            "lcub" => "{",
            "rcub" => "}",
            "vert" => "|",
            "copy" => "©",
            "reg" => "®",
            "hearts" => "♥",
            _ => return None,
        }
        .to_string()
    };
    Some((decoded, end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_lines_and_characters() {
        let src = "ab\n中文x";
        let x = src.find('x').unwrap();
        let s = span_at(src, x, x + 1);
        assert_eq!((s.line, s.col, s.start, s.end), (2, 3, 9, 10));
        assert_eq!(span_at(src, 0, 0).col, 1);
        // Out-of-range and mid-character offsets are clamped, never a panic.
        let s = span_at(src, 4, 100);
        assert_eq!((s.line, s.start, s.end), (2, 3, src.len()));
    }

    #[test]
    fn locator_matches_span_at() {
        let src = "ab\n中文x\n\nlast line é z";
        let loc = Locator::new(src);
        let mut offsets: Vec<usize> = (0..=src.len()).collect();
        offsets.extend((0..=src.len()).rev());
        for p in offsets {
            assert_eq!(loc.span_at(p, p + 1), span_at(src, p, p + 1), "{p}");
        }
    }

    #[test]
    fn node_ids() {
        assert_eq!(node_id("A-->B"), Ok(("-->B", "A")));
        assert_eq!(node_id("a-b-->c"), Ok(("-->c", "a-b")));
        assert_eq!(node_id("A-.->B"), Ok(("-.->B", "A")));
        assert_eq!(node_id("n.1 x"), Ok((" x", "n.1")));
        assert_eq!(node_id("中美AI[x]"), Ok(("[x]", "中美AI")));
        assert_eq!(node_id("endpoint;"), Ok((";", "endpoint")));
        assert!(node_id("-->").is_err());
    }

    #[test]
    fn vertex_ids_take_mermaid_punctuation() {
        for id in ["#", ":", "&", ",", "*", ".", "\\", "-", "/", "_", "v", "0"] {
            assert_eq!(
                vertex_id(&format!("{id} --> A")),
                Ok((" --> A", id)),
                "{id}"
            );
            let end = format!("node{id}");
            assert_eq!(
                vertex_id(&format!("{end} --> A")),
                Ok((" --> A", end.as_str()))
            );
            let start = format!("{id}node");
            assert_eq!(
                vertex_id(&format!("{start} --> A")),
                Ok((" --> A", start.as_str()))
            );
        }
        assert_eq!(vertex_id("A-->B"), Ok(("-->B", "A")));
        assert_eq!(vertex_id("A-.->B"), Ok(("-.->B", "A")));
        assert_eq!(vertex_id("A&B"), Ok(("&B", "A")));
        assert_eq!(vertex_id("A:::c"), Ok((":::c", "A")));
        assert_eq!(vertex_id("odd->x]"), Ok((">x]", "odd-")));
        assert_eq!(vertex_id("A%%c"), Ok(("%%c", "A")));
        assert_eq!(vertex_id("default.node;"), Ok((";", "default.node")));
        assert_eq!(vertex_id("end-node;"), Ok((";", "end-node")));
        let Err(nom::Err::Failure(e)) = vertex_id("end.node") else {
            panic!("expected a failure");
        };
        assert_eq!(
            e.msg.as_deref(),
            Some("a node id cannot start with the keyword `end` followed by `.` (rename the node, e.g. `END.node`)")
        );
    }

    #[test]
    fn text_decoding() {
        assert_eq!(decode_text(" a<br>b<BR/>c<br />d ", false), "a\nb\nc\nd");
        assert_eq!(
            decode_text("#quot;x#quot; #35; #9829; #amp;", true),
            "\"x\" # ♥ &"
        );
        assert_eq!(decode_text("#unknown; #;", false), "#unknown; #;");
        assert_eq!(decode_text("`**bold**`", true), "**bold**");
        assert_eq!(decode_text("#99999999;", false), "#99999999;");
        assert_eq!(
            decode_text_html("#lt;b#gt; #amp; #quot; &#35;", false),
            "&lt;b> &amp; \" &#35;"
        );
    }
}
