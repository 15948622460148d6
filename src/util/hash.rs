//! A fast hash for the crate's own short keys, and the sets and maps that
//! use it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hash for short keys (the multiply-rotate hash of rustc's
/// `FxHasher`). Word lookups are the hot path of the speaker stage, and the
/// keys are the crate's own words, so DoS-resistant hashing buys nothing.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        // What `write` makes of the eight bytes, without the slicing.
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The last 1 to 7 bytes of a key as one little-endian word, zero-padded:
/// two overlapping loads rather than a copy of unknown length (which would
/// be a call to `memcpy` for every word looked up).
#[inline]
pub(crate) fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let load = |bytes: &[u8]| bytes.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
    if n >= 4 {
        let low = load(&rest[..4]);
        let high = load(&rest[n - 4..]) >> (8 * (8 - n));
        low | high << 32
    } else {
        load(rest)
    }
}

/// Hash sets and maps with [`FxHasher`].
pub(crate) type Set<T> = HashSet<T, BuildHasherDefault<FxHasher>>;
pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    #[test]
    fn tail_word_is_the_zero_padded_little_endian_word() {
        let bytes = b"abcdefg";
        for n in 1..8 {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(super::tail_word(&bytes[..n]), u64::from_le_bytes(buf), "{n} bytes");
        }
    }
}
