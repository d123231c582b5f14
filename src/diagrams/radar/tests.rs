//! Radar chart tests: parser cases, located errors, layout invariants, SVG
//! well-formedness and determinism.

use super::colors::RadarColors;
use super::draw::closed_curve;
use super::layout::{layout, Geometry, HAnchor};
use super::model::{Graticule, Radar};
use super::{parse, render_radar, RadarConfig};
use crate::config::Config;
use crate::diagrams::Context;
use crate::syntax::ParseError;

fn parse_src(src: &str) -> Result<Radar, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn radar(src: &str) -> Radar {
    parse_src(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

fn config(json: &str) -> Config {
    Config::from_value(crate::syntax::parse_config_json(json).unwrap())
}

fn geometry(r: &Radar, cfg: &Config) -> Geometry {
    layout(
        r,
        &RadarConfig::from_config(cfg),
        RadarColors::from_theme(&cfg.theme, cfg.font_size),
    )
}

fn svg_of(src: &str, cfg: &Config) -> String {
    render_radar(
        &radar(src),
        &Context::new(cfg, "r").with_background(Some("white")),
    )
    .svg
}

fn axes(r: &Radar) -> String {
    r.axes
        .iter()
        .map(|a| format!("{}={}", a.id, a.label))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn axes_curves_and_options() {
    let r = radar("radar-beta\n  title Grades\n  axis m[\"Math\"], s[\"Science\"]\n  axis e\n  curve a[\"Alice\"]{85, 90, 80.5}\n  curve b{1,2,3}, c{3,2,1}\n  max 100\n  min 10\n  ticks 4, graticule polygon\n  showLegend false\n");
    assert_eq!(r.title.as_deref(), Some("Grades"));
    assert_eq!(axes(&r), "m=Math, s=Science, e=e");
    assert_eq!(r.curves.len(), 3);
    assert_eq!(r.curves[0].label, "Alice");
    assert_eq!(r.curves[0].values, vec![85.0, 90.0, 80.5]);
    assert_eq!(r.curves[2].id, "c");
    assert_eq!((r.max, r.min, r.ticks), (Some(100.0), 10.0, 4));
    assert_eq!(r.graticule, Graticule::Polygon);
    assert!(!r.show_legend);
}

#[test]
fn values_by_axis_name_may_span_lines() {
    let r = radar("radar-beta:\naxis A, B, Stam[\"Stamina\"]\ncurve n[\"Naruto\"]{\n  B 2, A: 1,\n  Stam 5\n}\n");
    assert_eq!(r.curves[0].values, vec![1.0, 2.0, 5.0]);
    assert_eq!(axes(&r), "A=A, B=B, Stam=Stamina");
}

#[test]
fn defaults_comments_and_accessibility() {
    let r = radar("---\ntitle: Front\n---\nradar-beta\n%% comment\naccTitle: T\naccDescr { D }\naxis A %% trailing\n");
    assert_eq!(r.title.as_deref(), Some("Front"));
    assert_eq!(r.acc_title.as_deref(), Some("T"));
    assert_eq!(r.acc_descr.as_deref(), Some("D"));
    assert_eq!((r.ticks, r.min, r.max, r.show_legend), (5, 0.0, None, true));
    assert_eq!(r.graticule, Graticule::Circle);
    let r = radar("radar\naxis A\ncurve c{1}");
    assert_eq!(r.curves.len(), 1);
}

#[test]
fn errors_are_located() {
    let (l, c, m) = err("radar-beta\naxis A, B\ncurve c{A: 1}\n");
    assert_eq!((l, c), (3, 7));
    assert!(m.contains("no value for the axis `B`"), "{m}");
    let (l, c, m) = err("radar-beta\naxis A\ncurve c{Z: 1}\n");
    assert_eq!((l, c), (3, 9));
    assert!(m.contains("unknown axis `Z`"), "{m}");
    let (l, c, m) = err("radar-beta\naxis A\ncurve c{1, x}\n");
    assert_eq!((l, c), (3, 12));
    assert!(m.contains("all by position or all by axis name"), "{m}");
    let (l, c, m) = err("radar-beta\naxis A\ncurve c{1 2}\n");
    assert_eq!((l, c), (3, 11));
    assert!(m.contains("expected `,` or `}`"), "{m}");
    let (l, c, m) = err("radar-beta\naxis A\ncurve c{1,\n");
    assert_eq!((l, c), (3, 8));
    assert!(m.contains("unclosed `{`"), "{m}");
    let (l, c, m) = err("radar-beta\ncurve c 1,2\n");
    assert_eq!((l, c), (2, 9));
    assert!(m.contains("expected `{`"), "{m}");
    let (l, c, m) = err("radar-beta\naxis A[Label]\n");
    assert_eq!((l, c), (2, 7));
    assert!(m.contains("quoted label"), "{m}");
    let (l, c, m) = err("radar-beta\naxis A, A\n");
    assert_eq!((l, c), (2, 9));
    assert!(m.contains("defined twice"), "{m}");
    let (l, c, m) = err("radar-beta\n  graticule square\n");
    assert_eq!((l, c), (2, 13));
    assert!(m.contains("`circle` or `polygon`"), "{m}");
    let (l, c, m) = err("radar-beta\nshowLegend maybe\n");
    assert_eq!((l, c), (2, 12));
    assert!(m.contains("`true` or `false`"), "{m}");
    let (l, c, m) = err("radar-beta\nticks 2.5\n");
    assert_eq!((l, c), (2, 7));
    assert!(m.contains("whole number"), "{m}");
    let (l, c, m) = err("radar-beta\nmax lots\n");
    assert_eq!((l, c), (2, 5));
    assert!(m.contains("expected a number for `max`"), "{m}");
    let (l, c, m) = err("radar-beta\n  spokes 5\n");
    assert_eq!((l, c), (2, 3));
    assert!(
        m.contains("unexpected `spokes`") && m.contains("`axis`"),
        "{m}"
    );
    let (l, c, m) = err("radar-beta\naxis A B\n");
    assert_eq!((l, c), (2, 8));
    assert!(m.contains("unexpected `B`"), "{m}");
}

#[test]
fn mermaids_geometry() {
    let r =
        radar("radar-beta\ntitle T\naxis A, B, C, D\ncurve a{4, 3, 2, 4}\ncurve b{1, 2}\nmax 5\n");
    let g = geometry(&r, &Config::default());
    assert_eq!((g.width, g.height), (700.0, 700.0));
    assert_eq!((g.cx, g.cy), (350.0, 350.0));
    assert_eq!(g.rings, vec![60.0, 120.0, 180.0, 240.0, 300.0]);
    // Axis A points up, B right.
    assert!((g.axes[0].2 - 50.0).abs() < 1e-9);
    assert!((g.axes[1].1 - 650.0).abs() < 1e-9);
    // Value 4 of 5 on A: 240 px up.
    let a = &g.curves[0];
    assert!((a.points[0].1 - (350.0 - 240.0)).abs() < 1e-9);
    assert_eq!(
        g.curves.len(),
        1,
        "a curve without a value per axis is not drawn"
    );
    let anchors: Vec<HAnchor> = g.axis_labels.iter().map(|t| t.anchor).collect();
    assert_eq!(
        anchors,
        vec![
            HAnchor::Middle,
            HAnchor::Start,
            HAnchor::Middle,
            HAnchor::End
        ]
    );
    // Legend at three quarters of the way to the top-right corner.
    assert_eq!((g.legend[0].x, g.legend[0].y), (612.5, 87.5));
    assert_eq!(g.legend[1].y - g.legend[0].y, 20.0);
    assert_eq!(g.legend.len(), 2, "every curve has a legend row");
}

#[test]
fn the_scale_clips_to_min_and_max() {
    let r = radar("radar-beta\naxis A, B\ncurve a{-5, 50}\nmin 0\nmax 10");
    let g = geometry(&r, &Config::default());
    let p = &g.curves[0].points;
    assert!((p[0].1 - g.cy).abs() < 1e-9, "below min sits at the centre");
    assert!(
        (p[1].1 - (g.cy + 300.0)).abs() < 1e-9,
        "above max sits on the rim"
    );
    // Equal min and max never divide by zero.
    let r = radar("radar-beta\naxis A, B\ncurve a{0, 0}");
    let g = geometry(&r, &Config::default());
    assert!(g.curves[0]
        .points
        .iter()
        .all(|p| p.0.is_finite() && p.1.is_finite()));
}

#[test]
fn config_and_theme_variables() {
    let cfg = config("{radar: {axisScaleFactor: 0.25, curveTension: 0.1, width: 400, marginTop: 100}, theme: 'base', themeVariables: {cScale0: '#FF0000', radar: {curveOpacity: 0, axisColor: '#123456', legendFontSize: 20}}}");
    let r = radar("radar-beta\naxis A, B\ncurve a{1, 2}");
    let g = geometry(&r, &cfg);
    assert!(
        (g.axes[0].2 - (g.cy - 50.0)).abs() < 1e-9,
        "axis line scaled"
    );
    assert_eq!(g.tension, 0.1);
    assert_eq!(g.rings.last(), Some(&200.0));
    let c = &g.colors;
    assert_eq!(c.curve(0), "#FF0000");
    assert_eq!(c.curve_opacity, 0.0);
    assert_eq!(c.axis, "#123456");
    assert_eq!(c.legend_size, 20.0);
    let d = RadarColors::from_theme(&Config::default().theme, 16.0);
    assert_eq!(d.scale.len(), 12);
    assert_eq!(d.curve(12), d.curve(0));
    // Default theme: hsl(240, 100%, 76.27%).
    assert_eq!(d.scale[0], "#8686ff");
    for t in ["dark", "forest", "neutral", "base"] {
        let c = RadarColors::from_theme(&config(&format!("{{theme: '{t}'}}")).theme, 16.0);
        assert_eq!(c.scale.len(), 12, "{t}");
    }
}

#[test]
fn curves_are_closed_catmull_rom_paths() {
    let d = closed_curve(
        &[(0.0, -10.0), (10.0, 0.0), (0.0, 10.0), (-10.0, 0.0)],
        0.17,
    );
    assert!(d.starts_with("M0,-10 C3.4,-10 10,-3.4 10,0"), "{d}");
    assert!(d.ends_with(" 0,-10 Z"));
    assert_eq!(d.matches(" C").count(), 4);
    assert_eq!(closed_curve(&[], 0.17), "");
}

/// Generated charts: every text inside the canvas, no two axis labels
/// overlapping, legend rows apart.
#[test]
fn layout_invariants_on_generated_charts() {
    for n in 1..25usize {
        let mut src = String::from("radar-beta\n");
        if n % 2 == 0 {
            src.push_str(&format!("title {}\n", "Words ".repeat(n)));
        }
        let names: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
        for (i, a) in names.iter().enumerate() {
            src.push_str(&format!("axis {a}[\"Axis {}\"]\n", "x".repeat(i % 9)));
        }
        for k in 0..(n % 5 + 1) {
            let vals: Vec<String> = (0..n).map(|i| ((i * 7 + k * 3) % 11).to_string()).collect();
            src.push_str(&format!(
                "curve c{k}[\"Curve {k} {}\"]{{{}}}\n",
                "y".repeat(n),
                vals.join(", ")
            ));
        }
        if n % 3 == 0 {
            src.push_str("graticule polygon\n");
        }
        let cfg = config(&format!(
            "{{radar: {{width: {}, height: {}, marginTop: {}}}}}",
            200 + n * 30,
            250 + n * 20,
            n * 3
        ));
        let r = radar(&src);
        let g = geometry(&r, &cfg);
        let inside = |b: (f64, f64, f64, f64), what: &str| {
            assert!(
                b.0 >= -0.01 && b.1 >= -0.01 && b.2 <= g.width + 0.01 && b.3 <= g.height + 0.01,
                "{what} {b:?} outside {}x{} (n={n})",
                g.width,
                g.height
            );
        };
        for t in g.axis_labels.iter().chain(g.title.iter()) {
            inside(t.bounds(), &t.text);
        }
        for l in &g.legend {
            inside(l.text.bounds(), "legend");
        }
        for w in g.legend.windows(2) {
            assert!(w[0].text.bounds().3 <= w[1].text.bounds().1 + 0.01);
        }
        let r0 = g.rings.last().copied().unwrap_or(0.0);
        inside((g.cx - r0, g.cy - r0, g.cx + r0, g.cy + r0), "graticule");
        for c in &g.curves {
            for p in &c.points {
                assert!(((p.0 - g.cx).powi(2) + (p.1 - g.cy).powi(2)).sqrt() <= r0 + 1e-6);
            }
        }
        // Axis labels outside the graticule.
        for t in &g.axis_labels {
            let b = t.bounds();
            let nearest_x = g.cx.clamp(b.0, b.2);
            let nearest_y = g.cy.clamp(b.1, b.3);
            let d = ((nearest_x - g.cx).powi(2) + (nearest_y - g.cy).powi(2)).sqrt();
            assert!(d >= r0 * 0.95, "label {} inside the chart (n={n})", t.text);
        }
    }
}

#[test]
fn svg_is_well_formed_and_deterministic() {
    let src = "radar-beta\naccTitle: <A&B>\ntitle \"Q\" & <R>\naxis a[\"x<y\"], b, c\ncurve k[\"a&b\"]{1, 2, 3}\n";
    for theme in ["default", "dark", "forest", "neutral", "base"] {
        for grat in ["", "graticule polygon\n"] {
            let src = format!("{src}{grat}");
            let cfg = config(&format!("{{theme: '{theme}'}}"));
            let svg = svg_of(&src, &cfg);
            assert_eq!(svg, svg_of(&src, &cfg));
            let opt = usvg::Options {
                fontdb: crate::text::fontdb(),
                ..Default::default()
            };
            usvg::Tree::from_str(&svg, &opt).expect("valid SVG");
            assert!(svg.contains(">x&lt;y<"));
            assert!(svg.contains(">a&amp;b<"));
            for id in svg.split(" id=\"").skip(1) {
                assert!(id.starts_with('r'), "{id}");
            }
        }
    }
}

#[test]
fn hostile_inputs_never_panic() {
    for src in [
        "radar-beta\naxis",
        "radar-beta\naxis A[",
        "radar-beta\naxis A[\"x",
        "radar-beta\ncurve",
        "radar-beta\ncurve c{",
        "radar-beta\ncurve c{}",
        "radar-beta\ncurve c{-}",
        "radar-beta\naxis A\ncurve c{A:}",
        "radar-beta\nticks 99999999999",
        "radar-beta\nmax -1\naxis A\ncurve c{5}",
        "radar-beta\naxis é\ncurve ü{1}",
        "radar-beta\n,",
        "radar-beta\nticks 0\naxis A\ncurve c{1}",
    ] {
        if let Ok(r) = parse_src(src) {
            let _ = render_radar(&r, &Context::new(&Config::default(), "x"));
        }
    }
}
