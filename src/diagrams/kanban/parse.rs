//! `kanban` source → [`Board`]: the least indented nodes are columns,
//! nodes indented under them are cards; a card may end with
//! `@{ assigned: …, ticket: …, priority: … }`.

use super::model::{Board, Column, Item, Priority};
use crate::syntax::lex::{line_rest, skip_line};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Most cards one board may hold.
pub const MAX_ITEMS: usize = 10_000;

const DELIMS: &[(&str, &str)] = &[
    ("((", "))"),
    ("))", "(("),
    ("{{", "}}"),
    ("(", ")"),
    (")", "("),
    ("[", "]"),
];

/// A node: id, text, markdown, and the text after it on its line.
struct NodeText<'a> {
    id: String,
    text: String,
    markdown: bool,
    tail: &'a str,
}

/// Parse a board.
pub fn parse(pre: &Preamble<'_>) -> Result<Board, ParseError> {
    let source = pre.source;
    let mut b = Board::default();
    crate::diagrams::budget::lines(source, pre.body())?;
    let mut rest = skip_line(pre.body());
    let mut column_indent: Option<usize> = None;
    let mut count = 0usize;
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
                Accessibility::Title(v) => b.acc_title = Some(v),
                Accessibility::Description(v) => b.acc_descr = Some(v),
            }
            rest = r;
            continue;
        }
        let indent = line[..line.len() - line.trim_start().len()].chars().count();
        let start = &rest[line.len() - line.trim_start().len()..];
        let (node, after) = node(source, start)?;
        crate::diagrams::budget::nodes(source, t, b.columns.len() + count + 1, "column or card")?;
        rest = after;
        let is_column = column_indent.is_none_or(|c| indent <= c);
        if is_column {
            column_indent = Some(column_indent.map_or(indent, |c| c.min(indent)));
            if !node.tail.trim().is_empty() {
                return Err(ParseError::at(
                    source,
                    node.tail.trim(),
                    format!("unexpected `{}` after the column", node.tail.trim()),
                ));
            }
            b.columns.push(Column {
                id: node.id,
                title: node.text,
                items: Vec::new(),
            });
            continue;
        }
        count += 1;
        if count > MAX_ITEMS {
            return Err(ParseError::at(
                source,
                t,
                format!("too many cards (at most {MAX_ITEMS})"),
            ));
        }
        let mut item = Item {
            id: node.id,
            text: node.text,
            markdown: node.markdown,
            ..Item::default()
        };
        metadata(source, node.tail, &mut item)?;
        if let Some(col) = b.columns.last_mut() {
            col.items.push(item);
        }
    }
    Ok(b)
}

fn node<'a>(source: &str, s: &'a str) -> Result<(NodeText<'a>, &'a str), ParseError> {
    let line = line_rest(s);
    let meta = line.find("@{").unwrap_or(line.len());
    let head = &line[..meta];
    let Some(k) = head.find(['(', '[', '{', ')']) else {
        let t = head.trim();
        return Ok((
            NodeText {
                id: t.to_string(),
                text: breaks(t),
                markdown: false,
                tail: &line[meta..],
            },
            skip_line(s),
        ));
    };
    let id = head[..k].trim();
    let after_id = &s[k..];
    let Some(&(open, close)) = DELIMS.iter().find(|(o, _)| after_id.starts_with(o)) else {
        return Err(ParseError::at(
            source,
            &after_id[..1],
            format!("unexpected `{}` (expected `[text]`)", &after_id[..1]),
        ));
    };
    let inner = &after_id[open.len()..];
    let inner_t = inner.trim_start_matches([' ', '\t']);
    let (raw, after_close) = if let Some(q) = inner_t.strip_prefix('"') {
        let Some(end) = q.find('"') else {
            return Err(ParseError::at(
                source,
                &inner_t[..1],
                "unclosed string (expected `\"`)",
            ));
        };
        let tail = q[end + 1..].trim_start_matches([' ', '\t']);
        let Some(after) = tail.strip_prefix(close) else {
            return Err(ParseError::at(
                source,
                &after_id[..open.len()],
                format!("unclosed `{open}` (expected `{close}` after the text)"),
            ));
        };
        (&q[..end], after)
    } else {
        // The text runs to the last closing delimiter before any `@{`
        // (looked for on this line only, not in the rest of the source).
        let line_len = line_rest(inner).len();
        crate::work::add(line_len);
        let limit = inner[..line_len].find("@{").unwrap_or(line_len);
        match inner[..limit].rfind(close) {
            Some(end) => (&inner[..end], &inner[end + close.len()..]),
            None => match inner.find(close) {
                Some(end) if !inner[..end].contains("@{") => {
                    (&inner[..end], &inner[end + close.len()..])
                }
                _ => {
                    return Err(ParseError::at(
                        source,
                        &after_id[..open.len()],
                        format!("unclosed `{open}` (expected `{close}`)"),
                    ))
                }
            },
        }
    };
    let tail = line_rest(after_close);
    let (text, markdown) = text_of(raw);
    let id = if id.is_empty() {
        text.clone()
    } else {
        id.to_string()
    };
    let rest = skip_line(after_close);
    // `@{ … }` may go on over several lines (`tail` is a prefix of
    // `after_close`).
    let (tail, rest) = match tail.find("@{") {
        Some(p) if !tail[p..].contains('}') => match after_close[p..].find('}') {
            Some(e) => (
                &after_close[..p + e + 1],
                skip_line(&after_close[p + e + 1..]),
            ),
            None => (tail, rest),
        },
        _ => (tail, rest),
    };
    Ok((
        NodeText {
            id,
            text,
            markdown,
            tail,
        },
        rest,
    ))
}

fn text_of(raw: &str) -> (String, bool) {
    let lines: Vec<&str> = raw
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let t = lines.join("\n");
    if t.len() >= 2 && t.starts_with('`') && t.ends_with('`') {
        return (breaks(&t[1..t.len() - 1]), true);
    }
    (breaks(&t), false)
}

fn breaks(t: &str) -> String {
    let mut s = t.to_string();
    for b in ["<br/>", "<br />", "<br>", "<BR>", "<BR/>"] {
        s = s.replace(b, "\n");
    }
    s
}

/// `@{ key: value, … }` after a card.
fn metadata(source: &str, tail: &str, item: &mut Item) -> Result<(), ParseError> {
    let t = tail.trim();
    if t.is_empty() || t.starts_with("%%") {
        return Ok(());
    }
    let Some(body) = t.strip_prefix("@{") else {
        return Err(ParseError::at(
            source,
            t,
            format!("unexpected `{t}` after the card (expected `@{{ … }}`)"),
        ));
    };
    let Some(end) = body.rfind('}') else {
        return Err(ParseError::at(
            source,
            &t[..2],
            "unclosed `@{` (expected `}`)",
        ));
    };
    let after = body[end + 1..].trim();
    if !after.is_empty() && !after.starts_with("%%") {
        return Err(ParseError::at(
            source,
            after,
            format!("unexpected `{after}` after `}}`"),
        ));
    }
    for part in split_fields(&body[..end]) {
        let p = part.trim();
        if p.is_empty() {
            continue;
        }
        let Some((k, v)) = p.split_once(':') else {
            return Err(ParseError::at(
                source,
                p,
                format!("`{p}` is not a `key: value` pair"),
            ));
        };
        let v = unquote(v.trim());
        match k.trim() {
            "assigned" => item.assigned = Some(v.to_string()),
            "ticket" => item.ticket = Some(v.to_string()),
            "priority" => {
                item.priority = match v.to_ascii_lowercase().as_str() {
                    "very high" => Some(Priority::VeryHigh),
                    "high" => Some(Priority::High),
                    "low" => Some(Priority::Low),
                    "very low" => Some(Priority::VeryLow),
                    _ => {
                        return Err(ParseError::at(
                            source,
                            p,
                            format!("unknown priority `{v}` (expected 'Very High', 'High', 'Low' or 'Very Low')"),
                        ))
                    }
                }
            }
            "label" => item.text = v.to_string(),
            _ => {}
        }
    }
    Ok(())
}

/// Split on commas outside quotes.
fn split_fields(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == ',' || c == '\n' => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn unquote(v: &str) -> &str {
    for q in ['\'', '"'] {
        if let Some(x) = v.strip_prefix(q).and_then(|x| x.strip_suffix(q)) {
            return x;
        }
    }
    v
}
