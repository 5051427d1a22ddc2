//! Misspelt country names: "la Guerra del Vietman" for Vietnam. The
//! country table (`assets/countries.toml`, every country in ten languages)
//! says how each is spelt, so one variant is enough.
//!
//! A word is reported as a misspelling of a country's one-word form when
//! all of these hold:
//! - it stands where a place stands: capitalised, not in capitals, right
//!   after a preposition (`assets/places.toml`: "in", "del", "aus");
//! - it does not start a longer name ("Francis Street");
//! - it has at least [`MIN_LETTERS`] letters, is no country form itself, and
//!   is printed capitalised by no other variant (a real place the table does
//!   not know is printed by others too);
//! - it has the form's length and first letter, and differs from it by two
//!   letters swapped ("Vietman", "Vietnma") or, from [`SUBSTITUTION_LETTERS`]
//!   letters on, by one letter ("Venezuala" for Venezuela).
//!
//! Same length only: endings that inflect a name ("Jamaicano", "Italiano",
//! "Kanadas") are never misspellings.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::scan::{Gap, word_key};
use super::section::SectionText;
use super::vocabulary::Vocabulary;
use super::{ConflictSeverity, Span};
use crate::corpus::Photo;

const PLACES_DATA: &str = include_str!("../../assets/places.toml");

/// Shorter words are never compared ("Mali", "Oman", "Peru").
pub const MIN_LETTERS: usize = 6;
/// From this length on, one changed letter is a misspelling too.
pub const SUBSTITUTION_LETTERS: usize = 7;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PlacesData {
    before: Vec<String>,
}

fn before_words() -> &'static BTreeSet<String> {
    static WORDS: OnceLock<BTreeSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let data: PlacesData = toml::from_str(PLACES_DATA).unwrap_or_default();
        data.before.iter().map(|w| word_key(w)).collect()
    })
}

/// Whether `word` (as written) is a preposition a place stands after
/// ("in", "en", "aus").
pub(crate) fn is_place_preposition(word: &str) -> bool {
    before_words().contains(&word_key(word))
}

/// Whether word `i` stands as a town before its region: after a place
/// preposition and before a comma and a capitalised word ("in Lewiston,
/// Maine"; "en Kahramanmaraş, Turquía"). Such a word is a place, never a
/// person's misspelt name.
pub(crate) fn town_and_region(s: &SectionText<'_>, i: usize) -> bool {
    let after_preposition = i > 0
        && s.same_sentence(i - 1, i)
        && s.gap(i) == Gap::Space
        && before_words().contains(s.key(i - 1));
    let region_next = s
        .words
        .get(i + 1)
        .is_some_and(|w| w.capitalised && w.gap == Gap::Comma && s.same_sentence(i, i + 1));
    after_preposition && region_next
}

/// Whether `word` is `form` with two letters swapped or, when long enough,
/// one letter changed (both keys of the same length).
fn near(word: &[char], form: &[char]) -> bool {
    if word.len() != form.len() || word.first() != form.first() || word == form {
        return false;
    }
    let differ: Vec<usize> = (0..word.len()).filter(|&i| word[i] != form[i]).collect();
    match differ[..] {
        [a, b] => word[a] == form[b] && word[b] == form[a],
        [_] => word.len() >= SUBSTITUTION_LETTERS,
        _ => false,
    }
}

/// The misspelt-country findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    vocab: &Vocabulary,
) -> Vec<Finding> {
    let before = before_words();
    let mut candidates = Vec::new();
    for (n, s) in sections.iter().enumerate() {
        for i in 1..s.words.len() {
            let w = &s.words[i];
            if w.capitalised
                && !w.all_caps
                && !s.blocked[i]
                && w.key.chars().count() >= MIN_LETTERS
                && w.key.chars().all(char::is_alphabetic)
                && s.same_sentence(i - 1, i)
                && s.gap(i) == Gap::Space
                && before.contains(s.key(i - 1))
                && !starts_longer_name(s, i)
            {
                candidates.push((n, i));
            }
        }
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for (n, i) in candidates {
        let s = &sections[n];
        let w = &s.words[i];
        let word: Vec<char> = w.key.chars().collect();
        let Some((form, country)) = vocab
            .country_words
            .shaped_like(&word)
            .iter()
            .find(|(f, _)| near(&word, f))
        else {
            continue;
        };
        let printed_elsewhere = sections.iter().any(|o| {
            o.variant != s.variant && o.words.iter().any(|x| x.capitalised && x.key == w.key)
        });
        if printed_elsewhere {
            continue;
        }
        let written = s.slice(w.span).to_string();
        let right: String = form.iter().collect();
        let name = vocab.country_names.get(*country).map_or("", String::as_str);
        let key = format!("country-spelling/{}/{written}", s.variant);
        if findings.iter().any(|f: &Finding| f.key == key) {
            continue;
        }
        findings.push(Finding {
            details: Vec::new(),
            kind: FindingKind::MisspeltName,
            fact: Fact::Place,
            severity: ConflictSeverity::Medium,
            key,
            summary: format!(
                "{} writes \"{written}\" where a place stands: the country {name} is written \"{}\"",
                variant_label(photo, s.variant),
                capitalise(&right),
            ),
            marks: vec![Mark {
                variant: s.variant,
                location: Some(s.location(Span::new(w.span.start, w.span.end))),
                quote: written,
                odd: true,
            }],
            conflict: None,
        });
    }
    findings
}

/// Word `i` is followed by another capitalised word: a longer name
/// ("Francis Street", "Jamaica Plain").
fn starts_longer_name(s: &SectionText<'_>, i: usize) -> bool {
    s.words
        .get(i + 1)
        .is_some_and(|n| n.capitalised && s.same_sentence(i, i + 1) && n.gap == Gap::Space)
}

fn capitalise(key: &str) -> String {
    let mut c = key.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::analysis::test_photos::photo;

    fn misspelt(captions: &[(&str, &str)]) -> Vec<String> {
        let p = photo(captions);
        let vocab = Vocabulary::builtin();
        let sections = SectionText::all_of(&p, &vocab);
        find(&p, &sections, &vocab)
            .into_iter()
            .map(|f| f.summary)
            .collect()
    }

    #[test]
    fn a_country_with_two_letters_swapped_is_a_finding_in_any_language() {
        assert_eq!(
            misspelt(&[(
                "Blog",
                "Se negó a acudir a la Guerra del Vietman y perdió el título."
            )]),
            vec![
                "Blog writes \"Vietman\" where a place stands: the country Vietnam is written \"Vietnam\""
            ]
        );
        assert_eq!(
            misspelt(&[(
                "A",
                "Der Sprinter kommt aus Jamiaka und lief 9,81 Sekunden."
            )])
            .len(),
            1
        );
    }

    #[test]
    fn inflections_short_names_and_words_not_after_a_preposition_are_not() {
        let found = misspelt(&[
            ("A", "El jamaicano Usain Bolt corre en Jamaicano Park."),
            (
                "B",
                "He flew in from Vietnam and from Peru, then Viet Man spoke.",
            ),
            ("C", "Vietman said nothing."),
            ("D", "She moved to Francis Street."),
        ]);
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn a_word_other_variants_print_too_is_a_place_the_table_does_not_know() {
        let found = misspelt(&[
            ("A", "He grew up in Nigeira, a village."),
            ("B", "He was born in Nigeira."),
        ]);
        assert_eq!(found, Vec::<String>::new());
        assert_eq!(misspelt(&[("B", "He was born in Nigeira.")]).len(), 1);
    }
}
