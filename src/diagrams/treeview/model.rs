//! The parsed tree view.

/// One entry (file or folder).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub name: String,
    /// 0 for the entries at the top (drawn under the `/` root).
    pub depth: usize,
    /// Index of the parent entry (`None`: the root).
    pub parent: Option<usize>,
}

/// A whole `treeView-beta` diagram: entries in source order (a pre-order
/// walk of the tree).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeView {
    pub nodes: Vec<Node>,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}
