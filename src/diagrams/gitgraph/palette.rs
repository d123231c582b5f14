//! The git graph's colours, derived per theme as mermaid-js's theme files
//! derive `git0`…`git7`, `gitInv0`…, `gitBranchLabel0`…, the commit-label
//! and tag-label colours, unless the user's `themeVariables` give them.

use crate::theme::color::{map, Rgba};
use crate::theme::Theme;

/// How many lane colours a theme defines (lanes past it cycle).
pub const COLORS: usize = 8;

/// Every colour the git graph paints with.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    /// `git0`…`git7`: lane, arrow, commit and branch-label box colours.
    pub git: Vec<String>,
    /// `gitInv0`…: the outer square of highlighted commits.
    pub inv: Vec<String>,
    /// `gitBranchLabel0`…: branch name text.
    pub branch_label: Vec<String>,
    /// `commitLabelColor` / `commitLabelBackground`.
    pub commit_label: String,
    pub commit_label_bg: String,
    /// `tagLabelColor`, `tagLabelBackground`, `tagLabelBorder`.
    pub tag_text: String,
    pub tag_bg: String,
    pub tag_border: String,
    /// The hole of a tag (`textColor`).
    pub tag_hole: String,
    /// The dashed branch lines (`lineColor`).
    pub line: String,
    /// Inner symbol of merge and reverse commits (`primaryColor`).
    pub primary: String,
    /// Title text (`textColor`).
    pub title: String,
    /// Cherry-picked commits (mermaid-js leaves them unpainted: the
    /// diagram's text colour).
    pub cherry: String,
}

fn lightness(css: &str, dl: f64) -> String {
    map(css, |c| c.adjust(0.0, 0.0, dl))
}

/// The eight lane colours from the base colours: primary, secondary,
/// tertiary and hue shifts of the primary, darkened (lightened in dark
/// mode) by `shift` lightness points.
fn derived(primary: &str, secondary: &str, tertiary: &str, shift: f64) -> Vec<String> {
    let hue = |dh: f64| map(primary, |c| c.adjust(dh, 0.0, 0.0));
    let base = [
        primary.to_string(),
        secondary.to_string(),
        tertiary.to_string(),
        hue(-30.0),
        hue(-60.0),
        hue(-90.0),
        hue(60.0),
        hue(120.0),
    ];
    base.iter().map(|c| lightness(c, shift)).collect()
}

fn list(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

impl Palette {
    /// The palette of `theme`.
    pub fn new(theme: &Theme) -> Palette {
        let var = |k: &str| theme.var(k);
        let user_base = var("primaryColor").is_some()
            || var("secondaryColor").is_some()
            || var("tertiaryColor").is_some();
        let name = theme.name.as_str();
        let shift = if theme.dark_mode { 25.0 } else { -25.0 };
        let git = match name {
            _ if user_base => derived(&theme.primary, &theme.secondary, &theme.tertiary, shift),
            "default" => derived(&theme.primary, &theme.secondary, &theme.tertiary, -50.0),
            "forest" => derived(
                &theme.primary,
                &theme.secondary,
                &lightness(&theme.primary, 10.0),
                -25.0,
            ),
            "dark" => list(&[
                "hsl(180, 1.5873015873%, 48.3529411765%)",
                "hsl(321.6393442623, 65.5913978495%, 38.2352941176%)",
                "hsl(194.4, 16.5562913907%, 49.6078431373%)",
                "hsl(23.0769230769, 49.0566037736%, 40.7843137255%)",
                "hsl(0, 83.3333333333%, 43.5294117647%)",
                "hsl(289.1666666667, 100%, 24.1176470588%)",
                "hsl(35.1315789474, 98.7012987013%, 40.1960784314%)",
                "hsl(106.1538461538, 84.4155844156%, 35.0980392157%)",
            ]),
            "neutral" => list(&[
                "hsl(0, 0%, 70.6862745098%)",
                "#555",
                "#BBB",
                "#777",
                "#999",
                "#DDD",
                "#FFF",
                "#DDD",
            ]),
            _ => derived(&theme.primary, &theme.secondary, &theme.tertiary, shift),
        };
        let git: Vec<String> = git
            .into_iter()
            .enumerate()
            .map(|(i, c)| var(&format!("git{i}")).unwrap_or(c))
            .map(|c| map(&c, |c| c))
            .collect();
        let inv = git
            .iter()
            .enumerate()
            .map(|(i, c)| var(&format!("gitInv{i}")).unwrap_or_else(|| map(c, Rgba::invert)))
            .collect();
        let labels = match name {
            "dark" => list(&[
                "#2c2c2c",
                "lightgrey",
                "lightgrey",
                "#2c2c2c",
                "lightgrey",
                "lightgrey",
                "lightgrey",
                "lightgrey",
            ]),
            "neutral" => list(&[
                "#333", "white", "#333", "white", "#333", "#333", "#333", "#333",
            ]),
            "base" => list(&["#333"; COLORS]),
            _ => list(&[
                "#ffffff", "black", "black", "#ffffff", "black", "black", "black", "black",
            ]),
        };
        let branch_label = labels
            .into_iter()
            .enumerate()
            .map(|(i, c)| var(&format!("gitBranchLabel{i}")).unwrap_or(c))
            .collect();
        let tag_text = var("tagLabelColor")
            .or_else(|| var("primaryTextColor"))
            .unwrap_or_else(|| match name {
                "dark" => "#e0dfdf".into(),
                "base" => "#333".into(),
                _ => map(&theme.primary, Rgba::invert),
            });
        let tag_border = var("tagLabelBorder")
            .or_else(|| var("primaryBorderColor"))
            .unwrap_or_else(|| match name {
                "dark" if !user_base => "#cccccc".into(),
                _ => map(&theme.primary, |c| {
                    if theme.dark_mode {
                        c.adjust(0.0, -40.0, 10.0)
                    } else {
                        c.adjust(0.0, -40.0, -10.0)
                    }
                }),
            });
        let line = var("lineColor").unwrap_or_else(|| match name {
            "default" => "#333333".into(),
            "forest" => "#000000".into(),
            "dark" => "lightgrey".into(),
            "neutral" => "#666".into(),
            _ => theme.line.clone(),
        });
        let tag_hole = var("textColor").unwrap_or_else(|| match name {
            "forest" | "neutral" => "#000000".into(),
            _ => theme.text.clone(),
        });
        Palette {
            git,
            inv,
            branch_label,
            commit_label: var("commitLabelColor")
                .unwrap_or_else(|| map(&theme.secondary, Rgba::invert)),
            commit_label_bg: var("commitLabelBackground")
                .unwrap_or_else(|| theme.secondary.clone()),
            tag_text,
            tag_bg: var("tagLabelBackground").unwrap_or_else(|| theme.primary.clone()),
            tag_border,
            tag_hole,
            line,
            primary: theme.primary.clone(),
            title: theme.text.clone(),
            cherry: theme.text.clone(),
        }
    }

    /// Colour of lane `i` (cycling).
    pub fn git(&self, i: usize) -> &str {
        &self.git[i % COLORS]
    }
    pub fn inv(&self, i: usize) -> &str {
        &self.inv[i % COLORS]
    }
    pub fn branch_label(&self, i: usize) -> &str {
        &self.branch_label[i % COLORS]
    }
}
