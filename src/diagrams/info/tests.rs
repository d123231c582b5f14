use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn run(src: &str) -> Result<Drawing, ParseError> {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), None, &pre.config);
    let cx = Context::new(&config, "m").with_background(Some("white"));
    render(&pre, &cx)
}

fn err(src: &str) -> (String, usize, usize) {
    let e = run(src).expect_err("should fail");
    (e.message, e.span.line, e.span.col)
}

#[test]
fn parses_forms() {
    let p = |s| parse::parse(&read_preamble(s).unwrap()).unwrap();
    assert!(!p("info").show_info);
    assert!(p("info showInfo").show_info);
    assert!(p("\n    info\n      ").show_info.eq(&false));
    let i = p("info\n%% c\naccTitle: T\naccDescr: D\n");
    assert_eq!(i.acc_title.as_deref(), Some("T"));
    assert_eq!(i.acc_descr.as_deref(), Some("D"));
}

#[test]
fn errors_are_located() {
    let (m, l, c) = err("info\n  foo");
    assert!(m.contains("unexpected `foo`"), "{m}");
    assert_eq!((l, c), (2, 3));
    let (m, l, c) = err("info\nshowInfo");
    assert!(m.contains("first line"), "{m}");
    assert_eq!((l, c), (2, 1));
}

#[test]
fn draws_name_and_version_inside_the_canvas() {
    let d = run("info showInfo").unwrap();
    assert!(d.svg.contains(env!("CARGO_PKG_VERSION")));
    assert!(d.svg.contains(env!("CARGO_PKG_NAME")));
    let pre = read_preamble("info").unwrap();
    let g = layout::layout(
        &parse::parse(&pre).unwrap(),
        &crate::theme::Theme::default(),
    );
    assert!(g.x - g.text.width / 2.0 >= 0.0 && g.x + g.text.width / 2.0 <= g.width);
    assert!(g.y - g.text.baseline >= 0.0 && g.y <= g.height);
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    assert!(usvg::Tree::from_str(&d.svg, &opt).is_ok());
    assert_eq!(d.svg, run("info showInfo").unwrap().svg);
}
