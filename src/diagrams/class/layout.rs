//! Layout: measure every text (the only place text is measured), size the
//! class boxes (name, attributes, methods compartments) and notes, run
//! the shared layered engine and place the title.

use super::model::{Classifier, Diagram, Member};
use super::to_layered::{to_layered, EdgeRef, Mapped, NodeRef};
use super::ClassConfig;
use crate::geometry::Geometry;
use crate::text::{self, TextBox, TextStyle};

pub use crate::svg::TITLE_BAND;
pub use crate::svg::TITLE_FONT_SIZE;
/// Horizontal padding inside a class box.
pub const PAD_X: f64 = 12.0;
/// Vertical padding of the name compartment.
pub const PAD_TOP: f64 = 10.0;
/// Vertical padding above and below a member compartment's rows.
pub const PAD_ROWS: f64 = 6.0;
/// Height of an empty member compartment.
pub const EMPTY: f64 = 16.0;
pub const NOTE_PAD: f64 = 12.0;
pub const EDGE_LABEL_PAD: f64 = 4.0;
/// Cardinalities are drawn at this fraction of the font size.
pub const CARD_SCALE: f64 = 0.8;

/// A class box's measured texts.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassText {
    pub annotations: Vec<TextBox>,
    pub title: TextBox,
    pub attributes: Vec<(TextBox, Classifier)>,
    pub methods: Vec<(TextBox, Classifier)>,
    /// Heights of the three compartments.
    pub heights: [f64; 3],
    /// Whether the box is a lollipop interface (text only).
    pub interface: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeText {
    Class(ClassText),
    Note(TextBox),
}

/// Texts of an edge: label and cardinalities at the start and end.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeText {
    pub label: Option<TextBox>,
    pub from_card: Option<TextBox>,
    pub to_card: Option<TextBox>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub mapped: Mapped,
    pub geom: Geometry,
    pub node_text: Vec<NodeText>,
    pub edge_text: Vec<EdgeText>,
    pub cluster_text: Vec<TextBox>,
    pub title: Option<TextBox>,
    pub width: f64,
    pub height: f64,
    pub dx: f64,
    pub dy: f64,
    pub font_size: f64,
}

/// Whether a CSS `font-weight` is bold.
pub fn is_bold(w: &str) -> bool {
    let w = w.trim();
    w == "bold" || w == "bolder" || w.parse::<f64>().is_ok_and(|n| n >= 600.0)
}

fn rows(ms: &[Member], st: TextStyle) -> Vec<(TextBox, Classifier)> {
    ms.iter()
        .map(|m| {
            let s = TextStyle {
                italic: m.classifier == Classifier::Abstract,
                ..st
            };
            (text::layout(&m.text, s, false, None), m.classifier)
        })
        .collect()
}

fn rows_height(r: &[(TextBox, Classifier)]) -> f64 {
    if r.is_empty() {
        EMPTY
    } else {
        r.iter().map(|(b, _)| b.height).sum::<f64>() + 2.0 * PAD_ROWS
    }
}

/// Lay out `d`.
pub fn layout(d: &Diagram, cfg: &ClassConfig, font_size: f64) -> Layout {
    let mut m = to_layered(d);
    let st = TextStyle {
        size: font_size,
        ..TextStyle::default()
    };
    let mut node_text = Vec::with_capacity(m.nodes.len());
    for (v, r) in m.nodes.iter().enumerate() {
        let (w, h, t) = match *r {
            NodeRef::Class(i) => {
                let c = &d.classes[i];
                let rs = d.style_of(i);
                let italic = rs.font_style.as_deref() == Some("italic");
                let bst = TextStyle { italic, ..st };
                let interface = c.kind == super::model::ClassKind::Interface;
                let title = text::layout(
                    &c.title(),
                    TextStyle {
                        bold: !interface,
                        ..bst
                    },
                    false,
                    None,
                );
                let annotations: Vec<TextBox> = c
                    .annotations
                    .iter()
                    .map(|a| text::layout(&format!("«{a}»"), bst, false, None))
                    .collect();
                let attributes = rows(&c.attributes, bst);
                let methods = rows(&c.methods, bst);
                let widest = annotations
                    .iter()
                    .chain(std::iter::once(&title))
                    .chain(attributes.iter().chain(&methods).map(|(b, _)| b))
                    .map(|b| b.width)
                    .fold(0.0, f64::max);
                let heights = [
                    2.0 * PAD_TOP
                        + title.height
                        + annotations.iter().map(|b| b.height).sum::<f64>(),
                    rows_height(&attributes),
                    rows_height(&methods),
                ];
                let (w, h) = if interface {
                    (title.width + 8.0, title.height + 4.0)
                } else if cfg.hide_empty_members_box && attributes.is_empty() && methods.is_empty()
                {
                    ((widest + 2.0 * PAD_X).max(60.0), heights[0])
                } else {
                    (
                        (widest + 2.0 * PAD_X).max(60.0),
                        heights.iter().sum::<f64>(),
                    )
                };
                (
                    w,
                    h,
                    NodeText::Class(ClassText {
                        annotations,
                        title,
                        attributes,
                        methods,
                        heights,
                        interface,
                    }),
                )
            }
            NodeRef::Note(i) => {
                let t = text::layout(&d.notes[i].text, st, false, None);
                (
                    t.width + 2.0 * NOTE_PAD,
                    t.height + 2.0 * NOTE_PAD,
                    NodeText::Note(t),
                )
            }
        };
        m.graph.nodes[v].width = w;
        m.graph.nodes[v].height = h;
        node_text.push(t);
    }
    let mut edge_text = Vec::with_capacity(m.edges.len());
    for (k, r) in m.edges.iter().enumerate() {
        let t = match *r {
            EdgeRef::Relation(i) => {
                let rel = &d.relations[i];
                let me = |s: &Option<String>, st: TextStyle| {
                    s.as_deref().map(|s| text::layout(s, st, false, None))
                };
                let cst = TextStyle {
                    size: font_size * CARD_SCALE,
                    ..st
                };
                EdgeText {
                    label: me(&rel.label, st),
                    from_card: me(&rel.from_card, cst),
                    to_card: me(&rel.to_card, cst),
                }
            }
            EdgeRef::Note(_) => EdgeText::default(),
        };
        m.graph.edges[k].label = t
            .label
            .as_ref()
            .map(|b| (b.width + 2.0 * EDGE_LABEL_PAD, b.height));
        edge_text.push(t);
    }
    let mut cluster_text = Vec::with_capacity(m.clusters.len());
    for (k, &ns) in m.clusters.iter().enumerate() {
        let t = text::layout(&d.namespaces[ns].title, st, false, None);
        m.graph.clusters[k].title_size = (t.width + 2.0 * PAD_X, t.height);
        cluster_text.push(t);
    }
    let opts = crate::layered::LayoutOptions {
        node_spacing: cfg.node_spacing,
        rank_spacing: cfg.rank_spacing,
        margin: cfg.diagram_padding,
        default_curve: cfg.curve.clone(),
        ..Default::default()
    };
    let geom = crate::layered::layout(&m.graph, &opts);
    let title = d
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
        });
    let (gw, gh) = (geom.width.max(1.0), geom.height.max(1.0));
    let (width, height, dx, dy) = match &title {
        Some(tb) => {
            let w = gw.max(tb.width + 16.0).ceil();
            (w, (gh + TITLE_BAND).ceil(), (w - gw) / 2.0, TITLE_BAND)
        }
        None => (gw.ceil(), gh.ceil(), 0.0, 0.0),
    };
    Layout {
        mapped: m,
        geom,
        node_text,
        edge_text,
        cluster_text,
        title,
        width,
        height,
        dx,
        dy,
        font_size,
    }
}
