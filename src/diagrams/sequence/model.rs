//! The parsed sequence diagram: plain typed data, no geometry.

/// How a participant is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A box with the label inside (`participant`).
    Participant,
    /// A stick figure with the label below (`actor`).
    Actor,
    Boundary,
    Control,
    Entity,
    Database,
    Collections,
    Queue,
}

impl Kind {
    /// The kind named by a `@{ "type": … }` value.
    pub fn from_name(s: &str) -> Option<Kind> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "participant" => Kind::Participant,
            "actor" => Kind::Actor,
            "boundary" => Kind::Boundary,
            "control" => Kind::Control,
            "entity" => Kind::Entity,
            "database" => Kind::Database,
            "collections" => Kind::Collections,
            "queue" => Kind::Queue,
            _ => return None,
        })
    }

    /// True for the kinds drawn as a symbol with the label below it.
    pub fn is_symbol(self) -> bool {
        matches!(
            self,
            Kind::Actor | Kind::Boundary | Kind::Control | Kind::Entity | Kind::Database
        )
    }
}

/// One lifeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// The name used in statements.
    pub id: String,
    /// The text drawn (the alias, or the id).
    pub label: String,
    pub kind: Kind,
    /// Wrap the label to the participant's width (`wrap:` prefix or the
    /// `wrap` option).
    pub wrap: bool,
    /// Links (`link` / `links`), label and target, in the order given.
    pub links: Vec<(String, String)>,
    /// Index of the box group holding it.
    pub group: Option<usize>,
    /// Index in [`Diagram::events`] of the message that creates it
    /// (`create participant …`).
    pub created_at: Option<usize>,
    /// Index in [`Diagram::events`] of the message that destroys it.
    pub destroyed_at: Option<usize>,
}

/// A `box … end` group of participants.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Fill colour (`None`: transparent).
    pub color: Option<String>,
    pub label: String,
}

/// An arrowhead at one end of a message line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    None,
    /// Filled triangle (`->>`).
    Filled,
    /// Cross (`-x`).
    Cross,
    /// Open async arrow (`-)`).
    Open,
    /// Half filled triangle above the line (`-|\`).
    SolidTop,
    /// Half filled triangle below the line (`-|/`).
    SolidBottom,
    /// One stroke above the line (`-\\`).
    StickTop,
    /// One stroke below the line (`-//`).
    StickBottom,
}

/// A message between two participants (or from one to itself).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub from: usize,
    pub to: usize,
    pub text: String,
    pub dotted: bool,
    /// Head at the sender's end (bidirectional and reversed half arrows).
    pub start: Head,
    /// Head at the receiver's end.
    pub end: Head,
    /// `()` at the sender's / receiver's end: a circle on the lifeline.
    pub central_from: bool,
    pub central_to: bool,
    /// `autonumber` number, when numbering is on.
    pub number: Option<f64>,
    pub wrap: bool,
}

/// A sequence number as drawn: whole numbers without decimals, others
/// with at most four.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let mut s = format!("{n:.4}");
        while s.ends_with('0') {
            s.pop();
        }
        s.trim_end_matches('.').to_string()
    }
}

/// Where a note sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    LeftOf(usize),
    RightOf(usize),
    /// Over one participant or spanning from the first to the second.
    Over(usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub placement: Placement,
    pub text: String,
    pub wrap: bool,
}

/// The kinds of block (`loop`, `alt`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Loop,
    Alt,
    Opt,
    Par,
    ParOver,
    Critical,
    Break,
    /// `rect COLOUR`: a background, no frame.
    Rect,
}

impl BlockKind {
    /// The word drawn in the label tab.
    pub fn word(self) -> &'static str {
        match self {
            BlockKind::Loop => "loop",
            BlockKind::Alt => "alt",
            BlockKind::Opt => "opt",
            BlockKind::Par | BlockKind::ParOver => "par",
            BlockKind::Critical => "critical",
            BlockKind::Break => "break",
            BlockKind::Rect => "rect",
        }
    }
}

/// One statement, in source order. Blocks are flat: a start, sections
/// and an end, properly nested (the parser checks it).
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Message(Message),
    Note(Note),
    /// `activate` (true) / `deactivate` (false), including the `+`/`-`
    /// of a message (which follow the message).
    Activation {
        participant: usize,
        on: bool,
    },
    /// `loop text` … : the label is the condition (for `rect`, the colour).
    BlockStart {
        kind: BlockKind,
        label: String,
    },
    /// `else text` / `and text` / `option text`.
    Section {
        label: String,
    },
    BlockEnd,
}

/// A whole diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    pub participants: Vec<Participant>,
    pub groups: Vec<Group>,
    pub events: Vec<Event>,
}

impl Diagram {
    /// Index of the participant named `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.participants.iter().position(|p| p.id == id)
    }
}
