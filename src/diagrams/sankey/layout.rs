//! Sankey layout in the manner of d3-sankey: columns by longest path
//! (aligned as configured), node heights proportional to their flow,
//! relaxation passes that move nodes towards the weighted centre of their
//! neighbours (fewer, flatter crossings), collision resolution within a
//! column, then link bands stacked on their nodes. Labels go right of
//! nodes in the left half and left of the others, as mermaid-js puts
//! them, and are then moved apart vertically so no two overlap.

use super::model::Sankey;
use super::{Align, SankeyConfig};
use crate::text::{measure, TextStyle};

/// A placed node.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub name: String,
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    pub value: f64,
    pub layer: usize,
    pub color: String,
}

/// A placed link: a band from the source's right side to the target's
/// left side, centred on `y0` at the source and `y1` at the target.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkBand {
    pub source: usize,
    pub target: usize,
    pub value: f64,
    pub width: f64,
    pub y0: f64,
    pub y1: f64,
}

/// A node label.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    /// Anchor point (start or end of the text) and baseline.
    pub x: f64,
    pub y: f64,
    pub end_anchor: bool,
    /// Glyph box (x, y, w, h).
    pub bbox: (f64, f64, f64, f64),
}

/// Everything to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Node>,
    pub links: Vec<LinkBand>,
    pub labels: Vec<Label>,
    pub font_size: f64,
}

/// Label font size (mermaid-js: 14 px).
pub const LABEL_SIZE: f64 = 14.0;

/// The categorical colours of d3's `schemeTableau10`.
pub const TABLEAU10: [&str; 10] = [
    "#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7",
    "#9c755f", "#bab0ab",
];

/// A value as mermaid-js prints it: rounded to two decimals.
pub fn format_value(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{r:.0}")
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

struct G {
    /// Per node: outgoing and incoming link indexes (kept sorted).
    out: Vec<Vec<usize>>,
    inc: Vec<Vec<usize>>,
}

/// Lay out `s`.
pub fn layout(s: &Sankey, cfg: &SankeyConfig, palette: &[String]) -> Geometry {
    let n = s.nodes.len();
    let links = &s.links;
    let mut g = G {
        out: vec![Vec::new(); n],
        inc: vec![Vec::new(); n],
    };
    for (i, l) in links.iter().enumerate() {
        if let (Some(o), Some(_)) = (g.out.get_mut(l.source), g.inc.get(l.target)) {
            o.push(i);
            g.inc[l.target].push(i);
        }
    }
    // Node values.
    let value: Vec<f64> = (0..n)
        .map(|i| {
            let a: f64 = g.out[i].iter().map(|&k| links[k].value).sum();
            let b: f64 = g.inc[i].iter().map(|&k| links[k].value).sum();
            a.max(b)
        })
        .collect();
    // Depths (longest path from a source) and heights (to a sink), by
    // breadth-first relaxation; a cycle stops after n rounds.
    let depth = longest(n, |i| g.out[i].iter().map(|&k| links[k].target).collect());
    let height = longest(n, |i| g.inc[i].iter().map(|&k| links[k].source).collect());
    let layers = depth.iter().copied().max().map_or(1, |d| d + 1);
    let layer: Vec<usize> = (0..n)
        .map(|i| {
            let l = match cfg.align {
                Align::Left => depth[i],
                Align::Right => (layers - 1).saturating_sub(height[i]),
                Align::Center => {
                    if !g.inc[i].is_empty() {
                        depth[i]
                    } else if !g.out[i].is_empty() {
                        g.out[i]
                            .iter()
                            .map(|&k| depth[links[k].target])
                            .min()
                            .unwrap_or(1)
                            .saturating_sub(1)
                    } else {
                        0
                    }
                }
                Align::Justify => {
                    if g.out[i].is_empty() {
                        layers - 1
                    } else {
                        depth[i]
                    }
                }
            };
            l.min(layers - 1)
        })
        .collect();
    let (x0, x1, y0, y1) = (0.0, cfg.width, 0.0, cfg.height);
    let dx = cfg.node_width;
    let kx = if layers > 1 {
        (x1 - x0 - dx) / (layers - 1) as f64
    } else {
        0.0
    };
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for i in 0..n {
        columns[layer[i]].push(i);
    }
    let max_col = columns.iter().map(Vec::len).max().unwrap_or(1);
    let py = if max_col > 1 {
        cfg.node_padding.min((y1 - y0) / (max_col - 1) as f64)
    } else {
        cfg.node_padding
    };
    let mut ny0 = vec![0.0; n];
    let mut ny1 = vec![0.0; n];
    let ky = columns
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let sum: f64 = c.iter().map(|&i| value[i]).sum();
            if sum > 0.0 {
                (y1 - y0 - (c.len() - 1) as f64 * py) / sum
            } else {
                f64::INFINITY
            }
        })
        .fold(f64::INFINITY, f64::min);
    let ky = if ky.is_finite() { ky.max(0.0) } else { 0.0 };
    let width: Vec<f64> = links.iter().map(|l| l.value * ky).collect();
    for c in &columns {
        let mut y = y0;
        for &i in c {
            ny0[i] = y;
            ny1[i] = y + value[i] * ky;
            y = ny1[i] + py;
        }
        let extra = (y1 - y + py) / (c.len() + 1) as f64;
        for (k, &i) in c.iter().enumerate() {
            ny0[i] += extra * (k + 1) as f64;
            ny1[i] += extra * (k + 1) as f64;
        }
    }
    let mut st = State {
        links,
        width: &width,
        y0: ny0,
        y1: ny1,
        py,
        top: y0,
        bottom: y1,
        pos_out: vec![0; links.len()],
        pos_in: vec![0; links.len()],
        pre_out: vec![Vec::new(); n],
        pre_in: vec![Vec::new(); n],
        stale_out: Vec::new(),
        stale_in: Vec::new(),
    };
    for c in &columns {
        for &i in c {
            st.sort_links(&mut g, i);
        }
    }
    let iterations = 6;
    for it in 0..iterations {
        let alpha = 0.99f64.powi(it);
        let beta = (1.0 - alpha).max((it + 1) as f64 / iterations as f64);
        // Right to left.
        for ci in (0..layers.saturating_sub(1)).rev() {
            let col = columns[ci].clone();
            for &src in &col {
                let mut y = 0.0;
                let mut w = 0.0;
                for &k in &g.out[src] {
                    let t = links[k].target;
                    let v = links[k].value * (layer[t] as f64 - layer[src] as f64);
                    y += st.source_top(&g, src, t, k) * v;
                    w += v;
                }
                if w > 0.0 {
                    let d = (y / w - st.y0[src]) * alpha;
                    st.y0[src] += d;
                    st.y1[src] += d;
                    st.reorder_around(&mut g, src);
                }
            }
            st.flush(&mut g);
            st.sort_column(&mut columns[ci]);
            st.resolve(&columns[ci], beta);
        }
        // Left to right.
        for column in columns.iter_mut().skip(1) {
            let col = column.clone();
            for &t in &col {
                let mut y = 0.0;
                let mut w = 0.0;
                for &k in &g.inc[t] {
                    let src = links[k].source;
                    let v = links[k].value * (layer[t] as f64 - layer[src] as f64);
                    y += st.target_top(&g, src, t, k) * v;
                    w += v;
                }
                if w > 0.0 {
                    let d = (y / w - st.y0[t]) * alpha;
                    st.y0[t] += d;
                    st.y1[t] += d;
                    st.reorder_around(&mut g, t);
                }
            }
            st.flush(&mut g);
            st.sort_column(column);
            st.resolve(column, beta);
        }
    }
    for i in 0..n {
        st.sort_links(&mut g, i);
    }
    // Link ends.
    let mut ly0 = vec![0.0; links.len()];
    let mut ly1 = vec![0.0; links.len()];
    for i in 0..n {
        let mut a = st.y0[i];
        for &k in &g.out[i] {
            ly0[k] = a + width[k] / 2.0;
            a += width[k];
        }
        let mut b = st.y0[i];
        for &k in &g.inc[i] {
            ly1[k] = b + width[k] / 2.0;
            b += width[k];
        }
    }
    let nodes: Vec<Node> = (0..n)
        .map(|i| {
            let x = x0 + layer[i] as f64 * kx;
            let color = cfg
                .node_colors
                .iter()
                .find(|(k, _)| *k == s.nodes[i])
                .map(|(_, c)| c.clone())
                .unwrap_or_else(|| {
                    palette
                        .get(i % palette.len().max(1))
                        .cloned()
                        .unwrap_or_else(|| TABLEAU10[i % 10].to_string())
                });
            Node {
                name: s.nodes[i].clone(),
                x0: x,
                x1: x + dx,
                y0: st.y0[i],
                y1: st.y1[i],
                value: value[i],
                layer: layer[i],
                color,
            }
        })
        .collect();
    let bands: Vec<LinkBand> = links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.source < n && l.target < n)
        .map(|(k, l)| LinkBand {
            source: l.source,
            target: l.target,
            value: l.value,
            width: width[k],
            y0: ly0[k],
            y1: ly1[k],
        })
        .collect();
    let labels = place_labels(&nodes, cfg);
    // The canvas holds the nodes and every label.
    let mut min_x: f64 = 0.0;
    let mut max_x: f64 = cfg.width;
    let mut min_y: f64 = 0.0;
    let mut max_y: f64 = cfg.height;
    for l in &labels {
        min_x = min_x.min(l.bbox.0);
        max_x = max_x.max(l.bbox.0 + l.bbox.2);
        min_y = min_y.min(l.bbox.1);
        max_y = max_y.max(l.bbox.1 + l.bbox.3);
    }
    let (sx, sy) = (-min_x, -min_y);
    let mut geo = Geometry {
        width: (max_x - min_x).ceil(),
        height: (max_y - min_y).ceil(),
        nodes,
        links: bands,
        labels,
        font_size: LABEL_SIZE,
    };
    if sx != 0.0 || sy != 0.0 {
        for nd in &mut geo.nodes {
            nd.x0 += sx;
            nd.x1 += sx;
            nd.y0 += sy;
            nd.y1 += sy;
        }
        for l in &mut geo.links {
            l.y0 += sy;
            l.y1 += sy;
        }
        for l in &mut geo.labels {
            l.x += sx;
            l.y += sy;
            l.bbox.0 += sx;
            l.bbox.1 += sy;
        }
    }
    geo
}

/// Longest path length from nodes without `next`-predecessors: by
/// topological order (Kahn) when the links form no cycle, O(nodes +
/// links); otherwise by relaxation bounded to `n` rounds (cycles cannot
/// loop forever). Both give every node the longest path reaching it.
fn longest(n: usize, next: impl Fn(usize) -> Vec<usize>) -> Vec<usize> {
    let nexts: Vec<Vec<usize>> = (0..n).map(&next).collect();
    if let Some(d) = longest_acyclic(&nexts) {
        return d;
    }
    let mut d = vec![0usize; n];
    let mut current: Vec<usize> = (0..n).collect();
    let mut round = 0;
    // Reused between rounds: a round clears only what it marked.
    let mut seen = vec![false; n];
    // Start from every node; a node reached at round r gets depth ≥ r.
    while !current.is_empty() && round <= n {
        let mut nxt = Vec::new();
        for &i in &current {
            d[i] = d[i].max(round);
            crate::work::add(1 + nexts[i].len());
            for &t in &nexts[i] {
                if t < n && !seen[t] {
                    seen[t] = true;
                    nxt.push(t);
                }
            }
        }
        for &t in &nxt {
            seen[t] = false;
        }
        current = nxt;
        round += 1;
    }
    d
}

/// [`longest`] when `nexts` has no cycle (`None` otherwise): each node's
/// depth is one more than its deepest predecessor's.
fn longest_acyclic(nexts: &[Vec<usize>]) -> Option<Vec<usize>> {
    let n = nexts.len();
    let mut indeg = vec![0usize; n];
    for ts in nexts {
        for &t in ts {
            if let Some(c) = indeg.get_mut(t) {
                *c += 1;
            }
        }
    }
    let mut d = vec![0usize; n];
    let mut queue: Vec<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
    let mut head = 0;
    while let Some(&i) = queue.get(head) {
        head += 1;
        crate::work::add(1 + nexts[i].len());
        for &t in &nexts[i] {
            if t < n {
                d[t] = d[t].max(d[i] + 1);
                indeg[t] -= 1;
                if indeg[t] == 0 {
                    queue.push(t);
                }
            }
        }
    }
    (queue.len() == n).then_some(d)
}

/// Above this many links on one side, a node's link list is indexed
/// (position of each link, prefix sums of the widths before it) instead of
/// walked, and re-sorted once per column pass instead of after every
/// neighbour's move: a hub with thousands of links would otherwise cost a
/// sort and a walk of all of them per neighbour (quadratic). Diagrams whose
/// nodes all have fewer links are laid out exactly as before.
const HEAVY: usize = 256;

/// Index a heavy link list: each link's position in it, and the running
/// sum of the widths before each entry.
fn index_list(list: &[usize], pos: &mut [usize], pre: &mut Vec<f64>, width: &[f64]) {
    let mut sum = 0.0;
    pre.clear();
    for (j, &k) in list.iter().enumerate() {
        pos[k] = j;
        pre.push(sum);
        sum += width[k];
    }
}

struct State<'a> {
    links: &'a [super::model::Link],
    width: &'a [f64],
    y0: Vec<f64>,
    y1: Vec<f64>,
    py: f64,
    top: f64,
    bottom: f64,
    /// For a link: its index in its source's `out` and its target's `inc`
    /// (kept for the links of heavy lists only).
    pos_out: Vec<usize>,
    pos_in: Vec<usize>,
    /// For a node with a heavy list: the running sum of the link widths
    /// before each entry.
    pre_out: Vec<Vec<f64>>,
    pre_in: Vec<Vec<f64>>,
    /// Heavy lists whose re-sort waits for the end of the column pass.
    stale_out: Vec<usize>,
    stale_in: Vec<usize>,
}

impl State<'_> {
    fn sort_out(&mut self, g: &mut G, s: usize) {
        let links = self.links;
        let y0 = &self.y0;
        crate::work::add(g.out[s].len());
        g.out[s].sort_by(|&a, &b| {
            y0[links[a].target]
                .total_cmp(&y0[links[b].target])
                .then(a.cmp(&b))
        });
        if g.out[s].len() > HEAVY {
            index_list(
                &g.out[s],
                &mut self.pos_out,
                &mut self.pre_out[s],
                self.width,
            );
        }
    }

    fn sort_in(&mut self, g: &mut G, t: usize) {
        let links = self.links;
        let y0 = &self.y0;
        crate::work::add(g.inc[t].len());
        g.inc[t].sort_by(|&a, &b| {
            y0[links[a].source]
                .total_cmp(&y0[links[b].source])
                .then(a.cmp(&b))
        });
        if g.inc[t].len() > HEAVY {
            index_list(&g.inc[t], &mut self.pos_in, &mut self.pre_in[t], self.width);
        }
    }

    fn sort_links(&mut self, g: &mut G, i: usize) {
        self.sort_out(g, i);
        self.sort_in(g, i);
    }

    /// After node `i` moved: its neighbours' lists follow the new order
    /// (heavy lists at the end of the column pass, [`State::flush`]).
    fn reorder_around(&mut self, g: &mut G, i: usize) {
        crate::work::add(1 + g.inc[i].len() + g.out[i].len());
        for j in 0..g.inc[i].len() {
            let s = self.links[g.inc[i][j]].source;
            if g.out[s].len() > HEAVY {
                self.stale_out.push(s);
            } else {
                self.sort_out(g, s);
            }
        }
        for j in 0..g.out[i].len() {
            let t = self.links[g.out[i][j]].target;
            if g.inc[t].len() > HEAVY {
                self.stale_in.push(t);
            } else {
                self.sort_in(g, t);
            }
        }
    }

    /// Re-sort the heavy lists left stale during a column pass.
    fn flush(&mut self, g: &mut G) {
        let mut outs = std::mem::take(&mut self.stale_out);
        outs.sort_unstable();
        outs.dedup();
        for s in outs {
            self.sort_out(g, s);
        }
        let mut ins = std::mem::take(&mut self.stale_in);
        ins.sort_unstable();
        ins.dedup();
        for t in ins {
            self.sort_in(g, t);
        }
    }

    /// The widths before link `k` in a heavy list, plus `py` per link when
    /// `gaps` (what the walks below add up, from the index).
    fn indexed(&self, pre: &[f64], pos: usize, gaps: bool) -> f64 {
        let w = pre.get(pos).copied().unwrap_or(0.0);
        if gaps {
            w + pos as f64 * self.py
        } else {
            w
        }
    }

    /// Where `src`'s top would be for link `k` to arrive level at `t`.
    fn target_top(&self, g: &G, src: usize, t: usize, k: usize) -> f64 {
        let mut y = self.y0[src] - (g.out[src].len() as f64 - 1.0) * self.py / 2.0;
        if g.out[src].len() > HEAVY {
            y += self.indexed(&self.pre_out[src], self.pos_out[k], true);
        } else {
            for &o in &g.out[src] {
                if o == k {
                    break;
                }
                y += self.width[o] + self.py;
            }
        }
        if g.inc[t].len() > HEAVY {
            y -= self.indexed(&self.pre_in[t], self.pos_in[k], false);
        } else {
            for &o in &g.inc[t] {
                if o == k {
                    break;
                }
                y -= self.width[o];
            }
        }
        y
    }

    /// Where `t`'s top would be for link `k` to leave level from `src`.
    fn source_top(&self, g: &G, src: usize, t: usize, k: usize) -> f64 {
        let mut y = self.y0[t] - (g.inc[t].len() as f64 - 1.0) * self.py / 2.0;
        if g.inc[t].len() > HEAVY {
            y += self.indexed(&self.pre_in[t], self.pos_in[k], true);
        } else {
            for &o in &g.inc[t] {
                if o == k {
                    break;
                }
                y += self.width[o] + self.py;
            }
        }
        if g.out[src].len() > HEAVY {
            y -= self.indexed(&self.pre_out[src], self.pos_out[k], false);
        } else {
            for &o in &g.out[src] {
                if o == k {
                    break;
                }
                y -= self.width[o];
            }
        }
        y
    }

    fn sort_column(&self, col: &mut [usize]) {
        // Stable, as d3's: ties keep their current order.
        col.sort_by(|&a, &b| self.y0[a].total_cmp(&self.y0[b]));
    }

    fn resolve(&mut self, col: &[usize], alpha: f64) {
        if col.is_empty() {
            return;
        }
        let mid = col.len() >> 1;
        let subject = col[mid];
        let (a, b) = (self.y0[subject] - self.py, self.y1[subject] + self.py);
        self.bottom_to_top(col, a, mid as isize - 1, alpha);
        self.top_to_bottom(col, b, mid + 1, alpha);
        self.bottom_to_top(col, self.bottom, col.len() as isize - 1, alpha);
        self.top_to_bottom(col, self.top, 0, alpha);
    }

    fn top_to_bottom(&mut self, col: &[usize], mut y: f64, from: usize, alpha: f64) {
        for &i in col.iter().skip(from) {
            let d = (y - self.y0[i]) * alpha;
            if d > 1e-6 {
                self.y0[i] += d;
                self.y1[i] += d;
            }
            y = self.y1[i] + self.py;
        }
    }

    fn bottom_to_top(&mut self, col: &[usize], mut y: f64, from: isize, alpha: f64) {
        let mut k = from;
        while k >= 0 {
            let i = col[k as usize];
            let d = (self.y1[i] - y) * alpha;
            if d > 1e-6 {
                self.y0[i] -= d;
                self.y1[i] -= d;
            }
            y = self.y0[i] - self.py;
            k -= 1;
        }
    }
}

fn label_text(nd: &Node, cfg: &SankeyConfig) -> String {
    if cfg.show_values {
        format!(
            "{} {}{}{}",
            nd.name,
            cfg.prefix,
            format_value(nd.value),
            cfg.suffix
        )
    } else {
        nd.name.clone()
    }
}

/// Labels beside their nodes, then moved apart. Labels on one side of
/// one column keep their nodes' order: overlapping runs are merged into
/// blocks centred on their nodes (least total displacement). A label that
/// still meets a label of another column (a long name reaching the next
/// one) moves down below it.
fn place_labels(nodes: &[Node], cfg: &SankeyConfig) -> Vec<Label> {
    const GAP: f64 = 2.0;
    let style = TextStyle {
        size: LABEL_SIZE,
        bold: false,
        italic: false,
    };
    let h = LABEL_SIZE * 1.2;
    struct L {
        node: usize,
        text: String,
        x: f64,
        left: f64,
        w: f64,
        want: f64,
        right: bool,
    }
    let mut ls: Vec<L> = nodes
        .iter()
        .enumerate()
        .map(|(i, nd)| {
            let text = label_text(nd, cfg);
            let w = measure(&text, style).width;
            let right = nd.x0 < cfg.width / 2.0;
            let x = if right { nd.x1 + 6.0 } else { nd.x0 - 6.0 };
            L {
                node: i,
                text,
                x,
                left: if right { x } else { x - w },
                w,
                want: (nd.y0 + nd.y1) / 2.0 - h / 2.0,
                right,
            }
        })
        .collect();
    // Lanes: one side of one column, left to right, each top to bottom.
    ls.sort_by(|a, b| {
        a.x.total_cmp(&b.x)
            .then(a.right.cmp(&b.right))
            .then(a.want.total_cmp(&b.want))
            .then(a.node.cmp(&b.node))
    });
    let mut tops = vec![0.0; ls.len()];
    let mut start = 0;
    while start < ls.len() {
        let mut end = start + 1;
        while end < ls.len() && ls[end].x == ls[start].x && ls[end].right == ls[start].right {
            end += 1;
        }
        // Clusters of consecutive labels: (first, count, top, sum), where
        // `sum` is Σ (want − offset in the cluster) over its labels, kept
        // as clusters merge so that a merge costs O(1), not O(its size).
        let mut clusters: Vec<(usize, usize, f64, f64)> = Vec::new();
        for (k, l) in ls.iter().enumerate().take(end).skip(start) {
            clusters.push((k, 1, l.want.max(0.0), l.want));
            while clusters.len() >= 2 {
                let (a0, an, at, asum) = clusters[clusters.len() - 2];
                let (_, bn, bt, bsum) = clusters[clusters.len() - 1];
                if at + an as f64 * (h + GAP) <= bt {
                    break;
                }
                let n = an + bn;
                // B's labels sit `an` places further into the merged cluster.
                let sum = asum + bsum - (an as f64) * (bn as f64) * (h + GAP);
                let mean = sum / n as f64;
                clusters.pop();
                clusters.pop();
                clusters.push((a0, n, mean.max(0.0), sum));
            }
        }
        for (first, n, top, _) in clusters {
            for j in 0..n {
                tops[first + j] = top + j as f64 * (h + GAP);
            }
        }
        start = end;
    }
    // Across lanes: move down below any label already placed.
    let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
    // Boxes by row of `h + GAP` (of their top) and column as wide as the
    // widest label (of their left side).
    let row = h + GAP;
    let row_of = |y: f64| (y / row).floor() as i64;
    let widest = ls.iter().map(|l| l.w).fold(1.0, f64::max);
    let col_of = |x: f64| (x / widest).floor() as i64;
    let mut cells: std::collections::BTreeMap<(i64, i64), Vec<usize>> =
        std::collections::BTreeMap::new();
    // Cells and boxes looked at, at most.
    let mut checks: usize = 128usize.saturating_mul(nodes.len()).saturating_add(200_000);
    let mut placed: Vec<Option<Label>> = vec![None; nodes.len()];
    let mut prev: Option<(f64, bool, f64)> = None;
    for (k, l) in ls.iter().enumerate() {
        let mut top = tops[k];
        if let Some((px, pr, pb)) = prev {
            if px == l.x && pr == l.right {
                top = top.max(pb + GAP);
            }
        }
        // Every box is `h` high, so one meeting `top` starts within one
        // row (`h + GAP`) of it, and at most `widest` left of this label:
        // only the cells around it are looked at.
        // Moving below any box met (here the lowest) never passes the
        // first free place, so the result is the one of moving below each
        // box met in turn. A cascade of labels all wanting the same place
        // (thousands of one-node columns) is cut off by `checks`.
        while checks > 0 {
            let (lo, hi) = (
                row_of(top - row).saturating_sub(1),
                row_of(top + row).saturating_add(1),
            );
            let (clo, chi) = (
                col_of(l.left - widest).saturating_sub(1),
                col_of(l.left + l.w).saturating_add(1),
            );
            let mut below: Option<f64> = None;
            let rows_looked = usize::try_from(hi.saturating_sub(lo)).unwrap_or(usize::MAX);
            checks = checks.saturating_sub(rows_looked.saturating_add(1));
            crate::work::add(rows_looked.saturating_add(1));
            for (_, ks) in (lo..=hi).flat_map(|r| cells.range((r, clo)..=(r, chi))) {
                checks = checks.saturating_sub(ks.len());
                crate::work::add(ks.len());
                for &j in ks {
                    let b: &(f64, f64, f64, f64) = &boxes[j];
                    if l.left < b.0 + b.2
                        && b.0 < l.left + l.w
                        && top < b.1 + b.3 + GAP
                        && b.1 < top + h + GAP
                    {
                        let y = b.1 + b.3 + GAP;
                        below = Some(below.map_or(y, |m: f64| m.max(y)));
                    }
                }
            }
            match below {
                Some(y) => top = y,
                None => break,
            }
        }
        let bbox = (l.left, top, l.w, h);
        cells
            .entry((row_of(top), col_of(l.left)))
            .or_default()
            .push(boxes.len());
        boxes.push(bbox);
        prev = Some((l.x, l.right, top + h));
        placed[l.node] = Some(Label {
            text: l.text.clone(),
            x: l.x,
            y: top + h / 2.0 + 0.35 * LABEL_SIZE,
            end_anchor: !l.right,
            bbox,
        });
    }
    placed.into_iter().flatten().collect()
}
