//! Parser: `requirementDiagram` source → [`Diagram`].
//!
//! Line-based and hand-written, every error located:
//!
//! ```text
//! requirement name[:::c] {        (or functionalRequirement, interfaceRequirement,
//!   id: 1                          performanceRequirement, physicalRequirement,
//!   text: "quoted" or plain        designConstraint)
//!   risk: low|medium|high
//!   verifymethod: analysis|inspection|test|demonstration
//! }
//! element name[:::c] { type: …  docref: … }
//! a - satisfies -> b      b <- copies - a      (contains, copies, derives,
//! direction TB|BT|LR|RL                          satisfies, verifies, refines, traces)
//! style a,b fill:#f9f     classDef c fill:#f96     class a,b c     a:::c
//! accTitle: …  accDescr: …  accDescr { … }  %% comment
//! ```
//!
//! Keywords are case-insensitive, as in Mermaid. Names and values are
//! quoted or plain (a plain name stops at `{`, `<`, `>`, `-`, `=` or `:::`).
//! Relationships, `class` and `style` may name boxes defined later.

use super::model::{Diagram, Kind, Node, RelKind, ReqKind, Risk, Verify};
use crate::geometry::Direction;
use crate::style::{parse_style_list, StyleDecl};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

type PResult<T> = Result<T, ParseError>;

/// The whole source and one line of it.
struct Line<'a> {
    src: &'a str,
    /// Byte offset of the line's start in `src`.
    at: usize,
    text: &'a str,
}

impl Line<'_> {
    fn err(&self, from: usize, len: usize, msg: impl Into<String>) -> ParseError {
        let mut s = (self.at + from).min(self.src.len());
        while !self.src.is_char_boundary(s) {
            s -= 1;
        }
        let mut e = (s + len.max(1)).min(self.src.len());
        while !self.src.is_char_boundary(e) {
            e += 1;
        }
        ParseError::syntax(self.src, s, e, msg)
    }
}

/// Offset of the first non-blank character of `s` at or after `from`.
fn skip_ws(s: &str, from: usize) -> usize {
    let r = s.get(from..).unwrap_or("");
    from + (r.len() - r.trim_start().len())
}

/// `word` (any case) at `from` in `s`, followed by a non-word character.
fn word_at(s: &str, from: usize, word: &str) -> bool {
    let r = s.get(from..).unwrap_or("");
    r.len() >= word.len()
        && r.is_char_boundary(word.len())
        && r[..word.len()].eq_ignore_ascii_case(word)
        && !r[word.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// A name at `from`: `"quoted"` or plain. Returns the name and the offset
/// after it.
fn name_at(l: &Line<'_>, from: usize, what: &str) -> PResult<(String, usize)> {
    let s = l.text;
    let r = s.get(from..).unwrap_or("");
    if let Some(q) = r.strip_prefix('"') {
        let Some(e) = q.find('"') else {
            return Err(l.err(from, 1, format!("unclosed `\"` in {what}")));
        };
        if q[..e].trim().is_empty() {
            return Err(l.err(from, e + 2, format!("{what} cannot be empty")));
        }
        return Ok((q[..e].to_string(), from + e + 2));
    }
    let mut end = r.len();
    for (i, c) in r.char_indices() {
        if matches!(c, '{' | '<' | '>' | '-' | '=') || r[i..].starts_with(":::") {
            end = i;
            break;
        }
    }
    let name = r[..end].trim();
    if name.is_empty() || !r.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        let tok: String = r.chars().take_while(|c| !c.is_whitespace()).collect();
        let shown = if tok.is_empty() {
            "end of line".to_string()
        } else {
            format!("`{tok}`")
        };
        return Err(l.err(
            from,
            tok.len(),
            format!("unexpected {shown}: expected {what}"),
        ));
    }
    Ok((name.to_string(), from + r[..end].trim_end().len()))
}

/// `a,b,c` names (plain words) at `from`; the names and the offset after.
fn id_list(l: &Line<'_>, from: usize, what: &str) -> PResult<(Vec<String>, usize)> {
    let s = l.text;
    let mut out = Vec::new();
    let mut p = from;
    loop {
        p = skip_ws(s, p);
        let r = s.get(p..).unwrap_or("");
        let n = r
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(r.len());
        if n == 0 {
            return Err(l.err(p, 1, format!("expected {what}")));
        }
        out.push(r[..n].to_string());
        p += n;
        let q = skip_ws(s, p);
        if s.get(q..).is_some_and(|r| r.starts_with(',')) {
            p = q + 1;
        } else {
            return Ok((out, p));
        }
    }
}

/// A field value: `"quoted"` or the rest of the line.
fn value(l: &Line<'_>, from: usize) -> PResult<String> {
    let r = l.text.get(from..).unwrap_or("").trim();
    if let Some(q) = r.strip_prefix('"') {
        let Some(e) = q.find('"') else {
            return Err(l.err(from, 1, "unclosed `\"` in the value"));
        };
        return Ok(crate::syntax::lex::decode_text(&q[..e], true));
    }
    Ok(crate::syntax::lex::decode_text(r, false))
}

#[derive(Default)]
struct Pending {
    classes: Vec<(String, Vec<String>)>,
    styles: Vec<(String, Vec<StyleDecl>)>,
    rels: Vec<(String, String, RelKind)>,
}

/// Parse a requirement diagram.
pub fn parse(pre: &Preamble<'_>) -> PResult<Diagram> {
    let src = pre.source;
    let mut d = Diagram::default();
    let mut pending = Pending::default();
    let mut pos = pre.header + pre.keyword.len();
    // Text after the keyword on its line is not allowed.
    let first_end = src[pos..].find('\n').map_or(src.len(), |n| pos + n);
    if !src[pos..first_end].trim().is_empty() && !src[pos..first_end].trim().starts_with("%%") {
        let at = skip_ws(src, pos);
        return Err(ParseError::syntax(
            src,
            at,
            first_end,
            "unexpected text after `requirementDiagram`: expected a new line",
        ));
    }
    pos = first_end;
    // The box being filled: (node index, offset of its `{`).
    let mut open: Option<(usize, usize)> = None;
    while pos < src.len() {
        let start = if src[pos..].starts_with('\n') {
            pos + 1
        } else {
            pos
        };
        if start >= src.len() {
            break;
        }
        let end = src[start..].find('\n').map_or(src.len(), |n| start + n);
        let raw = &src[start..end];
        pos = end;
        let l = Line {
            src,
            at: start,
            text: raw,
        };
        let t = raw.trim();
        if t.is_empty() || t.starts_with("%%") || t.starts_with('#') {
            continue;
        }
        let lead = skip_ws(raw, 0);
        if let Some((ni, _)) = open {
            if t == "}" {
                open = None;
                continue;
            }
            field(&l, lead, &mut d.nodes[ni])?;
            continue;
        }
        if t.starts_with("accTitle") || t.starts_with("accDescr") {
            if let Some((acc, rest)) = accessibility(src, &src[start + lead..])? {
                match acc {
                    Accessibility::Title(v) => d.acc_title = Some(v),
                    Accessibility::Description(v) => d.acc_descr = Some(v),
                }
                pos = src.len() - rest.len();
                continue;
            }
        }
        if let Some(ni) = statement(&l, lead, &mut d, &mut pending)? {
            // A box whose body follows.
            let brace = raw.rfind('{').unwrap_or(0);
            open = Some((ni, start + brace));
        }
    }
    if let Some((_, at)) = open {
        return Err(ParseError::syntax(
            src,
            at,
            at + 1,
            "unclosed `{`: expected `}` on a line of its own",
        ));
    }
    let find = |d: &Diagram, name: &str| d.nodes.iter().position(|n| n.name == name);
    for (name, classes) in pending.classes {
        if let Some(i) = find(&d, &name) {
            d.nodes[i].classes.extend(classes);
        }
    }
    for (name, decls) in pending.styles {
        if let Some(i) = find(&d, &name) {
            d.nodes[i].styles.extend(decls);
        }
    }
    for (a, b, kind) in pending.rels {
        if let (Some(src), Some(dst)) = (find(&d, &a), find(&d, &b)) {
            d.relationships
                .push(super::model::Relationship { src, dst, kind });
        }
    }
    Ok(d)
}

/// One field line inside a box.
fn field(l: &Line<'_>, lead: usize, n: &mut Node) -> PResult<()> {
    let s = l.text;
    let key_len = s[lead..]
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len() - lead);
    let key = &s[lead..lead + key_len];
    let colon = skip_ws(s, lead + key_len);
    if key.is_empty() || !s[colon..].starts_with(':') {
        let what = match n.kind {
            Kind::Requirement(_) => "`id:`, `text:`, `risk:`, `verifymethod:` or `}`",
            Kind::Element => "`type:`, `docref:` or `}`",
        };
        return Err(l.err(
            lead,
            key_len.max(1),
            format!("unexpected `{}`: expected {what}", s[lead..].trim()),
        ));
    }
    let vstart = colon + 1;
    let v = value(l, vstart)?;
    let vat = skip_ws(s, vstart);
    let key_lc = key.to_ascii_lowercase();
    match (n.kind, key_lc.as_str()) {
        (Kind::Requirement(_), "id") => n.id = Some(v),
        (Kind::Requirement(_), "text") => n.text = Some(v),
        (Kind::Requirement(_), "risk") => {
            n.risk = Some(match v.to_ascii_lowercase().as_str() {
                "low" => Risk::Low,
                "medium" => Risk::Medium,
                "high" => Risk::High,
                _ => {
                    return Err(l.err(
                        vat,
                        v.len(),
                        format!("unknown risk `{v}`: expected Low, Medium or High"),
                    ))
                }
            })
        }
        (Kind::Requirement(_), "verifymethod") => {
            n.verify = Some(match v.to_ascii_lowercase().as_str() {
                "analysis" => Verify::Analysis,
                "inspection" => Verify::Inspection,
                "test" => Verify::Test,
                "demonstration" => Verify::Demonstration,
                _ => {
                    return Err(l.err(
                        vat,
                        v.len(),
                        format!(
                            "unknown verification method `{v}`: expected Analysis, Inspection, Test or Demonstration"
                        ),
                    ))
                }
            })
        }
        (Kind::Element, "type") => n.ty = Some(v),
        (Kind::Element, "docref") => n.docref = Some(v),
        (Kind::Requirement(_), _) => {
            return Err(l.err(
                lead,
                key_len,
                format!("unknown requirement field `{key}`: expected id, text, risk or verifymethod"),
            ))
        }
        (Kind::Element, _) => {
            return Err(l.err(
                lead,
                key_len,
                format!("unknown element field `{key}`: expected type or docref"),
            ))
        }
    }
    Ok(())
}

/// A statement outside a box. `Some(node)` when it opens a box's body.
fn statement(
    l: &Line<'_>,
    lead: usize,
    d: &mut Diagram,
    pending: &mut Pending,
) -> PResult<Option<usize>> {
    let s = l.text;
    if word_at(s, lead, "direction") {
        let at = skip_ws(s, lead + 9);
        let w = s[at..].trim();
        return match Direction::parse(w).or_else(|| Direction::parse(&w.to_ascii_uppercase())) {
            Some(dir) => {
                d.direction = dir;
                Ok(None)
            }
            None => Err(l.err(
                at,
                w.len(),
                format!("unknown direction `{w}`: expected TB, TD, BT, LR or RL"),
            )),
        };
    }
    if word_at(s, lead, "title") {
        d.title = Some(s[lead + 5..].trim().to_string());
        return Ok(None);
    }
    for (kw, is_def) in [("classDef", true), ("class", false), ("style", false)] {
        if !word_at(s, lead, kw) {
            continue;
        }
        let (names, after) = id_list(l, lead + kw.len(), "a name")?;
        if is_def {
            let decls = parse_style_list(&s[after..]);
            for n in names {
                d.class_defs.push((n, decls.clone()));
            }
        } else if kw == "class" {
            let (classes, after) = id_list(l, after, "a class name after the names")?;
            if !s[after..].trim().is_empty() {
                return Err(l.err(
                    skip_ws(s, after),
                    1,
                    "unexpected text after the class names",
                ));
            }
            for n in names {
                pending.classes.push((n, classes.clone()));
            }
        } else {
            let decls = parse_style_list(&s[after..]);
            for n in names {
                pending.styles.push((n, decls.clone()));
            }
        }
        return Ok(None);
    }
    // A box definition.
    let mut kind = None;
    for (kw, k) in ReqKind::ALL {
        if word_at(s, lead, kw) {
            kind = Some((Kind::Requirement(k), kw.len()));
        }
    }
    if word_at(s, lead, "element") {
        kind = Some((Kind::Element, 7));
    }
    if let Some((kind, kwlen)) = kind {
        let at = skip_ws(s, lead + kwlen);
        let (name, mut p) = name_at(l, at, "a name")?;
        let mut classes = Vec::new();
        if s[p..].starts_with(":::") {
            let (c, after) = id_list(l, p + 3, "a class name after `:::`")?;
            classes = c;
            p = after;
        }
        p = skip_ws(s, p);
        if !s[p..].starts_with('{') {
            return Err(l.err(p, 1, format!("expected `{{` after the name `{name}`")));
        }
        let rest = s[p + 1..].trim();
        let i = match d.nodes.iter().position(|n| n.name == name) {
            Some(i) => {
                d.nodes[i].kind = kind;
                i
            }
            None => {
                crate::diagrams::budget::nodes(
                    l.src,
                    l.text,
                    d.nodes.len() + 1,
                    "requirement or element",
                )?;
                d.nodes.push(Node::new(&name, kind));
                d.nodes.len() - 1
            }
        };
        d.nodes[i].classes.extend(classes);
        if rest == "}" {
            return Ok(None);
        }
        if !rest.is_empty() {
            return Err(l.err(
                skip_ws(s, p + 1),
                rest.len(),
                "unexpected text after `{`: put each field on a line of its own",
            ));
        }
        return Ok(Some(i));
    }
    // `a:::c`, or a relationship.
    let (a, p) = name_at(
        l,
        lead,
        "a requirement, an element, a relationship or a statement",
    )?;
    if s[p..].starts_with(":::") {
        let (c, after) = id_list(l, p + 3, "a class name after `:::`")?;
        if !s[after..].trim().is_empty() {
            return Err(l.err(
                skip_ws(s, after),
                1,
                "unexpected text after the class names",
            ));
        }
        pending.classes.push((a, c));
        return Ok(None);
    }
    let p = skip_ws(s, p);
    let r = &s[p..];
    let backward = r.starts_with("<-");
    if !backward && !r.starts_with('-') {
        return Err(l.err(
            p,
            1,
            format!(
                "unexpected {}: expected a relationship (`{a} - satisfies -> b` or `{a} <- copies - b`)",
                if r.is_empty() { "end of line".to_string() } else { format!("`{}`", r.chars().next().unwrap_or(' ')) }
            ),
        ));
    }
    let k_at = skip_ws(s, p + if backward { 2 } else { 1 });
    let kind = RelKind::ALL
        .iter()
        .find(|(w, _)| word_at(s, k_at, w))
        .map(|&(w, k)| (w.len(), k));
    let Some((klen, kind)) = kind else {
        let tok: String = s[k_at..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        return Err(l.err(
            k_at,
            tok.len(),
            format!(
                "unknown relationship `{tok}`: expected contains, copies, derives, satisfies, verifies, refines or traces"
            ),
        ));
    };
    let q = skip_ws(s, k_at + klen);
    let arrow = if backward { "-" } else { "->" };
    if !s[q..].starts_with(arrow) || (backward && s[q..].starts_with("->")) {
        return Err(l.err(q, 1, format!("expected `{arrow}` after `{}`", kind.name())));
    }
    let b_at = skip_ws(s, q + arrow.len());
    let (b, after) = name_at(l, b_at, "the name at the other end")?;
    if !s[after..].trim().is_empty() {
        return Err(l.err(
            skip_ws(s, after),
            1,
            "unexpected text after the relationship",
        ));
    }
    if backward {
        pending.rels.push((b, a, kind));
    } else {
        pending.rels.push((a, b, kind));
    }
    Ok(None)
}
