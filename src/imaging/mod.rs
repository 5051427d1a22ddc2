//! Images as evidence: embedded caption and credit metadata, previews decoded
//! within limits, and perceptual hashes for "same photo?" matching.
//!
//! - `metadata` (the model and `read_embedded`), fed by `container` (JPEG,
//!   PNG, TIFF, WebP walks; `heif` for HEIC/AVIF items, `psd` for Photoshop
//!   documents) and the readers `iptc`, `xmp`, `exif`, `png_profile` (IPTC
//!   and EXIF in PNG text chunks);
//! - `preview` (decoding within limits, thumbnails; `tiff_pixels` for TIFF
//!   colour types the decoder refuses, `jpeg_end` for truncation),
//!   `orientation` (EXIF orientation applied to every decode, so previews
//!   and hashes are upright), `cache` (bounded in bytes), `loader` (the
//!   background pool the GUI uses);
//! - `hash` (perceptual hashes, same-photo groups; `segments` for crops)
//!   and `evidence` (all of it for a photo's images, for the report and the
//!   GUI).

pub mod cache;
pub mod container;
pub mod evidence;
pub mod exif;
pub mod hash;
pub mod heif;
pub mod iptc;
pub mod jpeg_end;
pub mod loader;
pub mod metadata;
pub mod orientation;
pub mod png_profile;
pub mod preview;
pub mod psd;
pub mod segments;
pub mod tiff_pixels;
pub mod xmp;
