//! `gitGraph` source → [`Graph`]: one statement per line (`commit`,
//! `branch`, `checkout`/`switch`, `merge`, `cherry-pick`, `title`,
//! `accTitle`, `accDescr`), each checked against the graph built so far
//! the way mermaid-js checks it (located errors for the operations it
//! rejects).

use std::collections::HashMap;

use super::model::{Branch, Commit, CommitKind, Direction, Graph};
use crate::syntax::lex::{line_rest, skip_line, sp0};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// What the parser needs from the configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseOptions {
    /// `gitGraph.mainBranchName` (default `main`).
    pub main_branch_name: String,
    /// `gitGraph.mainBranchOrder` (default 0).
    pub main_branch_order: f64,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            main_branch_name: "main".into(),
            main_branch_order: 0.0,
        }
    }
}

/// Most commits one diagram may hold (a guard against runaway input).
pub const MAX_COMMITS: usize = 20_000;

/// One `key: value` attribute or a bare quoted string after a keyword.
#[derive(Debug, Clone)]
struct Attr<'a> {
    /// `None` for a bare quoted string.
    key: Option<&'a str>,
    value: String,
    /// The whole attribute in the source (for errors).
    src: &'a str,
}

struct Builder<'s> {
    source: &'s str,
    g: Graph,
    heads: Vec<Option<usize>>,
    current: usize,
    ids: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

/// Parse a `gitGraph` diagram.
pub fn parse(pre: &Preamble<'_>, opts: &ParseOptions) -> Result<Graph, ParseError> {
    let source = pre.source;
    let body = pre.body();
    let kw_end = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let mut rest = &body[kw_end..];
    let header = line_rest(rest).trim_end_matches([' ', '\t', '\r', ';']);
    let mut b = Builder {
        source,
        g: Graph::default(),
        heads: vec![None],
        current: 0,
        ids: HashMap::new(),
        by_name: HashMap::new(),
    };
    b.g.branches.push(Branch {
        name: opts.main_branch_name.clone(),
        order: opts.main_branch_order,
    });
    b.by_name.insert(opts.main_branch_name.clone(), 0);
    let h = sp0(header);
    let (dir, after) = match h.get(..2) {
        Some("LR") => (Direction::LeftRight, &h[2..]),
        Some("TB") => (Direction::TopBottom, &h[2..]),
        Some("BT") => (Direction::BottomTop, &h[2..]),
        _ => (Direction::LeftRight, h),
    };
    let after = sp0(after);
    let after = after.strip_prefix(':').unwrap_or(after).trim();
    if !after.is_empty() && !after.starts_with("%%") {
        // `gitGraph` followed by a statement on the same line.
        if h.len() == after.len() {
            rest = after_header_statement(rest);
        } else {
            return Err(ParseError::at(
                source,
                after,
                format!(
                    "unexpected `{}` after `gitGraph` (expected `LR:`, `TB:`, `BT:` or the end of the line)",
                    first_word(after)
                ),
            ));
        }
    } else {
        rest = skip_line(rest);
    }
    b.g.direction = dir;
    loop {
        rest = rest.trim_start_matches(['\n', '\r', ' ', '\t', ';']);
        if rest.is_empty() {
            break;
        }
        if rest.starts_with("%%") {
            rest = skip_line(rest);
            continue;
        }
        if let Some((acc, r)) = accessibility(source, rest)? {
            match acc {
                Accessibility::Title(t) => b.g.acc_title = Some(t),
                Accessibility::Description(d) => b.g.acc_descr = Some(d),
            }
            rest = r;
            continue;
        }
        // A statement ends at the first newline outside quotes (branch
        // names may be quoted strings spanning lines).
        let end = statement_end(rest);
        let line = &rest[..end];
        rest = &rest[end..];
        b.statement(line)?;
    }
    Ok(b.g)
}

/// Byte length of the statement at the start of `s`: up to the first
/// newline outside a quoted string (an unclosed quote ends at the line).
fn statement_end(s: &str) -> usize {
    let mut quote: Option<(char, usize)> = None;
    for (i, c) in s.char_indices() {
        match quote {
            None if c == '\n' => return i,
            None if c == '"' || c == '\'' => {
                // A quote only opens a string at a word start.
                let prev = s[..i].chars().next_back();
                if prev.is_none_or(|p| p.is_whitespace() || p == ':') {
                    quote = Some((c, i));
                }
            }
            Some((q, _)) if c == q => quote = None,
            _ => {}
        }
    }
    match quote {
        Some((_, at)) => s[at..].find('\n').map_or(s.len(), |p| at + p),
        None => s.len(),
    }
}

/// The rest of the header line when a statement follows `gitGraph` on it.
fn after_header_statement(rest: &str) -> &str {
    rest.trim_start_matches([' ', '\t', ':'])
}

fn first_word(s: &str) -> &str {
    let n = s.find(char::is_whitespace).unwrap_or(s.len());
    &s[..n]
}

/// Split off the statement keyword: letters and `-`.
fn keyword(line: &str) -> (&str, &str) {
    let n = line
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .unwrap_or(line.len());
    (&line[..n], &line[n..])
}

/// A quoted string (`"…"` or `'…'`) at the start of `s`: its text and the
/// rest, or `None` when unclosed.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let q = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &s[1..];
    let end = body.find(q)?;
    Some((&body[..end], &body[end + 1..]))
}

impl<'s> Builder<'s> {
    fn err(&self, part: &str, msg: impl Into<String>) -> ParseError {
        ParseError::at(self.source, part, msg)
    }

    fn statement(&mut self, line: &'s str) -> Result<(), ParseError> {
        let line = line.trim_end_matches([' ', '\t', '\r', ';']);
        let t = sp0(line);
        let (kw, after) = keyword(t);
        let boundary = after.is_empty() || after.starts_with([' ', '\t', ':', '"', '\'']);
        match kw {
            "commit" if boundary => {
                let attrs = self.attrs(after, kw, &["id", "msg", "tag", "type"], true)?;
                self.commit(attrs, &t[..kw.len()])
            }
            "branch" if boundary => self.branch(after, &t[..kw.len()]),
            "checkout" | "switch" if boundary => self.checkout(after, &t[..kw.len()]),
            "merge" if boundary => self.merge(after, &t[..kw.len()]),
            "cherry-pick" if boundary => {
                let attrs = self.attrs(after, kw, &["id", "tag", "parent"], false)?;
                self.cherry_pick(attrs, &t[..kw.len()])
            }
            "title" if boundary => {
                self.g.title = Some(after.trim().to_string());
                Ok(())
            }
            _ => Err(self.err(
                if t.is_empty() { line } else { first_word(t) },
                format!(
                    "unexpected `{}` (expected `commit`, `branch`, `checkout`, `switch`, `merge` or `cherry-pick`)",
                    first_word(t)
                ),
            )),
        }
    }

    /// `key: value` attributes (and, when `bare`, quoted strings) up to the
    /// end of the line.
    fn attrs(
        &self,
        mut s: &'s str,
        kw: &str,
        allowed: &[&str],
        bare: bool,
    ) -> Result<Vec<Attr<'s>>, ParseError> {
        let mut out = Vec::new();
        loop {
            s = sp0(s);
            if s.is_empty() || s.starts_with("%%") {
                return Ok(out);
            }
            let start = s;
            if s.starts_with(['"', '\'']) {
                let Some((text, r)) = quoted(s) else {
                    return Err(self.err(&s[..1], "unclosed string (expected a closing quote)"));
                };
                if !bare {
                    return Err(self.err(
                        &s[..s.len() - r.len()],
                        format!(
                            "unexpected string after `{kw}` (expected {})",
                            list(allowed)
                        ),
                    ));
                }
                out.push(Attr {
                    key: None,
                    value: text.to_string(),
                    src: &s[..s.len() - r.len()],
                });
                s = r;
                continue;
            }
            let n = s
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(s.len());
            let word = &s[..n];
            let r = sp0(&s[n..]);
            let Some(r) = r.strip_prefix(':').filter(|_| allowed.contains(&word)) else {
                let bad = first_word(s);
                return Err(self.err(
                    bad,
                    format!(
                        "unexpected `{bad}` after `{kw}` (expected {})",
                        list(allowed)
                    ),
                ));
            };
            let r = sp0(r);
            let (value, r) = if r.starts_with(['"', '\'']) {
                match quoted(r) {
                    Some((v, r)) => (v, r),
                    None => {
                        return Err(self.err(&r[..1], "unclosed string (expected a closing quote)"))
                    }
                }
            } else {
                let v = first_word(r);
                if v.is_empty() {
                    return Err(self.err(
                        &s[..n],
                        format!("`{word}:` needs a value (for example `{word}: \"x\"`)"),
                    ));
                }
                (v, &r[v.len()..])
            };
            out.push(Attr {
                key: Some(word),
                value: value.to_string(),
                src: &start[..start.len() - r.len()],
            });
            s = r;
        }
    }

    fn kind_of(&self, a: &Attr<'_>) -> Result<CommitKind, ParseError> {
        match a.value.trim() {
            "NORMAL" => Ok(CommitKind::Normal),
            "REVERSE" => Ok(CommitKind::Reverse),
            "HIGHLIGHT" => Ok(CommitKind::Highlight),
            other => Err(self.err(
                a.src,
                format!("unknown commit type `{other}` (expected NORMAL, REVERSE or HIGHLIGHT)"),
            )),
        }
    }

    fn generated_id(&self, seq: usize) -> String {
        // FNV-1a over the sequence number and the branch: stable, like
        // mermaid-js's `<seq>-<7 random hex>` but reproducible.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let name = &self.g.branches[self.current].name;
        for b in seq.to_le_bytes().iter().chain(name.as_bytes()) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{seq}-{:07x}", h & 0xfff_ffff)
    }

    fn check_limit(&self, at: &str) -> Result<(), ParseError> {
        if self.g.commits.len() >= MAX_COMMITS {
            return Err(self.err(at, format!("too many commits (at most {MAX_COMMITS})")));
        }
        crate::diagrams::budget::nodes(self.source, at, self.g.commits.len() + 1, "commit")
    }

    /// A merge commit's own id, which must be new (mermaid-js accepts a
    /// repeated id on `commit` but not on `merge`).
    fn custom_id(&self, a: &Attr<'_>, unique: bool) -> Result<String, ParseError> {
        let id = a.value.clone();
        if unique && self.ids.contains_key(&id) {
            return Err(self.err(
                a.src,
                format!("a commit with id `{id}` already exists (ids must be unique)"),
            ));
        }
        Ok(id)
    }

    fn push(&mut self, c: Commit) {
        let i = self.g.commits.len();
        self.ids.insert(c.id.clone(), i);
        self.heads[self.current] = Some(i);
        self.g.commits.push(c);
    }

    fn commit(&mut self, attrs: Vec<Attr<'s>>, kw: &str) -> Result<(), ParseError> {
        self.check_limit(kw)?;
        let mut c = Commit {
            id: String::new(),
            custom_id: false,
            msg: String::new(),
            branch: self.current,
            parents: self.heads[self.current].into_iter().collect(),
            kind: CommitKind::Normal,
            merge: false,
            tags: Vec::new(),
        };
        for a in &attrs {
            match a.key {
                None | Some("msg") => c.msg = a.value.clone(),
                Some("id") => {
                    c.id = self.custom_id(a, false)?;
                    c.custom_id = true;
                }
                Some("tag") => c.tags.push(a.value.clone()),
                Some(_) => c.kind = self.kind_of(a)?,
            }
        }
        if !c.custom_id {
            c.id = self.generated_id(self.g.commits.len());
        }
        self.push(c);
        Ok(())
    }

    /// A branch name: a quoted string or a word, and the rest.
    fn name(&self, s: &'s str, kw: &'s str) -> Result<(String, &'s str, &'s str), ParseError> {
        let s = sp0(s);
        if s.starts_with(['"', '\'']) {
            return match quoted(s) {
                Some((n, r)) if !n.trim().is_empty() => {
                    Ok((n.trim().to_string(), &s[..s.len() - r.len()], r))
                }
                Some(_) => Err(self.err(&s[..1], format!("`{kw}` needs a branch name"))),
                None => Err(self.err(&s[..1], "unclosed string (expected a closing quote)")),
            };
        }
        let n = first_word(s);
        if n.is_empty() || n.starts_with("%%") {
            return Err(self.err(
                kw,
                format!("`{kw}` needs a branch name (for example `{kw} develop`)"),
            ));
        }
        Ok((n.to_string(), n, &s[n.len()..]))
    }

    fn branch_index(&self, name: &str, at: &str, msg: &str) -> Result<usize, ParseError> {
        self.by_name
            .get(name)
            .copied()
            .ok_or_else(|| self.err(at, format!("branch `{name}` does not exist ({msg})")))
    }

    fn branch(&mut self, after: &'s str, kw: &'s str) -> Result<(), ParseError> {
        let (name, at, rest) = self.name(after, kw)?;
        let attrs = self.attrs(rest, "branch", &["order"], false)?;
        if self.by_name.contains_key(&name) {
            return Err(self.err(
                at,
                format!("branch `{name}` already exists (use `checkout {name}` to switch to it)"),
            ));
        }
        let index = self.g.branches.len();
        let mut order = format!("0.{index}").parse::<f64>().unwrap_or(0.0);
        for a in &attrs {
            order = a
                .value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    self.err(
                        a.src,
                        format!("`order:` must be a number, not `{}`", a.value),
                    )
                })?;
        }
        self.g.branches.push(Branch {
            name: name.clone(),
            order,
        });
        self.by_name.insert(name, index);
        self.heads.push(self.heads[self.current]);
        self.current = index;
        Ok(())
    }

    fn checkout(&mut self, after: &'s str, kw: &'s str) -> Result<(), ParseError> {
        let (name, at, rest) = self.name(after, kw)?;
        let rest = sp0(rest);
        if !rest.is_empty() && !rest.starts_with("%%") {
            return Err(self.err(
                first_word(rest),
                format!("unexpected `{}` after the branch name", first_word(rest)),
            ));
        }
        self.current = self.branch_index(&name, at, "create it first with `branch`")?;
        Ok(())
    }

    fn merge(&mut self, after: &'s str, kw: &'s str) -> Result<(), ParseError> {
        let (name, at, rest) = self.name(after, kw)?;
        let attrs = self.attrs(rest, "merge", &["id", "tag", "type"], false)?;
        self.check_limit(kw)?;
        let other = self.branch_index(&name, at, "cannot merge a branch that was never created")?;
        let cur_name = self.g.branches[self.current].name.clone();
        if other == self.current {
            return Err(self.err(
                at,
                format!(
                    "cannot merge branch `{name}` into itself (check out another branch first)"
                ),
            ));
        }
        let Some(head) = self.heads[self.current] else {
            return Err(self.err(
                kw,
                format!("cannot merge: the current branch `{cur_name}` has no commits"),
            ));
        };
        let Some(other_head) = self.heads[other] else {
            return Err(self.err(at, format!("cannot merge: branch `{name}` has no commits")));
        };
        if head == other_head {
            return Err(self.err(
                at,
                format!("cannot merge `{name}` into `{cur_name}`: both branches have the same head (nothing to merge)"),
            ));
        }
        let mut c = Commit {
            id: String::new(),
            custom_id: false,
            msg: String::new(),
            branch: self.current,
            parents: vec![head, other_head],
            kind: CommitKind::Merge,
            merge: true,
            tags: Vec::new(),
        };
        for a in &attrs {
            match a.key {
                Some("id") => {
                    c.id = self.custom_id(a, true)?;
                    c.custom_id = true;
                }
                Some("tag") => c.tags.push(a.value.clone()),
                _ => c.kind = self.kind_of(a)?,
            }
        }
        if !c.custom_id {
            c.id = self.generated_id(self.g.commits.len());
        }
        self.push(c);
        Ok(())
    }

    fn cherry_pick(&mut self, attrs: Vec<Attr<'s>>, kw: &'s str) -> Result<(), ParseError> {
        self.check_limit(kw)?;
        let mut source_id: Option<&Attr<'_>> = None;
        let mut parent: Option<&Attr<'_>> = None;
        let mut tags: Option<Vec<String>> = None;
        for a in &attrs {
            match a.key {
                Some("id") => source_id = Some(a),
                Some("parent") => parent = Some(a),
                _ => tags.get_or_insert_with(Vec::new).push(a.value.clone()),
            }
        }
        let Some(sid) = source_id else {
            return Err(self.err(
                kw,
                "`cherry-pick` needs the id of the commit to pick (`id: \"x\"`)",
            ));
        };
        let Some(&src) = self.ids.get(&sid.value) else {
            return Err(self.err(
                sid.src,
                format!("cannot cherry-pick: no commit has id `{}`", sid.value),
            ));
        };
        let source = &self.g.commits[src];
        if source.branch == self.current {
            return Err(self.err(
                sid.src,
                format!(
                    "cannot cherry-pick `{}`: it is already on the current branch `{}`",
                    sid.value, self.g.branches[self.current].name
                ),
            ));
        }
        let mut default_tag = format!("cherry-pick:{}", sid.value);
        if source.merge {
            let Some(p) = parent else {
                return Err(self.err(
                    sid.src,
                    format!(
                        "`{}` is a merge commit: name the parent to pick with `parent: \"…\"`",
                        sid.value
                    ),
                ));
            };
            let ok = self
                .ids
                .get(&p.value)
                .is_some_and(|pi| source.parents.contains(pi));
            if !ok {
                return Err(self.err(
                    p.src,
                    format!(
                        "`{}` is not a parent of the merge commit `{}`",
                        p.value, sid.value
                    ),
                ));
            }
            default_tag.push_str(&format!("|parent:{}", p.value));
        }
        let Some(head) = self.heads[self.current] else {
            return Err(self.err(
                kw,
                format!(
                    "cannot cherry-pick: the current branch `{}` has no commits",
                    self.g.branches[self.current].name
                ),
            ));
        };
        let tags = match tags {
            Some(t) => t.into_iter().filter(|t| !t.trim().is_empty()).collect(),
            None => vec![default_tag],
        };
        let c = Commit {
            id: self.generated_id(self.g.commits.len()),
            custom_id: false,
            msg: String::new(),
            branch: self.current,
            parents: vec![head, src],
            kind: CommitKind::CherryPick,
            merge: false,
            tags,
        };
        self.push(c);
        Ok(())
    }
}

fn list(keys: &[&str]) -> String {
    let v: Vec<String> = keys.iter().map(|k| format!("`{k}:`")).collect();
    match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        n => format!("{} or {}", v[..n - 1].join(", "), v[n - 1]),
    }
}
