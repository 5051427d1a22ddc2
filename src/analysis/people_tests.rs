#![allow(clippy::unwrap_used)]

use super::*;
use crate::corpus::{ReferenceFacts, ReferencePerson, Text, Variant};

fn variant(caption: &str, article: Option<&str>) -> Variant {
    Variant {
        caption: Text::new(caption),
        article: article.map(Text::new),
        ..Variant::default()
    }
}

fn person(name: &str, aliases: &[&str]) -> ReferencePerson {
    ReferencePerson {
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..ReferencePerson::default()
    }
}

/// (variant, section, mentioned text, person's name) for every mention.
type Seen = (usize, Section, String, String);

fn mentions(photo: &Photo) -> (Vec<String>, Vec<Seen>) {
    let vocab = Vocabulary::builtin();
    let sections = SectionText::all_of(photo, &vocab);
    let people = resolve(
        photo,
        &sections,
        &vocab,
        &crate::analysis::language::of_variants(photo),
    );
    let hits = find_mentions(&sections, &people, &vocab);
    let mut out = Vec::new();
    for (s, h) in sections.iter().zip(&hits) {
        for m in to_mentions(s, h) {
            out.push((
                m.location.variant,
                m.location.section,
                s.slice(m.location.span).to_string(),
                people.people[m.person.0].name.clone(),
            ));
        }
    }
    (people.people.iter().map(|p| p.name.clone()).collect(), out)
}

fn reference_photo(variants: Vec<Variant>) -> Photo {
    Photo {
        variants,
        reference: Some(ReferenceFacts {
            people: vec![
                person("Lim Jong-hoon", &["Lim Jonghoon", "Jong-hoon Lim"]),
                person("Ri Jong Sik", &["Jong Sik Ri", "Ri Jong-sik"]),
                person("Kim Kum Yong", &["Kum Yong Kim", "Kim Kum-yong"]),
                person("Wang Chuqin", &["Chuqin Wang"]),
            ],
            ..ReferenceFacts::default()
        }),
        ..Photo::default()
    }
}

fn c(v: usize, s: Section, text: &str, name: &str) -> Seen {
    (v, s, text.to_string(), name.to_string())
}

#[test]
fn a_description_before_a_name_joins_the_person_it_describes() {
    let photo = Photo {
        variants: vec![
            variant("Usain Bolt of Jamaica grins at the camera.", None),
            variant("Usain Bolt grins as Andre De Grasse looks on.", None),
            variant("Jamaican Usain Bolt grins at Andre De Grasse.", None),
        ],
        ..Photo::default()
    };
    let (people, seen) = mentions(&photo);
    assert_eq!(people, vec!["Usain Bolt", "Andre De Grasse"]);
    assert!(seen.contains(&c(2, Section::Caption, "Usain Bolt", "Usain Bolt")));
    assert!(!seen.iter().any(|s| s.2.contains("Jamaican")));
}

#[test]
fn a_given_name_cut_short_is_the_same_person_when_one_full_name_fits() {
    let photo = Photo {
        variants: vec![
            variant("Matthew Centrowitz of the US wins the 1500m.", None),
            variant("Matt Centrowitz wins the 1500m for the US.", None),
            variant(
                "Kim Jong-un and Kim Jong watch, with Al Gore beside Albert Gore.",
                None,
            ),
        ],
        ..Photo::default()
    };
    let (people, seen) = mentions(&photo);
    assert_eq!(
        people,
        vec![
            "Matthew Centrowitz",
            "Kim Jong-un",
            "Kim Jong",
            "Al Gore",
            "Albert Gore"
        ]
    );
    assert!(seen.contains(&c(
        1,
        Section::Caption,
        "Matt Centrowitz",
        "Matthew Centrowitz"
    )));
}

#[test]
fn a_name_that_goes_on_in_a_things_word_is_no_person() {
    let photo = Photo {
        variants: vec![
            variant("Supermassive Black hole M87 seen by the astronomers.", None),
            variant("Supermassive Black hole M87, as Katie Bouman saw it.", None),
        ],
        ..Photo::default()
    };
    assert_eq!(mentions(&photo).0, vec!["Katie Bouman"]);
}

#[test]
fn spellings_orders_case_and_possessives_resolve_to_reference_people() {
    let photo = reference_photo(vec![
        variant(
            "South Korea’s LIM JONG HOON with Jong Sik Ri and Kum Yong Kim, and Chuqin Wang",
            Some("Ri Jong-sik met Kim Kum-yong China's Wang Chuqin. Lim’s phone and Lim's smile."),
        ),
        variant("Jong-hoon Lim, Lim Jonghoon, lim jong-hoon", None),
    ]);
    let (_, got) = mentions(&photo);
    use Section::*;
    assert_eq!(
        got,
        vec![
            c(0, Caption, "LIM JONG HOON", "Lim Jong-hoon"),
            c(0, Caption, "Jong Sik Ri", "Ri Jong Sik"),
            c(0, Caption, "Kum Yong Kim", "Kim Kum Yong"),
            c(0, Caption, "Chuqin Wang", "Wang Chuqin"),
            c(0, Article, "Ri Jong-sik", "Ri Jong Sik"),
            c(0, Article, "Kim Kum-yong", "Kim Kum Yong"),
            c(0, Article, "Wang Chuqin", "Wang Chuqin"),
            c(0, Article, "Lim", "Lim Jong-hoon"),
            c(0, Article, "Lim", "Lim Jong-hoon"),
            c(1, Caption, "Jong-hoon Lim", "Lim Jong-hoon"),
            c(1, Caption, "Lim Jonghoon", "Lim Jong-hoon"),
        ]
    );
}

#[test]
fn a_bare_family_name_needs_the_full_name_in_the_variant_and_no_rival() {
    let photo = reference_photo(vec![
        variant("Lim smiles.", None),
        variant(
            "Kim Kum Yong smiles. Leader Kim Jong-un watched; Kim’s media said so.",
            None,
        ),
        variant("Kim Kum Yong smiles. Kim waves.", None),
    ]);
    let (_, got) = mentions(&photo);
    use Section::*;
    assert_eq!(
        got,
        vec![
            c(1, Caption, "Kim Kum Yong", "Kim Kum Yong"),
            c(2, Caption, "Kim Kum Yong", "Kim Kum Yong"),
            c(2, Caption, "Kim", "Kim Kum Yong"),
        ]
    );
}

#[test]
fn a_family_name_two_people_share_is_ambiguous() {
    let mut photo = reference_photo(vec![variant(
        "Kim Kum Yong and Kim Yu Na smile. Kim waves.",
        None,
    )]);
    if let Some(r) = photo.reference.as_mut() {
        r.people.push(person("Kim Yu Na", &["Yu Na Kim"]));
    }
    let (_, got) = mentions(&photo);
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|m| m.2 != "Kim"));
}

#[test]
fn without_reference_people_are_clustered_from_captions() {
    let photo = Photo {
        variants: vec![
            variant(
                "South Korea’s Lim Jonghoon takes a selfie with teammate Shin Yubin and Chuqin Wang at South Paris Arena on Tuesday. | Photo Credit: GETTY IMAGES",
                Some(
                    "In a photo by Associated Press photographer Petros Giannakouris, Lim Jong-hoon smiles. North Korea’s leader Kim Jong-un was not there.",
                ),
            ),
            variant(
                "Wang Chuqin, Shin Yu-bin and Lim Jong Hoon in Paris 2024 Olympics",
                None,
            ),
        ],
        ..Photo::default()
    };
    let (people, got) = mentions(&photo);
    assert_eq!(people, vec!["Lim Jonghoon", "Shin Yubin", "Chuqin Wang"]);
    let texts: Vec<&str> = got.iter().map(|m| m.2.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Lim Jonghoon",
            "Shin Yubin",
            "Chuqin Wang",
            "Lim Jong-hoon",
            "Wang Chuqin",
            "Shin Yu-bin",
            "Lim Jong Hoon"
        ]
    );
}

#[test]
fn things_agencies_and_titles_are_not_people() {
    let photo = Photo {
        variants: vec![
            variant(
                "President Donald Trump is rushed off stage by Secret Service agents at Butler Farm Show, Associated Press photographer Evan Vucci said.",
                None,
            ),
            variant(
                "Donald Trump at the Event Horizon Telescope and the Olympic Stadium.",
                None,
            ),
        ],
        ..Photo::default()
    };
    let (people, _) = mentions(&photo);
    assert_eq!(people, vec!["Donald Trump"]);
}

#[test]
fn order_keys_cover_both_name_orders() {
    assert_eq!(
        order_keys(&["ri", "jong", "sik"]),
        [
            "rijongsik".to_string(),
            "jongsikri".to_string(),
            "sikrijong".to_string()
        ]
    );
}
