//! How sure an attribution is: looked up by its features in the
//! calibration table `src/data/confidence.txt`.

use std::sync::LazyLock;

use crate::lexicon::{LEXICON, entries, fields};
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
    if LEXICON.pronouns.keys().copied().any(is) {
        MentionKind::Pronoun
    } else if starts("the ") {
        MentionKind::Definite
    } else if mention.starts_with(char::is_lowercase) || starts("a ") || starts("an ") {
        MentionKind::Indefinite
    } else {
        MentionKind::Name
    }
}

/// Whether a quote is short: its text has at most [`SHORT_WORDS`] words
/// (runs between white space that hold a letter or digit).
///
/// PERF: one pass over the characters up to the word past the limit,
/// rather than `split_whitespace` with a second pass over each word's
/// characters: 3.2% of the instructions of `extract --jsonl` on PolNeAR
/// train went to the confidence with this test, 1.6% now (callgrind,
/// `extract --jsonl --jobs 1 < train.jsonl`: 701.0 against 697.0 million in all).
pub(crate) fn is_short(quote: &str) -> bool {
    let mut words = 0;
    // Whether the run since the last white space has a letter or digit.
    let mut counted = false;
    for c in quote.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            counted = true;
            words += 1;
            if words > SHORT_WORDS {
                return false;
            }
        }
    }
    true
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

/// Every value of each feature, in the order of its code (see
/// [`Features::codes`]).
const ATTRIBUTIONS: [Attribution; 5] = [
    Attribution::Cue,
    Attribution::Pronoun,
    Attribution::Description,
    Attribution::Continuation,
    Attribution::Narration,
];
const SIDES: [Side; 3] = [Side::After, Side::Before, Side::None];
const KINDS: [QuoteKind; 5] = [
    QuoteKind::Direct,
    QuoteKind::Mixed,
    QuoteKind::ScareQuote,
    QuoteKind::Title,
    QuoteKind::Indirect,
];
const LENGTHS: [bool; 2] = [false, true];
const MENTIONS: [MentionKind; 4] = [
    MentionKind::Name,
    MentionKind::Pronoun,
    MentionKind::Definite,
    MentionKind::Indefinite,
];

/// How many values each field has: the radixes of a combination's index
/// in the lookup table.
const RADIXES: [usize; 5] = [
    ATTRIBUTIONS.len(),
    SIDES.len(),
    KINDS.len(),
    LENGTHS.len(),
    MENTIONS.len(),
];

/// How many combinations of feature values there are.
const COMBINATIONS: usize = RADIXES[0] * RADIXES[1] * RADIXES[2] * RADIXES[3] * RADIXES[4];

impl Side {
    /// The name the table gives the side.
    fn name(self) -> &'static str {
        match self {
            Side::After => "after",
            Side::Before => "before",
            Side::None => "none",
        }
    }
}

impl MentionKind {
    /// The name the table gives the kind of mention.
    fn name(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Definite => "definite",
            MentionKind::Indefinite => "indefinite",
        }
    }
}

/// The name the table gives a quote's length.
fn length_name(short: bool) -> &'static str {
    if short { "short" } else { "long" }
}

/// The names of each field's values, in the order of their codes.
fn value_names() -> [Vec<&'static str>; 5] {
    [
        ATTRIBUTIONS.map(Attribution::as_str).to_vec(),
        SIDES.map(Side::name).to_vec(),
        KINDS.map(QuoteKind::as_str).to_vec(),
        LENGTHS.map(length_name).to_vec(),
        MENTIONS.map(MentionKind::name).to_vec(),
    ]
}

impl Features {
    /// Each feature's value as its place in the arrays of values above
    /// (a `match`, so that a new variant does not compile until it has a
    /// code).
    fn codes(&self) -> [usize; 5] {
        [
            match self.attribution {
                Attribution::Cue => 0,
                Attribution::Pronoun => 1,
                Attribution::Description => 2,
                Attribution::Continuation => 3,
                Attribution::Narration => 4,
            },
            match self.side {
                Side::After => 0,
                Side::Before => 1,
                Side::None => 2,
            },
            match self.kind {
                QuoteKind::Direct => 0,
                QuoteKind::Mixed => 1,
                QuoteKind::ScareQuote => 2,
                QuoteKind::Title => 3,
                QuoteKind::Indirect => 4,
            },
            usize::from(self.short),
            match self.mention {
                MentionKind::Name => 0,
                MentionKind::Pronoun => 1,
                MentionKind::Definite => 2,
                MentionKind::Indefinite => 3,
            },
        ]
    }

    /// The place of this combination of values in the lookup table.
    fn index(&self) -> usize {
        index_of(self.codes())
    }
}

/// The index of a combination of codes: a number whose digits, in the
/// radixes of [`RADIXES`], are the codes in field order.
fn index_of(codes: [usize; 5]) -> usize {
    codes
        .iter()
        .zip(RADIXES)
        .fold(0, |index, (&code, radix)| index * radix + code)
}

/// A line of the table: five patterns and a confidence.
struct Row {
    patterns: [&'static str; 5],
    confidence: f32,
}

/// A row's patterns as codes of values, four bits a field: the fields it
/// names are set in `mask` (`*`, which matches any, is not), and their
/// codes in `value`; a name no value has gets a code no value has, and
/// matches none.
///
/// PERF: the lookup table tests a combination's codes against each row by
/// one mask and compare, rather than the names by string: 600
/// combinations against the rows took 2.8 million instructions, 30% of
/// `extract` on one article, now 0.2 million (9.47M -> 7.32M in all).
struct CodedRow {
    mask: u32,
    value: u32,
    confidence: f32,
}

/// The bits of each field's code in [`CodedRow`] and [`all_packed_codes`].
const CODE_BITS: usize = 4;
const NO_VALUE: u32 = (1 << CODE_BITS) - 1;
// Every field's codes fit in its bits, with `NO_VALUE` to spare.
const _: () = {
    let mut field = 0;
    while field < RADIXES.len() {
        assert!(RADIXES[field] < NO_VALUE as usize);
        field += 1;
    }
};

impl CodedRow {
    /// The row's patterns coded by their place among `names`, the names of
    /// each field's values.
    fn new(row: &Row, names: &[Vec<&'static str>; 5]) -> CodedRow {
        let (mut mask, mut value) = (0, 0);
        for (field, (&pattern, names)) in row.patterns.iter().zip(names).enumerate() {
            if pattern != "*" {
                let code = names.iter().position(|&n| n == pattern).map_or(NO_VALUE, |c| c as u32);
                mask |= NO_VALUE << (field * CODE_BITS);
                value |= code << (field * CODE_BITS);
            }
        }
        CodedRow {
            mask,
            value,
            confidence: row.confidence,
        }
    }

    /// Whether the row matches the combination of these codes
    /// ([`all_packed_codes`]).
    fn matches(&self, packed: u32) -> bool {
        packed & self.mask == self.value
    }
}

#[cfg(test)]
impl Row {
    /// Whether the line's patterns match these names of the five fields'
    /// values (`*` matches any).
    fn matches(&self, names: [&str; 5]) -> bool {
        self.patterns.iter().zip(names).all(|(p, name)| *p == "*" || *p == name)
    }
}

/// Used when no line matches (the table ends with a catch-all, so only a
/// broken table gets here).
const FALLBACK: f32 = 0.5;

static TABLE: LazyLock<Vec<Row>> = LazyLock::new(|| parse(include_str!("../data/confidence.txt")));

/// The confidence of every combination of feature values, by
/// [`Features::index`]: the table's first matching line, looked up once
/// for all rather than searched for at each quote.
static LOOKUP: LazyLock<Vec<f32>> = LazyLock::new(|| lookup_table(&TABLE));

fn parse(file: &'static str) -> Vec<Row> {
    entries(file)
        .filter_map(|line| {
            let fields: Vec<&'static str> = fields(line).collect();
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

/// The confidence of each combination of values: the table's first line
/// whose patterns match the names of its values (each of 600 looked for
/// once, when the table is first read).
///
/// PERF: the rows are written over the table from the last to the first,
/// so that the first to match a combination is the last written to it: a
/// loop of a compare and a select over all combinations for each row, in
/// place of a search of the rows for each combination, which ran through
/// most rows for the many that only the last lines match; the
/// combinations' codes made field by field, not by dividing each index:
/// `extract` on one article 5.16M -> 4.95M instructions.
fn lookup_table(rows: &[Row]) -> Vec<f32> {
    let names = value_names();
    let combinations = all_packed_codes();
    let mut table = vec![FALLBACK; COMBINATIONS];
    for row in rows.iter().rev().map(|row| CodedRow::new(row, &names)) {
        for (confidence, &codes) in table.iter_mut().zip(&combinations) {
            if row.matches(codes) {
                *confidence = row.confidence;
            }
        }
    }
    table
}

/// The codes of every combination, four bits a field as [`CodedRow`] has
/// them, in the order of [`index_of`]: the first field's code the slowest to
/// change.
fn all_packed_codes() -> Vec<u32> {
    (RADIXES.iter().enumerate()).fold(vec![0], |combinations, (field, &radix)| {
        (combinations.iter())
            .flat_map(|&packed| (0..radix as u32).map(move |code| packed | code << (field * CODE_BITS)))
            .collect()
    })
}

/// The confidence of an attribution with these features, in [0, 1].
pub(crate) fn confidence(features: &Features) -> f32 {
    LOOKUP[features.index()]
}

/// The confidence of an attribution with these features but the quote's
/// length (whatever `features.short` says), which `is_short` tells: asked
/// only when the table gives short and long quotes different confidences,
/// so that the words of most quotes need not be counted.
pub(crate) fn confidence_asking_length(features: &Features, is_short: impl FnOnce() -> bool) -> f32 {
    let long = confidence(&Features {
        short: false,
        ..*features
    });
    let short = confidence(&Features {
        short: true,
        ..*features
    });
    if long.to_bits() == short.to_bits() || !is_short() {
        long
    } else {
        short
    }
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
        for (q, short) in [
            ("", true),
            ("“Yes,”", true),
            ("“We will win — we will win again, and again, and again,”", false),
            ("one two three four five six", true),
            ("one two three four five six seven", false),
            // Marks and dashes alone are no words; any white space splits.
            ("“ — ” ‘…’ one\u{a0}two\tthree four-five 6 7", true),
            ("“ — ” ‘…’ one\u{a0}two\tthree four-five 6 7 8", false),
            ("a b c d e f \u{2003}g", false),
        ] {
            assert_eq!(is_short(q), short, "{q:?}");
        }
    }

    proptest::proptest! {
        /// The one pass counts what the definition says: runs between
        /// white space that hold a letter or digit.
        #[test]
        fn is_short_counts_as_defined(q in "([a-c1 .’“—]|\u{a0}|\u{2003}|\t|é){0,40}") {
            let by_definition = q
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphanumeric))
                .count()
                <= SHORT_WORDS;
            proptest::prop_assert_eq!(is_short(&q), by_definition);
        }
    }

    #[test]
    fn mention_kinds_are_told_as_first_written() {
        // As first written: on a lower-cased copy.
        let as_written = |mention: &str| {
            let lower = mention.to_lowercase();
            if matches!(lower.as_str(), "he" | "she" | "it" | "they" | "i" | "we") {
                MentionKind::Pronoun
            } else if lower.starts_with("the ") {
                MentionKind::Definite
            } else if mention.starts_with(char::is_lowercase) || lower.starts_with("a ") || lower.starts_with("an ") {
                MentionKind::Indefinite
            } else {
                MentionKind::Name
            }
        };
        for mention in [
            "",
            "I",
            "i",
            "He",
            "SHE",
            "it",
            "They",
            "THEY",
            "theyre",
            "Theo",
            "We",
            "wee",
            "the minister",
            "The Ministry",
            "a spokesman",
            "An aide",
            "officials",
            "Jo Lee",
            "Ann",
            "Ivy Marsh",
            "Élodie",
            "état",
            "Thea",
            "Anne Tobin",
            "A",
            "the",
        ] {
            assert_eq!(mention_kind(mention), as_written(mention), "{mention:?}");
        }
    }

    /// Every combination of feature values.
    fn all_features() -> Vec<Features> {
        let mut all = Vec::new();
        for attribution in ATTRIBUTIONS {
            for side in SIDES {
                for kind in KINDS {
                    for short in LENGTHS {
                        for mention in MENTIONS {
                            all.push(Features {
                                attribution,
                                side,
                                kind,
                                short,
                                mention,
                            });
                        }
                    }
                }
            }
        }
        all
    }

    /// The confidence by the table's definition: the first of `rows` whose
    /// patterns match the names of the features' values.
    fn first_matching(rows: &[Row], features: &Features) -> f32 {
        let names = [
            features.attribution.as_str(),
            features.side.name(),
            features.kind.as_str(),
            length_name(features.short),
            features.mention.name(),
        ];
        rows.iter()
            .find(|row| row.matches(names))
            .map_or(FALLBACK, |row| row.confidence)
    }

    fn confidence_by_search(features: &Features) -> f32 {
        first_matching(&TABLE, features)
    }

    #[test]
    fn the_lookup_agrees_with_the_first_matching_line() {
        let all = all_features();
        assert_eq!(all.len(), COMBINATIONS);
        for f in &all {
            assert_eq!(confidence(f).to_bits(), confidence_by_search(f).to_bits(), "{f:?}");
        }
        // Each combination has an index of its own.
        let mut indices: Vec<usize> = all.iter().map(Features::index).collect();
        indices.sort_unstable();
        indices.dedup();
        assert_eq!(indices.len(), COMBINATIONS);
    }

    #[test]
    fn the_length_is_asked_for_only_where_it_matters() {
        let mut asked = 0;
        for f in all_features() {
            for given in [f, Features { short: !f.short, ..f }] {
                let mut was_asked = false;
                let c = confidence_asking_length(&given, || {
                    was_asked = true;
                    f.short
                });
                assert_eq!(c.to_bits(), confidence(&f).to_bits(), "{f:?}");
                let other = confidence(&Features { short: !f.short, ..f });
                assert_eq!(was_asked, other.to_bits() != c.to_bits(), "{f:?}");
                asked += usize::from(was_asked);
            }
        }
        // The table tells short quotes from long ones for some features.
        assert!(asked > 0);
    }

    #[test]
    fn a_table_without_a_catch_all_falls_back_and_unknown_names_match_nothing() {
        let rows = parse("cue after direct * name 0.75\nnobody * * * * 0.1\n* * * * nothing 0.2\n");
        let table = lookup_table(&rows);
        for f in all_features() {
            let by_rows = first_matching(&rows, &f);
            assert_eq!(table[f.index()].to_bits(), by_rows.to_bits(), "{f:?}");
        }
        let named = Features {
            attribution: Attribution::Cue,
            side: Side::After,
            kind: QuoteKind::Direct,
            short: true,
            mention: MentionKind::Name,
        };
        assert_eq!(table[named.index()], 0.75);
        assert_eq!(
            table[Features {
                side: Side::Before,
                ..named
            }
            .index()],
            FALLBACK
        );
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
