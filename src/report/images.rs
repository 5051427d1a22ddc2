//! Image evidence for the report. (Waiting for `imaging::evidence`: until it
//! lands, every photo's image section carries a note saying so.)

use super::{ImageSection, Thumbnails};
use crate::corpus::Corpus;

/// The note shown while image examination is not available.
pub const IMAGES_UNAVAILABLE: &str =
    "Image evidence (matches, embedded metadata) is not available in this version.";

/// Examines every photo's images: one section per photo, and the thumbnails
/// for the HTML view.
pub fn examine(corpus: &Corpus) -> (Vec<ImageSection>, Thumbnails) {
    let sections = corpus
        .photos
        .iter()
        .map(|_| ImageSection {
            note: Some(IMAGES_UNAVAILABLE.to_owned()),
            ..ImageSection::default()
        })
        .collect();
    (sections, Thumbnails::new())
}
