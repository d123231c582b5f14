//! `treemap.valueFormat`: a d3-format style specifier
//! (`[[fill]align][sign][$][0][width][,][.precision][~][type]`) as
//! mermaid-js applies it; a leading `$` before a specifier that has no
//! symbol of its own is written before the formatted number.

/// Format `v` with `spec` (`,`, `$,.2f`, `.1%`, `$0,0`, `.2e`, `d`, `s`…).
pub fn format(v: f64, spec: &str) -> String {
    let mut s = spec.trim();
    let mut dollar = false;
    if let Some(r) = s.strip_prefix('$') {
        dollar = true;
        s = r;
    }
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    // fill + align, or align.
    if b.len() >= 2 && "<>=^".contains(b[1]) {
        i = 2;
    } else if b.first().is_some_and(|c| "<>=^".contains(*c)) {
        i = 1;
    }
    let mut sign = '-';
    if let Some(c) = b.get(i).filter(|c| "-+( ".contains(**c)) {
        sign = *c;
        i += 1;
    }
    if b.get(i) == Some(&'$') {
        dollar = true;
        i += 1;
    } else if b.get(i) == Some(&'#') {
        i += 1;
    }
    if b.get(i) == Some(&'0') {
        i += 1;
    }
    while b.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    let mut comma = false;
    if b.get(i) == Some(&',') {
        comma = true;
        i += 1;
    }
    let mut precision: Option<usize> = None;
    if b.get(i) == Some(&'.') {
        i += 1;
        let st = i;
        while b.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        precision = b[st..i].iter().collect::<String>().parse().ok();
    }
    let mut trim = false;
    if b.get(i) == Some(&'~') {
        trim = true;
        i += 1;
    }
    // Anything unrecognised (as in `0,0`) is skipped up to a type letter.
    let ty = b[i.min(b.len())..]
        .iter()
        .rev()
        .find(|c| "efgrsdpx%bo".contains(**c))
        .copied();
    if !comma && b[i.min(b.len())..].contains(&',') {
        comma = true;
    }
    let neg = v < 0.0;
    let a = v.abs();
    let mut suffix = String::new();
    let mut body = match ty {
        Some('%') => {
            suffix.push('%');
            format!("{:.*}", precision.unwrap_or(6), a * 100.0)
        }
        Some('f') => format!("{:.*}", precision.unwrap_or(6), a),
        Some('d') => format!("{:.0}", a.round()),
        Some('e') => {
            let s = format!("{:.*e}", precision.unwrap_or(6), a);
            // Rust writes `1.5e3`; d3 writes `1.5e+3`.
            match s.split_once('e') {
                Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
                _ => s,
            }
        }
        Some('s') => {
            let p = precision.unwrap_or(6).max(1);
            si(a, p, &mut suffix)
        }
        Some('r') | Some('g') | Some('p') => {
            let p = precision.unwrap_or(6).max(1);
            significant(a, p)
        }
        _ => {
            // No type: like `g` with 12 significant digits, trailing zeros off.
            match precision {
                Some(p) => significant(a, p.max(1)),
                None => {
                    trim = true;
                    js(a)
                }
            }
        }
    };
    if trim && body.contains('.') && !body.contains('e') {
        body = body.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if comma {
        body = group(&body);
    }
    let sign_s = match (
        neg && body.chars().any(|c| c.is_ascii_digit() && c != '0'),
        sign,
    ) {
        (true, '(') => "(",
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    };
    let close = if sign_s == "(" { ")" } else { "" };
    format!(
        "{sign_s}{}{body}{suffix}{close}",
        if dollar { "$" } else { "" }
    )
}

fn js(a: f64) -> String {
    if a == a.trunc() && a < 1e21 {
        format!("{a:.0}")
    } else {
        format!("{a}")
    }
}

fn significant(a: f64, p: usize) -> String {
    if a == 0.0 {
        return "0".into();
    }
    let mag = a.log10().floor() as i32;
    let decimals = (p as i32 - 1 - mag).max(0) as usize;
    format!("{a:.decimals$}")
}

fn si(a: f64, p: usize, suffix: &mut String) -> String {
    const PREFIXES: [(i32, &str); 9] = [
        (-9, "n"),
        (-6, "µ"),
        (-3, "m"),
        (0, ""),
        (3, "k"),
        (6, "M"),
        (9, "G"),
        (12, "T"),
        (15, "P"),
    ];
    if a == 0.0 {
        return "0".into();
    }
    let e = ((a.log10() / 3.0).floor() as i32 * 3).clamp(-9, 15);
    let (_, pre) = PREFIXES
        .iter()
        .find(|(k, _)| *k == e)
        .copied()
        .unwrap_or((0, ""));
    suffix.push_str(pre);
    significant(a / 10f64.powi(e), p)
}

/// Thousands separators in the integer part.
fn group(s: &str) -> String {
    let (int, frac) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(p) => (&s[..p], &s[p..]),
        None => (s, ""),
    };
    let mut out = String::new();
    let n = int.len();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (n - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out + frac
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn d3_style_formats() {
        assert_eq!(format(1500000.0, ","), "1,500,000");
        assert_eq!(format(1500000.0, "$0,0"), "$1,500,000");
        assert_eq!(format(1234.5, "$,.2f"), "$1,234.50");
        assert_eq!(format(0.35, ".1%"), "35.0%");
        assert_eq!(format(1.0, "$.1%"), "$100.0%");
        assert_eq!(format(12.0, ""), "12");
        assert_eq!(format(1.5, ","), "1.5");
        assert_eq!(format(1500.0, ".2e"), "1.50e+3");
        assert_eq!(format(1500.0, ".2s"), "1.5k");
        assert_eq!(format(-3.0, ","), "-3");
        assert_eq!(format(42.4, "d"), "42");
        assert_eq!(format(1234.0, ",.0f"), "1,234");
    }
}
