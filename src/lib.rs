//! whosaid finds the quotations in English news text and says who said them.
//!
//! Give it an article as a `&str` and it returns every quotation in it, in
//! text order: its span, the spans of the quoted words, its kind (speech in
//! marks, reported speech without them, or a scare quote or title that
//! nobody is reported to have said), the cue
//! that reports it (`said`, `told reporters`, `according to`) and its
//! speaker, both as the words in the text (`she`, `the council leader`) and
//! as the canonical name they stand for (`Jane Marlow`). It is pure Rust,
//! rule-based, with no model and no parser. Extraction cannot fail: any
//! text gives an answer, without panicking, in time linear in its length.
//! When the text does not make the speaker clear, the answer is "unknown",
//! never a guess. Every offset is a byte offset on a `char` boundary of the
//! text given.
//!
//! # Example
//!
//! ```
//! let text = "\
//! “We are doing everything we can to get people home,” said Priya Natarajan, the port's director.
//! She called the crew's pay claim “simply unaffordable”.
//! Union organiser Callum Reid said the so-called “island levy” was never discussed.";
//!
//! let quotes = whosaid::Extractor::new().extract(text);
//! for q in &quotes {
//!     let speaker = q.speaker().and_then(|s| s.name()).unwrap_or("unknown");
//!     println!("{:<6} {} — {}", q.kind(), q.as_str(), speaker);
//! }
//! assert_eq!(quotes[0].kind(), whosaid::QuoteKind::Direct);
//! assert_eq!(quotes[0].speaker().unwrap().name(), Some("Priya Natarajan"));
//! ```
//!
//! The second quote is a fragment inside reported speech, a
//! [`Mixed`](QuoteKind::Mixed) quote whose speaker comes from the pronoun
//! `She`; the third is the clause that Callum Reid is reported to have
//! said, an [`Indirect`](QuoteKind::Indirect) quote, which holds the
//! fourth, a [`ScareQuote`](QuoteKind::ScareQuote) with no speaker.
//!
//! # Overview
//!
//! - [`Extractor`] runs the pipeline. Build it once with
//!   [`Extractor::new`] and share it: it is `Clone + Send + Sync` and cheap
//!   to clone. [`Extractor::extract`] takes a `&str`;
//!   [`Extractor::extract_bytes`] takes bytes that should be UTF-8.
//! - [`ExtractorBuilder`], from [`Extractor::builder`], changes the
//!   defaults: extra reporting verbs, whether pronouns and descriptions are
//!   resolved, whether speakers carry over to the quote paragraphs that
//!   follow, the least confidence an attribution needs to be kept, whether
//!   reported speech without marks is found, whether scare quotes and
//!   titles are left out, and whether speakers are looked for at all (quote
//!   spans in marks only, several times faster).
//! - [`Quote`] is one quotation, borrowing the text: its [`Span`], its
//!   content spans, its [`QuoteKind`], its cue and its [`Speaker`].
//! - [`Speaker`] is who said it: the canonical [`name`](Speaker::name), the
//!   [`mention`](Speaker::mention) in the text that stands for them, the
//!   [`Attribution`] saying how it was found (a name at the cue, a pronoun,
//!   a description, or a continuation of the quote before), and a
//!   [`confidence`](Speaker::confidence) calibrated on annotated news.
//! - [`Span`] is a `Copy` half-open byte range; [`CharOffsets`] converts
//!   byte offsets to code-point offsets.
//! - [`tokenize()`] exposes the first stage on its own: the [`Tokens`] of a
//!   text (paragraphs, sentences, words, and every [`QuotationMark`] with
//!   its [`MarkRole`]).
//! - [`Error`] is the crate's one error type, with an [`ErrorKind`]. Only
//!   the builder (an invalid setting) and [`Extractor::extract_bytes`]
//!   (bytes that are not UTF-8) return it.
//!
//! # What counts as a quote
//!
//! A quote is text between quotation marks: curly or straight, double or
//! single, guillemets, and the wire-copy marks ``` `` ``` and `''`.
//! Apostrophes (`don't`, `London’s`, `the players’ union`, `’90s`) are told
//! apart from single marks by the characters around them. It is also a
//! clause that a cue reports without marks (reported speech). Each quote
//! has a [`QuoteKind`]:
//!
//! - [`Direct`](QuoteKind::Direct): whole sentences in marks, `“We will win,”
//!   she said.`
//! - [`Mixed`](QuoteKind::Mixed): a quoted fragment inside reported speech,
//!   `warned residents would “pay the price”`.
//! - [`ScareQuote`](QuoteKind::ScareQuote): a term in marks that nobody is
//!   reported to have said, `the so-called “bridge tax”`, or a short
//!   fragment with no speaker anywhere near it.
//! - [`Title`](QuoteKind::Title): the name of a book, film, song or the
//!   like, `the book ‘The Iron Hinge’`.
//! - [`Indirect`](QuoteKind::Indirect): reported speech, the clause a cue
//!   reports without marks, from its first word to its end: `Police said
//!   [a man had been arrested].`, `[The talks collapsed], officials said.`,
//!   `According to officials, [the talks collapsed].`, `The minister told
//!   MPs [the plan would cost £2bn].` It is found only with its cue and
//!   speaker, and only in prose (not in a caption, link or headline). What
//!   is not reported speech: a verb of saying with no clause (`said
//!   nothing`, `said goodbye`, `is said to be`), a passive (`was told`), a
//!   condition (`If the court orders…`), and a sentence whose report holds
//!   a quote in marks: `She said the plan was “a fantasy”` is one mixed
//!   quote, not two.
//!
//! Direct, mixed and indirect quotes are speech and can have a speaker; the
//! other kinds are reported so that a user can see what was set aside. A
//! clause of reported speech may hold a title or scare quote; no other two
//! quotes overlap.
//!
//! ```
//! let text = "The talks collapsed after midnight, union officials said. \
//!             Mayor Lena Frost told reporters the depot would close.";
//! let quotes = whosaid::Extractor::new().extract(text);
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].kind(), whosaid::QuoteKind::Indirect);
//! assert_eq!(quotes[0].as_str(), "The talks collapsed after midnight");
//! assert_eq!(quotes[1].as_str(), "the depot would close");
//! assert_eq!(quotes[1].speaker().unwrap().name(), Some("Lena Frost"));
//! ```
//!
//! Some quotes take more than one pair of marks, or less:
//!
//! - A quote that runs over paragraphs, where each paragraph but the last
//!   ends without a closing mark and the next one reopens, is one quote
//!   spanning all of its paragraphs, with one content span per paragraph.
//!   In a quoted transcript, a paragraph that reopens with a speaker's
//!   label in capitals (`"PENCE: Well, look…`) starts a quote of its own,
//!   whose content starts after the label and whose speaker is the label.
//! - An interrupted quote, `“The boats will sail again,” she said, “but not
//!   this week.”`, gives two quotes, each with the speaker.
//! - Quoted fragments of one statement in one sentence, `called the claim
//!   “simply unaffordable” and “a fantasy”`, are joined into one mixed quote,
//!   with a content span per fragment.
//! - A quote inside a quote (`“They called it ‘temporary’ nine years ago.”`)
//!   is part of the outer one, not a quote of its own.
//!
//! ```
//! let text = "Dr Lena Ortiz said: “The report is clear.\n“It says the ‘temporary’ fix is nine years old.”";
//! let quotes = whosaid::Extractor::new().extract(text);
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(quotes[0].content().len(), 2);
//! assert_eq!(quotes[0].speaker().unwrap().name(), Some("Lena Ortiz"));
//! ```
//!
//! # Offsets
//!
//! Every [`Span`] is a byte range of the text given to
//! [`Extractor::extract`], end exclusive, with both ends on `char`
//! boundaries, so `&text[span.range()]` never panics. Quote spans include
//! their marks; content spans do not. Python tools and most JSON consumers
//! count code points instead: [`CharOffsets`] converts byte offsets to
//! those, reading the text once and then answering each conversion in at
//! most logarithmic time.
//!
//! ```
//! let text = "“Ça suffit,” said Émile Brun.";
//! let quotes = whosaid::Extractor::new().extract(text);
//! let offsets = whosaid::CharOffsets::new(text);
//! let span = quotes[0].span();
//! assert_eq!((span.start, span.end), (0, 17));
//! assert_eq!((offsets.char_offset(span.start), offsets.char_offset(span.end)), (0, 12));
//! ```
//!
//! # Untrusted input
//!
//! Any `&str` may be given to [`Extractor::extract`]: it never panics and
//! its time is linear in the length of the text. Stray, unbalanced or
//! mistyped marks cost at most the quote of their own paragraph, never the
//! rest of the document. Memory is proportional to the text. To keep
//! hostile text linear, every search is bounded:
//!
//! - open quotation marks nested deeper than 16 are ignored;
//! - the words before a quote that make it a title or a scare quote
//!   (`the book “…”`, `so-called “…”`) are looked for within 32 tokens
//!   of its opening mark;
//! - quoted fragments of one report (`said it was “a” and that “b”`) are
//!   joined across at most 40 words;
//! - a quote's context, the words of its sentence before and after it, and
//!   the sentence before it are read at most 160 tokens from the quote;
//! - a quote's cue is looked for within 40 tokens of it;
//! - a pronoun or description is resolved to an entity mentioned at most 12
//!   sentences earlier, weighing at most 64 earlier mentions;
//! - a noun phrase (`the chief executive of the Harbour Pilots Association`) is
//!   read over at most 24 tokens;
//! - reported speech is looked for in a sentence from the verbs of saying
//!   outside its quotes, each verb's subject within 40 tokens before it,
//!   an attribution after a comma within 12 tokens of the comma;
//! - a single mark that may end a plural possessive (`the players’ union`)
//!   looks at most 200 bytes ahead for the mark that would close its quote.
//!
//! Bytes that are not UTF-8 are refused by [`Extractor::extract_bytes`]
//! with an error, not decoded lossily.
//!
//! # Crate features
//!
//! - `serde` (off by default): `Serialize` and `Deserialize` for [`Span`],
//!   [`QuoteKind`] and [`Attribution`], and `Serialize` for [`Quote`] and
//!   [`Speaker`] (with byte spans and the quoted text).
//!
//! # Limitations
//!
//! - English news only: the reporting verbs, titles, role nouns and
//!   pronouns are English word lists (in `src/data/*.txt`).
//! - Rule-based, with no parser and no statistical model: the rules cover
//!   how news writing attributes quotes, and unusual sentences get no
//!   speaker or, less often, the wrong one.
//! - Reported speech without marks is found from its cue, by the shape of
//!   the sentence rather than a parse: a clause is told from a noun phrase
//!   (`reported a profit`) by the words it opens with and a verb in it, so
//!   some objects are taken for clauses and some clauses missed; a report
//!   with no verb of saying (`polls show`, `he believes`) is not looked
//!   for.
//! - The pronouns followed back are `he`, `she` (people), `it`
//!   (organisations) and `they` (groups and organisations). `I` is the
//!   writer, a speaker named `I`; `we` and singular `they` are not
//!   resolved.
//! - When the text does not make the speaker clear, the quote has no
//!   speaker. Unknown is an answer; no speaker is invented.
//! - Transcripts and interviews written as `NAME: …` or `Q: … A: …`,
//!   without marks, are not handled (quoted transcripts are).
//! - A text over 4 GiB is read in pieces cut at line breaks: a quote or a
//!   pronoun's antecedent across a cut is read as two pieces' worth.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod error;
mod extractor;
mod lexicon;
mod offsets;
mod quotes;
mod speakers;
mod steps;
mod tokenize;
mod types;
mod util;

pub use error::{Error, ErrorKind};
pub use extractor::{Extractor, ExtractorBuilder};
pub use offsets::CharOffsets;
pub use tokenize::{MarkRole, QuotationMark, Tokens, tokenize};
pub use types::{Attribution, Quote, QuoteKind, Span, Speaker};
