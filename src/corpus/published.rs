//! Publication dates as outlets write them: RFC 3339 with an offset, plain
//! ISO dates with or without a time, and the common "Jul 31, 2024" forms.

use chrono::{DateTime, NaiveDate};

use super::Published;

/// Date formats tried in order; whatever follows the date must be separated
/// by white space (a time or a zone name we do not interpret).
const DATE_FORMATS: [&str; 8] = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
];

/// Reads a publication time. `None` when no known form matches.
///
/// With an offset (RFC 3339 or RFC 2822), `time` is set and `date` is the date
/// in that offset; otherwise only the date is kept.
pub(crate) fn parse_published(raw: &str) -> Option<Published> {
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    let with_offset = DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .ok();
    if let Some(time) = with_offset {
        return Some(Published {
            raw: raw.to_string(),
            date: time.date_naive(),
            time: Some(time),
        });
    }
    let date = DATE_FORMATS.iter().find_map(|format| {
        let (date, rest) = NaiveDate::parse_and_remainder(text, format).ok()?;
        let separated = rest.is_empty() || rest.starts_with(char::is_whitespace);
        let iso_time = rest.starts_with('T') && rest.len() > 1;
        (separated || iso_time).then_some(date)
    })?;
    Some(Published {
        raw: raw.to_string(),
        date,
        time: None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn rfc3339_keeps_the_offset_and_the_local_date() {
        let published = parse_published("2024-07-31T00:15:00+05:30").unwrap();
        assert_eq!(published.date, date(2024, 7, 31));
        let time = published.time.unwrap();
        assert_eq!(time.offset().local_minus_utc(), 5 * 3600 + 30 * 60);
        assert_eq!(time.to_rfc3339(), "2024-07-31T00:15:00+05:30");
        assert_eq!(published.raw, "2024-07-31T00:15:00+05:30");
    }

    #[test]
    fn dates_without_offsets() {
        for raw in [
            "2024-07-31 12:45",
            "2024-07-31",
            "2024-07-31T12:45:00",
            "Jul 31, 2024",
            "July 31, 2024",
            "Jul 31, 2024 12:45 IST",
            "31 July 2024",
            "Wednesday, July 31, 2024",
            "2024/07/31",
        ] {
            let published = parse_published(raw);
            assert_eq!(
                published.as_ref().map(|p| (p.date, p.time)),
                Some((date(2024, 7, 31), None)),
                "{raw}"
            );
        }
    }

    #[test]
    fn rfc2822() {
        let published = parse_published("Wed, 31 Jul 2024 12:45:00 +0100").unwrap();
        assert_eq!(published.date, date(2024, 7, 31));
        assert_eq!(published.time.unwrap().offset().local_minus_utc(), 3600);
    }

    #[test]
    fn nonsense_is_none() {
        for raw in ["", "last Tuesday", "2024-13-45", "2024-07-31garbage"] {
            assert_eq!(parse_published(raw), None, "{raw}");
        }
    }
}
