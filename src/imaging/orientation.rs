//! EXIF orientation: a camera held upright often stores its pixels sideways
//! and says so in the Orientation tag (0x0112) instead of rotating them.
//! Viewers and browsers turn the picture before showing it, so a preview or
//! a hash of the stored pixels would show it sideways and not match an
//! upright copy of the same photo. Every decode for a preview or a hash goes
//! through [`decode_upright`].
//!
//! The eight values, as the pixels are turned to stand upright: 1 as stored,
//! 2 mirrored left to right, 3 turned 180°, 4 mirrored top to bottom,
//! 5 mirrored along the main diagonal (turned 90° clockwise and mirrored),
//! 6 turned 90° clockwise, 7 mirrored along the other diagonal, 8 turned 90°
//! anticlockwise. A missing, unreadable or out-of-range tag means 1.

use image::DynamicImage;
use image::metadata::Orientation;

use super::container::exif_tiff;
use super::preview::{DecodeLimits, Decoded, PreviewError, decode_at_least};

/// The orientation a file's EXIF block gives its pixels (upright when none).
pub fn stored_orientation(bytes: &[u8]) -> Orientation {
    exif_tiff(bytes)
        .and_then(Orientation::from_exif_chunk)
        .unwrap_or(Orientation::NoTransforms)
}

/// Whether an orientation swaps width and height.
pub fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Turns decoded pixels upright, given the file's stored orientation.
pub fn make_upright(image: &mut DynamicImage, orientation: Orientation) {
    image.apply_orientation(orientation);
}

/// Decodes like [`decode_at_least`], then turns the picture upright as its
/// EXIF orientation says; the source size is the upright size too.
pub fn decode_upright(
    bytes: &[u8],
    long_side: u32,
    limits: DecodeLimits,
) -> Result<Decoded, PreviewError> {
    let mut decoded = decode_at_least(bytes, long_side, limits)?;
    let orientation = stored_orientation(bytes);
    make_upright(&mut decoded.image, orientation);
    if swaps_sides(orientation) {
        std::mem::swap(&mut decoded.source_width, &mut decoded.source_height);
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imaging::container::insert_jpeg_segments;
    use image::{Rgb, RgbImage};

    /// A big-endian EXIF APP1 segment holding only an Orientation tag.
    fn orientation_segment(value: u16) -> Vec<u8> {
        let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
        tiff.extend_from_slice(&1u16.to_be_bytes());
        tiff.extend_from_slice(&0x0112u16.to_be_bytes());
        tiff.extend_from_slice(&3u16.to_be_bytes());
        tiff.extend_from_slice(&1u32.to_be_bytes());
        tiff.extend_from_slice(&value.to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let mut payload = b"Exif\0\0".to_vec();
        payload.extend_from_slice(&tiff);
        let mut segment = vec![0xFF, 0xE1];
        segment.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap_or(0).to_be_bytes());
        segment.extend_from_slice(&payload);
        segment
    }

    /// A 40x20 PNG-free picture: red on the left half, blue on the right,
    /// as a JPEG carrying `orientation`.
    fn jpeg_with(orientation: Option<u16>) -> Vec<u8> {
        let image = RgbImage::from_fn(40, 20, |x, _| {
            if x < 20 {
                Rgb([230, 20, 20])
            } else {
                Rgb([20, 20, 230])
            }
        });
        let mut jpeg = Vec::new();
        let _ = image.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut jpeg, 95,
        ));
        match orientation {
            Some(value) => {
                insert_jpeg_segments(&jpeg, &[orientation_segment(value)]).unwrap_or_default()
            }
            None => jpeg,
        }
    }

    fn is_red(image: &DynamicImage, x: u32, y: u32) -> bool {
        let pixel = image.to_rgb8().get_pixel(x, y).0;
        pixel[0] > 150 && pixel[2] < 100
    }

    #[test]
    fn reads_the_tag_and_defaults_to_upright() {
        assert_eq!(
            stored_orientation(&jpeg_with(Some(6))),
            Orientation::Rotate90
        );
        assert_eq!(
            stored_orientation(&jpeg_with(Some(3))),
            Orientation::Rotate180
        );
        assert_eq!(
            stored_orientation(&jpeg_with(None)),
            Orientation::NoTransforms
        );
        // Out of range: as stored.
        assert_eq!(
            stored_orientation(&jpeg_with(Some(9))),
            Orientation::NoTransforms
        );
        assert_eq!(
            stored_orientation(b"not an image"),
            Orientation::NoTransforms
        );
    }

    #[test]
    fn orientation_6_is_turned_clockwise_with_its_sizes() -> Result<(), PreviewError> {
        let decoded = decode_upright(&jpeg_with(Some(6)), 64, DecodeLimits::default())?;
        assert_eq!((decoded.image.width(), decoded.image.height()), (20, 40));
        assert_eq!((decoded.source_width, decoded.source_height), (20, 40));
        // The stored left (red) half ends on top after a clockwise turn.
        assert!(is_red(&decoded.image, 10, 5));
        assert!(!is_red(&decoded.image, 10, 35));
        Ok(())
    }

    #[test]
    fn each_orientation_puts_the_red_half_where_a_viewer_shows_it() -> Result<(), PreviewError> {
        // (tag, size after, a pixel that is red, a pixel that is not)
        let cases = [
            (1, (40, 20), (5, 10), (35, 10)),
            (2, (40, 20), (35, 10), (5, 10)),
            (3, (40, 20), (35, 10), (5, 10)),
            (4, (40, 20), (5, 10), (35, 10)),
            (5, (20, 40), (10, 5), (10, 35)),
            (6, (20, 40), (10, 5), (10, 35)),
            (7, (20, 40), (10, 35), (10, 5)),
            (8, (20, 40), (10, 35), (10, 5)),
        ];
        for (tag, size, red, other) in cases {
            let decoded = decode_upright(&jpeg_with(Some(tag)), 64, DecodeLimits::default())?;
            let image = &decoded.image;
            assert_eq!((image.width(), image.height()), size, "orientation {tag}");
            assert!(is_red(image, red.0, red.1), "orientation {tag}");
            assert!(!is_red(image, other.0, other.1), "orientation {tag}");
        }
        Ok(())
    }
}
