//! A parsed architecture diagram: plain data, no geometry.

/// A side of a service (`L`, `R`, `T`, `B`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    L,
    R,
    T,
    B,
}

impl Side {
    /// The grid step toward this side (x right, y down).
    pub fn step(self) -> (i64, i64) {
        match self {
            Side::L => (-1, 0),
            Side::R => (1, 0),
            Side::T => (0, -1),
            Side::B => (0, 1),
        }
    }

    pub fn horizontal(self) -> bool {
        matches!(self, Side::L | Side::R)
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Service,
    Junction,
}

/// A service or junction.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    /// `(icon)`: a built-in name or `pack:name` (never fetched).
    pub icon: Option<String>,
    pub title: Option<String>,
    /// Index of the group it is `in`.
    pub group: Option<usize>,
}

/// `group id(icon)[Title] in parent`.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub icon: Option<String>,
    pub title: Option<String>,
    pub parent: Option<usize>,
}

/// `a:R --> L:b`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub from_side: Side,
    /// `a{group}`: the edge leaves a's group.
    pub from_group: bool,
    pub to: usize,
    pub to_side: Side,
    pub to_group: bool,
    pub arrow_from: bool,
    pub arrow_to: bool,
    pub label: Option<String>,
}

/// An architecture diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Architecture {
    pub title: Option<String>,
    pub nodes: Vec<Node>,
    pub groups: Vec<Group>,
    pub edges: Vec<Edge>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}
