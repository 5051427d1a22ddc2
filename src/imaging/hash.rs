//! "Are these two files the same photo?": perceptual hashes and grouping.
//!
//! Each image is decoded through the preview path (within limits), shrunk,
//! and hashed with `image_hasher`; two images whose hashes differ in at most
//! `SAME_PHOTO_MAX_DISTANCE` bits are the same photo, and groups are the
//! connected components of that relation. The settings are tuned on the
//! stand-ins: resized, recompressed, moderately cropped and caption-barred
//! copies match, a different picture of the same scene does not (see the
//! tests in `tests/imaging_matching.rs`).

use std::path::Path;

use image::DynamicImage;
use image_hasher::{HashAlg, HasherConfig, ImageHash};

use super::preview::{
    DecodeLimits, PreviewError, Thumbnail, decode_at_least, read_image_file, shrink_decoded,
};

/// The hash grid's side: a double-gradient hash (horizontal and vertical
/// gradients on a half-size grid) of side 16 has 144 bits.
pub const HASH_SIDE: u32 = 16;
/// The most bits (of 144) two hashes of the same photo may differ in.
/// Tuned on the stand-ins: copies of one picture differ by at most 37 bits
/// (the moderate crop), the different picture of the scene by at least 58.
pub const SAME_PHOTO_MAX_DISTANCE: u32 = 46;
/// Images are shrunk to this long side before hashing (speed; the hash
/// itself works on a grid of a few pixels), and JPEGs are decoded at the
/// smallest scale that keeps it.
pub const HASH_INPUT_SIDE: u32 = 256;

/// A perceptual hash of one image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoHash(ImageHash);

impl PhotoHash {
    /// Bits that differ between two hashes.
    pub fn distance(&self, other: &PhotoHash) -> u32 {
        self.0.dist(&other.0)
    }

    /// The hash as base64, for reports.
    pub fn to_base64(&self) -> String {
        self.0.to_base64()
    }
}

/// Hashes a decoded image.
pub fn hash_image(image: &DynamicImage) -> PhotoHash {
    let small = if image.width() > HASH_INPUT_SIDE || image.height() > HASH_INPUT_SIDE {
        image.thumbnail(HASH_INPUT_SIDE, HASH_INPUT_SIDE)
    } else {
        image.clone()
    };
    let hasher = HasherConfig::new()
        .hash_size(HASH_SIDE, HASH_SIDE)
        .hash_alg(HashAlg::DoubleGradient)
        .to_hasher();
    PhotoHash(hasher.hash_image(&small))
}

/// Decodes bytes within `limits` and hashes them.
pub fn hash_bytes(bytes: &[u8], limits: DecodeLimits) -> Result<PhotoHash, PreviewError> {
    let decoded = decode_at_least(bytes, HASH_INPUT_SIDE, limits)?;
    Ok(hash_image(&decoded.image))
}

/// Reads, decodes (with the default limits) and hashes a file.
pub fn hash_file(path: &Path) -> Result<PhotoHash, PreviewError> {
    hash_bytes(&read_image_file(path)?, DecodeLimits::default())
}

/// Reads and decodes a file once (with the default limits) into a
/// thumbnail of at most `max_side` px that carries the picture's hash, so a
/// preview shows its distance to others as soon as it is drawn.
pub fn load_thumbnail_and_hash(path: &Path, max_side: u32) -> Result<Thumbnail, PreviewError> {
    let bytes = read_image_file(path)?;
    let decoded = decode_at_least(
        &bytes,
        max_side.max(HASH_INPUT_SIDE),
        DecodeLimits::default(),
    )?;
    let mut thumbnail = shrink_decoded(&decoded, max_side);
    thumbnail.hash = Some(hash_image(&decoded.image));
    Ok(thumbnail)
}

/// Whether a distance means "the same photo".
pub fn is_same_photo(distance: u32) -> bool {
    distance <= SAME_PHOTO_MAX_DISTANCE
}

/// Groups images into same-photo groups: indices into `hashes` (images
/// without a hash are left out), each group sorted, groups ordered by their
/// first index. A single image is a group of one.
pub fn same_photo_groups(hashes: &[Option<PhotoHash>]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..hashes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while let Some(&p) = parent.get(i) {
            if p == i {
                break;
            }
            i = p;
        }
        i
    }
    for (i, a) in hashes.iter().enumerate() {
        for (j, b) in hashes.iter().enumerate().skip(i + 1) {
            if let (Some(a), Some(b)) = (a, b)
                && is_same_photo(a.distance(b))
            {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                let (low, high) = (ri.min(rj), ri.max(rj));
                if let Some(slot) = parent.get_mut(high) {
                    *slot = low;
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: std::collections::BTreeMap<usize, usize> = Default::default();
    for (i, hash) in hashes.iter().enumerate() {
        if hash.is_none() {
            continue;
        }
        let r = root(&mut parent, i);
        let index = *group_of_root.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(group) = groups.get_mut(index) {
            group.push(i);
        }
    }
    groups
}
