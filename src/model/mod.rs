//! The semantic model of a flowchart: what the parser produces and what
//! layout and render consume. Plain data, no behaviour beyond lookups and
//! style resolution.

mod style;

pub use style::{parse_style_list, ResolvedStyle, StyleDecl};

/// Where something came from in the diagram source (the block, not the document).
/// `line` and `col` are 1-based; `col` counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
}

/// Flow direction of a diagram or subgraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    TB,
    BT,
    LR,
    RL,
}

impl Direction {
    /// Parse `TB`, `TD`, `BT`, `LR`, `RL` (case-sensitive as in Mermaid, plus lower case).
    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "TB" | "TD" | "tb" | "td" => Some(Direction::TB),
            "BT" | "bt" => Some(Direction::BT),
            "LR" | "lr" => Some(Direction::LR),
            "RL" | "rl" => Some(Direction::RL),
            _ => None,
        }
    }

    /// True for LR and RL (ranks run along the x axis).
    pub fn is_horizontal(self) -> bool {
        matches!(self, Direction::LR | Direction::RL)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::TB => "TB",
            Direction::BT => "BT",
            Direction::LR => "LR",
            Direction::RL => "RL",
        }
    }
}

/// Node shapes. The classic bracket forms map to these; `@{ shape: … }`
/// names are mapped onto them by the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// `[text]`
    #[default]
    Rect,
    /// `(text)`
    Rounded,
    /// `([text])`
    Stadium,
    /// `[[text]]`
    Subroutine,
    /// `[(text)]`
    Cylinder,
    /// `((text))`
    Circle,
    /// `(((text)))`
    DoubleCircle,
    /// `>text]`
    Asymmetric,
    /// `{text}`
    Diamond,
    /// `{{text}}`
    Hexagon,
    /// `[/text/]`
    Parallelogram,
    /// `[\text\]`
    ParallelogramAlt,
    /// `[/text\]`
    Trapezoid,
    /// `[\text/]`
    TrapezoidAlt,
}

impl Shape {
    /// Mermaid's name for the shape (as in the layout JSON and `@{ shape: … }`).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Rect => "rect",
            Shape::Rounded => "rounded",
            Shape::Stadium => "stadium",
            Shape::Subroutine => "subroutine",
            Shape::Cylinder => "cylinder",
            Shape::Circle => "circle",
            Shape::DoubleCircle => "doublecircle",
            Shape::Asymmetric => "asymmetric",
            Shape::Diamond => "diamond",
            Shape::Hexagon => "hexagon",
            Shape::Parallelogram => "lean_right",
            Shape::ParallelogramAlt => "lean_left",
            Shape::Trapezoid => "trapezoid",
            Shape::TrapezoidAlt => "inv_trapezoid",
        }
    }
}

/// A node of the flowchart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    pub id: String,
    /// Label text with entities decoded; `\n` separates lines (`<br>` in the source).
    pub label: String,
    pub shape: Shape,
    /// Class names from `class` lines and `:::name`, in the order they were applied.
    pub classes: Vec<String>,
    /// Declarations from `style id …` lines, in source order.
    pub style: Vec<StyleDecl>,
    /// Where the node first appeared.
    pub span: Span,
}

/// How an edge's line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stroke {
    #[default]
    Normal,
    Thick,
    Dotted,
    Invisible,
}

/// The marker at one end of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArrowHead {
    #[default]
    None,
    Normal,
    Circle,
    Cross,
}

/// An edge between two nodes (indices into [`Graph::nodes`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub stroke: Stroke,
    pub arrow_start: ArrowHead,
    pub arrow_end: ArrowHead,
    /// Label text (entities decoded, `\n` line breaks), if any.
    pub label: Option<String>,
    /// Minimum length in ranks: 1 for `-->`, 2 for `--->`, and so on.
    pub min_len: u32,
    pub span: Span,
}

/// A subgraph: a titled box around its members.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subgraph {
    pub id: String,
    pub title: String,
    /// Direct member nodes (indices into [`Graph::nodes`]), in order of appearance.
    pub nodes: Vec<usize>,
    /// Direct child subgraphs (indices into [`Graph::subgraphs`]).
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    /// `direction` given inside the subgraph, if any.
    pub direction: Option<Direction>,
    pub span: Span,
}

/// A `classDef name decl;decl` line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassDef {
    pub name: String,
    pub style: Vec<StyleDecl>,
}

/// A parsed flowchart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    pub direction: Direction,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub subgraphs: Vec<Subgraph>,
    /// Class definitions in source order (a later definition of a name adds to it).
    pub class_defs: Vec<ClassDef>,
}

impl Graph {
    /// Index of the node with this id.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// Index of the subgraph with this id.
    pub fn subgraph_index(&self, id: &str) -> Option<usize> {
        self.subgraphs.iter().position(|s| s.id == id)
    }

    /// For every node, the innermost subgraph containing it.
    pub fn node_parents(&self) -> Vec<Option<usize>> {
        let mut parent = vec![None; self.nodes.len()];
        for (si, sg) in self.subgraphs.iter().enumerate() {
            for &n in &sg.nodes {
                parent[n] = Some(si);
            }
        }
        parent
    }

    /// The class definition with this name, merged over all its definitions.
    pub fn class_def(&self, name: &str) -> Vec<StyleDecl> {
        self.class_defs
            .iter()
            .filter(|c| c.name == name)
            .flat_map(|c| c.style.iter().cloned())
            .collect()
    }

    /// The effective style of a node: `classDef default` < its classes (in
    /// order) < its own `style` lines, as mermaid-js applies them.
    pub fn node_style(&self, node: usize) -> ResolvedStyle {
        let n = &self.nodes[node];
        let mut s = ResolvedStyle::default();
        s.apply(&self.class_def("default"));
        for c in &n.classes {
            s.apply(&self.class_def(c));
        }
        s.apply(&n.style);
        s
    }
}
