//! The parsed fishbone (Ishikawa) diagram.

/// A cause and the causes under it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cause {
    pub label: String,
    pub children: Vec<Cause>,
}

/// A whole `ishikawa-beta` diagram: the problem (the fish's head) and its
/// categories of causes (the bones).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ishikawa {
    pub problem: String,
    pub categories: Vec<Cause>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Ishikawa {
    /// How many causes in all.
    pub fn count(&self) -> usize {
        fn n(c: &Cause) -> usize {
            1 + c.children.iter().map(n).sum::<usize>()
        }
        self.categories.iter().map(n).sum()
    }
}
