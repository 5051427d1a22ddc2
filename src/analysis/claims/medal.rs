//! Medal claims.
//!
//! A medal word ("silver") counts in these shapes, tried in order:
//! - a label after a list: "X, silver medallist," / "X and Y, bronze medallists";
//! - a demonym before a label: "the South Korean bronze medalists" (the country's people);
//! - a label before a list or a country: "gold medallists Wang Chuqin and Sun Yingsha",
//!   "Gold medallists China";
//! - alone in brackets right after a name: "Cole Hocker (gold)";
//! - a verb before it: "won bronze", "settled for bronze", "bagging a silver",
//!   "clinching the silver medal": the nearest person or country named before
//!   (a country that says where a person is from, "X of Germany took silver",
//!   "X of the United States, who took bronze", gives it to the person);
//! - a possessive: "North Korean athletes ... their silver medals";
//! - after a verb claim, an elliptical "and North Korea silver" (and "Y of
//!   the United States bronze", the person's).
//!
//! Also "on the top step of the podium": gold for everyone named in that sentence.
//!
//! Never a medal: a false friend ("silver lining"); a label with nobody named
//! next to it ("introduced as Silver medallists"); inside quotation marks,
//! anything not tied to a country named inside the same quotation.

use super::{Entity, SectionClaims};
use crate::analysis::scan::Gap;
use crate::analysis::{Attribute, Span};

pub(super) fn find(c: &mut SectionClaims<'_, '_>) {
    let words_len = c.s.words.len();
    let mut verb_claim_in_sentence: Option<usize> = None;
    let mut i = 0;
    while i < words_len {
        let Some((len, medal)) = c.vocab.medal_words.match_at(&c.s.words, i) else {
            i += 1;
            continue;
        };
        let value = c.vocab.medal_values.get(medal).cloned().unwrap_or_default();
        let sentence = c.s.words.get(i).map_or(0, |w| w.sentence);
        if verb_claim_in_sentence.is_some_and(|s| s != sentence) {
            verb_claim_in_sentence = None;
        }
        if !false_friend(c, i) && !bracketed(c, i, len, &value) {
            let found = medal_at(c, i, len, &value);
            if found == Some(Shape::Verb) {
                verb_claim_in_sentence = Some(sentence);
            } else if found.is_none() && verb_claim_in_sentence == Some(sentence) {
                elliptical(c, i, len, &value);
            }
        }
        i += len;
    }
    podium(c);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Label,
    Verb,
    Possessive,
}

fn false_friend(c: &SectionClaims<'_, '_>, i: usize) -> bool {
    (i.saturating_sub(3)..=i).any(|start| {
        c.vocab
            .false_friends
            .match_at(&c.s.words, start)
            .is_some_and(|(len, _)| start + len > i)
    })
}

/// Whether a claim about `entity` may come from a medal word at `i`: outside
/// quotations anything goes; inside, only a country named in the same quotation.
fn allowed(c: &SectionClaims<'_, '_>, i: usize, entity: Entity) -> bool {
    if !c.quoted(i) {
        return true;
    }
    match entity {
        Entity::Person(_) => false,
        Entity::Country(k) => c
            .country_hit(k)
            .is_some_and(|h| c.quoted(h.start) && c.s.same_sentence(h.start, i)),
    }
}

fn claim_list(
    c: &mut SectionClaims<'_, '_>,
    i: usize,
    entities: &[Entity],
    value: &str,
    span: Span,
) -> bool {
    let mut any = false;
    for &e in entities {
        if allowed(c, i, e) {
            c.push_entity(e, Attribute::Medal, value, span);
            any = true;
        }
    }
    any
}

fn medal_at(c: &mut SectionClaims<'_, '_>, i: usize, len: usize, value: &str) -> Option<Shape> {
    let after = i + len;
    // A label: "silver medallist(s)".
    if let Some(hlen) = c.vocab.holders.contains_at(&c.s.words, after) {
        let span = c.s.span(i, after + hlen);
        // After a list: "X and Y, bronze medallists".
        if c.s.gap(i) == Gap::Comma
            && let Some(m) = c.mention_ending_at(i)
        {
            let list: Vec<Entity> = c.list_back(m).into_iter().map(Entity::Person).collect();
            return claim_list(c, i, &list, value, span).then_some(Shape::Label);
        }
        // A demonym right before: "the South Korean bronze medalists".
        if c.s.gap(i) == Gap::Space
            && let Some(k) = c.country_ending_at(i)
        {
            let span = Span::new(c.s.span(k_start(c, k), i).start, span.end);
            return claim_list(c, i, &[Entity::Country(k)], value, span).then_some(Shape::Label);
        }
        // Before a list or a country: "gold medallists Wang Chuqin", "Gold medallists China".
        let next = after + hlen;
        if c.s.gap(next) == Gap::Space && c.s.same_sentence(i, next) {
            match c.entity_starting_at(next) {
                Some(Entity::Person(m)) => {
                    let list: Vec<Entity> =
                        c.list_forward(m).into_iter().map(Entity::Person).collect();
                    return claim_list(c, i, &list, value, span).then_some(Shape::Label);
                }
                Some(country @ Entity::Country(_)) => {
                    return claim_list(c, i, &[country], value, span).then_some(Shape::Label);
                }
                None => {}
            }
        }
        return None;
    }
    let noun_len = c
        .vocab
        .medal_nouns
        .contains_at(&c.s.words, after)
        .unwrap_or(0);
    let end = after + noun_len;
    // "their silver medals".
    if i > 0 && c.vocab.possessives.contains(c.s.key(i - 1)) && noun_len > 0 {
        let span = c.s.span(i - 1, end);
        if let Some(e) = c.nearest_before(i - 1) {
            return claim_entity(c, i, e, value, span).then_some(Shape::Possessive);
        }
        return None;
    }
    // A verb: "won bronze", "bagging a silver", "clinching the silver medal".
    let mut verb_end = i;
    if i > 0 && c.vocab.articles.contains(c.s.key(i - 1)) && c.s.gap(i) == Gap::Space {
        verb_end = i - 1;
    }
    if let Some((verb_start, _)) = c.vocab.medal_verbs.match_ending_at(&c.s.words, verb_end)
        && c.s.gap(verb_end) == Gap::Space
        && c.s.same_sentence(verb_start, i)
    {
        let span = c.s.span(verb_start, end);
        if let Some(e) = c.subject_before(verb_start) {
            return claim_entity(c, i, e, value, span).then_some(Shape::Verb);
        }
    }
    None
}

fn k_start(c: &SectionClaims<'_, '_>, k: usize) -> usize {
    c.country_hit(k).map_or(0, |h| h.start)
}

/// A claim about an entity named before a verb: a person stands for the list it ends.
fn claim_entity(
    c: &mut SectionClaims<'_, '_>,
    i: usize,
    e: Entity,
    value: &str,
    span: Span,
) -> bool {
    let list: Vec<Entity> = match e {
        Entity::Person(m) => c.list_back(m).into_iter().map(Entity::Person).collect(),
        country => vec![country],
    };
    claim_list(c, i, &list, value, span)
}

/// "... won bronze and North Korea silver": an entity right before the medal word.
fn elliptical(c: &mut SectionClaims<'_, '_>, i: usize, len: usize, value: &str) {
    if c.s.gap(i) != Gap::Space {
        return;
    }
    if let Some(e) = c.entity_ending_at(i) {
        let (start, _) = c.range(e);
        let span = c.s.span(start, i + len);
        // "... and Yared Nuguse of the United States bronze": the person.
        let e = match e {
            Entity::Country(k) => c.owner_of(k).map_or(e, Entity::Person),
            person => person,
        };
        claim_entity(c, i, e, value, span);
    }
}

/// "Cole Hocker (gold)": a medal word alone in brackets right after a name.
fn bracketed(c: &mut SectionClaims<'_, '_>, i: usize, len: usize, value: &str) -> bool {
    let opens = c.s.between(i.saturating_sub(1), i).trim() == "(";
    let span = c.s.span(i, i + len);
    let closes = c.s.text.get(span.end..).is_some_and(|r| r.starts_with(')'));
    if !opens || !closes || i == 0 {
        return false;
    }
    let Some(m) = c.mention_ending_at(i) else {
        return false;
    };
    claim_list(c, i, &[Entity::Person(m)], value, span)
}

/// "on the top step of the podium": gold for everyone named in the sentence.
fn podium(c: &mut SectionClaims<'_, '_>) {
    for sentence in c.s.sentences() {
        for p in sentence.clone() {
            let Some((len, _)) = c.vocab.podium_gold.match_at(&c.s.words, p) else {
                continue;
            };
            if c.quoted(p) {
                continue;
            }
            let span = c.s.span(p, p + len);
            let people: Vec<Entity> = (0..c.mentions.len())
                .filter(|&m| {
                    c.mentions
                        .get(m)
                        .is_some_and(|h| sentence.contains(&h.start))
                })
                .map(Entity::Person)
                .collect();
            let entities = if people.is_empty() {
                (0..c.s.countries.len())
                    .filter(|&k| {
                        c.country_hit(k)
                            .is_some_and(|h| sentence.contains(&h.start))
                    })
                    .map(Entity::Country)
                    .collect()
            } else {
                people
            };
            for e in entities {
                c.push_entity(e, Attribute::Medal, "gold", span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::claims::testing::{claims_of, t};

    fn medals(text: &str) -> Vec<(String, String, String, String)> {
        claims_of(text, None)
            .into_iter()
            .filter(|c| c.1 == "medal")
            .collect()
    }

    #[test]
    fn labels_after_lists_apply_to_every_name() {
        assert_eq!(
            medals(
                "South Korea’s Lim Jonghoon, silver medallist, takes a selfie with teammate Shin Yubin, China’s Chuqin Wang and Yingsha Sun, gold medallists, and North Korea’s Jong Sik Ri and Kum Yong Kim, bronze medallists, after the ceremony."
            ),
            vec![
                t("Lim Jong-hoon", "medal", "silver", "silver medallist"),
                t("Wang Chuqin", "medal", "gold", "gold medallists"),
                t("Sun Yingsha", "medal", "gold", "gold medallists"),
                t("Ri Jong Sik", "medal", "bronze", "bronze medallists"),
                t("Kim Kum Yong", "medal", "bronze", "bronze medallists"),
            ]
        );
    }

    #[test]
    fn labels_before_lists_and_countries() {
        assert_eq!(
            medals("Gold medallists China also joined in."),
            vec![
                t("Wang Chuqin", "medal", "gold", "Gold medallists"),
                t("Sun Yingsha", "medal", "gold", "Gold medallists"),
            ]
        );
        assert_eq!(
            medals(
                "silver medallists Ri Jong Sik and Kim Kum Yong (North Korea) and bronze medallists Lim Jong-hoon and Shin Yu-bin (South Korea)"
            ),
            vec![
                t("Ri Jong Sik", "medal", "silver", "silver medallists"),
                t("Kim Kum Yong", "medal", "silver", "silver medallists"),
                t("Lim Jong-hoon", "medal", "bronze", "bronze medallists"),
                t("Shin Yu-bin", "medal", "bronze", "bronze medallists"),
            ]
        );
    }

    #[test]
    fn a_country_saying_where_a_person_is_from_gives_the_verb_to_the_person() {
        assert_eq!(
            medals("Lim Jong-hoon of South Korea took bronze in Paris."),
            vec![t("Lim Jong-hoon", "medal", "bronze", "took bronze")]
        );
        assert_eq!(
            medals("Ri Jong Sik (North Korea) won silver."),
            vec![t("Ri Jong Sik", "medal", "silver", "won silver")]
        );
    }

    #[test]
    fn verbs_give_the_medal_to_the_nearest_team_before() {
        assert_eq!(
            medals(
                "The Chinese team clinched gold, North Korea snagged silver, and South Korea settled for bronze."
            ),
            vec![
                t("Wang Chuqin", "medal", "gold", "clinched gold"),
                t("Sun Yingsha", "medal", "gold", "clinched gold"),
                t("Ri Jong Sik", "medal", "silver", "snagged silver"),
                t("Kim Kum Yong", "medal", "silver", "snagged silver"),
                t("Lim Jong-hoon", "medal", "bronze", "settled for bronze"),
                t("Shin Yu-bin", "medal", "bronze", "settled for bronze"),
            ]
        );
        assert_eq!(
            medals(
                "North Korea surprised many with their strong performance, clinching the silver medal, their first Olympic medal since 2016. Meanwhile, South Korea secured the bronze, with China taking home the gold."
            ),
            vec![
                t(
                    "Ri Jong Sik",
                    "medal",
                    "silver",
                    "clinching the silver medal"
                ),
                t(
                    "Kim Kum Yong",
                    "medal",
                    "silver",
                    "clinching the silver medal"
                ),
                t("Lim Jong-hoon", "medal", "bronze", "secured the bronze"),
                t("Shin Yu-bin", "medal", "bronze", "secured the bronze"),
                t("Wang Chuqin", "medal", "gold", "taking home the gold"),
                t("Sun Yingsha", "medal", "gold", "taking home the gold"),
            ]
        );
        assert_eq!(
            medals(
                "South Korea’s two athletes won bronze in the mixed doubles event on Tuesday with North Korea bagging a silver."
            ),
            vec![
                t("Lim Jong-hoon", "medal", "bronze", "won bronze"),
                t("Shin Yu-bin", "medal", "bronze", "won bronze"),
                t("Ri Jong Sik", "medal", "silver", "bagging a silver"),
                t("Kim Kum Yong", "medal", "silver", "bagging a silver"),
            ]
        );
    }

    #[test]
    fn the_agency_forms_of_country_and_medal() {
        // "NAME of COUNTRY VERB", an article before the country, a relative
        // clause, an elliptical medal after "NAME of COUNTRY", brackets.
        assert_eq!(
            medals(
                "Lim Jong-hoon of the South Korea took bronze, Ri Jong Sik of North Korea silver."
            ),
            vec![
                t("Lim Jong-hoon", "medal", "bronze", "took bronze"),
                t("Ri Jong Sik", "medal", "silver", "North Korea silver"),
            ]
        );
        assert_eq!(
            medals("Wang Chuqin of China, who took gold, and Ri Jong Sik (silver) posed."),
            vec![
                t("Wang Chuqin", "medal", "gold", "took gold"),
                t("Ri Jong Sik", "medal", "silver", "silver"),
            ]
        );
    }

    #[test]
    fn an_elliptical_country_medal_after_a_verb() {
        assert_eq!(
            medals(
                "After South Korea won bronze and North Korea silver in the mixed doubles behind China, South Korea’s Lim Jong-hoon took a group photo."
            ),
            vec![
                t("Lim Jong-hoon", "medal", "bronze", "won bronze"),
                t("Shin Yu-bin", "medal", "bronze", "won bronze"),
                t("Ri Jong Sik", "medal", "silver", "North Korea silver"),
                t("Kim Kum Yong", "medal", "silver", "North Korea silver"),
            ]
        );
    }

    #[test]
    fn quotations_count_only_for_countries_named_inside_them() {
        assert_eq!(
            medals(
                "Another added, “What a fantastic gesture from North Korean athletes: before receiving their silver medals, they stepped down to salute the South Korean bronze medalists.”"
            ),
            vec![
                t("Ri Jong Sik", "medal", "silver", "their silver medals"),
                t("Kim Kum Yong", "medal", "silver", "their silver medals"),
                t(
                    "Lim Jong-hoon",
                    "medal",
                    "bronze",
                    "South Korean bronze medalists"
                ),
                t(
                    "Shin Yu-bin",
                    "medal",
                    "bronze",
                    "South Korean bronze medalists"
                ),
            ]
        );
        assert_eq!(
            medals(
                "Lim Jong-hoon smiled. “I congratulated them when they were introduced as Silver medallists,” Lim told Korean media."
            ),
            vec![]
        );
        assert_eq!(medals("“Lim Jong-hoon won silver,” a fan wrote."), vec![]);
    }

    #[test]
    fn the_top_step_of_the_podium_is_gold_for_everyone_named() {
        assert_eq!(
            medals(
                "North Korea’s Ri Jong Sik and Kim Kum Yong and the South’s Shin Yu-bin and Lim Jong-hoon are standing proudly on the top step of the podium in the picture."
            ),
            vec![
                t("Ri Jong Sik", "medal", "gold", "top step of the podium"),
                t("Kim Kum Yong", "medal", "gold", "top step of the podium"),
                t("Shin Yu-bin", "medal", "gold", "top step of the podium"),
                t("Lim Jong-hoon", "medal", "gold", "top step of the podium"),
            ]
        );
        assert_eq!(
            medals("The table tennis stars smiling on top of the podium."),
            vec![]
        );
    }

    #[test]
    fn medal_words_that_are_not_claims() {
        assert_eq!(
            medals("Lim Jong-hoon saw a silver lining in the loss."),
            vec![]
        );
        assert_eq!(
            medals("Lim Jong-hoon watched as China won gold."),
            vec![
                t("Wang Chuqin", "medal", "gold", "won gold"),
                t("Sun Yingsha", "medal", "gold", "won gold"),
            ]
        );
        assert_eq!(
            medals("Lim Jong-hoon congratulated Wang Chuqin, who won gold."),
            vec![t("Wang Chuqin", "medal", "gold", "won gold")]
        );
        assert_eq!(medals("Lim Jong-hoon wore a silver watch."), vec![]);
        assert_eq!(
            medals(
                "North Korea's Ri Jong-sik and Kim Kum-yong China's Wang Chuqin, gold medallists"
            ),
            vec![t("Wang Chuqin", "medal", "gold", "gold medallists")]
        );
    }
}
