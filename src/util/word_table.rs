//! A table from words to bits: words of up to 15 bytes packed into two
//! integers, looked up by a multiplication and, mostly, one compare.

use super::hash::{Map, tail_word};

/// A table of words (such as [`crate::lexicon::classes::word_classes`]): the words of up to 15 bytes by their bytes packed into
/// two integers (with the length), in an open-addressed table whose slots
/// hold the keys themselves, so that a lookup is a multiplication and,
/// mostly, one slot compared; longer words by their text.
pub(crate) struct WordTable {
    /// Packed word and classes.
    slots: Vec<((u64, u64), u64)>,
    /// A byte for each slot: 0 for an empty one, else seven bits of its
    /// key's hash with the high bit set. A probe reads these first: most
    /// words asked about are not in the lists, and their probe ends at an
    /// empty slot found in this small vector (8 KB, in the nearest cache)
    /// rather than in the slots (200 KB, often not).
    tags: Vec<u8>,
    /// The slots' count minus one (a power of two minus one).
    mask: usize,
    long: Map<&'static str, u64>,
}

impl WordTable {
    /// The table of `words`, each word once with its bits (a map's
    /// entries, owned or borrowed).
    pub(crate) fn new<I>(words: I) -> WordTable
    where
        I: IntoIterator<Item = (&'static str, u64)>,
        I::IntoIter: ExactSizeIterator,
    {
        let words = words.into_iter();
        // At most two thirds full, so that a probe seldom runs on.
        let size = (words.len() * 3 / 2 + 1).next_power_of_two();
        let mut classes = WordTable {
            slots: vec![((0, 0), 0); size],
            tags: vec![0; size],
            mask: size - 1,
            long: Map::default(),
        };
        for (word, bits) in words {
            match pack(word) {
                Some(key) => {
                    let (mut i, tag) = classes.slot_and_tag(key);
                    while classes.tags[i] != 0 {
                        i = (i + 1) & classes.mask;
                    }
                    classes.slots[i] = (key, bits);
                    classes.tags[i] = tag;
                }
                None => {
                    classes.long.insert(word, bits);
                }
            }
        }
        classes
    }

    /// Where a key's probe starts, and the tag of its slot.
    fn slot_and_tag(&self, key: (u64, u64)) -> (usize, u8) {
        let hash = (key.0 ^ key.1.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        ((hash >> 32) as usize & self.mask, (hash >> 57) as u8 | 0x80)
    }

    /// The classes of `word` (none if the lists do not know it).
    ///
    /// PERF: inlined, with the rare long word out of line: a call that
    /// could hash a string saved and restored every register at every
    /// word asked about. Instructions 665.7M -> 658.4M (callgrind, `extract
    /// --jsonl --jobs 1` on PolNeAR train).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> u64 {
        match pack(word) {
            Some(key) => self.get_packed(key),
            None => self.get_long(word),
        }
    }

    /// [`WordTable::get`] of a word of more than 15 bytes.
    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &str) -> u64 {
        self.long.get(word).copied().unwrap_or(0)
    }

    #[inline]
    fn get_packed(&self, key: (u64, u64)) -> u64 {
        let (mut i, tag) = self.slot_and_tag(key);
        loop {
            match self.tags[i] {
                0 => return 0,
                t if t == tag && self.slots[i].0 == key => return self.slots[i].1,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// A word of at most 15 bytes as two integers: its first eight bytes, and
/// the rest with the length in the top byte (zero-padded, little-endian).
///
/// PERF: a word of eight bytes or fewer (most) by one load of them and no
/// look at an empty rest: instructions 642.4M -> 638.7M (callgrind,
/// `extract --jsonl --jobs 1` on PolNeAR train).
pub(crate) fn pack(word: &str) -> Option<(u64, u64)> {
    let bytes = word.as_bytes();
    let length = (bytes.len() as u64) << 56;
    match bytes.len() {
        0..=8 => Some((le_word(bytes), length)),
        9..=15 => {
            let (low, high) = bytes.split_at(8);
            Some((le_word(low), le_word(high) | length))
        }
        _ => None,
    }
}

/// Up to eight bytes as a little-endian integer, zero-padded.
fn le_word(bytes: &[u8]) -> u64 {
    match bytes.len() {
        0 => 0,
        8 => u64::from_le_bytes(bytes.try_into().unwrap_or_default()),
        _ => tail_word(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's key as the docs of [`pack`] define it: its bytes
    /// zero-padded to sixteen, read as two little-endian integers, and
    /// the length in the top byte.
    fn packed_by_definition(word: &str) -> Option<(u64, u64)> {
        let bytes = word.as_bytes();
        let mut padded = [0u8; 16];
        padded.get_mut(..bytes.len())?.copy_from_slice(bytes);
        (bytes.len() < 16).then(|| {
            let (low, high) = padded.split_at(8);
            let word = |half: &[u8]| u64::from_le_bytes(half.try_into().unwrap_or_default());
            (word(low), word(high) | (bytes.len() as u64) << 56)
        })
    }

    proptest::proptest! {
        #[test]
        fn a_word_is_packed_as_defined(word in "[a-z'’é-]{0,18}") {
            proptest::prop_assert_eq!(pack(&word), packed_by_definition(&word));
        }
    }

    #[test]
    fn a_table_finds_its_words_of_every_length() {
        let words = [
            "a",
            "of",
            "the",
            "said",
            "mayor",
            "senate",
            "minister",
            "spokesman",
            "spokeswoman",
            "superintendent",
            "vice-chancellor",
            "administration's",
        ];
        let table = WordTable::new((words.iter().enumerate()).map(|(i, w)| (*w, 1u64 << i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), 1 << i, "{w}");
        }
        for w in ["", "b", "mayors", "spokesmen", "administrations'"] {
            assert_eq!(table.get(w), 0, "{w}");
        }
    }
}
