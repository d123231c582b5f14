//! The state diagram model: plain typed data produced by `parse`.

use crate::geometry::Direction;
use crate::style::StyleDecl;

/// What a state is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// A rounded box with its name (or descriptions).
    #[default]
    Normal,
    /// `[*]` as a transition's source: a filled circle.
    Start,
    /// `[*]` as a transition's target: a ringed circle.
    End,
    /// `<<choice>>`: a small diamond.
    Choice,
    /// `<<fork>>`: a bar.
    Fork,
    /// `<<join>>`: a bar.
    Join,
}

/// A state. A state with a body (`state X { … }`) is a composite: it is
/// drawn as a box around its children (see [`Diagram::composites`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub id: String,
    pub kind: Kind,
    /// `state "name" as id` and `id : text` lines, in order. No entry:
    /// the id is shown; one: that text; more: the first is a title over
    /// the others.
    pub descriptions: Vec<String>,
    /// The composite (index into [`Diagram::composites`]) holding it.
    pub parent: Option<usize>,
    /// Concurrency region of `parent` it belongs to (0 without `--`).
    pub region: usize,
    /// `classDef` classes applied (`class`, `:::`), in order.
    pub classes: Vec<String>,
    /// `style id …` declarations.
    pub style: Vec<StyleDecl>,
    /// Index into [`Diagram::composites`] when this state has a body.
    pub composite: Option<usize>,
}

impl State {
    /// The text drawn as the state's name.
    pub fn title(&self) -> &str {
        self.descriptions.first().map_or(&self.id, |s| s.as_str())
    }
    /// Description lines drawn under the title (`id : text` after the first).
    pub fn body(&self) -> &[String] {
        self.descriptions.get(1..).unwrap_or(&[])
    }
}

/// A composite state: a box around its children.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Composite {
    /// The state it draws.
    pub state: usize,
    /// The composite around it.
    pub parent: Option<usize>,
    /// `direction` inside its body.
    pub direction: Option<Direction>,
    /// Number of concurrency regions (`--` separators + 1).
    pub regions: usize,
}

/// `a --> b : label`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Transition {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
}

/// Side of a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    Left,
    #[default]
    Right,
}

/// `note left of s : text` or a block note. A floating note
/// (`note "text" as N`) has no state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Note {
    pub state: Option<usize>,
    pub side: Side,
    pub text: String,
    /// The composite the note is drawn in (its state's).
    pub parent: Option<usize>,
    pub region: usize,
}

/// A parsed state diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub direction: Option<Direction>,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    pub states: Vec<State>,
    pub composites: Vec<Composite>,
    pub transitions: Vec<Transition>,
    pub notes: Vec<Note>,
    /// `classDef name decls`, in order.
    pub class_defs: Vec<(String, Vec<StyleDecl>)>,
}

impl Diagram {
    /// Index of the state with `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.states.iter().position(|s| s.id == id)
    }

    /// The style declarations of a state: its classes in order, then its
    /// own `style`.
    pub fn style_of(&self, i: usize) -> crate::style::ResolvedStyle {
        let mut r = crate::style::ResolvedStyle::default();
        let Some(s) = self.states.get(i) else {
            return r;
        };
        for c in &s.classes {
            for (name, decls) in &self.class_defs {
                if name == c {
                    r.apply(decls);
                }
            }
        }
        r.apply(&s.style);
        r
    }
}
