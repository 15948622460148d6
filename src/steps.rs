//! A count of the tokens the bounded searches read, kept in test builds
//! only, so that a test can say that the work on a text stays linear in
//! its length without timing anything (a timed test is flaky on a busy
//! machine; a count of steps is the same on every run).
//!
//! Each search whose reach is bounded by one of the limits of the crate
//! docs' "Untrusted input" (the look back before a quote, a quote's
//! context, the gap between fragments, the sentence before a quote, the
//! words around a verb that may report a clause) calls
//! [`take`] with the number of tokens it reads. In other builds [`take`]
//! is empty and compiles to nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` steps of a bounded search (in test builds).
#[inline(always)]
pub(crate) fn take(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// Runs `f` and returns how many steps it took on this thread.
#[cfg(test)]
pub(crate) fn counted<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let before = STEPS.with(std::cell::Cell::get);
    let r = f();
    (r, STEPS.with(std::cell::Cell::get) - before)
}

#[cfg(test)]
mod tests {
    use super::counted;
    use crate::Extractor;

    /// `piece` repeated to about `bytes` bytes.
    fn repeated(piece: &str, bytes: usize) -> String {
        piece.repeat(bytes / piece.len() + 1)
    }

    /// Texts of the shapes that made searches quadratic before they were
    /// bounded, and others like them: runs of marks, pairs, marks with line
    /// breaks, one unending sentence of quotes and cues.
    const SHAPES: &[&str] = &[
        "\"",
        "'",
        "‘",
        "«»",
        "“”",
        "\"\"",
        "\"\n",
        "\"\n\n",
        "“x,” said ",
        "“a” and ",
        "\"LEE: x\n\"MOSS: y\n",
        "Ann Lee said “x” Bob Roe said “y” ",
        "called “a” ",
        "the head of the board, “it” ",
        // Reported speech: one sentence of verbs, of reports, of
        // attributions between commas, of sources.
        "said ",
        "Ann Lee said the plan ",
        "Ann Lee said the plan would fail and ",
        "the plan, officials said, ",
        "x, said Ann Lee, ",
        "According to Ann Lee, the ",
        "the plan would fail, officials said. ",
    ];

    /// Steps for four times the text are at most this many times the steps
    /// for the text (linear: 4; quadratic: 16).
    const GROWTH_BOUND: u64 = 5;

    #[test]
    fn the_bounded_searches_take_steps_linear_in_the_text() {
        let extractor = Extractor::new();
        for piece in SHAPES {
            let small = repeated(piece, 10_000);
            let large = repeated(piece, 40_000);
            let (_, s) = counted(|| extractor.extract(&small).len());
            let (_, l) = counted(|| extractor.extract(&large).len());
            assert!(
                l <= GROWTH_BOUND * s + 1_000,
                "{piece:?}: {s} steps for {} bytes, {l} for {}",
                small.len(),
                large.len()
            );
        }
    }

    #[test]
    fn the_count_sees_a_search() {
        // A run of quotes makes the bounded searches step: a test of the
        // growth above is a test of something.
        let text = repeated("“x,” said ", 1_000);
        let extractor = Extractor::new();
        let (_, steps) = counted(|| extractor.extract(&text).len());
        assert!(steps > 1_000, "{steps}");
    }
}
