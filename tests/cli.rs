//! End-to-end tests of the `mermaid-render` binary on temporary folders.

use std::fs;
use std::path::Path;

mod common;
use common::{run, run_with_stdin, stderr, walk_files, Tmp};

/// Every file under `dir`, relative, sorted (the cache manifest left out).
fn files(dir: &Path) -> Vec<String> {
    walk_files(dir, &|p| !p.ends_with(".mermaid-render-cache.json"))
}

const SIMPLE: &str = "graph TD\n  A --> B\n";

#[test]
fn one_diagram_is_named_after_the_document() {
    let t = Tmp::new("test", "one");
    fs::write(t.path().join("doc.mmd"), SIMPLE).unwrap();
    let out = t.path().join("out");
    let o = run(&[
        t.path().join("doc.mmd").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&out), vec!["doc.png", "doc.svg"]);
    let png = fs::read(out.join("doc.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        stderr(&o).contains("1 document, 1 diagram rendered, 0 failed"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn three_diagrams_one_broken_gives_two_images_a_located_error_and_exit_1() {
    let t = Tmp::new("test", "three");
    let doc = t.path().join("three.md");
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/docs/three.md"),
        &doc,
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(files(&out), vec!["three-1.svg", "three-3.svg"]);
    let err = stderr(&o);
    // The unclosed `[` is on document line 17; the message points into that line.
    let line = err
        .lines()
        .find(|l| l.contains(": error"))
        .expect("an error line");
    assert!(line.starts_with(&format!("{}:17:", doc.display())), "{err}");
    let col: usize = line.split(':').nth(2).unwrap().parse().unwrap();
    let doc_line = fs::read_to_string(&doc)
        .unwrap()
        .lines()
        .nth(16)
        .unwrap()
        .to_string();
    assert!(
        col > doc_line.find('Z').unwrap(),
        "column {col} should point at or after `Z[`: {err}"
    );
    assert!(
        err.contains("Z[unclosed"),
        "the source line is quoted: {err}"
    );
    assert!(err.contains('^'), "a caret marks the column: {err}");
    assert!(err.contains("2 diagrams rendered, 1 failed"), "{err}");
    // The third diagram (in a list item) was found and rendered.
    let svg = fs::read_to_string(out.join("three-3.svg")).unwrap();
    assert!(svg.contains("Stadium"));
}

#[test]
fn folders_are_walked_in_order_and_mirrored() {
    let t = Tmp::new("test", "tree");
    let src = t.path().join("src");
    fs::create_dir_all(src.join("sub/deeper")).unwrap();
    fs::write(src.join("a.md"), format!("```mermaid\n{SIMPLE}```\n")).unwrap();
    fs::write(src.join("sub/b.mmd"), SIMPLE).unwrap();
    fs::write(
        src.join("sub/deeper/c.txt"),
        format!("<Mermaid_Diagram>\n```mermaid\n{SIMPLE}```\n</Mermaid_Diagram>\n"),
    )
    .unwrap();
    fs::write(src.join("sub/none.md"), "no diagrams here\n").unwrap();
    fs::write(src.join("image.png"), b"not a document").unwrap();
    let out = t.path().join("out");
    let o = run(&[
        src.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg,layout",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        files(&out),
        vec![
            "a.layout.json",
            "a.svg",
            "sub/b.layout.json",
            "sub/b.svg",
            "sub/deeper/c.layout.json",
            "sub/deeper/c.svg"
        ]
    );
    let err = stderr(&o);
    assert!(
        err.contains("4 documents, 3 diagrams rendered, 0 failed, 1 without diagrams"),
        "{err}"
    );
    // Rendered in sorted order.
    let so = String::from_utf8_lossy(&o.stdout);
    let a = so.find("a.md").unwrap();
    let b = so.find("b.mmd").unwrap();
    assert!(a < b);
}

#[test]
fn same_stem_documents_do_not_overwrite_each_other() {
    let t = Tmp::new("test", "stems");
    let src = t.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("x.md"), format!("```mermaid\n{SIMPLE}```\n")).unwrap();
    fs::write(src.join("x.mmd"), SIMPLE).unwrap();
    let out = t.path().join("out");
    let o = run(&[
        src.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&out), vec!["x-md.svg", "x-mmd.svg"]);
}

#[test]
fn unknown_diagram_type_is_reported_with_its_location() {
    let t = Tmp::new("test", "unknown");
    let doc = t.path().join("odd.md");
    fs::write(
        &doc,
        "Intro\n\n```mermaid\nbogusDiagram\n  A->>B: hi\n```\n",
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[doc.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:4:1:", doc.display())), "{err}");
    assert!(err.contains("bogusDiagram"), "{err}");
    assert!(files(&out).is_empty());
}

#[test]
fn output_names_never_collide_silently() {
    // `a.md` holds two diagrams (`a-1`, `a-2`) and `a-1.mmd` also wants `a-1`.
    let t = Tmp::new("test", "collide");
    let src = t.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::write(
        src.join("a.md"),
        format!("```mermaid\n{SIMPLE}```\n\n```mermaid\ngraph LR\n  X --> Y\n```\n"),
    )
    .unwrap();
    fs::write(src.join("a-1.mmd"), "graph TD\n  P --> Q\n").unwrap();
    let out = t.path().join("out");
    let o = run(&[
        src.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = files(&out);
    assert_eq!(written.len(), 3, "{written:?}");
    assert!(
        stderr(&o).contains("is taken by another diagram"),
        "{}",
        stderr(&o)
    );
    // Every diagram's own text is in one of the files.
    let all: String = written
        .iter()
        .map(|f| fs::read_to_string(out.join(f)).unwrap())
        .collect();
    for id in ["P", "X", "Y", "Q"] {
        assert!(all.contains(&format!(">{id}<")), "{id} lost");
    }
}

#[test]
fn config_file_sets_the_curve_and_the_spacing() {
    let t = Tmp::new("test", "cfgcurve");
    let doc = t.path().join("x.mmd");
    // The back edge F --> D must go round E, so by default it is a curve.
    fs::write(
        &doc,
        "flowchart TD\n  A --> B & C\n  B --> D\n  C --> D\n  D --> E[a wide node that blocks the way] --> F\n  F --> D\n",
    )
    .unwrap();
    let cfg = t.path().join("cfg.json");
    fs::write(
        &cfg,
        r#"{"flowchart":{"curve":"linear","nodeSpacing":100}}"#,
    )
    .unwrap();
    let plain = t.path().join("plain");
    let tuned = t.path().join("tuned");
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        plain.to_str().unwrap(),
        "-f",
        "svg,layout",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        tuned.to_str().unwrap(),
        "-f",
        "svg,layout",
        "-c",
        cfg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let edge_paths = |dir: &Path| -> Vec<String> {
        let svg = fs::read_to_string(dir.join("x.svg")).unwrap();
        svg.split("<path ")
            .skip(1)
            .filter(|p| p.contains("class=\"edge"))
            .map(|p| {
                p.split(" d=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let (a, b) = (edge_paths(&plain), edge_paths(&tuned));
    assert_eq!(a.len(), 7, "{a:?}");
    assert!(
        a.iter().any(|d| d.contains('C')),
        "default edges are curves: {a:?}"
    );
    assert!(
        b.iter().all(|d| !d.contains('C')),
        "linear edges are straight: {b:?}"
    );
    // B and C stand side by side: 100 px apart instead of 50.
    let gap = |dir: &Path| -> f64 {
        let json = fs::read_to_string(dir.join("x.layout.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let node = |id: &str| {
            v["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|n| n["id"] == id)
                .cloned()
                .unwrap()
        };
        let (b, c) = (node("B"), node("C"));
        let f = |n: &serde_json::Value, k: &str| n[k].as_f64().unwrap();
        (f(&c, "x") - f(&b, "x")).abs() - (f(&b, "width") + f(&c, "width")) / 2.0
    };
    let (g0, g1) = (gap(&plain), gap(&tuned));
    assert!((g0 - 50.0).abs() < 1.0, "default spacing {g0}");
    assert!((g1 - 100.0).abs() < 1.0, "configured spacing {g1}");
}

#[test]
fn missing_input_and_bad_usage_exit_2() {
    let o = run(&["/definitely/not/here.md", "-o", "/tmp/never-written"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/definitely/not/here.md"));
    let o = run(&["x.md", "--format", "gif"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn reads_standard_input() {
    let t = Tmp::new("test", "stdin");
    let out = t.path().join("out");
    let o = run_with_stdin(
        &["-", "-o", out.to_str().unwrap(), "-f", "svg"],
        &format!("```mermaid\n{SIMPLE}```\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&out), vec!["stdin.svg"]);
}

#[test]
fn no_temporary_files_are_left_behind() {
    let t = Tmp::new("test", "atomic");
    let doc = t.path().join("d.mmd");
    fs::write(&doc, SIMPLE).unwrap();
    let out = t.path().join("out");
    for _ in 0..2 {
        let o = run(&[
            doc.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-f",
            "svg,png,layout",
        ]);
        assert!(o.status.success());
    }
    assert_eq!(files(&out), vec!["d.layout.json", "d.png", "d.svg"]);
}

#[test]
fn a_bad_config_file_is_a_usage_error_with_its_location() {
    let t = Tmp::new("test", "badconfig");
    let doc = t.path().join("d.mmd");
    fs::write(&doc, SIMPLE).unwrap();
    let cfg = t.path().join("c.json");
    fs::write(&cfg, "{\n  \"theme\": \n}").unwrap();
    let out = t.path().join("out");
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-c",
        cfg.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("c.json") && err.contains("line 3"), "{err}");
    assert!(files(&out).is_empty());
}

#[test]
fn a_diagram_over_the_size_budget_is_refused_and_the_others_render() {
    let t = Tmp::new("test", "budget");
    let doc = t.path().join("two.md");
    let big = format!("graph TD\n{}", "  A --> B\n".repeat(50));
    fs::write(
        &doc,
        format!("```mermaid\n{SIMPLE}```\n\n```mermaid\n{big}```\n"),
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
        "--max-source-bytes",
        "100",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("more than the limit of 100 bytes"), "{err}");
    assert!(err.contains(&format!("{}:7:1:", doc.display())), "{err}");
    assert_eq!(files(&out), vec!["two-1.svg"]);
}

#[test]
fn list_prints_every_diagram_without_rendering() {
    let t = Tmp::new("test", "list");
    let doc = t.path().join("doc.md");
    fs::write(
        &doc,
        "# Doc\n\n```mermaid\npie\n  \"a\": 1\n```\n\n::: mermaid\ngraph TD\n  A --> B\n:::\n",
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[doc.to_str().unwrap(), "-o", out.to_str().unwrap(), "--list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    let name = doc.display().to_string();
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        vec![
            format!("{name}:4-5\tpie"),
            format!("{name}:9-10\tflowchart")
        ]
    );
    assert!(!out.exists(), "--list writes nothing");
    let o = run(&[doc.to_str().unwrap(), "--list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[1]["type"], "flowchart");
    assert_eq!(v[1]["first_line"], 9);
    assert_eq!(v[0]["last_line"], 5);
}

/// `mmdc -i - -o x.svg` reads one bare Mermaid diagram from standard input.
#[test]
fn bare_diagram_on_standard_input_as_mmdc() {
    let t = Tmp::new("test", "stdin-bare");
    let out = t.path().join("x.svg");
    let o = run_with_stdin(&["-i", "-", "-o", out.to_str().unwrap()], SIMPLE);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("<svg"), "{svg}");
}

/// An icon name that Font Awesome Free does not have is left out of the
/// picture (as mermaid-js shows nothing) and reported as a located warning.
#[test]
fn unknown_icons_are_warned_about() {
    let t = Tmp::new("test", "icons");
    let doc = t.path().join("i.mmd");
    fs::write(
        &doc,
        "flowchart TD\n  A[fa:fa-car drive] --> B[fab:fa-no-such-icon-here x]\n",
    )
    .unwrap();
    let out = t.path().join("out");
    let o = run(&[
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "svg",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("i.mmd:1:1: warning: icon `fab:fa-no-such-icon-here`"),
        "{err}"
    );
    assert!(!err.contains("fa-car"), "a known icon is no warning: {err}");
    let svg = fs::read_to_string(out.join("i.svg")).unwrap();
    assert!(!svg.contains("no-such-icon"), "never printed as text");
}

/// `-f layout` alone skips drawing the SVG (the geometry is all it
/// writes) and gives the same layout JSON as `-f svg,layout`, for every
/// type that has one; a single job runs without a worker pool and a folder
/// with several jobs in parallel, with identical outputs.
#[test]
fn layout_alone_matches_layout_beside_svg_and_jobs_do_not_change_outputs() {
    let t = Tmp::new("cli", "layout-alone");
    let docs = [
        ("f.mmd", "flowchart LR\n  A[Start] --> B{Ok?}\n  B -->|yes| C\n  subgraph S\n    C --> D\n  end\n"),
        ("c.mmd", "classDiagram\n  Animal <|-- Duck\n  Animal : +int age\n"),
        ("s.mmd", "stateDiagram-v2\n  [*] --> Still\n  Still --> Moving\n  Moving --> [*]\n"),
        ("e.mmd", "erDiagram\n  CUSTOMER ||--o{ ORDER : places\n"),
        ("r.mmd", "requirementDiagram\n  requirement r1 {\n    id: 1\n    text: t\n  }\n  element e1 {\n    type: x\n  }\n  e1 - satisfies -> r1\n"),
    ];
    fs::create_dir_all(t.path().join("in")).unwrap();
    for (name, text) in docs {
        fs::write(t.path().join("in").join(name), text).unwrap();
    }
    let go = |out: &str, formats: &str, jobs: &str| {
        let o = run(&[&t.s("in"), "-o", &t.s(out), "-f", formats, "-j", jobs, "-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    go("alone", "layout", "2");
    go("beside", "svg,layout", "2");
    go("serial", "svg,layout", "1");
    for (name, _) in docs {
        let stem = name.trim_end_matches(".mmd");
        let read = |dir: &str, ext: &str| {
            fs::read(t.path().join(dir).join(format!("{stem}.{ext}")))
                .unwrap_or_else(|e| panic!("{dir}/{stem}.{ext}: {e}"))
        };
        assert_eq!(
            read("alone", "layout.json"),
            read("beside", "layout.json"),
            "{name}"
        );
        assert_eq!(
            read("serial", "layout.json"),
            read("beside", "layout.json"),
            "{name}"
        );
        assert_eq!(read("serial", "svg"), read("beside", "svg"), "{name}");
        assert!(!t.path().join("alone").join(format!("{stem}.svg")).exists());
    }
}
