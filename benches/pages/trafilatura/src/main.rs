//! Runs rs-trafilatura over a folder of saved pages and prints
//! `{id: {"articleBody": text}}`, the benchmark's prediction format.
use std::collections::BTreeMap;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut out = BTreeMap::new();
    let entries = std::fs::read_dir(&dir).map(|d| d.flatten().collect::<Vec<_>>()).unwrap_or_default();
    for entry in entries {
        let path = entry.path();
        let html = std::fs::read_to_string(&path).unwrap_or_default();
        let text = rs_trafilatura::extract(&html).map(|r| r.content_text).unwrap_or_default();
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        out.insert(id, serde_json::json!({"articleBody": text}));
    }
    println!("{}", serde_json::to_string(&out).unwrap_or_default());
}
