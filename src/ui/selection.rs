//! The opened folder as the window holds it, and what the user has selected
//! in it: photo, the two variants compared, the section, the finding (and,
//! when the finding is a conflict, the conflict).

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::{
    Analysis, ClaimOrigin, Conflict, ConflictValue, Finding, FindingKind, Location, Mark,
    PhotoAnalysis, conflict_is_finding,
};
use crate::corpus::{Corpus, Photo, Section};
use crate::review::{Change, Review, ReviewStamp};

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
    /// Verdicts set or cleared in this window that the review file does not
    /// hold yet (their write is under way, or failed and is retried with the
    /// next one): merged over whatever is read from the file.
    pub unsaved: Vec<Change>,
    /// The review file as this window last read or wrote it: a different
    /// stamp means another window wrote verdicts.
    pub review_stamp: Option<ReviewStamp>,
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

    pub fn finding(&self) -> Option<&Finding> {
        let index = self.selection.finding?;
        self.photo_analysis()?.findings.get(index)
    }

    /// What a verdict set now is about: the selected finding, else the
    /// selected conflict (a command can select one that is not a finding,
    /// such as credits that differ between outlets).
    pub fn under_review(&self) -> Option<UnderReview> {
        let analysis = self.photo_analysis()?;
        if let Some(finding) = self.finding() {
            return Some(UnderReview {
                key: finding.key.clone(),
                name: finding_name(analysis, finding),
            });
        }
        self.conflict().map(|conflict| UnderReview {
            key: conflict.key.clone(),
            name: conflict_name(conflict),
        })
    }
}

/// The finding (or conflict) a verdict is recorded on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnderReview {
    /// The review key: `Finding::key` (a conflict's key for a conflict).
    pub key: String,
    /// As the findings table names it.
    pub name: String,
}

/// "Lim Jong-hoon: medal".
pub fn conflict_name(conflict: &Conflict) -> String {
    format!("{}: {}", conflict.subject_name, conflict.attribute.name())
}

/// A finding's short name: a conflict's subject and attribute, else the
/// fact and the words called wrong ("name: Bold").
pub fn finding_name(analysis: &PhotoAnalysis, finding: &Finding) -> String {
    if let Some(conflict) = finding.conflict.and_then(|i| analysis.conflicts.get(i)) {
        return conflict_name(conflict);
    }
    if finding.kind == FindingKind::Swap {
        return format!("{} swap: {}", finding.fact.name(), swapped_words(finding));
    }
    let words = finding.flagged().next().map_or("", |m| m.quote.as_str());
    format!("{}: {words}", finding.fact.name())
}

/// The words the swapping variant writes, each once ("bronze medallists,
/// silver medallist"): a swap's first marks are its variant's odd ones.
fn swapped_words(finding: &Finding) -> String {
    let Some(first) = finding.marks.first() else {
        return String::new();
    };
    let mut words: Vec<&str> = Vec::new();
    for mark in finding
        .marks
        .iter()
        .filter(|m| m.odd && m.variant == first.variant)
    {
        if !words.contains(&mark.quote.as_str()) {
            words.push(&mark.quote);
        }
    }
    words.join(", ")
}

/// Which two variants show a swap, and where to scroll: the swapping
/// variant (its marks come first, in the order it writes them) against one
/// holding the value the reference or the majority gives, as for its first
/// per-person conflict; scrolled to the first word it swaps.
pub fn swap_pair(
    analysis: &PhotoAnalysis,
    finding: &Finding,
) -> Option<(usize, usize, Option<Location>)> {
    let first = finding.marks.first()?;
    let conflict = finding
        .details
        .iter()
        .find_map(|d| d.conflict.and_then(|i| analysis.conflicts.get(i)))?;
    let (left, right, location) = conflict_pair(analysis, conflict, first.variant)?;
    Some((left, right, first.location.or(location)))
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
    /// Index into the photo's findings (a conflict finding sets `conflict` too).
    pub finding: Option<usize>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            photo: 0,
            left: 0,
            right: 1,
            section: Section::Caption,
            conflict: None,
            finding: None,
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

/// Which two variants show a finding that is not a conflict, and where to
/// scroll: the left side holds a flagged mark (`current` if it does), the
/// right side is the first other variant holding a mark that is not odd (the
/// right spelling), in the left mark's section when one does, so both marks
/// are on screen. The location is the left side's flagged span.
pub fn finding_pair(finding: &Finding, current: usize) -> Option<(usize, usize, Option<Location>)> {
    let odd = finding
        .flagged()
        .find(|m| m.variant == current)
        .or_else(|| finding.flagged().next())?;
    let section = |m: &Mark| m.location.map(|l| l.section);
    let others = || finding.marks.iter().filter(|m| m.variant != odd.variant);
    let right = others()
        .find(|m| !m.odd && section(m) == section(odd))
        .or_else(|| others().find(|m| !m.odd))
        .or_else(|| others().next())
        .map_or(odd.variant, |m| m.variant);
    Some((odd.variant, right, odd.location))
}

/// The conflict to open a photo on: of the conflicts that are findings, the
/// most severe one in which a variant's *caption* (what travels with the
/// photo) holds the odd value, with that variant; else the most severe of
/// them and its first odd one out.
pub fn opening_conflict(analysis: &PhotoAnalysis) -> Option<(usize, usize)> {
    let candidates = || {
        analysis
            .conflicts
            .iter()
            .enumerate()
            .filter(|(_, c)| conflict_is_finding(c))
    };
    let in_caption = candidates().find_map(|(index, conflict)| {
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
        let (index, conflict) = candidates().next()?;
        Some((index, conflict.odd_ones_out.first().copied().unwrap_or(0)))
    })
}

/// Variants that hold the odd side of at least one finding.
pub fn variants_in_conflict(analysis: &PhotoAnalysis) -> Vec<usize> {
    let mut variants: Vec<usize> = analysis
        .findings
        .iter()
        .flat_map(|f| f.marks.iter().filter(|m| m.odd).map(|m| m.variant))
        .collect();
    variants.sort_unstable();
    variants.dedup();
    variants
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{ConflictSeverity, Fact, FindingKind, Span};

    fn mark(variant: usize, section: Section, odd: bool) -> Mark {
        Mark {
            variant,
            location: Some(Location {
                variant,
                section,
                span: Span::new(0, 4),
            }),
            quote: if odd { "Bold" } else { "Bolt" }.to_owned(),
            odd,
        }
    }

    fn misspelling(marks: Vec<Mark>) -> Finding {
        Finding {
            details: Vec::new(),
            kind: FindingKind::MisspeltName,
            fact: Fact::Name,
            severity: ConflictSeverity::Medium,
            key: "spelling/bold".to_owned(),
            summary: String::new(),
            marks,
            conflict: None,
        }
    }

    #[test]
    fn a_finding_shows_the_odd_words_against_the_right_ones_in_the_same_section() {
        let finding = misspelling(vec![
            mark(2, Section::Article, true),
            mark(0, Section::Caption, false),
            mark(1, Section::Article, false),
        ]);
        let odd = finding.marks.first().and_then(|m| m.location);
        assert_eq!(finding_pair(&finding, 0), Some((2, 1, odd)));
        // Without a right spelling in that section, the first one anywhere.
        let finding = misspelling(vec![
            mark(2, Section::Article, true),
            mark(0, Section::Caption, false),
        ]);
        assert_eq!(finding_pair(&finding, 1).map(|p| (p.0, p.1)), Some((2, 0)));
        assert_eq!(
            finding_name(&PhotoAnalysis::default(), &finding),
            "name: Bold"
        );
    }
}
