use super::model::Timeline;
use super::*;
use crate::diagrams::Context;
use crate::syntax::read_preamble;

fn tl(src: &str) -> Timeline {
    parse::parse(&read_preamble(src).unwrap()).unwrap_or_else(|e| panic!("{src}\n{e:?}"))
}

fn err(src: &str) -> (usize, usize, String) {
    let e = parse::parse(&read_preamble(src).unwrap()).expect_err(src);
    (e.span.line, e.span.col, e.message)
}

fn render_with(src: &str, config: &Config) -> Drawing {
    let pre = read_preamble(src).unwrap();
    let cx = Context::new(config, "t");
    render(&pre, &cx).unwrap_or_else(|e| panic!("{src}\n{e:?}"))
}

fn svg_ok(svg: &str) {
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    usvg::Tree::from_str(svg, &opt).expect("well-formed SVG");
}

#[test]
fn periods_events_and_continuations() {
    let t = tl("timeline\n    title History\n    2002 : LinkedIn\n    2004 : Facebook : Google\n         : More\n    2005\n    10:30 : Meeting : a:b\n");
    assert_eq!(t.title.as_deref(), Some("History"));
    let p: Vec<(&str, Vec<&str>)> = t
        .periods
        .iter()
        .map(|p| {
            (
                p.text.as_str(),
                p.events.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        p,
        [
            ("2002", vec!["LinkedIn"]),
            ("2004", vec!["Facebook", "Google", "More"]),
            ("2005", vec![]),
            ("10:30", vec!["Meeting", "a:b"]),
        ]
    );
}

#[test]
fn sections_accessibility_breaks_and_direction() {
    let t = tl("timeline TD\n accTitle: A\n accDescr: D\n %% note\n section One <br> two\n  a : x <br/> y\n section Three\n  b : z\n");
    assert_eq!(t.direction.as_deref(), Some("TD"));
    assert_eq!(t.acc_title.as_deref(), Some("A"));
    assert_eq!(t.acc_descr.as_deref(), Some("D"));
    assert_eq!(t.sections, ["One\ntwo", "Three"]);
    assert_eq!(t.periods[0].events, ["x\ny"]);
    assert_eq!(t.periods[0].section, Some(0));
    assert_eq!(t.periods[1].section, Some(1));
    let t = tl("---\ntitle: Front\n---\ntimeline\n a : b\n");
    assert_eq!(t.title.as_deref(), Some("Front"));
}

#[test]
fn errors_are_located() {
    let (l, c, m) = err("timeline\n  : orphan event\n");
    assert_eq!((l, c), (2, 3));
    assert!(m.contains("needs a period"), "{m}");
    let (l, c, m) = err("timeline sideways\n a : b\n");
    assert_eq!((l, c), (1, 10));
    assert!(m.contains("`sideways`"), "{m}");
    let (l, _, m) = err("timeline\n a : b\n section\n");
    assert_eq!(l, 3);
    assert!(m.contains("needs a name"), "{m}");
}

#[test]
fn colours_per_period_or_one_colour() {
    let src = "timeline\n 2002 : a\n 2004 : b\n 2005 : c\n";
    let t = tl(src);
    let g = layout::layout(&t, 16.0, true);
    let colors: Vec<usize> = g
        .nodes
        .iter()
        .filter(|n| !n.event)
        .map(|n| n.color)
        .collect();
    assert_eq!(colors, [0, 1, 2]);
    let g = layout::layout(&t, 16.0, false);
    assert!(g.nodes.iter().all(|n| n.color == 0));
    let cfg = Config::from_value(
        crate::syntax::parse_config_json("{timeline: {disableMulticolor: true}}").unwrap(),
    );
    assert!(TimelineConfig::from_config(&cfg).disable_multicolor);
    // Default theme: cScale0 is the primary colour darkened (#ECECFF → hsl(240,100%,76%)).
    let p = Palette::from_theme(&crate::theme::Theme::default());
    assert_eq!(p.scale[0], "#8686ff");
    assert_eq!(p.labels[1], "black");
}

#[test]
fn sections_span_their_periods() {
    let t = tl("timeline\n section A\n  p1 : e\n  p2 : e\n section B\n  p3 : e\n");
    let g = layout::layout(&t, 16.0, true);
    let secs: Vec<_> = g.nodes.iter().take(2).map(|n| n.rect).collect();
    let pers: Vec<_> = g
        .nodes
        .iter()
        .filter(|n| !n.event)
        .skip(2)
        .map(|n| n.rect)
        .collect();
    assert_eq!(secs[0].x, pers[0].x);
    assert_eq!(secs[0].x + secs[0].width, pers[1].x + pers[1].width);
    assert_eq!(secs[1].x, pers[2].x);
}

/// Generated timelines: texts stay inside their nodes, nodes never
/// overlap, everything is inside the canvas.
#[test]
fn generated_timelines_have_no_overlaps() {
    let words = [
        "a",
        "Industry 4.0",
        "Artificial intelligence and a long text that wraps",
        "日本語のテキスト",
        "x<br>y",
    ];
    for seed in 0..30usize {
        let head = if seed % 3 == 1 {
            "timeline TD"
        } else {
            "timeline"
        };
        let mut src = format!("{head}\n title Generated\n");
        for k in 0..(1 + seed % 7) {
            if seed % 2 == 0 && k % 3 == 0 {
                src.push_str(&format!(
                    " section Section {k} {}\n",
                    words[(seed + k) % words.len()]
                ));
            }
            src.push_str(&format!(" {} ", words[(seed * 3 + k) % words.len()]));
            for e in 0..(seed + k) % 4 {
                src.push_str(&format!(": {} ", words[(seed + e * 2) % words.len()]));
            }
            src.push('\n');
        }
        let t = tl(&src);
        let g = if t.direction.is_some() {
            layout::layout_vertical(&t, 16.0, true)
        } else {
            layout::layout(&t, 16.0, true)
        };
        for (i, n) in g.nodes.iter().enumerate() {
            let tr = n.text_rect();
            assert!(
                tr.x >= n.rect.x - 0.5 && tr.x + tr.width <= n.rect.x + n.rect.width + 0.5,
                "{src}\n{i}: {tr:?} {:?}",
                n.rect
            );
            assert!(
                tr.y + tr.height <= n.rect.y + n.rect.height + 0.5,
                "{src}\n{i}"
            );
            assert!(n.rect.x >= 0.0 && n.rect.x + n.rect.width <= g.width);
            assert!(n.rect.y >= 0.0 && n.rect.y + n.rect.height <= g.height);
            for m in g.nodes.iter().skip(i + 1) {
                let (a, b) = (n.rect, m.rect);
                let apart = a.x + a.width <= b.x + 0.5
                    || b.x + b.width <= a.x + 0.5
                    || a.y + a.height <= b.y + 0.5
                    || b.y + b.height <= a.y + 0.5;
                assert!(apart, "{src}\n{a:?} {b:?}");
            }
        }
        if let Some((tb, x, y)) = &g.title {
            assert!(*x >= 0.0 && *y >= 0.0 && x + tb.width <= g.width);
            assert!(g.nodes.iter().all(|n| n.rect.y >= y + tb.height));
        }
        let d = render_with(&src, &Config::default());
        svg_ok(&d.svg);
        assert_eq!(d.svg, render_with(&src, &Config::default()).svg);
    }
}

#[test]
fn every_theme_renders() {
    for theme in crate::theme::THEMES {
        let cfg = Config::resolve(&Value::object(), Some(theme), &Value::object());
        svg_ok(&render_with("timeline\n title T\n section S\n 2002 : a : b\n", &cfg).svg);
    }
}

#[test]
fn br_in_every_spelling_breaks_and_lookalikes_stay_text() {
    use super::parse::br_lines;
    assert_eq!(br_lines("a<br>b"), "a\nb");
    assert_eq!(br_lines("a <BR/> b"), "a\nb");
    assert_eq!(br_lines("a<Br />b<br\t>c"), "a\nb\nc");
    assert_eq!(br_lines("a<bread>b"), "a<bread>b");
    assert_eq!(br_lines("a<br x>b"), "a<br x>b");
    assert_eq!(br_lines("a<br/ />b"), "a<br/ />b");
    assert_eq!(br_lines("trailing <br"), "trailing <br");
    // Many breaks without a `>`: every one stays text (and this is linear).
    let many = "<br ".repeat(20_000);
    assert_eq!(br_lines(&many), many);
}
