//! Reporting verbs used as verbs: `said`, `told`, `claims`, and not the
//! nouns of the same form (`a court order`, `campaign claims`).

use super::view::Words;
use crate::lexicon::classes::Class;

impl Words<'_, '_> {
    /// Whether token `t` has the form of a participle (`saying`,
    /// `adding`): it opens a clause of its own rather than reporting one.
    pub(crate) fn is_participle(&self, t: usize) -> bool {
        self.lower(t).ends_with("ing")
    }

    pub(crate) fn is_reporting_verb(&self, t: usize) -> bool {
        self.is(t, Class::REPORTING_VERB)
    }

    /// Whether token `t` is a reporting verb used as a verb here: not a
    /// capitalised word inside a sentence (`United States`), and not a noun
    /// after a determiner or possessive (`the woman's quotes`, `Kim's
    /// mental state`).
    ///
    /// PERF: asked of many words, of which few are reporting verbs: that
    /// test inlined where it is asked, the rest in a call only past it:
    /// instructions 668.0M -> 666.9M (callgrind, `extract --jsonl --jobs 1`
    /// on PolNeAR train).
    #[inline]
    pub(crate) fn is_cue_verb(&self, t: usize) -> bool {
        self.is_reporting_verb(t) && self.reporting_verb_is_used_as_verb(t)
    }

    /// [`Words::is_cue_verb`] of a reporting verb.
    fn reporting_verb_is_used_as_verb(&self, t: usize) -> bool {
        let sentence_start = t == 0 || !self.is_word(t - 1);
        if self.is_capitalised(t) && (!sentence_start || self.is_known_surname(t)) {
            return false;
        }
        // Past tenses and participles are verbs wherever they stand.
        if self.is_clear_verb_form_at(t) {
            return true;
        }
        let opens_noun_phrase = |p: usize| self.determiner_at(p) || self.is_possessive(p);
        let after_determiner = t >= 1 && opens_noun_phrase(t - 1);
        let after_modifier = t >= 2
            && self.is_word(t - 1)
            && !self.is_capitalised(t - 1)
            && !self.function_at(t - 1)
            && !self.role_at(t - 1)
            && opens_noun_phrase(t - 2);
        !after_determiner && !after_modifier && !self.ends_compound_noun(t)
    }

    /// [`is_clear_verb_form`] of token `t`'s form, a reporting verb's.
    ///
    /// PERF: the list's part asked of the token's classes, which
    /// `is_reporting_verb` has just looked up, not of the lists once more
    /// (but for a form with a dot, which the token's classes read without
    /// it): instructions 674.6M -> 673.0M (callgrind, `extract --jsonl
    /// --jobs 1` on PolNeAR train).
    fn is_clear_verb_form_at(&self, t: usize) -> bool {
        let lower = self.lower(t);
        if lower.ends_with('.') {
            return is_clear_verb_form(lower);
        }
        lower.ends_with("ed") || lower.ends_with("ing") || self.is(t, Class::CLEAR_VERB_FORM)
    }

    /// `a court order`, `the campaign message`: a verb's base form after a
    /// singular noun cannot agree with it, so it is the last noun of a
    /// compound (`the police say` agrees: `police` is plural).
    fn ends_compound_noun(&self, t: usize) -> bool {
        if t == 0 || !self.is(t, Class::VERB_BASE) {
            return false;
        }
        let noun = t - 1;
        // `the TV show`, `a Fox poll`: a capitalised noun after a determiner
        // too (`Democrats say` has none).
        let common = !self.is_capitalised(noun) || noun > 0 && self.determiner_at(noun - 1);
        self.is_word(noun)
            && common
            && !self.function_at(noun)
            && !self.is(noun, Class::PLURAL_NOUN | Class::AUXILIARY)
            && !self.lower(noun).ends_with('s')
            && self.lower(noun).chars().all(char::is_alphabetic)
    }
}

/// Whether a reporting verb's form can only be a verb: a past tense or
/// participle (`stated`, `saying`, `told`), or `says`. Base forms and `-s`
/// forms are also nouns (`a news report`, `campaign claims`).
pub(super) fn is_clear_verb_form(lower: &str) -> bool {
    lower.ends_with("ed") || lower.ends_with("ing") || Class::CLEAR_VERB_FORM.holds(lower)
}

/// `Smiling broadly throughout her speech, Mrs. Clinton…`: a participle
/// that opens the sentence, followed by a word in lower case that is not a
/// verb (`Manning said` is a name and its verb).
pub(super) fn opens_participle_phrase(words: &Words<'_, '_>, t: usize) -> bool {
    let next = t + 1;
    words.starts_sentence(t)
        && words.is_participle(t)
        && !words.is(t, Class::FIRST_NAME)
        && next < words.len()
        && words.is_word(next)
        && !words.is_capitalised(next)
        && !words.is_reporting_verb(next)
        && !words.is(next, Class::AUXILIARY)
}
