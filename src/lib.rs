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
    let t = std::time::Instant::now();
    let timing = std::env::var_os("MR_TIMING").is_some();
    let Diagram::Flowchart(graph) = parse::parse(source)?;
    if timing {
        eprintln!("parse {:?}", t.elapsed());
    }
    let sizes = measure::measure(&graph);
    if timing {
        eprintln!("measure {:?}", t.elapsed());
    }
    let geometry = layout::layout(&graph, &sizes, &options.layout);
    if timing {
        eprintln!("layout {:?}", t.elapsed());
    }
    let svg = render::render_svg(&graph, &geometry, &options.render);
    if timing {
        eprintln!("render {:?}", t.elapsed());
    }
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
