use super::*;
use crate::analysis::test_photos::{Seen, each_alone, photo, seen};

fn found(p: &Photo) -> Vec<(String, Vec<Seen>)> {
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(p, &vocabulary);
    seen(
        p,
        find(p, &sections, &[], &vocabulary, &each_alone(p)),
        FindingKind::Region,
        Fact::Place,
    )
}

/// The (town, region) pairs a caption writes.
fn placed(caption: &str) -> Vec<(String, String)> {
    let p = photo(&[("A", caption)]);
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(&p, &vocabulary);
    sections
        .iter()
        .flat_map(|s| placed_in(s, &[], &vocabulary, tables()))
        .map(|p| (p.town, p.region.name().to_string()))
        .collect()
}

fn pair(town: &str, region: &str) -> Vec<(String, String)> {
    vec![(town.to_string(), region.to_string())]
}

#[test]
fn the_forms_a_town_is_placed_in() {
    let cases = [
        (
            "a rally in Butler, Pennsylvania on July 13",
            ("butler", "Pennsylvania"),
        ),
        (
            "a rally in Butler, Pa., on July 13",
            ("butler", "Pennsylvania"),
        ),
        ("BUTLER, Pa. (AP) — Shots", ("butler", "Pennsylvania")),
        ("BUTLER, PA — Shots", ("butler", "Pennsylvania")),
        ("in Lewiston (Maine), 25 de mayo", ("lewiston", "Maine")),
        (
            "in Washington, D.C. on Monday",
            ("washington", "District of Columbia"),
        ),
        ("en Kahramanmaraş, Turquía.", ("kahramanmaras", "Türkiye")),
        ("in Kahramanmaras, Turkey, on", ("kahramanmaras", "Türkiye")),
        ("in Rio de Janeiro, Brazil.", ("rio de janeiro", "Brazil")),
    ];
    for (text, (town, region)) in cases {
        assert_eq!(placed(text), pair(town, region), "{text}");
    }
}

#[test]
fn phrases_that_place_no_town() {
    for text in [
        "Usain Bolt, Jamaican sprinter, grins",
        "in Butler, Pennsylvania Governor Josh Shapiro said",
        "the fans of Ohio, Pennsylvania and Texas",
        "in Pennsylvania, USA",
        "he said, France would",
    ] {
        assert_eq!(placed(text), vec![], "{text}");
    }
}

#[test]
fn a_town_in_another_state_against_two_is_the_odd_one() {
    let p = photo(&[
        ("AJC", "at a campaign rally in Butler, Pa., on Saturday."),
        (
            "UPI",
            "during a campaign rally in Butler, Ohio, on July 13.",
        ),
        (
            "Grassroots",
            "during a rally in Butler, Pennsylvania on July 13, 2024.",
        ),
    ]);
    assert_eq!(
        found(&p),
        vec![(
            "UPI places Butler in Ohio (\"Butler, Ohio\"); AJC and Grassroots place it in \
             Pennsylvania (\"Butler, Pa.\")"
                .to_string(),
            vec![
                (1, "Butler, Ohio".to_string(), true),
                (0, "Butler, Pa.".to_string(), false),
                (2, "Butler, Pennsylvania".to_string(), false),
            ]
        )]
    );
}

#[test]
fn a_state_and_its_country_agree_and_two_towns_of_one_name_are_not_compared() {
    for captions in [
        [
            ("A", "in Butler, Pennsylvania on Saturday"),
            ("B", "in Butler, United States, on Saturday"),
        ],
        [
            ("A", "from Springfield, Ohio, to Springfield, Illinois."),
            ("B", "in Springfield, Illinois."),
        ],
        [
            ("A", "in Lewiston, Maine."),
            ("B", "en Lewiston, Maine, el 25 de mayo"),
        ],
    ] {
        let p = photo(&captions);
        assert_eq!(found(&p), vec![], "{captions:?}");
    }
    // Georgia the state and Georgia the country are one name.
    let p = photo(&[
        ("A", "in Tbilisi, Georgia."),
        ("B", "à Tbilisi, Géorgie."),
        ("C", "in Tbilisi, Georgia, on Monday"),
    ]);
    assert_eq!(found(&p), vec![]);
}

#[test]
fn two_alone_that_disagree_are_undecided() {
    let p = photo(&[
        ("A", "The quake hit Kahramanmaras, Turkey."),
        ("B", "The quake hit Kahramanmaras, Syria."),
    ]);
    let got = found(&p);
    assert_eq!(got.len(), 1);
    assert!(got[0].1.iter().all(|(_, _, odd)| !odd), "{got:?}");
}
