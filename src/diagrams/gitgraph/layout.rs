//! Model + options → geometry: one lane per branch (in lane order),
//! commits spaced along the main axis (50 px, more where labels or tags
//! would touch), arrows with rounded corners, commit labels (rotated −45°
//! by default), tags, branch labels at the lane start and the canvas.
//! Text is measured here and only here.

use super::model::{CommitKind, Direction, Graph};
use crate::geometry::Point;
use crate::text::{measure, TextBox, TextStyle};

/// Distance between consecutive commits along the main axis.
pub const COMMIT_STEP: f64 = 50.0;
/// Radius of a commit symbol.
pub const COMMIT_RADIUS: f64 = 10.0;
/// Radius of an arrow's rounded corner.
pub const ARROW_RADIUS: f64 = 20.0;
/// Width of an arrow's stroke.
pub const ARROW_WIDTH: f64 = 8.0;
/// Font size of commit labels and tags.
pub const LABEL_FONT: f64 = 10.0;
/// Font size of the title.
pub const TITLE_FONT: f64 = 18.0;
/// Least gap kept between annotations of neighbouring commits or lanes.
const GAP: f64 = 6.0;

/// What the layout reads from the configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    pub show_branches: bool,
    pub show_commit_label: bool,
    pub rotate_commit_label: bool,
    pub parallel_commits: bool,
    /// Margin around the drawing.
    pub padding: f64,
    /// Font size of branch labels.
    pub font_size: f64,
    /// The diagram title (front matter or `title` statement).
    pub title: Option<String>,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            show_branches: true,
            show_commit_label: true,
            rotate_commit_label: true,
            parallel_commits: false,
            padding: 8.0,
            font_size: 16.0,
            title: None,
        }
    }
}

/// A text in a box of `w`×`h` centred on `centre`, rotated `angle`
/// degrees about that centre.
#[derive(Debug, Clone, PartialEq)]
pub struct TextGeo {
    pub text: TextBox,
    pub centre: Point,
    pub w: f64,
    pub h: f64,
    pub angle: f64,
}

impl TextGeo {
    /// The box's corners, clockwise from the top left.
    pub fn corners(&self) -> Vec<Point> {
        let (hw, hh) = (self.w / 2.0, self.h / 2.0);
        [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]
            .iter()
            .map(|&(x, y)| {
                let p = rotate(Point::new(x, y), Point::default(), self.angle);
                Point::new(self.centre.x + p.x, self.centre.y + p.y)
            })
            .collect()
    }
}

/// A tag: its outline (a label with a notch), the hole and the text.
#[derive(Debug, Clone, PartialEq)]
pub struct TagGeo {
    pub outline: Vec<Point>,
    pub hole: Point,
    pub label: TextGeo,
}

/// A drawn commit.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitGeo {
    /// Index into the model's commits.
    pub index: usize,
    pub at: Point,
    pub kind: CommitKind,
    /// Colour index (the branch's lane).
    pub color: usize,
    pub label: Option<TextGeo>,
    pub tags: Vec<TagGeo>,
}

/// A branch's lane: its dashed line and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneGeo {
    pub branch: usize,
    pub color: usize,
    pub from: Point,
    pub to: Point,
    pub label: Option<TextGeo>,
}

/// An arrow from a parent to a child: corner points (drawn with rounded
/// corners of at most [`ARROW_RADIUS`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowGeo {
    pub points: Vec<Point>,
    pub color: usize,
}

/// Everything the drawing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub lanes: Vec<LaneGeo>,
    pub commits: Vec<CommitGeo>,
    pub arrows: Vec<ArrowGeo>,
    pub title: Option<TextGeo>,
}

impl Geometry {
    fn map_points(&mut self, f: &dyn Fn(Point) -> Point) {
        let text = |t: &mut TextGeo| t.centre = f(t.centre);
        for l in &mut self.lanes {
            l.from = f(l.from);
            l.to = f(l.to);
            if let Some(t) = &mut l.label {
                text(t);
            }
        }
        for c in &mut self.commits {
            c.at = f(c.at);
            if let Some(t) = &mut c.label {
                text(t);
            }
            for tag in &mut c.tags {
                tag.outline.iter_mut().for_each(|p| *p = f(*p));
                tag.hole = f(tag.hole);
                text(&mut tag.label);
            }
        }
        for a in &mut self.arrows {
            a.points.iter_mut().for_each(|p| *p = f(*p));
        }
        if let Some(t) = &mut self.title {
            text(t);
        }
    }

    /// Every text box (labels, tags, title) as a polygon, with a name.
    pub fn text_boxes(&self) -> Vec<(String, Vec<Point>)> {
        let mut v = Vec::new();
        for l in &self.lanes {
            if let Some(t) = &l.label {
                v.push((format!("branch {}", l.branch), t.corners()));
            }
        }
        for c in &self.commits {
            if let Some(t) = &c.label {
                v.push((format!("label of commit {}", c.index), t.corners()));
            }
            for (k, tag) in c.tags.iter().enumerate() {
                v.push((
                    format!("tag {k} of commit {}", c.index),
                    tag.outline.clone(),
                ));
            }
        }
        if let Some(t) = &self.title {
            v.push(("title".into(), t.corners()));
        }
        v
    }
}

/// `p` rotated `deg` degrees (SVG sense: positive is clockwise on screen)
/// about `c`.
pub fn rotate(p: Point, c: Point, deg: f64) -> Point {
    let (s, co) = deg.to_radians().sin_cos();
    let (dx, dy) = (p.x - c.x, p.y - c.y);
    Point::new(c.x + dx * co - dy * s, c.y + dx * s + dy * co)
}

/// Annotations of a commit placed at the origin (main axis first).
struct Local {
    label: Option<TextGeo>,
    /// True when the label is rotated (it then never meets its
    /// neighbours' labels along the main axis).
    diagonal: bool,
    tags: Vec<TagGeo>,
}

fn commit_label_local(tb: TextBox, vertical: bool, rotated: bool) -> TextGeo {
    let w = tb.width;
    let (centre, angle) = if !vertical {
        let c = Point::new(0.0, 21.0);
        if rotated {
            // mermaid-js rotates the label about the commit's left edge and
            // moves it by an offset that grows with the label's width.
            let r = rotate(c, Point::new(-10.0, 0.0), -45.0);
            let rx = -7.5 - (w + 10.0) / 25.0 * 9.5;
            let ry = 10.0 + w / 25.0 * 8.5;
            (Point::new(r.x + rx, r.y + ry), -45.0)
        } else {
            (c, 0.0)
        }
    } else {
        let c = Point::new(-w / 2.0 - 19.0, -4.5);
        if rotated {
            (rotate(c, Point::default(), -45.0), -45.0)
        } else {
            (c, 0.0)
        }
    };
    TextGeo {
        text: tb,
        centre,
        w: w + 4.0,
        h: 15.0,
        angle,
    }
}

fn tags_local(tbs: Vec<TextBox>, vertical: bool) -> Vec<TagGeo> {
    let w = tbs.iter().map(|t| t.width).fold(0.0, f64::max);
    let (h2, py, px) = (7.5, 2.0, 4.0);
    tbs.into_iter()
        .enumerate()
        .map(|(k, tb)| {
            let (x0, ly) = if vertical {
                (14.0 + k as f64 * (w + 26.0), 0.0)
            } else {
                (-10.0 - w / 2.0 - px / 2.0, -19.2 - 20.0 * k as f64)
            };
            let body = x0 + 8.0;
            let right = body + w + 2.0 * px;
            let outline = vec![
                Point::new(x0, ly + py),
                Point::new(x0, ly - py),
                Point::new(body, ly - h2),
                Point::new(right, ly - h2),
                Point::new(right, ly + h2),
                Point::new(body, ly + h2),
            ];
            TagGeo {
                outline,
                hole: Point::new(x0 + px, ly),
                label: TextGeo {
                    centre: Point::new((body + right) / 2.0, ly),
                    w: w + 2.0 * px,
                    h: 2.0 * h2,
                    angle: 0.0,
                    text: tb,
                },
            }
        })
        .collect()
}

/// A commit's annotations as boxes around its centre, each (main lo,
/// main hi, cross lo, cross hi); rotated labels are left out (they never
/// meet their neighbours along the main axis), the symbol is the first.
fn boxes(l: &Local, vertical: bool) -> Vec<[f64; 4]> {
    let r = COMMIT_RADIUS;
    let mut v = vec![[-r, r, -r, r]];
    let bounds = |pts: &[Point]| {
        let mut b = [f64::MAX, f64::MIN, f64::MAX, f64::MIN];
        for p in pts {
            let (m, c) = if vertical { (p.y, p.x) } else { (p.x, p.y) };
            b = [b[0].min(m), b[1].max(m), b[2].min(c), b[3].max(c)];
        }
        b
    };
    if let Some(t) = &l.label {
        if !l.diagonal {
            v.push(bounds(&t.corners()));
        }
    }
    for t in &l.tags {
        v.push(bounds(&t.outline));
    }
    v
}

/// Cross-axis extent of every annotation of a commit, rotated labels
/// included.
fn cross_extent(l: &Local, vertical: bool) -> (f64, f64) {
    let (mut lo, mut hi) = (-COMMIT_RADIUS, COMMIT_RADIUS);
    let mut pts: Vec<Point> = l.label.iter().flat_map(|t| t.corners()).collect();
    pts.extend(l.tags.iter().flat_map(|t| t.outline.iter().copied()));
    for p in pts {
        let c = if vertical { p.x } else { p.y };
        lo = lo.min(c);
        hi = hi.max(c);
    }
    (lo, hi)
}

/// Least main-axis distance from commit `a` to a later commit `b` on the
/// same lane so that no box of one meets a box of the other.
fn least_gap(a: &[[f64; 4]], b: &[[f64; 4]]) -> f64 {
    let mut need = 0.0f64;
    for x in a {
        for y in b {
            if x[2] < y[3] + GAP && y[2] < x[3] + GAP {
                need = need.max(x[1] - y[0] + GAP);
            }
        }
    }
    need
}

fn offset(t: &mut TextGeo, d: Point) {
    t.centre = Point::new(t.centre.x + d.x, t.centre.y + d.y);
}

/// Lay out a parsed graph.
pub fn layout(g: &Graph, o: &LayoutOptions) -> Geometry {
    let vertical = g.direction.vertical();
    let n = g.commits.len();
    let order = g.lane_order();
    let mut lane_of = vec![0usize; g.branches.len()];
    for (k, &b) in order.iter().enumerate() {
        lane_of[b] = k;
    }
    let small = TextStyle {
        size: LABEL_FONT,
        ..TextStyle::default()
    };
    // Annotations of every commit, around the origin.
    let locals: Vec<Local> = g
        .commits
        .iter()
        .map(|c| {
            let shown = o.show_commit_label
                && c.kind != CommitKind::CherryPick
                && (!c.merge || c.custom_id);
            let label = shown.then(|| {
                commit_label_local(measure(&c.id, small), vertical, o.rotate_commit_label)
            });
            let tbs = c.tags.iter().map(|t| measure(t, small)).collect();
            Local {
                label,
                diagonal: o.rotate_commit_label,
                tags: tags_local(tbs, vertical),
            }
        })
        .collect();
    let bx: Vec<Vec<[f64; 4]>> = locals.iter().map(|l| boxes(l, vertical)).collect();
    let cross: Vec<(f64, f64)> = locals.iter().map(|l| cross_extent(l, vertical)).collect();
    // Main-axis positions.
    let mut pos = vec![0.0f64; n];
    let mut last_on_lane: Vec<Option<usize>> = vec![None; g.branches.len()];
    for (i, c) in g.commits.iter().enumerate() {
        let mut p = if o.parallel_commits {
            c.parents
                .iter()
                .filter(|&&q| q < i)
                .map(|&q| pos[q] + COMMIT_STEP)
                .fold(0.0, f64::max)
        } else if i == 0 {
            0.0
        } else {
            pos[i - 1] + COMMIT_STEP
        };
        if let Some(j) = last_on_lane[c.branch] {
            p = p
                .max(pos[j] + COMMIT_STEP)
                .max(pos[j] + least_gap(&bx[j], &bx[i]));
        }
        pos[i] = p;
        last_on_lane[c.branch] = Some(i);
    }
    let main_end = pos.iter().copied().fold(0.0, f64::max) + if n > 0 { 40.0 } else { 50.0 };
    // Branch labels (measured once, placed with the lanes).
    let big = TextStyle {
        size: o.font_size,
        ..TextStyle::default()
    };
    let label_h = (o.font_size * 1.3).max(21.0);
    let branch_tb: Vec<TextBox> = g.branches.iter().map(|b| measure(&b.name, big)).collect();
    let label_local = |b: usize| -> TextGeo {
        let tb = branch_tb[b].clone();
        let w = tb.width + 18.0;
        let label_h = label_h + tb.lines.len().saturating_sub(1) as f64 * tb.line_height;
        let centre = if vertical {
            Point::new(-1.0, label_h / 2.0)
        } else {
            let right = if o.rotate_commit_label { -35.0 } else { -5.0 };
            Point::new(right - w / 2.0, 0.0)
        };
        TextGeo {
            text: tb,
            centre,
            w,
            h: label_h,
            angle: 0.0,
        }
    };
    // Cross-axis extents of every lane.
    let lanes_n = order.len();
    let mut lane_lo = vec![-COMMIT_RADIUS; lanes_n];
    let mut lane_hi = vec![COMMIT_RADIUS; lanes_n];
    for (i, c) in g.commits.iter().enumerate() {
        let k = lane_of[c.branch];
        lane_lo[k] = lane_lo[k].min(cross[i].0);
        lane_hi[k] = lane_hi[k].max(cross[i].1);
    }
    if o.show_branches {
        for (k, &b) in order.iter().enumerate() {
            let l = label_local(b);
            let (clo, chi) = if vertical {
                (l.centre.x - l.w / 2.0, l.centre.x + l.w / 2.0)
            } else {
                (-l.h / 2.0, l.h / 2.0)
            };
            lane_lo[k] = lane_lo[k].min(clo);
            lane_hi[k] = lane_hi[k].max(chi);
        }
    }
    let rot = if o.rotate_commit_label { 40.0 } else { 0.0 };
    let mut lane_pos = vec![0.0f64; lanes_n];
    for k in 1..lanes_n {
        let mut base = 50.0 + rot;
        if vertical {
            base += branch_tb[order[k - 1]].width / 2.0;
        }
        let need = lane_hi[k - 1] - lane_lo[k] + GAP;
        lane_pos[k] = lane_pos[k - 1] + base.max(need);
    }
    let at = |i: usize| -> Point {
        let cross = lane_pos[lane_of[g.commits[i].branch]];
        if vertical {
            Point::new(cross, pos[i] + 40.0)
        } else {
            Point::new(pos[i] + 10.0, cross)
        }
    };
    let mut geo = Geometry {
        width: 0.0,
        height: 0.0,
        lanes: Vec::new(),
        commits: Vec::new(),
        arrows: Vec::new(),
        title: None,
    };
    if o.show_branches {
        for (k, &b) in order.iter().enumerate() {
            let c = lane_pos[k];
            let (from, to) = if vertical {
                (Point::new(c, 30.0), Point::new(c, main_end + 40.0))
            } else {
                (Point::new(0.0, c), Point::new(main_end + 10.0, c))
            };
            let mut label = label_local(b);
            offset(
                &mut label,
                if vertical {
                    Point::new(c, 0.0)
                } else {
                    Point::new(0.0, c)
                },
            );
            geo.lanes.push(LaneGeo {
                branch: b,
                color: k,
                from,
                to,
                label: Some(label),
            });
        }
    }
    // Arrows.
    let mut lanes_taken: Vec<f64> = lane_pos.clone();
    for (i, c) in g.commits.iter().enumerate() {
        for (pi, &p) in c.parents.iter().enumerate() {
            if p >= i {
                continue;
            }
            let (a, b) = (at(p), at(i));
            let split = |q: Point| if vertical { (q.y, q.x) } else { (q.x, q.y) };
            let join = |m: f64, cr: f64| {
                if vertical {
                    Point::new(cr, m)
                } else {
                    Point::new(m, cr)
                }
            };
            let ((m1, c1), (m2, c2)) = (split(a), split(b));
            let from_other = c.merge && pi > 0;
            let color = lane_of[if from_other {
                g.commits[p].branch
            } else {
                c.branch
            }];
            let points = if (c1 - c2).abs() < 0.5 {
                vec![a, b]
            } else {
                let curve_branch = if c1 < c2 {
                    c.branch
                } else {
                    g.commits[p].branch
                };
                let reroute = g.commits[p + 1..i].iter().any(|x| x.branch == curve_branch);
                if reroute {
                    let lane = find_lane(c1, c2, &mut lanes_taken);
                    vec![a, join(m1, lane), join(m2, lane), b]
                } else if from_other {
                    vec![a, join(m2, c1), b]
                } else {
                    vec![a, join(m1, c2), b]
                }
            };
            geo.arrows.push(ArrowGeo { points, color });
        }
    }
    // Commits.
    for (i, (c, l)) in g.commits.iter().zip(locals).enumerate() {
        let p = at(i);
        let mut label = l.label;
        if let Some(t) = &mut label {
            offset(t, p);
        }
        let mut tags = l.tags;
        for t in &mut tags {
            t.outline
                .iter_mut()
                .for_each(|q| *q = Point::new(q.x + p.x, q.y + p.y));
            t.hole = Point::new(t.hole.x + p.x, t.hole.y + p.y);
            offset(&mut t.label, p);
        }
        geo.commits.push(CommitGeo {
            index: i,
            at: p,
            kind: c.kind,
            color: lane_of[c.branch],
            label,
            tags,
        });
    }
    if g.direction == Direction::BottomTop {
        // Mirror the commit axis; labels and tags keep their place beside
        // their commit (as mermaid-js draws them).
        let sum = 30.0 + main_end + 40.0;
        let flip = |q: Point| Point::new(q.x, sum - q.y);
        let before: Vec<Point> = geo.commits.iter().map(|c| c.at).collect();
        geo.map_points(&flip);
        for (c, old) in geo.commits.iter_mut().zip(before) {
            let d = Point::new(0.0, sum - 2.0 * old.y);
            let back = |q: Point| Point::new(q.x, sum - q.y + d.y);
            if let Some(t) = &mut c.label {
                t.centre = back(t.centre);
            }
            for tag in &mut c.tags {
                tag.outline.iter_mut().for_each(|q| *q = back(*q));
                tag.hole = back(tag.hole);
                tag.label.centre = back(tag.label.centre);
            }
        }
    }
    if g.direction == Direction::BottomTop && o.show_branches {
        // Branch labels sit below everything the commits draw.
        let mut low = f64::MIN;
        for c in &geo.commits {
            low = low.max(c.at.y + COMMIT_RADIUS);
            let pts = c.label.iter().flat_map(|t| t.corners());
            let pts = pts.chain(c.tags.iter().flat_map(|t| t.outline.iter().copied()));
            pts.for_each(|q| low = low.max(q.y));
        }
        let top = geo
            .lanes
            .iter()
            .filter_map(|l| l.label.as_ref())
            .map(|t| t.centre.y - t.h / 2.0)
            .fold(f64::MAX, f64::min);
        if top < low + GAP {
            let d = low + GAP - top;
            for l in &mut geo.lanes {
                if let Some(t) = &mut l.label {
                    t.centre.y += d;
                }
            }
        }
    }
    // Canvas.
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let mut add = |q: Point, r: f64| {
        x0 = x0.min(q.x - r);
        y0 = y0.min(q.y - r);
        x1 = x1.max(q.x + r);
        y1 = y1.max(q.y + r);
    };
    for l in &geo.lanes {
        add(l.from, 1.0);
        add(l.to, 1.0);
    }
    for (_, poly) in geo.text_boxes() {
        poly.iter().for_each(|q| add(*q, 0.0));
    }
    for c in &geo.commits {
        add(c.at, COMMIT_RADIUS + 1.0);
    }
    for a in &geo.arrows {
        a.points.iter().for_each(|q| add(*q, ARROW_WIDTH / 2.0));
    }
    if x0 > x1 {
        (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0);
    }
    if let Some(t) = o.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let tb = measure(
            t,
            TextStyle {
                size: TITLE_FONT,
                ..TextStyle::default()
            },
        );
        let (w, h) = (tb.width, tb.height);
        let centre = Point::new((x0 + x1) / 2.0, y0 - 8.0 - h / 2.0);
        x0 = x0.min(centre.x - w / 2.0);
        x1 = x1.max(centre.x + w / 2.0);
        y0 = centre.y - h / 2.0;
        geo.title = Some(TextGeo {
            text: tb,
            centre,
            w,
            h,
            angle: 0.0,
        });
    }
    let pad = o.padding;
    let (dx, dy) = (pad - x0, pad - y0);
    geo.map_points(&|q| Point::new(q.x + dx, q.y + dy));
    geo.width = (x1 - x0 + 2.0 * pad).ceil().max(1.0);
    geo.height = (y1 - y0 + 2.0 * pad).ceil().max(1.0);
    geo
}

/// A free cross-axis line between `a` and `b` for an arrow that would
/// otherwise run through commits (at least 10 px from every lane and
/// earlier detour), as mermaid-js picks it.
fn find_lane(a: f64, b: f64, taken: &mut Vec<f64>) -> f64 {
    let (lo, mut hi) = (a.min(b), a.max(b));
    let mut cand = lo + (hi - lo) / 2.0;
    for _ in 0..6 {
        cand = lo + (hi - lo) / 2.0;
        if taken.iter().all(|t| (t - cand).abs() >= 10.0) {
            break;
        }
        hi -= (hi - lo) / 5.0;
    }
    taken.push(cand);
    cand
}
