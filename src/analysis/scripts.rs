//! Names printed in scripts other than Latin: 임종훈 for Lim Jong-hoon,
//! 王楚钦 for Wang Chuqin, Усэйн Болт for Usain Bolt.
//!
//! Such a name is transliterated letter by letter (the `any_ascii` crate:
//! Revised Romanisation for Hangul, pinyin for Han, Hepburn for kana, the
//! usual schemes for Cyrillic, Greek and Arabic) and compared with the
//! romanised names of the photo's people by a consonant skeleton
//! (`assets/names.toml`, `[scripts]`): the sounds romanisations agree on,
//! without the vowels they spell differently. The family name, written first
//! in Korean and Chinese, is first made the usual form of its family
//! (`spelling.same_names`: 임 "im" is Lim, 이 "i" is Lee).
//!
//! A transliteration is an accepted spelling, never a misspelling: these
//! mentions only say where a person is named.

use std::collections::HashMap;

use any_ascii::any_ascii_char;

use super::language::names_data;
use super::section::SectionText;
use super::{Location, Mention, Person, PersonId, Span};

/// Letters of one name at most: longer runs are never compared whole.
const MAX_LETTERS: usize = 12;

/// Whether a letter is written in the Latin script (or is no letter at all).
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii()
        || matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x0300..=0x036F)
        || !c.is_alphabetic()
}

/// Whether a text has letters of another script.
pub(crate) fn has_other_script(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| !is_latin(c))
}

/// A text in Latin letters, lower case.
pub(crate) fn transliterate(text: &str) -> String {
    any_ascii::any_ascii(text).to_ascii_lowercase()
}

/// The family-name forms of `spelling.same_names`, each to its list's first.
fn family_forms() -> &'static HashMap<String, String> {
    static FORMS: std::sync::OnceLock<HashMap<String, String>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = HashMap::new();
        for list in &names_data().spelling.same_names.lists {
            if let Some(first) = list.first() {
                for form in list {
                    forms.entry(form.clone()).or_insert_with(|| first.clone());
                }
            }
        }
        forms
    })
}

fn family(key: &str) -> &str {
    family_forms().get(key).map_or(key, String::as_str)
}

/// The consonant skeleton of romanised text: "Lim Jong-hoon" gives "lmjnkn".
pub(crate) fn skeleton(latin: &str) -> String {
    let data = &names_data().scripts;
    let mut s: String = latin
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    for [from, to] in &data.folds {
        if s.contains(from.as_str()) {
            s = s.replace(from.as_str(), to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !data.dropped.contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The skeletons a person's name can have in another script: family name
/// first (Korean, Chinese) or as written (kana, Cyrillic), from every
/// spelling of two words or more.
pub(crate) fn name_skeletons(words: &[String]) -> Vec<String> {
    let min = names_data().scripts.min_consonants;
    let mut out = Vec::new();
    if words.len() < 2 {
        return out;
    }
    out.push(skeleton(&words.concat()));
    if let (Some((first, rest)), Some((last, init))) = (words.split_first(), words.split_last()) {
        out.push(skeleton(&(family(first).to_string() + &rest.concat())));
        out.push(skeleton(&(family(last).to_string() + &init.concat())));
    }
    out.retain(|s| s.len() >= min);
    out.sort();
    out.dedup();
    out
}

/// One letter of another script, with its place and transliteration.
struct Letter {
    span: Span,
    latin: &'static str,
}

/// Runs of other-script letters in a text, split at anything but the
/// separators names use inside them (・, ·, a space).
fn runs(text: &str) -> Vec<Vec<Letter>> {
    let mut out: Vec<Vec<Letter>> = Vec::new();
    let mut current: Vec<Letter> = Vec::new();
    for (at, c) in text.char_indices() {
        if c.is_alphabetic() && !is_latin(c) {
            current.push(Letter {
                span: Span {
                    start: at,
                    end: at + c.len_utf8(),
                },
                latin: any_ascii_char(c),
            });
        } else if !matches!(c, '・' | '·' | '‧' | ' ' | '\u{0640}') && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The people's names as this module compares them.
#[derive(Default)]
struct Targets {
    /// Skeleton -> the one person with it (`None` when two share it).
    skeletons: HashMap<String, Option<PersonId>>,
    /// Each person's names in lower-case Latin letters, both orders.
    forms: HashMap<PersonId, Vec<String>>,
}

impl Targets {
    fn add(&mut self, person: PersonId, words: &[String]) {
        for s in name_skeletons(words) {
            let slot = self.skeletons.entry(s).or_insert(Some(person));
            if *slot != Some(person) {
                *slot = None;
            }
        }
        let forms = self.forms.entry(person).or_default();
        forms.push(words.concat());
        if let Some((last, init)) = words.split_last() {
            forms.push(family(last).to_string() + &init.concat());
        }
    }

    /// The person letters `i..=j` of a run name, read as written or with
    /// the first letter as a family name.
    fn person_at(&self, run: &[Letter], i: usize, j: usize) -> Option<PersonId> {
        let (head, tail) = window(run, i, j);
        let written = skeleton(&(head.clone() + &tail));
        let family_first = skeleton(&(family(&head).to_string() + &tail));
        [written, family_first]
            .iter()
            .find_map(|s| self.skeletons.get(s).copied().flatten())
    }

    /// How many letters letters `i..=j` are from the person's nearest form.
    fn distance(&self, person: PersonId, run: &[Letter], i: usize, j: usize) -> usize {
        let (head, tail) = window(run, i, j);
        let read = [head.clone() + &tail, family(&head).to_string() + &tail];
        self.forms
            .get(&person)
            .into_iter()
            .flatten()
            .flat_map(|f| read.iter().map(move |r| strsim::levenshtein(f, r)))
            .min()
            .unwrap_or(usize::MAX)
    }
}

/// The first letter's and the other letters' transliterations of letters
/// `i..=j`, lower case.
fn window(run: &[Letter], i: usize, j: usize) -> (String, String) {
    let head = run.get(i).map_or("", |l| l.latin).to_ascii_lowercase();
    let tail: String = run
        .get(i + 1..=j)
        .into_iter()
        .flatten()
        .map(|l| l.latin)
        .collect();
    (head, tail.to_ascii_lowercase())
}

/// Where a run names a person: the shortest window from each letter whose
/// skeleton is one person's. A window may start on a vowel ("ウサイン",
/// "usain") or on a particle before the name ("의 리정식"): the two are
/// told apart by which reads closer to the person's romanised name.
fn run_mentions(run: &[Letter], targets: &Targets) -> Vec<(Span, PersonId)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let found = (i + 1..run.len().min(i + MAX_LETTERS))
            .find_map(|j| targets.person_at(run, i, j).map(|p| (j, p)));
        let Some((j, person)) = found else {
            i += 1;
            continue;
        };
        let mut start = i;
        let vowel_first = run.get(i).is_some_and(|l| skeleton(l.latin).is_empty());
        if vowel_first
            && targets.person_at(run, i + 1, j) == Some(person)
            && targets.distance(person, run, i + 1, j) < targets.distance(person, run, i, j)
        {
            start = i + 1;
        }
        if let (Some(a), Some(b)) = (run.get(start), run.get(j)) {
            out.push((
                Span {
                    start: a.span.start,
                    end: b.span.end,
                },
                person,
            ));
        }
        i = j + 1;
    }
    out
}

/// Every place a section in another script names one of `people`; places
/// `already` found (a Cyrillic spelling clustered with the Latin one) are
/// left out.
pub(crate) fn mentions(
    sections: &[SectionText<'_>],
    people: &[Person],
    already: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    if !sections.iter().any(|s| has_other_script(s.text)) {
        return out;
    }
    let mut targets = Targets::default();
    for person in people {
        for spelling in &person.spellings {
            if has_other_script(spelling) {
                continue;
            }
            let words: Vec<String> = super::scan::scan(spelling)
                .words
                .into_iter()
                .map(|w| w.key)
                .collect();
            targets.add(person.id, &words);
        }
    }
    if targets.skeletons.is_empty() {
        return out;
    }
    for s in sections.iter().filter(|s| has_other_script(s.text)) {
        for run in runs(s.text) {
            for (span, person) in run_mentions(&run, &targets) {
                let location = Location {
                    variant: s.variant,
                    section: s.section,
                    span,
                };
                let overlaps = already.iter().any(|m| {
                    m.location.variant == location.variant
                        && m.location.section == location.section
                        && m.location.span.start < span.end
                        && span.start < m.location.span.end
                });
                if !overlaps {
                    out.push(Mention { person, location });
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "scripts_tests.rs"]
mod tests;
