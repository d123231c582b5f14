//! [`Layout`] → SVG, in Mermaid's look. Never measures text.

use super::layout::{
    ActorGeom, Bx, FrameGeom, Label, Layout, Path, LOOP_HEIGHT, NUMBER_RADIUS, SYMBOL_HEIGHT,
};
use super::model::{BlockKind, Diagram, Event, Head, Kind};
use super::Align;
use crate::diagrams::Context;
use crate::svg::{
    begin_document, end_document, fill_attrs, num, stroke_attrs, Attrs, Head as SvgHead, Writer,
};
use crate::theme::Theme;

/// The colours a sequence diagram paints with (Mermaid's theme variables).
#[derive(Debug, Clone, PartialEq)]
pub struct Colors {
    pub actor_bkg: String,
    pub actor_border: String,
    pub actor_text: String,
    pub actor_line: String,
    pub signal: String,
    pub signal_text: String,
    pub label_box_bkg: String,
    pub label_box_border: String,
    pub label_text: String,
    pub loop_text: String,
    pub note_bkg: String,
    pub note_border: String,
    pub note_text: String,
    pub activation_bkg: String,
    pub activation_border: String,
    pub number_text: String,
    pub title: String,
    pub group_border: String,
}

impl Colors {
    /// Derived from the theme the way mermaid-js's themes do, each one
    /// overridable by its theme variable.
    pub fn from_theme(t: &Theme) -> Colors {
        let v = |k: &str, d: String| t.var(k).unwrap_or(d);
        let dark = t.dark_mode;
        let actor_bkg = v("actorBkg", t.node_fill.clone());
        let actor_border = v("actorBorder", t.node_stroke.clone());
        let actor_text = v(
            "actorTextColor",
            if dark || t.name == "base" || t.name == "neutral" {
                t.primary_text.clone()
            } else {
                "black".into()
            },
        );
        let actor_line = v("actorLineColor", actor_border.clone());
        let signal = v("signalColor", t.text.clone());
        let signal_text = v("signalTextColor", t.text.clone());
        let (note_bkg, note_border, note_text) = match t.name.as_str() {
            "dark" => (
                "#fff5ad".to_string(),
                "#aaaa33".to_string(),
                "#333".to_string(),
            ),
            "neutral" => ("#ffa".into(), "#999".into(), "#333".into()),
            "base" => (
                crate::theme::color::map(&t.secondary, |c| c.adjust(0.0, 0.0, 0.0)),
                t.primary_border.clone(),
                t.primary_text.clone(),
            ),
            _ => ("#fff5ad".into(), "#aaaa33".into(), "black".into()),
        };
        let (act_bkg, act_border) = if dark {
            (t.secondary.clone(), t.node_stroke.clone())
        } else {
            ("#f4f4f4".to_string(), "#666".to_string())
        };
        Colors {
            label_box_bkg: v("labelBoxBkgColor", actor_bkg.clone()),
            label_box_border: v("labelBoxBorderColor", actor_border.clone()),
            label_text: v("labelTextColor", actor_text.clone()),
            loop_text: v("loopTextColor", actor_text.clone()),
            note_bkg: v("noteBkgColor", note_bkg),
            note_border: v("noteBorderColor", note_border),
            note_text: v("noteTextColor", note_text),
            activation_bkg: v("activationBkgColor", act_bkg),
            activation_border: v("activationBorderColor", act_border),
            number_text: v(
                "sequenceNumberColor",
                if dark { "black".into() } else { "white".into() },
            ),
            title: t.title_text.clone(),
            group_border: if dark { "#ccc".into() } else { "#666".into() },
            actor_bkg,
            actor_border,
            actor_text,
            actor_line,
            signal,
            signal_text,
        }
    }
}

fn a(k: &'static str, v: impl Into<String>) -> (&'static str, String) {
    (k, v.into())
}

fn rect(w: &mut Writer, b: &Bx, mut extra: Attrs) {
    let mut at = vec![
        a("x", num(b.x)),
        a("y", num(b.y)),
        a("width", num(b.w.max(0.0))),
        a("height", num(b.h.max(0.0))),
    ];
    at.append(&mut extra);
    w.leaf("rect", &at);
}

fn paint(fill: &str, stroke: &str) -> Attrs {
    let mut v = if fill == "none" {
        vec![a("fill", "none")]
    } else {
        fill_attrs(fill)
    };
    v.extend(stroke_attrs(stroke));
    v
}

/// Draw a placed text: one `<text>` with a `<tspan>` per line.
fn text(w: &mut Writer, l: &Label, color: &str, class: &str) {
    if l.text.lines.iter().all(|x| x.text.trim().is_empty()) {
        return;
    }
    let (anchor, x) = match l.align {
        Align::Left => ("start", l.area.x),
        Align::Center => ("middle", l.area.x + l.area.w / 2.0),
        Align::Right => ("end", l.area.right()),
    };
    let mut at = vec![
        a("class", class),
        a("x", num(x)),
        a("y", num(l.area.y + l.text.baseline)),
        a("text-anchor", anchor),
        a("font-size", num(l.size)),
    ];
    at.extend(fill_attrs(color));
    w.open("text", &at);
    for (k, line) in l.text.lines.iter().enumerate() {
        let y = l.area.y + l.text.baseline + k as f64 * l.text.line_height;
        w.text_element("tspan", &[a("x", num(x)), a("y", num(y))], &line.text);
    }
    w.close("text");
}

/// Render the SVG document.
pub fn render_svg(d: &Diagram, g: &Layout, cx: &Context<'_>) -> String {
    let c = Colors::from_theme(&cx.config.theme);
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &SvgHead {
            id: cx.svg_id,
            class: "sequence",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: d.acc_title.as_deref(),
            acc_descr: d.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open(
        "g",
        &[a(
            "transform",
            format!("translate({} {})", num(g.origin.0), num(g.origin.1)),
        )],
    );
    // Box groups, then rect backgrounds (outermost first).
    for grp in &g.groups {
        let fill = grp.color.as_deref().unwrap_or("none");
        let mut p = paint(fill, &c.group_border);
        p.push(a("stroke-width", "1"));
        rect(&mut w, &grp.rect, p);
        if let Some(l) = &grp.label {
            text(&mut w, l, &c.signal_text, "boxText");
        }
    }
    let mut rects: Vec<&FrameGeom> = g
        .frames
        .iter()
        .filter(|f| f.kind == BlockKind::Rect)
        .collect();
    rects.sort_by_key(|f| f.depth);
    for f in rects {
        let col = f.color.as_deref().unwrap_or("rgba(0,0,0,0.05)");
        let mut p = fill_attrs(col);
        if p.is_empty() {
            p = vec![a("fill", "none")];
        }
        p.push(a("class", "rect"));
        rect(&mut w, &f.rect, p);
    }
    // Lifelines and participants.
    for ag in &g.actors {
        let mut at = vec![
            a("class", "actor-line"),
            a("x1", num(ag.x)),
            a("y1", num(ag.life.0)),
            a("x2", num(ag.x)),
            a("y2", num(ag.life.1)),
            a("stroke-width", "1"),
        ];
        at.extend(stroke_attrs(&c.actor_line));
        w.leaf("line", &at);
        if ag.destroyed {
            cross(&mut w, ag.x, ag.life.1, 9.0, &c.signal, 2.0);
        }
    }
    for ag in &g.actors {
        let p = &d.participants[ag.index];
        let link = p.links.iter().map(|(_, u)| u.trim()).find(|u| is_http(u));
        if let Some(u) = link {
            w.open("a", &[a("href", u.to_string())]);
        }
        actor(&mut w, ag, &ag.top, &ag.label_top, &c);
        if let Some(u) = link {
            let _ = u;
            w.close("a");
        }
        if let (Some(b), Some(l)) = (&ag.bottom, &ag.label_bottom) {
            actor(&mut w, ag, b, l, &c);
        }
    }
    // Activation bars.
    for b in &g.activations {
        let mut p = paint(&c.activation_bkg, &c.activation_border);
        p.push(a("class", "activation"));
        rect(&mut w, b, p);
    }
    // Frames.
    for f in g.frames.iter().filter(|f| f.kind != BlockKind::Rect) {
        frame(&mut w, f, &c);
    }
    for nt in &g.notes {
        let mut p = paint(&c.note_bkg, &c.note_border);
        p.push(a("class", "note"));
        rect(&mut w, &nt.rect, p);
        text(&mut w, &nt.label, &c.note_text, "noteText");
    }
    for m in &g.messages {
        let Some(Event::Message(msg)) = d.events.get(m.event) else {
            continue;
        };
        if let Some(l) = &m.label {
            text(&mut w, l, &c.signal_text, "messageText");
        }
        message(&mut w, &m.path, msg, &c);
        if let Some((s, x, y)) = &m.number {
            let mut at = vec![
                a("cx", num(*x)),
                a("cy", num(*y)),
                a("r", num(NUMBER_RADIUS)),
                a("class", "sequenceNumber"),
            ];
            at.extend(fill_attrs(&c.signal));
            w.leaf("circle", &at);
            let size = if s.len() > 2 { 9.0 } else { 12.0 };
            let mut at = vec![
                a("x", num(*x)),
                a("y", num(y + size * 0.35)),
                a("text-anchor", "middle"),
                a("font-size", num(size)),
                a("class", "sequenceNumber"),
            ];
            at.extend(fill_attrs(&c.number_text));
            w.text_element("text", &at, s);
        }
    }
    if let Some(t) = &g.title {
        text(&mut w, t, &c.title, "sequenceTitle");
    }
    w.close("g");
    end_document(&mut w);
    w.finish()
}

fn is_http(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

fn line(w: &mut Writer, x1: f64, y1: f64, x2: f64, y2: f64, mut extra: Attrs) {
    let mut at = vec![
        a("x1", num(x1)),
        a("y1", num(y1)),
        a("x2", num(x2)),
        a("y2", num(y2)),
    ];
    at.append(&mut extra);
    w.leaf("line", &at);
}

fn cross(w: &mut Writer, x: f64, y: f64, s: f64, color: &str, width: f64) {
    let h = s / 2.0;
    let mut at = vec![
        a(
            "d",
            format!(
                "M{} {}L{} {}M{} {}L{} {}",
                num(x - h),
                num(y - h),
                num(x + h),
                num(y + h),
                num(x + h),
                num(y - h),
                num(x - h),
                num(y + h)
            ),
        ),
        a("fill", "none"),
        a("stroke-width", num(width)),
    ];
    at.extend(stroke_attrs(color));
    w.leaf("path", &at);
}

fn actor(w: &mut Writer, ag: &ActorGeom, b: &Bx, l: &Label, c: &Colors) {
    let cx = b.x + b.w / 2.0;
    let sym = |extra: &str| -> Attrs {
        let mut p = paint(&c.actor_bkg, &c.actor_border);
        p.push(a("stroke-width", "2"));
        p.push(a("class", format!("actor {extra}")));
        p
    };
    match ag.kind {
        Kind::Participant => {
            let mut p = paint(&c.actor_bkg, &c.actor_border);
            p.push(a("rx", "3"));
            p.push(a("class", "actor"));
            rect(w, b, p);
        }
        Kind::Collections => {
            let back = Bx {
                x: b.x + 6.0,
                y: b.y,
                w: b.w - 6.0,
                h: b.h - 6.0,
            };
            let front = Bx {
                x: b.x,
                y: b.y + 6.0,
                w: b.w - 6.0,
                h: b.h - 6.0,
            };
            let mut p = paint(&c.actor_bkg, &c.actor_border);
            p.push(a("class", "actor"));
            rect(w, &back, p.clone());
            rect(w, &front, p);
        }
        Kind::Queue => {
            let rx = 10.0;
            let (x0, x1, y0, y1) = (b.x, b.right(), b.y, b.bottom());
            let ry = b.h / 2.0;
            let d = format!(
                "M{} {}L{} {}A{} {} 0 0 1 {} {}L{} {}A{} {} 0 0 1 {} {}Z",
                num(x0 + rx),
                num(y0),
                num(x1 - rx),
                num(y0),
                num(rx),
                num(ry),
                num(x1 - rx),
                num(y1),
                num(x0 + rx),
                num(y1),
                num(rx),
                num(ry),
                num(x0 + rx),
                num(y0)
            );
            let mut p = paint(&c.actor_bkg, &c.actor_border);
            p.push(a("class", "actor"));
            p.insert(0, a("d", d));
            w.leaf("path", &p);
            let d2 = format!(
                "M{} {}A{} {} 0 0 0 {} {}",
                num(x1 - rx),
                num(y0),
                num(rx),
                num(ry),
                num(x1 - rx),
                num(y1)
            );
            let mut p = vec![a("d", d2), a("fill", "none")];
            p.extend(stroke_attrs(&c.actor_border));
            w.leaf("path", &p);
        }
        Kind::Actor => {
            let top = b.y + 2.0;
            let mut p = sym("actor-man");
            p.splice(
                0..0,
                [a("cx", num(cx)), a("cy", num(top + 10.0)), a("r", "10")],
            );
            w.leaf("circle", &p);
            let mut s = vec![a("fill", "none"), a("stroke-width", "2")];
            s.extend(stroke_attrs(&c.actor_border));
            let d = format!(
                "M{} {}V{}M{} {}H{}M{} {}L{} {}L{} {}",
                num(cx),
                num(top + 20.0),
                num(top + 38.0),
                num(cx - 16.0),
                num(top + 26.0),
                num(cx + 16.0),
                num(cx - 14.0),
                num(top + 50.0),
                num(cx),
                num(top + 38.0),
                num(cx + 14.0),
                num(top + 50.0)
            );
            s.insert(0, a("d", d));
            w.leaf("path", &s);
        }
        Kind::Boundary | Kind::Control | Kind::Entity => {
            let r = 20.0;
            let cy = b.y + 4.0 + r;
            let ccx = if ag.kind == Kind::Boundary {
                cx + 8.0
            } else {
                cx
            };
            let mut p = sym("");
            p.splice(0..0, [a("cx", num(ccx)), a("cy", num(cy)), a("r", num(r))]);
            w.leaf("circle", &p);
            let mut s = vec![a("fill", "none"), a("stroke-width", "2")];
            s.extend(stroke_attrs(&c.actor_border));
            let d = match ag.kind {
                Kind::Boundary => format!(
                    "M{} {}V{}M{} {}H{}",
                    num(ccx - r - 14.0),
                    num(cy - 12.0),
                    num(cy + 12.0),
                    num(ccx - r - 14.0),
                    num(cy),
                    num(ccx - r)
                ),
                Kind::Entity => format!("M{} {}H{}", num(cx - r), num(cy + r + 3.0), num(cx + r)),
                _ => format!(
                    "M{} {}L{} {}L{} {}",
                    num(cx + 7.0),
                    num(cy - r - 7.0),
                    num(cx - 1.0),
                    num(cy - r),
                    num(cx + 7.0),
                    num(cy - r + 6.0)
                ),
            };
            s.insert(0, a("d", d));
            w.leaf("path", &s);
        }
        Kind::Database => {
            let (rw, rh) = (24.0, 6.0);
            let (y0, y1) = (b.y + 4.0 + rh, b.y + SYMBOL_HEIGHT - 6.0);
            let d = format!(
                "M{} {}A{} {} 0 0 1 {} {}V{}A{} {} 0 0 1 {} {}Z",
                num(cx - rw),
                num(y0),
                num(rw),
                num(rh),
                num(cx + rw),
                num(y0),
                num(y1),
                num(rw),
                num(rh),
                num(cx - rw),
                num(y1)
            );
            let mut p = sym("");
            p.insert(0, a("d", d));
            w.leaf("path", &p);
            let d2 = format!(
                "M{} {}A{} {} 0 0 0 {} {}",
                num(cx - rw),
                num(y0),
                num(rw),
                num(rh),
                num(cx + rw),
                num(y0)
            );
            let mut s = vec![a("d", d2), a("fill", "none"), a("stroke-width", "2")];
            s.extend(stroke_attrs(&c.actor_border));
            w.leaf("path", &s);
        }
    }
    text(w, l, &c.actor_text, "actor");
}

fn frame(w: &mut Writer, f: &FrameGeom, c: &Colors) {
    let r = &f.rect;
    let mut p = vec![
        a("fill", "none"),
        a("stroke-width", "2"),
        a("stroke-dasharray", "2 2"),
        a("class", "loopLine"),
    ];
    p.extend(stroke_attrs(&c.label_box_border));
    rect(w, r, p.clone());
    for (y, l) in &f.sections {
        let mut q = p.clone();
        q.push(a("stroke-dasharray", "3 3"));
        line(w, r.x, *y, r.right(), *y, q);
        if let Some(l) = l {
            text(w, l, &c.loop_text, "sectionTitle");
        }
    }
    let t = &f.tab;
    let cut = 8.0;
    let pts = format!(
        "{},{} {},{} {},{} {},{} {},{}",
        num(t.x),
        num(t.y),
        num(t.right()),
        num(t.y),
        num(t.right()),
        num(t.bottom() - cut * 0.8),
        num(t.right() - cut),
        num(t.bottom()),
        num(t.x),
        num(t.bottom())
    );
    let mut q = paint(&c.label_box_bkg, &c.label_box_border);
    q.insert(0, a("points", pts));
    q.push(a("class", "labelBox"));
    w.leaf("polygon", &q);
    if let Some(l) = &f.word {
        text(w, l, &c.label_text, "labelText");
    }
    if let Some(l) = &f.label {
        text(w, l, &c.loop_text, "loopText");
    }
}

fn message(w: &mut Writer, path: &Path, m: &super::model::Message, c: &Colors) {
    let mut st = vec![
        a("fill", "none"),
        a("stroke-width", "1.5"),
        a(
            "class",
            if m.dotted {
                "messageLine1"
            } else {
                "messageLine0"
            },
        ),
    ];
    st.extend(stroke_attrs(&c.signal));
    if m.dotted {
        st.push(a("stroke-dasharray", "3 3"));
    }
    match *path {
        Path::Line { x1, x2, y } => {
            line(w, x1, y, x2, y, st);
            let dir = if x2 >= x1 { 1.0 } else { -1.0 };
            head(w, m.end, x2, y, dir, 0.0, c);
            head(w, m.start, x1, y, -dir, 0.0, c);
            if m.central_from {
                central(w, x1, y, c);
            }
            if m.central_to {
                central(w, x2, y, c);
            }
        }
        Path::SelfLoop { x, y, w: lw, h } => {
            let d = format!(
                "M{} {}C{} {} {} {} {} {}",
                num(x),
                num(y),
                num(x + lw),
                num(y - 10.0),
                num(x + lw),
                num(y + h + 10.0),
                num(x),
                num(y + h)
            );
            st.insert(0, a("d", d));
            w.leaf("path", &st);
            // Tangent at the end: from the last control point.
            let (dx, dy) = (-lw, -10.0);
            let len = (dx * dx + dy * dy).sqrt();
            head(w, m.end, x, y + LOOP_HEIGHT.min(h), dx / len, dy / len, c);
            head(w, m.start, x, y, -1.0, 0.0, c);
        }
    }
}

fn central(w: &mut Writer, x: f64, y: f64, c: &Colors) {
    let mut p = paint(&c.actor_bkg, &c.signal);
    p.splice(0..0, [a("cx", num(x)), a("cy", num(y)), a("r", "4")]);
    p.push(a("stroke-width", "1.5"));
    w.leaf("circle", &p);
}

/// An arrowhead with its tip at (x, y), pointing along (ux, uy) (a unit
/// vector; `uy` 0 with `ux` ±1 for straight messages).
fn head(w: &mut Writer, h: Head, x: f64, y: f64, ux: f64, uy: f64, c: &Colors) {
    let (ux, uy) = if uy == 0.0 {
        (ux.signum(), 0.0)
    } else {
        (ux, uy)
    };
    // Perpendicular pointing up on screen for a rightward arrow.
    let (px, py) = (uy, -ux);
    let (px, py) = if py > 0.0 || (py == 0.0 && px < 0.0) {
        (-px, -py)
    } else {
        (px, py)
    };
    let len = 10.0;
    let half = 5.0;
    let back = |l: f64, s: f64| (x - ux * l + px * s, y - uy * l + py * s);
    let pts = |v: &[(f64, f64)]| {
        v.iter()
            .map(|(a, b)| format!("{},{}", num(*a), num(*b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let filled = |w: &mut Writer, v: &[(f64, f64)]| {
        let mut p = vec![a("points", pts(v))];
        p.extend(fill_attrs(&c.signal));
        p.extend(stroke_attrs(&c.signal));
        p.push(a("stroke-width", "1"));
        w.leaf("polygon", &p);
    };
    let stroke = |w: &mut Writer, v: &[(f64, f64)]| {
        let mut p = vec![
            a("points", pts(v)),
            a("fill", "none"),
            a("stroke-width", "1.5"),
        ];
        p.extend(stroke_attrs(&c.signal));
        w.leaf("polyline", &p);
    };
    match h {
        Head::None => {}
        Head::Filled => filled(w, &[(x, y), back(len, half), back(len, -half)]),
        Head::SolidTop => filled(w, &[(x, y), back(len, half), back(len, 0.0)]),
        Head::SolidBottom => filled(w, &[(x, y), back(len, -half), back(len, 0.0)]),
        Head::StickTop => stroke(w, &[(x, y), back(len, half)]),
        Head::StickBottom => stroke(w, &[(x, y), back(len, -half)]),
        Head::Open => stroke(w, &[back(len, half), (x, y), back(len, -half)]),
        Head::Cross => {
            let (cx, cy) = back(4.0, 0.0);
            cross(w, cx, cy, 8.0, &c.signal, 1.5);
        }
    }
}

/// Height of the loop, re-exported for tests.
pub const SELF_LOOP_HEIGHT: f64 = LOOP_HEIGHT;
