//! Reading clock times from a text: "18:08 Uhr", "6:11 p.m. EDT", "8.00 p.m.",
//! "18h08", "04:17 local time", "午後6時11分", "오후 6시 11분", "下午6点11分".
//!
//! A time is hours and minutes (seconds are read and dropped); a bare hour
//! ("6 p.m.", "18 Uhr") states no minute and is not read. Written with a
//! colon, "h" or a CJK hour sign it is always a time; with a full stop only
//! beside a marker (am/pm, "Uhr", a zone) or after a word of `before` ("at
//! 8.00"), and never before a unit ("9.58 seconds"), so decimals stay numbers.
//! A full stop or comma and a digit after the minutes make it a date or a
//! decimal ("18.08.2024", "1:44.5"), not a time.

use super::Tables;
use crate::analysis::Span;

/// The time zone a time is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Zone {
    /// Not said.
    Unknown,
    /// "local time": the place of the happening.
    Local,
    /// Minutes from UTC.
    Offset(i32),
}

/// One clock time as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClockTime {
    /// The words that state it, marker and zone included.
    pub span: Span,
    /// Minutes after midnight (0..1440).
    pub minutes: u32,
    /// An hour of 1 to 12 written without am/pm: it may be either half of the day.
    pub half_day: bool,
    pub zone: Zone,
    /// "about 18:08", "18時ごろ": no minute to compare.
    pub approximate: bool,
    /// A filing stamp ("Updated 7:32 p.m. ET", a live blog's "7:32 p.m.:"):
    /// the time of the writing, not of what it tells.
    pub stamp: bool,
}

impl ClockTime {
    /// What comparing two times looks at (everything but where it is written).
    pub(crate) fn compared(&self) -> (u32, bool, Zone, bool, bool) {
        (
            self.minutes,
            self.half_day,
            self.zone,
            self.approximate,
            self.stamp,
        )
    }
}

const PM: [&str; 5] = ["午後", "下午", "오후", "晚上", "傍晚"];
const AM: [&str; 5] = ["午前", "上午", "오전", "早上", "凌晨"];
const HOUR_SIGNS: [char; 5] = ['時', '时', '시', '点', '點'];
const MINUTE_SIGNS: [char; 2] = ['分', '분'];

/// Every clock time in `text`, in order.
pub(crate) fn read(text: &str, t: &Tables) -> Vec<ClockTime> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match read_at(text, &chars, i, t) {
            Some((time, next)) => {
                out.push(time);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

fn at(chars: &[(usize, char)], i: usize) -> Option<char> {
    chars.get(i).map(|&(_, c)| c)
}

fn byte(text: &str, chars: &[(usize, char)], i: usize) -> usize {
    chars.get(i).map_or(text.len(), |&(p, _)| p)
}

/// Up to two digits from `i`: (value, index after); `None` for none or more than two.
fn digits(chars: &[(usize, char)], i: usize) -> Option<(u32, usize, usize)> {
    let mut j = i;
    let mut value = 0;
    while let Some(d) = at(chars, j).and_then(|c| c.to_digit(10)) {
        value = value * 10 + d;
        j += 1;
        if j - i > 2 {
            return None;
        }
    }
    (j > i).then_some((value, j, j - i))
}

fn skip_spaces(chars: &[(usize, char)], mut i: usize) -> usize {
    while at(chars, i).is_some_and(|c| c == ' ' || c == '\u{a0}') {
        i += 1;
    }
    i
}

/// Whether `text` from byte `from` starts with `word` (ignoring case), not
/// followed by a letter.
fn starts_word(text: &str, from: usize, word: &str) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut end = 0;
    let wanted = word.chars().flat_map(char::to_lowercase);
    let mut got = rest.char_indices();
    for w in wanted {
        let (p, c) = got.next()?;
        let mut lower = c.to_lowercase();
        if lower.next() != Some(w) {
            return None;
        }
        end = p + c.len_utf8();
    }
    let next = rest.get(end..).and_then(|r| r.chars().next());
    let cjk_word = word.chars().last().is_some_and(super::is_cjk);
    if !cjk_word && next.is_some_and(char::is_alphabetic) {
        return None;
    }
    Some(from + end)
}

fn read_at(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    t: &Tables,
) -> Option<(ClockTime, usize)> {
    let first = at(chars, i)?;
    if !first.is_ascii_digit() {
        return None;
    }
    if let Some(p) = i.checked_sub(1).and_then(|p| at(chars, p))
        && (p.is_ascii_digit() || (p.is_alphabetic() && !super::is_cjk(p)) || ".,:".contains(p))
    {
        return None;
    }
    let (hour, after_hour, _) = digits(chars, i)?;
    let sep = at(chars, after_hour)?;
    let mut start = byte(text, chars, i);
    let mut pm = None;
    let (minute, mut j, strong) = if HOUR_SIGNS.contains(&sep) {
        let k = skip_spaces(chars, after_hour + 1);
        let (minute, k, _) = digits(chars, k)?;
        if !at(chars, k).is_some_and(|c| MINUTE_SIGNS.contains(&c)) {
            return None;
        }
        let before = text.get(..start).unwrap_or("").trim_end();
        if let Some(w) = PM.iter().chain(&AM).find(|w| before.ends_with(*w)) {
            pm = Some(PM.contains(w));
            start = before.len() - w.len();
        }
        (minute, k + 1, true)
    } else {
        if !matches!(sep, ':' | '.' | 'h' | 'H') {
            return None;
        }
        let (minute, mut k, width) = digits(chars, after_hour + 1)?;
        if width != 2 {
            return None;
        }
        if sep == ':'
            && at(chars, k) == Some(':')
            && let Some((_, s, 2)) = digits(chars, k + 1)
        {
            k = s;
        }
        let decimal_after = matches!(at(chars, k), Some('.' | ',' | ':'))
            && at(chars, k + 1).is_some_and(|c| c.is_ascii_digit());
        if decimal_after {
            return None;
        }
        (minute, k, sep != '.')
    };
    // Markers after the minutes: am/pm, "Uhr", a zone, "local time".
    let mut marked = false;
    let mut twenty_four = hour == 0 || hour > 12 || sep == 'h' || sep == 'H';
    let mut k = skip_spaces(chars, j);
    if pm.is_none() {
        for (word, is_pm) in [
            ("a.m.", false),
            ("p.m.", true),
            ("a. m.", false),
            ("p. m.", true),
            ("am", false),
            ("pm", true),
        ] {
            if let Some(end) = starts_word(text, byte(text, chars, k), word) {
                pm = Some(is_pm);
                k = index_of(chars, end);
                break;
            }
        }
    }
    if pm.is_some() {
        marked = true;
        j = k;
        k = skip_spaces(chars, k);
    }
    for word in ["uhr", "h", "hs", "hrs"] {
        if let Some(end) = starts_word(text, byte(text, chars, k), word) {
            marked = true;
            twenty_four = true;
            j = index_of(chars, end);
            k = skip_spaces(chars, j);
            break;
        }
    }
    let bracket = at(chars, k) == Some('(');
    if bracket {
        k += 1;
    }
    let mut zone = Zone::Unknown;
    if let Some((z, end)) = zone_at(text, byte(text, chars, k), t) {
        zone = z;
        marked = true;
        j = index_of(chars, end);
        if bracket && at(chars, j) == Some(')') {
            j += 1;
        }
    }
    if hour <= 9 && at(chars, i) == Some('0') {
        twenty_four = true;
    }
    if !strong {
        let before = previous_word(text, start);
        let cue = t.before.contains(&before);
        if !marked && !cue {
            return None;
        }
    }
    if !marked
        && t.not_before_units
            .iter()
            .any(|u| *u == next_word(text, byte(text, chars, k)))
    {
        return None;
    }
    let minutes = match pm {
        Some(is_pm) if (1..=12).contains(&hour) => (hour % 12 + if is_pm { 12 } else { 0 }) * 60,
        Some(_) => return None,
        None if hour <= 23 => hour * 60,
        None => return None,
    };
    if minute > 59 {
        return None;
    }
    let end = byte(text, chars, j);
    let approximate = approximate(text, start, end, t);
    let after = text.get(end..).unwrap_or("").trim_start();
    let stamp =
        after.starts_with([':', '|']) || t.stamp_before.contains(&previous_word(text, start));
    Some((
        ClockTime {
            span: Span::new(start, end),
            minutes: minutes + minute,
            half_day: pm.is_none() && !twenty_four,
            zone,
            approximate,
            stamp,
        },
        j.max(i + 1),
    ))
}

fn index_of(chars: &[(usize, char)], byte: usize) -> usize {
    chars.partition_point(|&(p, _)| p < byte)
}

/// The zone named at byte `from`: a listed abbreviation or name, "UTC+3",
/// or a phrase meaning local time.
fn zone_at(text: &str, from: usize, t: &Tables) -> Option<(Zone, usize)> {
    if let Some((offset, end)) = t
        .zones
        .iter()
        .find_map(|(name, offset)| starts_word(text, from, name).map(|end| (*offset, end)))
    {
        let rest = text.get(end..).unwrap_or("");
        let sign = match rest.chars().next() {
            Some('+') => 1,
            Some('-' | '−') => -1,
            _ => return Some((Zone::Offset(offset), end)),
        };
        let sign_len = rest.chars().next().map_or(0, char::len_utf8);
        let hours: String = rest[sign_len..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        return match hours.parse::<i32>() {
            Ok(h) if hours.len() <= 2 && h <= 14 => Some((
                Zone::Offset(offset + sign * h * 60),
                end + sign_len + hours.len(),
            )),
            _ => Some((Zone::Offset(offset), end)),
        };
    }
    t.local
        .iter()
        .find_map(|phrase| starts_word(text, from, phrase))
        .map(|end| (Zone::Local, end))
}

/// The word right before byte `at`, in lower case ("kl." is "kl").
fn previous_word(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or("").trim_end();
    let before = before.strip_suffix('.').unwrap_or(before);
    let word: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect()
}

/// The word starting at byte `at` (spaces skipped), in lower case.
fn next_word(text: &str, at: usize) -> String {
    text.get(at..)
        .unwrap_or("")
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '%')
        .flat_map(char::to_lowercase)
        .collect()
}

fn approximate(text: &str, start: usize, end: usize, t: &Tables) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end().to_lowercase();
    let said_before = t.approximate_before.iter().any(|p| {
        before
            .strip_suffix(p.as_str())
            .is_some_and(|rest| rest.chars().last().is_none_or(|c| !c.is_alphanumeric()))
    });
    let after = text.get(end..).unwrap_or("").trim_start();
    said_before
        || t.approximate_after
            .iter()
            .any(|p| starts_word(after, 0, p).is_some())
}
