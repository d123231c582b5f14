//! Extraction: any bytes, read as each kind of document, must give blocks
//! whose lines lie inside the document, and never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mermaid_render::extract::{extract, SourceKind};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.split(['\n', '\r']).count().max(1);
    for kind in [SourceKind::Markdown, SourceKind::Mermaid, SourceKind::Text] {
        for block in extract(text, kind) {
            assert!(block.first_line() >= 1 && block.first_line() <= lines + 1);
        }
    }
});
