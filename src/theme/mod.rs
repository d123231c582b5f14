//! Mermaid's default theme, as named constants.

/// Node fill.
pub const NODE_FILL: &str = "#ECECFF";
/// Node outline.
pub const NODE_STROKE: &str = "#9370DB";
/// Node outline width (px).
pub const NODE_STROKE_WIDTH: f64 = 1.0;
/// Label text colour (nodes, edge labels, cluster titles).
pub const TEXT_COLOR: &str = "#333";
/// Font size of every label (px).
pub const FONT_SIZE: f64 = 16.0;

/// Edge line and arrowhead colour.
pub const EDGE_STROKE: &str = "#333333";
/// Width of a normal (`-->`) and dotted (`-.->`) edge.
pub const EDGE_WIDTH: f64 = 1.0;
/// Width of a thick (`==>`) edge.
pub const EDGE_THICK_WIDTH: f64 = 3.5;
/// Dash pattern of a dotted edge.
pub const EDGE_DOTTED_DASH: &str = "3";

/// Edge label background colour and its opacity (`rgba(232,232,232,0.8)`).
pub const EDGE_LABEL_BG: &str = "#e8e8e8";
pub const EDGE_LABEL_BG_OPACITY: f64 = 0.8;

/// Subgraph box fill and outline.
pub const CLUSTER_FILL: &str = "#ffffde";
pub const CLUSTER_STROKE: &str = "#aaaa33";
pub const CLUSTER_STROKE_WIDTH: f64 = 1.0;

/// Corner radius of a rounded node (`(text)`).
pub const ROUNDED_RADIUS: f64 = 5.0;
/// Inset of a subroutine node's inner vertical lines (`[[text]]`).
pub const SUBROUTINE_INSET: f64 = 8.0;
/// Gap between a double circle's outer and inner ring.
pub const DOUBLE_CIRCLE_GAP: f64 = 5.0;

/// Length (along the edge) of an arrowhead, in user units.
pub const ARROW_POINT_SIZE: f64 = 8.0;
/// Diameter of a circle end marker (`--o`), in user units.
pub const ARROW_CIRCLE_SIZE: f64 = 10.0;
/// Size of a cross end marker (`--x`), in user units.
pub const ARROW_CROSS_SIZE: f64 = 10.0;

pub mod color;

use crate::config::Value;
use color::Rgba;

/// The themes Mermaid ships.
pub const THEMES: [&str; 5] = ["default", "neutral", "dark", "forest", "base"];

/// Every colour and font the renderer paints with, after the theme, its
/// `themeVariables` and the derivations between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    /// The theme's page colour (used for derivations; the drawn
    /// background is an output option).
    pub background: String,
    pub font_family: Option<String>,
    pub font_size: f64,
    pub node_fill: String,
    pub node_stroke: String,
    pub node_text: String,
    pub line: String,
    pub edge_label_bg: String,
    pub edge_label_text: String,
    pub cluster_fill: String,
    pub cluster_stroke: String,
    pub cluster_text: String,
    pub title_text: String,
    /// Base variables every diagram type derives its own colours from
    /// (`primaryColor`, `secondaryColor`, `tertiaryColor`,
    /// `primaryBorderColor`, `primaryTextColor`, `textColor`), after the
    /// theme and the user's `themeVariables`.
    pub primary: String,
    pub secondary: String,
    pub tertiary: String,
    pub primary_border: String,
    pub primary_text: String,
    pub text: String,
    /// `darkMode` (true for the dark theme).
    pub dark_mode: bool,
    /// The user's `themeVariables` as given (an object), for the
    /// variables a diagram type reads itself ([`Theme::var`]).
    pub vars: Value,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_config(&Value::object())
    }
}

fn hsl(h: f64, s: f64, l: f64) -> String {
    color::map(&format!("hsl({h}, {s}%, {l}%)"), |c| c)
}

impl Theme {
    /// The theme named by `config.theme` (default `default`) with
    /// `config.themeVariables` applied. Derived colours (borders, cluster
    /// colours, text on the primary colour) follow the variables they are
    /// derived from unless given themselves.
    pub fn from_config(config: &Value) -> Theme {
        let name = config
            .get_str("theme")
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| THEMES.contains(&s.as_str()))
            .unwrap_or_else(|| "default".into());
        let var = |k: &str| {
            config
                .get_str(&format!("themeVariables.{k}"))
                .filter(|v| !v.trim().is_empty())
        };
        let dark_mode = config
            .get("themeVariables.darkMode")
            .is_some_and(|v| matches!(v, Value::Bool(true)))
            || name == "dark";
        let s = |v: &str| v.to_string();
        // The theme's own base variables.
        let (bg, primary, secondary, tertiary) = match name.as_str() {
            "dark" => (s("#333"), s("#1f2020"), s("#474949"), s("#333e3e")),
            "forest" => (
                s("white"),
                s("#cde498"),
                s("#cdffb2"),
                hsl(80.0, 100.0, 96.3),
            ),
            "neutral" => (s("white"), s("#eee"), s("#fcfcfc"), s("#f4f4f4")),
            "base" => (s("#f4f4f4"), s("#fff4dd"), String::new(), String::new()),
            _ => (
                s("white"),
                s("#ECECFF"),
                s("#ffffde"),
                hsl(80.0, 100.0, 96.27),
            ),
        };
        let bg = var("background").unwrap_or(bg);
        let user_primary = var("primaryColor");
        let primary = user_primary.clone().unwrap_or(primary);
        let secondary = var("secondaryColor").unwrap_or_else(|| {
            if secondary.is_empty() || user_primary.is_some() && name == "base" {
                color::map(&primary, |c| c.adjust(-120.0, 0.0, 0.0))
            } else {
                secondary
            }
        });
        let tertiary = var("tertiaryColor").unwrap_or_else(|| {
            if tertiary.is_empty() || user_primary.is_some() && name == "base" {
                color::map(&primary, |c| c.adjust(180.0, 0.0, 5.0))
            } else {
                tertiary
            }
        });
        let border = |c: &str| {
            color::map(c, |c| {
                if dark_mode {
                    c.adjust(0.0, -40.0, 10.0)
                } else {
                    c.adjust(0.0, -40.0, -10.0)
                }
            })
        };
        let invert = |c: &str| color::map(c, Rgba::invert);
        // Fixed values of the named themes, used unless the variables they
        // derive from were given.
        let (node_stroke, node_text, line, label_bg, cluster_stroke, text, title) =
            match name.as_str() {
                "dark" => (
                    s("#81B1DB"),
                    s("#e0dfdf"),
                    s("#cccccc"),
                    s("#585858"),
                    s("rgba(255, 255, 255, 0.25)"),
                    s("#ccc"),
                    s("#F9FFFE"),
                ),
                "forest" => (
                    s("#13540c"),
                    s("#000000"),
                    s("#008000"),
                    s("rgba(232, 232, 232, 0.8)"),
                    s("#6eaa49"),
                    s("#000000"),
                    s("#333"),
                ),
                "neutral" => (
                    s("#999"),
                    s("#333"),
                    s("#666"),
                    s("white"),
                    s("#707070"),
                    s("#333"),
                    s("#333"),
                ),
                "base" => (
                    border(&primary),
                    invert(&primary),
                    invert(&bg),
                    secondary.clone(),
                    border(&tertiary),
                    invert(&bg),
                    invert(&bg),
                ),
                _ => (
                    s(NODE_STROKE),
                    s(TEXT_COLOR),
                    s(EDGE_STROKE),
                    s("rgba(232, 232, 232, 0.8)"),
                    s(CLUSTER_STROKE),
                    s(TEXT_COLOR),
                    s(TEXT_COLOR),
                ),
            };
        let primary_border = var("primaryBorderColor").unwrap_or_else(|| {
            if user_primary.is_some() {
                border(&primary)
            } else {
                node_stroke
            }
        });
        let primary_text = var("primaryTextColor").unwrap_or(node_text);
        let text = var("textColor").unwrap_or(text);
        let line = var("lineColor").unwrap_or_else(|| {
            if var("background").is_some() {
                invert(&bg)
            } else {
                line
            }
        });
        let user_tertiary = var("tertiaryColor").is_some() || var("secondaryColor").is_some();
        let cluster_base = if name == "base" || name == "dark" {
            tertiary.clone()
        } else {
            secondary.clone()
        };
        let cluster_fill = var("clusterBkg").unwrap_or_else(|| match name.as_str() {
            "default" | "forest" | "neutral" if !user_tertiary => match name.as_str() {
                "forest" => s("#cdffb2"),
                "neutral" => s("#fcfcfc"),
                _ => s(CLUSTER_FILL),
            },
            "dark" if !user_tertiary => s("#474949"),
            _ => cluster_base.clone(),
        });
        let cluster_stroke = var("clusterBorder").unwrap_or_else(|| {
            if user_tertiary || var("clusterBkg").is_some() {
                border(&cluster_fill)
            } else {
                cluster_stroke
            }
        });
        let font_size = config
            .get_f64("themeVariables.fontSize")
            .filter(|v| v.is_finite() && *v >= 4.0 && *v <= 200.0)
            .unwrap_or(FONT_SIZE);
        let vars = match config.get("themeVariables") {
            Some(v @ Value::Object(_)) => v.clone(),
            _ => Value::object(),
        };
        Theme {
            primary: primary.clone(),
            secondary: secondary.clone(),
            tertiary: tertiary.clone(),
            primary_border: primary_border.clone(),
            primary_text: primary_text.clone(),
            text: text.clone(),
            dark_mode,
            vars,
            background: bg,
            font_family: var("fontFamily"),
            font_size,
            node_fill: var("mainBkg").unwrap_or(primary),
            node_stroke: var("nodeBorder").unwrap_or(primary_border),
            node_text: var("nodeTextColor").unwrap_or(primary_text),
            line,
            edge_label_bg: var("edgeLabelBackground").unwrap_or(label_bg),
            edge_label_text: text.clone(),
            cluster_fill,
            cluster_stroke,
            cluster_text: var("titleColor").unwrap_or_else(|| text.clone()),
            title_text: var("titleColor").unwrap_or(title),
            name,
        }
    }
}

impl Theme {
    /// A theme variable the user gave (`themeVariables.<key>`), if any and
    /// not blank.
    pub fn var(&self, key: &str) -> Option<String> {
        self.vars.get_str(key).filter(|v| !v.trim().is_empty())
    }
}

/// A CSS colour split into an SVG paint and an opacity (`None` when
/// opaque), so `rgba()` values work in every SVG viewer.
pub fn paint(css: &str) -> (String, Option<f64>) {
    match Rgba::parse(css) {
        Some(c) if c.a < 1.0 => (
            Rgba { a: 1.0, ..c }.css(),
            Some((c.a * 100.0).round() / 100.0),
        ),
        _ => (css.to_string(), None),
    }
}

#[cfg(test)]
mod theme_tests {
    use super::*;

    fn cfg(theme: &str, vars: &[(&str, &str)]) -> Value {
        let mut items = vec![("theme".to_string(), Value::String(theme.into()))];
        items.push((
            "themeVariables".into(),
            Value::Object(
                vars.iter()
                    .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
                    .collect(),
            ),
        ));
        Value::Object(items)
    }

    #[test]
    fn default_theme_is_mermaids() {
        let t = Theme::default();
        assert_eq!(t.node_fill, "#ECECFF");
        assert_eq!(t.node_stroke, "#9370DB");
        assert_eq!(t.cluster_fill, "#ffffde");
        assert_eq!(paint(&t.edge_label_bg), ("#e8e8e8".into(), Some(0.8)));
    }

    #[test]
    fn variables_override_and_derive() {
        let t = Theme::from_config(&cfg("base", &[("primaryColor", "#BB2528")]));
        assert_eq!(t.node_fill, "#BB2528");
        assert_ne!(t.node_stroke, "#9370DB");
        let t = Theme::from_config(&cfg(
            "default",
            &[("primaryColor", "#ff0000"), ("lineColor", "#00f")],
        ));
        assert_eq!(t.node_fill, "#ff0000");
        assert_eq!(t.line, "#00f");
        let t = Theme::from_config(&cfg("dark", &[]));
        assert_eq!(t.node_fill, "#1f2020");
        let t = Theme::from_config(&cfg("nonsense", &[]));
        assert_eq!(t.name, "default");
    }
}
