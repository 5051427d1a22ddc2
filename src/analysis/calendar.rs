//! Dates that contradict themselves, found in one text without another
//! outlet to compare with: "Wednesday, May 25, 1965" (25 May 1965 was a
//! Tuesday), "in der Nacht von Sonntag auf Sonntag" (a night runs from one
//! day to the next).
//!
//! The names are those of `assets/calendar.toml` (English, Spanish, French,
//! German, Portuguese, Italian, Turkish), compared in lower case with
//! diacritics folded; how dates are read is in [`written`] and, for
//! 2024年8月5日 and 8월 5일, [`numeric`]. Two rules:
//! - **A weekday next to a date** must be that date's. "Next to" is right
//!   before it, past a comma and at most [`MAX_FILLERS`] filler words
//!   ("Tuesday night, the 25th of May"), or, in a language that writes it so,
//!   right after it ("7 Şubat 2023 Salı", "8月5日(月)"); the weekday and the
//!   month must be names of one language. A date without a year is checked
//!   only when the variant's publication date is known, against the last
//!   such day on or before it; but when the next such day is within
//!   [`NEAR_DAYS`] after it (a coming rally, or a page dated in a time zone
//!   behind the event's: "Sunday, July 14" on a page of July 13), against
//!   that one; and when neither is that near, the weekday must be neither's
//!   to be wrong. A weekday within [`ANNIVERSARY_REACH`] words after "ago",
//!   "years", ... is an anniversary's ("40 years ago Wednesday"), and is not
//!   checked.
//! - **A night from one weekday to another** ("la nuit de dimanche à
//!   lundi", the phrases of [`nights`]) must end on the day after it starts,
//!   unless the phrase opens a stretch ("from the night of Friday to
//!   Sunday"). English "Friday night into Sunday" can be a stretch too: only
//!   a night into the day it starts on is wrong there.
//!
//! A weekday far from any date ("on Sunday"), "Sunday night", and dates that
//! differ from each other are never findings here: which day an event was
//! is for the claims and their conflicts.

mod dated;
mod nights;
mod numeric;
mod written;

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::scan::word_key;
use super::{ConflictSeverity, Location, Span};
use crate::corpus::{Photo, Section};
pub(crate) use dated::find as find_dated;
use written::{Words, Written, read_date};

const CALENDAR_DATA: &str = include_str!("../../assets/calendar.toml");

/// Filler words a weekday may stand before its date.
pub const MAX_FILLERS: usize = 2;
/// Words before a weekday searched for an anniversary word.
pub const ANNIVERSARY_REACH: usize = 3;
/// A date without a year this close to the publication date (days either
/// way) is the one meant; further away, it may be the last or the next.
pub const NEAR_DAYS: i64 = 62;
/// Years searched back or ahead for a day and month ("29 February").
const YEARS_SEARCHED: i32 = 8;

#[derive(Debug, Default, Deserialize)]
struct CalendarData {
    fillers: Vec<String>,
    connectors: Vec<String>,
    ordinals: Vec<String>,
    anniversary: Vec<String>,
    stretches: Vec<String>,
    night_only: Vec<String>,
    languages: BTreeMap<String, LanguageData>,
    nights: Vec<nights::NightData>,
    numeric: Vec<numeric::NumericData>,
    #[serde(default)]
    things: Vec<dated::ThingData>,
}

#[derive(Debug, Default, Deserialize)]
struct LanguageData {
    #[serde(default)]
    capitalised: bool,
    #[serde(default)]
    weekday_after_date: bool,
    #[serde(default)]
    suffixes: Vec<String>,
    weekdays: Vec<Vec<String>>,
    months: Vec<Vec<String>>,
}

/// A weekday's or month's name in one language.
#[derive(Debug, Clone, Copy)]
struct Name {
    /// Index into `Tables::languages`.
    language: usize,
    /// Days from Monday, or the month from 1.
    value: u32,
    /// Counts only when capitalised.
    capitalised: bool,
    /// Names a weekday only inside a night phrase.
    night_only: bool,
}

/// The table, folded for comparison once.
struct Tables {
    data: CalendarData,
    /// Language codes, in the table's order.
    languages: Vec<String>,
    weekdays: HashMap<String, Vec<Name>>,
    months: HashMap<String, Vec<Name>>,
    nights: Vec<nights::Night>,
    things: Vec<dated::Thing>,
}

fn fold(word: &str) -> String {
    word_key(word)
}

/// True when `key` (a word key) names a month in one of the table's languages.
pub(crate) fn is_month(key: &str) -> bool {
    tables().months.contains_key(key)
}

/// True when `key` is one of the words that make a number or a weekday an
/// anniversary's ("40 years ago", "hace 40 años").
pub(crate) fn is_anniversary_word(key: &str) -> bool {
    tables().data.anniversary.iter().any(|w| fold(w) == key)
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let data: CalendarData = toml::from_str(CALENDAR_DATA).unwrap_or_default();
        let languages: Vec<String> = data.languages.keys().cloned().collect();
        let night_only: Vec<String> = data.night_only.iter().map(|w| fold(w)).collect();
        let (mut weekdays, mut months) = (HashMap::new(), HashMap::new());
        for (language, l) in data.languages.values().enumerate() {
            for (into, names) in [(&mut weekdays, &l.weekdays), (&mut months, &l.months)] {
                for (value, forms) in (0u32..).zip(names) {
                    for form in forms.iter().map(|f| fold(f)) {
                        let name = Name {
                            language,
                            value,
                            capitalised: l.capitalised,
                            night_only: night_only.contains(&form),
                        };
                        into.entry(form).or_insert_with(Vec::new).push(name);
                    }
                }
            }
        }
        for names in months.values_mut() {
            names.iter_mut().for_each(|n: &mut Name| n.value += 1);
        }
        let nights = nights::compile(&data.nights, &languages);
        let things = dated::compile(&data.things);
        Tables {
            data,
            languages,
            weekdays,
            months,
            nights,
            things,
        }
    })
}

impl Tables {
    fn language(&self, index: usize) -> Option<&LanguageData> {
        self.languages
            .get(index)
            .and_then(|code| self.data.languages.get(code))
    }

    /// The weekday word `i` names outside a night phrase, and the languages
    /// that name it so.
    fn weekday_at(&self, w: &Words<'_>, i: usize) -> Option<(Weekday, Vec<usize>)> {
        let names: Vec<&Name> = self
            .weekdays
            .get(w.key(i))?
            .iter()
            .filter(|n| !n.night_only && (!n.capitalised || w.capitalised(i)))
            .collect();
        let day = names.first()?.value;
        let languages = names
            .iter()
            .filter(|n| n.value == day)
            .map(|n| n.language)
            .collect();
        Some((weekday(day)?, languages))
    }
}

fn weekday(days_from_monday: u32) -> Option<Weekday> {
    u8::try_from(days_from_monday)
        .ok()
        .and_then(|d| Weekday::try_from(d).ok())
}

/// A weekday stated for a date: "Tuesday, May 25, 1965".
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stated {
    /// The weekday and the date, and what lies between.
    pub span: Span,
    pub weekday: Weekday,
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
}

/// Every weekday a section states for a date written in words.
fn weekdays_stated(w: &Words<'_>, t: &Tables) -> Vec<Stated> {
    let dates: Vec<Option<Written>> = (0..w.len()).map(|i| read_date(w, i, t)).collect();
    let fits = |date: &Written, languages: &[usize]| {
        date.languages.is_empty() || date.languages.iter().any(|l| languages.contains(l))
    };
    let mut out = Vec::new();
    for i in 0..w.len() {
        let Some((weekday, languages)) = t.weekday_at(w, i) else {
            continue;
        };
        if anniversary_before(w, i, t) {
            continue;
        }
        let stated = |date: &Written, start: usize, end: usize| Stated {
            span: w.span(start, end),
            weekday,
            day: date.day,
            month: date.month,
            year: date.year,
        };
        let mut j = i + 1;
        while w.spaced_before(j, &[',']) {
            if let Some(date) = dates.get(j).and_then(Option::as_ref) {
                if fits(date, &languages) {
                    out.push(stated(date, i, date.end));
                }
                break;
            }
            if j - i > MAX_FILLERS || !t.data.fillers.iter().any(|f| f == w.key(j)) {
                break;
            }
            j += 1;
        }
        let after_date = languages
            .iter()
            .any(|&l| t.language(l).is_some_and(|l| l.weekday_after_date));
        if after_date && w.spaced_before(i, &[',']) {
            let before = dates.iter().take(i).flatten();
            if let Some(date) = before.filter(|d| d.end == i).find(|d| fits(d, &languages)) {
                out.push(stated(date, date.start, i + 1));
            }
        }
    }
    out
}

/// "ago", "years", ... within reach before word `i`, in its sentence.
fn anniversary_before(w: &Words<'_>, i: usize, t: &Tables) -> bool {
    let mut k = i;
    while k > 0 && i - k < ANNIVERSARY_REACH && !w.break_before(k) {
        k -= 1;
        if t.data.anniversary.iter().any(|a| a == w.key(k)) {
            return true;
        }
    }
    false
}

/// What is wrong with a stated weekday, or `None` when it is right or
/// cannot be checked.
fn weekday_error(stated: &Stated, published: Option<NaiveDate>) -> Option<String> {
    let (day, month) = (stated.day, stated.month);
    let long = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    let name = |d: NaiveDate| d.format("%A").to_string();
    if let Some(year) = stated.year {
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        return (date.weekday() != stated.weekday)
            .then(|| format!("{} was a {}", long(date), name(date)));
    }
    let published = published?;
    let year = published.year();
    let last = (year - YEARS_SEARCHED..=year)
        .rev()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d <= published)?;
    let next = (year..=year + YEARS_SEARCHED)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d > published);
    let near = |d: NaiveDate| (d - published).num_days().abs() <= NEAR_DAYS;
    let meant = match next {
        Some(next) if near(next) => [Some(next), None],
        Some(next) if !near(last) => [Some(last), Some(next)],
        _ => [Some(last), None],
    };
    if meant
        .iter()
        .flatten()
        .any(|d| d.weekday() == stated.weekday)
    {
        return None;
    }
    Some(match meant {
        [Some(coming), None] if coming > published => format!(
            "{}, the first after its publication on {published}, is a {}",
            long(coming),
            name(coming)
        ),
        _ => format!(
            "{}, the last before its publication on {published}, was a {}",
            long(last),
            name(last)
        ),
    })
}

/// One wrong date of one variant, before findings are made.
struct Wrong {
    rule: &'static str,
    location: Location,
    quote: String,
    reason: String,
}

/// Whether any word of the text is a weekday name of the table.
fn names_a_weekday(text: &str, t: &Tables) -> bool {
    // Whole hyphenated words ("segunda-feira") and their parts ("Sonntag-Abend").
    let mut key = String::new();
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .flat_map(|w| std::iter::once(w).chain(w.split('-')))
        .filter(|w| (4..=24).contains(&w.len()))
        .any(|w| {
            super::scan::word_key_into(w, &mut key);
            t.weekdays.contains_key(&key)
        })
}

/// The calendar findings of a photo.
pub(crate) fn find(photo: &Photo) -> Vec<Finding> {
    let t = tables();
    let mut wrong = Vec::new();
    for (v, variant) in photo.variants.iter().enumerate() {
        let published = variant.source.published.as_ref().map(|p| p.date);
        for section in Section::ALL {
            let Some(text) = variant.section(section).map(|s| s.as_str()) else {
                continue;
            };
            let at = |span: Span| Location {
                variant: v,
                section,
                span,
            };
            let mut stated = numeric::weekdays_stated(text, &t.data.numeric);
            // Most sections name no weekday: spare them the word-by-word reading.
            if !names_a_weekday(text, t) {
                wrong.extend(stated.iter().filter_map(|s| {
                    weekday_error(s, published).map(|reason| Wrong {
                        rule: "weekday",
                        location: at(s.span),
                        quote: s.span.slice(text).to_string(),
                        reason,
                    })
                }));
                continue;
            }
            let w = Words::new(text);
            stated.extend(weekdays_stated(&w, t));
            for s in &stated {
                if let Some(reason) = weekday_error(s, published) {
                    let quote = s.span.slice(text).to_string();
                    let location = at(s.span);
                    wrong.push(Wrong {
                        rule: "weekday",
                        location,
                        quote,
                        reason,
                    });
                }
            }
            for span in nights::wrong_nights(&w, t) {
                wrong.push(Wrong {
                    rule: "night",
                    location: at(span),
                    quote: span.slice(text).to_string(),
                    reason: "a night runs from one day to the next".to_string(),
                });
            }
        }
    }
    findings(photo, wrong)
}

/// One finding per variant, rule and words (a caption repeated in the
/// article is one finding with two marks).
fn findings(photo: &Photo, wrong: Vec<Wrong>) -> Vec<Finding> {
    let mut grouped: BTreeMap<(usize, &'static str, String), (String, Vec<Mark>)> = BTreeMap::new();
    for w in wrong {
        let v = w.location.variant;
        let (_, marks) = grouped
            .entry((v, w.rule, w.quote.clone()))
            .or_insert_with(|| (w.reason, Vec::new()));
        marks.push(Mark {
            variant: v,
            location: Some(w.location),
            quote: w.quote,
            odd: true,
        });
    }
    grouped
        .into_iter()
        .map(|((v, rule, quote), (reason, marks))| {
            let label = variant_label(photo, v);
            let id = photo.variants.get(v).map_or("", |x| x.id.as_str());
            Finding {
                details: Vec::new(),
                kind: FindingKind::Date,
                fact: Fact::Date,
                severity: ConflictSeverity::Medium,
                key: format!("date/{rule}/{id}/{quote}"),
                summary: format!("{label} writes \"{quote}\": {reason}"),
                marks,
                conflict: None,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
