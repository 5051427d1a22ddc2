#![allow(clippy::unwrap_used)]

use super::*;
use crate::corpus::{Published, Source, Text, Variant};

/// A photo of one variant, outlet "A", with the given caption and
/// publication date ("YYYY-MM-DD").
fn photo(caption: &str, published: Option<&str>) -> Photo {
    Photo {
        variants: vec![Variant {
            id: "a.txt".to_string(),
            source: Source {
                outlet: "A".to_string(),
                published: published.map(|d| Published {
                    raw: d.to_string(),
                    date: NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
                    time: None,
                }),
                ..Source::default()
            },
            caption: Text::new(caption),
            ..Variant::default()
        }],
        ..Photo::default()
    }
}

/// (summary, flagged words) of each finding, checking each mark's words are
/// the text its span covers.
fn found(caption: &str, published: Option<&str>) -> Vec<(String, Vec<String>)> {
    let p = photo(caption, published);
    let text = p.variants[0].caption.as_str().to_string();
    find(&p)
        .into_iter()
        .map(|f| {
            assert_eq!((f.kind, f.fact), (FindingKind::Date, Fact::Date));
            let words = f
                .flagged()
                .map(|m| {
                    assert!(m.odd);
                    assert_eq!(m.location.unwrap().span.slice(&text), m.quote);
                    m.quote.clone()
                })
                .collect();
            (f.summary, words)
        })
        .collect()
}

fn one(summary: &str, words: &str) -> Vec<(String, Vec<String>)> {
    vec![(summary.to_string(), vec![words.to_string()])]
}

#[test]
fn the_table_parses() {
    let t = tables();
    assert_eq!(t.languages, ["de", "en", "es", "fr", "it", "pt", "tr"]);
    for code in &t.languages {
        let l = &t.data.languages[code];
        assert_eq!((l.weekdays.len(), l.months.len()), (7, 12), "{code}");
    }
    assert_eq!(t.nights.len(), t.data.nights.len());
    assert_eq!(t.data.numeric.len(), 3);
}

#[test]
fn a_weekday_that_is_not_the_dates_is_a_finding() {
    assert_eq!(
        found("Ali stands over Liston on Wednesday, May 25, 1965.", None),
        one(
            "A writes \"Wednesday, May 25, 1965\": 25 May 1965 was a Tuesday",
            "Wednesday, May 25, 1965"
        )
    );
    assert_eq!(
        found(
            "Ali derribó a Liston el miércoles 25 de mayo de 1965.",
            None
        ),
        one(
            "A writes \"miércoles 25 de mayo de 1965\": 25 May 1965 was a Tuesday",
            "miércoles 25 de mayo de 1965"
        )
    );
    assert_eq!(
        found(
            "Das Beben vom Dienstag, 6. Februar 2023, traf die Stadt.",
            None
        ),
        one(
            "A writes \"Dienstag, 6. Februar 2023\": 6 February 2023 was a Monday",
            "Dienstag, 6. Februar 2023"
        )
    );
    assert_eq!(
        found("La foto è stata scattata mercoledì 7 febbraio 2023.", None),
        one(
            "A writes \"mercoledì 7 febbraio 2023\": 7 February 2023 was a Tuesday",
            "mercoledì 7 febbraio 2023"
        )
    );
    assert_eq!(
        found(
            "A foto foi feita na quarta-feira, 7 de fevereiro de 2023.",
            None
        ),
        one(
            "A writes \"quarta-feira, 7 de fevereiro de 2023\": 7 February 2023 was a Tuesday",
            "quarta-feira, 7 de fevereiro de 2023"
        )
    );
    assert_eq!(
        found("Fotoğraf 7 Şubat 2023 Çarşamba günü çekildi.", None),
        one(
            "A writes \"7 Şubat 2023 Çarşamba\": 7 February 2023 was a Tuesday",
            "7 Şubat 2023 Çarşamba"
        )
    );
}

#[test]
fn a_right_weekday_is_not_a_finding() {
    for caption in [
        "Tuesday, May 25, 1965: Clay-Liston 'phantom punch'",
        "Tuesday night, the 25th of May 1965, in Lewiston",
        "Le séisme de mardi 7 février 2023 a tout détruit.",
        "Montag, 6. Februar 2023: das Beben",
        "Dienstag, den 7.2.2023, in Kahramanmaraş",
        "Foto de terça-feira, 7 de fevereiro de 2023.",
        "Scattata martedì 7 febbraio 2023.",
        "7 Şubat 2023 Salı günü çekildi.",
        "Trump at a campaign rally, Saturday, July 13, 2024, in Butler, Pa.",
        "Saturday 2024-07-13 in Butler",
        "2024年7月13日(土)、ペンシルベニア州で撮影",
        "2024년 7월 13일 토요일 버틀러에서",
        "2024年7月13日星期六在巴特勒",
    ] {
        assert_eq!(found(caption, None), vec![], "{caption}");
    }
}

#[test]
fn a_date_without_a_year_is_the_last_before_publication() {
    assert_eq!(
        found(
            "Il tient la main de sa fille, mercredi 7 février.",
            Some("2023-02-13")
        ),
        one(
            "A writes \"mercredi 7 février\": 7 February 2023, the last before its \
             publication on 2023-02-13, was a Tuesday",
            "mercredi 7 février"
        )
    );
    assert_eq!(
        found(
            "Il tient la main de sa fille, mardi 7 février.",
            Some("2023-02-13")
        ),
        vec![]
    );
    // Without a publication date there is nothing to check against.
    assert_eq!(
        found("Il tient la main de sa fille, mercredi 7 février.", None),
        vec![]
    );
}

#[test]
fn a_coming_day_and_a_time_zone_are_not_findings() {
    // The rally of Saturday 20 July 2024, announced five days before.
    assert_eq!(
        found(
            "Trump returns for a rally on Saturday, July 20.",
            Some("2024-07-15")
        ),
        vec![]
    );
    // The election of Tuesday 5 November 2024, nine months ahead.
    assert_eq!(
        found(
            "Voters go to the polls on Tuesday, November 5.",
            Some("2024-02-01")
        ),
        vec![]
    );
    // A coming day of the wrong weekday is still wrong.
    assert_eq!(
        found(
            "Trump returns for a rally on Sunday, July 20.",
            Some("2024-07-15")
        ),
        one(
            "A writes \"Sunday, July 20\": 20 July 2024, the first after its \
             publication on 2024-07-15, is a Saturday",
            "Sunday, July 20"
        )
    );
    // Dated the 15th (in Asia), speaking of Sunday the 14th (in Rio).
    assert_eq!(
        found(
            "Bolt grinned in the semi-final on Sunday, August 14.",
            Some("2016-08-15")
        ),
        vec![]
    );
    // Dated the 13th (in the United States), speaking of Sunday the 14th.
    assert_eq!(
        found(
            "La foto del domingo 14 de julio recorre el mundo.",
            Some("2024-07-13")
        ),
        vec![]
    );
}

#[test]
fn a_night_into_a_day_that_is_not_the_next_is_a_finding() {
    let night = |words: &str| {
        one(
            &format!("A writes \"{words}\": a night runs from one day to the next"),
            words,
        )
    };
    for (caption, words) in [
        (
            "Sind Sie in der Nacht von Sonntag auf Sonntag extra aufgestanden?",
            "in der Nacht von Sonntag auf Sonntag",
        ),
        (
            "Bolt a gagné dans la nuit de dimanche à dimanche.",
            "dans la nuit de dimanche à dimanche",
        ),
        (
            "Bolt ganó en la noche del domingo al martes.",
            "en la noche del domingo al martes",
        ),
        (
            "Bolt venceu na noite de domingo para domingo.",
            "na noite de domingo para domingo",
        ),
        (
            "Bolt ha vinto nella notte tra domenica e domenica.",
            "nella notte tra domenica e domenica",
        ),
        (
            "Bolt Pazar'ı Pazar'a bağlayan gece kazandı.",
            "Pazar'ı Pazar'a bağlayan gece",
        ),
        (
            "Did you stay up the night of Sunday to Sunday?",
            "the night of Sunday to Sunday",
        ),
        (
            "The final ran Sunday night into Sunday.",
            "Sunday night into Sunday",
        ),
    ] {
        assert_eq!(found(caption, None), night(words), "{caption}");
    }
}

#[test]
fn a_night_into_the_next_day_or_a_stretch_is_not_a_finding() {
    for caption in [
        "Sind Sie in der Nacht von Sonntag auf Montag aufgestanden?",
        "in der Nacht vom Samstag auf den Sonntag",
        "dans la nuit du samedi au dimanche",
        "en la madrugada del domingo al lunes",
        "na noite de domingo para segunda-feira",
        "na madrugada de domingo para a segunda",
        "nella notte tra sabato e domenica",
        "Pazarı Pazartesiye bağlayan gece",
        "the night of Sunday to Monday",
        "Saturday night into Sunday",
        "The storm raged Friday night into Sunday.",
        "Roads were closed from the night of Friday to Sunday.",
        "Bolt won on Sunday night.",
        "Ein wenig vorher am Sonntagabend entstand dieses Foto.",
    ] {
        assert_eq!(found(caption, None), vec![], "{caption}");
    }
}

#[test]
fn weekdays_far_from_dates_anniversaries_and_other_years_are_not_findings() {
    for caption in [
        // A weekday far from the date.
        "On Wednesday, the photographer recalled the fight of May 25, 1965.",
        "Leifer was back in Lewiston on Wednesday. The fight was on May 25, 1965.",
        // An anniversary's day.
        "It was 40 years ago Wednesday, May 25, 1965, that Leifer took the photo.",
        // Dates of different years in one text.
        "Ali knocked out Liston on May 25, 1965; on Wednesday, May 25, 2005, Leifer returned.",
        // English months count only capitalised.
        "By Tuesday 25 may have left.",
        // A weekday that is not a date's in a night phrase only.
        "A segunda 25 de maio de 1965 foi a revanche.",
        // A bare character after a numeric date is no weekday.
        "米ペンシルバニア州で13日日本時間",
    ] {
        assert_eq!(found(caption, None), vec![], "{caption}");
    }
    // A weekday-only date is resolved against the publication, whatever
    // year the text spoke of before.
    assert_eq!(
        found(
            "Ali knocked out Liston on May 25, 1965. Leifer was back on Wednesday, May 25.",
            Some("2005-05-26")
        ),
        vec![]
    );
}

#[test]
fn numeric_dates_state_weekdays_in_parentheses_or_words() {
    assert_eq!(
        found("2024年7月14日(土)に撮影", None),
        one(
            "A writes \"2024年7月14日(土)\": 14 July 2024 was a Sunday",
            "2024年7月14日(土)"
        )
    );
    assert_eq!(
        found("2024년 7월 13일 일요일 버틀러에서", None),
        one(
            "A writes \"2024년 7월 13일 일요일\": 13 July 2024 was a Saturday",
            "2024년 7월 13일 일요일"
        )
    );
    assert_eq!(
        found("７月１３日（日）の集会で", Some("2024-07-15")),
        one(
            "A writes \"７月１３日（日）\": 13 July 2024, the last before its publication \
             on 2024-07-15, was a Saturday",
            "７月１３日（日）"
        )
    );
}

#[test]
fn a_repeated_caption_is_one_finding_with_a_mark_each() {
    let mut p = photo("Wednesday, May 25, 1965: the fight.", None);
    p.variants[0].article = Some(Text::new("Ali won on Wednesday, May 25, 1965."));
    let findings = find(&p);
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].key,
        "date/weekday/a.txt/Wednesday, May 25, 1965"
    );
    let sections: Vec<Section> = findings[0]
        .marks
        .iter()
        .filter_map(|m| m.location.map(|l| l.section))
        .collect();
    assert_eq!(sections, vec![Section::Caption, Section::Article]);
}
