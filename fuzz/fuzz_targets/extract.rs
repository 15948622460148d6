//! Arbitrary bytes into the extractor: the first two bytes pick the
//! builder settings (see `Settings::from_fuzz_input`), the rest is the
//! text, given as bytes (`extract_bytes`, which must refuse what is not
//! UTF-8) and as lossily decoded text (`extract`). Every answer must keep
//! the invariants of `invariants.rs`, which the tests check as well; a
//! violation panics and so is a crash.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::run_fuzz_input(data));
