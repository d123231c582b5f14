//! The radar chart's paint: curve colours from the theme's colour scale
//! (`cScale0` …, derived per theme as Mermaid's theme files do) and the
//! `radar.*` theme variables.

use crate::config::Value;
use crate::theme::color::map;
use crate::theme::Theme;

/// Colours and strokes of a radar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarColors {
    /// `cScale0` … `cScale11`: curve and legend colours by curve index.
    pub scale: Vec<String>,
    /// `radar.axisColor` (#333333) / `radar.axisStrokeWidth` (2).
    pub axis: String,
    pub axis_width: f64,
    /// `radar.axisLabelFontSize` (12).
    pub axis_label_size: f64,
    /// `radar.curveOpacity` (0.5) / `radar.curveStrokeWidth` (2).
    pub curve_opacity: f64,
    pub curve_width: f64,
    /// `radar.graticuleColor` (#DEDEDE), `radar.graticuleOpacity` (0.3),
    /// `radar.graticuleStrokeWidth` (1).
    pub graticule: String,
    pub graticule_opacity: f64,
    pub graticule_width: f64,
    /// `radar.legendBoxSize` (12) / `radar.legendFontSize` (12).
    pub legend_box: f64,
    pub legend_size: f64,
    /// Text colour (Mermaid's radar texts take the diagram's text colour).
    pub text: String,
    /// Title size (`fontSize`, 16).
    pub title_size: f64,
}

impl RadarColors {
    pub fn from_theme(theme: &Theme, font_size: f64) -> RadarColors {
        let p = theme.primary.as_str();
        let adj = |c: &str, h: f64, l: f64| map(c, |x| x.adjust(h, 0.0, l));
        let hues = [30.0, 60.0, 90.0, 120.0, 150.0, 210.0, 270.0, 300.0, 330.0];
        let derived = |darken: f64, base_l8: f64| -> Vec<String> {
            let mut v = vec![
                adj(p, 0.0, -darken),
                adj(&theme.secondary, 0.0, -darken),
                adj(&theme.tertiary, 0.0, -darken),
            ];
            for (k, h) in hues.iter().enumerate() {
                let extra = if k == 5 { base_l8 } else { 0.0 };
                v.push(adj(p, *h, extra - darken));
            }
            v
        };
        let fixed = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let scale: Vec<String> = match theme.name.as_str() {
            "dark" => {
                let mut v = vec![p.to_string()];
                v.extend(fixed(&[
                    "#0b0000", "#4d1037", "#3f5258", "#4f2f1b", "#6e0a0a", "#3b0048", "#995a01",
                    "#154706", "#161722", "#00296f", "#01629c",
                ]));
                v
            }
            "neutral" => fixed(&[
                "#555", "#F4F4F4", "#555", "#BBB", "#777", "#999", "#DDD", "#FFF", "#DDD", "#BBB",
                "#999", "#777",
            ]),
            "base" => derived(if theme.dark_mode { 75.0 } else { 25.0 }, 150.0),
            // default and forest: Mermaid darkens its scale by 10 twice.
            _ => derived(20.0, 0.0),
        };
        let scale = scale
            .into_iter()
            .enumerate()
            .map(|(i, c)| theme.var(&format!("cScale{i}")).unwrap_or(c))
            .collect();
        let r = match theme.vars.get("radar") {
            Some(v @ Value::Object(_)) => v.clone(),
            _ => Value::object(),
        };
        let num = |k: &str, d: f64, lo: f64, hi: f64| {
            r.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(d)
        };
        let col = |k: &str, d: String| r.get_str(k).filter(|s| !s.trim().is_empty()).unwrap_or(d);
        RadarColors {
            scale,
            // Mermaid derives the radar variables from its default theme
            // (#333333 lines) whatever the theme; dark keeps its light lines.
            axis: col(
                "axisColor",
                if theme.dark_mode {
                    theme.line.clone()
                } else {
                    "#333333".into()
                },
            ),
            axis_width: num("axisStrokeWidth", 2.0, 0.0, 100.0),
            axis_label_size: num("axisLabelFontSize", 12.0, 1.0, 200.0),
            // Mermaid treats 0 as unset for most of these (`||`), but a
            // zero opacity is what a user asking for it means.
            curve_opacity: num("curveOpacity", 0.5, 0.0, 1.0),
            curve_width: num("curveStrokeWidth", 2.0, 0.0, 100.0),
            graticule: col("graticuleColor", "#DEDEDE".into()),
            graticule_opacity: num("graticuleOpacity", 0.3, 0.0, 1.0),
            graticule_width: num("graticuleStrokeWidth", 1.0, 0.0, 100.0),
            legend_box: num("legendBoxSize", 12.0, 1.0, 200.0),
            legend_size: num("legendFontSize", 12.0, 1.0, 200.0),
            text: theme.text.clone(),
            title_size: font_size,
        }
    }

    /// The colour of curve `i` (the scale repeats).
    pub fn curve(&self, i: usize) -> &str {
        self.scale
            .get(i % self.scale.len().max(1))
            .map_or("#9370DB", String::as_str)
    }
}
