//! The quadrant chart's paint, derived per theme as Mermaid's theme files
//! derive the `quadrant*` variables; every one can be given in
//! `themeVariables`.

use crate::theme::color::{map, Rgba};
use crate::theme::Theme;

/// Colours of a quadrant chart.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantColors {
    /// `quadrant1Fill` … `quadrant4Fill` (primaryColor, then +5, +10, +15
    /// on every RGB channel).
    pub fills: [String; 4],
    /// `quadrant1TextFill` … `quadrant4TextFill` (primaryTextColor, then
    /// −5, −10, −15 on every channel).
    pub texts: [String; 4],
    /// `quadrantPointFill`: points without a `color`.
    pub point: String,
    /// `quadrantPointTextFill`.
    pub point_text: String,
    /// `quadrantXAxisTextFill` / `quadrantYAxisTextFill`.
    pub x_axis_text: String,
    pub y_axis_text: String,
    /// `quadrantInternalBorderStrokeFill` / `quadrantExternalBorderStrokeFill`.
    pub internal_border: String,
    pub external_border: String,
    /// `quadrantTitleFill`.
    pub title: String,
}

/// Add `d` to every RGB channel (clamped).
fn shift(css: &str, d: f64) -> String {
    map(css, |c| Rgba {
        r: (c.r + d).clamp(0.0, 255.0),
        g: (c.g + d).clamp(0.0, 255.0),
        b: (c.b + d).clamp(0.0, 255.0),
        a: c.a,
    })
}

impl QuadrantColors {
    pub fn from_theme(theme: &Theme) -> QuadrantColors {
        let p = theme.primary.as_str();
        // Mermaid's primaryTextColor: the inverse of the primary colour,
        // except in `base` (#333, #eee when dark).
        let primary_text = theme.var("primaryTextColor").unwrap_or_else(|| {
            if theme.name == "base" {
                theme.primary_text.clone()
            } else {
                map(p, Rgba::invert)
            }
        });
        let border = theme.var("primaryBorderColor").unwrap_or_else(|| {
            if theme.name == "dark" {
                map(&theme.background, Rgba::invert)
            } else {
                map(p, |c| {
                    if theme.dark_mode {
                        c.adjust(0.0, -40.0, 10.0)
                    } else {
                        c.adjust(0.0, -40.0, -10.0)
                    }
                })
            }
        });
        // A colour the user gave that is not a colour (`ff0000`) is
        // ignored by browsers, which then paint the inherited text colour.
        let colour = |key: &str, default: String| match theme.var(key) {
            Some(v) if Rgba::parse(&v).is_some() => v,
            Some(_) => theme.text.clone(),
            None => default,
        };
        let fills = [0.0, 5.0, 10.0, 15.0];
        QuadrantColors {
            fills: std::array::from_fn(|i| {
                colour(&format!("quadrant{}Fill", i + 1), shift(p, fills[i]))
            }),
            texts: std::array::from_fn(|i| {
                colour(
                    &format!("quadrant{}TextFill", i + 1),
                    shift(&primary_text, -fills[i]),
                )
            }),
            // Mermaid's derived point colour is not a valid colour, so
            // browsers paint points in the inherited text colour.
            point: colour("quadrantPointFill", theme.text.clone()),
            point_text: colour("quadrantPointTextFill", primary_text.clone()),
            x_axis_text: colour("quadrantXAxisTextFill", primary_text.clone()),
            y_axis_text: colour("quadrantYAxisTextFill", primary_text.clone()),
            internal_border: colour("quadrantInternalBorderStrokeFill", border.clone()),
            external_border: colour("quadrantExternalBorderStrokeFill", border),
            title: colour("quadrantTitleFill", primary_text),
        }
    }
}
