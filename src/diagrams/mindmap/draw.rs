//! Geometry → SVG: edges (curves coloured per branch, thinner with
//! depth) under the nodes (each shape filled with its branch's colour).

use super::layout::{Geometry, NodeGeo};
use super::model::{Mindmap, Shape};
use crate::diagrams::Context;
use crate::svg::{self, fill_attrs, num, stroke_attrs, Attrs, Head, Writer};
use crate::text::TextStyle;
use crate::theme::color::map;
use crate::theme::Theme;

/// The colours of the branches (`cScale0`…`cScale11`), their label
/// colours (`cScaleLabel…`) and the root's.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub scale: Vec<String>,
    pub label: Vec<String>,
    pub root: String,
    pub root_label: String,
}

impl Palette {
    /// Derived per theme as mermaid-js derives `cScale*`: the primary,
    /// secondary and tertiary colours, then hue turns of the primary.
    pub fn new(theme: &Theme) -> Palette {
        let var = |k: &str| theme.var(k);
        let dark = theme.dark_mode;
        let scale: Vec<String> = if theme.name == "dark" && var("primaryColor").is_none() {
            [
                "#0b0000", "#4d1037", "#3f5258", "#4f2f1b", "#6e0a0a", "#3b0048", "#995a01",
                "#154706", "#161722", "#00296f", "#01629c", "#010029",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        } else {
            let p = &theme.primary;
            let hue = |h: f64| map(p, |c| c.adjust(h, 0.0, 0.0));
            let mut v = vec![p.clone(), theme.secondary.clone(), theme.tertiary.clone()];
            for h in [30.0, 60.0, 90.0, 120.0, 150.0, 210.0, 270.0, 300.0, 330.0] {
                v.push(hue(h));
            }
            let dl = if theme.name == "default" {
                -20.0
            } else {
                -10.0
            };
            v.iter()
                .map(|c| map(c, |c| c.adjust(0.0, 0.0, dl)))
                .collect()
        };
        let scale: Vec<String> = scale
            .into_iter()
            .enumerate()
            .map(|(i, c)| var(&format!("cScale{i}")).unwrap_or(c))
            .collect();
        let label = scale
            .iter()
            .enumerate()
            .map(|(i, c)| {
                var(&format!("cScaleLabel{i}")).unwrap_or_else(|| {
                    if theme.name == "default" {
                        if i == 0 || i == 3 { "#ffffff" } else { "black" }.to_string()
                    } else {
                        contrast(c)
                    }
                })
            })
            .collect();
        let root = var("git0").unwrap_or_else(|| {
            let dl = match theme.name.as_str() {
                "default" => -50.0,
                _ if dark => 25.0,
                _ => -25.0,
            };
            map(&theme.primary, |c| c.adjust(0.0, 0.0, dl))
        });
        let root_label = contrast(&root);
        Palette {
            scale,
            label,
            root,
            root_label,
        }
    }

    fn of(&self, section: Option<usize>) -> (&str, &str) {
        match section {
            None => (&self.root, &self.root_label),
            Some(s) => {
                let i = (s + 1) % self.scale.len();
                (&self.scale[i], &self.label[i])
            }
        }
    }
}

/// Black or white, whichever reads on `fill`.
fn contrast(fill: &str) -> String {
    match crate::theme::color::Rgba::parse(fill) {
        Some(c) if c.hsl().2 < 55.0 => "#ffffff".into(),
        _ => "black".into(),
    }
}

/// A path of arcs bulging out of a rectangle inset in the node's box so
/// the bumps stay inside it: small pointed ones (`bang`) or round ones
/// (`cloud`).
fn bumpy(g: &NodeGeo, bang: bool) -> String {
    let inset = 10.0;
    let (l, t, r, b) = (
        g.left() + inset,
        g.top() + inset,
        g.right() - inset,
        g.bottom() - inset,
    );
    let (step, round) = if bang { (24.0, 0.55) } else { (36.0, 0.72) };
    let corners = [(l, t), (r, t), (r, b), (l, b), (l, t)];
    let mut d = format!("M {} {}", num(l), num(t));
    for k in 0..4 {
        let (ax, ay) = corners[k];
        let (bx, by) = corners[k + 1];
        let len = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt();
        let n = (len / step).round().max(2.0);
        let seg = len / n;
        let rad = seg * round;
        for j in 1..=n as usize {
            let f = j as f64 / n;
            d.push_str(&format!(
                " A {} {} 0 0 1 {} {}",
                num(rad),
                num(rad),
                num(ax + (bx - ax) * f),
                num(ay + (by - ay) * f)
            ));
        }
    }
    d.push_str(" Z");
    d
}

/// Draw the mind map.
pub fn render_svg(m: &Mindmap, geo: &Geometry, cx: &Context<'_>, font_size: f64) -> String {
    let pal = Palette::new(&cx.config.theme);
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "mindmapDiagram",
            width: geo.width,
            height: geo.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size,
            acc_title: m.acc_title.as_deref(),
            acc_descr: m.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("class", "edgePaths".into())]);
    for e in &geo.edges {
        let Some(nd) = m.nodes.get(e.child) else {
            continue;
        };
        let (color, _) = pal.of(nd.section);
        let mut a: Attrs = vec![
            (
                "d",
                format!(
                    "M {} {} C {} {} {} {} {} {}",
                    num(e.from.x),
                    num(e.from.y),
                    num(e.c1.x),
                    num(e.c1.y),
                    num(e.c2.x),
                    num(e.c2.y),
                    num(e.to.x),
                    num(e.to.y)
                ),
            ),
            (
                "class",
                format!(
                    "edge section-edge-{} edge-depth-{}",
                    nd.section.map_or(-1, |s| s as i64),
                    nd.depth
                ),
            ),
            ("fill", "none".into()),
            ("stroke-width", num(e.width)),
        ];
        a.extend(stroke_attrs(color));
        w.leaf("path", &a);
    }
    w.close("g");
    w.open("g", &[("class", "nodes".into())]);
    let style = TextStyle {
        size: font_size,
        ..TextStyle::default()
    };
    for (nd, g) in m.nodes.iter().zip(&geo.nodes) {
        let (fill, text) = pal.of(nd.section);
        let section = match nd.section {
            None => "section-root".to_string(),
            Some(s) => format!("section-{s}"),
        };
        let mut class = format!("node mindmap-node {section}");
        for c in &nd.classes {
            class.push(' ');
            class.push_str(&svg::sanitize_id(c));
        }
        w.open(
            "g",
            &[
                ("class", class),
                (
                    "id",
                    format!("{}-node_{}", cx.svg_id, svg::sanitize_id(&nd.id)),
                ),
            ],
        );
        let (x, y) = (g.centre.x, g.centre.y);
        let mut paint = fill_attrs(fill);
        match nd.shape {
            Shape::Circle => {
                let mut a: Attrs = vec![("cx", num(x)), ("cy", num(y)), ("r", num(g.w / 2.0))];
                a.append(&mut paint);
                w.leaf("circle", &a);
            }
            Shape::Square | Shape::Rounded => {
                let rx = if nd.shape == Shape::Rounded { 5.0 } else { 0.0 };
                let mut a: Attrs = vec![
                    ("x", num(g.left())),
                    ("y", num(g.top())),
                    ("width", num(g.w)),
                    ("height", num(g.h)),
                    ("rx", num(rx)),
                ];
                a.append(&mut paint);
                w.leaf("rect", &a);
            }
            Shape::Default => {
                let r = 5.0;
                let (l, t, rt, b) = (g.left(), g.top(), g.right(), g.bottom());
                let d = format!(
                    "M {l} {b} V {t1} Q {l} {t} {l1} {t} H {r1} Q {rt} {t} {rt} {t1} V {b} Z",
                    l = num(l),
                    b = num(b),
                    t1 = num(t + r),
                    t = num(t),
                    l1 = num(l + r),
                    r1 = num(rt - r),
                    rt = num(rt)
                );
                let mut a: Attrs = vec![("d", d)];
                a.append(&mut paint);
                w.leaf("path", &a);
                let line = map(fill, |c| c.adjust(180.0, 0.0, 10.0));
                let mut a: Attrs = vec![
                    ("x1", num(l)),
                    ("y1", num(b)),
                    ("x2", num(rt)),
                    ("y2", num(b)),
                    ("stroke-width", "3".into()),
                ];
                a.extend(stroke_attrs(&line));
                w.leaf("line", &a);
            }
            Shape::Hexagon => {
                let k = g.h / 4.0;
                let pts = [
                    (g.left() + k, g.top()),
                    (g.right() - k, g.top()),
                    (g.right(), y),
                    (g.right() - k, g.bottom()),
                    (g.left() + k, g.bottom()),
                    (g.left(), y),
                ];
                let p: Vec<String> = pts
                    .iter()
                    .map(|(a, b)| format!("{},{}", num(*a), num(*b)))
                    .collect();
                let mut a: Attrs = vec![("points", p.join(" "))];
                a.append(&mut paint);
                w.leaf("polygon", &a);
            }
            Shape::Cloud | Shape::Bang => {
                let mut a: Attrs = vec![("d", bumpy(g, nd.shape == Shape::Bang))];
                a.append(&mut paint);
                w.leaf("path", &a);
            }
        }
        let mut extra = fill_attrs(text);
        extra.push(("class", "mindmap-node-label".into()));
        svg::label(&mut w, &g.text, g.centre, extra, style);
        w.close("g");
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}
