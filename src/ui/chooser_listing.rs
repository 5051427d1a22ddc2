//! What the in-window file chooser lists (`file_chooser`): a folder's
//! entries, read on a job thread, and what of them shows for what is typed.
//!
//! The Location field reads like a shell's: the text up to the last
//! separator names the folder, the rest is the start of a name. Only entries
//! starting with it are listed (case as typed, as file names are), hidden ones
//! only when it starts with `.`; Tab completes the longest start they share.
//! Folders come first, then (when saving) the report files.

use std::io;
use std::path::{Component, MAIN_SEPARATOR_STR, Path, PathBuf};

use crate::report::ReportFormat;

/// One entry of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file name as shown (lossy where it is not UTF-8).
    pub name: String,
    pub path: PathBuf,
    /// A folder, or a link to one.
    pub is_folder: bool,
}

/// A folder the chooser wants read; `id` tells its answer from older ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingRequest {
    pub id: u64,
    pub folder: PathBuf,
}

/// What a listing shows besides folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shows {
    /// Folders only (opening a captions folder).
    Folders,
    /// Folders and report files (saving a report).
    FoldersAndReports,
}

/// Reads `folder`'s entries, folders first, each group by name ignoring
/// case. An entry that cannot be looked at is left out; a folder that cannot
/// be read is a reason for the user.
pub fn read_listing(folder: &Path) -> Result<Vec<Entry>, String> {
    let reading = std::fs::read_dir(folder).map_err(|e| reason(&e))?;
    let mut entries: Vec<Entry> = reading
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let path = entry.path();
            let file_type = entry.file_type().ok()?;
            // A link to a folder is entered like one.
            let is_folder = file_type.is_dir()
                || (file_type.is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_dir()));
            Some(Entry {
                name: entry.file_name().to_string_lossy().into_owned(),
                path,
                is_folder,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_folder
            .cmp(&a.is_folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(entries)
}

/// Why a folder could not be read, in a few words.
fn reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "there is no such folder".into(),
        io::ErrorKind::NotADirectory => "it is not a folder".into(),
        _ => error.to_string(),
    }
}

/// The Location field split into the folder part (up to and with the last
/// separator, "" when there is none) and the start of a name after it.
pub fn split_location(location: &str) -> (&str, &str) {
    match location.rfind(std::path::is_separator) {
        Some(at) => location.split_at(at + 1),
        None => ("", location),
    }
}

/// Whether a file name is one a report is saved as.
pub fn is_report_name(name: &str) -> bool {
    ReportFormat::from_path(Path::new(name)).is_some()
}

/// The entries that show for `typed` (the start of a name).
pub fn visible<'a>(entries: &'a [Entry], typed: &str, shows: Shows) -> Vec<&'a Entry> {
    let hidden_shown = typed.starts_with('.');
    entries
        .iter()
        .filter(|e| e.is_folder || (shows == Shows::FoldersAndReports && is_report_name(&e.name)))
        .filter(|e| hidden_shown || !e.name.starts_with('.'))
        .filter(|e| e.name.starts_with(typed))
        .collect()
}

/// What Tab makes of `typed`: the one entry shown (a folder with a separator
/// after it, to go on into it), else the longest start all shown entries
/// share; None when that adds nothing.
pub fn completion(shown: &[&Entry], typed: &str) -> Option<String> {
    let completed = match shown {
        [] => return None,
        [only] if only.is_folder => format!("{}{MAIN_SEPARATOR_STR}", only.name),
        [only] => only.name.clone(),
        _ => common_prefix(shown.iter().map(|e| e.name.as_str())),
    };
    (completed.len() > typed.len() && completed.starts_with(typed)).then_some(completed)
}

/// The longest start (whole characters) all the names share.
pub fn common_prefix<'a>(mut names: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = names.next() else {
        return String::new();
    };
    let mut length = first.len();
    for name in names {
        length = first
            .char_indices()
            .zip(name.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((at, a), _)| at + a.len_utf8())
            .min(length);
    }
    first.get(..length).unwrap_or_default().to_owned()
}

/// `path` with `.` left out and `..` taken as the folder above, as typed
/// paths are read (a link's target is not looked at).
pub fn tidy(path: &Path) -> PathBuf {
    let mut tidy = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match tidy.components().next_back() {
                Some(Component::Normal(_)) => {
                    tidy.pop();
                }
                // Above the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => tidy.push(component),
            },
            other => tidy.push(other),
        }
    }
    tidy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, is_folder: bool) -> Entry {
        Entry {
            name: name.into(),
            path: PathBuf::from("/f").join(name),
            is_folder,
        }
    }

    fn names(shown: &[&Entry]) -> Vec<String> {
        shown.iter().map(|e| e.name.clone()).collect()
    }

    #[test]
    fn the_location_splits_at_its_last_separator() {
        assert_eq!(split_location("/home/desk/cap"), ("/home/desk/", "cap"));
        assert_eq!(split_location("/home/desk/"), ("/home/desk/", ""));
        assert_eq!(split_location("~/ph"), ("~/", "ph"));
        assert_eq!(split_location("/"), ("/", ""));
        assert_eq!(split_location("photos"), ("", "photos"));
        assert_eq!(split_location(""), ("", ""));
    }

    #[test]
    fn the_longest_shared_start_keeps_whole_characters() {
        let prefix = |names: &[&str]| common_prefix(names.iter().copied());
        assert_eq!(prefix(&["paris-day1", "paris-day2", "paris"]), "paris");
        assert_eq!(prefix(&["photo"]), "photo");
        assert_eq!(prefix(&["abc", "xyz"]), "");
        assert_eq!(prefix(&[]), "");
        // "é" and "è" share their first byte, not a character.
        assert_eq!(prefix(&["café-a", "cafè-b"]), "caf");
        assert_eq!(prefix(&["Köln 1", "Köln 2"]), "Köln ");
    }

    #[test]
    fn tab_completes_the_shared_start_or_the_one_folder() {
        let entries = [
            entry("paris-day1", true),
            entry("paris-day2", true),
            entry("tokyo", true),
            entry("report.html", false),
        ];
        let shown = visible(&entries, "pa", Shows::Folders);
        assert_eq!(completion(&shown, "pa").as_deref(), Some("paris-day"));
        let shown = visible(&entries, "paris-day", Shows::Folders);
        assert_eq!(completion(&shown, "paris-day"), None);
        let shown = visible(&entries, "t", Shows::Folders);
        assert_eq!(
            completion(&shown, "t"),
            Some(format!("tokyo{MAIN_SEPARATOR_STR}"))
        );
        // A file is completed without a separator; nothing matching, nothing.
        let shown = visible(&entries, "re", Shows::FoldersAndReports);
        assert_eq!(completion(&shown, "re").as_deref(), Some("report.html"));
        let shown = visible(&entries, "x", Shows::FoldersAndReports);
        assert_eq!(completion(&shown, "x"), None);
    }

    #[test]
    fn hidden_entries_show_only_when_the_typed_name_starts_with_a_dot() {
        let entries = [
            entry(".caption-provenance", true),
            entry(".cache", true),
            entry("captions", true),
        ];
        assert_eq!(names(&visible(&entries, "", Shows::Folders)), ["captions"]);
        assert_eq!(names(&visible(&entries, "c", Shows::Folders)), ["captions"]);
        assert_eq!(
            names(&visible(&entries, ".", Shows::Folders)),
            [".caption-provenance", ".cache"]
        );
        assert_eq!(
            names(&visible(&entries, ".cap", Shows::Folders)),
            [".caption-provenance"]
        );
    }

    #[test]
    fn saving_lists_folders_and_report_files_only() {
        let entries = [
            entry("old", true),
            entry("a.html", false),
            entry("b.HTM", false),
            entry("c.md", false),
            entry("d.markdown", false),
            entry("e.json", false),
            entry("notes.txt", false),
            entry("photo.jpg", false),
        ];
        assert_eq!(
            names(&visible(&entries, "", Shows::FoldersAndReports)),
            ["old", "a.html", "b.HTM", "c.md", "d.markdown", "e.json"]
        );
        assert_eq!(names(&visible(&entries, "", Shows::Folders)), ["old"]);
    }

    #[test]
    fn a_listing_puts_folders_first_and_sorts_by_name() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("zeta"))?;
        std::fs::create_dir(dir.path().join("Alpha"))?;
        std::fs::write(dir.path().join("b.html"), "")?;
        std::fs::write(dir.path().join("a.md"), "")?;
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("zeta"), dir.path().join("link"))?;
        let listing = read_listing(dir.path())?;
        let shown: Vec<(&str, bool)> = listing
            .iter()
            .map(|e| (e.name.as_str(), e.is_folder))
            .collect();
        #[cfg(unix)]
        assert_eq!(
            shown,
            [
                ("Alpha", true),
                ("link", true),
                ("zeta", true),
                ("a.md", false),
                ("b.html", false)
            ]
        );
        assert_eq!(
            listing.first().map(|e| e.path.clone()),
            Some(dir.path().join("Alpha"))
        );
        Ok(())
    }

    #[test]
    fn a_folder_that_cannot_be_read_says_why() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        assert_eq!(
            read_listing(&dir.path().join("gone")),
            Err("there is no such folder".into())
        );
        let file = dir.path().join("file.txt");
        std::fs::write(&file, "")?;
        assert_eq!(read_listing(&file), Err("it is not a folder".into()));
        Ok(())
    }

    #[test]
    fn dot_and_dot_dot_are_read_as_typed() {
        assert_eq!(tidy(Path::new("/a/b/../c/./")), PathBuf::from("/a/c"));
        assert_eq!(tidy(Path::new("/a/..")), PathBuf::from("/"));
        assert_eq!(tidy(Path::new("/..")), PathBuf::from("/"));
        assert_eq!(tidy(Path::new("../x")), PathBuf::from("../x"));
        assert_eq!(tidy(Path::new("../../x/..")), PathBuf::from("../.."));
    }
}
