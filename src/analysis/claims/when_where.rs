//! When and where: the photo's date, venue and event.
//!
//! - A weekday ("Tuesday", "Tuesday's") in a sentence about the photo or the
//!   event (vocabulary `when.event_words`) and not about the photo's later life
//!   (`when.skip_words`: "went viral ... Wednesday") is resolved against the
//!   variant's publication date: the latest such weekday on or before it
//!   ("Tuesday" in an article of Wednesday 31 July 2024 is 2024-07-30). Without
//!   a publication date a weekday states nothing checkable and gives no claim.
//! - A full date ("30 July 2024", "July 30, 2024", "2024-07-30") in such a
//!   sentence is a date claim as written.
//! - A capitalised name ending in a venue word ("South Paris Arena") is a venue.
//! - An event form ("mixed table tennis doubles") is the event's canonical name.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::SectionClaims;
use crate::analysis::scan::Gap;
use crate::analysis::{Attribute, Subject};

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(key: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| {
            *m == key
                || (key.len() == 3 && m.starts_with(key))
                || (key == "sept" && *m == "september")
        })
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// The latest `weekday` on or before `published`.
pub(crate) fn resolve_weekday(published: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let back =
        (published.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    published.checked_sub_days(Days::new(u64::from(back)))
}

pub(super) fn find(c: &mut SectionClaims<'_, '_>) {
    for sentence in c.s.sentences() {
        let about_event = sentence
            .clone()
            .any(|i| c.vocab.event_words.contains_at(&c.s.words, i).is_some());
        let skipped = sentence
            .clone()
            .any(|i| c.vocab.skip_words.contains(c.s.key(i)));
        if about_event && !skipped {
            dates(c, sentence.clone());
        }
        for i in sentence.clone() {
            if let Some((len, event)) = c.vocab.events.match_at(&c.s.words, i)
                && let Some(name) = c.vocab.event_names.get(event).cloned()
            {
                let span = c.s.span(i, i + len);
                c.push(Subject::Photo, Attribute::Event, &name, span);
            }
            venue(c, i, &sentence);
        }
    }
}

fn dates(c: &mut SectionClaims<'_, '_>, sentence: std::ops::Range<usize>) {
    // A sentence that dates something in full ("on May 25, 1965") uses its
    // weekdays for something else ("back in Lewiston on Wednesday"); an
    // anniversary ("40 years ago Wednesday") is not the event's day either.
    let dated_in_full = sentence.clone().any(|i| full_date(c, i).is_some());
    for i in sentence.clone() {
        if c.quoted(i) {
            continue;
        }
        let key = c.s.key(i);
        let anniversary = i
            .checked_sub(1)
            .is_some_and(|p| sentence.contains(&p) && c.s.key(p) == "ago");
        if let Some(&(_, weekday)) = WEEKDAYS.iter().find(|(k, _)| *k == key) {
            if dated_in_full || anniversary {
                continue;
            }
            if let Some(date) = c.published.and_then(|p| resolve_weekday(p, weekday)) {
                let span = c.s.span(i, i + 1);
                c.push(Subject::Photo, Attribute::Date, &date.to_string(), span);
            }
            continue;
        }
        if let Some((date, len)) = full_date(c, i)
            && sentence.contains(&(i + len - 1))
        {
            let span = c.s.span(i, i + len);
            c.push(Subject::Photo, Attribute::Date, &date.to_string(), span);
        }
    }
}

fn number(c: &SectionClaims<'_, '_>, i: usize) -> Option<u32> {
    let key = c.s.key(i);
    if key.is_empty() || !key.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    key.parse().ok()
}

/// A full date starting at word `i`: (date, number of words).
fn full_date(c: &SectionClaims<'_, '_>, i: usize) -> Option<(NaiveDate, usize)> {
    let word = c.s.slice(c.s.span(i, i + 1));
    // (Checked first: parsing is costly and runs on every word of a sentence about the event.)
    if word.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d")
    {
        return Some((date, 1));
    }
    let spaced = |k: usize| matches!(c.s.gap(k), Gap::Space | Gap::Comma);
    // "30 July 2024"
    if let (Some(day), Some(month), Some(year)) =
        (number(c, i), month_of(c.s.key(i + 1)), number(c, i + 2))
        && spaced(i + 1)
        && spaced(i + 2)
        && year >= 1000
    {
        return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day).map(|d| (d, 3));
    }
    // "July 30, 2024"
    if let (Some(month), Some(day), Some(year)) =
        (month_of(c.s.key(i)), number(c, i + 1), number(c, i + 2))
        && spaced(i + 1)
        && spaced(i + 2)
        && year >= 1000
        && c.s.words.get(i).is_some_and(|w| w.capitalised)
    {
        return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day).map(|d| (d, 3));
    }
    None
}

/// "South Paris Arena": capitalised words ending in a venue word at `i`.
fn venue(c: &mut SectionClaims<'_, '_>, i: usize, sentence: &std::ops::Range<usize>) {
    let is_venue =
        c.s.words.get(i).is_some_and(|w| w.capitalised) && c.vocab.venue_words.contains(c.s.key(i));
    if !is_venue || c.quoted(i) {
        return;
    }
    let mut start = i;
    while start > sentence.start
        && c.s.gap(start) == Gap::Space
        && c.s
            .words
            .get(start - 1)
            .is_some_and(|w| w.capitalised && !w.possessive && w.key != "the")
    {
        start -= 1;
    }
    if start < i {
        let span = c.s.span(start, i + 1);
        let name = c.s.slice(span).to_string();
        c.push(Subject::Photo, Attribute::Venue, &name, span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims::testing::{claims_of, t};

    fn when_where(
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(String, String, String, String)> {
        claims_of(text, published)
            .into_iter()
            .filter(|c| matches!(c.1.as_str(), "date" | "venue" | "event"))
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn weekdays_resolve_against_the_publication_date() {
        assert_eq!(
            resolve_weekday(day(2024, 7, 31).unwrap_or_default(), Weekday::Tue),
            day(2024, 7, 30)
        );
        assert_eq!(
            resolve_weekday(day(2024, 7, 30).unwrap_or_default(), Weekday::Tue),
            day(2024, 7, 30)
        );
        assert_eq!(
            resolve_weekday(day(2024, 7, 29).unwrap_or_default(), Weekday::Tue),
            day(2024, 7, 23)
        );
        assert_eq!(
            when_where(
                "Lim takes a selfie after the mixed doubles medal ceremony at South Paris Arena on Tuesday.",
                day(2024, 7, 31)
            ),
            vec![
                t("photo", "date", "2024-07-30", "Tuesday"),
                t("photo", "event", "mixed doubles", "mixed doubles"),
                t("photo", "venue", "South Paris Arena", "South Paris Arena"),
            ]
        );
    }

    #[test]
    fn weekdays_not_about_the_event_or_without_a_date_say_nothing() {
        assert_eq!(
            when_where(
                "Images of the selfie went viral in South Korea Wednesday.",
                day(2024, 7, 31)
            ),
            vec![]
        );
        assert_eq!(
            when_where("The medal ceremony was on Tuesday.", None),
            vec![]
        );
        assert_eq!(
            when_where("On Tuesday it rained.", day(2024, 7, 31)),
            vec![]
        );
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            when_where(
                "Table tennis medal ceremony, South Paris Arena, 30 July 2024: a selfie",
                None
            ),
            vec![
                t("photo", "date", "2024-07-30", "30 July 2024"),
                t("photo", "venue", "South Paris Arena", "South Paris Arena"),
            ]
        );
        assert_eq!(
            when_where("The selfie, July 30, 2024.", None),
            vec![t("photo", "date", "2024-07-30", "July 30, 2024")]
        );
        assert_eq!(
            when_where("The selfie of 2024-07-30", None),
            vec![t("photo", "date", "2024-07-30", "2024-07-30")]
        );
    }

    #[test]
    fn events_are_canonical() {
        assert_eq!(
            when_where(
                "It unfolded during the mixed table tennis doubles event.",
                None
            ),
            vec![t(
                "photo",
                "event",
                "mixed doubles",
                "mixed table tennis doubles"
            )]
        );
    }
}
