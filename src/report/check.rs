//! The `check` view: one line per conflict for scripts, then one per other
//! finding (a misspelt name, ...), or a small JSON document with the same
//! facts. Built straight from the analysis (no
//! report, no diffs), so checking a large archive costs what analysing it
//! costs. A conflict a reviewer marked "not an error" is still listed, with
//! its verdict, but does not fail the check, unless the folder shows a value
//! the verdict did not judge (`review_staleness`): then it is marked *needs
//! review* and fails the check again. Conflicts that are not findings
//! (credits that differ between outlets: `analysis::conflict_is_finding`)
//! are left to the report; the per-person conflicts a swap accounts for
//! are listed as that one swap (a finding), as the window lists them.

use serde::{Deserialize, Serialize};

use super::{Report, SCHEMA_VERSION, severity_shout};
use crate::analysis::{Analysis, Attribute, ConflictSeverity, PhotoAnalysis, conflict_is_finding};
use crate::corpus::Corpus;
use crate::review::{Review, Verdict};
use crate::review_staleness::{VerdictState, settled};

/// What `check --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub schema_version: u32,
    pub folder: String,
    pub photos: usize,
    pub problems: usize,
    pub conflicts: Vec<CheckConflict>,
    /// The findings that are not conflicts (misspelt names, ...).
    #[serde(default)]
    pub findings: Vec<CheckFinding>,
}

/// One finding that is not a conflict, flat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckFinding {
    pub photo: String,
    pub key: String,
    /// "misspelt name", ...
    pub kind: String,
    pub severity: ConflictSeverity,
    pub summary: String,
    pub verdict: Option<Verdict>,
    /// The verdict was given before the folder showed a value it did not
    /// judge: it no longer settles the finding.
    #[serde(default)]
    pub needs_review: bool,
}

/// One conflict, flat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckConflict {
    /// The photo's label: its folder relative to the opened one.
    pub photo: String,
    pub key: String,
    pub severity: ConflictSeverity,
    pub subject: String,
    pub attribute: Attribute,
    pub summary: String,
    pub verdict: Option<Verdict>,
    /// As [`CheckFinding::needs_review`].
    #[serde(default)]
    pub needs_review: bool,
}

impl CheckResult {
    /// The conflicts of a report, in report order.
    pub fn from_report(report: &Report) -> CheckResult {
        let conflicts = report
            .photos
            .iter()
            .flat_map(|photo| {
                let label = photo_label(&photo.id, &report.folder);
                photo
                    .findings
                    .iter()
                    .filter_map(|f| f.conflict.and_then(|i| photo.conflicts.get(i)))
                    .map(move |c| CheckConflict {
                        photo: label.clone(),
                        key: c.key.clone(),
                        severity: c.severity,
                        subject: c.subject_name.clone(),
                        attribute: c.attribute,
                        summary: c.summary.clone(),
                        verdict: c.verdict.clone(),
                        needs_review: c.needs_review,
                    })
            })
            .collect();
        CheckResult {
            schema_version: SCHEMA_VERSION,
            folder: report.folder.clone(),
            photos: report.photos.len(),
            problems: report.problems.len(),
            conflicts,
            findings: report
                .photos
                .iter()
                .flat_map(|photo| {
                    let label = photo_label(&photo.id, &report.folder);
                    photo
                        .findings
                        .iter()
                        .filter(|f| f.conflict.is_none())
                        .map(move |f| CheckFinding {
                            photo: label.clone(),
                            key: f.key.clone(),
                            kind: f.kind.name().to_string(),
                            severity: f.severity,
                            summary: f.summary.clone(),
                            verdict: f.verdict.clone(),
                            needs_review: f.needs_review,
                        })
                })
                .collect(),
        }
    }

    /// The same result from the analysis itself, in the same order as a
    /// report would give it.
    pub fn from_analysis(corpus: &Corpus, analysis: &Analysis, review: &Review) -> CheckResult {
        let folder = corpus.root.display().to_string();
        let empty = PhotoAnalysis::default();
        let conflicts = corpus
            .photos
            .iter()
            .enumerate()
            .flat_map(|(i, photo)| {
                let label = photo_label(&photo.id, &folder);
                let photo_analysis = analysis.photos.get(i).unwrap_or(&empty);
                // A conflict a swap accounts for is listed as the swap.
                let in_swap = |index: usize| {
                    photo_analysis
                        .findings
                        .iter()
                        .any(|f| f.details.iter().any(|d| d.conflict == Some(index)))
                };
                photo_analysis
                    .conflicts
                    .iter()
                    .enumerate()
                    .filter(move |(index, c)| conflict_is_finding(c) && !in_swap(*index))
                    .map(move |(_, c)| {
                        let state = VerdictState::of_conflict(review, photo, c);
                        CheckConflict {
                            photo: label.clone(),
                            key: c.key.clone(),
                            severity: c.severity,
                            subject: c.subject_name.clone(),
                            attribute: c.attribute,
                            summary: c.summary.clone(),
                            verdict: state.verdict().cloned(),
                            needs_review: state.needs_review(),
                        }
                    })
            })
            .collect::<Vec<_>>();
        let findings = corpus
            .photos
            .iter()
            .enumerate()
            .flat_map(|(i, photo)| {
                let label = photo_label(&photo.id, &folder);
                let photo_analysis = analysis.photos.get(i).unwrap_or(&empty);
                photo_analysis
                    .findings
                    .iter()
                    .filter(|f| f.conflict.is_none())
                    .map(move |f| {
                        let state = VerdictState::of_finding(review, photo, photo_analysis, f);
                        CheckFinding {
                            photo: label.clone(),
                            key: f.key.clone(),
                            kind: f.kind.name().to_string(),
                            severity: f.severity,
                            summary: f.summary.clone(),
                            verdict: state.verdict().cloned(),
                            needs_review: state.needs_review(),
                        }
                    })
            })
            .collect::<Vec<_>>();
        CheckResult {
            schema_version: SCHEMA_VERSION,
            problems: corpus
                .problems
                .iter()
                .filter(|p| p.severity != crate::corpus::ProblemSeverity::Note)
                .count()
                + analysis.vocabulary_warnings.len(),
            photos: corpus.photos.len(),
            folder,
            conflicts,
            findings,
        }
    }

    /// Conflicts and other findings not settled by a reviewer (marked "not
    /// an error", with no value shown since that the verdict did not
    /// judge): what fails a check.
    pub fn open_conflicts(&self) -> usize {
        self.conflicts
            .iter()
            .filter(|c| !settled(c.verdict.as_ref(), c.needs_review))
            .count()
            + self
                .findings
                .iter()
                .filter(|f| !settled(f.verdict.as_ref(), f.needs_review))
                .count()
    }

    /// How many listed verdicts need review (the values changed since).
    pub fn needing_review(&self) -> usize {
        self.conflicts.iter().filter(|c| c.needs_review).count()
            + self.findings.iter().filter(|f| f.needs_review).count()
    }

    /// One line per conflict, each ending in a newline:
    /// `photo: HIGH subject/attribute: summary`, then ` [verdict]` when a
    /// reviewer gave one (` [not an error, needs review]` when the values
    /// changed since).
    pub fn lines(&self) -> String {
        self.conflicts
            .iter()
            .map(|c| {
                let verdict = verdict_mark(c.verdict.as_ref(), c.needs_review);
                format!(
                    "{}: {} {}/{}: {}{verdict}\n",
                    one_line(&c.photo),
                    severity_shout(c.severity),
                    one_line(&c.subject),
                    c.attribute.name(),
                    one_line(&c.summary)
                )
            })
            .chain(self.findings.iter().map(|f| {
                let verdict = verdict_mark(f.verdict.as_ref(), f.needs_review);
                format!(
                    "{}: {} {}: {}{verdict}\n",
                    one_line(&f.photo),
                    severity_shout(f.severity),
                    f.kind,
                    one_line(&f.summary)
                )
            }))
            .collect()
    }
}

/// ` [confirmed error]`, ` [not an error, needs review]`, or nothing.
fn verdict_mark(verdict: Option<&Verdict>, needs_review: bool) -> String {
    match verdict {
        Some(v) if needs_review => format!(" [{}, needs review]", v.status.label()),
        Some(v) => format!(" [{}]", v.status.label()),
        None => String::new(),
    }
}

/// A photo's id, or the opened folder's name when the folder is the photo.
fn photo_label(id: &str, folder: &str) -> String {
    if id == "." || id.is_empty() {
        let name = std::path::Path::new(folder)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        name.unwrap_or_else(|| folder.to_owned())
    } else {
        id.to_owned()
    }
}

/// Keeps text from the folder on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_names_a_root_photo() {
        assert_eq!(photo_label(".", "/data/captions/paris"), "paris");
        assert_eq!(photo_label("paris", "/data/captions"), "paris");
    }

    #[test]
    fn lines_stay_on_one_line() {
        assert_eq!(
            one_line("Sportstar:\nsilver;  four\tothers"),
            "Sportstar: silver; four others"
        );
    }
}
