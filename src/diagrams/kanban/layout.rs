//! Board → geometry: columns side by side (200 px, wider for a wide
//! title), cards stacked under the title (wrapped text, then a row with
//! the ticket on the left and the assignee on the right). Text is
//! measured here and only here.

use super::model::Board;
use crate::geometry::Point;
use crate::text::{layout as text_layout, measure, TextBox, TextStyle};

/// Least width of a column.
pub const COLUMN_WIDTH: f64 = 200.0;
/// Gap between columns and between cards.
pub const GAP: f64 = 5.0;
/// Height of a column's title band.
pub const TITLE_BAND: f64 = 25.0;
/// Padding inside a card.
pub const CARD_PAD: f64 = 10.0;
/// Height of one metadata row.
pub const ROW: f64 = 24.0;

/// What the layout reads from the configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    pub font_size: f64,
    pub padding: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            font_size: 16.0,
            padding: 10.0,
        }
    }
}

/// A text placed with its top-left corner (`anchor_end`: its top-right).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub text: TextBox,
    pub at: Point,
    pub anchor_end: bool,
}

impl Placed {
    /// Left, top, right, bottom.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let l = if self.anchor_end {
            self.at.x - self.text.width
        } else {
            self.at.x
        };
        (
            l,
            self.at.y,
            l + self.text.width,
            self.at.y + self.text.height,
        )
    }
}

/// A card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardGeo {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub text: Placed,
    pub ticket: Option<Placed>,
    pub assigned: Option<Placed>,
}

/// A column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnGeo {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Title, centred on this point.
    pub title_centre: Point,
    pub title: TextBox,
    pub cards: Vec<CardGeo>,
}

/// Everything the drawing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<ColumnGeo>,
}

/// Lay out a board.
pub fn layout(b: &Board, o: &LayoutOptions) -> Geometry {
    let style = TextStyle {
        size: o.font_size,
        ..TextStyle::default()
    };
    let pad = o.padding;
    let mut x = pad;
    let mut columns = Vec::new();
    let mut bottom: f64 = pad;
    for col in &b.columns {
        let title = measure(&col.title, style);
        let w = COLUMN_WIDTH.max(title.width + 20.0);
        let card_w = w - 15.0;
        let inner = card_w - 2.0 * CARD_PAD;
        let mut y = pad + TITLE_BAND.max(title.height + 1.0);
        let mut cards = Vec::new();
        for it in &col.items {
            let left = x + 7.5;
            let tb = text_layout(&it.text, style, it.markdown, Some(inner));
            let has_meta = it.ticket.is_some() || it.assigned.is_some();
            let top_pad = if has_meta { 4.0 } else { CARD_PAD };
            let text = Placed {
                at: Point::new(left + CARD_PAD, y + top_pad),
                text: tb,
                anchor_end: false,
            };
            let mut h = text.text.height + 2.0 * top_pad;
            let mut ticket = None;
            let mut assigned = None;
            if has_meta {
                let row_top = y + top_pad + text.text.height;
                let t = it
                    .ticket
                    .as_deref()
                    .map(|t| text_layout(t, style, false, Some(inner)));
                let a = it
                    .assigned
                    .as_deref()
                    .map(|a| text_layout(a, style, false, Some(inner)));
                let tw = t.as_ref().map_or(0.0, |t| t.width);
                let aw = a.as_ref().map_or(0.0, |a| a.width);
                let th = t.as_ref().map_or(0.0, |t| t.height);
                // The assignee goes on its own row when both do not fit.
                let same_row = tw + aw + 10.0 <= inner;
                let a_top = if same_row || t.is_none() {
                    row_top
                } else {
                    row_top + th
                };
                if let Some(t) = t {
                    ticket = Some(Placed {
                        at: Point::new(left + CARD_PAD, row_top),
                        text: t,
                        anchor_end: false,
                    });
                }
                let mut rows_h = th;
                if let Some(a) = a {
                    let ah = a.height;
                    assigned = Some(Placed {
                        at: Point::new(left + card_w - CARD_PAD, a_top),
                        text: a,
                        anchor_end: true,
                    });
                    rows_h = (a_top - row_top + ah).max(rows_h);
                }
                h += rows_h.max(ROW);
            }
            cards.push(CardGeo {
                x: left,
                y,
                w: card_w,
                h,
                text,
                ticket,
                assigned,
            });
            y += h + GAP;
        }
        let h = if cards.is_empty() {
            y - pad + 10.0
        } else {
            y - GAP - pad + 10.0
        };
        bottom = bottom.max(pad + h);
        columns.push(ColumnGeo {
            x,
            y: pad,
            w,
            h,
            title_centre: Point::new(x + w / 2.0, pad + TITLE_BAND.max(title.height + 1.0) / 2.0),
            title,
            cards,
        });
        x += w + GAP;
    }
    let right = if columns.is_empty() { pad } else { x - GAP };
    Geometry {
        width: (right + pad).ceil().max(1.0),
        height: (bottom + pad).ceil().max(1.0),
        columns,
    }
}
