//! Search latency for benchmarks: runs every query of a file (one per line)
//! against an index in one warm process, top 10 with snippets, and prints
//! p50, p95 and p99. `cargo run --release --example search-latency -- INDEX QUERIES`;
//! with `NOSNIP=1`, without snippets (to see what they cost);
//! with `SLOWEST=1` set, also the twelve slowest queries and their match counts;
//! with `NOCACHE=1`, the engine keeps nothing from one search for the next
//! (every query as if its words were new to it).

use std::sync::Arc;
use std::time::Instant;

use fahras::entities::Gazetteer;
use fahras::index::ArticleIndex;
use fahras::search::{Engine, SearchRequest};

// The allocator the fahras binary uses, so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (index, queries) = match argv.as_slice() {
        [i, q] => (i.clone(), q.clone()),
        _ => panic!("usage: search-latency INDEX QUERIES"),
    };
    let engine = Engine::open(
        ArticleIndex::open(std::path::Path::new(&index)).expect("index"),
        Arc::new(Gazetteer::load(&[]).expect("gazetteer")),
    )
    .expect("engine");
    let engine = match std::env::var_os("NOCACHE") {
        Some(_) => engine.with_cache_bytes(0),
        None => engine,
    };
    let queries: Vec<String> = std::fs::read_to_string(queries)
        .expect("queries")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let request = |q: &str| SearchRequest {
        query: q.to_string(),
        snippets: std::env::var_os("NOSNIP").is_none(),
        // ANY=1: any word may match (long queries, as --any).
        operator: if std::env::var_os("ANY").is_some() {
            fahras::search::Operator::Or
        } else {
            fahras::search::Operator::And
        },
        timeout: None,
        ..SearchRequest::default()
    };
    // Warm up: the first pass loads the index pages.
    for q in &queries {
        let _ = engine.search(&request(q));
    }
    let mut micros: Vec<u128> = Vec::with_capacity(queries.len());
    let mut slowest: Vec<(u128, usize, &str)> = Vec::new();
    let mut hits = 0;
    for q in &queries {
        let start = Instant::now();
        let r = engine.search(&request(q)).expect("search");
        let t = start.elapsed().as_micros();
        micros.push(t);
        slowest.push((t, r.total, q));
        hits += r.hits.len();
    }
    if std::env::var_os("SLOWEST").is_some() {
        slowest.sort();
        for (t, total, q) in slowest.iter().rev().take(12) {
            eprintln!("{t:>6} µs  {total:>7} matches  {q}");
        }
    }
    micros.sort_unstable();
    let p = |q: f64| micros[((micros.len() as f64 - 1.0) * q).round() as usize] as f64 / 1000.0;
    println!(
        "{} queries, {hits} hits: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        micros.len(),
        p(0.50),
        p(0.95),
        p(0.99),
        p(1.0)
    );
}
