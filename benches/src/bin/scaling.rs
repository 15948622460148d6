//! Checks that the whole pipeline's cost is linear in its input.
//!
//! ```text
//! cd benches && cargo run --release --bin scaling
//! cd benches && cargo run --release --bin scaling -- --base 500000 --steps 2
//! ```
//!
//! 1. News: the generated corpus at 1×, 4× and 16× the base size, once as
//!    ONE document (the articles concatenated) and once as many documents
//!    (one per article). Target: each 4× step of input takes at most 5× the
//!    time.
//! 2. Hostile inputs ([`whosaid_benches::news::Hostile`]) at the base size
//!    and 4× it, as one document each. Targets: a byte of hostile input
//!    costs at most 3× a byte of news (one document of the same size), and
//!    4× the input takes at most 5× the time.
//!
//! Each time is the fastest of several runs (at least `--runs`, and more
//! until about three seconds have been spent), and the sizes compared are
//! run in turns, one of each a round, so that a change in the machine's
//! load falls on both sides of a ratio alike. The load average is printed
//! before and after. The exit code is 1 when a target is missed.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use whosaid::Extractor;
use whosaid_benches::news::{self, Hostile};
use whosaid_benches::number_after;

/// A 4× step of input may take at most this many times as long.
const STEP_TARGET: f64 = 5.0;
/// A byte of hostile input may cost at most this many bytes of news.
const HOSTILE_TARGET: f64 = 3.0;
/// Past this, a measurement is not repeated, nor made at a larger size.
const TOO_SLOW: Duration = Duration::from_secs(20);

struct Args {
    base: usize,
    steps: u32,
    runs: u32,
    /// Run the pipeline once on this input (`news`, `news-docs` or a
    /// hostile kind's name) of `base` bytes, and stop: for counting
    /// instructions under valgrind, where time is no measure.
    once: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        base: 1_000_000,
        steps: 3,
        runs: 3,
        once: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--base" => args.base = number_after(&mut it, "--base")?.max(1000),
            "--steps" => args.steps = number_after(&mut it, "--steps")?.clamp(1, 5) as u32,
            "--runs" => args.runs = number_after(&mut it, "--runs")?.max(1) as u32,
            "--once" => args.once = Some(it.next().ok_or("--once needs an input name")?),
            "-h" | "--help" => {
                println!("usage: scaling [--base BYTES (1000000)] [--steps N (3: 1×, 4×, 16×)] [--runs N (3)]");
                println!("       scaling --once INPUT --base BYTES   (INPUT: news, news-docs, or a hostile kind)");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

/// The fastest time of each of `works`, run in turns (one of each a round)
/// so that a change in the machine's load falls on all of them alike: at
/// least `runs` rounds, and more until about three seconds have passed.
/// A first round runs them in order and stops at the first that takes
/// longer than [`TOO_SLOW`]: those after it are not measured (`None`).
fn fastest_in_turns(runs: u32, works: &[&dyn Fn() -> usize]) -> Vec<Option<Duration>> {
    let mut best = Vec::new();
    for work in works {
        let t = Instant::now();
        black_box(work());
        let t = t.elapsed();
        best.push(t);
        if t > TOO_SLOW {
            break;
        }
    }
    let measured = best.len();
    let start = Instant::now();
    let mut n = 1;
    while best.iter().all(|t| *t <= TOO_SLOW) && (n < runs || (start.elapsed() < Duration::from_secs(3) && n < 100)) {
        for (work, best) in works.iter().zip(&mut best) {
            let t = Instant::now();
            black_box(work());
            *best = (*best).min(t.elapsed());
        }
        n += 1;
    }
    (0..works.len()).map(|i| (i < measured).then(|| best[i])).collect()
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}

/// `250kB`, `1MB`, `1.5MB`.
fn size_label(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{}MB", mb(bytes))
    } else {
        format!("{}kB", bytes as f64 / 1e3)
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn ns_per_byte(t: Duration, bytes: usize) -> f64 {
    t.as_secs_f64() * 1e9 / bytes as f64
}

/// A verdict for a measured figure against its target.
fn verdict(value: f64, target: f64, failures: &mut u32) -> &'static str {
    if value <= target {
        "ok"
    } else {
        *failures += 1;
        "FAIL"
    }
}

/// The input named `name`, of `bytes` bytes, as documents.
fn input(name: &str, bytes: usize) -> Option<Vec<String>> {
    match name {
        "news" => Some(vec![news::document(bytes, 1)]),
        "news-docs" => Some(news::corpus(bytes, 1)),
        _ => Hostile::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .map(|k| vec![news::hostile(k, bytes)]),
    }
}

/// Runs the pipeline once on one input, for `--once`.
fn once(extractor: &Extractor, name: &str, bytes: usize) -> ExitCode {
    let Some(docs) = input(name, bytes) else {
        eprintln!("scaling: no input {name}");
        return ExitCode::from(2);
    };
    let quotes: usize = docs.iter().map(|d| extract(extractor, d)).sum();
    println!(
        "{name}: {} bytes, {quotes} quotes",
        docs.iter().map(String::len).sum::<usize>()
    );
    ExitCode::SUCCESS
}

/// The pipeline, in a function of its own that valgrind's callgrind can
/// count (`--toggle-collect=*scaling*extract*`).
#[inline(never)]
fn extract(extractor: &Extractor, text: &str) -> usize {
    extractor.extract(text).len()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("scaling: {e}");
            return ExitCode::from(2);
        }
    };
    let extractor = Extractor::new();
    if let Some(input) = &args.once {
        return once(&extractor, input, args.base);
    }
    let mut failures = 0;
    println!("load average before: {}", load_average());

    // 1. News, as one document and as many.
    println!("\nNEWS: whole pipeline, generated news; target: each 4x step takes at most {STEP_TARGET}x the time\n");
    println!("layout           scale        MB    docs    seconds   ns/byte     MB/s step ratio  verdict");
    for layout in ["one document", "many documents"] {
        let scales: Vec<usize> = (0..args.steps).map(|step| 4usize.pow(step)).collect();
        let inputs: Vec<Vec<String>> = scales
            .iter()
            .map(|scale| {
                let bytes = args.base * scale;
                if layout == "one document" {
                    vec![news::document(bytes, 1)]
                } else {
                    news::corpus(bytes, 1)
                }
            })
            .collect();
        let works: Vec<Box<dyn Fn() -> usize + '_>> = inputs
            .iter()
            .map(|docs| Box::new(|| docs.iter().map(|d| extractor.extract(d).len()).sum()) as Box<dyn Fn() -> usize>)
            .collect();
        let works: Vec<&dyn Fn() -> usize> = works.iter().map(|w| w.as_ref()).collect();
        let times = fastest_in_turns(args.runs, &works);
        let mut previous: Option<Duration> = None;
        for ((scale, docs), t) in scales.iter().zip(&inputs).zip(times) {
            let total: usize = docs.iter().map(String::len).sum();
            let Some(t) = t else {
                println!(
                    "{layout:<15} {scale:>5}x {:>9.2} {:>7}  not measured: the size before took too long",
                    mb(total),
                    docs.len()
                );
                failures += 1;
                break;
            };
            let (ratio, verdict) = match previous {
                Some(p) => {
                    let r = t.as_secs_f64() / p.as_secs_f64();
                    (format!("{r:.2}"), verdict(r, STEP_TARGET, &mut failures))
                }
                None => ("-".to_string(), ""),
            };
            println!(
                "{:<15} {:>5}x {:>9.2} {:>7} {:>10.4} {:>9.1} {:>8.1} {:>10}  {}",
                layout,
                scale,
                mb(total),
                docs.len(),
                t.as_secs_f64(),
                ns_per_byte(t, total),
                mb(total) / t.as_secs_f64(),
                ratio,
                verdict
            );
            previous = Some(t);
        }
    }

    // 2. Hostile inputs, each measured in turns with news of the same size.
    println!(
        "\nHOSTILE: whole pipeline, one document each, measured in turns with news as one document of the same \
         size; targets: cost per byte at most {HOSTILE_TARGET}x news, 4x the input at most {STEP_TARGET}x the time\n"
    );
    let big = args.base * 4;
    let (at_small, at_big) = (
        format!("s @{}", size_label(args.base)),
        format!("s @{}", size_label(big)),
    );
    println!(
        "input            {at_small:>10}   ns/byte     MB/s  news ns/B     x news verdict  {at_big:>10}   4x ratio  verdict"
    );
    let news_doc = news::document(args.base, 1);
    for kind in Hostile::ALL {
        let small = news::hostile(kind, args.base);
        let large = news::hostile(kind, big);
        let times = fastest_in_turns(
            args.runs,
            &[
                &|| extractor.extract(&news_doc).len(),
                &|| extractor.extract(&small).len(),
                &|| extractor.extract(&large).len(),
            ],
        );
        let (Some(t_news), Some(t1)) = (times[0], times[1]) else {
            println!("{:<16} not measured: too slow", kind.name());
            failures += 1;
            continue;
        };
        let ns = ns_per_byte(t1, small.len());
        let news_ns = ns_per_byte(t_news, news_doc.len());
        let relative = ns / news_ns;
        let v1 = verdict(relative, HOSTILE_TARGET, &mut failures);
        let (t4, ratio, v4) = match times[2] {
            None => {
                failures += 1;
                ("too slow".to_string(), "-".to_string(), "FAIL")
            }
            Some(t4) => {
                let r = t4.as_secs_f64() / t1.as_secs_f64();
                (
                    format!("{:.4}", t4.as_secs_f64()),
                    format!("{r:.2}"),
                    verdict(r, STEP_TARGET, &mut failures),
                )
            }
        };
        println!(
            "{:<16} {:>10.4} {:>9.1} {:>8.1} {:>10.1} {:>10.2} {:>7}  {:>10} {:>10}  {}",
            kind.name(),
            t1.as_secs_f64(),
            ns,
            mb(small.len()) / t1.as_secs_f64(),
            news_ns,
            relative,
            v1,
            t4,
            ratio,
            v4
        );
    }

    println!("\nload average after: {}", load_average());
    if failures == 0 {
        println!("all targets met");
        ExitCode::SUCCESS
    } else {
        println!("{failures} target(s) missed");
        ExitCode::FAILURE
    }
}
