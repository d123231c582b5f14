//! The parsed sankey diagram: nodes (in order of first mention) and links.

/// One `source,target,value` row.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub source: usize,
    pub target: usize,
    pub value: f64,
}

/// A sankey diagram as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sankey {
    /// Node names, in order of first mention.
    pub nodes: Vec<String>,
    pub links: Vec<Link>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Sankey {
    /// The index of node `name`, added when new.
    pub fn node(&mut self, name: &str) -> usize {
        if let Some(i) = self.nodes.iter().position(|n| n == name) {
            return i;
        }
        self.nodes.push(name.to_string());
        self.nodes.len() - 1
    }
}
