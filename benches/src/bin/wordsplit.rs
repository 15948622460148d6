//! The reference for `extract --jsonl`: the least a program can do that
//! reads the same JSON Lines and looks at every word. It parses each line
//! with serde_json (its `text`, other fields skipped), splits the text into
//! Unicode words with `unicode-segmentation`'s `unicode_word_indices`, and
//! writes one line per document: the number of words.
//!
//! ```text
//! cd benches && cargo run --release --bin wordsplit < docs.jsonl
//! ```
//!
//! `endtoend` runs it beside `extract --jsonl`.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use unicode_segmentation::UnicodeSegmentation;

/// The field read; the others are skipped unbuilt, as `extract` skips them.
#[derive(serde::Deserialize)]
struct Document {
    text: String,
}

fn main() -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bad = 0;
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else {
            eprintln!("wordsplit: cannot read standard input as UTF-8");
            return ExitCode::FAILURE;
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Document>(&line) {
            Ok(doc) => {
                let words = doc.text.unicode_word_indices().count();
                if writeln!(out, "{words}").is_err() {
                    return ExitCode::FAILURE;
                }
            }
            Err(_) => bad += 1,
        }
    }
    if bad > 0 {
        eprintln!("wordsplit: {bad} lines were not documents");
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
