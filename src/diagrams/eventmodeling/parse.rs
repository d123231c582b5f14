//! Event model source → [`EventModel`].
//!
//! Grammar (Mermaid 11, `eventmodeling`), compact and relaxed forms:
//!
//! ```text
//! frame := (tf | timeframe | rf | resetframe) NUMBER KIND NAME [DATA] (->> NUMBER)*
//! KIND  := ui | pcr | processor | cmd | command | rmo | readmodel | evt | event
//! NAME  := [Namespace.]Name
//! DATA  := { inline data } | [[DataName]]
//! data DataName { … }        (the block may start on the next line)
//! ```
//!
//! Plus `title`, `accTitle:` / `accDescr:`, `%%` comments and `%%{…}%%`
//! directives. `->>` may name frames defined later.

use super::model::{EventModel, Frame, Kind};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

const EXPECTED: &str = "expected `tf`/`timeframe`, `rf`/`resetframe`, `data` or `title`";

fn kind(word: &str) -> Option<Kind> {
    Some(match word {
        "ui" => Kind::Ui,
        "pcr" | "processor" => Kind::Processor,
        "cmd" | "command" => Kind::Command,
        "rmo" | "readmodel" => Kind::ReadModel,
        "evt" | "event" => Kind::Event,
        _ => return None,
    })
}

/// Byte offset of `inner` (a slice of `outer`) in `outer`.
fn offset(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

fn first_word(s: &str) -> &str {
    let t = s.trim_start();
    let n = t.find(char::is_whitespace).unwrap_or(t.len());
    &t[..n]
}

/// Data lines of a `{ … }` body (commas and newlines separate entries).
fn data_lines(inner: &str) -> Vec<String> {
    inner
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_end_matches(',').trim().to_string())
        .collect()
}

/// Parse an event model.
pub fn parse(pre: &Preamble<'_>) -> Result<EventModel, ParseError> {
    let source = pre.source;
    let err = |at: &str, msg: String| ParseError::at(source, at, msg);
    let mut m = EventModel {
        title: pre.title.clone(),
        ..EventModel::default()
    };
    let body = pre.body();
    let first = body.get(pre.keyword.len()..).unwrap_or("");
    let mut rest = match first.find('\n') {
        Some(n) => &first[n + 1..],
        None => "",
    };
    // (frame index, data name, where) and (frame index, source ids, where).
    let mut data_refs: Vec<(usize, &str)> = Vec::new();
    let mut links: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    while !rest.is_empty() {
        let end = rest.find('\n').unwrap_or(rest.len());
        let raw = rest[..end].trim_end_matches('\r');
        let next = rest.get(end + 1..).unwrap_or("");
        let line = raw.trim();
        if line.starts_with("%%{") {
            rest = match rest.find("}%%") {
                Some(q) => {
                    let after = &rest[q + 3..];
                    after.find('\n').map_or("", |n| &after[n + 1..])
                }
                None => next,
            };
            continue;
        }
        if let Some((acc, r)) = accessibility(
            source,
            &rest[raw.len() - raw.trim_start_matches([' ', '\t']).len()..],
        )? {
            match acc {
                Accessibility::Title(t) => m.acc_title = Some(t),
                Accessibility::Description(d) => m.acc_descr = Some(d),
            }
            rest = r.strip_prefix('\n').unwrap_or(r);
            continue;
        }
        if line.is_empty() || line.starts_with("%%") {
            rest = next;
            continue;
        }
        let kw = first_word(line);
        let args = line[kw.len()..].trim();
        match kw {
            "title" => {
                m.title = Some(args.to_string());
                rest = next;
            }
            "data" => {
                let name = first_word(args);
                if name.is_empty() || name.starts_with('{') {
                    return Err(err(
                        kw,
                        "expected a name after `data` (e.g. `data ItemAdded { … }`)".into(),
                    ));
                }
                // The block: `{` on this line or the next, up to `}`.
                let from = rest.get(offset(rest, args) + name.len()..).unwrap_or("");
                let Some(open) = from.find('{') else {
                    return Err(err(
                        name,
                        format!("expected `{{` to start the data of `{name}`"),
                    ));
                };
                let between = &from[..open];
                if !between.trim().is_empty() {
                    let w = first_word(between);
                    return Err(err(
                        w,
                        format!("unexpected `{w}`: expected `{{` after `data {name}`"),
                    ));
                }
                let after_open = &from[open + 1..];
                let Some(close) = after_open.find('}') else {
                    return Err(err(
                        &from[open..open + 1],
                        format!("unclosed data block of `{name}`: expected `}}`"),
                    ));
                };
                blocks.push((name.to_string(), data_lines(&after_open[..close])));
                let tail = &after_open[close + 1..];
                rest = tail.find('\n').map_or("", |n| &tail[n + 1..]);
            }
            "tf" | "timeframe" | "rf" | "resetframe" => {
                let reset = kw.starts_with('r');
                let id = first_word(args);
                if id.is_empty() {
                    return Err(err(
                        kw,
                        format!(
                            "expected a frame number after `{kw}` (e.g. `{kw} 01 cmd AddItem`)"
                        ),
                    ));
                }
                let r = args[id.len()..].trim_start();
                let kw2 = first_word(r);
                let Some(k) = kind(kw2) else {
                    let at = if kw2.is_empty() { id } else { kw2 };
                    return Err(err(at, format!("expected the frame's kind after `{id}` (ui, pcr, cmd, rmo or evt), found `{kw2}`")));
                };
                let r = r[kw2.len()..].trim_start();
                let full = first_word(r);
                if full.is_empty() || full.starts_with(['{', '[']) || full == "->>" {
                    return Err(err(kw2, format!("expected a name after `{kw2}`")));
                }
                let mut r = r[full.len()..].trim_start();
                let (namespace, name) = match full.rsplit_once('.') {
                    Some((ns, n)) if !ns.is_empty() && !n.is_empty() => {
                        (Some(ns.to_string()), n.to_string())
                    }
                    _ => (None, full.to_string()),
                };
                let mut data = Vec::new();
                let index = m.frames.len();
                if let Some(x) = r.strip_prefix("[[") {
                    let Some(e) = x.find("]]") else {
                        return Err(err(&r[..2], "unclosed `[[`: expected `]]`".into()));
                    };
                    data_refs.push((index, x[..e].trim()));
                    r = x[e + 2..].trim_start();
                } else if let Some(x) = r.strip_prefix('{') {
                    let Some(e) = x.find('}') else {
                        return Err(err(
                            &r[..1],
                            "unclosed `{`: expected `}` on the same line".into(),
                        ));
                    };
                    data = x[..e]
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                    r = x[e + 1..].trim_start();
                }
                let mut srcs = Vec::new();
                while let Some(x) = r.strip_prefix("->>") {
                    let t = first_word(x);
                    if t.is_empty() {
                        return Err(err(&r[..3], "expected a frame number after `->>`".into()));
                    }
                    srcs.push(t);
                    r = x.trim_start()[t.len()..].trim_start();
                }
                if !r.is_empty() && !r.starts_with("%%") {
                    let w = first_word(r);
                    return Err(err(w, format!("unexpected `{w}` after frame `{id}`: expected data (`{{ … }}` or `[[Name]]`) or `->> NUMBER`")));
                }
                if !namespace.as_ref().is_some_and(|_| k == Kind::Event) {
                    // Namespaces make stream lanes for events only.
                } else if let Some(ns) = &namespace {
                    if !m.streams.contains(ns) {
                        m.streams.push(ns.clone());
                    }
                }
                crate::diagrams::budget::nodes(source, id, m.frames.len() + 1, "frame")?;
                m.frames.push(Frame {
                    id: id.to_string(),
                    kind: k,
                    name,
                    namespace: namespace.filter(|_| k == Kind::Event),
                    reset,
                    data,
                    sources: Vec::new(),
                });
                if !srcs.is_empty() {
                    links.push((index, srcs));
                }
                rest = next;
            }
            _ => return Err(err(kw, format!("unexpected `{kw}`: {EXPECTED}"))),
        }
    }
    for (k, name) in data_refs {
        match blocks.iter().find(|(n, _)| n == name) {
            Some((_, lines)) => {
                if let Some(f) = m.frames.get_mut(k) {
                    f.data = lines.clone();
                }
            }
            None => {
                return Err(err(
                    name,
                    format!("no `data {name} {{ … }}` block for `[[{name}]]`"),
                ))
            }
        }
    }
    for (k, srcs) in links {
        let mut idx = Vec::new();
        for s in srcs {
            match m.frames.iter().position(|f| f.id == s) {
                Some(i) => idx.push(i),
                None => {
                    return Err(err(
                        s,
                        format!(
                            "`->> {s}` names no frame: expected the number of a `tf`/`rf` line"
                        ),
                    ))
                }
            }
        }
        if let Some(f) = m.frames.get_mut(k) {
            f.sources = idx;
        }
    }
    Ok(m)
}
