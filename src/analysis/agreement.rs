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
pub(crate) fn groups<T>(
    by_witness: &BTreeMap<usize, Vec<T>>,
    agree: impl Fn(&T, &T) -> bool,
) -> Vec<Vec<usize>> {
    let values: Vec<(usize, &Vec<T>)> = by_witness.iter().map(|(&w, v)| (w, v)).collect();
    let mut group: Vec<usize> = (0..values.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for a in 0..values.len() {
        for b in a + 1..values.len() {
            let meets = values[a]
                .1
                .iter()
                .any(|x| values[b].1.iter().any(|y| agree(x, y)));
            if meets {
                let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                group[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &(w, _)) in values.iter().enumerate() {
        let r = root(&mut group, i);
        out.entry(r).or_default().push(w);
    }
    out.into_values().collect()
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
        let g = groups(&by, |a, b| a == b);
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
        let two = groups(&of(&[(0, &[1]), (4, &[2])]), |a, b| a == b);
        assert_eq!(verdict(two, 2), Verdict::Undecided(vec![vec![0], vec![4]]));
        let tie = groups(
            &of(&[(0, &[1]), (1, &[1]), (2, &[2]), (3, &[2])]),
            |a, b| a == b,
        );
        assert!(matches!(verdict(tie, 2), Verdict::Undecided(_)));
        let same = groups(&of(&[(0, &[1]), (1, &[1])]), |a, b| a == b);
        assert_eq!(verdict(same, 2), Verdict::Agreed);
    }
}
