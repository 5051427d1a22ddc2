//! Paths written inside caption and photo files (`image = "..."`): resolved
//! against the file's folder and refused when they lead outside the opened
//! folder, even through a link.

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
