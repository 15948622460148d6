//! Tests of the mention pass and of the name functions it uses.

use proptest::prelude::*;
use proptest::test_runner::Config;

use super::*;
use crate::lexicon::classes::Class;
use crate::lexicon::classes::pronoun_agreement;
use crate::speakers::names::clean_name_sort;
use crate::speakers::names::ends_in_possessive;
use crate::speakers::names::first_last;
use crate::speakers::names::possessive_stem;
use crate::speakers::names::{clean_name_words, name_sort};
use crate::speakers::tests::words_of;
use crate::tokenize::{Tokens, tokenize};
use std::collections::BTreeMap;

/// Whether each token is inside a quote the quote stage finds.
fn quoted_flags(t: &Tokens<'_>) -> Vec<bool> {
    let mut quoted = vec![false; t.tokens.len()];
    for q in &crate::quotes::find(t) {
        quoted[q.open..q.end_token].iter_mut().for_each(|f| *f = true);
    }
    quoted
}

/// Whether a name is clean ([`clean_name_words`]) as it was
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

/// [`name_sort`] as it was first written: the lists asked
/// without filters, the words split at any white space.
fn name_sort_by_lists(name: &str) -> Sort {
    let lower = name.to_lowercase();
    if LEXICON.places.contains(lower.as_str()) {
        return Sort::Place;
    }
    let acronym = name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
    // A word in capitals among several: `Harlow RCMP` (not `John Doe III`).
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
            && !w.chars().all(|c| "IVX".contains(c))
    };
    let acronym_word = name.split_whitespace().count() > 1 && name.split_whitespace().any(capitals);
    if acronym || acronym_word || lower.split_whitespace().any(|w| LEXICON.org_words.contains(w)) {
        Sort::Organisation
    } else {
        Sort::Person
    }
}

#[test]
fn every_listed_place_and_word_of_organisations_gives_its_sort() {
    for place in &LEXICON.places {
        assert_eq!(clean_name_sort(place, place), Sort::Place, "{place}");
    }
    for word in &LEXICON.org_words {
        let name = format!("Acme {word}");
        let sort = clean_name_sort(&name, &name.to_lowercase());
        assert_eq!(sort, name_sort_by_lists(&name), "{name}");
    }
}

#[test]
fn every_pronoun_and_its_contractions_are_of_the_pronoun_class() {
    for base in ["he", "she", "it", "they", "i", "we"] {
        for contraction in ["", "'s", "'d", "'ll", "'re", "'ve"] {
            let word = format!("{base}{contraction}");
            assert!(pronoun_agreement(&word).is_some(), "{word}");
            assert!(Class::PRONOUN.holds(&word), "{word}");
        }
    }
    for word in ["hers", "the", "it's'", "theyre"] {
        assert!(!Class::PRONOUN.holds(word), "{word}");
    }
}

#[test]
fn a_tokens_role_is_its_words() {
    let text = "The spokeswoman, Sen. Jo Lee, a 45-year-old. lawyer and wife of the \
        company’s chief, said: Minister! secretary. The mayor-elect's aide and Spokesman Bo.";
    let t = tokenize(text);
    let w = words_of(&t);
    for k in 0..=t.tokens.len() {
        let by_token = role_of_token(&w, k).map(|r| (r.gender, r.sort));
        let by_word = role_of(w.lower(k)).map(|r| (r.gender, r.sort));
        assert_eq!(by_token, by_word, "{:?}", w.lower(k));
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
        let lw = w.lower(prev);
        let keep = w.role_at(prev)
            || w.is(prev, Class::TITLE | Class::CAPITALISED)
            || lw.contains('-')
            || Class::LOOSE_MODIFIER.holds(lw);
        if !keep {
            break;
        }
        t = prev;
    }
    let mut end = name_start;
    while end > t
        && matches!(
            w.lower(end - 1),
            "mr" | "mrs" | "ms" | "miss" | "dr" | "mr." | "mrs." | "ms." | "dr."
        )
    {
        end -= 1;
    }
    let last = w.lower(end.saturating_sub(1));
    let listed = role_of(last).is_some() || LEXICON.titles.contains_key(last.trim_end_matches('.'));
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
            assert_eq!(role_words_before(&w, k), role_words_by_lists(&w, k), "{text} at {k}");
        }
    }
}

proptest! {
    #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

    #[test]
    fn clean_names_are_those_the_byte_rules_give(name in "[ @\t\u{b}\n\u{1}aB's’\u{a0}é.]{0,8}") {
        let words = is_clean_name_by_bytes(&name).then(|| name.split(' ').count());
        prop_assert_eq!(clean_name_words(&name), words, "{:?}", name);
    }

    #[test]
    fn a_possessive_ending_is_one_of_the_endings(name in "[ as'’\u{2018}\u{99}é]{0,5}") {
        let by_endings = ["'s", "’s", "'", "’"].iter().any(|s| name.ends_with(s));
        prop_assert_eq!(ends_in_possessive(&name), by_endings, "{:?}", name);
    }

    #[test]
    fn a_possessive_stem_that_is_clean_is_the_clean_name(name in "[ @\t\u{a0}aB'’s.]{0,8}") {
        if let Some(stem) = possessive_stem(&name).filter(|stem| clean_name_words(stem).is_some()) {
            prop_assert_eq!(stem, clean_name(&name), "{:?}", name);
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
        let clean = clean_name(&name);
        let sort = name_sort_by_lists(&clean);
        prop_assert_eq!(clean_name_sort(&clean, &clean.to_lowercase()), sort, "{:?}", clean);
        prop_assert_eq!(name_sort(&name), name_sort_by_lists(&name), "{:?}", name);
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
fn next_start_by_search(w: &Words<'_, '_>, quoted: &[bool], subjects: &[usize], t: usize, end: usize) -> (usize, bool) {
    let starts_nothing = |t: usize| !w.is_capitalised(t) && (quoted[t] || !of_follows(w, t) && !subjects.contains(&t));
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
        clause_starts_into(&w, sentence.tokens.clone(), &mut subjects);
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
