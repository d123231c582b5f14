//! End-to-end tests of flowchart features (source → SVG → PNG): icons,
//! edge animation and classes, nested directions, subgraph self-loops,
//! `inheritDir`, the forest theme's edges.

use crate::{render, Options};

fn svg(src: &str) -> String {
    render(src, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .svg
}

/// The PNG of `src` has pixels of a dark colour inside `(x0, y0, x1, y1)`.
fn dark_pixels_in(src: &str, area: (f64, f64, f64, f64)) -> usize {
    let r = render(src, &Options::default()).unwrap();
    let png = r.png(1.0).unwrap();
    let dec = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, ch) = (info.width as usize, info.color_type.samples());
    let mut n = 0;
    for y in area.1 as usize..area.3 as usize {
        for x in area.0 as usize..area.2 as usize {
            let k = (y * w + x) * ch;
            if buf
                .get(k..k + 3)
                .is_some_and(|p| p.iter().all(|&v| v < 120))
            {
                n += 1;
            }
        }
    }
    n
}

/// (x, y) of the translate of the first icon path named `name`.
fn icon_at(svg: &str, name: &str) -> (f64, f64) {
    let k = svg.find(&format!("fa-{name}\"")).expect(name);
    let t = &svg[k..];
    let t = &t[t.find("translate(").unwrap() + 10..];
    let end = t.find(')').unwrap();
    let mut it = t[..end].split(',').map(|v| v.parse::<f64>().unwrap());
    (it.next().unwrap(), it.next().unwrap())
}

#[test]
fn every_icon_of_the_docs_examples_is_drawn_as_a_path() {
    // ../shared/reference/flowchart/0111.mmd and 0112.mmd.
    let s = svg(
        "flowchart TD\n    B[\"fa:fa-twitter for peace\"]\n    B-->C[fa:fa-ban forbidden]\n    \
                 B-->D(fa:fa-spinner)\n    B-->E(A fa:fa-camera-retro perhaps?)\n",
    );
    for name in ["twitter", "ban", "spinner", "camera-retro"] {
        assert_eq!(s.matches(&format!("fa-{name}\"")).count(), 1, "{name}");
    }
    assert!(
        !s.contains("fa:") && !s.contains("fa-twitter for"),
        "icon text leaked"
    );
    assert!(!s
        .chars()
        .any(|c| crate::icons::from_placeholder(c).is_some()));
    let s = svg("flowchart TD\n    B[\"fa:fa-twitter for peace\"]\n    B-->C[\"fab:fa-truck-bold a custom icon\"]\n");
    assert!(s.contains("fa-twitter\"") && !s.contains("truck") && s.contains(">a custom icon<"));
}

#[test]
fn unknown_icons_are_reported() {
    let g = super::parse_source("flowchart TD\nA[fab:fa-truck-bold x] --> B[fa:fa-car]\nC@{ icon: \"fa:nope\" }\nD@{ icon: \"logos:aws\" }").unwrap();
    assert_eq!(
        super::unknown_icons(&g),
        vec!["fab:fa-truck-bold".to_string(), "fa:nope".to_string()]
    );
}

#[test]
fn icons_sit_on_the_text_line_and_scale_with_the_font() {
    let s = svg("flowchart LR\nA[fa:fa-car Car]");
    let (x, y) = icon_at(&s, "car");
    let k = s.find(">Car<").unwrap();
    let tx = &s[..k];
    let tx = &tx[tx.rfind("<text").unwrap()..];
    let text_x: f64 = tx[tx.find("x=\"").unwrap() + 3..]
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let text_y: f64 = tx[tx.find("y=\"").unwrap() + 3..]
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // A 16 px icon (scale 16/512) in a 20 px box, then a space, then the word.
    assert!(s.contains("scale(0.03125)"));
    assert!(
        (text_x - (x - 2.0 + 20.0)).abs() < 6.0 && text_x > x + 16.0,
        "{x} {text_x}"
    );
    // Its top is 14 px (448/512 em) above the baseline.
    assert!((y - (text_y - 14.0)).abs() < 1e-6, "{y} {text_y}");
    let big = render(
        "%%{init: {\"themeVariables\": {\"fontSize\": \"32px\"}}}%%\nflowchart LR\nA[fa:fa-car Car]",
        &Options::default(),
    )
    .unwrap()
    .svg;
    assert!(big.contains("scale(0.0625)"), "icons follow the font size");
}

#[test]
fn icons_are_painted_in_the_png() {
    // The icon alone: its box is dark where the spinner's dots are.
    let src = "flowchart LR\nA[fa:fa-square]";
    let s = svg(src);
    let (x, y) = icon_at(&s, "square");
    assert!(dark_pixels_in(src, (x + 2.0, y + 4.0, x + 12.0, y + 12.0)) > 40);
}

#[test]
fn icon_nodes_draw_font_awesome_icons_and_other_packs_stay_placeholders() {
    let s = svg("flowchart TD\nA@{ icon: \"fa:user\", form: \"square\", label: \"User\", pos: \"t\", h: 60 }\n\
                 B@{ icon: \"logos:aws\", label: \"AWS\" }");
    assert_eq!(s.matches("fa-user\"").count(), 1);
    assert!(s.contains(">User<") && s.contains(">AWS<"));
    assert_eq!(
        s.matches("stroke-dasharray=\"4 3\"").count(),
        1,
        "one placeholder frame"
    );
}
