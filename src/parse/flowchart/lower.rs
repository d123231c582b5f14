//! Statements → [`Graph`].
//!
//! Semantics follow mermaid-js:
//! - A node is created the first time it is mentioned; a later mention with
//!   a shape/label replaces the shape and label; a node without a label
//!   shows its id.
//! - Subgraph membership: when a subgraph closes (`end`), every node
//!   mentioned directly in its statements becomes a member unless it is
//!   already a member of a subgraph that closed earlier. Inner subgraphs
//!   close first, so a node belongs to the innermost subgraph mentioning it,
//!   and between siblings to the first. A node mentioned at the top level
//!   first and inside a subgraph later is a member of that subgraph.
//! - `subgraph "a title"` / `subgraph a title` without an explicit id use
//!   the title as id when it has no whitespace, else a generated
//!   `subGraph<n>` (n = the subgraph's index).
//! - `style x …` on an unknown id creates node `x` (as mermaid-js does);
//!   `class x c` on an unknown id is ignored (as mermaid-js does).
//! - `direction` outside any subgraph is ignored.
//! - `linkStyle n` must name an edge defined before it (edges count from 0).

use std::collections::{HashMap, HashSet};

use super::ast::{NodeRef, Stmt, Text};
use crate::model::{parse_style_list, ClassDef, Direction, Edge, Graph, Node, Subgraph};
use crate::parse::lex::{decode_text, span_at, span_of};
use crate::parse::{ParseError, ParseErrorKind};

/// Deepest allowed subgraph nesting.
pub(crate) const MAX_SUBGRAPH_DEPTH: usize = 256;

struct Open<'a> {
    sg: usize,
    /// Nodes mentioned directly in this subgraph's statements, in order.
    mentioned: Vec<usize>,
    src: &'a str,
}

struct Lower<'s> {
    source: &'s str,
    g: Graph,
    nodes: HashMap<String, usize>,
    subgraphs: HashMap<String, usize>,
    in_subgraph: Vec<bool>,
    /// Edge ids seen so far (`A e1@--> B`).
    edge_ids: HashSet<&'s str>,
    stack: Vec<Open<'s>>,
}

fn text(t: &Text<'_>) -> String {
    decode_text(t.raw, t.quoted)
}

fn error(source: &str, at: &str, message: String) -> ParseError {
    ParseError {
        kind: ParseErrorKind::Syntax,
        message,
        span: span_of(source, at),
    }
}

pub(crate) fn lower<'s>(
    source: &'s str,
    direction: Direction,
    stmts: &[Stmt<'s>],
) -> Result<Graph, ParseError> {
    let mut l = Lower {
        source,
        g: Graph {
            direction,
            ..Graph::default()
        },
        nodes: HashMap::new(),
        subgraphs: HashMap::new(),
        in_subgraph: Vec::new(),
        edge_ids: HashSet::new(),
        stack: Vec::new(),
    };
    for stmt in stmts {
        l.stmt(stmt)?;
    }
    if let Some(open) = l.stack.last() {
        let sg = &l.g.subgraphs[open.sg];
        let line = span_of(source, open.src).line;
        return Err(ParseError {
            kind: ParseErrorKind::Syntax,
            message: format!(
                "expected `end` to close subgraph `{}` opened at line {line}, found end of input",
                sg.id
            ),
            span: span_at(source, source.len(), source.len()),
        });
    }
    Ok(l.g)
}

impl<'s> Lower<'s> {
    fn stmt(&mut self, stmt: &Stmt<'s>) -> Result<(), ParseError> {
        match stmt {
            Stmt::Chain { groups, links } => {
                // `e1@{ animate: true }` is metadata for edge `e1`, not a node.
                if let [g] = groups.as_slice() {
                    if let [n] = g.as_slice() {
                        if n.meta.is_some() && self.edge_ids.contains(n.id) {
                            return Ok(());
                        }
                    }
                }
                for l in links {
                    if let Some(id) = l.id {
                        self.edge_ids.insert(id);
                    }
                }
                let ids: Vec<Vec<usize>> = groups
                    .iter()
                    .map(|g| g.iter().map(|n| self.node(n)).collect())
                    .collect();
                for (k, link) in links.iter().enumerate() {
                    for &from in &ids[k] {
                        for &to in &ids[k + 1] {
                            self.g.edges.push(Edge {
                                from,
                                to,
                                stroke: link.stroke,
                                arrow_start: link.start,
                                arrow_end: link.end,
                                label: link.label.as_ref().map(text),
                                min_len: link.min_len,
                                span: span_of(self.source, link.src.trim()),
                                ..Edge::default()
                            });
                        }
                    }
                }
            }
            Stmt::SubgraphStart { id, title, src } => self.open(*id, title.as_ref(), src)?,
            Stmt::End { src } => self.close(src)?,
            Stmt::Direction { dir, .. } => {
                if let Some(open) = self.stack.last() {
                    self.g.subgraphs[open.sg].direction = Some(*dir);
                }
            }
            Stmt::Style { id, decls } => {
                let ix = match self.nodes.get(*id) {
                    Some(&ix) => Some(ix),
                    None if self.subgraphs.contains_key(*id) => None,
                    None => Some(self.create(id)),
                };
                if let Some(ix) = ix {
                    self.g.nodes[ix].style.extend(parse_style_list(decls));
                }
            }
            Stmt::ClassDef { names, decls } => {
                let style = parse_style_list(decls);
                for name in names {
                    self.g.class_defs.push(ClassDef {
                        name: name.to_string(),
                        style: style.clone(),
                    });
                }
            }
            Stmt::Class { ids, classes } => {
                for id in ids {
                    if let Some(&ix) = self.nodes.get(*id) {
                        let n = &mut self.g.nodes[ix];
                        n.classes.extend(classes.iter().map(|c| c.to_string()));
                    }
                }
            }
            Stmt::LinkStyle { indices } => {
                for ix in indices {
                    let n = self.g.edges.len();
                    if ix.parse::<usize>().map_or(true, |k| k >= n) {
                        let plural = if n == 1 { "" } else { "s" };
                        return Err(error(
                            self.source,
                            ix,
                            format!(
                                "`linkStyle {ix}` refers to a missing edge: the diagram has {n} \
                                 edge{plural} before this line (edges are numbered from 0)"
                            ),
                        ));
                    }
                }
            }
            Stmt::Ignored => {}
        }
        Ok(())
    }

    fn create(&mut self, id: &'s str) -> usize {
        let ix = self.g.nodes.len();
        self.g.nodes.push(Node {
            id: id.to_string(),
            label: id.to_string(),
            span: span_of(self.source, id),
            ..Node::default()
        });
        self.nodes.insert(id.to_string(), ix);
        self.in_subgraph.push(false);
        ix
    }

    /// Find or create the node, apply its shape/label and classes, and note
    /// the mention for subgraph membership.
    fn node(&mut self, r: &NodeRef<'s>) -> usize {
        let ix = match self.nodes.get(r.id) {
            Some(&ix) => ix,
            None => self.create(r.id),
        };
        let n = &mut self.g.nodes[ix];
        if let Some((shape, label)) = &r.shape {
            n.shape = *shape;
            n.label = text(label);
        }
        if let Some(meta) = &r.meta {
            if let Some(shape) = meta.shape {
                n.shape = shape;
            }
            if let Some(label) = &meta.label {
                n.label = text(label);
            }
        }
        n.classes.extend(r.classes.iter().map(|c| c.to_string()));
        if let Some(open) = self.stack.last_mut() {
            open.mentioned.push(ix);
        }
        ix
    }

    fn open(
        &mut self,
        id: Option<&'s str>,
        title: Option<&Text<'s>>,
        src: &'s str,
    ) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_SUBGRAPH_DEPTH {
            return Err(error(
                self.source,
                src,
                format!("subgraphs are nested too deeply (more than {MAX_SUBGRAPH_DEPTH} levels)"),
            ));
        }
        let ix = self.g.subgraphs.len();
        let title = title.map(text);
        let id = match (id, &title) {
            (Some(id), _) => id.to_string(),
            (None, Some(t)) if !t.is_empty() && !t.contains(char::is_whitespace) => t.clone(),
            _ => format!("subGraph{ix}"),
        };
        let parent = self.stack.last().map(|o| o.sg);
        if let Some(p) = parent {
            self.g.subgraphs[p].children.push(ix);
        }
        self.subgraphs.entry(id.clone()).or_insert(ix);
        self.g.subgraphs.push(Subgraph {
            title: title.unwrap_or_else(|| id.clone()),
            id,
            parent,
            span: span_of(self.source, src),
            ..Subgraph::default()
        });
        self.stack.push(Open {
            sg: ix,
            mentioned: Vec::new(),
            src,
        });
        Ok(())
    }

    fn close(&mut self, src: &'s str) -> Result<(), ParseError> {
        let Some(open) = self.stack.pop() else {
            return Err(error(
                self.source,
                src,
                "unexpected `end`: no subgraph is open".into(),
            ));
        };
        for n in open.mentioned {
            if !self.in_subgraph[n] {
                self.in_subgraph[n] = true;
                self.g.subgraphs[open.sg].nodes.push(n);
            }
        }
        Ok(())
    }
}
