//! The parsed treemap: a tree of sections and leaves, and class styles.

/// One item: a section (children, no value of its own) or a leaf (value).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub name: String,
    /// The written value (`"Leaf": 12`).
    pub value: Option<f64>,
    /// `:::class`.
    pub class: Option<String>,
    pub children: Vec<usize>,
}

/// `classDef name fill:…,stroke:…,color:…`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassDef {
    pub name: String,
    /// Property / value pairs in order.
    pub styles: Vec<(String, String)>,
}

/// A treemap as written. `items[0]` is the (undrawn) root holding the
/// top-level items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Treemap {
    pub items: Vec<Item>,
    pub classes: Vec<ClassDef>,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Treemap {
    /// The summed value of item `i` (its own value for a leaf).
    pub fn total(&self, i: usize) -> f64 {
        let mut sum = 0.0;
        let mut stack = vec![i];
        let mut guard = 0;
        while let Some(k) = stack.pop() {
            guard += 1;
            if guard > self.items.len() + 1 {
                break;
            }
            let Some(it) = self.items.get(k) else {
                continue;
            };
            if it.children.is_empty() {
                sum += it.value.unwrap_or(0.0).max(0.0);
            } else {
                stack.extend(it.children.iter().copied());
            }
        }
        sum
    }

    /// A class's style property, if defined.
    pub fn style(&self, class: Option<&str>, prop: &str) -> Option<String> {
        let c = class?;
        self.classes
            .iter()
            .rev()
            .filter(|d| d.name == c)
            .find_map(|d| {
                d.styles
                    .iter()
                    .rev()
                    .find(|(k, _)| k == prop)
                    .map(|(_, v)| v.clone())
            })
    }
}
