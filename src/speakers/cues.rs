//! Finding the cue of a quote (`said`, `told reporters`, `according to`,
//! a trailing dash) and the noun phrase of its speaker, in the words
//! around the quote.
//!
//! After the quote (`after_quote`), at its first words (or past a phrase
//! to its comma), in order: a dash and a name (`“…” — Jane Doe`); a source
//! phrase (`according to X`); a verb and its subject after it (`said X`);
//! a subject and its verb (`X said`, `X, a professor at Y, said`).
//!
//! Before the quote (`before_quote`): a source phrase that opens the
//! clause or names the source right before the quote; else the nearest
//! reporting verb to the left, with its subject after it when the verb
//! follows a comma and the subject reaches the quote (`…, asks editor Jo
//! Lee, “…”`), else before it (`subjects.rs`), or the subject after a
//! verb that opens the clause (`Said Jane Doe: “…”`); a verb that is not
//! one of saying, or follows a modal, hands the quote to a verb of saying
//! that reports its clause (`Calder said voters would find it “hard to
//! swallow”`).
//!
//! Then the cues without a verb: a clause that a colon ends
//! (`subject_before_colon`), a transcript label, `what X called “…”`, and
//! a source between a dash and a colon (`source_after_dash`).

use std::ops::Range;

use super::clauses::{skip_auxiliaries_left, skip_auxiliaries_right};
use super::name_runs::is_headline_run;
use super::np::{Np, NpKind};
use super::phrases::{np_left, np_right};
use super::subjects::{APPOSITIVE_MAX_TOKENS, OUTER_REPORT_WINDOW, clause_subject, names_a_place, subject_of};
use super::view::{Words, is_dash};
use crate::lexicon::classes::{Class, pronoun_agreement};
use crate::lexicon::{LEXICON, Sort};

/// How far (in tokens) from a quote a cue is looked for. Attributions sit
/// next to their quote; the limit keeps the search linear.
pub(crate) const CUE_WINDOW: usize = 40;

/// How far (in tokens) back from a quote the subject of the clause that
/// holds its cue may stand: a long sentence (`Clinton, the former
/// secretary of State, stressed … and said …: “…”`) starts further back
/// than its cue.
pub(crate) const CLAUSE_WINDOW: usize = 2 * CUE_WINDOW;

/// How many tokens the subject of `what X called` may have.
const MAX_SUBJECT_TOKENS: usize = 8;

/// A cue and the speaker phrase it reports.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    /// Tokens of the cue words.
    pub(crate) cue: Range<usize>,
    pub(crate) speaker: Np,
}

/// `the department, which reported “…”`, `Ann Lee, who said “…”`: the
/// relative pronoun between a cue's speaker and its verb, which stands for
/// the speaker at the cue as a pronoun would (the speaker is still the
/// phrase before it).
pub(crate) fn relative_pronoun_at(words: &Words<'_, '_>, cue: &Cue) -> Option<usize> {
    if cue.speaker.end > cue.cue.start {
        return None;
    }
    let end = skip_auxiliaries_left(words, cue.cue.start, cue.speaker.end);
    let relative = end.checked_sub(1).filter(|&r| r >= cue.speaker.end)?;
    // (Past a comma: `X, who said`.)
    let between_ok = (cue.speaker.end..relative).all(|t| words.lower(t) == ",");
    (between_ok && words.is(relative, Class::RELATIVE_SUBJECT)).then_some(relative)
}

/// The cue after the quote: `“…,” X said`, `“…,” said X`, `“…,” X, a
/// professor at Y, said`, `“…,” according to X`, `“…” — X`.
pub(crate) fn after_quote(words: &Words<'_, '_>, after: Range<usize>) -> Option<Cue> {
    let limit = after.end.min(after.start + CUE_WINDOW);
    if let Some(cue) = attribution_at(words, after.start, limit) {
        return Some(cue);
    }
    // `“…,” like the recent swings in markets, said X`: past a phrase to
    // its comma.
    let comma = (after.start..limit.min(after.start + 12)).find(|&k| words.lower(k) == ",")?;
    attribution_at(words, comma + 1, limit)
}

/// An attribution that starts at token `t` (past commas): a dash and a
/// name, a source phrase, a verb and its subject, or a subject and its
/// verb.
pub(crate) fn attribution_at(words: &Words<'_, '_>, start: usize, limit: usize) -> Option<Cue> {
    let mut t = start;
    while t < limit && matches!(words.lower(t), "," | "“" | "”") {
        t += 1;
    }
    if t >= limit {
        return None;
    }
    // A trailing dash: `“…” — Jane Doe`.
    if words.is_dash(t) {
        let mut u = t + 1;
        while u < limit && words.lower(u) == "-" {
            u += 1;
        }
        let np = np_right(words, u, limit)?;
        return (np.kind != NpKind::Pronoun).then_some(Cue { cue: t..u, speaker: np });
    }
    if let Some(cue) = phrase_cue_at(words, t, limit) {
        return Some(cue);
    }
    // `said X`: the verb first. Not a participle: `“…,” saying the city
    // embodied…` opens a clause, it names no speaker.
    let v = skip_auxiliaries_right(words, t, limit);
    if let Some(cue) = cue_words_at(words, v, limit).filter(|_| !words.is_participle(v)) {
        if let Some(np) = np_right(words, cue.end, limit) {
            return Some(Cue { cue, speaker: np });
        }
    }
    // `X said`, `X, a professor at Y, said`.
    subject_then_verb(words, t, limit)
}

/// A subject at `t` and then its reporting verb: `X said`, `X, a professor
/// at Y, said`, `X (D-Wis.) said`, `X of the Harbour Trust said`.
fn subject_then_verb(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Cue> {
    let np = np_right(words, t, limit)?;
    let mut u = skip_parenthesis(words, np.end, limit);
    let verb_after_comma =
        words.lower(u) == "," && cue_words_at(words, skip_auxiliaries_right(words, u + 1, limit), limit).is_some();
    if verb_after_comma {
        // `the harbourmaster, Alan Pryce, said`
        u += 1;
    } else if words.lower(u) == "," {
        // Past an appositive to the comma that closes it, the one a verb
        // follows: `X, now 74 and living in Dover, Del., said`.
        u = (u + 1..limit.min(u + APPOSITIVE_MAX_TOKENS)).find(|&k| {
            words.lower(k) == "," && cue_words_at(words, skip_auxiliaries_right(words, k + 1, limit), limit).is_some()
        })? + 1;
    } else if matches!(words.lower(u), "of" | "from" | "at" | "in" | "with" | "for") {
        // Past a short phrase that places the speaker.
        u = (u + 1..limit.min(u + 8)).find(|&k| words.is_cue_verb(k) || !words.is_word(k))?;
    }
    let v = skip_auxiliaries_right(words, u, limit);
    let cue = cue_words_at(words, v, limit)?;
    Some(Cue { cue, speaker: np })
}

/// The cue words starting at token `t`: a reporting verb (with its
/// particle, `called on`), or a verb phrase from the lexicon (`shot back`).
fn cue_words_at(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Range<usize>> {
    if words.is_cue_verb(t) {
        return Some(verb_with_particle(words, t, limit));
    }
    if !words.is(t, Class::CUE_FIRST) {
        return None;
    }
    LEXICON
        .cue_phrases_by_first
        .get(words.lower(t))?
        .iter()
        .find(|p| t + p.len() <= limit && p.iter().enumerate().all(|(k, word)| words.lower(t + k) == *word))
        .map(|p| t..t + p.len())
}

/// The cue words ending at token `v` (inclusive), looking left.
fn cue_words_ending_at(words: &Words<'_, '_>, v: usize, floor: usize) -> Option<Range<usize>> {
    if words.is_cue_verb(v) {
        return Some(v..v + 1);
    }
    if !words.is(v, Class::CUE_LAST) {
        return None;
    }
    LEXICON
        .cue_phrases_by_last
        .get(words.lower(v))?
        .iter()
        .filter(|p| v + 1 >= floor + p.len())
        .find(|p| {
            let start = v + 1 - p.len();
            p.iter().enumerate().all(|(k, word)| words.lower(start + k) == *word)
        })
        .map(|p| v + 1 - p.len()..v + 1)
}

/// Past a parenthesis that starts at `t` (`(D-Wis.)`), if one does.
fn skip_parenthesis(words: &Words<'_, '_>, t: usize, limit: usize) -> usize {
    if words.lower(t) != "(" {
        return t;
    }
    (t + 1..limit.min(t + 10))
        .find(|&k| words.lower(k) == ")")
        .map_or(t, |k| k + 1)
}

/// `according to X`, `in the words of X` at token `t`.
///
/// PERF: asked of each token before a quote, of which few open a source
/// phrase: the test of its class inlined where it is asked, the phrases
/// read in a call only past it: instructions 670.7M -> 669.5M (callgrind,
/// `extract --jsonl --jobs 1` on PolNeAR train).
#[inline]
pub(crate) fn phrase_cue_at(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Cue> {
    if !words.is(t, Class::SOURCE_FIRST) {
        return None;
    }
    source_phrase_cue_at(words, t, limit)
}

/// [`phrase_cue_at`] for a token that may open a source phrase.
fn source_phrase_cue_at(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Cue> {
    let first = words.lower(t);
    for phrase in &LEXICON.source_phrases {
        let n = phrase.len();
        let rest_matches = || phrase.iter().enumerate().skip(1).all(|(k, p)| words.lower(t + k) == *p);
        if phrase.first() != Some(&first) || t + n > limit || !rest_matches() {
            continue;
        }
        let np = np_right(words, t + n, limit)?;
        return Some(Cue {
            cue: t..t + n,
            speaker: np,
        });
    }
    None
}

/// The cue before the quote: the nearest reporting verb to its left, and
/// that verb's subject.
///
/// `clause_floor` is where the sentence starts: a subject may stand before
/// a quote earlier in the sentence (`He called it “reckless” and urged
/// leaders “not to…”`), though the verb stands after it.
pub(crate) fn before_quote(words: &Words<'_, '_>, before: Range<usize>, clause_floor: usize) -> Option<Cue> {
    let floor = before.start.max(before.end.saturating_sub(CUE_WINDOW));
    let clause_floor = clause_floor.min(floor).max(before.end.saturating_sub(CLAUSE_WINDOW));
    // `According to X, “…”`, `…, according to X: “…”`: a source phrase that
    // opens the clause, or whose source stands right before the quote.
    for t in floor..before.end {
        if let Some(cue) = phrase_cue_at(words, t, before.end) {
            let opens = t == floor || t == clause_floor || !words.is_word(t - 1);
            let next_to_quote = (cue.speaker.end..before.end).all(|k| !words.is_word(k));
            if opens || next_to_quote {
                return Some(cue);
            }
        }
    }
    let mut v = before.end;
    while v > floor {
        v -= 1;
        if let Some(cue) = cue_ending_at(words, v, floor..before.end, clause_floor) {
            return Some(cue);
        }
    }
    owners_claim_before(words, floor, before.end)
}

/// The cue whose words end at token `v` (a reporting verb or a verb
/// phrase), with its speaker, for words that run on to `before.end` (a
/// quote, or the clause a verb of saying reports); `before.start` is as
/// far back as its subject may stand, `clause_floor` as in
/// [`before_quote`].
///
/// PERF: asked of each token back from a quote to its cue, of which few
/// are a cue's last word: the test of its classes inlined where it is
/// asked, the rest in a call only past it: instructions 669.5M -> 668.0M
/// (callgrind, `extract --jsonl --jobs 1` on PolNeAR train).
#[inline]
pub(crate) fn cue_ending_at(words: &Words<'_, '_>, v: usize, before: Range<usize>, clause_floor: usize) -> Option<Cue> {
    // (What `cue_words_ending_at` asks first.)
    if !words.is(v, Class::REPORTING_VERB | Class::CUE_LAST) {
        return None;
    }
    cue_and_speaker_ending_at(words, v, before, clause_floor)
}

/// [`cue_ending_at`] for a word that may end a cue.
fn cue_and_speaker_ending_at(
    words: &Words<'_, '_>,
    v: usize,
    before: Range<usize>,
    clause_floor: usize,
) -> Option<Cue> {
    let floor = before.start;
    let found = cue_words_ending_at(words, v, floor)?;
    let cue = if found.len() == 1 {
        verb_with_particle(words, v, before.end)
    } else {
        found.clone()
    };
    // `…, asks editor Jana Dittmer, “…?”`: a verb after a comma, its
    // subject after it and right before the quote.
    if let Some(np) = subject_after_verb_before_quote(words, found.start, cue.end, before.end) {
        return Some(Cue { cue, speaker: np });
    }
    if let Some(np) = subject_of(words, found.start, floor, clause_floor) {
        let inner = Cue { cue, speaker: np };
        if words.is(v, Class::SAY_VERB) && !after_modal(words, found.start) {
            return Some(inner);
        }
        return Some(outer_report(words, &inner, floor, clause_floor).unwrap_or(inner));
    }
    // `Said Jane Doe: “…”`, `“…,” said Jane Doe, “…”`: the subject after a
    // verb that opens the sentence, follows a colon, or follows the
    // quote before.
    let opens_clause =
        found.start == clause_floor || found.start <= floor + 1 || matches!(words.lower(found.start - 1), ":" | ";");
    if opens_clause && !words.is_participle(v) {
        if let Some(np) = np_right(words, cue.end, before.end).filter(|np| np.kind != NpKind::Pronoun) {
            return Some(Cue { cue, speaker: np });
        }
    }
    None
}

/// `Jo Lee’s claim that there have been “thousands of …”`: a reporting
/// verb used as a noun right after a name in the possessive, with the
/// clause it reports after `that`, is that name's words (the nearest such
/// noun before the quote). Without `that` the quote is as often about the
/// words (`Lee’s comments “are based on nothing”`).
fn owners_claim_before(words: &Words<'_, '_>, floor: usize, end: usize) -> Option<Cue> {
    (floor + 1..end).rev().find_map(|v| {
        let owned_claim = words.is_reporting_verb(v)
            && words.is_possessive(v - 1)
            && words.is_capitalised(v - 1)
            && words.lower(v + 1) == "that";
        let np = owned_claim.then(|| np_left(words, v, floor)).flatten()?;
        matches!(np.kind, NpKind::Name { .. }).then_some(Cue {
            cue: v..v + 1,
            speaker: np,
        })
    })
}

/// The subject after a verb of saying at `verb` (its words ending at
/// `verb_end`) that follows a comma, when the subject reaches the quote at
/// `quote` (only punctuation between): `The plan, says Ann Lee, “…”`. Not
/// after a verb of telling, whose object follows it.
fn subject_after_verb_before_quote(words: &Words<'_, '_>, verb: usize, verb_end: usize, quote: usize) -> Option<Np> {
    // (Not `told`: `X, who …, told the Gazette, “…”` names whom it was told.)
    let tells = words.is(verb, Class::TELLING_VERB);
    if verb == 0 || words.lower(verb - 1) != "," || words.is_participle(verb) || tells {
        return None;
    }
    np_right(words, verb_end, quote)
        .filter(|np| np.kind != NpKind::Pronoun && np.end < quote && (np.end..quote).all(|k| !words.is_word(k)))
}

/// `Calder said voters would find it “hard to swallow”`: when the subject of
/// the verb next to the quote follows another reporting verb (`said`,
/// `said that`), the quote is reported by that verb's subject.
fn outer_report(words: &Words<'_, '_>, inner: &Cue, floor: usize, clause_floor: usize) -> Option<Cue> {
    // The nearest verb of saying to the left, in the same clause.
    let v = (floor.max(inner.speaker.start.saturating_sub(OUTER_REPORT_WINDOW))..inner.speaker.start)
        .rev()
        .take_while(|&k| !matches!(words.lower(k), "." | ";" | ":" | "?" | "!") && !words.is_mark(k))
        .find(|&k| words.is_cue_verb(k) && words.is(k, Class::SAY_VERB))?;
    // `tweets saying that Clinton had shown…`: a participle reports for the
    // subject of its clause, which `subject_of` finds.
    let speaker = subject_of(words, v, floor, clause_floor)?;
    Some(Cue { cue: v..v + 1, speaker })
}

/// Whether the verb at `v` follows a modal: `said it would tell the
/// town's story, one of “…”` reports what is to be said, so the quote is
/// the outer reporter's.
fn after_modal(words: &Words<'_, '_>, v: usize) -> bool {
    v > 0 && words.is(v - 1, Class::MODAL)
}

/// The cue words at verb `v`: the verb, with its particle when the lexicon
/// lists the pair (`called on`, `hit back`).
fn verb_with_particle(words: &Words<'_, '_>, v: usize, limit: usize) -> Range<usize> {
    let particle = v + 1 < limit
        && words.is(v, Class::CUE_FIRST)
        && LEXICON
            .cue_phrases_by_first
            .get(words.lower(v))
            .is_some_and(|ps| ps.iter().any(|p| p.len() == 2 && p[1] == words.lower(v + 1)));
    v..v + 1 + usize::from(particle)
}

/// `She turned to the crowd once more: “…”`, `The board was clear in its
/// findings: “…”`: a clause with no reporting verb that a colon ends
/// introduces the quote after it; its subject is the speaker, when it is a
/// name, a pronoun or a description of a speaker. The colon is the cue.
pub(crate) fn subject_before_colon(words: &Words<'_, '_>, start: usize, colon: usize) -> Option<Cue> {
    let floor = start.max(colon.saturating_sub(CUE_WINDOW));
    if let Some(cue) = name_before_colon(words, floor, colon) {
        return Some(cue);
    }
    let np = clause_subject(words, floor, colon)?;
    let speaker_like = match np.kind {
        NpKind::Name { .. } | NpKind::Relation { .. } => true,
        // `Wait, it gets better: “…”`: a pronoun for things (`it`) there is
        // nobody.
        NpKind::Pronoun => !pronoun_agreement(words.lower(np.start)).is_some_and(|(_, sorts)| {
            !sorts.is_empty() && !sorts.iter().any(|s| matches!(s, Sort::Person | Sort::Group))
        }),
        NpKind::Description { head } => words.role_at(head),
    };
    (speaker_like && np.end <= colon).then_some(Cue {
        cue: colon..colon + 1,
        speaker: np,
    })
}

/// The speaker of a transcript turn, `PENCE: …`: the label, whose colon is
/// the cue.
pub(crate) fn turn_label(words: &Words<'_, '_>, label: Range<usize>) -> Cue {
    Cue {
        cue: label.end..label.end + 1,
        speaker: Np {
            start: label.start,
            end: label.end,
            kind: NpKind::Name {
                name: words.span(label.start, label.end),
            },
        },
    }
}

/// `what Mr. Pryce called “…”`, `what critics describe as “…”`: a quote
/// right after `what`, a subject and its reporting verb is that subject's
/// words.
pub(crate) fn what_they_called(words: &Words<'_, '_>, before: Range<usize>) -> Option<Cue> {
    let mut v = before.end.checked_sub(1)?;
    if words.lower(v) == "as" {
        v = v.checked_sub(1)?;
    }
    if v <= before.start || !words.is_cue_verb(v) {
        return None;
    }
    let floor = before.start.max(v.saturating_sub(MAX_SUBJECT_TOKENS));
    let np = np_left(words, skip_auxiliaries_left(words, v, floor), floor)?;
    (np.start > before.start && words.lower(np.start - 1) == "what").then_some(Cue {
        cue: v..v + 1,
        speaker: np,
    })
}

/// `Polls did predict the vote - Ivy Marsh: “…”`: the name between a dash
/// and the colon that ends `before`.
pub(crate) fn source_after_dash(words: &Words<'_, '_>, before: Range<usize>) -> Option<Cue> {
    let colon = before.end.checked_sub(1)?;
    let floor = before.start.max(colon.saturating_sub(CUE_WINDOW));
    // The name stands after a dash or `from`: without one before the colon
    // there is no name to read.
    if !(floor..colon).any(|k| sets_off_source(words.lower(k))) {
        return None;
    }
    name_before_colon(words, floor, colon)
        .filter(|c| c.speaker.start > floor && sets_off_source(words.lower(c.speaker.start - 1)))
}

/// Whether `word` sets off the source named after it: a dash, `from`.
fn sets_off_source(word: &str) -> bool {
    is_dash(word) || word == "from"
}

/// `Surveys did foresee the vote - Ivy Marsh: “…”`, `does not surprise
/// analyst Dev Mistry: “…”`: a name that ends right at the colon, after a
/// dash, `from`, a verb or the clause start, is whose words follow. (After
/// another preposition it is a place or a time: `in Berlin in 1987: “…”`.)
fn name_before_colon(words: &Words<'_, '_>, floor: usize, colon: usize) -> Option<Cue> {
    let np = np_left(words, colon, floor).filter(|np| matches!(np.kind, NpKind::Name { .. }))?;
    let NpKind::Name { name } = np.kind else {
        return None;
    };
    if is_headline_run(words, &np) || names_a_place(words, name) {
        return None;
    }
    let opens = np.start == floor || !words.is_word(np.start - 1) && !words.is_mark(np.start - 1);
    let before = words.lower(np.start.saturating_sub(1));
    let after_verb = np.start > floor
        && words.is_word(np.start - 1)
        && !words.is_capitalised(np.start - 1)
        && !words.function_at(np.start - 1)
        && !words.is(np.start - 1, Class::PLACE_PREPOSITION);
    (opens || sets_off_source(before) || after_verb).then_some(Cue {
        cue: colon..colon + 1,
        speaker: np,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::lexicon::classes::role_of;
    use crate::speakers::subjects::{is_person_or_body, opens_clause, subject_before_appositive};
    use crate::speakers::tests::words_of;
    use crate::tokenize::tokenize;

    /// A cue as the tests compare them: its words and its speaker.
    fn cue_key(cue: &Option<Cue>) -> Option<(Range<usize>, Np)> {
        cue.as_ref().map(|c| (c.cue.clone(), c.speaker))
    }

    /// [`phrase_cue_at`] as it was first written: each phrase compared
    /// with the words at `t`.
    fn phrase_cue_by_search(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Cue> {
        for phrase in &LEXICON.source_phrases {
            let n = phrase.len();
            if t + n > limit || !phrase.iter().enumerate().all(|(k, p)| w.lower(t + k) == *p) {
                continue;
            }
            let np = np_right(w, t + n, limit)?;
            return Some(Cue {
                cue: t..t + n,
                speaker: np,
            });
        }
        None
    }

    #[test]
    fn source_phrases_are_found_as_by_a_search_of_every_phrase() {
        let text = "According to Ivy Marsh, the port is safe. In the words of the mayor, \
            accordingly, as quoted by Dev Mistry and as reported by AP, as told to a reporter, \
            quoted by officials; IN THE WORDS OF Ann Ruiz: a quiet, quoted, in-the-words according \
            to “According to” in as quoted by, 1 2 — according to";
        let tokens = tokenize(text);
        let w = words_of(&tokens);
        let n = tokens.tokens.len();
        let mut found = 0;
        for limit in [n, n - 1, n / 2] {
            for t in 0..=n {
                let fast = phrase_cue_at(&w, t, limit);
                let slow = phrase_cue_by_search(&w, t, limit);
                assert_eq!(cue_key(&fast), cue_key(&slow), "token {t}, limit {limit}");
                found += usize::from(fast.is_some());
            }
        }
        assert!(found >= 6, "{found}");
    }

    #[test]
    fn word_classes_let_through_every_word_of_the_phrase_lists() {
        let source_firsts: HashSet<&str> = LEXICON.source_phrases.iter().map(|p| p[0]).collect();
        let cue_firsts: HashSet<&str> = LEXICON.cue_phrases_by_first.keys().copied().collect();
        let cue_lasts: HashSet<&str> = LEXICON.cue_phrases_by_last.keys().copied().collect();
        let lists = [
            (Class::SOURCE_FIRST, &source_firsts),
            (Class::CUE_FIRST, &cue_firsts),
            (Class::CUE_LAST, &cue_lasts),
        ];
        // The class of a word written alone (none for no word).
        let has = |class: Class, word: &str| {
            let tokens = tokenize(word);
            words_of(&tokens).is(0, class)
        };
        assert!(!has(Class::SOURCE_FIRST, ""));
        // The words of every list of the lexicon, and those words changed
        // by a letter, cut short or made longer.
        let mut words: HashSet<String> = ["", "a", "in", "as", "x", "according", "accordion"]
            .map(String::from)
            .into_iter()
            .collect();
        for list in [&source_firsts, &cue_firsts, &cue_lasts] {
            for word in list.iter() {
                words.insert(word.to_string());
                words.insert(format!("{word}s"));
                words.insert(word[1..].to_string());
                words.insert(format!("x{}", &word[1..]));
                words.insert(word[..word.len() - 1].to_string());
            }
        }
        words.extend(LEXICON.reporting_verbs.iter().map(|v| v.to_string()));
        words.insert("a".repeat(40));
        let mut passed_over = 0;
        for (bits, list) in lists {
            assert!(!list.is_empty());
            for word in &words {
                if list.contains(word.as_str()) {
                    assert!(has(bits, word), "{word:?}");
                } else {
                    passed_over += usize::from(!has(bits, word));
                }
            }
        }
        // The classes do tell most other words apart.
        assert!(passed_over > words.len(), "{passed_over}");
    }

    /// [`subject_before_appositive`] as it was first written, each phrase
    /// read where it is asked for.
    fn subject_before_appositive_as_written(w: &Words<'_, '_>, close: usize, floor: usize) -> Option<Np> {
        let mut floor = floor.max(close.saturating_sub(APPOSITIVE_MAX_TOKENS));
        if let Some(that) = (floor..close).rev().find(|&k| matches!(w.lower(k), "that" | "which")) {
            floor = that + 1;
        }
        if let Some(last) = (floor..close).rev().find(|&k| w.lower(k) == ",") {
            let described_person = np_left(w, last, floor).is_some_and(|np| match np.kind {
                NpKind::Description { head } => role_of(w.lower(head)).is_some_and(|r| r.sort == Sort::Person),
                _ => false,
            });
            let name = np_right(w, last + 1, close).filter(|np| np.end == close && is_person_or_body(w, np));
            if let (true, Some(name)) = (described_person, name) {
                return Some(name);
            }
        }
        let opens_appositive = |k: usize| {
            matches!(w.lower(k + 1), "who" | "whose")
                || np_right(w, k + 1, close).is_some_and(|np| matches!(np.kind, NpKind::Description { .. }))
        };
        (floor..close)
            .filter(|&k| w.lower(k) == "," && opens_appositive(k))
            .find_map(|k| {
                np_left(w, k, floor).filter(|np| opens_clause(w, np.start, floor) && is_person_or_body(w, np))
            })
    }

    #[test]
    fn subjects_before_appositives_are_found_as_first_written() {
        let text = "The previous nominee, Ann Ruiz, called it a disgrace. Dev Mistry, editor at large of \
            The Gazette, a weekly read on the coast, said so. (Ruth Calder, who wrote the history of the \
            port, once said it. The ferry, a service that the previous mayor, Ann Ruiz, called vital, \
            stopped. From Sumter, South Carolina, the senator, Jo Lee, a lawyer, and the minister, \
            who spoke first, said, a spokesman, the mayor, Ivy Marsh, said.";
        let tokens = tokenize(text);
        let w = words_of(&tokens);
        let mut found = 0;
        for close in (1..tokens.tokens.len()).filter(|&k| w.lower(k) == ",") {
            for floor in [0, close / 2, close.saturating_sub(6), close - 1] {
                let fast = subject_before_appositive(&w, close, floor);
                assert_eq!(
                    fast,
                    subject_before_appositive_as_written(&w, close, floor),
                    "{close} {floor}"
                );
                found += usize::from(fast.is_some());
            }
        }
        assert!(found >= 4, "{found}");
    }

    #[test]
    fn sources_after_dashes_are_found_as_without_the_test_for_a_dash() {
        let text = "Polls did predict the vote - Ivy Marsh: yes. A word from Dev Mistry: no. Asked \
            about it, Ann Ruiz said: maybe. The view from Berlin: calm. — Jo Lee: fine. Surveys \
            foresaw it – analyst Ann Tobin: true. It does not surprise analyst Dev Mistry: so. \
            From the mayor: thanks. She said - and meant it: never.";
        let tokens = tokenize(text);
        let w = words_of(&tokens);
        let mut found = 0;
        for colon in (0..tokens.tokens.len()).filter(|&k| w.lower(k) == ":") {
            for start in 0..colon {
                let before = start..colon + 1;
                // As first written: the name read, then the word before it.
                let floor = start.max(colon.saturating_sub(CUE_WINDOW));
                let slow = name_before_colon(&w, floor, colon)
                    .filter(|c| c.speaker.start > floor && sets_off_source(w.lower(c.speaker.start - 1)));
                let fast = source_after_dash(&w, before);
                assert_eq!(cue_key(&fast), cue_key(&slow), "{start}..{colon}");
                found += usize::from(fast.is_some());
            }
        }
        assert!(found >= 4, "{found}");
    }

    #[test]
    fn cue_words_are_found_as_without_the_filters() {
        let text = "Ann Ruiz pointed out that the port was shut. He hit back at critics, then shot back: \
            “No.” The board called on members to vote, and she spoke out, pointed to the figures, \
            made clear it would not back down. Officials said, adding that they spoke up.";
        let tokens = tokenize(text);
        let w = words_of(&tokens);
        let n = tokens.tokens.len();
        let mut found = 0;
        for t in 0..n {
            // As first written: the lexicon's phrases looked up for every word.
            let at = if w.is_cue_verb(t) {
                let particle = t + 1 < n
                    && LEXICON
                        .cue_phrases_by_first
                        .get(w.lower(t))
                        .is_some_and(|ps| ps.iter().any(|p| p.len() == 2 && p[1] == w.lower(t + 1)));
                Some(t..t + 1 + usize::from(particle))
            } else {
                LEXICON.cue_phrases_by_first.get(w.lower(t)).and_then(|ps| {
                    ps.iter()
                        .find(|p| t + p.len() <= n && p.iter().enumerate().all(|(k, word)| w.lower(t + k) == *word))
                        .map(|p| t..t + p.len())
                })
            };
            assert_eq!(cue_words_at(&w, t, n), at, "{t}");
            let ending_at = if w.is_cue_verb(t) {
                Some(t..t + 1)
            } else {
                LEXICON.cue_phrases_by_last.get(w.lower(t)).and_then(|ps| {
                    ps.iter()
                        .filter(|p| t + 1 >= p.len())
                        .find(|p| {
                            p.iter()
                                .enumerate()
                                .all(|(k, word)| w.lower(t + 1 - p.len() + k) == *word)
                        })
                        .map(|p| t + 1 - p.len()..t + 1)
                })
            };
            assert_eq!(cue_words_ending_at(&w, t, 0), ending_at, "{t}");
            found += usize::from(at.is_some_and(|r| r.len() > 1));
        }
        assert!(found >= 4, "{found}");
    }
}
