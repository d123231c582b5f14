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
