//! `error` source → [`Error`]: the keyword, then only blank lines, `%%`
//! comments, `%%{…}%%` directives and accessibility statements.

use super::Error;
use crate::syntax::preamble::{only_trivia, AccTexts};
use crate::syntax::{ParseError, Preamble};

/// Parse an `error` diagram.
pub fn parse(pre: &Preamble<'_>) -> Result<Error, ParseError> {
    let rest = pre.body().get(pre.keyword.len()..).unwrap_or("");
    let mut acc = AccTexts::default();
    if let Some(word) = only_trivia(pre.source, rest, &mut acc)? {
        return Err(ParseError::at(
            pre.source,
            word,
            format!(
                "unexpected `{word}`: the `error` diagram (mermaid-js's error picture) \
                 takes nothing after its keyword"
            ),
        ));
    }
    Ok(Error {
        acc_title: acc.title,
        acc_descr: acc.description,
    })
}
