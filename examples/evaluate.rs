//! Scores whosaid on annotated articles: runs the extractor on each gold
//! document and prints the figures of the project's reference scorer
//! (`score.py`), computed the same way, with a breakdown by quote kind and
//! by how the speaker was found, and the errors in context.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl [--speaker name|either] [--errors N] [--json]
//! cargo run --release --example evaluate -- GOLD.jsonl --kinds direct,mixed,indirect --speech-only
//! cargo run --release --example evaluate -- GOLD.jsonl --pred PREDICTED.jsonl
//! ```
//!
//! The gold format is that of `../shared/eval/README.md`: one JSON object
//! per line, `{"id", "text", "quotes": [{"start", "end", "speaker",
//! "speaker_start", "speaker_end", "kind"}], "not_quotes"?}`, offsets in
//! code points.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;
use whosaid::Extractor;

// Shared with the `extract` example: the predictions scored here are the
// lines `extract --jsonl` writes.
#[path = "common/quote_json.rs"]
mod quote_json;
// Also used by tests/evaluate.rs, which checks it against score.py.
#[path = "evaluate/scorer.rs"]
mod scorer;

use scorer::{Docs, ErrorCase, ErrorSort, Group, Options, Report, SpeakerMode};

const USAGE: &str = "\
usage: evaluate GOLD.jsonl [--pred PREDICTED.jsonl] [--speaker name|either]
                [--kinds direct,mixed[,indirect]] [--speech-only] [--errors N]
                [--json]

Runs whosaid on each document of GOLD.jsonl and scores its quotes and
speakers as ../shared/eval/score.py does.

  --pred FILE     score the predictions in FILE (JSON Lines, {\"id\",
                  \"quotes\"}) instead of running the extractor
  --speaker MODE  name: the speaker names must match; either (default): the
                  names match or the speaker mentions overlap
  --kinds LIST    gold kinds that count for recall (default direct,mixed);
                  predicted indirect quotes are left out unless indirect is
                  among them
  --speech-only   gold indirect quotes whose cue has no verb of saying
                  (\"polls show\", \"he believes\") are optional
  --errors N      show up to N errors of each sort, in context
  --json          print the figures as one JSON object
  -h, --help      print this help
";

/// Characters of text shown on each side of an error.
const CONTEXT: usize = 50;
/// Longer quotes are shown cut in the middle.
const MAX_QUOTE: usize = 160;

struct Args {
    gold: PathBuf,
    pred: Option<PathBuf>,
    options: Options,
    errors: usize,
    json: bool,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprint!("evaluate: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (gold, report) = match evaluate(&args) {
        Ok(scored) => scored,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match write_output(&mut out, &args, &gold, &report).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): that is its choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut gold = None;
    let mut args = Args {
        gold: PathBuf::new(),
        pred: None,
        options: Options::default(),
        errors: 0,
        json: false,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                // Ignore errors: a closed stdout must not panic here either.
                let _ = io::stdout().write_all(USAGE.as_bytes());
                std::process::exit(0);
            }
            Long("pred") => args.pred = Some(parser.value()?.into()),
            Long("speaker") => {
                let mode = parser.value()?.string()?;
                args.options.mode = SpeakerMode::parse(&mode)
                    .ok_or_else(|| format!("--speaker must be name or either, not {mode:?}"))?;
            }
            Long("kinds") => args.options.kinds = scorer::parse_kinds(&parser.value()?.string()?),
            Long("speech-only") => args.options.speech_only = true,
            Long("errors") => args.errors = parser.value()?.parse()?,
            Long("json") => args.json = true,
            Value(file) if gold.is_none() => gold = Some(PathBuf::from(file)),
            _ => return Err(arg.unexpected()),
        }
    }
    args.gold = gold.ok_or("no gold file")?;
    Ok(args)
}

/// Loads the gold and the predictions (made here unless `--pred` is given)
/// and scores them. The gold is returned too, to show the errors in their
/// texts.
fn evaluate(args: &Args) -> Result<(Docs, Report), String> {
    let gold = Docs::load(&args.gold)?;
    let pred = match &args.pred {
        Some(path) => Docs::load(path)?,
        None => predict(&gold),
    };
    let report = scorer::score(&gold, &pred, &args.options)?;
    if report.unknown_ids > 0 {
        eprintln!("warning: {} predicted ids are not in the gold file", report.unknown_ids);
    }
    Ok((gold, report))
}

/// Runs the extractor on every gold text. A document without a text gets
/// no quotes here; the scorer reports it.
fn predict(gold: &Docs) -> Docs {
    let extractor = Extractor::new();
    let mut pred = Docs::default();
    for doc in gold.iter() {
        let text = doc.get("text").and_then(Value::as_str).unwrap_or_default();
        pred.insert(quote_json::document_json(
            doc["id"].clone(),
            text,
            &extractor.extract(text),
        ));
    }
    pred
}

/// The errors (when asked for), then the figures, the summary line last as
/// in score.py.
fn write_output(out: &mut impl Write, args: &Args, gold: &Docs, report: &Report) -> io::Result<()> {
    if args.errors > 0 {
        write_errors(out, gold, report, args.errors)?;
    }
    if args.json {
        return writeln!(out, "{}", report.to_json());
    }
    write_figures(out, report)?;
    write_breakdown(out, "by predicted kind", &report.by_kind)?;
    write_breakdown(out, "by attribution", &report.by_attribution)?;
    let (q, a) = (report.quote(), report.attributed());
    let acc = report.speaker_acc(report.mode);
    writeln!(
        out,
        "summary: quote_f1={:.3} speaker_acc={acc:.3} attributed_f1={:.3}",
        q.f1, a.f1
    )
}

/// score.py's lines, then speaker accuracy in both modes.
fn write_figures(out: &mut impl Write, r: &Report) -> io::Result<()> {
    let c = &r.counts;
    let (q, e, a) = (r.quote(), r.exact(), r.attributed());
    let mode = r.mode.as_str();
    writeln!(
        out,
        "documents {}  gold quotes {}  predicted quotes {}",
        r.docs, c.gold, c.pred
    )?;
    writeln!(
        out,
        "quote spans (overlap >= 0.5)  P {:.3}  R {:.3}  F1 {:.3}",
        q.p, q.r, q.f1
    )?;
    writeln!(
        out,
        "quote spans (exact)           P {:.3}  R {:.3}  F1 {:.3}",
        e.p, e.r, e.f1
    )?;
    writeln!(
        out,
        "quoted characters             P {:.3}  R {:.3}",
        r.char_p(),
        r.char_r()
    )?;
    let acc = r.speaker_acc(r.mode);
    writeln!(
        out,
        "speaker accuracy on matched quotes ({mode})  {acc:.3}  of {}",
        c.with_speaker
    )?;
    writeln!(
        out,
        "attributed quotes             P {:.3}  R {:.3}  F1 {:.3}",
        a.p, a.r, a.f1
    )?;
    for m in SpeakerMode::ALL {
        let (acc, ok) = (r.speaker_acc(m), c.speaker_ok(m));
        writeln!(
            out,
            "speaker accuracy, {:<6} mode  {acc:.3}  ({ok} of {})",
            m.as_str(),
            c.with_speaker
        )?;
    }
    Ok(())
}

/// One line per group: predictions, matches, right speakers among the
/// matches with a known gold speaker, and attributed precision.
fn write_breakdown(out: &mut impl Write, title: &str, groups: &scorer::Breakdown) -> io::Result<()> {
    writeln!(
        out,
        "{title:<20} {:>6} {:>8} {:>13} {:>9} {:>13}",
        "preds", "matched", "speaker ok", "accuracy", "attributed P"
    )?;
    for (name, g) in groups.sorted() {
        let Group {
            preds,
            matched,
            speaker_ok,
            speaker_scored,
        } = g;
        let ok = format!("{speaker_ok}/{speaker_scored}");
        let (acc, ap) = (g.speaker_acc(), g.attributed_p());
        writeln!(
            out,
            "  {name:<18} {preds:>6} {matched:>8} {ok:>13} {acc:>9.3} {ap:>13.3}"
        )?;
    }
    Ok(())
}

/// Up to `n` errors of each sort, the worst first: the longest missed and
/// spurious quotes (they cost the most quoted text), and wrong speakers
/// that name someone before those left unknown (a wrong name misleads, an
/// unknown one does not).
fn write_errors(out: &mut impl Write, gold: &Docs, report: &Report, n: usize) -> io::Result<()> {
    let sorts = [
        (ErrorSort::Missed, "missed"),
        (ErrorSort::Spurious, "spurious"),
        (ErrorSort::Speaker, "wrong speaker"),
    ];
    for (sort, title) in sorts {
        let mut errors: Vec<&ErrorCase> = report.errors.iter().filter(|e| e.sort == sort).collect();
        // Stable sorts: ties stay in document order.
        match sort {
            ErrorSort::Speaker => errors.sort_by_key(|e| speaker_of(e.pred.as_ref()).is_none()),
            _ => errors.sort_by_key(|e| std::cmp::Reverse(e.span.1 - e.span.0)),
        }
        writeln!(out, "--- {title} ({})", errors.len())?;
        for e in errors.into_iter().take(n) {
            write_error(out, gold, e)?;
        }
    }
    writeln!(out)
}

/// The error's document id, its text in context with the quote in ⟦ ⟧,
/// and the gold and predicted speakers with how the speaker was found.
fn write_error(out: &mut impl Write, gold: &Docs, e: &ErrorCase) -> io::Result<()> {
    let doc = gold.nth(e.doc).unwrap_or(&Value::Null);
    let text: Vec<char> = doc
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .chars()
        .collect();
    writeln!(
        out,
        "  [{}] {}",
        scorer::display_id(&doc["id"]),
        in_context(&text, e.span)
    )?;
    if let Some(g) = &e.gold {
        writeln!(out, "      gold: {}", describe(g))?;
    }
    if let Some(p) = &e.pred {
        writeln!(out, "      predicted: {}", describe(p))?;
    }
    Ok(())
}

/// `…before ⟦quote⟧ after…` on one line, with `⏎` for line breaks.
fn in_context(text: &[char], (start, end): scorer::Span) -> String {
    let from = start.saturating_sub(CONTEXT);
    let to = (end + CONTEXT).min(text.len());
    let piece = |a: usize, b: usize| text[a..b].iter().collect::<String>();
    let quote = if end - start > MAX_QUOTE {
        let half = MAX_QUOTE / 2;
        format!("{} … {}", piece(start, start + half), piece(end - half, end))
    } else {
        piece(start, end)
    };
    let (open, close) = (if from > 0 { "…" } else { "" }, if to < text.len() { "…" } else { "" });
    let line = format!("{open}{}⟦{quote}⟧{}{close}", piece(from, start), piece(end, to));
    line.replace('\n', " ⏎ ")
}

/// A quote's kind, speaker, mention, attribution and cue, as far as given.
fn describe(q: &Value) -> String {
    let field = |name| q.get(name).and_then(Value::as_str);
    let mut parts = vec![field("kind").unwrap_or("no kind").to_string()];
    parts.push(match speaker_of(Some(q)) {
        Some(name) => format!("speaker {name}"),
        None => "speaker unknown".to_string(),
    });
    if let Some(mention) = field("speaker_mention").filter(|m| Some(*m) != speaker_of(Some(q))) {
        parts.push(format!("mention “{mention}”"));
    }
    if let Some(how) = field("attribution") {
        parts.push(format!("by {how}"));
    }
    if let Some(cue) = field("cue") {
        parts.push(format!("cue “{cue}”"));
    }
    parts.join(", ")
}

fn speaker_of(q: Option<&Value>) -> Option<&str> {
    q.and_then(|q| q.get("speaker")).and_then(Value::as_str)
}
