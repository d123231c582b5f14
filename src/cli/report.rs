//! Messages: located errors with the source line and a caret, and the summary.

use mermaid_render::extract::Block;
use mermaid_render::syntax::{ParseError, ParseErrorKind};

/// Format a parse error located in the document:
/// `path:line:col: error: message`, the document line, and a caret.
pub fn parse_error(doc_name: &str, doc_text: &str, block: &Block, err: &ParseError) -> String {
    let (line, col) = block.doc_position(err.span.line.max(1), err.span.col.max(1));
    let kind = match err.kind {
        ParseErrorKind::Unsupported(_) => "error (unsupported)",
        _ => "error",
    };
    let mut out = format!("{doc_name}:{line}:{col}: {kind}: {}\n", err.message);
    if let Some(src) = mermaid_render::extract::document_lines(doc_text).nth(line - 1) {
        let gutter = format!("{line}");
        out.push_str(&format!(
            "{} |\n{gutter} | {src}\n",
            " ".repeat(gutter.len())
        ));
        // Caret under the column, counting characters (tabs kept as tabs).
        let pad: String = src
            .chars()
            .take(col.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        out.push_str(&format!("{} | {pad}^\n", " ".repeat(gutter.len())));
    }
    out
}
