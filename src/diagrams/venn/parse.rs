//! Venn source → [`Venn`].
//!
//! Grammar (Mermaid 11, `venn-beta`):
//!
//! ```text
//! venn-beta
//! statement := title text
//!            | set ID [label] [:N]
//!            | union ID, ID[, ID…] [label] [:N]      (IDs defined by earlier sets)
//!            | text (ID label | label | "string" | word)   (indented: in the last set/union)
//!            | style ID[,ID…] prop:value[, prop:value…]
//!            | accTitle: … | accDescr: … | accDescr { … }
//! ID    := word ([A-Za-z0-9_.-]+) | "quoted"
//! label := ["text"] | [text]
//! ```
//!
//! `%%` comment lines and `%%{…}%%` directives are skipped.

use super::model::{Area, Style, TextNode, Venn};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

const EXPECTED: &str =
    "expected `set`, `union`, `text`, `style`, `title`, `accTitle:` or `accDescr:`";

/// The style properties Mermaid's Venn diagrams understand.
pub const STYLE_PROPS: [&str; 5] = ["fill", "color", "stroke", "stroke-width", "fill-opacity"];

struct P<'a> {
    source: &'a str,
}

impl<'a> P<'a> {
    fn err(&self, at: &str, msg: impl Into<String>) -> ParseError {
        ParseError::at(self.source, at, msg)
    }
}

/// Most sets in one diagram: the layout weighs every pair of circles
/// (400 rounds) and searches each label's region, so its cost grows with
/// the square of the sets; 64 overlapping circles are already unreadable.
pub const MAX_SETS: usize = 64;
/// Most unions in one diagram (each pair of sets looks at every union).
pub const MAX_UNIONS: usize = 1024;

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// The first blank-separated token (for messages), or the empty end.
fn token(s: &str) -> &str {
    let n = s
        .find([' ', '\t', ','])
        .filter(|&n| n > 0)
        .unwrap_or(s.len());
    &s[..n]
}

/// Parse a Venn diagram.
pub fn parse(pre: &Preamble<'_>) -> Result<Venn, ParseError> {
    let source = pre.source;
    let p = P { source };
    let mut v = Venn {
        title: pre.title.clone(),
        ..Venn::default()
    };
    let body = pre.body();
    let first = body.get(pre.keyword.len()..).unwrap_or("");
    let header_rest = first.split('\n').next().unwrap_or("").trim();
    if !header_rest.is_empty() && !header_rest.starts_with("%%") {
        let at = first.trim_start_matches([' ', '\t']);
        return Err(p.err(
            token(at),
            format!(
                "unexpected `{}` after `{}`: statements go on the next lines",
                token(at),
                pre.keyword
            ),
        ));
    }
    let mut rest = match first.find('\n') {
        Some(n) => &first[n + 1..],
        None => "",
    };
    // Which area the indented `text` lines go to: (is_union, index, indent).
    let mut current: Option<(bool, usize, usize)> = None;
    while !rest.is_empty() {
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let raw = rest[..line_end].trim_end_matches('\r');
        let next = rest.get(line_end + 1..).unwrap_or("");
        let line = raw.trim_start_matches([' ', '\t']);
        let indent = raw.len() - line.len();
        if line.trim().is_empty() {
            rest = next;
            continue;
        }
        if let Some(d) = line.strip_prefix("%%{") {
            let start = offset(rest, d);
            rest = match rest[start..].find("}%%") {
                Some(q) => {
                    let after = &rest[start + q + 3..];
                    match after.find('\n') {
                        Some(n) => &after[n + 1..],
                        None => "",
                    }
                }
                None => next,
            };
            continue;
        }
        if line.starts_with("%%") {
            rest = next;
            continue;
        }
        if let Some((acc, r)) = accessibility(
            source,
            &rest[raw.len() - raw.trim_start_matches([' ', '\t']).len()..],
        )? {
            match acc {
                Accessibility::Title(t) => v.acc_title = Some(t),
                Accessibility::Description(d) => v.acc_descr = Some(d),
            }
            rest = r.strip_prefix('\n').unwrap_or(r);
            continue;
        }
        let line = strip_comment(line).trim_end();
        let (kw, args) = split_kw(line);
        match kw {
            "title" => v.title = Some(args.trim().to_string()),
            "set" => {
                let (id, r) = ident(&p, args, "a set name")?;
                let (label, size) = label_size(&p, r, &id)?;
                if v.sets.iter().any(|s| s.id == id) {
                    return Err(p.err(
                        token(args.trim_start()),
                        format!("set `{id}` is defined twice"),
                    ));
                }
                if v.sets.len() >= MAX_SETS {
                    return Err(p.err(
                        token(args.trim_start()),
                        format!("too many sets (at most {MAX_SETS}: the layout weighs every pair of circles)"),
                    ));
                }
                v.sets.push(Area {
                    sets: vec![v.sets.len()],
                    id,
                    label,
                    size,
                    texts: Vec::new(),
                });
                current = Some((false, v.sets.len() - 1, indent));
            }
            "union" => {
                let mut ids = Vec::new();
                let mut r = args;
                loop {
                    let at = r.trim_start_matches([' ', '\t']);
                    let (id, after) = ident(&p, r, "a set name")?;
                    let Some(k) = v.sets.iter().position(|s| s.id == id) else {
                        return Err(p.err(
                            token(at),
                            format!("`union` names `{id}`, which is not a set defined above (define it with `set {id}` first)"),
                        ));
                    };
                    ids.push(k);
                    let a = after.trim_start_matches([' ', '\t']);
                    match a.strip_prefix(',') {
                        Some(x) => r = x,
                        None => {
                            r = after;
                            break;
                        }
                    }
                }
                ids.sort_unstable();
                ids.dedup();
                if ids.len() < 2 {
                    return Err(p.err(
                        token(args.trim_start()),
                        "a `union` needs at least two different sets (`union A, B`)",
                    ));
                }
                let id = ids
                    .iter()
                    .map(|&k| v.sets[k].id.as_str())
                    .collect::<Vec<_>>()
                    .join(",");
                let (label, size) = label_size(&p, r, &id)?;
                if let Some(u) = v.unions.iter_mut().find(|u| u.sets == ids) {
                    u.label = label.or(u.label.take());
                    u.size = size.or(u.size);
                    let k = v.unions.iter().position(|u| u.sets == ids).unwrap_or(0);
                    current = Some((true, k, indent));
                } else {
                    if v.unions.len() >= MAX_UNIONS {
                        return Err(p.err(
                            token(args.trim_start()),
                            format!("too many unions (at most {MAX_UNIONS})"),
                        ));
                    }
                    v.unions.push(Area {
                        sets: ids,
                        id,
                        label,
                        size,
                        texts: Vec::new(),
                    });
                    current = Some((true, v.unions.len() - 1, indent));
                }
            }
            "text" => {
                let Some((is_union, k, _)) = current else {
                    return Err(p.err(
                        kw,
                        "`text` must follow a `set` or `union` (indented under it)",
                    ));
                };
                let node = text_node(&p, args)?;
                let area = if is_union {
                    v.unions.get_mut(k)
                } else {
                    v.sets.get_mut(k)
                };
                if let Some(a) = area {
                    a.texts.push(node);
                }
            }
            "style" => v.styles.push(style(&p, args, kw)?),
            _ => {
                let w = token(line);
                return Err(p.err(w, format!("unexpected `{w}`: {EXPECTED}")));
            }
        }
        rest = next;
    }
    Ok(v)
}

fn offset(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// Text before a `%%` comment that is not inside quotes.
fn strip_comment(s: &str) -> &str {
    let mut quoted = false;
    let b = s.as_bytes();
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == '%' && !quoted && b.get(i + 1) == Some(&b'%') {
            return &s[..i];
        }
    }
    s
}

/// The keyword (first word) and the rest.
fn split_kw(line: &str) -> (&str, &str) {
    let n = line.find([' ', '\t']).unwrap_or(line.len());
    (&line[..n], &line[n..])
}

/// An identifier: a word or a quoted string. Returns it and the rest.
fn ident<'a>(p: &P<'_>, s: &'a str, what: &str) -> Result<(String, &'a str), ParseError> {
    let t = s.trim_start_matches([' ', '\t']);
    if let Some(q) = t.strip_prefix('"') {
        return match q.find('"') {
            Some(e) => Ok((q[..e].to_string(), &q[e + 1..])),
            None => Err(p.err(&t[..1], "unclosed `\"`: missing the closing quote")),
        };
    }
    let n = t.find(|c: char| !is_word(c)).unwrap_or(t.len());
    if n == 0 {
        let at = if t.is_empty() {
            t
        } else {
            &t[..t.chars().next().map_or(0, char::len_utf8)]
        };
        let found = if t.is_empty() {
            "the end of the line".to_string()
        } else {
            format!("`{at}`")
        };
        return Err(p.err(
            at,
            format!("expected {what} (a word or a \"quoted\" name), found {found}"),
        ));
    }
    Ok((t[..n].to_string(), &t[n..]))
}

/// `["label"]` or `[label]` at the start of `s` (after blanks).
fn label<'a>(p: &P<'_>, s: &'a str) -> Result<Option<(String, &'a str)>, ParseError> {
    let t = s.trim_start_matches([' ', '\t']);
    let Some(b) = t.strip_prefix('[') else {
        return Ok(None);
    };
    let Some(e) = b.find(']') else {
        return Err(p.err(&t[..1], "unclosed `[`: expected `]` after the label"));
    };
    let inner = b[..e].trim();
    let inner = inner
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(inner);
    Ok(Some((inner.to_string(), &b[e + 1..])))
}

/// `[label] [:N]` and the end of the line.
fn label_size(p: &P<'_>, s: &str, id: &str) -> Result<(Option<String>, Option<f64>), ParseError> {
    let (lab, r) = match label(p, s)? {
        Some((l, r)) => (Some(l), r),
        None => (None, s),
    };
    let r = r.trim_start_matches([' ', '\t']);
    let mut size = None;
    let mut tail = r;
    if let Some(n) = r.strip_prefix(':') {
        let n = n.trim_start_matches([' ', '\t']);
        let e = n
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(n.len());
        let num = &n[..e];
        match num.parse::<f64>() {
            Ok(x) if x.is_finite() && x > 0.0 => size = Some(x),
            Ok(_) => {
                return Err(p.err(num, format!("the size of `{id}` must be more than 0")));
            }
            Err(_) => {
                let at = if num.is_empty() { token(n) } else { num };
                return Err(p.err(
                    at,
                    format!("expected a number after `:` for the size of `{id}` (e.g. `:10`)"),
                ));
            }
        }
        tail = &n[e..];
    }
    let tail = tail.trim();
    if !tail.is_empty() {
        let w = token(tail);
        return Err(p.err(
            w,
            format!("unexpected `{w}` after `{id}`: expected a label `[\"…\"]`, a size `:N` or the end of the line"),
        ));
    }
    Ok((lab, size))
}

/// `text` arguments: `ID["label"]`, `["label"]`, `"label"` or a word.
fn text_node(p: &P<'_>, s: &str) -> Result<TextNode, ParseError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(p.err(s, "expected the text after `text` (e.g. `text \"Item\"`)"));
    }
    if let Some((l, r)) = label(p, t)? {
        end(p, r)?;
        return Ok(TextNode { id: None, label: l });
    }
    let (id, r) = ident(p, t, "a text")?;
    if let Some((l, r)) = label(p, r)? {
        end(p, r)?;
        return Ok(TextNode {
            id: Some(id),
            label: l,
        });
    }
    // A bare word or a quoted string: the text itself (also its id).
    let rest = r.trim();
    if !rest.is_empty() && !t.starts_with('"') {
        // Unquoted words: the whole rest is the text.
        return Ok(TextNode {
            id: None,
            label: t.to_string(),
        });
    }
    end(p, r)?;
    Ok(TextNode {
        id: Some(id.clone()),
        label: id,
    })
}

fn end(p: &P<'_>, r: &str) -> Result<(), ParseError> {
    let r = r.trim();
    if r.is_empty() {
        Ok(())
    } else {
        let w = token(r);
        Err(p.err(w, format!("unexpected `{w}`: expected the end of the line")))
    }
}

/// `style` arguments.
fn style(p: &P<'_>, s: &str, kw: &str) -> Result<Style, ParseError> {
    let mut targets = Vec::new();
    let mut r = s;
    loop {
        let (id, after) = ident(p, r, "a set, union or text name to style")?;
        targets.push(id);
        let a = after.trim_start_matches([' ', '\t']);
        match a.strip_prefix(',') {
            Some(x) if !x.trim_start().contains(':') || first_is_id(x) => r = x,
            _ => {
                r = after;
                break;
            }
        }
    }
    let mut props = Vec::new();
    let body = r.trim();
    if body.is_empty() {
        return Err(p.err(
            if r.is_empty() { kw } else { r },
            "expected style properties after the names (e.g. `fill:#ff6b6b`)",
        ));
    }
    for part in body.split([',', ';']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((k, val)) = part.split_once(':') else {
            return Err(p.err(
                part,
                format!("expected `property:value` in `style`, found `{part}`"),
            ));
        };
        let k = k.trim();
        if !STYLE_PROPS.contains(&k) {
            return Err(p.err(
                k,
                format!(
                    "unknown style property `{k}`: expected one of {}",
                    STYLE_PROPS.join(", ")
                ),
            ));
        }
        props.push((k.to_string(), val.trim().to_string()));
    }
    Ok(Style { targets, props })
}

/// Whether `s` starts with another identifier followed by `,` or blanks
/// and a property (i.e. the list of names goes on).
fn first_is_id(s: &str) -> bool {
    let t = s.trim_start();
    if t.starts_with('"') {
        return true;
    }
    let n = t.find(|c: char| !is_word(c)).unwrap_or(t.len());
    let after = t[n..].trim_start();
    n > 0 && !after.starts_with(':')
}
