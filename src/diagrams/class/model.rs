//! The class diagram model: plain typed data produced by `parse`.

use crate::geometry::Direction;
use crate::style::StyleDecl;

/// `$` (static: underlined) or `*` (abstract: italic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Classifier {
    #[default]
    None,
    Static,
    Abstract,
}

/// An attribute or method, ready to show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Member {
    /// The text shown (`+deposit(amount) : bool`, generics as `<…>`).
    pub text: String,
    pub classifier: Classifier,
}

/// What a box stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClassKind {
    #[default]
    Class,
    /// The named end of a lollipop relation (`A --() name`): drawn as text.
    Interface,
}

/// A link or callback (`link`, `click`, `callback`); kept in the model,
/// drawn only as an `http(s)` `<a href>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    pub href: Option<String>,
    pub callback: Option<String>,
    pub tooltip: Option<String>,
    pub target: Option<String>,
}

/// A class.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Class {
    pub id: String,
    pub kind: ClassKind,
    /// `class A["label"]`.
    pub label: Option<String>,
    /// `class A~T~`: the generic part, shown as `A<T>`.
    pub generic: Option<String>,
    /// `<<interface>>` and the like, without the brackets.
    pub annotations: Vec<String>,
    pub attributes: Vec<Member>,
    pub methods: Vec<Member>,
    /// The namespace it was declared in.
    pub namespace: Option<usize>,
    pub classes: Vec<String>,
    pub style: Vec<StyleDecl>,
    pub link: Option<Link>,
}

impl Class {
    /// The name drawn in the top compartment.
    pub fn title(&self) -> String {
        if let Some(l) = &self.label {
            return l.clone();
        }
        match &self.generic {
            Some(g) => format!("{}<{}>", self.id, super::parse::generics(g)),
            None => self.id.clone(),
        }
    }
}

/// The marker at one end of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum End {
    #[default]
    None,
    /// `<|` / `|>`: hollow triangle.
    Inheritance,
    /// `*`: filled diamond.
    Composition,
    /// `o`: hollow diamond.
    Aggregation,
    /// `<` / `>`: open arrow.
    Arrow,
    /// `()`: lollipop circle.
    Lollipop,
}

/// `A "1" <|-- "*" B : label`. `from` is the left class, `to` the right.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Relation {
    pub from: usize,
    pub to: usize,
    pub from_end: End,
    pub to_end: End,
    pub dashed: bool,
    pub label: Option<String>,
    pub from_card: Option<String>,
    pub to_card: Option<String>,
}

/// A namespace (cluster).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Namespace {
    pub id: String,
    pub title: String,
    pub parent: Option<usize>,
}

/// `note for A "text"` or `note "text"`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Note {
    pub class: Option<usize>,
    pub text: String,
    pub namespace: Option<usize>,
}

/// A parsed class diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub direction: Option<Direction>,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    pub classes: Vec<Class>,
    pub relations: Vec<Relation>,
    pub namespaces: Vec<Namespace>,
    pub notes: Vec<Note>,
    pub class_defs: Vec<(String, Vec<StyleDecl>)>,
}

impl Diagram {
    pub fn find(&self, id: &str) -> Option<usize> {
        self.classes
            .iter()
            .position(|c| c.id == id && c.kind == ClassKind::Class)
    }

    /// The resolved style of a class: `classDef default`, its classes in
    /// order, then its own `style`.
    pub fn style_of(&self, i: usize) -> crate::style::ResolvedStyle {
        let mut r = crate::style::ResolvedStyle::default();
        let Some(c) = self.classes.get(i) else {
            return r;
        };
        for (name, decls) in &self.class_defs {
            if name == "default" {
                r.apply(decls);
            }
        }
        for k in &c.classes {
            for (name, decls) in &self.class_defs {
                if name == k {
                    r.apply(decls);
                }
            }
        }
        r.apply(&c.style);
        r
    }
}
