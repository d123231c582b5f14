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

/// The attributes of the `<path>` of edge `i`.
fn edge_path(svg: &str, i: usize) -> &str {
    let k = svg.find(&format!("id=\"mermaid-edge-{i}\"")).unwrap();
    let start = svg[..k].rfind('<').unwrap();
    let end = k + svg[k..].find("/>").unwrap();
    &svg[start..end]
}

#[test]
fn animated_edges_are_dashed_and_move() {
    let src = "flowchart LR\nA e1@--> B\nB e2@--> C\nC e3@--> D\nD --> E\n\
               e1@{ animate: true }\ne2@{ animation: slow }\ne3@{ animation: fast }";
    let s = svg(src);
    let e1 = edge_path(&s, 0);
    assert!(e1.contains("class=\"edge edge-animation-fast\""), "{e1}");
    assert!(e1.contains("stroke-dasharray=\"9,5\"") && e1.contains("stroke-dashoffset=\"900\""));
    assert!(e1.contains("animation: dash 20s linear infinite"));
    assert!(edge_path(&s, 1).contains("edge-animation-slow") && edge_path(&s, 1).contains("50s"));
    assert!(edge_path(&s, 2).contains("edge-animation-fast"));
    let e4 = edge_path(&s, 3);
    assert!(
        !e4.contains("animation") && !e4.contains("dasharray"),
        "{e4}"
    );
    assert_eq!(s.matches("@keyframes dash").count(), 1);
    // The PNG draws the dashes: usvg reads the stylesheet and the dash array.
    let tree = usvg::Tree::from_str(&s, &usvg::Options::default()).unwrap();
    let mut dashed = 0;
    fn walk(g: &usvg::Group, n: &mut usize) {
        for c in g.children() {
            match c {
                usvg::Node::Group(g) => walk(g, n),
                usvg::Node::Path(p) if p.stroke().is_some_and(|s| s.dasharray().is_some()) => {
                    *n += 1;
                }
                _ => {}
            }
        }
    }
    walk(tree.root(), &mut dashed);
    assert_eq!(dashed, 3);
    let plain = svg("flowchart LR\nA --> B");
    assert!(!plain.contains("<style"), "no stylesheet without animation");
}

#[test]
fn class_def_applies_to_edges_by_id() {
    let s = svg("flowchart LR\nA e1@--> B\nB e2@--> C\n\
                 classDef animate stroke-dasharray: 9\\,5,stroke-dashoffset: 900,animation: dash 25s linear infinite;\n\
                 classDef red stroke:#f00\nclass e1 animate\nclass e2 red");
    let e1 = edge_path(&s, 0);
    assert!(e1.contains("animation: dash 25s linear infinite"), "{e1}");
    assert!(e1.contains("stroke-dasharray"), "{e1}");
    let e2 = edge_path(&s, 1);
    assert!(
        e2.contains("stroke=\"#f00\"") && !e2.contains("animation"),
        "{e2}"
    );
    // linkStyle wins over the class.
    let s = svg(
        "flowchart LR\nA e1@--> B\nclassDef red stroke:#f00\nclass e1 red\nlinkStyle 0 stroke:#00f",
    );
    assert!(edge_path(&s, 0).contains("stroke=\"#00f\""));
    // linkStyle with an animation.
    let s = svg("flowchart LR\nA --> B\nlinkStyle 0 stroke-dasharray:5 5,animation: dash 10s linear infinite");
    assert!(edge_path(&s, 0).contains("animation: dash 10s"));
}

#[test]
fn edge_class_shorthand_applies_to_the_edge() {
    let s = svg("flowchart LR\nA e1@--> B\nB --> C\nclassDef red stroke:#f00\ne1:::red");
    assert!(edge_path(&s, 0).contains("stroke=\"#f00\""), "{s}");
    assert!(!edge_path(&s, 1).contains("#f00"));
    // No node `e1` was made.
    let g = super::parse_source("flowchart LR\nA e1@--> B\nclassDef red stroke:#f00\ne1:::red")
        .unwrap();
    assert_eq!(g.nodes.len(), 2);
    // A node of that name still is a node.
    let g =
        super::parse_source("flowchart LR\nA --> B\nclassDef red stroke:#f00\ne1:::red").unwrap();
    assert_eq!(g.nodes.len(), 3);
}

/// Node boxes of a laid-out flowchart by id: (x, y) centres.
fn centres(src: &str) -> impl Fn(&str) -> (f64, f64) {
    let g = super::parse_source(src).unwrap();
    let pre = crate::syntax::read_preamble(src).unwrap();
    let config = crate::config::Config::resolve(&crate::config::Value::object(), None, &pre.config);
    let fl = super::layout(&g, &config).unwrap();
    move |id: &str| {
        let i = g.node_index(id).unwrap();
        let r = fl.geometry.nodes[i];
        (r.x, r.y)
    }
}

const NESTED: &str = "flowchart TD\nsubgraph TOP\n  direction LR\n  subgraph B1\n    direction RL\n    i1 -->f1\n  end\n  \
                      subgraph B2\n    direction BT\n    i2 -->f2\n  end\nend\nA --> TOP --> B\nB1 --> B2\n";

#[test]
fn nested_directions_hold_with_edges_to_the_subgraphs_themselves() {
    // The visual-regression set's combinations: TOP across the diagram,
    // B1 reversing TOP's, B2 reversing the diagram's; edges end on TOP,
    // B1 and B2 themselves, which does not stop them being laid out alone.
    for (outer, top) in [("TD", "LR"), ("LR", "TB")] {
        let src = NESTED
            .replace("flowchart TD", &format!("flowchart {outer}"))
            .replace(
                "direction LR\n  subgraph B1",
                &format!("direction {top}\n  subgraph B1"),
            );
        let at = centres(&src);
        let (i1, f1, i2, f2) = (at("i1"), at("f1"), at("i2"), at("f2"));
        assert!(
            f1.0 < i1.0 - 20.0 && (f1.1 - i1.1).abs() < 1.0,
            "B1 RL: {i1:?} {f1:?}"
        );
        assert!(
            f2.1 < i2.1 - 20.0 && (f2.0 - i2.0).abs() < 1.0,
            "B2 BT: {i2:?} {f2:?}"
        );
        let (b1, b2) = ((i1.0 + f1.0) / 2.0, (i2.0 + f2.0) / 2.0);
        if top == "LR" {
            assert!(b2 > b1 + 20.0, "TOP LR puts B2 right of B1");
        } else {
            assert!(i2.1.min(f2.1) > i1.1 + 20.0, "TOP TB puts B2 below B1");
        }
        let (a, b) = (at("A"), at("B"));
        if outer == "TD" {
            assert!(a.1 < i1.1 && b.1 > i2.1, "A above TOP, B below");
        } else {
            assert!(a.0 < f1.0 && b.0 > i1.0.max(f2.0), "A left of TOP, B right");
        }
    }
}

#[test]
fn isolated_subgraphs_run_across_their_parent_unless_inherit_dir() {
    // ../shared/corpus/mermaid-cypress/flowchart/0244 and 0245.
    let body =
        "flowchart TB\n  direction LR\n  subgraph A\n    direction TB\n    a --> b\n  end\n  \
                subgraph B\n    c --> d\n  end\n";
    let at = centres(&format!(
        "%%{{init: {{\"flowchart\": {{ \"inheritDir\": false }}}}}}%%\n{body}"
    ));
    assert!(at("a").1 < at("b").1 - 20.0, "A keeps its own TB");
    assert!(
        at("c").0 < at("d").0 - 20.0 && (at("c").1 - at("d").1).abs() < 1.0,
        "B runs LR"
    );
    let at = centres(&format!(
        "%%{{init: {{\"flowchart\": {{ \"inheritDir\": true }}}}}}%%\n{body}"
    ));
    assert!(
        at("c").1 < at("d").1 - 20.0 && (at("c").0 - at("d").0).abs() < 1.0,
        "B inherits TB"
    );
    // Inside LR, an isolated subgraph runs TB; one an edge enters inherits.
    let at =
        centres("flowchart LR\nsubgraph S\n  p --> q\nend\nsubgraph T\n  r --> s\nend\nx --> r");
    assert!(at("p").1 < at("q").1 - 20.0, "S isolated: TB inside LR");
    assert!(at("r").0 < at("s").0 - 20.0, "T entered by x: LR");
}

#[test]
fn forest_edges_are_black_as_mermaid_js_draws_them() {
    let src = "%%{init: {'theme': 'forest'}}%%\nflowchart TD\nA -->|x| B\nB --o C";
    let s = svg(src);
    for i in 0..2 {
        assert!(
            edge_path(&s, i).contains("stroke=\"#000000\""),
            "{}",
            edge_path(&s, i)
        );
    }
    let marker = &s[s.find("<marker").unwrap()..];
    let marker = &marker[..marker.find("</marker>").unwrap()];
    assert!(
        marker.contains("#000000") && !marker.contains("#008000"),
        "{marker}"
    );
    // Node borders keep the forest greens; a given lineColor wins.
    assert!(s.contains("#13540c"));
    let s = svg("%%{init: {'theme': 'forest', 'themeVariables': {'lineColor': '#ff0000'}}}%%\nflowchart TD\nA --> B");
    assert!(edge_path(&s, 0).contains("stroke=\"#ff0000\""));
    // Other themes keep their line colour.
    let s = svg("%%{init: {'theme': 'neutral'}}%%\nflowchart TD\nA --> B");
    assert!(
        edge_path(&s, 0).contains("stroke=\"#666\""),
        "{}",
        edge_path(&s, 0)
    );
}

#[test]
fn a_self_loop_on_a_subgraph_is_drawn_on_its_border() {
    for src in [
        // Laid out on its own (no edge enters it).
        "flowchart LR\n  subgraph S [Stage]\n    a --> b\n  end\n  S --> S\n  x --> y\n",
        // Entered by an edge: stays in the outer layout.
        "flowchart LR\n  subgraph S [Stage]\n    a --> b\n  end\n  S -->|again| S\n  x --> a\n",
        "flowchart TD\n  subgraph S\n    a\n  end\n  S --> S\n  a --> c\n",
    ] {
        let g = super::parse_source(src).unwrap();
        let e = g
            .edges
            .iter()
            .position(|e| e.from_cluster.is_some())
            .unwrap();
        assert_eq!(g.edges[e].from_cluster, g.edges[e].to_cluster);
        let fl = super::layout(&g, &crate::config::Config::default()).unwrap();
        let r = fl.geometry.clusters[g.edges[e].from_cluster.unwrap()].rect;
        let path = &fl.geometry.edges[e].path;
        let on = |p: crate::geometry::Point| {
            let near = |a: f64, b: f64| (a - b).abs() < 1.5;
            (near(p.x, r.left()) || near(p.x, r.right()))
                && p.y > r.top() - 1.5
                && p.y < r.bottom() + 1.5
                || (near(p.y, r.top()) || near(p.y, r.bottom()))
                    && p.x > r.left() - 1.5
                    && p.x < r.right() + 1.5
        };
        assert!(on(path.start) && on(path.end()), "{src}: {path:?} {r:?}");
        // Every point and label is on the canvas.
        let (w, h) = (fl.geometry.width, fl.geometry.height);
        for p in [path.start, path.end()] {
            assert!(p.x <= w && p.y <= h);
        }
        if let Some(l) = fl.geometry.edges[e].label {
            let apart = l.left() >= r.right() || l.top() >= r.bottom();
            assert!(l.right() <= w && l.bottom() <= h && apart, "{l:?} {r:?}");
        }
    }
}
