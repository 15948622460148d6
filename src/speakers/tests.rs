//! Unit tests for the rules of the speaker stage: word classes and noun
//! phrases (`words`), cues (`cues`), entities and salience (`mentions`),
//! and the rule order of `attribute`, end to end.
//!
//! Every text here is invented for these tests, in the style of news copy.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::context::past_last_quoted;
use super::cues;
use super::mentions::Mentions;
use super::np::NpKind;
use super::view::Words;
use crate::Extractor;
use crate::lexicon::classes::{Class, role_of, word_class_map, word_classes};
use crate::lexicon::{Gender, Sort};
use crate::speakers::clauses::skip_auxiliaries_left;
use crate::speakers::name_runs::name_at;
use crate::speakers::names::{clean_name, name_sort};
use crate::speakers::phrases::{MAX_PHRASE_TOKENS, np_left, np_right};
use crate::speakers::view::forget_forms;
use crate::tokenize::{Tokens, tokenize};
use crate::types::{Attribution, QuoteKind};

// --- helpers ---------------------------------------------------------------

/// The speaker stage's view of the tokens. One place to adapt if
/// `Words::new` changes its signature.
pub(super) fn words_of<'a, 'h>(tokens: &'a Tokens<'h>) -> Words<'a, 'h> {
    static NO_EXTRA_VERBS: LazyLock<HashSet<String>> = LazyLock::new(HashSet::new);
    // Leaked: a test's few bytes, for a helper that returns the words.
    Words::new(tokens, &NO_EXTRA_VERBS, Box::leak(Box::default()), Default::default())
}

/// The index of the `nth` (0-based) token whose text is `word`.
fn tok_nth(tokens: &Tokens<'_>, word: &str, nth: usize) -> usize {
    (0..tokens.tokens.len())
        .filter(|&i| tokens.str(i) == word)
        .nth(nth)
        .unwrap_or_else(|| panic!("no token {word:?} #{nth} in {:?}", tokens.text()))
}

/// The index of the first token whose text is `word`.
fn tok(tokens: &Tokens<'_>, word: &str) -> usize {
    tok_nth(tokens, word, 0)
}

/// The text of tokens `a..b`.
fn text_of<'h>(tokens: &Tokens<'h>, a: usize, b: usize) -> &'h str {
    let w = &tokens.tokens;
    &tokens.text()[w[a].span().start..w[b - 1].span().end]
}

/// The name proper of a noun phrase, if it is a name.
fn name_of<'h>(tokens: &Tokens<'h>, kind: NpKind) -> Option<&'h str> {
    match kind {
        NpKind::Name { name } => Some(&tokens.text()[name.range()]),
        _ => None,
    }
}

/// One quote as the tests look at it.
#[derive(Debug, PartialEq, Eq)]
struct Q {
    quote: String,
    kind: QuoteKind,
    name: Option<String>,
    attribution: Option<Attribution>,
    mention: Option<String>,
    cue: Option<String>,
}

fn extract_with(extractor: &Extractor, text: &str) -> Vec<Q> {
    extractor
        .extract(text)
        .iter()
        .map(|q| Q {
            quote: q.as_str().to_string(),
            kind: q.kind(),
            name: q.speaker().and_then(|s| s.name()).map(str::to_string),
            attribution: q.speaker().map(|s| s.attribution()),
            mention: q.speaker().map(|s| s.mention_str().to_string()),
            cue: q.cue_str().map(str::to_string),
        })
        .collect()
}

fn extract(text: &str) -> Vec<Q> {
    extract_with(&Extractor::new(), text)
}

/// The single quote that starts with `prefix`.
fn quote<'a>(qs: &'a [Q], prefix: &str) -> &'a Q {
    let found: Vec<&Q> = qs.iter().filter(|q| q.quote.starts_with(prefix)).collect();
    assert_eq!(found.len(), 1, "one quote starting {prefix:?} in {qs:#?}");
    found[0]
}

/// The speaker name and attribution of the quote that starts with `prefix`.
fn who(qs: &[Q], prefix: &str) -> (Option<String>, Option<Attribution>) {
    let q = quote(qs, prefix);
    (q.name.clone(), q.attribution)
}

fn said(name: &str, how: Attribution) -> (Option<String>, Option<Attribution>) {
    (Some(name.to_string()), Some(how))
}

const NOBODY: (Option<String>, Option<Attribution>) = (None, None);

/// A pronoun the text gives nothing to take up: a speaker without a name.
const UNNAMED_PRONOUN: (Option<String>, Option<Attribution>) = (None, Some(Attribution::Pronoun));

/// Mentions collected with no token inside a quotation.
fn mentions_unquoted<'a>(tokens: &'a Tokens<'_>) -> Mentions<'a> {
    let quoted = vec![false; tokens.tokens.len()];
    Mentions::collect(&words_of(tokens), &quoted)
}

/// The entity whose name is `name`.
fn entity<'m, 'a>(m: &'m Mentions<'a>, name: &str) -> &'m super::mentions::Entity<'a> {
    m.entities
        .iter()
        .find(|e| &*e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", m.entities))
}

// --- verbs and nouns (Words::is_cue_verb) ----------------------------------

#[test]
fn cue_verb_after_possessive_is_a_noun() {
    let t = tokenize("Reporters checked the woman's quotes against the tape.");
    let w = words_of(&t);
    assert!(w.is_reporting_verb(tok(&t, "quotes")));
    assert!(!w.is_cue_verb(tok(&t, "quotes")));
}

#[test]
fn cue_verb_after_a_name_is_a_verb() {
    let t = tokenize("Hartley says the deal is dead. Hartley claims victory.");
    let w = words_of(&t);
    assert!(w.is_cue_verb(tok(&t, "says")));
    assert!(w.is_cue_verb(tok(&t, "claims")));
}

#[test]
fn cue_verb_after_determiner_or_modifier_is_a_noun() {
    let t = tokenize("The claims were false, and her recent claims were worse.");
    let w = words_of(&t);
    // `The claims`: after a determiner.
    assert!(!w.is_cue_verb(tok(&t, "claims")));
    // `her recent claims`: after a determiner and a plain modifier.
    assert!(!w.is_cue_verb(tok_nth(&t, "claims", 1)));
}

#[test]
fn capitalised_reporting_word_inside_a_sentence_is_not_a_verb() {
    let t = tokenize("Officials in the United States objected.");
    let w = words_of(&t);
    let states = tok(&t, "States");
    assert!(w.is_reporting_verb(states));
    assert!(!w.is_cue_verb(states));
}

#[test]
fn past_tense_is_a_verb_even_after_a_determiner() {
    // Past tenses and participles are verbs wherever they stand.
    let t = tokenize("The agency reported a loss.");
    let w = words_of(&t);
    assert!(w.is_cue_verb(tok(&t, "reported")));
}

// --- names (name_at, np_right, clean_name, name_sort, role_of) -------------

#[test]
fn titles_are_stripped_from_names() {
    let t = tokenize("Foreign Secretary Jane Doe said the talks had failed.");
    let w = words_of(&t);
    let np = name_at(&w, 0, t.tokens.len()).expect("a name");
    assert_eq!(name_of(&t, np.kind), Some("Jane Doe"));
    // The phrase keeps its titles; the name proper does not.
    assert_eq!(text_of(&t, np.start, np.end), "Foreign Secretary Jane Doe");
}

#[test]
fn abbreviated_title_with_a_dot_is_stripped() {
    let t = tokenize("Mr. Tom Reilly said the farm would close.");
    let w = words_of(&t);
    let np = name_at(&w, 0, t.tokens.len()).expect("a name");
    assert_eq!(name_of(&t, np.kind), Some("Tom Reilly"));
    assert_eq!(text_of(&t, np.start, np.end), "Mr. Tom Reilly");
}

#[test]
fn titles_alone_are_a_description() {
    let t = tokenize("The Foreign Secretary said nothing.");
    let w = words_of(&t);
    let np = np_right(&w, 0, t.tokens.len()).expect("a phrase");
    let secretary = tok(&t, "Secretary");
    assert_eq!(np.kind, NpKind::Description { head: secretary });
    assert_eq!(text_of(&t, np.start, np.end), "The Foreign Secretary");
}

#[test]
fn capitalised_modifier_of_a_role_noun_is_not_a_name() {
    let t = tokenize("Tory candidate Ann Lee said no.");
    let w = words_of(&t);
    assert_eq!(name_at(&w, 0, t.tokens.len()), None);
    // The phrase as a whole is a name after its role words.
    let np = np_right(&w, 0, t.tokens.len()).expect("a phrase");
    assert_eq!(name_of(&t, np.kind), Some("Ann Lee"));
}

#[test]
fn base_form_after_a_determiner_and_a_capitalised_noun_is_a_noun() {
    let t = tokenize("He hosts the TV show and Democrats say so.");
    let w = words_of(&t);
    assert!(!w.is_cue_verb(tok(&t, "show")));
    assert!(w.is_cue_verb(tok(&t, "say")));
}

#[test]
fn said_at_a_sentence_start_does_not_open_a_name() {
    let t = tokenize("Said Ann Lee: the vote is over.");
    let w = words_of(&t);
    assert_eq!(name_at(&w, 0, t.tokens.len()), None);
    assert!(w.is_cue_verb(0));
}

#[test]
fn participle_that_opens_a_sentence_is_not_a_name() {
    let t = tokenize("Walking into the office, the senator waved.");
    let w = words_of(&t);
    assert_eq!(name_at(&w, 0, t.tokens.len()), None);
    // A surname that ends in -ing, before its verb, still is one.
    let t = tokenize("Manning said no.");
    let w = words_of(&t);
    assert!(name_at(&w, 0, t.tokens.len()).is_some());
}

#[test]
fn clean_name_drops_possessives_and_extra_space() {
    assert_eq!(clean_name("Tom Reilly's"), "Tom Reilly");
    assert_eq!(clean_name("Tom Reilly’s"), "Tom Reilly");
    assert_eq!(clean_name("Agnes Moss'"), "Agnes Moss");
    assert_eq!(clean_name("  Jane \n  Doe "), "Jane Doe");
}

#[test]
fn name_sort_tells_places_organisations_and_people_apart() {
    assert_eq!(name_sort("France"), Sort::Place);
    assert_eq!(name_sort("BBC"), Sort::Organisation);
    assert_eq!(name_sort("Halden Motors"), Sort::Organisation);
    assert_eq!(name_sort("Green Valley Party"), Sort::Organisation);
    assert_eq!(name_sort("Jane Doe"), Sort::Person);
    assert_eq!(name_sort("Harlow RCMP"), Sort::Organisation);
    assert_eq!(name_sort("John Doe III"), Sort::Person);
}

#[test]
fn role_of_knows_roles_relations_and_ages() {
    let spokeswoman = role_of("spokeswoman").expect("a role");
    assert_eq!((spokeswoman.gender, spokeswoman.sort), (Gender::Female, Sort::Person));
    let company = role_of("company").expect("a role");
    assert_eq!(company.sort, Sort::Organisation);
    let husband = role_of("husband").expect("a relation");
    assert_eq!((husband.gender, husband.sort), (Gender::Male, Sort::Person));
    let age = role_of("45-year-old").expect("an age");
    assert_eq!((age.gender, age.sort), (Gender::Unknown, Sort::Person));
    assert!(role_of("table").is_none());
}

// --- descriptions (np_right, np_left) --------------------------------------

#[test]
fn possessive_name_opens_a_description() {
    let t = tokenize("Hartley's former strategist said the campaign was over.");
    let w = words_of(&t);
    let np = np_right(&w, 0, t.tokens.len()).expect("a phrase");
    let head = tok(&t, "strategist");
    assert_eq!(np.kind, NpKind::Description { head });
    assert_eq!(text_of(&t, np.start, np.end), "Hartley's former strategist");
}

#[test]
fn determiner_before_a_titled_name_is_part_of_the_name_phrase() {
    let t = tokenize("said the Rev. Peter Wendell on Sunday");
    let w = words_of(&t);
    let np = np_right(&w, 1, t.tokens.len()).expect("a phrase");
    assert_eq!(name_of(&t, np.kind), Some("Peter Wendell"));
    assert_eq!(text_of(&t, np.start, np.end), "the Rev. Peter Wendell");
}

#[test]
fn plain_description_with_an_unknown_head() {
    let t = tokenize("the announcer said");
    let w = words_of(&t);
    let said = tok(&t, "said");
    let left = np_left(&w, said, 0).expect("a phrase to the left");
    assert_eq!((left.start, left.end), (0, said));
    assert_eq!(
        left.kind,
        NpKind::Description {
            head: tok(&t, "announcer")
        }
    );
    let t = tokenize("said the announcer");
    let w = words_of(&t);
    let right = np_right(&w, 1, t.tokens.len()).expect("a phrase to the right");
    assert_eq!(text_of(&t, right.start, right.end), "the announcer");
}

#[test]
fn relation_description_to_the_right() {
    let t = tokenize("said the wife of Tom Reilly.");
    let w = words_of(&t);
    let np = np_right(&w, 1, t.tokens.len()).expect("a phrase");
    let NpKind::Relation { head, name } = np.kind else {
        panic!("a relation, not {np:?}");
    };
    assert_eq!(t.str(head), "wife");
    assert_eq!(&t.text()[name.range()], "Tom Reilly");
    assert_eq!(text_of(&t, np.start, np.end), "the wife of Tom Reilly");
}

#[test]
fn relation_description_to_the_left() {
    let t = tokenize("The wife of Tom Reilly said");
    let w = words_of(&t);
    let said = tok(&t, "said");
    let np = np_left(&w, said, 0).expect("a phrase");
    let NpKind::Relation { head, name } = np.kind else {
        panic!("a relation, not {np:?}");
    };
    assert_eq!(t.str(head), "wife");
    assert_eq!(&t.text()[name.range()], "Tom Reilly");
    assert_eq!(np.start, 0);
}

#[test]
fn role_description_with_attached_phrase() {
    let t = tokenize("a spokesman for the council said");
    let w = words_of(&t);
    let np = np_right(&w, 0, t.tokens.len()).expect("a phrase");
    assert_eq!(
        np.kind,
        NpKind::Description {
            head: tok(&t, "spokesman")
        }
    );
    assert_eq!(text_of(&t, np.start, np.end), "a spokesman for the council");
}

// --- the -ly adverb rule ---------------------------------------------------

#[test]
fn adverb_in_ly_is_skipped_between_subject_and_verb() {
    let t = tokenize("Jane Doe publicly said");
    let w = words_of(&t);
    let said = tok(&t, "said");
    assert_eq!(skip_auxiliaries_left(&w, said, 0), tok(&t, "publicly"));
}

#[test]
fn ly_rule_does_not_swallow_nouns_like_family() {
    let t = tokenize("the Reilly family said");
    let w = words_of(&t);
    let said = tok(&t, "said");
    assert_eq!(skip_auxiliaries_left(&w, said, 0), said);
    let np = np_left(&w, said, 0).expect("a phrase");
    assert_eq!(
        np.kind,
        NpKind::Description {
            head: tok(&t, "family")
        }
    );
    assert_eq!(np.start, 0);
}

// --- cues (cues::after_quote, cues::before_quote) --------------------------

#[test]
fn cue_after_quote_subject_then_verb() {
    let t = tokenize("“We will win,” Jane Doe said.");
    let w = words_of(&t);
    let close = tok(&t, "”");
    let cue = cues::after_quote(&w, close + 1..t.tokens.len()).expect("a cue");
    assert_eq!(text_of(&t, cue.cue.start, cue.cue.end), "said");
    assert_eq!(name_of(&t, cue.speaker.kind), Some("Jane Doe"));
}

#[test]
fn cue_after_quote_past_an_appositive() {
    let t = tokenize("“It will not hold,” Mara Quinn, a professor at Halden University, said.");
    let w = words_of(&t);
    let close = tok(&t, "”");
    let cue = cues::after_quote(&w, close + 1..t.tokens.len()).expect("a cue");
    assert_eq!(text_of(&t, cue.cue.start, cue.cue.end), "said");
    assert_eq!(name_of(&t, cue.speaker.kind), Some("Mara Quinn"));
}

#[test]
fn cue_after_quote_past_a_parenthesis() {
    let t = tokenize("“We will vote no,” Rep. Ann Lee (D-Wis.) said.");
    let w = words_of(&t);
    let close = tok(&t, "”");
    let cue = cues::after_quote(&w, close + 1..t.tokens.len()).expect("a cue");
    assert_eq!(name_of(&t, cue.speaker.kind), Some("Ann Lee"));
    assert_eq!(text_of(&t, cue.cue.start, cue.cue.end), "said");
}

#[test]
fn cue_before_quote_past_a_parenthesis() {
    let t = tokenize("Rep. Ann Lee (D-Wis.) said: “We will vote no.”");
    let w = words_of(&t);
    let open = tok(&t, "“");
    let cue = cues::before_quote(&w, 0..open, 0).expect("a cue");
    assert_eq!(name_of(&t, cue.speaker.kind), Some("Ann Lee"));
}

#[test]
fn cue_before_quote_takes_the_subject_not_the_object() {
    // `X accused Y of a “…”`: the speaker is X.
    let t = tokenize("Jane Doe accused Tom Reilly of a “shameful betrayal” on Monday.");
    let w = words_of(&t);
    let open = tok(&t, "“");
    let cue = cues::before_quote(&w, 0..open, 0).expect("a cue");
    assert_eq!(text_of(&t, cue.cue.start, cue.cue.end), "accused");
    assert_eq!(name_of(&t, cue.speaker.kind), Some("Jane Doe"));
}

#[test]
fn cue_phrase_according_to() {
    let t = tokenize("“Sales fell sharply,” according to Halden Motors.");
    let w = words_of(&t);
    let close = tok(&t, "”");
    let cue = cues::after_quote(&w, close + 1..t.tokens.len()).expect("a cue");
    assert_eq!(text_of(&t, cue.cue.start, cue.cue.end), "according to");
    assert_eq!(name_of(&t, cue.speaker.kind), Some("Halden Motors"));
}

#[test]
fn trailing_dash_names_the_speaker_but_not_a_pronoun() {
    let t = tokenize("“We will rebuild.” — Jane Doe");
    let w = words_of(&t);
    let close = tok(&t, "”");
    let cue = cues::after_quote(&w, close + 1..t.tokens.len()).expect("a cue");
    assert_eq!(name_of(&t, cue.speaker.kind), Some("Jane Doe"));
    let t = tokenize("“We will rebuild.” — she");
    let w = words_of(&t);
    let close = tok(&t, "”");
    assert!(cues::after_quote(&w, close + 1..t.tokens.len()).is_none());
}

// --- mentions: entities, canonical names, gender ---------------------------

#[test]
fn shorter_forms_of_a_name_join_its_entity() {
    let t = tokenize("Tom Reilly arrived late. Reilly apologised. Mr Reilly then left.");
    let m = mentions_unquoted(&t);
    let people: Vec<&str> = m.entities.iter().map(|e| &*e.name).collect();
    assert_eq!(people, ["Tom Reilly"]);
    assert_eq!(m.mentions.len(), 3);
    assert!(m.mentions.values().all(|x| x.entity == 0));
    assert_eq!(m.entities[0].gender, Gender::Male);
}

#[test]
fn entity_sorts_and_first_name_gender() {
    let t = tokenize("Jane Doe met Halden Motors staff in France.");
    let m = mentions_unquoted(&t);
    assert_eq!(entity(&m, "Jane Doe").gender, Gender::Female);
    assert_eq!(entity(&m, "Jane Doe").sort, Sort::Person);
    assert_eq!(entity(&m, "France").sort, Sort::Place);
}

#[test]
fn title_gives_gender_to_a_name_without_a_known_first_name() {
    let t = tokenize("Mrs Quinn opened the fete.");
    let m = mentions_unquoted(&t);
    assert_eq!(entity(&m, "Quinn").gender, Gender::Female);
}

// --- end to end: rule order and attribution --------------------------------

#[test]
fn cue_after_the_quote_gives_the_name() {
    let qs = extract("“Prices will fall next year,” Jane Doe said.");
    assert_eq!(who(&qs, "“Prices"), said("Jane Doe", Attribution::Cue));
    assert_eq!(quote(&qs, "“Prices").cue.as_deref(), Some("said"));
    assert_eq!(quote(&qs, "“Prices").kind, QuoteKind::Direct);
}

#[test]
fn verb_first_cue_said_the_rev() {
    let qs = extract("“Forgive them,” said the Rev. Peter Wendell.");
    assert_eq!(who(&qs, "“Forgive"), said("Peter Wendell", Attribution::Cue));
    assert_eq!(
        quote(&qs, "“Forgive").mention.as_deref(),
        Some("the Rev. Peter Wendell")
    );
}

#[test]
fn appositive_after_the_name_end_to_end() {
    let qs = extract("“The bridge will not hold,” Mara Quinn, a professor at Halden University, said.");
    assert_eq!(who(&qs, "“The bridge"), said("Mara Quinn", Attribution::Cue));
}

#[test]
fn possessive_description_speaker_is_the_description() {
    let qs = extract("“The campaign is over,” Hartley's former strategist said.");
    assert_eq!(
        who(&qs, "“The campaign"),
        said("Hartley's former strategist", Attribution::Description)
    );
}

#[test]
fn plain_description_is_kept_as_the_name() {
    let qs = extract("“And that is the end of the game,” the announcer said.");
    assert_eq!(who(&qs, "“And that"), said("the announcer", Attribution::Description));
}

#[test]
fn relation_description_names_the_relation() {
    let qs = extract("“He was a good man,” said the wife of Tom Reilly.");
    assert_eq!(who(&qs, "“He was"), said("Tom Reilly's wife", Attribution::Description));
}

#[test]
fn relation_uses_the_fullest_name_of_the_person() {
    let text = "Tom Reilly died on Friday.\n“He was a good man,” said the wife of Mr Reilly.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“He was"), said("Tom Reilly's wife", Attribution::Description));
}

#[test]
fn canonical_name_is_the_fullest_form_seen_before() {
    let text = "Tom Reilly, a farmer, lost his barn on Monday.\n“It is all gone,” Mr Reilly said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“It is"), said("Tom Reilly", Attribution::Cue));
    assert_eq!(quote(&qs, "“It is").mention.as_deref(), Some("Mr Reilly"));
}

#[test]
fn canonical_name_is_the_fullest_form_seen_after() {
    let text = "“It is all gone,” Reilly said.\nTom Reilly has farmed the land since 1990.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“It is"), said("Tom Reilly", Attribution::Cue));
}

#[test]
fn pronoun_agrees_in_gender() {
    let text = "Tom Reilly met Jane Doe on Monday.\n“The talks went well,” she said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“The talks"), said("Jane Doe", Attribution::Pronoun));
}

#[test]
fn pronoun_prefers_the_subject() {
    let text = "Tom Reilly thanked Peter Wendell on Monday.\n“The talks went well,” he said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“The talks"), said("Tom Reilly", Attribution::Pronoun));
}

#[test]
fn it_stands_for_an_organisation() {
    let text = "Halden Motors posted a loss on Tuesday.\n“Demand has collapsed,” it said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“Demand"), said("Halden Motors", Attribution::Pronoun));
}

#[test]
fn it_skips_a_place_for_an_organisation() {
    let text = "France fined Halden Motors on Tuesday.\n“We will appeal,” it said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“We will"), said("Halden Motors", Attribution::Pronoun));
}

#[test]
fn it_never_stands_for_a_place() {
    let text = "France raised its fuel tax on Tuesday.\n“We will appeal,” it said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“We will"), UNNAMED_PRONOUN);
    assert_eq!(quote(&qs, "“We will").cue.as_deref(), Some("said"));
}

#[test]
fn pronoun_does_not_take_a_name_inside_its_own_quote() {
    let qs = extract("“Tom Reilly is wrong about the farm,” she said.");
    assert_eq!(who(&qs, "“Tom"), UNNAMED_PRONOUN);
}

#[test]
fn unknown_stays_unknown_without_an_antecedent() {
    let qs = extract("“We will not stop now,” he said.");
    let q = quote(&qs, "“We will");
    assert_eq!((q.name.clone(), q.attribution), UNNAMED_PRONOUN);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue.as_deref(), Some("said"));
}

// In these, another person is named between the binding and the
// description, so that only the binding (not salience) gives the answer.

#[test]
fn description_bound_by_an_appositive() {
    let text = "Jane Doe, the foreign secretary, flew to Paris on Monday.\nTom Reilly met her at the airport.\n“We are close to a deal,” the foreign secretary said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“We are"), said("Jane Doe", Attribution::Description));
}

#[test]
fn description_bound_by_an_appositive_with_a_loose_modifier() {
    let text =
        "Ann Lee, a former diplomat, spoke first.\nTom Reilly followed her.\n“Nobody listened,” the diplomat said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“Nobody"), said("Ann Lee", Attribution::Description));
}

#[test]
fn description_bound_by_a_role_before_a_name_as_object() {
    let text = "Voters cheered Tory candidate Jane Doe on Monday.\nTom Reilly met her at the airport.\n“We are close to a deal,” the candidate said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“We are"), said("Jane Doe", Attribution::Description));
}

#[test]
fn description_bound_by_a_title_before_the_name() {
    let text = "Foreign Secretary Jane Doe flew to Paris on Monday.\nTom Reilly met her at the airport.\n“We are close to a deal,” the foreign secretary said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“We are"), said("Jane Doe", Attribution::Description));
}

#[test]
fn description_bound_by_a_role_before_a_name_as_subject() {
    let text = "Tory candidate Jane Doe flew to Paris on Monday.\nTom Reilly met her at the airport.\n“We are close to a deal,” the candidate said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“We are"), said("Jane Doe", Attribution::Description));
}

#[test]
fn definite_description_as_subject_right_after_the_name() {
    let text = "Tom Reilly was elected in May.\nThe mayor said: “The roads come first.”";
    let qs = extract(text);
    assert_eq!(who(&qs, "“The roads"), said("Tom Reilly", Attribution::Description));
}

#[test]
fn indefinite_description_is_not_resolved_to_a_name() {
    let text = "Tom Reilly was elected in May.\n“The roads come first,” a spokesman for the council said.";
    let qs = extract(text);
    assert_eq!(
        who(&qs, "“The roads"),
        said("a spokesman for the council", Attribution::Description)
    );
}

#[test]
fn family_is_a_group_description_not_an_adverb() {
    let qs = extract("The Reilly family said: “We are heartbroken.”");
    assert_eq!(who(&qs, "“We are"), said("the Reilly family", Attribution::Description));
}

#[test]
fn cue_phrase_according_to_end_to_end() {
    let qs = extract("According to Jane Doe, “the bridge was never safe.”");
    assert_eq!(who(&qs, "“the bridge"), said("Jane Doe", Attribution::Cue));
    assert_eq!(quote(&qs, "“the bridge").cue.as_deref(), Some("According to"));
}

#[test]
fn cue_before_the_quote_with_a_colon() {
    let qs = extract("Jane Doe told reporters: “We will not resign.”");
    assert_eq!(who(&qs, "“We will"), said("Jane Doe", Attribution::Cue));
    assert_eq!(quote(&qs, "“We will").cue.as_deref(), Some("told"));
}

#[test]
fn paragraph_ending_with_a_colon_gives_the_cue() {
    let qs = extract("At a rally in Leeds on Saturday, Jane Doe said:\n“We will win this seat.”");
    assert_eq!(who(&qs, "“We will"), said("Jane Doe", Attribution::Cue));
}

#[test]
fn reported_speech_in_the_sentence_before() {
    let qs = extract("Prices will rise next year, Jane Doe said. “Families should plan now.”");
    assert_eq!(who(&qs, "“Families"), said("Jane Doe", Attribution::Cue));
    assert_eq!(quote(&qs, "“Families").cue.as_deref(), Some("said"));
}

#[test]
fn reported_speech_before_needs_the_cue_at_the_sentence_end() {
    let qs = extract(
        "Jane Doe said prices would rise next year and that wages would lag far behind them. “Families should plan now.”",
    );
    assert_eq!(who(&qs, "“Families"), NOBODY);
}

#[test]
fn continuation_of_a_whole_sentence_quote() {
    let text = "“We will keep the farm,” Tom Reilly said.\n“My father built it with his own hands.”";
    let qs = extract(text);
    let q = quote(&qs, "“My father");
    assert_eq!(
        (q.name.clone(), q.attribution),
        said("Tom Reilly", Attribution::Continuation)
    );
    assert_eq!(q.mention.as_deref(), Some("Tom Reilly"));
    assert_eq!(q.cue, None);
}

#[test]
fn continuation_across_a_caption() {
    let text = "“We will keep the farm,” Tom Reilly said.\nTom Reilly at his farm near Leeds on Monday\n“My father built it with his own hands.”";
    let qs = extract(text);
    assert_eq!(who(&qs, "“My father"), said("Tom Reilly", Attribution::Continuation));
}

#[test]
fn no_continuation_across_a_sentence_without_quotes() {
    let text = "“We will keep the farm,” Tom Reilly said.\nThe bank has asked for its money by June.\n“My father built it with his own hands.”";
    let qs = extract(text);
    assert_eq!(who(&qs, "“My father"), NOBODY);
}

#[test]
fn no_continuation_for_a_fragment() {
    let text = "“We will keep the farm,” Tom Reilly said.\n“and the house, and the barn, and the land” were at stake.";
    let qs = extract(text);
    let q = quote(&qs, "“and the house");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!((q.name.clone(), q.attribution), NOBODY);
}

#[test]
fn no_continuation_when_carrying_is_off() {
    let extractor = Extractor::builder().carry_speakers(false).build().unwrap();
    let text = "“We will keep the farm,” Tom Reilly said.\n“My father built it with his own hands.”";
    let qs = extract_with(&extractor, text);
    assert_eq!(who(&qs, "“My father"), NOBODY);
    assert_eq!(who(&qs, "“We will"), said("Tom Reilly", Attribution::Cue));
}

#[test]
fn unattributed_capitalised_fragment_is_a_title() {
    let qs = extract("Viewers tuned in to “Morning With Ann Lee” for the last time on Friday.");
    let q = quote(&qs, "“Morning");
    assert_eq!(q.kind, QuoteKind::Title);
    assert_eq!(q.name, None);
}

#[test]
fn short_unattributed_fragment_is_a_scare_quote() {
    let qs = extract("The firm moved its staff to “flexible hubs” last year.");
    let q = quote(&qs, "“flexible");
    assert_eq!(q.kind, QuoteKind::ScareQuote);
    assert_eq!(q.name, None);
}

#[test]
fn long_unattributed_fragment_stays_mixed_without_a_speaker() {
    let qs = extract("The plan would “cut the waiting lists for good and for everyone” within a decade.");
    let q = quote(&qs, "“cut");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!((q.name.clone(), q.attribution), NOBODY);
}

#[test]
fn attributed_short_fragment_stays_speech() {
    let qs = extract("Jane Doe called the plan “a disgrace” on Monday.");
    let q = quote(&qs, "“a disgrace");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!((q.name.clone(), q.attribution), said("Jane Doe", Attribution::Cue));
}

#[test]
fn interrupted_quote_keeps_its_speaker() {
    let text = "Jane Doe spoke after the vote.\n“We lost,” she said, “but we will be back.”";
    let qs = extract(text);
    assert_eq!(who(&qs, "“We lost"), said("Jane Doe", Attribution::Pronoun));
    assert_eq!(who(&qs, "“but we"), said("Jane Doe", Attribution::Pronoun));
}

#[test]
fn pronouns_left_unresolved_when_turned_off() {
    let extractor = Extractor::builder().resolve_pronouns(false).build().unwrap();
    let text = "Jane Doe spoke after the vote.\n“We lost,” she said.";
    let qs = extract_with(&extractor, text);
    assert_eq!(who(&qs, "“We lost"), (None, Some(Attribution::Pronoun)));
    assert_eq!(quote(&qs, "“We lost").mention.as_deref(), Some("she"));
}

// --- more rules -----------------------------------------------------------

#[test]
fn user_added_reporting_verb_is_a_cue_verb() {
    let t = tokenize("Jo Bloggs harrumphed that it was late.");
    let extra: HashSet<String> = ["harrumphed".to_string()].into_iter().collect();
    assert!(!words_of(&t).is_cue_verb(tok(&t, "harrumphed")));
    assert!(Words::new(&t, &extra, &mut String::new(), Default::default()).is_cue_verb(tok(&t, "harrumphed")));
    let extractor = Extractor::builder().reporting_verb("harrumphed").build().unwrap();
    let qs = extract_with(&extractor, "“Not today,” Jo Bloggs harrumphed.");
    assert_eq!(who(&qs, "“Not today"), said("Jo Bloggs", Attribution::Cue));
    assert_eq!(
        who(&extract("“Not today,” Jo Bloggs harrumphed."), "“Not today"),
        NOBODY
    );
}

#[test]
fn reporting_word_after_possessive_and_modifier_is_a_noun() {
    let t = tokenize("Lee's mental state was poor.");
    let w = words_of(&t);
    assert!(w.is_reporting_verb(tok(&t, "state")));
    assert!(!w.is_cue_verb(tok(&t, "state")));
}

#[test]
fn verb_first_cue_at_a_sentence_start_with_a_description() {
    let qs = extract("Said the mayor: “We will vote no.”");
    assert_eq!(who(&qs, "“We will"), said("the mayor", Attribution::Description));
    assert_eq!(quote(&qs, "“We will").cue.as_deref(), Some("Said"));
}

#[test]
fn verb_first_cue_at_a_sentence_start_with_a_name() {
    let qs = extract("Said Ellis: “We will vote no.”");
    assert_eq!(who(&qs, "“We will"), said("Ellis", Attribution::Cue));
}

#[test]
fn cue_subject_past_a_relative_clause() {
    let qs = extract("Jane Doe, who chairs the committee, said: “We will meet again.”");
    assert_eq!(who(&qs, "“We will"), said("Jane Doe", Attribution::Cue));
}

#[test]
fn cue_subject_of_a_coordinated_verb() {
    let qs = extract("Halden Motors hit back and warned: “We will sue.”");
    assert_eq!(who(&qs, "“We will"), said("Halden Motors", Attribution::Cue));
    assert_eq!(quote(&qs, "“We will").cue.as_deref(), Some("warned"));
}

#[test]
fn cue_before_a_fragment_with_said_it_was() {
    let qs = extract("Jane Doe said it was “a very sad day for the town”.");
    let q = quote(&qs, "“a very");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!((q.name.clone(), q.attribution), said("Jane Doe", Attribution::Cue));
}

#[test]
fn attributed_capitalised_fragment_stays_speech() {
    let qs = extract("Jane Doe called it “Project Fear” on Monday.");
    let q = quote(&qs, "“Project");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.name.as_deref(), Some("Jane Doe"));
}

#[test]
fn first_name_alone_joins_the_full_name() {
    let qs = extract("Tom Reilly spoke first.\n“We are ready,” Tom said.");
    assert_eq!(who(&qs, "“We are"), said("Tom Reilly", Attribution::Cue));
    assert_eq!(quote(&qs, "“We are").mention.as_deref(), Some("Tom"));
}

#[test]
fn age_description_resolves_to_the_person_named() {
    let qs = extract("Tom Reilly was elected in May.\n“The roads come first,” the 45-year-old said.");
    assert_eq!(who(&qs, "“The roads"), said("Tom Reilly", Attribution::Description));
}

#[test]
fn announcer_at_a_sentence_start_is_named_in_lower_case() {
    let qs = extract("The announcer said: “That is the end of the game.”");
    let q = quote(&qs, "“That is");
    assert_eq!(
        (q.name.clone(), q.attribution),
        said("the announcer", Attribution::Description)
    );
    assert_eq!(q.mention.as_deref(), Some("The announcer"));
}

#[test]
fn they_stands_for_an_organisation() {
    let qs = extract("Halden Motors cut 500 jobs.\n“The market has changed,” they said.");
    assert_eq!(who(&qs, "“The market"), said("Halden Motors", Attribution::Pronoun));
}

#[test]
fn pronoun_prefers_names_outside_quotes() {
    let text = "“Tom Reilly is finished,” said Peter Wendell.\n“He has lost the farm,” he said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“He has"), said("Peter Wendell", Attribution::Pronoun));
}

#[test]
fn pronoun_prefers_the_earlier_of_two_objects() {
    let text = "On Monday, police met Tom Reilly and Peter Wendell.\n“It was a long day,” he said.";
    let qs = extract(text);
    assert_eq!(who(&qs, "“It was"), said("Tom Reilly", Attribution::Pronoun));
}

#[test]
fn pronoun_takes_the_subject_of_an_earlier_clause_in_its_sentence() {
    let qs = extract("Tom Reilly arrived late, and he said: “It was hard.”");
    assert_eq!(who(&qs, "“It was"), said("Tom Reilly", Attribution::Pronoun));
}

#[test]
fn pronoun_does_not_take_a_name_in_its_own_introductory_phrase() {
    let qs = extract("After meeting Tom Reilly, he said: “It was hard.”");
    assert_eq!(who(&qs, "“It was"), UNNAMED_PRONOUN);
}

#[test]
fn pronoun_looks_back_twelve_sentences_and_no_further() {
    let near = format!(
        "Tom Reilly arrived. {}\n“It was hard,” he said.",
        "The rain fell. ".repeat(11)
    );
    assert_eq!(
        who(&extract(&near), "“It was"),
        said("Tom Reilly", Attribution::Pronoun)
    );
    let far = format!(
        "Tom Reilly arrived. {}\n“It was hard,” he said.",
        "The rain fell. ".repeat(13)
    );
    assert_eq!(who(&extract(&far), "“It was"), UNNAMED_PRONOUN);
}

#[test]
fn mentions_mark_subjects_and_quoted_names() {
    let text = "On Monday, Jane Doe met Tom Reilly. “Ann Lee knew,” she said.";
    let t = tokenize(text);
    let found = crate::quotes::find(&t);
    let mut quoted = vec![false; t.tokens.len()];
    for q in &found {
        quoted[q.open..q.end_token].iter_mut().for_each(|f| *f = true);
    }
    let m = Mentions::collect(&words_of(&t), &quoted);
    let flags: Vec<(&str, bool, bool)> = m
        .mentions
        .values()
        .map(|x| (&*m.entities[x.entity].name, x.subject, x.quoted))
        .collect();
    assert_eq!(
        flags,
        [
            ("Jane Doe", true, false),
            ("Tom Reilly", false, false),
            ("Ann Lee", false, true)
        ]
    );
}

#[test]
fn continuation_within_the_same_paragraph() {
    let qs = extract("“We won,” Jane Doe said. “Now we rebuild.”");
    assert_eq!(who(&qs, "“Now we"), said("Jane Doe", Attribution::Continuation));
}

#[test]
fn a_speaker_without_a_name_continues_without_one() {
    let qs = extract("“We won,” she said.\n“Now we rebuild.”");
    assert_eq!(who(&qs, "“We won"), UNNAMED_PRONOUN);
    assert_eq!(who(&qs, "“Now we"), (None, Some(Attribution::Continuation)));
    assert_eq!(quote(&qs, "“Now we").mention.as_deref(), Some("she"));
}

#[test]
fn no_continuation_across_a_long_caption() {
    let text = "“We will keep the farm,” Tom Reilly said.\nPhoto: Tom Reilly at his farm near Leeds, where he has lived since he was a boy, and where his father and his grandfather farmed before him for more than sixty years\n“My father built it.”";
    let qs = extract(text);
    assert_eq!(who(&qs, "“My father"), NOBODY);
}

#[test]
fn cue_after_the_quote_comes_before_reported_speech() {
    let qs = extract("Prices will rise, Jane Doe said. “Plan now,” Tom Reilly added.");
    assert_eq!(who(&qs, "“Plan now"), said("Tom Reilly", Attribution::Cue));
    assert_eq!(quote(&qs, "“Plan now").cue.as_deref(), Some("added"));
}

#[test]
fn capitalised_fragment_longer_than_eight_words_is_not_a_title() {
    let qs = extract("Ann Lee watched “Morning With Ann Lee And Tom Reilly On The Farm Today” on Friday.");
    let q = quote(&qs, "“Morning");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.name, None);
}

#[test]
fn scare_quote_limit_is_four_words() {
    let four = extract("The firm moved staff to “flexible work hubs now” last year.");
    assert_eq!(quote(&four, "“flexible").kind, QuoteKind::ScareQuote);
    let five = extract("The firm moved staff to “flexible work hubs right now” last year.");
    assert_eq!(quote(&five, "“flexible").kind, QuoteKind::Mixed);
}

// --- the bounds that keep the cost linear ------------------------------------

#[test]
fn a_cue_is_looked_for_within_forty_tokens_of_the_quote() {
    // `Jo Lee said that` and then `n` filler words before the quote: the
    // verb stands `n + 2` tokens before the opening mark.
    let text = |n: usize| format!("Jo Lee said that {}“we will go”.", "very ".repeat(n));
    let near = extract(&text(super::cues::CUE_WINDOW - 4));
    assert_eq!(near[0].name.as_deref(), Some("Jo Lee"));
    let far = extract(&text(super::cues::CUE_WINDOW + 5));
    assert_eq!(far[0].name, None);
}

#[test]
fn a_noun_phrase_is_read_over_at_most_twenty_four_tokens() {
    let text = |n: usize| {
        format!(
            "“We will go,” said the {}chief of Northgate Council.",
            "deputy ".repeat(n)
        )
    };
    let short = extract(&text(2));
    assert_eq!(
        short[0].mention.as_deref(),
        Some("the deputy deputy chief of Northgate Council")
    );
    // Past the bound the phrase is not read whole: no mention runs longer.
    let long = extract(&text(MAX_PHRASE_TOKENS + 5));
    let words = long[0].mention.as_deref().map_or(0, |m| m.split_whitespace().count());
    assert!(words <= MAX_PHRASE_TOKENS, "{:?}", long[0].mention);
}

// --- sentence-opening words the text also writes in lower case -------------

/// Whether the `nth` token `word` of `text` is a common word capitalised by
/// its place at a sentence start.
fn common_at_start(text: &str, word: &str) -> bool {
    let t = tokenize(text);
    let w = words_of(&t);
    w.is_common_at_sentence_start(tok(&t, word))
}

#[test]
fn a_sentence_opening_word_is_common_when_written_in_lower_case_elsewhere() {
    assert!(common_at_start("Wardens met on Monday. Two wardens left.", "Wardens"));
    // Capitalised everywhere: a name.
    assert!(!common_at_start("Wardle met on Monday. Then Wardle left.", "Wardle"));
    // Inside a longer word only (`wardens` holds `warden`): not the word.
    assert!(!common_at_start("Warden met on Monday. Two wardens left.", "Warden"));
    // An apostrophe written either way is the same word.
    assert!(common_at_start("Rock'n roll is back. They play rock’n roll.", "Rock'n"));
    assert!(common_at_start("Rock’n roll is back. They play rock'n roll.", "Rock’n"));
    // Other letters than ASCII.
    assert!(common_at_start("Émigrés gathered. Many émigrés left.", "Émigrés"));
    assert!(!common_at_start("Émile gathered. Then Émile left.", "Émile"));
}

#[test]
fn many_questions_of_one_text_get_the_same_answers() {
    // More distinct sentence-opening words than are searched for one by
    // one: the later answers come from the set of them all.
    let words: Vec<String> = (0..60).map(|i| format!("Zorbs{i:02}")).collect();
    let mut text = String::new();
    for (i, w) in words.iter().enumerate() {
        text.push_str(&format!("{w} came. "));
        if i % 2 == 0 {
            text.push_str(&format!("Two {} left. ", w.to_lowercase()));
        }
    }
    let t = tokenize(&text);
    let w = words_of(&t);
    for (i, word) in words.iter().enumerate() {
        assert_eq!(w.is_common_at_sentence_start(tok(&t, word)), i % 2 == 0, "{word}");
    }
}

#[test]
fn every_token_has_its_lower_cased_form() {
    use crate::tokenize::TokenKind;
    let texts = [
        "“ZÜRICH’s Mayor Ödön O’Neill,” said\u{a0}İlker — ‘it’s 5€’ …",
        "Plain ASCII only. Nothing else here, O'Brien said.",
        "\u{a0}\u{a0}Ünal\u{2003}said\u{a0}“no”\u{a0}",
        "🙂 Émile’s “ŒUVRE” ﬁne ß ẞ Σίσυφος’",
        "",
    ];
    for text in texts {
        let t = tokenize(text);
        let w = words_of(&t);
        for (i, token) in t.tokens.iter().enumerate() {
            let written = t.str(i);
            let expected: String = match token.kind() {
                TokenKind::Mark(_) => written.to_string(),
                _ => written
                    .chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c })
                    .collect(),
            };
            assert_eq!(w.lower(i), expected, "token {i} {written:?} of {text:?}");
        }
    }
}

#[test]
fn a_surname_after_a_given_name_is_known_wherever_the_pair_stands() {
    // The pair at the start, inside and at the very end of the text; the
    // surname asked about where it stands alone.
    for (text, surname) in [
        ("Ivy From said so. Later From left.", "From"),
        ("The mayor met Ivy From on Monday. Later From left.", "From"),
        ("Later From left. The mayor met Ivy From", "From"),
    ] {
        let t = tokenize(text);
        let w = words_of(&t);
        assert!(
            w.is_known_surname(tok_nth(&t, surname, 1).min(tok(&t, surname))),
            "{text}"
        );
    }
    // Not after a given name: not known.
    let t = tokenize("Later From left. The mayor met Dr From");
    assert!(!words_of(&t).is_known_surname(tok(&t, "From")));
}

// --- sentences and quoted tokens of a quote's context -----------------------

#[test]
fn a_token_in_the_sentence_of_another_has_that_sentence() {
    for text in [
        "“We won. We will win again,” she said. He left.\n\n“No. Not now.” Then: “Yes.”",
        "A caption without a stop\nThe next line. “Quoted… and on,” said Jo Lee. End",
        "",
        "One.",
    ] {
        let tokens = tokenize(text);
        for a in 0..tokens.tokens.len() {
            let sentence = &tokens.sentences[tokens.sentence_of(a)];
            for b in (0..tokens.tokens.len()).filter(|b| sentence.tokens.contains(b)) {
                assert_eq!(tokens.sentence_of(b), tokens.sentence_of(a), "{text:?} {a} {b}");
            }
            // Whatever sentences are known, and even one past the end.
            let n = tokens.sentences.len();
            for known in (0..=n).flat_map(|x| (0..=n).map(move |y| [x, y])) {
                assert_eq!(tokens.sentence_among(a, known), tokens.sentence_of(a), "{text:?} {a}");
            }
        }
    }
}

#[test]
fn the_token_past_the_last_quoted_one_is_found_as_by_a_loop() {
    // As first written: back from `end` to the first quoted token.
    let by_loop = |quoted: &[bool], mut start: usize, end: usize| {
        let mut t = end;
        while t > start {
            if quoted[t - 1] {
                start = t;
                break;
            }
            t -= 1;
        }
        start
    };
    // Every pattern of quoted tokens of up to ten, and every range.
    for len in 0..=10 {
        for bits in 0..1_u32 << len {
            let quoted: Vec<bool> = (0..len).map(|k| bits >> k & 1 == 1).collect();
            for start in 0..=len {
                for end in 0..=len {
                    assert_eq!(
                        past_last_quoted(&quoted, start, end),
                        by_loop(&quoted, start, end),
                        "{quoted:?} {start}..{end}"
                    );
                }
            }
        }
    }
}

#[test]
fn forgotten_forms_keep_their_memory() {
    let text = String::from("a b c d");
    let forms: Vec<&str> = text.split(' ').collect();
    let (memory, capacity) = (forms.as_ptr() as usize, forms.capacity());
    let kept = forget_forms(forms);
    assert!(kept.is_empty());
    // The next text's forms go where these were: no allocation of their own.
    assert_eq!((kept.as_ptr() as usize, kept.capacity()), (memory, capacity));
}

#[test]
fn the_word_class_table_answers_as_the_lists_do() {
    let map = word_class_map();
    for (word, bits) in &map {
        assert_eq!(word_classes().get(word), *bits, "{word:?}");
    }
    // Words the lists do not have, short and long, and near misses.
    for word in [
        "",
        "zzyzx",
        "saidd",
        "sai",
        "hippopotamuses",
        "extraordinarily-long-word",
        "q",
    ] {
        assert!(!map.contains_key(word), "{word:?} is listed: pick another");
        assert_eq!(word_classes().get(word), 0, "{word:?}");
    }
}

#[test]
fn a_tokens_shape_is_its_capital_and_whether_it_is_of() {
    // (text, capitalised, `of`), each a word of its own.
    let cases = [
        ("Of", true, true),
        ("OF", true, true),
        ("of", false, true),
        ("oF", false, true),
        ("off", false, false),
        ("@Name", true, false),
        ("@name", false, false),
        ("#Tag", true, false),
        ("Éric", true, false),
        ("éric", false, false),
        ("1st", false, false),
        ("Ölz", true, false),
    ];
    for (text, capitalised, of) in cases {
        let t = tokenize(text);
        let w = words_of(&t);
        assert_eq!(w.len(), 1, "{text:?}");
        assert!(w.is_word(0), "{text:?}");
        assert_eq!(w.is_capitalised(0), capitalised, "{text:?}");
        assert_eq!(w.is(0, Class::OF), of, "{text:?}");
    }
    // Marks and punctuation are not words.
    let t = tokenize("“Yes.”");
    let w = words_of(&t);
    assert!(w.is_mark(0) && !w.is_word(0));
    assert!(!w.is_word(2) && !w.is_mark(2));
}

#[test]
fn a_relative_pronoun_is_the_mention_of_the_phrase_before_it() {
    let qs = extract("Ann Lee, who called the plan “a fantasy,” left early.");
    let q = quote(&qs, "“a fantasy");
    assert_eq!(q.name.as_deref(), Some("Ann Lee"));
    assert_eq!(q.mention.as_deref(), Some("who"));
    assert_eq!(q.attribution, Some(Attribution::Pronoun));
    // Without one, the phrase is the mention.
    let qs = extract("Ann Lee called the plan “a fantasy” on Monday.");
    assert_eq!(quote(&qs, "“a fantasy").mention.as_deref(), Some("Ann Lee"));
}
