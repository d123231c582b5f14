//! `info` source → [`Info`].
//!
//! Grammar (Mermaid 11): `info [showInfo]`, then blank lines, `%%`
//! comments, `%%{…}%%` directives and accessibility statements.

use super::model::Info;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Parse an `info` diagram.
pub fn parse(pre: &Preamble<'_>) -> Result<Info, ParseError> {
    let source = pre.source;
    let body = pre.body();
    let mut info = Info::default();
    let mut rest = body.get(pre.keyword.len()..).unwrap_or("");
    let t = rest.trim_start_matches([' ', '\t']);
    if let Some(r) = t.strip_prefix("showInfo") {
        if r.is_empty() || r.starts_with([' ', '\t', '\r', '\n']) {
            info.show_info = true;
            rest = r;
        }
    }
    loop {
        let line_start = rest.trim_start_matches([' ', '\t', '\r']);
        if line_start.is_empty() {
            break;
        }
        if let Some(r) = line_start.strip_prefix('\n') {
            rest = r;
            continue;
        }
        if let Some(d) = line_start.strip_prefix("%%{") {
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
                Accessibility::Title(t) => info.acc_title = Some(t),
                Accessibility::Description(d) => info.acc_descr = Some(d),
            }
            rest = r;
            continue;
        }
        let n = line_start
            .find([' ', '\t', '\r', '\n'])
            .unwrap_or(line_start.len());
        let word = &line_start[..n];
        let msg = if word == "showInfo" {
            "`showInfo` must follow `info` on the first line (`info showInfo`)".to_string()
        } else {
            format!("unexpected `{word}`: an `info` diagram takes only `showInfo` after `info`")
        };
        return Err(ParseError::at(source, word, msg));
    }
    Ok(info)
}

fn after_line(i: &str) -> &str {
    match i.find('\n') {
        Some(p) => &i[p + 1..],
        None => "",
    }
}
