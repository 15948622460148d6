//! The extractor and its builder: the pipeline's front door.

use std::sync::Arc;

use crate::error::{Error, ErrorKind};
use crate::types::Quote;
use crate::{quotes, speakers, tokenize};

/// The longest text the stages read in one piece: their token offsets are
/// `u32`s (a long text has millions of tokens, and smaller tokens are
/// faster). Longer texts are read in pieces.
const MAX_PIECE_BYTES: usize = tokenize::MAX_TEXT_BYTES;

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

/// The buffers of the pipeline's stages (tokens, word forms and classes),
/// kept from one text to the next on the same thread (each stage empties
/// them as it fills them): a text reuses their memory instead of allocating its own, and a long text
/// finds its pages in place instead of having the system map and clear
/// them again.
#[derive(Debug, Default)]
struct Scratch {
    tokens: tokenize::TokenVecs,
    speakers: speakers::SpeakerVecs,
}

/// The most memory a thread keeps between texts (about ten bytes of
/// buffers a byte of text: what a text of 40 MB leaves). A longer
/// text's buffers are freed after it, so that one huge text does not leave
/// a thread holding gigabytes.
///
/// Measured on 42.5 MB of news (the PolNeAR train texts, joined and
/// repeated): `Scratch::bytes()` after it was 10.30 bytes a byte of text
/// (`WHOSAID_LONG_TEXT=file cargo test --release --lib -- --nocapture
/// buffers_per_byte`; without the variable the test reads 1 MB of
/// invented news, and fails above 12 bytes a byte). Most of it: the
/// tokens (12 bytes each, room for one every 4 bytes of text), each
/// token's lower-cased form (16 bytes: a slice; without them 7.38 bytes
/// a byte, but every question of a form then slices the text with the
/// checks of a `&str`, and the pipeline read 4% slower), the lower-cased
/// copy of the text, and the word classes (8 bytes a token).
const MAX_KEPT_BYTES: usize = 400 << 20;

impl Scratch {
    /// Frees the buffers if they hold more than `max` bytes.
    fn keep_at_most(&mut self, max: usize) {
        if self.bytes() > max {
            *self = Scratch::default();
        }
    }

    fn bytes(&self) -> usize {
        self.tokens.bytes() + self.speakers.bytes()
    }
}

thread_local! {
    /// The calling thread's [`Scratch`]: the library starts no threads, and
    /// a thread reads one text at a time.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Settings shared by the stages. Built once, shared by every clone of an
/// [`Extractor`].
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The speaker stage's own settings.
    pub(crate) speakers: speakers::Options,
    /// Whether quotes that are not speech (scare quotes, titles) are left
    /// out of the results.
    pub(crate) speech_only: bool,
    /// Whether stage 3 runs at all.
    pub(crate) find_speakers: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            speakers: speakers::Options::default(),
            speech_only: false,
            find_speakers: true,
        }
    }
}

/// Finds quotations and their speakers in English news text.
///
/// Build it once and share it: it is cheap to clone (the settings are
/// reference-counted) and can be used from many threads at once.
///
/// Each thread keeps the buffers of the texts it has read for the next
/// one: about ten bytes a byte of the longest text, up to
/// 400 MiB (a longer text's are freed after it).
///
/// ```
/// let extractor = whosaid::Extractor::new();
/// let quotes = extractor.extract("“Prices will fall,” said Jane Doe, the bank's governor.");
/// assert_eq!(quotes[0].speaker().unwrap().name(), Some("Jane Doe"));
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
        // The thread's buffers, unless they are in use (or gone, as the
        // thread ends): then buffers of this text's own.
        let reused = SCRATCH.try_with(|cell| {
            let mut scratch = cell.try_borrow_mut().ok()?;
            let out = self.extract_piece_in(text, &mut scratch);
            scratch.keep_at_most(MAX_KEPT_BYTES);
            Some(out)
        });
        match reused {
            Ok(Some(out)) => out,
            _ => self.extract_piece_in(text, &mut Scratch::default()),
        }
    }

    fn extract_piece_in<'h>(&self, text: &'h str, scratch: &mut Scratch) -> Vec<Quote<'h>> {
        let tokens = tokenize::tokenize_reusing(text, std::mem::take(&mut scratch.tokens));
        let found = quotes::find(&tokens);
        let mut out = if self.config.find_speakers {
            speakers::attribute(&tokens, found, &self.config.speakers, &mut scratch.speakers)
        } else {
            found.into_iter().map(|q| q.into_quote(text)).collect()
        };
        scratch.tokens = tokens.into_vecs();
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
/// assert_eq!(quotes[0].speaker().unwrap().name(), Some("Jo Bloggs"));
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
            self.config.speakers.extra_verbs.insert(word.to_lowercase());
        }
        self
    }

    /// Whether `he`, `she`, `they` and `it` next to a cue are followed back
    /// to a person or body named earlier (default: yes). When off, a quote
    /// cued by a pronoun has a speaker whose mention is the pronoun and
    /// whose [`name`](crate::Speaker::name) is `None`.
    pub fn resolve_pronouns(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.speakers.resolve_pronouns = yes;
        self
    }

    /// Whether descriptions such as `the Foreign Secretary` are followed
    /// back to the person they stand for (default: yes). When off, the
    /// description is the speaker's name.
    pub fn resolve_descriptions(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.speakers.resolve_descriptions = yes;
        self
    }

    /// Whether a quote paragraph with no cue of its own continues the
    /// speaker of the quote before it (default: yes).
    pub fn carry_speakers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.speakers.carry_speakers = yes;
        self
    }

    /// Drops attributions whose [confidence](crate::Speaker::confidence) is
    /// below `bar` (default 0: keep all): their quotes get no speaker. A
    /// higher bar trades recall for precision; the README gives the effect
    /// of a few bars on annotated news. A bar outside [0, 1] is an error.
    pub fn min_confidence(&mut self, bar: f32) -> &mut ExtractorBuilder {
        if (0.0..=1.0).contains(&bar) {
            self.config.speakers.min_confidence = bar;
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

    /// Whether reported speech without quotation marks is found (default:
    /// yes): the clause a cue reports, as a quote of kind
    /// [`Indirect`](crate::QuoteKind::Indirect) with its cue and speaker
    /// (`Police said a man had been arrested.`, `The talks collapsed,
    /// officials said.`, `According to officials, the talks collapsed.`).
    /// Off, only quotes in marks are found, and a text without marks is
    /// read faster (the README gives the figures); the quotes in marks and
    /// their speakers are the same either way.
    pub fn reported_speech(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.speakers.reported_speech = yes;
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

    /// An article with speech, names and pronouns, `n` paragraphs long.
    fn article(n: usize) -> String {
        let paragraphs = [
            "“We will build the bridge by spring,” said Mayor Ada Quill on Tuesday.",
            "Quill said the council had found the money. “It is done,” she added.",
            "The plan was “a fantasy”, according to Ben Ortiz, who leads the opposition.",
            "“Nobody believes it,” Ortiz told reporters. He said the town’s debts were high.",
        ];
        (0..n)
            .map(|i| paragraphs[i % paragraphs.len()])
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The quotes as text, for comparing runs.
    fn summary(quotes: &[Quote<'_>]) -> Vec<String> {
        quotes.iter().map(|q| format!("{q:?}")).collect()
    }

    #[test]
    fn a_text_reads_the_same_in_buffers_an_earlier_text_left() {
        let extractor = Extractor::new();
        let (long, short) = (article(40), article(3));
        // On a thread of its own: buffers that no text has used.
        let fresh = std::thread::spawn({
            let (extractor, short) = (extractor.clone(), short.clone());
            move || summary(&extractor.extract(&short))
        })
        .join()
        .unwrap();
        // Here, after a longer text and a text without speech.
        extractor.extract(&long);
        extractor.extract("No quotes here. None at all.");
        let reused = summary(&extractor.extract(&short));
        assert_eq!(reused, fresh);
        assert!(!fresh.is_empty());
    }

    #[test]
    fn buffers_are_kept_for_the_next_text_up_to_the_limit() {
        let extractor = Extractor::new();
        let text = article(20);
        let mut scratch = Scratch::default();
        extractor.extract_piece_in(&text, &mut scratch);
        let kept = scratch.bytes();
        assert!(kept > text.len(), "{kept} bytes kept for {} of text", text.len());
        scratch.keep_at_most(kept);
        assert_eq!(scratch.bytes(), kept);
        scratch.keep_at_most(kept - 1);
        assert_eq!(scratch.bytes(), 0);
    }

    /// The buffers a thread keeps after a long text are about ten bytes a
    /// byte of it (the figure in [`MAX_KEPT_BYTES`]'s doc, which it keeps
    /// honest): on invented news repeated to 1 MB, or on the file that
    /// `WHOSAID_LONG_TEXT` names (`WHOSAID_LONG_TEXT=file cargo test
    /// --release --lib -- --nocapture buffers_per_byte`).
    #[test]
    fn buffers_per_byte_of_a_long_text() {
        let text = match std::env::var("WHOSAID_LONG_TEXT") {
            Ok(path) => std::fs::read_to_string(path).expect("WHOSAID_LONG_TEXT names a text file"),
            Err(_) => {
                let paragraph = "Harbour councillor Ann Ruiz said on Tuesday the bridge would \
                    close. \u{201c}We have waited long enough,\u{201d} she said. The mayor, \
                    Tom Vale, told reporters the repairs would cost $4 million.\n\n";
                paragraph.repeat((1 << 20) / paragraph.len())
            }
        };
        let mut scratch = Scratch::default();
        Extractor::new().extract_piece_in(&text, &mut scratch);
        let per_byte = scratch.bytes() as f64 / text.len() as f64;
        println!(
            "{} bytes of text, {} of buffers: {per_byte:.2} a byte",
            text.len(),
            scratch.bytes()
        );
        // (Invented news of short words has more tokens a byte than real
        // news: 11.0 bytes a byte against 10.3. A new buffer of a few bytes
        // a token would go over the bar.)
        assert!(per_byte <= 12.0, "{per_byte:.2} bytes of buffers a byte of text");
    }

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
