//! Architecture source → [`Architecture`].
//!
//! Grammar (Mermaid 11, `architecture-beta`), one statement a line:
//!
//! ```text
//! title text | accTitle: … | accDescr: … | accDescr { … }
//! group id[(icon)][[Title]] [in parent]
//! service id[(icon)][[Title]] [in group]
//! junction id [in group]
//! a[{group}]:S [<]-(-|[label]-)[>] S:b[{group}]      S := L | R | T | B
//! ```

use super::model::{Architecture, Edge, Group, Node, NodeKind, Side};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

type R<T> = Result<T, ParseError>;

/// An edge before its ends are resolved: (from, from again for locating,
/// from `{group}`, from side, arrow at from, arrow at to, unused, label,
/// to, to side, to `{group}`).
type RawEdge<'s> = (
    &'s str,
    &'s str,
    bool,
    Side,
    bool,
    bool,
    bool,
    Option<String>,
    &'s str,
    Side,
    bool,
);

fn is_id(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn id_of(s: &str) -> (&str, &str) {
    let n = s.find(|c: char| !is_id(c)).unwrap_or(s.len());
    (&s[..n], &s[n..])
}

fn text(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw);
    crate::syntax::lex::decode_text(raw, true)
        .trim()
        .to_string()
}

fn side(c: Option<char>) -> Option<Side> {
    match c? {
        'L' => Some(Side::L),
        'R' => Some(Side::R),
        'T' => Some(Side::T),
        'B' => Some(Side::B),
        _ => None,
    }
}

struct P<'s> {
    source: &'s str,
    d: Architecture,
    /// Group memberships to resolve at the end: (node or group, is group, name).
    pending: Vec<(usize, bool, &'s str)>,
}

/// Parse an architecture diagram.
pub fn parse(pre: &Preamble<'_>) -> R<Architecture> {
    let source = pre.source;
    let body = pre.body();
    let mut p = P {
        source,
        d: Architecture {
            title: pre.title.clone(),
            ..Architecture::default()
        },
        pending: Vec::new(),
    };
    crate::diagrams::budget::lines(source, body)?;
    let mut rest = body.get(pre.keyword.len()..).unwrap_or("");
    let mut edges: Vec<RawEdge<'_>> = Vec::new();
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
                Accessibility::Title(t) => p.d.acc_title = Some(t),
                Accessibility::Description(t) => p.d.acc_descr = Some(t),
            }
            rest = r;
            continue;
        }
        let line = line_of(line_start).trim_end();
        rest = after_line(line_start);
        let (word, after) = id_of(line);
        match word {
            "title" if after.is_empty() || after.starts_with([' ', '\t']) => {
                p.d.title = Some(text(after));
            }
            "group" | "service" | "junction" if after.starts_with([' ', '\t']) => {
                p.declaration(word, after.trim_start())?;
            }
            _ => edges.push(p.edge(line)?),
        }
        let n = p.d.nodes.len() + p.d.groups.len();
        crate::diagrams::budget::nodes(source, line, n, "service, junction or group")?;
        crate::diagrams::budget::edges(source, line, edges.len(), "edge")?;
    }
    // Resolve `in` after every declaration.
    let pending = std::mem::take(&mut p.pending);
    for (i, is_group, name) in pending {
        let Some(g) = p.d.groups.iter().position(|g| g.id == name) else {
            return Err(ParseError::at(
                source,
                name,
                format!("`in {name}`: there is no group `{name}`"),
            ));
        };
        if is_group {
            // No cycles: the parent chain of g must not reach i.
            let mut cur = Some(g);
            let mut steps = 0;
            while let Some(c) = cur {
                if c == i || steps > p.d.groups.len() {
                    return Err(ParseError::at(
                        source,
                        name,
                        format!("group `{name}` cannot be inside itself"),
                    ));
                }
                cur = p.d.groups[c].parent;
                steps += 1;
            }
            p.d.groups[i].parent = Some(g);
        } else {
            p.d.nodes[i].group = Some(g);
        }
    }
    for (a, _a_at, ag, aside, arr_a, arr_b, _dummy, label, b, bside, bg) in edges {
        let find = |id: &str| p.d.nodes.iter().position(|n| n.id == id);
        let Some(from) = find(a) else {
            return Err(ParseError::at(
                source,
                a,
                format!("the edge starts at `{a}`, which is not a service or junction"),
            ));
        };
        let Some(to) = find(b) else {
            return Err(ParseError::at(
                source,
                b,
                format!("the edge ends at `{b}`, which is not a service or junction"),
            ));
        };
        p.d.edges.push(Edge {
            from,
            from_side: aside,
            from_group: ag,
            to,
            to_side: bside,
            to_group: bg,
            arrow_from: arr_a,
            arrow_to: arr_b,
            label,
        });
    }
    Ok(p.d)
}

impl<'s> P<'s> {
    fn err<T>(&self, at: &str, msg: impl Into<String>) -> R<T> {
        Err(ParseError::at(self.source, at, msg))
    }

    fn declaration(&mut self, word: &'s str, s: &'s str) -> R<()> {
        let (id, mut r) = id_of(s);
        if id.is_empty() {
            let at = if s.is_empty() {
                word
            } else {
                &s[..s.chars().next().map_or(0, char::len_utf8)]
            };
            return self.err(at, format!("expected an id after `{word}`"));
        }
        if self.d.nodes.iter().any(|n| n.id == id) || self.d.groups.iter().any(|g| g.id == id) {
            return self.err(id, format!("`{id}` is already declared"));
        }
        let mut icon = None;
        let mut title = None;
        if let Some(t) = r.strip_prefix('(') {
            if word == "junction" {
                return self.err(&r[..1], "a junction has no icon");
            }
            let Some(e) = t.find(')') else {
                return self.err(&r[..1], "unclosed `(`: expected `)` after the icon name");
            };
            icon = Some(t[..e].trim().to_string()).filter(|s| !s.is_empty());
            r = &t[e + 1..];
        }
        if let Some(t) = r.strip_prefix('[') {
            let Some(e) = t.rfind(']') else {
                return self.err(&r[..1], "unclosed `[`: expected `]` after the title");
            };
            title = Some(text(&t[..e]));
            r = &t[e + 1..];
        }
        let r = r.trim();
        let parent = if r.is_empty() {
            None
        } else if let Some(g) = r.strip_prefix("in").filter(|g| g.starts_with([' ', '\t'])) {
            let g = g.trim();
            let (gid, tail) = id_of(g);
            if gid.is_empty() || !tail.trim().is_empty() {
                return self.err(
                    if g.is_empty() { r } else { g },
                    "expected a group id after `in`",
                );
            }
            Some(gid)
        } else {
            let w = r.split_whitespace().next().unwrap_or(r);
            return self.err(w, format!("unexpected `{w}` after `{word} {id}` (expected `(icon)`, `[Title]` or `in group`)"));
        };
        let is_group = word == "group";
        let k = if is_group {
            self.d.groups.push(Group {
                id: id.to_string(),
                icon,
                title,
                parent: None,
            });
            self.d.groups.len() - 1
        } else {
            self.d.nodes.push(Node {
                id: id.to_string(),
                kind: if word == "junction" {
                    NodeKind::Junction
                } else {
                    NodeKind::Service
                },
                icon,
                title,
                group: None,
            });
            self.d.nodes.len() - 1
        };
        if let Some(g) = parent {
            self.pending.push((k, is_group, g));
        }
        Ok(())
    }

    fn edge(&self, line: &'s str) -> R<RawEdge<'s>> {
        let (a, r) = id_of(line);
        if a.is_empty() {
            let w = line.split_whitespace().next().unwrap_or(line);
            return self.err(w, format!("unexpected `{w}`: expected `group`, `service`, `junction`, `title` or an edge such as `a:R -- L:b`"));
        }
        if !r.starts_with([':', '{']) {
            let w = line.split_whitespace().next().unwrap_or(line);
            return self.err(w, format!("unexpected `{w}`: expected `group`, `service`, `junction`, `title` or an edge such as `a:R -- L:b`"));
        }
        let (ag, r) = match r.strip_prefix("{group}") {
            Some(t) => (true, t),
            None => (false, r),
        };
        let Some(r) = r.strip_prefix(':') else {
            let at = if r.is_empty() {
                a
            } else {
                &r[..r.chars().next().map_or(0, char::len_utf8)]
            };
            return self.err(
                at,
                format!("expected `:` and a side (L, R, T or B) after `{a}`"),
            );
        };
        let Some(aside) = side(r.chars().next()) else {
            let at = r
                .get(..r.chars().next().map_or(0, char::len_utf8))
                .filter(|s| !s.is_empty())
                .unwrap_or(a);
            return self.err(at, "expected a side: L, R, T or B");
        };
        let r = r[1..].trim_start();
        let (arr_a, r) = match r.strip_prefix('<') {
            Some(t) => (true, t),
            None => (false, r),
        };
        let Some(r) = r.strip_prefix('-') else {
            let at = r.get(..1).unwrap_or(line);
            return self.err(
                if at.is_empty() { a } else { at },
                "expected a link (`--`, `-->`, `<--`, `<-->` or `-[label]-`)",
            );
        };
        let (label, r) = if let Some(t) = r.strip_prefix('[') {
            let Some(e) = t.find(']') else {
                return self.err(&r[..1], "unclosed `[` in an edge label");
            };
            (Some(text(&t[..e])), &t[e + 1..])
        } else {
            (None, r)
        };
        let Some(r) = r.strip_prefix('-') else {
            let at = r.get(..1).filter(|s| !s.is_empty()).unwrap_or(a);
            return self.err(at, "expected `-` to finish the link");
        };
        let (arr_b, r) = match r.strip_prefix('>') {
            Some(t) => (true, t),
            None => (false, r),
        };
        let r = r.trim_start();
        let Some(bside) = side(r.chars().next()) else {
            let at = r
                .get(..r.chars().next().map_or(0, char::len_utf8))
                .filter(|s| !s.is_empty())
                .unwrap_or(a);
            return self.err(
                at,
                "expected the target's side (L, R, T or B) after the link",
            );
        };
        let Some(r) = r[1..].strip_prefix(':') else {
            return self.err(&r[..1], "expected `:` and the target after its side");
        };
        let (b, r) = id_of(r);
        if b.is_empty() {
            return self.err(
                line[line.len() - r.len()..]
                    .get(..1)
                    .filter(|s| !s.is_empty())
                    .unwrap_or(a),
                "expected the target's id",
            );
        }
        let (bg, r) = match r.strip_prefix("{group}") {
            Some(t) => (true, t),
            None => (false, r),
        };
        let tail = r.trim();
        if !tail.is_empty() && !tail.starts_with("%%") {
            return self.err(tail, format!("unexpected `{tail}` after the edge"));
        }
        Ok((a, a, ag, aside, arr_a, arr_b, false, label, b, bside, bg))
    }
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
