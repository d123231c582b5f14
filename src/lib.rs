//! mermaid-render: find Mermaid diagrams in documents and render them to SVG
//! and PNG without a browser.
//!
//! The pipeline, one module per stage:
//! `extract` (documents → [`extract::Block`]) → `parse` (source → [`model::Graph`])
//! → `measure` (labels → sizes, with [`text`]) → `layout` (→ [`geometry::Geometry`])
//! → `render` (→ SVG string) → `raster` (→ PNG bytes).

pub mod extract;
pub mod geometry;
pub mod layout;
pub mod layout_json;
pub mod measure;
pub mod model;
pub mod parse;
pub mod raster;
pub mod render;
pub mod shape;
pub mod testgen;
pub mod text;

use geometry::Geometry;
use model::Graph;
use parse::{Diagram, ParseError};

/// Options for a whole render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub layout: layout::LayoutOptions,
    pub render: render::RenderOptions,
}

/// A diagram taken through parse, measure and layout, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub graph: Graph,
    pub geometry: Geometry,
    pub svg: String,
}

/// Anything that can go wrong rendering one diagram.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error(transparent)]
    Raster(#[from] raster::RasterError),
}

/// Parse, lay out and draw one diagram's source as SVG.
pub fn render_svg(source: &str, options: &Options) -> Result<Rendered, Error> {
    let Diagram::Flowchart(graph) = parse::parse(source)?;
    let config = render::effective_config(&options.render.config, &graph);
    let sizes = measure::measure_with(&graph, &measure::TextSettings::from_config(&config));
    let geometry = layout::layout(&graph, &sizes, &options.layout);
    let svg = render::render_svg(&graph, &geometry, &options.render);
    Ok(Rendered {
        graph,
        geometry,
        svg,
    })
}

/// Rasterise an SVG produced by [`render_svg`] to PNG bytes.
pub fn render_png(svg: &str, scale: f32) -> Result<Vec<u8>, Error> {
    Ok(raster::svg_to_png(svg, scale)?)
}
