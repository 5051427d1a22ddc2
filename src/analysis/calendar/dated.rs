//! Dates of one thing that outlets give differently: "In May 2022, the EHT
//! team released the first-ever radio image" where two other outlets say it
//! was released on April 10, 2019; a page whose caption dates the photo's
//! taking to April 10, 2019 while its own text says the data were collected
//! in April 2017.
//!
//! Every date in a section is read: a day and month, with or without a year
//! ([`read_date`]), or a month and a year ("May 2022", "abril de 2017").
//! What it is a date *of* is the nearest word of `things` in
//! `assets/calendar.toml` ("released", "unveiled", "taken", "captured", in
//! seven languages) in its sentence, at most [`REACH`] words away; a date
//! near none dates nothing checkable and is left alone. Two dates agree when
//! every part both give is the same, where days [`SAME_DAY`] apart are the
//! same day (one moment is dated in several time zones: "July 13" in
//! Pennsylvania is July 14 in Tokyo). Then, for each thing:
//! - a date is the **odd one out** when no other witness (copies of one text
//!   are one, [`Witnesses`]) gives that thing a date that agrees with it, and
//!   at least [`MIN_OTHERS`] others give it dates that agree with each other;
//! - a witness that gives one thing two dates that disagree, where no other
//!   witness dates it, **contradicts itself**; neither side is called wrong.
//!   But of an event a story may tell several (`several`: the rally of July
//!   13 and the one of October 5): such a witness's dates of it are not
//!   compared at all.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::written::{Words, read_date};
use super::{Tables, fold, tables};
use crate::analysis::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use crate::analysis::witnesses::Witnesses;
use crate::analysis::{ConflictSeverity, Location, Span};
use crate::corpus::{Photo, Section};

/// Words between a date and the word that says what it dates.
pub const REACH: usize = 10;
/// Dates this many days apart are one day written in two time zones.
pub const SAME_DAY: i64 = 1;
/// Other witnesses that must agree on a thing's date to call one wrong.
pub const MIN_OTHERS: usize = 2;

/// What a dated thing is, for `assets/calendar.toml`.
#[derive(Debug, Default, serde::Deserialize)]
pub(super) struct ThingData {
    thing: String,
    /// A story may tell of several (rallies, quakes): see [`Thing::several`].
    #[serde(default)]
    several: bool,
    /// Words between a date and this thing's word, at most ([`REACH`] if unset).
    reach: Option<usize>,
    words: Vec<String>,
}

/// A thing's words, folded, each a phrase of word keys.
pub(super) struct Thing {
    name: String,
    /// A witness that gives it two dates that disagree tells of two of
    /// them: its dates are not compared, and contradict nothing.
    several: bool,
    reach: usize,
    phrases: Vec<Vec<String>>,
}

pub(super) fn compile(things: &[ThingData]) -> Vec<Thing> {
    things
        .iter()
        .map(|t| Thing {
            name: t.thing.clone(),
            several: t.several,
            reach: t.reach.unwrap_or(REACH).min(REACH),
            phrases: t
                .words
                .iter()
                .map(|p| p.split_whitespace().map(fold).collect())
                .filter(|p: &Vec<String>| !p.is_empty())
                .collect(),
        })
        .collect()
}

/// A date as precise as it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct When {
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
}

impl When {
    fn agrees(self, other: When) -> bool {
        if let (Some(a), Some(b)) = (self.full(), other.full()) {
            return (a - b).num_days().abs() <= SAME_DAY;
        }
        if self.year.zip(other.year).is_some_and(|(a, b)| a != b) {
            return false;
        }
        if self.month != other.month {
            return false;
        }
        match (self.day, other.day) {
            (Some(a), Some(b)) => (i64::from(a) - i64::from(b)).abs() <= SAME_DAY,
            _ => true,
        }
    }

    fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day?)
    }
}

/// One date of one thing in one variant.
struct Dated {
    thing: usize,
    when: When,
    location: Location,
    quote: String,
}

/// The dates of things a section states.
fn section_dates(text: &str, t: &Tables) -> Vec<(usize, When, Span)> {
    let w = Words::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let Some((when, end)) = date_at(&w, i, t) else {
            i += 1;
            continue;
        };
        if let Some(thing) = thing_near(&w, i, end, t) {
            out.push((thing, when, w.span(i, end)));
        }
        i = end;
    }
    out
}

/// A date from word `i`, and the word after it.
fn date_at(w: &Words<'_>, i: usize, t: &Tables) -> Option<(When, usize)> {
    if let Some(d) = read_date(w, i, t) {
        let when = When {
            year: d.year,
            month: d.month,
            day: Some(d.day),
        };
        return Some((when, d.end));
    }
    // May 2022, abril de 2017
    let month = super::written::month_at(w, i, t)?.0;
    let mut k = i + 1;
    if t.data.connectors.iter().any(|c| c == w.key(k)) && w.blank_before(k + 1) {
        k += 1;
    }
    let year = super::written::year_number(w.key(k)).filter(|_| w.blank_before(k))?;
    let when = When {
        year: Some(year),
        month,
        day: None,
    };
    Some((when, k + 1))
}

/// The thing the nearest thing word in the sentence of words `start..end`
/// names, within [`REACH`] words.
fn thing_near(w: &Words<'_>, start: usize, end: usize, t: &Tables) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut consider = |at: usize, distance: usize| {
        for (index, thing) in t.things.iter().enumerate() {
            if distance <= thing.reach
                && thing.phrases.iter().any(|p| phrase_at(w, at, p))
                && best.is_none_or(|(d, _)| distance < d)
            {
                best = Some((distance, index));
            }
        }
    };
    // Before the date: the sentence ends where a break stands.
    let mut k = start;
    while k > 0 && start - k < REACH && !w.break_before(k) {
        k -= 1;
        consider(k, start - k);
    }
    let mut k = end;
    while k < w.len() && k - end < REACH && !w.break_before(k) {
        consider(k, k - end + 1);
        k += 1;
    }
    best.map(|(_, thing)| thing)
}

fn phrase_at(w: &Words<'_>, at: usize, phrase: &[String]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(j, key)| w.key(at + j) == key && (j == 0 || w.blank_before(at + j)))
}

/// The findings about dates of one thing.
pub(crate) fn find(photo: &Photo, witnesses: &Witnesses) -> Vec<Finding> {
    let t = tables();
    if t.things.is_empty() {
        return Vec::new();
    }
    let mut dated = Vec::new();
    for (v, variant) in photo.variants.iter().enumerate() {
        for section in Section::ALL {
            let Some(text) = variant.section(section).map(|s| s.as_str()) else {
                continue;
            };
            if !text.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            for (thing, when, span) in section_dates(text, t) {
                dated.push(Dated {
                    thing,
                    when,
                    location: Location {
                        variant: v,
                        section,
                        span,
                    },
                    quote: span.slice(text).to_string(),
                });
            }
        }
    }
    let mut by_thing: BTreeMap<usize, Vec<&Dated>> = BTreeMap::new();
    for d in &dated {
        by_thing.entry(d.thing).or_default().push(d);
    }
    let mut out = Vec::new();
    for (thing, mut dates) in by_thing {
        let Some(thing) = t.things.get(thing) else {
            continue;
        };
        let name = thing.name.as_str();
        if thing.several {
            let all = dates.clone();
            dates.retain(|d| {
                let own = witness_of(witnesses, d);
                all.iter()
                    .filter(|o| witness_of(witnesses, o) == own)
                    .all(|o| o.when.agrees(d.when))
            });
        }
        out.extend(odd_dates(photo, witnesses, name, &dates));
        if !thing.several {
            out.extend(self_contradictions(photo, witnesses, name, &dates));
        }
    }
    out
}

fn witness_of(witnesses: &Witnesses, d: &Dated) -> usize {
    witnesses.of(d.location.variant)
}

/// Dates no other witness agrees with, where at least [`MIN_OTHERS`] agree
/// on another.
fn odd_dates(photo: &Photo, witnesses: &Witnesses, thing: &str, dates: &[&Dated]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut done: Vec<(usize, String)> = Vec::new();
    for d in dates {
        let own = witness_of(witnesses, d);
        let others: Vec<&&Dated> = dates
            .iter()
            .filter(|o| witness_of(witnesses, o) != own)
            .collect();
        if others.iter().any(|o| o.when.agrees(d.when)) {
            continue;
        }
        // The largest group of other witnesses that agree with one date.
        let Some(majority) = others
            .iter()
            .map(|m| {
                let mut agreeing: Vec<&&&Dated> =
                    others.iter().filter(|o| o.when.agrees(m.when)).collect();
                agreeing.sort_by_key(|o| witness_of(witnesses, o));
                agreeing.dedup_by_key(|o| witness_of(witnesses, o));
                agreeing
            })
            .max_by_key(Vec::len)
            .filter(|m| m.len() >= MIN_OTHERS)
        else {
            continue;
        };
        if done.contains(&(own, d.quote.clone())) {
            continue;
        }
        done.push((own, d.quote.clone()));
        let label = variant_label(photo, d.location.variant);
        let names: Vec<String> = majority
            .iter()
            .map(|o| variant_label(photo, o.location.variant))
            .collect();
        let others_say = majority.first().map_or("", |o| o.quote.as_str());
        let mut marks = vec![mark(d, true)];
        marks.extend(majority.iter().map(|o| mark(o, false)));
        let id = photo
            .variants
            .get(d.location.variant)
            .map_or("", |x| x.id.as_str());
        out.push(Finding {
            details: Vec::new(),
            kind: FindingKind::Date,
            fact: Fact::Date,
            severity: ConflictSeverity::Medium,
            key: format!("date/{thing}/{id}/{}", d.quote),
            summary: format!(
                "{label} dates the {thing} to \"{}\"; {} date it to \"{others_say}\"",
                d.quote,
                join_names(&names)
            ),
            marks,
            conflict: None,
        });
    }
    out
}

/// One witness giving one thing two dates that disagree, where no other
/// witness dates that thing.
fn self_contradictions(
    photo: &Photo,
    witnesses: &Witnesses,
    thing: &str,
    dates: &[&Dated],
) -> Vec<Finding> {
    let Some(first) = dates.first() else {
        return Vec::new();
    };
    let own = witness_of(witnesses, first);
    if dates.iter().any(|d| witness_of(witnesses, d) != own) {
        return Vec::new();
    }
    // Within one variant: copies of a text may carry another's slip.
    let v = first.location.variant;
    let mine: Vec<&&Dated> = dates.iter().filter(|d| d.location.variant == v).collect();
    let Some(other) = mine.iter().find(|d| !d.when.agrees(first.when)) else {
        return Vec::new();
    };
    let label = variant_label(photo, v);
    let id = photo.variants.get(v).map_or("", |x| x.id.as_str());
    vec![Finding {
        details: Vec::new(),
        kind: FindingKind::Date,
        fact: Fact::Date,
        severity: ConflictSeverity::Medium,
        key: format!("date/{thing}/{id}/{}/{}", first.quote, other.quote),
        summary: format!(
            "{label} dates the {thing} both to \"{}\" and to \"{}\"; no other outlet dates it",
            first.quote, other.quote
        ),
        marks: vec![mark(first, false), mark(other, false)],
        conflict: None,
    }]
}

fn mark(d: &Dated, odd: bool) -> Mark {
    Mark {
        variant: d.location.variant,
        location: Some(d.location),
        quote: d.quote.clone(),
        odd,
    }
}

#[cfg(test)]
#[path = "dated_tests.rs"]
mod tests;
