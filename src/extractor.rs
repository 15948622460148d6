//! The extractor and its builder: the pipeline's front door.

use std::collections::HashSet;
use std::sync::Arc;

use crate::error::{Error, ErrorKind};
use crate::types::Quote;
use crate::{quotes, speakers, tokenize};

/// The longest text the stages read in one piece: their token offsets are
/// `u32`s (a long text has millions of tokens, and smaller tokens are
/// faster). Longer texts are read in pieces.
const MAX_PIECE_BYTES: usize = u32::MAX as usize;

/// Where the piece of `text` that starts at `start` ends: after the last
/// line break within `max` bytes, else at the last `char` boundary within
/// them (one line longer than `max`).
fn piece_end(text: &str, start: usize, max: usize) -> usize {
    if text.len() - start <= max {
        return text.len();
    }
    let mut limit = start + max;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    match text[start..limit].rfind('\n') {
        Some(k) if k > 0 => start + k + 1,
        _ => limit.max(start + text[start..].chars().next().map_or(1, char::len_utf8)),
    }
}

/// Settings shared by the stages. Built once, shared by every clone of an
/// [`Extractor`].
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// Reporting verbs added by the user, lower-cased, beside the built-in
    /// list.
    pub(crate) extra_verbs: HashSet<String>,
    pub(crate) resolve_pronouns: bool,
    pub(crate) resolve_descriptions: bool,
    pub(crate) carry_speakers: bool,
    pub(crate) speech_only: bool,
    /// Attributions less sure than this are dropped.
    pub(crate) min_confidence: f32,
    /// Whether stage 3 runs at all.
    pub(crate) find_speakers: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            extra_verbs: HashSet::new(),
            resolve_pronouns: true,
            resolve_descriptions: true,
            carry_speakers: true,
            speech_only: false,
            min_confidence: 0.0,
            find_speakers: true,
        }
    }
}

/// Finds quotations and their speakers in English news text.
///
/// Build it once and share it: it is cheap to clone (the settings are
/// reference-counted) and can be used from many threads at once.
///
/// ```
/// let extractor = whosaid::Extractor::new();
/// let quotes = extractor.extract("“Prices will fall,” said Jane Doe, the bank's governor.");
/// assert_eq!(quotes[0].speaker().unwrap().name(), "Jane Doe");
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    config: Arc<Config>,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the English defaults.
    pub fn new() -> Extractor {
        Extractor {
            config: Arc::new(Config::default()),
        }
    }

    /// A builder to change the defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Every quotation in `text`, in the order of the text, with its kind
    /// and, for speech, its speaker when the text says who it is.
    ///
    /// Any text gives an answer, in time linear in its length. (A text
    /// over 4 GiB is read in pieces cut at line breaks; see the crate's
    /// limitations.)
    pub fn extract<'h>(&self, text: &'h str) -> Vec<Quote<'h>> {
        if text.len() > MAX_PIECE_BYTES {
            return self.extract_in_pieces(text, MAX_PIECE_BYTES);
        }
        self.extract_piece(text)
    }

    /// The pipeline over a text short enough for the stages' 32-bit
    /// offsets.
    fn extract_piece<'h>(&self, text: &'h str) -> Vec<Quote<'h>> {
        let tokens = tokenize::tokenize(text);
        let found = quotes::find(&tokens);
        let mut out = if self.config.find_speakers {
            speakers::attribute(&tokens, found, &self.config)
        } else {
            found.into_iter().map(|q| q.into_quote(text)).collect()
        };
        if self.config.speech_only {
            out.retain(|q| q.kind().is_speech());
        }
        out
    }

    /// A text longer than `max` bytes, in pieces of at most `max` bytes cut
    /// at line breaks (paragraph ends), each extracted on its own and its
    /// spans moved to the whole text. A quote, pronoun or speaker that runs
    /// across a cut is read as two; nothing is dropped.
    fn extract_in_pieces<'h>(&self, text: &'h str, max: usize) -> Vec<Quote<'h>> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let end = piece_end(text, start, max);
            for quote in self.extract_piece(&text[start..end]) {
                out.push(quote.moved_to(text, start));
            }
            start = end;
        }
        out
    }

    /// Like [`extract`](Extractor::extract), for bytes that should be
    /// UTF-8 text. Bytes that are not UTF-8 give an error rather than a
    /// partial answer.
    pub fn extract_bytes<'h>(&self, bytes: &'h [u8]) -> Result<Vec<Quote<'h>>, Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(self.extract(text)),
            Err(e) => Err(Error::new(ErrorKind::InvalidUtf8 {
                valid_up_to: e.valid_up_to(),
            })),
        }
    }
}

/// Builds an [`Extractor`] with settings other than the defaults.
///
/// ```
/// let extractor = whosaid::Extractor::builder()
///     .reporting_verb("quipped")
///     .speech_only(true)
///     .build()
///     .unwrap();
/// let quotes = extractor.extract("“Not today,” Jo Bloggs quipped.");
/// assert_eq!(quotes[0].speaker().unwrap().name(), "Jo Bloggs");
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    config: Config,
    invalid: Option<Error>,
}

impl ExtractorBuilder {
    /// A builder with the defaults of [`Extractor::new`].
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Builds the extractor, or says which setting is invalid.
    pub fn build(&self) -> Result<Extractor, Error> {
        if let Some(e) = &self.invalid {
            return Err(e.clone());
        }
        Ok(Extractor {
            config: Arc::new(self.config.clone()),
        })
    }

    /// Adds a reporting verb (one word form, such as `quipped`) to the
    /// built-in list. Each form to be recognised is added on its own.
    pub fn reporting_verb(&mut self, verb: &str) -> &mut ExtractorBuilder {
        let word = verb.trim();
        if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            self.invalid.get_or_insert(Error::new(ErrorKind::InvalidWord {
                setting: "reporting_verb",
                word: verb.to_string(),
            }));
        } else {
            self.config.extra_verbs.insert(word.to_lowercase());
        }
        self
    }

    /// Whether `he`, `she`, `they` and `it` next to a cue are followed back
    /// to a person or body named earlier (default: yes). When off, a quote
    /// cued by a pronoun has no speaker.
    pub fn resolve_pronouns(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.resolve_pronouns = yes;
        self
    }

    /// Whether descriptions such as `the Foreign Secretary` are followed
    /// back to the person they stand for (default: yes). When off, the
    /// description is the speaker's name.
    pub fn resolve_descriptions(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.resolve_descriptions = yes;
        self
    }

    /// Whether a quote paragraph with no cue of its own continues the
    /// speaker of the quote before it (default: yes).
    pub fn carry_speakers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.carry_speakers = yes;
        self
    }

    /// Drops attributions whose [confidence](crate::Speaker::confidence) is
    /// below `bar` (default 0: keep all): their quotes get no speaker. A
    /// higher bar trades recall for precision; the README gives the effect
    /// of a few bars on annotated news. A bar outside [0, 1] is an error.
    pub fn min_confidence(&mut self, bar: f32) -> &mut ExtractorBuilder {
        if (0.0..=1.0).contains(&bar) {
            self.config.min_confidence = bar;
        } else {
            self.invalid.get_or_insert(Error::new(ErrorKind::InvalidSetting {
                setting: "min_confidence",
                reason: "must be between 0 and 1",
            }));
        }
        self
    }

    /// Whether speakers are found (default: yes). Without them extraction
    /// stops after the quote spans: each quote has its span, content and
    /// kind as the marks and the words around them say (a short fragment
    /// nobody is reported to say stays `Mixed`), and no cue or speaker. It
    /// is several times faster.
    pub fn find_speakers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.find_speakers = yes;
        self
    }

    /// Whether scare quotes and titles are left out of the results
    /// (default: no, they are reported with their kind).
    pub fn speech_only(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.speech_only = yes;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Extractor>();
    }

    #[test]
    fn bad_verb_is_an_error() {
        let err = Extractor::builder()
            .reporting_verb("said out loud")
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidWord { .. }));
        assert!(Extractor::builder().reporting_verb("").build().is_err());
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let err = Extractor::new().extract_bytes(b"ok \xff").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { valid_up_to: 3 });
    }

    /// A text read in small pieces gives the quotes of the whole text, with
    /// spans in the whole text, when no quote runs across a cut.
    #[test]
    fn long_text_in_pieces_keeps_spans_in_the_whole_text() {
        let text = "“The harbour will reopen,” said Ann Ruiz.\n\
                    Tom Reilly disagreed: “It will not reopen this year.”\n\
                    “We have no money,” said the mayor’s spokesman.\n";
        let extractor = Extractor::new();
        let whole = extractor.extract(text);
        // Every line is a piece of its own.
        let pieces = extractor.extract_in_pieces(text, 70);
        let show = |qs: &[Quote<'_>]| -> Vec<(String, Option<String>, Option<String>)> {
            qs.iter()
                .map(|q| {
                    let speaker = q.speaker();
                    (
                        q.as_str().to_string(),
                        speaker.map(|s| s.mention_str().to_string()),
                        q.cue().map(|c| text[c.range()].to_string()),
                    )
                })
                .collect()
        };
        assert_eq!(show(&pieces), show(&whole));
        assert_eq!(pieces.len(), 3);
    }

    #[test]
    fn pieces_end_at_line_breaks_or_char_boundaries() {
        let text = "ab\ncd\nef";
        assert_eq!(piece_end(text, 0, 4), 3);
        assert_eq!(piece_end(text, 3, 4), 6);
        assert_eq!(piece_end(text, 6, 4), 8);
        // One line longer than a piece: cut at a char boundary.
        let text = "ééééé";
        assert_eq!(piece_end(text, 0, 3), 2);
    }
}
