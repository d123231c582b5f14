//! The parsed event model.

/// What a frame holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `ui`: a screen (trigger).
    Ui,
    /// `pcr` / `processor`: an automation (trigger).
    Processor,
    /// `cmd` / `command`.
    Command,
    /// `rmo` / `readmodel`: a view.
    ReadModel,
    /// `evt` / `event`.
    Event,
}

/// The swimlanes, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lane {
    /// UI/Automation.
    Trigger,
    /// Command/Read Model.
    State,
    /// Events without a namespace.
    Events,
    /// `Stream: X` for events named `X.Name` (in order of appearance).
    Stream(usize),
}

/// One time frame (`tf` / `timeframe`) or reset frame (`rf` /
/// `resetframe`).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The frame's number as written (`01`).
    pub id: String,
    pub kind: Kind,
    /// The name without its namespace.
    pub name: String,
    /// `X` of `X.Name`.
    pub namespace: Option<String>,
    /// A reset frame starts a new flow: no relation from the frame before.
    pub reset: bool,
    /// Inline `{ … }` data or the `[[Name]]` data block's lines.
    pub data: Vec<String>,
    /// `->> 02 ->> 03`: the frames (indices) this one is fed by.
    pub sources: Vec<usize>,
}

/// A whole `eventmodeling` diagram.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventModel {
    pub frames: Vec<Frame>,
    /// Stream names by [`Lane::Stream`] index.
    pub streams: Vec<String>,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl EventModel {
    pub fn lane(&self, f: &Frame) -> Lane {
        match f.kind {
            Kind::Ui | Kind::Processor => Lane::Trigger,
            Kind::Command | Kind::ReadModel => Lane::State,
            Kind::Event => match &f.namespace {
                Some(ns) => Lane::Stream(self.streams.iter().position(|s| s == ns).unwrap_or(0)),
                None => Lane::Events,
            },
        }
    }

    /// Relations (from, to) as frame indices: explicit `->>` sources, else
    /// the frame before (unless this is a reset frame).
    pub fn relations(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (k, f) in self.frames.iter().enumerate() {
            if !f.sources.is_empty() {
                out.extend(f.sources.iter().map(|&s| (s, k)));
            } else if !f.reset && k > 0 {
                out.push((k - 1, k));
            }
        }
        out
    }
}
