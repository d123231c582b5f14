//! A parsed block diagram: plain data, no geometry.

use crate::shape::Shape;
use crate::style::StyleDecl;

/// A direction of a block arrow's head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Left,
    Right,
    Up,
    Down,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A node drawn in one of the flowchart shapes.
    Node(Shape),
    /// A block arrow (`id<["label"]>(right)`) with its heads.
    Arrow(Vec<Dir>),
    /// `space` / `space:N`: an empty cell.
    Space,
    /// `block … end`: a nested grid; `columns` is `None` for `auto`.
    Composite {
        columns: Option<usize>,
        children: Vec<usize>,
    },
}

/// One block.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub id: String,
    /// The label (the id when none was given; empty for composites).
    pub label: String,
    pub kind: Kind,
    /// Columns spanned (`id:N`), at least 1.
    pub span: usize,
    /// `style id …` declarations, then the classes' ones at draw time.
    pub styles: Vec<StyleDecl>,
    /// `class id name` / `id:::name`.
    pub classes: Vec<String>,
}

/// Line kind of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Normal,
    Thick,
    Dotted,
}

/// An end marker of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tip {
    None,
    Arrow,
    Circle,
    Cross,
}

/// `A --> B`, `A -- "label" --> B`, `A --- B`, …
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
    pub stroke: Stroke,
    pub start: Tip,
    pub end: Tip,
}

/// A block diagram. Block 0 is the root composite (not drawn).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BlockDiagram {
    pub blocks: Vec<Block>,
    pub edges: Vec<Edge>,
    /// `classDef name decls`, in source order.
    pub class_defs: Vec<(String, Vec<StyleDecl>)>,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl BlockDiagram {
    /// The children of a composite block (empty for others).
    pub fn children(&self, i: usize) -> &[usize] {
        match self.blocks.get(i).map(|b| &b.kind) {
            Some(Kind::Composite { children, .. }) => children,
            _ => &[],
        }
    }

    /// Index of the block with `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.blocks.iter().position(|b| b.id == id)
    }
}
