//! Word classes and noun phrases, read off the tokens with the lexicon:
//! names (capitalised runs, titles stripped), pronouns, and descriptions
//! headed by a role noun.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::{Gender, LEXICON, Map, Role, Set, Sort, tail_word};
use crate::tokenize::{TokenKind, Tokens};
use crate::types::Span;

use super::mentions::{Np, NpKind};

/// The longest noun phrase, in tokens, that the rules read: `the chief
/// executive of the Harbour Pilots Association` is well inside it.
pub(crate) const MAX_PHRASE_TOKENS: usize = 24;

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
const COUNTING_MODIFIERS: &[&str] = &[
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
const PLACING_ADJECTIVES: &[&str] = &["close", "familiar", "loyal", "near", "opposed", "sympathetic"];

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

/// The tokens with their lower-cased forms, read once for the speaker
/// stage.
pub(crate) struct Words<'a, 'h> {
    pub(crate) tokens: &'a Tokens<'h>,
    /// Reporting verbs the user added to the built-in list.
    extra_verbs: &'a HashSet<String>,
    /// Each token's lower-cased form (`’` as `'`; marks as written): a
    /// slice of the lower-cased text for most tokens, of the forms after
    /// it for the others.
    lower: Vec<&'a str>,
    /// The classes of each token ([`class`]): its shape and place at once,
    /// the lexicon's classes when first asked. Most tokens are never asked
    /// about: the rules look near quotes and names. (Apart from `lower`: a
    /// vector of 4 bytes a token, not one of 24 with the forms, for a long
    /// text's memory.)
    class: Vec<Cell<u32>>,
    /// The text with its ASCII letters in lower case (the same length, the
    /// same character boundaries: [`Words::lower_text`]), then the forms of
    /// the tokens with other characters, then [`PADDING`] bytes.
    buffer: &'a str,
    /// Which sentence-opening words the text also writes in lower case:
    /// the answers so far (see [`Common`]).
    common: RefCell<Common<'a>>,
    /// Words the text uses as surnames after a given name (`Ruth Baron`,
    /// `Ann From`), worked out when first asked.
    surnames: OnceCell<Set<&'a str>>,
    /// How many tokens are words: what the tables of names are sized by.
    word_count: usize,
}

/// The vectors of a [`Words`], for the words of another text.
#[derive(Debug, Default)]
pub(crate) struct WordVecs {
    lower: Vec<&'static str>,
    class: Vec<Cell<u32>>,
}

impl WordVecs {
    fn cleared(mut self) -> WordVecs {
        self.lower.clear();
        self.class.clear();
        self
    }

    /// The bytes these vectors hold (their capacity).
    pub(crate) fn bytes(&self) -> usize {
        self.lower.capacity() * std::mem::size_of::<&str>() + self.class.capacity() * std::mem::size_of::<u32>()
    }
}

/// An empty vector of forms in the memory of `forms`, free of the borrow of
/// the text its forms had. (Collected in place: a vector mapped to elements
/// of the same size keeps its memory. Were it not kept, the next text would
/// allocate its own, as it would without reuse.)
pub(crate) fn forget_forms(mut forms: Vec<&str>) -> Vec<&'static str> {
    forms.clear();
    forms.into_iter().map(|_| "").collect()
}

/// Bits of [`Words::class`].
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

impl<'a, 'h> Words<'a, 'h> {
    /// Reads the tokens; `buffer` holds the lower-cased forms of those that
    /// are not lower-case ASCII already, for as long as the words are read.
    pub(crate) fn new(
        tokens: &'a Tokens<'h>,
        extra_verbs: &'a HashSet<String>,
        buffer: &'a mut String,
        vecs: WordVecs,
    ) -> Words<'a, 'h> {
        let text = tokens.text();
        // The buffer is the text with its ASCII letters in lower case, so
        // that an ASCII token's lower-cased form is the same span of it,
        // and then the forms of the tokens with other characters (the
        // tokenizer noted them as it read them), each with its token and
        // span.
        buffer.clear();
        buffer.reserve(text.len() + PADDING);
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
        let mut other_forms = Vec::with_capacity(tokens.non_ascii.len());
        for &i in &tokens.non_ascii {
            if let Some(t) = tokens.tokens.get(i as usize) {
                let start = buffer.len();
                push_lower_case(&text[t.span().range()], buffer);
                other_forms.push((i as usize, start..buffer.len()));
            }
        }
        buffer.extend(std::iter::repeat_n(' ', PADDING));
        let buffer: &'a String = buffer;
        let word_count = tokens.tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
        // An earlier text's vectors, empty: covariance lets a vector of
        // `'static` forms take forms of any lifetime.
        let WordVecs { mut lower, mut class } = vecs.cleared();
        lower.extend(tokens.tokens.iter().map(|t| &buffer[t.span().range()]));
        let lower_bytes = buffer.as_bytes();
        class.extend(
            tokens
                .tokens
                .iter()
                .map(|t| Cell::new(shape_bits(t.kind, text, lower_bytes, t.span()))),
        );
        for (i, form) in other_forms {
            lower[i] = &buffer[form];
        }
        for s in &tokens.sentences {
            // The first word, past opening marks and brackets.
            if let Some(first) = s.tokens.clone().find(|&t| tokens.tokens[t].kind == TokenKind::Word) {
                let first = &class[first];
                first.set(first.get() | class::SENTENCE_START);
            }
        }
        Words {
            tokens,
            extra_verbs,
            lower,
            class,
            buffer,
            common: RefCell::new(Common::Asked(Vec::new())),
            surnames: OnceCell::new(),
            word_count,
        }
    }

    /// The vectors of these words, for the words of another text
    /// ([`Words::new`] empties them).
    pub(crate) fn into_vecs(self) -> WordVecs {
        WordVecs {
            lower: forget_forms(self.lower),
            class: self.class,
        }
    }

    /// Of the capitalised words that open sentences, those the text also
    /// writes in lower case: a capital at a sentence start does not make
    /// them names (`Coal miners said`).
    fn common_sentence_starts(&self) -> Set<&'a str> {
        // The first words of the sentences (`sentence_start`), read off
        // the sentences rather than found among all the tokens.
        let tokens = &self.tokens.tokens;
        let mut remaining: Set<&str> = (self.tokens.sentences.iter())
            .filter_map(|s| s.tokens.clone().find(|&t| tokens[t].kind == TokenKind::Word))
            .filter(|&t| self.is_capitalised(t))
            .map(|t| self.lw(t))
            .collect();
        let mut common = Set::default();
        // A cheap test first, a filter of the candidates' hashes: most
        // words are no candidate. Found candidates leave the filter, so
        // that `the` is not looked up again at every turn once `The` is
        // known to be common.
        let mut filter = HashFilter::new(&remaining);
        let text = self.tokens.text();
        for (t, shape) in self.class.iter().enumerate() {
            if remaining.is_empty() {
                break;
            }
            // A word not capitalised (`is_word(t) && !is_capitalised(t)`).
            if shape.get() & (class::WORD | class::CAPITALISED) != class::WORD {
                continue;
            }
            let lw = self.lower[t];
            if !filter.may_contain(lw) || !remaining.contains(lw) {
                continue;
            }
            if text[self.tokens.tokens[t].span().range()].starts_with(char::is_lowercase) {
                remaining.remove(lw);
                filter.remove(lw);
                common.insert(lw);
            }
        }
        common
    }

    /// Whether token `t` is capitalised and a word the text has used as a
    /// surname: `“…,” said Baron`, `From said` are names in an article that
    /// named `Ruth Baron` or `Ann From`, though the words are also a title
    /// or a preposition.
    pub(crate) fn is_known_surname(&self, t: usize) -> bool {
        self.is_capitalised(t)
            && self
                .surnames
                .get_or_init(|| self.surnames_after_given_names())
                .contains(self.lw(t))
    }

    /// The second words of two-word names that open with a given name
    /// (`Ivy Read said`): a capitalised word between a given name and a
    /// word in lower case or punctuation.
    fn surnames_after_given_names(&self) -> Set<&'a str> {
        let mut out = Set::default();
        let capitalised = |c: &Cell<u32>| c.get() & class::CAPITALISED != 0;
        let mut pair_at = |t: usize| {
            // The lexicon only for a pair of capitalised words before one
            // without a capital: the shapes say so at once.
            if self.has(t - 1, class::FIRST_NAME) && !self.has(t - 1, class::TITLE) {
                out.insert(self.lw(t));
            }
        };
        // Each token with the one before and the one after; the last has
        // none after it.
        for (k, around) in self.class.windows(3).enumerate() {
            // One branch, seldom taken, not one a token on whether it is
            // capitalised (`&`, not `&&`).
            if capitalised(&around[1]) & capitalised(&around[0]) & !capitalised(&around[2]) {
                pair_at(k + 1);
            }
        }
        if let [.., before, last] = &self.class[..] {
            if capitalised(last) && capitalised(before) {
                pair_at(self.class.len() - 1);
            }
        }
        out
    }

    /// Whether token `t` has any of the class `bits`. Inlined: most asks
    /// are answered by the bits at hand; the lexicon is looked up once a
    /// token, out of line.
    #[inline]
    pub(crate) fn has(&self, t: usize, bits: u32) -> bool {
        let Some(cell) = self.class.get(t) else {
            return false;
        };
        let mut c = cell.get();
        if bits & !class::SHAPE != 0 && c & class::LOOKED_UP == 0 {
            c = self.look_up(t, cell);
        }
        c & bits != 0
    }

    /// Adds the lexicon's classes to token `t`'s bits, and returns them.
    #[inline(never)]
    fn look_up(&self, t: usize, cell: &Cell<u32>) -> u32 {
        let mut c = cell.get();
        if c & class::WORD != 0 {
            c |= lexicon_classes(self.lw(t), self.padded(t), self.extra_verbs);
        }
        c |= class::LOOKED_UP;
        cell.set(c);
        c
    }

    /// Whether token `t` is a noun that heads a description of a speaker.
    pub(crate) fn role_at(&self, t: usize) -> bool {
        self.has(t, class::ROLE)
    }

    /// Whether token `t` is a function word (never heads a phrase).
    pub(crate) fn function_at(&self, t: usize) -> bool {
        self.has(t, class::FUNCTION)
    }

    /// Whether token `t` is a determiner.
    pub(crate) fn determiner_at(&self, t: usize) -> bool {
        self.has(t, class::DETERMINER)
    }

    /// Whether token `t` is the first word of its sentence.
    pub(crate) fn starts_sentence(&self, t: usize) -> bool {
        self.has(t, class::SENTENCE_START)
    }

    /// Whether token `t` is a word the text also writes in lower case, at
    /// the start of a sentence: a common word capitalised by its place.
    pub(crate) fn is_common_at_sentence_start(&self, t: usize) -> bool {
        self.has(t, class::SENTENCE_START)
            && self.is_capitalised(t)
            && !self.has(t, class::FIRST_NAME)
            && self.written_in_lower_case(self.lw(t))
    }

    /// Whether the text writes the word `lw` (lower-cased) in lower case
    /// somewhere. An article asks this of a few words: each of the first
    /// [`COMMON_SEARCHES`] is answered by a search of the text, and only a
    /// text that asks more pays for the set of all the answers (a search
    /// reads the whole text: a thousand of them would not be linear). A
    /// text longer than [`COMMON_SEARCH_BYTES`] has the set at once: it
    /// would be read from memory at each search, not from the cache.
    fn written_in_lower_case(&self, lw: &'a str) -> bool {
        let mut common = self.common.borrow_mut();
        let asked = match &mut *common {
            Common::All(set) => return set.contains(lw),
            Common::Asked(asked) => asked,
        };
        if let Some(&(_, answer)) = asked.iter().find(|(word, _)| *word == lw) {
            return answer;
        }
        if asked.len() < COMMON_SEARCHES && self.tokens.text().len() <= COMMON_SEARCH_BYTES {
            let answer = self.search_lower_case(lw);
            asked.push((lw, answer));
            return answer;
        }
        let all = self.common_sentence_starts();
        let answer = all.contains(lw);
        *common = Common::All(all);
        answer
    }

    /// Whether a token is the word `lw` written in lower case: found by
    /// its bytes in the lower-cased text, where an ASCII word is written as
    /// it is in `lw` wherever the text has it, whatever its capitals (and
    /// an apostrophe as `'` or `’`).
    fn search_lower_case(&self, lw: &str) -> bool {
        let apostrophes = lw.bytes().filter(|&b| b == b'\'').count();
        // A word with other characters may be written otherwise (and one
        // of two apostrophes in either way): its tokens are compared one
        // by one.
        if !lw.is_ascii() || apostrophes > 1 {
            return (0..self.len()).any(|t| self.lw(t) == lw && self.is_written_in_lower_case(t));
        }
        let found = |pattern: &str| {
            let tokens = &self.tokens.tokens;
            let text = self.tokens.text().as_bytes();
            memchr::memmem::find_iter(self.lower_text().as_bytes(), pattern.as_bytes()).any(|at| {
                // Most places write it capitalised, like the question: those
                // are passed over before the token is looked for.
                if !text[at].is_ascii_lowercase() {
                    return false;
                }
                let t = tokens.partition_point(|token| token.span().start < at);
                tokens
                    .get(t)
                    .is_some_and(|token| token.span() == Span::new(at, at + pattern.len()))
                    && self.is_written_in_lower_case(t)
            })
        };
        found(lw) || apostrophes == 1 && found(&lw.replace('\'', "’"))
    }

    /// Whether token `t` is a word that starts with a lower-case letter.
    fn is_written_in_lower_case(&self, t: usize) -> bool {
        self.is_word(t) && !self.is_capitalised(t) && self.str(t).starts_with(char::is_lowercase)
    }

    /// How many of the tokens are words.
    pub(crate) fn word_count(&self) -> usize {
        self.word_count
    }

    pub(crate) fn len(&self) -> usize {
        self.class.len()
    }

    /// The text with its ASCII letters in lower case: a span of it is the
    /// lower-cased form of an ASCII span of the text.
    pub(crate) fn lower_text(&self) -> &'a str {
        &self.buffer[..self.tokens.text().len()]
    }

    /// The bytes of the buffer from the start of token `t`'s lower-cased
    /// form on: its form and at least [`PADDING`] more.
    fn padded(&self, t: usize) -> &'a [u8] {
        let form = self.lw(t).as_ptr();
        let buffer = self.buffer.as_bytes();
        // The form is a span of the buffer: its offset is the distance.
        let start = (form as usize).wrapping_sub(buffer.as_ptr() as usize);
        buffer.get(start..).unwrap_or_default()
    }

    /// The lower-cased text of token `t` (empty past the end).
    pub(crate) fn lw(&self, t: usize) -> &'a str {
        self.lower.get(t).copied().unwrap_or("")
    }

    pub(crate) fn str(&self, t: usize) -> &'h str {
        self.tokens.str(t)
    }

    pub(crate) fn is_word(&self, t: usize) -> bool {
        self.has(t, class::WORD)
    }

    pub(crate) fn is_mark(&self, t: usize) -> bool {
        self.has(t, class::MARK)
    }

    /// Whether token `t` is a word starting with a capital letter.
    pub(crate) fn is_capitalised(&self, t: usize) -> bool {
        self.has(t, class::CAPITALISED)
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        let t = &self.tokens.tokens;
        Span::new(t[a].span().start, t[b.max(a + 1) - 1].span().end)
    }

    /// The lower-cased words of tokens `a..b`.
    pub(crate) fn lower_words(&self, a: usize, b: usize) -> Vec<&'a str> {
        (a..b).filter(|&t| self.is_word(t)).map(|t| self.lw(t)).collect()
    }

    /// Whether token `t` has the form of a participle (`saying`,
    /// `adding`): it opens a clause of its own rather than reporting one.
    pub(crate) fn is_participle(&self, t: usize) -> bool {
        self.lw(t).ends_with("ing")
    }

    pub(crate) fn is_reporting_verb(&self, t: usize) -> bool {
        self.has(t, class::REPORTING_VERB)
    }

    /// Whether token `t` is a reporting verb used as a verb here: not a
    /// capitalised word inside a sentence (`United States`), and not a noun
    /// after a determiner or possessive (`the woman's quotes`, `Kim's
    /// mental state`).
    pub(crate) fn is_cue_verb(&self, t: usize) -> bool {
        if !self.is_reporting_verb(t) {
            return false;
        }
        let sentence_start = t == 0 || !self.is_word(t - 1);
        if self.is_capitalised(t) && (!sentence_start || self.is_known_surname(t)) {
            return false;
        }
        let lw = self.lw(t);
        // Past tenses and participles are verbs wherever they stand.
        if is_clear_verb_form(lw) {
            return true;
        }
        let opens_noun_phrase = |p: usize| self.determiner_at(p) || is_possessive(self, p);
        let after_determiner = t >= 1 && opens_noun_phrase(t - 1);
        let after_modifier = t >= 2
            && self.is_word(t - 1)
            && !self.is_capitalised(t - 1)
            && !self.function_at(t - 1)
            && !self.role_at(t - 1)
            && opens_noun_phrase(t - 2);
        !after_determiner && !after_modifier && !self.ends_compound_noun(t)
    }

    /// `a court order`, `the campaign message`: a verb's base form after a
    /// singular noun cannot agree with it, so it is the last noun of a
    /// compound (`the police say` agrees: `police` is plural).
    fn ends_compound_noun(&self, t: usize) -> bool {
        if t == 0 || !self.has(t, class::VERB_BASE) {
            return false;
        }
        let noun = t - 1;
        // `the TV show`, `a Fox poll`: a capitalised noun after a determiner
        // too (`Democrats say` has none).
        let common = !self.is_capitalised(noun) || noun > 0 && self.determiner_at(noun - 1);
        self.is_word(noun)
            && common
            && !self.function_at(noun)
            && !self.has(noun, class::PLURAL_NOUN | class::AUXILIARY)
            && !self.lw(noun).ends_with('s')
            && self.lw(noun).chars().all(char::is_alphabetic)
    }
}

/// How many distinct words [`Words::written_in_lower_case`] answers by a
/// search of the text each, before it makes the set of all the answers.
const COMMON_SEARCHES: usize = 32;

/// The longest text that [`Words::written_in_lower_case`] searches rather
/// than making the set at once: a long article, well inside the caches.
const COMMON_SEARCH_BYTES: usize = 64 * 1024;

/// The answers of [`Words::written_in_lower_case`]: those asked so far, or
/// the set of all the sentence-opening words it holds true of.
enum Common<'a> {
    Asked(Vec<(&'a str, bool)>),
    All(Set<&'a str>),
}

/// The slot of `word` in a filter of `mask + 1` slots ([`HashFilter`],
/// [`BitFilter`]): a hash of the word's length and first, second and last
/// bytes, cheap, and words that share all four are few.
fn filter_slot(word: &str, mask: usize) -> usize {
    let b = word.as_bytes();
    let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    let key = b.len() as u64 | byte(0) << 16 | byte(1) << 24 | byte(b.len().wrapping_sub(1)) << 32;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
}

/// A filter of the hashes of a set of words (a counting Bloom filter with
/// one hash): `may_contain` is false for most words not in the set, at the
/// cost of a cheap hash, and words can leave it.
struct HashFilter {
    /// How many words hash to each slot; a full count stays full.
    counts: Vec<u16>,
    mask: usize,
}

impl HashFilter {
    fn new(words: &Set<&str>) -> HashFilter {
        // About 16 slots a word keeps false positives near one in 16.
        let n = (words.len() * 16).next_power_of_two().max(512);
        let mut filter = HashFilter {
            counts: vec![0; n],
            mask: n - 1,
        };
        for w in words {
            let h = filter.slot(w);
            filter.counts[h] = filter.counts[h].saturating_add(1);
        }
        filter
    }

    fn slot(&self, word: &str) -> usize {
        filter_slot(word, self.mask)
    }

    fn may_contain(&self, word: &str) -> bool {
        self.counts[self.slot(word)] > 0
    }

    /// Takes out a word that was in the set.
    fn remove(&mut self, word: &str) {
        let h = self.slot(word);
        if self.counts[h] < u16::MAX {
            self.counts[h] -= 1;
        }
    }
}

/// The classes of every word the lexicon and the lists above know, in
/// one table, so that a token's classes cost one lookup.
pub(super) static WORD_CLASSES: LazyLock<WordClasses> = LazyLock::new(|| WordClasses::new(word_class_map()));

/// The classes of every word the lexicon and the lists above know.
pub(super) fn word_class_map() -> Map<&'static str, u32> {
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

/// [`WORD_CLASSES`]: the words of up to 15 bytes by their bytes packed into
/// two integers (with the length), in an open-addressed table whose slots
/// hold the keys themselves, so that a lookup is a multiplication and,
/// mostly, one slot compared; longer words by their text.
pub(super) struct WordClasses {
    /// Packed word and classes.
    slots: Vec<((u64, u64), u32)>,
    /// A byte for each slot: 0 for an empty one, else seven bits of its
    /// key's hash with the high bit set. A probe reads these first: most
    /// words asked about are not in the lists, and their probe ends at an
    /// empty slot found in this small vector (8 KB, in the nearest cache)
    /// rather than in the slots (200 KB, often not).
    tags: Vec<u8>,
    /// The slots' count minus one (a power of two minus one).
    mask: usize,
    long: Map<&'static str, u32>,
}

impl WordClasses {
    fn new(map: Map<&'static str, u32>) -> WordClasses {
        // At most two thirds full, so that a probe seldom runs on.
        let size = (map.len() * 3 / 2 + 1).next_power_of_two();
        let mut classes = WordClasses {
            slots: vec![((0, 0), 0); size],
            tags: vec![0; size],
            mask: size - 1,
            long: Map::default(),
        };
        for (word, bits) in map {
            match pack(word) {
                Some(key) => {
                    let (mut i, tag) = classes.slot_and_tag(key);
                    while classes.tags[i] != 0 {
                        i = (i + 1) & classes.mask;
                    }
                    classes.slots[i] = (key, bits);
                    classes.tags[i] = tag;
                }
                None => {
                    classes.long.insert(word, bits);
                }
            }
        }
        classes
    }

    /// Where a key's probe starts, and the tag of its slot.
    fn slot_and_tag(&self, key: (u64, u64)) -> (usize, u8) {
        let hash = (key.0 ^ key.1.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        ((hash >> 32) as usize & self.mask, (hash >> 57) as u8 | 0x80)
    }

    /// The classes of `word` (none if the lists do not know it).
    pub(super) fn get(&self, word: &str) -> u32 {
        match pack(word) {
            Some(key) => self.get_packed(key),
            None => self.long.get(word).copied().unwrap_or(0),
        }
    }

    /// [`get`](Self::get) of `word`, whose bytes are followed by at least
    /// 16 more in `padded` (which starts with them): a short word is
    /// packed by two loads instead of byte by byte.
    fn get_padded(&self, word: &str, padded: &[u8]) -> u32 {
        match pack_padded(word.len(), padded) {
            Some(key) => self.get_packed(key),
            None => self.get(word),
        }
    }

    fn get_packed(&self, key: (u64, u64)) -> u32 {
        let (mut i, tag) = self.slot_and_tag(key);
        loop {
            match self.tags[i] {
                0 => return 0,
                t if t == tag && self.slots[i].0 == key => return self.slots[i].1,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// A word of at most 15 bytes as two integers: its first eight bytes, and
/// the rest with the length in the top byte (zero-padded, little-endian).
pub(super) fn pack(word: &str) -> Option<(u64, u64)> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let (low, high) = bytes.split_at(bytes.len().min(8));
    Some((le_word(low), le_word(high) | (bytes.len() as u64) << 56))
}

/// [`pack`] of the first `len` bytes of `padded`, which has at least 16
/// (`None` for a longer word, or fewer bytes).
pub(super) fn pack_padded(len: usize, padded: &[u8]) -> Option<(u64, u64)> {
    let (Some(low), Some(high)) = (padded.get(..8), padded.get(8..16)) else {
        return None;
    };
    if len > 15 {
        return None;
    }
    // The low `bytes` bytes of a little-endian word.
    let keep = |bytes: usize| {
        if bytes >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * bytes)) - 1
        }
    };
    let low = u64::from_le_bytes(low.try_into().ok()?) & keep(len);
    let high = u64::from_le_bytes(high.try_into().ok()?) & keep(len.saturating_sub(8));
    Some((low, high | (len as u64) << 56))
}

/// Up to eight bytes as a little-endian integer, zero-padded.
fn le_word(bytes: &[u8]) -> u64 {
    match bytes.len() {
        0 => 0,
        8 => u64::from_le_bytes(bytes.try_into().unwrap_or_default()),
        _ => tail_word(bytes),
    }
}

/// Bytes after the last form of [`Words::buffer`], so that the 16 bytes
/// from the start of any form can be read at once ([`pack_padded`]).
const PADDING: usize = 16;

/// Pushes `word` in lower case, with `’` as `'`. Mostly ASCII letters
/// around a `’`: those without the Unicode tables.
fn push_lower_case(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '’' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The classes a token's shape and place give: word, mark, capitalised,
/// and [`class::OF`]; `lower` is the lower-cased text, with at least a byte
/// after it. The same as [`shape`] (and a comparison with `of`), without a
/// branch for most tokens: the classes of the token's kind from a table,
/// the capital from the first byte, `of` from the length and two bytes.
#[inline]
pub(super) fn shape_bits(kind: TokenKind, text: &str, lower: &[u8], span: Span) -> u32 {
    const BY_KIND: [u32; 3] = [class::WORD, class::MARK | class::LOOKED_UP, class::LOOKED_UP];
    let k = match kind {
        TokenKind::Word => 0,
        TokenKind::Mark(_) => 1,
        TokenKind::Punct => 2,
    };
    let first = text.as_bytes().get(span.start).copied().unwrap_or(0);
    // A handle's or a non-ASCII word's capital is told by its characters.
    let bits = if (k == 0) & (first >= 0x80 || first == b'@' || first == b'#') {
        shape(kind, text, span)
    } else {
        BY_KIND[k] | (u32::from((k == 0) & first.is_ascii_uppercase()) * class::CAPITALISED)
    };
    // `of` in any capitals (`’` makes a form longer, never `of`).
    let two = match lower.get(span.start..span.start + 2) {
        Some(&[a, b]) => u16::from_le_bytes([a, b]),
        _ => 0,
    };
    let of = u32::from(span.len() == 2) & u32::from(two == u16::from_le_bytes(*b"of"));
    bits | (of * class::OF)
}

/// The classes a token's shape gives: word, mark, capitalised.
#[inline]
pub(super) fn shape(kind: TokenKind, text: &str, span: Span) -> u32 {
    match kind {
        TokenKind::Mark(_) => class::MARK | class::LOOKED_UP,
        TokenKind::Punct => class::LOOKED_UP,
        TokenKind::Word => {
            let first = text.as_bytes().get(span.start).copied().unwrap_or(0);
            let capitalised = if first.is_ascii_alphanumeric() {
                first.is_ascii_uppercase()
            } else {
                let s = &text[span.range()];
                if first.is_ascii() {
                    matches!(first, b'@' | b'#') && s[1..].starts_with(char::is_uppercase)
                } else {
                    s.starts_with(char::is_uppercase)
                }
            };
            if capitalised {
                class::WORD | class::CAPITALISED
            } else {
                class::WORD
            }
        }
    }
}

/// The classes the lexicon gives a word (lower-cased).
fn lexicon_classes(lw: &str, padded: &[u8], extra_verbs: &HashSet<String>) -> u32 {
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

pub(crate) fn is_definite(w: &Words<'_, '_>, start: usize) -> bool {
    matches!(w.lw(start), "the" | "this" | "that")
}

fn is_title(word: &str) -> bool {
    LEXICON.titles.contains_key(word.trim_end_matches('.'))
}

fn is_role(word: &str) -> bool {
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

/// [`role_of`] token `t`'s word, past a test of its bits: a word that the
/// lists hold as a role or relation noun (or an age) has the `ROLE` class,
/// and one without it is none (the lists hold no words with dots, which
/// the classes read without one), so most words need no lookup.
pub(crate) fn role_of_token(w: &Words<'_, '_>, t: usize) -> Option<Role> {
    if !w.role_at(t) {
        return None;
    }
    role_of(w.lw(t))
}

/// Whether token `t` can be part of a name: a capitalised word that is not
/// a function word, a joiner between two such words, or an initial's dot.
fn name_word(w: &Words<'_, '_>, t: usize) -> bool {
    w.is_capitalised(t) && (!w.has(t, class::NOT_NAME) || w.is_known_surname(t))
}

/// Whether token `t` can be the first word of a name. `Said Ellis: “…”`:
/// a capitalised reporting verb that opens a sentence opens no name
/// (unless it is also a given name, like `Mark`); inside a sentence it is
/// a name (`spokeswoman Hope Hicks`).
fn can_start_name(w: &Words<'_, '_>, t: usize) -> bool {
    name_word(w, t)
        && (!w.is_reporting_verb(t) || !w.starts_sentence(t) || w.has(t, class::FIRST_NAME) || w.is_known_surname(t))
}

/// The name that starts at token `t`, if one does: a run of capitalised
/// words (with joiners and initials), minus leading titles. The run keeps
/// its titles; the name proper does not.
#[inline]
pub(crate) fn name_at(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // Most tokens cannot start a name: the cheapest test first, inline
    // (this runs at every token), then the full one.
    if !w.is_capitalised(t) || !can_start_name(w, t) {
        return None;
    }
    // Not inside a name; but after a possessive a new name starts
    // (`Fieldwork’s Nora Quint`).
    // (A capital first, inline: most tokens before a name have none.)
    if t > 0 && w.is_capitalised(t - 1) && can_start_name(w, t - 1) && !is_possessive(w, t - 1) {
        return None;
    }
    name_run_from(w, t, limit)
}

/// The name that starts at token `t`, whatever stands before it (a
/// capitalised title: `Chief Dan Orr`).
fn name_run(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    if !can_start_name(w, t) {
        return None;
    }
    name_run_from(w, t, limit)
}

/// [`name_run`] at a token `t` known to be able to start a name (which
/// [`name_at`] has just tested: not tested twice).
fn name_run_from(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let mut end = t + 1;
    loop {
        // A possessive ends the name: `Mr. Reilly's well-known temper`.
        if is_possessive(w, end - 1) {
            break;
        }
        if end < limit && name_word(w, end) {
            end += 1;
        } else if end + 2 < limit && is_initial(w, end) && name_word(w, end + 2) {
            // `Jock A. Finlayson`: an initial that is also a word.
            end += 3;
        } else if end + 1 < limit
            && w.lw(end) == "."
            && w.str(end - 1).len() <= 3
            && name_word(w, end + 1)
            && w.is_capitalised(end - 1)
        {
            // `John F. Kennedy`, `Mr. Obama`.
            end += 2;
        } else if end + 1 < limit
            && w.has(end, class::NAME_JOINER)
            && name_word(w, end + 1)
            && !w.is_capitalised(end)
            && !person_then_of(w, t, end)
        {
            end += 2;
        } else if let Some(next) = org_continues_after_and(w, end, limit) {
            end = next;
        } else {
            break;
        }
    }
    // `Tory candidate`, `Chinese authorities`: a capitalised modifier of a
    // role noun is part of a description, not a name.
    if modifies_role(w, end, limit, end == t + 1) {
        return None;
    }
    // A single word at a sentence start may be a common word or open a
    // phrase (the test only there: most runs are longer or inside their
    // sentence).
    if end == t + 1 && w.starts_sentence(t) && opens_sentence_unnamed(w, t) {
        return None;
    }
    np_for_run(w, t, end)
}

/// Whether the one capitalised word at `t`, the first of its sentence,
/// names no one: `Wealthy donors…`, `Reached by phone, …`, `Hastily, …`
/// (a word that the text also writes in lower case, or an adverb), or
/// `Growing up in Harlow, Mistry…` (a participle that opens the sentence's
/// introductory phrase).
fn opens_sentence_unnamed(w: &Words<'_, '_>, t: usize) -> bool {
    // (An adverb is followed by its comma or a preposition: `Hastily, …`,
    // `Shortly after…`, not `Reilly apologised`.)
    let adverb = w.lw(t).ends_with("ly")
        && (w.lw(t + 1) == "," || w.has(t + 1, class::ATTACHER) || matches!(w.lw(t + 1), "after" | "before"))
        && !w.has(t, class::FIRST_NAME);
    let opens_phrase = adverb || opens_participle_phrase(w, t);
    // (The bits first: a given name is no common word. Then the surname
    // test, a lookup, where the other may search the text.)
    (opens_phrase || !w.has(t, class::FIRST_NAME))
        && !w.is_known_surname(t)
        && (opens_phrase || w.is_common_at_sentence_start(t))
}

/// Whether the capitalised run `start..of` is a person's name and token
/// `of` the `of` after it: `Bank of England` is one name, but `Lee Zeldin
/// of New York` is a person (a given name says so) and where he is from.
fn person_then_of(w: &Words<'_, '_>, start: usize, of: usize) -> bool {
    w.lw(of) == "of" && (start..of).any(|t| w.has(t, class::FIRST_NAME) && w.is_capitalised(t))
}

/// Whether token `t` is one capital letter and a dot: an initial.
fn is_initial(w: &Words<'_, '_>, t: usize) -> bool {
    w.is_capitalised(t) && w.str(t).len() == 1 && w.lw(t + 1) == "."
}

/// `Saltmarsh Fire and Rescue Service`: an `and` inside an organisation's
/// name, when the capitalised words after it end in a word of
/// organisations. (`Smith and Jones said` stays two names.) The end of the
/// run after the `and`, if so.
fn org_continues_after_and(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<usize> {
    if w.lw(t) != "and" || t + 1 >= limit || !name_word(w, t + 1) {
        return None;
    }
    let mut end = t + 1;
    while end < limit && end < t + 6 && name_word(w, end) {
        end += 1;
    }
    LEXICON.org_words.contains(w.lw(end - 1)).then_some(end)
}

/// Whether a capitalised run ending before `t` (`one_word` long or more)
/// modifies a role noun that follows within three lower-case words: `Tory
/// mayoral candidate`, `Republican presidential nominee`.
fn modifies_role(w: &Words<'_, '_>, t: usize, limit: usize, one_word: bool) -> bool {
    // A reporting verb ends the search, unless it is a text that speaks
    // too and the run one word: `the IMF report stated`, `a CNN poll
    // found` (but `the Hillary Clinton email` keeps the name).
    let text_noun = |u: usize| one_word && role_of_token(w, u).is_some_and(|r| r.sort == Sort::Document);
    (t..limit.min(t + 3))
        .take_while(|&u| {
            w.is_word(u) && !w.is_capitalised(u) && !w.function_at(u) && (!w.is_reporting_verb(u) || text_noun(u))
        })
        .any(|u| w.role_at(u))
}

/// Sorts a capitalised run `start..end` into a name (titles stripped) or a
/// capitalised description (`Foreign Secretary`).
fn np_for_run(w: &Words<'_, '_>, start: usize, end: usize) -> Option<Np> {
    // The name proper starts after the last title or role word.
    let mut name_start = start;
    for t in start..end {
        // (One test of the bits for both first: most words are neither.)
        if w.has(t, class::TITLE | class::PERSON_ROLE) && (w.has(t, class::TITLE) || t + 1 < end) {
            name_start = t + 1;
        }
    }
    while name_start < end && (!w.is_word(name_start) || w.has(name_start, class::NAME_JOINER)) {
        name_start += 1;
    }
    if name_start >= end && (surname_like_title(w, start, end) || end == start + 1 && w.is_known_surname(start)) {
        // `Ms. King`, `Nora King`: a title word after an honorific or a
        // given name is the surname; the name proper starts after the
        // titles before it.
        name_start = (start..end - 1)
            .rev()
            .find(|&t| w.has(t, class::TITLE) || w.has(t, class::PERSON_ROLE))
            .map_or(start, |t| t + 1);
        while name_start < end - 1 && !w.is_word(name_start) {
            name_start += 1;
        }
    }
    if name_start >= end {
        // All titles: `Foreign Secretary` used as a description.
        let head = (start..end).rev().find(|&t| w.is_word(t))?;
        return w.role_at(head).then_some(Np {
            start,
            end,
            kind: NpKind::Description { head },
        });
    }
    // A lone capitalised word that is a common noun at a sentence start
    // (`Officials said`) is not a name.
    if end - name_start == 1 && w.role_at(name_start) && name_start == start {
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
            name: w.span(name_start, end),
        },
    })
}

/// Whether the last word of the run `start..end`, a title, is a surname:
/// an honorific (`Mr. King`) or a given name (`Ruth Baron`) stands right
/// before it.
fn surname_like_title(w: &Words<'_, '_>, start: usize, end: usize) -> bool {
    let last = end - 1;
    let Some(before) = (start..last).rev().find(|&t| w.is_word(t)) else {
        return false;
    };
    let honorific = matches!(
        w.lw(before).trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "miss" | "mx" | "dr"
    );
    w.is_word(last) && (honorific || w.has(before, class::FIRST_NAME) && !w.has(before, class::TITLE))
}

/// Whether the capitalised run of `np` has a reporting verb in it: a
/// headline in title case (`Tobin Says Council Broke Rules:`), not a
/// name.
pub(crate) fn is_headline_run(w: &Words<'_, '_>, np: &Np) -> bool {
    (np.start..np.end).any(|t| w.is_reporting_verb(t))
}

/// A name's words, tidied: the possessive `’s` dropped, dots of titles kept
/// out, white space single.
pub(crate) fn clean_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().map(|w| w.trim_start_matches('@')).collect();
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

/// A [`HashFilter`] of a list that does not change: a bit a slot rather
/// than a count, so that the filter of the places (2 KB rather than 32)
/// stays in the nearest cache between the names that ask it.
struct BitFilter {
    bits: Vec<u64>,
    mask: usize,
}

impl BitFilter {
    fn new<'w>(words: impl Iterator<Item = &'w str> + Clone) -> BitFilter {
        // As many slots as a `HashFilter` of the words has.
        let n = (words.clone().count() * 16).next_power_of_two().max(512);
        let mut filter = BitFilter {
            bits: vec![0; n / 64],
            mask: n - 1,
        };
        for w in words {
            let h = filter.slot(w);
            filter.bits[h / 64] |= 1 << (h % 64);
        }
        filter
    }

    fn slot(&self, word: &str) -> usize {
        filter_slot(word, self.mask)
    }

    fn may_contain(&self, word: &str) -> bool {
        let h = self.slot(word);
        self.bits[h / 64] >> (h % 64) & 1 != 0
    }
}

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
    if acronym || words.any(|w| org_words.may_contain(w) && LEXICON.org_words.contains(w)) {
        Sort::Organisation
    } else {
        Sort::Person
    }
}

/// The gender that titles between `start` and `name_start` give (`Mr`,
/// `Mrs`).
#[inline]
pub(crate) fn title_gender(w: &Words<'_, '_>, start: usize, name_start: usize) -> Gender {
    // Most names have no title: nothing to read.
    if start >= name_start {
        return Gender::Unknown;
    }
    titles_gender(w, start, name_start)
}

/// [`title_gender`] of a name with titles.
fn titles_gender(w: &Words<'_, '_>, start: usize, name_start: usize) -> Gender {
    (start..name_start.min(w.len()))
        .filter(|&t| w.has(t, class::TITLE))
        .filter_map(|t| LEXICON.titles.get(w.lw(t).trim_end_matches('.')).copied())
        .find(|g| *g != Gender::Unknown)
        .unwrap_or(Gender::Unknown)
}

/// The tokens of the role words right before a name: `Tory candidate` in
/// `Labour candidate Mr Reilly`, `Foreign Secretary` in `Foreign Secretary
/// Dominic Raab` (tokens, not a vector of their words: most names have
/// none).
pub(crate) fn role_words_before(w: &Words<'_, '_>, name_start: usize) -> Range<usize> {
    let none = name_start..name_start;
    // Titles inside the run itself: `Foreign Secretary Ann Ruiz`.
    let mut t = name_start;
    while t > 0 {
        let prev = t - 1;
        // (A determiner or reporting verb ends the words: one test of the
        // token's bits for both.)
        if !w.is_word(prev) || w.has(prev, class::DETERMINER | class::REPORTING_VERB) {
            break;
        }
        let lw = w.lw(prev);
        let keep = w.has(prev, class::ROLE | class::TITLE | class::CAPITALISED)
            || is_loose_modifier(lw)
            || lw.as_bytes().contains(&b'-');
        if !keep {
            break;
        }
        t = prev;
    }
    // Keep only what ends in a role or title word, without honorifics.
    let mut end = name_start;
    while end > t
        && matches!(
            w.lw(end - 1),
            "mr" | "mrs" | "ms" | "miss" | "dr" | "mr." | "mrs." | "ms." | "dr."
        )
    {
        end -= 1;
    }
    if end > t && role_or_title_at(w, end - 1) {
        t..end
    } else {
        none
    }
}

/// Whether word token `t` is a role noun or a title: [`is_role`] or
/// [`is_title`] of its word, read off the token's classes (looked up once
/// a token) rather than hashed again. The classes read a word without one
/// dot at its end and the lists hold no words with dots, so a word with
/// one is a role noun for neither; a title is read without all its dots,
/// the classes' key without one: a word with two is asked of the list.
fn role_or_title_at(w: &Words<'_, '_>, t: usize) -> bool {
    let lw = w.lw(t);
    if lw.ends_with("..") {
        return is_role(lw) || is_title(lw);
    }
    (w.has(t, class::ROLE) && !lw.ends_with('.')) || w.has(t, class::TITLE)
}

/// The description in an appositive right after a name: `, the Foreign
/// Secretary,` or `, a former diplomat,`.
#[inline]
pub(crate) fn appositive_after<'a>(w: &Words<'a, '_>, name_end: usize) -> Option<Vec<&'a str>> {
    // Most names have no comma after them: the test inline, the search
    // out of line.
    if w.lw(name_end) != "," {
        return None;
    }
    appositive_after_comma(w, name_end)
}

/// [`appositive_after`] of a name followed by a comma.
fn appositive_after_comma<'a>(w: &Words<'a, '_>, name_end: usize) -> Option<Vec<&'a str>> {
    let np = np_right(w, name_end + 1, (name_end + 12).min(w.len()))?;
    let NpKind::Description { head } = np.kind else {
        return None;
    };
    // An appositive is set off: punctuation closes it, or a phrase that
    // places it (`, a former head of the port authority,`) or adds to
    // it (`, a lawyer and trustee of the…,`). `In Marlowe, the
    // farmers cheered` is a new clause, not Marlowe described.
    if w.is_word(np.end) && !w.has(np.end, class::ATTACHER) && w.lw(np.end) != "and" {
        return None;
    }
    let mut words = w.lower_words(np.start, head + 1);
    if words.first().is_some_and(|d| is_determiner(d)) {
        words.remove(0);
    }
    Some(words)
}

/// Whether an `of` stands two or three tokens after `t`, where a relation
/// description starting at `t` has it (`the wife of`, `the late wife
/// of`): most tokens have none, and start no relation.
#[inline]
pub(crate) fn of_follows(w: &Words<'_, '_>, t: usize) -> bool {
    w.has(t + 2, class::OF) || w.has(t + 3, class::OF)
}

/// A relation description at token `t`, `the wife of Michael X`, if one
/// starts there.
pub(crate) fn relation_at(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // The `of` first: it rules out almost every token without a lexicon
    // lookup (this runs at every token outside quotes).
    let relation_near =
        (t + 1..limit.min(t + 3)).any(|u| w.has(u + 1, class::OF) && w.has(u, class::RELATION)) && w.determiner_at(t);
    if !relation_near {
        return None;
    }
    np_right(w, t, limit).filter(|np| matches!(np.kind, NpKind::Relation { .. }))
}

/// Whether `lw` can be a pronoun of [`pronoun_agreement`], by its length
/// and first letter: at most four letters and a contraction's three
/// (`they've`), and `h`, `s`, `i`, `t` or `w` first. Most words are not,
/// and need no look at their contractions.
pub(crate) fn may_be_pronoun(lw: &str) -> bool {
    lw.len() <= 7 && matches!(lw.as_bytes().first(), Some(b'h' | b's' | b'i' | b't' | b'w'))
}

/// The noun phrase that starts at token `t`: a pronoun, a name, or a
/// description (`the Tory mayoral candidate`, `a spokesman for the
/// ministry`, `the wife of Michael X`).
pub(crate) fn np_right(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // A phrase is short: the bound keeps the search (and its recursion into
    // `of …` phrases) small whatever the text.
    let limit = limit.min(t + MAX_PHRASE_TOKENS);
    if t >= limit || !w.is_word(t) {
        return None;
    }
    if may_be_pronoun(w.lw(t)) && pronoun_agreement(w.lw(t)).is_some() {
        return Some(Np {
            start: t,
            end: t + 1,
            kind: NpKind::Pronoun,
        });
    }
    let name_here = name_at(w, t, limit);
    if let Some(np) = name_here {
        if is_possessive(w, np.end - 1) && w.is_capitalised(np.end) {
            // `Fieldwork’s Nora B. Quint`, `Britain’s Prime Minister Jo
            // Lee`: the name after the possessive is the person's.
            if let Some(
                owned @ Np {
                    kind: NpKind::Name { .. },
                    ..
                },
            ) = name_at(w, np.end, limit)
            {
                return Some(Np { start: t, ..owned });
            }
        }
        if !(is_possessive(w, np.end - 1) && w.is_word(np.end) && !w.is_capitalised(np.end)) {
            return Some(np);
        }
    }
    // `former Sen. Evan Bayh`, `panel Chairman Rep. Jo Lee`: lower-case
    // modifiers before a name.
    if let Some(name) = name_after_modifiers(w, t, limit) {
        return Some(name);
    }
    // A description: determiner, modifiers, head role noun.
    let mut u = t;
    if w.determiner_at(u) || w.lw(u).ends_with("'s") {
        u += 1;
        // `the Rev. Peter Wherry`, `The New York Times`, and past
        // modifiers a name with a title: `the younger Mr. Trump`, `the
        // late Sen. Jo Lee` (not `the iconic Trump Tower`).
        let titled = || name_after_modifiers(w, u, limit).filter(|np| w.lw(t) == "the" && starts_with_title(w, np));
        if let Some(name) = name_at(w, u, limit).or_else(titled) {
            if !is_possessive(w, name.end - 1) {
                return Some(Np { start: t, ..name });
            }
        }
    } else if let Some(name) = name_here {
        // `Tobin's former campaign manager`: a possessive name opens a
        // description.
        if is_possessive(w, name.end - 1) && !w.is_capitalised(name.end) {
            u = name.end;
        }
    }
    let mut head = None;
    let mut v = u;
    // The head is the last role noun among the modifiers: `Senate minority
    // leader`, `the party press secretary`; a name after a lower-case head
    // ends the phrase (`the minister Jane X`).
    while v < limit && v < u + 6 && w.is_word(v) {
        let lw = w.lw(v);
        // The token's classes, which are looked up once, say what the word
        // lists say, save for a word with a dot (`Sen.`), which the classes
        // read without it and the lists do not hold.
        let listed = |bits: u32| w.has(v, bits) && !lw.ends_with('.');
        if listed(class::ROLE) {
            head = Some(v);
        } else if (w.is_cue_verb(v) && is_clear_verb_form(lw))
            || listed(class::DETERMINER | class::ATTACHER)
            || (listed(class::FUNCTION) && !w.is_capitalised(v) && !COUNTING_MODIFIERS.contains(&lw))
            || (w.is_capitalised(v) && head.is_some_and(|h| !w.is_capitalised(h)))
        {
            break;
        }
        v += 1;
    }
    let Some(head) = head else {
        return plain_description(w, t, u, limit);
    };
    let mut end = head + 1;
    // A name after a role noun is the name: `the minister Jane X`, `police
    // Chief Dan Orr`.
    if let Some(name) = name_run(w, end, limit) {
        if matches!(name.kind, NpKind::Name { .. }) {
            return Some(Np {
                start: t,
                end: name.end,
                kind: name.kind,
            });
        }
    }
    // `of X`, `for the ministry`, `at Leeds University`; past an adjective
    // that takes the phrase: `a person close to the family`.
    let attacher = if PLACING_ADJECTIVES.contains(&w.lw(end)) {
        end + 1
    } else {
        end
    };
    if attacher + 1 < limit && w.has(attacher, class::ATTACHER) {
        if let Some(obj) = np_right(w, attacher + 1, limit) {
            if obj.kind != NpKind::Pronoun {
                let relation = w.has(head, class::RELATION) && w.lw(end) == "of";
                if let (true, NpKind::Name { name }) = (relation, obj.kind) {
                    return Some(Np {
                        start: t,
                        end: obj.end,
                        kind: NpKind::Relation { head, name },
                    });
                }
                end = obj.end;
            }
        }
    }
    Some(appositive_name(
        w,
        Np {
            start: t,
            end,
            kind: NpKind::Description { head },
        },
        limit,
    ))
}

/// `the harbourmaster, Alan Pryce,`: a name in apposition to a description
/// is the speaker's name; the phrase then runs to the end of the name.
fn appositive_name(w: &Words<'_, '_>, np: Np, limit: usize) -> Np {
    if w.lw(np.end) != "," {
        return np;
    }
    match name_at(w, np.end + 1, limit) {
        Some(
            name @ Np {
                kind: NpKind::Name { .. },
                ..
            },
        ) if name.end >= limit || matches!(w.lw(name.end), "," | "." | ";" | ":") => Np {
            start: np.start,
            ..name
        },
        _ => np,
    }
}

/// Whether the words of `range` are a headline in title case: four or more
/// words, and all but the small ones (`of`, `the`) capitalised.
pub(crate) fn is_title_case(w: &Words<'_, '_>, range: Range<usize>) -> bool {
    let mut words = 0;
    for t in range.filter(|&t| w.is_word(t)) {
        // The capital first: the word lists only for a word without one.
        let small = || {
            matches!(
                w.lw(t),
                "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "at" | "to" | "for" | "with" | "by"
            )
        };
        if !w.is_capitalised(t) && !small() && !w.lw(t).starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        words += 1;
    }
    words >= 4
}

/// A name after up to three lower-case modifiers at `t` (`former`,
/// `retired`, `panel`), the phrase starting at `t`.
fn name_after_modifiers(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let mut u = t;
    while u < limit && u < t + 3 && w.is_word(u) && !w.is_capitalised(u) && !w.function_at(u) && !w.is_reporting_verb(u)
    {
        u += 1;
    }
    if u == t {
        return None;
    }
    let name = name_at(w, u, limit)?;
    matches!(name.kind, NpKind::Name { .. }).then_some(Np { start: t, ..name })
}

/// Whether the name in `np` starts with a title (`Mr.`, `Sen.`) after the
/// phrase's modifiers.
fn starts_with_title(w: &Words<'_, '_>, np: &Np) -> bool {
    (np.start..np.end)
        .find(|&k| w.is_capitalised(k))
        .is_some_and(|k| w.has(k, class::TITLE))
}

/// Whether a reporting verb's form can only be a verb: a past tense or
/// participle (`stated`, `saying`, `told`), or `says`. Base forms and `-s`
/// forms are also nouns (`a news report`, `campaign claims`).
fn is_clear_verb_form(lw: &str) -> bool {
    lw.ends_with("ed")
        || lw.ends_with("ing")
        || matches!(lw, "said" | "says" | "told" | "tells" | "wrote" | "writes" | "spoke")
}

/// Whether token `t` is a word in the possessive: `Obama's`, `Jesus’`.
pub(crate) fn is_possessive(w: &Words<'_, '_>, t: usize) -> bool {
    let lw = w.lw(t);
    lw.ends_with("'s") || (lw.ends_with("s'") && w.is_word(t))
}

/// Function words that never head a noun phrase.
fn is_function_word(lw: &str) -> bool {
    FUNCTION_WORDS.contains(lw)
}

/// The words of [`is_function_word`] in one set: one lookup instead of a
/// lookup and three scans of lists.
static FUNCTION_WORDS: LazyLock<Set<&'static str>> = LazyLock::new(|| {
    let lists = [ATTACHERS, BETWEEN_SUBJECT_AND_VERB, RELATIVES];
    (LEXICON.not_names.iter().copied())
        .chain(lists.into_iter().flatten().copied())
        .collect()
});

/// Relative pronouns: they end a phrase (`a woman who said`), and are
/// left out of the word lists as `WHO` is also a name.
const RELATIVES: &[&str] = &["who", "whom", "whose", "which"];

/// A description whose head the lexicon does not know, `said the
/// announcer`: a determiner at `t`, then one to three plain words up to the
/// end of the phrase (punctuation or `limit`).
fn plain_description(w: &Words<'_, '_>, t: usize, u: usize, limit: usize) -> Option<Np> {
    if u == t {
        return None;
    }
    let mut v = u;
    let plain = |v: usize| {
        w.is_word(v)
            && !w.is_capitalised(v)
            && !w.function_at(v)
            && !w.is_reporting_verb(v)
            && !w.lw(v).starts_with(|c: char| c.is_ascii_digit())
    };
    while v < limit && v < u + 3 && plain(v) {
        v += 1;
    }
    let at_boundary = v >= limit || !w.is_word(v) || w.is_reporting_verb(v);
    (v > u && at_boundary).then(|| {
        let np = Np {
            start: t,
            end: v,
            kind: NpKind::Description { head: v - 1 },
        };
        appositive_name(w, np, limit)
    })
}

/// The noun phrase that ends just before token `end` (looking left from a
/// verb): a pronoun, a name, or a description.
pub(crate) fn np_left(w: &Words<'_, '_>, end: usize, floor: usize) -> Option<Np> {
    let floor = floor.max(end.saturating_sub(MAX_PHRASE_TOKENS));
    if end == 0 || end <= floor {
        return None;
    }
    let last = end - 1;
    if !w.is_word(last) {
        return None;
    }
    if pronoun_agreement(w.lw(last)).is_some() {
        return Some(Np {
            start: last,
            end,
            kind: NpKind::Pronoun,
        });
    }
    if name_word(w, last) {
        // The start of the capitalised run, over joiners and initials.
        let mut start = last;
        while start > floor {
            let p = start - 1;
            if name_word(w, p) {
                start = p;
            } else if p > floor && (w.has(p, class::NAME_JOINER) || w.lw(p) == ".") && name_word(w, p - 1) {
                start = p - 1;
            } else if p > floor && w.lw(p) == "and" && name_word(w, p - 1) && LEXICON.org_words.contains(w.lw(last)) {
                // `Saltmarsh Fire and Rescue Service`
                start = p - 1;
            } else {
                break;
            }
        }
        // `Tom Haskins of Oregon said`: the person.
        let run_end = (start..end).find(|&k| person_then_of(w, start, k)).unwrap_or(end);
        let np = np_for_run(w, start, run_end)?;
        // `the wife of Michael X`, `a spokesman for Northgate Council`.
        return Some(extend_with_head(w, np, floor));
    }
    if w.role_at(last) {
        let mut start = last;
        while start > floor {
            let p = start - 1;
            let lw = w.lw(p);
            if is_determiner(lw) || is_possessive(w, p) {
                start = p;
                break;
            }
            if !w.is_word(p) || w.is_reporting_verb(p) || is_function_word(lw) {
                break;
            }
            start = p;
        }
        let np = Np {
            start,
            end,
            kind: NpKind::Description { head: last },
        };
        return Some(extend_with_head(w, np, floor));
    }
    // `the announcer said`: a determiner and up to three plain words.
    if w.is_capitalised(last) || w.function_at(last) {
        return None;
    }
    let mut start = last;
    while start > floor && start + 3 > last {
        let p = start - 1;
        let lw = w.lw(p);
        if is_determiner(lw) || is_possessive(w, p) {
            return Some(Np {
                start: p,
                end,
                kind: NpKind::Description { head: last },
            });
        }
        if !w.is_word(p) || w.is_capitalised(p) || is_function_word(lw) || w.is_reporting_verb(p) {
            return None;
        }
        start = p;
    }
    None
}

/// Extends a phrase leftwards over `a spokesman for` / `the wife of` when
/// it is the object of such a head.
fn extend_with_head(w: &Words<'_, '_>, np: Np, floor: usize) -> Np {
    if np.start < floor + 2 || !w.has(np.start - 1, class::ATTACHER) {
        return np;
    }
    let Some(head_np) = np_left(w, np.start - 1, floor) else {
        return np;
    };
    let NpKind::Description { head } = head_np.kind else {
        return np;
    };
    if let (true, NpKind::Name { name }) = (w.has(head, class::RELATION) && w.lw(np.start - 1) == "of", np.kind) {
        return Np {
            start: head_np.start,
            end: np.end,
            kind: NpKind::Relation { head, name },
        };
    }
    Np {
        start: head_np.start,
        end: np.end,
        kind: NpKind::Description { head },
    }
}

/// Whether token `t` is an adverb in `-ly` (`publicly`, `later`): not a
/// capitalised word, and not a noun such as `family` or `ally`.
/// Adverbs of frequency and time without `-ly` that stand between a
/// subject and its verb: `my father often said`.
const FREQUENCY_ADVERBS: &[&str] = &[
    "often", "always", "never", "once", "still", "soon", "also", "later", "then",
];

fn is_adverb(w: &Words<'_, '_>, t: usize) -> bool {
    let lw = w.lw(t);
    if FREQUENCY_ADVERBS.contains(&lw) {
        return true;
    }
    lw.len() > 4
        && lw.ends_with("ly")
        && w.is_word(t)
        && !w.is_capitalised(t)
        && !is_role(lw)
        && !matches!(lw, "rally" | "belly" | "jelly" | "bully")
}

/// Skips auxiliaries and adverbs leftwards from just before `t`; returns
/// the index one past the subject's last token.
pub(crate) fn skip_auxiliaries_left(w: &Words<'_, '_>, mut t: usize, floor: usize) -> usize {
    while t > floor {
        let adverb = is_adverb(w, t - 1);
        // `which Will claims`: a surname of the article is no auxiliary.
        let auxiliary = w.has(t - 1, class::AUXILIARY) && !w.is_known_surname(t - 1);
        if auxiliary || adverb {
            t -= 1;
        } else if w.has(t - 1, class::TIME_WORD) {
            // `Dana Whitfield on Tuesday accused`, `she last week said`.
            t -= 1;
            if t > floor && w.has(t - 1, class::TIME_OPENER) {
                t -= 1;
            }
        } else {
            break;
        }
    }
    t
}

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

/// Skips auxiliaries and adverbs rightwards from `t`.
pub(crate) fn skip_auxiliaries_right(w: &Words<'_, '_>, mut t: usize, limit: usize) -> usize {
    while t < limit {
        let adverb = is_adverb(w, t);
        if w.has(t, class::AUXILIARY) || adverb {
            t += 1;
        } else if w.has(t, class::TIME_OPENER) && w.has(t + 1, class::TIME_WORD) {
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
pub(crate) fn clause_starts(w: &Words<'_, '_>, range: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    clause_starts_into(w, range, &mut out);
    out
}

/// [`clause_starts`] into a vector the caller reuses (it is cleared first).
pub(crate) fn clause_starts_into(w: &Words<'_, '_>, range: Range<usize>, out: &mut Vec<usize>) {
    out.clear();
    out.extend(subject_start(w, range.start, range.end));
    // Only a `;` or a `,` marks a boundary: the tokenizer listed them, so
    // that the other tokens need no look (a branch a token, which no
    // predictor can guess).
    let commas = &w.tokens.commas;
    let first = commas.partition_point(|&t| (t as usize) < range.start);
    for t in commas[first..]
        .iter()
        .map(|&t| t as usize)
        .take_while(|&t| t < range.end)
    {
        let boundary = w.lw(t) == ";" || matches!(w.lw(t + 1), "but" | "and" | "while" | "whereas" | "yet" | "so");
        if boundary && t + 1 < range.end {
            out.extend(subject_start(w, t + 1, range.end));
        }
    }
}

/// Where the subject of a clause starting at `t` starts: past
/// conjunctions, opening marks and an introductory phrase ended by a comma.
pub(crate) fn subject_start(w: &Words<'_, '_>, mut t: usize, limit: usize) -> Option<usize> {
    // Past conjunctions and adverbs that open the clause.
    while t < limit && (w.has(t, class::CLAUSE_OPENER) || (!w.is_word(t) && !w.is_mark(t))) {
        t += 1;
    }
    if t >= limit {
        return None;
    }
    t = past_dateline(w, t, limit);
    // `In a statement on Monday, she said`: past the phrase to its comma.
    if w.has(t, class::INTRODUCER) || opens_participle_phrase(w, t) {
        let comma = (t..limit.min(t + 25)).find(|&u| w.lw(u) == ",")?;
        t = comma + 1;
        // `Speaking in Dover, Delaware, Tobin said`: past a place
        // that ends the phrase.
        for _ in 0..2 {
            match name_at(w, t, limit) {
                Some(
                    np @ Np {
                        kind: NpKind::Name { name },
                        ..
                    },
                ) if w.lw(np.end) == "," && name_sort(&w.tokens.text()[name.range()]) == Sort::Place => {
                    t = np.end + 1;
                }
                _ => break,
            }
        }
        // `In Dover, Delaware, on Sunday, Mrs. Tobin said`: past a time
        // phrase set off by commas after the place.
        if w.has(t, class::TIME_OPENER) && w.has(t + 1, class::TIME_WORD) && w.lw(t + 2) == "," {
            t += 3;
        }
        while t < limit && w.has(t, class::CLAUSE_OPENER) {
            t += 1;
        }
    }
    (t < limit && w.is_word(t)).then_some(t)
}

/// `Smiling broadly throughout her speech, Mrs. Clinton…`: a participle
/// that opens the sentence, followed by a word in lower case that is not a
/// verb (`Manning said` is a name and its verb).
fn opens_participle_phrase(w: &Words<'_, '_>, t: usize) -> bool {
    let next = t + 1;
    w.starts_sentence(t)
        && w.is_participle(t)
        && !w.has(t, class::FIRST_NAME)
        && next < w.len()
        && w.is_word(next)
        && !w.is_capitalised(next)
        && !w.is_reporting_verb(next)
        && !w.has(next, class::AUXILIARY)
}

/// Past a dateline that opens a paragraph: `WASHINGTON (AP) —`,
/// `LONDON, March 3 —`. A dateline is a word in capitals and what follows
/// it up to a dash.
fn past_dateline(w: &Words<'_, '_>, t: usize, limit: usize) -> usize {
    let word = w.str(t);
    let capitals = w.is_word(t) && word.len() >= 3 && word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    let opens_paragraph = |t: usize| {
        let p = w.tokens.paragraphs.partition_point(|p| p.tokens.start < t);
        w.tokens.paragraphs.get(p).is_some_and(|p| p.tokens.start == t)
    };
    if !capitals || !opens_paragraph(t) {
        return t;
    }
    let is_dash = |u: usize| matches!(w.lw(u), "—" | "–" | "―" | "-");
    let Some(dash) = (t + 1..limit.min(t + 12)).find(|&u| is_dash(u)) else {
        return t;
    };
    // `WASHINGTON -- President Obama…`: past a dash typed as two hyphens.
    (dash..limit).find(|&u| !is_dash(u)).unwrap_or(limit)
}
