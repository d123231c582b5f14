//! [`Info`] → geometry: the version text and the canvas.

use super::model::Info;
use crate::text::{measure, TextBox, TextStyle};
use crate::theme::Theme;

/// Font size of the version text (mermaid-js: 32px).
pub const FONT_SIZE: f64 = 32.0;
/// Canvas height (mermaid-js: 100) and smallest width (mermaid-js: 400).
pub const HEIGHT: f64 = 100.0;
pub const MIN_WIDTH: f64 = 400.0;
/// Baseline of the text (mermaid-js: y = 40).
pub const BASELINE: f64 = 40.0;
/// Space left and right of the text.
pub const PAD: f64 = 20.0;

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub text: TextBox,
    /// Centre of the text's baseline.
    pub x: f64,
    pub y: f64,
    pub color: String,
}

/// Lay out the version box.
pub fn layout(_info: &Info, theme: &Theme) -> Geometry {
    let text = measure(
        &super::version_text(),
        TextStyle {
            size: FONT_SIZE,
            ..TextStyle::default()
        },
    );
    let width = (text.width + 2.0 * PAD).max(MIN_WIDTH).ceil();
    Geometry {
        width,
        height: HEIGHT,
        x: width / 2.0,
        y: BASELINE,
        text,
        color: theme.text.clone(),
    }
}
