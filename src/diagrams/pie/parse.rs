//! Pie source → [`Pie`].
//!
//! Grammar (Mermaid 11):
//!
//! ```text
//! pie [showData] [statement]
//! statement := title [text] | accTitle: text | accDescr: text | accDescr { … }
//!            | "label" : number          (number: -?digits[.digits], never negative)
//! ```
//!
//! Any statement may follow `pie [showData]` on the header line. `%%`
//! comments (whole lines or after a statement) and `%%{…}%%` directives
//! are skipped.

use nom::bytes::complete::take_while1;
use nom::character::complete::char as ch;
use nom::combinator::{opt, recognize};
use nom::sequence::pair;
use nom::{IResult, Parser};
use std::collections::HashSet;

use super::model::{Pie, Slice};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

const EXPECTED: &str =
    "expected a slice (`\"label\" : value`), `title …`, `accTitle: …` or `accDescr: …`";

/// Parse a pie chart.
pub fn parse(pre: &Preamble<'_>) -> Result<Pie, ParseError> {
    let source = pre.source;
    let body = pre.body();
    let mut pie = Pie {
        title: pre.title.clone(),
        ..Pie::default()
    };
    crate::diagrams::budget::lines(source, body)?;
    let mut seen: HashSet<String> = HashSet::new();
    let mut rest = body.get(pre.keyword.len()..).unwrap_or("");
    // `showData` right after the keyword.
    let t = rest.trim_start_matches([' ', '\t']);
    if let Some(r) = t.strip_prefix("showData") {
        if r.is_empty() || r.starts_with([' ', '\t', '\r', '\n']) {
            pie.show_data = true;
            rest = r;
        }
    }
    loop {
        if rest.is_empty() {
            break;
        }
        let line_start = rest.trim_start_matches([' ', '\t', '\r']);
        if let Some(r) = line_start.strip_prefix('\n') {
            rest = r;
            continue;
        }
        if line_start.is_empty() {
            break;
        }
        if let Some(d) = line_start.strip_prefix("%%{") {
            // A directive (read by the preamble); may span lines.
            rest = match d.find("}%%") {
                Some(p) => &d[p + 3..],
                None => after_line(d),
            };
            continue;
        }
        if line_start.starts_with("%%") {
            rest = after_line(line_start);
            continue;
        }
        if let Some((acc, r)) = accessibility(source, line_start)? {
            match acc {
                Accessibility::Title(t) => pie.acc_title = Some(strip_comment(&t).to_string()),
                Accessibility::Description(d) => pie.acc_descr = Some(d),
            }
            rest = r;
            continue;
        }
        let line = line_of(line_start);
        statement(source, line, &mut pie, &mut seen)?;
        rest = after_line(line_start);
    }
    Ok(pie)
}

/// The current line without its newline and trailing `\r`.
fn line_of(i: &str) -> &str {
    let n = i.find('\n').unwrap_or(i.len());
    i[..n].trim_end_matches('\r')
}

/// The input after the current line's newline (or empty).
fn after_line(i: &str) -> &str {
    match i.find('\n') {
        Some(p) => &i[p + 1..],
        None => "",
    }
}

/// Text before a `%%` comment.
fn strip_comment(s: &str) -> &str {
    match s.find("%%") {
        Some(p) => s[..p].trim_end(),
        None => s,
    }
}

/// One statement on one line (leading blanks already skipped).
fn statement(
    source: &str,
    line: &str,
    pie: &mut Pie,
    seen: &mut HashSet<String>,
) -> Result<(), ParseError> {
    if let Some(r) = line.strip_prefix("title") {
        if r.is_empty() || r.starts_with([' ', '\t']) {
            let t = strip_comment(r).trim();
            pie.title = Some(t.to_string());
            return Ok(());
        }
    }
    if line.starts_with("showData") {
        return Err(ParseError::at(
            source,
            &line[..8],
            "`showData` must follow `pie` on the first line (`pie showData`)",
        ));
    }
    if line.starts_with(['"', '\'']) {
        return section(source, line, pie, seen);
    }
    let word = first_word(line);
    Err(ParseError::at(
        source,
        word,
        format!("unexpected `{word}`: {EXPECTED}"),
    ))
}

/// The first run of non-blank characters (at least one character).
fn first_word(line: &str) -> &str {
    let n = line
        .find([' ', '\t'])
        .filter(|&n| n > 0)
        .unwrap_or(line.len());
    &line[..n]
}

fn number(i: &str) -> IResult<&str, &str> {
    recognize((
        opt(ch('-')),
        take_while1(|c: char| c.is_ascii_digit()),
        opt(pair(ch('.'), take_while1(|c: char| c.is_ascii_digit()))),
    ))
    .parse(i)
}

/// `"label" : value` (or `'label' : value`).
/// One slice; `seen` holds the labels so far (a repeated label keeps its
/// first value).
fn section(
    source: &str,
    line: &str,
    pie: &mut Pie,
    seen: &mut HashSet<String>,
) -> Result<(), ParseError> {
    let q = if line.starts_with('\'') { '\'' } else { '"' };
    let body = &line[1..];
    let Some(end) = body.find(q) else {
        return Err(ParseError::at(
            source,
            &line[..1],
            format!("unclosed label: missing the closing `{q}`"),
        ));
    };
    let label = body[..end].replace('"', "").trim().to_string();
    let after = &body[end + 1..];
    let r = after.trim_start_matches([' ', '\t']);
    let Some(r) = r.strip_prefix(':') else {
        let at = if r.is_empty() { after } else { first_word(r) };
        let at = if at.is_empty() {
            &line[line.len()..]
        } else {
            at
        };
        return Err(ParseError::at(
            source,
            at,
            format!("expected `:` and a value after the label \"{label}\""),
        ));
    };
    let r = r.trim_start_matches([' ', '\t']);
    let Ok((tail, num)) = number(r) else {
        let at = if r.is_empty() {
            &line[line.len()..]
        } else {
            first_word(r)
        };
        return Err(ParseError::at(
            source,
            at,
            format!("expected a number for the value of \"{label}\" (e.g. `42` or `4.2`)"),
        ));
    };
    let trailing = tail.trim_start_matches([' ', '\t']);
    if !trailing.is_empty() && !trailing.starts_with("%%") {
        let at = if tail.starts_with(['.', ',']) || !tail.starts_with([' ', '\t']) {
            first_word(tail)
        } else {
            first_word(trailing)
        };
        return Err(ParseError::at(
            source,
            at,
            format!(
                "unexpected `{at}` after the value of \"{label}\" (expected the end of the line)"
            ),
        ));
    }
    let value: f64 = num.parse().unwrap_or(f64::NAN);
    if !value.is_finite() {
        return Err(ParseError::at(
            source,
            num,
            format!("the value of \"{label}\" is too large"),
        ));
    }
    if value < 0.0 {
        return Err(ParseError::at(
            source,
            num,
            format!("\"{label}\" has a negative value ({num}): pie slice values must be 0 or more"),
        ));
    }
    if seen.insert(label.clone()) {
        crate::diagrams::budget::nodes(source, num, pie.slices.len() + 1, "slice")?;
        pie.slices.push(Slice { label, value });
    }
    Ok(())
}
