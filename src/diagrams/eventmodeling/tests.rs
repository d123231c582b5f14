use super::model::{Kind, Lane};
use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn p(src: &str) -> model::EventModel {
    parse::parse(&read_preamble(src).unwrap()).unwrap()
}

fn err(src: &str) -> (String, usize, usize) {
    let e = parse::parse(&read_preamble(src).unwrap()).expect_err("should fail");
    (e.message, e.span.line, e.span.col)
}

#[test]
fn frames_kinds_lanes_and_inferred_relations() {
    let m = p("eventmodeling\n\ntf 01 ui CartUI\ntimeframe 02 command AddItem { description: string }\ntf 03 evt ItemAdded\nrf 04 evt External.InventoryChanged\ntf 05 pcr InventoryProcessor\ntf 06 cmd Inventory.Change\ntf 07 evt Cart.InventoryChanged\n");
    let kinds: Vec<Kind> = m.frames.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        vec![
            Kind::Ui,
            Kind::Command,
            Kind::Event,
            Kind::Event,
            Kind::Processor,
            Kind::Command,
            Kind::Event
        ]
    );
    assert_eq!(m.frames[1].data, vec!["description: string"]);
    assert_eq!(m.streams, vec!["External", "Cart"]);
    assert_eq!(m.lane(&m.frames[3]), Lane::Stream(0));
    assert_eq!(m.lane(&m.frames[6]), Lane::Stream(1));
    // A namespaced command stays in its lane, shown by its name.
    assert_eq!(m.lane(&m.frames[5]), Lane::State);
    assert_eq!(m.frames[5].name, "Change");
    // The reset frame has no relation from the frame before.
    assert_eq!(m.relations(), vec![(0, 1), (1, 2), (3, 4), (4, 5), (5, 6)]);
}

#[test]
fn data_blocks_and_explicit_sources() {
    let m = p("eventmodeling\nrf 02 evt CartCreated\nrf 03 evt ItemAdded [[Item]]\ntf 01 rmo CartUI ->> 02 ->> 03\n\ndata Item\n{\n  productId: 7,\n  quantity: 1\n}\n%% done\n");
    assert_eq!(m.frames[1].data, vec!["productId: 7", "quantity: 1"]);
    assert_eq!(m.relations(), vec![(0, 2), (1, 2)]);
}

#[test]
fn errors_are_located() {
    let (msg, l, c) = err("eventmodeling\ntf 01 box CartUI\n");
    assert!(msg.contains("kind"), "{msg}");
    assert_eq!((l, c), (2, 7));
    let (msg, l, c) = err("eventmodeling\ntf 01 ui A ->> 09\n");
    assert!(msg.contains("`->> 09`"), "{msg}");
    assert_eq!((l, c), (2, 16));
    let (msg, l, c) = err("eventmodeling\ntf 01 evt A [[Missing]]\n");
    assert!(msg.contains("data Missing"), "{msg}");
    assert_eq!((l, c), (2, 15));
    let (msg, l, c) = err("eventmodeling\nframe 01 ui A\n");
    assert!(msg.contains("unexpected `frame`"), "{msg}");
    assert_eq!((l, c), (2, 1));
    let (msg, l, c) = err("eventmodeling\ntf 01 ui\n");
    assert!(msg.contains("name"), "{msg}");
    assert_eq!((l, c), (2, 7));
    let (msg, l, c) = err("eventmodeling\ndata X {\n a: 1\n");
    assert!(msg.contains("unclosed"), "{msg}");
    assert_eq!((l, c), (2, 8));
    let (msg, _, _) = err("eventmodeling\ntf 01 ui A extra\n");
    assert!(msg.contains("unexpected `extra`"), "{msg}");
}

#[test]
fn generated_models_keep_boxes_and_texts_apart() {
    let kinds = ["ui", "cmd", "evt", "rmo", "pcr", "evt Billing."];
    for n in [1usize, 3, 7, 12] {
        let mut src = String::from("eventmodeling\n");
        for k in 0..n {
            let kind = kinds[k % kinds.len()];
            let (kw, name) = match kind.split_once(' ') {
                Some((kw, ns)) => (kw, format!("{ns}Frame{k}")),
                None => (kind, format!("Frame number {k}").replace(' ', "")),
            };
            let data = if k % 3 == 0 {
                " { id: 7, longer_field_name: 'some text' }"
            } else {
                ""
            };
            src.push_str(&format!("tf {k:02} {kw} {name}{data}\n"));
        }
        let g = layout::layout(&p(&src));
        let mut rects: Vec<(f64, f64, f64, f64)> = g
            .boxes
            .iter()
            .map(|b| (b.x, b.y, b.x + b.w, b.y + b.h))
            .collect();
        for b in &g.boxes {
            // The text block inside its box.
            let tw = b.name.width.max(b.data.as_ref().map_or(0.0, |d| d.width));
            let th = b.name.height + b.data.as_ref().map_or(0.0, |d| d.height + 8.0);
            assert!(
                tw <= b.w && b.text_y >= b.y && b.text_y + th <= b.y + b.h,
                "{src}"
            );
        }
        for l in &g.lanes {
            rects.push((
                l.label_x,
                l.label_y,
                l.label_x + l.label.width,
                l.label_y + l.label.height,
            ));
        }
        for (i, a) in rects.iter().enumerate() {
            assert!(
                a.0 >= 0.0 && a.1 >= 0.0 && a.2 <= g.width && a.3 <= g.height,
                "{src}"
            );
            for b in rects.iter().skip(i + 1) {
                let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                assert!(apart, "{src}: {a:?} overlaps {b:?}");
            }
        }
    }
}

#[test]
fn svg_is_well_formed_in_every_theme_and_deterministic() {
    let src = "eventmodeling\ntf 01 ui A&B\ntf 02 cmd <Add> { x: 1 }\ntf 03 evt S.Added\n";
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
        assert!(d.svg.contains("A&amp;B") && d.svg.contains("&lt;Add&gt;"));
        assert_eq!(d.svg, render(&pre, &cx).unwrap().svg);
    }
    let config = Config::resolve(&Value::object(), None, &Value::object());
    let cx = Context::new(&config, "m");
    assert!(render(&read_preamble("eventmodeling").unwrap(), &cx).is_ok());
}
