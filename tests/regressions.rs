//! Inputs from fuzzing, replayed exactly as the fuzz target runs them
//! (`fuzz/fuzz_targets/extract.rs`): the first two bytes pick the builder
//! settings, the rest is the text, and every answer must keep the
//! invariants of `fuzz/invariants.rs`.
//!
//! To add a crash the fuzzer found: minimize it (`cargo +nightly fuzz tmin
//! extract fuzz/artifacts/extract/crash-…`), then add a test here with the
//! minimized bytes as a byte string literal. A crash in the library that
//! is not fixed yet gets `#[ignore = "bug: …"]` until it is. A slow input
//! (a timeout of the fuzzer, run with `-timeout=1`) is added the same way
//! to [`slow_inputs_keep_the_invariants`], and the shape of its text to the
//! step-count test in `src/steps.rs`, which fails when a search grows
//! faster than the text.

#[path = "../fuzz/invariants.rs"]
mod invariants;

use invariants::run_fuzz_input;

/// The seed corpus of the fuzzer, written for this project: each seed
/// keeps the invariants, so the fuzzer starts from inputs that pass.
#[test]
fn the_seed_corpus_keeps_the_invariants() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/extract");
    let mut seeds = 0;
    for entry in std::fs::read_dir(dir).expect("the seed corpus") {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("seed-"))
        {
            run_fuzz_input(&std::fs::read(&path).unwrap());
            seeds += 1;
        }
    }
    assert!(seeds >= 10, "only {seeds} seeds in {dir}");
}

/// The edges of the settings bytes: no bytes, one byte, every flag set
/// with the highest bar, and settings with no text after them.
#[test]
fn settings_bytes_at_their_edges() {
    for input in [
        &b""[..],
        b"\x00",
        b"\xff",
        b"\x00\x00",
        b"\xff\xff",
        b"\xff\xff\xe2\x80\x9cNo,\xe2\x80\x9d said Jo Bloggs.",
        b"\xe0\x80\xe2\x80\x9cNo,\xe2\x80\x9d said Jo Bloggs.",
        b"\x00\x00\xe2\x80\x9cNo,\xe2\x80\x9d said Jo \xc3",
    ] {
        run_fuzz_input(input);
    }
}

/// Inputs that once took time growing with the square of their length
/// (100 KB of `"` took 5 s), here at 20 KB: they keep the invariants. That
/// they stay linear is checked by the step count of `src/steps.rs`, not
/// by a clock.
#[test]
fn slow_inputs_keep_the_invariants() {
    let pieces: [&[u8]; 6] = [
        b"\"",
        b"'",
        "\u{2018}".as_bytes(),
        "\u{201c}\u{201d}".as_bytes(),
        b"\"\n",
        "\u{201c}x,\u{201d} said ".as_bytes(),
    ];
    for piece in pieces {
        let mut input = b"\x00\x00".to_vec();
        while input.len() < 20_000 {
            input.extend_from_slice(piece);
        }
        run_fuzz_input(&input);
    }
}
