//! Finding the cue of a quote (`said`, `told reporters`, `according to`,
//! a trailing dash) and the noun phrase of its speaker, in the words
//! around the quote.

use std::ops::Range;

use crate::lexicon::LEXICON;

use super::mentions::{Np, NpKind};
use super::words::{self, Words};

/// How far (in tokens) from a quote a cue is looked for. Attributions sit
/// next to their quote; the limit keeps the search linear.
const CUE_WINDOW: usize = 40;

/// A cue and the speaker phrase it reports.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    /// Tokens of the cue words.
    pub(crate) cue: Range<usize>,
    pub(crate) speaker: Np,
}

/// The words outside quotes around a quote, in its sentence.
#[derive(Clone, Debug)]
pub(crate) struct Context {
    /// From the sentence start (or the end of the quote before) to the
    /// opening mark.
    pub(crate) before: Range<usize>,
    /// From after the closing mark to the sentence end (or the next quote).
    pub(crate) after: Range<usize>,
}

/// The cue after the quote: `“…,” X said`, `“…,” said X`, `“…,” X, a
/// professor at Y, said`, `“…,” according to X`, `“…” — X`.
pub(crate) fn after_quote(w: &Words<'_, '_>, after: Range<usize>) -> Option<Cue> {
    let limit = after.end.min(after.start + CUE_WINDOW);
    let mut t = after.start;
    while t < limit && matches!(w.lw(t), "," | "“" | "”") {
        t += 1;
    }
    if t >= limit {
        return None;
    }
    // A trailing dash: `“…” — Jane Doe`.
    if matches!(w.lw(t), "—" | "–" | "―" | "-") {
        let mut u = t + 1;
        while u < limit && w.lw(u) == "-" {
            u += 1;
        }
        let np = words::np_right(w, u, limit)?;
        return (np.kind != NpKind::Pronoun).then_some(Cue {
            cue: t..u,
            speaker: np,
        });
    }
    if let Some(cue) = phrase_cue_at(w, t, limit) {
        return Some(cue);
    }
    // `said X`: the verb first.
    let v = words::skip_auxiliaries_right(w, t, limit);
    if w.is_cue_verb(v) {
        let np = words::np_right(w, v + 1, limit)?;
        return Some(Cue {
            cue: v..v + 1,
            speaker: np,
        });
    }
    // `X said`, `X, a professor at Y, said`.
    if let Some(cue) = subject_then_verb(w, t, limit) {
        return Some(cue);
    }
    // `“…” for criminal behaviour, she said`: past a phrase to its comma.
    let comma = (t..limit.min(t + 12)).find(|&k| w.lw(k) == ",")?;
    subject_then_verb(w, comma + 1, limit)
}

/// A subject at `t` and then its reporting verb: `X said`, `X, a professor
/// at Y, said`, `X (D-Wis.) said`, `X of the Sierra Club said`.
fn subject_then_verb(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Cue> {
    let np = words::np_right(w, t, limit)?;
    let mut u = skip_parenthesis(w, np.end, limit);
    if w.lw(u) == "," {
        // Past an appositive to the comma that closes it.
        u = (u + 1..limit).find(|&k| w.lw(k) == ",")? + 1;
    } else if matches!(w.lw(u), "of" | "from" | "at" | "in" | "with" | "for") {
        // Past a short phrase that places the speaker.
        u = (u + 1..limit.min(u + 8)).find(|&k| w.is_cue_verb(k) || !w.is_word(k))?;
    }
    let v = words::skip_auxiliaries_right(w, u, limit);
    w.is_cue_verb(v).then_some(Cue {
        cue: v..v + 1,
        speaker: np,
    })
}

/// Past a parenthesis that starts at `t` (`(D-Wis.)`), if one does.
fn skip_parenthesis(w: &Words<'_, '_>, t: usize, limit: usize) -> usize {
    if w.lw(t) != "(" {
        return t;
    }
    (t + 1..limit.min(t + 10)).find(|&k| w.lw(k) == ")").map_or(t, |k| k + 1)
}

/// `according to X`, `in the words of X` at token `t`.
fn phrase_cue_at(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Cue> {
    for phrase in &LEXICON.cue_phrases {
        let n = phrase.len();
        if t + n > limit || !phrase.iter().enumerate().all(|(k, p)| w.lw(t + k) == *p) {
            continue;
        }
        // Only phrases that end in a preposition take the speaker after
        // them; `called on Y` is a verb phrase with its subject before.
        if !matches!(phrase.last().copied(), Some("to" | "of" | "by")) {
            continue;
        }
        let np = words::np_right(w, t + n, limit)?;
        return Some(Cue {
            cue: t..t + n,
            speaker: np,
        });
    }
    None
}

/// The cue before the quote: the nearest reporting verb to its left, and
/// that verb's subject.
pub(crate) fn before_quote(w: &Words<'_, '_>, before: Range<usize>) -> Option<Cue> {
    let floor = before.start.max(before.end.saturating_sub(CUE_WINDOW));
    // `According to X, “…”`
    for t in floor..before.end {
        if let Some(cue) = phrase_cue_at(w, t, before.end) {
            return Some(cue);
        }
    }
    let mut v = before.end;
    while v > floor {
        v -= 1;
        if !w.is_cue_verb(v) {
            continue;
        }
        let cue = verb_with_particle(w, v, before.end);
        if let Some(np) = subject_of(w, v, floor) {
            return Some(Cue { cue, speaker: np });
        }
        // `Said Jane Doe: “…”`: the subject after the verb.
        if let Some(np) = words::np_right(w, v + 1, before.end) {
            if np.kind != NpKind::Pronoun || v == floor {
                return Some(Cue { cue, speaker: np });
            }
        }
    }
    None
}

/// The cue words at verb `v`: the verb, with its particle when the lexicon
/// lists the pair (`called on`, `hit back`).
fn verb_with_particle(w: &Words<'_, '_>, v: usize, limit: usize) -> Range<usize> {
    let particle = LEXICON
        .cue_phrases
        .iter()
        .filter(|p| p.len() == 2 && p[0] == w.lw(v) && v + 1 < limit && p[1] == w.lw(v + 1))
        .count();
    v..v + 1 + particle.min(1)
}

/// The subject of the verb at `v`: the phrase right before it (past
/// auxiliaries), or, past an appositive, a relative clause or a
/// coordinated verb, the subject of its clause.
fn subject_of(w: &Words<'_, '_>, v: usize, floor: usize) -> Option<Np> {
    let end = words::skip_auxiliaries_left(w, v, floor);
    if end <= floor {
        return None;
    }
    let mut end = end;
    if w.lw(end - 1) == ")" {
        // `Rep. Gwen Moore (D-Wis.) said`
        if let Some(open) = (end.saturating_sub(10).max(floor)..end).rev().find(|&k| w.lw(k) == "(") {
            end = open;
        }
    }
    if end <= floor {
        return None;
    }
    let prev = w.lw(end - 1);
    if let Some(np) = words::np_left(w, end, floor) {
        return Some(np);
    }
    match prev {
        // `X, who chairs the committee, said` / `X, a professor, said` /
        // `China hit back and warned`: the clause's first phrase.
        "," | "and" | "but" => clause_subject(w, floor, end - 1),
        // `the department which reported`, `X, who said`.
        "who" | "which" | "that" => {
            let mut e = end - 1;
            if e > floor && w.lw(e - 1) == "," {
                e -= 1;
            }
            words::np_left(w, e, floor)
        }
        _ => None,
    }
}

/// The subject that opens the clause ending before `end`.
fn clause_subject(w: &Words<'_, '_>, floor: usize, end: usize) -> Option<Np> {
    let starts = words::clause_starts(w, floor..end);
    let start = starts.into_iter().rev().find(|&s| s < end)?;
    let np = words::np_right(w, start, end)?;
    Some(np)
}
