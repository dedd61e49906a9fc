//! A ranked page of hits, and entity counts over all matches.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Occur, Query};
use tantivy::{DateTime, DocAddress, Order, Searcher};

use crate::analysis::analyzer;
use crate::error::Result;
use crate::search::facets::{self, FacetCounts, FacetsRequest};
use crate::search::hit::{warnings, Hit, Results};
use crate::search::sources::{self, SourceCollector};
use crate::search::{SearchRequest, Sort};

use super::filters::{and, filter};
use super::hits::HitContext;
use super::prepare::Prepared;
use super::rank::FULL_WINDOW;
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

/// A page's hits in order, each with its score (`None`: not ranked).
type Page = Vec<(Option<f32>, DocAddress)>;

impl Engine {
    /// A ranked page of hits: `limit` hits after `offset`.
    pub fn search(&self, req: &SearchRequest) -> Result<Results> {
        let started = std::time::Instant::now();
        let searcher = self.reader.searcher();
        let mut prepared = self.prepare(req, &searcher)?;
        let (offset, _) = page_bounds(&searcher, req);
        // Every match is counted, and its facets with it when asked, in a
        // pass that scores nothing. Alone, a count is a sum of document
        // frequencies or of bits, with no match visited one by one.
        let (page, (total, counts, by_source)) = match req.facets {
            None => self.page(req, &searcher, &mut prepared, |p| {
                Ok((self.count(&searcher, p)?, None, None))
            })?,
            Some(_) => self.page(req, &searcher, &mut prepared, |p| {
                let counter = (
                    Count,
                    facets::collector(&self.gazetteer, None),
                    SourceCollector,
                );
                let (n, facets, sources) = searcher.search(p, &counter)?;
                Ok((n, Some(facets), Some(sources)))
            })?,
        };
        let facets = match (req.facets, counts, by_source) {
            (Some(n), Some(counts), Some(by_source)) => {
                let mut summary = facets::summarize(&counts, total, &self.gazetteer, None, n);
                summary.sources = sources::top(by_source, n);
                Some(summary)
            }
            _ => None,
        };
        // Hits are made on the search's own threads, already awake; each
        // snippet reads and analyzes a whole body.
        let stages = self.stages(req.exact);
        let addrs: Vec<DocAddress> = page.iter().map(|(_, a)| *a).collect();
        let ctx = HitContext::new(self, &searcher, &prepared, req)?.with_positions(self, &addrs)?;
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

    /// The hits of `req`'s page, in order, with what `count` finds over
    /// the matching query.
    fn page<T: Send>(
        &self,
        req: &SearchRequest,
        searcher: &Searcher,
        prepared: &mut Prepared,
        count: impl Fn(&dyn Query) -> Result<T> + Sync,
    ) -> Result<(Page, T)> {
        let (offset, limit) = page_bounds(searcher, req);
        match req.sort.unwrap_or(Sort::Relevance) {
            Sort::Relevance => {
                // The whole re-ranked window, so that every page cuts the
                // same list.
                let k = (offset + limit).max(FULL_WINDOW);
                let matching = &*prepared.matching;
                let ranked = self.ranked(searcher, prepared, k, || count(matching))?;
                self.within_budget(req, prepared)?;
                let mut hits = ranked.hits;
                self.rescore(req, searcher, prepared, &mut hits)?;
                let page = hits
                    .into_iter()
                    .skip(offset)
                    .take(limit)
                    .map(|(s, a)| (Some(s), a))
                    .collect();
                Ok((page, ranked.counted))
            }
            sort => {
                let counted = count(&*prepared.matching)?;
                let addrs = self.by_date(searcher, &*prepared.matching, sort, offset, limit)?;
                self.within_budget(req, prepared)?;
                // The relevance of a date-sorted hit, for the record.
                let page = addrs
                    .into_iter()
                    .map(|a| Ok((Some(prepared.query.explain(searcher, a)?.value()), a)))
                    .collect::<Result<Vec<_>>>()?;
                Ok((page, counted))
            }
        }
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
            &*prepared.matching,
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
