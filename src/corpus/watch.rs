//! Noticing that an opened folder changed on disk, so the app can offer
//! "Folder changed on disk: Reload". A [`FolderStamp`] records the path, size
//! and modification time of every file the loader would read (captions,
//! images, photo files, vocabulary files), and the paths the walk reports as
//! problems (links, unreadable folders); taking one lists folders and reads
//! file metadata only, never file contents, so it can be polled.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::walk::walk;

/// What one file looked like when the stamp was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    /// Relative to the opened folder.
    path: PathBuf,
    /// `None` when its metadata could not be read (e.g. it vanished).
    size: Option<u64>,
    modified: Option<SystemTime>,
}

/// The state of a folder's loadable files at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderStamp {
    /// Whether the folder could be listed at all.
    listed: bool,
    /// Sorted by path.
    files: Vec<FileStamp>,
    /// Paths the walk reported a problem for, sorted.
    problems: Vec<PathBuf>,
}

impl FolderStamp {
    /// Stamps the folder at `root`. A root that is missing or cannot be
    /// listed gives an empty stamp (which differs from any listed one).
    pub fn take(root: &Path) -> FolderStamp {
        let Ok(canonical) = fs::canonicalize(root) else {
            return FolderStamp::default();
        };
        let Ok(found) = walk(&canonical) else {
            return FolderStamp::default();
        };
        let found_files = found.folders.iter().flat_map(|folder| {
            folder
                .files
                .iter()
                .map(|file| (file.absolute.clone(), file.relative.clone()))
        });
        let vocabulary = found
            .vocabulary_files
            .iter()
            .map(|relative| (canonical.join(relative), relative.clone()));
        let mut files: Vec<FileStamp> = found_files
            .chain(vocabulary)
            .map(|(absolute, path)| {
                let metadata = fs::metadata(&absolute).ok();
                FileStamp {
                    path,
                    size: metadata.as_ref().map(fs::Metadata::len),
                    modified: metadata.and_then(|m| m.modified().ok()),
                }
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut problems: Vec<PathBuf> = found.problems.into_iter().map(|p| p.path).collect();
        problems.sort();
        FolderStamp {
            listed: true,
            files,
            problems,
        }
    }

    /// Whether the folder changed between the two stamps: a file added,
    /// removed, resized or modified, or a problem entry appeared or went.
    pub fn differs_from(&self, other: &FolderStamp) -> bool {
        self != other
    }

    /// Like [`FolderStamp::differs_from`], leaving out the files at
    /// `ignored` (relative to the opened folder): files the app wrote itself,
    /// such as a report saved inside the folder.
    pub fn differs_ignoring(&self, other: &FolderStamp, ignored: &[PathBuf]) -> bool {
        if ignored.is_empty() {
            return self.differs_from(other);
        }
        let kept = |stamp: &FolderStamp| FolderStamp {
            listed: stamp.listed,
            files: stamp
                .files
                .iter()
                .filter(|file| !ignored.contains(&file.path))
                .cloned()
                .collect(),
            problems: stamp.problems.clone(),
        };
        kept(self) != kept(other)
    }

    /// How many files the stamp covers.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn write(root: &Path, relative: &str, bytes: &[u8]) {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "p/a.txt", b"Caption A.");
        write(dir.path(), "p/photo.toml", b"title = \"T\"");
        write(dir.path(), "p/images/x.jpg", b"\xFF\xD8");
        write(dir.path(), "p/notes.md", b"ignored");
        write(dir.path(), "vocabulary.toml", b"");
        dir
    }

    #[test]
    fn an_unchanged_folder_does_not_differ() {
        let dir = folder();
        let first = FolderStamp::take(dir.path());
        assert_eq!(first.file_count(), 4);
        assert!(!first.differs_from(&FolderStamp::take(dir.path())));
    }

    #[test]
    fn files_the_loader_ignores_do_not_count() {
        let dir = folder();
        let first = FolderStamp::take(dir.path());
        write(dir.path(), "p/notes.md", b"changed, and longer");
        write(dir.path(), "p/.hidden.txt", b"hidden");
        assert!(!first.differs_from(&FolderStamp::take(dir.path())));
    }

    #[test]
    fn adding_removing_and_resizing_differ() {
        let dir = folder();
        let first = FolderStamp::take(dir.path());
        write(dir.path(), "p/b.json", b"{}");
        let added = FolderStamp::take(dir.path());
        assert!(added.differs_from(&first));
        fs::remove_file(dir.path().join("p/b.json")).unwrap();
        assert!(!FolderStamp::take(dir.path()).differs_from(&first));
        fs::remove_file(dir.path().join("p/images/x.jpg")).unwrap();
        assert!(FolderStamp::take(dir.path()).differs_from(&first));
        write(dir.path(), "p/images/x.jpg", b"\xFF\xD8\xFF");
        assert!(FolderStamp::take(dir.path()).differs_from(&first));
        write(dir.path(), "vocabulary.toml", b"x = 1");
        assert!(FolderStamp::take(dir.path()).differs_from(&added));
    }

    #[test]
    fn a_same_size_edit_differs_by_its_time() {
        let dir = folder();
        let first = FolderStamp::take(dir.path());
        let path = dir.path().join("p/a.txt");
        fs::write(&path, b"Caption B.").unwrap();
        let later = SystemTime::now() + Duration::from_secs(5);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(FolderStamp::take(dir.path()).differs_from(&first));
    }

    #[cfg(unix)]
    #[test]
    fn a_new_broken_link_differs() {
        let dir = folder();
        let first = FolderStamp::take(dir.path());
        std::os::unix::fs::symlink("nowhere.txt", dir.path().join("p/dangling.txt")).unwrap();
        assert!(FolderStamp::take(dir.path()).differs_from(&first));
    }

    #[test]
    fn files_the_app_wrote_can_be_left_out() {
        let dir = folder();
        let first = FolderStamp::take(dir.path());
        write(dir.path(), "p/report.html", b"<html></html>");
        write(dir.path(), ".caption-provenance/review.json", b"{}");
        let later = FolderStamp::take(dir.path());
        assert!(later.differs_from(&first));
        let report = PathBuf::from("p/report.html");
        assert!(!later.differs_ignoring(&first, std::slice::from_ref(&report)));
        write(dir.path(), "p/a.txt", b"Caption A, edited.");
        assert!(FolderStamp::take(dir.path()).differs_ignoring(&first, &[report]));
    }

    #[test]
    fn a_missing_folder_gives_an_empty_stamp() {
        let dir = folder();
        let first = FolderStamp::take(dir.path());
        let gone = dir.path().join("no-such-folder");
        assert_eq!(FolderStamp::take(&gone), FolderStamp::default());
        assert!(FolderStamp::take(&gone).differs_from(&first));
    }
}
