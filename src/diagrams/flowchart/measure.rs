//! Measure: every label's size with the embedded fonts, and from it every
//! node's size for its shape. The result is all layout knows of text.
//!
//! The label functions here ([`node_label`], [`edge_label`],
//! [`title_label`]) are also what the renderer draws from, so measured and
//! drawn text are one code path.

use crate::config::Config;
use crate::diagrams::flowchart::model::{ClassIndex, Graph, ResolvedStyle, Shape};
use crate::shape;
use crate::text::{self, TextBox, TextStyle};

/// Font size of node and edge labels (Mermaid's default).
pub const FONT_SIZE: f64 = 16.0;

/// Mermaid's default `flowchart.wrappingWidth`: labels wrap to this width.
pub const WRAPPING_WIDTH: f64 = 200.0;

/// Sizes of everything layout places.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sizes {
    /// Node (width, height), by node index.
    pub nodes: Vec<(f64, f64)>,
    /// Edge label box (width, height), by edge index.
    pub edge_labels: Vec<Option<(f64, f64)>>,
    /// Subgraph title (width, height), by subgraph index.
    pub titles: Vec<(f64, f64)>,
}

/// Padding around an edge label's text inside its background box.
pub const EDGE_LABEL_PAD: f64 = 4.0;

/// Text settings read from the effective configuration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextSettings {
    /// `themeVariables.fontSize` (default 16).
    pub font_size: f64,
    /// `flowchart.wrappingWidth` (default 200).
    pub wrap: f64,
    /// `markdownAutoWrap` (default true): markdown strings wrap.
    pub markdown_wrap: bool,
}

impl TextSettings {
    /// The text settings of a resolved configuration.
    pub fn from_config(config: &Config) -> TextSettings {
        TextSettings {
            font_size: config.font_size,
            wrap: config
                .section("flowchart")
                .get_f64("wrappingWidth")
                .filter(|v| v.is_finite() && *v >= 20.0)
                .unwrap_or(WRAPPING_WIDTH),
            markdown_wrap: config.markdown_auto_wrap,
        }
    }
}

impl Default for TextSettings {
    fn default() -> Self {
        TextSettings::from_config(&Config::default())
    }
}

pub use crate::style::{parse_px, text_style};

/// The laid-out label of node `i`.
pub fn node_label(graph: &Graph, i: usize, s: &TextSettings) -> TextBox {
    node_label_in(graph, &graph.class_index(), i, s)
}

/// [`node_label`] with the class definitions already indexed.
pub fn node_label_in(
    graph: &Graph,
    classes: &ClassIndex<'_>,
    i: usize,
    s: &TextSettings,
) -> TextBox {
    let n = &graph.nodes[i];
    let style = text_style(&classes.node_style(i), s.font_size);
    if !shape::has_label(n.shape) {
        return text::measure("", style);
    }
    let wrap = (!n.markdown || s.markdown_wrap).then_some(s.wrap);
    let wrap = if n.shape == Shape::Text && !n.markdown {
        None
    } else {
        wrap
    };
    let (label, _) = super::icons::prepare(&n.label);
    super::icons::place(
        text::layout_rich(&label, style, n.markdown, !n.markdown, wrap),
        style,
    )
}

/// The resolved style of edge `i`: `linkStyle default` < its classes
/// (`class e1 name`, in order) < `linkStyle i`.
pub fn edge_style(graph: &Graph, i: usize) -> ResolvedStyle {
    let mut s = ResolvedStyle::default();
    s.apply(&graph.link_style_default);
    let e = &graph.edges[i];
    for c in &e.classes {
        s.apply(&graph.class_def(c));
    }
    s.apply(&e.style);
    s
}

/// How edge `i` is animated, as mermaid-js draws it: `e1@{ animate: true }`
/// (`animation: fast`, 20 s a cycle) or `animation: slow` (50 s) give its
/// CSS class and animation; an `animation: …` declaration from its classes
/// or `linkStyle` gives that animation. `None`: not animated.
pub fn edge_animation(graph: &Graph, i: usize) -> Option<(Option<&'static str>, String)> {
    let e = &graph.edges[i];
    let decl = e
        .classes
        .iter()
        .flat_map(|c| graph.class_def(c))
        .chain(e.style.iter().cloned())
        .filter(|d| d.property == "animation")
        .map(|d| d.value.trim_end_matches("!important").trim().to_string())
        .next_back();
    match (e.animate, decl) {
        (_, Some(v)) if !v.is_empty() && v != "none" => Some((None, v)),
        (true, _) if e.animation_slow => Some((
            Some("edge-animation-slow"),
            "dash 50s linear infinite".into(),
        )),
        (true, _) => Some((
            Some("edge-animation-fast"),
            "dash 20s linear infinite".into(),
        )),
        _ => None,
    }
}

/// The laid-out label of edge `i`, if it has one.
pub fn edge_label(graph: &Graph, i: usize, s: &TextSettings) -> Option<TextBox> {
    let e = &graph.edges[i];
    let label = e.label.as_deref().filter(|l| !l.trim().is_empty())?;
    let style = text_style(&edge_style(graph, i), s.font_size);
    let wrap = (e.label_markdown && s.markdown_wrap).then_some(s.wrap);
    let (label, _) = super::icons::prepare(label);
    let tb = text::layout_rich(&label, style, e.label_markdown, !e.label_markdown, wrap);
    Some(super::icons::place(tb, style))
}

/// The resolved style of subgraph `i`: its classes < its `style` lines.
pub fn subgraph_style(graph: &Graph, i: usize) -> ResolvedStyle {
    let sg = &graph.subgraphs[i];
    let mut s = ResolvedStyle::default();
    for c in &sg.classes {
        s.apply(&graph.class_def(c));
    }
    s.apply(&sg.style);
    s
}

/// The laid-out title of subgraph `i`.
pub fn title_label(graph: &Graph, i: usize, s: &TextSettings) -> TextBox {
    let sg = &graph.subgraphs[i];
    let style = text_style(&subgraph_style(graph, i), s.font_size);
    let (title, _) = super::icons::prepare(&sg.title);
    let tb = text::layout_rich(&title, style, sg.title_markdown, !sg.title_markdown, None);
    super::icons::place(tb, style)
}

pub use crate::svg::TITLE_FONT_SIZE;

/// Every label of a flowchart, measured and wrapped: what drawing writes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels {
    /// By node index.
    pub nodes: Vec<TextBox>,
    /// By edge index (`None` without a label).
    pub edges: Vec<Option<TextBox>>,
    /// Subgraph titles, by subgraph index.
    pub titles: Vec<TextBox>,
    /// The front-matter title, if any.
    pub title: Option<TextBox>,
}

/// Measure every label of `graph`.
pub fn labels(graph: &Graph, s: &TextSettings) -> Labels {
    let classes = graph.class_index();
    Labels {
        nodes: (0..graph.nodes.len())
            .map(|i| node_label_in(graph, &classes, i, s))
            .collect(),
        edges: (0..graph.edges.len())
            .map(|i| edge_label(graph, i, s))
            .collect(),
        titles: (0..graph.subgraphs.len())
            .map(|i| title_label(graph, i, s))
            .collect(),
        title: graph
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| {
                text::measure(
                    t,
                    TextStyle {
                        size: TITLE_FONT_SIZE,
                        ..TextStyle::default()
                    },
                )
            }),
    }
}

/// Measure every label of `graph` with the default settings.
pub fn measure(graph: &Graph) -> Sizes {
    measure_with(graph, &TextSettings::default())
}

/// Measure every label of `graph`: the sizes layout places.
pub fn measure_with(graph: &Graph, s: &TextSettings) -> Sizes {
    sizes(graph, &labels(graph, s))
}

/// The sizes of nodes (label grown by the shape), edge label boxes and
/// subgraph titles, from the measured labels.
pub fn sizes(graph: &Graph, labels: &Labels) -> Sizes {
    let nodes = graph
        .nodes
        .iter()
        .zip(&labels.nodes)
        .map(|(n, b)| {
            let (w, h) = shape::node_size(n.shape, b.width, b.height);
            if n.shape == Shape::ForkJoin && graph.direction.is_horizontal() {
                (h, w)
            } else {
                (w, h)
            }
        })
        .collect();
    let edge_labels = labels
        .edges
        .iter()
        .map(|b| {
            b.as_ref()
                .map(|b| (b.width + 2.0 * EDGE_LABEL_PAD, b.height))
        })
        .collect();
    let titles = labels.titles.iter().map(|b| (b.width, b.height)).collect();
    Sizes {
        nodes,
        edge_labels,
        titles,
    }
}
