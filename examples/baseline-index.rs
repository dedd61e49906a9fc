//! The baseline for benchmarks: the same archive indexed by a minimal
//! tantivy program — tantivy's default tokenizer, no Arabic analysis, no
//! entities, no change detection — with the same threads and writer memory
//! as fahras. `cargo run --release --example baseline-index -- ARCHIVE INDEX_DIR`
//! prints articles, seconds and articles/s. The ratio fahras / baseline is
//! the cost of what fahras adds on top of tantivy.

use std::time::Instant;

use rayon::prelude::*;
use tantivy::schema::{Schema, STORED, STRING, TEXT};
use tantivy::{doc, Index, IndexWriter};

// The allocator the fahras binary uses, so the ratio measures the analysis
// and not the allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (archive, index_dir) = match argv.as_slice() {
        [a, i] => (a.clone(), i.clone()),
        _ => panic!("usage: baseline-index ARCHIVE INDEX_DIR"),
    };
    let started = Instant::now();
    let mut schema = Schema::builder();
    let path = schema.add_text_field("path", STRING | STORED);
    let title = schema.add_text_field("title", TEXT | STORED);
    let body = schema.add_text_field("body", TEXT | STORED);
    let _ = std::fs::remove_dir_all(&index_dir);
    std::fs::create_dir_all(&index_dir).expect("index folder");
    let index = Index::create_in_dir(&index_dir, schema.build()).expect("index");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let writer: IndexWriter = index
        .writer_with_num_threads(threads, 256 * 1024 * 1024)
        .expect("writer");
    let files: Vec<_> = walkdir::WalkDir::new(&archive)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let articles: usize = files
        .par_iter()
        .map(|p| {
            let Ok(text) = std::fs::read_to_string(p) else {
                return 0;
            };
            let p_str = p.to_string_lossy();
            let add = |t: &str, b: &str| {
                writer
                    .add_document(doc!(path => p_str.as_ref(), title => t, body => b))
                    .expect("add");
            };
            let item = |v: &serde_json::Value| {
                add(
                    v["title"].as_str().unwrap_or(""),
                    v["body"].as_str().unwrap_or(""),
                );
            };
            match p.extension().and_then(|e| e.to_str()) {
                Some("jsonl") => text
                    .lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .map(|v| item(&v))
                    .count(),
                Some("json") => match serde_json::from_str::<serde_json::Value>(&text) {
                    Ok(serde_json::Value::Array(items)) => items.iter().map(item).count(),
                    Ok(v) => {
                        item(&v);
                        1
                    }
                    Err(_) => 0,
                },
                _ => {
                    let (t, b) = text.split_once('\n').unwrap_or((&text, ""));
                    add(t, b);
                    1
                }
            }
        })
        .sum();
    let mut writer = writer;
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merge");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{articles} articles in {secs:.2} s ({:.0} articles/s)",
        articles as f64 / secs
    );
}
