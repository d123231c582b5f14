//! The geometry a layout produces: boxes, lines and placed texts, in
//! layout space (draw translated by [`Layout::origin`]).

use super::model::{BlockKind, Kind};
use super::Align;
use crate::text::TextBox;

/// An axis-aligned box by its top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bx {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Bx {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// True when the two boxes overlap by more than `tol` in both directions.
    pub fn overlaps(&self, o: &Bx, tol: f64) -> bool {
        self.x + tol < o.right()
            && o.x + tol < self.right()
            && self.y + tol < o.bottom()
            && o.y + tol < self.bottom()
    }
}

/// A text placed: its lines, the box it fills and the anchor of its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: TextBox,
    pub size: f64,
    /// The box the lines fill (top-left, measured width and height).
    pub area: Bx,
    pub align: Align,
}

/// One participant: its top box (and bottom box when mirrored), lifeline.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorGeom {
    /// Index in the model.
    pub index: usize,
    pub kind: Kind,
    /// Lifeline x.
    pub x: f64,
    pub top: Bx,
    pub bottom: Option<Bx>,
    /// Label in the top box and in the bottom box.
    pub label_top: Label,
    pub label_bottom: Option<Label>,
    /// Lifeline from y0 to y1.
    pub life: (f64, f64),
    /// Destroyed: a cross at the lifeline's end.
    pub destroyed: bool,
    /// `link`s listed under the participant: label and target.
    pub links: Vec<(Label, String)>,
}

/// A message's line.
#[derive(Debug, Clone, PartialEq)]
pub enum Path {
    Line {
        x1: f64,
        x2: f64,
        y: f64,
    },
    /// A loop from (x, y) out to the right and back to (x, y + h);
    /// square with `rightAngles`.
    SelfLoop {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        square: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct MessageGeom {
    /// Index in [`super::model::Diagram::events`].
    pub event: usize,
    pub path: Path,
    pub label: Option<Label>,
    /// Sequence number and its circle's centre.
    pub number: Option<(String, f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteGeom {
    pub rect: Bx,
    pub label: Label,
}

/// A block frame (`loop`, `alt`, …) or a `rect` background.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameGeom {
    pub kind: BlockKind,
    pub rect: Bx,
    /// The label tab (`loop`, `alt`…) and its word.
    pub tab: Bx,
    pub word: Option<Label>,
    /// `[condition]` of the first section.
    pub label: Option<Label>,
    /// Dividers of later sections and their labels.
    pub sections: Vec<(f64, Option<Label>)>,
    /// `rect` colour.
    pub color: Option<String>,
    /// Nesting depth (0 = outermost).
    pub depth: usize,
    /// Range of events inside it.
    pub events: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupGeom {
    pub rect: Bx,
    pub color: Option<String>,
    pub label: Option<Label>,
}

/// The whole geometry. Coordinates are in layout space; draw everything
/// translated by `origin` (the canvas is `width` × `height`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub origin: (f64, f64),
    pub title: Option<Label>,
    pub groups: Vec<GroupGeom>,
    pub actors: Vec<ActorGeom>,
    pub frames: Vec<FrameGeom>,
    pub activations: Vec<Bx>,
    pub notes: Vec<NoteGeom>,
    pub messages: Vec<MessageGeom>,
}
