//! Tree view source → [`TreeView`].
//!
//! Grammar (Mermaid 11, `treeView-beta`): one entry per line, nested by
//! indentation only.
//!
//! ```text
//! treeView-beta
//! entry := "name" | 'name' | name     (a deeper indentation than the line
//!                                      above makes it a child of that line)
//! ```
//!
//! Plus `accTitle:` / `accDescr:` lines, `%%` comments and `%%{…}%%`
//! directives. A tab counts as four spaces.

use super::model::{Node, TreeView};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

fn indent_width(s: &str) -> usize {
    s.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Parse a tree view.
pub fn parse(pre: &Preamble<'_>) -> Result<TreeView, ParseError> {
    let source = pre.source;
    let mut tv = TreeView {
        title: pre.title.clone(),
        ..TreeView::default()
    };
    let body = pre.body();
    let first = body.get(pre.keyword.len()..).unwrap_or("");
    let header_rest = first.split('\n').next().unwrap_or("");
    let hr = header_rest.trim();
    if !hr.is_empty() && !hr.starts_with("%%") {
        let at = header_rest.trim_start();
        let at = &at[..at.trim_end().len()];
        return Err(ParseError::at(
            source,
            at,
            format!(
                "unexpected `{at}` after `{}`: entries go on the next lines",
                pre.keyword
            ),
        ));
    }
    let mut rest = match first.find('\n') {
        Some(n) => &first[n + 1..],
        None => "",
    };
    // (indent, node index) of the open ancestors.
    let mut stack: Vec<(usize, usize)> = Vec::new();
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
                Accessibility::Title(t) => tv.acc_title = Some(t),
                Accessibility::Description(d) => tv.acc_descr = Some(d),
            }
            rest = r.strip_prefix('\n').unwrap_or(r);
            continue;
        }
        let indent = indent_width(raw);
        let line = line.trim_end();
        let name = entry(source, line)?;
        while stack.last().is_some_and(|&(i, _)| i >= indent) {
            stack.pop();
        }
        let parent = stack.last().map(|&(_, k)| k);
        crate::diagrams::budget::nodes(source, line, tv.nodes.len() + 1, "node")?;
        crate::diagrams::budget::nesting(source, line, stack.len() + 1, "node")?;
        tv.nodes.push(Node {
            name,
            depth: stack.len(),
            parent,
        });
        stack.push((indent, tv.nodes.len() - 1));
        rest = next;
    }
    Ok(tv)
}

/// The name on an entry line (quotes removed).
fn entry(source: &str, line: &str) -> Result<String, ParseError> {
    let q = match line.chars().next() {
        Some(c @ ('"' | '\'')) => c,
        _ => {
            let text = match line.find("%%") {
                Some(p) => line[..p].trim_end(),
                None => line,
            };
            return Ok(text.to_string());
        }
    };
    let inner = &line[1..];
    let Some(e) = inner.find(q) else {
        return Err(ParseError::at(
            source,
            &line[..1],
            format!("unclosed name: missing the closing `{q}`"),
        ));
    };
    let after = inner[e + 1..].trim();
    if !after.is_empty() && !after.starts_with("%%") {
        let w = &after[..after.find([' ', '\t']).unwrap_or(after.len())];
        return Err(ParseError::at(
            source,
            w,
            format!(
                "unexpected `{w}` after the name {q}{}{q}: one entry per line",
                &inner[..e]
            ),
        ));
    }
    Ok(inner[..e].to_string())
}
