//! Role claims: who took the selfie. "Lim Jonghoon takes a selfie", "Lim
//! Jong-hoon pulling out a Samsung flip-phone", "Lim decided to ... getting out
//! his phone for a selfie" (the nearest person named before the phrase), and
//! "a selfie taken by Lim" (the person right after it).
//!
//! The claim is about the photo: (photo, role, "taken by <person>"), so two
//! variants naming different photographers of the selfie conflict.

use super::SectionClaims;
use crate::analysis::scan::Gap;
use crate::analysis::{Attribute, Subject};

/// Words that make "pulling out" mean a phone, not a withdrawal.
const PICTURE_WORDS: [&str; 9] = [
    "selfie",
    "photo",
    "picture",
    "snap",
    "phone",
    "flipphone",
    "smartphone",
    "camera",
    "group",
];

pub(super) fn find(c: &mut SectionClaims<'_, '_>) {
    for sentence in c.s.sentences() {
        let about_pictures = sentence.clone().any(|i| {
            let key = c.s.key(i);
            PICTURE_WORDS.contains(&key) || c.vocab.device_context.contains(key)
        });
        if !about_pictures {
            continue;
        }
        for i in sentence.clone() {
            if c.quoted(i) {
                continue;
            }
            if let Some(len) = c.vocab.selfie_taker.contains_at(&c.s.words, i) {
                let person = c
                    .mentions
                    .iter()
                    .rfind(|h| h.end() <= i && sentence.contains(&h.start))
                    .map(|h| h.person);
                if let Some(person) = person {
                    claim(c, person, i, i + len);
                }
            }
            if let Some(len) = c.vocab.selfie_taken_by.contains_at(&c.s.words, i)
                && c.s.gap(i + len) == Gap::Space
                && let Some(m) = c.mention_starting_at(i + len)
                && let Some(h) = c.mentions.get(m).copied()
            {
                claim(c, h.person, i, h.end());
            }
        }
    }
}

fn claim(
    c: &mut SectionClaims<'_, '_>,
    person: crate::analysis::PersonId,
    start: usize,
    end: usize,
) {
    let Some(name) = c.people.get(person.0).map(|p| p.name.clone()) else {
        return;
    };
    let span = c.s.span(start, end);
    c.push(
        Subject::Photo,
        Attribute::Role,
        &format!("taken by {name}"),
        span,
    );
}

#[cfg(test)]
mod tests {
    use crate::analysis::claims::testing::{claims_of, t};

    fn roles(text: &str) -> Vec<(String, String, String, String)> {
        claims_of(text, None)
            .into_iter()
            .filter(|c| c.1 == "role")
            .collect()
    }

    #[test]
    fn who_took_the_selfie() {
        assert_eq!(
            roles("South Korea's Lim Jonghoon takes a selfie with North Korea's Ri Jong-sik"),
            vec![t(
                "photo",
                "role",
                "taken by Lim Jong-hoon",
                "takes a selfie"
            )]
        );
        assert_eq!(
            roles(
                "The event culminated with South Korean athlete Lim Jong-hoon pulling out a Samsung flip-phone to capture the moment."
            ),
            vec![t("photo", "role", "taken by Lim Jong-hoon", "pulling out")]
        );
        assert_eq!(
            roles(
                "Shin Yu-bin smiled. After having their medals placed around them, South Korea’s Lim Jong-hoon decided to mark the occasion by getting out his phone for a selfie."
            ),
            vec![t(
                "photo",
                "role",
                "taken by Lim Jong-hoon",
                "getting out his phone"
            )]
        );
        assert_eq!(
            roles("Six medallists pose for a selfie taken by Lim Jong-hoon on a Samsung phone."),
            vec![t(
                "photo",
                "role",
                "taken by Lim Jong-hoon",
                "selfie taken by Lim Jong-hoon"
            )]
        );
    }

    #[test]
    fn role_phrases_that_are_not_claims() {
        assert_eq!(
            roles("Lim Jong-hoon is pulling out of the tournament."),
            vec![]
        );
        assert_eq!(
            roles("Athletes from all three countries posed for a selfie."),
            vec![]
        );
        assert_eq!(roles("“Lim Jong-hoon takes a selfie,” he joked."), vec![]);
    }
}
