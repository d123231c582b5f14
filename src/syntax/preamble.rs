//! The preamble every diagram type shares: YAML front matter (`title`,
//! `displayMode`, `config`), `%%{init}%%` / `%%{initialize}%%` /
//! `%%{config}%%` / `%%{wrap}%%` directives and `%%` comments before the
//! diagram keyword, and the keyword itself. Read once, before any
//! diagram-specific parser runs.

use super::config_text::{parse_json, parse_yaml, ConfigError};
use super::detect::find_header;
use super::lex::{keyword_word, offset_in, skip_line, Locator};
use super::{ParseError, ParseErrorKind};
use crate::config::Value;

/// What precedes a diagram's statements, read from its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Preamble<'a> {
    /// The whole diagram source; every span is relative to it.
    pub source: &'a str,
    /// Byte offset of the diagram keyword (`flowchart`, `pie`, …).
    pub header: usize,
    /// The keyword (`sequenceDiagram`, `graph`, …).
    pub keyword: &'a str,
    /// Front matter `title:`.
    pub title: Option<String>,
    /// Front matter `displayMode:` (gantt's `compact`).
    pub display_mode: Option<String>,
    /// Front matter `config:` with every directive merged over it in source
    /// order (always an object).
    pub config: Value,
}

impl<'a> Preamble<'a> {
    /// The source from the keyword on.
    pub fn body(&self) -> &'a str {
        &self.source[self.header..]
    }
}

fn config_error(loc: &Locator<'_>, base: usize, e: ConfigError, what: &str) -> ParseError {
    let at = base + e.at;
    ParseError {
        kind: ParseErrorKind::Syntax,
        message: format!("{what}: {}", e.message),
        span: loc.span_at(at, at + 1),
    }
}

/// Read the preamble of `source`: find the keyword, read the front matter
/// and every directive (directives anywhere in the source count, as in
/// mermaid-js; a later one wins).
pub fn read_preamble(source: &str) -> Result<Preamble<'_>, ParseError> {
    let header_text = find_header(source)?;
    let header = offset_in(source, header_text);
    let loc = Locator::new(source);
    let mut p = Preamble {
        source,
        header,
        keyword: keyword_word(header_text),
        title: None,
        display_mode: None,
        config: Value::object(),
    };
    let pre = &source[..header];
    let mut i = pre.trim_start();
    if i.starts_with("---") && i[3..].starts_with(['\n', '\r', ' ']) {
        let body_start = skip_line(i).strip_prefix('\n').unwrap_or("");
        let mut rest = body_start;
        let mut body_end = None;
        while !rest.is_empty() {
            let line = &rest[..rest.len() - skip_line(rest).len()];
            if line.trim() == "---" {
                body_end = Some(rest);
                break;
            }
            rest = skip_line(rest).strip_prefix('\n').unwrap_or("");
        }
        // find_header has already checked that the block is closed.
        if let Some(close) = body_end {
            let body = &body_start[..body_start.len() - close.len()];
            let base = offset_in(source, body);
            let v =
                parse_yaml(body).map_err(|e| config_error(&loc, base, e, "in the front matter"))?;
            if let Some(t) = v.get_str("title") {
                p.title = Some(t);
            }
            if let Some(d) = v.get_str("displayMode") {
                p.display_mode = Some(d);
            }
            if let Some(c @ Value::Object(_)) = v.get("config") {
                p.config.merge(c);
            }
            i = skip_line(close);
        }
    }
    // Directives: before the keyword, and on lines of their own after it.
    let mut rest = &source[offset_in(source, i)..];
    while let Some(pos) = rest.find("%%{") {
        let body = &rest[pos + 3..];
        let Some(end) = body.find("}%%") else { break };
        let at = offset_in(source, body);
        if at > header && !line_starts_with_directive(source, at - 3) {
            rest = &body[end + 3..];
            continue;
        }
        directive(&loc, source, &body[..end], &mut p.config)?;
        rest = &body[end + 3..];
    }
    Ok(p)
}

/// True when the `%%{` at byte `at` is the first thing on its line.
fn line_starts_with_directive(source: &str, at: usize) -> bool {
    let line_start = source[..at].rfind('\n').map_or(0, |p| p + 1);
    source[line_start..at].trim().is_empty()
}

/// `init: {…}` / `initialize: {…}` / `config: {…}` merge into the config;
/// `wrap` sets `wrap: true`; other directives are ignored.
fn directive(
    loc: &Locator<'_>,
    source: &str,
    body: &str,
    config: &mut Value,
) -> Result<(), ParseError> {
    let t = body.trim_start();
    let n = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(t.len());
    let kind = &t[..n];
    let args = t[n..].trim_start();
    match kind {
        "init" | "initialize" | "config" => {
            let Some(args) = args.strip_prefix(':') else {
                return Ok(());
            };
            let base = offset_in(source, args);
            let (v, used) = parse_json(args)
                .map_err(|e| config_error(loc, base, e, &format!("in the `{kind}` directive")))?;
            if !args[used..].trim().is_empty() {
                let at = base + used;
                let extra = args[used..].trim_start();
                let at = at + (args[used..].len() - extra.len());
                return Err(ParseError {
                    kind: ParseErrorKind::Syntax,
                    message: format!(
                        "in the `{kind}` directive: unexpected text after the configuration (expected `}}%%`)"
                    ),
                    span: loc.span_at(at, at + 1),
                });
            }
            if let Value::Object(_) = v {
                config.merge(&v);
            }
        }
        "wrap" => config.merge(&Value::Object(vec![("wrap".into(), Value::Bool(true))])),
        _ => {}
    }
    Ok(())
}

/// An accessibility statement: `accTitle: …`, `accDescr: …` or the block
/// form `accDescr { … }` (which may span lines). Every diagram type's
/// parser calls this at the start of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accessibility {
    Title(String),
    Description(String),
}

/// The accessibility texts of a diagram that takes no statements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccTexts {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// Read what follows the keyword of a type that takes no statements
/// (`info`, `error`): blank lines, `%%` comments, `%%{…}%%` directives and
/// accessibility statements (into `acc`). Returns the first other word (a
/// slice of `source`, for a located error), or `None` at the end.
pub fn only_trivia<'a>(
    source: &str,
    mut rest: &'a str,
    acc: &mut AccTexts,
) -> Result<Option<&'a str>, ParseError> {
    loop {
        let line = rest.trim_start_matches([' ', '\t', '\r']);
        if line.is_empty() {
            return Ok(None);
        }
        if let Some(r) = line.strip_prefix('\n') {
            rest = r;
            continue;
        }
        if let Some(d) = line.strip_prefix("%%{") {
            rest = match d.find("}%%") {
                Some(p) => &d[p + 3..],
                None => skip_line(d),
            };
            continue;
        }
        if line.starts_with("%%") {
            rest = skip_line(line);
            continue;
        }
        if let Some((a, r)) = accessibility(source, line)? {
            match a {
                Accessibility::Title(t) => acc.title = Some(t),
                Accessibility::Description(d) => acc.description = Some(d),
            }
            rest = r;
            continue;
        }
        let n = line.find([' ', '\t', '\r', '\n']).unwrap_or(line.len());
        return Ok(Some(&line[..n]));
    }
}

/// Read an accessibility statement at the start of `i` (after leading
/// spaces). Returns it and the rest of the input after it (the rest of the
/// line, or after the closing `}`), `Ok(None)` when `i` does not start with
/// one, or an error for an unclosed `accDescr {` (located in `source`).
pub fn accessibility<'a>(
    source: &str,
    i: &'a str,
) -> Result<Option<(Accessibility, &'a str)>, ParseError> {
    let t = i.trim_start_matches([' ', '\t']);
    for (kw, title) in [("accTitle", true), ("accDescr", false)] {
        let Some(r) = t.strip_prefix(kw) else {
            continue;
        };
        let r = r.trim_start_matches([' ', '\t']);
        if let Some(v) = r.strip_prefix(':') {
            let line = &v[..v.len() - skip_line(v).len()];
            let text = line.trim().to_string();
            let acc = if title {
                Accessibility::Title(text)
            } else {
                Accessibility::Description(text)
            };
            return Ok(Some((acc, skip_line(v))));
        }
        if !title {
            if let Some(v) = r.strip_prefix('{') {
                let Some(end) = v.find('}') else {
                    return Err(ParseError::at(
                        source,
                        &t[..kw.len()],
                        "unclosed `accDescr {` (expected `}`)",
                    ));
                };
                let text = v[..end]
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                return Ok(Some((Accessibility::Description(text), &v[end + 1..])));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_directives_merge_in_order() {
        let src = "---\ntitle: Hello\ndisplayMode: compact\nconfig:\n  theme: forest\n  pie:\n    textPosition: 0.5\n---\n%%{init: {'theme': 'dark'}}%%\npie\n  %%{init: {\"pie\": {\"useWidth\": 300}}}%%\n  \"a\": 1\n";
        let p = read_preamble(src).unwrap();
        assert_eq!(p.keyword, "pie");
        assert_eq!(p.title.as_deref(), Some("Hello"));
        assert_eq!(p.display_mode.as_deref(), Some("compact"));
        assert_eq!(p.config.get_str("theme").as_deref(), Some("dark"));
        assert_eq!(p.config.get_f64("pie.textPosition"), Some(0.5));
        assert_eq!(p.config.get_f64("pie.useWidth"), Some(300.0));
        assert!(p.body().starts_with("pie\n"));
    }

    #[test]
    fn a_directive_inside_a_label_is_not_read() {
        let src = "graph TD\nA[\"%%{init: {'theme':'dark'}}%%\"]";
        let p = read_preamble(src).unwrap();
        assert!(p.config.get("theme").is_none());
    }

    #[test]
    fn bad_config_is_located() {
        let e = read_preamble("%%{init: {'theme': }}%%\npie\n").unwrap_err();
        assert_eq!(e.span.line, 1);
        assert!(e.message.contains("init"), "{}", e.message);
        let e = read_preamble("---\nconfig: [\n---\npie").unwrap_err();
        assert_eq!(e.span.line, 2, "{e:?}");
    }

    #[test]
    fn accessibility_statements() {
        let src = "accTitle: My title\naccDescr {\n  one\n  two\n}\nrest";
        let (a, rest) = accessibility(src, src).unwrap().unwrap();
        assert_eq!(a, Accessibility::Title("My title".into()));
        let rest = rest.trim_start();
        let (b, rest) = accessibility(src, rest).unwrap().unwrap();
        assert_eq!(b, Accessibility::Description("one\ntwo".into()));
        assert_eq!(rest.trim(), "rest");
        assert!(accessibility(src, "other").unwrap().is_none());
        let bad = "accDescr {\nnever closed";
        assert!(accessibility(bad, bad).is_err());
    }
}
