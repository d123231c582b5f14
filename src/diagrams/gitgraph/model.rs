//! The parsed git graph: branches and commits in statement order.

/// Direction of the commit axis (`gitGraph LR:` / `TB:` / `BT:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Commits left to right, one row per branch (the default).
    #[default]
    LeftRight,
    /// Commits top to bottom, one column per branch.
    TopBottom,
    /// Commits bottom to top, one column per branch.
    BottomTop,
}

impl Direction {
    /// True for `TB` and `BT`.
    pub fn vertical(self) -> bool {
        !matches!(self, Direction::LeftRight)
    }
}

/// How a commit is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitKind {
    /// A filled circle.
    Normal,
    /// A circle with a cross.
    Reverse,
    /// A filled square.
    Highlight,
    /// A circle with a hole (merge commits).
    Merge,
    /// A circle with a cherry (cherry-picked commits).
    CherryPick,
}

/// One commit.
#[derive(Debug, Clone, PartialEq)]
pub struct Commit {
    /// Its id: given (`id: "x"`) or generated (`<seq>-<hash>`).
    pub id: String,
    /// True when the id was given by the user (merge commits show their
    /// label only then).
    pub custom_id: bool,
    /// `msg: "…"` (or `commit "…"`).
    pub msg: String,
    /// Index into [`Graph::branches`].
    pub branch: usize,
    /// Indices into [`Graph::commits`]; a merge commit's first parent is
    /// the head of the branch merged into.
    pub parents: Vec<usize>,
    /// The symbol to draw (a merge with `type:` is drawn with that type).
    pub kind: CommitKind,
    /// True for merge commits (whatever their drawn type).
    pub merge: bool,
    /// `tag: "…"` (several allowed; cherry-picks get `cherry-pick:<id>`).
    pub tags: Vec<String>,
}

/// One branch, in creation order.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    pub name: String,
    /// Sort key of its lane: `order: N`, `mainBranchOrder` for the main
    /// branch, or `0.<creation index>` as mermaid-js does.
    pub order: f64,
}

/// A parsed `gitGraph`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    pub direction: Direction,
    pub branches: Vec<Branch>,
    pub commits: Vec<Commit>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// `title …` statement (the front matter title is the caller's).
    pub title: Option<String>,
}

impl Graph {
    /// Branch indices sorted by lane (order, then creation).
    pub fn lane_order(&self) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.branches.len()).collect();
        v.sort_by(|&a, &b| {
            self.branches[a]
                .order
                .partial_cmp(&self.branches[b].order)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        });
        v
    }
}
