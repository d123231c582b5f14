//! Flowchart syntax tree: statements as written, with the source slices
//! they came from (spans are recovered from the slices when lowering).
//!
//! The statement list is flat: `subgraph … end` nesting is a
//! [`Stmt::SubgraphStart`] … [`Stmt::End`] pair, resolved by the lowering
//! with an explicit stack (no recursion on user input).

use crate::diagrams::flowchart::model::{ArrowHead, ClickAction, Direction, Shape, Stroke};

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

/// `@{ key: value, … }` metadata of a node (or of an edge, when the id
/// names an edge: `e1@{ animate: true }`).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Meta<'a> {
    /// `shape:`, checked against Mermaid's shape names while parsing.
    pub shape: Option<Shape>,
    /// Every `key: value` entry in order (including `shape`).
    pub entries: Vec<(&'a str, Text<'a>)>,
}

impl<'a> Meta<'a> {
    /// The last value given for `key`.
    pub fn get(&self, key: &str) -> Option<Text<'a>> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }
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
    /// Index (in the chain's `nodes`) of the first node of the group after
    /// this link; set by the chain parser.
    pub next: usize,
}

/// One flowchart statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Stmt<'a> {
    /// `A & B --> C -.-> D`: the nodes of all groups in order; link `k`
    /// joins the group before `links[k].next` to the group starting there.
    Chain {
        nodes: Vec<NodeRef<'a>>,
        links: Vec<Link<'a>>,
    },
    /// `subgraph id [title]`; `id` is `None` when only a title was given.
    SubgraphStart {
        id: Option<&'a str>,
        title: Option<Text<'a>>,
        /// `subgraph id:::name`
        classes: Vec<&'a str>,
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
    /// `linkStyle 0,2 [interpolate X] decls`; `indices` is `None` for
    /// `linkStyle default …`.
    LinkStyle {
        indices: Option<Vec<&'a str>>,
        interpolate: Option<&'a str>,
        decls: &'a str,
    },
    /// `click id …` (href or callback form).
    Click {
        id: &'a str,
        action: ClickAction,
        tooltip: Option<String>,
    },
    /// `accTitle: …`
    AccTitle(&'a str),
    /// `accDescr: …` or `accDescr { … }`
    AccDescr(&'a str),
    /// `%%{ … }%%` inside the diagram: the text between the braces.
    Directive(&'a str),
}
