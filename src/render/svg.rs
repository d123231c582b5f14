//! Low-level SVG writing: number formatting, escaping, value sanitising and
//! a tiny element writer. Everything here is deterministic.

use std::fmt::Write as _;

/// Format a number with at most two decimals, trailing zeros trimmed, no
/// `-0`; non-finite values become `0`.
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// Escape text for XML character data and attribute values. Characters XML
/// 1.0 cannot carry (most C0 controls) are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Make a string usable inside an XML id and a `url(#…)` reference: ASCII
/// letters, digits, `-` and `_` are kept, anything else becomes `_`.
pub fn sanitize_id(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A user-supplied style value (`#f9f`, `2px`, `rgb(1, 2, 3)`, `bold`) if it
/// is safe and plain: a short run of letters, digits, spaces and `#%.,()-`,
/// and never a `url(…)` reference (which could point at another resource).
pub fn safe_value(s: &str) -> Option<&str> {
    let s = s.trim();
    let plain = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " #%.,()-".contains(c));
    if s.is_empty() || s.len() > 64 || !plain || s.to_ascii_lowercase().contains("url") {
        None
    } else {
        Some(s)
    }
}

/// Attributes of an element: name and already formatted (unescaped) value.
pub type Attrs = Vec<(&'static str, String)>;

/// Accumulates an SVG document.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    fn start_tag(&mut self, tag: &str, attrs: &[(&'static str, String)]) {
        self.out.push('<');
        self.out.push_str(tag);
        // An attribute given twice (a shape's own value, then a style's)
        // is written once, with the last value: XML forbids duplicates.
        for (i, (k, v)) in attrs.iter().enumerate() {
            if attrs[i + 1..].iter().any(|(k2, _)| k2 == k) {
                continue;
            }
            let _ = write!(self.out, " {k}=\"{}\"", escape(v));
        }
    }

    /// `<tag attrs>`
    pub fn open(&mut self, tag: &str, attrs: &[(&'static str, String)]) {
        self.start_tag(tag, attrs);
        self.out.push('>');
    }

    /// `<tag attrs/>`
    pub fn leaf(&mut self, tag: &str, attrs: &[(&'static str, String)]) {
        self.start_tag(tag, attrs);
        self.out.push_str("/>");
    }

    /// `<tag attrs>text</tag>` with the text escaped.
    pub fn text_element(&mut self, tag: &str, attrs: &[(&'static str, String)], text: &str) {
        self.open(tag, attrs);
        self.out.push_str(&escape(text));
        self.close(tag);
    }

    /// `</tag>`
    pub fn close(&mut self, tag: &str) {
        let _ = write!(self.out, "</{tag}>");
    }

    /// Raw markup (only for constant, trusted strings).
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_attributes_are_written_once_with_the_last_value() {
        let mut w = Writer::default();
        w.leaf(
            "rect",
            &[
                ("stroke-dasharray", "4 3".into()),
                ("fill", "red".into()),
                ("stroke-dasharray", "5 5".into()),
            ],
        );
        assert_eq!(w.out, "<rect fill=\"red\" stroke-dasharray=\"5 5\"/>");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(10.10), "10.1");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(-3.0), "-3");
    }

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn ids_and_values_are_sanitised() {
        assert_eq!(sanitize_id("my svg"), "my_svg");
        assert_eq!(sanitize_id("a<b>&c"), "a_b__c");
        assert_eq!(safe_value(" #f9f "), Some("#f9f"));
        assert_eq!(safe_value("rgb(1, 2, 3)"), Some("rgb(1, 2, 3)"));
        assert_eq!(safe_value("url(http://x)"), None);
        assert_eq!(safe_value("red\" onload=\"x"), None);
    }
}
