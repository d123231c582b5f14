//! Raster: SVG to PNG through usvg/resvg with the embedded fonts.

use std::sync::Arc;

use resvg::tiny_skia;

/// Rasterisation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot rasterise SVG: {0}")]
pub struct RasterError(pub String);

/// Largest PNG side we are willing to allocate, in pixels.
pub const MAX_SIDE: u32 = 32_768;

/// Render `svg` to PNG bytes at `scale` (1 = one pixel per SVG unit).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, RasterError> {
    svg_to_png_with(svg, scale, crate::text::fontdb_with(false))
}

/// [`svg_to_png`] with the machine's fonts after the embedded ones when
/// `system_fonts`.
pub fn svg_to_png_fonts(svg: &str, scale: f32, system_fonts: bool) -> Result<Vec<u8>, RasterError> {
    svg_to_png_with(svg, scale, crate::text::fontdb_with(system_fonts))
}

/// [`svg_to_png`] with an explicit font database (and nothing else: no
/// system fonts, no files or images loaded from outside the SVG).
fn svg_to_png_with(
    svg: &str,
    scale: f32,
    fontdb: Arc<usvg::fontdb::Database>,
) -> Result<Vec<u8>, RasterError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(RasterError(format!(
            "scale must be a positive number, got {scale}"
        )));
    }
    let mut opt = usvg::Options {
        resources_dir: None,
        ..usvg::Options::default()
    };
    // Text whose font-family list matches nothing falls back to the first
    // embedded family, never to a machine-dependent default.
    if let Some(family) = fontdb.faces().next().and_then(|f| f.families.first()) {
        opt.font_family = family.0.clone();
    }
    opt.fontdb = fontdb;
    opt.image_href_resolver = usvg::ImageHrefResolver {
        resolve_data: Box::new(|_, _, _| None),
        resolve_string: Box::new(|_, _| None),
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| RasterError(e.to_string()))?;
    let size = tree.size();
    let side = |v: f32| {
        let px = (v * scale).ceil();
        if px.is_finite() && px >= 1.0 && px <= MAX_SIDE as f32 {
            Ok(px as u32)
        } else {
            Err(RasterError(format!(
                "image size {} px at scale {scale} is out of range",
                v * scale
            )))
        }
    };
    let (w, h) = (side(size.width())?, side(size.height())?);
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| RasterError(format!("cannot allocate a {w}×{h} image")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| RasterError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No fonts: these tests draw no text (swap in `crate::text::fontdb()`
    /// once it exists to test text too).
    fn no_fonts() -> Arc<usvg::fontdb::Database> {
        Arc::new(usvg::fontdb::Database::new())
    }

    fn decode(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).expect("valid PNG")
    }

    fn pixel(p: &tiny_skia::Pixmap, x: u32, y: u32) -> (u8, u8, u8, u8) {
        let c = p.pixel(x, y).unwrap().demultiply();
        (c.red(), c.green(), c.blue(), c.alpha())
    }

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10">
        <rect x="0" y="0" width="10" height="10" fill="#ECECFF"/>
        <rect x="10" y="0" width="10" height="10" fill="#ff0000" fill-opacity="0.5"/>
    </svg>"##;

    #[test]
    fn draws_colours_at_scale_one() {
        let p = decode(&svg_to_png_with(SVG, 1.0, no_fonts()).unwrap());
        assert_eq!((p.width(), p.height()), (20, 10));
        assert_eq!(pixel(&p, 5, 5), (0xEC, 0xEC, 0xFF, 255));
        let (r, g, b, a) = pixel(&p, 15, 5);
        assert_eq!((r, g, b), (255, 0, 0));
        assert!((127..=128).contains(&a), "{a}");
    }

    #[test]
    fn scale_multiplies_the_size_rounding_up() {
        let p = decode(&svg_to_png_with(SVG, 1.25, no_fonts()).unwrap());
        assert_eq!((p.width(), p.height()), (25, 13));
        assert_eq!(pixel(&p, 3, 3), (0xEC, 0xEC, 0xFF, 255));
        assert_eq!(pixel(&p, 20, 3).0, 255);
    }

    #[test]
    fn png_bytes_are_deterministic() {
        let a = svg_to_png_with(SVG, 2.0, no_fonts()).unwrap();
        let b = svg_to_png_with(SVG, 2.0, no_fonts()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(svg_to_png_with("not svg", 1.0, no_fonts()).is_err());
        assert!(svg_to_png_with(SVG, 0.0, no_fonts()).is_err());
        assert!(svg_to_png_with(SVG, f32::NAN, no_fonts()).is_err());
        assert!(svg_to_png_with(SVG, 1e6, no_fonts()).is_err());
    }

    #[test]
    fn external_images_are_not_loaded() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="4" height="4">
            <image width="4" height="4" xlink:href="/etc/passwd"/></svg>"#;
        let p = decode(&svg_to_png_with(svg, 1.0, no_fonts()).unwrap());
        assert_eq!(pixel(&p, 1, 1).3, 0);
    }
}
