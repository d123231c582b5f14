//! Layout JSON: the geometry in the schema read by `layout_metrics.py`
//! (centres, sizes, innermost cluster, sampled edge polylines, label boxes),
//! for every diagram type laid out by the layered engine.

use super::graph::Graph;
use crate::geometry::Geometry;
use serde_json::{json, Value};

/// Samples per cubic piece when writing edge polylines.
const SAMPLES: usize = 8;

/// A coordinate rounded to hundredths (as the SVG writes them).
fn num(v: f64) -> Value {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() && r.abs() < 1e15 {
        json!(r as i64)
    } else {
        json!(r)
    }
}

/// Write the layout JSON of one layout of `g`.
pub fn to_json(g: &Graph, geom: &Geometry) -> String {
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
        let v: Value = serde_json::from_str(&to_json(&g, &geom)).unwrap();
        assert_eq!(v["width"], json!(10.26));
        assert_eq!(v["nodes"][0]["id"], json!("a\"b"));
        assert_eq!(v["nodes"][0]["y"], json!(0));
        assert_eq!(v["nodes"][0]["cluster"], json!("c"));
        assert_eq!(v["direction"], json!("TB"));
    }
}
