//! Compare PNG encoders (bytes, best-of-N encode time, lossless check) on
//! the seed and every gallery PNG: `cargo run --release --example
//! png_encoders -- rgba-today ours rgb-l2none pal-l1none` (modes: `ours` is
//! `raster::encode_png`; `<colour>-<deflate><filter>` otherwise, see `enc`).
use std::time::Instant;
thread_local!(static ENC: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) });

fn decode(path: &std::path::Path) -> (u32, u32, Vec<u8>) {
    let mut d = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    d.set_transformations(png::Transformations::EXPAND);
    let mut r = d.read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    let buf = &buf[..info.buffer_size()];
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf.to_vec(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks(2)
            .flat_map(|c| [c[0], c[0], c[0], c[1]])
            .collect(),
        png::ColorType::Rgb => buf
            .chunks(3)
            .flat_map(|c| [c[0], c[1], c[2], 255])
            .collect(),
        c => panic!("{c:?}"),
    };
    (info.width, info.height, rgba)
}

fn enc(w: u32, h: u32, rgba: &[u8], mode: &str) -> Vec<u8> {
    if mode == "ours" {
        let mut p = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
        for (d, s) in p.pixels_mut().iter_mut().zip(rgba.chunks_exact(4)) {
            *d = resvg::tiny_skia::ColorU8::from_rgba(s[0], s[1], s[2], s[3]).premultiply();
        }
        let t = Instant::now();
        let out = mermaid_render::raster::encode_png(&p).unwrap();
        ENC.with(|c| c.set(t.elapsed().as_secs_f64() * 1e3));
        return out;
    }
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, w, h);
    e.set_depth(png::BitDepth::Eight);
    let (ct, data): (png::ColorType, std::borrow::Cow<[u8]>) = if mode.starts_with("pal") {
        let mut pal: Vec<[u8; 4]> = Vec::new();
        let mut map = rustc_hash::FxHashMap::default();
        let mut idx = Vec::with_capacity(rgba.len() / 4);
        let mut ok = true;
        for px in rgba.chunks_exact(4) {
            let k = u32::from_le_bytes([px[0], px[1], px[2], px[3]]);
            let n = pal.len();
            let i = *map.entry(k).or_insert_with(|| {
                pal.push([px[0], px[1], px[2], px[3]]);
                n
            });
            if pal.len() > 256 {
                ok = false;
                break;
            }
            idx.push(i as u8);
        }
        if ok {
            e.set_palette(
                pal.iter()
                    .flat_map(|c| [c[0], c[1], c[2]])
                    .collect::<Vec<_>>(),
            );
            if pal.iter().any(|c| c[3] != 255) {
                e.set_trns(pal.iter().map(|c| c[3]).collect::<Vec<_>>());
            }
            (png::ColorType::Indexed, idx.into())
        } else {
            (png::ColorType::Rgba, rgba.into())
        }
    } else if mode.starts_with("rgb-") && rgba.chunks_exact(4).all(|p| p[3] == 255) {
        (
            png::ColorType::Rgb,
            rgba.chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect::<Vec<_>>()
                .into(),
        )
    } else {
        (png::ColorType::Rgba, rgba.into())
    };
    e.set_color(ct);
    let tail = mode.rsplit('-').next().unwrap();
    match tail {
        "today" => {}
        "fast" => e.set_compression(png::Compression::Fast),
        "fastad" => {
            e.set_compression(png::Compression::Fast);
            e.set_filter(png::Filter::Adaptive);
        }
        "fastnone" => {
            e.set_compression(png::Compression::Fast);
            e.set_filter(png::Filter::NoFilter);
        }
        "fastup" => {
            e.set_compression(png::Compression::Fast);
            e.set_filter(png::Filter::Up);
        }
        "fastsub" => {
            e.set_compression(png::Compression::Fast);
            e.set_filter(png::Filter::Sub);
        }
        "fastpaeth" => {
            e.set_compression(png::Compression::Fast);
            e.set_filter(png::Filter::Paeth);
        }
        "l1" | "l2" | "l3" | "l4" | "l5" | "l6" | "l9" => {
            e.set_deflate_compression(png::DeflateCompression::Level(tail[1..].parse().unwrap()));
            e.set_filter(png::Filter::Adaptive);
        }
        "l1none" | "l2none" | "l3none" | "l6none" => {
            e.set_deflate_compression(png::DeflateCompression::Level(tail[1..2].parse().unwrap()));
            e.set_filter(png::Filter::NoFilter);
        }
        "l1up" | "l2up" | "l3up" | "l4up" => {
            e.set_deflate_compression(png::DeflateCompression::Level(tail[1..2].parse().unwrap()));
            e.set_filter(png::Filter::Up);
        }
        "l1paeth" | "l2paeth" | "l3paeth" => {
            e.set_deflate_compression(png::DeflateCompression::Level(tail[1..2].parse().unwrap()));
            e.set_filter(png::Filter::Paeth);
        }
        "l1ent" | "l2ent" | "l6ent" => {
            e.set_deflate_compression(png::DeflateCompression::Level(tail[1..2].parse().unwrap()));
            e.set_filter(png::Filter::MinEntropy);
        }
        "fastent" => {
            e.set_compression(png::Compression::Fast);
            e.set_filter(png::Filter::MinEntropy);
        }
        m => panic!("{m}"),
    }
    let mut wr = e.write_header().unwrap();
    wr.write_image_data(&data).unwrap();
    drop(wr);
    out
}

fn main() {
    let modes: Vec<String> = std::env::args().skip(1).collect();
    let mut inputs: Vec<(String, u32, u32, Vec<u8>)> = Vec::new();
    let seed = std::fs::read_to_string("fixtures/golden/seed.mmd").unwrap();
    let r = mermaid_render::render(&seed, &mermaid_render::Options::default()).unwrap();
    let png = r.png(1.0).unwrap();
    std::fs::write("/tmp/seed-today.png", &png).unwrap();
    let (w, h, px) = decode(std::path::Path::new("/tmp/seed-today.png"));
    inputs.push(("SEED".into(), w, h, px));
    let mut files: Vec<_> = std::fs::read_dir("docs/gallery")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    files.sort();
    for f in files {
        let (w, h, px) = decode(&f);
        inputs.push((f.file_name().unwrap().to_string_lossy().into(), w, h, px));
    }
    let mut tot = vec![(0usize, 0f64); modes.len()];
    let mut maxr = vec![0f64; modes.len()];
    for (name, w, h, px) in &inputs {
        let ncol = {
            let mut s = rustc_hash::FxHashSet::default();
            for p in px.chunks_exact(4) {
                s.insert(u32::from_le_bytes([p[0], p[1], p[2], p[3]]));
            }
            s.len()
        };
        print!("{name:32} {w}x{h} c={ncol:6}");
        let mut base = 0usize;
        for (i, m) in modes.iter().enumerate() {
            let mut best = f64::MAX;
            let mut bytes = Vec::new();
            for _ in 0..std::env::var("REPS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(9)
            {
                let t = Instant::now();
                bytes = enc(*w, *h, px, m);
                let mut el = t.elapsed().as_secs_f64() * 1e3;
                if m == "ours" {
                    el = ENC.with(|c| c.get());
                }
                best = best.min(el);
            }
            // lossless check
            let p = std::path::Path::new("/tmp/pngexp.png");
            std::fs::write(p, &bytes).unwrap();
            assert!(m == "ours" || decode(p).2 == *px, "{name} {m} not lossless");
            if i == 0 {
                base = bytes.len();
            }
            tot[i].0 += bytes.len();
            maxr[i] = f64::max(maxr[i], bytes.len() as f64 / base as f64);
            tot[i].1 += best;
            print!(
                " | {m}: {:6}B {:.2}x {:6.2}ms",
                bytes.len(),
                bytes.len() as f64 / base as f64,
                best
            );
        }
        println!();
    }
    for (i, m) in modes.iter().enumerate() {
        println!(
            "TOTAL {m}: {} B {:.1} ms max ratio {:.2}",
            tot[i].0, tot[i].1, maxr[i]
        );
    }
}
