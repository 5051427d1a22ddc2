//! Crop-resistant matching: a hash per region of the picture, so that a copy
//! cut down to a part of the photo still shares whole regions with it.
//!
//! After the crop-resistant hash of the imagehash project (Python,
//! `crop_resistant_hash`, from Jain et al., "Image Forensics: a rotation- and
//! crop-resistant perceptual hash"): the picture, grey and blurred at
//! a few hundred px (`SEGMENTATION`), is split into light and dark;
//! each 4-connected region of one kind larger than a share of the picture
//! is a segment, and the segment's
//! bounding box, cut from the picture, gets a 64-bit gradient hash. A crop
//! keeps most regions whole (only those it cuts through change), so it
//! shares segment hashes with its original, wherever the cut was made.
//!
//! Two pictures share a segment when two of their segment hashes differ in
//! at most `SEGMENT_MAX_DISTANCE` bits; they are the same photo by segments
//! when they share at least `MIN_SHARED_SEGMENTS`. The numbers come from the
//! measurement on real photos (BENCHMARKS.md, "Same photo").

use image::{DynamicImage, GrayImage, imageops};
use image_hasher::{HashAlg, HasherConfig};

/// How a picture is cut into segments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segmentation {
    /// The long side of the grey picture the segments are found in.
    pub side: u32,
    /// The smallest segment, as a share of that picture's pixels.
    pub min_share: f64,
    /// Light and dark are split at this grey level, or at the picture's
    /// median brightness when None.
    pub split: Option<u8>,
    /// The blur (Gaussian sigma, px) before the split, against noise.
    pub blur: f32,
}

/// The segmentation the app uses (chosen by the measurement).
pub const SEGMENTATION: Segmentation = Segmentation {
    side: 256,
    min_share: 0.005,
    split: Some(128),
    blur: 1.5,
};
/// At most this many segments (the largest) are hashed.
pub const MAX_SEGMENTS: usize = 24;
/// A segment's box must be at least this many px of the hashed picture on
/// each side: a hash of a sliver says nothing.
const MIN_BOX_SIDE: u32 = 8;
/// Bits (of 64) two segment hashes may differ in and still be one region.
pub const SEGMENT_MAX_DISTANCE: u32 = 10;
/// Shared segments needed for "the same photo".
pub const MIN_SHARED_SEGMENTS: usize = 3;

/// The segment hashes of one picture (64-bit gradient hashes), largest
/// segment first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SegmentHashes(Vec<u64>);

impl SegmentHashes {
    /// How many segments were hashed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the picture had no segment worth hashing (a flat picture).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The distances of the segments shared with `other` within
    /// `max_distance` bits, smallest first. Each segment of either picture
    /// is used once (pairs taken greedily in order of distance), so one flat
    /// region does not match many.
    pub fn shared_distances(&self, other: &SegmentHashes, max_distance: u32) -> Vec<u32> {
        let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
        for (i, a) in self.0.iter().enumerate() {
            for (j, b) in other.0.iter().enumerate() {
                let distance = (a ^ b).count_ones();
                if distance <= max_distance {
                    pairs.push((distance, i, j));
                }
            }
        }
        pairs.sort_unstable();
        let mut used_a = vec![false; self.0.len()];
        let mut used_b = vec![false; other.0.len()];
        let mut shared = Vec::new();
        for (distance, i, j) in pairs {
            let (Some(a), Some(b)) = (used_a.get_mut(i), used_b.get_mut(j)) else {
                continue;
            };
            if !*a && !*b {
                *a = true;
                *b = true;
                shared.push(distance);
            }
        }
        shared
    }

    /// How many segments are shared with `other` within `max_distance` bits.
    pub fn shared_with(&self, other: &SegmentHashes, max_distance: u32) -> usize {
        self.shared_distances(other, max_distance).len()
    }

    /// Whether two pictures are the same photo by their segments.
    pub fn same_photo(&self, other: &SegmentHashes) -> bool {
        self.shared_with(other, SEGMENT_MAX_DISTANCE) >= MIN_SHARED_SEGMENTS
    }
}

/// A segment's bounding box in the segmentation picture (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SegmentBox {
    pixels: usize,
    left: u32,
    top: u32,
    right: u32,
    bottom: u32,
}

/// Finds the segments of `image` and hashes each one's box.
pub fn segment_hashes(image: &DynamicImage) -> SegmentHashes {
    segment_hashes_with(image, &SEGMENTATION)
}

/// [`segment_hashes`] with another segmentation (for measuring).
pub fn segment_hashes_with(image: &DynamicImage, how: &Segmentation) -> SegmentHashes {
    let (width, height) = (image.width(), image.height());
    if width == 0 || height == 0 {
        return SegmentHashes::default();
    }
    let grey = image.to_luma8();
    let long = width.max(height);
    let side = how.side.clamp(1, long);
    let small = imageops::resize(
        &grey,
        (width * side / long).max(1),
        (height * side / long).max(1),
        imageops::FilterType::Triangle,
    );
    let small = if how.blur > 0.0 {
        imageops::blur(&small, how.blur)
    } else {
        small
    };
    let mut boxes = find_segments(&small, how.min_share, how.split);
    boxes.sort_by(|a, b| b.pixels.cmp(&a.pixels).then(a.top.cmp(&b.top)));
    let hasher = HasherConfig::new()
        .hash_size(8, 8)
        .hash_alg(HashAlg::Gradient)
        .to_hasher();
    let (scale_x, scale_y) = (
        f64::from(width) / f64::from(small.width()),
        f64::from(height) / f64::from(small.height()),
    );
    let hashes = boxes
        .iter()
        .filter_map(|segment| {
            let left = (f64::from(segment.left) * scale_x).floor() as u32;
            let top = (f64::from(segment.top) * scale_y).floor() as u32;
            let right = ((f64::from(segment.right + 1) * scale_x).ceil() as u32).min(width);
            let bottom = ((f64::from(segment.bottom + 1) * scale_y).ceil() as u32).min(height);
            let (box_width, box_height) = (right.saturating_sub(left), bottom.saturating_sub(top));
            (box_width >= MIN_BOX_SIDE && box_height >= MIN_BOX_SIDE).then(|| {
                let part = imageops::crop_imm(&grey, left, top, box_width, box_height).to_image();
                let hash = hasher.hash_image(&part);
                let bytes: [u8; 8] = hash.as_bytes().try_into().unwrap_or_default();
                u64::from_le_bytes(bytes)
            })
        })
        .take(MAX_SEGMENTS)
        .collect();
    SegmentHashes(hashes)
}

/// The 4-connected light and dark regions of `grey` (split at `split`, or
/// its median) of at least `min_share` of its pixels. An explicit stack, no
/// recursion: a picture that is one big region costs no stack depth.
fn find_segments(grey: &GrayImage, min_share: f64, split: Option<u8>) -> Vec<SegmentBox> {
    let (width, height) = (grey.width() as usize, grey.height() as usize);
    let pixels = grey.as_raw();
    let split = split.unwrap_or_else(|| {
        let mut sorted = pixels.clone();
        sorted.sort_unstable();
        sorted.get(sorted.len() / 2).copied().unwrap_or(128)
    });
    let light: Vec<bool> = pixels.iter().map(|&p| p > split).collect();
    let min_pixels = ((width * height) as f64 * min_share).ceil() as usize;
    let mut seen = vec![false; light.len()];
    let mut segments = Vec::new();
    let mut stack = Vec::new();
    for start in 0..light.len() {
        if seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        let kind = light.get(start).copied().unwrap_or(false);
        let (x0, y0) = ((start % width) as u32, (start / width) as u32);
        let mut segment = SegmentBox {
            pixels: 0,
            left: x0,
            top: y0,
            right: x0,
            bottom: y0,
        };
        if let Some(slot) = seen.get_mut(start) {
            *slot = true;
        }
        stack.push(start);
        while let Some(at) = stack.pop() {
            let (x, y) = (at % width, at / width);
            segment.pixels += 1;
            segment.left = segment.left.min(x as u32);
            segment.right = segment.right.max(x as u32);
            segment.top = segment.top.min(y as u32);
            segment.bottom = segment.bottom.max(y as u32);
            let neighbours = [
                (x > 0).then(|| at - 1),
                (x + 1 < width).then(|| at + 1),
                (y > 0).then(|| at - width),
                (y + 1 < height).then(|| at + width),
            ];
            for next in neighbours.into_iter().flatten() {
                if !seen.get(next).copied().unwrap_or(true)
                    && light.get(next).copied() == Some(kind)
                {
                    if let Some(slot) = seen.get_mut(next) {
                        *slot = true;
                    }
                    stack.push(next);
                }
            }
        }
        if segment.pixels >= min_pixels {
            segments.push(segment);
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Luma, RgbImage};

    #[test]
    fn two_regions_are_found_with_their_boxes() {
        // Dark left third, light right two thirds (90x30).
        let grey = GrayImage::from_fn(90, 30, |x, _| Luma([if x < 30 { 20 } else { 220 }]));
        let mut boxes = find_segments(&grey, 0.01, Some(128));
        boxes.sort_by_key(|b| b.left);
        assert_eq!(
            boxes,
            vec![
                SegmentBox {
                    pixels: 900,
                    left: 0,
                    top: 0,
                    right: 29,
                    bottom: 29
                },
                SegmentBox {
                    pixels: 1800,
                    left: 30,
                    top: 0,
                    right: 89,
                    bottom: 29
                },
            ]
        );
    }

    #[test]
    fn the_median_split_puts_the_median_grey_with_the_dark() {
        // A third at 20, two thirds at 220: the median is 220, so every
        // pixel is "not lighter than the median": one region.
        let grey = GrayImage::from_fn(90, 30, |x, _| Luma([if x < 30 { 20 } else { 220 }]));
        assert_eq!(find_segments(&grey, 0.01, None).len(), 1);
        // Two tenths dark, four tenths mid, four tenths light: median mid.
        let grey = GrayImage::from_fn(100, 10, |x, _| {
            Luma([if x < 20 {
                20
            } else if x < 60 {
                128
            } else {
                220
            }])
        });
        let boxes = find_segments(&grey, 0.01, None);
        assert_eq!(boxes.len(), 2);
        assert_eq!(boxes.iter().map(|b| b.pixels).sum::<usize>(), 1000);
    }

    #[test]
    fn a_flat_or_empty_picture_has_at_most_one_segment() {
        let flat = DynamicImage::ImageRgb8(RgbImage::from_pixel(50, 40, image::Rgb([9, 9, 9])));
        assert!(segment_hashes(&flat).len() <= 1);
        let empty = DynamicImage::ImageRgb8(RgbImage::new(0, 0));
        assert!(segment_hashes(&empty).is_empty());
    }

    #[test]
    fn a_segment_hash_is_shared_once() {
        let a = SegmentHashes(vec![0, 0xFF]);
        let b = SegmentHashes(vec![0, 0, 0x0F]);
        assert_eq!(a.shared_distances(&b, 0), vec![0]);
        assert_eq!(b.shared_distances(&a, 0), vec![0]);
        // 0xFF against 0x0F: 4 bits.
        assert_eq!(a.shared_distances(&b, 4), vec![0, 4]);
    }
}
