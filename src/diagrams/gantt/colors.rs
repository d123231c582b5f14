//! Gantt colours per theme, derived as mermaid-js's theme files derive
//! them; every one can be set by the theme variable of the same name.

use crate::theme::color::map;
use crate::theme::Theme;

#[derive(Debug, Clone, PartialEq)]
pub struct GanttColors {
    /// `sectionBkgColor`, `altSectionBkgColor`, `sectionBkgColor2`: row
    /// backgrounds (drawn at 20 % opacity, as mermaid-js's CSS).
    pub section: String,
    pub alt_section: String,
    pub section2: String,
    /// `excludeBkgColor`: excluded days.
    pub exclude: String,
    /// `taskBkgColor`, `taskBorderColor`.
    pub task: String,
    pub task_border: String,
    /// `taskTextColor`: text inside a bar.
    pub task_text: String,
    /// `taskTextOutsideColor`: text beside a bar.
    pub task_text_outside: String,
    /// `taskTextDarkColor`: text on active and done bars.
    pub task_text_dark: String,
    /// `taskTextClickableColor`: text of a task with a link.
    pub clickable: String,
    pub active: String,
    pub active_border: String,
    pub done: String,
    pub done_border: String,
    pub crit: String,
    pub crit_border: String,
    /// `gridColor`: tick lines.
    pub grid: String,
    /// `todayLineColor`.
    pub today: String,
    /// `vertLineColor`: `vert` markers.
    pub vert: String,
    /// `textColor`: section titles and tick labels.
    pub text: String,
    /// `titleColor`: the chart's title.
    pub title: String,
}

impl GanttColors {
    pub fn from_theme(t: &Theme) -> GanttColors {
        let s = |v: &str| v.to_string();
        let darken = |c: &str, d: f64| map(c, |x| x.adjust(0.0, 0.0, -d));
        let lighten = |c: &str, d: f64| map(c, |x| x.adjust(0.0, 0.0, d));
        let mut c = match t.name.as_str() {
            "dark" => {
                let section = darken("#EAE8D9", 30.0);
                let dark_text = lighten(&map("#323D47", |x| x.invert()), 10.0);
                GanttColors {
                    exclude: darken(&section, 10.0),
                    section,
                    alt_section: t.background.clone(),
                    section2: s("#EAE8D9"),
                    task: t.primary.clone(),
                    task_border: s("rgba(255, 255, 255, 0.7)"),
                    task_text: dark_text.clone(),
                    task_text_outside: s("lightgrey"),
                    task_text_dark: dark_text.clone(),
                    clickable: s("#003163"),
                    active: s("#81B1DB"),
                    active_border: s("rgba(255, 255, 255, 0.5)"),
                    done: s("lightgrey"),
                    done_border: dark_text,
                    crit: s("#E83737"),
                    crit_border: s("#E83737"),
                    grid: s("lightgrey"),
                    today: s("#DB5757"),
                    vert: s("#81B1DB"),
                    text: t.text.clone(),
                    title: t.title_text.clone(),
                }
            }
            "neutral" => {
                let contrast = "#707070";
                GanttColors {
                    section: lighten(contrast, 30.0),
                    alt_section: s("white"),
                    section2: lighten(contrast, 30.0),
                    exclude: s("#eeeeee"),
                    task: s(contrast),
                    task_border: darken(contrast, 10.0),
                    task_text: s("white"),
                    task_text_outside: s("#333"),
                    task_text_dark: s("#333"),
                    clickable: s("#003163"),
                    active: t.primary.clone(),
                    active_border: darken(contrast, 10.0),
                    done: s("#bbb"),
                    done_border: s("#666"),
                    crit: s("#d42"),
                    crit_border: darken("#d42", 10.0),
                    grid: lighten("#999", 30.0),
                    today: s("#d42"),
                    vert: s("navy"),
                    text: t.text.clone(),
                    title: t.title_text.clone(),
                }
            }
            "forest" => GanttColors {
                section: s("#6eaa49"),
                alt_section: s("white"),
                section2: s("#6eaa49"),
                exclude: s("#eeeeee"),
                task: s("#487e3a"),
                task_border: s("#487e3a"),
                task_text: s("white"),
                task_text_outside: s("black"),
                task_text_dark: s("black"),
                clickable: s("#003163"),
                active: s("#cde498"),
                active_border: s("#487e3a"),
                done: s("lightgrey"),
                done_border: s("grey"),
                crit: s("red"),
                crit_border: s("#ff8888"),
                grid: s("lightgrey"),
                today: s("red"),
                vert: s("navy"),
                text: t.text.clone(),
                title: t.title_text.clone(),
            },
            "base" => GanttColors {
                section: t.tertiary.clone(),
                alt_section: s("white"),
                section2: t.primary.clone(),
                exclude: s("#eeeeee"),
                task: t.primary.clone(),
                task_border: t.primary_border.clone(),
                task_text: t.primary_text.clone(),
                task_text_outside: t.text.clone(),
                task_text_dark: t.text.clone(),
                clickable: s("#003163"),
                active: lighten(&t.primary, 23.0),
                active_border: t.primary.clone(),
                done: s("lightgrey"),
                done_border: s("grey"),
                crit: s("red"),
                crit_border: s("#ff8888"),
                grid: s("lightgrey"),
                today: s("red"),
                vert: s("navy"),
                text: t.text.clone(),
                title: t.title_text.clone(),
            },
            _ => GanttColors {
                section: s("rgba(102, 102, 255, 0.49)"),
                alt_section: s("white"),
                section2: s("#fff400"),
                exclude: s("#eeeeee"),
                task: s("#8a90dd"),
                task_border: s("#534fbc"),
                task_text: s("white"),
                task_text_outside: s("black"),
                task_text_dark: s("black"),
                clickable: s("#003163"),
                active: s("#bfc7ff"),
                active_border: s("#534fbc"),
                done: s("lightgrey"),
                done_border: s("grey"),
                crit: s("red"),
                crit_border: s("#ff8888"),
                grid: s("lightgrey"),
                today: s("red"),
                vert: s("navy"),
                text: t.text.clone(),
                title: t.title_text.clone(),
            },
        };
        for (key, slot) in [
            ("sectionBkgColor", &mut c.section),
            ("altSectionBkgColor", &mut c.alt_section),
            ("sectionBkgColor2", &mut c.section2),
            ("excludeBkgColor", &mut c.exclude),
            ("taskBkgColor", &mut c.task),
            ("taskBorderColor", &mut c.task_border),
            ("taskTextColor", &mut c.task_text),
            ("taskTextOutsideColor", &mut c.task_text_outside),
            ("taskTextDarkColor", &mut c.task_text_dark),
            ("taskTextClickableColor", &mut c.clickable),
            ("activeTaskBkgColor", &mut c.active),
            ("activeTaskBorderColor", &mut c.active_border),
            ("doneTaskBkgColor", &mut c.done),
            ("doneTaskBorderColor", &mut c.done_border),
            ("critBkgColor", &mut c.crit),
            ("critBorderColor", &mut c.crit_border),
            ("gridColor", &mut c.grid),
            ("todayLineColor", &mut c.today),
            ("vertLineColor", &mut c.vert),
            ("titleColor", &mut c.title),
        ] {
            if let Some(v) = t.var(key) {
                *slot = v;
            }
        }
        c
    }
}
