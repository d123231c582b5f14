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
pub mod icons;
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
    /// Draw the SVG. Default true. With false and [`Options::layout_json`],
    /// the types that write a layout JSON skip drawing ([`Rendered::svg`]
    /// is then empty and the PNG and PDF have nothing to draw): for callers
    /// that want only the geometry. Other types draw regardless.
    pub draw_svg: bool,
    /// Use the machine's fonts (fontdb's system font folders) after the
    /// embedded ones, for measuring and drawing, for characters no
    /// embedded font has. Default false (output independent of the machine).
    pub system_fonts: bool,
    /// Work budgets: nodes, edges, nesting, label length and PNG area
    /// (see [`Budgets`]).
    pub budgets: Budgets,
    /// A user stylesheet (the CLI's `-C` file), added to the SVG as a
    /// `<style>` element after sanitising ([`user_css`]): applied in SVG,
    /// PNG and PDF output as far as each supports it. Default: none.
    pub css: Option<String>,
}

/// Work budgets for one diagram. Each is checked before the work it
/// bounds is done (edges of an `A & B --> C & D` product are counted
/// before any is built; the PNG area before any text or raster work), and
/// exceeding one is an [`Error::Budget`] (located in the source) or an
/// [`Error::PngBudget`], naming the budget, the value, the limit and the
/// CLI flag that raises it. The defaults are far above mermaid-js's own
/// (`maxTextSize` 50,000 characters, `maxEdges` 500) and above every
/// diagram of the test corpus; they bound what one diagram may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budgets {
    /// Most nodes (elements: participants, classes, tasks, …) in one
    /// diagram. Default [`DEFAULT_MAX_NODES`].
    pub max_nodes: usize,
    /// Most edges (links, relations, messages) in one diagram, a flowchart's
    /// `&` products included. Default
    /// [`DEFAULT_MAX_EDGES`].
    pub max_edges: usize,
    /// Deepest subgraph nesting. Default [`DEFAULT_MAX_NESTING`].
    pub max_nesting: usize,
    /// Longest label (node, edge or subgraph title), in characters.
    /// Default [`DEFAULT_MAX_LABEL_CHARS`].
    pub max_label_chars: usize,
    /// Largest PNG, in pixels (width × height at the requested scale).
    /// Default [`DEFAULT_MAX_PNG_PIXELS`].
    pub max_png_pixels: u64,
}

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            max_nodes: DEFAULT_MAX_NODES,
            max_edges: DEFAULT_MAX_EDGES,
            max_nesting: DEFAULT_MAX_NESTING,
            max_label_chars: DEFAULT_MAX_LABEL_CHARS,
            max_png_pixels: DEFAULT_MAX_PNG_PIXELS,
        }
    }
}

/// Default of [`Budgets::max_nodes`]: 200,000 (a 100,000-node chain lays
/// out to SVG in about a second; twice that is still a few seconds).
pub const DEFAULT_MAX_NODES: usize = 200_000;
/// Default of [`Budgets::max_edges`]: 200,000, 400 times mermaid-js's
/// `maxEdges` (500).
pub const DEFAULT_MAX_EDGES: usize = 200_000;
/// Default of [`Budgets::max_nesting`]: 100 levels (each level widens the
/// drawing by two paddings; 100 levels is already a 3,000 px wide frame).
pub const DEFAULT_MAX_NESTING: usize = 100;
/// Default of [`Budgets::max_label_chars`]: 50,000 characters, as much as
/// mermaid-js accepts for a whole diagram (`maxTextSize`).
pub const DEFAULT_MAX_LABEL_CHARS: usize = 50_000;
/// Default of [`Budgets::max_png_pixels`]: 40 megapixels (160 MB of
/// RGBA while drawing, e.g. 8,000 × 5,000), so two parallel jobs stay
/// well under a gigabyte.
pub const DEFAULT_MAX_PNG_PIXELS: u64 = 40_000_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            config: Value::object(),
            theme: None,
            svg_id: "mermaid".into(),
            background: Some("white".into()),
            max_source_bytes: DEFAULT_MAX_SOURCE_BYTES,
            layout_json: false,
            draw_svg: true,
            system_fonts: false,
            budgets: Budgets::default(),
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
    /// What was left out of the drawing and why (e.g. a Font Awesome icon
    /// name that is not in the embedded icon set), for callers to show as
    /// warnings. Empty for most diagrams.
    pub warnings: Vec<String>,
    /// Drawn with the machine's fonts after the embedded ones.
    system_fonts: bool,
    /// [`Budgets::max_png_pixels`] of the options it was rendered with.
    max_png_pixels: u64,
}

impl Rendered {
    /// Rasterise the SVG to PNG bytes at `scale` (1 = one pixel per px).
    ///
    /// The image's area is checked against [`Budgets::max_png_pixels`]
    /// first, before any parsing, text or raster work: over it, the result
    /// is [`Error::PngBudget`] (the SVG itself is still good).
    pub fn png(&self, scale: f32) -> Result<Vec<u8>, Error> {
        if scale.is_finite() && scale > 0.0 {
            let side = |v: f64| (v * scale as f64).ceil().max(1.0);
            let (w, h) = (side(self.width), side(self.height));
            let pixels = w * h;
            // NaN (an infinite or absurd size) is refused too.
            if pixels.is_nan() || pixels > self.max_png_pixels as f64 {
                return Err(Error::PngBudget {
                    width: w as u64,
                    height: h as u64,
                    limit: self.max_png_pixels,
                });
            }
        }
        Ok(raster::svg_to_png_fonts(
            &self.svg,
            scale,
            self.system_fonts,
        )?)
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

/// Work units: a per-thread counter that the layout engine and the
/// flowchart parser advance in their inner loops (pairs compared,
/// segments counted, pivot scans, edges built, class lookups), so tests
/// can check how work grows with input size without timing anything.
#[doc(hidden)]
pub mod work {
    use std::cell::Cell;

    thread_local!(static UNITS: Cell<u64> = const { Cell::new(0) });
    thread_local!(static PIVOTS: Cell<u64> = const { Cell::new(0) });

    /// Count `n` units of work on this thread.
    #[inline]
    pub fn add(n: usize) {
        UNITS.with(|c| c.set(c.get().wrapping_add(n as u64)));
    }

    /// Count `n` units of network-simplex pivot search (each pivot scans
    /// every constraint edge). Kept apart: the number of pivots is not
    /// linear in the graph, and is bounded instead by
    /// `layered::simplex::pivot_budget` (about 4 million units per solve).
    #[inline]
    pub fn add_pivot_scan(n: usize) {
        PIVOTS.with(|c| c.set(c.get().wrapping_add(n as u64)));
    }

    /// The units counted on this thread since the last call, and reset.
    pub fn take() -> u64 {
        UNITS.with(|c| c.replace(0))
    }

    /// The pivot-search units counted on this thread since the last call,
    /// and reset.
    pub fn take_pivot_scans() -> u64 {
        PIVOTS.with(|c| c.replace(0))
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
    /// The diagram exceeds one of [`Options::budgets`] (nodes, edges,
    /// nesting, label length); the span is where the budget ran out and the
    /// message names the budget, the value, the limit and the flag.
    #[error(transparent)]
    Budget(ParseError),
    /// The PNG would exceed [`Budgets::max_png_pixels`]; nothing was drawn.
    #[error("the PNG would be {width} × {height} pixels, more than the PNG budget of {limit} pixels (raise it with --max-png-pixels, or lower --scale/--width/--height)")]
    PngBudget { width: u64, height: u64, limit: u64 },
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Error {
        match e.kind {
            syntax::ParseErrorKind::Unsupported(_) => Error::Unsupported(e),
            syntax::ParseErrorKind::Budget(_) => Error::Budget(e),
            _ => Error::Parse(e),
        }
    }
}

impl Error {
    /// The located error (a parse error or an unsupported type).
    pub fn as_parse(&self) -> Option<&ParseError> {
        match self {
            Error::Parse(e) | Error::Unsupported(e) | Error::Budget(e) => Some(e),
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
    // CR-only line ends (old Mac files) become LF: same length, so every
    // span and line number stays that of the source as given.
    let normalized = extract::normalize_line_breaks(source);
    let source: &str = &normalized;
    let _fonts = text::FontScope::enter(options.system_fonts);
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
        draw_svg: options.draw_svg || !options.layout_json,
        budgets: options.budgets,
    };
    let (d, name) = diagrams::render(&pre, &cx)?;
    let warnings = warnings_of(name, source);
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
        warnings,
        system_fonts: options.system_fonts,
        max_png_pixels: options.budgets.max_png_pixels,
    })
}

/// Check one diagram's source with its type's parser alone — no layout, no
/// drawing — and return the type's name (`flowchart`, `sequence`, …).
/// Parse errors are the ones [`render`] gives, with the same spans, for a
/// small fraction of its cost; checks a type makes after parsing (a
/// gantt's date arithmetic, for example) are left to [`render`]. For
/// editors and linters, and the `parsers` fuzz target.
///
/// ```
/// use mermaid_render::{parse_only, render, Options};
/// let o = Options::default();
/// assert_eq!(parse_only("graph TD\n  A --> B", &o).unwrap(), "flowchart");
/// let bad = "sequenceDiagram\n  Alice ->> : hi";
/// let (quick, full) = (parse_only(bad, &o).unwrap_err(), render(bad, &o).unwrap_err());
/// assert_eq!(quick.to_string(), full.to_string());
/// ```
pub fn parse_only(source: &str, options: &Options) -> Result<&'static str, Error> {
    if source.len() > options.max_source_bytes {
        return Err(Error::LimitExceeded {
            size: source.len(),
            limit: options.max_source_bytes,
        });
    }
    let normalized = extract::normalize_line_breaks(source);
    let source: &str = &normalized;
    let pre = syntax::read_preamble(source)?;
    let config = Config::resolve(&options.config, options.theme.as_deref(), &pre.config);
    let cx = diagrams::Context::new(&config, "mermaid").with_budgets(options.budgets);
    Ok(diagrams::parse_only(&pre, &cx)?)
}

/// Warnings for a rendered diagram: unknown Font Awesome icons in a
/// flowchart (dropped from the drawing, as mermaid-js shows nothing for
/// them). The source is read again only when it names an icon at all.
fn warnings_of(name: &str, source: &str) -> Vec<String> {
    if name != "flowchart" || !source.contains("fa") {
        return Vec::new();
    }
    let Ok(graph) = diagrams::flowchart::parse_source(source) else {
        return Vec::new();
    };
    let mut seen = std::collections::BTreeSet::new();
    diagrams::flowchart::unknown_icons(&graph)
        .into_iter()
        .filter(|i| seen.insert(i.clone()))
        .map(|i| {
            format!(
                "icon `{i}` is not in Font Awesome Free {} and was left out",
                icons::version()
            )
        })
        .collect()
}

/// The diagram type named by a source's keyword, without rendering it
/// (`None` when the keyword names no Mermaid type).
pub fn diagram_type(source: &str) -> Result<Option<&'static str>, ParseError> {
    let pre = syntax::read_preamble(source)?;
    Ok(diagrams::lookup(pre.keyword).map(|t| t.name))
}
