//! The semantic model of a flowchart: what the parser produces and what
//! layout and render consume. Plain data, no behaviour beyond lookups and
//! style resolution.

pub use crate::config::Value;
pub use crate::geometry::Direction;
pub use crate::shape::Shape;
pub use crate::style::{parse_style_list, ResolvedStyle, StyleDecl};
pub use crate::syntax::Span;

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
    /// The label is a markdown string (`"`…`"`): `**bold**`, `*italic*`, wrapping.
    pub markdown: bool,
    /// `icon: "fa:…"` of an icon node (kept as text; never fetched).
    pub icon: Option<String>,
    /// `img: "…"` of an image node (kept as text; never fetched).
    pub image: Option<String>,
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
    /// The label is a markdown string.
    pub label_markdown: bool,
    /// Edge id (`e1@-->`).
    pub id: Option<String>,
    /// Declarations from `linkStyle` lines for this edge, in order.
    pub style: Vec<StyleDecl>,
    /// Curve (`basis`, `linear`, `step`, …) from `linkStyle … interpolate` or `e1@{ curve: … }`.
    pub curve: Option<String>,
    /// `e1@{ animate: true }` / `animation: fast|slow`.
    pub animate: bool,
    /// `animation: slow` (mermaid-js's `edge-animation-slow`, 50 s a cycle
    /// instead of 20 s).
    pub animation_slow: bool,
    /// Classes applied with `class e1 name` (`e1` an edge id), in order.
    pub classes: Vec<String>,
    /// Set when the edge starts at a subgraph (`sub1 --> A`); `from` then
    /// holds a member node of that subgraph, for ranking.
    pub from_cluster: Option<usize>,
    /// Set when the edge ends at a subgraph (`A --> sub1`); `to` then holds
    /// a member node of that subgraph.
    pub to_cluster: Option<usize>,
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
    /// The title is a markdown string.
    pub title_markdown: bool,
    /// Classes applied with `class sub1 name` / `:::`.
    pub classes: Vec<String>,
    /// Declarations from `style sub1 …`.
    pub style: Vec<StyleDecl>,
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
    /// `linkStyle default …` declarations.
    pub link_style_default: Vec<StyleDecl>,
    /// `linkStyle default interpolate X`.
    pub default_curve: Option<String>,
    /// `click` statements.
    pub clicks: Vec<Click>,
    /// `accTitle:`.
    pub acc_title: Option<String>,
    /// `accDescr:` / `accDescr { … }`.
    pub acc_descr: Option<String>,
    /// Front matter `title:`.
    pub title: Option<String>,
    /// Configuration from front matter `config:` and `%%{init: …}%%`
    /// directives, merged in source order (always an object).
    pub config: Value,
}

/// What a `click` does.
#[derive(Debug, Clone, PartialEq)]
pub enum ClickAction {
    /// `click A "https://…" "tooltip" _blank` / `click A href "…"`.
    Href { url: String, target: Option<String> },
    /// `click A callback` / `click A call callback(args)`.
    Callback { name: String, args: Option<String> },
}

/// A `click` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Click {
    pub node: usize,
    pub action: ClickAction,
    pub tooltip: Option<String>,
}

impl Graph {
    /// Check the indices the model holds (edge ends, subgraph members,
    /// children and parents, clicks) and that the subgraph tree has no
    /// cycle. The parser only builds valid graphs; a graph built by hand is
    /// checked before layout.
    pub fn validate(&self) -> Result<(), crate::layered::InvalidGraph> {
        use crate::layered::{
            Cluster, Edge as LEdge, Graph as LGraph, InvalidGraph, Node as LNode,
        };
        if let Some(i) = self.clicks.iter().position(|c| c.node >= self.nodes.len()) {
            return Err(InvalidGraph::NodeRef(i));
        }
        LGraph {
            direction: self.direction,
            nodes: vec![LNode::default(); self.nodes.len()],
            edges: self
                .edges
                .iter()
                .map(|e| LEdge {
                    from: e.from,
                    to: e.to,
                    from_cluster: e.from_cluster,
                    to_cluster: e.to_cluster,
                    ..LEdge::default()
                })
                .collect(),
            clusters: self
                .subgraphs
                .iter()
                .map(|s| Cluster {
                    parent: s.parent,
                    nodes: s.nodes.clone(),
                    children: s.children.clone(),
                    ..Cluster::default()
                })
                .collect(),
        }
        .validate()
    }

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

    /// For every subgraph, every node inside it (nested subgraphs' nodes
    /// included), in node order.
    pub fn subgraph_members(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.subgraphs.len()];
        for (v, p) in self.node_parents().iter().enumerate() {
            let mut c = *p;
            while let Some(ci) = c {
                out[ci].push(v);
                c = self.subgraphs[ci].parent;
            }
        }
        out
    }

    /// The class definition with this name, merged over all its definitions.
    pub fn class_def(&self, name: &str) -> Vec<StyleDecl> {
        crate::work::add(self.class_defs.len());
        self.class_defs
            .iter()
            .filter(|c| c.name == name)
            .flat_map(|c| c.style.iter().cloned())
            .collect()
    }

    /// Every class definition by name, merged, for resolving many styles:
    /// built once in O(D log D), each lookup O(log D) (where
    /// [`Graph::class_def`] scans all D definitions per call).
    pub fn class_index(&self) -> ClassIndex<'_> {
        let mut defs: std::collections::BTreeMap<&str, Vec<StyleDecl>> = Default::default();
        for c in &self.class_defs {
            defs.entry(c.name.as_str())
                .or_default()
                .extend(c.style.iter().cloned());
        }
        ClassIndex { graph: self, defs }
    }

    /// The effective style of a node: `classDef default` < its classes (in
    /// order) < its own `style` lines, as mermaid-js applies them (for
    /// every node, use [`Graph::class_index`] once instead).
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

/// Class definitions by name ([`Graph::class_index`]).
#[derive(Debug, Clone)]
pub struct ClassIndex<'g> {
    graph: &'g Graph,
    defs: std::collections::BTreeMap<&'g str, Vec<StyleDecl>>,
}

impl ClassIndex<'_> {
    /// The merged definition of class `name` (empty when undefined).
    pub fn class_def(&self, name: &str) -> &[StyleDecl] {
        crate::work::add(1);
        self.defs.get(name).map_or(&[], Vec::as_slice)
    }

    /// [`Graph::node_style`], with O(log D) lookups.
    pub fn node_style(&self, node: usize) -> ResolvedStyle {
        let mut s = ResolvedStyle::default();
        let Some(n) = self.graph.nodes.get(node) else {
            return s;
        };
        s.apply(self.class_def("default"));
        for c in &n.classes {
            s.apply(self.class_def(c));
        }
        s.apply(&n.style);
        s
    }
}
