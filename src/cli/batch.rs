//! Batch: walk the inputs, render every diagram (in parallel), write the
//! outputs atomically, and count what happened.

use super::args::{Args, Format};
use super::{cache, report, rewrite};
use anyhow::{Context, Result};
use mermaid_render::config::Value;
use mermaid_render::extract::{self, Block, SourceKind};
use mermaid_render::{Error, Options};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Extensions read when walking a folder (files named on the command line
/// are always read).
const WALKED: &[&str] = &[
    "md", "markdown", "mdx", "qmd", "rmd", "mmd", "mermaid", "txt", "html", "htm", "rst", "adoc",
    "asciidoc",
];

/// One input document.
struct Doc {
    /// Name used in messages.
    name: String,
    kind: SourceKind,
    text: String,
    /// Output path without extension, relative to the output folder (the
    /// document's stem, under its mirrored subfolder).
    out_stem: PathBuf,
    /// Path of the rewritten copy (`--rewrite`), relative to the output
    /// folder: the document's own relative path.
    out_doc: PathBuf,
}

/// What the run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents: usize,
    pub without_diagrams: usize,
    pub rendered: usize,
    pub failed: usize,
    pub io_errors: usize,
    /// Diagrams whose outputs were all up to date (not rendered).
    pub up_to_date: usize,
    /// With --check: outputs missing or out of date.
    pub stale: usize,
}

pub fn run(args: &Args) -> Result<Summary> {
    let started = std::time::SystemTime::now();
    FSYNC.store(args.fsync, Ordering::Relaxed);
    let mut summary = Summary::default();
    let mut docs = collect(args, &mut summary)?;
    // mermaid-cli's `-o OUT.md`: one Markdown document rewritten to OUT.md
    // beside its images OUT-1.svg, OUT-2.svg, …
    let md_out = matches!(
        ext_of(&args.output).to_ascii_lowercase().as_str(),
        "md" | "markdown"
    ) && !args.list;
    if md_out {
        if docs.len() != 1 {
            anyhow::bail!(
                "{}: a Markdown output file needs exactly one input document, and there are {}",
                args.output.display(),
                docs.len()
            );
        }
        docs[0].out_stem = PathBuf::from(args.output.file_stem().unwrap_or_default());
        docs[0].out_doc = PathBuf::from(args.output.file_name().unwrap_or_default());
        if docs[0].kind == SourceKind::Text {
            docs[0].kind = SourceKind::Markdown;
        }
    }
    let docs = docs;
    summary.documents = docs.len();
    // Where each rewritten Markdown copy goes (planned with the images).
    let mut docs_out: Vec<(String, PathBuf)> = docs
        .iter()
        .map(|d| (d.name.clone(), d.out_doc.clone()))
        .collect();

    // Jobs: every diagram of every document, with its output stem.
    let mut jobs = Vec::new();
    let mut doc_blocks: Vec<Vec<usize>> = Vec::new();
    for d in &docs {
        let blocks = extract::extract(&d.text, d.kind);
        if blocks.is_empty() {
            summary.without_diagrams += 1;
            if !args.quiet {
                eprintln!("{}: note: no Mermaid diagram found", d.name);
            }
        }
        let many = blocks.len() > 1 || md_out;
        let mut mine = Vec::new();
        for (i, block) in blocks.into_iter().enumerate() {
            let stem = if args.names == "hash" {
                with_suffix(&d.out_stem, &format!("-{}", short_hash(&block.source)))
            } else if many {
                with_suffix(&d.out_stem, &format!("-{}", i + 1))
            } else {
                d.out_stem.clone()
            };
            mine.push(jobs.len());
            jobs.push(Job {
                doc: d,
                block,
                stem,
            });
        }
        doc_blocks.push(mine);
    }

    // Two jobs must never write one path: every output path of the run is
    // planned here, before anything is rendered. A later job whose stem is
    // taken (e.g. `a.md`'s second diagram and `a-1.mmd` both want `a-1`;
    // `d1/x.mmd` and `d2/x.mmd` both want `x`) gets the first free `-<k>`
    // suffix, and the run says so once per collision. Names are compared
    // ignoring case (two names one case-insensitive file system would take
    // for one file never meet), names too long for a file system (255
    // bytes) are shortened with a hash, and no output may replace an input
    // document that sits in the output folder.
    let longest_ext = if md_out {
        4
    } else {
        args.format.iter().map(|f| ext(*f).len()).max().unwrap_or(4)
    };
    let key = |p: &Path| p.to_string_lossy().replace('\\', "/").to_lowercase();
    let mut taken: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let plan_dir = match ext_of(&args.output).to_ascii_lowercase().as_str() {
        "md" | "markdown" | "svg" | "png" if !args.list => args
            .output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        _ => args.output.clone(),
    };
    if let Ok(out_canon) = fs::canonicalize(&plan_dir) {
        // Canonical folders are cached: one `canonicalize` per folder, not
        // per document (it is a readlink per path component).
        let mut folders: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
        for d in &docs {
            let input = canonical_cached(Path::new(&d.name), &mut folders);
            if let Some(rel) = input
                .as_deref()
                .and_then(|p| p.strip_prefix(&out_canon).ok())
            {
                taken.insert(key(rel));
            }
        }
    }
    let writes_docs = args.rewrite || md_out;
    let paths_of = |stem: &Path| -> Vec<String> {
        [".svg", ".png", ".layout.json"]
            .iter()
            .map(|e| key(&with_suffix(stem, e)))
            .collect()
    };
    for j in &mut jobs {
        let wanted = fit_name(&j.stem, longest_ext);
        let free = |s: &Path, taken: &std::collections::BTreeSet<String>| {
            paths_of(s).iter().all(|p| !taken.contains(p))
        };
        let mut stem = wanted.clone();
        let mut k = 2;
        while !free(&stem, &taken) {
            stem = fit_name(&with_suffix(&wanted, &format!("-{k}")), longest_ext);
            k += 1;
        }
        if !args.quiet && stem != j.stem {
            let why = if wanted != j.stem && stem == wanted {
                "is too long for a file name"
            } else {
                "is taken by another diagram or document of this run"
            };
            eprintln!(
                "{}: note: output name {} {why}; writing {} instead",
                j.doc.name,
                j.stem.display(),
                stem.display()
            );
        }
        taken.extend(paths_of(&stem));
        j.stem = stem;
    }
    if writes_docs {
        for (d, doc) in docs_out.iter_mut().zip(&docs) {
            if doc.kind != SourceKind::Markdown {
                continue;
            }
            let wanted = d.1.clone();
            let mut path = wanted.clone();
            let mut k = 2;
            while taken.contains(&key(&path)) {
                let stem = wanted.with_extension("");
                path = with_suffix(&stem, &format!("-{k}.{}", ext_of(&wanted)));
                k += 1;
            }
            if !args.quiet && path != wanted {
                eprintln!(
                    "{}: note: output name {} is taken by an input document or another output of this run; writing {} instead",
                    d.0,
                    wanted.display(),
                    path.display()
                );
            }
            taken.insert(key(&path));
            d.1 = path;
        }
    }

    if args.list {
        list(
            &jobs.iter().map(|j| (j.doc, &j.block)).collect::<Vec<_>>(),
            args.json,
        );
        return Ok(summary);
    }

    // mermaid-cli's `-o FILE.svg|png`: one diagram into one file, no cache.
    let single = single_output(args)?;
    let (out_dir, formats, use_cache) = match &single {
        Some((dir, stem, f)) => {
            if jobs.len() != 1 {
                anyhow::bail!(
                    "{}: an output file needs exactly one diagram, and the input holds {}",
                    args.output.display(),
                    jobs.len()
                );
            }
            jobs[0].stem = stem.clone();
            (dir.clone(), vec![*f], false)
        }
        None if md_out => {
            let f = match args.output_format.as_deref() {
                Some("png") => Format::Png,
                Some("pdf") => Format::Pdf,
                _ => Format::Svg,
            };
            let dir = args
                .output
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            (dir, vec![f], false)
        }
        None => (args.output.clone(), args.format.clone(), true),
    };
    let formats = &formats;
    let force = args.force || !use_cache;
    if !args.quiet {
        if let Some(p) = &args.puppeteer_config_file {
            eprintln!(
                "{}: note: no browser is used; the Puppeteer configuration is ignored",
                p.display()
            );
        }
    }
    let mut options = options_of(args)?;
    // `-f layout` alone: the geometry without drawing it.
    options.draw_svg = md_out || args.rewrite || formats.iter().any(|f| *f != Format::Layout);
    let n_jobs = jobs.len();
    let job_options = |j: &Job| {
        let mut options = options.clone();
        options.svg_id = match &args.svg_id {
            Some(id) if n_jobs == 1 => id.clone(),
            Some(id) => format!("{id}-{}", stem_id(&j.stem)),
            None => format!("mermaid-{}", stem_id(&j.stem)),
        };
        options
    };
    let mut cache = if use_cache {
        cache::Manifest::load(&out_dir)
    } else {
        cache::Manifest::default()
    };
    // The expected hash of every output of every job.
    let expected: Vec<Vec<(PathBuf, String)>> = jobs
        .iter()
        .map(|j| {
            let key = cache::job_key(
                &j.block.source,
                &job_options(j),
                (args.scale, args.width, args.height),
            );
            formats
                .iter()
                .map(|f| {
                    let rel = with_suffix(&j.stem, ext(*f));
                    let h = cache::output_hash(&key, ext(*f));
                    (rel, h)
                })
                .collect()
        })
        .collect();
    let fresh = |outs: &[(PathBuf, String)]| {
        !outs.is_empty() && outs.iter().all(|(rel, h)| cache.is_fresh(&out_dir, rel, h))
    };

    if args.check {
        for (j, outs) in jobs.iter().zip(&expected) {
            for (rel, h) in outs {
                let path = out_dir.join(rel);
                if !path.exists() {
                    summary.stale += 1;
                    println!("{}: missing: {}", j.doc.name, path.display());
                } else if !cache.is_fresh(&out_dir, rel, h) {
                    summary.stale += 1;
                    println!("{}: out of date: {}", j.doc.name, path.display());
                } else {
                    summary.up_to_date += 1;
                }
            }
        }
        return Ok(summary);
    }

    let threads = args.jobs.map(|n| n as usize).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let progress = Progress::new(n_jobs as u64, args.quiet);
    let one = |(j, outs): (&Job, &Vec<(PathBuf, String)>)| {
        let r = if !force && fresh(outs) {
            JobResult {
                status: Status::UpToDate,
                outputs: outs.iter().map(|(rel, _)| out_dir.join(rel)).collect(),
                ty: mermaid_render::diagram_type(&j.block.source)
                    .ok()
                    .flatten()
                    .unwrap_or("unknown")
                    .to_string(),
                error: None,
                io: false,
                ms: 0,
                notes: String::new(),
            }
        } else {
            let started = Instant::now();
            let mut r = render_one(
                &j.block,
                j.doc,
                &j.stem,
                &out_dir,
                formats,
                (args.scale, args.width, args.height),
                &job_options(j),
                if force { &[] } else { outs.as_slice() },
                &cache,
            );
            r.ms = started.elapsed().as_millis() as u64;
            r
        };
        progress.tick();
        r
    };
    // One worker, or one job: no thread pool (starting one costs more than
    // a small diagram's whole render).
    let results: Vec<JobResult> = if threads.min(n_jobs) <= 1 {
        jobs.iter().zip(expected.iter()).map(one).collect()
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.min(n_jobs))
            .build()
            .context("starting the worker threads")?;
        pool.install(|| jobs.par_iter().zip(expected.par_iter()).map(one).collect())
    };
    progress.finish();

    let mut records = Vec::new();
    for ((j, r), outs) in jobs.iter().zip(&results).zip(&expected) {
        if !args.quiet {
            eprint!("{}", r.notes);
        }
        match r.status {
            Status::Rendered => {
                summary.rendered += 1;
                for (rel, h) in outs {
                    cache.set(rel, h);
                }
                if !args.quiet {
                    for p in &r.outputs {
                        println!("{} -> {}", j.doc.name, p.display());
                    }
                }
            }
            Status::UpToDate => summary.up_to_date += 1,
            Status::Failed => {
                for (rel, _) in outs {
                    cache.remove(rel);
                }
                if r.io {
                    summary.io_errors += 1;
                }
                summary.failed += 1;
                eprint!("{}", r.error.as_deref().unwrap_or(""));
            }
        }
        if args.report.is_some() {
            let last = j
                .block
                .lines
                .last()
                .map_or(j.block.first_line(), |l| l.line);
            records.push(serde_json::json!({
                "document": j.doc.name,
                "first_line": j.block.first_line(),
                "last_line": last,
                "type": r.ty,
                "outputs": r.outputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                "status": r.status.name(),
                "error": r.error.as_deref().map(str::trim_end),
                "ms": r.ms,
            }));
        }
    }
    if use_cache && (summary.rendered > 0 || summary.failed > 0) {
        if let Err(e) = cache.save(&out_dir) {
            summary.io_errors += 1;
            eprintln!(
                "{}: error: cannot write the cache: {e:#}",
                out_dir.display()
            );
        }
    }
    if args.rewrite || md_out {
        for ((d, mine), (_, out_doc)) in docs.iter().zip(&doc_blocks).zip(&docs_out) {
            if d.kind != SourceKind::Markdown {
                continue;
            }
            let blocks: Vec<(&Block, PathBuf)> = mine
                .iter()
                .map(|&i| {
                    let link = match formats.iter().find(|f| **f != Format::Layout) {
                        Some(f) => with_suffix(&jobs[i].stem, ext(*f)),
                        None => with_suffix(&jobs[i].stem, ".svg"),
                    };
                    (&jobs[i].block, link)
                })
                .collect();
            let text = rewrite::rewrite(&d.text, &blocks, args.keep_source);
            let path = out_dir.join(out_doc);
            let unchanged = fs::read(&path).is_ok_and(|old| old == text.as_bytes());
            if unchanged {
                continue;
            }
            match write_atomic(&path, text.as_bytes()) {
                Ok(()) => {
                    if !args.quiet {
                        println!("{} -> {}", d.name, path.display());
                    }
                }
                Err(e) => {
                    summary.io_errors += 1;
                    eprintln!("{}: error: cannot write {}: {e:#}", d.name, path.display());
                }
            }
        }
    }
    // Temporary files of killed runs, in every folder this run writes to.
    let mut dirs: std::collections::BTreeSet<PathBuf> = std::collections::BTreeSet::new();
    dirs.insert(out_dir.clone());
    for j in &jobs {
        if let Some(p) = out_dir.join(&j.stem).parent() {
            dirs.insert(p.to_path_buf());
        }
    }
    if args.rewrite || md_out {
        for (_, out_doc) in &docs_out {
            if let Some(p) = out_dir.join(out_doc).parent() {
                dirs.insert(p.to_path_buf());
            }
        }
    }
    let stale: usize = dirs.iter().map(|d| remove_stale_temps(d, started)).sum();
    if stale > 0 && !args.quiet {
        eprintln!(
            "{}: note: removed {stale} temporary file{} left by an interrupted run",
            out_dir.display(),
            if stale == 1 { "" } else { "s" }
        );
    }
    if let Some(path) = &args.report {
        let text = serde_json::to_string_pretty(&records).unwrap_or_else(|_| "[]".into());
        write_atomic(path, format!("{text}\n").as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(summary)
}

/// One diagram to render.
struct Job<'a> {
    doc: &'a Doc,
    block: Block,
    stem: PathBuf,
}

/// What became of one diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Rendered,
    UpToDate,
    Failed,
}

impl Status {
    fn name(self) -> &'static str {
        match self {
            Status::Rendered => "rendered",
            Status::UpToDate => "up-to-date",
            Status::Failed => "failed",
        }
    }
}

/// The outcome of one diagram: the files, or the message to print.
struct JobResult {
    status: Status,
    outputs: Vec<PathBuf>,
    ty: String,
    /// The message to print (ends with a newline).
    error: Option<String>,
    /// An output could not be written.
    io: bool,
    ms: u64,
    /// Warnings to print (each line ends with a newline).
    notes: String,
}

impl JobResult {
    fn failed(ty: String, msg: String, io: bool) -> JobResult {
        JobResult {
            status: Status::Failed,
            outputs: Vec::new(),
            ty,
            error: Some(msg),
            io,
            ms: 0,
            notes: String::new(),
        }
    }
}

/// A progress bar on standard error, shown only when it is a terminal, not
/// with `-q`, and once the batch has taken more than a moment.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    shown: AtomicBool,
}

impl Progress {
    fn new(len: u64, quiet: bool) -> Progress {
        use std::io::IsTerminal;
        let bar = (!quiet && len > 1 && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(len),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} diagrams ({elapsed})")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            if self.started.elapsed() > Duration::from_millis(500)
                && !self.shown.swap(true, Ordering::Relaxed)
            {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The file extension of a format.
fn ext(f: Format) -> &'static str {
    match f {
        Format::Svg => ".svg",
        Format::Png => ".png",
        Format::Pdf => ".pdf",
        Format::Layout => ".layout.json",
    }
}

/// A short content hash of a diagram's source (for `--names hash`).
fn short_hash(source: &str) -> String {
    cache::hex(source.as_bytes())[..8].to_string()
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
        system_fonts: args.system_fonts,
        budgets: mermaid_render::Budgets {
            max_nodes: args.max_nodes,
            max_edges: args.max_edges,
            max_nesting: args.max_nesting,
            max_label_chars: args.max_label_chars,
            max_png_pixels: args.max_png_pixels,
        },
        css: match &args.css_file {
            Some(path) => Some(
                fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?,
            ),
            None => None,
        },
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

/// The PNG scale: `--width` divided by the SVG's width when given, else
/// `--height` divided by its height.
fn png_scale((svg_w, svg_h): (f64, f64), scale: f32, (w, h): (Option<u32>, Option<u32>)) -> f32 {
    match (w, h) {
        (Some(w), _) if svg_w > 0.0 => (w as f32 / svg_w as f32).clamp(0.001, 64.0),
        (None, Some(h)) if svg_h > 0.0 => (h as f32 / svg_h as f32).clamp(0.001, 64.0),
        _ => scale,
    }
}

/// `-o FILE.svg` / `-o FILE.png` (or `-e`): the output folder, stem and
/// format of the one output file; `None` for an output folder.
fn single_output(args: &Args) -> Result<Option<(PathBuf, PathBuf, Format)>> {
    let ext = ext_of(&args.output).to_ascii_lowercase();
    let by_ext = match ext.as_str() {
        "svg" => Some(Format::Svg),
        "png" => Some(Format::Png),
        "pdf" => Some(Format::Pdf),
        _ => None,
    };
    let Some(f) = by_ext else {
        return Ok(None);
    };
    let f = match args.output_format.as_deref() {
        Some("svg") => Format::Svg,
        Some("png") => Format::Png,
        Some("pdf") => Format::Pdf,
        _ => f,
    };
    let dir = args
        .output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let stem = PathBuf::from(args.output.file_stem().unwrap_or_default());
    Ok(Some((dir, stem, f)))
}

/// Longest file name written (bytes): the limit of ext4, XFS, Btrfs, APFS
/// and NTFS (whose 255 UTF-16 units hold at least 255 bytes of UTF-8).
const MAX_NAME: usize = 255;

/// `stem`, its file name shortened (to a prefix and 8 hex digits of the
/// whole name's hash) when the name and an `ext_len`-byte extension would
/// not fit in one file name.
fn fit_name(stem: &Path, ext_len: usize) -> PathBuf {
    let Some(name) = stem.file_name() else {
        return stem.to_path_buf();
    };
    let name = name.to_string_lossy();
    if name.len() + ext_len <= MAX_NAME {
        return stem.to_path_buf();
    }
    let keep = MAX_NAME.saturating_sub(ext_len + 9);
    let mut cut = keep.min(name.len());
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let short = format!("{}-{}", &name[..cut], &cache::hex(name.as_bytes())[..8]);
    stem.with_file_name(short)
}

fn with_suffix(stem: &Path, suffix: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Render one diagram and write its files (those whose content hash is
/// already in the manifest, with the file present, are left alone).
#[allow(clippy::too_many_arguments)]
fn render_one(
    block: &Block,
    doc: &Doc,
    stem: &Path,
    out_dir: &Path,
    formats: &[Format],
    (scale, width, height): (f32, Option<u32>, Option<u32>),
    options: &Options,
    expected: &[(PathBuf, String)],
    cache: &cache::Manifest,
) -> JobResult {
    let unknown = || {
        mermaid_render::diagram_type(&block.source)
            .ok()
            .flatten()
            .unwrap_or("unknown")
            .to_string()
    };
    let rendered = match mermaid_render::render(&block.source, options) {
        Ok(r) => r,
        Err(e @ (Error::Parse(_) | Error::Unsupported(_) | Error::Budget(_))) => {
            let p = e.as_parse().expect("a located error");
            let msg = report::parse_error(&doc.name, &doc.text, block, p);
            return JobResult::failed(unknown(), msg, false);
        }
        Err(e) => {
            let (line, _) = block.doc_position(1, 1);
            return JobResult::failed(
                unknown(),
                format!("{}:{line}:1: error: {e}\n", doc.name),
                false,
            );
        }
    };
    let ty = rendered.diagram_type.to_string();
    let notes: String = {
        let (line, _) = block.doc_position(1, 1);
        rendered
            .warnings
            .iter()
            .map(|w| format!("{}:{line}:1: warning: {w}\n", doc.name))
            .collect()
    };
    // Every format that can be made is written, even when another cannot
    // (a refused PNG leaves the diagram's SVG written); the job then fails
    // with the first message.
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut refused: Option<String> = None;
    for f in formats {
        let rel = with_suffix(stem, ext(*f));
        if expected
            .iter()
            .any(|(r, h)| *r == rel && cache.is_fresh(out_dir, r, h))
        {
            // Unchanged: leave the file (and its mtime) alone.
            continue;
        }
        let (line, _) = block.doc_position(1, 1);
        let made = match f {
            Format::Svg => Ok(rendered.svg.clone().into_bytes()),
            Format::Layout => rendered.layout_json().map(|j| j.as_bytes().to_vec()).ok_or_else(|| {
                format!(
                    "{}:{line}:1: error: `-f layout` is not available for {} diagrams (use svg or png)\n",
                    doc.name, rendered.diagram_type
                )
            }),
            Format::Pdf => rendered
                .pdf()
                .map_err(|e| format!("{}:{line}:1: error: {e}\n", doc.name)),
            Format::Png => rendered
                .png(png_scale(
                    (rendered.width, rendered.height),
                    scale,
                    (width, height),
                ))
                .map_err(|e| format!("{}:{line}:1: error: {e}\n", doc.name)),
        };
        match made {
            Ok(bytes) => outputs.push((rel, bytes)),
            Err(msg) => {
                refused.get_or_insert(msg);
            }
        }
    }
    let mut written = Vec::new();
    for (rel, bytes) in outputs {
        let path = out_dir.join(&rel);
        if let Err(e) = write_atomic(&path, &bytes) {
            let mut r = JobResult::failed(
                ty,
                format!(
                    "{}: error: cannot write {}: {e:#}\n",
                    doc.name,
                    path.display()
                ),
                true,
            );
            r.outputs = written;
            return r;
        }
        written.push(path);
    }
    if let Some(msg) = refused {
        let mut r = JobResult::failed(ty, msg, false);
        r.outputs = written;
        return r;
    }
    JobResult {
        status: Status::Rendered,
        outputs: written,
        ty,
        error: None,
        io: false,
        ms: 0,
        notes,
    }
}

/// `--fsync`: flush every written file to disk before it is renamed into
/// place. Off by default: outputs are regenerable, and a flush per file
/// stalls batches (and costs more than rendering a small diagram).
static FSYNC: AtomicBool = AtomicBool::new(false);

/// Prefix of the temporary files written beside outputs (a run removes the
/// ones older than itself, left by a killed run, from the folders it writes
/// to). The cache manifest, `.mermaid-render-cache.json`, does not match it.
pub const TEMP_PREFIX: &str = ".mermaid-render-tmp-";

/// Write through a temporary file in the same folder, then rename: readers
/// never see a half-written file, and a failure leaves the old file intact.
/// Each write gets its own temporary file (a short random name, whatever
/// the length of the output's name), so parallel workers never share one.
/// With `--fsync` the file is flushed to disk before the rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // As `File::create` would: readable by others unless the umask says no
    // (tempfile's own default is owner-only).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // The folder usually exists: try first, create it only when missing
    // (saves a mkdir and a stat per file in large batches).
    let mut tmp = match builder.tempfile_in(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            builder.tempfile_in(dir)?
        }
        r => r?,
    };
    tmp.write_all(bytes)?;
    if FSYNC.load(Ordering::Relaxed) {
        tmp.as_file().sync_all()?;
    }
    // On failure the temporary file is removed when `tmp` is dropped.
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `fs::canonicalize(path)`, with the parent folder's canonical form taken
/// from (and added to) `folders`; a path that is itself a symbolic link is
/// resolved in full.
fn canonical_cached(
    path: &Path,
    folders: &mut HashMap<PathBuf, Option<PathBuf>>,
) -> Option<PathBuf> {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return fs::canonicalize(path).ok();
    };
    if name == ".." || fs::symlink_metadata(path).ok()?.file_type().is_symlink() {
        return fs::canonicalize(path).ok();
    }
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    folders
        .entry(parent.to_path_buf())
        .or_insert_with(|| fs::canonicalize(parent).ok())
        .as_ref()
        .map(|p| p.join(name))
}

/// Whether a file name is one of this tool's temporary files: the current
/// prefix, or the `.<name>.<pid>.tmp` of earlier versions.
fn is_temp_name(name: &str) -> bool {
    if name.starts_with(TEMP_PREFIX) {
        return true;
    }
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    inner.rsplit_once('.').is_some_and(|(stem, pid)| {
        !stem.is_empty() && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Remove this tool's temporary files last modified before `started` (left
/// by a killed run) from `dir` (not its subfolders); returns how many.
fn remove_stale_temps(dir: &Path, started: std::time::SystemTime) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        if !is_temp_name(&name.to_string_lossy()) {
            continue;
        }
        let Ok(meta) = e.metadata() else { continue };
        let old = meta.modified().is_ok_and(|m| m < started);
        if meta.is_file() && old && fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Read every input into documents with their output stems.
fn collect(args: &Args, summary: &mut Summary) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    let limit = args.max_document_bytes;
    for input in args.inputs.iter().chain(&args.input) {
        if input.as_os_str() == "-" {
            let stdin = std::io::stdin();
            let bytes = match read_limited(&mut stdin.lock(), limit) {
                Ok(Some(b)) => b,
                Ok(None) => {
                    summary.io_errors += 1;
                    eprintln!("<stdin>: error: {}", over_budget(limit));
                    continue;
                }
                Err(e) => return Err(e).context("reading standard input"),
            };
            let text = text_of(bytes);
            // As mmdc: standard input is one Mermaid diagram, unless it is a
            // document that holds fenced or tagged diagrams.
            let kind = if extract::extract(&text, SourceKind::Text).is_empty() {
                SourceKind::Mermaid
            } else {
                SourceKind::Text
            };
            docs.push(Doc {
                name: "<stdin>".into(),
                kind,
                text,
                out_stem: PathBuf::from("stdin"),
                out_doc: PathBuf::from("stdin.md"),
            });
            continue;
        }
        let meta =
            fs::metadata(input).with_context(|| format!("cannot read {}", input.display()))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            let root = fs::canonicalize(input)
                .with_context(|| format!("cannot walk {}", input.display()))?;
            let mut walker = Walker {
                root: root.clone(),
                stack: vec![root.clone()],
                followed: std::collections::BTreeSet::new(),
                notes: Vec::new(),
            };
            walker
                .walk(input, &root, &mut files)
                .with_context(|| format!("cannot walk {}", input.display()))?;
            if !args.quiet {
                for n in &walker.notes {
                    eprintln!("{n}");
                }
            }
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
                read_doc(&f, limit, out_stem, rel, &mut docs, summary);
            }
        } else {
            // Named on the command line: read whatever it is (a file, a
            // FIFO, a device), within the reading budget.
            let stem = PathBuf::from(input.file_stem().unwrap_or(input.as_os_str()));
            let out_doc = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            read_doc(input, limit, stem, out_doc, &mut docs, summary);
        }
    }
    Ok(docs)
}

fn ext_of(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The message for a document over the reading budget.
fn over_budget(limit: u64) -> String {
    format!(
        "larger than the reading budget of {limit} bytes per document; not read \
         (--max-document-bytes raises the budget)"
    )
}

/// Read at most `limit` bytes: `None` when there is more.
fn read_limited(r: &mut impl Read, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Bytes as text: invalid UTF-8 replaced, a leading byte order mark dropped.
fn text_of(bytes: Vec<u8>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    text.strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text)
}

fn read_doc(
    path: &Path,
    limit: u64,
    out_stem: PathBuf,
    out_doc: PathBuf,
    docs: &mut Vec<Doc>,
    summary: &mut Summary,
) {
    let read = fs::File::open(path).and_then(|mut f| {
        // A regular file's size is known: refuse it without reading.
        if f.metadata().is_ok_and(|m| m.is_file() && m.len() > limit) {
            return Ok(None);
        }
        read_limited(&mut f, limit)
    });
    match read {
        Ok(Some(bytes)) => docs.push(Doc {
            name: path.display().to_string(),
            kind: SourceKind::from_path(path),
            text: text_of(bytes),
            out_stem,
            out_doc,
        }),
        Ok(None) => {
            summary.io_errors += 1;
            eprintln!("{}: error: {}", path.display(), over_budget(limit));
        }
        Err(e) => {
            summary.io_errors += 1;
            eprintln!("{}: error: cannot read: {e}", path.display());
        }
    }
}

/// A folder walk: regular files with a walked extension, in sorted order
/// (by path). Symbolic links are followed when they point inside the
/// folder named on the command line (`root`), except a link to a folder
/// being walked (a loop) or to one already walked through another link;
/// the others are skipped with a note.
struct Walker {
    /// The walked folder, canonical.
    root: PathBuf,
    /// Canonical folders being walked, outermost first.
    stack: Vec<PathBuf>,
    /// Canonical folders entered through a link.
    followed: std::collections::BTreeSet<PathBuf>,
    notes: Vec<String>,
}

impl Walker {
    /// Walk `dir` (whose canonical path is `canon`).
    fn walk(&mut self, dir: &Path, canon: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for p in entries {
            let name = p.file_name().unwrap_or_default().to_owned();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let walked = WALKED.contains(&ext_of(&p).to_ascii_lowercase().as_str());
            let ft = fs::symlink_metadata(&p)?.file_type();
            if ft.is_dir() {
                let sub = canon.join(&name);
                self.stack.push(sub.clone());
                let r = self.walk(&p, &sub, out);
                self.stack.pop();
                r?;
            } else if ft.is_file() {
                if walked {
                    out.push(p);
                }
            } else if ft.is_symlink() {
                self.link(&p, walked, out)?;
            }
        }
        Ok(())
    }

    /// A symbolic link met in the walk.
    fn link(&mut self, p: &Path, walked: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let note = |what: &str| format!("{}: note: symbolic link {what}; skipped", p.display());
        let target = match fs::canonicalize(p) {
            Ok(t) => t,
            Err(_) => {
                self.notes.push(note("to nothing (broken, or a loop)"));
                return Ok(());
            }
        };
        let Ok(meta) = fs::metadata(&target) else {
            self.notes.push(note("to nothing"));
            return Ok(());
        };
        if !meta.is_dir() && !walked {
            return Ok(());
        }
        if !target.starts_with(&self.root) {
            self.notes.push(note(&format!(
                "to {} outside the walked folder (name it on the command line to read it)",
                target.display()
            )));
        } else if meta.is_dir() {
            if self.stack.contains(&target) {
                self.notes.push(note(&format!(
                    "to {}, a folder that holds it (a loop)",
                    target.display()
                )));
            } else if !self.followed.insert(target.clone()) {
                self.notes.push(note(&format!(
                    "to {}, already walked through another link",
                    target.display()
                )));
            } else {
                self.stack.push(target.clone());
                let r = self.walk(p, &target, out);
                self.stack.pop();
                r?;
            }
        } else if meta.is_file() {
            out.push(p.to_path_buf());
        } else {
            self.notes
                .push(note("to something that is not a regular file"));
        }
        Ok(())
    }
}
