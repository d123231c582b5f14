//! Journey source → [`Journey`], line by line: `title`, `section`,
//! `Task name: score: Actor, Actor`, accessibility lines, `%%` comments.

use super::model::{Journey, Task};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

fn keyword<'a>(line: &'a str, kw: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(kw)?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

pub fn parse(pre: &Preamble<'_>) -> Result<Journey, ParseError> {
    let src = pre.source;
    let body = pre.body();
    let mut j = Journey {
        title: pre.title.clone(),
        ..Journey::default()
    };
    let first = body.split('\n').next().unwrap_or("");
    let after = first[pre.keyword.len().min(first.len())..].trim();
    let after = after.split("%%").next().unwrap_or("").trim();
    if !after.is_empty() && after != ":" {
        return Err(ParseError::at(
            src,
            after,
            format!("unexpected `{after}` after `journey` (statements go on the following lines)"),
        ));
    }
    crate::diagrams::budget::lines(src, body)?;
    let mut rest = &body[first.len()..];
    while !rest.is_empty() {
        let trimmed = rest.trim_start_matches(['\n', '\r', ' ', '\t']);
        if trimmed.is_empty() {
            break;
        }
        if let Some((acc, r)) = accessibility(src, trimmed)? {
            match acc {
                Accessibility::Title(s) => j.acc_title = Some(s),
                Accessibility::Description(s) => j.acc_descr = Some(s),
            }
            rest = r;
            continue;
        }
        let end = trimmed.find('\n').unwrap_or(trimmed.len());
        let raw = &trimmed[..end];
        rest = &trimmed[end..];
        let line = match raw.find("%%") {
            Some(p) => &raw[..p],
            None => raw,
        }
        .trim();
        if line.is_empty() {
            continue;
        }
        if let Some(v) = keyword(line, "title") {
            j.title = Some(v.to_string()).filter(|s| !s.is_empty());
        } else if let Some(v) = keyword(line, "section") {
            if v.is_empty() {
                return Err(ParseError::at(src, line, "`section` needs a name"));
            }
            j.sections.push(v.to_string());
        } else if let Some((name, data)) = line.split_once(':') {
            let name = name.trim();
            if name.is_empty() {
                return Err(ParseError::at(
                    src,
                    line,
                    "a task needs a name before the `:` (expected `Task name: score: actors`)",
                ));
            }
            let (score_text, actors) = match data.split_once(':') {
                Some((s, a)) => (s, a),
                None => (data, ""),
            };
            let st = score_text.trim();
            // The leading number (`5`, `4.5`; `2rem` reads as 2).
            let n = st
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .unwrap_or(st.len());
            let score: f64 = match st[..n].parse::<f64>() {
                Ok(v) if v.is_finite() => v,
                _ => {
                    let part = if st.is_empty() { line } else { st };
                    return Err(ParseError::at(
                        src,
                        part,
                        format!(
                            "task `{name}` needs a score from 1 to 5 after the `:`, found `{st}` \
                             (expected `Task name: score: actors`)"
                        ),
                    ));
                }
            };
            let actors = actors
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            crate::diagrams::budget::nodes(src, line, j.tasks.len() + 1, "task")?;
            j.tasks.push(Task {
                name: name.to_string(),
                score,
                actors,
                section: j.sections.len().checked_sub(1),
            });
        } else {
            let word = line.split_whitespace().next().unwrap_or(line);
            return Err(ParseError::at(
                src,
                line,
                format!(
                    "unexpected `{word}`: expected `title`, `section` or a task \
                     (`Task name: score: actors`)"
                ),
            ));
        }
    }
    Ok(j)
}
