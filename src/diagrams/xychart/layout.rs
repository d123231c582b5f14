//! Chart + configuration → geometry: the canvas is shared between the
//! plot (a reserved share first), the title and the two axes, each axis
//! taking the room its labels, ticks and title need, as mermaid-js does.
//! Every text is measured here.

use super::model::{Chart, PlotKind, XAxis};
use super::{AxisConfig, XyChartColors, XyChartConfig};
use crate::text::{measure, TextStyle};

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One placed text. `x`/`y` is the anchor point of the baseline; a
/// rotated text (`vertical`) is turned a quarter left around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub anchor: Anchor,
    pub vertical: bool,
    pub fill: String,
    /// The box the glyphs occupy (x, y, width, height), for checks.
    pub bbox: (f64, f64, f64, f64),
}

/// A filled rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub fill: String,
}

/// A stroked polyline.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub points: Vec<(f64, f64)>,
    pub stroke: String,
    pub width: f64,
}

/// A group of shapes drawn together (`class` names mermaid-js's group).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub class: String,
    pub rects: Vec<Rect>,
    pub lines: Vec<Line>,
    pub texts: Vec<Text>,
}

/// Everything to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub background: String,
    /// In drawing order: title, plots, axes.
    pub groups: Vec<Group>,
    /// The plot area (x, y, width, height).
    pub plot: (f64, f64, f64, f64),
}

/// Height of a line of text of `size` px, as a browser's text box.
fn text_height(size: f64) -> f64 {
    size * 1.15
}

fn text_width(s: &str, size: f64) -> f64 {
    measure(
        s,
        TextStyle {
            size,
            bold: false,
            italic: false,
        },
    )
    .width
}

/// Baseline offsets below the top of the text box and below the middle.
const ASCENT: f64 = 0.9;
const MIDDLE: f64 = 0.32;

/// Format a number as JavaScript's `String(n)` does for ordinary values.
pub fn js_number(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    if v == v.trunc() && v.abs() < 1e21 {
        return format!("{v:.0}").replace("-0", "0").to_string();
    }
    let s = format!("{v}");
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// d3's `ticks(start, stop, count)`: round values covering the domain.
pub fn nice_ticks(a: f64, b: f64, count: f64) -> Vec<f64> {
    if !(a.is_finite() && b.is_finite()) {
        return vec![];
    }
    if a == b {
        return vec![a];
    }
    let (lo, hi, rev) = if a < b { (a, b, false) } else { (b, a, true) };
    let spec = |count: f64| -> (f64, f64, f64) {
        let step = (hi - lo) / count.max(0.0);
        let power = step.log10().floor();
        let error = step / 10f64.powf(power);
        let factor = if error >= 50f64.sqrt() {
            10.0
        } else if error >= 10f64.sqrt() {
            5.0
        } else if error >= 2f64.sqrt() {
            2.0
        } else {
            1.0
        };
        if power < 0.0 {
            let inc = 10f64.powf(-power) / factor;
            let mut i1 = (lo * inc).round();
            let mut i2 = (hi * inc).round();
            if i1 / inc < lo {
                i1 += 1.0;
            }
            if i2 / inc > hi {
                i2 -= 1.0;
            }
            (i1, i2, -inc)
        } else {
            let inc = 10f64.powf(power) * factor;
            let mut i1 = (lo / inc).round();
            let mut i2 = (hi / inc).round();
            if i1 * inc < lo {
                i1 += 1.0;
            }
            if i2 * inc > hi {
                i2 -= 1.0;
            }
            (i1, i2, inc)
        }
    };
    let (mut i1, mut i2, mut inc) = spec(count);
    if i2 < i1 && (0.5..2.0).contains(&count) {
        (i1, i2, inc) = spec(count * 2.0);
    }
    if i2 < i1 || i2.is_nan() || i1.is_nan() || !inc.is_finite() || i2 - i1 > 1000.0 {
        return vec![];
    }
    let n = (i2 - i1 + 1.0) as usize;
    let mut out: Vec<f64> = (0..n)
        .map(|k| {
            let i = i1 + k as f64;
            if inc < 0.0 {
                i / -inc
            } else {
                i * inc
            }
        })
        .collect();
    if rev {
        out.reverse();
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    Left,
    Bottom,
    Top,
}

#[derive(Debug, Clone)]
enum Scale {
    Band(Vec<String>),
    /// Domain as drawn from the range's start to its end.
    Linear(f64, f64),
}

/// An axis being laid out.
#[derive(Debug, Clone)]
struct Axis<'a> {
    cfg: &'a AxisConfig,
    scale: Scale,
    title: Option<String>,
    pos: Pos,
    range: (f64, f64),
    outer: f64,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    show_label: bool,
    show_tick: bool,
    show_title: bool,
    show_line: bool,
    title_h: f64,
}

impl<'a> Axis<'a> {
    fn new(cfg: &'a AxisConfig, scale: Scale, title: Option<String>) -> Self {
        Axis {
            cfg,
            scale,
            title: title.filter(|t| !t.trim().is_empty()),
            pos: Pos::Bottom,
            range: (0.0, 0.0),
            outer: 0.0,
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0,
            show_label: false,
            show_tick: false,
            show_title: false,
            show_line: false,
            title_h: 0.0,
        }
    }

    fn set_pos(&mut self, pos: Pos) {
        self.pos = pos;
        if pos == Pos::Left {
            if let Scale::Linear(a, b) = self.scale {
                self.scale = Scale::Linear(b, a);
            }
        }
    }

    fn tick_values(&self) -> Vec<(f64, String)> {
        match &self.scale {
            Scale::Band(c) => c
                .iter()
                .enumerate()
                .map(|(i, s)| (i as f64, s.clone()))
                .collect(),
            Scale::Linear(a, b) => nice_ticks(*a, *b, 10.0)
                .into_iter()
                .map(|v| (v, js_number(v)))
                .collect(),
        }
    }

    fn label_dims(&self) -> (f64, f64) {
        let size = self.cfg.label_font_size;
        let w = self
            .tick_values()
            .iter()
            .map(|(_, s)| text_width(s, size))
            .fold(0.0, f64::max);
        (w, text_height(size))
    }

    fn inner_range(&self) -> (f64, f64) {
        (self.range.0 + self.outer, self.range.1 - self.outer)
    }

    /// Where `v` (a category index or a value) is drawn along the axis.
    fn at(&self, v: f64) -> f64 {
        let (r0, r1) = self.inner_range();
        match &self.scale {
            Scale::Band(c) => {
                let n = c.len() as f64;
                if n <= 1.0 {
                    (r0 + r1) / 2.0
                } else {
                    r0 + (r1 - r0) / (n - 1.0) * v
                }
            }
            Scale::Linear(d0, d1) => {
                if d1 == d0 {
                    (r0 + r1) / 2.0
                } else {
                    r0 + (v - d0) / (d1 - d0) * (r1 - r0)
                }
            }
        }
    }

    fn tick_distance(&self) -> f64 {
        let (r0, r1) = self.inner_range();
        let n = self.tick_values().len().max(1) as f64;
        (r1 - r0).abs() / n
    }

    /// Take the room the axis needs from `(aw, ah)`.
    fn calculate_space(&mut self, aw: f64, ah: f64) {
        let c = self.cfg;
        if matches!(self.pos, Pos::Left) {
            let mut avail = aw;
            if c.show_axis_line && avail > c.axis_line_width {
                avail -= c.axis_line_width;
                self.show_line = true;
            }
            if c.show_label {
                let (lw, lh) = self.label_dims();
                self.outer = (lh / 2.0).min(0.2 * ah);
                let need = lw + c.label_padding * 2.0;
                if need <= avail {
                    avail -= need;
                    self.show_label = true;
                }
            }
            if c.show_tick && avail >= c.tick_length {
                self.show_tick = true;
                avail -= c.tick_length;
            }
            if c.show_title && self.title.is_some() {
                let th = text_height(c.title_font_size);
                let need = th + c.title_padding * 2.0;
                self.title_h = th;
                if need <= avail {
                    avail -= need;
                    self.show_title = true;
                }
            }
            self.w = aw - avail;
            self.h = ah;
        } else {
            let mut avail = ah;
            if c.show_axis_line && avail > c.axis_line_width {
                avail -= c.axis_line_width;
                self.show_line = true;
            }
            if c.show_label {
                let (lw, lh) = self.label_dims();
                self.outer = (lw / 2.0).min(0.2 * aw);
                let need = lh + c.label_padding * 2.0;
                if need <= avail {
                    avail -= need;
                    self.show_label = true;
                }
            }
            if c.show_tick && avail >= c.tick_length {
                self.show_tick = true;
                avail -= c.tick_length;
            }
            if c.show_title && self.title.is_some() {
                let th = text_height(c.title_font_size);
                let need = th + c.title_padding * 2.0;
                self.title_h = th;
                if need <= avail {
                    avail -= need;
                    self.show_title = true;
                }
            }
            self.w = aw;
            self.h = ah - avail;
        }
    }

    /// Widen the outer padding so the first and last bars fit.
    fn room_for_bars(&mut self) {
        let want = 0.7 * self.tick_distance();
        if want > self.outer * 2.0 {
            self.outer = (want / 2.0).floor();
        }
    }

    fn group(&self, class: &str, label: &str, title: &str, tick: &str, line: &str) -> Group {
        let c = self.cfg;
        let mut g = Group {
            class: class.into(),
            ..Group::default()
        };
        let ticks = self.tick_values();
        let lw = c.axis_line_width;
        let line_w = if self.show_line { lw } else { 0.0 };
        let tick_l = if self.show_tick { c.tick_length } else { 0.0 };
        let size = c.label_font_size;
        match self.pos {
            Pos::Left => {
                if self.show_line {
                    let x = self.x + self.w - lw / 2.0;
                    g.lines.push(Line {
                        points: vec![(x, self.range.0), (x, self.range.1)],
                        stroke: line.into(),
                        width: lw,
                    });
                }
                if self.show_label {
                    let x = self.x + self.w - c.label_padding - tick_l - line_w;
                    for (v, s) in &ticks {
                        let y = self.at(*v);
                        g.texts.push(text(
                            s,
                            x,
                            y,
                            size,
                            Anchor::End,
                            false,
                            label,
                            VAlign::Middle,
                        ));
                    }
                }
                if self.show_tick {
                    let x = self.x + self.w - line_w;
                    for (v, _) in &ticks {
                        let y = self.at(*v);
                        g.lines.push(Line {
                            points: vec![(x, y), (x - c.tick_length, y)],
                            stroke: tick.into(),
                            width: c.tick_width,
                        });
                    }
                }
                if let (true, Some(t)) = (self.show_title, &self.title) {
                    let x = self.x + c.title_padding;
                    let y = self.y + self.h / 2.0;
                    g.texts.push(text(
                        t,
                        x,
                        y,
                        c.title_font_size,
                        Anchor::Middle,
                        true,
                        title,
                        VAlign::Top,
                    ));
                }
            }
            Pos::Bottom | Pos::Top => {
                let bottom = self.pos == Pos::Bottom;
                if self.show_line {
                    let y = if bottom {
                        self.y + lw / 2.0
                    } else {
                        self.y + self.h - lw / 2.0
                    };
                    g.lines.push(Line {
                        points: vec![(self.x, y), (self.x + self.w, y)],
                        stroke: line.into(),
                        width: lw,
                    });
                }
                if self.show_label {
                    let y = if bottom {
                        self.y + c.label_padding + tick_l + line_w
                    } else {
                        let t = if self.show_title {
                            c.title_padding * 2.0 + self.title_h
                        } else {
                            0.0
                        };
                        self.y + t + c.label_padding
                    };
                    for (v, s) in &ticks {
                        let x = self.at(*v);
                        g.texts.push(text(
                            s,
                            x,
                            y,
                            size,
                            Anchor::Middle,
                            false,
                            label,
                            VAlign::Top,
                        ));
                    }
                }
                if self.show_tick {
                    for (v, _) in &ticks {
                        let x = self.at(*v);
                        let (y0, y1) = if bottom {
                            let y = self.y + line_w;
                            (y, y + c.tick_length)
                        } else {
                            let y = self.y + self.h - line_w;
                            (y, y - c.tick_length)
                        };
                        g.lines.push(Line {
                            points: vec![(x, y0), (x, y1)],
                            stroke: tick.into(),
                            width: c.tick_width,
                        });
                    }
                }
                if let (true, Some(t)) = (self.show_title, &self.title) {
                    let (x, y) = if bottom {
                        (
                            (self.range.0 + self.range.1) / 2.0,
                            self.y + self.h - c.title_padding - self.title_h,
                        )
                    } else {
                        (self.x + self.w / 2.0, self.y + c.title_padding)
                    };
                    g.texts.push(text(
                        t,
                        x,
                        y,
                        c.title_font_size,
                        Anchor::Middle,
                        false,
                        title,
                        VAlign::Top,
                    ));
                }
            }
        }
        g
    }
}

/// Vertical placement of a text relative to its `y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VAlign {
    /// `y` is the top of the text box.
    Top,
    /// `y` is the middle.
    Middle,
    /// `y` is the baseline.
    Baseline,
}

#[allow(clippy::too_many_arguments)]
fn text(
    s: &str,
    x: f64,
    y: f64,
    size: f64,
    anchor: Anchor,
    vertical: bool,
    fill: &str,
    valign: VAlign,
) -> Text {
    let w = text_width(s, size);
    let h = text_height(size);
    let off = match valign {
        VAlign::Top => ASCENT * size,
        VAlign::Middle => MIDDLE * size,
        VAlign::Baseline => 0.0,
    };
    let along = match anchor {
        Anchor::Start => 0.0,
        Anchor::Middle => -w / 2.0,
        Anchor::End => -w,
    };
    // The box: the baseline `off` below `y`, glyphs from 0.9 em above it
    // to 0.25 em below.
    let top = off - ASCENT * size;
    let bbox = if vertical {
        // Turned a quarter left around (x, y): along-text runs upwards and
        // "down" the text points right.
        (x + top, y - along - w, h, w)
    } else {
        (x + along, y + top, w, h)
    };
    let (tx, ty) = if vertical { (x + off, y) } else { (x, y + off) };
    Text {
        text: s.to_string(),
        x: tx,
        y: ty,
        size,
        anchor,
        vertical,
        fill: fill.into(),
        bbox,
    }
}

/// The x positions of one series: category indexes on a band axis, values
/// spread over the numeric range otherwise.
fn series_positions(n: usize, x: &Scale, range: (f64, f64)) -> Vec<f64> {
    match x {
        Scale::Band(c) => (0..n.min(c.len())).map(|i| i as f64).collect(),
        Scale::Linear(..) => {
            let (lo, hi) = range;
            if n <= 1 {
                return vec![lo; n];
            }
            let step = (hi - lo) / (n as f64 - 1.0);
            (0..n).map(|i| lo + step * i as f64).collect()
        }
    }
}

/// Lay out `chart`.
pub fn layout(chart: &Chart, cfg: &XyChartConfig, colors: &XyChartColors) -> Geometry {
    let horizontal = chart.horizontal.unwrap_or(cfg.horizontal);
    // The axes' domains.
    let longest = chart.plots.iter().map(|p| p.data.len()).max().unwrap_or(0);
    let (x_scale, x_range, x_title) = match &chart.x_axis {
        Some(XAxis::Band { title, categories }) => {
            (Scale::Band(categories.clone()), (0.0, 0.0), title.clone())
        }
        Some(XAxis::Linear {
            title,
            range: Some(r),
        }) => (Scale::Linear(r.0, r.1), *r, title.clone()),
        other => {
            let r = (1.0, (longest as f64).max(1.0));
            (
                Scale::Linear(r.0, r.1),
                r,
                other.as_ref().and_then(|a| a.title().map(str::to_string)),
            )
        }
    };
    let (y_lo, y_hi) = chart.y_axis.range.unwrap_or_else(|| {
        let vals = chart.plots.iter().flat_map(|p| p.data.iter().copied());
        let lo = vals.clone().fold(f64::INFINITY, f64::min);
        let hi = vals.fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() && hi.is_finite() {
            (lo, hi)
        } else {
            (0.0, 1.0)
        }
    });
    let mut xa = Axis::new(&cfg.x_axis, x_scale, x_title);
    let mut ya = Axis::new(
        &cfg.y_axis,
        Scale::Linear(y_lo, y_hi),
        chart.y_axis.title.clone(),
    );

    let (w, h) = (cfg.width.round(), cfg.height.round());
    let pct = cfg.plot_reserved_space_percent / 100.0;
    let mut chart_w = (w * pct).floor();
    let mut chart_h = (h * pct).floor();
    let mut avail_w = w - chart_w;
    let mut avail_h = h - chart_h;
    let title = chart
        .title
        .as_ref()
        .filter(|t| cfg.show_title && !t.trim().is_empty());
    let mut title_h = 0.0;
    if title.is_some() {
        let need = text_height(cfg.title_font_size) + 2.0 * cfg.title_padding;
        if need <= avail_h {
            title_h = need;
        }
    }
    avail_h -= title_h;
    let plot_x;
    let plot_y;
    if horizontal {
        xa.set_pos(Pos::Left);
        xa.calculate_space(avail_w, avail_h);
        avail_w -= xa.w;
        plot_x = xa.w;
        ya.set_pos(Pos::Top);
        ya.calculate_space(avail_w, avail_h);
        avail_h -= ya.h;
        plot_y = title_h + ya.h;
        if avail_w > 0.0 {
            chart_w += avail_w;
        }
        if avail_h > 0.0 {
            chart_h += avail_h;
        }
        ya.range = (plot_x, plot_x + chart_w);
        ya.x = plot_x;
        ya.y = title_h;
        ya.w = chart_w;
        xa.range = (plot_y, plot_y + chart_h);
        xa.x = 0.0;
        xa.y = plot_y;
        xa.h = chart_h;
    } else {
        xa.set_pos(Pos::Bottom);
        xa.calculate_space(avail_w, avail_h);
        avail_h -= xa.h;
        ya.set_pos(Pos::Left);
        ya.calculate_space(avail_w, avail_h);
        plot_x = ya.w;
        avail_w -= ya.w;
        plot_y = title_h;
        if avail_w > 0.0 {
            chart_w += avail_w;
        }
        if avail_h > 0.0 {
            chart_h += avail_h;
        }
        xa.range = (plot_x, plot_x + chart_w);
        xa.x = plot_x;
        xa.y = plot_y + chart_h;
        xa.w = chart_w;
        ya.range = (plot_y, plot_y + chart_h);
        ya.x = 0.0;
        ya.y = plot_y;
        ya.h = chart_h;
    }
    if chart.plots.iter().any(|p| p.kind == PlotKind::Bar) {
        xa.room_for_bars();
    }

    let mut groups = Vec::new();
    if let Some(t) = title {
        let mut g = Group {
            class: "chart-title".into(),
            ..Group::default()
        };
        g.texts.push(text(
            t,
            w / 2.0,
            title_h / 2.0,
            cfg.title_font_size,
            Anchor::Middle,
            false,
            &colors.title,
            VAlign::Middle,
        ));
        groups.push(g);
    }

    // Series.
    let plot = (plot_x, plot_y, chart_w, chart_h);
    let bar_w = (xa.outer * 2.0).min(xa.tick_distance()) * 0.95;
    for (i, p) in chart.plots.iter().enumerate() {
        let color = colors
            .palette
            .get(i % colors.palette.len().max(1))
            .cloned()
            .unwrap_or_else(|| "#ECECFF".into());
        let xs = series_positions(p.data.len(), &xa.scale, x_range);
        let pts: Vec<(f64, f64)> = xs
            .iter()
            .zip(&p.data)
            .map(|(xv, yv)| (xa.at(*xv), ya.at(*yv)))
            .collect();
        let mut g = Group {
            class: match p.kind {
                PlotKind::Bar => format!("bar-plot-{i}"),
                PlotKind::Line => format!("line-plot-{i}"),
            },
            ..Group::default()
        };
        match p.kind {
            PlotKind::Line => {
                let points = pts
                    .iter()
                    .map(|&(a, v)| if horizontal { (v, a) } else { (a, v) })
                    .collect();
                g.lines.push(Line {
                    points,
                    stroke: color,
                    width: 2.0,
                });
            }
            PlotKind::Bar => {
                for &(a, v) in &pts {
                    let r = if horizontal {
                        Rect {
                            x: plot.0,
                            y: a - bar_w / 2.0,
                            w: v - plot.0,
                            h: bar_w,
                            fill: color.clone(),
                        }
                    } else {
                        Rect {
                            x: a - bar_w / 2.0,
                            y: v,
                            w: bar_w,
                            h: plot.1 + plot.3 - v,
                            fill: color.clone(),
                        }
                    };
                    g.rects.push(r);
                }
                if cfg.show_data_label {
                    g.texts = data_labels(&g.rects, &p.data, horizontal, cfg, colors);
                }
            }
        }
        groups.push(g);
    }

    let (xc, yc) = (colors, colors);
    if horizontal {
        groups.push(xa.group(
            "left-axis",
            &xc.x_label,
            &xc.x_title,
            &xc.x_tick,
            &xc.x_line,
        ));
        groups.push(ya.group("top-axis", &yc.y_label, &yc.y_title, &yc.y_tick, &yc.y_line));
    } else {
        groups.push(xa.group(
            "bottom-axis",
            &xc.x_label,
            &xc.x_title,
            &xc.x_tick,
            &xc.x_line,
        ));
        groups.push(ya.group(
            "left-axis",
            &yc.y_label,
            &yc.y_title,
            &yc.y_tick,
            &yc.y_line,
        ));
    }
    Geometry {
        width: w,
        height: h,
        background: colors.background.clone(),
        groups,
        plot,
    }
}

/// Values on the bars, in one font size that fits every bar.
fn data_labels(
    rects: &[Rect],
    data: &[f64],
    horizontal: bool,
    cfg: &XyChartConfig,
    colors: &XyChartColors,
) -> Vec<Text> {
    const OFFSET: f64 = 10.0;
    const CHAR: f64 = 0.7;
    let items: Vec<(&Rect, String)> = rects
        .iter()
        .zip(data)
        .map(|(r, v)| (r, js_number(*v)))
        .filter(|(r, _)| r.w > 0.0 && r.h > 0.0)
        .collect();
    let mut size = f64::INFINITY;
    for (r, s) in &items {
        let chars = s.chars().count() as f64;
        let (along, across) = if horizontal { (r.h, r.w) } else { (r.w, r.h) };
        let mut f = along * CHAR;
        let fits = |f: f64| {
            if horizontal {
                f * chars * CHAR + OFFSET <= across && f <= along
            } else {
                f * chars * CHAR <= along && f + OFFSET <= across
            }
        };
        let mut guard = 0;
        while !fits(f) && f > 0.0 && guard < 10_000 {
            f -= 1.0;
            guard += 1;
        }
        size = size.min(f);
    }
    let size = size.floor();
    if !size.is_finite() || size < 1.0 {
        return vec![];
    }
    let outside = cfg.show_data_label_outside_bar;
    items
        .iter()
        .map(|(r, s)| {
            if horizontal {
                let y = r.y + r.h / 2.0;
                if outside {
                    text(
                        s,
                        r.x + r.w + OFFSET,
                        y,
                        size,
                        Anchor::Start,
                        false,
                        &colors.data_label,
                        VAlign::Middle,
                    )
                } else {
                    text(
                        s,
                        r.x + r.w - OFFSET,
                        y,
                        size,
                        Anchor::End,
                        false,
                        &colors.data_label,
                        VAlign::Middle,
                    )
                }
            } else {
                let x = r.x + r.w / 2.0;
                if outside {
                    text(
                        s,
                        x,
                        r.y - OFFSET,
                        size,
                        Anchor::Middle,
                        false,
                        &colors.data_label,
                        VAlign::Baseline,
                    )
                } else {
                    text(
                        s,
                        x,
                        r.y + OFFSET,
                        size,
                        Anchor::Middle,
                        false,
                        &colors.data_label,
                        VAlign::Top,
                    )
                }
            }
        })
        .collect()
}
