//! The report as one serde value: what the HTML, Markdown and JSON views show.
//!
//! Everything a view needs is resolved here (outlet labels, quoted text, diff
//! and alignment text), so each view is a plain walk over this value and the
//! JSON is readable without the caption files. Field order is the JSON order;
//! every list is in a deterministic order, so two runs on the same folder give
//! the same bytes apart from `generated_at`.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::analysis::diff::{DiffOptions, DiffTag};
use crate::analysis::{
    Attribute, Claim, ConflictScope, ConflictSeverity, Fact, FindingDetail, FindingKind, Location,
    Person, PersonId, SharedRun, Subject,
};
use crate::corpus::{InputFile, ProblemKind, ProblemSeverity, ReferenceFacts, Section, Source};
use crate::imaging::metadata::EmbeddedMetadata;
use crate::review::Verdict;

/// The JSON schema's version; bumped when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// A provenance report on one captions folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    /// When the report was made (RFC 3339, UTC); absent with `--no-timestamp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    /// The opened folder, as given.
    pub folder: String,
    /// The options the report was made with.
    pub settings: Settings,
    pub summary: Summary,
    /// Every file that was read, with its SHA-256, in path order.
    pub inputs: Vec<InputFile>,
    /// Problems met while loading (and reading the review file).
    pub problems: Vec<ProblemEntry>,
    pub photos: Vec<PhotoReport>,
}

/// The program that made the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

/// The view options a report was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The `--base` the user asked for (outlet or file), if any.
    pub base: Option<String>,
    /// The section diffed and aligned.
    pub section: Section,
    pub diff: DiffOptions,
}

/// Counts for the report's first screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub photos: usize,
    pub variants: usize,
    pub conflicts: SeverityCounts,
    /// Findings that are not conflicts (misspelt names, ...).
    #[serde(default)]
    pub other_findings: usize,
    pub problems: ProblemCounts,
    /// Conflicts that carry a reviewer's verdict.
    pub reviewed: usize,
    /// Findings whose verdict was given before the folder showed a value it
    /// did not judge: to be looked at again (`review_staleness`).
    #[serde(default)]
    pub needs_review: usize,
}

/// Conflicts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeverityCounts {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
}

impl SeverityCounts {
    pub fn total(&self) -> usize {
        self.high + self.medium + self.low
    }
}

/// Problems by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemCounts {
    pub errors: usize,
    pub warnings: usize,
    /// Files passed over on purpose (reports this app saved): not problems.
    #[serde(default)]
    pub notes: usize,
}

/// One problem, with the advice the user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemEntry {
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub path: PathBuf,
    pub line: Option<usize>,
    pub severity: ProblemSeverity,
    pub kind: ProblemKind,
    pub reason: String,
    pub advice: String,
}

/// Everything the report says about one photo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoReport {
    pub id: String,
    pub title: String,
    /// Image files of the photo, relative to the folder.
    #[serde(serialize_with = "crate::corpus::paths::as_text::list")]
    pub images: Vec<PathBuf>,
    pub reference: Option<ReferenceFacts>,
    pub variants: Vec<VariantReport>,
    pub people: Vec<Person>,
    /// Each person's printed spellings with the outlets printing them, in
    /// the order of `people`.
    #[serde(default)]
    pub name_forms: Vec<PersonNamesReport>,
    pub claims: Vec<Claim>,
    /// Most severe first, as the analysis ranks them.
    pub conflicts: Vec<ConflictReport>,
    /// Every finding, most severe first: one per conflict (pointing at it),
    /// then misspelt names and the other kinds.
    #[serde(default)]
    pub findings: Vec<FindingReport>,
    /// Index of the variant the others are diffed against (none without variants).
    pub base: Option<usize>,
    /// Why the base is not the one asked for, when it is not.
    pub base_note: Option<String>,
    /// Every other variant against the base.
    pub diffs: Vec<VariantDiff>,
    pub alignment: AlignmentTable,
    pub reuse: ReuseReport,
    pub image_evidence: ImageSection,
}

/// One outlet's text and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantReport {
    /// Index in the photo's variants; what locations and conflicts refer to.
    pub index: usize,
    pub id: String,
    /// The outlet name, else the file name.
    pub label: String,
    pub source: Source,
    /// NFC text; spans in locations are byte ranges into these.
    pub caption: String,
    pub headline: Option<String>,
    pub article: Option<String>,
}

/// One person and the spellings the variants print (the "People" section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonNamesReport {
    pub person: PersonId,
    /// The preferred spelling.
    pub name: String,
    pub country: Option<String>,
    /// Most-used first; empty when only the reference facts name the person.
    pub forms: Vec<NameFormReport>,
}

/// One spelling as printed, and who prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameFormReport {
    /// The words at the mentions, whitespace collapsed.
    pub text: String,
    /// Indices of the variants printing it, and their labels.
    pub variants: Vec<usize>,
    pub outlets: Vec<String>,
    /// How many mentions print it.
    pub mentions: usize,
    /// The first place it is printed.
    pub first: Location,
    /// A misspelt-name finding calls it wrong.
    pub misspelt: bool,
    /// That finding's key and sentence (`stern.de writes "Bold"; ...`).
    pub finding: Option<String>,
    pub summary: Option<String>,
}

/// One conflict with the words that state each side, and the reviewer's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictReport {
    /// Stable across runs ("<subject>/<attribute>"); verdicts are keyed by it.
    pub key: String,
    pub subject: Subject,
    pub subject_name: String,
    pub attribute: Attribute,
    pub severity: ConflictSeverity,
    pub scopes: Vec<ConflictScope>,
    /// Who says what, in one sentence.
    pub summary: String,
    pub majority: Option<String>,
    pub reference: Option<String>,
    /// Labels of the variants that differ from the reference (or the majority).
    pub odd_ones_out: Vec<String>,
    /// Largest group first.
    pub values: Vec<ConflictValueReport>,
    pub verdict: Option<Verdict>,
    /// True when the verdict was given before the folder showed one of
    /// `new_values`: it is shown but settles nothing until looked at again.
    #[serde(default)]
    pub needs_review: bool,
    /// The "source: value" lines the verdict did not judge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_values: Vec<String>,
}

/// One finding: what kind, who says what, and the words that show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingReport {
    pub key: String,
    pub kind: FindingKind,
    pub fact: Fact,
    pub severity: ConflictSeverity,
    pub summary: String,
    /// The odd side first; `odd` is false for the other side, and for every
    /// mark when no side could be decided.
    pub marks: Vec<MarkReport>,
    /// Index into `conflicts` when the finding is a conflict.
    pub conflict: Option<usize>,
    pub verdict: Option<Verdict>,
    /// As [`ConflictReport::needs_review`].
    #[serde(default)]
    pub needs_review: bool,
    /// As [`ConflictReport::new_values`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_values: Vec<String>,
    /// What the finding stands for (a swap's per-person conflicts, each
    /// with its index into `conflicts`), to print beneath it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<FindingDetail>,
}

impl FindingReport {
    /// The marks to look at first: the odd side, or every mark when no side
    /// could be decided.
    pub fn flagged(&self) -> impl Iterator<Item = &MarkReport> {
        let decided = self.marks.iter().any(|m| m.odd);
        self.marks.iter().filter(move |m| m.odd || !decided)
    }

    /// The words flagged, each once, in order ("Bold").
    pub fn flagged_words(&self) -> String {
        let mut words: Vec<&str> = Vec::new();
        for mark in self.flagged() {
            if !words.contains(&mark.text.as_str()) {
                words.push(&mark.text);
            }
        }
        words.join(", ")
    }

    /// The other side's words, each with the variants writing them, in the
    /// order first met: ("Bolt", ["A", "B"]).
    pub fn others_by_words(&self) -> Vec<(&str, Vec<&str>)> {
        let decided = self.marks.iter().any(|m| m.odd);
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for mark in self.marks.iter().filter(|m| decided && !m.odd) {
            let holder = mark.holder.as_str();
            match groups.iter_mut().find(|(text, _)| *text == mark.text) {
                Some((_, holders)) if holders.contains(&holder) => {}
                Some((_, holders)) => holders.push(holder),
                None => groups.push((&mark.text, vec![holder])),
            }
        }
        groups
    }
}

/// One place a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkReport {
    /// The variant's label.
    pub holder: String,
    pub text: String,
    /// Where in the variant's text; none for a credit line or byline.
    pub location: Option<Location>,
    pub odd: bool,
}

impl MarkReport {
    /// Where the words are: "caption, bytes 6–10", or "credit line or byline".
    pub fn place(&self) -> String {
        self.location.map_or_else(
            || "credit line or byline".to_owned(),
            |l| {
                format!(
                    "{}, bytes {}–{}",
                    l.section.name(),
                    l.span.start,
                    l.span.end
                )
            },
        )
    }
}

/// One side of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictValueReport {
    pub value: String,
    pub in_reference: bool,
    /// Labels of the variants holding it.
    pub holders: Vec<String>,
    pub quotes: Vec<Quote>,
}

/// The words that state a claim, and where they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Index into the photo's `claims`.
    pub claim: usize,
    /// "Sportstar (caption)", "Sportstar (credit line)", "reference facts".
    pub holder: String,
    pub text: String,
    /// Where in a variant's text, when the claim comes from one.
    pub location: Option<Location>,
}

/// A variant's text against the base's, as runs of equal, deleted and inserted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantDiff {
    pub variant: usize,
    pub base: usize,
    pub section: Section,
    pub identical: bool,
    /// In reading order; deleted runs (the base's words) before the inserted
    /// runs that replace them. Joining the texts of equal and inserted
    /// segments gives the variant's text.
    pub segments: Vec<DiffSegment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSegment {
    pub tag: DiffTag,
    pub text: String,
}

/// All variants aligned token by token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentTable {
    pub section: Option<Section>,
    /// Variant indices, one per cell of each column.
    pub variants: Vec<usize>,
    pub labels: Vec<String>,
    pub columns: Vec<AlignmentColumn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentColumn {
    pub cells: Vec<Option<String>>,
    pub agreed: bool,
}

/// Shared passages and the likely derivation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReuseReport {
    pub pairs: Vec<ReusePairReport>,
    pub derivations: Vec<DerivationReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReusePairReport {
    pub a: usize,
    pub b: usize,
    pub a_label: String,
    pub b_label: String,
    /// Rounded to three decimals.
    pub containment_a_in_b: f64,
    pub containment_b_in_a: f64,
    pub shared_runs: Vec<SharedRun>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DerivationReport {
    pub from: usize,
    pub to: usize,
    pub from_label: String,
    pub to_label: String,
    pub evidence: String,
}

/// What the image files say: their metadata and which are the same photo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageSection {
    /// Why the section is empty or partial, when it is.
    pub note: Option<String>,
    pub images: Vec<ImageReport>,
    pub matches: Vec<ImageMatch>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageReport {
    /// Relative to the folder.
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub path: PathBuf,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub format: Option<String>,
    pub bytes: Option<u64>,
    pub metadata: EmbeddedMetadata,
    pub problem: Option<String>,
}

/// Two images compared by perceptual hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageMatch {
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub a: PathBuf,
    #[serde(serialize_with = "crate::corpus::paths::as_text::one")]
    pub b: PathBuf,
    pub distance: u32,
    pub same_photo: bool,
}

/// Upper-case severity for one-line output ("HIGH").
pub fn severity_shout(severity: ConflictSeverity) -> &'static str {
    match severity {
        ConflictSeverity::High => "HIGH",
        ConflictSeverity::Medium => "MEDIUM",
        ConflictSeverity::Low => "LOW",
    }
}

/// Lower-case severity for display ("high").
pub fn severity_name(severity: ConflictSeverity) -> &'static str {
    match severity {
        ConflictSeverity::High => "high",
        ConflictSeverity::Medium => "medium",
        ConflictSeverity::Low => "low",
    }
}
