//! Font Awesome Free icons (`fa:fa-car` in labels, `@{ icon: "fa:car" }`
//! nodes), drawn as SVG paths so the SVG and the PNG need no icon font.
//!
//! The table `assets/icons/fontawesome/icons.tsv` is generated from the npm
//! package `@fortawesome/fontawesome-free` by `scripts/gen-fa-icons.py`
//! (regeneration steps in that script); the icons are CC BY 4.0, licence in
//! `assets/icons/fontawesome/LICENSE.txt`. Every icon's viewBox is
//! `0 0 width 512`: the font's em square, baseline at y = 448.
//!
//! In a label, an icon is one placeholder character from Unicode's
//! supplementary private use area (U+F0000 + the icon's index), so text
//! layout measures, wraps and places it like a glyph; the diagram then
//! sets its width ([`ICON_ADVANCE`] em, Font Awesome 7's fixed width, as
//! mermaid-js shows it with Font Awesome loaded) and draws the path there
//! in the text's colour.

use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/icons/fontawesome/icons.tsv");

/// Width of an icon in a line of text, in em (Font Awesome 7 draws every
/// icon in a 1.25 em wide box, the glyph centred in it).
pub const ICON_ADVANCE: f64 = 1.25;

/// Height of the icons' viewBox (one em).
pub const EM_UNITS: f64 = 512.0;

/// Distance from the viewBox's top to the baseline, in viewBox units.
pub const ASCENT_UNITS: f64 = 448.0;

/// First placeholder character (Supplementary Private Use Area-A).
const PLACEHOLDER_BASE: u32 = 0xF0000;

/// An icon of the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Icon {
    pub name: &'static str,
    /// `s` solid, `r` regular, `b` brands.
    pub style: char,
    /// viewBox width (the height is [`EM_UNITS`]).
    pub width: f64,
    /// SVG path data in viewBox units.
    pub path: &'static str,
}

struct Table {
    version: &'static str,
    /// Sorted by (name, style).
    icons: Vec<Icon>,
    /// (alias, name, style or '-'), sorted by alias.
    aliases: Vec<(&'static str, &'static str, char)>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            version: "",
            icons: Vec::new(),
            aliases: Vec::new(),
        };
        for line in TABLE.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["V", v] => t.version = v,
                ["I", name, style, width, path] => t.icons.push(Icon {
                    name,
                    style: style.chars().next().unwrap_or('s'),
                    width: width.parse().unwrap_or(EM_UNITS),
                    path,
                }),
                ["A", alias, name, style] => {
                    t.aliases
                        .push((alias, name, style.chars().next().unwrap_or('-')))
                }
                _ => {}
            }
        }
        t.icons
            .sort_by(|a, b| (a.name, a.style).cmp(&(b.name, b.style)));
        t.aliases.sort_by(|a, b| a.0.cmp(b.0));
        t
    })
}

/// The Font Awesome Free version of the table.
pub fn version() -> &'static str {
    table().version
}

/// Number of icons in the table.
pub fn count() -> usize {
    table().icons.len()
}

/// The icon at `index` (see [`lookup`]).
pub fn get(index: usize) -> Option<Icon> {
    table().icons.get(index).copied()
}

fn find(name: &str, style: char) -> Option<usize> {
    table()
        .icons
        .binary_search_by(|i| (i.name, i.style).cmp(&(name, style)))
        .ok()
}

/// Styles tried, in order, for a Font Awesome class prefix. `fa` (Font
/// Awesome 4's only prefix) and `fak` (kit icons) take any free style;
/// `fal` (light, not free) takes the closest free ones.
fn styles(prefix: &str) -> Option<&'static [char]> {
    Some(match prefix {
        "fa" | "fak" => &['s', 'r', 'b'],
        "fas" => &['s'],
        "far" => &['r'],
        "fal" => &['r', 's'],
        "fab" => &['b'],
        _ => return None,
    })
}

/// The index of the icon `prefix` (`fa`, `fas`, `far`, `fal`, `fab`,
/// `fak`) `name` (with or without its `fa-`), following Font Awesome 4
/// shims and renamed icons' aliases (`fa-camera-retro`, `fa-automobile`).
pub fn lookup(prefix: &str, name: &str) -> Option<usize> {
    let name = name.strip_prefix("fa-").unwrap_or(name);
    let order = styles(prefix)?;
    let t = table();
    let alias = t
        .aliases
        .binary_search_by(|a| a.0.cmp(name))
        .ok()
        .and_then(|k| t.aliases.get(k));
    // An alias fixed to one style (a v4 shim such as `fa-circle-o` →
    // regular `circle`) wins for the prefixes that take any style.
    if let Some(&(_, target, style)) = alias {
        if style != '-' && order.contains(&style) {
            if let Some(i) = find(target, style) {
                return Some(i);
            }
        }
    }
    for &s in order {
        if let Some(i) = find(name, s) {
            return Some(i);
        }
    }
    if let Some(&(_, target, _)) = alias {
        return order.iter().find_map(|&s| find(target, s));
    }
    // Font Awesome 4's outlined `-o` icons are today's regular style
    // (`fa-star-o` is regular `star`).
    let base = name.strip_suffix("-o")?;
    order.contains(&'r').then(|| find(base, 'r')).flatten()
}

/// The icon of an `@{ icon: "fa:car" }` node (`fa:fa-car`, `fas:car` …).
pub fn lookup_spec(spec: &str) -> Option<usize> {
    let (prefix, name) = spec.trim().split_once(':')?;
    lookup(prefix.trim(), name.trim())
}

/// The placeholder character standing for icon `index` in a label.
pub fn placeholder(index: usize) -> Option<char> {
    u32::try_from(index)
        .ok()
        .filter(|&i| i < 0xFFFE)
        .and_then(|i| char::from_u32(PLACEHOLDER_BASE + i))
}

/// The icon a placeholder character stands for.
pub fn from_placeholder(c: char) -> Option<usize> {
    let i = (c as u32).checked_sub(PLACEHOLDER_BASE)?;
    (i < 0xFFFE).then_some(i as usize).filter(|&i| i < count())
}

/// True when `s` holds an icon placeholder.
pub fn has_placeholder(s: &str) -> bool {
    s.chars().any(|c| from_placeholder(c).is_some())
}

/// A label with every `fa:fa-name` (`fab:`, `fas:`, `far:`, `fal:`,
/// `fak:`) replaced by its icon's placeholder, as mermaid-js turns them
/// into `<i class="fa fa-name">` (the same pattern:
/// `fa[bklrs]?:fa-[\w-]+`). An icon not in the table is dropped and its
/// text returned in the second list (for a warning).
pub fn replace_in_label(label: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(label.len());
    let mut unknown = Vec::new();
    let mut rest = label;
    while let Some(k) = rest.find("fa") {
        let (before, from) = rest.split_at(k);
        out.push_str(before);
        match icon_token(from) {
            Some((len, prefix, name)) => {
                match lookup(prefix, name).and_then(placeholder) {
                    Some(c) => out.push(c),
                    None => unknown.push(from[..len].to_string()),
                }
                rest = &from[len..];
            }
            None => {
                out.push_str("fa");
                rest = &from[2..];
            }
        }
    }
    out.push_str(rest);
    (out, unknown)
}

/// `fa[bklrs]?:fa-[\w-]+` at the start of `s`: (length, prefix, name).
fn icon_token(s: &str) -> Option<(usize, &str, &str)> {
    let colon = s.find(':')?;
    let prefix = &s[..colon];
    if !matches!(prefix, "fa" | "fab" | "fak" | "fal" | "far" | "fas") {
        return None;
    }
    let after = &s[colon + 1..];
    let body = after.strip_prefix("fa-")?;
    let n = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    if n == 0 {
        return None;
    }
    Some((colon + 1 + 3 + n, prefix, &body[..n]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_docs_names_resolve() {
        // FA 4 names the Mermaid docs use, each to its FA 7 icon.
        for (p, n, want) in [
            ("fa", "fa-car", "car"),
            ("fa", "fa-spinner", "spinner"),
            ("fa", "fa-camera-retro", "camera-retro"),
            ("fa", "fa-twitter", "twitter"),
            ("fa", "fa-ban", "ban"),
            ("fa", "fa-automobile", "car"),
            ("fab", "fa-github", "github"),
            ("far", "fa-circle-o", "circle"),
            ("fa", "fa-check-circle-o", "circle-check"),
            ("fa", "fa-star-o", "star"),
            ("fa", "fa-circle-o", "circle"),
        ] {
            let i = lookup(p, n).unwrap_or_else(|| panic!("{p}:{n}"));
            assert_eq!(get(i).map(|i| i.name), Some(want), "{p}:{n}");
        }
        let i = lookup("fa", "fa-circle-o").and_then(get);
        assert_eq!(i.map(|i| i.style), Some('r'));
        assert_eq!(lookup("fas", "fa-twitter"), None, "brands are not solid");
        assert_eq!(lookup("fab", "fa-truck-bold"), None);
        assert_eq!(lookup("fax", "fa-car"), None);
        assert!(count() > 2000, "{}", count());
        assert!(version().starts_with('7'));
    }

    #[test]
    fn labels_get_placeholders_and_unknown_icons_are_dropped() {
        let (s, unknown) = replace_in_label("fa:fa-ban forbidden");
        let c = s.chars().next().unwrap();
        assert_eq!(
            from_placeholder(c).and_then(get).map(|i| i.name),
            Some("ban")
        );
        assert_eq!(&s[c.len_utf8()..], " forbidden");
        assert!(unknown.is_empty());
        let (s, unknown) = replace_in_label("fab:fa-truck-bold a custom icon");
        assert_eq!(s, " a custom icon");
        assert_eq!(unknown, vec!["fab:fa-truck-bold".to_string()]);
        // Not icons: no colon, no `fa-`, other prefixes, nothing after.
        for t in ["fa", "fast:fa-car", "fa:car", "fa:fa-", "façade", "fa:fa"] {
            let (s, u) = replace_in_label(t);
            assert!(!has_placeholder(&s) && u.is_empty(), "{t}");
            assert_eq!(s, t);
        }
        // Every icon of 0111/0112-like labels.
        let (s, _) = replace_in_label("A fa:fa-camera-retro perhaps? fas:fa-car");
        assert_eq!(
            s.chars().filter(|&c| from_placeholder(c).is_some()).count(),
            2
        );
    }

    #[test]
    fn spec_lookup() {
        for s in ["fa:car", "fa:fa-car", "fas:car", " fa : fa-car "] {
            assert_eq!(
                lookup_spec(s).and_then(get).map(|i| i.name),
                Some("car"),
                "{s}"
            );
        }
        assert_eq!(lookup_spec("logos:aws"), None);
        assert_eq!(lookup_spec("car"), None);
    }

    #[test]
    fn every_path_parses() {
        for i in 0..count() {
            let icon = get(i).unwrap();
            assert!(icon.width > 0.0 && icon.width <= 1024.0, "{}", icon.name);
            assert!(
                svgtypes::PathParser::from(icon.path).all(|s| s.is_ok()),
                "{}",
                icon.name
            );
        }
    }
}
