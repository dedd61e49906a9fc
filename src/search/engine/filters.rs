//! The filters of a request: entities, sources and dates, which restrict
//! hits without changing their scores.

use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, ExistsQuery, Occur, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::search::compile::{self};
use crate::search::{DateRange, SearchRequest};

use super::Engine;

pub(super) fn and(clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(clauses))
}

pub(super) fn filter(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
}

impl Engine {
    pub(super) fn has_date(&self) -> Box<dyn Query> {
        Box::new(ExistsQuery::new("date".to_string(), false))
    }

    /// The filters of a request (`--source`, `--since`, `--until`), which
    /// restrict hits without changing their scores.
    pub(super) fn filters(&self, req: &SearchRequest) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.index.fields;
        let mut clauses = Vec::new();
        for path in &req.entities {
            clauses.push(filter(compile::entity_query(f, path)));
        }
        if !req.sources.is_empty() {
            let any = req
                .sources
                .iter()
                .map(|s| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f.source, s),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push(filter(and(any)));
        }
        if req.since.is_some() || req.until.is_some() {
            let range = compile::date_query(
                f.date,
                &DateRange {
                    from: req.since,
                    to: req.until,
                },
            );
            let dates = if req.include_undated {
                let undated = and(vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, self.has_date()),
                ]);
                and(vec![(Occur::Should, range), (Occur::Should, undated)])
            } else {
                range
            };
            clauses.push(filter(dates));
        }
        clauses
    }
}
