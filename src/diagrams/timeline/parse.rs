//! Timeline source → [`Timeline`], line by line: `title`, `section`,
//! `period : event : event`, continuation lines `: event`, a period alone,
//! accessibility lines and `%%` comments. An event starts at a `:` followed
//! by a space (or the line's end), so `10:30 : Meeting` is the period
//! `10:30` with one event.

use super::model::{Period, Timeline};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// `<br>` (any spelling) as a line break.
pub(crate) fn br_lines(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    // Linear: `<br` is found without lowercasing the rest each time, and
    // only the spaces and slashes after it are looked at for its `>`.
    let find_br = |s: &str| {
        s.as_bytes().windows(3).position(|w| {
            w[0] == b'<' && w[1].eq_ignore_ascii_case(&b'b') && w[2].eq_ignore_ascii_case(&b'r')
        })
    };
    while let Some(p) = find_br(rest) {
        let after = &rest[p + 3..];
        let tail = after.trim_start_matches([' ', '\t', '\r', '\n', '/']);
        let close = tail.starts_with('>').then(|| after.len() - tail.len());
        match close {
            Some(c) if after[..c].trim().trim_end_matches('/').trim().is_empty() => {
                out.push_str(rest[..p].trim_end());
                out.push('\n');
                rest = after[c + 1..].trim_start();
            }
            _ => {
                out.push_str(&rest[..p + 3]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Split at every `:` followed by a space, a tab or the end.
fn split_events(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b':' && b.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'\t') {
            out.push(&line[start..i]);
            start = i + 1;
        }
    }
    out.push(&line[start..]);
    out
}

fn keyword<'a>(line: &'a str, kw: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(kw)?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

pub fn parse(pre: &Preamble<'_>) -> Result<Timeline, ParseError> {
    let src = pre.source;
    let body = pre.body();
    let mut t = Timeline {
        title: pre.title.clone(),
        ..Timeline::default()
    };
    let first = body.split('\n').next().unwrap_or("");
    let after = first[pre.keyword.len().min(first.len())..].trim();
    let after = after.split("%%").next().unwrap_or("").trim();
    match after {
        "" => {}
        "TD" | "LR" => t.direction = Some(after.to_string()),
        other => {
            return Err(ParseError::at(
                src,
                other,
                format!(
                    "unexpected `{other}` after `timeline` (expected `TD`, `LR` or a new line)"
                ),
            ))
        }
    }
    crate::diagrams::budget::lines(src, body)?;
    let mut rest = &body[first.len()..];
    while !rest.is_empty() {
        let trimmed = rest.trim_start_matches(['\n', '\r', ' ', '\t']);
        if trimmed.is_empty() {
            break;
        }
        if let Some((acc, r)) = accessibility(src, trimmed)? {
            match acc {
                Accessibility::Title(s) => t.acc_title = Some(s),
                Accessibility::Description(s) => t.acc_descr = Some(s),
            }
            rest = r;
            continue;
        }
        let end = trimmed.find('\n').unwrap_or(trimmed.len());
        let raw = &trimmed[..end];
        rest = &trimmed[end..];
        let line = match raw.find("%%") {
            Some(p) => &raw[..p],
            None => raw,
        }
        .trim();
        if line.is_empty() {
            continue;
        }
        if let Some(v) = keyword(line, "title") {
            t.title = Some(v.to_string()).filter(|s| !s.is_empty());
        } else if let Some(v) = keyword(line, "section") {
            if v.is_empty() {
                return Err(ParseError::at(src, line, "`section` needs a name"));
            }
            t.sections.push(br_lines(v));
        } else if let Some(events) = line.strip_prefix(':') {
            let Some(p) = t.periods.last_mut() else {
                return Err(ParseError::at(
                    src,
                    line,
                    "an event line `: event` needs a period before it (expected `period : event`)",
                ));
            };
            for e in split_events(events).into_iter().map(str::trim) {
                if !e.is_empty() {
                    p.events.push(br_lines(e));
                }
            }
        } else {
            let mut parts = split_events(line).into_iter();
            let period = parts.next().unwrap_or("").trim();
            let events = parts
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(br_lines)
                .collect();
            crate::diagrams::budget::nodes(src, line, t.periods.len() + 1, "period")?;
            t.periods.push(Period {
                text: br_lines(period),
                events,
                section: t.sections.len().checked_sub(1),
            });
        }
    }
    Ok(t)
}
