//! Names as strings: a name's clean form (no possessive, no handle's `@`),
//! its words, its sort (person, organisation, place) and the gender of a
//! given name. No tokens here: these read the text of a name.

use std::sync::LazyLock;

use crate::lexicon::classes::Class;
use crate::lexicon::{Gender, LEXICON, Sort};
use crate::util::filter::BitFilter;

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
/// at the end). The spaces are counted in the pass that tests it.
pub(crate) fn clean_name_words(name: &str) -> Option<usize> {
    // One pass over the bytes, in which most (letters) pass at the first
    // test: no space first or after a space (nor an empty name), no `@`,
    // no other ASCII white space; and whether all are ASCII.
    let mut after_space = true;
    let mut ascii = true;
    let mut spaces = 0;
    for &b in name.as_bytes() {
        if b > b' ' && b != b'@' && b.is_ascii() {
            after_space = false;
            continue;
        }
        match b {
            b' ' if !after_space => {
                after_space = true;
                spaces += 1;
            }
            b'@' | b' ' | b'\t'..=b'\r' => return None,
            _ => {
                ascii &= b.is_ascii();
                after_space = false;
            }
        }
    }
    // No space last; no white space but ASCII spaces; no possessive.
    let clean =
        !after_space && (ascii || !name.chars().any(|c| c.is_whitespace() && c != ' ')) && !ends_in_possessive(name);
    clean.then_some(spaces + 1)
}

/// Whether `name` ends with one of [`POSSESSIVE_ENDINGS`]: an apostrophe
/// (`'` or `’`) last, or before a last `s`. Read off the last bytes, not
/// compared with each ending (most names end in a letter, and are done at
/// the first test).
pub(crate) fn ends_in_possessive(name: &str) -> bool {
    let bytes = name.as_bytes();
    let before_s = match bytes {
        [rest @ .., b's'] => rest,
        _ => bytes,
    };
    matches!(before_s, [.., b'\''] | [.., 0xe2, 0x80, 0x99])
}

/// The sort of a name: an organisation when one of its words says so
/// (`Party`, `Times`, `Inc`) or it is written in capitals (`BBC`), a place
/// when the lexicon lists it, else a person.
pub(crate) fn name_sort(name: &str) -> Sort {
    let lower = name.to_lowercase();
    sort_of_name(name, &lower, lower.split_whitespace())
}

/// [`name_sort`] of a clean name (see [`clean_name_words`] and
/// [`clean_name`]) whose lower-cased form is known. Its only white space
/// is spaces: its words are split at them, without reading characters (an
/// empty word, of two spaces, is no word of organisations).
pub(crate) fn clean_name_sort(name: &str, lower: &str) -> Sort {
    sort_of_name(name, lower, split_at_spaces(lower))
}

/// The parts of `s` between its spaces, as `s.split(' ')` gives them, by
/// a search of its bytes (a name's words are short: the pattern searcher
/// of `split` costs more than they do).
fn split_at_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Filters of the places and of the words of organisations: most names
/// and words are neither, and a filter says so for less than a lookup.
static NAME_SORT_FILTERS: LazyLock<(BitFilter, BitFilter)> = LazyLock::new(|| {
    (
        BitFilter::new(LEXICON.places.iter().copied()),
        BitFilter::new(LEXICON.org_words.iter().copied()),
    )
});

/// The gender of a given name of the lexicon (lower-cased), if it is one:
/// looked up past a filter, as most names' words are not given names.
pub(crate) fn given_name_gender(word: &str) -> Option<Gender> {
    static FILTER: LazyLock<BitFilter> = LazyLock::new(|| BitFilter::new(LEXICON.first_names.keys().copied()));
    FILTER
        .may_contain(word)
        .then(|| LEXICON.first_names.get(word).copied())
        .flatten()
}

/// [`name_sort`] of a name, its lower-cased form and the words of that.
fn sort_of_name<'l>(name: &str, lower: &str, mut words: impl Iterator<Item = &'l str>) -> Sort {
    let (places, org_words) = &*NAME_SORT_FILTERS;
    if places.may_contain(lower) && LEXICON.places.contains(lower) {
        return Sort::Place;
    }
    let acronym = name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
    if acronym || words.any(|word| org_words.may_contain(word) && LEXICON.org_words.contains(word)) {
        Sort::Organisation
    } else {
        Sort::Person
    }
}

/// The first and last words of a name of more than one word. Its only
/// white space is spaces (see `NameInfo::write`): the words are found by a
/// search of the bytes for them, not of the characters for white space.
pub(super) fn first_last(name: &str) -> (&str, &str) {
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
    // (Pieces pushed, not `format!`, whose machinery costs more than the
    // few bytes.)
    let mut name = String::with_capacity(text.len());
    name.push_str(&lower);
    name.push(' ');
    name.push_str(rest);
    name
}
