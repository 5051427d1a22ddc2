//! Dates written in words and digits ("Tuesday, May 25, 1965", "el miércoles
//! 25 de mayo", "Montag, 6. Februar 2023", "7 Şubat 2023 Salı"), read off a
//! section's words with the names of `assets/calendar.toml`.
//!
//! A word is a run of letters and digits with inner hyphens kept
//! ("terça-feira", "2023-02-07"); an apostrophe and the letters after it are
//! an ending, left out of the word's key ("Şubat'ta" is "subat"). A date is
//! one of:
//! - `2023-02-07`, or `7.2.2023` (day, month, year, joined by dots), or
//!   `14.7.` after "am", "vom", "bis", ... (day and month, each with its dot);
//! - a day ("25", "25th", "6.", "1er"), a month name, and maybe a year:
//!   "25 May 1965", "6. Februar 2023", "25 de mayo de 1965", "7 février";
//! - a month name, a day, and maybe a year: "May 25, 1965", "Feb. 7".
//!
//! Only spaces, and the one comma or dot each form allows, may stand between
//! its words: a date never runs across a line or a sentence.

use super::{Name, Tables, fold};
use crate::analysis::Span;

/// One word of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// The word, without an apostrophe ending.
    pub span: Span,
    /// Where the word ends, ending included.
    pub end: usize,
    /// Lower case, diacritics folded, hyphens dropped.
    pub key: String,
    pub capitalised: bool,
}

/// A section's words.
pub(super) struct Words<'t> {
    pub text: &'t str,
    pub words: Vec<Word>,
}

/// A date as written: words `start..end`, the year when it is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Written {
    pub start: usize,
    pub end: usize,
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
    /// The languages its month name is in; empty for a date in digits.
    pub languages: Vec<usize>,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str) -> Self {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |j: usize| chars.get(j).map_or(text.len(), |&(p, _)| p);
        let alnum = |j: usize| chars.get(j).is_some_and(|&(_, c)| c.is_alphanumeric());
        let mut words = Vec::new();
        let mut i = 0;
        while let Some(&(start, c)) = chars.get(i) {
            if !c.is_alphanumeric() {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                if alnum(j) {
                    j += 1;
                } else if chars.get(j).is_some_and(|&(_, d)| is_hyphen(d)) && alnum(j + 1) {
                    j += 2;
                } else {
                    break;
                }
            }
            let word_end = at(j);
            if chars.get(j).is_some_and(|&(_, d)| is_apostrophe(d))
                && chars.get(j + 1).is_some_and(|&(_, d)| d.is_alphabetic())
            {
                j += 1;
                while alnum(j) {
                    j += 1;
                }
            }
            let body = text.get(start..word_end).unwrap_or("");
            words.push(Word {
                span: Span::new(start, word_end),
                end: at(j),
                key: fold(body),
                capitalised: c.is_uppercase(),
            });
            i = j;
        }
        Words { text, words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn key(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.key.as_str())
    }

    pub fn capitalised(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.capitalised)
    }

    /// What stands between word `i - 1` and word `i`; `None` before the
    /// first word or past the last.
    pub fn gap(&self, i: usize) -> Option<&'t str> {
        let before = self.words.get(i.checked_sub(1)?)?;
        self.text.get(before.end..self.words.get(i)?.span.start)
    }

    /// The span of words `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let first = self.words.get(start).map_or(0, |w| w.span.start);
        let last = end
            .checked_sub(1)
            .and_then(|e| self.words.get(e))
            .map_or(first, |w| w.span.end);
        Span::new(first, last.max(first))
    }

    /// Only spaces (not a line end) before word `i`.
    pub fn blank_before(&self, i: usize) -> bool {
        spaced(self.gap(i), &[])
    }

    /// Spaces and at most one of `marks` before word `i`, on one line.
    pub fn spaced_before(&self, i: usize, marks: &[char]) -> bool {
        spaced(self.gap(i), marks)
    }

    /// A sentence or clause ends before word `i`. A full stop before a
    /// lower-case word is an abbreviation's ("in Butler, Pa., on July 13").
    pub fn break_before(&self, i: usize) -> bool {
        let Some(gap) = self.gap(i) else {
            return true;
        };
        if gap.contains(['!', '?', ';', ':', '\n', '\r', '|']) {
            return true;
        }
        let lower_next = self
            .words
            .get(i)
            .and_then(|w| w.span.slice(self.text).chars().next())
            .is_some_and(char::is_lowercase);
        gap.contains('.') && !lower_next
    }
}

fn spaced(gap: Option<&str>, marks: &[char]) -> bool {
    let Some(gap) = gap else {
        return false;
    };
    let mut marked = false;
    !gap.is_empty()
        && gap.chars().all(|c| {
            if matches!(c, '\n' | '\r') {
                false
            } else if c.is_whitespace() {
                true
            } else if marks.contains(&c) && !marked {
                marked = true;
                true
            } else {
                false
            }
        })
}

/// Words a German date written "14.7." follows.
const DAY_MONTH_CUES: [&str; 10] = [
    "am", "vom", "bis", "zum", "seit", "ab", "den", "dem", "zwischen", "und",
];

/// A day of the month as written: "25", "25th", "1er".
fn day_number(key: &str, t: &Tables) -> Option<u32> {
    let digits = key.len() - key.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, ending) = key.split_at(digits);
    if number.is_empty() || number.len() > 2 {
        return None;
    }
    if !ending.is_empty() && !t.data.ordinals.iter().any(|o| o == ending) {
        return None;
    }
    number.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A number of at most `digits` digits and nothing else.
fn plain_number(key: &str, digits: usize) -> Option<u32> {
    (!key.is_empty() && key.len() <= digits && key.bytes().all(|b| b.is_ascii_digit()))
        .then(|| key.parse().ok())
        .flatten()
}

pub(super) fn year_number(key: &str) -> Option<i32> {
    (key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit()))
        .then(|| key.parse().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
}

/// The month word `i` names, in the languages that name it so.
pub(super) fn month_at(w: &Words<'_>, i: usize, t: &Tables) -> Option<(u32, Vec<usize>)> {
    let names: Vec<&Name> = t
        .months
        .get(w.key(i))?
        .iter()
        .filter(|n| !n.capitalised || w.capitalised(i))
        .collect();
    let month = names.first()?.value;
    let languages = names
        .iter()
        .filter(|n| n.value == month)
        .map(|n| n.language)
        .collect();
    Some((month, languages))
}

/// The date written from word `i` on, if one starts there.
pub(super) fn read_date(w: &Words<'_>, i: usize, t: &Tables) -> Option<Written> {
    let written = |end, day, month, year, languages| Written {
        start: i,
        end,
        day,
        month,
        year,
        languages,
    };
    let raw = w.words.get(i)?.span.slice(w.text);
    if raw.len() == 10
        && raw.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && let Ok(date) = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
    {
        use chrono::Datelike;
        return Some(written(
            i + 1,
            date.day(),
            date.month(),
            Some(date.year()),
            vec![],
        ));
    }
    // 7.2.2023
    if let (Some(day), Some(month), Some(year)) = (
        plain_number(w.key(i), 2),
        plain_number(w.key(i + 1), 2),
        year_number(w.key(i + 2)),
    ) && w.gap(i + 1) == Some(".")
        && w.gap(i + 2) == Some(".")
        && (1..=12).contains(&month)
    {
        return Some(written(i + 3, day, month, Some(year), vec![]));
    }
    // "am 14.7.": day and month with their full stops, no year, after a
    // word that leads a date (a decimal "um 14.7." does not end so).
    if let (Some(day), Some(month)) = (plain_number(w.key(i), 2), plain_number(w.key(i + 1), 2))
        && w.gap(i + 1) == Some(".")
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && i > 0
        && DAY_MONTH_CUES.contains(&w.key(i - 1))
        && let Some(month_word) = w.words.get(i + 1)
        && let Some(rest) = w.text.get(month_word.span.end..)
        && rest.starts_with('.')
        && !rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(written(i + 2, day, month, None, vec![]));
    }
    // 25 May 1965, 6. Februar 2023, 25 de mayo de 1965
    if let Some(day) = day_number(w.key(i), t) {
        let mut j = i + 1;
        if !w.spaced_before(j, &['.']) {
            return None;
        }
        if t.data.connectors.iter().any(|c| c == w.key(j)) && w.blank_before(j + 1) {
            j += 1;
        }
        let (month, languages) = month_at(w, j, t)?;
        let (year, end) = year_after(w, j + 1, t);
        return Some(written(end, day, month, year, languages));
    }
    // May 25, 1965; Feb. 7
    let (month, languages) = month_at(w, i, t)?;
    if !w.spaced_before(i + 1, &['.']) {
        return None;
    }
    let day = day_number(w.key(i + 1), t)?;
    let (year, end) = match year_number(w.key(i + 2)) {
        Some(year) if w.spaced_before(i + 2, &[',']) => (Some(year), i + 3),
        _ => (None, i + 2),
    };
    Some(written(end, day, month, year, languages))
}

/// A year at word `k` ("1965", "de 1965", "del 2023"), and the word after it.
fn year_after(w: &Words<'_>, k: usize, t: &Tables) -> (Option<i32>, usize) {
    if !w.spaced_before(k, &[',']) {
        return (None, k);
    }
    if let Some(year) = year_number(w.key(k)) {
        return (Some(year), k + 1);
    }
    if t.data.connectors.iter().any(|c| c == w.key(k))
        && w.blank_before(k + 1)
        && let Some(year) = year_number(w.key(k + 1))
    {
        return (Some(year), k + 2);
    }
    (None, k)
}

#[cfg(test)]
#[path = "written_tests.rs"]
mod tests;
