//! Command-line arguments.

use clap::Parser;
use std::path::PathBuf;

/// Find Mermaid diagrams in documents and render them to SVG and PNG.
#[derive(Debug, Parser)]
#[command(name = "mermaid-render", version, about, long_about = None)]
pub struct Args {
    /// Files or folders to read (folders are walked recursively in sorted
    /// order); `-` reads one document from standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output folder.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub output: PathBuf,

    /// Comma-separated output formats: svg, png, layout.
    #[arg(
        short,
        long,
        value_name = "LIST",
        default_value = "svg,png",
        value_delimiter = ','
    )]
    pub format: Vec<Format>,

    /// Scale factor of PNG images.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
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
