//! Gantt geometry → SVG (presentation attributes only).

use super::colors::GanttColors;
use super::layout::{Anchor, Geometry, Label, TextPlace};
use super::model::{Click, Gantt, TodayMarker};
use crate::diagrams::Context;
use crate::svg::{begin_document, end_document, fill_attrs, num, safe_value, stroke_attrs};
use crate::svg::{sanitize_id, Attrs, Head, Writer};

fn text(w: &mut Writer, l: &Label, fill: &str, extra: Attrs) {
    let anchor = match l.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let x = num(l.x);
    let mut a: Attrs = vec![
        ("x", x.clone()),
        ("y", num(l.y)),
        ("font-size", num(l.style.size)),
        ("text-anchor", anchor.into()),
    ];
    a.extend(fill_attrs(fill));
    if l.style.italic {
        a.push(("font-style", "italic".into()));
    }
    a.extend(extra);
    if l.text.lines.len() <= 1 {
        let t = l.text.lines.first().map_or("", |x| x.text.as_str());
        w.text_element("text", &a, t);
        return;
    }
    w.open("text", &a);
    for (k, line) in l.text.lines.iter().enumerate() {
        let y = l.y + k as f64 * l.text.line_height;
        w.text_element("tspan", &[("x", x.clone()), ("y", num(y))], &line.text);
    }
    w.close("text");
}

/// A `todayMarker` style (`stroke-width:5px,stroke:#00f,opacity:0.5`) as
/// attributes; unsafe or unknown properties are dropped.
fn today_style(style: &str) -> Attrs {
    let mut a = Attrs::new();
    for part in style.split([',', ';']) {
        let Some((k, v)) = part.split_once(':') else {
            continue;
        };
        let Some(v) = safe_value(v) else { continue };
        match k.trim() {
            "stroke" => a.extend(stroke_attrs(v)),
            "stroke-width" => a.push(("stroke-width", v.trim_end_matches("px").into())),
            "opacity" | "stroke-opacity" => a.push(("stroke-opacity", v.into())),
            "stroke-dasharray" => a.push(("stroke-dasharray", v.into())),
            _ => {}
        }
    }
    a
}

pub fn draw(g: &Gantt, geo: &Geometry, c: &GanttColors, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "gantt",
            width: geo.width,
            height: geo.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: g.acc_title.as_deref(),
            acc_descr: g.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    // Row backgrounds (20 % opacity, as mermaid-js's `.section` CSS).
    w.open("g", &[("class", "sections".into())]);
    for (r, k) in &geo.rows {
        let fill = match k {
            0 => &c.section,
            2 => &c.section2,
            _ => &c.alt_section,
        };
        let mut a: Attrs = vec![
            ("x", num(r.x)),
            ("y", num(r.y)),
            ("width", num(r.width)),
            ("height", num(r.height)),
        ];
        a.extend(fill_attrs(fill));
        a.push(("opacity", "0.2".into()));
        w.leaf("rect", &a);
    }
    w.close("g");
    for r in &geo.excluded {
        let mut a: Attrs = vec![
            ("class", "exclude-range".into()),
            ("x", num(r.x)),
            ("y", num(r.y)),
            ("width", num(r.width)),
            ("height", num(r.height)),
        ];
        a.extend(fill_attrs(&c.exclude));
        w.leaf("rect", &a);
    }
    // The grid and the axis labels.
    w.open("g", &[("class", "grid".into())]);
    for t in &geo.ticks {
        let mut a: Attrs = vec![
            ("x1", num(t.x)),
            ("x2", num(t.x)),
            ("y1", num(geo.grid_top)),
            ("y2", num(geo.grid_bottom)),
            ("stroke-opacity", "0.8".into()),
            ("stroke-width", "1".into()),
        ];
        a.extend(stroke_attrs(&c.grid));
        w.leaf("line", &a);
        if let Some(l) = &t.label {
            text(&mut w, l, &c.text, vec![]);
        }
        if let Some(l) = &t.top_label {
            text(&mut w, l, &c.text, vec![]);
        }
    }
    w.close("g");
    // Bars.
    w.open("g", &[("class", "tasks".into())]);
    for b in &geo.bars {
        let t = &g.tasks[b.task];
        let (fill, stroke) = match (t.crit, t.active, t.done) {
            (true, true, _) => (&c.active, &c.crit_border),
            (true, _, true) => (&c.done, &c.crit_border),
            (true, _, _) => (&c.crit, &c.crit_border),
            (_, true, _) => (&c.active, &c.active_border),
            (_, _, true) => (&c.done, &c.done_border),
            _ => (&c.task, &c.task_border),
        };
        let id = format!("{}-{}", cx.svg_id, sanitize_id(&t.id));
        let r = &b.rect;
        let mut a: Attrs = vec![("id", id.clone())];
        if t.milestone {
            // The square turned 45° and scaled to 0.8, as mermaid-js's CSS.
            let (mx, my) = (r.x + r.width / 2.0, r.y + r.height / 2.0);
            let h = r.width * 0.8 * std::f64::consts::SQRT_2 / 2.0;
            a.push((
                "points",
                format!(
                    "{},{} {},{} {},{} {},{}",
                    num(mx),
                    num(my - h),
                    num(mx + h),
                    num(my),
                    num(mx),
                    num(my + h),
                    num(mx - h),
                    num(my)
                ),
            ));
        } else {
            a.extend([
                ("rx", "3".into()),
                ("ry", "3".into()),
                ("x", num(r.x)),
                ("y", num(r.y)),
                ("width", num(r.width.max(0.0))),
                ("height", num(r.height)),
            ]);
        }
        a.extend(fill_attrs(fill));
        a.extend(stroke_attrs(stroke));
        a.push(("stroke-width", "2".into()));
        w.leaf(if t.milestone { "polygon" } else { "rect" }, &a);
    }
    for b in &geo.bars {
        let t = &g.tasks[b.task];
        let link = t.clicks.iter().find_map(|k| match k {
            Click::Href(u) if u.starts_with("http://") || u.starts_with("https://") => Some(u),
            _ => None,
        });
        let fill = if link.is_some() {
            &c.clickable
        } else if b.place != TextPlace::Inside {
            if t.done || t.active {
                &c.task_text_dark
            } else {
                &c.task_text_outside
            }
        } else if t.done && cx.config.theme.dark_mode {
            // Light text on a light-grey bar would be unreadable.
            &c.task
        } else if t.active || t.done {
            &c.task_text_dark
        } else {
            &c.task_text
        };
        let mut extra: Attrs = vec![("id", format!("{}-{}-text", cx.svg_id, sanitize_id(&t.id)))];
        if link.is_some() {
            extra.push(("font-weight", "bold".into()));
        }
        if let Some(u) = link {
            w.open("a", &[("href", u.clone())]);
            text(&mut w, &b.label, fill, extra);
            w.close("a");
        } else {
            text(&mut w, &b.label, fill, extra);
        }
    }
    w.close("g");
    // Section titles.
    w.open("g", &[("class", "section-titles".into())]);
    for (l, _) in &geo.section_titles {
        text(&mut w, l, &c.text, vec![]);
    }
    w.close("g");
    // `vert` markers.
    for v in &geo.verts {
        let t = &g.tasks[v.task];
        let mut a: Attrs = vec![
            ("id", format!("{}-{}", cx.svg_id, sanitize_id(&t.id))),
            ("x1", num(v.x)),
            ("x2", num(v.x)),
            ("y1", num(v.y0)),
            ("y2", num(v.y1)),
            ("stroke-width", "1.6".into()),
        ];
        a.extend(stroke_attrs(&c.vert));
        w.leaf("line", &a);
        text(&mut w, &v.label, &c.vert, vec![]);
    }
    if let Some((x, y0, y1)) = geo.today {
        let mut a: Attrs = vec![
            ("class", "today".into()),
            ("x1", num(x)),
            ("x2", num(x)),
            ("y1", num(y0)),
            ("y2", num(y1)),
            ("fill", "none".into()),
            ("stroke-width", "2".into()),
        ];
        a.extend(stroke_attrs(&c.today));
        if let TodayMarker::Style(s) = &g.today_marker {
            a.extend(today_style(s));
        }
        w.leaf("line", &a);
    }
    if let Some(t) = &geo.title {
        text(&mut w, t, &c.title, vec![("class", "titleText".into())]);
    }
    end_document(&mut w);
    w.finish()
}
