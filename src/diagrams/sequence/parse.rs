//! Sequence diagram source → [`Diagram`].
//!
//! Careful line-based parsing: statements end at a line break or at a `;`
//! that does not close an entity code (`#59;`). Keywords are
//! case-insensitive, as in mermaid-js. Every error is located in the
//! diagram source.

use std::collections::BTreeMap;

use super::lexical::{find_arrow, first_word, split_statements, text, wrap_prefix};
use super::model::{BlockKind, Diagram, Event, Group, Kind, Message, Note, Participant, Placement};
use crate::config::Value;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// Options of the configuration that change the model.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ParseOptions {
    /// `wrap` / `sequence.wrap`: wrap every text unless it says `nowrap:`.
    pub wrap: bool,
    /// `sequence.showSequenceNumbers`: number messages from the start.
    pub show_numbers: bool,
}

struct Parser<'a> {
    source: &'a str,
    opts: ParseOptions,
    d: Diagram,
    ids: BTreeMap<String, usize>,
    /// Open blocks: kind and the keyword's slice (for errors).
    blocks: Vec<(BlockKind, &'a str)>,
    /// The open `box`: group index and the keyword's slice.
    open_box: Option<(usize, &'a str)>,
    /// `autonumber` state: next number and step.
    numbering: Option<(f64, f64)>,
    active: Vec<usize>,
    pending_create: Option<(usize, &'a str)>,
    pending_destroy: Vec<(usize, &'a str)>,
}

/// Parse the diagram of `pre`.
pub(crate) fn parse(pre: &Preamble<'_>, opts: ParseOptions) -> Result<Diagram, ParseError> {
    let source = pre.source;
    let body = pre.body();
    let mut p = Parser {
        source,
        opts,
        d: Diagram {
            title: pre.title.clone().filter(|t| !t.trim().is_empty()),
            ..Diagram::default()
        },
        ids: BTreeMap::new(),
        blocks: Vec::new(),
        open_box: None,
        numbering: opts.show_numbers.then_some((1.0, 1.0)),
        active: Vec::new(),
        pending_create: None,
        pending_destroy: Vec::new(),
    };
    crate::diagrams::budget::lines(source, body)?;
    let mut rest = body.get(pre.keyword.len()..).unwrap_or("");
    while !rest.is_empty() {
        let t = rest.trim_start_matches([' ', '\t', '\r']);
        if let Some((acc, after)) = accessibility(source, t)? {
            match acc {
                Accessibility::Title(s) => p.d.acc_title = Some(s),
                Accessibility::Description(s) => p.d.acc_descr = Some(s),
            }
            rest = after;
            continue;
        }
        let end = rest.find('\n').unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        let lt = line.trim();
        if lt.is_empty() || lt.starts_with("%%") {
            continue;
        }
        // A `%%` comment may end a line.
        let line = match line.find("%%") {
            Some(c) if !line[c..].starts_with("%%{") => &line[..c],
            _ => line,
        };
        for stmt in split_statements(line) {
            let s = stmt.trim();
            if !s.is_empty() && !s.starts_with("%%") {
                p.statement(s)?;
            }
        }
    }
    p.finish()
}

impl<'a> Parser<'a> {
    fn err(&self, part: &str, msg: impl Into<String>) -> ParseError {
        ParseError::at(self.source, part, msg)
    }

    fn statement(&mut self, s: &'a str) -> Result<(), ParseError> {
        let (w, rest) = first_word(s);
        let kw = &s[..w.len()];
        let lower = w.to_ascii_lowercase();
        match lower.as_str() {
            "participant" | "actor" => {
                let kind = if lower == "actor" {
                    Kind::Actor
                } else {
                    Kind::Participant
                };
                self.declare(kw, kind, rest).map(|_| ())
            }
            "create" => {
                let (w2, rest2) = first_word(rest);
                let kind = match w2.to_ascii_lowercase().as_str() {
                    "participant" => Kind::Participant,
                    "actor" => Kind::Actor,
                    _ => {
                        return Err(self.err(
                            if w2.is_empty() { kw } else { w2 },
                            "`create` must be followed by `participant` or `actor` and a name",
                        ))
                    }
                };
                let i = self.declare(w2, kind, rest2)?;
                self.pending_create = Some((i, kw));
                Ok(())
            }
            "destroy" => {
                let i = self.existing(kw, rest, "destroy")?;
                self.pending_destroy.push((i, rest));
                Ok(())
            }
            "box" => self.open_box(kw, rest),
            "end" if rest.is_empty() => self.end(kw),
            "activate" | "deactivate" => {
                let i = self.existing(kw, rest, &lower)?;
                self.activation(i, lower == "activate", rest)
            }
            "autonumber" => self.autonumber(kw, rest),
            "note" => self.note(kw, rest),
            "loop" | "opt" | "alt" | "par" | "par_over" | "critical" | "break" | "rect" => {
                let kind = match lower.as_str() {
                    "loop" => BlockKind::Loop,
                    "opt" => BlockKind::Opt,
                    "alt" => BlockKind::Alt,
                    "par" => BlockKind::Par,
                    "par_over" => BlockKind::ParOver,
                    "critical" => BlockKind::Critical,
                    "break" => BlockKind::Break,
                    _ => BlockKind::Rect,
                };
                if self.open_box.is_some() {
                    return Err(self.err(kw, format!("`{w}` inside a `box` (a box holds only participants; expected `end` first)")));
                }
                let label = if kind == BlockKind::Rect {
                    rest.to_string()
                } else {
                    text(wrap_prefix(rest).0)
                };
                crate::diagrams::budget::nesting(self.source, kw, self.blocks.len() + 1, "block")?;
                self.blocks.push((kind, kw));
                self.d.events.push(Event::BlockStart { kind, label });
                Ok(())
            }
            "else" | "and" | "option" => {
                let ok: &[BlockKind] = match lower.as_str() {
                    "else" => &[BlockKind::Alt],
                    "and" => &[BlockKind::Par, BlockKind::ParOver],
                    _ => &[BlockKind::Critical],
                };
                let parent = match lower.as_str() {
                    "else" => "`alt`",
                    "and" => "`par`",
                    _ => "`critical`",
                };
                match self.blocks.last() {
                    Some((k, _)) if ok.contains(k) => {}
                    _ => {
                        return Err(self.err(
                            kw,
                            format!("`{w}` outside {parent} (it starts another section of an {parent} block)"),
                        ))
                    }
                }
                self.d.events.push(Event::Section {
                    label: text(wrap_prefix(rest).0),
                });
                Ok(())
            }
            "link" | "links" | "properties" | "details" => self.link(kw, &lower, rest),
            "title" => {
                let t = rest.strip_prefix(':').unwrap_or(rest);
                self.d.title = Some(text(t)).filter(|t| !t.is_empty());
                Ok(())
            }
            _ if lower.starts_with("title:") => {
                self.d.title = Some(text(&s[6..])).filter(|t| !t.is_empty());
                Ok(())
            }
            _ => self.message(s),
        }
    }

    /// The participant named `name`, creating it (implicitly, in order of
    /// appearance) when new.
    fn participant(&mut self, name: &str) -> usize {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = self.d.participants.len();
        self.d.participants.push(Participant {
            id: name.to_string(),
            label: text(name),
            kind: Kind::Participant,
            wrap: self.opts.wrap,
            links: Vec::new(),
            group: None,
            created_at: None,
            destroyed_at: None,
        });
        self.ids.insert(name.to_string(), i);
        self.active.push(0);
        i
    }

    /// An existing participant named by `rest` (for `activate`, …).
    fn existing(&self, kw: &str, rest: &str, what: &str) -> Result<usize, ParseError> {
        let name = rest.trim();
        if name.is_empty() {
            return Err(self.err(kw, format!("`{what}` needs a participant name")));
        }
        self.ids.get(name).copied().ok_or_else(|| {
            self.err(
                rest,
                format!("unknown participant `{name}` in `{what}` (expected a participant declared or used before)"),
            )
        })
    }

    /// `participant ID[@{…}] [as ALIAS]`.
    fn declare(&mut self, kw: &'a str, mut kind: Kind, rest: &'a str) -> Result<usize, ParseError> {
        // `as ALIAS` (any case): the alias after it.
        fn split_as(s: &str) -> Option<(&str, &str)> {
            let lower = s.to_ascii_lowercase();
            if lower.starts_with("as ") || lower.starts_with("as\t") {
                return Some(("", &s[3..]));
            }
            lower
                .find(" as ")
                .or_else(|| lower.find("\tas "))
                .or_else(|| lower.find(" as\t"))
                .map(|p| (&s[..p], &s[p + 4..]))
        }
        let mut inline_alias = None;
        let (id, alias) = if let Some(at) = rest.find("@{") {
            let json = &rest[at + 1..];
            let (v, used) = crate::syntax::config_text::parse_json(json).map_err(|e| {
                let p = crate::syntax::offset_in(self.source, json) + e.at.min(json.len());
                ParseError::syntax(
                    self.source,
                    p,
                    (p + 1).min(self.source.len()),
                    format!("in the participant's `@{{…}}` settings: {}", e.message),
                )
            })?;
            if let Some(t) = v.get_str("type") {
                kind = Kind::from_name(&t).ok_or_else(|| {
                    self.err(
                        &json[..used],
                        format!("unknown participant type `{t}` (expected participant, actor, boundary, control, entity, database, collections or queue)"),
                    )
                })?;
            }
            inline_alias = v.get_str("alias");
            let after = json[used..].trim();
            let alias = match split_as(after) {
                Some(("", a)) => Some(a),
                _ if after.is_empty() => None,
                _ => return Err(self.err(after, "unexpected text after the participant's settings (expected `as ALIAS` or the end of the line)")),
            };
            (rest[..at].trim(), alias)
        } else {
            match split_as(rest) {
                Some((i, a)) => (i.trim(), Some(a)),
                None => (rest.trim(), None),
            }
        };
        if id.is_empty() {
            return Err(self.err(kw, format!("`{}` needs a name", kw.to_ascii_lowercase())));
        }
        let i = self.participant(id);
        // mermaid-js lets a later declaration drop a `destroy` that no
        // message followed.
        self.pending_destroy.clear();
        let p = &mut self.d.participants[i];
        p.kind = kind;
        let label = alias.map(str::trim).filter(|a| !a.is_empty());
        if let Some(a) = label {
            let (t, w) = wrap_prefix(a);
            p.label = text(t);
            p.wrap = w.unwrap_or(self.opts.wrap);
        } else if let Some(a) = inline_alias.filter(|a| !a.trim().is_empty()) {
            p.label = text(&a);
        }
        if let Some((g, _)) = self.open_box {
            p.group = Some(g);
        }
        Ok(i)
    }

    fn open_box(&mut self, kw: &'a str, rest: &str) -> Result<(), ParseError> {
        if self.open_box.is_some() {
            return Err(self.err(
                kw,
                "boxes cannot be nested (expected `end` before this `box`)",
            ));
        }
        if !self.blocks.is_empty() {
            return Err(self.err(
                kw,
                "a `box` cannot be inside a block (expected `end` first)",
            ));
        }
        let lower = rest.to_ascii_lowercase();
        let (color, label) = if ["rgb(", "rgba(", "hsl(", "hsla("]
            .iter()
            .any(|f| lower.starts_with(f))
        {
            match rest.find(')') {
                Some(e) => (Some(&rest[..=e]), rest[e + 1..].trim()),
                None => (None, rest),
            }
        } else {
            let (w, r) = first_word(rest);
            if !w.is_empty() && crate::theme::color::Rgba::parse(w).is_some() {
                (Some(w), r)
            } else {
                (None, rest)
            }
        };
        let color = color
            .filter(|c| !c.eq_ignore_ascii_case("transparent"))
            .map(str::to_string);
        self.open_box = Some((self.d.groups.len(), kw));
        self.d.groups.push(Group {
            color,
            label: text(label),
        });
        Ok(())
    }

    fn end(&mut self, kw: &str) -> Result<(), ParseError> {
        if self.blocks.pop().is_some() {
            self.d.events.push(Event::BlockEnd);
            return Ok(());
        }
        if self.open_box.take().is_some() {
            return Ok(());
        }
        Err(self.err(kw, "`end` without an open block (no `loop`, `alt`, `opt`, `par`, `critical`, `break`, `rect` or `box` to close)"))
    }

    fn activation(&mut self, i: usize, on: bool, at: &str) -> Result<(), ParseError> {
        if on {
            self.active[i] += 1;
        } else if self.active[i] == 0 {
            let id = &self.d.participants[i].id;
            return Err(self.err(
                at,
                format!("cannot deactivate `{id}`: it is not active (expected an `activate {id}` or a `+` message before)"),
            ));
        } else {
            self.active[i] -= 1;
        }
        self.d.events.push(Event::Activation { participant: i, on });
        Ok(())
    }

    fn autonumber(&mut self, kw: &str, rest: &str) -> Result<(), ParseError> {
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.first().is_some_and(|w| w.eq_ignore_ascii_case("off")) && words.len() == 1 {
            self.numbering = None;
            return Ok(());
        }
        let mut nums = Vec::new();
        for w in &words {
            match w.parse::<f64>() {
                Ok(n) if words.len() <= 2 && n.is_finite() && n.abs() < 1e9 => nums.push(n),
                _ => {
                    return Err(self.err(
                        kw,
                        format!("bad `autonumber` argument `{w}` (expected `autonumber`, `autonumber START`, `autonumber START STEP` or `autonumber off`)"),
                    ))
                }
            }
        }
        self.numbering = Some((
            nums.first().copied().unwrap_or(1.0),
            nums.get(1).copied().unwrap_or(1.0),
        ));
        Ok(())
    }

    fn note(&mut self, kw: &str, rest: &'a str) -> Result<(), ParseError> {
        let lower = rest.to_ascii_lowercase();
        let words: Vec<&str> = lower.split_whitespace().take(2).collect();
        let (place, skip) = match words.as_slice() {
            ["left", "of", ..] => (0, "left"),
            ["right", "of", ..] => (1, "right"),
            ["over", ..] => (2, "over"),
            _ => {
                return Err(self.err(
                    if rest.is_empty() { kw } else { rest },
                    "a note needs a place: `left of`, `right of` or `over` (e.g. `Note right of A: text`)",
                ))
            }
        };
        let mut r = rest[skip.len()..].trim_start();
        if place < 2 {
            r = r[2..].trim_start();
        }
        let Some(colon) = r.find(':') else {
            return Err(self.err(r, "a note needs `: text` after its participant(s)"));
        };
        let names: Vec<&str> = r[..colon].split(',').map(str::trim).collect();
        if names.iter().any(|n| n.is_empty()) || names.len() > 2 || (place < 2 && names.len() > 1) {
            return Err(self.err(
                &r[..colon],
                "expected one participant (or two, `over A,B`) before the note's `:`",
            ));
        }
        let a = self.participant(names[0]);
        let b = names.get(1).map_or(a, |n| self.participant(n));
        let (t, w) = wrap_prefix(&r[colon + 1..]);
        let placement = match place {
            0 => Placement::LeftOf(a),
            1 => Placement::RightOf(a),
            _ => Placement::Over(a.min(b), a.max(b)),
        };
        self.d.events.push(Event::Note(Note {
            placement,
            text: text(t),
            wrap: w.unwrap_or(self.opts.wrap),
        }));
        Ok(())
    }

    fn link(&mut self, kw: &str, what: &str, rest: &'a str) -> Result<(), ParseError> {
        let Some(colon) = rest.find(':') else {
            return Err(self.err(
                if rest.is_empty() { kw } else { rest },
                format!("`{what}` needs a participant and `:` (e.g. `{what} A: …`)"),
            ));
        };
        let name = rest[..colon].trim();
        if name.is_empty() {
            return Err(self.err(kw, format!("`{what}` needs a participant name before `:`")));
        }
        let i = self.participant(name);
        let body = rest[colon + 1..].trim();
        match what {
            "link" => {
                if let Some(at) = body.find('@') {
                    let label = text(&body[..at]);
                    let url = body[at + 1..].trim().to_string();
                    self.d.participants[i].links.push((label, url));
                } else {
                    return Err(self.err(body, "a link needs `LABEL @ URL`"));
                }
            }
            "links" => {
                let (v, _) = crate::syntax::config_text::parse_json(body)
                    .map_err(|e| self.err(body, format!("in `links`: {}", e.message)))?;
                if let Value::Object(items) = v {
                    for (k, v) in items {
                        if let Value::String(url) = v {
                            self.d.participants[i].links.push((k, url));
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn message(&mut self, s: &'a str) -> Result<(), ParseError> {
        let head_end = s.find(':').unwrap_or(s.len());
        let head = &s[..head_end];
        let Some((pos, arrow, dotted, start, end)) = find_arrow(head) else {
            let (w, _) = first_word(s);
            return Err(self.err(
                w,
                format!("unknown statement `{w}` (expected a message like `A->>B: text`, `participant`, `actor`, `Note`, `loop`, `alt`, `opt`, `par`, `critical`, `break`, `rect`, `activate`, `autonumber`, `box` or `end`)"),
            ));
        };
        let mut from_txt = &head[..pos];
        let mut central_from = false;
        if let Some(f) = from_txt.trim_end().strip_suffix("()") {
            central_from = true;
            from_txt = f;
        }
        let mut to_txt = head[pos + arrow.len()..].trim_start();
        let mut central_to = false;
        if let Some(t) = to_txt.strip_prefix("()") {
            central_to = true;
            to_txt = t.trim_start();
        }
        let mut act = None;
        if let Some(t) = to_txt.strip_prefix('+') {
            act = Some(true);
            to_txt = t.trim_start();
        } else if let Some(t) = to_txt.strip_prefix('-') {
            act = Some(false);
            to_txt = t.trim_start();
        }
        if let Some(t) = to_txt.strip_prefix("()") {
            central_to = true;
            to_txt = t.trim_start();
        }
        let from_name = from_txt.trim();
        let to_name = to_txt.trim();
        if from_name.is_empty() {
            return Err(self.err(
                &head[pos..pos + arrow.len()],
                format!("expected a participant before `{arrow}`"),
            ));
        }
        if to_name.is_empty() {
            return Err(self.err(
                &head[pos..pos + arrow.len()],
                format!("expected a participant after `{arrow}`"),
            ));
        }
        if to_name.contains(char::is_whitespace) && find_arrow(to_name).is_some() {
            return Err(self.err(to_txt, "one message per statement (a second arrow follows)"));
        }
        let from = self.participant(from_name);
        let to = self.participant(to_name);
        crate::diagrams::budget::nodes(
            self.source,
            head,
            self.d.participants.len(),
            "participant",
        )?;
        crate::diagrams::budget::edges(self.source, head, self.d.events.len() + 1, "statement")?;
        let (txt, w) = if head_end < s.len() {
            wrap_prefix(&s[head_end + 1..])
        } else {
            ("", None)
        };
        let number = self.numbering.map(|(n, step)| {
            self.numbering = Some((n + step, step));
            n
        });
        let index = self.d.events.len();
        if let Some((c, kw)) = self.pending_create.take() {
            if c != from && c != to {
                let id = &self.d.participants[c].id;
                return Err(self.err(kw, format!("the created participant `{id}` has no creating message: the message after `create` must be sent to or from `{id}`")));
            }
            self.d.participants[c].created_at = Some(index);
        }
        for (d, kw) in std::mem::take(&mut self.pending_destroy) {
            if d != from && d != to {
                let id = &self.d.participants[d].id;
                return Err(self.err(kw, format!("the destroyed participant `{id}` has no destroying message: the message after `destroy` must be sent to or from `{id}`")));
            }
            self.d.participants[d].destroyed_at = Some(index);
        }
        self.d.events.push(Event::Message(Message {
            from,
            to,
            text: text(txt),
            dotted,
            start,
            end,
            central_from,
            central_to,
            number,
            wrap: w.unwrap_or(self.opts.wrap),
        }));
        match act {
            Some(true) => self.activation(to, true, to_txt)?,
            Some(false) => self.activation(from, false, from_txt)?,
            None => {}
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Diagram, ParseError> {
        if let Some((kind, kw)) = self.blocks.last() {
            return Err(self.err(
                kw,
                format!("unclosed `{}` block (expected `end`)", kind.word()),
            ));
        }
        if let Some((_, kw)) = self.open_box {
            return Err(self.err(kw, "unclosed `box` (expected `end`)"));
        }
        if let Some((c, kw)) = self.pending_create {
            let id = &self.d.participants[c].id;
            return Err(self.err(
                kw,
                format!("the created participant `{id}` has no creating message after `create`"),
            ));
        }
        if let Some((d, kw)) = self.pending_destroy.first() {
            let id = &self.d.participants[*d].id;
            return Err(self.err(
                kw,
                format!(
                    "the destroyed participant `{id}` has no destroying message after `destroy`"
                ),
            ));
        }
        self.d.title = self.d.title.take().filter(|t| !t.is_empty());
        Ok(self.d)
    }
}
