//! A person's title given a "former" the others do not give it, or without
//! the "former" the others give: "former Republican presidential candidate
//! Donald Trump" where three outlets write "Republican presidential candidate
//! former President Donald Trump" (the candidate then, a former president).
//!
//! The words before each mention of a person, back to a comma or other
//! punctuation, the sentence's start, another person's name, or
//! [`WINDOW`] words, are the mention's titles. A status word (`former` in
//! `assets/titles.toml`: "former", "ex", "ehemalige", "ancien", "eski")
//! makes every title word after it, up to the name, *former*. Each run of
//! one to [`MAX_TITLE`] title words is then a title the outlet gives the
//! person, former or not.
//!
//! A title is the odd one out in a variant when its status there (former or
//! not) is given that person's title by no other witness (copies of one text
//! are one) and at least [`MIN_OTHERS`] give the other. Outlets published
//! more than [`SAME_TIME_DAYS`] apart describe the person at other times
//! ("former champion" decades on) and are not compared. One finding per
//! variant and person: the longest such title.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use super::people::MentionHit;
use super::scan::{Gap, word_key};
use super::section::SectionText;
use super::witnesses::Witnesses;
use super::{ConflictSeverity, Person, PersonId};
use crate::corpus::Photo;

const TITLES_DATA: &str = include_str!("../../assets/titles.toml");

/// Words before a name read as its titles.
pub const WINDOW: usize = 6;
/// Words of one title ("Republican presidential candidate").
pub const MAX_TITLE: usize = 3;
/// Other witnesses that must agree on the status to call one wrong.
pub const MIN_OTHERS: usize = 2;
/// Outlets published further apart than this describe other times.
pub const SAME_TIME_DAYS: i64 = 365;

#[derive(Debug, Default, Deserialize)]
struct TitlesData {
    former: Vec<String>,
}

fn former_words() -> &'static Vec<String> {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let data: TitlesData = toml::from_str(TITLES_DATA).unwrap_or_default();
        data.former.iter().map(|w| word_key(w)).collect()
    })
}

/// One title one mention gives a person.
struct Titled {
    person: PersonId,
    title: Vec<String>,
    former: bool,
    /// The title as written (its variant is the mark's).
    mark: Mark,
}

/// The titles of every mention in one section.
fn gather(s: &SectionText<'_>, hits: &[MentionHit], out: &mut Vec<Titled>) {
    let former = former_words();
    for (n, h) in hits.iter().enumerate() {
        let previous_end = n
            .checked_sub(1)
            .and_then(|p| hits.get(p))
            .map_or(0, MentionHit::end);
        let mut start = h.start;
        while start > previous_end
            && h.start - start < WINDOW
            && s.gap(start) == Gap::Space
            && s.same_sentence(start - 1, start)
        {
            start -= 1;
        }
        let words: Vec<usize> = (start..h.start).collect();
        // Per word: under a status word's scope; status words are no titles.
        let mut scoped = false;
        let mut status = Vec::new();
        for &i in &words {
            let is_status = former.iter().any(|f| f == s.key(i));
            scoped |= is_status;
            status.push((is_status, scoped));
        }
        for a in 0..words.len() {
            for b in a + 1..=(a + MAX_TITLE).min(words.len()) {
                let run = &status[a..b];
                if run.iter().any(|(is_status, _)| *is_status) {
                    continue;
                }
                let all_former = run.iter().all(|(_, f)| *f);
                let any_former = run.iter().any(|(_, f)| *f);
                if all_former != any_former {
                    continue;
                }
                // The status word goes into the mark.
                let from = if all_former && a > 0 && status[a - 1].0 {
                    a - 1
                } else {
                    a
                };
                let span = s.span(words[from], words[b - 1] + 1);
                out.push(Titled {
                    person: h.person,
                    title: words[a..b].iter().map(|&i| s.key(i).to_string()).collect(),
                    former: all_former,
                    mark: Mark {
                        variant: s.variant,
                        location: Some(s.location(span)),
                        quote: s.slice(span).to_string(),
                        odd: false,
                    },
                });
            }
        }
    }
}

fn same_time(photo: &Photo, a: usize, b: usize) -> bool {
    let date = |v: usize| {
        photo
            .variants
            .get(v)?
            .source
            .published
            .as_ref()
            .map(|p| p.date)
    };
    match (date(a), date(b)) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= SAME_TIME_DAYS,
        _ => true,
    }
}

/// The status findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    hits: &[Vec<MentionHit>],
    people: &[Person],
    witnesses: &Witnesses,
) -> Vec<Finding> {
    let mut titled = Vec::new();
    for (s, h) in sections.iter().zip(hits) {
        gather(s, h, &mut titled);
    }
    // (person, title, former) -> the witnesses giving it, with one variant each.
    let mut givers: BTreeMap<(PersonId, &[String], bool), BTreeMap<usize, usize>> = BTreeMap::new();
    for t in &titled {
        givers
            .entry((t.person, t.title.as_slice(), t.former))
            .or_default()
            .entry(witnesses.of(t.mark.variant))
            .or_insert(t.mark.variant);
    }
    let mut best: BTreeMap<(usize, PersonId), (&Titled, Vec<usize>)> = BTreeMap::new();
    for t in &titled {
        let own = witnesses.of(t.mark.variant);
        let others = |former: bool| -> Vec<usize> {
            givers
                .get(&(t.person, t.title.as_slice(), former))
                .map(|g| {
                    g.iter()
                        .filter(|(w, v)| **w != own && same_time(photo, t.mark.variant, **v))
                        .map(|(_, v)| *v)
                        .collect()
                })
                .unwrap_or_default()
        };
        let holders = others(!t.former);
        if !others(t.former).is_empty() || holders.len() < MIN_OTHERS {
            continue;
        }
        let slot = best
            .entry((t.mark.variant, t.person))
            .or_insert((t, holders.clone()));
        if t.title.len() > slot.0.title.len() {
            *slot = (t, holders);
        }
    }
    best.into_values()
        .map(|(t, holders)| finding(photo, people, &titled, t, &holders))
        .collect()
}

fn finding(
    photo: &Photo,
    people: &[Person],
    titled: &[Titled],
    t: &Titled,
    holders: &[usize],
) -> Finding {
    let label = variant_label(photo, t.mark.variant);
    let name = people
        .get(t.person.0)
        .map_or("the person", |p| p.name.as_str());
    let names: Vec<String> = holders.iter().map(|&v| variant_label(photo, v)).collect();
    let holder_set: BTreeSet<usize> = holders.iter().copied().collect();
    let mut marks = vec![Mark {
        odd: true,
        ..t.mark.clone()
    }];
    let mut marked = BTreeSet::new();
    for o in titled {
        if o.person == t.person
            && o.title == t.title
            && o.former != t.former
            && holder_set.contains(&o.mark.variant)
            && marked.insert(o.mark.variant)
        {
            marks.push(o.mark.clone());
        }
    }
    let as_written = marks
        .get(1)
        .map_or_else(|| t.title.join(" "), |m| m.quote.clone());
    let (mine, theirs) = if t.former {
        ("former", format!("\"{as_written}\" without \"former\""))
    } else {
        ("not former", format!("\"{as_written}\""))
    };
    let id = photo
        .variants
        .get(t.mark.variant)
        .map_or("", |x| x.id.as_str());
    Finding {
        details: Vec::new(),
        kind: FindingKind::Status,
        fact: Fact::Role,
        severity: ConflictSeverity::Medium,
        key: format!("status/{id}/{name}/{}", t.mark.quote),
        summary: format!(
            "{label} writes \"{}\" before {name} ({mine}); {} write {theirs}",
            t.mark.quote,
            join_names(&names)
        ),
        marks,
        conflict: None,
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
