//! Image evidence for the report: per image its size, format, embedded
//! metadata and perceptual hash, the pairwise same-photo matches, and a small
//! JPEG thumbnail as a `data:` URI for the HTML view.
//!
//! The examining is `imaging::evidence`'s (each file read and decoded once,
//! JPEGs at reduced scale, within limits, in parallel); a file that cannot
//! be decoded gets a problem line, never a panic. This module turns its
//! findings into the report's sections and lists every pair of images.

use std::io::Cursor;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, RgbaImage};

use super::{ImageMatch, ImageReport, ImageSection, Thumbnails};
use crate::corpus::{Corpus, Photo};
use crate::imaging::evidence::{examine_images, examine_images_with_thumbnails};
use crate::imaging::hash::complete_groups;
use crate::imaging::preview::Thumbnail;

/// The long side of an embedded thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 240;

/// JPEG quality of embedded thumbnails.
const THUMBNAIL_QUALITY: u8 = 75;

/// Whether to make thumbnails (only the HTML view shows them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThumbnailChoice {
    Make,
    Skip,
}

impl ImageSection {
    /// The images grouped by "same photo": groups in which every two
    /// images are the same photo (`hash::complete_groups`, no chains), in
    /// image order; an image that matches no other is a group of one.
    pub fn same_photo_groups(&self) -> Vec<Vec<&Path>> {
        let paths: Vec<&Path> = self.images.iter().map(|i| i.path.as_path()).collect();
        let index = |path: &Path| paths.iter().position(|p| *p == path);
        let mut same = std::collections::HashMap::new();
        for m in self.matches.iter().filter(|m| m.same_photo) {
            if let (Some(a), Some(b)) = (index(&m.a), index(&m.b)) {
                same.insert((a.min(b), a.max(b)), m.distance);
            }
        }
        complete_groups(paths.len(), |i, j| same.get(&(i, j)).copied(), |_| true)
            .into_iter()
            .map(|group| {
                group
                    .into_iter()
                    .filter_map(|i| paths.get(i).copied())
                    .collect()
            })
            .collect()
    }
}

/// Examines every photo's images: one section per photo (in corpus order),
/// and the thumbnails keyed by image path.
pub fn examine(corpus: &Corpus, thumbnails: ThumbnailChoice) -> (Vec<ImageSection>, Thumbnails) {
    let mut all_thumbnails = Thumbnails::new();
    let sections = corpus
        .photos
        .iter()
        .map(|photo| examine_photo(&corpus.root, photo, thumbnails, &mut all_thumbnails))
        .collect();
    (sections, all_thumbnails)
}

fn examine_photo(
    root: &Path,
    photo: &Photo,
    thumbnails: ThumbnailChoice,
    out: &mut Thumbnails,
) -> ImageSection {
    let (evidence, made) = match thumbnails {
        ThumbnailChoice::Make => {
            examine_images_with_thumbnails(root, &photo.images, THUMBNAIL_SIDE)
        }
        ThumbnailChoice::Skip => (examine_images(root, &photo.images), Vec::new()),
    };
    for (path, thumbnail) in photo.images.iter().zip(made) {
        if let Some(uri) = thumbnail.as_ref().and_then(thumbnail_uri) {
            out.insert(path.clone(), uri);
        }
    }
    let images = evidence
        .images
        .into_iter()
        .map(|image| ImageReport {
            path: image.path,
            width: image.width,
            height: image.height,
            format: image.format,
            bytes: image.file_size,
            metadata: image.metadata,
            problem: image.problem,
        })
        .collect();
    // Every pair, not only the close ones the evidence lists.
    let mut matches = Vec::new();
    for (i, a) in evidence.hashes.iter().enumerate() {
        for (j, b) in evidence.hashes.iter().enumerate().skip(i + 1) {
            if let (Some(a), Some(b), Some(pa), Some(pb)) =
                (a, b, photo.images.get(i), photo.images.get(j))
            {
                let distance = a.distance(b);
                matches.push(ImageMatch {
                    a: pa.clone(),
                    b: pb.clone(),
                    distance,
                    same_photo: a.same_photo(b),
                });
            }
        }
    }
    ImageSection {
        note: photo
            .images
            .is_empty()
            .then(|| "This photo has no image files.".to_owned()),
        images,
        matches,
    }
}

/// A small JPEG of the thumbnail as a `data:` URI.
fn thumbnail_uri(thumbnail: &Thumbnail) -> Option<String> {
    let rgba = RgbaImage::from_raw(thumbnail.width, thumbnail.height, thumbnail.rgba.clone())?;
    let rgb = DynamicImage::ImageRgba8(rgba).to_rgb8();
    let mut jpeg = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut jpeg, THUMBNAIL_QUALITY)
        .encode_image(&rgb)
        .ok()?;
    Some(format!(
        "data:image/jpeg;base64,{}",
        STANDARD.encode(jpeg.into_inner())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn groups_need_every_pair_to_be_the_same_photo() {
        let image = |p: &str| ImageReport {
            path: PathBuf::from(p),
            width: None,
            height: None,
            format: None,
            bytes: None,
            metadata: Default::default(),
            problem: None,
        };
        let pair = |a: &str, b: &str, same_photo: bool| ImageMatch {
            a: PathBuf::from(a),
            b: PathBuf::from(b),
            distance: if same_photo { 2 } else { 30 },
            same_photo,
        };
        let mut section = ImageSection {
            note: None,
            images: vec![image("a"), image("wide"), image("b"), image("c")],
            matches: vec![
                pair("a", "wide", false),
                pair("a", "c", true),
                pair("b", "c", true),
                pair("wide", "b", false),
            ],
        };
        // a~c and b~c, but a and b are not the same photo: no chain.
        assert_eq!(
            section.same_photo_groups(),
            vec![
                vec![Path::new("a"), Path::new("c")],
                vec![Path::new("wide")],
                vec![Path::new("b")]
            ]
        );
        section.matches.push(pair("a", "b", true));
        assert_eq!(
            section.same_photo_groups(),
            vec![
                vec![Path::new("a"), Path::new("b"), Path::new("c")],
                vec![Path::new("wide")]
            ]
        );
    }

    #[test]
    fn an_unreadable_image_is_a_problem_not_a_panic() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("broken.jpg"), b"\xff\xd8\xff not really")?;
        let corpus = Corpus {
            root: dir.path().to_path_buf(),
            photos: vec![Photo {
                images: vec![PathBuf::from("broken.jpg"), PathBuf::from("missing.png")],
                ..Photo::default()
            }],
            ..Corpus::default()
        };
        let (sections, thumbnails) = examine(&corpus, ThumbnailChoice::Make);
        assert!(thumbnails.is_empty());
        let images = &sections[0].images;
        assert_eq!(images.len(), 2);
        assert_eq!(images[0].bytes, Some(14));
        assert!(images[0].problem.is_some());
        assert_eq!(images[1].bytes, None);
        assert!(images[1].problem.is_some());
        assert!(sections[0].matches.is_empty());
        assert_eq!(
            sections[0].same_photo_groups(),
            vec![
                vec![Path::new("broken.jpg")],
                vec![Path::new("missing.png")]
            ]
        );
        Ok(())
    }
}
