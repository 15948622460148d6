//! What a user sees: `extract --jsonl` (the library's example, as a user
//! runs it) against `wordsplit` (serde_json and `unicode_word_indices`
//! over the same JSON Lines), in one run, the programs taking turns.
//!
//! ```text
//! cd benches && cargo run --release --bin endtoend
//! cd benches && cargo run --release --bin endtoend -- --times 8 --runs 5
//! cd benches && cargo run --release --bin endtoend -- --generated
//! ```
//!
//! The input is PolNeAR train (`../shared/eval/polnear/train.jsonl`, read
//! at run time when it is there; never copied into the repository)
//! repeated `--times` times, or else (or with `--generated`) the generated
//! news of `whosaid_benches::news` as JSON Lines of about as many bytes,
//! written to a temporary file. Both programs are built first (release), then run
//! whole, as processes, standard input from the file and standard output
//! to nowhere: `wordsplit`, `extract --jsonl --jobs 1` and, on a machine
//! of more than one core, `extract --jsonl --jobs N` for N all cores. Each
//! time is the fastest of `--runs` rounds; the load average is printed
//! before and after, since a busy machine makes them noisy.
//!
//! Targets (issue 15): `extract` on one thread at least 1.5 times as fast
//! as `wordsplit`; on two threads at least 1.8 times as fast as on one;
//! the output of every `--jobs` the same bytes. The exit code is 1 when a
//! target is missed.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use whosaid_benches::{news, number_after};

/// `extract --jobs 1` against `wordsplit`: at least this many times as fast.
const ONE_THREAD_TARGET: f64 = 1.5;
/// `extract --jobs 2` against `--jobs 1`: at least this many times as fast.
const TWO_THREADS_TARGET: f64 = 1.8;

struct Args {
    times: usize,
    runs: u32,
    /// Generated news even when PolNeAR train is there.
    generated: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        times: 8,
        runs: 5,
        generated: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--times" => args.times = number_after(&mut it, "--times")?.max(1),
            "--runs" => args.runs = number_after(&mut it, "--runs")?.max(1) as u32,
            "--generated" => args.generated = true,
            "-h" | "--help" => {
                println!("usage: endtoend [--times N (8): PolNeAR train N times] [--runs N (5)] [--generated]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

/// One program to time: a name for the table and its command line.
struct Program {
    name: String,
    path: PathBuf,
    args: Vec<String>,
}

impl Program {
    /// One run, its output thrown away: how long it took.
    fn time(&self, input: &Path) -> Result<Duration, String> {
        let started = Instant::now();
        self.run(input, Stdio::null())?;
        Ok(started.elapsed())
    }

    /// One run with its output kept, to compare it with another's.
    fn output(&self, input: &Path) -> Result<Vec<u8>, String> {
        let file = input.with_extension(format!("out{}", self.args.join("")));
        self.run(input, std::fs::File::create(&file).map_err(|e| e.to_string())?.into())?;
        let out = std::fs::read(&file).map_err(|e| e.to_string());
        let _ = std::fs::remove_file(&file);
        out
    }

    fn run(&self, input: &Path, stdout: Stdio) -> Result<(), String> {
        let stdin = std::fs::File::open(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let status = Command::new(&self.path)
            .args(&self.args)
            .stdin(stdin)
            .stdout(stdout)
            .status()
            .map_err(|e| format!("{}: {e}", self.path.display()))?;
        if !status.success() {
            return Err(format!("{} failed: {status}", self.name));
        }
        Ok(())
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("endtoend: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool, String> {
    let args = parse_args()?;
    let (wordsplit, extract) = build()?;
    let dir = std::env::temp_dir().join(format!("whosaid-endtoend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let result = compare(&args, &dir, wordsplit, extract);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Builds `wordsplit` and the library's `extract` example (release), and
/// returns their paths.
fn build() -> Result<(PathBuf, PathBuf), String> {
    let benches = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = benches.parent().expect("benches/ is inside the repository");
    let cargo = |dir: &Path, what: &[&str]| -> Result<(), String> {
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "--quiet"])
            .args(what)
            .current_dir(dir)
            .status()
            .map_err(|e| format!("cargo: {e}"))?;
        status
            .success()
            .then_some(())
            .ok_or(format!("cargo build {what:?} failed"))
    };
    cargo(benches, &["--bin", "wordsplit"])?;
    cargo(root, &["--example", "extract"])?;
    let exe = std::env::consts::EXE_SUFFIX;
    Ok((
        benches.join(format!("target/release/wordsplit{exe}")),
        root.join(format!("target/release/examples/extract{exe}")),
    ))
}

/// Writes the input, times the programs in turns and prints the figures.
/// `Ok(false)` when a target is missed.
fn compare(args: &Args, dir: &Path, wordsplit: PathBuf, extract: PathBuf) -> Result<bool, String> {
    let (input, what) = write_input(dir, args.times, args.generated)?;
    let bytes = std::fs::metadata(&input).map_err(|e| e.to_string())?.len() as f64;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut programs = vec![Program {
        name: "wordsplit (serde_json + unicode_word_indices)".into(),
        path: wordsplit,
        args: vec![],
    }];
    let jobs: Vec<usize> = if cores > 1 { vec![1, cores] } else { vec![1] };
    for &n in &jobs {
        let name = format!("extract --jsonl --jobs {n}");
        let args = vec!["--jsonl".into(), "--jobs".into(), n.to_string()];
        programs.push(Program {
            name,
            path: extract.clone(),
            args,
        });
    }
    println!(
        "input: {what}, {:.1} MB; {cores} cores; load average {}",
        bytes / 1e6,
        load_average()
    );

    // The output of every --jobs, the same bytes (and a first run of each
    // program, to warm the file cache).
    let one = programs[1].output(&input)?;
    let mut ok = true;
    for p in &programs[2..] {
        let same = p.output(&input)? == one;
        println!(
            "{}: output {} --jobs 1's",
            p.name,
            if same { "the same bytes as" } else { "DIFFERS from" }
        );
        ok &= same;
    }
    programs[0].time(&input)?;

    let mut best = vec![Duration::MAX; programs.len()];
    for _ in 0..args.runs {
        for (p, best) in programs.iter().zip(&mut best) {
            *best = (*best).min(p.time(&input)?);
        }
    }
    println!("\n| program | best of {} | MB/s | against wordsplit |", args.runs);
    println!("|---|---|---|---|");
    for (p, t) in programs.iter().zip(&best) {
        let speed = best[0].as_secs_f64() / t.as_secs_f64();
        println!(
            "| `{}` | {:.3} s | {:.1} | {speed:.2}× |",
            p.name,
            t.as_secs_f64(),
            bytes / 1e6 / t.as_secs_f64()
        );
    }
    println!("\nload average after: {}", load_average());

    let one_thread = best[0].as_secs_f64() / best[1].as_secs_f64();
    ok &= report("extract --jobs 1 against wordsplit", one_thread, ONE_THREAD_TARGET);
    if cores == 2 {
        let two_threads = best[1].as_secs_f64() / best[2].as_secs_f64();
        ok &= report("extract --jobs 2 against --jobs 1", two_threads, TWO_THREADS_TARGET);
    }
    Ok(ok)
}

/// Prints a ratio against its target; `false` when it is missed.
fn report(what: &str, ratio: f64, target: f64) -> bool {
    let met = ratio >= target;
    println!(
        "{what}: {ratio:.2}× (target {target}×) {}",
        if met { "ok" } else { "MISSED" }
    );
    met
}

/// PolNeAR train `times` times over when it is there (and `generated` is
/// not asked for), else generated news of about the same size, as a JSON
/// Lines file in `dir`; and what it is.
fn write_input(dir: &Path, times: usize, generated: bool) -> Result<(PathBuf, String), String> {
    let polnear = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/polnear/train.jsonl");
    let input = dir.join("input.jsonl");
    let (once, what) = match std::fs::read(&polnear) {
        Ok(bytes) if !generated => (bytes, format!("PolNeAR train {times} times")),
        _ => (generated_news(7_600_000), format!("generated news, {times} times")),
    };
    std::fs::write(&input, once.repeat(times)).map_err(|e| e.to_string())?;
    Ok((input, what))
}

/// News articles from the generator as JSON Lines `{"id", "text"}`.
fn generated_news(bytes: usize) -> Vec<u8> {
    let mut lines = Vec::new();
    for (i, text) in news::corpus(bytes, 15).into_iter().enumerate() {
        let line = serde_json::json!({"id": format!("news-{i}"), "text": text});
        lines.extend_from_slice(format!("{line}\n").as_bytes());
    }
    lines
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}
