use super::layout::{Geometry, Text};
use super::model::{Flow, Sourcing};
use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn p(src: &str) -> model::Wardley {
    parse::parse(&read_preamble(src).unwrap()).unwrap()
}

fn err(src: &str) -> (String, usize, usize) {
    let e = parse::parse(&read_preamble(src).unwrap()).expect_err("should fail");
    (e.message, e.span.line, e.span.col)
}

#[test]
fn components_links_and_decorations() {
    let m = p("wardley-beta\ntitle Tea\nsize [1100, 800]\nanchor Business [0.95, 0.63]\ncomponent Cup of Tea [0.79, 0.61] label [19, -4]\ncomponent \"Web App\" [0.75, 0.80] (build) (inertia)\ncomponent Db [0.5, 0.45] (market)  # comment\nBusiness -> Cup of Tea\nCup of Tea +> \"Web App\"; main\n\"Web App\" +'backup'<> Db\nDb +< Business\nevolve Db 0.9\n");
    assert_eq!(m.title.as_deref(), Some("Tea"));
    assert_eq!(m.size, Some((1100.0, 800.0)));
    assert_eq!(m.components.len(), 4);
    assert!(m.components[0].anchor);
    assert_eq!(m.components[1].name, "Cup of Tea");
    assert_eq!(m.components[1].label_offset, Some((19.0, -4.0)));
    assert_eq!(m.components[2].sourcing, Some(Sourcing::Build));
    assert!(m.components[2].inertia);
    assert_eq!(m.components[3].sourcing, Some(Sourcing::Market));
    assert_eq!(m.components[3].evolve_to, Some(0.9));
    let flows: Vec<_> = m.links.iter().map(|l| (l.from, l.to, l.flow)).collect();
    assert_eq!(
        flows,
        vec![
            (0, 1, Flow::Plain),
            (1, 2, Flow::Forward),
            (2, 3, Flow::Both),
            (3, 0, Flow::Backward)
        ]
    );
    assert_eq!(m.links[1].context.as_deref(), Some("main"));
    assert_eq!(m.links[2].label.as_deref(), Some("backup"));
}

#[test]
fn pipelines_stages_notes_annotations_forces() {
    let m = p("wardley-beta\nevolution Genesis@0.25 -> Custom@0.5 -> Product@0.75 -> Commodity@1.0\ncomponent Kettle [0.45, 0.57]\npipeline Kettle {\n  component Campfire Kettle [0.35] label [-60, 35]\n  component \"Electric\" [0.53]\n}\nnote \"Standardise\" [0.30, 0.49]\nannotations [0.1, 0.2]\nannotation 1,[0.78, 0.82] \"User touchpoints\"\nannotation 2,[[0.5, 0.4], [0.6, 0.5]] \"Two places\"\naccelerator \"Cloud\" [0.2, 0.85]\ndeaccelerator Legacy [0.45, 0.35]\ncomponent Old [0.4, 0.4]\npipeline Old [0.1, 0.6]\n");
    assert_eq!(m.stages.len(), 4);
    assert_eq!(m.stages[1], ("Custom".to_string(), Some(0.5)));
    assert_eq!(m.pipelines.len(), 2);
    assert_eq!(m.pipelines[0].members.len(), 2);
    let campfire = &m.components[m.pipelines[0].members[0]];
    assert_eq!(campfire.name, "Campfire Kettle");
    assert_eq!(campfire.visibility, 0.45);
    assert_eq!(campfire.label_offset, Some((-60.0, 35.0)));
    assert_eq!(m.pipelines[1].range, Some((0.1, 0.6)));
    assert_eq!(m.notes[0].text, "Standardise");
    assert_eq!(m.annotations_at, Some((0.1, 0.2)));
    assert_eq!(m.annotations[1].points.len(), 2);
    assert_eq!(m.accelerators[0].text, "Cloud");
    assert_eq!(m.deaccelerators[0].text, "Legacy");
    // Placeholders and dual stage names are accepted.
    let m = p("wardley-beta\ntitle T\nsize [width, height]\nevolution Genesis / Concept -> Custom / Emerging\n");
    assert_eq!(m.size, None);
    assert_eq!(m.stages[0].0, "Genesis / Concept");
}

#[test]
fn errors_are_located() {
    let (m, l, c) = err("wardley-beta\ncomponent A [0.5]\n");
    assert!(m.contains("two numbers"), "{m}");
    assert_eq!((l, c), (2, 13));
    let (m, l, c) = err("wardley-beta\ncomponent A [0.5, x]\n");
    assert!(m.contains("found `x`"), "{m}");
    assert_eq!((l, c), (2, 19));
    let (m, l, c) = err("wardley-beta\ncomponent A [0.5, 0.5]\nA -> B\n");
    assert!(m.contains("`B`"), "{m}");
    assert_eq!((l, c), (3, 6));
    let (m, l, c) = err("wardley-beta\ncomponent A [0.5, 0.5] (rent)\n");
    assert!(m.contains("unknown `(rent)`"), "{m}");
    assert_eq!((l, c), (2, 25));
    let (m, l, c) = err("wardley-beta\nwidget A\n");
    assert!(m.contains("unexpected `widget`"), "{m}");
    assert_eq!((l, c), (2, 1));
    let (m, l, c) = err("wardley-beta\ncomponent A [0.5, 0.5]\npipeline A {\n component B [0.2]\n");
    assert!(m.contains("unclosed pipeline"), "{m}");
    assert_eq!((l, c), (3, 10));
    let (m, l, c) = err("wardley-beta\nevolve Nope 0.5\n");
    assert!(m.contains("`Nope`"), "{m}");
    assert_eq!((l, c), (2, 8));
    let (m, _, _) = err("wardley-beta\ncomponent A [0.5, 0.5]\nA -> \n");
    assert!(m.contains("both sides"), "{m}");
}

fn boxes(g: &Geometry) -> Vec<(f64, f64, f64, f64, String)> {
    let mut v: Vec<&Text> = Vec::new();
    v.extend(g.title.iter());
    v.extend(g.stage_labels.iter());
    v.extend(g.nodes.iter().map(|n| &n.label));
    v.extend(g.notes.iter());
    v.extend(g.forces.iter().map(|f| &f.label));
    v.push(&g.axis_x);
    v.iter()
        .map(|t| {
            (
                t.x,
                t.y,
                t.x + t.tb.width,
                t.y + t.tb.height,
                t.tb.lines.first().map_or(String::new(), |l| l.text.clone()),
            )
        })
        .collect()
}

#[test]
fn generated_maps_keep_texts_apart_and_inside() {
    for n in [1usize, 3, 6, 10] {
        let mut src = String::from("wardley-beta\ntitle Generated map\n");
        for k in 0..n {
            // A diagonal staircase: distinct rows and columns.
            let v = 0.9 - 0.8 * k as f64 / n as f64;
            let e = 0.05 + 0.8 * k as f64 / n as f64;
            src.push_str(&format!("component Comp {k} [{v:.3}, {e:.3}]\n"));
            if k > 0 {
                src.push_str(&format!("Comp {} -> Comp {k}\n", k - 1));
            }
        }
        let g = layout::layout(&p(&src));
        let b = boxes(&g);
        for (i, a) in b.iter().enumerate() {
            assert!(
                a.0 >= 0.0 && a.1 >= 0.0 && a.2 <= g.width && a.3 <= g.height,
                "{src}: {} outside",
                a.4
            );
            for c in b.iter().skip(i + 1) {
                let apart = a.2 <= c.0 || c.2 <= a.0 || a.3 <= c.1 || c.3 <= a.1;
                assert!(apart, "{src}: `{}` overlaps `{}`", a.4, c.4);
            }
            // No label sits on a component's circle.
            for nd in &g.nodes {
                let cx = nd.x.clamp(a.0, a.2);
                let cy = nd.y.clamp(a.1, a.3);
                let inside =
                    (cx - nd.x).powi(2) + (cy - nd.y).powi(2) < (layout::NODE_R - 0.5).powi(2);
                assert!(!inside || nd.anchor, "{src}: `{}` covers a circle", a.4);
            }
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "wardley-beta\ntitle A & <B>\nanchor U [0.9, 0.9]\ncomponent X [0.5, 0.5] (buy) (inertia)\ncomponent Y [0.3, 0.7] (market)\nU +'flows'> X\nX -> Y\nevolve X 0.8\npipeline Y [0.5, 0.9]\nnote \"n\" [0.2, 0.2]\nannotation 1,[0.4, 0.4] \"a\"\naccelerator \"f\" [0.1, 0.1]\n";
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    for theme in crate::theme::THEMES {
        let config = Config::resolve(&Value::object(), Some(theme), &Value::object());
        let cx = Context::new(&config, "m").with_background(Some("white"));
        let pre = read_preamble(src).unwrap();
        let d = render(&pre, &cx).unwrap();
        assert!(usvg::Tree::from_str(&d.svg, &opt).is_ok(), "{theme}");
        assert!(d.svg.contains("A &amp; &lt;B&gt;"));
        assert_eq!(d.svg, render(&pre, &cx).unwrap().svg);
    }
}
