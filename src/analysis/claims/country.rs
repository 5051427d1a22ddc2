//! Country claims: "South Korea’s Lim", "the South’s Shin Yu-bin and Lim
//! Jong-hoon", "South Korean athlete Lim Jong-hoon", "the victorious Chinese
//! team Wang Chuqin and Sun Yingsha", "Wang Chuqin and Sun Yingsha (China)",
//! "Cole Hocker of the United States", "Josh Kerr, of Britain".
//!
//! A country form covers the list of names right after it (joined by commas
//! and "and" only), so in "North Korea's Ri Jong-sik and Kim Kum-yong China's
//! Wang Chuqin" North Korea covers Ri and Kim, and China covers Wang alone.

use super::{Entity, OF, SectionClaims};
use crate::analysis::Attribute;
use crate::analysis::scan::Gap;

pub(super) fn find(c: &mut SectionClaims<'_, '_>) {
    for k in 0..c.s.countries.len() {
        let Some(hit) = c.country_hit(k).copied() else {
            continue;
        };
        if c.quoted(hit.start) {
            continue;
        }
        let name = c
            .vocab
            .country_names
            .get(hit.country)
            .cloned()
            .unwrap_or_default();
        let possessive = c.s.words.get(hit.end() - 1).is_some_and(|w| w.possessive);
        // The names it covers, and the span that says so.
        let mut list = Vec::new();
        let mut span = c.s.full_span(hit.start, hit.end());
        if possessive {
            if c.s.gap(hit.end()) == Gap::Space
                && let Some(m) = c.mention_starting_at(hit.end())
            {
                list = c.list_forward(m);
            }
        } else {
            // A demonym, up to two nouns, then names.
            let mut next = hit.end();
            while next < hit.end() + 3 {
                if c.s.gap(next) != Gap::Space || !c.s.same_sentence(hit.start, next) {
                    break;
                }
                if let Some(m) = c.mention_starting_at(next) {
                    list = c.list_forward(m);
                    break;
                }
                if !c.vocab.person_nouns.contains(c.s.key(next)) {
                    break;
                }
                next += 1;
            }
            // "Wang Chuqin and Sun Yingsha (China)".
            if list.is_empty() && c.s.between(hit.start.wrapping_sub(1), hit.start).trim() == "(" {
                let after =
                    c.s.text
                        .get(c.s.full_span(hit.start, hit.end()).end..)
                        .unwrap_or("");
                if after.starts_with(')')
                    && let Some(m) = c.mention_ending_at(hit.start)
                {
                    list = c.list_back(m);
                    span = c.s.full_span(hit.start, hit.end());
                }
            }
        }
        // "Cole Hocker of the United States", "Kerr, of Britain".
        if list.is_empty()
            && let Some(m) = c.owner_of(k)
        {
            // "Ri and Kim of North Korea": the list before it, back to a
            // name with its own country ("A of X and B of Y").
            let all = c.list_back(m);
            let own = |p: usize| {
                p != m && (0..c.s.countries.len()).any(|other| c.owner_of(other) == Some(p))
            };
            let from = all.iter().rposition(|&p| own(p)).map_or(0, |x| x + 1);
            list = all.get(from..).unwrap_or_default().to_vec();
            let of = (hit.start.saturating_sub(2)..hit.start)
                .find(|&p| OF.contains(&c.s.key(p)))
                .unwrap_or(hit.start);
            span = c.s.full_span(of, hit.end());
        }
        for m in list {
            c.push_entity(Entity::Person(m), Attribute::Country, &name, span);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::claims::testing::{claims_of, t};

    fn countries(text: &str) -> Vec<(String, String, String, String)> {
        claims_of(text, None)
            .into_iter()
            .filter(|c| c.1 == "country")
            .collect()
    }

    #[test]
    fn possessive_country_forms_cover_the_list_after_them() {
        assert_eq!(
            countries("North Korea's Ri Jong-sik and Kim Kum-yong China's Wang Chuqin"),
            vec![
                t("Ri Jong Sik", "country", "North Korea", "North Korea's"),
                t("Kim Kum Yong", "country", "North Korea", "North Korea's"),
                t("Wang Chuqin", "country", "China", "China's"),
            ]
        );
        assert_eq!(
            countries(
                "North Korea’s Ri Jong Sik and Kim Kum Yong and the South’s Shin Yu-bin and Lim Jong-hoon"
            ),
            vec![
                t("Ri Jong Sik", "country", "North Korea", "North Korea’s"),
                t("Kim Kum Yong", "country", "North Korea", "North Korea’s"),
                t("Shin Yu-bin", "country", "South Korea", "the South’s"),
                t("Lim Jong-hoon", "country", "South Korea", "the South’s"),
            ]
        );
    }

    #[test]
    fn demonyms_and_brackets() {
        assert_eq!(
            countries(
                "South Korean athlete Lim Jong-hoon and the victorious Chinese team Wang Chuqin and Sun Yingsha"
            ),
            vec![
                t("Lim Jong-hoon", "country", "South Korea", "South Korean"),
                t("Wang Chuqin", "country", "China", "Chinese"),
                t("Sun Yingsha", "country", "China", "Chinese"),
            ]
        );
        assert_eq!(
            countries("gold medallists Wang Chuqin and Sun Yingsha (China), silver"),
            vec![
                t("Wang Chuqin", "country", "China", "China"),
                t("Sun Yingsha", "country", "China", "China"),
            ]
        );
    }

    #[test]
    fn a_country_after_of_is_the_named_persons() {
        assert_eq!(
            countries("Lim Jong-hoon of South Korea and Wang Chuqin, of China, posed."),
            vec![
                t("Lim Jong-hoon", "country", "South Korea", "of South Korea"),
                t("Wang Chuqin", "country", "China", "of China"),
            ]
        );
        assert_eq!(
            countries(
                "Wang Chuqin, 27, of China, and Ri Jong Sik of North Korea and Lim Jong-hoon of South Korea"
            ),
            vec![
                t("Wang Chuqin", "country", "China", "of China"),
                t("Ri Jong Sik", "country", "North Korea", "of North Korea"),
                t("Lim Jong-hoon", "country", "South Korea", "of South Korea"),
            ]
        );
        assert_eq!(
            countries("Ri Jong Sik and Kim Kum Yong of North Korea smiled."),
            vec![
                t("Ri Jong Sik", "country", "North Korea", "of North Korea"),
                t("Kim Kum Yong", "country", "North Korea", "of North Korea"),
            ]
        );
    }

    #[test]
    fn country_words_that_are_not_claims() {
        assert_eq!(
            countries("Lim’s phone, a South Korean-made Samsung"),
            vec![]
        );
        assert_eq!(countries("South Korea’s two athletes won bronze"), vec![]);
        assert_eq!(countries("“China’s Wang Chuqin,” he said"), vec![]);
        assert_eq!(
            countries("Lim Jong-hoon beat a Chinese player, Wang Chuqin"),
            vec![]
        );
    }
}
