//! The scorer of the `evaluate` example: figures worked out by hand on
//! invented articles, then, when Python and the evaluation data are there,
//! the same figures as the reference scorer `../shared/eval/score.py`, on
//! the invented articles and on whosaid's output for the real ones.

#[path = "../examples/common/quote_json.rs"]
mod quote_json;
#[path = "../examples/evaluate/scorer.rs"]
mod scorer;

use std::path::{Path, PathBuf};
use std::process::Command;

use scorer::{Counts, Docs, ErrorSort, Group, Options, Report, SpeakerMode};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------
// Invented articles. Curly marks, accents and an emoji make code points
// differ from bytes (and the emoji from UTF-16 units).

const T1: &str = "Mayor Zoë Brandt said the bridge would reopen “before the spring floods”. \
“We were never consulted,” said Dr. Émile Roux, who chairs the residents’ group. \
“The survey was rushed,” he added. “It ignored the ‘temporary’ closures entirely.” \
The report, titled “Roads Ahead”, is online. \
Ms Brandt’s aide said the event was “a 😀 publicity stunt” that wasn’t needed.";

const T2: &str = "Ana Lima’s lawyer said the ruling was “deeply flawed and will be appealed”. \
The so-called “fast track” scheme drew criticism. ‘We will see them in court,’ said Lima. \
The firm said it “welcomed” the decision. \
Officials described it as a `landmark' case, per a memo titled “Next Steps”. “Delays are expected.”";

const T3: &str = "“Fares will rise by 4%,” the operator’s chief executive, Jürgen Falk, told staff.";

/// The code-point span of the first `needle` in `text`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The span of `needle` inside the first `around` in `text`.
fn within(text: &str, around: &str, needle: &str) -> (usize, usize) {
    let (outer, _) = at(text, around);
    let (inner, end) = at(around, needle);
    (outer + inner, outer + end)
}

/// A quote object: `speaker` is a name and the span of its mention.
fn quote(span: (usize, usize), kind: &str, speaker: Option<(&str, (usize, usize))>) -> Value {
    json!({
        "start": span.0,
        "end": span.1,
        "kind": kind,
        "speaker": speaker.map(|s| s.0),
        "speaker_start": speaker.map(|s| s.1.0),
        "speaker_end": speaker.map(|s| s.1.1),
    })
}

/// A predicted quote, with how its speaker was found.
fn pred(span: (usize, usize), kind: &str, speaker: Option<(&str, (usize, usize))>, how: Option<&str>) -> Value {
    let mut q = quote(span, kind, speaker);
    q["attribution"] = json!(how);
    q["cue"] = json!(speaker.map(|_| "said"));
    q
}

fn gold_lines() -> String {
    let roux = |mention| Some(("Émile Roux", mention));
    let d1 = json!({"id": "d1", "text": T1, "quotes": [
        quote(
            at(T1, "the bridge would reopen “before the spring floods”"),
            "mixed",
            Some(("Zoë Brandt", at(T1, "Zoë Brandt"))),
        ),
        quote(at(T1, "“We were never consulted,”"), "direct", roux(at(T1, "Dr. Émile Roux"))),
        quote(at(T1, "“The survey was rushed,”"), "direct", roux(within(T1, "he added", "he"))),
        // A continuation: the speaker is known, the mention is not given.
        json!({"start": at(T1, "“It ignored").0, "end": at(T1, "entirely.”").1, "kind": "direct",
               "speaker": "Émile Roux", "speaker_start": null, "speaker_end": null}),
        quote(at(T1, "‘temporary’"), "embedded", roux(at(T1, "Dr. Émile Roux"))),
        // The apostrophe of "wasn’t" must not count as the closing mark.
        quote(
            at(T1, "the event was “a 😀 publicity stunt” that wasn’t needed"),
            "mixed",
            Some(("Ms Brandt’s aide", at(T1, "Ms Brandt’s aide"))),
        ),
    ], "not_quotes": [{"start": at(T1, "“Roads Ahead”").0, "end": at(T1, "“Roads Ahead”").1}]});
    let lima = within(T2, "said Lima", "Lima");
    let d2 = json!({"id": "d2", "text": T2, "quotes": [
        quote(
            at(T2, "the ruling was “deeply flawed and will be appealed”"),
            "mixed",
            Some(("Ana Lima’s lawyer", at(T2, "Ana Lima’s lawyer"))),
        ),
        quote(at(T2, "“fast track”"), "scare", None),
        quote(at(T2, "‘We will see them in court,’"), "direct", Some(("Ana Lima", lima))),
        quote(at(T2, "it “welcomed” the decision"), "mixed", Some(("The firm", at(T2, "The firm")))),
        // Reduced to its marked part, "landmark", and optional.
        quote(
            at(T2, "Officials described it as a `landmark' case"),
            "indirect",
            Some(("Officials", at(T2, "Officials"))),
        ),
        quote(at(T2, "“Delays are expected.”"), "direct", None),
    ], "not_quotes": [{"start": at(T2, "“Next Steps”").0, "end": at(T2, "“Next Steps”").1}]});
    // A numeric id, and a document with no predictions.
    let d3 = json!({"id": 3, "text": T3, "quotes": [
        quote(at(T3, "“Fares will rise by 4%,”"), "direct", Some(("Jürgen Falk", at(T3, "Jürgen Falk")))),
    ]});
    format!("{d1}\n{d2}\n\n{d3}\n")
}

fn pred_lines() -> String {
    let ms_brandt = at(T1, "Ms Brandt");
    let roux = at(T1, "Dr. Émile Roux");
    let he = within(T1, "he added", "he");
    let d1 = json!({"id": "d1", "quotes": [
        // Exact; the last name alone matches, the mention is elsewhere.
        pred(at(T1, "“before the spring floods”"), "mixed", Some(("Brandt", ms_brandt)), Some("cue")),
        // Exact; the name lacks the accent, the mention overlaps.
        pred(at(T1, "“We were never consulted,”"), "direct", Some(("Emile Roux", roux)), Some("cue")),
        // Cut short: Jaccard 14/21; the title is dropped from the name.
        pred(at(T1, "“The survey was"), "direct", Some(("Dr. Émile Roux", he)), Some("pronoun")),
        pred(at(T1, "“It ignored the ‘temporary’ closures entirely.”"), "direct", None, None),
        // Matches the embedded gold quote: neither credited nor penalised.
        pred(at(T1, "‘temporary’"), "direct", Some(("Émile Roux", roux)), Some("continuation")),
        // "Not speech": left out, so the not_quotes entry costs nothing.
        pred(at(T1, "“Roads Ahead”"), "title", None, None),
        // The gold speaker is someone else's aide: only the mentions overlap.
        pred(at(T1, "“a 😀 publicity stunt”"), "mixed", Some(("Zoë Brandt", ms_brandt)), Some("description")),
    ]});
    let lima = within(T2, "said Lima", "Lima");
    let lawyer = at(T2, "Ana Lima’s lawyer");
    let court = at(T2, "‘We will see them in court,’");
    let d2 = json!({"id": "d2", "quotes": [
        // Jaccard 13/34: a miss and a false positive.
        pred(at(T2, "“deeply flawed"), "mixed", Some(("Ana Lima", at(T2, "Ana Lima"))), Some("cue")),
        // A scare quote in the gold: a false positive.
        pred(at(T2, "“fast track”"), "direct", None, None),
        // Two predictions of one quote with equal overlap: the later wins,
        // as in Python's reverse sort, and its speaker is wrong.
        pred(court, "direct", Some(("Lima", lima)), Some("cue")),
        pred(court, "direct", Some(("Ana Lima’s lawyer", lawyer)), Some("description")),
        // "firm" = "The firm": leading articles are dropped.
        pred(at(T2, "“welcomed”"), "mixed", Some(("firm", at(T2, "The firm"))), Some("description")),
        // Matches the optional indirect quote.
        pred(at(T2, "`landmark'"), "direct", Some(("Officials", at(T2, "Officials"))), Some("cue")),
        // A title in the gold's not_quotes, predicted as speech.
        pred(at(T2, "“Next Steps”"), "direct", None, None),
        // The gold speaker is unknown: matched, but no speaker to score.
        pred(at(T2, "“Delays are expected.”"), "direct", Some(("Ana Lima", lima)), Some("continuation")),
    ]});
    let unknown = json!({"id": "d9", "quotes": []});
    format!("{d1}\n{d2}\n{unknown}\n")
}

fn hand_made_report(mode: SpeakerMode) -> Report {
    let gold = Docs::parse("gold", &gold_lines()).unwrap();
    let pred = Docs::parse("pred", &pred_lines()).unwrap();
    scorer::score(
        &gold,
        &pred,
        &Options {
            mode,
            ..Options::default()
        },
    )
    .unwrap()
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!((actual - expected).abs() < 1e-12, "{what}: {actual} != {expected}");
}

fn group(preds: usize, matched: usize, speaker_scored: usize, speaker_ok: usize) -> Group {
    Group {
        preds,
        matched,
        speaker_scored,
        speaker_ok,
    }
}

/// The errors of one sort: their texts, from their trimmed spans in the
/// gold text, with the gold and the predicted speaker (null when none).
fn errors(report: &Report, sort: ErrorSort) -> Vec<(String, Value, Value)> {
    let gold = Docs::parse("gold", &gold_lines()).unwrap();
    let speaker = |q: &Option<Value>| q.as_ref().map_or(Value::Null, |q| q["speaker"].clone());
    let errors = report.errors.iter().filter(|e| e.sort == sort);
    errors
        .map(|e| {
            let text: Vec<char> = gold.nth(e.doc).unwrap()["text"].as_str().unwrap().chars().collect();
            (
                text[e.span.0..e.span.1].iter().collect(),
                speaker(&e.gold),
                speaker(&e.pred),
            )
        })
        .collect()
}

fn texts(errors: &[(String, Value, Value)]) -> Vec<&str> {
    errors.iter().map(|e| e.0.as_str()).collect()
}

#[test]
fn hand_made_counts() {
    let report = hand_made_report(SpeakerMode::Either);
    // Gold: 5 + 4 + 1 scored quotes, of 24+23+21+44+19, 34+25+8+19 and 21
    // characters. Predictions: 5 + 7 counted; 6 + 8 kept, of 24+23+14+44+9+19
    // and 13+10+25+25+8+8+10+19 characters, of which 133 and 90 are quoted.
    let expected = Counts {
        gold: 10,
        gold_chars: 238,
        gold_chars_found: 223,
        matched: 8,
        exact: 7,
        with_speaker: 7,
        speaker_ok_name: 3,
        speaker_ok_either: 5,
        pred: 12,
        pred_with_speaker: 9,
        pred_chars: 251,
        pred_chars_right: 223,
    };
    assert_eq!(report.counts, expected);
    assert_eq!((report.docs, report.unknown_ids), (3, 1));
}

#[test]
fn hand_made_figures() {
    let either = hand_made_report(SpeakerMode::Either);
    let checks = [
        (either.quote().p, 8.0 / 12.0, "quote P"),
        (either.quote().r, 8.0 / 10.0, "quote R"),
        (either.quote().f1, 8.0 / 11.0, "quote F1"),
        (either.exact().p, 7.0 / 12.0, "exact P"),
        (either.exact().r, 7.0 / 10.0, "exact R"),
        (either.exact().f1, 7.0 / 11.0, "exact F1"),
        (
            either.speaker_acc(SpeakerMode::Either),
            5.0 / 7.0,
            "speaker acc (either)",
        ),
        (either.speaker_acc(SpeakerMode::Name), 3.0 / 7.0, "speaker acc (name)"),
        (either.attributed().p, 5.0 / 12.0, "attributed P"),
        (either.attributed().r, 5.0 / 10.0, "attributed R"),
        (either.attributed().f1, 5.0 / 11.0, "attributed F1"),
        (either.char_p(), 223.0 / 251.0, "char P"),
        (either.char_r(), 223.0 / 238.0, "char R"),
    ];
    for (actual, expected, what) in checks {
        assert_close(actual, expected, what);
    }
    let name = hand_made_report(SpeakerMode::Name);
    assert_close(name.attributed().f1, 3.0 / 11.0, "attributed F1 (name)");
    assert_close(name.speaker_acc(name.mode), 3.0 / 7.0, "speaker acc (name)");
}

#[test]
fn hand_made_breakdown() {
    let either = hand_made_report(SpeakerMode::Either);
    let by_kind = either.by_kind.sorted();
    assert_eq!(by_kind, [("direct", &group(8, 5, 4, 2)), ("mixed", &group(4, 3, 3, 3))]);
    let expected = [
        ("cue", &group(4, 2, 2, 2)),
        ("pronoun", &group(1, 1, 1, 1)),
        ("description", &group(3, 3, 3, 2)),
        ("continuation", &group(1, 1, 0, 0)),
        ("none", &group(3, 1, 1, 0)),
    ];
    assert_eq!(either.by_attribution.sorted(), expected);
    assert_close(by_kind[0].1.attributed_p(), 2.0 / 8.0, "direct attributed P");
    assert_close(by_kind[0].1.speaker_acc(), 2.0 / 4.0, "direct speaker acc");
    // In name mode only the name rules count.
    let name = hand_made_report(SpeakerMode::Name);
    assert_eq!(
        name.by_kind.sorted(),
        [("direct", &group(8, 5, 4, 1)), ("mixed", &group(4, 3, 3, 2))]
    );
    let json: Value = serde_json::from_str(&either.to_json()).unwrap();
    assert_eq!(json["by_attribution"]["description"]["speaker_ok"], 2);
    assert_eq!(json["by_kind"]["mixed"]["attributed_p"], 0.75);
}

#[test]
fn hand_made_errors() {
    let either = hand_made_report(SpeakerMode::Either);
    let missed = errors(&either, ErrorSort::Missed);
    assert_eq!(
        texts(&missed),
        ["deeply flawed and will be appealed", "Fares will rise by 4%"]
    );
    assert_eq!((&missed[1].1, &missed[1].2), (&json!("Jürgen Falk"), &Value::Null));
    let spurious = errors(&either, ErrorSort::Spurious);
    assert_eq!(
        texts(&spurious),
        ["deeply flawed", "fast track", "We will see them in court", "Next Steps"]
    );
    // The earlier of the two predictions of one quote is the one left over.
    assert_eq!((&spurious[2].1, &spurious[2].2), (&Value::Null, &json!("Lima")));
    let wrong = errors(&either, ErrorSort::Speaker);
    assert_eq!(
        texts(&wrong),
        [
            "It ignored the ‘temporary’ closures entirely",
            "We will see them in court"
        ]
    );
    assert_eq!(
        (&wrong[1].1, &wrong[1].2),
        (&json!("Ana Lima"), &json!("Ana Lima’s lawyer"))
    );
    let name = hand_made_report(SpeakerMode::Name);
    let wrong = [
        "We were never consulted",
        "It ignored the ‘temporary’ closures entirely",
        "a 😀 publicity stunt",
        "We will see them in court",
    ];
    assert_eq!(texts(&errors(&name, ErrorSort::Speaker)), wrong);
}

#[test]
fn names() {
    let same = |a: &str, b: &str| scorer::names_match(Some(a), Some(b));
    assert!(same("Mr Okafor", "Chidi Okafor"));
    assert!(same("Dr. Émile Roux", "ÉMILE ROUX"));
    assert!(same("Zoë Brandt’s", "Zoë Brandt"));
    assert!(same("The firm", "firm"));
    assert!(!same("Chidi Okafor", "Chidi Okafor's wife"));
    assert!(!same("Emile Roux", "Émile Roux"));
    assert!(!same("Ada Okafor", "Chidi Okafor"));
    assert!(!same("The", "the"));
    assert!(!scorer::names_match(None, Some("Chidi Okafor")));
    // `'s` goes only where no letter follows it; titles only in front.
    assert_eq!(scorer::norm_name(Some("Gov. O'Sullivan's")), ["o", "sullivan"]);
    assert_eq!(
        scorer::norm_name(Some("Sen. Ray Ng’s chief of staff")),
        ["ray", "ng", "chief", "of", "staff"]
    );
}

// ---------------------------------------------------------------------------
// Quotes over paragraphs, indirect quotes and --speech-only

/// A quote over two paragraphs, neither of them closed (the second reopens
/// and the writer never closes it), and reported speech, one piece of it a
/// belief rather than speech.
const T4: &str = "Harbourmaster Tomás Reyes said on Monday that the north pier would close for repairs.\n\
“Nobody has inspected the pilings since the storm.\n\
“Until a diver has checked every one of them, no boat ties up there and the ferry uses the south quay.\n\
Reyes believes the work will take a month. His deputy, Ilse Moor, told the board that the cost was unknown.";

/// The quote over paragraphs, from its first mark to the end of its span.
const PIER: &str = "“Nobody has inspected the pilings since the storm.\n\
“Until a diver has checked every one of them, no boat ties up there and the ferry uses the south quay.";

/// A gold quote with its cue.
fn cued(span: (usize, usize), kind: &str, speaker: (&str, Option<(usize, usize)>), cue: Option<&str>) -> Value {
    json!({
        "start": span.0, "end": span.1, "kind": kind, "speaker": speaker.0,
        "speaker_start": speaker.1.map(|s| s.0), "speaker_end": speaker.1.map(|s| s.1), "cue": cue,
    })
}

fn kinds_gold_lines() -> String {
    let tomas = ("Tomás Reyes", Some(at(T4, "Tomás Reyes")));
    let d4 = json!({"id": "d4", "text": T4, "quotes": [
        cued(at(T4, "the north pier would close for repairs"), "indirect", tomas, Some("said")),
        cued(at(T4, PIER), "direct", ("Tomás Reyes", None), None),
        cued(
            at(T4, "the work will take a month"),
            "indirect",
            ("Tomás Reyes", Some(within(T4, "Reyes believes", "Reyes"))),
            Some("believes"),
        ),
        cued(at(T4, "the cost was unknown"), "indirect", ("Ilse Moor", Some(at(T4, "Ilse Moor"))), Some("told")),
    ]});
    format!("{d4}\n")
}

fn kinds_pred_lines() -> String {
    let tomas = at(T4, "Tomás Reyes");
    let reyes = within(T4, "Reyes believes", "Reyes");
    let d4 = json!({"id": "d4", "quotes": [
        pred(at(T4, "the north pier would close for repairs"), "indirect", Some(("Reyes", tomas)), Some("cue")),
        // The whole quote: it matches only when the gold runs to its end.
        pred(at(T4, PIER), "direct", Some(("Tomás Reyes", tomas)), Some("continuation")),
        pred(at(T4, "the work will take a month"), "indirect", Some(("Tomás Reyes", reyes)), Some("cue")),
        // The wrong speaker, by name and by mention.
        pred(at(T4, "the cost was unknown"), "indirect", Some(("Tomás Reyes", reyes)), Some("pronoun")),
        // Jaccard 11/38 with the quote it is part of: a false positive.
        pred(at(T4, "for repairs"), "indirect", None, None),
    ]});
    format!("{d4}\n")
}

/// The kinds set by `--kinds` for all of them.
const ALL_KINDS: &str = "direct,mixed,indirect";

fn kinds_report(kinds: &str, speech_only: bool) -> Report {
    let gold = Docs::parse("gold", &kinds_gold_lines()).unwrap();
    let pred = Docs::parse("pred", &kinds_pred_lines()).unwrap();
    let options = Options {
        mode: SpeakerMode::Either,
        kinds: scorer::parse_kinds(kinds),
        speech_only,
    };
    scorer::score(&gold, &pred, &options).unwrap()
}

/// The length of the trimmed quote over paragraphs: without its first mark
/// and the stop at its end.
fn pier_len() -> usize {
    PIER.chars().count() - 2
}

#[test]
fn quoted_region_runs_to_the_end_after_a_reopening_mark() {
    let region = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        let (start, end) = scorer::quoted_region(&chars, 0, chars.len());
        chars[start..end].iter().collect::<String>()
    };
    // Reopened at a paragraph's start and never closed: on to the end.
    assert_eq!(region("“One.\n“Two and three"), "“One.\n“Two and three");
    // With a word between the span's start and its first mark, that is
    // left out still.
    assert_eq!(region("He said: “One.\n“Two"), "“One.\n“Two");
    // A straight mark after a word closes; after a space it opens.
    assert_eq!(region("\"One\" and two"), "\"One\"");
    assert_eq!(region("\"One.\n\"Two"), "\"One.\n\"Two");
    // A closing mark, whatever follows it, ends the region.
    assert_eq!(region("“One.” Two"), "“One.”");
    // An opening mark with a space or the span's end after it, or a word
    // before it, opens nothing the span holds.
    assert_eq!(region("“One. “ Two"), "“One. “");
    assert_eq!(region("“One. “"), "“One. “");
    assert_eq!(region("“One.“Two"), "“One.“");
    // An apostrophe is no mark: the last mark is the reopening one.
    assert_eq!(region("“One.\n“Two isn’t three"), "“One.\n“Two isn’t three");
    // Python's `isspace` takes U+001F too; the mark after it opens.
    assert_eq!(region("“One.\u{1f}“Two"), "“One.\u{1f}“Two");
}

#[test]
fn speech_cues() {
    for cue in [
        "said",
        "told reporters",
        "According to",
        "pointed out",
        "re-stated",
        "SAYS",
    ] {
        assert!(scorer::is_speech_cue(cue), "{cue}");
    }
    for cue in ["believes", "polls show", "plans", "reiterated", "", "déclaré"] {
        assert!(!scorer::is_speech_cue(cue), "{cue}");
    }
}

#[test]
fn quotes_in_marks_only() {
    // By default the three indirect gold quotes are optional and the four
    // indirect predictions are left out, not false positives: the quote
    // over paragraphs is all that is scored, and it is found exactly.
    let expected = Counts {
        gold: 1,
        gold_chars: pier_len(),
        gold_chars_found: pier_len(),
        matched: 1,
        exact: 1,
        with_speaker: 1,
        speaker_ok_name: 1,
        speaker_ok_either: 1,
        pred: 1,
        pred_with_speaker: 1,
        pred_chars: pier_len(),
        pred_chars_right: pier_len(),
    };
    assert_eq!(kinds_report("direct,mixed", false).counts, expected);
    // --speech-only makes optional only what is optional already.
    assert_eq!(kinds_report("direct,mixed", true).counts, expected);
}

#[test]
fn all_kinds() {
    let report = kinds_report(ALL_KINDS, false);
    // Four gold quotes of 38, pier_len(), 26 and 20 characters; five
    // predictions, the four of them that match exact, the fifth inside the
    // first gold quote, whose characters it counts a second time.
    let expected = Counts {
        gold: 4,
        gold_chars: 84 + pier_len(),
        gold_chars_found: 95 + pier_len(),
        matched: 4,
        exact: 4,
        with_speaker: 4,
        speaker_ok_name: 3,
        speaker_ok_either: 3,
        pred: 5,
        pred_with_speaker: 4,
        pred_chars: 95 + pier_len(),
        pred_chars_right: 95 + pier_len(),
    };
    assert_eq!(report.counts, expected);
    assert_close(report.quote().f1, 8.0 / 9.0, "quote F1");
    assert_close(report.attributed().f1, 6.0 / 9.0, "attributed F1");
    assert_close(report.char_p(), 1.0, "char P");
    // Overlapping predictions count a gold character twice: capped at 1.
    assert_close(report.char_r(), 1.0, "char R");
    let texts = |sort| {
        let errors = report.errors.iter().filter(|e| e.sort == sort);
        let chars: Vec<char> = T4.chars().collect();
        errors
            .map(|e| chars[e.span.0..e.span.1].iter().collect())
            .collect::<Vec<String>>()
    };
    assert_eq!(texts(ErrorSort::Spurious), ["for repairs"]);
    assert_eq!(texts(ErrorSort::Speaker), ["the cost was unknown"]);
    assert!(texts(ErrorSort::Missed).is_empty());
}

#[test]
fn all_kinds_speech_only() {
    // "believes" reports no speech: that quote is optional though indirect
    // is scored, and the prediction that matches it leaves precision.
    let report = kinds_report(ALL_KINDS, true);
    let expected = Counts {
        gold: 3,
        gold_chars: 58 + pier_len(),
        gold_chars_found: 69 + pier_len(),
        matched: 3,
        exact: 3,
        with_speaker: 3,
        speaker_ok_name: 2,
        speaker_ok_either: 2,
        pred: 4,
        pred_with_speaker: 3,
        pred_chars: 95 + pier_len(),
        pred_chars_right: 69 + pier_len(),
    };
    assert_eq!(report.counts, expected);
    assert_close(report.quote().f1, 6.0 / 7.0, "quote F1");
    assert_close(report.attributed().f1, 4.0 / 7.0, "attributed F1");
}

#[test]
fn speech_only_gold_cues() {
    // A cue score.py would crash on fails here; a false one is no cue.
    let doc = |cue: Value| {
        let line = json!({"id": 1, "text": "He believes it.", "quotes": [
            {"start": 11, "end": 13, "kind": "indirect", "speaker": "He", "cue": cue},
        ]});
        Docs::parse("gold", &line.to_string()).unwrap()
    };
    let options = Options {
        kinds: scorer::parse_kinds(ALL_KINDS),
        speech_only: true,
        ..Options::default()
    };
    let none = Docs::default();
    assert!(scorer::score(&doc(json!(7)), &none, &options).is_err());
    for cue in [json!(null), json!(0), json!(false), json!([]), json!("")] {
        let report = scorer::score(&doc(cue.clone()), &none, &options).unwrap();
        assert_eq!(report.counts.gold, 0, "{cue}");
    }
    let report = scorer::score(&doc(json!("says")), &none, &options).unwrap();
    assert_eq!(report.counts.gold, 1);
}

// ---------------------------------------------------------------------------
// The same figures as score.py

/// score.py, when it and `python3` are there.
fn score_py() -> Option<PathBuf> {
    let script = eval_dir().join("score.py");
    let python = Command::new("python3").arg("--version").output();
    if script.is_file() && python.is_ok_and(|o| o.status.success()) {
        return Some(script);
    }
    eprintln!(
        "note: python3 or {} missing; not compared with score.py",
        script.display()
    );
    None
}

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval")
}

/// A fresh directory of its own for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-evaluate-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_score_py(script: &Path, gold: &Path, pred: &Path, options: &Options) -> Value {
    let kinds: Vec<&str> = options.kinds.iter().map(String::as_str).collect();
    let mut command = Command::new("python3");
    command.arg(script).args([gold, pred]);
    command.args([
        "--speaker",
        options.mode.as_str(),
        "--kinds",
        &kinds.join(","),
        "--json",
    ]);
    if options.speech_only {
        command.arg("--speech-only");
    }
    let output = command.output().expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("score.py prints JSON")
}

/// Every way of scoring the tests compare: both speaker modes, quotes in
/// marks and all kinds, with and without `--speech-only`.
fn all_options() -> Vec<Options> {
    let mut all = Vec::new();
    for mode in SpeakerMode::ALL {
        for kinds in ["direct,mixed", ALL_KINDS] {
            for speech_only in [false, true] {
                let kinds = scorer::parse_kinds(kinds);
                all.push(Options {
                    mode,
                    kinds,
                    speech_only,
                });
            }
        }
    }
    all
}

/// Scores the files with score.py and with the port, in every way of
/// [`all_options`], and checks that every figure of score.py is the port's.
fn assert_same_as_score_py(script: &Path, gold: &Path, pred: &Path) {
    let (gold_docs, pred_docs) = (Docs::load(gold).unwrap(), Docs::load(pred).unwrap());
    for options in all_options() {
        let mode = options.mode;
        let theirs = run_score_py(script, gold, pred, &options);
        let report = scorer::score(&gold_docs, &pred_docs, &options).unwrap();
        let ours: Value = serde_json::from_str(&report.to_json()).unwrap();
        let what = format!(
            "{} ({}, {:?}, speech only {})",
            gold.display(),
            mode.as_str(),
            options.kinds,
            options.speech_only
        );
        assert_eq!(
            SpeakerMode::parse(theirs["speaker_mode"].as_str().unwrap()),
            Some(mode),
            "{what}"
        );
        for (key, value) in theirs.as_object().expect("an object") {
            match (value.as_f64(), ours[key].as_f64()) {
                (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-9, "{what}: {key}: score.py {a}, evaluate {b}"),
                _ => assert_eq!(value, &ours[key], "{what}: {key}"),
            }
        }
        let by_mode = ours[format!("speaker_acc_{}", mode.as_str())].as_f64().unwrap();
        assert!(
            (by_mode - theirs["speaker_acc"].as_f64().unwrap()).abs() <= 1e-9,
            "{what}: speaker_acc by mode"
        );
    }
}

#[test]
fn hand_made_same_as_score_py() {
    let Some(script) = score_py() else { return };
    let dir = temp_dir("hand-made");
    let (gold, pred) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
    // Both sets of invented articles in one file.
    std::fs::write(&gold, gold_lines() + &kinds_gold_lines()).unwrap();
    std::fs::write(&pred, pred_lines() + &kinds_pred_lines()).unwrap();
    assert_same_as_score_py(&script, &gold, &pred);
    std::fs::remove_dir_all(dir).unwrap();
}

/// Runs whosaid on a gold file, as the `evaluate` example does, and checks
/// the figures against score.py's on the predictions written out.
fn extractor_same_as_score_py(name: &str, gold: &Path) {
    let Some(script) = score_py() else { return };
    if !gold.is_file() {
        eprintln!("note: {} missing; not compared with score.py", gold.display());
        return;
    }
    let extractor = whosaid::Extractor::new();
    let mut lines = String::new();
    for doc in Docs::load(gold).unwrap().iter() {
        let text = doc["text"].as_str().unwrap();
        let prediction = quote_json::document_json(doc["id"].clone(), text, &extractor.extract(text));
        lines += &format!("{prediction}\n");
    }
    let dir = temp_dir(name);
    let pred = dir.join("pred.jsonl");
    std::fs::write(&pred, lines).unwrap();
    assert_same_as_score_py(&script, gold, &pred);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn polnear_dev_same_as_score_py() {
    extractor_same_as_score_py("dev", &eval_dir().join("polnear/dev.jsonl"));
}

#[test]
fn seed_same_as_score_py() {
    extractor_same_as_score_py("seed", &eval_dir().join("seed/gold.jsonl"));
}

/// Gold with indirect quotes, cues and speakers as resolved names.
#[test]
fn ggt_dev_same_as_score_py() {
    extractor_same_as_score_py("ggt", &eval_dir().join("ggt/dev.jsonl"));
}
