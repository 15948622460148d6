//! Stage 2: quote spans. Pairs the quotation marks of stage 1 into
//! quotations and says what each holds.
//!
//! Marks pair per paragraph on a stack: a closing mark closes the nearest
//! open mark of its family, so a different mark inside (`“…‘…’…”`) and a
//! mark of the same kind inside (`“…“…”…”`) both nest. Only outermost pairs
//! become quotes. A paragraph that ends with a quote still open continues
//! that quote when the next paragraph opens with a mark of the same family
//! (the news convention for quotes over paragraphs); otherwise the quote ends
//! with its paragraph. A closing mark with nothing to close is skipped, so a
//! stray mark costs at most its own paragraph's quote, never the rest of the
//! text.
//!
//! A quoted transcript (`"WALLACE: …` ⏎ `"PENCE: …`) reopens every
//! paragraph, but each speaker's turn is a quote of its own: a paragraph
//! that opens with a speaker's label in capitals and a colon starts a new
//! quote, whose content starts after the label.

use std::borrow::Cow;

use crate::lexicon::LEXICON;
use crate::lexicon::classes::Class;
use crate::tokenize::{Family, Mark, MarkRole, Segment, TokenKind, Tokens};
use crate::types::{QuoteKind, Span};

/// A title in marks has at most this many words.
const TITLE_MAX_WORDS: usize = 8;

/// A transcript's speaker label has at most this many words (`JAKE
/// TAPPER:`).
const LABEL_MAX_WORDS: usize = 3;

/// The look back from a quote's opening mark for the words before it
/// (title nouns, scare cues) passes at most this many tokens: callers want
/// the nearest four words, which in prose lie within a dozen tokens, and
/// the bound keeps a paragraph of marks without words linear.
pub(crate) const MAX_LOOKBACK_TOKENS: usize = 32;

/// Open marks deeper than this are ignored: real quotes nest two or three
/// deep, and the limit keeps hostile runs of opening marks linear.
const MAX_DEPTH: usize = 16;

/// A quotation found by pairing marks, before speakers are attributed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FoundQuote {
    /// From the opening mark to the closing mark (or the end of the last
    /// paragraph when the closing mark is missing).
    pub(crate) span: Span,
    /// The quoted words, one span per paragraph.
    pub(crate) content: Vec<Span>,
    /// Token index of the opening mark.
    pub(crate) open: usize,
    /// Token index of the closing mark, if there is one.
    pub(crate) close: Option<usize>,
    /// Token index one past the quote's last token.
    pub(crate) end_token: usize,
    /// Paragraph indexes of the first and last paragraph.
    pub(crate) first_para: usize,
    pub(crate) last_para: usize,
    pub(crate) kind: QuoteKind,
    /// Token indexes of a transcript turn's speaker label (`PENCE`), which
    /// stands inside the marks before its colon.
    pub(crate) label: Option<std::ops::Range<usize>>,
}

impl FoundQuote {
    /// The quote as a result, with no cue and no speaker.
    pub(crate) fn into_quote(self, text: &str) -> crate::types::Quote<'_> {
        crate::types::Quote {
            haystack: text,
            span: self.span,
            content: self.content,
            kind: self.kind,
            cue: None,
            speaker: None,
        }
    }
}

/// An open mark on the pairing stack.
#[derive(Clone, Copy, Debug)]
struct Open {
    token: usize,
    family: Family,
}

/// A quote carried over a paragraph break, waiting for the next paragraph
/// to reopen it.
struct Carried {
    quote: FoundQuote,
    family: Family,
}

/// Finds the quotations in `tokens`, in text order.
pub(crate) fn find(tokens: &Tokens<'_>) -> Vec<FoundQuote> {
    // Room for the quotes of news, so that the list seldom grows: at most
    // one a pair of marks, and (quote-heavy copy has one every 180 bytes or
    // so) one every 128 bytes, which bounds what a text of unpaired marks
    // reserves.
    let mut quotes = Vec::with_capacity((tokens.marks.len() / 2).min(tokens.text().len() / 128));
    // The quote still open at the end of the paragraph before; while the
    // paragraphs reopen it, it is extended where it lies.
    let mut carried: Option<Carried> = None;
    let mut labels = turn_labels(tokens).into_iter().peekable();
    // One stack for all paragraphs, emptied for each, so that it is
    // allocated once.
    let mut stack: Vec<Open> = Vec::new();
    let mut mark_cursor = 0;
    for (p, para) in tokens.paragraphs.iter().enumerate() {
        stack.clear();
        let label = labels.next_if(|(q, _)| *q == p).map(|(_, label)| label);
        // The carried quote goes on if this paragraph reopens it with a
        // mark of the same family (and no new speaker's turn starts); else
        // it ends with the paragraph before.
        let first = para.tokens.start;
        if let Some(c) = &carried {
            if opening_family(tokens, first) == Some(c.family) && label.is_none() {
                stack.push(Open {
                    token: first,
                    family: c.family,
                });
            } else {
                quotes.extend(carried.take().map(|c| c.quote));
            }
        }
        for (t, mark) in marks_in(tokens, para, &mut mark_cursor) {
            match mark.role {
                MarkRole::Opening => {
                    if stack.len() < MAX_DEPTH && !(carried.is_some() && t == first) {
                        stack.push(Open {
                            token: t,
                            family: mark.family,
                        });
                    }
                }
                MarkRole::Closing => {
                    crate::steps::take(stack.len());
                    let Some(depth) = stack.iter().rposition(|o| o.family == mark.family) else {
                        continue; // a stray closing mark
                    };
                    let open = stack[depth];
                    stack.truncate(depth);
                    if depth > 0 {
                        continue; // a nested quote: part of the outer one
                    }
                    let quote = match carried.take() {
                        Some(mut c) => {
                            extend(tokens, &mut c.quote, p, open.token, Some(t));
                            c.quote
                        }
                        // `""`, `“ ”`: marks around no word quote nothing.
                        None if !holds_a_word(tokens, open.token, t) => continue,
                        None => new_quote(tokens, p, open.token, Some(t), &label),
                    };
                    quotes.push(quote);
                }
                MarkRole::Apostrophe => {}
            }
        }
        // Whatever is still open at the paragraph's end: the outermost open
        // mark starts (or continues) a quote that the next paragraph may
        // reopen.
        // PERF: the carried quote extended in place rather than moved in and
        // out of an `Option` at each paragraph: 130.3M → 121.8M instructions
        // on mark_newline at 250 kB (benches: `scaling --once mark_newline`
        // under callgrind).
        if let Some(open) = stack.first().copied() {
            match &mut carried {
                Some(c) => extend(tokens, &mut c.quote, p, open.token, None),
                None => {
                    carried = Some(Carried {
                        quote: new_quote(tokens, p, open.token, None, &label),
                        family: open.family,
                    })
                }
            }
        }
    }
    quotes.extend(carried.map(|c| c.quote));
    for i in 0..quotes.len() {
        let kind = classify(tokens, &quotes, i);
        quotes[i].kind = kind;
    }
    merge_fragments(tokens, quotes)
}

/// Fragments this close together in one sentence, with no reporting verb
/// between, are parts of one quote: the words of one report, however long
/// the sentence between them (`Reilly said he won “every single vote” and
/// that, with the count still going, there was “a lot going on.”`). The
/// bound keeps the look at the gap short whatever the text.
const MERGE_MAX_GAP_WORDS: usize = 40;

/// Joins quoted fragments of one statement, `called it “a disgrace” and “a
/// robbery”`, into one mixed quote with a content part per fragment: the
/// words between are short, hold no reporting verb and end no sentence.
fn merge_fragments(tokens: &Tokens<'_>, mut quotes: Vec<FoundQuote>) -> Vec<FoundQuote> {
    // In place: each quote is joined to the last one kept, or kept.
    // (One buffer for the words that `joins` lower-cases.)
    let mut lower = String::new();
    quotes.dedup_by(|q, prev| {
        if !joins(tokens, prev, q, &mut lower) {
            return false;
        }
        prev.span.end = q.span.end;
        prev.content.append(&mut q.content);
        prev.close = q.close;
        prev.end_token = q.end_token;
        true
    });
    quotes
}

/// Whether fragments `a` and `b` are parts of one quote; `lower` is a
/// buffer for the words between in lower case.
fn joins(tokens: &Tokens<'_>, a: &FoundQuote, b: &FoundQuote, lower: &mut String) -> bool {
    if a.kind != QuoteKind::Mixed || b.kind != QuoteKind::Mixed || a.last_para != b.first_para || a.close.is_none() {
        return false;
    }
    let gap = a.end_token..b.open;
    let mut words = 0;
    for t in gap {
        crate::steps::take(1);
        match tokens.tokens[t].kind() {
            TokenKind::Word => {
                words += 1;
                // Past the bound the fragments do not join: the rest of
                // the gap need not be read.
                if words > MERGE_MAX_GAP_WORDS {
                    return false;
                }
                // PERF: lower-cased into one buffer for all the gaps rather
                // than a new string a word: 100.4M → 96.3M instructions on
                // named_cues at 250 kB.
                if LEXICON.reporting_verbs.contains(lower_case_into(tokens.str(t), lower)) {
                    return false;
                }
            }
            TokenKind::Punct if matches!(tokens.str(t), "." | "!" | "?" | ";" | ":") => return false,
            _ => {}
        }
    }
    words <= MERGE_MAX_GAP_WORDS
}

/// `his “Keepin' On” radio program`, `the “Harbour Lights” tour`: a name
/// in title case right before a title noun (one word may stand between)
/// is the name of that show, book or tour.
fn names_what_follows(tokens: &Tokens<'_>, q: &FoundQuote) -> bool {
    let Some(close) = q.close else {
        return false;
    };
    let para_end = tokens.paragraphs[q.last_para].tokens.end;
    let title_noun =
        |t: usize| t < para_end && tokens.tokens[t].is_word() && Class::TITLE_NOUN.holds(&lower_case(tokens.str(t)));
    let word = |t: usize| t < para_end && tokens.tokens[t].is_word();
    // A word right after the marks first (either title noun needs one),
    // then the quote's own words: most quotes are not in title case, and
    // the words after need no lower-casing.
    // PERF: with the buffer of `joins`, 106.8M → 96.3M instructions on
    // named_cues at 250 kB, and quotation_marks 66.7M → 66.6M (benches:
    // `scaling --once named_cues` under callgrind).
    word(close + 1) && is_title_case(tokens, q) && (title_noun(close + 1) || title_noun(close + 2))
}

/// `Rep. Robert C. “Bobby” Scott`, `Del. Marcia “Cia” Price`: a word or
/// two in title case between the words of a name is the person's nickname,
/// a name, not speech.
fn is_nickname(tokens: &Tokens<'_>, q: &FoundQuote) -> bool {
    let capitalised_word = |t: usize| {
        tokens.tokens.get(t).is_some_and(|token| token.is_word()) && tokens.str(t).starts_with(char::is_uppercase)
    };
    // (Past the dot of an initial before the marks: `Robert C. “Bobby”`.)
    let before = match q.open.checked_sub(1) {
        Some(t) if tokens.str(t) == "." => t.checked_sub(1),
        t => t,
    };
    let Some(close) = q.close else {
        return false;
    };
    let para_end = tokens.paragraphs[q.last_para].tokens.end;
    before.is_some_and(capitalised_word)
        && close + 1 < para_end
        && capitalised_word(close + 1)
        && word_count_up_to(tokens, q, 3) <= 2
        && is_title_case(tokens, q)
}

/// The quotation marks of a paragraph (apostrophes are not among them),
/// with their token indexes, in order. Found from the marks, which are in
/// text order as the tokens are: a paragraph costs a look at each of its
/// marks, not at each of its tokens. `cursor` is the index of a mark not
/// past the paragraph's first; it is moved past the paragraph's marks, so
/// that the paragraphs asked in order cost one pass over the marks in all
/// (a search by halves for each would cost more than linear time on a text
/// of many short paragraphs).
fn marks_in<'a>(
    tokens: &'a Tokens<'_>,
    para: &Segment,
    cursor: &mut usize,
) -> impl Iterator<Item = (usize, Mark)> + 'a {
    let marks = &tokens.marks;
    let mut first = *cursor;
    while first < marks.len() && marks[first].span().start < para.span.start {
        first += 1;
    }
    let mut end = first;
    while end < marks.len() && marks[end].span().start < para.span.end {
        end += 1;
    }
    *cursor = end;
    marks[first..end]
        .iter()
        .filter(|m| m.role != MarkRole::Apostrophe)
        .map(|m| (m.token as usize, *m))
}

/// Whether a word token stands between the opening mark `open` and the
/// closing mark `close`. Only called on a pair that closes at the outer
/// level, whose tokens no other outer pair shares: linear in all.
fn holds_a_word(tokens: &Tokens<'_>, open: usize, close: usize) -> bool {
    tokens.tokens[open + 1..close].iter().any(|t| t.is_word())
}

/// The family of token `t` if it is an opening mark.
fn opening_family(tokens: &Tokens<'_>, t: usize) -> Option<Family> {
    match tokens.tokens.get(t)?.kind() {
        TokenKind::Mark(m) => {
            let mark = tokens.marks[m as usize];
            (mark.role == MarkRole::Opening).then_some(mark.family)
        }
        _ => None,
    }
}

/// The quoted words between an opening mark and a closing mark (or the end
/// of paragraph `p`).
fn content_span(tokens: &Tokens<'_>, p: usize, open: usize, close: Option<usize>) -> Span {
    let start = tokens.tokens[open].span().end;
    let end = match close {
        Some(c) => tokens.tokens[c].span().start,
        None => tokens.paragraphs[p].span.end,
    };
    // A paragraph that is a mark alone (`"` ⏎ reopening a quote) adds an
    // empty part.
    // PERF: with the short paragraphs' labels not asked for (`turn_labels`),
    // 121.8M → 111.7M instructions on mark_newline at 250 kB.
    if end <= start {
        return Span::new(start, start);
    }
    let inner = &tokens.text()[start..end];
    // Most quotes hug their marks: trimmed only at an end that may be white
    // space.
    let tight = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !char::from(b).is_whitespace());
    let body = if tight(inner.as_bytes().first()) {
        inner
    } else {
        inner.trim_start()
    };
    let lead = inner.len() - body.len();
    let len = if tight(body.as_bytes().last()) {
        body.len()
    } else {
        body.trim_end().len()
    };
    Span::new(start + lead, start + lead + len)
}

/// A quote that opens with token `open` in paragraph `p`; a transcript
/// turn when `label` is the label right after that mark.
fn new_quote(
    tokens: &Tokens<'_>,
    p: usize,
    open: usize,
    close: Option<usize>,
    label: &Option<std::ops::Range<usize>>,
) -> FoundQuote {
    let para = &tokens.paragraphs[p];
    let end = close.map_or(para.span.end, |c| tokens.tokens[c].span().end);
    let label = label.clone().filter(|l| l.start == open + 1);
    // A turn's words start after its label's colon.
    let content_open = label.as_ref().map_or(open, |l| l.end);
    FoundQuote {
        span: Span::new(tokens.tokens[open].span().start, end),
        content: vec![content_span(tokens, p, content_open, close)],
        open,
        close,
        end_token: close.map_or(para.tokens.end, |c| c + 1),
        first_para: p,
        last_para: p,
        kind: QuoteKind::Direct,
        label,
    }
}

/// The paragraphs that open with a speaker's label, in order, each with
/// its label, when the text is a quoted transcript: an opening mark, one
/// to three words in capitals and a colon (`“PENCE: Well, look…`). Two
/// labelled paragraphs at least make a transcript; one is more likely a
/// heading (`“UPDATE: …`).
fn turn_labels(tokens: &Tokens<'_>) -> Vec<(usize, std::ops::Range<usize>)> {
    // Only the labelled paragraphs are listed, and a paragraph shorter than
    // a mark, a word and a colon is not asked.
    // PERF: not asking (see `content_span`); the list of labelled
    // paragraphs alone rather than an entry a paragraph: 111.7M → 110.6M
    // instructions on mark_newline at 250 kB.
    let labels: Vec<_> = (tokens.paragraphs.iter().enumerate())
        .filter(|(_, para)| para.tokens.len() >= 3)
        .filter_map(|(p, _)| Some((p, turn_label(tokens, p)?)))
        .collect();
    if labels.len() < 2 { Vec::new() } else { labels }
}

/// The label of paragraph `p`, if it opens like a transcript turn.
fn turn_label(tokens: &Tokens<'_>, p: usize) -> Option<std::ops::Range<usize>> {
    let para = &tokens.paragraphs[p];
    let first = para.tokens.start;
    opening_family(tokens, first)?;
    let start = first + 1;
    // `:` is punctuation: the kind rules out the words without their text.
    let colon = |t: usize| tokens.tokens[t].kind() == TokenKind::Punct && tokens.str(t) == ":";
    let end = (start..para.tokens.end.min(start + LABEL_MAX_WORDS + 1)).find(|&t| colon(t))?;
    let in_capitals = |t: usize| {
        let s = tokens.str(t);
        tokens.tokens[t].is_word()
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !s.chars().any(char::is_lowercase)
    };
    (end > start && (start..end).all(in_capitals)).then_some(start..end)
}

/// Adds paragraph `p` (which reopened with token `open`) to a quote that
/// runs over paragraphs.
fn extend(tokens: &Tokens<'_>, q: &mut FoundQuote, p: usize, open: usize, close: Option<usize>) {
    let para = &tokens.paragraphs[p];
    q.span.end = close.map_or(para.span.end, |c| tokens.tokens[c].span().end);
    q.content.push(content_span(tokens, p, open, close));
    q.close = close;
    q.end_token = close.map_or(para.tokens.end, |c| c + 1);
    q.last_para = p;
}

/// Says what quote `i` holds, from its words and the words before it.
fn classify(tokens: &Tokens<'_>, quotes: &[FoundQuote], i: usize) -> QuoteKind {
    let q = &quotes[i];
    if is_title(tokens, quotes, i) || is_link_line(tokens, q.first_para) {
        return QuoteKind::Title;
    }
    if follows_scare_cue(tokens, q) {
        return QuoteKind::ScareQuote;
    }
    if is_whole_speech(tokens, q) {
        QuoteKind::Direct
    } else {
        QuoteKind::Mixed
    }
}

/// A link to another story, the words of its label in capitals and a
/// colon first: `READ MORE: ‘Still in shock’: town rejects…`, `WATCH:
/// Police warn of rise in ‘sextortion’ cases`. Its quotes are parts of
/// that story's headline.
fn is_link_line(tokens: &Tokens<'_>, p: usize) -> bool {
    let para = &tokens.paragraphs[p];
    let mut label_words = 0;
    for t in para.tokens.clone().take(LABEL_MAX_WORDS + 1) {
        let w = tokens.str(t);
        let in_capitals = !w.bytes().any(|b| b.is_ascii_lowercase());
        match tokens.tokens[t].kind() {
            TokenKind::Word if in_capitals && Class::LINK_LABEL.holds(&w.to_lowercase()) => label_words += 1,
            TokenKind::Punct if w == ":" => return label_words > 0,
            _ => return false,
        }
    }
    false
}

/// The lower-cased words before the opening mark of quote `q` in its
/// sentence, nearest first. Lazy: callers look at the first three or four,
/// and most stop at the first, so no word past the one they stop at is
/// lower-cased.
fn words_before<'a, 'h>(tokens: &'a Tokens<'h>, q: &FoundQuote) -> impl Iterator<Item = Cow<'h, str>> + 'a {
    let t = q.open;
    let para_start = tokens.paragraphs[q.first_para].tokens.start;
    let floor = para_start.max(t.saturating_sub(MAX_LOOKBACK_TOKENS));
    (floor.min(t)..t)
        .rev()
        .inspect(|_| crate::steps::take(1))
        .take_while(move |&j| {
            tokens.tokens[j].kind() != TokenKind::Punct || !matches!(tokens.str(j), "." | "!" | "?" | ":" | ";")
        })
        .filter(move |&j| tokens.tokens[j].is_word())
        .map(move |j| lower_case(tokens.str(j)))
}

/// A word in lower case: the word itself when it is lower-case ASCII
/// already (most words), without a copy.
fn lower_case(word: &str) -> Cow<'_, str> {
    if is_ascii_lower_case(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether `word` is ASCII with no capital: its own lower-cased form.
fn is_ascii_lower_case(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// [`lower_case`] without a new string for a word that must change: an
/// ASCII word is lower-cased in `buf`, which the caller reuses.
fn lower_case_into<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if is_ascii_lower_case(word) {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
    buf
}

/// A title: a title noun shortly before it (`the book ‘…’`, `his film,
/// “…”`, `an album called “…”`), a subheading, or joined by `and`/`or`
/// to a title.
fn is_title(tokens: &Tokens<'_>, quotes: &[FoundQuote], i: usize) -> bool {
    let q = &quotes[i];
    if q.first_para != q.last_para || word_count_up_to(tokens, q, 13) > 12 {
        return false;
    }
    if is_nickname(tokens, q) || names_what_follows(tokens, q) {
        return true;
    }
    // `the film “Harbour Lights”`, `his new book, “Tides and Tolls”`: a
    // title noun among the words before, up to a verb (`the program was
    // “…”`, `the plan is a “…”` say something of the noun, they name
    // nothing); after a comma, only a name in title case (`said of the
    // episode, “I don't like it,”` is speech).
    // (A word's classes read once; a verb that is also a title noun, `hit`,
    // `record`, ends the look back.)
    let near_noun = words_before(tokens, q)
        .take(4)
        .map(|w| Class::of(&w))
        .take_while(|c| !c.intersects(Class::AUXILIARY | Class::REPORTING_VERB))
        .any(|c| c.intersects(Class::TITLE_NOUN));
    let after_comma = q.open > 0 && tokens.str(q.open - 1) == ",";
    if near_noun && (!after_comma || is_title_case(tokens, q)) {
        return true;
    }
    // `told MSNBC's “Morning Report”`, a paragraph that is nothing but
    // `‘Legend in the Hills.’` (a subheading): a name in title case after a
    // possessive, or alone on its line.
    if is_title_case(tokens, q) {
        let after_possessive = words_before(tokens, q)
            .next()
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
            && q.open > 0
            && tokens.tokens[q.open - 1].is_word();
        let para = &tokens.paragraphs[q.first_para];
        let alone = q.open == para.tokens.start
            && tokens.tokens[q.end_token.min(para.tokens.end)..para.tokens.end]
                .iter()
                .all(|t| !t.is_word());
        // `a 28-page report, ‘Tides and Tolls’, published on…`: a name in
        // apposition, between commas.
        let in_apposition = q.open > 0
            && tokens.str(q.open - 1) == ","
            && tokens
                .tokens
                .get(q.end_token)
                .is_some_and(|t| matches!(&tokens.text()[t.span().range()], "," | "."));
        if after_possessive || alone || in_apposition {
            return true;
        }
    }
    if is_quoted_subheading(tokens, q) {
        return true;
    }
    // `‘Tides and Tolls’ and ‘Long Roads’`: a list of titles.
    if i > 0 && quotes[i - 1].kind == QuoteKind::Title && quotes[i - 1].last_para == q.first_para {
        if let Some(prev_close) = quotes[i - 1].close {
            let between = &tokens.text()[tokens.tokens[prev_close].span().end..tokens.tokens[q.open].span().start];
            let between = between.trim_matches(|c: char| c.is_whitespace() || c == ',');
            return matches!(between, "" | "and" | "or" | "&");
        }
    }
    false
}

/// `‘Not a lot of flats to rent’` alone on its line: a subheading that
/// quotes the story, a paragraph that is nothing but a quote whose words
/// end with no stop, comma or other mark of a sentence. (Speech on a line
/// of its own ends like a sentence: `“It was awful.”`)
fn is_quoted_subheading(tokens: &Tokens<'_>, q: &FoundQuote) -> bool {
    let para = &tokens.paragraphs[q.first_para];
    let Some(close) = q.close else {
        return false;
    };
    let alone = q.open == para.tokens.start && q.end_token == para.tokens.end;
    alone && close > q.open + 1 && tokens.tokens[close - 1].is_word()
}

/// Whether every word of the quote is capitalised but the small words of
/// titles (`of`, `the`), with eight words at most: `Face the Nation`.
pub(crate) fn is_title_case(tokens: &Tokens<'_>, q: &FoundQuote) -> bool {
    // One pass over the words, which stops at the first that does not fit
    // (a long quote is decided by its first few words, and needs no list).
    let mut words = 0;
    for t in q.open..q.end_token {
        if !tokens.tokens[t].is_word() {
            continue;
        }
        let w = tokens.str(t);
        words += 1;
        let fits = if words == 1 {
            w.starts_with(char::is_uppercase)
        } else {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || Class::TITLE_CASE_SMALL_WORD.holds(w)
        };
        if !fits || words > TITLE_MAX_WORDS {
            return false;
        }
    }
    words > 0
}

/// A scare quote: marks right after `so-called`, `dubbed`, `what is
/// called`, `known as`.
fn follows_scare_cue(tokens: &Tokens<'_>, q: &FoundQuote) -> bool {
    let open = q.open;
    // The term follows its cue at once: `known as “…”`, not `Robbie, as he
    // was known, “never wanted…”`.
    if open > 0 && tokens.tokens[open - 1].kind() == TokenKind::Punct {
        return false;
    }
    let mut before = words_before(tokens, q);
    let lx = &*LEXICON;
    let Some(first) = before.next() else {
        return false;
    };
    if lx.scare_cues.contains(first.as_ref()) {
        return true;
    }
    // `known as “…”`, `referred to as “…”`, `are called “…”`: a passive with
    // no agent names a term, it reports no speech.
    let second = before.next();
    let second = second.as_deref();
    match (first.as_ref(), second) {
        ("as", Some(w)) => {
            // `which he described as “…”`, `whom one aide described as
            // “…”`: with a subject before it, the participle is a verb of
            // saying, not a passive.
            let has_subject = || {
                let mut rest = before.take(4);
                rest.next().is_some_and(|w| Class::PRONOUN.holds(&w))
                    || rest.any(|w| Class::RELATIVE_SUBJECT.holds(&w) || w == "whom")
            };
            lx.scare_cues.contains(w) || Class::NAMING_PASSIVE.holds(w) && !has_subject()
        }
        (participle, Some(w)) if Class::NAMING_PARTICIPLE.holds(participle) => {
            Class::PASSIVE_MARKER.holds(w) || names_a_thing(tokens, open)
        }
        (article, Some(participle)) if Class::ARTICLE.holds(article) && Class::NAMING_PARTICIPLE.holds(participle) => {
            names_a_thing(tokens, open)
        }
        _ => false,
    }
}

/// `a short film called “Harbour Lights”`, `the fee waiver called a
/// “holiday”`: a naming participle right after a common noun names the
/// thing; nobody is reported to say it.
fn names_a_thing(tokens: &Tokens<'_>, open: usize) -> bool {
    // Back from the mark past an article to the participle, then the word.
    let mut t = open;
    let floor = open.saturating_sub(MAX_LOOKBACK_TOKENS);
    let mut step = || {
        while t > floor {
            t -= 1;
            crate::steps::take(1);
            if tokens.tokens[t].is_word() {
                return Some(tokens.str(t));
            }
        }
        None
    };
    let mut word = step();
    if word.is_some_and(|w| Class::ARTICLE.holds(w)) {
        word = step();
    }
    if !word.is_some_and(|w| Class::NAMING_PARTICIPLE.holds(w)) {
        return false;
    }
    step().is_some_and(|noun| {
        noun.starts_with(char::is_lowercase) && !Class::NOT_NOUN.holds(noun) && !noun.ends_with("ly")
    })
}

/// How many words the quote holds, counted up to `limit`: the callers
/// only ask whether a quote is longer than a few words, and a long quote
/// need not be counted to its end.
fn word_count_up_to(tokens: &Tokens<'_>, q: &FoundQuote, limit: usize) -> usize {
    // A plain loop: `filter(…).take(limit).count()` compiles to an unrolled
    // loop that spills a register a token.
    let mut words = 0;
    for t in &tokens.tokens[q.open..q.end_token] {
        if words == limit {
            break;
        }
        words += usize::from(t.is_word());
    }
    words
}

/// How many words the longest of the quote's parts holds (a quote of
/// fragments joined has a part a fragment: `“a disgrace” and “a
/// robbery”`): a run of short parts is a list of terms (`“toxic,”
/// “optics” and “thought leader”`), however many words they hold in all.
pub(crate) fn longest_part_words(tokens: &Tokens<'_>, q: &FoundQuote) -> usize {
    let mut parts = q.content.iter().peekable();
    let (mut longest, mut words) = (0, 0);
    for t in &tokens.tokens[q.open..q.end_token] {
        // Past the part that ends before this token: the next part's count.
        let start = t.span().start;
        while parts.peek().is_some_and(|p| p.end <= start) {
            parts.next();
            longest = longest.max(words);
            words = 0;
        }
        words += usize::from(t.is_word() && parts.peek().is_some_and(|p| p.start <= start));
    }
    longest.max(words)
}

/// Direct speech: the quote holds whole sentences. It starts its sentence
/// or follows a cue's colon or comma, and starts with a capital (or a
/// digit, `@`, `#`), or it runs over paragraphs.
fn is_whole_speech(tokens: &Tokens<'_>, q: &FoundQuote) -> bool {
    if q.first_para != q.last_para {
        return true;
    }
    let text = tokens.text();
    let content = q.content[0];
    let starts_capital = text[content.range()]
        .chars()
        // Past an editor's bracket: `“[Trump] doesn’t…”`, `“[But] it’s…”`.
        .find(|c| !matches!(c, '.' | '…' | ' ' | '[' | '('))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '@' || c == '#' || mark_char(c));
    if !starts_capital {
        // The second half of an interrupted quote: `“A,” she said, “and B.”`
        return resumes_interrupted_quote(tokens, q);
    }
    let para = &tokens.paragraphs[q.first_para];
    if q.open == para.tokens.start {
        return true;
    }
    let prev = q.open - 1;
    match tokens.tokens[prev].kind() {
        TokenKind::Punct => matches!(
            tokens.str(prev),
            ":" | "," | "." | "!" | "?" | "—" | "–" | "(" | "-" | ";"
        ),
        TokenKind::Mark(_) => true,
        TokenKind::Word => {
            let ends = text[content.range()].trim_end();
            ends.ends_with(['.', '!', '?', ',']) && word_count_up_to(tokens, q, 4) >= 4
        }
    }
}

/// Whether the quote follows a cue's comma right after another quote in
/// its sentence and ends with a full stop: the rest of an interrupted
/// sentence, `“A,” she said, “and B.”`.
fn resumes_interrupted_quote(tokens: &Tokens<'_>, q: &FoundQuote) -> bool {
    let text = tokens.text();
    let ends_sentence = text[q.content.last().map_or(q.span, |c| *c).range()]
        .trim_end()
        .ends_with(['.', '!', '?']);
    if !ends_sentence || q.open == 0 || tokens.str(q.open - 1) != "," {
        return false;
    }
    // A quote's closing mark within a few tokens before.
    let para_start = tokens.paragraphs[q.first_para].tokens.start;
    (q.open.saturating_sub(8).max(para_start)..q.open).any(|t| match tokens.tokens[t].kind() {
        TokenKind::Mark(m) => tokens.marks[m as usize].role == MarkRole::Closing,
        _ => false,
    })
}

fn mark_char(c: char) -> bool {
    matches!(c, '‘' | '“' | '\'' | '"')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn quotes(text: &str) -> Vec<(&str, QuoteKind)> {
        let t = tokenize(text);
        find(&t).into_iter().map(|q| (&text[q.span.range()], q.kind)).collect()
    }

    use QuoteKind::*;

    #[test]
    fn transcript_turns_are_quotes_whose_words_follow_the_label() {
        let text = "\"LEE: Why now?\n\"MOSS: Because it is time.\n\"The vote is close.\"";
        let t = tokenize(text);
        let found = find(&t);
        let turns: Vec<(&str, Vec<&str>)> = found
            .iter()
            .map(|q| {
                let label = q.label.clone().expect("a label");
                (t.str(label.start), q.content.iter().map(|c| &text[c.range()]).collect())
            })
            .collect();
        assert_eq!(
            turns,
            [
                ("LEE", vec!["Why now?"]),
                ("MOSS", vec!["Because it is time.", "The vote is close."])
            ]
        );
    }

    #[test]
    fn marks_found_from_the_marks_are_the_mark_tokens() {
        let texts = [
            "“He called it ‘absurd’,” she said. Don’t stop the teams’ bus.",
            "  ``Yes,'' he said. ''No,'' she said.\n\n\"LEE: Why?\" «Oui» ‹non›  \n",
            "rock ’n’ roll in the ’90s, O'Brien's \"quote\" and 'single'\n„German“ ‚eins‘",
            "no marks at all here\nnor here\n“one”\n\n",
            "",
            "author=\"x\" said \"y\"",
        ];
        for text in texts {
            let t = tokenize(text);
            let mut cursor = 0;
            for para in &t.paragraphs {
                let by_tokens: Vec<(usize, Mark)> = para
                    .tokens
                    .clone()
                    .filter_map(|i| match t.tokens[i].kind() {
                        TokenKind::Mark(m) => Some((i, t.marks[m as usize])),
                        _ => None,
                    })
                    .collect();
                assert_eq!(
                    marks_in(&t, para, &mut cursor).collect::<Vec<_>>(),
                    by_tokens,
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn words_are_lower_cased_into_the_buffer_only_when_they_must_change() {
        let mut buf = String::new();
        assert_eq!(lower_case_into("said", &mut buf), "said");
        assert!(buf.is_empty(), "a word in lower case is not copied");
        assert_eq!(lower_case_into("Said", &mut buf), "said");
        assert_eq!(lower_case_into("TOLD", &mut buf), "told");
        assert_eq!(lower_case_into("Éclair", &mut buf), "éclair");
    }

    #[test]
    fn pairs_and_nesting() {
        assert_eq!(
            quotes("“He called it ‘absurd’,” she said."),
            [("“He called it ‘absurd’,”", Direct)]
        );
        assert_eq!(
            quotes("He wrote: “Ruiz says she feels “no ill will” toward them.”"),
            [("“Ruiz says she feels “no ill will” toward them.”", Direct)]
        );
    }

    #[test]
    fn quote_over_paragraphs() {
        let text = "She said: “One.\n“Two.\n“Three.”\nAfter.";
        let t = tokenize(text);
        let found = find(&t);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.range()], "“One.\n“Two.\n“Three.”");
        let parts: Vec<_> = found[0].content.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(parts, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn a_paragraph_of_a_mark_alone_continues_the_quote_with_an_empty_part() {
        let text = "She said: “One.\n“\n“\n“Two.” Then she left.";
        let t = tokenize(text);
        let found = find(&t);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.range()], "“One.\n“\n“\n“Two.”");
        let parts: Vec<_> = found[0].content.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(parts, ["One.", "", "", "Two."]);
    }

    #[test]
    fn paragraph_that_does_not_reopen_ends_the_quote() {
        assert_eq!(
            quotes("He said: “One.\nNot a quote. Then “two,” she said."),
            [("“One.", Direct), ("“two,”", Mixed)]
        );
    }

    #[test]
    fn stray_closing_mark_is_skipped() {
        assert_eq!(quotes("A stray” mark. “Yes,” he said."), [("“Yes,”", Direct)]);
    }

    #[test]
    fn kinds() {
        assert_eq!(quotes("warned it will “pay the price” for that")[0].1, Mixed);
        assert_eq!(quotes("kept in what are called “holding pens”.")[0].1, ScareQuote);
        assert_eq!(
            quotes("author of the books ‘This Is Paris’ and ‘Long Roads’, said")
                .iter()
                .map(|q| q.1)
                .collect::<Vec<_>>(),
            [Title, Title]
        );
    }

    #[test]
    fn hostile_runs_stay_linear_and_sound() {
        let text = "“".repeat(10_000);
        let t = tokenize(&text);
        let found = find(&t);
        assert_eq!(found.len(), 1);
        let text = "\"".repeat(10_001);
        assert!(!quotes(&text).is_empty());
    }

    #[test]
    fn open_marks_deeper_than_the_bound_are_ignored() {
        // Sixteen nested openings are followed; a seventeenth is not pushed,
        // so the closing marks still close the sixteen and the outer quote.
        let deep = format!("{}x{}", "“".repeat(MAX_DEPTH), "”".repeat(MAX_DEPTH));
        assert_eq!(quotes(&deep).len(), 1);
        assert_eq!(quotes(&deep)[0].0, deep);
        let deeper = format!("{}x{}", "“".repeat(MAX_DEPTH + 4), "”".repeat(MAX_DEPTH + 4));
        let found = quotes(&deeper);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.len() < deeper.len(), "the marks past the bound do not pair");
    }
}
