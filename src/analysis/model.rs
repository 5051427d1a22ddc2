//! The analysis result: one owned value that every view (GUI, reports, CLI)
//! reads, so what the screen says is what the report says.
//!
//! Variants are referred to by their index in `Photo::variants`; spans are
//! byte ranges into a section's NFC text (`Text::normalized`).

use serde::{Deserialize, Serialize};

use crate::corpus::Section;

pub use super::findings::{
    Fact, Finding, FindingDetail, FindingKind, Mark, conflict_findings, conflict_is_finding,
};

/// Byte range `start..end` into one section's normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The spanned text, or "" when the span does not fit the text.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

/// The analysis of a whole corpus; `photos[i]` belongs to `corpus.photos[i]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub photos: Vec<PhotoAnalysis>,
    /// One line per user vocabulary file that was skipped (unreadable, bad
    /// TOML, unknown key), e.g. "vocabulary.toml: ignored: ...".
    #[serde(default)]
    pub vocabulary_warnings: Vec<String>,
}

impl Analysis {
    pub fn conflict_count(&self) -> usize {
        self.photos.iter().map(|p| p.conflicts.len()).sum()
    }
}

/// Everything worked out about one photo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PhotoAnalysis {
    /// The people in the photo, resolved across spellings.
    pub people: Vec<Person>,
    /// Every place a variant names a person.
    pub mentions: Vec<Mention>,
    /// Every claim, from the variants and from the reference facts.
    pub claims: Vec<Claim>,
    /// Disagreements, most severe first.
    pub conflicts: Vec<Conflict>,
    /// Everything to look at: one finding per conflict, then the findings of
    /// other kinds (misspelt names, ...), most severe first.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Shared passages and the likely derivation order.
    pub reuse: Reuse,
}

/// Index into `PhotoAnalysis::people`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PersonId(pub usize);

/// One real individual, however spelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    /// The preferred spelling (the reference's, else the most common).
    pub name: String,
    /// Every spelling met, the preferred one first.
    pub spellings: Vec<String>,
    pub country: Option<String>,
}

/// A place in a variant's text, for highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    /// Index into `Photo::variants`.
    pub variant: usize,
    pub section: Section,
    pub span: Span,
}

/// One place where a variant names a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub person: PersonId,
    pub location: Location,
}

/// What a claim is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Subject {
    /// The photo itself (credit, date, place, device, ...).
    Photo,
    Person(PersonId),
}

/// The attributes a claim can state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    Medal,
    Country,
    /// Which step of the podium ("top step" is gold).
    Podium,
    /// A role in the picture: "took the selfie", "in the photo".
    Role,
    Credit,
    Agency,
    Photographer,
    Date,
    Venue,
    Event,
    Device,
}

impl Attribute {
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Medal => "medal",
            Attribute::Country => "country",
            Attribute::Podium => "podium",
            Attribute::Role => "role",
            Attribute::Credit => "credit",
            Attribute::Agency => "agency",
            Attribute::Photographer => "photographer",
            Attribute::Date => "date",
            Attribute::Venue => "venue",
            Attribute::Event => "event",
            Attribute::Device => "device",
        }
    }
}

/// Who states a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ClaimOrigin {
    /// A span in a variant's text (or its source's fields).
    Variant(Location),
    /// The source's own fields (credit line, photographer) of a variant.
    SourceField { variant: usize },
    /// The user's reference facts.
    Reference,
}

/// Something a variant asserts: (subject, attribute, value), tied to its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub subject: Subject,
    pub attribute: Attribute,
    /// The value, normalised so equal facts compare equal ("silver",
    /// "Getty Images", "2024-07-30").
    pub value: String,
    pub origin: ClaimOrigin,
    /// The words that state it, as written.
    pub quote: String,
}

/// How much a conflict matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictSeverity {
    /// Credit wording, agency, and the like.
    Low,
    /// Dates, places, roles, devices.
    Medium,
    /// Medals, podium, countries, names.
    High,
}

/// Which sides disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictScope {
    BetweenVariants,
    /// A variant's caption against its own article text.
    CaptionVsArticle,
    VsReference,
    /// Two variants read from one file (an image whose IPTC and XMP
    /// disagree).
    WithinFile,
}

/// One subject and attribute with different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Stable across runs: "<subject>/<attribute>", used for review verdicts.
    pub key: String,
    pub subject: Subject,
    /// Display name of the subject ("Lim Jong-hoon", "photo").
    pub subject_name: String,
    pub attribute: Attribute,
    pub severity: ConflictSeverity,
    /// Every kind of disagreement found for this subject and attribute.
    pub scopes: Vec<ConflictScope>,
    /// The values, with who holds each; largest group first.
    pub values: Vec<ConflictValue>,
    /// The value most variants hold, if one group is largest.
    pub majority: Option<String>,
    /// The value of the reference facts, if they state one.
    pub reference: Option<String>,
    /// Variants whose value differs from the reference (or, without one, the majority).
    pub odd_ones_out: Vec<usize>,
    /// One sentence saying who says what, e.g.
    /// "Sportstar: silver; 4 other outlets, its own article and the reference: bronze".
    pub summary: String,
}

/// One value in a conflict and the claims that hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictValue {
    pub value: String,
    /// Indices into `PhotoAnalysis::claims`.
    pub claims: Vec<usize>,
    /// The variants holding it (sorted, no duplicates).
    pub variants: Vec<usize>,
    pub in_reference: bool,
}

/// Shared passages between variants and who probably took from whom.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    pub pairs: Vec<ReusePair>,
    pub derivations: Vec<Derivation>,
}

/// How much two variants' captions share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReusePair {
    pub a: usize,
    pub b: usize,
    /// Share of a's word n-grams found in b (0..=1), and the other way round.
    pub containment_a_in_b: f64,
    pub containment_b_in_a: f64,
    /// The longest shared runs of words, longest first.
    pub shared_runs: Vec<SharedRun>,
}

/// A run of words both variants contain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedRun {
    pub words: usize,
    pub text: String,
    pub a: Location,
    pub b: Location,
}

/// "to probably took its text from from", with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    pub from: usize,
    pub to: usize,
    pub evidence: String,
}
