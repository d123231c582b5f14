//! Font Awesome icons in flowchart labels (`fa:fa-car Car`): measured as
//! inline boxes 1.25 em wide, drawn as paths in the text's colour (see
//! [`crate::icons`]).
//!
//! A label's icon tokens become placeholder characters before text layout;
//! [`place`] then cuts every run holding one into text runs and icon runs
//! (an icon run's text is the one placeholder) and re-places the line, and
//! [`label`] draws the text through [`crate::svg::label`] with the icon
//! runs blanked and each icon as a `<path>`.

use crate::geometry::Point;
use crate::icons::{self, ASCENT_UNITS, EM_UNITS, ICON_ADVANCE};
use crate::svg::{self, num, Attrs, Writer};
use crate::text::{self, LineBox, Run, TextBox, TextStyle};

/// The label text to lay out (icon tokens replaced by placeholders) and
/// the icon tokens that name no icon (dropped).
pub fn prepare(label: &str) -> (String, Vec<String>) {
    if !label.contains("fa") {
        return (label.to_string(), Vec::new());
    }
    icons::replace_in_label(label)
}

fn width_of(t: &str, st: TextStyle) -> f64 {
    text::measure(t, st).width
}

/// Give every icon placeholder in `tb` its own run, [`ICON_ADVANCE`] em
/// wide, and re-place the runs of its line. A box with no icon is
/// returned unchanged.
pub fn place(mut tb: TextBox, style: TextStyle) -> TextBox {
    if !tb.lines.iter().any(|l| icons::has_placeholder(&l.text)) {
        return tb;
    }
    for line in &mut tb.lines {
        if icons::has_placeholder(&line.text) {
            *line = place_line(line, style);
        }
    }
    tb.width = tb.lines.iter().map(|l| l.width).fold(0.0, f64::max);
    tb
}

fn place_line(line: &LineBox, style: TextStyle) -> LineBox {
    let mut runs: Vec<Run> = Vec::new();
    let mut shift = 0.0;
    for r in &line.runs {
        let start = r.x + shift;
        if !icons::has_placeholder(&r.text) {
            runs.push(Run {
                x: start,
                ..r.clone()
            });
            continue;
        }
        let st = TextStyle {
            size: style.size * r.deco.scale,
            bold: r.bold,
            italic: r.italic,
        };
        let space = width_of("a a", st) - width_of("aa", st);
        let mut x = start;
        let mut piece = String::new();
        let flush = |piece: &mut String, x: &mut f64, runs: &mut Vec<Run>| {
            if piece.is_empty() {
                return;
            }
            if piece.starts_with(' ') {
                *x += space;
            }
            let t = piece.trim();
            if !t.is_empty() {
                let w = width_of(t, st);
                runs.push(Run {
                    text: t.to_string(),
                    x: *x,
                    width: w,
                    ..r.clone()
                });
                *x += w;
                if piece.ends_with(' ') {
                    *x += space;
                }
            }
            piece.clear();
        };
        for c in r.text.chars() {
            if icons::from_placeholder(c).is_some() {
                flush(&mut piece, &mut x, &mut runs);
                let w = ICON_ADVANCE * st.size;
                runs.push(Run {
                    text: c.to_string(),
                    x,
                    width: w,
                    ..r.clone()
                });
                x += w;
            } else {
                piece.push(c);
            }
        }
        flush(&mut piece, &mut x, &mut runs);
        shift += (x - start) - r.width;
    }
    let width = runs.last().map_or(0.0, |r| r.x + r.width);
    LineBox {
        text: line
            .text
            .chars()
            .filter(|&c| icons::from_placeholder(c).is_none())
            .collect::<String>()
            .trim()
            .to_string(),
        width,
        runs,
    }
}

/// The icon a run stands for.
fn run_icon(r: &Run) -> Option<icons::Icon> {
    let mut cs = r.text.chars();
    let c = cs.next()?;
    cs.next()
        .is_none()
        .then(|| icons::from_placeholder(c).and_then(icons::get))
        .flatten()
}

/// Draw a label as [`svg::label`] does, its icons as paths filled with
/// `colour` (a run's own HTML colour wins).
pub fn label(
    w: &mut Writer,
    tb: &TextBox,
    centre: Point,
    extra: Attrs,
    style: TextStyle,
    colour: &str,
) {
    if !tb
        .lines
        .iter()
        .any(|l| l.runs.iter().any(|r| run_icon(r).is_some()))
    {
        svg::label(w, tb, centre, extra, style);
        return;
    }
    let mut text_only = tb.clone();
    for line in &mut text_only.lines {
        for r in &mut line.runs {
            if run_icon(r).is_some() {
                r.text.clear();
            }
        }
    }
    svg::label(w, &text_only, centre, extra, style);
    let top = centre.y - tb.lines.len() as f64 * tb.line_height / 2.0;
    for (k, line) in tb.lines.iter().enumerate() {
        let baseline = top + tb.baseline + k as f64 * tb.line_height;
        let left = centre.x - line.width / 2.0;
        for r in &line.runs {
            let Some(icon) = run_icon(r) else { continue };
            let size = style.size * r.deco.scale;
            let s = size / EM_UNITS;
            let x = left + r.x + (r.width - icon.width * s) / 2.0;
            let y = baseline + r.deco.shift * style.size - ASCENT_UNITS * s;
            let fill = r
                .deco
                .color
                .as_deref()
                .and_then(svg::safe_value)
                .unwrap_or(colour);
            icon_path(w, icon, x, y, s, fill);
        }
    }
}

/// One icon's path with its top-left corner at (`x`, `y`), scaled by `s`.
pub fn icon_path(w: &mut Writer, icon: icons::Icon, x: f64, y: f64, s: f64, fill: &str) {
    let mut a: Attrs = vec![
        ("class", format!("icon fa-{}", icon.name)),
        (
            "transform",
            format!("translate({},{}) scale({})", num(x), num(y), scale_num(s)),
        ),
        ("d", icon.path.to_string()),
    ];
    a.extend(svg::fill_attrs(fill));
    w.leaf("path", &a);
}

/// A scale factor with six decimals (two, as [`num`] writes, would size
/// a 16 px icon 15.9 px).
fn scale_num(s: f64) -> String {
    num(s * 1e4).parse::<f64>().map_or_else(
        |_| "0".into(),
        |v| {
            let t = format!("{:.6}", v / 1e4);
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_are_em_boxes_between_the_words() {
        let st = TextStyle::default();
        let (t, unknown) = prepare("A fa:fa-camera-retro perhaps?");
        assert!(unknown.is_empty());
        let tb = place(text::layout_rich(&t, st, false, true, Some(200.0)), st);
        let line = &tb.lines[0];
        let texts: Vec<&str> = line.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!((texts[0], texts[2]), ("A", "perhaps?"));
        let icon = &line.runs[1];
        assert!((icon.width - 20.0).abs() < 1e-9);
        let plain = text::measure("A perhaps?", st).width;
        let space = width_of("a a", st) - width_of("aa", st);
        assert!(
            (line.width - (plain + space + 20.0)).abs() < 1.0,
            "{} {plain} {space}",
            line.width
        );
        assert!(icon.x > line.runs[0].width && line.runs[2].x >= icon.x + 20.0);
    }

    #[test]
    fn an_icon_alone_is_its_box() {
        let st = TextStyle::default();
        let (t, _) = prepare("fa:fa-spinner");
        let tb = place(text::layout_rich(&t, st, false, true, Some(200.0)), st);
        assert!((tb.width - 20.0).abs() < 1e-9);
        let mut w = Writer::default();
        label(&mut w, &tb, Point::new(50.0, 20.0), Vec::new(), st, "#333");
        let svg = w.finish();
        assert!(
            svg.contains("fa-spinner") && !svg.contains("<text"),
            "{svg}"
        );
        assert!(!svg.contains('\u{F0000}'));
    }
}
