//! `mermaid-render mdbook`: an mdBook preprocessor. `supports <renderer>`
//! exits 0; otherwise read `[context, book]` as JSON on standard input,
//! replace every Mermaid fence of every chapter by its inline SVG, and write
//! the book as JSON on standard output.

use super::rewrite;
use mermaid_render::extract::{self, SourceKind};
use mermaid_render::Options;
use serde_json::Value;
use std::io::Read;
use std::process::ExitCode;

pub fn main(args: &[String]) -> ExitCode {
    if args.first().map(String::as_str) == Some("supports") {
        return ExitCode::SUCCESS;
    }
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("mdbook: error: reading standard input: {e}");
        return ExitCode::from(2);
    }
    let mut v: Value = match serde_json::from_str(&input) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("mdbook: error: the input is not mdBook's [context, book] JSON: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(book) = v.get_mut(1) else {
        eprintln!("mdbook: error: the input is not mdBook's [context, book] JSON");
        return ExitCode::from(2);
    };
    let mut counter = 0;
    for key in ["sections", "items"] {
        if let Some(Value::Array(items)) = book.get_mut(key) {
            for item in items {
                chapter(item, &mut counter);
            }
        }
    }
    match serde_json::to_string(book) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mdbook: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Replace the diagrams of one book item (a chapter and its sub-items).
fn chapter(item: &mut Value, counter: &mut usize) {
    let Some(ch) = item.get_mut("Chapter") else {
        return;
    };
    let name = ch
        .get("source_path")
        .or_else(|| ch.get("path"))
        .and_then(Value::as_str)
        .or_else(|| ch.get("name").and_then(Value::as_str))
        .unwrap_or("chapter")
        .to_string();
    if let Some(Value::String(content)) = ch.get_mut("content") {
        let blocks = extract::extract(content, SourceKind::Markdown);
        let mut with = Vec::new();
        for b in &blocks {
            *counter += 1;
            let options = Options {
                svg_id: format!("mermaid-{counter}"),
                ..Options::default()
            };
            match mermaid_render::render(&b.source, &options) {
                Ok(r) => {
                    let svg = r.svg.trim_start();
                    let svg = match svg.strip_prefix("<?xml") {
                        Some(rest) => rest.split_once("?>").map_or(rest, |(_, s)| s),
                        None => svg,
                    };
                    let one_line = svg.trim().replace("\r\n", " ").replace('\n', " ");
                    with.push((b, format!("<div class=\"mermaid-render\">{one_line}</div>")));
                }
                Err(e) => {
                    let (line, col) = e
                        .as_parse()
                        .map(|p| b.doc_position(p.span.line.max(1), p.span.col.max(1)))
                        .unwrap_or_else(|| b.doc_position(1, 1));
                    eprintln!("{name}:{line}:{col}: error: {e}");
                }
            }
        }
        if !with.is_empty() {
            *content = rewrite::replace_blocks(content, &with, false);
        }
    }
    if let Some(Value::Array(subs)) = ch.get_mut("sub_items") {
        for s in subs {
            chapter(s, counter);
        }
    }
}
