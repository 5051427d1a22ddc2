//! The round the photo shows, where one outlet names another: a semi-final
//! photo called the final ("smiling while winning the Men's 100m gold
//! medal" where six outlets say the 100m semi-final).
//!
//! Round words come from `assets/rounds.toml` (final, semi-final,
//! quarter-final, heat, in seven languages). A sentence states the photo's
//! round when it is in the caption or names the photo ("The snap was captured
//! during the 100-meter semifinal"), and then only with its rounds:
//! - a round word that is also an ordinary word (`ambiguous`: "final",
//!   "heat") counts only where
//!   the next word is punctuation, a number or a function word (`follow`),
//!   and not after "al", "no", ... (`not_after`: "al final", at the end);
//! - a round named after a word of `later` in its sentence ("went on to win
//!   the final", "the ensuing final") is not the photo's, nor one named just
//!   after a comparison ("plus que celles de sa finale");
//! - with no round named, a win of gold in progress ("while winning the ...
//!   gold medal", `wins` and `golds`) states the final;
//! - a sentence naming two rounds states none.
//!
//! A variant's round is the one its photo sentences state, if they agree.
//! It is the odd one out when no other witness (copies of one text are one)
//! names it, and at least [`MIN_OTHERS`] others agree on another.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::fast_hash::{FastSet, key_hash};
use super::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use super::scan::word_key;
use super::section::SectionText;
use super::witnesses::Witnesses;
use super::{ConflictSeverity, Span};
use crate::corpus::{Photo, Section};

const ROUNDS_DATA: &str = include_str!("../../assets/rounds.toml");

/// Other witnesses that must agree on the photo's round to call one wrong.
pub const MIN_OTHERS: usize = 2;

#[derive(Debug, Default, Deserialize)]
struct RoundsData {
    suffix_from: usize,
    rounds: Vec<RoundData>,
    part_of_round: Vec<String>,
    ambiguous: Vec<String>,
    follow: Vec<String>,
    not_after: Vec<String>,
    photo_words: Vec<String>,
    later: Vec<String>,
    compare: Vec<String>,
    compare_reach: usize,
    wins: Vec<String>,
    golds: Vec<String>,
    win_reach: usize,
}

#[derive(Debug, Default, Deserialize)]
struct RoundData {
    round: String,
    forms: Vec<String>,
}

type Phrase = Vec<String>;

/// The table, folded once.
struct Tables {
    suffix_from: usize,
    /// (round, form), longest form first.
    forms: Vec<(usize, Phrase)>,
    names: Vec<String>,
    part_of_round: Vec<String>,
    ambiguous: Vec<String>,
    follow: Vec<String>,
    not_after: Vec<String>,
    photo_words: Vec<String>,
    later: Vec<Phrase>,
    compare: Vec<Phrase>,
    compare_reach: usize,
    wins: Vec<Phrase>,
    golds: Vec<String>,
    win_reach: usize,
    final_round: Option<usize>,
    /// The first word of every form and win phrase: a sentence with none
    /// of them (and no word containing "final") names no round.
    first_words: FastSet<u64>,
}

fn phrase(text: &str) -> Phrase {
    text.split_whitespace().map(word_key).collect()
}

fn keys(words: &[String]) -> Vec<String> {
    words.iter().map(|w| word_key(w)).collect()
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let d: RoundsData = toml::from_str(ROUNDS_DATA).unwrap_or_default();
        let mut forms: Vec<(usize, Phrase)> = d
            .rounds
            .iter()
            .enumerate()
            .flat_map(|(r, data)| data.forms.iter().map(move |f| (r, phrase(f))))
            .collect();
        forms.sort_by_key(|(_, f)| std::cmp::Reverse((f.len(), f.concat().len())));
        let phrases = |list: &[String]| list.iter().map(|p| phrase(p)).collect();
        let wins: Vec<Phrase> = phrases(&d.wins);
        let first_words = forms
            .iter()
            .map(|(_, f)| f)
            .chain(&wins)
            .filter_map(|f| f.first().map(|k| key_hash(k)))
            .collect();
        Tables {
            suffix_from: d.suffix_from,
            forms,
            names: d.rounds.iter().map(|r| r.round.clone()).collect(),
            part_of_round: keys(&d.part_of_round),
            ambiguous: keys(&d.ambiguous),
            follow: keys(&d.follow),
            not_after: keys(&d.not_after),
            photo_words: keys(&d.photo_words),
            later: phrases(&d.later),
            compare: phrases(&d.compare),
            compare_reach: d.compare_reach,
            wins,
            golds: keys(&d.golds),
            win_reach: d.win_reach,
            final_round: d.rounds.iter().position(|r| r.round == "final"),
            first_words,
        }
    })
}

fn phrase_at(s: &SectionText<'_>, at: usize, phrase: &[String]) -> bool {
    phrase.iter().enumerate().all(|(j, k)| s.key(at + j) == k)
        && (1..phrase.len()).all(|j| s.same_sentence(at, at + j))
}

/// The round named at word `i`, and the words it takes.
fn round_at(s: &SectionText<'_>, i: usize, t: &Tables) -> Option<(usize, usize)> {
    for (round, form) in &t.forms {
        if phrase_at(s, i, form) {
            return Some((*round, form.len()));
        }
        // A compound ending in a long form: "200meterhalbfinale".
        if let [one] = form.as_slice()
            && s.key(i).len() > one.len()
            && s.key(i).ends_with(one.as_str())
            && one.chars().count() >= t.suffix_from
        {
            return Some((*round, 1));
        }
    }
    None
}

/// A round word used as one: not "the final moments", not "al final".
fn used_as_round(s: &SectionText<'_>, i: usize, len: usize, t: &Tables) -> bool {
    if len > 1 || !t.ambiguous.iter().any(|k| k == s.key(i)) {
        return true;
    }
    let next = i + len;
    let next_ok = match s.words.get(next) {
        Some(w) if s.same_sentence(i, next) => {
            !w.key.chars().next().is_some_and(char::is_alphabetic)
                || t.follow.contains(&w.key)
                || s.gap(next) != super::scan::Gap::Space
        }
        _ => true,
    };
    let before_ok =
        i == 0 || !s.same_sentence(i - 1, i) || !t.not_after.iter().any(|k| k == s.key(i - 1));
    next_ok && before_ok
}

/// The rounds sentence `range` states for the photo, each with its span.
fn sentence_rounds(
    s: &SectionText<'_>,
    range: std::ops::Range<usize>,
    t: &Tables,
) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    let candidate = |i: usize| {
        s.words
            .get(i)
            .is_some_and(|w| t.first_words.contains(&w.key_hash) || w.key.contains("final"))
    };
    if !range.clone().any(candidate) {
        return out;
    }
    let mut later_seen = false;
    let mut compared_at: Option<usize> = None;
    let mut i = range.start;
    while i < range.end {
        if t.later.iter().any(|p| phrase_at(s, i, p)) {
            later_seen = true;
        }
        if let Some(p) = t.compare.iter().find(|p| phrase_at(s, i, p)) {
            compared_at = Some(i + p.len());
        }
        let part = i > range.start
            && t.forms
                .iter()
                .any(|(_, f)| f.len() == 1 && f[0] == s.key(i - 1));
        match candidate(i).then(|| round_at(s, i, t)).flatten() {
            Some((round, len)) if !(part && t.part_of_round.iter().any(|k| k == s.key(i))) => {
                let compared = compared_at.is_some_and(|c| i >= c && i - c < t.compare_reach);
                if !later_seen && !compared && used_as_round(s, i, len, t) {
                    out.push((round, s.span(i, i + len)));
                }
                i += len;
            }
            _ => i += 1,
        }
    }
    if out.is_empty() && !later_seen {
        out.extend(won_gold(s, range, t));
    }
    out
}

/// "while winning the Men's 100m gold medal": the final.
fn won_gold(
    s: &SectionText<'_>,
    range: std::ops::Range<usize>,
    t: &Tables,
) -> Option<(usize, Span)> {
    let final_round = t.final_round?;
    for i in range.clone() {
        let Some(win) = t.wins.iter().find(|p| phrase_at(s, i, p)) else {
            continue;
        };
        let after = i + win.len();
        let gold = (after..range.end.min(after + t.win_reach))
            .find(|&k| t.golds.iter().any(|g| g == s.key(k)))?;
        return Some((final_round, s.span(i, gold + 1)));
    }
    None
}

fn names_photo(s: &SectionText<'_>, range: &std::ops::Range<usize>, t: &Tables) -> bool {
    range
        .clone()
        .any(|i| t.photo_words.iter().any(|k| k == s.key(i)))
}

/// One variant's round of the photo, with the words that state it.
struct Stated {
    round: usize,
    marks: Vec<Mark>,
}

/// The round each variant states for the photo, where its sentences agree.
fn variant_rounds(sections: &[SectionText<'_>], t: &Tables) -> BTreeMap<usize, Stated> {
    let mut all: BTreeMap<usize, Vec<(usize, Mark)>> = BTreeMap::new();
    for s in sections {
        for range in s.sentences() {
            // Most sentences name no round: look for one before asking
            // whether the sentence is about the photo.
            let rounds = sentence_rounds(s, range.clone(), t);
            let Some(&(first, _)) = rounds.first() else {
                continue;
            };
            let about_photo = s.section == Section::Caption || names_photo(s, &range, t);
            if !about_photo || rounds.iter().any(|(r, _)| *r != first) {
                continue;
            }
            for (round, span) in rounds {
                let mark = Mark {
                    variant: s.variant,
                    location: Some(s.location(span)),
                    quote: s.slice(span).to_string(),
                    odd: false,
                };
                all.entry(s.variant).or_default().push((round, mark));
            }
        }
    }
    all.into_iter()
        .filter_map(|(v, stated)| {
            let round = stated.first()?.0;
            stated.iter().all(|(r, _)| *r == round).then(|| {
                let marks = stated.into_iter().map(|(_, m)| m).collect();
                (v, Stated { round, marks })
            })
        })
        .collect()
}

/// The photo-round findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    witnesses: &Witnesses,
) -> Vec<Finding> {
    let t = tables();
    let stated = variant_rounds(sections, t);
    // Each round's witnesses, each once (by its first variant), built once
    // rather than again for every variant.
    let mut holders_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut seen: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    for (&o, x) in &stated {
        if seen.insert((x.round, witnesses.of(o))) {
            holders_of.entry(x.round).or_default().push(o);
        }
    }
    let mut out = Vec::new();
    for (&v, mine) in &stated {
        let own = witnesses.of(v);
        let agreed = holders_of
            .get(&mine.round)
            .is_some_and(|h| h.iter().any(|&o| witnesses.of(o) != own));
        if agreed {
            continue;
        }
        let by_round: BTreeMap<usize, Vec<usize>> = holders_of
            .iter()
            .map(|(&r, h)| {
                let others: Vec<usize> = h
                    .iter()
                    .copied()
                    .filter(|&o| witnesses.of(o) != own)
                    .collect();
                (r, others)
            })
            .filter(|(_, h)| !h.is_empty())
            .collect();
        let Some((&round, holders)) = by_round.iter().max_by_key(|(_, h)| h.len()) else {
            continue;
        };
        if holders.len() < MIN_OTHERS
            || by_round
                .values()
                .filter(|h| h.len() == holders.len())
                .count()
                > 1
        {
            continue;
        }
        let name = |r: usize| t.names.get(r).map_or("", String::as_str);
        let label = variant_label(photo, v);
        let names: Vec<String> = holders.iter().map(|&o| variant_label(photo, o)).collect();
        let first = mine.marks.first().map_or("", |m| m.quote.as_str());
        let mut marks: Vec<Mark> = mine
            .marks
            .iter()
            .cloned()
            .map(|m| Mark { odd: true, ..m })
            .collect();
        marks.extend(
            holders
                .iter()
                .filter_map(|o| stated.get(o))
                .flat_map(|x| x.marks.first().cloned()),
        );
        let id = photo.variants.get(v).map_or("", |x| x.id.as_str());
        out.push(Finding {
            details: Vec::new(),
            kind: FindingKind::Round,
            fact: Fact::Event,
            severity: ConflictSeverity::Medium,
            key: format!("round/{id}/{first}"),
            summary: format!(
                "{label} shows the photo in the {} (\"{first}\"); {} say the {}",
                name(mine.round),
                join_names(&names),
                name(round)
            ),
            marks,
            conflict: None,
        });
    }
    out
}

#[cfg(test)]
#[path = "rounds_tests.rs"]
mod tests;
