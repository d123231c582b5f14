//! Helpers shared by the tests that run the `mermaid-render` binary on
//! temporary folders (`tests/cli.rs`, `tests/robust.rs`).
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mermaid-render"))
}

/// A fresh temporary folder, removed when dropped.
pub struct Tmp(PathBuf);

impl Tmp {
    /// `<temp>/mermaid-render-<suite>-<pid>-<name>`.
    pub fn new(suite: &str, name: &str) -> Tmp {
        let p = std::env::temp_dir().join(format!(
            "mermaid-render-{suite}-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(&p).unwrap();
        Tmp(p)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
    /// A path inside the folder, as a string argument.
    pub fn s(&self, rel: &str) -> String {
        self.0.join(rel).to_str().unwrap().to_string()
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run mermaid-render")
}

/// Run with `input` on standard input.
pub fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run mermaid-render");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` for which `keep` holds, relative (with `/`),
/// sorted; empty when `dir` does not exist.
pub fn walk_files(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, keep, out);
            } else if keep(&p) {
                out.push(
                    p.strip_prefix(base)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    let mut v = Vec::new();
    if dir.exists() {
        walk(dir, dir, keep, &mut v);
    }
    v.sort();
    v
}
