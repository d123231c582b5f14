//! The parsed packet diagram: plain data, no geometry.

/// One field as written: bits `start..=end` and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub start: u64,
    pub end: u64,
    pub label: String,
}

/// A packet diagram as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Packet {
    pub title: Option<String>,
    /// Fields in bit order (contiguous from bit 0).
    pub fields: Vec<Field>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
}

impl Packet {
    /// The fields cut into rows of `bits_per_row` bits: a field that
    /// crosses a row boundary is drawn as one piece per row, each with the
    /// field's label.
    pub fn rows(&self, bits_per_row: u64) -> Vec<Vec<Field>> {
        let bpr = bits_per_row.max(1);
        let mut rows: Vec<Vec<Field>> = Vec::new();
        for f in &self.fields {
            let mut start = f.start;
            loop {
                let row = (start / bpr) as usize;
                let row_end = (start / bpr + 1) * bpr - 1;
                let end = f.end.min(row_end);
                while rows.len() <= row {
                    rows.push(Vec::new());
                }
                rows[row].push(Field {
                    start,
                    end,
                    label: f.label.clone(),
                });
                if end >= f.end {
                    break;
                }
                start = end + 1;
            }
        }
        rows
    }
}
