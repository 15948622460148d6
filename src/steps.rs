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

    /// One sentence with no end, of plain words (some of them verbs that
    /// report a clause, some prepositions) and a comma every few words,
    /// as `benches/` makes it: the reports' searches run on to the end
    /// of the sentence unless they are bounded.
    fn sentence_without_end(bytes: usize) -> String {
        const WORDS: &[&str] = &[
            "the", "plan", "would", "cost", "more", "than", "people", "were", "told", "and", "it", "was", "in", "said",
            "about", "money", "town", "council", "week", "after", "Ann", "Lee", "on",
        ];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        let mut text = String::from("The");
        while text.len() < bytes {
            for _ in 0..2 + next(4) {
                text.push(' ');
                text.push_str(WORDS[next(WORDS.len())]);
            }
            text.push(',');
        }
        text
    }

    #[test]
    fn a_sentence_without_an_end_takes_steps_linear_in_its_length() {
        let extractor = Extractor::new();
        let (_, s) = counted(|| extractor.extract(&sentence_without_end(10_000)).len());
        let (_, l) = counted(|| extractor.extract(&sentence_without_end(40_000)).len());
        assert!(l <= GROWTH_BOUND * s + 1_000, "{s} steps for 10 kB, {l} for 40 kB");
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
