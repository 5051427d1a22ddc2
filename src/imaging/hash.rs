//! "Are these two files the same photo?": perceptual hashes and grouping.
//!
//! Each image is decoded through the preview path (within limits, turned
//! upright by its EXIF orientation), shrunk, and hashed with `image_hasher`
//! (a double-gradient hash of the whole picture) and by segments
//! (`segments`, for crops). Two images are the same photo when their
//! whole-image hashes differ in at most `SAME_PHOTO_MAX_DISTANCE` bits, or
//! when they share enough segments. Groups are sets in which every two
//! images are the same photo (complete linkage): a chain of near matches
//! does not make one group. The thresholds are measured on real photos and
//! their derivatives (`benches/same_photo/run.sh`, BENCHMARKS.md "Same
//! photo"): precision at least 0.99.

use std::path::Path;

use image::DynamicImage;
use image_hasher::{HashAlg, HasherConfig, ImageHash};

use super::orientation::decode_upright;
use super::preview::{DecodeLimits, PreviewError, Thumbnail, read_image_file, shrink_decoded};
use super::segments::{SegmentHashes, segment_hashes};

/// The hash grid's side: a double-gradient hash (horizontal and vertical
/// gradients on a half-size grid) of side 16 has 144 bits.
pub const HASH_SIDE: u32 = 16;
/// The most bits (of 144) two whole-image hashes of the same photo may
/// differ in: the largest threshold whose precision is at least 0.99 on 253
/// distinct real photos and their derivatives (BENCHMARKS.md, "Same photo":
/// 14 false matches among 3.86 million pairs of different photos). The old
/// 46, tuned on the stand-ins, matched 15,091 of those pairs.
pub const SAME_PHOTO_MAX_DISTANCE: u32 = 24;
/// Images are shrunk to this long side before hashing (speed; the hash
/// itself works on a grid of a few pixels), and JPEGs are decoded at the
/// smallest scale that keeps it.
pub const HASH_INPUT_SIDE: u32 = 256;

/// The perceptual hashes of one image: of the whole picture, and of its
/// segments (for crops).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoHash {
    whole: ImageHash,
    segments: SegmentHashes,
    /// The picture is one flat tone (a blank frame, a placeholder): its
    /// hash says nothing about what it shows.
    flat: bool,
}

impl PhotoHash {
    /// Bits that differ between the two whole-image hashes.
    pub fn distance(&self, other: &PhotoHash) -> u32 {
        self.whole.dist(&other.whole)
    }

    /// How many segments the two pictures share (see `segments`).
    pub fn shared_segments(&self, other: &PhotoHash) -> usize {
        self.segments
            .shared_with(&other.segments, super::segments::SEGMENT_MAX_DISTANCE)
    }

    /// Whether the picture is one flat tone (never the same photo as another).
    pub fn is_flat(&self) -> bool {
        self.flat
    }

    /// The whole-image hash as base64, for reports.
    pub fn to_base64(&self) -> String {
        self.whole.to_base64()
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
    PhotoHash {
        whole: hasher.hash_image(&small),
        segments: segment_hashes(&small),
        flat: is_flat(&small),
    }
}

/// The most a flat picture's grey levels spread (standard deviation, of
/// 255): any two flat pictures hash alike under every hash measured, so a
/// flat one is the same photo as nothing.
pub const FLAT_SPREAD: f64 = 2.0;

/// Whether a picture is one flat tone.
fn is_flat(image: &DynamicImage) -> bool {
    let grey = image.to_luma8();
    let count = grey.len().max(1) as f64;
    let mean = grey.iter().map(|&v| f64::from(v)).sum::<f64>() / count;
    let variance = grey
        .iter()
        .map(|&v| (f64::from(v) - mean).powi(2))
        .sum::<f64>()
        / count;
    variance.sqrt() <= FLAT_SPREAD
}

/// Decodes bytes within `limits` and hashes them.
pub fn hash_bytes(bytes: &[u8], limits: DecodeLimits) -> Result<PhotoHash, PreviewError> {
    let decoded = decode_upright(bytes, HASH_INPUT_SIDE, limits)?;
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
    let decoded = decode_upright(
        &bytes,
        max_side.max(HASH_INPUT_SIDE),
        DecodeLimits::default(),
    )?;
    let mut thumbnail = shrink_decoded(&decoded, max_side);
    thumbnail.hash = Some(hash_image(&decoded.image));
    Ok(thumbnail)
}

/// Whether a whole-image distance alone means "the same photo".
pub fn is_same_photo(distance: u32) -> bool {
    distance <= SAME_PHOTO_MAX_DISTANCE
}

impl PhotoHash {
    /// Whether two images are the same photo: neither is flat, and their whole-image hashes are
    /// within `SAME_PHOTO_MAX_DISTANCE`, or (a crop) they share enough
    /// segments (`segments::SegmentHashes::same_photo`).
    pub fn same_photo(&self, other: &PhotoHash) -> bool {
        if self.flat || other.flat {
            return false;
        }
        is_same_photo(self.distance(other)) || self.segments.same_photo(&other.segments)
    }
}

/// Groups images into same-photo groups: indices into `hashes` (images
/// without a hash are left out), each group sorted, groups ordered by their
/// first index. A single image is a group of one. See [`complete_groups`].
pub fn same_photo_groups(hashes: &[Option<PhotoHash>]) -> Vec<Vec<usize>> {
    complete_groups(
        hashes.len(),
        |i, j| {
            let (Some(Some(a)), Some(Some(b))) = (hashes.get(i), hashes.get(j)) else {
                return None;
            };
            a.same_photo(b).then(|| a.distance(b))
        },
        |i| hashes.get(i).is_some_and(Option::is_some),
    )
}

/// Groups `count` items in which every two members are the same photo
/// (complete linkage), so a chain A~B~C with A and C far apart never makes
/// one group: `same(i, j)` (i < j) gives the pair's distance when the two
/// are the same photo. Pairs are taken closest first (ties by index), and
/// two groups are joined only when every pair across them is the same
/// photo; the result depends on nothing but the distances. Items for which
/// `present` is false are left out.
pub fn complete_groups(
    count: usize,
    same: impl Fn(usize, usize) -> Option<u32>,
    present: impl Fn(usize) -> bool,
) -> Vec<Vec<usize>> {
    let mut close: Vec<(u32, usize, usize)> = Vec::new();
    let mut matching = std::collections::HashSet::new();
    for i in 0..count {
        for j in i + 1..count {
            if let Some(distance) = same(i, j) {
                close.push((distance, i, j));
                matching.insert((i, j));
            }
        }
    }
    close.sort_unstable();
    // group_of[i]: index into `groups`.
    let mut group_of: Vec<usize> = (0..count).collect();
    let mut groups: Vec<Vec<usize>> = (0..count).map(|i| vec![i]).collect();
    let pair_matches = |a: usize, b: usize| matching.contains(&(a.min(b), a.max(b)));
    for (_, i, j) in close {
        let (Some(&gi), Some(&gj)) = (group_of.get(i), group_of.get(j)) else {
            continue;
        };
        if gi == gj {
            continue;
        }
        let (Some(first), Some(second)) = (groups.get(gi), groups.get(gj)) else {
            continue;
        };
        if !first
            .iter()
            .all(|&a| second.iter().all(|&b| pair_matches(a, b)))
        {
            continue;
        }
        let (keep, gone) = (gi.min(gj), gi.max(gj));
        let moved = std::mem::take(groups.get_mut(gone).map_or(&mut Vec::new(), |g| g));
        for &member in &moved {
            if let Some(slot) = group_of.get_mut(member) {
                *slot = keep;
            }
        }
        if let Some(group) = groups.get_mut(keep) {
            group.extend(moved);
            group.sort_unstable();
        }
    }
    let mut result: Vec<Vec<usize>> = groups
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .filter(|&i| present(i))
                .collect::<Vec<_>>()
        })
        .filter(|group| !group.is_empty())
        .collect();
    result.sort_by_key(|group| group.first().copied());
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_picture_is_the_same_photo_as_nothing() {
        let flat = |v: u8| {
            DynamicImage::ImageLuma8(image::GrayImage::from_pixel(64, 48, image::Luma([v])))
        };
        let (white, grey) = (hash_image(&flat(255)), hash_image(&flat(128)));
        assert!(white.is_flat() && grey.is_flat());
        // Their hashes agree (that is the trouble), but neither is evidence.
        assert!(is_same_photo(white.distance(&grey)));
        assert!(!white.same_photo(&grey));
        assert!(!white.same_photo(&white.clone()));
        let picture = DynamicImage::ImageLuma8(image::GrayImage::from_fn(64, 48, |x, y| {
            image::Luma([((x * 4) ^ (y * 5)) as u8])
        }));
        let hash = hash_image(&picture);
        assert!(!hash.is_flat());
        assert!(hash.same_photo(&hash.clone()));
    }

    /// Items on a line at the given positions; two are the same photo when
    /// at most 10 apart.
    fn line(positions: &[u32]) -> Vec<Vec<usize>> {
        complete_groups(
            positions.len(),
            |i, j| {
                let (a, b) = (positions.get(i)?, positions.get(j)?);
                let distance = a.abs_diff(*b);
                (distance <= 10).then_some(distance)
            },
            |_| true,
        )
    }

    #[test]
    fn a_chain_does_not_make_one_group() {
        // A~B (8), B~C (8), A and C 16 apart: B joins the closer... here
        // both are 8, so the first pair by index wins: {A, B}, {C}.
        assert_eq!(line(&[0, 8, 16]), vec![vec![0, 1], vec![2]]);
        // B is closer to C: {A}, {B, C}.
        assert_eq!(line(&[0, 9, 16]), vec![vec![0], vec![1, 2]]);
        // A long chain, each step 6: pairs of neighbours, never the whole chain.
        assert_eq!(
            line(&[0, 6, 12, 18, 24, 30]),
            vec![vec![0, 1], vec![2, 3], vec![4, 5]]
        );
    }

    #[test]
    fn groups_where_every_pair_matches_are_kept_whole() {
        assert_eq!(
            line(&[100, 0, 104, 3, 50, 108]),
            vec![vec![0, 2, 5], vec![1, 3], vec![4]]
        );
        assert_eq!(line(&[]), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn absent_items_are_left_out() {
        let groups = complete_groups(4, |_, _| Some(0), |i| i != 2);
        assert_eq!(groups, vec![vec![0, 1, 3]]);
    }
}
