//! A parsed user journey: plain data.

#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub name: String,
    /// The score (1 … 5 in Mermaid's documentation; any number is kept).
    pub score: f64,
    pub actors: Vec<String>,
    /// Index into [`Journey::sections`], `None` before any section.
    pub section: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    pub sections: Vec<String>,
    pub tasks: Vec<Task>,
}

impl Journey {
    /// Every actor once, sorted (the legend's order and colour order).
    pub fn actors(&self) -> Vec<String> {
        let mut a: Vec<String> = self.tasks.iter().flat_map(|t| t.actors.clone()).collect();
        a.sort();
        a.dedup();
        a
    }
}
