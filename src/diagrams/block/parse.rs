//! Block source → [`BlockDiagram`].
//!
//! Grammar (Mermaid 11, `block` / `block-beta`), one or more statements a
//! line:
//!
//! ```text
//! columns N | columns auto
//! block | block:id | block:id:N | block:N | block id   … end
//! item*            item := node (link node)* | space | space:N
//! node := id [shape] [:::class] [:N]      shape := [..] (..) ([..]) [[..]] [(..)]
//!         ((..)) (((..))) >..] {..} {{..}} [/../] [\..\] [/..\] [\../]
//!         | id<["label"]>(right|left|up|down|x|y[, …])
//! link := [<](-->|---|--o|--x|==>|===|-.->|-.-) [|label|]  |  -- "label" -->
//! style id[,id] css  |  classDef name css  |  class id[,id] name
//! accTitle: … | accDescr: … | accDescr { … }
//! ```

use super::model::{Block, BlockDiagram, Dir, Edge, Kind, Stroke, Tip};
use crate::shape::Shape;
use crate::style::parse_style_list;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

type R<T> = Result<T, ParseError>;

struct P<'s> {
    source: &'s str,
    d: BlockDiagram,
    /// Open composites, innermost last (the root at the bottom).
    stack: Vec<(usize, &'s str)>,
    spaces: usize,
    anon: usize,
    /// Block indexes by id, the first of each id (as [`BlockDiagram::find`],
    /// without a scan of every block).
    ids: std::collections::HashMap<String, usize>,
}

/// Parse a block diagram.
pub fn parse(pre: &Preamble<'_>) -> R<BlockDiagram> {
    let source = pre.source;
    let body = pre.body();
    let root = Block {
        id: String::new(),
        label: String::new(),
        kind: Kind::Composite {
            columns: None,
            children: Vec::new(),
        },
        span: 1,
        styles: Vec::new(),
        classes: Vec::new(),
    };
    let mut p = P {
        source,
        d: BlockDiagram {
            blocks: vec![root],
            title: pre.title.clone(),
            ..BlockDiagram::default()
        },
        stack: vec![(0, body.get(..pre.keyword.len()).unwrap_or(body))],
        spaces: 0,
        anon: 0,
        ids: std::collections::HashMap::from([(String::new(), 0)]),
    };
    let mut rest = body.get(pre.keyword.len()..).unwrap_or("");
    // Only blanks or a comment may follow the keyword on its line.
    let head = line_of(rest).trim();
    if !head.is_empty() && !head.starts_with("%%") {
        return Err(ParseError::at(
            source,
            first_word(head),
            format!(
                "unexpected `{}` after `{}`: statements start on the next line",
                first_word(head),
                pre.keyword
            ),
        ));
    }
    rest = after_line(rest);
    crate::diagrams::budget::lines(source, body)?;
    while !rest.is_empty() {
        let line_start = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        if line_start.is_empty() {
            break;
        }
        if let Some(d) = line_start.strip_prefix("%%{") {
            rest = match d.find("}%%") {
                Some(k) => &d[k + 3..],
                None => after_line(d),
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
        let line = strip_comment(line_of(line_start));
        p.line(line.trim_end())?;
        let at = line.trim_end();
        crate::diagrams::budget::nodes(source, at, p.d.blocks.len().saturating_sub(1), "block")?;
        crate::diagrams::budget::edges(source, at, p.d.edges.len(), "link")?;
        crate::diagrams::budget::nesting(source, at, p.stack.len().saturating_sub(1), "block")?;
        rest = after_line(line_start);
    }
    if let Some(&(_, at)) = p.stack.get(1) {
        return Err(ParseError::at(
            source,
            at,
            "this `block` is never closed (expected `end`)",
        ));
    }
    Ok(p.d)
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

/// The line before a `%%` comment that is outside quotes.
fn strip_comment(s: &str) -> &str {
    let mut quoted = false;
    let b = s.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && c == b'%' && b.get(k + 1) == Some(&b'%') {
            return &s[..k];
        }
    }
    s
}

fn first_word(s: &str) -> &str {
    let n = s
        .find(|c: char| c.is_whitespace())
        .filter(|&n| n > 0)
        .unwrap_or(s.len());
    &s[..n]
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '_' | '.' | '$' | '#' | '?' | '!' | '@' | '\'' | '*' | '+' | '/' | '\\'
        )
}

/// `&nbsp;`, `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#NN;` and Mermaid's
/// `#…;` codes and `<br>`s.
pub fn decode(raw: &str) -> String {
    let s = crate::syntax::lex::decode_text(raw, true);
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let tail = &rest[k..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let rep = end.and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "nbsp" => Some('\u{a0}'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name.strip_prefix('#').and_then(|n| {
                    let v = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => n.parse().ok(),
                    };
                    v.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, e + 1))
        });
        match rep {
            Some((c, n)) => {
                out.push(c);
                rest = &tail[n..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Shapes by opening bracket, longest first: (open, closers with their shape).
const SHAPES: &[(&str, &[(&str, Shape)])] = &[
    ("(((", &[(")))", Shape::DoubleCircle)]),
    ("((", &[("))", Shape::Circle)]),
    ("([", &[("])", Shape::Stadium)]),
    ("(", &[(")", Shape::Rounded)]),
    ("[[", &[("]]", Shape::Subroutine)]),
    ("[(", &[(")]", Shape::Cylinder)]),
    (
        "[/",
        &[
            ("/]", Shape::Parallelogram),
            ("\\]", Shape::Trapezoid),
            ("]", Shape::Parallelogram),
        ],
    ),
    (
        "[\\",
        &[
            ("\\]", Shape::ParallelogramAlt),
            ("/]", Shape::TrapezoidAlt),
            ("]", Shape::ParallelogramAlt),
        ],
    ),
    (
        "[",
        &[
            ("/]", Shape::ParallelogramAlt),
            ("\\]", Shape::Trapezoid),
            ("]", Shape::Rect),
        ],
    ),
    (">", &[("]", Shape::Asymmetric)]),
    ("{{", &[("}}", Shape::Hexagon)]),
    ("{", &[("}", Shape::Diamond)]),
];

impl<'s> P<'s> {
    fn err<T>(&self, at: &str, msg: impl Into<String>) -> R<T> {
        Err(ParseError::at(self.source, at, msg))
    }

    fn current(&self) -> usize {
        self.stack.last().map_or(0, |s| s.0)
    }

    fn push_child(&mut self, parent: usize, child: usize) {
        if let Some(Block {
            kind: Kind::Composite { children, .. },
            ..
        }) = self.d.blocks.get_mut(parent)
        {
            children.push(child);
        }
    }

    /// Index of the block with `id`.
    fn find(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn new_block(&mut self, id: String, kind: Kind) -> usize {
        let label = if matches!(kind, Kind::Node(_) | Kind::Arrow(_)) {
            id.clone()
        } else {
            String::new()
        };
        self.ids.entry(id.clone()).or_insert(self.d.blocks.len());
        self.d.blocks.push(Block {
            id,
            label,
            kind,
            span: 1,
            styles: Vec::new(),
            classes: Vec::new(),
        });
        let i = self.d.blocks.len() - 1;
        let parent = self.current();
        self.push_child(parent, i);
        i
    }

    fn line(&mut self, line: &'s str) -> R<()> {
        let line = line.trim_start();
        if line.is_empty() {
            return Ok(());
        }
        let word = first_word(line);
        let after = line[word.len()..].trim_start();
        match word {
            "end" => {
                if self.stack.len() <= 1 {
                    return self.err(word, "`end` without an open `block`");
                }
                self.stack.pop();
                return self.items(after);
            }
            "columns" => {
                let v = first_word(after);
                let cols = if v == "auto" {
                    None
                } else {
                    match v.parse::<usize>() {
                        Ok(n) if n > 0 && n <= 1000 => Some(n),
                        _ => {
                            let at = if v.is_empty() { word } else { v };
                            return self.err(at, format!("expected a column count (1 to 1000) or `auto` after `columns`, found `{v}`"));
                        }
                    }
                };
                let cur = self.current();
                if let Some(Block {
                    kind: Kind::Composite { columns, .. },
                    ..
                }) = self.d.blocks.get_mut(cur)
                {
                    *columns = cols;
                }
                return self.items(after[v.len()..].trim_start());
            }
            "style" | "classDef" | "class" => return self.styling(word, after),
            _ => {}
        }
        if word == "block" || word.starts_with("block:") {
            return self.composite(line, word, after);
        }
        self.items(line)
    }

    fn composite(&mut self, line: &'s str, word: &'s str, after: &'s str) -> R<()> {
        if self.stack.len() > 64 {
            return self.err(word, "blocks are nested too deeply (at most 64 levels)");
        }
        let mut id = None;
        let mut span = 1;
        let mut rest = after;
        if let Some(spec) = word.strip_prefix("block:") {
            let parts: Vec<&str> = spec.split(':').collect();
            match parts.as_slice() {
                [n] if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                    span = self.width(n)?;
                }
                [i] if !i.is_empty() => id = Some(i.to_string()),
                [i, n] if !i.is_empty() => {
                    id = Some(i.to_string());
                    span = self.width(n)?;
                }
                _ => return self.err(word, "expected `block`, `block:id` or `block:id:width`"),
            }
        } else {
            let next = first_word(after);
            if !next.is_empty() && next.chars().all(is_id_char) && !next.starts_with("%%") {
                id = Some(next.to_string());
                rest = after[next.len()..].trim_start();
            }
        }
        let id = match id {
            Some(i) => {
                if self.find(&i).is_some() {
                    return self.err(word, format!("a block with the id `{i}` already exists"));
                }
                i
            }
            None => {
                self.anon += 1;
                format!("block-{}", self.anon)
            }
        };
        let _ = line;
        let i = self.new_block(
            id,
            Kind::Composite {
                columns: None,
                children: Vec::new(),
            },
        );
        if let Some(b) = self.d.blocks.get_mut(i) {
            b.span = span;
        }
        self.stack.push((i, word));
        self.items(rest)
    }

    fn width(&self, n: &str) -> R<usize> {
        match n.parse::<usize>() {
            Ok(v) if (1..=1000).contains(&v) => Ok(v),
            _ => self.err(
                n,
                format!("expected a width in columns (1 to 1000), found `{n}`"),
            ),
        }
    }

    fn styling(&mut self, word: &'s str, after: &'s str) -> R<()> {
        let first = first_word(after);
        if first.is_empty() {
            return self.err(word, format!("expected a name after `{word}`"));
        }
        let rest = after[first.len()..].trim().trim_end_matches(';').trim();
        match word {
            "style" => {
                let decls = parse_style_list(rest);
                for id in first.split(',').filter(|s| !s.is_empty()) {
                    let Some(i) = self.find(id) else {
                        return self
                            .err(first, format!("`style` names `{id}`, which is not a block"));
                    };
                    self.d.blocks[i].styles.extend(decls.iter().cloned());
                }
            }
            "classDef" => {
                let decls = parse_style_list(rest);
                for name in first.split(',').filter(|s| !s.is_empty()) {
                    self.d.class_defs.push((name.to_string(), decls.clone()));
                }
            }
            _ => {
                let name = first_word(rest);
                if name.is_empty() {
                    return self.err(
                        first,
                        "expected a class name after the ids (`class a,b name`)",
                    );
                }
                for id in first.split(',').filter(|s| !s.is_empty()) {
                    let Some(i) = self.find(id) else {
                        return self
                            .err(first, format!("`class` names `{id}`, which is not a block"));
                    };
                    self.d.blocks[i].classes.push(name.to_string());
                }
            }
        }
        Ok(())
    }

    /// Items and edge chains up to the end of `s`.
    fn items(&mut self, mut s: &'s str) -> R<()> {
        loop {
            s = s.trim_start_matches([' ', '\t', ';']);
            if s.is_empty() {
                return Ok(());
            }
            let (mut from, mut r) = self.node(s)?;
            loop {
                let t = r.trim_start();
                let Some((stroke, start, end, label, r2)) = self.link(t)? else {
                    break;
                };
                let t2 = r2.trim_start();
                if t2.is_empty() {
                    return self.err(t, "expected a block after the link");
                }
                let (to, r3) = self.node(t2)?;
                self.d.edges.push(Edge {
                    from,
                    to,
                    label,
                    stroke,
                    start,
                    end,
                });
                from = to;
                r = r3;
            }
            if r.len() == s.len() {
                return self.err(first_word(s), format!("unexpected `{}`", first_word(s)));
            }
            s = r;
        }
    }

    /// One node reference (defining or updating it).
    fn node(&mut self, s: &'s str) -> R<(usize, &'s str)> {
        let n = s.find(|c: char| !is_id_char(c)).unwrap_or(s.len());
        let id = &s[..n];
        if id.is_empty() {
            let w = s.chars().next().map_or(s, |c| &s[..c.len_utf8()]);
            return self.err(w, format!("expected a block id, found `{w}`"));
        }
        let mut r = &s[n..];
        if id == "space" && !r.starts_with(['[', '(', '{', '>', '<']) {
            let mut span = 1;
            if let Some(t) = r.strip_prefix(':') {
                let k = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
                span = self.width(&t[..k])?;
                r = &t[k..];
            }
            self.spaces += 1;
            let i = self.new_block(format!("space-{}", self.spaces), Kind::Space);
            self.d.blocks[i].span = span;
            return Ok((i, r));
        }
        let mut shape: Option<(Kind, String)> = None;
        if let Some(t) = r.strip_prefix("<[") {
            let (label, t) = self.label(t, &["]>"], id)?;
            let t = t.0;
            let Some(t) = t.trim_start().strip_prefix('(') else {
                return self.err(
                    first_word(t.trim_start()).get(..1).unwrap_or(id),
                    "expected the arrow's directions in parentheses, e.g. `(right)`",
                );
            };
            let Some(close) = t.find(')') else {
                return self.err(t, "unclosed `(`: expected `)` after the arrow's directions");
            };
            let mut dirs = Vec::new();
            for w in t[..close].split(',').map(str::trim) {
                match w {
                    "right" => dirs.push(Dir::Right),
                    "left" => dirs.push(Dir::Left),
                    "up" => dirs.push(Dir::Up),
                    "down" => dirs.push(Dir::Down),
                    "x" => dirs.extend([Dir::Left, Dir::Right]),
                    "y" => dirs.extend([Dir::Up, Dir::Down]),
                    _ => {
                        return self.err(
                            if w.is_empty() { &t[..close] } else { w },
                            format!("unknown arrow direction `{w}` (expected right, left, up, down, x or y)"),
                        )
                    }
                }
            }
            dirs.dedup();
            shape = Some((Kind::Arrow(dirs), label));
            r = &t[close + 1..];
        } else if let Some((open, closers)) = SHAPES.iter().find(|(o, _)| r.starts_with(o)) {
            let names: Vec<&str> = closers.iter().map(|c| c.0).collect();
            let (label, (t, k)) = self.label(&r[open.len()..], &names, id)?;
            shape = Some((Kind::Node(closers[k].1), label));
            r = t;
        }
        let mut classes = Vec::new();
        let mut span = None;
        loop {
            if let Some(t) = r.strip_prefix(":::") {
                let k = t
                    .find(|c: char| !is_id_char(c) || c == ',')
                    .unwrap_or(t.len());
                classes.push(t[..k].to_string());
                r = &t[k..];
            } else if let Some(t) = r.strip_prefix(':') {
                let k = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
                if k == 0 {
                    return self.err(&r[..1], "expected a width in columns after `:`");
                }
                span = Some(self.width(&t[..k])?);
                r = &t[k..];
            } else {
                break;
            }
        }
        let i = match self.find(id) {
            Some(i) => i,
            None => self.new_block(id.to_string(), Kind::Node(Shape::Rect)),
        };
        let b = &mut self.d.blocks[i];
        if let Some((kind, label)) = shape {
            if !matches!(b.kind, Kind::Composite { .. }) {
                b.kind = kind;
                b.label = label;
            }
        }
        if let Some(sp) = span {
            b.span = sp;
        }
        b.classes.extend(classes);
        Ok((i, r))
    }

    /// A label up to one of `closers` (quoted or raw): the decoded label,
    /// the input after the closer and which closer matched.
    #[allow(clippy::type_complexity)]
    fn label(&self, t: &'s str, closers: &[&str], id: &str) -> R<(String, (&'s str, usize))> {
        let u = t.trim_start();
        let (raw, after) = if let Some(q) = u.strip_prefix('"') {
            let Some(e) = q.find('"') else {
                return self.err(&u[..1], format!("unclosed `\"` in the label of `{id}`"));
            };
            (&q[..e], q[e + 1..].trim_start())
        } else {
            let e = closers
                .iter()
                .filter_map(|c| u.find(c))
                .min()
                .unwrap_or(u.len());
            (u[..e].trim_end(), &u[e..])
        };
        for (k, c) in closers.iter().enumerate() {
            if let Some(rest) = after.strip_prefix(c) {
                return Ok((decode(raw), (rest, k)));
            }
        }
        let at = if after.is_empty() {
            t
        } else {
            first_word(after)
        };
        let at = if at.is_empty() {
            t.get(t.len()..).unwrap_or(t)
        } else {
            at
        };
        self.err(
            at,
            format!(
                "expected `{}` to close the shape of `{id}`",
                closers.join("` or `")
            ),
        )
    }

    /// A link at the start of `t`, with its label.
    #[allow(clippy::type_complexity)]
    fn link(&self, t: &'s str) -> R<Option<(Stroke, Tip, Tip, Option<String>, &'s str)>> {
        let Some((stroke, start, end, r)) = link_token(t) else {
            return Ok(None);
        };
        // `A -- "label" --> B`: a bare opener, a label, then the link.
        if end == Tip::None && r.starts_with([' ', '\t']) && (t.len() - r.len()) <= 3 {
            let u = r.trim_start();
            let (label, rest) = if let Some(q) = u.strip_prefix('"') {
                match q.find('"') {
                    Some(e) => (&q[..e], q[e + 1..].trim_start()),
                    None => return self.err(&u[..1], "unclosed `\"` in an edge label"),
                }
            } else {
                let e = ["--", "==", "-."].iter().filter_map(|c| u.find(c)).min();
                match e {
                    Some(e) if e > 0 && link_token(&u[e..]).is_some() => {
                        (u[..e].trim_end(), &u[e..])
                    }
                    _ => ("", r),
                }
            };
            if !label.is_empty() || rest.len() != r.len() {
                if let Some((s2, _, e2, r2)) = link_token(rest) {
                    return Ok(Some((s2, start, e2, Some(decode(label)), r2)));
                }
                return self.err(
                    first_word(rest)
                        .get(..)
                        .filter(|x| !x.is_empty())
                        .unwrap_or(t),
                    "expected a link (e.g. `-->`) after the edge label",
                );
            }
        }
        let mut label = None;
        let mut r = r;
        if let Some(q) = r.trim_start().strip_prefix('|') {
            let Some(e) = q.find('|') else {
                return self.err(&r.trim_start()[..1], "unclosed `|` in an edge label");
            };
            label = Some(decode(q[..e].trim()));
            r = &q[e + 1..];
        }
        Ok(Some((stroke, start, end, label, r)))
    }
}

/// One link token: its stroke, start and end tips and the rest.
fn link_token(t: &str) -> Option<(Stroke, Tip, Tip, &str)> {
    let (start, u) = match t.strip_prefix('<') {
        Some(u) => (Tip::Arrow, u),
        None => (Tip::None, t),
    };
    let (stroke, rest) = if let Some(v) = u.strip_prefix("-.") {
        let v = v.trim_start_matches('.');
        (Stroke::Dotted, v.strip_prefix('-')?)
    } else if let Some(v) = u.strip_prefix("==") {
        (Stroke::Thick, v.trim_start_matches('='))
    } else if let Some(v) = u.strip_prefix("--") {
        (Stroke::Normal, v.trim_start_matches('-'))
    } else {
        return None;
    };
    let (end, rest) = match rest.chars().next() {
        Some('>') => (Tip::Arrow, &rest[1..]),
        Some('o') if !rest[1..].starts_with(is_id_char) => (Tip::Circle, &rest[1..]),
        Some('x') if !rest[1..].starts_with(is_id_char) => (Tip::Cross, &rest[1..]),
        _ => (Tip::None, rest),
    };
    Some((stroke, start, end, rest))
}
