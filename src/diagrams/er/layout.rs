//! Layout: every text measured, every entity sized (a name box, or a
//! header and an attribute table), then the shared layered engine places
//! the entities and routes the relationships. The result holds every box,
//! text and path the drawing needs, and the canvas.

use super::model::{Attribute, Diagram};
use super::ErConfig;
use crate::geometry::{Geometry, Point, Rect};
use crate::layered;
use crate::style::ResolvedStyle;
use crate::text::{self, TextBox, TextStyle};

/// Horizontal padding on each side of a table cell's text.
pub const CELL_PAD_X: f64 = 12.5;
/// Vertical padding above and below a table row's text (42.75 px rows at 16 px).
pub const CELL_PAD_Y: f64 = 9.375;
/// Padding around a name-only entity's label (horizontal, vertical).
pub const NAME_PAD: (f64, f64) = (20.0, 30.0);
/// Relationship labels are drawn at this fraction of the font size (14 px at 16).
pub const LABEL_SCALE: f64 = 0.875;
/// Padding around a relationship label inside its background.
pub const LABEL_PAD: (f64, f64) = (4.0, 2.0);
/// The title's font size relative to the base size (18 px at 16).
pub const TITLE_SCALE: f64 = 1.125;
/// Space below the title.
pub const TITLE_GAP: f64 = 20.0;

/// One attribute row's cells: type, name, keys, comment (texts laid out).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: [TextBox; 4],
    /// Top of the row and its height (relative to the entity's top).
    pub top: f64,
    pub height: f64,
}

/// An entity's box and its contents.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityBox {
    pub rect: Rect,
    pub name: TextBox,
    /// Height of the header (the whole box when there are no attributes).
    pub header: f64,
    pub rows: Vec<Row>,
    /// Left edge of each column relative to the box's left, and each
    /// column's width (0 for a column no attribute uses).
    pub columns: [(f64, f64); 4],
    pub style: ResolvedStyle,
    pub text: TextStyle,
}

/// A relationship's label.
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
    pub entities: Vec<EntityBox>,
    /// Relationship paths, `a` end first, and their labels.
    pub edges: Vec<crate::geometry::EdgePath>,
    pub labels: Vec<Option<LabelBox>>,
    pub title: Option<(TextBox, Point)>,
    pub label_style: TextStyle,
    pub title_style: TextStyle,
    /// The engine's input and output, for `-f layout`.
    pub graph: layered::Graph,
    pub geometry: Geometry,
}

pub use crate::style::text_style;

/// A type as Mermaid shows it: `~` pairs become angle brackets
/// (`List~List~int~~` → `List<List<int>>`).
pub fn display_type(ty: &str) -> String {
    let chars: Vec<char> = ty.chars().collect();
    let mut out = String::with_capacity(ty.len());
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        if c != '~' {
            out.push(c);
            continue;
        }
        let next = chars.get(i + 1);
        let opens = next.is_some_and(|n| n.is_alphanumeric() || *n == '_');
        if opens && i > 0 {
            depth += 1;
            out.push('<');
        } else if depth > 0 {
            depth -= 1;
            out.push('>');
        } else {
            out.push('~');
        }
    }
    out
}

/// Whether a cell's text reads as markdown: its `*` and `_` markers
/// pair up (a lone `*id` is a literal asterisk).
pub fn balanced(t: &str) -> bool {
    let stars = t.matches('*').count();
    let unders = t.matches('_').count();
    stars + unders > 0 && stars % 2 == 0 && unders % 2 == 0
}

fn cell_texts(a: &Attribute) -> [String; 4] {
    [
        display_type(&a.ty),
        a.name.clone(),
        a.keys.join(","),
        a.comment.clone(),
    ]
}

/// Size an entity: a name box, or a header over an attribute table.
fn entity_box(d: &Diagram, i: usize, cfg: &ErConfig, base: f64) -> EntityBox {
    let e = &d.entities[i];
    let style = d.entity_style(i);
    let ts = text_style(&style, base);
    let name = text::layout(e.label(), ts, true, None);
    let cell_style = TextStyle { bold: false, ..ts };
    if e.attributes.is_empty() {
        let w = (name.width + 2.0 * NAME_PAD.0).max(cfg.min_entity_width);
        let h = (name.height + 2.0 * NAME_PAD.1).max(cfg.min_entity_height);
        return EntityBox {
            rect: Rect {
                x: 0.0,
                y: 0.0,
                width: w,
                height: h,
            },
            name,
            header: h,
            rows: Vec::new(),
            columns: [(0.0, 0.0); 4],
            style,
            text: ts,
        };
    }
    let cells: Vec<[TextBox; 4]> = e
        .attributes
        .iter()
        .map(|a| cell_texts(a).map(|t| text::layout(&t, cell_style, balanced(&t), None)))
        .collect();
    let mut widths = [0.0f64; 4];
    for (k, w) in widths.iter_mut().enumerate() {
        let used = e.attributes.iter().any(|a| !cell_texts(a)[k].is_empty());
        if used || k < 2 {
            let widest = cells.iter().map(|c| c[k].width).fold(0.0, f64::max);
            *w = widest + 2.0 * CELL_PAD_X;
        }
    }
    let table: f64 = widths.iter().sum();
    let need = (name.width + 2.0 * NAME_PAD.0).max(cfg.min_entity_width);
    if table < need {
        let used: Vec<usize> = (0..4).filter(|&k| widths[k] > 0.0).collect();
        let extra = (need - table) / used.len().max(1) as f64;
        for k in used {
            widths[k] += extra;
        }
    }
    let mut columns = [(0.0, 0.0); 4];
    let mut x = 0.0;
    for k in 0..4 {
        columns[k] = (x, widths[k]);
        x += widths[k];
    }
    let width = x;
    let header = name.height + 2.0 * CELL_PAD_Y;
    let mut top = header;
    let rows: Vec<Row> = cells
        .into_iter()
        .map(|c| {
            let h = c.iter().map(|t| t.height).fold(0.0, f64::max) + 2.0 * CELL_PAD_Y;
            let r = Row {
                cells: c,
                top,
                height: h,
            };
            top += h;
            r
        })
        .collect();
    EntityBox {
        rect: Rect {
            x: 0.0,
            y: 0.0,
            width,
            height: top,
        },
        name,
        header,
        rows,
        columns,
        style,
        text: ts,
    }
}

/// Lay out a parsed diagram; `title` is the front matter's or the
/// diagram's own.
pub fn layout(d: &Diagram, cfg: &ErConfig, base: f64, title: Option<&str>) -> Layout {
    let mut entities: Vec<EntityBox> = (0..d.entities.len())
        .map(|i| entity_box(d, i, cfg, base))
        .collect();
    let label_style = TextStyle {
        size: base * LABEL_SCALE,
        ..TextStyle::default()
    };
    let label_texts: Vec<Option<TextBox>> = d
        .relationships
        .iter()
        .map(|r| {
            (!r.label.trim().is_empty()).then(|| text::layout(&r.label, label_style, true, None))
        })
        .collect();
    let graph = layered::Graph {
        direction: d.direction,
        nodes: d
            .entities
            .iter()
            .zip(&entities)
            .map(|(e, b)| layered::Node {
                id: e.id.clone(),
                label: e.label().to_string(),
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
                from: r.a,
                to: r.b,
                min_len: 1,
                label: t
                    .as_ref()
                    .map(|t| (t.width + 2.0 * LABEL_PAD.0, t.height + 2.0 * LABEL_PAD.1)),
                from_cluster: None,
                to_cluster: None,
                curve: None,
            })
            .collect(),
        clusters: Vec::new(),
    };
    let opts = layered::LayoutOptions {
        node_spacing: cfg.node_spacing,
        rank_spacing: cfg.rank_spacing,
        margin: cfg.diagram_padding,
        ..layered::LayoutOptions::default()
    };
    let mut geometry = layered::layout(&graph, &opts);
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
        let need = tb.width + 2.0 * cfg.diagram_padding;
        if need > width {
            geometry.translate((need - width) / 2.0, 0.0);
            width = need;
        }
        title_pos = Some(Point::new(
            width / 2.0,
            cfg.diagram_padding + tb.height / 2.0,
        ));
    }
    for (b, r) in entities.iter_mut().zip(&geometry.nodes) {
        b.rect = *r;
    }
    let edges = geometry.edges.iter().map(|e| e.path.clone()).collect();
    let labels = geometry
        .edges
        .iter()
        .zip(label_texts)
        .map(|(e, t)| match (e.label, t) {
            (Some(rect), Some(text)) => Some(LabelBox { rect, text }),
            _ => None,
        })
        .collect();
    Layout {
        width: width.ceil(),
        height: height.ceil(),
        entities,
        edges,
        labels,
        title: title_box.zip(title_pos),
        label_style,
        title_style,
        graph,
        geometry,
    }
}
