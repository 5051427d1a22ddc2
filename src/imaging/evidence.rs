//! Images as evidence, in one call: for each image of a photo, what it is
//! (dimensions, format, size), what it says about itself (embedded metadata
//! and where that disagrees with itself), its perceptual hash, or why it
//! could not be read; then which images are the same photo, with distances.
//!
//! Slow (it decodes every image): the report and the GUI call it on a
//! background thread. Images are examined in parallel (rayon).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use image::ImageFormat;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::container::undecoded_format;
use super::hash::{
    HASH_INPUT_SIDE, PhotoHash, SAME_PHOTO_MAX_DISTANCE, hash_image, same_photo_groups,
};
use super::metadata::{EmbeddedMetadata, Field, MetadataField, internal_conflicts, read_embedded};
use super::orientation::decode_upright;
use super::preview::{DecodeLimits, Thumbnail, read_image_file, shrink_decoded};
use crate::corpus::{Problem, ProblemKind, ProblemSeverity};

/// Pairs further apart than this are not listed (they are plainly different).
pub const LISTED_MAX_DISTANCE: u32 = 2 * SAME_PHOTO_MAX_DISTANCE;

/// Everything learnt from a photo's images.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageEvidence {
    /// One per image, in the order given.
    pub images: Vec<ImageReport>,
    /// Pairs of images within `LISTED_MAX_DISTANCE` or the same photo (a
    /// crop matched by its segments may be further apart), with their verdict,
    /// in order of the first image then the second.
    pub matches: Vec<ImageMatch>,
    /// Same-photo groups (paths as given), ordered by first appearance, in
    /// which every two images are the same photo (no chains); images that
    /// could not be hashed are in no group.
    pub groups: Vec<Vec<PathBuf>>,
    /// Each image's hash (None: it could not be decoded), in image order,
    /// for distances to any image without going through `matches`.
    #[serde(skip)]
    pub hashes: Vec<Option<PhotoHash>>,
}

/// One image file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageReport {
    /// As given (relative to the root).
    pub path: PathBuf,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// "JPEG", "PNG", "TIFF", "WebP", ...
    pub format: Option<String>,
    pub file_size: Option<u64>,
    pub metadata: EmbeddedMetadata,
    /// Fields the image gives different values in different standards.
    pub conflicts: Vec<MetadataConflict>,
    /// Perceptual hash, base64.
    pub hash: Option<String>,
    /// Why the image could not be read or decoded.
    pub problem: Option<String>,
    /// A format whose metadata is read but whose pixels this app does not
    /// decode (HEIC/HEIF, AVIF, PSD): `problem` says there is no preview.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undecoded: bool,
}

/// One field one image disagrees with itself on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataConflict {
    pub field: Field,
    pub values: Vec<MetadataField>,
}

/// The verdict on a pair of images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchVerdict {
    SamePhoto,
    Different,
}

/// Two images compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageMatch {
    pub a: PathBuf,
    pub b: PathBuf,
    /// Hash bits that differ.
    pub distance: u32,
    pub verdict: MatchVerdict,
}

impl ImageEvidence {
    /// Images that could not be read, as corpus problems.
    pub fn problems(&self) -> Vec<Problem> {
        self.images
            .iter()
            .filter_map(|image| {
                // A format whose metadata is read but whose pixels are not
                // decoded loaded as far as it can: a warning, not an error.
                let (severity, kind) = if image.undecoded {
                    (ProblemSeverity::Warning, ProblemKind::UnsupportedImage)
                } else {
                    (ProblemSeverity::Error, ProblemKind::BadImage)
                };
                image.problem.as_ref().map(|reason| Problem {
                    path: image.path.clone(),
                    reason: reason.clone(),
                    line: None,
                    severity,
                    kind,
                })
            })
            .collect()
    }
}

fn format_name(format: ImageFormat) -> String {
    match format {
        ImageFormat::Jpeg => "JPEG".to_string(),
        ImageFormat::Png => "PNG".to_string(),
        ImageFormat::Tiff => "TIFF".to_string(),
        ImageFormat::WebP => "WebP".to_string(),
        ImageFormat::Gif => "GIF".to_string(),
        ImageFormat::Bmp => "BMP".to_string(),
        other => format!("{other:?}"),
    }
}

/// One image examined: its report, hash, and thumbnail when asked for.
type Examined = (ImageReport, Option<PhotoHash>, Option<Thumbnail>);

fn examine_one(root: &Path, relative: &Path, thumbnail_side: Option<u32>) -> Examined {
    let mut report = ImageReport {
        path: relative.to_path_buf(),
        ..ImageReport::default()
    };
    let bytes = match read_image_file(&root.join(relative)) {
        Ok(bytes) => bytes,
        Err(error) => {
            report.problem = Some(error.to_string());
            return (report, None, None);
        }
    };
    report.file_size = u64::try_from(bytes.len()).ok();
    report.metadata = read_embedded(&bytes);
    report.conflicts = internal_conflicts(&report.metadata)
        .into_iter()
        .map(|(field, values)| MetadataConflict { field, values })
        .collect();
    let needed = HASH_INPUT_SIDE.max(thumbnail_side.unwrap_or(0));
    match decode_upright(&bytes, needed, DecodeLimits::default()) {
        Ok(decoded) => {
            report.width = Some(decoded.source_width);
            report.height = Some(decoded.source_height);
            report.format = Some(format_name(decoded.format));
            let hash = hash_image(&decoded.image);
            report.hash = Some(hash.to_base64());
            let thumbnail = thumbnail_side.map(|side| shrink_decoded(&decoded, side));
            (report, Some(hash), thumbnail)
        }
        Err(error) => {
            let undecoded = undecoded_format(&bytes);
            report.undecoded = undecoded.is_some();
            report.format = undecoded
                .map(str::to_string)
                .or_else(|| ImageFormat::from_path(relative).ok().map(format_name));
            report.problem = Some(error.to_string());
            (report, None, None)
        }
    }
}

/// What one file says about itself, without decoding its pixels: the
/// embedded metadata and where it disagrees with itself. Cheap (one read),
/// for the image the user is looking at while the photo's other images are
/// still being examined.
pub fn read_image_metadata(
    path: &Path,
) -> Result<(EmbeddedMetadata, Vec<MetadataConflict>), String> {
    let bytes = read_image_file(path).map_err(|e| e.to_string())?;
    let metadata = read_embedded(&bytes);
    let conflicts = internal_conflicts(&metadata)
        .into_iter()
        .map(|(field, values)| MetadataConflict { field, values })
        .collect();
    Ok((metadata, conflicts))
}

/// Examines `images` (paths relative to `root`).
pub fn examine_images(root: &Path, images: &[PathBuf]) -> ImageEvidence {
    examine_images_until(root, images, &AtomicBool::new(false)).unwrap_or_default()
}

/// Like [`examine_images`], giving up (None) once `cancel` is set: the user
/// moved on to another photo before its thousand images were examined.
pub fn examine_images_until(
    root: &Path,
    images: &[PathBuf],
    cancel: &AtomicBool,
) -> Option<ImageEvidence> {
    examine(root, images, None, cancel).map(|(evidence, _)| evidence)
}

/// Like [`examine_images`], with a thumbnail of at most `side` px for each
/// image that decodes (None for the others), from the same decode.
pub fn examine_images_with_thumbnails(
    root: &Path,
    images: &[PathBuf],
    side: u32,
) -> (ImageEvidence, Vec<Option<Thumbnail>>) {
    examine(root, images, Some(side), &AtomicBool::new(false)).unwrap_or_default()
}

fn examine(
    root: &Path,
    images: &[PathBuf],
    thumbnail_side: Option<u32>,
    cancel: &AtomicBool,
) -> Option<(ImageEvidence, Vec<Option<Thumbnail>>)> {
    let examined: Option<Vec<Examined>> = images
        .par_iter()
        .map(|relative| {
            (!cancel.load(Ordering::Relaxed)).then(|| examine_one(root, relative, thumbnail_side))
        })
        .collect();
    let mut reports = Vec::with_capacity(images.len());
    let mut hashes = Vec::with_capacity(images.len());
    let mut thumbnails = Vec::with_capacity(images.len());
    for (report, hash, thumbnail) in examined? {
        reports.push(report);
        hashes.push(hash);
        thumbnails.push(thumbnail);
    }
    let mut matches = Vec::new();
    for (i, (report_a, hash_a)) in reports.iter().zip(&hashes).enumerate() {
        for (report_b, hash_b) in reports.iter().zip(&hashes).skip(i + 1) {
            let (Some(a), Some(b)) = (hash_a, hash_b) else {
                continue;
            };
            let distance = a.distance(b);
            let same = a.same_photo(b);
            if distance > LISTED_MAX_DISTANCE && !same {
                continue;
            }
            matches.push(ImageMatch {
                a: report_a.path.clone(),
                b: report_b.path.clone(),
                distance,
                verdict: if same {
                    MatchVerdict::SamePhoto
                } else {
                    MatchVerdict::Different
                },
            });
        }
    }
    let groups = same_photo_groups(&hashes)
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .filter_map(|i| reports.get(i).map(|r| r.path.clone()))
                .collect()
        })
        .collect();
    let evidence = ImageEvidence {
        images: reports,
        matches,
        groups,
        hashes,
    };
    Some((evidence, thumbnails))
}
