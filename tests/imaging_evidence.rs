//! Examining a photo's images, and the background preview loader, on the
//! stand-ins and on broken files made at test time.

mod png_fixture;

use png_fixture::png_declaring;
use std::path::{Path, PathBuf};

use caption_provenance::corpus::{Problem, ProblemKind, ProblemSeverity};
use caption_provenance::imaging::evidence::{MatchVerdict, examine_images};
use caption_provenance::imaging::loader::PreviewLoader;
use caption_provenance::imaging::metadata::Field;
use caption_provenance::imaging::preview::PreviewError;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const FOLDER: &str = "captions/paris-2024-table-tennis-selfie";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FOLDER)
}

#[test]
fn the_stand_ins_examined() -> TestResult {
    let names = [
        "images/selfie-1600.jpg",
        "images/selfie-400.png",
        "images/selfie-agency.jpg",
        "images/selfie-crop.jpg",
        "images/ceremony-wide.jpg",
    ];
    let images: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
    let evidence = examine_images(&root(), &images);
    type Summary<'a> = (&'a str, Option<u32>, Option<u32>, Option<&'a str>);
    let summary: Vec<Summary<'_>> = evidence
        .images
        .iter()
        .map(|i| {
            (
                i.path.to_str().unwrap_or(""),
                i.width,
                i.height,
                i.format.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "images/selfie-1600.jpg",
                Some(1600),
                Some(1067),
                Some("JPEG")
            ),
            ("images/selfie-400.png", Some(400), Some(266), Some("PNG")),
            (
                "images/selfie-agency.jpg",
                Some(1200),
                Some(800),
                Some("JPEG")
            ),
            (
                "images/selfie-crop.jpg",
                Some(1000),
                Some(666),
                Some("JPEG")
            ),
            (
                "images/ceremony-wide.jpg",
                Some(1000),
                Some(666),
                Some("JPEG")
            ),
        ]
    );
    for image in &evidence.images {
        assert_eq!(image.problem, None);
        assert!(image.hash.is_some());
        let size = std::fs::metadata(root().join(&image.path))?.len();
        assert_eq!(image.file_size, Some(size));
    }
    let agency = evidence.images.get(2).ok_or("no agency image")?;
    assert_eq!(
        agency.metadata.get(Field::Credit),
        Some("caption-provenance stand-in")
    );
    assert_eq!(agency.conflicts, vec![]);
    // The crop (about a fifth cut off) is past the threshold measured on
    // real photos: a group of its own (BENCHMARKS.md, "Same photo").
    assert_eq!(
        evidence.groups,
        vec![
            images.get(..3).ok_or("short")?.to_vec(),
            vec![PathBuf::from("images/selfie-crop.jpg")],
            vec![PathBuf::from("images/ceremony-wide.jpg")]
        ]
    );
    // Every pair among the three copies is listed as the same photo; the
    // crop is not the master; pairs with the wide shot, where listed at
    // all, are different.
    let verdict = |a: &str, b: &str| {
        evidence
            .matches
            .iter()
            .find(|m| m.a.ends_with(a) && m.b.ends_with(b))
            .map(|m| m.verdict)
    };
    assert_eq!(
        verdict("selfie-1600.jpg", "selfie-400.png"),
        Some(MatchVerdict::SamePhoto)
    );
    assert_eq!(
        verdict("selfie-1600.jpg", "selfie-agency.jpg"),
        Some(MatchVerdict::SamePhoto)
    );
    assert_eq!(
        verdict("selfie-400.png", "selfie-agency.jpg"),
        Some(MatchVerdict::SamePhoto)
    );
    assert_eq!(
        verdict("selfie-1600.jpg", "selfie-crop.jpg"),
        Some(MatchVerdict::Different)
    );
    for m in &evidence.matches {
        if m.b.ends_with("ceremony-wide.jpg") {
            assert_eq!(m.verdict, MatchVerdict::Different, "{m:?}");
        }
    }
    Ok(())
}

#[test]
fn broken_images_are_problems_and_the_rest_still_match() -> TestResult {
    let dir = tempfile::tempdir()?;
    let good = std::fs::read(root().join("images/selfie-800.jpg"))?;
    std::fs::write(dir.path().join("good.jpg"), &good)?;
    std::fs::write(dir.path().join("copy.jpg"), &good)?;
    std::fs::write(
        dir.path().join("truncated.jpg"),
        good.get(..good.len() / 2).unwrap_or_default(),
    )?;
    std::fs::write(dir.path().join("bomb.png"), png_declaring(100_000, 100_000))?;
    std::fs::write(dir.path().join("notes.jpg"), b"this is text, not a picture")?;
    let images: Vec<PathBuf> = [
        "good.jpg",
        "truncated.jpg",
        "bomb.png",
        "notes.jpg",
        "missing.jpg",
        "copy.jpg",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    let evidence = examine_images(dir.path(), &images);
    let problems: Vec<(String, &str)> = evidence
        .problems()
        .into_iter()
        .map(|p: Problem| {
            assert_eq!(
                (p.kind, p.severity),
                (ProblemKind::BadImage, ProblemSeverity::Error)
            );
            (
                p.path.display().to_string(),
                if p.reason.starts_with("the image is truncated") {
                    "truncated"
                } else if p
                    .reason
                    .starts_with("the image is too large to decode safely")
                {
                    "too large"
                } else if p.reason.starts_with("unsupported image format") {
                    "unsupported"
                } else if p.reason.starts_with("cannot read the image") {
                    "unreadable"
                } else {
                    "other"
                },
            )
        })
        .collect();
    assert_eq!(
        problems,
        vec![
            ("truncated.jpg".to_string(), "truncated"),
            ("bomb.png".to_string(), "too large"),
            ("notes.jpg".to_string(), "unsupported"),
            ("missing.jpg".to_string(), "unreadable"),
        ]
    );
    assert_eq!(
        evidence.groups,
        vec![vec![PathBuf::from("good.jpg"), PathBuf::from("copy.jpg")]]
    );
    assert_eq!(evidence.matches.len(), 1);
    assert_eq!(evidence.matches.first().map(|m| m.distance), Some(0));
    Ok(())
}

#[test]
fn the_preview_loader_answers_in_the_background_and_from_its_cache() -> TestResult {
    let loader = PreviewLoader::new(2, 8 * 1024 * 1024);
    let path = root().join("images/selfie-1600.jpg");
    loader.request(&path, 200, 1);
    let first = loader.recv().ok_or("no result")?;
    let thumbnail = first.thumbnail.map_err(|e| e.to_string())?;
    assert_eq!(
        (first.path.as_path(), first.max_side, first.generation),
        (path.as_path(), 200, 1)
    );
    assert_eq!((thumbnail.width, thumbnail.height), (200, 133));
    assert_eq!(loader.cached_bytes(), 200 * 133 * 4);
    // The second request is answered from the cache, before any wait.
    loader.request(&path, 200, 2);
    let second = loader
        .try_recv()
        .ok_or("the cache did not answer at once")?;
    assert_eq!(second.generation, 2);

    let missing = root().join("images/nothing-here.jpg");
    loader.request(&missing, 200, 2);
    let error = loader.recv().ok_or("no result")?.thumbnail.map(|_| ());
    assert!(
        matches!(error, Err(PreviewError::Unreadable(_))),
        "{error:?}"
    );

    // Requests of an older generation are skipped once a newer one is set.
    loader.set_generation(5);
    loader.request(&root().join("images/selfie-800.jpg"), 100, 4);
    loader.request(&root().join("images/selfie-400.png"), 100, 5);
    let next = loader.recv().ok_or("no result")?;
    assert_eq!(
        (next.generation, next.path.ends_with("selfie-400.png")),
        (5, true)
    );
    Ok(())
}
