use super::*;

fn one(text: &str) -> Option<ClockTime> {
    let times = read(text, tables());
    assert!(times.len() <= 1, "{text}: {times:?}");
    times.into_iter().next()
}

/// (minutes after midnight, half-day, zone) read from `text`, with the words.
fn time(text: &str) -> (String, u32, bool, Zone) {
    let t = one(text).unwrap_or_else(|| panic!("no time in {text:?}"));
    (
        t.span.slice(text).to_string(),
        t.minutes,
        t.half_day,
        t.zone,
    )
}

#[test]
fn the_forms_times_are_written_in() {
    use Zone::*;
    let cases = [
        (
            "Als er sich um 18:08 Uhr umdreht",
            ("18:08 Uhr", 18 * 60 + 8, false, Unknown),
        ),
        (
            "6:11 p.m. Gunfire erupts",
            ("6:11 p.m.", 18 * 60 + 11, false, Unknown),
        ),
        (
            "shots at 6:11pm EDT",
            ("6:11pm EDT", 18 * 60 + 11, false, Offset(-240)),
        ),
        (
            "at 6:11:32 p.m. shots fired",
            ("6:11:32 p.m.", 18 * 60 + 11, false, Unknown),
        ),
        (
            "(8.00 p.m. en Perú)",
            ("8.00 p.m.", 20 * 60, false, Unknown),
        ),
        (
            "at 04:17 local time on",
            ("04:17 local time", 4 * 60 + 17, false, Local),
        ),
        (
            "Le séisme, à 4h17 heure locale",
            ("4h17 heure locale", 4 * 60 + 17, false, Local),
        ),
        (
            "22:17 GMT+3",
            ("22:17 GMT+3", 22 * 60 + 17, false, Offset(180)),
        ),
        (
            "Deprem saat 04.17'de",
            ("04.17", 4 * 60 + 17, false, Unknown),
        ),
        (
            "a las 6:11 de la tarde",
            ("6:11", 6 * 60 + 11, true, Unknown),
        ),
        (
            "7 p. m. y 6:11 p. m. (hora local)",
            ("6:11 p. m. (hora local)", 18 * 60 + 11, false, Local),
        ),
        (
            "午後6時11分ごろ",
            ("午後6時11分", 18 * 60 + 11, false, Unknown),
        ),
        (
            "오후 6시 11분에 총성이",
            ("오후 6시 11분", 18 * 60 + 11, false, Unknown),
        ),
        ("下午6点11分", ("下午6点11分", 18 * 60 + 11, false, Unknown)),
        (
            "um 18.08 Uhr MESZ",
            ("18.08 Uhr MESZ", 18 * 60 + 8, false, Offset(120)),
        ),
    ];
    for (text, (words, minutes, half_day, zone)) in cases {
        assert_eq!(
            time(text),
            (words.to_string(), minutes, half_day, zone),
            "{text}"
        );
    }
}

#[test]
fn numbers_that_are_not_times() {
    for text in [
        "Bolt ran 9.81 seconds",
        "clocked at 9.58 seconds",
        "a score of 2:1",
        "on 18.08.2024 in Berlin",
        "6.5 billion suns",
        "the 100m in 9.80",
        "at 18 Uhr",
        "version 1:44.5",
        "rated 12:345",
    ] {
        assert_eq!(one(text), None, "{text}");
    }
}

#[test]
fn approximate_times_are_marked() {
    for text in [
        "kurz nach 18:00 Uhr",
        "just after 6:00 p.m. local time",
        "at about 6:11 p.m.",
        "saat 04.17 civarında",
        "午後6時11分頃",
    ] {
        assert!(one(text).is_some_and(|t| t.approximate), "{text}");
    }
    assert!(one("at 6:11 p.m.").is_some_and(|t| !t.approximate));
}

fn at(minutes: u32, half_day: bool, zone: Zone) -> ClockTime {
    ClockTime {
        span: crate::analysis::Span::new(0, 0),
        minutes,
        half_day,
        zone,
        approximate: false,
        stamp: false,
    }
}

#[test]
fn times_agree_within_a_minute_and_across_unknown_zones() {
    use Zone::*;
    let t = tables();
    // 18:08 and 18:11: three minutes apart, whatever the zones.
    assert!(!agree(
        &at(1088, false, Unknown),
        &at(1091, false, Unknown),
        t
    ));
    assert!(!agree(&at(1088, false, Local), &at(1091, false, Local), t));
    // A rounded second.
    assert!(agree(
        &at(1091, false, Unknown),
        &at(1092, false, Unknown),
        t
    ));
    // 04:17 local and 22:17 in Brasília: one instant in two zones.
    assert!(agree(
        &at(257, false, Local),
        &at(1337, false, Offset(-180)),
        t
    ));
    // Both zones known: an hour apart is an hour apart.
    assert!(!agree(
        &at(1091, false, Offset(-240)),
        &at(1151, false, Offset(-240)),
        t
    ));
    // 22:11 UTC is 18:11 EDT.
    assert!(agree(
        &at(1331, false, Offset(0)),
        &at(1091, false, Offset(-240)),
        t
    ));
    // "6:11" without am/pm is 18:11 too.
    assert!(agree(&at(371, true, Local), &at(1091, false, Local), t));
}

fn found(p: &Photo) -> Vec<(String, Vec<crate::analysis::test_photos::Seen>)> {
    use crate::analysis::test_photos::{each_alone, seen};
    let vocabulary = crate::analysis::Vocabulary::builtin();
    let sections = SectionText::all_of(p, &vocabulary);
    seen(
        p,
        find(p, &sections, &each_alone(p)),
        FindingKind::Time,
        Fact::Time,
    )
}

#[test]
fn two_outlets_that_disagree_on_the_minute_are_both_marked() {
    let p = crate::analysis::test_photos::photo(&[
        ("ABC7", "6:11 p.m. Gunfire erupts"),
        (
            "Perspective",
            "Als er sich um 18:08 Uhr umdreht, ertönen plötzlich Schüsse.",
        ),
    ]);
    assert_eq!(
        found(&p),
        vec![(
            "The outlets give different times for the shots: ABC7 18:11 (\"6:11 p.m. Gunfire\") \
             and Perspective 18:08 (\"18:08 Uhr umdreht, ertönen plötzlich Schüsse\")"
                .to_string(),
            vec![
                (0, "6:11 p.m. Gunfire".to_string(), false),
                (
                    1,
                    "18:08 Uhr umdreht, ertönen plötzlich Schüsse".to_string(),
                    false
                ),
            ]
        )]
    );
}

#[test]
fn the_odd_time_against_two_that_agree() {
    let p = crate::analysis::test_photos::photo(&[
        ("A", "The earthquake struck at 04:17 local time."),
        ("B", "The quake hit at 4:17 a.m. local time on Monday."),
        ("C", "The earthquake struck at 04:47 local time."),
    ]);
    assert_eq!(
        found(&p),
        vec![(
            "C gives 04:47 local time (\"earthquake struck at 04:47 local time\") for the \
             earthquake; A and B give 04:17 local time"
                .to_string(),
            vec![
                (2, "earthquake struck at 04:47 local time".to_string(), true),
                (
                    0,
                    "earthquake struck at 04:17 local time".to_string(),
                    false
                ),
                (1, "quake hit at 4:17 a.m. local time".to_string(), false),
            ]
        )]
    );
}

#[test]
fn zones_approximations_and_other_happenings_say_nothing() {
    for captions in [
        // One instant in two zones.
        [
            ("A", "When the earthquake hit, at 04:17 local time"),
            ("B", "The quake struck at 01:17 GMT."),
        ],
        // Approximate.
        [
            ("A", "Shots rang out at about 6:05 p.m."),
            ("B", "Shots rang out at 6:11 p.m."),
        ],
        // A second quake, timed by another outlet.
        [
            ("A", "The earthquake struck at 04:17 local time."),
            ("B", "A second earthquake struck at 13:24 local time."),
        ],
        // One text timing two quakes: which one the other times is unknown.
        [
            (
                "A",
                "The quake hit at 04:17 local time. The quake at 13:24 local time was felt in Cairo.",
            ),
            ("B", "The earthquake struck at 13:24 local time."),
        ],
        // A live blog's stamps.
        [
            (
                "A",
                "7:32 p.m.: Secret Service says shots were fired at the rally",
            ),
            ("B", "Shots rang out at 6:11 p.m."),
        ],
        [
            ("A", "Updated 7:32 p.m. ET. Shots were fired at the rally"),
            ("B", "Shots rang out at 6:11 p.m."),
        ],
        // Different happenings.
        [
            ("A", "Trump took the stage at 6:02 p.m."),
            ("B", "Shots rang out at 6:11 p.m."),
        ],
    ] {
        let p = crate::analysis::test_photos::photo(&captions);
        assert_eq!(found(&p), vec![], "{captions:?}");
    }
}
