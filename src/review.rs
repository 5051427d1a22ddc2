//! The reviewer's verdicts on findings (conflicts, misspelt names, ...), kept
//! in the opened folder (`.caption-provenance/review.json`) so they survive a
//! reload and reach the report. Written atomically.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_write::{Overwrite, write_atomically_with};

/// Where verdicts live, relative to the opened folder.
pub const REVIEW_FILE: &str = ".caption-provenance/review.json";

/// What the reviewer decided about one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictStatus {
    ConfirmedError,
    NotAnError,
    Unsure,
}

impl VerdictStatus {
    pub const ALL: [VerdictStatus; 3] = [
        VerdictStatus::ConfirmedError,
        VerdictStatus::NotAnError,
        VerdictStatus::Unsure,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VerdictStatus::ConfirmedError => "confirmed error",
            VerdictStatus::NotAnError => "not an error",
            VerdictStatus::Unsure => "unsure",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub status: VerdictStatus,
    #[serde(default)]
    pub note: String,
}

/// All verdicts of one folder, keyed by photo id, then by `Finding::key`
/// (for a conflict, `Conflict::key`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Format version of the file.
    #[serde(default = "current_version")]
    pub version: u32,
    #[serde(default)]
    pub verdicts: BTreeMap<String, BTreeMap<String, Verdict>>,
}

fn current_version() -> u32 {
    1
}

impl Review {
    pub fn path(folder: &Path) -> PathBuf {
        folder.join(REVIEW_FILE)
    }

    /// Reads the folder's verdicts; a missing file is an empty review.
    pub fn load(folder: &Path) -> Result<Review, ReviewError> {
        let path = Self::path(folder);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Review::default()),
            Err(e) => return Err(ReviewError::Io(path, e)),
        };
        serde_json::from_str(&text).map_err(|e| ReviewError::Parse(path, e))
    }

    /// Writes the verdicts atomically, creating `.caption-provenance/`: a
    /// failed write (a full disk, a crash) leaves the previous file as it was.
    pub fn save(&self, folder: &Path) -> Result<(), ReviewError> {
        self.save_with(folder, io::Write::write_all)
    }

    /// [`Review::save`] with the bytes written by `write` (tests fail it).
    fn save_with(
        &self,
        folder: &Path,
        write: impl FnOnce(&mut std::fs::File, &[u8]) -> io::Result<()>,
    ) -> Result<(), ReviewError> {
        let path = Self::path(folder);
        let io_err = |e| ReviewError::Io(path.clone(), e);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io_err)?;
        }
        let json =
            serde_json::to_vec_pretty(self).map_err(|e| ReviewError::Parse(path.clone(), e))?;
        write_atomically_with(&path, Overwrite::Allow, |file| write(file, &json)).map_err(io_err)
    }

    pub fn get(&self, photo: &str, key: &str) -> Option<&Verdict> {
        self.verdicts.get(photo)?.get(key)
    }

    pub fn set(&mut self, photo: &str, key: &str, verdict: Option<Verdict>) {
        match verdict {
            Some(v) => {
                self.verdicts
                    .entry(photo.to_owned())
                    .or_default()
                    .insert(key.to_owned(), v);
            }
            None => {
                if let Some(map) = self.verdicts.get_mut(photo) {
                    map.remove(key);
                    if map.is_empty() {
                        self.verdicts.remove(photo);
                    }
                }
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{path}: {source}", path = .0.display(), source = .1)]
    Io(PathBuf, #[source] io::Error),
    #[error("{path}: not a review file: {source}", path = .0.display(), source = .1)]
    Parse(PathBuf, #[source] serde_json::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_round_trip_through_the_folder() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        assert_eq!(Review::load(dir.path())?, Review::default());
        let mut review = Review::default();
        let verdict = Verdict {
            status: VerdictStatus::ConfirmedError,
            note: "Sportstar swapped the medals".into(),
        };
        review.set("paris", "person:4/medal", Some(verdict.clone()));
        review.save(dir.path())?;
        let again = Review::load(dir.path())?;
        assert_eq!(again.get("paris", "person:4/medal"), Some(&verdict));
        review.set("paris", "person:4/medal", None);
        assert!(review.verdicts.is_empty());
        Ok(())
    }

    #[test]
    fn a_failed_save_keeps_the_previous_verdicts() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut review = Review::default();
        let verdict = Verdict {
            status: VerdictStatus::Unsure,
            note: String::new(),
        };
        review.set("paris", "photo/credit", Some(verdict.clone()));
        review.save(dir.path())?;
        let before = std::fs::read(Review::path(dir.path()))?;

        let mut newer = review.clone();
        newer.set("paris", "photo/credit", None);
        let result = newer.save_with(dir.path(), |file, bytes| {
            io::Write::write_all(file, bytes.get(..bytes.len() / 2).unwrap_or_default())?;
            Err(io::Error::other("No space left on device"))
        });
        assert_eq!(
            result.map_err(|e| e.to_string()),
            Err(format!(
                "{}: No space left on device",
                Review::path(dir.path()).display()
            ))
        );
        assert_eq!(std::fs::read(Review::path(dir.path()))?, before);
        assert_eq!(
            Review::load(dir.path())?.get("paris", "photo/credit"),
            Some(&verdict)
        );
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path().join(".caption-provenance"))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("review.json")]);
        Ok(())
    }

    #[test]
    fn a_broken_review_file_is_an_error_not_a_panic() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join(".caption-provenance"))?;
        std::fs::write(Review::path(dir.path()), "{not json")?;
        assert!(matches!(
            Review::load(dir.path()),
            Err(ReviewError::Parse(..))
        ));
        Ok(())
    }
}
