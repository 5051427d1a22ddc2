//! The opened folder as the window holds it, and what the user has selected
//! in it: photo, the two variants compared, the section, the conflict.

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::{Analysis, ClaimOrigin, Conflict, ConflictValue, Location, PhotoAnalysis};
use crate::corpus::{Corpus, Photo, Section};
use crate::review::Review;

/// A loaded folder with its analysis and verdicts.
#[derive(Debug, Clone)]
pub struct Session {
    pub folder: PathBuf,
    /// Counts loads, so caches keyed by it go stale on reload.
    pub generation: u64,
    pub corpus: Arc<Corpus>,
    pub analysis: Arc<Analysis>,
    pub review: Review,
    pub selection: Selection,
    /// Whether the reviewer set or cleared a verdict since the folder was
    /// opened: then `review` is newer than the file (its write may be under
    /// way or have failed), and a reload keeps it.
    pub verdicts_changed: bool,
}

impl Session {
    pub fn photo(&self) -> Option<&Photo> {
        self.corpus.photos.get(self.selection.photo)
    }

    pub fn photo_analysis(&self) -> Option<&PhotoAnalysis> {
        self.analysis.photos.get(self.selection.photo)
    }

    pub fn conflict(&self) -> Option<&Conflict> {
        let index = self.selection.conflict?;
        self.photo_analysis()?.conflicts.get(index)
    }
}

/// What the user looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Index into `Corpus::photos`.
    pub photo: usize,
    /// Indices into the photo's variants.
    pub left: usize,
    pub right: usize,
    pub section: Section,
    /// Index into the photo's conflicts.
    pub conflict: Option<usize>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            photo: 0,
            left: 0,
            right: 1,
            section: Section::Caption,
            conflict: None,
        }
    }
}

impl Selection {
    /// The first two variants of a photo (or the one, twice).
    pub fn first_pair(photo: usize, variant_count: usize) -> Selection {
        Selection {
            photo,
            left: 0,
            right: if variant_count > 1 { 1 } else { 0 },
            ..Selection::default()
        }
    }
}

/// Which two variants show a conflict best, and where to scroll: the left
/// side is an odd one out (`current` if it is one, so the variant the user
/// is looking at stays), the right side a variant holding the value the
/// reference (or the majority) holds. The location is the left side's span.
pub fn conflict_pair(
    analysis: &PhotoAnalysis,
    conflict: &Conflict,
    current: usize,
) -> Option<(usize, usize, Option<Location>)> {
    let left = Some(current)
        .filter(|c| conflict.odd_ones_out.contains(c))
        .or_else(|| conflict.odd_ones_out.first().copied())
        .or_else(|| {
            conflict
                .values
                .get(1)
                .and_then(|v| v.variants.first().copied())
        })
        .or_else(|| {
            conflict
                .values
                .first()
                .and_then(|v| v.variants.first().copied())
        })?;
    let preferred = conflict.reference.clone().or(conflict.majority.clone());
    // A variant can hold two values (its caption and its article disagree):
    // the left side shows the odd one.
    let held: Vec<&ConflictValue> = conflict
        .values
        .iter()
        .filter(|v| v.variants.contains(&left))
        .collect();
    let left_group = held
        .iter()
        .find(|v| Some(&v.value) != preferred.as_ref())
        .or_else(|| held.first())
        .copied();
    let left_value = left_group.map(|v| v.value.clone());
    let mut candidates: Vec<&ConflictValue> = conflict
        .values
        .iter()
        .filter(|v| Some(&v.value) != left_value.as_ref())
        .collect();
    candidates.sort_by_key(|v| Some(&v.value) != preferred.as_ref());
    // A variant that holds the other value throughout (not itself an odd
    // one out) shows the disagreement best.
    let holders: Vec<usize> = candidates
        .iter()
        .flat_map(|v| v.variants.iter().copied())
        .filter(|&v| v != left)
        .collect();
    let location = left_group
        .into_iter()
        .flat_map(|v| v.claims.iter())
        .filter_map(|&c| analysis.claims.get(c))
        .find_map(|claim| match claim.origin {
            ClaimOrigin::Variant(loc) if loc.variant == left => Some(loc),
            _ => None,
        });
    // Side by side, the contrast shows best when the right side states the
    // other value in the same section (caption against caption).
    let states_in_section = |variant: usize| {
        location.is_some_and(|loc| {
            candidates
                .iter()
                .flat_map(|g| g.claims.iter())
                .filter_map(|&c| analysis.claims.get(c))
                .any(|claim| {
                    matches!(claim.origin, ClaimOrigin::Variant(l)
                        if l.variant == variant && l.section == loc.section)
                })
        })
    };
    let steady = |v: &usize| !conflict.odd_ones_out.contains(v);
    let right = holders
        .iter()
        .copied()
        .find(|&v| steady(&v) && states_in_section(v))
        .or_else(|| holders.iter().copied().find(|&v| states_in_section(v)))
        .or_else(|| holders.iter().copied().find(steady))
        .or_else(|| holders.first().copied())
        .unwrap_or(left);
    Some((left, right, location))
}

/// The conflict to open a photo on: the most severe one in which a variant's
/// *caption* (what travels with the photo) holds the odd value, with that
/// variant; else the most severe conflict and its first odd one out.
pub fn opening_conflict(analysis: &PhotoAnalysis) -> Option<(usize, usize)> {
    let in_caption = analysis
        .conflicts
        .iter()
        .enumerate()
        .find_map(|(index, conflict)| {
            let preferred = conflict.reference.as_ref().or(conflict.majority.as_ref());
            conflict
                .values
                .iter()
                .filter(|v| Some(&v.value) != preferred)
                .flat_map(|v| v.claims.iter())
                .filter_map(|&c| analysis.claims.get(c))
                .find_map(|claim| match claim.origin {
                    ClaimOrigin::Variant(loc) if loc.section == Section::Caption => {
                        Some((index, loc.variant))
                    }
                    _ => None,
                })
        });
    in_caption.or_else(|| {
        let conflict = analysis.conflicts.first()?;
        Some((0, conflict.odd_ones_out.first().copied().unwrap_or(0)))
    })
}

/// Variants that are an odd one out in at least one conflict.
pub fn variants_in_conflict(analysis: &PhotoAnalysis) -> Vec<usize> {
    let mut variants: Vec<usize> = analysis
        .conflicts
        .iter()
        .flat_map(|c| c.odd_ones_out.iter().copied())
        .collect();
    variants.sort_unstable();
    variants.dedup();
    variants
}
