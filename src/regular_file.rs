//! Reading a file that a folder names, safely: only a regular file is read
//! (never a FIFO, which would block the reader forever, a device such as
//! `/dev/zero`, which never ends, or a socket), never more than a limit, and,
//! when asked, never through a link that leads out of the opened folder.
//!
//! The type is checked on the opened handle, not on the path, so a file
//! swapped for a FIFO between a check and the read cannot block: the open
//! itself is non-blocking (`O_NONBLOCK`, which changes nothing for a regular
//! file).

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not found")]
    NotFound,
    #[error("it is {0}, not a regular file; not read")]
    NotRegular(&'static str),
    #[error("the file is {size} bytes, over the {limit_mb} MB limit", limit_mb = .limit / (1024 * 1024))]
    TooLarge { size: u64, limit: u64 },
    #[error("the file grew over the {limit_mb} MB limit while it was read", limit_mb = .limit / (1024 * 1024))]
    Grew { limit: u64 },
    #[error("it leads outside the opened folder, to {}", .0.display())]
    Outside(PathBuf),
    #[error("{0}")]
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::NotFound {
            ReadError::NotFound
        } else {
            ReadError::Io(error)
        }
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    // At most one byte over the limit, in case the file grew since.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::Grew { limit });
    }
    Ok(bytes)
}

/// [`read_regular`], refusing a path whose real location (after links) is
/// not inside `root` (a canonical folder).
pub fn read_regular_inside(root: &Path, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let real = fs::canonicalize(path)?;
    if !real.starts_with(root) {
        return Err(ReadError::Outside(real));
    }
    read_regular(&real, limit)
}

/// Opens `path` for reading without blocking, and keeps it only when the
/// opened thing is a regular file.
fn open_regular(path: &Path) -> Result<fs::File, ReadError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let file_type = file.metadata()?.file_type();
    if file_type.is_file() {
        Ok(file)
    } else {
        Err(ReadError::NotRegular(describe(file_type)))
    }
}

/// "a folder", "a FIFO (named pipe)", "a device", ... for a file type that is
/// not a regular file.
pub fn describe(file_type: fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_within_its_limit() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.txt");
        fs::write(&path, b"Lim takes a selfie.")?;
        assert_eq!(
            read_regular(&path, 100).ok(),
            Some(b"Lim takes a selfie.".to_vec())
        );
        assert!(matches!(
            read_regular(&path, 5),
            Err(ReadError::TooLarge { size: 19, limit: 5 })
        ));
        assert!(matches!(
            read_regular(&dir.path().join("missing"), 5),
            Err(ReadError::NotFound)
        ));
        Ok(())
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_folders_are_not_read() -> io::Result<()> {
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(ReadError::NotRegular("a device"))
        ));
        let dir = tempfile::tempdir()?;
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(ReadError::NotRegular("a folder"))
        ));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_refused() -> io::Result<()> {
        let outside = tempfile::tempdir()?;
        fs::write(outside.path().join("secret"), b"x")?;
        let root = tempfile::tempdir()?;
        let root_real = fs::canonicalize(root.path())?;
        let link = root_real.join("review.json");
        std::os::unix::fs::symlink(outside.path().join("secret"), &link)?;
        assert!(matches!(
            read_regular_inside(&root_real, &link, 100),
            Err(ReadError::Outside(_))
        ));
        assert!(read_regular(&link, 100).is_ok());
        Ok(())
    }
}
