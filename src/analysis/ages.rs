//! People's ages, which outlets copy and sometimes change: "his 17-year-old
//! daughter Irmak" where three others write "Irmak, de 15 años", "Irmak
//! (15)", "15 yaşındaki kızı Irmak".
//!
//! An age is a whole number from 1 to [`MAX_AGE`] read in one of the forms of
//! `assets/ages.toml`:
//! - with its ending glued on ("15-year-old", "20-jährige", "15歳");
//! - with age words after it ("15 years old", "de 15 años", "15 ans"),
//!   unless a word of time comes up to two words before it ("hace 15 años",
//!   "il y a 15 ans": a span of time, not an age);
//! - after "aged" ("aged 15");
//! - in brackets right after a name ("Mesut Hançer (49)") or between commas
//!   right after one ("Thomas Crooks, 20, of Bethel Park").
//!
//! It belongs to the person named just after it (up to [`REACH`] words, "his
//! 15-year-old daughter Irmak", a comma allowed right after the age: "su
//! hija de 15 años, Irmak"), else to the one named just before it ("Neil
//! Leifer, a 22-year-old freelance photographer"; "Leifer was just 22 years
//! old"), in its sentence. An age after "now", "heute", "turned" is at
//! another time and is not read.
//!
//! A person's age given by one witness alone (copies of one text are one)
//! is odd where another age is given that person by at least
//! [`MIN_HOLDERS`] witnesses and more than any other, the odd witness does
//! not give that age too, and the years between the pages' publication do
//! not explain the difference (a retrospective gives the age of today: the
//! years between its page and the others', or a year the texts print, such
//! as the event's, explain it; an undated page giving an age more than
//! [`MAX_SLIP`] years above the others' is not compared).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::Datelike;
use serde::Deserialize;

use super::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use super::people::MentionHit;
use super::scan::word_key;
use super::section::SectionText;
use super::witnesses::Witnesses;
use super::{ConflictSeverity, Location, Person};
use crate::corpus::Photo;

const AGES_DATA: &str = include_str!("../../assets/ages.toml");

/// The oldest age read; a larger number is something else.
pub const MAX_AGE: u32 = 120;
/// Words between an age and the name it belongs to.
pub const REACH: usize = 4;
/// Years by which an undated page's age may exceed the others' and still
/// be read as a slip rather than a later page's age of its own day.
pub const MAX_SLIP: i32 = 3;
/// Witnesses that must give the other age.
pub const MIN_HOLDERS: usize = 2;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct AgesData {
    glued: Vec<String>,
    after: Vec<Vec<String>>,
    before: Vec<String>,
    other_time: Vec<String>,
    duration: Vec<String>,
    linking: Vec<String>,
    breaks: Vec<String>,
}

fn data() -> &'static AgesData {
    static DATA: OnceLock<AgesData> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut d: AgesData = toml::from_str(AGES_DATA).unwrap_or_default();
        for list in [
            &mut d.glued,
            &mut d.before,
            &mut d.other_time,
            &mut d.duration,
        ] {
            for w in list.iter_mut() {
                *w = word_key(w);
            }
        }
        for words in &mut d.after {
            for w in words.iter_mut() {
                *w = word_key(w);
            }
        }
        d
    })
}

/// An age one variant gives one person.
#[derive(Debug, Clone)]
struct Stated {
    /// Who it is the age of: a person's index, or a name's words.
    owner: Owner,
    variant: usize,
    location: Location,
    quote: String,
    age: u32,
}

/// Whom an age is given to: one of the photo's people, or a name the
/// people finder does not take for a whole person (a given name alone: "his
/// daughter Irmak"), by its word keys.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Owner {
    Person(usize),
    /// Word keys, the words as printed, and whether it opens its sentence.
    Name(String, String, bool),
}

impl Owner {
    fn name<'p>(&'p self, people: &'p [Person]) -> &'p str {
        match self {
            Owner::Person(p) => people.get(*p).map_or("", |p| p.name.as_str()),
            Owner::Name(_, shown, _) => shown,
        }
    }
}

/// Where, relative to the age, its person is looked for first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Just after the age words, then just before the number.
    Either,
    /// Only the name directly before ("Hançer (49)", "Crooks, 20,").
    Before,
}

/// The age findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText],
    hits: &[Vec<MentionHit>],
    people: &[Person],
    witnesses: &Witnesses,
) -> Vec<Finding> {
    let mut stated = Vec::new();
    for (s, h) in sections.iter().zip(hits) {
        gather(s, h, &mut stated);
    }
    for s in &mut stated {
        if let Owner::Name(keys, _, _) = &s.owner
            && let Some(p) = person_by_family_name(people, keys)
        {
            s.owner = Owner::Person(p);
        }
    }
    // A capitalised word opening a sentence may be any word.
    stated.retain(|s| !matches!(s.owner, Owner::Name(_, _, true)));
    let mut by_owner: BTreeMap<&Owner, Vec<&Stated>> = BTreeMap::new();
    for s in &stated {
        by_owner.entry(&s.owner).or_default().push(s);
    }
    let printed = printed_years(sections);
    let mut findings = Vec::new();
    for (owner, given) in by_owner {
        let name = owner.name(people);
        findings.extend(odd_ages(photo, name, &given, witnesses, &printed));
    }
    findings
}

/// The years (1800 to 2100) the photo's texts print, such as the year of
/// the event: a page that gives a person's age of its own day, years after
/// it, is explained by one of them.
fn printed_years(sections: &[SectionText]) -> BTreeSet<i32> {
    sections
        .iter()
        .flat_map(|s| (0..s.words.len()).map(move |i| s.key(i)))
        .filter(|k| k.len() == 4)
        .filter_map(|k| k.parse::<i32>().ok())
        .filter(|y| (1800..=2100).contains(y))
        .collect()
}

/// The one person whose name ends in the words `keys` ("Leifer" for Neil
/// Leifer), if exactly one does.
fn person_by_family_name(people: &[Person], keys: &str) -> Option<usize> {
    let ends = |p: &Person| {
        p.spellings.iter().chain([&p.name]).any(|name| {
            let words: Vec<String> = name.split_whitespace().map(word_key).collect();
            let wanted: Vec<&str> = keys.split(' ').collect();
            words.len() > wanted.len() && words[words.len() - wanted.len()..] == wanted[..]
        })
    };
    let mut found = people.iter().enumerate().filter(|(_, p)| ends(p));
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// The publication year of a variant, when known.
fn year(photo: &Photo, v: usize) -> Option<i32> {
    photo
        .variants
        .get(v)
        .and_then(|x| x.source.published.as_ref())
        .map(|p| p.date.year())
}

fn odd_ages(
    photo: &Photo,
    name: &str,
    given: &[&Stated],
    witnesses: &Witnesses,
    printed: &BTreeSet<i32>,
) -> Vec<Finding> {
    let mut holders: BTreeMap<u32, BTreeSet<usize>> = BTreeMap::new();
    for s in given {
        holders
            .entry(s.age)
            .or_default()
            .insert(witnesses.of(s.variant));
    }
    let mut ranked: Vec<(u32, usize)> = holders.iter().map(|(a, w)| (*a, w.len())).collect();
    ranked.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let Some(&(majority, most)) = ranked.first() else {
        return Vec::new();
    };
    let runner_up = ranked.get(1).map_or(0, |(_, n)| *n);
    if most < MIN_HOLDERS || most == runner_up {
        return Vec::new();
    }
    let agree: Vec<&Stated> = given
        .iter()
        .copied()
        .filter(|s| s.age == majority)
        .collect();
    let mut out = Vec::new();
    for &(age, count) in &ranked[1..] {
        let odd: Vec<&Stated> = given.iter().copied().filter(|s| s.age == age).collect();
        let Some(first) = odd.first() else { continue };
        let witness = witnesses.of(first.variant);
        if count != 1 || holders[&majority].contains(&witness) {
            continue;
        }
        // A page years later gives the age of its own day: the years
        // between it and the others' pages, or between it and a year the
        // texts print (the event's), explain the difference.
        let elapsed = age as i32 - majority as i32;
        let odd_year = year(photo, first.variant);
        let near = |then: i32| odd_year.is_some_and(|y| (y - then - elapsed).abs() <= 1);
        let explained = agree
            .iter()
            .filter_map(|a| year(photo, a.variant))
            .chain(printed.iter().copied())
            .any(near)
            || (odd_year.is_none() && elapsed > MAX_SLIP);
        if explained {
            continue;
        }
        out.push(finding(photo, name, &odd, &agree));
    }
    out
}

fn finding(photo: &Photo, name: &str, odd: &[&Stated], agree: &[&Stated]) -> Finding {
    let mark = |s: &Stated, odd: bool| Mark {
        variant: s.variant,
        location: Some(s.location),
        quote: s.quote.clone(),
        odd,
    };
    let mut marks: Vec<Mark> = odd.iter().map(|s| mark(s, true)).collect();
    marks.extend(agree.iter().map(|s| mark(s, false)));
    let first = odd[0];
    let mut others: Vec<String> = Vec::new();
    for s in agree {
        let label = variant_label(photo, s.variant);
        if !others.contains(&label) {
            others.push(label);
        }
    }
    let majority = agree.first().map_or(0, |s| s.age);
    let summary = format!(
        "{} gives {name}'s age as {} (\"{}\"); {} give {majority}",
        variant_label(photo, first.variant),
        first.age,
        first.quote,
        join_names(&others),
    );
    Finding {
        details: Vec::new(),
        kind: FindingKind::Quantity,
        fact: Fact::Number,
        severity: ConflictSeverity::Medium,
        key: format!("age/{name}/{}/{}", first.variant, first.age),
        summary,
        marks,
        conflict: None,
    }
}

/// A whole number from 1 to [`MAX_AGE`] at the start of `key`, and the
/// rest of the key.
fn leading_age(key: &str) -> Option<(u32, &str)> {
    let digits = key.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let age: u32 = key[..digits].parse().ok()?;
    (1..=MAX_AGE)
        .contains(&age)
        .then_some((age, &key[digits..]))
}

/// Every age of one section, with its person.
fn gather(s: &SectionText, hits: &[MentionHit], out: &mut Vec<Stated>) {
    let d = data();
    let listed =
        |list: &[String], i: usize| i < s.words.len() && list.iter().any(|w| w == s.key(i));
    for i in 0..s.words.len() {
        let Some((age, rest)) = leading_age(s.key(i)) else {
            continue;
        };
        // A decimal ("9.81") or a number with thousands is no age.
        let glued_to_number = |a: usize, b: usize| {
            s.same_sentence(a, b)
                && matches!(s.between(a, b), "." | "," | ":")
                && s.key(b).starts_with(|c: char| c.is_ascii_digit())
        };
        if (i > 0 && glued_to_number(i - 1, i)) || glued_to_number(i, i + 1) {
            continue;
        }
        let back = |k: usize| i.checked_sub(k).filter(|&j| s.same_sentence(j, i));
        let near_before = |list: &[String]| (1..=2).filter_map(back).any(|j| listed(list, j));
        if near_before(&d.other_time) {
            continue;
        }
        let read = if !rest.is_empty() {
            d.glued
                .iter()
                .any(|g| g == rest)
                .then_some((i, Side::Either))
        } else if let Some(words) = d.after.iter().find(|words| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| s.same_sentence(i, i + 1 + k) && s.key(i + 1 + k) == w)
        }) {
            (!near_before(&d.duration)).then_some((i + words.len(), Side::Either))
        } else if back(1).is_some_and(|j| listed(&d.before, j)) {
            Some((i, Side::Either))
        } else {
            let opened = back(1).is_some_and(|j| s.between(j, i).trim() == "(")
                && s.between(i, i + 1).trim_start().starts_with(')');
            let apposed = back(1).is_some_and(|j| s.between(j, i).trim() == ",")
                && s.between(i, i + 1).trim_start().starts_with(',');
            (opened || apposed).then_some((i, Side::Before))
        };
        let Some((last, side)) = read else { continue };
        // "de 15 años": the age phrase starts at its linking word.
        let first = match back(1) {
            Some(j) if last > i && listed(&d.linking, j) => j,
            _ => i,
        };
        if let Some(owner) = owner(s, hits, first, last, side) {
            let span = s.span(first, last + 1);
            out.push(Stated {
                owner,
                variant: s.variant,
                location: s.location(span),
                quote: s.slice(span).to_string(),
                age,
            });
        }
    }
}

/// Whom the age at words `first..=last` belongs to: a person named within
/// [`REACH`] words after it, else one named just before it; failing both, a
/// capitalised name right next to it ("the 23-year-old Ali", "his
/// 15-year-old daughter Irmak", "Irmak (15)").
fn owner(
    s: &SectionText,
    hits: &[MentionHit],
    first: usize,
    last: usize,
    side: Side,
) -> Option<Owner> {
    let d = data();
    // Nothing but spaces from word `a` to word `b`, or one comma right
    // after the age and the name right after it ("su hija de 15 años,
    // Irmak").
    let clean = |a: usize, b: usize| {
        if s.between(a, a + 1).trim() == "," {
            return b == a + 1 && s.same_sentence(a, b);
        }
        (a + 1..=b).all(|k| s.same_sentence(a, k) && s.between(k - 1, k).trim().is_empty())
    };
    // Spaces and at most one comma or an opening bracket from a name
    // ending before word `end` to the age.
    let joined = |end: usize| {
        let gaps = || (end..=first).map(|k| s.between(k - 1, k));
        let commas: usize = gaps().map(|gap| gap.matches(',').count()).sum();
        let others = gaps().any(|gap| gap.trim().chars().any(|c| c != ',' && c != '('));
        let broken = (end..first).any(|k| d.breaks.iter().any(|b| b == s.key(k)));
        end > 0 && s.same_sentence(end - 1, first) && commas <= 1 && !others && !broken
    };
    if side == Side::Either
        && let Some(h) = hits
            .iter()
            .filter(|h| h.start > last && h.start <= last + REACH && clean(last, h.start))
            .min_by_key(|h| h.start)
    {
        return Some(Owner::Person(h.person.0));
    }
    let reach = if side == Side::Before { 1 } else { REACH - 1 };
    if let Some(h) = hits
        .iter()
        .filter(|h| h.end() <= first && h.end() + reach >= first && joined(h.end()))
        .max_by_key(|h| h.end())
    {
        return Some(Owner::Person(h.person.0));
    }
    let name = |start: usize| name_at(s, start, false);
    if side == Side::Either {
        for start in [last + 1, last + 2] {
            if clean(last, start)
                && let Some(found) = name(start)
            {
                return Some(found);
            }
        }
    }
    // A name ending before the age, as close as a person's would be.
    (first.saturating_sub(reach)..=first)
        .rev()
        .filter(|&end| end > 0 && joined(end))
        .find_map(|end| {
            let start = (0..end)
                .rev()
                .take_while(|&k| {
                    s.words[k].capitalised
                        && end - k <= 3
                        && (k + 1 == end || s.between(k, k + 1).trim().is_empty())
                })
                .last()?;
            name_at(s, start, true).filter(|_| s.words[end - 1].capitalised)
        })
}

/// The capitalised words from `start` (one to three, none a country) as a
/// name. A name opening its sentence is taken only with `opening` (a name
/// before its age: "Leifer was 22 years old"), and is then kept only if it
/// is one of the photo's people's family names.
fn name_at(s: &SectionText, start: usize, opening: bool) -> Option<Owner> {
    let opens = |k: usize| k == 0 || !s.same_sentence(k - 1, k);
    let name_word = |k: usize| {
        s.words.get(k).is_some_and(|w| w.capitalised && !w.all_caps)
            && !s.blocked.get(k).copied().unwrap_or(true)
    };
    if !name_word(start) || (opens(start) && !opening) {
        return None;
    }
    let mut end = start + 1;
    while end < start + 3 && name_word(end) && s.between(end - 1, end).trim().is_empty() {
        end += 1;
    }
    if name_word(end) {
        return None;
    }
    let keys: Vec<&str> = (start..end).map(|k| s.key(k)).collect();
    let shown = s.slice(s.span(start, end)).to_string();
    Some(Owner::Name(keys.join(" "), shown, opens(start)))
}

#[cfg(test)]
#[path = "ages_tests.rs"]
mod tests;
