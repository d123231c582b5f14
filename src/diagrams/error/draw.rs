//! Geometry → SVG. Nothing is measured here.

use super::layout::{Geometry, Line};
use super::Error;
use crate::diagrams::Context;
use crate::svg::{begin_document, end_document, fill_attrs, num, Attrs, Head, Writer};

/// Draw the error picture.
pub fn render_svg(e: &Error, g: &Geometry, cx: &Context<'_>) -> String {
    let mut w = Writer::default();
    begin_document(
        &mut w,
        &Head {
            id: cx.svg_id,
            class: "error",
            width: g.width,
            height: g.height,
            font_family: cx.config.theme.font_family.as_deref(),
            font_size: cx.config.font_size,
            acc_title: e.acc_title.as_deref(),
            acc_descr: e.acc_descr.as_deref(),
            background: cx.background,
        },
    );
    w.open("g", &[("class", "error-icon".into())]);
    bomb(&mut w, g);
    w.close("g");
    for (class, l) in [("error-text", &g.message), ("error-text", &g.version)] {
        text(&mut w, class, l, &g.text_color);
    }
    end_document(&mut w);
    w.finish()
}

/// A round bomb with a collar, a curved fuse and a four-pointed spark, in
/// the icon colour (drawn here, after mermaid-js's picture's idea).
fn bomb(w: &mut Writer, g: &Geometry) {
    let (cx, cy, r) = g.bomb;
    let fill = |extra: Attrs| -> Attrs {
        let mut a = extra;
        a.extend(fill_attrs(&g.icon_color));
        a
    };
    w.leaf(
        "circle",
        &fill(vec![("cx", num(cx)), ("cy", num(cy)), ("r", num(r))]),
    );
    // The collar, turned 45° towards the top right.
    let (s, c) = (
        std::f64::consts::FRAC_1_SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
    );
    let (ux, uy) = (s, -c);
    let (vx, vy) = (c, s);
    let (half_w, from, to) = (r * 0.32, r * 0.82, r * 1.12);
    let corner = |along: f64, across: f64| {
        format!(
            "{},{}",
            num(cx + ux * along + vx * across),
            num(cy + uy * along + vy * across)
        )
    };
    w.leaf(
        "polygon",
        &fill(vec![(
            "points",
            [
                corner(from, -half_w),
                corner(to, -half_w),
                corner(to, half_w),
                corner(from, half_w),
            ]
            .join(" "),
        )]),
    );
    // The fuse, from the collar's end curving up and right.
    let (fx, fy) = (cx + ux * to, cy + uy * to);
    let (ex, ey) = (fx + r * 0.55, fy - r * 0.45);
    let d = format!(
        "M{},{} Q{},{} {},{}",
        num(fx),
        num(fy),
        num(fx + r * 0.05),
        num(fy - r * 0.5),
        num(ex),
        num(ey)
    );
    let mut fuse: Attrs = vec![
        ("d", d),
        ("fill", "none".into()),
        ("stroke", g.icon_color.clone()),
        ("stroke-width", num(r * 0.09)),
        ("stroke-linecap", "round".into()),
    ];
    fuse.push(("class", "fuse".into()));
    w.leaf("path", &fuse);
    // The spark: four points, long on the axes, short on the diagonals.
    let mut pts = Vec::new();
    for k in 0..8 {
        let a = std::f64::consts::FRAC_PI_4 * k as f64;
        let len = if k % 2 == 0 { r * 0.32 } else { r * 0.1 };
        pts.push(format!(
            "{},{}",
            num(ex + len * a.cos()),
            num(ey + len * a.sin())
        ));
    }
    w.leaf("polygon", &fill(vec![("points", pts.join(" "))]));
}

fn text(w: &mut Writer, class: &'static str, l: &Line, color: &str) {
    let mut a: Attrs = vec![
        ("class", class.into()),
        ("x", num(l.x)),
        ("y", num(l.y)),
        ("font-size", num(l.size)),
        ("text-anchor", "middle".into()),
    ];
    a.extend(fill_attrs(color));
    let t = l.text.lines.first().map_or("", |x| x.text.as_str());
    w.text_element("text", &a, t);
}
