//! Diagram keyword detection: find the first meaningful line (skipping
//! blank lines, `%%` comments, `%%{…}%%` directives and YAML front matter).
//! Which keyword names which type is the registry's business
//! (`crate::diagrams`).

use super::lex::{keyword_word, skip_line, span_at, span_of, token_text};
use super::{ParseError, ParseErrorKind};

fn syntax(source: &str, start: usize, end: usize, message: String) -> ParseError {
    ParseError {
        kind: ParseErrorKind::Syntax,
        message,
        span: span_at(source, start, end),
    }
}

/// The slice of `source` starting at the diagram keyword.
pub(crate) fn find_header(source: &str) -> Result<&str, ParseError> {
    let mut i = source.trim_start();
    // YAML front matter: `---` on the first meaningful line, closed by `---`.
    if line_is(i, "---") {
        let open = i;
        let mut rest = skip_line(i);
        loop {
            rest = rest.strip_prefix('\n').unwrap_or(rest);
            if rest.is_empty() {
                let start = source.len() - open.len();
                return Err(syntax(
                    source,
                    start,
                    start + 3,
                    "front matter opened with `---` is not closed (expected a line `---`)".into(),
                ));
            }
            if line_is(rest, "---") {
                i = skip_line(rest);
                break;
            }
            rest = skip_line(rest);
        }
    }
    loop {
        i = i.trim_start();
        if i.starts_with("%%{") {
            match i.find("}%%") {
                Some(p) => i = &i[p + 3..],
                None => {
                    let start = source.len() - i.len();
                    return Err(syntax(
                        source,
                        start,
                        start + 3,
                        "unclosed directive `%%{` (expected `}%%`)".into(),
                    ));
                }
            }
        } else if i.starts_with("%%") {
            i = skip_line(i);
        } else {
            break;
        }
    }
    if i.is_empty() {
        return Err(ParseError {
            kind: ParseErrorKind::Empty,
            message: "no diagram: the source is empty or only comments".into(),
            span: span_at(source, source.len(), source.len()),
        });
    }
    Ok(i)
}

fn line_is(i: &str, s: &str) -> bool {
    let line = &i[..i.len() - skip_line(i).len()];
    line.trim() == s
}

/// The error for a first line that names no known diagram type.
pub(crate) fn unknown_type(source: &str, header: &str) -> ParseError {
    let word = keyword_word(header);
    let tok = if word.is_empty() {
        token_text(header)
    } else {
        word
    };
    let hint = if word.starts_with("graph") || word.starts_with("flowchart") {
        " (put a space between the keyword and the direction, e.g. `graph TD`)"
    } else {
        ""
    };
    ParseError {
        kind: ParseErrorKind::Syntax,
        message: format!(
            "expected a diagram type such as `flowchart TD` or `graph LR`, found `{tok}`{hint}"
        ),
        span: span_of(source, tok),
    }
}
