//! Syntax shared by every diagram type: the located error type, the
//! preamble (front matter, `%%{init}%%` directives, comments before the
//! keyword, detection of the keyword), the configuration text readers and
//! lexing helpers the per-type nom parsers share.

pub(crate) mod config_text;
pub(crate) mod detect;
pub(crate) mod lex;
pub mod preamble;

pub use preamble::{read_preamble, Preamble};

/// Where something came from in the diagram source (the block, not the document).
/// `line` and `col` are 1-based; `col` counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text does not follow the grammar.
    Syntax,
    /// A Mermaid diagram type we do not render yet (the keyword, e.g. `zenuml`).
    Unsupported(String),
    /// No diagram at all (only blank lines and comments).
    Empty,
    /// A work budget (`crate::Budgets`) is exceeded; names the budget
    /// (`nodes`, `edges`, `nesting`, `label`).
    Budget(&'static str),
}

/// A parse error located in the diagram source (the block, not the document).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// What is wrong and what was expected, in a user's words.
    pub message: String,
    pub span: Span,
}

impl ParseError {
    /// A syntax error at the byte range `start..end` of `source`.
    pub fn syntax(
        source: &str,
        start: usize,
        end: usize,
        message: impl Into<String>,
    ) -> ParseError {
        ParseError {
            kind: ParseErrorKind::Syntax,
            message: message.into(),
            span: lex::span_at(source, start, end),
        }
    }

    /// A syntax error covering `part`, a slice of `source`.
    pub fn at(source: &str, part: &str, message: impl Into<String>) -> ParseError {
        let start = lex::offset_in(source, part);
        ParseError::syntax(source, start, start + part.len(), message)
    }
}

/// Byte offset of `part` (a slice of `source`) in `source`.
pub fn offset_in(source: &str, part: &str) -> usize {
    lex::offset_in(source, part)
}

/// Read a configuration file's text (JSON; single quotes, bare keys and
/// trailing commas are accepted as in `%%{init}%%` directives). The error
/// names the line and column.
pub fn parse_config_json(text: &str) -> Result<crate::config::Value, String> {
    let (v, used) = config_text::parse_json(text).map_err(|e| located(text, e.at, &e.message))?;
    if !text[used..].trim().is_empty() {
        return Err(located(
            text,
            used + (text[used..].len() - text[used..].trim_start().len()),
            "unexpected text after the JSON value",
        ));
    }
    Ok(v)
}

fn located(text: &str, at: usize, message: &str) -> String {
    let at = at.min(text.len());
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("line {line}, column {col}: {message}")
}

#[cfg(test)]
mod config_file_tests {
    use super::*;

    #[test]
    fn reads_a_config_file_and_locates_errors() {
        let v = parse_config_json("{ 'theme': 'dark', flowchart: { nodeSpacing: 30, }, }").unwrap();
        assert_eq!(v.get_str("theme").as_deref(), Some("dark"));
        assert_eq!(v.get_f64("flowchart.nodeSpacing"), Some(30.0));
        let e = parse_config_json("{\n  \"theme\": }").unwrap_err();
        assert!(e.starts_with("line 2, column "), "{e}");
        let e = parse_config_json("{} x").unwrap_err();
        assert!(e.contains("unexpected text"), "{e}");
    }
}
