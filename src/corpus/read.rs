//! Reading one found file: size limit, bytes, digest, decoding and parsing,
//! turned into what it adds to its photo and the problems it has. Runs on
//! many files at once, so it only returns values.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::embedded::embedded_variants;
use super::encoding::{decode, decode_declared, mixes_utf8};
use super::html_page::{declared_charset, parse_html};
use super::own_report::is_own_report;
use super::parsed::{Issue, Parsed, SourceKey, one_line};
use super::paths::resolve_inside;
use super::photo_file::{PhotoFile, parse_photo_file};
use super::plain_text::parse_plain_text;
use super::published::parse_published;
use super::structured::{parse_json, parse_toml};
use super::walk::{CaptionFormat, FileKind, FoundFile};
use super::{InputFile, Problem, ProblemKind, Source, SourceFormat, Text, Variant};
use crate::imaging::metadata::read_embedded;
use crate::regular_file::{ReadError, read_regular};

/// The largest caption or photo file read, in bytes.
pub const CAPTION_SIZE_LIMIT: u64 = 5 * 1024 * 1024;
/// The largest image file read, in bytes.
pub const IMAGE_SIZE_LIMIT: u64 = 200 * 1024 * 1024;

/// What a file adds to its photo.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Content {
    /// Nothing usable (the problems say why).
    Nothing,
    Variant(Box<Variant>),
    /// An image of the photo, with its variants when it carries a caption.
    Image {
        path: PathBuf,
        variants: Vec<Variant>,
    },
    /// The photo file, with its image paths resolved (relative to the root).
    PhotoFile {
        photo: Box<PhotoFile>,
        images: Vec<PathBuf>,
    },
}

/// The result of reading one file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    pub input: Option<InputFile>,
    pub problems: Vec<Problem>,
    pub content: Content,
}

/// Reads one file found by the walk. `root` is the canonical opened folder.
pub(crate) fn read_file(root: &Path, file: &FoundFile) -> Outcome {
    let mut outcome = Outcome {
        input: None,
        problems: Vec::new(),
        content: Content::Nothing,
    };
    let bytes = match read_bytes(file) {
        Ok(bytes) => bytes,
        Err(issue) => {
            outcome.problems.push(issue.at(&file.relative));
            return outcome;
        }
    };
    if matches!(file.kind, FileKind::Caption(_)) && is_own_report(&bytes) {
        // A report this app saved here: not a caption, and not a problem.
        outcome.problems.push(Problem {
            path: file.relative.clone(),
            reason: "passed over: a report this app saved, not a caption".into(),
            line: None,
            severity: super::ProblemSeverity::Note,
            kind: ProblemKind::OwnReport,
        });
        return outcome;
    }
    outcome.input = Some(input_file(&file.relative, &bytes));
    let folder = file.absolute.parent().unwrap_or(root);
    let mut issues = Vec::new();
    outcome.content = match file.kind {
        FileKind::Caption(format) => match caption_variant(root, folder, file, format, &bytes) {
            Ok((variant, warnings)) => {
                issues = warnings;
                Content::Variant(Box::new(variant))
            }
            Err(issue) => {
                issues.push(issue);
                Content::Nothing
            }
        },
        FileKind::Image => {
            let (variants, warnings) = embedded_variants(file, &read_embedded(&bytes));
            issues = warnings;
            Content::Image {
                path: file.relative.clone(),
                variants,
            }
        }
        FileKind::PhotoFile => match photo_file(root, folder, &bytes) {
            Ok((photo, images, warnings)) => {
                issues = warnings;
                Content::PhotoFile {
                    photo: Box::new(photo),
                    images,
                }
            }
            Err(issue) => {
                issues.push(issue);
                Content::Nothing
            }
        },
    };
    outcome.problems = issues
        .into_iter()
        .map(|issue| issue.at(&file.relative))
        .collect();
    outcome
}

/// The file's bytes: only a regular file, at most the limit for its kind.
fn read_bytes(file: &FoundFile) -> Result<Vec<u8>, Issue> {
    let (limit, what) = match file.kind {
        FileKind::Image => (IMAGE_SIZE_LIMIT, "an image"),
        FileKind::Caption(_) | FileKind::PhotoFile => (CAPTION_SIZE_LIMIT, "a caption file"),
    };
    read_regular(&file.absolute, limit).map_err(|error| match error {
        ReadError::TooLarge { .. } | ReadError::Grew { .. } => {
            Issue::error(ProblemKind::TooLarge, format!("{error} for {what}"), None)
        }
        ReadError::Io(error) => Issue::error(
            ProblemKind::Unreadable,
            format!("could not be read: {}", one_line(&error.to_string())),
            None,
        ),
        other => Issue::error(
            ProblemKind::Unreadable,
            format!("could not be read: {other}"),
            None,
        ),
    })
}

/// A file read, with its digest, for the report's provenance.
pub(crate) fn input_file(relative: &Path, bytes: &[u8]) -> InputFile {
    InputFile {
        path: relative.to_path_buf(),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(bytes),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

fn caption_variant(
    root: &Path,
    folder: &Path,
    file: &FoundFile,
    format: CaptionFormat,
    bytes: &[u8],
) -> Result<(Variant, Vec<Issue>), Issue> {
    let declared = match format {
        CaptionFormat::Html => declared_charset(bytes),
        _ => None,
    };
    let decoded = decode_declared(bytes, declared)?;
    let mixed = !decoded.encoding.starts_with("UTF") && mixes_utf8(bytes);
    let (parsed, source_format) = match format {
        CaptionFormat::Text => (parse_plain_text(&decoded.text)?, SourceFormat::Text),
        CaptionFormat::Toml => (parse_toml(&decoded.text)?, SourceFormat::Toml),
        CaptionFormat::Json => (parse_json(&decoded.text)?, SourceFormat::Json),
        CaptionFormat::Html => (parse_html(&decoded.text)?, SourceFormat::Html),
    };
    let date_line = parsed.line_of(SourceKey::Published);
    let image_line = parsed.line_of(SourceKey::Image);
    let Parsed {
        fields,
        mut warnings,
        ..
    } = parsed;
    if mixed {
        warnings.push(Issue::warning(
            ProblemKind::Other,
            format!(
                "the file mixes UTF-8 with another encoding; read as {}, so some characters may be wrong",
                decoded.encoding
            ),
            None,
        ));
    }
    let published = fields
        .published
        .as_deref()
        .and_then(|raw| checked_date(raw, date_line, &mut warnings));
    let image =
        fields
            .image
            .as_deref()
            .and_then(|written| match resolve_inside(root, folder, written) {
                Ok(path) => Some(path),
                Err(issue) => {
                    warnings.push(Issue {
                        line: image_line,
                        ..issue
                    });
                    None
                }
            });
    let variant = Variant {
        id: super::shown_path(&file.relative),
        source: Source {
            outlet: fields.outlet.unwrap_or_default(),
            url: fields.url,
            published,
            credit: fields.credit,
            photographer: fields.photographer,
            image,
            file: file.relative.clone(),
            format: source_format,
            encoding: decoded.encoding.to_string(),
            notes: fields.notes,
            caption_choice: fields.caption_choice,
        },
        caption: Text::new(fields.caption),
        headline: fields.headline.map(Text::new),
        article: fields.article.map(Text::new),
    };
    Ok((variant, warnings))
}

/// Parses a date, or records a warning and gives `None`.
pub(super) fn checked_date(
    raw: &str,
    line: Option<usize>,
    warnings: &mut Vec<Issue>,
) -> Option<super::Published> {
    let published = parse_published(raw);
    if published.is_none() && !says_unknown(raw) {
        warnings.push(Issue::warning(
            ProblemKind::Other,
            format!("publication date `{}` not understood; ignored", raw.trim()),
            line,
        ));
    }
    published
}

/// `unknown` (or `n/a`, `-`): the file says it has no date, which is not a problem.
pub(super) fn says_unknown(raw: &str) -> bool {
    let word = raw.trim().to_lowercase();
    matches!(word.as_str(), "unknown" | "n/a" | "-" | "none" | "undated")
}

type PhotoFileRead = (PhotoFile, Vec<PathBuf>, Vec<Issue>);

fn photo_file(root: &Path, folder: &Path, bytes: &[u8]) -> Result<PhotoFileRead, Issue> {
    let decoded = decode(bytes)?;
    let parsed = parse_photo_file(&decoded.text)?;
    let mut warnings = parsed.warnings;
    let images = parsed
        .photo
        .images
        .iter()
        .filter_map(|written| match resolve_inside(root, folder, written) {
            Ok(path) => Some(path),
            Err(issue) => {
                warnings.push(issue);
                None
            }
        })
        .collect();
    Ok((parsed.photo, images, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn digest_is_lower_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_folder_named_like_a_file_is_unreadable() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let absolute = dir.path().join("caption.txt");
        fs::create_dir(&absolute)?;
        let file = FoundFile {
            absolute,
            relative: PathBuf::from("caption.txt"),
            kind: FileKind::Caption(CaptionFormat::Text),
        };
        let outcome = read_file(dir.path(), &file);
        assert_eq!(outcome.input, None);
        assert_eq!(outcome.content, Content::Nothing);
        assert_eq!(
            outcome.problems,
            vec![Problem {
                path: PathBuf::from("caption.txt"),
                reason: "could not be read: it is a folder, not a regular file; not read".into(),
                line: None,
                severity: crate::corpus::ProblemSeverity::Error,
                kind: ProblemKind::Unreadable,
            }]
        );
        Ok(())
    }
}
