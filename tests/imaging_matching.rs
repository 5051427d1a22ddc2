//! Same-photo matching on the stand-ins: transformed copies match, a
//! different picture of the same scene does not.

use std::path::{Path, PathBuf};

use caption_provenance::imaging::hash::{
    SAME_PHOTO_MAX_DISTANCE, hash_file, is_same_photo, same_photo_groups,
};
use caption_provenance::imaging::preview::PreviewError;

const NAMES: [&str; 8] = [
    "selfie-1600.jpg",
    "selfie-800.jpg",
    "selfie-400.png",
    "selfie-crop.jpg",
    "selfie-q30.jpg",
    "selfie-captionbar.jpg",
    "selfie-agency.jpg",
    "ceremony-wide.jpg",
];

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("captions/paris-2024-table-tennis-selfie/images")
        .join(name)
}

#[test]
fn transformed_copies_are_one_photo_and_the_wide_shot_another() -> Result<(), PreviewError> {
    let hashes = NAMES
        .iter()
        .map(|name| hash_file(&path(name)).map(Some))
        .collect::<Result<Vec<_>, _>>()?;
    assert_eq!(
        same_photo_groups(&hashes),
        vec![vec![0, 1, 2, 3, 4, 5, 6], vec![7]]
    );
    // Every copy matches the master directly (not only through another copy),
    // and the wide shot is far from every copy.
    let hashes: Vec<_> = hashes.into_iter().flatten().collect();
    let (copies, wide) = hashes.split_at(7);
    for (name, copy) in NAMES.iter().zip(copies) {
        for other in copies {
            let distance = copy.distance(other);
            assert!(is_same_photo(distance), "{name}: {distance}");
        }
        for other in wide {
            let distance = copy.distance(other);
            assert!(distance > SAME_PHOTO_MAX_DISTANCE + 8, "{name}: {distance}");
        }
    }
    Ok(())
}

#[test]
fn images_without_a_hash_are_left_out_of_groups() -> Result<(), PreviewError> {
    let master = hash_file(&path("selfie-1600.jpg"))?;
    let small = hash_file(&path("selfie-400.png"))?;
    assert_eq!(
        same_photo_groups(&[None, Some(master), None, Some(small)]),
        vec![vec![1, 3]]
    );
    assert_eq!(same_photo_groups(&[]), Vec::<Vec<usize>>::new());
    Ok(())
}
