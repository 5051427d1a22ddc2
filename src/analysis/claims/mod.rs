//! Claims: what each variant asserts, as (subject, attribute, value), each
//! tied to the exact span that states it. One module per family of claims;
//! this one holds what they share: a section with its people and countries,
//! name lists, and "the nearest team or person named before".

mod country;
mod credit;
mod device;
mod medal;
mod reference;
mod role;
mod when_where;

use chrono::NaiveDate;

use super::people::MentionHit;
use super::scan::Gap;
use super::section::{CountryHit, SectionText};
use super::vocabulary::Vocabulary;
use super::{Attribute, Claim, ClaimOrigin, Person, PersonId, Span, Subject};

pub(crate) use reference::{reference_claims, source_field_claims};

/// Who a statement is about: a person named in the text, or a country (whose
/// people in the photo the statement then covers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entity {
    /// Index into the section's mention hits.
    Person(usize),
    /// Index into the section's country hits.
    Country(usize),
}

/// Everything the finders need about one section.
pub(crate) struct SectionClaims<'s, 'a> {
    pub s: &'s SectionText<'a>,
    pub mentions: &'s [MentionHit],
    pub vocab: &'s Vocabulary,
    pub people: &'s [Person],
    /// The variant's publication date, for weekdays.
    pub published: Option<NaiveDate>,
    pub claims: Vec<Claim>,
}

/// "and" in the dev set's languages: what joins the last two names of a list.
pub(super) const AND: [&str; 7] = ["and", "y", "e", "et", "und", "ve", "ed"];

/// The words before a country that say where a person is from.
pub(super) const OF: [&str; 12] = [
    "of", "from", "de", "du", "aus", "von", "da", "do", "dos", "das", "del", "des",
];

/// Words that open a relative clause about the name before the comma.
const RELATIVES: [&str; 8] = ["who", "quien", "qui", "que", "der", "die", "che", "which"];

/// Words that may stand between "of" and a country: "of Team United States".
const TEAM_WORDS: [&str; 6] = [
    "team",
    "equipo",
    "equipe",
    "mannschaft",
    "seleccion",
    "squadra",
];

impl<'s, 'a> SectionClaims<'s, 'a> {
    pub fn new(
        s: &'s SectionText<'a>,
        mentions: &'s [MentionHit],
        vocab: &'s Vocabulary,
        people: &'s [Person],
        published: Option<NaiveDate>,
    ) -> Self {
        SectionClaims {
            s,
            mentions,
            vocab,
            people,
            published,
            claims: Vec::new(),
        }
    }

    /// The country claims of this section (found first: a medal statement
    /// about a country needs the people's countries).
    pub fn find_countries(mut self) -> Vec<Claim> {
        country::find(&mut self);
        self.claims
    }

    /// Every other claim of this section.
    pub fn find_others(mut self) -> Vec<Claim> {
        medal::find(&mut self);
        role::find(&mut self);
        credit::find(&mut self);
        when_where::find(&mut self);
        device::find(&mut self);
        self.claims
    }

    pub fn push(&mut self, subject: Subject, attribute: Attribute, value: &str, span: Span) {
        let claim = Claim {
            subject,
            attribute,
            value: value.to_string(),
            origin: ClaimOrigin::Variant(self.s.location(span)),
            quote: self.s.slice(span).to_string(),
        };
        if !self.claims.contains(&claim) {
            self.claims.push(claim);
        }
    }

    /// A claim about an entity: one per person it covers.
    pub fn push_entity(&mut self, entity: Entity, attribute: Attribute, value: &str, span: Span) {
        for person in self.entity_people(entity) {
            self.push(Subject::Person(person), attribute, value, span);
        }
    }

    pub fn entity_people(&self, entity: Entity) -> Vec<PersonId> {
        match entity {
            Entity::Person(m) => self.mentions.get(m).map(|h| h.person).into_iter().collect(),
            Entity::Country(c) => match self.s.countries.get(c) {
                Some(hit) => self.country_people(hit.country),
                None => Vec::new(),
            },
        }
    }

    /// The photo's people from a country (by `Vocabulary::country_names` index).
    pub fn country_people(&self, country: usize) -> Vec<PersonId> {
        let Some(name) = self.vocab.country_names.get(country) else {
            return Vec::new();
        };
        self.people
            .iter()
            .filter(|p| {
                p.country
                    .as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case(name))
            })
            .map(|p| p.id)
            .collect()
    }

    pub fn country_hit(&self, c: usize) -> Option<&CountryHit> {
        self.s.countries.get(c)
    }

    /// Word range of an entity.
    pub fn range(&self, entity: Entity) -> (usize, usize) {
        match entity {
            Entity::Person(m) => self.mentions.get(m).map_or((0, 0), |h| (h.start, h.end())),
            Entity::Country(c) => self
                .s
                .countries
                .get(c)
                .map_or((0, 0), |h| (h.start, h.end())),
        }
    }

    pub fn mention_ending_at(&self, end: usize) -> Option<usize> {
        self.mentions.iter().position(|h| h.end() == end)
    }

    pub fn mention_starting_at(&self, start: usize) -> Option<usize> {
        self.mentions.iter().position(|h| h.start == start)
    }

    pub fn country_ending_at(&self, end: usize) -> Option<usize> {
        self.s.countries.iter().position(|h| h.end() == end)
    }

    pub fn country_starting_at(&self, start: usize) -> Option<usize> {
        self.s.countries.iter().position(|h| h.start == start)
    }

    /// The entity starting at word `i`, person first.
    pub fn entity_starting_at(&self, i: usize) -> Option<Entity> {
        self.mention_starting_at(i)
            .map(Entity::Person)
            .or_else(|| self.country_starting_at(i).map(Entity::Country))
    }

    /// The entity ending right before word `i`, person first.
    pub fn entity_ending_at(&self, i: usize) -> Option<Entity> {
        self.mention_ending_at(i)
            .map(Entity::Person)
            .or_else(|| self.country_ending_at(i).map(Entity::Country))
    }

    /// The subject a verb at word `i` has: the nearest person or country
    /// before it, except that a country which only says where a person is
    /// from ("Lea Meyer of Germany took silver", "Lea Meyer (Germany) took
    /// silver") gives the verb to that person.
    pub fn subject_before(&self, i: usize) -> Option<Entity> {
        let nearest = self.nearest_before(i)?;
        let Entity::Country(k) = nearest else {
            return Some(nearest);
        };
        Some(self.owner_of(k).map_or(nearest, Entity::Person))
    }

    /// The subject of the clause word `i` stands in: its first person or
    /// country, after the last comma before `i` in the sentence; after ",
    /// who" the name before the comma ("Thompson, who edged Kerley to take
    /// silver").
    pub fn clause_subject(&self, i: usize) -> Option<Entity> {
        let sentence = self.s.words.get(i)?.sentence;
        let mut start = i;
        while start > 0
            && self
                .s
                .words
                .get(start - 1)
                .is_some_and(|w| w.sentence == sentence)
            && self.s.gap(start) != Gap::Comma
        {
            start -= 1;
        }
        if RELATIVES.contains(&self.s.key(start)) && self.s.gap(start) == Gap::Comma {
            return self.entity_ending_at(start).map(|e| match e {
                Entity::Country(k) => self.owner_of(k).map_or(e, Entity::Person),
                person => person,
            });
        }
        (start..i).find_map(|k| self.entity_starting_at(k))
    }

    /// Whether word `k` is an age: a number of one to three digits.
    pub fn is_age(&self, k: usize) -> bool {
        let key = self.s.key(k);
        (1..=3).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_digit())
    }

    /// The name an apposition ending before word `i` belongs to, past an age
    /// and a country: "Noah Lyles, 27, of the United States, gold medallist".
    pub fn appositive_owner(&self, i: usize) -> Option<usize> {
        if let Some(m) = self.mention_ending_at(i) {
            return Some(m);
        }
        if self.s.gap(i) != Gap::Comma {
            return None;
        }
        if let Some(k) = self.country_ending_at(i) {
            return self.owner_of(k);
        }
        (i >= 1 && self.is_age(i - 1) && self.s.gap(i - 1) == Gap::Comma)
            .then(|| self.mention_ending_at(i - 1))
            .flatten()
    }

    /// The person a country says where they are from: "Cole Hocker of the
    /// United States", "Ri Jong Sik (North Korea)", "Kerr, of Britain".
    pub fn owner_of(&self, k: usize) -> Option<usize> {
        let start = self.country_hit(k)?.start;
        let mut p = start.checked_sub(1)?;
        // "of the United States", "de los Estados Unidos", "of Team USA".
        for _ in 0..2 {
            let key = self.s.key(p);
            let filler = self.vocab.articles.contains(key) || TEAM_WORDS.contains(&key);
            if !filler || self.s.gap(p + 1) != Gap::Space {
                break;
            }
            p = p.checked_sub(1)?;
        }
        let of = self.s.same_sentence(p, start) && OF.contains(&self.s.key(p));
        if of {
            // "Noah Lyles, 27, of the United States": past the age.
            let age_before = p >= 2 && self.is_age(p - 1) && self.s.gap(p) == Gap::Comma;
            if age_before && self.s.gap(p - 1) == Gap::Comma {
                return self.mention_ending_at(p - 1);
            }
            return self.mention_ending_at(p);
        }
        if self.s.between(start.saturating_sub(1), start).contains('(') {
            return self.mention_ending_at(start);
        }
        None
    }

    /// The nearest person or country named before word `i` in its sentence.
    pub fn nearest_before(&self, i: usize) -> Option<Entity> {
        let mut best: Option<(usize, Entity)> = None;
        for (m, h) in self.mentions.iter().enumerate() {
            if h.end() <= i
                && self.s.same_sentence(h.start, i)
                && best.is_none_or(|(e, _)| h.end() > e)
            {
                best = Some((h.end(), Entity::Person(m)));
            }
        }
        for (c, h) in self.s.countries.iter().enumerate() {
            if h.end() <= i
                && self.s.same_sentence(h.start, i)
                && best.is_none_or(|(e, _)| h.end() > e)
            {
                best = Some((h.end(), Entity::Country(c)));
            }
        }
        best.map(|(_, e)| e)
    }

    /// Whether the text from word `a_end` on to word `b_start` is a list joint:
    /// ", " or " and " or ", and ".
    pub fn list_joint(&self, a_end: usize, b_start: usize) -> bool {
        if a_end == 0 || !self.s.same_sentence(a_end - 1, b_start) {
            return false;
        }
        // "A of X and B of Y": the first name's country stands between.
        if let Some(k) = self
            .s
            .countries
            .iter()
            .position(|h| h.start > a_end && h.start <= a_end + 3 && h.end() <= b_start)
            && self
                .owner_of(k)
                .and_then(|m| self.mentions.get(m))
                .is_some_and(|h| h.end() == a_end)
            && let Some(end) = self.country_hit(k).map(|h| h.end())
        {
            return self.list_joint(end, b_start);
        }
        if b_start == a_end {
            return self.s.gap(b_start) == Gap::Comma;
        }
        b_start == a_end + 1
            && AND.contains(&self.s.key(a_end))
            && matches!(self.s.gap(a_end), Gap::Space | Gap::Comma)
            && self.s.gap(b_start) == Gap::Space
    }

    /// The list of names ending with mention `m` ("X, Y and Z"): mention indices in order.
    pub fn list_back(&self, m: usize) -> Vec<usize> {
        let mut list = vec![m];
        let mut current = m;
        while current > 0 {
            let (Some(prev), Some(cur)) =
                (self.mentions.get(current - 1), self.mentions.get(current))
            else {
                break;
            };
            if !self.list_joint(prev.end(), cur.start) {
                break;
            }
            current -= 1;
            list.insert(0, current);
        }
        list
    }

    /// The list of names starting with mention `m`.
    pub fn list_forward(&self, m: usize) -> Vec<usize> {
        let mut list = vec![m];
        let mut current = m;
        while let (Some(cur), Some(next)) =
            (self.mentions.get(current), self.mentions.get(current + 1))
        {
            if !self.list_joint(cur.end(), next.start) {
                break;
            }
            current += 1;
            list.push(current);
        }
        list
    }

    /// Whether word `i` is inside quotation marks.
    pub fn quoted(&self, i: usize) -> bool {
        self.s.words.get(i).is_some_and(|w| w.in_quote)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs the claim finders over one hand-written section.

    use super::*;
    use crate::analysis::people::{find_mentions, resolve};
    use crate::corpus::{Photo, ReferenceFacts, ReferencePerson, Section, Text, Variant};

    /// The six people of the founding case.
    pub fn reference() -> ReferenceFacts {
        let p = |name: &str, aliases: &[&str], country: &str| ReferencePerson {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            country: Some(country.to_string()),
            medal: None,
        };
        ReferenceFacts {
            people: vec![
                p("Wang Chuqin", &["Chuqin Wang"], "China"),
                p("Sun Yingsha", &["Yingsha Sun"], "China"),
                p(
                    "Ri Jong Sik",
                    &["Jong Sik Ri", "Ri Jong-sik"],
                    "North Korea",
                ),
                p(
                    "Kim Kum Yong",
                    &["Kum Yong Kim", "Kim Kum-yong"],
                    "North Korea",
                ),
                p(
                    "Lim Jong-hoon",
                    &["Lim Jonghoon", "Jong-hoon Lim"],
                    "South Korea",
                ),
                p("Shin Yu-bin", &["Shin Yubin", "Yu-bin Shin"], "South Korea"),
            ],
            ..ReferenceFacts::default()
        }
    }

    /// (subject name, attribute, value, quote) of every claim `caption` states.
    pub fn claims_of(
        caption: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(String, String, String, String)> {
        let vocab = Vocabulary::builtin();
        let photo = Photo {
            variants: vec![Variant {
                caption: Text::new(caption),
                ..Variant::default()
            }],
            reference: Some(reference()),
            ..Photo::default()
        };
        let sections = SectionText::all_of(&photo, &vocab);
        let people = resolve(
            &photo,
            &sections,
            &vocab,
            &crate::analysis::language::of_variants(&photo),
        );
        let hits = find_mentions(&sections, &people, &vocab);
        let mut out = Vec::new();
        for (s, h) in sections.iter().zip(&hits) {
            assert_eq!(s.section, Section::Caption);
            let found = SectionClaims::new(s, h, &vocab, &people.people, published)
                .find_countries()
                .into_iter()
                .chain(SectionClaims::new(s, h, &vocab, &people.people, published).find_others());
            for c in found {
                let subject = match c.subject {
                    Subject::Photo => "photo".to_string(),
                    Subject::Person(id) => people.people[id.0].name.clone(),
                };
                out.push((subject, c.attribute.name().to_string(), c.value, c.quote));
            }
        }
        out
    }

    pub fn t(
        subject: &str,
        attribute: &str,
        value: &str,
        quote: &str,
    ) -> (String, String, String, String) {
        (
            subject.to_string(),
            attribute.to_string(),
            value.to_string(),
            quote.to_string(),
        )
    }
}
