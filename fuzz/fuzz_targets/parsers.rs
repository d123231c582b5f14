//! Every diagram parser: the first byte picks a registry row and one of its
//! keywords, the rest is the body, read by that type's parser alone
//! (`mermaid_render::parse_only`: no layout, no drawing — the `render`
//! target covers those). Errors are fine; panics, hangs and runaway memory
//! are not.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mermaid_render::diagrams::REGISTRY;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    let row = &REGISTRY[pick as usize % REGISTRY.len()];
    let Some(keyword) = row.keywords.get((pick as usize / REGISTRY.len()) % row.keywords.len().max(1))
    else {
        return;
    };
    let source = format!("{keyword}\n{body}");
    if let Ok(name) = mermaid_render::parse_only(&source, &mermaid_render::Options::default()) {
        assert_eq!(name, row.name);
    }
});
