//! Measuring the findings against what a person says is true: a photo
//! folder's `expected.toml` (see [`expected`]) lists the errors its captions
//! make and the differences that are not errors.
//!
//! Each finding is matched by file, kind and span: it *finds* an expected
//! error when one of the marks it flags (the odd side; every side when it is
//! undecided) overlaps the error's words in that error's file and the
//! finding is about the same kind of fact. A finding that finds nothing but
//! covers a `not_error`'s words in one of its files is *false*; one that
//! covers neither is *unexpected*. Recall is errors found over errors expected.

pub mod expected;
pub mod inject;
mod matching;
mod print;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Fact, Finding, PhotoAnalysis};
use crate::corpus::{Corpus, Photo};
pub use expected::{EXPECTED_FILE_NAME, Expected, ExpectedError, NotError};
use matching::{Printed, covers, file_in_photo, printed, variants_of};

/// Labels larger than this are not read (a label file is a few kilobytes).
const MAX_EXPECTED_BYTES: u64 = 5 * 1024 * 1024;

/// The measurement of a whole folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub folder: PathBuf,
    /// The photos that have labels, in folder order.
    pub photos: Vec<PhotoEvaluation>,
    /// Photos without usable labels, each with why.
    pub skipped: Vec<Skipped>,
    pub total: Totals,
}

/// A photo that was not measured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub photo: String,
    pub reason: String,
}

/// Counts for one photo or for all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Expected errors found by at least one finding.
    pub found: usize,
    pub expected: usize,
    /// Findings that match no label.
    pub unexpected: usize,
    /// Findings that hit a `not_error` (and no error).
    pub false_findings: usize,
    /// Every finding the analysis made.
    pub findings: usize,
}

impl Totals {
    fn add(&mut self, other: Totals) {
        self.found += other.found;
        self.expected += other.expected;
        self.unexpected += other.unexpected;
        self.false_findings += other.false_findings;
        self.findings += other.findings;
    }

    /// Errors found over errors expected (1 when none is expected).
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.found as f64 / self.expected as f64
        }
    }
}

/// The measurement of one photo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoEvaluation {
    pub photo: String,
    pub totals: Totals,
    pub found: Vec<FoundError>,
    pub missed: Vec<ExpectedError>,
    /// Findings that hit a `not_error`, with the words they hit.
    pub false_findings: Vec<JudgedFinding>,
    pub unexpected: Vec<JudgedFinding>,
    /// Labels that could not be placed: a file that is not a variant, words
    /// not printed where the label says.
    pub label_problems: Vec<String>,
}

/// An expected error and the findings that found it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoundError {
    pub error: ExpectedError,
    /// Summaries of the findings that found it.
    pub by: Vec<String>,
}

/// A finding as eval saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JudgedFinding {
    pub kind: String,
    pub fact: Fact,
    pub summary: String,
    /// The flagged words, as "file: words".
    pub flagged: Vec<String>,
    /// For a false finding, the not-error words it hit.
    pub hit: Option<String>,
}

/// Measures every photo of the folder that has an `expected.toml`.
pub fn evaluate(corpus: &Corpus, analysis: &Analysis) -> Evaluation {
    let mut evaluation = Evaluation {
        folder: corpus.root.clone(),
        ..Evaluation::default()
    };
    for (photo, photo_analysis) in corpus.photos.iter().zip(&analysis.photos) {
        let path = corpus.root.join(file_in_photo(photo, EXPECTED_FILE_NAME));
        match read_expected(&path) {
            Ok(Some(expected)) => {
                let measured = evaluate_photo(photo, photo_analysis, &expected);
                evaluation.total.add(measured.totals);
                evaluation.photos.push(measured);
            }
            Ok(None) => evaluation.skipped.push(Skipped {
                photo: photo.id.clone(),
                reason: format!("no {EXPECTED_FILE_NAME}"),
            }),
            Err(reason) => evaluation.skipped.push(Skipped {
                photo: photo.id.clone(),
                reason: format!("{EXPECTED_FILE_NAME} not used: {reason}"),
            }),
        }
    }
    evaluation
}

/// The labels at `path`: `None` when there is no such file. Only a regular
/// file is read, at most `MAX_EXPECTED_BYTES`.
fn read_expected(path: &Path) -> Result<Option<Expected>, String> {
    use crate::regular_file::{ReadError, read_regular};
    let bytes = match read_regular(path, MAX_EXPECTED_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    Expected::parse(&text).map(Some).map_err(|e| e.to_string())
}

/// An error label, placed in the photo's text.
struct PlacedError<'a> {
    label: &'a ExpectedError,
    fact: Option<Fact>,
    printed: Vec<Printed>,
}

/// A not-error label, placed: each word with where it is printed.
struct PlacedNotError<'a> {
    words: Vec<(&'a str, Vec<Printed>)>,
}

/// Measures one photo's findings against its labels.
pub fn evaluate_photo(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    expected: &Expected,
) -> PhotoEvaluation {
    let mut label_problems = Vec::new();
    let errors: Vec<PlacedError> = expected
        .errors
        .iter()
        .map(|label| {
            let variants = variants_of(photo, &file_in_photo(photo, &label.file));
            let mut found = printed(photo, &variants, &label.words);
            for more in &label.also {
                let at = printed(photo, &variants, more);
                if at.is_empty() {
                    label_problems.push(format!(
                        "error in {}: \"{more}\" is not printed there",
                        label.file
                    ));
                }
                found.extend(at);
            }
            if variants.is_empty() {
                label_problems.push(format!("error in {}: no such caption file", label.file));
            } else if found.is_empty() {
                label_problems.push(format!(
                    "error in {}: \"{}\" is not printed there",
                    label.file, label.words
                ));
            }
            PlacedError {
                label,
                fact: Fact::parse(&label.kind),
                printed: found,
            }
        })
        .collect();
    let not_errors: Vec<PlacedNotError> = expected
        .not_errors
        .iter()
        .map(|label| {
            let variants: Vec<usize> = label
                .files
                .iter()
                .flat_map(|f| variants_of(photo, &file_in_photo(photo, f)))
                .collect();
            let words: Vec<(&str, Vec<Printed>)> = label
                .words
                .iter()
                .map(|w| (w.as_str(), printed(photo, &variants, w)))
                .collect();
            for (w, at) in &words {
                if at.is_empty() {
                    label_problems.push(format!(
                        "not_error in {}: \"{w}\" is not printed there",
                        label.files.join(", ")
                    ));
                }
            }
            PlacedNotError { words }
        })
        .collect();
    let mut found_by: Vec<Vec<String>> = vec![Vec::new(); errors.len()];
    let mut false_findings = Vec::new();
    let mut unexpected = Vec::new();
    for finding in &analysis.findings {
        let mut found_any = false;
        for (error, by) in errors.iter().zip(found_by.iter_mut()) {
            if error.fact == Some(finding.fact)
                && finding
                    .flagged()
                    .any(|m| covers(m, &error.printed, &error.label.words))
            {
                by.push(finding.summary.clone());
                found_any = true;
            }
        }
        if found_any {
            continue;
        }
        let hit = not_errors.iter().find_map(|label| {
            label.words.iter().find_map(|(w, at)| {
                finding
                    .flagged()
                    .any(|m| covers(m, at, w))
                    .then(|| (*w).to_string())
            })
        });
        let judged = judge(photo, finding, hit.clone());
        if hit.is_some() {
            false_findings.push(judged);
        } else {
            unexpected.push(judged);
        }
    }
    let mut found = Vec::new();
    let mut missed = Vec::new();
    for (error, by) in errors.iter().zip(found_by) {
        if by.is_empty() {
            missed.push(error.label.clone());
        } else {
            found.push(FoundError {
                error: error.label.clone(),
                by,
            });
        }
    }
    PhotoEvaluation {
        photo: photo.id.clone(),
        totals: Totals {
            found: found.len(),
            expected: expected.errors.len(),
            unexpected: unexpected.len(),
            false_findings: false_findings.len(),
            findings: analysis.findings.len(),
        },
        found,
        missed,
        false_findings,
        unexpected,
        label_problems,
    }
}

fn judge(photo: &Photo, finding: &Finding, hit: Option<String>) -> JudgedFinding {
    let flagged = finding
        .flagged()
        .map(|m| {
            let file = photo.variants.get(m.variant).map_or_else(String::new, |v| {
                v.source
                    .file
                    .file_name()
                    .map_or_else(|| v.id.clone(), |n| n.to_string_lossy().into_owned())
            });
            format!("{file}: {}", m.quote)
        })
        .collect();
    JudgedFinding {
        kind: finding.kind.name().to_string(),
        fact: finding.fact,
        summary: finding.summary.clone(),
        flagged,
        hit,
    }
}

#[cfg(test)]
mod tests;
