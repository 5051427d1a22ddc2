//! Decoding images within limits, into small RGBA thumbnails.
//!
//! Every decode goes through `image::ImageReader` with `image::Limits`
//! (dimensions and allocation), so a decompression bomb (a small file that
//! declares a huge picture) is refused before any pixel is allocated, and
//! becomes a `PreviewError`, never an out-of-memory. Truncated and corrupt
//! files, and formats we do not decode, are errors too; nothing here panics.
//!
//! JPEGs are decoded at full size, then shrunk: image 0.25 decodes JPEG with
//! zune-jpeg, whose decoder offers no scaled (1/2, 1/4, 1/8) IDCT, and image's
//! `JpegDecoder` exposes no scale option; so a 6000x4000 JPEG briefly costs
//! its full 72 MB of RGB.

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

/// A JPEG must end with its end-of-image marker (some encoders pad after
/// it): zune-jpeg decodes a truncated JPEG without complaint, greying out
/// the missing part, which would hide a damaged file.
fn check_jpeg_complete(bytes: &[u8]) -> Result<(), PreviewError> {
    let tail_start = bytes.len().saturating_sub(64 * 1024);
    let tail = bytes.get(tail_start..).unwrap_or_default();
    if tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        Ok(())
    } else {
        Err(PreviewError::Truncated(
            "the JPEG has no end-of-image marker".to_string(),
        ))
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
    reader.limits(limits.to_image_limits());
    let image = reader.decode().map_err(classify)?;
    Ok((image, format))
}

/// Shrinks a decoded image to at most `max_side` pixels on its long side
/// (never enlarging it) and converts it to RGBA.
pub fn shrink(image: &DynamicImage, format: ImageFormat, max_side: u32) -> Thumbnail {
    let max_side = max_side.max(1);
    let small = if image.width() > max_side || image.height() > max_side {
        image.thumbnail(max_side, max_side)
    } else {
        image.clone()
    };
    let rgba = small.to_rgba8();
    Thumbnail {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
        source_width: image.width(),
        source_height: image.height(),
        format,
    }
}

/// Decodes `bytes` within `limits` into a thumbnail of at most `max_side` px.
pub fn thumbnail_from_bytes(
    bytes: &[u8],
    max_side: u32,
    limits: DecodeLimits,
) -> Result<Thumbnail, PreviewError> {
    let (image, format) = decode(bytes, limits)?;
    Ok(shrink(&image, format, max_side))
}

/// Reads a file (refusing one over `MAX_FILE_BYTES`).
pub fn read_image_file(path: &Path) -> Result<Vec<u8>, PreviewError> {
    let size = std::fs::metadata(path)
        .map_err(|e| PreviewError::Unreadable(e.to_string()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(PreviewError::FileTooLarge);
    }
    std::fs::read(path).map_err(|e| PreviewError::Unreadable(e.to_string()))
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
