//! Inputs from fuzzing, replayed exactly as the fuzz target runs them
//! (`fuzz/fuzz_targets/extract.rs`): the first two bytes pick the builder
//! settings, the rest is the text, and every answer must keep the
//! invariants of `fuzz/invariants.rs`.
//!
//! To add a crash the fuzzer found: minimize it (`cargo +nightly fuzz tmin
//! extract fuzz/artifacts/extract/crash-…`), then add a test here with the
//! minimized bytes as a byte string literal. A crash in the library that
//! is not fixed yet gets `#[ignore = "bug: …"]` until it is.

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
