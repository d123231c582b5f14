//! Git graphs (`gitGraph`, `gitGraph LR:` / `TB:` / `BT:`).
//!
//! `parse` (source → [`model::Graph`], checking each operation as
//! mermaid-js does) → `layout` (lanes, commit positions, arrows, labels,
//! canvas; the only place text is measured) → `draw` (SVG), with the
//! colours of `palette`.

pub mod draw;
pub mod layout;
pub mod model;
pub mod palette;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

use super::{Context, Drawing};
use crate::config::{Config, Value};
use crate::syntax::{ParseError, Preamble};

/// The `gitGraph` configuration section, typed. Each field names the
/// Mermaid key it mirrors and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct GitGraphConfig {
    /// `gitGraph.showBranches` (default true): draw lanes and branch labels.
    pub show_branches: bool,
    /// `gitGraph.showCommitLabel` (default true): draw commit ids.
    pub show_commit_label: bool,
    /// `gitGraph.mainBranchName` (default `main`).
    pub main_branch_name: String,
    /// `gitGraph.mainBranchOrder` (default 0): the main branch's lane key.
    pub main_branch_order: f64,
    /// `gitGraph.rotateCommitLabel` (default true): commit ids at −45°.
    pub rotate_commit_label: bool,
    /// `gitGraph.parallelCommits` (default false): commits placed one step
    /// after their parents instead of one step after the previous commit.
    pub parallel_commits: bool,
    /// `gitGraph.diagramPadding` (default 8): margin around the drawing.
    pub diagram_padding: f64,
}

impl GitGraphConfig {
    /// Read the `gitGraph` section of `config` (invalid values fall back
    /// to the defaults).
    pub fn from_config(config: &Config) -> GitGraphConfig {
        let s = config.section("gitGraph");
        let flag = |k: &str, def: bool| match s.get(k) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(v)) if v == "true" || v == "false" => v == "true",
            _ => def,
        };
        GitGraphConfig {
            show_branches: flag("showBranches", true),
            show_commit_label: flag("showCommitLabel", true),
            main_branch_name: s
                .get_str("mainBranchName")
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "main".into()),
            main_branch_order: s
                .get_f64("mainBranchOrder")
                .filter(|v| v.is_finite())
                .unwrap_or(0.0),
            rotate_commit_label: flag("rotateCommitLabel", true),
            parallel_commits: flag("parallelCommits", false),
            diagram_padding: s
                .get_f64("diagramPadding")
                .filter(|v| v.is_finite() && (0.0..=500.0).contains(v))
                .unwrap_or(8.0),
        }
    }
}

/// Parse, lay out and draw a git graph.
pub fn render(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<Drawing, ParseError> {
    let cfg = GitGraphConfig::from_config(cx.config);
    let graph = parse::parse(
        pre,
        &parse::ParseOptions {
            main_branch_name: cfg.main_branch_name.clone(),
            main_branch_order: cfg.main_branch_order,
        },
    )?;
    let title = pre.title.clone().or_else(|| graph.title.clone());
    let opts = layout_options(&cfg, cx.config, title);
    let geo = layout::layout(&graph, &opts);
    let palette = palette::Palette::new(&cx.config.theme);
    let svg = draw::render_svg(
        &geo,
        &draw::DrawInput {
            palette: &palette,
            font_size: cx.config.font_size,
            acc_title: graph.acc_title.as_deref(),
            acc_descr: graph.acc_descr.as_deref(),
        },
        cx,
    );
    Ok(Drawing {
        svg,
        width: geo.width,
        height: geo.height,
        layout_json: None,
    })
}

/// The layout options for a configuration.
pub fn layout_options(
    cfg: &GitGraphConfig,
    config: &Config,
    title: Option<String>,
) -> layout::LayoutOptions {
    layout::LayoutOptions {
        show_branches: cfg.show_branches,
        show_commit_label: cfg.show_commit_label,
        rotate_commit_label: cfg.rotate_commit_label,
        parallel_commits: cfg.parallel_commits,
        padding: cfg.diagram_padding,
        font_size: config.font_size,
        title,
    }
}
