//! A credit the folder contradicts: a photographer credited to an agency
//! the folder never credits them with.
//!
//! Outlets carry whichever agency's frame of a moment they bought, so
//! different agencies across outlets are no error. A credit is one when it
//! ties a photographer to the wrong agency: a page whose credit line names
//! agency A while its own text says the photo was "taken by" P, or a credit
//! line "P/A", where every other credit in the folder that names P gives
//! another agency B, and neither distributes the other's pictures (AFP's go
//! out via Getty Images: the vocabulary's `carries`).
//!
//! A photographer is credited with an agency by a credit line that names
//! both ("John Rooney/AP", "Photo by Neil Leifer, Sports Illustrated") or by
//! text such as "Associated Press photographer John Rooney". Names match by
//! family name and first initial; ALL CAPS lines are title-cased first.

use super::credit_line::{self, CreditLine, person_name};
use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::scan::Gap;
use super::section::SectionText;
use super::vocabulary::Vocabulary;
use super::{Attribute, Claim, ClaimOrigin, ConflictSeverity, Location, Span};
use crate::corpus::Photo;

use std::collections::BTreeMap;

use super::fast_hash::FastMap;

/// Words read after "taken by" for the photographer's name.
const TAKEN_BY_REACH: usize = 8;

/// A photographer credited with an owner (an agency or an organisation).
struct Pair {
    variant: usize,
    photographer: String,
    owner: String,
    mark: Mark,
}

/// Who a photographer's name names, as compared: the family name's key and
/// the first initial (see [`same_person`]).
type PersonKey = (String, Option<char>);

/// "a photo taken by NAME" in a variant's text.
struct Taken {
    photographer: String,
    mark: Mark,
}

/// The photographer-agency findings of a photo.
pub(crate) fn find(
    photo: &Photo,
    sections: &[SectionText<'_>],
    claims: &[Claim],
    vocab: &Vocabulary,
) -> Vec<Finding> {
    let lines: Vec<Option<(CreditLine, &str)>> = photo
        .variants
        .iter()
        .map(|v| {
            v.source
                .credit
                .as_deref()
                .map(|c| (credit_line::parse(c, vocab), c))
        })
        .collect();
    let mut pairs = line_pairs(&lines);
    pairs.extend(text_pairs(photo, claims));
    // The pairs by person, then owner: a credit is compared with the
    // owners its photographer is given, not with every other credit.
    let mut by_person: FastMap<PersonKey, BTreeMap<&str, Vec<usize>>> = FastMap::default();
    for (i, pair) in pairs.iter().enumerate() {
        if let Some(key) = person_key(&pair.photographer) {
            by_person
                .entry(key)
                .or_default()
                .entry(pair.owner.as_str())
                .or_default()
                .push(i);
        }
    }
    let mut sections_of: Vec<Vec<&SectionText<'_>>> = vec![Vec::new(); photo.variants.len()];
    for s in sections {
        if let Some(list) = sections_of.get_mut(s.variant) {
            list.push(s);
        }
    }
    let mut out = Vec::new();
    for (v, line) in lines.iter().enumerate() {
        let Some((parsed, written)) = line else {
            continue;
        };
        let Some(owner) = parsed.owner() else {
            continue;
        };
        let line_mark = Mark {
            variant: v,
            location: None,
            quote: (*written).to_string(),
            odd: true,
        };
        let said: Vec<Taken> = match &parsed.photographer {
            Some(p) => vec![Taken {
                photographer: p.clone(),
                mark: line_mark.clone(),
            }],
            None => taken_by(sections_of.get(v).map_or(&[], Vec::as_slice), vocab),
        };
        for taken in said {
            let Some(owners) = person_key(&taken.photographer).and_then(|k| by_person.get(&k))
            else {
                continue;
            };
            let elsewhere_in = |list: &Vec<usize>| {
                list.iter()
                    .any(|&i| pairs.get(i).is_some_and(|p| p.variant != v))
            };
            let agreeing = owners
                .iter()
                .any(|(o, list)| linked(o, owner, vocab) && elsewhere_in(list));
            if agreeing || !owners.values().any(elsewhere_in) {
                continue;
            }
            let mut found: Vec<usize> = owners.values().flatten().copied().collect();
            found.sort_unstable();
            let elsewhere: Vec<&Pair> = found
                .iter()
                .filter_map(|&i| pairs.get(i))
                .filter(|p| p.variant != v)
                .collect();
            out.push(finding(
                photo, v, owner, &taken, &line_mark, &elsewhere, &pairs, vocab,
            ));
            break;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn finding(
    photo: &Photo,
    v: usize,
    owner: &str,
    taken: &Taken,
    line_mark: &Mark,
    elsewhere: &[&Pair],
    pairs: &[Pair],
    vocab: &Vocabulary,
) -> Finding {
    let label = variant_label(photo, v);
    let p = &taken.photographer;
    let mut others: Vec<String> = Vec::new();
    let mut owners: Vec<&str> = Vec::new();
    for pair in elsewhere {
        let l = variant_label(photo, pair.variant);
        if !others.contains(&l) {
            others.push(l);
        }
        if !owners.contains(&pair.owner.as_str()) {
            owners.push(&pair.owner);
        }
    }
    let said = if taken.mark.location.is_some() {
        format!("credits the picture to {owner}, but its own text says {p} took it")
    } else {
        format!("credits {p} to {owner}")
    };
    let mut summary = format!(
        "{label} {said}; {} credit{} {p} to {}",
        super::findings::join_names(&others),
        if others.len() == 1 { "s" } else { "" },
        super::findings::join_names(&owners.iter().map(|o| o.to_string()).collect::<Vec<_>>()),
    );
    let mut theirs: Vec<String> = pairs
        .iter()
        .filter(|x| linked(&x.owner, owner, vocab) && !same_person(&x.photographer, p))
        .map(|x| x.photographer.clone())
        .collect();
    theirs.dedup();
    if let Some(first) = theirs.first() {
        summary.push_str(&format!(
            ", and the folder's {owner} photographer is {first}"
        ));
    }
    let mut marks = vec![line_mark.clone()];
    if taken.mark.location.is_some() {
        marks.push(Mark {
            odd: false,
            ..taken.mark.clone()
        });
    }
    marks.extend(elsewhere.iter().map(|pair| pair.mark.clone()));
    Finding {
        details: Vec::new(),
        kind: FindingKind::Credit,
        fact: Fact::Credit,
        severity: ConflictSeverity::Low,
        key: format!("photographer-agency/{v}/{p}"),
        summary,
        marks,
        conflict: None,
    }
}

/// Credit lines that name a photographer and an owner.
fn line_pairs(lines: &[Option<(CreditLine, &str)>]) -> Vec<Pair> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(v, line)| {
            let (parsed, written) = line.as_ref()?;
            Some(Pair {
                variant: v,
                photographer: parsed.photographer.clone()?,
                owner: parsed.owner()?.to_string(),
                mark: Mark {
                    variant: v,
                    location: None,
                    quote: (*written).to_string(),
                    odd: false,
                },
            })
        })
        .collect()
}

/// "Associated Press photographer John Rooney": a credit claim right before
/// a photographer claim in one section.
fn text_pairs(photo: &Photo, claims: &[Claim]) -> Vec<Pair> {
    let mut out = Vec::new();
    for (i, credit) in claims.iter().enumerate() {
        let (Attribute::Credit, ClaimOrigin::Variant(at)) = (credit.attribute, credit.origin)
        else {
            continue;
        };
        let Some((name, by)) = claims.get(i + 1).and_then(|c| match c.origin {
            ClaimOrigin::Variant(l) if c.attribute == Attribute::Photographer => Some((c, l)),
            _ => None,
        }) else {
            continue;
        };
        let adjacent = by.variant == at.variant
            && by.section == at.section
            && by.span.start >= at.span.end
            && by.span.start - at.span.end <= 2;
        let text = photo
            .variants
            .get(at.variant)
            .and_then(|v| v.section(at.section))
            .map(|t| t.as_str());
        if let (true, Some(text)) = (adjacent, text) {
            let span = Span::new(at.span.start, by.span.end);
            out.push(Pair {
                variant: at.variant,
                photographer: name.value.clone(),
                owner: credit.value.clone(),
                mark: Mark {
                    variant: at.variant,
                    location: Some(Location { span, ..at }),
                    quote: span.slice(text).to_string(),
                    odd: false,
                },
            });
        }
    }
    out
}

/// "a photograph taken by Hall of Fame inductee Neil Leifer": the first run
/// of two to four capitalised words, not an agency, soon after a
/// `taken_by` phrase in a sentence with a photo noun.
fn taken_by(sections: &[&SectionText<'_>], vocab: &Vocabulary) -> Vec<Taken> {
    let mut out = Vec::new();
    for s in sections {
        let n = s.words.len();
        for i in 0..n {
            let Some(len) = vocab.taken_by.contains_at(&s.words, i) else {
                continue;
            };
            let about_a_photo = s
                .sentences()
                .into_iter()
                .find(|r| r.contains(&i))
                .is_some_and(|r| r.into_iter().any(|j| vocab.photo_nouns.contains(s.key(j))));
            if !about_a_photo {
                continue;
            }
            let mut j = i + len;
            while j < n.min(i + len + TAKEN_BY_REACH) && s.same_sentence(i, j) {
                if let Some((alen, _)) = vocab.agencies.match_at(&s.words, j) {
                    j += alen;
                    continue;
                }
                let mut end = j;
                while end < n
                    && end < j + 4
                    && s.words[end].capitalised
                    && (end == j || s.gap(end) == Gap::Space)
                {
                    end += 1;
                }
                if end - j >= 2 {
                    let span = Span::new(s.words[j].span.start, s.words[end - 1].span.end);
                    if let Some(name) = person_name(s.slice(span), vocab) {
                        out.push(Taken {
                            photographer: name,
                            mark: Mark {
                                variant: s.variant,
                                location: Some(s.location(span)),
                                quote: s.slice(span).to_string(),
                                odd: false,
                            },
                        });
                    }
                    break;
                }
                j = end.max(j + 1);
            }
        }
    }
    out
}

/// Family names equal and first initials equal, case and diacritics aside.
fn same_person(a: &str, b: &str) -> bool {
    matches!((person_key(a), person_key(b)), (Some(a), Some(b)) if a == b)
}

/// The family name's key and the first initial of a name.
fn person_key(name: &str) -> Option<PersonKey> {
    let words = super::scan::scan(name).words;
    let first = words.first()?.key.chars().next();
    Some((words.last()?.key.clone(), first))
}

/// The same owner, or one distributes the other's pictures.
fn linked(a: &str, b: &str, vocab: &Vocabulary) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let index = |name: &str| {
        vocab
            .agency_names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))
    };
    let carries = |x: Option<usize>, y: Option<usize>| match (x, y) {
        (Some(x), Some(y)) => vocab.agency_carries.get(x).is_some_and(|c| c.contains(&y)),
        _ => false,
    };
    let (ia, ib) = (index(a), index(b));
    carries(ia, ib) || carries(ib, ia)
}

#[cfg(test)]
#[path = "photographer_agency_tests.rs"]
mod tests;
