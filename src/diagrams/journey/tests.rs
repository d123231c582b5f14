use super::model::Journey;
use super::*;
use crate::diagrams::Context;
use crate::syntax::read_preamble;

fn jr(src: &str) -> Journey {
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

const DOC: &str = "journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n      Go upstairs: 3: Me\n      Do work: 1: Me, Cat\n    section Go home\n      Go downstairs: 5: Me\n      Sit down: 5: Me\n";

#[test]
fn tasks_scores_actors_sections() {
    let j = jr(DOC);
    assert_eq!(j.title.as_deref(), Some("My working day"));
    assert_eq!(j.sections, ["Go to work", "Go home"]);
    let t: Vec<(&str, f64, Vec<&str>, Option<usize>)> = j
        .tasks
        .iter()
        .map(|t| {
            (
                t.name.as_str(),
                t.score,
                t.actors.iter().map(String::as_str).collect(),
                t.section,
            )
        })
        .collect();
    assert_eq!(t[2], ("Do work", 1.0, vec!["Me", "Cat"], Some(0)));
    assert_eq!(t[4], ("Sit down", 5.0, vec!["Me"], Some(1)));
    assert_eq!(j.actors(), ["Cat", "Me"]);
    // No actors, an empty actor list, accessibility, comments.
    let j = jr("journey\n accTitle: A\n accDescr: D\n %% note\n a: 3\n b: 4:\n c : 5 :  External Service\n");
    assert_eq!(j.acc_title.as_deref(), Some("A"));
    assert_eq!(j.acc_descr.as_deref(), Some("D"));
    assert!(j.tasks[0].actors.is_empty() && j.tasks[1].actors.is_empty());
    assert_eq!(j.tasks[2].actors, ["External Service"]);
    assert_eq!(j.tasks[0].section, None);
}

#[test]
fn errors_are_located() {
    let (l, c, m) = err("journey\n  Make tea: great: Me\n");
    assert_eq!((l, c), (2, 13));
    assert!(m.contains("needs a score"), "{m}");
    let (l, c, m) = err("journey\n  just words\n");
    assert_eq!((l, c), (2, 3));
    assert!(m.contains("unexpected `just`"), "{m}");
    let (l, _, m) = err("journey\n  : 5: Me\n");
    assert_eq!(l, 2);
    assert!(m.contains("needs a name"), "{m}");
    let (_, _, m) = err("journey\n section\n");
    assert!(m.contains("needs a name"), "{m}");
    let (l, c, _) = err("journey sideways\n");
    assert_eq!((l, c), (1, 9));
}

#[test]
fn faces_follow_scores_and_mermaid_positions() {
    let j = jr(DOC);
    let cfg = JourneyConfig::from_config(&Config::default());
    let g = layout::layout(&j, &cfg);
    // Tasks at 150 + 200 i, 150 wide, below their section.
    assert_eq!(g.tasks[1].node.rect.x, 350.0);
    assert_eq!(g.sections[0].rect.width, 550.0);
    assert_eq!(g.sections[1].rect.x, 750.0);
    // 30 px lower per point below 5.
    assert_eq!(g.tasks[1].face.1 - g.tasks[0].face.1, 60.0);
    assert_eq!(g.tasks[2].face.1 - g.tasks[0].face.1, 120.0);
    let svg = render_with(DOC, &Config::default()).svg;
    // Two dots on "Do work" (Me, Cat), legend with both actors.
    assert!(svg.contains(">Cat</tspan>") && svg.contains(">Me</tspan>"));
    assert_eq!(svg.matches("fill=\"#8FBC8F\"").count(), 2);
    assert_eq!(svg.matches("fill=\"#7CFC00\"").count(), 6);
    svg_ok(&svg);
}

#[test]
fn config_and_themes() {
    let cfg = Config::from_value(
        crate::syntax::parse_config_json(
            "{journey: {titleColor: '#2900A5', titleFontSize: '5rem', actorColours: ['red']}}",
        )
        .unwrap(),
    );
    let jc = JourneyConfig::from_config(&cfg);
    assert_eq!(jc.title_font_size, 80.0);
    assert_eq!(jc.actor_colours, ["red"]);
    let svg = render_with(DOC, &cfg).svg;
    assert!(svg.contains("#2900A5"));
    for theme in crate::theme::THEMES {
        let cfg = Config::resolve(&Value::object(), Some(theme), &Value::object());
        let d = render_with(DOC, &cfg);
        svg_ok(&d.svg);
        assert_eq!(d.svg, render_with(DOC, &cfg).svg);
    }
    let c = JourneyColors::from_theme(&crate::theme::Theme::default(), &jc);
    assert_eq!(c.fills[0], "#ECECFF");
    assert_eq!(c.fills[1], "#ffffde");
}

/// Generated journeys: no text overlaps another text, texts stay inside
/// their boxes, legend texts stay left of the tasks, all inside the canvas.
#[test]
fn generated_journeys_have_no_overlaps() {
    let words = [
        "Me",
        "Cat",
        "Gustavo Fring is played by Giancarlo Esposito and is a character in Breaking Bad.",
        "Supercalifragilisticexpialidocious",
        "日本語",
    ];
    let names = ["Make tea", "This is a long label that will be split into multiple lines to test the wrapping functionality", "x", "Go downstairs"];
    for seed in 0..30usize {
        let mut src = String::from("journey\n title Generated journey\n");
        for k in 0..(1 + seed % 6) {
            if (seed + k) % 3 == 0 {
                src.push_str(&format!(" section {}\n", names[(seed + k) % names.len()]));
            }
            let actors: Vec<&str> = (0..(seed + k) % 4)
                .map(|a| words[(seed + a * 3 + k) % words.len()])
                .collect();
            src.push_str(&format!(
                " {}: {}: {}\n",
                names[(seed * 5 + k) % names.len()],
                (seed + k) % 7,
                actors.join(", ")
            ));
        }
        let j = jr(&src);
        let cfg = JourneyConfig::from_config(&Config::default());
        let g = layout::layout(&j, &cfg);
        let mut texts: Vec<crate::geometry::Rect> = Vec::new();
        let inner = |b: &layout::Boxed| crate::geometry::Rect {
            x: b.rect.x + (b.rect.width - b.text.width) / 2.0,
            y: b.rect.y + (b.rect.height - b.text.height) / 2.0,
            width: b.text.width,
            height: b.text.height,
        };
        for b in g.sections.iter().chain(g.tasks.iter().map(|t| &t.node)) {
            let r = inner(b);
            assert!(
                r.x >= b.rect.x - 0.5 && r.x + r.width <= b.rect.x + b.rect.width + 0.5,
                "{src}\n{r:?} {:?}",
                b.rect
            );
            assert!(
                r.y >= b.rect.y - 0.5 && r.y + r.height <= b.rect.y + b.rect.height + 0.5,
                "{src}\n{r:?} {:?}",
                b.rect
            );
            texts.push(r);
        }
        for l in &g.legend {
            // The ink of 16 px text inside its 24 px line boxes.
            let r = crate::geometry::Rect {
                x: l.text_at.0,
                y: l.text_at.1 + 3.0,
                width: l.text.width,
                height: l.text.height - 6.0,
            };
            assert!(
                r.x + r.width < g.tasks[0].node.rect.x,
                "{src}\nlegend {r:?} reaches the tasks"
            );
            texts.push(r);
        }
        if let Some((tb, x, y)) = &g.title {
            texts.push(crate::geometry::Rect {
                x: *x,
                y: *y,
                width: tb.width,
                height: tb.height,
            });
        }
        for (i, a) in texts.iter().enumerate() {
            assert!(
                a.x >= -0.5
                    && a.y >= -0.5
                    && a.x + a.width <= g.width + 0.5
                    && a.y + a.height <= g.height + 0.5,
                "{src}\n{a:?}"
            );
            for b in texts.iter().skip(i + 1) {
                let apart = a.x + a.width <= b.x + 0.5
                    || b.x + b.width <= a.x + 0.5
                    || a.y + a.height <= b.y + 0.5
                    || b.y + b.height <= a.y + 0.5;
                assert!(apart, "{src}\n{a:?} {b:?}");
            }
        }
        // Faces stay below the arrow, on their lines.
        for t in &g.tasks {
            assert!(t.face.1 - layout::FACE_RADIUS > g.arrow.2, "{src}");
            assert!(t.face.1 + layout::FACE_RADIUS <= t.line.2, "{src}");
        }
        svg_ok(&render_with(&src, &Config::default()).svg);
    }
}
