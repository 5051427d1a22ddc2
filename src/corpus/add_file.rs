//! Adding files to a photo's folder from the window: a caption file written
//! from the *Add caption…* form ([`write_caption`]), or a saved page, caption
//! file or image dropped onto the window copied in ([`copy_in`]).
//!
//! Nothing is ever replaced: every file goes through the atomic writer's
//! no-clobber rename, and a name that is taken is tried again with `-2`,
//! `-3`, ... before the extension (`the-guardian-2.txt`), so two windows
//! adding one outlet at once both keep their file. The files the loader
//! reads by their name (`photo.toml`, `vocabulary.toml`, `expected.toml`)
//! keep it, and are refused where the folder already has one. A form's file
//! is named from its outlet (`The Guardian` is `the-guardian.txt`). Files are
//! written readable by others (0644), like reports: a captions folder is
//! shared. Paths given and returned are relative to the opened folder.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::caption_draft::CaptionDraft;
use super::load::{CAPTION_SIZE_LIMIT, IMAGE_SIZE_LIMIT};
use super::walk::FileKind;
use super::{Photo, SourceFormat};
use crate::atomic_write::{Overwrite, write_atomically_with};
use crate::regular_file::read_regular;

/// How many numbered names are tried before giving up.
const MAX_NUMBER: usize = 999;
/// The longest file stem made from an outlet's name, in bytes.
const MAX_SLUG: usize = 60;
/// The stem when an outlet's name has no letter or digit to make one from.
const FALLBACK_STEM: &str = "caption";
/// The extensions the loader reads, as said to the user.
const READ_EXTENSIONS: &str = "captions .txt, .text, .toml, .json, .html, .htm; \
                               images .jpg, .jpeg, .jpe, .png, .tif, .tiff, .webp, \
                               .heic, .heif, .hif, .avif, .psd, .psb";

/// Why a file was not added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    /// The form is not ready to be written (each problem, one sentence).
    #[error("{0}")]
    Draft(String),
    #[error("{name} is not a file the loader reads ({READ_EXTENSIONS}); not copied")]
    NotRead { name: String },
    #[error("{name} could not be read: {reason}")]
    Unreadable { name: String, reason: String },
    #[error("the photo's folder already has a {name}; it is not replaced")]
    NameTaken { name: String },
    #[error("could not write {path}: {error}")]
    Write { path: String, error: io::Error },
    #[error("every name from {name} to its -{MAX_NUMBER} is taken")]
    NoFreeName { name: String },
}

/// What adding a dropped file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copied {
    /// Copied in under this path.
    New(PathBuf),
    /// The file already is in the photo's folder, at this path: not copied.
    AlreadyThere(PathBuf),
}

/// The folder of `photo`, relative to the opened folder: where its caption
/// files are (an image's variant may come from its `images/` subfolder),
/// else its id's folder (the opened folder itself for `.`).
pub fn photo_folder(photo: &Photo) -> PathBuf {
    photo
        .variants
        .iter()
        .filter(|variant| variant.source.format != SourceFormat::EmbeddedImage)
        .find_map(|variant| variant.source.file.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| match photo.id.as_str() {
            "." => PathBuf::new(),
            id => PathBuf::from(id),
        })
}

/// A file stem from an outlet's name: ASCII letters and digits, lowercase,
/// runs of anything else one `-` (`The Guardian` is `the-guardian`,
/// `Süddeutsche Zeitung` is `suddeutsche-zeitung`).
pub fn slug(outlet: &str) -> String {
    let ascii = any_ascii::any_ascii(outlet);
    let mut slug = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if slug.len() >= MAX_SLUG {
                break;
            }
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        FALLBACK_STEM.to_owned()
    } else {
        slug.to_owned()
    }
}

/// The `number`th name tried for `stem` and `extension`: the name itself
/// first, then `stem-2.extension`, `stem-3.extension`, ...
pub fn numbered_name(stem: &str, extension: &str, number: usize) -> String {
    let stem = match number {
        0 | 1 => stem.to_owned(),
        n => format!("{stem}-{n}"),
    };
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

/// Writes the form's caption file into `folder` (relative to `root`), named
/// from its outlet; gives its path relative to `root`.
pub fn write_caption(
    root: &Path,
    folder: &Path,
    draft: &CaptionDraft,
) -> Result<PathBuf, AddError> {
    let text = draft.file_text().map_err(|problems| {
        let sentences: Vec<String> = problems.iter().map(ToString::to_string).collect();
        AddError::Draft(sentences.join(" "))
    })?;
    write_new(root, folder, &slug(&draft.outlet), "txt", text.as_bytes())
}

/// Copies the file at `source` into `folder` (relative to `root`) when it is
/// one the loader reads, under its own name or a numbered one; gives its
/// path relative to `root`.
pub fn copy_in(root: &Path, folder: &Path, source: &Path) -> Result<Copied, AddError> {
    let name = source
        .file_name()
        .map(super::shown)
        .unwrap_or_else(|| super::shown_path(source));
    // A hidden file is not read: it is copied under a visible name.
    let visible = name.trim_start_matches('.');
    let kind = FileKind::of(visible).filter(|_| !visible.is_empty());
    let Some(kind) = kind else {
        return Err(AddError::NotRead { name });
    };
    let target_folder = root.join(folder);
    let source_folder = source.parent().and_then(|p| std::fs::canonicalize(p).ok());
    if source_folder.is_some()
        && source_folder == std::fs::canonicalize(&target_folder).ok()
        && let Some(own) = source.file_name()
    {
        return Ok(Copied::AlreadyThere(folder.join(own)));
    }
    let limit = match kind {
        FileKind::Image => IMAGE_SIZE_LIMIT,
        FileKind::Caption(_) | FileKind::PhotoFile => CAPTION_SIZE_LIMIT,
    };
    let bytes = read_regular(source, limit).map_err(|error| AddError::Unreadable {
        name: name.clone(),
        reason: error.to_string(),
    })?;
    let path = Path::new(visible);
    let keeps_its_name = kind == FileKind::PhotoFile
        || visible == super::walk::VOCABULARY_FILE_NAME
        || visible == crate::eval::EXPECTED_FILE_NAME;
    if keeps_its_name {
        let relative = folder.join(visible);
        return match write_one(&root.join(&relative), &bytes) {
            Ok(()) => Ok(Copied::New(relative)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                Err(AddError::NameTaken {
                    name: visible.to_owned(),
                })
            }
            Err(error) => Err(write_error(&relative, error)),
        };
    }
    let stem = path.file_stem().map(super::shown).unwrap_or_default();
    let extension = path.extension().map(super::shown).unwrap_or_default();
    write_new(root, folder, &stem, &extension, &bytes).map(Copied::New)
}

/// Writes `bytes` under the first free numbered name in `folder`.
fn write_new(
    root: &Path,
    folder: &Path,
    stem: &str,
    extension: &str,
    bytes: &[u8],
) -> Result<PathBuf, AddError> {
    for number in 1..=MAX_NUMBER {
        let relative = folder.join(numbered_name(stem, extension, number));
        match write_one(&root.join(&relative), bytes) {
            Ok(()) => return Ok(relative),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(write_error(&relative, error)),
        }
    }
    Err(AddError::NoFreeName {
        name: numbered_name(stem, extension, 1),
    })
}

/// Writes a new file atomically, never replacing one, readable by others.
fn write_one(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, Overwrite::Refuse, |temp| {
        // The temporary file is private (0600); a captions folder is shared.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            temp.set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        temp.write_all(bytes)
    })
}

fn write_error(relative: &Path, error: io::Error) -> AddError {
    AddError::Write {
        path: super::shown_path(relative),
        error,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn draft(outlet: &str, caption: &str) -> CaptionDraft {
        CaptionDraft {
            outlet: outlet.into(),
            caption: caption.into(),
            ..CaptionDraft::default()
        }
    }

    #[test]
    fn slugs_from_outlets() {
        assert_eq!(slug("The Guardian"), "the-guardian");
        assert_eq!(slug("  stern.de "), "stern-de");
        assert_eq!(slug("Süddeutsche Zeitung"), "suddeutsche-zeitung");
        assert_eq!(slug("ABC7 (Chicago)!"), "abc7-chicago");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("—"), "caption");
        assert_eq!(slug(&"a".repeat(200)).len(), MAX_SLUG);
    }

    #[test]
    fn numbered_names() {
        assert_eq!(numbered_name("the-sun", "txt", 1), "the-sun.txt");
        assert_eq!(numbered_name("the-sun", "txt", 2), "the-sun-2.txt");
        assert_eq!(numbered_name("page", "", 3), "page-3");
    }

    #[test]
    fn a_second_caption_of_one_outlet_gets_the_next_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("photo")).unwrap();
        let folder = Path::new("photo");
        let first = write_caption(dir.path(), folder, &draft("The Sun", "One.")).unwrap();
        let second = write_caption(dir.path(), folder, &draft("The Sun", "Two.")).unwrap();
        assert_eq!(first, Path::new("photo/the-sun.txt"));
        assert_eq!(second, Path::new("photo/the-sun-2.txt"));
        let first_text = std::fs::read_to_string(dir.path().join(&first)).unwrap();
        assert_eq!(first_text, "Outlet: The Sun\n\nOne.\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(&second))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }

    #[test]
    fn a_draft_with_problems_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_caption(dir.path(), Path::new(""), &draft("The Sun", " ")).unwrap_err();
        assert_eq!(error.to_string(), "Give the caption.");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_dropped_file_is_copied_under_a_free_name() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let page = outside.path().join("page.HTML");
        std::fs::write(&page, "<figcaption>A caption</figcaption>").unwrap();
        std::fs::write(root.path().join("page.HTML"), "taken").unwrap();
        let copied = copy_in(root.path(), Path::new(""), &page).unwrap();
        assert_eq!(copied, Copied::New(PathBuf::from("page-2.HTML")));
        assert_eq!(
            std::fs::read_to_string(root.path().join("page-2.HTML")).unwrap(),
            "<figcaption>A caption</figcaption>"
        );
        assert_eq!(
            std::fs::read_to_string(root.path().join("page.HTML")).unwrap(),
            "taken"
        );
        // Hidden, it would not be read: it comes in under a visible name.
        let hidden = outside.path().join(".notes.txt");
        std::fs::write(&hidden, "outlet: A\n\nCaption.").unwrap();
        let copied = copy_in(root.path(), Path::new(""), &hidden).unwrap();
        assert_eq!(copied, Copied::New(PathBuf::from("notes.txt")));
    }

    #[test]
    fn a_file_the_loader_does_not_read_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        for name in ["notes.docx", "README", ".txt"] {
            let path = outside.path().join(name);
            std::fs::write(&path, "text").unwrap();
            let error = copy_in(root.path(), Path::new(""), &path).unwrap_err();
            assert!(matches!(error, AddError::NotRead { .. }), "{name}: {error}");
        }
        let folder = outside.path().join("folder.txt");
        std::fs::create_dir(&folder).unwrap();
        let error = copy_in(root.path(), Path::new(""), &folder).unwrap_err();
        assert!(matches!(error, AddError::Unreadable { .. }), "{error}");
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_photo_file_keeps_its_name_and_a_file_in_place_is_not_copied() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let photo = outside.path().join("photo.toml");
        std::fs::write(&photo, "title = \"A\"\n").unwrap();
        let copied = copy_in(root.path(), Path::new(""), &photo).unwrap();
        assert_eq!(copied, Copied::New(PathBuf::from("photo.toml")));
        let error = copy_in(root.path(), Path::new(""), &photo).unwrap_err();
        assert!(matches!(error, AddError::NameTaken { .. }), "{error}");
        let inside = root.path().join("photo.toml");
        let copied = copy_in(root.path(), Path::new(""), &inside).unwrap();
        assert_eq!(copied, Copied::AlreadyThere(PathBuf::from("photo.toml")));
    }

    #[test]
    fn the_photo_folder_is_where_its_captions_are() {
        let mut photo = Photo {
            id: ".".into(),
            ..Photo::default()
        };
        assert_eq!(photo_folder(&photo), PathBuf::new());
        photo.id = "paris".into();
        assert_eq!(photo_folder(&photo), PathBuf::from("paris"));
        let mut embedded = crate::corpus::Variant::default();
        embedded.source.format = SourceFormat::EmbeddedImage;
        embedded.source.file = PathBuf::from("paris/images/a.jpg");
        let mut text = crate::corpus::Variant::default();
        text.source.file = PathBuf::from("paris/the-sun.txt");
        photo.variants = vec![embedded, text];
        assert_eq!(photo_folder(&photo), PathBuf::from("paris"));
    }
}
