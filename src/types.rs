//! The result types: spans, quotes, speakers and their kinds.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` in the text given to
/// [`Extractor::extract`](crate::Extractor::extract).
///
/// Both ends always lie on `char` boundaries, so `&text[span.range()]` never
/// panics for the text the span came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, to slice the text with.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The length of the span in bytes.
    #[inline]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies wholly inside this span.
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// What a pair of quotation marks holds.
///
/// [`Direct`](QuoteKind::Direct), [`Mixed`](QuoteKind::Mixed) and
/// [`Indirect`](QuoteKind::Indirect) quotes are speech and get a speaker;
/// the other kinds are reported so that a user can see what was set aside
/// and why.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum QuoteKind {
    /// One or more whole sentences in marks: `“We will win,” she said.`
    Direct,
    /// A quoted fragment inside reported speech:
    /// `warned the council it will have to “pay the price”`.
    Mixed,
    /// A term in marks that nobody is reported to have said:
    /// `in what are called “holding pens”`.
    #[cfg_attr(feature = "serde", serde(rename = "scare"))]
    ScareQuote,
    /// The title of a book, film, song, programme or the like:
    /// `the book ‘This Is Paris’`.
    Title,
    /// Reported speech without quotation marks: the clause a cue reports,
    /// `Police said [a man had been arrested].`, `[The talks collapsed],
    /// officials said.`, `According to officials, [the talks collapsed].`
    /// Found only when the builder's
    /// [`reported_speech`](crate::ExtractorBuilder::reported_speech) is on
    /// (the default), and only with its cue and speaker.
    Indirect,
}

impl QuoteKind {
    /// The kind's name as used in JSON output: `direct`, `mixed`, `scare`,
    /// `title` or `indirect`.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::ScareQuote => "scare",
            QuoteKind::Title => "title",
            QuoteKind::Indirect => "indirect",
        }
    }

    /// Whether quotes of this kind are reported speech (and so can have a
    /// speaker).
    pub const fn is_speech(self) -> bool {
        matches!(self, QuoteKind::Direct | QuoteKind::Mixed | QuoteKind::Indirect)
    }
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the speaker of a quote was found.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Attribution {
    /// A name stands next to the cue of the quote: `“…,” Jane Doe said.`
    Cue,
    /// A pronoun next to the cue (`he said`) was resolved to a person or
    /// body named earlier.
    Pronoun,
    /// A description next to the cue (`the Foreign Secretary said`) was
    /// resolved to the person or body it stands for, or kept as the name
    /// when the text never names them.
    Description,
    /// The quote has no cue of its own and continues the speaker of the
    /// quote before it.
    Continuation,
    /// The quote has no cue of its own, follows no quote it could continue,
    /// and is taken to be the words of the person the sentence before it
    /// is about: `Hardy was told she needed a kidney. “I was not ready.”`.
    /// The text does not say so in as many words: it is the least sure way
    /// of the five.
    Narration,
}

impl Attribution {
    /// The name used in JSON output: `cue`, `pronoun`, `description`,
    /// `continuation` or `narration`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Attribution::Cue => "cue",
            Attribution::Pronoun => "pronoun",
            Attribution::Description => "description",
            Attribution::Continuation => "continuation",
            Attribution::Narration => "narration",
        }
    }
}

impl fmt::Display for Attribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The person or body a quote is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker<'h> {
    pub(crate) haystack: &'h str,
    pub(crate) mention: Span,
    pub(crate) name: Option<String>,
    pub(crate) attribution: Attribution,
    pub(crate) confidence: f32,
}

impl<'h> Speaker<'h> {
    /// The canonical name: the fullest form of the name in the text, without
    /// titles or roles (`Jane Doe` for a quote cued by `Ms Doe said`). When
    /// the text never names the speaker, the description itself (`a
    /// spokesman for the ministry`).
    ///
    /// `None` when the mention is a pronoun that the text gives nothing to
    /// take up (`“…,” he said.` with no man named before), or that
    /// [`ExtractorBuilder::resolve_pronouns`](crate::ExtractorBuilder::resolve_pronouns)
    /// leaves unresolved: the quote has a speaker, whose words are
    /// [`mention_str`](Speaker::mention_str), but no name.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The words in the text that stand for the speaker at this quote: a
    /// name, a pronoun or a description next to the cue, or, for a
    /// [continuation](Attribution::Continuation), the mention that named the
    /// speaker of the earlier quote.
    pub fn mention(&self) -> Span {
        self.mention
    }

    /// The text of [`mention`](Speaker::mention).
    pub fn mention_str(&self) -> &'h str {
        &self.haystack[self.mention.range()]
    }

    /// How the speaker was found.
    pub fn attribution(&self) -> Attribution {
        self.attribution
    }

    /// How sure the attribution is, in [0, 1]: the share of attributions
    /// like it (same way of finding the speaker, side of the cue, kind and
    /// length of quote, kind of mention) that were right on annotated
    /// news. Among attributions of 0.9 or more, at least 95% were right.
    /// [`ExtractorBuilder::min_confidence`](crate::ExtractorBuilder::min_confidence)
    /// drops the attributions below a bar.
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
}

/// A quotation found in the text, borrowing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote<'h> {
    pub(crate) haystack: &'h str,
    pub(crate) span: Span,
    pub(crate) content: Vec<Span>,
    pub(crate) kind: QuoteKind,
    pub(crate) cue: Option<Span>,
    pub(crate) speaker: Option<Speaker<'h>>,
}

impl<'h> Quote<'h> {
    /// The quote found in a piece of `whole` that starts at byte `offset`,
    /// with its spans in `whole`.
    pub(crate) fn moved_to(self, whole: &'h str, offset: usize) -> Quote<'h> {
        let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
        Quote {
            haystack: whole,
            span: shift(self.span),
            content: self.content.into_iter().map(shift).collect(),
            kind: self.kind,
            cue: self.cue.map(shift),
            speaker: self.speaker.map(|s| Speaker {
                haystack: whole,
                mention: shift(s.mention),
                ..s
            }),
        }
    }

    /// The span of the quote, its quotation marks included. A quote that
    /// runs over paragraphs spans all of them.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The text of [`span`](Quote::span).
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.span.range()]
    }

    /// The spans of the quoted words, marks excluded: one for a quote in a
    /// single paragraph, one per paragraph for a quote that runs over
    /// paragraphs.
    pub fn content(&self) -> &[Span] {
        &self.content
    }

    /// The texts of [`content`](Quote::content), in order.
    pub fn content_strs(&self) -> impl Iterator<Item = &'h str> + '_ {
        self.content.iter().map(|s| &self.haystack[s.range()])
    }

    /// What the marks hold: speech, a scare quote or a title.
    pub fn kind(&self) -> QuoteKind {
        self.kind
    }

    /// The words that report the speech (`said`, `told reporters`,
    /// `according to`), when the quote has a cue of its own.
    pub fn cue(&self) -> Option<Span> {
        self.cue
    }

    /// The text of [`cue`](Quote::cue).
    pub fn cue_str(&self) -> Option<&'h str> {
        self.cue.map(|s| &self.haystack[s.range()])
    }

    /// Who said it, when the text says so. Scare quotes and titles never
    /// have a speaker; speech whose speaker the text does not make clear
    /// has none either, rather than a guess.
    pub fn speaker(&self) -> Option<&Speaker<'h>> {
        self.speaker.as_ref()
    }
}

/// With the `serde` feature, a speaker serializes as `{"name", "mention",
/// "mention_text", "attribution", "confidence"}`, spans in bytes, `name`
/// `null` for a speaker without one.
#[cfg(feature = "serde")]
impl serde::Serialize for Speaker<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Speaker", 5)?;
        s.serialize_field("name", &self.name())?;
        s.serialize_field("mention", &self.mention)?;
        s.serialize_field("mention_text", self.mention_str())?;
        s.serialize_field("attribution", &self.attribution)?;
        s.serialize_field("confidence", &self.confidence)?;
        s.end()
    }
}

/// With the `serde` feature, a quote serializes as `{"span", "text",
/// "content", "kind", "cue", "cue_text", "speaker"}`, spans in bytes.
#[cfg(feature = "serde")]
impl serde::Serialize for Quote<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Quote", 7)?;
        s.serialize_field("span", &self.span)?;
        s.serialize_field("text", self.as_str())?;
        s.serialize_field("content", &self.content)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("cue", &self.cue)?;
        s.serialize_field("cue_text", &self.cue_str())?;
        s.serialize_field("speaker", &self.speaker)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_basics() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(!s.is_empty());
        assert!(s.contains(Span::new(3, 5)));
        assert!(!s.contains(Span::new(1, 5)));
        assert_eq!(&"abcdefg"[s.range()], "cde");
        assert!(Span::new(4, 4).is_empty());
    }

    #[test]
    fn kind_names_are_the_json_names() {
        assert_eq!(QuoteKind::ScareQuote.as_str(), "scare");
        assert_eq!(QuoteKind::Direct.to_string(), "direct");
        assert!(QuoteKind::Mixed.is_speech());
        assert!(!QuoteKind::Title.is_speech());
        assert!(QuoteKind::Indirect.is_speech());
        assert_eq!(QuoteKind::Indirect.as_str(), "indirect");
        assert_eq!(Attribution::Continuation.as_str(), "continuation");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn quotes_serialize_with_kind_names() {
        let quotes = crate::Extractor::new().extract("“We will win,” said Jane Doe.");
        let json = serde_json::to_value(&quotes[0]).unwrap();
        assert_eq!(json["kind"], "direct");
        assert_eq!(json["text"], "“We will win,”");
        assert_eq!(json["speaker"]["name"], "Jane Doe");
        assert_eq!(json["speaker"]["attribution"], "cue");
        assert_eq!(json["span"]["start"], 0);
    }
}
