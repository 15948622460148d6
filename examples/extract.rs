//! Prints the quotations in news articles and who said them.
//!
//! ```text
//! cargo run --release --example extract -- examples/articles/*.txt
//! cargo run --release --example extract -- --json article.txt
//! cargo run --release --example extract -- --jsonl < docs.jsonl
//! ```
//!
//! Only the library's public accessors are used, so the example runs
//! without the `serde` feature.

use std::fmt::Display;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};
use whosaid::{Attribution, Extractor, Quote};

// Shared with the `evaluate` example, which scores what this one writes.
#[path = "common/quote_json.rs"]
mod quote_json;

const USAGE: &str = "\
usage: extract [--json] FILE...
       extract --jsonl [FILE...]

Prints the quotations in each text FILE and who said them.

  --json    one JSON object per file: {\"id\": FILE, \"quotes\": [...]}
  --jsonl   read JSON Lines documents {\"id\", \"text\"} from the FILEs (or
            stdin) and write one {\"id\", \"quotes\": [...]} line for each
  -h, --help  print this help
";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

struct Args {
    format: Format,
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprint!("extract: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match run(&args, &mut out).and_then(|ok| out.flush().map(|()| ok)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // The reader went away (`| head`): that is its choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut format = Format::Text;
    let mut files = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                // Ignore errors: a closed stdout must not panic here either.
                let _ = io::stdout().write_all(USAGE.as_bytes());
                std::process::exit(0);
            }
            Long("json" | "jsonl") if format != Format::Text => {
                return Err("--json and --jsonl exclude each other".into());
            }
            Long("json") => format = Format::Json,
            Long("jsonl") => format = Format::Jsonl,
            Value(file) => files.push(PathBuf::from(file)),
            _ => return Err(arg.unexpected()),
        }
    }
    if files.is_empty() && format != Format::Jsonl {
        return Err("no input file".into());
    }
    Ok(Args { format, files })
}

/// Processes every input. `Ok(false)` means some input could not be used
/// (already reported on stderr); `Err` is a failure to write the output.
fn run(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let extractor = Extractor::new();
    if args.format == Format::Jsonl && args.files.is_empty() {
        return jsonl(&extractor, "<stdin>", io::stdin().lock(), out);
    }
    let mut ok = true;
    for path in &args.files {
        let name = path.display().to_string();
        ok &= match File::open(path) {
            Ok(file) if args.format == Format::Jsonl => jsonl(&extractor, &name, BufReader::new(file), out)?,
            Ok(file) => text_file(&extractor, &name, file, args.format, out)?,
            Err(e) => fail(&name, format_args!("cannot read: {e}")),
        };
        // Keep stdout in step with the error messages on stderr.
        out.flush()?;
    }
    Ok(ok)
}

/// Reports on one text file, as text or as one JSON line.
fn text_file(ex: &Extractor, name: &str, mut file: File, format: Format, out: &mut impl Write) -> io::Result<bool> {
    let mut bytes = Vec::new();
    if let Err(e) = file.read_to_end(&mut bytes) {
        return Ok(fail(name, format_args!("cannot read: {e}")));
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => return Ok(fail(name, utf8_error(e))),
    };
    if text.trim().is_empty() {
        // Not an error (an empty text holds no quotes), but worth a word.
        eprintln!("extract: {name}: empty, no text to read");
    }
    let quotes = ex.extract(text);
    match format {
        Format::Json => write_json_line(out, json!(name), text, &quotes)?,
        _ => write_report(out, name, &quotes)?,
    }
    Ok(true)
}

/// Reports an input that could not be used, and returns `false` for the
/// exit status.
fn fail(place: &str, msg: impl Display) -> bool {
    eprintln!("extract: {place}: {msg}");
    false
}

fn utf8_error(e: std::str::Utf8Error) -> String {
    format!("not UTF-8: invalid byte at offset {}", e.valid_up_to())
}

/// Reads JSON Lines one line at a time, so that only one document is in
/// memory, and writes one result line per document, in input order. A bad
/// line is reported and skipped; the lines after it are still processed.
fn jsonl(ex: &Extractor, name: &str, mut input: impl BufRead, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => return Ok(ok),
            Ok(_) => number += 1,
            // A read error (a directory, a failing disk) ends this input.
            Err(e) => return Ok(fail(name, format_args!("cannot read: {e}"))),
        }
        match parse_document(&line) {
            Ok(None) => {}
            Ok(Some((id, text))) => write_json_line(out, id, &text, &ex.extract(&text))?,
            Err(msg) => ok = fail(&format!("{name}:{number}"), msg),
        }
    }
}

/// The fields of a JSON Lines document that are read.
#[derive(serde::Deserialize)]
struct Document {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    text: Value,
}

/// The `id` and `text` of one JSON Lines document, or `None` for a blank
/// line.
fn parse_document(line: &[u8]) -> Result<Option<(Value, String)>, String> {
    // Without its line break, so that serde_json's errors point into the line.
    let line = std::str::from_utf8(line).map_err(utf8_error)?.trim_end();
    if line.is_empty() {
        return Ok(None);
    }
    // Only `id` and `text` are read; other fields (an annotation's quotes,
    // say) are skipped without being built.
    let doc: Document = serde_json::from_str(line).map_err(not_json)?;
    let Value::String(text) = doc.text else {
        return Err("no string \"text\" field".to_string());
    };
    // The id is echoed as given, string or number; a missing one is null.
    Ok(Some((doc.id, text)))
}

/// serde_json's message without its "at line 1": the line number that
/// matters is the one in the input, given beside the message.
fn not_json(e: serde_json::Error) -> String {
    let msg = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match msg.strip_suffix(&position) {
        Some(what) => format!("not JSON: {what} (column {})", e.column()),
        None => format!("not JSON: {msg}"),
    }
}

/// Writes `{"id", "quotes"}` as one line. The line is built in full before
/// it is written, so that output cut short never holds half a line.
fn write_json_line(out: &mut impl Write, id: Value, text: &str, quotes: &[Quote]) -> io::Result<()> {
    let mut line = Vec::new();
    quote_json::write_document(&mut line, &id, text, quotes);
    line.push(b'\n');
    out.write_all(&line)
}

/// The report for people: a header per file, then each quote with its kind
/// and, for speech, its speaker on the line below.
fn write_report(out: &mut impl Write, name: &str, quotes: &[Quote]) -> io::Result<()> {
    match quotes.len() {
        0 => writeln!(out, "== {name}: no quotes")?,
        1 => writeln!(out, "== {name}: 1 quote")?,
        n => writeln!(out, "== {name}: {n} quotes")?,
    }
    let width = quotes.len().to_string().len();
    // Lines after the first (paragraphs of a long quote, the speaker) are
    // indented to line up under the quote's text.
    let indent = " ".repeat(width + 12);
    for (i, q) in quotes.iter().enumerate() {
        let mut lines = q.as_str().lines().filter(|l| !l.trim().is_empty());
        let first = lines.next().unwrap_or_default();
        writeln!(out, "{:>width$}. {:<8}  {first}", i + 1, q.kind().as_str())?;
        for line in lines {
            writeln!(out, "{indent}{line}")?;
        }
        if let Some(speaker) = speaker_line(q) {
            writeln!(out, "{indent}{speaker}")?;
        }
    }
    writeln!(out)
}

/// `— Name (how it was found)` for speech; nothing for scare quotes and
/// titles, which nobody is reported to have said.
fn speaker_line(q: &Quote) -> Option<String> {
    let Some(s) = q.speaker() else {
        return q.kind().is_speech().then(|| "— speaker unknown".to_string());
    };
    let (name, mention) = (s.name().unwrap_or("unknown"), s.mention_str());
    let how = match s.attribution() {
        Attribution::Pronoun => format!(" (via pronoun “{mention}”)"),
        Attribution::Description if mention != name => format!(" (via “{mention}”)"),
        Attribution::Continuation => " (continuing the quote before)".to_string(),
        Attribution::Narration => " (the person the sentence before is about)".to_string(),
        // Say how the text named them when it is not the full name.
        Attribution::Cue if mention != name => format!(" (as “{mention}”)"),
        _ => String::new(),
    };
    Some(format!("— {name}{how}"))
}
