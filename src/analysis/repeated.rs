//! A person named twice in one list ("Lim Jong-hoon, Shin Yu-bin and Lim
//! Jong-hoon"): one of the two places most likely holds someone else.
//!
//! A list is a run of a sentence's mentions separated only by commas and
//! the conjunctions of `assets/names.toml` (`[lists] joiners`), each name
//! possibly followed by its country or age in brackets or after "of"
//! ("A of China, B of China and A of Japan", "A (27), B and A"). The second naming is marked
//! as the odd one, the first as the other side.

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::language::names_data;
use super::people::MentionHit;
use super::section::SectionText;
use super::{ConflictSeverity, Person};
use crate::corpus::Photo;

/// Whether the words between two mentions only join list items: joiners,
/// a country, an age.
fn joins(s: &SectionText<'_>, from: usize, to: usize) -> bool {
    let joiners = &names_data().lists.joiners;
    let in_country = |i: usize| s.countries.iter().any(|c| c.start <= i && i < c.end());
    let words_fit = (from..to).all(|i| {
        let key = s.key(i);
        joiners.iter().any(|j| j == key) || key.chars().all(|c| c.is_ascii_digit()) || in_country(i)
    });
    let between = s.between(from.saturating_sub(1), to);
    let punctuation_fits = between.chars().all(|c| {
        c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(c, ',' | '(' | ')' | '&' | '-' | '\'' | '’')
    });
    words_fit && punctuation_fits
}

/// The named-twice findings of one section, given its mentions in order.
pub(crate) fn find(
    photo: &Photo,
    s: &SectionText<'_>,
    hits: &[MentionHit],
    people: &[Person],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut list: Vec<&MentionHit> = Vec::new();
    for hit in hits {
        let continues = list.last().is_some_and(|prev| {
            s.same_sentence(prev.start, hit.start) && joins(s, prev.end(), hit.start)
        });
        if !continues {
            list.clear();
        }
        if let Some(first) = list.iter().find(|h| h.person == hit.person) {
            let name = people
                .get(hit.person.0)
                .map_or_else(String::new, |p| p.name.clone());
            let (first_span, second_span) = (
                s.span(first.start, first.end()),
                s.span(hit.start, hit.end()),
            );
            let listed = s.slice(s.span(first.start, hit.end()));
            out.push(Finding {
                details: Vec::new(),
                kind: FindingKind::Malformed,
                fact: Fact::Name,
                severity: ConflictSeverity::Medium,
                key: format!("named-twice/{}/{}/{}", s.variant, s.section.name(), second_span.start),
                summary: format!(
                    "{} names {name} twice in one list (\"{listed}\"): one place probably holds someone else",
                    variant_label(photo, s.variant)
                ),
                marks: vec![
                    Mark {
                        variant: s.variant,
                        location: Some(s.location(second_span)),
                        quote: s.slice(second_span).to_string(),
                        odd: true,
                    },
                    Mark {
                        variant: s.variant,
                        location: Some(s.location(first_span)),
                        quote: s.slice(first_span).to_string(),
                        odd: false,
                    },
                ],
                conflict: None,
            });
        }
        list.push(hit);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::analysis::findings::FindingKind;
    use crate::analysis::test_photos::photo;
    use crate::analysis::{Vocabulary, analyze_photo};

    fn named_twice(captions: &[(&str, &str)]) -> Vec<(usize, String, String)> {
        let analysis = analyze_photo(&photo(captions), &Vocabulary::builtin());
        analysis
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Malformed && f.key.starts_with("named-twice"))
            .map(|f| {
                (
                    f.marks[0].variant,
                    f.marks[0].quote.clone(),
                    f.summary.clone(),
                )
            })
            .collect()
    }

    const OTHERS: [(&str, &str); 2] = [
        (
            "A",
            "Lim Jong-hoon and Shin Yu-bin of South Korea pose with Ri Jong Sik and Kim Kum Yong.",
        ),
        (
            "B",
            "South Korea's Lim Jong-hoon and Shin Yu-bin, with Ri Jong Sik and Kim Kum Yong of North Korea.",
        ),
    ];

    #[test]
    fn a_person_listed_twice_is_a_finding_on_the_second_naming() {
        let mut captions = OTHERS.to_vec();
        captions.push((
            "C",
            "From left, Lim Jong-hoon, Shin Yu-bin, Ri Jong Sik and Lim Jong-hoon take a selfie.",
        ));
        let found = named_twice(&captions);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 2);
        assert_eq!(found[0].1, "Lim Jong-hoon");
        assert_eq!(
            found[0].2,
            "C names Lim Jong-hoon twice in one list (\"Lim Jong-hoon, Shin Yu-bin, Ri Jong Sik and Lim Jong-hoon\"): one place probably holds someone else"
        );
    }

    #[test]
    fn a_list_with_countries_is_still_one_list() {
        let mut captions = OTHERS.to_vec();
        captions.push((
            "C",
            "Lim Jong-hoon of South Korea, Ri Jong Sik of North Korea and Lim Jong-hoon of North Korea smile.",
        ));
        assert_eq!(named_twice(&captions).len(), 1);
    }

    #[test]
    fn a_person_named_again_later_in_a_sentence_is_not_a_list() {
        let mut captions = OTHERS.to_vec();
        captions.push((
            "C",
            "Lim Jong-hoon holds the phone while Shin Yu-bin smiles, and then Lim Jong-hoon takes the picture.",
        ));
        captions.push((
            "D",
            "Lim Jong-hoon and Shin Yu-bin won. Lim Jong-hoon and Ri Jong Sik smiled.",
        ));
        assert!(named_twice(&captions).is_empty());
    }
}
