//! Synthetic captions folders at scale, for benchmarks and tests (see
//! `examples/make_scale_folder.rs` and `BENCHMARKS.md`).
//!
//! [`write_scale_folder`] writes, under one output folder:
//! - `photos/`: N photo folders in the loader's format, each with a
//!   `photo.toml` (reference facts: six players, their countries and medals,
//!   event, venue, date, credit, device, who took the selfie) and K caption
//!   files mixing `.txt`, `.json`, `.toml` and `.html`. Captions use varied
//!   names (Korean, Chinese, Japanese and Latin names, several romanisations
//!   and name orders), medals, countries, credits and dates;
//! - `answers.json`: every planted error (swapped medals, misspelt names,
//!   wrong credits) with the conflict keys the analysis must report for it;
//! - `jpegs/`: M JPEGs with IPTC captions, for the metadata and hash benches.
//!
//! Everything is deterministic for a seed. Open `photos/` (not the output
//! folder itself: `answers.json` would read as a caption file).

mod captions;
mod files;
mod names;
mod rng;

use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use captions::{ErrorKind, Planted};
use captions::{PhotoPlan, VariantPlan};
use rng::Rng;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleOptions {
    pub photos: usize,
    pub variants: usize,
    pub jpegs: usize,
    pub jpeg_width: u32,
    pub jpeg_height: u32,
    pub seed: u64,
    /// The chance that a variant (other than a photo's first) has a planted error.
    pub error_share: f64,
}

impl Default for ScaleOptions {
    fn default() -> Self {
        ScaleOptions {
            photos: 10_000,
            variants: 6,
            jpegs: 1_000,
            jpeg_width: 3000,
            jpeg_height: 2000,
            seed: 7,
            error_share: 0.05,
        }
    }
}

/// One planted error and what the analysis must say about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlantedError {
    /// The photo's id as the loader gives it (its folder under `photos/`).
    pub photo: String,
    /// The variant's file, relative to `photos/`.
    pub variant: String,
    pub kind: ErrorKind,
    /// The conflict keys this error causes ("Lim Jong-hoon/medal",
    /// "photo/credit"); empty for a misspelt name, which the analysis does
    /// not report (it has no name attribute: the misspelling is no mention).
    pub expected_conflicts: Vec<String>,
}

/// The answer file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub seed: u64,
    pub photos: usize,
    pub variants_per_photo: usize,
    pub error_share: f64,
    pub jpegs: usize,
    /// Every planted error, by photo then variant.
    pub planted: Vec<PlantedError>,
}

impl Answers {
    /// The conflict keys expected for a photo, sorted, without duplicates.
    pub fn expected_keys(&self, photo: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .planted
            .iter()
            .filter(|p| p.photo == photo)
            .flat_map(|p| p.expected_conflicts.iter().cloned())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

/// The id of photo `n`.
pub fn photo_id(n: usize) -> String {
    format!("photo-{n:05}")
}

/// The plan of photo `n`: its facts and its variants.
fn plan(options: &ScaleOptions, n: usize) -> (PhotoPlan, Vec<VariantPlan>) {
    let mut rng = Rng::for_item(options.seed, n as u64);
    let photo = PhotoPlan::new(&mut rng);
    let variants = (0..options.variants)
        .map(|v| photo.variant(v, &mut rng, options.error_share))
        .collect();
    (photo, variants)
}

/// Writes the folder (see the module docs) and returns the answers it also
/// wrote to `answers.json`.
pub fn write_scale_folder(out: &Path, options: &ScaleOptions) -> std::io::Result<Answers> {
    let photos_dir = out.join("photos");
    std::fs::create_dir_all(&photos_dir)?;
    let planted: Vec<Vec<PlantedError>> = (0..options.photos)
        .into_par_iter()
        .map(|n| {
            let (photo, variants) = plan(options, n);
            files::write_photo(&photos_dir, &photo_id(n), &photo, &variants)
        })
        .collect::<std::io::Result<_>>()?;
    let answers = Answers {
        seed: options.seed,
        photos: options.photos,
        variants_per_photo: options.variants,
        error_share: options.error_share,
        jpegs: options.jpegs,
        planted: planted.into_iter().flatten().collect(),
    };
    let json = serde_json::to_string_pretty(&answers).map_err(std::io::Error::other)?;
    std::fs::write(out.join("answers.json"), json)?;
    if options.jpegs > 0 {
        let jpegs_dir = out.join("jpegs");
        std::fs::create_dir_all(&jpegs_dir)?;
        files::write_jpegs(&jpegs_dir, options, |i| {
            plan(options, i % options.photos.max(1))
        })?;
    }
    Ok(answers)
}
