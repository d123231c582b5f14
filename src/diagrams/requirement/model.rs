//! The requirement model: requirements and elements (boxes with typed
//! fields) and the relationships between them. Plain data.

use crate::geometry::Direction;
use crate::style::StyleDecl;

/// The six SysML requirement kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReqKind {
    Requirement,
    Functional,
    Interface,
    Performance,
    Physical,
    DesignConstraint,
}

impl ReqKind {
    /// The keyword and the kind, for every kind.
    pub const ALL: [(&'static str, ReqKind); 6] = [
        ("requirement", ReqKind::Requirement),
        ("functionalRequirement", ReqKind::Functional),
        ("interfaceRequirement", ReqKind::Interface),
        ("performanceRequirement", ReqKind::Performance),
        ("physicalRequirement", ReqKind::Physical),
        ("designConstraint", ReqKind::DesignConstraint),
    ];

    /// The stereotype's words (`Functional Requirement`).
    pub fn title(self) -> &'static str {
        match self {
            ReqKind::Requirement => "Requirement",
            ReqKind::Functional => "Functional Requirement",
            ReqKind::Interface => "Interface Requirement",
            ReqKind::Performance => "Performance Requirement",
            ReqKind::Physical => "Physical Requirement",
            ReqKind::DesignConstraint => "Design Constraint",
        }
    }
}

/// `risk:` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Risk {
    Low,
    Medium,
    High,
}

/// `verifymethod:` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    Analysis,
    Inspection,
    Test,
    Demonstration,
}

impl Risk {
    pub fn title(self) -> &'static str {
        match self {
            Risk::Low => "Low",
            Risk::Medium => "Medium",
            Risk::High => "High",
        }
    }
}

impl Verify {
    pub fn title(self) -> &'static str {
        match self {
            Verify::Analysis => "Analysis",
            Verify::Inspection => "Inspection",
            Verify::Test => "Test",
            Verify::Demonstration => "Demonstration",
        }
    }
}

/// What a box is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Requirement(ReqKind),
    Element,
}

/// A requirement or an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub name: String,
    pub kind: Kind,
    /// Requirement fields.
    pub id: Option<String>,
    pub text: Option<String>,
    pub risk: Option<Risk>,
    pub verify: Option<Verify>,
    /// Element fields.
    pub ty: Option<String>,
    pub docref: Option<String>,
    pub classes: Vec<String>,
    pub styles: Vec<StyleDecl>,
}

impl Node {
    pub fn new(name: &str, kind: Kind) -> Node {
        Node {
            name: name.to_string(),
            kind,
            id: None,
            text: None,
            risk: None,
            verify: None,
            ty: None,
            docref: None,
            classes: Vec::new(),
            styles: Vec::new(),
        }
    }

    /// The stereotype line (`<<Requirement>>`, `<<Element>>`).
    pub fn stereotype(&self) -> String {
        match self.kind {
            Kind::Requirement(k) => format!("<<{}>>", k.title()),
            Kind::Element => "<<Element>>".to_string(),
        }
    }

    /// The body lines, in Mermaid's order and words; fields not given are
    /// left out.
    pub fn body(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self.kind {
            Kind::Requirement(_) => {
                if let Some(v) = &self.id {
                    out.push(format!("ID: {v}"));
                }
                if let Some(v) = &self.text {
                    out.push(format!("Text: {v}"));
                }
                if let Some(v) = self.risk {
                    out.push(format!("Risk: {}", v.title()));
                }
                if let Some(v) = self.verify {
                    out.push(format!("Verification: {}", v.title()));
                }
            }
            Kind::Element => {
                if let Some(v) = &self.ty {
                    out.push(format!("Type: {v}"));
                }
                if let Some(v) = &self.docref {
                    out.push(format!("Doc Ref: {v}"));
                }
            }
        }
        out
    }
}

/// The seven relationship kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelKind {
    Contains,
    Copies,
    Derives,
    Satisfies,
    Verifies,
    Refines,
    Traces,
}

impl RelKind {
    pub const ALL: [(&'static str, RelKind); 7] = [
        ("contains", RelKind::Contains),
        ("copies", RelKind::Copies),
        ("derives", RelKind::Derives),
        ("satisfies", RelKind::Satisfies),
        ("verifies", RelKind::Verifies),
        ("refines", RelKind::Refines),
        ("traces", RelKind::Traces),
    ];

    pub fn name(self) -> &'static str {
        RelKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

/// `src - kind -> dst` (or `dst <- kind - src`), by node index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relationship {
    pub src: usize,
    pub dst: usize,
    pub kind: RelKind,
}

/// A parsed requirement diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub direction: Direction,
    pub nodes: Vec<Node>,
    pub relationships: Vec<Relationship>,
    pub class_defs: Vec<(String, Vec<StyleDecl>)>,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Diagram {
    /// The style of node `i`: `classDef default` < its classes < `style`.
    pub fn node_style(&self, i: usize) -> crate::style::ResolvedStyle {
        let decls = |name: &str| -> Vec<StyleDecl> {
            self.class_defs
                .iter()
                .filter(|(n, _)| n == name)
                .flat_map(|(_, d)| d.iter().cloned())
                .collect()
        };
        let mut s = crate::style::ResolvedStyle::default();
        s.apply(&decls("default"));
        if let Some(n) = self.nodes.get(i) {
            for c in &n.classes {
                s.apply(&decls(c));
            }
            s.apply(&n.styles);
        }
        s
    }
}
