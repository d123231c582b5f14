//! Test helpers every diagram type's tests share.

use super::{Context, RenderFn};
use crate::config::Config;
use crate::syntax::{read_preamble, ParseError, Preamble};

/// `src` read through the shared preamble, then a type's own parser.
pub(crate) fn parse_with<T>(
    src: &str,
    parse: impl Fn(&Preamble<'_>) -> Result<T, ParseError>,
) -> Result<T, ParseError> {
    parse(&read_preamble(src)?)
}

/// Where and why `src` is rejected: (line, column, message). Panics when
/// it parses.
pub(crate) fn error_with<T: std::fmt::Debug>(
    src: &str,
    parse: impl Fn(&Preamble<'_>) -> Result<T, ParseError>,
) -> (usize, usize, String) {
    match parse_with(src, parse) {
        Ok(d) => panic!("{src:?} parsed: {d:?}"),
        Err(e) => (e.span.line, e.span.col, e.message),
    }
}

/// Bodies that have broken parsers before: empty input, unclosed quotes and
/// directives, non-ASCII, huge and non-finite numbers, control characters.
const ODD_BODIES: &[&str] = &[
    "",
    "\n\n%%{init: {}\n}%%\n",
    "\"unclosed",
    "é,ü,1\n日本,語,2",
    "[1, 2, 3",
    "0-4294967295: \"x\"",
    "+99999999999999999999: \"x\"",
    "\"a\": 1e308\n\"b\": 1e308",
    "a,a,1",
    "  \"x\"\n\"y\"\n      \"z\": -5",
    "bar [1e308, -1e308]\ny-axis 5 --> 5",
    "x-axis [] \nline []",
    "title \u{0}\u{1}",
];

/// Every odd body after `header` renders (with a finite canvas and no NaN
/// in the SVG) or gives a located error; none panics.
pub(crate) fn odd_inputs_never_panic(header: &str, render: RenderFn) {
    for b in ODD_BODIES {
        let src = format!("{header}\n{b}");
        let Ok(pre) = crate::syntax::read_preamble(&src) else {
            continue;
        };
        let config = Config::default();
        let cx = Context::new(&config, "z");
        if let Ok(d) = render(&pre, &cx) {
            assert!(d.width.is_finite() && d.height.is_finite(), "{src}");
            assert!(!d.svg.contains("NaN"), "{src}");
        }
    }
}
