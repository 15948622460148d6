//! Word classes: each word of the lists as bits, so that a token's classes
//! cost one lookup and every rule asks a word's class the same way.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{Gender, LEXICON, Role, Sort};
use crate::util::hash::{Map, Set};
use crate::util::word_table::WordClasses;

/// Bits of a token's classes (the speaker stage's `Words` keeps them).
pub(crate) mod class {
    pub(crate) const WORD: u32 = 1;
    pub(crate) const MARK: u32 = 1 << 1;
    pub(crate) const CAPITALISED: u32 = 1 << 2;
    pub(crate) const REPORTING_VERB: u32 = 1 << 3;
    pub(crate) const ROLE: u32 = 1 << 4;
    pub(crate) const FUNCTION: u32 = 1 << 5;
    pub(crate) const DETERMINER: u32 = 1 << 6;
    pub(crate) const NOT_NAME: u32 = 1 << 7;
    pub(crate) const TITLE: u32 = 1 << 8;
    /// A role noun for a person (`secretary`), not a body (`ministry`).
    pub(crate) const PERSON_ROLE: u32 = 1 << 9;
    pub(crate) const RELATION: u32 = 1 << 10;
    pub(crate) const ATTACHER: u32 = 1 << 11;
    pub(crate) const AUXILIARY: u32 = 1 << 12;
    pub(crate) const CLAUSE_OPENER: u32 = 1 << 13;
    pub(crate) const INTRODUCER: u32 = 1 << 14;
    pub(crate) const NAME_JOINER: u32 = 1 << 15;
    pub(crate) const TIME_WORD: u32 = 1 << 16;
    pub(crate) const TIME_OPENER: u32 = 1 << 17;
    pub(crate) const FIRST_NAME: u32 = 1 << 18;
    pub(crate) const SAY_VERB: u32 = 1 << 19;
    /// A preposition of time or place whose phrase can stand between a
    /// subject and its verb (`Tobin at the time said`).
    pub(crate) const PLACE_PREPOSITION: u32 = 1 << 20;
    /// The base form of a reporting verb (`say`, `order`).
    pub(crate) const VERB_BASE: u32 = 1 << 21;
    /// A noun that takes a plural verb (`people`, `police`, `officials`).
    pub(crate) const PLURAL_NOUN: u32 = 1 << 22;
    /// The first word of a cue phrase (`pointed` of `pointed out`).
    pub(crate) const CUE_FIRST: u32 = 1 << 25;
    /// The last word of a cue phrase (`out` of `pointed out`).
    pub(crate) const CUE_LAST: u32 = 1 << 26;
    /// The first word of a source phrase (`according` of `according to`).
    pub(crate) const SOURCE_FIRST: u32 = 1 << 27;
    /// The first word of its sentence (past opening marks and brackets).
    pub(crate) const SENTENCE_START: u32 = 1 << 23;
    /// The word `of`, which the mention pass looks for after every token
    /// (`the wife of X`).
    pub(crate) const OF: u32 = 1 << 24;
    /// The bits known from the token's shape and place, set at once.
    pub(crate) const SHAPE: u32 = WORD | MARK | CAPITALISED | SENTENCE_START | OF;
    /// Set once the lexicon's bits have been looked up.
    pub(crate) const LOOKED_UP: u32 = 1 << 31;
}

/// The classes of every word the lexicon and the lists above know, in
/// one table, so that a token's classes cost one lookup.
pub(crate) static WORD_CLASSES: LazyLock<WordClasses> = LazyLock::new(|| WordClasses::new(word_class_map()));

/// The classes of every word the lexicon and the lists above know.
pub(crate) fn word_class_map() -> Map<&'static str, u32> {
    let mut map: Map<&'static str, u32> = Map::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bits: u32| {
        for w in words {
            *map.entry(w).or_default() |= bits;
        }
    };
    let lx = &*LEXICON;
    let role_nouns_of = |sort: Sort| {
        lx.role_nouns
            .iter()
            .filter(move |(_, r)| r.sort == sort)
            .map(|(w, _)| *w)
    };
    add(&mut lx.reporting_verbs.iter().copied(), class::REPORTING_VERB);
    add(&mut lx.role_nouns.keys().copied(), class::ROLE);
    add(&mut lx.relation_nouns.keys().copied(), class::ROLE);
    add(&mut lx.not_names.iter().copied(), class::NOT_NAME | class::FUNCTION);
    add(&mut ATTACHERS.iter().copied(), class::FUNCTION);
    add(&mut BETWEEN_SUBJECT_AND_VERB.iter().copied(), class::FUNCTION);
    add(&mut RELATIVES.iter().copied(), class::FUNCTION);
    add(&mut DETERMINERS.iter().copied(), class::DETERMINER);
    add(&mut lx.titles.keys().copied(), class::TITLE);
    add(&mut role_nouns_of(Sort::Person), class::PERSON_ROLE);
    add(&mut lx.relation_nouns.keys().copied(), class::RELATION);
    add(&mut ATTACHERS.iter().copied(), class::ATTACHER);
    add(&mut BETWEEN_SUBJECT_AND_VERB.iter().copied(), class::AUXILIARY);
    add(&mut CLAUSE_OPENERS.iter().copied(), class::CLAUSE_OPENER);
    add(&mut INTRODUCERS.iter().copied(), class::INTRODUCER);
    add(&mut NAME_JOINERS.iter().copied(), class::NAME_JOINER);
    add(&mut PLACE_PREPOSITIONS.iter().copied(), class::PLACE_PREPOSITION);
    add(&mut lx.verb_bases.iter().copied(), class::VERB_BASE);
    add(&mut PLURALS_WITHOUT_S.iter().copied(), class::PLURAL_NOUN);
    add(&mut role_nouns_of(Sort::Group), class::PLURAL_NOUN);
    add(&mut TIME_WORDS.iter().copied(), class::TIME_WORD);
    add(&mut TIME_OPENERS.iter().copied(), class::TIME_OPENER);
    add(&mut lx.first_names.keys().copied(), class::FIRST_NAME);
    add(&mut lx.say_verbs.iter().copied(), class::SAY_VERB);
    add(&mut lx.cue_phrases_by_first.keys().copied(), class::CUE_FIRST);
    add(&mut lx.cue_phrases_by_last.keys().copied(), class::CUE_LAST);
    add(
        &mut lx.source_phrases.iter().filter_map(|p| p.first().copied()),
        class::SOURCE_FIRST,
    );
    map
}

/// The classes the lexicon gives a word (lower-cased).
pub(crate) fn lexicon_classes(lw: &str, padded: &[u8], extra_verbs: &HashSet<String>) -> u32 {
    // Titles are also written with a dot: `Sen.`, `Mr.`.
    let key = lw.strip_suffix('.').unwrap_or(lw);
    let mut c = WORD_CLASSES.get_padded(key, padded);
    // The suffixes below by the last byte first: most words have neither.
    match key.as_bytes().last() {
        // `Here’s Clinton in 1992: “…”`: a word that is never a name is
        // not one with a contracted `’s` either.
        Some(b's') => {
            if let Some(stem) = key.strip_suffix("'s").or_else(|| key.strip_suffix("’s")) {
                c |= WORD_CLASSES.get(stem) & class::NOT_NAME;
            }
        }
        Some(b'd') if key.ends_with("-year-old") => c |= class::ROLE,
        _ => {}
    }
    if !extra_verbs.is_empty() && extra_verbs.contains(lw) {
        c |= class::REPORTING_VERB;
    }
    c
}

/// Auxiliaries, adverbs and negation that may stand between a subject and
/// its verb: `he has also said`, `she would later tell`.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "am",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "also",
    "later",
    "previously",
    "again",
    "then",
    "recently",
    "since",
    "just",
    "not",
    "never",
    "already",
    "once",
    "often",
    "further",
    "still",
    "even",
    "first",
    "earlier",
    "now",
    "too",
    "separately",
    "reportedly",
    "allegedly",
    "apparently",
    "simply",
    "subsequently",
    "repeatedly",
];

/// Words that start a clause without being its subject.
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "instead",
    "now",
    "then",
    "later",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "also",
    "indeed",
    "separately",
    "finally",
];

/// Words that introduce a phrase before the subject, ended by a comma: `In
/// a statement on Monday, she said`.
const INTRODUCERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "asked",
    "speaking",
    "back",
    "during",
    "as",
    "following",
    "writing",
    "responding",
    "addressing",
    "last",
    "this",
    "earlier",
    "later",
    "since",
    "for",
    "with",
    "from",
    "under",
    "despite",
    "although",
    "though",
    "if",
    "because",
    "once",
    "by",
    "according",
    "meanwhile",
    "however",
    "but",
    "and",
    "yesterday",
    "today",
    "separately",
    "now",
    "still",
    "instead",
    "also",
];

/// Words of number and order that modify a role noun though they are
/// function words elsewhere: `the second official`, `another aide`.
pub(crate) const COUNTING_MODIFIERS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "last", "next", "other", "another", "several", "few", "both",
    "same", "two", "three", "four", "five", "many", "some",
];

/// Determiners that open a description.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "my", "his", "her", "its", "their", "our", "one", "another", "two", "three",
    "several", "some", "many", "other", "both",
];

/// Adjectives after a description's noun that tie it to someone: `a
/// person close to the family`, `a source familiar with the talks`.
pub(crate) const PLACING_ADJECTIVES: &[&str] = &["close", "familiar", "loyal", "near", "opposed", "sympathetic"];

/// Prepositions that attach a phrase to a description: `a spokesman for the
/// ministry`, `a professor at Leeds`, `the wife of X`.
const ATTACHERS: &[&str] = &["for", "of", "at", "from", "with", "to", "in", "on"];

/// Prepositions whose phrase (of time or place) can stand between a
/// subject and its verb: `Tobin at the time said`, `Fishermen walking
/// through the streets chanted`.
const PLACE_PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "for", "during", "after", "before", "by", "since", "through", "across", "outside", "inside",
    "near", "around",
];

/// Nouns that take a plural verb without ending in `-s` (`the public
/// say`, `the jury say`), besides the role nouns the lexicon marks as
/// groups (`police`, `people`, `women`).
const PLURALS_WITHOUT_S: &[&str] = &[
    "public",
    "media",
    "crowd",
    "youth",
    "clergy",
    "personnel",
    "military",
    "folk",
    "faithful",
    "electorate",
    "jury",
    "team",
    "management",
];

/// Words inside a capitalised run that join the parts of one name: `Bank of
/// England`, `Ludwig van Beethoven`.
const NAME_JOINERS: &[&str] = &[
    "of", "de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "la", "le", "del", "y", "&",
];

/// Relative pronouns: they end a phrase (`a woman who said`), and are
/// left out of the word lists as `WHO` is also a name.
const RELATIVES: &[&str] = &["who", "whom", "whose", "which"];

/// Whether token `t` is an adverb in `-ly` (`publicly`, `later`): not a
/// capitalised word, and not a noun such as `family` or `ally`.
/// Adverbs of frequency and time without `-ly` that stand between a
/// subject and its verb: `my father often said`.
pub(crate) const FREQUENCY_ADVERBS: &[&str] = &[
    "often", "always", "never", "once", "still", "soon", "also", "later", "then",
];

/// Words of time that stand between a subject and its verb.
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
];

/// Words that open a phrase of time: `on Tuesday`, `last week`.
const TIME_OPENERS: &[&str] = &["on", "last", "this", "next", "early", "late", "that", "the"];

/// The words of [`is_function_word`] in one set: one lookup instead of a
/// lookup and three scans of lists.
static FUNCTION_WORDS: LazyLock<Set<&'static str>> = LazyLock::new(|| {
    let lists = [ATTACHERS, BETWEEN_SUBJECT_AND_VERB, RELATIVES];
    (LEXICON.not_names.iter().copied())
        .chain(lists.into_iter().flatten().copied())
        .collect()
});

pub(crate) fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(&w)
}

/// Modifiers that do not tell descriptions apart: `the new candidate` is
/// still the candidate.
pub(crate) fn is_loose_modifier(w: &str) -> bool {
    matches!(
        w,
        "new" | "former" | "then" | "current" | "incumbent" | "outgoing" | "same"
    )
}

/// Function words that never head a noun phrase.
pub(crate) fn is_function_word(lw: &str) -> bool {
    FUNCTION_WORDS.contains(lw)
}

pub(crate) fn is_title(word: &str) -> bool {
    LEXICON.titles.contains_key(word.trim_end_matches('.'))
}

pub(crate) fn is_role(word: &str) -> bool {
    role_of(word).is_some()
}

/// The gender and sort of a noun that can head a description of a speaker:
/// a role noun, a relation noun, or an age (`the 45-year-old`).
pub(crate) fn role_of(word: &str) -> Option<Role> {
    if let Some(role) = LEXICON.role_nouns.get(word) {
        return Some(*role);
    }
    let person = |gender| Role {
        gender,
        sort: Sort::Person,
    };
    if let Some(gender) = LEXICON.relation_nouns.get(word) {
        return Some(person(*gender));
    }
    word.ends_with("-year-old").then(|| person(Gender::Unknown))
}

/// The pronouns that can stand for a speaker, with their gender and the
/// sorts of entity they can stand for.
pub(crate) fn pronoun_agreement(word: &str) -> Option<(Gender, &'static [Sort])> {
    // `He’s claiming`, `they're saying`: the pronoun of a contraction.
    let word = ["'s", "'d", "'ll", "'re", "'ve"]
        .iter()
        .find_map(|c| word.strip_suffix(c))
        .unwrap_or(word);
    Some(match word {
        "he" => (Gender::Male, &[Sort::Person]),
        "she" => (Gender::Female, &[Sort::Person]),
        "it" => (Gender::Unknown, &[Sort::Organisation, Sort::Document]),
        "they" => (Gender::Unknown, &[Sort::Group, Sort::Organisation]),
        // The writer: no one the text names, and no one a third-person
        // pronoun takes up (`I` speaks as the writer: `Mentions::resolve`).
        "i" | "we" => (Gender::Unknown, &[]),
        _ => return None,
    })
}
