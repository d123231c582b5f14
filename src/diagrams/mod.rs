//! Diagram types: one folder each, over the shared parts (`syntax`,
//! `config`, `text`, `theme`, `svg`, `layered`).
//!
//! Every type exposes one function of type [`RenderFn`]: it gets the
//! diagram's [`Preamble`] (source, keyword, front-matter title, the
//! diagram's own configuration) and a [`Context`] (the resolved
//! [`Config`], ids, background) and returns a [`Drawing`]. Inside its
//! folder a type keeps the pipeline's stages apart: `parse` (source →
//! model), `layout` (model → geometry with every text box and the canvas;
//! text is measured here and only here), `draw` (geometry → SVG).
//!
//! Adding a type: create `src/diagrams/<type>/`, declare it below and put
//! its render function in its [`REGISTRY`] row.

pub mod architecture;
pub mod block;
pub(crate) mod budget;
pub mod c4;
pub mod class;
pub mod er;
pub mod error;
pub mod eventmodeling;
pub mod flowchart;
pub mod gantt;
pub mod gitgraph;
pub mod info;
pub mod ishikawa;
pub mod journey;
pub mod kanban;
pub mod mindmap;
pub mod packet;
pub mod pie;
pub mod quadrant;
pub mod radar;
pub mod requirement;
pub mod sankey;
pub mod sequence;
pub mod state;
pub mod timeline;
pub mod treemap;
pub mod treeview;
pub mod venn;
pub mod wardley;
pub mod xychart;
pub mod zenuml;

#[cfg(test)]
pub(crate) mod testkit;

use crate::config::Config;
use crate::syntax::{ParseError, ParseErrorKind, Preamble};

/// What a diagram type gets besides its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Context<'a> {
    /// The resolved configuration (site < theme < diagram).
    pub config: &'a Config,
    /// Id of the SVG root and prefix of every id inside (already sanitised,
    /// never empty).
    pub svg_id: &'a str,
    /// Background colour drawn as a full-size rect; `None` for transparent.
    pub background: Option<&'a str>,
    /// Whether the caller wants [`Drawing::layout_json`] (it costs as much
    /// as a tenth of a render, so it is written only on request).
    pub layout_json: bool,
    /// Whether to draw the SVG; false only with `layout_json`, for callers
    /// that want the geometry alone (types that write no layout JSON draw
    /// regardless).
    pub draw_svg: bool,
    /// Work budgets (nodes, edges, nesting, label length).
    pub budgets: crate::Budgets,
}

impl<'a> Context<'a> {
    /// A context with no background and no layout JSON; the ids start
    /// with `svg_id` (already sanitised, not empty).
    pub fn new(config: &'a Config, svg_id: &'a str) -> Context<'a> {
        Context {
            config,
            svg_id,
            background: None,
            layout_json: false,
            draw_svg: true,
            budgets: crate::Budgets::default(),
        }
    }

    /// The same context with these budgets.
    pub fn with_budgets(self, budgets: crate::Budgets) -> Context<'a> {
        Context { budgets, ..self }
    }

    /// The same context with this background.
    pub fn with_background(self, background: Option<&'a str>) -> Context<'a> {
        Context { background, ..self }
    }

    /// The same context, asking for the layout JSON or not.
    pub fn with_layout_json(self, layout_json: bool) -> Context<'a> {
        Context {
            layout_json,
            ..self
        }
    }
}

/// A drawn diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// A standalone SVG 1.1 document.
    pub svg: String,
    /// Canvas size in px (the SVG's `width`/`height`).
    pub width: f64,
    pub height: f64,
    /// Geometry in the `layout_metrics.py` schema, for the types whose
    /// layout has boxes and edges, when [`Context::layout_json`] asks for it
    /// (`-f layout`).
    pub layout_json: Option<String>,
}

/// Parse, lay out and draw one diagram.
pub type RenderFn = fn(&Preamble<'_>, &Context<'_>) -> Result<Drawing, ParseError>;

/// One row of the registry.
#[derive(Debug, Clone, Copy)]
pub struct DiagramType {
    /// The type's name (`flowchart`, `sequence`, …), as in the corpus
    /// manifest and in messages.
    pub name: &'static str,
    /// Header keywords that select it.
    pub keywords: &'static [&'static str],
    /// `None` while the type is not built yet (reported as unsupported).
    pub render: Option<RenderFn>,
}

const fn row(
    name: &'static str,
    keywords: &'static [&'static str],
    render: Option<RenderFn>,
) -> DiagramType {
    DiagramType {
        name,
        keywords,
        render,
    }
}

/// Every Mermaid 11 diagram type, by header keyword.
pub const REGISTRY: &[DiagramType] = &[
    row(
        "flowchart",
        &["graph", "flowchart", "flowchart-elk"],
        Some(flowchart::render),
    ),
    row("pie", &["pie"], Some(pie::render)),
    row("sequence", &["sequenceDiagram"], Some(sequence::render)),
    row(
        "class",
        &["classDiagram", "classDiagram-v2"],
        Some(class::render),
    ),
    row(
        "state",
        &["stateDiagram", "stateDiagram-v2"],
        Some(state::render),
    ),
    row("er", &["erDiagram"], Some(er::render)),
    row("gantt", &["gantt"], Some(gantt::render)),
    row("journey", &["journey"], Some(journey::render)),
    row("gitgraph", &["gitGraph"], Some(gitgraph::render)),
    row("mindmap", &["mindmap"], Some(mindmap::render)),
    row("timeline", &["timeline"], Some(timeline::render)),
    row("quadrant", &["quadrantChart"], Some(quadrant::render)),
    row(
        "requirement",
        &["requirementDiagram", "requirement"],
        Some(requirement::render),
    ),
    row(
        "c4",
        &[
            "C4Context",
            "C4Container",
            "C4Component",
            "C4Dynamic",
            "C4Deployment",
        ],
        Some(c4::render),
    ),
    row("sankey", &["sankey", "sankey-beta"], Some(sankey::render)),
    row(
        "xychart",
        &["xychart", "xychart-beta"],
        Some(xychart::render),
    ),
    row("block", &["block", "block-beta"], Some(block::render)),
    row("packet", &["packet", "packet-beta"], Some(packet::render)),
    row(
        "architecture",
        &["architecture", "architecture-beta"],
        Some(architecture::render),
    ),
    row("kanban", &["kanban"], Some(kanban::render)),
    row("radar", &["radar-beta", "radar"], Some(radar::render)),
    row(
        "treemap",
        &["treemap", "treemap-beta"],
        Some(treemap::render),
    ),
    row(
        "treeview",
        &["treeView-beta", "treeView"],
        Some(treeview::render),
    ),
    row(
        "ishikawa",
        &["ishikawa-beta", "ishikawa"],
        Some(ishikawa::render),
    ),
    row("venn", &["venn-beta", "venn"], Some(venn::render)),
    row(
        "wardley",
        &["wardley-beta", "wardley"],
        Some(wardley::render),
    ),
    row(
        "eventmodeling",
        &["eventmodeling"],
        Some(eventmodeling::render),
    ),
    row("zenuml", &["zenuml"], Some(zenuml::render)),
    row("info", &["info"], Some(info::render)),
    row("error", &["error"], Some(error::render)),
];

/// The registry row for a header keyword.
pub fn lookup(keyword: &str) -> Option<&'static DiagramType> {
    REGISTRY.iter().find(|t| t.keywords.contains(&keyword))
}

/// The registry row of `pre`'s keyword when that type is built; a
/// located error naming the keyword when it is not a Mermaid type or not
/// built yet.
pub(crate) fn type_of(pre: &Preamble<'_>) -> Result<(&'static DiagramType, RenderFn), ParseError> {
    let Some(ty) = lookup(pre.keyword) else {
        return Err(crate::syntax::detect::unknown_type(pre.source, pre.body()));
    };
    let Some(f) = ty.render else {
        let word = pre.keyword;
        return Err(ParseError {
            kind: ParseErrorKind::Unsupported(word.to_string()),
            message: format!("`{word}` diagrams are not supported yet"),
            span: crate::syntax::lex::span_at(pre.source, pre.header, pre.header + word.len()),
        });
    };
    Ok((ty, f))
}

/// Find the type of `pre`'s keyword and run it.
pub(crate) fn render(
    pre: &Preamble<'_>,
    cx: &Context<'_>,
) -> Result<(Drawing, &'static str), ParseError> {
    let (ty, f) = type_of(pre)?;
    let _budgets = budget::scope(cx.budgets);
    Ok((f(pre, cx)?, ty.name))
}

/// A type's parser alone, as [`parse_only`] runs it.
type ParseFn = fn(&Preamble<'_>, &Context<'_>) -> Result<(), ParseError>;

/// The parser of the type named `name` (a registry row's name).
fn parser_of(name: &str) -> Option<ParseFn> {
    Some(match name {
        "flowchart" => |pre, cx| flowchart::parse::parse_with(pre, cx.budgets).map(drop),
        "pie" => |pre, _| pie::parse::parse(pre).map(drop),
        "sequence" => |pre, cx| {
            let cfg = sequence::SequenceConfig::from_config(cx.config);
            sequence::parse::parse(
                pre,
                sequence::parse::ParseOptions {
                    wrap: cfg.wrap,
                    show_numbers: cfg.show_sequence_numbers,
                },
            )
            .map(drop)
        },
        "class" => |pre, cx| {
            let cfg = class::ClassConfig::from_config(cx.config);
            class::parse::parse(pre, cfg.hierarchical_namespaces).map(drop)
        },
        "state" => |pre, _| state::parse::parse(pre).map(drop),
        "er" => |pre, _| er::parse::parse(pre).map(drop),
        "gantt" => |pre, _| gantt::parse::statements(pre).map(drop),
        "gitgraph" => |pre, cx| {
            let cfg = gitgraph::GitGraphConfig::from_config(cx.config);
            gitgraph::parse::parse(
                pre,
                &gitgraph::parse::ParseOptions {
                    main_branch_name: cfg.main_branch_name.clone(),
                    main_branch_order: cfg.main_branch_order,
                },
            )
            .map(drop)
        },
        "architecture" => |pre, _| architecture::parse::parse(pre).map(drop),
        "block" => |pre, _| block::parse::parse(pre).map(drop),
        "c4" => |pre, _| c4::parse::parse(pre).map(drop),
        "error" => |pre, _| error::parse::parse(pre).map(drop),
        "eventmodeling" => |pre, _| eventmodeling::parse::parse(pre).map(drop),
        "info" => |pre, _| info::parse::parse(pre).map(drop),
        "ishikawa" => |pre, _| ishikawa::parse::parse(pre).map(drop),
        "journey" => |pre, _| journey::parse::parse(pre).map(drop),
        "kanban" => |pre, _| kanban::parse::parse(pre).map(drop),
        "mindmap" => |pre, _| mindmap::parse::parse(pre).map(drop),
        "packet" => |pre, _| packet::parse::parse(pre).map(drop),
        "quadrant" => |pre, _| quadrant::parse::parse(pre).map(drop),
        "radar" => |pre, _| radar::parse::parse(pre).map(drop),
        "requirement" => |pre, _| requirement::parse::parse(pre).map(drop),
        "sankey" => |pre, _| sankey::parse::parse(pre).map(drop),
        "timeline" => |pre, _| timeline::parse::parse(pre).map(drop),
        "treemap" => |pre, _| treemap::parse::parse(pre).map(drop),
        "treeview" => |pre, _| treeview::parse::parse(pre).map(drop),
        "venn" => |pre, _| venn::parse::parse(pre).map(drop),
        "wardley" => |pre, _| wardley::parse::parse(pre).map(drop),
        "xychart" => |pre, _| xychart::parse::parse(pre).map(drop),
        "zenuml" => |pre, _| zenuml::parse::parse(pre).map(drop),
        _ => return None,
    })
}

/// Read `pre`'s diagram with its type's parser only — no layout, no
/// drawing — and return the type's name: the same parse errors as
/// [`render`], at a small fraction of its cost (the checks some types make
/// after parsing, such as a gantt's date arithmetic, are not run). Used by
/// [`crate::parse_only`] and the `parsers` fuzz target.
pub(crate) fn parse_only(pre: &Preamble<'_>, cx: &Context<'_>) -> Result<&'static str, ParseError> {
    let (ty, render) = type_of(pre)?;
    let _budgets = budget::scope(cx.budgets);
    match parser_of(ty.name) {
        Some(parse) => parse(pre, cx)?,
        None => drop(render(pre, cx)?),
    }
    Ok(ty.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_names_one_type() {
        let mut seen = std::collections::BTreeSet::new();
        for t in REGISTRY {
            for k in t.keywords {
                assert!(seen.insert(*k), "keyword {k} is listed twice");
                assert_eq!(lookup(k).map(|r| r.name), Some(t.name));
            }
        }
        assert!(lookup("nonsense").is_none());
    }

    /// Every type has its own parse-only row: the smallest source of each
    /// type parses, and a broken one fails with the same error as the
    /// whole render.
    #[test]
    fn parse_only_covers_every_type_with_the_render_errors() {
        let config = crate::config::Config::default();
        let cx = Context::new(&config, "m");
        for t in REGISTRY {
            assert!(parser_of(t.name).is_some(), "{}: no parser row", t.name);
            let k = t.keywords[0];
            let bad = format!("{k}\n  ((( }}}} -->> \"\n");
            let pre = crate::syntax::read_preamble(&bad).expect("preamble");
            let full = render(&pre, &cx).map(|(_, n)| n);
            let quick = parse_only(&pre, &cx);
            if let (Err(a), Err(b)) = (&full, &quick) {
                assert_eq!(a, b, "{}: same error", t.name);
            }
            if full.is_err() && quick.is_ok() {
                // Only errors found after parsing may be missed.
                assert!(
                    ["gantt", "xychart", "treemap", "packet"].contains(&t.name),
                    "{}: render fails, parse_only does not",
                    t.name
                );
            }
        }
    }
}
