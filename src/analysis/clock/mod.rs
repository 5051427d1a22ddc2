//! Clock times of one happening that outlets give differently: "Als er sich
//! um 18:08 Uhr zu einer Grafik umdreht, ertönen plötzlich Schüsse" where
//! another outlet's timeline says "6:11 p.m. Gunfire erupts".
//!
//! How times are read is in [`read`]. A time is the time *of* the happening
//! (`assets/clock.toml`: shots, an earthquake, an explosion, a crash, a
//! fire, an eruption) named nearest to it in its sentence, within `reach`
//! words; a time with no
//! happening beside it ("6:05 p.m. Trump walks onto the stage"), an
//! approximate one ("kurz nach 18:00 Uhr") or a filing stamp ("Updated 7:32
//! p.m. ET", a live blog's "7:32 p.m.: Shots were fired") states nothing
//! compared here.
//!
//! Two times of one happening agree when they are at most
//! `tolerance_minutes` apart, in UTC where both zones are known and as
//! written where both are local. Where either zone is unknown, times a
//! multiple of `zone_step_minutes` apart may be one instant in two zones
//! ("04:17 local time", "22:17 Brasilia time") and agree too; an hour of 1
//! to 12 without am/pm agrees with either half of the day.
//!
//! A happening word right after a word of `another` ("a second quake", "ein
//! weiteres Beben") is another happening, and a witness whose own times of
//! a happening disagree tells of several: neither is compared.
//!
//! Witnesses (copies of one text are one) whose times agree form a group.
//! When one group is larger than every other and has at least [`MIN_OTHERS`]
//! witnesses, each witness outside it is the odd one out; otherwise the
//! times disagree and no side can be told: one undecided finding marks them
//! all.

mod compare;
mod read;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::ConflictSeverity;
use super::agreement::{Verdict, all_agree, groups, verdict};
use super::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use super::scan::word_key;
use super::section::SectionText;
use super::witnesses::Witnesses;
use crate::corpus::Photo;
pub(crate) use compare::agree;
use compare::clock;
pub(crate) use read::{ClockTime, Zone, read};

const CLOCK_DATA: &str = include_str!("../../../assets/clock.toml");

/// Witnesses that must agree on a time to call another one wrong.
pub const MIN_OTHERS: usize = 2;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ClockData {
    reach: usize,
    another: Vec<String>,
    tolerance_minutes: u32,
    zone_step_minutes: u32,
    before: Vec<String>,
    stamp_before: Vec<String>,
    not_before_units: Vec<String>,
    approximate_before: Vec<String>,
    approximate_after: Vec<String>,
    local: Vec<String>,
    zones: BTreeMap<String, i32>,
    happenings: Vec<HappeningData>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HappeningData {
    name: String,
    forms: Vec<String>,
}

/// One form of a happening's name.
#[derive(Debug)]
struct Form {
    /// Word keys in a row; the last may be a prefix.
    words: Vec<String>,
    prefix: bool,
    /// A form in Han, kana or Hangul, matched inside a word.
    cjk: Option<String>,
}

/// The table, folded once.
pub(crate) struct Tables {
    reach: usize,
    /// Keys that make a happening another one ("a second quake").
    another: Vec<String>,
    tolerance: u32,
    zone_step: u32,
    pub(crate) before: Vec<String>,
    pub(crate) stamp_before: Vec<String>,
    pub(crate) not_before_units: Vec<String>,
    pub(crate) approximate_before: Vec<String>,
    pub(crate) approximate_after: Vec<String>,
    /// Longest first, so "local time" wins over "local".
    pub(crate) local: Vec<String>,
    pub(crate) zones: Vec<(String, i32)>,
    happenings: Vec<(String, Vec<Form>)>,
}

pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let data: ClockData = toml::from_str(CLOCK_DATA).unwrap_or_default();
        let lower =
            |v: Vec<String>| -> Vec<String> { v.iter().map(|w| w.to_lowercase()).collect() };
        let mut local = lower(data.local);
        local.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        let mut zones: Vec<(String, i32)> = data.zones.into_iter().collect();
        zones.sort_by_key(|(z, _)| std::cmp::Reverse(z.chars().count()));
        let happenings = data
            .happenings
            .into_iter()
            .map(|h| (h.name, h.forms.iter().map(|f| form(f)).collect()))
            .collect();
        Tables {
            reach: data.reach,
            another: data.another.iter().map(|w| word_key(w)).collect(),
            tolerance: data.tolerance_minutes,
            zone_step: data.zone_step_minutes.max(1),
            before: lower(data.before),
            stamp_before: lower(data.stamp_before),
            not_before_units: lower(data.not_before_units),
            approximate_before: lower(data.approximate_before),
            approximate_after: data.approximate_after,
            local,
            zones,
            happenings,
        }
    })
}

fn form(written: &str) -> Form {
    if written.chars().any(is_cjk) {
        return Form {
            words: Vec::new(),
            prefix: false,
            cjk: Some(written.to_string()),
        };
    }
    let prefix = written.ends_with('*');
    let words = written
        .trim_end_matches('*')
        .split_whitespace()
        .map(word_key)
        .collect();
    Form {
        words,
        prefix,
        cjk: None,
    }
}

/// Han, kana and Hangul: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// A time one variant gives for a happening, with the words that say so.
#[derive(Debug)]
pub(crate) struct Stated {
    pub variant: usize,
    pub happening: usize,
    pub time: ClockTime,
    pub mark: Mark,
}

/// Whether happening form `f` is written at word `k`.
fn form_at(s: &SectionText<'_>, k: usize, f: &Form) -> Option<usize> {
    if let Some(cjk) = &f.cjk {
        let word = s.words.get(k)?;
        return s.slice(word.span).contains(cjk.as_str()).then_some(1);
    }
    let n = f.words.len();
    if n == 0 || k + n > s.words.len() || !s.same_sentence(k, k + n - 1) {
        return None;
    }
    let fits = f.words.iter().enumerate().all(|(m, w)| {
        let key = s.key(k + m);
        key == w || (f.prefix && m + 1 == n && key.starts_with(w.as_str()))
    });
    fits.then_some(n)
}

/// The happening named nearest the time in its sentence: (happening, first
/// word, words).
fn happening_of(
    s: &SectionText<'_>,
    time: &ClockTime,
    t: &Tables,
) -> Option<(usize, usize, usize)> {
    let words = &s.words;
    let first = words.partition_point(|w| w.span.end <= time.span.start);
    let after = words.partition_point(|w| w.span.start < time.span.end);
    let first_word = words.get(first)?;
    let last = after
        .checked_sub(1)
        .filter(|&l| l >= first)
        .unwrap_or(first);
    let mut last_sentence = words.get(last).map_or(first_word.sentence, |w| w.sentence);
    // "6:11 p.m. Gunfire erupts": the full stops of "p.m." end no sentence.
    if let Some(next) = words.get(after)
        && next.sentence != last_sentence
        && !next.line_start
        && s.slice(time.span).ends_with('.')
    {
        last_sentence = next.sentence;
    }
    let in_scope = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.sentence >= first_word.sentence && w.sentence <= last_sentence)
    };
    let mut best: Option<(usize, usize, usize, usize)> = None;
    let candidates = (first.saturating_sub(t.reach)..first).chain(after..after + t.reach);
    for k in candidates.filter(|&k| in_scope(k)) {
        let distance = if k < first { first - k } else { k + 1 - after };
        let another = (k.saturating_sub(2)..k)
            .any(|p| s.same_sentence(p, k) && t.another.iter().any(|a| a == s.key(p)));
        if another {
            continue;
        }
        for (h, (_, forms)) in t.happenings.iter().enumerate() {
            if let Some(n) = forms.iter().find_map(|f| form_at(s, k, f))
                && best.is_none_or(|b| distance < b.0)
            {
                best = Some((distance, h, k, n));
            }
        }
    }
    best.map(|(_, h, k, n)| (h, k, n))
}

/// Every time the sections give for a happening.
pub(crate) fn stated(sections: &[SectionText<'_>]) -> Vec<Stated> {
    let t = tables();
    let mut out = Vec::new();
    for s in sections {
        for time in read(s.text, t) {
            if time.approximate || time.stamp {
                continue;
            }
            let Some((happening, k, n)) = happening_of(s, &time, t) else {
                continue;
            };
            let words = s.span(k, k + n);
            let span = crate::analysis::Span::new(
                time.span.start.min(words.start),
                time.span.end.max(words.end),
            );
            out.push(Stated {
                variant: s.variant,
                happening,
                mark: Mark {
                    variant: s.variant,
                    location: Some(s.location(span)),
                    quote: s.slice(span).to_string(),
                    odd: false,
                },
                time,
            });
        }
    }
    out
}

/// The clock-time findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    witnesses: &Witnesses,
) -> Vec<Finding> {
    let t = tables();
    let all = stated(sections);
    let mut out = Vec::new();
    for (h, (name, _)) in t.happenings.iter().enumerate() {
        // Witness -> its times of this happening.
        let mut by_witness: BTreeMap<usize, Vec<&Stated>> = BTreeMap::new();
        for s in all.iter().filter(|s| s.happening == h) {
            by_witness
                .entry(witnesses.of(s.variant))
                .or_default()
                .push(s);
        }
        // A witness giving one happening several times tells of several
        // (two quakes, a second volley): which one another outlet times
        // cannot be told.
        by_witness.retain(|_, times| {
            all_agree(
                times,
                |s| s.time.compared(),
                |a, b| agree(&a.time, &b.time, t),
            )
        });
        let groups = groups(
            &by_witness,
            |s| s.time.compared(),
            |a, b| agree(&a.time, &b.time, t),
        );
        let label = |w: usize| variant_label(photo, by_witness[&w][0].variant);
        let said = |w: usize| {
            let first = by_witness[&w][0];
            format!("{} (\"{}\")", clock(&first.time), first.mark.quote)
        };
        match verdict(groups, MIN_OTHERS) {
            Verdict::Agreed => {}
            Verdict::Odd { odd, holders } => {
                let names: Vec<String> = holders.iter().map(|&w| label(w)).collect();
                let first_holder = by_witness[&holders[0]][0];
                for w in odd {
                    let mut marks: Vec<Mark> = by_witness[&w]
                        .iter()
                        .map(|s| Mark {
                            odd: true,
                            ..s.mark.clone()
                        })
                        .collect();
                    marks.extend(holders.iter().map(|m| by_witness[m][0].mark.clone()));
                    let id = photo.variants.get(w).map_or("", |x| x.id.as_str());
                    out.push(Finding {
                        details: Vec::new(),
                        kind: FindingKind::Time,
                        fact: Fact::Time,
                        severity: ConflictSeverity::Medium,
                        key: format!("time/{name}/{id}"),
                        summary: format!(
                            "{} gives {} for the {name}; {} give {}",
                            label(w),
                            said(w),
                            join_names(&names),
                            clock(&first_holder.time)
                        ),
                        marks,
                        conflict: None,
                    });
                }
            }
            Verdict::Undecided(groups) => {
                let sides: Vec<String> = groups
                    .iter()
                    .map(|g| format!("{} {}", label(g[0]), said(g[0])))
                    .collect();
                let marks = groups
                    .iter()
                    .flatten()
                    .flat_map(|w| by_witness[w].iter().map(|s| s.mark.clone()))
                    .collect();
                out.push(Finding {
                    details: Vec::new(),
                    kind: FindingKind::Time,
                    fact: Fact::Time,
                    severity: ConflictSeverity::Medium,
                    key: format!("time/{name}"),
                    summary: format!(
                        "The outlets give different times for the {name}: {}",
                        join_names(&sides)
                    ),
                    marks,
                    conflict: None,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
