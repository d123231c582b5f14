//! Style declarations (`fill:#f9f,stroke:#333`) and their resolution.

/// One `property: value` declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleDecl {
    pub property: String,
    pub value: String,
}

/// Split a Mermaid style list (`fill:#f9f,stroke:#333,stroke-width:2px`) into
/// declarations. Commas inside parentheses (`rgb(1,2,3)`) do not split.
pub fn parse_style_list(s: &str) -> Vec<StyleDecl> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    let mut push = |cur: &mut String| {
        let item = cur.trim();
        if let Some((p, v)) = item.split_once(':') {
            let p = p.trim();
            let v = v.trim();
            if !p.is_empty() {
                out.push(StyleDecl {
                    property: p.to_ascii_lowercase(),
                    value: v.to_string(),
                });
            }
        }
        cur.clear();
    };
    for ch in s.chars() {
        match ch {
            '(' => {
                depth += 1;
                cur.push(ch)
            }
            ')' => {
                depth -= 1;
                cur.push(ch)
            }
            ',' | ';' if depth <= 0 => push(&mut cur),
            _ => cur.push(ch),
        }
    }
    push(&mut cur);
    out
}

/// The style properties the renderer understands, after precedence.
/// `None` means "theme default".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResolvedStyle {
    pub fill: Option<String>,
    pub stroke: Option<String>,
    pub stroke_width: Option<String>,
    pub stroke_dasharray: Option<String>,
    pub color: Option<String>,
    pub font_weight: Option<String>,
    pub font_style: Option<String>,
    pub font_size: Option<String>,
    pub opacity: Option<String>,
}

impl ResolvedStyle {
    /// Apply declarations in order; later ones win.
    pub fn apply(&mut self, decls: &[StyleDecl]) {
        for d in decls {
            let v = Some(d.value.trim_end_matches("!important").trim().to_string());
            match d.property.as_str() {
                "fill" | "background" | "background-color" => self.fill = v,
                "stroke" => self.stroke = v,
                "stroke-width" => self.stroke_width = v,
                "stroke-dasharray" => self.stroke_dasharray = v,
                "color" => self.color = v,
                "font-weight" => self.font_weight = v,
                "font-style" => self.font_style = v,
                "font-size" => self.font_size = v,
                "opacity" => self.opacity = v,
                _ => {}
            }
        }
    }
}

/// Parse a CSS length in px (`20`, `20px`, `15pt`, `1.5em`).
pub fn parse_px(s: &str, base: f64) -> Option<f64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: f64 = n.parse().ok()?;
    let px = match unit.trim() {
        "" | "px" => n,
        "pt" => n * 4.0 / 3.0,
        "em" | "rem" => n * base,
        _ => return None,
    };
    (px.is_finite() && px > 0.0 && px <= 400.0).then_some(px)
}

/// The text style of a label with a resolved style (`font-size`,
/// `font-weight`, `font-style`) over the base size.
pub fn text_style(style: &ResolvedStyle, base: f64) -> crate::text::TextStyle {
    let mut t = crate::text::TextStyle {
        size: base,
        ..crate::text::TextStyle::default()
    };
    if let Some(size) = style.font_size.as_deref().and_then(|s| parse_px(s, base)) {
        t.size = size;
    }
    if let Some(wt) = style.font_weight.as_deref() {
        t.bold = match wt.trim() {
            "bold" | "bolder" => true,
            n => n.parse::<u32>().is_ok_and(|n| n >= 600),
        };
    }
    if let Some(st) = style.font_style.as_deref() {
        t.italic = matches!(st.trim(), "italic" | "oblique");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_declarations_but_not_inside_parentheses() {
        let d = parse_style_list("fill:rgb(1, 2, 3),stroke:#333, stroke-width:2px");
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].value, "rgb(1, 2, 3)");
        assert_eq!(d[2].property, "stroke-width");
    }

    #[test]
    fn later_declarations_win() {
        let mut s = ResolvedStyle::default();
        s.apply(&parse_style_list("fill:#fec,stroke:#f66"));
        s.apply(&parse_style_list("fill:#9f9"));
        assert_eq!(s.fill.as_deref(), Some("#9f9"));
        assert_eq!(s.stroke.as_deref(), Some("#f66"));
    }
}
