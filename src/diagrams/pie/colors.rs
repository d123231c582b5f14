//! The pie's paint, derived per theme the way Mermaid's theme files derive
//! `pie1` … `pie12` and the `pie*` text and stroke variables; every one of
//! them can be given in `themeVariables`.

use crate::theme::color::map;
use crate::theme::Theme;

/// Colours, sizes and strokes of a pie chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PieColors {
    /// `pie1` … `pie12`: slice and legend colours, by slice index.
    pub slices: Vec<String>,
    /// `pieStrokeColor` (black) / `pieStrokeWidth` (2px): slice outlines.
    pub stroke: String,
    pub stroke_width: f64,
    /// `pieOuterStrokeColor` (black) / `pieOuterStrokeWidth` (2px).
    pub outer_stroke: String,
    pub outer_stroke_width: f64,
    /// `pieOpacity` (0.7): slice opacity.
    pub opacity: f64,
    /// `pieTitleTextSize` (25px) / `pieTitleTextColor`.
    pub title_size: f64,
    pub title_color: String,
    /// `pieSectionTextSize` (17px) / `pieSectionTextColor` (percentages).
    pub section_size: f64,
    pub section_color: String,
    /// `pieLegendTextSize` (17px) / `pieLegendTextColor`.
    pub legend_size: f64,
    pub legend_color: String,
}

/// A length such as `2px`, `2` or `1.5em` (em is taken as 16 px).
fn length(v: &str) -> Option<f64> {
    let t = v.trim();
    let (n, scale) = if let Some(n) = t.strip_suffix("px") {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix("em") {
        (n, 16.0)
    } else {
        (t, 1.0)
    };
    n.trim()
        .parse::<f64>()
        .ok()
        .map(|x| x * scale)
        .filter(|x| x.is_finite())
}

impl PieColors {
    /// Mermaid's pie variables for `theme`, with the user's overrides.
    pub fn from_theme(theme: &Theme) -> PieColors {
        let adj = |c: &str, h: f64, l: f64| map(c, |x| x.adjust(h, 0.0, l));
        // Mermaid keeps the default and forest tertiary colours in HSL; the
        // exact values avoid the rounding of their hex form.
        let exact_tertiary = match theme.name.as_str() {
            "default" if theme.var("tertiaryColor").is_none() => Some("hsl(80, 100%, 96.2745%)"),
            "forest" if theme.var("tertiaryColor").is_none() => {
                Some("hsl(78.1579, 58.4615%, 84.5098%)")
            }
            _ => None,
        };
        let (p, s, t) = (
            theme.primary.as_str(),
            theme.secondary.as_str(),
            exact_tertiary.unwrap_or(theme.tertiary.as_str()),
        );
        let scale =
            |i: usize, fixed: &str| theme.var(&format!("cScale{i}")).unwrap_or(fixed.into());
        let derived: Vec<String> = match theme.name.as_str() {
            "dark" => [
                "#0b0000", "#4d1037", "#3f5258", "#4f2f1b", "#6e0a0a", "#3b0048", "#995a01",
                "#154706", "#161722", "#00296f", "#01629c", "#010029",
            ]
            .iter()
            .enumerate()
            .map(|(i, c)| scale(i + 1, c))
            .collect(),
            "neutral" => [
                "#F4F4F4", "#555", "#BBB", "#777", "#999", "#DDD", "#FFF", "#DDD", "#BBB", "#999",
                "#777",
            ]
            .iter()
            .enumerate()
            .map(|(i, c)| scale(i + 1, c))
            .chain(std::iter::once(scale(0, "#555")))
            .collect(),
            "forest" => vec![
                p.into(),
                s.into(),
                adj(t, 0.0, 0.0),
                adj(p, 0.0, -30.0),
                adj(s, 0.0, -30.0),
                adj(t, 40.0, -40.0),
                adj(p, 60.0, -10.0),
                adj(p, -60.0, -10.0),
                adj(p, 120.0, 0.0),
                adj(p, 60.0, -50.0),
                adj(p, -60.0, -50.0),
                adj(p, 120.0, -50.0),
            ],
            "base" => vec![
                p.into(),
                s.into(),
                t.into(),
                adj(p, 0.0, -10.0),
                adj(s, 0.0, -10.0),
                adj(t, 0.0, -10.0),
                adj(p, 60.0, -10.0),
                adj(p, -60.0, -10.0),
                adj(p, 120.0, 0.0),
                adj(p, 60.0, -20.0),
                adj(p, -60.0, -20.0),
                adj(p, 120.0, -10.0),
            ],
            _ => vec![
                p.into(),
                s.into(),
                adj(t, 0.0, -40.0),
                adj(p, 0.0, -10.0),
                adj(s, 0.0, -30.0),
                adj(t, 0.0, -20.0),
                adj(p, 60.0, -20.0),
                adj(p, -60.0, -40.0),
                adj(p, 120.0, -40.0),
                adj(p, 60.0, -40.0),
                adj(p, -90.0, -40.0),
                adj(p, 120.0, -30.0),
            ],
        };
        let slices = derived
            .into_iter()
            .enumerate()
            .map(|(i, c)| theme.var(&format!("pie{}", i + 1)).unwrap_or(c))
            .collect();
        // Mermaid's `taskTextDarkColor` / `mainContrastColor` per theme.
        let dark_text = match theme.name.as_str() {
            "dark" => "lightgrey".to_string(),
            "neutral" => "#333".to_string(),
            "base" => theme.text.clone(),
            _ => "black".to_string(),
        };
        let var = |k: &str, d: &str| theme.var(k).unwrap_or_else(|| d.to_string());
        let len = |k: &str, d: f64, lo: f64, hi: f64| {
            theme
                .var(k)
                .and_then(|v| length(&v))
                .filter(|v| *v >= lo && *v <= hi)
                .unwrap_or(d)
        };
        PieColors {
            slices,
            stroke: var("pieStrokeColor", "black"),
            stroke_width: len("pieStrokeWidth", 2.0, 0.0, 100.0),
            outer_stroke: var("pieOuterStrokeColor", "black"),
            outer_stroke_width: len("pieOuterStrokeWidth", 2.0, 0.0, 100.0),
            opacity: len("pieOpacity", 0.7, 0.0, 1.0),
            title_size: len("pieTitleTextSize", 25.0, 1.0, 200.0),
            title_color: var("pieTitleTextColor", &dark_text),
            section_size: len("pieSectionTextSize", 17.0, 1.0, 200.0),
            section_color: var("pieSectionTextColor", &theme.text),
            legend_size: len("pieLegendTextSize", 17.0, 1.0, 200.0),
            legend_color: var("pieLegendTextColor", &dark_text),
        }
    }

    /// The colour of slice `i` (the twelve colours repeat).
    pub fn slice(&self, i: usize) -> &str {
        self.slices
            .get(i % self.slices.len().max(1))
            .map_or("#ECECFF", String::as_str)
    }
}
