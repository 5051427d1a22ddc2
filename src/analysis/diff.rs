//! Word diffs of two variants. (Stub: the analysis issue fills this in.)

use serde::{Deserialize, Serialize};

use super::{PhotoAnalysis, Span};
use crate::corpus::{Photo, Section};

/// What a diff treats as the same word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOptions {
    pub ignore_case: bool,
    pub ignore_punctuation: bool,
    /// Spellings of the same person ("Lim Jonghoon", "Lim Jong-hoon") count as equal.
    pub same_person_equal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    Equal,
    Delete,
    Insert,
}

/// One run of words: in the old text, the new text, or both (equal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPiece {
    pub tag: DiffTag,
    /// Span in the old variant's text (Equal and Delete).
    pub old: Option<Span>,
    /// Span in the new variant's text (Equal and Insert).
    pub new: Option<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordDiff {
    pub pieces: Vec<DiffPiece>,
}

/// Diffs one section of two variants (indices into `photo.variants`).
pub fn diff_variants(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    old: usize,
    new: usize,
    section: Section,
    options: DiffOptions,
) -> WordDiff {
    let _ = (photo, analysis, old, new, section, options);
    WordDiff::default()
}
