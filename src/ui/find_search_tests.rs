use super::*;
use crate::analysis::test_photos::photo;
use crate::analysis::{Vocabulary, analyze_with};

#[test]
fn finds_every_occurrence_ignoring_case() {
    let text = "Silver medallist; the SILVER medal; silverware";
    let spans = find_folded(text, "silver");
    let found: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    assert_eq!(found, vec!["Silver", "SILVER", "silver"]);
    assert_eq!(spans.first(), Some(&Span::new(0, 6)));
}

#[test]
fn finds_non_ascii_text_on_character_boundaries() {
    let text = "South Korea’s Lim, Korea’s pride";
    let spans = find_folded(text, "KOREA’S");
    let found: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    assert_eq!(found, vec!["Korea’s", "Korea’s"]);
    assert!(find_folded(text, "").is_empty());
}

#[test]
fn diacritics_and_the_dotless_i_are_folded_both_ways() {
    let text = "Mesut Hançer, Kahramanmaraş; Irmak'ın eli; HANCER";
    let found =
        |q: &str| -> Vec<&str> { find_folded(text, q).iter().map(|s| s.slice(text)).collect() };
    assert_eq!(found("hancer"), vec!["Hançer", "HANCER"]);
    assert_eq!(found("Hançer"), vec!["Hançer", "HANCER"]);
    assert_eq!(found("kahramanmaras"), vec!["Kahramanmaraş"]);
    assert_eq!(found("irmakin"), Vec::<&str>::new());
    assert_eq!(found("irmak'in"), vec!["Irmak'ın"]);
    // A match never starts inside a character that folds to two.
    assert_eq!(find_folded("ǆ", "ž"), Vec::<Span>::new());
}

fn folder(captions: &[(&str, &str)]) -> (Corpus, Analysis) {
    let corpus = Corpus {
        photos: vec![photo(captions)],
        ..Corpus::default()
    };
    let analysis = analyze_with(&corpus, &Vocabulary::builtin());
    (corpus, analysis)
}

#[test]
fn a_query_naming_a_person_finds_every_spelling_of_them() {
    let (corpus, analysis) = folder(&[
        ("A", "South Korea's Lim Jong-hoon takes a selfie."),
        ("B", "South Korea's Lim Jonghoon takes a selfie."),
        ("C", "Lim Jong-hoon, bronze medallist, smiles."),
    ]);
    let hits = find_in_folder(&corpus, &analysis, "lim jonghoon");
    let found: Vec<(usize, String, Option<&str>)> = hits
        .iter()
        .map(|h| {
            let text = corpus.photos[0].variants[h.location.variant]
                .section(h.location.section)
                .map_or("", |t| t.as_str());
            (
                h.location.variant,
                h.location.span.slice(text).to_string(),
                h.person.as_deref(),
            )
        })
        .collect();
    let person = analysis.photos[0].people[0].name.as_str();
    assert_eq!(
        found,
        vec![
            (0, "Lim Jong-hoon".to_string(), Some(person)),
            (1, "Lim Jonghoon".to_string(), Some(person)),
            (2, "Lim Jong-hoon".to_string(), Some(person)),
        ]
    );
    // One word of a name finds the person too; a text hit inside a
    // mention is that mention.
    assert_eq!(find_in_folder(&corpus, &analysis, "Lim").len(), 3);
    // A word that names nobody is found as text only.
    let selfie = find_in_folder(&corpus, &analysis, "selfie");
    assert_eq!(selfie.len(), 2);
    assert!(selfie.iter().all(|h| h.person.is_none()));
}
