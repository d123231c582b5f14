//! The output cache: a content hash per output file (of the diagram source,
//! the effective options and the tool version), kept in a small manifest in
//! the output folder, so that unchanged outputs are neither rendered nor
//! rewritten.

use super::batch::write_atomic;
use anyhow::Result;
use mermaid_render::Options;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Name of the manifest in the output folder.
pub const MANIFEST: &str = ".mermaid-render-cache.json";

/// Output path (relative to the output folder, `/`-separated) → hash.
#[derive(Debug, Default)]
pub struct Manifest {
    outputs: BTreeMap<String, String>,
}

fn key_of(rel: &Path) -> String {
    rel.to_string_lossy().replace('\\', "/")
}

impl Manifest {
    /// The manifest of `out_dir` (empty when missing or unreadable).
    pub fn load(out_dir: &Path) -> Manifest {
        let mut m = Manifest::default();
        let Ok(text) = fs::read_to_string(out_dir.join(MANIFEST)) else {
            return m;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            return m;
        };
        if let Some(obj) = v.get("outputs").and_then(|o| o.as_object()) {
            for (k, h) in obj {
                if let Some(h) = h.as_str() {
                    m.outputs.insert(k.clone(), h.to_string());
                }
            }
        }
        m
    }

    /// Whether the output exists and was written from the same inputs.
    pub fn is_fresh(&self, out_dir: &Path, rel: &Path, hash: &str) -> bool {
        self.outputs.get(&key_of(rel)).is_some_and(|h| h == hash) && out_dir.join(rel).is_file()
    }

    pub fn set(&mut self, rel: &Path, hash: &str) {
        self.outputs.insert(key_of(rel), hash.to_string());
    }

    pub fn remove(&mut self, rel: &Path) {
        self.outputs.remove(&key_of(rel));
    }

    /// Write the manifest atomically.
    pub fn save(&self, out_dir: &Path) -> Result<()> {
        let v = serde_json::json!({
            "tool": concat!("mermaid-render ", env!("CARGO_PKG_VERSION")),
            "outputs": self.outputs,
        });
        let text = serde_json::to_string_pretty(&v)?;
        write_atomic(&out_dir.join(MANIFEST), format!("{text}\n").as_bytes())
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hash of everything one diagram's outputs depend on.
pub fn job_key(
    source: &str,
    options: &Options,
    (scale, width, height): (f32, Option<u32>, Option<u32>),
) -> String {
    let mut h = Sha256::new();
    h.update(tool_id().as_bytes());
    h.update([0]);
    h.update(format!("{options:?}").as_bytes());
    h.update([0]);
    h.update(format!("{scale:?} {width:?} {height:?}").as_bytes());
    h.update([0]);
    h.update(source.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The tool's version and its build (the executable's size and mtime), so
/// that a rebuilt renderer never trusts outputs of an older build.
fn tool_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let build = std::env::current_exe()
            .and_then(fs::metadata)
            .map(|m| {
                let t = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{} {t}", m.len())
            })
            .unwrap_or_default();
        format!("mermaid-render {} {build}", env!("CARGO_PKG_VERSION"))
    })
    .clone()
}

/// The hash of one output (the job's key and the output's extension).
pub fn output_hash(key: &str, ext: &str) -> String {
    hex(format!("{key}{ext}").as_bytes())
}
