//! The flowchart parser (`graph` / `flowchart` / `flowchart-elk`):
//! header, then statements separated by newlines or `;`.
//!
//! Parsing produces a flat list of [`ast::Stmt`]; [`lower`] turns it into
//! the [`Graph`] model.

pub(crate) mod ast;
mod link;
mod lower;
pub(crate) mod meta;
mod node;

#[cfg(test)]
mod tests;

use ast::{NodeRef, Stmt, Text};
use link::link;
use node::node_ref;

use crate::diagrams::flowchart::model::{ClickAction, Direction, Graph};
use crate::syntax::lex::{
    at_statement_end, class_name, consumed, describe, fail, find_on_line, keyword_word, node_id,
    quoted, skip_line, sp0, statement_text, to_parse_error, token_len, vertex_id, PResult,
};
use crate::syntax::{ParseError, Preamble};

/// Parse a flowchart whose preamble (front matter, directives) has been
/// read.
///
/// Statements are lowered as they are parsed (no statement list is kept),
/// so memory and time stay linear in the input.
pub(crate) fn parse(pre: &Preamble<'_>) -> Result<Graph, ParseError> {
    parse_with(pre, crate::Budgets::default())
}

/// [`parse`] within `budgets` (nodes, edges, nesting, label length): the
/// first statement that would exceed one is a located
/// [`ParseErrorKind::Budget`](crate::syntax::ParseErrorKind::Budget) error.
pub(crate) fn parse_with(pre: &Preamble<'_>, budgets: crate::Budgets) -> Result<Graph, ParseError> {
    let source = pre.source;
    let syntax = |e| to_parse_error(source, e);
    let (mut i, dir) = self::header(pre.body()).map_err(syntax)?;
    let mut l = lower::Lower::new(pre, dir, budgets)?;
    let mut pending = Vec::new();
    loop {
        i = separators(i, &mut pending).map_err(syntax)?;
        for stmt in pending.drain(..) {
            l.stmt(&stmt)?;
        }
        if i.is_empty() {
            return l.finish();
        }
        let (rest, stmt) = statement(i).map_err(syntax)?;
        l.stmt(&stmt)?;
        i = rest;
    }
}

/// Skip blank lines, `;` and `%%` comments; `%%{…}%%` directives become
/// [`Stmt::Directive`].
fn separators<'a>(
    mut i: &'a str,
    out: &mut Vec<Stmt<'a>>,
) -> Result<&'a str, nom::Err<crate::syntax::lex::PErr<'a>>> {
    loop {
        i = i.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
        if let Some(body) = i.strip_prefix("%%{") {
            match body.find("}%%") {
                Some(p) => {
                    out.push(Stmt::Directive(&body[..p]));
                    i = &body[p + 3..];
                }
                None => {
                    return fail(i, 3, "unclosed directive `%%{` (expected `}%%`)").map(|(r, ())| r)
                }
            }
        } else if i.starts_with("%%") {
            i = skip_line(i);
        } else {
            return Ok(i);
        }
    }
}

/// Fail unless the statement ends here (newline, `;`, comment or end of input).
fn expect_end<'a>(i: &'a str, what: impl FnOnce() -> String) -> PResult<'a, ()> {
    let t = sp0(i);
    if at_statement_end(t) {
        Ok((t, ()))
    } else {
        fail(
            t,
            token_len(t),
            format!("{}, found {}", what(), describe(t)),
        )
    }
}

/// `graph`, `flowchart` or `flowchart-elk`, then an optional direction.
fn header(i: &str) -> PResult<'_, Direction> {
    let kw = keyword_word(i);
    let rest = sp0(&i[kw.len()..]);
    if at_statement_end(rest) {
        return Ok((rest, Direction::TB));
    }
    let word_len = rest
        .find(|c: char| c.is_whitespace() || c == ';')
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let dir = match word {
        ">" => Some(Direction::LR),
        "<" => Some(Direction::RL),
        "^" => Some(Direction::BT),
        "v" => Some(Direction::TB),
        w => Direction::parse(w),
    };
    let Some(dir) = dir else {
        return fail(
            rest,
            word_len,
            format!(
                "unknown direction `{word}` after `{kw}` (expected `TB`, `TD`, `BT`, `LR` or `RL`)"
            ),
        );
    };
    let (rest, ()) = expect_end(&rest[word_len..], || {
        format!("expected a new line or `;` after `{kw} {word}`")
    })?;
    Ok((rest, dir))
}

/// Is `kw` followed by a keyword boundary (space, `;`, end of line/input)?
fn is_keyword(i: &str, kw: &str) -> bool {
    i.strip_prefix(kw)
        .is_some_and(|r| r.is_empty() || r.starts_with(|c: char| c.is_whitespace() || c == ';'))
}

fn statement(i: &str) -> PResult<'_, Stmt<'_>> {
    let kw = keyword_word(i);
    // Most statements are node chains: skip the keyword checks unless the
    // leading word (up to a `-`, which no keyword has) is one.
    let word = &kw[..kw.find('-').unwrap_or(kw.len())];
    if !matches!(
        word,
        "subgraph"
            | "end"
            | "direction"
            | "style"
            | "classDef"
            | "class"
            | "linkStyle"
            | "click"
            | "accTitle"
            | "accDescr"
    ) {
        return chain(i);
    }
    if is_keyword(i, "subgraph") {
        return subgraph_start(i);
    }
    if is_keyword(i, "end") {
        let src = &i[..3];
        let (rest, ()) = expect_end(&i[3..], || "expected a new line or `;` after `end`".into())?;
        return Ok((rest, Stmt::End { src }));
    }
    if is_keyword(i, "direction") {
        return direction(i);
    }
    if is_keyword(i, "style") {
        return style(i);
    }
    if is_keyword(i, "classDef") {
        return class_def(i);
    }
    if is_keyword(i, "class") {
        return class(i);
    }
    if is_keyword(i, "linkStyle") {
        return link_style(i);
    }
    if is_keyword(i, "click") {
        return click(i);
    }
    if kw == "accTitle" || kw == "accDescr" {
        let r = sp0(&i[kw.len()..]);
        if let Some(r) = r.strip_prefix(':') {
            let text = statement_line(r);
            let rest = &r[text.len()..];
            let text = text.trim();
            let stmt = if kw == "accTitle" {
                Stmt::AccTitle(text)
            } else {
                Stmt::AccDescr(text)
            };
            return Ok((rest, stmt));
        }
        if kw == "accDescr" && r.starts_with('{') {
            return match r.find('}') {
                Some(p) => Ok((&r[p + 1..], Stmt::AccDescr(&r[1..p]))),
                None => fail(r, 1, "unclosed `accDescr {` (expected `}`)"),
            };
        }
    }
    chain(i)
}

/// The rest of the line (accessibility text keeps its `;`).
fn statement_line(i: &str) -> &str {
    let n = i.find('\n').unwrap_or(i.len());
    &i[..n]
}

/// `A & B --> C -- text --> D`
fn chain(i: &str) -> PResult<'_, Stmt<'_>> {
    // All groups' nodes in one vector (most chains are `A --> B`: room for
    // that without reallocating).
    let mut nodes = Vec::with_capacity(2);
    let (mut rest, ()) = group(i, None, &mut nodes)?;
    let mut links = Vec::with_capacity(1);
    loop {
        let mut t = sp0(rest);
        // An arrow may start the next line (`A\n  --> B`), as in mermaid-js.
        if t.starts_with('\n') {
            let next = t.trim_start();
            if next.starts_with(['-', '=', '.', '~', '<']) && link(next).is_ok() {
                t = next;
            }
        }
        // An edge id: `A e1@--> B`.
        let mut edge_id = None;
        if let Ok((r, eid)) = node_id(t) {
            if r.starts_with('@') && !r.starts_with("@{") {
                edge_id = Some(eid);
                t = &r[1..];
            }
        }
        match link(t) {
            Ok((r, mut l)) => {
                l.id = edge_id;
                l.next = nodes.len();
                // A link may end its line, its target on the next one
                // (`A -->\n B`): the link token takes whitespace, newlines
                // included, around it as in mermaid-js.
                let mut r = sp0(r);
                if r.starts_with(['\n', '\r']) && !r.trim_start().is_empty() {
                    r = r.trim_start();
                }
                let (r, ()) = group(r, Some(l.src.trim()), &mut nodes)?;
                links.push(l);
                rest = r;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    let last = nodes.last().map_or("", |n: &NodeRef| n.id);
    let (rest, ()) = expect_end(rest, || {
        format!("expected an arrow like `-->`, `&`, a new line or `;` after node `{last}`")
    })?;
    Ok((rest, Stmt::Chain { nodes, links }))
}

/// `A & B & C`, appended to `out`; `after` names the arrow before the
/// group, for messages.
fn group<'a>(i: &'a str, after: Option<&str>, out: &mut Vec<NodeRef<'a>>) -> PResult<'a, ()> {
    let missing = |t: &'a str, after: &str| {
        fail(
            t,
            token_len(t),
            format!("expected a node id{after}, found {}", describe(t)),
        )
    };
    let (mut rest, first) = match node_ref(i) {
        Ok(x) => x,
        Err(nom::Err::Error(_)) => {
            let after_msg = after.map(|a| format!(" after `{a}`")).unwrap_or_default();
            return missing(i, &after_msg);
        }
        Err(e) => return Err(e),
    };
    out.push(first);
    loop {
        let t = sp0(rest);
        let Some(r) = t.strip_prefix('&') else {
            break;
        };
        let r = sp0(r);
        match node_ref(r) {
            Ok((r, n)) => {
                out.push(n);
                rest = r;
            }
            Err(nom::Err::Error(_)) => return missing(r, " after `&`"),
            Err(e) => return Err(e),
        }
    }
    Ok((rest, ()))
}

/// `subgraph id`, `subgraph id [title]`, `subgraph id["title"]`,
/// `subgraph "title"`, `subgraph title with spaces`, each optionally
/// followed by `:::class`.
fn subgraph_start(i: &str) -> PResult<'_, Stmt<'_>> {
    let kw_end = "subgraph".len();
    let t = sp0(&i[kw_end..]);
    if at_statement_end(t) {
        return fail(
            &i[..kw_end],
            kw_end,
            format!(
                "expected a subgraph id or title after `subgraph`, found {}",
                describe(t)
            ),
        );
    }
    let (rest, id, title) = if t.starts_with('"') {
        let (r, s) = quoted(t)?;
        (
            r,
            None,
            Some(Text {
                raw: s,
                quoted: true,
            }),
        )
    } else {
        let stop = |p: usize| t[p..].starts_with(":::");
        let end = t
            .char_indices()
            .find(|&(p, c)| matches!(c, ';' | '[' | '\n') || stop(p) || t[p..].starts_with("%%"))
            .map_or(t.len(), |(p, _)| p);
        let head = t[..end].trim_end();
        if t[end..].starts_with('[') {
            if head.is_empty() {
                return fail(t, 1, "expected a subgraph id before `[`");
            }
            let (r, title) = bracket_title(&t[end..], head)?;
            (r, Some(head), Some(title))
        } else if !head.contains(char::is_whitespace) && t[end..].starts_with(":::") {
            (&t[head.len()..], Some(head), None)
        } else {
            (
                &t[head.len()..],
                None,
                Some(Text {
                    raw: head,
                    quoted: false,
                }),
            )
        }
    };
    let (rest, classes) = class_suffix(rest, id.unwrap_or("subgraph"))?;
    let src = consumed(i, rest);
    let (rest, ()) = expect_end(rest, || {
        "expected a new line or `;` after the subgraph title".into()
    })?;
    Ok((
        rest,
        Stmt::SubgraphStart {
            id,
            title,
            classes,
            src,
        },
    ))
}

/// `:::a:::b` after a node or subgraph.
pub(crate) fn class_suffix<'a>(mut rest: &'a str, owner: &str) -> PResult<'a, Vec<&'a str>> {
    let mut out = Vec::new();
    while let Some(r) = rest.strip_prefix(":::") {
        match class_name(r) {
            Ok((r, c)) => {
                out.push(c);
                rest = r;
            }
            Err(_) => {
                return fail(
                    r,
                    token_len(r),
                    format!(
                        "expected a class name after `:::` on `{owner}`, found {}",
                        describe(r)
                    ),
                )
            }
        }
    }
    Ok((rest, out))
}

/// `[title]` or `["title"]` after a subgraph id.
fn bracket_title<'a>(i: &'a str, id: &str) -> PResult<'a, Text<'a>> {
    let body = sp0(&i[1..]);
    if body.starts_with('"') {
        let (r, s) = quoted(body)?;
        let r = sp0(r);
        return match r.strip_prefix(']') {
            Some(r) => Ok((
                r,
                Text {
                    raw: s,
                    quoted: true,
                },
            )),
            None => fail(
                r,
                token_len(r),
                format!(
                    "expected `]` after the title of subgraph `{id}`, found {}",
                    describe(r)
                ),
            ),
        };
    }
    match find_on_line(body, |c| c == ']') {
        Some(p) => Ok((
            &body[p + 1..],
            Text {
                raw: &body[..p],
                quoted: false,
            },
        )),
        None => fail(
            i,
            1,
            format!("unclosed `[` in the title of subgraph `{id}` (expected `]`)"),
        ),
    }
}

/// `direction TB`
fn direction(i: &str) -> PResult<'_, Stmt<'_>> {
    let t = sp0(&i["direction".len()..]);
    let n = t
        .find(|c: char| c.is_whitespace() || c == ';')
        .unwrap_or(t.len());
    let word = &t[..n];
    let Some(dir) = Direction::parse(word) else {
        return fail(
            t,
            n,
            format!(
                "expected a direction (`TB`, `TD`, `BT`, `LR` or `RL`) after `direction`, found {}",
                describe(t)
            ),
        );
    };
    let src = consumed(i, &t[n..]);
    let (rest, ()) = expect_end(&t[n..], || {
        format!("expected a new line or `;` after `direction {word}`")
    })?;
    Ok((rest, Stmt::Direction { dir, src }))
}

/// The rest of a statement (to `;` or end of line) as style declarations.
fn decl_text(i: &str) -> (&str, &str) {
    let text = statement_text(i);
    (&i[text.len()..], text.trim())
}

/// `style id fill:#f9f,stroke:#333`
fn style(i: &str) -> PResult<'_, Stmt<'_>> {
    let t = sp0(&i["style".len()..]);
    let Ok((r, id)) = vertex_id(t) else {
        return fail(
            t,
            token_len(t),
            format!("expected a node id after `style`, found {}", describe(t)),
        );
    };
    let (rest, decls) = decl_text(r);
    Ok((rest, Stmt::Style { id, decls }))
}

/// A comma-separated list (`a,b , c`) of items parsed by `item`.
fn comma_list<'a>(
    i: &'a str,
    item: fn(&'a str) -> PResult<'a, &'a str>,
) -> Option<(&'a str, Vec<&'a str>)> {
    let (mut rest, first) = item(i).ok()?;
    let mut out = vec![first];
    while let Some(r) = sp0(rest).strip_prefix(',') {
        let (r, x) = item(sp0(r)).ok()?;
        out.push(x);
        rest = r;
    }
    Some((rest, out))
}

/// `classDef name[,name2] decls`
fn class_def(i: &str) -> PResult<'_, Stmt<'_>> {
    let t = sp0(&i["classDef".len()..]);
    let Some((r, names)) = comma_list(t, class_name) else {
        return fail(
            t,
            token_len(t),
            format!(
                "expected a class name after `classDef`, found {}",
                describe(t)
            ),
        );
    };
    let (rest, decls) = decl_text(r);
    Ok((rest, Stmt::ClassDef { names, decls }))
}

/// `class a,b name`
fn class(i: &str) -> PResult<'_, Stmt<'_>> {
    let t = sp0(&i["class".len()..]);
    let Some((r, ids)) = comma_list(t, node_id) else {
        return fail(
            t,
            token_len(t),
            format!("expected a node id after `class`, found {}", describe(t)),
        );
    };
    let c = sp0(r);
    let Some((r, classes)) = comma_list(c, class_name) else {
        return fail(
            c,
            token_len(c),
            format!(
                "expected a class name after `class {}`, found {}",
                ids.join(","),
                describe(c)
            ),
        );
    };
    let (rest, ()) = expect_end(r, || {
        "expected a new line or `;` after the class name".into()
    })?;
    Ok((rest, Stmt::Class { ids, classes }))
}

/// `linkStyle 0,1 [interpolate X] decls` / `linkStyle default …`
fn link_style(i: &str) -> PResult<'_, Stmt<'_>> {
    let t = sp0(&i["linkStyle".len()..]);
    let (r, indices) = if is_keyword(t, "default") {
        (&t["default".len()..], None)
    } else {
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let mut indices = Vec::new();
        let mut r = t;
        loop {
            r = sp0(r);
            let n = digits(r);
            if n == 0 {
                return fail(
                    r,
                    token_len(r),
                    format!(
                        "expected an edge number or `default` after `linkStyle`, found {}",
                        describe(r)
                    ),
                );
            }
            indices.push(&r[..n]);
            r = &r[n..];
            match sp0(r).strip_prefix(',') {
                Some(rest) => r = rest,
                None => break,
            }
        }
        (r, Some(indices))
    };
    let mut r = sp0(r);
    let mut interpolate = None;
    if is_keyword(r, "interpolate") {
        let t = sp0(&r["interpolate".len()..]);
        let n = t
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(t.len());
        if n == 0 {
            return fail(
                t,
                token_len(t),
                format!(
                    "expected a curve name such as `basis` or `linear` after `interpolate`, found {}",
                    describe(t)
                ),
            );
        }
        interpolate = Some(&t[..n]);
        r = &t[n..];
    }
    let (rest, decls) = decl_text(r);
    Ok((
        rest,
        Stmt::LinkStyle {
            indices,
            interpolate,
            decls,
        },
    ))
}

/// The targets a `click … "url"` may name.
const TARGETS: &[&str] = &["_self", "_blank", "_parent", "_top"];

/// `click id callback ["tooltip"]`, `click id call fn(args) ["tooltip"]`,
/// `click id ["href"] "url" ["tooltip"] [target]`.
fn click(i: &str) -> PResult<'_, Stmt<'_>> {
    let t = sp0(&i["click".len()..]);
    let Ok((r, id)) = vertex_id(t) else {
        return fail(
            t,
            token_len(t),
            format!("expected a node id after `click`, found {}", describe(t)),
        );
    };
    let mut r = sp0(r);
    let href = is_keyword(r, "href");
    if href {
        r = sp0(&r[4..]);
    }
    let action;
    if r.starts_with('"') {
        let (rest, url) = quoted(r)?;
        action = ClickAction::Href {
            url: url.to_string(),
            target: None,
        };
        r = sp0(rest);
    } else if href {
        return fail(
            r,
            token_len(r),
            format!(
                "expected a quoted link after `click {id} href`, found {}",
                describe(r)
            ),
        );
    } else {
        let call = is_keyword(r, "call");
        if call {
            r = sp0(&r[4..]);
        }
        let n = r
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '$'))
            .unwrap_or(r.len());
        if n == 0 {
            return fail(
                r,
                token_len(r),
                format!(
                    "expected a link in quotes or a callback name after `click {id}`, found {}",
                    describe(r)
                ),
            );
        }
        let name = &r[..n];
        r = &r[n..];
        let mut args = None;
        if let Some(body) = r.strip_prefix('(') {
            match find_on_line(body, |c| c == ')') {
                Some(p) => {
                    let a = body[..p].trim();
                    args = (!a.is_empty()).then(|| a.to_string());
                    r = &body[p + 1..];
                }
                None => {
                    return fail(
                        r,
                        1,
                        format!("unclosed `(` after callback `{name}` (expected `)`)"),
                    )
                }
            }
        }
        action = ClickAction::Callback {
            name: name.to_string(),
            args,
        };
        r = sp0(r);
    }
    let mut tooltip = None;
    if r.starts_with('"') {
        let (rest, tip) = quoted(r)?;
        tooltip = Some(tip.to_string());
        r = sp0(rest);
    }
    let mut action = action;
    if let ClickAction::Href { target, .. } = &mut action {
        if let Some(&tg) = TARGETS.iter().find(|tg| is_keyword(r, tg)) {
            *target = Some(tg.to_string());
            r = &r[tg.len()..];
        }
    }
    let (rest, ()) = expect_end(r, || {
        format!("expected a new line or `;` after `click {id} …`")
    })?;
    Ok((
        rest,
        Stmt::Click {
            id,
            action,
            tooltip,
        },
    ))
}
