//! Counts and measurements that one variant gets wrong: "10 radio
//! telescopes" where five other outlets count eight, "55 años luz" where the
//! others say 55 million light-years.
//!
//! Each section is cut into numbers and words (hyphens split words:
//! "eight-storey" is a number and a noun). A number is a run of digits with
//! `.` or `,` inside (a separator before exactly three digits groups
//! thousands, in the variant's language's way: "6.500" is 6500 in Spanish),
//! or a number word (`assets/quantities.toml`); a multiplier word after it
//! scales it ("55 millones"). Then:
//! - a **count** is a number and the noun right after it (past modifiers
//!   such as "radio"), when that noun is not a unit, a time or a date word:
//!   a number right after "the", "all", "both" (`counts.determiners`) refers
//!   back to a group ("the two countries") and states no count. Counts are
//!   grouped by the noun's
//!   first six letters (so "telescopes" and "telescopios" meet; a
//!   compound's prefix such as "radio" is cut first). Where at least
//!   `counts.min_variants` variants count a noun and one value is given by
//!   more variants than any other (at least two), every other value is a
//!   finding;
//! - a **measurement** is a number and a unit of a known group ("light-years",
//!   "años luz"). A value at least `measurements.factor` times off the value
//!   most variants agree on (within `measurements.agree` of each other) is a
//!   finding: a dropped "million" is an error, 53 against 55 million is not.
//!
//! Times, durations, ages and dates are not compared here: sources give them
//! in many legitimate ways (the bout lasted "1:44", "105 seconds").

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::scan::word_key;
use super::{ConflictSeverity, Location, Span};
use crate::corpus::{Photo, Section};

mod tokens;

#[cfg(test)]
use tokens::parse_number;
use tokens::tokens;

const QUANTITIES_DATA: &str = include_str!("../../assets/quantities.toml");

/// Letters of a noun that name the counted thing.
const NOUN_STEM: usize = 6;

#[derive(Debug, Default, Deserialize)]
struct QuantitiesData {
    numbers: BTreeMap<String, f64>,
    multipliers: BTreeMap<String, f64>,
    counts: CountsData,
    measurements: MeasurementsData,
}

#[derive(Debug, Default, Deserialize)]
struct CountsData {
    compound_prefixes: Vec<String>,
    modifiers: Vec<String>,
    determiners: Vec<String>,
    not_counted: Vec<String>,
    min_variants: usize,
}

#[derive(Debug, Default, Deserialize)]
struct MeasurementsData {
    factor: f64,
    agree: f64,
    min_variants: usize,
    units: Vec<Vec<String>>,
}

/// The table, folded for comparison once.
struct Tables {
    data: QuantitiesData,
    not_counted: BTreeSet<String>,
    /// (unit group, its forms as folded words), longest forms first.
    units: Vec<(usize, Vec<String>)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let data: QuantitiesData = toml::from_str(QUANTITIES_DATA).unwrap_or_default();
        let not_counted = data.counts.not_counted.iter().map(|w| fold(w)).collect();
        let mut units: Vec<(usize, Vec<String>)> = data
            .measurements
            .units
            .iter()
            .enumerate()
            .flat_map(|(g, forms)| {
                forms.iter().map(move |f| {
                    let words = f.split([' ', '-']).map(fold).filter(|w| !w.is_empty());
                    (g, words.collect())
                })
            })
            .collect();
        units.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
        Tables {
            data,
            not_counted,
            units,
        }
    })
}

fn fold(word: &str) -> String {
    word_key(word)
}

/// A count or measurement one variant states.
#[derive(Debug, Clone)]
struct Stated {
    variant: usize,
    location: Location,
    quote: String,
    value: f64,
}

/// What the counts and measurements of a photo say.
#[derive(Default)]
struct Gathered {
    /// Noun stem -> every count of it.
    counts: BTreeMap<String, Vec<Stated>>,
    /// Unit group -> every measurement in it.
    measurements: BTreeMap<usize, Vec<Stated>>,
}

/// The count and measurement findings of a photo; `languages` holds each
/// variant's language (`language::of_variants`).
pub(crate) fn find(photo: &Photo, languages: &[Option<String>]) -> Vec<Finding> {
    let mut gathered = Gathered::default();
    for (v, variant) in photo.variants.iter().enumerate() {
        let language = languages.get(v).and_then(Option::as_deref);
        let thousands_dot = language.is_some_and(|l| l != "en");
        for section in [Section::Caption, Section::Headline, Section::Article] {
            if let Some(text) = variant.section(section) {
                gather(&mut gathered, v, section, text.as_str(), thousands_dot);
            }
        }
    }
    let t = tables();
    let mut findings = Vec::new();
    for (stem, stated) in &gathered.counts {
        findings.extend(count_findings(
            photo,
            stem,
            stated,
            t.data.counts.min_variants,
        ));
    }
    for (unit, stated) in &gathered.measurements {
        findings.extend(measurement_findings(
            photo,
            *unit,
            stated,
            &t.data.measurements,
        ));
    }
    let mut seen = BTreeSet::new();
    findings.retain(|f: &Finding| {
        let odd: Vec<Location> = f.flagged().filter_map(|m| m.location).collect();
        seen.insert(odd)
    });
    findings
}

fn gather(into: &mut Gathered, variant: usize, section: Section, text: &str, thousands_dot: bool) {
    let t = tables();
    let toks = tokens(text, thousands_dot);
    for (i, token) in toks.iter().enumerate() {
        let Some(mut value) = token.number else {
            continue;
        };
        let mut next = i + 1;
        if let Some(m) = toks
            .get(next)
            .filter(|n| !n.after_break)
            .and_then(|n| t.data.multipliers.get(&n.word))
        {
            value *= m;
            next += 1;
        }
        let words = |from: usize, n: usize| -> Option<Vec<&str>> {
            let slice = toks.get(from..from + n)?;
            slice
                .iter()
                .all(|w| !w.after_break && !w.word.is_empty() && w.number.is_none())
                .then(|| slice.iter().map(|w| w.word.as_str()).collect())
        };
        let at = |end: usize| -> (Location, String) {
            let last = toks.get(end - 1).map_or(token.span.end, |w| w.span.end);
            let span = Span::new(token.span.start, last);
            (
                Location {
                    variant,
                    section,
                    span,
                },
                span.slice(text).to_string(),
            )
        };
        // A unit, possibly after "de"/"of" ("millones de años luz").
        let skip_of =
            usize::from(words(next, 1).is_some_and(|w| matches!(w[..], ["de" | "of" | "d"])));
        let start = next + skip_of;
        let unit = t.units.iter().find_map(|(group, form)| {
            let fits = toks.get(start..start + form.len()).is_some_and(|slice| {
                slice
                    .iter()
                    .zip(form)
                    .all(|(w, f)| !w.after_break && w.number.is_none() && w.word == *f)
            });
            fits.then_some((*group, start + form.len()))
        });
        if let Some((group, end)) = unit {
            let (location, quote) = at(end);
            into.measurements.entry(group).or_default().push(Stated {
                variant,
                location,
                quote,
                value,
            });
            continue;
        }
        let refers_back = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .filter(|_| !token.after_break)
            .is_some_and(|p| t.data.counts.determiners.contains(&p.word));
        if refers_back || value.fract() != 0.0 || !(2.0..=1000.0).contains(&value) {
            continue;
        }
        let mut n = next;
        while words(n, 1).is_some_and(|w| {
            t.data
                .counts
                .modifiers
                .iter()
                .any(|m| w.first() == Some(&m.as_str()))
        }) {
            n += 1;
        }
        let Some(word) = words(n, 1).and_then(|w| w.first().map(|s| s.to_string())) else {
            continue;
        };
        if t.not_counted.contains(&word) || t.data.multipliers.contains_key(&word) {
            continue;
        }
        let noun = t
            .data
            .counts
            .compound_prefixes
            .iter()
            .find_map(|p| {
                word.strip_prefix(p.as_str())
                    .filter(|rest| rest.len() >= NOUN_STEM)
            })
            .unwrap_or(&word);
        let stem: String = noun.chars().take(NOUN_STEM).collect();
        if stem.chars().count() < 4 {
            continue;
        }
        let (location, quote) = at(n + 1);
        into.counts.entry(stem).or_default().push(Stated {
            variant,
            location,
            quote,
            value,
        });
    }
}

/// Variants per value (values compared exactly).
fn by_value(stated: &[Stated]) -> Vec<(f64, BTreeSet<usize>)> {
    let mut out: Vec<(f64, BTreeSet<usize>)> = Vec::new();
    for s in stated {
        match out.iter_mut().find(|(v, _)| *v == s.value) {
            Some((_, holders)) => {
                holders.insert(s.variant);
            }
            None => out.push((s.value, BTreeSet::from([s.variant]))),
        }
    }
    out.sort_by_key(|v| std::cmp::Reverse(v.1.len()));
    out
}

fn count_findings(
    photo: &Photo,
    stem: &str,
    stated: &[Stated],
    min_variants: usize,
) -> Vec<Finding> {
    let variants: BTreeSet<usize> = stated.iter().map(|s| s.variant).collect();
    let values = by_value(stated);
    let (Some((main, holders)), Some(second)) = (values.first(), values.get(1)) else {
        return Vec::new();
    };
    if variants.len() < min_variants || holders.len() < 2 || holders.len() <= second.1.len() {
        return Vec::new();
    }
    let example = stated
        .iter()
        .find(|s| s.value == *main)
        .map(|s| s.quote.clone())
        .unwrap_or_default();
    values
        .iter()
        .skip(1)
        .filter(|(_, odd)| odd.is_disjoint(holders))
        .map(|(value, odd)| {
            let odd_marks = stated.iter().filter(|s| s.value == *value);
            let quote = odd_marks
                .clone()
                .next()
                .map(|s| s.quote.clone())
                .unwrap_or_default();
            let who: Vec<String> = odd.iter().map(|&v| variant_label(photo, v)).collect();
            let summary = format!(
                "{} writes \"{quote}\"; {} other outlet{} count {main} (\"{example}\")",
                who.join(" and "),
                holders.len(),
                if holders.len() == 1 { "" } else { "s" },
            );
            finding(format!("count/{stem}/{value}"), summary, stated, |s| {
                s.value == *value
            })
        })
        .collect()
}

fn measurement_findings(
    photo: &Photo,
    unit: usize,
    stated: &[Stated],
    m: &MeasurementsData,
) -> Vec<Finding> {
    let variants: BTreeSet<usize> = stated.iter().map(|s| s.variant).collect();
    if variants.len() < m.min_variants || m.agree <= 1.0 {
        return Vec::new();
    }
    // The value most variants agree with (within `agree`).
    let agreeing = |x: f64| -> BTreeSet<usize> {
        stated
            .iter()
            .filter(|s| s.value > 0.0 && x > 0.0 && (s.value / x).max(x / s.value) <= m.agree)
            .map(|s| s.variant)
            .collect()
    };
    let Some(main) = stated.iter().max_by_key(|s| agreeing(s.value).len()) else {
        return Vec::new();
    };
    let holders = agreeing(main.value);
    if holders.len() < 2 {
        return Vec::new();
    }
    let off =
        |s: &Stated| s.value > 0.0 && (s.value / main.value).max(main.value / s.value) >= m.factor;
    let mut odd: Vec<&Stated> = stated
        .iter()
        .filter(|s| off(s) && !holders.contains(&s.variant))
        .collect();
    // One finding per variant and value, however often it repeats it.
    odd.dedup_by(|a, b| a.variant == b.variant && a.value == b.value);
    odd.iter()
        .map(|s| {
            let summary = format!(
                "{} writes \"{}\"; {} other outlets give about \"{}\"",
                variant_label(photo, s.variant),
                s.quote,
                holders.len(),
                main.quote
            );
            let (variant, value) = (s.variant, s.value);
            finding(
                format!("measurement/{unit}/{}", s.quote),
                summary,
                stated,
                |x| x.variant == variant && x.value == value,
            )
        })
        .collect()
}

fn finding(
    key: String,
    summary: String,
    stated: &[Stated],
    is_odd: impl Fn(&Stated) -> bool,
) -> Finding {
    let mut marks: Vec<Mark> = stated
        .iter()
        .map(|s| Mark {
            variant: s.variant,
            location: Some(s.location),
            quote: s.quote.clone(),
            odd: is_odd(s),
        })
        .collect();
    marks.sort_by_key(|m| !m.odd);
    Finding {
        details: Vec::new(),
        kind: FindingKind::Quantity,
        fact: Fact::Number,
        severity: ConflictSeverity::Medium,
        key,
        summary,
        marks,
        conflict: None,
    }
}

#[cfg(test)]
#[path = "quantities_tests.rs"]
mod tests;
