#![allow(clippy::unwrap_used)]

use crate::analysis::findings::FindingKind;
use crate::analysis::test_photos::photo;
use crate::analysis::{Vocabulary, analyze_photo};

/// (summary, odd quote) of every result finding of a photo of captions.
fn results(captions: &[(&str, &str)]) -> Vec<(String, String)> {
    let analysis = analyze_photo(&photo(captions), &Vocabulary::builtin());
    analysis
        .findings
        .iter()
        .filter(|f| f.key.starts_with("result/"))
        .map(|f| {
            assert_eq!(f.kind, FindingKind::Quantity);
            (f.summary.clone(), f.flagged().next().unwrap().quote.clone())
        })
        .collect()
}

const FINAL_A: &str = "Usain Bolt of Jamaica won the final in 9.81 seconds, ahead of Justin Gatlin, who took second place at 9.89 seconds.";
const FINAL_B: &str = "Der Jamaikaner Usain Bolt lief die Strecke in 9,81 Sekunden, schneller als Justin Gatlin (9,89 Sekunden).";
const SEMI: &str =
    "Usain Bolt finished the semi-final with a 9.86-second win over Andre De Grasse.";

#[test]
fn a_result_one_hundredth_off_what_others_give_the_same_person_is_a_finding() {
    let found = results(&[
        ("A", FINAL_A),
        ("B", FINAL_B),
        ("C", SEMI),
        (
            "Slate",
            "Parti plutôt lentement, Usain Bolt a rattrapé Justin Gatlin, avant de s'imposer en 9 secondes 80.",
        ),
    ]);
    assert_eq!(
        found,
        vec![(
            "Slate writes \"9 secondes 80\" for Usain Bolt; 2 other outlets give 9.81 seconds (\"9.81 seconds\")".to_string(),
            "9 secondes 80".to_string()
        )]
    );
}

#[test]
fn results_of_other_people_and_other_rounds_are_not_near_misses() {
    // 9.86 (semi-final) and 9.81 (final) for Bolt, 9.89 for Gatlin: all right.
    let found = results(&[
        ("A", FINAL_A),
        ("B", FINAL_B),
        ("C", SEMI),
        ("D", "Usain Bolt ran 9.86 seconds in his semi-final."),
        ("E", "Andre De Grasse of Canada finished third, at 9.91."),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn a_pronoun_continues_the_subject_and_a_relative_clause_the_name_before_it() {
    // E gives Gatlin 9.88 through "who"; the pronoun gives F's 9.80 to Bolt.
    let found = results(&[
        ("A", FINAL_A),
        ("B", FINAL_B),
        (
            "E",
            "Usain Bolt beat Justin Gatlin, who finished second at 9.88 seconds.",
        ),
        (
            "F",
            "Usain Bolt is the fastest man alive. He completed the dash in just 9.80 seconds.",
        ),
    ]);
    let odd: Vec<&str> = found.iter().map(|(_, q)| q.as_str()).collect();
    assert_eq!(odd, vec!["9.88 seconds", "9.80 seconds"], "{found:#?}");
    assert!(
        found[0]
            .0
            .contains("for Justin Gatlin; 2 other outlets give 9.89")
    );
    assert!(
        found[1]
            .0
            .contains("for Usain Bolt; 2 other outlets give 9.81")
    );
}

#[test]
fn a_value_without_a_unit_agrees_but_is_never_called_wrong() {
    let found = results(&[
        ("A", FINAL_A),
        ("B", FINAL_B),
        ("C", "Usain Bolt won in 9.82 to take gold."),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn a_coarser_value_or_one_printed_twice_is_not_a_near_miss() {
    let found = results(&[
        ("A", FINAL_A),
        ("B", FINAL_B),
        ("C", "Usain Bolt won the final in 9.8 seconds."),
        ("D", "Usain Bolt won the final in 9.82 seconds."),
        ("E", "Usain Bolt won the final in 9.82 seconds."),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn the_odd_value_given_to_someone_else_elsewhere_is_not_a_near_miss() {
    // D's 9.80 might be another runner's: nobody else gives it, but C does
    // (to Gatlin), so the attachment is doubtful.
    let found = results(&[
        ("A", FINAL_A),
        ("B", FINAL_B),
        ("C", "Justin Gatlin ran 9.80 seconds in the heats."),
        ("D", "Usain Bolt won the final in 9.80 seconds."),
    ]);
    assert_eq!(found, vec![]);
}
