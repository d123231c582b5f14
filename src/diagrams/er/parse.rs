//! Parser: `erDiagram` source → [`Diagram`].
//!
//! Hand-written over a byte cursor into the whole source, so every error
//! is located. Statements (one per line, except attribute blocks, which
//! may span lines):
//!
//! ```text
//! A ||--o{ B : label          relationship (symbols or words: `1 to zero or more`)
//! A:::c1 }|..|{ B:::c2 : "x"  with classes on either end
//! A { type name PK, FK "c" }  entity with attributes (one or more lines)
//! a["Alias"]:::c { … }        entity alias, classes
//! direction TB|BT|LR|RL
//! style a,b fill:#f9f         classDef c1,c2 fill:#f96   class a,b c1
//! accTitle: …   accDescr: …   accDescr { … }   title …   %% comment
//! ```

use super::model::{Attribute, Cardinality, Diagram};
use crate::geometry::Direction;
use crate::style::parse_style_list;
use crate::syntax::lex::decode_text;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

type PResult<T> = Result<T, ParseError>;

/// Cardinality spellings, longest first within each family. Words must
/// end at a word boundary; `u` and `1` only count before a line (`--`…)
/// or whitespace, as in Mermaid.
const CARDINALITIES: &[(&str, Cardinality)] = &[
    ("only one", Cardinality::OnlyOne),
    ("one or zero", Cardinality::ZeroOrOne),
    ("one or more", Cardinality::OneOrMore),
    ("one or many", Cardinality::OneOrMore),
    ("zero or one", Cardinality::ZeroOrOne),
    ("zero or more", Cardinality::ZeroOrMore),
    ("zero or many", Cardinality::ZeroOrMore),
    ("many(0)", Cardinality::ZeroOrMore),
    ("many(1)", Cardinality::OneOrMore),
    ("many", Cardinality::ZeroOrMore),
    ("one", Cardinality::OnlyOne),
    ("1+", Cardinality::OneOrMore),
    ("0+", Cardinality::ZeroOrMore),
    ("1", Cardinality::OnlyOne),
    ("|o", Cardinality::ZeroOrOne),
    ("o|", Cardinality::ZeroOrOne),
    ("||", Cardinality::OnlyOne),
    ("}o", Cardinality::ZeroOrMore),
    ("o{", Cardinality::ZeroOrMore),
    ("}|", Cardinality::OneOrMore),
    ("|{", Cardinality::OneOrMore),
    ("u", Cardinality::MdParent),
];

/// Relationship line spellings: (text, identifying).
const LINES: &[(&str, bool)] = &[
    ("--", true),
    ("..", false),
    (".-", false),
    ("-.", false),
    ("optionally to", false),
    ("to", true),
];

/// A character of an unquoted entity name (Mermaid's `UNICODE_TEXT`).
fn is_name_char(c: char) -> bool {
    !c.is_ascii() || c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '*' | '.')
}

struct Cur<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }
    fn bump(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.src.len());
    }
    /// Skip spaces and tabs (not newlines).
    fn ws(&mut self) {
        let r = self.rest();
        let n = r.len() - r.trim_start_matches([' ', '\t', '\r']).len();
        self.bump(n);
    }
    /// Skip whitespace, newlines and `%%` comments.
    fn ws_nl(&mut self) {
        loop {
            let r = self.rest();
            let t = r.trim_start();
            self.bump(r.len() - t.len());
            if self.rest().starts_with("%%") {
                self.skip_line();
            } else {
                break;
            }
        }
    }
    fn at_eol(&self) -> bool {
        let r = self.rest();
        r.is_empty() || r.starts_with('\n') || r.starts_with(';') || r.starts_with("%%")
    }
    fn skip_line(&mut self) {
        let r = self.rest();
        self.bump(r.find('\n').unwrap_or(r.len()));
    }
    /// The rest of the current line (without the newline), consumed.
    fn take_line(&mut self) -> &'a str {
        let r = self.rest();
        let n = r.find('\n').unwrap_or(r.len());
        self.bump(n);
        &r[..n]
    }
    /// `word` (ASCII, any case) at the cursor, followed by a non-word
    /// character; consumed when present.
    fn keyword(&mut self, word: &str) -> bool {
        let r = self.rest();
        let ok = r.len() >= word.len()
            && r.is_char_boundary(word.len())
            && r[..word.len()].eq_ignore_ascii_case(word)
            && !r[word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if ok {
            self.bump(word.len());
        }
        ok
    }
    fn err(&self, start: usize, len: usize, msg: impl Into<String>) -> ParseError {
        let end = (start + len.max(1)).min(self.src.len());
        let mut e = start.min(self.src.len());
        while !self.src.is_char_boundary(e) {
            e -= 1;
        }
        let mut end = end.max(e);
        while !self.src.is_char_boundary(end) {
            end += 1;
        }
        ParseError::syntax(self.src, e, end, msg)
    }
    /// Describe the next token for a message.
    fn next_token(&self) -> (String, usize) {
        let r = self.rest();
        match r.chars().next() {
            None => ("end of input".into(), 0),
            Some('\n') => ("end of line".into(), 0),
            Some(c) if is_name_char(c) => {
                let n = r.find(|c: char| !is_name_char(c)).unwrap_or(r.len());
                (format!("`{}`", &r[..n]), n)
            }
            Some(c) => (format!("`{c}`"), c.len_utf8()),
        }
    }
    fn unexpected(&self, expected: &str) -> ParseError {
        let (what, len) = self.next_token();
        self.err(
            self.pos,
            len,
            format!("unexpected {what}: expected {expected}"),
        )
    }
}

/// Parse an ER diagram.
pub fn parse(pre: &Preamble<'_>) -> PResult<Diagram> {
    let mut c = Cur {
        src: pre.source,
        pos: pre.header,
    };
    let mut d = Diagram::default();
    crate::diagrams::budget::lines(pre.source, pre.body())?;
    // The keyword itself.
    c.bump(pre.keyword.len());
    loop {
        c.ws_nl();
        while c.rest().starts_with(';') {
            c.bump(1);
            c.ws_nl();
        }
        if c.rest().is_empty() {
            break;
        }
        let start = c.pos;
        statement(&mut c, &mut d)?;
        let at = c.src.get(start..c.pos).unwrap_or("");
        crate::diagrams::budget::nodes(c.src, at, d.entities.len(), "entity")?;
        crate::diagrams::budget::edges(c.src, at, d.relationships.len(), "relationship")?;
        c.ws();
        if c.rest().starts_with("%%") {
            c.skip_line();
        }
        if !c.at_eol() {
            return Err(c.unexpected("the end of the statement"));
        }
    }
    Ok(d)
}

fn statement(c: &mut Cur<'_>, d: &mut Diagram) -> PResult<()> {
    if let Some((acc, rest)) = accessibility(c.src, c.rest())? {
        match acc {
            Accessibility::Title(t) => d.acc_title = Some(t),
            Accessibility::Description(t) => d.acc_descr = Some(t),
        }
        c.pos = c.src.len() - rest.len();
        return Ok(());
    }
    let start = c.pos;
    if c.keyword("direction") {
        c.ws();
        let at = c.pos;
        let (word, n) = c.next_token();
        let w = c.rest().get(..n).unwrap_or("");
        match Direction::parse(w).or_else(|| Direction::parse(&w.to_ascii_uppercase())) {
            Some(dir) => {
                d.direction = dir;
                c.bump(n);
                return Ok(());
            }
            None => {
                return Err(c.err(
                    at,
                    n,
                    format!("unknown direction {word}: expected TB, TD, BT, LR or RL"),
                ))
            }
        }
    }
    if c.keyword("title") {
        c.ws();
        d.title = Some(c.take_line().trim().to_string());
        return Ok(());
    }
    if c.keyword("classDef") {
        c.ws();
        let names = id_list(c, "a class name after `classDef`")?;
        c.ws();
        let decls = parse_style_list(c.take_line());
        for n in names {
            d.class_defs.push((n, decls.clone()));
        }
        return Ok(());
    }
    if c.keyword("class") {
        c.ws();
        let ids = id_list(c, "an entity name after `class`")?;
        c.ws();
        let classes = id_list(c, "a class name after the entity names")?;
        for id in ids {
            let i = d.entity(&id);
            d.entities[i].classes.extend(classes.iter().cloned());
        }
        return Ok(());
    }
    if c.keyword("style") {
        c.ws();
        let ids = id_list(c, "an entity name after `style`")?;
        c.ws();
        let decls = parse_style_list(c.take_line());
        for id in ids {
            let i = d.entity(&id);
            d.entities[i].styles.extend(decls.iter().cloned());
        }
        return Ok(());
    }
    c.pos = start;
    entity_statement(c, d)
}

/// `a,b,c`: names separated by commas.
fn id_list(c: &mut Cur<'_>, expected: &str) -> PResult<Vec<String>> {
    let mut out = Vec::new();
    loop {
        let r = c.rest();
        let n = r.find(|ch: char| !is_name_char(ch)).unwrap_or(r.len());
        if n == 0 {
            return Err(c.unexpected(expected));
        }
        out.push(r[..n].to_string());
        c.bump(n);
        c.ws();
        if c.rest().starts_with(',') {
            c.bump(1);
            c.ws();
        } else {
            return Ok(out);
        }
    }
}

/// An entity name: `"quoted"` or a run of name characters.
fn entity_name(c: &mut Cur<'_>, expected: &str) -> PResult<String> {
    let r = c.rest();
    if let Some(q) = r.strip_prefix('"') {
        let Some(end) = q.find(['"', '\n']).filter(|&e| q[e..].starts_with('"')) else {
            return Err(c.err(
                c.pos,
                1,
                "unclosed `\"`: expected the closing `\"` on this line",
            ));
        };
        let name = &q[..end];
        if name.is_empty() {
            return Err(c.err(c.pos, 2, "an entity name cannot be empty"));
        }
        c.bump(end + 2);
        return Ok(name.to_string());
    }
    let n = r.find(|ch: char| !is_name_char(ch)).unwrap_or(r.len());
    if n == 0 {
        return Err(c.unexpected(expected));
    }
    c.bump(n);
    Ok(r[..n].to_string())
}

/// `:::a,b` after an entity name (nothing when absent).
fn classes(c: &mut Cur<'_>) -> PResult<Vec<String>> {
    if !c.rest().starts_with(":::") {
        return Ok(Vec::new());
    }
    c.bump(3);
    id_list(c, "a class name after `:::`")
}

/// A cardinality at the cursor, consumed when present.
fn cardinality(c: &mut Cur<'_>) -> Option<Cardinality> {
    let r = c.rest();
    for &(text, card) in CARDINALITIES {
        if r.len() < text.len()
            || !r.is_char_boundary(text.len())
            || !r[..text.len()].eq_ignore_ascii_case(text)
        {
            continue;
        }
        let next = r[text.len()..].chars().next();
        let ok = match text {
            "u" => matches!(next, Some('.' | '-' | '|')),
            "1" => matches!(next, Some('.' | '-' | ' ' | '\t')),
            t if t.ends_with(|ch: char| ch.is_ascii_alphanumeric()) => {
                !next.is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
            }
            _ => true,
        };
        if ok {
            c.bump(text.len());
            return Some(card);
        }
    }
    None
}

/// A relationship line at the cursor; `Some(identifying)`.
fn line_kind(c: &mut Cur<'_>) -> Option<bool> {
    for &(text, identifying) in LINES {
        if text.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
            if c.keyword(text) {
                return Some(identifying);
            }
        } else if c.rest().starts_with(text) {
            c.bump(text.len());
            return Some(identifying);
        }
    }
    None
}

fn entity_statement(c: &mut Cur<'_>, d: &mut Diagram) -> PResult<()> {
    let name = entity_name(c, "an entity name, a relationship or a statement")?;
    let a = d.entity(&name);
    if c.rest().starts_with('[') {
        let open = c.pos;
        c.bump(1);
        c.ws();
        let alias = if c.rest().starts_with('"') {
            entity_name(c, "an alias")?
        } else {
            let r = c.rest();
            let n = r.find([']', '\n']).unwrap_or(r.len());
            let t = r[..n].trim().to_string();
            c.bump(n);
            t
        };
        c.ws();
        if !c.rest().starts_with(']') {
            return Err(c.err(open, 1, "unclosed `[`: expected `]` after the alias"));
        }
        c.bump(1);
        d.entities[a].alias = Some(decode_text(&alias, true));
    }
    let cls = classes(c)?;
    d.entities[a].classes.extend(cls);
    c.ws();
    if c.rest().starts_with('{') {
        let attrs = attribute_block(c)?;
        d.entities[a].attributes.extend(attrs);
        return Ok(());
    }
    if c.at_eol() {
        return Ok(());
    }
    // A relationship.
    let rel_at = c.pos;
    let Some(card_a) = cardinality(c) else {
        return Err(c.unexpected(
            "a relationship (like `||--o{`), `{` with attributes, or the end of the line",
        ));
    };
    c.ws();
    let Some(identifying) = line_kind(c) else {
        return Err(
            c.unexpected("a relationship line: `--`, `..`, `.-`, `-.`, `to` or `optionally to`")
        );
    };
    c.ws();
    let Some(card_b) = cardinality(c) else {
        return Err(c.unexpected("a cardinality (`||`, `|o`, `o{`, `|{`, `one or more`, …)"));
    };
    c.ws();
    if c.at_eol() {
        return Err(c.err(
            rel_at,
            c.pos - rel_at,
            "incomplete relationship: expected the second entity's name after it",
        ));
    }
    let other = entity_name(c, "the second entity's name")?;
    let b = d.entity(&other);
    let cls = classes(c)?;
    d.entities[b].classes.extend(cls);
    c.ws();
    if !c.rest().starts_with(':') {
        return Err(c.unexpected("`:` and the relationship's label"));
    }
    c.bump(1);
    c.ws();
    let label_at = c.pos;
    let raw = c.take_line();
    let raw = raw.split("%%").next().unwrap_or("").trim();
    let label = if let Some(q) = raw.strip_prefix('"') {
        match q.find('"') {
            Some(e) if q[e + 1..].trim().is_empty() => decode_text(&q[..e], true),
            Some(e) => {
                let extra = label_at + 1 + e + 1;
                return Err(c.err(
                    extra,
                    1,
                    "unexpected text after the quoted label: expected the end of the line",
                ));
            }
            None => {
                return Err(c.err(
                    label_at,
                    1,
                    "unclosed `\"` in the label: expected the closing `\"`",
                ))
            }
        }
    } else if raw.is_empty() {
        return Err(c.err(
            label_at,
            0,
            "missing label after `:` (use `: \"\"` for none)",
        ));
    } else {
        decode_text(raw, false)
    };
    d.relationships.push(super::model::Relationship {
        a,
        b,
        card_a,
        card_b,
        identifying,
        label: label.trim().to_string(),
    });
    Ok(())
}

#[derive(Debug)]
enum Tok {
    Word(String, usize),
    Comment(String),
    Comma,
}

/// `{ … }`: attributes, each `type name [keys] ["comment"]`, separated by
/// any whitespace.
fn attribute_block(c: &mut Cur<'_>) -> PResult<Vec<Attribute>> {
    let open = c.pos;
    c.bump(1);
    let mut toks: Vec<Tok> = Vec::new();
    loop {
        let r = c.rest();
        let t = r.trim_start();
        c.bump(r.len() - t.len());
        let r = c.rest();
        let Some(ch) = r.chars().next() else {
            return Err(c.err(open, 1, "unclosed `{`: expected `}` after the attributes"));
        };
        match ch {
            '}' => {
                c.bump(1);
                break;
            }
            '%' if r.starts_with("%%") => c.skip_line(),
            '"' => {
                let q = &r[1..];
                let Some(e) = q.find('"') else {
                    return Err(c.err(c.pos, 1, "unclosed `\"` in an attribute comment"));
                };
                toks.push(Tok::Comment(decode_text(&q[..e], true)));
                c.bump(e + 2);
            }
            '`' => {
                let q = &r[1..];
                let Some(e) = q.find('`') else {
                    return Err(c.err(c.pos, 1, "unclosed `` ` `` in an attribute"));
                };
                toks.push(Tok::Word(q[..e].to_string(), c.pos));
                c.bump(e + 2);
            }
            ',' => {
                toks.push(Tok::Comma);
                c.bump(1);
            }
            '{' => return Err(c.err(c.pos, 1, "unexpected `{` inside an attribute block")),
            _ => {
                let line = &r[..r.find('\n').unwrap_or(r.len())];
                let mut n = r
                    .find(|ch: char| ch.is_whitespace() || matches!(ch, '"' | '}' | '{'))
                    .unwrap_or(r.len());
                // A generic type (`Map~K, V~`) runs to the line's last `~`.
                if let Some(first) = r[..n].find('~') {
                    if let Some(last) = line.rfind('~').filter(|&l| l > first) {
                        let tail = &line[last..];
                        n = last + tail.find(char::is_whitespace).unwrap_or(tail.len());
                    }
                }
                let w = &r[..n];
                // `PK,FK`: keys split at commas.
                let parts: Vec<&str> = w.split(',').collect();
                if parts.len() > 1 && parts.iter().all(|p| p.is_empty() || is_key(p)) {
                    for (k, p) in parts.iter().enumerate() {
                        if k > 0 {
                            toks.push(Tok::Comma);
                        }
                        if !p.is_empty() {
                            toks.push(Tok::Word((*p).to_string(), c.pos));
                        }
                    }
                } else {
                    toks.push(Tok::Word(w.to_string(), c.pos));
                }
                c.bump(n);
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let ty = match &toks[i] {
            Tok::Word(w, _) => w.clone(),
            Tok::Comment(_) => {
                return Err(c.err(
                    open,
                    1,
                    "an attribute comment must follow an attribute's type and name",
                ))
            }
            Tok::Comma => return Err(c.err(
                open,
                1,
                "unexpected `,` in the attribute block: keys are written `PK, FK` after the name",
            )),
        };
        let at = match &toks[i] {
            Tok::Word(_, p) => *p,
            _ => open,
        };
        i += 1;
        let name = match toks.get(i) {
            Some(Tok::Word(w, _)) => w.clone(),
            _ => {
                return Err(c.err(
                    at,
                    ty.len(),
                    format!("attribute `{ty}` has no name: expected `type name`"),
                ))
            }
        };
        i += 1;
        let mut keys = Vec::new();
        loop {
            match toks.get(i) {
                Some(Tok::Word(w, _)) if is_key(w) => {
                    keys.push(w.to_ascii_uppercase());
                    i += 1;
                }
                Some(Tok::Comma) if !keys.is_empty() => i += 1,
                _ => break,
            }
        }
        let mut comment = String::new();
        if let Some(Tok::Comment(t)) = toks.get(i) {
            comment = t.clone();
            i += 1;
        }
        out.push(Attribute {
            ty,
            name,
            keys,
            comment,
        });
    }
    Ok(out)
}

fn is_key(w: &str) -> bool {
    ["PK", "FK", "UK"].iter().any(|k| w.eq_ignore_ascii_case(k))
}
