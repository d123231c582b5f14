//! Radar chart source → [`Radar`].
//!
//! Grammar (Mermaid 11, `radar-beta`):
//!
//! ```text
//! radar-beta[:]
//! title text | accTitle: text | accDescr: text | accDescr { … }
//! axis id["Label"], id2, …                        (several lines add up)
//! curve id["Label"]{1, 2, 3}, id2{…}              (values by position)
//! curve id{ axisId: 1, axisId2 2, … }             (values by axis; may span lines)
//! showLegend true|false | ticks n | max n | min n | graticule circle|polygon
//! ```
//!
//! Options may be separated by commas. `%%` comments are skipped.

use super::model::{Axis, Curve, Graticule, Radar};
use crate::syntax::preamble::{accessibility, Accessibility};
use crate::syntax::{ParseError, Preamble};

const EXPECTED: &str =
    "expected `axis`, `curve`, `title`, `showLegend`, `ticks`, `max`, `min` or `graticule`";

struct P<'a> {
    source: &'a str,
    rest: &'a str,
}

fn is_id(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

impl<'a> P<'a> {
    fn err(&self, at: &str, msg: impl Into<String>) -> ParseError {
        let at = if at.is_empty() {
            // The end of the current line (or of the input).
            let n = self.rest.find('\n').unwrap_or(self.rest.len());
            &self.rest[n..n]
        } else {
            at
        };
        ParseError::at(self.source, at, msg)
    }

    /// Skip blanks and a `%%` comment, not newlines.
    fn blanks(&mut self) {
        self.rest = self.rest.trim_start_matches([' ', '\t', '\r']);
        if self.rest.starts_with("%%") && !self.rest.starts_with("%%{") {
            let n = self.rest.find('\n').unwrap_or(self.rest.len());
            self.rest = &self.rest[n..];
        }
    }

    /// Skip blanks, comments and newlines.
    fn space(&mut self) {
        loop {
            self.blanks();
            if let Some(r) = self.rest.strip_prefix('\n') {
                self.rest = r;
            } else if let Some(d) = self.rest.strip_prefix("%%{") {
                self.rest = match d.find("}%%") {
                    Some(p) => &d[p + 3..],
                    None => "",
                };
            } else {
                return;
            }
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.blanks();
        match self.rest.strip_prefix(c) {
            Some(r) => {
                self.rest = r;
                true
            }
            None => false,
        }
    }

    /// The next token, for messages.
    fn token(&self) -> &'a str {
        let r = self.rest.trim_start_matches([' ', '\t', '\r']);
        let n = r
            .find(|c: char| c.is_whitespace() || ",{}[]:".contains(c))
            .unwrap_or(r.len());
        let n = if n == 0 {
            r.chars().next().map_or(0, char::len_utf8)
        } else {
            n
        };
        &r[..n]
    }

    fn describe(&self) -> String {
        let t = self.token();
        if t.is_empty() || t == "\n" {
            "the end of the line".into()
        } else {
            format!("`{t}`")
        }
    }

    fn id(&mut self, what: &str) -> Result<&'a str, ParseError> {
        self.blanks();
        let n = self
            .rest
            .find(|c: char| !is_id(c))
            .unwrap_or(self.rest.len());
        if n == 0 {
            return Err(self.err(
                self.token(),
                format!("expected {what}, found {}", self.describe()),
            ));
        }
        let (id, r) = self.rest.split_at(n);
        self.rest = r;
        Ok(id)
    }

    /// Optional `["Label"]`.
    fn label(&mut self) -> Result<Option<String>, ParseError> {
        self.blanks();
        let Some(r) = self.rest.strip_prefix('[') else {
            return Ok(None);
        };
        let open = &self.rest[..1];
        let r = r.trim_start_matches([' ', '\t']);
        let q = match r.chars().next() {
            Some(c @ ('"' | '\'')) => c,
            _ => return Err(self.err(open, "expected a quoted label after `[` (`[\"Label\"]`)")),
        };
        let body = &r[1..];
        let Some(end) = body.find(q) else {
            return Err(self.err(open, format!("unclosed label: missing the closing `{q}`")));
        };
        let text = body[..end].to_string();
        self.rest = &body[end + 1..];
        if !self.eat(']') {
            return Err(self.err(
                self.token(),
                format!("expected `]` after the label, found {}", self.describe()),
            ));
        }
        Ok(Some(text))
    }

    fn number(&mut self, what: &str) -> Result<(f64, &'a str), ParseError> {
        self.blanks();
        let r = self.rest;
        let mut n = usize::from(r.starts_with('-'));
        let digits = r[n..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(r.len() - n);
        n += digits;
        if digits > 0 && r[n..].starts_with('.') {
            let frac = r[n + 1..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(r.len() - n - 1);
            if frac > 0 {
                n += 1 + frac;
            }
        }
        let text = &r[..n];
        match text.parse::<f64>() {
            Ok(v) if digits > 0 && v.is_finite() => {
                self.rest = &r[n..];
                Ok((v, text))
            }
            _ => Err(self.err(
                self.token(),
                format!("expected a number for {what}, found {}", self.describe()),
            )),
        }
    }

    /// After a statement: only blanks, a comment or the end of the line.
    fn end_of_statement(&mut self) -> Result<(), ParseError> {
        self.blanks();
        if self.rest.is_empty() || self.rest.starts_with('\n') {
            Ok(())
        } else {
            Err(self.err(
                self.token(),
                format!(
                    "unexpected {} (expected the end of the line)",
                    self.describe()
                ),
            ))
        }
    }
}

/// The rest of the line after `kw` when `line` starts with it as a word.
fn keyword<'a>(line: &'a str, kw: &str) -> Option<&'a str> {
    let r = line.strip_prefix(kw)?;
    (!r.starts_with(is_id)).then_some(r)
}

/// Parse a radar chart.
pub fn parse(pre: &Preamble<'_>) -> Result<Radar, ParseError> {
    let mut radar = Radar {
        title: pre.title.clone(),
        ..Radar::default()
    };
    let body = pre.body();
    let mut p = P {
        source: pre.source,
        rest: body.get(pre.keyword.len()..).unwrap_or(""),
    };
    p.eat(':');
    p.end_of_statement()?;
    loop {
        p.space();
        if p.rest.is_empty() {
            break;
        }
        if let Some((acc, r)) = accessibility(p.source, p.rest)? {
            match acc {
                Accessibility::Title(s) => radar.acc_title = Some(s),
                Accessibility::Description(s) => radar.acc_descr = Some(s),
            }
            p.rest = r;
            continue;
        }
        if let Some(r) = keyword(p.rest, "title") {
            let n = r.find('\n').unwrap_or(r.len());
            let line = &r[..n];
            let line = line.find("%%").map_or(line, |c| &line[..c]);
            radar.title = Some(line.trim().to_string());
            p.rest = &r[n..];
            continue;
        }
        if let Some(r) = keyword(p.rest, "axis") {
            p.rest = r;
            loop {
                let id = p.id("an axis name")?;
                let label = p.label()?.unwrap_or_else(|| id.to_string());
                if radar.axes.iter().any(|a| a.id == id) {
                    return Err(p.err(id, format!("the axis `{id}` is defined twice")));
                }
                crate::diagrams::budget::nodes(p.source, id, radar.axes.len() + 1, "axis")?;
                radar.axes.push(Axis {
                    id: id.to_string(),
                    label,
                });
                if !p.eat(',') {
                    break;
                }
            }
            p.end_of_statement()?;
            continue;
        }
        if let Some(r) = keyword(p.rest, "curve") {
            p.rest = r;
            loop {
                let at = p.rest;
                let c = curve(&mut p, &radar.axes)?;
                crate::diagrams::budget::nodes(
                    p.source,
                    at.get(..1).unwrap_or(at),
                    radar.curves.len() + 1,
                    "curve",
                )?;
                radar.curves.push(c);
                if !p.eat(',') {
                    break;
                }
            }
            p.end_of_statement()?;
            continue;
        }
        loop {
            option(&mut p, &mut radar)?;
            if !p.eat(',') {
                break;
            }
        }
        p.end_of_statement()?;
    }
    Ok(radar)
}

/// `id["Label"]{entries}`.
fn curve(p: &mut P<'_>, axes: &[Axis]) -> Result<Curve, ParseError> {
    let id = p.id("a curve name")?;
    let label = p.label()?.unwrap_or_else(|| id.to_string());
    if !p.eat('{') {
        return Err(p.err(
            p.token(),
            format!(
                "expected `{{` and the values of the curve `{id}`, found {}",
                p.describe()
            ),
        ));
    }
    let open = p.source.len() - p.rest.len() - 1;
    let open_at = &p.source[open..open + 1];
    let mut by_position = Vec::new();
    let mut by_axis: Vec<(&str, f64)> = Vec::new();
    loop {
        p.space();
        if p.rest.is_empty() {
            return Err(p.err(
                open_at,
                format!("unclosed `{{` in the curve `{id}` (expected `}}`)"),
            ));
        }
        let named = p.rest.starts_with(|c: char| c.is_alphabetic() || c == '_');
        if named {
            if !by_position.is_empty() {
                return Err(p.err(
                    p.token(),
                    "a curve's values are either all by position or all by axis name",
                ));
            }
            let axis = p.id("an axis name")?;
            p.eat(':');
            let (v, _) = p.number(&format!("the axis `{axis}`"))?;
            if !axes.iter().any(|a| a.id == axis) {
                return Err(p.err(axis, format!("unknown axis `{axis}` in the curve `{id}` (define it first with `axis {axis}`)")));
            }
            by_axis.push((axis, v));
        } else {
            if !by_axis.is_empty() {
                return Err(p.err(
                    p.token(),
                    "a curve's values are either all by position or all by axis name",
                ));
            }
            let (v, _) = p.number(&format!("the curve `{id}`"))?;
            by_position.push(v);
        }
        p.space();
        if p.eat('}') {
            break;
        }
        if !p.eat(',') {
            return Err(p.err(
                p.token(),
                format!(
                    "expected `,` or `}}` in the curve `{id}`, found {}",
                    p.describe()
                ),
            ));
        }
    }
    let values = if by_axis.is_empty() {
        by_position
    } else {
        let mut v = Vec::with_capacity(axes.len());
        for a in axes {
            match by_axis.iter().find(|(n, _)| *n == a.id) {
                Some((_, x)) => v.push(*x),
                None => {
                    return Err(p.err(
                        id,
                        format!("the curve `{id}` has no value for the axis `{}`", a.id),
                    ))
                }
            }
        }
        v
    };
    Ok(Curve {
        id: id.to_string(),
        label,
        values,
    })
}

/// `showLegend true|false`, `ticks n`, `max n`, `min n`, `graticule circle|polygon`.
fn option(p: &mut P<'_>, radar: &mut Radar) -> Result<(), ParseError> {
    p.blanks();
    let name = p.token();
    let word_end = p.rest.find(|c: char| !is_id(c)).unwrap_or(p.rest.len());
    if word_end == 0 {
        return Err(p.err(name, format!("unexpected {}: {EXPECTED}", p.describe())));
    }
    let word = &p.rest[..word_end];
    p.rest = &p.rest[word_end..];
    match word {
        "showLegend" => {
            let v = p.id("`true` or `false`")?;
            radar.show_legend = match v {
                "true" => true,
                "false" => false,
                _ => {
                    return Err(p.err(
                        v,
                        format!("expected `true` or `false` after `showLegend`, found `{v}`"),
                    ))
                }
            };
        }
        "ticks" => {
            let (v, t) = p.number("`ticks`")?;
            if v.fract() != 0.0 || !(0.0..=1000.0).contains(&v) {
                return Err(p.err(t, "`ticks` must be a whole number from 0 to 1000"));
            }
            radar.ticks = v as u32;
        }
        "max" => radar.max = Some(p.number("`max`")?.0),
        "min" => radar.min = p.number("`min`")?.0,
        "graticule" => {
            let v = p.id("`circle` or `polygon`")?;
            radar.graticule = match v {
                "circle" => Graticule::Circle,
                "polygon" => Graticule::Polygon,
                _ => {
                    return Err(p.err(
                        v,
                        format!("expected `circle` or `polygon` after `graticule`, found `{v}`"),
                    ))
                }
            };
        }
        _ => return Err(p.err(word, format!("unexpected `{word}`: {EXPECTED}"))),
    }
    Ok(())
}
