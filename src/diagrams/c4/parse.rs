//! C4 source → [`C4`].
//!
//! Grammar (Mermaid 11, `C4Context`, `C4Container`, `C4Component`,
//! `C4Dynamic`, `C4Deployment`), one statement a line:
//!
//! ```text
//! title text | accTitle: … | accDescr: … | accDescr { … }
//! Element(alias, label, …)          Person[_Ext], System[Db|Queue][_Ext],
//!                                   Container[Db|Queue][_Ext], Component[Db|Queue][_Ext]
//! Boundary(alias, label, …) [{]     Boundary, Enterprise_Boundary, System_Boundary,
//!                                   Container_Boundary, Deployment_Node, Node, Node_L, Node_R
//! }                                 closes the innermost boundary
//! Rel(from, to, label, …)           Rel, BiRel, Rel_U/Up/D/Down/L/Left/R/Right, Rel_Back
//! RelIndex(index, from, to, label, …)
//! UpdateElementStyle(alias, $bgColor=…, $fontColor=…, $borderColor=…)
//! UpdateRelStyle(from, to, $textColor=…, $lineColor=…, $offsetX=…, $offsetY=…)
//! UpdateLayoutConfig($c4ShapeInRow=…, $c4BoundaryInRow=…)
//! ```
//!
//! Arguments are positional (`"quoted"` or bare) or named (`$techn="…"`).

use super::model::{Boundary, BoundaryKind, Element, ElementKind, ElementStyle, Rel, RelDir, C4};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

type R<T> = Result<T, ParseError>;

/// One argument: its name (`$name=`) or none, and its value.
#[derive(Debug, Clone)]
struct Arg<'s> {
    name: Option<&'s str>,
    value: String,
    at: &'s str,
}

struct Args<'s> {
    list: Vec<Arg<'s>>,
}

impl Args<'_> {
    /// Positional argument `k` (named ones do not count).
    fn pos(&self, k: usize) -> Option<&str> {
        self.list
            .iter()
            .filter(|a| a.name.is_none())
            .nth(k)
            .map(|a| a.value.as_str())
            .filter(|v| !v.is_empty())
    }

    fn named(&self, n: &str) -> Option<&str> {
        self.list
            .iter()
            .rev()
            .find(|a| a.name.is_some_and(|x| x.eq_ignore_ascii_case(n)))
            .map(|a| a.value.as_str())
            .filter(|v| !v.is_empty())
    }

    /// Positional `k` or named `n`.
    fn get(&self, k: usize, n: &str) -> Option<String> {
        self.named(n).or_else(|| self.pos(k)).map(str::to_string)
    }
}

fn element_kind(name: &str) -> Option<(ElementKind, bool)> {
    let (base, ext) = match name.strip_suffix("_Ext") {
        Some(b) => (b, true),
        None => (name, false),
    };
    let k = match base {
        "Person" => ElementKind::Person,
        "System" => ElementKind::System,
        "SystemDb" => ElementKind::SystemDb,
        "SystemQueue" => ElementKind::SystemQueue,
        "Container" => ElementKind::Container,
        "ContainerDb" => ElementKind::ContainerDb,
        "ContainerQueue" => ElementKind::ContainerQueue,
        "Component" => ElementKind::Component,
        "ComponentDb" => ElementKind::ComponentDb,
        "ComponentQueue" => ElementKind::ComponentQueue,
        _ => return None,
    };
    Some((k, ext))
}

fn boundary_kind(name: &str) -> Option<BoundaryKind> {
    Some(match name {
        "Boundary" => BoundaryKind::Boundary,
        "Enterprise_Boundary" => BoundaryKind::Enterprise,
        "System_Boundary" => BoundaryKind::System,
        "Container_Boundary" => BoundaryKind::Container,
        "Deployment_Node" | "Node" | "Node_L" | "Node_R" => BoundaryKind::Node,
        _ => return None,
    })
}

fn is_rel(name: &str) -> bool {
    matches!(
        name,
        "Rel"
            | "BiRel"
            | "Rel_U"
            | "Rel_Up"
            | "Rel_D"
            | "Rel_Down"
            | "Rel_L"
            | "Rel_Left"
            | "Rel_R"
            | "Rel_Right"
            | "Rel_Back"
            | "RelIndex"
    )
}

/// A link kept only when it is `http(s)`.
fn safe_link(s: Option<String>) -> Option<String> {
    s.filter(|l| {
        let l = l.trim().to_ascii_lowercase();
        (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(['"', '<', '>', ' '])
    })
}

/// Label text: `<br>`s become line breaks, entity codes are decoded.
fn text(raw: &str) -> String {
    crate::syntax::lex::decode_text(raw, true)
        .trim()
        .to_string()
}

/// Split `(…)` arguments; `inner` is between the parentheses.
fn split_args<'s>(source: &str, inner: &'s str) -> R<Args<'s>> {
    let mut list = Vec::new();
    let mut rest = inner;
    loop {
        let t = rest.trim_start();
        if t.is_empty() {
            break;
        }
        let (name, v) = match t.strip_prefix('$') {
            Some(n) => {
                let Some(eq) = n.find('=') else {
                    let w = &t[..t.find(',').unwrap_or(t.len())];
                    return Err(ParseError::at(
                        source,
                        w.trim_end(),
                        format!("expected `=` and a value after `{}`", w.trim_end()),
                    ));
                };
                (Some(n[..eq].trim()), n[eq + 1..].trim_start())
            }
            None => (None, t),
        };
        let (value, after) = if let Some(q) = v.strip_prefix('"') {
            let Some(e) = q.find('"') else {
                return Err(ParseError::at(
                    source,
                    &v[..1],
                    "unclosed `\"` in an argument",
                ));
            };
            (text(&q[..e]), &q[e + 1..])
        } else {
            let e = v.find(',').unwrap_or(v.len());
            (text(v[..e].trim()), &v[e..])
        };
        let at = &t[..t.len() - after.len()];
        list.push(Arg { name, value, at });
        let a = after.trim_start();
        if let Some(r) = a.strip_prefix(',') {
            rest = r;
        } else if a.is_empty() {
            break;
        } else {
            return Err(ParseError::at(
                source,
                &a[..a.chars().next().map_or(0, char::len_utf8)],
                "expected `,` or `)` after an argument",
            ));
        }
    }
    Ok(Args { list })
}

/// Parse a C4 diagram.
pub fn parse(pre: &Preamble<'_>) -> R<C4> {
    let source = pre.source;
    let body = pre.body();
    let mut d = C4 {
        keyword: pre.keyword.to_string(),
        title: pre.title.clone(),
        boundaries: vec![Boundary {
            alias: String::new(),
            label: String::new(),
            kind: BoundaryKind::Boundary,
            type_text: None,
            descr: None,
            link: None,
            elements: Vec::new(),
            boundaries: Vec::new(),
        }],
        ..C4::default()
    };
    let mut stack: Vec<(usize, &str)> = vec![(0, "")];
    // A boundary whose `{` may come on the next line.
    let mut pending: Option<(usize, &str)> = None;
    crate::diagrams::budget::lines(source, body)?;
    let mut rest = body.get(pre.keyword.len()..).unwrap_or("");
    let mut styles: Vec<(String, ElementStyle, &str)> = Vec::new();
    let mut rel_styles: Vec<(String, String, Args, &str)> = Vec::new();
    while !rest.is_empty() {
        let line_start = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        if line_start.is_empty() {
            break;
        }
        if let Some(dd) = line_start.strip_prefix("%%{") {
            rest = match dd.find("}%%") {
                Some(k) => &dd[k + 3..],
                None => after_line(dd),
            };
            continue;
        }
        if line_start.starts_with("%%") {
            rest = after_line(line_start);
            continue;
        }
        if let Some((acc, r)) = accessibility(source, line_start)? {
            match acc {
                Accessibility::Title(t) => d.acc_title = Some(t),
                Accessibility::Description(t) => d.acc_descr = Some(t),
            }
            rest = r;
            continue;
        }
        let line = line_of(line_start).trim_end();
        rest = after_line(line_start);
        let mut l = line;
        if let Some(r) = l.strip_prefix('{') {
            match pending.take() {
                Some(p) => stack.push(p),
                None => {
                    return Err(ParseError::at(
                        source,
                        &l[..1],
                        "`{` without a boundary before it",
                    ))
                }
            }
            l = r.trim_start();
        }
        pending = None;
        while let Some(r) = l.strip_prefix('}') {
            if stack.len() <= 1 {
                return Err(ParseError::at(
                    source,
                    &l[..1],
                    "`}` without an open boundary",
                ));
            }
            stack.pop();
            l = r.trim_start();
        }
        if l.is_empty() {
            continue;
        }
        if let Some(r) = l.strip_prefix("title") {
            if r.is_empty() || r.starts_with([' ', '\t']) {
                d.title = Some(text(r.trim()));
                continue;
            }
        }
        let n = l
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(l.len());
        let name = &l[..n];
        let after = l[n..].trim_start();
        let Some(inner_start) = after.strip_prefix('(') else {
            let w = if name.is_empty() {
                &l[..l.chars().next().map_or(0, char::len_utf8)]
            } else {
                name
            };
            return Err(ParseError::at(
                source,
                w,
                format!("unexpected `{w}`: expected an element, boundary or relation macro such as `Person(alias, \"label\")`"),
            ));
        };
        let close = find_close(inner_start).ok_or_else(|| {
            ParseError::at(
                source,
                &after[..1],
                format!("unclosed `(` after `{name}` (expected `)`)"),
            )
        })?;
        let args = split_args(source, &inner_start[..close])?;
        let tail = inner_start[close + 1..].trim();
        let opens = tail.starts_with('{');
        let tail_rest = if opens { tail[1..].trim() } else { tail };
        if !tail_rest.is_empty() && !tail_rest.starts_with("%%") && tail_rest != "}" {
            return Err(ParseError::at(
                source,
                tail_rest,
                format!("unexpected `{tail_rest}` after `{name}(…)`"),
            ));
        }
        let parent = stack.last().map_or(0, |s| s.0);
        let need = |k: usize, what: &str| -> R<String> {
            args.pos(k)
                .map(str::to_string)
                .ok_or_else(|| ParseError::at(source, name, format!("`{name}` needs {what}")))
        };
        if let Some((kind, external)) = element_kind(name) {
            let alias = need(0, "an alias and a label")?;
            let label = need(1, "a label after its alias")?;
            let has_techn = !matches!(
                kind,
                ElementKind::Person
                    | ElementKind::System
                    | ElementKind::SystemDb
                    | ElementKind::SystemQueue
            );
            let (techn, descr, sprite, link) = if has_techn {
                (
                    args.get(2, "techn"),
                    args.get(3, "descr"),
                    args.get(4, "sprite"),
                    args.get(6, "link"),
                )
            } else {
                (
                    None,
                    args.get(2, "descr"),
                    args.get(3, "sprite"),
                    args.get(5, "link"),
                )
            };
            let k = d.elements.len();
            crate::diagrams::budget::nodes(source, line, k + d.boundaries.len(), "element")?;
            d.elements.push(Element {
                alias,
                label,
                kind,
                external,
                techn,
                descr,
                sprite,
                link: safe_link(link),
                style: ElementStyle::default(),
            });
            d.boundaries[parent].elements.push(k);
            if opens {
                return Err(ParseError::at(source, name, format!("`{name}` cannot hold other elements (only boundaries and deployment nodes take `{{`)")));
            }
        } else if let Some(kind) = boundary_kind(name) {
            if stack.len() > 64 {
                return Err(ParseError::at(
                    source,
                    name,
                    "boundaries are nested too deeply (at most 64 levels)",
                ));
            }
            let alias = need(0, "an alias and a label")?;
            let label = need(1, "a label after its alias")?;
            let type_text = match kind {
                BoundaryKind::Enterprise => Some("ENTERPRISE".to_string()),
                BoundaryKind::System => Some("SYSTEM".to_string()),
                BoundaryKind::Container => Some("CONTAINER".to_string()),
                _ => args.get(2, "type"),
            };
            let descr = if kind == BoundaryKind::Node {
                args.get(3, "descr")
            } else {
                None
            };
            let k = d.boundaries.len();
            crate::diagrams::budget::nodes(source, line, k + d.elements.len(), "element")?;
            crate::diagrams::budget::nesting(source, line, stack.len(), "boundary")?;
            d.boundaries.push(Boundary {
                alias,
                label,
                kind,
                type_text,
                descr,
                link: safe_link(args.named("link").map(str::to_string)),
                elements: Vec::new(),
                boundaries: Vec::new(),
            });
            d.boundaries[parent].boundaries.push(k);
            if opens {
                if tail_rest == "}" {
                    // `Boundary(…) { }` on one line: empty.
                } else {
                    stack.push((k, name));
                }
            } else {
                pending = Some((k, name));
            }
        } else if is_rel(name) {
            let off = usize::from(name == "RelIndex");
            let mut from = need(off, "a source and a target")?;
            let mut to = need(off + 1, "a target after the source")?;
            if name == "Rel_Back" {
                std::mem::swap(&mut from, &mut to);
            }
            crate::diagrams::budget::edges(source, line, d.rels.len() + 1, "relation")?;
            d.rels.push(Rel {
                from,
                to,
                label: args.get(off + 2, "label").unwrap_or_default(),
                techn: args.get(off + 3, "techn"),
                descr: args.get(off + 4, "descr"),
                both: name == "BiRel",
                dir: RelDir::of_macro(name),
                text_color: None,
                line_color: None,
                offset_x: 0.0,
                offset_y: 0.0,
                link: safe_link(args.named("link").map(str::to_string)),
            });
        } else if name == "UpdateElementStyle" {
            let alias = need(0, "an element's alias")?;
            let st = ElementStyle {
                bg: args.get(1, "bgColor"),
                font: args.get(2, "fontColor"),
                border: args.get(3, "borderColor"),
            };
            styles.push((alias, st, name));
        } else if name == "UpdateRelStyle" {
            let from = need(0, "a source and a target")?;
            let to = need(1, "a target after the source")?;
            rel_styles.push((from, to, args, name));
        } else if name == "UpdateLayoutConfig" {
            for a in &args.list {
                let v = a
                    .value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|&v| (1..=100).contains(&v));
                match a.name {
                    Some("c4ShapeInRow") => d.shape_in_row = v.or(d.shape_in_row),
                    Some("c4BoundaryInRow") => d.boundary_in_row = v.or(d.boundary_in_row),
                    _ => {
                        let _ = a.at;
                    }
                }
            }
        } else if name == "UpdateBoundaryStyle" || name == "SetSprite" || name.starts_with("Add") {
            // Accepted and not drawn.
        } else {
            return Err(ParseError::at(
                source,
                name,
                format!("unknown C4 macro `{name}`"),
            ));
        }
    }
    if let Some(&(_, at)) = stack.get(1) {
        return Err(ParseError::at(
            source,
            at,
            format!("this `{at}` is never closed (expected `}}`)"),
        ));
    }
    for (alias, st, _) in styles {
        if let Some(e) = d.elements.iter_mut().find(|e| e.alias == alias) {
            if st.bg.is_some() {
                e.style.bg = st.bg;
            }
            if st.font.is_some() {
                e.style.font = st.font;
            }
            if st.border.is_some() {
                e.style.border = st.border;
            }
        }
    }
    for (from, to, args, _) in rel_styles {
        for r in d.rels.iter_mut().filter(|r| r.from == from && r.to == to) {
            if let Some(c) = args.get(2, "textColor") {
                r.text_color = Some(c);
            }
            if let Some(c) = args.get(3, "lineColor") {
                r.line_color = Some(c);
            }
            if let Some(v) = args
                .get(4, "offsetX")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite())
            {
                r.offset_x = v.clamp(-2000.0, 2000.0);
            }
            if let Some(v) = args
                .get(5, "offsetY")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite())
            {
                r.offset_y = v.clamp(-2000.0, 2000.0);
            }
        }
    }
    Ok(d)
}

/// Index of the `)` closing an argument list (quotes respected).
fn find_close(s: &str) -> Option<usize> {
    let mut quoted = false;
    for (k, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ')' if !quoted => return Some(k),
            '\n' => return None,
            _ => {}
        }
    }
    None
}

fn line_of(i: &str) -> &str {
    let n = i.find('\n').unwrap_or(i.len());
    i[..n].trim_end_matches('\r')
}

fn after_line(i: &str) -> &str {
    match i.find('\n') {
        Some(k) => &i[k + 1..],
        None => "",
    }
}
