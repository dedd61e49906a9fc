//! Every hit of a query, streamed to a sink in order.

use rayon::prelude::*;

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED};

use crate::analysis::analyzer;
use crate::error::{Error, Result};
use crate::search::compile::AnalyzedWord;
use crate::search::hit::Hit;
use crate::search::{SearchRequest, Sort};

use super::hits::HitContext;
use super::prepare::Prepared;
use super::Engine;

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

impl Engine {
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
            // Ranked as the pages of a search are, to the last match.
            let total = self.count(&searcher, &*prepared.matching)?;
            ranked = self
                .ranked(&searcher, &prepared, total.max(1), || Ok(()))?
                .hits;
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
        let ctx = HitContext::new(self, searcher, prepared, req)?;
        let build = |batch: &[(DocAddress, Option<f32>)]| -> Result<Vec<Hit>> {
            if let Some(hits) = ctx.column_hits(batch) {
                return hits;
            }
            batch
                .par_iter()
                .map_init(
                    || analyzer(stages),
                    |snippet_analyzer, &(addr, score)| {
                        self.load_hit(&ctx, addr, 0, score, snippet_analyzer)
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
                    .matching
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
                let total = self.count(searcher, &*prepared.matching)?;
                let addrs = self.by_date(searcher, &*prepared.matching, sort, 0, total.max(1))?;
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
}
