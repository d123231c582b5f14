//! Pie chart tests: parser cases, located errors, layout invariants, SVG
//! well-formedness and determinism.

use super::colors::PieColors;
use super::layout::{layout, percent_text, Geometry};
use super::model::{format_value, Pie};
use super::{parse, render_pie, PieConfig};
use crate::config::{Config, Value};
use crate::diagrams::Context;
use crate::syntax::ParseError;

fn parse_src(src: &str) -> Result<Pie, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn pie(src: &str) -> Pie {
    parse_src(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

/// `label=value` pairs.
fn summary(p: &Pie) -> String {
    p.slices
        .iter()
        .map(|s| format!("{}={}", s.label, format_value(s.value)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

fn config(json: &str) -> Config {
    Config::from_value(crate::syntax::parse_config_json(json).unwrap())
}

fn svg_of(src: &str, cfg: &Config) -> String {
    let p = pie(src);
    let cx = Context::new(cfg, "t").with_background(Some("white"));
    render_pie(&p, &cx).svg
}

fn geometry(p: &Pie, cfg: &Config) -> Geometry {
    layout(
        p,
        &PieConfig::from_config(cfg),
        PieColors::from_theme(&cfg.theme),
    )
}

#[test]
fn slices_title_and_show_data() {
    let p = pie("pie title Pets\n  \"Dogs\" : 386\n  \"Cats\" : 85.5\n  'Rats' : 15\n");
    assert_eq!(p.title.as_deref(), Some("Pets"));
    assert!(!p.show_data);
    assert_eq!(summary(&p), "Dogs=386, Cats=85.5, Rats=15");
    let p = pie("pie showData\n title Key elements\n \"Calcium\":42.96\n");
    assert!(p.show_data);
    assert_eq!(p.title.as_deref(), Some("Key elements"));
    assert_eq!(summary(&p), "Calcium=42.96");
}

#[test]
fn a_slice_may_follow_the_keyword_on_the_header_line() {
    let p = pie("pie \"A\": 1\n\"B\": 2");
    assert_eq!(summary(&p), "A=1, B=2");
    let p = pie("pie showData title T\n\"A\": 1");
    assert!(p.show_data);
    assert_eq!(p.title.as_deref(), Some("T"));
}

#[test]
fn comments_directives_and_blank_lines_are_skipped() {
    let src = "%%{init: {'theme':'dark'}}%%\npie\n%% a comment\n\n  \"A\" : 1 %% trailing\n%%{init: {'pie': {'textPosition': 0.5}}}%%\n  title Hi %% not part\n";
    let p = pie(src);
    assert_eq!(summary(&p), "A=1");
    assert_eq!(p.title.as_deref(), Some("Hi"));
}

#[test]
fn front_matter_title_and_accessibility() {
    let p = pie("---\ntitle: From front matter\n---\npie\n accTitle: Acc T\n accDescr { line one\n line two }\n \"A\": 3\n");
    assert_eq!(p.title.as_deref(), Some("From front matter"));
    assert_eq!(p.acc_title.as_deref(), Some("Acc T"));
    assert_eq!(p.acc_descr.as_deref(), Some("line one\nline two"));
    let p = pie("---\ntitle: Old\n---\npie title New\n\"A\": 1");
    assert_eq!(p.title.as_deref(), Some("New"));
    let p = pie("pie\naccDescr: short one\n\"A\": 1");
    assert_eq!(p.acc_descr.as_deref(), Some("short one"));
}

#[test]
fn repeated_labels_keep_the_first_value_and_labels_are_trimmed() {
    let p = pie("pie\n\" A \": 1\n\"A\": 2\n\"B\": 0");
    assert_eq!(summary(&p), "A=1, B=0");
}

#[test]
fn empty_pie_and_empty_title() {
    let p = pie("pie");
    assert!(p.slices.is_empty());
    let p = pie("pie\ntitle\n");
    assert_eq!(p.title.as_deref(), Some(""));
}

#[test]
fn errors_are_located() {
    assert_eq!(
        err("pie\n  \"Dogs\" : -5\n"),
        (
            2,
            12,
            "\"Dogs\" has a negative value (-5): pie slice values must be 0 or more".into()
        )
    );
    let (l, c, m) = err("pie\n\"A\" 5");
    assert_eq!((l, c), (2, 5));
    assert!(m.contains("expected `:`"), "{m}");
    let (l, c, m) = err("pie\n\"A\": five");
    assert_eq!((l, c), (2, 6));
    assert!(m.contains("expected a number"), "{m}");
    let (l, c, m) = err("pie\n\"A\": 5 apples");
    assert_eq!((l, c), (2, 8));
    assert!(m.contains("unexpected `apples`"), "{m}");
    let (l, c, m) = err("pie\n\"A\": 5.5.5");
    assert_eq!((l, c), (2, 9));
    assert!(m.contains("unexpected `.5`"), "{m}");
    let (l, c, m) = err("pie\n  Dogs: 5");
    assert_eq!((l, c), (2, 3));
    assert!(
        m.contains("unexpected `Dogs:`") && m.contains("expected a slice"),
        "{m}"
    );
    let (l, c, m) = err("pie\n\"Dogs: 5");
    assert_eq!((l, c), (2, 1));
    assert!(m.contains("unclosed label"), "{m}");
    let (l, c, m) = err("pie\n\"A\": 1\nshowData");
    assert_eq!((l, c), (3, 1));
    assert!(m.contains("showData"), "{m}");
    let (l, c, m) = err("pie\n\"A\":");
    assert_eq!((l, c), (2, 5));
    assert!(m.contains("expected a number"), "{m}");
    let (l, _, m) = err("pie\naccDescr {\nnever closed");
    assert_eq!(l, 2);
    assert!(m.contains("accDescr"), "{m}");
}

#[test]
fn percentages_round_half_away_from_zero() {
    assert_eq!(percent_text(1.0, 8.0), "13%");
    assert_eq!(percent_text(90.0, 100.0), "90%");
    assert_eq!(percent_text(0.0, 0.0), "0%");
    assert_eq!(format_value(42.96), "42.96");
    assert_eq!(format_value(5.0), "5");
}

#[test]
fn slices_keep_source_order_and_tiny_ones_are_not_drawn() {
    let cfg = Config::default();
    let p = pie("pie\n\"FRIENDS\": 2\n\"FAMILY\": 3\n\"NOSE\": 45\n\"Tiny\": 0.1\n\"Zero\": 0");
    let g = geometry(&p, &cfg);
    let drawn: Vec<usize> = g.slices.iter().map(|s| s.index).collect();
    assert_eq!(drawn, vec![0, 1, 2]);
    assert_eq!(g.legend.len(), 5, "every slice keeps its legend row");
    assert!(g.slices[0].start.abs() < 1e-9);
    let last = g.slices.last().unwrap();
    assert!((last.end - std::f64::consts::TAU).abs() < 1e-9);
    for w in g.slices.windows(2) {
        assert!((w[0].end - w[1].start).abs() < 1e-12);
    }
    let labels: Vec<&str> = g.slices.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, vec!["4%", "6%", "90%"]);
}

#[test]
fn mermaids_proportions() {
    let cfg = Config::default();
    let p = pie(
        "pie title NETFLIX\n\"Time spent looking for movie\" : 90\n\"Time spent watching it\" : 10",
    );
    let g = geometry(&p, &cfg);
    assert_eq!(g.height, 450.0);
    assert_eq!((g.cx, g.cy), (225.0, 225.0));
    assert_eq!(g.radius, 185.0);
    assert_eq!(g.outer_radius, 186.0);
    // Label at 0.75 of the radius, at the middle angle of the slice.
    let s = &g.slices[1];
    let mid = (s.start + s.end) / 2.0;
    assert!((s.label_x - (225.0 + 138.75 * mid.sin())).abs() < 1e-9);
    // Legend 216 px right of the centre, rows 22 px apart, centred.
    assert_eq!(g.legend[0].x, 225.0 + 216.0);
    assert_eq!(g.legend[0].y, 225.0 - 22.0);
    assert_eq!(g.legend[1].y - g.legend[0].y, 22.0);
    let widest = g.legend.iter().map(|l| l.text.width).fold(0.0, f64::max);
    assert_eq!(g.width, (512.0 + widest).ceil());
}

#[test]
fn text_position_and_stroke_width_come_from_config() {
    let cfg = config("{pie: {textPosition: 0.5}, themeVariables: {pieOuterStrokeWidth: '5px'}}");
    let p = pie("pie\n\"A\": 1\n\"B\": 1");
    let g = geometry(&p, &cfg);
    assert_eq!(g.outer_radius, 187.5);
    let s = &g.slices[0];
    let d = ((s.label_x - g.cx).powi(2) + (s.label_y - g.cy).powi(2)).sqrt();
    assert!((d - 92.5).abs() < 1e-9, "{d}");
    // Out-of-range values fall back to the default.
    let cfg = config("{pie: {textPosition: 7}}");
    assert_eq!(PieConfig::from_config(&cfg).text_position, 0.75);
}

#[test]
fn theme_colours_per_theme_and_overrides() {
    let c = PieColors::from_theme(&Config::default().theme);
    assert_eq!(c.slices.len(), 12);
    assert_eq!(c.slices[0].to_ascii_lowercase(), "#ececff");
    assert_eq!(c.slices[1], "#ffffde");
    assert_eq!(c.slices[2], "#b5ff20"); // rgb(181, 255, 32)
    assert_eq!(c.slices[3], "#b9b9ff"); // rgb(185, 185, 255)
    assert_eq!(
        (c.title_size, c.section_size, c.legend_size),
        (25.0, 17.0, 17.0)
    );
    assert_eq!(c.title_color, "black");
    let dark = PieColors::from_theme(&config("{theme: 'dark'}").theme);
    assert_eq!(dark.slices[0], "#0b0000");
    assert_eq!(dark.title_color, "lightgrey");
    let neutral = PieColors::from_theme(&config("{theme: 'neutral'}").theme);
    assert_eq!(neutral.slices[0], "#F4F4F4");
    assert_eq!(neutral.slices[11], "#555");
    let forest = PieColors::from_theme(&config("{theme: 'forest'}").theme);
    assert_eq!(forest.slices[0], "#cde498");
    let base = PieColors::from_theme(&config("{theme: 'base'}").theme);
    assert_eq!(base.slices[0], "#fff4dd");
    let user = PieColors::from_theme(
        &config("{themeVariables: {pie1: '#ff0000', pieStrokeColor: 'blue', pieOpacity: '0.5', pieTitleTextSize: '30px', pieLegendTextColor: 'green'}}").theme,
    );
    assert_eq!(user.slices[0], "#ff0000");
    assert_eq!(user.stroke, "blue");
    assert_eq!(user.opacity, 0.5);
    assert_eq!(user.title_size, 30.0);
    assert_eq!(user.legend_color, "green");
    assert_eq!(user.slice(12), "#ff0000", "colours repeat after twelve");
}

#[test]
fn show_data_values_follow_the_legend_labels() {
    let svg = svg_of(
        "pie showData\n\"Calcium\" : 42.96\n\"Iron\" : 5",
        &Config::default(),
    );
    assert!(svg.contains(">Calcium [42.96]<"), "{svg}");
    assert!(svg.contains(">Iron [5]<"));
    assert!(svg.contains(">90%<"));
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Generated pies: every text and box inside the canvas, no two legend
/// rows overlapping, no text over the title.
#[test]
fn layout_invariants_on_generated_pies() {
    let themes = ["default", "dark", "forest", "neutral", "base"];
    for n in 0..40usize {
        let mut src = String::from("pie showData");
        if n % 3 != 0 {
            src.push_str(&format!(" title {}", "Long title words ".repeat(n % 7 + 1)));
        }
        src.push('\n');
        for i in 0..n {
            let v = ((i * 37 + n * 11) % 101) as f64 / (1 + i % 3) as f64;
            src.push_str(&format!(
                "\"Slice {i} {}\" : {v}\n",
                "x".repeat((i * 7) % 23)
            ));
        }
        let cfg = config(&format!(
            "{{theme: '{}', themeVariables: {{pieLegendTextSize: '{}px'}}}}",
            themes[n % 5],
            12 + n % 20
        ));
        let p = pie(&src);
        let g = geometry(&p, &cfg);
        let inside = |b: (f64, f64, f64, f64), what: &str| {
            assert!(
                b.0 >= 0.0 && b.1 >= 0.0 && b.2 <= g.width && b.3 <= g.height,
                "{what} {b:?} outside {}x{} for n={n}",
                g.width,
                g.height
            );
        };
        let r = g.outer_radius + g.colors.outer_stroke_width / 2.0;
        inside((g.cx - r, g.cy - r, g.cx + r, g.cy + r), "pie");
        let ls = g.colors.legend_size;
        let rows: Vec<(f64, f64, f64, f64)> = g
            .legend
            .iter()
            .map(|l| {
                (
                    l.x,
                    l.y.min(l.text_y - 0.8 * ls),
                    l.text_x + l.text.width,
                    (l.y + 18.0).max(l.text_y + 0.2 * ls),
                )
            })
            .collect();
        for (i, b) in rows.iter().enumerate() {
            inside(*b, "legend row");
            // Rows whose text is no taller than the 22 px pitch never overlap.
            if ls <= 20.0 {
                for c in &rows[i + 1..] {
                    let shrunk = (b.0, b.1 + 0.5, b.2, b.3 - 0.5);
                    assert!(
                        !overlaps(shrunk, (c.0, c.1 + 0.5, c.2, c.3 - 0.5)),
                        "rows overlap n={n}"
                    );
                }
            }
            assert!(b.0 > g.cx + g.outer_radius, "legend clear of the pie");
        }
        if let Some((tb, x, y)) = &g.title {
            let t = (
                x - tb.width / 2.0,
                y - 0.8 * 25.0,
                x + tb.width / 2.0,
                y + 5.0,
            );
            inside(t, "title");
            assert!(t.3 < g.cy - g.outer_radius, "title above the pie");
        }
        for s in &g.slices {
            let b = (
                s.label_x - s.label_width / 2.0,
                s.label_y - 14.0,
                s.label_x + s.label_width / 2.0,
                s.label_y + 4.0,
            );
            inside(b, "percentage");
        }
    }
}

#[test]
fn svg_is_well_formed_and_deterministic() {
    let src = "---\nconfig:\n  theme: forest\n---\npie showData title <b>&\"Fun\"</b>\naccTitle: T & <x>\naccDescr: D\n\"a<b>&c\" : 1\n\"B\" : 2.5\n\"C\" : 0.001\n";
    for theme in ["default", "dark", "forest", "neutral", "base"] {
        let cfg = config(&format!("{{theme: '{theme}'}}"));
        let svg = svg_of(src, &cfg);
        assert_eq!(svg, svg_of(src, &cfg), "deterministic");
        let opt = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        let tree = usvg::Tree::from_str(&svg, &opt).expect("valid SVG");
        assert!(tree.size().width() > 400.0);
        assert!(svg.contains("a&lt;b&gt;&amp;c [1]"));
        assert!(svg.contains("<title>T &amp; &lt;x&gt;</title>"));
        assert!(!svg.contains("<script"));
        for id in svg.split(" id=\"").skip(1) {
            assert!(id.starts_with('t'), "ids are prefixed: {id}");
        }
    }
}

#[test]
fn a_single_slice_is_a_whole_circle() {
    let svg = svg_of("pie\n\"All\": 3", &Config::default());
    assert!(
        svg.contains("A185,185,0,1,1,225,410A185,185,0,1,1,225,40Z"),
        "{svg}"
    );
    assert!(svg.contains(">100%<"));
    let svg = svg_of("pie\n\"None\": 0", &Config::default());
    assert!(!svg.contains("pieCircle\""), "a zero pie draws no slice");
    assert!(svg.contains(">None<"));
    let _ = Value::Null;
}

#[test]
fn hostile_inputs_never_panic() {
    for src in [
        "pie \"",
        "pie\n'",
        "pie\n\"a\":",
        "pie\n\"a\": 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
        "pie\n\"é\": 1 ü",
        "pie showData\r\n\"a\": 1\r\n",
        "pie\n%%{",
        "pie title",
        "pie\n\"\u{1F600}\": 1e5",
    ] {
        if let Ok(p) = parse_src(src) {
            let _ = render_pie(
                &p,
                &Context::new(&Config::default(), "x"),
            );
        }
    }
}
