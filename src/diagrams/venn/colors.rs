//! Venn colours per theme. Mermaid colours set `i` with its colour scale
//! (`primaryColor`, `secondaryColor`, `tertiaryColor`, then the primary
//! colour turned round the hue circle) darkened by 30% for the circle and
//! by another 30% for its label; `venn1` … `venn8` theme variables
//! override the circle colours.

use crate::theme::color::map;
use crate::theme::Theme;

/// Colours of one diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct VennColors {
    /// Circle colours by set index (the list repeats).
    pub sets: Vec<String>,
    /// Union labels and text nodes.
    pub text: String,
    pub title: String,
    /// Lighten (dark themes) rather than darken labels.
    pub dark: bool,
}

impl VennColors {
    pub fn from_theme(theme: &Theme) -> VennColors {
        let adj = |c: &str, h: f64, l: f64| map(c, |x| x.adjust(h, 0.0, l));
        // Dark themes draw bright circles on the dark page.
        let (p, s, t) = if theme.dark_mode {
            (
                "#ECECFF".to_string(),
                "#ffffde".to_string(),
                "hsl(80, 100%, 96.27%)".to_string(),
            )
        } else {
            (
                theme.primary.clone(),
                theme.secondary.clone(),
                theme.tertiary.clone(),
            )
        };
        let s = if s.trim().is_empty() {
            adj(&p, -120.0, 0.0)
        } else {
            s
        };
        let t = if t.trim().is_empty() {
            adj(&p, 180.0, 0.0)
        } else {
            t
        };
        let mut base = vec![p.clone(), s, t];
        for h in [30.0, 60.0, 90.0, 120.0, 150.0, 210.0, 270.0, 300.0, 330.0] {
            base.push(adj(&p, h, 0.0));
        }
        let sets = base
            .iter()
            .enumerate()
            .map(|(i, c)| {
                theme
                    .var(&format!("venn{}", i + 1))
                    .unwrap_or_else(|| adj(c, 0.0, -30.0))
            })
            .collect();
        VennColors {
            sets,
            text: theme.text.clone(),
            title: theme
                .var("titleColor")
                .unwrap_or_else(|| theme.text.clone()),
            dark: theme.dark_mode,
        }
    }

    /// The circle colour of set `i`.
    pub fn set(&self, i: usize) -> &str {
        if self.sets.is_empty() {
            return "#888";
        }
        &self.sets[i % self.sets.len()]
    }

    /// A set label's colour: its circle's colour 30% darker (lighter on
    /// dark themes).
    pub fn label_for(&self, fill: &str) -> String {
        let dl = if self.dark { 20.0 } else { -30.0 };
        map(fill, |x| x.adjust(0.0, 0.0, dl))
    }
}
