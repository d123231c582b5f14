//! `error` source → [`Error`]: the keyword, then only blank lines, `%%`
//! comments, `%%{…}%%` directives and accessibility statements.

use super::Error;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Parse an `error` diagram.
pub fn parse(pre: &Preamble<'_>) -> Result<Error, ParseError> {
    let source = pre.source;
    let mut e = Error::default();
    let mut rest = pre.body().get(pre.keyword.len()..).unwrap_or("");
    loop {
        let line = rest.trim_start_matches([' ', '\t', '\r']);
        if line.is_empty() {
            return Ok(e);
        }
        if let Some(r) = line.strip_prefix('\n') {
            rest = r;
            continue;
        }
        if let Some(d) = line.strip_prefix("%%{") {
            rest = match d.find("}%%") {
                Some(p) => &d[p + 3..],
                None => after_line(d),
            };
            continue;
        }
        if line.starts_with("%%") {
            rest = after_line(line);
            continue;
        }
        if let Some((acc, r)) = accessibility(source, line)? {
            match acc {
                Accessibility::Title(t) => e.acc_title = Some(t),
                Accessibility::Description(d) => e.acc_descr = Some(d),
            }
            rest = r;
            continue;
        }
        let n = line.find([' ', '\t', '\r', '\n']).unwrap_or(line.len());
        let word = &line[..n];
        return Err(ParseError::at(
            source,
            word,
            format!(
                "unexpected `{word}`: the `error` diagram (mermaid-js's error picture) \
                 takes nothing after its keyword"
            ),
        ));
    }
}

fn after_line(i: &str) -> &str {
    match i.find('\n') {
        Some(p) => &i[p + 1..],
        None => "",
    }
}
