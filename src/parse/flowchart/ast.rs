//! Flowchart syntax tree: statements as written, with the source slices
//! they came from (spans are recovered from the slices when lowering).
//!
//! The statement list is flat: `subgraph … end` nesting is a
//! [`Stmt::SubgraphStart`] … [`Stmt::End`] pair, resolved by the lowering
//! with an explicit stack (no recursion on user input).

use crate::model::{ArrowHead, Direction, Shape, Stroke};

/// Label text as written: the raw slice and whether it was a `"…"` string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Text<'a> {
    pub raw: &'a str,
    pub quoted: bool,
}

/// A node as it appears in a statement: `A`, `A[label]`, `A:::cls`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NodeRef<'a> {
    /// The id token (its slice gives the node's span).
    pub id: &'a str,
    /// Shape and label when the node is (re)defined here.
    pub shape: Option<(Shape, Text<'a>)>,
    /// Mermaid 11 metadata `@{ shape: …, label: … }`.
    pub meta: Option<Meta<'a>>,
    /// Classes from `:::name`.
    pub classes: Vec<&'a str>,
}

/// The modelled part of `@{ … }` node metadata.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Meta<'a> {
    pub shape: Option<Shape>,
    pub label: Option<Text<'a>>,
}

/// A link operator between node groups: `-->`, `-- text -->`, `-.->|text|`…
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link<'a> {
    pub stroke: Stroke,
    pub start: ArrowHead,
    pub end: ArrowHead,
    pub min_len: u32,
    pub label: Option<Text<'a>>,
    /// Edge id from `A e1@--> B`.
    pub id: Option<&'a str>,
    /// The whole operator including its label.
    pub src: &'a str,
}

/// One flowchart statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Stmt<'a> {
    /// `A & B --> C -.-> D`: `groups.len() == links.len() + 1`.
    Chain {
        groups: Vec<Vec<NodeRef<'a>>>,
        links: Vec<Link<'a>>,
    },
    /// `subgraph id [title]`; `id` is `None` when only a title was given.
    SubgraphStart {
        id: Option<&'a str>,
        title: Option<Text<'a>>,
        src: &'a str,
    },
    /// `end`
    End { src: &'a str },
    /// `direction LR` (meaningful inside a subgraph).
    Direction { dir: Direction, src: &'a str },
    /// `style id decls`
    Style { id: &'a str, decls: &'a str },
    /// `classDef a,b decls`
    ClassDef { names: Vec<&'a str>, decls: &'a str },
    /// `class a,b name`
    Class {
        ids: Vec<&'a str>,
        classes: Vec<&'a str>,
    },
    /// `linkStyle 0,2 decls` (indices checked, style not modelled yet);
    /// `linkStyle default …` has no indices.
    LinkStyle { indices: Vec<&'a str> },
    /// Accepted but not modelled yet (`linkStyle`, `click`, `accTitle`, …).
    Ignored,
}
