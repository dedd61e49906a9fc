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
}
