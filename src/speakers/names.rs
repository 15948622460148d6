//! Names as strings: a name's clean form (no possessive, no handle's `@`),
//! its words, its sort (person, organisation, place) and the gender of a
//! given name. No tokens here: these read the text of a name.

use std::sync::LazyLock;

use crate::lexicon::classes::{Class, WordShapes};
use crate::lexicon::{Gender, LEXICON, Sort};

/// A name's words, tidied: the possessive `’s` dropped, dots of titles kept
/// out, white space single.
pub(crate) fn clean_name(name: &str) -> String {
    let mut words: Vec<&str> = name
        .split_whitespace()
        .map(|word| word.trim_start_matches('@'))
        .collect();
    if let Some(last) = words.last_mut() {
        for suffix in POSSESSIVE_ENDINGS {
            if let Some(s) = last.strip_suffix(suffix) {
                *last = s;
                break;
            }
        }
    }
    words.join(" ")
}

/// `name` without the possessive at its end (`'s`, `’s`, `'` or `’`), if
/// it has one: what [`clean_name`] gives of a name that is clean but for
/// it (see [`clean_name_words`]).
pub(crate) fn possessive_stem(name: &str) -> Option<&str> {
    POSSESSIVE_ENDINGS.iter().find_map(|s| name.strip_suffix(s))
}

/// The possessive endings that [`clean_name`] drops from a name, in the
/// order it tries them.
const POSSESSIVE_ENDINGS: [&str; 4] = ["'s", "’s", "'", "’"];

/// How many words `name` has, if it is clean: if [`clean_name`] would give
/// it back as it is (words split by single spaces, no `@`, no possessive
/// at the end).
pub(crate) fn clean_name_words(name: &str) -> Option<usize> {
    let mut words = 1;
    let mut after_space = true;
    for c in name.chars() {
        match c {
            ' ' if !after_space => {
                words += 1;
                after_space = true;
            }
            // A space first or after a space, other white space, a handle.
            '@' => return None,
            c if c.is_whitespace() => return None,
            _ => after_space = false,
        }
    }
    // No space last (nor an empty name); no possessive.
    (!after_space && !ends_in_possessive(name)).then_some(words)
}

/// Whether `name` ends with one of [`POSSESSIVE_ENDINGS`].
pub(crate) fn ends_in_possessive(name: &str) -> bool {
    POSSESSIVE_ENDINGS.iter().any(|ending| name.ends_with(ending))
}

/// The sort of a name: an organisation when one of its words says so
/// (`Party`, `Times`, `Inc`), it is written in capitals (`BBC`) or one of
/// its several words is (`Harbour RCMP`), a place
/// when the lexicon lists it, else a person.
pub(crate) fn name_sort(name: &str) -> Sort {
    let lower = name.to_lowercase();
    sort_of_name(name, &lower, lower.split_whitespace())
}

/// [`name_sort`] of a clean name (see [`clean_name_words`] and
/// [`clean_name`]) whose lower-cased form is known. Its only white space
/// is spaces (an empty word, of two spaces, is no word of organisations).
pub(crate) fn clean_name_sort(name: &str, lower: &str) -> Sort {
    sort_of_name(name, lower, split_at_spaces(lower))
}

/// `text.split(' ')`, by bytes: the words of a name are short, and
/// `split` looks for each space with a call of its own.
///
/// PERF: 683.5M → 680.7M instructions (callgrind, `extract --jobs 1` on
/// PolNeAR train), in [`clean_name_sort`] of every new name.
fn split_at_spaces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let word = rest?;
        match word.bytes().position(|b| b == b' ') {
            Some(space) => {
                rest = Some(&word[space + 1..]);
                Some(&word[..space])
            }
            None => rest.take(),
        }
    })
}

/// The gender of a given name of the lexicon (lower-cased), if it is one.
pub(crate) fn given_name_gender(word: &str) -> Option<Gender> {
    // (The shape first: a miss, most words, costs no lookup.)
    (LIST_SHAPES.first_names.may_hold(word))
        .then(|| LEXICON.first_names.get(word).copied())
        .flatten()
}

/// The shapes ([`WordShapes`]) of the words of the lists that the mention
/// pass asks about every new name: most names are no place's, open with
/// no given name and have no word of bodies' names, and are told so by a
/// bit, without a lookup (a word of a list always passes).
///
/// PERF: 665.7M → 660.6M instructions (callgrind, `extract --jsonl --jobs
/// 1` on PolNeAR train).
struct ListShapes {
    places: WordShapes,
    first_names: WordShapes,
    org_words: WordShapes,
}

static LIST_SHAPES: LazyLock<ListShapes> = LazyLock::new(|| ListShapes {
    places: WordShapes::of(LEXICON.places.iter().copied()),
    first_names: WordShapes::of(LEXICON.first_names.keys().copied()),
    org_words: WordShapes::of(LEXICON.org_words.iter().copied()),
});

/// Whether `lower` is a place's name the lexicon lists.
fn is_place(lower: &str) -> bool {
    LIST_SHAPES.places.may_hold(lower) && LEXICON.places.contains(lower)
}

/// Whether `word` (lower-cased) is a word of bodies' names (`party`,
/// `inc`).
fn is_org_word(word: &str) -> bool {
    LIST_SHAPES.org_words.may_hold(word) && Class::ORG_WORD.holds(word)
}

/// [`name_sort`] of a name, its lower-cased form and the words of that.
fn sort_of_name<'l>(name: &str, lower: &str, mut words: impl Iterator<Item = &'l str>) -> Sort {
    if is_place(lower) {
        return Sort::Place;
    }
    let acronym = name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
    if acronym || has_acronym_word(name) || words.any(is_org_word) {
        Sort::Organisation
    } else {
        Sort::Person
    }
}

/// Whether byte `b` may be in a word of initials (`RCMP`, `U.S.`, `AT&T`):
/// an ASCII capital, a dot or `&`.
fn is_initials_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || b == b'.' || b == b'&'
}

/// Whether a name of several words has one in capitals (`Harbour RCMP`,
/// `NWT Power`, `Eastfield CBC`): a body's initials, not a person's name
/// (but for Roman numerals: `Henry VIII`, `John Doe III`).
fn has_acronym_word(name: &str) -> bool {
    // PERF: a word of initials has two bytes in a row of capitals, dots
    // and `&` (`RCMP`, `U.S.`): most names have none, and are passed over
    // without their words. The mention pass asks this of every new name:
    // 696.7M → 690.2M instructions (callgrind, `extract --jobs 1` on
    // PolNeAR train).
    if !name
        .as_bytes()
        .windows(2)
        .any(|pair| is_initials_byte(pair[0]) && is_initials_byte(pair[1]))
    {
        return false;
    }
    // (Capitals first: most words fail at their second letter.)
    let initials = |word: &str| {
        word.bytes().all(is_initials_byte)
            && word.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
            && !word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
    };
    name.split_whitespace().nth(1).is_some() && name.split_whitespace().any(initials)
}

/// The initials of a name's capitalised words, lower-cased (`pgc` for
/// `Prairie Grain Canada`, `hrta` for `Harbour, Roads and Transport
/// Authority`): words in lower case (`of`, `and`) are left out. None for
/// fewer than two.
pub(super) fn initials_of(name: &str) -> Option<String> {
    // PERF: an ASCII name by its bytes, without the Unicode tables: 5.5M
    // → 3.5M instructions in the 6,017 calls of `extract --jobs 1` on
    // PolNeAR train (callgrind).
    if name.is_ascii() {
        return ascii_initials_of(name);
    }
    initials_by_chars(name)
}

/// [`initials_of`] by characters, whatever the name.
fn initials_by_chars(name: &str) -> Option<String> {
    let initials: String = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect();
    (initials.chars().count() >= 2).then_some(initials)
}

/// [`initials_of`] an ASCII name: the capitals that start its words
/// (split at white space and commas).
fn ascii_initials_of(name: &str) -> Option<String> {
    let mut initials = String::new();
    let mut word_start = true;
    for b in name.bytes() {
        if word_start && b.is_ascii_uppercase() {
            initials.push(char::from(b.to_ascii_lowercase()));
        }
        word_start = matches!(b, b'\t'..=b'\r' | b' ' | b',');
    }
    (initials.len() >= 2).then_some(initials)
}

/// Whether name `full` ends with the words of `tail` (a whole word
/// before them), whatever their case.
pub(super) fn ends_with_words(full: &str, tail: &str) -> bool {
    let Some(cut) = full.len().checked_sub(tail.len()) else {
        return false;
    };
    full.get(cut..).is_some_and(|end| end.eq_ignore_ascii_case(tail))
        && full.get(..cut).is_some_and(|s| s.ends_with(' '))
}

/// The first and last words of a name of more than one word, whose only
/// white space is spaces (see `NameInfo::write`).
pub(super) fn first_last(name: &str) -> (&str, &str) {
    // (By bytes: a space is one byte, and never part of another
    // character's.)
    let name = name.trim_matches(' ');
    let bytes = name.as_bytes();
    let first = bytes.iter().position(|&b| b == b' ').map_or(name, |i| &name[..i]);
    let last = bytes.iter().rposition(|&b| b == b' ').map_or(name, |i| &name[i + 1..]);
    (first, last)
}

/// The name for a speaker known only by a description: the words as
/// written, with a leading determiner that the sentence start capitalised
/// (`The`, `My`) in lower case.
pub(super) fn description_name(text: &str) -> String {
    let text = text.trim();
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    if rest.is_empty() {
        return text.to_string();
    }
    let lower = first.to_lowercase();
    if !Class::DETERMINER.holds(&lower) {
        return text.to_string();
    }
    format!("{lower} {rest}")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::Config;

    use super::*;

    /// Whether a name is clean ([`clean_name_words`]) as it was
    /// first written: each byte tested against the rules with its place.
    fn is_clean_name_by_bytes(name: &str) -> bool {
        let bytes = name.as_bytes();
        let plain = |(i, &b): (usize, &u8)| match b {
            b' ' => i > 0 && i + 1 < bytes.len() && bytes[i - 1] != b' ',
            b'@' => false,
            _ => !b.is_ascii_whitespace() && b != 0x0b,
        };
        !bytes.is_empty()
            && bytes.iter().enumerate().all(plain)
            && (name.is_ascii() || !name.chars().any(|c| c.is_whitespace() && c != ' '))
            && !["'s", "’s", "'", "’"].iter().any(|s| name.ends_with(s))
    }

    /// [`name_sort`] as it was first written: the lists asked
    /// without filters, the words split at any white space.
    fn name_sort_by_lists(name: &str) -> Sort {
        let lower = name.to_lowercase();
        if LEXICON.places.contains(lower.as_str()) {
            return Sort::Place;
        }
        let acronym = name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
        // A word in capitals among several: `Harlow RCMP` (not `John Doe III`).
        let capitals = |w: &str| {
            w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2
                && w.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
                && !w.chars().all(|c| "IVX".contains(c))
        };
        let acronym_word = name.split_whitespace().count() > 1 && name.split_whitespace().any(capitals);
        if acronym || acronym_word || lower.split_whitespace().any(|w| LEXICON.org_words.contains(w)) {
            Sort::Organisation
        } else {
            Sort::Person
        }
    }

    /// [`has_acronym_word`] as it was first written: the words split twice.
    fn has_acronym_word_by_splits(name: &str) -> bool {
        let initials = |word: &str| {
            word.bytes().all(|b| b.is_ascii_uppercase() || b == b'.' || b == b'&')
                && word.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
                && !word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        };
        name.split_whitespace().nth(1).is_some() && name.split_whitespace().any(initials)
    }

    #[test]
    fn every_listed_given_name_gives_its_gender() {
        for (name, gender) in &LEXICON.first_names {
            assert_eq!(given_name_gender(name), Some(*gender), "{name}");
        }
    }

    #[test]
    fn every_listed_place_and_word_of_organisations_gives_its_sort() {
        for place in &LEXICON.places {
            assert_eq!(clean_name_sort(place, place), Sort::Place, "{place}");
        }
        for word in &LEXICON.org_words {
            let name = format!("Acme {word}");
            let sort = clean_name_sort(&name, &name.to_lowercase());
            assert_eq!(sort, name_sort_by_lists(&name), "{name}");
        }
    }

    proptest! {
        #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

        #[test]
        fn clean_names_are_those_the_byte_rules_give(name in "[ @\t\u{b}\n\u{1}aB's’\u{a0}é.]{0,8}") {
            let words = is_clean_name_by_bytes(&name).then(|| name.split(' ').count());
            prop_assert_eq!(clean_name_words(&name), words, "{:?}", name);
        }

        #[test]
        fn a_possessive_stem_that_is_clean_is_the_clean_name(name in "[ @\t\u{a0}aB'’s.]{0,8}") {
            if let Some(stem) = possessive_stem(&name).filter(|stem| clean_name_words(stem).is_some()) {
                prop_assert_eq!(stem, clean_name(&name), "{:?}", name);
            }
        }

        #[test]
        fn acronym_words_and_initials_are_those_the_splits_give(name in "[ ,\t\u{b}\u{a0}IVXaB.&É]{0,9}") {
            prop_assert_eq!(has_acronym_word(&name), has_acronym_word_by_splits(&name), "{:?}", name);
            prop_assert_eq!(initials_of(&name), initials_by_chars(&name), "{:?}", name);
        }

        #[test]
        fn words_between_spaces_are_those_split_gives(text in "[ aé]{0,8}") {
            prop_assert_eq!(split_at_spaces(&text).collect::<Vec<_>>(), text.split(' ').collect::<Vec<_>>());
        }

        #[test]
        fn first_and_last_words_are_those_between_white_space(name in "[ ab]{0,8}") {
            let mut parts = name.split_whitespace();
            let first = parts.next().unwrap_or("");
            prop_assert_eq!(first_last(&name), (first, parts.next_back().unwrap_or(first)));
        }

        #[test]
        fn a_clean_name_has_the_sort_the_lists_give(name in "[ @aA'’s.]{0,4}(Labour|Party|China|BBC|New|York|Zealand|Inc)?[ a]{0,2}(Party|Zealand|York|of)?") {
            let clean = clean_name(&name);
            let sort = name_sort_by_lists(&clean);
            prop_assert_eq!(clean_name_sort(&clean, &clean.to_lowercase()), sort, "{:?}", clean);
            prop_assert_eq!(name_sort(&name), name_sort_by_lists(&name), "{:?}", name);
        }
    }
}
