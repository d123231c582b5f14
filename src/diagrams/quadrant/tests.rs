//! Quadrant chart tests: parser cases, located errors, layout invariants,
//! SVG well-formedness and determinism.

use super::colors::QuadrantColors;
use super::layout::{layout, Geometry};
use super::model::Quadrant;
use super::{parse, render_quadrant, QuadrantConfig};
use crate::config::Config;
use crate::diagrams::Context;
use crate::syntax::ParseError;

fn parse_src(src: &str) -> Result<Quadrant, ParseError> {
    crate::diagrams::testkit::parse_with(src, parse::parse)
}

fn chart(src: &str) -> Quadrant {
    parse_src(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

fn err(src: &str) -> (usize, usize, String) {
    crate::diagrams::testkit::error_with(src, parse::parse)
}

fn config(json: &str) -> Config {
    Config::from_value(crate::syntax::parse_config_json(json).unwrap())
}

fn geometry(q: &Quadrant, cfg: &Config) -> Geometry {
    layout(
        q,
        &QuadrantConfig::from_config(cfg),
        &QuadrantColors::from_theme(&cfg.theme),
    )
}

fn svg_of(src: &str, cfg: &Config) -> String {
    let q = chart(src);
    render_quadrant(&q, &Context::new(cfg, "q").with_background(Some("white"))).svg
}

const FULL: &str = "quadrantChart\n  title Reach and engagement\n  x-axis Low Reach --> High Reach\n  y-axis Low Engagement --> High Engagement\n  quadrant-1 We should expand\n  quadrant-2 Need to promote\n  quadrant-3 Re-evaluate\n  quadrant-4 May be improved\n  Campaign A: [0.3, 0.6]\n  Campaign B: [0.45, 0.23]\n";

#[test]
fn a_full_chart() {
    let q = chart(FULL);
    assert_eq!(q.title.as_deref(), Some("Reach and engagement"));
    assert_eq!(
        (q.x_left.as_str(), q.x_right.as_str()),
        ("Low Reach", "High Reach")
    );
    assert_eq!(
        (q.y_bottom.as_str(), q.y_top.as_str()),
        ("Low Engagement", "High Engagement")
    );
    assert_eq!(q.quadrants[0], "We should expand");
    assert_eq!(q.quadrants[3], "May be improved");
    assert_eq!(q.points.len(), 2);
    assert_eq!(
        (q.points[1].name.as_str(), q.points[1].x, q.points[1].y),
        ("Campaign B", 0.45, 0.23)
    );
}

#[test]
fn one_ended_axes_quotes_and_case() {
    let q = chart("quadrantChart\nX-AXIS Reach -->\ny-axis \"Important ❤\"\nQuadrant-1 \"`Plan`\"");
    assert_eq!(q.x_left, "Reach ⟶ ");
    assert_eq!(q.x_right, "");
    assert_eq!(q.y_bottom, "Important ❤");
    assert_eq!(q.quadrants[0], "Plan");
    let q = chart("quadrantChart\nx-axis Low ---> High");
    assert_eq!((q.x_left.as_str(), q.x_right.as_str()), ("Low", "High"));
}

#[test]
fn styles_and_classes() {
    let q = chart("quadrantChart\nA:::hot: [0.1, 0.2] radius: 12, color: #ff0000\nB: [1, 0] stroke-color  : #0f0 ,  stroke-width: 3px\nclassDef hot color: #00ff00, radius : 10, stroke-width: 10px");
    let a = &q.points[0];
    assert_eq!(a.class.as_deref(), Some("hot"));
    let s = q.style_of(a);
    assert_eq!(s.radius, Some(12.0), "the point's own style wins");
    assert_eq!(s.color.as_deref(), Some("#ff0000"));
    assert_eq!(s.stroke_width, Some(10.0), "class fills the rest");
    let b = q.style_of(&q.points[1]);
    assert_eq!(b.stroke_color.as_deref(), Some("#0f0"));
    assert_eq!(b.stroke_width, Some(3.0));
}

#[test]
fn comments_semicolons_and_accessibility() {
    let q = chart("quadrantChart\n%% note\naccTitle: T\naccDescr {\n D \n}\nquadrant-1 A; quadrant-2 B %% c\ntitle X; Y\n");
    assert_eq!(q.acc_title.as_deref(), Some("T"));
    assert_eq!(q.acc_descr.as_deref(), Some("D"));
    assert_eq!(q.quadrants[0], "A");
    assert_eq!(q.quadrants[1], "B");
    assert_eq!(q.title.as_deref(), Some("X; Y"));
    assert!(chart("quadrantChart").points.is_empty());
}

#[test]
fn errors_are_located() {
    let (l, c, m) = err("quadrantChart\n  A: [1.5, 0.2]");
    assert_eq!((l, c), (2, 7));
    assert!(
        m.contains("x of \"A\" is 1.5") && m.contains("from 0 to 1"),
        "{m}"
    );
    let (l, c, m) = err("quadrantChart\nA: [0.5, -0.1]");
    assert_eq!((l, c), (2, 10));
    assert!(m.contains("y of \"A\""), "{m}");
    let (l, c, m) = err("quadrantChart\nA: [0.5]");
    assert_eq!((l, c), (2, 4));
    assert!(m.contains("two coordinates"), "{m}");
    let (l, c, m) = err("quadrantChart\nA: [0.5, 0.5 radius: 3");
    assert_eq!((l, c), (2, 4));
    assert!(m.contains("unclosed `[`"), "{m}");
    let (l, c, m) = err("quadrantChart\nA: [0.5, x]");
    assert_eq!((l, c), (2, 10));
    assert!(m.contains("expected a number"), "{m}");
    let (l, c, m) = err("quadrantChart\nA: [0.5, 0.5] radius: big");
    assert_eq!((l, c), (2, 23));
    assert!(m.contains("radius"), "{m}");
    let (l, c, m) = err("quadrantChart\nA: [0.5, 0.5] color: red");
    assert_eq!((l, c), (2, 22));
    assert!(m.contains("hex colour"), "{m}");
    let (l, c, m) = err("quadrantChart\nA: [0.5, 0.5] stroke-width: 3");
    assert_eq!((l, c), (2, 29));
    assert!(m.contains("pixels"), "{m}");
    let (l, c, m) = err("quadrantChart\nA: [0.5, 0.5] shadow: 3");
    assert_eq!((l, c), (2, 15));
    assert!(m.contains("`shadow` is not supported"), "{m}");
    let (l, c, m) = err("quadrantChart\n  nonsense here");
    assert_eq!((l, c), (2, 3));
    assert!(
        m.contains("unexpected `nonsense`") && m.contains("x-axis"),
        "{m}"
    );
    let (l, _, m) = err("quadrantChart\nquadrant-5 X");
    assert_eq!(l, 2);
    assert!(m.contains("unexpected `quadrant-5`"), "{m}");
    let (l, c, m) = err("quadrantChart\nx-axis --> High");
    assert_eq!((l, c), (2, 8));
    assert!(m.contains("label before"), "{m}");
    let (l, c, m) = err("quadrantChart\nA:::: [0.1, 0.1]");
    assert_eq!((l, c), (2, 5));
    assert!(m.contains("class name"), "{m}");
}

#[test]
fn mermaids_geometry() {
    let q = chart(FULL);
    let g = geometry(&q, &Config::default());
    assert_eq!((g.width, g.height, g.dx, g.dy), (500.0, 500.0, 0.0, 0.0));
    // Title 40, x axis below (points), y axis left: quadrants 232 x 212.
    let q1 = &g.quadrants[0];
    assert_eq!((q1.x, q1.y, q1.w, q1.h), (263.0, 45.0, 232.0, 212.0));
    let q3 = &g.quadrants[2];
    assert_eq!((q3.x, q3.y), (31.0, 257.0));
    // Labels at the top of their quadrant when there are points.
    assert_eq!(q1.label.as_ref().unwrap().y, 50.0);
    // Points: later ones drawn first; x scaled over the square, y upwards.
    assert_eq!(g.points[0].label.text, "Campaign B");
    let a = &g.points[1];
    assert!((a.x - (31.0 + 0.3 * 464.0)).abs() < 1e-9);
    assert!((a.y - (45.0 + 424.0 - 0.6 * 424.0)).abs() < 1e-9);
    assert_eq!(a.r, 5.0);
    let labels: Vec<(&str, f64, f64)> = g
        .axis_labels
        .iter()
        .map(|t| (t.text.as_str(), t.x, t.y))
        .collect();
    assert_eq!(labels[0], ("Low Reach", 147.0, 479.0));
    assert_eq!(labels[1], ("High Reach", 379.0, 479.0));
    assert_eq!(labels[2], ("Low Engagement", 5.0, 363.0));
    assert_eq!(labels[3], ("High Engagement", 5.0, 151.0));
}

#[test]
fn without_points_labels_are_centred_and_the_x_axis_is_on_top() {
    let q = chart("quadrantChart\nx-axis Urgent --> Not Urgent\ny-axis A --> B\nquadrant-1 Plan");
    let cfg = config("{quadrantChart: {chartWidth: 400, chartHeight: 400}}");
    let g = geometry(&q, &cfg);
    let q1 = &g.quadrants[0];
    assert_eq!((q1.x, q1.y, q1.w), (213.0, 31.0, 182.0));
    let l = q1.label.as_ref().unwrap();
    assert_eq!((l.x, l.y), (304.0, 122.0));
    assert_eq!(g.axis_labels[0].y, 5.0);
    let cfg = config("{quadrantChart: {xAxisPosition: 'bottom', yAxisPosition: 'right'}}");
    let g = geometry(&q, &cfg);
    assert_eq!(g.quadrants[1].x, 5.0);
    assert!(g.axis_labels[2].x > 470.0);
}

#[test]
fn theme_colours() {
    let c = QuadrantColors::from_theme(&Config::default().theme);
    assert_eq!(c.fills[0].to_ascii_lowercase(), "#ececff");
    assert_eq!(c.fills[1], "#f1f1ff");
    assert_eq!(c.fills[3], "#fbfbff");
    assert_eq!(c.texts[0], "#131300");
    assert_eq!(c.texts[1], "#0e0e00");
    assert_eq!(c.external_border, "#c7c7f1");
    let c = QuadrantColors::from_theme(
        &config("{themeVariables: {quadrant1Fill: '#b4dcff', quadrant1TextFill: 'ff0000', quadrantPointFill: '#0149ff'}}").theme,
    );
    assert_eq!(c.fills[0], "#b4dcff");
    assert_eq!(
        c.texts[0], "#333",
        "an invalid colour paints the inherited text colour"
    );
    assert_eq!(c.point, "#0149ff");
    for t in ["dark", "forest", "neutral", "base"] {
        let c = QuadrantColors::from_theme(&config(&format!("{{theme: '{t}'}}")).theme);
        assert!(c.fills.iter().all(|f| f.starts_with('#')), "{t}: {c:?}");
    }
}

/// Generated charts: every text and point inside the canvas, quadrant
/// labels inside their quadrant.
#[test]
fn layout_invariants_on_generated_charts() {
    for n in 0..30usize {
        let mut src = String::from("quadrantChart\n");
        if n % 2 == 0 {
            src.push_str(&format!("title {}\n", "Title words ".repeat(n % 9 + 1)));
        }
        if n % 3 != 0 {
            src.push_str("x-axis Low --> High\n");
        } else {
            src.push_str("x-axis Only low -->\n");
        }
        if n % 4 != 1 {
            src.push_str("y-axis Bottom --> Top\n");
        }
        for k in 1..=4 {
            src.push_str(&format!("quadrant-{k} Q{k}\n"));
        }
        for i in 0..n {
            let x = ((i * 37 + n) % 101) as f64 / 100.0;
            let y = ((i * 53 + 7 * n) % 101) as f64 / 100.0;
            src.push_str(&format!("P{i}: [{x}, {y}] radius: {}\n", 3 + i % 20));
        }
        let cfg = config(&format!(
            "{{quadrantChart: {{chartWidth: {}, chartHeight: {}, xAxisPosition: '{}', yAxisPosition: '{}'}}}}",
            300 + n * 20,
            250 + n * 15,
            if n % 2 == 0 { "top" } else { "bottom" },
            if n % 3 == 0 { "left" } else { "right" },
        ));
        let q = chart(&src);
        let g = geometry(&q, &cfg);
        let inside = |b: (f64, f64, f64, f64), what: &str| {
            let b = (b.0 + g.dx, b.1 + g.dy, b.2 + g.dx, b.3 + g.dy);
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
        for p in &g.points {
            inside(p.label.bounds(), "point label");
            inside((p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r), "point");
        }
        for r in &g.quadrants {
            let l = r.label.as_ref().unwrap().bounds();
            assert!(
                l.0 >= r.x && l.2 <= r.x + r.w && l.1 >= r.y && l.3 <= r.y + r.h,
                "quadrant label {l:?} outside its quadrant (n={n})"
            );
        }
        // Axis labels never overlap the quadrant square.
        let (sq0, sq1) = (&g.quadrants[1], &g.quadrants[3]);
        let square = (sq0.x, sq0.y, sq1.x + sq1.w, sq1.y + sq1.h);
        for t in &g.axis_labels {
            let b = t.bounds();
            assert!(
                !(b.0 < square.2 - 0.5
                    && square.0 + 0.5 < b.2
                    && b.1 < square.3 - 0.5
                    && square.1 + 0.5 < b.3),
                "axis label {} over the chart (n={n})",
                t.text
            );
        }
    }
}

#[test]
fn svg_is_well_formed_and_deterministic() {
    let src = "quadrantChart\naccTitle: A <&>\ntitle <Fun> & \"games\"\nx-axis a<b --> c&d\ny-axis e\nquadrant-1 <q1>\nP&Q: [0.5, 0.5] color: #f00, stroke-width: 2px\n";
    for theme in ["default", "dark", "forest", "neutral", "base"] {
        let cfg = config(&format!("{{theme: '{theme}'}}"));
        let svg = svg_of(src, &cfg);
        assert_eq!(svg, svg_of(src, &cfg));
        let opt = usvg::Options {
            fontdb: crate::text::fontdb(),
            ..Default::default()
        };
        let tree = usvg::Tree::from_str(&svg, &opt).expect("valid SVG");
        assert_eq!(tree.size().width(), 500.0);
        assert!(svg.contains("&lt;Fun&gt; &amp; &quot;games&quot;"));
        assert!(svg.contains(">P&amp;Q<"));
        for id in svg.split(" id=\"").skip(1) {
            assert!(id.starts_with('q'), "{id}");
        }
    }
}

#[test]
fn hostile_inputs_never_panic() {
    for src in [
        "quadrantChart\n\"",
        "quadrantChart\nA: [",
        "quadrantChart\nA: []",
        "quadrantChart\nA: [,]",
        "quadrantChart\nA: [0.1, 0.2] ,",
        "quadrantChart\nA: [0.1, 0.2] radius:",
        "quadrantChart\n: [0.1, 0.2]",
        "quadrantChart\nx-axis",
        "quadrantChart\nx-axis -->",
        "quadrantChart\nclassDef",
        "quadrantChart\n\"é\": [0.1, 0.2] color: #ééé",
        "quadrantChart\n%%{",
        "quadrantChart\nA: [1e400, 0]",
        "quadrantChart\nA: [NaN, 0]",
    ] {
        if let Ok(q) = parse_src(src) {
            let _ = render_quadrant(&q, &Context::new(&Config::default(), "x"));
        }
    }
}
