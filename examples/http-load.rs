//! A load client for `fahras serve` benchmarks: C clients, each on its own
//! keep-alive connection, send requests for S seconds, cycling through the
//! queries of a file (one per line), and the latencies come out as p50,
//! p95, p99 and the rate.
//!
//! `cargo run --release --example http-load -- URL QUERIES [CLIENTS] [SECONDS]`
//! where URL is the endpoint with any fixed parameters
//! (`http://127.0.0.1:7700/api/search?limit=10`); each request adds
//! `q=<the next query>`. Prints one line of JSON on stdout.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (url, queries) = match argv.as_slice() {
        [u, q, ..] => (u.clone(), q.clone()),
        _ => panic!("usage: http-load URL QUERIES [CLIENTS] [SECONDS]"),
    };
    let clients: usize = argv.get(2).map_or(16, |v| v.parse().expect("CLIENTS"));
    let seconds: f64 = argv.get(3).map_or(10.0, |v| v.parse().expect("SECONDS"));
    let queries: Arc<Vec<String>> = Arc::new(
        std::fs::read_to_string(&queries)
            .expect("queries")
            .lines()
            .map(|l| l.rsplit('\t').next().unwrap_or(l).trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
    );
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|c| {
            let (url, queries, stop) = (url.clone(), queries.clone(), stop.clone());
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .into();
                let mut latencies = Vec::new();
                let mut failed = 0u64;
                let mut n = c * 7919;
                while !stop.load(Ordering::Relaxed) {
                    let q = &queries[n % queries.len()];
                    n += 1;
                    let t = Instant::now();
                    let ok = agent
                        .get(&url)
                        .query("q", q)
                        .call()
                        .ok()
                        .filter(|r| r.status().as_u16() == 200)
                        .and_then(|mut r| r.body_mut().read_to_vec().ok())
                        .is_some();
                    latencies.push(t.elapsed());
                    failed += u64::from(!ok);
                }
                (latencies, failed)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs_f64(seconds));
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    let mut failed = 0;
    for h in handles {
        let (l, f) = h.join().unwrap();
        all.extend(l);
        failed += f;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| {
        let i = ((all.len() as f64 * p).ceil() as usize).clamp(1, all.len().max(1)) - 1;
        all.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{{\"clients\":{clients},\"requests\":{},\"failed\":{failed},\"per_second\":{:.0},\"p50_ms\":{:.2},\"p95_ms\":{:.2},\"p99_ms\":{:.2},\"max_ms\":{:.2}}}",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.95),
        pct(0.99),
        pct(1.0)
    );
}
