//! Entities and their names: each way a name is written is read once
//! (`NameInfo`), and finds the entity it stands for through an index of
//! names and their first and last words (`Pryce` and `Mr Pryce` for
//! `Alan Pryce`; a surname of two words, `Vega Ortiz` for `Marisol Vega
//! Ortiz`; a body's initials, `PGC` for `Prairie Grain Canada`, and the
//! reverse), or starts a new one.

use std::borrow::Cow;
use std::ops::Deref;
use std::rc::Rc;

use super::{MAX_CANDIDATES, Mentions};
use crate::lexicon::{Gender, Sort};
use crate::speakers::name_runs::title_gender;
use crate::speakers::names::{
    clean_name, clean_name_sort, clean_name_words, ends_with_words, first_last, given_name_gender, initials_of,
    possessive_stem,
};
use crate::speakers::np::Np;
use crate::speakers::view::Words;
use crate::types::Span;
use crate::util::hash::Map;

/// A name's text: a slice of the document when it is written clean (most
/// names), else the tidied form.
#[derive(Clone, Debug)]
pub(crate) enum NameText<'a> {
    Slice(&'a str),
    Tidied(Rc<str>),
}

impl Deref for NameText<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            NameText::Slice(s) => s,
            NameText::Tidied(s) => s,
        }
    }
}

/// An entity: one person, organisation, place or group.
#[derive(Clone, Debug)]
pub(crate) struct Entity<'a> {
    /// The fullest name seen, words without titles.
    pub(crate) name: NameText<'a>,
    /// How many words `name` has, to prefer the fullest.
    pub(super) name_words: usize,
    /// The name's first and last words, lower-cased, to match shorter
    /// forms (numbers of [`NameIndex`]; [`NO_WORD`] for a description).
    pub(super) first: u32,
    pub(super) last: u32,
    pub(crate) gender: Gender,
    pub(crate) sort: Sort,
    /// Whether the entity was named (rather than only described).
    pub(crate) named: bool,
    /// Whether the text mentions it outside quotations: a capitalised word
    /// only ever quoted (`“Interethnic conflicts continue”`) is no one
    /// the writer's `he` can mean.
    pub(crate) outside_quotes: bool,
    /// Whether a person's role or title was bound to it (`Chief Ann`,
    /// `Ruiz, the mayor,`): a person, even named by one word that nothing
    /// gave a gender.
    pub(super) person_role: bool,
}

impl Entity<'_> {
    /// Whether the entity is named by one word only and nothing gave it a
    /// gender nor a person's role: as likely a town, a heading or a
    /// dateline word as a person's surname.
    pub(crate) fn is_bare_word_name(&self) -> bool {
        self.named && self.name_words == 1 && self.gender == Gender::Unknown && !self.person_role
    }
}

/// The `first` and `last` of an entity that has no name.
pub(super) const NO_WORD: u32 = u32::MAX;

/// Named entities by the lower-cased words of their names, so that a name
/// finds its entity without a scan of all the mentions before. Each
/// lower-cased name and word of the document is stored once and known by
/// its number, so that the lookups of a mention index vectors instead of
/// hashing strings.
#[derive(Debug, Default)]
pub(super) struct NameIndex<'a> {
    /// The names and words: slices of the lower-cased text where they are
    /// written plainly in it, else strings of their own.
    numbers: Map<Cow<'a, str>, u32>,
    /// By number: what is filed under the name or word.
    filed: Vec<NameEntry>,
    /// The entries of the lists of [`NameEntry`], kept as chains through one
    /// vector (newest first) so that a list costs no allocation of its
    /// own: an entity, and the entry before it in its list.
    entries: Vec<(usize, u32)>,
}

/// What the [`NameIndex`] files under a number: as a whole name, its
/// entity; as a word, the newest entries of the lists of the entities
/// whose name ends or starts with it (`NO_ENTRY` for none). One vector of
/// them, so that a new number is one push.
#[derive(Clone, Copy, Debug)]
struct NameEntry {
    name: Option<usize>,
    last: u32,
    first: u32,
}

const NO_ENTRY: u32 = u32::MAX;

/// Which of a word's lists: of the names that end with it, or start.
#[derive(Clone, Copy, Debug)]
enum List {
    Last,
    First,
}

impl NameEntry {
    /// The newest entry of list `list`.
    fn head(&mut self, list: List) -> &mut u32 {
        match list {
            List::Last => &mut self.last,
            List::First => &mut self.first,
        }
    }
}

impl<'a> NameIndex<'a> {
    /// Makes room for `n` names and words.
    pub(super) fn reserve(&mut self, n: usize) {
        self.numbers.reserve(n);
        self.filed.reserve(n);
        // (Two lists a word.)
        self.entries.reserve(2 * n);
    }

    /// The number of a lower-cased name or word, new if it is new.
    fn number(&mut self, key: Cow<'a, str>) -> u32 {
        // One hash of the key, found or new.
        let next = self.filed.len() as u32;
        let n = *self.numbers.entry(key).or_insert(next);
        if n == next {
            self.filed.push(NameEntry {
                name: None,
                last: NO_ENTRY,
                first: NO_ENTRY,
            });
        }
        n
    }

    /// The entities of list `list` of word `n`, newest first.
    fn newest_first(&self, n: u32, list: List) -> impl Iterator<Item = usize> + '_ {
        let mut filed = self.filed[n as usize];
        let mut at = *filed.head(list);
        std::iter::from_fn(move || {
            let &(id, before) = self.entries.get(at as usize)?;
            at = before;
            Some(id)
        })
    }

    /// Adds entity `id` to list `list` of word `n` unless it is in it.
    fn add(&mut self, n: u32, list: List, id: usize) {
        if self.newest_first(n, list).any(|e| e == id) {
            return;
        }
        let entry = self.entries.len() as u32;
        let before = std::mem::replace(self.filed[n as usize].head(list), entry);
        self.entries.push((id, before));
    }
}

/// A name as written, tidied and taken apart.
#[derive(Clone, Debug)]
pub(super) struct NameInfo<'a> {
    /// Without possessive and stray marks: `Alan Pryce`.
    clean: NameText<'a>,
    /// `clean` in lower case, to find the same name again (its number in
    /// the [`NameIndex`]).
    lower: u32,
    /// The first and last words, lower-cased (numbers in the index).
    first: u32,
    last: u32,
    /// Whether the first word is a given name of the lexicon.
    first_is_given_name: bool,
    words: usize,
    sort: Sort,
    /// The gender of a given name, for names of two words or more.
    given_gender: Gender,
    /// The number in the index of the name's initials (`pgc` for `Prairie
    /// Grain Canada`), for a name that can be a body's: two words or more,
    /// not a place's, not starting with a given name (`AR` is no Ann Ruiz).
    initials: Option<u32>,
}

impl<'a> NameInfo<'a> {
    /// The info of name `raw`, whose span of the lower-cased text (ASCII
    /// letters in lower case) is `raw_lower`.
    fn read(raw: &'a str, raw_lower: &'a str, index: &mut NameIndex<'a>) -> NameInfo<'a> {
        // Most names are written clean already: one space between words,
        // no handle's `@`, no possessive. They need no taking apart, and
        // in ASCII their lower-cased form is the lower-cased text's.
        if let Some(words) = clean_name_words(raw) {
            return NameInfo::of_slice(raw, raw_lower, words, index);
        }
        // `Trump's`: most others are clean but for a possessive, and their
        // clean form is the text before it.
        let clean_stem = possessive_stem(raw).and_then(|stem| Some((stem, clean_name_words(stem)?)));
        if let Some((stem, words)) = clean_stem {
            return NameInfo::of_slice(stem, &raw_lower[..stem.len()], words, index);
        }
        let clean = clean_name(raw);
        let words = clean.split_whitespace().count();
        let lower = if clean.is_ascii() {
            clean.to_ascii_lowercase()
        } else {
            clean.to_lowercase()
        };
        // (A tidied name's only white space is the spaces that join its
        // words, one of which may be empty: `@ Bob` gives ` Bob`.)
        let one_word = words == 1 && !lower.contains(' ');
        NameInfo::of_clean(
            NameText::Tidied(clean.into()),
            Cow::Owned(lower),
            words,
            one_word,
            index,
        )
    }

    /// The info of a clean name of `words` words written as `clean` in the
    /// text, whose span of the lower-cased text is `clean_lower`.
    fn of_slice(clean: &'a str, clean_lower: &'a str, words: usize, index: &mut NameIndex<'a>) -> NameInfo<'a> {
        let lower = if clean.is_ascii() {
            Cow::Borrowed(clean_lower)
        } else {
            Cow::Owned(clean.to_lowercase())
        };
        // (One word has no space, nor other white space.)
        NameInfo::of_clean(NameText::Slice(clean), lower, words, words == 1, index)
    }

    /// The name's info from its clean form and that in lower case, of
    /// `words` words (`one_word` if it is one word with no space).
    fn of_clean(
        clean: NameText<'a>,
        lower: Cow<'a, str>,
        words: usize,
        one_word: bool,
        index: &mut NameIndex<'a>,
    ) -> NameInfo<'a> {
        // The first and last words (for one word, the name itself).
        let (first, last): (Cow<'a, str>, Cow<'a, str>) = if one_word {
            (Cow::Borrowed(""), Cow::Borrowed(""))
        } else {
            match &lower {
                Cow::Borrowed(l) => {
                    let (first, last) = first_last(l);
                    (Cow::Borrowed(first), Cow::Borrowed(last))
                }
                Cow::Owned(l) => {
                    let (first, last) = first_last(l);
                    (Cow::Owned(first.to_string()), Cow::Owned(last.to_string()))
                }
            }
        };
        let sort = clean_name_sort(&clean, &lower);
        let given_name = given_name_gender(if one_word { &lower } else { &first });
        let given_gender = if words >= 2 && sort == Sort::Person {
            given_name.unwrap_or(Gender::Unknown)
        } else {
            Gender::Unknown
        };
        let lower = index.number(lower);
        let (first, last) = if one_word {
            (lower, lower)
        } else {
            (index.number(first), index.number(last))
        };
        let may_have_initials = sort != Sort::Place && words >= 2 && given_name.is_none();
        let initials = (may_have_initials)
            .then(|| initials_of(&clean))
            .flatten()
            .map(|initials| index.number(Cow::Owned(initials)));
        NameInfo {
            clean,
            lower,
            first,
            last,
            first_is_given_name: given_name.is_some(),
            words,
            sort,
            given_gender,
            initials,
        }
    }
}

/// Files entity `id` under this form of its name in `index`.
fn index_name(index: &mut NameIndex<'_>, id: usize, info: &NameInfo) {
    let name = &mut index.filed[info.lower as usize].name;
    // A form filed under this entity before had its words filed then
    // (the same words: a form's words are those of its lower case).
    if *name == Some(id) {
        return;
    }
    name.get_or_insert(id);
    index.add(info.last, List::Last, id);
    index.add(info.first, List::First, id);
}

impl<'a> Mentions<'a> {
    /// The entity a name stands for: an earlier one it matches, or a new
    /// one.
    pub(super) fn entity_for_name(&mut self, words: &Words<'a, '_>, np: Np, name: Span, name_token: usize) -> usize {
        let n = self.name_info(&words.tokens.text()[name.range()], &words.lower_text()[name.range()]);
        // (The info read in place, its fields as they are needed, rather
        // than copied out whole.)
        let info = &self.infos[n];
        let gender = match title_gender(words, np.start, name_token) {
            Gender::Unknown => info.given_gender,
            g => g,
        };
        let id = match self.matching_entity(info) {
            Some(id) => id,
            None => {
                let (first, last, sort) = (info.first, info.last, info.sort);
                self.new_entity(first, last, sort)
            }
        };
        let info = &self.infos[n];
        index_name(&mut self.index, id, info);
        // `Prairie Grain Canada` is also `PGC`.
        if let Some(initials) = info.initials {
            self.index.filed[initials as usize].name.get_or_insert(id);
        }
        let e = &mut self.entities[id];
        if info.words > e.name_words {
            e.name = info.clean.clone();
            e.name_words = info.words;
            e.first = info.first;
            e.last = info.last;
        }
        if e.gender == Gender::Unknown {
            e.gender = gender;
        }
        // `Eastern Trade Canada` … `ETC`: initials make the name a body's.
        // (Not the name's own last word: `Church` for `Sean Church`
        // is a surname, whatever bodies' names it also ends.)
        let initials = info.last != e.last;
        if info.words == 1 && initials && info.sort == Sort::Organisation && e.sort == Sort::Person && e.name_words > 1
        {
            e.sort = Sort::Organisation;
        }
        e.named = true;
        id
    }

    /// What the words of a name say, worked out once per document for each
    /// way the name is written: its number in `infos`.
    fn name_info(&mut self, raw: &'a str, raw_lower: &'a str) -> usize {
        // One hash of the name, found or new.
        let infos = &mut self.infos;
        let index = &mut self.index;
        *self.names.entry(raw).or_insert_with(|| {
            infos.push(NameInfo::read(raw, raw_lower, index));
            (infos.len() - 1) as u32
        }) as usize
    }

    fn new_entity(&mut self, first: u32, last: u32, sort: Sort) -> usize {
        self.entities.push(Entity {
            name: NameText::Slice(""),
            name_words: 0,
            first,
            last,
            gender: Gender::Unknown,
            sort,
            named: true,
            outside_quotes: false,
            person_role: false,
        });
        self.last_seen.push(0);
        self.entities.len() - 1
    }

    /// The most recently mentioned of the entities (`newest_first`) that
    /// passes `keep`, among the newest [`MAX_CANDIDATES`] of them (a text
    /// with thousands of people of one surname stays linear).
    fn most_recent(&self, newest_first: impl Iterator<Item = usize>, keep: impl Fn(&Entity) -> bool) -> Option<usize> {
        newest_first
            .take(MAX_CANDIDATES)
            .filter(|&id| keep(&self.entities[id]))
            .max_by_key(|&id| self.last_seen[id])
    }

    /// The entity that a name of these words can stand for: the same name;
    /// for one word, the latest entity with that surname (`Pryce` for
    /// `Alan Pryce`), or, when it is a given name, with that first name
    /// (`Alan`); for more words, the same first and last words, or an
    /// entity known so far by the surname alone, else a longer name that
    /// these words end (`Vega Ortiz` for `Marisol Vega Ortiz`).
    fn matching_entity(&self, info: &NameInfo) -> Option<usize> {
        let index = &self.index;
        if let Some(id) = index.filed[info.lower as usize].name {
            return Some(id);
        }
        let named = |e: &Entity| e.named && e.name_words > 0;
        // `PGC` … `Prairie Grain Canada`: a body named by its initials
        // first.
        if let Some(id) = self.body_of_initials(info) {
            return Some(id);
        }
        if info.words == 1 {
            let by_surname = self.most_recent(index.newest_first(info.last, List::Last), named);
            // (`Jordan`, `Georgia`: a place's name that is also a given
            // name is the person's when the text has named them so.)
            let given_name = matches!(info.sort, Sort::Person | Sort::Place) && info.first_is_given_name;
            return by_surname.or_else(|| {
                given_name
                    .then(|| {
                        self.most_recent(index.newest_first(info.first, List::First), |e| {
                            named(e) && e.sort == Sort::Person && e.name_words >= 2
                        })
                    })
                    .flatten()
            });
        }
        // (Not a place's: `Prairie Grain Canada` is no `Canada`.)
        self.most_recent(index.newest_first(info.last, List::Last), |e| {
            named(e) && ((e.name_words == 1 && e.sort != Sort::Place) || e.first == info.first)
        })
        .or_else(|| self.longer_name_ending_with(info))
    }

    /// The body known so far by the initials of name `info` (`PGC` for
    /// `Prairie Grain Canada`), if the text named one so.
    fn body_of_initials(&self, info: &NameInfo) -> Option<usize> {
        let id = self.index.filed[info.initials? as usize].name?;
        let e = &self.entities[id];
        (e.named && e.name_words == 1 && e.sort == Sort::Organisation).then_some(id)
    }

    /// `Vega Ortiz` for `Marisol Vega Ortiz`: a name of two words or more,
    /// the first no given name, that ends a longer name met before is that
    /// name's person (a surname of two words).
    fn longer_name_ending_with(&self, info: &NameInfo) -> Option<usize> {
        if info.first_is_given_name || info.sort != Sort::Person {
            return None;
        }
        self.most_recent(self.index.newest_first(info.last, List::Last), |e| {
            e.named && e.name_words > info.words && ends_with_words(&e.name, &info.clean)
        })
    }
}
