//! Measures the preview path on a folder of large JPEGs (not committed, not
//! part of `cargo test`):
//!
//! ```text
//! /usr/bin/time -v cargo run --release --example gen_big_jpegs -- 1000
//! ```
//!
//! Encodes one 6000x4000 JPEG into a temporary folder, then gives it COUNT
//! names there (hard links, to spare the disk: every file is still read and
//! decoded in full, though the page cache makes the reading cheap), and asks
//! a `PreviewLoader` with two threads for a 256 px thumbnail of each. Prints
//! the time to the first thumbnail and to the last; peak memory comes from
//! `/usr/bin/time -v`.

use std::time::Instant;

use anyhow::{Context, Result};
use caption_provenance::imaging::loader::PreviewLoader;
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

fn main() -> Result<()> {
    let count: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()
        .context("COUNT must be a number")?
        .unwrap_or(1000);
    let dir = tempfile::tempdir()?;
    let started = Instant::now();
    let picture = RgbImage::from_fn(6000, 4000, |x, y| {
        let [r, g, b] = [x / 24, y / 16, (x ^ y) % 251].map(|v| u8::try_from(v % 256).unwrap_or(0));
        Rgb([r, g, b])
    });
    let first = dir.path().join("big-0000.jpg");
    let mut bytes = Vec::new();
    picture.write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 85))?;
    drop(picture);
    std::fs::write(&first, &bytes)?;
    for i in 1..count {
        std::fs::hard_link(&first, dir.path().join(format!("big-{i:04}.jpg")))?;
    }
    println!(
        "generated {count} JPEGs of 6000x4000 ({} bytes each) in {:.1?}",
        bytes.len(),
        started.elapsed()
    );

    let loader = PreviewLoader::new(2, 64 * 1024 * 1024);
    let started = Instant::now();
    for i in 0..count {
        loader.request(&dir.path().join(format!("big-{i:04}.jpg")), 256, 1);
    }
    let mut first_at = None;
    let mut failed = 0usize;
    for _ in 0..count {
        let result = loader.recv().context("the loader stopped")?;
        first_at.get_or_insert_with(|| started.elapsed());
        if result.thumbnail.is_err() {
            failed += 1;
        }
    }
    println!(
        "first thumbnail after {:.2?}; all {count} after {:.1?}; {failed} failed; cache holds {} bytes",
        first_at.unwrap_or_default(),
        started.elapsed(),
        loader.cached_bytes()
    );
    Ok(())
}
