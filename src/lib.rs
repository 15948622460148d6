//! whosaid finds the quotations in news text and says who said them.
//!
//! DOCS-PLACEHOLDER

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod extractor;
mod lexicon;
mod offsets;
mod quotes;
mod speakers;
mod tokenize;
mod types;

pub use error::{Error, ErrorKind};
pub use extractor::{Extractor, ExtractorBuilder};
pub use offsets::CharOffsets;
pub use tokenize::{MarkRole, QuotationMark, Tokens, tokenize};
pub use types::{Attribution, Quote, QuoteKind, Span, Speaker};
