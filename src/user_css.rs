//! A user stylesheet (mermaid-cli's `-C/--cssFile`) added to a rendered SVG
//! the way mermaid-cli does it: as a `<style>` element inside the `<svg>`,
//! so a browser showing the SVG, usvg drawing the PNG and svg2pdf writing
//! the PDF all apply it (usvg applies the selectors and properties it
//! supports).
//!
//! The SVG must stay self-contained and well-formed, so the CSS is
//! sanitised first: `@import` rules are dropped, so is every declaration
//! or rule prelude holding a `url(` that is not a same-document `#fragment`
//! (no external resource is ever referenced), and the text is XML-escaped
//! (a `</style>` in the file cannot end the element early).

/// The sanitised stylesheet (see the module documentation), not yet
/// XML-escaped.
pub fn sanitise(css: &str) -> String {
    // Comments can hide `@import` or `url(` from a naive scan: drop them.
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => rest = "",
        }
    }
    text.push_str(rest);
    // Split into pieces ending at `;`, `{` or `}` and drop the unsafe ones.
    let mut out = String::with_capacity(text.len());
    let mut depth_skip: Option<usize> = None;
    let mut depth = 0usize;
    let mut piece = String::new();
    for ch in text.chars() {
        piece.push(ch);
        if !matches!(ch, ';' | '{' | '}') {
            continue;
        }
        let unsafe_piece = is_unsafe(&piece);
        match ch {
            '{' => {
                depth += 1;
                if depth_skip.is_none() && unsafe_piece {
                    // A block whose prelude is unsafe (e.g. `@font-face`
                    // with a url, `@import … {`): skip the whole block.
                    depth_skip = Some(depth);
                }
                if depth_skip.is_none() {
                    out.push_str(&piece);
                }
            }
            '}' => {
                if depth_skip.is_none() {
                    if unsafe_piece {
                        out.push('}');
                    } else {
                        out.push_str(&piece);
                    }
                }
                if depth_skip == Some(depth) {
                    depth_skip = None;
                }
                depth = depth.saturating_sub(1);
            }
            _ => {
                if depth_skip.is_none() && !unsafe_piece {
                    out.push_str(&piece);
                }
            }
        }
        piece.clear();
    }
    if depth_skip.is_none() && !is_unsafe(&piece) {
        out.push_str(&piece);
    }
    out
}

/// `@import`, or a `url(` not pointing into the document.
fn is_unsafe(piece: &str) -> bool {
    let lower = piece.to_ascii_lowercase();
    if lower.contains("@import") || lower.contains('\\') {
        // Backslash escapes could spell `url(` or `@import` in disguise.
        return true;
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        let arg = rest[at + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !arg.starts_with('#') {
            return true;
        }
        rest = &rest[at + 4..];
    }
    false
}

/// Escape text for an XML element's content.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// `svg` with the sanitised `css` as its last `<style>` element (before the
/// closing `</svg>`); `svg` unchanged when nothing is left of the CSS.
pub fn add_to_svg(svg: &str, css: &str) -> String {
    let clean = sanitise(css);
    if clean.trim().is_empty() {
        return svg.to_string();
    }
    let Some(end) = svg.rfind("</svg>") else {
        return svg.to_string();
    };
    format!(
        "{}<style>{}</style>{}",
        &svg[..end],
        xml_escape(clean.trim()),
        &svg[end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rules_are_kept() {
        let css = ".node rect { fill: #f00; stroke-width: 3px; }\n#x > g { opacity: .5 }";
        assert_eq!(sanitise(css), css);
    }

    #[test]
    fn imports_and_external_urls_are_dropped() {
        let css = "@import url(http://evil/x.css);\n.a { fill: red; background: url(http://evil/i.png); stroke: blue }\n\
                   @font-face { font-family: X; src: url('x.woff') }\n.b { fill: url(#grad) }";
        let s = sanitise(css);
        assert!(
            !s.contains("@import") && !s.contains("evil") && !s.contains("woff"),
            "{s}"
        );
        assert!(
            s.contains("fill: red;") && s.contains("stroke: blue"),
            "{s}"
        );
        assert!(s.contains(".b { fill: url(#grad) }"), "{s}");
    }

    #[test]
    fn comments_and_escapes_cannot_hide_a_url() {
        let s = sanitise(".a { fill: u/**/rl(http://x/y) }\n.b { fill: \\75rl(http://x/y) }");
        assert!(!s.contains("http"), "{s}");
    }

    #[test]
    fn style_cannot_break_out_of_the_element() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>"#;
        let out = add_to_svg(svg, "</style><script>alert(1)</script><style>.a{fill:red}");
        assert!(!out.contains("<script"), "{out}");
        assert_eq!(out.matches("<style>").count(), 1);
        assert_eq!(out.matches("</style>").count(), 1);
        assert!(out.ends_with("</style></svg>"), "{out}");
    }

    #[test]
    fn nothing_left_means_no_style_element() {
        let svg = "<svg></svg>";
        assert_eq!(add_to_svg(svg, "@import 'x.css';"), svg);
        assert_eq!(add_to_svg(svg, "  "), svg);
    }
}
