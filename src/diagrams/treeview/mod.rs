//! Tree views (`treeView-beta`, `treeView`): a directory-like tree drawn
//! as indented rows with elbow lines.
//!
//! `parse` (source → [`model::TreeView`]) → `layout` (model +
//! [`TreeViewConfig`] → [`layout::Geometry`]; the only place text is
//! measured) → `draw` (SVG).

pub mod draw;
pub mod layout;
pub mod model;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// The `treeView` configuration section and `themeVariables.treeView`,
/// typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeViewConfig {
    /// `treeView.rowIndent` (default 10): indentation per level.
    pub row_indent: f64,
    /// `treeView.paddingX` (default 5): space before a label.
    pub padding_x: f64,
    /// `treeView.paddingY` (default 5): space above and below a label.
    pub padding_y: f64,
    /// `treeView.lineThickness` (default 1).
    pub line_width: f64,
    /// `themeVariables.treeView.labelFontSize` (default 16px).
    pub font_size: f64,
    /// `themeVariables.treeView.labelColor` (default black; the text
    /// colour on dark themes).
    pub label_color: String,
    /// `themeVariables.treeView.lineColor` (default black; the line colour
    /// on dark themes).
    pub line_color: String,
}

impl TreeViewConfig {
    pub fn from_config(config: &Config) -> TreeViewConfig {
        let s = config.section("treeView");
        let get = |k: &str, d: f64, hi: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= 0.0 && *v <= hi)
                .unwrap_or(d)
        };
        let theme = &config.theme;
        let tv = match theme.vars.get("treeView") {
            Some(v @ Value::Object(_)) => v.clone(),
            _ => Value::object(),
        };
        let col = |k: &str, d: &str| {
            tv.get_str(k)
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| d.to_string())
        };
        let (label, line) = if theme.dark_mode {
            (theme.text.clone(), theme.line.clone())
        } else {
            ("black".to_string(), "black".to_string())
        };
        TreeViewConfig {
            row_indent: get("rowIndent", 10.0, 1000.0),
            padding_x: get("paddingX", 5.0, 1000.0),
            padding_y: get("paddingY", 5.0, 1000.0),
            line_width: get("lineThickness", 1.0, 100.0),
            font_size: tv
                .get_f64("labelFontSize")
                .filter(|v| v.is_finite() && *v >= 1.0 && *v <= 200.0)
                .unwrap_or(16.0),
            label_color: col("labelColor", &label),
            line_color: col("lineColor", &line),
        }
    }
}

/// Parse, lay out and draw a tree view.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let tv = parse::parse(pre)?;
    Ok(render_tree(&tv, cx))
}

/// Lay out and draw a parsed tree view.
pub fn render_tree(tv: &model::TreeView, cx: &Context<'_>) -> Drawing {
    let c = TreeViewConfig::from_config(cx.config);
    let g = layout::layout(tv, &c);
    let svg = draw::render_svg(tv, &g, cx, &c.label_color, &c.line_color);
    Drawing {
        svg,
        width: g.width,
        height: g.height,
        layout_json: None,
    }
}
