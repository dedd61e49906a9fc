//! Coverage over time: for each query, the matching articles per day,
//! week, month or year, in one pass over its matches (a collector reading
//! the date column), with zero buckets kept, undated matches counted apart,
//! and optionally each bucket's share of all dated articles in it.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

/// The width of a bucket.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    clap::ValueEnum,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Day,
    /// Weeks start on Monday (ISO 8601).
    Week,
    #[default]
    Month,
    Year,
}

impl Interval {
    /// The first day of the bucket holding `day`.
    pub fn start(self, day: Date) -> Date {
        match self {
            Interval::Day => day,
            Interval::Week => {
                let back = i64::from(day.weekday().to_monday_zero_offset());
                day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
            }
            Interval::Month => day.first_of_month(),
            Interval::Year => day.first_of_year(),
        }
    }

    /// About how many buckets run from `from` to `to` (never fewer).
    pub fn buckets_between(self, from: Date, to: Date) -> u64 {
        let days = from.until(to).map_or(0, |s| s.get_days().max(0) as u64);
        match self {
            Interval::Day => days + 1,
            Interval::Week => days / 7 + 2,
            Interval::Month => days / 28 + 2,
            Interval::Year => days / 365 + 2,
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    fn next(self, start: Date) -> Option<Date> {
        let span = match self {
            Interval::Day => jiff::Span::new().days(1),
            Interval::Week => jiff::Span::new().weeks(1),
            Interval::Month => jiff::Span::new().months(1),
            Interval::Year => jiff::Span::new().years(1),
        };
        start.checked_add(span).ok()
    }
}

/// The most buckets one series may have: 55 years by day. A timeline
/// over more asks for a coarser interval rather than a response of tens
/// of megabytes.
pub const MAX_BUCKETS: u64 = 20_000;

/// One bucket of a series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Bucket {
    /// Its first day.
    #[schema(value_type = String, format = Date)]
    pub start: Date,
    pub count: u64,
    /// `count` over every dated article of the bucket (with `normalize`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// The buckets of one query; their counts add up to `total - undated`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Series {
    pub query: String,
    pub total: u64,
    pub undated: u64,
    pub buckets: Vec<Bucket>,
}

/// Coverage over time of one or more queries, under the same filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimelineRequest {
    /// One series per query.
    pub queries: Vec<String>,
    pub interval: Interval,
    /// Add each bucket's share of all dated articles in it.
    pub normalize: bool,
    /// The filters (and operator) every series shares; its query, paging
    /// and snippet fields are not used.
    pub filters: super::SearchRequest,
}

impl Default for TimelineRequest {
    fn default() -> Self {
        TimelineRequest {
            queries: vec!["*".into()],
            interval: Interval::Month,
            normalize: false,
            filters: super::SearchRequest::default(),
        }
    }
}

impl TimelineRequest {
    pub fn validate(&self) -> Result<(), super::RequestError> {
        if self.queries.is_empty() {
            return Err(super::RequestError::EmptyQuery);
        }
        for q in &self.queries {
            super::SearchRequest {
                query: q.clone(),
                ..self.filters.clone()
            }
            .validate()?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TimelineResponse {
    pub interval: Interval,
    pub series: Vec<Series>,
    /// What was searched that the user did not type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Matches per day (days since the Unix epoch), and the undated ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DayCounts {
    pub days: BTreeMap<i64, u64>,
    pub undated: u64,
}

impl DayCounts {
    pub fn total(&self) -> u64 {
        self.undated + self.days.values().sum::<u64>()
    }

    /// The first and last day with a match.
    pub fn span(&self) -> Option<(Date, Date)> {
        let first = self.days.keys().next()?;
        let last = self.days.keys().next_back()?;
        Some((day_of(*first)?, day_of(*last)?))
    }

    /// Counts per bucket from `from` to `to` (both included), zeros kept.
    pub fn buckets(&self, interval: Interval, from: Date, to: Date) -> Vec<(Date, u64)> {
        let mut per: BTreeMap<Date, u64> = BTreeMap::new();
        let mut start = interval.start(from);
        while start <= to {
            per.insert(start, 0);
            match interval.next(start) {
                Some(next) => start = next,
                None => break,
            }
        }
        for (&day, &n) in &self.days {
            if let Some(d) = day_of(day).filter(|d| *d >= from && *d <= to) {
                *per.entry(interval.start(d)).or_default() += n;
            }
        }
        per.into_iter().collect()
    }
}

const DAY_SECS: i64 = 86_400;

fn day_of(days: i64) -> Option<Date> {
    let ts = jiff::Timestamp::from_second(days.checked_mul(DAY_SECS)?).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

/// Counts matches per day from the `date` fast field.
pub struct DayCollector;

pub struct DaySegment {
    dates: Column<DateTime>,
    counts: DayCounts,
}

impl Collector for DayCollector {
    type Fruit = DayCounts;
    type Child = DaySegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<DaySegment> {
        Ok(DaySegment {
            dates: segment.fast_fields().date("date")?,
            counts: DayCounts::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DayCounts>) -> tantivy::Result<DayCounts> {
        let mut all = DayCounts::default();
        for f in fruits {
            all.undated += f.undated;
            for (day, n) in f.days {
                *all.days.entry(day).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for DaySegment {
    type Fruit = DayCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        match self.dates.first(doc) {
            Some(dt) => {
                let day = dt.into_timestamp_secs().div_euclid(DAY_SECS);
                *self.counts.days.entry(day).or_default() += 1;
            }
            None => self.counts.undated += 1,
        }
    }

    fn harvest(self) -> DayCounts {
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn counts(days: &[(Date, u64)], undated: u64) -> DayCounts {
        let epoch = date(1970, 1, 1);
        DayCounts {
            days: days
                .iter()
                .map(|(d, n)| (epoch.until(*d).unwrap().get_days() as i64, *n))
                .collect(),
            undated,
        }
    }

    #[test]
    fn buckets_start_where_their_interval_does() {
        let d = date(2024, 7, 24); // a Wednesday
        assert_eq!(Interval::Week.start(d), date(2024, 7, 22));
        assert_eq!(Interval::Month.start(d), date(2024, 7, 1));
        assert_eq!(Interval::Year.start(d), date(2024, 1, 1));
        assert_eq!(Interval::Day.start(d), d);
    }

    #[test]
    fn zero_buckets_are_kept_and_counts_add_up() {
        let c = counts(&[(date(2024, 1, 5), 2), (date(2024, 3, 30), 1)], 4);
        let (from, to) = c.span().unwrap();
        let b = c.buckets(Interval::Month, from, to);
        assert_eq!(
            b,
            [
                (date(2024, 1, 1), 2),
                (date(2024, 2, 1), 0),
                (date(2024, 3, 1), 1)
            ]
        );
        assert_eq!(b.iter().map(|(_, n)| n).sum::<u64>() + c.undated, c.total());
    }
}
