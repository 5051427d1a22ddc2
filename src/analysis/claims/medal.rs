//! Medal claims.
//!
//! A medal word ("silver") counts in these shapes, tried in order:
//! - a label after a list: "X, silver medallist," / "X and Y, bronze medallists"
//!   (past an apposition: "X, 27, of the United States, gold medallist");
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
//!   the United States bronze", the person's; "y Fred Kerley el bronce");
//! - a list of medals before "respectively" pairs with the list of names
//!   before the verb: "A and B won gold and silver respectively"; so does a
//!   list between a possessive and a medal noun: "A and B with their gold
//!   and bronze medals".
//!
//! A verb after "to" ("A beat B to win gold") is the clause subject's, not
//! the nearest name's. Medal words, verbs and articles are English, Spanish,
//! French, German, Portuguese, Italian and Turkish (`assets/vocabulary.toml`);
//! "la medalla de oro" and "la médaille d'or" are a verb's medal too.
//!
//! Also "on the top step of the podium": gold for everyone named in that sentence.
//!
//! Never a medal of this event: one whose clause names a year before the
//! variant's publication ("Bolt, who won gold in 2008,"), another Games'.
//!
//! Never a medal: a false friend ("silver lining"); a label with nobody named
//! next to it ("introduced as Silver medallists"); inside quotation marks,
//! anything not tied to a country named inside the same quotation.

use super::{AND, Entity, SectionClaims};
use crate::analysis::scan::Gap;
use crate::analysis::{Attribute, Span};

/// Words that open a purpose clause: "to win", "pour remporter", "para ganar".
const PURPOSE: [&str; 5] = ["to", "pour", "para", "per", "um"];
/// Words after a list of medals that pair them with a list of names.
const RESPECTIVELY: [&str; 7] = [
    "respectively",
    "respectivamente",
    "respectivement",
    "beziehungsweise",
    "jeweils",
    "rispettivamente",
    "sirasiyla",
];

pub(super) fn find(c: &mut SectionClaims<'_, '_>) {
    let mut paired = respectively(c);
    paired.extend(their_medals(c));
    let words_len = c.s.words.len();
    let mut verb_claim_in_sentence: Option<usize> = None;
    let mut i = 0;
    while i < words_len {
        let Some((len, medal)) = c.vocab.medal_words.match_at(&c.s.words, i) else {
            i += 1;
            continue;
        };
        if paired.contains(&i) {
            i += len;
            continue;
        }
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

/// Whether the medal word at `i` is about another Games: its clause (back
/// and forward to a comma or the sentence's end) names a year before the
/// variant's publication ("who won bronze in 2008", "gold at Tokyo 2020").
fn another_games(c: &SectionClaims<'_, '_>, i: usize) -> bool {
    let Some(published) = c.published else {
        return false;
    };
    use chrono::Datelike;
    let mut start = i;
    while start > 0 && c.s.same_sentence(start - 1, start) && c.s.gap(start) != Gap::Comma {
        start -= 1;
    }
    let mut end = i + 1;
    while end < c.s.words.len() && c.s.same_sentence(i, end) && c.s.gap(end) != Gap::Comma {
        end += 1;
    }
    (start..end).any(|k| {
        let key = c.s.key(k);
        key.len() == 4
            && key.bytes().all(|b| b.is_ascii_digit())
            && key
                .parse::<i32>()
                .is_ok_and(|y| (1896..published.year()).contains(&y))
    })
}

fn claim_list(
    c: &mut SectionClaims<'_, '_>,
    i: usize,
    entities: &[Entity],
    value: &str,
    span: Span,
) -> bool {
    if another_games(c, i) {
        return false;
    }
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
            && let Some(m) = c.appositive_owner(i)
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
    // A verb: "won bronze", "bagging a silver", "clinching the silver medal",
    // "ganó la medalla de oro", "a remporté la médaille d'or".
    let mut verb_end = i;
    let noun_before = |k: usize| c.vocab.medal_nouns_before.contains(c.s.key(k));
    if i >= 2 && c.s.key(i - 1) == "de" && noun_before(i - 2) && c.s.gap(i) == Gap::Space {
        verb_end = i - 2;
    } else if i >= 1 && noun_before(i - 1) && c.s.gap(i) == Gap::Space {
        verb_end = i - 1;
    }
    if verb_end > 0
        && c.vocab.articles.contains(c.s.key(verb_end - 1))
        && c.s.gap(verb_end) == Gap::Space
    {
        verb_end -= 1;
    }
    if let Some((verb_start, _)) = c.vocab.medal_verbs.match_ending_at(&c.s.words, verb_end)
        && c.s.gap(verb_end) == Gap::Space
        && c.s.same_sentence(verb_start, i)
    {
        let span = c.s.span(verb_start, end);
        // "A beat B to win gold": the clause's subject, not the nearest name.
        let purpose = verb_start > 0 && PURPOSE.contains(&c.s.key(verb_start - 1));
        let subject = if purpose {
            c.clause_subject(verb_start - 1)
        } else {
            c.subject_before(verb_start)
        };
        if let Some(e) = subject {
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
    // "... y Fred Kerley el bronce": an article may stand between.
    let mut at = i;
    if i > 0 && c.vocab.articles.contains(c.s.key(i - 1)) && c.s.gap(i - 1) == Gap::Space {
        at = i - 1;
    }
    if let Some(e) = c.entity_ending_at(at) {
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
/// Also after the country: "Kishane Thompson (Jamaika, Silber)".
fn bracketed(c: &mut SectionClaims<'_, '_>, i: usize, len: usize, value: &str) -> bool {
    let span = c.s.span(i, i + len);
    let closes = c.s.text.get(span.end..).is_some_and(|r| r.starts_with(')'));
    if !closes || i == 0 {
        return false;
    }
    let before = c.s.between(i - 1, i).trim();
    let owner = if before == "(" {
        c.mention_ending_at(i)
    } else if before == "," {
        c.country_ending_at(i).and_then(|k| {
            let start = c.country_hit(k)?.start;
            (c.s.between(start.saturating_sub(1), start).trim() == "(")
                .then(|| c.mention_ending_at(start))
                .flatten()
        })
    } else {
        None
    };
    let Some(m) = owner else {
        return false;
    };
    claim_list(c, i, &[Entity::Person(m)], value, span)
}

/// "Lyles and Thompson won gold and silver respectively": the medals, in
/// order, to the names of the list before the verb. Returns the medal words
/// it read, so that no other shape reads them again.
fn respectively(c: &mut SectionClaims<'_, '_>) -> Vec<usize> {
    let mut paired = Vec::new();
    for sentence in c.s.sentences() {
        let Some(r) = sentence
            .clone()
            .find(|&k| RESPECTIVELY.contains(&c.s.key(k)))
        else {
            continue;
        };
        // The medal words right before it, joined by "and" or commas.
        let mut medals: Vec<(usize, usize, String)> = Vec::new();
        let mut k = sentence.start;
        while k < r {
            if let Some((len, medal)) = c.vocab.medal_words.match_at(&c.s.words, k) {
                let value = c.vocab.medal_values.get(medal).cloned().unwrap_or_default();
                medals.push((k, len, value));
                k += len;
            } else {
                k += 1;
            }
        }
        let Some(&(first, _, _)) = medals.first() else {
            continue;
        };
        let Some((verb_start, _)) = (sentence.start..=first)
            .rev()
            .find_map(|end| c.vocab.medal_verbs.match_ending_at(&c.s.words, end))
        else {
            continue;
        };
        let Some(Entity::Person(m)) = c.subject_before(verb_start) else {
            continue;
        };
        let people = c.list_back(m);
        if people.len() != medals.len() || people.len() < 2 {
            continue;
        }
        let last = medals.last().map_or(first, |&(k, len, _)| k + len);
        let span = c.s.span(first, last.max(r + 1));
        for (&person, (k, _, value)) in people.iter().zip(&medals) {
            if allowed(c, *k, Entity::Person(person)) {
                c.push_entity(Entity::Person(person), Attribute::Medal, value, span);
            }
            paired.push(*k);
        }
    }
    paired
}

/// "Lyles and Kerley celebrate their gold and bronze medals": two or more
/// medal words joined by "and" between a possessive and a medal noun, in
/// order, to the names of the list named last before it. Returns the medal
/// words it read.
fn their_medals(c: &mut SectionClaims<'_, '_>) -> Vec<usize> {
    let mut paired = Vec::new();
    for p in 0..c.s.words.len() {
        if !c.vocab.possessives.contains(c.s.key(p)) {
            continue;
        }
        let mut medals: Vec<(usize, String)> = Vec::new();
        let mut j = p + 1;
        while let Some((len, medal)) = c.vocab.medal_words.match_at(&c.s.words, j) {
            if !c.s.same_sentence(p, j) {
                break;
            }
            let value = c.vocab.medal_values.get(medal).cloned().unwrap_or_default();
            medals.push((j, value));
            j += len;
            if AND.contains(&c.s.key(j))
                || c.s.gap(j) == Gap::Comma && c.vocab.medal_words.match_at(&c.s.words, j).is_some()
            {
                j += usize::from(AND.contains(&c.s.key(j)));
            } else {
                break;
            }
        }
        let Some(noun_len) = c.vocab.medal_nouns.contains_at(&c.s.words, j) else {
            continue;
        };
        let Some(Entity::Person(m)) = c.nearest_before(p) else {
            continue;
        };
        let people = c.list_back(m);
        if medals.len() < 2 || people.len() != medals.len() {
            continue;
        }
        let span = c.s.span(p, j + noun_len);
        for (&person, (k, value)) in people.iter().zip(&medals) {
            if allowed(c, *k, Entity::Person(person)) {
                c.push_entity(Entity::Person(person), Attribute::Medal, value, span);
            }
            paired.push(*k);
        }
    }
    paired
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
#[path = "medal_tests.rs"]
mod tests;
