//! Measures the window's image path on a folder of large JPEGs (not part of
//! `cargo test`; nothing it writes is committed):
//!
//! ```text
//! cargo run --release --example preview_scale -- [COUNT] [FOLDER]
//! ```
//!
//! Writes COUNT (default 1000) distinct 6000x4000 JPEG files into FOLDER
//! (default: a temporary folder, removed afterwards): four different
//! pictures, each file made distinct by a comment segment. Then does what
//! the window does when the folder is opened: loads the folder (every file
//! is read, for embedded captions), asks the preview pool for the large
//! preview of the first image and the list thumbnails of the first rows,
//! and examines every image (metadata, hash, same-photo groups) in the
//! background. Prints the time to the first thumbnail, to the examination's
//! end, and the peak memory (VmHWM) of the process.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use caption_provenance::corpus::load::load_folder;
use caption_provenance::imaging::container::insert_jpeg_segments;
use caption_provenance::imaging::evidence::examine_images_until;
use caption_provenance::imaging::loader::{DEFAULT_CACHE_BYTES, PreviewLoader};
use caption_provenance::ui::preview::{LARGE_SIDE, ROW_SIDE};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

/// Rows of the other-images list visible in a 800 px high window.
const VISIBLE_ROWS: usize = 6;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()
        .context("COUNT must be a number")?
        .unwrap_or(1000);
    let temporary = tempfile::tempdir()?;
    let folder = args
        .next()
        .map_or_else(|| temporary.path().to_path_buf(), Into::into);
    std::fs::create_dir_all(&folder)?;
    let bytes = write_folder(&folder, count)?;
    println!(
        "{count} JPEGs of 6000x4000 in {} ({:.1} GB)",
        folder.display(),
        bytes as f64 / 1e9
    );

    let started = Instant::now();
    let corpus = load_folder(&folder, &|_| {}, &AtomicBool::new(false))?;
    let loaded_at = started.elapsed();
    let Some(photo) = corpus.photos.first() else {
        bail!("the folder loaded as no photo");
    };
    println!(
        "load_folder: {} photo(s), {} images, {} problems, in {loaded_at:.2?}",
        corpus.photos.len(),
        photo.images.len(),
        corpus.problems.len()
    );

    let loader = PreviewLoader::new(2, DEFAULT_CACHE_BYTES);
    let images: Vec<_> = photo.images.iter().map(|i| corpus.root.join(i)).collect();
    let mut wanted = 0;
    if let Some(first) = images.first() {
        loader.request(first, LARGE_SIDE, 1);
        wanted += 1;
    }
    for image in images.iter().skip(1).take(VISIBLE_ROWS) {
        loader.request(image, ROW_SIDE, 1);
        wanted += 1;
    }
    let examination = std::thread::spawn({
        let root = corpus.root.clone();
        let images = photo.images.clone();
        move || {
            let started = Instant::now();
            let evidence = examine_images_until(&root, &images, &AtomicBool::new(false));
            (evidence, started.elapsed())
        }
    });
    let mut first_at: Option<Duration> = None;
    let mut large_at: Option<Duration> = None;
    for _ in 0..wanted {
        let result = loader.recv().context("the preview pool stopped")?;
        let at = started.elapsed();
        first_at.get_or_insert(at);
        if result.max_side == LARGE_SIDE {
            large_at = Some(at);
        }
        result.thumbnail.map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let rows_at = started.elapsed();
    let (evidence, examined_in) = examination
        .join()
        .map_err(|_| anyhow::anyhow!("the examination panicked"))?;
    let evidence = evidence.context("the examination was cancelled")?;
    let hashed = evidence.hashes.iter().filter(|h| h.is_some()).count();
    println!(
        "first thumbnail {:.2?} after opening; large preview {:.2?}; {} visible rows {rows_at:.2?}",
        first_at.unwrap_or_default(),
        large_at.unwrap_or_default(),
        VISIBLE_ROWS
    );
    println!(
        "examined {} images ({hashed} hashed, {} same-photo groups) in {examined_in:.1?}; total {:.1?}",
        evidence.images.len(),
        evidence.groups.len(),
        started.elapsed()
    );
    println!(
        "preview cache {:.1} MB; peak memory (VmHWM) {}",
        loader.cached_bytes() as f64 / 1e6,
        peak_memory().unwrap_or_else(|| "unknown".to_owned())
    );
    Ok(())
}

/// Writes the folder; returns the bytes written.
fn write_folder(folder: &Path, count: usize) -> Result<u64> {
    let pictures: Vec<Vec<u8>> = (0..4).map(picture).collect::<Result<_>>()?;
    let mut written = 0u64;
    for i in 0..count {
        let base = pictures.get(i % pictures.len()).context("no picture")?;
        let comment = format!("preview_scale file {i}");
        let mut segment = vec![0xFF, 0xFE];
        segment.extend_from_slice(&u16::try_from(comment.len() + 2)?.to_be_bytes());
        segment.extend_from_slice(comment.as_bytes());
        let bytes = insert_jpeg_segments(base, &[segment]).context("not a JPEG")?;
        written += bytes.len() as u64;
        std::fs::write(folder.join(format!("big-{i:04}.jpg")), bytes)?;
    }
    Ok(written)
}

/// A 6000x4000 photo-like picture: soft gradients, a few shapes, grain.
fn picture(seed: u32) -> Result<Vec<u8>> {
    let image = RgbImage::from_fn(6000, 4000, |x, y| {
        let grain = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(31)) % 7;
        let disc = {
            let (cx, cy) = (1500 + seed * 900, 1800 + seed * 300);
            let (dx, dy) = (x.abs_diff(cx), y.abs_diff(cy));
            dx * dx + dy * dy < 900 * 900
        };
        let r = (x / 30 + seed * 40 + grain) % 256;
        let g = if disc {
            200 + grain
        } else {
            (y / 20 + grain) % 256
        };
        let b = ((x + y) / 50 + seed * 60) % 256;
        Rgb([r, g, b].map(|v| u8::try_from(v.min(255)).unwrap_or(255)))
    });
    let mut bytes = Vec::new();
    image.write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 85))?;
    Ok(bytes)
}

fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
}
