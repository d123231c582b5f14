use super::layout::{js_number, nice_ticks};
use super::model::{PlotKind, XAxis};
use super::*;
use crate::config::Config;
use crate::syntax::read_preamble;

fn chart(src: &str) -> model::Chart {
    let pre = read_preamble(src).expect("preamble");
    parse::parse(&pre).expect("parse")
}

fn err(src: &str) -> String {
    let pre = read_preamble(src).expect("preamble");
    let e = parse::parse(&pre).unwrap_err();
    format!("{}:{}: {}", e.span.line, e.span.col, e.message)
}

fn render_src(src: &str) -> Drawing {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), None, &pre.config);
    let cx = Context::new(&config, "t");
    render(&pre, &cx).expect("render")
}

fn geometry(src: &str) -> layout::Geometry {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), None, &pre.config);
    let c = parse::parse(&pre).expect("parse");
    layout::layout(
        &c,
        &XyChartConfig::from_config(&config),
        &XyChartColors::from_config(&config),
    )
}

#[test]
fn parses_the_documented_example() {
    let c = chart(
        "xychart-beta\n  title \"Sales Revenue\"\n  x-axis [jan, feb, \"a b\"]\n  y-axis \"Revenue (in $)\" 4000 --> 11000\n  bar [5000, 6000, 7500]\n  line [5000, 6000, 7500]\n",
    );
    assert_eq!(c.title.as_deref(), Some("Sales Revenue"));
    assert_eq!(
        c.x_axis,
        Some(XAxis::Band {
            title: None,
            categories: vec!["jan".into(), "feb".into(), "a b".into()]
        })
    );
    assert_eq!(c.y_axis.title.as_deref(), Some("Revenue (in $)"));
    assert_eq!(c.y_axis.range, Some((4000.0, 11000.0)));
    assert_eq!(c.plots.len(), 2);
    assert_eq!(c.plots[0].kind, PlotKind::Bar);
    assert_eq!(c.plots[1].kind, PlotKind::Line);
    assert_eq!(c.plots[1].data, vec![5000.0, 6000.0, 7500.0]);
}

#[test]
fn parses_orientation_titles_and_numbers() {
    let c = chart("xychart horizontal\nx-axis Months [a,b]\nline \"Series A\" [+1.3, .6, 2.4, -.34]\nbar Other [1]");
    assert_eq!(c.horizontal, Some(true));
    assert_eq!(c.x_axis.as_ref().and_then(|a| a.title()), Some("Months"));
    assert_eq!(c.plots[0].title.as_deref(), Some("Series A"));
    assert_eq!(c.plots[0].data, vec![1.3, 0.6, 2.4, -0.34]);
    assert_eq!(c.plots[1].title.as_deref(), Some("Other"));
    let c = chart("xychart-beta vertical\nx-axis \"x\" 1 --> 10\ntitle Plain words title");
    assert_eq!(c.horizontal, Some(false));
    assert_eq!(
        c.x_axis,
        Some(XAxis::Linear {
            title: Some("x".into()),
            range: Some((1.0, 10.0))
        })
    );
    assert_eq!(c.title.as_deref(), Some("Plain words title"));
    let c = chart(
        "xychart\n  %% a comment\n  accTitle: T\n  accDescr: D\n  y-axis -2.4 --> 3.5\n  line [1]",
    );
    assert_eq!(c.acc_title.as_deref(), Some("T"));
    assert_eq!(c.acc_descr.as_deref(), Some("D"));
    assert_eq!(c.y_axis.range, Some((-2.4, 3.5)));
    let c = chart("XYCHART\n  X-AXIS 0 --> 2\n  LINE [0, 1]");
    assert!(
        matches!(c.x_axis, Some(XAxis::Linear { range: Some((a, b)), .. }) if a == 0.0 && b == 2.0)
    );
}

#[test]
fn errors_are_located() {
    assert_eq!(
        err("xychart\n  bar [1, x]"),
        "2:11: expected a number, found `x`"
    );
    assert_eq!(
        err("xychart\n  line [1, 2"),
        "2:8: unclosed `[` (expected `]`)"
    );
    assert_eq!(
        err("xychart\n  pie [1]"),
        "2:3: unknown statement `pie` (expected `title`, `x-axis`, `y-axis`, `bar`, `line`, `accTitle` or `accDescr`)"
    );
    assert_eq!(
        err("xychart\n  y-axis 1 -> 2"),
        "2:12: expected `-->` between the axis minimum and maximum"
    );
    assert_eq!(
        err("xychart sideways\n"),
        "1:9: unexpected `sideways` after `xychart` (expected `horizontal`, `vertical` or a new line)"
    );
    assert_eq!(
        err("xychart\n  title \"open"),
        "2:9: unclosed string (expected a closing `\"`)"
    );
    assert_eq!(
        err("xychart\n  bar"),
        "2:3: `bar` needs its data as a list of numbers (expected `[1, 2, 3]`)"
    );
    assert_eq!(
        err("xychart\n  x-axis [a b c] extra"),
        "2:18: unexpected `extra` (expected the end of the line)"
    );
}

#[test]
fn ticks_are_d3s() {
    assert_eq!(
        nice_ticks(4000.0, 11000.0, 10.0),
        (8..=22).map(|k| k as f64 * 500.0).collect::<Vec<_>>()
    );
    assert_eq!(nice_ticks(0.0, 1.0, 10.0).len(), 11);
    assert_eq!(nice_ticks(-2.4, 3.5, 10.0).first(), Some(&-2.0));
    assert_eq!(nice_ticks(3.0, 3.0, 10.0), vec![3.0]);
    assert_eq!(nice_ticks(10.0, 0.0, 10.0)[0], 10.0);
    assert_eq!(js_number(0.30000000000000004), "0.30000000000000004");
    assert_eq!(js_number(-0.5), "-0.5");
    assert_eq!(js_number(4000.0), "4000");
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.0 + b.2 - 0.5 && b.0 < a.0 + a.2 - 0.5 && a.1 < b.1 + b.3 - 0.5 && b.1 < a.1 + a.3 - 0.5
}

/// Generated charts: every text inside the canvas, no two texts overlap
/// (for charts whose labels leave room), bars inside the plot.
#[test]
fn generated_charts_keep_texts_apart_and_inside() {
    let mut seed = 7u64;
    let mut rnd = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for case in 0..60 {
        let n = 2 + rnd(8) as usize;
        let cats: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
        let data: Vec<String> = (0..n).map(|_| format!("{}", rnd(1000))).collect();
        let orient = if case % 2 == 0 { "" } else { " horizontal" };
        let src = format!(
            "xychart{orient}\n title \"Case {case}\"\n x-axis \"X\" [{}]\n y-axis \"Y\"\n bar [{}]\n line [{}]",
            cats.join(", "),
            data.join(", "),
            data.join(", ")
        );
        let g = geometry(&src);
        let texts: Vec<_> = g.groups.iter().flat_map(|gr| gr.texts.iter()).collect();
        for t in &texts {
            let (x, y, w, h) = t.bbox;
            assert!(
                x >= -0.5 && y >= -0.5 && x + w <= g.width + 0.5 && y + h <= g.height + 0.5,
                "{src}: `{}` leaves the canvas: {:?}",
                t.text,
                t.bbox
            );
        }
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                assert!(
                    !overlap(a.bbox, b.bbox),
                    "{src}: `{}` {:?} overlaps `{}` {:?}",
                    a.text,
                    a.bbox,
                    b.text,
                    b.bbox
                );
            }
        }
        let (px, py, pw, ph) = g.plot;
        for gr in &g.groups {
            for r in &gr.rects {
                assert!(r.y >= py - 0.5 && r.y + r.h <= py + ph + 0.5, "{src}");
                assert!(r.x >= px - 0.5 && r.x + r.w <= px + pw + 0.5, "{src}");
            }
        }
    }
}

#[test]
fn svg_is_well_formed_and_deterministic() {
    let srcs = [
        "xychart\n title \"A & <B>\"\n x-axis [a, \"b c\"]\n y-axis \"Rev\" 0 --> 10\n bar [1, 5]\n line [2, 8]",
        "xychart horizontal\n bar [1, 2, 3]",
        "---\nconfig:\n  xyChart:\n    showDataLabel: true\n---\nxychart\n bar [3, 4]",
        "xychart\n line [10, 30, 20]",
        "xychart\n",
    ];
    for src in srcs {
        let d = render_src(src);
        let d2 = render_src(src);
        assert_eq!(d.svg, d2.svg);
        usvg::Tree::from_str(
            &d.svg,
            &usvg::Options {
                fontdb: crate::text::fontdb(),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{src}: {e}"));
        assert!(!d.svg.contains("NaN"), "{src}");
    }
    let d = render_src(srcs[0]);
    assert!(d.svg.contains("A &amp; &lt;B&gt;"));
    assert_eq!((d.width, d.height), (700.0, 500.0));
}

#[test]
fn config_and_theme_are_read() {
    let d = render_src(
        "---\nconfig:\n  xyChart:\n    width: 900\n    height: 300\n  themeVariables:\n    xyChart:\n      titleColor: \"#ff0000\"\n      plotColorPalette: \"#123456, #654321\"\n---\nxychart\n title T\n bar [1,2]\n line [2,1]",
    );
    assert_eq!((d.width, d.height), (900.0, 300.0));
    assert!(d.svg.contains("#ff0000"));
    assert!(d.svg.contains("#123456") && d.svg.contains("#654321"));
    let d = render_src("---\nconfig:\n  theme: dark\n---\nxychart\n bar [1,2]");
    assert!(d.svg.contains("#3498db"));
    // Axis parts can be hidden.
    let g = geometry("---\nconfig:\n  xyChart:\n    xAxis:\n      showLabel: false\n    yAxis:\n      showLabel: false\n---\nxychart\n x-axis [a, b]\n bar [1,2]");
    assert!(g
        .groups
        .iter()
        .all(|gr| !gr.class.ends_with("axis") || gr.texts.is_empty()));
}

#[test]
fn data_labels_fit_their_bars() {
    let g = geometry("---\nconfig:\n  xyChart:\n    showDataLabel: true\n---\nxychart\n x-axis [a, b, c]\n y-axis 0 --> 100\n bar [10, 50, 90]");
    let bars = g.groups.iter().find(|gr| gr.class == "bar-plot-0").unwrap();
    assert_eq!(bars.texts.len(), 3);
    for (t, r) in bars.texts.iter().zip(&bars.rects) {
        let (x, y, w, h) = t.bbox;
        assert!(x >= r.x && x + w <= r.x + r.w + 0.5, "{}", t.text);
        assert!(y >= r.y - 0.5 && t.y <= r.y + r.h + 0.5, "{} {h}", t.text);
    }
}

/// Odd inputs never panic: they render or give a located error.
#[test]
fn odd_inputs_never_panic() {
    crate::diagrams::testkit::odd_inputs_never_panic("xychart", super::render);
}
