//! Layout JSON: the geometry in the schema read by `layout_metrics.py`
//! (centres, sizes, innermost cluster, sampled edge polylines, label boxes),
//! for every diagram type laid out by the layered engine.

use super::graph::Graph;
use crate::geometry::Geometry;
#[cfg(test)]
use serde_json::{json, Value};

/// Samples per cubic piece when writing edge polylines.
const SAMPLES: usize = 8;

/// A coordinate rounded to hundredths (as the SVG writes them).
#[cfg(test)]
fn num(v: f64) -> Value {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() && r.abs() < 1e15 {
        json!(r as i64)
    } else {
        json!(r)
    }
}

/// A JSON writer producing exactly what `serde_json::to_string_pretty`
/// writes for the same document built as a `Value` (keys in sorted order,
/// two-space indent), without building the tree: the layout JSON of a
/// large graph is written in one pass.
struct Out {
    buf: Vec<u8>,
    depth: usize,
    /// Whether the current container has an element already.
    first: Vec<bool>,
}

impl Out {
    fn new(capacity: usize) -> Out {
        Out {
            buf: Vec::with_capacity(capacity),
            depth: 0,
            first: Vec::new(),
        }
    }

    fn newline(&mut self) {
        self.buf.push(b'\n');
        for _ in 0..self.depth {
            self.buf.extend_from_slice(b"  ");
        }
    }

    /// Before an element of the current container.
    fn element(&mut self) {
        if let Some(f) = self.first.last_mut() {
            if !*f {
                self.buf.push(b',');
            }
            *f = false;
        }
        self.newline();
    }

    fn open(&mut self, c: u8) {
        self.buf.push(c);
        self.depth += 1;
        self.first.push(true);
    }

    fn close(&mut self, c: u8) {
        self.depth -= 1;
        if self.first.pop() == Some(false) {
            self.newline();
        }
        self.buf.push(c);
    }

    fn key(&mut self, k: &str) {
        self.element();
        self.string(k);
        self.buf.extend_from_slice(b": ");
    }

    fn string(&mut self, s: &str) {
        // Strings cannot fail to serialise.
        let _ = serde_json::to_writer(&mut self.buf, s);
    }

    fn num(&mut self, v: f64) {
        let r = (v * 100.0).round() / 100.0;
        if r == r.trunc() && r.abs() < 1e15 {
            let _ = write!(self.buf, "{}", r as i64);
        } else {
            let _ = serde_json::to_writer(&mut self.buf, &r);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.buf.extend_from_slice(b"null"),
        }
    }

    /// `"height"`, `"width"`, `"x"`, `"y"` of a box (in sorted key order,
    /// after any keys the caller wrote that sort before them).
    fn rect_keys(&mut self, r: &crate::geometry::Rect) {
        self.key("width");
        self.num(r.width);
        self.key("x");
        self.num(r.x);
        self.key("y");
        self.num(r.y);
    }
}

use std::io::Write as _;

/// Write the layout JSON of one layout of `g`.
pub fn to_json(g: &Graph, geom: &Geometry) -> String {
    let parents = g.node_parents();
    let cluster_id = |c: Option<usize>| c.and_then(|c| g.clusters.get(c)).map(|c| c.id.as_str());
    let mut o = Out::new(256 * (geom.nodes.len() + 4 * geom.edges.len()) + 256);
    o.open(b'{');
    o.key("clusters");
    o.open(b'[');
    for (c, s) in geom.clusters.iter().zip(&g.clusters) {
        o.element();
        o.open(b'{');
        o.key("height");
        o.num(c.rect.height);
        o.key("id");
        o.string(&s.id);
        o.key("parent");
        o.opt_str(cluster_id(s.parent));
        o.key("title");
        o.string(&s.title);
        o.key("titleBox");
        o.open(b'{');
        o.key("height");
        o.num(c.title.height);
        o.rect_keys(&c.title);
        o.close(b'}');
        o.rect_keys(&c.rect);
        o.close(b'}');
    }
    o.close(b']');
    o.key("direction");
    o.string(g.direction.as_str());
    o.key("edges");
    o.open(b'[');
    let end = |node: usize, cluster: Option<usize>| match cluster {
        Some(c) => g.clusters.get(c).map(|c| c.id.as_str()),
        None => g.nodes.get(node).map(|n| n.id.as_str()),
    };
    for (e, m) in geom.edges.iter().zip(&g.edges) {
        o.element();
        o.open(b'{');
        o.key("from");
        o.opt_str(end(m.from, m.from_cluster));
        o.key("label");
        match e.label {
            Some(l) => {
                o.open(b'{');
                o.key("height");
                o.num(l.height);
                o.rect_keys(&l);
                o.close(b'}');
            }
            None => o.buf.extend_from_slice(b"null"),
        }
        o.key("points");
        o.open(b'[');
        for p in e.path.sample(SAMPLES) {
            o.element();
            o.open(b'[');
            o.element();
            o.num(p.x);
            o.element();
            o.num(p.y);
            o.close(b']');
        }
        o.close(b']');
        o.key("to");
        o.opt_str(end(m.to, m.to_cluster));
        o.close(b'}');
    }
    o.close(b']');
    o.key("height");
    o.num(geom.height);
    o.key("nodes");
    o.open(b'[');
    for ((r, n), &p) in geom.nodes.iter().zip(&g.nodes).zip(&parents) {
        o.element();
        o.open(b'{');
        o.key("cluster");
        o.opt_str(cluster_id(p));
        o.key("height");
        o.num(r.height);
        o.key("id");
        o.string(&n.id);
        o.key("label");
        o.string(&n.label);
        o.key("shape");
        o.string(n.shape.name());
        o.rect_keys(r);
        o.close(b'}');
    }
    o.close(b']');
    o.key("width");
    o.num(geom.width);
    o.close(b'}');
    o.buf.push(b'\n');
    String::from_utf8(o.buf).unwrap_or_default()
}

/// The same document built as a `serde_json::Value` and pretty-printed:
/// the reference [`to_json`] must match byte for byte.
#[cfg(test)]
fn to_json_value(g: &Graph, geom: &Geometry) -> String {
    let parents = g.node_parents();
    let cluster_id = |c: Option<usize>| c.map_or(Value::Null, |c| json!(g.clusters[c].id));
    let nodes: Vec<Value> = geom
        .nodes
        .iter()
        .zip(&g.nodes)
        .zip(&parents)
        .map(|((r, n), &p)| {
            json!({
                "id": n.id, "label": n.label, "shape": n.shape.name(),
                "x": num(r.x), "y": num(r.y), "width": num(r.width), "height": num(r.height),
                "cluster": cluster_id(p),
            })
        })
        .collect();
    let clusters: Vec<Value> = geom
        .clusters
        .iter()
        .zip(&g.clusters)
        .map(|(c, s)| {
            json!({
                "id": s.id, "title": s.title,
                "titleBox": {
                    "x": num(c.title.x), "y": num(c.title.y),
                    "width": num(c.title.width), "height": num(c.title.height),
                },
                "x": num(c.rect.x), "y": num(c.rect.y),
                "width": num(c.rect.width), "height": num(c.rect.height),
                "parent": cluster_id(s.parent),
            })
        })
        .collect();
    let edges: Vec<Value> = geom
        .edges
        .iter()
        .zip(&g.edges)
        .map(|(e, m)| {
            let points: Vec<Value> = e
                .path
                .sample(SAMPLES)
                .iter()
                .map(|p| json!([num(p.x), num(p.y)]))
                .collect();
            let label = e.label.map_or(Value::Null, |l| {
                json!({"x": num(l.x), "y": num(l.y), "width": num(l.width), "height": num(l.height)})
            });
            let end = |node: usize, cluster: Option<usize>| match cluster {
                Some(c) => json!(g.clusters[c].id),
                None => json!(g.nodes[node].id),
            };
            json!({
                "from": end(m.from, m.from_cluster), "to": end(m.to, m.to_cluster),
                "points": points, "label": label,
            })
        })
        .collect();
    let doc = json!({
        "direction": g.direction.as_str(),
        "width": num(geom.width),
        "height": num(geom.height),
        "nodes": nodes,
        "clusters": clusters,
        "edges": edges,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Rect;
    use crate::layered::{Cluster, Node};

    #[test]
    fn writes_the_metrics_schema() {
        let g = Graph {
            nodes: vec![Node {
                id: "a\"b".into(),
                label: "x\ny".into(),
                ..Node::default()
            }],
            clusters: vec![Cluster {
                id: "c".into(),
                nodes: vec![0],
                ..Cluster::default()
            }],
            ..Graph::default()
        };
        let geom = Geometry {
            width: 10.256,
            height: 4.0,
            nodes: vec![Rect {
                x: 1.0,
                y: -0.001,
                width: 2.5,
                height: 3.0,
            }],
            clusters: vec![Default::default()],
            edges: vec![],
        };
        let text = to_json(&g, &geom);
        assert_eq!(text, to_json_value(&g, &geom));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["width"], json!(10.26));
        assert_eq!(v["nodes"][0]["id"], json!("a\"b"));
        assert_eq!(v["nodes"][0]["y"], json!(0));
        assert_eq!(v["nodes"][0]["cluster"], json!("c"));
        assert_eq!(v["direction"], json!("TB"));
    }

    #[test]
    fn matches_the_value_tree_on_a_laid_out_flowchart() {
        use crate::diagrams::flowchart::{self, measure, to_layered::to_layered};
        let src =
            "flowchart LR\nsubgraph s [\"T &quot;q&quot; é\"]\nA[\"a<br>b\"] -->|lbl| B\nend\n\
                   B --> C & D\nC -.-> s\nD ==> E((e))\n";
        let graph = flowchart::parse_source(src).unwrap();
        let lg = to_layered(&graph, &measure::measure(&graph));
        let geom = crate::layered::layout(&lg, &crate::layered::LayoutOptions::default());
        assert!(!geom.edges.is_empty() && !geom.clusters.is_empty());
        assert_eq!(to_json(&lg, &geom), to_json_value(&lg, &geom));
    }
}
