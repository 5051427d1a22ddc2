//! Word diffs of two variants, or of two free texts.
//!
//! Both texts are cut into tokens ([`super::tokens`]), each compared by its
//! key under [`DiffOptions`] (case, punctuation, spellings of one person), and
//! diffed with `similar`'s patience algorithm. The result is a list of
//! [`DiffPiece`]s, equal runs and changed runs, with byte spans into both
//! texts so that a view can highlight the exact ranges. Between two equal
//! runs, everything removed is one `Delete` piece and everything added is one
//! `Insert` piece (in that order); no two neighbouring pieces share a tag.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag as OpTag, capture_diff_slices};

use super::tokens::{KeyInterner, KeyedToken, keyed_tokens, section_mentions};
use super::{PhotoAnalysis, Span};
use crate::corpus::{Photo, Section};

/// What a diff treats as the same word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOptions {
    /// "Silver" and "silver" are the same word.
    pub ignore_case: bool,
    /// Punctuation takes no part in the comparison.
    pub ignore_punctuation: bool,
    /// Spellings of the same person ("Lim Jonghoon", "Lim Jong-hoon") count as equal.
    pub same_person_equal: bool,
}

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
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

/// A word diff: the pieces in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordDiff {
    pub pieces: Vec<DiffPiece>,
}

impl WordDiff {
    /// Whether the texts differ (under the options the diff was made with).
    pub fn has_changes(&self) -> bool {
        self.pieces.iter().any(|p| p.tag != DiffTag::Equal)
    }
}

/// Diffs one section of two variants (indices into `photo.variants`).
///
/// A variant without that section counts as an empty text; an index out of
/// range gives an empty diff. Mentions of people come from `analysis` (used
/// with `same_person_equal`; without them the diff goes word by word).
pub fn diff_variants(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    old: usize,
    new: usize,
    section: Section,
    options: DiffOptions,
) -> WordDiff {
    let (Some(old_variant), Some(new_variant)) = (photo.variants.get(old), photo.variants.get(new))
    else {
        return WordDiff::default();
    };
    let old_text = old_variant.section(section).map_or("", |t| t.as_str());
    let new_text = new_variant.section(section).map_or("", |t| t.as_str());
    let old_tokens = keyed_tokens(old_text, &section_mentions(analysis, old, section), options);
    let new_tokens = keyed_tokens(new_text, &section_mentions(analysis, new, section), options);
    diff_tokens(&old_tokens, &new_tokens)
}

/// Diffs two free texts word by word (no person mentions).
pub fn word_diff(old: &str, new: &str, options: DiffOptions) -> WordDiff {
    let old_tokens = keyed_tokens(old, &[], options);
    let new_tokens = keyed_tokens(new, &[], options);
    diff_tokens(&old_tokens, &new_tokens)
}

/// Diffs two token sequences by key and builds the merged pieces.
pub(crate) fn diff_tokens(old: &[KeyedToken], new: &[KeyedToken]) -> WordDiff {
    let mut interner = KeyInterner::default();
    let old_ids = interner.ids(old);
    let new_ids = interner.ids(new);
    let ops = capture_diff_slices(Algorithm::Patience, &old_ids, &new_ids);

    let mut pieces = Vec::new();
    let mut deleted: Option<Span> = None;
    let mut inserted: Option<Span> = None;
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_span = run_span(old, old_range);
        let new_span = run_span(new, new_range);
        if tag == OpTag::Equal {
            flush_changes(&mut pieces, &mut deleted, &mut inserted);
            push_equal(&mut pieces, old_span, new_span);
        } else {
            deleted = join(deleted, old_span);
            inserted = join(inserted, new_span);
        }
    }
    flush_changes(&mut pieces, &mut deleted, &mut inserted);
    WordDiff { pieces }
}

/// The span from the first to the last token of a run, or `None` for an empty run.
fn run_span(tokens: &[KeyedToken], range: std::ops::Range<usize>) -> Option<Span> {
    if range.is_empty() {
        return None;
    }
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end - 1)?;
    Some(Span::new(first.span.start, last.span.end))
}

fn join(a: Option<Span>, b: Option<Span>) -> Option<Span> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Span::new(a.start.min(b.start), a.end.max(b.end))),
        (a, None) => a,
        (None, b) => b,
    }
}

fn flush_changes(
    pieces: &mut Vec<DiffPiece>,
    deleted: &mut Option<Span>,
    inserted: &mut Option<Span>,
) {
    if let Some(span) = deleted.take() {
        pieces.push(DiffPiece {
            tag: DiffTag::Delete,
            old: Some(span),
            new: None,
        });
    }
    if let Some(span) = inserted.take() {
        pieces.push(DiffPiece {
            tag: DiffTag::Insert,
            old: None,
            new: Some(span),
        });
    }
}

fn push_equal(pieces: &mut Vec<DiffPiece>, old: Option<Span>, new: Option<Span>) {
    if let Some(last) = pieces.last_mut()
        && last.tag == DiffTag::Equal
    {
        last.old = join(last.old, old);
        last.new = join(last.new, new);
        return;
    }
    pieces.push(DiffPiece {
        tag: DiffTag::Equal,
        old,
        new,
    });
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
