//! A parsed C4 diagram: plain data, no geometry.

/// What an element is (its macro without `_Ext`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementKind {
    Person,
    System,
    SystemDb,
    SystemQueue,
    Container,
    ContainerDb,
    ContainerQueue,
    Component,
    ComponentDb,
    ComponentQueue,
}

impl ElementKind {
    /// The type line's word (`[Person]`, `[System]`, `[Container: tech]`).
    pub fn type_word(self) -> &'static str {
        match self {
            ElementKind::Person => "Person",
            ElementKind::System | ElementKind::SystemDb | ElementKind::SystemQueue => {
                "Software System"
            }
            ElementKind::Container | ElementKind::ContainerDb | ElementKind::ContainerQueue => {
                "Container"
            }
            _ => "Component",
        }
    }

    /// The outline drawn.
    pub fn outline(self) -> Outline {
        match self {
            ElementKind::Person => Outline::Person,
            ElementKind::SystemDb | ElementKind::ContainerDb | ElementKind::ComponentDb => {
                Outline::Db
            }
            ElementKind::SystemQueue
            | ElementKind::ContainerQueue
            | ElementKind::ComponentQueue => Outline::Queue,
            _ => Outline::Box,
        }
    }
}

/// An element's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    Person,
    Box,
    Db,
    Queue,
}

/// `UpdateElementStyle` values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ElementStyle {
    pub bg: Option<String>,
    pub font: Option<String>,
    pub border: Option<String>,
}

/// A person, system, container or component.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub alias: String,
    pub label: String,
    pub kind: ElementKind,
    pub external: bool,
    /// Technology (containers and components), shown in the type line.
    pub techn: Option<String>,
    pub descr: Option<String>,
    /// A sprite name (kept, never fetched or drawn).
    pub sprite: Option<String>,
    /// An `http(s)` link (others are dropped).
    pub link: Option<String>,
    pub style: ElementStyle,
}

/// What a boundary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundaryKind {
    Boundary,
    Enterprise,
    System,
    Container,
    /// `Deployment_Node`, `Node`, `Node_L`, `Node_R`.
    Node,
}

/// A boundary with its members (indices into elements and boundaries).
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    pub alias: String,
    pub label: String,
    pub kind: BoundaryKind,
    /// The type shown in brackets (`[ENTERPRISE]`, `[SYSTEM]`, a node's type).
    pub type_text: Option<String>,
    pub descr: Option<String>,
    pub link: Option<String>,
    pub elements: Vec<usize>,
    pub boundaries: Vec<usize>,
}

/// The side a directed relation (`Rel_U`, …) asks the target to be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelDir {
    Up,
    Down,
    Left,
    Right,
}

impl RelDir {
    /// The macro's direction, if it has one.
    pub fn of_macro(name: &str) -> Option<RelDir> {
        match name {
            "Rel_U" | "Rel_Up" => Some(RelDir::Up),
            "Rel_D" | "Rel_Down" => Some(RelDir::Down),
            "Rel_L" | "Rel_Left" => Some(RelDir::Left),
            "Rel_R" | "Rel_Right" => Some(RelDir::Right),
            _ => None,
        }
    }

    /// (row, column) step from the source's grid cell to the target's.
    pub fn step(self) -> (i64, i64) {
        match self {
            RelDir::Up => (-1, 0),
            RelDir::Down => (1, 0),
            RelDir::Left => (0, -1),
            RelDir::Right => (0, 1),
        }
    }
}

/// A relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Rel {
    pub from: String,
    pub to: String,
    pub label: String,
    pub techn: Option<String>,
    pub descr: Option<String>,
    /// `BiRel`: arrows at both ends.
    pub both: bool,
    /// `Rel_U`/`Rel_D`/`Rel_L`/`Rel_R` (and the long spellings): where
    /// the target should sit relative to the source.
    pub dir: Option<RelDir>,
    pub text_color: Option<String>,
    pub line_color: Option<String>,
    pub offset_x: f64,
    pub offset_y: f64,
    pub link: Option<String>,
}

/// A C4 diagram. Boundary 0 is the diagram itself (not drawn).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct C4 {
    /// The header keyword (`C4Context`, …).
    pub keyword: String,
    pub title: Option<String>,
    pub elements: Vec<Element>,
    pub boundaries: Vec<Boundary>,
    pub rels: Vec<Rel>,
    /// `UpdateLayoutConfig`: `$c4ShapeInRow`, `$c4BoundaryInRow`.
    pub shape_in_row: Option<usize>,
    pub boundary_in_row: Option<usize>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}
