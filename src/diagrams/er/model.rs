//! The ER model: entities with their attribute tables, relationships with
//! a cardinality at each end, classes and styles. Plain data, no text
//! measurement.

use crate::geometry::Direction;
use crate::style::StyleDecl;

/// How many instances of an entity take part at one end of a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cardinality {
    /// `|o`, `o|`, `zero or one`, `one or zero`.
    ZeroOrOne,
    /// `||`, `1`, `one`, `only one`.
    OnlyOne,
    /// `}o`, `o{`, `zero or more`, `zero or many`, `many`, `many(0)`, `0+`.
    ZeroOrMore,
    /// `}|`, `|{`, `one or more`, `one or many`, `many(1)`, `1+`.
    OneOrMore,
    /// `u`: the parent end of a generalisation (Mermaid's `MD_PARENT`).
    MdParent,
}

impl Cardinality {
    /// Mermaid's marker name (`onlyOne`, `zeroOrMore`, …).
    pub fn name(self) -> &'static str {
        match self {
            Cardinality::ZeroOrOne => "zeroOrOne",
            Cardinality::OnlyOne => "onlyOne",
            Cardinality::ZeroOrMore => "zeroOrMore",
            Cardinality::OneOrMore => "oneOrMore",
            Cardinality::MdParent => "mdParent",
        }
    }
}

/// One row of an entity's attribute table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribute {
    /// The type as written (`string`, `varchar(64)`, `type~T~`).
    pub ty: String,
    pub name: String,
    /// `PK`, `FK`, `UK` in the order given (upper case).
    pub keys: Vec<String>,
    /// The `"comment"`, without quotes (empty when none).
    pub comment: String,
}

/// An entity: a box with a name and an optional attribute table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entity {
    /// The name used in relationships.
    pub id: String,
    /// The alias (`p[Person]`), drawn instead of the id when given.
    pub alias: Option<String>,
    pub attributes: Vec<Attribute>,
    /// Classes from `:::` and `class`, in order.
    pub classes: Vec<String>,
    /// Declarations from `style` statements, in order.
    pub styles: Vec<StyleDecl>,
}

impl Entity {
    /// The text drawn in the entity's header.
    pub fn label(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.id)
    }
}

/// A relationship between entities `a` and `b` (indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub a: usize,
    pub b: usize,
    /// Cardinality drawn at `a`'s end (written first).
    pub card_a: Cardinality,
    /// Cardinality drawn at `b`'s end.
    pub card_b: Cardinality,
    /// `--` / `to`: solid; `..`, `.-`, `-.`, `optionally to`: dashed.
    pub identifying: bool,
    /// The label (`<br>` already turned into line breaks); may be empty.
    pub label: String,
}

/// A parsed ER diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub direction: Direction,
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    pub relationships: Vec<Relationship>,
    /// `classDef name decls`, in order (a later definition of a name adds to it).
    pub class_defs: Vec<(String, Vec<StyleDecl>)>,
    /// `title` statement (front matter titles come from the preamble).
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// Entity indexes by id (lookups only: the order is `entities`).
    index: std::collections::HashMap<String, usize>,
}

impl Diagram {
    /// Index of entity `id`, added when new.
    pub fn entity(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.index.insert(id.to_string(), self.entities.len());
        self.entities.push(Entity {
            id: id.to_string(),
            ..Entity::default()
        });
        self.entities.len() - 1
    }

    /// The declarations of class `name` (empty when undefined).
    pub fn class_decls(&self, name: &str) -> Vec<StyleDecl> {
        self.class_defs
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, d)| d.iter().cloned())
            .collect()
    }

    /// The style of entity `i`: `classDef default` < its classes in order
    /// < its `style` statements.
    pub fn entity_style(&self, i: usize) -> crate::style::ResolvedStyle {
        let mut s = crate::style::ResolvedStyle::default();
        s.apply(&self.class_decls("default"));
        if let Some(e) = self.entities.get(i) {
            for c in &e.classes {
                s.apply(&self.class_decls(c));
            }
            s.apply(&e.styles);
        }
        s
    }
}
