//! The token view of the speaker stage: each token's lower-cased form and
//! word classes, and what the text says of its words (which sentence
//! openers it also writes in lower case, which words it uses as surnames).
//! The rules ask every question of a token here, one way:
//! `words.has(t, class::ROLE)`.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashSet;

use crate::lexicon::classes::{class, lexicon_classes};
use crate::tokenize::{TokenKind, Tokens};
use crate::types::Span;
use crate::util::filter::HashFilter;
use crate::util::hash::Set;

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

/// Bytes after the last form of [`Words::buffer`], so that the 16 bytes
/// from the start of any form can be read at once ([`crate::util::word_table::pack_padded`]).
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
