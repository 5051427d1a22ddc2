//! Exact word diffs.

use super::*;
use crate::analysis::{Location, Mention, PersonId};
use crate::corpus::{Text, Variant};

/// Renders pieces as "=text", "-text", "+text" for readable assertions.
fn render(diff: &WordDiff, old: &str, new: &str) -> Vec<String> {
    diff.pieces
        .iter()
        .map(|p| match p.tag {
            DiffTag::Equal => format!("={}", p.old.map_or("", |s| s.slice(old))),
            DiffTag::Delete => format!("-{}", p.old.map_or("", |s| s.slice(old))),
            DiffTag::Insert => format!("+{}", p.new.map_or("", |s| s.slice(new))),
        })
        .collect()
}

const OLD: &str = "South Korea’s Lim Jonghoon, silver medallist, takes a selfie";
const NEW: &str = "South Korea's Lim Jong-hoon, bronze medallist, took a selfie.";

#[test]
fn two_short_captions_give_exact_pieces_and_spans() {
    let diff = word_diff(OLD, NEW, DiffOptions::default());
    let span = |s, e| Some(Span::new(s, e));
    assert_eq!(
        diff.pieces,
        [
            DiffPiece {
                tag: DiffTag::Equal,
                old: span(0, 19),
                new: span(0, 17)
            },
            DiffPiece {
                tag: DiffTag::Delete,
                old: span(20, 28),
                new: None
            },
            DiffPiece {
                tag: DiffTag::Insert,
                old: None,
                new: span(18, 27)
            },
            DiffPiece {
                tag: DiffTag::Equal,
                old: span(28, 29),
                new: span(27, 28)
            },
            DiffPiece {
                tag: DiffTag::Delete,
                old: span(30, 36),
                new: None
            },
            DiffPiece {
                tag: DiffTag::Insert,
                old: None,
                new: span(29, 35)
            },
            DiffPiece {
                tag: DiffTag::Equal,
                old: span(37, 47),
                new: span(36, 46)
            },
            DiffPiece {
                tag: DiffTag::Delete,
                old: span(48, 53),
                new: None
            },
            DiffPiece {
                tag: DiffTag::Insert,
                old: None,
                new: span(47, 51)
            },
            DiffPiece {
                tag: DiffTag::Equal,
                old: span(54, 62),
                new: span(52, 60)
            },
            DiffPiece {
                tag: DiffTag::Insert,
                old: None,
                new: span(60, 61)
            },
        ]
    );
    assert_eq!(
        render(&diff, OLD, NEW),
        [
            "=South Korea’s Lim",
            "-Jonghoon",
            "+Jong-hoon",
            "=,",
            "-silver",
            "+bronze",
            "=medallist,",
            "-takes",
            "+took",
            "=a selfie",
            "+.",
        ]
    );
    assert!(diff.has_changes());
}

#[test]
fn identical_texts_are_one_equal_piece() {
    let diff = word_diff("a b, c", "a b, c", DiffOptions::default());
    assert_eq!(render(&diff, "a b, c", "a b, c"), ["=a b, c"]);
    assert!(!diff.has_changes());
}

#[test]
fn empty_texts() {
    assert_eq!(
        word_diff("", "", DiffOptions::default()),
        WordDiff::default()
    );
    let diff = word_diff("", "Photo: AFP", DiffOptions::default());
    assert_eq!(render(&diff, "", "Photo: AFP"), ["+Photo: AFP"]);
    let diff = word_diff("Photo: AFP", "", DiffOptions::default());
    assert_eq!(render(&diff, "Photo: AFP", ""), ["-Photo: AFP"]);
}

#[test]
fn ignore_case() {
    let old = "Photo Credit: GETTY IMAGES";
    let new = "photo credit: Getty Images";
    let strict = word_diff(old, new, DiffOptions::default());
    assert_eq!(
        render(&strict, old, new),
        [
            "-Photo Credit",
            "+photo credit",
            "=:",
            "-GETTY IMAGES",
            "+Getty Images"
        ]
    );
    let options = DiffOptions {
        ignore_case: true,
        ..DiffOptions::default()
    };
    let diff = word_diff(old, new, options);
    assert_eq!(render(&diff, old, new), ["=Photo Credit: GETTY IMAGES"]);
    assert_eq!(
        diff.pieces,
        [DiffPiece {
            tag: DiffTag::Equal,
            old: Some(Span::new(0, 26)),
            new: Some(Span::new(0, 26)),
        }]
    );
}

#[test]
fn ignore_punctuation() {
    let old = "Kim Kum Yong, China’s Wang Chuqin";
    let new = "Kim Kum Yong China's Wang Chuqin.";
    let strict = word_diff(old, new, DiffOptions::default());
    assert_eq!(
        render(&strict, old, new),
        ["=Kim Kum Yong", "-,", "=China’s Wang Chuqin", "+."]
    );
    let options = DiffOptions {
        ignore_punctuation: true,
        ..DiffOptions::default()
    };
    let diff = word_diff(old, new, options);
    assert_eq!(
        diff.pieces,
        [DiffPiece {
            tag: DiffTag::Equal,
            old: Some(Span::new(0, 35)),
            new: Some(Span::new(0, 32)),
        }]
    );
}

fn variant(caption: &str) -> Variant {
    Variant {
        caption: Text::new(caption),
        ..Variant::default()
    }
}

fn mention(person: usize, variant: usize, start: usize, end: usize) -> Mention {
    Mention {
        person: PersonId(person),
        location: Location {
            variant,
            section: Section::Caption,
            span: Span::new(start, end),
        },
    }
}

#[test]
fn spellings_of_one_person_are_equal_with_mentions() {
    let old = "Lim Jonghoon and Chuqin Wang smile";
    let new = "Jong-hoon Lim and Wang Chuqin smiled";
    let photo = Photo {
        variants: vec![variant(old), variant(new)],
        ..Photo::default()
    };
    let analysis = PhotoAnalysis {
        mentions: vec![
            mention(0, 0, 0, 12),
            mention(1, 0, 17, 28),
            mention(0, 1, 0, 13),
            mention(1, 1, 18, 29),
        ],
        ..PhotoAnalysis::default()
    };
    let options = DiffOptions {
        same_person_equal: true,
        ..DiffOptions::default()
    };
    let diff = diff_variants(&photo, &analysis, 0, 1, Section::Caption, options);
    assert_eq!(
        diff.pieces,
        [
            DiffPiece {
                tag: DiffTag::Equal,
                old: Some(Span::new(0, 28)),
                new: Some(Span::new(0, 29)),
            },
            DiffPiece {
                tag: DiffTag::Delete,
                old: Some(Span::new(29, 34)),
                new: None
            },
            DiffPiece {
                tag: DiffTag::Insert,
                old: None,
                new: Some(Span::new(30, 36))
            },
        ]
    );

    // Without the option (or without mentions) the names differ word by word.
    let plain = diff_variants(
        &photo,
        &analysis,
        0,
        1,
        Section::Caption,
        DiffOptions::default(),
    );
    assert_eq!(
        render(&plain, old, new),
        [
            "+Jong-hoon",
            "=Lim",
            "-Jonghoon",
            "=and",
            "+Wang",
            "=Chuqin",
            "-Wang smile",
            "+smiled",
        ]
    );
    let empty = PhotoAnalysis::default();
    assert_eq!(
        diff_variants(&photo, &empty, 0, 1, Section::Caption, options),
        plain
    );
}

#[test]
fn missing_sections_and_bad_indices() {
    let photo = Photo {
        variants: vec![variant("a b")],
        ..Photo::default()
    };
    let analysis = PhotoAnalysis::default();
    let options = DiffOptions::default();
    assert_eq!(
        diff_variants(&photo, &analysis, 0, 5, Section::Caption, options),
        WordDiff::default()
    );
    assert_eq!(
        diff_variants(&photo, &analysis, 0, 0, Section::Article, options),
        WordDiff::default()
    );
    let diff = diff_variants(&photo, &analysis, 0, 0, Section::Caption, options);
    assert_eq!(render(&diff, "a b", "a b"), ["=a b"]);
}
