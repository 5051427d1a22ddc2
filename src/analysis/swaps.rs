//! Swaps: one variant exchanging values between people (or teams).
//!
//! Where one variant is the odd one out of two or more per-person conflicts
//! on one attribute, and the values it gives those people are the values
//! the reference (else the majority) gives them, exchanged (every silver
//! medallist made bronze and every bronze medallist silver; or gold to
//! silver, silver to bronze and bronze to gold), that is one error, not one
//! per person. One [`FindingKind::Swap`] finding takes the place of those
//! conflicts' findings in the findings list; its marks are theirs (the
//! swapping variant's odd marks first, then those of any other odd one out
//! of the same conflicts, then the side the reference or majority holds),
//! and each conflict is one of its [`FindingDetail`]s, so the views show it
//! beneath. `PhotoAnalysis::conflicts` is left as it is (the alignment, the
//! marks and the reports' conflict tables read it).
//!
//! The exchange is of values: every person the others give one value must
//! get one same other value of the set from the variant, and every value of
//! the set must be given to someone (a permutation of the values, none kept).
//! A variant giving a person a value the others give nobody in the set (The
//! Sun's "gold" for a bronze medallist), or two people of one value two
//! different values, swaps nothing there; those conflicts stay as they are.
//! A conflict in which the variant holds two odd values is left out too.

use std::collections::{BTreeMap, BTreeSet};

use super::conflicts::value_key;
use super::findings::{FindingDetail, join_names, variant_label};
use super::{Attribute, Conflict, Fact, Finding, FindingKind, Mark, PersonId, Subject};
use crate::corpus::Photo;

/// One person's conflict in which one variant gives one odd value.
#[derive(Debug, Clone)]
struct Exchange {
    /// Index into the conflicts, and into the findings (its conflict finding).
    conflict: usize,
    finding: usize,
    person: PersonId,
    /// The value the reference (else the majority) gives, folded and as shown.
    main: String,
    main_value: String,
    /// The value the variant gives, folded.
    given: String,
}

/// Replaces the conflict findings a swap accounts for with the swap
/// finding, in the place of the first of them.
pub(crate) fn gather(photo: &Photo, conflicts: &[Conflict], findings: &mut Vec<Finding>) {
    let swaps = find(photo, conflicts, findings);
    if swaps.is_empty() {
        return;
    }
    let absorbed: BTreeSet<usize> = swaps.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    let mut swaps: Vec<(usize, Finding)> = swaps
        .into_iter()
        .map(|(swap, members)| (members.into_iter().min().unwrap_or(0), swap))
        .collect();
    swaps.sort_by_key(|(first, _)| *first);
    let mut swaps = swaps.into_iter().peekable();
    let mut out = Vec::with_capacity(findings.len());
    for (index, finding) in std::mem::take(findings).into_iter().enumerate() {
        while let Some((_, swap)) = swaps.next_if(|(first, _)| *first == index) {
            out.push(swap);
        }
        if !absorbed.contains(&index) {
            out.push(finding);
        }
    }
    out.extend(swaps.map(|(_, swap)| swap));
    *findings = out;
}

/// The swaps among the conflict findings, each with the indices of the
/// findings it accounts for; by variant, then attribute.
fn find(
    photo: &Photo,
    conflicts: &[Conflict],
    findings: &[Finding],
) -> Vec<(Finding, BTreeSet<usize>)> {
    let mut out = Vec::new();
    for ((variant, attribute), mut exchanges) in exchanges(conflicts, findings) {
        if exchanges.len() < 2 {
            continue;
        }
        exchanges.sort_by_key(|e| e.person);
        for cycle in cycles(&exchanges) {
            let members: Vec<&Exchange> = exchanges
                .iter()
                .filter(|e| cycle.contains(&e.main))
                .collect();
            let swap = swap_finding(
                photo, conflicts, findings, variant, attribute, &cycle, &members,
            );
            out.push((swap, members.iter().map(|e| e.finding).collect()));
        }
    }
    out
}

/// Per variant and attribute, the per-person conflict findings in which
/// the variant is an odd one out with exactly one odd value.
fn exchanges(
    conflicts: &[Conflict],
    findings: &[Finding],
) -> BTreeMap<(usize, Attribute), Vec<Exchange>> {
    let mut out: BTreeMap<(usize, Attribute), Vec<Exchange>> = BTreeMap::new();
    for (finding, f) in findings.iter().enumerate() {
        let Some((index, conflict)) = f
            .conflict
            .filter(|_| f.kind == FindingKind::Conflict)
            .and_then(|i| Some((i, conflicts.get(i)?)))
        else {
            continue;
        };
        let Subject::Person(person) = conflict.subject else {
            continue;
        };
        let Some(main_value) = conflict.reference.as_ref().or(conflict.majority.as_ref()) else {
            continue;
        };
        let main = value_key(main_value);
        for &variant in &conflict.odd_ones_out {
            let odd: Vec<String> = conflict
                .values
                .iter()
                .filter(|v| v.variants.contains(&variant))
                .map(|v| value_key(&v.value))
                .filter(|key| *key != main)
                .collect();
            if let [given] = odd.as_slice() {
                out.entry((variant, conflict.attribute))
                    .or_default()
                    .push(Exchange {
                        conflict: index,
                        finding,
                        person,
                        main: main.clone(),
                        main_value: main_value.clone(),
                        given: given.clone(),
                    });
            }
        }
    }
    out
}

/// The cycles of values the exchanges make (each a list of folded values:
/// the first's people get the second, ..., the last's get the first), in
/// the order their first person comes. A value whose people get different
/// values, or that nobody else's people get, or that two values' people get,
/// is in none.
fn cycles(exchanges: &[Exchange]) -> Vec<Vec<String>> {
    let mut targets: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in exchanges {
        targets.entry(&e.main).or_default().insert(&e.given);
    }
    let mut next: BTreeMap<&str, &str> = targets
        .into_iter()
        .filter_map(
            |(main, given)| match given.iter().collect::<Vec<_>>().as_slice() {
                [one] => Some((main, **one)),
                _ => None,
            },
        )
        .collect();
    loop {
        let mut given_by: BTreeMap<&str, usize> = BTreeMap::new();
        for to in next.values() {
            *given_by.entry(to).or_default() += 1;
        }
        let before = next.len();
        let kept: BTreeMap<&str, &str> = next
            .iter()
            .filter(|(_, to)| next.contains_key(**to) && given_by.get(**to) == Some(&1))
            .map(|(from, to)| (*from, *to))
            .collect();
        next = kept;
        if next.len() == before {
            break;
        }
    }
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for e in exchanges {
        if seen.contains(e.main.as_str()) || !next.contains_key(e.main.as_str()) {
            continue;
        }
        let mut cycle = Vec::new();
        let mut at = e.main.as_str();
        while seen.insert(at) {
            cycle.push(at.to_string());
            match next.get(at) {
                Some(to) => at = to,
                None => break,
            }
        }
        out.push(cycle);
    }
    out
}

fn swap_finding(
    photo: &Photo,
    conflicts: &[Conflict],
    findings: &[Finding],
    variant: usize,
    attribute: Attribute,
    cycle: &[String],
    members: &[&Exchange],
) -> Finding {
    let label = variant_label(photo, variant);
    let member_conflicts: Vec<(usize, &Conflict)> = members
        .iter()
        .filter_map(|e| Some((e.conflict, conflicts.get(e.conflict)?)))
        .collect();
    let mut names: Vec<&str> = member_conflicts
        .iter()
        .map(|(_, c)| c.subject_name.as_str())
        .collect();
    names.sort_unstable();
    let mut marks: Vec<Mark> = Vec::new();
    for e in members {
        for mark in findings.get(e.finding).map_or(&[][..], |f| &f.marks) {
            if !marks.contains(mark) {
                marks.push(mark.clone());
            }
        }
    }
    // The swapping variant's odd words first, in the order it writes them.
    marks.sort_by_key(|m| match (m.odd, m.variant == variant) {
        (true, true) => (0, m.location),
        (true, false) => (1, None),
        (false, _) => (2, None),
    });
    let severity = members
        .iter()
        .filter_map(|e| findings.get(e.finding))
        .map(|f| f.severity)
        .max()
        .unwrap_or(super::conflicts::severity(attribute));
    Finding {
        kind: FindingKind::Swap,
        fact: Fact::of_attribute(attribute),
        severity,
        key: format!("swap/{label}/{}/{}", attribute.name(), names.join("+")),
        summary: summary(&label, cycle, members, &member_conflicts),
        marks,
        conflict: None,
        details: member_conflicts
            .iter()
            .map(|(index, c)| FindingDetail {
                key: c.key.clone(),
                subject: c.subject_name.clone(),
                summary: c.summary.clone(),
                conflict: Some(*index),
            })
            .collect(),
    }
}

/// "Sportstar swaps silver and bronze: it gives bronze to Ri Jong Sik and
/// Kim Kum Yong, and silver to Lim Jong-hoon; the reference and most outlets
/// give the reverse".
fn summary(
    label: &str,
    cycle: &[String],
    members: &[&Exchange],
    conflicts: &[(usize, &Conflict)],
) -> String {
    let shown = |key: &str| {
        members
            .iter()
            .find(|e| e.main == key)
            .map_or_else(|| key.to_string(), |e| e.main_value.clone())
    };
    let people = |key: &str| -> String {
        let names: Vec<String> = members
            .iter()
            .filter(|e| e.main == key)
            .filter_map(|e| conflicts.iter().find(|(i, _)| *i == e.conflict))
            .map(|(_, c)| c.subject_name.clone())
            .collect();
        join_names(&names)
    };
    let values: Vec<String> = cycle.iter().map(|k| shown(k)).collect();
    let gives = |shift: usize| -> String {
        let parts: Vec<String> = cycle
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let value = values.get((i + shift) % values.len()).cloned();
                format!("{} to {}", value.unwrap_or_default(), people(key))
            })
            .collect();
        match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{}, and {last}", rest.join(", ")),
            _ => parts.join(""),
        }
    };
    let all_reference = conflicts.iter().all(|(_, c)| c.reference.is_some());
    let majority_agrees = conflicts.iter().all(|(_, c)| {
        c.majority.as_deref().map(value_key) == c.reference.as_deref().map(value_key)
    });
    let others = if all_reference && majority_agrees {
        "the reference and most outlets give"
    } else if all_reference {
        "the reference gives"
    } else if conflicts.iter().all(|(_, c)| c.reference.is_none()) {
        "most outlets give"
    } else {
        "the others give"
    };
    let theirs = if cycle.len() == 2 {
        "the reverse".to_string()
    } else {
        gives(0)
    };
    format!(
        "{label} swaps {}: it gives {}; {others} {theirs}",
        join_names(&values),
        gives(1)
    )
}

#[cfg(test)]
#[path = "swaps_tests.rs"]
mod tests;
