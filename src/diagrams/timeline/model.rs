//! A parsed timeline: plain data.

/// One period (`2004 : Facebook : Google`) and its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub text: String,
    pub events: Vec<String>,
    /// Index into [`Timeline::sections`], `None` before any section.
    pub section: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// `timeline TD` (drawn left to right all the same) or `LR`.
    pub direction: Option<String>,
    pub sections: Vec<String>,
    pub periods: Vec<Period>,
}
