//! Issue 16, the file-system half: the `mermaid-render` binary never loses
//! or tears an output, cleans up after killed runs, reads within a budget,
//! and treats every line-ending style and symbolic link predictably. Real
//! processes on temporary folders, as in `tests/cli.rs`.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

mod common;
use common::{bin, run, stderr, walk_files, Tmp};

/// Every file under `dir` (hidden ones too), relative, sorted.
fn all_files(dir: &Path) -> Vec<String> {
    walk_files(dir, &|_| true)
}

/// The outputs under `dir`: every file but the cache manifest.
fn outputs(dir: &Path) -> Vec<String> {
    all_files(dir)
        .into_iter()
        .filter(|f| !f.ends_with(".mermaid-render-cache.json"))
        .collect()
}

/// Whether any file under `dir` is a temporary file of the tool.
fn temps(dir: &Path) -> Vec<String> {
    all_files(dir)
        .into_iter()
        .filter(|f| {
            let name = f.rsplit('/').next().unwrap_or(f);
            name.starts_with(".mermaid-render-tmp") || name.ends_with(".tmp")
        })
        .collect()
}

/// A strict check that `svg` is one well-formed SVG document (usvg parses
/// it with roxmltree, which refuses anything malformed or truncated).
fn assert_svg(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    if let Err(e) = usvg::Tree::from_str(&text, &usvg::Options::default()) {
        panic!("{} is not a valid SVG: {e}", path.display());
    }
    text
}

#[test]
fn colliding_pairs_rendered_in_parallel_lose_and_tear_nothing() {
    // 150 pairs: `pN.md` holds a long and a short diagram (`pN-1`, `pN-2`)
    // and `pN-1.mmd` also wants `pN-1`. Workers write at once; each output
    // must be whole and hold its own diagram.
    let t = Tmp::new("robust", "pairs");
    let src = t.path().join("src");
    fs::create_dir_all(&src).unwrap();
    let n = 150;
    for i in 0..n {
        let long: String = (0..12)
            .map(|k| format!("  L{i}x{k} --> L{i}x{}\n", k + 1))
            .collect();
        fs::write(
            src.join(format!("p{i}.md")),
            format!(
                "```mermaid\ngraph TD\n{long}```\n\n```mermaid\ngraph LR\n  S{i} --> T{i}\n```\n"
            ),
        )
        .unwrap();
        fs::write(
            src.join(format!("p{i}-1.mmd")),
            format!("graph LR\n  M{i} --> N{i}\n"),
        )
        .unwrap();
    }
    for round in 0..3 {
        let out = t.path().join(format!("out{round}"));
        let o = run(&[
            src.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-f",
            "svg",
            "--jobs",
            "2",
            "-q",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let written = outputs(&out);
        assert_eq!(written.len(), 3 * n, "one output per job");
        assert!(temps(&out).is_empty(), "{:?}", temps(&out));
        let mut seen = std::collections::BTreeMap::new();
        for f in &written {
            let text = assert_svg(&out.join(f));
            for (prefix, kind) in [("L", 'l'), ("S", 's'), ("M", 'm')] {
                for i in 0..n {
                    let id = if prefix == "L" {
                        format!(">L{i}x12<")
                    } else {
                        format!(">{prefix}{i}<")
                    };
                    if text.contains(&id) {
                        *seen.entry((kind, i)).or_insert(0) += 1;
                    }
                }
            }
        }
        assert_eq!(seen.len(), 3 * n, "every diagram is in some file");
        assert!(seen.values().all(|&c| c == 1), "no diagram twice");
    }
}

#[test]
fn two_inputs_and_two_folders_with_one_name_both_survive() {
    let t = Tmp::new("robust", "twodirs");
    for (d, id) in [("d1", "One"), ("d2", "Two")] {
        fs::create_dir_all(t.path().join(d)).unwrap();
        fs::write(
            t.path().join(d).join("x.mmd"),
            format!("graph LR\n  {id} --> Z\n"),
        )
        .unwrap();
    }
    for (k, inputs) in [
        vec![t.s("d1/x.mmd"), t.s("d2/x.mmd")],
        vec![t.s("d1"), t.s("d2")],
    ]
    .into_iter()
    .enumerate()
    {
        let out = t.path().join(format!("out{k}"));
        let mut args: Vec<&str> = inputs.iter().map(String::as_str).collect();
        args.extend(["-o", out.to_str().unwrap(), "-f", "svg"]);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(outputs(&out), vec!["x-2.svg", "x.svg"]);
        assert!(fs::read_to_string(out.join("x.svg"))
            .unwrap()
            .contains(">One<"));
        assert!(fs::read_to_string(out.join("x-2.svg"))
            .unwrap()
            .contains(">Two<"));
        // Said once, for the one collision.
        assert_eq!(
            stderr(&o).matches("note: output name").count(),
            1,
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn rewritten_copies_with_one_name_both_survive() {
    let t = Tmp::new("robust", "twodocs");
    for (d, id) in [("d1", "One"), ("d2", "Two")] {
        fs::create_dir_all(t.path().join(d)).unwrap();
        fs::write(
            t.path().join(d).join("a.md"),
            format!("# {id}\n\n```mermaid\ngraph LR\n  {id} --> Z\n```\n"),
        )
        .unwrap();
    }
    let out = t.path().join("out");
    let o = run(&[
        &t.s("d1"),
        &t.s("d2"),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
        "--rewrite",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(outputs(&out), vec!["a-2.md", "a-2.svg", "a.md", "a.svg"]);
    let one = fs::read_to_string(out.join("a.md")).unwrap();
    let two = fs::read_to_string(out.join("a-2.md")).unwrap();
    assert!(one.starts_with("# One") && one.contains("(a.svg)"), "{one}");
    assert!(
        two.starts_with("# Two") && two.contains("(a-2.svg)"),
        "{two}"
    );
}

#[test]
fn stale_temporary_files_of_a_killed_run_are_removed() {
    let t = Tmp::new("robust", "stale");
    let doc = t.path().join("d.mmd");
    fs::write(&doc, "graph LR\n  A --> B\n").unwrap();
    let out = t.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let stale = [".mermaid-render-tmp-Ab12Cd", ".d.svg.4242.tmp"];
    for name in stale {
        let f = fs::File::create(out.join(name)).unwrap();
        f.set_modified(hour_ago).unwrap();
    }
    // A file of the user's that only looks alike is kept.
    fs::write(out.join(".notes.tmp"), "mine").unwrap();
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg,png",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("removed 2 temporary files"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        all_files(&out),
        vec![".mermaid-render-cache.json", ".notes.tmp", "d.png", "d.svg"]
    );
    // A normal run leaves none of its own.
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(temps(&out).iter().all(|f| f == ".notes.tmp"));
}

#[test]
fn a_run_killed_mid_batch_leaves_nothing_after_the_next_run() {
    let t = Tmp::new("robust", "killed");
    let src = t.path().join("src");
    fs::create_dir_all(&src).unwrap();
    for i in 0..200 {
        fs::write(
            src.join(format!("d{i}.mmd")),
            format!("graph LR\n  A{i} --> B{i}\n"),
        )
        .unwrap();
    }
    let out = t.path().join("out");
    let mut child = bin()
        .args([src.to_str().unwrap(), "-o", out.to_str().unwrap(), "-q"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has started writing (or finished: either way the
    // next run must leave a clean, complete folder).
    for _ in 0..2000 {
        if out.exists() || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    // Temporary files of the killed run are older than the next run.
    std::thread::sleep(Duration::from_millis(20));
    let o = run(&[src.to_str().unwrap(), "-o", out.to_str().unwrap(), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(temps(&out).is_empty(), "{:?}", temps(&out));
    assert_eq!(outputs(&out).len(), 400);
    for f in outputs(&out).iter().filter(|f| f.ends_with(".svg")) {
        assert_svg(&out.join(f));
    }
}

#[test]
fn a_255_byte_document_name_renders() {
    let t = Tmp::new("robust", "longname");
    // 251 + `.mmd`: the outputs `<251>.svg` and `<251>.png` fit exactly.
    let exact = format!("{}.mmd", "a".repeat(251));
    // 252 + `.md`: `<252>.svg` would be 256 bytes, so it is shortened.
    let over = format!("{}.md", "b".repeat(252));
    assert_eq!(exact.len(), 255);
    assert_eq!(over.len(), 255);
    fs::write(t.path().join(&exact), "graph LR\n  A --> B\n").unwrap();
    fs::write(
        t.path().join(&over),
        "```mermaid\ngraph LR\n  C --> D\n```\n",
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[&t.s(&exact), &t.s(&over), "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("too long for a file name"),
        "{}",
        stderr(&o)
    );
    let written = outputs(&out);
    assert_eq!(written.len(), 4, "{written:?}");
    assert!(written.contains(&format!("{}.svg", "a".repeat(251))));
    assert!(written.contains(&format!("{}.png", "a".repeat(251))));
    for f in &written {
        assert!(f.len() <= 255);
        if f.starts_with('b') {
            assert!(f.len() >= 250, "kept most of the name: {f}");
        }
    }
    assert!(temps(&out).is_empty());
}

#[test]
fn dev_zero_is_refused_within_the_reading_budget_and_others_render() {
    let t = Tmp::new("robust", "devzero");
    let good = t.path().join("good.mmd");
    fs::write(&good, "graph LR\n  A --> B\n").unwrap();
    let out = t.path().join("out");
    // The default budget (64 MiB) holds: a clear error, not an OOM.
    let o = run(&[
        "/dev/zero",
        good.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("/dev/zero: error: larger than the reading budget of 67108864 bytes"),
        "{err}"
    );
    assert!(err.contains("--max-document-bytes"), "{err}");
    assert_eq!(outputs(&out), vec!["good.svg"]);
}

#[test]
fn a_huge_file_and_a_fifo_are_refused_at_the_budget() {
    let t = Tmp::new("robust", "huge");
    let huge = t.path().join("huge.md");
    // A sparse 100 MiB file: refused from its size, without reading it.
    fs::File::create(&huge).unwrap().set_len(100 << 20).unwrap();
    let good = t.path().join("good.mmd");
    fs::write(&good, "graph LR\n  A --> B\n").unwrap();
    let out = t.path().join("out");
    let o = run(&[
        huge.to_str().unwrap(),
        good.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("huge.md: error: larger than the reading budget"),
        "{}",
        stderr(&o)
    );
    assert_eq!(outputs(&out), vec!["good.svg"]);

    // A FIFO that never ends, read with a small budget.
    let fifo = t.path().join("pipe.mmd");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let Ok(mut f) = fs::OpenOptions::new().write(true).open(&path) else {
            return;
        };
        let chunk = "graph LR\n".repeat(1000);
        while f.write_all(chunk.as_bytes()).is_ok() {}
    });
    let out2 = t.path().join("out2");
    let o = run(&[
        fifo.to_str().unwrap(),
        good.to_str().unwrap(),
        "-o",
        out2.to_str().unwrap(),
        "-f",
        "svg",
        "--max-document-bytes",
        "100000",
    ]);
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("pipe.mmd: error: larger than the reading budget of 100000 bytes"),
        "{}",
        stderr(&o)
    );
    assert_eq!(outputs(&out2), vec!["good.svg"]);
}

#[test]
fn a_fifo_inside_a_folder_is_not_read() {
    let t = Tmp::new("robust", "fifowalk");
    let src = t.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("good.mmd"), "graph LR\n  A --> B\n").unwrap();
    let made = Command::new("mkfifo").arg(src.join("pipe.mmd")).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    // Opening the FIFO would block for ever: it must not be opened.
    let out = t.path().join("out");
    let o = run(&[
        src.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(outputs(&out), vec!["good.svg"]);
}

/// A document form: the file extension, and the document around a diagram.
type Form = (&'static str, fn(&str) -> String);

/// `text` with its `\n` line ends replaced by `nl`.
fn with_ends(text: &str, nl: &str) -> String {
    text.replace('\n', nl)
}

#[test]
fn lf_crlf_and_cr_documents_give_identical_diagrams_and_messages() {
    let t = Tmp::new("robust", "endings");
    let good = "graph TD\n  A[Start] --> B{Choice}\n  B -->|yes| C\n";
    let bad = "graph TD\n  A --> B\n  B --> ((\n";
    let forms: [Form; 3] = [
        ("mmd", |d| d.to_string()),
        ("md", |d| {
            format!("# Title\n\nText.\n\n```mermaid\n{d}```\n")
        }),
        ("html", |d| {
            format!("<html>\n<body>\n<pre class=\"mermaid\">\n{d}</pre>\n</body>\n")
        }),
    ];
    let mut svgs: Vec<(String, String)> = Vec::new();
    for (ext, form) in &forms {
        let mut messages = Vec::new();
        for (style, nl) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
            let dir = t.path().join(format!("{ext}-{style}"));
            fs::create_dir_all(&dir).unwrap();
            fs::write(dir.join(format!("good.{ext}")), with_ends(&form(good), nl)).unwrap();
            fs::write(dir.join(format!("bad.{ext}")), with_ends(&form(bad), nl)).unwrap();
            let out = dir.join("out");
            let o = bin()
                .current_dir(&dir)
                .args([format!("good.{ext}"), format!("bad.{ext}")])
                .args(["-o", "out", "-f", "svg"])
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(1), "{ext} {style}: {}", stderr(&o));
            messages.push((style, stderr(&o)));
            svgs.push((
                format!("{ext} {style}"),
                fs::read_to_string(out.join("good.svg")).unwrap(),
            ));
        }
        let (_, lf) = &messages[0];
        let line = if *ext == "mmd" {
            3
        } else if *ext == "md" {
            8
        } else {
            6
        };
        assert!(lf.contains(&format!("bad.{ext}:{line}:9: error")), "{lf}");
        assert!(
            lf.contains("  B --> ((\n"),
            "the source line is quoted: {lf}"
        );
        for (style, m) in &messages[1..] {
            assert_eq!(m, lf, "{ext}: {style} and lf differ");
        }
    }
    for (what, svg) in &svgs[1..] {
        assert_eq!(svg, &svgs[0].1, "{what} differs from {}", svgs[0].0);
    }
}

#[test]
fn rewriting_a_cr_document_keeps_its_line_ends() {
    let t = Tmp::new("robust", "crrewrite");
    let doc = t.path().join("a.md");
    fs::write(
        &doc,
        "# A\r\r```mermaid\rgraph LR\r  A --> B\r```\r\rEnd.\r",
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
        "--rewrite",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(out.join("a.md")).unwrap(),
        "# A\r\r![diagram](a.svg)\r\rEnd.\r"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_inside_are_followed_loops_and_outside_links_skipped_with_a_note() {
    use std::os::unix::fs::symlink;
    let t = Tmp::new("robust", "links");
    let src = t.path().join("src");
    fs::create_dir_all(src.join("sub")).unwrap();
    fs::create_dir_all(t.path().join("other")).unwrap();
    fs::write(src.join("a.mmd"), "graph LR\n  A --> B\n").unwrap();
    fs::write(src.join("sub/b.mmd"), "graph LR\n  C --> D\n").unwrap();
    fs::write(t.path().join("other/o.mmd"), "graph LR\n  E --> F\n").unwrap();
    symlink("..", src.join("sub/up")).unwrap(); // an ancestor: a loop
    symlink(".", src.join("self")).unwrap(); // itself: a loop
    symlink("../other", src.join("ext")).unwrap(); // outside the tree
    symlink("../other/o.mmd", src.join("o.mmd")).unwrap(); // outside the tree
    symlink("sub/b.mmd", src.join("l.mmd")).unwrap(); // a file inside
    symlink("nowhere", src.join("dangling.mmd")).unwrap();
    symlink("m2", src.join("m1")).unwrap(); // a loop of links
    symlink("m1", src.join("m2")).unwrap();
    let out = t.path().join("out");
    let mut child = bin()
        .args([
            src.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-f",
            "svg",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A guard against an endless walk (not a speed check: a normal run
    // takes well under a second).
    let mut done = None;
    for _ in 0..1200 {
        if let Some(s) = child.try_wait().unwrap() {
            done = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if done.is_none() {
        let _ = child.kill();
        panic!("the walk did not terminate");
    }
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("sub/up: note: symbolic link to") && err.contains("(a loop)"),
        "{err}"
    );
    assert!(err.contains("self: note: symbolic link to"), "{err}");
    assert!(
        err.contains("ext: note: symbolic link to") && err.contains("outside the walked folder"),
        "{err}"
    );
    assert!(err.contains("o.mmd: note: symbolic link to"), "{err}");
    assert!(
        err.contains("dangling.mmd: note: symbolic link to nothing"),
        "{err}"
    );
    assert!(err.contains("m1: note: symbolic link to nothing"), "{err}");
    assert_eq!(outputs(&out), vec!["a.svg", "l.svg", "sub/b.svg"]);
    // Named on the command line, a link to the outside is read.
    let out2 = t.path().join("out2");
    let o = run(&[&t.s("src/o.mmd"), "-o", out2.to_str().unwrap(), "-f", "svg"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(outputs(&out2), vec!["o.svg"]);
}

#[test]
fn a_refused_png_leaves_the_svg_written_and_the_run_goes_on() {
    let t = Tmp::new("robust", "pngrefused");
    // Tall and wide enough that `--width 32760` makes the PNG's height
    // exceed what a PNG may have: refused before any pixel is drawn. Two
    // such documents: the second is still rendered after the first fails.
    let chain: String = (0..12)
        .map(|k| format!("  N{k} --> N{}\n", k + 1))
        .collect();
    let label = "x".repeat(80);
    for name in ["tall1", "tall2"] {
        fs::write(
            t.path().join(format!("{name}.mmd")),
            format!("graph TD\n  W[\"{label}\"] --> N0\n{chain}"),
        )
        .unwrap();
    }
    let out = t.path().join("out");
    let o = run(&[
        &t.s("tall1.mmd"),
        &t.s("tall2.mmd"),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg,png",
        "--width",
        "32760",
        "-j",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("tall1.mmd:1:1: error"), "{err}");
    assert!(err.contains("tall2.mmd:1:1: error"), "{err}");
    assert_eq!(outputs(&out), vec!["tall1.svg", "tall2.svg"]);
    assert_svg(&out.join("tall1.svg"));
    assert!(temps(&out).is_empty());
    // Nothing is cached for a failed diagram: the next run tries again.
    let o = run(&[&t.s("tall1.mmd"), "-o", out.to_str().unwrap(), "-f", "svg"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("tall1.svg"));
}

#[test]
fn hostile_documents_give_no_script_and_write_nothing_outside_the_output_folder() {
    let t = Tmp::new("robust", "hostile");
    let src = t.path().join("src");
    fs::create_dir_all(src.join("deep")).unwrap();
    fs::write(
        src.join("deep/h.md"),
        "```mermaid\ngraph LR\n  A[\"<script>alert(1)</script>\"] --> B[\"<img src=x onerror=alert(2)>\"]\n  \
         click A \"javascript:alert(3)\"\n  click B callback\n  style A fill:url(http://example.com/x)\n```\n\n\
         ```mermaid\nsequenceDiagram\n  A->>B: <script>x</script>\n  link A: Evil @ javascript:alert(4)\n```\n",
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[
        src.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg,png",
        "--rewrite",
    ]);
    assert!(o.status.code().is_some(), "{}", stderr(&o));
    // Everything written is under the output folder (the sources untouched).
    assert_eq!(all_files(&src), vec!["deep/h.md"]);
    let parent: Vec<String> = fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(parent.len(), 2, "{parent:?}");
    let svgs: Vec<String> = outputs(&out)
        .into_iter()
        .filter(|f| f.ends_with(".svg"))
        .collect();
    assert!(!svgs.is_empty(), "{}", stderr(&o));
    for f in svgs {
        let svg = assert_svg(&out.join(&f)).to_ascii_lowercase();
        assert!(!svg.contains("<script"), "{f}");
        assert!(!svg.contains("javascript:"), "{f}");
        assert!(
            !svg.contains("onerror=") && !svg.contains("onclick="),
            "{f}"
        );
        assert!(!svg.contains("url(http"), "{f}");
    }
}

#[test]
fn rewriting_into_the_input_folder_never_replaces_a_source() {
    let t = Tmp::new("robust", "samedir");
    let source = "# T\n\n```mermaid\ngraph LR\n  A --> B\n```\n";
    fs::write(t.path().join("a.md"), source).unwrap();
    let dir = t.path().to_str().unwrap();
    let o = run(&[dir, "-o", dir, "-f", "svg", "--rewrite"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("output name a.md is taken by an input document"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(t.path().join("a.md")).unwrap(), source);
    assert!(fs::read_to_string(t.path().join("a-2.md"))
        .unwrap()
        .contains("![diagram](a.svg)"));
}
