//! Decoding images within limits, into small RGBA thumbnails.
//!
//! Every decode goes through `image::ImageReader` with `image::Limits`
//! (dimensions and allocation), so a decompression bomb (a small file that
//! declares a huge picture) is refused before any pixel is allocated, and
//! becomes a `PreviewError`, never an out-of-memory. Truncated and corrupt
//! files, and formats we do not decode, are errors too; nothing here panics.
//!
//! Thumbnails and hashes of JPEGs are decoded at reduced scale (1/2, 1/4 or
//! 1/8, by jpeg-decoder's scaled IDCT; image 0.25's zune-jpeg has none), so
//! a 256 px thumbnail of a 6000x4000 JPEG costs a 750x500 decode, not the
//! full 72 MB of RGB. Other formats, and JPEGs the scaled decoder cannot
//! handle (CMYK), are decoded at full size through `image`, then shrunk.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageError, ImageFormat, ImageReader, Limits};

/// The largest file we read for a preview.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Decoding limits: what a picture may declare before we refuse it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeLimits {
    pub max_width: u32,
    pub max_height: u32,
    /// Bytes the decoder may allocate at once.
    pub max_alloc: u64,
}

impl Default for DecodeLimits {
    fn default() -> Self {
        DecodeLimits {
            max_width: 20_000,
            max_height: 20_000,
            max_alloc: 512 * 1024 * 1024,
        }
    }
}

impl DecodeLimits {
    fn to_image_limits(self) -> Limits {
        let mut limits = Limits::default();
        limits.max_image_width = Some(self.max_width);
        limits.max_image_height = Some(self.max_height);
        limits.max_alloc = Some(self.max_alloc);
        limits
    }
}

/// Why an image could not be previewed; each reads as one line for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreviewError {
    #[error("cannot read the image: {0}")]
    Unreadable(String),
    #[error("the image file is larger than {} MiB", MAX_FILE_BYTES / (1024 * 1024))]
    FileTooLarge,
    #[error("unsupported image format: {0}")]
    Unsupported(String),
    #[error("the image is too large to decode safely: {0}")]
    TooLarge(String),
    #[error("the image is truncated: {0}")]
    Truncated(String),
    #[error("the image is corrupt: {0}")]
    Corrupt(String),
}

/// A decoded, shrunk picture, ready to become a texture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbnail {
    pub width: u32,
    pub height: u32,
    /// `width * height * 4` bytes, RGBA, row by row.
    pub rgba: Vec<u8>,
    /// The full picture's size.
    pub source_width: u32,
    pub source_height: u32,
    pub format: ImageFormat,
    /// The picture's perceptual hash, when the decode that made the
    /// thumbnail was also hashed (see `hash::load_thumbnail_and_hash`).
    pub hash: Option<super::hash::PhotoHash>,
}

impl Thumbnail {
    /// Memory held by the pixels.
    pub fn byte_size(&self) -> usize {
        self.rgba.len()
    }
}

fn classify(error: ImageError) -> PreviewError {
    match error {
        ImageError::Limits(e) => PreviewError::TooLarge(e.to_string()),
        ImageError::Unsupported(e) => PreviewError::Unsupported(e.to_string()),
        ImageError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            PreviewError::Truncated(e.to_string())
        }
        ImageError::IoError(e) => PreviewError::Corrupt(e.to_string()),
        other => {
            let text = other.to_string();
            if text.to_lowercase().contains("eof") || text.to_lowercase().contains("end of") {
                PreviewError::Truncated(text)
            } else {
                PreviewError::Corrupt(text)
            }
        }
    }
}

/// A JPEG's data must end properly (`jpeg_end`): zune-jpeg decodes a
/// truncated JPEG without complaint, greying out the missing part, which
/// would hide a damaged file. Bytes after the end-of-image marker are fine.
fn check_jpeg_complete(bytes: &[u8]) -> Result<(), PreviewError> {
    match super::jpeg_end::jpeg_end(bytes).problem() {
        None => Ok(()),
        Some(problem) => Err(PreviewError::Truncated(problem.to_string())),
    }
}

/// Decodes a whole image from its bytes, within `limits`.
pub fn decode(
    bytes: &[u8],
    limits: DecodeLimits,
) -> Result<(DynamicImage, ImageFormat), PreviewError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PreviewError::Unreadable(e.to_string()))?;
    let format = reader.format().ok_or_else(|| {
        PreviewError::Unsupported("not an image format this app decodes".to_string())
    })?;
    if format == ImageFormat::Jpeg {
        check_jpeg_complete(bytes)?;
    }
    check_dimensions(bytes, format, limits)?;
    reader.limits(limits.to_image_limits());
    let image = reader.decode().map_err(classify)?;
    Ok((image, format))
}

/// Refuses a picture whose header declares more pixels than the limits, in
/// words that say how many (the decoder's own limit error does not).
fn check_dimensions(
    bytes: &[u8],
    format: ImageFormat,
    limits: DecodeLimits,
) -> Result<(), PreviewError> {
    // Reading the header allocates no pixels: no limits here.
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.no_limits();
    // A header that cannot be read is left to the decode to report.
    let Ok((width, height)) = reader.into_dimensions() else {
        return Ok(());
    };
    too_large(width, height, limits)
}

fn too_large(width: u32, height: u32, limits: DecodeLimits) -> Result<(), PreviewError> {
    if width > limits.max_width || height > limits.max_height {
        return Err(PreviewError::TooLarge(format!(
            "{width}x{height} pixels is over the limit of {}x{}",
            limits.max_width, limits.max_height
        )));
    }
    Ok(())
}

/// An image decoded for a given use, perhaps at reduced scale.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The pixels: the whole picture, at full or reduced scale.
    pub image: DynamicImage,
    pub format: ImageFormat,
    /// The full picture's size.
    pub source_width: u32,
    pub source_height: u32,
}

/// Decodes `bytes` within `limits`, at a reduced scale when the format
/// allows it, keeping at least `long_side` pixels on the long side (or the
/// full size, if smaller).
pub fn decode_at_least(
    bytes: &[u8],
    long_side: u32,
    limits: DecodeLimits,
) -> Result<Decoded, PreviewError> {
    refuse_undecoded(bytes)?;
    if container_is_jpeg(bytes) {
        check_jpeg_complete(bytes)?;
        if let Some(decoded) = decode_jpeg_scaled(bytes, long_side, limits)? {
            return Ok(decoded);
        }
    }
    let (image, format) = decode(bytes, limits).or_else(|error| match error {
        PreviewError::Unsupported(_) if is_tiff(bytes) => {
            super::tiff_pixels::decode_unusual_tiff(bytes, limits)
                .map(|image| (image, ImageFormat::Tiff))
                .map_err(|_| error)
        }
        other => Err(other),
    })?;
    Ok(Decoded {
        source_width: image.width(),
        source_height: image.height(),
        image,
        format,
    })
}

/// HEIC/HEIF, AVIF and PSD files: their metadata is read, their pixels are
/// not decoded; the error says so in those words.
fn refuse_undecoded(bytes: &[u8]) -> Result<(), PreviewError> {
    match super::container::undecoded_format(bytes) {
        Some(format) => Err(PreviewError::Unsupported(format!(
            "no preview: this app does not decode {format} pictures (the embedded caption and credit are read)"
        ))),
        None => Ok(()),
    }
}

fn is_tiff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*")
}

fn container_is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// The scaled JPEG decode; `Ok(None)` when jpeg-decoder cannot produce RGB
/// or grey pixels for this file, so the caller decodes it in full instead
/// (whose error, if it fails too, is the one the user sees).
fn decode_jpeg_scaled(
    bytes: &[u8],
    long_side: u32,
    limits: DecodeLimits,
) -> Result<Option<Decoded>, PreviewError> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    if decoder.read_info().is_err() {
        return Ok(None);
    }
    let Some(info) = decoder.info() else {
        return Ok(None);
    };
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    too_large(width, height, limits)?;
    let (wanted_width, wanted_height) = fit_long_side(width, height, long_side.max(1));
    if decoder.scale(wanted_width, wanted_height).is_err() {
        return Ok(None);
    }
    decoder.set_max_decoding_buffer_size(usize::try_from(limits.max_alloc).unwrap_or(usize::MAX));
    let Ok(pixels) = decoder.decode() else {
        return Ok(None);
    };
    let Some(info) = decoder.info() else {
        return Ok(None);
    };
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let image = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => {
            image::RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8)
        }
        jpeg_decoder::PixelFormat::L8 => {
            image::GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8)
        }
        jpeg_decoder::PixelFormat::L16 | jpeg_decoder::PixelFormat::CMYK32 => None,
    };
    Ok(image.map(|image| Decoded {
        image,
        format: ImageFormat::Jpeg,
        source_width: width,
        source_height: height,
    }))
}

/// The size that fits `long_side` on the long side, keeping the aspect, as
/// the 16-bit sizes JPEG headers use.
fn fit_long_side(width: u32, height: u32, long_side: u32) -> (u16, u16) {
    let long = width.max(height).max(1);
    let scale = |side: u32| {
        let scaled = (u64::from(side) * u64::from(long_side)).div_ceil(u64::from(long));
        u16::try_from(scaled.clamp(1, u64::from(u16::MAX))).unwrap_or(u16::MAX)
    };
    (scale(width), scale(height))
}

/// Shrinks a decoded image to at most `max_side` pixels on its long side
/// (never enlarging it) and converts it to RGBA.
pub fn shrink(image: &DynamicImage, format: ImageFormat, max_side: u32) -> Thumbnail {
    shrink_decoded(
        &Decoded {
            image: image.clone(),
            format,
            source_width: image.width(),
            source_height: image.height(),
        },
        max_side,
    )
}

/// Shrinks a (perhaps already reduced) decode to at most `max_side` px.
pub fn shrink_decoded(decoded: &Decoded, max_side: u32) -> Thumbnail {
    let max_side = max_side.max(1);
    let image = &decoded.image;
    // The size is worked out from the full picture's, so that a reduced
    // decode gives the thumbnail a full decode would.
    let (width, height) = thumbnail_size(decoded.source_width, decoded.source_height, max_side);
    let rgba = if (width, height) == (image.width(), image.height()) {
        image.to_rgba8()
    } else {
        image.thumbnail_exact(width, height).to_rgba8()
    };
    Thumbnail {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
        source_width: decoded.source_width,
        source_height: decoded.source_height,
        format: decoded.format,
        hash: None,
    }
}

/// The size of a thumbnail of at most `max_side` px: the aspect kept,
/// never enlarged, rounded as `DynamicImage::thumbnail` rounds.
pub fn thumbnail_size(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    if width <= max_side && height <= max_side {
        return (width, height);
    }
    let ratio = (f64::from(max_side) / f64::from(width.max(1)))
        .min(f64::from(max_side) / f64::from(height.max(1)));
    let side = |v: u32| {
        let scaled = (f64::from(v) * ratio).round();
        if scaled < 1.0 { 1 } else { scaled as u32 }
    };
    (side(width), side(height))
}

/// Decodes `bytes` within `limits` into a thumbnail of at most `max_side` px.
pub fn thumbnail_from_bytes(
    bytes: &[u8],
    max_side: u32,
    limits: DecodeLimits,
) -> Result<Thumbnail, PreviewError> {
    let decoded = super::orientation::decode_upright(bytes, max_side, limits)?;
    Ok(shrink_decoded(&decoded, max_side))
}

/// Reads a regular file (refusing a FIFO, a device, or one over `MAX_FILE_BYTES`).
pub fn read_image_file(path: &Path) -> Result<Vec<u8>, PreviewError> {
    use crate::regular_file::{ReadError, read_regular};
    read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::TooLarge { .. } | ReadError::Grew { .. } => PreviewError::FileTooLarge,
        other => PreviewError::Unreadable(other.to_string()),
    })
}

/// Reads and decodes a file into a thumbnail, with the default limits.
pub fn load_thumbnail(path: &Path, max_side: u32) -> Result<Thumbnail, PreviewError> {
    thumbnail_from_bytes(&read_image_file(path)?, max_side, DecodeLimits::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push_chunk(png: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc32(&body).to_be_bytes());
    }

    /// A PNG written by hand (correct CRCs) declaring `width` x `height`
    /// RGBA pixels, with a few bytes of (stored, empty) image data.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut ihdr = width.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        push_chunk(&mut png, b"IHDR", &ihdr);
        push_chunk(
            &mut png,
            b"IDAT",
            &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF],
        );
        push_chunk(&mut png, b"IEND", &[]);
        png
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn small_jpeg() -> Vec<u8> {
        let image = image::RgbImage::from_fn(64, 32, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 8) as u8, 128])
        });
        let mut out = Vec::new();
        let _ = image.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut out, 90,
        ));
        out
    }

    #[test]
    fn decompression_bomb_is_refused_before_allocating() {
        let bomb = png_header(100_000, 100_000);
        let error = thumbnail_from_bytes(&bomb, 256, DecodeLimits::default());
        assert!(matches!(error, Err(PreviewError::TooLarge(_))), "{error:?}");
        // Within the dimension limits but over the allocation limit.
        let limits = DecodeLimits {
            max_alloc: 1024 * 1024,
            ..DecodeLimits::default()
        };
        let error = thumbnail_from_bytes(&png_header(10_000, 10_000), 256, limits);
        assert!(matches!(error, Err(PreviewError::TooLarge(_))), "{error:?}");
    }

    #[test]
    fn thumbnails_keep_aspect_and_never_enlarge() -> Result<(), PreviewError> {
        let jpeg = small_jpeg();
        let thumb = thumbnail_from_bytes(&jpeg, 16, DecodeLimits::default())?;
        assert_eq!((thumb.width, thumb.height), (16, 8));
        assert_eq!((thumb.source_width, thumb.source_height), (64, 32));
        assert_eq!(thumb.rgba.len(), 16 * 8 * 4);
        assert_eq!(thumb.format, ImageFormat::Jpeg);
        let same = thumbnail_from_bytes(&jpeg, 1000, DecodeLimits::default())?;
        assert_eq!((same.width, same.height), (64, 32));
        Ok(())
    }

    #[test]
    fn truncated_and_corrupt_files_are_errors() {
        let jpeg = small_jpeg();
        let half = jpeg.get(..jpeg.len() / 2).unwrap_or_default();
        let error = thumbnail_from_bytes(half, 16, DecodeLimits::default());
        assert!(
            matches!(error, Err(PreviewError::Truncated(_))),
            "{error:?}"
        );
        let mut corrupt = b"\x89PNG\r\n\x1a\n".to_vec();
        push_chunk(
            &mut corrupt,
            b"IHDR",
            &[0, 0, 0, 10, 0, 0, 0, 10, 8, 6, 0, 0, 0],
        );
        push_chunk(&mut corrupt, b"IDAT", b"junkjunk");
        push_chunk(&mut corrupt, b"IEND", &[]);
        let error = thumbnail_from_bytes(&corrupt, 16, DecodeLimits::default());
        assert!(
            matches!(
                error,
                Err(PreviewError::Corrupt(_) | PreviewError::Truncated(_))
            ),
            "{error:?}"
        );
        for end in 0..jpeg.len() {
            let _ = thumbnail_from_bytes(
                jpeg.get(..end).unwrap_or_default(),
                16,
                DecodeLimits::default(),
            );
        }
    }

    #[test]
    fn unknown_formats_say_so() {
        let error = thumbnail_from_bytes(
            b"just some text, not a picture",
            16,
            DecodeLimits::default(),
        );
        assert_eq!(
            error,
            Err(PreviewError::Unsupported(
                "not an image format this app decodes".to_string()
            ))
        );
    }
}
