//! Ranking in two stages, as engines that search large collections do.
//!
//! 1. **Candidates.** The matching query (each word's body term: the body
//!    indexes the headline too) ranks every match by its body BM25. A
//!    word that is one term in one field makes a plain union or
//!    intersection of term postings, which tantivy walks with block-max
//!    WAND: a block of postings whose best possible score cannot reach
//!    the page is skipped, not scored. Segments are walked in turn with
//!    one heap, so a later segment starts from the bar an earlier one set.
//! 2. **Full scores.** The first [`FULL_WINDOW`] candidates are scored
//!    again by the full query, which adds what a headline match and the
//!    form as typed weigh ([`TITLE_BOOST`](crate::search::compile::TITLE_BOOST),
//!    [`SURFACE_BOOST`](crate::search::compile::SURFACE_BOOST)), and sorted
//!    again; then the re-ranking bonuses of [`crate::search::rescore`].
//!
//! A full score is never below a body score, so the window stays above
//! every hit after it, and every page cuts the same list. Hits after the
//! window keep their body score: a deep page is ordered by the text alone.
//!
//! The number of matches is counted in a pass of its own that scores
//! nothing (a term's document frequency, or bit sets ANDed a block of
//! documents at a time), beside the candidates when there are two cores.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, DocSet, Executor, Score, Searcher};

use crate::error::Result;

use super::prepare::Prepared;
use super::Engine;

/// How many of the best candidates the full query scores: the window the
/// re-ranking bonuses reorder too. Below it, hits are in body-score order.
pub use crate::search::rescore::WINDOW as FULL_WINDOW;

/// One candidate in the heap: the worst on top.
#[derive(Clone, Copy)]
struct Candidate {
    score: Score,
    addr: DocAddress,
}

impl Ord for Candidate {
    /// Better is greater: a higher score, then the earlier address (ties
    /// go to index order, as tantivy's own ranking does).
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.addr.cmp(&self.addr))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

/// The `k` best matches of `query`, best first, walking the segments in
/// order with one heap: its `k`th score is the bar every later block of
/// postings must pass.
pub(super) fn top(
    searcher: &Searcher,
    query: &dyn Query,
    k: usize,
) -> Result<Vec<(Score, DocAddress)>> {
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    // Worst on top: `Reverse` of better-is-greater.
    let mut heap: BinaryHeap<std::cmp::Reverse<Candidate>> = BinaryHeap::with_capacity(k + 1);
    let bar = |heap: &BinaryHeap<std::cmp::Reverse<Candidate>>| match heap.peek() {
        Some(worst) if heap.len() >= k => worst.0.score,
        _ => Score::MIN,
    };
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let alive = segment.alive_bitset();
        let start = bar(&heap);
        weight.for_each_pruning(start, segment, &mut |doc: DocId, score: Score| {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                // Segments come in address order, and documents within
                // one: a later match only wins with a higher score.
                if heap.len() < k || score > bar(&heap) {
                    heap.push(std::cmp::Reverse(Candidate {
                        score,
                        addr: DocAddress::new(ord as u32, doc),
                    }));
                    if heap.len() > k {
                        heap.pop();
                    }
                }
            }
            bar(&heap)
        })?;
    }
    let mut out: Vec<Candidate> = heap.into_iter().map(|r| r.0).collect();
    out.sort_by(|a, b| b.cmp(a));
    Ok(out.into_iter().map(|c| (c.score, c.addr)).collect())
}

/// Adds to each of `hits` (scored by the matching query) the scores of
/// the `extras` it matches, and sorts them best first (ties in index
/// order): their scores by the full query.
pub(super) fn add_extras(
    searcher: &Searcher,
    extras: &[Box<dyn Query>],
    hits: &mut [(Score, DocAddress)],
) -> Result<()> {
    if extras.is_empty() || hits.is_empty() {
        return Ok(());
    }
    // Each segment's hits in document order: postings only move forward.
    let mut order: Vec<usize> = (0..hits.len()).collect();
    order.sort_by_key(|&i| hits[i].1);
    let enabled = EnableScoring::enabled_from_searcher(searcher);
    for extra in extras {
        let weight = extra.weight(enabled)?;
        let mut rest = &order[..];
        while let Some(&first) = rest.first() {
            let ord = hits[first].1.segment_ord;
            let n = rest
                .iter()
                .take_while(|&&i| hits[i].1.segment_ord == ord)
                .count();
            let (these, after) = rest.split_at(n);
            rest = after;
            let mut scorer = weight.scorer(searcher.segment_reader(ord), 1.0)?;
            for &i in these {
                let doc = hits[i].1.doc_id;
                let at = if scorer.doc() < doc {
                    scorer.seek(doc)
                } else {
                    scorer.doc()
                };
                if at == doc {
                    hits[i].0 += scorer.score();
                }
            }
        }
    }
    hits.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(())
}

/// What a ranked search finds: the best hits, scored, and what the
/// counting pass found (the number of matches, facets …).
pub(super) struct Ranked<T> {
    pub(super) hits: Vec<(Score, DocAddress)>,
    pub(super) counted: T,
}

impl Engine {
    /// The best `k` matches of `prepared`, the first [`FULL_WINDOW`] of
    /// them scored by the full query, beside `count` (which scores
    /// nothing) on the other core when the engine has threads.
    pub(super) fn ranked<T: Send>(
        &self,
        searcher: &Searcher,
        prepared: &Prepared,
        k: usize,
        count: impl FnOnce() -> Result<T> + Send,
    ) -> Result<Ranked<T>> {
        let best = || top(searcher, &*prepared.matching, k);
        let (hits, counted) = match searcher.index().search_executor() {
            Executor::ThreadPool(pool) => pool.join(best, count),
            Executor::SingleThread => (best(), count()),
        };
        let mut hits = hits?;
        let end = hits.len().min(FULL_WINDOW);
        add_extras(searcher, &prepared.compiled.extras, &mut hits[..end])?;
        Ok(Ranked {
            hits,
            counted: counted?,
        })
    }
}
