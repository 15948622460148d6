//! The word lists that drive the rules, read from the plain text files in
//! `src/data/`.
//!
//! Each file has one entry a line; `#` starts a comment; blank lines are
//! skipped. Entries are lower case. The files say in their heading what the
//! fields of a line are. Extending the extractor's English means editing
//! these files, not the code.

use std::sync::LazyLock;

use crate::util::hash::{Map, Set};

pub(crate) mod classes;

/// Grammatical gender, as far as English marks it on people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Male,
    Female,
    /// Not marked: `the president`, `Dr`, a first name used by all.
    Unknown,
}

impl Gender {
    fn parse(field: &str) -> Gender {
        match field {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// Whether a mention of gender `self` can stand for an entity of gender
    /// `other`.
    pub(crate) fn agrees(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// What sort of speaker a role noun heads: `the minister` is a person, `the
/// ministry` an organisation, `officials` a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Sort {
    Person,
    Organisation,
    Group,
    /// A country or city, which speaks for its government (`China
    /// warned`) but is rarely the `it` of a later sentence.
    Place,
    /// A text whose words are quoted (`the report found`, `the sign
    /// read`): a speaker of its own, never a name seen before.
    Document,
}

impl Sort {
    fn parse(field: &str) -> Sort {
        match field {
            "org" => Sort::Organisation,
            "group" => Sort::Group,
            "doc" => Sort::Document,
            _ => Sort::Person,
        }
    }
}

/// A role noun's gender and sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Role {
    pub(crate) gender: Gender,
    pub(crate) sort: Sort,
}

pub(crate) struct Lexicon {
    /// Every form of every reporting verb: `say`, `says`, `said`, `saying`.
    pub(crate) reporting_verbs: Set<&'static str>,
    /// The base forms of the reporting verbs (`say`, `order`, `message`):
    /// after a singular noun they are nouns too (`a court order`).
    pub(crate) verb_bases: Set<&'static str>,
    /// The reporting verbs of saying proper, whose subject is the source of
    /// the whole clause they report.
    pub(crate) say_verbs: Set<&'static str>,
    /// Verbs of more than one word, as word sequences (`pointed out`),
    /// filed by their first word and by their last.
    pub(crate) cue_phrases_by_first: Map<&'static str, Vec<Vec<&'static str>>>,
    pub(crate) cue_phrases_by_last: Map<&'static str, Vec<Vec<&'static str>>>,
    /// Cues that name the speaker after them: `according to`.
    pub(crate) source_phrases: Vec<Vec<&'static str>>,
    /// Words that come before a name and are not part of it: `mr`, `senator`.
    pub(crate) titles: Map<&'static str, Gender>,
    /// Nouns that head a description of a speaker: `secretary`, `company`.
    pub(crate) role_nouns: Map<&'static str, Role>,
    /// Nouns of kinship and service that make `the wife of X` X's wife.
    pub(crate) relation_nouns: Map<&'static str, Gender>,
    /// Capitalised words that make a name an organisation's: `party`, `inc`.
    pub(crate) org_words: Set<&'static str>,
    /// Given names and their usual gender.
    pub(crate) first_names: Map<&'static str, Gender>,
    /// Countries and other places that speak in the news, as word sequences.
    pub(crate) places: Set<&'static str>,
    /// Capitalised words that never start or make a name: `but`, `monday`.
    pub(crate) not_names: Set<&'static str>,
    /// Nouns before a title in marks: `book`, `film`, `song`.
    pub(crate) title_nouns: Set<&'static str>,
    /// Words that put a term in marks without anyone saying it: `so-called`.
    pub(crate) scare_cues: Set<&'static str>,
    /// The pronouns that can stand for a speaker, with their gender and
    /// the sorts of entity they can stand for.
    pub(crate) pronouns: Map<&'static str, (Gender, Vec<Sort>)>,
    /// The endings of a pronoun's contractions: `'s` of `he's`.
    pub(crate) contractions: Vec<&'static str>,
    /// Words that end in a dot without ending the sentence (`Mr.`), without
    /// the dot.
    pub(crate) abbreviations: Vec<&'static str>,
    /// Words written with a leading apostrophe for letters left out
    /// (`’em`).
    pub(crate) elisions: Vec<&'static str>,
}

/// The base form of a verb line when it is only a base form: `read reads
/// read reading` lists `read` again as its past, which a singular noun can
/// take (`the sign read`), so it is left out.
fn base_only_form(line: &'static str) -> Option<&'static str> {
    let mut forms = fields(line);
    let base = forms.next()?;
    (!forms.any(|f| f == base)).then_some(base)
}

/// The lines of a data file that hold entries: comments and blanks gone.
///
/// PERF: ASCII white space and a byte search for `#` (the files have no
/// other white space: a test holds them to it), where `trim`,
/// `split_whitespace` and `split('#')` decode characters and call a
/// search for every line: `extract` on one article 7.32M -> 5.94M
/// instructions.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    lines(file)
        .map(|line| without_comment(line).trim_ascii())
        .filter(|line| !line.is_empty())
}

/// The lines of a file, found by a byte loop: the lines are short, and a
/// call to `memchr` for each cost more than the loop.
fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = file;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        Some(line)
    })
}

/// A line up to its `#`, if it has one.
fn without_comment(line: &str) -> &str {
    match line.bytes().position(|b| b == b'#') {
        Some(hash) => &line[..hash],
        None => line,
    }
}

/// Splits an entry into its words and its trailing fields: `"spokes person
/// m person"` with two fields gives the words `["spokes", "person"]`.
pub(crate) fn fields(entry: &'static str) -> impl Iterator<Item = &'static str> {
    entry.split_ascii_whitespace()
}

fn phrases(file: &'static str) -> Vec<Vec<&'static str>> {
    entries(file).map(|e| fields(e).collect()).collect()
}

/// Phrases filed under one of their words.
fn by_word(
    phrases: &[Vec<&'static str>],
    key: impl Fn(&[&'static str]) -> Option<&'static str>,
) -> Map<&'static str, Vec<Vec<&'static str>>> {
    let mut map: Map<&'static str, Vec<Vec<&'static str>>> = Map::default();
    for p in phrases {
        if let Some(word) = key(p) {
            map.entry(word).or_default().push(p.clone());
        }
    }
    map
}

/// Room for the entries of a file, one a line: its lines, an upper bound.
///
/// PERF: the tables of the lists are made with room for their entries at
/// once, not grown by doubling (each time hashing their words again,
/// which `collect` does when a filter hides their count): `extract` on one
/// article 5.34M -> 5.16M instructions.
fn room_for_lines(file: &str) -> usize {
    file.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Room for the words of a file: each but the last ends at a white space
/// byte, so their count is an upper bound.
fn room_for_words(file: &str) -> usize {
    file.bytes().filter(u8::is_ascii_whitespace).count() + 1
}

/// A set of `words`, with room for `room`.
fn set_with_room(room: usize, words: impl Iterator<Item = &'static str>) -> Set<&'static str> {
    let mut set = Set::with_capacity_and_hasher(room, Default::default());
    set.extend(words);
    set
}

/// A map of `entries`, with room for `room`.
fn map_with_room<V>(room: usize, entries: impl Iterator<Item = (&'static str, V)>) -> Map<&'static str, V> {
    let mut map = Map::with_capacity_and_hasher(room, Default::default());
    map.extend(entries);
    map
}

fn word_set(file: &'static str) -> Set<&'static str> {
    set_with_room(room_for_words(file), entries(file).flat_map(fields))
}

fn gendered(file: &'static str) -> Map<&'static str, Gender> {
    let gendered = entries(file).filter_map(|e| {
        let mut f = fields(e);
        let word = f.next()?;
        Some((word, Gender::parse(f.next().unwrap_or("-"))))
    });
    map_with_room(room_for_lines(file), gendered)
}

impl Lexicon {
    fn load() -> Lexicon {
        let cue_phrases = phrases(include_str!("../data/cue_phrases.txt"));
        let role_noun_file = include_str!("../data/role_nouns.txt");
        let role_nouns = entries(role_noun_file).filter_map(|e| {
            let mut f = fields(e);
            let word = f.next()?;
            let gender = Gender::parse(f.next().unwrap_or("-"));
            let sort = Sort::parse(f.next().unwrap_or("person"));
            Some((word, Role { gender, sort }))
        });
        let role_nouns = map_with_room(room_for_lines(role_noun_file), role_nouns);
        let verb_file = include_str!("../data/reporting_verbs.txt");
        let place_file = include_str!("../data/places.txt");
        Lexicon {
            reporting_verbs: word_set(verb_file),
            verb_bases: set_with_room(room_for_lines(verb_file), entries(verb_file).filter_map(base_only_form)),
            say_verbs: word_set(include_str!("../data/say_verbs.txt")),
            cue_phrases_by_first: by_word(&cue_phrases, |p| p.first().copied()),
            cue_phrases_by_last: by_word(&cue_phrases, |p| p.last().copied()),
            source_phrases: phrases(include_str!("../data/source_phrases.txt")),
            titles: gendered(include_str!("../data/titles.txt")),
            role_nouns,
            relation_nouns: gendered(include_str!("../data/relation_nouns.txt")),
            org_words: word_set(include_str!("../data/org_words.txt")),
            first_names: gendered(include_str!("../data/first_names.txt")),
            places: set_with_room(room_for_lines(place_file), entries(place_file)),
            not_names: word_set(include_str!("../data/not_names.txt")),
            title_nouns: word_set(include_str!("../data/title_nouns.txt")),
            scare_cues: word_set(include_str!("../data/scare_cues.txt")),
            pronouns: entries(include_str!("../data/pronouns.txt"))
                .filter_map(|e| {
                    let mut f = fields(e);
                    let word = f.next()?;
                    let gender = Gender::parse(f.next().unwrap_or("-"));
                    Some((word, (gender, f.map(Sort::parse).collect())))
                })
                .collect(),
            contractions: entries(include_str!("../data/contractions.txt"))
                .flat_map(fields)
                .collect(),
            abbreviations: entries(include_str!("../data/abbreviations.txt"))
                .flat_map(fields)
                .collect(),
            elisions: entries(include_str!("../data/elisions.txt")).flat_map(fields).collect(),
        }
    }
}

/// The built-in English lexicon, read once.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_hold_the_common_words() {
        let lx = &*LEXICON;
        for verb in ["said", "says", "say", "saying", "told", "tweeted", "added"] {
            assert!(lx.reporting_verbs.contains(verb), "{verb}");
        }
        assert!(lx.source_phrases.iter().any(|p| p == &["according", "to"]));
        assert!(
            lx.cue_phrases_by_first["pointed"]
                .iter()
                .any(|p| p == &["pointed", "out"])
        );
        assert!(lx.cue_phrases_by_last["out"].iter().any(|p| p == &["pointed", "out"]));
        assert_eq!(lx.titles.get("mr"), Some(&Gender::Male));
        assert_eq!(lx.titles.get("mrs"), Some(&Gender::Female));
        assert_eq!(lx.role_nouns.get("company").map(|r| r.sort), Some(Sort::Organisation));
        assert_eq!(lx.relation_nouns.get("wife"), Some(&Gender::Female));
        assert!(lx.places.contains("china"));
        assert!(lx.not_names.contains("monday"));
        assert!(lx.title_nouns.contains("book"));
        assert!(lx.scare_cues.contains("so-called"));
    }

    #[test]
    fn say_verbs_are_reporting_verbs() {
        let lx = &*LEXICON;
        for verb in &lx.say_verbs {
            assert!(lx.reporting_verbs.contains(verb), "{verb}");
        }
    }

    #[test]
    fn entries_are_lower_case() {
        let lx = &*LEXICON;
        let all = lx
            .reporting_verbs
            .iter()
            .chain(lx.titles.keys())
            .chain(lx.role_nouns.keys())
            .chain(lx.first_names.keys())
            .chain(lx.places.iter())
            .chain(lx.not_names.iter());
        for w in all {
            assert_eq!(*w, w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn the_lists_have_no_white_space_but_ascii() {
        // `entries` and `fields` split at ASCII white space alone. Every
        // file of `src/data`, so that a new list is held to it too.
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data");
        let mut files = 0;
        for entry in std::fs::read_dir(&data).expect("src/data") {
            let path = entry.expect("a file of src/data").path();
            let file = std::fs::read_to_string(&path).expect("a text file");
            for c in file.chars() {
                assert!(!c.is_whitespace() || c.is_ascii_whitespace(), "{c:?} in {path:?}");
            }
            files += 1;
        }
        assert!(files >= classes::CLASS_LISTS.len(), "{files} files in {data:?}");
    }

    #[test]
    fn gender_agreement() {
        assert!(Gender::Male.agrees(Gender::Unknown));
        assert!(!Gender::Male.agrees(Gender::Female));
    }
}
