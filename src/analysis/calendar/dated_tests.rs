#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::test_photos::{Seen, each_alone, photo, seen};
use crate::analysis::{Reuse, ReusePair};

fn found(p: &Photo, witnesses: &Witnesses) -> Vec<(String, Vec<Seen>)> {
    seen(p, find(p, witnesses), FindingKind::Date, Fact::Date)
}

const SAHLMAN: &str = "On April 10, 2019, the Event Horizon Telescope (EHT) collaboration \
                       announced that it had photographed the black hole.";
const REUTERS: &str =
    "The first photo of a black hole is shown in this handout released April 10, 2019.";

#[test]
fn a_release_date_two_others_contradict_is_the_odd_one() {
    let p = photo(&[
        (
            "Space Weekly",
            "In May 2022, the EHT team released the first-ever radio image of M87.",
        ),
        ("Sahlman", SAHLMAN),
        ("Reuters", REUTERS),
    ]);
    assert_eq!(
        found(&p, &each_alone(&p)),
        vec![(
            "Space Weekly dates the release to \"May 2022\"; Sahlman and Reuters date it to \
             \"April 10, 2019\""
                .to_string(),
            vec![
                (0, "May 2022".to_string(), true),
                (1, "April 10, 2019".to_string(), false),
                (2, "April 10, 2019".to_string(), false),
            ]
        )]
    );
}

#[test]
fn dates_in_other_languages_and_precisions_agree() {
    // "abril de 2019" agrees with April 10, 2019; "el 10 de abril" with both.
    let p = photo(&[
        (
            "A",
            "La imagen fue presentada en abril de 2019 por el equipo del EHT.",
        ),
        ("B", "El EHT dio a conocer la imagen el 10 de abril."),
        ("Sahlman", SAHLMAN),
        ("Reuters", REUTERS),
    ]);
    assert_eq!(found(&p, &each_alone(&p)), vec![]);
}

#[test]
fn a_day_apart_is_one_moment_in_two_time_zones() {
    let p = photo(&[
        ("Tokyo", "The photo was taken on July 14, 2024 at a rally."),
        ("B", "The photo was taken July 13, 2024 in Butler."),
        (
            "C",
            "Taken on 13 July 2024, the photo went round the world.",
        ),
    ]);
    assert_eq!(found(&p, &each_alone(&p)), vec![]);
    let p = photo(&[
        ("A", "The photo was taken on July 16, 2024 at a rally."),
        ("B", "The photo was taken July 13, 2024 in Butler."),
        (
            "C",
            "Taken on 13 July 2024, the photo went round the world.",
        ),
    ]);
    assert_eq!(found(&p, &each_alone(&p)).len(), 1);
}

#[test]
fn one_other_witness_or_copies_of_one_text_are_too_few() {
    let two = photo(&[
        (
            "Space Weekly",
            "In May 2022, the EHT team released the first image.",
        ),
        ("Reuters", REUTERS),
    ]);
    assert_eq!(found(&two, &each_alone(&two)), vec![]);
    let p = photo(&[
        (
            "Space Weekly",
            "In May 2022, the EHT team released the first image.",
        ),
        ("Reuters", REUTERS),
        ("Mirror", REUTERS),
    ]);
    let copies = Reuse {
        pairs: vec![ReusePair {
            a: 1,
            b: 2,
            containment_a_in_b: 1.0,
            containment_b_in_a: 1.0,
            shared_runs: Vec::new(),
        }],
        derivations: Vec::new(),
    };
    assert_eq!(found(&p, &Witnesses::new(3, &copies)), vec![]);
    // The odd one need not come first.
    let p = photo(&[
        ("Reuters", REUTERS),
        (
            "Space Weekly",
            "In May 2022, the EHT team released the first image.",
        ),
        ("Sahlman", SAHLMAN),
    ]);
    assert_eq!(found(&p, &each_alone(&p)).len(), 1);
}

#[test]
fn a_text_that_dates_the_taking_twice_contradicts_itself() {
    let p = photo(&[(
        "CSA",
        "The image was produced with data collected in April 2017. Photo taken on April 10, 2019",
    )]);
    assert_eq!(
        found(&p, &each_alone(&p)),
        vec![(
            "CSA dates the taking both to \"April 2017\" and to \"April 10, 2019\"; no other \
             outlet dates it"
                .to_string(),
            vec![
                (0, "April 2017".to_string(), false),
                (0, "April 10, 2019".to_string(), false),
            ]
        )]
    );
}

#[test]
fn a_date_near_no_thing_word_or_past_the_sentence_dates_nothing() {
    let p = photo(&[
        (
            "A",
            "The fight was on May 25, 1965. The photo was taken by Neil Leifer.",
        ),
        ("B", "Photo taken on May 25, 1965 in Lewiston."),
        (
            "C",
            "Leifer took the photo, taken on May 25, 1965, from ringside.",
        ),
    ]);
    assert_eq!(found(&p, &each_alone(&p)), vec![]);
    // "May" the verb, uncapitalised, is no month.
    let p = photo(&[("A", "It may 2019 be taken, or not."), ("B", REUTERS)]);
    assert!(section_dates(p.variants[0].caption.as_str(), tables()).is_empty());
}

#[test]
fn the_nearest_thing_word_decides() {
    let text = "The first photo, taken using eight telescopes, is shown in this handout released April 10, 2019.";
    let dates = section_dates(text, tables());
    assert_eq!(dates.len(), 1);
    let (thing, when, span) = dates[0];
    assert_eq!(tables().things[thing].name, "release");
    assert_eq!(
        when,
        When {
            year: Some(2019),
            month: 4,
            day: Some(10)
        }
    );
    assert_eq!(span.slice(text), "April 10, 2019");
}

#[test]
fn the_events_date_two_others_contradict_is_the_odd_one() {
    let p = photo(&[
        (
            "AJC",
            "Trump at a campaign rally, Saturday, July 13, 2024, in Butler, Pa.",
        ),
        ("UPI", "during a campaign rally in Butler, Pa., on July 13."),
        (
            "Grassroots",
            "Donald Trump during a rally in Butler, Pennsylvania on July 16, 2024.",
        ),
    ]);
    assert_eq!(
        found(&p, &each_alone(&p)),
        vec![(
            "Grassroots dates the rally to \"July 16, 2024\"; AJC and UPI date it to \
             \"July 13, 2024\""
                .to_string(),
            vec![
                (2, "July 16, 2024".to_string(), true),
                (0, "July 13, 2024".to_string(), false),
                (1, "July 13".to_string(), false),
            ]
        )]
    );
}

#[test]
fn a_text_that_tells_of_two_rallies_is_not_compared_nor_contradicts_itself() {
    let p = photo(&[
        (
            "UPI",
            "Trump returned for a rally on October 5. At the rally on July 13 he was grazed.",
        ),
        ("AJC", "Trump at a campaign rally, Saturday, July 13, 2024."),
        ("ABC7", "Trump at a rally on July 13, 2024."),
    ]);
    assert_eq!(found(&p, &each_alone(&p)), vec![]);
    let alone = photo(&[(
        "UPI",
        "Trump returned for a rally on October 5. At the rally on July 13 he was grazed.",
    )]);
    assert_eq!(found(&alone, &each_alone(&alone)), vec![]);
}

#[test]
fn the_news_of_a_day_is_not_the_events_date() {
    // The toll of 10 February, not the quakes of 6 February.
    let p = photo(&[
        (
            "W Radio",
            "Este 10 de febrero, el número de muertos por los terremotos que sacudieron el \
             pasado lunes el sureste de Turquía ascendió a 19.388.",
        ),
        ("TRT", "killed in Türkiye's February 6 earthquake"),
        (
            "IstoÉ",
            "after the devastating earthquake on February 6 in Turkey",
        ),
    ]);
    assert_eq!(found(&p, &each_alone(&p)), vec![]);
}
