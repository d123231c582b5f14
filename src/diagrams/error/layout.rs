//! The error picture's geometry. mermaid-js draws it in a 2412 × 512
//! view box: the icon on the left, "Syntax error in text" (150 px, centred
//! at x 1440, baseline 250) and the version (100 px, centred at x 1250,
//! baseline 400). Here the same picture at a quarter of that size, so that
//! it sits among ordinary diagrams.

use crate::text::{measure, TextBox, TextStyle};
use crate::theme::Theme;

/// mermaid-js's view box, scaled by [`SCALE`].
pub const SCALE: f64 = 0.25;
pub const VIEW_WIDTH: f64 = 2412.0;
pub const VIEW_HEIGHT: f64 = 512.0;

/// A text of the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: TextBox,
    pub size: f64,
    /// Centre of the baseline.
    pub x: f64,
    pub y: f64,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    /// Centre and radius of the bomb's body.
    pub bomb: (f64, f64, f64),
    pub message: Line,
    pub version: Line,
    /// Fill of the icon (`errorBkgColor`) and of the texts (`errorTextColor`).
    pub icon_color: String,
    pub text_color: String,
}

fn line(text: &str, size: f64, x: f64, y: f64) -> Line {
    let size = size * SCALE;
    Line {
        text: measure(
            text,
            TextStyle {
                size,
                ..TextStyle::default()
            },
        ),
        size,
        x: x * SCALE,
        y: y * SCALE,
    }
}

/// Lay out the error picture; the canvas widens if a text would not fit.
pub fn layout(theme: &Theme) -> Geometry {
    let message = line(super::MESSAGE, 150.0, 1440.0, 250.0);
    let version = line(&crate::diagrams::info::version_text(), 100.0, 1250.0, 400.0);
    let right = (message.x + message.text.width / 2.0).max(version.x + version.text.width / 2.0);
    let (default_icon, default_text) = if theme.dark_mode {
        ("#a44141", "#dddddd")
    } else {
        ("#552222", "#552222")
    };
    Geometry {
        width: (VIEW_WIDTH * SCALE).max((right + 8.0).ceil()),
        height: VIEW_HEIGHT * SCALE,
        bomb: (300.0 * SCALE, 300.0 * SCALE, 170.0 * SCALE),
        message,
        version,
        icon_color: theme
            .var("errorBkgColor")
            .unwrap_or_else(|| default_icon.into()),
        text_color: theme
            .var("errorTextColor")
            .unwrap_or_else(|| default_text.into()),
    }
}
