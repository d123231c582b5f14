//! End-to-end tests of the pipeline features: parallel batches, the cache
//! and `--check`, `--report`, `--rewrite`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mermaid-render"))
}

struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        let p =
            std::env::temp_dir().join(format!("mermaid-render-pipe-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(&p).unwrap();
        Tmp(p)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&Path]) -> Output {
    bin().args(args).output().expect("run mermaid-render")
}

fn s(p: &str) -> &Path {
    Path::new(p)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` (relative, sorted) with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read(&p).unwrap()));
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    v.sort();
    v
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pipeline")
}

/// A copy of the pipeline fixtures plus a few more documents, so that a
/// batch has several diagrams per document and several documents.
fn corpus(t: &Tmp) -> PathBuf {
    let docs = t.path().join("docs");
    fs::create_dir_all(docs.join("sub")).unwrap();
    for e in fs::read_dir(fixtures()).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, docs.join(p.file_name().unwrap())).unwrap();
    }
    let mut many = String::from("# Many\n\n");
    for i in 0..8 {
        many.push_str(&format!(
            "```mermaid\nflowchart TD\n  A{i}[Start {i}] --> B{i}{{Ok?}}\n  B{i} -->|yes| C{i}\n```\n\ntext {i}\n\n"
        ));
    }
    fs::write(docs.join("sub/many.md"), many).unwrap();
    docs
}

#[test]
fn parallel_outputs_are_byte_identical_to_serial() {
    let t = Tmp::new("par");
    let docs = corpus(&t);
    let a = t.path().join("a");
    let b = t.path().join("b");
    let o1 = run(&[&docs, s("-o"), &a, s("--jobs"), s("1")]);
    let o4 = run(&[&docs, s("-o"), &b, s("--jobs"), s("4")]);
    assert!(o1.status.success(), "{}", stderr(&o1));
    assert!(o4.status.success(), "{}", stderr(&o4));
    let text =
        |o: &[u8], dir: &Path| String::from_utf8_lossy(o).replace(dir.to_str().unwrap(), "OUT");
    assert_eq!(
        text(&o1.stdout, &a),
        text(&o4.stdout, &b),
        "messages in the same order"
    );
    assert_eq!(text(&o1.stderr, &a), text(&o4.stderr, &b));
    let ta = tree(&a);
    assert!(ta.len() > 20);
    assert_eq!(ta, tree(&b));
}

#[test]
fn second_run_renders_nothing_and_keeps_mtimes() {
    let t = Tmp::new("cache");
    let docs = corpus(&t);
    let out = t.path().join("out");
    let o = run(&[&docs, s("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mtimes = |dir: &Path| -> Vec<(String, std::time::SystemTime)> {
        tree(dir)
            .into_iter()
            .map(|(rel, _)| {
                let m = fs::metadata(dir.join(&rel)).unwrap().modified().unwrap();
                (rel, m)
            })
            .collect()
    };
    let before = mtimes(&out);
    assert!(before
        .iter()
        .any(|(r, _)| r == ".mermaid-render-cache.json"));
    let o = run(&[&docs, s("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        o.stdout.is_empty(),
        "nothing written: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(
        stderr(&o).contains(" 0 diagrams rendered, 0 failed, 11 up to date"),
        "{}",
        stderr(&o)
    );
    assert_eq!(before, mtimes(&out));
}

#[test]
fn check_is_0_when_up_to_date_then_1_after_a_change() {
    let t = Tmp::new("check");
    let docs = corpus(&t);
    let out = t.path().join("out");
    let o = run(&[&docs, s("-o"), &out, s("--check")]);
    assert_eq!(o.status.code(), Some(1), "nothing rendered yet");
    assert!(
        !out.exists() || tree(&out).is_empty(),
        "--check renders nothing"
    );
    assert!(run(&[&docs, s("-o"), &out]).status.success());
    let o = run(&[&docs, s("-o"), &out, s("--check")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let seq = docs.join("seq.mmd");
    fs::write(&seq, "sequenceDiagram\n  Alice->>Bob: Hello\n").unwrap();
    let o = run(&[&docs, s("-o"), &out, s("--check")]);
    assert_eq!(o.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&o.stdout);
    assert!(
        listed.contains("seq.svg") && listed.contains("seq.png"),
        "{listed}"
    );
    assert_eq!(listed.lines().count(), 2, "{listed}");
    // Rendering again brings it up to date: only that diagram renders.
    let o = run(&[&docs, s("-o"), &out]);
    assert!(stderr(&o).contains("1 diagram rendered"), "{}", stderr(&o));
    assert_eq!(
        run(&[&docs, s("-o"), &out, s("--check")]).status.code(),
        Some(0)
    );
}

#[test]
fn report_has_one_record_per_diagram() {
    let t = Tmp::new("report");
    let docs = corpus(&t);
    fs::write(docs.join("bad.mmd"), "flowchart TD\n  A -->\n").unwrap();
    let out = t.path().join("out");
    let rep = t.path().join("report.json");
    let o = run(&[&docs, s("-o"), &out, s("--report"), &rep]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&rep).unwrap()).unwrap();
    let recs = v.as_array().unwrap();
    assert_eq!(recs.len(), 12);
    let bad = recs.iter().find(|r| r["status"] == "failed").unwrap();
    assert!(bad["document"].as_str().unwrap().ends_with("bad.mmd"));
    assert!(bad["error"].as_str().unwrap().contains("error"));
    let guide: Vec<_> = recs
        .iter()
        .filter(|r| r["document"].as_str().unwrap().ends_with("guide.md"))
        .collect();
    assert_eq!(guide.len(), 2);
    assert_eq!(guide[0]["first_line"], 6);
    assert_eq!(guide[0]["last_line"], 10);
    assert_eq!(guide[0]["type"], "flowchart");
    assert_eq!(guide[1]["type"], "pie");
    assert_eq!(guide[0]["outputs"].as_array().unwrap().len(), 2);
    assert!(guide[0]["ms"].is_u64());
}

#[test]
fn rewrite_keeps_every_other_byte_and_is_idempotent() {
    let t = Tmp::new("rewrite");
    let docs = corpus(&t);
    let out = t.path().join("out");
    let o = run(&[&docs, s("-o"), &out, s("--rewrite")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = fs::read_to_string(out.join("guide.md")).unwrap();
    let want = "# Guide\r\n\r\nIntro text.\r\n\r\n![Login flow](guide-1.svg)\r\n\r\nMiddle *text* stays.\r\n\r\n> ![diagram](guide-2.svg)\r\n\r\nThe end.\r\n";
    assert_eq!(got, want);
    assert!(out.join("guide-1.svg").is_file() && out.join("guide-2.svg").is_file());
    assert_eq!(
        fs::read(out.join("plain.md")).unwrap(),
        fs::read(docs.join("plain.md")).unwrap()
    );
    let many = fs::read_to_string(out.join("sub/many.md")).unwrap();
    assert!(
        many.contains("![diagram](many-8.svg)\n\ntext 7\n"),
        "{many}"
    );
    assert!(!many.contains("```"));
    // Its own output again: nothing changes.
    let again = t.path().join("again");
    let o = run(&[&out.join("guide.md"), s("-o"), &again, s("--rewrite")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(again.join("guide.md")).unwrap(), want);
}

#[test]
fn hash_names_are_stable_when_other_blocks_change() {
    let t = Tmp::new("hash");
    let docs = corpus(&t);
    let out = t.path().join("out");
    let o = run(&[
        &docs.join("guide.md"),
        s("-o"),
        &out,
        s("--names"),
        s("hash"),
        s("--keep-source"),
        s("--rewrite"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = fs::read_to_string(out.join("guide.md")).unwrap();
    assert!(
        first.contains("<details>") && first.contains("```text"),
        "{first}"
    );
    let pie_link = first
        .lines()
        .find(|l| l.starts_with("> !["))
        .unwrap()
        .to_string();
    let text = fs::read_to_string(docs.join("guide.md"))
        .unwrap()
        .replace("A --> B", "A --> C");
    fs::write(docs.join("guide.md"), text).unwrap();
    assert!(run(&[
        &docs.join("guide.md"),
        s("-o"),
        &out,
        s("--names"),
        s("hash"),
        s("--keep-source"),
        s("--rewrite")
    ])
    .status
    .success());
    let second = fs::read_to_string(out.join("guide.md")).unwrap();
    assert!(second.contains(&pie_link), "{second}");
}

#[test]
fn mermaid_cli_flags_write_one_png_file() {
    let t = Tmp::new("mmdc");
    let x = t.path().join("x.mmd");
    fs::write(&x, "graph TD\n  A --> B\n").unwrap();
    let png = t.path().join("x.png");
    let o = run(&[
        s("-i"),
        &x,
        s("-o"),
        &png,
        s("-t"),
        s("dark"),
        s("-b"),
        s("transparent"),
        s("-w"),
        s("1200"),
        s("-p"),
        s("puppeteer.json"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Puppeteer configuration is ignored"));
    let mut dec = png::Decoder::new(std::io::Cursor::new(fs::read(&png).unwrap()));
    dec.set_transformations(png::Transformations::EXPAND);
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.width, 1200);
    // Indexed with transparency or RGBA: either way it decodes to RGBA.
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(buf[3], 0, "the corner is transparent");
    // Only the one file: no cache manifest beside it.
    let mut names: Vec<_> = fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["x.mmd", "x.png"]);
    // Two diagrams for one file: a usage error.
    let md = t.path().join("two.md");
    fs::write(
        &md,
        "```mermaid\ngraph TD\nA\n```\n```mermaid\ngraph TD\nB\n```\n",
    )
    .unwrap();
    let o = run(&[s("-i"), &md, s("-o"), &t.path().join("two.svg")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn mdbook_preprocessor_exchange() {
    let o = bin().args(["mdbook", "supports", "html"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let input = fs::read(fixtures().join("mdbook-input.json")).unwrap();
    let mut child = bin()
        .arg("mdbook")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let book: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let intro = book["sections"][0]["Chapter"]["content"].as_str().unwrap();
    assert!(
        intro.starts_with("# Intro\n\nBefore.\n\n<div class=\"mermaid-render\"><svg"),
        "{intro}"
    );
    assert!(intro.ends_with("</svg></div>\n\nAfter.\n"), "{intro}");
    assert!(intro.contains("Hello") && !intro.contains("```"));
    let nested = book["sections"][0]["Chapter"]["sub_items"][0]["Chapter"]["content"]
        .as_str()
        .unwrap();
    assert!(
        nested.starts_with("# Nested\n\n> <div class=\"mermaid-render\"><svg"),
        "{nested}"
    );
    assert_eq!(book["sections"][1], "Separator");
    let plain = book["sections"][2]["Chapter"]["content"].as_str().unwrap();
    assert_eq!(plain, "# Plain\n\n```rust\nfn main() {}\n```\n");
    assert!(book.get("__non_exhaustive").is_some());
}

#[test]
fn markdown_output_file_is_rewritten_as_mermaid_cli_names_it() {
    let t = Tmp::new("mdout");
    let docs = corpus(&t);
    let out = t.path().join("site/page.md");
    let o = run(&[s("-i"), &docs.join("guide.md"), s("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = fs::read_to_string(&out).unwrap();
    assert!(got.contains("![Login flow](page-1.svg)\r\n"), "{got}");
    assert!(got.contains("> ![diagram](page-2.svg)\r\n"), "{got}");
    let mut names: Vec<_> = fs::read_dir(t.path().join("site"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["page-1.svg", "page-2.svg", "page.md"]);
}

/// The library, like extraction, reads LF, CRLF and CR-only sources alike,
/// and a located error has the same line and column in each.
#[test]
fn library_reads_every_line_ending_alike() {
    let opts = mermaid_render::Options::default();
    let lf = "graph TD\nA-->B\nB-->C\n";
    let svg = |src: &str| mermaid_render::render(src, &opts).unwrap().svg;
    assert_eq!(svg(lf), svg(&lf.replace('\n', "\r")));
    assert_eq!(svg(lf), svg(&lf.replace('\n', "\r\n")));
    let bad = "graph TD\nA-->B\nB-->(\n";
    let at = |src: &str| match mermaid_render::render(src, &opts) {
        Err(e) => e.as_parse().map(|p| (p.span.line, p.span.col)),
        Ok(_) => None,
    };
    assert!(at(bad).is_some());
    assert_eq!(at(bad), at(&bad.replace('\n', "\r")));
    assert_eq!(at(bad), at(&bad.replace('\n', "\r\n")));
}
