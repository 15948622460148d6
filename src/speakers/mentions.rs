//! Who is mentioned where: names, pronouns and descriptions, grouped into
//! entities (one per person or body), with the salience order that
//! pronouns and descriptions resolve by.
//!
//! The text is read once, sentence by sentence. Each name becomes a
//! mention of an entity: a new one, or an earlier one it shortens (`Mr
//! Bailey`, `Bailey` and `Shaun` for `Shaun Bailey`). A title or role
//! before a name (`Foreign Secretary Ann Ruiz`) and an appositive after
//! it (`Dominic Raab, the Foreign Secretary,`) bind the description to the
//! entity. A pronoun or a definite description that starts a clause is
//! resolved when it is read, to the most salient earlier entity that
//! agrees with it: recent sentences first, and within a sentence subjects
//! before other mentions, earlier before later, words outside quotes before
//! names inside them.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::{Deref, Range};
use std::rc::Rc;

use crate::lexicon::{Gender, LEXICON, Map, Sort};
use crate::types::Span;

use super::words::{self, Words};

/// How far back (in sentences) a pronoun or description looks for the
/// entity it stands for. News rarely refers back further without a name.
const SALIENCE_WINDOW: usize = 12;

/// At most this many earlier mentions are weighed for one pronoun, and
/// this many entities for one name.
const MAX_CANDIDATES: usize = 64;

/// How far back (in sentences) a definite description looks when nothing
/// bound it: it names someone just mentioned (`Jane Doe won. The
/// 45-year-old said…`), not anyone earlier of the same sort.
const DESCRIPTION_WINDOW: usize = 2;

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
    name_words: usize,
    /// The name's first and last words, lower-cased, to match shorter
    /// forms (numbers of [`NameIndex`]; [`NO_WORD`] for a description).
    first: u32,
    last: u32,
    pub(crate) gender: Gender,
    pub(crate) sort: Sort,
    /// Whether the entity was named (rather than only described).
    pub(crate) named: bool,
    /// Whether the text mentions it outside quotations: a capitalised word
    /// only ever quoted (`“Interethnic conflicts continue”`) is no one
    /// the writer's `he` can mean.
    pub(crate) outside_quotes: bool,
}

/// A named entity as [`Mentions::new_entity`] starts it, before its words
/// and sort are set.
const NEW_ENTITY: Entity<'static> = Entity {
    name: NameText::Slice(""),
    name_words: 0,
    first: NO_WORD,
    last: NO_WORD,
    gender: Gender::Unknown,
    sort: Sort::Person,
    named: true,
    outside_quotes: false,
};

/// A mention of an entity at a place in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    pub(crate) entity: usize,
    /// Token indexes of the mention's first token and one past its last.
    pub(crate) token: usize,
    pub(crate) token_end: usize,
    pub(crate) sentence: usize,
    /// Whether the mention starts a clause (a likely subject).
    pub(crate) subject: bool,
    /// Whether the mention is inside a quotation.
    pub(crate) quoted: bool,
}

/// A mention as [`Mentions::push`] starts it, before its fields are set.
const NEW_MENTION: Mention = Mention {
    entity: 0,
    token: 0,
    token_end: 0,
    sentence: 0,
    subject: false,
    quoted: false,
};

/// Mentions by their first token, in text order. The mention pass meets
/// them in text order, each at or after the ones before but for a few right
/// before the last (a relation's, after the name in it): a sorted vector
/// takes them at its end, without the search and nodes of a tree. A
/// mention added after the pass (a cue's speaker) can go anywhere, and
/// moves the mentions after it: once a text's mentions have moved more
/// than [`MOVES_PER_MENTION`] times their number, the vector turns into a
/// tree, so that a long text with many such stays linear.
#[derive(Debug)]
pub(crate) enum MentionMap {
    Sorted { list: Vec<Mention>, moved: usize },
    Tree(BTreeMap<usize, Mention>),
}

/// The mentions before a token ([`MentionMap::before`]), from either
/// form of the map.
pub(crate) enum Before<'m> {
    Sorted(std::slice::Iter<'m, Mention>),
    Tree(std::collections::btree_map::Range<'m, usize, Mention>),
}

impl<'m> Iterator for Before<'m> {
    type Item = &'m Mention;

    fn next(&mut self) -> Option<&'m Mention> {
        match self {
            Before::Sorted(list) => list.next(),
            Before::Tree(range) => range.next().map(|(_, m)| m),
        }
    }
}

impl DoubleEndedIterator for Before<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Before::Sorted(list) => list.next_back(),
            Before::Tree(range) => range.next_back().map(|(_, m)| m),
        }
    }
}

/// How many moves a mention of [`MentionMap::Sorted`] pays for.
const MOVES_PER_MENTION: usize = 16;

impl Default for MentionMap {
    fn default() -> MentionMap {
        MentionMap::Sorted {
            list: Vec::new(),
            moved: 0,
        }
    }
}

impl MentionMap {
    /// Adds mention `m` unless one starts at its token already.
    fn insert_first(&mut self, m: Mention) {
        match self {
            MentionMap::Sorted { list, moved } => {
                if list.last().is_none_or(|last| last.token < m.token) {
                    list.push(m);
                    return;
                }
                let Err(i) = list.binary_search_by_key(&m.token, |x| x.token) else {
                    return;
                };
                *moved += list.len() - i;
                if *moved <= MOVES_PER_MENTION * list.len() {
                    list.insert(i, m);
                    return;
                }
                let mut tree: BTreeMap<usize, Mention> = list.drain(..).map(|x| (x.token, x)).collect();
                tree.insert(m.token, m);
                *self = MentionMap::Tree(tree);
            }
            MentionMap::Tree(tree) => {
                tree.entry(m.token).or_insert(m);
            }
        }
    }

    /// Makes room for `n` more mentions (in the vector: a tree needs none).
    fn reserve(&mut self, n: usize) {
        if let MentionMap::Sorted { list, .. } = self {
            list.reserve(n);
        }
    }

    /// The mentions that start before token `t`, in text order.
    pub(crate) fn before(&self, t: usize) -> Before<'_> {
        match self {
            MentionMap::Sorted { list, .. } => Before::Sorted(list[..list.partition_point(|m| m.token < t)].iter()),
            MentionMap::Tree(tree) => Before::Tree(tree.range(..t)),
        }
    }

    /// The mention that starts at token `t`.
    pub(crate) fn get(&self, t: usize) -> Option<&Mention> {
        match self {
            MentionMap::Sorted { list, .. } => list.binary_search_by_key(&t, |m| m.token).ok().map(|i| &list[i]),
            MentionMap::Tree(tree) => tree.get(&t),
        }
    }

    /// All the mentions, in text order (for the tests).
    #[cfg(test)]
    pub(crate) fn values(&self) -> impl DoubleEndedIterator<Item = &Mention> {
        self.before(usize::MAX)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        match self {
            MentionMap::Sorted { list, .. } => list.len(),
            MentionMap::Tree(tree) => tree.len(),
        }
    }
}

/// A description bound to an entity: `the Foreign Secretary` → Raab.
#[derive(Clone, Debug)]
struct Binding<'a> {
    /// The description's words, lower-cased, head noun last.
    words: Vec<&'a str>,
    entity: usize,
}

/// What the mention pass found: entities, mentions in text order, and the
/// descriptions bound to entities.
#[derive(Debug, Default)]
pub(crate) struct Mentions<'a> {
    pub(crate) entities: Vec<Entity<'a>>,
    /// Mentions by their first token, in text order.
    pub(crate) mentions: MentionMap,
    /// Descriptions bound to entities, by head noun, in text order.
    bindings: Map<&'a str, Vec<Binding<'a>>>,
    /// Entities known only by a description, by that description.
    by_description: Map<String, usize>,
    /// Named entities by the lower-cased words of their names.
    index: NameIndex<'a>,
    /// The token of each entity's latest mention, for recency.
    last_seen: Vec<usize>,
    /// Each written form of a name, and what it says: the number of its
    /// [`NameInfo`] in `infos`.
    names: Map<&'a str, u32>,
    infos: Vec<NameInfo<'a>>,
    /// The writer (`I`), once a cue has named them: a speaker of their
    /// own, and never someone a third-person pronoun takes up.
    writer: Option<usize>,
}

/// The `first` and `last` of an entity that has no name.
const NO_WORD: u32 = u32::MAX;

/// Named entities by the lower-cased words of their names, so that a name
/// finds its entity without a scan of all the mentions before. Each
/// lower-cased name and word of the document is stored once and known by
/// its number, so that the lookups of a mention index vectors instead of
/// hashing strings.
#[derive(Debug, Default)]
struct NameIndex<'a> {
    /// The names and words: slices of the lower-cased text where they are
    /// written plainly in it, else strings of their own.
    numbers: Map<Cow<'a, str>, u32>,
    /// By number: what is filed under the name or word.
    filed: Vec<Filed>,
    /// The entries of the lists of [`Filed`], kept as chains through one
    /// vector (newest first) so that a list costs no allocation of its
    /// own: an entity, and the entry before it in its list.
    entries: Vec<(usize, u32)>,
}

/// What the [`NameIndex`] files under a number: as a whole name, its
/// entity; as a word, the newest entries of the lists of the entities
/// whose name ends or starts with it (`NO_ENTRY` for none). One vector of
/// them, so that a new number is one push.
#[derive(Clone, Copy, Debug)]
struct Filed {
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

impl Filed {
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
    fn reserve(&mut self, n: usize) {
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
            self.filed.push(Filed {
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
struct NameInfo<'a> {
    /// Without possessive and stray marks: `Shaun Bailey`.
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
}

/// A [`NameInfo`] before [`NameInfo::write`] writes it.
const NEW_NAME_INFO: NameInfo<'static> = NameInfo {
    clean: NameText::Slice(""),
    lower: 0,
    first: 0,
    last: 0,
    first_is_given_name: false,
    words: 0,
    sort: Sort::Person,
    given_gender: Gender::Unknown,
};

impl<'a> NameInfo<'a> {
    /// Writes into `out` the info of name `raw`, whose span of the
    /// lower-cased text (ASCII letters in lower case) is `raw_lower`.
    fn write(raw: &'a str, raw_lower: &'a str, index: &mut NameIndex<'a>, out: &mut NameInfo<'a>) {
        // Most names are written clean already: one space between words,
        // no handle's `@`, no possessive. They need no taking apart, and
        // in ASCII their lower-cased form is the lower-cased text's.
        if let Some(words) = words::clean_name_words(raw) {
            return NameInfo::of_slice(raw, raw_lower, words, index, out);
        }
        // `Trump's`: most others are clean but for a possessive, and their
        // clean form is the text before it.
        let clean_stem = words::possessive_stem(raw).and_then(|stem| Some((stem, words::clean_name_words(stem)?)));
        if let Some((stem, words)) = clean_stem {
            return NameInfo::of_slice(stem, &raw_lower[..stem.len()], words, index, out);
        }
        let clean = words::clean_name(raw);
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
            out,
        );
    }

    /// The info of a clean name of `words` words written as `clean` in the
    /// text, whose span of the lower-cased text is `clean_lower`.
    fn of_slice(clean: &'a str, clean_lower: &'a str, words: usize, index: &mut NameIndex<'a>, out: &mut NameInfo<'a>) {
        let lower = if clean.is_ascii() {
            Cow::Borrowed(clean_lower)
        } else {
            Cow::Owned(clean.to_lowercase())
        };
        // (One word has no space, nor other white space.)
        NameInfo::of_clean(NameText::Slice(clean), lower, words, words == 1, index, out);
    }

    /// The name's info from its clean form and that in lower case, of
    /// `words` words (`one_word` if it is one word with no space).
    fn of_clean(
        clean: NameText<'a>,
        lower: Cow<'a, str>,
        words: usize,
        one_word: bool,
        index: &mut NameIndex<'a>,
        out: &mut NameInfo<'a>,
    ) {
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
        let sort = words::clean_name_sort(&clean, &lower);
        let given_name = words::given_name_gender(if one_word { &lower } else { &first });
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
        // Field by field, in place (see [`Mentions::name_info`]).
        out.first = first;
        out.last = last;
        out.first_is_given_name = given_name.is_some();
        out.clean = clean;
        out.lower = lower;
        out.words = words;
        out.sort = sort;
        out.given_gender = given_gender;
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

/// The first and last words of a name of more than one word. Its only
/// white space is spaces (see [`NameInfo::write`]): the words are found by a
/// search of the bytes for them, not of the characters for white space.
fn first_last(name: &str) -> (&str, &str) {
    let name = name.trim_matches(' ');
    let bytes = name.as_bytes();
    let first = bytes.iter().position(|&b| b == b' ').map_or(name, |i| &name[..i]);
    let last = bytes.iter().rposition(|&b| b == b' ').map_or(name, |i| &name[i + 1..]);
    (first, last)
}

/// What a noun phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NpKind {
    /// A proper name; `name` is its span without titles.
    Name { name: Span },
    /// `he`, `she`, `it`, `they`.
    Pronoun,
    /// `the Foreign Secretary`, `a spokesman for the ministry`; `head` is
    /// the token of the head noun.
    Description { head: usize },
    /// `the wife of Michael X`: a relation of the named entity.
    Relation { head: usize, name: Span },
}

/// A noun phrase: tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: NpKind,
}

impl<'a> Mentions<'a> {
    /// Reads the text once and collects its mentions. `quoted[t]` says
    /// whether token `t` is inside a quotation.
    pub(crate) fn collect(w: &Words<'a, '_>, quoted: &[bool]) -> Mentions<'a> {
        let tokens = w.tokens;
        let mut m = Mentions::default();
        // Room for the names a text of this length usually has (in news, a
        // new way of writing a name every 20 words or so, and a word or two
        // of it to number), so that the tables seldom grow. Counted in
        // words, not tokens: a text of quotation marks and punctuation has
        // tokens by the million and few names, and tables sized by its
        // tokens took tens of megabytes.
        let names = w.word_count() / 13;
        m.names.reserve(names);
        m.infos.reserve(names);
        m.index.reserve(names * 2);
        m.entities.reserve(names);
        m.last_seen.reserve(names);
        // And for the mentions: about one every ten words in news.
        m.mentions.reserve(w.word_count() / 8);
        let mut subject_at = Vec::new();
        for (s, sentence) in tokens.sentences.iter().enumerate() {
            // A headline in title case has a capital on every word: its
            // runs of capitals are not names.
            if words::is_title_case(w, sentence.tokens.clone()) {
                continue;
            }
            words::clause_starts_into(w, sentence.tokens.clone(), &mut subject_at);
            // In order, so that the pass (which only moves on) finds the
            // next clause's start by a cursor (see [`next_start`]).
            subject_at.sort_unstable();
            let mut next_subject = 0;
            let end = sentence.tokens.end;
            let mut t = sentence.tokens.start;
            loop {
                let is_subject;
                (t, is_subject) = next_start(w, quoted, &subject_at, &mut next_subject, t, end);
                if t >= end {
                    break;
                }
                let in_quote = quoted[t];
                // `the wife of Michael X`: a person known by a relation.
                // (The `of` first, from the token's bits: the call only for
                // the few tokens with one after them.)
                if let Some(np) = (!in_quote && words::of_follows(w, t))
                    .then(|| words::relation_at(w, t, end))
                    .flatten()
                {
                    if let NpKind::Relation { head, name } = np.kind {
                        // The person first, so the relation takes their
                        // fullest name.
                        // The person's phrase starts after `of`.
                        if let Some(inner) = words::np_right(w, head + 2, sentence.tokens.end) {
                            m.add_name(w, inner, s, false, false);
                        }
                        let id = m.relation_entity(w, head, name);
                        m.push(id, np, s, is_subject, false);
                        t = np.end;
                        continue;
                    }
                }
                if let Some(np) = words::name_at(w, t, sentence.tokens.end) {
                    // `according to Edmund Carrow`: the source of what the
                    // sentence says is as salient as its subject.
                    let is_subject = is_subject || (t >= 2 && w.lw(t - 2) == "according" && w.lw(t - 1) == "to");
                    // `But Labour candidate Mr Reilly has…`: the subject starts
                    // at the role words before the name.
                    let roles = words::role_words_before(w, t);
                    let role_start = roles.start;
                    let is_subject = is_subject
                        || (!roles.is_empty()
                            && (subject_at.binary_search(&role_start).is_ok()
                                || role_start > 0
                                    && subject_at.binary_search(&(role_start - 1)).is_ok()
                                    && words::is_determiner(w.lw(role_start - 1))));
                    m.add_name_after_roles(w, np, s, is_subject, in_quote, Some((t, roles)));
                    t = np.end;
                    continue;
                }
                if !in_quote && is_subject {
                    if let Some(np) = words::np_right(w, t, sentence.tokens.end) {
                        if matches!(np.kind, NpKind::Name { .. }) {
                            // `Labour candidate Mr Reilly`: a name after its role.
                            m.add_name(w, np, s, true, false);
                        } else if let Some(entity) = m.resolve(w, np, s).or_else(|| m.new_described_person(w, np)) {
                            m.push(entity, np, s, true, false);
                        }
                        t = np.end.max(t + 1);
                        continue;
                    }
                }
                t += 1;
            }
        }
        m
    }

    /// Records a mention, keeping the list in text order.
    fn push(&mut self, entity: usize, np: Np, sentence: usize, subject: bool, quoted: bool) {
        if self.writer == Some(entity) {
            return;
        }
        self.last_seen[entity] = self.last_seen[entity].max(np.start);
        self.entities[entity].outside_quotes |= !quoted;
        // Most mentions come after the last: pushed at once, and written
        // in place, field by field. (A mention built on the stack and
        // copied was read back in wider pieces than its flags had just
        // been written in, which stalls the copy.)
        if let MentionMap::Sorted { list, .. } = &mut self.mentions {
            if list.last().is_none_or(|last| last.token < np.start) {
                list.push(NEW_MENTION);
                if let Some(m) = list.last_mut() {
                    m.entity = entity;
                    m.token = np.start;
                    m.token_end = np.end;
                    m.sentence = sentence;
                    m.subject = subject;
                    m.quoted = quoted;
                }
                return;
            }
        }
        self.mentions.insert_first(Mention {
            entity,
            token: np.start,
            token_end: np.end,
            sentence,
            subject,
            quoted,
        });
    }

    /// Records a name: finds or makes its entity, learns its gender, and
    /// binds the title or appositive around it.
    fn add_name(&mut self, w: &Words<'a, '_>, np: Np, sentence: usize, subject: bool, quoted: bool) {
        self.add_name_after_roles(w, np, sentence, subject, quoted, None);
    }

    /// [`Mentions::add_name`], given the role words before a token if they
    /// are known (`(token, words)`: the caller looked for them there, and
    /// most names have no title, so that the token is the name's own).
    fn add_name_after_roles(
        &mut self,
        w: &Words<'a, '_>,
        np: Np,
        sentence: usize,
        subject: bool,
        quoted: bool,
        known_roles: Option<(usize, Range<usize>)>,
    ) {
        let NpKind::Name { name } = np.kind else {
            return;
        };
        let name_token = name_token_in(w, np, name);
        let entity = self.entity_for_name(w, np, name, name_token);
        self.push(entity, np, sentence, subject, quoted);
        if quoted {
            return;
        }
        // `Foreign Secretary Ann Ruiz`, `Labour candidate Mr Reilly`: the
        // role words before the name.
        let roles = match known_roles {
            Some((at, roles)) if at == name_token => roles,
            _ => words::role_words_before(w, name_token),
        };
        if !roles.is_empty() {
            self.bind(roles.map(|u| w.lw(u)).collect(), entity);
        }
        // `Dominic Raab, the Foreign Secretary,`
        if let Some(role) = words::appositive_after(w, np.end) {
            self.bind(role, entity);
        }
    }

    fn bind(&mut self, words: Vec<&'a str>, entity: usize) {
        if let Some(head) = words.last() {
            if let Some(role) = words::role_of(head) {
                let e = &mut self.entities[entity];
                if e.gender == Gender::Unknown {
                    e.gender = role.gender;
                }
            }
        }
        self.add_binding(words, entity);
    }

    /// The entity a name stands for: an earlier one it matches, or a new
    /// one.
    fn entity_for_name(&mut self, w: &Words<'a, '_>, np: Np, name: Span, name_token: usize) -> usize {
        let n = self.name_info(&w.tokens.text()[name.range()], &w.lower_text()[name.range()]);
        // (The info read in place, its fields as they are needed, rather
        // than copied out whole.)
        let info = &self.infos[n];
        let gender = match words::title_gender(w, np.start, name_token) {
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
        e.named = true;
        id
    }

    /// What the words of a name say, worked out once per document for each
    /// way the name is written: its number in `infos`.
    fn name_info(&mut self, raw: &'a str, raw_lower: &'a str) -> usize {
        // One hash of the name, found or new; a new info is written in
        // place, field by field, at the end of the vector: one built on the
        // stack and copied there was read back in wider pieces than its
        // fields had just been written in, which stalls the copy.
        let infos = &mut self.infos;
        let index = &mut self.index;
        *self.names.entry(raw).or_insert_with(|| {
            infos.push(NEW_NAME_INFO);
            let n = infos.len() - 1;
            NameInfo::write(raw, raw_lower, index, &mut infos[n]);
            n as u32
        }) as usize
    }

    fn new_entity(&mut self, first: u32, last: u32, sort: Sort) -> usize {
        // A constant pushed and then its fields set, in place: an entity
        // built on the stack and copied was read back in wider pieces than
        // its fields had just been written in, which stalls the copy.
        self.entities.push(NEW_ENTITY);
        if let Some(e) = self.entities.last_mut() {
            e.first = first;
            e.last = last;
            e.sort = sort;
        }
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
    /// for one word, the latest entity with that surname (`Bailey` for
    /// `Shaun Bailey`), or, when it is a given name, with that first name
    /// (`Shaun`); for more words, the same first and last words, or an
    /// entity known so far by the surname alone.
    fn matching_entity(&self, info: &NameInfo) -> Option<usize> {
        let index = &self.index;
        if let Some(id) = index.filed[info.lower as usize].name {
            return Some(id);
        }
        let named = |e: &Entity| e.named && e.name_words > 0;
        if info.words == 1 {
            let by_surname = self.most_recent(index.newest_first(info.last, List::Last), named);
            let given_name = info.sort == Sort::Person && info.first_is_given_name;
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
        self.most_recent(index.newest_first(info.last, List::Last), |e| {
            named(e) && (e.name_words == 1 || e.first == info.first)
        })
    }

    /// The entity that a noun phrase stands for, if the text makes it clear.
    pub(crate) fn resolve(&mut self, w: &Words<'a, '_>, np: Np, sentence: usize) -> Option<usize> {
        match np.kind {
            NpKind::Name { .. } => self.overlapping(np.start, np.end).map(|m| m.entity),
            NpKind::Pronoun => {
                let (gender, sorts) = words::pronoun_agreement(w.lw(np.start))?;
                // `“Okay,” I said`: the writer. (A `we` is as often a
                // nation or a party as the writers.)
                if w.lw(np.start) == "i" {
                    return Some(self.writer());
                }
                let id = self.most_salient(np.start, sentence, SALIENCE_WINDOW, |e| {
                    sorts.contains(&e.sort) && gender.agrees(e.gender)
                })?;
                if self.entities[id].gender == Gender::Unknown {
                    self.entities[id].gender = gender;
                }
                Some(id)
            }
            NpKind::Description { head } => {
                let role = words::role_of_token(w, head);
                if let Some(id) = self.bound(w, np.start, np.end) {
                    return Some(id);
                }
                let role = role?;
                if !words::is_definite(w, np.start) || matches!(role.sort, Sort::Group | Sort::Document) {
                    return None;
                }
                // A definite description as subject, right after a person
                // or body was named, stands for them.
                let id = self.most_salient(np.start, sentence, DESCRIPTION_WINDOW, |e| {
                    e.named && e.sort == role.sort && role.gender.agrees(e.gender)
                })?;
                self.add_binding(w.lower_words(np.start, np.end), id);
                Some(id)
            }
            NpKind::Relation { .. } => None,
        }
    }

    /// The entity most recently bound to a description with the same head
    /// noun and no clashing modifier: the description of the words of
    /// tokens `start..end`, read in place (most descriptions have no
    /// binding, and need no vector of their words).
    fn bound(&self, w: &Words<'a, '_>, start: usize, end: usize) -> Option<usize> {
        let last = (start..end).rev().find(|&t| w.is_word(t))?;
        let modifiers = || {
            (start..last)
                .filter(|&t| w.is_word(t))
                .map(|t| w.lw(t))
                .filter(|m| !words::is_determiner(m))
        };
        self.bindings
            .get(w.lw(last))?
            .iter()
            .rev()
            .take(MAX_CANDIDATES)
            .find(|b| modifiers().all(|m| b.words.contains(&m) || words::is_loose_modifier(m)))
            .map(|b| b.entity)
    }

    fn add_binding(&mut self, words: Vec<&'a str>, entity: usize) {
        if let Some(&head) = words.last() {
            self.bindings.entry(head).or_default().push(Binding { words, entity });
        }
    }

    /// A name mention that overlaps tokens `start..end`, if any.
    pub(crate) fn overlapping(&self, start: usize, end: usize) -> Option<&Mention> {
        self.mentions.before(end).rev().take(4).find(|m| m.token_end > start)
    }

    /// The mention of exactly tokens `start..end` (a pronoun or description
    /// resolved when the text was read).
    pub(crate) fn exactly(&self, start: usize, end: usize) -> Option<&Mention> {
        self.at(start).filter(|m| m.token_end == end)
    }

    /// The mention starting at token `t`, if any.
    pub(crate) fn at(&self, t: usize) -> Option<&Mention> {
        self.mentions.get(t)
    }

    /// The most salient entity mentioned before token `t` that `agrees`:
    /// the current sentence and then earlier ones; within one, subjects
    /// first, then mentions outside quotes in order, then quoted names.
    fn most_salient(
        &self,
        t: usize,
        sentence: usize,
        window: usize,
        agrees: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let oldest = sentence.saturating_sub(window);
        // The mentions before `t`, nearest first, grouped by sentence; a
        // bounded number, so one endless sentence stays linear.
        let mut recent = self
            .mentions
            .before(t)
            .rev()
            .take_while(|m| m.sentence >= oldest)
            .take(MAX_CANDIDATES)
            .peekable();
        // One sentence's mentions at a time: the first that agrees in the
        // order of salience (the least key, as each mention's token is its
        // own), without a vector to sort.
        while let Some(first) = recent.peek() {
            let s = first.sentence;
            // In its own sentence a pronoun or description can only take up
            // the subject of an earlier clause (`Smith arrived, and he
            // said`): not a name in its introductory phrase or in the quote.
            let own = s == sentence;
            let mut best = None;
            while let Some(m) = recent.next_if(|m| m.sentence == s) {
                let e = &self.entities[m.entity];
                let may_take_up = !own || (m.subject && !m.quoted);
                let known_outside_quotes = !m.quoted || e.outside_quotes;
                if !may_take_up || !known_outside_quotes || !agrees(e) {
                    continue;
                }
                // Subjects first, then mentions outside quotes; among those,
                // an entity whose gender is known before one whose is not (a
                // place or a surname that nothing has marked yet), then
                // earlier first.
                let key = (m.quoted, !m.subject, e.gender == Gender::Unknown, m.token);
                if best.is_none_or(|(least, _)| key < least) {
                    best = Some((key, m.entity));
                }
            }
            if let Some((_, id)) = best {
                return Some(id);
            }
        }
        None
    }

    /// Records that the speaker mention `np` stands for `entity` (a cue's
    /// subject is the most salient mention of its sentence).
    pub(crate) fn note_speaker(&mut self, entity: usize, np: Np, sentence: usize) {
        if self.overlapping(np.start, np.end).is_some() {
            return;
        }
        self.push(entity, np, sentence, true, false);
    }

    /// The entity for a person known by their relation to a named one:
    /// `Michael X's wife` for `the wife of Michael X`.
    pub(crate) fn relation_entity(&mut self, w: &Words<'_, '_>, head: usize, name: Span) -> usize {
        let name_token = name_token_start(w, name);
        let person = self
            .overlapping(name_token, name_token + 1)
            .map(|m| self.entities[m.entity].name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| NameText::Tidied(words::clean_name(&w.tokens.text()[name.range()]).into()));
        let relation = w.lw(head);
        let gender = LEXICON.relation_nouns.get(relation).copied().unwrap_or(Gender::Unknown);
        self.described_entity(format!("{}'s {relation}", &*person), gender, Sort::Person)
    }

    /// The entity of name `np`, which a cue found: the mention read before,
    /// or, for a name inside a longer phrase that was read as a whole
    /// (`Former head of the port authority Ann Ruiz:`), a mention
    /// recorded now.
    pub(crate) fn named(&mut self, w: &Words<'a, '_>, np: Np, sentence: usize) -> Option<usize> {
        if let Some(m) = self.overlapping(np.start, np.end) {
            return Some(m.entity);
        }
        if words::is_headline_run(w, &np) {
            return None;
        }
        self.add_name(w, np, sentence, true, false);
        self.overlapping(np.start, np.end).map(|m| m.entity)
    }

    /// `A young woman asked…`, `My mother still says…`, `Donald Trump’s
    /// campaign is defending…`: a person or body the text describes
    /// without naming, as the subject of a clause, is someone the pronouns
    /// and descriptions after may take up (`“…,” the woman said`, `It’s
    /// denouncing…`). Only indefinite or possessive descriptions: `the
    /// senator` names someone met before.
    fn new_described_person(&mut self, w: &Words<'a, '_>, np: Np) -> Option<usize> {
        let NpKind::Description { head } = np.kind else {
            return None;
        };
        let role = words::role_of_token(w, head)?;
        let owned = (np.start..head).any(|t| words::is_possessive(w, t))
            || matches!(w.lw(np.start), "my" | "his" | "her" | "their" | "our");
        let indefinite = w.determiner_at(np.start) && !words::is_definite(w, np.start);
        let speaks = match role.sort {
            Sort::Person => indefinite || owned,
            Sort::Organisation => owned,
            _ => false,
        };
        if !speaks {
            return None;
        }
        let id = self.described(w, np, head);
        self.add_binding(w.lower_words(np.start, head + 1), id);
        Some(id)
    }

    /// The writer who speaks as `I`: `“Okay,” I said.` The name is the
    /// pronoun; the text does not say who wrote it.
    fn writer(&mut self) -> usize {
        if let Some(id) = self.writer {
            return id;
        }
        let id = self.described_entity("I".to_string(), Gender::Unknown, Sort::Person);
        self.writer = Some(id);
        id
    }

    /// The entity for description `np` with head noun `head` that names no
    /// one the text has named: `a spokesman for the ministry`.
    pub(crate) fn described(&mut self, w: &Words<'_, '_>, np: Np, head: usize) -> usize {
        let role = words::role_of_token(w, head);
        let text = &w.tokens.text()[w.span(np.start, np.end).range()];
        self.described_entity(
            description_name(text),
            role.map_or(Gender::Unknown, |r| r.gender),
            role.map_or(Sort::Person, |r| r.sort),
        )
    }

    /// Makes an entity for a speaker the text only describes (`a spokesman
    /// for the ministry`, `Michael X's wife`).
    pub(crate) fn described_entity(&mut self, name: String, gender: Gender, sort: Sort) -> usize {
        if let Some(&id) = self.by_description.get(&name) {
            return id;
        }
        self.by_description.insert(name.clone(), self.entities.len());
        self.entities.push(Entity {
            name: NameText::Tidied(name.into()),
            name_words: 0,
            first: NO_WORD,
            last: NO_WORD,
            gender,
            sort,
            named: false,
            outside_quotes: true,
        });
        self.last_seen.push(0);
        self.entities.len() - 1
    }
}

/// The first token from `t` on (before `end`, else `end`) that may start
/// a mention, and whether a clause starts there: a capitalised word (a
/// name), a token with an `of` after it (a relation) outside quotes, or a
/// clause's start (a subject's phrase) outside quotes. `subjects` are the
/// clauses' starts in order, `next` the first of them not before the
/// previous call's `t` (which this call's is not before).
///
/// Most tokens start nothing, and are passed over on their bits, in a loop
/// of their own up to the next clause's start: the clauses' starts are
/// not searched for each token.
#[inline]
fn next_start(
    w: &Words<'_, '_>,
    quoted: &[bool],
    subjects: &[usize],
    next: &mut usize,
    mut t: usize,
    end: usize,
) -> (usize, bool) {
    let passed_over = |t: usize| !w.is_capitalised(t) && (quoted[t] || !words::of_follows(w, t));
    loop {
        while subjects.get(*next).is_some_and(|&u| u < t) {
            *next += 1;
        }
        let stop = subjects.get(*next).map_or(end, |&u| u.min(end));
        while t < stop && passed_over(t) {
            t += 1;
        }
        if t >= end {
            return (t, false);
        }
        // A clause starts here: a token without a capital inside a quote
        // still starts nothing.
        let is_subject = t == stop;
        if is_subject && !w.is_capitalised(t) && quoted[t] {
            t += 1;
            continue;
        }
        return (t, is_subject);
    }
}

/// [`name_token_start`] for a name inside the phrase `np`: a short scan
/// from the start of the phrase rather than a search of all the tokens.
fn name_token_in(w: &Words<'_, '_>, np: Np, name: Span) -> usize {
    let tokens = &w.tokens.tokens;
    let start = np.start.min(tokens.len());
    // The scan finds what the search would when every token before the
    // phrase starts before the name.
    if start == 0 || tokens[start - 1].span().start < name.start {
        if let Some(k) = (start..np.end.min(tokens.len())).find(|&k| tokens[k].span().start >= name.start) {
            return k;
        }
    }
    name_token_start(w, name)
}

/// The name for a speaker known only by a description: the words as
/// written, with a leading determiner that the sentence start capitalised
/// (`The`, `My`) in lower case.
fn description_name(text: &str) -> String {
    let text = text.trim();
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    if rest.is_empty() {
        return text.to_string();
    }
    let lower = first.to_lowercase();
    if !words::is_determiner(&lower) {
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

/// The token where the name proper (titles stripped) starts.
fn name_token_start(w: &Words<'_, '_>, name: Span) -> usize {
    w.tokens
        .tokens
        .partition_point(|t| t.span().start < name.start)
        .min(w.tokens.tokens.len())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::Config;

    use super::*;
    use crate::speakers::tests::words_of;
    use crate::tokenize::{Tokens, tokenize};

    /// Whether each token is inside a quote the quote stage finds.
    fn quoted_flags(t: &Tokens<'_>) -> Vec<bool> {
        let mut quoted = vec![false; t.tokens.len()];
        for q in &crate::quotes::find(t) {
            quoted[q.open..q.end_token].iter_mut().for_each(|f| *f = true);
        }
        quoted
    }

    /// Whether a name is clean ([`words::clean_name_words`]) as it was
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

    /// [`words::name_sort`] as it was first written: the lists asked
    /// without filters, the words split at any white space.
    fn name_sort_by_lists(name: &str) -> Sort {
        let lower = name.to_lowercase();
        if LEXICON.places.contains(lower.as_str()) {
            return Sort::Place;
        }
        let acronym = name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
        if acronym || lower.split_whitespace().any(|w| LEXICON.org_words.contains(w)) {
            Sort::Organisation
        } else {
            Sort::Person
        }
    }

    #[test]
    fn every_listed_place_and_body_passes_the_filters() {
        for place in &LEXICON.places {
            assert_eq!(words::clean_name_sort(place, place), Sort::Place, "{place}");
        }
        for word in &LEXICON.org_words {
            let name = format!("Acme {word}");
            let sort = words::clean_name_sort(&name, &name.to_lowercase());
            assert_eq!(sort, name_sort_by_lists(&name), "{name}");
        }
        for (name, gender) in &LEXICON.first_names {
            assert_eq!(words::given_name_gender(name), Some(*gender), "{name}");
        }
        for word in ["bailey", "", "shaun.", "x", "party", "annabelle-rose"] {
            assert_eq!(
                words::given_name_gender(word),
                LEXICON.first_names.get(word).copied(),
                "{word}"
            );
        }
    }

    #[test]
    fn every_pronoun_may_be_one() {
        for base in ["he", "she", "it", "they", "i", "we"] {
            for contraction in ["", "'s", "'d", "'ll", "'re", "'ve"] {
                let word = format!("{base}{contraction}");
                assert!(words::pronoun_agreement(&word).is_some(), "{word}");
                assert!(words::may_be_pronoun(&word), "{word}");
            }
        }
    }

    #[test]
    fn a_tokens_role_is_its_words() {
        let text = "The spokeswoman, Sen. Jo Lee, a 45-year-old. lawyer and wife of the \
            company’s chief, said: Minister! secretary. The mayor-elect's aide and Spokesman Bo.";
        let t = tokenize(text);
        let w = words_of(&t);
        for k in 0..=t.tokens.len() {
            let by_token = words::role_of_token(&w, k).map(|r| (r.gender, r.sort));
            let by_word = words::role_of(w.lw(k)).map(|r| (r.gender, r.sort));
            assert_eq!(by_token, by_word, "{:?}", w.lw(k));
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
            let lw = w.lw(prev);
            let keep = w.role_at(prev)
                || w.has(prev, words::class::TITLE | words::class::CAPITALISED)
                || lw.contains('-')
                || words::is_loose_modifier(lw);
            if !keep {
                break;
            }
            t = prev;
        }
        let mut end = name_start;
        while end > t
            && matches!(
                w.lw(end - 1),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "mr." | "mrs." | "ms." | "dr."
            )
        {
            end -= 1;
        }
        let last = w.lw(end.saturating_sub(1));
        let listed = words::role_of(last).is_some() || LEXICON.titles.contains_key(last.trim_end_matches('.'));
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
                assert_eq!(
                    words::role_words_before(&w, k),
                    role_words_by_lists(&w, k),
                    "{text} at {k}"
                );
            }
        }
    }

    proptest! {
        #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

        #[test]
        fn clean_names_are_those_the_byte_rules_give(name in "[ @\t\u{b}\n\u{1}aB's’\u{a0}é.]{0,8}") {
            let words = is_clean_name_by_bytes(&name).then(|| name.split(' ').count());
            prop_assert_eq!(words::clean_name_words(&name), words, "{:?}", name);
        }

        #[test]
        fn a_possessive_ending_is_one_of_the_endings(name in "[ as'’\u{2018}\u{99}é]{0,5}") {
            let by_endings = ["'s", "’s", "'", "’"].iter().any(|s| name.ends_with(s));
            prop_assert_eq!(words::ends_in_possessive(&name), by_endings, "{:?}", name);
        }

        #[test]
        fn a_possessive_stem_that_is_clean_is_the_clean_name(name in "[ @\t\u{a0}aB'’s.]{0,8}") {
            if let Some(stem) = words::possessive_stem(&name).filter(|stem| words::clean_name_words(stem).is_some()) {
                prop_assert_eq!(stem, words::clean_name(&name), "{:?}", name);
            }
        }

        #[test]
        fn first_and_last_words_are_those_between_white_space(name in "[ ab]{0,8}") {
            let mut parts = name.split_whitespace();
            let first = parts.next().unwrap_or("");
            prop_assert_eq!(first_last(&name), (first, parts.next_back().unwrap_or(first)));
        }

        #[test]
        fn a_clean_name_has_the_sort_the_lists_give(name in "[ @aA'’s.]{0,4}(Labour|Party|China|BBC|New|York|Zealand|Inc)?[ a]{0,2}(Party|Zealand|York|of)?") {
            let clean = words::clean_name(&name);
            let sort = name_sort_by_lists(&clean);
            prop_assert_eq!(words::clean_name_sort(&clean, &clean.to_lowercase()), sort, "{:?}", clean);
            prop_assert_eq!(words::name_sort(&name), name_sort_by_lists(&name), "{:?}", name);
        }
    }

    /// [`Mentions::most_salient`] as it was first written: each sentence's
    /// mentions sorted by salience, the first that agrees taken.
    fn most_salient_by_sorting(
        m: &Mentions<'_>,
        t: usize,
        sentence: usize,
        window: usize,
        agrees: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let oldest = sentence.saturating_sub(window);
        let recent: Vec<&Mention> = (m.mentions.before(t).rev())
            .take_while(|x| x.sentence >= oldest)
            .take(MAX_CANDIDATES)
            .collect();
        for group in recent.chunk_by(|a, b| a.sentence == b.sentence) {
            let own = group[0].sentence == sentence;
            let mut group: Vec<&Mention> = group
                .iter()
                .copied()
                .filter(|x| !own || (x.subject && !x.quoted))
                .filter(|x| !x.quoted || m.entities[x.entity].outside_quotes)
                .collect();
            group.sort_by_key(|x| {
                (
                    x.quoted,
                    !x.subject,
                    m.entities[x.entity].gender == Gender::Unknown,
                    x.token,
                )
            });
            if let Some(x) = group.iter().find(|x| agrees(&m.entities[x.entity])) {
                return Some(x.entity);
            }
        }
        None
    }

    #[test]
    fn the_most_salient_is_the_first_agreeing_in_salience_order() {
        let text = "Jane Doe met Tom Reilly and the BBC. “Ann Lee knew,” she said. \
            Reilly, a lawyer, said he and Lee left. The company said it was Doe. \
            Mr Ng arrived; she said Ng and Mrs Ng would go. “Bo Li?” asked Reilly.";
        let t = tokenize(text);
        let quoted = quoted_flags(&t);
        let w = words_of(&t);
        let m = Mentions::collect(&w, &quoted);
        let tests: [&dyn Fn(&Entity) -> bool; 4] = [
            &|_| true,
            &|e| e.gender == Gender::Female,
            &|e| e.sort == Sort::Person && Gender::Male.agrees(e.gender),
            &|e| e.sort == Sort::Organisation,
        ];
        let sentences = t.sentences.len();
        for k in 0..=t.tokens.len() {
            for s in 0..sentences {
                for window in [0, 2, 12] {
                    for agrees in tests {
                        assert_eq!(
                            m.most_salient(k, s, window, agrees),
                            most_salient_by_sorting(&m, k, s, window, agrees),
                            "token {k}, sentence {s}, window {window}"
                        );
                    }
                }
            }
        }
    }

    /// [`next_start`] as the pass first read the tokens: each token tested
    /// in turn, the clauses' starts searched for it.
    fn next_start_by_search(
        w: &Words<'_, '_>,
        quoted: &[bool],
        subjects: &[usize],
        t: usize,
        end: usize,
    ) -> (usize, bool) {
        let starts_nothing =
            |t: usize| !w.is_capitalised(t) && (quoted[t] || !words::of_follows(w, t) && !subjects.contains(&t));
        let t = (t..end).find(|&t| !starts_nothing(t)).unwrap_or(end.max(t));
        (t, t < end && subjects.contains(&t))
    }

    #[test]
    fn the_next_start_is_the_first_token_that_starts_something() {
        let text = "Jane Doe met the wife of Tom Reilly, and “the head of the BBC said so,” she said. \
            But the spokesman for the ministry, “a friend of Ann Lee”, said it; and he left. \
            “And so,” said the mother of Bo Li, “we go.” In a statement, Mr Ng said the end of it.";
        let t = tokenize(text);
        let quoted = quoted_flags(&t);
        let w = words_of(&t);
        let mut subjects = Vec::new();
        for sentence in &t.sentences {
            words::clause_starts_into(&w, sentence.tokens.clone(), &mut subjects);
            // Out of order and twice, as well as in order.
            let mut shuffled = subjects.clone();
            shuffled.extend(subjects.iter().rev());
            let mut sorted = shuffled.clone();
            sorted.sort_unstable();
            let range = sentence.tokens.clone();
            let mut next = 0;
            for k in range.start..=range.end {
                assert_eq!(
                    next_start(&w, &quoted, &sorted, &mut next, k, range.end),
                    next_start_by_search(&w, &quoted, &shuffled, k, range.end),
                    "token {k}"
                );
            }
        }
    }

    /// A mention at token `t`, of entity `t`.
    fn mention(t: usize) -> Mention {
        Mention {
            entity: t,
            token: t,
            token_end: t + 1,
            sentence: 0,
            subject: false,
            quoted: false,
        }
    }

    #[test]
    fn mention_map_keeps_the_first_mention_of_a_token_in_order() {
        let mut m = MentionMap::default();
        let mut tree = BTreeMap::new();
        // In order, then back and forth far enough to move many.
        let order = (0..40).map(|k| k * 10).chain((0..400).map(|k| (k * 37) % 401));
        for t in order {
            m.insert_first(mention(t));
            tree.entry(t).or_insert(mention(t));
        }
        assert!(matches!(m, MentionMap::Tree(_)), "many moves make a tree");
        let tokens = |it: &mut dyn Iterator<Item = &Mention>| it.map(|x| (x.token, x.entity)).collect::<Vec<_>>();
        assert_eq!(tokens(&mut m.values()), tokens(&mut tree.values()));
        for t in [0, 5, 10, 200, 400, 401, 1000] {
            assert_eq!(tokens(&mut m.before(t)), tokens(&mut tree.range(..t).map(|(_, x)| x)));
            assert_eq!(m.get(t).map(|x| x.token), tree.get(&t).map(|x| x.token));
        }
    }

    #[test]
    fn mention_map_stays_sorted_for_a_few_moves() {
        let mut m = MentionMap::default();
        for t in [1, 3, 5, 4, 2, 3, 0] {
            m.insert_first(mention(t));
        }
        assert!(matches!(m, MentionMap::Sorted { .. }));
        let tokens: Vec<usize> = m.values().map(|x| x.token).collect();
        assert_eq!(tokens, [0, 1, 2, 3, 4, 5]);
        assert_eq!(m.before(3).map(|x| x.token).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(m.get(4).map(|x| x.token), Some(4));
        assert!(m.get(6).is_none());
    }
}
