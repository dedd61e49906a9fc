//! The server in operation: a reindex is seen without a restart and fails
//! no request, a full pool answers 503 at once, the token is asked for,
//! and SIGTERM drains and exits 0. The load here is bounded (a few
//! seconds, loopback only); throughput is measured in a benchmark.

mod common;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::server::{client, get, Server};
use common::*;

/// A copy of the sample corpus the test may add to, and its index.
fn own_archive() -> (tempfile::TempDir, std::path::PathBuf, Indexed) {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    copy_dir(&sample_corpus(), &archive);
    let indexed = Indexed::new(&[&archive]);
    assert!(indexed.output.status.success());
    (dir, archive, indexed)
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn a_reindex_is_seen_by_the_next_request() {
    let (_dir, archive, indexed) = own_archive();
    let s = Server::start(&indexed.index, &["--quiet"]);
    let (_, before) = get(&s.url("/api/search"), &[("q", "زقزوق")]);
    assert_eq!(before["total"], 0);
    std::fs::write(
        archive.join("new-article.txt"),
        "خبر جديد عن زقزوق\n\nوصل وفد زقزوق إلى بغداد صباح اليوم.\n",
    )
    .unwrap();
    let out = indexed.run(&["index", "-q", archive.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, after) = get(&s.url("/api/search"), &[("q", "زقزوق")]);
    assert_eq!(after["total"], 1, "{after}");
    assert_eq!(get(&s.url("/api/health"), &[]).1["articles"], 48);
}

#[test]
fn a_full_pool_answers_503_at_once_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    generate(&dir.path().join("gen"), 3000);
    let indexed = Indexed::new(&[&dir.path().join("gen")]);
    assert!(indexed.output.status.success());
    let s = Arc::new(Server::start(
        &indexed.index,
        &["--quiet", "--workers", "1", "--queue", "0"],
    ));
    // Eight at once against one worker and no queue: some must be refused.
    let mut refused = 0;
    for _round in 0..20 {
        let answers: Vec<(u16, Option<String>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let url = s.url("/api/timeline?q=*&q=العراق&normalize=true&interval=day");
                    scope.spawn(move || {
                        let res = client().get(&url).call().unwrap();
                        let retry = res
                            .headers()
                            .get("retry-after")
                            .map(|v| v.to_str().unwrap().to_string());
                        (res.status().as_u16(), retry)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (status, retry) in &answers {
            assert!(*status == 200 || *status == 503, "{status}");
            if *status == 503 {
                assert_eq!(retry.as_deref(), Some("1"));
                refused += 1;
            }
        }
        if refused > 0 {
            break;
        }
    }
    assert!(refused > 0, "a pool of one with no queue never refused");
}

#[test]
fn sixteen_clients_during_a_reindex_get_no_error() {
    let (_dir, archive, indexed) = own_archive();
    let s = Server::start(&indexed.index, &["--quiet"]);
    let stop = Arc::new(AtomicBool::new(false));
    let (ok, bad) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let queries = [
        "العراق",
        "خارطة طريق",
        "بغداد OR واشنطن",
        "القوات الأمريكية",
        "*",
    ];
    let started = Instant::now();
    std::thread::scope(|scope| {
        for c in 0..16 {
            let (stop, ok, bad, s) = (stop.clone(), ok.clone(), bad.clone(), &s);
            scope.spawn(move || {
                let agent = client();
                let mut n = c;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let q = queries[n % queries.len()];
                    let res = if n % 7 == 0 {
                        agent.get(&s.url("/api/timeline")).query("q", q).call()
                    } else {
                        agent.get(&s.url("/api/search")).query("q", q).call()
                    };
                    match res {
                        Ok(r) if r.status().as_u16() == 200 => ok.fetch_add(1, Ordering::Relaxed),
                        _ => bad.fetch_add(1, Ordering::Relaxed),
                    };
                }
            });
        }
        // However the runs below end, the clients stop (a failed assert
        // must not leave them spinning).
        struct Stop(Arc<AtomicBool>);
        impl Drop for Stop {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Relaxed);
            }
        }
        let _stop = Stop(stop.clone());
        // Two full rebuilds and an incremental run under the load.
        for args in [
            ["index", "--full", "-q"],
            ["index", "--full", "-q"],
            ["index", "--wait", "-q"],
        ] {
            let mut argv = args.to_vec();
            argv.push(archive.to_str().unwrap());
            let out = indexed.run(&argv);
            assert!(out.status.success(), "{}", stderr(&out));
        }
        // 3 s by default; FAHRAS_LOAD_SECS=30 for the longer run.
        let secs = std::env::var("FAHRAS_LOAD_SECS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3);
        while started.elapsed() < Duration::from_secs(secs) {
            std::thread::sleep(Duration::from_millis(50));
        }
        stop.store(true, Ordering::Relaxed);
    });
    let (ok, bad) = (ok.load(Ordering::Relaxed), bad.load(Ordering::Relaxed));
    assert_eq!(bad, 0, "{bad} failed requests of {}", ok + bad);
    assert!(ok > 100, "only {ok} requests in the test");
    eprintln!(
        "{ok} requests in {:.1} s, none failed",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn a_token_is_asked_for_when_set() {
    let indexed = Indexed::sample();
    let s = Server::start(&indexed.index, &["--quiet", "--token", "s3cret-token"]);
    let (status, doc) = get(&s.url("/api/health"), &[]);
    assert_eq!(
        (status, doc["error"]["code"].as_str()),
        (401, Some("unauthorized"))
    );
    let wrong = client()
        .get(&s.url("/api/health"))
        .header("authorization", "Bearer s3cret-tokeN")
        .call()
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 401);
    let right = client()
        .get(&s.url("/api/health"))
        .header("authorization", "Bearer s3cret-token")
        .call()
        .unwrap();
    assert_eq!(right.status().as_u16(), 200);
}

#[test]
fn requests_are_logged_and_sigterm_exits_zero() {
    let indexed = Indexed::sample();
    let s = Server::start(&indexed.index, &[]);
    assert_eq!(get(&s.url("/api/search"), &[("q", "بغداد")]).0, 200);
    assert_eq!(get(&s.url("/api/nothing"), &[]).0, 404);
    std::thread::sleep(Duration::from_millis(200));
    let log = s.log.lock().unwrap().clone();
    assert!(log.contains("GET /api/search?q="), "{log}");
    assert!(
        log.lines().any(|l| l.starts_with("GET /api/nothing 404 ")),
        "{log}"
    );
    assert!(s.terminate().success());
}

#[test]
fn a_missing_index_or_a_taken_port_is_an_error_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = fahras()
        .args(["serve", "--bind", "127.0.0.1:0", "--index"])
        .arg(dir.path().join("none"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no index"), "{}", stderr(&out));
    let indexed = Indexed::sample();
    let s = Server::start(&indexed.index, &["--quiet"]);
    let taken = s.base.trim_start_matches("http://").to_string();
    let out = indexed.run(&["serve", "--bind", &taken]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot listen"), "{}", stderr(&out));
}
