//! A quote's context: the words before and after it in its sentence,
//! outside other quotes, where its cue is looked for; for a quote that
//! ends its sentence, the short sentence after it that may be its
//! attribution (`“Why?” Jane Doe asked.`).

use std::ops::Range;

use super::cues::CLAUSE_WINDOW;
use super::view::Words;
use crate::quotes::FoundQuote;

/// The words outside quotes around a quote, in its sentence.
#[derive(Clone, Debug)]
pub(crate) struct Context {
    /// From the sentence start (or the end of the quote before) to the
    /// opening mark.
    pub(crate) before: Range<usize>,
    /// From after the closing mark to the sentence end (or the next quote).
    pub(crate) after: Range<usize>,
    /// Where the sentence of the opening mark starts.
    pub(crate) sentence_start: usize,
    /// The indexes of the sentences of the opening and the closing mark:
    /// where most speakers stand.
    pub(crate) sentences: [usize; 2],
}

/// A sentence this short after a quote can be its attribution.
const ATTRIBUTION_MAX_WORDS: usize = 20;

/// A quote's context (the words before and after it in its sentence, where
/// its cue is looked for) reaches at most this many tokens from its marks:
/// twice the widest window the cue rules read, so that a sentence without
/// an end (a list, hostile text) costs each of its quotes a bounded look.
pub(crate) const CONTEXT_MAX_TOKENS: usize = 2 * CLAUSE_WINDOW;

/// The words before and after quote `i` in its sentence, outside quotes.
///
/// `last_sentence` is the sentence where the quote before closed: this
/// quote most often opens in it or the next one.
pub(super) fn context(
    words: &Words<'_, '_>,
    found: &[FoundQuote],
    i: usize,
    quoted: &[bool],
    last_sentence: usize,
) -> Context {
    let tokens = words.tokens;
    let q = &found[i];
    let open_index = tokens.sentence_among(q.open, [last_sentence, last_sentence + 1]);
    let open_sentence = &tokens.sentences[open_index];
    // Stop at the quote before, if it is in this sentence.
    let floor = open_sentence
        .tokens
        .start
        .max(q.open.saturating_sub(CONTEXT_MAX_TOKENS));
    crate::steps::take(q.open.saturating_sub(floor));
    let start = past_last_quoted(quoted, floor, q.open);
    let after_start = q.end_token;
    let last = q.end_token.saturating_sub(1).min(tokens.tokens.len() - 1);
    // Most quotes close in the sentence they open in: that one is not
    // searched for again (the sentences are in order and do not overlap).
    let close_index = if open_sentence.tokens.contains(&last) {
        open_index
    } else {
        tokens.sentence_of(last)
    };
    let close_sentence = &tokens.sentences[close_index];
    let mut end = close_sentence.tokens.end.min(after_start + CONTEXT_MAX_TOKENS);
    crate::steps::take(end.saturating_sub(after_start));
    if let Some(next) = (after_start..end).find(|&t| quoted[t]) {
        end = next;
    }
    let para_end = tokens.paragraphs[q.last_para].tokens.end;
    let mut after = after_start..end.max(after_start).min(para_end);
    if after.is_empty() {
        after = attribution_sentence(words, quoted, after_start, para_end).unwrap_or(after);
    }
    Context {
        before: start..q.open,
        after,
        sentence_start: open_sentence.tokens.start,
        sentences: [open_index, close_index],
    }
}

/// The token after the last quoted one in `start..end`, or `start` if none
/// is quoted: found by a search of the slice, which runs faster than a
/// loop over the indexes.
pub(super) fn past_last_quoted(quoted: &[bool], start: usize, end: usize) -> usize {
    if start >= end {
        return start;
    }
    quoted[start..end]
        .iter()
        .rposition(|&flag| flag)
        .map_or(start, |k| start + k + 1)
}

/// A sentence after a quote that is only its attribution: `“Why?” Jane Doe
/// asked.`, where the capital after the question mark starts a new
/// sentence; short, it ends the paragraph or runs on to the next quote
/// (`“Too late?” She wrote when…, adding, “…”`), unless it only
/// introduces that quote (`Mr. Zahed said: “…”`, `He added, “…”`).
fn attribution_sentence(words: &Words<'_, '_>, quoted: &[bool], start: usize, para_end: usize) -> Option<Range<usize>> {
    if start >= para_end || quoted[start] {
        return None;
    }
    let sentence = &words.tokens.sentences[words.tokens.sentence_of(start)];
    let sentence_end = sentence.tokens.end.min(para_end).min(start + CONTEXT_MAX_TOKENS);
    crate::steps::take(sentence_end.saturating_sub(start));
    let end = (start..sentence_end).find(|&t| quoted[t]).unwrap_or(sentence_end);
    if end < sentence_end && introduces_next_quote(words, start, end) {
        return None;
    }
    let word_count = (start..end).filter(|&t| words.is_word(t)).count();
    (word_count <= ATTRIBUTION_MAX_WORDS).then_some(start..end)
}

/// Whether the word_count from `start` to the quote at `end` end in a reporting
/// verb (not a participle) or a colon: the attribution of the quote that
/// follows.
fn introduces_next_quote(words: &Words<'_, '_>, start: usize, end: usize) -> bool {
    let Some(last) = (start..end).rev().find(|&t| words.is_word(t)) else {
        return true;
    };
    let ends_in_verb = words.is_reporting_verb(last) && !words.is_participle(last);
    ends_in_verb || (last + 1 < end && words.lower(last + 1) == ":")
}
