//! Writes an HTML page of news articles with their quotes highlighted, one
//! colour per speaker, and a table of who speaks how much.
//!
//! ```text
//! cargo run --release --example report -- examples/articles/harbour-bridge.txt > report.html
//! cargo run --release --example report -- --title "This week" articles/*.txt > week.html
//! ```
//!
//! The page is one file with its styles and script inline: it needs no
//! network and opens offline.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use whosaid::Extractor;

#[path = "report/mod.rs"]
mod report;

const USAGE: &str = "\
usage: report [--title TEXT] FILE... > report.html

Writes one self-contained HTML page showing the quotations in each text
FILE, highlighted by speaker, with a table of speakers (and, for several
files, a summary across them).

  --title TEXT  the page's title (default: the file name, or \"Quotes in N articles\")
  -h, --help    print this help
";

struct Args {
    title: Option<String>,
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprint!("report: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let texts: Vec<(String, Option<String>)> = args.files.iter().map(|p| read(p)).collect();
    let extractor = Extractor::new();
    let articles: Vec<report::Article> = texts
        .iter()
        .filter_map(|(name, text)| text.as_deref().map(|t| (name, t)))
        .map(|(name, text)| report::Article {
            name: name.clone(),
            text,
            quotes: extractor.extract(text),
        })
        .collect();
    let title = args.title.unwrap_or_else(|| match articles.as_slice() {
        [one] => format!("Quotes in {}", one.name),
        many => format!("Quotes in {} articles", many.len()),
    });
    let page = report::render(&title, &articles);
    let written = io::stdout().lock().write_all(page.as_bytes());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("report: cannot write output: {e}");
            ExitCode::FAILURE
        }
        _ if articles.len() < texts.len() => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut title = None;
    let mut files = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                let _ = io::stdout().write_all(USAGE.as_bytes());
                std::process::exit(0);
            }
            Long("title") => title = Some(parser.value()?.string()?),
            Value(file) => files.push(PathBuf::from(file)),
            _ => return Err(arg.unexpected()),
        }
    }
    if files.is_empty() {
        return Err("no input file".into());
    }
    Ok(Args { title, files })
}

/// The file's name and text; no text (and a message on stderr) when it
/// cannot be read as UTF-8. The page shows the files that could.
fn read(path: &std::path::Path) -> (String, Option<String>) {
    let name = path.display().to_string();
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map_err(|e| {
                eprintln!(
                    "report: {name}: not UTF-8: invalid byte at offset {}",
                    e.utf8_error().valid_up_to()
                )
            })
            .ok(),
        Err(e) => {
            eprintln!("report: {name}: cannot read: {e}");
            None
        }
    };
    (name, text)
}
