//! Parser cases and located errors, layout invariants (no text over
//! another text or a box), SVG well-formedness, determinism, odd inputs.

use super::model::{Diagram, FragmentKind, Kind, Stmt};
use super::parse::parse;
use crate::syntax::{read_preamble, ParseError};

fn diagram(src: &str) -> Result<Diagram, ParseError> {
    parse(&read_preamble(src).expect("preamble"))
}

#[test]
fn comments_on_declarations_are_dropped() {
    let d = diagram("zenuml\n  // on a participant\n  B\n  // on a message\n  B.get()").unwrap();
    assert_eq!(d.items.len(), 1, "{d:?}");
    assert_eq!(d.items[0].comment.as_deref(), Some("on a message"));
    let _ = (FragmentKind::Alt, Kind::Actor);
    assert!(matches!(d.items[0].stmt, Stmt::Sync { .. }));
}
