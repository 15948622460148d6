//! The `extract` example as a user runs it, on inputs it cannot use: a
//! missing file, a directory, bytes that are not UTF-8, an empty file,
//! JSON Lines that are not JSON or have no `text`, a very long line, and a
//! reader that goes away. Each bad input gives one message on stderr that
//! names it (and its line, for JSON Lines); the other inputs are still
//! processed; the exit code is 1 when any input failed; stdout never holds
//! half a JSON line.
//!
//! The example is built once (`cargo build --example extract`, in the
//! profile of this test) and then run directly.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The `extract` example, built on first use.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        // This test runs as target/<profile>/deps/cli-<hash>; the example
        // goes to target/<profile>/examples/.
        let exe = std::env::current_exe().expect("the test's own path");
        let profile_dir = exe.parent().and_then(Path::parent).expect("target/<profile>/deps");
        let profile = match profile_dir.file_name().and_then(OsStr::to_str) {
            Some("debug") => "dev",
            Some(other) => other,
            None => "dev",
        };
        let status = Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "--example",
                "extract",
                "--profile",
                profile,
                "--manifest-path",
            ])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .arg("--target-dir")
            .arg(profile_dir.parent().expect("the target directory"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build --example extract failed");
        let binary = profile_dir
            .join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
        assert!(binary.is_file(), "{} was not built", binary.display());
        binary
    })
}

/// What one run of the example gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The lines of stderr.
    fn errors(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// Every line of stdout as JSON: none may be half written.
    fn json_lines(&self) -> Vec<Value> {
        assert!(
            self.stdout.is_empty() || self.stdout.ends_with('\n'),
            "stdout ends in half a line"
        );
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}")))
            .collect()
    }

    /// The ids of the JSON lines, in order.
    fn ids(&self) -> Vec<Value> {
        self.json_lines().into_iter().map(|doc| doc["id"].clone()).collect()
    }
}

/// Runs the example with `args` in `dir`, `stdin` as its standard input.
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The example may stop reading early; that is not this test's error.
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().expect("the example runs");
    writer.join().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A fresh directory for one test, with `files` written in it.
fn workdir(test: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a-directory")).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    dir
}

const GOOD: &[u8] =
    "Councillor Ada Finch voted against the plan.\n“It leaves the libraries with nothing,” she said.\n".as_bytes();
const ALSO_GOOD: &[u8] = "“We will reopen the pier in May,” said Harbour Master Tomasz Wren.\n".as_bytes();
const NOT_UTF8: &[u8] = b"\xe2\x80\x9cWe are ready,\xe2\x80\x9d said Jo Bloggs. \xff\xfe and more.\n";

/// The text files every file-mode test runs on: two good ones around every
/// kind of bad one.
fn text_files(test: &str) -> PathBuf {
    workdir(
        test,
        &[
            ("good.txt", GOOD),
            ("not-utf8.txt", NOT_UTF8),
            ("empty.txt", b""),
            ("also-good.txt", ALSO_GOOD),
        ],
    )
}

const TEXT_ARGS: &[&str] = &[
    "good.txt",
    "missing.txt",
    "a-directory",
    "not-utf8.txt",
    "empty.txt",
    "also-good.txt",
];

/// Checks that stderr holds exactly one line for each of `bad`, in order,
/// naming it, with a message that says what is wrong.
fn assert_errors(run: &Run, bad: &[(&str, &str)]) {
    let errors = run.errors();
    assert_eq!(errors.len(), bad.len(), "stderr: {:?}", run.stderr);
    for (line, (place, what)) in errors.iter().zip(bad) {
        let prefix = format!("extract: {place}: ");
        assert!(line.starts_with(&prefix), "{line:?} does not name {place}");
        assert!(line.contains(what), "{line:?} does not say {what:?}");
    }
}

#[test]
fn text_mode_reports_bad_files_and_goes_on() {
    let dir = text_files("text_mode");
    let run = run(&dir, TEXT_ARGS, b"");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_errors(
        &run,
        &[
            ("missing.txt", "cannot read"),
            ("a-directory", "cannot read"),
            ("not-utf8.txt", "not UTF-8: invalid byte at offset 36"),
            ("empty.txt", "empty"),
        ],
    );
    let headers: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("== ")).collect();
    assert_eq!(
        headers,
        [
            "== good.txt: 1 quote",
            "== empty.txt: no quotes",
            "== also-good.txt: 1 quote"
        ]
    );
    assert!(run.stdout.contains("— Ada Finch (via pronoun “she”)"), "{}", run.stdout);
    assert!(run.stdout.contains("— Tomasz Wren"), "{}", run.stdout);
}

#[test]
fn json_mode_reports_bad_files_and_writes_whole_lines() {
    let dir = text_files("json_mode");
    let args: Vec<&str> = ["--json"].iter().chain(TEXT_ARGS).copied().collect();
    let run = run(&dir, &args, b"");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_errors(
        &run,
        &[
            ("missing.txt", "cannot read"),
            ("a-directory", "cannot read"),
            ("not-utf8.txt", "not UTF-8"),
            ("empty.txt", "empty"),
        ],
    );
    assert_eq!(run.ids(), ["good.txt", "empty.txt", "also-good.txt"]);
    let docs = run.json_lines();
    assert_eq!(docs[0]["quotes"][0]["speaker"], "Ada Finch");
    assert_eq!(docs[1]["quotes"], Value::Array(vec![]));
    assert_eq!(docs[2]["quotes"][0]["speaker"], "Tomasz Wren");
}

#[test]
fn good_files_alone_exit_zero() {
    let dir = text_files("good_files");
    for args in [&["good.txt", "empty.txt"][..], &["--json", "good.txt", "empty.txt"]] {
        let run = run(&dir, args, b"");
        // An empty file is worth a word on stderr, but it is no failure.
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (Some(0), "extract: empty.txt: empty, no text to read\n"),
            "{args:?}"
        );
    }
}

/// JSON Lines with a bad line of every kind between good ones.
fn jsonl_input() -> Vec<u8> {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": \"one\", \"text\": \"\\u201cWe are ready,\\u201d said Jo Bloggs.\"}\n");
    input.extend_from_slice(b"{\"id\": \"two\", \"text\": \"unterminated\n"); // line 2: not JSON
    input.extend_from_slice(b"{\"id\": \"three\"}\n"); // line 3: no text
    input.extend_from_slice(b"{\"id\": \"four\", \"text\": 4}\n"); // line 4: text not a string
    input.extend_from_slice(b"[\"five\"]\n"); // line 5: not an object
    input.extend_from_slice(b"{\"id\": \"six\", \"text\": \"caf\xe9\"}\n"); // line 6: not UTF-8
    input.extend_from_slice(b"\n   \r\n"); // lines 7 and 8: blank, skipped
    input.extend_from_slice("{\"id\": 9, \"text\": \"“Fine,” said Mr Ola Dube.\"}\r\n".as_bytes());
    input.extend_from_slice(b"{\"text\": \"no id\"}"); // line 10, no final line break
    input
}

const JSONL_ERRORS: &[(&str, &str)] = &[
    (":2", "not JSON"),
    (":3", "no string \"text\" field"),
    (":4", "no string \"text\" field"),
    (":5", "no string \"text\" field"),
    (":6", "not UTF-8"),
];

#[test]
fn jsonl_reports_bad_lines_by_number_and_goes_on() {
    let dir = workdir("jsonl_lines", &[("docs.jsonl", &jsonl_input())]);
    let run = run(&dir, &["--jsonl", "docs.jsonl"], b"");
    assert_eq!(run.code, Some(1), "{run:?}");
    let expected: Vec<(String, &str)> = JSONL_ERRORS
        .iter()
        .map(|(n, what)| (format!("docs.jsonl{n}"), *what))
        .collect();
    let expected: Vec<(&str, &str)> = expected.iter().map(|(place, what)| (place.as_str(), *what)).collect();
    assert_errors(&run, &expected);
    assert_eq!(run.ids(), [Value::from("one"), Value::from(9), Value::Null]);
    assert_eq!(run.json_lines()[1]["quotes"][0]["speaker"], "Ola Dube");
    // serde_json's own "line 1" is not given: the line is the input's.
    assert!(!run.stderr.contains("at line"), "{}", run.stderr);
}

#[test]
fn jsonl_from_stdin_names_stdin() {
    let dir = workdir("jsonl_stdin", &[]);
    let run = run(&dir, &["--jsonl"], &jsonl_input());
    assert_eq!(run.code, Some(1), "{run:?}");
    let expected: Vec<(String, &str)> = JSONL_ERRORS
        .iter()
        .map(|(n, what)| (format!("<stdin>{n}"), *what))
        .collect();
    let expected: Vec<(&str, &str)> = expected.iter().map(|(place, what)| (place.as_str(), *what)).collect();
    assert_errors(&run, &expected);
    assert_eq!(run.ids().len(), 3);
}

#[test]
fn jsonl_reports_bad_files_and_goes_on() {
    let good = b"{\"id\": \"a\", \"text\": \"\\u201cYes,\\u201d said Jo Bloggs.\"}\n";
    let dir = workdir(
        "jsonl_files",
        &[
            ("good.jsonl", good),
            ("empty.jsonl", b""),
            ("not-utf8.jsonl", NOT_UTF8),
            ("also-good.jsonl", b"{\"id\": \"b\", \"text\": \"\"}\n"),
        ],
    );
    let args = [
        "--jsonl",
        "good.jsonl",
        "missing.jsonl",
        "a-directory",
        "empty.jsonl",
        "not-utf8.jsonl",
        "also-good.jsonl",
    ];
    let run = run(&dir, &args, b"");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_errors(
        &run,
        &[
            ("missing.jsonl", "cannot read"),
            ("a-directory", "cannot read"),
            ("not-utf8.jsonl:1", "not UTF-8"),
        ],
    );
    assert_eq!(run.ids(), ["a", "b"]);
}

/// The number of bytes of text in the long-line test: 5 MB keeps it quick
/// in a debug build. The 50 MB case, checked by hand with the release
/// build, is in the README's Fuzzing section.
const LONG_LINE_BYTES: usize = 5_000_000;

#[test]
fn a_very_long_line_is_one_document() {
    // One paragraph of plain sentences, with a quote in every thousandth
    // (so the output stays small and the time is the input's).
    let plain = "Councillors met again on Tuesday to talk about the bridge and the harbour wall. ";
    let quoted = "“The ferry will run again next week,” said Harbour Master Tomasz Wren. ";
    let block = format!("{}{quoted}", plain.repeat(999));
    let blocks = LONG_LINE_BYTES / block.len();
    let text = block.repeat(blocks);
    let line = serde_json::json!({"id": "long", "text": text}).to_string();
    let mut input = line.into_bytes();
    input.extend_from_slice(b"\n{\"id\": \"after\", \"text\": \"x\"}\n{\"id\": \"bad\"}\n");
    let dir = workdir("long_line", &[("long.jsonl", &input)]);
    let started = Instant::now();
    let run = run(&dir, &["--jsonl", "long.jsonl"], b"");
    let took = started.elapsed();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_errors(&run, &[("long.jsonl:3", "no string \"text\" field")]);
    let docs = run.json_lines();
    assert_eq!(run.ids(), ["long", "after"]);
    let quotes = docs[0]["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), blocks);
    assert!(quotes.iter().all(|q| q["speaker"] == "Tomasz Wren"));
    assert!(took < Duration::from_secs(120), "took {took:?}");
}

/// Runs the example with its stdout read by a reader that stops after one
/// line, like `| head -1`: the example must end quietly, exit code 0.
fn closed_pipe(dir: &Path, args: &[&str]) {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty());
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!((out.status.code(), stderr.as_ref()), (Some(0), ""), "{args:?}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Far more output than a pipe holds, so that writes meet the closed end.
    let line =
        "{\"id\": \"d\", \"text\": \"\\u201cWe will not move,\\u201d said Jo Bloggs, the tenants' spokeswoman.\"}\n";
    let article = "“We will not move,” said Jo Bloggs, the tenants’ spokeswoman.\n".repeat(5_000);
    let dir = workdir(
        "closed_pipe",
        &[
            ("docs.jsonl", line.repeat(20_000).as_bytes()),
            ("article.txt", article.as_bytes()),
        ],
    );
    closed_pipe(&dir, &["--jsonl", "docs.jsonl"]);
    closed_pipe(&dir, &["--json", "article.txt", "article.txt", "article.txt"]);
    closed_pipe(&dir, &["article.txt", "article.txt", "article.txt"]);
}

#[test]
fn usage_errors_exit_two() {
    let dir = workdir("usage", &[]);
    for args in [&[][..], &["--json", "--jsonl"], &["--frobnicate", "x.txt"]] {
        let run = run(&dir, args, b"");
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(run.stderr.starts_with("extract: "), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("usage: extract"), "{args:?}");
        assert_eq!(run.stdout, "");
    }
}

/// Many documents of many lengths, with the bad lines of [`jsonl_input`]
/// among them: enough to fill several batches of `--jobs`.
fn many_documents() -> Vec<u8> {
    let mut input = Vec::new();
    for i in 0..400 {
        let quote = format!("“Plan {i} will go ahead,” said Councillor Ada Finch{}. ", i % 7);
        let text = format!("The council met on Tuesday. {}\n\n", quote.repeat(1 + i * 37 % 90));
        let doc = serde_json::json!({"id": i, "text": text});
        input.extend_from_slice(format!("{doc}\n").as_bytes());
        if i % 50 == 25 {
            input.extend_from_slice(&jsonl_input());
            input.push(b'\n');
        }
    }
    input
}

#[test]
fn jobs_write_what_one_job_writes_in_input_order() {
    let dir = workdir("jobs", &[("docs.jsonl", &many_documents())]);
    let one = run(&dir, &["--jsonl", "--jobs", "1", "docs.jsonl"], b"");
    assert_eq!(one.code, Some(1), "{}", one.stderr);
    let ids = one.ids();
    assert_eq!(ids.len(), 400 + 8 * 3);
    assert_eq!(ids[0], 0);
    assert_eq!(ids[ids.len() - 1], 399);
    for args in [&["--jobs", "2"][..], &["-j", "3"], &["--jobs=8"], &[]] {
        let args: Vec<&str> = ["--jsonl", "docs.jsonl"].iter().chain(args).copied().collect();
        let many = run(&dir, &args, b"");
        assert_eq!(many.code, one.code, "{args:?}");
        assert!(many.stdout == one.stdout, "{args:?}: stdout differs from --jobs 1");
        // The bad lines are reported as on one thread, in the same order.
        assert_eq!(many.stderr, one.stderr, "{args:?}");
    }
}

#[test]
fn jobs_read_every_file_and_stdin() {
    let good = b"{\"id\": \"a\", \"text\": \"\\u201cYes,\\u201d said Jo Bloggs.\"}\n";
    let dir = workdir("jobs_files", &[("good.jsonl", good), ("bad.jsonl", &jsonl_input())]);
    let args = [
        "--jsonl",
        "--jobs",
        "2",
        "good.jsonl",
        "missing.jsonl",
        "bad.jsonl",
        "good.jsonl",
    ];
    let files = run(&dir, &args, b"");
    assert_eq!(files.code, Some(1), "{files:?}");
    let mut expected = vec![("missing.jsonl".to_string(), "cannot read")];
    expected.extend(JSONL_ERRORS.iter().map(|(n, what)| (format!("bad.jsonl{n}"), *what)));
    let expected: Vec<(&str, &str)> = expected.iter().map(|(place, what)| (place.as_str(), *what)).collect();
    assert_errors(&files, &expected);
    assert_eq!(
        files.ids(),
        [
            Value::from("a"),
            Value::from("one"),
            Value::from(9),
            Value::Null,
            Value::from("a")
        ]
    );
    let stdin = run(&dir, &["--jsonl", "--jobs", "2"], &jsonl_input());
    assert_eq!(stdin.ids(), [Value::from("one"), Value::from(9), Value::Null]);
}

#[test]
fn bad_jobs_are_refused() {
    let dir = workdir("bad_jobs", &[]);
    for (args, says) in [
        (
            &["--jsonl", "--jobs", "0"][..],
            "--jobs takes a number of threads, 1 or more, not \"0\"",
        ),
        (&["--jsonl", "--jobs", "-2"], "--jobs"),
        (&["--jsonl", "--jobs", "two"], "not \"two\""),
        (&["--jsonl", "--jobs", ""], "not \"\""),
        (&["--jsonl", "--jobs"], "missing argument for option '--jobs'"),
        (&["--jobs", "2", "x.txt"], "--jobs goes with --jsonl"),
        (&["--json", "--jobs", "2", "x.txt"], "--jobs goes with --jsonl"),
    ] {
        let run = run(&dir, args, b"");
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(run.stderr.starts_with("extract: "), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("usage: extract"), "{args:?}");
        assert_eq!(run.stdout, "");
    }
}
