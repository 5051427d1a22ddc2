#![allow(clippy::unwrap_used)]

use crate::analysis::findings::FindingKind;
use crate::analysis::test_photos::photo;
use crate::analysis::{Vocabulary, analyze_photo};
use crate::corpus::Photo;

/// (summary, odd quote) of every age finding of a photo.
fn ages_of(p: &Photo) -> Vec<(String, String)> {
    let analysis = analyze_photo(p, &Vocabulary::builtin());
    analysis
        .findings
        .iter()
        .filter(|f| f.key.starts_with("age/"))
        .map(|f| {
            assert_eq!(f.kind, FindingKind::Quantity);
            (f.summary.clone(), f.flagged().next().unwrap().quote.clone())
        })
        .collect()
}

fn ages(captions: &[(&str, &str)]) -> Vec<(String, String)> {
    ages_of(&photo(captions))
}

#[test]
fn an_age_one_outlet_changes_is_a_finding_in_any_of_the_forms() {
    let found = ages(&[
        (
            "A",
            "Mesut Hancer holds the hand of his 15-year-old daughter Irmak in Kahramanmaras.",
        ),
        (
            "B",
            "Mesut Hancer sostiene la mano de su hija Irmak, de 15 años, en Kahramanmaras.",
        ),
        (
            "C",
            "The photo in which Mesut Hançer (49) held the hand of his daughter Irmak (15) went around the world.",
        ),
        (
            "D",
            "Mesut Hancer held the hand of his 17 years old daughter Irmak in the rubble.",
        ),
    ]);
    assert_eq!(
        found,
        vec![(
            "D gives Irmak's age as 17 (\"17 years old\"); A, B and C give 15".to_string(),
            "17 years old".to_string()
        )]
    );
}

#[test]
fn the_age_goes_to_the_name_after_it_or_the_one_before() {
    let found = ages(&[
        (
            "A",
            "Leifer snapped the 23-year-old Ali standing over 34-year-old Sonny Liston.",
        ),
        (
            "B",
            "Neil Leifer, a 22-year-old freelance photographer, caught Ali, 23, over Liston.",
        ),
        (
            "C",
            "Der 23-jährige Ali stand über Liston; Leifer was just 22 years old.",
        ),
        (
            "D",
            "Photographer Neil Leifer, 24, caught Ali over Liston at the Youth Center.",
        ),
        ("E", "Ali stood over Liston. Leifer was 22 years old then."),
    ]);
    assert_eq!(
        found,
        vec![(
            "D gives Neil Leifer's age as 24 (\"24\"); B, C and E give 22".to_string(),
            "24".to_string()
        )]
    );
}

#[test]
fn spans_of_time_ages_of_today_and_ties_are_not_compared() {
    // "hace 15 años" and "il y a 15 ans" are spans of time; "now 82" is
    // the age on the day of the page.
    assert_eq!(
        ages(&[
            ("A", "Neil Leifer, 22, photographed Ali over Liston."),
            ("B", "The 22-year-old Neil Leifer photographed Ali."),
            ("C", "Neil Leifer, now 82, photographed Ali over Liston."),
            ("D", "Neil Leifer tomó la foto hace 60 años en Lewiston."),
            ("E", "Neil Leifer a pris la photo il y a 60 ans à Lewiston."),
        ]),
        vec![]
    );
    // One against one: nobody can say which is right.
    assert_eq!(
        ages(&[
            ("A", "Neil Leifer, 22, photographed Ali over Liston."),
            ("B", "The 24-year-old Neil Leifer photographed Ali."),
        ]),
        vec![]
    );
    // Numbers that are no age: a time, a date.
    assert_eq!(
        ages(&[
            (
                "A",
                "Usain Bolt, 9.81, won; Justin Gatlin was second on August 14, 2016."
            ),
            (
                "B",
                "Usain Bolt, 9.81, won; Justin Gatlin was second on August 14, 2016."
            ),
            (
                "C",
                "Usain Bolt, 9.83, won; Justin Gatlin was second on August 16, 2016."
            ),
        ]),
        vec![]
    );
}

#[test]
fn a_page_years_later_that_gives_the_age_of_its_day_is_not_a_finding() {
    let mut p = photo(&[
        ("A", "The 22-year-old Neil Leifer photographed Ali in 1965."),
        (
            "B",
            "Neil Leifer, 22, photographed Ali over Liston in 1965.",
        ),
        (
            "C",
            "Neil Leifer, 82, recalls photographing Ali over Liston.",
        ),
    ]);
    let date = |y: i32| crate::corpus::Published {
        raw: y.to_string(),
        date: chrono::NaiveDate::from_ymd_opt(y, 5, 26).unwrap(),
        time: None,
    };
    p.variants[0].source.published = Some(date(1965));
    p.variants[1].source.published = Some(date(1965));
    p.variants[2].source.published = Some(date(2025));
    assert_eq!(ages_of(&p), vec![]);
    // The others undated: the year they print explains it.
    p.variants[0].source.published = None;
    p.variants[1].source.published = None;
    assert_eq!(ages_of(&p), vec![]);
    // Undated itself, 82 may be the age of its own day.
    p.variants[2].source.published = None;
    assert_eq!(ages_of(&p), vec![]);
    // Published the same year, 82 is a wrong age.
    p.variants[2].source.published = Some(date(1965));
    assert_eq!(ages_of(&p).len(), 1);
}
