//! XY chart source → [`Chart`].
//!
//! Line oriented: the header (`xychart`, `xychart-beta`, optionally
//! `horizontal` / `vertical`), then one statement a line: `title`,
//! `x-axis`, `y-axis`, `bar`, `line`, `accTitle`, `accDescr`. `%%` lines
//! are comments. Keywords are case-insensitive, as in mermaid-js.

use super::model::{Chart, Plot, PlotKind, XAxis, YAxis};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Parse the diagram of `pre`.
pub fn parse(pre: &Preamble<'_>) -> Result<Chart, ParseError> {
    let src = pre.source;
    let body = pre.body();
    let mut chart = Chart::default();
    // Header: the keyword, then optionally an orientation.
    let first_end = body.find('\n').unwrap_or(body.len());
    let header = &body[..first_end];
    let after_kw = header.get(pre.keyword.len()..).unwrap_or("");
    let mut rest_of_header = after_kw.trim();
    if let Some(w) = rest_of_header.split_whitespace().next() {
        match w.to_ascii_lowercase().as_str() {
            "horizontal" => chart.horizontal = Some(true),
            "vertical" => chart.horizontal = Some(false),
            _ if w.starts_with("%%") => {}
            _ => {
                let kw = pre.keyword;
                let msg = format!(
                    "unexpected `{w}` after `{kw}` (expected `horizontal`, `vertical` or a new line)"
                );
                return Err(ParseError::at(src, w, msg));
            }
        }
        rest_of_header = rest_of_header[w.len()..].trim();
        if !rest_of_header.is_empty() && !rest_of_header.starts_with("%%") {
            return Err(ParseError::at(
                src,
                rest_of_header,
                "unexpected text after the chart orientation (expected a new line)",
            ));
        }
    }
    let mut rest = body.get(first_end..).unwrap_or("");
    let mut in_directive = false;
    while !rest.is_empty() {
        let (line, next) = match rest.find('\n') {
            Some(p) => (&rest[..p], &rest[p + 1..]),
            None => (rest, ""),
        };
        let t = line.trim();
        if in_directive {
            if t.contains("}%%") {
                in_directive = false;
            }
            rest = next;
            continue;
        }
        if t.is_empty() || t == ";" {
            rest = next;
            continue;
        }
        if t.starts_with("%%") {
            if t.starts_with("%%{") && !t.contains("}%%") {
                in_directive = true;
            }
            rest = next;
            continue;
        }
        if let Some((acc, after)) = accessibility(src, rest)? {
            match acc {
                Accessibility::Title(s) => chart.acc_title = Some(s),
                Accessibility::Description(s) => chart.acc_descr = Some(s),
            }
            rest = after;
            continue;
        }
        statement(src, t.trim_end_matches(';').trim_end(), &mut chart)?;
        rest = next;
    }
    Ok(chart)
}

/// The keyword at the start of `t` (letters and `-`), lower-cased.
fn keyword(t: &str) -> (&str, String) {
    let end = t
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .unwrap_or(t.len());
    (&t[..end], t[..end].to_ascii_lowercase())
}

fn statement(src: &str, t: &str, chart: &mut Chart) -> Result<(), ParseError> {
    let (word, kw) = keyword(t);
    let rest = t[word.len()..].trim_start();
    let separated =
        rest.len() < t.len() - word.len() || rest.is_empty() || rest.starts_with(['"', '[']);
    match kw.as_str() {
        "title" if separated => {
            let title = if rest.starts_with('"') {
                let (s, after) = quoted(src, rest)?;
                expect_end(src, after)?;
                s
            } else {
                rest.to_string()
            };
            chart.title = Some(title);
        }
        "x-axis" => {
            let (title, after) = axis_title(src, rest)?;
            let after = after.trim_start();
            let axis = if after.starts_with('[') {
                let (cats, after) = band(src, after)?;
                expect_end(src, after)?;
                XAxis::Band {
                    title,
                    categories: cats,
                }
            } else if after.is_empty() {
                XAxis::Linear { title, range: None }
            } else {
                let (r, after) = range(src, after)?;
                expect_end(src, after)?;
                XAxis::Linear {
                    title,
                    range: Some(r),
                }
            };
            chart.x_axis = Some(axis);
        }
        "y-axis" => {
            let (title, after) = axis_title(src, rest)?;
            let after = after.trim_start();
            let range = if after.is_empty() {
                None
            } else {
                let (r, after) = range(src, after)?;
                expect_end(src, after)?;
                Some(r)
            };
            chart.y_axis = YAxis { title, range };
        }
        "bar" | "line" => {
            let kind = if kw == "bar" {
                PlotKind::Bar
            } else {
                PlotKind::Line
            };
            let (title, after) = if rest.starts_with('[') {
                (None, rest)
            } else if rest.starts_with('"') {
                let (s, a) = quoted(src, rest)?;
                (Some(s), a.trim_start())
            } else {
                let end = rest.find('[').unwrap_or(rest.len());
                let name = rest[..end].trim();
                ((!name.is_empty()).then(|| name.to_string()), &rest[end..])
            };
            if !after.starts_with('[') {
                let at = if after.is_empty() { t } else { after };
                return Err(ParseError::at(
                    src,
                    at,
                    format!("`{kw}` needs its data as a list of numbers (expected `[1, 2, 3]`)"),
                ));
            }
            let (data, after) = numbers(src, after)?;
            expect_end(src, after)?;
            crate::diagrams::budget::nodes(src, t, data.len(), "plot's data point")?;
            chart.plots.push(Plot { kind, title, data });
        }
        _ => {
            let w = t.split_whitespace().next().unwrap_or(t);
            return Err(ParseError::at(
                src,
                w,
                format!(
                    "unknown statement `{w}` (expected `title`, `x-axis`, `y-axis`, `bar`, `line`, `accTitle` or `accDescr`)"
                ),
            ));
        }
    }
    Ok(())
}

/// Nothing but spaces (or a `%%` comment) may follow.
fn expect_end(src: &str, after: &str) -> Result<(), ParseError> {
    let a = after.trim();
    if a.is_empty() || a.starts_with("%%") {
        Ok(())
    } else {
        Err(ParseError::at(
            src,
            a,
            format!(
                "unexpected `{}` (expected the end of the line)",
                first_token(a)
            ),
        ))
    }
}

fn first_token(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(i, c)| i > 0 && c.is_whitespace())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// A `"…"` string (markdown backticks inside are dropped) and the rest.
fn quoted<'a>(src: &str, t: &'a str) -> Result<(String, &'a str), ParseError> {
    let inner = &t[1..];
    match inner.find('"') {
        Some(end) => {
            let s = inner[..end].trim();
            let s = s
                .strip_prefix('`')
                .and_then(|s| s.strip_suffix('`'))
                .unwrap_or(s);
            Ok((s.to_string(), &inner[end + 1..]))
        }
        None => Err(ParseError::at(
            src,
            &t[..1],
            "unclosed string (expected a closing `\"`)",
        )),
    }
}

/// An axis title: a quoted string, or one word that is not the start of
/// the data (`[` or a number).
fn axis_title<'a>(src: &str, t: &'a str) -> Result<(Option<String>, &'a str), ParseError> {
    if t.starts_with('"') {
        let (s, a) = quoted(src, t)?;
        return Ok((Some(s), a));
    }
    if t.is_empty() || t.starts_with('[') || number_prefix(t).is_some() {
        return Ok((None, t));
    }
    let end = t
        .find(|c: char| c.is_whitespace() || c == '[')
        .unwrap_or(t.len());
    Ok((Some(t[..end].to_string()), &t[end..]))
}

/// Length of a number at the start of `t` (`+1.3`, `.6`, `-.34`, `12`).
fn number_prefix(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut digits = i > digits_start;
    if b.get(i) == Some(&b'.') {
        let frac = i + 1;
        let mut j = frac;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j > frac {
            digits = true;
            i = j;
        } else if digits {
            i = j;
        }
    }
    if !digits {
        return None;
    }
    // An exponent, as JavaScript numbers allow.
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let s = j;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j > s {
            i = j;
        }
    }
    Some(i)
}

fn number<'a>(src: &str, t: &'a str, what: &str) -> Result<(f64, &'a str), ParseError> {
    let t = t.trim_start();
    match number_prefix(t) {
        Some(n) => {
            let v: f64 = t[..n].trim_start_matches('+').parse().map_err(|_| {
                ParseError::at(src, &t[..n], format!("`{}` is not a number", &t[..n]))
            })?;
            Ok((v, &t[n..]))
        }
        None => {
            let end = t
                .find(|c: char| c.is_whitespace() || c == ',' || c == ']')
                .unwrap_or(t.len())
                .max(t.chars().next().map_or(0, char::len_utf8));
            let tok = &t[..end.min(t.len())];
            Err(ParseError::at(
                src,
                tok,
                format!("expected {what}, found `{}`", tok),
            ))
        }
    }
}

/// `min --> max`.
fn range<'a>(src: &str, t: &'a str) -> Result<((f64, f64), &'a str), ParseError> {
    let (a, rest) = number(
        src,
        t,
        "a number or `[` (an axis range `min --> max` or categories)",
    )?;
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix("-->") else {
        let tok = if rest.is_empty() {
            rest
        } else {
            first_token(rest)
        };
        return Err(ParseError::at(
            src,
            tok,
            "expected `-->` between the axis minimum and maximum",
        ));
    };
    let (b, rest) = number(src, rest, "the axis maximum (a number)")?;
    Ok(((a, b), rest))
}

/// `[a, b, "c d"]` categories.
fn band<'a>(src: &str, t: &'a str) -> Result<(Vec<String>, &'a str), ParseError> {
    let mut out = Vec::new();
    let mut rest = &t[1..];
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix(']') {
            return Ok((out, r));
        }
        if rest.is_empty() {
            return Err(ParseError::at(src, &t[..1], "unclosed `[` (expected `]`)"));
        }
        if rest.starts_with('"') {
            let (s, r) = quoted(src, rest)?;
            out.push(s);
            rest = r;
        } else {
            let end = rest.find([',', ']']).unwrap_or(rest.len());
            out.push(rest[..end].trim().to_string());
            rest = &rest[end..];
        }
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix(',') {
            rest = r;
        } else if !rest.starts_with(']') && !rest.is_empty() {
            return Err(ParseError::at(
                src,
                first_token(rest),
                format!(
                    "unexpected `{}` in the category list (expected `,` or `]`)",
                    first_token(rest)
                ),
            ));
        }
    }
}

/// `[1, 2.5, -3]`.
fn numbers<'a>(src: &str, t: &'a str) -> Result<(Vec<f64>, &'a str), ParseError> {
    let mut out = Vec::new();
    let mut rest = &t[1..];
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix(']') {
            return Ok((out, r));
        }
        if rest.is_empty() {
            return Err(ParseError::at(src, &t[..1], "unclosed `[` (expected `]`)"));
        }
        let (v, r) = number(src, rest, "a number")?;
        out.push(v);
        rest = r.trim_start();
        if let Some(r) = rest.strip_prefix(',') {
            rest = r;
        } else if !rest.starts_with(']') && !rest.is_empty() {
            let tok = first_token(rest);
            return Err(ParseError::at(
                src,
                tok,
                format!("unexpected `{tok}` in the data (expected `,` or `]`)"),
            ));
        }
    }
}
