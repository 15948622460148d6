//! Bits for each item of a sequence, some known at once and the rest
//! worked out the first time any of them is asked for.
//!
//! PERF: the speaker stage keeps a token's word classes here. Most tokens
//! are never asked about (the rules look near quotes and names), and a
//! pass of its own that looks up every token's classes made the whole
//! pipeline 9% slower on PolNeAR train (`examples/throughput --only
//! whole`, side by side, best of three: 53.4 against 58.7 MB/s). The cost
//! is a cache filled behind `&self`: a query that writes, kept to this one
//! structure.

use std::cell::Cell;

/// The mark of an item whose bits have all been worked out.
const WORKED_OUT: u64 = 1 << 63;

/// Bits for each item, filled in when first asked.
#[derive(Debug, Default)]
pub(crate) struct LazyBits {
    cells: Vec<Cell<u64>>,
}

impl LazyBits {
    /// Empties the bits, keeping their memory.
    pub(crate) fn clear(&mut self) {
        self.cells.clear();
    }

    /// Adds items, each with the bits known at once and whether they are
    /// all it has (nothing left to work out).
    pub(crate) fn extend(&mut self, items: impl Iterator<Item = (u64, bool)>) {
        let cell = |(known, complete)| Cell::new(known | if complete { WORKED_OUT } else { 0 });
        self.cells.extend(items.map(cell));
    }

    /// Adds `bits` to item `i`'s known bits.
    pub(crate) fn add(&mut self, i: usize, bits: u64) {
        if let Some(cell) = self.cells.get(i) {
            cell.set(cell.get() | bits);
        }
    }

    /// Whether item `i` has any of `wanted`. `at_once` are the bits known
    /// at once: a question only about them needs no work; any other is
    /// answered after `work_out(i)` has added the rest, once an item.
    #[inline]
    pub(crate) fn any(&self, i: usize, wanted: u64, at_once: u64, work_out: impl FnOnce() -> u64) -> bool {
        let Some(cell) = self.cells.get(i) else {
            return false;
        };
        let mut bits = cell.get();
        if wanted & !at_once != 0 && bits & WORKED_OUT == 0 {
            bits |= work_out() | WORKED_OUT;
            cell.set(bits);
        }
        bits & wanted != 0
    }

    /// The bits known so far of each item, in order (those known at once,
    /// and the rest for the items already asked about).
    pub(crate) fn known(&self) -> impl Iterator<Item = u64> + '_ {
        self.cells.iter().map(Cell::get)
    }

    /// How many items there are.
    pub(crate) fn len(&self) -> usize {
        self.cells.len()
    }

    /// The bytes the bits hold (their capacity).
    pub(crate) fn bytes(&self) -> usize {
        self.cells.capacity() * std::mem::size_of::<u64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_are_worked_out_once_and_only_when_asked() {
        let mut bits = LazyBits::default();
        bits.extend([(0b01, false), (0b01, true)].into_iter());
        let calls = Cell::new(0);
        let work = || {
            calls.set(calls.get() + 1);
            0b10
        };
        // A question about the bits known at once does no work.
        assert!(bits.any(0, 0b01, 0b01, work));
        assert_eq!(calls.get(), 0);
        assert!(bits.any(0, 0b10, 0b01, work));
        assert!(bits.any(0, 0b10, 0b01, work));
        assert_eq!(calls.get(), 1);
        // A complete item has nothing to work out.
        assert!(!bits.any(1, 0b10, 0b01, work));
        assert_eq!(calls.get(), 1);
        assert!(!bits.any(2, 0b01, 0b01, work));
    }
}
