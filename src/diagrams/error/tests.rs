use super::*;
use crate::config::{Config, Value};
use crate::syntax::read_preamble;

fn run(src: &str) -> Result<Drawing, ParseError> {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), None, &pre.config);
    let cx = Context::new(&config, "m").with_background(Some("white"));
    render(&pre, &cx)
}

#[test]
fn the_keyword_alone_draws_the_error_picture() {
    for src in ["error", "  error\n", "error\n%% note\naccTitle: Oops\n"] {
        let d = run(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        assert!(d.svg.contains(MESSAGE), "{src:?}");
        assert!(d.svg.contains(env!("CARGO_PKG_VERSION")), "{src:?}");
        assert!(d.svg.contains("class=\"error-icon\""), "{src:?}");
    }
    assert!(run("error\naccTitle: Oops\n")
        .unwrap()
        .svg
        .contains("<title"));
}

#[test]
fn anything_after_the_keyword_is_a_located_error() {
    let e = run("error\n  graph TD").expect_err("not an error diagram");
    assert_eq!((e.span.line, e.span.col), (2, 3));
    assert!(e.message.contains("takes nothing"), "{}", e.message);
}

#[test]
fn texts_fit_the_canvas_and_the_picture_parses_as_svg() {
    let theme = crate::theme::Theme::default();
    let g = layout::layout(&theme);
    for l in [&g.message, &g.version] {
        assert!(l.x - l.text.width / 2.0 >= 0.0, "{l:?}");
        assert!(l.x + l.text.width / 2.0 <= g.width, "{l:?}");
        assert!(l.y <= g.height && l.y - l.size >= 0.0, "{l:?}");
    }
    let (cx, cy, r) = g.bomb;
    assert!(cx - r >= 0.0 && cy + r <= g.height);
    assert!(
        cx + r < g.message.x - g.message.text.width / 2.0,
        "icon left of the text"
    );
    let d = run("error").unwrap();
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    assert!(usvg::Tree::from_str(&d.svg, &opt).is_ok());
    assert_eq!(d.svg, run("error").unwrap().svg, "deterministic");
}

#[test]
fn colours_follow_the_theme_and_its_variables() {
    let d = run("error").unwrap();
    assert!(d.svg.contains("#552222"));
    let dark = run("%%{init: {'theme':'dark'}}%%\nerror").unwrap().svg;
    assert!(dark.contains("#a44141"), "{dark}");
    let vars = "%%{init: {'themeVariables': {'errorBkgColor':'#123456','errorTextColor':'#654321'}}}%%\nerror";
    let svg = run(vars).unwrap().svg;
    assert!(svg.contains("#123456") && svg.contains("#654321"), "{svg}");
}
