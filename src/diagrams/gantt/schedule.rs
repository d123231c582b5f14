//! Task lines → dates, as mermaid-js's gantt database computes them:
//! tags (`done`, `active`, `crit`, `milestone`, `vert`) first, then one to
//! three items: `[id,] [start,] end`. A start is a date in `dateFormat` or
//! `after id…` (the latest end of those tasks); a task with no start begins
//! where the previous task ends. An end is a date (the day after with
//! `inclusiveEndDates`), `until id…` (the earliest start of those tasks)
//! or a duration added to the start. Unless its end was a date, a task is
//! lengthened by every excluded day it covers.

use super::dates::{
    add_days, add_duration, format_date, parse_date, parse_duration, parse_iso_fallback, weekday,
    Millis,
};
use super::model::{Gantt, Task};
use super::parse::Statements;
use crate::syntax::ParseError;

/// One task line as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawTask<'a> {
    pub name: &'a str,
    /// Everything after the `:`.
    pub data: &'a str,
    pub section: usize,
}

#[derive(Debug, Clone)]
enum Start<'a> {
    Previous,
    After(Vec<&'a str>),
    At(Millis),
}

#[derive(Debug, Clone)]
enum End<'a> {
    Until(Vec<&'a str>),
    At(Millis),
    For(super::dates::Duration),
}

struct Prepared<'a> {
    id: String,
    start: Start<'a>,
    end: End<'a>,
    task: Task,
    /// Where the end item was written (for errors).
    end_text: &'a str,
}

const TAGS: [&str; 5] = ["active", "done", "crit", "milestone", "vert"];

/// A date in the chart's format, or mermaid-js's ISO fallback.
fn date(text: &str, g: &Gantt, today: Millis) -> Option<Millis> {
    parse_date(text, &g.date_format, today).or_else(|| parse_iso_fallback(text))
}

/// `after a b` / `until a b`: the ids (slices of the source).
fn ids_after<'a>(text: &'a str, kw: &str) -> Option<Vec<&'a str>> {
    let head = text.get(..kw.len())?;
    let rest = &text[kw.len()..];
    if !head.eq_ignore_ascii_case(kw) || !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.split_whitespace().collect())
}

fn prepare<'a>(
    src: &str,
    raw: &RawTask<'a>,
    g: &Gantt,
    today: Millis,
    auto: &mut usize,
) -> Result<Prepared<'a>, ParseError> {
    let mut items: Vec<&'a str> = raw.data.split(',').map(str::trim).collect();
    let mut task = Task {
        name: raw.name.to_string(),
        id: String::new(),
        section: raw.section,
        start: 0,
        end: 0,
        render_end: 0,
        done: false,
        active: false,
        crit: false,
        milestone: false,
        vert: false,
        clicks: Vec::new(),
    };
    while let Some(first) = items.first().filter(|f| TAGS.contains(f)) {
        match *first {
            "active" => task.active = true,
            "done" => task.done = true,
            "crit" => task.crit = true,
            "milestone" => task.milestone = true,
            _ => task.vert = true,
        }
        items.remove(0);
    }
    let whole = raw.data.trim();
    let at = |part: &'a str| -> &'a str {
        if part.is_empty() {
            whole
        } else {
            part
        }
    };
    let (id, start, end) = match items.as_slice() {
        [end] => (None, None, *end),
        [start, end] => (None, Some(*start), *end),
        [id, start, end] => (Some(*id), Some(*start), *end),
        _ => {
            return Err(ParseError::at(
                src,
                at(whole),
                format!(
                    "task `{}` has {} items: expected `[tags,] [id,] [start,] end` \
                     (for example `a1, 2014-01-01, 30d`)",
                    raw.name,
                    items.len()
                ),
            ))
        }
    };
    task.id = match id {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => {
            *auto += 1;
            format!("task{auto}")
        }
    };
    let start = match start {
        None => Start::Previous,
        Some(s) => {
            if let Some(ids) = ids_after(s, "after") {
                Start::After(ids)
            } else if let Some(t) = date(s, g, today) {
                Start::At(t)
            } else {
                return Err(ParseError::at(
                    src,
                    at(s),
                    format!(
                        "invalid start date `{s}` for task `{}`: expected a date in the format \
                         `{}` or `after <task id>`",
                        raw.name, g.date_format
                    ),
                ));
            }
        }
    };
    let end_v = if let Some(ids) = ids_after(end, "until") {
        End::Until(ids)
    } else if let Some(t) = date(end, g, today) {
        End::At(if g.inclusive_end_dates {
            add_days(t, 1)
        } else {
            t
        })
    } else if let Some(d) = parse_duration(end) {
        End::For(d)
    } else if end.bytes().all(|b| b.is_ascii_digit()) {
        // No end, or a number without a unit (`milestone, m1, 2024-01-01, 0`):
        // a task of no length, as mermaid-js reads it.
        End::For(super::dates::Duration {
            value: 0.0,
            unit: super::dates::Unit::Millisecond,
        })
    } else {
        return Err(ParseError::at(
            src,
            at(end),
            format!(
                "invalid end `{end}` for task `{}`: expected a date in the format `{}`, a \
                 duration (like `3d`, `12h`, `2w`, `30m`, `1M`) or `until <task id>`",
                raw.name, g.date_format
            ),
        ));
    };
    Ok(Prepared {
        id: task.id.clone(),
        start,
        end: end_v,
        task,
        end_text: at(end),
    })
}

/// True when `t` is an excluded day (and not explicitly included).
pub fn is_excluded(t: Millis, g: &Gantt) -> bool {
    let formatted = format_date(t, &g.date_format).to_ascii_lowercase();
    if g.includes.contains(&formatted) {
        return false;
    }
    let wd = weekday(t);
    if g.excludes.iter().any(|e| e == "weekends")
        && (wd == g.weekend_start || wd == (g.weekend_start + 1) % 7)
    {
        return true;
    }
    let name = format_date(t, "dddd").to_ascii_lowercase();
    g.excludes.iter().any(|e| *e == name || *e == formatted)
}

/// Lengthen `[start, end)` by the excluded days it covers; returns the new
/// end and where the bar is drawn to.
fn skip_excluded(start: Millis, end: Millis, g: &Gantt, budget: &mut u32) -> (Millis, Millis) {
    let mut day = add_days(start, 1);
    let mut end = end;
    let mut render_end = end;
    let mut invalid = false;
    while day <= end && *budget > 0 {
        *budget -= 1;
        if !invalid {
            render_end = end;
        }
        invalid = is_excluded(day, g);
        if invalid {
            end = add_days(end, 1);
        }
        day = add_days(day, 1);
    }
    (end, render_end)
}

/// Schedule every task (in as many passes as `after` / `until` chains
/// need) and attach the `click` actions.
pub(crate) fn schedule(src: &str, st: Statements<'_>, today: Millis) -> Result<Gantt, ParseError> {
    let mut g = st.gantt;
    let mut auto = 0;
    let mut prepared = Vec::with_capacity(st.tasks.len());
    for raw in &st.tasks {
        prepared.push(prepare(src, raw, &g, today, &mut auto)?);
    }
    // Every id named by `after` / `until` must exist.
    let known = |id: &str| prepared.iter().any(|p| p.id == id);
    for p in &prepared {
        let named = match (&p.start, &p.end) {
            (Start::After(a), End::Until(u)) => a.iter().chain(u.iter()).collect::<Vec<_>>(),
            (Start::After(a), _) => a.iter().collect(),
            (_, End::Until(u)) => u.iter().collect(),
            _ => continue,
        };
        for id in named {
            if !known(id) {
                return Err(ParseError::at(
                    src,
                    id,
                    format!("unknown task id `{id}` (no task has this id)"),
                ));
            }
        }
    }
    let n = prepared.len();
    let mut done: Vec<Option<(Millis, Millis)>> = vec![None; n];
    let mut render_ends: Vec<Millis> = vec![0; n];
    let mut budget = 2_000_000u32;
    let manual = |e: &End<'_>| matches!(e, End::At(_));
    loop {
        let mut progressed = false;
        for i in 0..n {
            if done[i].is_some() {
                continue;
            }
            let p = &prepared[i];
            let find = |id: &str| -> Option<Option<(Millis, Millis)>> {
                let k = prepared.iter().position(|q| q.id == id)?;
                Some(done[k])
            };
            let start = match &p.start {
                Start::At(t) => Some(*t),
                Start::Previous if i == 0 => Some(today),
                Start::Previous => done[i - 1].map(|d| d.1),
                Start::After(ids) => {
                    let ends: Option<Vec<Millis>> = ids
                        .iter()
                        .filter_map(|id| find(id))
                        .map(|d| d.map(|d| d.1))
                        .collect();
                    ends.and_then(|e| e.into_iter().max())
                }
            };
            let Some(start) = start else { continue };
            let end = match &p.end {
                End::At(t) => Some(*t),
                End::For(d) => match add_duration(start, *d) {
                    Some(t) => Some(t),
                    None => {
                        return Err(ParseError::at(
                            src,
                            p.end_text,
                            "this duration takes the task past the dates this chart can show",
                        ))
                    }
                },
                End::Until(ids) => {
                    let starts: Option<Vec<Millis>> = ids
                        .iter()
                        .filter_map(|id| find(id))
                        .map(|d| d.map(|d| d.0))
                        .collect();
                    starts.and_then(|s| s.into_iter().min())
                }
            };
            let Some(end) = end else { continue };
            let end = end.max(start);
            let (end, render_end) = if !g.excludes.is_empty() && !manual(&p.end) {
                skip_excluded(start, end, &g, &mut budget)
            } else {
                (end, end)
            };
            done[i] = Some((start, end));
            render_ends[i] = render_end;
            progressed = true;
        }
        if done.iter().all(Option::is_some) {
            break;
        }
        if !progressed {
            let i = done.iter().position(Option::is_none).unwrap_or(0);
            let p = &prepared[i];
            return Err(ParseError::at(
                src,
                st.tasks[i].data.trim(),
                format!(
                    "task `{}` depends on itself through `after` / `until` (a cycle)",
                    p.task.name
                ),
            ));
        }
    }
    for ((p, d), render_end) in prepared.into_iter().zip(done).zip(render_ends) {
        let (start, end) = d.unwrap_or((today, today));
        let mut t = p.task;
        t.start = start;
        t.end = end;
        t.render_end = render_end;
        g.tasks.push(t);
    }
    for (ids, action) in st.clicks {
        for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match g.tasks.iter_mut().find(|t| t.id == id) {
                Some(t) => t.clicks.push(action.clone()),
                None => {
                    let part = ids.find(id).map_or(ids, |p| &ids[p..p + id.len()]);
                    return Err(ParseError::at(
                        src,
                        part,
                        format!("`click` names an unknown task id `{id}`"),
                    ));
                }
            }
        }
    }
    Ok(g)
}
