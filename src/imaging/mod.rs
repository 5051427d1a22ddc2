//! Images as evidence: embedded caption and credit metadata, previews decoded
//! within limits, and perceptual hashes for "same photo?" matching.
//!
//! - `metadata` (the model and `read_embedded`), fed by `container` (JPEG,
//!   PNG, TIFF, WebP walks) and the readers `iptc`, `xmp`, `exif`,
//!   `png_profile` (IPTC in PNG text chunks);
//! - `preview` (decoding within limits, thumbnails), `orientation` (EXIF
//!   orientation applied to every decode, so previews and hashes are upright), `cache` (bounded in
//!   bytes), `loader` (the background pool the GUI uses);
//! - `hash` (perceptual hashes, same-photo groups) and `evidence` (all of it
//!   for a photo's images, for the report and the GUI).

pub mod cache;
pub mod container;
pub mod evidence;
pub mod exif;
pub mod hash;
pub mod iptc;
pub mod loader;
pub mod metadata;
pub mod orientation;
pub mod png_profile;
pub mod preview;
pub mod segments;
pub mod xmp;
