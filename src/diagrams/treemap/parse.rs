//! Treemap source → [`Treemap`].
//!
//! After the header (`treemap-beta` or `treemap`), one item a line, the
//! hierarchy given by indentation: `"Section"` or `"Leaf": 12`, each
//! optionally followed by `:::class`. Also `classDef name styles;`,
//! `title …`, `accTitle:` / `accDescr:` and `%%` comments.

use super::model::{ClassDef, Item, Treemap};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Parse the diagram of `pre`.
pub fn parse(pre: &Preamble<'_>) -> Result<Treemap, ParseError> {
    let src = pre.source;
    let body = pre.body();
    let first_end = body.find('\n').unwrap_or(body.len());
    let after = body[..first_end]
        .get(pre.keyword.len()..)
        .unwrap_or("")
        .trim();
    if !after.is_empty() && !after.starts_with("%%") {
        return Err(ParseError::at(
            src,
            after,
            format!(
                "unexpected `{after}` after `{}` (expected a new line)",
                pre.keyword
            ),
        ));
    }
    let mut tm = Treemap {
        items: vec![Item::default()],
        ..Treemap::default()
    };
    // (indent, item) of the open ancestors.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut rest = &body[first_end..];
    let mut in_directive = false;
    while !rest.is_empty() {
        let (line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        let t = line.trim();
        if in_directive {
            in_directive = !t.contains("}%%");
            rest = next;
            continue;
        }
        if t.is_empty() || t.starts_with("%%") {
            in_directive = t.starts_with("%%{") && !t.contains("}%%");
            rest = next;
            continue;
        }
        if let Some((acc, after)) = accessibility(src, rest)? {
            match acc {
                Accessibility::Title(v) => tm.acc_title = Some(v),
                Accessibility::Description(v) => tm.acc_descr = Some(v),
            }
            rest = after;
            continue;
        }
        if let Some(r) = t.strip_prefix("classDef") {
            if r.starts_with([' ', '\t']) {
                tm.classes.push(class_def(src, r.trim())?);
                rest = next;
                continue;
            }
        }
        if let Some(r) = t.strip_prefix("title") {
            if r.is_empty() || r.starts_with([' ', '\t']) {
                tm.title = Some(r.trim().to_string());
                rest = next;
                continue;
            }
        }
        let indent = line.len() - line.trim_start().len();
        let item = item(src, t)?;
        let idx = tm.items.len();
        crate::diagrams::budget::nodes(src, t, idx, "item")?;
        crate::diagrams::budget::nesting(src, t, stack.len() + 1, "item")?;
        tm.items.push(item);
        while stack.last().is_some_and(|&(ind, _)| ind >= indent) {
            stack.pop();
        }
        let parent = stack.last().map_or(0, |&(_, p)| p);
        tm.items[parent].children.push(idx);
        stack.push((indent, idx));
        rest = next;
    }
    Ok(tm)
}

/// `"Name"`, `"Name": 12`, each with an optional `:::class`.
fn item(src: &str, t: &str) -> Result<Item, ParseError> {
    let q = t.chars().next().unwrap_or(' ');
    if q != '"' && q != '\'' {
        let w = t.split_whitespace().next().unwrap_or(t);
        return Err(ParseError::at(
            src,
            w,
            format!("unexpected `{w}` (expected a quoted name such as `\"Section\"` or `\"Leaf\": 10`, `classDef` or `title`)"),
        ));
    }
    let inner = &t[1..];
    let Some(close) = inner.find(q) else {
        return Err(ParseError::at(
            src,
            &t[..1],
            format!("unclosed name (expected a closing `{q}`)"),
        ));
    };
    let name = inner[..close].to_string();
    let mut r = inner[close + 1..].trim_start();
    let mut value = None;
    let mut class = None;
    if let Some(v) = r.strip_prefix(":::") {
        let end = v.find(char::is_whitespace).unwrap_or(v.len());
        class = Some(v[..end].to_string());
        r = v[end..].trim_start();
    } else if let Some(v) = r.strip_prefix(':').or_else(|| r.strip_prefix(',')) {
        let v = v.trim_start();
        let end = v
            .find(|c: char| c.is_whitespace() || c == ':')
            .unwrap_or(v.len());
        let num = &v[..end];
        let parsed: f64 = num
            .parse()
            .ok()
            .filter(|x: &f64| x.is_finite())
            .ok_or_else(|| {
                let at = if num.is_empty() { t } else { num };
                ParseError::at(
                    src,
                    at,
                    format!("the value `{num}` is not a number (expected `\"{name}\": 10`)"),
                )
            })?;
        value = Some(parsed);
        r = v[end..].trim_start();
        if let Some(c) = r.strip_prefix(":::") {
            let end = c.find(char::is_whitespace).unwrap_or(c.len());
            class = Some(c[..end].to_string());
            r = c[end..].trim_start();
        }
    }
    let r = r.trim_end_matches(';').trim();
    if !r.is_empty() && !r.starts_with("%%") {
        return Err(ParseError::at(
            src,
            r,
            "unexpected text after the item (expected `: value`, `:::class` or the end of the line)",
        ));
    }
    Ok(Item {
        name,
        value,
        class,
        children: Vec::new(),
    })
}

/// `name fill:red,color:blue,stroke:#FFD600;`
fn class_def(src: &str, t: &str) -> Result<ClassDef, ParseError> {
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    let name = &t[..end];
    if name.is_empty() {
        return Err(ParseError::at(
            src,
            t,
            "expected a class name after `classDef`",
        ));
    }
    let styles = t[end..]
        .trim()
        .trim_end_matches(';')
        .split(',')
        .filter_map(|p| {
            let (k, v) = p.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    Ok(ClassDef {
        name: name.to_string(),
        styles,
    })
}
