//! A full stop where the other variants print a comma inside a place name:
//! "at a rally in Butler. Pennsylvania." where several outlets write
//! "Butler, Pennsylvania". The stop cuts the place in two, and the second
//! half stands as a sentence of its own.
//!
//! A finding when a variant prints two capitalised words separated by a
//! full stop only, the second one opening a sentence of at most
//! [`MAX_TAIL_WORDS`] words, and at least [`MIN_SUPPORT`] other variants
//! print the same two words with a comma between them.

use std::collections::{BTreeMap, BTreeSet};

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::scan::Gap;
use super::section::SectionText;
use super::{ConflictSeverity, Span};
use crate::corpus::Photo;

/// Other variants that must print the pair with a comma.
pub const MIN_SUPPORT: usize = 2;
/// Words of the sentence the stop leaves behind ("Pennsylvania.").
pub const MAX_TAIL_WORDS: usize = 3;

/// The stray-stop findings of a photo.
pub(crate) fn find(photo: &Photo, sections: &[SectionText<'_>]) -> Vec<Finding> {
    // (first key, second key) -> variants printing "First, Second".
    let mut pairs: BTreeMap<(&str, &str), BTreeSet<usize>> = BTreeMap::new();
    for s in sections {
        for i in 1..s.words.len() {
            let (a, b) = (&s.words[i - 1], &s.words[i]);
            if b.gap == Gap::Comma && a.capitalised && b.capitalised && s.same_sentence(i - 1, i) {
                pairs
                    .entry((a.key.as_str(), b.key.as_str()))
                    .or_default()
                    .insert(s.variant);
            }
        }
    }
    let mut findings = Vec::new();
    for s in sections {
        let sentences = s.sentences();
        for tail in sentences
            .iter()
            .filter(|r| r.start > 0 && r.len() <= MAX_TAIL_WORDS)
        {
            let (i, j) = (tail.start - 1, tail.start);
            let (a, b) = (&s.words[i], &s.words[j]);
            if !a.capitalised || !b.capitalised || s.between(i, j).trim() != "." {
                continue;
            }
            let support: BTreeSet<usize> = pairs
                .get(&(a.key.as_str(), b.key.as_str()))
                .map(|v| v.iter().copied().filter(|&v| v != s.variant).collect())
                .unwrap_or_default();
            if support.len() < MIN_SUPPORT {
                continue;
            }
            let span = Span::new(a.span.start, b.span.end);
            let quote = s.slice(span).to_string();
            let (first, second) = (s.slice(a.span), s.slice(b.span));
            findings.push(Finding {
                details: Vec::new(),
                kind: FindingKind::Malformed,
                fact: Fact::Place,
                severity: ConflictSeverity::Low,
                key: format!("stray-stop/{}/{quote}", s.variant),
                summary: format!(
                    "{} writes \"{quote}\" with a full stop; {} other outlet{} write \"{first}, {second}\"",
                    variant_label(photo, s.variant),
                    support.len(),
                    if support.len() == 1 { "" } else { "s" },
                ),
                marks: vec![Mark {
                    variant: s.variant,
                    location: Some(s.location(span)),
                    quote,
                    odd: true,
                }],
                conflict: None,
            });
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::analysis::Vocabulary;
    use crate::analysis::test_photos::photo;

    fn stray(captions: &[(&str, &str)]) -> Vec<(String, String)> {
        let p = photo(captions);
        let sections = SectionText::all_of(&p, &Vocabulary::builtin());
        find(&p, &sections)
            .into_iter()
            .map(|f| (f.summary, f.marks[0].quote.clone()))
            .collect()
    }

    const RIGHT: &str = "Trump is seen at a campaign rally in Butler, Pennsylvania, on July 13.";

    #[test]
    fn a_full_stop_inside_a_place_the_others_print_with_a_comma_is_a_finding() {
        let found = stray(&[
            ("A", RIGHT),
            ("B", "A rally in Butler, Pennsylvania, ended in chaos."),
            (
                "Brisbane Times",
                "Agents surround Trump at a rally in Butler. Pennsylvania.",
            ),
        ]);
        assert_eq!(
            found,
            vec![(
                "Brisbane Times writes \"Butler. Pennsylvania\" with a full stop; 2 other outlets write \"Butler, Pennsylvania\"".to_string(),
                "Butler. Pennsylvania".to_string()
            )]
        );
    }

    #[test]
    fn a_new_sentence_or_a_pair_only_one_other_outlet_prints_is_not() {
        let found = stray(&[
            ("A", RIGHT),
            ("B", "A rally in Butler, Pennsylvania, ended in chaos."),
            // A real sentence after the stop.
            (
                "C",
                "He spoke in Butler. Pennsylvania is a swing state that both campaigns need.",
            ),
            // Only A prints "Lewiston, Maine".
            ("D", "Ali fought in Lewiston, Maine, in 1965."),
            ("E", "The fight was held in Lewiston. Maine."),
        ]);
        assert_eq!(found, vec![]);
    }
}
