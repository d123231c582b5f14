//! Mermaid's default theme, as named constants.

/// Node fill.
pub const NODE_FILL: &str = "#ECECFF";
/// Node outline.
pub const NODE_STROKE: &str = "#9370DB";
/// Node outline width (px).
pub const NODE_STROKE_WIDTH: f64 = 1.0;
/// Label text colour (nodes, edge labels, cluster titles).
pub const TEXT_COLOR: &str = "#333";
/// Font size of every label (px).
pub const FONT_SIZE: f64 = 16.0;

/// Edge line and arrowhead colour.
pub const EDGE_STROKE: &str = "#333333";
/// Width of a normal (`-->`) and dotted (`-.->`) edge.
pub const EDGE_WIDTH: f64 = 1.0;
/// Width of a thick (`==>`) edge.
pub const EDGE_THICK_WIDTH: f64 = 3.5;
/// Dash pattern of a dotted edge.
pub const EDGE_DOTTED_DASH: &str = "3";

/// Edge label background colour and its opacity (`rgba(232,232,232,0.8)`).
pub const EDGE_LABEL_BG: &str = "#e8e8e8";
pub const EDGE_LABEL_BG_OPACITY: f64 = 0.8;

/// Subgraph box fill and outline.
pub const CLUSTER_FILL: &str = "#ffffde";
pub const CLUSTER_STROKE: &str = "#aaaa33";
pub const CLUSTER_STROKE_WIDTH: f64 = 1.0;

/// Corner radius of a rounded node (`(text)`).
pub const ROUNDED_RADIUS: f64 = 5.0;
/// Inset of a subroutine node's inner vertical lines (`[[text]]`).
pub const SUBROUTINE_INSET: f64 = 8.0;
/// Gap between a double circle's outer and inner ring.
pub const DOUBLE_CIRCLE_GAP: f64 = 5.0;

/// Length (along the edge) of an arrowhead, in user units.
pub const ARROW_POINT_SIZE: f64 = 8.0;
/// Diameter of a circle end marker (`--o`), in user units.
pub const ARROW_CIRCLE_SIZE: f64 = 10.0;
/// Size of a cross end marker (`--x`), in user units.
pub const ARROW_CROSS_SIZE: f64 = 10.0;
