//! Class diagram source → [`Diagram`].
//!
//! Statements are lines; a quoted string or a backtick name may run over
//! several lines. Statements: `class A`, `class A~T~`, `class A["label"]`,
//! `class A:::css`, `class A <<interface>>`, `class A { members }` (also
//! on one line), `A : member`, `<<annotation>> A`, relations
//! `A "1" <|-- "*" B : label` with every end (`<|`/`|>`, `*`, `o`, `<`/`>`,
//! `()`) over `--` or `..`, `namespace N { … }` (nested, dotted names),
//! `note for A "text"`, `note "text"`, `direction`, `classDef`, `cssClass`,
//! `class a,b css`, `style`, `link`, `click`, `callback`,
//! `accTitle`/`accDescr`, `title` and `%%` comments.

use super::model::*;
use crate::geometry::Direction;
use crate::style::parse_style_list;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// `~T~` generics as `<T>` (nested: `List~List~int~~` → `List<List<int>>`).
pub fn generics(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for (k, &c) in chars.iter().enumerate() {
        if c != '~' {
            out.push(c);
            continue;
        }
        let next = chars.get(k + 1).copied();
        let later = chars[k + 1..].contains(&'~');
        if next.is_some_and(|n| n.is_alphanumeric() || n == '_') && later {
            depth += 1;
            out.push('<');
        } else if depth > 0 {
            depth -= 1;
            out.push('>');
        } else {
            out.push(c);
        }
    }
    out
}

/// Label text: `<br>` → line break, `\n` → line break, entity codes.
pub(crate) fn text(raw: &str) -> String {
    let s = raw.trim().replace("\\n", "\n");
    crate::diagrams::state::parse::html_entities(&crate::syntax::lex::decode_text(&s, false))
}

/// A member line → its shown text and classifier.
pub fn member(raw: &str) -> (Member, bool) {
    let t = raw.trim();
    let is_method = t.contains(')');
    if !is_method {
        let (body, cl) = match t.chars().last() {
            Some('$') => (&t[..t.len() - 1], Classifier::Static),
            Some('*') if !t.ends_with("**") || t.len() < 3 => {
                (&t[..t.len() - 1], Classifier::Abstract)
            }
            _ => (t, Classifier::None),
        };
        return (
            Member {
                text: generics(body.trim_end()),
                classifier: cl,
            },
            false,
        );
    }
    let (open, close) = match (t.find('('), t.rfind(')')) {
        (Some(o), Some(c)) if o < c => (o, c),
        _ => {
            return (
                Member {
                    text: generics(t),
                    classifier: Classifier::None,
                },
                true,
            )
        }
    };
    let name = &t[..open];
    let params = &t[open + 1..close];
    let mut after = t[close + 1..].trim();
    let mut cl = Classifier::None;
    for _ in 0..2 {
        if let Some(r) = after.strip_prefix('$') {
            cl = Classifier::Static;
            after = r.trim();
        } else if let Some(r) = after.strip_prefix('*') {
            cl = Classifier::Abstract;
            after = r.trim();
        } else if let Some(r) = after.strip_suffix('$') {
            cl = Classifier::Static;
            after = r.trim();
        } else if let Some(r) = after.strip_suffix('*') {
            cl = Classifier::Abstract;
            after = r.trim();
        }
    }
    let mut shown = format!("{}({})", name.trim(), params.trim());
    if !after.is_empty() {
        shown.push_str(" : ");
        shown.push_str(after);
    }
    (
        Member {
            text: generics(&shown),
            classifier: cl,
        },
        true,
    )
}

/// The next logical line of `i`: one line, or several while a `"` or a
/// backtick is open. Returns it (without the newline) and the rest.
fn logical_line(i: &str) -> (&str, &str) {
    let mut quotes = 0usize;
    let mut ticks = 0usize;
    for (k, c) in i.char_indices() {
        match c {
            '"' => quotes += 1,
            '`' => ticks += 1,
            '\n' if quotes % 2 == 0 && ticks % 2 == 0 => return (&i[..k], &i[k + 1..]),
            '\n' if k + 1 < i.len() && i[k + 1..].trim_start().starts_with("%%") => {
                return (&i[..k], &i[k + 1..])
            }
            _ => {}
        }
    }
    // An unbalanced quote: fall back to the first line.
    match i.find('\n') {
        Some(p) if quotes % 2 == 1 || ticks % 2 == 1 => (&i[..p], &i[p + 1..]),
        _ => (i, ""),
    }
}

fn strip_comment(line: &str) -> &str {
    let t = line.trim_start();
    if t.starts_with("%%") {
        return "";
    }
    line
}

fn keyword<'a>(t: &'a str, kw: &str) -> Option<&'a str> {
    let r = t.strip_prefix(kw)?;
    (r.is_empty() || r.starts_with([' ', '\t'])).then(|| r.trim_start())
}

/// A quoted string at the start of `s`: its content and the rest.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let r = s.strip_prefix('"')?;
    let e = r.find('"')?;
    Some((&r[..e], &r[e + 1..]))
}

/// A class name at the start of `s` (backticked, or up to a delimiter):
/// (id, rest).
fn class_name(s: &str) -> Option<(&str, &str)> {
    if let Some(r) = s.strip_prefix('`') {
        let e = r.find('`')?;
        return Some((&r[..e], &r[e + 1..]));
    }
    let end = s
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '[' | '{' | '<' | '"' | ',' | ':' | '(' | '&' | '~')
        })
        .unwrap_or(s.len());
    (end > 0).then(|| (&s[..end], &s[end..]))
}

/// The arrow of a relation in `head`: (start, end, from_end, to_end, dashed).
fn find_arrow(head: &str) -> Option<(usize, usize, End, End, bool)> {
    let b = head.as_bytes();
    let mut in_q = false;
    let mut in_t = false;
    let mut k = 0;
    while k + 1 < b.len() {
        match b[k] {
            b'"' => in_q = !in_q,
            b'`' => in_t = !in_t,
            _ => {}
        }
        if !in_q && !in_t && (&b[k..k + 2] == b"--" || &b[k..k + 2] == b"..") {
            let dashed = b[k] == b'.';
            let (mut s, mut e) = (k, k + 2);
            let before = &head[..s];
            let boundary_before =
                |x: &str| x.is_empty() || x.ends_with(|c: char| c.is_whitespace() || c == '"');
            let from_end = if before.ends_with("<|") {
                s -= 2;
                End::Inheritance
            } else if before.ends_with("()") {
                s -= 2;
                End::Lollipop
            } else if before.ends_with('*') {
                s -= 1;
                End::Composition
            } else if before.ends_with('<') {
                s -= 1;
                End::Arrow
            } else if before.ends_with('o') && boundary_before(&before[..before.len() - 1]) {
                s -= 1;
                End::Aggregation
            } else {
                End::None
            };
            let after = &head[e..];
            let boundary_after =
                |x: &str| x.is_empty() || x.starts_with(|c: char| c.is_whitespace() || c == '"');
            let to_end = if after.starts_with("|>") {
                e += 2;
                End::Inheritance
            } else if after.starts_with("()") {
                e += 2;
                End::Lollipop
            } else if after.starts_with('*') {
                e += 1;
                End::Composition
            } else if after.starts_with('>') {
                e += 1;
                End::Arrow
            } else if after.starts_with('o') && boundary_after(&after[1..]) {
                e += 1;
                End::Aggregation
            } else {
                End::None
            };
            return Some((s, e, from_end, to_end, dashed));
        }
        k += 1;
    }
    None
}

/// The `:` starting a label or member, outside quotes and backticks and
/// not part of `::` or `:::`.
fn label_colon(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (mut in_q, mut in_t) = (false, false);
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b'"' => in_q = !in_q,
            b'`' => in_t = !in_t,
            b':' if !in_q && !in_t => {
                let mut e = k;
                while e < b.len() && b[e] == b':' {
                    e += 1;
                }
                if e - k == 1 {
                    return Some(k);
                }
                k = e;
                continue;
            }
            _ => {}
        }
        k += 1;
    }
    None
}

/// `<<name>>` (or `&lt;&lt;name&gt;&gt;`) at the start of `s`.
fn annotation(s: &str) -> Option<(&str, &str)> {
    for (o, c) in [("<<", ">>"), ("&lt;&lt;", "&gt;&gt;")] {
        if let Some(r) = s.strip_prefix(o) {
            let e = r.find(c)?;
            return Some((r[..e].trim(), &r[e + c.len()..]));
        }
    }
    None
}

struct Parser<'s> {
    src: &'s str,
    d: Diagram,
    /// Open namespaces (index, opening text).
    ns: Vec<(usize, &'s str)>,
    hierarchical: bool,
    lollipops: usize,
    /// Indexes of the classes of kind `Class` by id (as `Diagram::find`,
    /// without a scan).
    ids: std::collections::HashMap<String, usize>,
}

impl<'s> Parser<'s> {
    fn err(&self, part: &str, msg: impl Into<String>) -> ParseError {
        ParseError::at(self.src, part, msg)
    }

    fn namespace(&self) -> Option<usize> {
        self.ns.last().map(|n| n.0)
    }

    /// The class `id` (generic split off), created when new.
    fn class(&mut self, raw: &str) -> usize {
        let raw = raw.trim();
        let (id, generic) = match raw.find('~') {
            Some(p) if raw.len() > p + 1 => {
                let g = raw[p + 1..].strip_suffix('~').unwrap_or(&raw[p + 1..]);
                (&raw[..p], Some(g.to_string()))
            }
            _ => (raw, None),
        };
        let i = match self.ids.get(id).copied() {
            Some(i) => i,
            None => {
                self.ids.insert(id.to_string(), self.d.classes.len());
                self.d.classes.push(Class {
                    id: id.to_string(),
                    namespace: self.namespace(),
                    ..Class::default()
                });
                self.d.classes.len() - 1
            }
        };
        if let Some(g) = generic.filter(|g| !g.is_empty()) {
            self.d.classes[i].generic = Some(g);
        }
        i
    }

    fn add_member(&mut self, i: usize, raw: &str) {
        let raw = raw.trim();
        if raw.is_empty() {
            return;
        }
        if let Some((a, _)) = annotation(raw) {
            self.d.classes[i].annotations.push(a.to_string());
            return;
        }
        let (m, method) = member(raw);
        if method {
            self.d.classes[i].methods.push(m);
        } else {
            self.d.classes[i].attributes.push(m);
        }
    }

    /// Namespace `name` (dotted names make a chain when hierarchical).
    fn open_namespace(&mut self, name: &str, label: Option<String>) -> usize {
        let parts: Vec<&str> = if self.hierarchical && !name.contains("::") {
            name.split('.').filter(|p| !p.is_empty()).collect()
        } else {
            vec![name]
        };
        let mut parent = self.namespace();
        let mut full = parent.map(|p| self.d.namespaces[p].id.clone());
        let n = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            let id = match &full {
                Some(f) => format!("{f}.{part}"),
                None => part.to_string(),
            };
            let found = self
                .d
                .namespaces
                .iter()
                .position(|x| x.id == id && x.parent == parent);
            let ix = match found {
                Some(ix) => ix,
                None => {
                    self.d.namespaces.push(Namespace {
                        id: id.clone(),
                        title: part.to_string(),
                        parent,
                    });
                    self.d.namespaces.len() - 1
                }
            };
            if k + 1 == n {
                if let Some(l) = &label {
                    self.d.namespaces[ix].title = l.clone();
                }
            }
            parent = Some(ix);
            full = Some(id);
        }
        parent.unwrap_or(0)
    }

    /// Read a class body's lines after `{` up to `}`; returns the rest.
    fn body(
        &mut self,
        i: usize,
        first: &'s str,
        rest: &'s str,
        at: &'s str,
    ) -> Result<&'s str, ParseError> {
        if let Some(e) = first.find('}') {
            for m in first[..e].split(['\n', ';']) {
                self.add_member(i, m);
            }
            return Ok(rest);
        }
        self.add_member(i, first);
        let mut cur = rest;
        loop {
            if cur.is_empty() {
                let id = self.d.classes[i].id.clone();
                return Err(self.err(
                    at,
                    format!("class `{id}` body is not closed: expected `}}`"),
                ));
            }
            let (line, next) = match cur.find('\n') {
                Some(p) => (&cur[..p], &cur[p + 1..]),
                None => (cur, ""),
            };
            let t = strip_comment(line).trim();
            if let Some(e) = t.find('}') {
                self.add_member(i, &t[..e]);
                return Ok(next);
            }
            self.add_member(i, t);
            cur = next;
        }
    }

    fn statement(&mut self, t: &'s str, rest: &'s str) -> Result<&'s str, ParseError> {
        if t.is_empty() {
            return Ok(rest);
        }
        let mut t = t;
        while let Some(after) = t.strip_prefix('}') {
            if self.ns.pop().is_none() {
                return Err(self.err(
                    &t[..1],
                    "unexpected `}`: no namespace or class body is open",
                ));
            }
            t = after.trim();
        }
        if t.is_empty() {
            return Ok(rest);
        }
        if let Some(r) = keyword(t, "direction") {
            let Some(dir) = Direction::parse(r.trim()) else {
                return Err(self.err(
                    if r.is_empty() { t } else { r },
                    format!(
                        "unknown direction `{}`: expected TB, TD, BT, LR or RL",
                        r.trim()
                    ),
                ));
            };
            self.d.direction = Some(dir);
            return Ok(rest);
        }
        if let Some(r) = keyword(t, "title") {
            self.d.title = Some(text(r));
            return Ok(rest);
        }
        if let Some(r) = keyword(t, "classDef") {
            let (names, decls) = r.split_once([' ', '\t']).unwrap_or((r, ""));
            if names.is_empty() {
                return Err(self.err(t, "`classDef` needs a class name and styles"));
            }
            let decls = parse_style_list(decls);
            for n in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                self.d.class_defs.push((n.to_string(), decls.clone()));
            }
            return Ok(rest);
        }
        if let Some(r) = keyword(t, "cssClass") {
            let Some((ids, after)) = quoted(r) else {
                return Err(self.err(
                    t,
                    "`cssClass` needs quoted class ids (`cssClass \"A,B\" name`)",
                ));
            };
            let name = after.trim();
            for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let i = self.class(id);
                self.d.classes[i].classes.push(name.to_string());
            }
            return Ok(rest);
        }
        if let Some(r) = keyword(t, "style") {
            let (ids, decls) = r.split_once([' ', '\t']).unwrap_or((r, ""));
            let decls = parse_style_list(decls);
            for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let i = self.class(id);
                self.d.classes[i].style.extend(decls.iter().cloned());
            }
            return Ok(rest);
        }
        if let Some(r) = keyword(t, "namespace") {
            let Some((name, after)) = class_name(r) else {
                return Err(self.err(t, "`namespace` needs a name"));
            };
            let mut after = after.trim_start();
            let mut label = None;
            if let Some(l) = after.strip_prefix("[\"") {
                if let Some(e) = l.find("\"]") {
                    label = Some(text(&l[..e]));
                    after = l[e + 2..].trim_start();
                }
            }
            let Some(body) = after.strip_prefix('{') else {
                return Err(self.err(t, format!("expected `{{` after `namespace {name}`")));
            };
            if self.ns.len() >= 64 {
                return Err(self.err(&t[..9], "namespaces nested too deeply (more than 64)"));
            }
            let ix = self.open_namespace(name, label);
            self.ns.push((ix, &t[..9]));
            return self.statement(body.trim(), rest);
        }
        if let Some(r) = keyword(t, "note") {
            let (class, r) = match keyword(r, "for") {
                Some(f) => {
                    let Some((name, after)) = class_name(f) else {
                        return Err(self.err(t, "expected a class name after `note for`"));
                    };
                    (Some(self.class(name)), after.trim_start())
                }
                None => (None, r),
            };
            let Some((body, _)) = quoted(r) else {
                return Err(self.err(
                    if r.is_empty() { t } else { r },
                    "expected the note's text in quotes",
                ));
            };
            let namespace = self.namespace();
            self.d.notes.push(Note {
                class,
                text: text(body),
                namespace,
            });
            return Ok(rest);
        }
        for kw in ["link", "click", "callback"] {
            if let Some(r) = keyword(t, kw) {
                return self.link(kw, t, r).map(|_| rest);
            }
        }
        if let Some((a, after)) = annotation(t) {
            let Some((name, _)) = class_name(after.trim()) else {
                return Err(self.err(t, "expected a class name after the annotation"));
            };
            let i = self.class(name);
            self.d.classes[i].annotations.push(a.to_string());
            return Ok(rest);
        }
        if let Some(r) = keyword(t, "class") {
            return self.class_statement(t, r, rest);
        }
        self.relation_or_member(t)?;
        Ok(rest)
    }

    fn class_statement(
        &mut self,
        t: &'s str,
        r: &'s str,
        rest: &'s str,
    ) -> Result<&'s str, ParseError> {
        // `class a,b css` (no body, no brackets): classes applied.
        let Some((name, mut after)) = class_name(r) else {
            return Err(self.err(t, "`class` needs a class name"));
        };
        let mut full = name.to_string();
        if let Some(g) = after.strip_prefix('~') {
            let e = g.rfind('~').unwrap_or(g.len());
            full = format!("{name}~{}~", &g[..e]);
            after = &g[(e + 1).min(g.len())..];
        }
        let i = self.class(&full);
        if self.d.classes[i].namespace.is_none() {
            self.d.classes[i].namespace = self.namespace();
        }
        let mut after = after.trim_start();
        loop {
            if let Some(l) = after.strip_prefix("[\"") {
                let Some(e) = l.find("\"]") else {
                    return Err(self.err(after, "unclosed class label: expected `\"]`"));
                };
                self.d.classes[i].label = Some(text(&l[..e]));
                after = l[e + 2..].trim_start();
            } else if let Some(c) = after.strip_prefix(":::") {
                let e = c
                    .find(|ch: char| ch.is_whitespace() || ch == '{')
                    .unwrap_or(c.len());
                self.d.classes[i].classes.push(c[..e].to_string());
                after = c[e..].trim_start();
            } else if let Some((a, r2)) = annotation(after) {
                self.d.classes[i].annotations.push(a.to_string());
                after = r2.trim_start();
            } else if let Some(b) = after.strip_prefix(',') {
                // `class a,b css`
                let mut ids = vec![i];
                let mut cur = b.trim_start();
                while let Some((n, a)) = class_name(cur) {
                    let a = a.trim_start();
                    if a.is_empty() || !a.starts_with(',') {
                        // n is the last id; a the class.
                        if a.is_empty() {
                            // `class a,b` alone: n is an id.
                            ids.push(self.class(n));
                        } else {
                            ids.push(self.class(n));
                            let css = a.trim();
                            for &k in &ids {
                                self.d.classes[k].classes.push(css.to_string());
                            }
                        }
                        break;
                    }
                    ids.push(self.class(n));
                    cur = a[1..].trim_start();
                }
                return Ok(rest);
            } else {
                break;
            }
        }
        if let Some(b) = after.strip_prefix('{') {
            return self.body(i, b, rest, &t[..5]);
        }
        if !after.is_empty() {
            return Err(self.err(
                after,
                format!(
                    "unexpected `{}` after class `{}`: expected `{{`, `[\"label\"]`, `:::class` or `<<annotation>>`",
                    after.split_whitespace().next().unwrap_or(after),
                    self.d.classes[i].id
                ),
            ));
        }
        Ok(rest)
    }

    fn link(&mut self, kw: &str, t: &'s str, r: &'s str) -> Result<(), ParseError> {
        let Some((name, after)) = class_name(r) else {
            return Err(self.err(t, format!("`{kw}` needs a class name")));
        };
        let i = self.class(name);
        let mut after = after.trim_start();
        let mut link = Link::default();
        if kw == "click" {
            if let Some(a) = keyword(after, "href") {
                after = a;
            } else if let Some(a) = keyword(after, "call") {
                let e = a.find(')').map_or(a.len(), |e| e + 1);
                link.callback = Some(a[..e].trim().to_string());
                after = a[e..].trim_start();
            } else if !after.starts_with('"') {
                let e = after.find(char::is_whitespace).unwrap_or(after.len());
                link.callback = Some(after[..e].to_string());
                after = after[e..].trim_start();
            }
        }
        let mut strings = Vec::new();
        while let Some((s, a)) = quoted(after) {
            strings.push(s.to_string());
            after = a.trim_start();
        }
        let mut strings = strings.into_iter();
        if link.callback.is_none() {
            if kw == "callback" {
                link.callback = strings.next();
            } else {
                link.href = strings.next();
            }
        }
        link.tooltip = strings.next();
        if !after.is_empty() {
            link.target = Some(after.to_string());
        }
        self.d.classes[i].link = Some(link);
        Ok(())
    }

    /// A side of a relation: class name and an optional quoted cardinality.
    fn side(
        &mut self,
        s: &'s str,
        left: bool,
    ) -> Result<(usize, Option<String>, &'s str), ParseError> {
        let t = s.trim();
        let (name, card) = if left {
            match t
                .strip_suffix('"')
                .and_then(|x| x.rfind('"').map(|p| (x, p)))
            {
                Some((x, p)) => (x[..p].trim(), Some(text(&x[p + 1..]))),
                None => (t, None),
            }
        } else {
            match quoted(t) {
                Some((c, r)) => (r.trim(), Some(text(c))),
                None => (t, None),
            }
        };
        let name = name.trim();
        let bare = name.trim_matches('`');
        if bare.is_empty() {
            return Err(self.err(
                if t.is_empty() { s } else { t },
                format!(
                    "missing class name on the {} side of the relation",
                    if left { "left" } else { "right" }
                ),
            ));
        }
        if !name.starts_with('`') {
            if let Some(p) = name.find(char::is_whitespace) {
                let word = name[p..].trim_start();
                let word = word.split_whitespace().next().unwrap_or(word);
                let at = &name[p..].trim_start()[..word.len()];
                return Err(self.err(
                    at,
                    format!("unexpected `{word}` in relation: expected one class name on each side of the arrow"),
                ));
            }
        }
        Ok((self.class(bare), card.filter(|c| !c.is_empty()), name))
    }

    fn relation_or_member(&mut self, t: &'s str) -> Result<(), ParseError> {
        let colon = label_colon(t);
        let head = &t[..colon.unwrap_or(t.len())];
        let label = colon.map(|c| &t[c + 1..]);
        if let Some((s, e, from_end, to_end, dashed)) = find_arrow(head) {
            let (mut from, from_card, _) = self.side(&head[..s], true)?;
            let (mut to, to_card, _) = self.side(&head[e..], false)?;
            // A lollipop end is an interface of its own.
            for (end, which) in [(from_end, 0), (to_end, 1)] {
                if end != End::Lollipop {
                    continue;
                }
                let k = if which == 0 { from } else { to };
                let name = self.d.classes[k].id.clone();
                // The named side was created as a class only for this: reuse it.
                let fresh = self.d.classes[k].attributes.is_empty()
                    && self.d.classes[k].methods.is_empty()
                    && !self.d.relations.iter().any(|r| r.from == k || r.to == k);
                self.lollipops += 1;
                let iface = if fresh && k + 1 == self.d.classes.len() {
                    self.d.classes[k].kind = ClassKind::Interface;
                    if self.ids.get(&self.d.classes[k].id) == Some(&k) {
                        self.ids.remove(&self.d.classes[k].id);
                    }
                    k
                } else {
                    self.d.classes.push(Class {
                        id: name,
                        kind: ClassKind::Interface,
                        namespace: self.namespace(),
                        ..Class::default()
                    });
                    self.d.classes.len() - 1
                };
                if which == 0 {
                    from = iface;
                } else {
                    to = iface;
                }
            }
            self.d.relations.push(Relation {
                from,
                to,
                from_end,
                to_end,
                dashed,
                label: label.map(text).filter(|l| !l.is_empty()),
                from_card,
                to_card,
            });
            return Ok(());
        }
        let (name, after) = class_name(head.trim()).ok_or_else(|| {
            self.err(
                t,
                "expected a class, a relation (`A <|-- B`) or a statement",
            )
        })?;
        let after = after.trim();
        let i = self.class(&format!(
            "{name}{}",
            if after.starts_with('~') { after } else { "" }
        ));
        if !after.is_empty() && !after.starts_with('~') {
            if let Some(c) = after.strip_prefix(":::") {
                self.d.classes[i].classes.push(c.trim().to_string());
            } else {
                return Err(self.err(
                    after,
                    format!(
                        "unexpected `{}`: expected a relation arrow (`-->`, `<|--`, `..>`, …) or `: member`",
                        after.split_whitespace().next().unwrap_or(after)
                    ),
                ));
            }
        }
        if let Some(m) = label {
            self.add_member(i, m);
        }
        Ok(())
    }
}

/// Parse a class diagram.
pub fn parse(pre: &Preamble<'_>, hierarchical: bool) -> Result<Diagram, ParseError> {
    let body = pre.body();
    let mut rest = match body.find('\n') {
        Some(p) => &body[p + 1..],
        None => "",
    };
    let mut p = Parser {
        src: pre.source,
        d: Diagram::default(),
        ns: Vec::new(),
        hierarchical,
        lollipops: 0,
        ids: std::collections::HashMap::new(),
    };
    crate::diagrams::budget::lines(pre.source, body)?;
    let mut guard = 0usize;
    while !rest.is_empty() {
        guard += 1;
        if guard > 1_000_000 {
            break;
        }
        if let Some((acc, after)) = accessibility(pre.source, rest)? {
            match acc {
                Accessibility::Title(t) => p.d.acc_title = Some(t),
                Accessibility::Description(t) => p.d.acc_descr = Some(t),
            }
            rest = after.strip_prefix('\n').unwrap_or(after);
            continue;
        }
        let (line, next) = logical_line(rest);
        let t = strip_comment(line).trim();
        rest = p.statement(t, next)?;
        crate::diagrams::budget::nodes(pre.source, t, p.d.classes.len(), "class")?;
        crate::diagrams::budget::edges(pre.source, t, p.d.relations.len(), "relation")?;
        crate::diagrams::budget::nesting(pre.source, t, p.ns.len(), "namespace")?;
    }
    if let Some((ix, at)) = p.ns.last() {
        let id = p.d.namespaces[*ix].id.clone();
        return Err(ParseError::at(
            pre.source,
            at,
            format!("namespace `{id}` is not closed: expected `}}`"),
        ));
    }
    if pre.title.is_some() {
        p.d.title = pre.title.clone();
    }
    Ok(p.d)
}
