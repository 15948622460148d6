//! Stage 1: paragraphs, sentences, words and quotation marks, with byte
//! spans.
//!
//! One pass over the text. Every line is a paragraph (news feeds separate
//! paragraphs by one line break or by a blank line; both are handled the
//! same). Words keep their inner apostrophes and hyphens (`don't`,
//! `London’s`, `45-year-old`) and abbreviations keep their dots (`U.S.`).
//! Every quotation-mark character is classified as opening, closing or
//! apostrophe from the characters on either side of it and from the marks
//! still open in its paragraph. The `"` around a markup attribute's value
//! (`author="…"` in an embedded tweet) are punctuation, not marks.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::LEXICON;
use crate::types::Span;
use crate::util::hash::Set;

/// How a quotation-mark character is used.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkRole {
    /// Opens a quotation: `“`, `„`, `«`, an opening `"`.
    Opening,
    /// Closes a quotation: `”`, `»`, a closing `"`.
    Closing,
    /// Not a quotation mark here: an apostrophe (`don't`, `London’s`, the
    /// `teams’ coach`, `’90s`, `rock ’n’ roll`).
    Apostrophe,
}

/// A quotation-mark character (or the two-character wire marks `` `` `` and
/// `''`) and how it is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotationMark {
    /// Where the mark is.
    pub span: Span,
    /// How it is used.
    pub role: MarkRole,
}

/// Which marks pair with which: a closing mark closes the nearest open mark
/// of its family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    /// `“ ” „ ‟ "` and the wire marks `` `` `` `''`.
    Double,
    /// `‘ ’ ‚ ‛ '`.
    Single,
    /// `« »`.
    Guillemet,
    /// `‹ ›`.
    SingleGuillemet,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters or digits, with inner apostrophes, hyphens and dots.
    Word,
    /// A quotation mark used as one (apostrophes are part of words or
    /// punctuation). The index is into [`Tokens::marks`].
    Mark(u32),
    /// Any other character that is not white space.
    Punct,
}

/// A token: a word, a quotation mark or a punctuation character.
///
/// Three `u32`s, so that a token takes 12 bytes, not 16 (with a
/// [`TokenKind`] of its own) or 24 (with a [`Span`]): a long text has
/// millions of tokens, and the memory they take is paid in page faults and
/// cache misses. (Token indexes are `u32`s already, in [`Mark::token`];
/// the stages read texts of up to [`MAX_TEXT_BYTES`] in one piece.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    start: u32,
    end: u32,
    /// The kind: [`WORD`] or [`PUNCT`], or the index of a mark (below
    /// both, as a text of at most [`MAX_TEXT_BYTES`] has fewer marks).
    kind: u32,
}

/// The longest text the tokenizer reads: offsets are `u32`s, and the
/// index of a mark leaves room for the two codes of [`Token::kind`].
pub(crate) const MAX_TEXT_BYTES: usize = PUNCT as usize - 1;

/// [`Token::kind`] of a word.
const WORD: u32 = u32::MAX;
/// [`Token::kind`] of a punctuation character.
const PUNCT: u32 = u32::MAX - 1;

const _: () = assert!(std::mem::size_of::<Token>() == 12);

impl Token {
    pub(crate) fn new(span: Span, kind: TokenKind) -> Token {
        Token {
            start: span.start as u32,
            end: span.end as u32,
            kind: match kind {
                TokenKind::Word => WORD,
                TokenKind::Punct => PUNCT,
                TokenKind::Mark(m) => m,
            },
        }
    }

    /// What the token is.
    #[inline]
    pub(crate) fn kind(&self) -> TokenKind {
        match self.kind {
            WORD => TokenKind::Word,
            PUNCT => TokenKind::Punct,
            m => TokenKind::Mark(m),
        }
    }

    /// Whether the token is a word ([`TokenKind::Word`]), by one compare,
    /// for a loop over every token (a `match` on [`Token::kind`] first
    /// works out which of the three kinds it is).
    #[inline]
    pub(crate) fn is_word(&self) -> bool {
        self.kind == WORD
    }

    /// Whether the token is a quotation mark ([`TokenKind::Mark`]), by one
    /// compare.
    #[inline]
    pub(crate) fn is_mark(&self) -> bool {
        self.kind < PUNCT
    }

    /// Where the token is.
    #[inline]
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A quotation mark as the later stages see it: 12 bytes (a `u32` offset,
/// as in [`Token`], and a length of one to three bytes), since a text of
/// quotation marks has one a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    start: u32,
    /// The index of the mark's token: its own, or for an apostrophe inside
    /// a word, the word's. Stage 2 pairs the marks of a paragraph without
    /// a look at its other tokens.
    pub(crate) token: u32,
    len: u8,
    pub(crate) role: MarkRole,
    pub(crate) family: Family,
}

const _: () = assert!(std::mem::size_of::<Mark>() == 12);

impl Mark {
    fn new(span: Span, token: usize, role: MarkRole, family: Family) -> Mark {
        Mark {
            start: span.start as u32,
            token: token as u32,
            // A mark has at most two characters (`''`), or one of three
            // bytes.
            len: span.len() as u8,
            role,
            family,
        }
    }

    /// Where the mark is.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.start as usize + usize::from(self.len))
    }
}

/// A paragraph or a sentence: its span and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    pub(crate) span: Span,
    pub(crate) tokens: Range<usize>,
}

/// The tokens of a text: its paragraphs, sentences, words and quotation
/// marks, each with its byte span. Made by [`tokenize`].
#[derive(Clone, Debug)]
pub struct Tokens<'h> {
    text: &'h str,
    pub(crate) tokens: Vec<Token>,
    pub(crate) marks: Vec<Mark>,
    pub(crate) paragraphs: Vec<Segment>,
    pub(crate) sentences: Vec<Segment>,
    /// The tokens with characters other than ASCII, quotation marks
    /// aside, in text order: the speaker stage lower-cases these one by
    /// one (the rest by their bytes), and the scanner knows them at no
    /// cost.
    pub(crate) non_ascii: Vec<u32>,
    /// The tokens `,` and `;`, in text order: where the speaker stage
    /// looks for the clauses of a sentence, without a look at every token.
    pub(crate) commas: Vec<u32>,
}

impl<'h> Tokens<'h> {
    /// The vectors of these tokens, for [`tokenize_reusing`] (which
    /// empties them).
    pub(crate) fn into_vecs(self) -> TokenVecs {
        let Tokens {
            tokens,
            marks,
            paragraphs,
            sentences,
            non_ascii,
            commas,
            ..
        } = self;
        TokenVecs {
            tokens,
            marks,
            paragraphs,
            sentences,
            non_ascii,
            commas,
        }
    }

    /// The text that was tokenized.
    pub fn text(&self) -> &'h str {
        self.text
    }

    /// The paragraphs: the lines of the text that are not blank, without
    /// their leading and trailing white space.
    pub fn paragraphs(&self) -> impl Iterator<Item = Span> + '_ {
        self.paragraphs.iter().map(|p| p.span)
    }

    /// The sentences, each inside one paragraph. Quoted sentences are
    /// sentences too: `“We won. We will win again,” she said.` has two.
    pub fn sentences(&self) -> impl Iterator<Item = Span> + '_ {
        self.sentences.iter().map(|s| s.span)
    }

    /// The words (and numbers), with their inner apostrophes and hyphens.
    pub fn words(&self) -> impl Iterator<Item = Span> + '_ {
        self.tokens.iter().filter(|t| t.is_word()).map(|t| t.span())
    }

    /// Every quotation-mark character, apostrophes included, in text order.
    pub fn marks(&self) -> impl Iterator<Item = QuotationMark> + '_ {
        self.marks.iter().map(|m| QuotationMark {
            span: m.span(),
            role: m.role,
        })
    }

    /// The text of token `i`.
    pub(crate) fn str(&self, i: usize) -> &'h str {
        &self.text[self.tokens[i].span().range()]
    }

    /// The index of the sentence that holds token `t` (0 if none does).
    /// Found by a binary search over the sentences, asked a few times a
    /// quote, rather than read from a vector of one index a token: that
    /// cost memory in proportion to the text, and page faults on long ones.
    pub(crate) fn sentence_of(&self, t: usize) -> usize {
        let k = self.sentences.partition_point(|s| s.tokens.end <= t);
        match self.sentences.get(k) {
            Some(s) if s.tokens.start <= t => k,
            _ => 0,
        }
    }

    /// [`sentence_of`](Self::sentence_of) token `t`, looked for first among
    /// the `known` sentences (those it most likely stands in: a speaker in
    /// the quote's, a quote in the one where the quote before closed or
    /// the next) before it is searched for: a sentence holds its own
    /// tokens only.
    pub(crate) fn sentence_among(&self, t: usize, known: [usize; 2]) -> usize {
        known
            .into_iter()
            .find(|&k| self.sentences.get(k).is_some_and(|s| s.tokens.contains(&t)))
            .unwrap_or_else(|| self.sentence_of(t))
    }

    /// The last sentence that ends at or before token `t`.
    pub(crate) fn sentence_before(&self, t: usize) -> Option<&Segment> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= t);
        k.checked_sub(1).map(|k| &self.sentences[k])
    }
}

/// Splits `text` into paragraphs, sentences, words and quotation marks.
///
/// ```
/// let tokens = whosaid::tokenize("Mr. Reilly said: “It’s over.” He left.\nNext.");
/// assert_eq!(tokens.paragraphs().count(), 2);
/// assert_eq!(tokens.sentences().count(), 3);
/// let roles: Vec<_> = tokens.marks().map(|m| m.role).collect();
/// use whosaid::MarkRole::*;
/// assert_eq!(roles, [Opening, Apostrophe, Closing]);
/// ```
pub fn tokenize(text: &str) -> Tokens<'_> {
    tokenize_reusing(text, TokenVecs::default())
}

/// [`tokenize`] into the vectors of an earlier text's tokens, so that a
/// thread that reads text after text reuses their memory (see
/// [`Tokens::into_vecs`]).
pub(crate) fn tokenize_reusing(text: &str, vecs: TokenVecs) -> Tokens<'_> {
    let TokenVecs {
        mut tokens,
        mut marks,
        mut paragraphs,
        mut sentences,
        non_ascii,
        commas,
    } = vecs.cleared();
    // Room for what news has, so that the vectors seldom grow (news has a
    // token every 5 bytes, and up to one every 4.5; quote-heavy copy a mark
    // every 50 bytes, a paragraph every 125 and a sentence every 80):
    // growing copies them all, and leaves more memory behind.
    tokens.reserve(text.len() / 4);
    marks.reserve(text.len() / 32);
    paragraphs.reserve(text.len() / 64);
    sentences.reserve(text.len() / 48);
    let mut out = Tokens {
        text,
        tokens,
        marks,
        paragraphs,
        sentences,
        non_ascii,
        commas,
    };
    Scanner::new(text, &mut out).text();
    out
}

/// The vectors of a [`Tokens`], for the tokens of another text.
#[derive(Debug, Default)]
pub(crate) struct TokenVecs {
    tokens: Vec<Token>,
    marks: Vec<Mark>,
    paragraphs: Vec<Segment>,
    sentences: Vec<Segment>,
    non_ascii: Vec<u32>,
    commas: Vec<u32>,
}

impl TokenVecs {
    fn cleared(mut self) -> TokenVecs {
        self.tokens.clear();
        self.marks.clear();
        self.paragraphs.clear();
        self.sentences.clear();
        self.non_ascii.clear();
        self.commas.clear();
        self
    }

    /// The bytes these vectors hold (their capacity).
    pub(crate) fn bytes(&self) -> usize {
        use std::mem::size_of;
        self.tokens.capacity() * size_of::<Token>()
            + self.marks.capacity() * size_of::<Mark>()
            + (self.paragraphs.capacity() + self.sentences.capacity()) * size_of::<Segment>()
            + (self.non_ascii.capacity() + self.commas.capacity()) * size_of::<u32>()
    }
}

/// Whether a word followed by a dot is an abbreviation, not a sentence end.
fn is_abbreviation(word: &str) -> bool {
    let single_letter = word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic();
    single_letter
        || (word.len() <= 5
            && ascii_lowercase_short(word.trim_end_matches('.'))
                .is_some_and(|(buf, n)| ABBREVIATION_SET.contains(&buf[..n])))
}

/// The abbreviations of the lexicon by their bytes, for one lookup a word
/// without a string made of it.
static ABBREVIATION_SET: LazyLock<Set<&'static [u8]>> =
    LazyLock::new(|| LEXICON.abbreviations.iter().map(|a| a.as_bytes()).collect());

/// A word of at most 5 bytes with its ASCII letters in lower case, without
/// an allocation; none for a longer word.
fn ascii_lowercase_short(word: &str) -> Option<([u8; 5], usize)> {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 5];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    buf.make_ascii_lowercase();
    Some((buf, bytes.len()))
}

/// Whether the sentence may end at token `i`, a `.`, `!`, `?` or `…`, given
/// what follows: a new sentence starts with a capital, a digit or an
/// opening mark.
fn is_sentence_end(text: &str, out: &Tokens<'_>, i: usize, end: usize) -> bool {
    // Only punctuation ends a sentence: words need no look at their text.
    if out.tokens[i].kind() != TokenKind::Punct {
        return false;
    }
    let p = &text[out.tokens[i].span().range()];
    if !matches!(p, "." | "!" | "?" | "…") {
        return false;
    }
    if p == "." && i > 0 {
        let prev = out.tokens[i - 1];
        let adjacent = prev.span().end == out.tokens[i].span().start;
        if adjacent && prev.is_word() {
            let word = &text[prev.span().range()];
            // "No. 10" and "Mr. Smith": an abbreviation before a number or a
            // name does not end the sentence.
            // `Del. Stacey Plaskett`: any short title of the lexicon, too.
            // (Looked up last, and only when it decides.)
            let short_title = || word.len() <= 4 && is_title(word);
            // A quote that opens after the dot starts a new sentence:
            // titles come before names, not quotes (`…said of RT. “Having…`).
            let quote_next = out.tokens.get(i + 1).is_some_and(|t| match t.kind() {
                TokenKind::Mark(m) => out.marks[m as usize].role == MarkRole::Opening,
                _ => false,
            });
            if !quote_next && (is_abbreviation(word) || short_title()) {
                return false;
            }
        }
    }
    // Skip closing marks and brackets that belong to this sentence.
    let mut j = i + 1;
    while j < end && closes_sentence(text, out, j) {
        j += 1;
    }
    if j >= end {
        return true;
    }
    let next = out.tokens[j];
    match next.kind() {
        TokenKind::Mark(m) => out.marks[m as usize].role == MarkRole::Opening,
        TokenKind::Word => text[next.span().start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        // A dash after a full stop leads to an attribution (`…” — Jane
        // Doe`), which belongs to the sentence.
        TokenKind::Punct => matches!(&text[next.span().range()], "(" | "[" | "@"),
    }
}

/// Whether a short word is a title of the lexicon, in any case.
fn is_title(word: &str) -> bool {
    let titles = &LEXICON.titles;
    // A word in lower case already (most) is looked up as it is.
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return titles.contains_key(word);
    }
    // Short ASCII is lower-cased without an allocation.
    match ascii_lowercase_short(word).filter(|_| word.is_ascii()) {
        Some((buf, n)) => std::str::from_utf8(&buf[..n]).is_ok_and(|w| titles.contains_key(w)),
        None => titles.contains_key(word.to_lowercase().as_str()),
    }
}

/// Whether token `j` is a closing mark or bracket that ends with the
/// sentence before it.
fn closes_sentence(text: &str, out: &Tokens<'_>, j: usize) -> bool {
    match out.tokens[j].kind() {
        TokenKind::Mark(m) => out.marks[m as usize].role == MarkRole::Closing,
        TokenKind::Punct => matches!(&text[out.tokens[j].span().range()], ")" | "]" | "." | "!" | "?"),
        TokenKind::Word => false,
    }
}

/// Splits the paragraph of `tokens` into sentences. Only the tokens of
/// `stops` (its `.`, `!`, `?` and `…`, in order) can end one, so only they
/// are looked at.
fn split_sentences(text: &str, out: &mut Tokens<'_>, tokens: Range<usize>, stops: &[usize]) {
    let mut start = tokens.start;
    for &i in stops {
        // A stop among the closing marks of the sentence before belongs to it.
        if i < start {
            continue;
        }
        if is_sentence_end(text, out, i, tokens.end) {
            let mut j = i + 1;
            while j < tokens.end && closes_sentence(text, out, j) {
                j += 1;
            }
            push_sentence(out, start..j);
            start = j;
        }
    }
    if start < tokens.end {
        push_sentence(out, start..tokens.end);
    }
}

fn push_sentence(out: &mut Tokens<'_>, tokens: Range<usize>) {
    let span = Span::new(
        out.tokens[tokens.start].span().start,
        out.tokens[tokens.end - 1].span().end,
    );
    out.sentences.push(Segment { span, tokens });
}

/// The character classes the mark rules look at on either side of a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// Start or end of the paragraph, white space, or a bracket or dash
    /// facing away from the mark.
    Open,
    /// A letter or digit.
    Alnum,
    /// Punctuation that can end a quotation: `, . ; : ! ? …`.
    Stop,
    /// Another quotation mark.
    Mark,
    /// Anything else.
    Other,
}

fn side(c: Option<char>) -> Side {
    match c {
        Some(c) if c.is_ascii() => ASCII_SIDE[c as usize],
        _ => side_of(c),
    }
}

/// [`side_of`] for the ASCII characters, by a table.
static ASCII_SIDE: [Side; 128] = {
    let mut table = [Side::Other; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = match byte {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Side::Open,
            b',' | b'.' | b';' | b':' | b'!' | b'?' => Side::Stop,
            b'(' | b'[' | b'{' | b')' | b']' | b'}' | b'/' => Side::Open,
            b'"' | b'\'' => Side::Mark,
            _ if byte.is_ascii_alphanumeric() => Side::Alnum,
            _ => Side::Other,
        };
        b += 1;
    }
    table
};

fn side_of(c: Option<char>) -> Side {
    match c {
        None => Side::Open,
        Some(c) if c.is_whitespace() => Side::Open,
        // The punctuation and marks before the test for letters: none of
        // them is one, and outside ASCII that test searches Unicode tables.
        Some(',' | '.' | ';' | ':' | '!' | '?' | '…') => Side::Stop,
        Some('(' | '[' | '{' | ')' | ']' | '}' | '—' | '–' | '/') => Side::Open,
        Some(c) if mark_family(c).is_some() => Side::Mark,
        Some(c) if is_alphanumeric(c) => Side::Alnum,
        Some(_) => Side::Other,
    }
}

fn mark_family(c: char) -> Option<Family> {
    Some(match c {
        '“' | '”' | '„' | '‟' | '"' | '＂' => Family::Double,
        '‘' | '’' | '‚' | '‛' | '\'' => Family::Single,
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::SingleGuillemet,
        _ => return None,
    })
}

/// The ASCII bytes of a word: letters, digits and `_` (a table, as the word
/// scanner asks for every byte of the text).
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// What the scanner does with an ASCII byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ByteClass {
    /// Space, tab, carriage return: skipped.
    Blank,
    /// A letter or digit: starts a word.
    Word,
    /// Ends the paragraph.
    LineBreak,
    /// `@` or `#`: starts a handle or a tag, or is punctuation alone.
    Tag,
    /// Punctuation that is no quotation mark.
    Punct,
    /// `.`, `!`, `?`: punctuation that may end a sentence.
    Stop,
    /// `,` and `;`: punctuation that may end a clause.
    Comma,
    /// Quotation marks (`"`, `'`, `` ` ``), other control characters, and
    /// every byte outside ASCII: see [`Scanner::other`].
    Other,
}

/// [`ByteClass`] by byte.
static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = match byte {
            b' ' | b'\t' | b'\r' => ByteClass::Blank,
            b'\n' => ByteClass::LineBreak,
            b'@' | b'#' => ByteClass::Tag,
            b'.' | b'!' | b'?' => ByteClass::Stop,
            b',' | b';' => ByteClass::Comma,
            b'"' | b'\'' | b'`' => ByteClass::Other,
            _ if byte.is_ascii_alphanumeric() => ByteClass::Word,
            _ if byte.is_ascii_punctuation() => ByteClass::Punct,
            _ => ByteClass::Other,
        };
        b += 1;
    }
    table
};

/// How many bytes at the start of `bytes` are ASCII letters or digits.
/// Eight bytes at a time while eight remain: the end of a word is then found
/// without a branch per byte, whose outcome no predictor can guess. (`_`,
/// a word byte too but a rare one, is left to the callers: a third range
/// would cost every word.)
fn ascii_alnum_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `v` that lies in `lo..=hi`: `v + 0x80 -
    // lo` reaches 0x80 from `lo` on, `v + 0x7f - hi` from past `hi` on. An
    // ASCII byte carries into the next byte in neither sum. A byte from
    // 0x80 on lies in none of the ranges (its sums have the high bit in
    // the wrong place, or wrap), and may carry into the bytes after it: but
    // it ends the run, so the bytes after it do not count. The first byte
    // outside the ranges is therefore found right without masking the high
    // bits off first.
    // (Wrapping sums: a byte from 0x80 on may carry out of the top.)
    let in_range = |v: u64, lo: u8, hi: u8| {
        v.wrapping_add(ONES * u64::from(0x80 - lo)) & !v.wrapping_add(ONES * u64::from(0x7f - hi)) & HIGH
    };
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        let letter = in_range(x | (ONES * 0x20), b'a', b'z');
        let word = letter | in_range(x, b'0', b'9');
        let other = !word & HIGH;
        if other != 0 {
            return n + (other.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - n)
}

/// Where the value of a markup attribute whose opening `"` is at `open`
/// closes: the next `"` on the same line.
fn attribute_close(bytes: &[u8], open: usize) -> Option<usize> {
    let k = bytes[open + 1..].iter().position(|&b| b == b'"' || b == b'\n')?;
    (bytes[open + 1 + k] == b'"').then_some(open + 1 + k)
}

/// Whether a word whose ASCII letters and digits run up to `j` ends there:
/// the text ends, or the byte at `j` is ASCII and joins nothing to the word.
/// `false` sends the word to [`Scanner::word_rest`], which decides the
/// joiners (`don't`, `45-year-old`, `3.5`, `U.S.`) and letters outside
/// ASCII; most words end at a space or a comma and need none of that.
fn ascii_word_ends_at(bytes: &[u8], j: usize) -> bool {
    let Some(&b) = bytes.get(j) else {
        return true;
    };
    // One look at a table for the bytes that end a word outright (space and
    // most punctuation).
    if !MAY_JOIN[usize::from(b)] {
        return true;
    }
    match b {
        // The word ends, unless the mark may be inside a number (`3.5`) or
        // an initial's dot (`J.`).
        b'.' | b',' | b'/' => !(bytes[j - 1].is_ascii_digit() || b == b'.' && is_initial(&bytes[..j])),
        _ => false,
    }
}

/// The bytes that may continue a word after its ASCII letters and digits:
/// `_`, joiners (`'`, `-`, `.`, `,`, `/`) and every byte outside ASCII.
static MAY_JOIN: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(b as u8, b'_' | b'\'' | b'-' | b'.' | b',' | b'/');
        b += 1;
    }
    table
};

/// Whether `c` is a letter or a digit: [`char::is_alphanumeric`], with
/// the letters of Latin-1 and Latin Extended (`é`, `ß`, `ł`, `ő`) and the
/// general punctuation (`’ “ ” — – …`) decided without a search of the
/// Unicode tables.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '×' | '÷' => false,
        'À'..='ɏ' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Scans the text into tokens and classified marks, a paragraph a line.
struct Scanner<'a, 'h> {
    text: &'h str,
    out: &'a mut Tokens<'h>,
    /// Marks opened and not yet closed in this paragraph, per family.
    open: [u32; 4],
    /// For each family, whether the innermost open mark is a straight one.
    straight_open: [u32; 4],
    /// The tokens of this paragraph that can end a sentence (`.`, `!`, `?`,
    /// `…`), for [`split_sentences`].
    stops: Vec<usize>,
}

impl<'a, 'h> Scanner<'a, 'h> {
    fn new(text: &'h str, out: &'a mut Tokens<'h>) -> Scanner<'a, 'h> {
        Scanner {
            text,
            out,
            open: [0; 4],
            straight_open: [0; 4],
            stops: Vec::new(),
        }
    }

    /// Scans the whole text. Every line is a paragraph, from its first token
    /// to its last (its white space trimmed); a line without a token is none.
    fn text(&mut self) {
        let mut i = 0;
        while i < self.text.len() {
            let first = self.out.tokens.len();
            i = self.paragraph(i);
            let tokens = first..self.out.tokens.len();
            if tokens.is_empty() {
                continue;
            }
            let span = Span::new(
                self.out.tokens[first].span().start,
                self.out.tokens[tokens.end - 1].span().end,
            );
            split_sentences(self.text, self.out, tokens.clone(), &self.stops);
            self.out.paragraphs.push(Segment { span, tokens });
        }
    }

    /// Scans the line that starts at `line`; returns where the next line
    /// starts. The line break is the only bound: a word, or a look at the
    /// character after a mark, meets white space at the line's end either
    /// way.
    fn paragraph(&mut self, line: usize) -> usize {
        self.open = [0; 4];
        self.straight_open = [0; 4];
        self.stops.clear();
        let bytes = self.text.as_bytes();
        let mut i = line;
        // Where the value of a markup attribute (`="…"`) closes.
        let mut attribute_close: Option<usize> = None;
        // ASCII by a table, in a small loop; quotation marks and everything
        // outside ASCII out of line, in `other`.
        while let Some(&b) = bytes.get(i) {
            i = match BYTE_CLASS[usize::from(b)] {
                ByteClass::Blank => i + 1,
                ByteClass::Word => self.word(i),
                ByteClass::LineBreak => return i + 1,
                ByteClass::Tag => self.tagged_word(i),
                ByteClass::Punct => self.push_punct(i, 1, false),
                ByteClass::Stop => self.push_punct(i, 1, true),
                ByteClass::Comma => self.push_comma(i),
                ByteClass::Other => self.other(line, i, &mut attribute_close),
            };
        }
        i
    }

    /// Scans the straight double mark `"` at `i`, as [`Scanner::other`]
    /// scans the other marks but without decoding a character: the mark's
    /// family is known, and [`Scanner::classify`] gives its role. Returns
    /// `i + 1`.
    ///
    /// PERF: 103.0M → 97.0M instructions on run_straight_double at 250 kB,
    /// 96.7M → 93.5M on mark_newline (benches: `scaling --once …` under
    /// callgrind); 621.3M → 621.0M on PolNeAR train (`extract --jsonl
    /// --jobs 1`). Its own entry in the scanner's table of bytes cost news
    /// more than it saved: the scanner's loop was compiled otherwise.
    fn straight_double(&mut self, line: usize, i: usize, attribute_close: &mut Option<usize>) -> usize {
        let bytes = self.text.as_bytes();
        if *attribute_close == Some(i) || i > 0 && bytes[i - 1] == b'=' {
            // `author="realDonaldTrump"`: the marks around a markup
            // attribute's value (embedded tweets in scraped copy) quote
            // nobody.
            *attribute_close = if *attribute_close == Some(i) {
                None
            } else {
                self::attribute_close(bytes, i)
            };
            self.push_unlisted(Span::new(i, i + 1), TokenKind::Punct);
        } else {
            let role = self.classify(line, i, '"', Family::Double);
            self.push_mark(Span::new(i, i + 1), role, Family::Double);
        }
        i + 1
    }

    /// Scans the character at `i` that is not plain ASCII: a quotation mark,
    /// a letter, white space or punctuation outside ASCII, a control
    /// character. Returns where the next one starts.
    #[inline(never)]
    fn other(&mut self, line: usize, i: usize, attribute_close: &mut Option<usize>) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        // `"`, the most common of these, by its byte.
        if bytes[i] == b'"' {
            return self.straight_double(line, i, attribute_close);
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let n = c.len_utf8();
        // Marks before the test for letters and digits: no mark is one,
        // and outside ASCII that test searches Unicode tables.
        if c == '`' && bytes.get(i + 1) == Some(&b'`') {
            self.push_mark(Span::new(i, i + 2), MarkRole::Opening, Family::Double);
            i + 2
        } else if c == '\'' && bytes.get(i + 1) == Some(&b'\'') && !self.closes_single_before_wire(bytes, i) {
            let role = self.wire_close_role(line, i);
            self.push_mark(Span::new(i, i + 2), role, Family::Double);
            i + 2
        } else if let Some(family) = mark_family(c) {
            let role = self.classify(line, i, c, family);
            self.push_mark(Span::new(i, i + n), role, family);
            i + n
        } else if c.is_whitespace() {
            // After the marks, which are none: the test looks up tables
            // outside ASCII.
            i + n
        } else if is_alphanumeric(c) {
            self.word_rest(i, i)
        } else {
            self.push_punct(i, n, c == '…')
        }
    }

    /// Scans a word that starts with an ASCII letter or digit at `start`,
    /// and the words after it while a space separates them: a space and
    /// another word, most often what follows a word, need no turn of the
    /// scanner's loop.
    fn word(&mut self, mut start: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            let end = start + ascii_alnum_run(&bytes[start..]);
            if !ascii_word_ends_at(bytes, end) {
                return self.word_rest(start, end);
            }
            self.push_unlisted(Span::new(start, end), TokenKind::Word);
            if bytes.get(end) != Some(&b' ') {
                return end;
            }
            match bytes.get(end + 1) {
                Some(&b) if BYTE_CLASS[usize::from(b)] == ByteClass::Word => start = end + 1,
                _ => return end + 1,
            }
        }
    }

    /// Scans a handle or tag (`@JaneDoe`, `#COP28`) from the `@` or `#`
    /// at `start`; a lone `@` or `#` is punctuation.
    fn tagged_word(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let letter_next = bytes
            .get(start + 1)
            .is_some_and(|&b| ASCII_WORD_BYTE[usize::from(b)] || b >= 0x80 && self.is_alnum_at(start + 1));
        if !letter_next {
            self.push(Span::new(start, start + 1), TokenKind::Punct);
            return start + 1;
        }
        self.word_rest(start, start + 1)
    }

    /// Whether the character at byte `j` (a char boundary, or the end) is
    /// a letter or a digit, `_` included.
    fn is_alnum_at(&self, j: usize) -> bool {
        match self.text.as_bytes().get(j) {
            None => false,
            Some(&b) if b < 0x80 => ASCII_WORD_BYTE[usize::from(b)],
            Some(_) => self.text[j..].chars().next().is_some_and(is_alphanumeric),
        }
    }

    /// Scans the rest of the word that started at `start`, from `i`:
    /// letters and digits (in any script, and `_`), with apostrophes,
    /// hyphens, dots and commas inside (`don't`, `45-year-old`, `U.S.`,
    /// `3.5`, `1,000`).
    fn word_rest(&mut self, start: usize, mut i: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = bytes.len();
        loop {
            loop {
                // ASCII letters and digits, the bulk of a word, eight bytes
                // at a time; other characters one by one.
                match bytes.get(i) {
                    Some(b) if b.is_ascii_alphanumeric() => i += ascii_alnum_run(&bytes[i..]),
                    Some(b'_') => i += 1,
                    Some(&b) if b >= 0x80 && self.is_alnum_at(i) => i += utf8_len(b),
                    _ => break,
                }
            }
            if i >= end {
                break;
            }
            // Inner joiners, each only between two alphanumerics.
            let joiner = match bytes[i] {
                b'\'' | b'-' => 1,
                // `3.5`, `40,000`, `9/11`, `24/7`.
                b'.' | b',' | b'/' if bytes[i - 1].is_ascii_digit() && i + 1 < end && bytes[i + 1].is_ascii_digit() => {
                    1
                }
                0xE2 if text[i..].starts_with('’') || text[i..].starts_with('‘') => 3,
                _ => 0,
            };
            if joiner > 0 && self.is_alnum_at(i + joiner) {
                if !matches!(bytes[i], b'-' | b'.' | b',' | b'/') {
                    // An apostrophe inside a word is still listed as a mark.
                    // Its token is the word's, pushed next.
                    let word = self.out.tokens.len();
                    (self.out.marks).push(Mark::new(
                        Span::new(i, i + joiner),
                        word,
                        MarkRole::Apostrophe,
                        Family::Single,
                    ));
                }
                i += joiner;
                continue;
            }
            // Dotted abbreviations: `U.S.`, `a.m.`, `J.`.
            if bytes[i] == b'.' && is_initial(&bytes[..i]) {
                if self.is_alnum_at(i + 1) && bytes.get(i + 2) == Some(&b'.') {
                    i += 2;
                    continue;
                }
                if is_dotted(&bytes[start..i]) {
                    i += 1;
                }
            }
            break;
        }
        // The plural possessive `teams’` and `Jesus'` keep their apostrophe
        // when no single quotation mark is open.
        self.push(Span::new(start, i), TokenKind::Word);
        i
    }

    /// A punctuation token of `n` bytes at `i`; `stop` if it is one that can
    /// end a sentence. Returns where the next character starts.
    fn push_punct(&mut self, i: usize, n: usize, stop: bool) -> usize {
        if stop {
            self.stops.push(self.out.tokens.len());
        }
        self.push(Span::new(i, i + n), TokenKind::Punct);
        i + n
    }

    /// Pushes the `,` or `;` at `i`, and notes it among the commas.
    fn push_comma(&mut self, i: usize) -> usize {
        self.out.commas.push(self.out.tokens.len() as u32);
        self.push_unlisted(Span::new(i, i + 1), TokenKind::Punct);
        i + 1
    }

    /// Pushes a token, and notes it among the tokens with characters
    /// other than ASCII if it is one (not a quotation mark).
    fn push(&mut self, span: Span, kind: TokenKind) {
        let ascii = self.text.as_bytes().get(span.range()).is_some_and(<[u8]>::is_ascii);
        if !ascii && !matches!(kind, TokenKind::Mark(_)) {
            self.out.non_ascii.push(self.out.tokens.len() as u32);
        }
        self.push_unlisted(span, kind);
    }

    /// Pushes a token known to be ASCII, or any other that is not listed
    /// among the tokens outside ASCII (a quotation mark).
    fn push_unlisted(&mut self, span: Span, kind: TokenKind) {
        self.out.tokens.push(Token::new(span, kind));
    }

    fn push_mark(&mut self, span: Span, role: MarkRole, family: Family) {
        let f = family as usize;
        // `"`, `'` and `''` (a wire mark `` `` `` and the curly and
        // full-width marks start with other bytes).
        let straight = matches!(self.text.as_bytes()[span.start], b'"' | b'\'');
        match role {
            MarkRole::Opening => {
                self.open[f] += 1;
                if straight {
                    self.straight_open[f] += 1;
                }
            }
            MarkRole::Closing => {
                self.open[f] = self.open[f].saturating_sub(1);
                if straight {
                    self.straight_open[f] = self.straight_open[f].saturating_sub(1);
                }
            }
            MarkRole::Apostrophe => {}
        }
        let token = self.out.tokens.len();
        if role == MarkRole::Apostrophe {
            self.push(span, TokenKind::Punct);
        } else {
            // A mark, even outside ASCII, is not listed among the tokens
            // outside ASCII (see [`Scanner::push`]): no need to read its
            // bytes.
            // PERF: 97.0M → 85.5M instructions on run_straight_double at
            // 250 kB, 93.5M → 87.7M on mark_newline (benches: `scaling
            // --once …` under callgrind); 621.0M → 620.2M on PolNeAR train
            // (`extract --jsonl --jobs 1`).
            let idx = self.out.marks.len() as u32;
            self.push_unlisted(span, TokenKind::Mark(idx));
        }
        self.out.marks.push(Mark::new(span, token, role, family));
    }

    /// The sides of the mark at `i..i + n` in the line that starts at
    /// `line`. Past either end of the line is white space, or nothing, which
    /// are the same side.
    fn sides(&self, line: usize, i: usize, n: usize) -> (Side, Side, Option<char>) {
        // An ASCII neighbour, the most common, without decoding.
        let bytes = self.text.as_bytes();
        let before = match i.checked_sub(1).filter(|&k| k >= line).map(|k| bytes[k]) {
            Some(b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text[line..i].chars().next_back(),
        };
        let after = match bytes.get(i + n) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text[i + n..].chars().next(),
        };
        (side(before), side(after), after)
    }

    /// `'The port is a special case,'''`: three straight marks after a word
    /// with a single quotation open close it first, then the wire quote.
    fn closes_single_before_wire(&self, bytes: &[u8], i: usize) -> bool {
        bytes.get(i + 2) == Some(&b'\'')
            && self.straight_open[Family::Single as usize] > 0
            && i > 0
            && !bytes[i - 1].is_ascii_whitespace()
    }

    /// The role of the wire-copy mark `''`: closing after a word, opening
    /// before one, and by what is open when it stands alone.
    fn wire_close_role(&self, line: usize, i: usize) -> MarkRole {
        let (left, right, _) = self.sides(line, i, 2);
        self.by_flanks(left, right, Family::Double, true)
    }

    /// Decides opening or closing from the sides: a mark with space before
    /// and a word after opens; a word or stop before and space after closes;
    /// otherwise whether a mark of its family is open decides.
    fn by_flanks(&self, left: Side, right: Side, family: Family, straight: bool) -> MarkRole {
        let left_open =
            matches!(left, Side::Open | Side::Other) || left == Side::Mark && self.open[family as usize] == 0;
        let right_open = matches!(right, Side::Open | Side::Stop | Side::Mark | Side::Other);
        match (left_open, right_open) {
            (true, false) => MarkRole::Opening,
            (false, true) => MarkRole::Closing,
            _ => {
                let pending = if straight {
                    self.straight_open[family as usize]
                } else {
                    self.open[family as usize]
                };
                if pending > 0 {
                    MarkRole::Closing
                } else {
                    MarkRole::Opening
                }
            }
        }
    }

    fn classify(&self, line: usize, i: usize, c: char, family: Family) -> MarkRole {
        let (left, right, after) = self.sides(line, i, c.len_utf8());
        let pending = self.open[family as usize] > 0;
        match c {
            // Curly double marks say which way they face; only a mark
            // written the wrong way round (space before `”` and a word
            // after) is read by its sides.
            '“' | '‟' => {
                // Closing after a word when one is open: German `„…“` and
                // `word“ ` typed the wrong way round.
                if left != Side::Open && left != Side::Mark && right != Side::Alnum && pending {
                    MarkRole::Closing
                } else {
                    MarkRole::Opening
                }
            }
            '”' => {
                if left == Side::Open && right == Side::Alnum && !pending {
                    MarkRole::Opening
                } else {
                    MarkRole::Closing
                }
            }
            '„' | '‚' => MarkRole::Opening,
            '«' | '‹' => {
                if left == Side::Alnum && right != Side::Alnum {
                    MarkRole::Closing
                } else {
                    MarkRole::Opening
                }
            }
            '»' | '›' => {
                if left == Side::Open && right == Side::Alnum && !pending {
                    MarkRole::Opening
                } else {
                    MarkRole::Closing
                }
            }
            '"' | '＂' => self.by_flanks(left, right, family, true),
            // Single marks double as apostrophes.
            _ => self.classify_single(c, left, right, after, i),
        }
    }

    /// `‘ ’ '` and friends: an apostrophe unless they open before a word
    /// or close an open single quotation.
    fn classify_single(&self, c: char, left: Side, right: Side, after: Option<char>, i: usize) -> MarkRole {
        let pending = self.open[Family::Single as usize] > 0;
        let elided =
            after.is_some_and(|a| a.is_ascii_digit()) || left == Side::Open && self.is_elision_at(i + c.len_utf8());
        match (left, right) {
            (Side::Alnum, Side::Alnum) => MarkRole::Apostrophe,
            (_, Side::Alnum) if elided => MarkRole::Apostrophe,
            // `rock ’n’ roll`: the mark after an elided `n`.
            (Side::Alnum, _) if self.after_elided_n(i) => MarkRole::Apostrophe,
            (Side::Open | Side::Mark | Side::Other, Side::Alnum) => {
                if c == '’' && left != Side::Open {
                    MarkRole::Apostrophe
                } else {
                    MarkRole::Opening
                }
            }
            // `‘The players’ union is furious,’`: a plural possessive inside
            // a single quote, when another mark further on can close it.
            (Side::Alnum, Side::Open) if pending && self.is_plural_possessive(i, c) => MarkRole::Apostrophe,
            (Side::Alnum | Side::Stop, _) if pending => MarkRole::Closing,
            (Side::Stop, Side::Open | Side::Mark) if c == '’' => MarkRole::Closing,
            (Side::Mark, Side::Open | Side::Stop | Side::Mark) if pending => MarkRole::Closing,
            (Side::Open, Side::Mark | Side::Stop | Side::Other) if c == '‘' => MarkRole::Opening,
            _ if c == '‘' && right != Side::Open => MarkRole::Opening,
            _ => MarkRole::Apostrophe,
        }
    }

    /// Whether the mark `c` at `i` ends a plural possessive (`players’
    /// union`): it follows an `s`, a lower-case word follows it, and the
    /// same mark closes a quote a little further on in the paragraph.
    fn is_plural_possessive(&self, i: usize, c: char) -> bool {
        let n = c.len_utf8();
        if !self.text[..i].ends_with('s') || !self.text[i + n..].starts_with(' ') {
            return false;
        }
        if !self.text[i + n + 1..].starts_with(|ch: char| ch.is_lowercase()) {
            return false;
        }
        // Look a bounded way ahead, so hostile text stays linear.
        let rest = &self.text[i + n..];
        let window = &rest[..floor_char_boundary(rest, POSSESSIVE_LOOKAHEAD)];
        let line = window.split('\n').next().unwrap_or("");
        // The first single mark ahead decides: one that closes (a word
        // before it, none after) makes this a possessive; one that opens
        // another quote (`‘Paris’ and ‘Rome’`) does not.
        for (k, ch) in line.char_indices() {
            if mark_family(ch) != Some(Family::Single) {
                continue;
            }
            let before = line[..k].chars().next_back();
            let after = line[k + ch.len_utf8()..].chars().next();
            let word_before =
                before.is_some_and(|b| b.is_alphanumeric() || matches!(b, ',' | '.' | '!' | '?' | ';' | ':'));
            let word_after = after.is_some_and(char::is_alphanumeric);
            match (word_before, word_after) {
                (true, true) => continue, // an apostrophe: `don't`
                (true, false) => return ch == c,
                _ => return false,
            }
        }
        false
    }

    /// Whether the mark at `i` follows an `n` that an apostrophe opened
    /// (`’n’`).
    fn after_elided_n(&self, i: usize) -> bool {
        let before = &self.text[..i];
        ["’n", "'n"]
            .iter()
            .any(|p| before.ends_with(p) && before[..before.len() - p.len()].ends_with(' '))
    }

    /// Whether the word at `from` is one of the elisions of the lexicon, in any case
    /// (`’em`, `’Tis`). Without a lower-cased copy: the elisions are ASCII
    /// and have no `k`, and no character outside ASCII but the Kelvin sign
    /// lower-cases to ASCII, so ignoring ASCII case finds the same words.
    fn is_elision_at(&self, from: usize) -> bool {
        let rest = self.text.get(from..).unwrap_or("");
        // Six characters at most: the longest elision has five.
        let len = rest
            .char_indices()
            .take_while(|&(_, c)| is_alphanumeric(c))
            .take(6)
            .last()
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &rest[..len];
        LEXICON.elisions.iter().any(|e| word.eq_ignore_ascii_case(e))
    }
}

/// How far (in bytes) a possible plural possessive looks for the mark that
/// closes its quote.
const POSSESSIVE_LOOKAHEAD: usize = 200;

/// The largest char boundary of `s` at or below `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `before` ends with a lone letter (the start of `U.S.` or an
/// initial).
fn is_initial(before: &[u8]) -> bool {
    let n = before.len();
    n >= 1 && before[n - 1].is_ascii_alphabetic() && (n == 1 || !before[n - 2].is_ascii_alphanumeric())
}

/// Whether a word is dotted letters, `U.S` or `a.m`, whose last dot belongs
/// to it.
fn is_dotted(word: &[u8]) -> bool {
    word.len() >= 3
        && word.iter().step_by(2).all(u8::is_ascii_alphabetic)
        && word.iter().skip(1).step_by(2).all(|&b| b == b'.')
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = tokenize(text);
        t.words().map(|s| &text[s.range()]).collect()
    }

    fn roles(text: &str) -> Vec<MarkRole> {
        tokenize(text).marks().map(|m| m.role).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let t = tokenize(text);
        t.sentences().map(|s| &text[s.range()]).collect()
    }

    use MarkRole::*;

    #[test]
    fn ascii_alnum_runs_end_where_a_byte_by_byte_scan_ends() {
        let by_bytes = |b: &[u8]| b.iter().take_while(|&&c| c.is_ascii_alphanumeric()).count();
        let mut all: Vec<u8> = (0..=255).collect();
        all.extend_from_slice("snake_case9 Zürich’s A-Z az@[`{ 0123456789_x".as_bytes());
        // Every byte value at every place of a run of letters, and runs of
        // every length up to past two chunks.
        for len in 0..20 {
            for &b in &all {
                let mut text = vec![b'q'; len];
                text.push(b);
                text.extend_from_slice(b"tail words");
                assert_eq!(super::ascii_alnum_run(&text), by_bytes(&text), "{len} {b:#x}");
            }
        }
        for start in 0..all.len() {
            assert_eq!(super::ascii_alnum_run(&all[start..]), by_bytes(&all[start..]));
        }
        // Every pair of bytes after runs of every letter and digit in turn:
        // a byte from 0x80 on carries into the byte after it, which must
        // not count.
        let word_bytes: Vec<u8> = (0..=255u8).filter(u8::is_ascii_alphanumeric).collect();
        for len in 0..10 {
            for b in 0..=255u8 {
                for c in 0..=255u8 {
                    let mut text: Vec<u8> = (0..len).map(|k| word_bytes[(k * 7 + usize::from(b)) % 62]).collect();
                    text.extend_from_slice(&[b, c, 0xff, b'a', 0x80, b'z']);
                    assert_eq!(super::ascii_alnum_run(&text), by_bytes(&text), "{len} {b:#x} {c:#x}");
                }
            }
        }
    }
    /// Characters to put around the places the fast paths decide: every
    /// ASCII character, and letters, marks and spaces from outside ASCII.
    fn probe_chars() -> Vec<char> {
        let mut chars: Vec<char> = (0u8..0x80).map(char::from).collect();
        chars.extend("éÀßÿ×÷łőɏɐ’‘“”—–…•\u{a0}\u{2028}\u{2070}ⁱ中😀ª²".chars());
        chars
    }

    /// Tokens with no paragraph yet, for driving a [`Scanner`] by hand.
    fn empty_tokens(text: &str) -> Tokens<'_> {
        Tokens {
            text,
            tokens: Vec::new(),
            marks: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            non_ascii: Vec::new(),
            commas: Vec::new(),
        }
    }

    #[test]
    fn the_latin_letter_shortcut_agrees_with_char_is_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_ascii_word_fast_path_ends_words_where_the_full_scan_ends_them() {
        let heads = ["q", "qu", "U", "a", "3", "45", "x_y", "snake_case9", "abcdefghijk"];
        let chars = probe_chars();
        // What follows the character after the run: each decides a joiner.
        let tails = [
            "", " ", "s", "5", ".", "S.", "é", "’s", "\n", "-", "'", "x.y", " s", " 5.", " é", "  x", " x y",
        ];
        for head in heads {
            for &c in &chars {
                for tail in tails {
                    let text = format!(" {head}{c}{tail}");
                    let mut fast = empty_tokens(&text);
                    let fast_end = Scanner::new(&text, &mut fast).word(1);
                    // The full scan, word after word while a space and a
                    // letter or digit follow (the fast path goes on to the
                    // next word there, if it ended the word before), with
                    // where each word ends.
                    let mut full = empty_tokens(&text);
                    let mut scanner = Scanner::new(&text, &mut full);
                    let bytes = text.as_bytes();
                    let mut ends = Vec::new();
                    let mut start = 1;
                    loop {
                        let end = scanner.word_rest(start, start);
                        ends.push(end);
                        if bytes.get(end) == Some(&b' ') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                            start = end + 1;
                        } else {
                            break;
                        }
                    }
                    // The fast path's words are the first of the full scan's.
                    let n = fast.tokens.len();
                    assert_eq!(fast.tokens[..], full.tokens[..n], "{text:?}");
                    let marks: Vec<Mark> = full.marks.iter().filter(|m| (m.token as usize) < n).copied().collect();
                    assert_eq!(fast.marks, marks, "{text:?}");
                    // Where the fast path ends a word, it steps over a
                    // space after it too.
                    let full_end = ends[n - 1];
                    let stepped = fast_end == full_end + 1 && bytes.get(full_end) == Some(&b' ');
                    assert!(fast_end == full_end || stepped, "{text:?}: {fast_end} {full_end}");
                }
            }
        }
    }

    /// Sentences as [`split_sentences`] made them before it looked only at
    /// the stops: every token of the paragraph in turn.
    fn sentences_by_every_token(t: &Tokens<'_>) -> Vec<Span> {
        let mut out = empty_tokens(t.text);
        out.tokens = t.tokens.clone();
        out.marks = t.marks.clone();
        for p in &t.paragraphs {
            let tokens = p.tokens.clone();
            let mut start = tokens.start;
            let mut i = tokens.start;
            while i < tokens.end {
                if is_sentence_end(t.text, &out, i, tokens.end) {
                    let mut j = i + 1;
                    while j < tokens.end && closes_sentence(t.text, &out, j) {
                        j += 1;
                    }
                    push_sentence(&mut out, start..j);
                    start = j;
                    i = j;
                } else {
                    i += 1;
                }
            }
            if start < tokens.end {
                push_sentence(&mut out, start..tokens.end);
            }
        }
        out.sentences.iter().map(|s| s.span).collect()
    }

    /// Texts made of the pieces that decide tokens, sentences and
    /// paragraphs, in a fixed pseudo-random order.
    fn piece_texts(count: usize) -> Vec<String> {
        let pieces = [
            "Mr.", " ", " ", "Smith", "said", ".", "!", "?", "…", "”", "“", "‘", "’", "(", ")", "[", "]", "U.S.", "He",
            "no", "No.", "10", "3.5", "\n", "\n\n", " \n", "'", "\"", "''", "``", "a", "J.", "é", "—", "\u{a0}", "\t",
            "\r\n", "@x", "#", "=\"", "don't", "it’s", ",", ":", "Del.", "e.g.",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..count)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..24 {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                text
            })
            .collect()
    }

    #[test]
    fn sentences_from_the_stops_are_the_sentences_from_every_token() {
        for text in piece_texts(5000) {
            let t = tokenize(&text);
            let spans: Vec<Span> = t.sentences().collect();
            assert_eq!(spans, sentences_by_every_token(&t), "{text:?}");
        }
    }

    #[test]
    fn the_tokens_with_other_characters_than_ascii_are_noted() {
        for text in [
            "“Zoë’s café,” said @Zoë — it’s £5… ‘OK’ 'fine' don’t rock ’n’ roll",
            "Plain ASCII, only: \"quoted\" and 'single' marks.",
            "Ünal\u{a0}said ½ — and ⅓… «Oui» „Ja“ 🙂!",
            "",
        ] {
            let t = tokenize(text);
            let expected: Vec<u32> = (0..t.tokens.len())
                .filter(|&i| !matches!(t.tokens[i].kind(), TokenKind::Mark(_)) && !t.str(i).is_ascii())
                .map(|i| i as u32)
                .collect();
            assert_eq!(t.non_ascii, expected, "{text:?}");
        }
    }

    #[test]
    fn paragraphs_are_the_trimmed_lines_that_are_not_blank() {
        for text in piece_texts(5000) {
            let t = tokenize(&text);
            let mut lines = Vec::new();
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                let body = line.trim();
                if !body.is_empty() {
                    let lead = line.len() - line.trim_start().len();
                    lines.push(Span::new(start + lead, start + lead + body.len()));
                }
                start += line.len();
            }
            assert_eq!(t.paragraphs().collect::<Vec<_>>(), lines, "{text:?}");
        }
    }

    #[test]
    fn elisions_are_found_without_a_lower_cased_copy() {
        // The premise: outside ASCII, only the Kelvin sign lower-cases to
        // ASCII, and no elision holds its `k`.
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(c, '\u{212A}');
            }
        }
        assert!(
            LEXICON
                .elisions
                .iter()
                .all(|e| !e.contains('k') && e.bytes().all(|b| b.is_ascii_lowercase()))
        );
        // The lower-cased copy of up to eight characters, as it was made.
        let by_copy = |rest: &str| {
            let lower: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .take(8)
                .flat_map(char::to_lowercase)
                .collect();
            LEXICON.elisions.contains(&lower.as_str())
        };
        let words = [
            "em",
            "EM",
            "Em ",
            "tis",
            "Tis,",
            "twas.",
            "n",
            "N’",
            "cause",
            "Cause",
            "causes",
            "til",
            "bout",
            "round",
            "rounds",
            "roundabout",
            "em\u{212A}",
            "\u{212A}",
            "İs",
            "tİs",
            "émé",
            "",
            " ",
            "’",
            "n't",
            "em-dash",
        ];
        for w in words {
            let text = format!("’{w}");
            let mut out = empty_tokens(&text);
            let scanner = Scanner::new(&text, &mut out);
            assert_eq!(scanner.is_elision_at(3), by_copy(w), "{w:?}");
        }
    }

    #[test]
    fn the_ascii_side_table_agrees_with_the_rules() {
        for c in (0..128u8).map(char::from) {
            assert_eq!(side(Some(c)), side_of(Some(c)), "{c:?}");
        }
    }

    /// The straight double mark read by its byte takes the role
    /// [`Scanner::classify`] gives any `"`, between any two characters and
    /// whatever marks are open.
    #[test]
    fn straight_double_mark_by_its_byte_is_classified_as_decoded() {
        let chars = probe_chars();
        for &a in chars.iter().filter(|&&a| a != '=') {
            for &b in &chars {
                for (open, straight_open) in [(0, 0), (1, 0), (1, 1), (2, 1)] {
                    let text = format!("{a}\"{b}");
                    let i = a.len_utf8();
                    let mut out = empty_tokens(&text);
                    let mut scanner = Scanner::new(&text, &mut out);
                    scanner.open[Family::Double as usize] = open;
                    scanner.straight_open[Family::Double as usize] = straight_open;
                    let decoded = scanner.classify(0, i, '"', Family::Double);
                    assert_eq!(scanner.other(0, i, &mut None), i + 1, "{text:?}");
                    let mark = scanner.out.marks.last().copied();
                    assert_eq!(
                        mark.map(|m| (m.role, m.family)),
                        Some((decoded, Family::Double)),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn sides_read_without_decoding_agree_with_decoded_sides() {
        let chars = probe_chars();
        for &a in &chars {
            for &b in &chars {
                for mark in ['’', '"', '“'] {
                    let text = format!("{a}{mark}{b}");
                    let mut out = empty_tokens(&text);
                    let scanner = Scanner::new(&text, &mut out);
                    let i = a.len_utf8();
                    let n = mark.len_utf8();
                    let decoded = (
                        side_of(text[..i].chars().next_back()),
                        side_of(text[i + n..].chars().next()),
                        text[i + n..].chars().next(),
                    );
                    assert_eq!(scanner.sides(0, i, n), decoded, "{text:?}");
                    // At the start of the line and the end of the text.
                    assert_eq!(scanner.sides(i, i, n).0, Side::Open, "{text:?}");
                    let end = text.len() - b.len_utf8();
                    assert_eq!(scanner.sides(0, end, b.len_utf8()).1, Side::Open, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            words("The 45-year-old didn’t visit the U.S. in 3.5 days, @JaneDoe, 24/7."),
            [
                "The",
                "45-year-old",
                "didn’t",
                "visit",
                "the",
                "U.S.",
                "in",
                "3.5",
                "days",
                "@JaneDoe",
                "24/7"
            ]
        );
    }

    #[test]
    fn underscores_are_word_characters() {
        assert_eq!(
            words("snake_case_9 _x x_ a_’b __init__ é_1"),
            ["snake_case_9", "x", "x_", "a_’b", "init__", "é_1"]
        );
    }

    #[test]
    fn paragraphs_are_lines() {
        let t = tokenize("One.\n\n  Two.  \nThree");
        let text = t.text();
        let p: Vec<_> = t.paragraphs().map(|s| &text[s.range()]).collect();
        assert_eq!(p, ["One.", "Two.", "Three"]);
    }

    #[test]
    fn sentences_skip_abbreviations() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones at No. 10. They spoke."),
            ["Mr. Smith met Dr. Jones at No. 10.", "They spoke."]
        );
        assert_eq!(
            sentences("John F. Kennedy won in the U.S. He was young."),
            ["John F. Kennedy won in the U.S. He was young."]
        );
    }

    #[test]
    fn sentences_keep_closing_marks() {
        assert_eq!(
            sentences("She said: “We won.” He left. “Why?” he asked."),
            ["She said: “We won.”", "He left.", "“Why?” he asked."]
        );
    }

    #[test]
    fn curly_marks() {
        assert_eq!(roles("“Yes,” she said."), [Opening, Closing]);
        assert_eq!(
            roles("“He called it ‘absurd’,” he said."),
            [Opening, Opening, Closing, Closing]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            roles("London’s teams’ coach in the ’90s"),
            [Apostrophe, Apostrophe, Apostrophe]
        );
        assert_eq!(roles("rock ’n’ roll"), [Apostrophe, Apostrophe]);
        assert_eq!(roles("don't O'Brien"), [Apostrophe, Apostrophe]);
    }

    #[test]
    fn single_quotes_pair_around_words() {
        assert_eq!(roles("urged him to ‘un-twin Harlow’ now"), [Opening, Closing]);
        assert_eq!(
            roles("called it 'absurd' and 'wrong'."),
            [Opening, Closing, Opening, Closing]
        );
    }

    #[test]
    fn straight_double_marks_by_flanks_and_parity() {
        assert_eq!(
            roles("He said \"yes\" and \"no.\""),
            [Opening, Closing, Opening, Closing]
        );
        assert_eq!(roles("a \" b \" c"), [Opening, Closing]);
    }

    #[test]
    fn wire_marks() {
        assert_eq!(
            roles("``Yes,'' he said. ''No,'' she said."),
            [Opening, Closing, Opening, Closing]
        );
    }

    #[test]
    fn guillemets() {
        assert_eq!(roles("« Oui », dit-il."), [Opening, Closing]);
    }

    #[test]
    fn marks_reset_per_paragraph() {
        assert_eq!(roles("“One\n“Two.”"), [Opening, Opening, Closing]);
    }

    #[test]
    fn a_plural_possessive_looks_two_hundred_bytes_ahead() {
        // The closing mark within the bound makes `players’` a possessive;
        // beyond it, `players’` closes the quote.
        let text = |n: usize| format!("‘The players’ union {}is furious,’ he said.", "x ".repeat(n));
        let near = roles(&text(10));
        assert_eq!(near[1], Apostrophe);
        let far = roles(&text(POSSESSIVE_LOOKAHEAD));
        assert_eq!(far[1], Closing);
    }

    #[test]
    fn the_commas_are_the_tokens_written_as_a_comma_or_semicolon() {
        let texts = [
            "Yes, she said; no, he said, and 1,000 people (or so), “well,” wrote Ann’s aide.",
            ",;,,;",
            "A list: one , two ;three,four",
            "",
            "“Quoted, with commas,” she said, “and more; still.”\n\nNew paragraph, again.",
        ];
        for text in texts {
            let t = tokenize(text);
            let expected: Vec<u32> = (0..t.tokens.len())
                .filter(|&i| matches!(t.str(i), "," | ";"))
                .map(|i| i as u32)
                .collect();
            assert_eq!(t.commas, expected, "{text:?}");
        }
    }
}
