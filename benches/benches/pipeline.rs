//! Throughput of each stage of whosaid on generated news, beside
//! `unicode-segmentation`'s word splitter over the same text, and of the
//! whole pipeline on hostile inputs beside news of the same size.
//!
//! ```text
//! cd benches && cargo bench                 # everything, a few minutes
//! cd benches && cargo bench -- stages       # only the stages on news
//! cd benches && cargo bench -- hostile      # only the hostile inputs
//! ```
//!
//! Criterion reports bytes a second (MiB/s: 2^20 bytes) for each.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;
use whosaid::Extractor;
use whosaid_benches::news::{self, Hostile};

/// About 2 MB of news for the stage benchmarks.
const NEWS_BYTES: usize = 2_000_000;
/// The size of each hostile input, and of the news beside them.
const HOSTILE_BYTES: usize = 1_000_000;

fn stages(c: &mut Criterion) {
    let docs = news::corpus(NEWS_BYTES, 1);
    let bytes: usize = docs.iter().map(String::len).sum();
    let full = Extractor::new();
    let spans_only = Extractor::builder()
        .find_speakers(false)
        .build()
        .expect("valid settings");

    let mut group = c.benchmark_group("stages");
    // Each iteration takes milliseconds: the same number of them per sample.
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("unicode_word_indices (reference)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(d.as_str()).unicode_word_indices().count())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize (stage 1)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| whosaid::tokenize(black_box(d)).words().count())
                .sum::<usize>()
        })
    });
    group.bench_function("quote spans (stages 1-2)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| spans_only.extract(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("whole pipeline (stages 1-3)", |b| {
        b.iter(|| docs.iter().map(|d| full.extract(black_box(d)).len()).sum::<usize>())
    });
    group.finish();
}

fn hostile(c: &mut Criterion) {
    let full = Extractor::new();
    // News of the same size, as one document like the hostile inputs.
    let mut inputs = vec![("news (one document)".to_string(), news::document(HOSTILE_BYTES, 2))];
    for kind in Hostile::ALL {
        inputs.push((kind.name().to_string(), news::hostile(kind, HOSTILE_BYTES)));
    }

    let mut group = c.benchmark_group("hostile");
    group.sampling_mode(SamplingMode::Flat);
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name.as_str(), |b| b.iter(|| full.extract(black_box(text)).len()));
    }
    group.finish();
}

fn config() -> Criterion {
    // Modest, so that `cargo bench` takes a few minutes on two cores.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages, hostile
}
criterion_main!(benches);
