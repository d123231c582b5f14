//! The parsed `info` diagram.

/// `info [showInfo]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Info {
    /// `showInfo` was given (mermaid-js draws the same box either way).
    pub show_info: bool,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}
