//! Walking a captions folder. (Stub: the loader issue fills this in.)

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::Corpus;

/// How far loading has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadProgress {
    pub done: usize,
    pub total: usize,
}

/// Why a folder could not be loaded at all (per-file trouble is a `Problem`).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {reason}")]
    Root { path: String, reason: String },
    #[error("loading was cancelled")]
    Cancelled,
}

/// Loads a captions folder. `progress` is called as files are read; setting
/// `cancel` stops the load with `LoadError::Cancelled`.
pub fn load_folder(
    root: &Path,
    progress: &(dyn Fn(LoadProgress) + Sync),
    cancel: &AtomicBool,
) -> Result<Corpus, LoadError> {
    let _ = (progress, cancel);
    Ok(Corpus {
        root: root.to_path_buf(),
        ..Corpus::default()
    })
}
