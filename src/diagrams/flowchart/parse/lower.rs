//! Statements → [`Graph`].
//!
//! Semantics follow mermaid-js:
//! - A node is created the first time it is mentioned; a later mention with
//!   a shape/label replaces the shape and label; a node without a label
//!   shows its id.
//! - Labels written as markdown strings (`"`**bold**`"`) keep their raw
//!   markdown (backticks removed, line breaks as `\n`, continuation lines
//!   dedented) and set the `markdown` flag; other labels have `<br>` turned
//!   into `\n` and entity codes decoded.
//! - Subgraph membership: when a subgraph closes (`end`), every node
//!   mentioned directly in its statements becomes a member unless it is
//!   already a member of a subgraph that closed earlier. Inner subgraphs
//!   close first, so a node belongs to the innermost subgraph mentioning it,
//!   and between siblings to the first. A node mentioned at the top level
//!   first and inside a subgraph later is a member of that subgraph.
//! - `subgraph "a title"` / `subgraph a title` without an explicit id use
//!   the title as id when it has no whitespace, else a generated
//!   `subGraph<n>` (n = the subgraph's index).
//! - Edges to and from subgraphs: a name used in an edge that is the id of
//!   a subgraph, and that was never given a shape, label or metadata of its
//!   own as a node (and is not itself inside that subgraph), refers to the
//!   subgraph. The edge gets `from_cluster`/`to_cluster` and its `from`/`to`
//!   is the subgraph's first member node, searched depth-first (the
//!   subgraph's own nodes in order, then its child subgraphs in order).
//!   **Fallback**: an edge whose subgraph end has no member node at any
//!   depth is dropped (there is nothing to attach it to, and no stand-in
//!   node is invented); `style`/`class`/`:::` given to such a name go to the
//!   subgraph.
//! - `style x …` on an unknown id creates node `x` (as mermaid-js does);
//!   on a subgraph id it styles the subgraph. `class x c` on an unknown id
//!   is ignored (as mermaid-js does); on a subgraph id it classes the
//!   subgraph.
//! - `direction` outside any subgraph is ignored.
//! - `linkStyle n` must name an edge defined before it (edges count from 0).
//! - `click` on an id that is not a node (yet) is ignored, as in mermaid-js.
//! - `e1@{ … }` where `e1` is an edge id sets that edge's `animate`
//!   (`animate: true` or `animation: fast|slow`) and `curve`.

use std::collections::HashSet;

use super::ast::{Meta, NodeRef, Stmt, Text};
use crate::diagrams::flowchart::model::{
    parse_style_list, ClassDef, Click, Direction, Edge, Graph, Node, Shape, Subgraph,
};
use crate::syntax::lex::{decode_text_html, Locator};
use crate::syntax::Preamble;
use crate::syntax::{ParseError, ParseErrorKind};

/// The id maps use a fast non-cryptographic hash: ids come from the
/// diagram, whose size the caller already bounds.
type IdMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Deepest allowed subgraph nesting.
pub(crate) const MAX_SUBGRAPH_DEPTH: usize = 256;

struct Open<'a> {
    sg: usize,
    /// Nodes mentioned directly in this subgraph's statements, in order.
    mentioned: Vec<usize>,
    src: &'a str,
}

pub(crate) struct Lower<'s> {
    loc: Locator<'s>,
    source: &'s str,
    g: Graph,
    nodes: IdMap<&'s str, usize>,
    subgraphs: IdMap<String, usize>,
    in_subgraph: Vec<bool>,
    /// Nodes given a shape, label or metadata somewhere (never a subgraph reference).
    defined: Vec<bool>,
    /// Edge ids seen so far (`A e1@--> B`).
    edge_ids: HashSet<&'s str>,
    stack: Vec<Open<'s>>,
    /// Reused per chain: node indices of all groups, and where each group ends.
    chain_ids: Vec<usize>,
    chain_ends: Vec<usize>,
    /// Edges by id (`A e1@--> B`), for `e1@{ … }` metadata.
    edges_by_id: IdMap<&'s str, Vec<usize>>,
    budgets: crate::Budgets,
}

/// Label text as shown: `(text, markdown)`.
fn text(t: &Text<'_>) -> (String, bool) {
    let raw = t.raw;
    if t.quoted && raw.len() >= 2 && raw.starts_with('`') && raw.ends_with('`') {
        let inner = &raw[1..raw.len() - 1];
        let lines: Vec<&str> = inner
            .split('\n')
            .enumerate()
            .map(|(k, l)| {
                let l = l.trim_end_matches('\r');
                if k == 0 {
                    l
                } else {
                    l.trim_start()
                }
            })
            .collect();
        return (lines.join("\n"), true);
    }
    (decode_text_html(raw, t.quoted), false)
}

impl<'s> Lower<'s> {
    fn error(&self, at: &str, message: String) -> ParseError {
        ParseError {
            kind: ParseErrorKind::Syntax,
            message,
            span: self.loc.span_of(at),
        }
    }

    /// A budget error at `at`: `what` exceeds the `name` budget.
    fn over_budget(
        &self,
        at: &str,
        name: &'static str,
        what: String,
        limit: usize,
        flag: &str,
    ) -> ParseError {
        crate::diagrams::budget::over_at(self.loc.span_of(at), name, what, limit, flag)
    }

    /// A label's shown text, refused when longer than the label budget
    /// (counted before any copy is made).
    fn label(&self, t: &Text<'_>) -> Result<(String, bool), ParseError> {
        let limit = self.budgets.max_label_chars;
        if t.raw.len() > limit {
            let n = t.raw.chars().count();
            if n > limit {
                return Err(self.over_budget(
                    t.raw,
                    "label",
                    format!("this label has {n} characters"),
                    limit,
                    "--max-label-chars",
                ));
            }
        }
        Ok(text(t))
    }
}

impl<'s> Lower<'s> {
    /// Start lowering a diagram; its title and configuration come from
    /// the shared preamble.
    pub(crate) fn new(
        pre: &Preamble<'s>,
        direction: Direction,
        budgets: crate::Budgets,
    ) -> Result<Self, ParseError> {
        let source = pre.source;
        let loc = Locator::new(source);
        let g = Graph {
            direction,
            config: pre.config.clone(),
            title: pre.title.clone(),
            ..Graph::default()
        };
        Ok(Lower {
            loc,
            source,
            g,
            nodes: IdMap::default(),
            subgraphs: IdMap::default(),
            in_subgraph: Vec::new(),
            defined: Vec::new(),
            edge_ids: HashSet::new(),
            stack: Vec::new(),
            chain_ids: Vec::new(),
            chain_ends: Vec::new(),
            edges_by_id: IdMap::default(),
            budgets,
        })
    }

    /// Check that every subgraph was closed and resolve edges to subgraphs.
    pub(crate) fn finish(mut self) -> Result<Graph, ParseError> {
        if let Some(open) = self.stack.last() {
            let sg = &self.g.subgraphs[open.sg];
            let line = self.loc.span_of(open.src).line;
            return Err(ParseError {
                kind: ParseErrorKind::Syntax,
                message: format!(
                    "expected `end` to close subgraph `{}` opened at line {line}, found end of input",
                    sg.id
                ),
                span: self.loc.span_at(self.source.len(), self.source.len()),
            });
        }
        self.resolve_cluster_ends();
        Ok(self.g)
    }
}

impl<'s> Lower<'s> {
    pub(crate) fn stmt(&mut self, stmt: &Stmt<'s>) -> Result<(), ParseError> {
        match stmt {
            Stmt::Chain { nodes, links } => self.chain(nodes, links),
            Stmt::SubgraphStart {
                id,
                title,
                classes,
                src,
            } => {
                self.open(*id, title.as_ref(), src)?;
                let sg = self.stack.last().map(|o| o.sg);
                if let Some(sg) = sg {
                    let c = &mut self.g.subgraphs[sg].classes;
                    c.extend(classes.iter().map(|c| c.to_string()));
                }
                Ok(())
            }
            Stmt::End { src } => self.close(src),
            Stmt::Direction { dir, .. } => {
                if let Some(open) = self.stack.last() {
                    self.g.subgraphs[open.sg].direction = Some(*dir);
                }
                Ok(())
            }
            Stmt::Style { id, decls } => {
                let style = parse_style_list(decls);
                if let Some(&ix) = self.nodes.get(id) {
                    self.g.nodes[ix].style.extend(style);
                } else if let Some(&sg) = self.subgraphs.get(*id) {
                    self.g.subgraphs[sg].style.extend(style);
                } else {
                    let ix = self.create(id)?;
                    self.g.nodes[ix].style.extend(style);
                }
                Ok(())
            }
            Stmt::ClassDef { names, decls } => {
                let style = parse_style_list(decls);
                for name in names {
                    self.g.class_defs.push(ClassDef {
                        name: name.to_string(),
                        style: style.clone(),
                    });
                }
                Ok(())
            }
            Stmt::Class { ids, classes } => {
                let classes = classes.iter().map(|c| c.to_string());
                for id in ids {
                    if let Some(&ix) = self.nodes.get(id) {
                        self.g.nodes[ix].classes.extend(classes.clone());
                    } else if let Some(&sg) = self.subgraphs.get(*id) {
                        self.g.subgraphs[sg].classes.extend(classes.clone());
                    } else if self.edge_ids.contains(id) {
                        self.edge_classes(id, classes.clone());
                    }
                }
                Ok(())
            }
            Stmt::LinkStyle {
                indices,
                interpolate,
                decls,
            } => self.link_style(indices.as_deref(), *interpolate, decls),
            Stmt::Click {
                id,
                action,
                tooltip,
            } => {
                if let Some(&node) = self.nodes.get(id) {
                    self.g.clicks.push(Click {
                        node,
                        action: action.clone(),
                        tooltip: tooltip.clone(),
                    });
                }
                Ok(())
            }
            Stmt::AccTitle(t) => {
                self.g.acc_title = Some(t.to_string());
                Ok(())
            }
            Stmt::AccDescr(t) => {
                let lines: Vec<&str> = t.trim().lines().map(str::trim).collect();
                self.g.acc_descr = Some(lines.join("\n"));
                Ok(())
            }
            // Read with the preamble (`crate::syntax::preamble`).
            Stmt::Directive(_) => Ok(()),
        }
    }

    fn chain(
        &mut self,
        nodes: &[NodeRef<'s>],
        links: &[super::ast::Link<'s>],
    ) -> Result<(), ParseError> {
        // `e1@{ animate: true }` is metadata for edge `e1`, not a node.
        // `e1:::name` gives edge `e1` a class, as `class e1 name` does.
        if let ([n], []) = (nodes, links) {
            if self.edge_ids.contains(n.id) && !self.nodes.contains_key(n.id) {
                if let Some(meta) = &n.meta {
                    self.edge_meta(n.id, meta);
                }
                if n.shape.is_none() && (n.meta.is_some() || !n.classes.is_empty()) {
                    let classes: Vec<String> = n.classes.iter().map(|c| c.to_string()).collect();
                    self.edge_classes(n.id, classes.into_iter());
                    return Ok(());
                }
            }
        }
        for l in links {
            if let Some(id) = l.id {
                self.edge_ids.insert(id);
            }
        }
        let mut ids = std::mem::take(&mut self.chain_ids);
        let mut ends = std::mem::take(&mut self.chain_ends);
        ids.clear();
        ends.clear();
        for n in nodes {
            match self.node(n) {
                Ok(ix) => ids.push(ix),
                Err(e) => {
                    self.chain_ids = ids;
                    self.chain_ends = ends;
                    return Err(e);
                }
            }
        }
        for l in links {
            ends.push(l.next);
        }
        ends.push(ids.len());
        let group = |k: usize| &ids[if k == 0 { 0 } else { ends[k - 1] }..ends[k]];
        // Count the edges of the `&` products before building any.
        let mut total = self.g.edges.len();
        for k in 0..links.len() {
            total = total.saturating_add(group(k).len().saturating_mul(group(k + 1).len()));
        }
        if total > self.budgets.max_edges {
            let at = links.first().map_or("", |l| l.src.trim());
            let err = self.over_budget(
                if at.is_empty() {
                    nodes.first().map_or("", |n| n.id)
                } else {
                    at
                },
                "edge",
                format!(
                    "this statement brings the diagram to {total} edges (`&` groups \
                     multiply: every node of one group links to every node of the next)"
                ),
                self.budgets.max_edges,
                "--max-edges",
            );
            self.chain_ids = ids;
            self.chain_ends = ends;
            return Err(err);
        }
        self.g.edges.reserve(total - self.g.edges.len());
        for (k, link) in links.iter().enumerate() {
            let (label, label_markdown) = match link.label.as_ref().map(|t| self.label(t)) {
                Some(Ok((s, md))) => (Some(s), md),
                Some(Err(e)) => {
                    self.chain_ids = ids;
                    self.chain_ends = ends;
                    return Err(e);
                }
                None => (None, false),
            };
            let span = self.loc.span_of(link.src.trim());
            for &from in group(k) {
                for &to in group(k + 1) {
                    crate::work::add(1);
                    if let Some(id) = link.id {
                        self.edges_by_id
                            .entry(id)
                            .or_default()
                            .push(self.g.edges.len());
                    }
                    self.g.edges.push(Edge {
                        from,
                        to,
                        stroke: link.stroke,
                        arrow_start: link.start,
                        arrow_end: link.end,
                        label: label.clone(),
                        label_markdown,
                        min_len: link.min_len,
                        span,
                        id: link.id.map(str::to_string),
                        ..Edge::default()
                    });
                }
            }
        }
        self.chain_ids = ids;
        self.chain_ends = ends;
        Ok(())
    }

    /// `class e1 name`: classes of the edge with id `e1`.
    fn edge_classes(&mut self, id: &str, classes: impl Iterator<Item = String> + Clone) {
        for e in self
            .g
            .edges
            .iter_mut()
            .filter(|e| e.id.as_deref() == Some(id))
        {
            e.classes.extend(classes.clone());
        }
    }

    fn edge_meta(&mut self, id: &str, meta: &Meta<'_>) {
        let animate = meta.get("animate").map(|t| t.raw.trim() == "true");
        let animation = meta.get("animation").map(|t| {
            let v = t.raw.trim();
            !v.is_empty() && v != "none" && v != "false"
        });
        let slow = meta.get("animation").map(|t| t.raw.trim() == "slow");
        let curve = meta.get("curve").map(|t| t.raw.trim().to_string());
        let Some(ixs) = self.edges_by_id.get(id) else {
            return;
        };
        for &k in ixs {
            let Some(e) = self.g.edges.get_mut(k) else {
                continue;
            };
            if let Some(a) = animate.or(animation) {
                e.animate = a;
            }
            if let Some(s) = slow {
                e.animation_slow = s;
            }
            if let Some(c) = &curve {
                e.curve = Some(c.clone());
            }
        }
    }

    fn link_style(
        &mut self,
        indices: Option<&[&'s str]>,
        interpolate: Option<&str>,
        decls: &str,
    ) -> Result<(), ParseError> {
        let style = parse_style_list(decls);
        let Some(indices) = indices else {
            self.g.link_style_default.extend(style);
            if let Some(c) = interpolate {
                self.g.default_curve = Some(c.to_string());
            }
            return Ok(());
        };
        let n = self.g.edges.len();
        let mut targets = Vec::with_capacity(indices.len());
        for ix in indices {
            match ix.parse::<usize>() {
                Ok(k) if k < n => targets.push(k),
                _ => {
                    let plural = if n == 1 { "" } else { "s" };
                    return Err(self.error(
                        ix,
                        format!(
                            "`linkStyle {ix}` refers to a missing edge: the diagram has {n} \
                             edge{plural} before this line (edges are numbered from 0)"
                        ),
                    ));
                }
            }
        }
        for k in targets {
            let e = &mut self.g.edges[k];
            e.style.extend(style.iter().cloned());
            if let Some(c) = interpolate {
                e.curve = Some(c.to_string());
            }
        }
        Ok(())
    }

    fn create(&mut self, id: &'s str) -> Result<usize, ParseError> {
        let ix = self.g.nodes.len();
        if ix >= self.budgets.max_nodes {
            return Err(self.over_budget(
                id,
                "node",
                format!("node `{id}` is node number {}", ix + 1),
                self.budgets.max_nodes,
                "--max-nodes",
            ));
        }
        self.g.nodes.push(Node {
            id: id.to_string(),
            label: id.to_string(),
            span: self.loc.span_of(id),
            ..Node::default()
        });
        self.nodes.insert(id, ix);
        self.in_subgraph.push(false);
        self.defined.push(false);
        Ok(ix)
    }

    /// Find or create the node, apply its shape/label/metadata and classes,
    /// and note the mention for subgraph membership.
    fn node(&mut self, r: &NodeRef<'s>) -> Result<usize, ParseError> {
        let ix = match self.nodes.get(r.id) {
            Some(&ix) => ix,
            None => self.create(r.id)?,
        };
        let shape_label = match &r.shape {
            Some((_, label)) => Some(self.label(label)?),
            None => None,
        };
        let meta_label = match r.meta.as_ref().and_then(|m| m.get("label")) {
            Some(label) => Some(self.label(&label)?),
            None => None,
        };
        if r.shape.is_some() || r.meta.is_some() {
            self.defined[ix] = true;
        }
        let n = &mut self.g.nodes[ix];
        if let Some((shape, _)) = &r.shape {
            n.shape = *shape;
        }
        if let Some(l) = shape_label {
            (n.label, n.markdown) = l;
        }
        if let Some(meta) = &r.meta {
            if let Some(icon) = meta.get("icon") {
                n.icon = Some(icon.raw.trim().to_string());
                n.shape = Shape::Icon;
            }
            if let Some(img) = meta.get("img") {
                n.image = Some(img.raw.trim().to_string());
                n.shape = Shape::Image;
            }
            if let Some(shape) = meta.shape {
                n.shape = shape;
            }
            if let Some(l) = meta_label {
                (n.label, n.markdown) = l;
            } else if n.icon.is_some() || n.image.is_some() {
                // Icon and image nodes show no text unless given a label.
                if n.label == n.id && r.shape.is_none() {
                    n.label.clear();
                }
            }
        }
        n.classes.extend(r.classes.iter().map(|c| c.to_string()));
        if let Some(open) = self.stack.last_mut() {
            open.mentioned.push(ix);
        }
        Ok(ix)
    }

    fn open(
        &mut self,
        id: Option<&'s str>,
        title: Option<&Text<'s>>,
        src: &'s str,
    ) -> Result<(), ParseError> {
        if self.stack.len() >= self.budgets.max_nesting {
            return Err(self.over_budget(
                src,
                "nesting",
                format!(
                    "this subgraph is nested {} levels deep",
                    self.stack.len() + 1
                ),
                self.budgets.max_nesting,
                "--max-nesting",
            ));
        }
        if self.stack.len() >= MAX_SUBGRAPH_DEPTH {
            return Err(self.error(
                src,
                format!("subgraphs are nested too deeply (more than {MAX_SUBGRAPH_DEPTH} levels)"),
            ));
        }
        let ix = self.g.subgraphs.len();
        let (title, title_markdown) = match title.map(|t| self.label(t)).transpose()? {
            Some((t, md)) => (Some(t), md),
            None => (None, false),
        };
        let id = match (id, &title) {
            (Some(id), _) => id.to_string(),
            (None, Some(t))
                if !t.is_empty() && !t.contains(char::is_whitespace) && !title_markdown =>
            {
                t.clone()
            }
            _ => format!("subGraph{ix}"),
        };
        let parent = self.stack.last().map(|o| o.sg);
        if let Some(p) = parent {
            self.g.subgraphs[p].children.push(ix);
        }
        self.subgraphs.entry(id.clone()).or_insert(ix);
        self.g.subgraphs.push(Subgraph {
            title: title.unwrap_or_else(|| id.clone()),
            title_markdown,
            id,
            parent,
            span: self.loc.span_of(src),
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
            return Err(self.error(src, "unexpected `end`: no subgraph is open".into()));
        };
        for n in open.mentioned {
            if !self.in_subgraph[n] {
                self.in_subgraph[n] = true;
                self.g.subgraphs[open.sg].nodes.push(n);
            }
        }
        Ok(())
    }

    /// Is subgraph `inner` the subgraph `outer` or inside it?
    fn within(&self, mut inner: usize, outer: usize) -> bool {
        loop {
            if inner == outer {
                return true;
            }
            match self.g.subgraphs[inner].parent {
                Some(p) => inner = p,
                None => return false,
            }
        }
    }

    /// Turn names that refer to subgraphs into cluster ends of edges (see
    /// the module notes), then drop those names from the node list.
    fn resolve_cluster_ends(&mut self) {
        if self.subgraphs.is_empty() {
            return;
        }
        let parents = self.g.node_parents();
        // node index → subgraph it stands for
        let mut cluster_of: Vec<Option<usize>> = vec![None; self.g.nodes.len()];
        let mut any = false;
        for (ix, n) in self.g.nodes.iter().enumerate() {
            if self.defined[ix] {
                continue;
            }
            let Some(&sg) = self.subgraphs.get(n.id.as_str()) else {
                continue;
            };
            if parents[ix].is_some_and(|p| self.within(p, sg)) {
                continue;
            }
            cluster_of[ix] = Some(sg);
            any = true;
        }
        if !any {
            return;
        }
        // Styles and classes given to the name belong to the subgraph.
        for (ix, c) in cluster_of.iter().enumerate() {
            if let Some(sg) = *c {
                let n = &mut self.g.nodes[ix];
                let (style, classes) =
                    (std::mem::take(&mut n.style), std::mem::take(&mut n.classes));
                let s = &mut self.g.subgraphs[sg];
                s.style.extend(style);
                s.classes.extend(classes);
            }
        }
        // First member node of each subgraph, depth-first.
        let first: Vec<Option<usize>> = (0..self.g.subgraphs.len())
            .map(|sg| self.first_member(sg, &cluster_of))
            .collect();
        let mut edges = std::mem::take(&mut self.g.edges);
        edges.retain_mut(|e| {
            if let Some(sg) = cluster_of[e.from] {
                let Some(m) = first[sg] else { return false };
                e.from = m;
                e.from_cluster = Some(sg);
            }
            if let Some(sg) = cluster_of[e.to] {
                let Some(m) = first[sg] else { return false };
                e.to = m;
                e.to_cluster = Some(sg);
            }
            true
        });
        // Renumber the remaining nodes.
        let mut remap = vec![None; self.g.nodes.len()];
        let mut kept = Vec::with_capacity(self.g.nodes.len());
        for (ix, n) in std::mem::take(&mut self.g.nodes).into_iter().enumerate() {
            if cluster_of[ix].is_none() {
                remap[ix] = Some(kept.len());
                kept.push(n);
            }
        }
        self.g.nodes = kept;
        for e in &mut edges {
            // Both ends are kept nodes now.
            e.from = remap[e.from].unwrap_or(0);
            e.to = remap[e.to].unwrap_or(0);
        }
        self.g.edges = edges;
        for s in &mut self.g.subgraphs {
            s.nodes = s.nodes.iter().filter_map(|&n| remap[n]).collect();
        }
        let clicks = std::mem::take(&mut self.g.clicks);
        self.g.clicks = clicks
            .into_iter()
            .filter_map(|mut c| {
                c.node = remap[c.node]?;
                Some(c)
            })
            .collect();
    }

    /// The first member node of `sg` that is a real node: its own nodes in
    /// order, then its children's, depth-first (explicit stack).
    fn first_member(&self, sg: usize, cluster_of: &[Option<usize>]) -> Option<usize> {
        let mut stack = vec![sg];
        while let Some(s) = stack.pop() {
            let sub = &self.g.subgraphs[s];
            if let Some(&n) = sub.nodes.iter().find(|&&n| cluster_of[n].is_none()) {
                return Some(n);
            }
            stack.extend(sub.children.iter().rev());
        }
        None
    }
}
