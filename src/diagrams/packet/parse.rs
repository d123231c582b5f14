//! Packet source → [`Packet`].
//!
//! After the header (`packet` or `packet-beta`), one statement a line:
//! `title …`, `accTitle: …`, `accDescr: …` or a field: `0-15: "label"`,
//! `16: "bit"` or `+8: "next eight bits"`. Fields must follow each other
//! without gaps or overlaps, starting at bit 0, as mermaid-js requires.

use super::model::{Field, Packet};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Largest bit number accepted (keeps the drawing finite).
const MAX_BITS: u64 = 1 << 17;

/// Parse the diagram of `pre`.
pub fn parse(pre: &Preamble<'_>) -> Result<Packet, ParseError> {
    let src = pre.source;
    let body = pre.body();
    let mut p = Packet::default();
    let first_end = body.find('\n').unwrap_or(body.len());
    let after = body[..first_end]
        .get(pre.keyword.len()..)
        .unwrap_or("")
        .trim();
    if !after.is_empty() && !after.starts_with("%%") {
        return Err(ParseError::at(
            src,
            after,
            format!(
                "unexpected `{after}` after `{}` (expected a new line)",
                pre.keyword
            ),
        ));
    }
    let mut rest = &body[first_end..];
    let mut next_bit = 0u64;
    let mut in_directive = false;
    while !rest.is_empty() {
        let (line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        let t = line.trim();
        if in_directive {
            in_directive = !t.contains("}%%");
            rest = next;
            continue;
        }
        if t.is_empty() || t.starts_with("%%") {
            in_directive = t.starts_with("%%{") && !t.contains("}%%");
            rest = next;
            continue;
        }
        if let Some((acc, after)) = accessibility(src, rest)? {
            match acc {
                Accessibility::Title(s) => p.acc_title = Some(s),
                Accessibility::Description(s) => p.acc_descr = Some(s),
            }
            rest = after;
            continue;
        }
        if let Some(r) = t.strip_prefix("title") {
            if r.is_empty() || r.starts_with([' ', '\t']) {
                p.title = Some(r.trim().to_string());
                rest = next;
                continue;
            }
        }
        crate::diagrams::budget::nodes(src, t, p.fields.len() + 1, "field")?;
        let f = field(src, t, next_bit)?;
        next_bit = f.end + 1;
        p.fields.push(f);
        rest = next;
    }
    Ok(p)
}

fn digits(t: &str) -> usize {
    t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len())
}

fn num(src: &str, t: &str) -> Result<u64, ParseError> {
    t.parse::<u64>()
        .ok()
        .filter(|v| *v <= MAX_BITS)
        .ok_or_else(|| {
            ParseError::at(
                src,
                t,
                format!("bit number `{t}` is too large (at most {MAX_BITS})"),
            )
        })
}

/// One field line; `expected` is the first bit not yet covered.
fn field(src: &str, t: &str, expected: u64) -> Result<Field, ParseError> {
    let (start, end, rest) = if let Some(r) = t.strip_prefix('+') {
        let n = digits(r);
        if n == 0 {
            return Err(ParseError::at(
                src,
                &t[..1],
                "expected a bit count after `+` (as in `+8: \"label\"`)",
            ));
        }
        let count = num(src, &r[..n])?;
        if count == 0 {
            return Err(ParseError::at(
                src,
                &t[..n + 1],
                format!("packet block {expected} is invalid: a field cannot have zero bits"),
            ));
        }
        (expected, expected + count - 1, &r[n..])
    } else {
        let n = digits(t);
        if n == 0 {
            let w = t.split_whitespace().next().unwrap_or(t);
            return Err(ParseError::at(
                src,
                w,
                format!("unexpected `{w}` (expected a field such as `0-15: \"label\"`, `+8: \"label\"` or `title`)"),
            ));
        }
        let start = num(src, &t[..n])?;
        let r = t[n..].trim_start();
        let (end, r) = if let Some(r2) = r.strip_prefix('-') {
            let r2 = r2.trim_start();
            let m = digits(r2);
            if m == 0 {
                return Err(ParseError::at(
                    src,
                    &r[..1],
                    "expected the last bit after `-` (as in `0-15`)",
                ));
            }
            (num(src, &r2[..m])?, &r2[m..])
        } else {
            (start, r)
        };
        let span = &t[..t.len() - r.len()];
        if end < start {
            return Err(ParseError::at(
                src,
                span.trim_end(),
                format!(
                    "packet block {start} - {end} is invalid: the end must not be before the start"
                ),
            ));
        }
        if start != expected {
            let what = if start > expected {
                "leaves a gap"
            } else {
                "overlaps the previous field"
            };
            return Err(ParseError::at(
                src,
                span.trim_end(),
                format!("packet block {start} - {end} is not contiguous: it {what}; it should start from bit {expected}"),
            ));
        }
        (start, end, r)
    };
    let r = rest.trim_start();
    let Some(r) = r.strip_prefix(':') else {
        let at = if r.is_empty() { t } else { r };
        return Err(ParseError::at(
            src,
            at,
            "expected `:` and a quoted label after the bit range",
        ));
    };
    let r = r.trim_start();
    let quote = r.chars().next().filter(|c| *c == '"' || *c == '\'');
    let Some(q) = quote else {
        let at = if r.is_empty() { t } else { r };
        return Err(ParseError::at(
            src,
            at,
            "expected a quoted label (as in `\"Source Port\"`)",
        ));
    };
    let inner = &r[1..];
    let Some(close) = inner.find(q) else {
        return Err(ParseError::at(
            src,
            &r[..1],
            format!("unclosed label (expected a closing `{q}`)"),
        ));
    };
    let after = inner[close + 1..].trim();
    if !after.is_empty() && !after.starts_with("%%") {
        return Err(ParseError::at(
            src,
            after,
            "unexpected text after the label (expected the end of the line)",
        ));
    }
    Ok(Field {
        start,
        end,
        label: inner[..close].to_string(),
    })
}
