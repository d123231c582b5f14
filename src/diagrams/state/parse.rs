//! State diagram source → [`Diagram`].
//!
//! Line-based: each statement is one line (a block note and `accDescr {`
//! span several). Statements: transitions `a --> b : label` (`[*]` is the
//! scope's start as a source and its end as a target), `id : description`,
//! `state "name" as id`, `state id <<choice>>|<<fork>>|<<join>>` (also
//! `[[…]]` and the `&lt;&lt;…&gt;&gt;` spelling), `state id {` … `}`
//! composites nested to any depth, `--` concurrency regions, notes
//! (`note left of s : text`, block `note right of s` … `end note`, floating
//! `note "text" as N`), `direction`, `classDef`, `class`, `style`, `:::`,
//! `accTitle`/`accDescr`, `title`, `hide empty description`, `scale`,
//! and `%%` comments.

use super::model::*;
use crate::geometry::Direction;
use crate::style::parse_style_list;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Decode label text: `<br>` variants → line breaks, `#colon;`-style
/// entity codes and the common HTML entities.
pub(crate) fn text(raw: &str) -> String {
    let s = crate::syntax::lex::decode_text(raw.trim(), false);
    html_entities(&s)
}

/// Decode `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&nbsp;` and `&#N;`.
pub(crate) fn html_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let r = &rest[p..];
        let semi = r.find(';').filter(|&k| k <= 10);
        let decoded = semi.and_then(|k| {
            let name = &r[1..k];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix('#')
                    .and_then(|n| {
                        n.strip_prefix(['x', 'X'])
                            .map_or_else(|| n.parse().ok(), |h| u32::from_str_radix(h, 16).ok())
                    })
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, k + 1))
        });
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &r[n..];
            }
            None => {
                out.push('&');
                rest = &r[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The line starting at `i` (without its newline) and the rest after it.
fn split_line(i: &str) -> (&str, &str) {
    match i.find('\n') {
        Some(p) => (&i[..p], &i[p + 1..]),
        None => (i, ""),
    }
}

/// `line` without a trailing `%% comment` (not `%%{`).
fn strip_comment(line: &str) -> &str {
    let mut from = 0;
    while let Some(p) = line[from..].find("%%") {
        let at = from + p;
        if !line[at + 2..].starts_with('{') {
            return &line[..at];
        }
        from = at + 2;
    }
    line
}

/// Position of the `:` that starts a description or label (a run of one
/// or two colons; `:::` is a class marker).
pub(crate) fn label_colon(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        if b[k] == b':' {
            let mut e = k;
            while e < b.len() && b[e] == b':' {
                e += 1;
            }
            if e - k < 3 {
                return Some(k);
            }
            k = e;
        } else {
            k += 1;
        }
    }
    None
}

/// A keyword at the start of `t` followed by a space or the end.
fn keyword<'a>(t: &'a str, kw: &str) -> Option<&'a str> {
    let r = t.strip_prefix(kw)?;
    (r.is_empty() || r.starts_with([' ', '\t'])).then(|| r.trim_start())
}

/// Text left on the same line to parse next, and the input after the line.
type Step<'s> = (Option<&'s str>, &'s str);

struct Parser<'s> {
    src: &'s str,
    d: Diagram,
    /// Open composites, innermost last, with the `state` text that opened each.
    stack: Vec<(usize, &'s str)>,
    /// `class ids name` statements, applied at the end to the states that
    /// exist (as mermaid-js, an unknown id is not a state).
    pending: Vec<(&'s str, &'s str)>,
    /// The state named by the previous statement when it was a bare
    /// `state id` (its `{` may start the next line).
    last_state: Option<(usize, &'s str)>,
    /// State indexes by id (as `Diagram::find`, without a scan).
    ids: std::collections::HashMap<String, usize>,
}

impl<'s> Parser<'s> {
    fn scope(&self) -> Option<usize> {
        self.stack.last().map(|s| s.0)
    }

    fn region(&self) -> usize {
        self.scope()
            .map_or(0, |c| self.d.composites[c].regions.saturating_sub(1))
    }

    fn err(&self, part: &str, msg: impl Into<String>) -> ParseError {
        ParseError::at(self.src, part, msg)
    }

    /// Index of the state `id`.
    fn find(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The state named `id`, created in the current scope when new.
    fn state(&mut self, id: &str) -> usize {
        if let Some(i) = self.find(id) {
            return i;
        }
        let parent = self.scope();
        let region = self.region();
        self.ids
            .entry(id.to_string())
            .or_insert(self.d.states.len());
        self.d.states.push(State {
            id: id.to_string(),
            parent,
            region,
            ..State::default()
        });
        self.d.states.len() - 1
    }

    /// A state reference in a transition (`[*]`, `id`, `id:::class`).
    fn reference(&mut self, raw: &'s str, source_side: bool) -> Result<usize, ParseError> {
        let t = raw.trim();
        let (id, class) = match t.find(":::") {
            Some(p) => (t[..p].trim(), Some(t[p + 3..].trim())),
            None => (t, None),
        };
        if id.is_empty() {
            let what = if source_side { "source" } else { "target" };
            return Err(self.err(
                if t.is_empty() { raw } else { t },
                format!("missing {what} state: expected a state id or `[*]`"),
            ));
        }
        if let Some(bad) = id.find(|c: char| c.is_whitespace() || c == '"' || c == '{' || c == '}')
        {
            let rest = &id[bad..];
            let word = rest.split_whitespace().next().unwrap_or(rest);
            return Err(self.err(
                if word.is_empty() { id } else { word },
                format!(
                    "unexpected `{}` in state id `{id}`: expected `-->` between two state ids",
                    word.trim()
                ),
            ));
        }
        let i = if id == "[*]" {
            let scope = match self.scope() {
                None => "root".to_string(),
                Some(c) => {
                    let sid = &self.d.states[self.d.composites[c].state].id;
                    match self.region() {
                        0 => sid.clone(),
                        r => format!("{sid}_{r}"),
                    }
                }
            };
            let (suffix, kind) = if source_side {
                ("start", Kind::Start)
            } else {
                ("end", Kind::End)
            };
            let sid = format!("{scope}_{suffix}");
            let i = self.state(&sid);
            self.d.states[i].kind = kind;
            i
        } else {
            self.state(id)
        };
        if let Some(c) = class.filter(|c| !c.is_empty()) {
            self.d.states[i].classes.push(c.to_string());
        }
        Ok(i)
    }

    /// One statement (a trimmed line without comment). `rest` is the input
    /// after the line, for block notes; returns the input to go on with.
    fn statement(&mut self, t: &'s str, rest: &'s str) -> Result<Step<'s>, ParseError> {
        if t.is_empty() {
            return Ok((None, rest));
        }
        let last = self.last_state.take();
        if let (Some(body), Some((i, at))) = (t.strip_prefix('{'), last) {
            return self.open(i, at, body, rest);
        }
        if t == "}" || t.starts_with('}') {
            if self.stack.pop().is_none() {
                return Err(self.err(&t[..1], "unexpected `}`: no composite state is open"));
            }
            return Ok((Some(t[1..].trim()), rest));
        }
        if t == "--" || (t.starts_with("--") && t.trim_start_matches('-').trim().is_empty()) {
            if let Some(c) = self.scope() {
                self.d.composites[c].regions += 1;
            }
            return Ok((None, rest));
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
            match self.scope() {
                Some(c) => self.d.composites[c].direction = Some(dir),
                None => self.d.direction = Some(dir),
            }
            return Ok((None, rest));
        }
        if let Some(r) = keyword(t, "title") {
            self.d.title = Some(text(r));
            return Ok((None, rest));
        }
        if keyword(t, "hide").is_some() || keyword(t, "scale").is_some() {
            return Ok((None, rest));
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
            return Ok((None, rest));
        }
        if let Some(r) = keyword(t, "class") {
            let r = r.trim();
            let Some(p) = r.rfind([' ', '\t']) else {
                return Err(self.err(
                    t,
                    "`class` needs state ids and a class name (`class a,b name`)",
                ));
            };
            let (ids, class) = (&r[..p], r[p..].trim());
            for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                self.pending.push((id, class));
            }
            return Ok((None, rest));
        }
        if let Some(r) = keyword(t, "style") {
            let (ids, decls) = r.split_once([' ', '\t']).unwrap_or((r, ""));
            let decls = parse_style_list(decls);
            for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if let Some(i) = self.find(id) {
                    self.d.states[i].style.extend(decls.iter().cloned());
                }
            }
            return Ok((None, rest));
        }
        if let Some(r) = keyword(t, "note") {
            return self.note(t, r, rest);
        }
        if let Some(r) = keyword(t, "state") {
            return self.state_statement(t, r, rest);
        }
        self.relation(t)?;
        Ok((None, rest))
    }

    /// `a --> b : label`, `id : description`, `id`, `id:::class`.
    fn relation(&mut self, t: &'s str) -> Result<(), ParseError> {
        let colon = label_colon(t);
        let head = &t[..colon.unwrap_or(t.len())];
        let label = colon.map(|c| text(&t[c + 1..]));
        if let Some(p) = head.find("-->") {
            let from = self.reference(&head[..p], true)?;
            let to = self.reference(&head[p + 3..], false)?;
            self.d.transitions.push(Transition {
                from,
                to,
                label: label.filter(|l| !l.is_empty()),
            });
            return Ok(());
        }
        let i = self.reference(head, true)?;
        if self.d.states[i].kind == Kind::Start && head.trim() == "[*]" {
            return Err(self.err(head.trim(), "`[*]` needs a transition (`[*] --> state`)"));
        }
        if let Some(l) = label.filter(|l| !l.is_empty()) {
            self.d.states[i].descriptions.push(l);
        }
        Ok(())
    }

    fn state_statement(
        &mut self,
        t: &'s str,
        r: &'s str,
        rest: &'s str,
    ) -> Result<Step<'s>, ParseError> {
        let mut r = r;
        let mut name = None;
        if let Some(q) = r.strip_prefix('"') {
            let Some(end) = q.find('"') else {
                return Err(self.err(r, "unclosed `\"` in state name"));
            };
            name = Some(text(&q[..end]));
            let after = q[end + 1..].trim_start();
            let Some(a) = keyword(after, "as") else {
                // `state "text"` alone: the text is the id.
                let i = self.state(q[..end].trim());
                let _ = i;
                return Ok((None, rest));
            };
            r = a;
        }
        // The id runs to a space, `{`, `<`, `[`, or a label colon.
        let end = r
            .find(|c: char| c.is_whitespace() || c == '{' || c == '<' || c == '[' || c == '&')
            .unwrap_or(r.len());
        let end = match label_colon(&r[..end]) {
            Some(c) => c,
            None => end,
        };
        let raw_id = &r[..end];
        if raw_id.is_empty() {
            return Err(self.err(t, "`state` needs a state id"));
        }
        let (id, class) = match raw_id.find(":::") {
            Some(p) => (&raw_id[..p], Some(&raw_id[p + 3..])),
            None => (raw_id, None),
        };
        let i = self.state(id);
        if let Some(c) = class.filter(|c| !c.is_empty()) {
            self.d.states[i].classes.push(c.to_string());
        }
        if let Some(n) = name {
            self.d.states[i].descriptions.push(n);
        }
        let mut after = r[end..].trim_start();
        // Stereotypes.
        for (open, close) in [("<<", ">>"), ("[[", "]]"), ("&lt;&lt;", "&gt;&gt;")] {
            if let Some(s) = after.strip_prefix(open) {
                let Some(e) = s.find(close) else {
                    return Err(self.err(after, format!("unclosed `{open}`: expected `{close}`")));
                };
                let kind = match s[..e].trim().to_ascii_lowercase().as_str() {
                    "choice" => Kind::Choice,
                    "fork" => Kind::Fork,
                    "join" => Kind::Join,
                    _ => {
                        return Err(self.err(
                            &s[..e],
                            format!(
                                "unknown state type `{}`: expected choice, fork or join",
                                &s[..e]
                            ),
                        ))
                    }
                };
                self.d.states[i].kind = kind;
                after = s[e + close.len()..].trim_start();
                break;
            }
        }
        if let Some(c) = after.strip_prefix(':') {
            let l = text(c);
            if !l.is_empty() {
                self.d.states[i].descriptions.push(l);
            }
            return Ok((None, rest));
        }
        if let Some(body) = after.strip_prefix('{') {
            return self.open(i, &t[..5], body, rest);
        }
        if !after.is_empty() {
            return Err(self.err(
                after,
                format!(
                    "unexpected `{}` after state `{id}`: expected `{{`, `: description` or `<<choice>>`",
                    after.split_whitespace().next().unwrap_or(after)
                ),
            ));
        }
        self.last_state = Some((i, &t[..5]));
        Ok((None, rest))
    }

    /// Open state `i`'s body (`{` read; `body` is the rest of the line).
    fn open(
        &mut self,
        i: usize,
        at: &'s str,
        body: &'s str,
        rest: &'s str,
    ) -> Result<Step<'s>, ParseError> {
        let c = match self.d.states[i].composite {
            Some(c) => {
                if self.stack.iter().any(|s| s.0 == c) {
                    let id = &self.d.states[i].id;
                    return Err(
                        self.err(at, format!("composite state `{id}` cannot contain itself"))
                    );
                }
                c
            }
            None => {
                self.d.composites.push(Composite {
                    state: i,
                    parent: self.d.states[i].parent,
                    direction: None,
                    regions: 1,
                });
                let c = self.d.composites.len() - 1;
                self.d.states[i].composite = Some(c);
                c
            }
        };
        self.stack.push((c, at));
        Ok((Some(body.trim()), rest))
    }

    fn note(&mut self, t: &'s str, r: &'s str, rest: &'s str) -> Result<Step<'s>, ParseError> {
        // Floating note: `note "text" as N`.
        if let Some(q) = r.strip_prefix('"') {
            let Some(end) = q.find('"') else {
                return Err(self.err(r, "unclosed `\"` in note"));
            };
            self.d.notes.push(Note {
                state: None,
                side: Side::Right,
                text: text(&q[..end]),
                parent: self.scope(),
                region: self.region(),
            });
            return Ok((None, rest));
        }
        let (side, after) = if let Some(a) = keyword(r, "left") {
            (Side::Left, a)
        } else if let Some(a) = keyword(r, "right") {
            (Side::Right, a)
        } else {
            return Err(self.err(
                if r.is_empty() { t } else { r },
                "expected `left of` or `right of` after `note`",
            ));
        };
        let Some(after) = keyword(after, "of") else {
            return Err(self.err(t, "expected `of` after `note left`/`note right`"));
        };
        let colon = label_colon(after);
        let id = after[..colon.unwrap_or(after.len())].trim();
        if id.is_empty() || id.contains(char::is_whitespace) {
            return Err(self.err(
                if after.is_empty() { t } else { after },
                "expected a state id after `note left of`/`note right of`",
            ));
        }
        let s = self.state(id);
        let (body, rest) = match colon {
            Some(c) => (text(&after[c + 1..]), rest),
            None => {
                // Block note up to `end note`.
                let mut lines = Vec::new();
                let mut cur = rest;
                loop {
                    if cur.is_empty() {
                        return Err(self.err(t, "unclosed note: expected `end note`"));
                    }
                    let (line, next) = split_line(cur);
                    let lt = line.trim();
                    if let Some(p) = lt.find("end note") {
                        let before = lt[..p].trim();
                        if !before.is_empty() {
                            lines.push(before);
                        }
                        break (lines.join("\n"), next);
                    }
                    lines.push(lt);
                    cur = next;
                }
            }
        };
        let body = text(&body);
        self.d.notes.push(Note {
            state: Some(s),
            side,
            text: body,
            parent: self.d.states[s].parent,
            region: self.d.states[s].region,
        });
        Ok((None, rest))
    }
}

/// Parse a state diagram.
pub fn parse(pre: &Preamble<'_>) -> Result<Diagram, ParseError> {
    let body = pre.body();
    let (_, mut rest) = split_line(body);
    crate::diagrams::budget::lines(pre.source, body)?;
    let mut p = Parser {
        src: pre.source,
        d: Diagram::default(),
        stack: Vec::new(),
        pending: Vec::new(),
        last_state: None,
        ids: std::collections::HashMap::new(),
    };
    while !rest.is_empty() {
        if let Some((acc, after)) = accessibility(pre.source, rest)? {
            match acc {
                Accessibility::Title(t) => p.d.acc_title = Some(t),
                Accessibility::Description(t) => p.d.acc_descr = Some(t),
            }
            rest = after.strip_prefix('\n').unwrap_or(after);
            continue;
        }
        let (line, next) = split_line(rest);
        let t = strip_comment(line).trim();
        let mut step = p.statement(t, next)?;
        while let (Some(more), after) = step {
            step = p.statement(more, after)?;
        }
        crate::diagrams::budget::nodes(pre.source, t, p.d.states.len(), "state")?;
        crate::diagrams::budget::edges(pre.source, t, p.d.transitions.len(), "transition")?;
        crate::diagrams::budget::nesting(pre.source, t, p.stack.len(), "state")?;
        rest = step.1;
    }
    if let Some((c, at)) = p.stack.last() {
        let id = &p.d.states[p.d.composites[*c].state].id;
        return Err(ParseError::at(
            pre.source,
            at,
            format!("composite state `{id}` is not closed: expected `}}`"),
        ));
    }
    for (id, class) in std::mem::take(&mut p.pending) {
        if let Some(i) = p.find(id) {
            p.d.states[i].classes.push(class.to_string());
        }
    }
    if pre.title.is_some() {
        p.d.title = pre.title.clone();
    }
    Ok(p.d)
}
