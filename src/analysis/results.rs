//! Timed results one variant gets a digit wrong: Slate writes that Bolt won
//! "en 9 secondes 80" where four other outlets give him 9.81 seconds.
//!
//! A result is a decimal with a word for seconds after it ("9.81 seconds",
//! "9,81 Sekunden", "9.86-second win") or the French and Spanish "9 secondes
//! 80" (`assets/results.toml`). A decimal without a unit after "in", "at",
//! "de" ("at 9.91", "un registro de 9.81") is read too, but only ever agrees:
//! a value is called wrong only where its own text says seconds.
//!
//! Each result belongs to a person, by the structure of its sentence:
//! - in brackets, to the person named before the brackets ("Justin Gatlin
//!   aus den USA (9,89 Sekunden)");
//! - else to the nearest person named before it in its clause (clauses end
//!   at commas, semicolons, colons, brackets and dashes);
//! - a clause opening with a relative word belongs to the person named just
//!   before it ("Justin Gatlin, who took second place at 9.89 seconds");
//! - else to the first person of the sentence, its subject ("Bolt a fait son
//!   retard sur Justin Gatlin, avant de s'imposer en 9 secondes 80");
//! - a sentence that names nobody before the result and opens with a pronoun
//!   or an article ("He completed the dash in 9.81 seconds") continues the
//!   previous sentence's subject.
//!
//! Results of one race differ by hundredths between people and between
//! rounds (9.86 in the semi-final, 9.81 in the final), so only a near miss
//! is a finding: a person's value printed by one variant only, one unit of
//! its last digit away from a value at least [`MIN_SUPPORT`] other variants
//! give the same person, where that variant does not give the other value
//! too and nobody gives the odd value to anyone else.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::people::MentionHit;
use super::scan::word_key;
use super::section::SectionText;
use super::{ConflictSeverity, Location, Person};
use crate::corpus::Photo;

const RESULTS_DATA: &str = include_str!("../../assets/results.toml");

/// Other variants that must give a person a value before a near miss of it
/// is reported.
pub const MIN_SUPPORT: usize = 2;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ResultsData {
    units: Vec<String>,
    bare_after: Vec<String>,
    relatives: Vec<String>,
    continuers: Vec<String>,
}

fn data() -> &'static ResultsData {
    static DATA: OnceLock<ResultsData> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut d: ResultsData = toml::from_str(RESULTS_DATA).unwrap_or_default();
        for list in [
            &mut d.units,
            &mut d.bare_after,
            &mut d.relatives,
            &mut d.continuers,
        ] {
            for w in list.iter_mut() {
                *w = word_key(w);
            }
        }
        d
    })
}

fn listed(list: &[String], key: &str) -> bool {
    list.iter().any(|w| w == key)
}

/// A result one variant states.
#[derive(Debug, Clone)]
struct Stated {
    person: usize,
    variant: usize,
    location: Location,
    quote: String,
    /// In hundredths (or whatever the decimals give), scaled to an integer.
    units: i64,
    decimals: u32,
    /// Read without a unit: it may agree, never be the odd one.
    bare: bool,
}

/// The result findings of a photo, from its sections and the people they name.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText],
    hits: &[Vec<MentionHit>],
    people: &[Person],
) -> Vec<Finding> {
    let mut stated = Vec::new();
    for (s, h) in sections.iter().zip(hits) {
        gather(s, h, &mut stated);
    }
    let mut findings = Vec::new();
    for odd in stated.iter().filter(|s| !s.bare) {
        if let Some(f) = near_miss(photo, people, &stated, odd)
            && !findings.iter().any(|g: &Finding| g.key == f.key)
        {
            findings.push(f);
        }
    }
    findings
}

fn near_miss(photo: &Photo, people: &[Person], all: &[Stated], odd: &Stated) -> Option<Finding> {
    let same = |s: &&Stated, units: i64| s.decimals == odd.decimals && s.units == units;
    let holders = |units: i64, person: Option<usize>| -> BTreeSet<usize> {
        all.iter()
            .filter(|s| same(s, units) && person.is_none_or(|p| s.person == p))
            .map(|s| s.variant)
            .collect()
    };
    // Printed by this variant alone, and for nobody else.
    if holders(odd.units, None) != BTreeSet::from([odd.variant]) {
        return None;
    }
    let mine: Vec<&Stated> = all
        .iter()
        .filter(|s| s.person == odd.person && s.decimals == odd.decimals)
        .collect();
    let right = mine
        .iter()
        .filter(|s| (s.units - odd.units).abs() == 1)
        .map(|s| (s.units, holders(s.units, Some(odd.person))))
        .filter(|(_, h)| h.len() >= MIN_SUPPORT && !h.contains(&odd.variant))
        .max_by_key(|(units, h)| (h.len(), -units))?;
    let (units, support) = right;
    let example = mine.iter().find(|s| s.units == units && !s.bare)?;
    let name = people.get(odd.person).map_or("", |p| p.name.as_str());
    let scale = 10f64.powi(odd.decimals as i32);
    let summary = format!(
        "{} writes \"{}\" for {name}; {} other outlet{} give {:.prec$} seconds (\"{}\")",
        variant_label(photo, odd.variant),
        odd.quote,
        support.len(),
        if support.len() == 1 { "" } else { "s" },
        units as f64 / scale,
        example.quote,
        prec = odd.decimals as usize,
    );
    let mut marks = vec![Mark {
        variant: odd.variant,
        location: Some(odd.location),
        quote: odd.quote.clone(),
        odd: true,
    }];
    marks.extend(mine.iter().filter(|s| s.units == units).map(|s| Mark {
        variant: s.variant,
        location: Some(s.location),
        quote: s.quote.clone(),
        odd: false,
    }));
    Some(Finding {
        details: Vec::new(),
        kind: FindingKind::Quantity,
        fact: Fact::Number,
        severity: ConflictSeverity::Medium,
        key: format!("result/{name}/{}", odd.quote),
        summary,
        marks,
        conflict: None,
    })
}

fn digits(key: &str) -> bool {
    !key.is_empty() && key.len() <= 3 && key.bytes().all(|b| b.is_ascii_digit())
}

/// Every result of one section, with its person.
fn gather(s: &SectionText, hits: &[MentionHit], out: &mut Vec<Stated>) {
    let d = data();
    let n = s.words.len();
    let mut i = 0;
    while i < n {
        if !digits(s.key(i)) || (i > 0 && s.between(i - 1, i).ends_with(['.', ','])) {
            i += 1;
            continue;
        }
        let whole: i64 = s.key(i).parse().unwrap_or(0);
        let next = s.key(i + 1);
        let sep = s.between(i, i + 1);
        // (fraction digits, last word of the result, read with a unit)
        let read = if (sep == "." || sep == ",") && s.same_sentence(i, i + 1) {
            let frac: String = next.chars().take_while(char::is_ascii_digit).collect();
            let rest = &next[frac.len()..];
            if frac.is_empty() || frac.len() > 2 {
                None
            } else if listed(&d.units, rest) {
                Some((frac, i + 1, true))
            } else if rest.is_empty()
                && i + 2 < n
                && listed(&d.units, s.key(i + 2))
                && spaced(s, i + 2)
            {
                Some((frac, i + 2, true))
            } else if rest.is_empty()
                && i > 0
                && s.same_sentence(i - 1, i)
                && listed(&d.bare_after, s.key(i - 1))
            {
                Some((frac, i + 1, false))
            } else {
                None
            }
        } else if listed(&d.units, next)
            && spaced(s, i + 1)
            && spaced(s, i + 2)
            && s.key(i + 2).len() == 2
            && digits(s.key(i + 2))
        {
            // "9 secondes 80"
            Some((s.key(i + 2).to_string(), i + 2, true))
        } else {
            None
        };
        let Some((frac, last, with_unit)) = read else {
            i += 1;
            continue;
        };
        let decimals = frac.len() as u32;
        let units = whole * 10i64.pow(decimals) + frac.parse::<i64>().unwrap_or(0);
        if let Some(person) = owner(s, hits, i) {
            let span = s.span(i, last + 1);
            out.push(Stated {
                person,
                variant: s.variant,
                location: s.location(span),
                quote: s.slice(span).to_string(),
                units,
                decimals,
                bare: !with_unit,
            });
        }
        i = last + 1;
    }
}

/// Word `i` follows the one before it after spaces or a hyphen only.
fn spaced(s: &SectionText, i: usize) -> bool {
    i < s.words.len()
        && s.same_sentence(i - 1, i)
        && s.between(i - 1, i).trim_matches([' ', '-']).is_empty()
}

/// Whom the result at word `i` belongs to (an index into the photo's people).
fn owner(s: &SectionText, hits: &[MentionHit], i: usize) -> Option<usize> {
    let d = data();
    let sentence = s.words.get(i)?.sentence;
    let start = (0..=i)
        .rev()
        .take_while(|&k| s.words[k].sentence == sentence)
        .last()?;
    let mut clause = i;
    while clause > start
        && !s
            .between(clause - 1, clause)
            .contains([',', ';', ':', '(', ')', '–', '—'])
    {
        clause -= 1;
    }
    let before = |end: usize| {
        hits.iter()
            .filter(|h| h.start >= start && h.end() <= end)
            .max_by_key(|h| h.end())
    };
    let opens = clause > start;
    let bracketed = opens && s.between(clause - 1, clause).contains('(');
    if bracketed || (opens && listed(&d.relatives, s.key(clause))) {
        return before(clause).map(|h| h.person.0);
    }
    if let Some(h) = hits
        .iter()
        .filter(|h| h.start >= clause && h.end() <= i)
        .max_by_key(|h| h.end())
    {
        return Some(h.person.0);
    }
    let first = |from: usize, to: usize| {
        hits.iter()
            .filter(|h| h.start >= from && h.end() <= to)
            .min_by_key(|h| h.start)
    };
    if let Some(h) = first(start, i) {
        return Some(h.person.0);
    }
    // Nobody named before it: a pronoun or an article continues the
    // previous sentence's subject.
    if start == 0 || !listed(&d.continuers, s.key(start)) {
        return None;
    }
    let prev = s.words[start - 1].sentence;
    let prev_start = (0..start)
        .rev()
        .take_while(|&k| s.words[k].sentence == prev)
        .last()?;
    first(prev_start, start).map(|h| h.person.0)
}

#[cfg(test)]
#[path = "results_tests.rs"]
mod tests;
