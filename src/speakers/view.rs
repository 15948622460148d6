//! The token view of the speaker stage: each token's lower-cased form and
//! word classes, and what the text says of its words (which sentence
//! openers it also writes in lower case, which words it uses as surnames).
//! The rules ask every question of a token here, one way:
//! `words.is(t, Class::ROLE)`.

use std::cell::RefCell;
use std::collections::HashSet;

use crate::lexicon::classes::{Class, token_classes};
use crate::tokenize::{Token, Tokens};
use crate::types::Span;
use crate::util::hash::Set;
use crate::util::lazy_bits::LazyBits;

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
    /// The classes of each token ([`Class`]): its shape and place at once,
    /// the lists' classes when first asked (see [`LazyBits`] for why).
    class: LazyBits,
    /// The text with its ASCII letters in lower case (the same length, the
    /// same character boundaries: [`Words::lower_text`]), then the forms of
    /// the tokens with other characters.
    buffer: &'a str,
    /// Which sentence-opening words the text also writes in lower case:
    /// the answers so far (see [`Common`]).
    ///
    /// PERF: a cache filled behind `&self`, as `class` is. A text is asked
    /// this of a few words, each answered by a search of the text, and only
    /// a text that asks many pays for the set of all the answers: the set
    /// made for every text in a pass of its own cost 8.7% more instructions
    /// in the library (callgrind, `extract` on 100 PolNeAR train articles).
    common: RefCell<Common<'a>>,
    /// Words the text uses as surnames after a given name (`Ruth Baron`,
    /// `Ann From`).
    surnames: Set<&'a str>,
    /// How many tokens are words: what the tables of names are sized by.
    word_count: usize,
}

/// The vectors of a [`Words`], for the words of another text.
#[derive(Debug, Default)]
pub(crate) struct WordVecs {
    lower: Vec<&'static str>,
    class: LazyBits,
}

impl WordVecs {
    fn cleared(mut self) -> WordVecs {
        self.lower.clear();
        self.class.clear();
        self
    }

    /// The bytes these vectors hold (their capacity).
    pub(crate) fn bytes(&self) -> usize {
        self.lower.capacity() * std::mem::size_of::<&str>() + self.class.bytes()
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
        // Room for the text and the other forms at once: a buffer that
        // grew to take the forms after the text would double, to two bytes
        // a byte of text.
        let other_bytes: usize = (tokens.non_ascii.iter())
            .filter_map(|&i| tokens.tokens.get(i as usize))
            .map(|t| t.span().len())
            .sum();
        buffer.clear();
        buffer.reserve_exact(text.len() + other_bytes);
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
        // PERF: the forms sliced from a `&str`, whose pointer and length
        // stay in registers (a `&String` was read again at every token),
        // and a word told by its shape rather than by its kind read twice:
        // instructions 654.7M -> 651.4M together (callgrind, `extract
        // --jsonl --jobs 1` on PolNeAR train).
        let buffer: &'a str = buffer;
        // An earlier text's vectors, empty: covariance lets a vector of
        // `'static` forms take forms of any lifetime.
        let WordVecs { mut lower, mut class } = vecs.cleared();
        lower.extend(tokens.tokens.iter().map(|t| &buffer[t.span().range()]));
        for (i, form) in other_forms {
            lower[i] = &buffer[form];
        }
        // Only a word has classes to look up. The words are counted in the
        // same pass.
        // PERF: in place of a pass of their own: 103.19M → 103.00M
        // instructions on run_straight_double at 250 kB (benches: `scaling
        // --once run_straight_double` under callgrind); 621.8M → 621.3M on
        // PolNeAR train (`extract --jsonl --jobs 1`).
        let mut word_count = 0;
        class.extend((tokens.tokens.iter()).map(|t| {
            let shape = shape(*t, text);
            let is_word = shape.intersects(Class::WORD);
            word_count += usize::from(is_word);
            (shape.bits(), !is_word)
        }));
        for s in &tokens.sentences {
            // The first word, past opening marks and brackets.
            if let Some(first) = s.tokens.clone().find(|&t| tokens.tokens[t].is_word()) {
                class.add(first, Class::SENTENCE_START.bits());
            }
        }
        let mut words = Words {
            tokens,
            extra_verbs,
            lower,
            class,
            buffer,
            common: RefCell::new(Common::Asked(Vec::new())),
            surnames: Set::default(),
            word_count,
        };
        words.surnames = words.surnames_after_given_names();
        words
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
            .filter_map(|s| s.tokens.clone().find(|&t| tokens[t].is_word()))
            .filter(|&t| self.is_capitalised(t))
            .map(|t| self.lower(t))
            .collect();
        let mut common = Set::default();
        let text = self.tokens.text();
        for t in 0..self.len() {
            if remaining.is_empty() {
                break;
            }
            if !self.is_word(t) || self.is_capitalised(t) {
                continue;
            }
            let lower = self.lower[t];
            if !remaining.contains(lower) {
                continue;
            }
            if text[self.tokens.tokens[t].span().range()].starts_with(char::is_lowercase) {
                remaining.remove(lower);
                common.insert(lower);
            }
        }
        common
    }

    /// Whether token `t` is capitalised and a word the text has used as a
    /// surname: `“…,” said Baron`, `From said` are names in an article that
    /// named `Ruth Baron` or `Ann From`, though the words are also a title
    /// or a preposition.
    pub(crate) fn is_known_surname(&self, t: usize) -> bool {
        self.is_capitalised(t) && self.surnames.contains(self.lower(t))
    }

    /// The second words of two-word names that open with a given name
    /// (`Ivy Read said`): a capitalised word between a given name and a
    /// word in lower case or punctuation.
    fn surnames_after_given_names(&self) -> Set<&'a str> {
        let mut out = Set::default();

        let mut pair_at = |t: usize| {
            // The lexicon only for a pair of capitalised words before one
            // without a capital: the shapes say so at once.
            if self.is(t - 1, Class::FIRST_NAME) && !self.is(t - 1, Class::TITLE) {
                out.insert(self.lower(t));
            }
        };
        // Each token with the one before and the one after, as the last
        // three bits of a register of which tokens are capitalised: a pair
        // then one without a capital is `0b110`.
        //
        // PERF: one compare a token, with no branch on the booleans of the
        // three tokens: instructions 658.4M -> 654.7M (callgrind, `extract
        // --jsonl --jobs 1` on PolNeAR train). The last token, which has
        // none after it, is asked after the loop.
        const PAIR_THEN_LOWER: u64 = 0b110;
        let capitalised = Class::CAPITALISED.bits();
        let mut last_three = 0;
        for (next, bits) in self.class.known().enumerate() {
            last_three = (last_three << 1 | u64::from(bits & capitalised != 0)) & 0b111;
            if last_three == PAIR_THEN_LOWER {
                pair_at(next - 1);
            }
        }
        // (None is capitalised past the end.)
        if last_three & 0b11 == 0b11 {
            pair_at(self.len() - 1);
        }
        out
    }

    /// The tokens that are words starting with a capital letter, in order
    /// (read off the bits in one pass, without a question for each token).
    pub(crate) fn capitalised_tokens(&self) -> impl Iterator<Item = usize> + '_ {
        let capitalised = Class::CAPITALISED.bits();
        (self.class.known().enumerate()).filter_map(move |(t, bits)| (bits & capitalised != 0).then_some(t))
    }

    /// Whether token `t` is of `class` (of any of its classes, for a set
    /// joined with `|`): `words.is(t, Class::ROLE)`.
    #[inline]
    pub(crate) fn is(&self, t: usize, class: Class) -> bool {
        (self.class).any(t, class.bits(), Class::SHAPE.bits(), || self.look_up(t))
    }

    /// The classes the lists give token `t`, a word.
    fn look_up(&self, t: usize) -> u64 {
        token_classes(self.lower(t), self.extra_verbs).bits()
    }

    /// Whether token `t` is a noun that heads a description of a speaker.
    pub(crate) fn role_at(&self, t: usize) -> bool {
        self.is(t, Class::ROLE)
    }

    /// Whether token `t` is a function word (never heads a phrase).
    pub(crate) fn function_at(&self, t: usize) -> bool {
        self.is(t, Class::FUNCTION)
    }

    /// Whether token `t` is a determiner.
    pub(crate) fn determiner_at(&self, t: usize) -> bool {
        self.is(t, Class::DETERMINER)
    }

    /// Whether token `t` is the first word of its sentence.
    pub(crate) fn starts_sentence(&self, t: usize) -> bool {
        self.is(t, Class::SENTENCE_START)
    }

    /// Whether token `t` is a word the text also writes in lower case, at
    /// the start of a sentence: a common word capitalised by its place.
    pub(crate) fn is_common_at_sentence_start(&self, t: usize) -> bool {
        self.is(t, Class::SENTENCE_START)
            && self.is_capitalised(t)
            && !self.is(t, Class::FIRST_NAME)
            && self.written_in_lower_case(self.lower(t))
    }

    /// Whether the text writes the word `lower` (lower-cased) in lower case
    /// somewhere. An article asks this of a few words: each of the first
    /// [`COMMON_SEARCHES`] is answered by a search of the text, and only a
    /// text that asks more pays for the set of all the answers (a search
    /// reads the whole text: a thousand of them would not be linear). A
    /// text longer than [`COMMON_SEARCH_BYTES`] has the set at once: it
    /// would be read from memory at each search, not from the cache.
    fn written_in_lower_case(&self, lower: &'a str) -> bool {
        let mut common = self.common.borrow_mut();
        let asked = match &mut *common {
            Common::All(set) => return set.contains(lower),
            Common::Asked(asked) => asked,
        };
        if let Some(&(_, answer)) = asked.iter().find(|(word, _)| *word == lower) {
            return answer;
        }
        if asked.len() < COMMON_SEARCHES && self.tokens.text().len() <= COMMON_SEARCH_BYTES {
            let answer = self.search_lower_case(lower);
            asked.push((lower, answer));
            return answer;
        }
        let all = self.common_sentence_starts();
        let answer = all.contains(lower);
        *common = Common::All(all);
        answer
    }

    /// Whether a token is the word `lower` written in lower case: found by
    /// its bytes in the lower-cased text, where an ASCII word is written as
    /// it is in `lower` wherever the text has it, whatever its capitals (and
    /// an apostrophe as `'` or `’`).
    fn search_lower_case(&self, lower: &str) -> bool {
        let apostrophes = lower.bytes().filter(|&b| b == b'\'').count();
        // A word with other characters may be written otherwise (and one
        // of two apostrophes in either way): its tokens are compared one
        // by one.
        if !lower.is_ascii() || apostrophes > 1 {
            return (0..self.len()).any(|t| self.lower(t) == lower && self.is_written_in_lower_case(t));
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
        found(lower) || apostrophes == 1 && found(&lower.replace('\'', "’"))
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

    /// The lower-cased forms of the tokens `range` (none for a range past
    /// the end).
    pub(crate) fn lower_forms(&self, range: std::ops::Range<usize>) -> &[&'a str] {
        self.lower.get(range).unwrap_or(&[])
    }

    /// The lower-cased text of token `t` (empty past the end).
    pub(crate) fn lower(&self, t: usize) -> &'a str {
        self.lower.get(t).copied().unwrap_or("")
    }

    pub(crate) fn str(&self, t: usize) -> &'h str {
        self.tokens.str(t)
    }

    pub(crate) fn is_word(&self, t: usize) -> bool {
        self.is(t, Class::WORD)
    }

    pub(crate) fn is_mark(&self, t: usize) -> bool {
        self.is(t, Class::MARK)
    }

    /// Whether any of the tokens `range` is a word. Most sentences start
    /// with one, so that the look is short; a sentence of marks and
    /// punctuation alone (`"` ⏎ `"` ⏎ …) names nobody and reports nothing.
    pub(crate) fn holds_a_word(&self, mut range: std::ops::Range<usize>) -> bool {
        range.any(|t| self.is_word(t))
    }

    /// Whether token `t` is a word starting with a capital letter.
    pub(crate) fn is_capitalised(&self, t: usize) -> bool {
        self.is(t, Class::CAPITALISED)
    }

    /// Whether token `t` is a word in the possessive: `Obama's`, `Jesus’`.
    pub(crate) fn is_possessive(&self, t: usize) -> bool {
        let lower = self.lower(t);
        lower.ends_with("'s") || (lower.ends_with("s'") && self.is_word(t))
    }

    /// Whether token `t` is a dash ([`is_dash`]).
    pub(crate) fn is_dash(&self, t: usize) -> bool {
        is_dash(self.lower(t))
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        let t = &self.tokens.tokens;
        Span::new(t[a].span().start, t[b.max(a + 1) - 1].span().end)
    }

    /// The lower-cased words of tokens `a..b`.
    pub(crate) fn lower_words(&self, a: usize, b: usize) -> Vec<&'a str> {
        (a..b).filter(|&t| self.is_word(t)).map(|t| self.lower(t)).collect()
    }
}

/// How many distinct words [`Words::written_in_lower_case`] answers by a
/// search of the text each, before it makes the set of all the answers.
const COMMON_SEARCHES: usize = 32;

/// The longest text that [`Words::written_in_lower_case`] searches rather
/// than making the set at once: a long article, well inside the caches.
const COMMON_SEARCH_BYTES: usize = 64 * 1024;

/// Whether `word` is a dash that sets off a phrase: an em or en dash, a
/// horizontal bar, or a hyphen standing alone (`Jane Doe - the mayor`,
/// `WASHINGTON --`). The one set of dashes of the speaker stage.
pub(crate) fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "―" | "-")
}

/// The answers of [`Words::written_in_lower_case`]: those asked so far, or
/// the set of all the sentence-opening words it holds true of.
enum Common<'a> {
    Asked(Vec<(&'a str, bool)>),
    All(Set<&'a str>),
}

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

/// The classes a token's shape gives: word, mark, capitalised, and
/// [`Class::OF`].
///
/// PERF: this runs at every token of every text, inlined into the loop
/// that reads them: 1.7% fewer instructions in the library than a call
/// with `if`s (callgrind, `extract` on 100 PolNeAR train articles). The
/// capital is read off a table ([`LEADING`]) by a `match`, which the
/// compiler makes a branch on the capital: fewer instructions than a
/// compare without one (645.8M against 648.0M, `extract --jsonl --jobs 1`
/// on PolNeAR train), and no time we could measure (the same on it six
/// times over, best of five: 0.649 against 0.646 s). The kind is told by
/// [`Token::is_word`] and [`Token::is_mark`], two compares, where a `match`
/// on [`Token::kind`] worked out which of the three kinds it was first:
/// instructions 645.8M -> 642.4M (the same command).
#[inline]
pub(super) fn shape(token: Token, text: &str) -> Class {
    if token.is_word() {
        word_shape(text, token.span())
    } else if token.is_mark() {
        Class::MARK
    } else {
        Class::NONE
    }
}

/// [`shape`] of a word at `span`.
#[inline]
fn word_shape(text: &str, span: Span) -> Class {
    let bytes = text.as_bytes();
    let capitalised = match LEADING[usize::from(bytes[span.start])] {
        Leading::Capital => true,
        Leading::Small => false,
        Leading::Other => starts_with_capital(&text[span.range()]),
    };
    let of = span.len() == 2 && bytes[span.range()].eq_ignore_ascii_case(b"of");
    Class::WORD | Class::CAPITALISED.when(capitalised) | Class::OF.when(of)
}

/// What the first byte of a word says of its capital.
#[derive(Clone, Copy)]
enum Leading {
    /// An ASCII capital.
    Capital,
    /// An ASCII small letter or a digit.
    Small,
    /// The sign of a handle, or a byte of a character outside ASCII: the
    /// characters tell ([`starts_with_capital`]).
    Other,
}

/// [`Leading`] by byte: one look for the ASCII words, most of them.
///
/// PERF: in place of three tests of ranges and a slice of the word's bytes
/// for each word of every text: instructions 651.4M -> 645.8M (callgrind,
/// `extract --jsonl --jobs 1` on PolNeAR train).
static LEADING: [Leading; 256] = {
    let mut table = [Leading::Other; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_uppercase() {
            table[b] = Leading::Capital;
        } else if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            table[b] = Leading::Small;
        }
        b += 1;
    }
    table
};

/// Whether a word starts with a capital letter; a handle (`@JaneDoe`,
/// `#Vote`) by the letter after its sign.
fn starts_with_capital(word: &str) -> bool {
    let word = word.strip_prefix(['@', '#']).unwrap_or(word);
    word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::TokenKind;

    /// A word's shape as the characters define it, for the table's test.
    fn shape_by_characters(word: &str) -> Class {
        let after_sign = word.strip_prefix(['@', '#']).unwrap_or(word);
        let capitalised = after_sign.chars().next().is_some_and(char::is_uppercase);
        Class::WORD | Class::CAPITALISED.when(capitalised) | Class::OF.when(word.eq_ignore_ascii_case("of"))
    }

    proptest::proptest! {
        /// The table of first bytes agrees with the characters: ASCII
        /// capitals and small letters, digits, handles, letters outside
        /// ASCII in either case.
        #[test]
        fn a_words_shape_is_read_as_its_characters_say(
            word in "[@#]?([a-zA-Z0-9_]|é|É|ß|Ω|ω|ǅ|’){1,5}",
            before in "[a ]{0,3}",
        ) {
            let text = format!("{before}{word} said");
            let span = Span::new(before.len(), before.len() + word.len());
            proptest::prop_assert_eq!(shape(Token::new(span, TokenKind::Word), &text), shape_by_characters(&word));
        }
    }

    /// The words are counted as their classes are read: marks and
    /// punctuation are not words.
    #[test]
    fn words_are_counted_without_marks_or_punctuation() {
        let tokens = crate::tokenize::tokenize("“Of course,” said Ann Vorn — \"twice\".\n\"\n");
        let words = crate::speakers::tests::words_of(&tokens);
        let by_kind = tokens.tokens.iter().filter(|t| t.kind() == TokenKind::Word).count();
        assert_eq!(words.word_count(), by_kind);
        assert_eq!(by_kind, 6);
    }

    #[test]
    fn marks_and_punctuation_have_no_word_shape() {
        let text = "“Of course,” said Of.";
        assert_eq!(
            shape(Token::new(Span::new(0, 3), TokenKind::Mark(0)), text),
            Class::MARK
        );
        assert_eq!(
            shape(Token::new(Span::new(12, 13), TokenKind::Punct), text),
            Class::NONE
        );
        let of = text.rfind("Of").unwrap_or_default();
        assert_eq!(
            shape(Token::new(Span::new(of, of + 2), TokenKind::Word), text),
            Class::WORD | Class::CAPITALISED | Class::OF
        );
    }
}
