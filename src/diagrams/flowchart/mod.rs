//! Flowcharts (`graph`, `flowchart`, `flowchart-elk`).
//!
//! `parse` (source → [`model::Graph`]) → `measure` (labels → sizes; the
//! only place text is measured) → `to_layered` → the shared layered engine
//! (`crate::layered`) → `draw` (SVG). The geometry is also written as
//! layout JSON for `-f layout` (`crate::layered::json`).

pub mod draw;
pub mod measure;
pub mod model;
pub(crate) mod parse;
pub mod to_layered;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::geometry::Geometry;
use crate::layered::{InvalidGraph, LayoutOptions};
use crate::syntax::{ParseError, Preamble};

/// The `flowchart` configuration section, typed. Each field names the
/// Mermaid key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowchartConfig {
    /// `flowchart.curve` (default `basis`): the default edge curve.
    pub curve: Option<String>,
    /// `flowchart.nodeSpacing` (default 50): space between nodes of one rank.
    pub node_spacing: f64,
    /// `flowchart.rankSpacing` (default 50): space between ranks.
    pub rank_spacing: f64,
    /// `flowchart.diagramPadding` (default 8): margin around the drawing.
    pub diagram_padding: f64,
    /// `flowchart.padding` (default 16 here): padding inside subgraph boxes.
    pub padding: f64,
    /// `flowchart.wrappingWidth` (default 200): labels wrap to this width.
    pub wrapping_width: f64,
    /// `flowchart.htmlLabels` (default true). Labels are always drawn as SVG
    /// text; kept so the option is read and documented.
    pub html_labels: bool,
}

impl FlowchartConfig {
    /// Read the `flowchart` section of `config` (invalid values fall back
    /// to the defaults).
    pub fn from_config(config: &Config) -> FlowchartConfig {
        let s = config.section("flowchart");
        let d = LayoutOptions::default();
        let num = |k: &str, lo: f64, hi: f64, def: f64| {
            s.get_f64(k)
                .filter(|v| v.is_finite() && *v >= lo && *v <= hi)
                .unwrap_or(def)
        };
        FlowchartConfig {
            curve: s.get_str("curve").filter(|c| !c.trim().is_empty()),
            node_spacing: num("nodeSpacing", 0.0, 2000.0, d.node_spacing),
            rank_spacing: num("rankSpacing", 0.0, 2000.0, d.rank_spacing),
            diagram_padding: num("diagramPadding", 0.0, 2000.0, d.margin),
            padding: num("padding", 0.0, 500.0, d.cluster_padding),
            wrapping_width: num("wrappingWidth", 20.0, f64::MAX, measure::WRAPPING_WIDTH),
            html_labels: !matches!(s.get("htmlLabels"), Some(Value::Bool(false))),
        }
    }

    /// The layered engine's options for this configuration.
    pub fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            node_spacing: self.node_spacing,
            rank_spacing: self.rank_spacing,
            margin: self.diagram_padding,
            cluster_padding: self.padding,
            ..LayoutOptions::default()
        }
    }
}

/// Parse, lay out and draw a flowchart.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let graph = parse::parse_with(pre, cx.budgets)?;
    // The parser builds only valid graphs.
    render_graph(&graph, cx).map_err(|e| ParseError {
        kind: crate::syntax::ParseErrorKind::Syntax,
        message: format!("internal error: {e}"),
        span: crate::syntax::Span::default(),
    })
}

/// A flowchart's whole source (front matter and directives included)
/// parsed into its model.
pub fn parse_source(source: &str) -> Result<model::Graph, ParseError> {
    let pre = crate::syntax::read_preamble(source)?;
    super::type_of(&pre)?;
    parse::parse(&pre)
}

pub use crate::svg::TITLE_BAND;

/// A laid-out flowchart: everything drawing needs, with no text left to
/// measure.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLayout {
    /// The layered engine's input (for the layout JSON and checks).
    pub layered: crate::layered::Graph,
    /// Boxes, routes and subgraph boxes (indices match the model's), in the
    /// frame below the title band.
    pub geometry: Geometry,
    /// Every label, measured and wrapped.
    pub labels: measure::Labels,
    /// The canvas: whole pixels, with the title band.
    pub width: f64,
    pub height: f64,
    /// Offset of the geometry's frame on the canvas (centring under a wide
    /// title, and the title band).
    pub dx: f64,
    pub dy: f64,
}

/// The canvas for `geometry` under an optional title: rounded up to whole
/// pixels (the slack goes right and down, or both sides of a centred
/// title). A browser showing an SVG whose size is fractional rasterises it
/// at the rounded size and resamples it, which blurs every edge; at
/// whole-pixel sizes it draws at scale 1, like our PNG.
pub fn arrange(
    layered: crate::layered::Graph,
    geometry: Geometry,
    labels: measure::Labels,
) -> FlowLayout {
    let (gw, gh) = (geometry.width.max(0.0), geometry.height.max(0.0));
    let (width, height, dx, dy) = match &labels.title {
        Some(tb) => {
            let w = gw.max(tb.width + 16.0).ceil();
            (w, (gh + TITLE_BAND).ceil(), (w - gw) / 2.0, TITLE_BAND)
        }
        None => (gw.ceil(), gh.ceil(), 0.0, 0.0),
    };
    FlowLayout {
        layered,
        geometry,
        labels,
        width,
        height,
        dx,
        dy,
    }
}

/// Measure and lay out a parsed flowchart under `config` (text is measured
/// here and only here). A graph built by hand is checked first
/// ([`model::Graph::validate`]).
pub fn layout(graph: &model::Graph, config: &Config) -> Result<FlowLayout, InvalidGraph> {
    graph.validate()?;
    let fc = FlowchartConfig::from_config(config);
    let settings = measure::TextSettings::from_config(config);
    let labels = measure::labels(graph, &settings);
    let sizes = measure::sizes(graph, &labels);
    let mut opts = fc.layout_options();
    opts.default_curve = fc.curve.clone();
    let lg = to_layered::to_layered(graph, &sizes);
    let geometry = crate::layered::layout(&lg, &opts);
    Ok(arrange(lg, geometry, labels))
}

/// Lay out and draw a flowchart model (checked first, so a graph built by
/// hand with a bad index or a cyclic subgraph tree is an error, not a
/// panic).
pub fn render_graph(graph: &model::Graph, cx: &Context<'_>) -> Result<Drawing, InvalidGraph> {
    let fl = layout(graph, cx.config)?;
    let svg = draw::render_svg(graph, &fl, cx);
    Ok(Drawing {
        svg,
        width: fl.width,
        height: fl.height,
        layout_json: cx
            .layout_json
            .then(|| crate::layered::json::to_json(&fl.layered, &fl.geometry)),
    })
}
