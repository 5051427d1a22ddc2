//! A hand-made corpus and analysis of the founding case (Sportstar calls Lim
//! Jong-hoon a silver medallist; the others and the reference say bronze),
//! so the report views can be tested whatever the analysis finds.

use std::path::PathBuf;

use caption_provenance::analysis::{
    Analysis, Attribute, Claim, ClaimOrigin, Conflict, ConflictScope, ConflictSeverity,
    ConflictValue, Location, Person, PersonId, PhotoAnalysis, Span, Subject,
};
use caption_provenance::corpus::{
    Corpus, InputFile, Photo, Problem, ProblemKind, ProblemSeverity, Section, Source, Text, Variant,
};
use caption_provenance::review::{Review, Verdict, VerdictStatus};

pub const SPORTSTAR: &str = "Paris 2024 Olympics: South Korea’s Lim Jonghoon, silver medallist, takes a selfie with teammate Shin Yubin.";
pub const AP: &str =
    "South Korea's Lim Jonghoon, bronze medallist, takes a selfie with Shin Yubin.";

pub fn variant(file: &str, outlet: &str, caption: &str) -> Variant {
    Variant {
        id: file.to_owned(),
        source: Source {
            outlet: outlet.to_owned(),
            file: PathBuf::from(file),
            encoding: "UTF-8".to_owned(),
            ..Source::default()
        },
        caption: Text::new(caption),
        headline: None,
        article: None,
    }
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or(0);
    Span::new(start, start + needle.len())
}

/// One photo, two variants; `extra` variants are appended (e.g. a hostile one).
pub fn corpus(extra: Vec<Variant>) -> Corpus {
    let mut variants = vec![
        variant("003-sportstar.txt", "Sportstar", SPORTSTAR),
        variant("004-ap.toml", "AP", AP),
    ];
    variants.extend(extra);
    Corpus {
        root: PathBuf::from("captions"),
        photos: vec![Photo {
            id: "paris-2024-table-tennis-selfie".to_owned(),
            title: "Paris 2024: podium selfie".to_owned(),
            images: vec![],
            variants,
            reference: None,
        }],
        problems: vec![Problem {
            path: PathBuf::from("paris-2024-table-tennis-selfie/broken.toml"),
            reason: "expected `=` after a key".to_owned(),
            line: Some(3),
            severity: ProblemSeverity::Error,
            kind: ProblemKind::Syntax,
        }],
        inputs: vec![InputFile {
            path: PathBuf::from("paris-2024-table-tennis-selfie/003-sportstar.txt"),
            bytes: 1234,
            sha256: "ab".repeat(32),
        }],
        vocabulary_files: vec![],
    }
}

pub fn analysis() -> Analysis {
    let lim = PersonId(0);
    let claim = |variant: usize, text: &str, quote: &str, value: &str| Claim {
        subject: Subject::Person(lim),
        attribute: Attribute::Medal,
        value: value.to_owned(),
        origin: ClaimOrigin::Variant(Location {
            variant,
            section: Section::Caption,
            span: span_of(text, quote),
        }),
        quote: quote.to_owned(),
    };
    Analysis {
        photos: vec![PhotoAnalysis {
            people: vec![Person {
                id: lim,
                name: "Lim Jong-hoon".to_owned(),
                spellings: vec!["Lim Jong-hoon".to_owned(), "Lim Jonghoon".to_owned()],
                country: Some("South Korea".to_owned()),
            }],
            mentions: vec![],
            claims: vec![
                claim(0, SPORTSTAR, "Lim Jonghoon, silver medallist", "silver"),
                claim(1, AP, "Lim Jonghoon, bronze medallist", "bronze"),
                Claim {
                    subject: Subject::Person(lim),
                    attribute: Attribute::Medal,
                    value: "bronze".to_owned(),
                    origin: ClaimOrigin::Reference,
                    quote: "medal = \"bronze\"".to_owned(),
                },
            ],
            conflicts: vec![Conflict {
                key: "person:lim-jong-hoon/medal".to_owned(),
                subject: Subject::Person(lim),
                subject_name: "Lim Jong-hoon".to_owned(),
                attribute: Attribute::Medal,
                severity: ConflictSeverity::High,
                scopes: vec![ConflictScope::BetweenVariants, ConflictScope::VsReference],
                values: vec![
                    ConflictValue {
                        value: "bronze".to_owned(),
                        claims: vec![1, 2],
                        variants: vec![1],
                        in_reference: true,
                    },
                    ConflictValue {
                        value: "silver".to_owned(),
                        claims: vec![0],
                        variants: vec![0],
                        in_reference: false,
                    },
                ],
                majority: Some("bronze".to_owned()),
                reference: Some("bronze".to_owned()),
                odd_ones_out: vec![0],
                summary: "Sportstar: silver; AP and the reference: bronze".to_owned(),
            }],
            findings: Vec::new(),
            reuse: Default::default(),
        }],
        vocabulary_warnings: vec!["vocabulary.toml: ignored: unknown key `colour`".to_owned()],
    }
}

pub fn review() -> Review {
    let mut review = Review::default();
    review.set(
        "paris-2024-table-tennis-selfie",
        "person:lim-jong-hoon/medal",
        Some(Verdict {
            status: VerdictStatus::ConfirmedError,
            note: "Sportstar swapped the medals".to_owned(),
            at: None,
            values: None,
        }),
    );
    review
}
