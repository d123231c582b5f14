//! Batch: walk the inputs, render every diagram (in parallel), write the
//! outputs atomically, and count what happened.

use super::args::{Args, Format};
use super::report;
use anyhow::{Context, Result};
use mermaid_render::config::Value;
use mermaid_render::extract::{self, Block, SourceKind};
use mermaid_render::{Error, Options};
use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Extensions read when walking a folder (files named on the command line
/// are always read).
const WALKED: &[&str] = &[
    "md", "markdown", "mdx", "qmd", "rmd", "mmd", "mermaid", "txt", "html", "htm", "rst", "adoc",
    "asciidoc",
];

/// The outcome of one diagram: the files written, or the message to print.
type Outcome = Result<Vec<PathBuf>, String>;

/// One input document.
struct Doc {
    /// Name used in messages.
    name: String,
    kind: SourceKind,
    text: String,
    /// Output path without extension, relative to the output folder (the
    /// document's stem, under its mirrored subfolder).
    out_stem: PathBuf,
}

/// What the run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents: usize,
    pub without_diagrams: usize,
    pub rendered: usize,
    pub failed: usize,
    pub io_errors: usize,
}

pub fn run(args: &Args) -> Result<Summary> {
    let mut summary = Summary::default();
    let docs = collect(args, &mut summary)?;
    summary.documents = docs.len();

    // Jobs: every diagram of every document, with its output stem.
    struct Job<'a> {
        doc: &'a Doc,
        block: Block,
        stem: PathBuf,
    }
    let mut jobs = Vec::new();
    for d in &docs {
        let blocks = extract::extract(&d.text, d.kind);
        if blocks.is_empty() {
            summary.without_diagrams += 1;
            if !args.quiet {
                eprintln!("{}: note: no Mermaid diagram found", d.name);
            }
        }
        let many = blocks.len() > 1;
        for (i, block) in blocks.into_iter().enumerate() {
            let stem = if many {
                with_suffix(&d.out_stem, &format!("-{}", i + 1))
            } else {
                d.out_stem.clone()
            };
            jobs.push(Job {
                doc: d,
                block,
                stem,
            });
        }
    }

    // Two jobs must never write one path: a later job whose stem is taken
    // (e.g. `a.md`'s second diagram and `a-1.mmd` both want `a-1`) gets the
    // first free `-<k>` suffix, and the run says so.
    let mut taken: std::collections::BTreeSet<PathBuf> = std::collections::BTreeSet::new();
    for j in &mut jobs {
        if !taken.contains(&j.stem) {
            taken.insert(j.stem.clone());
            continue;
        }
        let mut k = 2;
        let stem = loop {
            let s = with_suffix(&j.stem, &format!("-{k}"));
            if !taken.contains(&s) {
                break s;
            }
            k += 1;
        };
        if !args.quiet {
            eprintln!(
                "{}: note: output name {} is taken by another diagram of this run; writing {} instead",
                j.doc.name,
                j.stem.display(),
                stem.display()
            );
        }
        taken.insert(stem.clone());
        j.stem = stem;
    }

    if args.list {
        list(
            &jobs.iter().map(|j| (j.doc, &j.block)).collect::<Vec<_>>(),
            args.json,
        );
        return Ok(summary);
    }

    let formats = &args.format;
    let options = options_of(args)?;
    let results: Vec<Mutex<Option<Outcome>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(jobs.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= jobs.len() {
                    break;
                }
                let j = &jobs[i];
                let mut options = options.clone();
                options.svg_id = match &args.svg_id {
                    Some(id) if jobs.len() == 1 => id.clone(),
                    Some(id) => format!("{id}-{}", stem_id(&j.stem)),
                    None => format!("mermaid-{}", stem_id(&j.stem)),
                };
                let r = render_one(
                    &j.block,
                    j.doc,
                    &j.stem,
                    &args.output,
                    formats,
                    (args.scale, args.width),
                    &options,
                );
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            });
        }
    });
    for (j, r) in jobs.iter().zip(results) {
        match r.into_inner().unwrap_or_else(|e| e.into_inner()) {
            Some(Ok(paths)) => {
                summary.rendered += 1;
                if !args.quiet {
                    for p in paths {
                        println!("{} -> {}", j.doc.name, p.display());
                    }
                }
            }
            Some(Err(msg)) => {
                if msg.starts_with("io:") {
                    summary.io_errors += 1;
                }
                summary.failed += 1;
                eprint!("{}", msg.trim_start_matches("io:"));
            }
            None => summary.failed += 1,
        }
    }
    Ok(summary)
}

/// `--list`: every diagram found, in document order, without rendering.
fn list(found: &[(&Doc, &Block)], json: bool) {
    let records: Vec<(String, usize, usize, String)> = found
        .iter()
        .map(|(doc, block)| {
            let ty = match mermaid_render::diagram_type(&block.source) {
                Ok(Some(t)) => t.to_string(),
                Ok(None) => "unknown".to_string(),
                Err(_) => "invalid".to_string(),
            };
            let last = block.lines.last().map_or(block.first_line(), |l| l.line);
            (doc.name.clone(), block.first_line(), last, ty)
        })
        .collect();
    if json {
        let v: Vec<serde_json::Value> = records
            .iter()
            .map(|(d, a, b, t)| {
                serde_json::json!({"document": d, "first_line": a, "last_line": b, "type": t})
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_else(|_| "[]".into())
        );
    } else {
        for (d, a, b, t) in &records {
            println!("{d}:{a}-{b}\t{t}");
        }
    }
}

/// Render options from the command line: the site configuration from
/// `-c`, the theme from `-t` (over the file's, under the diagram's own),
/// the background.
fn options_of(args: &Args) -> Result<Options> {
    let mut config = Value::object();
    if let Some(path) = &args.config {
        let text =
            fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let v = mermaid_render::syntax::parse_config_json(&text)
            .map_err(|e| anyhow::anyhow!("{}: invalid JSON: {e}", path.display()))?;
        if !matches!(v, Value::Object(_)) {
            anyhow::bail!(
                "{}: the configuration must be a JSON object",
                path.display()
            );
        }
        config.merge(&v);
    }
    Ok(Options {
        config,
        theme: args.theme.clone(),
        background: match args.background.trim() {
            "transparent" | "none" => None,
            c => Some(c.to_string()),
        },
        max_source_bytes: args.max_source_bytes,
        layout_json: args.format.contains(&Format::Layout),
        ..Options::default()
    })
}

/// An output stem as an id fragment (`docs/a b` → `docs-a_b`).
fn stem_id(stem: &Path) -> String {
    stem.to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else if c == '/' || c == '\\' {
                '-'
            } else {
                '_'
            }
        })
        .collect()
}

/// The PNG scale: `--width` divided by the SVG's width when given.
fn png_scale(svg_width: f64, scale: f32, width: Option<u32>) -> f32 {
    match width {
        Some(w) if svg_width > 0.0 => (w as f32 / svg_width as f32).clamp(0.001, 64.0),
        _ => scale,
    }
}

fn with_suffix(stem: &Path, suffix: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Render one diagram and write its files. Errors come back as the message
/// to print (prefixed `io:` for output failures).
fn render_one(
    block: &Block,
    doc: &Doc,
    stem: &Path,
    out_dir: &Path,
    formats: &[Format],
    (scale, width): (f32, Option<u32>),
    options: &Options,
) -> Result<Vec<PathBuf>, String> {
    let rendered = match mermaid_render::render(&block.source, options) {
        Ok(r) => r,
        Err(e @ (Error::Parse(_) | Error::Unsupported(_))) => {
            let p = e.as_parse().expect("a located error");
            return Err(report::parse_error(&doc.name, &doc.text, block, p));
        }
        Err(e) => {
            let (line, _) = block.doc_position(1, 1);
            return Err(format!("{}:{line}:1: error: {e}\n", doc.name));
        }
    };
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for f in formats {
        match f {
            Format::Svg => {
                outputs.push((with_suffix(stem, ".svg"), rendered.svg.clone().into_bytes()))
            }
            Format::Layout => match rendered.layout_json() {
                Some(json) => {
                    outputs.push((with_suffix(stem, ".layout.json"), json.as_bytes().to_vec()))
                }
                None => {
                    let (line, _) = block.doc_position(1, 1);
                    return Err(format!(
                        "{}:{line}:1: error: `-f layout` is not available for {} diagrams (use svg or png)\n",
                        doc.name, rendered.diagram_type
                    ));
                }
            },
            Format::Png => match rendered.png(png_scale(rendered.width, scale, width)) {
                Ok(png) => outputs.push((with_suffix(stem, ".png"), png)),
                Err(e) => {
                    let (line, _) = block.doc_position(1, 1);
                    return Err(format!("{}:{line}:1: error: {e}\n", doc.name));
                }
            },
        }
    }
    let mut written = Vec::new();
    for (rel, bytes) in outputs {
        let path = out_dir.join(&rel);
        write_atomic(&path, &bytes).map_err(|e| {
            format!(
                "io:{}: error: cannot write {}: {e:#}\n",
                doc.name,
                path.display()
            )
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Write through a temporary file in the same folder, then rename: readers
/// never see a half-written file, and a failure leaves the old file intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Read every input into documents with their output stems.
fn collect(args: &Args, summary: &mut Summary) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for input in &args.inputs {
        if input.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading standard input")?;
            docs.push(Doc {
                name: "<stdin>".into(),
                kind: SourceKind::Text,
                text,
                out_stem: PathBuf::from("stdin"),
            });
            continue;
        }
        let meta =
            fs::metadata(input).with_context(|| format!("cannot read {}", input.display()))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files).with_context(|| format!("cannot walk {}", input.display()))?;
            // Stems per output folder, to keep `a.md` and `a.mmd` apart.
            let mut taken: BTreeMap<PathBuf, usize> = BTreeMap::new();
            for f in &files {
                let rel = f.strip_prefix(input).unwrap_or(f);
                *taken.entry(rel.with_extension("")).or_default() += 1;
            }
            for f in files {
                let rel = f.strip_prefix(input).unwrap_or(&f).to_path_buf();
                let stem = rel.with_extension("");
                let out_stem = if taken.get(&stem).copied().unwrap_or(0) > 1 {
                    with_suffix(&stem, &format!("-{}", ext_of(&rel)))
                } else {
                    stem
                };
                read_doc(&f, out_stem, &mut docs, summary);
            }
        } else {
            let stem = PathBuf::from(input.file_stem().unwrap_or(input.as_os_str()));
            read_doc(input, stem, &mut docs, summary);
        }
    }
    Ok(docs)
}

fn ext_of(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_doc(path: &Path, out_stem: PathBuf, docs: &mut Vec<Doc>, summary: &mut Summary) {
    match fs::read(path) {
        Ok(bytes) => {
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text);
            docs.push(Doc {
                name: path.display().to_string(),
                kind: SourceKind::from_path(path),
                text,
                out_stem,
            });
        }
        Err(e) => {
            summary.io_errors += 1;
            eprintln!("{}: error: cannot read: {e}", path.display());
        }
    }
}

/// Files under `dir` with a walked extension, in sorted order (by path).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let ft = fs::symlink_metadata(&p)?.file_type();
        if ft.is_dir() {
            walk(&p, out)?;
        } else if ft.is_file() && WALKED.contains(&ext_of(&p).to_ascii_lowercase().as_str()) {
            out.push(p);
        }
    }
    Ok(())
}
