//! Loading a captions folder: walk it, read its files in parallel, then put
//! photos, variants, inputs and problems together in path order.
//!
//! A folder that directly holds caption files (or images, or a `photo.toml`)
//! is one photo; its `images/` subfolder belongs to it. Hidden entries and
//! `vocabulary.toml` files are not read (the latter are listed in
//! [`Corpus::vocabulary_files`] for the analysis). The root must be a folder:
//! a single file given as the root is a [`LoadError::Root`], so a caller that
//! wants one file opens its folder.
//!
//! A folder of images without captions is a photo with images and no
//! variants: its images are still shown, hashed and grouped.
//! A file that cannot be used gives exactly one error problem; a file that
//! loads gives one warning per thing it ignored (each unknown key, with its
//! line), so a clean hostile file shows as one line and a messy one as several.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::read::{Content, Outcome, input_file, read_file};
use super::walk::{FileKind, PhotoFolder, walk};
use super::{Corpus, Photo, Problem, ProblemKind, ProblemSeverity};
use crate::regular_file::read_regular;

pub use super::read::{CAPTION_SIZE_LIMIT, IMAGE_SIZE_LIMIT};

/// How far loading has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadProgress {
    /// Files read so far.
    pub done: usize,
    /// Files to read in all.
    pub total: usize,
}

/// Why a folder could not be loaded at all (per-file trouble is a `Problem`).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The root does not exist, is not a folder, or cannot be listed.
    #[error("{path}: {reason}")]
    Root { path: String, reason: String },
    /// `cancel` was set while loading.
    #[error("loading was cancelled")]
    Cancelled,
}

/// Loads a captions folder. `progress` is called as files are read (from
/// several threads, with `done` counting up to `total`); setting `cancel`
/// stops the load with `LoadError::Cancelled`.
pub fn load_folder(
    root: &Path,
    progress: &(dyn Fn(LoadProgress) + Sync),
    cancel: &AtomicBool,
) -> Result<Corpus, LoadError> {
    let root_error = |reason: String| LoadError::Root {
        path: root.display().to_string(),
        reason,
    };
    let metadata = std::fs::metadata(root).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => root_error("no such folder".into()),
        _ => root_error(error.to_string()),
    })?;
    if !metadata.is_dir() {
        return Err(root_error("not a folder".into()));
    }
    let canonical = std::fs::canonicalize(root).map_err(|error| root_error(error.to_string()))?;
    let found = walk(&canonical).map_err(|error| root_error(error.to_string()))?;
    if cancel.load(Ordering::Relaxed) {
        return Err(LoadError::Cancelled);
    }

    let jobs: Vec<(usize, &super::walk::FoundFile)> = found
        .folders
        .iter()
        .enumerate()
        .flat_map(|(index, folder)| folder.files.iter().map(move |file| (index, file)))
        .collect();
    let total = jobs.len();
    progress(LoadProgress { done: 0, total });
    let done = AtomicUsize::new(0);
    let outcomes: Vec<Option<(usize, Outcome)>> = jobs
        .par_iter()
        .map(|(index, file)| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let outcome = read_file(&canonical, file);
            let done = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(LoadProgress { done, total });
            Some((*index, outcome))
        })
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return Err(LoadError::Cancelled);
    }

    let mut corpus = Corpus {
        root: std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf()),
        vocabulary_files: found.vocabulary_files,
        problems: found.problems,
        ..Corpus::default()
    };
    // Vocabulary files change the findings: their digests belong with the
    // inputs. (The analysis reads them; one it cannot read is its warning.)
    for relative in &corpus.vocabulary_files {
        if let Ok(bytes) = read_regular(&canonical.join(relative), CAPTION_SIZE_LIMIT) {
            corpus.inputs.push(input_file(relative, &bytes));
        }
    }
    let mut photos: Vec<PhotoParts> = found.folders.iter().map(PhotoParts::new).collect();
    for (index, outcome) in outcomes.into_iter().flatten() {
        corpus.problems.extend(outcome.problems);
        corpus.inputs.extend(outcome.input);
        if let Some(photo) = photos.get_mut(index) {
            photo.add(outcome.content);
        }
    }
    let had_captions = photos.iter().any(|photo| photo.caption_files > 0);
    corpus.photos = photos
        .into_iter()
        .filter(|photo| {
            photo.caption_files > 0 || !photo.photo.variants.is_empty() || !photo.images.is_empty()
        })
        .map(PhotoParts::finish)
        .collect();
    if !had_captions && corpus.photos.is_empty() {
        corpus.problems.push(Problem {
            path: PathBuf::from("."),
            reason: format!("no caption files found in {}", root.display()),
            line: None,
            severity: ProblemSeverity::Error,
            kind: ProblemKind::NoCaptions,
        });
    }
    corpus.inputs.sort_by(|a, b| a.path.cmp(&b.path));
    corpus
        .problems
        .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    Ok(corpus)
}

/// A photo being put together from its files' outcomes.
struct PhotoParts {
    photo: Photo,
    images: BTreeSet<PathBuf>,
    caption_files: usize,
}

impl PhotoParts {
    fn new(folder: &PhotoFolder) -> PhotoParts {
        let id = if folder.relative.as_os_str().is_empty() {
            ".".to_string()
        } else {
            super::shown_path(&folder.relative)
        };
        let title = folder
            .absolute
            .file_name()
            .map_or_else(|| id.clone(), super::shown);
        let caption_files = folder
            .files
            .iter()
            .filter(|file| matches!(file.kind, FileKind::Caption(_)))
            .count();
        PhotoParts {
            photo: Photo {
                id,
                title,
                ..Photo::default()
            },
            images: BTreeSet::new(),
            caption_files,
        }
    }

    fn add(&mut self, content: Content) {
        match content {
            Content::Nothing => {}
            Content::Variant(variant) => {
                self.images.extend(variant.source.image.clone());
                self.photo.variants.push(*variant);
            }
            Content::Image { path, variants } => {
                self.images.insert(path);
                self.photo.variants.extend(variants);
            }
            Content::PhotoFile { photo, images } => {
                if let Some(title) = photo.title {
                    self.photo.title = title;
                }
                self.photo.reference = photo.reference;
                self.images.extend(images);
            }
        }
    }

    fn finish(mut self) -> Photo {
        self.photo.images = self.images.into_iter().collect();
        self.photo
            .variants
            .sort_by(|a, b| a.source.file.cmp(&b.source.file));
        self.photo
    }
}
