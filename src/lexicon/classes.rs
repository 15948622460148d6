//! Word classes: every word of the lists in `src/data/` as bits, so that a
//! token's classes cost one lookup, and every rule asks a word's class the
//! same way: `words.is(t, Class::ROLE)` of a token (in the speaker stage's
//! view), `Class::ROLE.holds(word)` of a string.
//!
//! A class is a list (`Class::DETERMINER`: determiners.txt), a part of one
//! (`Class::PERSON_ROLE`: the role nouns for people), or a fact about a
//! token's shape or place (`Class::CAPITALISED`, `Class::SENTENCE_START`),
//! which the view sets as it reads the tokens. To add a list, add its file,
//! a class below and a line to [`CLASS_LISTS`].

use std::collections::HashSet;
use std::ops::BitOr;
use std::sync::LazyLock;

use super::{Gender, LEXICON, Role, Sort, entries, fields};
use crate::util::hash::Map;
use crate::util::word_table::WordTable;

/// A set of word classes: one class, or several joined with `|` (a word is
/// of the set when it is of any of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Class(u64);

impl Class {
    // Shape and place: set by the view from the token itself.
    /// A word (or number): not a quotation mark, not punctuation.
    pub(crate) const WORD: Class = Class(1 << 0);
    /// A quotation mark.
    pub(crate) const MARK: Class = Class(1 << 1);
    /// A word starting with a capital letter (past a handle's `@`).
    pub(crate) const CAPITALISED: Class = Class(1 << 2);
    /// The first word of its sentence (past opening marks and brackets).
    pub(crate) const SENTENCE_START: Class = Class(1 << 3);
    /// The word `of`, which the mention pass looks for after every token
    /// (`the wife of X`).
    pub(crate) const OF: Class = Class(1 << 4);

    // Verbs and cues.
    /// reporting_verbs.txt, and the verbs the user added.
    pub(crate) const REPORTING_VERB: Class = Class(1 << 5);
    /// say_verbs.txt: the reporting verbs of saying proper.
    pub(crate) const SAY_VERB: Class = Class(1 << 6);
    /// The base form of a reporting verb (`say`, `order`).
    pub(crate) const VERB_BASE: Class = Class(1 << 7);
    /// clear_verb_forms.txt.
    pub(crate) const CLEAR_VERB_FORM: Class = Class(1 << 8);
    /// The first word of a cue phrase (`pointed` of `pointed out`).
    pub(crate) const CUE_FIRST: Class = Class(1 << 9);
    /// The last word of a cue phrase (`out` of `pointed out`).
    pub(crate) const CUE_LAST: Class = Class(1 << 10);
    /// The first word of a source phrase (`according` of `according to`).
    pub(crate) const SOURCE_FIRST: Class = Class(1 << 11);
    /// modals.txt.
    pub(crate) const MODAL: Class = Class(1 << 12);
    /// auxiliaries.txt.
    pub(crate) const AUXILIARY: Class = Class(1 << 13);
    /// request_prepositions.txt.
    pub(crate) const REQUEST_PREPOSITION: Class = Class(1 << 14);
    /// telling_verbs.txt.
    pub(crate) const TELLING_VERB: Class = Class(1 << 15);

    // Nouns and names.
    /// A noun that heads a description of a speaker: role_nouns.txt,
    /// relation_nouns.txt, an age (`45-year-old`).
    pub(crate) const ROLE: Class = Class(1 << 16);
    /// A role noun for a person (`secretary`), not a body (`ministry`).
    pub(crate) const PERSON_ROLE: Class = Class(1 << 17);
    /// relation_nouns.txt.
    pub(crate) const RELATION: Class = Class(1 << 18);
    /// A noun that takes a plural verb: plurals_without_s.txt and the role
    /// nouns of groups (`people`, `police`, `officials`).
    pub(crate) const PLURAL_NOUN: Class = Class(1 << 19);
    /// titles.txt.
    pub(crate) const TITLE: Class = Class(1 << 20);
    /// honorifics.txt.
    pub(crate) const HONORIFIC: Class = Class(1 << 21);
    /// first_names.txt.
    pub(crate) const FIRST_NAME: Class = Class(1 << 22);
    /// org_words.txt.
    pub(crate) const ORG_WORD: Class = Class(1 << 23);
    /// not_names.txt.
    pub(crate) const NOT_NAME: Class = Class(1 << 24);
    /// name_joiners.txt.
    pub(crate) const NAME_JOINER: Class = Class(1 << 25);
    /// pronouns.txt.
    pub(crate) const PRONOUN: Class = Class(1 << 26);
    /// ly_nouns.txt.
    pub(crate) const LY_NOUN: Class = Class(1 << 27);
    /// nationalities.txt.
    pub(crate) const NATIONALITY: Class = Class(1 << 28);
    /// body_nouns.txt.
    pub(crate) const BODY_NOUN: Class = Class(1 << 29);

    // Stage 2: terms in marks that are named, not said.
    /// title_nouns.txt.
    pub(crate) const TITLE_NOUN: Class = Class(1 << 30);
    /// link_labels.txt.
    pub(crate) const LINK_LABEL: Class = Class(1 << 31);
    /// naming_participles.txt.
    pub(crate) const NAMING_PARTICIPLE: Class = Class(1 << 32);
    /// naming_passives.txt.
    pub(crate) const NAMING_PASSIVE: Class = Class(1 << 33);
    /// passive_markers.txt.
    pub(crate) const PASSIVE_MARKER: Class = Class(1 << 34);
    /// articles.txt.
    pub(crate) const ARTICLE: Class = Class(1 << 35);
    /// not_nouns.txt.
    pub(crate) const NOT_NOUN: Class = Class(1 << 36);

    // Phrases.
    /// partitive_quantifiers.txt.
    pub(crate) const PARTITIVE: Class = Class(1 << 37);
    /// A function word, which never heads a noun phrase: not_names.txt,
    /// attachers.txt, auxiliaries.txt, relatives.txt.
    pub(crate) const FUNCTION: Class = Class(1 << 38);
    /// determiners.txt.
    pub(crate) const DETERMINER: Class = Class(1 << 39);
    /// definite_determiners.txt.
    pub(crate) const DEFINITE: Class = Class(1 << 40);
    /// possessive_determiners.txt.
    pub(crate) const POSSESSIVE_DETERMINER: Class = Class(1 << 41);
    /// counting_modifiers.txt.
    pub(crate) const COUNTING_MODIFIER: Class = Class(1 << 42);
    /// loose_modifiers.txt.
    pub(crate) const LOOSE_MODIFIER: Class = Class(1 << 43);
    /// placing_adjectives.txt.
    pub(crate) const PLACING_ADJECTIVE: Class = Class(1 << 44);
    /// attachers.txt.
    pub(crate) const ATTACHER: Class = Class(1 << 45);
    /// place_prepositions.txt.
    pub(crate) const PLACE_PREPOSITION: Class = Class(1 << 46);
    /// relatives.txt.
    pub(crate) const RELATIVE: Class = Class(1 << 47);
    /// relative_subjects.txt.
    pub(crate) const RELATIVE_SUBJECT: Class = Class(1 << 48);
    /// indefinite_articles.txt.
    pub(crate) const INDEFINITE_ARTICLE: Class = Class(1 << 49);

    // Clauses.
    /// clause_openers.txt.
    pub(crate) const CLAUSE_OPENER: Class = Class(1 << 50);
    /// clause_joiners.txt.
    pub(crate) const CLAUSE_JOINER: Class = Class(1 << 51);
    /// introducers.txt.
    pub(crate) const INTRODUCER: Class = Class(1 << 52);
    /// frequency_adverbs.txt.
    pub(crate) const FREQUENCY_ADVERB: Class = Class(1 << 53);
    /// time_words.txt.
    pub(crate) const TIME_WORD: Class = Class(1 << 54);
    /// time_openers.txt.
    pub(crate) const TIME_OPENER: Class = Class(1 << 55);
    /// title_case_small_words.txt.
    pub(crate) const TITLE_CASE_SMALL_WORD: Class = Class(1 << 56);
    /// subordinators.txt.
    pub(crate) const SUBORDINATOR: Class = Class(1 << 57);
    /// photo_credits.txt.
    pub(crate) const PHOTO_CREDIT: Class = Class(1 << 58);
    /// not_reported.txt: words after a verb of saying that show it
    /// reports no clause (`said nothing`, `complained about`).
    pub(crate) const NOT_REPORTED: Class = Class(1 << 59);
    /// infinitive_reports.txt: verbs of saying whose infinitive reports
    /// what was said (`vowed to fight`).
    pub(crate) const INFINITIVE_REPORT: Class = Class(1 << 60);
    /// clause_verbs.txt: verbs that report in a clause what someone made
    /// known (`confirmed the plant would close`).
    pub(crate) const CLAUSE_VERB: Class = Class(1 << 61);
    /// The verbs that report a clause: verbs of saying (`said`), verbs
    /// whose infinitive is what was said (`urged`), verbs that report what
    /// someone made known (`confirmed`).
    pub(crate) const REPORT_VERB: Class = Class(Class::SAY_VERB.0 | Class::INFINITIVE_REPORT.0 | Class::CLAUSE_VERB.0);
    /// The classes known from a token's shape and place, set at once.
    pub(crate) const SHAPE: Class =
        Class(Class::WORD.0 | Class::MARK.0 | Class::CAPITALISED.0 | Class::SENTENCE_START.0 | Class::OF.0);
    /// No class.
    pub(crate) const NONE: Class = Class(0);

    /// Whether `word` (lower case, as the lists write it) is of this
    /// class: a string's question, where a token's is the view's `is`.
    pub(crate) fn holds(self, word: &str) -> bool {
        Class::of(word).intersects(self)
    }

    /// All the classes of `word` (lower case), for a rule that asks a
    /// string several questions.
    pub(crate) fn of(word: &str) -> Class {
        Class(word_classes().get(word))
    }

    /// Whether the two sets share a class.
    pub(crate) const fn intersects(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    /// These classes when `yes`, else none, without a branch:
    /// `Class::OF.when(is_of)`.
    pub(crate) const fn when(self, yes: bool) -> Class {
        Class(self.0 * yes as u64)
    }

    /// The classes as bits.
    pub(crate) const fn bits(self) -> u64 {
        self.0
    }
}

impl BitOr for Class {
    type Output = Class;

    fn bitor(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

/// The lists that are only word classes (the lexicon keeps the lists with
/// fields: titles with a gender, role nouns with a sort…), each with the
/// class of its words.
pub(super) const CLASS_LISTS: &[(&str, Class)] = &[
    (
        include_str!("../data/auxiliaries.txt"),
        Class(Class::AUXILIARY.0 | Class::FUNCTION.0),
    ),
    (
        include_str!("../data/attachers.txt"),
        Class(Class::ATTACHER.0 | Class::FUNCTION.0),
    ),
    (
        include_str!("../data/relatives.txt"),
        Class(Class::RELATIVE.0 | Class::FUNCTION.0),
    ),
    (include_str!("../data/clause_openers.txt"), Class::CLAUSE_OPENER),
    (include_str!("../data/clause_joiners.txt"), Class::CLAUSE_JOINER),
    (include_str!("../data/introducers.txt"), Class::INTRODUCER),
    (include_str!("../data/counting_modifiers.txt"), Class::COUNTING_MODIFIER),
    (include_str!("../data/determiners.txt"), Class::DETERMINER),
    (include_str!("../data/definite_determiners.txt"), Class::DEFINITE),
    (
        include_str!("../data/possessive_determiners.txt"),
        Class::POSSESSIVE_DETERMINER,
    ),
    (include_str!("../data/loose_modifiers.txt"), Class::LOOSE_MODIFIER),
    (include_str!("../data/placing_adjectives.txt"), Class::PLACING_ADJECTIVE),
    (include_str!("../data/place_prepositions.txt"), Class::PLACE_PREPOSITION),
    (include_str!("../data/plurals_without_s.txt"), Class::PLURAL_NOUN),
    (include_str!("../data/name_joiners.txt"), Class::NAME_JOINER),
    (include_str!("../data/frequency_adverbs.txt"), Class::FREQUENCY_ADVERB),
    (include_str!("../data/time_words.txt"), Class::TIME_WORD),
    (include_str!("../data/time_openers.txt"), Class::TIME_OPENER),
    (include_str!("../data/honorifics.txt"), Class::HONORIFIC),
    (include_str!("../data/modals.txt"), Class::MODAL),
    (include_str!("../data/clear_verb_forms.txt"), Class::CLEAR_VERB_FORM),
    (include_str!("../data/ly_nouns.txt"), Class::LY_NOUN),
    (
        include_str!("../data/title_case_small_words.txt"),
        Class::TITLE_CASE_SMALL_WORD,
    ),
    (include_str!("../data/naming_participles.txt"), Class::NAMING_PARTICIPLE),
    (include_str!("../data/naming_passives.txt"), Class::NAMING_PASSIVE),
    (include_str!("../data/passive_markers.txt"), Class::PASSIVE_MARKER),
    (include_str!("../data/articles.txt"), Class::ARTICLE),
    (include_str!("../data/relative_subjects.txt"), Class::RELATIVE_SUBJECT),
    (include_str!("../data/partitive_quantifiers.txt"), Class::PARTITIVE),
    (include_str!("../data/link_labels.txt"), Class::LINK_LABEL),
    (include_str!("../data/not_nouns.txt"), Class::NOT_NOUN),
    (
        include_str!("../data/request_prepositions.txt"),
        Class::REQUEST_PREPOSITION,
    ),
    (
        include_str!("../data/indefinite_articles.txt"),
        Class::INDEFINITE_ARTICLE,
    ),
    (include_str!("../data/subordinators.txt"), Class::SUBORDINATOR),
    (include_str!("../data/not_reported.txt"), Class::NOT_REPORTED),
    (include_str!("../data/infinitive_reports.txt"), Class::INFINITIVE_REPORT),
    (include_str!("../data/clause_verbs.txt"), Class::CLAUSE_VERB),
    (include_str!("../data/nationalities.txt"), Class::NATIONALITY),
    (include_str!("../data/body_nouns.txt"), Class::BODY_NOUN),
    (include_str!("../data/telling_verbs.txt"), Class::TELLING_VERB),
    (include_str!("../data/photo_credits.txt"), Class::PHOTO_CREDIT),
];

/// The tables of the words the lists know, made the first time one is
/// asked for from one map of them: the map is a sixth of the instructions
/// of a process that reads one short text, and was made once a table.
struct ListedWords {
    classes: WordTable,
    report_verbs: Map<&'static str, u64>,
}

static LISTED_WORDS: LazyLock<ListedWords> = LazyLock::new(|| {
    let map = word_class_map();
    ListedWords {
        report_verbs: only_class(&map, Class::REPORT_VERB),
        classes: WordTable::new(map),
    }
});

/// The classes of every word the lists know, in one table, so that a
/// token's classes cost one lookup.
pub(crate) fn word_classes() -> &'static WordTable {
    &LISTED_WORDS.classes
}

/// The verbs that report a clause ([`Class::REPORT_VERB`]), with that
/// class alone: for a rule that asks every word of a text about it, a
/// small table of their own ([`WordTable::new`]) stays in the nearest
/// cache.
pub(crate) fn report_verbs() -> &'static Map<&'static str, u64> {
    &LISTED_WORDS.report_verbs
}

/// About how many words the lists know (3,730 at the end of 2026): room
/// made for them at once (a map that outgrows it still grows as before).
///
/// PERF: the map grew by doubling, each time hashing its words again: the
/// rehashing took 0.53 million instructions, 9% of `extract` on one
/// article (5.94M -> 5.34M).
const LISTED_WORDS_ROOM: usize = 4096;

/// The classes of every word the lists know.
pub(crate) fn word_class_map() -> Map<&'static str, u64> {
    let mut map: Map<&'static str, u64> = Map::with_capacity_and_hasher(LISTED_WORDS_ROOM, Default::default());
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, class: Class| {
        for word in words {
            *map.entry(word).or_default() |= class.0;
        }
    };
    let lx = &*LEXICON;
    let role_nouns_of = |sort: Sort| {
        lx.role_nouns
            .iter()
            .filter(move |(_, r)| r.sort == sort)
            .map(|(word, _)| *word)
    };
    for &(file, class) in CLASS_LISTS {
        add(&mut entries(file).flat_map(fields), class);
    }
    add(&mut lx.reporting_verbs.iter().copied(), Class::REPORTING_VERB);
    add(&mut lx.role_nouns.keys().copied(), Class::ROLE);
    add(&mut lx.relation_nouns.keys().copied(), Class::ROLE | Class::RELATION);
    add(&mut lx.not_names.iter().copied(), Class::NOT_NAME | Class::FUNCTION);
    add(&mut lx.titles.keys().copied(), Class::TITLE);
    add(&mut role_nouns_of(Sort::Person), Class::PERSON_ROLE);
    add(&mut lx.verb_bases.iter().copied(), Class::VERB_BASE);
    add(&mut role_nouns_of(Sort::Group), Class::PLURAL_NOUN);
    add(&mut lx.first_names.keys().copied(), Class::FIRST_NAME);
    add(&mut lx.org_words.iter().copied(), Class::ORG_WORD);
    add(&mut lx.title_nouns.iter().copied(), Class::TITLE_NOUN);
    add(&mut lx.say_verbs.iter().copied(), Class::SAY_VERB);
    add(&mut lx.pronouns.keys().copied(), Class::PRONOUN);
    // `he's`, `they're`: a pronoun in a contraction. (The table keeps its
    // words for the life of the process: the few contracted forms are made
    // once, and leaked.)
    let contracted: Vec<&'static str> = (lx.pronouns.keys())
        .flat_map(|p| lx.contractions.iter().map(move |c| &*format!("{p}{c}").leak()))
        .collect();
    add(&mut contracted.into_iter(), Class::PRONOUN);
    add(&mut lx.cue_phrases_by_first.keys().copied(), Class::CUE_FIRST);
    add(&mut lx.cue_phrases_by_last.keys().copied(), Class::CUE_LAST);
    add(
        &mut lx.source_phrases.iter().filter_map(|p| p.first().copied()),
        Class::SOURCE_FIRST,
    );
    map
}

/// The first two bytes, last byte and length of the words of some classes,
/// each hashed to one bit of a small set: a test of a few instructions and
/// no look-up, which tells most words that are not of the classes from
/// those that may be (a word of them always passes).
///
/// PERF: asked of every word of a text outside quotes (`reported::find`).
/// One multiplication and one bit, in place of a test of three letters
/// and two tables of letters and lengths: instructions 680.1M -> 674.6M
/// (callgrind, `extract --jsonl --jobs 1` on PolNeAR train).
#[derive(Debug)]
pub(crate) struct WordShapes {
    bits: Box<[u64; SHAPE_BITS / 64]>,
}

/// How many bits [`WordShapes`] hashes words to: few enough to stay in the
/// nearest cache (2 KB), many enough that a few hundred words fill a few
/// percent of them.
const SHAPE_BITS: usize = 1 << 14;

impl WordShapes {
    /// The shapes of `words`.
    pub(crate) fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> WordShapes {
        let mut shapes = WordShapes {
            bits: Box::new([0; SHAPE_BITS / 64]),
        };
        for bit in words.into_iter().filter_map(|word| shape_bit(word.as_bytes())) {
            shapes.bits[bit / 64] |= 1 << (bit % 64);
        }
        shapes
    }

    /// Whether `lower` may be a word of the classes: false only when no
    /// word of them has its shape's bit (and for a word of one byte or
    /// none, which the lists' words never are).
    #[inline]
    pub(crate) fn may_hold(&self, lower: &str) -> bool {
        shape_bit(lower.as_bytes()).is_some_and(|bit| self.bits[bit / 64] & 1 << (bit % 64) != 0)
    }
}

/// The bit of [`WordShapes`] for a word of at least two bytes: its first
/// two bytes, last byte and length, hashed.
#[inline]
fn shape_bit(bytes: &[u8]) -> Option<usize> {
    let (&[first, second, ..], Some(&last)) = (bytes, bytes.last()) else {
        return None;
    };
    let key = u64::from(u16::from_le_bytes([first, second])) | u64::from(last) << 16 | (bytes.len() as u64) << 24;
    Some((key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SHAPE_BITS.trailing_zeros())) as usize)
}

/// The words of `map` of `class`, with that class alone.
fn only_class(map: &Map<&'static str, u64>, class: Class) -> Map<&'static str, u64> {
    (map.iter())
        .filter(|(_, bits)| *bits & class.0 != 0)
        .map(|(word, bits)| (*word, bits & class.0))
        .collect()
}

/// The classes the lists give a token's lower-cased form `lower`.
pub(crate) fn token_classes(lower: &str, extra_verbs: &HashSet<String>) -> Class {
    // Titles are also written with a dot: `Sen.`, `Mr.`.
    let key = lower.strip_suffix('.').unwrap_or(lower);
    let mut c = word_classes().get(key);
    // The suffixes below by the last byte first: most words have neither.
    match key.as_bytes().last() {
        // `Here’s Clinton in 1992: “…”`: a word that is never a name is
        // not one with a contracted `’s` either.
        Some(b's') => {
            if let Some(stem) = key.strip_suffix("'s").or_else(|| key.strip_suffix("’s")) {
                c |= word_classes().get(stem) & Class::NOT_NAME.0;
            }
        }
        Some(b'd') if key.ends_with("-year-old") => c |= Class::ROLE.0,
        _ => {}
    }
    if !extra_verbs.is_empty() && extra_verbs.contains(lower) {
        c |= Class::REPORTING_VERB.0;
    }
    Class(c)
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

/// The pronoun a word is, with its gender and the sorts of entity it can
/// stand for (pronouns.txt), also in a contraction (`He’s claiming`,
/// `they're saying`: contractions.txt).
pub(crate) fn pronoun_agreement(word: &str) -> Option<(Gender, &'static [Sort])> {
    let lx = &*LEXICON;
    let word = lx
        .contractions
        .iter()
        .find_map(|c| word.strip_suffix(c))
        .unwrap_or(word);
    lx.pronouns.get(word).map(|(gender, sorts)| (*gender, sorts.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pronoun_and_its_contractions_are_of_the_pronoun_class() {
        for base in ["he", "she", "it", "they", "i", "we"] {
            for contraction in ["", "'s", "'d", "'ll", "'re", "'ve"] {
                let word = format!("{base}{contraction}");
                assert!(pronoun_agreement(&word).is_some(), "{word}");
                assert!(Class::PRONOUN.holds(&word), "{word}");
            }
        }
        for word in ["hers", "the", "it's'", "theyre"] {
            assert!(!Class::PRONOUN.holds(word), "{word}");
        }
    }

    #[test]
    fn a_table_of_the_words_of_a_class_holds_exactly_them() {
        let table = WordTable::new(only_class(&word_class_map(), Class::REPORT_VERB));
        let mut held = 0;
        for (word, bits) in word_class_map() {
            let of_class = bits & Class::REPORT_VERB.0 != 0;
            assert_eq!(table.get(word), bits & Class::REPORT_VERB.0, "{word}");
            held += usize::from(of_class);
        }
        assert!(held > 100, "only {held} words");
    }

    #[test]
    fn word_shapes_pass_every_word_of_their_classes_and_few_others() {
        let verbs = report_verbs();
        let filter = WordShapes::of(verbs.keys().copied());
        for word in verbs.keys() {
            assert!(filter.may_hold(word), "{word}");
        }
        for word in ["x", "", ","] {
            assert!(!filter.may_hold(word), "{word}");
        }
        // Of the other words of the lists, only a few pass.
        let others: Vec<&str> = word_class_map()
            .into_keys()
            .filter(|w| !verbs.contains_key(w))
            .collect();
        let passed = others.iter().filter(|w| filter.may_hold(w)).count();
        assert!(passed * 10 < others.len(), "{passed} of {}", others.len());
    }
}
