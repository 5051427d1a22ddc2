//! Paths written inside caption and photo files (`image = "..."`): resolved
//! against the file's folder and refused when they lead outside the opened
//! folder, even through a link.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use super::ProblemKind;
use super::parsed::Issue;

/// Resolves `written` (relative to `folder`, an absolute path inside `root`)
/// to a path relative to `root` (canonical). Outside the root: an
/// `OutsideFolder` warning; missing: an `Unreadable` warning.
pub(crate) fn resolve_inside(root: &Path, folder: &Path, written: &str) -> Result<PathBuf, Issue> {
    let joined = lexical(&folder.join(written.trim()));
    let outside = || {
        Issue::warning(
            ProblemKind::OutsideFolder,
            format!(
                "refused image path `{}`: it is outside the opened folder",
                written.trim()
            ),
            None,
        )
    };
    let Ok(relative) = joined.strip_prefix(root).map(Path::to_path_buf) else {
        return Err(outside());
    };
    match joined.canonicalize() {
        Ok(real) if real.starts_with(root) => Ok(relative),
        Ok(_) => Err(outside()),
        Err(_) => Err(Issue::warning(
            ProblemKind::Unreadable,
            format!("image `{}` not found", written.trim()),
            None,
        )),
    }
}

/// A file name or path as text: UTF-8 as it is, any other byte as `\xNN`,
/// so two names that differ only in such bytes never show alike (a lossy
/// conversion would show both as `caf\u{fffd}.txt`).
pub fn shown(name: &OsStr) -> String {
    if let Some(text) = name.to_str() {
        return text.to_owned();
    }
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

/// [`shown`] for a path.
pub fn shown_path(path: &Path) -> String {
    shown(path.as_os_str())
}

/// Paths written into reports and saved state as [`shown`] text, so a name
/// that is not UTF-8 never fails a whole report (serde's own conversion
/// refuses such a path). Use with `#[serde(serialize_with = "...")]`.
pub mod as_text {
    use std::path::{Path, PathBuf};

    use serde::Serializer;

    pub fn one<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::shown_path(path))
    }

    pub fn option<S: Serializer>(path: &Option<PathBuf>, serializer: S) -> Result<S::Ok, S::Error> {
        match path {
            Some(path) => serializer.serialize_some(&super::shown_path(path)),
            None => serializer.serialize_none(),
        }
    }

    pub fn list<S: Serializer>(paths: &[PathBuf], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(paths.iter().map(|p| super::shown_path(p)))
    }
}

/// `a/b/../c` as `a/c`, without touching the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_show_apart() {
        use std::os::unix::ffi::OsStrExt as _;
        let latin1 = OsStr::from_bytes(b"caf\xe9.txt");
        let cp437 = OsStr::from_bytes(b"caf\x82.txt");
        assert_eq!(shown(latin1), "caf\\xE9.txt");
        assert_eq!(shown(cp437), "caf\\x82.txt");
        assert_eq!(shown(OsStr::new("café.txt")), "café.txt");
    }

    #[test]
    fn lexical_resolution() {
        assert_eq!(lexical(Path::new("/r/a/./b/../c")), PathBuf::from("/r/a/c"));
        assert_eq!(lexical(Path::new("/r/../../x")), PathBuf::from("/x"));
    }

    #[test]
    fn escaping_paths_are_refused() {
        let issue = resolve_inside(Path::new("/r"), Path::new("/r/photo"), "../../etc/passwd");
        assert_eq!(issue.map_err(|i| i.kind), Err(ProblemKind::OutsideFolder));
        let issue = resolve_inside(Path::new("/r"), Path::new("/r/photo"), "/etc/passwd");
        assert_eq!(issue.map_err(|i| i.kind), Err(ProblemKind::OutsideFolder));
    }
}
