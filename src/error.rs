//! The crate's one error type.

use std::fmt;

/// An error from building an [`Extractor`](crate::Extractor) or from input
/// that is not text.
///
/// Extraction from a `&str` cannot fail; errors come only from settings
/// that make no sense and from bytes that are not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

/// What went wrong, in an [`Error`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// A word given to the builder (a reporting verb, say) is empty or is
    /// not a single word.
    InvalidWord {
        /// The setting the word was given to.
        setting: &'static str,
        /// The word as given.
        word: String,
    },
    /// A setting's value is out of its range.
    InvalidSetting {
        /// The setting.
        setting: &'static str,
        /// What its values must be.
        reason: &'static str,
    },
    /// The input is not UTF-8: the first `valid_up_to` bytes are.
    InvalidUtf8 {
        /// How many bytes from the start are valid UTF-8.
        valid_up_to: usize,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::InvalidWord { setting, word } => {
                write!(f, "{setting}: {word:?} is not a single word")
            }
            ErrorKind::InvalidSetting { setting, reason } => write!(f, "{setting}: {reason}"),
            ErrorKind::InvalidUtf8 { valid_up_to } => {
                write!(f, "invalid UTF-8 after byte {valid_up_to}")
            }
        }
    }
}
