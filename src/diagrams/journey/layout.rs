//! Journey geometry, after mermaid-js's: the actor legend on the left,
//! sections as boxes above their tasks, tasks 150 px wide and 50 px apart,
//! a dashed line down from each task with a face placed by the score
//! (higher is happier, higher up), and the horizontal arrow. Texts are
//! measured and wrapped here; a task or section whose text needs more
//! room makes its row taller and moves everything below.

use super::model::Journey;
use super::JourneyConfig;
use crate::geometry::Rect;
use crate::text::{layout as text_layout, TextBox, TextStyle};

pub const TASK_WIDTH: f64 = 150.0;
pub const TASK_GAP: f64 = 50.0;
pub const FACE_RADIUS: f64 = 15.0;
const TEXT_SIZE: f64 = 14.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Boxed {
    pub rect: Rect,
    pub text: TextBox,
    /// Colour index (0 … 7).
    pub color: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskGeo {
    pub task: usize,
    pub node: Boxed,
    /// Actor dots on the top edge: centre x and actor index.
    pub dots: Vec<(f64, usize)>,
    /// The dashed line: x, top, bottom.
    pub line: (f64, f64, f64),
    /// Face centre and score band: > 3 smiles, < 3 frowns, 3 is neutral.
    pub face: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub centre: (f64, f64),
    pub text: TextBox,
    /// Top-left of the text block.
    pub text_at: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    /// Title text and its top-left corner.
    pub title: Option<(TextBox, f64, f64)>,
    pub legend: Vec<LegendEntry>,
    pub sections: Vec<Boxed>,
    pub tasks: Vec<TaskGeo>,
    /// Arrow: x from, x to, y.
    pub arrow: (f64, f64, f64),
}

pub fn text_style() -> TextStyle {
    TextStyle {
        size: TEXT_SIZE,
        bold: false,
        italic: false,
    }
}

pub fn title_style(cfg: &JourneyConfig) -> TextStyle {
    TextStyle {
        size: cfg.title_font_size,
        bold: true,
        italic: false,
    }
}

pub fn layout(j: &Journey, cfg: &JourneyConfig) -> Geometry {
    let style = text_style();
    let wrap = |s: &str, w: f64| text_layout(s, style, false, Some(w));
    // Legend.
    let actors = j.actors();
    let mut legend = Vec::new();
    let mut y = 60.0;
    let mut widest: f64 = 0.0;
    for a in &actors {
        let tb = text_layout(
            a,
            TextStyle {
                size: 16.0,
                ..style
            },
            false,
            Some(cfg.max_label_width),
        );
        widest = widest.max(tb.width);
        let h = tb.height;
        let tb_lines = tb.lines.len();
        legend.push(LegendEntry {
            centre: (20.0, y),
            text_at: (40.0, y - tb.line_height / 2.0),
            text: tb,
        });
        // One-line entries 20 px apart, as mermaid-js; wrapped ones get
        // their height and a little air.
        y += if tb_lines > 1 { h + 4.0 } else { 20.0 };
    }
    let legend_bottom = y;
    let left = cfg.left_margin.max(if actors.is_empty() {
        0.0
    } else {
        40.0 + widest + 30.0
    });
    // Heights: a row grows when its text needs more than 50 px.
    let task_boxes: Vec<TextBox> = j
        .tasks
        .iter()
        .map(|t| wrap(&t.name, TASK_WIDTH - 10.0))
        .collect();
    let task_h = task_boxes
        .iter()
        .map(|b| b.height + 10.0)
        .fold(50.0, f64::max);
    // Sections: consecutive tasks of one section.
    let mut groups: Vec<(Option<usize>, usize, usize)> = Vec::new();
    for (i, t) in j.tasks.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if g.0 == t.section => g.2 = i + 1,
            _ => groups.push((t.section, i, i + 1)),
        }
    }
    let x_of = |i: usize| left + i as f64 * (TASK_WIDTH + TASK_GAP);
    let sec_boxes: Vec<(usize, TextBox, f64, f64)> = groups
        .iter()
        .filter_map(|&(s, a, b)| {
            let s = s?;
            let w = (b - a) as f64 * TASK_WIDTH + (b - a - 1) as f64 * TASK_GAP;
            let name = j.sections.get(s)?;
            Some((s, wrap(name, w - 10.0), x_of(a), w))
        })
        .collect();
    let sec_h = sec_boxes
        .iter()
        .map(|b| b.1.height + 10.0)
        .fold(50.0, f64::max);
    let sec_y = 50.0;
    let task_y = sec_y + sec_h + 10.0;
    let arrow_y = task_y + task_h + 40.0;
    let face_base = arrow_y + 100.0;
    let line_bottom = face_base + 150.0 + FACE_RADIUS + 5.0;
    let sections = sec_boxes
        .into_iter()
        .map(|(s, tb, x, w)| Boxed {
            rect: Rect {
                x,
                y: sec_y,
                width: w,
                height: sec_h,
            },
            text: tb,
            color: s % 8,
        })
        .collect();
    let mut tasks = Vec::new();
    for (i, (t, tb)) in j.tasks.iter().zip(task_boxes).enumerate() {
        let x = x_of(i);
        let cx = x + TASK_WIDTH / 2.0;
        let dots = t
            .actors
            .iter()
            .enumerate()
            .filter_map(|(k, a)| {
                let idx = actors.iter().position(|b| b == a)?;
                Some((x + 14.0 + k as f64 * 10.0, idx))
            })
            .filter(|(dx, _)| *dx <= x + TASK_WIDTH - 7.0)
            .collect();
        let score = t.score.clamp(0.0, 5.0);
        tasks.push(TaskGeo {
            task: i,
            node: Boxed {
                rect: Rect {
                    x,
                    y: task_y,
                    width: TASK_WIDTH,
                    height: task_h,
                },
                text: tb,
                color: t.section.unwrap_or(0) % 8,
            },
            dots,
            line: (cx, task_y, line_bottom),
            face: (cx, face_base + (5.0 - score) * 30.0),
        });
    }
    let right = x_of(j.tasks.len().max(1)) - TASK_GAP;
    let title = j.title.as_ref().filter(|s| !s.trim().is_empty()).map(|s| {
        let ts = title_style(cfg);
        let tb = text_layout(s, ts, false, None);
        (tb, left, 0.0)
    });
    let mut width = right + 200.0;
    // The title's block sits above the sections (baseline near y = 25).
    let mut top: f64 = 0.0;
    let title = title.map(|(tb, x, _)| {
        let ty = (25.0 - tb.baseline).min(sec_y - 8.0 - tb.height);
        top = top.min(ty - 10.0);
        width = width.max(x + tb.width + 20.0);
        (tb, x, ty)
    });
    let bottom = (line_bottom + 65.0).max(legend_bottom + 20.0);
    let dy = -top;
    let shift = |r: &mut Rect| r.y += dy;
    let mut sections: Vec<Boxed> = sections;
    sections.iter_mut().for_each(|s| shift(&mut s.rect));
    for t in &mut tasks {
        shift(&mut t.node.rect);
        t.line.1 += dy;
        t.line.2 += dy;
        t.face.1 += dy;
    }
    for l in &mut legend {
        l.centre.1 += dy;
        l.text_at.1 += dy;
    }
    Geometry {
        width: width.ceil(),
        height: (bottom + dy).ceil(),
        title: title.map(|(tb, x, y)| (tb, x, y + dy)),
        legend,
        sections,
        tasks,
        arrow: (left, right + 46.0, arrow_y + dy),
    }
}
