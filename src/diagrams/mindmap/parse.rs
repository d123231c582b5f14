//! `mindmap` source → [`Mindmap`]: one node per line, nested by
//! indentation; `::icon(…)` and `:::classes` lines decorate the node
//! before them.

use super::model::{Mindmap, Node, Shape};
use crate::syntax::lex::{line_rest, skip_line};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Most nodes one mind map may hold.
pub const MAX_NODES: usize = 10_000;

/// Shape delimiters, longest first: (open, close, shape).
const DELIMS: &[(&str, &str, Shape)] = &[
    ("((", "))", Shape::Circle),
    ("))", "((", Shape::Bang),
    ("{{", "}}", Shape::Hexagon),
    ("(", ")", Shape::Rounded),
    (")", "(", Shape::Cloud),
    ("[", "]", Shape::Square),
];

/// Parse a mind map.
pub fn parse(pre: &Preamble<'_>) -> Result<Mindmap, ParseError> {
    let source = pre.source;
    let mut m = Mindmap::default();
    crate::diagrams::budget::lines(source, pre.body())?;
    let mut rest = skip_line(pre.body());
    // (indentation, node) of the current path from the root.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    loop {
        rest = rest.trim_start_matches(['\n', '\r']);
        if rest.is_empty() {
            break;
        }
        let line = line_rest(rest);
        let t = line.trim();
        if t.is_empty() || t.starts_with("%%") {
            rest = skip_line(rest);
            continue;
        }
        if let Some((acc, r)) = accessibility(source, rest)? {
            match acc {
                Accessibility::Title(v) => m.acc_title = Some(v),
                Accessibility::Description(v) => m.acc_descr = Some(v),
            }
            rest = r;
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let indent = line[..indent].chars().count();
        if let Some(icon) = t.strip_prefix("::icon(") {
            let Some(last) = m.nodes.last_mut() else {
                return Err(ParseError::at(source, t, "`::icon(…)` must follow a node"));
            };
            let Some(name) = icon.strip_suffix(')') else {
                return Err(ParseError::at(
                    source,
                    t,
                    "unclosed `::icon(` (expected `)`)",
                ));
            };
            last.icon = Some(name.trim().to_string());
            rest = skip_line(rest);
            continue;
        }
        if let Some(cls) = t.strip_prefix(":::") {
            let Some(last) = m.nodes.last_mut() else {
                return Err(ParseError::at(source, t, "`:::class` must follow a node"));
            };
            last.classes
                .extend(cls.split_whitespace().map(|c| c.to_string()));
            rest = skip_line(rest);
            continue;
        }
        let start = &rest[line.len() - line.trim_start().len()..];
        let (node, after) = node(source, start)?;
        rest = after;
        if m.nodes.len() >= MAX_NODES {
            return Err(ParseError::at(
                source,
                t,
                format!("too many nodes (at most {MAX_NODES})"),
            ));
        }
        while stack.last().is_some_and(|&(i, _)| i >= indent) {
            stack.pop();
        }
        let index = m.nodes.len();
        let parent = stack.last().map(|&(_, p)| p);
        if parent.is_none() && index > 0 {
            return Err(ParseError::at(
                source,
                first_line(start),
                format!(
                    "there can be only one root: `{}` is not indented under `{}`",
                    node.0, m.nodes[0].text
                ),
            ));
        }
        let (depth, section) = match parent {
            None => (0, None),
            Some(p) => {
                let pn = &m.nodes[p];
                let section = pn.section.or(Some(pn.children.len()));
                (pn.depth + 1, section)
            }
        };
        if let Some(p) = parent {
            m.nodes[p].children.push(index);
        }
        crate::diagrams::budget::nodes(source, t, index + 1, "node")?;
        crate::diagrams::budget::nesting(source, t, depth + 1, "node")?;
        let (id, text, markdown, shape) = node;
        m.nodes.push(Node {
            id,
            text,
            markdown,
            shape,
            icon: None,
            classes: Vec::new(),
            parent,
            children: Vec::new(),
            depth,
            section,
        });
        stack.push((indent, index));
    }
    Ok(m)
}

fn first_line(s: &str) -> &str {
    line_rest(s).trim_end()
}

type NodeParts = (String, String, bool, Shape);

/// One node at the start of `s` (after its indentation): returns it and
/// the input after it (a quoted label may span lines).
fn node<'a>(source: &str, s: &'a str) -> Result<(NodeParts, &'a str), ParseError> {
    let line = line_rest(s);
    let open_at = line.find(['(', '[', '{', ')']);
    let Some(k) = open_at else {
        let t = line.trim();
        let (text, md) = label_text(t);
        return Ok(((t.to_string(), text, md, Shape::Default), skip_line(s)));
    };
    let id = line[..k].trim();
    let after_id = &s[k..];
    let Some(&(open, close, shape)) = DELIMS.iter().find(|(o, _, _)| after_id.starts_with(o))
    else {
        return Err(ParseError::at(
            source,
            &after_id[..1],
            format!(
                "unexpected `{}` (expected a shape: `[…]`, `(…)`, `((…))`, `))…((`, `)…(` or `{{{{…}}}}`)",
                &after_id[..1]
            ),
        ));
    };
    let inner = &after_id[open.len()..];
    let inner_t = inner.trim_start_matches([' ', '\t']);
    if let Some(q) = inner_t.strip_prefix('"') {
        // A quoted label, possibly over several lines.
        let Some(end) = q.find('"') else {
            return Err(ParseError::at(
                source,
                &inner_t[..1],
                "unclosed string (expected `\"`)",
            ));
        };
        let raw = &q[..end];
        let tail = q[end + 1..].trim_start_matches([' ', '\t']);
        let Some(after) = tail.strip_prefix(close) else {
            return Err(ParseError::at(
                source,
                &after_id[..open.len()],
                format!("unclosed `{open}` (expected `{close}` after the label)"),
            ));
        };
        let (text, md) = quoted_text(raw);
        let rest_line = line_rest(after).trim();
        if !rest_line.is_empty() && !rest_line.starts_with("%%") {
            return Err(ParseError::at(
                source,
                rest_line,
                format!("unexpected `{rest_line}` after the node"),
            ));
        }
        let id = if id.is_empty() {
            text.clone()
        } else {
            id.to_string()
        };
        return Ok(((id, text, md, shape), skip_line(after)));
    }
    let body = line_rest(inner).trim_end();
    if let Some(text) = body.strip_suffix(close) {
        let (text, md) = label_text(text.trim());
        let id = if id.is_empty() {
            text.clone()
        } else {
            id.to_string()
        };
        return Ok(((id, text, md, shape), skip_line(s)));
    }
    // The label goes on over the next lines, up to the closing delimiter.
    let Some(end) = inner.find(close) else {
        return Err(ParseError::at(
            source,
            &after_id[..open.len()],
            format!("unclosed `{open}` (expected `{close}`)"),
        ));
    };
    let after = &inner[end + close.len()..];
    let rest_line = line_rest(after).trim();
    if !rest_line.is_empty() && !rest_line.starts_with("%%") {
        return Err(ParseError::at(
            source,
            rest_line,
            format!("unexpected `{rest_line}` after the node"),
        ));
    }
    let lines: Vec<&str> = inner[..end]
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let (text, md) = label_text(&lines.join("\n"));
    let id = if id.is_empty() {
        text.clone()
    } else {
        id.to_string()
    };
    Ok(((id, text, md, shape), skip_line(after)))
}

/// Text of an unquoted label (`<br>` breaks lines; a whole-label quoted
/// string is unwrapped).
fn label_text(t: &str) -> (String, bool) {
    if let Some(q) = t.strip_prefix('"').and_then(|q| q.strip_suffix('"')) {
        return quoted_text(q);
    }
    if t.len() >= 2 && t.starts_with('`') && t.ends_with('`') {
        return quoted_text(t);
    }
    (breaks(t), false)
}

/// A quoted label: markdown when wrapped in backticks.
fn quoted_text(raw: &str) -> (String, bool) {
    if let Some(md) = raw.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        let lines: Vec<&str> = md.split('\n').map(str::trim).collect();
        return (breaks(&lines.join("\n")), true);
    }
    (breaks(raw), false)
}

fn breaks(t: &str) -> String {
    let mut s = t.to_string();
    for b in ["<br/>", "<br />", "<br>", "<BR>", "<BR/>"] {
        s = s.replace(b, "\n");
    }
    s
}
