//! Subgraph titles kept clear of edges.
//!
//! A title sits centred in the band at the top of its subgraph, which the
//! edges entering the subgraph cross. When an edge crosses the centred
//! title, the title slides sideways within the band to the nearest place
//! no edge crosses and no node, edge label, other title or other subgraph
//! touches; when there is none, to the end of the band the edges run least
//! deep into, and `calm` moves the ports of the edges still crossing it.

use super::calm::segment_enters;
use super::graph::Graph;
use crate::geometry::{Geometry, Point, Rect};

/// Clearance between a title and the edges beside it.
const CLEAR: f64 = 3.0;

/// Least room between a moved title and its subgraph's side.
const INSET: f64 = 4.0;

fn grown(r: &Rect, by: f64) -> Rect {
    Rect {
        width: r.width + 2.0 * by,
        height: r.height + 2.0 * by,
        ..*r
    }
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    let ox = a.right().min(b.right()) - a.left().max(b.left());
    let oy = a.bottom().min(b.bottom()) - a.top().max(b.top());
    ox > 0.0 && oy > 0.0
}

/// Slide every title that an edge crosses to the nearest free place in its
/// band (see the module documentation).
pub(crate) fn place_titles(graph: &Graph, g: &mut Geometry) {
    if g.clusters.is_empty() || g.edges.is_empty() {
        return;
    }
    let parent: Vec<Option<usize>> = graph.clusters.iter().map(|c| c.parent).collect();
    // Sampled as the drawing is measured, and finer.
    let polys: Vec<Vec<Point>> = g
        .edges
        .iter()
        .flat_map(|e| [e.path.sample(8), e.path.sample(16)])
        .collect();
    for c in 0..g.clusters.len() {
        let (t, r) = (g.clusters[c].title, g.clusters[c].rect);
        if t.width <= 0.0 || t.height <= 0.0 {
            continue;
        }
        // Only edges that reach the band matter.
        let (by0, by1) = (t.top() - CLEAR - 1.0, t.bottom() + CLEAR + 1.0);
        let polys: Vec<&Vec<Point>> = polys
            .iter()
            .filter(|p| {
                p.iter().any(|q| q.y >= by0) && p.iter().any(|q| q.y <= by1) && {
                    let (x0, x1) = p
                        .iter()
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), q| {
                            (a.min(q.x), b.max(q.x))
                        });
                    x1 >= r.left() && x0 <= r.right()
                }
            })
            .collect();
        let crossed = |t: &Rect| {
            let b = grown(t, CLEAR);
            polys
                .iter()
                .any(|p| p.windows(2).any(|w| segment_enters(w[0], w[1], &b)))
        };
        if !crossed(&t) {
            continue;
        }
        let (lo, hi) = (
            r.left() + INSET + t.width / 2.0,
            r.right() - INSET - t.width / 2.0,
        );
        if lo > hi {
            continue;
        }
        // Candidate centres: the band's ends and just beside every piece
        // of edge that runs through the band.
        let (y0, y1) = (t.top() - CLEAR, t.bottom() + CLEAR);
        let half = t.width / 2.0 + CLEAR + 0.5;
        // The x extent of every piece of edge within the band.
        let mut runs: Vec<(f64, f64)> = Vec::new();
        for p in polys.iter() {
            for w in p.windows(2) {
                let (a, b) = (w[0], w[1]);
                let (ya, yb) = (a.y.min(b.y), a.y.max(b.y));
                if yb < y0 || ya > y1 {
                    continue;
                }
                let at = |y: f64| {
                    if (b.y - a.y).abs() < 1e-9 {
                        a.x
                    } else {
                        a.x + (b.x - a.x) * ((y - a.y) / (b.y - a.y)).clamp(0.0, 1.0)
                    }
                };
                let (xa, xb) = (at(y0.max(ya)), at(y1.min(yb)));
                runs.push((xa.min(xb), xa.max(xb)));
            }
        }
        let mut cands = vec![lo, hi];
        for &(a, b) in &runs {
            cands.push(a - half);
            cands.push(b + half);
        }
        cands.retain(|x| (lo..=hi).contains(x));
        cands.sort_by(|a, b| {
            (a - t.x)
                .abs()
                .total_cmp(&(b - t.x).abs())
                .then(a.total_cmp(b))
        });
        let around = super::enclosing(&parent, Some(c));
        let free = |m: &Rect| {
            !crossed(m)
                && !g.nodes.iter().any(|n| overlap(m, n))
                && !g
                    .edges
                    .iter()
                    .any(|e| e.label.is_some_and(|l| overlap(m, &l)))
                && !g.clusters.iter().enumerate().any(|(k, o)| {
                    k != c
                        && (overlap(m, &o.title) || (!around.contains(&k) && overlap(m, &o.rect)))
                })
        };
        if let Some(m) = cands.into_iter().map(|x| Rect { x, ..t }).find(|m| free(m)) {
            g.clusters[c].title.x = m.x;
            continue;
        }
        // No free place: the end of the band the edges run least deep
        // into (how far they would have to move aside), when that is
        // less than at the centre; `calm` then moves those edges' ports.
        let depth = |x: f64| -> f64 {
            runs.iter()
                .map(|&(a, b)| {
                    let (l, r) = (x - half, x + half);
                    if b <= l || a >= r {
                        0.0
                    } else {
                        (b - l).min(r - a)
                    }
                })
                .sum()
        };
        let fits = |m: &Rect| {
            !g.nodes.iter().any(|n| overlap(m, n))
                && !g
                    .edges
                    .iter()
                    .any(|e| e.label.is_some_and(|l| overlap(m, &l)))
                && !g.clusters.iter().enumerate().any(|(k, o)| {
                    k != c
                        && (overlap(m, &o.title) || (!around.contains(&k) && overlap(m, &o.rect)))
                })
        };
        let best = [lo, hi]
            .into_iter()
            .filter(|&x| fits(&Rect { x, ..t }))
            .map(|x| (depth(x), x))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((d, x)) = best {
            if d + 1e-9 < depth(t.x) {
                g.clusters[c].title.x = x;
            }
        }
    }
}
