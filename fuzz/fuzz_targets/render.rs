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
        // At most half scale and a quarter of a megapixel: the same raster
        // and encoder code on fewer pixels (filling and encoding a large
        // canvas is most of the time otherwise), so more inputs per second.
        let area = (out.width * out.height).max(1.0);
        let scale = (250_000.0 / area).sqrt().min(0.5) as f32;
        let _ = out.png(scale);
    }
});
