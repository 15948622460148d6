//! Tests of the mention pass: salience, the next token that may start a
//! mention, the mention map.

use super::*;
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

#[test]
fn sentences_of_marks_alone_are_passed_over_and_the_names_still_found() {
    let text = "\"\n\"\nJane Doe met Tom Reilly.\n“\n'\nReilly said he left.\n\"";
    let t = tokenize(text);
    let quoted = quoted_flags(&t);
    let w = words_of(&t);
    let m = Mentions::collect(&w, &quoted);
    let named: Vec<&str> = m.mentions.values().map(|x| t.str(x.token)).collect();
    assert_eq!(named, ["Jane", "Tom", "Reilly"]);
}

#[test]
fn the_sentences_of_a_photo_caption_and_only_they_are_marked() {
    let text = "Ann Lee spoke. She left.\nThe mayor at the fair. (Photo by Tom Reilly)\n\"\nMore text here. And more.\n(Tom Reilly/Harbour Gazette)";
    let t = tokenize(text);
    let w = words_of(&t);
    let marked: Vec<&str> = caption_sentences(&w)
        .iter()
        .zip(&t.sentences)
        .filter(|&(&caption, _)| caption)
        .map(|(_, s)| &text[s.span.range()])
        .collect();
    assert_eq!(
        marked,
        [
            "The mayor at the fair.",
            "(Photo by Tom Reilly)",
            "(Tom Reilly/Harbour Gazette)"
        ]
    );
}
