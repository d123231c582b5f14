//! What a ZenUML diagram says: participants, and a tree of statements
//! (messages with their nested bodies, fragments with their sections).

/// The icon a participant's type annotation asks for (`@Actor`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Plain,
    Actor,
    Boundary,
    Control,
    Entity,
    Database,
    Collections,
    Queue,
}

impl Kind {
    /// The kind an annotation word names (any other word: no icon).
    pub fn from_annotation(word: &str) -> Kind {
        match word.to_ascii_lowercase().as_str() {
            "actor" => Kind::Actor,
            "boundary" => Kind::Boundary,
            "control" => Kind::Control,
            "entity" => Kind::Entity,
            "database" => Kind::Database,
            "collections" => Kind::Collections,
            "queue" => Kind::Queue,
            _ => Kind::Plain,
        }
    }
}

/// A lifeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Participant {
    /// The name messages use.
    pub id: String,
    /// What its box shows (the alias's display name, or the id; empty for
    /// the implicit starter, drawn as an actor).
    pub label: String,
    pub kind: Kind,
    /// `<<Stereotype>>`, without the brackets.
    pub stereotype: Option<String>,
    /// `#RRGGBB` header colour.
    pub color: Option<String>,
    /// Least box width asked for (`participant A 120`).
    pub width: Option<f64>,
    /// Created by `new` before any message used it: its box is drawn
    /// where it is created.
    pub created: bool,
    /// Not drawn (the starter placeholder when no message needs it).
    pub hidden: bool,
}

/// A named box around some participants' headers (`group "x" { A B }`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub name: String,
    /// Participant indices.
    pub members: Vec<usize>,
}

/// The combined fragments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FragmentKind {
    Alt,
    Loop,
    Opt,
    Par,
    Critical,
    Section,
    Try,
}

impl FragmentKind {
    /// The label in the fragment's header.
    pub fn label(self) -> &'static str {
        match self {
            FragmentKind::Alt => "Alt",
            FragmentKind::Loop => "Loop",
            FragmentKind::Opt => "Opt",
            FragmentKind::Par => "Par",
            FragmentKind::Critical => "Critical",
            FragmentKind::Section => "Section",
            FragmentKind::Try => "Try",
        }
    }
}

/// One compartment of a fragment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    /// The text shown at the compartment's top: a condition (`[x]`), `[else]`,
    /// `catch`, `finally`; `None` shows nothing.
    pub label: Option<String>,
    pub body: Vec<Item>,
}

/// A statement with the comment lines written just above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub comment: Option<String>,
    pub stmt: Stmt,
}

/// What a statement does.
#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    /// A synchronous call `from → to` (`to == from`: a self call), with
    /// its nested body when it has `{ … }`; `assign` is the variable its
    /// result goes to (drawn as the return when the body does not return).
    Sync {
        from: usize,
        to: usize,
        label: String,
        assign: Option<String>,
        body: Option<Vec<Item>>,
    },
    /// An asynchronous message (`A->B: text`); `reply` when marked
    /// `@return`/`@reply` or written `-->` (drawn dashed).
    Async {
        from: usize,
        to: usize,
        label: String,
        reply: bool,
    },
    /// `new B(args)`: `label` is `«create»` or `«args»`.
    Create {
        from: usize,
        to: usize,
        label: String,
        assign: Option<String>,
        body: Option<Vec<Item>>,
    },
    /// `return x`: a dashed arrow from the current callee to its caller.
    Return {
        from: usize,
        to: usize,
        label: String,
    },
    Fragment {
        kind: FragmentKind,
        sections: Vec<Section>,
    },
    /// `ref(Name)`: a box over the participants.
    Ref { label: String },
    /// `== text ==`: a line across the diagram with a note.
    Divider { label: String },
}

/// A parsed diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// In drawing order; index 0 is the implicit starter (hidden unless a
    /// message without a sender needs it).
    pub participants: Vec<Participant>,
    pub groups: Vec<Group>,
    pub items: Vec<Item>,
}
