//! A small deterministic random number generator (SplitMix64), so a seed
//! always gives the same folder on every machine and Rust version.

/// SplitMix64: fast, well mixed, and enough for picking names and templates.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for one item (photo, image) that does not depend on how
    /// many numbers other items drew.
    pub fn for_item(seed: u64, item: u64) -> Rng {
        let mut rng = Rng(seed ^ item.wrapping_mul(0xA076_1D64_78BD_642F));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `share` (0..=1).
    pub fn chance(&mut self, share: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < share
    }
}
