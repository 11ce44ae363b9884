//! A small seeded random number generator (SplitMix64) for the uncertainty run. Integer
//! arithmetic only, so a seed gives the same draws natively and in the browser; no dependency
//! is worth its size for the few lines it takes.

/// Draws uniform numbers from a seed. Not for anything secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Random {
    state: u64,
}

impl Random {
    pub fn new(seed: u64) -> Random {
        Random { state: seed }
    }

    /// The next 64 random bits (Steele, Lea and Flood's SplitMix64).
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1) from the top 53 bits: every one exactly representable, so the same
    /// on every machine.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::Random;

    #[test]
    fn the_sequence_is_splitmix64s() {
        // SplitMix64 from seed 0: the reference outputs of Vigna's splitmix64.c.
        let mut random = Random::new(0);
        assert_eq!(random.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(random.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(random.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn units_lie_in_zero_to_one_and_spread_evenly() {
        let mut random = Random::new(42);
        let draws: Vec<f64> = (0..10_000).map(|_| random.unit()).collect();
        assert!(draws.iter().all(|u| (0.0..1.0).contains(u)));
        // Each tenth of [0, 1) holds about 1,000 of 10,000 draws (binomial sd 30; 5 sd slack).
        for tenth in 0..10 {
            let low = tenth as f64 / 10.0;
            let count = draws
                .iter()
                .filter(|u| (low..low + 0.1).contains(*u))
                .count();
            assert!((850..=1150).contains(&count), "tenth {tenth}: {count}");
        }
    }
}
