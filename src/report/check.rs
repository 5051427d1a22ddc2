//! The `check` view: one line per conflict for scripts, then one per other
//! finding (a misspelt name, ...), or a small JSON document with the same
//! facts. Built straight from the analysis (no
//! report, no diffs), so checking a large archive costs what analysing it
//! costs. A conflict a reviewer marked "not an error" is still listed, with
//! its verdict, but does not fail the check. Conflicts that are not findings
//! (credits that differ between outlets: `analysis::conflict_is_finding`)
//! are left to the report.

use serde::{Deserialize, Serialize};

use super::{Report, SCHEMA_VERSION, severity_shout};
use crate::analysis::{Analysis, Attribute, ConflictSeverity, PhotoAnalysis, conflict_is_finding};
use crate::corpus::Corpus;
use crate::review::{Review, Verdict, VerdictStatus};

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
                photo_analysis
                    .conflicts
                    .iter()
                    .filter(|c| conflict_is_finding(c))
                    .map(move |c| CheckConflict {
                        photo: label.clone(),
                        key: c.key.clone(),
                        severity: c.severity,
                        subject: c.subject_name.clone(),
                        attribute: c.attribute,
                        summary: c.summary.clone(),
                        verdict: review.get(&photo.id, &c.key).cloned(),
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
                    .map(move |f| CheckFinding {
                        photo: label.clone(),
                        key: f.key.clone(),
                        kind: f.kind.name().to_string(),
                        severity: f.severity,
                        summary: f.summary.clone(),
                        verdict: review.get(&photo.id, &f.key).cloned(),
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

    /// Conflicts and other findings not marked "not an error" by a
    /// reviewer: what fails a check.
    pub fn open_conflicts(&self) -> usize {
        let open = |verdict: &Option<Verdict>| {
            verdict
                .as_ref()
                .is_none_or(|v| v.status != VerdictStatus::NotAnError)
        };
        self.conflicts.iter().filter(|c| open(&c.verdict)).count()
            + self.findings.iter().filter(|f| open(&f.verdict)).count()
    }

    /// One line per conflict, each ending in a newline:
    /// `photo: HIGH subject/attribute: summary`, then ` [verdict]` when a
    /// reviewer gave one.
    pub fn lines(&self) -> String {
        self.conflicts
            .iter()
            .map(|c| {
                let verdict = c
                    .verdict
                    .as_ref()
                    .map(|v| format!(" [{}]", v.status.label()))
                    .unwrap_or_default();
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
                let verdict = f
                    .verdict
                    .as_ref()
                    .map(|v| format!(" [{}]", v.status.label()))
                    .unwrap_or_default();
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
