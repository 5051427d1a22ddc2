#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::analyze_photo;
use crate::analysis::test_photos::{Seen, variant};
use crate::corpus::{Photo, Text, Variant};

fn with(outlet: &str, credit: Option<&str>, caption: &str, article: Option<&str>) -> Variant {
    let mut v = variant(outlet, caption);
    v.source.credit = credit.map(str::to_string);
    v.article = article.map(Text::new);
    v
}

/// Each credit finding's summary and marks; a credit line's mark has no
/// span in a text (the line is the source's), so only its words are kept.
fn found(variants: Vec<Variant>) -> Vec<(String, Vec<Seen>)> {
    let photo = Photo {
        variants,
        ..Photo::default()
    };
    let vocab = Vocabulary::builtin();
    analyze_photo(&photo, &vocab)
        .findings
        .into_iter()
        .filter(|f| f.kind == FindingKind::Credit)
        .map(|f| {
            let marks = f.marks.into_iter().map(|m| (m.variant, m.quote, m.odd));
            (f.summary, marks.collect())
        })
        .collect()
}

fn folder(cyber_credit: &str) -> Vec<Variant> {
    vec![
        with(
            "Cyber",
            Some(cyber_credit),
            "[no caption]",
            Some(
                "It is the iconic color photograph taken by Hall of Fame inductee Neil Leifer, of Ali standing over Liston.",
            ),
        ),
        with(
            "Sixties",
            Some("-- Photo by Neil Leifer, Sports Illustrated"),
            "Ali stands over a fallen Liston in Lewiston, Maine.",
            None,
        ),
        with(
            "Central",
            None,
            "Ali knocks out Liston in a rematch at the youth centre.",
            Some(
                "Leifer and Associated Press photographer John Rooney, who had a similar shot, came away with the best images.",
            ),
        ),
        with(
            "Bouffant",
            Some("John Rooney/AP"),
            "The famous black and white frame of the knockout in 1965.",
            None,
        ),
    ]
}

#[test]
fn a_page_crediting_an_agency_the_folder_never_gives_its_own_photographer() {
    assert_eq!(
        found(folder("(c)1965 Associated Press")),
        vec![(
            "Cyber credits the picture to Associated Press, but its own text says Neil Leifer took it; Sixties credits Neil Leifer to Sports Illustrated, and the folder's Associated Press photographer is John Rooney".to_string(),
            vec![
                (0, "(c)1965 Associated Press".to_string(), true),
                (0, "Neil Leifer".to_string(), false),
                (1, "-- Photo by Neil Leifer, Sports Illustrated".to_string(), false),
            ]
        )]
    );
}

#[test]
fn a_credit_the_folder_agrees_with_or_cannot_judge_is_no_finding() {
    // Sports Illustrated's own credit.
    assert!(found(folder("Neil Leifer/Sports Illustrated")).is_empty());
    // A different photographer's agency, with no "taken by" in the text:
    // another frame of the moment.
    let mut other_frame = folder("(c)1965 Associated Press");
    other_frame[0].article = Some(Text::new("The fight lasted less than two minutes."));
    assert!(found(other_frame).is_empty());
}

#[test]
fn a_line_crediting_a_photographer_to_another_agency() {
    let photo = vec![
        with(
            "One",
            Some("Evan Vucci/Reuters"),
            "Trump raises his fist in Butler.",
            None,
        ),
        with(
            "Two",
            Some("AP Photo/Evan Vucci"),
            "A fist raised at the rally stage.",
            None,
        ),
        with(
            "Three",
            Some("EVAN VUCCI / AP"),
            "Secret Service agents surround him.",
            None,
        ),
    ];
    assert_eq!(
        found(photo),
        vec![(
            "One credits Evan Vucci to Reuters; Two and Three credit Evan Vucci to Associated Press".to_string(),
            vec![
                (0, "Evan Vucci/Reuters".to_string(), true),
                (1, "AP Photo/Evan Vucci".to_string(), false),
                (2, "EVAN VUCCI / AP".to_string(), false),
            ]
        )]
    );
}

#[test]
fn a_distributor_carries_its_agencies_pictures() {
    let photo = vec![
        with(
            "One",
            Some("Adem Altan/Getty Images"),
            "Rescuers work in Kahramanmaras.",
            None,
        ),
        with(
            "Two",
            Some("ADEM ALTAN / AFP"),
            "A father holds his daughter's hand.",
            None,
        ),
    ];
    assert!(found(photo).is_empty());
}

#[test]
fn afp_via_getty_is_one_credit_on_a_page_and_its_text() {
    // The reproduction of issue 15's "via" bug: the page's caption and its
    // credit line both credit AFP, distributed by Getty Images.
    let photo = vec![
        with(
            "One",
            Some("AFP via Getty Images"),
            "Mesut Hancer holds the hand of his daughter. (Photo by Adem Altan/AFP via Getty Images)",
            None,
        ),
        with(
            "Two",
            Some("ADEM ALTAN / AFP"),
            "A father in the rubble of Kahramanmaras.",
            None,
        ),
        with(
            "Three",
            Some("Adem Altan/AFP"),
            "Hancer sits beside the collapsed building.",
            None,
        ),
    ];
    assert_eq!(found(photo), vec![]);
}
