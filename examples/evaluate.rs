//! Scores whosaid on annotated articles: runs the extractor on each gold
//! document and prints the figures of the project's reference scorer
//! (`score.py`), computed the same way, with a breakdown by quote kind and
//! by how the speaker was found, and the errors in context.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl [--speaker name|either] [--errors N] [--json]
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
                [--kinds direct,mixed] [--errors N] [--json]

Runs whosaid on each document of GOLD.jsonl and scores its quotes and
speakers as ../shared/eval/score.py does.

  --pred FILE     score the predictions in FILE (JSON Lines, {\"id\",
                  \"quotes\"}) instead of running the extractor
  --speaker MODE  name: the speaker names must match; either (default): the
                  names match or the speaker mentions overlap
  --kinds LIST    gold kinds that count for recall (default direct,mixed)
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
    let report = match evaluate(&args) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match write_output(&mut out, &args, &report).and_then(|()| out.flush()) {
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
/// and scores them.
fn evaluate(args: &Args) -> Result<Report, String> {
    let gold = Docs::load(&args.gold)?;
    let pred = match &args.pred {
        Some(path) => Docs::load(path)?,
        None => predict(&gold),
    };
    let report = scorer::score(&gold, &pred, &args.options)?;
    if report.unknown_ids > 0 {
        eprintln!("warning: {} predicted ids are not in the gold file", report.unknown_ids);
    }
    if args.errors > 0 {
        // The errors are shown from the gold texts, which are dropped after.
        let text = show_errors(&gold, &report, args.errors);
        return Ok(Report {
            errors: Vec::new(),
            ..report
        })
        .map(|r| (r, text))
        .map(stash(text));
    }
    Ok(report)
}
