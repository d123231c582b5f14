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
    encode_png(&rasterise(svg, scale, fontdb)?)
}

/// usvg's options for our SVGs: the given fonts only (text whose
/// font-family list matches nothing falls back to the first embedded
/// family, never to a machine-dependent default), no resources directory,
/// no image loaded from a path or URL.
pub(crate) fn usvg_options(fontdb: Arc<usvg::fontdb::Database>) -> usvg::Options<'static> {
    let mut opt = usvg::Options {
        resources_dir: None,
        ..usvg::Options::default()
    };
    if let Some(family) = fontdb.faces().next().and_then(|f| f.families.first()) {
        opt.font_family = family.0.clone();
    }
    opt.fontdb = fontdb;
    opt.image_href_resolver = usvg::ImageHrefResolver {
        resolve_data: Box::new(|_, _, _| None),
        resolve_string: Box::new(|_, _| None),
    };
    opt
}

/// Parse and draw `svg` at `scale` into a pixmap.
fn rasterise(
    svg: &str,
    scale: f32,
    fontdb: Arc<usvg::fontdb::Database>,
) -> Result<tiny_skia::Pixmap, RasterError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(RasterError(format!(
            "scale must be a positive number, got {scale}"
        )));
    }
    let opt = usvg_options(fontdb);
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
    Ok(pixmap)
}

/// Encode a rendered pixmap as PNG, losslessly: the decoded RGBA pixels are
/// exactly tiny-skia's demultiplied ones (what `Pixmap::encode_png` writes).
///
/// Chosen by measurement over the seed and the gallery (docs/PERFORMANCE.md,
/// `examples/png_encoders.rs`): tiny-skia's own encoder (RGBA, zlib level 6,
/// adaptive filters) spends most of its time in deflate on long flat runs.
/// Here: an indexed image when at most 256 distinct colours occur (diagrams
/// drawn without anti-aliased text often do), else RGB when every pixel is
/// opaque, else RGBA; zlib level 2 and no row filter (flat fills compress
/// better unfiltered). About half the time for 0.86× the bytes over the
/// gallery; the seed 0.97×.
pub fn encode_png(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, RasterError> {
    let (w, h) = (pixmap.width(), pixmap.height());
    // Premultiplied RGBA, 4 bytes a pixel.
    let raw = pixmap.data();
    let n = raw.len() / 4;
    let opaque = raw.chunks_exact(4).all(|p| p[3] == 255);
    // Palette discovery over the premultiplied words (demultiplying is a
    // function of them, so no more distinct colours after it); most pixels
    // repeat their left neighbour, which skips the lookup. Stops at the
    // 257th colour.
    let mut palette = Palette::default();
    let mut indices: Vec<u8> = Vec::with_capacity(n);
    let mut prev: Option<(u32, u8)> = None;
    for p in raw.chunks_exact(4) {
        let key = u32::from_le_bytes([p[0], p[1], p[2], p[3]]);
        let index = match prev {
            Some((k, i)) if k == key => i,
            _ => match palette.index(key) {
                Some(i) => i,
                None => break,
            },
        };
        prev = Some((key, index));
        indices.push(index);
    }
    let (color, data): (png::ColorType, Vec<u8>) = if !palette.full {
        (png::ColorType::Indexed, indices)
    } else if opaque {
        // Opaque pixels are their own demultiplied colour.
        drop(indices);
        let mut rgb = vec![0; n * 3];
        for (d, s) in rgb.chunks_exact_mut(3).zip(raw.chunks_exact(4)) {
            d.copy_from_slice(&s[..3]);
        }
        (png::ColorType::Rgb, rgb)
    } else {
        drop(indices);
        let mut rgba = vec![0; n * 4];
        for (d, p) in rgba.chunks_exact_mut(4).zip(pixmap.pixels()) {
            let c = p.demultiply();
            d.copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        (png::ColorType::Rgba, rgba)
    };
    let err = |e: png::EncodingError| RasterError(e.to_string());
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        if color == png::ColorType::Indexed {
            let colours = palette.colours();
            encoder.set_palette(
                colours
                    .iter()
                    .flat_map(|c| [c[0], c[1], c[2]])
                    .collect::<Vec<u8>>(),
            );
            if colours.iter().any(|c| c[3] != 255) {
                encoder.set_trns(colours.iter().map(|c| c[3]).collect::<Vec<u8>>());
            }
        }
        encoder.set_deflate_compression(png::DeflateCompression::Level(2));
        encoder.set_filter(png::Filter::NoFilter);
        let mut writer = encoder.write_header().map_err(err)?;
        writer.write_image_data(&data).map_err(err)?;
        writer.finish().map_err(err)?;
    }
    Ok(out)
}

/// Up to 256 distinct RGBA colours in order of first appearance, found
/// through a small open-addressing table (no hashing crate, deterministic).
struct Palette {
    /// Slot → (key + 1, index); 0 marks an empty slot.
    slots: [(u64, u8); 1024],
    colours: Vec<[u8; 4]>,
    /// More than 256 colours were seen: no palette.
    full: bool,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            slots: [(0, 0); 1024],
            colours: Vec::with_capacity(256),
            full: false,
        }
    }
}

impl Palette {
    /// The index of `key`, added when new; `None` (and `full`) past 256.
    fn index(&mut self, key: u32) -> Option<u8> {
        let tagged = u64::from(key) + 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B1) >> 22) as usize;
        loop {
            let (k, i) = self.slots[slot & 1023];
            if k == tagged {
                return Some(i);
            }
            if k == 0 {
                let n = self.colours.len();
                if n == 256 {
                    self.full = true;
                    return None;
                }
                self.colours.push(key.to_le_bytes());
                self.slots[slot & 1023] = (tagged, n as u8);
                return Some(n as u8);
            }
            slot += 1;
        }
    }

    /// The demultiplied colours, in index order.
    fn colours(&self) -> Vec<[u8; 4]> {
        self.colours
            .iter()
            .map(|&[r, g, b, a]| {
                tiny_skia::PremultipliedColorU8::from_rgba(r, g, b, a).map_or([0; 4], |c| {
                    let c = c.demultiply();
                    [c.red(), c.green(), c.blue(), c.alpha()]
                })
            })
            .collect()
    }
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

    /// RGBA pixels of a PNG, whatever its colour type.
    fn rgba_of(png_bytes: &[u8]) -> (png::ColorType, Vec<u8>) {
        let mut d = png::Decoder::new(std::io::Cursor::new(png_bytes));
        d.set_transformations(png::Transformations::EXPAND);
        let mut r = d.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        let rgba = match r.output_color_type().0 {
            png::ColorType::Rgba => buf,
            png::ColorType::Rgb => buf
                .chunks_exact(3)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect(),
            other => panic!("unexpected {other:?}"),
        };
        (r.info().color_type, rgba)
    }

    /// What tiny-skia's own encoder would store: demultiplied RGBA.
    fn reference_rgba(p: &tiny_skia::Pixmap) -> Vec<u8> {
        p.pixels()
            .iter()
            .flat_map(|c| {
                let c = c.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect()
    }

    /// A pixmap with `n` distinct opaque (or half-transparent) colours.
    fn pixmap_with_colours(n: u32, alpha: u8) -> tiny_skia::Pixmap {
        let mut p = tiny_skia::Pixmap::new(40, 20).unwrap();
        for (i, px) in p.pixels_mut().iter_mut().enumerate() {
            let k = (i as u32) % n;
            let c = if alpha == 255 {
                tiny_skia::ColorU8::from_rgba((k % 256) as u8, (k / 256) as u8, 7, 255)
            } else {
                // Distinct after premultiplying: 0 or 255 channels, every alpha.
                let on = |bit: u32| if (k / 255) & bit != 0 { 255 } else { 0 };
                tiny_skia::ColorU8::from_rgba(255, on(1), on(2), (1 + k % 255) as u8)
            };
            *px = c.premultiply();
        }
        p
    }

    #[test]
    fn encoding_is_lossless_for_each_colour_type() {
        for (n, alpha, want) in [
            (3, 255, png::ColorType::Indexed),
            (256, 255, png::ColorType::Indexed),
            (200, 128, png::ColorType::Indexed),
            (257, 255, png::ColorType::Rgb),
            (800, 255, png::ColorType::Rgb),
            (800, 90, png::ColorType::Rgba),
        ] {
            let p = pixmap_with_colours(n, alpha);
            let (ty, rgba) = rgba_of(&encode_png(&p).unwrap());
            assert_eq!(ty, want, "{n} colours, alpha {alpha}");
            assert!(rgba == reference_rgba(&p), "{n} colours, alpha {alpha}");
        }
    }

    #[test]
    fn rendered_images_round_trip() {
        let text = r##"<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30">
            <rect width="90" height="30" fill="#ECECFF"/>
            <text x="4" y="20" font-size="14" fill="#333">Abc 图表</text></svg>"##;
        for (svg, scale) in [(SVG, 1.0), (SVG, 1.7), (text, 1.0), (text, 2.0)] {
            let p = rasterise(svg, scale, crate::text::fontdb()).unwrap();
            let (_, rgba) = rgba_of(&encode_png(&p).unwrap());
            assert!(rgba == reference_rgba(&p), "scale {scale}");
        }
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
