//! Who is mentioned where: names, pronouns and descriptions, grouped into
//! entities (one per person or body), with the salience order that
//! pronouns and descriptions resolve by.
//!
//! The text is read once, sentence by sentence. Each name becomes a
//! mention of an entity: a new one, or an earlier one it shortens (`Mr
//! Pryce`, `Pryce` and `Alan` for `Alan Pryce`). A title or role
//! before a name (`Foreign Secretary Ann Ruiz`) and an appositive after
//! it (`Ann Ruiz, the Foreign Secretary,`) bind the description to the
//! entity; a person's role before a name makes it a person's, though it
//! ends in a word of bodies' names (`museum director Sean Church`); a
//! name of one word that the text writes before a noun of what bodies
//! have (`Voxley employees`) is a body's. A pronoun or a definite
//! description that starts a clause is resolved when it is read, to the
//! most salient earlier entity that agrees with it: recent sentences
//! first, and within a sentence subjects before other mentions, earlier
//! before later, words outside quotes before names inside them.

mod entities;
mod map;
mod salience;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::lexicon::classes::{Class, role_of};
use crate::lexicon::{Gender, LEXICON, Sort};
use crate::speakers::clauses::{clause_starts_into, is_photo_caption, is_title_case};
use crate::speakers::name_runs::{is_headline_run, name_at, role_of_token, role_words_before};
use crate::speakers::names::{clean_name, description_name};
pub(super) use crate::speakers::np::{Np, NpKind};
use crate::speakers::phrases::{appositive_after, is_definite, np_right, of_follows, relation_at};
use crate::speakers::view::Words;
use crate::types::Span;
pub(super) use crate::util::hash::Map;
pub(crate) use entities::{Entity, NameText};
use entities::{NO_WORD, NameIndex, NameInfo};
pub(crate) use map::{Mention, MentionMap};

/// At most this many earlier mentions are weighed for one pronoun, and
/// this many entities for one name.
const MAX_CANDIDATES: usize = 64;

/// A description bound to an entity: `the Foreign Secretary` → Ann Ruiz.
#[derive(Clone, Debug)]
struct Binding<'a> {
    /// The description's words, lower-cased, head noun last.
    words: Vec<&'a str>,
    entity: usize,
}

/// What the mention pass found: entities, mentions in text order, and the
/// descriptions bound to entities.
#[derive(Debug, Default)]
pub(crate) struct Mentions<'a> {
    pub(crate) entities: Vec<Entity<'a>>,
    /// Mentions by their first token, in text order.
    pub(crate) mentions: MentionMap,
    /// Descriptions bound to entities, by head noun, in text order.
    bindings: Map<&'a str, Vec<Binding<'a>>>,
    /// Entities known only by a description, by that description.
    by_description: Map<String, usize>,
    /// Named entities by the lower-cased words of their names.
    index: NameIndex<'a>,
    /// The token of each entity's latest mention, for recency.
    last_seen: Vec<usize>,
    /// Each written form of a name, and what it says: the number of its
    /// [`NameInfo`] in `infos`.
    names: Map<&'a str, u32>,
    infos: Vec<NameInfo<'a>>,
    /// The writer (`I`), once a cue has named them: a speaker of their
    /// own, and never someone a third-person pronoun takes up.
    writer: Option<usize>,
    /// The capitalised words that the text writes right before a noun of
    /// what bodies have (`Voxley employees`): bodies' names.
    body_words: crate::util::hash::Set<&'a str>,
    /// Whether each sentence is in a photo caption ([`is_photo_caption`]):
    /// who is in the picture, not who the text goes on about.
    in_caption: Vec<bool>,
}

impl<'a> Mentions<'a> {
    /// Reads the text once and collects its mentions. `quoted[t]` says
    /// whether token `t` is inside a quotation.
    pub(crate) fn collect(words: &Words<'a, '_>, quoted: &[bool]) -> Mentions<'a> {
        let tokens = words.tokens;
        let mut m = Mentions::default();
        // Room for the names a text of this length usually has (in news, a
        // new way of writing a name every 20 words or so, and a word or two
        // of it to number), so that the tables seldom grow. Counted in
        // words, not tokens: a text of quotation marks and punctuation has
        // tokens by the million and few names, and tables sized by its
        // tokens took tens of megabytes.
        let names = words.word_count() / 13;
        m.names.reserve(names);
        m.infos.reserve(names);
        m.index.reserve(names * 2);
        m.entities.reserve(names);
        m.last_seen.reserve(names);
        // And for the mentions: about one every ten words in news.
        m.mentions.reserve(words.word_count() / 8);
        let mut subject_at = Vec::new();
        m.in_caption = caption_sentences(words);
        m.body_words = body_words(words);
        for (s, sentence) in tokens.sentences.iter().enumerate() {
            // A sentence of marks and punctuation (`"` ⏎ `"` ⏎ …) names
            // nobody and starts no clause.
            // PERF: with the early outs of `clauses.rs`, 163.3M → 130.3M
            // instructions on mark_newline at 250 kB (benches: `scaling
            // --once mark_newline` under callgrind).
            if !words.holds_a_word(sentence.tokens.clone()) {
                continue;
            }
            // A headline in title case has a capital on every word: its
            // runs of capitals are not names.
            if is_title_case(words, sentence.tokens.clone()) {
                continue;
            }
            clause_starts_into(words, sentence.tokens.clone(), &mut subject_at);
            // In order, so that the pass (which only moves on) finds the
            // next clause's start by a cursor (see [`next_start`]).
            subject_at.sort_unstable();
            let mut next_subject = 0;
            let end = sentence.tokens.end;
            let mut t = sentence.tokens.start;
            loop {
                let is_subject;
                (t, is_subject) = next_start(words, quoted, &subject_at, &mut next_subject, t, end);
                if t >= end {
                    break;
                }
                let in_quote = quoted[t];
                // `the wife of Michael X`: a person known by a relation.
                // (The `of` first, from the token's bits: the call only for
                // the few tokens with one after them.)
                if let Some(np) = (!in_quote && of_follows(words, t))
                    .then(|| relation_at(words, t, end))
                    .flatten()
                {
                    if let NpKind::Relation { head, name } = np.kind {
                        // The person first, so the relation takes their
                        // fullest name.
                        // The person's phrase starts after `of`.
                        if let Some(inner) = np_right(words, head + 2, sentence.tokens.end) {
                            m.add_name(words, inner, s, false, false);
                        }
                        let id = m.relation_entity(words, head, name);
                        m.push(id, np, s, is_subject, false);
                        t = np.end;
                        continue;
                    }
                }
                if let Some(np) = name_at(words, t, sentence.tokens.end) {
                    // `according to Edmund Carrow`: the source of what the
                    // sentence says is as salient as its subject.
                    let is_subject =
                        is_subject || (t >= 2 && words.lower(t - 2) == "according" && words.lower(t - 1) == "to");
                    // `But Labour candidate Mr Reilly has…`: the subject starts
                    // at the role words before the name.
                    let roles = role_words_before(words, t);
                    let role_start = roles.start;
                    let is_subject = is_subject
                        || (!roles.is_empty()
                            && (subject_at.binary_search(&role_start).is_ok()
                                || role_start > 0
                                    && subject_at.binary_search(&(role_start - 1)).is_ok()
                                    && words.is(role_start - 1, Class::DETERMINER)));
                    m.add_name_after_roles(words, np, s, is_subject, in_quote, Some((t, roles)));
                    t = np.end;
                    continue;
                }
                if !in_quote && is_subject {
                    if let Some(np) = np_right(words, t, sentence.tokens.end) {
                        if matches!(np.kind, NpKind::Name { .. }) {
                            // `Labour candidate Mr Reilly`: a name after its role.
                            m.add_name(words, np, s, true, false);
                        } else if let Some(entity) =
                            m.resolve(words, np, s).or_else(|| m.new_described_person(words, np))
                        {
                            m.push(entity, np, s, true, false);
                        }
                        t = np.end.max(t + 1);
                        continue;
                    }
                }
                t += 1;
            }
        }
        m
    }

    /// Records a mention, keeping the list in text order.
    fn push(&mut self, entity: usize, np: Np, sentence: usize, subject: bool, quoted: bool) {
        if self.writer == Some(entity) {
            return;
        }
        self.last_seen[entity] = self.last_seen[entity].max(np.start);
        self.entities[entity].outside_quotes |= !quoted;
        self.mentions.insert_first(Mention {
            entity,
            token: np.start,
            token_end: np.end,
            sentence,
            subject,
            quoted,
        });
    }

    /// Records a name: finds or makes its entity, learns its gender, and
    /// binds the title or appositive around it.
    fn add_name(&mut self, words: &Words<'a, '_>, np: Np, sentence: usize, subject: bool, quoted: bool) {
        self.add_name_after_roles(words, np, sentence, subject, quoted, None);
    }

    /// [`Mentions::add_name`], given the role words before a token if they
    /// are known (`(token, words)`: the caller looked for them there, and
    /// most names have no title, so that the token is the name's own).
    fn add_name_after_roles(
        &mut self,
        words: &Words<'a, '_>,
        np: Np,
        sentence: usize,
        subject: bool,
        quoted: bool,
        known_roles: Option<(usize, Range<usize>)>,
    ) {
        let NpKind::Name { name } = np.kind else {
            return;
        };
        let name_token = name_token_in(words, np, name);
        let entity = self.entity_for_name(words, np, name, name_token);
        self.push(entity, np, sentence, subject, quoted);
        if quoted {
            return;
        }
        if self.body_words.contains(words.lower(name_token)) {
            self.learn_body(entity);
        }
        // `Foreign Secretary Ann Ruiz`, `Labour candidate Mr Reilly`: the
        // role words before the name.
        let roles = match known_roles {
            Some((at, roles)) if at == name_token => roles,
            _ => role_words_before(words, name_token),
        };
        if !roles.is_empty() {
            if !words.is_capitalised(roles.end - 1) {
                self.person_by_common_role_before(words, roles.end - 1, entity);
            }
            let role_words: Vec<&'a str> = roles.map(|u| words.lower(u)).collect();
            self.bind(role_words, entity);
        }
        // `Ann Ruiz, the Foreign Secretary,`
        if let Some(role) = appositive_after(words, np.end) {
            self.bind(role, entity);
        }
    }

    /// `artistic director Lena Bank`, `museum director Sean Church`: a
    /// name of two words or more right after a person's role in lower
    /// case is a person's, though its last word is one that ends the names
    /// of bodies. (Not after a capitalised role, which may be part of a
    /// body's name: `Reform Party`; nor after the name: in `Harlow
    /// Bank, the lender's owner,` the role may be someone else's.)
    fn person_by_common_role_before(&mut self, words: &Words<'a, '_>, head: usize, entity: usize) {
        let is_person_role = role_of(words.lower(head)).is_some_and(|r| r.sort == Sort::Person);
        let e = &mut self.entities[entity];
        if is_person_role && e.sort == Sort::Organisation && e.name_words >= 2 {
            e.sort = Sort::Person;
        }
    }

    /// A name of one word that nothing marked as a person's, and that
    /// the text writes before a noun of what bodies have (`Voxley
    /// employees`, `a Voxley refinery`), is a body's: `it` and `the
    /// company` may take it up, and `he` or `she` does not.
    fn learn_body(&mut self, entity: usize) {
        let e = &mut self.entities[entity];
        if e.is_bare_word_name() && e.sort == Sort::Person {
            e.sort = Sort::Organisation;
        }
    }

    fn bind(&mut self, words: Vec<&'a str>, entity: usize) {
        if let Some(head) = words.last() {
            if let Some(role) = role_of(head) {
                let e = &mut self.entities[entity];
                if e.gender == Gender::Unknown {
                    e.gender = role.gender;
                }
                e.person_role |= role.sort == Sort::Person;
            }
        }
        self.add_binding(words, entity);
    }

    /// A name mention that overlaps tokens `start..end`, if any.
    pub(crate) fn overlapping(&self, start: usize, end: usize) -> Option<&Mention> {
        self.mentions.before(end).rev().take(4).find(|m| m.token_end > start)
    }

    /// The mention of exactly tokens `start..end` (a pronoun or description
    /// resolved when the text was read).
    pub(crate) fn exactly(&self, start: usize, end: usize) -> Option<&Mention> {
        self.at(start).filter(|m| m.token_end == end)
    }

    /// The mention starting at token `t`, if any.
    pub(crate) fn at(&self, t: usize) -> Option<&Mention> {
        self.mentions.get(t)
    }

    /// Records that the speaker mention `np` stands for `entity` (a cue's
    /// subject is the most salient mention of its sentence).
    pub(crate) fn note_speaker(&mut self, entity: usize, np: Np, sentence: usize) {
        if self.overlapping(np.start, np.end).is_some() {
            return;
        }
        self.push(entity, np, sentence, true, false);
    }

    /// The entity for a person known by their relation to a named one:
    /// `Michael X's wife` for `the wife of Michael X`.
    pub(crate) fn relation_entity(&mut self, words: &Words<'_, '_>, head: usize, name: Span) -> usize {
        let name_token = name_token_start(words, name);
        let person = self
            .overlapping(name_token, name_token + 1)
            .map(|m| self.entities[m.entity].name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| NameText::Tidied(clean_name(&words.tokens.text()[name.range()]).into()));
        let relation = words.lower(head);
        let gender = LEXICON.relation_nouns.get(relation).copied().unwrap_or(Gender::Unknown);
        self.described_entity(format!("{}'s {relation}", &*person), gender, Sort::Person)
    }

    /// The entity of name `np`, which a cue found: the mention read before,
    /// or, for a name inside a longer phrase that was read as a whole
    /// (`Former head of the port authority Ann Ruiz:`), a mention
    /// recorded now.
    pub(crate) fn named(&mut self, words: &Words<'a, '_>, np: Np, sentence: usize) -> Option<usize> {
        if let Some(m) = self.overlapping(np.start, np.end) {
            return Some(m.entity);
        }
        if is_headline_run(words, &np) {
            return None;
        }
        self.add_name(words, np, sentence, true, false);
        self.overlapping(np.start, np.end).map(|m| m.entity)
    }

    /// `the Harbour Police statement said`, `a Northgate Council report
    /// found`: a document whose author's name stands right before its noun
    /// speaks for that author. The author's entity, if so.
    pub(crate) fn document_author(
        &mut self,
        words: &Words<'a, '_>,
        np: Np,
        head: usize,
        sentence: usize,
    ) -> Option<usize> {
        if role_of_token(words, head)?.sort != Sort::Document {
            return None;
        }
        let name = (np.start..head).find_map(|k| name_at(words, k, head))?;
        // Not `the school's Facebook post` (the owner before is the
        // author) nor `White House-era documents`.
        let owned = (np.start..name.start).any(|k| words.is_possessive(k));
        if !matches!(name.kind, NpKind::Name { .. }) || name.end != head || owned || words.lower(head - 1).contains('-')
        {
            return None;
        }
        self.named(words, name, sentence)
    }

    /// `A young woman asked…`, `My mother still says…`, `Donald Trump’s
    /// campaign is defending…`: a person or body the text describes
    /// without naming, as the subject of a clause, is someone the pronouns
    /// and descriptions after may take up (`“…,” the woman said`, `It’s
    /// denouncing…`). Only indefinite or possessive descriptions: `the
    /// senator` names someone met before.
    fn new_described_person(&mut self, words: &Words<'a, '_>, np: Np) -> Option<usize> {
        let NpKind::Description { head } = np.kind else {
            return None;
        };
        let role = role_of_token(words, head)?;
        let owned =
            (np.start..head).any(|t| words.is_possessive(t)) || words.is(np.start, Class::POSSESSIVE_DETERMINER);
        let indefinite = words.determiner_at(np.start) && !is_definite(words, np.start);
        let speaks = match role.sort {
            Sort::Person => indefinite || owned,
            Sort::Organisation => owned,
            _ => false,
        };
        if !speaks {
            return None;
        }
        let id = self.described(words, np, head);
        self.add_binding(words.lower_words(np.start, head + 1), id);
        Some(id)
    }

    /// The writer who speaks as `I`: `“Okay,” I said.` The name is the
    /// pronoun; the text does not say who wrote it.
    fn writer(&mut self) -> usize {
        if let Some(id) = self.writer {
            return id;
        }
        let id = self.described_entity("I".to_string(), Gender::Unknown, Sort::Person);
        self.writer = Some(id);
        id
    }

    /// The entity of a cue's speaker described and named nowhere: `“…,” a
    /// justice official said` … `the official said`. One brought in by
    /// `a` or `an` is bound to its words, so that a definite description
    /// after it with the same head noun takes it up (as one that starts a
    /// clause is in [`Mentions::collect`]).
    pub(crate) fn described_speaker(&mut self, words: &Words<'a, '_>, np: Np, head: usize) -> usize {
        let id = self.described(words, np, head);
        if words.is(np.start, Class::INDEFINITE_ARTICLE) {
            self.add_binding(words.lower_words(np.start, head + 1), id);
        }
        id
    }

    /// The entity for description `np` with head noun `head` that names no
    /// one the text has named: `a spokesman for the ministry`.
    pub(crate) fn described(&mut self, words: &Words<'_, '_>, np: Np, head: usize) -> usize {
        let role = role_of_token(words, head);
        let text = &words.tokens.text()[words.span(np.start, np.end).range()];
        self.described_entity(
            description_name(text),
            role.map_or(Gender::Unknown, |r| r.gender),
            role.map_or(Sort::Person, |r| r.sort),
        )
    }

    /// Makes an entity for a speaker the text only describes (`a spokesman
    /// for the ministry`, `Michael X's wife`).
    pub(crate) fn described_entity(&mut self, name: String, gender: Gender, sort: Sort) -> usize {
        if let Some(&id) = self.by_description.get(&name) {
            return id;
        }
        self.by_description.insert(name.clone(), self.entities.len());
        self.entities.push(Entity {
            name: NameText::Tidied(name.into()),
            name_words: 0,
            first: NO_WORD,
            last: NO_WORD,
            gender,
            sort,
            named: false,
            outside_quotes: true,
            person_role: false,
        });
        self.last_seen.push(0);
        self.entities.len() - 1
    }
}

/// The capitalised words written right before a noun of what bodies
/// have (`Voxley employees`, `a Voxley refinery`), lower-cased.
fn body_words<'a>(words: &Words<'a, '_>) -> crate::util::hash::Set<&'a str> {
    // PERF: the capitalised tokens read off their bits in one pass, rather
    // than two questions at each token: 689.0M → 683.5M instructions
    // (callgrind, `extract --jobs 1` on PolNeAR train).
    (words.capitalised_tokens())
        .filter(|&t| words.is(t + 1, Class::BODY_NOUN))
        .map(|t| words.lower(t))
        .collect()
}

/// For each sentence, whether its paragraph is a photo caption
/// ([`is_photo_caption`]).
fn caption_sentences(words: &Words<'_, '_>) -> Vec<bool> {
    let sentences = &words.tokens.sentences;
    let mut out = vec![false; sentences.len()];
    // A cursor over the sentences, moved on at the captions alone: the
    // other paragraphs (most) cost the question and nothing else.
    // PERF: 110.6M → 107.8M instructions on mark_newline at 250 kB.
    let mut s = 0;
    for para in (words.tokens.paragraphs.iter()).filter(|para| is_photo_caption(words, para.tokens.clone())) {
        while s < sentences.len() && sentences[s].tokens.start < para.tokens.start {
            s += 1;
        }
        while s < sentences.len() && sentences[s].tokens.start < para.tokens.end {
            out[s] = true;
            s += 1;
        }
    }
    out
}

/// The first token from `t` on (before `end`, else `end`) that may start
/// a mention, and whether a clause starts there: a capitalised word (a
/// name), a token with an `of` after it (a relation) outside quotes, or a
/// clause's start (a subject's phrase) outside quotes. `subjects` are the
/// clauses' starts in order, `next` the first of them not before the
/// previous call's `t` (which this call's is not before).
///
/// Most tokens start nothing, and are passed over on their bits, in a loop
/// of their own up to the next clause's start: the clauses' starts are
/// not searched for each token.
fn next_start(
    words: &Words<'_, '_>,
    quoted: &[bool],
    subjects: &[usize],
    next: &mut usize,
    mut t: usize,
    end: usize,
) -> (usize, bool) {
    let passed_over = |t: usize| !words.is_capitalised(t) && (quoted[t] || !of_follows(words, t));
    loop {
        while subjects.get(*next).is_some_and(|&u| u < t) {
            *next += 1;
        }
        let stop = subjects.get(*next).map_or(end, |&u| u.min(end));
        while t < stop && passed_over(t) {
            t += 1;
        }
        if t >= end {
            return (t, false);
        }
        // A clause starts here: a token without a capital inside a quote
        // still starts nothing.
        let is_subject = t == stop;
        if is_subject && !words.is_capitalised(t) && quoted[t] {
            t += 1;
            continue;
        }
        return (t, is_subject);
    }
}

/// [`name_token_start`] for a name inside the phrase `np`: a short scan
/// from the start of the phrase rather than a search of all the tokens.
fn name_token_in(words: &Words<'_, '_>, np: Np, name: Span) -> usize {
    let tokens = &words.tokens.tokens;
    let start = np.start.min(tokens.len());
    // The scan finds what the search would when every token before the
    // phrase starts before the name.
    if start == 0 || tokens[start - 1].span().start < name.start {
        if let Some(k) = (start..np.end.min(tokens.len())).find(|&k| tokens[k].span().start >= name.start) {
            return k;
        }
    }
    name_token_start(words, name)
}

/// The token where the name proper (titles stripped) starts.
fn name_token_start(words: &Words<'_, '_>, name: Span) -> usize {
    words
        .tokens
        .tokens
        .partition_point(|t| t.span().start < name.start)
        .min(words.tokens.tokens.len())
}
