//! The words of the sequence grammar: statement splitting, `wrap:`
//! prefixes, display text decoding and the message arrows.

use super::model::Head;
use crate::syntax::lex::decode_text;

/// Every message arrow: text, dotted, head at the sender, head at the
/// receiver. Longer forms come before their prefixes.
pub(crate) const ARROWS: &[(&str, bool, Head, Head)] = &[
    ("<<-->>", true, Head::Filled, Head::Filled),
    ("<<->>", false, Head::Filled, Head::Filled),
    ("-->>", true, Head::None, Head::Filled),
    ("--|\\", true, Head::None, Head::SolidTop),
    ("--|/", true, Head::None, Head::SolidBottom),
    ("--\\\\", true, Head::None, Head::StickTop),
    ("--//", true, Head::None, Head::StickBottom),
    ("-->", true, Head::None, Head::None),
    ("--x", true, Head::None, Head::Cross),
    ("--)", true, Head::None, Head::Open),
    ("->>", false, Head::None, Head::Filled),
    ("-|\\", false, Head::None, Head::SolidTop),
    ("-|/", false, Head::None, Head::SolidBottom),
    ("-\\\\", false, Head::None, Head::StickTop),
    ("-//", false, Head::None, Head::StickBottom),
    ("->", false, Head::None, Head::None),
    ("-x", false, Head::None, Head::Cross),
    ("-)", false, Head::None, Head::Open),
    ("/|--", true, Head::SolidTop, Head::None),
    ("\\|--", true, Head::SolidBottom, Head::None),
    ("//--", true, Head::StickTop, Head::None),
    ("\\\\--", true, Head::StickBottom, Head::None),
    ("/|-", false, Head::SolidTop, Head::None),
    ("\\|-", false, Head::SolidBottom, Head::None),
    ("//-", false, Head::StickTop, Head::None),
    ("\\\\-", false, Head::StickBottom, Head::None),
];

/// Split a line at `;` separators (a `;` closing an entity code such as
/// `#59;` is text).
pub(crate) fn split_statements(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c != b';' {
            continue;
        }
        // An entity: `#` then 1..=10 alphanumerics right before.
        let mut j = i;
        while j > start && j + 10 > i && b[j - 1].is_ascii_alphanumeric() {
            j -= 1;
        }
        if j < i && j > start && b[j - 1] == b'#' {
            continue;
        }
        out.push(&line[start..i]);
        start = i + 1;
    }
    out.push(&line[start..]);
    out
}

/// The first word of `s` (up to whitespace) and the rest, trimmed.
pub(crate) fn first_word(s: &str) -> (&str, &str) {
    let n = s.find(char::is_whitespace).unwrap_or(s.len());
    (&s[..n], s[n..].trim())
}

/// Strip a `wrap:` / `nowrap:` prefix: the text and the explicit choice.
pub(crate) fn wrap_prefix(s: &str) -> (&str, Option<bool>) {
    let t = s.trim_start();
    let lower = t.get(..7).unwrap_or("").to_ascii_lowercase();
    if lower.starts_with("wrap:") {
        (&t[5..], Some(true))
    } else if lower.starts_with("nowrap:") {
        (&t[7..], Some(false))
    } else {
        (t, None)
    }
}

/// Named HTML entities the shared decoder does not know, as `#name;`.
const NAMED: &[(&str, char)] = &[
    ("infin", '∞'),
    ("hearts", '♥'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("rarr", '→'),
    ("larr", '←'),
    ("harr", '↔'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("rArr", '⇒'),
    ("lArr", '⇐'),
    ("hArr", '⇔'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("middot", '·'),
    ("bull", '•'),
    ("ne", '≠'),
    ("le", '≤'),
    ("ge", '≥'),
    ("asymp", '≈'),
    ("micro", 'µ'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("lambda", 'λ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("omega", 'ω'),
    ("check", '✓'),
    ("star", '☆'),
    ("spades", '♠'),
    ("clubs", '♣'),
    ("diams", '♦'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("shy", '\u{ad}'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sum", '∑'),
    ("prod", '∏'),
    ("radic", '√'),
    ("part", '∂'),
];

pub(crate) fn named_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('#') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('#') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let hit = NAMED
            .iter()
            .find(|(n, _)| after.starts_with(n) && after[n.len()..].starts_with(';'));
        match hit {
            Some((n, c)) => {
                out.push(*c);
                rest = &after[n.len() + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Decoded display text (`<br>` → line break, entity codes).
pub(crate) fn text(s: &str) -> String {
    decode_text(&named_entities(s.trim()), false)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first message arrow in `head`: byte position, text, dotted,
/// sender head, receiver head.
pub(crate) fn find_arrow(head: &str) -> Option<(usize, &'static str, bool, Head, Head)> {
    for (pos, c) in head.char_indices() {
        if !matches!(c, '-' | '<' | '/' | '\\') || pos == 0 {
            continue;
        }
        let r = &head[pos..];
        for &(a, dotted, s, e) in ARROWS {
            if r.starts_with(a) {
                return Some((pos, a, dotted, s, e));
            }
        }
    }
    None
}
