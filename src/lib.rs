//! mermaid-render: find Mermaid diagrams in documents and render them to SVG
//! and PNG without a browser.
//!
//! The pipeline, one module per stage: [`extract`] (documents →
//! [`extract::Block`]) → [`syntax`] (the preamble every type shares:
//! keyword, front matter, directives) → [`config`] (resolved once) → a
//! diagram type's folder under [`diagrams`] (its parser, model, layout and
//! drawing, over the shared [`text`], [`theme`], [`svg`] and [`layered`]
//! parts) → [`raster`] (PNG).
//!
//! ```
//! let source = "flowchart LR\n  A[Start] --> B{Ok?}\n  B -->|yes| C[Done]";
//! let rendered = mermaid_render::render(source, &mermaid_render::Options::default())?;
//! assert_eq!(rendered.diagram_type, "flowchart");
//! assert!(rendered.svg.contains("Start"));
//! assert!(rendered.width > 0.0 && rendered.height > 0.0);
//! let png = rendered.png(1.0)?;
//! assert!(png.starts_with(b"\x89PNG"));
//! # Ok::<(), mermaid_render::Error>(())
//! ```

pub mod config;
pub mod diagrams;
pub mod extract;
pub mod geometry;
pub mod layered;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod raster;
pub mod shape;
pub mod style;
pub mod svg;
pub mod syntax;
pub mod testgen;
pub mod text;
pub mod theme;
pub mod user_css;

use config::{Config, Value};
use syntax::ParseError;

/// Options for a whole render.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Site configuration, as mermaid-js `initialize` takes it (`theme`,
    /// `themeVariables`, `flowchart.*`, `pie.*`, …), e.g. the CLI's `-c`
    /// file. Default: an empty object.
    pub config: Value,
    /// Theme name over `config` (the CLI's `-t`). Default: none.
    pub theme: Option<String>,
    /// Prefix of every id in the SVG (so several SVGs can share one page).
    /// Characters other than ASCII letters, digits, `-` and `_` become `_`.
    /// Default `mermaid`.
    pub svg_id: String,
    /// Background colour drawn as a full-size rect; `None` for transparent.
    /// A value that is not a plain colour (e.g. contains `url(`) is ignored.
    /// Default `white`.
    pub background: Option<String>,
    /// Largest diagram source accepted, in bytes (mermaid-js refuses more
    /// than 50,000 characters by default). Default 10 MiB.
    pub max_source_bytes: usize,
    /// Also produce the layout JSON ([`Rendered::layout_json`]) for the
    /// types laid out as graphs. Default false.
    pub layout_json: bool,
    /// A user stylesheet (the CLI's `-C` file), added to the SVG as a
    /// `<style>` element after sanitising ([`user_css`]): applied in SVG,
    /// PNG and PDF output as far as each supports it. Default: none.
    pub css: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            config: Value::object(),
            theme: None,
            svg_id: "mermaid".into(),
            background: Some("white".into()),
            max_source_bytes: DEFAULT_MAX_SOURCE_BYTES,
            layout_json: false,
            css: None,
        }
    }
}

/// Default of [`Options::max_source_bytes`]: 10 MiB, 200 times mermaid-js's
/// own `maxTextSize`.
pub const DEFAULT_MAX_SOURCE_BYTES: usize = 10 << 20;

/// One rendered diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// A standalone SVG 1.1 document (no script, no external reference).
    pub svg: String,
    /// Canvas size in px.
    pub width: f64,
    pub height: f64,
    /// The diagram type's name (`flowchart`, `pie`, …).
    pub diagram_type: &'static str,
    layout_json: Option<String>,
}

impl Rendered {
    /// Rasterise the SVG to PNG bytes at `scale` (1 = one pixel per px).
    pub fn png(&self, scale: f32) -> Result<Vec<u8>, Error> {
        Ok(raster::svg_to_png(&self.svg, scale)?)
    }

    /// Convert the SVG to a one-page PDF (page = canvas size in points),
    /// fonts embedded as subsets and text selectable.
    #[cfg(feature = "pdf")]
    pub fn pdf(&self) -> Result<Vec<u8>, Error> {
        Ok(pdf::svg_to_pdf(&self.svg)?)
    }

    /// The geometry in `layout_metrics.py`'s schema, for diagram types
    /// whose layout has boxes and edges, when [`Options::layout_json`] was
    /// set.
    pub fn layout_json(&self) -> Option<&str> {
        self.layout_json.as_deref()
    }
}

/// Anything that can go wrong rendering one diagram.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The source does not parse; the span is in the diagram source.
    #[error(transparent)]
    Parse(ParseError),
    /// The keyword names a Mermaid diagram type this version does not
    /// render; the span covers the keyword.
    #[error(transparent)]
    Unsupported(ParseError),
    /// The input is larger than a configured budget.
    #[error("the diagram is {size} bytes, more than the limit of {limit} bytes (raise it with --max-source-bytes)")]
    LimitExceeded { size: usize, limit: usize },
    /// Rasterising failed (e.g. the canvas is too large).
    #[error(transparent)]
    Raster(#[from] raster::RasterError),
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Error {
        match e.kind {
            syntax::ParseErrorKind::Unsupported(_) => Error::Unsupported(e),
            _ => Error::Parse(e),
        }
    }
}

impl Error {
    /// The located error (a parse error or an unsupported type).
    pub fn as_parse(&self) -> Option<&ParseError> {
        match self {
            Error::Parse(e) | Error::Unsupported(e) => Some(e),
            _ => None,
        }
    }
}

/// Parse, lay out and draw one diagram's source (the text of one block:
/// front matter, directives, keyword and statements).
pub fn render(source: &str, options: &Options) -> Result<Rendered, Error> {
    if source.len() > options.max_source_bytes {
        return Err(Error::LimitExceeded {
            size: source.len(),
            limit: options.max_source_bytes,
        });
    }
    let pre = syntax::read_preamble(source)?;
    let config = Config::resolve(&options.config, options.theme.as_deref(), &pre.config);
    let id = match svg::sanitize_id(&options.svg_id) {
        s if s.is_empty() => "mermaid".to_string(),
        s => s,
    };
    let cx = diagrams::Context {
        config: &config,
        svg_id: &id,
        background: options.background.as_deref(),
        layout_json: options.layout_json,
    };
    let (d, name) = diagrams::render(&pre, &cx)?;
    let svg = match options.css.as_deref() {
        Some(css) => user_css::add_to_svg(&d.svg, css),
        None => d.svg,
    };
    Ok(Rendered {
        svg,
        width: d.width,
        height: d.height,
        diagram_type: name,
        layout_json: d.layout_json,
    })
}

/// The diagram type named by a source's keyword, without rendering it
/// (`None` when the keyword names no Mermaid type).
pub fn diagram_type(source: &str) -> Result<Option<&'static str>, ParseError> {
    let pre = syntax::read_preamble(source)?;
    Ok(diagrams::lookup(pre.keyword).map(|t| t.name))
}
