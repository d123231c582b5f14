//! Wardley source → [`Wardley`].
//!
//! Grammar (Mermaid 11, `wardley-beta`), one statement per line:
//!
//! ```text
//! title text
//! size [width, height]
//! evolution Stage[@x] -> Stage[@x] -> …
//! anchor Name [visibility, evolution]
//! component Name [visibility, evolution] [label [dx, dy]] [(build|buy|outsource|market)] [(inertia)|inertia]
//! Name (-> | +> | +< | +<> | +'text'> | +'text'< | +'text'<>) Name [; context]
//! evolve Name evolution
//! pipeline Name { component Name [evolution] … } | pipeline Name [start, end]
//! note "text" [v, e]
//! accelerator | deaccelerator "Name" [v, e]
//! annotations [v, e]
//! annotation N,[v, e] "text" | annotation N,[[v, e], [v, e]] "text"
//! accTitle: … | accDescr: … | accDescr { … }
//! ```
//!
//! Names are bare words (spaces allowed) or `"quoted"`. `#` and `//`
//! start a comment outside quotes; `%%` comments and `%%{…}%%` directives
//! are skipped. A link may name a component declared later.

use super::model::{Annotation, Component, Flow, Link, Marker, Pipeline, Sourcing, Wardley};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

const EXPECTED: &str = "expected `component`, `anchor`, a link (`A -> B`), `evolve`, `pipeline`, `note`, `annotation(s)`, `(de)accelerator`, `evolution`, `size` or `title`";

/// Text before a comment (`#`, `//`, `%%`) outside quotes.
fn strip_comment(s: &str) -> &str {
    let mut quoted = false;
    let b = s.as_bytes();
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted => return &s[..i],
            '/' | '%' if !quoted && b.get(i + 1) == Some(&(c as u8)) => return &s[..i],
            _ => {}
        }
    }
    s
}

fn unquote(s: &str) -> &str {
    let t = s.trim();
    t.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(t)
}

struct P<'a> {
    source: &'a str,
}

impl P<'_> {
    fn err(&self, at: &str, msg: impl Into<String>) -> ParseError {
        ParseError::at(self.source, at, msg)
    }

    /// `[a, b, …]` numbers starting at `s` (after blanks): the values and
    /// the rest.
    fn numbers<'s>(&self, s: &'s str, what: &str) -> Result<(Vec<f64>, &'s str), ParseError> {
        let t = s.trim_start();
        let Some(b) = t.strip_prefix('[') else {
            let w = t.split_whitespace().next().unwrap_or(t);
            return Err(self.err(w, format!("expected `[` and {what}")));
        };
        let Some(e) = b.find(']') else {
            return Err(self.err(&t[..1], "unclosed `[`: expected `]`"));
        };
        let mut v = Vec::new();
        for part in b[..e].split(',') {
            let p = part.trim();
            match p.parse::<f64>() {
                Ok(x) if x.is_finite() => v.push(x),
                _ => {
                    let at = if p.is_empty() { &b[..e] } else { p };
                    return Err(self.err(at, format!("expected a number in {what}, found `{p}`")));
                }
            }
        }
        Ok((v, &b[e + 1..]))
    }

    /// `[visibility, evolution]`, both in 0..1.
    fn position<'s>(&self, s: &'s str) -> Result<((f64, f64), &'s str), ParseError> {
        let what = "a position `[visibility, evolution]`";
        let (v, r) = self.numbers(s, what)?;
        if v.len() != 2 {
            let t = s.trim_start();
            return Err(self.err(
                &t[..t.find(']').map_or(1, |e| e + 1)],
                format!("expected {what} (two numbers)"),
            ));
        }
        Ok(((v[0], v[1]), r))
    }
}

/// Split `name [ … rest` at the first `[` outside quotes.
fn name_then(s: &str) -> (&str, &str) {
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '[' | '{' if !quoted => return (s[..i].trim(), &s[i..]),
            _ => {}
        }
    }
    (s.trim(), "")
}

/// The link operators, longest first.
fn find_link(line: &str) -> Option<(usize, usize, Flow, Option<String>)> {
    let mut quoted = false;
    let b = line.as_bytes();
    for (i, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
            continue;
        }
        if quoted {
            continue;
        }
        if c == '-' && b.get(i + 1) == Some(&b'>') {
            return Some((i, i + 2, Flow::Plain, None));
        }
        if c == '+' {
            let rest = &line[i + 1..];
            let (label, after, off) = if let Some(r) = rest.strip_prefix('\'') {
                let e = r.find('\'')?;
                (Some(r[..e].to_string()), &r[e + 1..], 1 + e + 2)
            } else {
                (None, rest, 1)
            };
            let (flow, n) = if after.starts_with("<>") {
                (Flow::Both, 2)
            } else if after.starts_with('<') {
                (Flow::Backward, 1)
            } else if after.starts_with('>') {
                (Flow::Forward, 1)
            } else {
                continue;
            };
            return Some((i, i + off + n, flow, label));
        }
    }
    None
}

/// A link read before all components are known: from, to, flow, label,
/// context, and its line (for messages).
type PendingLink<'a> = (
    &'a str,
    &'a str,
    Flow,
    Option<String>,
    Option<String>,
    &'a str,
);

/// Parse a Wardley map.
pub fn parse(pre: &Preamble<'_>) -> Result<Wardley, ParseError> {
    let source = pre.source;
    let p = P { source };
    let mut w = Wardley {
        title: pre.title.clone(),
        ..Wardley::default()
    };
    let body = pre.body();
    let first = body.get(pre.keyword.len()..).unwrap_or("");
    let mut rest = match first.find('\n') {
        Some(n) => &first[n + 1..],
        None => "",
    };
    // Links and evolves wait until every component is known.
    let mut links: Vec<PendingLink<'_>> = Vec::new();
    let mut evolves: Vec<(&str, f64, &str)> = Vec::new();
    let mut pipes: Vec<(&str, Pipeline, &str)> = Vec::new();
    let mut open_pipe: Option<(usize, &str)> = None;
    while !rest.is_empty() {
        let end = rest.find('\n').unwrap_or(rest.len());
        let raw = rest[..end].trim_end_matches('\r');
        let next = rest.get(end + 1..).unwrap_or("");
        let t = raw.trim_start();
        if t.starts_with("%%{") {
            rest = match rest.find("}%%") {
                Some(q) => {
                    let after = &rest[q + 3..];
                    after.find('\n').map_or("", |n| &after[n + 1..])
                }
                None => next,
            };
            continue;
        }
        if let Some((acc, r)) = accessibility(source, &rest[raw.len() - t.len()..])? {
            match acc {
                Accessibility::Title(x) => w.acc_title = Some(x),
                Accessibility::Description(d) => w.acc_descr = Some(d),
            }
            rest = r.strip_prefix('\n').unwrap_or(r);
            continue;
        }
        rest = next;
        let line = strip_comment(t).trim_end();
        if line.is_empty() {
            continue;
        }
        if let Some((pk, _)) = open_pipe {
            if line == "}" {
                open_pipe = None;
                continue;
            }
            let Some(args) = line.strip_prefix("component ") else {
                let word = line.split_whitespace().next().unwrap_or(line);
                return Err(p.err(word, format!("unexpected `{word}` in a pipeline: expected `component Name [evolution]` or `}}`")));
            };
            let (name, r) = name_then(args);
            let (v, r) = p.numbers(r, "an evolution `[x]`")?;
            let Some(&evo) = v.first() else {
                return Err(p.err(args, "expected an evolution `[x]`"));
            };
            let label_offset = label_offset(&p, r)?;
            w.components.push(Component {
                name: unquote(name).to_string(),
                visibility: f64::NAN,
                evolution: evo,
                anchor: false,
                label_offset,
                sourcing: None,
                inertia: false,
                evolve_to: None,
                in_pipeline: true,
            });
            let k = w.components.len() - 1;
            if let Some((_, pl, _)) = pipes.get_mut(pk) {
                pl.members.push(k);
            }
            continue;
        }
        let (kw, args) = match line.find(char::is_whitespace) {
            Some(n) => (&line[..n], line[n..].trim()),
            None => (line, ""),
        };
        match kw {
            "title" => w.title = Some(args.to_string()),
            "size" => {
                // `size [width, height]`; placeholders are ignored.
                if let Ok((v, _)) = p.numbers(args, "a size `[width, height]`") {
                    if let [a, b] = v[..] {
                        if a >= 100.0 && b >= 100.0 && a <= 10_000.0 && b <= 10_000.0 {
                            w.size = Some((a, b));
                        }
                    }
                }
            }
            "evolution" => {
                w.stages = args
                    .split("->")
                    .map(|s| {
                        let s = s.trim();
                        match s.rsplit_once('@') {
                            Some((n, x)) => match x.trim().parse::<f64>() {
                                Ok(x) if x.is_finite() => {
                                    (n.trim().to_string(), Some(x.clamp(0.0, 1.0)))
                                }
                                _ => (s.to_string(), None),
                            },
                            None => (s.to_string(), None),
                        }
                    })
                    .filter(|(n, _)| !n.is_empty())
                    .collect();
            }
            "anchor" | "component" => {
                let (name, r) = name_then(args);
                if name.is_empty() {
                    return Err(p.err(kw, format!("expected a name after `{kw}`")));
                }
                let ((vis, evo), r) = p.position(r)?;
                let mut c = Component {
                    name: unquote(name).to_string(),
                    visibility: vis,
                    evolution: evo,
                    anchor: kw == "anchor",
                    label_offset: None,
                    sourcing: None,
                    inertia: false,
                    evolve_to: None,
                    in_pipeline: false,
                };
                decorations(&p, r, &mut c)?;
                crate::diagrams::budget::nodes(p.source, kw, w.components.len() + 1, "component")?;
                w.components.push(c);
            }
            "evolve" => {
                let Some((name, x)) = args.rsplit_once(char::is_whitespace) else {
                    return Err(p.err(
                        kw,
                        "expected `evolve Name evolution` (e.g. `evolve Kettle 0.62`)",
                    ));
                };
                let Ok(x) = x.trim().parse::<f64>() else {
                    return Err(p.err(
                        x,
                        format!("expected a number for the evolution, found `{x}`"),
                    ));
                };
                evolves.push((unquote(name), x, name.trim()));
            }
            "pipeline" => {
                let (name, r) = name_then(args);
                let r = r.trim();
                let pl = Pipeline {
                    parent: 0,
                    members: Vec::new(),
                    range: None,
                };
                let at = if name.is_empty() { kw } else { name };
                if let Some(after) = r.strip_prefix('{') {
                    if !after.trim().is_empty() {
                        return Err(p.err(
                            after.trim(),
                            "put the pipeline's components on the lines after `{`",
                        ));
                    }
                    pipes.push((unquote(name), pl, at));
                    open_pipe = Some((pipes.len() - 1, at));
                } else if r.starts_with('[') {
                    let (v, _) = p.numbers(r, "a range `[start, end]`")?;
                    let mut pl = pl;
                    if let [a, b] = v[..] {
                        pl.range = Some((a.min(b), a.max(b)));
                    }
                    pipes.push((unquote(name), pl, at));
                } else {
                    // `pipeline Name` with `{` on the next line.
                    pipes.push((unquote(name), pl, at));
                    let nt = next.trim_start();
                    if nt.starts_with('{') {
                        rest = nt.get(1..).unwrap_or("");
                        rest = rest.find('\n').map_or("", |n| &rest[n + 1..]);
                        open_pipe = Some((pipes.len() - 1, at));
                    }
                }
            }
            "note" | "accelerator" | "deaccelerator" => {
                let (name, r) = name_then(args);
                let ((v, e), _) = p.position(r)?;
                let m = Marker {
                    text: unquote(name).to_string(),
                    visibility: v,
                    evolution: e,
                };
                match kw {
                    "note" => w.notes.push(m),
                    "accelerator" => w.accelerators.push(m),
                    _ => w.deaccelerators.push(m),
                }
            }
            "annotations" => {
                let ((v, e), _) = p.position(args)?;
                w.annotations_at = Some((v, e));
            }
            "annotation" => {
                let Some((num, r)) = args.split_once(',') else {
                    return Err(p.err(
                        kw,
                        "expected `annotation N,[visibility, evolution] \"text\"`",
                    ));
                };
                let r = r.trim_start();
                let mut points = Vec::new();
                let text_part;
                if let Some(inner) = r
                    .strip_prefix('[')
                    .filter(|x| x.trim_start().starts_with('['))
                {
                    let mut q = inner;
                    loop {
                        let ((v, e), after) = p.position(q)?;
                        points.push((v, e));
                        let a = after.trim_start();
                        if let Some(x) = a.strip_prefix(',') {
                            q = x;
                        } else if let Some(x) = a.strip_prefix(']') {
                            text_part = x;
                            break;
                        } else {
                            return Err(p.err(
                                if a.is_empty() { r } else { a },
                                "expected `,` or `]` in the annotation's points",
                            ));
                        }
                    }
                } else {
                    let ((v, e), after) = p.position(r)?;
                    points.push((v, e));
                    text_part = after;
                }
                w.annotations.push(Annotation {
                    number: num.trim().to_string(),
                    points,
                    text: unquote(text_part).to_string(),
                });
            }
            _ => {
                if let Some((a, b, flow, label)) = find_link(line) {
                    let from = line[..a].trim();
                    let tail = &line[b..];
                    let (to, context) = match tail.split_once(';') {
                        Some((t, c)) => (
                            t.trim(),
                            Some(c.trim().to_string()).filter(|c| !c.is_empty()),
                        ),
                        None => (tail.trim(), None),
                    };
                    if from.is_empty() || to.is_empty() {
                        let op = &line[a..b];
                        return Err(p.err(
                            op,
                            format!("a link needs a component on both sides of `{op}`"),
                        ));
                    }
                    links.push((unquote(from), unquote(to), flow, label, context, line));
                } else {
                    let word = kw;
                    return Err(p.err(word, format!("unexpected `{word}`: {EXPECTED}")));
                }
            }
        }
    }
    if let Some((_, at)) = open_pipe {
        return Err(p.err(at, "unclosed pipeline: expected `}`"));
    }
    let name_at = |line: &'_ str, name: &str| -> (usize, usize) {
        let off = crate::syntax::offset_in(source, line);
        match line.find(name) {
            Some(i) => (off + i, off + i + name.len()),
            None => (off, off + line.len()),
        }
    };
    for (from, to, flow, label, context, line) in links {
        let mut ends = [0usize; 2];
        for (k, name) in [from, to].iter().enumerate() {
            match w.find(name) {
                Some(i) => ends[k] = i,
                None => {
                    let (s, e) = name_at(line, name);
                    return Err(ParseError::syntax(source, s, e, format!("the link names `{name}`, which is not a component or anchor of this map")));
                }
            }
        }
        w.links.push(Link {
            from: ends[0],
            to: ends[1],
            flow,
            label,
            context,
        });
    }
    for (name, x, at) in evolves {
        match w
            .components
            .iter()
            .position(|c| c.name == name && !c.in_pipeline)
        {
            Some(i) => w.components[i].evolve_to = Some(x),
            None => {
                return Err(p.err(
                    at,
                    format!("`evolve` names `{name}`, which is not a component of this map"),
                ))
            }
        }
    }
    for (name, mut pl, at) in pipes {
        match w.components.iter().position(|c| c.name == name && !c.in_pipeline) {
            Some(i) => {
                pl.parent = i;
                let vis = w.components[i].visibility;
                for &m in &pl.members {
                    if let Some(c) = w.components.get_mut(m) {
                        c.visibility = vis;
                    }
                }
                w.pipelines.push(pl);
            }
            None => return Err(p.err(at, format!("`pipeline` names `{name}`, which is not a component of this map (declare `component {name} [v, e]` first)"))),
        }
    }
    Ok(w)
}

/// `label [dx, dy]` anywhere in `s`.
fn label_offset(p: &P<'_>, s: &str) -> Result<Option<(f64, f64)>, ParseError> {
    let t = s.trim();
    if let Some(r) = t.strip_prefix("label") {
        let (v, _) = p.numbers(r, "a label offset `[dx, dy]`")?;
        if let [a, b] = v[..] {
            return Ok(Some((a, b)));
        }
    }
    Ok(None)
}

/// What may follow a component's position.
fn decorations(p: &P<'_>, s: &str, c: &mut Component) -> Result<(), ParseError> {
    let mut r = s.trim_start();
    while !r.is_empty() {
        if let Some(x) = r.strip_prefix("label") {
            let (v, after) = p.numbers(x, "a label offset `[dx, dy]`")?;
            if let [a, b] = v[..] {
                c.label_offset = Some((a, b));
            } else {
                return Err(p.err(&r[..5], "expected `label [dx, dy]` (two numbers)"));
            }
            r = after.trim_start();
            continue;
        }
        if let Some(x) = r.strip_prefix('(') {
            let Some(e) = x.find(')') else {
                return Err(p.err(&r[..1], "unclosed `(`: expected `)`"));
            };
            let word = x[..e].trim();
            match word {
                "build" => c.sourcing = Some(Sourcing::Build),
                "buy" => c.sourcing = Some(Sourcing::Buy),
                "outsource" => c.sourcing = Some(Sourcing::Outsource),
                "market" => c.sourcing = Some(Sourcing::Market),
                "inertia" => c.inertia = true,
                _ => {
                    return Err(p.err(word, format!("unknown `({word})`: expected (build), (buy), (outsource), (market) or (inertia)")));
                }
            }
            r = x[e + 1..].trim_start();
            continue;
        }
        if let Some(x) = r.strip_prefix("inertia") {
            c.inertia = true;
            r = x.trim_start();
            continue;
        }
        let w = r.split_whitespace().next().unwrap_or(r);
        return Err(p.err(w, format!("unexpected `{w}` after the position of `{}`: expected `label [dx, dy]`, `(build)`, `(buy)`, `(outsource)`, `(market)` or `(inertia)`", c.name)));
    }
    Ok(())
}
