//! HTML in labels (Mermaid's `htmlLabels`): the tags that style text, line
//! breaks and entities. Nothing here is ever written out as markup: tags
//! become run formats and everything else is text.

use super::Fmt;

/// A tag: lower-case name, closing or not, and its attribute text.
pub(super) struct Tag {
    name: String,
    closing: bool,
    attrs: String,
}

/// A tag at the start of `chars` (`<name …>`, `</name>`, `<name/>`) and its
/// length in chars. A `<` not starting a tag (`a < b`, `<3`) is `None`.
pub(super) fn tag(chars: &[char]) -> Option<(usize, Tag)> {
    let mut p = 1;
    let closing = chars.get(p) == Some(&'/');
    if closing {
        p += 1;
    }
    if !chars.get(p)?.is_ascii_alphabetic() {
        return None;
    }
    let start = p;
    while chars.get(p).is_some_and(|c| c.is_ascii_alphanumeric()) {
        p += 1;
    }
    let name: String = chars[start..p]
        .iter()
        .collect::<String>()
        .to_ascii_lowercase();
    let next = *chars.get(p)?;
    if !(next == '>' || next == '/' || next.is_whitespace()) {
        return None;
    }
    let end = p + chars[p..].iter().position(|&c| c == '>')?;
    let attrs: String = chars[p..end].iter().collect();
    Some((
        end + 1,
        Tag {
            name,
            closing,
            attrs,
        },
    ))
}

/// Apply a tag to the current format; `open` holds the open styling tags
/// with the format before each. Unknown tags change nothing.
pub(super) fn apply(tag: &Tag, fmt: &mut Fmt, open: &mut Vec<(String, Fmt)>) {
    if tag.closing {
        if let Some(pos) = open.iter().rposition(|(n, _)| *n == tag.name) {
            *fmt = open[pos].1.clone();
            open.truncate(pos);
        }
        return;
    }
    if tag.attrs.trim_end().ends_with('/') {
        return;
    }
    let before = fmt.clone();
    let d = &mut fmt.deco;
    match tag.name.as_str() {
        "b" | "strong" => fmt.bold = true,
        "i" | "em" => fmt.italic = true,
        "u" | "ins" => d.underline = true,
        "s" | "del" | "strike" => d.strike = true,
        "sub" | "sup" => {
            let down = tag.name == "sub";
            d.shift += d.scale * if down { 0.25 } else { -0.4 };
            d.scale *= 0.75;
        }
        "small" => d.scale *= 0.833,
        // The embedded fonts have no monospace face: code stays plain.
        "code" | "kbd" | "samp" | "tt" => {}
        "span" | "font" => {
            let Some(c) = color(&tag.attrs) else {
                open.push((tag.name.clone(), before));
                return;
            };
            d.color = Some(c);
        }
        _ => return,
    }
    open.push((tag.name.clone(), before));
}

/// The colour of a `style="…color: X…"` (or `<font color=X>`) attribute,
/// when it is a safe plain value.
fn color(attrs: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let value = if let Some(at) = find_prop(&lower, "color") {
        let rest = &attrs[at..];
        let rest = rest.trim_start().strip_prefix(':')?;
        rest.split([';', '"', '\'']).next()?.trim().to_string()
    } else {
        let at = lower.find("color=")? + "color=".len();
        attrs[at..]
            .trim_start_matches(['"', '\''])
            .split(['"', '\'', ' '])
            .next()?
            .to_string()
    };
    let ok = !value.is_empty()
        && value.len() <= 40
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "#(),.% ".contains(c));
    ok.then_some(value)
}

/// Byte offset just after a CSS property `name` (not `background-color`)
/// followed by `:` in `lower`.
fn find_prop(lower: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = lower[from..].find(name) {
        let at = from + k;
        let prev = lower[..at].chars().next_back();
        let after = at + name.len();
        if !prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
            && lower[after..].trim_start().starts_with(':')
        {
            return Some(after);
        }
        from = after;
    }
    None
}

/// `text` with every `<br>` spelling (`<br>`, `<br/>`, `<br />`, `<BR>`,
/// `</br>`) turned into `\n`.
pub(super) fn break_lines(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '<' {
            if let Some((n, t)) = tag(&chars[i..]) {
                if t.name == "br" {
                    out.push('\n');
                    i += n;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// An HTML entity at the start of `chars` (`&amp;`, `&#10004;`, `&#x2714;`)
/// decoded, and its length in chars.
pub(super) fn entity(chars: &[char]) -> Option<(usize, char)> {
    let end = chars.iter().take(34).position(|&c| c == ';')?;
    let body: String = chars[1..end].iter().collect();
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        named(&body)?
    };
    Some((end + 1, c))
}

/// The common HTML5 named entities.
fn named(name: &str) -> Option<char> {
    let i = NAMED.binary_search_by(|(n, _)| n.cmp(&name)).ok()?;
    Some(NAMED[i].1)
}

/// Sorted by name (byte order).
const NAMED: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Alpha", 'Α'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Beta", 'Β'),
    ("Ccedil", 'Ç'),
    ("Chi", 'Χ'),
    ("Dagger", '‡'),
    ("Delta", 'Δ'),
    ("ETH", 'Ð'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Epsilon", 'Ε'),
    ("Eta", 'Η'),
    ("Euml", 'Ë'),
    ("Gamma", 'Γ'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Igrave", 'Ì'),
    ("Iota", 'Ι'),
    ("Iuml", 'Ï'),
    ("Kappa", 'Κ'),
    ("Lambda", 'Λ'),
    ("Mu", 'Μ'),
    ("Ntilde", 'Ñ'),
    ("Nu", 'Ν'),
    ("OElig", 'Œ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Omega", 'Ω'),
    ("Omicron", 'Ο'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Phi", 'Φ'),
    ("Pi", 'Π'),
    ("Prime", '″'),
    ("Psi", 'Ψ'),
    ("Rho", 'Ρ'),
    ("Scaron", 'Š'),
    ("Sigma", 'Σ'),
    ("THORN", 'Þ'),
    ("Tau", 'Τ'),
    ("Theta", 'Θ'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Upsilon", 'Υ'),
    ("Uuml", 'Ü'),
    ("Xi", 'Ξ'),
    ("Yacute", 'Ý'),
    ("Yuml", 'Ÿ'),
    ("Zeta", 'Ζ'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("alpha", 'α'),
    ("amp", '&'),
    ("and", '∧'),
    ("ang", '∠'),
    ("apos", '\''),
    ("aring", 'å'),
    ("asymp", '≈'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("beta", 'β'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("cap", '∩'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("check", '✓'),
    ("chi", 'χ'),
    ("circ", 'ˆ'),
    ("clubs", '♣'),
    ("colon", ':'),
    ("comma", ','),
    ("cong", '≅'),
    ("copy", '©'),
    ("crarr", '↵'),
    ("cross", '✗'),
    ("cup", '∪'),
    ("curren", '¤'),
    ("dArr", '⇓'),
    ("dagger", '†'),
    ("darr", '↓'),
    ("deg", '°'),
    ("delta", 'δ'),
    ("diams", '♦'),
    ("divide", '÷'),
    ("dollar", '$'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("empty", '∅'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", 'ε'),
    ("equiv", '≡'),
    ("eta", 'η'),
    ("eth", 'ð'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("excl", '!'),
    ("exist", '∃'),
    ("fnof", 'ƒ'),
    ("forall", '∀'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("frasl", '⁄'),
    ("gamma", 'γ'),
    ("ge", '≥'),
    ("grave", '`'),
    ("gt", '>'),
    ("hArr", '⇔'),
    ("harr", '↔'),
    ("hearts", '♥'),
    ("hellip", '…'),
    ("hyphen", '‐'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("infin", '∞'),
    ("int", '∫'),
    ("iota", 'ι'),
    ("iquest", '¿'),
    ("isin", '∈'),
    ("iuml", 'ï'),
    ("kappa", 'κ'),
    ("lArr", '⇐'),
    ("lambda", 'λ'),
    ("lang", '⟨'),
    ("laquo", '«'),
    ("larr", '←'),
    ("lbrace", '{'),
    ("lbrack", '['),
    ("lceil", '⌈'),
    ("ldquo", '“'),
    ("le", '≤'),
    ("lfloor", '⌊'),
    ("lowast", '∗'),
    ("loz", '◊'),
    ("lpar", '('),
    ("lrm", '\u{200E}'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("mu", 'μ'),
    ("nabla", '∇'),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("ne", '≠'),
    ("ni", '∋'),
    ("not", '¬'),
    ("notin", '∉'),
    ("nsub", '⊄'),
    ("ntilde", 'ñ'),
    ("nu", 'ν'),
    ("num", '#'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("oline", '‾'),
    ("omega", 'ω'),
    ("omicron", 'ο'),
    ("oplus", '⊕'),
    ("or", '∨'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("otimes", '⊗'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("part", '∂'),
    ("percnt", '%'),
    ("period", '.'),
    ("permil", '‰'),
    ("perp", '⊥'),
    ("phi", 'φ'),
    ("pi", 'π'),
    ("piv", 'ϖ'),
    ("plus", '+'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("prod", '∏'),
    ("prop", '∝'),
    ("psi", 'ψ'),
    ("quest", '?'),
    ("quot", '"'),
    ("rArr", '⇒'),
    ("radic", '√'),
    ("rang", '⟩'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rbrace", '}'),
    ("rbrack", ']'),
    ("rceil", '⌉'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rfloor", '⌋'),
    ("rho", 'ρ'),
    ("rlm", '\u{200F}'),
    ("rpar", ')'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("scaron", 'š'),
    ("sdot", '⋅'),
    ("sect", '§'),
    ("semi", ';'),
    ("shy", '\u{AD}'),
    ("sigma", 'σ'),
    ("sigmaf", 'ς'),
    ("sim", '∼'),
    ("sol", '/'),
    ("spades", '♠'),
    ("star", '☆'),
    ("sub", '⊂'),
    ("sube", '⊆'),
    ("sum", '∑'),
    ("sup", '⊃'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("supe", '⊇'),
    ("szlig", 'ß'),
    ("tau", 'τ'),
    ("there4", '∴'),
    ("theta", 'θ'),
    ("thetasym", 'ϑ'),
    ("thinsp", '\u{2009}'),
    ("thorn", 'þ'),
    ("tilde", '˜'),
    ("times", '×'),
    ("trade", '™'),
    ("uArr", '⇑'),
    ("uacute", 'ú'),
    ("uarr", '↑'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("upsih", 'ϒ'),
    ("upsilon", 'υ'),
    ("uuml", 'ü'),
    ("xi", 'ξ'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zeta", 'ζ'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_entities_are_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(named("hellip"), Some('…'));
    }
}
