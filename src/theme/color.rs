//! Colour maths for theme derivation: parse CSS colours, convert to and
//! from HSL, adjust, darken, lighten, invert. Output is `#rrggbb` (or
//! `rgba(…)` when not opaque), formatted deterministically.

/// An sRGB colour with alpha, channels 0–255 (alpha 0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: f64,
    pub g: f64,
    pub b: f64,
    pub a: f64,
}

impl Rgba {
    /// Parse `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`, `rgba()`,
    /// `hsl()`, `hsla()` or any CSS colour name.
    pub fn parse(s: &str) -> Option<Rgba> {
        let s = s.trim().to_ascii_lowercase();
        if let Some(hex) = s.strip_prefix('#') {
            let digits: Vec<u32> = hex.chars().map(|c| c.to_digit(16)).collect::<Option<_>>()?;
            let (rgb, a) = match digits.len() {
                3 | 4 => (
                    [digits[0] * 17, digits[1] * 17, digits[2] * 17],
                    digits.get(3).map(|d| f64::from(d * 17) / 255.0),
                ),
                6 | 8 => (
                    [
                        digits[0] * 16 + digits[1],
                        digits[2] * 16 + digits[3],
                        digits[4] * 16 + digits[5],
                    ],
                    (digits.len() == 8).then(|| f64::from(digits[6] * 16 + digits[7]) / 255.0),
                ),
                _ => return None,
            };
            return Some(Rgba {
                r: f64::from(rgb[0]),
                g: f64::from(rgb[1]),
                b: f64::from(rgb[2]),
                a: a.unwrap_or(1.0),
            });
        }
        if let Some((func, rest)) = s.split_once('(') {
            let args: Vec<&str> = rest
                .trim_end_matches(')')
                .split([',', ' ', '/'])
                .filter(|a| !a.is_empty())
                .collect();
            let num = |a: &str, full: f64| -> Option<f64> {
                if let Some(p) = a.strip_suffix('%') {
                    p.parse::<f64>().ok().map(|v| v / 100.0 * full)
                } else {
                    a.trim_end_matches("deg").parse().ok()
                }
            };
            if args.len() < 3 {
                return None;
            }
            let a = match args.get(3) {
                Some(a) => num(a, 1.0)?,
                None => 1.0,
            };
            return match func.trim() {
                "rgb" | "rgba" => Some(Rgba {
                    r: num(args[0], 255.0)?,
                    g: num(args[1], 255.0)?,
                    b: num(args[2], 255.0)?,
                    a,
                }),
                "hsl" | "hsla" => {
                    let mut c = from_hsl(
                        num(args[0], 360.0)?,
                        num(args[1], 100.0)?,
                        num(args[2], 100.0)?,
                    );
                    c.a = a;
                    Some(c)
                }
                _ => None,
            };
        }
        // Every CSS colour keyword (148 names and `transparent`).
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        // svgtypes knows CSS3's 147; CSS4 added `rebeccapurple`.
        let name = if s == "rebeccapurple" { "#663399" } else { &s };
        let c: svgtypes::Color = name.parse().ok()?;
        Some(Rgba {
            r: f64::from(c.red),
            g: f64::from(c.green),
            b: f64::from(c.blue),
            a: f64::from(c.alpha) / 255.0,
        })
    }

    /// Hue (degrees), saturation and lightness (percent).
    pub fn hsl(self) -> (f64, f64, f64) {
        let (r, g, b) = (self.r / 255.0, self.g / 255.0, self.b / 255.0);
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let l = (max + min) / 2.0;
        if (max - min).abs() < 1e-12 {
            return (0.0, 0.0, l * 100.0);
        }
        let d = max - min;
        let s = if l > 0.5 {
            d / (2.0 - max - min)
        } else {
            d / (max + min)
        };
        let h = if max == r {
            (g - b) / d + if g < b { 6.0 } else { 0.0 }
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        (h * 60.0, s * 100.0, l * 100.0)
    }

    /// Shift hue, saturation and lightness (clamped), keeping alpha.
    pub fn adjust(self, dh: f64, ds: f64, dl: f64) -> Rgba {
        let (h, s, l) = self.hsl();
        let mut c = from_hsl(
            (h + dh).rem_euclid(360.0),
            (s + ds).clamp(0.0, 100.0),
            (l + dl).clamp(0.0, 100.0),
        );
        c.a = self.a;
        c
    }

    pub fn invert(self) -> Rgba {
        Rgba {
            r: 255.0 - self.r,
            g: 255.0 - self.g,
            b: 255.0 - self.b,
            a: self.a,
        }
    }

    /// CSS text: `#rrggbb`, or `rgba(r, g, b, a)` when not opaque.
    pub fn css(self) -> String {
        let ch = |v: f64| v.round().clamp(0.0, 255.0) as u8;
        if self.a >= 1.0 {
            format!("#{:02x}{:02x}{:02x}", ch(self.r), ch(self.g), ch(self.b))
        } else {
            let a = (self.a.clamp(0.0, 1.0) * 100.0).round() / 100.0;
            format!("rgba({}, {}, {}, {a})", ch(self.r), ch(self.g), ch(self.b))
        }
    }
}

fn from_hsl(h: f64, s: f64, l: f64) -> Rgba {
    let (h, s, l) = (h / 360.0, s / 100.0, l / 100.0);
    if s <= 0.0 {
        let v = l * 255.0;
        return Rgba {
            r: v,
            g: v,
            b: v,
            a: 1.0,
        };
    }
    let q = if l < 0.5 {
        l * (1.0 + s)
    } else {
        l + s - l * s
    };
    let p = 2.0 * l - q;
    let hue = |mut t: f64| {
        if t < 0.0 {
            t += 1.0;
        }
        if t > 1.0 {
            t -= 1.0;
        }
        if t < 1.0 / 6.0 {
            p + (q - p) * 6.0 * t
        } else if t < 0.5 {
            q
        } else if t < 2.0 / 3.0 {
            p + (q - p) * (2.0 / 3.0 - t) * 6.0
        } else {
            p
        }
    };
    Rgba {
        r: hue(h + 1.0 / 3.0) * 255.0,
        g: hue(h) * 255.0,
        b: hue(h - 1.0 / 3.0) * 255.0,
        a: 1.0,
    }
}

/// Apply `f` to a colour given as CSS text; unparseable input is returned unchanged.
pub fn map(css: &str, f: impl Fn(Rgba) -> Rgba) -> String {
    match Rgba::parse(css) {
        Some(c) => f(c).css(),
        None => css.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_css_forms() {
        assert_eq!(Rgba::parse("#f9f").unwrap().css(), "#ff99ff");
        assert_eq!(Rgba::parse("#ECECFF").unwrap().css(), "#ececff");
        assert_eq!(Rgba::parse("rgb(1, 2, 3)").unwrap().css(), "#010203");
        assert_eq!(
            Rgba::parse("rgba(232,232,232,0.8)").unwrap().css(),
            "rgba(232, 232, 232, 0.8)"
        );
        assert_eq!(Rgba::parse("mediumpurple").unwrap().css(), "#9370db");
        assert_eq!(Rgba::parse("hsl(0, 100%, 50%)").unwrap().css(), "#ff0000");
        assert!(Rgba::parse("nonsense").is_none());
        // Names beyond the common ones, and `transparent`.
        assert_eq!(Rgba::parse("rebeccapurple").unwrap().css(), "#663399");
        assert_eq!(
            Rgba::parse("LightGoldenrodYellow").unwrap().css(),
            "#fafad2"
        );
        assert_eq!(Rgba::parse("transparent").unwrap().a, 0.0);
    }

    #[test]
    fn hsl_round_trips_and_adjusts() {
        let c = Rgba::parse("#9370DB").unwrap();
        assert_eq!(c.adjust(0.0, 0.0, 0.0).css(), "#9370db");
        assert_eq!(Rgba::parse("#333").unwrap().invert().css(), "#cccccc");
    }
}
