//! Writing files so that a crash or a full disk never leaves a half-written
//! one, and nothing is replaced unexpectedly: the bytes go to a temporary
//! file in the same folder, which is synced and then renamed onto the target.
//!
//! - `Overwrite::Refuse` renames without replacing (`link`/`RENAME_NOREPLACE`),
//!   so a file that appeared while the report was being made is kept, even
//!   when two runs write the same name at once.
//! - `Overwrite::Allow` replaces only a regular file: never a FIFO, a device,
//!   a socket or a folder, nor a link (which would become a regular file).
//! - Temporary files are named `.caption-provenance-PID-XXXXXX.tmp`; a write
//!   removes the ones in its folder left by a process that is gone (killed
//!   mid-write), so they never pile up.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Allow,
    Refuse,
}

/// The start of every temporary file's name.
const TEMP_PREFIX: &str = ".caption-provenance-";
const TEMP_SUFFIX: &str = ".tmp";
/// Where a process's liveness cannot be asked (no `/proc`), a temporary
/// file this old is taken as left behind.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

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
    check_target(path, overwrite)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_stale_temporaries(dir);
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    temp.as_file().sync_all()?;
    let persisted = match overwrite {
        Overwrite::Refuse => temp.persist_noclobber(path),
        Overwrite::Allow => {
            // Checked again just before the rename: the target may have
            // been swapped for a FIFO or a link while the bytes were written.
            check_target(path, overwrite)?;
            temp.persist(path)
        }
    };
    persisted.map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            exists(path)
        } else {
            e.error
        }
    })?;
    Ok(())
}

fn exists(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{} already exists", path.display()),
    )
}

/// Refuses a target that exists (`Refuse`) or that is not a regular file
/// (`Allow`), without following a link.
fn check_target(path: &Path, overwrite: Overwrite) -> io::Result<()> {
    let Ok(metadata) = fs::symlink_metadata(path) else {
        return Ok(());
    };
    if overwrite == Overwrite::Refuse {
        return Err(exists(path));
    }
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return Ok(());
    }
    let what = if file_type.is_symlink() {
        "a link"
    } else {
        crate::regular_file::describe(file_type)
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{} is {what}, not a regular file; it is only ever replaced when it is a regular file",
            path.display()
        ),
    ))
}

/// Removes this app's temporary files in `dir` whose writer is gone. Best
/// effort: a file that cannot be read or removed is left.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let proc_known = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = temporary_pid(name) else {
            continue;
        };
        let gone = if proc_known {
            !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > STALE_AFTER)
        };
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if gone && regular && pid != std::process::id() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The writer's process id in a temporary file's name.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok()
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

    #[test]
    fn temporary_names_carry_the_writer() {
        assert_eq!(
            temporary_pid(".caption-provenance-4242-a1B2c3.tmp"),
            Some(4242)
        );
        assert_eq!(temporary_pid(".caption-provenance-a1B2c3.tmp"), None);
        assert_eq!(temporary_pid("report.html"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_dead_writers_temporary_is_removed_by_the_next_write() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        // No process has this id (above the kernel's limit of 2^22).
        let stale = dir.path().join(".caption-provenance-99999999-abcdef.tmp");
        std::fs::write(&stale, b"half a report")?;
        let mine = dir.path().join(format!(
            ".caption-provenance-{}-abcdef.tmp",
            std::process::id()
        ));
        std::fs::write(&mine, b"being written")?;
        write_atomically(&dir.path().join("out.json"), b"{}", Overwrite::Refuse)?;
        assert!(!stale.exists());
        assert!(mine.exists());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn only_a_regular_file_is_replaced() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("target.json");
        std::fs::write(&target, b"kept")?;
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link)?;
        let err = write_atomically(&link, b"new", Overwrite::Allow).err();
        assert_eq!(err.map(|e| e.kind()), Some(io::ErrorKind::InvalidInput));
        assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(std::fs::read(&target)?, b"kept");
        let err = write_atomically(dir.path(), b"new", Overwrite::Allow).err();
        assert_eq!(err.map(|e| e.kind()), Some(io::ErrorKind::InvalidInput));
        Ok(())
    }

    #[test]
    fn a_file_that_appears_during_the_write_is_kept() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        let result = write_atomically_with(&path, Overwrite::Refuse, |file| {
            // Another run saves the same name while this one writes.
            std::fs::write(&path, b"the other run's report")?;
            file.write_all(b"this run's report")
        });
        assert_eq!(
            result.err().map(|e| e.kind()),
            Some(io::ErrorKind::AlreadyExists)
        );
        assert_eq!(std::fs::read(&path)?, b"the other run's report");
        Ok(())
    }
}
