//! A port of `score.py`, the project's reference scorer (in
//! `../shared/eval/`): the same span reduction, the same one-to-one
//! matching with the same tie-breaking, the same speaker rules and the same
//! counters, so that `evaluate` prints the figures `score.py` prints.
//!
//! Documents and quotes stay `serde_json::Value`s, as they are dicts in
//! Python, so that missing fields, nulls and extra fields behave as
//! `q.get(...)` does there. Offsets are code points (Python `str` indices):
//! texts are indexed as `[char]`.
//!
//! On top of `score.py`'s figures the report keeps speaker accuracy in both
//! speaker modes, a breakdown of the predictions by kind and by how their
//! speaker was found, and the errors with their spans.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// `QUOTE_MARKS` of score.py.
const QUOTE_MARKS: &str = "\"'“”‘’«»„‟‚‛‹›「」『』`";

/// `OPENERS` of score.py: the marks that can open a quote, which a quote
/// over paragraphs repeats at the start of each of them.
const OPENERS: &str = "\"“‘«„‟‚‛‹「『`";

/// What `trimmed` strips from both ends of a span besides the marks.
const TRIM_OTHER: &str = " \t\r\n\u{a0},.;:!?";

/// Predicted kinds that mean "not speech": left out of the predictions.
const SPEECH_NOT: [&str; 2] = ["scare", "title"];

/// `SPEECH_CUES` of score.py: the word beginnings of the cues that report
/// speech, for `--speech-only`. Prefixes, as there: `point` also takes
/// `pointed out`, `cit` also `cited`.
const SPEECH_CUES: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "add",
    "note",
    "noting",
    "argu",
    "claim",
    "warn",
    "explain",
    "insist",
    "writ",
    "wrote",
    "announc",
    "state",
    "stating",
    "suggest",
    "admit",
    "confirm",
    "acknowledg",
    "according",
    "report",
    "urg",
    "alleg",
    "complain",
    "testif",
    "tweet",
    "repl",
    "respon",
    "deni",
    "deny",
    "promis",
    "vow",
    "predict",
    "declar",
    "assert",
    "contend",
    "maintain",
    "recall",
    "point",
    "emphasi",
    "stress",
    "conced",
    "repeat",
    "describ",
    "call",
    "ask",
    "question",
    "blam",
    "accus",
    "critici",
    "prais",
    "pledg",
    "mention",
    "comment",
    "remark",
    "observ",
    "reveal",
    "disclos",
    "inform",
    "charg",
    "quip",
    "jok",
    "boast",
    "conclud",
    "propos",
    "recommend",
    "demand",
    "threaten",
    "advis",
    "caution",
    "lament",
    "agree",
    "estimat",
    "cit",
    "wonder",
    "counter",
    "object",
    "protest",
    "post",
    "exclaim",
    "shout",
    "yell",
    "chant",
    "declin",
    "decry",
    "dismiss",
    "reject",
    "deplor",
    "condemn",
    "hail",
    "welcom",
    "applaud",
    "express",
    "confess",
    "remind",
    "assur",
    "indicat",
];

/// Words dropped from the front of a name before names are compared.
const TITLES: &[&str] = &[
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
    "reverend",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "mayor",
    "secretary",
    "judge",
    "justice",
    "chief",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "det",
    "detective",
    "officer",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "st",
    "former",
    "candidate",
    "mp",
    "mla",
    "mpp",
    "councillor",
    "councilor",
    "coun",
];

/// The order groups are shown in; other values follow, alphabetically.
const KIND_ORDER: &[&str] = &["direct", "mixed"];
const ATTRIBUTION_ORDER: &[&str] = &["cue", "pronoun", "description", "continuation", "narration", "none"];

/// A half-open range of code points.
pub type Span = (usize, usize);

/// How a predicted speaker is compared with the gold one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerMode {
    /// The names must match.
    Name,
    /// The names match or the mentions overlap.
    Either,
}

impl SpeakerMode {
    pub const ALL: [SpeakerMode; 2] = [SpeakerMode::Name, SpeakerMode::Either];

    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerMode::Name => "name",
            SpeakerMode::Either => "either",
        }
    }

    pub fn parse(s: &str) -> Option<SpeakerMode> {
        SpeakerMode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// What to score: score.py's `--speaker`, `--kinds` and `--speech-only`.
#[derive(Clone, Debug)]
pub struct Options {
    pub mode: SpeakerMode,
    /// Gold kinds that count for recall.
    pub kinds: BTreeSet<String>,
    /// Gold indirect quotes whose cue has no verb of saying are optional:
    /// PolNeAR annotates beliefs and findings (`polls show`) as reported
    /// speech, which a quote extractor is not asked to find.
    pub speech_only: bool,
}

impl Default for Options {
    /// score.py's defaults: `--speaker either --kinds direct,mixed`, not
    /// `--speech-only`.
    fn default() -> Options {
        Options {
            mode: SpeakerMode::Either,
            kinds: parse_kinds("direct,mixed"),
            speech_only: false,
        }
    }
}

/// A `--kinds` value: comma-separated, as `set(args.kinds.split(","))`.
pub fn parse_kinds(list: &str) -> BTreeSet<String> {
    list.split(',').map(str::to_string).collect()
}

// ---------------------------------------------------------------------------
// Documents

/// JSON Lines documents by id. Like the Python dict score.py loads them
/// into, a repeated id replaces the earlier document but keeps its place.
#[derive(Default)]
pub struct Docs {
    docs: Vec<Value>,
    index: HashMap<String, usize>,
}

impl Docs {
    pub fn load(path: &Path) -> Result<Docs, String> {
        let content = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Docs::parse(&path.display().to_string(), &content)
    }

    /// Parses JSON Lines; `name` is used in error messages.
    pub fn parse(name: &str, content: &str) -> Result<Docs, String> {
        let mut docs = Docs::default();
        for (n, line) in content.split('\n').enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let doc: Value = serde_json::from_str(line).map_err(|e| format!("{name}:{}: not JSON: {e}", n + 1))?;
            if doc.get("id").is_none() {
                return Err(format!("{name}:{}: no \"id\"", n + 1));
            }
            docs.insert(doc);
        }
        Ok(docs)
    }

    /// Adds a document, which must have an `id`.
    pub fn insert(&mut self, doc: Value) {
        let key = id_key(&doc["id"]);
        match self.index.get(&key) {
            Some(&i) => self.docs[i] = doc,
            None => {
                self.index.insert(key, self.docs.len());
                self.docs.push(doc);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.docs.iter()
    }

    /// The document at `index`, in first-seen order (as in [`ErrorCase::doc`]).
    pub fn nth(&self, index: usize) -> Option<&Value> {
        self.docs.get(index)
    }

    fn get(&self, id: &Value) -> Option<&Value> {
        self.index.get(&id_key(id)).map(|&i| &self.docs[i])
    }
}

/// Ids are compared as their JSON text, so that the string "1" and the
/// number 1 are different ids, as they are in Python.
fn id_key(id: &Value) -> String {
    id.to_string()
}

/// An id as people read it: a string without its JSON quotes.
pub fn display_id(id: &Value) -> String {
    id.as_str().map_or_else(|| id.to_string(), str::to_string)
}

// ---------------------------------------------------------------------------
// The report

/// score.py's counters, plus speaker accuracy in both modes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold quotes of the scored kinds.
    pub gold: usize,
    pub gold_chars: usize,
    /// Characters of scored gold quotes overlapped by any prediction,
    /// counted once per prediction (so it can exceed `gold_chars`).
    pub gold_chars_found: usize,
    /// Scored gold quotes matched by a prediction.
    pub matched: usize,
    pub exact: usize,
    /// Matched quotes whose gold speaker is known.
    pub with_speaker: usize,
    pub speaker_ok_name: usize,
    pub speaker_ok_either: usize,
    /// Predictions counted for precision: all but those matching an
    /// optional gold quote.
    pub pred: usize,
    pub pred_with_speaker: usize,
    pub pred_chars: usize,
    pub pred_chars_right: usize,
}

impl Counts {
    pub fn speaker_ok(&self, mode: SpeakerMode) -> usize {
        match mode {
            SpeakerMode::Name => self.speaker_ok_name,
            SpeakerMode::Either => self.speaker_ok_either,
        }
    }
}

/// Counts for the predictions of one kind or one attribution.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// Predictions counted for precision.
    pub preds: usize,
    /// Of those, the ones matching a scored gold quote.
    pub matched: usize,
    /// Of those, the ones whose gold speaker is known.
    pub speaker_scored: usize,
    /// Of those, the ones with the right speaker (in the report's mode).
    pub speaker_ok: usize,
}

impl Group {
    pub fn speaker_acc(&self) -> f64 {
        ratio(self.speaker_ok, self.speaker_scored)
    }

    /// Attributed precision: right span and right speaker over predictions.
    pub fn attributed_p(&self) -> f64 {
        ratio(self.speaker_ok, self.preds)
    }
}

/// Groups of predictions by the value of one field.
#[derive(Clone, Debug)]
pub struct Breakdown {
    order: &'static [&'static str],
    groups: BTreeMap<String, Group>,
}

impl Breakdown {
    fn new(order: &'static [&'static str]) -> Breakdown {
        Breakdown {
            order,
            groups: BTreeMap::new(),
        }
    }

    fn group(&mut self, key: String) -> &mut Group {
        self.groups.entry(key).or_default()
    }

    /// The groups, the usual values first in their usual order.
    pub fn sorted(&self) -> Vec<(&str, &Group)> {
        let rank = |k: &str| self.order.iter().position(|o| *o == k).unwrap_or(self.order.len());
        let mut groups: Vec<(&str, &Group)> = self.groups.iter().map(|(k, g)| (k.as_str(), g)).collect();
        groups.sort_by_key(|(k, _)| (rank(k), *k));
        groups
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorSort {
    /// A scored gold quote no prediction matched.
    Missed,
    /// A prediction matching no gold quote, or one that is not speech.
    Spurious,
    /// A matched quote with the wrong speaker (in the report's mode).
    Speaker,
}

/// One error, with what is needed to show it.
#[derive(Clone, Debug)]
pub struct ErrorCase {
    pub sort: ErrorSort,
    /// The document's index in the gold [`Docs`].
    pub doc: usize,
    /// The trimmed span: the gold one for missed quotes and wrong speakers,
    /// the predicted one for spurious predictions.
    pub span: Span,
    pub gold: Option<Value>,
    pub pred: Option<Value>,
}

/// Everything score.py computes, and a little more.
#[derive(Clone, Debug)]
pub struct Report {
    pub mode: SpeakerMode,
    pub kinds: BTreeSet<String>,
    pub docs: usize,
    /// Predicted documents whose id is not in the gold file.
    pub unknown_ids: usize,
    pub counts: Counts,
    pub by_kind: Breakdown,
    pub by_attribution: Breakdown,
    /// In document order, as score.py lists them.
    pub errors: Vec<ErrorCase>,
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

/// score.py's `prf`, operation for operation so that the floats are equal.
fn prf(tp: usize, npred: usize, ngold: usize) -> Prf {
    let (p, r) = (ratio(tp, npred), ratio(tp, ngold));
    let f1 = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f1 }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Report {
    pub fn quote(&self) -> Prf {
        prf(self.counts.matched, self.counts.pred, self.counts.gold)
    }

    pub fn exact(&self) -> Prf {
        prf(self.counts.exact, self.counts.pred, self.counts.gold)
    }

    /// A true positive needs the span and the speaker right.
    pub fn attributed(&self) -> Prf {
        prf(self.counts.speaker_ok(self.mode), self.counts.pred, self.counts.gold)
    }

    pub fn speaker_acc(&self, mode: SpeakerMode) -> f64 {
        ratio(self.counts.speaker_ok(mode), self.counts.with_speaker)
    }

    pub fn char_p(&self) -> f64 {
        ratio(self.counts.pred_chars_right, self.counts.pred_chars)
    }

    /// Capped at 1: overlapping predictions count a gold character twice.
    pub fn char_r(&self) -> f64 {
        if self.counts.gold_chars == 0 {
            return 0.0;
        }
        f64::min(1.0, ratio(self.counts.gold_chars_found, self.counts.gold_chars))
    }

    /// The figures as one JSON object: the keys of `score.py --json`, in
    /// its order, then `speaker_acc_name`, `speaker_acc_either`, `by_kind`
    /// and `by_attribution`.
    pub fn to_json(&self) -> String {
        let (q, e, a) = (self.quote(), self.exact(), self.attributed());
        let c = &self.counts;
        let kinds: Vec<String> = self.kinds.iter().map(|k| Value::from(k.as_str()).to_string()).collect();
        object(&[
            ("docs", number(self.docs)),
            ("gold_quotes", number(c.gold)),
            ("pred_quotes", number(c.pred)),
            ("quote_p", float(q.p)),
            ("quote_r", float(q.r)),
            ("quote_f1", float(q.f1)),
            ("exact_p", float(e.p)),
            ("exact_r", float(e.r)),
            ("exact_f1", float(e.f1)),
            ("speaker_acc", float(self.speaker_acc(self.mode))),
            ("speaker_scored", number(c.with_speaker)),
            ("attributed_p", float(a.p)),
            ("attributed_r", float(a.r)),
            ("attributed_f1", float(a.f1)),
            ("char_p", float(self.char_p())),
            ("char_r", float(self.char_r())),
            ("speaker_mode", Value::from(self.mode.as_str()).to_string()),
            ("kinds", format!("[{}]", kinds.join(", "))),
            ("speaker_acc_name", float(self.speaker_acc(SpeakerMode::Name))),
            ("speaker_acc_either", float(self.speaker_acc(SpeakerMode::Either))),
            ("by_kind", breakdown_json(&self.by_kind)),
            ("by_attribution", breakdown_json(&self.by_attribution)),
        ])
    }
}

/// A JSON object with its keys in the order given, spaced like Python's
/// `json.dumps` (serde_json's maps would sort the keys).
fn object(fields: &[(&str, String)]) -> String {
    let mut out = String::from("{");
    for (i, (key, value)) in fields.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(out, "{sep}{}: {value}", Value::from(*key));
    }
    out.push('}');
    out
}

fn number(n: usize) -> String {
    n.to_string()
}

fn float(x: f64) -> String {
    Value::from(x).to_string()
}

fn breakdown_json(b: &Breakdown) -> String {
    let groups: Vec<(&str, String)> = b.sorted().into_iter().map(|(k, g)| (k, group_json(g))).collect();
    object(&groups)
}

fn group_json(g: &Group) -> String {
    object(&[
        ("preds", number(g.preds)),
        ("matched", number(g.matched)),
        ("speaker_scored", number(g.speaker_scored)),
        ("speaker_ok", number(g.speaker_ok)),
        ("speaker_acc", float(g.speaker_acc())),
        ("attributed_p", float(g.attributed_p())),
    ])
}

// ---------------------------------------------------------------------------
// Scoring

/// What a gold span is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Counts for recall.
    Scored,
    /// A prediction matching it is neither credited nor penalised.
    Optional,
    /// Not speech: a prediction matching it is a false positive.
    Negative,
}

struct Gold<'a> {
    span: Span,
    quote: &'a Value,
    role: Role,
}

struct Pred<'a> {
    span: Span,
    quote: &'a Value,
}

/// Scores the predictions against the gold, as score.py does. A document
/// missing from `pred` counts as one with no quotes. Fails, as score.py
/// exits, on a predicted span outside its text; also on gold that score.py
/// would crash on.
pub fn score(gold: &Docs, pred: &Docs, opts: &Options) -> Result<Report, String> {
    let mut report = Report {
        mode: opts.mode,
        kinds: opts.kinds.clone(),
        docs: gold.docs.len(),
        unknown_ids: pred.iter().filter(|p| gold.get(&p["id"]).is_none()).count(),
        counts: Counts::default(),
        by_kind: Breakdown::new(KIND_ORDER),
        by_attribution: Breakdown::new(ATTRIBUTION_ORDER),
        errors: Vec::new(),
    };
    for (doc, g) in gold.iter().enumerate() {
        score_document(doc, g, pred.get(&g["id"]), opts, &mut report)
            .map_err(|e| format!("{}: {e}", display_id(&g["id"])))?;
    }
    Ok(report)
}

fn score_document(doc: usize, g: &Value, p: Option<&Value>, opts: &Options, report: &mut Report) -> Result<(), String> {
    let text = g.get("text").and_then(Value::as_str).ok_or("no string \"text\"")?;
    let text: Vec<char> = text.chars().collect();
    let gold = gold_spans(&text, g, opts)?;
    let preds = match p {
        Some(p) => pred_spans(&text, p, &opts.kinds)?,
        None => Vec::new(),
    };
    let (gold_match, pred_match) = match_spans(&gold, &preds);
    for (gi, g) in gold.iter().enumerate() {
        if g.role == Role::Scored {
            count_gold(doc, g, gold_match[gi].map(|pi| &preds[pi]), &preds, report);
        }
    }
    for (pi, p) in preds.iter().enumerate() {
        count_pred(doc, p, pred_match[pi].map(|gi| gold[gi].role), &gold, report);
    }
    Ok(())
}

/// The gold spans, reduced and trimmed, with their roles. Quotes that trim
/// to nothing are dropped; `not_quotes` are kept whatever they trim to
/// (score.py does not check them). The role is worked out before the span
/// is checked, as in score.py, so that a cue it would crash on fails here
/// too.
fn gold_spans<'a>(text: &[char], g: &'a Value, opts: &Options) -> Result<Vec<Gold<'a>>, String> {
    let mut gold = Vec::new();
    for q in list(g, "quotes")? {
        let role = role_of(q, opts)?;
        let (start, end) = gold_offsets(text, q)?;
        let (start, end) = quoted_region(text, start, end);
        let span = trimmed(text, start, end);
        if span.1 > span.0 {
            gold.push(Gold { span, quote: q, role });
        }
    }
    for q in list(g, "not_quotes")? {
        let (start, end) = gold_offsets(text, q)?;
        gold.push(Gold {
            span: trimmed(text, start, end),
            quote: q,
            role: Role::Negative,
        });
    }
    Ok(gold)
}

/// score.py's role rules, in its order: with `--speech-only`, an indirect
/// quote whose cue reports no speech is optional, even when `indirect` is
/// scored (the test comes first); then a scored kind (or no kind, with
/// `any` among the scored kinds) counts; `scare` is not speech; everything
/// else, `embedded` and also unscored and unknown kinds, is optional.
fn role_of(q: &Value, opts: &Options) -> Result<Role, String> {
    let kind = q.get("kind").filter(|k| !k.is_null());
    if opts.speech_only && kind.and_then(Value::as_str) == Some("indirect") && !is_speech_cue(cue_of(q)?) {
        return Ok(Role::Optional);
    }
    Ok(match kind.and_then(Value::as_str) {
        Some(k) if opts.kinds.contains(k) => Role::Scored,
        None if kind.is_none() && opts.kinds.contains("any") => Role::Scored,
        Some("scare") => Role::Negative,
        _ => Role::Optional,
    })
}

/// A gold quote's cue as `(q.get("cue") or "")` leaves it: a missing,
/// null or other false value is no cue; a true value that is not a string
/// is one score.py crashes on (`.lower()`), so it fails here.
fn cue_of(q: &Value) -> Result<&str, String> {
    match q.get("cue") {
        None | Some(Value::Null | Value::Bool(false)) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(Value::Number(n)) if n.as_f64() == Some(0.0) => Ok(""),
        Some(Value::Array(a)) if a.is_empty() => Ok(""),
        Some(Value::Object(o)) if o.is_empty() => Ok(""),
        Some(cue) => Err(format!("gold cue {cue} is not a string")),
    }
}

/// score.py's `is_speech_cue`: some word of the cue (a run of ASCII letters
/// once the cue is lower-cased) begins as a verb of saying does, so that
/// `told reporters` and `According to` report speech and `believes`,
/// `polls show` and `plans` do not.
pub fn is_speech_cue(cue: &str) -> bool {
    cue.to_lowercase()
        .split(|c: char| !c.is_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .any(|w| SPEECH_CUES.iter().any(|cue| w.starts_with(cue)))
}

/// The offsets of a gold quote. score.py trusts them (a bad one crashes it
/// or, if negative, wraps around); here they must lie in the text. A start
/// after the end is accepted: score.py reduces such a span to nothing.
fn gold_offsets(text: &[char], q: &Value) -> Result<(usize, usize), String> {
    let field = |name| q.get(name).and_then(py_int);
    match (field("start"), field("end")) {
        (Some(s), Some(e)) if (0..=text.len() as i64).contains(&s) && (0..=text.len() as i64).contains(&e) => {
            Ok((s as usize, e as usize))
        }
        _ => Err(format!(
            "gold span {}..{} is outside the text",
            py_str(q.get("start")),
            py_str(q.get("end"))
        )),
    }
}

/// The predicted spans, trimmed, without the "not speech" kinds, the
/// spans that trim to nothing, and, unless `indirect` is scored, the
/// indirect quotes: a gold file without them (the seed has few, PolNeAR's
/// are not all speech) must not count them as false positives, and the
/// default figure is then that of quotes in marks alone.
fn pred_spans<'a>(text: &[char], p: &'a Value, kinds: &BTreeSet<String>) -> Result<Vec<Pred<'a>>, String> {
    let mut preds = Vec::new();
    for q in list(p, "quotes")? {
        let kind = q.get("kind").and_then(Value::as_str);
        if kind.is_some_and(|k| SPEECH_NOT.contains(&k)) || kind == Some("indirect") && !kinds.contains("indirect") {
            continue;
        }
        let (s, e) = (q.get("start").and_then(py_int), q.get("end").and_then(py_int));
        let (s, e) = match (s, e) {
            (Some(s), Some(e)) if 0 <= s && s <= e && e <= text.len() as i64 => (s as usize, e as usize),
            _ => {
                let (s, e) = (py_str(q.get("start")), py_str(q.get("end")));
                return Err(format!("predicted span {s}..{e} is outside the text"));
            }
        };
        let span = trimmed(text, s, e);
        if span.1 > span.0 {
            preds.push(Pred { span, quote: q });
        }
    }
    Ok(preds)
}

/// A list field, empty when missing (`d.get(key, [])`).
fn list<'a>(doc: &'a Value, key: &str) -> Result<&'a [Value], String> {
    match doc.get(key) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(format!("\"{key}\" is not a list")),
    }
}

/// A value Python's `isinstance(v, int)` accepts: an integer, or a
/// boolean, which is an int in Python.
fn py_int(v: &Value) -> Option<i64> {
    match v {
        Value::Bool(b) => Some(i64::from(*b)),
        // Integers too large for i64 are outside any text anyway.
        Value::Number(n) if n.is_u64() => Some(n.as_u64().map_or(i64::MAX, |n| n.min(i64::MAX as u64) as i64)),
        Value::Number(n) => n.as_i64(),
        _ => None,
    }
}

/// A value as Python's f-string shows it, for error messages.
fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".to_string(),
        Some(v) => display_id(v),
    }
}

/// Pairs with Jaccard >= 0.5, one-to-one, best first. Returns the
/// prediction matched to each gold span and the gold span matched to each
/// prediction.
fn match_spans(gold: &[Gold], preds: &[Pred]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            let j = jaccard(g.span, p.span);
            if j >= 0.5 {
                pairs.push((j, gi, pi));
            }
        }
    }
    // Python's `pairs.sort(reverse=True)` on (j, gi, pi): equal overlaps go
    // to the later gold span, then to the later prediction.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let mut gold_match = vec![None; gold.len()];
    let mut pred_match = vec![None; preds.len()];
    for (_, gi, pi) in pairs {
        if gold_match[gi].is_none() && pred_match[pi].is_none() {
            gold_match[gi] = Some(pi);
            pred_match[pi] = Some(gi);
        }
    }
    (gold_match, pred_match)
}

/// Counts one scored gold quote and, if matched, its speaker.
fn count_gold(doc: usize, g: &Gold, matched: Option<&Pred>, preds: &[Pred], report: &mut Report) {
    let c = &mut report.counts;
    c.gold += 1;
    c.gold_chars += g.span.1 - g.span.0;
    c.gold_chars_found += preds.iter().map(|p| overlap(g.span, p.span)).sum::<usize>();
    let Some(p) = matched else {
        report
            .errors
            .push(error(ErrorSort::Missed, doc, g.span, Some(g.quote), None));
        return;
    };
    c.matched += 1;
    c.exact += usize::from(p.span == g.span);
    let (kind, attribution) = group_keys(p.quote);
    report.by_kind.group(kind.clone()).matched += 1;
    report.by_attribution.group(attribution.clone()).matched += 1;
    let Some(gold_speaker) = g.quote.get("speaker").filter(|s| !s.is_null()) else {
        return;
    };
    let by_name = names_match(as_name(p.quote.get("speaker")), as_name(Some(gold_speaker)));
    let either = by_name || mentions_overlap(g.quote, p.quote);
    c.with_speaker += 1;
    c.speaker_ok_name += usize::from(by_name);
    c.speaker_ok_either += usize::from(either);
    let ok = if report.mode == SpeakerMode::Name {
        by_name
    } else {
        either
    };
    for group in [report.by_kind.group(kind), report.by_attribution.group(attribution)] {
        group.speaker_scored += 1;
        group.speaker_ok += usize::from(ok);
    }
    if !ok {
        report
            .errors
            .push(error(ErrorSort::Speaker, doc, g.span, Some(g.quote), Some(p.quote)));
    }
}

/// Counts one prediction; `role` is that of the gold span it matched.
fn count_pred(doc: usize, p: &Pred, role: Option<Role>, gold: &[Gold], report: &mut Report) {
    let c = &mut report.counts;
    c.pred_chars += p.span.1 - p.span.0;
    let scored = gold.iter().filter(|g| g.role == Role::Scored);
    c.pred_chars_right += scored.map(|g| overlap(p.span, g.span)).max().unwrap_or(0);
    // Matching an optional gold quote takes a prediction out of precision.
    if role == Some(Role::Optional) {
        return;
    }
    c.pred += 1;
    c.pred_with_speaker += usize::from(p.quote.get("speaker").is_some_and(|s| !s.is_null()));
    let (kind, attribution) = group_keys(p.quote);
    report.by_kind.group(kind).preds += 1;
    report.by_attribution.group(attribution).preds += 1;
    if role != Some(Role::Scored) {
        report
            .errors
            .push(error(ErrorSort::Spurious, doc, p.span, None, Some(p.quote)));
    }
}

fn error(sort: ErrorSort, doc: usize, span: Span, gold: Option<&Value>, pred: Option<&Value>) -> ErrorCase {
    ErrorCase {
        sort,
        doc,
        span,
        gold: gold.cloned(),
        pred: pred.cloned(),
    }
}

/// The groups of a prediction: its `kind` and its `attribution`, `none`
/// when missing or null.
fn group_keys(q: &Value) -> (String, String) {
    let key = |field| match q.get(field) {
        None | Some(Value::Null) => "none".to_string(),
        Some(v) => display_id(v),
    };
    (key("kind"), key("attribution"))
}

/// A speaker name; Python's `norm_name` treats a missing or empty one as
/// no name (and would crash on a non-string one).
fn as_name(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str)
}

/// `--speaker either`: the speaker mentions overlap, when all four offsets
/// are given.
fn mentions_overlap(gold: &Value, pred: &Value) -> bool {
    let at = |q: &Value, field| q.get(field).and_then(py_number);
    let spans = (
        at(gold, "speaker_start"),
        at(gold, "speaker_end"),
        at(pred, "speaker_start"),
        at(pred, "speaker_end"),
    );
    let (Some(gs), Some(ge), Some(ps), Some(pe)) = spans else {
        return false;
    };
    // `overlap(...) > 0`.
    ge.min(pe) - gs.max(ps) > 0.0
}

/// A number (or a boolean, a number in Python) as f64, which holds every
/// offset exactly.
fn py_number(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Spans

fn is_mark(c: char) -> bool {
    QUOTE_MARKS.contains(c)
}

/// Python's `str.isalnum()` on one character. Rust's `is_alphanumeric`
/// also takes the few combining marks with the Alphabetic property, which
/// Python does not; no English news text turns on them.
fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

/// Python's `\w` in a `str` pattern.
fn is_word(c: char) -> bool {
    is_alnum(c) || c == '_'
}

/// The span without white space, quotation marks and `,.;:!?` at its ends.
pub fn trimmed(text: &[char], mut start: usize, mut end: usize) -> Span {
    let trim = |c: char| is_mark(c) || TRIM_OTHER.contains(c);
    while start < end && trim(text[start]) {
        start += 1;
    }
    while end > start && trim(text[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// From the first to the last quotation mark inside `[start, end)`, or the
/// whole span when it has fewer than two. When the last mark opens rather
/// than closes, the region runs on to the span's end: a quote over
/// paragraphs repeats its opening mark at the start of each, and when its
/// last paragraph is never closed, stopping at that mark would drop the
/// whole paragraph and a prediction of the whole quote would not match.
pub fn quoted_region(text: &[char], start: usize, end: usize) -> Span {
    let mut marks = (start..end).filter(|&i| is_mark(text[i]) && !is_apostrophe(text, i));
    match (marks.next(), marks.next_back()) {
        (Some(first), Some(last)) => (first, if opens(text, last, end) { end } else { last + 1 }),
        _ => (start, end),
    }
}

/// score.py's `opens`: an opening mark with white space or the start of
/// the text before it and, inside the span, a character that is not white
/// space after it. A straight `"` can open or close; after a word or a
/// comma it closes.
fn opens(text: &[char], i: usize, end: usize) -> bool {
    let before = if i > 0 { text[i - 1] } else { '\n' };
    OPENERS.contains(text[i]) && is_space(before) && i + 1 < end && !is_space(text[i + 1])
}

/// Python's `str.isspace()` on one character: Unicode's white space and
/// also the separators U+001C to U+001F, which Rust's `is_whitespace`
/// leaves out.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// A single mark between two letters or digits (`don't`) is an apostrophe.
pub fn is_apostrophe(text: &[char], i: usize) -> bool {
    if !matches!(text[i], '\'' | '’') {
        return false;
    }
    let before = if i > 0 { text[i - 1] } else { ' ' };
    let after = text.get(i + 1).copied().unwrap_or(' ');
    is_alnum(before) && is_alnum(after)
}

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Signed lengths, since a `not_quotes` span may run backwards.
fn jaccard(a: Span, b: Span) -> f64 {
    let inter = overlap(a, b) as i64;
    let union = (a.1 as i64 - a.0 as i64) + (b.1 as i64 - b.0 as i64) - inter;
    if union > 0 { inter as f64 / union as f64 } else { 0.0 }
}

// ---------------------------------------------------------------------------
// Names

/// Lower case, without possessives, punctuation and leading articles and
/// titles: `Mr. Pryce's` becomes `["pryce"]`.
pub fn norm_name(name: Option<&str>) -> Vec<String> {
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        return Vec::new();
    };
    let lower: Vec<char> = name.to_lowercase().replace('’', "'").chars().collect();
    let chars = drop_possessives(&lower);
    let words: Vec<String> = chars
        .split(|&c| !is_alnum(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.iter().collect())
        .collect();
    let titles = words.iter().take_while(|w| TITLES.contains(&w.as_str())).count();
    words[titles..].to_vec()
}

/// `re.sub(r"'s\b", "", s)`: drops `'s` where no word character follows.
fn drop_possessives(s: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let possessive = s[i] == '\'' && s.get(i + 1) == Some(&'s') && !s.get(i + 2).is_some_and(|&c| is_word(c));
        if possessive {
            i += 2;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

/// Equal after normalising, or the same last word and, when both have two
/// words or more, the same first word.
pub fn names_match(a: Option<&str>, b: Option<&str>) -> bool {
    let (x, y) = (norm_name(a), norm_name(b));
    match (x.first(), x.last(), y.first(), y.last()) {
        (Some(x0), Some(xn), Some(y0), Some(yn)) => x == y || (xn == yn && (x.len() < 2 || y.len() < 2 || x0 == y0)),
        _ => false,
    }
}
