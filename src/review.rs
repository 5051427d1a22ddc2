//! The reviewer's verdicts on findings (conflicts, misspelt names, ...), kept
//! in the opened folder (`.caption-provenance/review.json`) so they survive a
//! reload and reach the report. Written atomically.
//!
//! Several windows (or people on a shared folder) may review one folder at
//! once, so a window never writes its whole review over the file: it sends
//! [`Change`]s to [`Review::apply`], which, under a lock on
//! `.caption-provenance/review.lock`, reads the file, merges the changes by
//! finding and time (the later word on a finding wins), and writes the
//! result. A damaged file (not JSON, not a regular file, a link out of the
//! folder) is first kept beside it as `review.json.damaged-TIME`, never
//! silently overwritten.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::atomic_write::{Overwrite, write_atomically_with};
use crate::regular_file::{ReadError, read_regular_inside};

/// The largest review file read, in bytes (a verdict is ~200 bytes).
pub const REVIEW_SIZE_LIMIT: u64 = 64 * 1024 * 1024;
/// The lock taken while a review file is read, merged and written.
const LOCK_FILE: &str = ".caption-provenance/review.lock";

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
    /// When the verdict was given (RFC 3339, UTC); merges keep the later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The values the verdict judged, as the finding showed them when it
    /// was given: "source: value" lines (`Sportstar: silver`,
    /// `reference: bronze`). When the folder later shows a line not among
    /// them, the verdict needs review again (`review_staleness`). Absent in
    /// verdicts from before values were kept: those hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Verdict {
    /// A verdict with a note that judged no recorded values (the window
    /// records them when it applies the verdict).
    pub fn new(status: VerdictStatus, note: impl Into<String>) -> Verdict {
        Verdict {
            status,
            note: note.into(),
            at: None,
            values: None,
        }
    }
}

/// One verdict given, changed or withdrawn (`verdict: None`) at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub photo: String,
    pub key: String,
    pub verdict: Option<Verdict>,
    pub at: DateTime<Utc>,
}

impl Change {
    /// A change made now; the verdict is stamped with its time.
    pub fn now(photo: &str, key: &str, verdict: Option<Verdict>) -> Change {
        Change::at(photo, key, verdict, Utc::now())
    }

    /// A change made at `at` (kept to the millisecond, as the file keeps it).
    pub fn at(photo: &str, key: &str, verdict: Option<Verdict>, at: DateTime<Utc>) -> Change {
        let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let at = DateTime::parse_from_rfc3339(&stamp).map_or(at, |t| t.with_timezone(&Utc));
        Change {
            photo: photo.to_owned(),
            key: key.to_owned(),
            verdict: verdict.map(|v| Verdict {
                at: Some(stamp),
                ..v
            }),
            at,
        }
    }
}

/// What [`Review::apply`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The review as written: the file's verdicts with the changes merged.
    pub review: Review,
    /// The file as written, to tell later changes by others from this one.
    pub stamp: Option<ReviewStamp>,
    /// Where a damaged review file was kept before it was replaced.
    pub damaged_kept_as: Option<PathBuf>,
}

/// The size and modification time of a review file: when it changes, another
/// window (or person) wrote verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewStamp {
    pub size: u64,
    pub modified: Option<SystemTime>,
}

impl ReviewStamp {
    /// The folder's review file now (`None`: there is none).
    pub fn take(folder: &Path) -> Option<ReviewStamp> {
        let metadata = fs::symlink_metadata(Review::path(folder)).ok()?;
        Some(ReviewStamp {
            size: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

/// All verdicts of one folder, keyed by photo id, then by `Finding::key`
/// (for a conflict, `Conflict::key`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

impl Default for Review {
    /// No verdicts, in the current format (a derived default said version 0).
    fn default() -> Self {
        Review {
            version: current_version(),
            verdicts: BTreeMap::new(),
        }
    }
}

impl Review {
    pub fn path(folder: &Path) -> PathBuf {
        folder.join(REVIEW_FILE)
    }

    /// Reads the folder's verdicts; a missing file is an empty review. Only
    /// a regular file inside the folder is read, at most
    /// [`REVIEW_SIZE_LIMIT`] bytes of it.
    pub fn load(folder: &Path) -> Result<Review, ReviewError> {
        let path = Self::path(folder);
        let root = fs::canonicalize(folder).map_err(|e| ReviewError::Io(path.clone(), e))?;
        let bytes = match read_regular_inside(&root, &path, REVIEW_SIZE_LIMIT) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return Ok(Review::default()),
            Err(e) => return Err(ReviewError::Read(path, e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| ReviewError::Parse(path, e))
    }

    /// Merges `changes` into the folder's review file under its lock, and
    /// writes it: read, merge by finding and time, write atomically. A
    /// damaged file is kept as `review.json.damaged-TIME` first; a file that
    /// cannot be read for another reason (permissions) is left alone and the
    /// error returned.
    pub fn apply(folder: &Path, changes: &[Change]) -> Result<Applied, ReviewError> {
        let path = Self::path(folder);
        let io_err = |e| ReviewError::Io(path.clone(), e);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err)?;
            inside(folder, dir).map_err(|e| ReviewError::Read(path.clone(), e))?;
        }
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(folder.join(LOCK_FILE))
            .map_err(io_err)?;
        lock.lock().map_err(io_err)?;
        let (mut review, damaged_kept_as) = match Self::load(folder) {
            Ok(review) => (review, None),
            Err(error @ (ReviewError::Io(..) | ReviewError::Read(_, ReadError::Io(_)))) => {
                return Err(error);
            }
            Err(_) => (
                Review::default(),
                Some(keep_damaged(&path).map_err(io_err)?),
            ),
        };
        for change in changes {
            review.merge(change);
        }
        review.save(folder)?;
        let stamp = ReviewStamp::take(folder);
        drop(lock);
        Ok(Applied {
            review,
            stamp,
            damaged_kept_as,
        })
    }

    /// Applies one change unless the review holds a later word on its finding.
    pub fn merge(&mut self, change: &Change) {
        let newer_here = self
            .get(&change.photo, &change.key)
            .and_then(|v| v.at.as_deref())
            .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
            .is_some_and(|at| at.with_timezone(&Utc) > change.at);
        if !newer_here {
            self.set(&change.photo, &change.key, change.verdict.clone());
        }
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
            inside(folder, dir).map_err(|e| ReviewError::Read(path.clone(), e))?;
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

/// Refuses a verdicts folder that is a link out of the opened folder: the
/// app writes nothing outside it.
fn inside(folder: &Path, dir: &Path) -> Result<(), ReadError> {
    let root = fs::canonicalize(folder)?;
    let real = fs::canonicalize(dir)?;
    if real.starts_with(&root) {
        Ok(())
    } else {
        Err(ReadError::Outside(real))
    }
}

/// Moves a damaged review file (or whatever stands at its path) aside, as
/// `review.json.damaged-20261203T141500Z`; gives the new path.
fn keep_damaged(path: &Path) -> io::Result<PathBuf> {
    let time = Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let kept = path.with_file_name(format!("{name}.damaged-{time}{suffix}"));
        if fs::symlink_metadata(&kept).is_err() {
            fs::rename(path, &kept)?;
            return Ok(kept);
        }
    }
    Err(io::Error::other("too many damaged review files kept"))
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{path}: {source}", path = .0.display(), source = .1)]
    Io(PathBuf, #[source] io::Error),
    #[error("{path}: not read: {source}", path = .0.display(), source = .1)]
    Read(PathBuf, #[source] ReadError),
    #[error("{path}: not a review file: {source}", path = .0.display(), source = .1)]
    Parse(PathBuf, #[source] serde_json::Error),
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
