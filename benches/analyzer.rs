//! Throughput of the Arabic analyzer and of entity tagging alone, in bytes
//! of article text per second on one core. The text is the sample corpus,
//! read at start-up.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use fahras::analysis::{analyzer, Pipeline, RewriteFilter, Stages};
use fahras::entities::{Gazetteer, Matcher};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::tokenizer::TokenStream;

fn corpus_text() -> String {
    let mut text = String::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("sample corpus is readable");
        if entry.file_type().is_file() {
            text.push_str(&std::fs::read_to_string(entry.path()).expect("UTF-8 sample"));
            text.push('\n');
        }
    }
    text
}

/// Bytes of the terms of `text`.
fn terms_bytes(a: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = a.token_stream(text);
    let mut n = 0usize;
    while stream.advance() {
        n += stream.token().text.len();
    }
    n
}

fn bench(c: &mut Criterion) {
    let text = corpus_text();
    let mut group = c.benchmark_group("analyzer");
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Each measured pass starts with nothing remembered: what a text costs
    // the first time (repeats within it are remembered, as in a corpus).
    for (name, stages) in [
        ("full", Stages::ALL),
        (
            "no-stem",
            Stages {
                stem: false,
                stopwords: true,
            },
        ),
        (
            "tokenize+normalize",
            Stages {
                stem: false,
                stopwords: false,
            },
        ),
    ] {
        let mut a = analyzer(stages);
        group.bench_function(name, |b| {
            b.iter_batched(
                fahras::analysis::pipeline::forget,
                |()| terms_bytes(&mut a, &text),
                BatchSize::PerIteration,
            )
        });
    }
    // Every word remembered, as deep into a large archive; and nothing
    // remembered at all.
    let mut warm = analyzer(Stages::ALL);
    group.bench_function("full, words remembered", |b| {
        b.iter(|| terms_bytes(&mut warm, &text))
    });
    let mut cold = TextAnalyzer::builder(fahras::analysis::ArabicTokenizer)
        .filter(RewriteFilter(Pipeline::forgetful(Stages::ALL)))
        .build();
    group.bench_function("full, nothing remembered", |b| {
        b.iter(|| terms_bytes(&mut cold, &text))
    });
    // Splitting into words alone: what a snippet does to map the index's
    // positions back to the text.
    group.bench_function("words", |b| {
        b.iter(|| fahras::analysis::tokenizer::spans(&text).count())
    });
    group.finish();

    let gazetteer = Gazetteer::load(&[]).expect("built-in gazetteer");
    let mut matcher = Matcher::new(&gazetteer);
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tag", |b| b.iter(|| matcher.find(&text).len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
