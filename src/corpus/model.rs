//! The corpus: what was read from a captions folder, before any analysis.
//!
//! Paths stored here are relative to the opened folder (`Corpus::root`), so a
//! corpus (and a report made from it) reads the same on any machine.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Everything loaded from one opened folder.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Corpus {
    /// The opened folder, as given (absolute where it could be made so).
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub root: PathBuf,
    /// Photos in a deterministic order (sorted by folder path).
    pub photos: Vec<Photo>,
    /// Per-file problems met while loading; the rest of the folder still loaded.
    pub problems: Vec<Problem>,
    /// Every file that was read, with its digest, in path order.
    pub inputs: Vec<InputFile>,
    /// Extra vocabulary files found in the folder (see `analysis::vocabulary`).
    #[serde(serialize_with = "crate::corpus::paths::as_text::list")]
    pub vocabulary_files: Vec<PathBuf>,
}

/// One news image: the unit the user compares around.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Photo {
    /// Stable identifier: the photo folder's path relative to the root
    /// (`"."` when the root itself is the photo folder).
    pub id: String,
    /// Title from the photo file, else the folder name.
    pub title: String,
    /// Image files of this photo (from the photo file, from caption headers,
    /// and image files found in the folder), relative to the root.
    #[serde(serialize_with = "crate::corpus::paths::as_text::list")]
    pub images: Vec<PathBuf>,
    /// One variant per outlet's caption (and per image with an embedded caption).
    pub variants: Vec<Variant>,
    /// Reference facts from the photo file, when the user supplied them.
    pub reference: Option<ReferenceFacts>,
}

/// One outlet's published text about the photo.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Variant {
    /// Stable identifier: the file's path relative to the root.
    pub id: String,
    pub source: Source,
    /// The caption as published.
    pub caption: Text,
    /// The headline of the page it came from, if known.
    pub headline: Option<Text>,
    /// The article sentences about the photo, if given.
    pub article: Option<Text>,
}

impl Variant {
    /// The outlet name for display, falling back to the file name.
    pub fn label(&self) -> &str {
        if self.source.outlet.is_empty() {
            &self.id
        } else {
            &self.source.outlet
        }
    }

    /// The text of one section of this variant, if it has that section.
    pub fn section(&self, section: Section) -> Option<&Text> {
        match section {
            Section::Caption => Some(&self.caption),
            Section::Headline => self.headline.as_ref(),
            Section::Article => self.article.as_ref(),
        }
    }
}

/// The parts of a variant that carry text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Caption,
    Headline,
    Article,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Caption, Section::Headline, Section::Article];

    pub fn name(self) -> &'static str {
        match self {
            Section::Caption => "caption",
            Section::Headline => "headline",
            Section::Article => "article",
        }
    }
}

/// Where a variant came from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Source {
    /// The outlet's name as the user wrote it ("Sportstar", "The Sun").
    pub outlet: String,
    /// The page address, when known.
    pub url: Option<String>,
    /// Publication time, with its offset when the source gives one.
    pub published: Option<Published>,
    /// The credit line printed with the photo ("AFP", "Getty Images").
    pub credit: Option<String>,
    pub photographer: Option<String>,
    /// The image this caption was published with, relative to the root.
    #[serde(serialize_with = "crate::corpus::paths::as_text::option")]
    pub image: Option<PathBuf>,
    /// The file this variant was read from, relative to the root.
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub file: PathBuf,
    /// The file's format.
    pub format: SourceFormat,
    /// The text encoding found ("UTF-8", "UTF-8 with BOM", "UTF-16LE",
    /// "windows-1252", ...).
    pub encoding: String,
    /// The user's remarks about this source (not part of the published text).
    pub notes: Option<String>,
    /// For a saved page: where its caption was taken from and why that one
    /// ("the figcaption of the lead image"), or why it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption_choice: Option<String>,
}

/// The kinds of file a variant can come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    #[default]
    Text,
    Toml,
    Json,
    Html,
    /// A caption embedded in an image file (IPTC, XMP or EXIF).
    EmbeddedImage,
}

/// A publication time as written, and as understood.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Published {
    /// As written in the source ("Jul 31, 2024 12:45 IST").
    pub raw: String,
    /// The calendar date in the publisher's own time zone.
    pub date: NaiveDate,
    /// The full time with its offset, when the source gives both.
    pub time: Option<DateTime<FixedOffset>>,
}

/// A piece of text kept twice: as found (for display) and NFC-normalised
/// (for analysis). Spans produced by analysis are byte ranges into
/// `normalized`; the two render identically, so views show `normalized`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Text {
    pub original: String,
    pub normalized: String,
}

impl Text {
    pub fn new(original: impl Into<String>) -> Self {
        let original = original.into();
        // Most text is already NFC: the quick check spares the full
        // decompose-and-recompose pass (a large share of loading time).
        let normalized = match unicode_normalization::is_nfc_quick(original.chars()) {
            unicode_normalization::IsNormalized::Yes => original.clone(),
            _ => original.nfc().collect(),
        };
        Text {
            original,
            normalized,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.normalized
    }

    pub fn is_empty(&self) -> bool {
        self.normalized.trim().is_empty()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::new(s)
    }
}

/// Facts the user states about the photo, to check the variants against.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFacts {
    pub event: Option<String>,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub credit: Option<String>,
    pub photographer: Option<String>,
    /// The device the photo (or the selfie in it) was taken with.
    pub device: Option<String>,
    /// Who took the photo or the selfie shown in it, by the name of a person below.
    pub taken_by: Option<String>,
    #[serde(default)]
    pub people: Vec<ReferencePerson>,
}

/// One person in the photo, as the reference facts give them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReferencePerson {
    /// The preferred spelling, e.g. "Lim Jong-hoon".
    pub name: String,
    /// Other spellings and orders, e.g. "Lim Jonghoon", "Jong-hoon Lim".
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub medal: Option<Medal>,
}

/// Olympic medals, in podium order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Medal {
    Gold,
    Silver,
    Bronze,
}

impl Medal {
    pub fn name(self) -> &'static str {
        match self {
            Medal::Gold => "gold",
            Medal::Silver => "silver",
            Medal::Bronze => "bronze",
        }
    }

    pub fn parse(word: &str) -> Option<Medal> {
        match word.to_lowercase().as_str() {
            "gold" => Some(Medal::Gold),
            "silver" => Some(Medal::Silver),
            "bronze" => Some(Medal::Bronze),
            _ => None,
        }
    }
}

/// A file that was read, for the report's own provenance.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct InputFile {
    /// Relative to the root.
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub path: PathBuf,
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
}

/// Something wrong with one file; the rest of the folder still loads.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Problem {
    /// Relative to the root (the root itself is `"."`).
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub path: PathBuf,
    /// One line saying what is wrong.
    pub reason: String,
    /// 1-based line number, where there is one.
    pub line: Option<usize>,
    pub severity: ProblemSeverity,
    pub kind: ProblemKind,
}

impl Problem {
    /// What the user can do about it, one line.
    pub fn advice(&self) -> &'static str {
        self.kind.advice()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProblemSeverity {
    /// The file was skipped.
    Error,
    /// The file loaded, but something in it was ignored.
    Warning,
    /// Nothing is wrong: the file was passed over on purpose (a report this
    /// app saved). Listed so that no file goes unaccounted for.
    Note,
}

/// The kinds of problem, each with advice for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    Empty,
    NotText,
    Syntax,
    UnknownKey,
    TooLarge,
    Unreadable,
    SymlinkLoop,
    OutsideFolder,
    NoCaption,
    NoCaptions,
    BadImage,
    /// An image in a format that is not read (GIF, camera raw, ...).
    UnsupportedImage,
    /// A report this app saved, passed over (severity `Note`).
    OwnReport,
    Other,
}

impl ProblemKind {
    pub fn advice(self) -> &'static str {
        match self {
            ProblemKind::Empty => {
                "The file is empty: save the caption into it again, or delete it."
            }
            ProblemKind::NotText => {
                "This is not a text file: save the page or caption as text, or give it the right extension."
            }
            ProblemKind::Syntax => "Fix the syntax at the line shown, then reload (F5).",
            ProblemKind::UnknownKey => {
                "The key was ignored: check its spelling against the README's list of keys."
            }
            ProblemKind::TooLarge => {
                "The file is larger than a caption can be: keep only the caption and the article sentences about the photo."
            }
            ProblemKind::Unreadable => "Check the file's permissions, then reload (F5).",
            ProblemKind::SymlinkLoop => "A link points back at itself: remove the link.",
            ProblemKind::OutsideFolder => {
                "Only files inside the opened folder are read: copy the file into the folder and point to the copy."
            }
            ProblemKind::NoCaption => {
                "The file has no caption text: add the caption after the header lines."
            }
            ProblemKind::NoCaptions => {
                "Open a folder that holds caption files (.txt, .toml, .json, .html) or images with embedded captions."
            }
            ProblemKind::BadImage => {
                "The image could not be decoded: save it again from its source."
            }
            ProblemKind::UnsupportedImage => {
                "Save the image as JPEG, PNG or TIFF (keeping its metadata), or copy its caption into a text file."
            }
            ProblemKind::OwnReport => {
                "Not read as a caption: it is a report this app saved. Move it out of the folder to keep the listing short."
            }
            ProblemKind::Other => "See the reason; fix the file and reload (F5).",
        }
    }
}
