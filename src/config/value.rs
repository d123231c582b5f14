//! Configuration values (from `%%{init}%%` JSON and front matter YAML),
//! kept as a small JSON-like tree with ordered keys.

/// A configuration value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Keys in source order; a later duplicate key wins on lookup.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An empty object.
    pub fn object() -> Value {
        Value::Object(Vec::new())
    }

    /// The value at a dotted path (`"themeVariables.primaryColor"`).
    pub fn get(&self, path: &str) -> Option<&Value> {
        let mut cur = self;
        for key in path.split('.') {
            match cur {
                Value::Object(items) => {
                    cur = items.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)?;
                }
                _ => return None,
            }
        }
        Some(cur)
    }

    /// The string at a path (numbers and booleans are rendered as text).
    pub fn get_str(&self, path: &str) -> Option<String> {
        match self.get(path)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(format!("{n}")),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The number at a path (strings like `"40"` or `"40px"` are read too).
    pub fn get_f64(&self, path: &str) -> Option<f64> {
        match self.get(path)? {
            Value::Number(n) => Some(*n),
            Value::String(s) => s.trim().trim_end_matches("px").trim().parse().ok(),
            _ => None,
        }
    }

    /// Deep-merge `other` into `self`: objects merge key by key, anything
    /// else is replaced.
    pub fn merge(&mut self, other: &Value) {
        match (self, other) {
            (Value::Object(a), Value::Object(b)) => {
                for (k, v) in b {
                    if let Some((_, existing)) = a.iter_mut().find(|(ka, _)| ka == k) {
                        existing.merge(v);
                    } else {
                        a.push((k.clone(), v.clone()));
                    }
                }
            }
            (s, o) => *s = o.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(items: &[(&str, Value)]) -> Value {
        Value::Object(
            items
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn paths_and_merging() {
        let mut a = obj(&[
            ("theme", Value::String("dark".into())),
            ("flowchart", obj(&[("nodeSpacing", Value::Number(30.0))])),
        ]);
        let b = obj(&[(
            "flowchart",
            obj(&[("rankSpacing", Value::String("70px".into()))]),
        )]);
        a.merge(&b);
        assert_eq!(a.get_f64("flowchart.nodeSpacing"), Some(30.0));
        assert_eq!(a.get_f64("flowchart.rankSpacing"), Some(70.0));
        assert_eq!(a.get_str("theme").as_deref(), Some("dark"));
        assert!(a.get("flowchart.missing").is_none());
    }
}
