//! A ranked page of hits, and entity counts over all matches.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Occur, Query};
use tantivy::{DateTime, DocAddress, Order, Searcher};

use crate::analysis::analyzer;
use crate::error::Result;
use crate::search::facets::{self, FacetCounts, FacetsRequest};
use crate::search::hit::{warnings, Hit, Results};
use crate::search::rescore::{self};
use crate::search::sources::{self, SourceCollector};
use crate::search::{SearchRequest, Sort};

use super::filters::{and, filter};
use super::hits::HitContext;
use super::Engine;

/// `req`'s offset and limit, at most the number of articles: no page holds
/// more, and tantivy's collectors size their buffers from them (a huge
/// `--offset` would overflow).
pub(super) fn page_bounds(searcher: &Searcher, req: &SearchRequest) -> (usize, usize) {
    let articles = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    (
        req.offset.min(articles),
        req.limit.clamp(1, articles.max(1)),
    )
}

impl Engine {
    /// A ranked page of hits: `limit` hits after `offset`.
    pub fn search(&self, req: &SearchRequest) -> Result<Results> {
        let started = std::time::Instant::now();
        let searcher = self.reader.searcher();
        let mut prepared = self.prepare(req, &searcher)?;
        let (offset, limit) = page_bounds(&searcher, req);
        // The whole re-ranked window, so that every page cuts the same list.
        let end = offset + limit;
        let top = TopDocs::with_limit(end.max(rescore::WINDOW)).order_by_score();
        // Hits, their number and their facets in one pass over the matches.
        let (ranked, total, facets) = match req.facets {
            Some(n) => {
                let (ranked, total, counts, by_source) = searcher.search(
                    &*prepared.query,
                    &(
                        top,
                        Count,
                        facets::collector(&self.gazetteer, None),
                        SourceCollector,
                    ),
                )?;
                let mut summary = facets::summarize(&counts, total, &self.gazetteer, None, n);
                summary.sources = sources::top(by_source, n);
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
        let ctx = HitContext::new(self, &searcher, &prepared, req)?;
        let hits = searcher
            .index()
            .search_executor()
            .map(
                |(i, (score, addr))| -> tantivy::Result<Result<Hit>> {
                    Ok(self.load_hit(&ctx, addr, offset + i + 1, score, &mut analyzer(stages)))
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
            warnings: warnings(&prepared.compiled.words),
            analyzed: prepared.compiled.words,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }

    /// Entity counts over every article matching the request's search
    /// (all articles for the query `*`), per type or for one type.
    pub fn facets(&self, freq: &FacetsRequest) -> Result<FacetCounts> {
        let (req, kind, top) = (&freq.search, freq.kind.as_deref(), freq.top);
        facets::check_kind(&self.gazetteer, kind)?;
        let searcher = self.reader.searcher();
        let prepared = self.prepare(req, &searcher)?;
        // Sources are counted beside every type, not beside one.
        let by_source = kind.is_none().then_some(SourceCollector);
        let (total, counts, by_source) = searcher.search(
            &*prepared.query,
            &(Count, facets::collector(&self.gazetteer, kind), by_source),
        )?;
        self.within_budget(req, &prepared)?;
        let mut summary = facets::summarize(&counts, total, &self.gazetteer, kind, top);
        summary.sources = by_source.map(|c| sources::top(c, top)).unwrap_or_default();
        summary.analyzed = prepared.compiled.words;
        Ok(summary)
    }

    /// Addresses of hits `offset..offset+limit` by date; undated hits come
    /// after every dated one, in index order.
    pub(super) fn by_date(
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
}
