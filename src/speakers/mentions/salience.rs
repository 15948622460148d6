//! Salience: the entity a pronoun or description stands for. A pronoun or
//! a definite description is resolved to the most salient earlier entity
//! that agrees with it: recent sentences first, and within a sentence
//! subjects before other mentions, earlier before later, words outside
//! quotes before names inside them; a `he` or `she` passes over a
//! one-word name that nothing gave a gender nor a person's role (a town,
//! a dateline) when a named person agrees; mentions in a photo caption
//! are passed over. A description bound to an entity (`Foreign Secretary
//! Ann Ruiz`, `Ann Ruiz, the Foreign Secretary,`) finds it again by its
//! head noun, but for `the company` (a body's noun alone after `the`),
//! which first stands for a body named in its sentence or the one before;
//! one that opens with `a` or `an` brings someone in, and takes up no
//! binding.

use super::Mentions;
use super::entities::Entity;
use super::{Binding, MAX_CANDIDATES};
use crate::lexicon::classes::{Class, pronoun_agreement};
use crate::lexicon::{Gender, Sort};
use crate::speakers::name_runs::role_of_token;
use crate::speakers::np::{Np, NpKind};
use crate::speakers::phrases::is_definite;
use crate::speakers::view::Words;

/// How far back (in sentences) a pronoun or description looks for the
/// entity it stands for. News rarely refers back further without a name.
const SALIENCE_WINDOW: usize = 12;

/// How far back (in sentences) a definite description looks when nothing
/// bound it: it names someone just mentioned (`Jane Doe won. The
/// 45-year-old said…`), not anyone earlier of the same sort.
const DESCRIPTION_WINDOW: usize = 2;

impl<'a> Mentions<'a> {
    /// The entity that a noun phrase stands for, if the text makes it clear.
    pub(crate) fn resolve(&mut self, words: &Words<'a, '_>, np: Np, sentence: usize) -> Option<usize> {
        match np.kind {
            NpKind::Name { .. } => self.overlapping(np.start, np.end).map(|m| m.entity),
            NpKind::Pronoun => {
                let (gender, sorts) = pronoun_agreement(words.lower(np.start))?;
                // `“Okay,” I said`: the writer. (A `we` is as often a
                // nation or a party as the writers.)
                if words.lower(np.start) == "i" {
                    return Some(self.writer());
                }
                let agrees = |e: &Entity| sorts.contains(&e.sort) && gender.agrees(e.gender);
                let mut id = self.most_salient(np.start, sentence, SALIENCE_WINDOW, agrees)?;
                // `he`/`she` passes over a lone capitalised word that
                // nothing gave a gender (a town, a heading, a dateline)
                // when a person the text names agrees.
                if gender != Gender::Unknown && self.entities[id].is_bare_word_name() {
                    if let Some(person) = self.most_salient(np.start, sentence, SALIENCE_WINDOW, |e| {
                        agrees(e) && e.named && !e.is_bare_word_name()
                    }) {
                        id = person;
                    }
                }
                if self.entities[id].gender == Gender::Unknown {
                    self.entities[id].gender = gender;
                }
                Some(id)
            }
            NpKind::Description { head } => {
                let role = role_of_token(words, head);
                if let Some(id) = self.body_just_named(words, np, sentence) {
                    return Some(id);
                }
                if let Some(id) = self
                    .bound(words, np.start, np.end)
                    .filter(|_| !is_indefinite_article(words, np.start))
                {
                    return Some(id);
                }
                let role = role?;
                if !is_definite(words, np.start) || matches!(role.sort, Sort::Group | Sort::Document) {
                    return None;
                }
                // A definite description as subject, right after a person
                // or body was named, stands for them.
                let id = self.most_salient(np.start, sentence, DESCRIPTION_WINDOW, |e| {
                    e.named && e.sort == role.sort && role.gender.agrees(e.gender)
                })?;
                self.add_binding(words.lower_words(np.start, np.end), id);
                Some(id)
            }
            NpKind::Relation { .. } => None,
        }
    }

    /// `Voxley suspended its work there. The company filed a claim…`: a
    /// definite description of a body, its head noun alone after the
    /// determiner, stands for the body named in its sentence or the one
    /// before, rather than for one that the same words took up further
    /// back: news calls the company it is writing about `the company`.
    fn body_just_named(&self, words: &Words<'a, '_>, np: Np, sentence: usize) -> Option<usize> {
        let NpKind::Description { head } = np.kind else {
            return None;
        };
        let body = role_of_token(words, head).is_some_and(|r| r.sort == Sort::Organisation);
        if !body || !is_definite(words, np.start) || head != np.start + 1 || np.end != head + 1 {
            return None;
        }
        self.most_salient(np.start, sentence, 1, |e| e.named && e.sort == Sort::Organisation)
    }

    /// The entity most recently bound to a description with the same head
    /// noun and no clashing modifier: the description of the words of
    /// tokens `start..end`, read in place (most descriptions have no
    /// binding, and need no vector of their words).
    fn bound(&self, words: &Words<'a, '_>, start: usize, end: usize) -> Option<usize> {
        let last = (start..end).rev().find(|&t| words.is_word(t))?;
        let modifiers = || {
            (start..last)
                .filter(|&t| words.is_word(t))
                .map(|t| words.lower(t))
                .filter(|m| !Class::DETERMINER.holds(m))
        };
        self.bindings
            .get(words.lower(last))?
            .iter()
            .rev()
            .take(MAX_CANDIDATES)
            .find(|b| modifiers().all(|m| b.words.contains(&m) || Class::LOOSE_MODIFIER.holds(m)))
            .map(|b| b.entity)
    }

    pub(super) fn add_binding(&mut self, words: Vec<&'a str>, entity: usize) {
        if let Some(&head) = words.last() {
            self.bindings.entry(head).or_default().push(Binding { words, entity });
        }
    }

    /// The most salient entity mentioned before token `t` that `agrees`:
    /// the current sentence and then earlier ones; within one, subjects
    /// first, then mentions outside quotes in order, then quoted names.
    pub(super) fn most_salient(
        &self,
        t: usize,
        sentence: usize,
        window: usize,
        agrees: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let oldest = sentence.saturating_sub(window);
        // The mentions before `t`, nearest first, grouped by sentence; a
        // bounded number, so one endless sentence stays linear.
        let mut recent = self
            .mentions
            .before(t)
            .rev()
            .take_while(|m| m.sentence >= oldest)
            .take(MAX_CANDIDATES)
            .peekable();
        // One sentence's mentions at a time: the first that agrees in the
        // order of salience (the least key, as each mention's token is its
        // own), without a vector to sort.
        while let Some(first) = recent.peek() {
            let s = first.sentence;
            // In its own sentence a pronoun or description can only take up
            // the subject of an earlier clause (`Smith arrived, and he
            // said`): not a name in its introductory phrase or in the quote.
            let own = s == sentence;
            let mut best = None;
            while let Some(m) = recent.next_if(|m| m.sentence == s) {
                let e = &self.entities[m.entity];
                let may_take_up = !own || (m.subject && !m.quoted);
                let known_outside_quotes = !m.quoted || e.outside_quotes;
                let in_caption = self.in_caption.get(m.sentence).copied().unwrap_or(false);
                if !may_take_up || !known_outside_quotes || in_caption || !agrees(e) {
                    continue;
                }
                // Subjects first, then mentions outside quotes; among those,
                // an entity whose gender is known before one whose is not (a
                // place or a surname that nothing has marked yet), then
                // earlier first.
                let key = (m.quoted, !m.subject, e.gender == Gender::Unknown, m.token);
                if best.is_none_or(|(least, _)| key < least) {
                    best = Some((key, m.entity));
                }
            }
            if let Some((_, id)) = best {
                return Some(id);
            }
        }
        None
    }
}

/// Whether the phrase at `start` opens with `a` or `an`: a description
/// that brings someone in (`a justice official said`), not one that takes
/// up a person bound to the same words elsewhere.
fn is_indefinite_article(words: &Words<'_, '_>, start: usize) -> bool {
    // (`Tom Lee, a former secretary,`: an appositive is the name's.)
    words.is(start, Class::INDEFINITE_ARTICLE) && (start == 0 || words.lower(start - 1) != ",")
}
