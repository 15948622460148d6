//! Prints the quotations in news articles and who said them.
//!
//! ```text
//! cargo run --release --example extract -- examples/articles/*.txt
//! cargo run --release --example extract -- --json article.txt
//! cargo run --release --example extract -- --jsonl < docs.jsonl
//! cargo run --release --example extract -- --jsonl --jobs 4 docs.jsonl
//! ```
//!
//! Only the library's public accessors are used, so the example runs
//! without the `serde` feature. The threads of `--jobs` are the example's
//! own (`extract/in_order.rs`): the library has no thread pool.

use std::fmt::Display;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};
use whosaid::{Attribution, Extractor, Quote};

// Shared with the `evaluate` example, which scores what this one writes.
#[path = "extract/in_order.rs"]
mod in_order;
#[path = "common/quote_json.rs"]
mod quote_json;

const USAGE: &str = "\
usage: extract [--json] FILE...
       extract --jsonl [--jobs N] [FILE...]

Prints the quotations in each text FILE and who said them.

  --json    one JSON object per file: {\"id\": FILE, \"quotes\": [...]}
  --jsonl   read JSON Lines documents {\"id\", \"text\"} from the FILEs (or
            stdin) and write one {\"id\", \"quotes\": [...]} line for each
  -j, --jobs N  with --jsonl: read the documents on N threads (default: one
            a core); the lines come out in input order all the same
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
    /// Threads for `--jsonl`: one reads on the calling thread alone.
    jobs: NonZeroUsize,
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
    let mut jobs = None;
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
            Short('j') | Long("jobs") => jobs = Some(parse_jobs(&parser.value()?)?),
            Value(file) => files.push(PathBuf::from(file)),
            _ => return Err(arg.unexpected()),
        }
    }
    if files.is_empty() && format != Format::Jsonl {
        return Err("no input file".into());
    }
    if jobs.is_some() && format != Format::Jsonl {
        return Err("--jobs goes with --jsonl".into());
    }
    // All cores by default; one when the system will not say how many.
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN));
    Ok(Args { format, files, jobs })
}

/// The N of `--jobs N`: a whole number of threads, 1 or more.
fn parse_jobs(value: &std::ffi::OsStr) -> Result<NonZeroUsize, lexopt::Error> {
    let text = value.to_string_lossy();
    text.parse()
        .map_err(|_| format!("--jobs takes a number of threads, 1 or more, not \"{text}\"").into())
}

/// Processes every input. `Ok(false)` means some input could not be used
/// (already reported on stderr); `Err` is a failure to write the output.
fn run(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let extractor = Extractor::new();
    if args.format == Format::Jsonl && args.files.is_empty() {
        return jsonl(&extractor, "<stdin>", io::stdin().lock(), args.jobs, out);
    }
    let mut ok = true;
    for path in &args.files {
        let name = path.display().to_string();
        ok &= match File::open(path) {
            Ok(file) if args.format == Format::Jsonl => jsonl(&extractor, &name, BufReader::new(file), args.jobs, out)?,
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
        Format::Json => {
            let mut line = Vec::new();
            write_json_line(&mut line, &json!(name), text, &quotes);
            out.write_all(&line)?;
        }
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

/// The batches in flight for each thread of `--jobs`: read and not yet
/// written. Enough that a thread finds the next batch waiting while the
/// others work, few enough that memory stays that of a few documents.
const IN_FLIGHT_PER_THREAD: usize = 3;

/// The bytes of JSON Lines a thread of `--jobs` is given at a time: lines
/// are added to a batch until it holds this many (a longer line is a
/// batch of its own).
///
/// PERF: a thread given one document at a time waited and woke twice a
/// document, and `--jobs 2` took 23% more processor time than `--jobs 1`;
/// in batches of 64 KB (some seven news articles) 8% more, with a seventh
/// of the context switches: PolNeAR train eight times over in 0.49 s
/// against 0.58 s (`--jobs 2`, best of three, side by side).
const BATCH_BYTES: usize = 64 * 1024;

/// Reads JSON Lines one line at a time and writes one result line per
/// document, in input order. On one thread only the document at hand is in
/// memory; on `jobs` threads, [`IN_FLIGHT_PER_THREAD`] batches a thread of
/// [`BATCH_BYTES`] (or of one longer line). A bad line is reported and
/// skipped; the lines after it are still processed.
fn jsonl(
    ex: &Extractor,
    name: &str,
    input: impl BufRead,
    jobs: NonZeroUsize,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut lines = Lines {
        input,
        number: 0,
        error: None,
    };
    let mut ok = true;
    // Writes what one line gave, or reports why it gave nothing.
    let mut write = |number: usize, result: &[u8], parsed: Result<(), String>| match parsed {
        Ok(()) => out.write_all(result),
        Err(msg) => {
            ok = fail(&format!("{name}:{number}"), msg);
            Ok(())
        }
    };
    if jobs.get() == 1 {
        // No threads: the buffers serve every line in turn.
        let (mut line, mut result) = (Vec::new(), Vec::new());
        while lines.read(&mut line) {
            result.clear();
            let parsed = document_line(ex, &line, &mut result);
            write(lines.number, &result, parsed)?;
        }
    } else {
        let next = || lines.read_batch();
        let work = |batch: Batch| batch.extract(ex);
        let done = |results: BatchResults| {
            let mut start = 0;
            for (number, end, parsed) in results.lines {
                write(number, &results.bytes[start..end], parsed)?;
                start = end;
            }
            io::Result::Ok(())
        };
        in_order::map_in_order(jobs.get(), jobs.get() * IN_FLIGHT_PER_THREAD, next, work, done)?;
    }
    if let Some(e) = lines.error {
        // A read error (a directory, a failing disk) ends this input, after
        // the lines read before it.
        ok = fail(name, format_args!("cannot read: {e}"));
    }
    Ok(ok)
}

/// The lines of one JSON Lines input, numbered from 1.
struct Lines<R> {
    input: R,
    /// The number of the line last read.
    number: usize,
    /// The read error that ended the input, if one did.
    error: Option<io::Error>,
}

impl<R: BufRead> Lines<R> {
    /// Reads the next line into `line` (its break kept); `false` at the end
    /// of the input or at a read error, which is kept in `error`.
    fn read(&mut self, line: &mut Vec<u8>) -> bool {
        line.clear();
        self.read_onto(line)
    }

    /// Reads the next line onto the end of `bytes`, as [`Lines::read`].
    /// After a read error, `bytes` may end with part of a line.
    fn read_onto(&mut self, bytes: &mut Vec<u8>) -> bool {
        match self.input.read_until(b'\n', bytes) {
            Ok(0) => false,
            Ok(_) => {
                self.number += 1;
                true
            }
            Err(e) => {
                self.error = Some(e);
                false
            }
        }
    }
}

/// Lines read together, to be worked on by one thread.
struct Batch {
    /// Each line's number and end in `bytes` (which, after a read error,
    /// may hold part of a line after the last end).
    lines: Vec<(usize, usize)>,
    bytes: Vec<u8>,
}

/// What the lines of a batch gave, in their order.
struct BatchResults {
    /// Each line's number, the end of its result in `bytes`, and whether it
    /// was a document.
    lines: Vec<(usize, usize, Result<(), String>)>,
    bytes: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    /// The next lines, up to [`BATCH_BYTES`] of them (or one longer line);
    /// `None` at the end of the input.
    fn read_batch(&mut self) -> Option<Batch> {
        let mut batch = Batch {
            lines: Vec::new(),
            bytes: Vec::with_capacity(BATCH_BYTES),
        };
        // Read where they will be worked on: a long line is not copied.
        while batch.bytes.len() < BATCH_BYTES && self.read_onto(&mut batch.bytes) {
            batch.lines.push((self.number, batch.bytes.len()));
        }
        (!batch.lines.is_empty()).then_some(batch)
    }
}

impl Batch {
    fn extract(&self, ex: &Extractor) -> BatchResults {
        let mut results = BatchResults {
            lines: Vec::with_capacity(self.lines.len()),
            bytes: Vec::new(),
        };
        let mut start = 0;
        for &(number, end) in &self.lines {
            let parsed = document_line(ex, &self.bytes[start..end], &mut results.bytes);
            results.lines.push((number, results.bytes.len(), parsed));
            start = end;
        }
        results
    }
}

/// Appends the result line of one JSON Lines document to `result`, or
/// nothing for a blank line; `Err` says why the line is no document.
fn document_line(ex: &Extractor, line: &[u8], result: &mut Vec<u8>) -> Result<(), String> {
    if let Some((id, text)) = parse_document(line)? {
        write_json_line(result, &id, &text, &ex.extract(&text));
    }
    Ok(())
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
    // say) are skipped without being built. The text is not borrowed from
    // the line: news has paragraphs, whose escaped line breaks make
    // serde_json copy it all the same (borrowing saved 0.4% of the
    // instructions on PolNeAR train, callgrind).
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

/// Appends `{"id", "quotes"}` and a line break to `line`. The line is
/// built in full before it is written, so that output cut short never
/// holds half a line.
fn write_json_line(line: &mut Vec<u8>, id: &Value, text: &str, quotes: &[Quote]) {
    quote_json::write_document(line, id, text, quotes);
    line.push(b'\n');
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
