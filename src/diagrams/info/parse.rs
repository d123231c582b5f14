//! `info` source → [`Info`].
//!
//! Grammar (Mermaid 11): `info [showInfo]`, then blank lines, `%%`
//! comments, `%%{…}%%` directives and accessibility statements.

use super::model::Info;
use crate::syntax::preamble::{only_trivia, AccTexts};
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
    let mut acc = AccTexts::default();
    if let Some(word) = only_trivia(source, rest, &mut acc)? {
        let msg = if word == "showInfo" {
            "`showInfo` must follow `info` on the first line (`info showInfo`)".to_string()
        } else {
            format!("unexpected `{word}`: an `info` diagram takes only `showInfo` after `info`")
        };
        return Err(ParseError::at(source, word, msg));
    }
    info.acc_title = acc.title;
    info.acc_descr = acc.description;
    Ok(info)
}
