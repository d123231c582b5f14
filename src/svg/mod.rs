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

/// A user font-family list that is safe to write into an attribute.
pub fn safe_family(f: &str) -> bool {
    f.len() <= 200
        && f.chars()
            .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c))
}

/// `fill` (and `fill-opacity` for a translucent colour) for a CSS colour;
/// nothing for a value that is not a plain colour.
pub fn fill_attrs(css: &str) -> Attrs {
    paint_attrs("fill", "fill-opacity", css)
}

/// `stroke` (and `stroke-opacity`) for a CSS colour.
pub fn stroke_attrs(css: &str) -> Attrs {
    paint_attrs("stroke", "stroke-opacity", css)
}

/// A paint attribute and its opacity attribute for a CSS colour.
pub fn paint_attrs(attr: &'static str, opacity: &'static str, css: &str) -> Attrs {
    let Some(v) = safe_value(css) else {
        return vec![];
    };
    let (c, o) = crate::theme::paint(v);
    let mut a: Attrs = vec![(attr, c)];
    if let Some(o) = o {
        a.push((opacity, num(o)));
    }
    a
}

/// The root of every diagram's SVG: what [`begin_document`] writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Head<'a> {
    /// Id of the root element and prefix of every id inside (sanitised).
    pub id: &'a str,
    /// `class` of the root element (the diagram type, as mermaid-js).
    pub class: &'a str,
    /// Canvas size in px (whole pixels: browsers then draw unresampled).
    pub width: f64,
    pub height: f64,
    /// The theme's font family, put before the embedded fonts' names.
    pub font_family: Option<&'a str>,
    pub font_size: f64,
    /// `accTitle` / `accDescr`, written as `<title>` / `<desc>`.
    pub acc_title: Option<&'a str>,
    pub acc_descr: Option<&'a str>,
    /// Background drawn as a full-size rect (`None`: transparent); a value
    /// that is not a plain colour is ignored.
    pub background: Option<&'a str>,
}

/// Write the XML declaration, the `<svg>` root, accessibility elements and
/// the background rect. Close with [`end_document`].
pub fn begin_document(w: &mut Writer, h: &Head<'_>) {
    let family = match h.font_family {
        Some(f) if safe_family(f) => format!("{f}, {}", crate::text::FONT_FAMILY),
        _ => crate::text::FONT_FAMILY.to_string(),
    };
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".into()),
            ("version", "1.1".into()),
            ("id", h.id.to_string()),
            ("class", h.class.to_string()),
            ("width", num(h.width)),
            ("height", num(h.height)),
            ("viewBox", format!("0 0 {} {}", num(h.width), num(h.height))),
            ("font-family", family),
            ("font-size", num(h.font_size)),
        ],
    );
    if let Some(t) = h.acc_title.filter(|t| !t.trim().is_empty()) {
        w.text_element("title", &[], t);
    }
    if let Some(t) = h.acc_descr.filter(|t| !t.trim().is_empty()) {
        w.text_element("desc", &[], t);
    }
    if let Some(bg) = h.background.and_then(safe_value) {
        w.leaf(
            "rect",
            &[
                ("id", format!("{}-background", h.id)),
                ("x", "0".into()),
                ("y", "0".into()),
                ("width", num(h.width)),
                ("height", num(h.height)),
                ("fill", bg.into()),
            ],
        );
    }
}

/// Close the root opened by [`begin_document`].
pub fn end_document(w: &mut Writer) {
    w.close("svg");
    w.raw("\n");
}

/// A label centred horizontally on `centre.x`, its block of lines centred
/// vertically on `centre.y`. A label whose lines are all plain (one run in
/// the label's style) is one `<text>` with a `<tspan>` per line; a line
/// with styled runs (bold, italic, or HTML's underline, strike, sub/sup,
/// small and colour) is drawn as one `<text>` per run, each placed at its
/// measured offset, so every viewer puts the runs where they were
/// measured.
pub fn label(
    w: &mut Writer,
    tb: &crate::text::TextBox,
    centre: crate::geometry::Point,
    extra: Attrs,
    style: crate::text::TextStyle,
) {
    if tb.lines.iter().all(|l| l.text.trim().is_empty()) {
        return;
    }
    let top = centre.y - tb.lines.len() as f64 * tb.line_height / 2.0;
    if tb.lines.iter().all(|l| l.is_plain(style)) {
        let x = num(centre.x);
        let mut a: Attrs = vec![
            ("x", x.clone()),
            ("y", num(top + tb.baseline)),
            ("text-anchor", "middle".into()),
        ];
        a.extend(extra);
        w.open("text", &a);
        for (k, line) in tb.lines.iter().enumerate() {
            let y = top + tb.baseline + k as f64 * tb.line_height;
            w.text_element("tspan", &[("x", x.clone()), ("y", num(y))], &line.text);
        }
        w.close("text");
        return;
    }
    let base: Attrs = extra
        .into_iter()
        .filter(|(k, _)| *k != "font-weight")
        .collect();
    w.open("g", &[("class", "label".into())]);
    for (k, line) in tb.lines.iter().enumerate() {
        let y = top + tb.baseline + k as f64 * tb.line_height;
        let left = centre.x - line.width / 2.0;
        for run in line.runs.iter().filter(|r| !r.text.is_empty()) {
            let x = left + run.x;
            let d = &run.deco;
            let y = y + d.shift * style.size;
            let mut a: Attrs = vec![("x", num(x)), ("y", num(y))];
            a.extend(base.iter().cloned());
            if run.bold {
                a.push(("font-weight", "bold".into()));
            }
            if d.scale != 1.0 {
                a.push(("font-size", num(style.size * d.scale)));
            }
            let lines = match (d.underline, d.strike) {
                (true, true) => Some("underline line-through"),
                (true, false) => Some("underline"),
                (false, true) => Some("line-through"),
                (false, false) => None,
            };
            if let Some(l) = lines {
                a.push(("text-decoration", l.into()));
            }
            if let Some(c) = d.color.as_deref().and_then(safe_value) {
                a.push(("fill", c.into()));
            }
            if run.italic {
                a.push((
                    "transform",
                    format!(
                        "matrix(1 0 {} 1 {} 0)",
                        num(-crate::text::ITALIC_SHEAR),
                        num(crate::text::ITALIC_SHEAR * y)
                    ),
                ));
            }
            w.text_element("text", &a, &run.text);
        }
    }
    w.close("g");
}

/// Font size of a diagram's front-matter title (Mermaid's title text).
pub const TITLE_FONT_SIZE: f64 = 18.0;
/// Height of the band above a graph-like diagram holding that title.
pub const TITLE_BAND: f64 = 36.0;

/// The text style of a diagram title.
pub fn title_style() -> crate::text::TextStyle {
    crate::text::TextStyle {
        size: TITLE_FONT_SIZE,
        ..crate::text::TextStyle::default()
    }
}

/// A measured diagram title centred in the title band of a canvas
/// `width` wide, in `colour`.
pub fn title(w: &mut Writer, tb: &crate::text::TextBox, width: f64, colour: &str) {
    let mut extra: Attrs = vec![("font-size", num(TITLE_FONT_SIZE))];
    extra.extend(fill_attrs(colour));
    label(
        w,
        tb,
        crate::geometry::Point::new(width / 2.0, TITLE_BAND / 2.0),
        extra,
        title_style(),
    );
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
