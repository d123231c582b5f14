//! Sankey source → [`Sankey`]: after the header (`sankey` or
//! `sankey-beta`), CSV rows `source,target,value`. Fields may be quoted
//! (`"a, b"`, with `""` for a quote inside); blank lines and `%%`
//! comments are skipped.

use super::model::{Link, Sankey};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Parse the diagram of `pre`.
pub fn parse(pre: &Preamble<'_>) -> Result<Sankey, ParseError> {
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
    crate::diagrams::budget::lines(src, body)?;
    let mut s = Sankey::default();
    // Node indexes by name (lookups only: the order is `s.nodes`).
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
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
                Accessibility::Title(v) => s.acc_title = Some(v),
                Accessibility::Description(v) => s.acc_descr = Some(v),
            }
            rest = after;
            continue;
        }
        let fields = row(src, t)?;
        if fields.len() != 3 {
            return Err(ParseError::at(
                src,
                t,
                format!(
                    "a sankey row has {} field{} (expected three: `source,target,value`)",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        let (vs, vpart) = (&fields[2].0, fields[2].1);
        let value: f64 = vs
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| {
                ParseError::at(
                    src,
                    if vpart.is_empty() { t } else { vpart },
                    format!("the value `{vs}` is not a number (expected `source,target,value`)"),
                )
            })?;
        if value < 0.0 {
            return Err(ParseError::at(src, vpart, "a flow cannot be negative"));
        }
        let a = node(&mut s, &mut index, &fields[0].0);
        let b = node(&mut s, &mut index, &fields[1].0);
        crate::diagrams::budget::nodes(src, t, s.nodes.len(), "node")?;
        crate::diagrams::budget::edges(src, t, s.links.len() + 1, "link")?;
        s.links.push(Link {
            source: a,
            target: b,
            value,
        });
        rest = next;
    }
    Ok(s)
}

/// The index of node `name`, added when new (as [`Sankey::node`], in
/// constant time).
fn node(s: &mut Sankey, index: &mut std::collections::HashMap<String, usize>, name: &str) -> usize {
    if let Some(&i) = index.get(name) {
        return i;
    }
    let i = s.nodes.len();
    s.nodes.push(name.to_string());
    index.insert(name.to_string(), i);
    i
}

/// Split one CSV line into fields (text, and the slice it came from).
fn row<'a>(src: &str, t: &'a str) -> Result<Vec<(String, &'a str)>, ParseError> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = t.as_bytes();
    loop {
        // Skip spaces before a field.
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        let start = i;
        if i < b.len() && b[i] == b'"' {
            let mut text = String::new();
            i += 1;
            let mut closed = false;
            while i < b.len() {
                if b[i] == b'"' {
                    if b.get(i + 1) == Some(&b'"') {
                        text.push('"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i += 1;
                    break;
                }
                let ch = t[i..].chars().next().unwrap_or(' ');
                text.push(ch);
                i += ch.len_utf8();
            }
            if !closed {
                return Err(ParseError::at(
                    src,
                    &t[start..start + 1],
                    "unclosed quoted field (expected a closing `\"`)",
                ));
            }
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            if i < b.len() && b[i] != b',' {
                return Err(ParseError::at(
                    src,
                    &t[i..],
                    "unexpected text after a quoted field (expected `,`)",
                ));
            }
            out.push((text, &t[start..i]));
        } else {
            let end = t[i..].find(',').map_or(t.len(), |p| i + p);
            let field = &t[i..end];
            if field.contains('"') {
                let q = field.find('"').map_or(i, |p| i + p);
                return Err(ParseError::at(
                    src,
                    &t[q..q + 1],
                    "a quote inside an unquoted field (quote the whole field: `\"a \"\"b\"\"\"`)",
                ));
            }
            out.push((field.trim().to_string(), field.trim()));
            i = end;
        }
        if i < b.len() && b[i] == b',' {
            i += 1;
            continue;
        }
        return Ok(out);
    }
}
