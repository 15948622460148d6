//! Filters of a set of words: a cheap hash that answers "not in the set"
//! for most words before a lookup. `HashFilter` counts (words can leave
//! it), `BitFilter` holds a bit a slot (for lists that do not change).

use super::hash::Set;

/// The slot of `word` in a filter of `mask + 1` slots ([`HashFilter`],
/// [`BitFilter`]): a hash of the word's length and first, second and last
/// bytes, cheap, and words that share all four are few.
fn filter_slot(word: &str, mask: usize) -> usize {
    let b = word.as_bytes();
    let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    let key = b.len() as u64 | byte(0) << 16 | byte(1) << 24 | byte(b.len().wrapping_sub(1)) << 32;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
}

/// A filter of the hashes of a set of words (a counting Bloom filter with
/// one hash): `may_contain` is false for most words not in the set, at the
/// cost of a cheap hash, and words can leave it.
pub(crate) struct HashFilter {
    /// How many words hash to each slot; a full count stays full.
    counts: Vec<u16>,
    mask: usize,
}

impl HashFilter {
    pub(crate) fn new(words: &Set<&str>) -> HashFilter {
        // About 16 slots a word keeps false positives near one in 16.
        let n = (words.len() * 16).next_power_of_two().max(512);
        let mut filter = HashFilter {
            counts: vec![0; n],
            mask: n - 1,
        };
        for w in words {
            let h = filter.slot(w);
            filter.counts[h] = filter.counts[h].saturating_add(1);
        }
        filter
    }

    fn slot(&self, word: &str) -> usize {
        filter_slot(word, self.mask)
    }

    pub(crate) fn may_contain(&self, word: &str) -> bool {
        self.counts[self.slot(word)] > 0
    }

    /// Takes out a word that was in the set.
    pub(crate) fn remove(&mut self, word: &str) {
        let h = self.slot(word);
        if self.counts[h] < u16::MAX {
            self.counts[h] -= 1;
        }
    }
}

/// A [`HashFilter`] of a list that does not change: a bit a slot rather
/// than a count, so that the filter of the places (2 KB rather than 32)
/// stays in the nearest cache between the names that ask it.
pub(crate) struct BitFilter {
    bits: Vec<u64>,
    mask: usize,
}

impl BitFilter {
    pub(crate) fn new<'w>(words: impl Iterator<Item = &'w str> + Clone) -> BitFilter {
        // As many slots as a `HashFilter` of the words has.
        let n = (words.clone().count() * 16).next_power_of_two().max(512);
        let mut filter = BitFilter {
            bits: vec![0; n / 64],
            mask: n - 1,
        };
        for w in words {
            let h = filter.slot(w);
            filter.bits[h / 64] |= 1 << (h % 64);
        }
        filter
    }

    fn slot(&self, word: &str) -> usize {
        filter_slot(word, self.mask)
    }

    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let h = self.slot(word);
        self.bits[h / 64] >> (h % 64) & 1 != 0
    }
}
