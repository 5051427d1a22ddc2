//! Assembling one [`Report`] from the corpus, its analysis, the reviewer's
//! verdicts and the image evidence. Views never compute anything: what they
//! show is decided here, once.

use chrono::{DateTime, SecondsFormat, Utc};

use super::model::*;
use crate::analysis::align::align_variants;
use crate::analysis::diff::{DiffOptions, DiffTag, WordDiff, diff_variants};
use crate::analysis::{Analysis, ClaimOrigin, Conflict, ConflictSeverity, PhotoAnalysis, Reuse};
use crate::corpus::{Corpus, Photo, Problem, ProblemKind, ProblemSeverity, Section, Variant};
use crate::review::Review;
use crate::review_staleness::VerdictState;

/// How to make a report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportOptions {
    /// The variant to diff the others against, by outlet name or file name;
    /// `None`: each photo's first variant.
    pub base: Option<String>,
    /// The time to print; `None` leaves the timestamp out.
    pub generated_at: Option<DateTime<Utc>>,
    pub diff: DiffOptions,
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReportError {
    #[error("no variant's outlet or file is called \"{0}\" (the --base option)")]
    BaseNotFound(String),
}

/// What a report is made from. `images[i]` belongs to `corpus.photos[i]`;
/// a missing entry means the images were not examined.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub corpus: &'a Corpus,
    pub analysis: &'a Analysis,
    pub review: &'a Review,
    pub images: &'a [ImageSection],
}

/// The note shown when image evidence was not gathered.
pub const IMAGES_NOT_EXAMINED: &str = "Images were not examined for this report.";

/// Builds the report. Deterministic: the same input gives the same value.
pub fn build_report(
    input: ReportInput<'_>,
    options: &ReportOptions,
) -> Result<Report, ReportError> {
    let ReportInput {
        corpus,
        analysis,
        review,
        images,
    } = input;
    let empty = PhotoAnalysis::default();
    let mut base_found = false;
    let mut photos = Vec::with_capacity(corpus.photos.len());
    for (i, photo) in corpus.photos.iter().enumerate() {
        let photo_analysis = analysis.photos.get(i).unwrap_or(&empty);
        let (base, base_note) = pick_base(photo, options.base.as_deref());
        if options.base.is_none() || (base.is_some() && base_note.is_none()) {
            base_found = true;
        }
        let image_evidence = images.get(i).cloned().unwrap_or_else(|| ImageSection {
            note: Some(IMAGES_NOT_EXAMINED.to_owned()),
            ..ImageSection::default()
        });
        photos.push(photo_report(
            photo,
            photo_analysis,
            review,
            base,
            base_note,
            options.diff,
            image_evidence,
        ));
    }
    if let Some(wanted) = &options.base
        && !base_found
        && !corpus.photos.is_empty()
    {
        return Err(ReportError::BaseNotFound(wanted.clone()));
    }
    let mut problems: Vec<ProblemEntry> = corpus.problems.iter().map(problem_entry).collect();
    problems.extend(
        analysis
            .vocabulary_warnings
            .iter()
            .map(|w| vocabulary_problem(w)),
    );
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        generated_at: options
            .generated_at
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
        folder: corpus.root.display().to_string(),
        settings: Settings {
            base: options.base.clone(),
            section: Section::Caption,
            diff: options.diff,
        },
        summary: summary(&photos, &problems),
        inputs: corpus.inputs.clone(),
        problems,
        photos,
    })
}

fn summary(photos: &[PhotoReport], problems: &[ProblemEntry]) -> Summary {
    let mut summary = Summary {
        photos: photos.len(),
        ..Summary::default()
    };
    for photo in photos {
        summary.variants += photo.variants.len();
        for conflict in &photo.conflicts {
            match conflict.severity {
                ConflictSeverity::High => summary.conflicts.high += 1,
                ConflictSeverity::Medium => summary.conflicts.medium += 1,
                ConflictSeverity::Low => summary.conflicts.low += 1,
            }
            if conflict.verdict.is_some() {
                summary.reviewed += 1;
            }
        }
        summary.needs_review += photo.findings.iter().filter(|f| f.needs_review).count();
        summary.other_findings += photo
            .findings
            .iter()
            .filter(|f| f.conflict.is_none())
            .count();
    }
    for problem in problems {
        match problem.severity {
            ProblemSeverity::Error => summary.problems.errors += 1,
            ProblemSeverity::Warning => summary.problems.warnings += 1,
            ProblemSeverity::Note => summary.problems.notes += 1,
        }
    }
    summary
}

fn problem_entry(problem: &Problem) -> ProblemEntry {
    ProblemEntry {
        path: problem.path.clone(),
        line: problem.line,
        severity: problem.severity,
        kind: problem.kind,
        reason: problem.reason.clone(),
        advice: problem.advice().to_owned(),
    }
}

/// A skipped vocabulary file ("vocabulary.toml: ignored: ...") as a problem.
fn vocabulary_problem(warning: &str) -> ProblemEntry {
    let (path, reason) = warning.split_once(": ").unwrap_or(("vocabulary", warning));
    ProblemEntry {
        path: path.into(),
        line: None,
        severity: ProblemSeverity::Warning,
        kind: ProblemKind::Other,
        reason: reason.to_owned(),
        advice: ProblemKind::Other.advice().to_owned(),
    }
}

/// The base variant of a photo, and a note when it is not the one asked for.
fn pick_base(photo: &Photo, wanted: Option<&str>) -> (Option<usize>, Option<String>) {
    if photo.variants.is_empty() {
        return (None, None);
    }
    let Some(wanted) = wanted else {
        return (Some(0), None);
    };
    match photo.variants.iter().position(|v| names_variant(v, wanted)) {
        Some(i) => (Some(i), None),
        None => (
            Some(0),
            Some(format!(
                "No variant of this photo is called \"{wanted}\"; diffed against the first variant."
            )),
        ),
    }
}

fn names_variant(variant: &Variant, wanted: &str) -> bool {
    let wanted_lower = wanted.to_lowercase();
    variant.source.outlet.to_lowercase() == wanted_lower
        || variant.id == wanted
        || variant.source.file.as_os_str() == wanted
        || variant
            .source
            .file
            .file_name()
            .is_some_and(|name| name == wanted)
}

fn photo_report(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    review: &Review,
    base: Option<usize>,
    base_note: Option<String>,
    diff_options: DiffOptions,
    image_evidence: ImageSection,
) -> PhotoReport {
    let label = |i: usize| {
        photo
            .variants
            .get(i)
            .map_or_else(|| format!("variant {i}"), |v| v.label().to_owned())
    };
    let conflicts = analysis
        .conflicts
        .iter()
        .map(|c| conflict_report(photo, analysis, review, c, &label))
        .collect();
    let findings = analysis
        .findings
        .iter()
        .map(|f| (f, VerdictState::of_finding(review, photo, analysis, f)))
        .map(|(f, state)| FindingReport {
            key: f.key.clone(),
            kind: f.kind,
            fact: f.fact,
            severity: f.severity,
            summary: f.summary.clone(),
            marks: f
                .marks
                .iter()
                .map(|m| MarkReport {
                    holder: label(m.variant),
                    text: m.quote.clone(),
                    location: m.location,
                    odd: m.odd,
                })
                .collect(),
            conflict: f.conflict,
            verdict: state.verdict().cloned(),
            needs_review: state.needs_review(),
            new_values: state.unjudged().to_vec(),
            details: f.details.clone(),
        })
        .collect();
    let diffs = match base {
        Some(base) => (0..photo.variants.len())
            .filter(|&i| i != base)
            .map(|i| {
                let diff = diff_variants(photo, analysis, base, i, Section::Caption, diff_options);
                variant_diff(photo, base, i, &diff)
            })
            .collect(),
        None => Vec::new(),
    };
    PhotoReport {
        id: photo.id.clone(),
        title: photo.title.clone(),
        images: photo.images.clone(),
        reference: photo.reference.clone(),
        variants: photo
            .variants
            .iter()
            .enumerate()
            .map(|(index, v)| VariantReport {
                index,
                id: v.id.clone(),
                label: v.label().to_owned(),
                source: v.source.clone(),
                caption: v.caption.normalized.clone(),
                headline: v.headline.as_ref().map(|t| t.normalized.clone()),
                article: v.article.as_ref().map(|t| t.normalized.clone()),
            })
            .collect(),
        people: analysis.people.clone(),
        name_forms: super::people::people_names(photo, analysis),
        claims: analysis.claims.clone(),
        conflicts,
        findings,
        base,
        base_note,
        diffs,
        alignment: alignment_table(photo, analysis, diff_options, &label),
        reuse: reuse_report(&analysis.reuse, &label),
        image_evidence,
    }
}

fn conflict_report(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    review: &Review,
    conflict: &Conflict,
    label: &dyn Fn(usize) -> String,
) -> ConflictReport {
    let state = VerdictState::of_conflict(review, photo, conflict);
    let values = conflict
        .values
        .iter()
        .map(|value| ConflictValueReport {
            value: value.value.clone(),
            in_reference: value.in_reference,
            holders: value.variants.iter().map(|&i| label(i)).collect(),
            quotes: value
                .claims
                .iter()
                .filter_map(|&c| {
                    let claim = analysis.claims.get(c)?;
                    let (holder, location) = match claim.origin {
                        ClaimOrigin::Variant(location) => (
                            format!("{} ({})", label(location.variant), location.section.name()),
                            Some(location),
                        ),
                        ClaimOrigin::SourceField { variant } => {
                            (format!("{} (source fields)", label(variant)), None)
                        }
                        ClaimOrigin::Reference => ("reference facts".to_owned(), None),
                    };
                    Some(Quote {
                        claim: c,
                        holder,
                        text: claim.quote.clone(),
                        location,
                    })
                })
                .collect(),
        })
        .collect();
    ConflictReport {
        key: conflict.key.clone(),
        subject: conflict.subject.clone(),
        subject_name: conflict.subject_name.clone(),
        attribute: conflict.attribute,
        severity: conflict.severity,
        scopes: conflict.scopes.clone(),
        summary: conflict.summary.clone(),
        majority: conflict.majority.clone(),
        reference: conflict.reference.clone(),
        odd_ones_out: conflict.odd_ones_out.iter().map(|&i| label(i)).collect(),
        values,
        verdict: state.verdict().cloned(),
        needs_review: state.needs_review(),
        new_values: state.unjudged().to_vec(),
    }
}

fn section_text(photo: &Photo, variant: usize, section: Section) -> &str {
    photo
        .variants
        .get(variant)
        .and_then(|v| v.section(section))
        .map_or("", |t| t.as_str())
}

/// Turns a word diff into text runs; see [`VariantDiff::segments`].
fn variant_diff(photo: &Photo, base: usize, variant: usize, diff: &WordDiff) -> VariantDiff {
    let old = section_text(photo, base, Section::Caption);
    let new = section_text(photo, variant, Section::Caption);
    let mut segments = DiffSegments::default();
    if diff.pieces.is_empty() {
        if old == new {
            segments.push(DiffTag::Equal, new);
        } else {
            segments.push(DiffTag::Delete, old);
            segments.push(DiffTag::Insert, new);
        }
    } else {
        let mut at = 0;
        for piece in &diff.pieces {
            match (piece.tag, piece.new) {
                (DiffTag::Delete, _) | (_, None) => {
                    if let Some(span) = piece.old {
                        segments.push(DiffTag::Delete, span.slice(old));
                    }
                }
                (tag, Some(span)) => {
                    if let Some(gap) = new.get(at..span.start) {
                        segments.push(DiffTag::Equal, gap);
                    }
                    segments.push(tag, span.slice(new));
                    at = at.max(span.end);
                }
            }
        }
        if let Some(rest) = new.get(at..) {
            segments.push(DiffTag::Equal, rest);
        }
    }
    let segments = segments.0;
    VariantDiff {
        variant,
        base,
        section: Section::Caption,
        identical: segments.iter().all(|s| s.tag == DiffTag::Equal),
        segments,
    }
}

/// Diff segments being collected: neighbours of the same tag merge, and a
/// deleted run is padded with spaces so it never sticks to the next word.
#[derive(Default)]
struct DiffSegments(Vec<DiffSegment>);

impl DiffSegments {
    fn push(&mut self, tag: DiffTag, text: &str) {
        let text = if tag == DiffTag::Delete {
            text.trim()
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        let mut text = text.to_owned();
        if let Some(last) = self.0.last_mut() {
            let last_ends_blank = last.text.ends_with(char::is_whitespace);
            let starts_blank = text.starts_with(char::is_whitespace);
            if last.tag == tag {
                if tag == DiffTag::Delete {
                    last.text.push(' ');
                }
                last.text.push_str(&text);
                return;
            }
            if !last_ends_blank && !starts_blank {
                if tag == DiffTag::Delete {
                    text.insert(0, ' ');
                } else if last.tag == DiffTag::Delete {
                    last.text.push(' ');
                }
            }
        }
        self.0.push(DiffSegment { tag, text });
    }
}

fn alignment_table(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    options: DiffOptions,
    label: &dyn Fn(usize) -> String,
) -> AlignmentTable {
    let alignment = align_variants(photo, analysis, Section::Caption, options);
    if alignment.variants.is_empty() {
        return AlignmentTable::default();
    }
    let columns = alignment
        .columns
        .iter()
        .map(|column| AlignmentColumn {
            cells: column
                .cells
                .iter()
                .zip(&alignment.variants)
                .map(|(cell, &variant)| {
                    cell.map(|span| {
                        span.slice(section_text(photo, variant, Section::Caption))
                            .to_owned()
                    })
                })
                .collect(),
            agreed: column.agreed,
        })
        .collect();
    AlignmentTable {
        section: Some(Section::Caption),
        variants: alignment.variants.clone(),
        labels: alignment.variants.iter().map(|&i| label(i)).collect(),
        columns,
    }
}

/// Rounds a share to three decimals, so it reads well and parses back exactly.
fn share(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn reuse_report(reuse: &Reuse, label: &dyn Fn(usize) -> String) -> ReuseReport {
    ReuseReport {
        pairs: reuse
            .pairs
            .iter()
            .map(|p| ReusePairReport {
                a: p.a,
                b: p.b,
                a_label: label(p.a),
                b_label: label(p.b),
                containment_a_in_b: share(p.containment_a_in_b),
                containment_b_in_a: share(p.containment_b_in_a),
                shared_runs: p.shared_runs.clone(),
            })
            .collect(),
        derivations: reuse
            .derivations
            .iter()
            .map(|d| DerivationReport {
                from: d.from,
                to: d.to,
                from_label: label(d.from),
                to_label: label(d.to),
                evidence: d.evidence.clone(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;
    use crate::analysis::diff::DiffPiece;
    use crate::corpus::Text;

    fn photo(captions: &[&str]) -> Photo {
        Photo {
            variants: captions
                .iter()
                .map(|c| Variant {
                    caption: Text::new(*c),
                    ..Variant::default()
                })
                .collect(),
            ..Photo::default()
        }
    }

    fn piece(tag: DiffTag, old: Option<(usize, usize)>, new: Option<(usize, usize)>) -> DiffPiece {
        DiffPiece {
            tag,
            old: old.map(|(s, e)| Span::new(s, e)),
            new: new.map(|(s, e)| Span::new(s, e)),
        }
    }

    fn segments(diff: &VariantDiff) -> Vec<(DiffTag, &str)> {
        diff.segments
            .iter()
            .map(|s| (s.tag, s.text.as_str()))
            .collect()
    }

    #[test]
    fn a_replaced_word_reads_with_spaces_around_it() {
        let photo = photo(&["Lim, silver medallist", "Lim, bronze medallist"]);
        let diff = WordDiff {
            pieces: vec![
                piece(DiffTag::Equal, Some((0, 4)), Some((0, 4))),
                piece(DiffTag::Delete, Some((5, 11)), None),
                piece(DiffTag::Insert, None, Some((5, 11))),
                piece(DiffTag::Equal, Some((12, 21)), Some((12, 21))),
            ],
        };
        let diff = variant_diff(&photo, 0, 1, &diff);
        assert_eq!(
            segments(&diff),
            vec![
                (DiffTag::Equal, "Lim,"),
                (DiffTag::Delete, " silver"),
                (DiffTag::Equal, " "),
                (DiffTag::Insert, "bronze"),
                (DiffTag::Equal, " medallist"),
            ]
        );
        assert!(!diff.identical);
    }

    #[test]
    fn without_pieces_equal_texts_are_identical_and_others_replaced() {
        let same = photo(&["A caption.", "A caption."]);
        let diff = variant_diff(&same, 0, 1, &WordDiff::default());
        assert_eq!(segments(&diff), vec![(DiffTag::Equal, "A caption.")]);
        assert!(diff.identical);

        let other = photo(&["Old text", "New text"]);
        let diff = variant_diff(&other, 0, 1, &WordDiff::default());
        assert_eq!(
            segments(&diff),
            vec![
                (DiffTag::Delete, "Old text "),
                (DiffTag::Insert, "New text")
            ]
        );
    }

    #[test]
    fn spans_outside_the_text_do_not_panic() {
        let photo = photo(&["short", "tiny"]);
        let diff = WordDiff {
            pieces: vec![piece(DiffTag::Equal, Some((0, 99)), Some((3, 99)))],
        };
        let diff = variant_diff(&photo, 0, 1, &diff);
        assert_eq!(segments(&diff), vec![(DiffTag::Equal, "tin")]);
    }

    #[test]
    fn shares_are_rounded_to_three_decimals() {
        assert_eq!(share(2.0 / 3.0), 0.667);
        assert_eq!(share(1.0), 1.0);
    }
}
