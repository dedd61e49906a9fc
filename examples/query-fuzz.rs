//! Hostile queries against a large index, for the query-cost benchmark:
//! phrases of many frequent words at the largest slop, hundreds of words,
//! deep nesting, long negation chains, far dates and noise. Each runs
//! through the library as `fahras search` runs it (top 10 with snippets,
//! `search.timeout_ms` = 1000); prints how many were answered, refused as
//! over a limit, stopped by the time budget, or failed, and the slowest.
//!
//! `cargo run --release --example query-fuzz -- INDEX QUERIES [N] [SEED]`
//! (QUERIES: the generated archive's `.queries` file, for its words).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fahras::entities::Gazetteer;
use fahras::index::ArticleIndex;
use fahras::search::{Engine, SearchRequest};
use fahras::Error;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The most frequent words of the benchmark's queries: the words that
/// cost most, since they match most articles.
fn frequent_words(queries: &str, n: usize) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in queries.split_whitespace() {
        *counts.entry(w).or_default() += 1;
    }
    let mut words: Vec<(&str, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words
        .into_iter()
        .take(n)
        .map(|(w, _)| w.to_string())
        .collect()
}

fn hostile(rng: &mut ChaCha8Rng, words: &[String]) -> String {
    let pick = |rng: &mut ChaCha8Rng, k: usize| -> Vec<String> {
        (0..k).map(|_| words.choose(rng).unwrap().clone()).collect()
    };
    match rng.random_range(0..9) {
        0 => format!(
            "\"{}\"~{}",
            pick(rng, 20).join(" "),
            rng.random_range(0..=50)
        ),
        1 => format!(
            "\"{}\"~{}",
            pick(rng, 10).join(" "),
            rng.random_range(0..2000)
        ),
        2 => {
            let k = rng.random_range(50..300);
            pick(rng, k).join(" OR ")
        }
        3 => {
            let k = rng.random_range(20..260);
            pick(rng, k).join(" ")
        }
        4 => {
            let depth = rng.random_range(1..40);
            format!(
                "{}{}{}",
                "(".repeat(depth),
                pick(rng, 3).join(" OR "),
                ")".repeat(depth)
            )
        }
        5 => format!("{}{}", "-".repeat(rng.random_range(1..60)), words[0]),
        6 => format!(
            "{} date:[{:04} TO {:04}]",
            pick(rng, 2).join(" "),
            rng.random_range(1..9999),
            rng.random_range(1..9999)
        ),
        7 => {
            let phrases: Vec<String> = (0..rng.random_range(2..12))
                .map(|_| {
                    format!(
                        "\"{}\"~{}",
                        pick(rng, 6).join(" "),
                        rng.random_range(0..=50)
                    )
                })
                .collect();
            phrases.join(" OR ")
        }
        _ => (0..rng.random_range(1..200))
            .map(|_| {
                *['(', ')', '"', '-', '+', '~', ':', 'ب', ' ', '*', '[', ']']
                    .choose(rng)
                    .unwrap()
            })
            .collect(),
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (index, queries) = match argv.as_slice() {
        [i, q, ..] => (i.clone(), q.clone()),
        _ => panic!("usage: query-fuzz INDEX QUERIES [N] [SEED]"),
    };
    let n: usize = argv.get(2).map_or(500, |s| s.parse().expect("N"));
    let seed: u64 = argv.get(3).map_or(7, |s| s.parse().expect("SEED"));
    let engine = Engine::open(
        ArticleIndex::open(std::path::Path::new(&index)).expect("index"),
        Arc::new(Gazetteer::load(&[]).expect("gazetteer")),
    )
    .expect("engine");
    let words = frequent_words(&std::fs::read_to_string(queries).expect("queries"), 60);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut answered, mut refused, mut stopped, mut failed) = (0, 0, 0, 0);
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for _ in 0..n {
        let query = hostile(&mut rng, &words);
        let req = SearchRequest {
            query: query.clone(),
            timeout: Some(Duration::from_millis(1000)),
            ..SearchRequest::default()
        };
        let start = Instant::now();
        match engine.search(&req) {
            Ok(_) => answered += 1,
            Err(Error::Query(_)) => refused += 1,
            Err(Error::TooCostly { .. }) => stopped += 1,
            Err(e) => {
                failed += 1;
                eprintln!("failed: {e}");
            }
        }
        slowest.push((start.elapsed(), query));
    }
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    println!(
        "{n} hostile queries: {answered} answered, {refused} refused (syntax or a limit), {stopped} stopped by the time budget, {failed} failed; slowest {:.0} ms",
        slowest[0].0.as_secs_f64() * 1000.0
    );
    for (t, q) in slowest.iter().take(5) {
        let shown: String = q.chars().take(90).collect();
        println!("{:>8.1} ms  {shown}", t.as_secs_f64() * 1000.0);
    }
}
