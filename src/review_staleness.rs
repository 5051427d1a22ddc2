//! Whether a reviewer's verdict still holds for the finding as the folder
//! shows it now.
//!
//! A verdict records the values it judged ([`Verdict::values`]): the
//! finding's "source: value" lines when it was given (`Sportstar: silver`,
//! `The Sun: bronze`, `reference: bronze`). When the folder later shows a
//! line the verdict did not judge (a new outlet with another value, an outlet
//! that changed its caption), the verdict no longer settles the finding: it
//! *needs review* again, in the window, the reports and `check`. A line that
//! went away does not reopen it (the reviewer judged more than is left). A
//! verdict from before values were kept (`values` absent) holds.

use std::collections::BTreeSet;

use crate::analysis::{Conflict, Finding, PhotoAnalysis};
use crate::corpus::Photo;
use crate::review::{Review, Verdict, VerdictStatus};

/// The source of a value the reference facts give.
pub const REFERENCE_SOURCE: &str = "reference";

/// A conflict's values as "source: value" lines, sorted, each once: one
/// line per variant holding a value, and one for the reference's.
pub fn conflict_values(photo: &Photo, conflict: &Conflict) -> Vec<String> {
    let mut lines = BTreeSet::new();
    for value in &conflict.values {
        for &variant in &value.variants {
            lines.insert(format!("{}: {}", label(photo, variant), value.value));
        }
        if value.in_reference {
            lines.insert(format!("{REFERENCE_SOURCE}: {}", value.value));
        }
    }
    lines.into_iter().collect()
}

/// A finding's values as "source: value" lines, sorted, each once: a
/// conflict's values ([`conflict_values`]); for another kind, the words
/// each mark shows (`stern.de: Bold`, `CNN: Bolt`).
pub fn finding_values(photo: &Photo, analysis: &PhotoAnalysis, finding: &Finding) -> Vec<String> {
    if let Some(conflict) = finding.conflict.and_then(|i| analysis.conflicts.get(i)) {
        return conflict_values(photo, conflict);
    }
    let lines: BTreeSet<String> = finding
        .marks
        .iter()
        .map(|mark| format!("{}: {}", label(photo, mark.variant), mark.quote))
        .collect();
    lines.into_iter().collect()
}

/// The values of the finding (or, where no finding has the key, the
/// conflict) under `key`; `None` when the photo's analysis knows no such key.
pub fn values_of_key(photo: &Photo, analysis: &PhotoAnalysis, key: &str) -> Option<Vec<String>> {
    if let Some(finding) = analysis.findings.iter().find(|f| f.key == key) {
        return Some(finding_values(photo, analysis, finding));
    }
    let conflict = analysis.conflicts.iter().find(|c| c.key == key)?;
    Some(conflict_values(photo, conflict))
}

/// The lines of `current` the verdict did not judge, in `current`'s order:
/// empty when the verdict still holds. A verdict without recorded values
/// (given before they were kept) holds.
pub fn staleness(verdict: &Verdict, current: &[String]) -> Vec<String> {
    let Some(judged) = &verdict.values else {
        return Vec::new();
    };
    let judged: BTreeSet<&str> = judged.iter().map(String::as_str).collect();
    current
        .iter()
        .filter(|line| !judged.contains(line.as_str()))
        .cloned()
        .collect()
}

/// Where a finding stands with its reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerdictState<'a> {
    /// No verdict was given.
    Unreviewed,
    /// A verdict that judged every value the folder shows now.
    Holds(&'a Verdict),
    /// A verdict given before the folder showed `unjudged`: it is shown, but
    /// settles nothing until the reviewer looks again.
    NeedsReview {
        verdict: &'a Verdict,
        unjudged: Vec<String>,
    },
}

impl<'a> VerdictState<'a> {
    /// The state of `verdict` against the finding's values now (`current`
    /// is asked for only when there is a verdict that recorded values).
    pub fn judge(verdict: Option<&'a Verdict>, current: impl FnOnce() -> Vec<String>) -> Self {
        let Some(verdict) = verdict else {
            return VerdictState::Unreviewed;
        };
        if verdict.values.is_none() {
            return VerdictState::Holds(verdict);
        }
        let unjudged = staleness(verdict, &current());
        if unjudged.is_empty() {
            VerdictState::Holds(verdict)
        } else {
            VerdictState::NeedsReview { verdict, unjudged }
        }
    }

    /// The state of the verdict on `key` (a finding's, or a conflict's) in
    /// the photo as analysed now.
    pub fn of(review: &'a Review, photo: &Photo, analysis: &PhotoAnalysis, key: &str) -> Self {
        if let Some(finding) = analysis.findings.iter().find(|f| f.key == key)
            && !finding.details.is_empty()
        {
            return VerdictState::of_finding(review, photo, analysis, finding);
        }
        VerdictState::judge(review.get(&photo.id, key), || {
            values_of_key(photo, analysis, key).unwrap_or_default()
        })
    }

    /// The state of the verdict on one finding.
    pub fn of_finding(
        review: &'a Review,
        photo: &Photo,
        analysis: &PhotoAnalysis,
        finding: &Finding,
    ) -> Self {
        if review.get(&photo.id, &finding.key).is_none()
            && let Some(state) = VerdictState::of_details(review, photo, analysis, finding)
        {
            return state;
        }
        VerdictState::judge(review.get(&photo.id, &finding.key), || {
            finding_values(photo, analysis, finding)
        })
    }

    /// A finding that stands for others (a swap's per-person conflicts) and
    /// has no verdict of its own takes theirs when the reviewer gave every
    /// one of them the same verdict (a review from before the swap was one
    /// finding): it holds when each holds, and needs review when any does,
    /// with all their unjudged values. `None` when a detail is unjudged or
    /// the verdicts differ.
    fn of_details(
        review: &'a Review,
        photo: &Photo,
        analysis: &PhotoAnalysis,
        finding: &Finding,
    ) -> Option<Self> {
        let mut states = Vec::with_capacity(finding.details.len());
        for detail in &finding.details {
            let state = match detail.conflict.and_then(|i| analysis.conflicts.get(i)) {
                Some(conflict) => VerdictState::of_conflict(review, photo, conflict),
                None => VerdictState::of(review, photo, analysis, &detail.key),
            };
            states.push(state);
        }
        let first = states.first()?.verdict()?;
        if !states
            .iter()
            .all(|s| s.verdict().is_some_and(|v| v.status == first.status))
        {
            return None;
        }
        let unjudged: Vec<String> = states.iter().flat_map(|s| s.unjudged().to_vec()).collect();
        Some(if unjudged.is_empty() {
            VerdictState::Holds(first)
        } else {
            VerdictState::NeedsReview {
                verdict: first,
                unjudged,
            }
        })
    }

    /// The state of the verdict on one conflict.
    pub fn of_conflict(review: &'a Review, photo: &Photo, conflict: &Conflict) -> Self {
        VerdictState::judge(review.get(&photo.id, &conflict.key), || {
            conflict_values(photo, conflict)
        })
    }

    /// The verdict, whether it holds or not.
    pub fn verdict(&self) -> Option<&'a Verdict> {
        match self {
            VerdictState::Unreviewed => None,
            VerdictState::Holds(verdict) | VerdictState::NeedsReview { verdict, .. } => {
                Some(verdict)
            }
        }
    }

    /// True when the values changed since the verdict was given.
    pub fn needs_review(&self) -> bool {
        matches!(self, VerdictState::NeedsReview { .. })
    }

    /// The values the verdict did not judge (empty unless it needs review).
    pub fn unjudged(&self) -> &[String] {
        match self {
            VerdictState::NeedsReview { unjudged, .. } => unjudged,
            _ => &[],
        }
    }

    /// True when the finding is settled: ([`settled`]).
    pub fn settled(&self) -> bool {
        settled(self.verdict(), self.needs_review())
    }
}

/// How many of a photo's findings carry a verdict that needs review.
pub fn needing_review(review: &Review, photo: &Photo, analysis: &PhotoAnalysis) -> usize {
    if !review.verdicts.contains_key(&photo.id) {
        return 0;
    }
    analysis
        .findings
        .iter()
        .filter(|f| VerdictState::of_finding(review, photo, analysis, f).needs_review())
        .count()
}

/// True when a finding no longer counts against the folder: a reviewer
/// marked it "not an error" and its values have not changed since.
pub fn settled(verdict: Option<&Verdict>, needs_review: bool) -> bool {
    !needs_review && verdict.is_some_and(|v| v.status == VerdictStatus::NotAnError)
}

/// The values a verdict did not judge, for a sentence: “The Sun: gold”,
/// “The Sun: gold” and “Reuters: gold”; "other values" when none is listed.
pub fn shown_since(new_values: &[String]) -> String {
    let quoted: Vec<String> = new_values.iter().map(|v| format!("“{v}”")).collect();
    match quoted.split_last() {
        None => "other values".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// A variant's label ("variant 3" past the end).
fn label(photo: &Photo, variant: usize) -> String {
    photo
        .variants
        .get(variant)
        .map_or_else(|| format!("variant {variant}"), |v| v.label().to_owned())
}

#[cfg(test)]
#[path = "review_staleness_tests.rs"]
mod tests;
