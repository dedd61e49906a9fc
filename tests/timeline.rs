//! Coverage over time through the library request, on the sample corpus:
//! buckets add up, zeros are kept, and a month's count is what `search
//! --since/--until` finds for that month.

mod common;

use std::sync::Arc;

use common::*;
use fahras::entities::Gazetteer;
use fahras::index::ArticleIndex;
use fahras::search::{Engine, Interval, TimelineRequest};

#[test]
fn monthly_buckets_add_up_and_match_search_per_month() {
    let indexed = Indexed::sample();
    let engine = Engine::open(
        ArticleIndex::open(&indexed.index).unwrap(),
        Arc::new(Gazetteer::load(&[]).unwrap()),
    )
    .unwrap();
    let req = TimelineRequest {
        queries: vec!["العراق".into(), "*".into()],
        interval: Interval::Month,
        normalize: true,
        ..TimelineRequest::default()
    };
    req.validate().unwrap();
    let t = engine.timeline(&req).unwrap();
    assert_eq!(t.series.len(), 2);
    for s in &t.series {
        let sum: u64 = s.buckets.iter().map(|b| b.count).sum();
        assert_eq!(sum + s.undated, s.total, "{}", s.query);
        // One bucket a month, none skipped.
        for w in s.buckets.windows(2) {
            assert_eq!(
                w[0].start.checked_add(jiff::Span::new().months(1)).unwrap(),
                w[1].start
            );
        }
    }
    assert!(
        t.series[0].buckets.iter().any(|b| b.count == 0),
        "zeros are kept"
    );
    // Every article of "*" is its bucket's whole.
    assert!(t.series[1]
        .buckets
        .iter()
        .all(|b| b.count == 0 || b.share == Some(1.0)));
    // A month's count is what a search of that month finds.
    let busiest = t.series[0].buckets.iter().max_by_key(|b| b.count).unwrap();
    let month = format!("{:04}-{:02}", busiest.start.year(), busiest.start.month());
    let out = indexed.run(&[
        "search",
        "العراق",
        "--since",
        &month,
        "--until",
        &month,
        "--all",
        "--format",
        "jsonl",
        "--fields",
        "id",
    ]);
    assert_eq!(jsonl_ids(&out).len() as u64, busiest.count, "{month}");
}

#[test]
fn a_far_range_is_cut_to_the_years_articles_can_have() {
    let indexed = Indexed::sample();
    let engine = Engine::open(
        ArticleIndex::open(&indexed.index).unwrap(),
        Arc::new(Gazetteer::load(&[]).unwrap()),
    )
    .unwrap();
    let mut req = TimelineRequest {
        interval: Interval::Year,
        ..TimelineRequest::default()
    };
    req.filters.since = Some(jiff::civil::date(1, 1, 1));
    req.filters.until = Some(jiff::civil::date(9999, 12, 31));
    let t = engine.timeline(&req).unwrap();
    let years = &t.series[0].buckets;
    assert_eq!(years.len(), 301, "1900 to 2200");
    assert_eq!(years[0].start, jiff::civil::date(1900, 1, 1));
    // By day the same range is 110,000 buckets: refused, with what to do.
    req.interval = Interval::Day;
    let e = engine.timeline(&req).err().unwrap().to_string();
    assert!(e.contains("coarser --interval"), "{e}");
}

#[test]
fn the_timeline_command_writes_json_csv_and_a_chart() {
    let indexed = Indexed::sample();
    let out = indexed.run(&[
        "timeline",
        "العراق",
        "بغداد",
        "--interval",
        "year",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t["series"].as_array().unwrap().len(), 2);
    assert_eq!(
        t["series"][0]["buckets"][0]["start"]
            .as_str()
            .unwrap()
            .len(),
        10
    );
    let csv = stdout(&indexed.run(&["timeline", "العراق", "--format", "csv", "--normalize"]));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("query,start,count,share"));
    assert!(csv.lines().last().unwrap().starts_with("العراق,undated,"));
    let text = stdout(&indexed.run(&["timeline", "العراق", "--interval", "year"]));
    assert!(text.contains("█") && text.contains("2024"), "{text}");
    // Nothing found is status 1, as with search.
    let none = indexed.run(&["timeline", "زقزوقزقزوق"]);
    assert_eq!(none.status.code(), Some(1));
    let bad = indexed.run(&["timeline", "\"بغداد"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_cooccur_command_counts_pairs_within_their_entities() {
    let indexed = Indexed::sample();
    let out = indexed.run(&["cooccur", "العراق", "--top", "6", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entities = c["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 6);
    let pairs = c["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for p in pairs {
        let a = &entities[p["a"].as_u64().unwrap() as usize];
        let b = &entities[p["b"].as_u64().unwrap() as usize];
        assert!(p["count"].as_u64() <= a["count"].as_u64().min(b["count"].as_u64()));
    }
    // Every pair's count is what a search with both entity filters finds.
    let ent = |i: &serde_json::Value| {
        let e = &entities[i.as_u64().unwrap() as usize];
        format!(
            "{}/{}",
            e["type"].as_str().unwrap(),
            e["id"].as_str().unwrap()
        )
    };
    for pair in pairs {
        let both = indexed.run(&[
            "search",
            "العراق",
            "--entity",
            &ent(&pair["a"]),
            "--entity",
            &ent(&pair["b"]),
            "--format",
            "json",
        ]);
        let found: serde_json::Value = serde_json::from_slice(&both.stdout).unwrap();
        assert_eq!(found["total"], pair["count"], "{pair}");
    }
    let persons = stdout(&indexed.run(&[
        "cooccur", "--type", "person", "--top", "3", "--format", "csv",
    ]));
    assert!(persons.starts_with("a,a_name,b,b_name,count\n"));
    assert!(
        persons.lines().skip(1).all(|l| l.starts_with("person/")),
        "{persons}"
    );
    assert_eq!(
        indexed.run(&["cooccur", "--top", "0"]).status.code(),
        Some(2)
    );
    assert_eq!(
        indexed.run(&["cooccur", "--type", "planet"]).status.code(),
        Some(2)
    );
}
