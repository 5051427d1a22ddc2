//! Misspelt names: a capitalised word one variant prints that is a letter or
//! two away from a name several other variants print ("Usain Bold" beside
//! Usain Bolt in 14 outlets, "Imak" beside Irmak, "Lefner" beside Leifer).
//!
//! Words are compared by a key: lower case, diacritics folded, the dotless ı
//! as i, anything after an apostrophe cut ("Hançer'in" is "hancer"). A word
//! `w` is reported as a misspelling of a name `n` when all of these hold:
//! - `w` is capitalised (or in capitals beside a capitalised word: "LEBRUN
//!   Truls"), not a country form or stop phrase of the vocabulary,
//!   printed by one variant only (or by copies of one text:
//!   `witnesses.rs`), never in lower case in
//!   the photo's texts (so not a common word), and not a function word of any
//!   language (`assets/names.toml`: "Esta" starting a Spanish sentence);
//! - `n` is capitalised in at least [`MIN_SUPPORT`] variants, or in the
//!   reference facts' names (which count as one more variant);
//! - both have at least [`MIN_LENGTH`] letters and the same first letter;
//! - they are at most [`MAX_EDITS_SHORT`] edits apart (insertions,
//!   deletions, substitutions, swaps of neighbours), or [`MAX_EDITS_LONG`]
//!   when both are longer than [`SHORT_LENGTH`] letters;
//! - one is not the other plus an inflection ("Bolts", "Korean");
//! - they do not become equal under one family of romanisation alternates
//!   of `assets/names.toml` ("Jong-hun" and "Jong-hoon", "Satoh" and
//!   "Satō"), nor are they listed there as one family name ("Chen", "Chan");
//! - when `w` is printed inside a longer name, `n` is printed next to one of
//!   the same neighbours ("Usain Bold" and "Usain Bolt"; not "Jang Hoon"
//!   against "Jung Min", two people);
//! - or, failing the edit limit, `w` stands where `n` stands in a name of
//!   several words, next to the same neighbour, and the two are alike
//!   ([`SLOT_SIMILARITY`]): "Everest Horizon" where others print "Event
//!   Horizon";
//! - `n` is printed in the language of `w`'s variant, or in at least
//!   [`MIN_LANGUAGES`] languages (a name that does not translate), or in
//!   two languages and beside a neighbour `w` is printed beside too (a
//!   person's name, written alike in every language: "Justin Gatlon" in
//!   French against "Justin Gatlin" in English and German): so
//!   "Pensilvania" in a Portuguese text is not a misspelling of the
//!   Pennsylvania that English and German texts print, nor a Spanish
//!   "Olympic Stadia" of the English "Olympic Stadium";
//! - a word that stands as a town before its region ("in Lewistun, Maine")
//!   is compared with words that stand so somewhere too, never with a
//!   person's name (Lewiston is not a misspelt Liston), and needs no shared
//!   neighbour ("Btuler Farms" against "Butler Farm Show"); a finding on a
//!   word that stands so, or on a name that does, is about a place.
//!
//! The thresholds were chosen on `tests/realworld` and the bundled sample
//! (README, "Truth"): with them, every misspelling there that another
//! variant spells right is found, and nothing else.

use std::collections::{BTreeMap, BTreeSet};

use super::fast_hash::{FastSet, key_hash};
use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::language::{is_function_word, names_data};
use super::scan::word_key;
use super::section::SectionText;
use super::witnesses::Witnesses;
use super::{ConflictSeverity, Location};
use crate::corpus::Photo;

/// Variants that must print a name before another spelling is measured against it.
pub const MIN_SUPPORT: usize = 2;
/// Shorter words are never compared (initials, "Ali" against "Alt").
pub const MIN_LENGTH: usize = 4;
/// Up to this length, one edit; beyond it, two.
pub const SHORT_LENGTH: usize = 5;
pub const MAX_EDITS_SHORT: usize = 1;
pub const MAX_EDITS_LONG: usize = 2;
/// Languages a name must be printed in to count across languages.
pub const MIN_LANGUAGES: usize = 3;
/// How alike (Jaro-Winkler) a word must be to the name word whose place it
/// takes next to the same neighbour.
pub const SLOT_SIMILARITY: f64 = 0.8;
/// Marks of the right spelling kept per finding (one per variant, first met).
const MAX_SUPPORT_MARKS: usize = 12;

/// Every capitalised occurrence of one key.
#[derive(Default)]
struct Spelling {
    /// Variant -> (section index, word index) of each occurrence.
    at: BTreeMap<usize, Vec<(usize, usize)>>,
    languages: BTreeSet<String>,
    /// The forms printed, with counts.
    forms: BTreeMap<String, usize>,
    /// The capitalised word right after it in a name ("Event" -> "horizon"),
    /// with the variants that print the pair.
    next: BTreeMap<String, BTreeSet<usize>>,
    /// The capitalised word right before it.
    previous: BTreeMap<String, BTreeSet<usize>>,
    /// As the reference facts print it in a person's name, if they do.
    reference: Option<String>,
    /// Occurrences standing as a town before its region ("in Lewiston,
    /// Maine"): such a word is compared with towns only.
    towns: usize,
}

/// Stands for the reference facts among the variants that print a pair.
const REFERENCE: usize = usize::MAX;

impl Spelling {
    /// Variants printing it, the reference facts counting as one.
    fn support(&self) -> usize {
        self.at.len() + usize::from(self.reference.is_some())
    }

    fn common_form(&self) -> String {
        if let Some(form) = &self.reference {
            return form.clone();
        }
        let mut forms: Vec<(&String, &usize)> = self.forms.iter().collect();
        forms.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        forms.first().map(|f| f.0.clone()).unwrap_or_default()
    }
}

/// The comparison key of a printed word.
fn spelling_key(word: &str) -> String {
    let stem = word.split(['\'', '’']).next().unwrap_or(word);
    word_key(stem)
}

/// A photo's misspelt names.
#[derive(Debug, Default)]
pub(crate) struct Misspelt {
    pub findings: Vec<Finding>,
    /// (misspelt word's key, the name's key), for [`correct`].
    pub corrections: Vec<(String, String)>,
}

/// Gives every misspelt word the key of the name it misspells, so that
/// people, mentions and claims read "Usain Bold" as Usain Bolt (the text and
/// spans are unchanged: the finding still shows what was printed).
pub(crate) fn correct(sections: &mut [SectionText<'_>], corrections: &[(String, String)]) {
    if corrections.is_empty() {
        return;
    }
    for s in sections.iter_mut() {
        for w in s.words.iter_mut() {
            if let Some((_, right)) = corrections.iter().find(|(odd, _)| *odd == w.key) {
                w.key = right.clone();
                w.key_hash = super::fast_hash::key_hash(right);
            }
        }
    }
}

/// The misspelt-name findings of a photo.
///
/// `languages` holds each variant's language (`language::of_variants`).
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    languages: &[Option<String>],
    witnesses: &Witnesses,
) -> Misspelt {
    let mut spellings: BTreeMap<String, Spelling> = BTreeMap::new();
    // Keys printed in lower case, by hash: most words of a text are.
    let mut lower: FastSet<u64> = FastSet::default();
    for (n, s) in sections.iter().enumerate() {
        for (i, w) in s.words.iter().enumerate() {
            let printed = s.slice(w.span);
            let apostrophe = printed.contains(['\'', '’']);
            if !w.capitalised {
                lower.insert(if apostrophe {
                    key_hash(&spelling_key(printed))
                } else {
                    w.key_hash
                });
                continue;
            }
            // Country forms ("Germany", "German") are the country table's,
            // never a name's misspelling.
            if s.blocked.get(i).copied().unwrap_or(false) {
                continue;
            }
            let key = if apostrophe {
                spelling_key(printed)
            } else {
                w.key.clone()
            };
            if key.chars().count() < MIN_LENGTH || !key.chars().all(char::is_alphabetic) {
                continue;
            }
            // "LEBRUN Truls": a family name in capitals beside a given name
            // is a name word; capitals alone are an acronym or a shout.
            let beside_name = |j: usize| {
                s.words.get(j).is_some_and(|o| {
                    o.capitalised && !o.all_caps && s.same_sentence(i.min(j), i.max(j))
                })
            };
            if w.all_caps && !(beside_name(i + 1) || i.checked_sub(1).is_some_and(beside_name)) {
                continue;
            }
            let town = super::place_spelling::town_and_region(s, i);
            let entry = spellings.entry(key).or_default();
            entry.towns += usize::from(town);
            entry.at.entry(s.variant).or_default().push((n, i));
            // Most occurrences repeat what is known: look before copying.
            if let Some(Some(language)) = languages.get(s.variant)
                && !entry.languages.contains(language)
            {
                entry.languages.insert(language.clone());
            }
            match entry.forms.get_mut(printed) {
                Some(count) => *count += 1,
                None => {
                    entry.forms.insert(printed.to_string(), 1);
                }
            }
            let neighbour = |j: usize| -> Option<std::borrow::Cow<'_, str>> {
                let other = s.words.get(j)?;
                let joined = other.capitalised
                    && s.same_sentence(i.min(j), i.max(j))
                    && s.gap(i.max(j)) == super::scan::Gap::Space;
                let word = s.slice(other.span);
                (joined && !is_function_word(word)).then(|| {
                    if word.contains(['\'', '’']) {
                        std::borrow::Cow::Owned(spelling_key(word))
                    } else {
                        std::borrow::Cow::Borrowed(other.key.as_str())
                    }
                })
            };
            for (side, j) in [
                (&mut entry.next, Some(i + 1)),
                (&mut entry.previous, i.checked_sub(1)),
            ] {
                if let Some(key) = j.and_then(neighbour) {
                    match side.get_mut(key.as_ref()) {
                        Some(variants) => {
                            variants.insert(s.variant);
                        }
                        None => {
                            side.insert(key.into_owned(), BTreeSet::from([s.variant]));
                        }
                    }
                }
            }
        }
    }
    add_reference(photo, &mut spellings);
    let names: Vec<(&String, &Spelling)> = spellings
        .iter()
        .filter(|(_, s)| s.support() >= MIN_SUPPORT || s.reference.is_some())
        .collect();
    let mut findings = Vec::new();
    let mut corrections = Vec::new();
    for (key, odd) in &spellings {
        // Printed by one witness: one variant, or copies of one text.
        let printers: BTreeSet<usize> = odd.at.keys().map(|&v| witnesses.of(v)).collect();
        if odd.reference.is_some()
            || printers.len() != 1
            || lower.contains(&key_hash(key))
            || is_function_word(key)
        {
            continue;
        }
        let Some((&variant, _)) = odd.at.iter().next() else {
            continue;
        };
        let language = languages.get(variant).cloned().flatten();
        // A name some variant prints that does not print the odd word.
        let outside = |spelling: &Spelling| {
            spelling.reference.is_some() || spelling.at.keys().any(|v| !odd.at.contains_key(v))
        };
        let names: Vec<&(&String, &Spelling)> = names.iter().filter(|(_, s)| outside(s)).collect();
        let best = names
            .iter()
            .filter_map(|(name, spelling)| {
                let edits = misspelling_edits(key, name)?;
                // A town is compared with towns only, and needs no neighbour.
                let fits = if odd.towns > 0 {
                    spelling.towns > 0
                } else {
                    same_neighbours(odd, spelling)
                };
                if !fits {
                    return None;
                }
                let same_language = language
                    .as_ref()
                    .is_some_and(|l| spelling.languages.contains(l));
                (same_language
                    || spelling.languages.len() >= MIN_LANGUAGES
                    || spelling.reference.is_some()
                    || (spelling.languages.len() >= 2 && shared_neighbour(odd, spelling)))
                .then_some((
                    spelling.support(),
                    std::cmp::Reverse(edits),
                    *name,
                    *spelling,
                ))
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(a.2)))
            .or_else(|| {
                names
                    .iter()
                    .filter(|(name, spelling)| {
                        (odd.towns == 0 || spelling.towns > 0)
                            && same_slot(key, odd, name, spelling)
                            && (language
                                .as_ref()
                                .is_some_and(|l| spelling.languages.contains(l))
                                || spelling.languages.len() >= MIN_LANGUAGES
                                || spelling.reference.is_some())
                    })
                    .map(|(name, spelling)| {
                        (
                            spelling.support(),
                            std::cmp::Reverse(strsim::osa_distance(key, name)),
                            *name,
                            *spelling,
                        )
                    })
                    .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(a.2)))
            });
        if let Some((_, std::cmp::Reverse(edits), right, name)) = best {
            findings.push(finding(photo, sections, key, odd, name, edits));
            corrections.push((key.clone(), right.clone()));
        }
    }
    Misspelt {
        findings,
        corrections,
    }
}

/// The words of the reference facts' names and aliases, as one more
/// printer of each ("12 other outlets and the reference write Bolt").
fn add_reference(photo: &Photo, spellings: &mut BTreeMap<String, Spelling>) {
    let Some(reference) = &photo.reference else {
        return;
    };
    for person in &reference.people {
        for name in std::iter::once(&person.name).chain(&person.aliases) {
            let words: Vec<(String, &str)> = name
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .map(|w| (spelling_key(w), w))
                .collect();
            for (i, (key, printed)) in words.iter().enumerate() {
                if key.chars().count() < MIN_LENGTH || !key.chars().all(char::is_alphabetic) {
                    continue;
                }
                let entry = spellings.entry(key.clone()).or_default();
                entry
                    .reference
                    .get_or_insert_with(|| (*printed).to_string());
                if let Some((next, _)) = words.get(i + 1) {
                    entry
                        .next
                        .entry(next.clone())
                        .or_default()
                        .insert(REFERENCE);
                }
                if let Some((previous, _)) = i.checked_sub(1).and_then(|p| words.get(p)) {
                    entry
                        .previous
                        .entry(previous.clone())
                        .or_default()
                        .insert(REFERENCE);
                }
            }
        }
    }
}

/// The edits between a word and a name when the word may be a misspelling of it.
fn misspelling_edits(word: &str, name: &str) -> Option<usize> {
    if word == name || word.chars().next() != name.chars().next() {
        return None;
    }
    let (a, b) = (word.chars().count(), name.chars().count());
    let shorter = a.min(b);
    let limit = if shorter <= SHORT_LENGTH {
        MAX_EDITS_SHORT
    } else {
        MAX_EDITS_LONG
    };
    // Cheapest tests first: this runs for many pairs of words per photo.
    if shorter < MIN_LENGTH || a.abs_diff(b) > limit {
        return None;
    }
    let edits = strsim::osa_distance(word, name);
    (edits <= limit && !inflected(word, name) && !same_romanisation(word, name)).then_some(edits)
}

/// A word printed inside a longer name ("Jang Hoon") is compared only with a
/// name word printed next to one of the same neighbours ("Jang Hoon", not
/// "Jung Min": two people). A word printed alone is compared with any.
fn same_neighbours(odd: &Spelling, name: &Spelling) -> bool {
    let shares = |mine: &BTreeMap<String, BTreeSet<usize>>,
                  theirs: &BTreeMap<String, BTreeSet<usize>>| {
        mine.keys().any(|n| theirs.contains_key(n))
    };
    (odd.next.is_empty() && odd.previous.is_empty())
        || shares(&odd.next, &name.next)
        || shares(&odd.previous, &name.previous)
}

/// Whether the word is printed inside a longer name beside a neighbour the
/// name is printed beside too ("Justin Gatlon" and "Justin Gatlin"): a
/// person's name, which is written alike in every language, unlike a place
/// ("Pensilvania").
fn shared_neighbour(odd: &Spelling, name: &Spelling) -> bool {
    odd.next.keys().any(|n| name.next.contains_key(n))
        || odd.previous.keys().any(|n| name.previous.contains_key(n))
}

/// A word that takes a name's word's place next to the same neighbour
/// ("Everest Horizon" where others print "Event Horizon"), alike enough
/// ([`SLOT_SIMILARITY`], Jaro-Winkler) though more than a letter or two apart.
fn same_slot(word: &str, odd: &Spelling, name: &str, spelling: &Spelling) -> bool {
    let shares = |mine: &BTreeMap<String, BTreeSet<usize>>,
                  theirs: &BTreeMap<String, BTreeSet<usize>>| {
        mine.keys()
            .any(|n| theirs.get(n).is_some_and(|v| v.len() >= MIN_SUPPORT))
    };
    // A compound ("Jong-sik", "Korean-made") starts with the word it builds on.
    // Cheapest tests first: this runs for many pairs of words per photo.
    word != name
        && word.chars().next() == name.chars().next()
        && word.chars().count().min(name.chars().count()) > SHORT_LENGTH - 1
        && !word.starts_with(name)
        && !name.starts_with(word)
        && (shares(&odd.next, &spelling.next) || shares(&odd.previous, &spelling.previous))
        && strsim::jaro_winkler(word, name) >= SLOT_SIMILARITY
        && !inflected(word, name)
        && !same_romanisation(word, name)
}

/// One is the other plus an inflection ending, or the two share a stem of
/// at least [`MIN_LENGTH`] letters and one ending is two letters or more
/// where the other's is one at most: another language's form of the word
/// ("Horizonte" for Horizon, "Telescopio" for Telescope), where a slip
/// changes or adds one letter ("Bold" for Bolt, "Adema" for Adem).
fn inflected(a: &str, b: &str) -> bool {
    let stem = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (ea, eb) = (a.chars().count() - stem, b.chars().count() - stem);
    if stem >= MIN_LENGTH && ea.min(eb) <= 1 && ea.max(eb) >= 2 {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(|ending| {
        names_data()
            .spelling
            .inflections
            .iter()
            .any(|i| i == ending)
    })
}

/// Equal once one romanisation family's alternates are written one way, or
/// listed as one family name written in several romanisations.
fn same_romanisation(a: &str, b: &str) -> bool {
    let spelling = &names_data().spelling;
    let listed = spelling
        .same_names
        .lists
        .iter()
        .any(|list| list.iter().any(|n| n == a) && list.iter().any(|n| n == b));
    listed
        || spelling.families.iter().any(|family| {
            let canonical = |word: &str| {
                let mut out = word.to_string();
                for [from, to] in &family.alternates {
                    out = out.replace(from.as_str(), to);
                }
                out
            };
            canonical(a) == canonical(b)
        })
}

fn finding(
    photo: &Photo,
    sections: &[SectionText<'_>],
    key: &str,
    odd: &Spelling,
    name: &Spelling,
    edits: usize,
) -> Finding {
    let mark = |&(n, i): &(usize, usize), is_odd: bool| -> Option<Mark> {
        let s = sections.get(n)?;
        let w = s.words.get(i)?;
        Some(Mark {
            variant: s.variant,
            location: Some(Location {
                variant: s.variant,
                section: s.section,
                span: w.span,
            }),
            quote: s.slice(w.span).to_string(),
            odd: is_odd,
        })
    };
    let mut marks: Vec<Mark> = odd
        .at
        .values()
        .flatten()
        .filter_map(|at| mark(at, true))
        .collect();
    marks.extend(
        name.at
            .values()
            .filter_map(|list| list.first())
            .take(MAX_SUPPORT_MARKS)
            .filter_map(|at| mark(at, false)),
    );
    let wrong = odd.common_form();
    let right = name.common_form();
    let others = name.at.keys().filter(|v| !odd.at.contains_key(v)).count();
    let letters = if edits == 1 { "letter" } else { "letters" };
    let outlets = match others {
        0 => String::new(),
        1 => "1 other outlet".to_string(),
        n => format!("{n} other outlets"),
    };
    let (printers, one) = match (others, name.reference.is_some()) {
        (_, false) => (outlets, others == 1),
        (0, true) => ("the reference".to_string(), true),
        (_, true) => (format!("{outlets} and the reference"), false),
    };
    let odd_labels: Vec<String> = odd.at.keys().map(|&v| variant_label(photo, v)).collect();
    let who = match odd_labels.len() {
        1 => format!("{} writes", odd_labels.join("")),
        _ => format!("{} (copies of one text) write", odd_labels.join(" and ")),
    };
    let summary = format!(
        "{who} \"{wrong}\"; {printers} write{} \"{right}\" ({edits} {letters} apart)",
        if one { "s" } else { "" },
    );
    Finding {
        details: Vec::new(),
        kind: FindingKind::MisspeltName,
        fact: if odd.towns > 0 || name.towns > 0 {
            Fact::Place
        } else {
            Fact::Name
        },
        severity: ConflictSeverity::Medium,
        key: format!("spelling/{key}"),
        summary,
        marks,
        conflict: None,
    }
}

#[cfg(test)]
#[path = "spelling_tests.rs"]
mod tests;
