//! Noun phrases read right (`np_right`, from a verb to its subject after
//! it: `said the council leader`) and left (`np_left`, from a verb back to
//! its subject: `the council leader said`). A phrase is, in the order
//! tried: a pronoun; one or some of a group (`one of the players`); a
//! name after a body's name with `of` and role words
//! (`University of the North Shore political scientist Ann Ruiz`); a name
//! (after a possessive, the name after it, also past capitalised and role
//! words: `Halden’s U.K. managing director Piet Norland`); a name after
//! lower-case modifiers, or after modifiers joined by `and` (`oil and gas
//! worker Tom Ashby`); a description whose modifiers a comma separates
//! (`the tall, soft-spoken engineer`); a description, a determiner and
//! modifiers up to a role noun, with what attaches to it (`a spokesman
//! for the ministry`, `the wife of X`) and a name in apposition (also
//! after what attaches: `the captain of the team, Jordan Mills,`); a
//! plain description whose head the lists do not know (`the announcer`).

use super::name_runs::{name_at, name_run, name_word, np_for_run, person_then_of, role_or_title_at};
use super::np::{Np, NpKind};
use super::verbs::is_clear_verb_form;
use super::view::Words;
use crate::lexicon::classes::Class;

/// The longest noun phrase, in tokens, that the rules read: `the chief
/// executive of the Harbour Pilots Association` is well inside it.
pub(crate) const MAX_PHRASE_TOKENS: usize = 24;

/// Whether token `t` is a pronoun that the rules give an agreement
/// ([`crate::lexicon::classes::pronoun_agreement`]): a word of
/// [`Class::PRONOUN`] (`he`, `they’re`), but not one with a dot, which the
/// classes read without it (`I.`, an initial).
///
/// PERF: the class, whose words all have an agreement (the test
/// `every_pronoun_class_word_has_an_agreement`), rather than a search of
/// the contractions and pronouns for each: instructions 626.1M -> 624.3M
/// (callgrind, `extract --jsonl --jobs 1` on PolNeAR train).
fn is_pronoun(words: &Words<'_, '_>, t: usize) -> bool {
    words.is(t, Class::PRONOUN) && !words.lower(t).ends_with('.')
}

/// The noun phrase that starts at token `t`: a pronoun, a name, or a
/// description (`the Tory mayoral candidate`, `a spokesman for the
/// ministry`, `the wife of Michael X`).
pub(crate) fn np_right(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // A phrase is short: the bound keeps the search (and its recursion into
    // `of …` phrases) small whatever the text.
    let limit = limit.min(t + MAX_PHRASE_TOKENS);
    if t >= limit || !words.is_word(t) {
        return None;
    }
    if is_pronoun(words, t) {
        return Some(Np {
            start: t,
            end: t + 1,
            kind: NpKind::Pronoun,
        });
    }
    // `one of the players`, `some of the parents`
    if let Some(np) = partitive(words, t, limit) {
        return Some(np);
    }
    // `University of the North Shore political scientist Ann Ruiz`
    if let Some(name) = name_after_body_and_role(words, t, limit) {
        return Some(name);
    }
    let name_here = name_at(words, t, limit);
    if let Some(np) = name_here {
        if words.is_possessive(np.end - 1) && words.is_capitalised(np.end) {
            // `Fieldwork’s Nora B. Quint`, `Britain’s Prime Minister Jo
            // Lee`: the name after the possessive is the person's.
            if let Some(
                owned @ Np {
                    kind: NpKind::Name { .. },
                    ..
                },
            ) = name_at(words, np.end, limit)
            {
                return Some(Np { start: t, ..owned });
            }
            // `Halden’s U.K. managing director Piet Norland`: the owner's
            // capitalised words, role words, then the person's name.
            if let Some(person) = name_after_owned_role(words, np.end, limit) {
                return Some(Np { start: t, ..person });
            }
        }
        if !(words.is_possessive(np.end - 1) && words.is_word(np.end) && !words.is_capitalised(np.end)) {
            return Some(np);
        }
    }
    // `former Sen. Evan Bayh`, `panel Chairman Rep. Jo Lee`: lower-case
    // modifiers before a name.
    if let Some(name) = name_after_modifiers(words, t, limit) {
        return Some(name);
    }
    // `oil and gas worker Tom Ashby`: modifiers joined by `and`.
    if let Some(name) = name_after_joined_modifiers(words, t, limit) {
        return Some(name);
    }
    // `the tall, soft-spoken engineer`
    if let Some(np) = description_with_commas(words, t, limit) {
        return Some(np);
    }
    // A description: determiner, modifiers, head role noun.
    let mut u = t;
    if words.determiner_at(u) || words.lower(u).ends_with("'s") {
        u += 1;
        // `the Rev. Peter Wherry`, `The New York Times`, and past
        // modifiers a name with a title: `the younger Mr. Trump`, `the
        // late Sen. Jo Lee` (not `the iconic Trump Tower`).
        // PERF: `the` first, then the modifiers: instructions 628.0M ->
        // 627.5M (callgrind, `extract --jsonl --jobs 1` on PolNeAR train).
        let titled = || {
            let after_the = words.lower(t) == "the";
            after_the
                .then(|| name_after_modifiers(words, u, limit))
                .flatten()
                .filter(|np| starts_with_title(words, np))
        };
        if let Some(name) = name_at(words, u, limit).or_else(titled) {
            if !words.is_possessive(name.end - 1) {
                return Some(Np { start: t, ..name });
            }
        }
    } else if let Some(name) = name_here {
        // `Tobin's former campaign manager`: a possessive name opens a
        // description.
        if words.is_possessive(name.end - 1) && !words.is_capitalised(name.end) {
            u = name.end;
        }
    }
    let mut head = None;
    let mut v = u;
    // The head is the last role noun among the modifiers: `Senate minority
    // leader`, `the party press secretary`; a name after a lower-case head
    // ends the phrase (`the minister Jane X`).
    while v < limit && v < u + 6 && words.is_word(v) {
        let lower = words.lower(v);
        // The token's classes, which are looked up once, say what the word
        // lists say, save for a word with a dot (`Sen.`), which the classes
        // read without it and the lists do not hold.
        let listed = |class: Class| words.is(v, class) && !lower.ends_with('.');
        if listed(Class::ROLE) {
            head = Some(v);
        } else if (words.is_cue_verb(v) && is_clear_verb_form(lower))
            || listed(Class::DETERMINER | Class::ATTACHER)
            || (listed(Class::FUNCTION) && !words.is_capitalised(v) && !words.is(v, Class::COUNTING_MODIFIER))
            || (words.is_capitalised(v) && head.is_some_and(|h| !words.is_capitalised(h)))
        {
            break;
        }
        v += 1;
    }
    let Some(head) = head else {
        return plain_description(words, t, u, limit);
    };
    let mut end = head + 1;
    // A name after a role noun is the name: `the minister Jane X`, `police
    // Chief Dan Orr`.
    if let Some(name) = name_run(words, end, limit) {
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
    let attacher = if words.is(end, Class::PLACING_ADJECTIVE) {
        end + 1
    } else {
        end
    };
    if attacher + 1 < limit && words.is(attacher, Class::ATTACHER) {
        if let Some(obj) = np_right(words, attacher + 1, limit) {
            // `the captain of the team, Jordan Mills,`: the name is the
            // captain's.
            if names_after_comma(words, &obj) {
                return Some(Np { start: t, ..obj });
            }
            if obj.kind != NpKind::Pronoun {
                let relation = words.is(head, Class::RELATION) && words.lower(end) == "of";
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
        words,
        Np {
            start: t,
            end,
            kind: NpKind::Description { head },
        },
        limit,
    ))
}

/// `says one of the players`, `said some of the parents`: one or some of
/// a group the text describes, a description whose head is the group's.
fn partitive(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let counts = words.is(t, Class::PARTITIVE);
    if !counts || words.is_capitalised(t) && !words.starts_sentence(t) || words.lower(t + 1) != "of" {
        return None;
    }
    let group = np_right(words, t + 2, limit)?;
    let NpKind::Description { head } = group.kind else {
        return None;
    };
    Some(Np {
        start: t,
        end: group.end,
        kind: NpKind::Description { head },
    })
}

/// Whether phrase `np` is a description with its name set off after a
/// comma (`the team, Jordan Mills`, as [`appositive_name`] gives it).
fn names_after_comma(words: &Words<'_, '_>, np: &Np) -> bool {
    let NpKind::Name { name } = np.kind else {
        return false;
    };
    (np.start + 1..np.end).any(|k| words.span(k, k + 1).start == name.start && words.lower(k - 1) == ",")
}

/// `the harbourmaster, Alan Pryce,`: a name in apposition to a description
/// is the speaker's name; the phrase then runs to the end of the name.
fn appositive_name(words: &Words<'_, '_>, np: Np, limit: usize) -> Np {
    if words.lower(np.end) != "," {
        return np;
    }
    match name_at(words, np.end + 1, limit) {
        Some(
            name @ Np {
                kind: NpKind::Name { .. },
                ..
            },
        ) if name.end >= limit || matches!(words.lower(name.end), "," | "." | ";" | ":") => Np {
            start: np.start,
            ..name
        },
        _ => np,
    }
}

/// Past up to three plain lower-case words from `t` (modifiers: `former`,
/// `retired`, `panel`), none a function word or reporting verb: where
/// they end (`t` when there are none).
fn past_modifiers(words: &Words<'_, '_>, t: usize, limit: usize) -> usize {
    let plain =
        |u: usize| words.is_word(u) && !words.is_capitalised(u) && !words.function_at(u) && !words.is_reporting_verb(u);
    (t..limit.min(t + 3))
        .find(|&u| !plain(u))
        .unwrap_or(limit.min(t + 3).max(t))
}

/// A name after up to three lower-case modifiers at `t` (`former`,
/// `retired`, `panel`), the phrase starting at `t`.
fn name_after_modifiers(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let u = past_modifiers(words, t, limit);
    if u == t {
        return None;
    }
    let name = name_at(words, u, limit)?;
    matches!(name.kind, NpKind::Name { .. }).then_some(Np { start: t, ..name })
}

/// A name after lower-case modifiers joined by `and` that end in a role
/// noun: `oil and gas worker Tom Ashby`, `health and safety officer Ann
/// Ruiz`. Each `and` stands between two modifiers.
fn name_after_joined_modifiers(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let modifier =
        |u: usize| words.is_word(u) && !words.is_capitalised(u) && !words.function_at(u) && !words.is_reporting_verb(u);
    let mut u = t;
    let mut joined = false;
    while u < limit && u < t + 6 {
        if modifier(u) {
            u += 1;
        } else if u > t && words.lower(u) == "and" && modifier(u - 1) && u + 1 < limit && modifier(u + 1) {
            joined = true;
            u += 1;
        } else {
            break;
        }
    }
    if !joined || !role_or_title_at(words, u - 1) {
        return None;
    }
    let name = name_at(words, u, limit)?;
    matches!(name.kind, NpKind::Name { .. }).then_some(Np { start: t, ..name })
}

/// A name after a body's name with `of` in it (`University of the North
/// Shore`, `Bank of Eastfield`) and lower-case role words: `University of
/// the North Shore political scientist Ann Ruiz`. The body's name is a run
/// of capitalised words joined by `of` or `of the`; the phrase is the
/// person's, starting at `t`.
fn name_after_body_and_role(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // PERF: the `of` first, which rules out almost every token: 627.2M ->
    // 626.1M instructions (callgrind, `extract --jsonl --jobs 1` on
    // PolNeAR train).
    if words.lower(t + 1) != "of" || !name_word(words, t) {
        return None;
    }
    let mut u = t + 1;
    while u < limit && u < t + 8 {
        if name_word(words, u) {
            u += 1;
        } else if words.lower(u) == "of" && name_word(words, u + 1) {
            u += 2;
        } else if words.lower(u) == "of" && words.lower(u + 1) == "the" && name_word(words, u + 2) {
            u += 3;
        } else {
            break;
        }
    }
    let v = past_modifiers(words, u, limit);
    if v == u || u == t + 1 || !role_or_title_at(words, v - 1) {
        return None;
    }
    let name = name_run(words, v, limit)?;
    matches!(name.kind, NpKind::Name { .. }).then_some(Np { start: t, ..name })
}

/// A description whose modifiers a comma separates: `the tall,
/// soft-spoken engineer`, `a gruff, grey-haired sergeant`. A determiner
/// at `t`, lower-case words with a comma between two of them, and a role
/// noun at the end.
fn description_with_commas(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    if !words.determiner_at(t) {
        return None;
    }
    let plain =
        |u: usize| words.is_word(u) && !words.is_capitalised(u) && !words.function_at(u) && !words.is_reporting_verb(u);
    let mut u = t + 1;
    let mut comma = false;
    while u < limit && u < t + 7 {
        if plain(u) {
            // PERF: the comma first, then the classes: instructions 627.5M
            // -> 627.2M (callgrind, `extract --jsonl --jobs 1` on PolNeAR
            // train).
            if comma && words.role_at(u) && !words.role_at(u + 1) {
                return Some(Np {
                    start: t,
                    end: u + 1,
                    kind: NpKind::Description { head: u },
                });
            }
            u += 1;
        } else if words.lower(u) == "," && u > t + 1 && plain(u - 1) && u + 1 < limit && plain(u + 1) {
            comma = true;
            u += 1;
        } else {
            break;
        }
    }
    None
}

/// A name after capitalised words and lower-case role words at `t`, which
/// follows a possessive: `U.K. managing director Piet Norland` in
/// `Halden’s U.K. managing director Piet Norland`.
fn name_after_owned_role(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    let mut u = t;
    while u < limit
        && u < t + 4
        && (name_word(words, u) || (words.lower(u) == "." && u > t && words.is_capitalised(u - 1)))
    {
        u += 1;
    }
    let v = past_modifiers(words, u, limit);
    if v == u || !role_or_title_at(words, v - 1) {
        return None;
    }
    let name = name_run(words, v, limit)?;
    matches!(name.kind, NpKind::Name { .. }).then_some(name)
}

/// Whether the name in `np` starts with a title (`Mr.`, `Sen.`) after the
/// phrase's modifiers.
fn starts_with_title(words: &Words<'_, '_>, np: &Np) -> bool {
    (np.start..np.end)
        .find(|&k| words.is_capitalised(k))
        .is_some_and(|k| words.is(k, Class::TITLE))
}

/// A description whose head the lexicon does not know, `said the
/// announcer`: a determiner at `t`, then one to three plain words up to the
/// end of the phrase (punctuation or `limit`).
fn plain_description(words: &Words<'_, '_>, t: usize, u: usize, limit: usize) -> Option<Np> {
    if u == t {
        return None;
    }
    let mut v = u;
    let plain = |v: usize| {
        words.is_word(v)
            && !words.is_capitalised(v)
            && !words.function_at(v)
            && !words.is_reporting_verb(v)
            && !words.lower(v).starts_with(|c: char| c.is_ascii_digit())
    };
    while v < limit && v < u + 3 && plain(v) {
        v += 1;
    }
    let at_boundary = v >= limit || !words.is_word(v) || words.is_reporting_verb(v);
    (v > u && at_boundary).then(|| {
        let np = Np {
            start: t,
            end: v,
            kind: NpKind::Description { head: v - 1 },
        };
        appositive_name(words, np, limit)
    })
}

/// The noun phrase that ends just before token `end` (looking left from a
/// verb): a pronoun, a name, or a description.
pub(crate) fn np_left(words: &Words<'_, '_>, end: usize, floor: usize) -> Option<Np> {
    let floor = floor.max(end.saturating_sub(MAX_PHRASE_TOKENS));
    if end == 0 || end <= floor {
        return None;
    }
    let last = end - 1;
    if !words.is_word(last) {
        return None;
    }
    if is_pronoun(words, last) {
        return Some(Np {
            start: last,
            end,
            kind: NpKind::Pronoun,
        });
    }
    if name_word(words, last) {
        // The start of the capitalised run, over joiners and initials.
        let mut start = last;
        while start > floor {
            let p = start - 1;
            if name_word(words, p) {
                start = p;
            } else if p > floor && (words.is(p, Class::NAME_JOINER) || words.lower(p) == ".") && name_word(words, p - 1)
            {
                start = p - 1;
            } else if p > floor && words.lower(p) == "and" && name_word(words, p - 1) && words.is(last, Class::ORG_WORD)
            {
                // `Saltmarsh Fire and Rescue Service`
                start = p - 1;
            } else {
                break;
            }
        }
        // `Tom Haskins of Oregon said`: the person.
        let run_end = (start..end).find(|&k| person_then_of(words, start, k)).unwrap_or(end);
        let np = np_for_run(words, start, run_end)?;
        // `the wife of Michael X`, `a spokesman for Northgate Council`.
        return Some(extend_with_head(words, np, floor));
    }
    if words.role_at(last) {
        let mut start = last;
        while start > floor {
            let p = start - 1;
            if words.is(p, Class::DETERMINER) || words.is_possessive(p) {
                start = p;
                break;
            }
            if !words.is_word(p) || words.is_reporting_verb(p) || words.is(p, Class::FUNCTION) {
                break;
            }
            start = p;
        }
        let np = Np {
            start,
            end,
            kind: NpKind::Description { head: last },
        };
        return Some(extend_with_head(words, np, floor));
    }
    // `the announcer said`: a determiner and up to three plain words.
    if words.is_capitalised(last) || words.function_at(last) {
        return None;
    }
    let mut start = last;
    while start > floor && start + 3 > last {
        let p = start - 1;
        if words.is(p, Class::DETERMINER) || words.is_possessive(p) {
            return Some(Np {
                start: p,
                end,
                kind: NpKind::Description { head: last },
            });
        }
        if !words.is_word(p) || words.is_capitalised(p) || words.is(p, Class::FUNCTION) || words.is_reporting_verb(p) {
            return None;
        }
        start = p;
    }
    None
}

/// Extends a phrase leftwards over `a spokesman for` / `the wife of` when
/// it is the object of such a head.
fn extend_with_head(words: &Words<'_, '_>, np: Np, floor: usize) -> Np {
    if np.start < floor + 2 || !words.is(np.start - 1, Class::ATTACHER) {
        return np;
    }
    let Some(head_np) = np_left(words, np.start - 1, floor) else {
        return np;
    };
    let NpKind::Description { head } = head_np.kind else {
        return np;
    };
    if let (true, NpKind::Name { name }) = (
        words.is(head, Class::RELATION) && words.lower(np.start - 1) == "of",
        np.kind,
    ) {
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

pub(crate) fn is_definite(words: &Words<'_, '_>, start: usize) -> bool {
    words.is(start, Class::DEFINITE)
}

/// The description in an appositive right after a name: `, the Foreign
/// Secretary,` or `, a former diplomat,`.
pub(crate) fn appositive_after<'a>(words: &Words<'a, '_>, name_end: usize) -> Option<Vec<&'a str>> {
    if words.lower(name_end) != "," {
        return None;
    }
    let np = np_right(words, name_end + 1, (name_end + 12).min(words.len()))?;
    let NpKind::Description { head } = np.kind else {
        return None;
    };
    // An appositive is set off: punctuation closes it, or a phrase that
    // places it (`, a former head of the port authority,`) or adds to
    // it (`, a lawyer and trustee of the…,`). `In Marlowe, the
    // farmers cheered` is a new clause, not Marlowe described.
    if words.is_word(np.end) && !words.is(np.end, Class::ATTACHER) && words.lower(np.end) != "and" {
        return None;
    }
    let mut role_words = words.lower_words(np.start, head + 1);
    if role_words.first().is_some_and(|d| Class::DETERMINER.holds(d)) {
        role_words.remove(0);
    }
    Some(role_words)
}

/// Whether an `of` stands two or three tokens after `t`, where a relation
/// description starting at `t` has it (`the wife of`, `the late wife
/// of`): most tokens have none, and start no relation.
pub(crate) fn of_follows(words: &Words<'_, '_>, t: usize) -> bool {
    words.is(t + 2, Class::OF) || words.is(t + 3, Class::OF)
}

/// A relation description at token `t`, `the wife of Michael X`, if one
/// starts there.
pub(crate) fn relation_at(words: &Words<'_, '_>, t: usize, limit: usize) -> Option<Np> {
    // The `of` first: it rules out almost every token without a lexicon
    // lookup (this runs at every token outside quotes).
    let relation_near = (t + 1..limit.min(t + 3)).any(|u| words.is(u + 1, Class::OF) && words.is(u, Class::RELATION))
        && words.determiner_at(t);
    if !relation_near {
        return None;
    }
    np_right(words, t, limit).filter(|np| matches!(np.kind, NpKind::Relation { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::classes::{pronoun_agreement, word_class_map};
    use crate::speakers::tests::words_of;
    use crate::tokenize::tokenize;

    /// What `is_pronoun` takes on trust: every word of the pronoun class
    /// has an agreement.
    #[test]
    fn every_pronoun_class_word_has_an_agreement() {
        for (word, bits) in word_class_map() {
            if bits & Class::PRONOUN.bits() != 0 {
                assert!(pronoun_agreement(word).is_some(), "{word}");
            }
        }
    }

    /// `is_pronoun` answers as the class and the agreement together, for
    /// pronouns, their contractions and an initial with a dot.
    #[test]
    fn a_pronoun_is_of_the_class_with_an_agreement() {
        let text = "Ann I. Vorn said he'd go. They're here, she said, and I agree; it is so.";
        let tokens = tokenize(text);
        let words = words_of(&tokens);
        for t in 0..tokens.tokens.len() {
            let both = words.is(t, Class::PRONOUN) && pronoun_agreement(words.lower(t)).is_some();
            assert_eq!(is_pronoun(&words, t), both, "{}", words.lower(t));
        }
    }
}
