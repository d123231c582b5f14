//! Layout JSON: the geometry in the schema read by `layout_metrics.py`
//! (centres, sizes, innermost cluster, sampled edge polylines, label boxes).

use crate::diagrams::flowchart::model::Graph;
use crate::geometry::Geometry;
use std::fmt::Write;

/// Samples per cubic piece when writing edge polylines.
const SAMPLES: usize = 8;

fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Write the layout JSON of one diagram.
pub fn to_json(graph: &Graph, g: &Geometry) -> String {
    let parents = graph.node_parents();
    let mut o = String::new();
    let _ = write!(
        o,
        "{{\n  \"direction\": \"{}\",\n  \"width\": {},\n  \"height\": {},\n  \"nodes\": [",
        graph.direction.as_str(),
        num(g.width),
        num(g.height)
    );
    for (i, r) in g.nodes.iter().enumerate() {
        let n = &graph.nodes[i];
        let cluster = parents[i]
            .map(|c| string(&graph.subgraphs[c].id))
            .unwrap_or_else(|| "null".into());
        let _ = write!(
            o,
            "{}\n    {{\"id\": {}, \"label\": {}, \"shape\": \"{}\", \"x\": {}, \"y\": {}, \"width\": {}, \"height\": {}, \"cluster\": {}}}",
            if i == 0 { "" } else { "," },
            string(&n.id),
            string(&n.label),
            n.shape.name(),
            num(r.x),
            num(r.y),
            num(r.width),
            num(r.height),
            cluster
        );
    }
    o.push_str("\n  ],\n  \"clusters\": [");
    for (i, c) in g.clusters.iter().enumerate() {
        let s = &graph.subgraphs[i];
        let parent = s
            .parent
            .map(|p| string(&graph.subgraphs[p].id))
            .unwrap_or_else(|| "null".into());
        let _ = write!(
            o,
            "{}\n    {{\"id\": {}, \"title\": {}, \"x\": {}, \"y\": {}, \"width\": {}, \"height\": {}, \"parent\": {}}}",
            if i == 0 { "" } else { "," },
            string(&s.id),
            string(&s.title),
            num(c.rect.x),
            num(c.rect.y),
            num(c.rect.width),
            num(c.rect.height),
            parent
        );
    }
    o.push_str("\n  ],\n  \"edges\": [");
    for (i, e) in g.edges.iter().enumerate() {
        let m = &graph.edges[i];
        let pts: Vec<String> = e
            .path
            .sample(SAMPLES)
            .iter()
            .map(|p| format!("[{}, {}]", num(p.x), num(p.y)))
            .collect();
        let label = match &e.label {
            Some(l) => format!(
                "{{\"x\": {}, \"y\": {}, \"width\": {}, \"height\": {}}}",
                num(l.x),
                num(l.y),
                num(l.width),
                num(l.height)
            ),
            None => "null".into(),
        };
        let _ = write!(
            o,
            "{}\n    {{\"from\": {}, \"to\": {}, \"points\": [{}], \"label\": {}}}",
            if i == 0 { "" } else { "," },
            string(
                m.from_cluster
                    .map_or(&graph.nodes[m.from].id, |c| &graph.subgraphs[c].id)
            ),
            string(
                m.to_cluster
                    .map_or(&graph.nodes[m.to].id, |c| &graph.subgraphs[c].id)
            ),
            pts.join(", "),
            label
        );
    }
    o.push_str("\n  ]\n}\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_strings_and_trims_numbers() {
        assert_eq!(string("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
    }
}
