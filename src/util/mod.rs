//! Generic structures the stages use, with no rule of their own: a fast
//! hash for short keys, filters of word sets, and a packed table from words
//! to bits. The speed tricks of the crate live here, each behind a `PERF:`
//! note, so that the rule code can be written the plain way.

pub(crate) mod hash;
pub(crate) mod lazy_bits;
pub(crate) mod word_table;
