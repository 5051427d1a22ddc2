//! A photographer's agency under a name no agency has: "El fotógrafo de
//! Affiliated Push" where the others print Associated Press. Text spinners
//! (machine rewording of wire copy) turn each word of a name into a synonym,
//! so the spun name keeps the original's initials.
//!
//! A name in an agency's place (right after a photographer word and "of",
//! "de", "for", ..: `credit.photographer_words` of the vocabulary; or right
//! before one: "Associated Press photographer") is a finding when it is no
//! agency the vocabulary knows, has the words and initials of an agency name
//! that does ("Affiliated Push", "Associated Press": AP), and that agency is
//! printed somewhere in the photo's other variants.

use super::ConflictSeverity;
use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::section::SectionText;
use super::vocabulary::{Vocabulary, initials};
use crate::corpus::Photo;

/// Words that may join a photographer word to the agency after it.
const JOINERS: [&str; 9] = ["of", "for", "de", "del", "da", "di", "du", "von", "at"];

/// Capitalised words (two or three) from word `start` on, or ending before
/// `end`, in one sentence.
fn name_after(s: &SectionText<'_>, start: usize) -> Option<(usize, usize)> {
    let mut end = start;
    while end < start + 3
        && s.words.get(end).is_some_and(|w| w.capitalised)
        && s.same_sentence(start, end)
    {
        end += 1;
    }
    (end - start >= 2).then_some((start, end))
}

fn name_before(s: &SectionText<'_>, end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    while start > end.saturating_sub(3)
        && start > 0
        && s.words.get(start - 1).is_some_and(|w| w.capitalised)
        && s.same_sentence(start - 1, end)
    {
        start -= 1;
    }
    (end - start >= 2).then_some((start, end))
}

/// The spun agency names of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    vocab: &Vocabulary,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in sections {
        for (i, w) in s.words.iter().enumerate() {
            if !vocab.photographer_words.contains(w.key.as_str()) {
                continue;
            }
            let after = i + 1 + usize::from(JOINERS.contains(&s.key(i + 1)));
            for (start, end) in [name_after(s, after), name_before(s, i)]
                .into_iter()
                .flatten()
            {
                let printed = s.slice(s.span(start, end));
                if vocab.agency_of(printed).is_some() {
                    continue;
                }
                let Some((_, agency, _)) =
                    vocab
                        .agency_initials
                        .iter()
                        .find(|(letters, spelling, idx)| {
                            *letters == initials(printed)
                                && spelling.split_whitespace().count() == end - start
                                && printed_elsewhere(sections, s.variant, vocab, *idx)
                        })
                else {
                    continue;
                };
                out.push(Finding {
                    details: Vec::new(),
                    kind: FindingKind::Malformed,
                    fact: Fact::Credit,
                    severity: ConflictSeverity::Medium,
                    key: format!("spun-agency/{}/{}/{}", s.variant, s.section.name(), s.span(start, end).start),
                    summary: format!(
                        "{} writes \"{printed}\" where the photographer's agency stands: no agency has that name, and it has the initials of {agency}, which other outlets print",
                        variant_label(photo, s.variant)
                    ),
                    marks: vec![Mark {
                        variant: s.variant,
                        location: Some(s.location(s.span(start, end))),
                        quote: printed.to_string(),
                        odd: true,
                    }],
                    conflict: None,
                });
            }
        }
    }
    out
}

/// Whether a variant other than `variant` names the agency `idx`.
fn printed_elsewhere(
    sections: &[SectionText<'_>],
    variant: usize,
    vocab: &Vocabulary,
    idx: usize,
) -> bool {
    sections.iter().filter(|o| o.variant != variant).any(|o| {
        (0..o.words.len()).any(|k| {
            vocab
                .agencies
                .match_at(&o.words, k)
                .is_some_and(|(_, j)| j == idx)
        })
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::analysis::findings::Fact;
    use crate::analysis::test_photos::photo;
    use crate::analysis::{Vocabulary, analyze_photo};

    fn spun(captions: &[(&str, &str)]) -> Vec<(usize, String)> {
        let analysis = analyze_photo(&photo(captions), &Vocabulary::builtin());
        analysis
            .findings
            .iter()
            .filter(|f| f.fact == Fact::Credit && f.key.starts_with("spun-agency"))
            .map(|f| (f.marks[0].variant, f.marks[0].quote.clone()))
            .collect()
    }

    const WIRE: (&str, &str) = (
        "A",
        "Associated Press photographer Evan Vucci took the photo in Butler.",
    );

    #[test]
    fn an_agency_name_spun_word_by_word_is_a_finding() {
        let found = spun(&[
            WIRE,
            (
                "B",
                "El fotógrafo de Affiliated Push que tomó la imagen describió el tiroteo.",
            ),
        ]);
        assert_eq!(found, vec![(1, "Affiliated Push".to_string())]);
    }

    #[test]
    fn known_agencies_other_initials_and_unprinted_agencies_are_not() {
        assert!(
            spun(&[
                WIRE,
                (
                    "B",
                    "The Associated Press photographer Evan Vucci was there."
                )
            ])
            .is_empty()
        );
        assert!(
            spun(&[
                WIRE,
                ("B", "A photographer for Anadolu Agency filmed the crowd.")
            ])
            .is_empty()
        );
        // Initials of an agency no other variant prints.
        assert!(
            spun(&[
                ("A", "Reuters photographer Brendan McDermid was there."),
                ("B", "A photographer of Affiliated Push was there."),
            ])
            .is_empty()
        );
    }
}
