//! [`Wardley`] → geometry: the map's frame (axes, evolution stages), each
//! component at its `[visibility, evolution]`, links between circle
//! edges, evolve trends, pipelines, annotations, notes and forces. Every
//! text is measured here.

use super::model::{Flow, Sourcing, Wardley};
use crate::text::{measure, TextBox, TextStyle};

/// Default canvas (mermaid-js: 900×600) and the frame's margin (48).
pub const WIDTH: f64 = 900.0;
pub const HEIGHT: f64 = 600.0;
pub const MARGIN: f64 = 48.0;
pub const NODE_R: f64 = 6.0;
pub const OVERLAY_R: f64 = 12.0;
pub const LABEL_SIZE: f64 = 10.0;
pub const NOTE_SIZE: f64 = 11.0;
pub const AXIS_SIZE: f64 = 12.0;
pub const TITLE_SIZE: f64 = 14.0;

/// A text: left end of its baseline box (`x`, top `y`), measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Left edge and top of the text's box.
    pub x: f64,
    pub y: f64,
    pub tb: TextBox,
    pub size: f64,
    pub bold: bool,
    /// Rotation in degrees about the box's centre.
    pub rotate: f64,
}

impl Text {
    pub fn new(x: f64, y: f64, tb: TextBox, size: f64, bold: bool) -> Text {
        Text {
            x,
            y,
            tb,
            size,
            bold,
            rotate: 0.0,
        }
    }
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.tb.width / 2.0, self.y + self.tb.height / 2.0)
    }
}

/// A component's mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub x: f64,
    pub y: f64,
    pub anchor: bool,
    /// Drawn as a square (a pipeline's owner).
    pub square: bool,
    pub sourcing: Option<Sourcing>,
    pub inertia: bool,
    pub label: Text,
}

/// A line, with arrowheads.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub flow: Flow,
    pub dashed: bool,
    /// An evolve trend (red).
    pub trend: bool,
}

/// An accelerator (right) or deaccelerator (left) arrow.
#[derive(Debug, Clone, PartialEq)]
pub struct Force {
    pub x: f64,
    pub y: f64,
    pub right: bool,
    pub label: Text,
}

/// A rectangle: left, top, width, height.
pub type Rect = (f64, f64, f64, f64);

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    /// The plot: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    pub title: Option<Text>,
    pub axis_x: Text,
    pub axis_y: Text,
    /// Dashed stage boundaries (x) and stage labels.
    pub stage_lines: Vec<f64>,
    pub stage_labels: Vec<Text>,
    pub pipelines: Vec<(f64, f64, f64, f64)>,
    pub lines: Vec<Line>,
    pub link_labels: Vec<Text>,
    pub nodes: Vec<Node>,
    pub notes: Vec<Text>,
    pub forces: Vec<Force>,
    /// Numbered circles: centre and number.
    pub markers: Vec<(f64, f64, Text)>,
    /// The annotations' list: its box and lines.
    pub legend: Option<(Rect, Vec<Text>)>,
}

fn style(size: f64, bold: bool) -> TextStyle {
    TextStyle {
        size,
        bold,
        italic: false,
    }
}

/// Lay the map out.
pub fn layout(w: &Wardley) -> Geometry {
    let (width, height) = w.size.unwrap_or((WIDTH, HEIGHT));
    let (l, t, r, b) = (MARGIN, MARGIN, width - MARGIN, height - MARGIN);
    let px = |evo: f64| l + evo.clamp(0.0, 1.0) * (r - l);
    let py = |vis: f64| t + (1.0 - vis.clamp(0.0, 1.0)) * (b - t);
    let title = w.title.as_ref().filter(|s| !s.trim().is_empty()).map(|s| {
        let tb = measure(s, style(TITLE_SIZE, true));
        Text::new(
            width / 2.0 - tb.width / 2.0,
            MARGIN / 2.0 - tb.height / 2.0,
            tb,
            TITLE_SIZE,
            true,
        )
    });
    let ax = measure("Evolution", style(AXIS_SIZE, true));
    let axis_x = Text::new(
        (l + r) / 2.0 - ax.width / 2.0,
        height - 12.0 - ax.height / 2.0 - 2.0,
        ax,
        AXIS_SIZE,
        true,
    );
    let ay = measure("Visibility", style(AXIS_SIZE, true));
    let mut axis_y = Text::new(
        16.0 - ay.width / 2.0,
        (t + b) / 2.0 - ay.height / 2.0,
        ay,
        AXIS_SIZE,
        true,
    );
    axis_y.rotate = -90.0;
    // Stages: four by default; `@x` gives where a stage ends.
    let names: Vec<(String, Option<f64>)> = if w.stages.is_empty() {
        ["Genesis", "Custom Built", "Product", "Commodity"]
            .iter()
            .map(|s| (s.to_string(), None))
            .collect()
    } else {
        w.stages.clone()
    };
    let n = names.len();
    let mut ends = Vec::new();
    let mut prev = 0.0;
    for (k, (_, at)) in names.iter().enumerate() {
        let e = at.unwrap_or((k + 1) as f64 / n as f64).max(prev);
        ends.push(e);
        prev = e;
    }
    let mut stage_lines = Vec::new();
    let mut stage_labels = Vec::new();
    let mut start = 0.0;
    for (k, (name, _)) in names.iter().enumerate() {
        let e = ends[k];
        let tb = measure(name, style(LABEL_SIZE, false));
        let cx = (px(start) + px(e)) / 2.0;
        stage_labels.push(Text::new(
            cx - tb.width / 2.0,
            b + 8.0,
            tb,
            LABEL_SIZE,
            false,
        ));
        if k + 1 < n {
            stage_lines.push(px(e));
        }
        start = e;
    }
    // Pipelines: the owner sits on the top edge of its box.
    let mut owner_x: Vec<Option<f64>> = vec![None; w.components.len()];
    let mut pipelines = Vec::new();
    let mut lines = Vec::new();
    for pl in &w.pipelines {
        let Some(owner) = w.components.get(pl.parent) else {
            continue;
        };
        let y = py(owner.visibility);
        let (lo, hi) = match pl.range {
            Some(r) => r,
            None => {
                let evs: Vec<f64> = pl
                    .members
                    .iter()
                    .filter_map(|&m| w.components.get(m))
                    .map(|c| c.evolution)
                    .collect();
                if evs.is_empty() {
                    continue;
                }
                (
                    evs.iter().cloned().fold(f64::MAX, f64::min),
                    evs.iter().cloned().fold(f64::MIN, f64::max),
                )
            }
        };
        let (x0, x1) = (px(lo) - 15.0, px(hi) + 15.0);
        pipelines.push((x0, y - 12.0, x1 - x0, 24.0));
        if let Some(o) = owner_x.get_mut(pl.parent) {
            *o = Some((x0 + x1) / 2.0);
        }
        let mut xs: Vec<f64> = pl
            .members
            .iter()
            .filter_map(|&m| w.components.get(m))
            .map(|c| px(c.evolution))
            .collect();
        xs.sort_by(f64::total_cmp);
        for pair in xs.windows(2) {
            lines.push(Line {
                x1: pair[0],
                y1: y,
                x2: pair[1],
                y2: y,
                flow: Flow::Plain,
                dashed: true,
                trend: false,
            });
        }
    }
    let owned: Vec<bool> = (0..w.components.len())
        .map(|k| owner_x[k].is_some())
        .collect();
    let pos: Vec<(f64, f64)> = w
        .components
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let y = py(c.visibility);
            match owner_x[k] {
                Some(x) => (x, y - 12.0),
                None => (px(c.evolution), y),
            }
        })
        .collect();
    let mut nodes = Vec::new();
    for (k, c) in w.components.iter().enumerate() {
        let (x, y) = pos[k];
        let bold = c.anchor;
        let tb = measure(&c.name, style(LABEL_SIZE, bold));
        let label = if c.anchor {
            Text::new(
                x - tb.width / 2.0,
                y - tb.height / 2.0,
                tb,
                LABEL_SIZE,
                true,
            )
        } else {
            let reach = if c.sourcing.is_some() {
                OVERLAY_R
            } else {
                NODE_R
            } + 2.0;
            let (lx, ly) = match c.label_offset {
                Some((dx, dy)) => (x + dx, y + dy - tb.height),
                None => (x + reach, y - reach - tb.height),
            };
            Text::new(lx, ly, tb, LABEL_SIZE, false)
        };
        nodes.push(Node {
            x,
            y,
            anchor: c.anchor,
            square: owned[k],
            sourcing: c.sourcing,
            inertia: c.inertia,
            label,
        });
        if let Some(to) = c.evolve_to {
            let x2 = px(to);
            if (x2 - x).abs() > NODE_R {
                let dir = (x2 - x).signum();
                lines.push(Line {
                    x1: x + dir * NODE_R,
                    y1: y,
                    x2: x2 - dir * NODE_R,
                    y2: y,
                    flow: Flow::Forward,
                    dashed: true,
                    trend: true,
                });
            }
        }
    }
    // Links between circle edges.
    let mut link_labels = Vec::new();
    for lk in &w.links {
        let (Some(&(x1, y1)), Some(&(x2, y2))) = (pos.get(lk.from), pos.get(lk.to)) else {
            continue;
        };
        let (dx, dy) = (x2 - x1, y2 - y1);
        let d = (dx * dx + dy * dy).sqrt();
        if d < 1e-6 {
            continue;
        }
        let (ux, uy) = (dx / d, dy / d);
        let cut = |k: usize| {
            let c = &w.components[k];
            if c.anchor {
                8.0
            } else if c.sourcing.is_some() {
                OVERLAY_R
            } else {
                NODE_R
            }
        };
        let (a, bcut) = (cut(lk.from), cut(lk.to));
        if d <= a + bcut {
            continue;
        }
        lines.push(Line {
            x1: x1 + ux * a,
            y1: y1 + uy * a,
            x2: x2 - ux * bcut,
            y2: y2 - uy * bcut,
            flow: lk.flow,
            dashed: false,
            trend: false,
        });
        let text = match (&lk.label, &lk.context) {
            (Some(l), Some(c)) => Some(format!("{l}; {c}")),
            (Some(l), None) => Some(l.clone()),
            (None, Some(c)) => Some(c.clone()),
            _ => None,
        };
        if let Some(s) = text {
            let tb = measure(&s, style(LABEL_SIZE, false));
            let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
            let mut ang = dy.atan2(dx).to_degrees();
            if ang > 90.0 {
                ang -= 180.0;
            } else if ang < -90.0 {
                ang += 180.0;
            }
            // Just above the line.
            let off = tb.height / 2.0 + 1.0;
            let (nx, ny) = (ang.to_radians().sin() * off, -ang.to_radians().cos() * off);
            let mut tx = Text::new(
                mx + nx - tb.width / 2.0,
                my + ny - tb.height / 2.0,
                tb,
                LABEL_SIZE,
                false,
            );
            tx.rotate = ang;
            link_labels.push(tx);
        }
    }
    let notes = w
        .notes
        .iter()
        .map(|m| {
            let tb = measure(&m.text, style(NOTE_SIZE, true));
            let x = px(m.evolution).min(width - tb.width - 2.0).max(2.0);
            Text::new(x, py(m.visibility) - tb.height, tb, NOTE_SIZE, true)
        })
        .collect();
    let mut forces = Vec::new();
    for (list, right) in [(&w.accelerators, true), (&w.deaccelerators, false)] {
        for m in list {
            let (x, y) = (px(m.evolution), py(m.visibility));
            let tb = measure(&m.text, style(LABEL_SIZE, true));
            let cx = if right { x + 30.0 } else { x - 30.0 };
            forces.push(Force {
                x,
                y,
                right,
                label: Text::new(cx - tb.width / 2.0, y + 26.0, tb, LABEL_SIZE, true),
            });
        }
    }
    let mut markers = Vec::new();
    for a in &w.annotations {
        for &(v, e) in &a.points {
            let tb = measure(&a.number, style(LABEL_SIZE, true));
            let (x, y) = (px(e), py(v));
            markers.push((
                x,
                y,
                Text::new(
                    x - tb.width / 2.0,
                    y - tb.height / 2.0,
                    tb,
                    LABEL_SIZE,
                    true,
                ),
            ));
        }
    }
    let legend = if w.annotations.is_empty() {
        None
    } else {
        let (v, e) = w.annotations_at.unwrap_or((0.1, 0.9));
        let texts: Vec<TextBox> = w
            .annotations
            .iter()
            .map(|a| {
                measure(
                    &format!("{}. {}", a.number, a.text),
                    style(NOTE_SIZE, false),
                )
            })
            .collect();
        let lh = texts.first().map_or(16.0, |t| t.height);
        let bw = texts.iter().map(|t| t.width).fold(0.0, f64::max) + 20.0;
        let bh = lh * texts.len() as f64 + 16.0;
        let x = px(e).min(r - bw).max(l);
        let y = py(v).min(b - bh).max(t);
        let list = texts
            .into_iter()
            .enumerate()
            .map(|(k, tb)| Text::new(x + 10.0, y + 8.0 + k as f64 * lh, tb, NOTE_SIZE, false))
            .collect();
        Some(((x, y, bw, bh), list))
    };
    let _ = r;
    Geometry {
        width: width.ceil(),
        height: height.ceil(),
        plot: (l, t, r, b),
        title,
        axis_x,
        axis_y,
        stage_lines,
        stage_labels,
        pipelines,
        lines,
        link_labels,
        nodes,
        notes,
        forces,
        markers,
        legend,
    }
}
