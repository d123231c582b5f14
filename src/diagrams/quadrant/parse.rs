//! Quadrant chart source → [`Quadrant`].
//!
//! Grammar (Mermaid 11; keywords are case-insensitive):
//!
//! ```text
//! quadrantChart
//! title text
//! x-axis text [--> [text]]        y-axis text [--> [text]]
//! quadrant-1 … quadrant-4 text
//! Name[:::class]: [x, y] [style, …]      (x, y in 0..1)
//! classDef name style, …                 style := radius: n | color: #hex
//!                                                 | stroke-color: #hex | stroke-width: npx
//! accTitle: … | accDescr: … | accDescr { … }
//! ```
//!
//! A text is a `"quoted string"`, a ``"`markdown string`"`` or plain words.
//! `x-axis Low -->` (nothing after the arrow) writes `Low ⟶`. `%%`
//! comments and `%%{…}%%` directives are skipped; `;` also ends a
//! statement (except in titles).

use super::model::{Point, PointStyle, Quadrant};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

const EXPECTED: &str = "expected `title`, `x-axis`, `y-axis`, `quadrant-1` … `quadrant-4`, `classDef` or a point (`Name: [0.3, 0.6]`)";

/// Parse a quadrant chart.
pub fn parse(pre: &Preamble<'_>) -> Result<Quadrant, ParseError> {
    let source = pre.source;
    let body = pre.body();
    let mut q = Quadrant {
        title: pre.title.clone(),
        ..Quadrant::default()
    };
    let mut rest = body.get(pre.keyword.len()..).unwrap_or("");
    loop {
        let t = rest.trim_start_matches([' ', '\t', '\r', ';']);
        if let Some(r) = t.strip_prefix('\n') {
            rest = r;
            continue;
        }
        if t.is_empty() {
            break;
        }
        if let Some(d) = t.strip_prefix("%%{") {
            rest = match d.find("}%%") {
                Some(p) => &d[p + 3..],
                None => after_line(d),
            };
            continue;
        }
        if t.starts_with("%%") {
            rest = after_line(t);
            continue;
        }
        if let Some((acc, r)) = accessibility(source, t)? {
            match acc {
                Accessibility::Title(s) => q.acc_title = Some(s),
                Accessibility::Description(s) => q.acc_descr = Some(s),
            }
            rest = r;
            continue;
        }
        let line = line_of(t);
        if let Some(r) = keyword(line, "title") {
            q.title = Some(strip_comment(r).trim().to_string());
            rest = after_line(t);
            continue;
        }
        // Other statements end at `;` too.
        let stmt = match line.find(';') {
            Some(p) if !in_quotes(line, p) => &line[..p],
            _ => line,
        };
        statement(source, strip_comment(stmt).trim_end(), &mut q)?;
        rest = &t[stmt.len()..];
    }
    Ok(q)
}

fn line_of(i: &str) -> &str {
    let n = i.find('\n').unwrap_or(i.len());
    i[..n].trim_end_matches('\r')
}

fn after_line(i: &str) -> &str {
    match i.find('\n') {
        Some(p) => &i[p + 1..],
        None => "",
    }
}

/// True when byte `at` of `s` is inside a `"…"` string.
fn in_quotes(s: &str, at: usize) -> bool {
    s[..at].matches('"').count() % 2 == 1
}

/// Text before a `%%` comment outside quotes.
fn strip_comment(s: &str) -> &str {
    let mut from = 0;
    while let Some(p) = s[from..].find("%%") {
        let at = from + p;
        if !in_quotes(s, at) {
            return &s[..at];
        }
        from = at + 2;
    }
    s
}

/// The rest of `line` after the case-insensitive keyword `kw` when it is
/// followed by a blank or the end of the line.
fn keyword<'a>(line: &'a str, kw: &str) -> Option<&'a str> {
    let head = line.get(..kw.len())?;
    if !head.eq_ignore_ascii_case(kw) {
        return None;
    }
    let r = &line[kw.len()..];
    (r.is_empty() || r.starts_with([' ', '\t'])).then_some(r)
}

/// A text: a quoted (or markdown-quoted) string or plain words.
fn text(raw: &str) -> String {
    let t = raw.trim();
    let unq = t
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .map(|s| {
            s.strip_prefix('`')
                .and_then(|x| x.strip_suffix('`'))
                .unwrap_or(s)
        });
    unq.unwrap_or(t).trim().to_string()
}

fn first_word(s: &str) -> &str {
    let n = s.find([' ', '\t']).filter(|&n| n > 0).unwrap_or(s.len());
    &s[..n]
}

/// Split an axis text at its `-->` arrow (two or more dashes).
fn axis(source: &str, r: &str, what: &str) -> Result<(String, Option<String>), ParseError> {
    let mut search = 0;
    while let Some(p) = r[search..].find("--") {
        let at = search + p;
        if in_quotes(r, at) {
            search = at + 2;
            continue;
        }
        let dashes = r[at..].len() - r[at..].trim_start_matches('-').len();
        if r[at + dashes..].starts_with('>') {
            let left = text(&r[..at]);
            let right = text(&r[at + dashes + 1..]);
            if left.is_empty() {
                return Err(ParseError::at(
                    source,
                    &r[at..at + dashes + 1],
                    format!("`{what}` needs a label before `-->`"),
                ));
            }
            return Ok(if right.is_empty() {
                (format!("{left} ⟶ "), None)
            } else {
                (left, Some(right))
            });
        }
        search = at + dashes;
    }
    Ok((text(r), None))
}

fn statement(source: &str, line: &str, q: &mut Quadrant) -> Result<(), ParseError> {
    if let Some(r) = keyword(line, "x-axis") {
        let (l, rt) = axis(source, r, "x-axis")?;
        if l.is_empty() {
            return Err(ParseError::at(
                source,
                line,
                "`x-axis` needs a label (`x-axis Low --> High`)",
            ));
        }
        q.x_left = l;
        q.x_right = rt.unwrap_or_default();
        return Ok(());
    }
    if let Some(r) = keyword(line, "y-axis") {
        let (b, t) = axis(source, r, "y-axis")?;
        if b.is_empty() {
            return Err(ParseError::at(
                source,
                line,
                "`y-axis` needs a label (`y-axis Low --> High`)",
            ));
        }
        q.y_bottom = b;
        q.y_top = t.unwrap_or_default();
        return Ok(());
    }
    for n in 1..=4 {
        if let Some(r) = keyword(line, &format!("quadrant-{n}")) {
            let t = text(r);
            if t.is_empty() {
                return Err(ParseError::at(
                    source,
                    line,
                    format!("`quadrant-{n}` needs a label"),
                ));
            }
            q.quadrants[n - 1] = t;
            return Ok(());
        }
    }
    if let Some(r) = keyword(line, "classDef") {
        let r = r.trim_start();
        let name = first_word(r);
        if name.is_empty() {
            return Err(ParseError::at(
                source,
                line,
                "`classDef` needs a class name and styles (`classDef hot color: #ff0000`)",
            ));
        }
        let style = styles(source, &r[name.len()..])?;
        q.classes.push((name.to_string(), style));
        return Ok(());
    }
    point(source, line, q)
}

/// `Name[:::class]: [x, y] styles`.
fn point(source: &str, line: &str, q: &mut Quadrant) -> Result<(), ParseError> {
    // The `:` that opens the coordinates (`: [`), outside quotes.
    let mut colon = None;
    for (p, c) in line.char_indices() {
        if c == ':' && !in_quotes(line, p) && line[p + 1..].trim_start().starts_with('[') {
            colon = Some(p);
            break;
        }
    }
    let Some(colon) = colon else {
        let w = first_word(line);
        return Err(ParseError::at(
            source,
            w,
            format!("unexpected `{w}`: {EXPECTED}"),
        ));
    };
    let head = &line[..colon];
    let (name_raw, class) = match head.find(":::") {
        Some(p) if !in_quotes(head, p) => (&head[..p], Some(head[p + 3..].trim())),
        _ => (head, None),
    };
    if let Some(c) = class {
        if c.is_empty()
            || !c
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            let at = if c.is_empty() { &head[head.len()..] } else { c };
            return Err(ParseError::at(
                source,
                at,
                "expected a class name after `:::`",
            ));
        }
    }
    let name = text(name_raw);
    if name.is_empty() {
        return Err(ParseError::at(
            source,
            &line[..colon + 1],
            "a point needs a name before `:` (`Name: [0.3, 0.6]`)",
        ));
    }
    let after = line[colon + 1..].trim_start();
    let inner = &after[1..];
    let Some(close) = inner.find(']') else {
        return Err(ParseError::at(
            source,
            &after[..1],
            "unclosed `[`: expected `[x, y]`",
        ));
    };
    let coords = &inner[..close];
    let parts: Vec<&str> = coords.split(',').collect();
    if parts.len() != 2 {
        return Err(ParseError::at(
            source,
            &after[..close + 2],
            format!("expected two coordinates `[x, y]` for the point \"{name}\""),
        ));
    }
    let mut xy = [0.0; 2];
    for (k, part) in parts.iter().enumerate() {
        let t = part.trim();
        let at = if t.is_empty() { *part } else { t };
        let v: f64 = match t.parse::<f64>() {
            Ok(v) if v.is_finite() && !t.contains(['e', 'E', 'i', 'n', 'N']) => v,
            _ => {
                return Err(ParseError::at(
                    source,
                    at,
                    format!(
                        "expected a number from 0 to 1 for the {} of \"{name}\"",
                        ["x", "y"][k]
                    ),
                ))
            }
        };
        if !(0.0..=1.0).contains(&v) {
            return Err(ParseError::at(
                source,
                at,
                format!(
                    "the {} of \"{name}\" is {t}: coordinates must be from 0 to 1",
                    ["x", "y"][k]
                ),
            ));
        }
        xy[k] = v;
    }
    let style = styles(source, &inner[close + 1..])?;
    crate::diagrams::budget::nodes(source, inner, q.points.len() + 1, "point")?;
    q.points.push(Point {
        name,
        x: xy[0],
        y: xy[1],
        class: class.map(str::to_string),
        style,
    });
    Ok(())
}

/// `key: value, …` point styles.
fn styles(source: &str, s: &str) -> Result<PointStyle, ParseError> {
    let mut st = PointStyle::default();
    if s.trim().is_empty() {
        return Ok(st);
    }
    for part in s.split(',') {
        let item = part.trim();
        if item.is_empty() {
            return Err(ParseError::at(
                source,
                part,
                "empty style: expected `key: value`",
            ));
        }
        let Some((k, v)) = item.split_once(':') else {
            return Err(ParseError::at(
                source,
                item,
                format!("expected `key: value` in the style `{item}` (radius, color, stroke-color or stroke-width)"),
            ));
        };
        let (k, v) = (k.trim(), v.trim());
        let bad = |what: &str| {
            let at = if v.is_empty() { item } else { v };
            Err(ParseError::at(
                source,
                at,
                format!("value for {k} `{v}` is invalid: expected {what}"),
            ))
        };
        match k {
            "radius" => match v.parse::<u32>() {
                Ok(r) if v.chars().all(|c| c.is_ascii_digit()) => st.radius = Some(f64::from(r)),
                _ => return bad("a whole number (e.g. `10`)"),
            },
            "color" | "stroke-color" => {
                let h = v.strip_prefix('#').unwrap_or(v);
                if !(h.len() == 3 || h.len() == 6) || !h.chars().all(|c| c.is_ascii_hexdigit()) {
                    return bad("a hex colour (e.g. `#ff0000`)");
                }
                let c = format!("#{h}");
                if k == "color" {
                    st.color = Some(c);
                } else {
                    st.stroke_color = Some(c);
                }
            }
            "stroke-width" => match v.strip_suffix("px").and_then(|n| n.parse::<u32>().ok()) {
                Some(w) if v[..v.len() - 2].chars().all(|c| c.is_ascii_digit()) => {
                    st.stroke_width = Some(f64::from(w))
                }
                _ => return bad("a number of pixels (e.g. `10px`)"),
            },
            _ => {
                return Err(ParseError::at(
                    source,
                    k,
                    format!("style named `{k}` is not supported (expected radius, color, stroke-color or stroke-width)"),
                ))
            }
        }
    }
    Ok(st)
}
