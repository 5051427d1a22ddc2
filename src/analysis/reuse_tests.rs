//! Exact containment, shared runs and derivations, on texts from the seeds.

use super::*;
use crate::corpus::{Published, Source, Text, Variant};

const SPORTSTAR_CAPTION: &str = "Paris 2024 Olympics: South Korea’s Lim Jonghoon, silver medallist, takes a selfie with teammate Shin Yubin, China’s Chuqin Wang and Yingsha Sun, gold medallists, and North Korea’s Jong Sik Ri and Kum Yong Kim, bronze medallists, after the mixed doubles medal ceremony at South Paris Arena on Tuesday. | Photo Credit: GETTY IMAGES";
const SPORTSTAR_ARTICLE: &str = "After South Korea won bronze and North Korea silver in the mixed doubles behind China, South Korea’s Lim Jong-hoon took a group photo after the medal ceremony.
Images of Olympic table tennis players from North Korea and South Korea taking a selfie together on the medal podium in Paris went viral in South Korea Wednesday, hailed as a rare show of cross-border unity.
North Korea’s Ri Jong Sik and Kim Kum Yong, the South’s Shin Yubin and the victorious Chinese team Wang Chuqin and Sun Yingsha all beamed into Lim’s phone, a South Korean-made Samsung.
“I congratulated them when they were introduced as Silver medallists,” Lim told Korean media after the award ceremony.";
const OUTLET_000_CAPTION: &str = "North Korea’s Ri Jong Sik and Kim Kum Yong, South Korea’s Shin Yu-bin, and China’s Wang Chuqin and Sun Yingsha were all smiles, breaking barriers in an unprecedented display of sportsmanship.";
const SUN_ARTICLE: &str = "North Korea’s Ri Jong Sik and Kim Kum Yong and the South’s Shin Yu-bin and Lim Jong-hoon are standing proudly on the top step of the podium in the picture.";
const OUTLET_004_CAPTION: &str = "South Korea's Lim Jonghoon takes a selfie with North Korea's Ri Jong-sik and Kim Kum-yong China's Wang Chuqin";
const OUTLET_004_ARTICLE: &str = "In a photo taken by Associated Press photographer Petros Giannakouris, South Korea's Lim Jonghoon was seen taking a selfie with North Korea's Ri Jong-sik and Kim Kum-yong.";

fn variant(caption: &str, article: Option<&str>) -> Variant {
    Variant {
        caption: Text::new(caption),
        article: article.map(Text::new),
        ..Variant::default()
    }
}

fn photo(variants: Vec<Variant>) -> Photo {
    Photo {
        variants,
        ..Photo::default()
    }
}

#[test]
fn sportstars_caption_and_its_article_share_no_passage() {
    let reuse = find_reuse(&photo(vec![
        variant(SPORTSTAR_CAPTION, None),
        variant("", Some(SPORTSTAR_ARTICLE)),
    ]));
    assert_eq!(
        reuse,
        Reuse {
            pairs: vec![ReusePair {
                a: 0,
                b: 1,
                containment_a_in_b: 0.0,
                containment_b_in_a: 0.0,
                shared_runs: vec![],
            }],
            derivations: vec![],
        }
    );
}

#[test]
fn sportstars_article_and_another_caption_share_two_runs() {
    let reuse = find_reuse(&photo(vec![
        variant("", Some(SPORTSTAR_ARTICLE)),
        variant(OUTLET_000_CAPTION, None),
    ]));
    let location = |variant, section, start, end| Location {
        variant,
        section,
        span: Span::new(start, end),
    };
    assert_eq!(
        reuse.pairs,
        [ReusePair {
            a: 0,
            b: 1,
            // 4 of the article's 55 sequences; 8 of the caption's 28.
            containment_a_in_b: 4.0 / 55.0,
            containment_b_in_a: 8.0 / 28.0,
            shared_runs: vec![
                SharedRun {
                    words: 9,
                    text: "North Korea’s Ri Jong Sik and Kim Kum Yong".to_string(),
                    a: location(0, Section::Article, 370, 414),
                    b: location(1, Section::Caption, 0, 44),
                },
                SharedRun {
                    words: 5,
                    text: "Wang Chuqin and Sun Yingsha".to_string(),
                    a: location(0, Section::Article, 473, 500),
                    b: location(1, Section::Caption, 89, 116),
                },
            ],
        }]
    );
    assert_eq!(reuse.derivations, []);
}

#[test]
fn typographic_and_ascii_apostrophes_match() {
    let reuse = find_reuse(&photo(vec![
        variant(SPORTSTAR_CAPTION, None),
        variant(OUTLET_004_CAPTION, Some(OUTLET_004_ARTICLE)),
    ]));
    let pair = reuse.pairs.first();
    // "south korea's lim jonghoon" and "takes a selfie with".
    assert_eq!(pair.map(|p| p.containment_b_in_a), Some(2.0 / 31.0));
    assert_eq!(pair.map(|p| p.containment_a_in_b), Some(2.0 / 49.0));
    assert_eq!(pair.map(|p| p.shared_runs.len()), Some(0));
}

#[test]
fn short_and_empty_texts_share_nothing() {
    let reuse = find_reuse(&photo(vec![
        variant("", None),
        variant("Lim took it", None),
    ]));
    assert_eq!(
        reuse.pairs,
        [ReusePair {
            a: 0,
            b: 1,
            containment_a_in_b: 0.0,
            containment_b_in_a: 0.0,
            shared_runs: vec![],
        }]
    );
    assert_eq!(find_reuse(&Photo::default()), Reuse::default());
}

const BEAMED: &str = "North Korea’s Ri Jong Sik and Kim Kum Yong, the South’s Shin Yubin and the victorious Chinese team Wang Chuqin and Sun Yingsha all beamed into Lim’s phone, a South Korean-made Samsung.";
const RETOLD: &str = "The Korean athletes — North Korea's Ri Jong Sik and Kim Kum Yong, the South's Shin Yubin — and the victorious Chinese team Wang Chuqin and Sun Yingsha all beamed into Lim's phone.";

fn published(
    variant: Variant,
    time: Option<&str>,
    date: &str,
) -> Result<Variant, chrono::ParseError> {
    let published = Published {
        raw: time.unwrap_or(date).to_string(),
        date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")?,
        time: time.map(chrono::DateTime::parse_from_rfc3339).transpose()?,
    };
    Ok(Variant {
        source: Source {
            published: Some(published),
            ..Source::default()
        },
        ..variant
    })
}

#[test]
fn a_later_variant_took_its_text_from_an_earlier_one() -> Result<(), chrono::ParseError> {
    let reuse = find_reuse(&photo(vec![
        published(
            variant(BEAMED, None),
            Some("2024-07-31T12:45:00+05:30"),
            "2024-07-31",
        )?,
        // 3 h 20 min later, in another time zone.
        published(
            variant(RETOLD, None),
            Some("2024-07-31T12:35:00+02:00"),
            "2024-07-31",
        )?,
    ]));
    assert_eq!(reuse.pairs.first().map(|p| p.shared_runs.len()), Some(1));
    assert_eq!(
        reuse.pairs.first().map(|p| p.containment_b_in_a),
        Some(25.0 / 28.0)
    );
    assert_eq!(
        reuse.derivations,
        [Derivation {
            from: 0,
            to: 1,
            evidence: "shares 28 words verbatim: 'North Korea’s Ri Jong Sik and Kim Kum Yong, the South’s Shin …'; \
                89% of its 4-word sequences are in the earlier text; published 3 h 20 min later"
                .to_string(),
        }]
    );
    Ok(())
}

#[test]
fn the_direction_follows_the_times() -> Result<(), chrono::ParseError> {
    let reuse = find_reuse(&photo(vec![
        published(
            variant(BEAMED, None),
            Some("2024-08-02T09:00:00+00:00"),
            "2024-08-02",
        )?,
        published(
            variant(RETOLD, None),
            Some("2024-07-31T09:00:00+00:00"),
            "2024-07-31",
        )?,
    ]));
    assert_eq!(
        reuse
            .derivations
            .iter()
            .map(|d| (d.from, d.to))
            .collect::<Vec<_>>(),
        [(1, 0)]
    );
    assert_eq!(
        reuse
            .derivations
            .first()
            .map(|d| d.evidence.ends_with("published 2 days later")),
        Some(true)
    );
    Ok(())
}

#[test]
fn without_full_times_no_derivation_is_claimed() -> Result<(), chrono::ParseError> {
    let texts = || vec![variant(BEAMED, None), variant(RETOLD, None)];
    let untimed = find_reuse(&photo(texts()));
    assert_eq!(untimed.derivations, []);
    assert_eq!(untimed.pairs.first().map(|p| p.shared_runs.len()), Some(1));

    let (a, b) = (variant(BEAMED, None), variant(RETOLD, None));
    let dates_only = find_reuse(&photo(vec![
        published(a.clone(), None, "2024-07-30")?,
        published(b.clone(), None, "2024-08-02")?,
    ]));
    assert_eq!(dates_only.derivations, []);

    let same_time = find_reuse(&photo(vec![
        published(a.clone(), Some("2024-07-31T09:00:00+00:00"), "2024-07-31")?,
        published(b.clone(), Some("2024-07-31T11:00:00+02:00"), "2024-07-31")?,
    ]));
    assert_eq!(same_time.derivations, []);

    let one_time = find_reuse(&photo(vec![
        published(a, Some("2024-07-31T09:00:00+00:00"), "2024-07-31")?,
        b,
    ]));
    assert_eq!(one_time.derivations, []);
    Ok(())
}

#[test]
fn sharing_little_claims_no_derivation() -> Result<(), chrono::ParseError> {
    let reuse = find_reuse(&photo(vec![
        published(
            variant(SPORTSTAR_ARTICLE, None),
            Some("2024-07-31T09:00:00+00:00"),
            "2024-07-31",
        )?,
        published(
            variant(OUTLET_000_CAPTION, None),
            Some("2024-07-31T10:00:00+00:00"),
            "2024-07-31",
        )?,
    ]));
    // A 9-word run of names, and 29% of the later caption's sequences: not enough.
    assert_eq!(reuse.pairs.first().map(|p| p.shared_runs.len()), Some(2));
    assert_eq!(reuse.derivations, []);
    Ok(())
}

#[test]
fn the_strongest_earlier_source_is_chosen() -> Result<(), chrono::ParseError> {
    let reuse = find_reuse(&photo(vec![
        // The first 16 words of BEAMED, earliest.
        published(
            variant(
                "North Korea’s Ri Jong Sik and Kim Kum Yong, the South’s Shin Yubin and the victorious crowd",
                None,
            ),
            Some("2024-07-31T06:00:00+00:00"),
            "2024-07-31",
        )?,
        published(
            variant(BEAMED, None),
            Some("2024-07-31T07:15:00+00:00"),
            "2024-07-31",
        )?,
        published(
            variant(RETOLD, None),
            Some("2024-07-31T10:35:00+00:00"),
            "2024-07-31",
        )?,
    ]));
    assert_eq!(
        reuse
            .derivations
            .iter()
            .map(|d| (d.from, d.to))
            .collect::<Vec<_>>(),
        [(0, 1), (1, 2)]
    );
    assert_eq!(
        reuse.derivations.first().map(|d| d.evidence.as_str()),
        Some(
            "shares 16 words verbatim: 'North Korea’s Ri Jong Sik and Kim Kum Yong, the South’s Shin …'; \
             45% of its 4-word sequences are in the earlier text; published 1 h 15 min later"
        )
    );
    Ok(())
}

#[test]
fn durations_read_naturally() {
    assert_eq!(duration(TimeDelta::seconds(20)), "1 min");
    assert_eq!(duration(TimeDelta::minutes(45)), "45 min");
    assert_eq!(duration(TimeDelta::hours(3)), "3 h");
    assert_eq!(duration(TimeDelta::minutes(200)), "3 h 20 min");
    assert_eq!(duration(TimeDelta::hours(47)), "47 h");
    assert_eq!(duration(TimeDelta::hours(50)), "2 days");
}

#[test]
fn three_outlets_share_the_list_of_north_koreans() {
    let reuse = find_reuse(&photo(vec![
        variant(OUTLET_000_CAPTION, None),
        variant("North and South Korean athletes", Some(SUN_ARTICLE)),
        variant(SPORTSTAR_CAPTION, Some(SPORTSTAR_ARTICLE)),
    ]));
    let longest: Vec<(usize, usize, Option<&str>)> = reuse
        .pairs
        .iter()
        .map(|p| (p.a, p.b, p.shared_runs.first().map(|r| r.text.as_str())))
        .collect();
    let list = Some("North Korea’s Ri Jong Sik and Kim Kum Yong");
    assert_eq!(longest, [(0, 1, list), (0, 2, list), (1, 2, list)]);
    let sections: Vec<(Section, Section)> = reuse
        .pairs
        .iter()
        .filter_map(|p| p.shared_runs.first())
        .map(|r| (r.a.section, r.b.section))
        .collect();
    assert_eq!(
        sections,
        [
            (Section::Caption, Section::Article),
            (Section::Caption, Section::Article),
            (Section::Article, Section::Article),
        ]
    );
}
