//! Dates in digits with unit characters, as Japanese, Korean and Chinese
//! write them (2024年8月5日, 8월 5일), and the weekday written after them:
//! "8月5日(月)", "2024년 8월 5일 월요일", "8月5日星期一".
//!
//! Digits may be ASCII or full width. The markers and weekday characters are
//! the `numeric` entries of `assets/calendar.toml`. A weekday counts in
//! parentheses (either width) or with one of its words before or after it
//! ("星期", "曜日", "요일"): a bare character after a date ("13日日本") is
//! not a weekday.

use chrono::Weekday;
use serde::Deserialize;

use super::{Stated, weekday};
use crate::analysis::Span;

/// How one script writes a date (the table's `language` key only names it).
#[derive(Debug, Default, Deserialize)]
pub(super) struct NumericData {
    year: Vec<String>,
    month: Vec<String>,
    day: Vec<String>,
    /// From Monday; every form of each.
    weekdays: Vec<Vec<String>>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

/// Every weekday a text states for a date written in digits.
pub(super) fn weekdays_stated(text: &str, forms: &[NumericData]) -> Vec<Stated> {
    let mut out: Vec<Stated> = Vec::new();
    let mut previous_digit = false;
    for (start, c) in text.char_indices() {
        let is_digit = digit(c).is_some();
        if is_digit && !previous_digit {
            for form in forms {
                if let Some(s) = stated_at(text, start, form)
                    && !out.iter().any(|o| o.span == s.span)
                {
                    out.push(s);
                }
            }
        }
        previous_digit = is_digit;
    }
    out
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// The number at `pos`: (value, digits, end).
fn number(text: &str, pos: usize) -> Option<(u32, usize, usize)> {
    let (mut value, mut digits, mut end) = (0u32, 0usize, pos);
    for c in text.get(pos..)?.chars() {
        let Some(d) = digit(c) else {
            break;
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        digits += 1;
        end += c.len_utf8();
    }
    (digits > 0).then_some((value, digits, end))
}

/// The end of the longest of `words` written at `pos`.
fn word_at(text: &str, pos: usize, words: &[String]) -> Option<usize> {
    let rest = text.get(pos..)?;
    words
        .iter()
        .filter(|w| !w.is_empty() && rest.starts_with(w.as_str()))
        .map(|w| pos + w.len())
        .max()
}

/// Past spaces (ideographic ones too) on the same line.
fn skip_spaces(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
            .len()
}

/// A date and its weekday starting at `start`.
fn stated_at(text: &str, start: usize, form: &NumericData) -> Option<Stated> {
    let (first, digits, mut pos) = number(text, start)?;
    let (mut year, mut month) = (None, first);
    if digits == 4
        && let Some(end) = word_at(text, pos, &form.year)
    {
        year = i32::try_from(first).ok();
        let (m, _, e) = number(text, skip_spaces(text, end))?;
        (month, pos) = (m, e);
    }
    pos = word_at(text, pos, &form.month)?;
    let (day, _, e) = number(text, skip_spaces(text, pos))?;
    pos = word_at(text, e, &form.day)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (weekday, end) = weekday_at(text, skip_spaces(text, pos), form)?;
    Some(Stated {
        span: Span::new(start, end),
        weekday,
        day,
        month,
        year,
    })
}

/// "(月)", "（土曜日）", "월요일", "星期一" at `pos`: the weekday and its end.
fn weekday_at(text: &str, pos: usize, form: &NumericData) -> Option<(Weekday, usize)> {
    let paren = |p: usize, marks: [char; 2]| {
        text.get(p..)?
            .chars()
            .next()
            .filter(|c| marks.contains(c))
            .map(|c| p + c.len_utf8())
    };
    let opened = paren(pos, ['(', '（']);
    let mut pos = opened.unwrap_or(pos);
    let before = word_at(text, pos, &form.before);
    pos = before.unwrap_or(pos);
    let (day, end) = (0u32..)
        .zip(&form.weekdays)
        .find_map(|(d, chars)| word_at(text, pos, chars).map(|e| (d, e)))?;
    pos = end;
    let after = word_at(text, pos, &form.after);
    pos = after.unwrap_or(pos);
    let end = match opened {
        Some(_) => paren(pos, [')', '）'])?,
        None if before.is_some() || after.is_some() => pos,
        None => return None,
    };
    Some((weekday(day)?, end))
}
