//! Who is in the photo, and every place a variant names them.
//!
//! A spelling is matched by its words' keys (case, diacritics, hyphens and
//! apostrophes folded: "Jong-hoon" = "Jonghoon" = "JONGHOON") joined in one of
//! three orders: as written, first word moved to the end, last word moved to
//! the front. So "Lim Jong-hoon", "Lim Jonghoon", "Jong-hoon Lim" and
//! "Lim Jong Hoon" all meet, as do "Ri Jong Sik", "Jong Sik Ri" and
//! "Ri Jong-sik". A possessive ("Lim’s") is not part of the name.
//!
//! With reference facts, the people are exactly the reference's (name and
//! aliases). Without, names are clustered from the variants: runs of two or
//! three capitalised words that are not countries, stop words or stop
//! phrases, not right after "photographer", merged when their keys meet, and
//! kept only when some variant's caption names them (a person named only in
//! an article is rarely in the picture), and when no spelling of them is an
//! agency or ends in a word that names a thing (`assets/names.toml`,
//! `people.not_person_words`: "Secret Service", "Olympic Stadium"). A title
//! before a name ("President", "Dr", `people.titles`) is not part of it.
//!
//! A bare family name ("Lim") is a mention of the one person in the photo
//! with that family name, only when that person is named in full somewhere in
//! the same variant, and no other full name in that variant uses the word
//! ("Kim’s media" after "Kim Jong-un" is not Kim Kum Yong).

use std::collections::{HashMap, HashSet};

use super::fast_hash::FastMap;
use super::scan::Gap;
use super::section::SectionText;
use super::vocabulary::Vocabulary;
use super::{Location, Mention, Person, PersonId};

mod joins;
use crate::corpus::{Photo, Section};
use joins::{join_across_scripts, join_cut_given_names, join_with_a_word_before};

/// A person named at words `start..start + len` of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MentionHit {
    pub person: PersonId,
    pub start: usize,
    pub len: usize,
}

impl MentionHit {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// Lookup tables from name keys to people.
#[derive(Debug, Clone, Default)]
pub(crate) struct PeopleIndex {
    /// Full-name keys; `None` when two people share the key.
    full: FastMap<String, Option<PersonId>>,
    /// Family-name keys; `None` when two people share it.
    bare: FastMap<String, Option<PersonId>>,
}

/// The three order keys of a name given as word keys.
pub(crate) fn order_keys(keys: &[&str]) -> [String; 3] {
    let as_written: String = keys.concat();
    let first_to_end = match keys.split_first() {
        Some((first, rest)) => rest.concat() + first,
        None => String::new(),
    };
    let last_to_front = match keys.split_last() {
        Some((last, rest)) => (*last).to_string() + &rest.concat(),
        None => String::new(),
    };
    [as_written, first_to_end, last_to_front]
}

fn spelling_keys(spelling: &str) -> Vec<String> {
    super::scan::scan(spelling)
        .words
        .into_iter()
        .map(|w| w.key)
        .collect()
}

/// Family names of a person: words first in one spelling and last in another;
/// else the first and last words of the preferred spelling.
fn family_names(spellings: &[Vec<String>]) -> Vec<String> {
    let firsts: HashSet<&String> = spellings.iter().filter_map(|s| s.first()).collect();
    let lasts: HashSet<&String> = spellings
        .iter()
        .filter(|s| s.len() > 1)
        .filter_map(|s| s.last())
        .collect();
    let mut both: Vec<String> = firsts.intersection(&lasts).map(|s| (*s).clone()).collect();
    both.sort();
    if both.is_empty()
        && let Some(preferred) = spellings.first()
    {
        both.extend(preferred.first().cloned());
        both.extend(preferred.last().cloned());
        both.dedup();
    }
    both
}

impl PeopleIndex {
    fn add(&mut self, id: PersonId, spellings: &[Vec<String>]) {
        for keys in spellings {
            let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
            for key in order_keys(&refs) {
                if key.is_empty() {
                    continue;
                }
                let slot = self.full.entry(key).or_insert(Some(id));
                if *slot != Some(id) {
                    *slot = None;
                }
            }
        }
        for family in family_names(spellings) {
            let slot = self.bare.entry(family).or_insert(Some(id));
            if *slot != Some(id) {
                *slot = None;
            }
        }
    }

    /// The person a full spelling (as word keys) names, if exactly one.
    pub(crate) fn full_match(&self, keys: &[&str]) -> Option<PersonId> {
        // The three orders of `order_keys`, built one at a time in one buffer:
        // this runs for every capitalised word run of every section.
        let (Some((first, rest)), Some((last, init))) = (keys.split_first(), keys.split_last())
        else {
            return None;
        };
        let mut buffer = String::with_capacity(keys.iter().map(|k| k.len()).sum());
        let mut lookup = |parts: &mut dyn Iterator<Item = &&str>| {
            buffer.clear();
            parts.for_each(|p| buffer.push_str(p));
            self.full.get(buffer.as_str()).copied().flatten()
        };
        lookup(&mut keys.iter())
            .or_else(|| lookup(&mut rest.iter().chain(std::iter::once(first))))
            .or_else(|| lookup(&mut std::iter::once(last).chain(init.iter())))
    }

    fn bare_match(&self, key: &str) -> Option<PersonId> {
        self.bare.get(key).copied().flatten()
    }
}

/// The people of a photo and the index to find them.
#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    pub people: Vec<Person>,
    pub index: PeopleIndex,
}

/// A capitalised segment: words `start..end`, with no country form, stop
/// phrase or punctuation inside.
fn segments(s: &SectionText<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, w) in s.words.iter().enumerate() {
        let fits = w.capitalised && !s.blocked.get(i).copied().unwrap_or(false);
        let joins = start.is_some() && w.gap == Gap::Space && s.same_sentence(i - 1, i);
        let after_possessive = i > 0 && s.words.get(i - 1).is_some_and(|p| p.possessive);
        match (fits, start) {
            (true, Some(_)) if joins && !after_possessive => {}
            (true, _) => {
                if let Some(st) = start {
                    out.push((st, i));
                }
                start = Some(i);
            }
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            (false, None) => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.words.len()));
    }
    out
}

fn is_stop(vocab: &Vocabulary, s: &SectionText<'_>, i: usize) -> bool {
    vocab.stop_words.contains(s.key(i))
}

/// Builds the people of a photo: from the reference facts, else clustered.
/// `languages` holds each variant's language (`language::of_variants`).
pub(crate) fn resolve(
    photo: &Photo,
    sections: &[SectionText<'_>],
    vocab: &Vocabulary,
    languages: &[Option<String>],
) -> People {
    let mut people = People::default();
    match &photo.reference {
        Some(reference) if !reference.people.is_empty() => {
            for (i, rp) in reference.people.iter().enumerate() {
                let id = PersonId(i);
                let mut spellings = vec![rp.name.clone()];
                for alias in &rp.aliases {
                    if !spellings.contains(alias) {
                        spellings.push(alias.clone());
                    }
                }
                let keys: Vec<Vec<String>> = spellings.iter().map(|s| spelling_keys(s)).collect();
                people.index.add(id, &keys);
                people.people.push(Person {
                    id,
                    name: rp.name.clone(),
                    spellings,
                    country: rp.country.clone(),
                });
            }
        }
        _ => cluster(sections, vocab, languages, &mut people),
    }
    people
}

/// One name-like run met in the text, for clustering.
struct Candidate {
    spelling: String,
    keys: Vec<String>,
    in_caption: bool,
    variant: usize,
    /// From a text in a language that capitalises every noun (German).
    nouns_capitalised: bool,
}

fn cluster(
    sections: &[SectionText<'_>],
    vocab: &Vocabulary,
    languages: &[Option<String>],
    people: &mut People,
) {
    let nouns_capitalised = &super::language::names_data().people.nouns_capitalised;
    let not_person = &super::language::names_data().people.not_person_words;
    let titles = &super::language::names_data().people.titles;
    let mut candidates: Vec<Candidate> = Vec::new();
    for s in sections {
        for (start, end) in segments(s) {
            let after_photographer = start
                .checked_sub(1)
                .is_some_and(|p| vocab.photographer_words.contains(s.key(p)));
            if after_photographer {
                continue;
            }
            // Split further at stop words; keep pieces of 2 or 3 name-like words.
            let mut piece_start = start;
            for i in start..=end {
                let cut = i == end || is_stop(vocab, s, i);
                if !cut {
                    continue;
                }
                // "President Donald Trump" is Donald Trump.
                while piece_start < i && titles.iter().any(|t| t == s.key(piece_start)) {
                    piece_start += 1;
                }
                let len = i - piece_start;
                let name_like = (piece_start..i).all(|k| {
                    s.words.get(k).is_some_and(|w| {
                        !w.all_caps && w.key.chars().all(char::is_alphabetic) && !w.key.is_empty()
                    })
                });
                // "Supermasive Black hole": a thing's name goes on in lower case.
                let thing_after = i == end
                    && s.same_sentence(i.saturating_sub(1), i)
                    && s.gap(i) == Gap::Space
                    && not_person.iter().any(|w| w == s.key(i));
                if (2..=3).contains(&len) && name_like && !thing_after {
                    let spelling = (piece_start..i)
                        .map(|k| s.slice(s.span(k, k + 1)))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let keys = (piece_start..i).map(|k| s.key(k).to_string()).collect();
                    candidates.push(Candidate {
                        spelling,
                        keys,
                        in_caption: s.section == Section::Caption,
                        variant: s.variant,
                        nouns_capitalised: languages
                            .get(s.variant)
                            .and_then(Option::as_deref)
                            .is_some_and(|l| nouns_capitalised.iter().any(|n| n == l)),
                    });
                }
                piece_start = i + 1;
            }
        }
    }
    // Union-find over shared order keys.
    let mut parent: Vec<usize> = (0..candidates.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while let Some(&p) = parent.get(i) {
            if p == i {
                break;
            }
            let grand = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let refs: Vec<&str> = c.keys.iter().map(String::as_str).collect();
        for key in order_keys(&refs) {
            match owner.get(&key) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    if a != b {
                        let (lo, hi) = (a.min(b), a.max(b));
                        if let Some(slot) = parent.get_mut(hi) {
                            *slot = lo;
                        }
                    }
                }
                None => {
                    owner.insert(key, i);
                }
            }
        }
    }
    join_across_scripts(&candidates, &mut parent, root);
    join_cut_given_names(&candidates, &mut parent, root);
    let described = join_with_a_word_before(&candidates, &mut parent, root);
    // Groups in order of first appearance.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..candidates.len() {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(i),
            None => groups.push((r, vec![i])),
        }
    }
    for (_, members) in groups {
        if !members
            .iter()
            .any(|&m| candidates.get(m).is_some_and(|c| c.in_caption))
        {
            continue;
        }
        // "Kameras Lächeln" (the camera's smile) in one German text: a run of
        // capitalised nouns. A name only such texts print needs two of them.
        let members_of = || members.iter().filter_map(|&m| candidates.get(m));
        if members_of().all(|c| c.nouns_capitalised)
            && members_of()
                .map(|c| c.variant)
                .collect::<HashSet<_>>()
                .len()
                < 2
        {
            continue;
        }
        // "Secret Service", "Event Horizon Telescope", "Associated Press":
        // a thing or an agency, not a person.
        let a_thing = members.iter().filter_map(|&m| candidates.get(m)).any(|c| {
            c.keys
                .last()
                .is_some_and(|k| not_person.iter().any(|w| w == k))
                || vocab.agency_of(&c.spelling).is_some()
        });
        if a_thing {
            continue;
        }
        // Spellings by count, most common first; ties by first appearance.
        let mut spellings: Vec<(String, usize, Vec<String>)> = Vec::new();
        for &m in members.iter().filter(|m| !described.contains(m)) {
            let Some(c) = candidates.get(m) else { continue };
            match spellings.iter_mut().find(|(s, _, _)| *s == c.spelling) {
                Some((_, n, _)) => *n += 1,
                None => spellings.push((c.spelling.clone(), 1, c.keys.clone())),
            }
        }
        spellings.sort_by_key(|s| std::cmp::Reverse(s.1));
        let id = PersonId(people.people.len());
        let keys: Vec<Vec<String>> = spellings.iter().map(|(_, _, k)| k.clone()).collect();
        people.index.add(id, &keys);
        let names: Vec<String> = spellings.into_iter().map(|(s, _, _)| s).collect();
        people.people.push(Person {
            id,
            name: names.first().cloned().unwrap_or_default(),
            spellings: names,
            country: None,
        });
    }
}

/// Finds the people named in each section. `sections` must hold every section
/// of the photo, grouped by variant. Returns the hits per section.
pub(crate) fn find_mentions(
    sections: &[SectionText<'_>],
    people: &People,
    vocab: &Vocabulary,
) -> Vec<Vec<MentionHit>> {
    let mut hits: Vec<Vec<MentionHit>> = vec![Vec::new(); sections.len()];
    // Full names first, noting bare-name candidates and words of unknown full names.
    let mut bare_candidates: Vec<(usize, usize, PersonId)> = Vec::new();
    let mut named_in_full: HashSet<(usize, PersonId)> = HashSet::new();
    let mut foreign_words: HashSet<(usize, String)> = HashSet::new();
    for (n, s) in sections.iter().enumerate() {
        for (start, end) in segments(s) {
            let name_words: Vec<usize> = (start..end).filter(|&i| !is_stop(vocab, s, i)).collect();
            let mut matched_any = false;
            let mut i = start;
            while i < end {
                let mut found = None;
                for len in (1..=4.min(end - i)).rev() {
                    let keys: Vec<&str> = (i..i + len).map(|k| s.key(k)).collect();
                    if let Some(id) = people.index.full_match(&keys) {
                        found = Some((len, id));
                        break;
                    }
                }
                match found {
                    Some((len, id)) => {
                        if let Some(list) = hits.get_mut(n) {
                            list.push(MentionHit {
                                person: id,
                                start: i,
                                len,
                            });
                        }
                        named_in_full.insert((s.variant, id));
                        matched_any = true;
                        i += len;
                    }
                    None => {
                        if name_words.len() == 1
                            && name_words.first() == Some(&i)
                            && let Some(id) = people.index.bare_match(s.key(i))
                        {
                            bare_candidates.push((n, i, id));
                        }
                        i += 1;
                    }
                }
            }
            if !matched_any && (2..=3).contains(&name_words.len()) {
                for &k in &name_words {
                    foreign_words.insert((s.variant, s.key(k).to_string()));
                }
            }
        }
    }
    for (n, i, id) in bare_candidates {
        let Some(s) = sections.get(n) else { continue };
        if named_in_full.contains(&(s.variant, id))
            && !foreign_words.contains(&(s.variant, s.key(i).to_string()))
            && let Some(list) = hits.get_mut(n)
        {
            list.push(MentionHit {
                person: id,
                start: i,
                len: 1,
            });
        }
    }
    for list in &mut hits {
        list.sort_by_key(|h| h.start);
    }
    hits
}

/// The public mentions of one section's hits.
pub(crate) fn to_mentions(s: &SectionText<'_>, hits: &[MentionHit]) -> Vec<Mention> {
    hits.iter()
        .map(|h| Mention {
            person: h.person,
            location: Location {
                variant: s.variant,
                section: s.section,
                span: s.span(h.start, h.end()),
            },
        })
        .collect()
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
