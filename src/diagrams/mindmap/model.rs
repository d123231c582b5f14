//! The parsed mind map: a tree of nodes, root first.

/// A node's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// No brackets: a rounded box with a line along its bottom.
    Default,
    /// `id[text]`
    Square,
    /// `id(text)`
    Rounded,
    /// `id((text))`
    Circle,
    /// `id))text((`
    Bang,
    /// `id)text(`
    Cloud,
    /// `id{{text}}`
    Hexagon,
}

/// One node.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    /// The label (`\n` between lines).
    pub text: String,
    /// True for a markdown string (`"`…`"`): `**bold**`, `*italic*`.
    pub markdown: bool,
    pub shape: Shape,
    /// `::icon(…)` (kept, not drawn: icons are never fetched).
    pub icon: Option<String>,
    /// `:::a b` classes.
    pub classes: Vec<String>,
    /// Parent index (`None` for the root).
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Depth below the root (root 0).
    pub depth: usize,
    /// Index of the root's child this node descends from (`None` for the
    /// root): picks the colour.
    pub section: Option<usize>,
}

/// A parsed mind map (`nodes[0]` is the root when not empty).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mindmap {
    pub nodes: Vec<Node>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}
