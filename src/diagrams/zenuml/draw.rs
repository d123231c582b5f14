//! Geometry → SVG in ZenUML's light look: a frame with a title band,
//! white participant boxes with grey borders and type icons, dashed
//! lifelines, grey activation bars, solid call arrows with filled heads,
//! open heads for async messages, dashed returns, fragments with a grey
//! header band. Other themes take their colours from the theme.

use super::layout::{
    Anchor, ArrowStyle, Geometry, Role, Shape, Txt, HEADER, LABEL_SIZE, NUMBER_SIZE,
    PARTICIPANT_SIZE, SELF_W, TITLE_SIZE,
};
use super::model::{Diagram, FragmentKind, Kind};
use crate::diagrams::Context;
use crate::geometry::Point;
use crate::svg::{self, fill_attrs, num, stroke_attrs, Attrs, Head, Writer};
use crate::text::{TextBox, TextStyle};
use crate::theme::Theme;

/// The colours a drawing uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub frame: String,
    pub background: String,
    pub box_fill: String,
    pub box_stroke: String,
    pub text: String,
    pub line: String,
    pub lifeline: String,
    pub occurrence: String,
    pub fragment_header: String,
    pub separator: String,
    pub number: String,
    pub divider_fill: String,
    pub divider_stroke: String,
}

impl Palette {
    /// ZenUML's own colours for the default theme; the theme's otherwise.
    pub fn from_theme(t: &Theme) -> Palette {
        if t.name == "default" {
            return Palette {
                frame: "#666".into(),
                background: "#ffffff".into(),
                box_fill: "#ffffff".into(),
                box_stroke: "#666".into(),
                text: "#222".into(),
                line: "#000".into(),
                lifeline: "#666".into(),
                occurrence: "#dedede".into(),
                fragment_header: "rgba(222, 222, 222, 0.5)".into(),
                separator: "#e5e7eb".into(),
                number: "#6b7280".into(),
                divider_fill: "#fff5ad".into(),
                divider_stroke: "#aaaa33".into(),
            };
        }
        Palette {
            frame: t.node_stroke.clone(),
            background: t.background.clone(),
            box_fill: t.node_fill.clone(),
            box_stroke: t.node_stroke.clone(),
            text: t.text.clone(),
            line: t.line.clone(),
            lifeline: t.line.clone(),
            occurrence: t.cluster_fill.clone(),
            fragment_header: t.cluster_fill.clone(),
            separator: t.cluster_stroke.clone(),
            number: t.text.clone(),
            divider_fill: t.cluster_fill.clone(),
            divider_stroke: t.cluster_stroke.clone(),
        }
    }
}

fn rect(w: &mut Writer, x: f64, y: f64, wd: f64, h: f64, rx: f64, mut extra: Attrs) {
    let mut a: Attrs = vec![
        ("x", num(x)),
        ("y", num(y)),
        ("width", num(wd)),
        ("height", num(h)),
    ];
    if rx > 0.0 {
        a.push(("rx", num(rx)));
    }
    a.append(&mut extra);
    w.leaf("rect", &a);
}

fn line(w: &mut Writer, x1: f64, y1: f64, x2: f64, y2: f64, mut extra: Attrs) {
    let mut a: Attrs = vec![
        ("x1", num(x1)),
        ("y1", num(y1)),
        ("x2", num(x2)),
        ("y2", num(y2)),
    ];
    a.append(&mut extra);
    w.leaf("line", &a);
}

fn path(w: &mut Writer, d: String, mut extra: Attrs) {
    let mut a: Attrs = vec![("d", d)];
    a.append(&mut extra);
    w.leaf("path", &a);
}

fn strokes(colour: &str, width: f64) -> Attrs {
    let mut a = stroke_attrs(colour);
    a.push(("stroke-width", num(width)));
    a
}

/// A participant type's icon in a 24 px square at `(x, y)`.
fn icon(w: &mut Writer, kind: Kind, x: f64, y: f64, colour: &str) {
    let mut a: Attrs = vec![("fill", "none".into())];
    a.extend(strokes(colour, 1.5));
    a.push(("stroke-linecap", "round".into()));
    let p = |dx: f64, dy: f64| format!("{} {}", num(x + dx), num(y + dy));
    let d = match kind {
        Kind::Plain => return,
        Kind::Actor => format!(
            "M{} a3.5 3.5 0 1 0 7 0 a3.5 3.5 0 1 0 -7 0 M{} V{} M{} H{} M{} L{} M{} L{}",
            p(8.5, 4.5),
            p(12.0, 8.0),
            num(y + 17.0),
            p(6.0, 11.5),
            num(x + 18.0),
            p(12.0, 17.0),
            p(7.0, 23.0),
            p(12.0, 17.0),
            p(17.0, 23.0)
        ),
        Kind::Database => format!(
            "M{} a8 3 0 1 0 16 0 a8 3 0 1 0 -16 0 V{} a8 3 0 0 0 16 0 V{}",
            p(4.0, 5.0),
            num(y + 19.0),
            num(y + 5.0)
        ),
        Kind::Boundary => format!(
            "M{} V{} M{} H{} M{} a7 7 0 1 0 14 0 a7 7 0 1 0 -14 0",
            p(2.0, 5.0),
            num(y + 19.0),
            p(2.0, 12.0),
            num(x + 8.0),
            p(8.0, 12.0)
        ),
        Kind::Control => format!(
            "M{} a8 8 0 1 0 16 0 a8 8 0 1 0 -16 0 M{} L{} L{}",
            p(4.0, 13.0),
            p(10.0, 2.0),
            p(14.0, 5.0),
            p(10.0, 8.0)
        ),
        Kind::Entity => format!(
            "M{} a8 8 0 1 0 16 0 a8 8 0 1 0 -16 0 M{} H{}",
            p(4.0, 10.0),
            p(4.0, 21.0),
            num(x + 20.0)
        ),
        Kind::Collections => format!(
            "M{} h14 v12 h-14 Z M{} V{} H{} M{} V{} H{}",
            p(6.0, 3.0),
            p(4.0, 5.0),
            num(y + 17.0),
            num(x + 18.0),
            p(2.0, 7.0),
            num(y + 19.0),
            num(x + 16.0)
        ),
        Kind::Queue => format!(
            "M{} a3 7 0 1 0 0 14 a3 7 0 1 0 0 -14 H{} a3 7 0 0 1 0 14 H{}",
            p(5.0, 5.0),
            num(x + 19.0),
            num(x + 5.0)
        ),
    };
    path(w, d, a);
}

/// A fragment kind's small icon in a 16 px square at `(x, y)`.
fn fragment_icon(w: &mut Writer, kind: FragmentKind, x: f64, y: f64, colour: &str) {
    let mut a: Attrs = vec![("fill", "none".into())];
    a.extend(strokes(colour, 1.5));
    a.push(("stroke-linejoin", "round".into()));
    let p = |dx: f64, dy: f64| format!("{} {}", num(x + dx), num(y + dy));
    let d = match kind {
        FragmentKind::Opt => format!("M{} a6 6 0 1 0 12 0 a6 6 0 1 0 -12 0", p(2.0, 8.0)),
        FragmentKind::Alt => {
            format!(
                "M{} L{} L{} L{} Z",
                p(8.0, 3.0),
                p(14.0, 8.0),
                p(8.0, 13.0),
                p(2.0, 8.0)
            )
        }
        FragmentKind::Loop => format!(
            "M{} V{} H{} V{} H{} M{} L{} L{}",
            p(5.0, 12.0),
            num(y + 3.0),
            num(x + 14.0),
            num(y + 12.0),
            num(x + 8.0),
            p(10.0, 10.0),
            p(8.0, 12.0),
            p(10.0, 14.0)
        ),
        FragmentKind::Par => format!(
            "M{} H{} M{} H{}",
            p(2.0, 6.0),
            num(x + 14.0),
            p(2.0, 10.0),
            num(x + 14.0)
        ),
        FragmentKind::Try => format!(
            "M{} H{} V{} H{} M{} H{} M{} H{}",
            p(6.0, 3.0),
            num(x + 2.0),
            num(y + 13.0),
            num(x + 6.0),
            p(8.0, 6.0),
            num(x + 14.0),
            p(8.0, 10.0),
            num(x + 14.0)
        ),
        FragmentKind::Critical => format!(
            "M{} V{} M{} V{}",
            p(8.0, 2.0),
            num(y + 10.0),
            p(8.0, 13.0),
            num(y + 13.5)
        ),
        FragmentKind::Section => format!(
            "M{} H{} M{} H{} M{} H{}",
            p(2.0, 4.0),
            num(x + 14.0),
            p(2.0, 8.0),
            num(x + 14.0),
            p(2.0, 12.0),
            num(x + 10.0)
        ),
    };
    path(w, d, a);
}

/// An arrow head at `(x, y)` pointing `dir` (+1 right, -1 left).
fn head(w: &mut Writer, x: f64, y: f64, dir: f64, filled: bool, colour: &str) {
    let bx = x - 7.0 * dir;
    if filled {
        let mut a: Attrs = vec![(
            "points",
            format!(
                "{},{} {},{} {},{}",
                num(bx),
                num(y - 3.5),
                num(x),
                num(y),
                num(bx),
                num(y + 3.5)
            ),
        )];
        a.extend(fill_attrs(colour));
        a.extend(strokes(colour, 1.5));
        a.push(("stroke-linejoin", "round".into()));
        w.leaf("polygon", &a);
    } else {
        let mut a: Attrs = vec![(
            "points",
            format!(
                "{},{} {},{} {},{}",
                num(bx),
                num(y - 3.5),
                num(x),
                num(y),
                num(bx),
                num(y + 3.5)
            ),
        )];
        a.push(("fill", "none".into()));
        a.extend(strokes(colour, 2.0));
        a.push(("stroke-linecap", "round".into()));
        a.push(("stroke-linejoin", "round".into()));
        w.leaf("polyline", &a);
    }
}

fn text_style(role: Role) -> TextStyle {
    let (size, bold) = match role {
        Role::Title => (TITLE_SIZE, true),
        Role::Participant => (PARTICIPANT_SIZE, false),
        Role::Stereotype | Role::Number => (NUMBER_SIZE, false),
        Role::FragmentLabel => (LABEL_SIZE, true),
        Role::Group => (13.0, false),
        _ => (LABEL_SIZE, false),
    };
    TextStyle {
        size,
        bold,
        italic: false,
    }
}

fn draw_text(w: &mut Writer, t: &Txt, colour: &str, opacity: Option<f64>) {
    let style = text_style(t.role);
    let mut base: Attrs = fill_attrs(colour);
    base.push(("font-size", num(style.size)));
    if style.bold {
        base.push(("font-weight", "bold".into()));
    }
    if let Some(o) = opacity {
        base.push(("opacity", num(o)));
    }
    let (l, _, _, _) = t.rect();
    for (k, lb) in t.tb.lines.iter().enumerate() {
        if lb.text.trim().is_empty() {
            continue;
        }
        let baseline = t.baseline + k as f64 * t.tb.line_height;
        if lb.is_plain(style) {
            let x = match t.anchor {
                Anchor::Start => l,
                Anchor::Middle => l + t.tb.width / 2.0,
                Anchor::End => l + t.tb.width,
            };
            let anchor = match t.anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let mut a: Attrs = vec![
                ("x", num(x)),
                ("y", num(baseline)),
                ("text-anchor", anchor.into()),
            ];
            a.extend(base.iter().cloned());
            w.text_element("text", &a, &lb.text);
            continue;
        }
        let left = match t.anchor {
            Anchor::Start => l,
            Anchor::Middle => l + (t.tb.width - lb.width) / 2.0,
            Anchor::End => l + t.tb.width - lb.width,
        };
        let one = TextBox {
            lines: vec![lb.clone()],
            width: lb.width,
            height: t.tb.line_height,
            line_height: t.tb.line_height,
            baseline: t.tb.baseline,
        };
        let centre = Point::new(
            left + lb.width / 2.0,
            baseline - t.tb.baseline + t.tb.line_height / 2.0,
        );
        svg::label(w, &one, centre, base.clone(), style);
    }
}

/// Draw the diagram.
pub fn render_svg(d: &Diagram, geo: &Geometry, cx: &Context<'_>) -> String {
    let theme = &cx.config.theme;
    let pal = Palette::from_theme(theme);
    let mut w = Writer::default();
    svg::begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "zenuml",
            width: geo.width,
            height: geo.height,
            font_family: theme.font_family.as_deref(),
            font_size: LABEL_SIZE,
            acc_title: d.acc_title.as_deref(),
            acc_descr: d.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    // The frame.
    rect(
        &mut w,
        0.0,
        0.0,
        geo.width,
        geo.height,
        4.0,
        fill_attrs(&pal.frame),
    );
    rect(
        &mut w,
        1.0,
        1.0,
        geo.width - 2.0,
        geo.height - 2.0,
        3.0,
        fill_attrs(&pal.background),
    );
    line(
        &mut w,
        1.0,
        HEADER - 0.5,
        geo.width - 1.0,
        HEADER - 0.5,
        strokes(&pal.frame, 1.0),
    );
    if let Some(t) = &geo.title {
        draw_text(&mut w, t, &pal.text, None);
    }
    w.open(
        "g",
        &[(
            "transform",
            format!("translate({}, {})", num(geo.dx), num(HEADER)),
        )],
    );
    // Back to front: groups and fragments, lifelines, bars, arrows, boxes.
    for s in &geo.shapes {
        match s {
            Shape::Group { x, y, w: wd, h } => {
                let mut a: Attrs = vec![("fill", "none".into())];
                a.extend(strokes(&pal.box_stroke, 1.0));
                a.push(("stroke-dasharray", "4,3".into()));
                rect(&mut w, *x, *y, *wd, *h, 3.0, a);
            }
            Shape::Fragment {
                x,
                y,
                w: wd,
                h,
                kind,
                separators,
            } => {
                w.open("g", &[("class", "fragment".into())]);
                rect(
                    &mut w,
                    *x + 0.5,
                    *y + 0.5,
                    *wd - 1.0,
                    25.0,
                    0.0,
                    fill_attrs(&pal.fragment_header),
                );
                let mut a: Attrs = vec![("fill", "none".into())];
                a.extend(strokes(&pal.box_stroke, 1.0));
                rect(&mut w, *x, *y, *wd, *h, 4.0, a);
                for sy in separators {
                    line(
                        &mut w,
                        *x + 0.5,
                        *sy,
                        x + wd - 0.5,
                        *sy,
                        strokes(&pal.separator, 1.0),
                    );
                }
                if let Some(k) = kind {
                    fragment_icon(&mut w, *k, x + 6.0, y + 4.5, &pal.line);
                }
                w.close("g");
            }
            _ => {}
        }
    }
    for s in &geo.shapes {
        if let Shape::Lifeline { x, y1, y2 } = s {
            let mut a = strokes(&pal.lifeline, 1.0);
            a.push(("stroke-dasharray", "5,5".into()));
            line(&mut w, *x, *y1, *x, *y2, a);
        }
    }
    for s in &geo.shapes {
        if let Shape::Divider { x1, x2, y, note } = s {
            line(&mut w, *x1, *y, *x2, *y, strokes(&pal.divider_stroke, 1.0));
            let mut a = fill_attrs(&pal.divider_fill);
            a.extend(strokes(&pal.divider_stroke, 1.0));
            rect(&mut w, note.0, note.1, note.2, note.3, 2.0, a);
        }
    }
    for s in &geo.shapes {
        if let Shape::Occurrence { x, y, w: wd, h } = s {
            let mut a = fill_attrs(&pal.occurrence);
            a.extend(strokes(&pal.box_stroke, 1.5));
            rect(&mut w, *x, *y, *wd, *h, 1.0, a);
        }
    }
    for s in &geo.shapes {
        match s {
            Shape::Arrow { x1, x2, y, style } => {
                let mut a = strokes(&pal.line, 2.0);
                if matches!(style, ArrowStyle::Reply | ArrowStyle::Create) {
                    a.push(("stroke-dasharray", "6,4".into()));
                }
                line(&mut w, *x1, *y, *x2, *y, a);
                let dir = if x2 >= x1 { 1.0 } else { -1.0 };
                head(&mut w, *x2, *y, dir, *style == ArrowStyle::Sync, &pal.line);
            }
            Shape::SelfArrow {
                x,
                y1,
                y2,
                x_back,
                style,
            } => {
                let mut a: Attrs = vec![("fill", "none".into())];
                a.extend(strokes(&pal.line, 2.0));
                if matches!(style, ArrowStyle::Reply | ArrowStyle::Create) {
                    a.push(("stroke-dasharray", "6,4".into()));
                }
                path(
                    &mut w,
                    format!(
                        "M{} {} H{} V{} H{}",
                        num(*x),
                        num(*y1),
                        num(x + SELF_W),
                        num(*y2),
                        num(*x_back)
                    ),
                    a,
                );
                head(
                    &mut w,
                    *x_back,
                    *y2,
                    -1.0,
                    *style == ArrowStyle::Sync,
                    &pal.line,
                );
            }
            _ => {}
        }
    }
    for s in &geo.shapes {
        if let Shape::Participant {
            x,
            y,
            w: wd,
            h,
            kind,
            icon: ic,
            color,
            index,
        } = s
        {
            let id = d.participants.get(*index).map_or("", |p| p.id.as_str());
            w.open(
                "g",
                &[
                    ("class", "participant".into()),
                    ("data-participant", id.to_string()),
                ],
            );
            let fill = color.as_deref().unwrap_or(&pal.box_fill);
            let mut a = fill_attrs(fill);
            if a.is_empty() {
                a = fill_attrs(&pal.box_fill);
            }
            a.extend(strokes(&pal.box_stroke, 2.0));
            rect(&mut w, *x, *y, *wd, *h, 3.0, a);
            if let Some((ix, iy)) = ic {
                icon(&mut w, *kind, *ix, *iy, &pal.text);
            }
            w.close("g");
        }
    }
    for t in &geo.texts {
        let (colour, opacity) = match t.role {
            Role::Number => (&pal.number, None),
            Role::Comment => (&pal.text, Some(0.6)),
            Role::Condition => (&pal.text, Some(0.8)),
            Role::FragmentLabel => (&pal.line, None),
            _ => (&pal.text, None),
        };
        draw_text(&mut w, t, colour, opacity);
    }
    w.close("g");
    svg::end_document(&mut w);
    w.finish()
}
