//! The subject of a reporting verb, looking left from the verb: the phrase
//! right before it (past auxiliaries and a parenthesis); past a phrase of
//! place or time; for a participle, its own subject or its clause's; for a
//! verb after `and`, the subject of the verb before; past an appositive or
//! relative clause, the phrase before it (for a relative clause after a
//! name's appositive, `Ana Ruiz, the welterweight who calls herself`, the
//! name); else the clause's first phrase.

use super::clauses::{clause_starts, skip_auxiliaries_left};
use super::name_runs::name_at;
use super::names::name_sort;
use super::np::{Np, NpKind};
use super::phrases::{np_left, np_right};
use super::view::Words;
use crate::lexicon::Sort;
use crate::lexicon::classes::{Class, role_of};

/// How far (in tokens) back from a clause's subject a verb of saying may
/// stand and still report the clause: `Cruz said he is sure Rubio will…`.
pub(super) const OUTER_REPORT_WINDOW: usize = 12;
/// How far before a participle `of` may stand for the name after it to be
/// the participle's subject (`a photo of Sen. Jo Lee asking`).
const NAME_AFTER_OF_WINDOW: usize = 6;

/// How far (in tokens) an appositive between a speaker and the verb may
/// run: `X, a professor at Y and a former adviser to Z, said`.
pub(super) const APPOSITIVE_MAX_TOKENS: usize = 30;

/// The subject of the verb at `v`: the phrase right before it (past
/// auxiliaries), or, past an appositive, a relative clause or a
/// coordinated verb, the subject of its clause.
pub(super) fn subject_of(words: &Words<'_, '_>, v: usize, floor: usize, clause_floor: usize) -> Option<Np> {
    let end = skip_auxiliaries_left(words, v, floor);
    if end <= floor {
        // `Ann Lee said it was “…,” adding that…“…”`: a participle right
        // after the quote before reports for that quote's reporter.
        return words
            .is_participle(v)
            .then(|| reporter_before(words, v, clause_floor))
            .flatten();
    }
    let mut end = end;
    if words.lower(end - 1) == ")" {
        // `Rep. Jo Lee (D-Ore.) said`
        if let Some(open) = (end.saturating_sub(10).max(floor)..end)
            .rev()
            .find(|&k| words.lower(k) == "(")
        {
            end = open;
        }
    }
    if end <= floor {
        return None;
    }
    let prev = words.lower(end - 1);
    // `Tobin went after Ruiz, calling her “…”`: a participle's subject is
    // its clause's, not the phrase next to it; except its own subject
    // after `with` or a dash: `with Sen. Jo Lee calling it “…”`.
    if words.is_participle(v) && !words.is(end - 1, Class::RELATIVE_SUBJECT) {
        let own_subject = np_left(words, end, floor).filter(|np| stands_as_own_subject(words, np, floor));
        return own_subject
            .or_else(|| name_after_of(words, end, floor))
            .or_else(|| participle_before_and_subject(words, end, clause_floor))
            .or_else(|| reporter_before(words, v, clause_floor))
            .or_else(|| clause_subject(words, clause_floor, end));
    }
    // `Varga said he would not fight his transfer to the mainland and added,
    // “…”`: a verb right after `and` shares its clause's subject, not the
    // phrase before `and`.
    if prev == "and" {
        return verb_before_and_subject(words, end, floor).or_else(|| clause_subject(words, clause_floor, end - 1));
    }
    if let Some(np) = np_left(words, end, floor) {
        // `Tobin at the time said`: a phrase after a preposition is not the
        // subject; the phrase before the preposition is.
        if np.start > floor + 1 && words.is(np.start - 1, Class::PLACE_PREPOSITION) {
            // `Fishermen walking along the quay shouted`: past the
            // participle that took the preposition, too.
            let mut end = np.start - 1;
            if end > floor + 1 && words.is_participle(end - 1) && !words.is_capitalised(end - 1) {
                end -= 1;
            }
            if let Some(subject) = np_left(words, end, floor) {
                return Some(subject);
            }
        }
        return Some(np);
    }
    match prev {
        // `X, who chairs the committee, said` / `X, a professor, said`: the
        // phrase before the appositive, else the clause's first phrase.
        "," => {
            subject_before_appositive(words, end - 1, floor).or_else(|| clause_subject(words, clause_floor, end - 1))
        }
        "but" => clause_subject(words, clause_floor, end - 1),
        // `the department which reported`, `X, who said`.
        _ if words.is(end - 1, Class::RELATIVE_SUBJECT) => {
            let mut e = end - 1;
            if e > floor && words.lower(e - 1) == "," {
                e -= 1;
            }
            np_left(words, e, floor).map(|np| named_before_appositive(words, np, floor))
        }
        _ => None,
    }
}

/// `Ana Ruiz, the veteran welterweight who calls herself`: a description
/// that is the appositive of a name just before it stands for that name's
/// person (whatever stands before the name: `by Ana Ruiz, the…`); the
/// name, if so, else the description.
fn named_before_appositive(words: &Words<'_, '_>, np: Np, floor: usize) -> Np {
    if !matches!(np.kind, NpKind::Description { .. }) || np.start <= floor + 1 || words.lower(np.start - 1) != "," {
        return np;
    }
    match np_left(words, np.start - 1, floor) {
        Some(
            name @ Np {
                kind: NpKind::Name { name: span },
                ..
            },
        ) if !names_a_place(words, span) => name,
        _ => np,
    }
}

/// `(Ruth Calder, who wrote the history of the port, once said`: the name
/// before the comma that opens the appositives or relative clause which
/// the comma at `close` ends; the first such name, past nested appositives
/// (`Dev Mistry, editor at large of The Gazette, a weekly read on the coast,
/// said`).
pub(super) fn subject_before_appositive(words: &Words<'_, '_>, close: usize, floor: usize) -> Option<Np> {
    let mut floor = floor.max(close.saturating_sub(APPOSITIVE_MAX_TOKENS));
    // `the ferry, a service that the previous mayor, Ann Ruiz, called`:
    // the subject is inside the relative clause.
    if let Some(that) = (floor..close)
        .rev()
        .find(|&k| matches!(words.lower(k), "that" | "which"))
    {
        floor = that + 1;
    }
    // The phrases either side of the last comma, read once: the test below
    // and the search of appositives after it both ask for them.
    let last = (floor..close).rev().find(|&k| words.lower(k) == ",");
    let around_last = last.map(|last| (np_left(words, last, floor), np_right(words, last + 1, close)));
    let at_last = |k: usize| around_last.filter(|_| last == Some(k));
    let before_comma = |k: usize| at_last(k).map_or_else(|| np_left(words, k, floor), |(before, _)| before);
    let after_comma = |k: usize| at_last(k).map_or_else(|| np_right(words, k + 1, close), |(_, after)| after);
    // `the previous nominee, Ann Ruiz, called`: a name set off as the
    // appositive of a description is the subject's name.
    if let Some((before_last, after_last)) = around_last {
        let described_person = before_last.is_some_and(|np| match np.kind {
            NpKind::Description { head } => role_of(words.lower(head)).is_some_and(|r| r.sort == Sort::Person),
            _ => false,
        });
        let name = after_last.filter(|np| np.end == close && is_person_or_body(words, np));
        if let (true, Some(name)) = (described_person, name) {
            return Some(name);
        }
    }
    let opens_appositive = |k: usize| {
        matches!(words.lower(k + 1), "who" | "whose")
            || after_comma(k).is_some_and(|np| matches!(np.kind, NpKind::Description { .. }))
    };
    (floor..close)
        .filter(|&k| words.lower(k) == "," && opens_appositive(k))
        .find_map(|k| before_comma(k).filter(|np| opens_clause(words, np.start, floor) && is_person_or_body(words, np)))
}

/// Whether token `t` starts its clause: at `floor`, after a mark or
/// punctuation that opens a clause (`(Ruth Calder`; not `Harlow &
/// Eastfield`) or after a word that opens clauses (`But Len Ostrow`,
/// `after Ann Ruiz, the mayor, said`).
pub(super) fn opens_clause(words: &Words<'_, '_>, t: usize, floor: usize) -> bool {
    t <= floor
        || words.is_mark(t - 1)
        || matches!(words.lower(t - 1), "(" | "," | ";" | ":" | "—" | "–")
        || words.is(t - 1, Class::CLAUSE_OPENER | Class::SUBORDINATOR)
}

/// Whether `np` is a name, and not of a place (`from Sumter, South
/// Carolina,` is where someone is from) nor the object of a preposition
/// (`Member for Harlow & Eastfield,`).
pub(super) fn is_person_or_body(words: &Words<'_, '_>, np: &Np) -> bool {
    let NpKind::Name { name } = np.kind else {
        return false;
    };
    // (`after Ann Ruiz, the mayor, said`: `after` opens a clause here.)
    let after_preposition = np.start > 0
        && words.is(np.start - 1, Class::ATTACHER | Class::PLACE_PREPOSITION)
        && !words.is(np.start - 1, Class::SUBORDINATOR);
    !after_preposition && !names_a_place(words, name)
}

/// Whether the name in span `name` is a place's (`South Carolina`).
pub(super) fn names_a_place(words: &Words<'_, '_>, name: crate::types::Span) -> bool {
    name_sort(&words.tokens.text()[name.range()]) == Sort::Place
}

/// `The leaflet shows a photo of Jo Lee asking, “…”`: the name after `of` that
/// ends right before a participle is the participle's subject.
fn name_after_of(words: &Words<'_, '_>, end: usize, floor: usize) -> Option<Np> {
    let of = (floor.max(end.saturating_sub(NAME_AFTER_OF_WINDOW))..end)
        .rev()
        .find(|&k| words.lower(k) == "of")?;
    name_at(words, of + 1, end).filter(|np| np.end == end && matches!(np.kind, NpKind::Name { .. }))
}

/// `with Mayor Ann Tobin calling it a “disaster” and asking, “…”`:
/// a participle after `and` has the own subject of the participle it is
/// joined to.
fn participle_before_and_subject(words: &Words<'_, '_>, end: usize, floor: usize) -> Option<Np> {
    if end == 0 || words.lower(end - 1) != "and" {
        return None;
    }
    let first = words_outside_quotes_left(words, end - 1, floor)
        .take(OUTER_REPORT_WINDOW)
        .find(|&k| words.is_participle(k) && !words.is_capitalised(k))?;
    np_left(words, skip_auxiliaries_left(words, first, floor), floor)
        .filter(|np| stands_as_own_subject(words, np, floor))
}

/// Whether phrase `np`, right before a participle, is that participle's
/// own subject: after `with`, `while`, `of` or a dash (`with Sen. Jo Lee
/// calling it “…”`), not the object of the clause's verb.
fn stands_as_own_subject(words: &Words<'_, '_>, np: &Np, floor: usize) -> bool {
    np.start > floor && (words.is_dash(np.start - 1) || matches!(words.lower(np.start - 1), "with" | "while" | "of"))
}

/// `he laughed and said`: the subject of the verb right before the `and`
/// that ends at `end`.
fn verb_before_and_subject(words: &Words<'_, '_>, end: usize, floor: usize) -> Option<Np> {
    let verb = end.checked_sub(2).filter(|&k| k >= floor && words.is_word(k))?;
    if words.is_capitalised(verb) || !(words.is_cue_verb(verb) || words.lower(verb).ends_with("ed")) {
        return None;
    }
    np_left(words, skip_auxiliaries_left(words, verb, floor), floor)
}

/// `Nefzi said, adding, “…”`: the subject of the verb of saying nearest
/// before a participle in its sentence, when one is there.
fn reporter_before(words: &Words<'_, '_>, v: usize, floor: usize) -> Option<Np> {
    let say = words_outside_quotes_left(words, v, floor)
        .take(OUTER_REPORT_WINDOW)
        .take_while(|&k| !matches!(words.lower(k), "." | ";" | ":"))
        .find(|&k| words.is(k, Class::SAY_VERB) && words.is_cue_verb(k) && !words.is_participle(k))?;
    let end = skip_auxiliaries_left(words, say, floor);
    np_left(words, end, floor).or_else(|| {
        // `“…,” said Nefzi, adding`: the subject after the verb.
        np_right(words, say + 1, v).filter(|np| np.kind != NpKind::Pronoun || np.end <= v)
    })
}

/// The tokens from `v` leftwards to `floor`, nearest first, past the
/// quotes between: `Calder said that there is “just one…,” adding`.
fn words_outside_quotes_left<'a>(words: &'a Words<'_, '_>, v: usize, floor: usize) -> impl Iterator<Item = usize> + 'a {
    let mut inside = false;
    (floor..v).rev().filter(move |&k| {
        if words.is_mark(k) {
            inside = !inside;
            return false;
        }
        !inside
    })
}

/// The subject that opens the clause ending before `end`.
pub(super) fn clause_subject(words: &Words<'_, '_>, floor: usize, end: usize) -> Option<Np> {
    let starts = clause_starts(words, floor..end);
    let start = starts.into_iter().rev().find(|&s| s < end)?;
    np_right(words, start, end).or_else(|| {
        // `Six winters ago, she backed…`: past an opening phrase that the
        // lexicon does not know to its comma.
        let comma = (start..end.min(start + 8)).find(|&k| words.lower(k) == ",")?;
        np_right(words, comma + 1, end)
    })
}
