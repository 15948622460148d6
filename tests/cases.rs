//! Table-driven cases: texts written for this project in news style, with
//! the quotes, speakers, sentences and quotation marks expected of them.
//!
//! The cases live in `tests/cases/*.txt`, in this format:
//!
//! ```text
//! # a comment
//! === quotes: a name for the case
//! The text, over as many lines (paragraphs) as it needs.
//! ---
//! “Quote text, marks included,” | direct | Jane Doe | cue
//! “A quote that starts like this... | direct | Jane Doe
//! “re-education camps” | scare | -
//! ```
//!
//! Sections: `quotes` (one line per expected quote in marks, in text order:
//! the quote as `Quote::as_str` gives it, with `\n` for a line break, or a
//! prefix ending in `...`; the kind; the speaker's name or `-`; optionally
//! how it was found; read with reported speech off), `reported` (the same
//! for every quote, reported speech without marks too, read with the
//! defaults), `sentences` (one line per expected sentence of the text, in
//! order), `paragraphs` (likewise) and `marks` (one line per quotation-mark
//! character in the text, in order: the character and `opening`, `closing`
//! or `apostrophe`).

use std::fmt::Write as _;
use std::path::Path;

use whosaid::{Extractor, MarkRole, Quote};

struct Case {
    file: String,
    line: usize,
    section: String,
    name: String,
    text: String,
    expected: Vec<String>,
}

fn parse_cases(file: &str, source: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut current: Option<(Case, bool)> = None;
    for (n, line) in source.lines().enumerate() {
        if let Some(header) = line.strip_prefix("=== ") {
            cases.extend(current.take().map(|(c, _)| c));
            let (section, name) = header
                .split_once(':')
                .unwrap_or_else(|| panic!("{file}:{}: header must be `=== section: name`", n + 1));
            current = Some((
                Case {
                    file: file.to_string(),
                    line: n + 1,
                    section: section.trim().to_string(),
                    name: name.trim().to_string(),
                    text: String::new(),
                    expected: Vec::new(),
                },
                false,
            ));
            continue;
        }
        let Some((case, in_expected)) = current.as_mut() else {
            continue; // comments and blank lines before the first case
        };
        if !*in_expected && line == "---" {
            *in_expected = true;
        } else if *in_expected {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                case.expected.push(line.to_string());
            }
        } else {
            if !case.text.is_empty() {
                case.text.push('\n');
            }
            case.text.push_str(line);
        }
    }
    cases.extend(current.map(|(c, _)| c));
    cases
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

/// Checks one expected quote line against a found quote; `None` when it
/// fits, else what differs.
fn quote_mismatch(expected: &str, quote: &Quote<'_>) -> Option<String> {
    let fields: Vec<&str> = expected.split(" | ").map(str::trim).collect();
    assert!(
        (3..=4).contains(&fields.len()),
        "expected line needs 3 or 4 fields: {expected}"
    );
    let want_text = unescape(fields[0]);
    let text_ok = match want_text.strip_suffix("...") {
        Some(prefix) => quote.as_str().starts_with(prefix),
        None => quote.as_str() == want_text,
    };
    // `-` for no name; a fourth field `-` for no speaker at all (a
    // pronoun with nothing to take up is a speaker without a name).
    let speaker = quote.speaker().and_then(|s| s.name()).unwrap_or("-");
    let how = quote.speaker().map_or("-", |s| s.attribution().as_str());
    let ok = text_ok
        && quote.kind().as_str() == fields[1]
        && speaker == fields[2]
        && fields.get(3).is_none_or(|w| how == *w);
    (!ok).then(|| format!("{:?} | {} | {} | {}", quote.as_str(), quote.kind(), speaker, how))
}

fn check_quotes(case: &Case, extractor: &Extractor) -> Result<(), String> {
    let quotes = extractor.extract(&case.text);
    let mut report = String::new();
    for i in 0..quotes.len().max(case.expected.len()) {
        match (case.expected.get(i), quotes.get(i)) {
            (Some(want), Some(got)) => {
                if let Some(got) = quote_mismatch(want, got) {
                    writeln!(report, "  quote {i}: want {want}\n           got  {got}").unwrap();
                }
            }
            (Some(want), None) => writeln!(report, "  quote {i}: want {want}\n           got  nothing").unwrap(),
            (None, Some(got)) => writeln!(
                report,
                "  quote {i}: want nothing\n           got  {:?} | {} | {}",
                got.as_str(),
                got.kind(),
                got.speaker().and_then(|s| s.name()).unwrap_or("-")
            )
            .unwrap(),
            (None, None) => {}
        }
    }
    if report.is_empty() { Ok(()) } else { Err(report) }
}

fn check_list(case: &Case, got: Vec<String>) -> Result<(), String> {
    let want: Vec<String> = case.expected.iter().map(|s| unescape(s)).collect();
    if got == want {
        Ok(())
    } else {
        Err(format!("  want {want:#?}\n  got  {got:#?}\n"))
    }
}

/// The extractors the sections read with: quotes in marks only, and the
/// defaults (reported speech too).
struct Extractors {
    marks_only: Extractor,
    defaults: Extractor,
}

fn check(case: &Case, extractors: &Extractors) -> Result<(), String> {
    let tokens = whosaid::tokenize(&case.text);
    let text = case.text.as_str();
    match case.section.as_str() {
        "quotes" => check_quotes(case, &extractors.marks_only),
        "reported" => check_quotes(case, &extractors.defaults),
        "sentences" => check_list(case, tokens.sentences().map(|s| text[s.range()].to_string()).collect()),
        "paragraphs" => check_list(case, tokens.paragraphs().map(|s| text[s.range()].to_string()).collect()),
        "marks" => check_list(
            case,
            tokens
                .marks()
                .map(|m| {
                    let role = match m.role {
                        MarkRole::Opening => "opening",
                        MarkRole::Closing => "closing",
                        _ => "apostrophe",
                    };
                    format!("{} {role}", &text[m.span.range()])
                })
                .collect(),
        ),
        other => Err(format!("  unknown section {other:?}")),
    }
}

#[test]
fn table_driven_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let extractors = Extractors {
        marks_only: Extractor::builder().reported_speech(false).build().unwrap(),
        defaults: Extractor::new(),
    };
    let (mut total, mut failures) = (0, Vec::new());
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for case in parse_cases(&name, &source) {
            total += 1;
            if let Err(report) = check(&case, &extractors) {
                failures.push(format!(
                    "{}:{}: {}: {}\n{report}",
                    case.file, case.line, case.section, case.name
                ));
            }
        }
    }
    assert!(total >= 60, "only {total} cases in tests/cases");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn case_files_parse() {
    let cases = parse_cases(
        "inline",
        "# c\n=== quotes: one\nA “b,” C said.\n\nD.\n---\n“b,” | direct | C\n",
    );
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].text, "A “b,” C said.\n\nD.");
    assert_eq!(cases[0].expected, vec!["“b,” | direct | C"]);
}
