//! Same-photo matching on the stand-ins: transformed copies match, a
//! different picture of the same scene does not; EXIF orientation is
//! applied; crops match as far as the measured rule reaches.

use std::path::{Path, PathBuf};

use caption_provenance::imaging::container::insert_jpeg_segments;
use caption_provenance::imaging::hash::{
    SAME_PHOTO_MAX_DISTANCE, hash_bytes, hash_file, is_same_photo, same_photo_groups,
};
use caption_provenance::imaging::preview::{DecodeLimits, PreviewError, thumbnail_from_bytes};

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
    // The crop (1000x666 of the 1600x1067 master, about a fifth cut off)
    // is 35 bits from the master: past the threshold measured on real
    // photos (24), and sharing one segment; it is a group of its own.
    assert_eq!(
        same_photo_groups(&hashes),
        vec![vec![0, 1, 2, 4, 5, 6], vec![3], vec![7]]
    );
    // Every other copy matches every other directly (the crop shares
    // segments with some of them, not with the master, so complete linkage
    // keeps it out), and the wide shot is far from every copy.
    assert!(matches!(
        (hashes.get(3), hashes.first()),
        (Some(Some(crop)), Some(Some(master))) if !crop.same_photo(master)
    ));
    let hashes: Vec<_> = hashes.into_iter().flatten().collect();
    let (copies, wide) = hashes.split_at(7);
    for (i, (name, copy)) in NAMES.iter().zip(copies).enumerate() {
        for (j, other) in copies.iter().enumerate() {
            let distance = copy.distance(other);
            if i != 3 && j != 3 {
                assert!(copy.same_photo(other), "{name}: {distance}");
            }
        }
        for other in wide {
            let distance = copy.distance(other);
            assert!(distance > SAME_PHOTO_MAX_DISTANCE + 8, "{name}: {distance}");
            assert!(!copy.same_photo(other), "{name}");
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

fn jpeg_of(image: &image::DynamicImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = image
        .to_rgb8()
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut bytes, 90,
        ));
    bytes
}

/// A JPEG APP1 segment holding an EXIF block with Orientation = `value`.
fn orientation_segment(value: u16) -> Vec<u8> {
    let mut payload = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    payload.extend_from_slice(&value.to_be_bytes());
    payload.extend_from_slice(&[0; 6]);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap_or(0).to_be_bytes());
    segment.extend_from_slice(&payload);
    segment
}

fn decode_file(name: &str) -> image::DynamicImage {
    image::open(path(name)).unwrap_or_default()
}

#[test]
fn a_copy_stored_sideways_with_orientation_6_previews_upright_and_matches()
-> Result<(), PreviewError> {
    let master = decode_file("selfie-800.jpg");
    // The pixels stored turned anticlockwise, the tag saying "turn clockwise".
    let sideways = jpeg_of(&master.rotate270());
    let tagged = insert_jpeg_segments(&sideways, &[orientation_segment(6)]).unwrap_or_default();
    let preview = thumbnail_from_bytes(&tagged, 200, DecodeLimits::default())?;
    assert_eq!(
        (preview.source_width, preview.source_height),
        (master.width(), master.height())
    );
    assert!(
        preview.width > preview.height,
        "{}x{}",
        preview.width,
        preview.height
    );
    let original = hash_file(&path("selfie-1600.jpg"))?;
    let upright = hash_bytes(&tagged, DecodeLimits::default())?;
    let distance = original.distance(&upright);
    assert!(is_same_photo(distance), "{distance}");
    // Without the tag the same pixels are a sideways picture: no match.
    let untagged = hash_bytes(&sideways, DecodeLimits::default())?;
    assert!(
        !original.same_photo(&untagged),
        "{}",
        original.distance(&untagged)
    );
    Ok(())
}

/// The stand-in cut down by `cut`% of its width and of its height,
/// off-centre (as `benches/same_photo/run.sh` crops), as a JPEG.
fn cropped(master: &image::DynamicImage, cut: u32) -> Vec<u8> {
    let (width, height) = (master.width(), master.height());
    let (w, h) = (width * (100 - cut) / 100, height * (100 - cut) / 100);
    jpeg_of(&master.crop_imm((width - w) / 3, (height - h) / 3, w, h))
}

#[test]
fn small_crops_match_a_quarter_crop_does_not_and_the_wide_shot_never() -> Result<(), PreviewError> {
    let master = decode_file("selfie-1600.jpg");
    let original = hash_file(&path("selfie-1600.jpg"))?;
    let wide = hash_file(&path("ceremony-wide.jpg"))?;
    // (cut %, whole-image distance, shared segments, the same photo?)
    let expected = [
        (5, 17, 5, true),
        (8, 23, 5, true),
        (10, 28, 2, false),
        (25, 68, 1, false),
    ];
    for (cut, distance, shared, same) in expected {
        let crop = hash_bytes(&cropped(&master, cut), DecodeLimits::default())?;
        assert_eq!(
            (
                original.distance(&crop),
                original.shared_segments(&crop),
                original.same_photo(&crop)
            ),
            (distance, shared, same),
            "cut {cut}%"
        );
        assert!(!wide.same_photo(&crop), "cut {cut}%");
    }
    // The limit measured on real photos (BENCHMARKS.md, "Same photo"): a
    // quarter cut off each side is found in 9% of photos, not this one.
    assert!(!wide.same_photo(&original));
    assert_eq!(original.shared_segments(&wide), 0);
    Ok(())
}

#[test]
fn the_threshold_is_the_measured_one() {
    // BENCHMARKS.md, "Same photo": the largest with precision >= 0.99.
    assert_eq!(SAME_PHOTO_MAX_DISTANCE, 24);
}
