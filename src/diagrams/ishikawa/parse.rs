//! Ishikawa source → [`Ishikawa`].
//!
//! Grammar (Mermaid 11, `ishikawa-beta`): one text per line; the first is
//! the problem, the others causes nested by indentation. Causes at the
//! outermost level (whatever their indentation relative to the problem)
//! are the categories; a deeper line is a cause of the line above it.
//!
//! ```text
//! ishikawa-beta
//!     Problem
//!     Category
//!         Cause
//!             Sub-cause
//! ```
//!
//! Plus `accTitle:` / `accDescr:` lines, `%%` comments and `%%{…}%%`
//! directives. A tab counts as four spaces.

use super::model::{Cause, Ishikawa};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Deepest nesting accepted (drawing is recursive).
pub const MAX_DEPTH: usize = 64;

fn indent_width(s: &str) -> usize {
    s.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Parse a fishbone diagram.
pub fn parse(pre: &Preamble<'_>) -> Result<Ishikawa, ParseError> {
    let source = pre.source;
    let mut ish = Ishikawa::default();
    let body = pre.body();
    let first = body.get(pre.keyword.len()..).unwrap_or("");
    let header_rest = first.split('\n').next().unwrap_or("");
    let mut problem: Option<String> = None;
    let hr = header_rest.trim();
    if !hr.is_empty() && !hr.starts_with("%%") {
        problem = Some(clean(hr));
    }
    let mut rest = match first.find('\n') {
        Some(n) => &first[n + 1..],
        None => "",
    };
    // Flat list of (indent, label) after the problem, then nested.
    let mut flat: Vec<(usize, String, &str)> = Vec::new();
    while !rest.is_empty() {
        let end = rest.find('\n').unwrap_or(rest.len());
        let raw = rest[..end].trim_end_matches('\r');
        let next = rest.get(end + 1..).unwrap_or("");
        let line = raw.trim_start_matches([' ', '\t']);
        if line.trim().is_empty() {
            rest = next;
            continue;
        }
        if line.starts_with("%%{") {
            rest = match rest.find("}%%") {
                Some(q) => {
                    let after = &rest[q + 3..];
                    after.find('\n').map_or("", |n| &after[n + 1..])
                }
                None => next,
            };
            continue;
        }
        if line.starts_with("%%") {
            rest = next;
            continue;
        }
        if let Some((acc, r)) = accessibility(
            source,
            &rest[raw.len() - raw.trim_start_matches([' ', '\t']).len()..],
        )? {
            match acc {
                Accessibility::Title(t) => ish.acc_title = Some(t),
                Accessibility::Description(d) => ish.acc_descr = Some(d),
            }
            rest = r.strip_prefix('\n').unwrap_or(r);
            continue;
        }
        let text = clean(line);
        if text.is_empty() {
            rest = next;
            continue;
        }
        if problem.is_none() {
            problem = Some(text);
        } else {
            flat.push((indent_width(raw), text, line.trim_end()));
        }
        rest = next;
    }
    let Some(problem) = problem else {
        let at = &body[..pre.keyword.len().min(body.len())];
        return Err(ParseError::at(
            source,
            at,
            format!(
                "expected the problem on the line after `{}` (the fish's head)",
                pre.keyword
            ),
        ));
    };
    ish.problem = problem;
    // Nest by indentation: a stack of (indent, path of indices).
    let mut stack: Vec<usize> = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    for (k, (indent, text, at)) in flat.into_iter().enumerate() {
        while stack.last().is_some_and(|&i| i >= indent) {
            stack.pop();
            path.pop();
        }
        if stack.len() >= MAX_DEPTH {
            return Err(ParseError::at(
                source,
                at,
                format!("causes nest more than {MAX_DEPTH} levels deep"),
            ));
        }
        let cause = Cause {
            label: text,
            children: Vec::new(),
        };
        crate::diagrams::budget::nesting(source, at, path.len() + 1, "cause")?;
        crate::diagrams::budget::nodes(source, at, k + 1, "cause")?;
        let list = children_at(&mut ish.categories, &path);
        list.push(cause);
        path.push(list.len() - 1);
        stack.push(indent);
    }
    Ok(ish)
}

/// The children list at `path` (indices from the categories down).
fn children_at<'a>(mut list: &'a mut Vec<Cause>, path: &[usize]) -> &'a mut Vec<Cause> {
    for &k in path {
        if k >= list.len() {
            break;
        }
        list = &mut list[k].children;
    }
    list
}

/// A line's text without a trailing `%%` comment and surrounding quotes.
fn clean(line: &str) -> String {
    let t = match line.find("%%") {
        Some(p) => &line[..p],
        None => line,
    };
    let t = t.trim();
    let t = t
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(t);
    t.to_string()
}
