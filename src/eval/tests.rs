#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::{
    ConflictSeverity, Fact, Finding, FindingKind, Location, Mark, PhotoAnalysis, Span,
};
use crate::corpus::{Photo, Section, Source, Text, Variant};

fn variant(file: &str, caption: &str) -> Variant {
    Variant {
        id: format!("bolt/{file}"),
        source: Source {
            outlet: file.trim_end_matches(".txt").to_string(),
            file: format!("bolt/{file}").into(),
            credit: Some("Cameron Spencer/Getty Images".into()),
            ..Source::default()
        },
        caption: Text::new(caption),
        ..Variant::default()
    }
}

fn photo() -> Photo {
    Photo {
        id: "bolt".into(),
        variants: vec![
            variant("stern.txt", "Usain Bold grins in the semi-final."),
            variant("cnn.txt", "Usain Bolt grins in the semi-final."),
        ],
        ..Photo::default()
    }
}

/// A finding flagging `words` of variant `v`'s caption.
fn finding(photo: &Photo, fact: Fact, v: usize, words: &str) -> Finding {
    let text = photo.variants[v].caption.as_str();
    let start = text.find(words).unwrap();
    Finding {
        details: Vec::new(),
        kind: FindingKind::MisspeltName,
        fact,
        severity: ConflictSeverity::High,
        key: format!("{v}/{words}"),
        summary: format!("{v} writes {words}"),
        marks: vec![Mark {
            variant: v,
            location: Some(Location {
                variant: v,
                section: Section::Caption,
                span: Span::new(start, start + words.len()),
            }),
            quote: words.to_string(),
            odd: true,
        }],
        conflict: None,
    }
}

fn labels() -> Expected {
    Expected::parse(
        r#"
[[error]]
file = "stern.txt"
kind = "name"
words = "Usain Bold"
right = "Usain Bolt"

[[not_error]]
files = ["stern.txt", "cnn.txt"]
kind = "event"
words = ["semi-final"]
"#,
    )
    .unwrap()
}

fn measure(findings: Vec<Finding>) -> PhotoEvaluation {
    let photo = photo();
    let analysis = PhotoAnalysis {
        findings,
        ..PhotoAnalysis::default()
    };
    evaluate_photo(&photo, &analysis, &labels())
}

#[test]
fn a_finding_on_the_words_of_the_right_file_and_kind_finds_the_error() {
    let photo = photo();
    let result = measure(vec![finding(&photo, Fact::Name, 0, "Bold")]);
    assert_eq!(
        result.totals,
        Totals {
            found: 1,
            expected: 1,
            unexpected: 0,
            false_findings: 0,
            findings: 1
        }
    );
    assert_eq!(result.found[0].by, vec!["0 writes Bold"]);
    assert!(result.label_problems.is_empty());
}

#[test]
fn another_file_kind_or_span_does_not_count() {
    let photo = photo();
    let other_file = finding(&photo, Fact::Name, 1, "Bolt");
    let other_kind = finding(&photo, Fact::Credit, 0, "Bold");
    let other_span = finding(&photo, Fact::Name, 0, "grins");
    let result = measure(vec![other_file, other_kind, other_span]);
    assert_eq!(result.totals.found, 0);
    assert_eq!(result.totals.unexpected, 3);
    assert_eq!(result.missed.len(), 1);
    assert_eq!(result.missed[0].words, "Usain Bold");
}

#[test]
fn a_finding_on_a_not_error_is_false() {
    let photo = photo();
    let result = measure(vec![finding(&photo, Fact::Event, 1, "semi-final")]);
    assert_eq!(result.totals.false_findings, 1);
    assert_eq!(result.false_findings[0].hit.as_deref(), Some("semi-final"));
    assert_eq!(
        result.false_findings[0].flagged,
        vec!["cnn.txt: semi-final"]
    );
}

#[test]
fn an_undecided_finding_flags_every_side_and_a_decided_one_only_the_odd() {
    let photo = photo();
    let mut both = finding(&photo, Fact::Name, 1, "Bolt");
    let mut bold = finding(&photo, Fact::Name, 0, "Bold").marks;
    both.marks.append(&mut bold);
    for m in &mut both.marks {
        m.odd = false;
    }
    assert_eq!(measure(vec![both.clone()]).totals.found, 1);
    // Calling cnn's "Bolt" the odd one finds nothing.
    both.marks[0].odd = true;
    assert_eq!(measure(vec![both]).totals.found, 0);
}

#[test]
fn labels_that_cannot_be_placed_are_named() {
    let photo = photo();
    let expected = Expected::parse(
        "[[error]]\nfile = \"gone.txt\"\nkind = \"name\"\nwords = \"x\"\n\n[[error]]\nfile = \"cnn.txt\"\nkind = \"name\"\nwords = \"Bolz\"\n",
    )
    .unwrap();
    let result = evaluate_photo(&photo, &PhotoAnalysis::default(), &expected);
    assert_eq!(
        result.label_problems,
        vec![
            "error in gone.txt: no such caption file",
            "error in cnn.txt: \"Bolz\" is not printed there"
        ]
    );
    assert_eq!(result.totals.expected, 2);
}

#[test]
fn a_credit_line_mark_covers_words_printed_in_the_credit() {
    let photo = photo();
    let expected = Expected::parse(
        "[[error]]\nfile = \"cnn.txt\"\nkind = \"credit\"\nwords = \"Getty Images\"\n",
    )
    .unwrap();
    let credit = Finding {
        details: Vec::new(),
        marks: vec![Mark {
            variant: 1,
            location: None,
            quote: "Cameron Spencer/Getty Images".into(),
            odd: true,
        }],
        ..finding(&photo, Fact::Credit, 1, "Bolt")
    };
    let result = evaluate_photo(
        &photo,
        &PhotoAnalysis {
            findings: vec![credit],
            ..PhotoAnalysis::default()
        },
        &expected,
    );
    assert_eq!(result.totals.found, 1);
}

#[test]
fn an_error_printed_in_two_places_is_found_at_either() {
    let photo = photo();
    let expected = Expected::parse(
        "[[error]]\nfile = \"stern.txt\"\nkind = \"name\"\nwords = \"Usain Bold\"\nalso = [\"semi-final\"]\n",
    )
    .unwrap();
    let analysis = PhotoAnalysis {
        findings: vec![finding(&photo, Fact::Name, 0, "semi-final")],
        ..PhotoAnalysis::default()
    };
    let result = evaluate_photo(&photo, &analysis, &expected);
    assert_eq!((result.totals.found, result.totals.expected), (1, 1));
}
