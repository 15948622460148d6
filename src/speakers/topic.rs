//! The person the sentence before a quote is about: a quote in marks that
//! is a whole sentence of its own, with no cue and no speaker carried to
//! it from the quote before, is the words of the person who is the
//! subject of the sentence right before it, a sentence that reports no
//! speech (`At 30, Hardy learned he needed a new kidney.` ⏎ `“I was not
//! ready for it.”`), when that subject is surely a person (not a lone
//! capitalised word that nothing marked as a person's). News tells a
//! person's story and then lets them speak; the sentence before says who.

use super::context::{CONTEXT_MAX_TOKENS, Context};
use super::mentions::{Mention, Mentions};
use super::view::Words;
use crate::lexicon::Sort;
use crate::quotes::FoundQuote;
use crate::types::QuoteKind;

/// At most this many mentions of the sentence before are weighed.
const MAX_MENTIONS: usize = 16;

/// The mention of the person the sentence before quote `q` is about, if
/// the quote is a sentence of its own without a cue: the first subject
/// outside quotes of that sentence, when it stands for a person. That
/// sentence is in the quote's paragraph, or ends the paragraph before
/// when the quote opens its own; it holds no speech in marks (which
/// would be the speaker's, not the subject's) and no reporting verb.
pub(super) fn subject_before(
    words: &Words<'_, '_>,
    mentions: &Mentions<'_>,
    q: &FoundQuote,
    context: &Context,
    quoted: &[bool],
) -> Option<Mention> {
    if q.kind != QuoteKind::Direct || !is_own_sentence(words, q, context) {
        return None;
    }
    let tokens = words.tokens;
    let para = &tokens.paragraphs[q.first_para];
    let before = tokens.sentence_before(q.open)?.tokens.clone();
    // The paragraph before counts only when the quote opens its own.
    let floor = match q.first_para.checked_sub(1) {
        Some(p) if q.open == para.tokens.start => tokens.paragraphs[p].tokens.start,
        _ => para.tokens.start,
    };
    if before.start < floor || before.len() > CONTEXT_MAX_TOKENS {
        return None;
    }
    crate::steps::take(before.len());
    // (A sentence that reports speech, `Doe said prices would rise and
    // wages lag.`, is left to the cue rules: they ask for its verb at its
    // end.)
    if before.clone().any(|t| quoted[t] || words.is_cue_verb(t)) {
        return None;
    }
    let subject = mentions
        .mentions
        .before(before.end)
        .rev()
        .take_while(|m| m.token >= before.start)
        .take(MAX_MENTIONS)
        .filter(|m| m.subject && !m.quoted)
        .last()?;
    // (Not a lone capitalised word that nothing marked as a person's: as
    // often a sentence's first word read as a name.)
    let e = &mentions.entities[subject.entity];
    (e.sort == Sort::Person && !e.is_bare_word_name()).then_some(*subject)
}

/// Whether quote `q` is a sentence of its own: nothing before it in its
/// sentence, nothing after it, and a stop inside its closing mark.
fn is_own_sentence(words: &Words<'_, '_>, q: &FoundQuote, context: &Context) -> bool {
    let stop_inside = q
        .close
        .and_then(|close| close.checked_sub(1))
        .is_some_and(|t| matches!(words.lower(t), "." | "?" | "!"));
    stop_inside && context.before.is_empty() && !context.after.clone().any(|t| words.is_word(t))
}
