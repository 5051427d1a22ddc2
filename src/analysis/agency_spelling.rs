//! Misspelt agency names in credits: "Getty Imagse", "Asociated Press",
//! "REUTRES". The agencies and their spellings are data (the vocabulary's
//! `agencies`, extendable by a folder's `vocabulary.toml`), so one variant
//! is enough.
//!
//! A run of one to three capitalised words is read as a credit where it
//! stands in the variant's credit line, or where a credit cue comes right
//! before it (a credit prefix such as "Photo:" or "via", a slash, a ©, an
//! opening bracket) or a slash or closing bracket right after it. It is a
//! finding when it is no spelling the vocabulary knows and its letters
//! (words joined, case and diacritics folded) are at most
//! [`MAX_EDITS_SHORT`] edits from a known spelling's, or [`MAX_EDITS_LONG`]
//! from [`LONG_LETTERS`] letters on, with the same first letter, and at
//! least [`MIN_LETTERS`] letters ("AFP" against "AFC" is never compared).
//! A run inside a longer capitalised name is not read.

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::scan::{Gap, Word, scan};
use super::section::SectionText;
use super::vocabulary::Vocabulary;
use super::{ConflictSeverity, Location, Span};
use crate::corpus::Photo;

pub const MIN_LETTERS: usize = 6;
pub const LONG_LETTERS: usize = 12;
pub const MAX_EDITS_SHORT: usize = 1;
pub const MAX_EDITS_LONG: usize = 2;
/// Longest run of words read as one agency name.
const MAX_WORDS: usize = 3;

/// Where a run of words stands.
#[derive(Clone, Copy)]
enum Place {
    /// The variant's credit line: every run is a credit.
    CreditLine,
    /// A section's text: only runs next to a credit cue.
    Text(Location),
}

/// The misspelt-agency findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    vocab: &Vocabulary,
) -> Vec<Finding> {
    // Every known spelling, words joined: ("gettyimages", agency).
    let known: Vec<(String, usize)> = vocab
        .agencies
        .phrases()
        .map(|(keys, agency)| (keys.concat(), agency))
        .collect();
    let mut out = Vec::new();
    for (v, variant) in photo.variants.iter().enumerate() {
        if let Some(credit) = &variant.source.credit {
            let words = scan(credit).words;
            read(
                photo,
                v,
                credit,
                &words,
                Place::CreditLine,
                &known,
                vocab,
                &mut out,
            );
        }
    }
    for s in sections {
        let at = s.location(Span::new(0, 0));
        read(
            photo,
            s.variant,
            s.text,
            &s.words,
            Place::Text(at),
            &known,
            vocab,
            &mut out,
        );
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn read(
    photo: &Photo,
    variant: usize,
    text: &str,
    words: &[Word],
    place: Place,
    known: &[(String, usize)],
    vocab: &Vocabulary,
    out: &mut Vec<Finding>,
) {
    let capital = |w: &Word| w.capitalised || w.all_caps;
    let joined =
        |a: usize, b: usize| words[b].gap == Gap::Space && words[a].sentence == words[b].sentence;
    for start in 0..words.len() {
        if !capital(&words[start])
            || (start > 0 && capital(&words[start - 1]) && joined(start - 1, start))
        {
            continue;
        }
        let mut end = start + 1;
        while end < words.len() && capital(&words[end]) && joined(end - 1, end) {
            end += 1;
        }
        if end - start > MAX_WORDS {
            continue;
        }
        let before = start.checked_sub(1).map_or("", |p| {
            text.get(words[p].full_end..words[start].span.start)
                .unwrap_or("")
        });
        let after = words.get(end).map_or_else(
            || text.get(words[end - 1].full_end..).unwrap_or(""),
            |n| {
                text.get(words[end - 1].full_end..n.span.start)
                    .unwrap_or("")
            },
        );
        let cued = match place {
            Place::CreditLine => true,
            Place::Text(_) => {
                before.contains(['/', '©', '('])
                    || after.trim_start().starts_with(['/', ')'])
                    || vocab
                        .credit_prefixes
                        .match_ending_at(words, start)
                        .is_some()
            }
        };
        if !cued {
            continue;
        }
        let key: String = words[start..end].iter().map(|w| w.key.as_str()).collect();
        let letters = key.chars().count();
        if letters < MIN_LETTERS || known.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let limit = if letters >= LONG_LETTERS {
            MAX_EDITS_LONG
        } else {
            MAX_EDITS_SHORT
        };
        let Some((_, agency)) = known
            .iter()
            .filter(|(k, _)| k.chars().next() == key.chars().next())
            .map(|(k, a)| (strsim::osa_distance(&key, k), a))
            .filter(|(d, _)| *d <= limit)
            .min_by_key(|(d, _)| *d)
        else {
            continue;
        };
        let span = Span::new(words[start].span.start, words[end - 1].span.end);
        let written = span.slice(text).to_string();
        let name = vocab.agency_names.get(*agency).map_or("", String::as_str);
        let (location, where_) = match place {
            Place::CreditLine => (None, "in its credit line"),
            Place::Text(at) => (Some(Location { span, ..at }), "as a credit"),
        };
        let key = format!("agency-spelling/{variant}/{written}");
        if out.iter().any(|f| f.key == key) {
            continue;
        }
        out.push(Finding {
            details: Vec::new(),
            kind: FindingKind::MisspeltName,
            fact: Fact::Credit,
            severity: ConflictSeverity::Low,
            key,
            summary: format!(
                "{} writes \"{written}\" {where_}: the agency is spelt \"{name}\"",
                variant_label(photo, variant)
            ),
            marks: vec![Mark {
                variant,
                location,
                quote: written,
                odd: true,
            }],
            conflict: None,
        });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::analysis::test_photos::variant;

    fn misspelt(credit: Option<&str>, caption: &str) -> Vec<String> {
        let mut v = variant("A", caption);
        v.source.credit = credit.map(str::to_string);
        let p = Photo {
            variants: vec![v],
            ..Photo::default()
        };
        let vocab = Vocabulary::builtin();
        let sections = SectionText::all_of(&p, &vocab);
        find(&p, &sections, &vocab)
            .into_iter()
            .map(|f| f.summary)
            .collect()
    }

    #[test]
    fn a_credit_a_letter_off_a_known_agency_is_a_finding() {
        assert_eq!(
            misspelt(Some("Cameron Spencer/Getty Imagse"), "Bolt grins."),
            vec![
                "A writes \"Getty Imagse\" in its credit line: the agency is spelt \"Getty Images\""
            ]
        );
        assert_eq!(
            misspelt(None, "Trump raises his fist. (Evan Vucci/Asociated Press)"),
            vec![
                "A writes \"Asociated Press\" as a credit: the agency is spelt \"Associated Press\""
            ]
        );
        assert_eq!(misspelt(None, "Photo: REUTRES").len(), 1);
    }

    #[test]
    fn known_spellings_names_away_from_credits_and_short_names_are_not() {
        assert!(misspelt(Some("AP Photo/Evan Vucci"), "Photo: Getty Images").is_empty());
        // No credit cue: a person called Reuter.
        assert!(misspelt(None, "Paul Reuter said the rally was calm.").is_empty());
        // Three letters are never compared.
        assert!(misspelt(Some("AFC"), "via EPE").is_empty());
        // Part of a longer name.
        assert!(misspelt(Some("Getty Imagse Sport Europe Ltd"), "x").is_empty());
    }
}
