//! Speed benchmarks for whosaid. The library part is the text generator the
//! benchmarks read: [`news`] writes news-like articles, deterministic from a
//! seed, and hostile inputs.

pub mod news;
