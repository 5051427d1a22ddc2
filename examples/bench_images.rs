//! Times reading the embedded metadata, or the perceptual hashes, of every
//! JPEG in a folder, one file after another on one thread (as `exiftool` and
//! a plain Python loop do):
//!
//! ```text
//! cargo run --release --example bench_images -- metadata DIR
//! cargo run --release --example bench_images -- hash DIR
//! cargo run --release --example bench_images -- examine DIR
//! ```
//!
//! `examine` is what the window and the report do with a photo's images:
//! metadata, size and hash of every image, on every core (rayon).
//!
//! Prints the file count, the total time, and how many files gave a caption
//! (metadata) or a hash (hash).

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use caption_provenance::imaging::evidence::examine_images;
use caption_provenance::imaging::hash::hash_file;
use caption_provenance::imaging::metadata::{Field, read_embedded};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: bench_images metadata|hash|examine DIR";
    let what = args.next().context(usage)?;
    let dir = PathBuf::from(args.next().context(usage)?);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jpg"))
        .collect();
    files.sort();
    let started = Instant::now();
    let ok = match what.as_str() {
        "metadata" => files
            .iter()
            .filter(|path| {
                std::fs::read(path)
                    .map(|bytes| read_embedded(&bytes).get(Field::Caption).is_some())
                    .unwrap_or(false)
            })
            .count(),
        "hash" => files.iter().filter(|path| hash_file(path).is_ok()).count(),
        "examine" => examine_images(&dir, &relative(&dir, &files))
            .hashes
            .iter()
            .filter(|hash| hash.is_some())
            .count(),
        _ => bail!("{usage}"),
    };
    let elapsed = started.elapsed();
    println!(
        "{what}: {} files in {:.4} s ({:.3} ms per file); {ok} gave a {}",
        files.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e3 / files.len().max(1) as f64,
        if what == "metadata" {
            "caption"
        } else {
            "hash"
        }
    );
    Ok(())
}

fn relative(dir: &Path, files: &[PathBuf]) -> Vec<PathBuf> {
    files
        .iter()
        .filter_map(|f| f.strip_prefix(dir).ok().map(Path::to_path_buf))
        .collect()
}
