//! Runs searches on an open index: a ranked page of hits, every hit for
//! export, more-like-this, and whole stored articles.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EnableScoring, ExistsQuery, MoreLikeThisQuery, Occur,
    Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, OwnedValue};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, DocAddress, DocSet, IndexReader, Order, Searcher, Term, TERMINATED};

use super::budget::Budget;
use super::compile::{self, AnalyzedWord, Compiled, Compiler};
use super::facets::{self, FacetCounts};
use super::hit::{Explanation, Hit, Results, StoredArticle, TermMatch};
use super::neighbours::FieldVocabulary;
use super::rescore::{self, Bonuses, Rescorer};
use super::{query, snippet, DateRange, SearchRequest, Sort};
use crate::analysis::{analyzer, Stages};
use crate::corpus::date::Precision;
use crate::entities::{Entity, Gazetteer};
use crate::error::{Error, Result};
use crate::index::schema::Fields;
use crate::index::stored::{Head, Stored, Whole};
use crate::index::ArticleIndex;

/// An open index ready for queries. Searches see the last commit.
pub struct Engine {
    index: ArticleIndex,
    reader: IndexReader,
    gazetteer: Arc<Gazetteer>,
}

/// What an export reports besides its hits.
pub struct Exported {
    /// The number of hits written.
    pub total: usize,
    /// What each query word became.
    pub analyzed: Vec<AnalyzedWord>,
}

/// Where an export writes. `begin` is called once the query has compiled,
/// before the first hit, so a query that cannot run writes nothing.
pub trait HitSink {
    fn begin(&mut self) -> std::io::Result<()>;
    fn hit(&mut self, hit: Hit) -> std::io::Result<()>;
}

/// A request turned into a tantivy query, with what rendering needs.
struct Prepared {
    query: Box<dyn Query>,
    /// Spent when a phrase had to stop matching for lack of time.
    budget: Option<Arc<Budget>>,
    compiled: Compiled,
    /// What the re-ranking of the first hits added to each, by address.
    bonuses: HashMap<DocAddress, Bonuses>,
}

fn text<const W: bool>(doc: &Stored<W>, field: Field) -> Option<String> {
    doc.text(field).map(str::to_string)
}

/// The article's date as far as it is known: `2025-09-14`, `2025-09`, `2025`.
fn date_of<const W: bool>(doc: &Stored<W>, f: &Fields) -> Option<String> {
    let dt = doc.date(f.date)?;
    let ts = jiff::Timestamp::from_second(dt.into_timestamp_secs()).ok()?;
    let precision = Precision::from_code(doc.u64(f.date_precision).unwrap_or(0));
    Some(precision.show(ts.to_zoned(jiff::tz::TimeZone::UTC).date()))
}

/// `req`'s offset and limit, at most the number of articles: no page holds
/// more, and tantivy's collectors size their buffers from them (a huge
/// `--offset` would overflow).
fn page_bounds(searcher: &Searcher, req: &SearchRequest) -> (usize, usize) {
    let articles = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    (
        req.offset.min(articles),
        req.limit.clamp(1, articles.max(1)),
    )
}

fn and(clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(clauses))
}

fn filter(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
}

impl Engine {
    /// `gazetteer` resolves entity names in queries and names entities in
    /// hits; it should be the one the index was built with.
    pub fn open(mut index: ArticleIndex, gazetteer: Arc<Gazetteer>) -> Result<Engine> {
        // A query over several segments searches them on every core: a
        // query matching most of a large archive takes half the time. The
        // reader keeps the executor it was made with, so this comes first.
        if index.index.searchable_segment_ids()?.len() > 1 {
            index.index.set_default_multithread_executor()?;
        }
        let reader = index.reader()?;
        Ok(Engine {
            index,
            reader,
            gazetteer,
        })
    }

    /// False when the index's entity facets were made with another
    /// gazetteer than this engine's.
    pub fn gazetteer_matches(&self) -> bool {
        self.index.stamp.gazetteer_hash == self.gazetteer.hash
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    pub fn index(&self) -> &ArticleIndex {
        &self.index
    }

    fn stages(&self, exact: bool) -> Stages {
        let stages = self.index.stamp.stages();
        if exact {
            Stages {
                stem: false,
                ..stages
            }
        } else {
            stages
        }
    }

    fn has_date(&self) -> Box<dyn Query> {
        Box::new(ExistsQuery::new("date".to_string(), false))
    }

    /// The filters of a request (`--source`, `--since`, `--until`), which
    /// restrict hits without changing their scores.
    fn filters(&self, req: &SearchRequest) -> Vec<(Occur, Box<dyn Query>)> {
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

    fn prepare(&self, req: &SearchRequest, searcher: &Searcher) -> Result<Prepared> {
        self.prepare_within(req, searcher, req.timeout)
    }

    /// Fails when the search behind `prepared` ran out of time: its counts
    /// and hits would be silently short.
    fn within_budget(&self, req: &SearchRequest, prepared: &Prepared) -> Result<()> {
        match (&prepared.budget, req.timeout) {
            (Some(b), Some(limit)) if b.spent() => Err(Error::TooCostly {
                query: req.query.clone(),
                ms: limit.as_millis(),
            }),
            _ => Ok(()),
        }
    }

    fn prepare_within(
        &self,
        req: &SearchRequest,
        searcher: &Searcher,
        timeout: Option<std::time::Duration>,
    ) -> Result<Prepared> {
        let budget = timeout.map(Budget::new);
        let node = query::parse(&req.query, req.operator)?;
        if req.exact && !self.index.stamp.exact_fields {
            return Err(Error::Usage(format!(
                "--exact needs an index with exact copies: set `exact = true` under [analysis] in the config and run `fahras index` (it rebuilds {})",
                self.index.path.display()
            )));
        }
        let vocabulary = FieldVocabulary::new(searcher, self.index.fields.body)?;
        let compiled = Compiler::new(
            &self.index.fields,
            &self.gazetteer,
            self.index.stamp.stages(),
            req.exact,
            &req.query,
        )
        .with_surface_bonus(self.index.stamp.exact_fields)
        .with_vocabulary(&vocabulary)
        .with_budget(budget.clone())
        .compile(&node)?;
        let mut clauses = vec![(Occur::Must, compiled.query.box_clone())];
        clauses.extend(self.filters(req));
        let query = if clauses.len() == 1 {
            compiled.query.box_clone()
        } else {
            and(clauses)
        };
        Ok(Prepared {
            query,
            budget,
            compiled,
            bonuses: HashMap::new(),
        })
    }

    /// Re-ranks the first hits of a relevance ranking (see
    /// [`rescore`](super::rescore)), keeping what each got for `--explain`.
    fn rescore(
        &self,
        req: &SearchRequest,
        searcher: &Searcher,
        prepared: &mut Prepared,
        ranked: &mut [(f32, DocAddress)],
    ) -> Result<()> {
        let f = &self.index.fields;
        // `--exact` ranks by the unstemmed copy, where its terms are.
        let field = if req.exact { f.body_exact } else { f.body };
        let plan = &prepared.compiled.rescore;
        prepared.bonuses = Rescorer::new(searcher, field, plan).rescore(ranked)?;
        Ok(())
    }

    /// A ranked page of hits: `limit` hits after `offset`.
    pub fn search(&self, req: &SearchRequest) -> Result<Results> {
        let searcher = self.reader.searcher();
        let mut prepared = self.prepare(req, &searcher)?;
        let (offset, limit) = page_bounds(&searcher, req);
        // The whole re-ranked window, so that every page cuts the same list.
        let end = offset + limit;
        let top = TopDocs::with_limit(end.max(rescore::WINDOW)).order_by_score();
        // Hits, their number and their facets in one pass over the matches.
        let (ranked, total, facets) = match req.facets {
            Some(n) => {
                let (ranked, total, counts) = searcher.search(
                    &*prepared.query,
                    &(top, Count, facets::collector(&self.gazetteer, None)),
                )?;
                let summary = facets::summarize(&counts, total, &self.gazetteer, None, n);
                (ranked, total, Some(summary))
            }
            None => {
                let (ranked, total) = searcher.search(&*prepared.query, &(top, Count))?;
                (ranked, total, None)
            }
        };
        self.within_budget(req, &prepared)?;
        let page: Vec<(Option<f32>, DocAddress)> = match req.sort.unwrap_or(Sort::Relevance) {
            Sort::Relevance => {
                let mut ranked = ranked;
                self.rescore(req, &searcher, &mut prepared, &mut ranked)?;
                ranked
                    .into_iter()
                    .skip(offset)
                    .take(limit)
                    .map(|(s, a)| (Some(s), a))
                    .collect()
            }
            sort => {
                let addrs = self.by_date(&searcher, &*prepared.query, sort, offset, limit)?;
                // The relevance of a date-sorted hit, for the record.
                addrs
                    .into_iter()
                    .map(|a| Ok((Some(prepared.query.explain(&searcher, a)?.value()), a)))
                    .collect::<Result<_>>()?
            }
        };
        // Hits are made on the search's own threads, already awake; each
        // snippet reads and analyzes a whole body.
        let stages = self.stages(req.exact);
        let hits = searcher
            .index()
            .search_executor()
            .map(
                |(i, (score, addr))| -> tantivy::Result<Result<Hit>> {
                    Ok(self.page_hit(
                        &searcher,
                        &prepared,
                        addr,
                        offset + i + 1,
                        score,
                        &mut analyzer(stages),
                        req,
                    ))
                },
                page.into_iter().enumerate(),
            )?
            .into_iter()
            .collect::<Result<Vec<Hit>>>()?;
        Ok(Results {
            query: req.query.clone(),
            total,
            hits,
            facets,
            analyzed: prepared.compiled.words,
        })
    }

    /// Entity counts over every article matching `req` (all articles for
    /// the query `*`), per type or for one type.
    pub fn facets(
        &self,
        req: &SearchRequest,
        kind: Option<&str>,
        top: usize,
    ) -> Result<FacetCounts> {
        let searcher = self.reader.searcher();
        let prepared = self.prepare(req, &searcher)?;
        let (total, counts) = searcher.search(
            &*prepared.query,
            &(Count, facets::collector(&self.gazetteer, kind)),
        )?;
        self.within_budget(req, &prepared)?;
        let mut summary = facets::summarize(&counts, total, &self.gazetteer, kind, top);
        summary.analyzed = prepared.compiled.words;
        Ok(summary)
    }

    /// Addresses of hits `offset..offset+limit` by date; undated hits come
    /// after every dated one, in index order.
    fn by_date(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<DocAddress>> {
        let order = if sort == Sort::DateAsc {
            Order::Asc
        } else {
            Order::Desc
        };
        let dated = and(vec![
            (Occur::Must, query.box_clone()),
            filter(self.has_date()),
        ]);
        let (top, dated_total) = searcher.search(
            &*dated,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_fast_field::<DateTime>("date", order),
                Count,
            ),
        )?;
        let mut addrs: Vec<DocAddress> = top.into_iter().map(|(_, a)| a).collect();
        if addrs.len() < limit {
            let undated = and(vec![
                (Occur::Must, query.box_clone()),
                (Occur::MustNot, self.has_date()),
            ]);
            let skip = offset.saturating_sub(dated_total);
            let rest = searcher.search(
                &*undated,
                &TopDocs::with_limit(limit - addrs.len())
                    .and_offset(skip)
                    .order_by_score(),
            )?;
            let mut rest: Vec<DocAddress> = rest.into_iter().map(|(_, a)| a).collect();
            rest.sort();
            addrs.extend(rest);
        }
        Ok(addrs)
    }

    /// Every hit, streamed to `each` in order: index order without a sort
    /// (memory bounded by a few batches), else relevance or date order (the
    /// addresses of all hits are held, a few bytes each). Hits are built a
    /// batch at a time on every core while this thread writes the batch
    /// before (writing is a quarter of the work).
    ///
    /// An export has no time budget: it takes as long as its hits take to
    /// write.
    pub fn export(&self, req: &SearchRequest, sink: &mut dyn HitSink) -> Result<Exported> {
        let searcher = self.reader.searcher();
        let mut prepared = self.prepare_within(req, &searcher, None)?;
        sink.begin()
            .map_err(|e| Error::io("cannot write to standard output", e))?;
        let mut ranked = Vec::new();
        if req.sort == Some(Sort::Relevance) {
            let total = searcher.search(&*prepared.query, &Count)?;
            ranked = searcher.search(
                &*prepared.query,
                &TopDocs::with_limit(total.max(1)).order_by_score(),
            )?;
            self.rescore(req, &searcher, &mut prepared, &mut ranked)?;
        }
        // Two batches in flight: one being written, one being built.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<Hit>>>(1);
        std::thread::scope(|scope| {
            let (prepared, searcher) = (&prepared, &searcher);
            scope.spawn(move || {
                let mut send = |hits: Result<Vec<Hit>>| tx.send(hits).is_ok();
                if let Err(e) = self.build_export(req, prepared, searcher, &ranked, &mut send) {
                    send(Err(e));
                }
            });
            let mut rank = 0;
            // Returning early drops `rx`, which stops the builder at its
            // next batch.
            for hits in rx {
                for mut hit in hits? {
                    rank += 1;
                    hit.rank = rank;
                    sink.hit(hit)
                        .map_err(|e| Error::io("cannot write to standard output", e))?;
                }
            }
            Ok(Exported {
                total: rank,
                analyzed: prepared.compiled.words.clone(),
            })
        })
    }

    /// The builder half of [`export`](Self::export): hands each batch of
    /// hits to `send`, stopping when it returns false (the writer is gone).
    fn build_export(
        &self,
        req: &SearchRequest,
        prepared: &Prepared,
        searcher: &Searcher,
        ranked: &[(f32, DocAddress)],
        send: &mut dyn FnMut(Result<Vec<Hit>>) -> bool,
    ) -> Result<()> {
        /// Hits built in parallel at a time.
        const BATCH: usize = 1024;
        let stages = self.stages(req.exact);
        let build = |batch: &[(DocAddress, Option<f32>)]| -> Result<Vec<Hit>> {
            batch
                .par_iter()
                .map_init(
                    || analyzer(stages),
                    |snippet_analyzer, &(addr, score)| {
                        self.page_hit(searcher, prepared, addr, 0, score, snippet_analyzer, req)
                    },
                )
                .collect()
        };
        let mut flush = |batch: &mut Vec<(DocAddress, Option<f32>)>| -> bool {
            let going = batch.is_empty() || send(build(batch));
            batch.clear();
            going
        };
        let mut batch: Vec<(DocAddress, Option<f32>)> = Vec::with_capacity(BATCH);
        match req.sort {
            None => {
                let weight = prepared
                    .query
                    .weight(EnableScoring::disabled_from_searcher(searcher))?;
                for (ord, segment) in searcher.segment_readers().iter().enumerate() {
                    let alive = segment.alive_bitset();
                    let mut docs = weight.scorer(segment, 1.0)?;
                    let mut doc = docs.doc();
                    while doc != TERMINATED {
                        if alive.is_none_or(|a| a.is_alive(doc)) {
                            batch.push((DocAddress::new(ord as u32, doc), None));
                            if batch.len() == BATCH && !flush(&mut batch) {
                                return Ok(());
                            }
                        }
                        doc = docs.advance();
                    }
                }
            }
            Some(Sort::Relevance) => {
                for chunk in ranked.chunks(BATCH) {
                    batch.extend(chunk.iter().map(|&(score, addr)| (addr, Some(score))));
                    if !flush(&mut batch) {
                        return Ok(());
                    }
                }
            }
            Some(sort) => {
                let total = searcher.search(&*prepared.query, &Count)?;
                let addrs = self.by_date(searcher, &*prepared.query, sort, 0, total.max(1))?;
                for chunk in addrs.chunks(BATCH) {
                    batch.extend(chunk.iter().map(|&addr| (addr, None)));
                    if !flush(&mut batch) {
                        return Ok(());
                    }
                }
            }
        }
        flush(&mut batch);
        Ok(())
    }

    fn explain(
        &self,
        searcher: &Searcher,
        prepared: &Prepared,
        addr: DocAddress,
        score: f32,
    ) -> Result<Explanation> {
        let mut matches = Vec::new();
        for leaf in &prepared.compiled.leaves {
            // An explanation is an error exactly when the leaf does not match.
            if let Ok(e) = leaf.query.explain(searcher, addr) {
                matches.push(TermMatch {
                    field: leaf.field.to_string(),
                    terms: leaf.terms.clone(),
                    bm25: e.value(),
                    boost: leaf.boost,
                    score: e.value() * leaf.boost,
                });
            }
        }
        if let Some(bonuses) = prepared.bonuses.get(&addr) {
            matches.extend(bonuses.iter().cloned());
        }
        Ok(Explanation { score, matches })
    }

    /// One hit of a page or an export, explained when asked.
    #[allow(clippy::too_many_arguments)]
    fn page_hit(
        &self,
        searcher: &Searcher,
        prepared: &Prepared,
        addr: DocAddress,
        rank: usize,
        score: Option<f32>,
        analyzer: &mut TextAnalyzer,
        req: &SearchRequest,
    ) -> Result<Hit> {
        let mut hit = self.load_hit(
            searcher,
            addr,
            rank,
            score,
            &prepared.compiled,
            analyzer,
            req,
        )?;
        if req.explain {
            hit.explanation = Some(self.explain(searcher, prepared, addr, score.unwrap_or(0.0))?);
        }
        Ok(hit)
    }

    /// The hit for `addr`, reading the body only when a snippet needs it.
    #[allow(clippy::too_many_arguments)]
    fn load_hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        rank: usize,
        score: Option<f32>,
        compiled: &Compiled,
        analyzer: &mut TextAnalyzer,
        req: &SearchRequest,
    ) -> Result<Hit> {
        Ok(if req.snippets {
            let doc: Whole = searcher.doc(addr)?;
            self.hit(&doc, rank, score, compiled, analyzer, req)
        } else {
            let doc: Head = searcher.doc(addr)?;
            self.hit(&doc, rank, score, compiled, analyzer, req)
        })
    }

    fn hit<const W: bool>(
        &self,
        doc: &Stored<W>,
        rank: usize,
        score: Option<f32>,
        compiled: &Compiled,
        analyzer: &mut TextAnalyzer,
        req: &SearchRequest,
    ) -> Hit {
        let f = &self.index.fields;
        let title = text(doc, f.title).unwrap_or_default();
        let entities: Vec<&Entity> = doc
            .facets(f.entity)
            .filter_map(|path| self.gazetteer.by_facet(path))
            .collect();
        let snip = if req.snippets {
            let body = text(doc, f.body_text).unwrap_or_default();
            snippet::best(analyzer, &body, &compiled.highlight, req.snippet_chars)
                .or_else(|| snippet::best(analyzer, &title, &compiled.highlight, req.snippet_chars))
                .unwrap_or_else(|| snippet::lead(&body, req.snippet_chars))
        } else {
            snippet::Snippet::default()
        };
        Hit {
            qid: None,
            rank,
            score,
            id: text(doc, f.id).unwrap_or_default(),
            title,
            date: date_of(doc, f),
            source: text(doc, f.source),
            translator: text(doc, f.translator),
            path: text(doc, f.path).unwrap_or_default(),
            url: text(doc, f.url),
            highlights: snip.highlights.iter().map(|r| [r.start, r.end]).collect(),
            snippet: snip.text,
            entities: entities.iter().map(|e| e.id.clone()).collect(),
            entity_names: entities.iter().map(|e| e.ar.clone()).collect(),
            explanation: None,
        }
    }

    /// The one article with this id (in the file at `path`, when given).
    /// Two files may give their articles the same id: then the id alone is
    /// ambiguous, and the error lists the files to choose from.
    fn address_of(&self, searcher: &Searcher, id: &str, path: Option<&str>) -> Result<DocAddress> {
        /// Candidates named in the error.
        const LISTED: usize = 20;
        let f = &self.index.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.id, id),
                IndexRecordOption::Basic,
            )),
        )];
        if let Some(p) = path {
            // The index keys files by canonical path.
            let p = std::fs::canonicalize(p)
                .map_or_else(|_| p.to_string(), |a| a.display().to_string());
            clauses.push(filter(Box::new(TermQuery::new(
                Term::from_field_text(f.path, &p),
                IndexRecordOption::Basic,
            ))));
        }
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(LISTED).order_by_score(),
        )?;
        match top.as_slice() {
            [] => Err(Error::NotFound { id: id.to_string() }),
            [(_, a)] => Ok(*a),
            many => {
                let mut paths = Vec::new();
                for (_, a) in many {
                    let doc: Head = searcher.doc(*a)?;
                    paths.push(text(&doc, f.path).unwrap_or_default());
                }
                paths.sort();
                Err(Error::Ambiguous {
                    id: id.to_string(),
                    paths,
                })
            }
        }
    }

    /// The stored article with this id; `path` picks one when several
    /// files use the same id.
    pub fn article(&self, id: &str, path: Option<&str>) -> Result<StoredArticle> {
        let f = &self.index.fields;
        let searcher = self.reader.searcher();
        let doc: Whole = searcher.doc(self.address_of(&searcher, id, path)?)?;
        let extras = text(&doc, f.extras)
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        Ok(StoredArticle {
            id: text(&doc, f.id).unwrap_or_default(),
            title: text(&doc, f.title).unwrap_or_default(),
            date: date_of(&doc, f),
            source: text(&doc, f.source),
            translator: text(&doc, f.translator),
            author: text(&doc, f.author),
            url: text(&doc, f.url),
            path: text(&doc, f.path).unwrap_or_default(),
            body: text(&doc, f.body_text).unwrap_or_default(),
            extras,
        })
    }

    /// Articles most like the one with this id (its title and body terms
    /// weighed by tf-idf), itself left out. `req.query` is not used; its
    /// filters, limit and offset are.
    pub fn similar(&self, id: &str, req: &SearchRequest) -> Result<Results> {
        let f = &self.index.fields;
        let searcher = self.reader.searcher();
        let (offset, limit) = page_bounds(&searcher, req);
        let addr = self.address_of(&searcher, id, None)?;
        let doc: Whole = searcher.doc(addr)?;
        let field_text = |field| vec![OwnedValue::Str(text(&doc, field).unwrap_or_default())];
        let mlt = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(2)
            .with_document_fields(vec![
                (f.title, field_text(f.title)),
                (f.body, field_text(f.body_text)),
            ]);
        let not_itself: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(f.id, id),
            IndexRecordOption::Basic,
        ));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(mlt)), (Occur::MustNot, not_itself)];
        clauses.extend(self.filters(req));
        let query = and(clauses);
        let (top, total) = searcher.search(
            &*query,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_score(),
                Count,
            ),
        )?;
        let compiled = Compiled {
            query: Box::new(AllQuery),
            highlight: Default::default(),
            words: Vec::new(),
            leaves: Vec::new(),
            rescore: Default::default(),
        };
        let mut snippet_analyzer = analyzer(self.stages(false));
        let mut hits = Vec::new();
        for (i, (score, a)) in top.into_iter().enumerate() {
            hits.push(self.load_hit(
                &searcher,
                a,
                offset + i + 1,
                Some(score),
                &compiled,
                &mut snippet_analyzer,
                req,
            )?);
        }
        Ok(Results {
            query: format!("similar:{id}"),
            total,
            hits,
            facets: None,
            analyzed: Vec::new(),
        })
    }
}
