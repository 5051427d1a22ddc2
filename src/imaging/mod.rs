//! Images as evidence: embedded caption and credit metadata, previews decoded
//! within limits, and perceptual hashes for "same photo?" matching.

pub mod container;
pub mod exif;
pub mod hash;
pub mod iptc;
pub mod metadata;
pub mod preview;
pub mod xmp;
