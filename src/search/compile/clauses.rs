//! Tantivy clauses: entity and date filters, boosts and boolean groups.

use std::ops::Bound;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ExistsQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use crate::index::schema::Fields;
use crate::search::query::DateRange;

/// Articles carrying the entity facet `path` (`/person/lloyd-austin`).
pub fn entity_query(fields: &Fields, path: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(fields.entity, &Facet::from(path)),
        IndexRecordOption::Basic,
    ))
}

pub(super) fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

pub(super) fn boolean(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
    if clauses.is_empty() {
        return None;
    }
    if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    if clauses.len() == 1 && clauses[0].0 != Occur::MustNot {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

fn day_start(date: Date) -> DateTime {
    let secs = date
        .to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0);
    DateTime::from_timestamp_secs(secs)
}

/// The span tantivy's date field can hold (nanoseconds in an i64, so
/// 1677-09-21 to 2262-04-11), with a margin. Articles are dated 1900–2200;
/// a bound outside this span is no bound at all.
const FIRST_DAY: Date = jiff::civil::date(1678, 1, 1);
const LAST_DAY: Date = jiff::civil::date(2261, 12, 31);

/// A query on the date field for an inclusive range of days: every dated
/// article when the range holds every day the field can hold.
pub fn date_query(field: Field, range: &DateRange) -> Box<dyn Query> {
    let lower = match range.from.filter(|&d| d > FIRST_DAY) {
        Some(d) => Bound::Included(Term::from_field_date(field, day_start(d.min(LAST_DAY)))),
        None => Bound::Unbounded,
    };
    let upper = match range.to.filter(|&d| d < LAST_DAY) {
        // Before the first day the field holds: an end no article reaches.
        Some(d) => Bound::Excluded(Term::from_field_date(
            field,
            day_start(d.max(FIRST_DAY).tomorrow().unwrap_or(LAST_DAY)),
        )),
        None => Bound::Unbounded,
    };
    if matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
        return Box::new(ExistsQuery::new("date".to_string(), false));
    }
    Box::new(RangeQuery::new(lower, upper))
}

/// A query as two tantivy queries: the full one, which scores, and the one
/// that only matches — the same articles, found in fewer fields. Every
/// word of an article's headline is a word of its body (the body field
/// indexes both), and its form as typed only scores on top of its stem,
/// so a word matches wherever its body term does: a search can collect
/// and count by the body terms alone, and score fully only the articles
/// it shows (see the engine's `rank`).
pub(super) struct Built {
    pub(super) full: Box<dyn Query>,
    pub(super) matching: Box<dyn Query>,
}

impl Built {
    /// A part that finds what it scores (a filter, a date, a phrase in one
    /// field).
    pub(super) fn same(q: Box<dyn Query>) -> Built {
        Built {
            matching: q.box_clone(),
            full: q,
        }
    }

    pub(super) fn map(self, f: impl Fn(Box<dyn Query>) -> Box<dyn Query>) -> Built {
        Built {
            full: f(self.full),
            matching: f(self.matching),
        }
    }
}

/// The clauses of one boolean group, for both queries at once.
#[derive(Default)]
pub(super) struct Clauses {
    full: Vec<(Occur, Box<dyn Query>)>,
    matching: Vec<(Occur, Box<dyn Query>)>,
}

impl Clauses {
    /// `matching`: the clause's part in the matching query; `None` for a
    /// clause that only scores (its matches are another clause's), which
    /// the compiler lists among the [`Compiled::extras`](super::Compiled).
    pub(super) fn push(
        &mut self,
        occur: Occur,
        full: Box<dyn Query>,
        matching: Option<Box<dyn Query>>,
    ) {
        self.full.push((occur, full));
        if let Some(m) = matching {
            self.matching.push((occur, m));
        }
    }

    /// A group, or a word, as one clause.
    pub(super) fn push_built(&mut self, occur: Occur, built: Built) {
        self.push(occur, built.full, Some(built.matching));
    }

    pub(super) fn build(self) -> Option<Built> {
        let full = boolean(self.full)?;
        let matching = boolean(self.matching).unwrap_or_else(|| full.box_clone());
        Some(Built { full, matching })
    }
}
