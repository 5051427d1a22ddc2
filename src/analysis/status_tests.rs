#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::*;
use crate::analysis::test_photos::{Seen, photo, seen};
use crate::analysis::{Vocabulary, analyze_photo};
use crate::corpus::Published;

/// The status findings of the whole analysis.
fn found(p: &Photo) -> Vec<(String, Vec<Seen>)> {
    let all = analyze_photo(p, &Vocabulary::builtin()).findings;
    let status = all
        .into_iter()
        .filter(|f| f.kind == FindingKind::Status)
        .collect();
    seen(p, status, FindingKind::Status, Fact::Role)
}

const AP: &str = "Republican presidential candidate former President Donald Trump is moved from \
                  the stage at a campaign rally on Saturday, July 13, 2024, in Butler, Pa.";
const ABC: &str = "Shots rang out minutes into the speech and the crowd dropped to the ground as \
                   agents ran to the podium. Republican presidential candidate former President \
                   Donald Trump was hurt in the ear, his campaign said later that evening.";

#[test]
fn a_former_the_others_do_not_give_is_the_odd_one() {
    let p = photo(&[
        (
            "Grassroots",
            "Agents escort former Republican presidential candidate Donald Trump onstage.",
        ),
        ("AJC", AP),
        ("ABC7", ABC),
    ]);
    assert_eq!(
        found(&p),
        vec![(
            "Grassroots writes \"former Republican presidential candidate\" before Donald Trump \
             (former); AJC and ABC7 write \"Republican presidential candidate\" without \"former\""
                .to_string(),
            vec![
                (
                    0,
                    "former Republican presidential candidate".to_string(),
                    true
                ),
                (1, "Republican presidential candidate".to_string(), false),
                (2, "Republican presidential candidate".to_string(), false),
            ]
        )]
    );
}

#[test]
fn a_dropped_former_is_the_odd_one_too_in_other_languages() {
    let p = photo(&[
        (
            "A",
            "Après les tirs à Butler, le président Donald Trump lève le poing.",
        ),
        (
            "B",
            "L’ancien président Donald Trump a été blessé à l’oreille, selon son équipe.",
        ),
        (
            "C",
            "Du sang sur le visage : des agents évacuent l'ancien président Donald Trump.",
        ),
    ]);
    let f = found(&p);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1[0], (0, "président".to_string(), true));
    assert!(f[0].0.contains("(not former)"), "{}", f[0].0);
    // An inflected title ("Präsidenten") is another title: one other witness is too few.
    let p = photo(&[
        (
            "A",
            "Nach den Schüssen in Butler ballt Präsident Donald Trump die Faust.",
        ),
        (
            "B",
            "Der ehemalige Präsident Donald Trump wurde am Ohr verletzt, sagte sein Sprecher.",
        ),
        (
            "C",
            "Blut im Gesicht: Sicherheitsleute bringen den ehemaligen Präsidenten Donald Trump weg.",
        ),
    ]);
    assert_eq!(found(&p), vec![]);
}

#[test]
fn agreeing_outlets_too_few_others_or_another_person_give_nothing() {
    let p = photo(&[
        ("A", "Former President Donald Trump raises his fist."),
        ("B", "Former President Donald Trump is rushed off stage."),
        ("C", "former president Donald Trump waves."),
    ]);
    assert_eq!(found(&p), vec![]);
    let p = photo(&[
        ("A", "Former President Donald Trump waves."),
        ("B", "President Donald Trump waves."),
    ]);
    assert_eq!(found(&p), vec![]);
    // The "former" before Trump does not reach Joe Biden.
    let p = photo(&[
        (
            "A",
            "Former President Donald Trump and President Joe Biden debate.",
        ),
        ("B", "President Joe Biden speaks."),
        ("C", "President Joe Biden waves."),
    ]);
    assert_eq!(found(&p), vec![]);
    // A comma ends the titles.
    let p = photo(&[
        ("A", "The former champion, Sonny Liston lies on the canvas."),
        ("B", "Champion Sonny Liston lies on the canvas."),
        ("C", "Champion Sonny Liston is down."),
    ]);
    assert_eq!(found(&p), vec![]);
}

#[test]
fn outlets_years_apart_describe_other_times() {
    let mut p = photo(&[
        (
            "Archive",
            "Fifty years ago today, former heavyweight champion Sonny Liston lay on the canvas.",
        ),
        (
            "B",
            "In Maine, heavyweight champion Sonny Liston went down in the first round.",
        ),
        (
            "C",
            "Ali stands over him and shouts. Heavyweight champion Sonny Liston is down after a minute.",
        ),
    ]);
    assert_eq!(found(&p).len(), 1);
    let on = |d: &str| Published {
        raw: d.to_string(),
        date: NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
        time: None,
    };
    p.variants[0].source.published = Some(on("2015-05-25"));
    p.variants[1].source.published = Some(on("1965-05-26"));
    p.variants[2].source.published = Some(on("1965-05-27"));
    assert_eq!(found(&p), vec![]);
}
