//! Any input gives an answer: no panic, spans on char boundaries inside
//! the text, the same output every time. Inputs are generated from a fixed
//! seed over an alphabet rich in quotation marks, line breaks and
//! punctuation, plus hand-made hostile texts.

use whosaid::{CharOffsets, Extractor, Quote};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "``",
    "''",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "—",
    "-",
    "(",
    ")",
    "said",
    "he",
    "she",
    "it",
    "they",
    "Mr",
    "Dr.",
    "Jane",
    "Doe",
    "the",
    "minister",
    "of",
    "according",
    "to",
    "told",
    "reporters",
    "U.S.",
    "No.",
    "10",
    "é",
    "日本",
    "Ω",
    "\u{0}",
    "\t",
    "\r",
    "😀",
    "s",
    "n",
    "’90s",
    "don't",
    "a",
    "X",
    "—",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(80);
    (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

/// Checks the invariants every answer keeps.
fn check(text: &str, quotes: &[Quote<'_>]) {
    let offsets = CharOffsets::new(text);
    let inside = |s: whosaid::Span| {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?} outside {text:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} not on char boundaries in {text:?}"
        );
        let chars = offsets.char_offset(s.end) - offsets.char_offset(s.start);
        assert_eq!(chars, text[s.range()].chars().count());
    };
    for q in quotes {
        inside(q.span());
        for part in q.content() {
            inside(*part);
            assert!(
                q.span().contains(*part),
                "content {part:?} outside quote {:?}",
                q.span()
            );
        }
        if let Some(cue) = q.cue() {
            inside(cue);
        }
        if let Some(s) = q.speaker() {
            inside(s.mention());
            assert!(s.name().is_none_or(|name| !name.is_empty()));
            assert!(q.kind().is_speech());
        }
    }
    for pair in quotes.windows(2) {
        assert!(
            pair[0].span().start <= pair[1].span().start,
            "quotes out of order in {text:?}"
        );
    }
}

#[test]
fn random_texts_keep_the_invariants() {
    let extractor = Extractor::new();
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    for _ in 0..5_000 {
        let text = random_text(&mut rng);
        let quotes = extractor.extract(&text);
        check(&text, &quotes);
        assert_eq!(quotes, extractor.extract(&text), "not deterministic for {text:?}");
    }
}

#[test]
fn hostile_texts_give_answers() {
    let extractor = Extractor::new();
    let texts = [
        "“".repeat(5_000),
        "”".repeat(5_000),
        "\"".repeat(5_001),
        "'".repeat(5_001),
        "’s ".repeat(3_000),
        "‘a’ ".repeat(3_000),
        "“a ".repeat(3_000),
        "\n“x\n".repeat(2_000),
        "he said, “".repeat(2_000),
        "word ".repeat(20_000),
        String::new(),
        "\u{0}\u{1}\u{7f}“\u{200b}”".to_string(),
    ];
    for text in &texts {
        let quotes = extractor.extract(text);
        check(text, &quotes);
    }
}

#[test]
fn a_stray_mark_does_not_lose_the_rest() {
    let text = "A 6” pipe burst. Then “It was chaos,” said Jo Bloggs.\n“We are fine now.”";
    let quotes = Extractor::new().extract(text);
    let found: Vec<_> = quotes
        .iter()
        .map(|q| (q.as_str(), q.speaker().and_then(|s| s.name())))
        .collect();
    assert_eq!(
        found,
        [
            ("“It was chaos,”", Some("Jo Bloggs")),
            ("“We are fine now.”", Some("Jo Bloggs"))
        ]
    );
}

#[test]
fn long_chains_of_phrases_stay_shallow() {
    // Each `of` once led the phrase reader one call deeper: a long enough
    // chain overflowed the stack.
    let extractor = Extractor::new();
    for text in [
        "the head of ".repeat(50_000) + "Jane Doe said: “Yes.”",
        "a of ".repeat(50_000) + "said “x”",
        "“x,” said the wife of ".repeat(2_000),
    ] {
        let quotes = extractor.extract(&text);
        check(&text, &quotes);
    }
}
