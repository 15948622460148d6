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
    let (found, mut given_cues) = merge_in_text_order(found, reported);

    let mut previous: Option<Previous> = None;
    // The sentence where the last quote's context ended.
    let mut last_sentence = 0;
    let mut out: Vec<Option<Quote<'h>>> = (0..found.len()).map(|_| None).collect();
    // Entity ids per quote, named once the quotes in marks are attributed
    // (their names), then once all are (the clauses' names).
    let mut entity_of: Vec<Option<usize>> = vec![None; found.len()];
    // The quotes in marks first, then the clauses of reported speech: a
    // clause's speaker (an entity it brings in, a description it binds)
    // must not change who a quote in marks is said by, so that reported
    // speech only adds quotes.
    let (clauses, in_marks): (Vec<usize>, Vec<usize>) = (0..found.len()).partition(|&i| given_cues[i].is_some());
    let mut named_in_marks = false;
    for &i in in_marks.iter().chain(&clauses) {
        let q = &found[i];
        let given_cue = given_cues[i].take();
        if given_cue.is_some() && !named_in_marks {
            name_speakers(&mut out, &entity_of, in_marks.iter().copied(), &mentions);
            named_in_marks = true;
        }
        let mut kind = q.kind;
        let mut cue_span = None;
        let mut attributed = None;
        if let Some(cue) = given_cue {
            // Reported speech comes with its cue.
            let context = clause_context(&words, q);
            cue_span = Some(words.span(cue.cue.start, cue.cue.end));
            attributed = attribute_cue(&words, &mut mentions, &cue, q, &context, options);
        } else if kind.is_speech() {
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
        if confidence.is_some_and(|c| c < options.min_confidence) {
            attributed = None;
        }
        if !kind.is_speech() {
            // A title or scare quote is words of its sentence, not a
            // barrier for the cues of the quotes after it.
            for flag in &mut quoted[q.open..q.end_token.min(tokens.tokens.len())] {
                *flag = false;
            }
        } else if kind != QuoteKind::Indirect {
            previous = Some(Previous {
                speaker: attributed,
                last_para: q.last_para,
            });
        }
        entity_of[i] = attributed.and_then(|a| a.entity);
        out[i] = Some(Quote {
            haystack: tokens.text(),
            span: q.span,
            // Moved in from `found` at the end: the rules still read it.
            content: Vec::new(),
            kind,
            cue: cue_span,
            speaker: attributed.zip(confidence).map(|(a, confidence)| Speaker {
                haystack: tokens.text(),
                mention: a.mention,
                name: None,
                attribution: a.attribution,
                confidence,
            }),
        });
    }
    // Canonical names, now that every mention has been read (those of the
    // quotes in marks are given already if there are clauses).
    if !named_in_marks {
        name_speakers(&mut out, &entity_of, in_marks.iter().copied(), &mentions);
    }
    name_speakers(&mut out, &entity_of, clauses.iter().copied(), &mentions);
    let mut out: Vec<Quote<'h>> = out
        .into_iter()
        .zip(found)
        .filter_map(|(quote, q)| {
            quote.map(|quote| Quote {
                content: q.content,
                ..quote
            })
        })
        .collect();
    // Reported speech is reported only with its speaker: without one, a
    // clause is just a clause.
    out.retain(|quote| quote.kind != QuoteKind::Indirect || quote.speaker.is_some());
    drop(mentions);
    vecs.words = words.into_vecs();
    vecs.quoted = quoted;
    out
}

/// Gives the speakers of quotes `which` their canonical names: those of
/// their entities as the mentions read so far have named them.
fn name_speakers(
    out: &mut [Option<Quote<'_>>],
    entity_of: &[Option<usize>],
    which: impl Iterator<Item = usize>,
    mentions: &Mentions<'_>,
) {
    for i in which {
        let speaker = out[i].as_mut().and_then(|quote| quote.speaker.as_mut());
        if let (Some(s), Some(id)) = (speaker, entity_of[i]) {
            s.name = Some(mentions.entities[id].name.to_string());
        }
    }
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

/// The quotes in marks and the clauses of reported speech in one list, in
/// text order, with the cue of each clause beside it (none for a quote in
/// marks, whose cue is still to be found).
fn merge_in_text_order(
    found: Vec<FoundQuote>,
    reported: Vec<reported::Reported>,
) -> (Vec<FoundQuote>, Vec<Option<Cue>>) {
    if reported.is_empty() {
        let cues = vec![None; found.len()];
        return (found, cues);
    }
    let mut quotes = Vec::with_capacity(found.len() + reported.len());
    let mut cues = Vec::with_capacity(found.len() + reported.len());
    let mut reported = reported.into_iter().peekable();
    for q in found {
        while let Some(r) = reported.next_if(|r| r.quote.open < q.open) {
            quotes.push(r.quote);
            cues.push(Some(r.cue));
        }
        quotes.push(q);
        cues.push(None);
    }
    for r in reported {
        quotes.push(r.quote);
        cues.push(Some(r.cue));
    }
    (quotes, cues)
}

/// The context of a clause of reported speech: its sentence, where its cue
/// and speaker stand.
fn clause_context(words: &Words<'_, '_>, q: &FoundQuote) -> Context {
    let index = words.tokens.sentence_of(q.open);
    let sentence = &words.tokens.sentences[index];
    Context {
        before: sentence.tokens.start..q.open,
        after: q.end_token..sentence.tokens.end,
        sentence_start: sentence.tokens.start,
        sentences: [index, index],
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
