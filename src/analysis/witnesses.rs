//! Independent witnesses: variants whose texts derive from one another (a
//! mirror, a syndicated copy, a spun rewrite of the same text) count as one.
//! Two copies of one misspelt text are still one outlet's error, not two
//! outlets agreeing on a spelling.
//!
//! Two variants are one witness when at least [`SAME_TEXT`] of one's word
//! sequences are in the other (`reuse::find_reuse`'s containment, either
//! way); witnesses are the groups this makes, joined transitively.

use super::Reuse;

/// The containment that makes two variants one witness (the reuse
/// analysis's threshold for "one text was taken from the other").
pub const SAME_TEXT: f64 = super::reuse::DERIVATION_CONTAINMENT;

/// Each variant's witness: the smallest variant index of its group.
#[derive(Debug, Clone, Default)]
pub(crate) struct Witnesses {
    group: Vec<usize>,
}

impl Witnesses {
    pub fn new(variants: usize, reuse: &Reuse) -> Self {
        let mut group: Vec<usize> = (0..variants).collect();
        fn root(group: &mut [usize], mut v: usize) -> usize {
            while group[v] != v {
                group[v] = group[group[v]];
                v = group[v];
            }
            v
        }
        for pair in &reuse.pairs {
            let same = pair.containment_a_in_b.max(pair.containment_b_in_a) >= SAME_TEXT;
            if same && pair.a < variants && pair.b < variants {
                let (a, b) = (root(&mut group, pair.a), root(&mut group, pair.b));
                group[a.max(b)] = a.min(b);
            }
        }
        for v in 0..variants {
            group[v] = root(&mut group, v);
        }
        Witnesses { group }
    }

    /// The witness variant `v` belongs to (`v` itself past the end).
    pub fn of(&self, v: usize) -> usize {
        self.group.get(v).copied().unwrap_or(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ReusePair;

    fn pair(a: usize, b: usize, a_in_b: f64, b_in_a: f64) -> ReusePair {
        ReusePair {
            a,
            b,
            containment_a_in_b: a_in_b,
            containment_b_in_a: b_in_a,
            shared_runs: Vec::new(),
        }
    }

    #[test]
    fn copies_join_transitively_and_a_shared_phrase_does_not() {
        let reuse = Reuse {
            pairs: vec![
                pair(0, 2, 0.1, 0.9),
                pair(2, 3, 0.6, 0.2),
                pair(1, 4, 0.3, 0.2),
            ],
            derivations: Vec::new(),
        };
        let w = Witnesses::new(5, &reuse);
        let groups: Vec<usize> = (0..5).map(|v| w.of(v)).collect();
        assert_eq!(groups, vec![0, 1, 0, 0, 4]);
        assert_eq!(w.of(9), 9);
    }
}
