//! TIFF colour types the `image` crate refuses, converted to 8-bit RGBA for
//! a preview: grey with an extra (alpha) sample, any sample count the
//! `tiff` crate calls "multiband", 32- and 64-bit integers, signed integers,
//! and floating point. Scanners, scientific cameras and HDR tools write
//! these; without this their files would have no preview at all.
//!
//! Each sample is scaled to 0..255 from its type's full range (16-bit by
//! 257, not cut to its high byte); signed samples from 0..max (negatives
//! are black); floats from 0..1, or from 0..the largest value when the
//! picture goes beyond 1 (HDR or raw counts). `WhiteIsZero` grey is
//! inverted. One or two samples are grey (and alpha), three are RGB, four
//! or more RGBA (the rest ignored).

use std::io::Cursor;

use image::{DynamicImage, RgbaImage};
use tiff::decoder::{Decoder, DecodingResult, Limits};
use tiff::tags::Tag;

use super::preview::{DecodeLimits, PreviewError};

/// `PhotometricInterpretation` value for grey where 0 is white.
const WHITE_IS_ZERO: u32 = 0;

/// Decodes a TIFF the `image` crate could not, within `limits`.
pub fn decode_unusual_tiff(
    bytes: &[u8],
    limits: DecodeLimits,
) -> Result<DynamicImage, PreviewError> {
    let unsupported = |e: tiff::TiffError| PreviewError::Unsupported(e.to_string());
    let mut tiff_limits = Limits::default();
    tiff_limits.decoding_buffer_size = usize::try_from(limits.max_alloc).unwrap_or(usize::MAX);
    let mut decoder = Decoder::new(Cursor::new(bytes))
        .map_err(unsupported)?
        .with_limits(tiff_limits);
    let (width, height) = decoder.dimensions().map_err(unsupported)?;
    if width > limits.max_width || height > limits.max_height {
        return Err(PreviewError::TooLarge(format!(
            "{width}x{height} pixels is over the limit of {}x{}",
            limits.max_width, limits.max_height
        )));
    }
    let colour = decoder.colortype().map_err(unsupported)?;
    if colour.bit_depth() < 8 {
        // Packed samples (2- and 4-bit grey): not unpacked here.
        return Err(PreviewError::Unsupported(format!(
            "TIFF colour type {colour:?}"
        )));
    }
    let samples = match colour {
        tiff::ColorType::Gray(_) => 1,
        tiff::ColorType::GrayA(_) => 2,
        tiff::ColorType::RGB(_) => 3,
        tiff::ColorType::RGBA(_) => 4,
        tiff::ColorType::Multiband { num_samples, .. } => usize::from(num_samples),
        other => {
            return Err(PreviewError::Unsupported(format!(
                "TIFF colour type {other:?}"
            )));
        }
    };
    let white_is_zero = decoder
        .get_tag_u32(Tag::PhotometricInterpretation)
        .is_ok_and(|p| p == WHITE_IS_ZERO);
    let pixels = decoder.read_image().map_err(|e| match e {
        tiff::TiffError::LimitsExceeded => PreviewError::TooLarge(e.to_string()),
        tiff::TiffError::UnsupportedError(_) => unsupported(e),
        other => PreviewError::Corrupt(other.to_string()),
    })?;
    let levels = to_levels(&pixels);
    let count = usize::try_from(u64::from(width) * u64::from(height)).unwrap_or(usize::MAX);
    if samples == 0 || levels.len() < count.saturating_mul(samples) {
        return Err(PreviewError::Unsupported(
            "TIFF samples not laid out pixel by pixel".to_string(),
        ));
    }
    let rgba = rgba_from_levels(&levels, samples, white_is_zero);
    RgbaImage::from_raw(width, height, rgba)
        .map(DynamicImage::ImageRgba8)
        .ok_or_else(|| PreviewError::Corrupt("TIFF pixels do not fill the picture".to_string()))
}

/// Every sample as 0..=255.
fn to_levels(pixels: &DecodingResult) -> Vec<u8> {
    fn scaled(value: f64, max: f64) -> u8 {
        if max <= 0.0 || value.is_nan() {
            return 0;
        }
        (value / max * 255.0).round().clamp(0.0, 255.0) as u8
    }
    fn floats(values: impl Iterator<Item = f64> + Clone) -> Vec<u8> {
        let largest = values
            .clone()
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max);
        let max = if largest > 1.0 { largest } else { 1.0 };
        values.map(|v| scaled(v, max)).collect()
    }
    match pixels {
        DecodingResult::U8(v) => v.clone(),
        DecodingResult::U16(v) => v
            .iter()
            .map(|&s| u8::try_from((u32::from(s) + 128) / 257).unwrap_or(u8::MAX))
            .collect(),
        DecodingResult::U32(v) => v
            .iter()
            .map(|&s| scaled(f64::from(s), f64::from(u32::MAX)))
            .collect(),
        DecodingResult::U64(v) => v
            .iter()
            .map(|&s| scaled(s as f64, u64::MAX as f64))
            .collect(),
        DecodingResult::I8(v) => v
            .iter()
            .map(|&s| scaled(f64::from(s), f64::from(i8::MAX)))
            .collect(),
        DecodingResult::I16(v) => v
            .iter()
            .map(|&s| scaled(f64::from(s), f64::from(i16::MAX)))
            .collect(),
        DecodingResult::I32(v) => v
            .iter()
            .map(|&s| scaled(f64::from(s), f64::from(i32::MAX)))
            .collect(),
        DecodingResult::I64(v) => v
            .iter()
            .map(|&s| scaled(s as f64, i64::MAX as f64))
            .collect(),
        DecodingResult::F16(v) => floats(v.iter().map(|s| f64::from(s.to_f32()))),
        DecodingResult::F32(v) => floats(v.iter().map(|&s| f64::from(s))),
        DecodingResult::F64(v) => floats(v.iter().copied()),
    }
}

/// Pixels of `samples` levels each as RGBA.
fn rgba_from_levels(levels: &[u8], samples: usize, white_is_zero: bool) -> Vec<u8> {
    let grey = |g: u8| if white_is_zero { 255 - g } else { g };
    let mut rgba = Vec::with_capacity(levels.len() / samples.max(1) * 4);
    for pixel in levels.chunks_exact(samples.max(1)) {
        let out = match *pixel {
            [g] => [grey(g), grey(g), grey(g), 255],
            [g, a] => [grey(g), grey(g), grey(g), a],
            [r, g, b] => [r, g, b, 255],
            [r, g, b, a, ..] => [r, g, b, a],
            [] => [0, 0, 0, 255],
        };
        rgba.extend_from_slice(&out);
    }
    rgba
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_scale_from_their_full_range() {
        assert_eq!(
            to_levels(&DecodingResult::U16(vec![0, 0x8080, 0xFFFF, 0x00FF])),
            vec![0, 128, 255, 1]
        );
        assert_eq!(
            to_levels(&DecodingResult::I16(vec![-5, 0, i16::MAX])),
            vec![0, 0, 255]
        );
        assert_eq!(
            to_levels(&DecodingResult::F32(vec![0.0, 0.5, 1.0, f32::NAN])),
            vec![0, 128, 255, 0]
        );
        // Beyond 1: scaled from the largest value.
        assert_eq!(
            to_levels(&DecodingResult::F32(vec![0.0, 1000.0, 4000.0])),
            vec![0, 64, 255]
        );
        assert_eq!(
            to_levels(&DecodingResult::U32(vec![u32::MAX, 0])),
            vec![255, 0]
        );
    }

    #[test]
    fn sample_counts_become_rgba() {
        assert_eq!(rgba_from_levels(&[10, 20], 2, false), vec![10, 10, 10, 20]);
        assert_eq!(rgba_from_levels(&[10], 1, true), vec![245, 245, 245, 255]);
        assert_eq!(rgba_from_levels(&[1, 2, 3], 3, false), vec![1, 2, 3, 255]);
        assert_eq!(
            rgba_from_levels(&[1, 2, 3, 4, 5], 5, false),
            vec![1, 2, 3, 4]
        );
    }
}
