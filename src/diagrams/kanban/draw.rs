//! Geometry → SVG: column boxes in the theme's section colours with their
//! titles, cards with their text, priority bar, ticket (a link when
//! `ticketBaseUrl` makes an http(s) address) and assignee.

use super::layout::{Geometry, Placed};
use super::model::{Board, Priority};
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{self, fill_attrs, num, stroke_attrs, Attrs, Head, Writer};
use crate::text::TextStyle;
use crate::theme::color::map;
use crate::theme::Theme;

/// Column colours: the theme's section scale (`cScale*`), lightened.
pub fn column_colors(theme: &Theme) -> Vec<String> {
    let var = |k: &str| theme.var(k);
    let base: Vec<String> = if theme.name == "dark" && var("primaryColor").is_none() {
        [
            "#0b0000", "#4d1037", "#3f5258", "#4f2f1b", "#6e0a0a", "#3b0048", "#995a01", "#154706",
            "#161722", "#00296f", "#01629c", "#010029",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    } else {
        let p = &theme.primary;
        let mut v = vec![p.clone(), theme.secondary.clone(), theme.tertiary.clone()];
        for h in [30.0, 60.0, 90.0, 120.0, 150.0, 210.0, 270.0, 300.0, 330.0] {
            v.push(map(p, |c| c.adjust(h, 0.0, 0.0)));
        }
        v.iter()
            .map(|c| map(c, |c| c.adjust(0.0, 0.0, -10.0)))
            .collect()
    };
    base.into_iter()
        .enumerate()
        .map(|(i, c)| var(&format!("cScale{i}")).unwrap_or(c))
        .collect()
}

/// Colour of a priority bar.
pub fn priority_color(p: Priority) -> &'static str {
    match p {
        Priority::VeryHigh => "red",
        Priority::High => "orange",
        Priority::Low => "blue",
        Priority::VeryLow => "lightblue",
    }
}

/// The ticket's address: `base` with `#TICKET#` replaced, only when it is
/// an http(s) address.
pub fn ticket_url(base: Option<&str>, ticket: &str) -> Option<String> {
    let base = base?.trim();
    let safe = ticket
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c));
    if !safe || ticket.is_empty() {
        return None;
    }
    let url = base.replace("#TICKET#", ticket);
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || "\"'<>`\\".contains(c));
    ok.then_some(url)
}

fn text_at(w: &mut Writer, p: &Placed, fill: &str, extra: Attrs, style: TextStyle) {
    let (l, t, r, _) = p.bounds();
    let mut a = fill_attrs(fill);
    a.extend(extra);
    if p.text.lines.iter().all(|l| l.is_plain(style)) && p.text.lines.len() == 1 {
        let mut attrs: Attrs = vec![
            ("x", num(if p.anchor_end { r } else { l })),
            ("y", num(t + p.text.baseline)),
            (
                "text-anchor",
                if p.anchor_end { "end" } else { "start" }.into(),
            ),
        ];
        attrs.extend(a);
        w.text_element("text", &attrs, &p.text.lines[0].text);
        return;
    }
    // Multi-line or styled text: lines centred on their own width, so
    // shift the centre to keep every line left-aligned.
    for (k, line) in p.text.lines.iter().enumerate() {
        let one = crate::text::TextBox {
            lines: vec![line.clone()],
            width: line.width,
            height: p.text.line_height,
            line_height: p.text.line_height,
            baseline: p.text.baseline,
        };
        let cx = if p.anchor_end {
            r - line.width / 2.0
        } else {
            l + line.width / 2.0
        };
        let cy = t + (k as f64 + 0.5) * p.text.line_height;
        svg::label(w, &one, Point::new(cx, cy), a.clone(), style);
    }
}

/// Draw the board.
pub fn render_svg(
    b: &Board,
    geo: &Geometry,
    cx: &Context<'_>,
    font_size: f64,
    ticket_base: Option<&str>,
) -> String {
    let theme = &cx.config.theme;
    let colors = column_colors(theme);
    let style = TextStyle {
        size: font_size,
        ..TextStyle::default()
    };
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "kanban",
            width: geo.width,
            height: geo.height,
            font_family: theme.font_family.as_deref(),
            font_size,
            acc_title: b.acc_title.as_deref(),
            acc_descr: b.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    let card_fill = if theme.dark_mode {
        theme.primary.clone()
    } else {
        theme.background.clone()
    };
    w.open("g", &[("class", "sections".into())]);
    for (k, (col, g)) in b.columns.iter().zip(&geo.columns).enumerate() {
        let fill = &colors[(k + 2) % colors.len()];
        w.open(
            "g",
            &[
                ("class", format!("cluster section-{}", k + 1)),
                ("id", format!("{}-{}", cx.svg_id, svg::sanitize_id(&col.id))),
            ],
        );
        let mut a: Attrs = vec![
            ("x", num(g.x)),
            ("y", num(g.y)),
            ("width", num(g.w)),
            ("height", num(g.h)),
            ("rx", "5".into()),
        ];
        a.extend(fill_attrs(fill));
        a.extend(stroke_attrs(fill));
        w.leaf("rect", &a);
        svg::label(
            &mut w,
            &g.title,
            g.title_centre,
            fill_attrs(&theme.text),
            style,
        );
        w.close("g");
    }
    w.close("g");
    w.open("g", &[("class", "items".into())]);
    for (col, g) in b.columns.iter().zip(&geo.columns) {
        for (it, c) in col.items.iter().zip(&g.cards) {
            w.open(
                "g",
                &[
                    ("class", "node".into()),
                    ("id", format!("{}-{}", cx.svg_id, svg::sanitize_id(&it.id))),
                ],
            );
            let mut a: Attrs = vec![
                ("x", num(c.x)),
                ("y", num(c.y)),
                ("width", num(c.w)),
                ("height", num(c.h)),
                ("rx", "5".into()),
            ];
            a.extend(fill_attrs(&card_fill));
            a.extend(stroke_attrs(&theme.node_stroke));
            w.leaf("rect", &a);
            text_at(&mut w, &c.text, &theme.text, vec![], style);
            if let (Some(t), Some(name)) = (&c.ticket, it.ticket.as_deref()) {
                let url = ticket_url(ticket_base, name);
                if let Some(u) = &url {
                    w.open(
                        "a",
                        &[("href", u.clone()), ("class", "kanban-ticket-link".into())],
                    );
                }
                text_at(
                    &mut w,
                    t,
                    &theme.text,
                    vec![("text-decoration", "underline".into())],
                    style,
                );
                if url.is_some() {
                    w.close("a");
                }
            }
            if let Some(p) = &c.assigned {
                text_at(&mut w, p, &theme.text, vec![], style);
            }
            if let Some(p) = it.priority {
                w.leaf(
                    "line",
                    &[
                        ("x1", num(c.x + 2.0)),
                        ("y1", num(c.y + 2.0)),
                        ("x2", num(c.x + 2.0)),
                        ("y2", num(c.y + c.h - 2.0)),
                        ("stroke-width", "4".into()),
                        ("stroke", priority_color(p).into()),
                    ],
                );
            }
            w.close("g");
        }
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}
