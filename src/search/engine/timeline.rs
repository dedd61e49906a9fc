//! Coverage over time: the buckets of each query's matches.

use std::collections::HashMap;

use jiff::civil::Date;
use tantivy::query::AllQuery;

use crate::corpus::date::YEARS;
use crate::error::Result;
use crate::search::hit::warnings;
use crate::search::timeline::{
    Bucket, DayCollector, Series, TimelineRequest, TimelineResponse, MAX_BUCKETS,
};
use crate::search::{RequestError, SearchRequest};

use super::Engine;

impl Engine {
    /// Articles matching each query per bucket of time, over the filters'
    /// `since`/`until` or the span of the matches; one pass over the
    /// matches per query (and one over every article to normalize).
    pub fn timeline(&self, req: &TimelineRequest) -> Result<TimelineResponse> {
        let searcher = self.reader.searcher();
        let mut all = Vec::new();
        let mut warned = Vec::new();
        for q in &req.queries {
            let one = SearchRequest {
                query: q.clone(),
                ..req.filters.clone()
            };
            let prepared = self.prepare(&one, &searcher)?;
            let counts = searcher.search(&*prepared.matching, &DayCollector)?;
            self.within_budget(&one, &prepared)?;
            warned.extend(warnings(&prepared.compiled.words));
            all.push((q.clone(), counts));
        }
        let everything = if req.normalize {
            Some(searcher.search(&AllQuery, &DayCollector)?)
        } else {
            None
        };
        // The span: the filters' dates, else the first and last match.
        let spans: Vec<(Date, Date)> = all.iter().filter_map(|(_, c)| c.span()).collect();
        let from = req
            .filters
            .since
            .or_else(|| spans.iter().map(|s| s.0).min());
        let to = req
            .filters
            .until
            .or_else(|| spans.iter().map(|s| s.1).max());
        // Articles are dated within `YEARS`: `--since 0001` must not ask for
        // a bucket a day for ten thousand years.
        let from = from.map(|d| d.max(jiff::civil::date(*YEARS.start(), 1, 1)));
        let to = to.map(|d| d.min(jiff::civil::date(*YEARS.end(), 12, 31)));
        if let (Some(from), Some(to)) = (from, to) {
            let n = req.interval.buckets_between(from, to);
            if n > MAX_BUCKETS {
                return Err(RequestError::TooManyBuckets {
                    n,
                    max: MAX_BUCKETS,
                }
                .into());
            }
        }
        let series = all
            .into_iter()
            .map(|(query, counts)| {
                let buckets = match (from, to) {
                    (Some(from), Some(to)) => counts.buckets(req.interval, from, to),
                    _ => Vec::new(),
                };
                let base: HashMap<Date, u64> = match (&everything, from, to) {
                    (Some(e), Some(from), Some(to)) => {
                        e.buckets(req.interval, from, to).into_iter().collect()
                    }
                    _ => HashMap::new(),
                };
                Series {
                    query,
                    total: counts.total(),
                    undated: counts.undated,
                    buckets: buckets
                        .into_iter()
                        .map(|(start, count)| Bucket {
                            start,
                            count,
                            share: everything.as_ref().map(|_| match base.get(&start) {
                                Some(&n) if n > 0 => count as f64 / n as f64,
                                _ => 0.0,
                            }),
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(TimelineResponse {
            interval: req.interval,
            series,
            warnings: warned,
        })
    }
}
