//! A small, fast, non-cryptographic hasher for the analysis's word lookups
//! (the FxHash mixing step used by rustc). The keys are short words from
//! captions and vocabulary files, not attacker-chosen: flooding resistance is
//! not needed, and the std SipHash would dominate the analysis time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: rotate, xor, multiply, eight bytes at a time.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            for (slot, b) in buf.iter_mut().zip(rest) {
                *slot = *b;
            }
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The hash of a word key, computed once per word by the scanner so phrase
/// sets can reject most words with one bit test (see `PhraseSet::match_at`).
pub(crate) fn key_hash(key: &str) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(key.as_bytes());
    hasher.add(key.len() as u64);
    hasher.finish()
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_sets_work_with_the_fast_hasher() {
        let mut map: FastMap<String, usize> = FastMap::default();
        map.insert("jonghoon".to_string(), 1);
        map.insert("lim".to_string(), 2);
        assert_eq!(map.get("jonghoon"), Some(&1));
        assert_eq!(map.get("lim"), Some(&2));
        assert_eq!(map.get("shin"), None);
        let set: FastSet<&str> = ["a", "bb", "a fairly long key of many bytes"]
            .into_iter()
            .collect();
        assert!(set.contains("a fairly long key of many bytes"));
        assert!(!set.contains("a fairly long key of many byte"));
    }
}
