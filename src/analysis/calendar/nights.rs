//! Night phrases: "in der Nacht von Sonntag auf Montag", "la nuit du samedi
//! au dimanche", "Pazar'ı Pazartesi'ye bağlayan gece". Each `nights` entry of
//! `assets/calendar.toml` is a phrase word by word: `a|b` is either word, a
//! trailing `?` makes a word optional, `{first}` and `{second}` are weekdays
//! of the phrase's language (with one of its case endings, for Turkish). The
//! words of a phrase are separated by spaces only.

use chrono::Weekday;
use serde::Deserialize;

use super::written::Words;
use super::{Tables, fold, weekday};
use crate::analysis::Span;

#[derive(Debug, Default, Deserialize)]
pub(super) struct NightData {
    language: String,
    pattern: String,
    #[serde(default)]
    same_day_only: bool,
}

/// One element of a night phrase.
#[derive(Debug, Clone, PartialEq)]
enum Element {
    Word { forms: Vec<String>, optional: bool },
    First,
    Second,
}

pub(super) struct Night {
    language: usize,
    elements: Vec<Element>,
    same_day_only: bool,
}

/// The phrases of the table whose language is known.
pub(super) fn compile(data: &[NightData], languages: &[String]) -> Vec<Night> {
    data.iter()
        .filter_map(|n| {
            Some(Night {
                language: languages.iter().position(|l| *l == n.language)?,
                elements: n.pattern.split_whitespace().map(element).collect(),
                same_day_only: n.same_day_only,
            })
        })
        .collect()
}

/// "von|vom" (either word), "den?" (optional), "{first}", "{second}".
fn element(text: &str) -> Element {
    match text {
        "{first}" => Element::First,
        "{second}" => Element::Second,
        _ => {
            let optional = text.ends_with('?');
            let forms = text.trim_end_matches('?').split('|').map(fold).collect();
            Element::Word { forms, optional }
        }
    }
}

/// The weekday a word names in a night phrase of one language, maybe
/// with one of its case endings.
fn night_weekday(t: &Tables, language: usize, key: &str) -> Option<Weekday> {
    let suffixes = t.language(language).map_or(&[][..], |l| &l.suffixes[..]);
    let name = |form: &str| {
        t.weekdays
            .get(form)?
            .iter()
            .find(|n| n.language == language)
            .and_then(|n| weekday(n.value))
    };
    name(key).or_else(|| {
        suffixes.iter().find_map(|s| {
            key.strip_suffix(fold(s).as_str())
                .filter(|stem| !stem.is_empty())
                .and_then(name)
        })
    })
}

/// A night phrase whose second day is not the day after its first.
pub(super) fn wrong_nights(w: &Words<'_>, t: &Tables) -> Vec<Span> {
    let mut out = Vec::new();
    for night in &t.nights {
        let mut i = 0;
        while i < w.len() {
            let Some((end, first, second)) = night_at(w, i, night, t) else {
                i += 1;
                continue;
            };
            let stretch =
                i > 0 && w.blank_before(i) && t.data.stretches.iter().any(|s| s == w.key(i - 1));
            let wrong = if night.same_day_only {
                second == first
            } else {
                second != first.succ()
            };
            if wrong && !stretch {
                out.push(w.span(i, end));
            }
            i = end;
        }
    }
    out
}

/// The night phrase starting at word `i`: (end, first day, second day).
fn night_at(
    w: &Words<'_>,
    i: usize,
    night: &Night,
    t: &Tables,
) -> Option<(usize, Weekday, Weekday)> {
    let (mut k, mut first, mut second) = (i, None, None);
    for element in &night.elements {
        let open = k < w.len() && (k == i || w.blank_before(k));
        match element {
            Element::Word { forms, optional } => {
                if open && forms.iter().any(|f| f == w.key(k)) {
                    k += 1;
                } else if !optional {
                    return None;
                }
            }
            Element::First | Element::Second => {
                let day = night_weekday(t, night.language, w.key(k)).filter(|_| open)?;
                if *element == Element::First {
                    first = Some(day);
                } else {
                    second = Some(day);
                }
                k += 1;
            }
        }
    }
    Some((k, first?, second?))
}
