//! [`EventModel`] → geometry: one swimlane per lane in use (UI/Automation,
//! Command/Read Model, Events, then a lane per event stream), frames left
//! to right in source order (a frame in another lane than the one before
//! overlaps it in time, as Mermaid draws them), relations between box
//! edges.

use super::model::{EventModel, Kind, Lane};
use crate::text::{layout as text_layout, measure, TextBox, TextStyle};

/// First box's left edge (mermaid-js: 250) and the overlap of frames in
/// different lanes (70), gap of frames in one lane (10).
pub const CONTENT_START_X: f64 = 250.0;
pub const OVERLAP: f64 = 70.0;
pub const SAME_LANE_GAP: f64 = 10.0;
pub const BOX_MIN_HEIGHT: f64 = 100.0;
pub const LANE_PADDING: f64 = 15.0;
pub const LANE_GAP: f64 = 10.0;
pub const PADDING: f64 = 30.0;
pub const NAME_SIZE: f64 = 16.0;
pub const DATA_SIZE: f64 = 14.0;
/// Widest data line before it wraps.
pub const DATA_WRAP: f64 = 430.0;

/// A lane's band.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneBox {
    pub lane: Lane,
    pub y: f64,
    pub height: f64,
    pub label: TextBox,
    /// Label's top-left.
    pub label_x: f64,
    pub label_y: f64,
}

/// A frame's box and its text block.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub kind: Kind,
    pub name: TextBox,
    pub data: Option<TextBox>,
    /// Top of the text block.
    pub text_y: f64,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub lane_width: f64,
    pub lanes: Vec<LaneBox>,
    pub boxes: Vec<FrameBox>,
    /// Relations: start and end points.
    pub relations: Vec<((f64, f64), (f64, f64))>,
}

/// A lane's title.
pub fn lane_title(m: &EventModel, lane: &Lane) -> String {
    match lane {
        Lane::Trigger => "UI/Automation".into(),
        Lane::State => "Command/Read Model".into(),
        Lane::Events => "Events".into(),
        Lane::Stream(k) => format!("Stream: {}", m.streams.get(*k).map_or("", String::as_str)),
    }
}

/// Lay the model out.
pub fn layout(m: &EventModel) -> Geometry {
    let bold = TextStyle {
        size: NAME_SIZE,
        bold: true,
        italic: false,
    };
    let data_style = TextStyle {
        size: DATA_SIZE,
        ..TextStyle::default()
    };
    let mut used: Vec<Lane> = m.frames.iter().map(|f| m.lane(f)).collect();
    used.sort();
    used.dedup();
    // Measure every frame.
    let texts: Vec<(TextBox, Option<TextBox>)> = m
        .frames
        .iter()
        .map(|f| {
            let name = measure(&f.name, bold);
            let data = (!f.data.is_empty())
                .then(|| text_layout(&f.data.join("\n"), data_style, false, Some(DATA_WRAP)));
            (name, data)
        })
        .collect();
    let size = |k: usize| -> (f64, f64, f64) {
        let (n, d) = &texts[k];
        let (dw, dh) = d.as_ref().map_or((0.0, 0.0), |d| (d.width, d.height + 8.0));
        let w = (n.width + 100.0).max(dw + 40.0);
        let th = n.height + dh;
        (w, (th + 20.0).max(BOX_MIN_HEIGHT), th)
    };
    let labels: Vec<TextBox> = used
        .iter()
        .map(|l| measure(&lane_title(m, l), bold))
        .collect();
    let start = labels
        .iter()
        .map(|t| 30.0 + t.width + 30.0)
        .fold(CONTENT_START_X, f64::max);
    // Lane heights.
    let mut lanes = Vec::new();
    let mut y = PADDING;
    for (i, lane) in used.iter().enumerate() {
        let h = m
            .frames
            .iter()
            .enumerate()
            .filter(|(_, f)| &m.lane(f) == lane)
            .map(|(k, _)| size(k).1)
            .fold(BOX_MIN_HEIGHT, f64::max)
            + 2.0 * LANE_PADDING;
        lanes.push(LaneBox {
            lane: lane.clone(),
            y,
            height: h,
            label: labels[i].clone(),
            label_x: PADDING + 30.0,
            label_y: y + 30.0 - labels[i].baseline,
        });
        y += h + LANE_GAP;
    }
    let lane_y = |l: &Lane| lanes.iter().find(|b| &b.lane == l).map_or(PADDING, |b| b.y);
    let lane_rank = |l: &Lane| used.iter().position(|x| x == l).unwrap_or(0);
    let mut boxes: Vec<FrameBox> = Vec::new();
    let mut last_right: Vec<f64> = vec![f64::MIN; used.len()];
    let mut prev: Option<(usize, f64)> = None; // (lane rank, right edge)
    for (k, f) in m.frames.iter().enumerate() {
        let lane = m.lane(f);
        let r = lane_rank(&lane);
        let (w, h, th) = size(k);
        let mut x = match prev {
            None => PADDING + start,
            Some((pr, right)) if pr == r => right + SAME_LANE_GAP,
            Some((_, right)) => right - OVERLAP,
        };
        x = x.max(last_right[r] + SAME_LANE_GAP).max(PADDING + start);
        let by = lane_y(&lane) + LANE_PADDING;
        let (name, data) = texts[k].clone();
        boxes.push(FrameBox {
            x,
            y: by,
            w,
            h,
            kind: f.kind,
            name,
            data,
            text_y: by + (h - th) / 2.0,
        });
        last_right[r] = x + w;
        prev = Some((r, x + w));
    }
    let right = boxes
        .iter()
        .map(|b| b.x + b.w)
        .fold(PADDING + start, f64::max)
        + 25.0;
    let lane_width = right - PADDING;
    let mut relations = Vec::new();
    for (s, t) in m.relations() {
        let (Some(a), Some(b)) = (boxes.get(s), boxes.get(t)) else {
            continue;
        };
        let (ra, rb) = (
            lane_rank(&m.lane(&m.frames[s])),
            lane_rank(&m.lane(&m.frames[t])),
        );
        let rel = if rb > ra {
            ((a.x + a.w * 2.0 / 3.0, a.y + a.h), (b.x + b.w / 3.0, b.y))
        } else if rb < ra {
            ((a.x + a.w * 2.0 / 3.0, a.y), (b.x + b.w / 3.0, b.y + b.h))
        } else if b.x >= a.x + a.w {
            ((a.x + a.w, a.y + a.h / 2.0), (b.x, b.y + b.h / 2.0))
        } else {
            ((a.x, a.y + a.h / 2.0), (b.x + b.w, b.y + b.h / 2.0))
        };
        relations.push(rel);
    }
    let height = if lanes.is_empty() {
        2.0 * PADDING
    } else {
        y - LANE_GAP + PADDING
    };
    Geometry {
        width: (right + PADDING).ceil(),
        height: height.ceil(),
        lane_width,
        lanes,
        boxes,
        relations,
    }
}
