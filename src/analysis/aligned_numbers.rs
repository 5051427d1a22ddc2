//! A number the other variants print in the same words, given otherwise by
//! one: "in 9.83 seconds on Sunday" where two others write "in 9.81
//! seconds on Sunday". Outlets copy captions and change a figure, a year or
//! a day in passing; no table of units or events is needed to see it, only
//! the words around the number.
//!
//! Each number (digits, with its decimal or thousands separator or a clock
//! colon: "9.81", "41,000", "18:08") is read with its [`CONTEXT`] words on
//! either side in its sentence (word keys; a number there by its value).
//! Numbers in the same words, with at least [`MIN_CONTEXT_WORDS`] real
//! words among them, are compared:
//! - a value held by one witness alone (copies of one text are one), where
//!   another value is held by at least [`MIN_HOLDERS`] witnesses and by more
//!   than any other value, is the odd one out;
//! - a number followed by an anniversary word ("40 years ago", "hace 40
//!   años") is not compared: it changes with the date of the page;
//! - a span another finding already flags is left to it (one it only
//!   cites as agreeing is not: a looser comparison may have counted it).
//!
//! The fact is a date next to a month or for a year, a time before a clock
//! word, else a number.

use std::collections::{BTreeMap, BTreeSet};

use super::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use super::section::SectionText;
use super::witnesses::Witnesses;
use super::{ConflictSeverity, Span};
use crate::corpus::Photo;

/// Words read on each side of a number.
pub const CONTEXT: usize = 2;
/// Real words (not the edge of the sentence) the context must have.
pub const MIN_CONTEXT_WORDS: usize = 3;
/// Witnesses that must hold the other value.
pub const MIN_HOLDERS: usize = 2;

/// Words after a number that make it a clock time ("6 p.m.", "18 Uhr").
const CLOCK_WORDS: [&str; 9] = [
    "pm", "am", "uhr", "h", "hs", "horas", "heures", "hrs", "saat",
];

/// One number as printed.
#[derive(Debug, Clone)]
struct Printed {
    variant: usize,
    /// Index into the sections.
    section: usize,
    span: Span,
    value: String,
    fact: Fact,
}

/// A section's tokens: a word's key, or a number's value and span.
enum Token {
    Word(String),
    Number(String, Span),
}

fn is_digits(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit())
}

/// The tokens of one sentence: digit words joined across one '.', ',' or
/// ':' with nothing else between them.
fn tokens(s: &SectionText<'_>, range: std::ops::Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let Some(word) = s.words.get(i) else { break };
        if !is_digits(&word.key) {
            out.push(Token::Word(word.key.clone()));
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < range.end
            && is_digits(s.key(end))
            && matches!(s.between(end - 1, end), "." | "," | ":")
        {
            end += 1;
        }
        let span = s.span(i, end);
        let value = s.slice(span).replace(',', ".");
        out.push(Token::Number(value, span));
        i = end;
    }
    out
}

fn token_text(t: Option<&Token>) -> Option<&str> {
    match t {
        Some(Token::Word(k)) => Some(k),
        Some(Token::Number(v, _)) => Some(v),
        None => None,
    }
}

fn fact_of(value: &str, before: Option<&str>, after: Option<&str>) -> Fact {
    let month = |w: Option<&str>| w.is_some_and(super::calendar::is_month);
    let year = value.len() == 4
        && value
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y));
    if month(before) || month(after) || year {
        Fact::Date
    } else if value.contains(':') || after.is_some_and(|w| CLOCK_WORDS.contains(&w)) {
        Fact::Time
    } else {
        Fact::Number
    }
}

/// Every number of the photo's sections, by the words around it.
fn by_context(sections: &[SectionText<'_>]) -> BTreeMap<Vec<String>, Vec<Printed>> {
    let mut out: BTreeMap<Vec<String>, Vec<Printed>> = BTreeMap::new();
    for (index, s) in sections.iter().enumerate() {
        // A section's words end its last sentence even without a stop.
        if s.words.is_empty() {
            continue;
        }
        for range in s.sentences() {
            let toks = tokens(s, range);
            for (t, tok) in toks.iter().enumerate() {
                let Token::Number(value, span) = tok else {
                    continue;
                };
                let around = |offset: isize| {
                    let at = t as isize + offset;
                    usize::try_from(at).ok().and_then(|at| toks.get(at))
                };
                let after = token_text(around(1));
                if after.is_some_and(super::calendar::is_anniversary_word) {
                    continue;
                }
                let context: Vec<String> = (1..=CONTEXT as isize)
                    .rev()
                    .map(|d| -d)
                    .chain(1..=CONTEXT as isize)
                    .map(|d| token_text(around(d)).unwrap_or("").to_string())
                    .collect();
                if context.iter().filter(|w| !w.is_empty()).count() < MIN_CONTEXT_WORDS {
                    continue;
                }
                out.entry(context).or_default().push(Printed {
                    variant: s.variant,
                    section: index,
                    span: *span,
                    value: value.clone(),
                    fact: fact_of(value, token_text(around(-1)), after),
                });
            }
        }
    }
    out
}

/// The findings of one photo; `already` are the findings made before,
/// whose spans are not marked again.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    witnesses: &Witnesses,
    already: &[Finding],
) -> Vec<Finding> {
    let marked = |p: &Printed| {
        let Some(s) = sections.get(p.section) else {
            return false;
        };
        already.iter().flat_map(|f| f.flagged()).any(|m| {
            m.variant == p.variant
                && m.location
                    .is_some_and(|l| l.section == s.section && l.span.overlaps(p.span))
        })
    };
    let mut out = Vec::new();
    for (context, printed) in by_context(sections) {
        let Some(odd_values) = odd_values(&printed, witnesses) else {
            continue;
        };
        let (majority, odd_values) = odd_values;
        for value in odd_values {
            let odd: Vec<&Printed> = printed.iter().filter(|p| p.value == value).collect();
            if odd.iter().any(|p| marked(p)) {
                continue;
            }
            let agree: Vec<&Printed> = printed.iter().filter(|p| p.value == majority).collect();
            out.push(finding(photo, sections, &context, &odd, &agree));
        }
    }
    out
}

/// The value most witnesses (then most variants) print in one context, and
/// the values that are odd against it:
/// - held by one witness, where the majority has at least [`MIN_HOLDERS`]
///   witnesses and more than any other value;
/// - or printed by one variant of a group of copies whose other copies, at
///   least [`MIN_HOLDERS`] of them, print the majority: the copy that
///   changed the figure, where every witness outside the group that prints
///   the context prints the majority.
fn odd_values(printed: &[Printed], witnesses: &Witnesses) -> Option<(String, Vec<String>)> {
    let mut holders: BTreeMap<&str, (BTreeSet<usize>, BTreeSet<usize>)> = BTreeMap::new();
    for p in printed {
        let (w, v) = holders.entry(p.value.as_str()).or_default();
        w.insert(witnesses.of(p.variant));
        v.insert(p.variant);
    }
    if holders.len() < 2 {
        return None;
    }
    let mut ranked: Vec<(&str, usize, usize)> = holders
        .iter()
        .map(|(value, (w, v))| (*value, w.len(), v.len()))
        .collect();
    ranked.sort_by_key(|(_, w, v)| std::cmp::Reverse((*w, *v)));
    let (majority, most, most_variants) = ranked[0];
    let (_, runner_up, runner_up_variants) = ranked[1];
    if (most, most_variants) == (runner_up, runner_up_variants) {
        return None;
    }
    let majority_witnesses = &holders[majority].0;
    let majority_variants = &holders[majority].1;
    let mut odd = Vec::new();
    for (value, count, _) in &ranked[1..] {
        if *count != 1 {
            continue;
        }
        let (w, v) = &holders[value];
        let witness = w.first().copied().unwrap_or_default();
        let against_others = most >= MIN_HOLDERS && most > runner_up;
        let copies_agreeing = majority_variants
            .iter()
            .filter(|m| witnesses.of(**m) == witness && !v.contains(m))
            .count();
        let outside_agrees = holders
            .iter()
            .all(|(other, (w, _))| *other == majority || w.iter().all(|x| *x == witness));
        let changed_copy = majority_witnesses.contains(&witness)
            && v.len() == 1
            && copies_agreeing >= MIN_HOLDERS
            && outside_agrees;
        if against_others || changed_copy {
            odd.push(value.to_string());
        }
    }
    Some((majority.to_string(), odd))
}

fn finding(
    photo: &Photo,
    sections: &[SectionText<'_>],
    context: &[String],
    odd: &[&Printed],
    agree: &[&Printed],
) -> Finding {
    let mark = |p: &Printed, odd: bool| {
        let s = sections.get(p.section)?;
        Some(Mark {
            variant: p.variant,
            location: Some(s.location(p.span)),
            quote: s.slice(p.span).to_string(),
            odd,
        })
    };
    let mut marks: Vec<Mark> = odd.iter().filter_map(|p| mark(p, true)).collect();
    marks.extend(agree.iter().filter_map(|p| mark(p, false)));
    let first = odd.first().copied();
    let label = first.map_or_else(String::new, |p| variant_label(photo, p.variant));
    let quote = |p: &Printed| -> String {
        sections
            .get(p.section)
            .map(|s| s.slice(p.span).to_string())
            .unwrap_or_default()
    };
    let odd_quote = first.map_or_else(String::new, quote);
    let mut others: Vec<String> = Vec::new();
    for p in agree {
        let name = variant_label(photo, p.variant);
        if !others.contains(&name) {
            others.push(name);
        }
    }
    let right = agree.first().map_or_else(String::new, |p| quote(p));
    let words = |side: &[String]| {
        side.iter()
            .filter(|w| !w.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (before, after) = context.split_at(CONTEXT);
    let summary = format!(
        "{label} writes \"{odd_quote}\" between \"{}\" and \"{}\"; {} write \"{right}\" in the same words",
        words(before),
        words(after),
        join_names(&others),
    );
    let fact = first.map_or(Fact::Number, |p| p.fact);
    let key = format!(
        "aligned-number:{}:{}:{odd_quote}",
        context.join(" "),
        first.map_or(0, |p| p.variant)
    );
    Finding {
        details: Vec::new(),
        kind: FindingKind::Quantity,
        fact,
        severity: ConflictSeverity::Medium,
        key,
        summary,
        marks,
        conflict: None,
    }
}

#[cfg(test)]
#[path = "aligned_numbers_tests.rs"]
mod tests;
