//! Images as evidence: embedded caption and credit metadata, previews decoded
//! within limits, and perceptual hashes for "same photo?" matching.

pub mod metadata;
