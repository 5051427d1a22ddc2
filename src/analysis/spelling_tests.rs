#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::test_photos::variant;
use crate::analysis::{Span, Vocabulary};

fn findings(captions: &[(&str, &str)]) -> Vec<Finding> {
    let photo = Photo {
        variants: captions.iter().map(|(o, c)| variant(o, c)).collect(),
        ..Photo::default()
    };
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(&photo, &vocabulary);
    let reuse = crate::analysis::reuse::find_reuse(&photo);
    let witnesses = Witnesses::new(photo.variants.len(), &reuse);
    find(
        &photo,
        &sections,
        &crate::analysis::language::of_variants(&photo),
        &witnesses,
    )
    .findings
}

#[test]
fn a_name_one_outlet_misspells_is_a_finding_with_both_spellings_marked() {
    let found = findings(&[
        (
            "A",
            "Usain Bolt of Jamaica grins at the others in the semi-final.",
        ),
        (
            "B",
            "Usain Bolt of Jamaica grins as he wins the heat in the stadium.",
        ),
        (
            "C",
            "Usain Bold of Jamaica grins at the camera in the semi-final.",
        ),
    ]);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f.kind, FindingKind::MisspeltName);
    assert_eq!(f.fact, Fact::Name);
    assert_eq!(
        f.summary,
        "C writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart)"
    );
    let odd: Vec<(usize, &str)> = f.flagged().map(|m| (m.variant, m.quote.as_str())).collect();
    assert_eq!(odd, vec![(2, "Bold")]);
    let span = f.marks[0].location.unwrap().span;
    assert_eq!(span, Span::new(6, 10));
    let right: Vec<usize> = f
        .marks
        .iter()
        .filter(|m| !m.odd)
        .map(|m| m.variant)
        .collect();
    assert_eq!(right, vec![0, 1]);
}

#[test]
fn accepted_spellings_are_never_findings() {
    // Diacritics, romanisation alternates, inflections, common words,
    // sentence-initial function words, and a name another language spells
    // its own way.
    let found = findings(&[
        (
            "A",
            "Mesut Hançer and Lim Jong-hoon and Choi Min of South Korea in the Olympic Stadium of Pennsylvania.",
        ),
        (
            "B",
            "Mesut Hancer and Lim Jong-hun and Choe Min of South Korea in the Olympic Stadium of Pennsylvania.",
        ),
        (
            "C",
            "Hancer's hand. The Koreans. Esta foto de la Pensilvania es para el mundo y la Olympic Stadia.",
        ),
        ("D", "Mesut Hancer, Lim Jonghoon. The camera was by Camera."),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn short_words_and_far_spellings_are_left_alone() {
    let found = findings(&[
        ("A", "Ali stands over Liston in the ring at Lewiston."),
        ("B", "Ali stands over Liston in the ring at Lewiston."),
        ("C", "Alt stands over Lisztomania in the ring at Lewisham."),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn edit_limits() {
    assert_eq!(misspelling_edits("lefner", "leifer"), Some(2));
    assert_eq!(misspelling_edits("atlan", "altan"), Some(1));
    assert_eq!(misspelling_edits("adam", "adem"), Some(1));
    assert_eq!(misspelling_edits("adma", "adem"), None);
    assert_eq!(misspelling_edits("bolts", "bolt"), None);
    assert_eq!(misspelling_edits("horizonte", "horizon"), None);
    assert_eq!(misspelling_edits("telescopio", "telescope"), None);
    assert_eq!(misspelling_edits("adema", "adem"), Some(1));
    assert_eq!(misspelling_edits("imak", "irmak"), Some(1));
    assert_eq!(misspelling_edits("gatlon", "gatlin"), Some(1));
    assert_eq!(misspelling_edits("seong", "sung"), None);
    assert_eq!(misspelling_edits("kolt", "bolt"), None);
}

#[test]
fn a_word_in_a_longer_name_is_compared_with_the_same_name_only() {
    // "Jang Hoon" and "Jung Min" are two people, a letter apart.
    let found = findings(&[
        (
            "A",
            "Jung Min and Chang Hoon of South Korea smile at the camera.",
        ),
        (
            "B",
            "Jung Min and Chang Hoon of South Korea smile at the camera.",
        ),
        (
            "C",
            "Jung Min and Jang Hoon of South Korea smile at the camera.",
        ),
    ]);
    assert_eq!(found, vec![]);
    // A family name in capitals beside the given name is a name word.
    let found = findings(&[
        ("A", "DRINKHALL Ana of Great Britain serves in the final."),
        ("B", "Ana Drinkhall of Great Britain serves in the final."),
        ("C", "DRINKHAL Ana of Great Britain serves in the final."),
    ]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].flagged().next().unwrap().quote, "DRINKHAL");
}

#[test]
fn japanese_long_vowels_and_listed_family_names_are_one_name() {
    let found = findings(&[
        (
            "A",
            "Kasumi Satō and Chen Meng of China with Kasumi Ōshima.",
        ),
        (
            "B",
            "Kasumi Sato and Chen Meng of China with Kasumi Oshima.",
        ),
        (
            "C",
            "Kasumi Satoh and Chan Meng of China with Kasumi Ohshima.",
        ),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn a_word_in_the_place_of_a_name_word_is_a_finding() {
    let found = findings(&[
        (
            "A",
            "The Event Horizon Telescope made the first image of a black hole.",
        ),
        (
            "B",
            "Los astrónomos del Event Horizon Telescope mostraron la imagen.",
        ),
        (
            "C",
            "Los astrónomos del telescopio Everest Horizon mostraron la imagen.",
        ),
    ]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].summary,
        "C writes \"Everest\"; 2 other outlets write \"Event\" (3 letters apart)"
    );
}

#[test]
fn a_misspelt_mention_s_claims_count_for_the_person() {
    let photo = Photo {
        variants: vec![
            variant(
                "A",
                "Usain Bolt of Jamaica won silver in the final of the relay.",
            ),
            variant(
                "B",
                "Usain Bolt of Jamaica won silver in the final of the relay.",
            ),
            variant(
                "C",
                "Usain Bold of Jamaica won bronze in the final of the relay.",
            ),
        ],
        ..Photo::default()
    };
    let analysis = crate::analysis::analyze_photo(&photo, &Vocabulary::builtin());
    let people: Vec<&str> = analysis.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, vec!["Usain Bolt"]);
    let keys: Vec<&str> = analysis.conflicts.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, vec!["Usain Bolt/medal"]);
    assert_eq!(analysis.conflicts[0].odd_ones_out, vec![2]);
}

fn with_reference(captions: &[(&str, &str)], people: &[&str]) -> Photo {
    use crate::corpus::{ReferenceFacts, ReferencePerson};
    Photo {
        variants: captions.iter().map(|(o, c)| variant(o, c)).collect(),
        reference: Some(ReferenceFacts {
            people: people
                .iter()
                .map(|name| ReferencePerson {
                    name: name.to_string(),
                    ..ReferencePerson::default()
                })
                .collect(),
            ..ReferenceFacts::default()
        }),
        ..Photo::default()
    }
}

#[test]
fn the_reference_counts_as_one_more_printer_of_a_name() {
    let photo = with_reference(
        &[
            (
                "A",
                "Usain Bolt of Jamaica grins at the others in the semi-final.",
            ),
            (
                "B",
                "Usain Bold of Jamaica grins at the camera in the semi-final.",
            ),
        ],
        &["Usain Bolt"],
    );
    let analysis = crate::analysis::analyze_photo(&photo, &Vocabulary::builtin());
    let found: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::MisspeltName)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].summary,
        "B writes \"Bold\"; 1 other outlet and the reference write \"Bolt\" (1 letter apart)"
    );
    // The misspelt mention is the reference's person.
    let in_b: Vec<usize> = analysis
        .mentions
        .iter()
        .filter(|m| m.location.variant == 1)
        .map(|m| m.person.0)
        .collect();
    assert_eq!(in_b, vec![0]);
}

#[test]
fn the_reference_alone_can_tell_a_misspelling() {
    let photo = with_reference(
        &[(
            "A",
            "Usain Bold of Jamaica grins at the camera in the semi-final.",
        )],
        &["Usain Bolt"],
    );
    let analysis = crate::analysis::analyze_photo(&photo, &Vocabulary::builtin());
    let summaries: Vec<&str> = analysis
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::MisspeltName)
        .map(|f| f.summary.as_str())
        .collect();
    assert_eq!(
        summaries,
        vec!["A writes \"Bold\"; the reference writes \"Bolt\" (1 letter apart)"]
    );
}

#[test]
fn copies_of_one_misspelt_text_are_one_witness() {
    let copied = "In the early rounds Usain Bold not only won with ease but also gave the photographers the best pictures of the Games in Rio.";
    let right = [
        (
            "A",
            "Usain Bolt of Jamaica grins at his rivals in the semi-final.",
        ),
        ("B", "Usain Bolt smiles as he wins his heat in Rio."),
        ("C", "Jamaica's Usain Bolt looks across at the semi-final."),
    ];
    let mut captions = right.to_vec();
    captions.extend([("stern.de", copied), ("Mirror", copied)]);
    let found = findings(&captions);
    let summaries: Vec<&str> = found.iter().map(|f| f.summary.as_str()).collect();
    assert_eq!(
        summaries,
        vec![
            "stern.de and Mirror (copies of one text) write \"Bold\"; 3 other outlets write \"Bolt\" (1 letter apart)"
        ]
    );
    let odd: Vec<usize> = found[0].flagged().map(|m| m.variant).collect();
    assert_eq!(odd, vec![3, 4]);
    // Two outlets that print it in texts of their own agree on a spelling.
    let mut captions = right.to_vec();
    captions.extend([
        ("D", "Usain Bold won again."),
        ("E", "A grin from Usain Bold, caught by Cameron Spencer."),
    ]);
    assert!(findings(&captions).is_empty());
}

#[test]
fn a_town_before_its_region_is_a_place_not_a_misspelt_name() {
    let liston = |before: &str| {
        findings(&[
            (
                "A",
                &format!(
                    "{before}, heavyweight champion Sonny Liston went down in the first round."
                ),
            ),
            (
                "B",
                "Ali stands over him and shouts. Champion Sonny Liston is down after a minute.",
            ),
            (
                "C",
                "Fifty years ago today, former champion Sonny Liston lay on the canvas.",
            ),
        ])
        .into_iter()
        .map(|f| f.summary)
        .collect::<Vec<_>>()
    };
    assert_eq!(liston("In Lewiston, Maine"), Vec::<String>::new());
    // Without the region, or not after a preposition, the word is compared.
    assert_eq!(
        liston("Lewiston was down"),
        ["A writes \"Lewiston\"; 2 other outlets write \"Liston\" (2 letters apart)"]
    );
}

#[test]
fn a_person_s_name_is_compared_across_languages_beside_the_same_neighbour() {
    let gatlin = |french: &str| {
        findings(&[
            (
                "A",
                "Usain Bolt beat the American Justin Gatlin to the gold and he was the fastest of all.",
            ),
            (
                "B",
                "Bolt war schneller als sein Dauerrivale Justin Gatlin aus den USA und der Kanadier.",
            ),
            ("C", french),
        ])
        .into_iter()
        .map(|f| f.summary)
        .collect::<Vec<_>>()
    };
    // English and German print the name; the French misspelling stands
    // beside the same given name.
    assert_eq!(
        gatlin(
            "Bolt a fait son retard sur Justin Gatlon, avant de s'imposer dans la course et le record."
        ),
        ["C writes \"Gatlon\"; 2 other outlets write \"Gatlin\" (1 letter apart)"]
    );
    // Alone, in a language neither other text is in, it may be the name as
    // that language writes it: not compared.
    assert_eq!(
        gatlin(
            "Bolt a fait son retard sur Gatlon, avant de s'imposer dans la course et le record."
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_town_before_its_region_is_compared_with_towns() {
    let lewiston = |c: &str| {
        findings(&[
            (
                "A",
                "Ali stands over Liston in the ring in Lewiston, Maine, and he shouts at him.",
            ),
            (
                "B",
                "The fight was held in Lewiston, Maine, and it was over in the first round.",
            ),
            ("C", c),
        ])
    };
    let found =
        lewiston("Ali knocked Liston out in Lewistun, Maine, and the crowd was on its feet.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].fact, Fact::Place);
    assert_eq!(
        found[0].summary,
        "C writes \"Lewistun\"; 2 other outlets write \"Lewiston\" (1 letter apart)"
    );
    // Named alone, the town is still the town the others place in Maine.
    let found = lewiston("Ali knocked Liston out in Lewistun and the crowd was on its feet.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].fact, Fact::Place);
}
