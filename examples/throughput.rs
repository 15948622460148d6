//! Measures how fast whosaid reads news: documents and megabytes a second,
//! on one thread and on all cores, for each stage and for the whole
//! pipeline (also with reported speech off: quotes in marks only), beside
//! `unicode-segmentation`'s word splitter over the same text.
//!
//! ```text
//! cargo run --release --example throughput -- FILE...
//! cargo run --release --example throughput -- --seconds 3 docs.jsonl
//! cargo run --release --example throughput -- --only whole docs.jsonl
//! ```
//!
//! A FILE ending in `.jsonl` is read as JSON Lines documents `{"id",
//! "text"}`; any other FILE is one document. Each measurement repeats the
//! whole set until it has run for at least `--seconds` (default 2).
//! `--only STAGE` measures only the stages whose name contains STAGE (for
//! a profiler).
//! Threads come from rayon, in this example only: the library has no
//! thread pool of its own, and an `Extractor` is shared across threads by
//! reference.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use whosaid::Extractor;

/// One thing to measure: it reads a document and returns a count.
type Stage<'a> = Box<dyn Fn(&str) -> usize + Sync + 'a>;

struct Args {
    files: Vec<PathBuf>,
    seconds: f64,
    /// Only the stages whose name contains this (for profiling one).
    only: Option<String>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        files: Vec::new(),
        seconds: 2.0,
        only: None,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("seconds") => args.seconds = parser.value()?.parse()?,
            Long("only") => args.only = Some(parser.value()?.string()?),
            Value(v) => args.files.push(v.into()),
            Short('h') | Long("help") => {
                println!("usage: throughput [--seconds S] [--only STAGE] FILE...");
                std::process::exit(0);
            }
            _ => return Err(arg.unexpected()),
        }
    }
    if args.files.is_empty() {
        return Err("no input file".into());
    }
    Ok(args)
}

/// Reads the documents: one per text file, one per line of a `.jsonl` file.
fn load(files: &[PathBuf]) -> Result<Vec<String>, String> {
    let mut docs = Vec::new();
    for path in files {
        let content = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if path.extension().is_some_and(|e| e == "jsonl") {
            for (n, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let value: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
                let text = value["text"]
                    .as_str()
                    .ok_or_else(|| format!("{}:{}: no text", path.display(), n + 1))?;
                docs.push(text.to_string());
            }
        } else {
            docs.push(content);
        }
    }
    Ok(docs)
}

/// Runs `work` over all documents until `seconds` have passed; the
/// documents and bytes per second, and a count that keeps the work from
/// being optimised away.
fn measure(docs: &[String], seconds: f64, parallel: bool, work: impl Fn(&str) -> usize + Sync) -> (f64, f64, usize) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let (mut rounds, mut checksum) = (0usize, 0usize);
    while rounds == 0 || start.elapsed() < budget {
        checksum += if parallel {
            docs.par_iter().map(|d| work(d)).sum::<usize>()
        } else {
            docs.iter().map(|d| work(d)).sum::<usize>()
        };
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let per_sec = rounds as f64 / secs;
    (docs.len() as f64 * per_sec, bytes as f64 * per_sec / 1e6, checksum)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("throughput: {e}\nusage: throughput [--seconds S] [--only STAGE] FILE...");
            return ExitCode::from(2);
        }
    };
    let docs = match load(&args.files) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("throughput: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let chars: usize = docs.iter().map(|d| d.chars().count()).sum();
    println!(
        "{} documents, {:.1} MB, {:.1} million characters; {} threads available",
        docs.len(),
        bytes as f64 / 1e6,
        chars as f64 / 1e6,
        rayon::current_num_threads()
    );
    let full = Extractor::new();
    let spans_only = Extractor::builder()
        .find_speakers(false)
        .build()
        .expect("valid settings");
    let marks_only = Extractor::builder()
        .reported_speech(false)
        .build()
        .expect("valid settings");
    let stages: [(&str, Stage); 5] = [
        (
            "unicode_word_indices (reference)",
            Box::new(|d: &str| d.unicode_word_indices().count()),
        ),
        (
            "tokenize (stage 1)",
            Box::new(|d: &str| whosaid::tokenize(d).words().count()),
        ),
        (
            "quote spans (stages 1-2)",
            Box::new(|d: &str| spans_only.extract(d).len()),
        ),
        (
            "whole, quotes in marks only",
            Box::new(|d: &str| marks_only.extract(d).len()),
        ),
        ("whole pipeline (stages 1-3)", Box::new(|d: &str| full.extract(d).len())),
    ];
    println!(
        "\n{:<34} {:>12} {:>10} {:>14} {:>10}",
        "", "docs/s (1)", "MB/s (1)", "docs/s (all)", "MB/s (all)"
    );
    let mut checksum = 0;
    let chosen = stages
        .iter()
        .filter(|(name, _)| args.only.as_ref().is_none_or(|o| name.contains(o.as_str())));
    for (name, work) in chosen {
        let (d1, m1, c1) = measure(&docs, args.seconds, false, work);
        let (dn, mn, cn) = measure(&docs, args.seconds, true, work);
        checksum ^= c1 ^ cn;
        println!("{name:<34} {d1:>12.0} {m1:>10.1} {dn:>14.0} {mn:>10.1}");
    }
    let (_, whole, _) = measure(&docs, args.seconds, false, |d| full.extract(d).len());
    println!(
        "\nwhole pipeline, one thread: {:.0} thousand characters a second ({:.0}× the 18-28 thousand of the spaCy-based tools)",
        whole * 1e6 / (bytes as f64 / chars as f64) / 1e3,
        whole * 1e6 / (bytes as f64 / chars as f64) / 28e3
    );
    // Printed so the measured work cannot be optimised away.
    eprintln!("(checksum {checksum})");
    ExitCode::SUCCESS
}
