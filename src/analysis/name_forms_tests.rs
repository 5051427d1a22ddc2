//! Exact name forms of small photos, through the real analysis.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::test_photos::photo;
use crate::analysis::{Span, Vocabulary, analyze_photo};
use crate::corpus::{ReferenceFacts, ReferencePerson, Section};

/// (form, variants, mentions, misspelt) of one person's forms.
type Row = (String, Vec<usize>, usize, bool);

/// (person's name, forms) for every person of a photo.
fn rows(photo: &Photo) -> Vec<(String, Vec<Row>)> {
    let analysis = analyze_photo(photo, &Vocabulary::builtin());
    name_forms(photo, &analysis)
        .into_iter()
        .map(|p| {
            let name = analysis.people[p.person.0].name.clone();
            let forms = p
                .forms
                .into_iter()
                .map(|f| (f.text, f.variants, f.mentions, f.misspelt.is_some()))
                .collect();
            (name, forms)
        })
        .collect()
}

fn row(text: &str, variants: &[usize], mentions: usize, misspelt: bool) -> Row {
    (text.to_owned(), variants.to_vec(), mentions, misspelt)
}

const BOLT_A: &str = "Usain Bolt of Jamaica grins at the others in the semi-final.";
const BOLT_B: &str = "Usain Bolt of Jamaica grins as he wins the heat. Bolt smiles.";
const BOLD_C: &str = "Usain  Bold of Jamaica grins at the camera in the semi-final.";

#[test]
fn each_printed_spelling_with_its_variants_and_the_misspelt_one_flagged() {
    let photo = photo(&[("A", BOLT_A), ("B", BOLT_B), ("C", BOLD_C)]);
    assert_eq!(
        rows(&photo),
        vec![(
            "Usain Bolt".to_owned(),
            vec![
                row("Usain Bolt", &[0, 1], 2, false),
                row("Bolt", &[1], 1, false),
                // Two spaces in the caption, one in the form.
                row("Usain Bold", &[2], 1, true),
            ]
        )]
    );
}

#[test]
fn a_misspelt_form_points_at_its_finding_and_its_first_place() {
    let photo = photo(&[("A", BOLT_A), ("B", BOLT_B), ("C", BOLD_C)]);
    let analysis = analyze_photo(&photo, &Vocabulary::builtin());
    let forms = name_forms(&photo, &analysis);
    let bold = forms[0]
        .forms
        .iter()
        .find(|f| f.text == "Usain Bold")
        .unwrap();
    let finding = &analysis.findings[bold.misspelt.unwrap()];
    assert_eq!(finding.kind, FindingKind::MisspeltName);
    assert_eq!(
        finding.summary,
        "C writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart)"
    );
    assert_eq!(
        bold.first,
        Location {
            variant: 2,
            section: Section::Caption,
            span: Span::new(0, 11)
        }
    );
    assert_eq!(bold.outlets(&photo), vec!["C"]);
    let bolt = &forms[0].forms[0];
    assert_eq!(bolt.outlets(&photo), vec!["A", "B"]);
    assert_eq!((bolt.first.variant, bolt.first.span), (0, Span::new(0, 10)));
}

#[test]
fn the_most_printed_form_comes_first_whatever_the_preferred_name() {
    let photo = photo(&[
        ("A", "Lim Jong-hoon of South Korea takes a selfie."),
        ("B", "Lim Jonghoon of South Korea takes a selfie."),
        ("C", "Lim Jonghoon of South Korea takes a selfie."),
    ]);
    let mut photo = photo;
    photo.reference = Some(ReferenceFacts {
        people: vec![
            ReferencePerson {
                name: "Lim Jong-hoon".into(),
                aliases: vec!["Lim Jonghoon".into()],
                country: Some("South Korea".into()),
                medal: None,
            },
            ReferencePerson {
                name: "Shin Yu-bin".into(),
                aliases: Vec::new(),
                country: Some("South Korea".into()),
                medal: None,
            },
        ],
        ..ReferenceFacts::default()
    });
    assert_eq!(
        rows(&photo),
        vec![
            (
                "Lim Jong-hoon".to_owned(),
                vec![
                    row("Lim Jonghoon", &[1, 2], 2, false),
                    row("Lim Jong-hoon", &[0], 1, false),
                ]
            ),
            // Named only by the reference: no printed form.
            ("Shin Yu-bin".to_owned(), vec![]),
        ]
    );
}

#[test]
fn a_photo_without_people_has_no_forms() {
    let photo = photo(&[("A", "A selfie on the podium."), ("B", "")]);
    assert_eq!(rows(&photo), vec![]);
    assert_eq!(
        name_forms(&Photo::default(), &PhotoAnalysis::default()),
        vec![]
    );
}
