//! How the loader walks folders: photos and their order, `images/` folders,
//! links, progress, cancelling, and roots that cannot be opened.

mod folder_fixture;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use caption_provenance::corpus::load::{LoadError, LoadProgress, load_folder};

use folder_fixture::{load, write};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Three photos, one nested under another, eight files in all.
fn many_photos(root: &Path) -> std::io::Result<()> {
    write(root, "b-photo/caption.txt", b"B caption.")?;
    write(root, "b-photo/images/b.jpg", b"jpeg?")?;
    write(root, "b-photo/images/extra/c.png", b"png?")?;
    write(root, "a-photo/2.toml", b"caption = \"A2\"")?;
    write(root, "a-photo/1.json", b"{\"caption\": \"A1\"}")?;
    write(
        root,
        "a-photo/nested/caption.htm",
        b"<figcaption>N</figcaption>",
    )?;
    write(
        root,
        "a-photo/photo.toml",
        b"images = [\"../b-photo/images/b.jpg\"]",
    )?;
    write(root, "vocabulary.toml", b"")
}

#[test]
fn photos_in_path_order() -> TestResult {
    let dir = tempfile::tempdir()?;
    many_photos(dir.path())?;
    let corpus = load(dir.path())?;
    assert_eq!(corpus.problems, vec![]);
    let photos: Vec<(&str, Vec<&str>, Vec<PathBuf>)> = corpus
        .photos
        .iter()
        .map(|p| {
            let captions = p.variants.iter().map(|v| v.caption.as_str()).collect();
            (p.id.as_str(), captions, p.images.clone())
        })
        .collect();
    assert_eq!(
        photos,
        vec![
            // photo.toml may name an image of another folder inside the root.
            (
                "a-photo",
                vec!["A1", "A2"],
                vec![PathBuf::from("b-photo/images/b.jpg")]
            ),
            ("a-photo/nested", vec!["N"], vec![]),
            (
                "b-photo",
                vec!["B caption."],
                vec![PathBuf::from("b-photo/images/b.jpg")]
            ),
            // A folder of images without captions is a photo of its own,
            // so its images are still shown and compared.
            (
                "b-photo/images/extra",
                vec![],
                vec![PathBuf::from("b-photo/images/extra/c.png")]
            ),
        ]
    );
    assert_eq!(
        corpus.vocabulary_files,
        vec![PathBuf::from("vocabulary.toml")]
    );
    // `images/extra/` is a folder of its own: its image was read too.
    let inputs: Vec<&Path> = corpus.inputs.iter().map(|i| i.path.as_path()).collect();
    assert_eq!(
        inputs,
        vec![
            Path::new("a-photo/1.json"),
            Path::new("a-photo/2.toml"),
            Path::new("a-photo/nested/caption.htm"),
            Path::new("a-photo/photo.toml"),
            Path::new("b-photo/caption.txt"),
            Path::new("b-photo/images/b.jpg"),
            Path::new("b-photo/images/extra/c.png"),
            // It changes the findings, so it is among the hashed inputs.
            Path::new("vocabulary.toml"),
        ]
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn links_inside_the_root_are_followed() -> TestResult {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir()?;
    write(dir.path(), "shared/caption.txt", b"Shared.")?;
    write(dir.path(), "photo/own.txt", b"Own.")?;
    symlink(
        dir.path().join("shared/caption.txt"),
        dir.path().join("photo/linked.txt"),
    )?;
    let corpus = load(dir.path())?;
    assert_eq!(corpus.problems, vec![]);
    let photo = corpus
        .photos
        .iter()
        .find(|p| p.id == "photo")
        .ok_or("no photo")?;
    let ids: Vec<&str> = photo.variants.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, vec!["photo/linked.txt", "photo/own.txt"]);
    Ok(())
}

#[test]
fn progress_counts_every_file_up_to_the_total() -> TestResult {
    let dir = tempfile::tempdir()?;
    many_photos(dir.path())?;
    let seen = Mutex::new(Vec::new());
    let cancel = AtomicBool::new(false);
    let record = |p: LoadProgress| {
        if let Ok(mut seen) = seen.lock() {
            seen.push(p);
        }
    };
    load_folder(dir.path(), &record, &cancel)?;
    let mut seen = seen.into_inner().map_err(|_| "poisoned")?;
    assert!(seen.iter().all(|p| p.total == 7));
    seen.sort_by_key(|p| p.done);
    let done: Vec<usize> = seen.iter().map(|p| p.done).collect();
    assert_eq!(done, vec![0, 1, 2, 3, 4, 5, 6, 7]);
    Ok(())
}

#[test]
fn cancelling_stops_the_load() -> TestResult {
    let dir = tempfile::tempdir()?;
    many_photos(dir.path())?;

    let cancel = AtomicBool::new(true);
    let result = load_folder(dir.path(), &|_| {}, &cancel);
    assert!(matches!(result, Err(LoadError::Cancelled)), "{result:?}");

    // Cancelled from the progress callback, as the GUI's button would.
    let cancel = AtomicBool::new(false);
    let on_progress = |p: LoadProgress| {
        if p.done >= 1 {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let result = load_folder(dir.path(), &on_progress, &cancel);
    assert!(matches!(result, Err(LoadError::Cancelled)), "{result:?}");
    Ok(())
}

#[test]
fn roots_that_are_not_folders() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cancel = AtomicBool::new(false);
    let missing = dir.path().join("missing");
    match load_folder(&missing, &|_| {}, &cancel) {
        Err(LoadError::Root { path, reason }) => {
            assert_eq!(
                (path, reason.as_str()),
                (missing.display().to_string(), "no such folder")
            );
        }
        other => return Err(format!("expected a root error, got {other:?}").into()),
    }
    write(dir.path(), "caption.txt", b"A caption.")?;
    let file = dir.path().join("caption.txt");
    match load_folder(&file, &|_| {}, &cancel) {
        Err(LoadError::Root { reason, .. }) => assert_eq!(reason, "not a folder"),
        other => return Err(format!("expected a root error, got {other:?}").into()),
    }
    Ok(())
}

#[test]
fn the_root_as_a_photo_folder() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "caption.txt", b"A caption.")?;
    let corpus = load(dir.path())?;
    let photo = corpus.photos.first().ok_or("no photo")?;
    assert_eq!(photo.id, ".");
    let name = dir
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    assert_eq!(Some(photo.title.clone()), name);
    assert_eq!(
        photo.variants.first().map(|v| v.id.as_str()),
        Some("caption.txt")
    );
    assert_eq!(corpus.root, dir.path());
    Ok(())
}
