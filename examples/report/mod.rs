//! A self-contained HTML page of articles with their quotes highlighted:
//! one colour and tag per speaker, a popup with each quote's speaker, the
//! mention and how it was found, the cue and the confidence; a table of
//! each article's speakers and, for several articles, a summary.
//!
//! Shared by the `report` example and its tests. Everything the page needs
//! (styles, the few lines of script) is inline: it works offline.

mod escape;
mod layers;
mod page;
mod voices;

pub use page::render;
#[allow(unused_imports)] // The tests use it; the example does not.
pub use voices::label_of;

use whosaid::Quote;

/// One article to show: its name (the file's), its text and its quotes.
pub struct Article<'h> {
    /// Shown as the heading of the article's section.
    pub name: String,
    /// The whole text.
    pub text: &'h str,
    /// What the extractor found in it.
    pub quotes: Vec<Quote<'h>>,
}
