//! Searching: the query language ([`query`]), its translation to tantivy
//! ([`compile`]), ranking and paging here, and [`snippet`]s. Results are
//! plain data; [`crate::output`] renders them.

pub mod compile;
pub mod query;
pub mod snippet;

use std::collections::HashSet;

use jiff::civil::Date;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, IndexReader, Searcher, TantivyDocument, Term};

pub use compile::AnalyzedWord;
pub use query::{parse_date_value, DateRange, QueryError};

use crate::analysis::{analyzer, Stages};
use crate::config::Operator;
use crate::error::{Error, Result};
use crate::index::ArticleIndex;

/// One search, fully resolved.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    pub query: String,
    pub operator: Operator,
    pub exact: bool,
    pub limit: usize,
    pub offset: usize,
    /// Keep only these sources (any of them); exact names.
    pub sources: Vec<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub snippet_chars: usize,
}

/// One ranked hit. Field names are part of the machine output contract:
/// fields may be added, never renamed.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Hit {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qid: Option<String>,
    pub rank: usize,
    pub score: f32,
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub translator: Option<String>,
    pub path: String,
    pub url: Option<String>,
    pub snippet: String,
    /// `[start, end)` character ranges inside `snippet`.
    pub highlights: Vec<[usize; 2]>,
    pub entities: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Results {
    pub query: String,
    /// Every matching article, not just those shown.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// What each query word became (for `--show-query`).
    #[serde(skip)]
    pub analyzed: Vec<AnalyzedWord>,
}

/// An open index ready for queries.
pub struct Engine {
    index: ArticleIndex,
    reader: IndexReader,
}

/// A whole stored article, for `fahras show`.
#[derive(Clone, Debug, Serialize)]
pub struct StoredArticle {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub translator: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub path: String,
    pub body: String,
    pub extras: serde_json::Map<String, serde_json::Value>,
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

impl Engine {
    pub fn open(index: ArticleIndex) -> Result<Engine> {
        let reader = index.reader()?;
        Ok(Engine { index, reader })
    }

    pub fn index(&self) -> &ArticleIndex {
        &self.index
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    pub fn search(&self, req: &SearchRequest) -> Result<Results> {
        let fields = &self.index.fields;
        let node = query::parse(&req.query, req.operator)?;
        let compiled =
            compile::Compiler::new(fields, self.index.stamp.stages(), req.exact, &req.query)
                .compile(&node)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, compiled.query)];
        if !req.sources.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = req
                .sources
                .iter()
                .map(|s| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(fields.source, s),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 0.0)),
            ));
        }
        if req.since.is_some() || req.until.is_some() {
            let range = DateRange {
                from: req.since,
                to: req.until,
            };
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(
                    compile::date_query(fields.date, &range),
                    0.0,
                )),
            ));
        }
        let full: Box<dyn Query> = if clauses.len() == 1 {
            clauses
                .pop()
                .map(|(_, q)| q)
                .ok_or_else(|| Error::Usage("empty query".into()))?
        } else {
            Box::new(BooleanQuery::new(clauses))
        };

        let searcher = self.reader.searcher();
        let collector = (
            TopDocs::with_limit(req.limit.max(1))
                .and_offset(req.offset)
                .order_by_score(),
            Count,
        );
        let (top, total) = searcher.search(&*full, &collector)?;
        let stages = self.index.stamp.stages();
        let mut snippet_analyzer = analyzer(if req.exact {
            Stages {
                stem: false,
                ..stages
            }
        } else {
            stages
        });
        let mut hits = Vec::with_capacity(top.len());
        for (i, (score, addr)) in top.into_iter().enumerate() {
            hits.push(self.hit(
                &searcher,
                addr,
                req.offset + i + 1,
                score,
                &compiled.highlight,
                &mut snippet_analyzer,
                req.snippet_chars,
            )?);
        }
        Ok(Results {
            query: req.query.clone(),
            total,
            hits,
            analyzed: compiled.words,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        rank: usize,
        score: f32,
        terms: &HashSet<String>,
        analyzer: &mut TextAnalyzer,
        snippet_chars: usize,
    ) -> Result<Hit> {
        let f = &self.index.fields;
        let doc: TantivyDocument = searcher.doc(addr)?;
        let title = text(&doc, f.title).unwrap_or_default();
        let body = text(&doc, f.body).unwrap_or_default();
        let snip = snippet::best(analyzer, &body, terms, snippet_chars)
            .or_else(|| snippet::best(analyzer, &title, terms, snippet_chars))
            .unwrap_or_else(|| snippet::lead(&body, snippet_chars));
        Ok(Hit {
            qid: None,
            rank,
            score,
            id: text(&doc, f.id).unwrap_or_default(),
            title,
            date: date_of(&doc, f.date),
            source: text(&doc, f.source),
            translator: text(&doc, f.translator),
            path: text(&doc, f.path).unwrap_or_default(),
            url: text(&doc, f.url),
            highlights: snip.highlights.iter().map(|r| [r.start, r.end]).collect(),
            snippet: snip.text,
            entities: doc
                .get_all(f.entity)
                .filter_map(|v| v.as_facet().map(|s| s.to_string()))
                .collect(),
        })
    }

    /// The stored article with this id.
    pub fn article(&self, id: &str) -> Result<StoredArticle> {
        let f = &self.index.fields;
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(f.id, id), IndexRecordOption::Basic);
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        let (_, addr) = top
            .first()
            .ok_or_else(|| Error::NotFound { id: id.to_string() })?;
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let extras = text(&doc, f.extras)
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        Ok(StoredArticle {
            id: text(&doc, f.id).unwrap_or_default(),
            title: text(&doc, f.title).unwrap_or_default(),
            date: date_of(&doc, f.date),
            source: text(&doc, f.source),
            translator: text(&doc, f.translator),
            author: text(&doc, f.author),
            url: text(&doc, f.url),
            path: text(&doc, f.path).unwrap_or_default(),
            body: text(&doc, f.body).unwrap_or_default(),
            extras,
        })
    }
}

fn date_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    let dt = doc.get_first(field).and_then(|v| v.as_datetime())?;
    let ts = jiff::Timestamp::from_second(dt.into_timestamp_secs()).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
}
