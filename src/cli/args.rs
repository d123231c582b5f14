//! Command-line arguments.

use clap::Parser;
use std::path::PathBuf;

/// Find Mermaid diagrams in documents and render them to SVG and PNG.
#[derive(Debug, Parser)]
#[command(name = "mermaid-render", version, about, long_about = None)]
pub struct Args {
    /// Files or folders to read (folders are walked recursively in sorted
    /// order); `-` reads one document from standard input.
    #[arg(required_unless_present = "input", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// One input, as mermaid-cli's `-i` (`-` for standard input).
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Output folder; or one output file when it ends in `.svg`, `.png` or
    /// `.pdf` (the input must hold exactly one diagram), as mermaid-cli's `-o`.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub output: PathBuf,

    /// Format of a single output file (mermaid-cli's `-e`): svg, png or pdf
    /// (default: from the `-o` file's extension).
    #[arg(short = 'e', long = "output-format", visible_alias = "outputFormat", value_name = "FORMAT", value_parser = ["svg", "png", "pdf"])]
    pub output_format: Option<String>,

    /// Comma-separated output formats: svg, png, pdf, layout.
    #[arg(
        short,
        long,
        value_name = "LIST",
        default_value = "svg,png",
        value_delimiter = ','
    )]
    pub format: Vec<Format>,

    /// Scale factor of PNG images.
    #[arg(short, long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,

    /// Width of PNG images in pixels (overrides --scale; the height follows).
    #[arg(short, long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..=32768))]
    pub width: Option<u32>,

    /// Height of PNG images in pixels (when --width is not given; the width
    /// follows).
    #[arg(short = 'H', long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..=32768))]
    pub height: Option<u32>,

    /// Background colour: `white` (default), `transparent`, or any CSS colour.
    #[arg(
        short,
        long,
        visible_alias = "backgroundColor",
        value_name = "COLOUR",
        default_value = "white"
    )]
    pub background: String,

    /// Theme: default, neutral, dark, forest or base (a diagram's own
    /// `%%{init}%%` or front matter `config:` wins over it).
    #[arg(short, long, value_name = "NAME", value_parser = ["default", "neutral", "dark", "forest", "base"])]
    pub theme: Option<String>,

    /// Mermaid configuration JSON file (`theme`, `themeVariables`,
    /// `flowchart.wrappingWidth`, …), as mermaid-cli's `-c`.
    #[arg(short, long, visible_alias = "configFile", value_name = "FILE.json")]
    pub config: Option<PathBuf>,

    /// CSS file added to each SVG as a `<style>` element, as mermaid-cli's
    /// `-C` (sanitised: no `@import`, no external `url(`); PNG and PDF
    /// apply what they support of it.
    #[arg(
        short = 'C',
        long = "css-file",
        visible_alias = "cssFile",
        value_name = "FILE.css"
    )]
    pub css_file: Option<PathBuf>,

    /// mermaid-cli's Puppeteer configuration: accepted and ignored (no
    /// browser here).
    #[arg(
        short = 'p',
        long = "puppeteer-config-file",
        visible_alias = "puppeteerConfigFile",
        value_name = "FILE.json"
    )]
    pub puppeteer_config_file: Option<PathBuf>,

    /// Prefix of the ids inside each SVG (default: `mermaid-` and the
    /// output file's stem, so several SVGs can be inlined in one page).
    #[arg(short = 'I', long, visible_alias = "svgId", value_name = "ID")]
    pub svg_id: Option<String>,

    /// Largest diagram accepted, in bytes (a larger one is reported and
    /// skipped; the others still render).
    #[arg(long, value_name = "BYTES", default_value_t = mermaid_render::DEFAULT_MAX_SOURCE_BYTES)]
    pub max_source_bytes: usize,

    /// Largest document read, in bytes: reading stops there and the
    /// document is reported and skipped (the others still render). Guards
    /// against `/dev/zero`, FIFOs and huge files.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_DOCUMENT_BYTES)]
    pub max_document_bytes: u64,
    /// Most nodes in one flowchart (a larger one is reported and skipped).
    #[arg(long, value_name = "N", default_value_t = mermaid_render::DEFAULT_MAX_NODES)]
    pub max_nodes: usize,

    /// Most edges in one flowchart, `A & B --> C & D` products counted
    /// before they are built.
    #[arg(long, value_name = "N", default_value_t = mermaid_render::DEFAULT_MAX_EDGES)]
    pub max_edges: usize,

    /// Deepest subgraph nesting.
    #[arg(long, value_name = "LEVELS", default_value_t = mermaid_render::DEFAULT_MAX_NESTING)]
    pub max_nesting: usize,

    /// Longest label, in characters.
    #[arg(long, value_name = "CHARS", default_value_t = mermaid_render::DEFAULT_MAX_LABEL_CHARS)]
    pub max_label_chars: usize,

    /// Largest PNG, in pixels (width × height after --scale/--width/--height),
    /// checked before any drawing; a refused PNG is reported.
    #[arg(long, value_name = "PIXELS", default_value_t = mermaid_render::DEFAULT_MAX_PNG_PIXELS)]
    pub max_png_pixels: u64,

    /// List every diagram found (document, first and last line, type)
    /// without rendering anything.
    #[arg(long)]
    pub list: bool,

    /// With --list: print the list as JSON (one array of records).
    #[arg(long, requires = "list")]
    pub json: bool,

    /// Flush every written file to disk before renaming it into place
    /// (off by default: outputs are regenerable, and a flush per file
    /// stalls batches).
    #[arg(long)]
    pub fsync: bool,

    /// Also use the machine's fonts, after the embedded ones, for characters
    /// no embedded font has (measuring and drawing alike). Off by default:
    /// output then depends only on the input.
    #[arg(long)]
    pub system_fonts: bool,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,

    /// Number of diagrams rendered at once (default: every core; 1 renders
    /// one after the other). Output is the same either way.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,

    /// Write one JSON record per diagram (document, lines, type, outputs,
    /// status, error, ms) to FILE.
    #[arg(long, value_name = "FILE.json")]
    pub report: Option<PathBuf>,

    /// Render nothing: exit 1 and list the outputs that are missing or out
    /// of date, 0 when every output is up to date.
    #[arg(long, conflicts_with = "list")]
    pub check: bool,

    /// Render and rewrite every output, even those up to date.
    #[arg(long)]
    pub force: bool,

    /// Also write, beside the images, a copy of each Markdown document in
    /// which every diagram fence is replaced by an image link.
    #[arg(long, conflicts_with_all = ["list", "check"])]
    pub rewrite: bool,

    /// With --rewrite: keep each diagram's source in a `<details>` block
    /// after its image.
    #[arg(long, requires = "rewrite")]
    pub keep_source: bool,

    /// Output names: `numbered` (`<stem>-<n>`) or `hash` (`<stem>-<short
    /// content hash>`, stable when other diagrams of the document change).
    #[arg(long, value_name = "SCHEME", default_value = "numbered", value_parser = ["numbered", "hash"])]
    pub names: String,
}

/// Default of `--max-document-bytes`: 64 MiB, far above any real document
/// (the largest in the test corpus is a few hundred KiB) and small enough
/// that a few parallel reads cannot exhaust memory.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
    /// One-page PDF with embedded fonts and selectable text.
    Pdf,
    /// Geometry as `<name>.layout.json`.
    Layout,
}

fn parse_scale(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if v.is_finite() && v > 0.0 && v <= 16.0 {
        Ok(v)
    } else {
        Err("the scale must be greater than 0 and at most 16".into())
    }
}
