//! The shared preamble (front matter, `%%{init}%%` directives, keyword
//! detection) and the JSON5/YAML-subset config reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(pre) = mermaid_render::syntax::read_preamble(text) {
        // Spans and slices handed on must lie inside the source.
        assert!(pre.body().len() <= text.len());
    }
    let _ = mermaid_render::syntax::parse_config_json(text);
    let _ = mermaid_render::diagram_type(text);
});
