//! Stage 3: speakers. For each quote that is speech, finds its cue and the
//! phrase that names the speaker, follows pronouns and descriptions back to
//! the person or body, carries the speaker into the quote paragraphs that
//! follow, and gives each speaker one canonical name.
//!
//! The order of the rules, for each quote:
//! 1. a transcript turn's label (`"PENCE: …`), a quote right after `what X
//!    called`, a source between a dash and a colon (`… - Ivy Marsh: “…”`);
//! 2. the cue after the quote (`“…,” she said`), when the quote ends open
//!    for it (a comma, a question mark, a dash);
//! 3. the cue before it in its sentence (`She said: “…”`, `X said it was
//!    “…”`, `X accused Y of a “…”`);
//! 4. the last sentence of the paragraph before, when it ends with a colon;
//! 5. the speaker of the quote before, for a quote paragraph without a cue
//!    (also across short lines without quotes, such as a photo caption);
//! 6. otherwise no speaker: unknown is an answer.

mod confidence;
mod cues;
mod mentions;
mod words;

use std::ops::Range;

use crate::extractor::Config;
use crate::quotes::Found;
use crate::tokenize::Tokens;
use crate::types::{Attribution, Quote, QuoteKind, Span, Speaker};

use confidence::{Features, MentionKind, Side};
use cues::Cue;
use mentions::{Mentions, NpKind};
use words::Words;

/// A fragment this short with no speaker is a scare quote, not speech.
const SCARE_MAX_WORDS: usize = 4;

/// A sentence this short after a quote can be its attribution.
const ATTRIBUTION_MAX_WORDS: usize = 20;
/// How many words after a quote may hold its own reporting verb (`“…,” one
/// Harlow Mills packer told`), which stops a speaker carrying over.
const OWN_CUE_WORDS: usize = 10;

/// How many tokens of clause openers (`But`, `Instead,`) may stand before a
/// quote that continues the speaker before.
const OPENERS_MAX_TOKENS: usize = 3;

/// A line this short without a full stop is a caption or subheading that a
/// quote's speaker carries across.
const CAPTION_MAX_WORDS: usize = 30;

/// A quote's context (the words before and after it in its sentence, where
/// its cue is looked for) reaches at most this many tokens from its marks:
/// twice the widest window the cue rules read, so that a sentence without
/// an end (a list, hostile text) costs each of its quotes a bounded look.
pub(crate) const CONTEXT_MAX_TOKENS: usize = 2 * cues::CLAUSE_WINDOW;

/// A speaker found for a quote, before the canonical names are known.
#[derive(Clone, Copy, Debug)]
struct Attributed {
    mention: Span,
    mention_kind: MentionKind,
    attribution: Attribution,
    side: Side,
    entity: usize,
}

/// What became of the quote before, for continuations.
#[derive(Clone, Copy, Debug)]
struct Previous {
    speaker: Option<Attributed>,
    last_para: usize,
}

/// The speaker stage's buffers, kept between texts so that the next text
/// reuses their memory (each is emptied where it is filled).
#[derive(Debug, Default)]
pub(crate) struct SpeakerVecs {
    quoted: Vec<bool>,
    lower_case: String,
    words: words::WordVecs,
}

impl SpeakerVecs {
    /// The bytes these buffers hold (their capacity).
    pub(crate) fn bytes(&self) -> usize {
        self.quoted.capacity() + self.lower_case.capacity() + self.words.bytes()
    }
}

/// Attributes a speaker to each quote that is speech, in buffers an earlier
/// text left in `vecs`.
pub(crate) fn attribute<'h>(
    tokens: &Tokens<'h>,
    found: Vec<Found>,
    config: &Config,
    vecs: &mut SpeakerVecs,
) -> Vec<Quote<'h>> {
    // No speech, no speakers to look for: the words need not be read.
    if !found.iter().any(|q| q.kind.is_speech()) {
        return found.into_iter().map(|q| q.into_quote(tokens.text())).collect();
    }
    // Speech quotes are barriers for the cue search; titles and scare
    // quotes are words of the sentence like any other.
    let mut quoted = std::mem::take(&mut vecs.quoted);
    quoted.clear();
    quoted.resize(tokens.tokens.len(), false);
    for q in found.iter().filter(|q| q.kind.is_speech()) {
        for flag in &mut quoted[q.open..q.end_token.min(tokens.tokens.len())] {
            *flag = true;
        }
    }
    let w = Words::new(
        tokens,
        &config.extra_verbs,
        &mut vecs.lower_case,
        std::mem::take(&mut vecs.words),
    );
    let mut mentions = Mentions::collect(&w, &quoted);

    let mut previous: Option<Previous> = None;
    // The sentence where the last quote's context ended.
    let mut last_sentence = 0;
    let mut out: Vec<Quote<'h>> = Vec::with_capacity(found.len());
    // Entity ids per quote, named at the end once all names are known.
    let mut entity_of: Vec<Option<usize>> = Vec::with_capacity(found.len());
    for (i, q) in found.iter().enumerate() {
        let mut kind = q.kind;
        let mut cue_span = None;
        let mut attributed = None;
        if kind.is_speech() {
            let context = context(&w, &found, i, &quoted, last_sentence);
            last_sentence = context.sentences[1];
            match find_cue(&w, q, &context, tokens) {
                Some(cue) => {
                    cue_span = (!cue.cue.is_empty()).then(|| w.span(cue.cue.start, cue.cue.end));
                    attributed = attribute_cue(&w, &mut mentions, &cue, q, &context, config);
                }
                None if config.carry_speakers => {
                    attributed = previous
                        .filter(|p| continues(tokens, &w, q, p, &context, &quoted))
                        .and_then(|p| p.speaker)
                        .map(|s| Attributed {
                            attribution: Attribution::Continuation,
                            side: Side::None,
                            ..s
                        });
                }
                None => {}
            }
            if attributed.is_none() && cue_span.is_none() && kind == QuoteKind::Mixed {
                kind = unattributed_fragment_kind(&w, q);
            }
        }
        let confidence = attributed.map(|a| {
            let features = Features {
                attribution: a.attribution,
                side: a.side,
                kind,
                // Told by the closure below, where the table asks for it.
                short: false,
                mention: a.mention_kind,
            };
            confidence::confidence_asking_length(&features, || confidence::is_short(&tokens.text()[q.span.range()]))
        });
        // Below the user's bar, no speaker: unknown rather than unsure.
        if confidence.is_some_and(|c| c < config.min_confidence) {
            attributed = None;
        }
        if !kind.is_speech() {
            // A title or scare quote is words of its sentence, not a
            // barrier for the cues of the quotes after it.
            for flag in &mut quoted[q.open..q.end_token.min(tokens.tokens.len())] {
                *flag = false;
            }
        } else {
            previous = Some(Previous {
                speaker: attributed,
                last_para: q.last_para,
            });
        }
        entity_of.push(attributed.map(|a| a.entity));
        out.push(Quote {
            haystack: tokens.text(),
            span: q.span,
            // Moved in from `found` at the end: the rules still read it.
            content: Vec::new(),
            kind,
            cue: cue_span,
            speaker: attributed.zip(confidence).map(|(a, confidence)| Speaker {
                haystack: tokens.text(),
                mention: a.mention,
                name: String::new(),
                attribution: a.attribution,
                confidence,
            }),
        });
    }
    // Canonical names, now that every mention has been read.
    for ((quote, entity), q) in out.iter_mut().zip(entity_of).zip(found) {
        quote.content = q.content;
        if let (Some(s), Some(id)) = (quote.speaker.as_mut(), entity) {
            s.name = mentions.entities[id].name.to_string();
        }
    }
    drop(mentions);
    vecs.words = w.into_vecs();
    vecs.quoted = quoted;
    out
}

/// The speaker of a quote whose cue was found: its phrase resolved to an
/// entity.
fn attribute_cue<'a>(
    w: &Words<'a, '_>,
    mentions: &mut Mentions<'a>,
    cue: &Cue,
    q: &Found,
    context: &cues::Context,
    config: &Config,
) -> Option<Attributed> {
    let sentence = sentence_among(w.tokens, cue.speaker.start, context.sentences);
    let (entity, attribution) = resolve(w, mentions, cue.clone(), sentence, config)?;
    mentions.note_speaker(entity, cue.speaker, sentence);
    let mention = w.span(cue.speaker.start, cue.speaker.end);
    Some(Attributed {
        mention,
        mention_kind: confidence::mention_kind(&w.tokens.text()[mention.range()]),
        attribution,
        side: if cue.speaker.start >= q.end_token {
            Side::After
        } else {
            Side::Before
        },
        entity,
    })
}

/// The cue of quote `q`, by the rules in order (see the module docs).
fn find_cue(w: &Words<'_, '_>, q: &Found, context: &cues::Context, tokens: &Tokens<'_>) -> Option<Cue> {
    // `“PENCE: Well, look…`: a transcript turn is its label's.
    if let Some(label) = &q.label {
        return Some(cues::turn_label(w, label.clone()));
    }
    // `under what Mr. Pryce called “the old model,” the club…`: the quote
    // is the object of `what X called`, whatever follows it.
    if let Some(cue) = cues::what_they_called(w, context.before.clone()) {
        return Some(cue);
    }
    let colon_before = context.before.end > context.before.start && w.lw(context.before.end - 1) == ":";
    // `Polls did predict the vote - Ivy Marsh: “…”`: a source set off by a
    // dash before the colon, whatever verb the clause before it has.
    if colon_before {
        if let Some(cue) = cues::source_after_dash(w, context.before.clone()) {
            return Some(cue);
        }
    }
    // `Calder, tired of the questions, answered: “Who is counting now?”
    // Her opponents quoted it…`: a cue that a colon ends before the quote
    // comes before the sentence after a question or exclamation.
    let open_end = ends_open(w, q) && !(colon_before && ends_sentence_inside(w, q));
    if open_end {
        if let Some(cue) = cues::after_quote(w, context.after.clone()) {
            return Some(cue);
        }
    }
    if let Some(cue) = cues::before_quote(w, context.before.clone(), context.sentence_start) {
        return Some(cue);
    }
    // `She then turned to the crowd once more: “…”`
    if q.kind == QuoteKind::Direct && context.before.end > context.before.start && w.lw(context.before.end - 1) == ":" {
        if let Some(cue) = cues::subject_before_colon(w, context.before.start, context.before.end - 1) {
            return Some(cue);
        }
    }
    if !open_end && q.close.is_some() {
        // `“…” for the whole fleet, she said.`, `A cashier who “steals
        // $20” is held to account, Warren said.`: the attribution ends the
        // sentence.
        if let Some(cue) = cues::after_quote(w, context.after.clone())
            .filter(|c| context.before.is_empty() || ends_sentence_after(w, c, context.after.end))
        {
            return Some(cue);
        }
    }
    colon_paragraph_cue(w, q, tokens).or_else(|| reported_speech_before(w, q, tokens, context))
}

/// Whether nothing but punctuation follows the cue's words (verb and
/// speaker) up to `end`, the end of the sentence.
fn ends_sentence_after(w: &Words<'_, '_>, cue: &Cue, end: usize) -> bool {
    let last = cue.cue.end.max(cue.speaker.end);
    (last..end).all(|t| !w.is_word(t))
}

/// `…, Calder said. “The other reason is…”`: a quote that opens its
/// sentence with no cue, after a sentence of reported speech in the same
/// paragraph, is the same speaker's.
fn reported_speech_before(w: &Words<'_, '_>, q: &Found, tokens: &Tokens<'_>, context: &cues::Context) -> Option<Cue> {
    let para = &tokens.paragraphs[q.first_para];
    // Only a quote that opens its sentence, with a sentence before it.
    if !context.before.is_empty() || q.open == para.tokens.start {
        return None;
    }
    let sentence = sentence_before(tokens, q.open).filter(|s| s.tokens.start >= para.tokens.start)?;
    // Its last tokens, where its cue would stand: the whole of a long
    // sentence would be read again by each quote of the sentence after it.
    let tail = sentence
        .tokens
        .start
        .max(sentence.tokens.end.saturating_sub(CONTEXT_MAX_TOKENS));
    crate::steps::take(sentence.tokens.end - tail);
    let quoted = (tail..sentence.tokens.end).any(|t| w.is_mark(t));
    if quoted {
        return None;
    }
    // The reporting clause ends the sentence: `…, Calder said.`
    let end = sentence.tokens.end.checked_sub(1).filter(|&e| w.lw(e) == ".")?;
    let cue = cues::before_quote(w, sentence.tokens.start..end, sentence.tokens.start)?;
    (cue.cue.end + 3 >= end).then_some(cue)
}

/// Whether the quote ends ready for an attribution after it: a comma,
/// question or exclamation mark or dash inside the closing mark, or a comma
/// right after it.
fn ends_open(w: &Words<'_, '_>, q: &Found) -> bool {
    let Some(close) = q.close else {
        return false;
    };
    // Past closing marks of quotes inside it: `…‘the ringleader,’”`.
    let mut t = close;
    while t > q.open + 1 && w.is_mark(t - 1) {
        t -= 1;
    }
    let inside = t.checked_sub(1).map(|t| w.lw(t)).unwrap_or("");
    matches!(inside, "," | "?" | "!" | "—" | "–" | "-" | "…") || matches!(w.lw(close + 1), "," | "—" | "–" | "-" | "―")
}

/// Whether the quote ends with a question or exclamation mark inside its
/// closing mark: `“Who is counting now?”`.
fn ends_sentence_inside(w: &Words<'_, '_>, q: &Found) -> bool {
    q.close
        .and_then(|close| close.checked_sub(1))
        .is_some_and(|t| matches!(w.lw(t), "?" | "!"))
}

/// `At a rally, Jane Doe said:` ⏎ `“…”`: the cue in the last sentence of
/// the paragraph before, when it ends with a colon.
fn colon_paragraph_cue(w: &Words<'_, '_>, q: &Found, tokens: &Tokens<'_>) -> Option<Cue> {
    let para = &tokens.paragraphs[q.first_para];
    if q.open != para.tokens.start || q.first_para == 0 {
        return None;
    }
    let prev = &tokens.paragraphs[q.first_para - 1];
    let last = prev.tokens.end.checked_sub(1)?;
    if w.lw(last) != ":" {
        return None;
    }
    let sentence = sentence_before(tokens, prev.tokens.end).filter(|s| s.tokens.start >= prev.tokens.start)?;
    cues::before_quote(w, sentence.tokens.start..last, sentence.tokens.start)
        .or_else(|| cues::subject_before_colon(w, sentence.tokens.start, last))
}

/// Resolves the speaker phrase of a cue to an entity, and says how.
fn resolve<'a>(
    w: &Words<'a, '_>,
    mentions: &mut Mentions<'a>,
    cue: Cue,
    sentence: usize,
    config: &Config,
) -> Option<(usize, Attribution)> {
    let np = cue.speaker;
    match np.kind {
        NpKind::Name { .. } => {
            let id = mentions.named(w, np, sentence)?;
            Some((id, Attribution::Cue))
        }
        NpKind::Pronoun => {
            if !config.resolve_pronouns {
                return None;
            }
            let id = mentions
                .exactly(np.start, np.end)
                .map(|m| m.entity)
                .or_else(|| mentions.resolve(w, np, sentence))?;
            Some((id, Attribution::Pronoun))
        }
        NpKind::Description { head } => {
            if config.resolve_descriptions {
                if let Some(id) = mentions
                    .exactly(np.start, np.end)
                    .map(|m| m.entity)
                    .or_else(|| mentions.resolve(w, np, sentence))
                {
                    return Some((id, Attribution::Description));
                }
            }
            Some((mentions.described(w, np, head), Attribution::Description))
        }
        NpKind::Relation { head, name } => {
            let id = mentions
                .exactly(np.start, np.end)
                .map(|m| m.entity)
                .unwrap_or_else(|| mentions.relation_entity(w, head, name));
            Some((id, Attribution::Description))
        }
    }
}

/// Whether quote `q`, which has no cue, continues the speaker of the quote
/// before: it opens its paragraph (or follows in the same paragraph), and
/// only short lines without quotes lie between.
fn continues(
    tokens: &Tokens<'_>,
    w: &Words<'_, '_>,
    q: &Found,
    prev: &Previous,
    context: &cues::Context,
    quoted: &[bool],
) -> bool {
    // Only whole sentences continue a speaker: a fragment in marks with no
    // cue is more often a term or a name than more of the same speech.
    let opens_its_clause = context.before.is_empty() || only_openers(w, context.before.clone());
    if q.kind != QuoteKind::Direct || !opens_its_clause || has_own_cue_after(w, context) {
        return false;
    }
    if q.first_para == prev.last_para {
        return true;
    }
    ((prev.last_para + 1)..q.first_para).all(|p| is_caption(tokens, w, p, quoted))
}

/// Whether tokens `range` are only words that open a clause, and commas:
/// `…,” Tobin said. Instead, “he sits on his hands…”` continues the same speech.
fn only_openers(w: &Words<'_, '_>, range: Range<usize>) -> bool {
    range.clone().any(|t| w.is_word(t))
        && range.len() <= OPENERS_MAX_TOKENS
        && range
            .clone()
            .all(|t| w.lw(t) == "," || w.has(t, words::class::CLAUSE_OPENER))
}

/// `“…,” one Harlow Mills packer told a radio station.`: a reporting verb among the
/// first words after the quote gives it a speaker of its own, even one the
/// rules cannot read, so the speaker before does not carry over.
fn has_own_cue_after(w: &Words<'_, '_>, context: &cues::Context) -> bool {
    context
        .after
        .clone()
        .filter(|&t| w.is_word(t))
        .take(OWN_CUE_WORDS)
        .any(|t| w.is_cue_verb(t) && !w.is_participle(t))
}

/// A short line without quotes that does not end like a sentence: a photo
/// caption or a subheading.
fn is_caption(tokens: &Tokens<'_>, w: &Words<'_, '_>, p: usize, quoted: &[bool]) -> bool {
    let para = &tokens.paragraphs[p];
    crate::steps::take(para.tokens.len());
    let words = para.tokens.clone().filter(|&t| w.is_word(t)).count();
    let last = para.tokens.end - 1;
    let has_quote = para.tokens.clone().any(|t| quoted[t]);
    !has_quote && words <= CAPTION_MAX_WORDS && !matches!(w.lw(last), "." | ":" | "?" | "!")
}

/// The words before and after quote `i` in its sentence, outside quotes.
///
/// `last_sentence` is the sentence where the quote before closed: this
/// quote most often opens in it or the next one.
fn context(w: &Words<'_, '_>, found: &[Found], i: usize, quoted: &[bool], last_sentence: usize) -> cues::Context {
    let tokens = w.tokens;
    let q = &found[i];
    let open_index = sentence_among(tokens, q.open, [last_sentence, last_sentence + 1]);
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
        sentence_of(tokens, last)
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
        after = attribution_sentence(w, quoted, after_start, para_end).unwrap_or(after);
    }
    cues::Context {
        before: start..q.open,
        after,
        sentence_start: open_sentence.tokens.start,
        sentences: [open_index, close_index],
    }
}

/// The token after the last quoted one in `start..end`, or `start` if none
/// is quoted: found by a search of the slice, which runs faster than a
/// loop over the indexes.
fn past_last_quoted(quoted: &[bool], start: usize, end: usize) -> usize {
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
fn attribution_sentence(w: &Words<'_, '_>, quoted: &[bool], start: usize, para_end: usize) -> Option<Range<usize>> {
    if start >= para_end || quoted[start] {
        return None;
    }
    let sentence = &w.tokens.sentences[sentence_of(w.tokens, start)];
    let sentence_end = sentence.tokens.end.min(para_end).min(start + CONTEXT_MAX_TOKENS);
    crate::steps::take(sentence_end.saturating_sub(start));
    let end = (start..sentence_end).find(|&t| quoted[t]).unwrap_or(sentence_end);
    if end < sentence_end && introduces_next_quote(w, start, end) {
        return None;
    }
    let words = (start..end).filter(|&t| w.is_word(t)).count();
    (words <= ATTRIBUTION_MAX_WORDS).then_some(start..end)
}

/// Whether the words from `start` to the quote at `end` end in a reporting
/// verb (not a participle) or a colon: the attribution of the quote that
/// follows.
fn introduces_next_quote(w: &Words<'_, '_>, start: usize, end: usize) -> bool {
    let Some(last) = (start..end).rev().find(|&t| w.is_word(t)) else {
        return true;
    };
    let ends_in_verb = w.is_reporting_verb(last) && !w.is_participle(last);
    ends_in_verb || (last + 1 < end && w.lw(last + 1) == ":")
}

/// What a fragment in marks is when no one is reported to say it: a title
/// or name when its words are capitalised (`“Morning Report”`), a scare
/// quote when it is short (`“re-education camps”`), else still speech
/// whose speaker the text does not give.
fn unattributed_fragment_kind(w: &Words<'_, '_>, q: &Found) -> QuoteKind {
    if crate::quotes::is_title_case(w.tokens, q) {
        QuoteKind::Title
    } else if (q.open..q.end_token).filter(|&t| w.is_word(t)).count() <= SCARE_MAX_WORDS {
        QuoteKind::ScareQuote
    } else {
        QuoteKind::Mixed
    }
}

/// The index of the sentence that holds token `t` (0 if none does). Found
/// by a binary search over the sentences, asked a few times a quote,
/// rather than read from a vector of one index a token: that cost memory
/// in proportion to the text, and page faults on long ones.
fn sentence_of(tokens: &Tokens<'_>, t: usize) -> usize {
    let k = tokens.sentences.partition_point(|s| s.tokens.end <= t);
    match tokens.sentences.get(k) {
        Some(s) if s.tokens.start <= t => k,
        _ => 0,
    }
}

/// [`sentence_of`] token `t`, looked for first among the `known` sentences
/// (those it most likely stands in: a speaker in the quote's, a quote in
/// the one where the quote before closed or the next) before it is
/// searched for: a sentence holds its own tokens only.
fn sentence_among(tokens: &Tokens<'_>, t: usize, known: [usize; 2]) -> usize {
    known
        .into_iter()
        .find(|&k| tokens.sentences.get(k).is_some_and(|s| s.tokens.contains(&t)))
        .unwrap_or_else(|| sentence_of(tokens, t))
}

/// The last sentence that ends at or before token `t`.
fn sentence_before<'t>(tokens: &'t Tokens<'_>, t: usize) -> Option<&'t crate::tokenize::Segment> {
    let k = tokens.sentences.partition_point(|s| s.tokens.end <= t);
    k.checked_sub(1).map(|k| &tokens.sentences[k])
}

#[cfg(test)]
mod tests;
