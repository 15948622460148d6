//! Reported speech: the clauses a cue reports without quotation marks
//! (`Police said a man had been arrested.`). It is found here, in stage 3,
//! because only its cue tells it from any other clause: a sentence outside
//! quotes is reported speech when it holds an attribution that the cue
//! rules of quotes in marks (`cues.rs`) read, in one of three places:
//!
//! 1. a source phrase opening the sentence: `According to officials, the
//!    talks collapsed.`;
//! 2. an attribution after a comma that ends the sentence (`The talks
//!    collapsed, officials said.`) or stands inside it (`The talks,
//!    officials said, collapsed.`): the clause is the longer side;
//! 3. a verb of saying with its subject before it (`Police said a man had
//!    been arrested.`, `The minister told MPs the plan would cost £2bn.`,
//!    `The firm said in a statement that …`): the clause runs from past the
//!    verb, its hearer and `that` to the sentence's end.
//!
//! Not reported speech: a verb of saying with no clause after it (`said
//! nothing`, `said goodbye`, `said to be`: `not_reported.txt`), a passive
//! (`was told`), a clause of fewer than [`MIN_CLAUSE_WORDS`] words.
//! Sentences with a quote in marks that is speech are left to the quote
//! rules: `She said the plan was “a fantasy”` is one mixed quote.

use std::ops::Range;

use super::cues::{self, CUE_WINDOW, Cue};
use super::phrases::np_right;
use super::view::Words;
use crate::lexicon::classes::Class;
use crate::quotes::FoundQuote;
use crate::types::QuoteKind;

/// A reported clause shorter than this many words is not taken: `said
/// so`, `told reporters Tuesday` are no report of what was said.
pub(super) const MIN_CLAUSE_WORDS: usize = 3;

/// How many words a hearer that the phrase rules do not read may have
/// (`urged both sides to …`).
const HEARER_MAX_WORDS: usize = 3;

/// How many words after a comma may stand before the verb of a second
/// report that ends a clause (`…, but the landlord warned`).
const SECOND_REPORT_WINDOW: usize = 6;

/// How many tokens past a verb of saying `that` may stand and still open
/// its clause: `said in a statement on Friday that …`.
const THAT_WINDOW: usize = 8;

/// A clause of reported speech and the cue that reports it.
pub(super) struct Reported {
    pub(super) quote: FoundQuote,
    pub(super) cue: Cue,
}

/// The reported speech of the text, in text order: in the sentences
/// without a quote in marks that is speech (`quoted`), and after the last
/// such quote of a sentence (`“…,” he said, adding he would stay`).
pub(super) fn find(words: &Words<'_, '_>, quoted: &[bool]) -> Vec<Reported> {
    let tokens = words.tokens;
    let mut out = Vec::new();
    let mut para = 0;
    for sentence in &tokens.sentences {
        let range = sentence.tokens.clone();
        if range.is_empty() {
            continue;
        }
        while tokens.paragraphs[para].tokens.end <= range.start {
            para += 1;
        }
        let quoted_here = &quoted[range.clone()];
        let found = match quoted_here.iter().rposition(|&q| q) {
            None => report_in(words, range),
            Some(last) => {
                let first = quoted_here.iter().position(|&q| q).unwrap_or(last);
                report_before_quote(words, range.start, range.start + first)
                    .or_else(|| report_after_quote(words, range.clone(), range.start + last + 1))
            }
        };
        if let Some((clause, cue)) = found {
            out.push(Reported {
                quote: clause_quote(words, clause, para),
                cue,
            });
        }
    }
    out
}

/// The reported clause of the sentence `range` and its cue, by the three
/// rules in order (see the module docs).
fn report_in(words: &Words<'_, '_>, range: Range<usize>) -> Option<(Range<usize>, Cue)> {
    let end = sentence_end(words, range.clone());
    source_opening(words, range.start, end)
        .or_else(|| attribution_after_comma(words, range.start, end))
        .or_else(|| speaker_first(words, range.start, range.start, end))
        .filter(|(clause, _)| word_count(words, clause.clone()) >= MIN_CLAUSE_WORDS)
}

/// `Ann Lee said the town would pay, but the mayor warned of “chaos”.`:
/// before the first quote in marks of a sentence (at `quote`), a report
/// whose clause ends at a second report before the quote. A clause that
/// runs on into the quote is the quote's own report: `She said the plan
/// was “a fantasy”` is one mixed quote.
fn report_before_quote(words: &Words<'_, '_>, start: usize, quote: usize) -> Option<(Range<usize>, Cue)> {
    speaker_first(words, start, start, quote)
        .filter(|(clause, _)| clause.end < quote && word_count(words, clause.end..quote) > 0)
        .filter(|(clause, _)| word_count(words, clause.clone()) >= MIN_CLAUSE_WORDS)
}

/// `“…,” he said, adding he would stay.`: after the last quote in marks of
/// a sentence (from `after`), a verb of saying that a comma sets off
/// reports a clause of its own.
fn report_after_quote(words: &Words<'_, '_>, range: Range<usize>, after: usize) -> Option<(Range<usize>, Cue)> {
    let end = sentence_end(words, range.clone());
    speaker_first(words, range.start, after, end)
        .filter(|(_, cue)| cue.cue.start > after && words.lower(cue.cue.start - 1) == ",")
        .filter(|(clause, _)| word_count(words, clause.clone()) >= MIN_CLAUSE_WORDS)
}

/// The sentence's end without its closing punctuation (but with the
/// closing mark of a title or scare quote that ends it).
fn sentence_end(words: &Words<'_, '_>, range: Range<usize>) -> usize {
    let mut end = range.end;
    while end > range.start && !words.is_word(end - 1) && !words.is_mark(end - 1) {
        end -= 1;
    }
    end
}

fn word_count(words: &Words<'_, '_>, range: Range<usize>) -> usize {
    range.filter(|&t| words.is_word(t)).count()
}

/// `According to officials, the talks collapsed.`: a source phrase that
/// opens the sentence (past `But`, `And`), its clause after the comma that
/// ends the source.
fn source_opening(words: &Words<'_, '_>, start: usize, end: usize) -> Option<(Range<usize>, Cue)> {
    let t = (start..end.min(start + 2)).find(|&t| words.is(t, Class::SOURCE_FIRST))?;
    if (start..t).any(|k| !words.is(k, Class::CLAUSE_OPENER | Class::CLAUSE_JOINER)) {
        return None;
    }
    let cue = cues::phrase_cue_at(words, t, end)?;
    let comma = (cue.speaker.end..end.min(cue.speaker.end + CUE_WINDOW)).find(|&k| words.lower(k) == ",")?;
    Some((comma + 1..end, cue))
}

/// `The talks collapsed, officials said.`, `Police, the chief says, have
/// no policy.`: an attribution right after a comma, read as after a quote
/// in marks (`cues::attribution_at`). When it ends the sentence (but for
/// words of when and where: `…, officials said on Tuesday.`) the clause is
/// the words before it; when a comma closes it, the longer side. When
/// other words follow (`…, Ann Lee said the town would pay`), the
/// attribution opens a clause of its own: [`speaker_first`] reads it.
fn attribution_after_comma(words: &Words<'_, '_>, start: usize, end: usize) -> Option<(Range<usize>, Cue)> {
    let commas = (start + 1..end).filter(|&k| words.lower(k) == ",");
    for comma in commas {
        let Some(cue) = cues::attribution_at(words, comma + 1, end.min(comma + 1 + CUE_WINDOW)) else {
            continue;
        };
        if !reports_speech(words, &cue) {
            continue;
        }
        let cue_end = past_hearer(words, &cue, end);
        if cue_end >= end || is_adverbial(words, cue_end) && !has_comma(words, cue_end..end) {
            return Some((start..comma, cue));
        }
        if words.lower(cue_end) == "," {
            return Some((side_reported(words, start..comma, cue_end + 1..end), cue));
        }
    }
    None
}

/// Which side of an attribution inside a sentence is the reported clause:
/// the longer, unless the words after it describe the speaker (`…,
/// according to Edmund Carrow, a local historian.`).
fn side_reported(words: &Words<'_, '_>, before: Range<usize>, after: Range<usize>) -> Range<usize> {
    let describes_speaker = words.is(after.start, Class::ARTICLE | Class::DETERMINER);
    if !describes_speaker && word_count(words, after.clone()) > word_count(words, before.clone()) {
        after
    } else {
        before
    }
}

/// The end of a cue's words and speaker, past the hearer of a verb of
/// telling (`…, the firm told reporters.`).
fn past_hearer(words: &Words<'_, '_>, cue: &Cue, end: usize) -> usize {
    let cue_end = cue.cue.end.max(cue.speaker.end);
    let v = cue.cue.start;
    if cue.speaker.end == cue_end && words.is(v, Class::TELLING_VERB) {
        // (`…, Ann Lee told the Gazette.`: the hearer after the speaker.)
        return np_right(words, cue_end, end).map_or(cue_end, |np| np.end);
    }
    cue_end
}

fn has_comma(words: &Words<'_, '_>, range: Range<usize>) -> bool {
    range.into_iter().any(|k| words.lower(k) == ",")
}

/// Whether the words at `t` say when or where (`on Tuesday`, `last week`,
/// `in a statement`, `after the vote`): what may follow a cue at the end
/// of a sentence, or stand between a verb of saying and its clause.
fn is_adverbial(words: &Words<'_, '_>, t: usize) -> bool {
    let opens_time = words.is(t, Class::TIME_OPENER) && words.is(t + 1, Class::TIME_WORD);
    opens_time
        || words.is(
            t,
            Class::TIME_WORD | Class::PLACE_PREPOSITION | Class::SUBORDINATOR | Class::FREQUENCY_ADVERB,
        )
        || words.lower(t).ends_with("ly")
}

/// Whether a cue after a comma reports speech: a verb or source phrase,
/// not a trailing dash and name (`… — Jane Doe` ends a caption).
fn reports_speech(words: &Words<'_, '_>, cue: &Cue) -> bool {
    !cue.cue.is_empty() && !words.is_dash(cue.cue.start)
}

/// `Police said a man had been arrested.`: the first verb of saying from
/// `from` on whose subject stands before it in the sentence (from
/// `start`), and the clause after it, to the end or to where a second
/// report starts (`;`, `…, adding …`, `and warned that …`).
fn speaker_first(words: &Words<'_, '_>, start: usize, from: usize, end: usize) -> Option<(Range<usize>, Cue)> {
    (from..end).find_map(|v| {
        if !is_report_verb(words, v) || is_passive(words, v, start) {
            return None;
        }
        let cue =
            cues::before_quote(words, start..v + 1, start).filter(|c| c.cue.contains(&v) && c.speaker.end <= v)?;
        let clause = clause_after(words, &cue, v, end)?;
        Some((clause..second_report(words, clause, end), cue))
    })
}

/// `was told`, `is said to`: the subject of a passive is the hearer or the
/// topic, not the speaker.
fn is_passive(words: &Words<'_, '_>, v: usize, start: usize) -> bool {
    v > start && words.is(v - 1, Class::PASSIVE_MARKER) && words.lower(v - 1) != "so"
}

/// Where the clause that the verb of saying at `v` reports starts: past
/// the cue, the hearer (`told reporters`, `urged MPs to`), and `that` when
/// only words of when and where stand before it (`said in a statement on
/// Friday that …`). None when the words after the verb show that it
/// reports no clause (`said nothing`, `spoke about`, `said to be`, `says
/// is a lie`, `said when`).
fn clause_after(words: &Words<'_, '_>, cue: &Cue, v: usize, end: usize) -> Option<usize> {
    let mut t = cue.cue.end;
    if words.is(v, Class::TELLING_VERB | Class::INFINITIVE_REPORT) {
        t = past_hearer_after_verb(words, v, t, end);
    }
    if t < end && words.lower(t) == ":" {
        t += 1;
    }
    if t >= end || !words.is_word(t) || words.is(t, Class::AUXILIARY | Class::MODAL | Class::SUBORDINATOR) {
        return None;
    }
    if words.lower(t) == "to" {
        return words.is(v, Class::INFINITIVE_REPORT).then_some(t);
    }
    if words.is(t, Class::NOT_REPORTED) {
        return None;
    }
    if words.lower(t) == "that" {
        return Some(t + 1);
    }
    let that = (t..end.min(t + THAT_WINDOW)).find(|&k| words.lower(k) == "that");
    match that {
        Some(k) if is_adverbial(words, t) && !has_comma(words, t..k) => Some(k + 1),
        _ => Some(t),
    }
}

/// Past the hearer that a verb of telling (`told reporters the ferry…`,
/// `told the Gazette that`) or of urging (`urged both sides to settle`)
/// names from `t`, if it names one.
fn past_hearer_after_verb(words: &Words<'_, '_>, v: usize, t: usize, end: usize) -> usize {
    let opens_report = |k: usize| matches!(words.lower(k), "to" | "that");
    if let Some(np) = np_right(words, t, end) {
        if words.is(v, Class::TELLING_VERB) || opens_report(np.end) {
            return np.end;
        }
    }
    // A hearer the phrase rules do not read (`reporters`, `both sides`):
    // a few lower-case words, then `to` or `that`, or for a verb of
    // telling one word before the clause's subject.
    let words_until = (t..end.min(t + HEARER_MAX_WORDS + 1)).find(|&k| !words.is_word(k) || opens_report(k));
    match words_until {
        Some(k) if k > t && opens_report(k) => k,
        _ if words.is(v, Class::TELLING_VERB) && t + 1 < end && opens_subject(words, t + 1) => t + 1,
        _ => t,
    }
}

/// Whether the word at `t` can open a clause's subject: a determiner or
/// article, a pronoun, or a capitalised word.
fn opens_subject(words: &Words<'_, '_>, t: usize) -> bool {
    words.is(
        t,
        Class::DETERMINER | Class::ARTICLE | Class::PRONOUN | Class::CAPITALISED,
    )
}

/// Where a reported clause from `start` ends: at a second report (`;`, `…,
/// adding …`, `… and warned that …`), else at `end`.
fn second_report(words: &Words<'_, '_>, start: usize, end: usize) -> usize {
    (start + 1..end)
        .find(|&k| match words.lower(k) {
            ";" => true,
            "," => says_soon(words, k + 1, end),
            "and" => is_report_verb(words, k + 1),
            _ => false,
        })
        .unwrap_or(end)
}

/// Whether a verb of saying (not a participle of a clause that only
/// describes: `…, saying …` is one) stands within a few words of `t`, with
/// no comma before it: `…, adding …`, `…, but the landlord warned …`.
fn says_soon(words: &Words<'_, '_>, t: usize, end: usize) -> bool {
    (t..end.min(t + SECOND_REPORT_WINDOW))
        .take_while(|&k| words.is_word(k))
        .any(|k| is_report_verb(words, k))
}

/// Whether the word at `v` is a verb that reports a clause: a verb of
/// saying proper (`said`, `warned`) or one whose infinitive is what was
/// said (`urged`, `vowed`), used as a verb.
fn is_report_verb(words: &Words<'_, '_>, v: usize) -> bool {
    words.is(v, Class::SAY_VERB | Class::INFINITIVE_REPORT) && words.is_cue_verb(v)
}

/// The reported clause as a quote without marks, to be attributed as
/// quotes in marks are.
fn clause_quote(words: &Words<'_, '_>, clause: Range<usize>, para: usize) -> FoundQuote {
    let span = words.span(clause.start, clause.end);
    FoundQuote {
        span,
        content: vec![span],
        open: clause.start,
        close: None,
        end_token: clause.end,
        first_para: para,
        last_para: para,
        kind: QuoteKind::Indirect,
        label: None,
    }
}
