//! The order of the rules that find a quote's cue, and the rules for a
//! quote without one: continuation of the speaker before, captions
//! between quote paragraphs, fragments that are titles or scare quotes.
//! See the module docs of `speakers` for the order.

use std::ops::Range;

use super::context::{CONTEXT_MAX_TOKENS, Context};
use super::cues::{self, Cue};
use super::view::{Words, is_dash};
use crate::lexicon::classes::Class;
use crate::quotes::FoundQuote;
use crate::tokenize::Tokens;
use crate::types::QuoteKind;

/// A fragment this short with no speaker is a scare quote, not speech.
const SCARE_MAX_WORDS: usize = 4;

/// How many tokens of clause openers (`But`, `Instead,`) may stand before a
/// quote that continues the speaker before.
/// How many words after a quote may hold its own reporting verb (`“…,” one
/// Harlow Mills packer told`), which stops a speaker carrying over.
const OWN_CUE_WORDS: usize = 10;

/// How many tokens of clause openers (`But`, `Instead,`) may stand before a
/// quote that continues the speaker before.
const OPENERS_MAX_TOKENS: usize = 3;

/// A line this short without a full stop is a caption or subheading that a
/// quote's speaker carries across.
const CAPTION_MAX_WORDS: usize = 30;

/// The cue of quote `q`, by the rules in order (see the module docs).
pub(super) fn find_cue(words: &Words<'_, '_>, q: &FoundQuote, context: &Context, tokens: &Tokens<'_>) -> Option<Cue> {
    // `“PENCE: Well, look…`: a transcript turn is its label's.
    if let Some(label) = &q.label {
        return Some(cues::turn_label(words, label.clone()));
    }
    // `under what Mr. Pryce called “the old model,” the club…`: the quote
    // is the object of `what X called`, whatever follows it.
    if let Some(cue) = cues::what_they_called(words, context.before.clone()) {
        return Some(cue);
    }
    let colon_before = context.before.end > context.before.start && words.lower(context.before.end - 1) == ":";
    // `Polls did predict the vote - Ivy Marsh: “…”`: a source set off by a
    // dash before the colon, whatever verb the clause before it has.
    if colon_before {
        if let Some(cue) = cues::source_after_dash(words, context.before.clone()) {
            return Some(cue);
        }
    }
    // `Calder, tired of the questions, answered: “Who is counting now?”
    // Her opponents quoted it…`: a cue that a colon ends before the quote
    // comes before the sentence after a question or exclamation.
    let open_end = ends_open(words, q) && !(colon_before && ends_sentence_inside(words, q));
    if open_end {
        if let Some(cue) = cues::after_quote(words, context.after.clone()) {
            return Some(cue);
        }
    }
    if let Some(cue) = cues::before_quote(words, context.before.clone(), context.sentence_start) {
        return Some(cue);
    }
    // `She then turned to the crowd once more: “…”`
    if q.kind == QuoteKind::Direct
        && context.before.end > context.before.start
        && words.lower(context.before.end - 1) == ":"
    {
        if let Some(cue) = cues::subject_before_colon(words, context.before.start, context.before.end - 1) {
            return Some(cue);
        }
    }
    if !open_end && q.close.is_some() {
        // `“…” for the whole fleet, she said.`, `A cashier who “steals
        // $20” is held to account, Warren said.`: the attribution ends the
        // sentence.
        if let Some(cue) = cues::after_quote(words, context.after.clone())
            .filter(|c| context.before.is_empty() || ends_sentence_after(words, c, context.after.end))
        {
            return Some(cue);
        }
    }
    colon_paragraph_cue(words, q, tokens)
        .or_else(|| reported_speech_before(words, q, tokens, context))
        .or_else(|| reported_speech_paragraph_before(words, q, tokens, context))
}

/// `Calder says the town cannot wait.` ⏎ `“The bridge is falling down.”`:
/// a quote in marks that is its paragraph's first sentence, with no cue,
/// after a paragraph without quotes that reports what someone says, is
/// that reporter's. The cue is the first verb of saying of the paragraph's
/// last sentence, else of its first (not one that asks for something).
fn reported_speech_paragraph_before(
    words: &Words<'_, '_>,
    q: &FoundQuote,
    tokens: &Tokens<'_>,
    context: &Context,
) -> Option<Cue> {
    let para = &tokens.paragraphs[q.first_para];
    if q.kind != QuoteKind::Direct || q.open != para.tokens.start || q.first_para == 0 || !context.before.is_empty() {
        return None;
    }
    // `“…,” one of them said.`: a verb after the quote gives it a speaker
    // of its own, even one the rules cannot read.
    if has_own_cue_after(words, context) {
        return None;
    }
    let prev = &tokens.paragraphs[q.first_para - 1];
    crate::steps::take(prev.tokens.len().min(CONTEXT_MAX_TOKENS));
    if prev.tokens.len() > CONTEXT_MAX_TOKENS || prev.tokens.clone().any(|t| words.is_mark(t)) {
        return None;
    }
    let last = tokens
        .sentence_before(prev.tokens.end)
        .filter(|s| s.tokens.start >= prev.tokens.start)?;
    let first = &tokens.sentences[tokens.sentence_of(prev.tokens.start)];
    [last, first].into_iter().find_map(|sentence| {
        let range = sentence.tokens.clone();
        let v = range
            .clone()
            .find(|&t| words.is_cue_verb(t) && words.is(t, Class::SAY_VERB) && !words.is_participle(t))
            // `The bank asked for its money`: a request, not speech.
            .filter(|&v| !words.is(v + 1, Class::REQUEST_PREPOSITION))?;
        cues::before_quote(words, range.start..v + 1, range.start).filter(|cue| cue.cue.contains(&v))
    })
}

/// Whether nothing but punctuation follows the cue's words (verb and
/// speaker) up to `end`, the end of the sentence.
fn ends_sentence_after(words: &Words<'_, '_>, cue: &Cue, end: usize) -> bool {
    let last = cue.cue.end.max(cue.speaker.end);
    (last..end).all(|t| !words.is_word(t))
}

/// `…, Calder said. “The other reason is…”`: a quote that opens its
/// sentence with no cue, after a sentence of reported speech in the same
/// paragraph, is the same speaker's.
fn reported_speech_before(
    words: &Words<'_, '_>,
    q: &FoundQuote,
    tokens: &Tokens<'_>,
    context: &Context,
) -> Option<Cue> {
    let para = &tokens.paragraphs[q.first_para];
    // Only a quote that opens its sentence, with a sentence before it.
    if !context.before.is_empty() || q.open == para.tokens.start {
        return None;
    }
    let sentence = tokens
        .sentence_before(q.open)
        .filter(|s| s.tokens.start >= para.tokens.start)?;
    // Its last tokens, where its cue would stand: the whole of a long
    // sentence would be read again by each quote of the sentence after it.
    let tail = sentence
        .tokens
        .start
        .max(sentence.tokens.end.saturating_sub(CONTEXT_MAX_TOKENS));
    crate::steps::take(sentence.tokens.end - tail);
    let quoted = (tail..sentence.tokens.end).any(|t| words.is_mark(t));
    if quoted {
        return None;
    }
    // The reporting clause ends the sentence: `…, Calder said.`
    let end = sentence.tokens.end.checked_sub(1).filter(|&e| words.lower(e) == ".")?;
    let cue = cues::before_quote(words, sentence.tokens.start..end, sentence.tokens.start)?;
    (cue.cue.end + 3 >= end).then_some(cue)
}

/// Whether the quote ends ready for an attribution after it: a comma,
/// question or exclamation mark or dash inside the closing mark, or a comma
/// right after it.
fn ends_open(words: &Words<'_, '_>, q: &FoundQuote) -> bool {
    let Some(close) = q.close else {
        return false;
    };
    // Past closing marks of quotes inside it: `…‘the ringleader,’”`.
    let mut t = close;
    while t > q.open + 1 && words.is_mark(t - 1) {
        t -= 1;
    }
    let inside = t.checked_sub(1).map(|t| words.lower(t)).unwrap_or("");
    matches!(inside, "," | "?" | "!" | "…")
        || is_dash(inside)
        || words.lower(close + 1) == ","
        || words.is_dash(close + 1)
}

/// Whether the quote ends with a question or exclamation mark inside its
/// closing mark: `“Who is counting now?”`.
fn ends_sentence_inside(words: &Words<'_, '_>, q: &FoundQuote) -> bool {
    q.close
        .and_then(|close| close.checked_sub(1))
        .is_some_and(|t| matches!(words.lower(t), "?" | "!"))
}

/// `At a rally, Jane Doe said:` ⏎ `“…”`: the cue in the last sentence of
/// the paragraph before, when it ends with a colon.
fn colon_paragraph_cue(words: &Words<'_, '_>, q: &FoundQuote, tokens: &Tokens<'_>) -> Option<Cue> {
    let para = &tokens.paragraphs[q.first_para];
    if q.open != para.tokens.start || q.first_para == 0 {
        return None;
    }
    let prev = &tokens.paragraphs[q.first_para - 1];
    let last = prev.tokens.end.checked_sub(1)?;
    if words.lower(last) != ":" {
        return None;
    }
    let sentence = tokens
        .sentence_before(prev.tokens.end)
        .filter(|s| s.tokens.start >= prev.tokens.start)?;
    cues::before_quote(words, sentence.tokens.start..last, sentence.tokens.start)
        .or_else(|| cues::subject_before_colon(words, sentence.tokens.start, last))
}

/// Whether quote `q`, which has no cue, continues the speaker of the quote
/// before, which ended in paragraph `previous_para`: it opens its paragraph
/// (or follows in the same paragraph), and only short lines without quotes
/// lie between.
pub(super) fn continues(
    tokens: &Tokens<'_>,
    words: &Words<'_, '_>,
    q: &FoundQuote,
    previous_para: usize,
    context: &Context,
    quoted: &[bool],
) -> bool {
    // Only whole sentences continue a speaker: a fragment in marks with no
    // cue is more often a term or a name than more of the same speech.
    let opens_its_clause = context.before.is_empty() || only_openers(words, context.before.clone());
    // (A verb in the sentence after a quote that ends with its own stop,
    // `“…alive.” Her government is expected to…`, is that sentence's.)
    let own_cue_after = has_own_cue_after(words, context) && !ends_with_stop_inside(words, q);
    if q.kind != QuoteKind::Direct || !opens_its_clause || own_cue_after {
        return false;
    }
    if q.first_para == previous_para {
        return true;
    }
    ((previous_para + 1)..q.first_para).all(|p| is_caption(tokens, words, p, quoted))
}

/// Whether the quote ends with a full stop inside its closing mark:
/// `“…alive.” Her…`.
fn ends_with_stop_inside(words: &Words<'_, '_>, q: &FoundQuote) -> bool {
    q.close
        .and_then(|close| close.checked_sub(1))
        .is_some_and(|t| words.lower(t) == ".")
}

/// Whether tokens `range` are only words that open a clause, and commas:
/// `…,” Tobin said. Instead, “he sits on his hands…”` continues the same speech.
fn only_openers(words: &Words<'_, '_>, range: Range<usize>) -> bool {
    range.clone().any(|t| words.is_word(t))
        && range.len() <= OPENERS_MAX_TOKENS
        && range
            .clone()
            .all(|t| words.lower(t) == "," || words.is(t, Class::CLAUSE_OPENER))
}

/// `“…,” one Harlow Mills packer told a radio station.`: a reporting verb among the
/// first words after the quote gives it a speaker of its own, even one the
/// rules cannot read, so the speaker before does not carry over.
fn has_own_cue_after(words: &Words<'_, '_>, context: &Context) -> bool {
    context
        .after
        .clone()
        .filter(|&t| words.is_word(t))
        .take(OWN_CUE_WORDS)
        .any(|t| words.is_cue_verb(t) && !words.is_participle(t))
}

/// A short line without quotes that does not end like a sentence: a photo
/// caption or a subheading.
fn is_caption(tokens: &Tokens<'_>, words: &Words<'_, '_>, p: usize, quoted: &[bool]) -> bool {
    let para = &tokens.paragraphs[p];
    crate::steps::take(para.tokens.len());
    let word_count = para.tokens.clone().filter(|&t| words.is_word(t)).count();
    let last = para.tokens.end - 1;
    let has_quote = para.tokens.clone().any(|t| quoted[t]);
    !has_quote && word_count <= CAPTION_MAX_WORDS && !matches!(words.lower(last), "." | ":" | "?" | "!")
}

/// What a fragment in marks is when no one is reported to say it: a title
/// or name when its word_count are capitalised (`“Morning Report”`), a scare
/// quote when it is short (`“re-education camps”`) or a list of short
/// terms (`“pivot,” “synergy” and “circle back”`), else still speech
/// whose speaker the text does not give.
pub(super) fn unattributed_fragment_kind(words: &Words<'_, '_>, q: &FoundQuote) -> QuoteKind {
    if crate::quotes::is_title_case(words.tokens, q) {
        QuoteKind::Title
    } else if crate::quotes::longest_part_words(words.tokens, q) <= SCARE_MAX_WORDS {
        QuoteKind::ScareQuote
    } else {
        QuoteKind::Mixed
    }
}
