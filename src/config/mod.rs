//! Configuration, resolved once per diagram.
//!
//! Precedence (lowest first), as mermaid-js applies it: built-in defaults <
//! the caller's site configuration (the CLI's `-c` file) < the caller's
//! theme (`-t`) < the diagram's front matter `config:` < its `%%{init}%%`
//! directives. [`Config::resolve`] merges the layers into one tree and
//! reads the parts every diagram type shares (theme, fonts) into typed
//! fields; each diagram type reads its own section (`flowchart`, `pie`,
//! `sequence`, …) from [`Config::section`] into its own typed struct, in
//! its own folder.

mod value;

pub use value::Value;

use crate::theme::Theme;

/// The configuration one diagram is drawn with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Every layer merged (an object): what mermaid-js would see as its
    /// configuration for this diagram.
    pub value: Value,
    /// The theme with its `themeVariables` applied (`theme`,
    /// `themeVariables.*`; default `default`).
    pub theme: Theme,
    /// `themeVariables.fontSize` (default 16 px, Mermaid's).
    pub font_size: f64,
    /// `markdownAutoWrap` (default true): markdown strings wrap.
    pub markdown_auto_wrap: bool,
    /// `wrap` (default false; `%%{wrap}%%` sets it): wrap long texts.
    pub wrap: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_value(Value::object())
    }
}

impl Config {
    /// Merge the layers, lowest first: `site` (the caller's configuration
    /// file), `theme` (the caller's theme name), then `diagram` (the
    /// diagram's front matter and directives, already merged in order).
    pub fn resolve(site: &Value, theme: Option<&str>, diagram: &Value) -> Config {
        let mut v = Value::object();
        if let Value::Object(_) = site {
            v.merge(site);
        }
        if let Some(t) = theme {
            v.merge(&Value::Object(vec![(
                "theme".into(),
                Value::String(t.to_string()),
            )]));
        }
        if let Value::Object(_) = diagram {
            v.merge(diagram);
        }
        Config::from_value(v)
    }

    /// The typed view of one merged configuration tree.
    pub fn from_value(value: Value) -> Config {
        let theme = Theme::from_config(&value);
        let font_size = value
            .get_f64("themeVariables.fontSize")
            .filter(|v| v.is_finite() && *v >= 4.0 && *v <= 200.0)
            .unwrap_or(16.0);
        let markdown_auto_wrap = !matches!(value.get("markdownAutoWrap"), Some(Value::Bool(false)));
        let wrap = matches!(value.get("wrap"), Some(Value::Bool(true)));
        Config {
            value,
            theme,
            font_size,
            markdown_auto_wrap,
            wrap,
        }
    }

    /// A diagram type's own section (`"pie"`, `"sequence"`, …), or an
    /// empty object.
    pub fn section(&self, name: &str) -> &Value {
        static EMPTY: Value = Value::Object(Vec::new());
        match self.value.get(name) {
            Some(v @ Value::Object(_)) => v,
            _ => &EMPTY,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(json: &str) -> Value {
        crate::syntax::parse_config_json(json).unwrap()
    }

    #[test]
    fn layers_merge_in_mermaid_order() {
        let site = obj("{theme: 'forest', flowchart: {curve: 'linear', nodeSpacing: 80}}");
        let diagram = obj("{flowchart: {nodeSpacing: 30}, themeVariables: {fontSize: 20}}");
        let c = Config::resolve(&site, Some("dark"), &diagram);
        assert_eq!(c.theme.name, "dark");
        assert_eq!(c.font_size, 20.0);
        assert_eq!(
            c.section("flowchart").get_str("curve").as_deref(),
            Some("linear")
        );
        assert_eq!(c.section("flowchart").get_f64("nodeSpacing"), Some(30.0));
        assert_eq!(c.section("pie"), &Value::object());
        let c = Config::resolve(&site, None, &obj("{theme: 'neutral'}"));
        assert_eq!(c.theme.name, "neutral");
        assert!(!Config::default().wrap);
    }
}
