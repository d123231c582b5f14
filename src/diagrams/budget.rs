//! Work budgets ([`crate::Budgets`]) for the types other than flowcharts:
//! element counts against `max_nodes` / `max_edges`, nesting against
//! `max_nesting` and label length against `max_label_chars`, each refused
//! with the located [`ParseErrorKind::Budget`] error and the message the
//! flowchart parser gives ("…, more than the node budget of 200000 (raise
//! it with --max-nodes)").
//!
//! The budgets of the diagram being rendered are set for the parse by
//! [`scope`] (from [`super::Context::budgets`], in [`super::render`]), so
//! the parsers keep their signatures; outside a scope (a parser's own
//! tests) the defaults apply.

use std::cell::Cell;

use crate::syntax::{offset_in, ParseError, ParseErrorKind};
use crate::Budgets;

thread_local!(static CURRENT: Cell<Option<Budgets>> = const { Cell::new(None) });

/// The budgets in force until dropped (the previous ones come back).
pub(crate) struct Scope {
    prev: Option<Budgets>,
}

/// Use `b` for the parses on this thread until the result is dropped.
pub(crate) fn scope(b: Budgets) -> Scope {
    Scope {
        prev: CURRENT.with(|c| c.replace(Some(b))),
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.prev));
    }
}

/// The budgets in force.
pub(crate) fn current() -> Budgets {
    CURRENT.with(Cell::get).unwrap_or_default()
}

/// A budget error at `at` (a slice of `source`): `what` exceeds the
/// `name` budget of `limit`, raised with `flag`.
pub(crate) fn over(
    source: &str,
    at: &str,
    name: &'static str,
    what: String,
    limit: usize,
    flag: &str,
) -> ParseError {
    let start = offset_in(source, at).min(source.len());
    let end = (start + at.len()).min(source.len());
    let span = ParseError::syntax(source, start, end, String::new()).span;
    over_at(span, name, what, limit, flag)
}

/// The budget error itself, at a span already found (the flowchart's
/// lowering maps its own spans): the one place its message is written.
pub(crate) fn over_at(
    span: crate::syntax::Span,
    name: &'static str,
    what: String,
    limit: usize,
    flag: &str,
) -> ParseError {
    ParseError {
        kind: ParseErrorKind::Budget(name),
        message: format!("{what}, more than the {name} budget of {limit} (raise it with {flag})"),
        span,
    }
}

/// `count` elements so far (this one included), refused over the node
/// budget; `what` names one ("participant", "class", "slice").
pub(crate) fn nodes(source: &str, at: &str, count: usize, what: &str) -> Result<(), ParseError> {
    let limit = current().max_nodes;
    if count > limit {
        return Err(over(
            source,
            at,
            "node",
            format!("this {what} is number {count}"),
            limit,
            "--max-nodes",
        ));
    }
    Ok(())
}

/// `count` links so far (this one included), refused over the edge
/// budget; `what` names one ("message", "relation", "link").
pub(crate) fn edges(source: &str, at: &str, count: usize, what: &str) -> Result<(), ParseError> {
    let limit = current().max_edges;
    if count > limit {
        return Err(over(
            source,
            at,
            "edge",
            format!("this {what} is number {count}"),
            limit,
            "--max-edges",
        ));
    }
    Ok(())
}

/// An element `depth` levels deep (1 at the top), refused over the
/// nesting budget; `what` names it ("state", "block", "node").
pub(crate) fn nesting(source: &str, at: &str, depth: usize, what: &str) -> Result<(), ParseError> {
    let limit = current().max_nesting;
    if depth > limit {
        return Err(over(
            source,
            at,
            "nesting",
            format!("this {what} is nested {depth} levels deep"),
            limit,
            "--max-nesting",
        ));
    }
    Ok(())
}

/// A label (`text`, a slice of `source`), refused over the label budget
/// (counted in characters, only when its bytes could exceed it).
pub(crate) fn label(source: &str, text: &str) -> Result<(), ParseError> {
    let limit = current().max_label_chars;
    if text.len() > limit {
        let n = text.chars().count();
        if n > limit {
            return Err(over(
                source,
                text,
                "label",
                format!("this label has {n} characters"),
                limit,
                "--max-label-chars",
            ));
        }
    }
    Ok(())
}

/// The longest line of `body` (a slice of `source`) over the label
/// budget, refused: a line holds at most one label's worth of text, so
/// no label of a type whose labels are single lines can be longer.
pub(crate) fn lines(source: &str, body: &str) -> Result<(), ParseError> {
    let limit = current().max_label_chars;
    if body.len() <= limit {
        return Ok(());
    }
    for line in body.split('\n') {
        label(source, line.trim())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_nest_and_restore() {
        assert_eq!(current(), Budgets::default());
        let small = Budgets {
            max_nodes: 3,
            ..Budgets::default()
        };
        {
            let _s = scope(small);
            assert_eq!(current().max_nodes, 3);
            {
                let _t = scope(Budgets::default());
                assert_eq!(current(), Budgets::default());
            }
            assert_eq!(current().max_nodes, 3);
            let src = "x\nabc\n";
            let e = nodes(src, &src[2..5], 4, "thing").unwrap_err();
            assert_eq!(e.kind, ParseErrorKind::Budget("node"));
            assert_eq!((e.span.line, e.span.col), (2, 1));
            assert_eq!(
                e.message,
                "this thing is number 4, more than the node budget of 3 (raise it with --max-nodes)"
            );
            assert!(nodes(src, &src[2..5], 3, "thing").is_ok());
        }
        assert_eq!(current(), Budgets::default());
    }

    #[test]
    fn labels_count_characters() {
        let _s = scope(Budgets {
            max_label_chars: 3,
            ..Budgets::default()
        });
        let src = "a: ééé\nb: abcd\n";
        assert!(label(src, &src[3..9]).is_ok());
        let e = lines(src, src).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Budget("label"));
        assert_eq!(e.span.line, 1);
    }
}
