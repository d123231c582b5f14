//! Gantt source → statements (line by line, as mermaid-js's grammar is
//! line based), then [`super::schedule`] turns the task lines into dates.
//!
//! Statements: `title`, `dateFormat`, `axisFormat`, `tickInterval`,
//! `excludes`, `includes`, `weekday <day>`, `weekend friday|saturday`,
//! `todayMarker`, `inclusiveEndDates`, `topAxis`, `displayMode compact`,
//! `section <name>`, `click <ids> href "url" | call fn(args)`, accessibility
//! lines, `%%` comments and `Task name : data` lines.

use super::dates::{parse_tick_interval, weekday_index};
use super::model::{Click, Gantt, TodayMarker};
use super::schedule::RawTask;
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

/// What the statements say, before scheduling.
pub(crate) struct Statements<'a> {
    pub gantt: Gantt,
    pub tasks: Vec<RawTask<'a>>,
    /// `tickInterval` as written (checked once `weekday` is known).
    pub tick: Option<&'a str>,
    /// `click` statements: the ids (slices, for errors) and the action.
    pub clicks: Vec<(&'a str, Click)>,
}

/// The keyword at the start of `line` (case-insensitive) and the text
/// after it, when the keyword is followed by a space or the line's end.
fn keyword<'a>(line: &'a str, kw: &str) -> Option<&'a str> {
    let head = line.get(..kw.len())?;
    if !head.eq_ignore_ascii_case(kw) {
        return None;
    }
    let rest = &line[kw.len()..];
    if rest.is_empty() || rest.starts_with([' ', '\t']) {
        Some(rest.trim())
    } else {
        None
    }
}

/// A keyword's value up to a `#` or `;` (as mermaid-js's lexer reads
/// `dateFormat`, `axisFormat`, `excludes`, …).
fn value(v: &str) -> &str {
    v.split(['#', ';']).next().unwrap_or("").trim()
}

/// Parse a gantt chart and schedule its tasks. `today` is the date used
/// where mermaid-js would use the current date (missing fields of a date
/// format, a first task without a start).
#[cfg(test)]
pub fn parse(pre: &Preamble<'_>, today: i64) -> Result<Gantt, ParseError> {
    let st = statements(pre)?;
    super::schedule::schedule(pre.source, st, today)
}

pub(crate) fn statements<'a>(pre: &Preamble<'a>) -> Result<Statements<'a>, ParseError> {
    let src = pre.source;
    let body = pre.body();
    crate::diagrams::budget::lines(src, body)?;
    let mut g = Gantt {
        date_format: "YYYY-MM-DD".into(),
        weekend_start: 6,
        week_start: 0,
        title: pre.title.clone(),
        compact: pre
            .display_mode
            .as_deref()
            .is_some_and(|d| d.trim() == "compact"),
        ..Gantt::default()
    };
    let mut st = Statements {
        gantt: Gantt::default(),
        tasks: Vec::new(),
        tick: None,
        clicks: Vec::new(),
    };
    // The keyword line: `gantt` and nothing else.
    let first = body.split('\n').next().unwrap_or("");
    let after = first[pre.keyword.len().min(first.len())..].trim();
    if !after.is_empty() && !after.starts_with("%%") {
        return Err(ParseError::at(
            src,
            after,
            "unexpected text after `gantt` (statements go on the following lines)",
        ));
    }
    let mut rest = &body[first.len()..];
    while !rest.is_empty() {
        let trimmed = rest.trim_start_matches(['\n', '\r', ' ', '\t']);
        if trimmed.is_empty() {
            break;
        }
        if let Some((acc, r)) = accessibility(src, trimmed)? {
            match acc {
                Accessibility::Title(t) => g.acc_title = Some(t),
                Accessibility::Description(t) => g.acc_descr = Some(t),
            }
            rest = r;
            continue;
        }
        let end = trimmed.find('\n').unwrap_or(trimmed.len());
        let raw_line = &trimmed[..end];
        rest = &trimmed[end..];
        // `%%` comments, whole-line or trailing (not `%%{…}%%` directives,
        // already read into the configuration).
        let line = match raw_line.find("%%") {
            Some(p) => &raw_line[..p],
            None => raw_line,
        }
        .trim_end();
        if line.trim().is_empty() {
            continue;
        }
        statement(src, line, &mut g, &mut st)?;
    }
    if let Some(t) = st.tick {
        g.tick_interval = parse_tick_interval(value(t), g.week_start);
    }
    st.gantt = g;
    Ok(st)
}

fn statement<'a>(
    src: &'a str,
    line: &'a str,
    g: &mut Gantt,
    st: &mut Statements<'a>,
) -> Result<(), ParseError> {
    if let Some(v) = keyword(line, "title") {
        g.title = Some(v.to_string()).filter(|t| !t.is_empty());
    } else if let Some(v) = keyword(line, "dateFormat") {
        let v = value(v);
        if v.is_empty() {
            return Err(ParseError::at(
                src,
                line,
                "`dateFormat` needs a format (for example `dateFormat YYYY-MM-DD`)",
            ));
        }
        g.date_format = v.to_string();
    } else if let Some(v) = keyword(line, "axisFormat") {
        g.axis_format = Some(value(v).to_string()).filter(|f| !f.is_empty());
    } else if let Some(v) = keyword(line, "tickInterval") {
        st.tick = Some(v);
    } else if let Some(v) = keyword(line, "excludes") {
        g.excludes.extend(list(value(v)));
    } else if let Some(v) = keyword(line, "includes") {
        g.includes.extend(list(value(v)));
    } else if let Some(v) = keyword(line, "todayMarker") {
        let v = v.split(';').next().unwrap_or("").trim();
        g.today_marker = if v == "off" {
            TodayMarker::Off
        } else if v.is_empty() {
            TodayMarker::Default
        } else {
            TodayMarker::Style(v.to_string())
        };
    } else if let Some(v) = keyword(line, "weekday") {
        let day = value(v);
        match weekday_index(day) {
            Some(d) => g.week_start = d,
            None => {
                return Err(ParseError::at(
                    src,
                    line,
                    format!("`weekday` expects a day name (monday … sunday), found `{day}`"),
                ))
            }
        }
    } else if let Some(v) = keyword(line, "weekend") {
        g.weekend_start = match value(v).to_ascii_lowercase().as_str() {
            "friday" => 5,
            "saturday" => 6,
            other => {
                return Err(ParseError::at(
                    src,
                    line,
                    format!("`weekend` expects `friday` or `saturday`, found `{other}`"),
                ))
            }
        };
    } else if keyword(line, "inclusiveEndDates").is_some_and(str::is_empty) {
        g.inclusive_end_dates = true;
    } else if keyword(line, "topAxis").is_some_and(str::is_empty) {
        g.top_axis = true;
    } else if let Some(v) = keyword(line, "displayMode") {
        g.compact = value(v.trim_start_matches(':')) == "compact";
    } else if let Some(v) = keyword(line, "section") {
        g.sections.push(v.to_string());
    } else if let Some(v) = keyword(line, "click") {
        click(src, line, v, st)?;
    } else if let Some(colon) = line.find(':') {
        let name = line[..colon].trim();
        let data = &line[colon + 1..];
        if name.is_empty() {
            return Err(ParseError::at(
                src,
                line,
                "a task needs a name before the `:` (expected `Task name : data`)",
            ));
        }
        if g.sections.is_empty() {
            // Tasks before any section form an unnamed first section.
            g.sections.push(String::new());
        }
        crate::diagrams::budget::nodes(src, line, st.tasks.len() + 1, "task")?;
        st.tasks.push(RawTask {
            name,
            data,
            section: g.sections.len() - 1,
        });
    } else {
        let word = line.split_whitespace().next().unwrap_or(line);
        return Err(ParseError::at(
            src,
            line.trim(),
            format!(
                "unexpected `{word}`: expected a task (`Task name : data`), `section`, `title`, \
                 `dateFormat`, `axisFormat`, `tickInterval`, `excludes`, `includes`, \
                 `todayMarker`, `weekday`, `weekend` or `click`"
            ),
        ));
    }
    Ok(())
}

/// `excludes` / `includes` items: separated by commas or spaces, lower-cased.
fn list(v: &str) -> impl Iterator<Item = String> + '_ {
    v.split([',', ' ', '\t'])
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_lowercase)
}

/// A quoted string at the start of `s`: its contents and the rest.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start().strip_prefix('"')?;
    let end = s.find('"')?;
    Some((&s[..end], &s[end + 1..]))
}

/// `click <id>[,<id>…] href "url"`, `click <id> call fn(args)` and both.
fn click<'a>(
    src: &'a str,
    line: &'a str,
    v: &'a str,
    st: &mut Statements<'a>,
) -> Result<(), ParseError> {
    let n = v.find([' ', '\t']).unwrap_or(v.len());
    let ids = &v[..n];
    let mut rest = v[n..].trim_start();
    let expected = "expected `click <id> href \"<url>\"` or `click <id> call <function>(<args>)`";
    if ids.is_empty() || rest.is_empty() {
        return Err(ParseError::at(src, line, expected));
    }
    while !rest.is_empty() {
        if let Some(r) = keyword(rest, "href").map(|_| rest[4..].trim_start()) {
            let Some((url, r)) = quoted(r) else {
                return Err(ParseError::at(
                    src,
                    rest,
                    format!("a quoted URL: {expected}"),
                ));
            };
            st.clicks.push((ids, Click::Href(url.to_string())));
            rest = r.trim_start();
        } else if let Some(r) = keyword(rest, "call").map(|_| rest[4..].trim_start()) {
            let open = r.find('(');
            let name_end = open.unwrap_or_else(|| r.find([' ', '\t']).unwrap_or(r.len()));
            let function = r[..name_end].trim();
            let (args, r) = match open {
                Some(o) => match r[o..].find(')') {
                    Some(c) => (&r[o + 1..o + c], &r[o + c + 1..]),
                    None => {
                        return Err(ParseError::at(
                            src,
                            &r[o..],
                            "unclosed `(` in `call` (expected `)`)",
                        ))
                    }
                },
                None => ("", &r[name_end..]),
            };
            if function.is_empty() {
                return Err(ParseError::at(src, rest, expected));
            }
            st.clicks.push((
                ids,
                Click::Call {
                    function: function.to_string(),
                    args: args.trim().to_string(),
                },
            ));
            rest = r.trim_start();
        } else {
            return Err(ParseError::at(src, rest, expected));
        }
    }
    Ok(())
}
