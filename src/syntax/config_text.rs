//! Configuration text to [`Value`]: the JSON of `%%{init: …}%%` directives
//! (JSON5-ish: single or double quotes, bare keys, trailing commas) and the
//! YAML subset of front matter (nested maps by indentation, scalars, quoted
//! strings, `- item` lists, `|`/`>` block strings, and flow `{…}`/`[…]`
//! values read as JSON).
//!
//! Errors carry a byte offset into the text given and a message; callers
//! turn them into located parse errors.

use crate::config::Value;

/// Deepest nesting of objects/arrays (or YAML blocks) accepted.
pub(crate) const MAX_DEPTH: usize = 64;

/// A config syntax error: byte offset into the parsed text and a message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ConfigError {
    pub at: usize,
    pub message: String,
}

fn err<T>(at: usize, message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError {
        at,
        message: message.into(),
    })
}

// ------------------------------------------------------------------ JSON5-ish

/// Parse one JSON5-ish value at the start of `s` (after optional
/// whitespace); returns it and the number of bytes consumed.
pub(crate) fn parse_json(s: &str) -> Result<(Value, usize), ConfigError> {
    let mut p = Json { s, pos: 0 };
    let v = p.value(0)?;
    Ok((v, p.pos))
}

struct Json<'a> {
    s: &'a str,
    pos: usize,
}

impl Json<'_> {
    fn rest(&self) -> &str {
        &self.s[self.pos..]
    }

    fn ws(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn value(&mut self, depth: usize) -> Result<Value, ConfigError> {
        if depth > MAX_DEPTH {
            return err(
                self.pos,
                format!("configuration nested more than {MAX_DEPTH} levels"),
            );
        }
        self.ws();
        match self.peek() {
            Some('{') => self.object(depth),
            Some('[') => self.array(depth),
            Some(q @ ('"' | '\'')) => Ok(Value::String(self.string(q)?)),
            Some(_) => self.bare(),
            None => err(
                self.pos,
                "expected a value, found the end of the configuration",
            ),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ConfigError> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some('}') => {
                    self.pos += 1;
                    return Ok(Value::Object(items));
                }
                None => return err(open, "unclosed `{` in the configuration (expected `}`)"),
                _ => {}
            }
            let key = match self.peek() {
                Some(q @ ('"' | '\'')) => self.string(q)?,
                _ => {
                    let r = self.rest();
                    let n = r
                        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '-'))
                        .unwrap_or(r.len());
                    if n == 0 {
                        return err(self.pos, "expected a key or `}` in the configuration");
                    }
                    let k = r[..n].to_string();
                    self.pos += n;
                    k
                }
            };
            self.ws();
            if self.peek() != Some(':') {
                return err(self.pos, format!("expected `:` after the key `{key}`"));
            }
            self.pos += 1;
            let v = self.value(depth + 1)?;
            items.push((key, v));
            self.ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') => {}
                _ => return err(self.pos, "expected `,` or `}` in the configuration object"),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ConfigError> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return err(open, "unclosed `[` in the configuration (expected `]`)"),
                _ => {}
            }
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {}
                _ => return err(self.pos, "expected `,` or `]` in the configuration list"),
            }
        }
    }

    /// A quoted string with JSON escapes; `q` is the quote character.
    fn string(&mut self, q: char) -> Result<String, ConfigError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((p, c)) = chars.next() {
            if c == q {
                self.pos += p + 1;
                return Ok(out);
            }
            if c == '\\' {
                match chars.next().map(|(_, e)| e) {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).map(|(_, h)| h).collect();
                        let ch = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                        out.push(ch.unwrap_or('\u{fffd}'));
                    }
                    Some(e) => out.push(e),
                    None => break,
                }
            } else {
                out.push(c);
            }
        }
        err(
            open,
            format!("unclosed string in the configuration (expected `{q}`)"),
        )
    }

    /// `true`, `false`, `null`, a number, or a bare word (kept as a string).
    fn bare(&mut self) -> Result<Value, ConfigError> {
        let r = self.rest();
        let n = r.find([',', '}', ']', '\n']).unwrap_or(r.len());
        let word = r[..n].trim_end();
        if word.is_empty() {
            return err(
                self.pos,
                format!(
                    "expected a value, found `{}`",
                    &r[..r.chars().next().map_or(0, char::len_utf8)]
                ),
            );
        }
        let v = scalar(word);
        self.pos += word.len();
        Ok(v)
    }
}

/// A plain scalar: booleans, null, numbers, else a string.
fn scalar(word: &str) -> Value {
    match word {
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        "null" | "Null" | "NULL" | "~" => Value::Null,
        w => match w.parse::<f64>() {
            Ok(n)
                if n.is_finite()
                    && w.starts_with(|c: char| {
                        c.is_ascii_digit() || c == '-' || c == '+' || c == '.'
                    }) =>
            {
                Value::Number(n)
            }
            _ => Value::String(w.to_string()),
        },
    }
}

// ------------------------------------------------------------------ YAML subset

struct Line<'a> {
    /// Byte offset of the line's content in the text.
    at: usize,
    indent: usize,
    /// Content with the comment and trailing spaces removed.
    text: &'a str,
    /// The raw line after the indentation (for block strings).
    raw: &'a str,
}

/// Parse front matter YAML (the text between the `---` lines).
pub(crate) fn parse_yaml(s: &str) -> Result<Value, ConfigError> {
    let mut lines = Vec::new();
    let mut off = 0;
    for line in s.split('\n') {
        let body = line.trim_end_matches('\r');
        let content = body.trim_start_matches(' ');
        let indent = body.len() - content.len();
        let text = strip_comment(content).trim_end();
        lines.push(Line {
            at: off + indent,
            indent,
            text,
            raw: content,
        });
        off += line.len() + 1;
    }
    let mut y = Yaml { lines, i: 0 };
    y.skip_blank();
    if y.i >= y.lines.len() {
        return Ok(Value::object());
    }
    let indent = y.lines[y.i].indent;
    let v = y.block(indent, 0)?;
    y.skip_blank();
    if let Some(l) = y.lines.get(y.i) {
        return err(l.at, "unexpected indentation in the front matter");
    }
    Ok(v)
}

/// The line without a `#` comment (a `#` at the start or after a space,
/// outside quotes).
fn strip_comment(s: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (p, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return &s[..p],
            None => {}
        }
        prev = c;
    }
    s
}

struct Yaml<'a> {
    lines: Vec<Line<'a>>,
    i: usize,
}

impl Yaml<'_> {
    fn skip_blank(&mut self) {
        while self.lines.get(self.i).is_some_and(|l| l.text.is_empty()) {
            self.i += 1;
        }
    }

    /// A block (map or list) whose lines have exactly `indent`.
    fn block(&mut self, indent: usize, depth: usize) -> Result<Value, ConfigError> {
        if depth > MAX_DEPTH {
            let at = self.lines.get(self.i).map_or(0, |l| l.at);
            return err(
                at,
                format!("front matter nested more than {MAX_DEPTH} levels"),
            );
        }
        let first = &self.lines[self.i];
        if first.text == "-" || first.text.starts_with("- ") {
            self.list(indent, depth)
        } else {
            self.map(indent, depth)
        }
    }

    fn list(&mut self, indent: usize, depth: usize) -> Result<Value, ConfigError> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            let Some(l) = self.lines.get(self.i) else {
                break;
            };
            if l.indent < indent || !(l.text == "-" || l.text.starts_with("- ")) {
                break;
            }
            if l.indent > indent {
                return err(l.at, "unexpected indentation in a front matter list");
            }
            let item = l.text[1..].trim_start();
            let at = l.at;
            self.i += 1;
            if item.is_empty() {
                items.push(self.nested(indent, depth)?);
            } else {
                items.push(inline_value(item, at + l_offset(l.text, item))?);
            }
        }
        Ok(Value::Array(items))
    }

    fn map(&mut self, indent: usize, depth: usize) -> Result<Value, ConfigError> {
        let mut items: Vec<(String, Value)> = Vec::new();
        loop {
            self.skip_blank();
            let Some(l) = self.lines.get(self.i) else {
                break;
            };
            if l.indent < indent {
                break;
            }
            if l.indent > indent {
                return err(l.at, "unexpected indentation in the front matter");
            }
            let (text, at, raw) = (l.text, l.at, l.raw);
            let Some((key, value)) = split_key(text) else {
                return err(
                    at,
                    format!("expected `key: value` in the front matter, found `{text}`"),
                );
            };
            self.i += 1;
            let v = if value.is_empty() {
                self.nested(indent, depth)?
            } else if value == "|"
                || value == ">"
                || value.starts_with("|-")
                || value.starts_with(">-")
            {
                self.block_string(indent, value.starts_with('>'))
            } else if let Some(q) = open_quote(value) {
                // A quoted scalar over several lines: line breaks fold to
                // spaces (an empty line to a newline), as YAML does.
                let mut joined = value.to_string();
                let mut closed = false;
                while let Some(next) = self.lines.get(self.i) {
                    self.i += 1;
                    let part = next.raw.trim();
                    if part.is_empty() {
                        joined.push('\n');
                    } else {
                        if !joined.ends_with('\n') {
                            joined.push(' ');
                        }
                        joined.push_str(part);
                    }
                    if has_unescaped(part, q) {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return err(
                        at + l_offset(text, value),
                        format!("unclosed string in the front matter (expected `{q}`)"),
                    );
                }
                let _ = raw;
                inline_value(
                    strip_comment(&joined).trim_end(),
                    at + l_offset(text, value),
                )?
            } else {
                let _ = raw;
                inline_value(value, at + l_offset(text, value))?
            };
            items.push((key, v));
        }
        Ok(Value::Object(items))
    }

    /// The more-indented block after `key:` or `-`, or null if none.
    fn nested(&mut self, indent: usize, depth: usize) -> Result<Value, ConfigError> {
        self.skip_blank();
        match self.lines.get(self.i) {
            Some(l) if l.indent > indent => {
                let inner = l.indent;
                self.block(inner, depth + 1)
            }
            // A list may sit at the same indentation as its key.
            Some(l) if l.indent == indent && (l.text == "-" || l.text.starts_with("- ")) => {
                self.list(indent, depth + 1)
            }
            _ => Ok(Value::Null),
        }
    }

    /// `|` / `>` block strings: the following more-indented lines.
    fn block_string(&mut self, indent: usize, folded: bool) -> Value {
        let mut parts: Vec<&str> = Vec::new();
        while let Some(l) = self.lines.get(self.i) {
            if !l.raw.trim().is_empty() && l.indent <= indent {
                break;
            }
            parts.push(l.raw.trim_end());
            self.i += 1;
        }
        while parts.last().is_some_and(|p| p.is_empty()) {
            parts.pop();
        }
        Value::String(parts.join(if folded { " " } else { "\n" }))
    }
}

/// The quote of a quoted scalar that does not close on its first line.
fn open_quote(value: &str) -> Option<char> {
    let q = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    (!has_unescaped(&value[1..], q)).then_some(q)
}

/// Whether `s` holds `q` not preceded by a backslash (inside `"…"`).
fn has_unescaped(s: &str, q: char) -> bool {
    let mut escaped = false;
    for c in s.chars() {
        if c == q && !escaped {
            return true;
        }
        escaped = c == '\\' && !escaped && q == '"';
    }
    false
}

fn l_offset(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// `key: value` (the key may be quoted); `None` without a `:`.
fn split_key(text: &str) -> Option<(String, &str)> {
    if let Some(q) = text.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = text[1..].find(q)? + 1;
        let rest = text[end + 1..].trim_start().strip_prefix(':')?;
        return Some((text[1..end].to_string(), rest.trim()));
    }
    let colon = text
        .find(": ")
        .or_else(|| text.ends_with(':').then(|| text.len() - 1))?;
    Some((text[..colon].trim().to_string(), text[colon + 1..].trim()))
}

/// A value on the same line as its key or dash.
fn inline_value(v: &str, at: usize) -> Result<Value, ConfigError> {
    if v.starts_with(['{', '[', '"', '\'']) {
        let (value, n) = parse_json(v).map_err(|e| ConfigError {
            at: at + e.at,
            message: e.message,
        })?;
        if !v[n..].trim().is_empty() {
            return err(at + n, "unexpected text after a value in the front matter");
        }
        return Ok(value);
    }
    Ok(scalar(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn json_with_single_quotes_bare_keys_and_trailing_commas() {
        let (v, n) = parse_json("{'theme': 'forest', flowchart: {curve: \"basis\", nodeSpacing: 50,}, list: [1, true, null,]} }%%").unwrap();
        assert_eq!(n, 90);
        assert_eq!(v.get("theme"), Some(&s("forest")));
        assert_eq!(v.get_str("flowchart.curve").as_deref(), Some("basis"));
        assert_eq!(v.get_f64("flowchart.nodeSpacing"), Some(50.0));
        assert_eq!(
            v.get("list"),
            Some(&Value::Array(vec![
                Value::Number(1.0),
                Value::Bool(true),
                Value::Null
            ]))
        );
        let (v, _) = parse_json("\"a\\\"b\\u0041\"").unwrap();
        assert_eq!(v, s("a\"bA"));
    }

    #[test]
    fn json_errors() {
        let e = parse_json("{'a': 1").unwrap_err();
        assert_eq!(
            (e.at, e.message.as_str()),
            (7, "expected `,` or `}` in the configuration object")
        );
        let e = parse_json("{'a' 1}").unwrap_err();
        assert_eq!(e.message, "expected `:` after the key `a`");
        let e = parse_json("['x").unwrap_err();
        assert_eq!(
            (e.at, e.message.as_str()),
            (1, "unclosed string in the configuration (expected `'`)")
        );
        let deep = "[".repeat(100);
        assert!(parse_json(&deep)
            .unwrap_err()
            .message
            .contains("nested more than"));
    }

    #[test]
    fn yaml_subset() {
        let v = parse_yaml(
            "title: Hello world # comment\nconfig:\n  theme: base\n  themeVariables:\n    primaryColor: '#ff0000'\n    \
             lineColor: \"#00f\"\n  flowchart:\n    curve: linear\n    htmlLabels: false\n    padding: 12.5\n  \
             list:\n    - a\n    - 2\n  flow: {a: 1, b: [x, y]}\nempty:\ntext: |\n  line 1\n  line 2\n",
        )
        .unwrap();
        assert_eq!(v.get("title"), Some(&s("Hello world")));
        assert_eq!(
            v.get_str("config.themeVariables.primaryColor").as_deref(),
            Some("#ff0000")
        );
        assert_eq!(
            v.get_str("config.themeVariables.lineColor").as_deref(),
            Some("#00f")
        );
        assert_eq!(
            v.get("config.flowchart.htmlLabels"),
            Some(&Value::Bool(false))
        );
        assert_eq!(v.get_f64("config.flowchart.padding"), Some(12.5));
        assert_eq!(
            v.get("config.list"),
            Some(&Value::Array(vec![s("a"), Value::Number(2.0)]))
        );
        assert_eq!(v.get_f64("config.flow.a"), Some(1.0));
        assert_eq!(v.get("empty"), Some(&Value::Null));
        assert_eq!(v.get("text"), Some(&s("line 1\nline 2")));
        assert_eq!(parse_yaml("\n\n").unwrap(), Value::object());
    }

    #[test]
    fn yaml_quoted_scalars_over_several_lines() {
        let v =
            parse_yaml("a:\n  css: \" one #x \\n\n      two\n\n    three \"\n  b: 1\n").unwrap();
        assert_eq!(
            v.get_str("a.css").as_deref(),
            Some(" one #x \n two\nthree ")
        );
        assert_eq!(v.get_f64("a.b"), Some(1.0));
        assert!(parse_yaml("a: \"never\n  closed\n").is_err());
    }

    #[test]
    fn yaml_errors() {
        let e = parse_yaml("a: 1\njust text\n").unwrap_err();
        assert_eq!(
            (e.at, e.message.as_str()),
            (
                5,
                "expected `key: value` in the front matter, found `just text`"
            )
        );
        let e = parse_yaml("a: 1\n    b: 2\n").unwrap_err();
        assert_eq!(
            (e.at, e.message.as_str()),
            (9, "unexpected indentation in the front matter")
        );
        let e = parse_yaml("a: {b: 1").unwrap_err();
        assert_eq!(e.at, 8);
    }
}
