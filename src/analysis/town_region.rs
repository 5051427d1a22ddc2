//! A town placed in another region than the other outlets place it: "Butler,
//! Ohio" where three outlets write "Butler, Pennsylvania" or "Butler, Pa.".
//!
//! A town and its region are one to three capitalised words, then a comma
//! (or an opening bracket: "Lewiston (Maine)"), then a region: a state or
//! province of `assets/regions.toml` (by name, by the abbreviation datelines
//! use, "Pa.", or by its code in capitals, "PA") or a country of the country
//! table, in any of its languages. The region must end the phrase: what
//! follows it is punctuation, the sentence's end, or a lower-case word of
//! `after` ("Butler, Pennsylvania on July 13"); a capitalised word ("Butler,
//! Pennsylvania Governor") or any other word ("Bolt, Jamaican sprinter")
//! makes it no place. A town that is a person's mention ("Lim Jong-hoon,
//! South Korea"), a country or region itself ("Pennsylvania, USA") is none.
//!
//! Regions agree when they are the same, or one is a state of the other
//! ("Butler, Pennsylvania" and "Butler, United States"); a region the table
//! does not know ("Pensilvânia") is not compared. A witness that places one
//! town in two disagreeing regions tells of two towns ("Springfield, Ohio"
//! and "Springfield, Illinois") and is not compared for it. The odd witness
//! is found by [`agreement`](super::agreement): one against a larger group of
//! at least [`MIN_HOLDERS`]; two alone that disagree are one undecided
//! finding.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::agreement::{Verdict, all_agree, groups, verdict};
use super::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use super::scan::{Gap, word_key};
use super::section::SectionText;
use super::vocabulary::Vocabulary;
use super::witnesses::Witnesses;
use super::{ConflictSeverity, Mention, Span};
use crate::corpus::{Photo, Section};

const REGIONS_DATA: &str = include_str!("../../assets/regions.toml");

/// Witnesses that must agree on a town's region to call another one wrong.
pub const MIN_HOLDERS: usize = 2;
/// Words of a town's name, at most.
pub const MAX_TOWN_WORDS: usize = 3;

/// Lower-case words that may follow a region in its sentence.
const AFTER: [&str; 24] = [
    "on", "in", "at", "the", "and", "during", "where", "when", "y", "e", "et", "und", "am", "im",
    "el", "le", "la", "der", "die", "em", "en", "durante", "pendant", "wahrend",
];

/// Lower-case words inside a town's name.
const PARTICLES: [&str; 12] = [
    "de", "da", "do", "del", "di", "dos", "das", "la", "le", "am", "upon", "sur",
];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsData {
    regions: Vec<CountryRegions>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryRegions {
    country: String,
    list: Vec<RegionData>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionData {
    name: String,
    forms: Vec<String>,
    codes: Vec<String>,
}

/// A region as compared: a state (with its country) or a country.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Region {
    State { name: String, country: String },
    Country(String),
}

impl Region {
    fn name(&self) -> &str {
        match self {
            Region::State { name, .. } | Region::Country(name) => name,
        }
    }

    fn country(&self) -> &str {
        match self {
            Region::State { country, .. } | Region::Country(country) => country,
        }
    }

    fn agrees(&self, other: &Region) -> bool {
        // "Georgia" the state and Georgia the country: one name, no conflict.
        if self.name() == other.name() {
            return true;
        }
        match (self, other) {
            (Region::State { .. }, Region::State { .. })
            | (Region::Country(_), Region::Country(_)) => self == other,
            _ => self.country() == other.country(),
        }
    }
}

/// One written form of a state: its word keys, and whether it ends in a full stop.
struct Form {
    keys: Vec<String>,
    stop: bool,
    region: usize,
}

struct Tables {
    regions: Vec<Region>,
    /// Longest first.
    forms: Vec<Form>,
    codes: BTreeMap<String, usize>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let data: RegionsData = toml::from_str(REGIONS_DATA).unwrap_or_default();
        let mut t = Tables {
            regions: Vec::new(),
            forms: Vec::new(),
            codes: BTreeMap::new(),
        };
        for country in data.regions {
            for r in country.list {
                let region = t.regions.len();
                t.regions.push(Region::State {
                    name: r.name,
                    country: country.country.clone(),
                });
                for f in r.forms {
                    let stop = f.ends_with('.');
                    // "D.C." and "N.Y." are one key: the scanner keeps no dots.
                    let keys = if f.contains(' ') {
                        f.split_whitespace().map(word_key).collect()
                    } else {
                        vec![word_key(&f)]
                    };
                    t.forms.push(Form { keys, stop, region });
                }
                for c in r.codes {
                    t.codes.insert(c, region);
                }
            }
        }
        t.forms.sort_by_key(|f| std::cmp::Reverse(f.keys.len()));
        t
    })
}

/// A town placed in a region by one variant.
#[derive(Debug)]
struct Placed {
    town: String,
    region: Region,
    mark: Mark,
}

/// The state written from word `c` on: (region, words, whether its last
/// word's full stop belongs to it: "Pa.").
fn state_at(s: &SectionText<'_>, c: usize, t: &Tables) -> Option<(usize, usize, bool)> {
    let word = s.words.get(c)?;
    if !word.capitalised {
        return None;
    }
    let raw = s.slice(word.span);
    if let Some(&r) = t.codes.get(raw) {
        return Some((r, 1, false));
    }
    // "D.C." is scanned as "D" and "C", full stops between: join them.
    let mut k = c;
    let mut joined = String::new();
    while let Some(w) = s.words.get(k) {
        let letter = s.slice(w.span).chars().count() == 1;
        let dotted = s.text.get(w.span.end..).is_some_and(|r| r.starts_with('.'));
        if !letter || !dotted || (k > c && s.between(k - 1, k) != ".") {
            break;
        }
        joined.push_str(&w.key);
        k += 1;
    }
    let dotted_run = (k > c + 1).then_some((joined, k - c));
    t.forms.iter().find_map(|f| {
        if let Some((key, n)) = &dotted_run
            && f.keys.len() == 1
            && f.keys[0] == *key
        {
            return Some((f.region, *n, true));
        }
        let n = f.keys.len();
        let fits =
            (0..n).all(|m| s.key(c + m) == f.keys[m] && (m == 0 || s.same_sentence(c, c + m)));
        let stop_ok = !f.stop
            || s.words
                .get(c + n - 1)
                .and_then(|w| s.text.get(w.span.end..))
                .is_some_and(|r| r.starts_with('.'));
        (fits && stop_ok).then_some((f.region, n, f.stop))
    })
}

/// The region written from word `c` on, a state or a country of the table:
/// (region, words, whether the full stop after it is its own).
fn region_at(
    s: &SectionText<'_>,
    c: usize,
    t: &Tables,
    vocab: &Vocabulary,
) -> Option<(Region, usize, bool)> {
    if let Some((r, n, stop)) = state_at(s, c, t) {
        return t.regions.get(r).map(|region| (region.clone(), n, stop));
    }
    let hit = s.countries.iter().find(|h| h.start == c)?;
    let name = vocab.country_names.get(hit.country)?;
    Some((Region::Country(name.clone()), hit.len, false))
}

/// Whether the region ending before word `e` ends its phrase.
fn ends_phrase(s: &SectionText<'_>, last: usize, e: usize) -> bool {
    let Some(next) = s.words.get(e) else {
        return true;
    };
    if !s.same_sentence(last, e) || next.gap != Gap::Space {
        return true;
    }
    !next.capitalised && AFTER.contains(&next.key.as_str())
}

/// `mentions`: the people mentioned in `s`.
fn placed_in(
    s: &SectionText<'_>,
    mentions: &[&Mention],
    vocab: &Vocabulary,
    t: &Tables,
) -> Vec<Placed> {
    let mut out = Vec::new();
    for c in 1..s.words.len() {
        let Some(word) = s.words.get(c) else { continue };
        let bracket = s.between(c - 1, c).trim() == "(";
        if !(word.gap == Gap::Comma || bracket) || !s.same_sentence(c - 1, c) {
            continue;
        }
        let Some((region, n, stop)) = region_at(s, c, t, vocab) else {
            continue;
        };
        if !ends_phrase(s, c + n - 1, c + n) {
            continue;
        }
        // The town: capitalised words right before, spaces between, and
        // the particles of names ("Rio de Janeiro").
        let last = c - 1;
        let mut first = last;
        let mut names = 1;
        while first > 0 && names < MAX_TOWN_WORDS && s.gap(first) == Gap::Space {
            let before = &s.words[first - 1];
            if before.capitalised {
                first -= 1;
                names += 1;
            } else if PARTICLES.contains(&before.key.as_str())
                && first > 1
                && s.gap(first - 1) == Gap::Space
                && s.words[first - 2].capitalised
            {
                first -= 2;
                names += 1;
            } else {
                break;
            }
        }
        let town_words = &s.words[first..=last];
        let particle =
            |w: &super::scan::Word| !w.capitalised && PARTICLES.contains(&w.key.as_str());
        if !s.words[first].capitalised
            || town_words
                .iter()
                .any(|w| (!w.capitalised && !particle(w)) || w.possessive)
            || s.blocked
                .get(first..=last)
                .is_some_and(|b| b.iter().any(|&x| x))
            || region_at(s, first, t, vocab).is_some()
        {
            continue;
        }
        let town_span = s.span(first, last + 1);
        let a_person = mentions.iter().any(|m| {
            m.location.span.start < town_span.end && town_span.start < m.location.span.end
        });
        if a_person {
            continue;
        }
        let mut span = s.span(first, c + n);
        if stop {
            span = Span::new(span.start, span.end + 1);
        }
        if bracket && s.text.get(span.end..).is_some_and(|r| r.starts_with(')')) {
            span = Span::new(span.start, span.end + 1);
        }
        let town = town_words
            .iter()
            .map(|w| w.key.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Placed {
            town,
            region,
            mark: Mark {
                variant: s.variant,
                location: Some(s.location(span)),
                quote: s.slice(span).to_string(),
                odd: false,
            },
        });
    }
    out
}

/// The town as a mark writes it: "Butler" of "Butler, Pa.".
fn town_written(quote: &str) -> &str {
    quote.split([',', '(']).next().unwrap_or("").trim()
}

/// The town-region findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    mentions: &[Mention],
    vocab: &Vocabulary,
    witnesses: &Witnesses,
) -> Vec<Finding> {
    let t = tables();
    let mut mentions_in: BTreeMap<(usize, Section), Vec<&Mention>> = BTreeMap::new();
    for m in mentions {
        mentions_in
            .entry((m.location.variant, m.location.section))
            .or_default()
            .push(m);
    }
    let all: Vec<(usize, Placed)> = sections
        .iter()
        .flat_map(|s| {
            let here = mentions_in
                .get(&(s.variant, s.section))
                .map_or(&[][..], Vec::as_slice);
            placed_in(s, here, vocab, t)
                .into_iter()
                .map(|p| (s.variant, p))
        })
        .collect();
    let mut towns: BTreeMap<&str, BTreeMap<usize, Vec<&Placed>>> = BTreeMap::new();
    for (v, p) in &all {
        towns
            .entry(p.town.as_str())
            .or_default()
            .entry(witnesses.of(*v))
            .or_default()
            .push(p);
    }
    let mut out = Vec::new();
    for (town, mut by_witness) in towns {
        by_witness.retain(|_, placed| {
            all_agree(
                placed,
                |p| p.region.clone(),
                |a, b| a.region.agrees(&b.region),
            )
        });
        let label = |w: usize| variant_label(photo, by_witness[&w][0].mark.variant);
        let first = |w: usize| by_witness[&w][0];
        match verdict(
            groups(
                &by_witness,
                |p| p.region.clone(),
                |a, b| a.region.agrees(&b.region),
            ),
            MIN_HOLDERS,
        ) {
            Verdict::Agreed => {}
            Verdict::Odd { odd, holders } => {
                let names: Vec<String> = holders.iter().map(|&w| label(w)).collect();
                for w in odd {
                    let mine = first(w);
                    let mut marks: Vec<Mark> = by_witness[&w]
                        .iter()
                        .map(|p| Mark {
                            odd: true,
                            ..p.mark.clone()
                        })
                        .collect();
                    marks.extend(holders.iter().map(|&h| first(h).mark.clone()));
                    let id = photo.variants.get(w).map_or("", |x| x.id.as_str());
                    out.push(Finding {
                        details: Vec::new(),
                        kind: FindingKind::Region,
                        fact: Fact::Place,
                        severity: ConflictSeverity::Medium,
                        key: format!("place/{town}/{id}"),
                        summary: format!(
                            "{} places {} in {} (\"{}\"); {} place it in {} (\"{}\")",
                            label(w),
                            town_written(&mine.mark.quote),
                            mine.region.name(),
                            mine.mark.quote,
                            join_names(&names),
                            first(holders[0]).region.name(),
                            first(holders[0]).mark.quote
                        ),
                        marks,
                        conflict: None,
                    });
                }
            }
            Verdict::Undecided(groups) => {
                let sides: Vec<String> = groups
                    .iter()
                    .map(|g| {
                        let p = first(g[0]);
                        format!("{} {} (\"{}\")", label(g[0]), p.region.name(), p.mark.quote)
                    })
                    .collect();
                let marks = groups
                    .iter()
                    .flatten()
                    .flat_map(|w| by_witness[w].iter().map(|p| p.mark.clone()))
                    .collect();
                out.push(Finding {
                    details: Vec::new(),
                    kind: FindingKind::Region,
                    fact: Fact::Place,
                    severity: ConflictSeverity::Medium,
                    key: format!("place/{town}"),
                    summary: format!(
                        "The outlets place {} in different regions: {}",
                        town_written(&first(groups[0][0]).mark.quote),
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
#[path = "town_region_tests.rs"]
mod tests;
