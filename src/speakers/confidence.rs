//! How sure an attribution is: looked up by its features in the
//! calibration table `src/data/confidence.txt`.

use std::sync::LazyLock;

use crate::types::{Attribution, QuoteKind};

/// A quote of this many words or fewer counts as short.
pub(crate) const SHORT_WORDS: usize = 6;

/// Which side of the quote its cue stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    After,
    Before,
    /// No cue of its own: a continuation.
    None,
}

/// What kind of words name the speaker next to the cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MentionKind {
    Name,
    Pronoun,
    Definite,
    Indefinite,
}

/// The kind of words that name a speaker, read off the words alone (so
/// that `examples/calibrate.rs` computes it the same way from the public
/// results): a pronoun; a definite description (`the minister`); an
/// indefinite one (`a spokesman`, `officials`: a lower-case start or an
/// indefinite article); or a name.
pub(crate) fn mention_kind(mention: &str) -> MentionKind {
    // The tests are of ASCII words: a prefix compared without regard to
    // case needs no lower-cased copy.
    let is = |word: &str| mention.eq_ignore_ascii_case(word);
    let starts = |prefix: &str| {
        mention
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if ["he", "she", "it", "they", "i", "we"].into_iter().any(is) {
        MentionKind::Pronoun
    } else if starts("the ") {
        MentionKind::Definite
    } else if mention.starts_with(char::is_lowercase) || starts("a ") || starts("an ") {
        MentionKind::Indefinite
    } else {
        MentionKind::Name
    }
}

/// Whether a quote is short: its text has few words (runs between white
/// space that hold a letter or digit).
pub(crate) fn is_short(quote: &str) -> bool {
    // One pass over the characters, stopping after the word too many.
    let mut words = 0;
    let mut word_has_alnum = false;
    for c in quote.chars() {
        if c.is_whitespace() {
            word_has_alnum = false;
        } else if !word_has_alnum && is_letter_or_digit(c) {
            word_has_alnum = true;
            words += 1;
            if words > SHORT_WORDS {
                return false;
            }
        }
    }
    true
}

/// [`char::is_alphanumeric`], with the characters a quote is mostly made
/// of answered without the Unicode tables: ASCII, and the punctuation of
/// U+2010–U+2027 and U+2030–U+205E (dashes, quotation marks, ellipsis),
/// none of which is a letter or digit.
fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2010}'..='\u{2027}').contains(&c) || ('\u{2030}'..='\u{205e}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The features of one attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Features {
    pub(crate) attribution: Attribution,
    pub(crate) side: Side,
    pub(crate) kind: QuoteKind,
    pub(crate) short: bool,
    pub(crate) mention: MentionKind,
}

impl Features {
    /// The names the table uses for these features, in its field order.
    fn fields(&self) -> [&'static str; 5] {
        [
            self.attribution.as_str(),
            match self.side {
                Side::After => "after",
                Side::Before => "before",
                Side::None => "none",
            },
            self.kind.as_str(),
            if self.short { "short" } else { "long" },
            match self.mention {
                MentionKind::Name => "name",
                MentionKind::Pronoun => "pronoun",
                MentionKind::Definite => "definite",
                MentionKind::Indefinite => "indefinite",
            },
        ]
    }
}

/// A line of the table: five patterns and a confidence.
struct Row {
    patterns: [&'static str; 5],
    confidence: f32,
}

/// Used when no line matches (the table ends with a catch-all, so only a
/// broken table gets here).
const FALLBACK: f32 = 0.5;

static TABLE: LazyLock<Vec<Row>> = LazyLock::new(|| parse(include_str!("../data/confidence.txt")));

fn parse(file: &'static str) -> Vec<Row> {
    file.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .filter_map(|line| {
            let fields: Vec<&'static str> = line.split_whitespace().collect();
            let [a, b, c, d, e, value] = fields[..] else {
                return None;
            };
            let confidence = value.parse::<f32>().ok()?.clamp(0.0, 1.0);
            Some(Row {
                patterns: [a, b, c, d, e],
                confidence,
            })
        })
        .collect()
}

/// The confidence of an attribution with these features, in [0, 1].
pub(crate) fn confidence(features: &Features) -> f32 {
    let fields = features.fields();
    TABLE
        .iter()
        .find(|row| row.patterns.iter().zip(fields).all(|(p, f)| *p == "*" || *p == f))
        .map_or(FALLBACK, |row| row.confidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(attribution: Attribution, side: Side, mention: MentionKind) -> Features {
        Features {
            attribution,
            side,
            kind: QuoteKind::Direct,
            short: false,
            mention,
        }
    }

    #[test]
    fn short_quotes_count_words_with_a_letter_or_digit() {
        // The definition, as it was first written.
        let by_words = |q: &str| {
            q.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .nth(SHORT_WORDS)
                .is_none()
        };
        for q in [
            "",
            "“Yes,”",
            "“We will win — we will win again, and again, and again,”",
            "one two three four five six",
            "one two three four five six seven",
            "“ — ” ‘…’ one\u{a0}two\tthree four-five 6 7",
            "a b c d e f \u{2003}g",
        ] {
            assert_eq!(is_short(q), by_words(q), "{q:?}");
        }
    }
    #[test]
    fn letters_and_digits_are_told_as_the_unicode_tables_tell_them() {
        for c in ('\0'..='\u{3000}').chain(['\u{1f600}', '\u{10ffff}']) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?} {:x}", c as u32);
        }
    }

    #[test]
    fn every_line_of_the_table_parses() {
        let file = include_str!("../data/confidence.txt");
        let lines = file
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .count();
        assert!(lines > 0);
        assert_eq!(TABLE.len(), lines, "a line of confidence.txt does not parse");
    }

    #[test]
    fn a_name_after_the_quote_is_surer_than_a_description_before_a_fragment() {
        let strong = confidence(&features(Attribution::Cue, Side::After, MentionKind::Name));
        let weak = confidence(&Features {
            kind: QuoteKind::Mixed,
            short: true,
            ..features(Attribution::Description, Side::Before, MentionKind::Indefinite)
        });
        assert!(strong >= 0.9, "{strong}");
        assert!(weak < strong, "{weak} >= {strong}");
        assert!((0.0..=1.0).contains(&weak));
    }

    #[test]
    fn the_table_ends_with_a_catch_all() {
        let last = TABLE.last().expect("a table");
        assert!(last.patterns.iter().all(|p| *p == "*"));
    }
}
