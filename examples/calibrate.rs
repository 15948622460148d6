//! Builds the confidence table (`src/data/confidence.txt`) from annotated
//! news, and checks how well the extractor's confidences are calibrated.
//!
//! ```text
//! cargo run --release --example calibrate -- table TRAIN.jsonl > src/data/confidence.txt
//! cargo run --release --example calibrate -- check DEV.jsonl
//! ```
//!
//! `table` runs the extractor over a gold file (format in the evaluation
//! README), sorts its attributions by their features (how the speaker was
//! found, the side of the cue, the kind and length of the quote, the kind
//! of mention) and writes, for each group, the share that name the right
//! speaker of a quote that is really there, as `score.py --speaker either`
//! counts. Only counts leave the gold file, never its text.
//!
//! `check` scores the extractor's own confidences on another gold file:
//! the share right above 0.9, between 0.5 and 0.9 and below 0.5, and the
//! attributed precision, recall and F1 at a few `min_confidence` bars.

#[path = "common/quote_json.rs"]
mod quote_json;
// Shared with the `evaluate` example, which uses the parts this one does not.
#[allow(dead_code)]
#[path = "evaluate/scorer.rs"]
mod scorer;

use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;
use whosaid::{Attribution, Extractor, Quote};

use scorer::{Docs, Options, SpeakerMode};

/// `println!` that ends the program quietly when the reader has gone
/// (`| head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

/// Folds some features of a group into `*`.
type Coarsen = fn(&[&'static str; 5]) -> [&'static str; 5];

/// A group with fewer attributions than this is folded into a coarser line.
const MIN_GROUP: usize = 30;

/// The bars whose effect `check` reports.
const BARS: [f32; 4] = [0.0, 0.5, 0.7, 0.9];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["table", gold] => table(Path::new(gold)),
        ["check", gold] => check(Path::new(gold)),
        _ => Err("usage: calibrate table GOLD.jsonl | calibrate check GOLD.jsonl".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("calibrate: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The features of an attribution as the table names them, computed from
/// the public results the same way `src/speakers/confidence.rs` computes
/// them inside.
fn features(q: &Quote<'_>) -> Option<[&'static str; 5]> {
    let s = q.speaker()?;
    let side = match s.attribution() {
        Attribution::Continuation | Attribution::Narration => "none",
        _ if s.mention().start >= q.span().end => "after",
        _ => "before",
    };
    let words = q
        .as_str()
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let length = if words <= 6 { "short" } else { "long" };
    let mention = s.mention_str();
    let lower = mention.to_lowercase();
    let mention_kind = if matches!(lower.as_str(), "he" | "she" | "it" | "they" | "i" | "we") {
        "pronoun"
    } else if lower.starts_with("the ") {
        "definite"
    } else if mention.starts_with(char::is_lowercase) || lower.starts_with("a ") || lower.starts_with("an ") {
        "indefinite"
    } else {
        "name"
    };
    Some([s.attribution().as_str(), side, q.kind().as_str(), length, mention_kind])
}

/// Runs the extractor over every gold document, with `label` deciding what
/// each quote's `attribution` field says, so that the scorer's breakdown by
/// attribution groups the quotes by that label.
fn predictions(gold: &Docs, extractor: &Extractor, label: impl Fn(&Quote<'_>) -> Option<String>) -> Docs {
    let mut pred = Docs::default();
    for doc in gold.iter() {
        let text = doc.get("text").and_then(Value::as_str).unwrap_or("");
        let quotes = extractor.extract(text);
        let mut json = quote_json::document_json(doc.get("id").cloned().unwrap_or(Value::Null), text, &quotes);
        if let Some(objects) = json.get_mut("quotes").and_then(Value::as_array_mut) {
            for (object, quote) in objects.iter_mut().zip(&quotes) {
                object["attribution"] = label(quote).map_or(Value::Null, Value::String);
            }
        }
        pred.insert(json);
    }
    pred
}

/// All kinds scored, as `score.py --speaker either --kinds
/// direct,mixed,indirect --speech-only`: reported speech has lines of its
/// own.
fn options() -> Options {
    Options {
        mode: SpeakerMode::Either,
        kinds: scorer::parse_kinds("direct,mixed,indirect"),
        speech_only: true,
    }
}

/// Right attributions and all attributions, per label.
fn rates(gold: &Docs, pred: &Docs) -> Result<Vec<(String, usize, usize)>, String> {
    let report = scorer::score(gold, pred, &options())?;
    Ok(report
        .by_attribution
        .sorted()
        .into_iter()
        .filter(|(label, _)| *label != "none")
        .map(|(label, g)| (label.to_string(), g.speaker_ok, g.preds))
        .collect())
}

fn table(path: &Path) -> Result<(), String> {
    let gold = Docs::load(path)?;
    let extractor = Extractor::new();
    // Finest groups first, then coarser ones (length and mention folded),
    // then by attribution alone, then everything. Each way of finding a
    // speaker has a line of its own however few its attributions (a rare
    // one, `narration`, must not take the rate of all the others).
    let levels: [Coarsen; 4] = [
        |f| *f,
        |f| [f[0], f[1], f[2], "*", "*"],
        |f| [f[0], "*", "*", "*", "*"],
        |_| ["*"; 5],
    ];
    say!("{}", HEADER.trim_end());
    let mut written = 0;
    for (depth, level) in levels.iter().enumerate() {
        let pred = predictions(&gold, &extractor, |q| features(q).map(|f| level(&f).join(" ")));
        let mut lines = rates(&gold, &pred)?;
        lines.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        for (key, right, all) in lines {
            let by_attribution = depth == 2;
            if all < MIN_GROUP && depth + 1 < levels.len() && !by_attribution {
                continue;
            }
            // Laplace's rule of succession: a small group is pulled to 1/2.
            let confidence = (right as f64 + 1.0) / (all as f64 + 2.0);
            let fields: Vec<&str> = key.split(' ').collect();
            say!(
                "{:<13}{:<8}{:<10}{:<7}{:<12}{confidence:.2}    # {right}/{all}",
                fields[0],
                fields[1],
                fields[2],
                fields[3],
                fields[4]
            );
            written += 1;
        }
    }
    eprintln!("calibrate: {written} lines from {}", path.display());
    Ok(())
}

const HEADER: &str = "\
# Confidence of an attribution: the share of attributions with these
# features that named the right speaker of a real quote on the PolNeAR
# training split (score.py --speaker either --kinds direct,mixed,indirect
# --speech-only), smoothed by Laplace's rule.
# Written by `cargo run --release --example calibrate -- table
# ../shared/eval/polnear/train.jsonl`; only counts, no text, come from it.
#
# Fields: attribution side kind length mention confidence
#   attribution  cue | pronoun | description | continuation | narration
#   side         after (the cue follows the quote) | before | none
#   kind         direct | mixed | indirect
#   length       short (six words or fewer) | long
#   mention      name | pronoun | definite (`the minister`) | indefinite
#                (`a spokesman`, `officials`): the words that name the
#                speaker next to the cue
# `*` matches anything. The first line that matches wins: groups of at
# least 30 attributions first, then coarser ones; each attribution has a
# line of its own, however few its attributions.
";

fn check(path: &Path) -> Result<(), String> {
    let gold = Docs::load(path)?;
    let extractor = Extractor::new();
    let band = |q: &Quote<'_>| {
        q.speaker().map(|s| {
            let c = s.confidence();
            if c >= 0.9 {
                "0.9 and above"
            } else if c >= 0.5 {
                "0.5 to 0.9"
            } else {
                "below 0.5"
            }
            .to_string()
        })
    };
    let pred = predictions(&gold, &extractor, band);
    say!("confidence band      right / attributions");
    for (label, right, all) in rates(&gold, &pred)? {
        let share = right as f64 / all.max(1) as f64;
        say!("  {label:<16}  {right:>5} / {all:<5}  {share:.3}");
    }
    say!("\nmin_confidence  attributions  right   attributed R  attributed F1");
    for bar in BARS {
        let extractor = Extractor::builder()
            .min_confidence(bar)
            .build()
            .map_err(|e| e.to_string())?;
        let pred = predictions(&gold, &extractor, |q| q.speaker().map(|_| "given".to_string()));
        let report = scorer::score(&gold, &pred, &options())?;
        let (right, all) = rates(&gold, &pred)?
            .into_iter()
            .fold((0, 0), |(r, a), (_, right, all)| (r + right, a + all));
        let a = report.attributed();
        say!(
            "  {bar:<13.1} {all:>12}  {:.3}   {:.3}         {:.3}",
            right as f64 / all.max(1) as f64,
            a.r,
            a.f1
        );
    }
    Ok(())
}
