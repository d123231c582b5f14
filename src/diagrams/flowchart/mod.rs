//! Flowcharts (`graph`, `flowchart`, `flowchart-elk`).
//!
//! `parse` (source → [`model::Graph`]) → `measure` (labels → sizes; the
//! only place text is measured) → `to_layered` → the shared layered engine
//! (`crate::layered`) → `draw` (SVG). The geometry is also written as
//! layout JSON for `-f layout` (`crate::layered::json`).

pub mod draw;
#[cfg(test)]
mod feature_tests;
pub mod icons;
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
    /// `flowchart.inheritDir` (default false): a subgraph without its own
    /// `direction` takes its parent's; by default one that no edge enters
    /// is laid out across its parent's direction, as mermaid-js does.
    pub inherit_dir: bool,
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
            inherit_dir: matches!(s.get("inheritDir"), Some(Value::Bool(true))),
        }
    }

    /// The layered engine's options for this configuration.
    pub fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            node_spacing: self.node_spacing,
            rank_spacing: self.rank_spacing,
            margin: self.diagram_padding,
            cluster_padding: self.padding,
            calm_edges: true,
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

/// The icon tokens of `graph`'s labels that name no Font Awesome Free
/// icon (`fab:fa-truck-bold`): they are dropped from the drawing, and
/// callers may warn about them.
pub fn unknown_icons(graph: &model::Graph) -> Vec<String> {
    let labels = graph
        .nodes
        .iter()
        .map(|n| n.label.as_str())
        .chain(graph.edges.iter().filter_map(|e| e.label.as_deref()))
        .chain(graph.subgraphs.iter().map(|s| s.title.as_str()));
    let mut out: Vec<String> = labels.flat_map(|l| icons::prepare(l).1).collect();
    out.extend(
        graph
            .nodes
            .iter()
            .filter_map(|n| n.icon.as_deref())
            .filter(|i| crate::icons::lookup_spec(i).is_none() && is_fa_spec(i))
            .map(str::to_string),
    );
    out
}

/// True for an icon node's Font Awesome name (`fa:car`, `fab:github`);
/// other packs (`logos:aws`) stay placeholders without a warning.
pub fn is_fa_spec(spec: &str) -> bool {
    spec.split_once(':')
        .is_some_and(|(p, _)| matches!(p.trim(), "fa" | "fab" | "fak" | "fal" | "far" | "fas"))
}

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
    let lg = to_layered::to_layered_with(graph, &sizes, fc.inherit_dir);
    let mut geometry = crate::layered::layout(&lg, &opts);
    subgraph_self_loops(graph, &mut geometry, opts.margin);
    Ok(arrange(lg, geometry, labels))
}

/// How far a subgraph's self-loop reaches outside its box.
const CLUSTER_LOOP_REACH: f64 = 24.0;

/// Put every self-loop on a subgraph (`S --> S`) on the subgraph's border:
/// one the layered engine drew on a member node (a subgraph edges enter
/// stays in the outer layout, where its loop holds a member) becomes a
/// loop from the box's bottom border round its bottom-right corner back
/// into its right border, its label beside the corner; the canvas grows
/// to hold it. A loop already on the border (a subgraph laid out on its
/// own) is kept.
fn subgraph_self_loops(graph: &model::Graph, geometry: &mut Geometry, margin: f64) {
    use crate::geometry::{EdgePath, Point, Seg};
    for (i, e) in graph.edges.iter().enumerate() {
        let (Some(s), Some(t)) = (e.from_cluster, e.to_cluster) else {
            continue;
        };
        let (Some(cg), true) = (geometry.clusters.get(s).copied(), s == t) else {
            continue;
        };
        let Some(eg) = geometry.edges.get_mut(i) else {
            continue;
        };
        let r = cg.rect;
        let p = eg.path.start;
        let on_border = ((p.x - r.left()).abs() < 1.0 || (p.x - r.right()).abs() < 1.0)
            && p.y >= r.top() - 1.0
            && p.y <= r.bottom() + 1.0
            || ((p.y - r.top()).abs() < 1.0 || (p.y - r.bottom()).abs() < 1.0)
                && p.x >= r.left() - 1.0
                && p.x <= r.right() + 1.0;
        if on_border {
            continue;
        }
        let k = CLUSTER_LOOP_REACH;
        let inset = (r.width.min(r.height) / 3.0).min(30.0);
        let start = Point::new(r.right() - inset, r.bottom());
        let end = Point::new(r.right(), r.bottom() - inset);
        eg.path = EdgePath {
            start,
            segs: vec![Seg::Cubic(
                Point::new(start.x, start.y + k * 1.4),
                Point::new(end.x + k * 1.4, end.y),
                end,
            )],
        };
        if let Some(l) = eg.label.as_mut() {
            l.x = r.right() + k * 0.6 + l.width / 2.0;
            l.y = r.bottom() + k * 0.6 + l.height / 2.0;
        }
        let label_far = eg.label.map_or((0.0, 0.0), |l| (l.right(), l.bottom()));
        geometry.width = geometry
            .width
            .max(r.right() + k + margin)
            .max(label_far.0 + margin);
        geometry.height = geometry
            .height
            .max(r.bottom() + k + margin)
            .max(label_far.1 + margin);
    }
}

/// Lay out and draw a flowchart model (checked first, so a graph built by
/// hand with a bad index or a cyclic subgraph tree is an error, not a
/// panic).
pub fn render_graph(graph: &model::Graph, cx: &Context<'_>) -> Result<Drawing, InvalidGraph> {
    let fl = layout(graph, cx.config)?;
    let svg = if cx.draw_svg {
        draw::render_svg(graph, &fl, cx)
    } else {
        String::new()
    };
    Ok(Drawing {
        svg,
        width: fl.width,
        height: fl.height,
        layout_json: cx
            .layout_json
            .then(|| crate::layered::json::to_json(&fl.layered, &fl.geometry)),
    })
}
