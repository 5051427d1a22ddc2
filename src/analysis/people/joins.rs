//! How name-like runs that are not written alike join one person: a word
//! of description before a name, a given name cut short, and a name in
//! another script.

use std::collections::{HashMap, HashSet};

use super::Candidate;

/// Joins a run of three words to the name of two it starts or ends with
/// ("Jamaican Usain Bolt" is Usain Bolt; "Kim Kum Yong" and "Kum Yong"):
/// the other word is a description or the rest of the same name. Returns
/// the runs joined so: they are not spellings of the name ("Quand Usain
/// Bolt" is French for "when Usain Bolt").
pub(super) fn join_with_a_word_before(
    candidates: &[Candidate],
    parent: &mut [usize],
    root: fn(&mut [usize], usize) -> usize,
) -> HashSet<usize> {
    let mut joined = HashSet::new();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if let [a, b] = c.keys.as_slice() {
            pairs.entry((a.as_str(), b.as_str())).or_insert(i);
        }
    }
    for (i, c) in candidates.iter().enumerate() {
        let [a, b, d] = c.keys.as_slice() else {
            continue;
        };
        let pair = pairs
            .get(&(b.as_str(), d.as_str()))
            .or_else(|| pairs.get(&(a.as_str(), b.as_str())));
        if let Some(&j) = pair {
            joined.insert(i);
            let (x, y) = (root(parent, i), root(parent, j));
            if x != y {
                let (lo, hi) = (x.min(y), x.max(y));
                if let Some(slot) = parent.get_mut(hi) {
                    *slot = lo;
                }
            }
        }
    }
    joined
}

/// Joins a name printed in another script ("Усэйн Болт") to the romanised
/// name with its consonant skeleton ("Usain Bolt"), when exactly one
/// romanised name has it (see `scripts`).
pub(super) fn join_across_scripts(
    candidates: &[Candidate],
    parent: &mut [usize],
    root: fn(&mut [usize], usize) -> usize,
) {
    let other: Vec<bool> = candidates
        .iter()
        .map(|c| crate::analysis::scripts::has_other_script(&c.spelling))
        .collect();
    if !other.contains(&true) {
        return;
    }
    let mut latin: HashMap<String, Option<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if other.get(i) == Some(&false) {
            let r = root(parent, i);
            for s in crate::analysis::scripts::name_skeletons(&c.keys) {
                let slot = latin.entry(s).or_insert(Some(r));
                if slot.is_some_and(|o| root(parent, o) != r) {
                    *slot = None;
                }
            }
        }
    }
    for (i, c) in candidates.iter().enumerate() {
        if other.get(i) != Some(&true) {
            continue;
        }
        let keys: Vec<String> = c
            .keys
            .iter()
            .map(|k| crate::analysis::scripts::transliterate(k))
            .collect();
        let target = crate::analysis::scripts::name_skeletons(&keys)
            .iter()
            .find_map(|s| latin.get(s).copied().flatten());
        if let Some(j) = target {
            let (a, b) = (root(parent, i), root(parent, j));
            if a != b {
                let (lo, hi) = (a.min(b), a.max(b));
                if let Some(slot) = parent.get_mut(hi) {
                    *slot = lo;
                }
            }
        }
    }
}

/// Letters a given name cut short keeps at least ("Chris", not "Al").
const MIN_CUT_LETTERS: usize = 3;

/// Joins a two-word name whose given name is cut short to the full one with
/// the same family name last ("Matt Centrowitz", "Matthew Centrowitz"),
/// when exactly one full name fits. Names with the family name first
/// (Korean, Chinese) are not cut this way: "Kim Jong" is not "Kim Jong-un".
pub(super) fn join_cut_given_names(
    candidates: &[Candidate],
    parent: &mut [usize],
    root: fn(&mut [usize], usize) -> usize,
) {
    // Family name -> (given name, candidate) of every two-word name.
    let mut by_family: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if let [given, family] = c.keys.as_slice() {
            by_family
                .entry(family.as_str())
                .or_default()
                .push((given.as_str(), i));
        }
    }
    for names in by_family.values() {
        for &(cut, i) in names {
            if cut.chars().count() < MIN_CUT_LETTERS {
                continue;
            }
            let mut fuller: Vec<&str> = names
                .iter()
                .map(|&(given, _)| given)
                .filter(|given| given.len() > cut.len() && given.starts_with(cut))
                .collect();
            fuller.sort_unstable();
            fuller.dedup();
            let [full] = fuller.as_slice() else {
                continue;
            };
            for &(_, j) in names.iter().filter(|(given, _)| given == full) {
                let (x, y) = (root(parent, i), root(parent, j));
                if x != y {
                    let (lo, hi) = (x.min(y), x.max(y));
                    if let Some(slot) = parent.get_mut(hi) {
                        *slot = lo;
                    }
                }
            }
        }
    }
}
