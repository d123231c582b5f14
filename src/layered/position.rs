//! Coordinate assignment.
//!
//! Across ranks (the abstract x axis): one network simplex over separation
//! constraints (neighbours on a rank keep their distance) whose objective
//! is the weighted length of every edge segment, as in Gansner et al. 1993
//! §4 — the result is optimal, straightens long edges (dummy segments weigh
//! most) and never overlaps anything. Every subgraph contributes two
//! variables, its left and right border, shared by all the ranks it spans:
//! items on a rank are separated from the borders they sit inside or
//! outside of, so a subgraph is a rectangle holding exactly its members.
//!
//! Along ranks (the abstract y axis): each rank is as deep as its deepest
//! item, and the gap between two ranks grows to make room for the borders
//! and titles of the subgraphs that end above it and start below it.

use super::simplex::{self, Constraint};
use super::{Kind, Layered};
use crate::diagrams::flowchart::model::Direction;
use crate::layered::LayoutOptions;

/// Space above and below a subgraph title.
pub const TITLE_GAP: f64 = 6.0;
/// Space between an edge's point and its neighbours on a rank.
const EDGE_SEP: f64 = 16.0;
/// Space between subgraph borders and whatever is outside them.
const CLUSTER_MARGIN: f64 = 16.0;

/// Results in the abstract frame.
pub(crate) struct Positions {
    /// Cross coordinate of every layered node (its centre).
    pub x: Vec<f64>,
    /// Centre line of every rank.
    pub y: Vec<f64>,
    /// Half the depth of every rank.
    pub half: Vec<f64>,
    /// Per cluster: (x0, x1, y0, y1).
    pub clusters: Vec<(f64, f64, f64, f64)>,
}

enum Tok {
    Node(usize),
    L(usize),
    R(usize),
}

pub(crate) fn position(lg: &Layered, opts: &LayoutOptions) -> Positions {
    let nc = lg.cluster_parent.len();
    let pad = opts.cluster_padding;
    let horiz = lg.dir.is_horizontal();
    // Title band: on the side that is the top of the screen.
    let band = |c: usize| if horiz { lg.title[c].0 } else { lg.title[c].1 } + 2.0 * TITLE_GAP;
    let cross_lo = |c: usize| if horiz { band(c).max(pad) } else { pad };
    let cross_hi = |_c: usize| pad;
    let x = cross_positions(lg, opts, &cross_lo, &cross_hi);

    // Along ranks.
    let nr = lg.ranks.len();
    let mut half = vec![0.0f64; nr];
    for v in &lg.nodes {
        half[v.rank] = half[v.rank].max(v.band / 2.0);
    }
    let mut extra = vec![0.0f64; nc];
    let mut y = vec![0.0; nr];
    let mut boxes = vec![(0.0, 0.0, 0.0, 0.0); nc];
    for _pass in 0..4 {
        let pad_lo = |c: usize| {
            extra[c]
                + if lg.dir == Direction::TB {
                    band(c).max(pad)
                } else {
                    pad
                }
        };
        let pad_hi = |c: usize| {
            extra[c]
                + if lg.dir == Direction::BT {
                    band(c).max(pad)
                } else {
                    pad
                }
        };
        // ext_lo(c): room above c's first rank for c and its children starting there.
        let order = depth_order(&lg.cluster_parent);
        let mut ext_lo = vec![0.0f64; nc];
        let mut ext_hi = vec![0.0f64; nc];
        let mut child_lo = vec![0.0f64; nc];
        let mut child_hi = vec![0.0f64; nc];
        for &c in &order {
            ext_lo[c] = pad_lo(c) + child_lo[c];
            ext_hi[c] = pad_hi(c) + child_hi[c];
            if let Some(p) = lg.cluster_parent[c] {
                if lg.span[p].0 == lg.span[c].0 {
                    child_lo[p] = child_lo[p].max(ext_lo[c]);
                }
                if lg.span[p].1 == lg.span[c].1 {
                    child_hi[p] = child_hi[p].max(ext_hi[c]);
                }
            }
        }
        let mut top_need = vec![0.0f64; nr];
        let mut bot_need = vec![0.0f64; nr];
        for c in 0..nc {
            let (lo, hi) = lg.span[c];
            let outer_lo = lg.cluster_parent[c].is_none_or(|p| lg.span[p].0 != lo);
            let outer_hi = lg.cluster_parent[c].is_none_or(|p| lg.span[p].1 != hi);
            if outer_lo {
                top_need[lo] = top_need[lo].max(ext_lo[c]);
            }
            if outer_hi {
                bot_need[hi] = bot_need[hi].max(ext_hi[c]);
            }
        }
        let base = opts.rank_spacing / 2.0;
        y[0] = half[0] + top_need[0];
        for r in 1..nr {
            let need = bot_need[r - 1] + top_need[r];
            let gap = if need > 0.0 {
                base.max(need + CLUSTER_MARGIN)
            } else {
                base
            };
            y[r] = y[r - 1] + half[r - 1] + gap + half[r];
        }
        for c in 0..nc {
            let (lo, hi) = lg.span[c];
            let (xl, xr) = (x[lg.nodes.len() + 2 * c], x[lg.nodes.len() + 2 * c + 1]);
            boxes[c] = (
                xl,
                xr,
                y[lo] - half[lo] - ext_lo[c],
                y[hi] + half[hi] + ext_hi[c],
            );
        }
        if !horiz {
            break;
        }
        // Left-to-right diagrams: a title must fit the subgraph's extent along ranks.
        let mut changed = false;
        for c in 0..nc {
            let need = lg.title[c].1 + 2.0 * pad;
            let have = boxes[c].3 - boxes[c].2;
            if have + 0.5 < need {
                extra[c] += (need - have) / 2.0;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    Positions {
        x: x[..lg.nodes.len()].to_vec(),
        y,
        half,
        clusters: boxes,
    }
}

/// Clusters ordered innermost first.
fn depth_order(parent: &[Option<usize>]) -> Vec<usize> {
    let depth = |mut c: usize| {
        let mut d = 0;
        while let Some(p) = parent[c] {
            d += 1;
            c = p;
        }
        d
    };
    let mut v: Vec<usize> = (0..parent.len()).collect();
    v.sort_by_key(|&c| std::cmp::Reverse(depth(c)));
    v
}

/// Cross coordinates of the layered nodes followed by the left and right
/// border of every cluster.
fn cross_positions(
    lg: &Layered,
    opts: &LayoutOptions,
    cross_lo: &dyn Fn(usize) -> f64,
    cross_hi: &dyn Fn(usize) -> f64,
) -> Vec<f64> {
    let n = lg.nodes.len();
    let nc = lg.cluster_parent.len();
    let var_l = |c: usize| n + 2 * c;
    let var_r = |c: usize| n + 2 * c + 1;
    let chain = |v: usize| {
        let mut out = super::enclosing(&lg.cluster_parent, lg.nodes[v].cluster);
        out.reverse();
        out
    };
    let mut cons: Vec<Constraint> = Vec::new();
    let mut sep = |a: usize, b: usize, d: f64| {
        cons.push(Constraint {
            tail: a,
            head: b,
            minlen: d.ceil() as i64,
            weight: 0,
        });
    };
    let is_real = |v: usize| matches!(lg.nodes[v].kind, Kind::Real(_));
    let half_r = |v: usize| lg.nodes[v].cross / 2.0 + lg.nodes[v].loop_room;
    let half_l = |v: usize| lg.nodes[v].cross / 2.0;
    let node_gap = |a: usize, b: usize| {
        let fa = matches!(lg.nodes[a].kind, Kind::Filler);
        let fb = matches!(lg.nodes[b].kind, Kind::Filler);
        if fa || fb {
            0.0
        } else if is_real(a) && is_real(b) {
            opts.node_spacing
        } else {
            EDGE_SEP
        }
    };
    for rank in &lg.ranks {
        let mut toks: Vec<Tok> = Vec::new();
        let mut prev: Vec<usize> = Vec::new();
        for &v in rank {
            let ch = chain(v);
            let k = prev.iter().zip(&ch).take_while(|(a, b)| a == b).count();
            for &c in prev[k..].iter().rev() {
                toks.push(Tok::R(c));
            }
            for &c in &ch[k..] {
                toks.push(Tok::L(c));
            }
            toks.push(Tok::Node(v));
            prev = ch;
        }
        for &c in prev.iter().rev() {
            toks.push(Tok::R(c));
        }
        for w in toks.windows(2) {
            match (&w[0], &w[1]) {
                (Tok::Node(a), Tok::Node(b)) => {
                    sep(*a, *b, half_r(*a) + node_gap(*a, *b) + half_l(*b))
                }
                (Tok::Node(a), Tok::R(c)) => sep(*a, var_r(*c), half_r(*a) + cross_hi(*c)),
                (Tok::R(c1), Tok::R(c2)) => sep(var_r(*c1), var_r(*c2), cross_hi(*c2)),
                (Tok::R(c), Tok::L(d)) => sep(var_r(*c), var_l(*d), CLUSTER_MARGIN),
                (Tok::R(c), Tok::Node(b)) => sep(var_r(*c), *b, CLUSTER_MARGIN + half_l(*b)),
                (Tok::Node(a), Tok::L(d)) => sep(*a, var_l(*d), half_r(*a) + CLUSTER_MARGIN),
                (Tok::L(d1), Tok::L(d2)) => sep(var_l(*d1), var_l(*d2), cross_lo(*d1)),
                (Tok::L(d), Tok::Node(b)) => sep(var_l(*d), *b, cross_lo(*d) + half_l(*b)),
                (Tok::L(d), Tok::R(c)) => sep(var_l(*d), var_r(*c), cross_lo(*d) + cross_hi(*c)),
            }
        }
    }
    // Flat edges (within one rank): room between their ends for the label.
    let mut order_pos = vec![0usize; n];
    for r in &lg.ranks {
        for (i, &v) in r.iter().enumerate() {
            order_pos[v] = i;
        }
    }
    for &(a, b, label) in &lg.flat_edges {
        let (l, r) = if order_pos[a] < order_pos[b] {
            (a, b)
        } else {
            (b, a)
        };
        let gap = opts.node_spacing.max(label + 2.0 * EDGE_SEP);
        sep(l, r, half_r(l) + gap + half_l(r));
    }
    // Titles must fit across (top-to-bottom diagrams).
    for c in 0..nc {
        let min = if lg.dir.is_horizontal() {
            cross_lo(c) + cross_hi(c)
        } else {
            lg.title[c].0 + 2.0 * opts.cluster_padding
        };
        cons.push(Constraint {
            tail: var_l(c),
            head: var_r(c),
            minlen: min.ceil() as i64,
            weight: 1,
        });
    }
    let nvars = n + 2 * nc;
    if n > opts.exact_limit {
        return super::bk::place(lg, nvars, &cons);
    }
    let seps = cons.clone();
    // Objective: short, straight edge segments (and short flat edges).
    let mut next = nvars;
    for &(a, b, _) in &lg.flat_edges {
        cons.push(Constraint {
            tail: next,
            head: a,
            minlen: 0,
            weight: 1,
        });
        cons.push(Constraint {
            tail: next,
            head: b,
            minlen: 0,
            weight: 1,
        });
        next += 1;
    }
    for v in 0..n {
        for &w in &lg.down[v] {
            let weight = match (is_real(v), is_real(w)) {
                (true, true) => 1,
                (true, false) | (false, true) => 2,
                (false, false) => 8,
            };
            cons.push(Constraint {
                tail: next,
                head: v,
                minlen: 0,
                weight,
            });
            cons.push(Constraint {
                tail: next,
                head: w,
                minlen: 0,
                weight,
            });
            next += 1;
        }
    }
    let x = simplex::solve(next, &cons, simplex::pivot_budget(next, cons.len()));
    let mut x: Vec<f64> = x[..nvars].iter().map(|&v| v as f64).collect();
    // Among equally short placements, centre nodes between their neighbours
    // (a parent over its children) and draw subgraph borders tight.
    super::bk::improve(lg, nvars, &seps, &mut x);
    x
}
