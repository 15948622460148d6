//! Noun phrases read right (`np_right`, from a verb to its subject after
//! it: `said the council leader`) and left (`np_left`, from a verb back to
//! its subject: `the council leader said`). A phrase is, in the order
//! tried: a pronoun; a name (after a possessive, the name after it); a
//! name after lower-case modifiers; a description, a determiner and
//! modifiers up to a role noun, with what attaches to it (`a spokesman
//! for the ministry`, `the wife of X`) and a name in apposition; a plain
//! description whose head the lists do not know (`the announcer`).

use super::name_runs::{name_at, name_run, name_word, np_for_run, person_then_of};
use super::np::{Np, NpKind};
use super::verbs::is_clear_verb_form;
use super::view::Words;
use crate::lexicon::LEXICON;
use crate::lexicon::classes::{Class, pronoun_agreement};

/// The longest noun phrase, in tokens, that the rules read: `the chief
/// executive of the Harbour Pilots Association` is well inside it.
pub(crate) const MAX_PHRASE_TOKENS: usize = 24;

/// The noun phrase that starts at token `t`: a pronoun, a name, or a
/// description (`the Tory mayoral candidate`, `a spokesman for the
/// ministry`, `the wife of Michael X`).
pub(crate) fn np_right(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // A phrase is short: the bound keeps the search (and its recursion into
    // `of …` phrases) small whatever the text.
    let limit = limit.min(t + MAX_PHRASE_TOKENS);
    if t >= limit || !w.is_word(t) {
        return None;
    }
    if w.is(t, Class::PRONOUN) && pronoun_agreement(w.lw(t)).is_some() {
        return Some(Np {
            start: t,
            end: t + 1,
            kind: NpKind::Pronoun,
        });
    }
    let name_here = name_at(w, t, limit);
    if let Some(np) = name_here {
        if is_possessive(w, np.end - 1) && w.is_capitalised(np.end) {
            // `Fieldwork’s Nora B. Quint`, `Britain’s Prime Minister Jo
            // Lee`: the name after the possessive is the person's.
            if let Some(
                owned @ Np {
                    kind: NpKind::Name { .. },
                    ..
                },
            ) = name_at(w, np.end, limit)
            {
                return Some(Np { start: t, ..owned });
            }
        }
        if !(is_possessive(w, np.end - 1) && w.is_word(np.end) && !w.is_capitalised(np.end)) {
            return Some(np);
        }
    }
    // `former Sen. Evan Bayh`, `panel Chairman Rep. Jo Lee`: lower-case
    // modifiers before a name.
    if let Some(name) = name_after_modifiers(w, t, limit) {
        return Some(name);
    }
    // A description: determiner, modifiers, head role noun.
    let mut u = t;
    if w.determiner_at(u) || w.lw(u).ends_with("'s") {
        u += 1;
        // `the Rev. Peter Wherry`, `The New York Times`, and past
        // modifiers a name with a title: `the younger Mr. Trump`, `the
        // late Sen. Jo Lee` (not `the iconic Trump Tower`).
        let titled = || name_after_modifiers(w, u, limit).filter(|np| w.lw(t) == "the" && starts_with_title(w, np));
        if let Some(name) = name_at(w, u, limit).or_else(titled) {
            if !is_possessive(w, name.end - 1) {
                return Some(Np { start: t, ..name });
            }
        }
    } else if let Some(name) = name_here {
        // `Tobin's former campaign manager`: a possessive name opens a
        // description.
        if is_possessive(w, name.end - 1) && !w.is_capitalised(name.end) {
            u = name.end;
        }
    }
    let mut head = None;
    let mut v = u;
    // The head is the last role noun among the modifiers: `Senate minority
    // leader`, `the party press secretary`; a name after a lower-case head
    // ends the phrase (`the minister Jane X`).
    while v < limit && v < u + 6 && w.is_word(v) {
        let lw = w.lw(v);
        // The token's classes, which are looked up once, say what the word
        // lists say, save for a word with a dot (`Sen.`), which the classes
        // read without it and the lists do not hold.
        let listed = |class: Class| w.is(v, class) && !lw.ends_with('.');
        if listed(Class::ROLE) {
            head = Some(v);
        } else if (w.is_cue_verb(v) && is_clear_verb_form(lw))
            || listed(Class::DETERMINER | Class::ATTACHER)
            || (listed(Class::FUNCTION) && !w.is_capitalised(v) && !w.is(v, Class::COUNTING_MODIFIER))
            || (w.is_capitalised(v) && head.is_some_and(|h| !w.is_capitalised(h)))
        {
            break;
        }
        v += 1;
    }
    let Some(head) = head else {
        return plain_description(w, t, u, limit);
    };
    let mut end = head + 1;
    // A name after a role noun is the name: `the minister Jane X`, `police
    // Chief Dan Orr`.
    if let Some(name) = name_run(w, end, limit) {
        if matches!(name.kind, NpKind::Name { .. }) {
            return Some(Np {
                start: t,
                end: name.end,
                kind: name.kind,
            });
        }
    }
    // `of X`, `for the ministry`, `at Leeds University`; past an adjective
    // that takes the phrase: `a person close to the family`.
    let attacher = if w.is(end, Class::PLACING_ADJECTIVE) {
        end + 1
    } else {
        end
    };
    if attacher + 1 < limit && w.is(attacher, Class::ATTACHER) {
        if let Some(obj) = np_right(w, attacher + 1, limit) {
            if obj.kind != NpKind::Pronoun {
                let relation = w.is(head, Class::RELATION) && w.lw(end) == "of";
                if let (true, NpKind::Name { name }) = (relation, obj.kind) {
                    return Some(Np {
                        start: t,
                        end: obj.end,
                        kind: NpKind::Relation { head, name },
                    });
                }
                end = obj.end;
            }
        }
    }
    Some(appositive_name(
        w,
        Np {
            start: t,
            end,
            kind: NpKind::Description { head },
        },
        limit,
    ))
}

/// `the harbourmaster, Alan Pryce,`: a name in apposition to a description
/// is the speaker's name; the phrase then runs to the end of the name.
fn appositive_name(w: &Words<'_, '_>, np: Np, limit: usize) -> Np {
    if w.lw(np.end) != "," {
        return np;
    }
    match name_at(w, np.end + 1, limit) {
        Some(
            name @ Np {
                kind: NpKind::Name { .. },
                ..
            },
        ) if name.end >= limit || matches!(w.lw(name.end), "," | "." | ";" | ":") => Np {
            start: np.start,
            ..name
        },
        _ => np,
    }
}

/// A name after up to three lower-case modifiers at `t` (`former`,
/// `retired`, `panel`), the phrase starting at `t`.
fn name_after_modifiers(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let mut u = t;
    while u < limit && u < t + 3 && w.is_word(u) && !w.is_capitalised(u) && !w.function_at(u) && !w.is_reporting_verb(u)
    {
        u += 1;
    }
    if u == t {
        return None;
    }
    let name = name_at(w, u, limit)?;
    matches!(name.kind, NpKind::Name { .. }).then_some(Np { start: t, ..name })
}

/// Whether the name in `np` starts with a title (`Mr.`, `Sen.`) after the
/// phrase's modifiers.
fn starts_with_title(w: &Words<'_, '_>, np: &Np) -> bool {
    (np.start..np.end)
        .find(|&k| w.is_capitalised(k))
        .is_some_and(|k| w.is(k, Class::TITLE))
}

/// A description whose head the lexicon does not know, `said the
/// announcer`: a determiner at `t`, then one to three plain words up to the
/// end of the phrase (punctuation or `limit`).
fn plain_description(w: &Words<'_, '_>, t: usize, u: usize, limit: usize) -> Option<Np> {
    if u == t {
        return None;
    }
    let mut v = u;
    let plain = |v: usize| {
        w.is_word(v)
            && !w.is_capitalised(v)
            && !w.function_at(v)
            && !w.is_reporting_verb(v)
            && !w.lw(v).starts_with(|c: char| c.is_ascii_digit())
    };
    while v < limit && v < u + 3 && plain(v) {
        v += 1;
    }
    let at_boundary = v >= limit || !w.is_word(v) || w.is_reporting_verb(v);
    (v > u && at_boundary).then(|| {
        let np = Np {
            start: t,
            end: v,
            kind: NpKind::Description { head: v - 1 },
        };
        appositive_name(w, np, limit)
    })
}

/// The noun phrase that ends just before token `end` (looking left from a
/// verb): a pronoun, a name, or a description.
pub(crate) fn np_left(w: &Words<'_, '_>, end: usize, floor: usize) -> Option<Np> {
    let floor = floor.max(end.saturating_sub(MAX_PHRASE_TOKENS));
    if end == 0 || end <= floor {
        return None;
    }
    let last = end - 1;
    if !w.is_word(last) {
        return None;
    }
    if pronoun_agreement(w.lw(last)).is_some() {
        return Some(Np {
            start: last,
            end,
            kind: NpKind::Pronoun,
        });
    }
    if name_word(w, last) {
        // The start of the capitalised run, over joiners and initials.
        let mut start = last;
        while start > floor {
            let p = start - 1;
            if name_word(w, p) {
                start = p;
            } else if p > floor && (w.is(p, Class::NAME_JOINER) || w.lw(p) == ".") && name_word(w, p - 1) {
                start = p - 1;
            } else if p > floor && w.lw(p) == "and" && name_word(w, p - 1) && LEXICON.org_words.contains(w.lw(last)) {
                // `Saltmarsh Fire and Rescue Service`
                start = p - 1;
            } else {
                break;
            }
        }
        // `Tom Haskins of Oregon said`: the person.
        let run_end = (start..end).find(|&k| person_then_of(w, start, k)).unwrap_or(end);
        let np = np_for_run(w, start, run_end)?;
        // `the wife of Michael X`, `a spokesman for Northgate Council`.
        return Some(extend_with_head(w, np, floor));
    }
    if w.role_at(last) {
        let mut start = last;
        while start > floor {
            let p = start - 1;
            if w.is(p, Class::DETERMINER) || is_possessive(w, p) {
                start = p;
                break;
            }
            if !w.is_word(p) || w.is_reporting_verb(p) || w.is(p, Class::FUNCTION) {
                break;
            }
            start = p;
        }
        let np = Np {
            start,
            end,
            kind: NpKind::Description { head: last },
        };
        return Some(extend_with_head(w, np, floor));
    }
    // `the announcer said`: a determiner and up to three plain words.
    if w.is_capitalised(last) || w.function_at(last) {
        return None;
    }
    let mut start = last;
    while start > floor && start + 3 > last {
        let p = start - 1;
        if w.is(p, Class::DETERMINER) || is_possessive(w, p) {
            return Some(Np {
                start: p,
                end,
                kind: NpKind::Description { head: last },
            });
        }
        if !w.is_word(p) || w.is_capitalised(p) || w.is(p, Class::FUNCTION) || w.is_reporting_verb(p) {
            return None;
        }
        start = p;
    }
    None
}

/// Extends a phrase leftwards over `a spokesman for` / `the wife of` when
/// it is the object of such a head.
fn extend_with_head(w: &Words<'_, '_>, np: Np, floor: usize) -> Np {
    if np.start < floor + 2 || !w.is(np.start - 1, Class::ATTACHER) {
        return np;
    }
    let Some(head_np) = np_left(w, np.start - 1, floor) else {
        return np;
    };
    let NpKind::Description { head } = head_np.kind else {
        return np;
    };
    if let (true, NpKind::Name { name }) = (w.is(head, Class::RELATION) && w.lw(np.start - 1) == "of", np.kind) {
        return Np {
            start: head_np.start,
            end: np.end,
            kind: NpKind::Relation { head, name },
        };
    }
    Np {
        start: head_np.start,
        end: np.end,
        kind: NpKind::Description { head },
    }
}

/// Whether token `t` is a word in the possessive: `Obama's`, `Jesus’`.
pub(crate) fn is_possessive(w: &Words<'_, '_>, t: usize) -> bool {
    let lw = w.lw(t);
    lw.ends_with("'s") || (lw.ends_with("s'") && w.is_word(t))
}

pub(crate) fn is_definite(w: &Words<'_, '_>, start: usize) -> bool {
    w.is(start, Class::DEFINITE)
}

/// The description in an appositive right after a name: `, the Foreign
/// Secretary,` or `, a former diplomat,`.
#[inline]
pub(crate) fn appositive_after<'a>(w: &Words<'a, '_>, name_end: usize) -> Option<Vec<&'a str>> {
    // Most names have no comma after them: the test inline, the search
    // out of line.
    if w.lw(name_end) != "," {
        return None;
    }
    appositive_after_comma(w, name_end)
}

/// [`appositive_after`] of a name followed by a comma.
fn appositive_after_comma<'a>(w: &Words<'a, '_>, name_end: usize) -> Option<Vec<&'a str>> {
    let np = np_right(w, name_end + 1, (name_end + 12).min(w.len()))?;
    let NpKind::Description { head } = np.kind else {
        return None;
    };
    // An appositive is set off: punctuation closes it, or a phrase that
    // places it (`, a former head of the port authority,`) or adds to
    // it (`, a lawyer and trustee of the…,`). `In Marlowe, the
    // farmers cheered` is a new clause, not Marlowe described.
    if w.is_word(np.end) && !w.is(np.end, Class::ATTACHER) && w.lw(np.end) != "and" {
        return None;
    }
    let mut words = w.lower_words(np.start, head + 1);
    if words.first().is_some_and(|d| Class::DETERMINER.holds(d)) {
        words.remove(0);
    }
    Some(words)
}

/// Whether an `of` stands two or three tokens after `t`, where a relation
/// description starting at `t` has it (`the wife of`, `the late wife
/// of`): most tokens have none, and start no relation.
#[inline]
pub(crate) fn of_follows(w: &Words<'_, '_>, t: usize) -> bool {
    w.is(t + 2, Class::OF) || w.is(t + 3, Class::OF)
}

/// A relation description at token `t`, `the wife of Michael X`, if one
/// starts there.
pub(crate) fn relation_at(w: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // The `of` first: it rules out almost every token without a lexicon
    // lookup (this runs at every token outside quotes).
    let relation_near =
        (t + 1..limit.min(t + 3)).any(|u| w.is(u + 1, Class::OF) && w.is(u, Class::RELATION)) && w.determiner_at(t);
    if !relation_near {
        return None;
    }
    np_right(w, t, limit).filter(|np| matches!(np.kind, NpKind::Relation { .. }))
}
