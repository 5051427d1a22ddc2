//! Writing files so that a crash or a full disk never leaves a half-written
//! one: the bytes go to a temporary file in the same folder, which is synced
//! and then renamed over the target.

use std::io::{self, Write};
use std::path::Path;

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Allow,
    Refuse,
}

/// Writes `bytes` to `path` atomically. With `Overwrite::Refuse`, an existing
/// file is left alone and the error kind is `AlreadyExists`.
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: Overwrite) -> io::Result<()> {
    write_atomically_with(path, overwrite, |file| file.write_all(bytes))
}

/// Like [`write_atomically`], with the content produced by `write`. If
/// `write` fails, the temporary file is removed and the target is untouched.
pub fn write_atomically_with(
    path: &Path,
    overwrite: Overwrite,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<()> {
    if overwrite == Overwrite::Refuse && path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists", path.display()),
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".caption-provenance-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        write_atomically(&path, b"one", Overwrite::Allow)?;
        write_atomically(&path, b"two", Overwrite::Allow)?;
        assert_eq!(std::fs::read(&path)?, b"two");
        Ok(())
    }

    #[test]
    fn refuses_to_overwrite_when_asked() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        write_atomically(&path, b"one", Overwrite::Refuse)?;
        let err = write_atomically(&path, b"two", Overwrite::Refuse).err();
        assert_eq!(err.map(|e| e.kind()), Some(io::ErrorKind::AlreadyExists));
        assert_eq!(std::fs::read(&path)?, b"one");
        Ok(())
    }

    #[test]
    fn failed_write_leaves_old_file_and_no_temporaries() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        write_atomically(&path, b"old", Overwrite::Allow)?;
        let result = write_atomically_with(&path, Overwrite::Allow, |file| {
            file.write_all(b"half of the ")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path)?, b"old");
        let names: Vec<_> = std::fs::read_dir(dir.path())?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
        Ok(())
    }
}
