//! Parsing: diagram source text to the model.
//!
//! Entry point: [`parse`]. It detects the diagram type and dispatches to one
//! nom parser per type (only flowcharts so far).

mod config;
mod detect;
mod flowchart;
mod lex;

use crate::model::{Graph, Span};

/// A parsed diagram.
#[derive(Debug, Clone, PartialEq)]
pub enum Diagram {
    Flowchart(Graph),
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text does not follow the grammar.
    Syntax,
    /// A Mermaid diagram type we do not render yet (the keyword, e.g. `sequenceDiagram`).
    Unsupported(String),
    /// No diagram at all (only blank lines and comments).
    Empty,
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

/// Read a configuration file's text (JSON; single quotes, bare keys and
/// trailing commas are accepted as in `%%{init}%%` directives). The error
/// names the line and column.
pub fn parse_config_json(text: &str) -> Result<crate::model::Value, String> {
    let (v, used) = config::parse_json(text).map_err(|e| located(text, e.at, &e.message))?;
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

/// Parse one diagram.
pub fn parse(source: &str) -> Result<Diagram, ParseError> {
    let header = detect::find_header(source)?;
    let word = lex::keyword_word(header);
    match detect::classify(word) {
        detect::Kind::Flowchart => Ok(Diagram::Flowchart(flowchart::parse(source, header)?)),
        detect::Kind::Unsupported => Err(ParseError {
            kind: ParseErrorKind::Unsupported(word.to_string()),
            message: format!(
                "`{word}` diagrams are not supported yet (only flowcharts: `graph`/`flowchart`)"
            ),
            span: lex::span_of(source, word),
        }),
        detect::Kind::Unknown => Err(detect::unknown_type(source, header)),
    }
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
