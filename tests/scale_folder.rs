//! The scale folder generator: a small folder loads without problems, and
//! the analysis finds exactly the planted errors' conflicts and no others.

use std::sync::atomic::AtomicBool;

use caption_provenance::analysis::analyze;
use caption_provenance::corpus::load::load_folder;
use caption_provenance::scale::{Answers, ErrorKind, ScaleOptions, write_scale_folder};

fn small(seed: u64) -> ScaleOptions {
    ScaleOptions {
        photos: 60,
        variants: 6,
        jpegs: 0,
        seed,
        error_share: 0.3,
        ..ScaleOptions::default()
    }
}

#[test]
fn planted_errors_are_exactly_the_conflicts() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let answers = write_scale_folder(dir.path(), &small(11))?;
    let written: Answers =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("answers.json"))?)?;
    assert_eq!(written, answers);
    for kind in [
        ErrorKind::SwappedMedals,
        ErrorKind::MisspeltName,
        ErrorKind::WrongCredit,
    ] {
        assert!(answers.planted.iter().any(|p| p.kind == kind), "{kind:?}");
    }

    let corpus = load_folder(&dir.path().join("photos"), &|_| {}, &AtomicBool::new(false))?;
    assert_eq!(corpus.problems, vec![]);
    assert_eq!(corpus.photos.len(), 60);
    let analysis = analyze(&corpus);
    let mut mismatches = Vec::new();
    for (photo, pa) in corpus.photos.iter().zip(&analysis.photos) {
        assert_eq!(photo.variants.len(), 6);
        let mut found: Vec<String> = pa.conflicts.iter().map(|c| c.key.clone()).collect();
        found.sort();
        let expected = answers.expected_keys(&photo.id);
        if found != expected {
            mismatches.push((photo.id.clone(), expected, found));
        }
    }
    assert_eq!(mismatches, vec![]);
    Ok(())
}

#[test]
fn a_seed_always_gives_the_same_folder() -> Result<(), Box<dyn std::error::Error>> {
    let (a, b) = (tempfile::tempdir()?, tempfile::tempdir()?);
    let options = ScaleOptions {
        photos: 5,
        jpegs: 2,
        jpeg_width: 64,
        jpeg_height: 48,
        ..small(3)
    };
    write_scale_folder(a.path(), &options)?;
    write_scale_folder(b.path(), &options)?;
    for file in [
        "answers.json",
        "photos/photo-00003/photo.toml",
        "jpegs/img-00001.jpg",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(file))?,
            std::fs::read(b.path().join(file))?,
            "{file}"
        );
    }
    let other = tempfile::tempdir()?;
    write_scale_folder(other.path(), &ScaleOptions { seed: 4, ..options })?;
    assert_ne!(
        std::fs::read(a.path().join("answers.json"))?,
        std::fs::read(other.path().join("answers.json"))?
    );
    Ok(())
}
