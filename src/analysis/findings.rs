//! Findings: everything the analysis asks a reviewer to look at, each with
//! the spans that show it and one sentence saying who says what.
//!
//! A conflict (one subject and attribute with different values) is one kind
//! of finding; the others (a misspelt name, ...) are made by their own
//! modules. Every view that lists what is wrong (the window, the reports,
//! `check`, `eval`) reads `PhotoAnalysis::findings`.

use serde::{Deserialize, Serialize};

use crate::corpus::Photo;

use super::{Attribute, Claim, ClaimOrigin, Conflict, ConflictScope, ConflictSeverity, Location};

/// What sort of finding it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Variants (or a variant and the reference) give different values.
    Conflict,
    /// A name written a letter or two away from the form the others use.
    MisspeltName,
    /// A count or measurement the others give differently.
    Quantity,
    /// A date that contradicts itself: a weekday that is not the stated
    /// date's, a night "from Sunday to Sunday".
    Date,
    /// A quotation with words changed from the one other variants print.
    Quote,
    /// A name or credit that is malformed on its face: an acronym that does
    /// not fit the name it stands for, a wire position marker turned into ©.
    Malformed,
    /// The round of the competition the photo shows, named otherwise by
    /// the other outlets.
    Round,
    /// A person's title given "former" where the others do not, or not
    /// where they do.
    Status,
    /// A credit the folder contradicts: a photographer credited to an
    /// agency no other credit gives them.
    Credit,
    /// A clock time of a happening (the shots, the earthquake) that the
    /// other outlets give differently.
    Time,
    /// A town placed in another state or country than the other outlets
    /// place it.
    Region,
    /// One variant exchanging values between people (silver for bronze and
    /// bronze for silver): the conflicts it makes, as one finding
    /// (`swaps`).
    Swap,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::MisspeltName => "misspelt name",
            FindingKind::Quantity => "number",
            FindingKind::Date => "date",
            FindingKind::Malformed => "malformed",
            FindingKind::Quote => "altered quotation",
            FindingKind::Round => "round",
            FindingKind::Status => "status",
            FindingKind::Credit => "credit",
            FindingKind::Time => "time",
            FindingKind::Region => "region",
            FindingKind::Swap => "swap",
        }
    }
}

/// Which kind of fact a finding is about; the kinds a labelled folder uses
/// (`expected.toml`), so a finding can be checked against a person's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Name,
    Date,
    Time,
    Place,
    Event,
    Number,
    Credit,
    Quote,
    Medal,
    Role,
    Other,
}

impl Fact {
    pub const ALL: [Fact; 11] = [
        Fact::Name,
        Fact::Date,
        Fact::Time,
        Fact::Place,
        Fact::Event,
        Fact::Number,
        Fact::Credit,
        Fact::Quote,
        Fact::Medal,
        Fact::Role,
        Fact::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Fact::Name => "name",
            Fact::Date => "date",
            Fact::Time => "time",
            Fact::Place => "place",
            Fact::Event => "event",
            Fact::Number => "number",
            Fact::Credit => "credit",
            Fact::Quote => "quote",
            Fact::Medal => "medal",
            Fact::Role => "role",
            Fact::Other => "other",
        }
    }

    /// The kind for its name, as written in `expected.toml`.
    pub fn parse(name: &str) -> Option<Fact> {
        let name = name.trim().to_lowercase();
        Fact::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The kind of fact a claim's attribute states.
    pub fn of_attribute(attribute: Attribute) -> Fact {
        match attribute {
            Attribute::Medal | Attribute::Podium => Fact::Medal,
            Attribute::Country | Attribute::Venue => Fact::Place,
            Attribute::Role => Fact::Role,
            Attribute::Credit | Attribute::Agency | Attribute::Photographer => Fact::Credit,
            Attribute::Date => Fact::Date,
            Attribute::Event => Fact::Event,
            Attribute::Device => Fact::Other,
        }
    }
}

/// One place a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Index into `Photo::variants`.
    pub variant: usize,
    /// The span, or `None` for a source field (credit line, byline).
    pub location: Option<Location>,
    /// The words, as written.
    pub quote: String,
    /// True where this is the side the finding calls wrong (the odd one out);
    /// false where it is the other side, or where no side could be decided.
    pub odd: bool,
}

/// Something the analysis asks a reviewer to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub fact: Fact,
    pub severity: ConflictSeverity,
    /// Stable across runs; for a conflict, its key (review verdicts use it).
    pub key: String,
    /// One sentence saying who says what.
    pub summary: String,
    /// Every span that states it; the odd side first.
    pub marks: Vec<Mark>,
    /// For a conflict, its index in `PhotoAnalysis::conflicts`.
    pub conflict: Option<usize>,
    /// For a finding that stands for others (a swap stands for the
    /// per-person conflicts it makes), those, one line each, for views to
    /// show beneath it; empty for every other finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<FindingDetail>,
}

/// One finding a finding stands for (a swap's per-person conflict).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingDetail {
    /// Its review key ("Lim Jong-hoon/medal").
    pub key: String,
    /// Whom or what it is about ("Lim Jong-hoon").
    pub subject: String,
    /// Its sentence: who says what.
    pub summary: String,
    /// For a conflict, its index in `PhotoAnalysis::conflicts`.
    pub conflict: Option<usize>,
}

impl Finding {
    /// The marks a reviewer should look at first: the odd side where one is
    /// known, else every mark (the finding is undecided).
    pub fn flagged(&self) -> impl Iterator<Item = &Mark> {
        let decided = self.marks.iter().any(|m| m.odd);
        self.marks.iter().filter(move |m| m.odd || !decided)
    }

    /// True when no side is known to be the wrong one.
    pub fn undecided(&self) -> bool {
        !self.marks.iter().any(|m| m.odd)
    }
}

/// A variant's label for a summary ("Sportstar"; "variant 3" past the end).
pub(crate) fn variant_label(photo: &Photo, v: usize) -> String {
    photo
        .variants
        .get(v)
        .map_or_else(|| format!("variant {v}"), |x| x.label().to_string())
}

/// "A", "A and B", "A, B and C".
pub(crate) fn join_names(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        many if many.len() > MAX_NAMED => format!(
            "{} and {} others",
            many.get(..MAX_NAMED).unwrap_or(many).join(", "),
            many.len() - MAX_NAMED
        ),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The most names one sentence lists; past it, the rest are counted
/// ("..., The Sun and 431 others"), so a finding on a photo with thousands
/// of outlets stays one readable line.
pub(crate) const MAX_NAMED: usize = 20;

/// The mark of one claim; `None` for a reference claim (it has no text).
pub(crate) fn mark_of(claim: &Claim, odd: bool) -> Option<Mark> {
    let (variant, location) = match claim.origin {
        ClaimOrigin::Variant(location) => (location.variant, Some(location)),
        ClaimOrigin::SourceField { variant } => (variant, None),
        ClaimOrigin::Reference => return None,
    };
    Some(Mark {
        variant,
        location,
        quote: claim.quote.clone(),
        odd,
    })
}

/// True when a conflict is worth a reviewer's look. Outlets carry whichever
/// agency's frame of a moment they bought, so credits, agencies and
/// photographers that differ *between* outlets are the provenance the report
/// shows, not an error; they are a finding only against the reference facts,
/// or when one page or file contradicts itself.
pub fn conflict_is_finding(conflict: &Conflict) -> bool {
    let credit = matches!(
        conflict.attribute,
        Attribute::Credit | Attribute::Agency | Attribute::Photographer
    );
    !credit
        || conflict
            .scopes
            .iter()
            .any(|s| *s != ConflictScope::BetweenVariants)
}

/// One finding per conflict worth a look ([`conflict_is_finding`]): the
/// claims of the odd ones out are the odd marks. Public so that a hand-made
/// analysis (tests) gets the findings the analysis would make.
pub fn conflict_findings(conflicts: &[Conflict], claims: &[Claim]) -> Vec<Finding> {
    conflicts
        .iter()
        .enumerate()
        .filter(|(_, conflict)| conflict_is_finding(conflict))
        .map(|(index, conflict)| {
            let main = conflict
                .reference
                .as_deref()
                .or(conflict.majority.as_deref());
            let mut marks: Vec<Mark> = Vec::new();
            for value in &conflict.values {
                let odd = main.is_some_and(|m| m != value.value);
                for &c in &value.claims {
                    if let Some(mark) = claims.get(c).and_then(|claim| mark_of(claim, odd)) {
                        marks.push(mark);
                    }
                }
            }
            marks.sort_by_key(|m| !m.odd);
            Finding {
                details: Vec::new(),
                kind: FindingKind::Conflict,
                fact: Fact::of_attribute(conflict.attribute),
                severity: conflict.severity,
                key: conflict.key.clone(),
                summary: conflict.summary.clone(),
                marks,
                conflict: Some(index),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_joined_and_long_lists_counted() {
        let names = |n: usize| -> Vec<String> { (1..=n).map(|i| format!("Outlet {i}")).collect() };
        assert_eq!(join_names(&names(1)), "Outlet 1");
        assert_eq!(join_names(&names(3)), "Outlet 1, Outlet 2 and Outlet 3");
        assert!(join_names(&names(MAX_NAMED)).ends_with(&format!("and Outlet {MAX_NAMED}")));
        let long = join_names(&names(MAX_NAMED + 431));
        assert!(
            long.ends_with(&format!("Outlet {MAX_NAMED} and 431 others")),
            "{long}"
        );
    }
}
