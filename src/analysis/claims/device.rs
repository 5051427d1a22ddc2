//! Device claims: the make of the phone or camera ("a Samsung", "Samsung
//! flip-phone", "a South Korean-made Samsung"), in a sentence about a phone,
//! camera or selfie, or right after "a"/"an".

use super::SectionClaims;
use crate::analysis::{Attribute, Subject};

pub(super) fn find(c: &mut SectionClaims<'_, '_>) {
    for sentence in c.s.sentences() {
        let context = sentence
            .clone()
            .any(|i| c.vocab.device_context.contains(c.s.key(i)));
        for i in sentence.clone() {
            let Some((len, device)) = c.vocab.devices.match_at(&c.s.words, i) else {
                continue;
            };
            // "Samsung", "iPhone": a make is written with a capital somewhere.
            let capitalised =
                c.s.slice(c.s.span(i, i + 1))
                    .chars()
                    .any(char::is_uppercase);
            let after_article = i > 0 && matches!(c.s.key(i - 1), "a" | "an");
            if !capitalised || !(context || after_article) {
                continue;
            }
            let Some(name) = c.vocab.device_names.get(device).cloned() else {
                continue;
            };
            let span = c.s.span(i, i + len);
            c.push(Subject::Photo, Attribute::Device, &name, span);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::claims::testing::{claims_of, t};

    fn devices(text: &str) -> Vec<(String, String, String, String)> {
        claims_of(text, None)
            .into_iter()
            .filter(|c| c.1 == "device")
            .collect()
    }

    #[test]
    fn phone_makes() {
        assert_eq!(
            devices("Lim Jong-hoon pulling out a Samsung flip-phone"),
            vec![t("photo", "device", "Samsung", "Samsung")]
        );
        assert_eq!(
            devices("They all beamed into Lim’s phone, a South Korean-made Samsung."),
            vec![t("photo", "device", "Samsung", "Samsung")]
        );
        assert_eq!(
            devices("Taken on an iPhone"),
            vec![t("photo", "device", "Apple", "iPhone")]
        );
    }

    #[test]
    fn makes_that_are_not_the_device() {
        assert_eq!(devices("Samsung is a sponsor of the Games."), vec![]);
        assert_eq!(devices("He bought a samsung television."), vec![]);
    }
}
