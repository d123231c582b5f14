//! Layout: every box measured (stereotype, bold name, a divider, field
//! lines), then the shared layered engine places the boxes and routes the
//! relationships; the ends get their own perpendicular ports.

use super::model::Diagram;
use crate::diagrams::er::layout::text_style;
use crate::geometry::{EdgePath, Geometry, Point, Rect};
use crate::layered;
use crate::style::ResolvedStyle;
use crate::text::{self, TextBox, TextStyle};

/// Horizontal padding inside a box.
pub const PAD_X: f64 = 10.0;
/// Space above the stereotype.
pub const PAD_TOP: f64 = 8.0;
/// Space between the name and the divider.
pub const DIVIDER_GAP: f64 = 12.0;
/// Space between the divider and the first field line.
pub const BODY_GAP: f64 = 8.0;
/// Space below the last line.
pub const PAD_BOTTOM: f64 = 12.0;
/// Padding around a relationship label inside its background.
pub const LABEL_PAD: (f64, f64) = (4.0, 2.0);
/// Title size relative to the base font size, and the space below it.
pub const TITLE_SCALE: f64 = 1.125;
pub const TITLE_GAP: f64 = 20.0;

/// A requirement's or element's box and its texts.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    pub rect: Rect,
    pub stereotype: TextBox,
    pub name: TextBox,
    /// Field lines (empty: no divider).
    pub body: Vec<TextBox>,
    pub style: ResolvedStyle,
    pub text: TextStyle,
}

impl NodeBox {
    /// Offset of the divider below the box's top.
    pub fn divider(&self) -> f64 {
        PAD_TOP + self.stereotype.height + self.name.height + DIVIDER_GAP
    }
}

/// A relationship's label (`<<satisfies>>`).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelBox {
    pub rect: Rect,
    pub text: TextBox,
}

/// Everything the drawing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<EdgePath>,
    pub labels: Vec<Option<LabelBox>>,
    pub title: Option<(TextBox, Point)>,
    pub label_style: TextStyle,
    pub title_style: TextStyle,
    pub graph: layered::Graph,
    pub geometry: Geometry,
}

/// The name without a strong marker around all of it (`**name**`,
/// `__name__`): names are drawn bold anyway, and markdown would toggle
/// the bold off.
pub fn bold_name(name: &str) -> &str {
    for m in ["**", "__"] {
        if let Some(inner) = name.strip_prefix(m).and_then(|r| r.strip_suffix(m)) {
            if !inner.trim().is_empty() {
                return inner;
            }
        }
    }
    name
}

fn node_box(d: &Diagram, i: usize, base: f64) -> NodeBox {
    let n = &d.nodes[i];
    let style = d.node_style(i);
    let ts = text_style(&style, base);
    let plain = TextStyle { bold: false, ..ts };
    let stereotype = text::measure(&n.stereotype(), plain);
    let name = text::layout(
        bold_name(&n.name),
        TextStyle { bold: true, ..ts },
        true,
        None,
    );
    let body: Vec<TextBox> = n
        .body()
        .iter()
        .map(|l| text::layout(l, plain, true, None))
        .collect();
    let widest = body
        .iter()
        .map(|t| t.width)
        .chain([stereotype.width, name.width])
        .fold(0.0, f64::max);
    let mut height = PAD_TOP + stereotype.height + name.height + PAD_BOTTOM;
    if !body.is_empty() {
        height += DIVIDER_GAP + BODY_GAP + body.iter().map(|t| t.height).sum::<f64>();
    }
    NodeBox {
        rect: Rect {
            x: 0.0,
            y: 0.0,
            width: widest + 2.0 * PAD_X,
            height,
        },
        stereotype,
        name,
        body,
        style,
        text: ts,
    }
}

/// Lay out a parsed diagram with the engine's `opts`.
pub fn layout(
    d: &Diagram,
    opts: &layered::LayoutOptions,
    base: f64,
    title: Option<&str>,
) -> Layout {
    let mut nodes: Vec<NodeBox> = (0..d.nodes.len()).map(|i| node_box(d, i, base)).collect();
    let label_style = TextStyle {
        size: base,
        ..TextStyle::default()
    };
    let label_texts: Vec<TextBox> = d
        .relationships
        .iter()
        .map(|r| text::measure(&format!("<<{}>>", r.kind.name()), label_style))
        .collect();
    let graph = layered::Graph {
        direction: d.direction,
        nodes: d
            .nodes
            .iter()
            .zip(&nodes)
            .map(|(n, b)| layered::Node {
                id: n.name.clone(),
                label: n.name.clone(),
                shape: crate::shape::Shape::Rect,
                width: b.rect.width,
                height: b.rect.height,
            })
            .collect(),
        edges: d
            .relationships
            .iter()
            .zip(&label_texts)
            .map(|(r, t)| layered::Edge {
                from: r.src,
                to: r.dst,
                min_len: 1,
                label: Some((t.width + 2.0 * LABEL_PAD.0, t.height + 2.0 * LABEL_PAD.1)),
                from_cluster: None,
                to_cluster: None,
                curve: None,
            })
            .collect(),
        clusters: Vec::new(),
    };
    let mut geometry = layered::layout(&graph, opts);
    layered::ports::spread_ports(&graph, &mut geometry);
    let title_style = TextStyle {
        size: base * TITLE_SCALE,
        ..TextStyle::default()
    };
    let title_box = title
        .filter(|t| !t.trim().is_empty())
        .map(|t| text::measure(t.trim(), title_style));
    let mut width = geometry.width;
    let mut height = geometry.height;
    let mut title_pos = None;
    if let Some(tb) = &title_box {
        let dy = tb.height + TITLE_GAP;
        geometry.translate(0.0, dy);
        height += dy;
        let need = tb.width + 2.0 * opts.margin;
        if need > width {
            geometry.translate((need - width) / 2.0, 0.0);
            width = need;
        }
        title_pos = Some(Point::new(width / 2.0, opts.margin + tb.height / 2.0));
    }
    for (b, r) in nodes.iter_mut().zip(&geometry.nodes) {
        b.rect = *r;
    }
    let edges = geometry.edges.iter().map(|e| e.path.clone()).collect();
    let labels = geometry
        .edges
        .iter()
        .zip(label_texts)
        .map(|(e, text)| e.label.map(|rect| LabelBox { rect, text }))
        .collect();
    Layout {
        width: width.ceil(),
        height: height.ceil(),
        nodes,
        edges,
        labels,
        title: title_box.zip(title_pos),
        label_style,
        title_style,
        graph,
        geometry,
    }
}
