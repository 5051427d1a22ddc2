//! Which witnesses agree on a value, and which is the odd one out: the rule
//! the clock times and the towns' regions share.
//!
//! Witnesses whose values agree (any of one's with any of the other's) are
//! joined, transitively, into groups. When one group is larger than every
//! other and has at least `min_holders` witnesses, every witness outside it
//! is odd; when no group is, the values disagree and no side can be told.

use std::collections::BTreeMap;

/// What the groups of witnesses say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// One group, or none.
    Agreed,
    /// The witnesses outside the one largest group, and that group.
    Odd {
        odd: Vec<usize>,
        holders: Vec<usize>,
    },
    /// No group outnumbers the others: every group, in order.
    Undecided(Vec<Vec<usize>>),
}

/// Witnesses joined where any of their values agree, in order of first witness.
///
/// `key` gives what `agree` compares (equal keys agree): values are
/// compared once per distinct key, never once per pair of witnesses, so a
/// photo with 50,000 witnesses of one time costs 50,000 steps, not a billion.
pub(crate) fn groups<T, K: Ord>(
    by_witness: &BTreeMap<usize, Vec<T>>,
    key: impl Fn(&T) -> K,
    agree: impl Fn(&T, &T) -> bool,
) -> Vec<Vec<usize>> {
    // Nodes: the witnesses (0..w), then the distinct values (w..).
    let witnesses: Vec<usize> = by_witness.keys().copied().collect();
    let mut distinct: BTreeMap<K, usize> = BTreeMap::new();
    let mut values: Vec<&T> = Vec::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (i, held) in by_witness.values().enumerate() {
        for value in held {
            let next = values.len();
            let id = *distinct.entry(key(value)).or_insert(next);
            if id == next {
                values.push(value);
            }
            edges.push((i, witnesses.len() + id));
        }
    }
    let mut group: Vec<usize> = (0..witnesses.len() + values.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    let join = |group: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(group, a), root(group, b));
        group[ra.max(rb)] = ra.min(rb);
    };
    for (a, b) in edges {
        join(&mut group, a, b);
    }
    for (a, x) in values.iter().enumerate() {
        for (b, y) in values.iter().enumerate().skip(a + 1) {
            if agree(x, y) {
                join(&mut group, witnesses.len() + a, witnesses.len() + b);
            }
        }
    }
    // A group's root is its smallest node: its first witness.
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &w) in witnesses.iter().enumerate() {
        let r = root(&mut group, i);
        out.entry(r).or_default().push(w);
    }
    out.into_values().collect()
}

/// Whether every value agrees with every other, compared once per pair of
/// distinct keys (see [`groups`]).
pub(crate) fn all_agree<T, K: Ord>(
    values: &[T],
    key: impl Fn(&T) -> K,
    agree: impl Fn(&T, &T) -> bool,
) -> bool {
    let mut distinct: BTreeMap<K, &T> = BTreeMap::new();
    for value in values {
        distinct.entry(key(value)).or_insert(value);
    }
    let distinct: Vec<&T> = distinct.into_values().collect();
    distinct
        .iter()
        .enumerate()
        .all(|(a, x)| distinct.iter().skip(a + 1).all(|y| agree(x, y)))
}

/// The verdict on `groups` (from [`groups`]).
pub(crate) fn verdict(groups: Vec<Vec<usize>>, min_holders: usize) -> Verdict {
    if groups.len() < 2 {
        return Verdict::Agreed;
    }
    let largest = groups.iter().map(Vec::len).max().unwrap_or(0);
    let mut main = groups.iter().filter(|g| g.len() == largest);
    match (main.next(), main.next()) {
        (Some(holders), None) if largest >= min_holders => Verdict::Odd {
            odd: groups
                .iter()
                .filter(|g| g.len() < largest)
                .flatten()
                .copied()
                .collect(),
            holders: holders.clone(),
        },
        _ => Verdict::Undecided(groups),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[(usize, &[i32])]) -> BTreeMap<usize, Vec<i32>> {
        values.iter().map(|(w, v)| (*w, v.to_vec())).collect()
    }

    #[test]
    fn the_odd_one_against_a_larger_group() {
        let by = of(&[(0, &[1]), (1, &[1, 5]), (2, &[5]), (3, &[9])]);
        let g = groups(&by, |a| *a, |a, b| a == b);
        assert_eq!(g, vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(
            verdict(g, 2),
            Verdict::Odd {
                odd: vec![3],
                holders: vec![0, 1, 2]
            }
        );
    }

    #[test]
    fn two_alone_or_equal_groups_are_undecided() {
        let two = groups(&of(&[(0, &[1]), (4, &[2])]), |a| *a, |a, b| a == b);
        assert_eq!(verdict(two, 2), Verdict::Undecided(vec![vec![0], vec![4]]));
        let tie = groups(
            &of(&[(0, &[1]), (1, &[1]), (2, &[2]), (3, &[2])]),
            |a| *a,
            |a, b| a == b,
        );
        assert!(matches!(verdict(tie, 2), Verdict::Undecided(_)));
        let same = groups(&of(&[(0, &[1]), (1, &[1])]), |a| *a, |a, b| a == b);
        assert_eq!(verdict(same, 2), Verdict::Agreed);
    }
}
