//! `zenuml` source → [`Diagram`]: a small recursive-descent parser over
//! the ZenUML language (title, participant declarations with annotators,
//! aliases and stereotypes, groups, sync calls with nested bodies, async
//! messages, creation, returns, fragments, dividers and comments). Every
//! error is located in the source.

use super::model::{Diagram, FragmentKind, Group, Item, Kind, Participant, Section, Stmt};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Deepest nesting of bodies and fragments.
pub const MAX_DEPTH: usize = 64;
/// Most statements one diagram may hold.
pub const MAX_STATEMENTS: usize = 20_000;
/// Most participants one diagram may hold.
pub const MAX_PARTICIPANTS: usize = 1_000;
/// Id of the implicit starter (the sender of top-level calls written
/// without one).
pub const STARTER: &str = "_STARTER_";

/// Who sends a message written without a sender, and who a `return`
/// goes back to.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    /// The participant whose body this is; `None` at the top (the starter).
    owner: Option<usize>,
    /// Who called the owner.
    caller: Option<usize>,
    depth: usize,
}

struct P<'a> {
    src: &'a str,
    pos: usize,
    d: Diagram,
    count: usize,
    comment: Vec<String>,
    reply_next: bool,
    starter: Option<usize>,
    used: Vec<bool>,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$' || (!c.is_ascii() && !c.is_whitespace())
}

/// Parse a diagram.
pub fn parse(pre: &Preamble<'_>) -> Result<Diagram, ParseError> {
    let src = pre.source;
    let body = pre.body();
    let start = src.len() - body.len();
    let first = body.find('\n').map_or(src.len(), |k| start + k);
    let mut p = P {
        src,
        pos: first,
        d: Diagram::default(),
        count: 0,
        comment: Vec::new(),
        reply_next: false,
        starter: None,
        used: vec![false],
    };
    p.d.participants.push(Participant {
        id: STARTER.into(),
        kind: Kind::Actor,
        hidden: true,
        ..Participant::default()
    });
    let top = Ctx {
        owner: None,
        caller: None,
        depth: 0,
    };
    let items = p.block(top, None)?;
    p.d.items = items;
    if p.d.title.is_none() {
        p.d.title = pre.title.clone().filter(|t| !t.trim().is_empty());
    }
    Ok(p.d)
}

impl<'a> P<'a> {
    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn err<T>(&self, start: usize, end: usize, msg: impl Into<String>) -> Result<T, ParseError> {
        let end = end.clamp(start, self.src.len());
        Err(ParseError::syntax(self.src, start, end, msg))
    }

    /// The span of the character (or nothing) at `pos`.
    fn char_end(&self, pos: usize) -> usize {
        self.src[pos..]
            .chars()
            .next()
            .map_or(pos, |c| pos + c.len_utf8())
    }

    fn skip_blank(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start_matches([' ', '\t']).len();
    }

    /// Text to the end of the line (not consuming the newline).
    fn line_rest(&mut self) -> &'a str {
        let r = self.rest();
        let n = r.find('\n').unwrap_or(r.len());
        self.pos += n;
        &r[..n]
    }

    /// Whether `pos` is the first non-blank character of its line.
    fn at_line_start(&self) -> bool {
        self.src[..self.pos]
            .chars()
            .rev()
            .find(|c| *c != ' ' && *c != '\t')
            .is_none_or(|c| c == '\n')
    }

    /// A name (identifier run) or a quoted string; its text and start.
    fn name(&mut self) -> Option<(String, usize)> {
        let start = self.pos;
        let r = self.rest();
        if let Some(q) = r.strip_prefix('"') {
            let end = q.find(['"', '\n']).unwrap_or(q.len());
            let text = q[..end].to_string();
            self.pos += 1 + end + usize::from(q[end..].starts_with('"'));
            return Some((text, start));
        }
        let n: usize = r
            .chars()
            .take_while(|c| is_name_char(*c))
            .map(char::len_utf8)
            .sum();
        if n == 0 {
            return None;
        }
        self.pos += n;
        Some((r[..n].to_string(), start))
    }

    /// The text inside balanced parentheses starting at `(` (quotes
    /// respected); the cursor ends after the `)`.
    fn paren(&mut self) -> Result<&'a str, ParseError> {
        let open = self.pos;
        let r = self.rest();
        let mut depth = 0usize;
        let mut quote = false;
        for (k, c) in r.char_indices() {
            match c {
                '"' => quote = !quote,
                '(' if !quote => depth += 1,
                ')' if !quote => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += k + 1;
                        return Ok(&r[1..k]);
                    }
                }
                _ => {}
            }
        }
        self.err(open, open + 1, "`(` is never closed (expected `)`)")
    }

    /// An optional `(condition)`.
    fn condition(&mut self) -> Result<Option<String>, ParseError> {
        self.skip_blank();
        if self.peek() == Some('(') {
            let t = self.paren()?.trim();
            return Ok((!t.is_empty()).then(|| t.to_string()));
        }
        Ok(None)
    }

    /// Skip spaces and newlines (not comments).
    fn skip_space(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }

    /// `{ … }` after a fragment keyword.
    fn required_block(&mut self, ctx: Ctx, what: &str) -> Result<Vec<Item>, ParseError> {
        self.skip_space();
        if self.peek() != Some('{') {
            let at = self.pos;
            return self.err(
                at,
                self.char_end(at),
                format!("expected `{{` after `{what}`"),
            );
        }
        let open = self.pos;
        self.pos += 1;
        self.block(ctx, Some(open))
    }

    /// An optional `{ … }` body after a call.
    fn optional_block(&mut self, ctx: Ctx) -> Result<Option<Vec<Item>>, ParseError> {
        self.skip_blank();
        if self.peek() != Some('{') {
            return Ok(None);
        }
        let open = self.pos;
        self.pos += 1;
        self.block(ctx, Some(open)).map(Some)
    }

    /// Statements up to the matching `}` (when `open` is its `{`) or the
    /// end of the source.
    fn block(&mut self, ctx: Ctx, open: Option<usize>) -> Result<Vec<Item>, ParseError> {
        if ctx.depth > MAX_DEPTH {
            let at = open.unwrap_or(self.pos);
            return self.err(
                at,
                at + 1,
                format!("nested too deeply (at most {MAX_DEPTH})"),
            );
        }
        let mut items = Vec::new();
        loop {
            let r = self.rest();
            self.pos += r.len()
                - r.trim_start_matches(|c: char| c.is_whitespace() || c == ';')
                    .len();
            let r = self.rest();
            if r.is_empty() {
                if let Some(o) = open {
                    return self.err(o, o + 1, "`{` is never closed (expected `}`)");
                }
                return Ok(items);
            }
            if r.starts_with('}') {
                if open.is_some() {
                    self.pos += 1;
                    return Ok(items);
                }
                let at = self.pos;
                return self.err(at, at + 1, "unexpected `}` (no `{` is open)");
            }
            if let Some(c) = r.strip_prefix("//") {
                let line = self.line_rest();
                let _ = c;
                self.comment.push(line[2..].trim().to_string());
                continue;
            }
            if r.starts_with("%%") {
                self.line_rest();
                continue;
            }
            if r.starts_with("==") {
                let line = self.line_rest();
                let label = line.trim().trim_matches('=').trim().to_string();
                self.push(&mut items, Stmt::Divider { label })?;
                continue;
            }
            if self.at_line_start() {
                if let Some((acc, after)) = accessibility(self.src, r)? {
                    match acc {
                        Accessibility::Title(v) => self.d.acc_title = Some(v),
                        Accessibility::Description(v) => self.d.acc_descr = Some(v),
                    }
                    self.pos = self.src.len() - after.len();
                    continue;
                }
            }
            // The comment belongs to this statement, not to the first one
            // of its body.
            let comment = std::mem::take(&mut self.comment);
            match self.statement(ctx)? {
                Some(s) => {
                    self.comment = comment;
                    self.push(&mut items, s)?;
                }
                // A comment on a declaration is not drawn; one above
                // `@return` belongs to the message after it.
                None if self.reply_next => self.comment = comment,
                None => {}
            }
        }
    }

    fn push(&mut self, items: &mut Vec<Item>, stmt: Stmt) -> Result<(), ParseError> {
        self.count += 1;
        if self.count > MAX_STATEMENTS {
            let at = self.pos;
            return self.err(
                at,
                self.char_end(at),
                format!("too many statements (at most {MAX_STATEMENTS})"),
            );
        }
        let at = self
            .src
            .get(self.pos..self.char_end(self.pos))
            .unwrap_or("");
        crate::diagrams::budget::edges(self.src, at, self.count, "statement")?;
        let comment = (!self.comment.is_empty()).then(|| self.comment.join("\n"));
        self.comment.clear();
        items.push(Item { comment, stmt });
        Ok(())
    }

    /// The index of participant `id`, added when new.
    fn intern(&mut self, id: &str, at: usize) -> Result<usize, ParseError> {
        if let Some(i) = self.d.participants.iter().position(|p| p.id == id) {
            return Ok(i);
        }
        if self.d.participants.len() > MAX_PARTICIPANTS {
            return self.err(
                at,
                at + id.len(),
                format!("too many participants (at most {MAX_PARTICIPANTS})"),
            );
        }
        let name = self.src.get(at..at + id.len()).unwrap_or("");
        crate::diagrams::budget::nodes(
            self.src,
            name,
            self.d.participants.len() + 1,
            "participant",
        )?;
        self.d.participants.push(Participant {
            id: id.to_string(),
            label: id.to_string(),
            ..Participant::default()
        });
        self.used.push(false);
        Ok(self.d.participants.len() - 1)
    }

    /// A participant taking part in a message.
    fn uses(&mut self, id: &str, at: usize) -> Result<usize, ParseError> {
        let i = self.intern(id, at)?;
        self.mark(i);
        Ok(i)
    }

    fn mark(&mut self, i: usize) {
        if let Some(u) = self.used.get_mut(i) {
            *u = true;
        }
        if let Some(p) = self.d.participants.get_mut(i) {
            p.hidden = false;
        }
    }

    /// The sender of a message written without one.
    fn who(&mut self, ctx: Ctx) -> usize {
        let i = ctx.owner.or(self.starter).unwrap_or(0);
        self.mark(i);
        i
    }

    fn statement(&mut self, ctx: Ctx) -> Result<Option<Stmt>, ParseError> {
        let start = self.pos;
        let r = self.rest();
        if r.starts_with('@') {
            self.pos += 1;
            let Some((word, _)) = self.name() else {
                return self.err(start, start + 1, "expected an annotation name after `@`");
            };
            let lower = word.to_ascii_lowercase();
            if lower == "return" || lower == "reply" {
                self.reply_next = true;
                return Ok(None);
            }
            if lower == "starter" {
                self.skip_blank();
                if self.peek() != Some('(') {
                    let at = self.pos;
                    return self.err(at, self.char_end(at), "expected `(` after `@Starter`");
                }
                let inner = self.paren()?.trim();
                if inner.is_empty() {
                    return self.err(start, self.pos, "`@Starter()` needs a participant name");
                }
                let i = self.intern(inner, start)?;
                self.starter = Some(i);
                return Ok(None);
            }
            self.skip_blank();
            self.declaration(Kind::from_annotation(&word))?;
            return Ok(None);
        }
        if r.starts_with("<<") {
            self.declaration(Kind::Plain)?;
            return Ok(None);
        }
        if r.starts_with('{') {
            let open = self.pos;
            self.pos += 1;
            let body = self.block(deeper(ctx), Some(open))?;
            return Ok(Some(Stmt::Fragment {
                kind: FragmentKind::Section,
                sections: vec![Section { label: None, body }],
            }));
        }
        let Some((word, wstart)) = self.name() else {
            let c = r.chars().next().unwrap_or(' ');
            return self.err(
                start,
                self.char_end(start),
                format!("unexpected `{c}`: expected a participant, a message or a fragment"),
            );
        };
        let next = self.rest().trim_start_matches([' ', '\t']);
        let assigns = next.starts_with('=') && !next.starts_with("==");
        let keyword_ok = !(assigns
            || next.starts_with('.')
            || next.starts_with("->")
            || next.starts_with("-->")
            || next.starts_with(':'));
        if keyword_ok {
            match word.as_str() {
                "title" if ctx.depth == 0 && !next.starts_with('(') => {
                    let t = self.line_rest().trim();
                    self.d.title = (!t.is_empty()).then(|| t.to_string());
                    return Ok(None);
                }
                "participant" => {
                    self.skip_blank();
                    self.declaration(Kind::Plain)?;
                    return Ok(None);
                }
                "group" => {
                    self.group(wstart)?;
                    return Ok(None);
                }
                "if" => return self.alt(ctx).map(Some),
                "while" | "for" | "forEach" | "foreach" | "loop" => {
                    return self
                        .simple_fragment(ctx, FragmentKind::Loop, &word)
                        .map(Some)
                }
                "opt" => {
                    return self
                        .simple_fragment(ctx, FragmentKind::Opt, &word)
                        .map(Some)
                }
                "par" => {
                    return self
                        .simple_fragment(ctx, FragmentKind::Par, &word)
                        .map(Some)
                }
                "critical" => {
                    return self
                        .simple_fragment(ctx, FragmentKind::Critical, &word)
                        .map(Some)
                }
                "section" | "frame" => {
                    return self
                        .simple_fragment(ctx, FragmentKind::Section, &word)
                        .map(Some)
                }
                "try" => return self.try_catch(ctx).map(Some),
                "else" | "catch" | "finally" => {
                    let opener = if word == "else" { "if" } else { "try" };
                    return self.err(
                        wstart,
                        wstart + word.len(),
                        format!("`{word}` without `{opener}`"),
                    );
                }
                "ref" if next.starts_with('(') => {
                    self.skip_blank();
                    let label = self.paren()?.trim().to_string();
                    return Ok(Some(Stmt::Ref { label }));
                }
                "return" => {
                    let r = self.rest();
                    let n = r.find(['\n', ';', '}']).unwrap_or(r.len());
                    self.pos += n;
                    let label = r[..n].trim().to_string();
                    let from = self.who(ctx);
                    let to = ctx.caller.unwrap_or(from);
                    return Ok(Some(Stmt::Return { from, to, label }));
                }
                "new" => return self.creation(ctx, None, wstart).map(Some),
                _ => {}
            }
        }
        self.expression(ctx, word, wstart)
    }

    /// `@Type <<Stereotype>> Name Width as "Label" #COLOR`, the cursor at
    /// the stereotype or name.
    fn declaration(&mut self, kind: Kind) -> Result<(), ParseError> {
        let mut stereotype = None;
        if self.rest().starts_with("<<") {
            let open = self.pos;
            let r = &self.rest()[2..];
            let Some(end) = r.find(">>").filter(|e| !r[..*e].contains('\n')) else {
                return self.err(open, open + 2, "`<<` is never closed (expected `>>`)");
            };
            stereotype = Some(r[..end].trim().to_string());
            self.pos += 2 + end + 2;
            self.skip_blank();
        }
        let Some((id, at)) = self.name() else {
            let at = self.pos;
            return self.err(at, self.char_end(at), "expected a participant name");
        };
        self.decl_tail(id, at, kind, stereotype)
    }

    /// What may follow a declared participant's name on its line.
    fn decl_tail(
        &mut self,
        id: String,
        at: usize,
        kind: Kind,
        stereotype: Option<String>,
    ) -> Result<(), ParseError> {
        let i = self.intern(&id, at)?;
        {
            let p = &mut self.d.participants[i];
            if kind != Kind::Plain {
                p.kind = kind;
            }
            if stereotype.is_some() {
                p.stereotype = stereotype;
            }
        }
        loop {
            self.skip_blank();
            let r = self.rest();
            let here = self.pos;
            match r.chars().next() {
                None | Some('\n' | '\r' | ';' | '}') => break,
                Some('/') if r.starts_with("//") => break,
                Some('#') => {
                    let n = 1 + r[1..].chars().take_while(char::is_ascii_hexdigit).count();
                    self.pos += n;
                    let c = &r[..n];
                    if matches!(n, 4 | 7 | 9) {
                        self.d.participants[i].color = Some(c.to_string());
                    }
                }
                Some(c) if c.is_ascii_digit() => {
                    let n = r.chars().take_while(char::is_ascii_digit).count();
                    self.pos += n;
                    self.d.participants[i].width =
                        r[..n].parse::<f64>().ok().filter(|w| *w <= 2000.0);
                }
                _ => {
                    let Some((w, _)) = self.name() else {
                        let c = r.chars().next().unwrap_or(' ');
                        return self.err(
                            here,
                            self.char_end(here),
                            format!("unexpected `{c}` after participant `{id}`"),
                        );
                    };
                    if w != "as" {
                        return self.err(
                            here,
                            here + w.len(),
                            format!("unexpected `{w}` after participant `{id}` (expected `as`, a width or a colour)"),
                        );
                    }
                    self.skip_blank();
                    let Some((label, _)) = self.name() else {
                        let at = self.pos;
                        return self.err(at, self.char_end(at), "expected a name after `as`");
                    };
                    self.d.participants[i].label = label;
                }
            }
        }
        Ok(())
    }

    /// `group "Name" { declarations }`.
    fn group(&mut self, at: usize) -> Result<(), ParseError> {
        self.skip_blank();
        let name = if self.peek() == Some('{') {
            String::new()
        } else {
            self.name().map(|n| n.0).unwrap_or_default()
        };
        self.skip_space();
        if self.peek() != Some('{') {
            let here = self.pos;
            return self.err(here, self.char_end(here), "expected `{` after `group`");
        }
        let open = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        loop {
            self.skip_space();
            let r = self.rest();
            if r.is_empty() {
                return self.err(open, open + 1, "`{` is never closed (expected `}`)");
            }
            if r.starts_with('}') {
                self.pos += 1;
                break;
            }
            if r.starts_with("//") {
                self.line_rest();
                continue;
            }
            let mut kind = Kind::Plain;
            if r.starts_with('@') {
                self.pos += 1;
                let Some((w, _)) = self.name() else {
                    return self.err(
                        self.pos - 1,
                        self.pos,
                        "expected an annotation name after `@`",
                    );
                };
                kind = Kind::from_annotation(&w);
                self.skip_blank();
            }
            let before = self.pos;
            self.declaration(kind)?;
            if let Some(i) = self.d.participants.iter().position(|p| {
                let s = &self.src[before..self.pos];
                s.contains(p.id.as_str()) && p.id != STARTER
            }) {
                if !members.contains(&i) {
                    members.push(i);
                }
            }
        }
        let _ = at;
        self.d.groups.push(Group { name, members });
        Ok(())
    }

    fn alt(&mut self, ctx: Ctx) -> Result<Stmt, ParseError> {
        let inner = deeper(ctx);
        let cond = self.condition()?;
        let body = self.required_block(inner, "if")?;
        let mut sections = vec![Section {
            label: cond.map(|c| format!("[{c}]")),
            body,
        }];
        loop {
            let save = self.pos;
            self.skip_space();
            let ws = self.pos;
            match self.name() {
                Some((w, _)) if w == "else" => {}
                _ => {
                    self.pos = save;
                    break;
                }
            }
            self.skip_blank();
            let save2 = self.pos;
            let is_if = matches!(self.name(), Some((w, _)) if w == "if");
            if !is_if {
                self.pos = save2;
                let body = self.required_block(inner, "else")?;
                sections.push(Section {
                    label: Some("[else]".into()),
                    body,
                });
                break;
            }
            let _ = ws;
            let cond = self.condition()?;
            let body = self.required_block(inner, "else if")?;
            sections.push(Section {
                label: Some(format!("[{}]", cond.unwrap_or_else(|| "else".into()))),
                body,
            });
        }
        Ok(Stmt::Fragment {
            kind: FragmentKind::Alt,
            sections,
        })
    }

    fn simple_fragment(
        &mut self,
        ctx: Ctx,
        kind: FragmentKind,
        word: &str,
    ) -> Result<Stmt, ParseError> {
        let cond = self.condition()?;
        let body = self.required_block(deeper(ctx), word)?;
        Ok(Stmt::Fragment {
            kind,
            sections: vec![Section {
                label: cond.map(|c| format!("[{c}]")),
                body,
            }],
        })
    }

    fn try_catch(&mut self, ctx: Ctx) -> Result<Stmt, ParseError> {
        let inner = deeper(ctx);
        let body = self.required_block(inner, "try")?;
        let mut sections = vec![Section { label: None, body }];
        loop {
            let save = self.pos;
            self.skip_space();
            let w = self.name().map(|n| n.0);
            match w.as_deref() {
                Some("catch") => {
                    let cond = self.condition()?;
                    let body = self.required_block(inner, "catch")?;
                    let label = match cond {
                        Some(c) => format!("catch({c})"),
                        None => "catch".into(),
                    };
                    sections.push(Section {
                        label: Some(label),
                        body,
                    });
                }
                Some("finally") => {
                    let body = self.required_block(inner, "finally")?;
                    sections.push(Section {
                        label: Some("finally".into()),
                        body,
                    });
                    break;
                }
                _ => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(Stmt::Fragment {
            kind: FragmentKind::Try,
            sections,
        })
    }

    /// `new B(args) { … }`, the cursor after `new`.
    fn creation(
        &mut self,
        ctx: Ctx,
        assign: Option<String>,
        at: usize,
    ) -> Result<Stmt, ParseError> {
        self.skip_blank();
        let Some((id, idat)) = self.name() else {
            let here = self.pos;
            return self.err(
                at,
                self.char_end(here).max(at + 3),
                "expected a participant name after `new`",
            );
        };
        let from = self.who(ctx);
        let to = self.intern(&id, idat)?;
        if !self.used.get(to).copied().unwrap_or(true) {
            self.d.participants[to].created = true;
        }
        self.mark(to);
        self.skip_blank();
        let args = if self.peek() == Some('(') {
            args_text(self.paren()?)
        } else {
            String::new()
        };
        let label = if args.is_empty() {
            "«create»".to_string()
        } else {
            format!("«{args}»")
        };
        let body = self.optional_block(Ctx {
            owner: Some(to),
            caller: Some(from),
            depth: ctx.depth + 1,
        })?;
        Ok(Stmt::Create {
            from,
            to,
            label,
            assign,
            body,
        })
    }

    /// A statement starting with a name: a declaration, a call, an async
    /// message or an assignment.
    fn expression(
        &mut self,
        ctx: Ctx,
        word: String,
        wstart: usize,
    ) -> Result<Option<Stmt>, ParseError> {
        self.skip_blank();
        let r = self.rest();
        let here = self.pos;
        if r.starts_with("->") || r.starts_with("-->") {
            let dashed = r.starts_with("-->");
            self.pos += if dashed { 3 } else { 2 };
            self.skip_blank();
            let Some((target, tat)) = self.name() else {
                let at = self.pos;
                return self.err(here, self.char_end(at), "expected a participant after `->`");
            };
            self.skip_blank();
            let from = self.uses(&word, wstart)?;
            if self.peek() == Some('.') {
                self.pos += 1;
                let to = self.uses(&target, tat)?;
                return self.call(ctx, from, to, None).map(Some);
            }
            let to = self.uses(&target, tat)?;
            let label = if self.peek() == Some(':') {
                self.pos += 1;
                self.async_text(ctx)
            } else {
                String::new()
            };
            let reply = dashed || std::mem::take(&mut self.reply_next);
            return Ok(Some(Stmt::Async {
                from,
                to,
                label,
                reply,
            }));
        }
        match r.chars().next() {
            Some(':') => {
                self.pos += 1;
                let label = self.async_text(ctx);
                let from = self.who(ctx);
                let to = self.uses(&word, wstart)?;
                let reply = std::mem::take(&mut self.reply_next);
                Ok(Some(Stmt::Async {
                    from,
                    to,
                    label,
                    reply,
                }))
            }
            Some('.') => {
                self.pos += 1;
                let from = self.who(ctx);
                let to = self.uses(&word, wstart)?;
                self.call(ctx, from, to, None).map(Some)
            }
            Some('(') => {
                let to = self.who(ctx);
                self.self_call(ctx, to, word, None).map(Some)
            }
            Some('=') if !r.starts_with("==") => {
                self.pos += 1;
                self.rhs(ctx, word).map(Some)
            }
            None | Some('\n' | '\r' | ';' | '}' | '#') => {
                self.decl_tail(word, wstart, Kind::Plain, None)?;
                Ok(None)
            }
            Some('/') if r.starts_with("//") => {
                self.decl_tail(word, wstart, Kind::Plain, None)?;
                Ok(None)
            }
            Some(c) if c.is_ascii_digit() => {
                self.decl_tail(word, wstart, Kind::Plain, None)?;
                Ok(None)
            }
            Some(c) if is_name_char(c) || c == '"' => {
                let save = self.pos;
                let (w2, _) = self.name().unwrap_or_default();
                if w2 == "as" {
                    self.pos = save;
                    self.decl_tail(word, wstart, Kind::Plain, None)?;
                    return Ok(None);
                }
                self.skip_blank();
                if self.peek() == Some('=') && !self.rest().starts_with("==") {
                    self.pos += 1;
                    return self.rhs(ctx, w2).map(Some);
                }
                self.err(
                    save,
                    save + w2.len().max(1),
                    format!(
                        "unexpected `{w2}` after `{word}`: expected `.method()`, `->`, `:` or `=`"
                    ),
                )
            }
            Some(c) => self.err(
                here,
                self.char_end(here),
                format!("unexpected `{c}` after `{word}`: expected `.method()`, `->`, `:` or `=`"),
            ),
        }
    }

    /// An async message's text: the rest of the line, less a closing
    /// `}` at its end inside a block (`if(x) { A->B: hi }`).
    fn async_text(&mut self, ctx: Ctx) -> String {
        let start = self.pos;
        let line = self.line_rest();
        let t = line.trim_end();
        if ctx.depth > 0 {
            if let Some(inner) = t.strip_suffix('}') {
                self.pos = start + inner.len();
                return inner.trim().to_string();
            }
        }
        t.trim().to_string()
    }

    /// After `var =`: `new B()` or a call.
    fn rhs(&mut self, ctx: Ctx, var: String) -> Result<Stmt, ParseError> {
        self.skip_blank();
        let at = self.pos;
        let Some((w, wat)) = self.name() else {
            return self.err(
                at,
                self.char_end(at),
                format!("expected a call or `new` after `{var} =`"),
            );
        };
        if w == "new" {
            return self.creation(ctx, Some(var), wat);
        }
        self.skip_blank();
        let r = self.rest();
        if r.starts_with("->") {
            self.pos += 2;
            self.skip_blank();
            let from = self.uses(&w, wat)?;
            let Some((t, tat)) = self.name() else {
                let here = self.pos;
                return self.err(
                    here,
                    self.char_end(here),
                    "expected a participant after `->`",
                );
            };
            if self.peek() != Some('.') {
                let here = self.pos;
                return self.err(
                    here,
                    self.char_end(here),
                    format!("expected `.method()` after `{t}`"),
                );
            }
            self.pos += 1;
            let to = self.uses(&t, tat)?;
            return self.call(ctx, from, to, Some(var));
        }
        match r.chars().next() {
            Some('.') => {
                self.pos += 1;
                let from = self.who(ctx);
                let to = self.uses(&w, wat)?;
                self.call(ctx, from, to, Some(var))
            }
            Some('(') => {
                let to = self.who(ctx);
                self.self_call(ctx, to, w, Some(var))
            }
            _ => {
                let here = self.pos;
                self.err(
                    here,
                    self.char_end(here).max(wat + w.len()),
                    format!("expected `.method()` after `{var} = {w}`"),
                )
            }
        }
    }

    /// The method after `Target.` (a dotted chain and optional arguments)
    /// and its optional body.
    fn call(
        &mut self,
        ctx: Ctx,
        from: usize,
        to: usize,
        assign: Option<String>,
    ) -> Result<Stmt, ParseError> {
        let mut label = String::new();
        loop {
            let Some((seg, _)) = self.name() else {
                let here = self.pos;
                return self.err(
                    here,
                    self.char_end(here),
                    "expected a method name after `.`",
                );
            };
            label.push_str(&seg);
            if self.peek() == Some('.') {
                self.pos += 1;
                label.push('.');
                continue;
            }
            break;
        }
        self.finish_call(ctx, from, to, label, assign)
    }

    /// `method(args) { … }` called on the owner itself.
    fn self_call(
        &mut self,
        ctx: Ctx,
        to: usize,
        method: String,
        assign: Option<String>,
    ) -> Result<Stmt, ParseError> {
        self.finish_call(ctx, to, to, method, assign)
    }

    fn finish_call(
        &mut self,
        ctx: Ctx,
        from: usize,
        to: usize,
        mut label: String,
        assign: Option<String>,
    ) -> Result<Stmt, ParseError> {
        self.skip_blank();
        if self.peek() == Some('(') {
            let a = args_text(self.paren()?);
            label = format!("{label}({a})");
        }
        let body = self.optional_block(Ctx {
            owner: Some(to),
            caller: Some(from),
            depth: ctx.depth + 1,
        })?;
        Ok(Stmt::Sync {
            from,
            to,
            label,
            assign,
            body,
        })
    }
}

fn deeper(ctx: Ctx) -> Ctx {
    Ctx {
        depth: ctx.depth + 1,
        ..ctx
    }
}

/// Arguments as drawn: each trimmed, joined by commas.
fn args_text(raw: &str) -> String {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote = false;
    let mut cur = String::new();
    for c in raw.chars() {
        match c {
            '"' => quote = !quote,
            '(' | '[' | '{' if !quote => depth += 1,
            ')' | ']' | '}' if !quote => depth -= 1,
            ',' if !quote && depth == 0 => {
                parts.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    parts.push(cur.trim().to_string());
    if parts.iter().all(String::is_empty) {
        return String::new();
    }
    parts.join(",")
}
