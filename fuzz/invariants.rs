//! The invariants every extraction keeps, whatever the text and the
//! settings. One copy, shared by the fuzz target (`fuzz_targets/extract.rs`)
//! and the tests that replay or generate inputs (`tests/properties.rs`,
//! `tests/regressions.rs`), which include this file with `#[path]`.
//!
//! A violation panics (`assert!`), so that the fuzzer records it as a crash
//! and a test fails on it.

use whosaid::{Attribution, CharOffsets, ErrorKind, Extractor, Quote, QuoteKind, Span};

/// Reporting verbs the fuzz target can add to the built-in list (all valid
/// for [`whosaid::ExtractorBuilder::reporting_verb`]).
pub const VERBS: &[&str] = &["quipped", "Mused", "x-rayed", "said", "he", "rétorqua", "a"];

/// The builder settings an input runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub resolve_pronouns: bool,
    pub resolve_descriptions: bool,
    pub carry_speakers: bool,
    pub speech_only: bool,
    pub find_speakers: bool,
    pub reported_speech: bool,
    /// In [0, 1].
    pub min_confidence: f32,
    /// An extra reporting verb, valid for the builder.
    pub verb: Option<String>,
}

impl Default for Settings {
    /// The defaults of [`Extractor::new`].
    fn default() -> Settings {
        Settings {
            resolve_pronouns: true,
            resolve_descriptions: true,
            carry_speakers: true,
            speech_only: false,
            find_speakers: true,
            reported_speech: true,
            min_confidence: 0.0,
            verb: None,
        }
    }
}

impl Settings {
    /// The settings a fuzz input starts with, and the rest of it. The first
    /// byte's bits turn defaults off (bit 0 pronouns, 1 descriptions, 2
    /// carrying speakers, 4 finding speakers, 7 reported speech) or on
    /// (bit 3 speech only); bits 5 and 6 pick an extra verb (0: none); the
    /// second byte is the
    /// confidence bar in 255ths. So `\0\0` then text runs the defaults.
    /// Inputs shorter than two bytes run the defaults on the whole input.
    pub fn from_fuzz_input(data: &[u8]) -> (Settings, &[u8]) {
        let [flags, bar, text @ ..] = data else {
            return (Settings::default(), data);
        };
        let verb = usize::from((flags >> 5) & 3);
        let settings = Settings {
            resolve_pronouns: flags & 1 == 0,
            resolve_descriptions: flags & 2 == 0,
            carry_speakers: flags & 4 == 0,
            speech_only: flags & 8 != 0,
            find_speakers: flags & 16 == 0,
            reported_speech: flags & 128 == 0,
            min_confidence: f32::from(*bar) / 255.0,
            verb: verb.checked_sub(1).map(|i| VERBS[i % VERBS.len()].to_string()),
        };
        (settings, text)
    }

    /// The extractor with these settings. Panics when the builder refuses
    /// them: every `Settings` value made here is valid.
    pub fn extractor(&self) -> Extractor {
        let mut builder = Extractor::builder();
        builder
            .resolve_pronouns(self.resolve_pronouns)
            .resolve_descriptions(self.resolve_descriptions)
            .carry_speakers(self.carry_speakers)
            .speech_only(self.speech_only)
            .find_speakers(self.find_speakers)
            .reported_speech(self.reported_speech)
            .min_confidence(self.min_confidence);
        if let Some(verb) = &self.verb {
            builder.reporting_verb(verb);
        }
        match builder.build() {
            Ok(extractor) => extractor,
            Err(e) => panic!("valid settings {self:?} refused: {e}"),
        }
    }
}

/// What the fuzz target does with one input: the settings from its first
/// bytes, then the rest as bytes (`extract_bytes`) and as lossily decoded
/// text (`extract`), checking [`check`] and that a second run gives the
/// same answer.
pub fn run_fuzz_input(data: &[u8]) {
    let (settings, bytes) = Settings::from_fuzz_input(data);
    let extractor = settings.extractor();
    match (extractor.extract_bytes(bytes), std::str::from_utf8(bytes)) {
        (Ok(quotes), Ok(text)) => {
            check(text, &quotes, &settings);
            assert_eq!(quotes, extractor.extract(text), "extract_bytes and extract differ");
        }
        (Err(e), Err(utf8)) => assert_eq!(
            e.kind(),
            &ErrorKind::InvalidUtf8 {
                valid_up_to: utf8.valid_up_to()
            }
        ),
        (Ok(_), Err(_)) => panic!("extract_bytes accepted bytes that are not UTF-8"),
        (Err(e), Ok(_)) => panic!("extract_bytes refused UTF-8: {e}"),
    }
    let text = String::from_utf8_lossy(bytes);
    let quotes = extractor.extract(&text);
    check(&text, &quotes, &settings);
    assert_eq!(quotes, extractor.extract(&text), "not deterministic");
    // A second extractor with the same settings agrees too (no state kept
    // between calls or between extractors).
    assert_eq!(quotes, settings.extractor().extract(&text), "another extractor differs");
}

/// Checks one answer: every span (quote, content parts, cue, speaker
/// mention) on `char` boundaries and inside the text, with
/// [`CharOffsets`] agreeing with counting the chars before it; content
/// parts inside their quote and in order; quote, cue and mention spans
/// not empty; quotes in text order, none overlapping the next; speakers
/// only on speech, with a name and a confidence in [0, 1] at or above the
/// bar; no cue or speaker without speaker finding; only speech with
/// `speech_only`; reported speech only when on, always with its cue and
/// speaker.
pub fn check(text: &str, quotes: &[Quote<'_>], settings: &Settings) {
    let offsets = CharOffsets::new(text);
    // chars_before[b]: `text[..b].chars().count()` for each char boundary b.
    let mut chars_before = vec![usize::MAX; text.len() + 1];
    for (n, (b, _)) in text.char_indices().enumerate() {
        chars_before[b] = n;
    }
    chars_before[text.len()] = text.chars().count();
    let span_ok = |what: &str, q: usize, s: Span| {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "quote {q}: {what} {s:?} outside the text ({} bytes)",
            text.len()
        );
        // Only a content part may be empty (`“”`).
        assert!(
            what == "content part" || !s.is_empty(),
            "quote {q}: {what} {s:?} is empty"
        );
        for b in [s.start, s.end] {
            assert!(
                text.is_char_boundary(b),
                "quote {q}: {what} {s:?}: byte {b} not on a char boundary"
            );
            assert_eq!(
                offsets.char_offset(b),
                chars_before[b],
                "quote {q}: {what} {s:?}: CharOffsets wrong at byte {b}"
            );
        }
    };
    for (i, q) in quotes.iter().enumerate() {
        let span = q.span();
        span_ok("span", i, span);
        assert_eq!(q.as_str(), &text[span.range()]);
        let mut after = span.start;
        for part in q.content() {
            span_ok("content part", i, *part);
            assert!(
                span.contains(*part),
                "quote {i}: content {part:?} outside its span {span:?}"
            );
            assert!(
                after <= part.start,
                "quote {i}: content parts {:?} overlap or out of order",
                q.content()
            );
            after = part.end;
        }
        assert_eq!(q.content_strs().count(), q.content().len());
        if let Some(cue) = q.cue() {
            span_ok("cue", i, cue);
            assert_eq!(q.cue_str(), Some(&text[cue.range()]));
            assert!(settings.find_speakers, "quote {i}: a cue without speaker finding");
        }
        if settings.speech_only {
            assert!(q.kind().is_speech(), "quote {i}: {} with speech_only", q.kind());
        }
        if q.kind() == QuoteKind::Indirect {
            // Reported speech is found by its cue, and kept with its speaker.
            assert!(
                settings.reported_speech && settings.find_speakers,
                "quote {i}: reported speech with it off"
            );
            assert!(
                q.cue().is_some() && q.speaker().is_some(),
                "quote {i}: reported speech without cue or speaker"
            );
        }
        if let Some(s) = q.speaker() {
            assert!(settings.find_speakers, "quote {i}: a speaker without speaker finding");
            assert!(q.kind().is_speech(), "quote {i}: a speaker on a {} quote", q.kind());
            span_ok("speaker mention", i, s.mention());
            assert_eq!(s.mention_str(), &text[s.mention().range()]);
            match s.name() {
                Some(name) => assert!(!name.is_empty(), "quote {i}: a speaker with an empty name"),
                // Only a pronoun (or the continuation of one) leaves a
                // speaker without a name.
                None => assert!(
                    matches!(s.attribution(), Attribution::Pronoun | Attribution::Continuation),
                    "quote {i}: a {} speaker without a name",
                    s.attribution()
                ),
            }
            let c = s.confidence();
            assert!((0.0..=1.0).contains(&c), "quote {i}: confidence {c} outside [0, 1]");
            assert!(
                c >= settings.min_confidence,
                "quote {i}: confidence {c} below the bar {}",
                settings.min_confidence
            );
        }
    }
    // A quote inside a quote is part of the outer one: no two overlap, but
    // for a clause of reported speech, which may hold a quote in marks
    // that is not speech (`said the ‘bridge tax’ would go`).
    for (i, pair) in quotes.windows(2).enumerate() {
        let holds_non_speech = pair[0].kind() == QuoteKind::Indirect
            && !pair[1].kind().is_speech()
            && pair[1].span().end <= pair[0].span().end;
        assert!(
            pair[0].span().end <= pair[1].span().start || holds_non_speech,
            "quotes {i} {:?} and {} {:?} overlap or are out of text order",
            pair[0].span(),
            i + 1,
            pair[1].span()
        );
        assert!(
            pair[0].span().start <= pair[1].span().start,
            "quotes {i} and {} are out of text order",
            i + 1
        );
    }
}
