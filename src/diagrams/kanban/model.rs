//! The parsed board: columns of cards.

/// A card's priority (`@{ priority: '…' }`), drawn as a coloured bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    VeryHigh,
    High,
    Low,
    VeryLow,
}

/// One card.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub id: String,
    /// The card's text (`\n` between lines).
    pub text: String,
    pub markdown: bool,
    pub assigned: Option<String>,
    pub ticket: Option<String>,
    pub priority: Option<Priority>,
}

/// One column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Column {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

/// A parsed `kanban`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Board {
    pub columns: Vec<Column>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}
