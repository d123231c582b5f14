//! [`Architecture`] → geometry. Text is measured here and only here.
//!
//! Services and junctions are put on a grid by their edges' sides, the way
//! Mermaid's layout constrains them: `a:R -- L:b` puts `b` right of `a`
//! (`T` above, `B` below, `L` left); a taken place pushes it further the
//! same way. Each group is laid out first (recursively) and then placed as
//! one unit, with a one-cell ring, beside the other members of its parent,
//! so sibling groups never interleave. Unconnected parts sit side by side,
//! empty rows and columns are packed, cells are 200 px apart, and each
//! group is a box around its members and inner groups with its title at
//! the top. Edges leave and enter at the named sides, straight when
//! aligned and with elbows when not.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::model::{Architecture, NodeKind, Side};
use crate::geometry::Point;
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Side of a service's icon box.
pub const ICON: f64 = 80.0;
/// Distance between grid cells.
pub const PITCH: f64 = 200.0;
/// Padding inside a group, and the height of its title row.
pub const GROUP_PAD: f64 = 24.0;
pub const GROUP_HEAD: f64 = 32.0;
/// Margin around the drawing.
pub const MARGIN: f64 = 20.0;

/// A box: top-left and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Boxed {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Boxed {
    fn side(&self, s: Side) -> Point {
        match s {
            Side::L => Point::new(self.x, self.y + self.h / 2.0),
            Side::R => Point::new(self.x + self.w, self.y + self.h / 2.0),
            Side::T => Point::new(self.x + self.w / 2.0, self.y),
            Side::B => Point::new(self.x + self.w / 2.0, self.y + self.h),
        }
    }

    fn union(&self, o: &Boxed) -> Boxed {
        let x = self.x.min(o.x);
        let y = self.y.min(o.y);
        Boxed {
            x,
            y,
            w: (self.x + self.w).max(o.x + o.w) - x,
            h: (self.y + self.h).max(o.y + o.h) - y,
        }
    }

    fn shift(&mut self, dx: f64, dy: f64) {
        self.x += dx;
        self.y += dy;
    }
}

/// A placed service or junction.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeGeom {
    /// The icon box (a junction's is empty, at its point).
    pub icon: Boxed,
    /// The title below the icon and its box.
    pub title: Option<(TextBox, Boxed)>,
    /// A pack icon's name lines (drawn small inside the box) and their size.
    pub placeholder: Option<(TextBox, f64)>,
}

/// A placed group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupGeom {
    pub index: usize,
    pub rect: Boxed,
    /// The title and its box.
    pub title: Option<(TextBox, Boxed)>,
    pub depth: usize,
}

/// A routed edge.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeGeom {
    pub index: usize,
    pub points: Vec<Point>,
    pub label: Option<(TextBox, Boxed)>,
}

/// Everything the drawing stage needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodeGeom>,
    /// Outer groups first.
    pub groups: Vec<GroupGeom>,
    pub edges: Vec<EdgeGeom>,
    pub title: Option<(TextBox, Boxed)>,
    pub font_size: f64,
}

/// True for the icons drawn as pictograms.
pub fn builtin(icon: &str) -> bool {
    matches!(icon, "cloud" | "database" | "disk" | "internet" | "server")
}

/// One thing placed at a level: a direct member node or a child group
/// (laid out first, with a one-cell ring around it so that neighbouring
/// boxes keep apart).
struct Unit {
    /// Cells of the nodes inside, relative to the unit's origin.
    cells: Vec<(usize, i64, i64)>,
    w: i64,
    h: i64,
}

/// The unit (at the level of group `level`, `None` for the diagram) that
/// node `n` belongs to: its own group chain's child of `level`, or itself.
fn unit_key(d: &Architecture, n: usize, level: Option<usize>) -> Option<Result<usize, usize>> {
    let mut g = d.nodes[n].group;
    if g == level {
        return Some(Err(n));
    }
    let mut steps = 0;
    while let Some(c) = g {
        if d.groups[c].parent == level {
            return Some(Ok(c));
        }
        g = d.groups[c].parent;
        steps += 1;
        if steps > d.groups.len() {
            return None;
        }
    }
    None
}

/// Lay out the members of `level` (recursively): units placed next to one
/// another by the sides of the edges between them; a taken place pushes a
/// unit further the same way.
fn place(d: &Architecture, level: Option<usize>, depth: usize) -> Unit {
    let mut units: Vec<Unit> = Vec::new();
    let mut keys: Vec<Result<usize, usize>> = Vec::new();
    if depth < 64 {
        for (g, gr) in d.groups.iter().enumerate() {
            if gr.parent == level && Some(g) != level {
                let mut inner = place(d, Some(g), depth + 1);
                if inner.cells.is_empty() {
                    // An empty group still takes a cell (a virtual node
                    // numbered after the real ones).
                    inner = Unit {
                        cells: vec![(d.nodes.len() + g, 0, 0)],
                        w: 1,
                        h: 1,
                    };
                }
                units.push(Unit {
                    cells: inner
                        .cells
                        .iter()
                        .map(|&(n, x, y)| (n, x + 1, y + 1))
                        .collect(),
                    w: inner.w + 2,
                    h: inner.h + 2,
                });
                keys.push(Ok(g));
            }
        }
    }
    for (n, node) in d.nodes.iter().enumerate() {
        if node.group == level {
            units.push(Unit {
                cells: vec![(n, 0, 0)],
                w: 1,
                h: 1,
            });
            keys.push(Err(n));
        }
    }
    let index_of = |k: Result<usize, usize>| keys.iter().position(|&x| x == k);
    let mut adj: Vec<Vec<(usize, Side)>> = vec![Vec::new(); units.len()];
    for e in &d.edges {
        let (Some(ka), Some(kb)) = (unit_key(d, e.from, level), unit_key(d, e.to, level)) else {
            continue;
        };
        let (Some(ua), Some(ub)) = (index_of(ka), index_of(kb)) else {
            continue;
        };
        if ua != ub {
            adj[ua].push((ub, e.from_side));
            adj[ub].push((ua, e.to_side));
        }
    }
    let mut at: Vec<Option<(i64, i64)>> = vec![None; units.len()];
    let overlaps = |at: &[Option<(i64, i64)>], units: &[Unit], k: usize, p: (i64, i64)| {
        at.iter().enumerate().any(|(j, q)| {
            q.is_some_and(|q| {
                j != k
                    && p.0 < q.0 + units[j].w
                    && q.0 < p.0 + units[k].w
                    && p.1 < q.1 + units[j].h
                    && q.1 < p.1 + units[k].h
            })
        })
    };
    let mut next_x = 0i64;
    for start in 0..units.len() {
        if at[start].is_some() {
            continue;
        }
        let mut p = (next_x, 0);
        while overlaps(&at, &units, start, p) {
            p.1 += 1;
        }
        at[start] = Some(p);
        let mut queue = VecDeque::from([start]);
        while let Some(i) = queue.pop_front() {
            let Some(pi) = at[i] else { continue };
            for &(j, s) in &adj[i] {
                if at[j].is_some() {
                    continue;
                }
                let mut q = match s {
                    Side::R => (pi.0 + units[i].w, pi.1),
                    Side::L => (pi.0 - units[j].w, pi.1),
                    Side::B => (pi.0, pi.1 + units[i].h),
                    Side::T => (pi.0, pi.1 - units[j].h),
                };
                let (dx, dy) = s.step();
                let mut guard = 0;
                while overlaps(&at, &units, j, q) && guard < 100_000 {
                    q = (q.0 + dx, q.1 + dy);
                    guard += 1;
                }
                at[j] = Some(q);
                queue.push_back(j);
            }
        }
        next_x = at
            .iter()
            .enumerate()
            .filter_map(|(k, p)| p.map(|p| p.0 + units[k].w))
            .max()
            .unwrap_or(0);
    }
    // Pack the columns and rows no unit covers.
    let mut xs = BTreeSet::new();
    let mut ys = BTreeSet::new();
    for (k, p) in at.iter().enumerate() {
        if let Some(p) = p {
            xs.extend(p.0..p.0 + units[k].w);
            ys.extend(p.1..p.1 + units[k].h);
        }
    }
    let xs: BTreeMap<i64, i64> = xs.into_iter().zip(0..).collect();
    let ys: BTreeMap<i64, i64> = ys.into_iter().zip(0..).collect();
    let mut cells = Vec::new();
    for (k, u) in units.iter().enumerate() {
        let p = at[k].unwrap_or((0, 0));
        for &(n, x, y) in &u.cells {
            cells.push((
                n,
                xs.get(&(p.0 + x)).copied().unwrap_or(0),
                ys.get(&(p.1 + y)).copied().unwrap_or(0),
            ));
        }
    }
    Unit {
        cells,
        w: xs.len() as i64,
        h: ys.len() as i64,
    }
}

/// Grid cells of every node, then of every group (the cell an empty
/// group stands on).
fn grid(d: &Architecture) -> Vec<(i64, i64)> {
    let mut out = vec![(0, 0); d.nodes.len() + d.groups.len()];
    for (n, x, y) in place(d, None, 0).cells {
        if let Some(o) = out.get_mut(n) {
            *o = (x, y);
        }
    }
    out
}

/// Lay out an architecture diagram.
pub fn layout(d: &Architecture, font_size: f64) -> Geometry {
    let style = TextStyle {
        size: font_size,
        bold: false,
        italic: false,
    };
    let cells = grid(d);
    let mut nodes = Vec::with_capacity(d.nodes.len());
    for (n, &(cx, cy)) in d.nodes.iter().zip(&cells) {
        let (x, y) = (cx as f64 * PITCH, cy as f64 * PITCH);
        let junction = n.kind == NodeKind::Junction;
        let icon = if junction {
            Boxed {
                x: x + ICON / 2.0,
                y: y + ICON / 2.0,
                w: 0.0,
                h: 0.0,
            }
        } else {
            Boxed {
                x,
                y,
                w: ICON,
                h: ICON,
            }
        };
        let title = n
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty() && !junction)
            .map(|t| {
                let tb = text_layout(t, style, false, Some(PITCH - 24.0));
                let b = Boxed {
                    x: x + ICON / 2.0 - tb.width / 2.0,
                    y: y + ICON + 2.0,
                    w: tb.width,
                    h: tb.height,
                };
                (tb, b)
            });
        let placeholder = n
            .icon
            .as_deref()
            .filter(|i| !builtin(i) && !junction)
            .map(|i| {
                let text = i.replacen(':', "\n", 1);
                let mut size = 11.0;
                let mut tb = text_layout(&text, TextStyle { size, ..style }, false, None);
                while tb.width > ICON - 10.0 && size > 5.0 {
                    size -= 1.0;
                    tb = text_layout(&text, TextStyle { size, ..style }, false, None);
                }
                (tb, size)
            });
        nodes.push(NodeGeom {
            icon,
            title,
            placeholder,
        });
    }
    // Groups, innermost first (deepest depth first).
    let depth_of = |mut g: usize| {
        let mut k = 0;
        while let Some(p) = d.groups[g].parent {
            g = p;
            k += 1;
            if k > d.groups.len() {
                break;
            }
        }
        k
    };
    let mut order: Vec<usize> = (0..d.groups.len()).collect();
    order.sort_by_key(|&g| std::cmp::Reverse(depth_of(g)));
    let mut rects: Vec<Option<Boxed>> = vec![None; d.groups.len()];
    let mut titles: Vec<Option<TextBox>> = vec![None; d.groups.len()];
    for &g in &order {
        let mut r: Option<Boxed> = None;
        for (n, ng) in d.nodes.iter().zip(&nodes) {
            if n.group == Some(g) {
                let mut b = ng.icon;
                if let Some((_, t)) = &ng.title {
                    b = b.union(t);
                }
                r = Some(r.map_or(b, |r| r.union(&b)));
            }
        }
        for (k, og) in d.groups.iter().enumerate() {
            if og.parent == Some(g) {
                if let Some(b) = rects[k] {
                    r = Some(r.map_or(b, |r| r.union(&b)));
                }
            }
        }
        let title = d.groups[g]
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(|t| text_layout(t, style, false, None));
        let (ax, ay) = cells.get(d.nodes.len() + g).copied().unwrap_or((0, 0));
        let inner = r.unwrap_or(Boxed {
            x: ax as f64 * PITCH,
            y: ay as f64 * PITCH,
            w: ICON,
            h: ICON,
        });
        let head_w = title.as_ref().map_or(0.0, |t| t.width) + GROUP_HEAD + 8.0;
        let rect = Boxed {
            x: inner.x - GROUP_PAD,
            y: inner.y - GROUP_PAD - GROUP_HEAD,
            w: (inner.w + 2.0 * GROUP_PAD).max(head_w + GROUP_PAD),
            h: inner.h + 2.0 * GROUP_PAD + GROUP_HEAD,
        };
        rects[g] = Some(rect);
        titles[g] = title;
    }
    let mut groups: Vec<GroupGeom> = Vec::new();
    for g in 0..d.groups.len() {
        let Some(rect) = rects[g] else { continue };
        let title = titles[g].take().map(|tb| {
            let b = Boxed {
                x: rect.x + GROUP_HEAD + 4.0,
                y: rect.y + (GROUP_HEAD - tb.height) / 2.0 + 2.0,
                w: tb.width,
                h: tb.height,
            };
            (tb, b)
        });
        groups.push(GroupGeom {
            index: g,
            rect,
            title,
            depth: depth_of(g),
        });
    }
    groups.sort_by_key(|g| (g.depth, g.index));
    // Edges.
    let end_box = |n: usize, group: bool| -> Boxed {
        if group {
            if let Some(r) = d.nodes[n].group.and_then(|g| rects[g]) {
                return r;
            }
        }
        nodes[n].icon
    };
    // Obstacles every route keeps clear of: icons, titles, and the groups
    // that hold neither end.
    let mut solid: Vec<Boxed> = Vec::new();
    for (n, ng) in d.nodes.iter().zip(&nodes) {
        if n.kind != NodeKind::Junction {
            solid.push(ng.icon);
        }
        if let Some((_, t)) = &ng.title {
            solid.push(*t);
        }
    }
    let ancestors = |g: Option<usize>| -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = g;
        while let Some(k) = cur {
            if out.contains(&k) || out.len() > d.groups.len() {
                break;
            }
            out.push(k);
            cur = d.groups.get(k).and_then(|x| x.parent);
        }
        out
    };
    // Where an edge ends: a side of the icon (below the title for `B`) or
    // of the group's box.
    let end_point = |n: usize, group: bool, side: Side| -> Point {
        let b = end_box(n, group);
        if !group && side == Side::B {
            if let Some((_, t)) = &nodes[n].title {
                return Point::new(b.x + b.w / 2.0, t.y + t.h);
            }
        }
        b.side(side)
    };
    let near = super::route::Near::new(&solid);
    // How far around its ends an edge looks for obstacles (with many):
    // room for the stubs, clearances and a detour around the largest box.
    let margin = 2.0 * super::route::STUB
        + 4.0 * super::route::CLEAR
        + 2.0
            * solid
                .iter()
                .map(|b| b.w.max(b.h))
                .filter(|v| v.is_finite())
                .fold(0.0, f64::max);
    let mut edges = Vec::new();
    for (k, e) in d.edges.iter().enumerate() {
        let a = end_point(e.from, e.from_group, e.from_side);
        let b = end_point(e.to, e.to_group, e.to_side);
        // Groups an end is inside of (a `{group}` end is outside its own
        // group, which stays an obstacle).
        let inside_of = |n: usize, group: bool| -> Vec<usize> {
            let g = d.nodes[n].group;
            if group {
                ancestors(g.and_then(|g| d.groups[g].parent))
            } else {
                ancestors(g)
            }
        };
        let mut open = inside_of(e.from, e.from_group);
        open.extend(inside_of(e.to, e.to_group));
        let all = || {
            let mut obstacles = solid.clone();
            for (g, r) in rects.iter().enumerate() {
                if let Some(r) = r {
                    if !open.contains(&g) {
                        obstacles.push(*r);
                    }
                }
            }
            obstacles
        };
        let routed = if solid.len() + groups.len() <= super::route::FEW {
            super::route::route(a, e.from_side, b, e.to_side, &all())
        } else {
            // Many obstacles: route among those in a window around both
            // ends; a route reaching the window's border (an obstacle
            // outside it might be in the way) is routed again among all.
            let window = around(a, b, margin);
            let mut obstacles = near.within(&window);
            for (g, r) in rects.iter().enumerate() {
                if let Some(r) = r {
                    if !open.contains(&g) && super::route::meets(r, &window) {
                        obstacles.push(*r);
                    }
                }
            }
            match super::route::route(a, e.from_side, b, e.to_side, &obstacles) {
                Some(pts) if inside(&pts, &window, super::route::CLEAR) => Some(pts),
                _ => super::route::route(a, e.from_side, b, e.to_side, &all()),
            }
        };
        let pts = routed.unwrap_or_else(|| elbows(a, e.from_side, b, e.to_side));
        edges.push(EdgeGeom {
            index: k,
            points: pts,
            label: None,
        });
    }
    // Labels: on their edge in free space (clear of icons, titles, group
    // titles and other labels).
    let mut taken: Vec<Boxed> = solid.clone();
    for g in &groups {
        if let Some((_, t)) = &g.title {
            taken.push(*t);
        }
    }
    for eg in &mut edges {
        let Some(l) = d.edges[eg.index]
            .label
            .as_deref()
            .filter(|l| !l.trim().is_empty())
        else {
            continue;
        };
        let tb = text_layout(l, style, false, None);
        let (w, h) = (tb.width, tb.height);
        let at = |c: Point| Boxed {
            x: c.x - w / 2.0,
            y: c.y - h / 2.0,
            w,
            h,
        };
        let free = |r: &Boxed, taken: &[Boxed]| {
            let g = Boxed {
                x: r.x - 2.0,
                y: r.y - 2.0,
                w: r.w + 4.0,
                h: r.h + 4.0,
            };
            !taken.iter().any(|t| boxes_overlap(&g, t))
        };
        let mut spot = None;
        for i in 0..=40 {
            let dt = f64::from(i) / 90.0;
            for t in [0.5 - dt, 0.5 + dt] {
                let c = super::route::along(&eg.points, t);
                if spot.is_none() && free(&at(c), &taken) {
                    spot = Some(c);
                }
            }
        }
        let mid = super::route::along(&eg.points, 0.5);
        if spot.is_none() {
            'rings: for ring in 1..=40 {
                let rad = f64::from(ring) * 8.0;
                let steps = 16 + ring;
                for s in 0..steps {
                    let a = std::f64::consts::TAU * f64::from(s) / f64::from(steps);
                    let c = Point::new(mid.x + rad * a.cos(), mid.y + rad * a.sin());
                    if free(&at(c), &taken) {
                        spot = Some(c);
                        break 'rings;
                    }
                }
            }
        }
        let c = spot.unwrap_or_else(|| {
            let bottom = taken.iter().map(|t| t.y + t.h).fold(mid.y, f64::max);
            Point::new(mid.x, bottom + h / 2.0 + 4.0)
        });
        let bx = at(c);
        taken.push(bx);
        eg.label = Some((tb, bx));
    }
    // Bounds.
    let mut bounds: Option<Boxed> = None;
    let mut grow = |b: &Boxed| bounds = Some(bounds.map_or(*b, |r| r.union(b)));
    for n in &nodes {
        grow(&n.icon);
        if let Some((_, t)) = &n.title {
            grow(t);
        }
    }
    for g in &groups {
        grow(&g.rect);
    }
    for e in &edges {
        if let Some((_, b)) = &e.label {
            grow(b);
        }
        for p in &e.points {
            grow(&Boxed {
                x: p.x,
                y: p.y,
                w: 0.0,
                h: 0.0,
            });
        }
    }
    let mut b = bounds.unwrap_or(Boxed {
        x: 0.0,
        y: 0.0,
        w: 0.0,
        h: 0.0,
    });
    let title = d
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            let tb = text_layout(
                t,
                TextStyle {
                    size: font_size * 1.25,
                    ..style
                },
                false,
                None,
            );
            let tbox = Boxed {
                x: b.x + b.w / 2.0 - tb.width / 2.0,
                y: b.y - tb.height - 16.0,
                w: tb.width,
                h: tb.height,
            };
            (tb, tbox)
        });
    if let Some((_, t)) = &title {
        b = b.union(t);
    }
    let (dx, dy) = (MARGIN - b.x, MARGIN - b.y);
    for n in &mut nodes {
        n.icon.shift(dx, dy);
        if let Some((_, t)) = &mut n.title {
            t.shift(dx, dy);
        }
    }
    for g in &mut groups {
        g.rect.shift(dx, dy);
        if let Some((_, t)) = &mut g.title {
            t.shift(dx, dy);
        }
    }
    for e in &mut edges {
        for p in &mut e.points {
            *p = Point::new(p.x + dx, p.y + dy);
        }
        if let Some((_, t)) = &mut e.label {
            t.shift(dx, dy);
        }
    }
    let title = title.map(|(tb, mut t)| {
        t.shift(dx, dy);
        (tb, t)
    });
    Geometry {
        width: (b.w + 2.0 * MARGIN).ceil(),
        height: (b.h + 2.0 * MARGIN).ceil(),
        nodes,
        groups,
        edges,
        title,
        font_size,
    }
}

/// Whether two boxes overlap (touching is not overlapping).
fn boxes_overlap(a: &Boxed, b: &Boxed) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Plain elbows between two side points (when no route around the
/// obstacles was found): straight out of each side, then one or two bends.
/// The box holding `a` and `b`, grown by `margin` on every side.
fn around(a: Point, b: Point, margin: f64) -> Boxed {
    let (x0, y0) = (a.x.min(b.x) - margin, a.y.min(b.y) - margin);
    Boxed {
        x: x0,
        y: y0,
        w: a.x.max(b.x) + margin - x0,
        h: a.y.max(b.y) + margin - y0,
    }
}

/// Whether every point of `pts` lies inside `w` by at least `clear`.
fn inside(pts: &[Point], w: &Boxed, clear: f64) -> bool {
    pts.iter().all(|p| {
        p.x >= w.x + clear
            && p.x <= w.x + w.w - clear
            && p.y >= w.y + clear
            && p.y <= w.y + w.h - clear
    })
}

fn elbows(a: Point, sa: Side, b: Point, sb: Side) -> Vec<Point> {
    let mut pts = vec![a];
    let (ha, hb) = (sa.horizontal(), sb.horizontal());
    if (a.x - b.x).abs() > 0.5 && (a.y - b.y).abs() > 0.5 {
        match (ha, hb) {
            (true, true) => {
                let mx = (a.x + b.x) / 2.0;
                pts.push(Point::new(mx, a.y));
                pts.push(Point::new(mx, b.y));
            }
            (false, false) => {
                let my = (a.y + b.y) / 2.0;
                pts.push(Point::new(a.x, my));
                pts.push(Point::new(b.x, my));
            }
            (true, false) => pts.push(Point::new(b.x, a.y)),
            (false, true) => pts.push(Point::new(a.x, b.y)),
        }
    }
    pts.push(b);
    pts
}
