//! Stage 1: paragraphs, sentences, words and quotation marks.
use crate::types::Span;

/// How a quotation mark is used.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkRole {
    /// Opens a quotation.
    Opening,
    /// Closes a quotation.
    Closing,
    /// Not a quotation mark here: an apostrophe (`don't`, `’90s`).
    Apostrophe,
}

/// A quotation mark character and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotationMark {
    /// Where the mark is.
    pub span: Span,
    /// How it is used.
    pub role: MarkRole,
}

/// The tokens of a text.
#[derive(Clone, Debug)]
pub struct Tokens<'h> {
    text: &'h str,
}

impl<'h> Tokens<'h> {
    /// The text.
    pub fn text(&self) -> &'h str {
        self.text
    }

    /// The paragraphs.
    pub fn paragraphs(&self) -> impl Iterator<Item = Span> + '_ {
        std::iter::empty()
    }

    /// The sentences.
    pub fn sentences(&self) -> impl Iterator<Item = Span> + '_ {
        std::iter::empty()
    }

    /// The words.
    pub fn words(&self) -> impl Iterator<Item = Span> + '_ {
        std::iter::empty()
    }

    /// The quotation marks.
    pub fn marks(&self) -> impl Iterator<Item = QuotationMark> + '_ {
        std::iter::empty()
    }
}

/// Tokenizes `text`.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text }
}
