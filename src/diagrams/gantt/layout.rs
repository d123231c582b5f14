//! Gantt geometry, as mermaid-js lays it out: a time scale from the
//! earliest start to the latest end over the canvas width less the side
//! paddings, one row per task (per packed row in compact mode), section
//! backgrounds and titles on the left, the axis below (and above with
//! `topAxis`). Every text is measured here.

use super::dates::{self, Millis, DAY};
use super::model::{Gantt, TodayMarker};
use super::schedule::is_excluded;
use super::GanttConfig;
use crate::geometry::Rect;
use crate::text::{measure, TextBox, TextStyle};

/// How a text is anchored at its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A placed text: `y` is the first line's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: TextBox,
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub style: TextStyle,
}

impl Label {
    /// The ink box (baseline − 0.8 em to the last baseline + 0.25 em).
    pub fn bounds(&self) -> Rect {
        let w = self.text.width;
        let left = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        let n = self.text.lines.len().max(1) as f64;
        let top = self.y - 0.8 * self.style.size;
        let bottom = self.y + (n - 1.0) * self.text.line_height + 0.25 * self.style.size;
        Rect {
            x: left,
            y: top,
            width: w,
            height: bottom - top,
        }
    }
}

/// Where a task's text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPlace {
    Inside,
    Right,
    Left,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index into `Gantt::tasks`.
    pub task: usize,
    /// The bar (for a milestone: the square turned into a diamond).
    pub rect: Rect,
    pub label: Label,
    pub place: TextPlace,
    /// Colour index: the section's number modulo `numberSectionStyles`.
    pub style: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Vert {
    pub task: usize,
    pub x: f64,
    pub y0: f64,
    pub y1: f64,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    /// `None` when the label is left out so labels never overlap.
    pub label: Option<Label>,
    pub top_label: Option<Label>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub title: Option<Label>,
    /// Row backgrounds with their colour index.
    pub rows: Vec<(Rect, usize)>,
    pub section_titles: Vec<(Label, usize)>,
    pub bars: Vec<Bar>,
    pub verts: Vec<Vert>,
    pub ticks: Vec<Tick>,
    /// Grid lines run from `grid_top` to `grid_bottom`.
    pub grid_top: f64,
    pub grid_bottom: f64,
    pub excluded: Vec<Rect>,
    /// The today marker's x and its line's ends.
    pub today: Option<(f64, f64, f64)>,
}

fn label(text: &str, size: f64, x: f64, y: f64, anchor: Anchor) -> Label {
    let style = TextStyle {
        size,
        bold: false,
        italic: false,
    };
    Label {
        text: measure(text, style),
        x,
        y,
        anchor,
        style,
    }
}

/// mermaid-js splits section titles at `<br>` (any spelling).
fn br_lines(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.to_ascii_lowercase().find("<br") {
        let after = &rest[p + 3..];
        let close = after.find('>');
        match close {
            Some(c) if after[..c].trim().trim_end_matches('/').trim().is_empty() => {
                out.push_str(&rest[..p]);
                out.push('\n');
                rest = &after[c + 1..];
            }
            _ => {
                out.push_str(&rest[..p + 3]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Rows: the task indices of each row, in order (vert markers have none).
fn rows(g: &Gantt) -> Vec<(usize, Vec<usize>)> {
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    if g.compact {
        for s in 0..g.sections.len() {
            let first = out.len();
            for (i, t) in g.tasks.iter().enumerate() {
                if t.section != s || t.vert {
                    continue;
                }
                let free = out[first..].iter().position(|(_, r)| {
                    r.last()
                        .is_none_or(|&j| g.tasks[j].end.max(g.tasks[j].render_end) <= t.start)
                });
                match free {
                    Some(k) => out[first + k].1.push(i),
                    None => out.push((s, vec![i])),
                }
            }
        }
    } else {
        for (i, t) in g.tasks.iter().enumerate().filter(|(_, t)| !t.vert) {
            out.push((t.section, vec![i]));
        }
    }
    out
}

/// Lay out a scheduled chart. `today` is the configured today, if any.
pub fn layout(g: &Gantt, cfg: &GanttConfig, today: Option<Millis>) -> Geometry {
    let gap = cfg.bar_height + cfg.bar_gap;
    let top = cfg.top_padding;
    let rows = rows(g);
    let height = (rows.len() as f64 * gap + 2.0 * top).ceil();
    // Section titles: widen the left padding when one needs more room.
    let titles: Vec<Label> = g
        .sections
        .iter()
        .map(|s| {
            label(
                &br_lines(s),
                cfg.section_font_size,
                10.0,
                0.0,
                Anchor::Start,
            )
        })
        .collect();
    let widest = titles.iter().map(|l| l.text.width).fold(0.0, f64::max);
    let left = cfg
        .left_padding
        .max(if widest > 0.0 { widest + 20.0 } else { 0.0 });
    let mut width = cfg.width.max(left + cfg.right_padding + 100.0);
    let range = width - left - cfg.right_padding;
    let t0 = g.tasks.iter().map(|t| t.start).min().unwrap_or(0);
    let t1 = g.tasks.iter().map(|t| t.end).max().unwrap_or(0);
    let scale = |t: Millis| -> f64 {
        if t1 > t0 {
            left + (t - t0) as f64 / (t1 - t0) as f64 * range
        } else {
            left + range / 2.0
        }
    };
    let font = cfg.font_size;
    // Rows and section titles.
    let mut geo_rows = Vec::new();
    let mut section_titles = Vec::new();
    let styles = cfg.number_section_styles.max(1);
    for (r, (s, _)) in rows.iter().enumerate() {
        let rect = Rect {
            x: 0.0,
            y: r as f64 * gap + top - 2.0,
            width: width - cfg.right_padding / 2.0,
            height: gap,
        };
        geo_rows.push((rect, s % styles));
    }
    for (s, mut l) in titles.into_iter().enumerate() {
        let mine: Vec<usize> = (0..rows.len()).filter(|&r| rows[r].0 == s).collect();
        let (Some(&first), n) = (mine.first(), mine.len()) else {
            continue;
        };
        if l.text.lines.iter().all(|x| x.text.is_empty()) {
            continue;
        }
        // Centred on the section's rows (mermaid-js: `alignment-baseline:
        // central` at the middle), lines stacked around it.
        let centre = (first as f64 + n as f64 / 2.0) * gap + top;
        let lines = l.text.lines.len() as f64;
        l.y = centre - (lines - 1.0) * l.text.line_height / 2.0 + 0.35 * l.style.size;
        section_titles.push((l, s % styles));
    }
    // Bars and their texts.
    let mut bars = Vec::new();
    let mut need_width: f64 = width;
    for (r, (_, tasks)) in rows.iter().enumerate() {
        for &i in tasks {
            let t = &g.tasks[i];
            let y = r as f64 * gap + top;
            let (x0, x1) = (scale(t.start), scale(t.render_end.max(t.start)));
            let rect = if t.milestone {
                let cx = (x0 + x1) / 2.0;
                Rect {
                    x: cx - cfg.bar_height / 2.0,
                    y,
                    width: cfg.bar_height,
                    height: cfg.bar_height,
                }
            } else {
                Rect {
                    x: x0,
                    y,
                    width: x1 - x0,
                    height: cfg.bar_height,
                }
            };
            let base = y + cfg.bar_height / 2.0 + (font / 2.0 - 2.0);
            let mut l = label(&t.name, font, 0.0, base, Anchor::Middle);
            l.style.italic = t.milestone;
            let tw = l.text.width;
            let (end_x, start_x) = (rect.x + rect.width, rect.x);
            let place = if tw <= rect.width && !t.milestone {
                l.x = rect.x + rect.width / 2.0;
                TextPlace::Inside
            } else if end_x + 5.0 + tw <= width - 2.0 || start_x - 5.0 - tw < left {
                l.x = end_x + 5.0;
                l.anchor = Anchor::Start;
                need_width = need_width.max(end_x + 5.0 + tw + 4.0);
                TextPlace::Right
            } else {
                l.x = start_x - 5.0;
                l.anchor = Anchor::End;
                TextPlace::Left
            };
            bars.push(Bar {
                task: i,
                rect,
                label: l,
                place,
                style: t.section % styles,
            });
        }
    }
    // `vert` markers: lines across the chart, their text below.
    let mut verts = Vec::new();
    for (i, t) in g.tasks.iter().enumerate().filter(|(_, t)| t.vert) {
        let x = scale(t.start);
        let l = label(&t.name, 15.0, x, height - 5.0, Anchor::Middle);
        verts.push(Vert {
            task: i,
            x,
            y0: cfg.grid_line_start_padding,
            y1: height - 25.0,
            label: l,
        });
    }
    // Axis ticks.
    let axis_format = g
        .axis_format
        .clone()
        .unwrap_or_else(|| cfg.axis_format.clone());
    let every = g
        .tick_interval
        .filter(|e| {
            let t = dates::ticks(t0, t1, *e, 10_000);
            !t.is_empty() || t1 <= t0
        })
        .unwrap_or_else(|| dates::auto_interval(t0, t1, 10.0));
    let times = if t1 > t0 {
        dates::ticks(t0, t1, every, 10_000)
    } else {
        vec![t0]
    };
    let grid_bottom = height - top;
    let mut ticks: Vec<Tick> = Vec::new();
    let mut last_right = f64::NEG_INFINITY;
    for t in times {
        let x = scale(t);
        let text = dates::format_axis(t, &axis_format);
        let l = label(&text, 10.0, x, grid_bottom + 3.0 + 10.0, Anchor::Middle);
        let b = l.bounds();
        let show = b.x >= last_right + 4.0 && b.x >= 0.0;
        if show {
            last_right = b.x + b.width;
            need_width = need_width.max(b.x + b.width + 2.0);
        }
        let top_label =
            (show && g.top_axis).then(|| label(&text, 10.0, x, top - 3.0 - 2.0, Anchor::Middle));
        ticks.push(Tick {
            x,
            label: show.then_some(l),
            top_label,
        });
    }
    // Excluded days (when the chart spans less than five years).
    let mut excluded = Vec::new();
    if !g.excludes.is_empty() && t1 > t0 && t1 - t0 < 5 * 365 * DAY {
        let mut d = dates::day_floor(t0);
        let mut run: Option<Millis> = None;
        while d <= t1 {
            let ex = is_excluded(d, g);
            match (ex, run) {
                (true, None) => run = Some(d),
                (false, Some(s)) => {
                    excluded.push((s, d));
                    run = None;
                }
                _ => {}
            }
            d += DAY;
        }
        if let Some(s) = run {
            excluded.push((s, d));
        }
    }
    let excluded = excluded
        .into_iter()
        .map(|(a, b)| {
            let (xa, xb) = (scale(a.max(t0)), scale(b.min(t1)));
            Rect {
                x: xa,
                y: cfg.grid_line_start_padding,
                width: (xb - xa).max(0.0),
                height: (height - top - cfg.grid_line_start_padding).max(0.0),
            }
        })
        .filter(|r| r.width > 0.0)
        .collect();
    let today_line = match (&g.today_marker, today) {
        (TodayMarker::Off, _) | (_, None) => None,
        (_, Some(t)) if t >= t0 && t <= t1 && t1 > t0 => Some((
            scale(t),
            cfg.title_top_margin,
            height - cfg.title_top_margin,
        )),
        _ => None,
    };
    let title = g
        .title
        .as_ref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| label(t, 18.0, 0.0, cfg.title_top_margin, Anchor::Middle));
    if let Some(t) = &title {
        need_width = need_width.max(t.text.width + 20.0);
    }
    if need_width > width {
        // Keep the scale; widen the canvas (and the row backgrounds).
        let extra = need_width.ceil() - width;
        width += extra;
        for (r, _) in &mut geo_rows {
            r.width += extra;
        }
    }
    let title = title.map(|mut t| {
        t.x = width / 2.0;
        t
    });
    Geometry {
        width: width.ceil(),
        height,
        title,
        rows: geo_rows,
        section_titles,
        bars,
        verts,
        ticks,
        grid_top: cfg.grid_line_start_padding,
        grid_bottom,
        excluded,
        today: today_line,
    }
}
