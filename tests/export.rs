//! `-e pdf` / `-o x.pdf` / `-f pdf` and `-C/--cssFile`, through the binary.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "mermaid-render-export-{name}-{}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mermaid-render"))
        .args(args)
        .output()
        .unwrap()
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn pdf_output_file_and_format() {
    let t = tmp("pdf");
    let x = t.join("x.mmd");
    fs::write(&x, "flowchart LR\n  A[Selectable] --> B[Text]\n").unwrap();
    let pdf = t.join("x.pdf");
    let o = run(&["-i".as_ref(), x.as_os_str(), "-o".as_ref(), pdf.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(find(&bytes, b"/FontFile2") && find(&bytes, b"/ToUnicode"));
    // `-e pdf` wins over the extension (the file takes the format's
    // extension, as with `-e png`); `-f pdf` in folder mode.
    let y = t.join("y.out");
    let o = run(&[
        "-i".as_ref(),
        x.as_os_str(),
        "-e".as_ref(),
        "pdf".as_ref(),
        "-o".as_ref(),
        t.join("y.svg").as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(fs::read(t.join("y.pdf")).unwrap().starts_with(b"%PDF-"));
    let o = run(&[
        x.as_os_str(),
        "-o".as_ref(),
        y.as_os_str(),
        "-f".as_ref(),
        "svg,pdf".as_ref(),
        "-q".as_ref(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(fs::read(y.join("x.pdf")).unwrap().starts_with(b"%PDF-"));
    assert!(y.join("x.svg").exists());
    let _ = fs::remove_dir_all(&t);
}

/// The PNG's RGBA pixel at (x, y).
fn pixel(png_bytes: &[u8], x: u32, y: u32) -> [u8; 4] {
    let mut d = png::Decoder::new(std::io::Cursor::new(png_bytes));
    d.set_transformations(png::Transformations::EXPAND);
    let mut r = d.read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    let bpp = info.color_type.samples();
    let at = (y as usize * info.width as usize + x as usize) * bpp;
    let p = &buf[at..at + bpp];
    if bpp == 4 {
        [p[0], p[1], p[2], p[3]]
    } else {
        [p[0], p[1], p[2], 255]
    }
}

#[test]
fn css_file_goes_into_the_svg_and_the_png() {
    let t = tmp("css");
    let x = t.join("x.mmd");
    fs::write(&x, "flowchart LR\n  A[One] --> B[Two]\n").unwrap();
    let css = t.join("style.css");
    fs::write(
        &css,
        "@import url(https://example.com/evil.css);\nrect { fill: #00ff00 !important; }\n.x { background: url(https://example.com/i.png) }\n",
    )
    .unwrap();
    let out = t.join("out");
    let o = run(&[
        x.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "-C".as_ref(),
        css.as_os_str(),
        "-q".as_ref(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = fs::read_to_string(out.join("x.svg")).unwrap();
    assert!(
        svg.contains("<style>rect { fill: #00ff00 !important; }"),
        "{svg}"
    );
    assert!(!svg.contains("example.com"));
    // The background rect is green in the PNG now; white without -C.
    assert_eq!(
        pixel(&fs::read(out.join("x.png")).unwrap(), 1, 1),
        [0, 255, 0, 255]
    );
    let plain = t.join("plain");
    let o = run(&[
        x.as_os_str(),
        "-o".as_ref(),
        plain.as_os_str(),
        "-q".as_ref(),
    ]);
    assert!(o.status.success());
    assert_eq!(
        pixel(&fs::read(plain.join("x.png")).unwrap(), 1, 1),
        [255, 255, 255, 255]
    );
    // A changed CSS file is a changed output (the cache key holds it).
    fs::write(&css, "rect { fill: #0000ff !important; }\n").unwrap();
    let o = run(&[
        x.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "-C".as_ref(),
        css.as_os_str(),
        "-q".as_ref(),
    ]);
    assert!(o.status.success());
    assert_eq!(
        pixel(&fs::read(out.join("x.png")).unwrap(), 1, 1),
        [0, 0, 255, 255]
    );
    let _ = fs::remove_dir_all(&t);
}
