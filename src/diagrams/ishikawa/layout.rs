//! [`Ishikawa`] → geometry. The spine runs left to the head on the right;
//! categories stand in pairs along it, one bone up and one down, pairs
//! from the head leftwards. Under a category every cause has its own row:
//! a cause's own causes take the rows above it (below it on a downward
//! bone) and point at its line, a category's causes point at its bone.
//! Pairs are spaced so no text reaches the next bone.

use super::model::{Cause, Ishikawa};
use crate::text::{layout as text_layout, TextBox, TextStyle};

/// Horizontal run of a bone per unit of height (Mermaid's bones lean by
/// about 8°).
pub const SLOPE: f64 = 0.14;
pub const FONT_SIZE: f64 = 16.0;
pub const HEAD_FONT_SIZE: f64 = 14.0;
/// Wrap width of cause labels and of the problem.
pub const WRAP: f64 = 130.0;
pub const HEAD_WRAP: f64 = 110.0;
/// Vertical space between rows.
pub const ROW_GAP: f64 = 10.0;
/// Gap between a label and its line's end.
pub const LABEL_GAP: f64 = 4.0;
/// Length of a cause's line, plus this much per cause under it.
pub const CAUSE_LEN: f64 = 30.0;
pub const PER_CHILD: f64 = 20.0;
pub const MARGIN: f64 = 20.0;

/// A straight line, arrow at `(x2, y2)` when `arrow`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seg {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub arrow: bool,
    /// Bones and the spine are thick; causes thin.
    pub thick: bool,
}

/// A label: its box's centre.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub tb: TextBox,
}

/// A category's box.
#[derive(Debug, Clone, PartialEq)]
pub struct CatBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub label: Label,
}

/// Where everything goes (canvas coordinates).
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub segs: Vec<Seg>,
    pub labels: Vec<Label>,
    pub boxes: Vec<CatBox>,
    /// The head: left edge x, spine y, half height, reach of its curve.
    pub head_x: f64,
    pub spine_y: f64,
    pub head_h: f64,
    pub head_w: f64,
    pub head_label: Label,
}

/// One row of a category, in top-to-bottom order (as on an upward bone).
struct Row<'a> {
    cause: &'a Cause,
    depth: usize,
    parent: Option<usize>,
    tb: TextBox,
    /// Centre height of the row, distance from the spine (positive).
    d: f64,
}

fn rows<'a>(
    c: &'a Cause,
    depth: usize,
    parent: Option<usize>,
    out: &mut Vec<Row<'a>>,
    style: TextStyle,
) {
    // Children first (above), then the cause itself; the children's
    // parent index is patched after the cause is pushed.
    let start = out.len();
    for ch in &c.children {
        rows(ch, depth + 1, None, out, style);
    }
    let me = out.len();
    out.push(Row {
        cause: c,
        depth,
        parent,
        tb: text_layout(&c.label, style, false, Some(WRAP)),
        d: 0.0,
    });
    // Direct children of `c` are the rows in start..me whose depth is depth+1.
    for r in out[start..me].iter_mut() {
        if r.depth == depth + 1 {
            r.parent = Some(me);
        }
    }
}

/// A cause line's attach end and label end.
type Ends = ((f64, f64), (f64, f64));

/// One category laid out with the spine at y = 0 and its bone from
/// (0, 0) upwards; mirrored for a downward bone afterwards.
struct Bone {
    segs: Vec<Seg>,
    labels: Vec<Label>,
    cat: CatBox,
    /// How far left of the bone its texts reach (max over heights).
    reach: f64,
}

fn bone(cat: &Cause, height: f64, rows_h: f64, style: TextStyle, cat_tb: TextBox) -> Bone {
    let mut rs: Vec<Row<'_>> = Vec::new();
    for c in &cat.children {
        rows(c, 1, None, &mut rs, style);
    }
    // Rows spread evenly between the box and the spine.
    let box_h = cat_tb.height + 4.0;
    let top = height - box_h;
    let n = rs.len();
    let total: f64 = rs.iter().map(|r| r.tb.height + ROW_GAP).sum();
    let extra = if n == 0 {
        0.0
    } else {
        ((rows_h - total) / n as f64).max(0.0)
    };
    let mut d = top - (top - rows_h) / 2.0;
    for r in rs.iter_mut() {
        let h = r.tb.height + ROW_GAP + extra;
        r.d = d - h / 2.0;
        d -= h;
    }
    let bone_x = |d: f64| -d * SLOPE;
    let mut segs = vec![Seg {
        x1: bone_x(top),
        y1: -top,
        x2: 0.0,
        y2: 0.0,
        arrow: true,
        thick: true,
    }];
    // Line ends (a = attach end, l = label end) per row, parents first.
    let mut ends: Vec<Option<Ends>> = vec![None; n];
    let mut labels = Vec::new();
    let mut reach: f64 = 0.0;
    let order: Vec<usize> = (0..n).rev().collect();
    // Children of each row in order (top first), to spread attach points.
    let kids = |p: Option<usize>| -> Vec<usize> {
        (0..n)
            .filter(|&k| rs[k].parent == p && rs[k].depth > 1)
            .collect()
    };
    for k in order {
        let r = &rs[k];
        let y = -r.d;
        let nk = r.cause.children.len() as f64;
        let len = CAUSE_LEN + PER_CHILD * nk + LABEL_GAP;
        let (a, l) = match r.parent.and_then(|p| ends[p]) {
            None => {
                let a = (bone_x(r.d), y);
                (a, (a.0 - len, y))
            }
            Some((pa, pl)) => {
                let sib = kids(r.parent);
                let i = sib.iter().position(|&s| s == k).unwrap_or(0) as f64;
                let t = (i + 1.0) / (sib.len() as f64 + 1.0);
                let at = (pa.0 + (pl.0 - pa.0) * t, pa.1 + (pl.1 - pa.1) * t);
                let rise = at.1 - y;
                (at, (at.0 - rise * SLOPE * 2.0 - CAUSE_LEN * 0.5, y))
            }
        };
        ends[k] = Some((a, l));
        segs.push(Seg {
            x1: l.0,
            y1: l.1,
            x2: a.0,
            y2: a.1,
            arrow: true,
            thick: false,
        });
        let cx = l.0 - LABEL_GAP - r.tb.width / 2.0;
        reach = reach.max(bone_x(r.d) - (cx - r.tb.width / 2.0));
        labels.push(Label {
            x: cx,
            y,
            tb: r.tb.clone(),
        });
    }
    let w = cat_tb.width + 20.0;
    let cat = CatBox {
        x: bone_x(top) - w / 2.0,
        y: -height,
        w,
        h: box_h,
        label: Label {
            x: bone_x(top),
            y: -height + box_h / 2.0,
            tb: cat_tb,
        },
    };
    Bone {
        segs,
        labels,
        cat,
        reach,
    }
}

fn rows_height(c: &Cause, style: TextStyle) -> f64 {
    fn walk(c: &Cause, style: TextStyle, acc: &mut f64) {
        for ch in &c.children {
            walk(ch, style, acc);
            *acc += text_layout(&ch.label, style, false, Some(WRAP)).height + ROW_GAP;
        }
    }
    let mut h = 0.0;
    walk(c, style, &mut h);
    h
}

/// Lay the diagram out.
pub fn layout(ish: &Ishikawa) -> Geometry {
    let style = TextStyle {
        size: FONT_SIZE,
        ..TextStyle::default()
    };
    let cats: Vec<(TextBox, f64)> = ish
        .categories
        .iter()
        .map(|c| {
            (
                text_layout(&c.label, style, false, Some(WRAP * 1.5)),
                rows_height(c, style),
            )
        })
        .collect();
    // One height per side: the tallest bone's rows plus its box.
    let side = |up: bool| -> (f64, f64) {
        let mut rows_h: f64 = 0.0;
        let mut box_h: f64 = 0.0;
        for (k, (tb, rh)) in cats.iter().enumerate() {
            if (k % 2 == 0) == up {
                rows_h = rows_h.max(*rh);
                box_h = box_h.max(tb.height + 4.0);
            }
        }
        let rows_h = rows_h.max(40.0);
        (rows_h, rows_h + box_h + 2.0 * ROW_GAP + 10.0)
    };
    let (up_rows, up_h) = side(true);
    let (down_rows, down_h) = side(false);
    let mut bones: Vec<(Bone, bool)> = Vec::new();
    for (k, c) in ish.categories.iter().enumerate() {
        let up = k % 2 == 0;
        let (rh, h) = if up {
            (up_rows, up_h)
        } else {
            (down_rows, down_h)
        };
        bones.push((bone(c, h, rh, style, cats[k].0.clone()), up));
    }
    // Place pairs from the head leftwards.
    let mut segs = Vec::new();
    let mut labels = Vec::new();
    let mut boxes = Vec::new();
    let mut x = -MARGIN;
    let mut prev_reach: f64 = 0.0;
    let mut prev_box: f64 = 0.0;
    let mut k = 0;
    while k < bones.len() {
        let pair: Vec<&(Bone, bool)> = bones[k..(k + 2).min(bones.len())].iter().collect();
        let own_box = pair.iter().map(|(b, _)| b.cat.w / 2.0).fold(0.0, f64::max);
        if k > 0 {
            // The bones left of the previous pair's texts and boxes.
            x -= (prev_reach + 30.0).max(prev_box + own_box + 20.0);
        }
        prev_box = own_box;
        let mut reach: f64 = 0.0;
        for (b, up) in pair {
            let fy = if *up { 1.0 } else { -1.0 };
            for s in &b.segs {
                segs.push(Seg {
                    x1: s.x1 + x,
                    y1: s.y1 * fy,
                    x2: s.x2 + x,
                    y2: s.y2 * fy,
                    ..*s
                });
            }
            for l in &b.labels {
                labels.push(Label {
                    x: l.x + x,
                    y: l.y * fy,
                    tb: l.tb.clone(),
                });
            }
            let c = &b.cat;
            let y = if *up { c.y } else { -c.y - c.h };
            boxes.push(CatBox {
                x: c.x + x,
                y,
                w: c.w,
                h: c.h,
                label: Label {
                    x: c.label.x + x,
                    y: y + c.h / 2.0,
                    tb: c.label.tb.clone(),
                },
            });
            reach = reach.max(b.reach);
        }
        prev_reach = reach;
        k += 2;
    }
    // The head.
    let head_tb = text_layout(
        &ish.problem,
        TextStyle {
            size: HEAD_FONT_SIZE,
            bold: true,
            italic: false,
        },
        false,
        Some(HEAD_WRAP),
    );
    let head_h = (head_tb.height / 2.0 * 1.6).max(30.0);
    let head_w = (head_tb.width + 16.0) / 0.6;
    let head_label = Label {
        x: 8.0 + head_tb.width / 2.0,
        y: 0.0,
        tb: head_tb,
    };
    // Bounds, then shift everything onto the canvas.
    let mut minx: f64 = -MARGIN;
    let mut maxx: f64 = head_w;
    let mut miny: f64 = -head_h;
    let mut maxy: f64 = head_h;
    let mut grow = |x0: f64, y0: f64, x1: f64, y1: f64| {
        minx = minx.min(x0);
        maxx = maxx.max(x1);
        miny = miny.min(y0);
        maxy = maxy.max(y1);
    };
    for s in &segs {
        grow(
            s.x1.min(s.x2),
            s.y1.min(s.y2),
            s.x1.max(s.x2),
            s.y1.max(s.y2),
        );
    }
    for l in &labels {
        grow(
            l.x - l.tb.width / 2.0,
            l.y - l.tb.height / 2.0,
            l.x + l.tb.width / 2.0,
            l.y + l.tb.height / 2.0,
        );
    }
    for b in &boxes {
        grow(b.x, b.y, b.x + b.w, b.y + b.h);
    }
    let spine_left = minx - 0.0;
    segs.insert(
        0,
        Seg {
            x1: spine_left,
            y1: 0.0,
            x2: 0.0,
            y2: 0.0,
            arrow: false,
            thick: true,
        },
    );
    let dx = MARGIN - minx;
    let dy = MARGIN - miny;
    for s in &mut segs {
        s.x1 += dx;
        s.x2 += dx;
        s.y1 += dy;
        s.y2 += dy;
    }
    for l in &mut labels {
        l.x += dx;
        l.y += dy;
    }
    for b in &mut boxes {
        b.x += dx;
        b.y += dy;
        b.label.x += dx;
        b.label.y += dy;
    }
    let mut head_label = head_label;
    head_label.x += dx;
    head_label.y += dy;
    Geometry {
        width: (maxx - minx + 2.0 * MARGIN).ceil(),
        height: (maxy - miny + 2.0 * MARGIN).ceil(),
        segs,
        labels,
        boxes,
        head_x: dx,
        spine_y: dy,
        head_h,
        head_w,
        head_label,
    }
}
