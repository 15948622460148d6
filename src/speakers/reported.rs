//! Reported speech: the clauses a cue reports without quotation marks
//! (`Police said a man had been arrested.`). It is found here, in stage 3,
//! because only its cue tells it from any other clause: a sentence is
//! searched from the verbs outside its quotes that can report a clause
//! (verbs of saying, `urged … to`, `confirmed`: [`Class::REPORT_VERB`]),
//! and holds reported speech where the cue rules of quotes in marks
//! (`cues.rs`) read an attribution, in one of three places, in this order:
//!
//! 1. a source phrase opening the sentence: `According to officials, the
//!    talks collapsed.`;
//! 2. an attribution after a comma that ends the sentence (`The talks
//!    collapsed, officials said.`) or stands inside it (`The talks,
//!    officials said, collapsed.`: both sides when the words after it go
//!    on with a verb, else the side that is not about the speaker);
//! 3. a verb with its subject before it (`Police said a man had been
//!    arrested.`, `The minister told MPs the plan would cost £2bn.`, `The
//!    firm said in a statement that …`): the clause runs from past the
//!    verb, its hearer and `that` to the sentence's end, or to a second
//!    report (`…, but the union warned that …`), which is read the same
//!    way.
//!
//! Around quotes in marks: a report before a sentence's first quote counts
//! only when a second report ends it before the quote (`She said the plan
//! was “a fantasy”` is one mixed quote), and after the last quote only a
//! second report (`“…,” he said, adding he would stay`).
//!
//! Not reported speech: a verb of saying with no clause after it (`said
//! nothing`, `spoke about`, `said to be`: `not_reported.txt`), a passive
//! (`was told`), a condition (`If the court orders…`), a noun phrase with
//! no verb (`reported a profit`), a clause of fewer than
//! [`MIN_CLAUSE_WORDS`] words, and anything in a caption, link or headline.

use std::ops::Range;
use std::sync::LazyLock;

use super::clauses;
use super::cues::{self, CLAUSE_WINDOW, CUE_WINDOW, Cue};
use super::phrases::np_right;
use super::view::Words;
use crate::lexicon::LEXICON;
use crate::lexicon::classes::{Class, WordShapes, report_verbs};
use crate::quotes::FoundQuote;
use crate::types::QuoteKind;
use crate::util::word_table::WordTable;

/// A reported clause shorter than this many words is not taken: `said
/// so`, `told reporters Tuesday` are no report of what was said.
pub(super) const MIN_CLAUSE_WORDS: usize = 3;

/// How many words a hearer that the phrase rules do not read may have
/// (`urged both sides to …`).
const HEARER_MAX_WORDS: usize = 3;

/// How many tokens after a comma the verb of an attribution may stand:
/// `…, the regional transport authority said`, `…, said Ann Lee`.
const ATTRIBUTION_MAX_TOKENS: usize = 12;

/// How many words after a comma may stand before the verb of a second
/// report that ends a clause (`…, but the landlord warned`).
const SECOND_REPORT_WINDOW: usize = 6;

/// A clause that opens with a preposition and has no more words than
/// this is a phrase of when or where: `said in her order.`
const PHRASE_MAX_WORDS: usize = 6;

/// How many tokens of when and where may follow an attribution that ends
/// a sentence: `…, officials said late on Tuesday after the vote.`
const TRAILING_MAX_TOKENS: usize = 12;

/// How far (in tokens) into a clause that opens like a noun phrase its
/// verb is looked for: `said the plan, drawn up by the council last year,
/// would cost…`.
const CLAUSE_VERB_WINDOW: usize = 30;

/// How many tokens past a verb of saying `that` may stand and still open
/// its clause: `said in a statement on Friday that …`.
const THAT_WINDOW: usize = 8;

/// The verbs that report a clause ([`Class::REPORT_VERB`]), for a
/// question asked of every word of the text outside quotes, which the
/// other rules never ask of most lower-case words.
///
/// PERF: a test of a word's shape (its first two letters, last letter and
/// length: [`WordShapes`]) answers most words, and a small table of these
/// verbs the rest, at a fraction of the cost of a look-up of all of a
/// word's classes (CONTRIBUTING.md has the figures).
struct ReportVerbs {
    shapes: WordShapes,
    table: WordTable,
}

impl ReportVerbs {
    #[inline]
    fn holds(&self, lower: &str) -> bool {
        self.shapes.may_hold(lower) && self.table.get(lower) != 0
    }

    /// Whether the token of lower-cased form `lower` is one of these verbs,
    /// as [`Words::is`] of [`Class::REPORT_VERB`] tells (which reads a word
    /// without a dot that ends it, as `Sen.`).
    fn holds_form(&self, lower: &str) -> bool {
        self.holds(lower.strip_suffix('.').unwrap_or(lower))
    }

    /// Pushes to `out` the tokens of `part` that are these verbs.
    ///
    /// PERF: read off the slice of forms, not a form asked for each token
    /// (no bounds check and no empty form past the end per token):
    /// instructions 683.1M -> 680.1M (callgrind, `extract --jsonl --jobs 1`
    /// on PolNeAR train).
    fn find_in(&self, words: &Words<'_, '_>, part: Range<usize>, out: &mut Vec<usize>) {
        let start = part.start;
        for (i, lower) in words.lower_forms(part).iter().enumerate() {
            if self.holds(lower) {
                out.push(start + i);
            }
        }
    }
}

static REPORT_VERBS: LazyLock<ReportVerbs> = LazyLock::new(|| {
    let verbs = report_verbs();
    ReportVerbs {
        shapes: WordShapes::of(verbs.keys().copied()),
        table: WordTable::new(verbs.iter().map(|(&word, &bits)| (word, bits))),
    }
});

/// A clause of reported speech and the cue that reports it.
pub(super) struct Reported {
    pub(super) quote: FoundQuote,
    pub(super) cue: Cue,
    /// The index of the clause's sentence.
    pub(super) sentence: usize,
}

/// The reported speech of the text, in text order: in the sentences
/// without a quote in marks that is speech (`quoted`), and after the last
/// such quote of a sentence (`“…,” he said, adding he would stay`).
pub(super) fn find(words: &Words<'_, '_>, quoted: &[bool]) -> Vec<Reported> {
    let tokens = words.tokens;
    let mut out = Vec::new();
    let mut para = 0;
    // The verbs of the sentence that can report a clause, and its reports.
    let mut at = Vec::new();
    let mut found = Vec::new();
    let report_verbs = &*REPORT_VERBS;
    for (index, sentence) in tokens.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        // A sentence of marks and punctuation has no verb and no source to
        // report a clause (the paragraph cursor below catches up by itself).
        // PERF: 106.7M → 96.8M instructions on mark_newline at 250 kB
        // (benches: `scaling --once mark_newline` under callgrind).
        if !words.holds_a_word(range.clone()) {
            continue;
        }
        // The words outside quotes in marks: all of them, or those before
        // the first quote and after the last.
        let quoted_here = &quoted[range.clone()];
        let (first, last) = match first_quoted(quoted_here) {
            None => (range.end, range.start),
            Some(first) => {
                let last = quoted_here.iter().rposition(|&q| q).unwrap_or(first);
                (range.start + first, range.start + last + 1)
            }
        };
        at.clear();
        crate::steps::take(range.len());
        for part in [range.start..first, last.max(first)..range.end] {
            report_verbs.find_in(words, part, &mut at);
        }
        // (Without a verb, only a sentence without quotes can hold a report:
        // `According to officials, …`.)
        if at.is_empty() && first != range.end {
            continue;
        }
        while tokens.paragraphs[para].tokens.end <= range.start {
            para += 1;
        }
        found.clear();
        if first == range.end {
            reports_in(words, range.clone(), &at, &mut found);
        } else {
            reports_before_quote(words, range.start, first, &at, &mut found);
            found.extend(report_after_quote(words, range.clone(), last, &at));
        }
        // (Asked only of sentences with reports: most have none.)
        if !found.is_empty() && !is_prose(words, para, range.clone()) {
            found.clear();
        }
        for (clause, cue) in found.drain(..) {
            out.push(Reported {
                quote: clause_quote(words, clause, &cue, para),
                cue,
                sentence: index,
            });
        }
    }
    out
}

/// The index of the first `true` of `quoted`.
///
/// PERF: most sentences have no quote: their flags are read sixteen at a
/// time (a test the compiler makes one vector compare), and only the
/// sixteen with a quote one by one: instructions 671.6M -> 670.7M
/// (callgrind, `extract --jsonl --jobs 1` on PolNeAR train).
fn first_quoted(quoted: &[bool]) -> Option<usize> {
    const CHUNK: usize = 16;
    let chunk = quoted
        .chunks(CHUNK)
        .position(|c| c.iter().fold(false, |any, &q| any | q))?;
    let start = chunk * CHUNK;
    quoted[start..].iter().position(|&q| q).map(|i| start + i)
}

/// Whether the sentence `range` of paragraph `para` is prose that may
/// report speech: not a picture's caption (`… says his son battled
/// addiction. (Ann Lee/Harbour Gazette)`), a link (`READ MORE: Mayor says
/// …`) or a headline in title case.
fn is_prose(words: &Words<'_, '_>, para: usize, range: Range<usize>) -> bool {
    let paragraph = words.tokens.paragraphs[para].tokens.clone();
    let link = words.is(range.start, Class::LINK_LABEL)
        && (range.start + 1..range.end.min(range.start + 4)).any(|t| words.lower(t) == ":");
    !link && !clauses::is_photo_caption(words, paragraph) && !clauses::is_title_case(words, range)
}

/// The reported clauses of the sentence `range` and their cues: the first
/// by the three rules in order (see the module docs), then each second
/// report that ends the clause before it (`Ann Lee said the town would
/// pay, but the mayor warned that it could not.`). `at`: the sentence's
/// verbs that can report a clause.
fn reports_in(words: &Words<'_, '_>, range: Range<usize>, at: &[usize], out: &mut Vec<(Range<usize>, Cue)>) {
    let end = sentence_end(words, range.clone());
    let first = source_opening(words, range.start, end)
        .or_else(|| attribution_after_comma(words, range.start, end, at))
        .or_else(|| speaker_first(words, range.start..end, range.start, at))
        .filter(|(clause, _)| is_long_enough(words, clause.clone()));
    if let Some((clause, cue)) = first {
        let next = clause.end;
        out.push((clause, cue));
        second_reports(words, range.start..end, next, at, out);
    }
}

/// The reports from `from` on that follow a first one in `range`, each
/// from where the clause before it ended; those whose clause runs to the
/// end of `range` too.
fn second_reports(
    words: &Words<'_, '_>,
    range: Range<usize>,
    mut from: usize,
    at: &[usize],
    out: &mut Vec<(Range<usize>, Cue)>,
) {
    while from < range.end {
        let Some((clause, cue)) = speaker_first(words, range.clone(), from, at) else {
            return;
        };
        from = clause.end;
        out.push((clause, cue));
    }
}

/// `Ann Lee said the town would pay, but the mayor warned of “chaos”.`:
/// before the first quote in marks of a sentence (at `quote`), the reports
/// whose clauses end at a second report before the quote. A clause that
/// runs on into the quote is the quote's own report: `She said the plan
/// was “a fantasy”` is one mixed quote.
fn reports_before_quote(
    words: &Words<'_, '_>,
    start: usize,
    quote: usize,
    at: &[usize],
    out: &mut Vec<(Range<usize>, Cue)>,
) {
    let before = out.len();
    if let Some(first) = speaker_first(words, start..quote, start, at) {
        let next = first.0.end;
        out.push(first);
        second_reports(words, start..quote, next, at, out);
    }
    // (The last one, if it runs on into the quote.)
    if out.len() > before && out.last().is_some_and(|(clause, _)| clause.end >= quote) {
        out.pop();
    }
}

/// `“…,” he said, adding he would stay.`: after the last quote in marks of
/// a sentence (from `after`), a verb of saying that a comma sets off
/// reports a clause of its own.
fn report_after_quote(
    words: &Words<'_, '_>,
    range: Range<usize>,
    after: usize,
    at: &[usize],
) -> Option<(Range<usize>, Cue)> {
    let end = sentence_end(words, range.clone());
    speaker_first(words, range.start..end, after, at)
        .filter(|(_, cue)| cue.cue.start > after && opens_second_report(words, cue.cue.start))
}

/// Whether the verb at `v` opens a second report after a first: a
/// participle after a comma (`…, adding …`), or a verb after `and` (`… and
/// warned that …`). After a quote in marks, a verb that is neither is the
/// quote's own cue: `“…,” she said in a statement.`
fn opens_second_report(words: &Words<'_, '_>, v: usize) -> bool {
    let before = words.lower(v.saturating_sub(1));
    (before == "," && words.is_participle(v)) || before == "and"
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

/// Whether `range` holds more than `n` words: read only as far as the
/// word after the `n`th (a few tokens, whatever the length of `range`).
fn has_more_words(words: &Words<'_, '_>, range: Range<usize>, n: usize) -> bool {
    let mut seen = 0;
    for t in range {
        crate::steps::take(1);
        if words.is_word(t) {
            seen += 1;
            if seen > n {
                return true;
            }
        }
    }
    false
}

/// Whether the clause `range` has at least [`MIN_CLAUSE_WORDS`] words:
/// read only as far as its third word, not to its end.
///
/// PERF: instructions 629.5M -> 628.6M (callgrind, `extract --jsonl
/// --jobs 1` on PolNeAR train), against a count of all its words.
fn is_long_enough(words: &Words<'_, '_>, range: Range<usize>) -> bool {
    has_more_words(words, range, MIN_CLAUSE_WORDS - 1)
}

fn word_count(words: &Words<'_, '_>, range: Range<usize>) -> usize {
    crate::steps::take(range.len());
    range.filter(|&t| words.is_word(t)).count()
}

/// `According to officials, the talks collapsed.`: a source phrase that
/// opens the sentence (past `But`, `And`), its clause after the comma that
/// ends the source.
fn source_opening(words: &Words<'_, '_>, start: usize, end: usize) -> Option<(Range<usize>, Cue)> {
    let t = (start..end.min(start + 2)).find(|&t| opens_source_phrase(words, t))?;
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
/// the words before it; when a comma closes it, [`side_reported`]. When
/// other words follow (`…, Ann Lee said the town would pay`), the
/// attribution opens a clause of its own: [`speaker_first`] reads it.
fn attribution_after_comma(
    words: &Words<'_, '_>,
    start: usize,
    end: usize,
    at: &[usize],
) -> Option<(Range<usize>, Cue)> {
    // Only a comma with a source phrase right after it, or a verb that can
    // report a clause soon after it, where an attribution can end the
    // sentence or a comma close it: the verb at the end, or before a
    // comma, a phrase of when or where, or its subject (`…, said the
    // mayor`, `…, said Ann Lee`).
    let can_close = |k: usize| {
        let first_verb = at.get(at.partition_point(|&t| t <= k)).copied();
        first_verb.is_some_and(|v| {
            let next = v + 1;
            v <= k + ATTRIBUTION_MAX_TOKENS
                && (next >= end
                    || words.lower(next) == ","
                    || words.is_capitalised(next)
                    || says_when_or_where(words, next)
                    || words.is(next, Class::ARTICLE | Class::DETERMINER))
        })
    };
    let commas = comma_tokens(words, start + 1..end)
        .filter(|&k| words.lower(k) == "," && (can_close(k) || opens_source_phrase(words, k + 1)));
    for comma in commas {
        crate::steps::take(CUE_WINDOW);
        let Some(cue) = cues::attribution_at(words, comma + 1, end.min(comma + 1 + CUE_WINDOW)) else {
            continue;
        };
        if !reports_speech(words, &cue) {
            continue;
        }
        let cue_end = past_hearer(words, &cue, end);
        let trailing = cue_end..end;
        let only_when_or_where =
            trailing.len() <= TRAILING_MAX_TOKENS && says_when_or_where(words, cue_end) && !has_comma(words, trailing);
        if cue_end >= end || only_when_or_where {
            return Some((start..comma, cue));
        }
        if words.lower(cue_end) == "," {
            return Some((side_reported(words, start..comma, cue_end + 1..end), cue));
        }
    }
    None
}

/// The commas (and semicolons) of the tokens `range`, from the tokens'
/// list of them rather than a look at every token.
fn comma_tokens<'w>(words: &'w Words<'_, '_>, range: Range<usize>) -> impl Iterator<Item = usize> + 'w {
    let commas = &words.tokens.commas;
    let first = commas.partition_point(|&k| (k as usize) < range.start);
    commas[first..]
        .iter()
        .map(|&k| k as usize)
        .take_while(move |&k| k < range.end)
}

/// Whether a source phrase (`according to`) may start at `t`: its first
/// word is a source phrase's, by a few compares of strings rather than a
/// look-up, as it is asked after every comma.
fn opens_source_phrase(words: &Words<'_, '_>, t: usize) -> bool {
    let word = words.lower(t);
    SOURCE_FIRST_WORDS.contains(&word)
}

/// The first words of the source phrases, each once (`in` opens more than
/// one).
///
/// PERF: compared with a word as they stand, not read out of the phrases
/// one phrase at a time: instructions 630.9M -> 629.5M (callgrind,
/// `extract --jsonl --jobs 1` on PolNeAR train).
static SOURCE_FIRST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut firsts: Vec<&'static str> = LEXICON
        .source_phrases
        .iter()
        .filter_map(|p| p.first().copied())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    firsts
});

/// Which side of an attribution inside a sentence is the reported clause:
/// both, when the words after it go on with a verb (`The latest test,
/// officials said, was its biggest.`); the words before it, when those
/// after describe the speaker or attach to the sentence (`…, according to
/// Edmund Carrow, a local historian.`, `…, the group said, compared with
/// …`); else the longer side.
fn side_reported(words: &Words<'_, '_>, before: Range<usize>, after: Range<usize>) -> Range<usize> {
    let first = after.start;
    if words.is(first, Class::AUXILIARY | Class::MODAL | Class::CLEAR_VERB_FORM) {
        return before.start..after.end;
    }
    let attaches = words.is(first, Class::ARTICLE | Class::DETERMINER | Class::SUBORDINATOR)
        || words.lower(first).ends_with("ed")
        || words.is_participle(first);
    if !attaches && word_count(words, after.clone()) > word_count(words, before.clone()) {
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

/// Whether the words at `t` say when, where or how (`on Tuesday`, `in a
/// statement`, `repeatedly`): what may stand between a verb of saying and
/// the `that` of its clause.
fn is_adverbial(words: &Words<'_, '_>, t: usize) -> bool {
    says_when_or_where(words, t) || words.is(t, Class::FREQUENCY_ADVERB) || words.lower(t).ends_with("ly")
}

/// Whether the words at `t`, after a cue that ends a sentence, only say
/// when or where: `…, officials said on Tuesday.`, `…, she said last
/// week.`, `…, he said after the vote.` (Not an adverb of how often: `…,
/// said parents still want …` opens a clause.)
fn says_when_or_where(words: &Words<'_, '_>, t: usize) -> bool {
    let opens_time = words.is(t, Class::TIME_OPENER) && words.is(t + 1, Class::TIME_WORD);
    opens_time || words.is(t, Class::TIME_WORD | Class::PLACE_PREPOSITION | Class::SUBORDINATOR)
}

/// Whether a cue after a comma reports a clause: a verb of saying or a
/// source phrase (not a verb that only reports stance, `…, the study
/// found`, nor a trailing dash and name: `… — Jane Doe` ends a caption).
fn reports_speech(words: &Words<'_, '_>, cue: &Cue) -> bool {
    !cue.cue.is_empty() && words.is(cue.cue.start, Class::REPORT_VERB | Class::SOURCE_FIRST)
}

/// `Police said a man had been arrested.`: the first verb of saying
/// among `at` from `from` on whose subject stands before it in `range`,
/// and the clause after it, to the end of `range` or to where a second
/// report starts (`;`, `…, adding …`, `and warned that …`).
fn speaker_first(words: &Words<'_, '_>, range: Range<usize>, from: usize, at: &[usize]) -> Option<(Range<usize>, Cue)> {
    let Range { start, end } = range;
    // (From the first verb at `from`: a sentence's later reports do not
    // read its earlier verbs again.)
    let verbs = at[at.partition_point(|&v| v < from)..]
        .iter()
        .copied()
        .take_while(|&v| v < end);
    verbs.into_iter().find_map(|v| {
        // (The words after the verb first: they are quicker to read than
        // its subject.)
        // (`at` holds verbs that report a clause only: whether this one is
        // used as a verb is all that is left to ask.)
        if !words.is_cue_verb(v) || is_passive(words, v, start) {
            return None;
        }
        crate::steps::take(CLAUSE_VERB_WINDOW);
        let after_verb = clause_after_verb(words, v, v + 1, end)?;
        let cue = verb_cue(words, v, start).filter(|c| c.cue.contains(&v) && c.speaker.end <= v)?;
        if reports_nothing_said(words, &cue, start) {
            return None;
        }
        // (A verb with a particle, `pointed out`, has its clause past it.)
        let clause = if cue.cue.end == v + 1 {
            after_verb
        } else {
            clause_after_verb(words, v, cue.cue.end, end)?
        };
        let clause = clause..second_report(words, clause, end);
        is_long_enough(words, clause.clone()).then_some((clause, cue))
    })
}

/// Whether the cue reports nothing that was said: a condition (`If the
/// judge orders the extradition to proceed, …`), what someone would say
/// (`the gap between what Ann Lee says her plan would do and…`), or no one's
/// words (`It is worth noting that…`).
fn reports_nothing_said(words: &Words<'_, '_>, cue: &Cue, start: usize) -> bool {
    let before_speaker = cue.speaker.start.checked_sub(1).filter(|&k| k >= start);
    let opened = before_speaker.is_some_and(|k| matches!(words.lower(k), "if" | "what"));
    opened || words.lower(cue.cue.start.saturating_sub(1)) == "worth"
}

/// The cue of the verb of saying at `v` and its speaker, as for a quote
/// right after it (`cues::before_quote`, for this verb alone).
fn verb_cue(words: &Words<'_, '_>, v: usize, start: usize) -> Option<Cue> {
    let floor = start.max((v + 1).saturating_sub(CUE_WINDOW));
    let clause_floor = start.max((v + 1).saturating_sub(CLAUSE_WINDOW));
    cues::cue_ending_at(words, v, floor..v + 1, clause_floor)
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
fn clause_after_verb(words: &Words<'_, '_>, v: usize, cue_end: usize, end: usize) -> Option<usize> {
    let mut t = cue_end;
    if words.is(v, Class::TELLING_VERB | Class::INFINITIVE_REPORT) {
        t = past_hearer_after_verb(words, v, t, end);
    }
    if t < end && words.lower(t) == ":" {
        t += 1;
    }
    if t >= end || !words.is_word(t) {
        return None;
    }
    if words.lower(t) == "to" {
        return words.is(v, Class::INFINITIVE_REPORT).then_some(t);
    }
    // `writes extensively about`: past an adverb to what it says of the
    // verb.
    let after_adverb = if words.lower(t).ends_with("ly") { t + 1 } else { t };
    if words.is(after_adverb, Class::NOT_REPORTED) && !opens_subject_anyway(words, after_adverb) {
        return None;
    }
    let start = if words.lower(t) == "that" {
        // `said that, if elected, he would…`, `said that would permit…`:
        // `that` opens the clause, or is its subject.
        let next = t + 1;
        if !words.is_word(next) || words.is(next, Class::AUXILIARY | Class::MODAL) {
            return Some(t);
        }
        // (`said that because terrorists are Muslim does not mean…`)
        if words.is(next, Class::SUBORDINATOR) {
            return Some(next);
        }
        next
    } else {
        let that = (t..end.min(t + THAT_WINDOW)).find(|&k| words.lower(k) == "that");
        match that {
            Some(k) if is_adverbial(words, t) && !has_comma(words, t..k) => k + 1,
            _ => t,
        }
    };
    opens_clause(words, start, end).then_some(start)
}

/// Whether a word that after a verb of saying mostly shows that it reports
/// no clause opens one's subject here: `said about 20 people…`, `said more
/// than half…`, `said no decision had been made` (a number's words, a
/// determiner).
fn opens_subject_anyway(words: &Words<'_, '_>, t: usize) -> bool {
    let next = words.lower(t + 1);
    let number = next.starts_with(|c: char| c.is_ascii_digit()) || next == "than";
    let determiner = words.lower(t) == "no" && words.is_word(t + 1) && next != "to";
    number || determiner
}

/// Whether the words from `start` can be a reported clause: not a verb
/// (`Everything he says is true`, `states that have French as…`), not a
/// clause of when or why (`said when…`), not only a phrase of when or
/// where (`said in her order.`, `charged in the death`), and not a noun
/// phrase without a verb (`urged the reinvestigation of…`, `reported a
/// profit of $3bn`): a verb stands in its words before a relative
/// pronoun.
fn opens_clause(words: &Words<'_, '_>, start: usize, end: usize) -> bool {
    if start >= end || !words.is_word(start) || words.is(start, Class::AUXILIARY | Class::MODAL | Class::SUBORDINATOR) {
        return false;
    }
    if words.is(start, Class::PLACE_PREPOSITION) && !has_more_words(words, start..end, PHRASE_MAX_WORDS) {
        return false;
    }
    // A clause that opens like a noun phrase (`a`, `the`, `his`, a
    // number) has a verb before a relative pronoun or comma; any other
    // opening (`he`, a name, `there`) is taken as a clause's subject.
    let opens_like_phrase = words.is(start, Class::ARTICLE | Class::DETERMINER | Class::POSSESSIVE_DETERMINER)
        || words.lower(start).starts_with(|c: char| c.is_ascii_digit());
    !opens_like_phrase
        || (start + 1..end)
            .take(CLAUSE_VERB_WINDOW)
            .take_while(|&k| !words.is(k, Class::RELATIVE))
            .any(|k| is_finite_verb(words, k))
}

/// Whether the word at `k` (not the first of its clause) is a verb with a
/// tense, as far as the lists and its ending tell: an auxiliary or modal
/// (`is`, `would`), a past tense (`collapsed`, `told`), a negation
/// (`don't`), a present tense after a noun (`the plan works`).
fn is_finite_verb(words: &Words<'_, '_>, k: usize) -> bool {
    let lower = words.lower(k);
    // `the agreement deals with…`: a word in -s after a noun.
    let present = lower.ends_with('s')
        && !lower.ends_with("ss")
        && !words.is_capitalised(k)
        && !words.is(
            k - 1,
            Class::ARTICLE | Class::DETERMINER | Class::ATTACHER | Class::PLACE_PREPOSITION,
        );
    words.is(k, Class::AUXILIARY | Class::MODAL | Class::CLEAR_VERB_FORM)
        || (lower.len() > 3 && lower.ends_with("ed"))
        || lower.ends_with("n't")
        || lower.ends_with("n’t")
        || present
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
    let cut = (start + 1..end)
        .find(|&k| match words.lower(k) {
            ";" => true,
            "," => says_soon(words, k + 1, end),
            "and" => says_soon(words, k + 1, end),
            _ => false,
        })
        .unwrap_or(end);
    crate::steps::take(cut - start);
    cut
}

/// Whether a verb that reports a clause stands within a few words of `t`,
/// with no comma before it: `…, adding …`, `…, but the landlord warned …`.
fn says_soon(words: &Words<'_, '_>, t: usize, end: usize) -> bool {
    (t..end.min(t + SECOND_REPORT_WINDOW))
        .take_while(|&k| words.is_word(k))
        .any(|k| is_report_verb(words, k))
}
/// Whether the word at `v` is a verb that reports a clause: a verb of
/// saying proper (`said`, `warned`) or one whose infinitive is what was
/// said (`urged`, `vowed`), used as a verb.
///
/// PERF: the class asked of the verbs' own table
/// ([`ReportVerbs::holds_form`]), not of all of the word's classes, which
/// most words after a comma or `and` would have looked up for this alone:
/// instructions 628.6M -> 628.0M (callgrind, `extract --jsonl --jobs 1` on
/// PolNeAR train).
fn is_report_verb(words: &Words<'_, '_>, v: usize) -> bool {
    REPORT_VERBS.holds_form(words.lower(v)) && words.is_cue_verb(v)
}

/// The reported clause as a quote without marks, to be attributed as
/// quotes in marks are.
fn clause_quote(words: &Words<'_, '_>, clause: Range<usize>, cue: &Cue, para: usize) -> FoundQuote {
    let span = words.span(clause.start, clause.end);
    // `The latest test, officials said, was its biggest.`: the words on
    // either side of an attribution inside the clause.
    let attribution = cue.cue.start.min(cue.speaker.start)..cue.cue.end.max(cue.speaker.end);
    let content = if clause.start < attribution.start && attribution.end < clause.end {
        let before_end = (clause.start + 1..attribution.start)
            .rev()
            .find(|&k| words.is_word(k))
            .map_or(clause.start + 1, |k| k + 1);
        let after_start = (attribution.end..clause.end)
            .find(|&k| words.is_word(k))
            .unwrap_or(attribution.end);
        vec![
            words.span(clause.start, before_end),
            words.span(after_start, clause.end),
        ]
    } else {
        vec![span]
    };
    FoundQuote {
        span,
        content,
        open: clause.start,
        close: None,
        end_token: clause.end,
        first_para: para,
        last_para: para,
        kind: QuoteKind::Indirect,
        label: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::tests::words_of;
    use crate::tokenize::tokenize;

    /// The verbs' own table answers as the word classes do, for words
    /// with a dot and without, capitalised or not.
    #[test]
    fn report_verbs_table_agrees_with_the_classes() {
        let text = "Said Sen. Ann Vorn, the mayor warned. Officials said, and urged it; \
                    he says told. stated quoted the Harbour Trust added";
        let tokens = tokenize(text);
        let words = words_of(&tokens);
        for t in 0..tokens.tokens.len() {
            let lower = words.lower(t);
            assert_eq!(
                REPORT_VERBS.holds_form(lower),
                words.is(t, Class::REPORT_VERB),
                "{lower}"
            );
        }
    }

    /// Sentences of marks and punctuation alone are passed over, and the
    /// reports of the sentences after them are found as before, in their
    /// own paragraphs.
    #[test]
    fn sentences_without_a_word_are_passed_over() {
        let text = "\"\n\"\n. \"\n\nAnn Vorn said the talks had collapsed overnight.\n\n\"\n";
        let tokens = tokenize(text);
        let words = words_of(&tokens);
        assert!(!words.holds_a_word(tokens.sentences[0].tokens.clone()));
        let quoted = vec![false; tokens.tokens.len()];
        let found = find(&words, &quoted);
        assert_eq!(found.len(), 1);
        let cue = found[0].cue.cue.clone();
        assert_eq!(words.lower_forms(cue), ["said"]);
    }

    /// A clause is long enough with three words, whatever comes after.
    #[test]
    fn clause_of_three_words_is_long_enough() {
        let tokens = tokenize("the talks, collapsed here , again");
        let words = words_of(&tokens);
        let n = tokens.tokens.len();
        for end in 0..=n {
            let long = word_count(&words, 0..end) >= MIN_CLAUSE_WORDS;
            assert_eq!(is_long_enough(&words, 0..end), long, "{end}");
        }
    }
}
