//! Geometry → SVG: lanes and branch labels, arrows, commit symbols,
//! commit labels and tags, painted with the theme's git colours.

use super::layout::{
    Geometry, TextGeo, ARROW_RADIUS, ARROW_WIDTH, COMMIT_RADIUS, LABEL_FONT, TITLE_FONT,
};
use super::model::CommitKind;
use super::palette::Palette;
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{self, fill_attrs, num, stroke_attrs, Attrs, Head, Writer};
use crate::text::TextStyle;

/// What the drawing needs besides the geometry.
pub struct DrawInput<'a> {
    pub palette: &'a Palette,
    pub font_size: f64,
    pub acc_title: Option<&'a str>,
    pub acc_descr: Option<&'a str>,
}

/// An SVG path through `pts` whose corners are arcs of at most
/// [`ARROW_RADIUS`].
pub fn path_d(pts: &[Point]) -> String {
    let Some(first) = pts.first() else {
        return String::new();
    };
    let mut d = format!("M {} {}", num(first.x), num(first.y));
    let last = pts.len().saturating_sub(1);
    for i in 1..pts.len() {
        let p = pts[i];
        if i == last {
            d.push_str(&format!(" L {} {}", num(p.x), num(p.y)));
            break;
        }
        let (a, b) = (pts[i - 1], pts[i + 1]);
        let (l1, l2) = (dist(a, p), dist(p, b));
        if l1 < 1e-9 || l2 < 1e-9 {
            continue;
        }
        let r = ARROW_RADIUS
            .min(if i == 1 { l1 } else { l1 / 2.0 })
            .min(if i + 1 == last { l2 } else { l2 / 2.0 });
        let d1 = ((p.x - a.x) / l1, (p.y - a.y) / l1);
        let d2 = ((b.x - p.x) / l2, (b.y - p.y) / l2);
        let s = Point::new(p.x - d1.0 * r, p.y - d1.1 * r);
        let e = Point::new(p.x + d2.0 * r, p.y + d2.1 * r);
        let sweep = if d1.0 * d2.1 - d1.1 * d2.0 > 0.0 {
            1
        } else {
            0
        };
        d.push_str(&format!(
            " L {} {} A {} {} 0 0 {} {} {}",
            num(s.x),
            num(s.y),
            num(r),
            num(r),
            sweep,
            num(e.x),
            num(e.y)
        ));
    }
    d
}

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

fn style(size: f64) -> TextStyle {
    TextStyle {
        size,
        ..TextStyle::default()
    }
}

/// A text in its (optionally rotated) box: the box first when `bg` is given.
fn boxed_text(w: &mut Writer, t: &TextGeo, bg: Option<Attrs>, fill: &str, size: f64) {
    let rotated = t.angle.abs() > 1e-9;
    if rotated {
        w.open(
            "g",
            &[(
                "transform",
                format!(
                    "rotate({} {} {})",
                    num(t.angle),
                    num(t.centre.x),
                    num(t.centre.y)
                ),
            )],
        );
    }
    if let Some(mut a) = bg {
        let mut attrs: Attrs = vec![
            ("x", num(t.centre.x - t.w / 2.0)),
            ("y", num(t.centre.y - t.h / 2.0)),
            ("width", num(t.w)),
            ("height", num(t.h)),
        ];
        attrs.append(&mut a);
        w.leaf("rect", &attrs);
    }
    let mut extra = fill_attrs(fill);
    extra.push(("font-size", num(size)));
    svg::label(w, &t.text, t.centre, extra, style(size));
    if rotated {
        w.close("g");
    }
}

/// Draw the geometry.
pub fn render_svg(geo: &Geometry, input: &DrawInput<'_>, cx: &Context<'_>) -> String {
    let pal = input.palette;
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "gitGraph",
            width: geo.width,
            height: geo.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: input.font_size,
            acc_title: input.acc_title,
            acc_descr: input.acc_descr,
            background: cx.background,
        },
    );
    if let Some(t) = &geo.title {
        w.open("g", &[("class", "gitTitleText".into())]);
        boxed_text(&mut w, t, None, &pal.title, TITLE_FONT);
        w.close("g");
    }
    w.open("g", &[("class", "branches".into())]);
    for l in &geo.lanes {
        let mut a: Attrs = vec![
            ("x1", num(l.from.x)),
            ("y1", num(l.from.y)),
            ("x2", num(l.to.x)),
            ("y2", num(l.to.y)),
            ("class", format!("branch branch{}", l.color)),
            ("stroke-width", "1".into()),
            ("stroke-dasharray", "2".into()),
        ];
        a.extend(stroke_attrs(&pal.line));
        w.leaf("line", &a);
        if let Some(t) = &l.label {
            let mut bg: Attrs = vec![
                ("class", format!("branchLabelBkg label{}", l.color)),
                ("rx", "4".into()),
                ("ry", "4".into()),
            ];
            bg.extend(fill_attrs(pal.git(l.color)));
            boxed_text(
                &mut w,
                t,
                Some(bg),
                pal.branch_label(l.color),
                input.font_size,
            );
        }
    }
    w.close("g");
    w.open("g", &[("class", "commit-arrows".into())]);
    for a in &geo.arrows {
        let mut attrs: Attrs = vec![
            ("d", path_d(&a.points)),
            ("class", format!("arrow arrow{}", a.color)),
            ("fill", "none".into()),
            ("stroke-width", num(ARROW_WIDTH)),
            ("stroke-linecap", "round".into()),
        ];
        attrs.extend(stroke_attrs(pal.git(a.color)));
        w.leaf("path", &attrs);
    }
    w.close("g");
    w.open("g", &[("class", "commit-bullets".into())]);
    for c in &geo.commits {
        let (x, y) = (c.at.x, c.at.y);
        let r = COMMIT_RADIUS;
        let git = pal.git(c.color);
        let circle = |w: &mut Writer, r: f64, fill: &str, class: &str| {
            let mut a: Attrs = vec![
                ("cx", num(x)),
                ("cy", num(y)),
                ("r", num(r)),
                ("class", class.to_string()),
            ];
            a.extend(fill_attrs(fill));
            w.leaf("circle", &a);
        };
        match c.kind {
            CommitKind::Highlight => {
                let mut a: Attrs = vec![
                    ("x", num(x - r)),
                    ("y", num(y - r)),
                    ("width", num(2.0 * r)),
                    ("height", num(2.0 * r)),
                    ("class", format!("commit commit-highlight{}", c.color)),
                ];
                a.extend(fill_attrs(pal.inv(c.color)));
                w.leaf("rect", &a);
                let mut a: Attrs = vec![
                    ("x", num(x - 6.0)),
                    ("y", num(y - 6.0)),
                    ("width", "12".into()),
                    ("height", "12".into()),
                    ("class", "commit commit-highlight-inner".into()),
                ];
                a.extend(fill_attrs(&pal.primary));
                w.leaf("rect", &a);
            }
            kind => {
                let fill = if kind == CommitKind::CherryPick {
                    pal.cherry.as_str()
                } else {
                    git
                };
                circle(&mut w, r, fill, &format!("commit commit{}", c.color));
                match kind {
                    CommitKind::Merge => circle(&mut w, 6.0, &pal.primary, "commit commit-merge"),
                    CommitKind::Reverse => {
                        let mut a: Attrs = vec![
                            (
                                "d",
                                format!(
                                    "M {} {} L {} {} M {} {} L {} {}",
                                    num(x - 5.0),
                                    num(y - 5.0),
                                    num(x + 5.0),
                                    num(y + 5.0),
                                    num(x - 5.0),
                                    num(y + 5.0),
                                    num(x + 5.0),
                                    num(y - 5.0)
                                ),
                            ),
                            ("class", "commit commit-reverse".into()),
                            ("stroke-width", "3".into()),
                            ("fill", "none".into()),
                        ];
                        a.extend(stroke_attrs(&pal.primary));
                        w.leaf("path", &a);
                    }
                    CommitKind::CherryPick => {
                        w.leaf(
                            "circle",
                            &[
                                ("cx", num(x - 3.0)),
                                ("cy", num(y + 2.0)),
                                ("r", "2.75".into()),
                                ("fill", "#fff".into()),
                            ],
                        );
                        w.leaf(
                            "circle",
                            &[
                                ("cx", num(x + 3.0)),
                                ("cy", num(y + 2.0)),
                                ("r", "2.75".into()),
                                ("fill", "#fff".into()),
                            ],
                        );
                        for dx in [3.0, -3.0] {
                            w.leaf(
                                "line",
                                &[
                                    ("x1", num(x + dx)),
                                    ("y1", num(y + 1.0)),
                                    ("x2", num(x)),
                                    ("y2", num(y - 5.0)),
                                    ("stroke", "#fff".into()),
                                ],
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    w.close("g");
    w.open("g", &[("class", "commit-labels".into())]);
    for c in &geo.commits {
        if let Some(t) = &c.label {
            let mut bg: Attrs = vec![
                ("class", "commit-label-bkg".into()),
                ("opacity", "0.5".into()),
            ];
            bg.extend(fill_attrs(&pal.commit_label_bg));
            boxed_text(&mut w, t, Some(bg), &pal.commit_label, LABEL_FONT);
        }
        for tag in &c.tags {
            let pts: Vec<String> = tag
                .outline
                .iter()
                .map(|p| format!("{},{}", num(p.x), num(p.y)))
                .collect();
            let mut a: Attrs = vec![("points", pts.join(" ")), ("class", "tag-label-bkg".into())];
            a.extend(fill_attrs(&pal.tag_bg));
            a.extend(stroke_attrs(&pal.tag_border));
            w.leaf("polygon", &a);
            let mut a: Attrs = vec![
                ("cx", num(tag.hole.x)),
                ("cy", num(tag.hole.y)),
                ("r", "1.5".into()),
                ("class", "tag-hole".into()),
            ];
            a.extend(fill_attrs(&pal.tag_hole));
            w.leaf("circle", &a);
            boxed_text(&mut w, &tag.label, None, &pal.tag_text, LABEL_FONT);
        }
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}
