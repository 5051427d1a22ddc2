//! Finding the files of a captions folder: which folders are photos, which
//! files are captions, images or photo files. Hidden entries are skipped,
//! links are followed only while they stay inside the opened folder, and a
//! link that loops becomes a problem instead of an endless walk.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::parsed::{Issue, one_line};
use super::paths::shown as shown_name;
use super::photo_file::PHOTO_FILE_NAME;
use super::{Problem, ProblemKind};
use crate::regular_file::describe;

/// The name of the analysis's vocabulary files, recorded but not read here.
pub(crate) const VOCABULARY_FILE_NAME: &str = "vocabulary.toml";
/// The subfolder whose images belong to the photo folder holding it.
const IMAGES_FOLDER: &str = "images";

/// The formats a caption file can have, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaptionFormat {
    Text,
    Toml,
    Json,
    Html,
}

/// What a found file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Caption(CaptionFormat),
    Image,
    PhotoFile,
}

impl FileKind {
    /// The kind of a file by its name; `None` for files the loader ignores.
    pub(crate) fn of(name: &str) -> Option<FileKind> {
        if name == PHOTO_FILE_NAME {
            return Some(FileKind::PhotoFile);
        }
        let extension = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(FileKind::Caption(CaptionFormat::Text)),
            "toml" => Some(FileKind::Caption(CaptionFormat::Toml)),
            "json" => Some(FileKind::Caption(CaptionFormat::Json)),
            "html" | "htm" => Some(FileKind::Caption(CaptionFormat::Html)),
            "jpg" | "jpeg" | "jpe" | "png" | "tif" | "tiff" | "webp" | "heic" | "heif" | "hif"
            | "avif" | "psd" | "psb" => Some(FileKind::Image),
            _ => None,
        }
    }
}

/// The format of an image file this app does not read, by its extension:
/// such a file is listed as a problem, never passed over in silence.
fn unsupported_image(name: &str) -> Option<String> {
    let extension = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    let format = match extension.as_str() {
        "gif" => "GIF",
        "bmp" | "dib" => "BMP",
        "jp2" | "j2k" | "jpf" | "jpx" | "jpm" => "JPEG 2000",
        "jxl" => "JPEG XL",
        "jxr" | "wdp" | "hdp" => "JPEG XR",
        "ico" | "cur" => "icon",
        "tga" | "pcx" | "ppm" | "pgm" | "pbm" | "pnm" | "pfm" | "qoi" | "dds" | "exr" | "hdr" => {
            return Some(extension.to_ascii_uppercase());
        }
        "svg" | "svgz" | "eps" | "ai" => "vector",
        "xcf" | "kra" | "ora" => "layered",
        "dng" | "cr2" | "cr3" | "crw" | "nef" | "nrw" | "arw" | "srf" | "sr2" | "orf" | "rw2"
        | "raf" | "pef" | "x3f" | "srw" | "3fr" | "erf" | "kdc" | "mrw" | "dcr" | "mos" | "iiq"
        | "raw" | "rwl" => "camera raw",
        _ => return None,
    };
    Some(format.to_string())
}

/// The problem of an image file in a format this app does not read.
fn unsupported_reason(format: &str) -> String {
    format!(
        "not read: {format} images are not supported (their embedded captions are read from \
         JPEG, PNG, TIFF, WebP, HEIC/HEIF, AVIF and PSD files)"
    )
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundFile {
    /// Where to read it (through the opened folder, links not resolved).
    pub absolute: PathBuf,
    /// Relative to the root.
    pub relative: PathBuf,
    pub kind: FileKind,
}

/// A folder that holds caption, image or photo files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhotoFolder {
    pub absolute: PathBuf,
    /// Relative to the root; empty for the root itself.
    pub relative: PathBuf,
    /// Its files and those of its `images/` subfolder, sorted by path.
    pub files: Vec<FoundFile>,
}

/// Everything the walk found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Walk {
    /// Sorted by path.
    pub folders: Vec<PhotoFolder>,
    pub problems: Vec<Problem>,
    pub vocabulary_files: Vec<PathBuf>,
}

/// One folder's direct content.
#[derive(Default)]
struct Listing {
    files: Vec<FoundFile>,
    folders: Vec<Subfolder>,
}

/// A folder found in a listing.
struct Subfolder {
    absolute: PathBuf,
    relative: PathBuf,
    /// Links resolved: what loop detection compares.
    canonical: PathBuf,
    name: String,
}

/// Walks `root` (already canonical). Fails only when the root itself cannot
/// be listed.
pub(crate) fn walk(root: &Path) -> io::Result<Walk> {
    let mut walker = Walker {
        root: root.to_path_buf(),
        found: Walk::default(),
        ancestors: vec![root.to_path_buf()],
    };
    let listing = walker.list(root, root, Path::new(""))?;
    walker.visit(root, Path::new(""), listing);
    let mut found = walker.found;
    found.folders.sort_by(|a, b| a.relative.cmp(&b.relative));
    found.vocabulary_files.sort();
    Ok(found)
}

struct Walker {
    root: PathBuf,
    found: Walk,
    /// Canonical folders from the root to the one being walked.
    ancestors: Vec<PathBuf>,
}

impl Walker {
    fn visit(&mut self, absolute: &Path, relative: &Path, listing: Listing) {
        let mut files = listing.files;
        let mut subfolders = Vec::new();
        for folder in listing.folders {
            if folder.name == IMAGES_FOLDER {
                if let Some(images) =
                    self.list_or_report(&folder.absolute, &folder.canonical, &folder.relative)
                {
                    files.extend(images.files);
                    subfolders.extend(images.folders);
                }
            } else {
                subfolders.push(folder);
            }
        }
        files.sort_by(|a, b| a.relative.cmp(&b.relative));
        if !files.is_empty() {
            self.found.folders.push(PhotoFolder {
                absolute: absolute.to_path_buf(),
                relative: relative.to_path_buf(),
                files,
            });
        }
        for folder in subfolders {
            self.ancestors.push(folder.canonical.clone());
            if let Some(listing) =
                self.list_or_report(&folder.absolute, &folder.canonical, &folder.relative)
            {
                self.visit(&folder.absolute, &folder.relative, listing);
            }
            self.ancestors.pop();
        }
    }

    fn list_or_report(
        &mut self,
        absolute: &Path,
        canonical: &Path,
        relative: &Path,
    ) -> Option<Listing> {
        match self.list(absolute, canonical, relative) {
            Ok(listing) => Some(listing),
            Err(error) => {
                self.report(
                    relative,
                    ProblemKind::Unreadable,
                    format!(
                        "the folder could not be read: {}",
                        one_line(&error.to_string())
                    ),
                );
                None
            }
        }
    }

    /// Lists a folder; `canonical` is its path with links resolved.
    fn list(&mut self, absolute: &Path, canonical: &Path, relative: &Path) -> io::Result<Listing> {
        // With each name, its type as the listing gives it (no extra system
        // call on most file systems): plain files need no further look.
        // Names as the file system has them (not always UTF-8): joined into
        // paths unchanged, so every file is found again by its own name.
        let mut names: Vec<(std::ffi::OsString, Option<fs::FileType>)> = Vec::new();
        for entry in fs::read_dir(absolute)? {
            match entry {
                Ok(entry) => names.push((entry.file_name(), entry.file_type().ok())),
                Err(error) => self.report(
                    relative,
                    ProblemKind::Unreadable,
                    format!(
                        "an entry could not be read: {}",
                        one_line(&error.to_string())
                    ),
                ),
            }
        }
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let mut listing = Listing::default();
        for (os_name, file_type) in names {
            if os_name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let entry_absolute = absolute.join(&os_name);
            let entry_relative = relative.join(&os_name);
            let name = shown_name(&os_name);
            let entry = match file_type {
                Some(t) if t.is_file() => Ok(Entry::File),
                // A real folder (not a link) inside a canonical folder is canonical as joined.
                Some(t) if t.is_dir() => Ok(Entry::Folder(canonical.join(&os_name))),
                _ => self.resolve(&entry_absolute),
            };
            match entry {
                Ok(Entry::Folder(canonical)) => listing.folders.push(Subfolder {
                    absolute: entry_absolute,
                    relative: entry_relative,
                    canonical,
                    name,
                }),
                Ok(Entry::File) if name == VOCABULARY_FILE_NAME => {
                    self.found.vocabulary_files.push(entry_relative);
                }
                // A person's labels of what is wrong, read by `eval` only.
                Ok(Entry::File) if name == crate::eval::EXPECTED_FILE_NAME => {}
                Ok(Entry::File) => {
                    if let Some(kind) = FileKind::of(&name) {
                        listing.files.push(FoundFile {
                            absolute: entry_absolute,
                            relative: entry_relative,
                            kind,
                        });
                    } else if let Some(format) = unsupported_image(&name) {
                        self.report(
                            &entry_relative,
                            ProblemKind::UnsupportedImage,
                            unsupported_reason(&format),
                        );
                    }
                }
                // A FIFO, device or socket under a caption's or image's
                // name: never opened (a FIFO would block the reader).
                Ok(Entry::Other(what)) => {
                    if FileKind::of(&name).is_some() {
                        self.report(
                            &entry_relative,
                            ProblemKind::Unreadable,
                            format!(
                                "could not be read: it is {what}, not a regular file; not read"
                            ),
                        );
                    }
                }
                Err(issue) => self.found.problems.push(issue.at(&entry_relative)),
            }
        }
        Ok(listing)
    }

    /// What an entry is, following a link only when it stays inside the root
    /// and does not lead back to a folder being walked.
    fn resolve(&self, path: &Path) -> Result<Entry, Issue> {
        let metadata = fs::symlink_metadata(path).map_err(unreadable)?;
        if !metadata.file_type().is_symlink() {
            return Ok(if metadata.is_dir() {
                Entry::Folder(fs::canonicalize(path).map_err(unreadable)?)
            } else if metadata.is_file() {
                Entry::File
            } else {
                Entry::Other(describe(metadata.file_type()))
            });
        }
        let target = fs::canonicalize(path).map_err(|error| {
            if is_link_loop(&error) {
                Issue::error(
                    ProblemKind::SymlinkLoop,
                    "the link loops back on itself",
                    None,
                )
            } else if error.kind() == io::ErrorKind::NotFound {
                Issue::error(ProblemKind::Unreadable, "the link points to nothing", None)
            } else {
                unreadable(error)
            }
        })?;
        if !target.starts_with(&self.root) {
            return Err(Issue::error(
                ProblemKind::OutsideFolder,
                format!(
                    "the link points outside the opened folder, to {}",
                    target.display()
                ),
                None,
            ));
        }
        let metadata = fs::metadata(&target).map_err(unreadable)?;
        if metadata.is_dir() {
            if self.ancestors.contains(&target) {
                return Err(Issue::error(
                    ProblemKind::SymlinkLoop,
                    "the link points back to a folder that contains it",
                    None,
                ));
            }
            Ok(Entry::Folder(target))
        } else if metadata.is_file() {
            Ok(Entry::File)
        } else {
            Ok(Entry::Other(describe(metadata.file_type())))
        }
    }

    fn report(&mut self, relative: &Path, kind: ProblemKind, reason: String) {
        let path = if relative.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            relative.to_path_buf()
        };
        self.found
            .problems
            .push(Issue::error(kind, reason, None).at(&path));
    }
}

enum Entry {
    /// With its canonical path.
    Folder(PathBuf),
    File,
    /// Sockets, pipes, devices, as [`describe`]d.
    Other(&'static str),
}

fn unreadable(error: io::Error) -> Issue {
    Issue::error(
        ProblemKind::Unreadable,
        format!("could not be read: {}", one_line(&error.to_string())),
        None,
    )
}

/// ELOOP: too many levels of symbolic links.
fn is_link_loop(error: &io::Error) -> bool {
    let eloop = if cfg!(any(target_os = "linux", target_os = "android")) {
        40
    } else {
        62
    };
    error.raw_os_error() == Some(eloop)
}
