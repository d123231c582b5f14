//! The parsed Wardley map. Positions are `[visibility, evolution]` in
//! 0..1 as written (visibility up the map, evolution to the right).

/// How a component is sourced (`(build)`, `(buy)`, `(outsource)`,
/// `(market)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sourcing {
    Build,
    Buy,
    Outsource,
    Market,
}

/// A component or an anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub name: String,
    pub visibility: f64,
    pub evolution: f64,
    pub anchor: bool,
    /// `label [dx, dy]`: the label's offset in px.
    pub label_offset: Option<(f64, f64)>,
    pub sourcing: Option<Sourcing>,
    pub inertia: bool,
    /// `evolve Name x`: where it is heading.
    pub evolve_to: Option<f64>,
    /// Inside a `pipeline { }` of another component.
    pub in_pipeline: bool,
}

/// How a link is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// `->`: a plain line.
    Plain,
    /// `+>`: arrow at the target.
    Forward,
    /// `+<`: arrow at the source.
    Backward,
    /// `+<>`: arrows at both ends.
    Both,
}

/// `A -> B`, `A +> B`, `A +'label'> B`, …, with `; context`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    pub flow: Flow,
    /// The `+'label'>` text.
    pub label: Option<String>,
    /// Text after `;`.
    pub context: Option<String>,
}

/// `pipeline Name { component … [x] … }` or `pipeline Name [start, end]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    /// The component the pipeline belongs to.
    pub parent: usize,
    /// Its components (indices into [`Wardley::components`]).
    pub members: Vec<usize>,
    /// The legacy form's evolution range.
    pub range: Option<(f64, f64)>,
}

/// `note "text" [v, e]`, `accelerator` / `deaccelerator "name" [v, e]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub text: String,
    pub visibility: f64,
    pub evolution: f64,
}

/// `annotation N,[v, e] "text"` (or several points `[[v, e], [v, e]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub number: String,
    pub points: Vec<(f64, f64)>,
    pub text: String,
}

/// A whole `wardley-beta` map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wardley {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// `size [w, h]` when both are numbers.
    pub size: Option<(f64, f64)>,
    /// `evolution A -> B -> …`: stage names and where each ends (0..1).
    pub stages: Vec<(String, Option<f64>)>,
    pub components: Vec<Component>,
    pub links: Vec<Link>,
    pub pipelines: Vec<Pipeline>,
    pub notes: Vec<Marker>,
    pub accelerators: Vec<Marker>,
    pub deaccelerators: Vec<Marker>,
    /// `annotations [v, e]`: where the list of annotations goes.
    pub annotations_at: Option<(f64, f64)>,
    pub annotations: Vec<Annotation>,
}

impl Wardley {
    pub fn find(&self, name: &str) -> Option<usize> {
        self.components.iter().position(|c| c.name == name)
    }
}
