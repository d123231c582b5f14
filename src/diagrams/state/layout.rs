//! Layout: measure every text (the only place text is measured), size the
//! boxes, run the shared layered engine and place the diagram title.

use super::model::{Diagram, Kind};
use super::to_layered::{to_layered, ClusterRef, EdgeRef, Mapped, NodeRef};
use super::StateConfig;
use crate::geometry::Geometry;
use crate::text::{self, TextBox, TextStyle};

/// Height of the band above the diagram holding the title.
pub use crate::svg::TITLE_BAND;
/// Font size of the diagram title.
pub use crate::svg::TITLE_FONT_SIZE;
/// Padding around a note's text.
pub const NOTE_PAD: f64 = 12.0;
/// Horizontal padding around an edge label's text.
pub const EDGE_LABEL_PAD: f64 = 4.0;
/// Room reserved under a composite's title band (beyond the band).
pub const TITLE_ROOM: f64 = 12.0;
/// Height of a composite's title band beyond its text.
pub const BAND_PAD: f64 = 6.0;
/// Gap between a described state's title and the line under it.
pub const DESC_GAP: f64 = 4.0;

/// Texts of a node: the title and, for a described state, the lines under it.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeText {
    pub title: TextBox,
    pub body: Option<TextBox>,
}

/// Everything `draw` needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub mapped: Mapped,
    pub geom: Geometry,
    pub node_text: Vec<Option<NodeText>>,
    pub edge_text: Vec<Option<TextBox>>,
    pub cluster_text: Vec<Option<TextBox>>,
    pub title: Option<TextBox>,
    /// Canvas size (whole pixels) and the offset of the geometry in it.
    pub width: f64,
    pub height: f64,
    pub dx: f64,
    pub dy: f64,
    pub font_size: f64,
}

fn style(size: f64) -> TextStyle {
    TextStyle {
        size,
        ..TextStyle::default()
    }
}

/// Lay out `d`.
pub fn layout(d: &Diagram, cfg: &StateConfig, font_size: f64) -> Layout {
    let mut m = to_layered(d);
    let st = style(font_size);
    let measure = |s: &str| text::layout(s, st, false, None);
    let horizontal = m.graph.direction.is_horizontal();
    let mut node_text = Vec::with_capacity(m.nodes.len());
    for (v, r) in m.nodes.iter().enumerate() {
        let (w, h, t) = match *r {
            NodeRef::State(i) => {
                let s = &d.states[i];
                match s.kind {
                    Kind::Normal => {
                        let rs = d.style_of(i);
                        let ts = TextStyle {
                            bold: rs.font_weight.as_deref().is_some_and(is_bold),
                            italic: rs.font_style.as_deref() == Some("italic"),
                            ..st
                        };
                        let title = text::layout(s.title(), ts, false, None);
                        let body = (!s.body().is_empty())
                            .then(|| text::layout(&s.body().join("\n"), ts, false, None));
                        let p = cfg.padding;
                        let (w, h) = match &body {
                            None => (title.width + 2.0 * p, title.height + 2.0 * p),
                            Some(b) => (
                                title.width.max(b.width) + 2.0 * p,
                                title.height + b.height + 2.0 * p + 2.0 * DESC_GAP,
                            ),
                        };
                        (w.max(30.0), h, Some(NodeText { title, body }))
                    }
                    Kind::Start | Kind::End => (14.0, 14.0, None),
                    Kind::Choice => (28.0, 28.0, None),
                    Kind::Fork | Kind::Join => {
                        if horizontal {
                            (10.0, 70.0, None)
                        } else {
                            (70.0, 10.0, None)
                        }
                    }
                }
            }
            NodeRef::Note(i) => {
                let t = measure(&d.notes[i].text);
                (
                    t.width + 2.0 * NOTE_PAD,
                    t.height + 2.0 * NOTE_PAD,
                    Some(NodeText {
                        title: t,
                        body: None,
                    }),
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
            EdgeRef::Transition(i) => d.transitions[i].label.as_deref().map(measure),
            EdgeRef::Note(_) => None,
        };
        m.graph.edges[k].label = t
            .as_ref()
            .map(|b| (b.width + 2.0 * EDGE_LABEL_PAD, b.height));
        edge_text.push(t);
    }
    let mut cluster_text = Vec::with_capacity(m.clusters.len());
    for (k, r) in m.clusters.iter().enumerate() {
        let t = match *r {
            ClusterRef::Composite(c) => Some(measure(d.states[d.composites[c].state].title())),
            ClusterRef::Region(..) => None,
        };
        m.graph.clusters[k].title_size = t.as_ref().map_or((0.0, 0.0), |b| {
            (b.width + 2.0 * cfg.padding, b.height + TITLE_ROOM)
        });
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
        .map(|t| text::measure(t, style(TITLE_FONT_SIZE)));
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

/// Whether a CSS `font-weight` is bold.
pub fn is_bold(w: &str) -> bool {
    let w = w.trim();
    w == "bold" || w == "bolder" || w.parse::<f64>().is_ok_and(|n| n >= 600.0)
}
