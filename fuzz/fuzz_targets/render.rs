//! The whole render of small inputs: parse, layout, SVG and PNG.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(out) = mermaid_render::render(text, &mermaid_render::Options::default()) {
        assert!(!out.svg.contains("<script"));
        // Half scale: the same raster and encoder code on a quarter of the pixels
        // (the raster floor dominates otherwise), so more inputs per second.
        let _ = out.png(0.5);
    }
});
