//! What a caption file says before its paths and dates are checked, and the
//! per-file issues the format modules report. Shared by every format so that
//! `load` turns them into variants and problems in one place.

use std::path::Path;

use super::{Problem, ProblemKind, ProblemSeverity};

/// The fields a caption file can give, as written (not yet validated).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CaptionFields {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub credit: Option<String>,
    pub photographer: Option<String>,
    pub image: Option<String>,
    pub headline: Option<String>,
    pub notes: Option<String>,
    pub caption: String,
    pub article: Option<String>,
    /// Where the caption was taken from and why (saved pages only).
    pub caption_choice: Option<String>,
}

/// The source keys shared by the plain-text header, TOML and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceKey {
    Outlet,
    Url,
    Published,
    Credit,
    Photographer,
    Image,
    Headline,
    Notes,
}

impl SourceKey {
    /// The key for a name, ignoring case.
    pub fn parse(name: &str) -> Option<SourceKey> {
        match name.trim().to_lowercase().as_str() {
            "outlet" => Some(SourceKey::Outlet),
            "url" => Some(SourceKey::Url),
            "published" => Some(SourceKey::Published),
            "credit" => Some(SourceKey::Credit),
            "photographer" => Some(SourceKey::Photographer),
            "image" => Some(SourceKey::Image),
            "headline" => Some(SourceKey::Headline),
            "notes" => Some(SourceKey::Notes),
            _ => None,
        }
    }
}

impl CaptionFields {
    /// The slot a source key fills.
    pub fn slot(&mut self, key: SourceKey) -> &mut Option<String> {
        match key {
            SourceKey::Outlet => &mut self.outlet,
            SourceKey::Url => &mut self.url,
            SourceKey::Published => &mut self.published,
            SourceKey::Credit => &mut self.credit,
            SourceKey::Photographer => &mut self.photographer,
            SourceKey::Image => &mut self.image,
            SourceKey::Headline => &mut self.headline,
            SourceKey::Notes => &mut self.notes,
        }
    }
}

/// Something wrong in one file, before it is tied to the file's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Issue {
    pub kind: ProblemKind,
    pub severity: ProblemSeverity,
    pub reason: String,
    pub line: Option<usize>,
}

impl Issue {
    /// The file (or the part of it named in `reason`) could not be used.
    pub fn error(kind: ProblemKind, reason: impl Into<String>, line: Option<usize>) -> Issue {
        Issue {
            kind,
            severity: ProblemSeverity::Error,
            reason: reason.into(),
            line,
        }
    }

    /// The file loaded, but something in it was ignored.
    pub fn warning(kind: ProblemKind, reason: impl Into<String>, line: Option<usize>) -> Issue {
        Issue {
            kind,
            severity: ProblemSeverity::Warning,
            reason: reason.into(),
            line,
        }
    }

    /// The problem for the file at `path` (relative to the root).
    pub fn at(self, path: &Path) -> Problem {
        Problem {
            path: path.to_path_buf(),
            reason: self.reason,
            line: self.line,
            severity: self.severity,
            kind: self.kind,
        }
    }
}

/// A caption file that parsed, with what was ignored in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub fields: CaptionFields,
    pub warnings: Vec<Issue>,
    /// The 1-based line each source key was read from, where known, so that
    /// later checks (dates, image paths) can point at it.
    pub key_lines: Vec<(SourceKey, usize)>,
}

impl Parsed {
    /// The line a source key was read from.
    pub fn line_of(&self, key: SourceKey) -> Option<usize> {
        self.key_lines
            .iter()
            .find(|(found, _)| *found == key)
            .map(|(_, line)| *line)
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub(crate) fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()
        .iter()
        .take(end)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Trims `value` and gives `None` when nothing is left.
pub(crate) fn non_empty(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Collapses runs of white space into single spaces and trims the ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// First line of an error message, so a problem's reason stays one line.
pub(crate) fn one_line(message: &str) -> String {
    collapse_whitespace(message.lines().next().unwrap_or_default())
}
