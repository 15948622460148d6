//! Clauses: where a clause's subject starts (past conjunctions,
//! introductory phrases and datelines), the auxiliaries and adverbs
//! between a subject and its verb, headlines in title case, and photo
//! captions.

use std::ops::Range;

use super::name_runs::name_at;
use super::names::name_sort;
use super::np::{Np, NpKind};
use super::verbs::opens_participle_phrase;
use super::view::Words;
use crate::lexicon::Sort;
use crate::lexicon::classes::{Class, role_of};

fn is_adverb(words: &Words<'_, '_>, t: usize) -> bool {
    let lower = words.lower(t);
    if words.is(t, Class::FREQUENCY_ADVERB) {
        return true;
    }
    lower.len() > 4
        && lower.ends_with("ly")
        && words.is_word(t)
        && !words.is_capitalised(t)
        && role_of(lower).is_none()
        && !words.is(t, Class::LY_NOUN)
}

/// Skips auxiliaries and adverbs leftwards from just before `t`; returns
/// the index one past the subject's last token.
pub(crate) fn skip_auxiliaries_left(words: &Words<'_, '_>, mut t: usize, floor: usize) -> usize {
    while t > floor {
        let adverb = is_adverb(words, t - 1);
        // `which Will claims`: a surname of the article is no auxiliary.
        let auxiliary = words.is(t - 1, Class::AUXILIARY) && !words.is_known_surname(t - 1);
        if auxiliary || adverb {
            t -= 1;
        } else if words.is(t - 1, Class::TIME_WORD) {
            // `Dana Whitfield on Tuesday accused`, `she last week said`.
            t -= 1;
            if t > floor && words.is(t - 1, Class::TIME_OPENER) {
                t -= 1;
            }
        } else {
            break;
        }
    }
    t
}

/// Skips auxiliaries and adverbs rightwards from `t`.
pub(crate) fn skip_auxiliaries_right(words: &Words<'_, '_>, mut t: usize, limit: usize) -> usize {
    while t < limit {
        let adverb = is_adverb(words, t);
        if words.is(t, Class::AUXILIARY) || adverb {
            t += 1;
        } else if words.is(t, Class::TIME_OPENER) && words.is(t + 1, Class::TIME_WORD) {
            t += 2;
        } else {
            break;
        }
    }
    t
}

/// The token indexes in `range` where a clause's subject may start: the
/// sentence start past conjunctions and introductory phrases, and after `,
/// but` / `; `.
pub(crate) fn clause_starts(words: &Words<'_, '_>, range: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    clause_starts_into(words, range, &mut out);
    out
}

/// [`clause_starts`] into a vector the caller reuses (it is cleared first).
pub(crate) fn clause_starts_into(words: &Words<'_, '_>, range: Range<usize>, out: &mut Vec<usize>) {
    out.clear();
    out.extend(subject_start(words, range.start, range.end));
    // Only a `;` or a `,` marks a boundary: the tokenizer listed them, so
    // that the other tokens need no look (a branch a token, which no
    // predictor can guess).
    let commas = &words.tokens.commas;
    let first = commas.partition_point(|&t| (t as usize) < range.start);
    for t in commas[first..]
        .iter()
        .map(|&t| t as usize)
        .take_while(|&t| t < range.end)
    {
        let boundary = words.lower(t) == ";" || words.is(t + 1, Class::CLAUSE_JOINER);
        if boundary && t + 1 < range.end {
            out.extend(subject_start(words, t + 1, range.end));
        }
    }
}

/// Where the subject of a clause starting at `t` starts: past
/// conjunctions, opening marks and an introductory phrase ended by a comma.
pub(crate) fn subject_start(words: &Words<'_, '_>, mut t: usize, limit: usize) -> Option<usize> {
    // Past conjunctions and adverbs that open the clause.
    while t < limit && (words.is(t, Class::CLAUSE_OPENER) || (!words.is_word(t) && !words.is_mark(t))) {
        t += 1;
    }
    // A clause that opens with a quotation mark (`“We…`) has no subject
    // here: no dateline, introducer or participle is a mark, so none moves
    // it to a word. (PERF: with the early outs below, see `Mentions::collect`.)
    if t >= limit || !words.is_word(t) {
        return None;
    }
    t = past_dateline(words, t, limit);
    // `In a statement on Monday, she said`: past the phrase to its comma.
    if words.is(t, Class::INTRODUCER) || opens_participle_phrase(words, t) {
        let comma = (t..limit.min(t + 25)).find(|&u| words.lower(u) == ",")?;
        t = comma + 1;
        // `Speaking in Dover, Delaware, Tobin said`: past a place
        // that ends the phrase.
        for _ in 0..2 {
            match name_at(words, t, limit) {
                Some(
                    np @ Np {
                        kind: NpKind::Name { name },
                        ..
                    },
                ) if words.lower(np.end) == "," && name_sort(&words.tokens.text()[name.range()]) == Sort::Place => {
                    t = np.end + 1;
                }
                _ => break,
            }
        }
        // `In Dover, Delaware, on Sunday, Mrs. Tobin said`: past a time
        // phrase set off by commas after the place.
        if words.is(t, Class::TIME_OPENER) && words.is(t + 1, Class::TIME_WORD) && words.lower(t + 2) == "," {
            t += 3;
        }
        while t < limit && words.is(t, Class::CLAUSE_OPENER) {
            t += 1;
        }
    }
    (t < limit && words.is_word(t)).then_some(t)
}

/// Past a dateline that opens a paragraph: `WASHINGTON (AP) —`,
/// `LONDON, March 3 —`. A dateline is a word in capitals and what follows
/// it up to a dash.
fn past_dateline(words: &Words<'_, '_>, t: usize, limit: usize) -> usize {
    let word = words.str(t);
    let capitals = words.is_word(t) && word.len() >= 3 && word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    let opens_paragraph = |t: usize| {
        let p = words.tokens.paragraphs.partition_point(|p| p.tokens.start < t);
        words.tokens.paragraphs.get(p).is_some_and(|p| p.tokens.start == t)
    };
    if !capitals || !opens_paragraph(t) {
        return t;
    }
    let Some(dash) = (t + 1..limit.min(t + 12)).find(|&u| words.is_dash(u)) else {
        return t;
    };
    // `WASHINGTON -- President Obama…`: past a dash typed as two hyphens.
    (dash..limit).find(|&u| !words.is_dash(u)).unwrap_or(limit)
}

/// Whether the words of `range` are a headline in title case: four or more
/// words, and all but the small ones (`of`, `the`) capitalised.
pub(crate) fn is_title_case(words: &Words<'_, '_>, range: Range<usize>) -> bool {
    if range.len() < 4 {
        return false; // fewer than four words
    }
    let mut word_count = 0;
    for t in range.filter(|&t| words.is_word(t)) {
        // The capital first: the word lists only for a word without one.
        let small = || words.is(t, Class::TITLE_CASE_SMALL_WORD);
        if !words.is_capitalised(t) && !small() && !words.lower(t).starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        word_count += 1;
    }
    word_count >= 4
}

/// Whether the tokens `range` of a paragraph end with a picture's credit
/// in brackets: `… at the station in 1999. (THE DAILY PRESS FILE PHOTO)`,
/// `(Submitted by Ann Lee)`, `(Ann Lee/Harbour Gazette)`: a word of
/// credit, or a slash between the photographer and the agency.
pub(crate) fn is_photo_caption(words: &Words<'_, '_>, range: Range<usize>) -> bool {
    if range.len() < 3 {
        return false; // room for no `(`, credit and `)`
    }
    let Some(last) = range.clone().rev().find(|&t| words.lower(t) != ".") else {
        return false;
    };
    if words.lower(last) != ")" {
        return false;
    }
    let open = (range.start.max(last.saturating_sub(12))..last)
        .rev()
        .find(|&t| words.lower(t) == "(");
    open.is_some_and(|open| (open..last).any(|t| words.lower(t) == "/" || words.is(t, Class::PHOTO_CREDIT)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::tests::words_of;
    use crate::tokenize::tokenize;

    #[test]
    fn a_clause_that_opens_with_a_mark_or_no_word_has_no_subject_start() {
        let text = "“We go,” she said. \" . But Ann Lee left.";
        let t = tokenize(text);
        let w = words_of(&t);
        let starts: Vec<&str> = t
            .sentences
            .iter()
            .flat_map(|s| clause_starts(&w, s.tokens.clone()))
            .map(|k| t.str(k))
            .collect();
        assert_eq!(starts, ["Ann"]);
    }
}
