//! Property tests: over generated texts and builder settings, extraction
//! never panics and every answer keeps the invariants of
//! `fuzz/invariants.rs` (the fuzz target checks the same ones).
//!
//! The texts are biased toward what breaks quote finders: every quotation
//! mark, long runs of marks and of line breaks, cue words and names,
//! punctuation, control characters and mixed scripts, beside plain
//! arbitrary strings. Each property runs 256 cases (`PROPTEST_CASES=N`
//! runs more). A failing case is shrunk and printed; add it to
//! `tests/regressions.rs`.

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;
use whosaid::{CharOffsets, Extractor, ExtractorBuilder, Quote, QuoteKind};

#[path = "../fuzz/invariants.rs"]
mod invariants;

use invariants::{Settings, VERBS, check, run_fuzz_input};

/// Every quotation mark the tokenizer knows, and a few it should treat as
/// text.
const MARKS: &[&str] = &[
    "“", "”", "‘", "’", "\"", "'", "«", "»", "‹", "›", "„", "‚", "‟", "‛", "``", "''", "`", "″", "′", "＂", "「", "」",
];

/// Words and phrases of attribution, names, pronouns, titles and
/// abbreviations, so that generated quotes find cues and speakers.
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "reporters",
    "according to",
    "added",
    "quipped",
    "he",
    "she",
    "it",
    "they",
    "He",
    "She",
    "I",
    "we",
    "the",
    "a",
    "Mr",
    "Mrs",
    "Dr.",
    "Jane Doe",
    "Jane",
    "Doe",
    "Dan Okoye",
    "the minister",
    "the council leader",
    "a spokesman for the ministry",
    "the so-called",
    "called",
    "the book",
    "of",
    "and",
    "U.S.",
    "No.",
    "10",
    "1990s",
    "don't",
    "players’",
    "’90s",
    "rock ’n’ roll",
    "Ça",
    "Émile",
    "X",
    "s",
];

/// Punctuation and spacing.
const PUNCT: &[&str] = &[
    " ", " ", " ", " ", ".", ",", ":", ";", "?", "!", "—", "–", "-", "(", ")", "[", "]", "…", "...", "\u{a0}",
    "\u{202f}",
];

/// Line and paragraph breaks, Unicode ones included.
const BREAKS: &[&str] = &[
    "\n", "\n\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{b}", "\u{c}",
];

/// Control, invisible and formatting characters.
const CONTROLS: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\t",
    "\u{1b}",
    "\u{7f}",
    "\u{ad}",
    "\u{200b}",
    "\u{200d}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{feff}",
    "\u{fffd}",
    "\u{e000}",
    "\u{10ffff}",
];

/// Other scripts, combining marks, wide and astral characters.
const SCRIPTS: &[&str] = &[
    "é",
    "e\u{301}",
    "日本",
    "中文说",
    "Ω",
    "Ελλάδα",
    "сказал",
    "قال",
    "אמר",
    "हिन्दी",
    "한국",
    "😀",
    "👩‍👩‍👧",
    "🇬🇧",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "𝔘",
];

/// One piece of a generated text.
fn piece() -> impl Strategy<Value = String> {
    let from = |list: &'static [&'static str]| select(list).prop_map(String::from);
    prop_oneof![
        8 => from(MARKS),
        8 => from(WORDS),
        8 => from(PUNCT),
        3 => from(BREAKS),
        2 => from(CONTROLS),
        2 => from(SCRIPTS),
        2 => any::<char>().prop_map(String::from),
        1 => "\\PC{1,8}",
        1 => (select(MARKS), 1..300usize).prop_map(|(m, n)| m.repeat(n)),
        1 => (select(BREAKS), 1..200usize).prop_map(|(b, n)| b.repeat(n)),
        1 => (select(&["“a ", "a” ", "’s ", "\n“x", ", he said, “", "'' ``"][..]), 1..100usize)
            .prop_map(|(p, n)| p.repeat(n)),
    ]
}

/// A text of pieces, biased toward marks, cue words and breaks.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|pieces| pieces.concat())
}

/// A text like news, with the same pieces mixed in: sentences of words
/// with quotes around some of them, so that cues and speakers are found.
fn newsish() -> impl Strategy<Value = String> {
    let sentence = (
        select(MARKS),
        prop::collection::vec(select(WORDS), 1..8),
        select(&[",", ".", "?", "!", "", " —"][..]),
        select(MARKS),
        select(
            &[
                " he said.",
                " said Jane Doe.",
                " she told reporters.",
                " the minister said.",
                "",
                "\n",
            ][..],
        ),
    )
        .prop_map(|(open, words, end, close, cue)| format!("{open}{}{end}{close}{cue} ", words.join(" ")));
    let part = prop_oneof![3 => sentence, 1 => piece()];
    prop::collection::vec(part, 0..40).prop_map(|parts| parts.concat())
}

/// Arbitrary valid builder settings, the extra verb included.
fn settings() -> impl Strategy<Value = Settings> {
    let bar = prop_oneof![Just(0.0f32), Just(1.0f32), 0.0f32..=1.0];
    let verb = prop_oneof![
        select(VERBS).prop_map(String::from),
        select(WORDS).prop_filter_map("not one word", |w| valid_verb(w).then(|| w.to_string())),
        "[\\p{Alphabetic}-]{1,12}",
    ];
    (any::<[bool; 6]>(), bar, prop::option::of(verb)).prop_map(|(flags, min_confidence, verb)| Settings {
        resolve_pronouns: flags[0],
        resolve_descriptions: flags[1],
        carry_speakers: flags[2],
        speech_only: flags[3],
        find_speakers: flags[4],
        reported_speech: flags[5],
        min_confidence,
        verb,
    })
}

/// The quotes in marks and the reported speech of an answer, apart.
fn split_reported<'h>(quotes: &[Quote<'h>]) -> (Vec<Quote<'h>>, Vec<Quote<'h>>) {
    quotes.iter().cloned().partition(|q| q.kind() != QuoteKind::Indirect)
}

/// Whether the builder takes `verb` as a reporting verb: one word of
/// letters and hyphens, white space around it aside.
fn valid_verb(verb: &str) -> bool {
    let word = verb.trim();
    !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Extracts with `settings`, checks the invariants and that a second run
/// gives the same answer.
fn check_settings(text: &str, settings: &Settings) {
    let extractor = settings.extractor();
    let quotes = extractor.extract(text);
    check(text, &quotes, settings);
    assert_eq!(quotes, extractor.extract(text), "not deterministic");
}

proptest! {
    #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

    #[test]
    fn biased_texts_keep_the_invariants(text in text()) {
        check_settings(&text, &Settings::default());
    }

    #[test]
    fn newsish_texts_keep_the_invariants(text in newsish(), settings in settings()) {
        check_settings(&text, &settings);
    }

    #[test]
    fn any_settings_keep_the_invariants(text in text(), settings in settings()) {
        check_settings(&text, &settings);
    }

    #[test]
    fn arbitrary_strings_keep_the_invariants(text in any::<String>(), settings in settings()) {
        check_settings(&text, &settings);
    }

    #[test]
    fn arbitrary_chars_keep_the_invariants(chars in prop::collection::vec(any::<char>(), 0..300)) {
        let text: String = chars.into_iter().collect();
        check_settings(&text, &Settings::default());
    }

    /// Runs of one mark or one break, alone or between words: the bounded
    /// searches of the crate docs keep these linear and panic-free.
    #[test]
    fn long_runs_keep_the_invariants(
        runs in prop::collection::vec(
            (prop_oneof![select(MARKS), select(BREAKS), select(WORDS)], 1..2_000usize),
            1..4,
        ),
        settings in settings(),
    ) {
        let text: String = runs.iter().map(|(p, n)| p.repeat(*n)).collect::<Vec<_>>().join(" ");
        check_settings(&text, &settings);
    }

    /// What the fuzz target does, on arbitrary bytes (mostly not UTF-8)
    /// and on generated text behind settings bytes.
    #[test]
    fn fuzz_inputs_keep_the_invariants(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        run_fuzz_input(&bytes);
    }

    #[test]
    fn fuzz_inputs_of_text_keep_the_invariants(head in any::<[u8; 2]>(), text in text()) {
        run_fuzz_input(&[&head[..], text.as_bytes()].concat());
    }

    /// Byte offsets on char boundaries convert to the number of chars
    /// before them; offsets inside a char count as its start; offsets past
    /// the end clamp to the end.
    #[test]
    fn char_offsets_count_the_chars_before(text in text()) {
        let offsets = CharOffsets::new(&text);
        let total = text.chars().count();
        for byte in 0..=text.len() + 4 {
            let expected = if byte >= text.len() {
                total
            } else {
                let start = (0..=byte).rev().find(|&b| text.is_char_boundary(b)).unwrap();
                text[..start].chars().count()
            };
            prop_assert_eq!(offsets.char_offset(byte), expected, "byte {}", byte);
        }
    }

    /// `speech_only` only drops the scare quotes and titles: the speech
    /// left is what the same settings give without it.
    #[test]
    fn speech_only_drops_only_scare_quotes_and_titles(text in newsish(), settings in settings()) {
        let all = Settings { speech_only: false, ..settings.clone() }.extractor();
        let speech = Settings { speech_only: true, ..settings }.extractor();
        let mut expected = all.extract(&text);
        expected.retain(|q| q.kind().is_speech());
        prop_assert_eq!(speech.extract(&text), expected);
    }

    /// A confidence bar only takes speakers away (and with them the
    /// reported speech, which is kept only with its speaker): the same
    /// quotes in marks, kinds and cues, and each speaker left is one found
    /// without the bar.
    #[test]
    fn a_confidence_bar_only_removes_speakers(text in newsish(), settings in settings()) {
        let free = Settings { min_confidence: 0.0, ..settings.clone() }.extractor().extract(&text);
        let barred = settings.extractor().extract(&text);
        let (free_marked, free_reported) = split_reported(&free);
        let (barred_marked, barred_reported) = split_reported(&barred);
        prop_assert_eq!(free_marked.len(), barred_marked.len());
        for (f, b) in free_marked.iter().zip(&barred_marked) {
            prop_assert_eq!((f.span(), f.content(), f.kind(), f.cue()), (b.span(), b.content(), b.kind(), b.cue()));
            if let Some(s) = b.speaker() {
                prop_assert_eq!(Some(s), f.speaker());
            }
        }
        for b in &barred_reported {
            prop_assert!(free_reported.contains(b), "reported speech {:?} not found without the bar", b.as_str());
        }
    }

    /// Speakers are found for the quotes, not the other way round: the
    /// speaker settings change no span or content part of a quote in
    /// marks.
    #[test]
    fn speaker_settings_do_not_move_quotes(text in newsish(), settings in settings()) {
        let spans = |settings: Settings| -> Vec<_> {
            let extractor = Settings { speech_only: false, ..settings }.extractor();
            let quotes = extractor.extract(&text);
            split_reported(&quotes).0.iter().map(|q| (q.span(), q.content().to_vec())).collect::<Vec<_>>()
        };
        let without = spans(Settings { find_speakers: false, ..Settings::default() });
        prop_assert_eq!(spans(settings), without);
    }

    /// Reported speech only adds quotes: with it off, the quotes in marks
    /// and their speakers are the same.
    #[test]
    fn reported_speech_only_adds_quotes(text in newsish(), settings in settings()) {
        let on = Settings { reported_speech: true, ..settings.clone() }.extractor().extract(&text);
        let off = Settings { reported_speech: false, ..settings }.extractor().extract(&text);
        prop_assert_eq!(split_reported(&on).0, off);
    }

    /// The builder takes exactly the documented settings: a reporting verb
    /// of letters and hyphens, a confidence bar in [0, 1].
    #[test]
    fn the_builder_refuses_exactly_the_invalid_settings(
        verb in prop_oneof![any::<String>(), select(WORDS).prop_map(String::from), " ?[a-z-]{0,6} ?"],
        bar in prop_oneof![any::<f32>(), -0.5f32..1.5],
    ) {
        let mut builder = ExtractorBuilder::new();
        builder.reporting_verb(&verb).min_confidence(bar);
        let valid = valid_verb(&verb) && (0.0..=1.0).contains(&bar);
        prop_assert_eq!(builder.build().is_ok(), valid, "verb {:?}, bar {}", verb, bar);
    }
}

/// The defaults of `Settings` are those of `Extractor::new`.
#[test]
fn default_settings_are_the_extractor_defaults() {
    let text = "Mayor Dan Okoye spoke.\n“It will change how this city moves,” he said. The ‘tram tax’ is gone.";
    assert_eq!(
        Settings::default().extractor().extract(text),
        Extractor::new().extract(text)
    );
}
