//! Loads a folder of saved web pages through the real loader (as the window
//! and `check` do) and prints, as one JSON object keyed by the page's file
//! stem, what was read from each: the caption, why it was chosen, the
//! headline and the article text (`articleBody`, the key the
//! article-extraction benchmark's `evaluate.py` reads), and the problems of
//! pages that were refused.
//!
//! ```text
//! cargo run --release --example page_bench -- DIR > out.json
//! ```
//!
//! `benches/pages/run.sh` runs it over the benchmark's pages and scores it.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use caption_provenance::corpus::load::load_folder;
use serde_json::{Map, Value, json};

fn main() -> Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .context("usage: page_bench DIR (a folder of .html pages)")?,
    );
    let corpus = load_folder(&dir, &|_| {}, &AtomicBool::new(false))?;
    let mut pages = Map::new();
    for variant in corpus.photos.iter().flat_map(|photo| &photo.variants) {
        pages.insert(
            stem(&variant.source.file),
            json!({
                "caption": variant.caption.original,
                "why": variant.source.caption_choice,
                "headline": variant.headline.as_ref().map(|h| h.original.clone()),
                "articleBody": variant.article.as_ref().map_or("", |a| a.original.as_str()),
                "refused": false,
            }),
        );
    }
    for problem in &corpus.problems {
        let key = stem(&problem.path);
        let refused = !pages.contains_key(&key);
        let entry = pages.entry(key).or_insert_with(|| {
            json!({"caption": "", "why": null, "headline": null, "articleBody": "", "refused": refused})
        });
        if let Some(entry) = entry.as_object_mut() {
            let problems = entry
                .entry("problems")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Some(list) = problems.as_array_mut() {
                list.push(Value::String(problem.reason.clone()));
            }
        }
    }
    println!("{}", serde_json::to_string_pretty(&Value::Object(pages))?);
    Ok(())
}

/// The page's id: its file name without `.html`.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
