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
use crate::layered::LayoutOptions;
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
    let graph = parse::parse(pre)?;
    Ok(render_graph(&graph, cx))
}

/// Lay out and draw a parsed flowchart.
pub fn render_graph(graph: &model::Graph, cx: &Context<'_>) -> Drawing {
    let fc = FlowchartConfig::from_config(cx.config);
    let settings = measure::TextSettings::from_config(cx.config);
    let sizes = measure::measure_with(graph, &settings);
    let mut opts = fc.layout_options();
    opts.default_curve = fc.curve.clone();
    let lg = to_layered::to_layered(graph, &sizes);
    let geometry = crate::layered::layout(&lg, &opts);
    let (svg, width, height) = draw::render_svg(graph, &geometry, cx);
    Drawing {
        svg,
        width,
        height,
        layout_json: Some(crate::layered::json::to_json(&lg, &geometry)),
    }
}
