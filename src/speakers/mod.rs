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
//!    a sentence of reported speech just before, in the same paragraph
//!    (`…, Calder said. “…”`); for a quote that opens its paragraph, a
//!    paragraph before without quotes that reports speech (`Calder says
//!    the town cannot wait.` ⏎ `“…”`);
//! 5. the speaker of the quote before, for a quote paragraph without a cue
//!    (also across short lines without quotes, such as a photo caption);
//!    else, for a quote that is a sentence of its own, the person the
//!    sentence before is about (`topic.rs`);
//! 6. otherwise no speaker: unknown is an answer.
//!
//! Reported speech without marks (`reported.rs`) is found here too, after
//! the words are read and before the quotes are attributed: each clause
//! comes with its cue, whose speaker is resolved as a quote's, in text
//! order among the quotes; a clause whose speaker cannot be resolved is
//! dropped.
//!
//! `rules.rs` holds that order; `context.rs` the words around a quote it
//! reads; `cues.rs` and `subjects.rs` the cue and speaker phrase;
//! `mentions/` who each phrase stands for. Below them: `phrases.rs` and
//! `name_runs.rs` (noun phrases and names), `clauses.rs`, `verbs.rs`, the
//! token view `view.rs`, and the string functions of `names.rs`. Arrows
//! run one way, from the rules down to the view.

mod clauses;
mod confidence;
mod context;
mod cues;
mod mentions;
mod name_runs;
mod names;
mod np;
mod phrases;
mod reported;
mod rules;
mod subjects;
mod topic;
mod verbs;
mod view;

use std::collections::HashSet;

use crate::lexicon::Sort;
use crate::lexicon::classes::Class;
use crate::quotes::FoundQuote;
use crate::tokenize::Tokens;
use crate::types::{Attribution, Quote, QuoteKind, Span, Speaker};

use confidence::{Features, MentionKind, Side};
use context::{CONTEXT_MAX_TOKENS, Context, context};
use cues::Cue;
use mentions::Mentions;
use np::{Np, NpKind};
use rules::{continues, find_cue, unattributed_fragment_kind};
use view::Words;

/// The speaker stage's settings (the builder's: see
/// [`ExtractorBuilder`](crate::ExtractorBuilder)).
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Reporting verbs added by the user, lower-cased, beside the built-in
    /// list.
    pub(crate) extra_verbs: HashSet<String>,
    /// Whether `he`, `she`, `it`, `they` are followed back to a name.
    pub(crate) resolve_pronouns: bool,
    /// Whether `the council leader` is followed back to a name.
    pub(crate) resolve_descriptions: bool,
    /// Whether a quote paragraph without a cue takes the speaker before.
    pub(crate) carry_speakers: bool,
    /// Attributions less sure than this are dropped.
    pub(crate) min_confidence: f32,
    /// Whether reported speech without marks is looked for.
    pub(crate) reported_speech: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            extra_verbs: HashSet::new(),
            resolve_pronouns: true,
            resolve_descriptions: true,
            carry_speakers: true,
            min_confidence: 0.0,
            reported_speech: true,
        }
    }
}

/// A speaker found for a quote, before the canonical names are known.
#[derive(Clone, Copy, Debug)]
struct Attributed {
    mention: Span,
    mention_kind: MentionKind,
    attribution: Attribution,
    side: Side,
    /// The entity the mention stands for; none for a pronoun the text
    /// gives nothing to take up (its speaker has no name).
    entity: Option<usize>,
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
    words: view::WordVecs,
}

impl SpeakerVecs {
    /// The bytes these buffers hold (their capacity).
    pub(crate) fn bytes(&self) -> usize {
        self.quoted.capacity() + self.lower_case.capacity() + self.words.bytes()
    }
}

/// Attributes a speaker to each quote that is speech, and finds the
/// reported speech without marks (when the options ask for it), in
/// buffers an earlier text left in `vecs`.
pub(crate) fn attribute<'h>(
    tokens: &Tokens<'h>,
    found: Vec<FoundQuote>,
    options: &Options,
    vecs: &mut SpeakerVecs,
) -> Vec<Quote<'h>> {
    // No speech to attribute or look for: the words need not be read.
    if !options.reported_speech && !found.iter().any(|q| q.kind.is_speech()) {
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
    let words = Words::new(
        tokens,
        &options.extra_verbs,
        &mut vecs.lower_case,
        std::mem::take(&mut vecs.words),
    );
    let reported = if options.reported_speech {
        let mut reported = reported::find(&words, &quoted);
        reported.retain(|r| !crosses_a_quote(&found, &r.quote));
        reported
    } else {
        Vec::new()
    };
    // No speech after all: the mentions need not be read.
    if reported.is_empty() && !found.iter().any(|q| q.kind.is_speech()) {
        vecs.words = words.into_vecs();
        vecs.quoted = quoted;
        return found.into_iter().map(|q| q.into_quote(tokens.text())).collect();
    }
    let mut mentions = Mentions::collect(&words, &quoted);

    let mut previous: Option<Previous> = None;
    // The sentence where the last quote's context ended.
    let mut last_sentence = 0;
    let mut out: Vec<Quote<'h>> = Vec::with_capacity(found.len() + reported.len());
    // Entity ids per quote, named at the end once all names are known.
    let mut entity_of: Vec<Option<usize>> = Vec::with_capacity(found.len());
    for (i, q) in found.iter().enumerate() {
        let mut kind = q.kind;
        let mut cue_span = None;
        let mut attributed = None;
        if kind.is_speech() {
            let context = context(&words, &found, i, &quoted, last_sentence);
            last_sentence = context.sentences[1];
            match find_cue(&words, q, &context, tokens) {
                Some(cue) => {
                    cue_span = (!cue.cue.is_empty()).then(|| words.span(cue.cue.start, cue.cue.end));
                    attributed = attribute_cue(&words, &mut mentions, &cue, q, &context, options);
                }
                None if options.carry_speakers => {
                    attributed = previous
                        .filter(|p| continues(tokens, &words, q, p.last_para, &context, &quoted))
                        .and_then(|p| p.speaker)
                        .map(|s| Attributed {
                            attribution: Attribution::Continuation,
                            side: Side::None,
                            ..s
                        })
                        .or_else(|| {
                            topic::subject_before(&words, &mentions, q, &context, &quoted)
                                .map(|m| carried_from_subject(&words, m))
                        });
                }
                None => {}
            }
            if attributed.is_none() && cue_span.is_none() && kind == QuoteKind::Mixed {
                kind = unattributed_fragment_kind(&words, q);
            }
        }
        let speaker = speaker_above_bar(tokens, q, kind, attributed, options);
        if !kind.is_speech() {
            // A title or scare quote is words of its sentence, not a
            // barrier for the cues of the quotes after it.
            for flag in &mut quoted[q.open..q.end_token.min(tokens.tokens.len())] {
                *flag = false;
            }
        } else {
            previous = Some(Previous {
                speaker: speaker.map(|(a, _)| a),
                last_para: q.last_para,
            });
        }
        entity_of.push(speaker.and_then(|(a, _)| a.entity));
        out.push(quote_with_speaker(tokens, q, kind, cue_span, speaker));
    }
    // Canonical names, now that every mention has been read.
    name_speakers(&mut out, &entity_of, &mentions);
    for (quote, q) in out.iter_mut().zip(found) {
        // Moved in now: the rules above read the contents of quotes.
        quote.content = q.content;
    }
    // Then the clauses of reported speech: after the quotes in marks are
    // named, so that a clause's speaker (an entity it brings in, a
    // description it binds) does not change who a quote in marks is said
    // by; reported speech only adds quotes. A clause is reported only with
    // its speaker: without one, it is just a clause.
    let mut clauses = Vec::with_capacity(reported.len());
    let mut clause_entities = Vec::with_capacity(reported.len());
    for r in reported {
        let context = clause_context(&words, &r);
        let attributed = attribute_cue(&words, &mut mentions, &r.cue, &r.quote, &context, options);
        let Some(speaker) = speaker_above_bar(tokens, &r.quote, QuoteKind::Indirect, attributed, options) else {
            continue;
        };
        let cue_span = Some(words.span(r.cue.cue.start, r.cue.cue.end));
        clause_entities.push(speaker.0.entity);
        let mut quote = quote_with_speaker(tokens, &r.quote, QuoteKind::Indirect, cue_span, Some(speaker));
        quote.content = r.quote.content;
        clauses.push(quote);
    }
    name_speakers(&mut clauses, &clause_entities, &mentions);
    drop(mentions);
    vecs.words = words.into_vecs();
    vecs.quoted = quoted;
    in_text_order(out, clauses)
}

/// A speaker found for a quote of `kind`, with its confidence, unless the
/// confidence is below the user's bar: then no speaker (unknown rather
/// than unsure).
fn speaker_above_bar(
    tokens: &Tokens<'_>,
    q: &FoundQuote,
    kind: QuoteKind,
    attributed: Option<Attributed>,
    options: &Options,
) -> Option<(Attributed, f32)> {
    let a = attributed?;
    let features = Features {
        attribution: a.attribution,
        side: a.side,
        kind,
        // Told by the closure below, where the table asks for it.
        short: false,
        mention: a.mention_kind,
    };
    let confidence =
        confidence::confidence_asking_length(&features, || confidence::is_short(&tokens.text()[q.span.range()]));
    (confidence >= options.min_confidence).then_some((a, confidence))
}

/// The result for quote `q`, its speaker not named yet ([`name_speakers`])
/// and its content still in `q`.
fn quote_with_speaker<'h>(
    tokens: &Tokens<'h>,
    q: &FoundQuote,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: Option<(Attributed, f32)>,
) -> Quote<'h> {
    Quote {
        haystack: tokens.text(),
        span: q.span,
        content: Vec::new(),
        kind,
        cue,
        speaker: speaker.map(|(a, confidence)| Speaker {
            haystack: tokens.text(),
            mention: a.mention,
            name: None,
            attribution: a.attribution,
            confidence,
        }),
    }
}

/// Gives the speakers of `quotes` the canonical names of their entities
/// (`entity_of`, one a quote), as the mentions read so far name them.
fn name_speakers(quotes: &mut [Quote<'_>], entity_of: &[Option<usize>], mentions: &Mentions<'_>) {
    for (quote, entity) in quotes.iter_mut().zip(entity_of) {
        if let (Some(s), Some(id)) = (quote.speaker.as_mut(), *entity) {
            s.name = Some(mentions.entities[id].name.to_string());
        }
    }
}

/// The quotes in marks and the clauses of reported speech in one list, in
/// text order: a clause before a quote that opens after it (a clause may
/// hold a title or scare quote).
fn in_text_order<'h>(marks: Vec<Quote<'h>>, clauses: Vec<Quote<'h>>) -> Vec<Quote<'h>> {
    if clauses.is_empty() {
        return marks;
    }
    let mut out = Vec::with_capacity(marks.len() + clauses.len());
    let mut clauses = clauses.into_iter().peekable();
    for q in marks {
        while let Some(clause) = clauses.next_if(|c| c.span.start < q.span.start) {
            out.push(clause);
        }
        out.push(q);
    }
    out.extend(clauses);
    out
}

/// Whether a clause of reported speech crosses the boundary of a quote in
/// marks (starts inside one, or ends inside one that starts in it): a
/// clause may hold a title or scare quote whole, never half of one.
/// Clauses do not overlap, so each quote is looked at for one clause at
/// most.
fn crosses_a_quote(found: &[FoundQuote], clause: &FoundQuote) -> bool {
    let first_inside = found.partition_point(|q| q.open < clause.open);
    let starts_inside = first_inside
        .checked_sub(1)
        .is_some_and(|before| found[before].end_token > clause.open);
    starts_inside
        || found[first_inside..]
            .iter()
            .take_while(|q| q.open < clause.end_token)
            .any(|q| q.end_token > clause.end_token)
}

/// The context of a clause of reported speech: its sentence, where its cue
/// and speaker stand.
fn clause_context(words: &Words<'_, '_>, r: &reported::Reported) -> Context {
    let sentence = &words.tokens.sentences[r.sentence];
    Context {
        before: sentence.tokens.start..r.quote.open,
        after: r.quote.end_token..sentence.tokens.end,
        sentence_start: sentence.tokens.start,
        sentences: [r.sentence, r.sentence],
    }
}

/// The speaker of a quote whose cue was found: its phrase resolved to an
/// entity.
fn attribute_cue<'a>(
    words: &Words<'a, '_>,
    mentions: &mut Mentions<'a>,
    cue: &Cue,
    q: &FoundQuote,
    context: &Context,
    options: &Options,
) -> Option<Attributed> {
    let sentence = words.tokens.sentence_among(cue.speaker.start, context.sentences);
    let (entity, attribution) = resolve(words, mentions, cue.clone(), sentence, options)?;
    if let Some(entity) = entity {
        mentions.note_speaker(entity, cue.speaker, sentence);
    }
    // `the department, which reported “…”`: the relative pronoun is the
    // mention at the cue, and stands for the phrase before it as a pronoun.
    let relative = cues::relative_pronoun_at(words, cue);
    let (mention, attribution) = match relative {
        Some(r) => (words.span(r, r + 1), Attribution::Pronoun),
        None => (words.span(cue.speaker.start, cue.speaker.end), attribution),
    };
    Some(Attributed {
        mention,
        mention_kind: confidence::mention_kind(&words.tokens.text()[mention.range()]),
        attribution,
        side: if cue.speaker.start >= q.end_token {
            Side::After
        } else {
            Side::Before
        },
        entity,
    })
}

/// The speaker of a quote without a cue that the person the sentence
/// before is about speaks ([`topic::subject_before`]): carried from that
/// sentence's subject.
fn carried_from_subject(words: &Words<'_, '_>, subject: mentions::Mention) -> Attributed {
    let mention = words.span(subject.token, subject.token_end);
    Attributed {
        mention,
        mention_kind: confidence::mention_kind(&words.tokens.text()[mention.range()]),
        attribution: Attribution::Narration,
        side: Side::None,
        entity: Some(subject.entity),
    }
}

/// Resolves the speaker phrase of a cue to an entity, and says how. A
/// description is first a document's author's (`the Harbour Police
/// statement said`), then, for a definite document, its issuer's (`X said
/// in a statement` … `the statement said`), then what the mention pass
/// bound it to, else a described speaker of its own (which a definite
/// description after takes up, when `a` or `an` brought it in). A pronoun that the
/// text gives nothing to take up (or that the options leave unresolved) is
/// still the speaker's mention: its entity is none, and the speaker's name
/// unknown.
fn resolve<'a>(
    words: &Words<'a, '_>,
    mentions: &mut Mentions<'a>,
    cue: Cue,
    sentence: usize,
    options: &Options,
) -> Option<(Option<usize>, Attribution)> {
    let np = cue.speaker;
    match np.kind {
        NpKind::Name { .. } => {
            let id = mentions.named(words, np, sentence)?;
            Some((Some(id), Attribution::Cue))
        }
        NpKind::Pronoun => {
            let id = options
                .resolve_pronouns
                .then(|| {
                    (mentions.exactly(np.start, np.end).map(|m| m.entity))
                        .or_else(|| mentions.resolve(words, np, sentence))
                })
                .flatten();
            Some((id, Attribution::Pronoun))
        }
        NpKind::Description { head } => {
            if let Some(id) = mentions.document_author(words, np, head, sentence) {
                return Some((Some(id), Attribution::Description));
            }
            // `X said in a statement that …` … `The statement also said`
            if let Some(issuer) = document_issuer(words, np, head) {
                let issuer_sentence = words.tokens.sentence_of(issuer.speaker.start);
                // (Not a description, which could name a document again.)
                if !matches!(issuer.speaker.kind, NpKind::Description { .. }) {
                    if let Some((Some(id), _)) = resolve(words, mentions, issuer, issuer_sentence, options) {
                        return Some((Some(id), Attribution::Description));
                    }
                }
            }
            if options.resolve_descriptions {
                if let Some(id) = mentions
                    .exactly(np.start, np.end)
                    .map(|m| m.entity)
                    .or_else(|| mentions.resolve(words, np, sentence))
                {
                    return Some((Some(id), Attribution::Description));
                }
            }
            Some((
                Some(mentions.described_speaker(words, np, head)),
                Attribution::Description,
            ))
        }
        NpKind::Relation { head, name } => {
            let id = mentions
                .exactly(np.start, np.end)
                .map(|m| m.entity)
                .unwrap_or_else(|| mentions.relation_entity(words, head, name));
            Some((Some(id), Attribution::Description))
        }
    }
}

/// How far back (in tokens) a definite document looks for where the text
/// said who spoke in it.
const ISSUER_WINDOW: usize = 2 * CONTEXT_MAX_TOKENS;

/// `The Dairy Board said in a statement that …` … `The statement also
/// said`, `the post read`: a definite document (`the statement`, `the
/// post`) is the words of whoever the text said spoke in it (`said in a
/// statement`, `stated in the company's blog post`) shortly before. The
/// cue of that saying, if any.
fn document_issuer(words: &Words<'_, '_>, np: Np, head: usize) -> Option<Cue> {
    if !phrases::is_definite(words, np.start) || name_runs::role_of_token(words, head)?.sort != Sort::Document {
        return None;
    }
    let noun = words.lower(head);
    let floor = np.start.saturating_sub(ISSUER_WINDOW);
    crate::steps::take(np.start - floor);
    let k = (floor..np.start).rev().find(|&k| words.lower(k) == noun)?;
    // `in a statement`, `in its statement`, `in the company's blog post`
    let in_at = (k.saturating_sub(4)..k).rev().find(|&u| words.lower(u) == "in")?;
    let v = (in_at.saturating_sub(3)..in_at)
        .rev()
        .find(|&u| words.is_cue_verb(u) && words.is(u, Class::SAY_VERB) && !words.is_participle(u))?;
    let sentence = &words.tokens.sentences[words.tokens.sentence_of(v)];
    cues::before_quote(words, sentence.tokens.start..v + 1, sentence.tokens.start).filter(|cue| cue.cue.contains(&v))
}

#[cfg(test)]
mod tests;
