//! Names in the tokens: a run of capitalised words (with joiners and
//! initials) becomes a name with its titles stripped, or a capitalised
//! description (`Foreign Secretary`). In order: can the token start a name
//! (`name_at`); how far the run goes (`name_run_from`); whether it is a
//! modifier of a role noun, an adjective phrase ending in a nationality
//! (`Notable Danish examples`) or a common word at a sentence start (then
//! no name); where the name proper starts past titles (`np_for_run`). Also
//! the titles and role words around a name.

use std::ops::Range;

use super::np::{Np, NpKind};
use super::verbs::opens_participle_phrase;
use super::view::Words;
use crate::lexicon::classes::{Class, role_of};
use crate::lexicon::{Gender, LEXICON, Role, Sort};

/// Whether token `t` can be part of a name: a capitalised word that is not
/// a function word, a joiner between two such words, or an initial's dot.
pub(super) fn name_word(words: &Words<'_, '_>, t: usize) -> bool {
    words.is_capitalised(t) && (!words.is(t, Class::NOT_NAME) || words.is_known_surname(t))
}

/// Whether token `t` can be the first word of a name. `Said Ellis: “…”`:
/// a capitalised reporting verb that opens a sentence opens no name
/// (unless it is also a given name, like `Mark`); inside a sentence it is
/// a name (`spokeswoman Hope Hicks`).
fn can_start_name(words: &Words<'_, '_>, t: usize) -> bool {
    name_word(words, t)
        && (!words.is_reporting_verb(t)
            || !words.starts_sentence(t)
            || words.is(t, Class::FIRST_NAME)
            || words.is_known_surname(t))
}

/// The name that starts at token `t`, if one does: a run of capitalised
/// words (with joiners and initials), minus leading titles. The run keeps
/// its titles; the name proper does not.
pub(crate) fn name_at(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    if !can_start_name(words, t) {
        return None;
    }
    // Not inside a name; but after a possessive a new name starts
    // (`Fieldwork’s Nora Quint`).
    if t > 0 && can_start_name(words, t - 1) && !words.is_possessive(t - 1) {
        return None;
    }
    name_run_from(words, t, limit)
}

/// The name that starts at token `t`, whatever stands before it (a
/// capitalised title: `Chief Dan Orr`).
pub(super) fn name_run(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    if !can_start_name(words, t) {
        return None;
    }
    name_run_from(words, t, limit)
}

/// [`name_run`] at a token `t` known to be able to start a name (which
/// [`name_at`] has just tested: not tested twice).
fn name_run_from(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let mut end = t + 1;
    loop {
        // A possessive ends the name: `Mr. Reilly's well-known temper`.
        if words.is_possessive(end - 1) {
            break;
        }
        if end < limit && name_word(words, end) {
            end += 1;
        } else if end + 2 < limit && is_initial(words, end) && name_word(words, end + 2) {
            // `Jock A. Finlayson`: an initial that is also a word.
            end += 3;
        } else if end + 1 < limit
            && words.lower(end) == "."
            && words.str(end - 1).len() <= 3
            && name_word(words, end + 1)
            && words.is_capitalised(end - 1)
        {
            // `John F. Kennedy`, `Mr. Obama`.
            end += 2;
        } else if end + 1 < limit
            && words.is(end, Class::NAME_JOINER)
            && name_word(words, end + 1)
            && !words.is_capitalised(end)
            && !person_then_of(words, t, end)
        {
            end += 2;
        } else if let Some(next) = org_continues_after_and(words, end, limit) {
            end = next;
        } else {
            break;
        }
    }
    // `Tory candidate`, `Chinese authorities`: a capitalised modifier of a
    // role noun is part of a description, not a name.
    if modifies_role(words, end, limit, end == t + 1) || is_nationality_phrase(words, t, end, limit) {
        return None;
    }
    // A single word at a sentence start may be a common word or open a
    // phrase (the test only there: most runs are longer or inside their
    // sentence).
    if end == t + 1 && words.starts_sentence(t) && opens_sentence_unnamed(words, t) {
        return None;
    }
    np_for_run(words, t, end)
}

/// Whether the one capitalised word at `t`, the first of its sentence,
/// names no one: `Wealthy donors…`, `Reached by phone, …`, `Hastily, …`
/// (a word that the text also writes in lower case, or an adverb), or
/// `Growing up in Harlow, Mistry…` (a participle that opens the sentence's
/// introductory phrase).
fn opens_sentence_unnamed(words: &Words<'_, '_>, t: usize) -> bool {
    // (An adverb is followed by its comma or a preposition: `Hastily, …`,
    // `Shortly after…`, not `Reilly apologised`.)
    let adverb = words.lower(t).ends_with("ly")
        && (words.lower(t + 1) == ","
            || words.is(t + 1, Class::ATTACHER)
            || matches!(words.lower(t + 1), "after" | "before"))
        && !words.is(t, Class::FIRST_NAME);
    let opens_phrase = adverb || opens_participle_phrase(words, t);
    // (The bits first: a given name is no common word. Then the surname
    // test, a lookup, where the other may search the text.)
    (opens_phrase || !words.is(t, Class::FIRST_NAME))
        && !words.is_known_surname(t)
        && (opens_phrase || words.is_common_at_sentence_start(t))
}

/// Whether the capitalised run `start..of` is a person's name and token
/// `of` the `of` after it: `Bank of England` is one name, but `Lee Zeldin
/// of New York` is a person (a given name says so) and where he is from.
pub(super) fn person_then_of(words: &Words<'_, '_>, start: usize, of: usize) -> bool {
    words.lower(of) == "of" && (start..of).any(|t| words.is(t, Class::FIRST_NAME) && words.is_capitalised(t))
}

/// Whether token `t` is one capital letter and a dot: an initial.
fn is_initial(words: &Words<'_, '_>, t: usize) -> bool {
    words.is_capitalised(t) && words.str(t).len() == 1 && words.lower(t + 1) == "."
}

/// `Saltmarsh Fire and Rescue Service`: an `and` inside an organisation's
/// name, when the capitalised words after it end in a word of
/// organisations. (`Smith and Jones said` stays two names.) The end of the
/// run after the `and`, if so.
fn org_continues_after_and(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<usize> {
    if words.lower(t) != "and" || t + 1 >= limit || !name_word(words, t + 1) {
        return None;
    }
    let mut end = t + 1;
    while end < limit && end < t + 6 && name_word(words, end) {
        end += 1;
    }
    words.is(end - 1, Class::ORG_WORD).then_some(end)
}

/// Whether a capitalised run ending before `t` (`one_word` long or more)
/// modifies a role noun that follows within three lower-case words: `Tory
/// mayoral candidate`, `Republican presidential nominee`.
fn modifies_role(words: &Words<'_, '_>, t: usize, limit: usize, one_word: bool) -> bool {
    // A reporting verb ends the search, unless it is a text that speaks
    // too and the run one word: `the IMF report stated`, `a CNN poll
    // found` (but `the Hillary Clinton email` keeps the name).
    let text_noun = |u: usize| one_word && role_of_token(words, u).is_some_and(|r| r.sort == Sort::Document);
    (t..limit.min(t + 3))
        .take_while(|&u| {
            words.is_word(u)
                && !words.is_capitalised(u)
                && !words.function_at(u)
                && (!words.is_reporting_verb(u) || text_noun(u))
        })
        .any(|u| words.role_at(u))
}

/// `Notable Danish examples include…`, `Many British firms`: a
/// capitalised run `start..end` that ends in a nationality, with a noun
/// in lower case after it, is an adjective phrase. Not when a given name
/// or a title opens the run (`Dawn French`), nor when a verb or a
/// function word follows (`English said`, `French has`).
fn is_nationality_phrase(words: &Words<'_, '_>, start: usize, end: usize, limit: usize) -> bool {
    end < limit
        && words.is(end - 1, Class::NATIONALITY)
        && !words.is(start, Class::FIRST_NAME | Class::TITLE | Class::HONORIFIC)
        && words.is_word(end)
        && !words.is_capitalised(end)
        && !words.function_at(end)
        && !words.is(end, Class::MODAL)
        && !words.is_cue_verb(end)
}

/// Sorts a capitalised run `start..end` into a name (titles stripped) or a
/// capitalised description (`Foreign Secretary`).
pub(super) fn np_for_run(words: &Words<'_, '_>, start: usize, end: usize) -> Option<Np> {
    // The name proper starts after the last title or role word.
    let mut name_start = start;
    for t in start..end {
        // (One test of the bits for both first: most words are neither.)
        if words.is(t, Class::TITLE | Class::PERSON_ROLE) && (words.is(t, Class::TITLE) || t + 1 < end) {
            name_start = t + 1;
        }
    }
    while name_start < end && (!words.is_word(name_start) || words.is(name_start, Class::NAME_JOINER)) {
        name_start += 1;
    }
    if name_start >= end && (surname_like_title(words, start, end) || end == start + 1 && words.is_known_surname(start))
    {
        // `Ms. King`, `Nora King`: a title word after an honorific or a
        // given name is the surname; the name proper starts after the
        // titles before it.
        name_start = (start..end - 1)
            .rev()
            .find(|&t| words.is(t, Class::TITLE) || words.is(t, Class::PERSON_ROLE))
            .map_or(start, |t| t + 1);
        while name_start < end - 1 && !words.is_word(name_start) {
            name_start += 1;
        }
    }
    if name_start >= end {
        // All titles: `Foreign Secretary` used as a description.
        let head = (start..end).rev().find(|&t| words.is_word(t))?;
        return words.role_at(head).then_some(Np {
            start,
            end,
            kind: NpKind::Description { head },
        });
    }
    // A lone capitalised word that is a common noun at a sentence start
    // (`Officials said`) is not a name.
    if end - name_start == 1 && words.role_at(name_start) && name_start == start {
        return Some(Np {
            start,
            end,
            kind: NpKind::Description { head: start },
        });
    }
    Some(Np {
        start,
        end,
        kind: NpKind::Name {
            name: words.span(name_start, end),
        },
    })
}

/// Whether the last word of the run `start..end`, a title, is a surname:
/// an honorific (`Mr. King`) or a given name (`Ruth Baron`) stands right
/// before it.
fn surname_like_title(words: &Words<'_, '_>, start: usize, end: usize) -> bool {
    let last = end - 1;
    let Some(before) = (start..last).rev().find(|&t| words.is_word(t)) else {
        return false;
    };
    let honorific = Class::HONORIFIC.holds(words.lower(before).trim_end_matches('.'));
    words.is_word(last) && (honorific || words.is(before, Class::FIRST_NAME) && !words.is(before, Class::TITLE))
}

/// Whether the capitalised run of `np` has a reporting verb in it: a
/// headline in title case (`Tobin Says Council Broke Rules:`), not a
/// name.
pub(crate) fn is_headline_run(words: &Words<'_, '_>, np: &Np) -> bool {
    (np.start..np.end).any(|t| words.is_reporting_verb(t))
}

/// The gender that titles between `start` and `name_start` give (`Mr`,
/// `Mrs`).
pub(crate) fn title_gender(words: &Words<'_, '_>, start: usize, name_start: usize) -> Gender {
    (start..name_start.min(words.len()))
        .filter(|&t| words.is(t, Class::TITLE))
        .filter_map(|t| LEXICON.titles.get(words.lower(t).trim_end_matches('.')).copied())
        .find(|g| *g != Gender::Unknown)
        .unwrap_or(Gender::Unknown)
}

/// The tokens of the role words right before a name: `Tory candidate` in
/// `Labour candidate Mr Reilly`, `Foreign Secretary` in `Foreign Secretary
/// Ann Ruiz` (tokens, not a vector of their words: most names have
/// none).
pub(crate) fn role_words_before(words: &Words<'_, '_>, name_start: usize) -> Range<usize> {
    let none = name_start..name_start;
    // Titles inside the run itself: `Foreign Secretary Ann Ruiz`.
    let mut t = name_start;
    while t > 0 {
        let prev = t - 1;
        // (A determiner or reporting verb ends the words: one test of the
        // token's bits for both.)
        if !words.is_word(prev) || words.is(prev, Class::DETERMINER | Class::REPORTING_VERB) {
            break;
        }
        let lower = words.lower(prev);
        let keep = words.is(prev, Class::ROLE | Class::TITLE | Class::CAPITALISED)
            || words.is(prev, Class::LOOSE_MODIFIER)
            || lower.as_bytes().contains(&b'-');
        if !keep {
            break;
        }
        t = prev;
    }
    // Keep only what ends in a role or title word, without honorifics.
    let mut end = name_start;
    while end > t && words.is(end - 1, Class::HONORIFIC) {
        end -= 1;
    }
    if end > t && role_or_title_at(words, end - 1) {
        t..end
    } else {
        none
    }
}

/// Whether token `t` is a role noun ([`role_of`]) or a title (written with
/// or without its dots: `Sen.`).
pub(super) fn role_or_title_at(words: &Words<'_, '_>, t: usize) -> bool {
    let lower = words.lower(t);
    role_of(lower).is_some() || Class::TITLE.holds(lower.trim_end_matches('.'))
}

/// [`role_of`] token `t`'s word, past a test of its bits: a word that the
/// lists hold as a role or relation noun (or an age) has the `ROLE` class,
/// and one without it is none (the lists hold no words with dots, which
/// the classes read without one), so most words need no lookup.
pub(crate) fn role_of_token(words: &Words<'_, '_>, t: usize) -> Option<Role> {
    if !words.role_at(t) {
        return None;
    }
    role_of(words.lower(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::tests::words_of;
    use crate::tokenize::tokenize;

    #[test]
    fn a_tokens_role_is_its_words() {
        let text = "The spokeswoman, Sen. Jo Lee, a 45-year-old. lawyer and wife of the \
            company’s chief, said: Minister! secretary. The mayor-elect's aide and Spokesman Bo.";
        let t = tokenize(text);
        let w = words_of(&t);
        for k in 0..=t.tokens.len() {
            let by_token = role_of_token(&w, k).map(|r| (r.gender, r.sort));
            let by_word = role_of(w.lower(k)).map(|r| (r.gender, r.sort));
            assert_eq!(by_token, by_word, "{:?}", w.lower(k));
        }
    }

    /// The role words before a name as they were first found: the last
    /// word's role or title asked of the lists by its text.
    fn role_words_by_lists(w: &Words<'_, '_>, name_start: usize) -> Range<usize> {
        let mut t = name_start;
        while t > 0 {
            let prev = t - 1;
            if !w.is_word(prev) || w.determiner_at(prev) || w.is_reporting_verb(prev) {
                break;
            }
            let lw = w.lower(prev);
            let keep = w.role_at(prev)
                || w.is(prev, Class::TITLE | Class::CAPITALISED)
                || lw.contains('-')
                || Class::LOOSE_MODIFIER.holds(lw);
            if !keep {
                break;
            }
            t = prev;
        }
        let mut end = name_start;
        while end > t
            && matches!(
                w.lower(end - 1),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "mr." | "mrs." | "ms." | "dr."
            )
        {
            end -= 1;
        }
        let last = w.lower(end.saturating_sub(1));
        let listed = role_of(last).is_some() || LEXICON.titles.contains_key(last.trim_end_matches('.'));
        if end > t && listed {
            t..end
        } else {
            name_start..name_start
        }
    }

    #[test]
    fn role_words_are_those_the_lists_give() {
        let texts = [
            "Foreign Secretary Ann Ruiz said so.",
            "But Labour candidate Mr Reilly has left.",
            "The sen. Jo Lee and Sen.. Al Roe and the 45-year-old. Bo Li spoke.",
            "Former Deputy Prime Minister Jane Doe, wife Ann Lee and Mrs. Dr. Kay Orr came.",
            "Tory mayoral candidate Dr Tim Oak and spokeswoman Hope Hicks met chairman. Al Ng.",
        ];
        for text in texts {
            let t = tokenize(text);
            let w = words_of(&t);
            for k in 0..t.tokens.len() {
                assert_eq!(role_words_before(&w, k), role_words_by_lists(&w, k), "{text} at {k}");
            }
        }
    }
}
