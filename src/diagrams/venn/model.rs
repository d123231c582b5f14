//! The parsed Venn diagram.

/// A set (one circle) or a union (the overlap of two or more sets).
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Indices into [`Venn::sets`] of the sets this area is inside (one
    /// for a set; sorted, two or more for a union).
    pub sets: Vec<usize>,
    /// The identifier (a set's name; for a union its sets' names joined
    /// with `,`).
    pub id: String,
    /// The display label (`["…"]`); a set without one shows its id, a
    /// union without one shows nothing.
    pub label: Option<String>,
    /// `:N` (relative area).
    pub size: Option<f64>,
    /// `text` lines indented under it.
    pub texts: Vec<TextNode>,
}

/// A `text` line: a label inside its area.
#[derive(Debug, Clone, PartialEq)]
pub struct TextNode {
    /// The identifier (`text A1["…"]`), for `style`.
    pub id: Option<String>,
    pub label: String,
}

/// `style target[,target…] prop:value, …`.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// The identifiers named (one: a set or text node; several: the union
    /// of those sets).
    pub targets: Vec<String>,
    /// `(property, value)` pairs in order.
    pub props: Vec<(String, String)>,
}

/// A whole `venn-beta` diagram.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Venn {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// The `set` lines in order.
    pub sets: Vec<Area>,
    /// The `union` lines in order.
    pub unions: Vec<Area>,
    pub styles: Vec<Style>,
}

impl Venn {
    /// Sets then unions.
    pub fn areas(&self) -> impl Iterator<Item = &Area> {
        self.sets.iter().chain(self.unions.iter())
    }

    /// The resolved style properties of an area (later `style` lines win).
    pub fn area_style(&self, area: &Area) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for s in &self.styles {
            let hit = if area.sets.len() == 1 {
                s.targets.len() == 1 && s.targets[0] == area.id
            } else {
                let mut idx: Vec<Option<usize>> = s
                    .targets
                    .iter()
                    .map(|t| self.sets.iter().position(|x| &x.id == t))
                    .collect();
                idx.sort();
                idx.dedup();
                idx.len() == area.sets.len()
                    && idx.iter().zip(&area.sets).all(|(a, b)| *a == Some(*b))
            };
            if hit {
                push_props(&mut out, &s.props);
            }
        }
        out
    }

    /// The resolved style properties of a text node.
    pub fn text_style(&self, node: &TextNode) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(id) = &node.id {
            for s in &self.styles {
                if s.targets.len() == 1 && &s.targets[0] == id {
                    push_props(&mut out, &s.props);
                }
            }
        }
        out
    }
}

fn push_props(out: &mut Vec<(String, String)>, props: &[(String, String)]) {
    for (k, v) in props {
        out.retain(|(k2, _)| k2 != k);
        out.push((k.clone(), v.clone()));
    }
}

/// The value of `key` in resolved style properties.
pub fn prop<'a>(props: &'a [(String, String)], key: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}
