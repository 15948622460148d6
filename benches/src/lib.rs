//! Speed benchmarks for whosaid. The library part is the text generator the
//! benchmarks read: [`news`] writes news-like articles, deterministic from a
//! seed, and hostile inputs.

pub mod news;

/// The number that follows option `name` in a command line's arguments
/// `args`, or why there is none.
pub fn number_after(args: &mut impl Iterator<Item = String>, name: &str) -> Result<usize, String> {
    let v = args.next().ok_or(format!("{name} needs a value"))?;
    v.parse().map_err(|_| format!("{name}: not a number: {v}"))
}
