#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::Vocabulary;
use crate::analysis::test_photos::photo;

/// (summary, fact, quotes of the marks) of each finding.
fn lost(captions: &[(&str, &str)]) -> Vec<(String, Fact, Vec<String>)> {
    let p = photo(captions);
    let sections = SectionText::all_of(&p, &Vocabulary::builtin());
    find(&p, &sections)
        .into_iter()
        .map(|f| {
            let quotes = f.marks.iter().map(|m| m.quote.clone()).collect();
            (f.summary, f.fact, quotes)
        })
        .collect()
}

#[test]
fn a_question_mark_for_a_letter_the_copy_prints_is_named_with_the_copy() {
    let found = lost(&[
        (
            "ABC",
            "Nunca dejó la mano de su hija Irmak, quien murió en Değem.",
        ),
        (
            "AWSVE",
            "Nunca dejó la mano de su hija Irmak, quien murió en De?em.",
        ),
    ]);
    assert_eq!(
        found,
        vec![(
            "AWSVE writes \"De?em\" where ABC prints \"Değem\": the \"ğ\" was lost to the text's encoding"
                .to_owned(),
            Fact::Place,
            vec!["De?em".to_owned(), "Değem".to_owned()]
        )]
    );
}

#[test]
fn without_a_copy_a_lost_letter_in_a_name_or_a_word_is_still_a_finding() {
    let found = lost(&[
        ("A", "President Recep Tayyip Erdo?an visited the site."),
        ("B", "The stad\u{FFFD}um was empty."),
    ]);
    assert_eq!(
        found,
        vec![
            (
                "A writes \"Erdo?an\": a question mark inside a word is a letter lost to the text's encoding"
                    .to_owned(),
                Fact::Name,
                vec!["Erdo?an".to_owned()]
            ),
            (
                "B writes \"stad\u{FFFD}um\": a question mark inside a word is a letter lost to the text's encoding"
                    .to_owned(),
                Fact::Other,
                vec!["stad\u{FFFD}um".to_owned()]
            ),
        ]
    );
}

#[test]
fn a_lost_apostrophe_or_a_question_is_not_a_lost_letter() {
    let found = lost(&[
        (
            "A",
            "The fight was held at St Dominick?s Arena, and it?s famous.",
        ),
        ("B", "We?re told l?homme du jour won. Did he? Really?Yes."),
        (
            "C",
            "See https://example.com/page?id=4 for more, or ask: why?",
        ),
    ]);
    assert_eq!(found, vec![]);
}
